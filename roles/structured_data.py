"""Schema.org nodes for a role guide: the `Occupation` it describes and its `FAQPage`."""

from wagtail.rich_text import expand_db_html

from cms.html_sanitiser import sanitise_html
from cms.seo import plain_text_summary
from roles.salary import table_rows

YEARLY = "P1Y"
MONTHLY = "P1M"


def salary_distributions(table_value):
    """One `MonetaryAmountDistribution` per pay range in a salary table.

    A range's lower and upper ends are published as the 10th and 90th percentiles, the
    closest schema.org terms for "from … to …" on a distribution.
    """
    distributions = []
    for row in table_rows(table_value):
        for label, low, high, duration in (
            ("base salary", row.base_salary_min, row.base_salary_max, YEARLY),
            ("intern pay", row.intern_monthly_min, row.intern_monthly_max, MONTHLY),
        ):
            if (low is None and high is None) or not row.currency:
                continue
            distribution = {
                "@type": "MonetaryAmountDistribution",
                "name": f"{row.level_display}, {label}",
                "currency": row.currency,
                "duration": duration,
            }
            if low is not None:
                distribution["percentile10"] = low
            if high is not None:
                distribution["percentile90"] = high
            distributions.append(distribution)
    return distributions


def occupation(guide, page_url):
    skills, salaries = [], []
    for block in guide.body:
        if block.block_type == "skills_list":
            skills += [skill["name"] for skill in block.value["skills"]]
        elif block.block_type == "salary_table":
            salaries += salary_distributions(block.value)
    node = {
        "@type": "Occupation",
        "@id": f"{page_url}#occupation",
        "name": guide.role_name,
        "description": plain_text_summary(guide.intro, 5000),
    }
    if skills:
        node["skills"] = skills
    if guide.category_id:
        node["occupationalCategory"] = guide.category.name
    if salaries:
        node["estimatedSalary"] = salaries
    return node


def faq_page(guide, page_url):
    entries = [
        entry
        for block in guide.body
        if block.block_type == "faq"
        for entry in block.block.live_entries(None, block.value)
    ]
    if not entries:
        return None
    return {
        "@type": "FAQPage",
        "@id": f"{page_url}#faq",
        "mainEntity": [
            {
                "@type": "Question",
                "name": entry.question,
                "acceptedAnswer": {
                    "@type": "Answer",
                    "text": sanitise_html(expand_db_html(entry.answer)),
                },
            }
            for entry in entries
        ],
    }


def role_guide_nodes(guide, page_url):
    nodes = [occupation(guide, page_url)]
    faqs = faq_page(guide, page_url)
    if faqs:
        nodes.append(faqs)
    return nodes
