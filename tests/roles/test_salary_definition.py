"""A salary row is defined once (`roles/salary.py: SalaryRow`); the editor's block, its
validation, the GraphQL type and the mapping from stored tables follow it."""

from dataclasses import fields

from roles.blocks import SalaryRowBlock, SalaryTableBlock
from roles.salary import SalaryRow, row_fields, table_rows

STORED = [f.name for f in fields(SalaryRow) if f.name != "currency"]


def test_the_block_has_exactly_the_rows_fields_in_order():
    assert list(SalaryRowBlock().child_blocks) == STORED == [f.name for f in row_fields()]


def test_the_graphql_type_serves_every_field_and_display_string():
    from graphene.utils.str_converters import to_camel_case

    from cms.api.document_checks import schema

    served = list(schema().type_map["SalaryRow"].fields)
    displays = [name for name in dir(SalaryRow) if name.endswith("_display")]
    computed = ["change_from_previous_edition"]  # against the previous edition's row
    expected = [*(f.name for f in fields(SalaryRow)), *displays, *computed]
    assert set(served) == {to_camel_case(name) for name in expected}


def test_every_range_is_held_in_order_by_the_editor():
    block = SalaryRowBlock()
    for upper in (f for f in row_fields() if f.metadata.get("above")):
        value = block.to_python({"level": "Senior", upper.metadata["above"]: 9, upper.name: 3})
        try:
            block.clean(value)
        except Exception as error:  # StructBlockValidationError
            assert upper.name in error.block_errors
        else:
            raise AssertionError(f"{upper.name} below its minimum was accepted")


def test_a_stored_table_maps_every_field():
    values = {f.name: index for index, f in enumerate(row_fields()) if f.type is not str}
    table = SalaryTableBlock().to_python(
        {"currency": "EUR", "rows": [{"level": "Mid", **values}], "heading": ""}
    )
    (row,) = table_rows(table)
    assert row.currency == "EUR" and row.level == "Mid"
    assert {name: getattr(row, name) for name in values} == values
