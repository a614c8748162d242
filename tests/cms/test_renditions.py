"""Image renditions: only allowed ones, never upscaled, costed, capped per request, and the
contract's renditions made ahead (on upload and on publish) so readers never pay for them."""

import io
import json

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.test import override_settings
from graphql import get_named_type
from wagtail.images.models import Image, Rendition

from cms.api.limits import FIELD_COSTS
from cms.api.operations import operations
from cms.api.schema import schema
from cms.renditions import allowed_specs, contract_specs
from tests.factories import make_guide, make_image, png_bytes, publish
from tests.graphql_http import post_graphql


def run(client, query, variables=None):
    response = post_graphql(client, query, variables)
    return response.status_code, response.json()


def codes(body):
    return [error["extensions"]["code"] for error in body.get("errors", [])]


@pytest.fixture
def image(db):
    return make_image()


def test_sixty_sizes_are_refused_and_make_nothing(client, image):
    sizes = ", ".join(str(width) for width in range(1000, 1060))
    status, body = run(
        client, f'{{ image(id: {image.pk}) {{ srcSet(sizes: [{sizes}], format: "webp") }} }}'
    )
    assert codes(body) == ["BAD_USER_INPUT"]
    assert "at most 5 sizes" in body["errors"][0]["message"]
    assert body["extensions"]["cost"]["requested"] >= 60 * 50
    assert Rendition.objects.count() == 0


@pytest.mark.parametrize(
    "field, message",
    [
        ("srcSet(sizes: [1000])", "Width 1000 is not allowed"),
        ("srcSet(sizes: [640, 1059])", "Width 1059 is not allowed"),
        ('srcSet(sizes: [640], format: "png")', "Format 'png' is not allowed"),
        ("srcSet", "srcSet needs `sizes`"),
        ("srcSet(sizes: [])", "srcSet needs `sizes`"),
        ("rendition(width: 1000) { url }", "Rendition 'width-1000' is not allowed"),
        ('rendition(fill: "4000x3000") { url }', "is not allowed"),
        ('rendition(fill: "1200x630", jpegquality: 5) { url }', "is not allowed"),
        ('rendition(bgcolor: "fff") { url }', "is not allowed"),
        ("rendition { url }", "Rendition 'original' is not allowed"),
    ],
)
def test_unlisted_renditions_are_bad_user_input(client, image, field, message):
    status, body = run(client, f"{{ image(id: {image.pk}) {{ {field} }} }}")
    assert codes(body) == ["BAD_USER_INPUT"], body
    assert message in body["errors"][0]["message"]
    assert status == 200 and list(body["data"]["image"].values()) == [None]
    assert Rendition.objects.count() == 0


def test_allowed_renditions_are_served(client, image):
    status, body = run(
        client,
        f"{{ image(id: {image.pk}) {{ "
        'social: rendition(fill: "1200x630") { width height url } '
        'webp: rendition(width: 640, format: "webp") { width url } '
        'srcSet(sizes: [320, 640], format: "webp") } }',
    )
    assert "errors" not in body, body
    data = body["data"]["image"]
    assert (data["social"]["width"], data["social"]["height"]) == (1200, 630)
    assert data["webp"]["width"] == 640 and data["webp"]["url"].endswith(".webp")
    assert [entry.split()[-1] for entry in data["srcSet"].split(", ")] == ["320w", "640w"]
    assert Rendition.objects.count() == 3  # width-640|format-webp is shared


def test_no_rendition_is_wider_than_the_original(client, image):
    # 1200 px wide: 640 is made, 1280 is made at the original's 1200, 1920 is not made at all.
    status, body = run(
        client, f"{{ image(id: {image.pk}) {{ srcSet(sizes: [1920, 640, 1280]) }} }}"
    )
    assert "errors" not in body, body
    assert [entry.split()[-1] for entry in body["data"]["image"]["srcSet"].split(", ")] == [
        "640w",
        "1200w",
    ]
    assert sorted(Rendition.objects.values_list("width", flat=True)) == [640, 1200]


def test_each_possible_rendition_costs(client, image):
    def cost(selection):
        status, body = run(client, f"{{ image(id: {image.pk}) {{ id {selection} }} }}")
        return body["extensions"]["cost"]["requested"]

    plain = cost("")
    assert cost("srcSet(sizes: [320, 640, 960])") == plain + 1 + 3 * 50
    assert cost('rendition(fill: "1200x630") { url }') == plain + 1 + 50 + 1


def test_every_field_that_makes_renditions_has_a_cost():
    """Walk the schema: a field taking rendition arguments must be registered with a cost."""
    rendition_arguments = {"sizes", "fill", "width", "max", "min"}
    found = set()
    for type_name, graphql_type in schema.graphql_schema.type_map.items():
        for field_name, field in getattr(graphql_type, "fields", {}).items():
            named = get_named_type(field.type)
            if set(field.args) & rendition_arguments and (
                type_name == "ImageObjectType" or "Rendition" in named.name
            ):
                found.add((type_name, field_name))
    assert found == {("ImageObjectType", "srcSet"), ("ImageObjectType", "rendition")}
    assert found <= set(FIELD_COSTS)


def test_grapple_allows_the_same_filters_as_the_policy():
    assert settings.GRAPPLE["ALLOWED_IMAGE_FILTERS"] == allowed_specs()


