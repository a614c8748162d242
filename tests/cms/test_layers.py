"""Layers only point down: the generic layer (`cms/`) never imports a domain app. Domain apps
register what they need (cache invalidation, URL fields, list sizes, `make run`'s links) in
their AppConfig.ready()."""

import ast
from pathlib import Path

from django.conf import settings

from cms.signal_handlers import SERVED_MODELS

DOMAIN_APPS = {"roles", "faqs", "home"}


def imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def test_cms_imports_no_domain_app():
    cms = Path(settings.BASE_DIR) / "cms"
    found = [
        f"{path.relative_to(settings.BASE_DIR)} imports {module}"
        for path in sorted(cms.rglob("*.py"))
        if "migrations" not in path.parts
        for module in imported_modules(path)
        if module.split(".")[0] in DOMAIN_APPS
    ]
    assert found == []


def test_domain_apps_register_their_shared_snippets_for_invalidation():
    from faqs.models import FaqEntry
    from roles.models import Category, Company, Tool

    assert SERVED_MODELS[FaqEntry] is True  # drafts: publishing makes it live
    assert {model: SERVED_MODELS[model] for model in (Category, Company, Tool)} == {
        Category: False,
        Company: False,
        Tool: False,
    }
