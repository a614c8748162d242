"""The webhook payload contract (frontend_contract/webhooks/): real payloads of every event
type validate against schema.json, and so does each sample. UPDATE_CONTRACT_SNAPSHOTS=1
rewrites the samples from the real payloads."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from jsonschema import Draft202012Validator
from wagtail.contrib.redirects.models import Redirect

from cms.webhooks.models import Endpoint, EventType
from tests.cms.webhooks.conftest import payloads
from tests.factories import guide_body, make_faq, make_guide, make_tool, publish

CONTRACT = settings.BASE_DIR / "frontend_contract" / "webhooks"
SCHEMA = json.loads((CONTRACT / "schema.json").read_text())
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def errors(payload):
    return [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(payload)]


def test_the_schema_is_valid_json_schema_and_names_every_event_type():
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["properties"]["type"]["enum"] == EventType.values


@pytest.fixture
def every_event(site_tree, roles_index):
    """One of each event, made the way editors make them."""
    entry = make_faq("Shared?")
    tool = make_tool("Kubeflow")
    guides = [
        make_guide(roles_index, f"uses-{n}", body=guide_body(faqs=[entry], tools=[tool]))
        for n in range(3)
    ]
    archive = publish(site_tree[0].add_child(instance=type(roles_index)(title="Old", slug="old")))
    Endpoint.objects.create(url="http://127.0.0.1:9/hooks")

    publish(guides[0])
    guides[1].unpublish()
    guides[2].move(archive, pos="last-child")
    guides[2].refresh_from_db()
    guides[2].delete()
    entry.answer = "<p>Changed.</p>"
    publish(entry)
    entry.unpublish()
    tool.name = "Kubeflow Pipelines"
    tool.save()
    tool.delete()
    Redirect.objects.create(old_path="/old-guide", redirect_page=guides[0])
    return payloads()


def test_real_payloads_of_every_event_validate_against_the_schema(every_event):
    assert {payload["type"] for payload in every_event} == set(EventType.values)
    for payload in every_event:
        assert errors(payload) == [], payload
    if os.environ.get("UPDATE_CONTRACT_SNAPSHOTS"):
        write_samples(every_event)


def write_samples(found):
    samples = CONTRACT / "samples"
    for path in samples.glob("*.json"):
        path.unlink()
    for payload in found:
        sample = {**payload, "timestamp": "2026-03-02T09:30:00.000000Z"}
        name = payload["type"].replace(".", "-")
        (samples / f"{name}.json").write_text(json.dumps(sample, indent=2) + "\n")


def test_each_sample_validates_and_every_event_type_has_one():
    samples = sorted((CONTRACT / "samples").glob("*.json"))
    assert [path.stem for path in samples] == sorted(
        value.replace(".", "-") for value in EventType.values
    )
    for path in samples:
        assert errors(json.loads(path.read_text())) == [], path.name


@pytest.mark.parametrize(
    "broken",
    [
        {"type": "page.exploded"},
        {"data": {"object": {"type": "page", "model": "x", "id": 1, "title": "t"}}},
        {"timestamp": "yesterday"},
    ],
)
def test_the_schema_refuses_what_is_not_a_payload(broken):
    sample = json.loads((CONTRACT / "samples" / "page-published.json").read_text())
    assert errors({**sample, **broken}) != []


def test_the_python_verifier_accepts_a_signed_payload_and_refuses_a_tampered_one():
    from cms.webhooks.client import signed_headers
    from cms.webhooks.models import generate_secret

    secret = generate_secret()
    body = (CONTRACT / "samples" / "page-published.json").read_text()
    headers = signed_headers(secret, "msg_1", body)
    verify = [sys.executable, str(CONTRACT / "verify.py"), "--secret", secret]
    header_args = [f"--header={name}:{value}" for name, value in headers.items()]
    good = subprocess.run(
        [*verify, *header_args], input=body, capture_output=True, text=True, check=False
    )
    assert good.returncode == 0, good.stderr
    assert "/roles/" in good.stdout
    bad = subprocess.run(
        [*verify, *header_args],
        input=body.replace("published", "deleted", 1),
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 1 and "signature" in bad.stderr.lower()
