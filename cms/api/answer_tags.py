"""What an answer is built from: the cache tags (`cms/cache_tags.py`) recorded while it runs.

One mechanism, correct by construction. graphql-core completes every object an answer holds
through `ExecutionContext.complete_object_value`; `TaggingExecutionContext` notes each model
instance there (one dict write: the only cost on the hot path) and each queryset a list field
returns. When the operation has run, `answer_tags` turns them into tags:

- each instance: its own tag (`page:12`, `faqs.faqentry:3`, `image:5`; a rendition is its
  image; a redirect or a site setting its broad tag), the tags of the served objects its
  foreign keys name (a guide's category and hero image, shown in its JSON-LD and SEO
  fallbacks even when not asked for), and of every object chosen in its loaded StreamFields
  (tools, FAQ entries, a call to action's page), hidden ones included: a draft left out of the
  answer today is in it once published;
- a queryset or search results of a model: that model's listings (`listing:<model>`, and
  the listings of the models it can be filtered by); a list field that takes query arguments
  (`children(searchQuery:)`, whose results arrive as a plain list) or an iterable of unknown
  origin: the listings of its item type (untagged when no tag describes it);
- root fields, by their type: a list or a paginated listing of a model depends on its
  listings; a lookup that finds nothing on the listing it looked in; a page found by slug
  (unique only among siblings) too; `sitemap`, `search`, `redirects` (which also hide
  redirects to pages that are not live) and `settings` on their own tags.

Rich-text links (`cms/rich_text.py`) and the SEO settings behind `seo` (`cms/seo.py`) record
their tags themselves (`loaders.record_tags`). A root field whose type no tag describes, or an
instance of a model no change invalidates, leaves the answer untagged: it is not cached.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from django.db.models import ForeignKey, Model, QuerySet
from graphql import (
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLUnionType,
    get_named_type,
)
from graphql.execution import ExecutionContext
from graphql.execution.values import get_argument_values
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.models import AbstractRendition
from wagtail.models import Page
from wagtail.search.backends.base import BaseSearchResults

from cms import cache_tags
from cms.api import loaders

if TYPE_CHECKING:
    from typing import Any

    from graphql import (
        FieldNode,
        GraphQLField,
        GraphQLNamedType,
        GraphQLOutputType,
        GraphQLResolveInfo,
        GraphQLSchema,
    )
    from graphql.pyutils import Path
    from wagtail.blocks import Block

# Types with no model of their own, by GraphQL name.
TYPE_TAGS: dict[str, Any] = {
    "SitemapEntry": lambda: {cache_tags.SITEMAP},
    "Search": lambda: {cache_tags.SEARCH},
    "Redirect": lambda: {cache_tags.REDIRECTS} | cache_tags.page_listing_tags(),
    "TagObjectType": lambda: {
        cache_tags.listing_tag(get_image_model()),
        cache_tags.listing_tag(get_document_model()),
    },
}


def register_type_tags(type_name: str, tags: Any) -> None:
    """Answers holding objects of the GraphQL type `type_name`, which has no model of its
    own, depend on `tags()` (registered by domain apps in their AppConfig.ready())."""
    TYPE_TAGS[type_name] = tags


class TaggingExecutionContext(ExecutionContext):
    """graphql-core's execution, noting the model instances and querysets an answer holds
    (into the request scope of `cms/api/loaders.py`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        store = loaders.current_store()
        self.seen: dict[int, Model] = store.setdefault("seen", {}) if store is not None else {}
        self.listed: set[type[Model]] = store.setdefault("listed", set()) if store else set()

    def complete_object_value(
        self,
        return_type: GraphQLObjectType,
        field_nodes: list[FieldNode],
        info: GraphQLResolveInfo,
        path: Path,
        result: Any,
    ) -> Any:
        if isinstance(result, Model):
            self.seen[id(result)] = result
        return super().complete_object_value(return_type, field_nodes, info, path, result)

    def complete_list_value(
        self,
        return_type: GraphQLList[GraphQLOutputType],
        field_nodes: list[FieldNode],
        info: GraphQLResolveInfo,
        path: Path,
        result: Any,
    ) -> Any:
        if isinstance(result, QuerySet):
            self.listed.add(result.model)
        elif isinstance(result, BaseSearchResults):
            self.listed.add(result.query_compiler.queryset.model)
        elif result is not None and (
            is_queried_list(info) or not isinstance(result, list | tuple)
        ):  # a search or a window already turned into a list, or an iterable of unknown origin
            tags = named_type_tags(self.schema, get_named_type(return_type))
            if tags is None:
                loaders.mark_untagged()
            else:
                loaders.record_tags(*tags)
        return super().complete_list_value(return_type, field_nodes, info, path, result)

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        fields: dict[str, list[FieldNode]],
    ) -> Any:
        results = super().execute_fields(parent_type, source_value, path, fields)
        if path is None and parent_type is self.schema.query_type:
            for response_name, field_nodes in fields.items():
                tag_root_field(
                    self.schema, parent_type, field_nodes[0], results.get(response_name), self
                )
        return results


