"""The admin's "Import salaries": its URLs, and a button in a role guide editor's header menu
(roles/salary_import_views.py)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets import Button

from roles.models import RoleGuidePage
from roles.salary_import_views import SalaryImportApplyView, SalaryImportView


@hooks.register("register_admin_urls")
def salary_import_urls():
    return [
        path(
            "roles/guides/<int:page_id>/import-salaries/",
            SalaryImportView.as_view(),
            name="roles_salary_import",
        ),
        path(
            "roles/guides/<int:page_id>/import-salaries/apply/",
            SalaryImportApplyView.as_view(),
            name="roles_salary_import_apply",
        ),
    ]


@hooks.register("register_page_header_buttons")
def import_salaries_button(page, user, view_name, next_url=None):
    """In a role guide's editor, for users who may edit it."""
    page_class = page.specific_class
    if view_name != "edit" or page_class is None or not issubclass(page_class, RoleGuidePage):
        return
    if not page.permissions_for_user(user).can_edit():
        return
    yield Button(
        "Import salaries",
        reverse("roles_salary_import", args=[page.pk]),
        icon_name="table",
        priority=75,
    )
