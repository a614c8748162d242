"""Snippet choosers editors can search, read in alphabetical order and create entries from.

Built on Wagtail's own `SnippetChooserViewSet` (a `ChooserViewSet`): a viewset names the fields
its search looks in, the field it sorts by (case-insensitively: "dbt" sorts before "WhyLabs"),
and the fields of the "Create" tab's form. A `SnippetViewSet` uses it through
`chooser_viewset_class`.
"""

from django import forms
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.functional import cached_property
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.log_actions import log
from wagtail.models import DraftStateMixin
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetCreateView,
)

CHOOSER_PER_PAGE = 25


class ContainsSearchForm(BaseFilterForm):
    """Finds entries whose search fields contain the text, in any case ("dbt", "flow").

    Matches in the database, like Wagtail's snippet listing does, so no search index has to be
    built or kept up to date for short names.
    """

    search_fields = ()
    q = forms.CharField(
        label="Search term",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"placeholder": "Search"}),
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = " ".join((self.cleaned_data.get("q") or "").split())
        if query:
            condition = Q()
            for field in self.search_fields:
                condition |= Q(**{f"{field}__icontains": query})
            objects = objects.filter(condition)
            self.is_searching = True
            self.search_query = query
        return objects


class CreateEntryView(SnippetCreateView):
    """Saves the chooser's "Create" form and returns the new entry, chosen.

    An entry with drafts (an FAQ entry) is saved as a draft with its first revision: it goes
    live when an editor publishes it, as every change to a shared answer does.
    """

    def save_form(self, form):
        instance = form.save(commit=False)
        if isinstance(instance, DraftStateMixin):
            instance.live = False
            instance.has_unpublished_changes = True
        instance.save()
        form.save_m2m()
        log(instance, "wagtail.create", user=self.request.user)
        if isinstance(instance, DraftStateMixin):
            instance.save_revision(user=self.request.user, log_action=True)
        return instance


class SearchableSnippetChooserViewSet(SnippetChooserViewSet):
    """A snippet chooser with search, case-insensitive order and a "Create" tab."""

    #: Fields the search box looks in.
    search_fields = ("name",)
    #: The text field the list is sorted by, ignoring case.
    sort_field = "name"
    #: Fields of the "Create" tab's form.
    form_fields = ("name",)
    create_view_class = CreateEntryView

    @cached_property
    def creation_form_class(self):
        # Wagtail's admin form: the admin's widgets (rich text editor, URL fields).
        return forms.modelform_factory(
            self.model, form=WagtailAdminModelForm, fields=list(self.form_fields)
        )

    def chooser_view_attrs(self):
        search_form = type(
            "SearchForm", (ContainsSearchForm,), {"search_fields": tuple(self.search_fields)}
        )
        return {"ordering": [Lower(self.sort_field), "pk"], "filter_form_class": search_form}

    @cached_property
    def choose_view_class(self):
        return type("ChooseView", (ChooseView,), self.chooser_view_attrs())

    @cached_property
    def choose_results_view_class(self):
        return type("ChooseResultsView", (ChooseResultsView,), self.chooser_view_attrs())


def searchable_chooser(*, search_fields=("name",), sort_field="name", form_fields, **attrs):
    """A `SearchableSnippetChooserViewSet` subclass for `SnippetViewSet.chooser_viewset_class`."""
    return type(
        "SearchableChooserViewSet",
        (SearchableSnippetChooserViewSet,),
        {
            "search_fields": tuple(search_fields),
            "sort_field": sort_field,
            "form_fields": tuple(form_fields),
            **attrs,
        },
    )
