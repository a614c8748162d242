"""Realistic generated role guides for scale tests and benchmarks (`generate_role_guides`).

Pages are inserted in bulk: Wagtail's one-by-one `add_child` costs a few queries and a
revision per page, which makes 10,000 guides take far too long. Generated guides are live,
have no revision history, and sit under the Roles index like any other guide; each batch is
added to the search index as it is inserted.

It runs on whatever the admin has made of the database: shared categories and tools are found
by slug or by name (an editor may have renamed either), missing ones are created with a free
slug, FAQ entries are the live ones, and page slugs already used under the index are skipped.
"""

import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from cms.api.response_cache import content_changed
from cms.search_bulk import BulkIndexer
from faqs.models import FaqEntry
from roles import block_values as values
from roles.facts import rebuild_facts
from roles.models import Category, RoleGuidePage, Tool

ROLES = [
    "Data Engineer",
    "Machine Learning Engineer",
    "MLOps Engineer",
    "Data Scientist",
    "Analytics Engineer",
    "Backend Engineer",
    "Frontend Engineer",
    "Site Reliability Engineer",
    "Platform Engineer",
    "Security Engineer",
    "Cloud Architect",
    "Product Manager",
    "Data Analyst",
    "Research Scientist",
    "Mobile Engineer",
    "DevOps Engineer",
    "QA Engineer",
    "Solutions Architect",
    "Database Administrator",
    "AI Safety Researcher",
]
CATEGORIES = [
    "Machine Learning",
    "Data",
    "Software Engineering",
    "Infrastructure",
    "Product",
    "Security",
]
TOOLS = [
    "Python",
    "SQL",
    "Apache Spark",
    "dbt",
    "Airflow",
    "Kafka",
    "Kubernetes",
    "Docker",
    "Terraform",
    "AWS",
    "GCP",
    "Azure",
    "PyTorch",
    "TensorFlow",
    "MLflow",
    "Snowflake",
    "BigQuery",
    "PostgreSQL",
    "Redis",
    "React",
    "TypeScript",
    "Go",
    "Rust",
    "Java",
    "Prometheus",
    "Grafana",
    "GitHub Actions",
    "Jenkins",
    "Figma",
    "Tableau",
]
SKILLS = [
    "Data pipeline design",
    "Distributed systems",
    "Model deployment",
    "Experiment design",
    "Cloud infrastructure",
    "Observability",
    "API design",
    "Data modelling",
    "Automation",
    "Incident response",
    "Performance tuning",
    "Stakeholder communication",
]
MOMENTS = ["Morning", "Late morning", "Afternoon", "End of day"]
LEVELS = ["Intern", "Entry-Level", "Mid-Level", "Senior", "Staff"]


def free_slug(model, base):
    """`base`, or `base-2`, `base-3`… : the first slug no `model` row uses."""
    base = base[:110] or model._meta.model_name
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def shared_snippet(model, name):
    """The category or tool called `name`, or with its slug (renamed since), else a new one."""
    slug = slugify(name)[:120]
    found = model.objects.filter(Q(slug=slug) | Q(name=name)).order_by("pk").first()
    if found is not None:
        return found
    return model.objects.create(name=name, slug=free_slug(model, slug))


def ensure_pools(rng):
    categories = [shared_snippet(Category, name) for name in CATEGORIES]
    tools = list({tool.pk: tool for tool in (shared_snippet(Tool, n) for n in TOOLS)}.values())
    faqs = list(FaqEntry.objects.live()[:30])
    for n in range(len(faqs), 30):
        entry = FaqEntry.objects.create(
            question=f"Common question {n + 1} about tech careers?",
            answer=f"<p>A shared answer, number {n + 1}, reused across many guides.</p>",
            topic=rng.choice(["Careers", "Hiring", "Skills"]),
            live=False,
        )
        entry.save_revision().publish()
        faqs.append(entry)
    return categories, tools, faqs


def salary_rows(rng):
    base = rng.randrange(70, 160) * 1000
    rows = [
        values.salary_row(
            "Intern",
            intern_monthly_min=rng.randrange(4, 9) * 1000,
            intern_monthly_max=rng.randrange(9, 14) * 1000,
        )
    ]
    for index, level in enumerate(LEVELS[1:4]):
        low = base + index * rng.randrange(40, 70) * 1000
        rows.append(
            values.salary_row(
                level,
                experience_min_years=index * 3,
                experience_max_years=index * 3 + 2,
                base_salary_min=low,
                base_salary_max=low + rng.randrange(30, 90) * 1000,
                equity_bonus_percent_min=10 + index * 10,
                equity_bonus_percent_max=30 + index * 20,
            )
        )
    return rows


# Every so many generated guides, the call to action links to the guides' index page.
LINKS_TO_INDEX_EVERY = 4


