"""The guide editor's salary panel: this edition's salary tables against the previous edition's."""

from django.conf import settings
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.functional import cached_property
from wagtail.admin.panels import Panel

from roles.salary_diff import compare_tables, display_rows


def previous_live_edition(guide):
    """The live guide this one is compared with: its `previous_edition` when that is live, else
    the newest live guide of the same role from an earlier year; None when there is none.
    One query."""
    from roles.models import RoleGuidePage

    if guide.pk is None:
        return None
    candidates = Q(role_slug=guide.role_slug, year__lt=guide.year) if guide.role_slug else Q()
    if guide.previous_edition_id:
        candidates |= Q(pk=guide.previous_edition_id)
    if not candidates:
        return None
    guides = RoleGuidePage.objects.live().filter(candidates).exclude(pk=guide.pk)
    if guide.previous_edition_id:
        linked = When(pk=guide.previous_edition_id, then=Value(1))
        guides = guides.annotate(
            linked=Case(linked, default=Value(0), output_field=IntegerField())
        ).order_by("-linked", "-year", "-pk")
    else:
        guides = guides.order_by("-year", "-pk")
    return guides.first()


def salary_tables_only(body):
    """The salary table blocks of a body, without loading any other block (and the snippets
    they refer to)."""
    return body.blocks_by_name("salary_table")


class SalaryDiffPanel(Panel):
    """'Salary vs 2026': each salary row of this guide, as last saved, against the previous
    edition's published one, with the % change on each end. Rows that moved by more than
    SALARY_CHANGE_FLAG_PERCENT, and levels only one side has, are flagged."""

    def __init__(self, *args, template="roles/admin/salary_diff_panel.html", **kwargs):
        super().__init__(*args, **kwargs)
        self.template = template

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "template": self.template}

    @property
    def clean_name(self):
        return super().clean_name or "salary_diff"

    class BoundPanel(Panel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.template_name = self.panel.template
            # Wagtail also binds the panels without a form (to compare revisions): no lookup.
            self.previous = None if self.form is None else previous_live_edition(self.instance)
            if self.previous is not None:
                self.heading = f"Salary vs {self.previous.year}"

        def is_shown(self):
            return self.previous is not None

        def saved_body(self):
            """The body as last saved. The edit view's instance is the latest revision, but
            after a submission with errors it holds what was submitted: read the revision."""
            if not self.form.is_bound:
                return self.instance.body
            page = type(self.instance).objects.get(pk=self.instance.pk)
            return page.get_latest_revision_as_object().body

        @cached_property
        def diff_tables(self):
            threshold = settings.SALARY_CHANGE_FLAG_PERCENT
            before_name = str(self.previous.year)
            return [
                {
                    "heading": (after or before or {}).get("heading", ""),
                    "rows": display_rows(rows, threshold=threshold, before_name=before_name),
                }
                for before, after, rows in compare_tables(
                    salary_tables_only(self.previous.body), salary_tables_only(self.saved_body())
                )
            ]

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(
                previous=self.previous,
                diff_tables=self.diff_tables,
                before_name=str(self.previous.year),
                after_name=str(self.instance.year),
                threshold=settings.SALARY_CHANGE_FLAG_PERCENT,
            )
            return context
