"""A bad window is refused with a code, the same way on every root list that takes `limit`
and `offset` (checked once, before the resolver: `cms/api/ordering.py`)."""

import pytest

LISTS = {
    "redirects": "redirects(limit: $limit, offset: $offset) { oldPath }",
    "search": 'search(query: "guide", limit: $limit, offset: $offset) { __typename }',
    "tools": "tools(limit: $limit, offset: $offset) { name }",
}


@pytest.mark.parametrize("name", list(LISTS))
@pytest.mark.parametrize(
    "limit, offset, message",
    [
        (5, -1, "`offset` may not be negative."),
        (0, 0, "`limit` must be between 1 and 100."),
        (101, 0, "`limit` must be between 1 and 100."),
    ],
)
def test_a_bad_window_is_refused_with_a_code(gql_errors, site_tree, name, limit, offset, message):
    query = "query($limit: Int, $offset: Int) { " + LISTS[name] + " }"
    _, errors = gql_errors(query, {"limit": limit, "offset": offset})
    assert [(e["message"], e["extensions"]["code"]) for e in errors] == [
        (message, "BAD_USER_INPUT")
    ]