# Arguments only a list queried from the database takes (grapple's `children`, `siblings`,
# `descendants`, snippet lists): a chooser's list in a block takes none of them.
QUERY_ARGUMENTS = frozenset({"searchQuery", "order", "offset", "limit", "page", "perPage"})


def is_queried_list(info: GraphQLResolveInfo) -> bool:
    """The list field being completed is a query (its items are a listing, which a newly
    published object can join), not a fixed list of chosen objects."""
    field = info.parent_type.fields[info.field_name]
    return not QUERY_ARGUMENTS.isdisjoint(field.args)


def tag_root_field(
    schema: GraphQLSchema,
    query_type: GraphQLObjectType,
    node: FieldNode,
    result: Any,
    context: ExecutionContext,
) -> None:
    name = node.name.value
    if name.startswith("__"):
        return  # introspection: the schema only
    field = query_type.fields[name]
    tags = type_tags(schema, name)
    if tags is None:
        loaders.mark_untagged()
        return
    if is_listing(field) or result is None or found_by_slug(field, node, context):
        loaders.record_tags(*tags)


def found_by_slug(field: GraphQLField, node: FieldNode, context: ExecutionContext) -> bool:
    """A page looked up by slug, which is unique only among siblings: another page published
    with that slug may come first."""
    if "slug" not in field.args or not is_page_type(get_named_type(field.type)):
        return False
    return bool(get_argument_values(field, node, context.variable_values).get("slug"))


def is_listing(field: GraphQLField) -> bool:
    field_type = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
    if isinstance(field_type, GraphQLList):
        return True
    return isinstance(field_type, GraphQLObjectType) and {"items", "pagination"} <= set(
        field_type.fields
    )


def is_page_type(named: GraphQLNamedType) -> bool:
    if named.name == "PageInterface":
        return True
    return any(i.name == "PageInterface" for i in getattr(named, "interfaces", ()))


@cache
def type_tags(schema: GraphQLSchema, field_name: str) -> frozenset[str] | None:
    """The listing tags the root field `field_name` depends on as a list, or when it finds
    nothing; None when no tag describes its type."""
    named = get_named_type(schema.query_type.fields[field_name].type)
    if isinstance(named, GraphQLObjectType) and {"items", "pagination"} <= set(named.fields):
        named = get_named_type(named.fields["items"].type)
    return named_type_tags(schema, named)


def named_type_tags(schema: GraphQLSchema, named: GraphQLNamedType) -> frozenset[str] | None:
    if named.name in TYPE_TAGS:
        return frozenset(TYPE_TAGS[named.name]())
    if not isinstance(named, GraphQLObjectType | GraphQLInterfaceType | GraphQLUnionType):
        return frozenset()  # a scalar or an enum: the schema's own
    if isinstance(named, GraphQLObjectType):
        model = getattr(
            getattr(getattr(named, "graphene_type", None), "_meta", None), "model", None
        )
        return model_listing_tags(model) if model is not None else None
    tags: set[str] = set()
    for possible in schema.get_possible_types(named):
        found = named_type_tags(schema, possible)
        if found is None:
            return None
        tags |= found
    return frozenset(tags)


@cache
def model_listing_tags(model: type[Model]) -> frozenset[str] | None:
    """What a list of `model` (or a lookup among them) depends on; None when no tag does."""
    plan = model_plan(model)
    if not plan.tagged:
        return None
    if plan.own is not None:
        return plan.own
    if issubclass(model, Page):  # a list of `Page` holds every page type
        own = {t for m in page_models() if issubclass(m, model) for t in own_listing(m)}
    else:
        own = set(own_listing(model))
    for _, target in plan.foreign_keys:  # filters on related objects (a guide's category)
        if not issubclass(target, Page):
            own |= own_listing(target)
    return frozenset(own)


def own_listing(model: type[Model]) -> set[str]:
    return {cache_tags.listing_tag(model)}


def page_models() -> list[type[Page]]:
    from django.apps import apps

    return [m for m in apps.get_models() if issubclass(m, Page)]


