"""What an answer is built from, for shapes the project's schema does not have today but a new
field could add: a root field or a list whose type no cache tag describes leaves the answer
untagged (never cached), a list of scalars does not. Executed by graphql-core with the
project's `TaggingExecutionContext`, in a request scope, as `cms/api/execution.py` does."""

import pytest
from graphql import (
    GraphQLField,
    GraphQLInt,
    GraphQLList,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLString,
    execute,
    parse,
)

from cms.api import loaders
from cms.api.answer_tags import TaggingExecutionContext, answer_tags

# A type with no model behind it: no change anywhere would tell that its data went stale.
Thing = GraphQLObjectType("Thing", {"name": GraphQLField(GraphQLString)})


def things():
    yield from ({"name": name} for name in ("a", "b"))  # an iterable of unknown origin


# A root field's type the project tags by name (`TYPE_TAGS`), holding lists of either kind.
Search = GraphQLObjectType(
    "Search",
    {
        "things": GraphQLField(GraphQLList(Thing), resolve=lambda *_: things()),
        "fixedThings": GraphQLField(GraphQLList(Thing), resolve=lambda *_: list(things())),
        "numbers": GraphQLField(GraphQLList(GraphQLInt), resolve=lambda *_: iter([1, 2])),
    },
)
SCHEMA = GraphQLSchema(
    GraphQLObjectType(
        "Query",
        {
            "thing": GraphQLField(Thing, resolve=lambda *_: {"name": "a"}),
            "search": GraphQLField(Search, resolve=lambda *_: {}),
            "version": GraphQLField(GraphQLString, resolve=lambda *_: "1"),
        },
    )
)


def tags_of_answer(query):
    with loaders.request_scope() as scope:
        result = execute(SCHEMA, parse(query), execution_context_class=TaggingExecutionContext)
        assert not result.errors, result.errors
        return answer_tags(scope)


@pytest.mark.parametrize(
    "query",
    ["{ thing { name } }", "{ search { things { name } } }"],
    ids=["root field", "iterable of unknown origin"],
)
def test_an_answer_holding_what_no_tag_describes_is_untagged(query):
    assert tags_of_answer(query) is None


@pytest.mark.parametrize(
    "query",
    ["{ version }", "{ search { numbers } }", "{ search { fixedThings { name } } }"],
    ids=["scalar root field", "iterable of scalars", "fixed list nested in an object"],
)
def test_an_answer_of_scalars_or_fixed_lists_is_tagged(query):
    assert tags_of_answer(query) == frozenset({"all"})


def test_outside_a_request_nothing_is_recorded():
    # The same execution with no request scope (a management command, a shell): no store.
    result = execute(
        SCHEMA, parse("{ thing { name } }"), execution_context_class=TaggingExecutionContext
    )
    assert result.data == {"thing": {"name": "a"}}
    assert loaders.current_store() is None
