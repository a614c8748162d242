"""What a query asks for under the field being resolved, so a resolver loads only that."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graphql import FieldNode, FragmentSpreadNode, InlineFragmentNode

if TYPE_CHECKING:
    from graphql import GraphQLResolveInfo, SelectionSetNode


def selected_paths(info: GraphQLResolveInfo) -> set[str]:
    """Dotted paths of every field selected under the current field, e.g. {'items.body'}."""
    paths = set()
    walked = set()  # (selection set, prefix): each walked once, however often it is spread

    def walk(selection_set: SelectionSetNode | None, prefix: str) -> None:
        if selection_set is None or (id(selection_set), prefix) in walked:
            return
        walked.add((id(selection_set), prefix))
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                path = f"{prefix}{selection.name.value}"
                paths.add(path)
                walk(selection.selection_set, path + ".")
            elif isinstance(selection, InlineFragmentNode):
                walk(selection.selection_set, prefix)
            elif isinstance(selection, FragmentSpreadNode):
                walk(info.fragments[selection.name.value].selection_set, prefix)

    for node in info.field_nodes:
        walk(node.selection_set, "")
    return paths
