"""The CMS's own plain rendering of a page, and the admin's preview, never fail."""

import pytest
from django.contrib.auth import get_user_model

from tests.factories import guide_body, make_faq, make_guide, make_tool


@pytest.fixture
def guide(roles_index):
    faqs = [make_faq("Is it fun?"), make_faq("Still a draft?", published=False)]
    body = guide_body(faqs=faqs, tools=[make_tool("Helm")])
    return make_guide(roles_index, "rendered", title="Rendered guide", body=body)


def test_guide_page_renders(client, guide):
    response = client.get("/roles/rendered/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Rendered guide" in text and "Is it fun?" in text and "Helm" in text
    assert "$100,000–$150,000" in text and "+10–20%" in text
    assert "Still a draft?" not in text


def test_home_and_index_render(client, guide):
    assert "Roles" in client.get("/").content.decode()
    assert "Rendered guide" in client.get("/roles/").content.decode()


def test_admin_preview_renders_a_draft(client, guide):
    client.force_login(get_user_model().objects.create_superuser("e", "e@example.com", "pw"))
    response = client.get(f"/admin/pages/{guide.pk}/edit/preview/")
    assert response.status_code == 200
