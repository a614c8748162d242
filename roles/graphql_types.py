"""GraphQL types for values that roles' blocks compute rather than store."""

from dataclasses import fields

import graphene

from roles.salary import SalaryRow


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
    },
)
