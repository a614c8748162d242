"""Build the site tree and the MLOps Engineer 2026 guide where they are missing.

Safe to run any number of times, on a database editors have worked on: what exists is never
changed, republished or duplicated (an edited, renamed, moved, unpublished or draft guide, FAQ
entry, tool or category stays as the editors left it). `--reset` puts the demo guide back on
purpose, after saying what it will replace.
"""

import sys
import uuid

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page, Site

from cms.models import SeoSettings
from faqs.models import FaqEntry
from home.models import HomePage
from roles import block_values as values
from roles.demo import mlops_engineer_2026 as demo
from roles.demo.companies import ensure_demo_companies
from roles.generation import shared_snippet
from roles.models import Category, RoleGuidePage, RoleIndexPage, Tool

# The demo guide's translation key: it finds the guide again after an editor renames or moves it.
GUIDE_KEY = uuid.uuid5(uuid.NAMESPACE_URL, "role-guide-cms:demo:" + demo.GUIDE["slug"])


class Command(BaseCommand):
    help = (
        "Create the demo site (home, Roles, the MLOps Engineer 2026 guide) where it is missing; "
        "never changes what exists. --reset restores the demo guide."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Replace the demo guide's content with the demo data and publish it (the "
            "editors' revisions stay in its history). Asks first when run in a terminal.",
        )
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="With --reset: do not ask for confirmation.",
        )

    def handle(self, *args, **options):
        if options["reset"] and not self.confirm_reset(options["interactive"]):
            self.stdout.write("Reset cancelled: nothing changed.")
            return
        with transaction.atomic():
            guide, written = self.load(reset=options["reset"])
        if written:
            self.rebuild_indexes()
        else:
            self.stdout.write(
                f"Demo guide '{guide.title}' exists: left as the editors left it "
                "(`load_demo_content --reset` restores it)."
            )

    def confirm_reset(self, interactive):
        guide = self.find_guide()
        if guide is None:
            self.stdout.write("--reset: there is no demo guide yet; it will be created.")
            return True
        drafts = " and discards its unpublished changes" if guide.has_unpublished_changes else ""
        self.stdout.write(
            self.style.WARNING(
                f"--reset replaces the content of '{guide.title}' ({guide.url_path}) with the "
                f"demo data and publishes it{drafts}. Its current revisions stay in its history "
                "(Revisions in the admin). Other pages, FAQ entries, tools and categories are "
                "not changed."
            )
        )
        if interactive and sys.stdin.isatty():
            return input("Type 'yes' to continue: ").strip().lower() == "yes"
        return True

    def load(self, reset=False):
        home = self.ensure_home()
        index = self.ensure_roles_index(home)
        guide = self.find_guide()
        if guide is not None and not reset:
            return guide, False  # as the editors left it: never overwritten, never republished
        category = shared_snippet(Category, demo.CATEGORY["name"])  # editors may rename it
        tools = self.ensure_tools()
        faqs = self.ensure_faqs()
        ensure_demo_companies()  # shared companies with logos; the demo guide's block stays empty
        guide = self.write_guide(guide, index, category, tools, faqs)
        self.stdout.write(f"{'Restored' if reset else 'Created'} the demo guide '{guide.title}'.")
        return guide, True

    @staticmethod
    def find_guide():
        """The demo guide wherever editors put it (by its key), or by its slug under Roles."""
        guide = RoleGuidePage.objects.filter(translation_key=GUIDE_KEY).first()
        if guide is None:
            index = RoleIndexPage.objects.order_by("path").first()
            if index is not None:
                guide = (
                    RoleGuidePage.objects.child_of(index).filter(slug=demo.GUIDE["slug"]).first()
                )
        return guide

    def ensure_home(self):
        site = Site.objects.filter(is_default_site=True).first()
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            home = root.add_child(instance=HomePage(title="Home", slug="home-page", live=True))
            home.save_revision().publish()
        if site is None:
            site = Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True
            )
        SeoSettings.for_site(site)  # the site's SEO defaults exist, to be edited in Settings
        if site.root_page_id != home.pk:
            old_root = site.root_page
            site.root_page = home
            site.site_name = "Role guides"
            site.save()
            # Wagtail's placeholder welcome page is replaced, never an editor's page.
            if type(old_root.specific) is Page and old_root.slug == "home":
                old_root.delete()
                home.slug = "home"
                home.save()
                home.save_revision().publish()
                home.refresh_from_db()
        return home

    def ensure_roles_index(self, home):
        index = RoleIndexPage.objects.child_of(home).first()
        if index is None:
            index = home.add_child(
                instance=RoleIndexPage(
                    title="Roles",
                    slug="roles",
                    intro="Guides to careers in technology: skills, pay and how to get hired.",
                )
            )
            index.save_revision().publish()
        return index

    def ensure_tools(self):
        names = [name for _, tool_names in demo.SKILLS for name in tool_names]
        tools = {}
        for name in names:
            tools[name] = shared_snippet(Tool, name)  # by name, or by slug when renamed
        return tools

    def ensure_faqs(self):
        faqs = []
        for question, answer in demo.FAQS:
            entry = FaqEntry.objects.filter(question=question).first()
            if entry is None:  # an existing entry is used as it is, draft or live
                entry = FaqEntry(question=question, answer=answer, topic=demo.FAQ_TOPIC)
                entry.save()
                entry.save_revision().publish()
            faqs.append(entry)
        return faqs

    def guide_body(self, index, tools, faqs):
        """The demo guide's body, block by block (`roles/block_values.py`)."""
        return [
            values.section(**demo.WHAT_THEY_DO),
            values.skills_list(
                demo.SKILLS_HEADING,
                [(name, [tools[tool].pk for tool in names]) for name, names in demo.SKILLS],
            ),
            values.day_in_the_life(demo.DAY_HEADING, demo.DAY_MOMENTS),
            values.career_path(demo.CAREER_HEADING, demo.CAREER_LEVELS),
            values.salary_table(
                [values.salary_row(**row) for row in demo.SALARY_TABLE["rows"]],
                **{key: value for key, value in demo.SALARY_TABLE.items() if key != "rows"},
            ),
            values.companies_hiring(demo.COMPANIES_HEADING),
            values.call_to_action(**demo.CALL_TO_ACTION, link_page_id=index.pk),
            values.faq(demo.FAQ_HEADING, [faq.pk for faq in faqs]),
        ]

    def write_guide(self, guide, index, category, tools, faqs):
        body = values.stream_json(self.guide_body(index, tools, faqs))
        if guide is None:
            guide = index.add_child(
                instance=RoleGuidePage(
                    **demo.GUIDE, category=category, body=body, translation_key=GUIDE_KEY
                )
            )
        else:
            guide = guide.get_latest_revision_as_object()
            for key, value in demo.GUIDE.items():
                setattr(guide, key, value)
            guide.category = category
            guide.body = body
        guide.save_revision().publish()
        return guide

    def rebuild_indexes(self):
        from django.core.management import call_command

        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
