"""The typed sections of a role guide. Each block is one kind of section on the page.

Every block sets an icon, a description and a preview value, so editors can tell them apart
in the block picker, and a docstring, which becomes its GraphQL description.
"""

import json

from django.core.exceptions import ValidationError
from grapple.models import GraphQLInt, GraphQLPage, GraphQLString
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from cms.api import loaders
from cms.api.blocks import ApiStructBlock, register_api_blocks
from cms.api.fields import (
    GraphQLBlockList,
    GraphQLObject,
    GraphQLRichText,
    GraphQLSnippetList,
    required_list,
)
from cms.api.safe_urls import safe_url
from cms.blocks import PageLinkChooserBlock, SharedSnippetChooserBlock
from roles.graphql_types import SalaryRowType
from roles.salary import (
    CURRENCY_CHOICES,
    CURRENCY_SYMBOLS,
    money_fields,
    ordered_ranges,
    row_fields,
    table_rows,
)
from roles.salary_changes import placed_rows

SECTION_FEATURES = ["h3", "h4", "bold", "italic", "link", "ol", "ul"]


def require_ordered(errors, values, low_name, high_name, label):
    """Record a field error on `high_name` when both ends are set and low > high."""
    low, high = values.get(low_name), values.get(high_name)
    if low is not None and high is not None and low > high:
        errors[high_name] = ValidationError(
            f"The {label} maximum ({high:,}) must not be below the minimum ({low:,})."
        )


class SectionBlock(ApiStructBlock):
    """A heading and rich text, e.g. 'What does an MLOps engineer do?'."""

    heading = blocks.CharBlock(max_length=160)
    body = blocks.RichTextBlock(features=SECTION_FEATURES)

    graphql_fields = [
        GraphQLString("heading", required=True),
        GraphQLRichText("body", required=True),
    ]

    class Meta:
        template = "roles/blocks/section.html"
        icon = "doc-full"
        label = "Section"
        description = "A heading followed by formatted text."
        preview_value = {
            "heading": "What does an MLOps engineer do?",
            "body": "<p>They take models from a notebook to a reliable production service.</p>",
        }


class SkillBlock(ApiStructBlock):
    """One skill and the tools a practitioner uses for it."""

    name = blocks.CharBlock(max_length=200, help_text="e.g. 'ML pipeline orchestration'.")
    tools = blocks.ListBlock(
        SharedSnippetChooserBlock("roles.Tool", label="Tool"),
        min_num=0,
        max_num=10,
        help_text="Shared tools, so readers and the API can find every role that uses one.",
    )

    graphql_fields = [
        # grapple reads `name` and `label` as the block's own attributes: resolve via methods.
        GraphQLString("name", required=True, source="skill_name"),
        GraphQLSnippetList("tools", "roles.Tool", source="chosen_tools"),
    ]

    def skill_name(self, info, values, **kwargs):
        return values["name"]

    def chosen_tools(self, info, values, **kwargs):
        return [tool for tool in values["tools"] if tool is not None]

    class Meta:
        icon = "tick"
        label = "Skill"


class SkillsListBlock(ApiStructBlock):
    """A list of skills, each with the tools behind it."""

    heading = blocks.CharBlock(max_length=160)
    skills = blocks.ListBlock(SkillBlock(), min_num=1, max_num=20)

    graphql_fields = [
        GraphQLString("heading", required=True),
        GraphQLBlockList("skills", SkillBlock),
    ]

    class Meta:
        template = "roles/blocks/skills_list.html"
        icon = "list-ul"
        label = "Skills list"
        description = "Skills a candidate needs, each with the tools used for it."
        preview_value = {
            "heading": "Required Skills & Qualifications",
            "skills": [{"name": "ML pipeline orchestration", "tools": []}],
        }


class MomentBlock(ApiStructBlock):
    """One part of a working day, e.g. the morning, told as a short narrative."""

    label = blocks.CharBlock(max_length=60, help_text="e.g. 'Morning' or 'End of day'.")
    narrative = blocks.TextBlock()

    graphql_fields = [
        GraphQLString("label", required=True, source="moment_label"),
        GraphQLString("narrative", required=True),
    ]

    def moment_label(self, info, values, **kwargs):
        return values["label"]

    class Meta:
        icon = "time"
        label = "Moment"


class DayInTheLifeBlock(ApiStructBlock):
    """A day in the role, as ordered moments from morning to end of day."""

    heading = blocks.CharBlock(max_length=160)
    moments = blocks.ListBlock(MomentBlock(), min_num=1, max_num=24)

    graphql_fields = [
        GraphQLString("heading", required=True),
        GraphQLBlockList("moments", MomentBlock),
    ]

    class Meta:
        template = "roles/blocks/day_in_the_life.html"
        icon = "date"
        label = "Day in the life"
        description = "The role's working day, moment by moment."
        preview_value = {
            "heading": "A day in the life",
            "moments": [{"label": "Morning", "narrative": "Review the overnight alerts."}],
        }


