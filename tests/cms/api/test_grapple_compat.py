"""grapple compatibility (`cms/api/grapple_compat.py`) fails loudly when something it patches
is no longer where it was, instead of a filter silently doing nothing."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from graphql import GraphQLField, GraphQLObjectType, GraphQLSchema, GraphQLString

from cms.api import grapple_compat
from cms.api.document_checks import schema
from cms.api.schema import EDITORIAL_PAGE_FIELDS


def test_the_built_schema_has_everything_we_patch():
    grapple_compat.check_schema(schema())  # after removal: the patched fields only


def test_a_missing_patched_field_stops_start_up():
    bare = GraphQLSchema(GraphQLObjectType("Query", {"hello": GraphQLField(GraphQLString)}))
    with pytest.raises(ImproperlyConfigured, match="SiteObjectType.rootPage is missing"):
        grapple_compat.check_schema(bare)


def test_a_renamed_editorial_field_stops_start_up():
    """The fields we remove must exist before removal: the live schema no longer has them, as
    a grapple that renamed them would not."""
    with pytest.raises(ImproperlyConfigured, match="page types no longer have"):
        grapple_compat.check_schema(schema(), removed_page_fields=EDITORIAL_PAGE_FIELDS)


def test_a_query_mixin_not_found_stops_start_up():
    found = set(grapple_compat.REPLACED_ROOT_FIELDS) - {"search"}
    with pytest.raises(ImproperlyConfigured, match=r"\['search'\]"):
        grapple_compat.check_replaced_root_fields(found)
    grapple_compat.check_replaced_root_fields(set(grapple_compat.REPLACED_ROOT_FIELDS))


def test_an_internal_removed_by_an_upgrade_is_named():
    grapple_compat.INTERNALS["no_such_helper"] = "grapple.utils"
    try:
        with pytest.raises(ImproperlyConfigured, match=r"grapple.utils.no_such_helper"):
            grapple_compat.no_such_helper  # noqa: B018
    finally:
        del grapple_compat.INTERNALS["no_such_helper"]


def test_previews_sign_with_wagtail_headless_previews_salt():
    from wagtail_headless_preview.models import HeadlessPreviewMixin

    from cms.api.preview import preview_signer

    assert preview_signer().salt == HeadlessPreviewMixin.get_preview_signer().salt
