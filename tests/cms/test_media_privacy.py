"""Images and documents in a private collection, or in any child of one, never leave the API
or /media/; documents are served by Wagtail's view, which asks for the login."""

import json

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.models import Collection, CollectionViewRestriction

from cms.models import SeoSettings
from cms.renditions import contract_specs
from tests.factories import guide_body, make_company, make_guide, make_image
from tests.graphql_http import post_graphql
from tests.settings_runner import STRONG_KEY, run_settings


def run(client, query, variables=None):
    response = post_graphql(client, query, variables)
    body = response.json()
    assert "errors" not in body, body["errors"]
    return body["data"]


def test_lookups_and_lists_leave_out_private_media(client, media):
    image, deep, document = media["child_image"], media["deep_image"], media["child_document"]
    data = run(
        client,
        f"{{ secret: image(id: {image.pk}) {{ id url }} deep: image(id: {deep.pk}) {{ id }} "
        f"public: image(id: {media['public_image'].pk}) {{ title }} "
        f"doc: document(id: {document.pk}) {{ id url }} "
        "images { title } documents { title } }",
    )
    assert data["secret"] is None and data["deep"] is None and data["doc"] is None
    assert data["public"] == {"title": "public-photo"}
    assert data["images"] == [{"title": "public-photo"}]
    assert data["documents"] == [{"title": "public-report"}]


@pytest.mark.parametrize("field", ["images", "documents"])
def test_search_leaves_out_private_media(client, media, field):
    data = run(client, f'{{ {field}(searchQuery: "secret") {{ title }} }}')
    assert data[field] == []
    data = run(client, f'{{ {field}(searchQuery: "public") {{ title }} }}')
    assert len(data[field]) == 1


@pytest.mark.parametrize("field", ["images", "documents"])
@pytest.mark.parametrize("by_id", [False, True])
def test_bad_search_syntax_is_an_empty_answer(client, media, field, by_id):
    public = media["public_image" if field == "images" else "public_document"]
    arguments = f"id: {public.pk}, " if by_id else ""
    data = run(client, f'{{ {field}({arguments}searchQuery: "\\"") {{ title }} }}')
    assert data[field] == []
    word = public.title.split("-")[1]
    data = run(client, f'{{ {field}({arguments}searchQuery: "public \\"{word}") {{ title }} }}')
    assert data[field] == [{"title": public.title}]
    response = post_graphql(client, f'{{ {field}(searchQuery: "{"x" * 5000}") {{ title }} }}')
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"


def test_private_media_reached_through_content_are_null(client, media, roles_index):
    secret = media["child_image"]
    company = make_company("Secretive", logo=secret)
    make_guide(roles_index, "g", hero_image=secret, body=guide_body(companies=[company]))
    settings_row = SeoSettings.for_site(roles_index.get_site())
    settings_row.default_social_image = media["deep_image"]
    settings_row.save()
    data = run(
        client,
        '{ roleGuide(slug: "g") { heroImage { id srcSet(sizes: [320]) } '
        "seo { image { id } } "
        "body { ... on CompaniesHiringBlock { companies { logo { id } } } } } "
        "companies { logo { id } } "
        'setting(name: "SeoSettings") { ... on SeoSettings { defaultSocialImage { id } } } }',
    )
    guide = data["roleGuide"]
    assert guide["heroImage"] is None
    assert guide["seo"]["image"] is None
    logos = [c["logo"] for b in guide["body"] if "companies" in b for c in b["companies"]]
    assert logos == [None]
    assert [c["logo"] for c in data["companies"]] == [None]
    assert data["setting"]["defaultSocialImage"] is None


def test_public_media_through_content_are_served(client, media, roles_index):
    make_guide(roles_index, "g", hero_image=media["public_image"])
    data = run(client, '{ roleGuide(slug: "g") { heroImage { title } seo { image { title } } } }')
    assert data["roleGuide"]["heroImage"] == {"title": "public-photo"}
    assert data["roleGuide"]["seo"]["image"] == {"title": "public-photo"}


def test_privacy_costs_one_query_per_request_not_one_per_item(client, db):
    private = Collection.get_first_root_node().add_child(name="Private")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    query = json.dumps({"query": "{ images { title } }"})

    def queries_for(count):
        Image.objects.all().delete()
        for index in range(count):
            make_image(f"p{index}", 20, 20)
        with CaptureQueriesContext(connection) as captured:
            response = client.post("/graphql/", query, content_type="application/json")
        assert len(response.json()["data"]["images"]) == count
        return len(captured)

    assert queries_for(2) == queries_for(12)


# Files ---------------------------------------------------------------------------------------


@override_settings(SERVE_MEDIA=True)
def test_media_files_of_private_images_are_not_served(client, media):
    public, secret = media["public_image"], media["deep_image"]
    assert client.get(f"/media/{public.file.name}").status_code == 200
    assert client.get(f"/media/{secret.file.name}").status_code == 404
    secret_rendition = secret.get_rendition("width-320")
    public_rendition = public.get_rendition("width-320")
    assert client.get(f"/media/{secret_rendition.file.name}").status_code == 404
    assert client.get(f"/media/{public_rendition.file.name}").status_code == 200
    assert client.get("/media/../settings.py").status_code == 404


@override_settings(SERVE_MEDIA=True)
def test_document_files_are_never_served_from_media(client, media):
    for document in (media["public_document"], media["child_document"]):
        assert client.get(f"/media/{document.file.name}").status_code == 404


def test_media_is_not_served_by_the_app_unless_asked(client, media):
    assert client.get(f"/media/{media['public_image'].file.name}").status_code == 404


def test_private_documents_ask_for_the_login(client, media):
    secret = media["child_document"]
    response = client.get(secret.url)
    assert response.status_code == 302 and "login" in response["Location"]
    public = client.get(media["public_document"].url)
    assert public.status_code == 200
    assert b"".join(public.streaming_content) == b"public"


@pytest.mark.parametrize("module", ["cms.settings.production", "cms.settings.dev"])
def test_documents_are_served_through_wagtails_view(module):
    code = "from django.conf import settings; print(settings.WAGTAILDOCS_SERVE_METHOD)"
    result = run_settings(module, {"SECRET_KEY": STRONG_KEY}, code=code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["serve_view"]


def test_private_images_get_no_renditions_made_ahead(media):
    from cms.renditions import pregenerate

    pregenerate([media["child_image"], media["public_image"]])
    assert not media["child_image"].renditions.exists()
    assert media["public_image"].renditions.count() == len(contract_specs(media["public_image"]))
