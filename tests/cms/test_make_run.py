"""`make run` on another PORT, end to end (the real Makefile, a fresh SQLite database, the real
server): migrations are quiet, the output ends with clickable links that work, and every
absolute URL the API and the SEO previews give starts with http://127.0.0.1:<PORT>."""

import json
import os
import re
import signal
import socket
import subprocess
import threading
import time
import urllib.request

import pytest

from tests import ROOT

ABSOLUTE_URL = re.compile(r"https?://[^\s\"'\\<>]+")
GUIDE_QUERY = """{
  roleGuide(urlPath: "/roles/mlops-engineer-2026/") {
    sitePath
    heroImage { url srcSet(sizes: [320, 640]) rendition(width: 320) { url } }
    seo { canonicalUrl structuredData image { url rendition(fill: "1200x630") { url } } }
  }
  sitemap { url }
}"""
ADD_HERO_IMAGE = """
import json
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from roles.models import RoleGuidePage
image = Image.objects.create(title="Hero", file=get_test_image_file(size=(1400, 800)))
guide = RoleGuidePage.objects.get(slug="mlops-engineer-2026")
guide.hero_image = image
guide.save_revision().publish()
previews = {}
for mode in ("search", "social", "structured-data"):
    previews[mode] = guide.make_preview_request(preview_mode=mode).content.decode()
print(json.dumps(previews))
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def make_run(tmp_path_factory):
    port = free_port()
    var_dir = tmp_path_factory.mktemp("make-run-var")
    dropped = {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "PUBLIC_BASE_URL"}
    dropped |= {"WAGTAILADMIN_BASE_URL", "FRONTEND_BASE_URL", "ADMIN_USERNAME", "ADMIN_PASSWORD"}
    env = {k: v for k, v in os.environ.items() if k not in dropped | {"MAKEFLAGS", "MAKELEVEL"}}
    env.update(PORT=str(port), VAR_DIR=str(var_dir), PYTHONUNBUFFERED="1")
    env.update(SCHEDULED_PUBLISH_INTERVAL="1")
    process = subprocess.Popen(
        ["make", "--no-print-directory", "-o", ".venv/bin/.installed", "run"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    lines = []
    threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True).start()
    try:
        deadline = time.monotonic() + 180
        while not any(line.lstrip().startswith("Demo guide") for line in lines):
            assert process.poll() is None, "".join(lines)
            assert time.monotonic() < deadline, "".join(lines)
            time.sleep(0.2)
        shell = subprocess.run(
            [str(ROOT / ".venv/bin/python"), "manage.py", "shell", "-c", ADD_HERO_IMAGE],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        previews = json.loads(shell.stdout.strip().splitlines()[-1])
        yield {"port": port, "output": list(lines), "previews": previews, "env": env}
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def get(url, data=None):
    headers = {"Content-Type": "application/json"} if data else {"Accept": "text/html"}
    request = urllib.request.Request(url, data=data, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.read().decode(errors="replace")


def test_output_is_short_and_ends_with_links_that_work(make_run):
    output = "".join(make_run["output"])
    base = f"http://127.0.0.1:{make_run['port']}"
    assert "Applying " not in output and "Operations to perform" not in output
    lines = [line.rstrip() for line in make_run["output"] if line.strip()]
    assert len(lines) < 25, output
    ready = lines.index("Ready:")
    assert ready > next(i for i, line in enumerate(lines) if "Quit the server" in line)
    block = lines[ready + 1 :]
    labels = ["Admin", "GraphQL", "Demo", "Scheduling", "Webhooks"]
    assert [line.split()[0] for line in block] == labels
    assert "pages go live within 1 s of their time" in block[3]
    assert f"{base}/admin/webhooks_endpoint/  (2 delivery workers running" in block[4]
    assert f"{base}/admin/  (log in as admin / admin)" in block[0]
    assert f"{base}/graphql/" in block[1]
    assert f"{base}/reference-client/?path=/roles/mlops-engineer-2026/" in block[2]
    for line in block[:3]:
        url = ABSOLUTE_URL.search(line).group()
        status, _ = get(url)
        assert status == 200, url


def test_every_absolute_url_follows_port(make_run):
    base = f"http://127.0.0.1:{make_run['port']}"
    status, body = get(f"{base}/graphql/", json.dumps({"query": GUIDE_QUERY}).encode())
    answer = json.loads(body)
    assert status == 200 and "errors" not in answer, answer
    guide = answer["data"]["roleGuide"]
    assert guide["heroImage"] and guide["seo"]["image"]
    texts = {"api": body, **make_run["previews"]}
    found = 0
    for name, text in texts.items():
        for url in ABSOLUTE_URL.findall(text.replace("\\/", "/")):
            if url.startswith(("https://schema.org", "http://schema.org")):
                continue
            assert url.startswith(base + "/"), (name, url)
            found += 1
        assert ":8000" not in text, name
    assert found >= 10
    assert f"127.0.0.1:{make_run['port']}" in make_run["previews"]["search"]
    status, _ = get(guide["heroImage"]["rendition"]["url"])
    assert status == 200


SCHEDULE_A_CHANGE = """
from datetime import timedelta
from django.utils import timezone
from roles.models import RoleGuidePage
guide = RoleGuidePage.objects.get(slug="mlops-engineer-2026").get_latest_revision_as_object()
guide.title = "MLOps Engineer Jobs & Internships 2026, scheduled"
guide.go_live_at = timezone.now() + timedelta(seconds=3)
guide.save_revision().publish()
print(RoleGuidePage.objects.get(pk=guide.pk).title)
"""


def test_a_scheduled_change_goes_live_while_make_run_serves(make_run):
    """No cron needed in development: the server publishes what is due (every second here)."""
    base = f"http://127.0.0.1:{make_run['port']}"
    shell = subprocess.run(
        [str(ROOT / ".venv/bin/python"), "manage.py", "shell", "-c", SCHEDULE_A_CHANGE],
        cwd=ROOT,
        env=make_run["env"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert shell.stdout.strip().endswith("Internships 2026")  # scheduled, not live yet
    query = json.dumps({"query": '{ roleGuide(slug: "mlops-engineer-2026") { title } }'})
    deadline = time.monotonic() + 60
    while True:
        _, body = get(f"{base}/graphql/", query.encode())
        title = json.loads(body)["data"]["roleGuide"]["title"]
        if title.endswith("scheduled") or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert title == "MLOps Engineer Jobs & Internships 2026, scheduled"


@pytest.mark.parametrize("value", ["soon", "0", "-5", "1.5", ""])
def test_a_wrong_scheduled_publish_interval_stops_the_server_with_a_clear_error(monkeypatch, value):
    from django.core.management import CommandError, call_command

    monkeypatch.setenv("SCHEDULED_PUBLISH_INTERVAL", value)
    with pytest.raises(CommandError, match="SCHEDULED_PUBLISH_INTERVAL must be a whole number"):
        call_command("devserver", "127.0.0.1:0", use_reloader=False)
