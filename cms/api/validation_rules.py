"""The query limits as graphql-core validation rules, the way Saleor's validators are.

They run in a `validate()` pass of their own before the standard rules, because what they
refuse (a fragment bomb, thousands of repeated fields) is exactly what makes the standard rules
slow. Each walks the document once, in linear time (`cms/api/limits.py` does the measuring).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graphql import StringValueNode, ValidationRule
from graphql.language import BREAK, Node

from cms.api.errors import ApiError, ErrorCode
from cms.api.limits import Measure, check_aliases, check_depth_and_cost, check_shape

if TYPE_CHECKING:
    from graphql import DocumentNode
    from graphql.language import VisitorAction


def check_no_nul_strings(document: DocumentNode) -> None:
    """NUL can't be stored or looked up in PostgreSQL text: refuse it in the document."""
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, StringValueNode) and "\x00" in node.value:
            raise ApiError("Strings may not contain NUL characters.", ErrorCode.BAD_USER_INPUT)
        for key in node.keys:
            child = getattr(node, key, None)
            if isinstance(child, Node):
                stack.append(child)
            elif isinstance(child, (list, tuple)):
                stack.extend(item for item in child if isinstance(item, Node))


class DocumentLimitsRule(ValidationRule):
    """Aliases, shape (operations, fragments, repeated response names) and NUL in strings:
    what depends on the document alone, so its result is cached with the parsed document."""

    def enter_document(self, node: DocumentNode, *_args: object) -> VisitorAction:
        try:
            for check in (check_aliases, check_shape, check_no_nul_strings):
                check(node)
        except ApiError as error:
            self.report_error(error)
        return BREAK


def depth_and_cost_rule(variables: dict | None, operation_name: str | None) -> type:
    """A rule measuring the operation's depth and cost, which depend on the variables (a
    `perPage: $n`), so it is made per request. The measure is left on the rule's class."""

    class DepthAndCostRule(ValidationRule):
        measure: Measure | None = None

        def enter_document(self, node: DocumentNode, *_args: object) -> VisitorAction:
            try:
                type(self).measure = check_depth_and_cost(
                    self.context.schema, node, operation_name, variables
                )
            except ApiError as error:
                self.report_error(error)
            return BREAK

    return DepthAndCostRule