class CareerLevelBlock(ApiStructBlock):
    """One rung of the career ladder."""

    title = blocks.CharBlock(max_length=120, help_text="e.g. 'Senior MLOps Engineer'.")
    summary = blocks.TextBlock(required=False, help_text="Optional: what changes at this level.")

    graphql_fields = [
        GraphQLString("title", required=True),
        GraphQLString("summary", required=True),
    ]

    class Meta:
        icon = "arrow-right"
        label = "Level"


class CareerPathBlock(ApiStructBlock):
    """The career ladder, from the first level to the most senior."""

    heading = blocks.CharBlock(max_length=160)
    levels = blocks.ListBlock(CareerLevelBlock(), min_num=2, max_num=12)

    graphql_fields = [
        GraphQLString("heading", required=True),
        GraphQLBlockList("levels", CareerLevelBlock),
    ]

    class Meta:
        template = "roles/blocks/career_path.html"
        icon = "order"
        label = "Career path"
        description = "Ordered levels, e.g. Intern → Engineer I → Senior → Staff."
        preview_value = {
            "heading": "Career Path",
            "levels": [{"title": "Intern"}, {"title": "Engineer I"}, {"title": "Senior"}],
        }


def salary_row_child_blocks():
    """The row's fields as blocks, from `SalaryRow` (roles/salary.py), in its order."""
    children = []
    for row_field in row_fields():
        meta = row_field.metadata
        if row_field.type is str:
            block = blocks.CharBlock(max_length=meta["max_length"], help_text=meta["help_text"])
        else:
            options = {"help_text": meta["help_text"]} if meta["help_text"] else {}
            block = blocks.IntegerBlock(
                required=False, min_value=0, max_value=meta["most"], **options
            )
        children.append((row_field.name, block))
    return children


class SalaryRowBlock(ApiStructBlock):
    """One level of a salary table. Every amount is optional; ranges are min and max."""

    def __init__(self, **kwargs):
        super().__init__(local_blocks=salary_row_child_blocks(), **kwargs)

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        for low, high, label in ordered_ranges():
            require_ordered(errors, value, low, high, label)
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "form"
        label = "Salary row"
        # Four lines and the strings readers will see (roles/static/roles/salary_editor.*).
        form_template = "roles/admin/salary_row_form.html"
        form_classname = "struct-block salary-row"


class SalaryTableBlock(ApiStructBlock):
    """Pay by level in one currency, with where the figures come from and when."""

    heading = blocks.CharBlock(
        max_length=160,
        required=False,
        help_text="Leave blank when the table sits under the career path's heading.",
    )
    currency = blocks.ChoiceBlock(
        choices=CURRENCY_CHOICES,
        required=False,
        help_text="ISO 4217 code. Required once any amount is filled in.",
    )
    rows = blocks.ListBlock(SalaryRowBlock(), min_num=1, max_num=15)
    source_note = blocks.CharBlock(
        max_length=300, required=False, help_text="Where the figures come from."
    )
    as_of_year = blocks.IntegerBlock(
        required=False, min_value=2000, max_value=2100, help_text="The year the figures describe."
    )

    graphql_fields = [
        GraphQLString("heading", required=True),
        GraphQLString("currency"),
        GraphQLObject("rows", required_list(SalaryRowType), source="salary_rows"),
        GraphQLString("source_note", required=True),
        GraphQLInt("as_of_year"),
    ]

    def salary_rows(self, info, values, **kwargs):
        # Rows that know their guide, for `changeFromPreviousEdition` (roles/salary_changes.py).
        return placed_rows(info, table_rows(values))

    def get_context(self, value, parent_context=None):
        return {**super().get_context(value, parent_context), "rows": table_rows(value)}

    def get_form_context(self, value, prefix="", errors=None):
        # The editor's live preview formats amounts with the same symbols as the API.
        context = super().get_form_context(value, prefix=prefix, errors=errors)
        return {**context, "currency_symbols": json.dumps(CURRENCY_SYMBOLS)}

    def clean(self, value):
        value = super().clean(value)
        has_money = any(
            row.get(name) is not None for row in value["rows"] for name in money_fields()
        )
        if has_money and not value.get("currency"):
            raise StructBlockValidationError(
                block_errors={
                    "currency": ValidationError("Choose the currency the amounts are in.")
                }
            )
        return value

    class Meta:
        template = "roles/blocks/salary_table.html"
        form_template = "roles/admin/salary_table_form.html"
        form_classname = "struct-block salary-table"
        icon = "table"
        label = "Salary table"
        description = "Base salary, equity/bonus and intern pay by level."
        preview_value = {
            "currency": "USD",
            "rows": [
                {
                    "level": "Entry-Level",
                    "experience_min_years": 0,
                    "experience_max_years": 2,
                    "base_salary_min": 125000,
                    "base_salary_max": 175000,
                }
            ],
            "source_note": "Sourced from public salary data.",
        }


