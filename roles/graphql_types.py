"""GraphQL types for values that roles' blocks compute rather than store."""

from dataclasses import fields

import graphene

from roles.salary import SalaryRow
from roles.salary_diff import BASE_SALARY, INTERN_MONTHLY


def salary_row_fields():
    """SalaryRow's fields as GraphQL fields, in its order, each display string right after
    the field that ends the range it shows (descriptions from the metadata and docstrings)."""
    found = {}
    for row_field in fields(SalaryRow):
        required = row_field.type is str
        kind = graphene.Int if row_field.type == int | None else graphene.String
        found[row_field.name] = kind(
            required=required, description=row_field.metadata.get("description")
        )
        display = row_field.metadata.get("display")
        if display:
            description = getattr(SalaryRow, display).__doc__
            found[display] = graphene.String(required=required, description=description)
    return found


class PayKind(graphene.Enum):
    """Which pay of a salary row a change compares: its base salary, or its monthly intern
    pay when it has no base salary."""

    BASE_SALARY = BASE_SALARY
    INTERN_PAY = INTERN_MONTHLY

    @property
    def description(self):
        if self == PayKind.BASE_SALARY:
            return "The annual base salary (`baseSalaryMin`, `baseSalaryMax`)."
        return "The monthly intern pay (`internMonthlyMin`, `internMonthlyMax`)."


class SalaryChange(graphene.ObjectType):
    """How a salary row's pay changed since the guide's previous edition (the same level in
    the same-position salary table), in % of the previous figure, to one decimal: +8.0 is
    "+8% vs 2026"."""

    min = graphene.Float(description="The change of the lower end; null when either is empty.")
    max = graphene.Float(description="The change of the upper end; null when either is empty.")
    pay = graphene.Field(PayKind, required=True, description="Which pay is compared.")
    previous_year = graphene.Int(required=True, description="The previous edition's year.")


def resolve_change_from_previous_edition(row, info):
    return getattr(row, "change_from_previous_edition", None)


SALARY_ROW_DESCRIPTION = (
    "One level of a salary table: amounts as integers, ranges as min/max, plus display strings."
    "\n\nAn empty amount is null; a display string is null when both ends of its range are empty."
)

SalaryRowType = type(
    "SalaryRowType",
    (graphene.ObjectType,),
    {
        "__doc__": SALARY_ROW_DESCRIPTION,
        "Meta": type("Meta", (), {"name": "SalaryRow"}),
        **salary_row_fields(),
        "change_from_previous_edition": graphene.Field(
            SalaryChange,
            description="This row's pay against the same level of the guide's "
            "`previousEdition`; null when there is no previous edition, no such level, or it "
            "is in another currency or another kind of pay.",
        ),
        "resolve_change_from_previous_edition": staticmethod(resolve_change_from_previous_edition),
    },
)
