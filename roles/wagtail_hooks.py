from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.snippet_choosers import CHOOSER_PER_PAGE, searchable_chooser
from roles import salary_import_hooks  # noqa: F401  (Import salaries: its URLs and button)
from roles.models import Category, Company, Tool


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "folder-open-inverse"
    list_display = ["name", "slug"]
    search_fields = ["name"]
    chooser_per_page = CHOOSER_PER_PAGE
    chooser_viewset_class = searchable_chooser(form_fields=["name", "slug"])


class ToolViewSet(SnippetViewSet):
    model = Tool
    icon = "cogs"
    list_display = ["name", "slug", "website"]
    search_fields = ["name"]
    chooser_per_page = CHOOSER_PER_PAGE
    chooser_viewset_class = searchable_chooser(form_fields=["name", "slug", "website"])


class CompanyViewSet(SnippetViewSet):
    model = Company
    icon = "group"
    list_display = ["name", "website"]
    search_fields = ["name"]
    chooser_per_page = CHOOSER_PER_PAGE
    # The logo is added in the company's own editor (an image chooser does not nest here).
    chooser_viewset_class = searchable_chooser(form_fields=["name", "slug", "website"])


class RoleLibraryGroup(SnippetViewSetGroup):
    menu_label = "Role library"
    menu_icon = "folder-inverse"
    menu_order = 200
    items = (CategoryViewSet, ToolViewSet, CompanyViewSet)


register_snippet(RoleLibraryGroup)


# Wagtail 8 has no insert_editor_css: the stylesheet is on every admin page, scoped to its forms.
@hooks.register("insert_global_admin_css")
def salary_editor_css():
    """The salary table editor's compact layout (SalaryTableBlock's form templates)."""
    return format_html('<link rel="stylesheet" href="{}">', static("roles/salary_editor.css"))


@hooks.register("insert_editor_js")
def salary_editor_js():
    """The salary table editor's currency labels and live display strings."""
    return format_html('<script src="{}"></script>', static("roles/salary_editor.js"))


from roles import edition_hooks  # noqa: E402, F401  (editions: admin action and URL)
