"""Errors Django raises itself, before or around our view, are JSON with a code on /graphql/."""

import json

import pytest
from django.core.exceptions import PermissionDenied

from cms.api.view import ApiView

QUERY = json.dumps({"query": "{ categories { name } }"})


def assert_json_error(response, status, code):
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == code
    assert "Traceback" not in error["message"] and "<html" not in response.content.decode()
    return error


def test_a_bad_host_header_gets_a_json_error(client, db):
    """Before: Django's HTML 400 page."""
    response = client.post(
        "/graphql/", QUERY, content_type="application/json", HTTP_HOST="evil.example"
    )
    assert_json_error(response, 400, "BAD_REQUEST")
    response = client.get("/graphql/", {"query": "{ categories { name } }"}, HTTP_HOST="x..y")
    assert_json_error(response, 400, "BAD_REQUEST")
    # Elsewhere Django's own page stays.
    page = client.get("/admin/login/", HTTP_HOST="evil.example")
    assert page.status_code == 400 and page["Content-Type"].startswith("text/html")


def test_not_found_below_the_endpoint_is_json(client, db):
    assert_json_error(client.get("/graphql/anything/"), 404, "NOT_FOUND")
    assert client.get("/no-such-page/").status_code == 404


def test_a_body_larger_than_django_accepts_is_413(client, db, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 50
    response = client.post("/graphql/", QUERY + " " * 100, content_type="application/json")
    assert_json_error(response, 413, "REQUEST_TOO_LARGE")


def test_too_many_parameters_is_400(client, db, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    params = "&".join(f"p{n}=1" for n in range(20))
    response = client.get(f"/graphql/?query=%7B__typename%7D&{params}")
    assert_json_error(response, 400, "BAD_REQUEST")


@pytest.fixture
def failing_view(monkeypatch, client):
    """Make the view fail the way an unexpected bug or a permission check would."""
    client.raise_request_exception = False

    def fail_with(exception):
        def dispatch(self, request, *args, **kwargs):
            raise exception

        monkeypatch.setattr(ApiView, "dispatch", dispatch)

    return fail_with


def test_an_unhandled_exception_is_internal_server_error(client, db, failing_view):
    failing_view(RuntimeError("secret detail from deep inside"))
    response = client.post("/graphql/", QUERY, content_type="application/json")
    error = assert_json_error(response, 500, "INTERNAL_SERVER_ERROR")
    assert "secret detail" not in response.content.decode() and error["message"]


def test_permission_denied_is_json(client, db, failing_view):
    failing_view(PermissionDenied("no"))
    response = client.post("/graphql/", QUERY, content_type="application/json")
    assert_json_error(response, 403, "FORBIDDEN")


def test_csp_on_server_rendered_pages_not_on_json(client, db):
    policy = client.get("/admin/login/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "object-src 'none'" in policy
    assert "frame-ancestors 'self'" in policy
    response = client.post("/graphql/", QUERY, content_type="application/json")
    assert "Content-Security-Policy" not in response


def test_a_view_can_send_a_stricter_policy(rf, settings):
    from csp.decorators import csp
    from csp.middleware import CSPMiddleware
    from django.http import HttpResponse

    @csp({"default-src": ["'none'"], "script-src": ["'self'"]})
    def strict(request):
        return HttpResponse("ok")

    request = rf.get("/strict/")
    response = CSPMiddleware(strict)(request)
    directives = set(response["Content-Security-Policy"].split("; "))
    assert directives == {"default-src 'none'", "script-src 'self'"}


def test_csrf_failures_keep_djangos_page_outside_the_api(db):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/admin/login/", {"username": "x"})
    assert response.status_code == 403 and b"CSRF" in response.content
    assert response["Content-Type"].startswith("text/html")
