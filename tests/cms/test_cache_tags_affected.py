"""`affected()` (cms/cache_tags.py) stays cheap however many pages use a snippet: the same
number of SQL queries for 3 guides as for 30, and the same paths Wagtail itself gives."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.cache_tags import affected, public_path
from tests.factories import guide_body, make_faq, make_guide


def queries_of(instance):
    with CaptureQueriesContext(connection) as captured:
        result = affected(instance)
    return len(captured), result


def test_affected_runs_the_same_queries_for_3_and_for_30_referring_guides(roles_index):
    few, many = make_faq("Few?"), make_faq("Many?")
    for n in range(3):
        make_guide(roles_index, f"few-{n}", body=guide_body(faqs=[few]))
    guides = [
        make_guide(roles_index, f"many-{n:02}", body=guide_body(faqs=[many])) for n in range(30)
    ]
    affected(few)  # warm Django's content type cache, as in a running process

    few_queries, (_, few_paths) = queries_of(few)
    many_queries, (tags, many_paths) = queries_of(many)

    assert len(few_paths) == 3 and len(many_paths) == 30
    assert many_queries == few_queries
    assert many_queries <= 3
    assert many_paths == [public_path(guide) for guide in guides]
    assert {f"page:{guide.pk}" for guide in guides} <= tags


def test_affected_paths_match_wagtails_on_a_second_site(roles_index, site_tree):
    from wagtail.models import Site

    home, _ = site_tree
    other_home = home.get_parent().add_child(
        instance=type(home)(title="Other home", slug="other-home")
    )
    Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    entry = make_faq("On two sites?")
    here = make_guide(roles_index, "here", body=guide_body(faqs=[entry]))
    there = make_guide(other_home, "there", body=guide_body(faqs=[entry]))

    _, paths = affected(entry)

    assert paths == [public_path(here), public_path(there)] == ["/roles/here/", "/there/"]
