"""Build the site tree and the MLOps Engineer 2026 guide. Safe to run any number of times."""

import json

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page, Site

from cms.models import SeoSettings
from faqs.models import FaqEntry
from home.models import HomePage
from roles.demo import mlops_engineer_2026 as demo
from roles.generation import shared_snippet
from roles.models import Category, RoleGuidePage, RoleIndexPage, Tool

STEPS = 6


class Command(BaseCommand):
    help = "Load the demo site: home, Roles, and the MLOps Engineer 2026 guide (idempotent)."

    def step(self, number, message):
        self.stdout.write(f"[{number}/{STEPS}] {message}")

    @transaction.atomic
    def handle(self, *args, **options):
        home = self.ensure_home()
        self.step(1, f"Home page: {home.title}")
        index = self.ensure_roles_index(home)
        self.step(2, f"Roles index: {index.url_path}")
        category = shared_snippet(Category, demo.CATEGORY["name"])  # editors may rename it
        tools = self.ensure_tools()
        self.step(3, f"Category '{category.name}' and {len(tools)} tools")
        faqs = self.ensure_faqs()
        self.step(4, f"{len(faqs)} FAQ entries, published")
        guide, changed = self.ensure_guide(index, category, tools, faqs)
        self.step(5, f"Guide '{guide.title}' {'published' if changed else 'already up to date'}")
        self.rebuild_indexes()
        self.step(6, "Search and reference indexes updated")
        self.stdout.write(self.style.SUCCESS(f"Demo content ready at {guide.url_path}"))

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
            if entry is None:
                entry = FaqEntry(question=question, answer=answer, topic=demo.FAQ_TOPIC)
                entry.save()
                entry.save_revision().publish()
            elif not entry.live:
                entry.save_revision().publish()
            faqs.append(entry)
        return faqs

    def guide_body(self, index, tools, faqs):
        return [
            ("section", demo.WHAT_THEY_DO),
            (
                "skills_list",
                {
                    "heading": demo.SKILLS_HEADING,
                    "skills": [
                        {"name": name, "tools": [tools[tool].pk for tool in tool_names]}
                        for name, tool_names in demo.SKILLS
                    ],
                },
            ),
            (
                "day_in_the_life",
                {
                    "heading": demo.DAY_HEADING,
                    "moments": [
                        {"label": label, "narrative": narrative}
                        for label, narrative in demo.DAY_MOMENTS
                    ],
                },
            ),
            (
                "career_path",
                {
                    "heading": demo.CAREER_HEADING,
                    "levels": [{"title": title, "summary": ""} for title in demo.CAREER_LEVELS],
                },
            ),
            ("salary_table", demo.SALARY_TABLE),
            ("companies_hiring", {"heading": demo.COMPANIES_HEADING, "companies": []}),
            ("call_to_action", {**demo.CALL_TO_ACTION, "link_page": index.pk, "link_url": ""}),
            ("faq", {"heading": demo.FAQ_HEADING, "entries": [faq.pk for faq in faqs]}),
        ]

    def ensure_guide(self, index, category, tools, faqs):
        body = [
            {"type": kind, "value": value} for kind, value in self.guide_body(index, tools, faqs)
        ]
        guide = RoleGuidePage.objects.child_of(index).filter(slug=demo.GUIDE["slug"]).first()
        if guide is not None and self.matches(guide, category, body):
            return guide, False
        if guide is None:
            guide = index.add_child(
                instance=RoleGuidePage(**demo.GUIDE, category=category, body=json.dumps(body))
            )
        else:
            for key, value in demo.GUIDE.items():
                setattr(guide, key, value)
            guide.category = category
            guide.body = json.dumps(body)
        guide.save_revision().publish()
        return guide, True

    @staticmethod
    def matches(guide, category, body):
        """True when the live guide already holds exactly the demo content."""
        if not guide.live or guide.has_unpublished_changes or guide.category_id != category.pk:
            return False
        if any(getattr(guide, key) != value for key, value in demo.GUIDE.items()):
            return False
        stored = [{"type": b["type"], "value": b["value"]} for b in guide.body.raw_data]
        return stored == json.loads(json.dumps(body))

    def rebuild_indexes(self):
        from django.core.management import call_command

        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