@override_settings(IMAGE_RENDITIONS={**settings.IMAGE_RENDITIONS, "MAX_NEW_PER_REQUEST": 2})
def test_one_request_makes_a_bounded_number_of_new_renditions(client, db):
    for index in range(3):
        make_image(f"photo{index}", 800, 600)
    query = '{ images(order: "id") { title srcSet(sizes: [320]) } }'
    status, body = run(client, query)
    assert codes(body) == ["RENDITION_LIMIT_EXCEEDED"]
    assert Rendition.objects.count() == 2
    srcsets = [image["srcSet"] for image in body["data"]["images"]]
    assert srcsets[:2] != [None, None] and srcsets[2] is None
    # Existing renditions do not count: the next request makes the last one.
    status, body = run(client, query)
    assert "errors" not in body, body
    assert Rendition.objects.count() == 3


def test_a_batch_shares_one_cap_of_new_renditions(client, db):
    """Before: the cap was per operation, so a batch of 8 operations made 28 new renditions
    (up to 10 each). Now the whole HTTP request makes at most MAX_NEW_PER_REQUEST (10)."""
    cap = settings.IMAGE_RENDITIONS["MAX_NEW_PER_REQUEST"]
    assert cap == 10
    images = [make_image(f"wide{index}", 2000, 1000) for index in range(4)]
    assert Rendition.objects.count() == 0
    sizes = "[320, 640, 960, 1280, 1920]"
    batch = [
        {"query": f"{{ image(id: {image.pk}) {{ srcSet(sizes: {sizes}) }} }}"} for image in images
    ]
    response = client.post("/graphql/", json.dumps(batch), "application/json")
    assert response.status_code == 200
    answers = response.json()
    assert Rendition.objects.count() <= cap
    assert Rendition.objects.count() == 10  # two operations' five, then the cap
    assert [codes(answer) for answer in answers] == [
        [],
        [],
        ["RENDITION_LIMIT_EXCEEDED"],
        ["RENDITION_LIMIT_EXCEEDED"],
    ]


# Made ahead ----------------------------------------------------------------------------------


def contract_answer(client, guide):
    status, body = run(client, operations()["RoleGuideByPath"].text, {"path": guide.url_path})
    assert "errors" not in body, body
    return body["data"]["roleGuide"]


def listing_answer(client):
    status, body = run(client, operations()["RoleGuides"].text, {})
    assert "errors" not in body, body
    return body["data"]["roleGuides"]["items"]


def guide_url_path(guide):
    return guide.get_url_parts()[2]


def test_an_uploaded_image_has_the_contract_renditions(
    client, roles_index, django_capture_on_commit_callbacks
):
    editor = get_user_model().objects.create_superuser("editor", "e@example.com", "pw")
    client.force_login(editor)
    upload = ImageFile(io.BytesIO(png_bytes(1600, 1000)), name="hero.png")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/images/multiple/add/",
            {"files[]": upload},
            headers={"x-requested-with": "XMLHttpRequest"},
        )
    assert response.status_code == 200, response.content[:300]
    image = Image.objects.get()
    made = set(image.renditions.values_list("filter_spec", flat=True))
    assert made == set(contract_specs(image))
    assert len(made) == 5  # 320, 640, 1280 webp, 1600 as width-1920 webp, the social card
    client.logout()

    guide = make_guide(roles_index, "with-hero", hero_image=image)
    before = Rendition.objects.count()
    data = contract_answer(client, _with_path(guide))
    assert data["heroImage"]["srcSet"].count("w,") == 2
    assert data["seo"]["image"]["rendition"]["width"] == 1200
    listing_answer(client)
    assert Rendition.objects.count() == before  # readers made nothing


def _with_path(guide):
    guide.url_path = guide_url_path(guide)
    return guide


def test_publishing_a_page_makes_the_renditions_of_its_images(
    client, roles_index, django_capture_on_commit_callbacks
):
    hero = make_image("hero", 1000, 700)  # saved without running on-commit work: no renditions
    social = make_image("social", 1300, 700)
    assert Rendition.objects.count() == 0
    guide = make_guide(roles_index, "g", live=False, hero_image=hero, social_image=social)
    with django_capture_on_commit_callbacks(execute=True):
        publish(guide)
    assert set(hero.renditions.values_list("filter_spec", flat=True)) == set(contract_specs(hero))
    assert set(social.renditions.values_list("filter_spec", flat=True)) == set(
        contract_specs(social)
    )
    before = Rendition.objects.count()
    data = contract_answer(client, _with_path(guide))
    listing_answer(client)
    assert data["heroImage"]["srcSet"] and data["seo"]["image"]["title"] == "social"
    assert Rendition.objects.count() == before


def test_without_pregeneration_the_contract_query_would_make_renditions(client, roles_index):
    # The control for the two tests above: the same query does make renditions when none exist.
    hero = make_image("hero", 1000, 700)
    guide = make_guide(roles_index, "g", hero_image=hero)
    contract_answer(client, _with_path(guide))
    listing_answer(client)
    assert Rendition.objects.count() == len(contract_specs(hero)) > 0


def test_the_command_makes_the_contract_renditions_of_existing_images(db):
    from django.core.management import call_command

    older = make_image("older", 700, 500)  # uploaded before renditions were made ahead
    call_command("generate_renditions", verbosity=0)
    assert set(older.renditions.values_list("filter_spec", flat=True)) == set(contract_specs(older))
