"""Per-client rate limits on /graphql/ and the admin sign-in (django-ratelimit, Django cache)."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.graphql_http import post_graphql

LOGIN = "/admin/login/"


@pytest.fixture
def limits(settings):
    """Rate limits on, with small budgets; the counters live in the Django cache (cleared by
    the autouse fixture), which is Redis when REDIS_URL is set."""
    settings.RATELIMIT_ENABLE = True
    settings.RATE_LIMITS = {
        "GRAPHQL": "5/m",
        "GRAPHQL_UNCACHED": "",
        "ADMIN_LOGIN_IP": "20/15m",
        "ADMIN_LOGIN_USERNAME": "10/15m",
        "ADMIN_PASSWORD_RESET_IP": "2/h",
    }
    return settings.RATE_LIMITS


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("admin", "a@example.com", "right-password")


def sign_in(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(client):
    return "_auth_user_id" in client.session


def test_admin_brute_force_is_stopped(client, admin_user, limits):
    """Before: 40 wrong passwords in 18 s, then the right one signed in. Now the 11th attempt
    for a username is refused, with Retry-After, and so is the right password after it."""
    statuses = [sign_in(client, "admin", f"guess-{n}").status_code for n in range(40)]
    assert statuses[:10] == [200] * 10  # the form again, with an error
    assert set(statuses[10:]) == {429}
    response = sign_in(client, "admin", "right-password")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 15 * 60
    assert b"Too many sign-in attempts" in response.content
    assert not signed_in(client)


def test_the_username_budget_holds_across_addresses(client, admin_user, limits):
    for n in range(10):
        sign_in(client, "admin", "wrong", address=f"198.51.100.{n}")
    assert sign_in(client, "Admin", "wrong", address="198.51.100.99").status_code == 429
    # Another account from a fresh address is unaffected.
    assert sign_in(client, "editor", "wrong", address="198.51.100.100").status_code == 200


def test_the_address_budget_holds_across_usernames(client, admin_user, limits):
    for n in range(20):
        assert sign_in(client, f"user{n}", "wrong").status_code == 200
    assert sign_in(client, "admin", "right-password").status_code == 429
    assert sign_in(client, "admin", "right-password", address="192.0.2.1").status_code == 302


def test_password_reset_requests_are_limited(client, db, limits):
    for _ in range(2):
        response = client.post("/admin/password_reset/", {"email": "x@example.com"})
        assert response.status_code != 429
    response = client.post("/admin/password_reset/", {"email": "x@example.com"})
    assert response.status_code == 429 and response["Retry-After"]


WAGTAIL_LOGIN = "/_util/login/"


def test_the_public_login_form_shares_the_sign_in_budgets(client, admin_user, limits):
    """Before: 40 wrong passwords on Wagtail's /_util/login/ all got 200, and the right one
    then signed in (next=/admin/users/). Now it is refused from the 11th attempt, like
    /admin/login/, with Retry-After and the readable page."""
    assert client.get(WAGTAIL_LOGIN).status_code == 200
    statuses = [
        client.post(
            WAGTAIL_LOGIN, {"username": "admin", "password": f"wrong{n}"}, REMOTE_ADDR="203.0.113.7"
        ).status_code
        for n in range(40)
    ]
    assert statuses[:10] == [200] * 10
    assert set(statuses[10:]) == {429}
    response = client.post(
        WAGTAIL_LOGIN,
        {"username": "admin", "password": "right-password", "next": "/admin/users/"},
        REMOTE_ADDR="203.0.113.7",
    )
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 15 * 60
    assert b"Too many sign-in attempts" in response.content
    assert not signed_in(client)


def test_both_sign_in_forms_spend_one_budget(client, admin_user, limits):
    for n in range(5):
        assert sign_in(client, "admin", f"wrong{n}").status_code == 200
        response = client.post(
            WAGTAIL_LOGIN, {"username": "admin", "password": "x"}, REMOTE_ADDR="203.0.113.7"
        )
        assert response.status_code == 200
    assert sign_in(client, "admin", "right-password").status_code == 429
    assert not signed_in(client)


def password_restricted_page():
    from wagtail.models import PageViewRestriction, Site

    page = Site.objects.get(is_default_site=True).root_page
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="page-secret"
    )
    return reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])


def password_restricted_collection():
    from wagtail.models import Collection, CollectionViewRestriction

    restriction = CollectionViewRestriction.objects.create(
        collection=Collection.get_first_root_node(),
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="collection-secret",
    )
    return reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk])


@pytest.mark.parametrize("form", [password_restricted_page, password_restricted_collection])
def test_page_and_collection_password_forms_are_limited_per_address(client, db, limits, form):
    """Before: unlimited guesses of a page's or a collection's password. Now they spend the
    per-address sign-in budget (20 in 15 minutes by default)."""
    url = form()
    guesses = [
        client.post(url, {"password": f"guess{n}", "return_url": "/"}, REMOTE_ADDR="203.0.113.7")
        for n in range(21)
    ]
    assert [r.status_code for r in guesses[:20]] == [200] * 20
    assert guesses[20].status_code == 429 and guesses[20]["Retry-After"]
    # Another address still may try.
    other = client.post(url, {"password": "nope", "return_url": "/"}, REMOTE_ADDR="192.0.2.1")
    assert other.status_code == 200


def test_password_forms_and_sign_in_share_the_address_budget(client, admin_user, limits):
    url = password_restricted_page()
    for n in range(15):
        client.post(url, {"password": f"guess{n}", "return_url": "/"}, REMOTE_ADDR="203.0.113.7")
    for n in range(5):
        assert sign_in(client, f"user{n}", "wrong").status_code == 200
    assert sign_in(client, "admin", "right-password").status_code == 429


QUERY = "{ categories { name } }"


def ask(client, address="203.0.113.7", **extra):
    return post_graphql(client, QUERY, REMOTE_ADDR=address, **extra)


def test_graphql_refuses_past_the_budget_with_a_code_and_retry_after(client, db, limits):
    assert [ask(client).status_code for _ in range(5)] == [200] * 5
    response = ask(client)
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "RATE_LIMITED"
    assert error["extensions"]["retryAfter"] == int(response["Retry-After"])
    # The limit is per client: another address still gets answers.
    assert ask(client, address="203.0.113.8").status_code == 200


def test_a_forwarded_header_counts_only_when_configured(client, db, limits, settings):
    for n in range(5):
        ask(client, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    # By default the header is the client's word: it buys no new budget.
    assert ask(client, HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    # Behind a proxy, the address the proxy appended (the last one) is the client.
    assert ask(client, HTTP_X_FORWARDED_FOR="10.0.0.1, 192.0.2.99").status_code == 200
    for _ in range(4):
        ask(client, HTTP_X_FORWARDED_FOR="spoofed, 192.0.2.99")
    assert ask(client, HTTP_X_FORWARDED_FOR="another, 192.0.2.99").status_code == 429


def get(client, query, address="203.0.113.7"):
    return client.get("/graphql/", {"query": query}, REMOTE_ADDR=address)


def test_uncached_work_has_its_own_smaller_budget(client, db, limits, settings):
    """Requests that reach the database count; answers from the response cache do not, and
    are still served past the budget."""
    settings.RATE_LIMITS = {**limits, "GRAPHQL": "100/m", "GRAPHQL_UNCACHED": "2/m"}
    assert get(client, "{ categories { name } }").status_code == 200  # computed: 1
    assert get(client, "{ tools { name } }").status_code == 200  # computed: 2
    for _ in range(5):  # cached answers do not count, and are served past the budget
        assert get(client, "{ categories { name } }").status_code == 200
    response = get(client, "{ companies { name } }")  # would be computed: refused
    assert response.status_code == 429
    assert response.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"

    def post(query):
        body = json.dumps({"query": query})
        return client.post("/graphql/", body, "application/json", REMOTE_ADDR="203.0.113.7")

    assert post("{ tools { name } }").status_code == 200  # the same answer, cached
    response = post("{ tools { name slug } }")  # new work: refused
    assert response.status_code == 429 and response["Retry-After"]
    assert get(client, "{ companies { name } }", address="203.0.113.9").status_code == 200


def test_limits_are_off_in_the_test_settings_unless_a_test_turns_them_on(client, db):
    assert all(ask(client).status_code == 200 for _ in range(30))


def batch(client, queries, address="203.0.113.7"):
    body = json.dumps([{"query": query} for query in queries])
    return client.post("/graphql/", body, "application/json", REMOTE_ADDR=address)


def test_every_operation_of_a_batch_counts_against_the_request_budget(client, db, limits):
    """Before: a batch counted as one request (20 batches of 10 = 200 operations answered
    against a budget of 120). Now each operation counts; a batch past the budget is refused."""
    assert batch(client, [QUERY] * 3).status_code == 200  # 3 of 5
    response = batch(client, [QUERY] * 3)  # 6 of 5
    assert response.status_code == 429
    assert response.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    assert batch(client, [QUERY] * 5, address="203.0.113.8").status_code == 200
    assert ask(client, address="203.0.113.8").status_code == 429
    assert batch(client, [QUERY] * 6, address="203.0.113.9").status_code == 429


def test_every_uncached_operation_of_a_batch_counts(client, db, limits, settings):
    settings.RATE_LIMITS = {**limits, "GRAPHQL": "1000/m", "GRAPHQL_UNCACHED": "3/m"}
    queries = [f"{{ page(id: {n}) {{ title }} }}" for n in range(1, 5)]
    response = batch(client, queries)  # four operations that reach the database: 4 of 3
    assert response.status_code == 429
    assert response.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    assert response["Retry-After"]


def test_cached_operations_of_a_batch_do_not_spend_the_uncached_budget(
    client, db, limits, settings
):
    settings.RATE_LIMITS = {**limits, "GRAPHQL": "1000/m", "GRAPHQL_UNCACHED": "3/m"}
    queries = [f"{{ page(id: {n}) {{ title }} }}" for n in range(1, 4)]
    response = batch(client, queries)  # 3 of 3
    assert response.status_code == 200, response.content
    assert len(response.json()) == 3
    assert batch(client, queries).status_code == 200  # all three answered from the cache
    assert batch(client, [*queries, "{ tools { name } }"]).status_code == 429
