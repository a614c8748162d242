from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.snippet_choosers import CHOOSER_PER_PAGE, searchable_chooser
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
    chooser_per_page = CHOOSER_PER_PAGE
    # Created as a draft, published from the entry's own editor like any change to it.
    chooser_viewset_class = searchable_chooser(
        search_fields=["question", "topic"],
        sort_field="question",
        form_fields=["question", "answer", "topic"],
        create_action_label="Create draft",
    )


register_snippet(FaqEntryViewSet)
