"""Query limits: size, aliases, depth and cost, checked before anything runs.

The cost is counted the way Saleor does: every field costs 1, and a list field multiplies what
is under it by how many items it can return (its `perPage` or `limit`, else a default page
size, or its registered maximum). Introspection fields (`__schema`, `__type`, `__typename`)
cost 1 each, their lists counted once, and add no depth; whether introspection is allowed at
all is a separate setting. Fragments are measured once and counted at every spread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLList,
    InlineFragmentNode,
    OperationDefinitionNode,
    Undefined,
    get_named_type,
    get_nullable_type,
    is_abstract_type,
    is_object_type,
    type_from_ast,
    value_from_ast,
)
from graphql.execution.values import get_argument_values

from cms.api.errors import ApiError, ErrorCode

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from graphql import (
        DocumentNode,
        GraphQLField,
        GraphQLNamedType,
        GraphQLSchema,
        SelectionSetNode,
    )
    from wagtail.blocks import StreamBlock

PAGE_SIZE_ARGUMENTS = ("perPage", "limit")

DEFAULTS = {
    "MAX_DEPTH": 12,
    "MAX_COST": 20_000,
    "MAX_ALIASES": 30,
    "MAX_QUERY_LENGTH": 20_000,
    "MAX_TOKENS": 1000,
    "MAX_BATCH": 10,
    "MAX_BODY_BYTES": 200_000,
    "DEFAULT_LIST_SIZE": 10,
    "DEFAULT_PAGE_SIZE": 20,
    "MAX_SEARCH_QUERY_LENGTH": 200,
    "MAX_SEARCH_TERMS": 32,
    "MAX_OPERATIONS": 10,
    "MAX_FRAGMENTS": 50,
    "MAX_FIELD_REPEATS": 20,
}

# Extra cost of particular fields, beyond the 1 every field costs: (type name, field name) ->
# a function of the field's argument values (defaults filled in) returning an int. Modules that
# know what a field does register it here (renditions, for instance, cost what they generate).
FIELD_COSTS = {}


def register_field_cost(
    type_name: str, field_name: str, cost_of_arguments: Callable[[dict[str, Any]], int]
) -> None:
    FIELD_COSTS[(type_name, field_name)] = cost_of_arguments


# The most items a list field without a page-size argument can hold: (type name, field
# name) -> n. The cost counts a list as this many items; the schema test fails on any list
# field that has neither this nor a bounded page-size argument.
LIST_SIZES = {}


def register_list_size(type_name: str, field_name: str, most: int) -> None:
    LIST_SIZES[(type_name, field_name)] = most


# grapple's generic types, whose sizes no block definition states: cut to these by the API
# (cms/api/ordering.py). Apps register their own blocks' maxima with `register_stream_sizes`.
for _type, _field, _most in (
    ("ListBlock", "items", 20),
    ("StreamBlock", "blocks", 30),
    ("StructBlock", "blocks", 20),
    ("ChoiceBlock", "choices", 50),
    ("ImageObjectType", "tags", 20),
    ("ImageObjectType", "renditions", 20),
    ("DocumentObjectType", "tags", 20),
    ("CollectionObjectType", "ancestors", 10),
    ("CollectionObjectType", "descendants", 50),
    ("Query", "settings", 10),
):
    register_list_size(_type, _field, _most)

# Lists of mixed types (a StreamField's blocks): (type name, field name) -> the most of each
# item type, where one is stated. The total is in LIST_SIZES.
MIXED_LIST_SIZES = {}


def register_stream_sizes(type_name: str, field_name: str, stream_block: StreamBlock) -> None:
    """Register a StreamField's bounds, as its block definitions state them (and editors are
    held to them by validation): the most blocks in all and of each kind, and the `max_num` of
    every ListBlock inside its StructBlocks. The GraphQL type of a block is its class name."""
    from wagtail import blocks

    if stream_block.meta.max_num is None:
        raise ValueError(f"{type_name}.{field_name} needs a max_num to be served.")
    register_list_size(type_name, field_name, stream_block.meta.max_num)
    MIXED_LIST_SIZES[(type_name, field_name)] = {
        type(stream_block.child_blocks[name]).__name__: counts["max_num"]
        for name, counts in (stream_block.meta.block_counts or {}).items()
        if counts.get("max_num") is not None
    }
    stack = list(stream_block.child_blocks.values())
    while stack:
        block = stack.pop()
        for name, child in getattr(block, "child_blocks", {}).items():
            if isinstance(child, blocks.ListBlock):
                if child.meta.max_num is None:
                    raise ValueError(f"{type(block).__name__}.{name} needs a max_num.")
                register_list_size(type(block).__name__, name, child.meta.max_num)
                stack.append(child.child_block)
            else:
                stack.append(child)


def worst_mixed_cost(
    most: int, most_of_type: dict[str, int], common: int, cost_of_type: dict[str, int]
) -> int:
    """The most a list of at most `most` items can cost, each item costing `common` plus what
    is asked of its type, with at most `most_of_type[t]` items of type t: the costliest types
    first, as many of each as allowed."""
    total, left = most * common, most
    for name, cost in sorted(cost_of_type.items(), key=lambda item: -item[1]):
        count = min(most_of_type.get(name, left), left)
        total, left = min(total + count * cost, COST_CAP), left - count
    return total


def list_size(type_name: str, field_name: str) -> int:
    return LIST_SIZES.get((type_name, field_name), limit("DEFAULT_LIST_SIZE"))


def limit(name: str) -> int:
    return {**DEFAULTS, **getattr(settings, "GRAPHQL_LIMITS", {})}[name]


@dataclass
class Measure:
    depth: int
    cost: int


def count_aliases(document: DocumentNode) -> int:
    """Aliased fields in the whole document (a linear walk; fragments are counted once)."""
    total = 0
    stack = [definition.selection_set for definition in document.definitions]
    while stack:
        selection_set = stack.pop()
        if selection_set is None:
            continue
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode) and selection.alias:
                total += 1
            stack.append(getattr(selection, "selection_set", None))
    return total


# GraphQL's tokens, roughly (block strings, strings, comments, names, numbers, punctuators):
# counted with one regular expression before parsing, which is many times faster than the
# parser's own count when a document is far over the limit.
TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|"(?:[^"\\\n]|\\.)*"|#[^\n\r]*'
    r"|[_A-Za-z][_0-9A-Za-z]*|-?[0-9][0-9.eE+-]*|\.\.\.|[!$&()\[\]{}:=@|]"
)


def check_token_count(text: str) -> None:
    """Refuse a query with far more than MAX_TOKENS tokens before parsing it."""
    most = limit("MAX_TOKENS")
    count = 0
    for match in TOKEN.finditer(text):
        count += match.group()[0] != "#"
        if count > most:
            raise ApiError(f"The query has more than {most} tokens.", ErrorCode.QUERY_TOO_LARGE)


def check_shape(document: DocumentNode) -> None:
    """Cheap, linear bounds on what makes graphql-core's validation slow (its rule that
    fields with one name can merge compares every pair): how many operations and fragments a
    document defines, and how often one response name occurs in one selection set, counting
    what inline fragments and fragment spreads put there."""
    operations = fragments = 0
    for definition in document.definitions:
        operations += isinstance(definition, OperationDefinitionNode)
        fragments += isinstance(definition, FragmentDefinitionNode)
    for count, name in ((operations, "MAX_OPERATIONS"), (fragments, "MAX_FRAGMENTS")):
        if count > limit(name):
            what = "operations" if name == "MAX_OPERATIONS" else "fragments"
            raise ApiError(
                f"The document defines {count} {what}; at most {limit(name)} are allowed.",
                ErrorCode.QUERY_TOO_COMPLEX,
            )
    _RepeatCounter(document).check()


class _RepeatCounter:
    def __init__(self, document: DocumentNode) -> None:
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.operations = [
            d for d in document.definitions if isinstance(d, OperationDefinitionNode)
        ]
        self.names_of_fragment = {}
        self.most = limit("MAX_FIELD_REPEATS")

    def check(self) -> None:
        for definition in self.fragments.values():
            self.fragment_names(definition.name.value)
        stack = [d.selection_set for d in self.fragments.values()]
        stack += [d.selection_set for d in self.operations]
        while stack:
            selection_set = stack.pop()
            self.names(selection_set)
            inline = [selection_set]
            while inline:  # the fields under this one, through its inline fragments
                for selection in inline.pop().selections:
                    if isinstance(selection, InlineFragmentNode):
                        inline.append(selection.selection_set)
                    elif isinstance(selection, FieldNode) and selection.selection_set:
                        stack.append(selection.selection_set)

    def fragment_names(self, name: str) -> dict[str, int]:
        names = self.names_of_fragment.get(name)
        if names is None:
            fragment = self.fragments.get(name)
            self.names_of_fragment[name] = {}  # a cycle counts nothing (validation refuses it)
            names = self.names(fragment.selection_set) if fragment else {}
            self.names_of_fragment[name] = names
        return names

    def names(self, selection_set: SelectionSetNode) -> dict[str, int]:
        """Response name -> occurrences at the top of a selection set, fragments included."""
        counts = {}
        stack = [selection_set]
        while stack:
            for selection in stack.pop().selections:
                if isinstance(selection, FieldNode):
                    key = (selection.alias or selection.name).value
                    counts[key] = counts.get(key, 0) + 1
                elif isinstance(selection, InlineFragmentNode):
                    stack.append(selection.selection_set)
                elif isinstance(selection, FragmentSpreadNode):
                    for key, n in self.fragment_names(selection.name.value).items():
                        counts[key] = min(counts.get(key, 0) + n, COST_CAP)
        for key, n in counts.items():
            if n > self.most:
                raise ApiError(
                    f"The query selects `{key}` {n} times in one place; at most {self.most} "
                    "are allowed.",
                    ErrorCode.QUERY_TOO_COMPLEX,
                )
        return counts


def check_aliases(document: DocumentNode) -> None:
    aliases = count_aliases(document)
    if aliases > limit("MAX_ALIASES"):
        raise ApiError(
            f"The query uses {aliases} aliases; at most {limit('MAX_ALIASES')} are allowed.",
            ErrorCode.TOO_MANY_ALIASES,
        )


# Costs beyond this are all "far too much": capping keeps the arithmetic small when a
# document multiplies lists or spreads fragments exponentially.
COST_CAP = 10**15


class _Measurer:
    """Walks one operation with the schema's types. It runs before validation (which is the
    slower check), so it skips what validation will refuse: unknown fields, types and
    fragments count 1 and fragment cycles count nothing more.

    Linear in the size of the document: each fragment is measured once per context (whether
    it sits under a paginated `items`), and every spread counts that fragment's whole cost, so
    a fragment spread twice costs twice.
    """

    def __init__(
        self, schema: GraphQLSchema, document: DocumentNode, variables: dict[str, Any] | None
    ) -> None:
        self.schema = schema
        self.variables = variables or {}
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.fragment_measures = {}
        self.in_progress = set()

    def page_size(self, field_node: FieldNode, field_def: GraphQLField) -> int | None:
        for name in PAGE_SIZE_ARGUMENTS:
            if name not in field_def.args:
                continue
            argument = next((a for a in field_node.arguments if a.name.value == name), None)
            value = None
            if argument is not None:
                value = value_from_ast(argument.value, field_def.args[name].type, self.variables)
            if value is None:
                value = field_def.args[name].default_value
            return value if isinstance(value, int) and value > 0 else limit("DEFAULT_PAGE_SIZE")
        return None

    def selection_set(
        self,
        selection_set: SelectionSetNode,
        parent_type: GraphQLNamedType | None,
        paginated: int | None,
    ) -> Measure:
        """(depth below, cost) of a selection set. On a union or interface, what is asked of
        each object type counts once, for the costliest type: each item is of one type."""
        deepest, cost, per_type = self.parts(selection_set, parent_type, paginated)
        return Measure(deepest, min(cost + max(per_type.values(), default=0), COST_CAP))

    def parts(
        self,
        selection_set: SelectionSetNode,
        parent_type: GraphQLNamedType | None,
        paginated: int | None,
    ) -> tuple[int, int, dict[str, int]]:
        """(depth below, cost common to every type, cost asked of each object type)."""
        deepest, cost = 0, 0
        per_type = {}  # object type name -> cost of the fragments on it
        for selection in selection_set.selections:
            condition = None
            if isinstance(selection, FieldNode):
                measure = self.field(selection, parent_type, paginated)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition and selection.type_condition.name.value
                fragment_type = self.schema.get_type(condition) if condition else None
                measure = self.selection_set(
                    selection.selection_set, fragment_type or parent_type, paginated
                )
            elif isinstance(selection, FragmentSpreadNode):
                fragment = self.fragments.get(selection.name.value)
                condition = fragment and fragment.type_condition.name.value
                measure = self.fragment(selection.name.value, paginated)
            else:  # pragma: no cover
                continue
            deepest = max(deepest, measure.depth)
            if is_abstract_type(parent_type) and is_object_type(self.schema.get_type(condition)):
                per_type[condition] = min(per_type.get(condition, 0) + measure.cost, COST_CAP)
            else:
                cost = min(cost + measure.cost, COST_CAP)
        return deepest, cost, per_type

    def fragment(self, name: str, paginated: int | None) -> Measure:
        key = (name, paginated)
        measure = self.fragment_measures.get(key)
        if measure is None:
            fragment = self.fragments.get(name)
            if fragment is None or key in self.in_progress:
                return Measure(0, 0)  # unknown or cyclic: validation refuses it
            self.in_progress.add(key)
            fragment_type = self.schema.get_type(fragment.type_condition.name.value)
            measure = self.selection_set(fragment.selection_set, fragment_type, paginated)
            self.in_progress.discard(key)
            self.fragment_measures[key] = measure
        return measure

    def field(
        self, node: FieldNode, parent_type: GraphQLNamedType | None, paginated: int | None
    ) -> Measure:
        name = node.name.value
        if name.startswith("__"):
            return self.introspection_field(node, parent_type)
        field_def = getattr(parent_type, "fields", {}).get(name)
        if field_def is None:
            return Measure(1, 1)  # unknown here: validation refuses it
        extra = self.extra_cost(node, parent_type, field_def)
        is_list = isinstance(get_nullable_type(field_def.type), GraphQLList)
        multiplier, page_size = 1, self.page_size(node, field_def)
        if page_size is not None and is_list:  # `pages(limit: 50)`
            multiplier, page_size = page_size, None
        elif paginated and name == "items":  # `items` of `roleGuides(perPage: 50)`
            multiplier = paginated
        elif is_list:
            multiplier = list_size(parent_type.name, name)
        if node.selection_set is None:
            return Measure(1, min(1 + extra, COST_CAP))
        child_type = get_named_type(field_def.type)
        most_of_type = MIXED_LIST_SIZES.get((parent_type.name, name))
        if is_list and most_of_type is not None:  # a StreamField: each kind of block its most
            deepest, common, per_type = self.parts(node.selection_set, child_type, None)
            cost = worst_mixed_cost(multiplier, most_of_type, common, per_type)
            return Measure(1 + deepest, min(1 + extra + cost, COST_CAP))
        # A listing (`{ items, pagination }`) passes its page size down to its `items`.
        children = self.selection_set(node.selection_set, child_type, paginated=page_size)
        return Measure(1 + children.depth, min(1 + extra + multiplier * children.cost, COST_CAP))

    def introspection_field(self, node: FieldNode, parent_type: GraphQLNamedType | None) -> Measure:
        """`__typename`, `__schema`, `__type` and what is under them: 1 per field (lists count
        once), no depth, so a standard introspection query passes but every spread counts."""
        cost = 1
        stack = [node.selection_set]
        while stack:
            selection_set = stack.pop()
            if selection_set is None:
                continue
            for selection in selection_set.selections:
                if isinstance(selection, FragmentSpreadNode):
                    cost += self.fragment(selection.name.value, None).cost
                else:
                    cost += isinstance(selection, FieldNode)
                    stack.append(selection.selection_set)
            if cost >= COST_CAP:
                return Measure(0, COST_CAP)
        return Measure(0, cost)

    def extra_cost(
        self, node: FieldNode, parent_type: GraphQLNamedType, field_def: GraphQLField
    ) -> int:
        cost_of_arguments = FIELD_COSTS.get((parent_type.name, node.name.value))
        if cost_of_arguments is None:
            return 0
        try:
            arguments = get_argument_values(field_def, node, self.variables)
        except GraphQLError:
            arguments = {}  # execution reports the bad argument; count the field as plain
        return max(int(cost_of_arguments(arguments)), 0)


def defaults_of(schema: GraphQLSchema, operation: OperationDefinitionNode) -> dict[str, Any]:
    """The operation's variable defaults (`$n: Int = 100`), which count when none is sent."""
    defaults = {}
    for definition in operation.variable_definitions or ():
        if definition.default_value is not None:
            var_type = type_from_ast(schema, definition.type)
            value = value_from_ast(definition.default_value, var_type)
            if value is not Undefined:
                defaults[definition.variable.name.value] = value
    return defaults


def measure_operation(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: dict[str, Any] | None,
) -> Measure:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    if not operations:
        return Measure(0, 0)
    operation = operations[0]
    root = schema.get_root_type(operation.operation)
    variables = {**defaults_of(schema, operation), **(variables or {})}
    return _Measurer(schema, document, variables).selection_set(
        operation.selection_set, root, paginated=None
    )


def check_depth_and_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: dict[str, Any] | None,
) -> Measure:
    """The operation's cost, or an ApiError when it is too deep or too costly."""
    measure = measure_operation(schema, document, operation_name, variables)
    if measure.depth > limit("MAX_DEPTH"):
        raise ApiError(
            f"The query is {measure.depth} levels deep; at most {limit('MAX_DEPTH')} are allowed.",
            ErrorCode.QUERY_TOO_DEEP,
        )
    if measure.cost > limit("MAX_COST"):
        raise ApiError(
            f"The query would cost {measure.cost}; at most {limit('MAX_COST')} is allowed. "
            "Ask for fewer items per page or fewer nested lists.",
            ErrorCode.QUERY_TOO_COMPLEX,
        )
    return measure
