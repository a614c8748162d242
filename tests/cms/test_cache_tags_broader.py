"""The broader tags that stand in for many objects' tags (a Cache-Tag header past its bound,
a response-cache entry naming too many objects): every change an object's tag names also
bumps them, so nothing goes stale when they replace it."""

import pytest
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms.cache_tags import change_tags, coarsened, page_listing_tags
from tests.factories import make_faq, make_guide, make_tool


def test_a_page_tag_gives_way_to_every_page_types_listing(roles_index):
    assert coarsened("page:7") == page_listing_tags()
    guide = make_guide(roles_index, "mlops")
    assert "listing:roles.roleguidepage" in page_listing_tags()
    # What a change to the guide bumps includes what its tag gave way to.
    assert change_tags(guide) & coarsened(f"page:{guide.pk}")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "make",
    [lambda: make_tool("Kubeflow"), lambda: make_faq("Shared?")],
    ids=["snippet", "snippet with drafts"],
)
def test_a_snippet_tag_gives_way_to_its_models_listing(make):
    snippet = make()
    label = snippet._meta.label_lower
    assert coarsened(f"{label}:{snippet.pk}") == {f"listing:{label}"}
    assert coarsened(f"{label}:{snippet.pk}") <= change_tags(snippet)


@pytest.mark.parametrize(
    "tag, model",
    [("image:3", get_image_model), ("document:4", get_document_model)],
)
def test_media_tags_give_way_to_their_listings(tag, model):
    assert coarsened(tag) == {f"listing:{model()._meta.label_lower}"}


@pytest.mark.parametrize("tag", ["all", "search", "sitemap", "listing:roles.tool"])
def test_broad_and_listing_tags_stand_for_themselves(tag):
    assert coarsened(tag) == {tag}
