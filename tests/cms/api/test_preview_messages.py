"""A refused preview token says why, in words a frontend can show next to its code."""

import pytest
from django.core.signing import TimestampSigner

from cms.api.grapple_compat import PagePreview
from cms.api.preview import SIGNER_SALT, preview_signer
from tests.factories import make_guide

QUERY = 'query($token: String) { page(token: $token, urlPath: "/roles/previewed/") { title } }'


@pytest.mark.parametrize(
    "token, message",
    [
        ("garbage", "The preview token is invalid."),
        ("signed-but-unknown", "The preview token is invalid."),
        ("  ", "The preview token is empty."),
    ],
)
def test_a_refused_token_says_why(roles_index, gql_errors, token, message):
    guide = make_guide(roles_index, "previewed")
    if token == "signed-but-unknown":
        token = TimestampSigner(salt=SIGNER_SALT).sign(f"id={guide.pk}")
    _, errors = gql_errors(QUERY, {"token": token})
    assert [(error["message"], error["extensions"]["code"]) for error in errors] == [
        (message, "PREVIEW_TOKEN_INVALID")
    ]


def test_a_token_whose_preview_was_cleaned_up_says_so(roles_index, gql_errors):
    guide = make_guide(roles_index, "previewed")
    token = preview_signer().sign(f"id={guide.pk}")  # issued, its stored preview gone
    _, errors = gql_errors(QUERY, {"token": token})
    assert [(error["message"], error["extensions"]["code"]) for error in errors] == [
        (
            "No preview is stored for this token (it may have been cleaned up).",
            "PREVIEW_TOKEN_INVALID",
        )
    ]


def test_an_expired_token_says_how_to_get_a_new_one(roles_index, gql_errors, settings):
    guide = make_guide(roles_index, "previewed")
    token = preview_signer().sign(f"id={guide.pk}")
    settings.PREVIEW_TOKEN_MAX_AGE = -1
    _, errors = gql_errors(QUERY, {"token": token})
    assert [(error["message"], error["extensions"]["code"]) for error in errors] == [
        (
            "The preview token has expired. Press Preview in the admin for a new one.",
            "PREVIEW_TOKEN_EXPIRED",
        )
    ]


def test_a_token_whose_stored_preview_is_of_another_page_is_refused(roles_index, gql_errors):
    """The stored draft must be of the page the token was signed for."""
    guide, other = make_guide(roles_index, "previewed"), make_guide(roles_index, "other")
    token = preview_signer().sign(f"id={guide.pk}")
    PagePreview.objects.create(
        token=token, content_type=other.content_type, content_json=other.to_json()
    )
    _, errors = gql_errors(QUERY, {"token": token})
    assert [(error["message"], error["extensions"]["code"]) for error in errors] == [
        ("The preview token is invalid.", "PREVIEW_TOKEN_INVALID")
    ]