def is_served(model: type[Model]) -> bool:
    """Objects of `model` have tags that their changes bump (`cms/signal_handlers.py`)."""
    from cms.signal_handlers import SERVED_MODELS

    return (
        issubclass(model, Page | get_image_model() | get_document_model()) or model in SERVED_MODELS
    )


@dataclass(frozen=True)
class ModelPlan:
    """How an instance of one model is tagged (worked out once per model)."""

    own: frozenset[str] | None  # broad tags; None: the instance's own tag
    foreign_keys: tuple[tuple[str, type[Model]], ...] = ()  # (attname, served target model)
    stream_fields: tuple[tuple[str, str, Block], ...] = ()  # (name, attname, stream block)
    tagged: bool = True  # False: no change to it invalidates anything


# Models served without tags of their own, by label, with the tags their content comes from:
# taggit's tags are those of images and documents.
DERIVED_MODELS: dict[str, Any] = {"taggit.tag": TYPE_TAGS["TagObjectType"]}


@cache
def model_plan(model: type[Model]) -> ModelPlan:
    if issubclass(model, AbstractRendition):
        return ModelPlan(None)
    broad = cache_tags.broad_tags(model)
    if broad is None and cache_tags.model_name(model) in DERIVED_MODELS:
        broad = frozenset(DERIVED_MODELS[cache_tags.model_name(model)]())
    if broad is not None:
        return ModelPlan(broad)
    if not is_served(model):
        return ModelPlan(None, tagged=False)
    foreign_keys, stream_fields = [], []
    for field in model._meta.concrete_fields:
        if isinstance(field, ForeignKey) and field.name != "page_ptr":
            target = field.related_model
            if cache_tags.broad_tags(target) is None and is_served(target):
                foreign_keys.append((field.attname, target))
        elif isinstance(field, StreamField):
            stream_fields.append((field.name, field.attname, field.stream_block))
    return ModelPlan(None, tuple(foreign_keys), tuple(stream_fields))


def answer_tags(store: dict[Any, Any]) -> frozenset[str] | None:
    """Every tag the answer built in `store` (the request scope) depends on, `all` included;
    None when part of it has no tag (it must not be cached)."""
    if store.get("untagged"):
        return None
    tags: set[str] = store["tags"]
    for instance in store.get("seen", {}).values():
        plan = model_plan(type(instance))
        if not plan.tagged:
            return None
        if plan.own is not None:
            tags |= plan.own
            continue
        tags.add(cache_tags.object_tag(instance))
        for attname, target in plan.foreign_keys:
            pk = getattr(instance, attname)
            if pk is not None:
                tags.add(cache_tags.tag_for(target, pk))
        for name, attname, stream_block in plan.stream_fields:
            if attname in instance.__dict__:  # loaded: served (a deferred body is not)
                chosen_tags(stream_block, list(getattr(instance, name).raw_data), tags)
    for model in store.get("listed", ()):
        found = model_listing_tags(model)
        if found is None:
            return None
        tags |= found
    tags.add(cache_tags.ALL)
    return frozenset(tags)


def chosen_tags(block: Block, raw: Any, tags: set[str]) -> None:
    """Add to `tags` the tag of every object chosen anywhere in `raw`, a block's stored value."""
    if raw is None:
        return
    if isinstance(block, blocks.ChooserBlock):
        pk = raw.pk if isinstance(raw, Model) else raw
        if pk not in ("", None):
            tags.add(cache_tags.tag_for(block.model_class, pk))
    elif isinstance(block, blocks.StreamBlock):
        for item in raw:
            child = block.child_blocks.get(item.get("type"))
            if child is not None and has_chooser(child):
                chosen_tags(child, item.get("value"), tags)
    elif isinstance(block, blocks.ListBlock):
        if has_chooser(block.child_block):
            for item in raw:
                value = item.get("value") if isinstance(item, dict) and "type" in item else item
                chosen_tags(block.child_block, value, tags)
    elif isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        for name, child in block.child_blocks.items():
            if has_chooser(child):
                chosen_tags(child, raw.get(name), tags)


_has_chooser: dict[int, bool] = {}


def has_chooser(block: Block) -> bool:
    """True when `block` is, or holds, a chooser (worked out once per block definition)."""
    found = _has_chooser.get(id(block))
    if found is None:
        if isinstance(block, blocks.ChooserBlock):
            found = True
        elif isinstance(block, blocks.StreamBlock | blocks.StructBlock):
            found = any(has_chooser(child) for child in block.child_blocks.values())
        elif isinstance(block, blocks.ListBlock):
            found = has_chooser(block.child_block)
        else:
            found = False
        _has_chooser[id(block)] = found
    return found
