from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Cast
from django.utils.text import slugify
from grapple.models import (
    GraphQLField,
    GraphQLImage,
    GraphQLInt,
    GraphQLSnippet,
    GraphQLString,
)
from grapple.types.interfaces import StreamFieldInterface
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.api.fields import required_list
from cms.api.grapple_compat import registry
from cms.pages import BasePage
from roles.blocks import RoleGuideStreamBlock
from roles.panels import SalaryDiffPanel
from roles.role_slugs import check_role_slug, role_slug_for
from roles.structured_data import role_guide_nodes

MIN_YEAR = 2000
MAX_YEAR = 2100


class SluggedSnippet(models.Model):
    """A named, shared entry with a URL-safe slug filled in from its name."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(
        max_length=120, unique=True, blank=True, help_text="Filled in from the name if empty."
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    graphql_fields = [GraphQLString("name", required=True), GraphQLString("slug", required=True)]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:120]
        super().save(*args, **kwargs)


class Category(index.Indexed, SluggedSnippet):
    """A family of roles, e.g. 'Machine Learning' or 'Data'. Listings filter by it."""

    search_fields = SluggedSnippet.search_fields  # index.Indexed's empty list comes first

    class Meta(SluggedSnippet.Meta):
        verbose_name_plural = "categories"


class Tool(index.Indexed, SluggedSnippet):
    """A tool or technology a skill relies on, e.g. 'Kubeflow'. Shared across guides."""

    search_fields = SluggedSnippet.search_fields

    website = models.URLField(blank=True)

    panels = SluggedSnippet.panels + [FieldPanel("website")]
    graphql_fields = SluggedSnippet.graphql_fields + [
        GraphQLString("website", required=True),
        lambda: tool_role_guides_field(),
    ]

    def graphql_role_guides(self, info, **kwargs):
        from roles.cross_role import tool_role_guides

        return tool_role_guides(self, info, **kwargs)


def tool_role_guides_field():
    from roles.cross_role import tool_role_guides_field  # roles.cross_role imports this module

    return tool_role_guides_field()


class CompanyManager(models.Manager):
    def get_queryset(self):
        # Logos are shown with every company: fetch them together.
        return super().get_queryset().select_related("logo")


class Company(index.Indexed, SluggedSnippet):
    """An employer, shown in 'companies hiring' sections of any guide."""

    search_fields = SluggedSnippet.search_fields

    website = models.URLField(blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = CompanyManager()

    panels = SluggedSnippet.panels + [FieldPanel("website"), FieldPanel("logo")]
    graphql_fields = SluggedSnippet.graphql_fields + [
        GraphQLString("website", required=True),
        GraphQLImage("logo"),
    ]

    class Meta(SluggedSnippet.Meta):
        verbose_name_plural = "companies"


class RoleIndexPage(BasePage):
    """The 'Roles' section: the parent of every role guide."""

    intro = models.TextField(blank=True, help_text="Shown above the list of roles.")

    content_panels = Page.content_panels + [FieldPanel("intro")]
    graphql_fields = BasePage.graphql_fields + [GraphQLString("intro", required=True)]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["roles.RoleGuidePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "role index page"


class RoleGuidePage(BasePage):
    """A career guide for one role and year: what the role is, skills, pay and FAQs."""

    role_name = models.CharField(max_length=120, help_text="e.g. 'MLOps Engineer'.")
    role_slug = models.SlugField(
        max_length=120,
        blank=True,
        allow_unicode=True,
        help_text="The role every edition of this guide shares, e.g. 'mlops-engineer'. "
        "Filled in from the role name if empty.",
    )
    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)],
        help_text="The edition year of the guide, e.g. 2026.",
    )
    intro = models.TextField(max_length=1000, help_text="A short introduction to the role.")
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    category = models.ForeignKey(
        Category, null=True, blank=False, on_delete=models.SET_NULL, related_name="guides"
    )
    body = StreamField(RoleGuideStreamBlock(), blank=True)
    previous_edition = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Last year's guide for this role, which this edition was started from.",
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("role_name"),
                FieldPanel("role_slug"),
                FieldPanel("year"),
                FieldPanel("category"),
            ],
            heading="Role",
        ),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        SalaryDiffPanel(),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("role_name"),
        index.SearchField("intro"),
        index.FilterField("year"),
        index.FilterField("category"),
    ]
    graphql_fields = BasePage.graphql_fields + [
        GraphQLString("role_name", required=True),
        GraphQLString(
            "role_slug",
            required=True,
            description="The role every edition of this guide shares, e.g. 'mlops-engineer'.",
        ),
        GraphQLInt("year", required=True),
        GraphQLString("intro", required=True),
        GraphQLImage("hero_image"),
        GraphQLSnippet("category", "roles.Category"),
        GraphQLField(
            "body",
            required_list(StreamFieldInterface),
            description="The guide's sections; each block is its own type.",
            source="graphql_body",
        ),
        GraphQLField(
            "editions",
            required_list(lambda: registry.pages[RoleGuidePage]),
            description="Every live edition of this guide's role (the same `roleSlug`), this "
            "guide included, newest year first (on the same year, the older page first). One "
            "a year: at most 101.",
            source="graphql_editions",
        ),
        GraphQLField(
            "previous_edition",
            lambda: registry.pages[RoleGuidePage],
            description="The edition this guide was started from when it is live, else the "
            "newest live edition of the role from an earlier year; null when there is none.",
            source="graphql_previous_edition",
        ),
    ]

    # For Wagtail's REST API v2, which `make bench` mounts to compare against.
    api_fields = [
        APIField("role_name"),
        APIField("year"),
        APIField("intro"),
        APIField("category"),
        APIField("hero_image"),
        APIField("body"),
    ]

    parent_page_types = ["roles.RoleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "role guide"
        # roleGuides' filters (category, year) and orders (YEAR read on the year index, by
        # id for ties; TITLE and NEWEST on the page table: migration 0010), read in either
        # direction, so a page after a cursor is a range (cms/api/cursors.py).
        indexes = [
            models.Index(fields=["year", "page_ptr"], name="roles_guide_year_id_idx"),
            models.Index(
                fields=["category", "year", "page_ptr"], name="roles_guide_cat_year_id_idx"
            ),
            models.Index(fields=["category", "page_ptr"], name="roles_guide_cat_id_idx"),
            # Every edition of a role, newest first; the newest edition of each role.
            models.Index(fields=["role_slug", "year"]),
            # Search joins its index entries to guides on the id as text (Wagtail's database
            # backend: object_id = page_ptr_id::varchar(50)); without this, every search
            # reads every guide (cms/migrations/0002 indexes the entries' side).
            models.Index(
                Cast("page_ptr", output_field=models.CharField(max_length=50)),
                name="roles_guide_search_key",
            ),
            # The sitemap leaves out no-index pages (cms/api/sitemap.py): the few there are,
            # read from this index instead of every guide.
            models.Index(
                fields=["page_ptr"], condition=models.Q(no_index=True), name="roles_guide_noindex"
            ),
        ]

    def full_clean(self, *args, **kwargs):
        self.fill_role_slug()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self.fill_role_slug()
        super().save(*args, **kwargs)

    def fill_role_slug(self):
        if not self.role_slug:
            self.role_slug = role_slug_for(self.role_name)

    def clean(self):
        super().clean()
        check_role_slug(self)

    # GraphQL (batched per request: roles/edition_loaders.py) --------------------------------
    def graphql_body(self, info, **kwargs):
        from roles.edition_loaders import edition_loader
        from roles.salary_changes import note_served_body

        note_served_body(info, self)  # its salary rows find their guide by path
        return edition_loader().with_body(self).body

    def graphql_editions(self, info, **kwargs):
        from roles.edition_loaders import edition_loader

        return edition_loader().editions(self)

    def graphql_previous_edition(self, info, **kwargs):
        from roles.edition_loaders import edition_loader

        return edition_loader().previous_edition(self)

    def structured_data_nodes(self, page_url):
        return role_guide_nodes(self, page_url)

    def seo_fallback_description(self):
        return self.intro

    def seo_fallback_image(self):
        return self.hero_image


# The cross-role facts tables, maintained from guides' bodies (roles/facts.py).
from roles.facts import GuideSalary, GuideSkill, GuideTool  # noqa: E402, F401
