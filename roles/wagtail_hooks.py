from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.snippet_choosers import CHOOSER_PER_PAGE, searchable_chooser
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
