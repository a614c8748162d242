"""Admin hooks of editions: the 'Start the 2027 edition' action in a guide's "more" menus (its
edit view's header and the page listing) and the URL of its view."""

from django.urls import path
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from roles.edition_views import (
    URL_NAME,
    StartNextEditionView,
    action_label,
    start_next_edition_url,
)
from roles.editions import can_start_next_edition, next_year_is_too_late
from roles.models import RoleGuidePage


class StartNextEditionButton(PageMenuItem):
    """'Start the 2027 edition': shown on a live role guide to those who may add one beside it,
    unless the year would pass MAX_YEAR."""

    icon_name = "copy"

    def __init__(self, *, page, next_url=None, priority=35):
        super().__init__(page=page, next_url=next_url, priority=priority)
        if isinstance(page, RoleGuidePage):
            self.label = action_label(page)
            self.url = start_next_edition_url(page, next_url)

    def is_shown(self, user):
        return (
            isinstance(self.page, RoleGuidePage)
            and self.page.live
            and not next_year_is_too_late(self.page)
            and can_start_next_edition(self.page, user)
        )


@hooks.register("register_page_header_buttons")
def start_next_edition_header_button(page, user, view_name=None, next_url=None):
    yield StartNextEditionButton(page=page, next_url=next_url)


@hooks.register("register_page_listing_more_buttons")
def start_next_edition_listing_button(page, user, next_url=None):
    yield StartNextEditionButton(page=page, next_url=next_url)


@hooks.register("register_admin_urls")
def start_next_edition_urls():
    return [
        path(
            "roles/guides/<int:page_id>/next-edition/",
            StartNextEditionView.as_view(),
            name=URL_NAME,
        )
    ]