def guide_body(rng, role, tools, faqs, extra_sections=0, link_page_id=None):
    """A plausible body with every block type (`roles/block_values.py` builds each block).
    The call to action links to the page `link_page_id` when given, else to a URL."""
    return [
        values.section(
            f"What does a {role} do?",
            f"<p>A {role} builds and runs the systems their team depends on.</p>",
        ),
        *(
            values.section(f"Topic {n + 1}", "<p>More about the role.</p>")
            for n in range(extra_sections)
        ),
        values.skills_list(
            "Required Skills & Qualifications",
            [
                (skill, [t.pk for t in rng.sample(tools, rng.randrange(1, 4))])
                for skill in rng.sample(SKILLS, rng.randrange(3, 8))
            ],
        ),
        values.day_in_the_life(
            f"A Day in the Life of a {role}",
            [(m, f"{m}: focused work on the team's priorities.") for m in MOMENTS],
        ),
        values.career_path(
            "Career Path & Salary Progression", [f"{level} {role}" for level in LEVELS]
        ),
        values.salary_table(
            salary_rows(rng), source_note="Generated figures for testing.", as_of_year=2026
        ),
        values.companies_hiring(f"Top Companies Hiring {role}s"),
        values.call_to_action(
            f"Apply for {role} Roles",
            "Send us your profile.",
            "Apply",
            link_page_id=link_page_id,
            link_url="" if link_page_id else "https://example.com/apply",
        ),
        values.faq(
            f"{role} — Frequently Asked Questions",
            [f.pk for f in rng.sample(faqs, rng.randrange(3, 6))],
        ),
    ]


def free_page_slugs(index, prefixes):
    """A new slug per prefix (`prefix-<8 hex>`) that no child of `index` uses yet."""
    slugs = [f"{prefix}-{uuid.uuid4().hex[:8]}" for prefix in prefixes]
    taken = set(Page.objects.child_of(index).filter(slug__in=slugs).values_list("slug", flat=True))
    while taken or len(set(slugs)) < len(slugs):
        seen = set()
        for n, slug in enumerate(slugs):
            if slug in taken or slug in seen:
                slugs[n] = f"{prefixes[n]}-{uuid.uuid4().hex[:8]}"
            seen.add(slugs[n])
        taken = set(
            Page.objects.child_of(index).filter(slug__in=slugs).values_list("slug", flat=True)
        )
    return slugs


def generate(index, count, *, seed=1, batch_size=500, extra_sections=0, progress=None):
    """Insert `count` live guides under `index`; call `progress(done, count)` after each batch."""
    rng = random.Random(seed)
    categories, tools, faqs = ensure_pools(rng)
    content_type = ContentType.objects.get_for_model(RoleGuidePage)
    body_field = RoleGuidePage._meta.get_field("body")
    # New guides go into the search index batch by batch (bulk inserts send no signals).
    search_index = BulkIndexer(RoleGuidePage)
    done = 0
    while done < count:
        size = min(batch_size, count - done)
        with transaction.atomic():
            index.refresh_from_db()
            last = index.get_last_child()
            step = int(last.path[-Page.steplen :], 36) + 1 if last else 1
            now = timezone.now()
            pages, details = [], []
            picks = [(rng.choice(ROLES), rng.choice([2024, 2025, 2026])) for _ in range(size)]
            slugs = free_page_slugs(index, [f"{slugify(role)}-{year}" for role, year in picks])
            for n, ((role, year), slug) in enumerate(zip(picks, slugs, strict=True)):
                title = f"{role} Jobs & Internships {year}"
                pages.append(
                    dict(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        path=index._get_path(index.path, index.depth + 1, step + n),
                        depth=index.depth + 1,
                        numchild=0,
                        url_path=f"{index.url_path}{slug}/",
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=now,
                        last_published_at=now,
                        locale_id=index.locale_id,
                        translation_key=uuid.uuid4(),
                        content_type=content_type,
                    )
                )
                details.append(
                    (
                        role,
                        year,
                        rng.choice(categories).pk,
                        guide_body(
                            rng,
                            role,
                            tools,
                            faqs,
                            extra_sections,
                            # Every fourth guide's button sends readers to the other roles.
                            link_page_id=index.pk
                            if (done + n) % LINKS_TO_INDEX_EVERY == 0
                            else None,
                        ),
                    )
                )
            created = Page.objects.bulk_create(Page(**fields) for fields in pages)
            guides = [
                RoleGuidePage(
                    **fields,
                    id=page.pk,
                    page_ptr_id=page.pk,
                    role_name=role,
                    role_slug=slugify(role),
                    year=year,
                    intro=f"What it takes to work as a {role} in {year}.",
                    category_id=category_id,
                    body=body,
                )
                for fields, page, (role, year, category_id, body) in zip(
                    pages, created, details, strict=True
                )
            ]
            rows = [
                (
                    guide.pk,
                    guide.role_name,
                    guide.role_slug,
                    guide.year,
                    guide.intro,
                    guide.category_id,
                    body_field.get_db_prep_save(guide.body, connection),
                    "",
                    False,
                )
                for guide in guides
            ]
            table = RoleGuidePage._meta.db_table
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {table} (page_ptr_id, role_name, role_slug, year, intro, "
                    "category_id, body, canonical_url, no_index) "
                    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
                    rows,
                )
            Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + size)
            search_index.add(guides)
            rebuild_facts(guides)  # live guides, body, year and category in memory
        done += size
        if progress:
            progress(done, count)
    search_index.finish()
    content_changed()  # bulk inserts send no signals
    return done
