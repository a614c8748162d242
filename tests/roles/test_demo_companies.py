"""Demo companies: shared snippets with Pillow-drawn logos, served by the API, created only
where missing; the demo guide's 'Top Companies Hiring' block stays empty."""

import io

from django.core.management import call_command
from PIL import Image as PILImage

from roles.demo.companies import DEMO_COMPANIES, ensure_demo_companies
from roles.models import Company, RoleGuidePage

QUERY = """{ companies(limit: 100) {
  name slug website
  logo { width height srcSet(sizes: [320], format: "webp") }
} }"""


def test_demo_companies_have_logos_and_are_served(db, gql):
    companies = ensure_demo_companies()
    assert [c.name for c in companies] == [name for name, *_ in DEMO_COMPANIES]
    served = {c["name"]: c for c in gql(QUERY)["companies"]}
    for name, website, *_ in DEMO_COMPANIES:
        company = served[name]
        assert company["website"] == website
        assert company["logo"]["width"] == company["logo"]["height"] == 256
        assert company["logo"]["srcSet"].endswith(" 256w")  # never wider than the logo
    logo = companies[0].logo
    with logo.file.open() as handle:
        drawn = PILImage.open(io.BytesIO(handle.read()))
        assert drawn.format == "PNG" and drawn.size == (256, 256)
        # A tile and its initials, not a blank square.
        assert len(drawn.getcolors(maxcolors=1 << 16)) > 2
    assert logo.file_size > 0 and logo.file_hash


def test_demo_companies_are_created_only_where_missing(db):
    first = ensure_demo_companies()
    renamed = first[0]
    renamed.name, renamed.logo = "Northwind (renamed by an editor)", None
    renamed.save()
    again = ensure_demo_companies()
    assert Company.objects.count() == len(DEMO_COMPANIES)
    assert [c.pk for c in again] == [c.pk for c in first]
    renamed.refresh_from_db()
    assert renamed.name == "Northwind (renamed by an editor)" and renamed.logo is None


def test_the_demo_guides_companies_block_stays_empty(db, gql):
    call_command("load_demo_content", stdout=io.StringIO())
    # The loader ships the companies for editors to choose from.
    assert Company.objects.filter(logo__isnull=False).count() == len(DEMO_COMPANIES)
    guide = RoleGuidePage.objects.get(slug="mlops-engineer-2026")
    blocks = [block for block in guide.body if block.block_type == "companies_hiring"]
    assert len(blocks) == 1 and list(blocks[0].value["companies"]) == []
    assert blocks[0].value["heading"] == "Top Companies Hiring MLOps Engineers"
