"""Query limits: size, aliases, depth and cost, checked before anything runs.

The cost is counted the way Saleor does: every field costs 1, and a list field multiplies what
is under it by how many items it can return (its `perPage` or `limit`, else a default page
size). Introspection fields (`__schema`, `__type`, `__typename`) are not counted; whether
introspection is allowed at all is a separate setting.
"""

from dataclasses import dataclass

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
    type_from_ast,
    value_from_ast,
)
from graphql.execution.values import get_argument_values

from cms.api.errors import ApiError

TOO_DEEP = "QUERY_TOO_DEEP"
TOO_COMPLEX = "QUERY_TOO_COMPLEX"
TOO_MANY_ALIASES = "TOO_MANY_ALIASES"
PAGE_SIZE_ARGUMENTS = ("perPage", "limit")

DEFAULTS = {
    "MAX_DEPTH": 12,
    "MAX_COST": 20_000,
    "MAX_ALIASES": 30,
    "MAX_QUERY_LENGTH": 20_000,
    "MAX_TOKENS": 4000,
    "MAX_BATCH": 10,
    "MAX_BODY_BYTES": 200_000,
    "DEFAULT_LIST_SIZE": 10,
    "DEFAULT_PAGE_SIZE": 20,
    "MAX_SEARCH_QUERY_LENGTH": 200,
    "MAX_SEARCH_TERMS": 32,
}

# Extra cost of particular fields, beyond the 1 every field costs: (type name, field name) ->
# a function of the field's argument values (defaults filled in) returning an int. Modules that
# know what a field does register it here (renditions, for instance, cost what they generate).
FIELD_COSTS = {}


def register_field_cost(type_name, field_name, cost_of_arguments):
    FIELD_COSTS[(type_name, field_name)] = cost_of_arguments


def limit(name):
    return {**DEFAULTS, **getattr(settings, "GRAPHQL_LIMITS", {})}[name]


@dataclass
class Measure:
    depth: int
    cost: int


def count_aliases(document):
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


def check_aliases(document):
    aliases = count_aliases(document)
    if aliases > limit("MAX_ALIASES"):
        raise ApiError(
            f"The query uses {aliases} aliases; at most {limit('MAX_ALIASES')} are allowed.",
            TOO_MANY_ALIASES,
        )


class _Measurer:
    """Walks one operation with the schema's types. Run only on a validated document, so
    fragments have no cycles and every field exists."""

    def __init__(self, schema, document, variables):
        self.schema = schema
        self.variables = variables or {}
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }

    def page_size(self, field_node, field_def):
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

    def selection_set(self, selection_set, parent_type, depth, paginated):
        deepest, cost = depth, 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                measure = self.field(selection, parent_type, depth + 1, paginated)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                fragment_type = (
                    self.schema.get_type(condition.name.value) if condition else parent_type
                )
                measure = self.selection_set(
                    selection.selection_set, fragment_type, depth, paginated
                )
            elif isinstance(selection, FragmentSpreadNode):
                fragment = self.fragments[selection.name.value]
                fragment_type = self.schema.get_type(fragment.type_condition.name.value)
                measure = self.selection_set(
                    fragment.selection_set, fragment_type, depth, paginated
                )
            else:  # pragma: no cover
                continue
            deepest, cost = max(deepest, measure.depth), cost + measure.cost
        return Measure(deepest, cost)

    def field(self, node, parent_type, depth, paginated):
        name = node.name.value
        if name.startswith("__"):
            return Measure(depth - 1, 0)
        field_def = parent_type.fields[name]
        extra = self.extra_cost(node, parent_type, field_def)
        multiplier = 1
        page_size = self.page_size(node, field_def)
        if page_size is not None:
            multiplier = page_size
        elif isinstance(get_nullable_type(field_def.type), GraphQLList) and not (
            paginated and name == "items"
        ):
            multiplier = limit("DEFAULT_LIST_SIZE")
        if node.selection_set is None:
            return Measure(depth, 1 + extra)
        child_type = get_named_type(field_def.type)
        children = self.selection_set(
            node.selection_set, child_type, depth, paginated=page_size is not None
        )
        return Measure(children.depth, 1 + extra + multiplier * children.cost)

    def extra_cost(self, node, parent_type, field_def):
        cost_of_arguments = FIELD_COSTS.get((parent_type.name, node.name.value))
        if cost_of_arguments is None:
            return 0
        try:
            arguments = get_argument_values(field_def, node, self.variables)
        except GraphQLError:
            arguments = {}  # execution reports the bad argument; count the field as plain
        return max(int(cost_of_arguments(arguments)), 0)


def defaults_of(schema, operation):
    """The operation's variable defaults (`$n: Int = 100`), which count when none is sent."""
    defaults = {}
    for definition in operation.variable_definitions or ():
        if definition.default_value is not None:
            var_type = type_from_ast(schema, definition.type)
            value = value_from_ast(definition.default_value, var_type)
            if value is not Undefined:
                defaults[definition.variable.name.value] = value
    return defaults


def measure_operation(schema, document, operation_name, variables):
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    if not operations:
        return Measure(0, 0)
    operation = operations[0]
    root = schema.get_root_type(operation.operation)
    variables = {**defaults_of(schema, operation), **(variables or {})}
    return _Measurer(schema, document, variables).selection_set(
        operation.selection_set, root, 0, paginated=False
    )


def check_depth_and_cost(schema, document, operation_name, variables):
    """The operation's cost, or an ApiError when it is too deep or too costly."""
    measure = measure_operation(schema, document, operation_name, variables)
    if measure.depth > limit("MAX_DEPTH"):
        raise ApiError(
            f"The query is {measure.depth} levels deep; at most {limit('MAX_DEPTH')} are allowed.",
            TOO_DEEP,
        )
    if measure.cost > limit("MAX_COST"):
        raise ApiError(
            f"The query would cost {measure.cost}; at most {limit('MAX_COST')} is allowed. "
            "Ask for fewer items per page or fewer nested lists.",
            TOO_COMPLEX,
        )
    return measure
