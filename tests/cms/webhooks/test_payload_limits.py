"""Payloads stay bounded however much a change touches (an FAQ entry on 100,000 guides, a large
move): at most WEBHOOK_MAX_PATHS paths and object tags, then `"truncated": true` and broader
tags that make a receiver purge broadly. Validated against the published schema."""

import json
from pathlib import Path

import jsonschema
import pytest
from wagtail.models import Page

from cms.webhooks.events import with_paths
from tests.cms.webhooks.conftest import make_endpoint, payloads
from tests.factories import guide_body, make_faq, make_guide, publish

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[3] / "frontend_contract/webhooks/schema.json").read_text()
)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def max_paths(settings):
    settings.WEBHOOK_MAX_PATHS = 3
    return 3


def test_an_faq_entry_on_more_guides_than_the_cap_truncates_and_purges_all(
    roles_index, receiver, commit, max_paths
):
    entry = make_faq("Shared?")
    for n in range(5):
        make_guide(roles_index, f"uses-{n}", body=guide_body(faqs=[entry]))
    make_endpoint(receiver)
    with commit():
        publish(entry)

    (payload,) = payloads("snippet.published")
    jsonschema.validate(payload, SCHEMA)
    data = payload["data"]
    assert data["truncated"] is True
    assert data["paths"] == [f"/roles/uses-{n}/" for n in range(3)]
    assert "all" in data["tags"]
    assert [tag for tag in data["tags"] if ":" in tag and not tag.startswith("listing:")] == []


def test_within_the_cap_nothing_is_truncated(roles_index, receiver, commit, max_paths):
    entry = make_faq("Shared?")
    guides = [make_guide(roles_index, f"uses-{n}", body=guide_body(faqs=[entry])) for n in range(3)]
    make_endpoint(receiver)
    with commit():
        publish(entry)

    (payload,) = payloads("snippet.published")
    assert "truncated" not in payload["data"]
    assert len(payload["data"]["paths"]) == 3
    assert {f"page:{guide.pk}" for guide in guides} <= set(payload["data"]["tags"])
    assert "all" not in payload["data"]["tags"]


def test_a_large_move_is_capped(site_tree, receiver, commit, max_paths):
    home, roles_index = site_tree
    for n in range(6):
        make_guide(roles_index, f"guide-{n}")
    archive = publish(home.add_child(instance=type(roles_index)(title="Archive", slug="archive")))
    make_endpoint(receiver)
    with commit():
        Page.objects.get(pk=roles_index.pk).move(archive, pos="last-child")

    (payload,) = payloads("page.moved")
    jsonschema.validate(payload, SCHEMA)
    data = payload["data"]
    assert data["truncated"] is True
    assert data["paths"] == ["/archive/roles/", "/roles/", "/roles/guide-0/"]
    assert "all" in data["tags"]
    assert not [tag for tag in data["tags"] if tag.startswith("page:")]


def test_paths_are_deduplicated_in_order_and_page_tags_past_the_cap_become_listings(max_paths):
    data = with_paths(
        {"page:1", "page:2", "page:3", "page:4", "faqs.faqentry:9", "search"},
        ["/a/", "/b/", "/a/"],
        ["/b/", None, "/c/"],
    )
    assert data["paths"] == ["/a/", "/b/", "/c/"]
    assert data["truncated"] is True
    assert "all" not in data["tags"]
    assert not [tag for tag in data["tags"] if tag.startswith("page:")]
    assert {"listing:roles.roleguidepage", "faqs.faqentry:9", "search"} <= set(data["tags"])


def test_all_leaves_out_object_tags_without_truncating(max_paths):
    data = with_paths({"all", "page:1", "listing:roles.roleguidepage"}, ["/a/"], [])
    assert data == {"paths": ["/a/"], "tags": ["all", "listing:roles.roleguidepage"]}


def test_a_hundred_thousand_paths_are_capped_at_the_default(settings):
    settings.WEBHOOK_MAX_PATHS = 1000
    paths = [f"/roles/guide-{n}/" for n in range(100_000)]
    tags = {f"page:{n}" for n in range(100_000)}
    data = with_paths(tags, paths + paths, [])
    assert len(data["paths"]) == 1000 and data["truncated"] is True
    assert "all" in data["tags"] and len(data["tags"]) <= 10
