"""Rich text written outside the admin cannot reach media the API hides or make renditions:
image embeds render nothing, links to private documents carry no href."""

from wagtail.images import get_image_model

from tests.factories import make_guide

QUERY = '{ roleGuide(slug: "g") { body { ... on SectionBlock { body } } } }'


def section(html):
    return [{"type": "section", "value": {"heading": "Links", "body": html}}]


def test_image_embeds_make_no_renditions_and_render_nothing(gql, roles_index, media):
    renditions = get_image_model().get_rendition_model().objects
    html = (
        f'<p>Before</p><embed embedtype="image" id="{media["public_image"].pk}" format="left"/>'
        f'<embed embedtype="image" id="{media["child_image"].pk}" format="left"/><p>After</p>'
    )
    make_guide(roles_index, "g", body=section(html))
    before = renditions.count()
    served = gql(QUERY)["roleGuide"]["body"][0]["body"]
    assert renditions.count() == before
    assert "<img" not in served and "Before" in served and "After" in served


def test_links_to_private_documents_have_no_href(gql, roles_index, media):
    private, public = media["child_document"], media["public_document"]
    html = (
        f'<p><a linktype="document" id="{private.pk}">secret</a> and '
        f'<a linktype="document" id="{public.pk}">public</a></p>'
    )
    make_guide(roles_index, "g", body=section(html))
    served = gql(QUERY)["roleGuide"]["body"][0]["body"]
    assert "secret-report" not in served and f"/documents/{private.pk}/" not in served
    assert f'href="{public.url}"' in served
