"""Every list an answer holds is primed before its items resolve (`cms/api/list_primers.py`):
grapple's generic lists batch what their items ask for as the listings do."""

import io

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from roles.models import RoleGuidePage
from tests.graphql_http import post_graphql

PAGES = """query ($limit: PositiveInt) {
  pages(limit: $limit, contentType: "roles.RoleGuidePage") {
    ... on RoleGuidePage { title heroImage { collection { name } tags { name } } }
  }
}"""


def queries(client, limit):
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        body = post_graphql(client, PAGES, {"limit": limit}).json()
    assert "errors" not in body, body["errors"]
    pages = body["data"]["pages"]
    assert len(pages) == limit
    return len(captured), pages


def test_images_of_a_generic_page_list_load_their_tags_and_collections_at_once(client, roles_index):
    call_command("generate_role_guides", count=100, stdout=io.StringIO())
    for n, guide in enumerate(RoleGuidePage.objects.order_by("pk")):
        image = Image.objects.create(title=f"Hero {n}", file=get_test_image_file())
        image.tags.add(f"tag-{n % 3}", "hero")
        RoleGuidePage.objects.filter(pk=guide.pk).update(hero_image=image)
    queries(client, 20)  # site root paths and content types cached
    few, _ = queries(client, 20)
    many, pages = queries(client, 100)
    assert few == many
    tags = {page["title"]: [t["name"] for t in page["heroImage"]["tags"]] for page in pages}
    assert all(
        names in (["hero", "tag-0"], ["hero", "tag-1"], ["hero", "tag-2"])
        for names in tags.values()
    )
    assert {page["heroImage"]["collection"]["name"] for page in pages} == {"Root"}
