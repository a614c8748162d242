from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from faqs.models import FaqEntry


class FaqEntryViewSet(SnippetViewSet):
    model = FaqEntry
    icon = "help"
    menu_label = "FAQ entries"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["question", "topic", "live"]
    list_filter = ["topic", "live"]
    search_fields = ["question"]


register_snippet(FaqEntryViewSet)
