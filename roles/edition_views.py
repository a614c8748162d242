"""The admin's 'Start the 2027 edition' action: a confirmation page (GET) and its form (POST)."""

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.utils import get_breadcrumbs_items_for_page

from roles.editions import (
    NewEditionRefused,
    can_start_next_edition,
    next_year,
    next_year_is_too_late,
    start_next_edition,
    too_late_message,
)
from roles.models import RoleGuidePage

URL_NAME = "roles_start_next_edition"


def start_next_edition_url(guide, next_url=None):
    url = reverse(URL_NAME, args=[guide.pk])
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def action_label(guide):
    return f"Start the {next_year(guide)} edition"


class StartNextEditionView(WagtailAdminTemplateMixin, TemplateView):
    """Asks before starting the next edition of a guide (GET); starts it (POST), then opens the
    new draft, or goes back with the reason it was refused."""

    template_name = "roles/admin/start_next_edition.html"
    header_icon = "copy"
    http_method_names = ["get", "post"]

    def dispatch(self, request, page_id):
        self.guide = get_object_or_404(RoleGuidePage, pk=page_id)
        if not can_start_next_edition(self.guide, request.user):
            raise PermissionDenied
        self.next_url = get_valid_next_url_from_request(request) or reverse(
            "wagtailadmin_pages:edit", args=[self.guide.pk]
        )
        return super().dispatch(request, page_id)

    def get(self, request, *args, **kwargs):
        if next_year_is_too_late(self.guide):
            messages.error(request, too_late_message(self.guide))
            return redirect(self.next_url)
        return super().get(request, *args, **kwargs)

    def get_page_title(self):
        return action_label(self.guide)

    def get_page_subtitle(self):
        return self.guide.get_admin_display_title()

    def get_breadcrumbs_items(self):
        # The page explorer's trail to the guide, then this action (as Wagtail's page views do).
        here = {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()}
        return [*get_breadcrumbs_items_for_page(self.guide, self.request.user), here]

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "guide": self.guide,
            "year": next_year(self.guide),
            "action_url": start_next_edition_url(self.guide),
            "next_url": self.next_url,
        }

    def post(self, request, page_id):
        try:
            new_guide = start_next_edition(self.guide, request.user)
        except NewEditionRefused as refused:
            messages.error(request, refused.message)
            return redirect(self.next_url)
        messages.success(
            request,
            f"The {new_guide.year} edition was started as a draft from the published "
            f"'{self.guide.title}': update its salary table, skills and tools, then publish it.",
        )
        return redirect("wagtailadmin_pages:edit", new_guide.pk)
