"""Every change the README promises to show at once (README, "Response cache";
`cms/signal_handlers.py`): the answer is served from the cache before the change (no SQL at
all: it would stay stale without invalidation), and the next answer after it is fresh.

One case per model and editor action, each asked over POST and over GET (the GET cache keeps
whole responses, keyed on the query string)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.cms.api.invalidation_cases import (
    CASES,
    GUIDE,
    ask_get,
    ask_post,
    publish_page_edit,
)
from tests.cms.api.invalidation_cases import content as content  # noqa: F401 (fixture)


@pytest.mark.parametrize("ask", [ask_post, ask_get], ids=["POST", "GET"])
@pytest.mark.parametrize("case", list(CASES.values()), ids=list(CASES))
def test_a_cached_answer_is_fresh_after_every_promised_change(client, content, case, ask):
    case.setup(content)
    before = ask(client, case.query)
    assert b'"errors"' not in before
    with CaptureQueriesContext(connection) as captured:
        assert ask(client, case.query) == before
    assert len(captured) == 0, "the answer was not served from the cache"

    case.change(content)

    after = ask(client, case.query)
    assert after != before
    with CaptureQueriesContext(connection) as captured:
        assert ask(client, case.query) == after  # and the fresh answer is cached in turn
    assert len(captured) == 0


def test_a_change_that_bypasses_signals_is_not_seen(client, content):
    """The cache really serves the stored answer: without a signal nothing invalidates it
    (what every case above would show if its signal were not connected)."""
    from roles.models import RoleGuidePage

    before = ask_post(client, GUIDE)
    RoleGuidePage.objects.filter(pk=content["guide"].pk).update(title="Changed behind its back")
    assert ask_post(client, GUIDE) == before
    publish_page_edit(content)
    assert b'"title":"After"' in ask_post(client, GUIDE)
