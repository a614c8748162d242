"""Typed GraphQL fields for values nested inside StreamField blocks.

grapple types a nested list of blocks or snippets as the generic `StreamFieldInterface`;
these helpers give frontends the concrete type instead (`[SkillBlock!]!`, `[Tool!]!`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import graphene
from django.apps import apps
from grapple.models import GraphQLField

from cms.api.grapple_compat import registry

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from graphene.types.structures import Structure
    from wagtail.blocks import Block


def required_list(of_type: type | Callable[[], type]) -> graphene.NonNull:
    """`[Type!]!`: grapple's own `is_list` drops the inner and outer non-null."""
    return graphene.NonNull(graphene.List(graphene.NonNull(of_type)))


def GraphQLBlockList(  # noqa: N802 (grapple naming)
    field_name: str, block_class: type[Block], **kwargs: Any
) -> Callable[[], GraphQLField]:
    """A required list of the GraphQL type grapple builds for `block_class`."""

    def mixin() -> GraphQLField:
        return GraphQLField(
            field_name, required_list(lambda: registry.streamfield_blocks[block_class]), **kwargs
        )

    return mixin


def GraphQLSnippetList(  # noqa: N802
    field_name: str, model_label: str, **kwargs: Any
) -> Callable[[], GraphQLField]:
    """A required list of the GraphQL type of the snippet model `app_label.Model`."""

    def mixin() -> GraphQLField:
        model = apps.get_model(model_label)
        return GraphQLField(field_name, required_list(lambda: registry.snippets[model]), **kwargs)

    return mixin


def GraphQLObject(  # noqa: N802
    field_name: str,
    graphene_type: type | Structure | Callable[[], type | Structure],
    **kwargs: Any,
) -> Callable[[], GraphQLField]:
    """A field of a plain graphene type, e.g. a value object computed by a block method."""

    def mixin() -> GraphQLField:
        return GraphQLField(field_name, graphene_type, **kwargs)

    return mixin


def GraphQLRichText(field_name: str, **kwargs: Any) -> Callable[[], GraphQLField]:  # noqa: N802
    """Rich text as HTML (cms/api/rich_text.py), in place of grapple's helper of that name."""

    def mixin() -> GraphQLField:
        from cms.api.rich_text import RichText

        return GraphQLField(field_name, RichText, **kwargs)

    return mixin
