"""The response cache's storage (cms/api/response_cache.py): one round trip to the cache per
lookup in the steady state, counted against the real cache backend through a thin wrapper;
no stale answer stored while content changes; a lost counter makes its answers stale."""

from urllib.parse import urlencode

import pytest
from django.core.cache import cache as real_cache

from cms.api import response_cache
from tests.cache_counting import CountingCache
from tests.factories import make_guide
from tests.graphql_http import post_graphql

QUERY = '{ roleGuide(urlPath: "/roles/counted/") { title } }'


@pytest.fixture
def counting(monkeypatch):
    wrapper = CountingCache(real_cache)
    monkeypatch.setattr(response_cache, "cache", wrapper)
    monkeypatch.setattr(response_cache, "_tags_of", {})
    return wrapper


@pytest.fixture
def guide(roles_index):
    return make_guide(roles_index, "counted", title="Counted")


def test_a_repeated_post_is_one_round_trip(client, guide, counting):
    assert post_graphql(client, QUERY)["X-Cache-Status"] == "MISS"
    counting.calls.clear()
    response = post_graphql(client, QUERY)
    assert response["X-Cache-Status"] == "HIT"
    assert counting.calls == ["get_many"]


def test_a_repeated_get_is_one_round_trip(client, guide, counting):
    url = "/graphql/?" + urlencode({"query": QUERY})
    client.get(url)
    counting.calls.clear()
    assert client.get(url)["X-Cache-Status"] == "HIT"
    assert counting.calls == ["get_many"]


def test_a_process_that_has_not_seen_the_question_reads_twice_once(client, guide, counting):
    post_graphql(client, QUERY)
    response_cache._tags_of.clear()  # as in a newly started process
    counting.calls.clear()
    assert post_graphql(client, QUERY)["X-Cache-Status"] == "HIT"
    assert counting.calls == ["get_many", "get_many"]
    counting.calls.clear()
    assert post_graphql(client, QUERY)["X-Cache-Status"] == "HIT"
    assert counting.calls == ["get_many"]


def test_an_answer_computed_while_content_changed_is_not_stored(guide):
    key = "api:answer:test"
    found = response_cache.lookup(key)
    assert found.value is None
    response_cache.tags_changed({f"page:{guide.pk}"})  # a publish while it was computed
    assert response_cache.store(key, b"{}", {f"page:{guide.pk}"}, found.changes) is None
    assert response_cache.lookup(key).value is None
    again = response_cache.lookup(key)
    assert response_cache.store(key, b"{}", {f"page:{guide.pk}"}, again.changes) is not None
    assert response_cache.lookup(key).value == b"{}"


def test_a_lost_tag_counter_makes_its_answers_stale(guide):
    key, tag = "api:answer:test", f"page:{guide.pk}"
    response_cache.store(key, b"{}", {tag}, response_cache.lookup(key).changes)
    assert response_cache.lookup(key).value == b"{}"
    real_cache.delete(response_cache.tag_key(tag))  # evicted
    assert response_cache.lookup(key).value is None
    response_cache.tags_changed({tag})  # a counter seeded afresh never repeats an old value
    assert response_cache.lookup(key).value is None


def test_a_change_moves_only_its_own_tags(guide):
    mine, other = "api:answer:mine", "api:answer:other"
    for key, tag in ((mine, f"page:{guide.pk}"), (other, "page:999999")):
        response_cache.store(key, b"{}", {tag}, response_cache.lookup(key).changes)
    response_cache.tags_changed({f"page:{guide.pk}"})
    assert response_cache.lookup(mine).value is None
    assert response_cache.lookup(other).value == b"{}"
    response_cache.tags_changed({"all"})
    assert response_cache.lookup(other).value is None
