"""A refused preview token says why, in words a frontend can show next to its code."""

import pytest
from django.core.signing import TimestampSigner

from cms.api.preview import SIGNER_SALT
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
