"""Typed GraphQL fields for values nested inside StreamField blocks.

grapple types a nested list of blocks or snippets as the generic `StreamFieldInterface`;
these helpers give frontends the concrete type instead (`[SkillBlock!]!`, `[Tool!]!`).
"""

import graphene
from django.apps import apps
from grapple.models import GraphQLField

from cms.api.grapple_compat import registry


def required_list(of_type):
    """`[Type!]!`: grapple's own `is_list` drops the inner and outer non-null."""
    return graphene.NonNull(graphene.List(graphene.NonNull(of_type)))


def GraphQLBlockList(field_name, block_class, **kwargs):  # noqa: N802 (grapple naming)
    """A required list of the GraphQL type grapple builds for `block_class`."""

    def mixin():
        return GraphQLField(
            field_name, required_list(lambda: registry.streamfield_blocks[block_class]), **kwargs
        )

    return mixin


def GraphQLSnippetList(field_name, model_label, **kwargs):  # noqa: N802
    """A required list of the GraphQL type of the snippet model `app_label.Model`."""

    def mixin():
        model = apps.get_model(model_label)
        return GraphQLField(field_name, required_list(lambda: registry.snippets[model]), **kwargs)

    return mixin


def GraphQLObject(field_name, graphene_type, **kwargs):  # noqa: N802
    """A field of a plain graphene type, e.g. a value object computed by a block method."""

    def mixin():
        return GraphQLField(field_name, graphene_type, **kwargs)

    return mixin


def GraphQLRichText(field_name, **kwargs):  # noqa: N802
    """Rich text as HTML (cms/api/rich_text.py), in place of grapple's helper of that name."""

    def mixin():
        from cms.api.rich_text import RichText

        return GraphQLField(field_name, RichText, **kwargs)

    return mixin
