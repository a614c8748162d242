"""Editors write FAQ entries in the Wagtail admin: a new entry is a draft until published."""

from wagtail.test.utils.form_data import nested_form_data, rich_text

from faqs.models import FaqEntry


def faq_form(question, answer, **actions):
    return nested_form_data(
        {"question": question, "answer": rich_text(answer), "topic": "Careers", **actions}
    )


def test_faq_draft_is_not_live_until_published(editor, gql):
    response = editor.post("/admin/snippets/faqs/faqentry/add/", faq_form("New?", "<p>Yes.</p>"))
    assert response.status_code == 302
    entry = FaqEntry.objects.get(question="New?")
    assert not entry.live
    assert gql("{ faqEntries { question } }")["faqEntries"] == []

    response = editor.post(
        f"/admin/snippets/faqs/faqentry/edit/{entry.pk}/",
        faq_form("New?", "<p>Yes.</p>", **{"action-publish": "action-publish"}),
    )
    assert response.status_code == 302
    [served] = gql("{ faqEntries { question answer } }")["faqEntries"]
    assert served["question"] == "New?"
    assert served["answer"].startswith("<p") and "Yes.</p>" in served["answer"]


def test_faq_needs_a_question_to_be_published(editor):
    response = editor.post(
        "/admin/snippets/faqs/faqentry/add/",
        faq_form("", "<p>Yes.</p>", **{"action-publish": "action-publish"}),
    )
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not FaqEntry.objects.exists()
