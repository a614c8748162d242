"""The admin calls no third party by default: no Gravatar images, no upgrade check, and the
CSP allows each host only while its setting turns it on."""

import os
import subprocess
import sys

import pytest

from tests import ROOT


@pytest.mark.parametrize("url", ["/admin/", "/admin/account/", "/admin/users/"])
def test_admin_pages_name_no_third_party(editor, url):
    response = editor.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "gravatar.com" not in html
    assert 'data-controller="w-upgrade' not in html
    policy = response.headers["Content-Security-Policy"]
    assert "gravatar" not in policy and "releases.wagtail.org" not in policy


def settings_in_subprocess(**env):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "d = s.CONTENT_SECURITY_POLICY['DIRECTIVES']; "
        "print(repr((s.WAGTAIL_GRAVATAR_PROVIDER_URL, s.WAGTAIL_ENABLE_UPDATE_CHECK, "
        "' '.join(d['img-src']), ' '.join(d['connect-src']))))"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("WAGTAIL_", "CSP_"))}
    clean.update(DJANGO_SETTINGS_MODULE="cms.settings.dev", **env)
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    return eval(out.stdout.strip())  # noqa: S307 (our own repr)


def test_off_by_default_and_the_csp_follows():
    gravatar, update_check, img_src, connect_src = settings_in_subprocess()
    assert gravatar is None and update_check is False
    assert "gravatar" not in img_src and "releases.wagtail.org" not in connect_src


def test_turned_on_the_csp_allows_them():
    gravatar, update_check, img_src, connect_src = settings_in_subprocess(
        WAGTAIL_GRAVATAR_PROVIDER_URL="https://secure.gravatar.com/avatar",
        WAGTAIL_UPDATE_CHECK="lts",
    )
    assert gravatar == "https://secure.gravatar.com/avatar" and update_check == "lts"
    assert "secure.gravatar.com" in img_src.split()
    assert "https://releases.wagtail.org" in connect_src.split()