class CompaniesHiringBlock(ApiStructBlock):
    """Companies hiring for the role. May be empty; an empty list renders nothing."""

    heading = blocks.CharBlock(max_length=160)
    companies = blocks.ListBlock(
        SharedSnippetChooserBlock("roles.Company", label="Company"), min_num=0, max_num=50
    )

    graphql_fields = [
        GraphQLString("heading", required=True),
        GraphQLSnippetList("companies", "roles.Company", source="chosen_companies"),
    ]

    def chosen_companies(self, info, values, **kwargs):
        return [company for company in values["companies"] if company is not None]

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        return {**context, "companies": self.chosen_companies(None, value)}

    class Meta:
        template = "roles/blocks/companies_hiring.html"
        icon = "group"
        label = "Companies hiring"
        description = "Shared company entries (name, logo, website)."
        preview_value = {"heading": "Top companies hiring", "companies": []}


class CallToActionBlock(ApiStructBlock):
    """A prompt to act, with a button that links to a page or a URL."""

    heading = blocks.CharBlock(max_length=160)
    text = blocks.TextBlock()
    button_label = blocks.CharBlock(max_length=60)
    link_page = PageLinkChooserBlock(required=False, help_text="Link to a page here…")
    link_url = blocks.URLBlock(required=False, help_text="…or to a URL elsewhere.")

    graphql_fields = [
        GraphQLString("heading", required=True),
        GraphQLString("text", required=True),
        GraphQLString("button_label", required=True),
        GraphQLPage("link_page", source="live_link_page"),
        GraphQLString("link_url"),
        GraphQLString("href", source="resolved_href", description="Where the button goes."),
    ]

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("link_page")) == bool(value.get("link_url")):
            message = "Choose either a page or a URL for the button, not both."
            if not value.get("link_page"):
                message = "Choose a page or enter a URL for the button."
            raise StructBlockValidationError(block_errors={"link_url": ValidationError(message)})
        return value

    def live_link_page(self, info, values, **kwargs):
        page = values.get("link_page")
        if page is None or not page.live or loaders.is_restricted(page):
            return None
        return page.specific_deferred

    def get_context(self, value, parent_context=None):
        return {
            **super().get_context(value, parent_context),
            "href": self.resolved_href(None, value),
        }

    def resolved_href(self, info, values, **kwargs):
        page = self.live_link_page(info, values)
        if page is not None:
            return page.url
        return safe_url(values.get("link_url")) or None

    class Meta:
        template = "roles/blocks/call_to_action.html"
        icon = "link"
        label = "Call to action"
        description = "Heading, text and a button linking to a page or URL."
        preview_value = {
            "heading": "Apply now",
            "text": "Send your profile and we will help you land an interview.",
            "button_label": "Apply",
            "link_url": "https://example.com/apply",
        }


class FaqBlock(ApiStructBlock):
    """Frequently asked questions, chosen from the shared FAQ entries."""

    heading = blocks.CharBlock(max_length=160)
    entries = blocks.ListBlock(
        SharedSnippetChooserBlock("faqs.FaqEntry", label="FAQ entry"), min_num=1, max_num=30
    )

    graphql_fields = [
        GraphQLString("heading", required=True),
        GraphQLSnippetList(
            "entries",
            "faqs.FaqEntry",
            source="live_entries",
            description="Published entries only; drafts never appear.",
        ),
    ]

    def live_entries(self, info, values, **kwargs):
        return [entry for entry in values["entries"] if entry is not None and entry.live]

    def get_context(self, value, parent_context=None):
        return {
            **super().get_context(value, parent_context),
            "entries": self.live_entries(None, value),
        }

    class Meta:
        template = "roles/blocks/faq.html"
        icon = "help"
        label = "FAQ"
        description = "Questions and answers from the shared FAQ entries."
        preview_value = {"heading": "Frequently asked questions", "entries": []}


class RoleGuideStreamBlock(blocks.StreamBlock):
    """The sections of a role guide, in the order readers see them."""

    section = SectionBlock()
    skills_list = SkillsListBlock()
    day_in_the_life = DayInTheLifeBlock()
    career_path = CareerPathBlock()
    salary_table = SalaryTableBlock()
    companies_hiring = CompaniesHiringBlock()
    call_to_action = CallToActionBlock()
    faq = FaqBlock()

    class Meta:
        # The API serves and costs a guide by these bounds (cms/api/limits.py): any number of
        # sections up to the total, and a few of each structured section.
        max_num = 300
        block_counts = {
            "skills_list": {"max_num": 5},
            "day_in_the_life": {"max_num": 5},
            "career_path": {"max_num": 5},
            "salary_table": {"max_num": 5},
            "companies_hiring": {"max_num": 5},
            "call_to_action": {"max_num": 20},
            "faq": {"max_num": 10},
        }


register_api_blocks(
    SectionBlock,
    SkillBlock,
    SkillsListBlock,
    MomentBlock,
    DayInTheLifeBlock,
    CareerLevelBlock,
    CareerPathBlock,
    SalaryTableBlock,
    CompaniesHiringBlock,
    CallToActionBlock,
    FaqBlock,
)
