"""Every `order` argument accepts only an allow-list of public fields."""

import pytest
from graphql import GraphQLObjectType, GraphQLString, get_nullable_type

from cms.api.document_checks import schema
from cms.api.errors import ApiError
from tests.factories import make_guide
from tests.graphql_http import post_graphql

PRIVATE = ["owner__password", "locked_by__email", "-draft_title", "latest_revision_created_at"]


def order_fields():
    for type_name, graphql_type in schema().type_map.items():
        if type_name.startswith("__") or not isinstance(graphql_type, GraphQLObjectType):
            continue
        for field_name, field in graphql_type.fields.items():
            order = field.args.get("order")
            if order is not None and get_nullable_type(order.type) is GraphQLString:
                yield f"{type_name}.{field_name}", field


ORDER_FIELDS = dict(order_fields())


def test_the_schema_has_order_arguments_to_check():
    assert {"Query.pages", "Query.images", "Page.children", "SiteObjectType.pages"} <= set(
        ORDER_FIELDS
    )


@pytest.mark.parametrize("coordinate", sorted(ORDER_FIELDS))
@pytest.mark.parametrize("order", PRIVATE)
def test_every_order_argument_refuses_private_fields(coordinate, order):
    # The check comes before the resolver does anything, so no page or request is needed.
    with pytest.raises(ApiError) as refused:
        ORDER_FIELDS[coordinate].resolve(None, None, order=order)
    assert refused.value.extensions["code"] == "BAD_USER_INPUT"
    assert "may name only `id`" in refused.value.message


@pytest.mark.parametrize(
    "query",
    [
        '{ pages(order: "-draft_title") { title } }',
        '{ pages(order: "title, owner__password") { title } }',
        '{ page(slug: "roles") { children(order: "locked_by__email") { title } } }',
        '{ images(order: "uploaded_by_user__password") { title } }',
        '{ documents(order: "file") { title } }',
        '{ sites { pages(order: "latest_revision_created_at") { title } } }',
    ],
)
def test_private_orders_are_bad_user_input_over_http(client, site_tree, query):
    errors = post_graphql(client, query).json()["errors"]
    assert [e["extensions"]["code"] for e in errors] == ["BAD_USER_INPUT"]
    assert "may name only" in errors[0]["message"]


def test_public_orders_still_sort(client, roles_index):
    for title in ("Beta", "Alpha", "Gamma"):
        make_guide(roles_index, title.lower(), title=title)
    query = """{ page(slug: "roles") {
      up: children(order: "title") { title }
      down: children(order: "-title, id") { title } } }"""
    data = post_graphql(client, query).json()["data"]["page"]
    assert [p["title"] for p in data["up"]] == ["Alpha", "Beta", "Gamma"]
    assert [p["title"] for p in data["down"]] == ["Gamma", "Beta", "Alpha"]
