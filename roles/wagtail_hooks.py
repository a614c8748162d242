from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from roles.models import Category, Company, Tool


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "folder-open-inverse"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class ToolViewSet(SnippetViewSet):
    model = Tool
    icon = "cogs"
    list_display = ["name", "slug", "website"]
    search_fields = ["name"]


class CompanyViewSet(SnippetViewSet):
    model = Company
    icon = "group"
    list_display = ["name", "website"]
    search_fields = ["name"]


class RoleLibraryGroup(SnippetViewSetGroup):
    menu_label = "Role library"
    menu_icon = "folder-inverse"
    menu_order = 200
    items = (CategoryViewSet, ToolViewSet, CompanyViewSet)


register_snippet(RoleLibraryGroup)
