from django.db import models
from grapple.models import GraphQLString
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, LockableMixin, PreviewableMixin, RevisionMixin
from wagtail.search import index

from cms.api.fields import GraphQLRichText

ANSWER_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class FaqEntryQuerySet(models.QuerySet):
    def live(self):
        """Entries whose published version may be served; drafts never leave the admin."""
        return self.filter(live=True)


class FaqEntry(
    DraftStateMixin,
    RevisionMixin,
    LockableMixin,
    PreviewableMixin,
    index.Indexed,
    models.Model,
):
    """A question and its answer, written once and reused by any number of role guides.

    Edits are drafts until published, so a shared answer never changes live by accident.
    """

    question = models.CharField(max_length=255, help_text="As a reader would ask it.")
    answer = RichTextField(features=ANSWER_FEATURES, help_text="A short, complete answer.")
    topic = models.CharField(
        max_length=100,
        blank=True,
        help_text="Groups related entries, e.g. 'MLOps' or 'Certifications'.",
    )

    objects = FaqEntryQuerySet.as_manager()

    panels = [FieldPanel("question"), FieldPanel("answer"), FieldPanel("topic")]
    search_fields = [
        index.SearchField("question"),
        index.SearchField("answer"),
        index.FilterField("live"),
        index.FilterField("topic"),
    ]
    graphql_fields = [
        GraphQLString("question", required=True),
        GraphQLRichText("answer", required=True),
        GraphQLString("topic", required=True),
    ]

    class Meta:
        verbose_name = "FAQ entry"
        verbose_name_plural = "FAQ entries"
        ordering = ["question"]

    def __str__(self):
        return self.question

    def get_preview_template(self, request, mode_name):
        return "faqs/faq_entry_preview.html"
