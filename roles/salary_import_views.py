"""The admin's "Import salaries" for a role guide: upload a CSV, see the diff, apply it.

1. The form (a file and which salary table) reads the file by `roles/salary_import.py`; a bad
   file is a field error listing each problem's line and column.
2. The preview shows the guide's table against the file (the shared salary diff template) and
   an "Apply" button. The file's content travels to the apply step signed (django.core.signing,
   with the guide, the table, the user and the revision it was compared with): nothing the
   browser could change is trusted, and the file need not be uploaded twice.
3. Apply reads the signed file again and saves a new draft revision (never published), unless
   the guide got a newer revision since the preview: then nothing is saved, and the editor is
   asked to look at the diff again.
"""

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.utils import get_breadcrumbs_items_for_page

from roles.models import RoleGuidePage
from roles.salary_import import MAX_FILE_BYTES, SalaryImportError, columns, read_salary_csv
from roles.salary_import_draft import (
    SalaryImportRefused,
    apply_salary_import,
    latest_tables,
    plan_salary_import,
    refusal,
    table_label,
)

SIGNING_SALT = "roles.salary_import.preview"
PREVIEW_MAX_AGE = 60 * 60  # seconds an editor has between the preview and "Apply"


class SalaryImportForm(forms.Form):
    """The CSV file and the guide's salary table it replaces."""

    file = forms.FileField(
        label="CSV file",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    table = forms.TypedChoiceField(label="Salary table", coerce=int)

    def __init__(self, *args, tables, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["table"].choices = [(n, table_label(n, value)) for n, value in tables]
        self.fields["file"].help_text = (
            f"UTF-8 CSV, at most {MAX_FILE_BYTES // 1024} KB, with the columns "
            f"{', '.join(column.name for column in columns())}. Its rows, currency, source and "
            "year replace the table's; the table's heading is kept."
        )
        self.imported = self.content = None

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(f"The file is larger than {MAX_FILE_BYTES // 1024} KB.")
        content = upload.read()
        try:
            self.imported = read_salary_csv(content)
        except SalaryImportError as error:
            raise forms.ValidationError([str(problem) for problem in error.problems]) from None
        self.content = content
        return upload


class GuideSalaryImportMixin(WagtailAdminTemplateMixin):
    """A role guide the user may edit, and the upload form's page."""

    template_name = "roles/admin/salary_import.html"
    page_title = "Import salaries"
    header_icon = "table"

    def dispatch(self, request, page_id):
        self.guide = get_object_or_404(RoleGuidePage, pk=page_id)
        if not self.guide.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.guide.get_admin_display_title()

    def get_breadcrumbs_items(self):
        items = get_breadcrumbs_items_for_page(self.guide, self.request.user)
        return items + [{"url": "", "label": self.page_title}]

    def edit_url(self):
        return reverse("wagtailadmin_pages:edit", args=[self.guide.pk])

    def upload_form(self, *args, **kwargs):
        return SalaryImportForm(*args, tables=latest_tables(self.guide), **kwargs)

    def render_upload(self, form, error=None, status=200):
        """The upload form; `error`: why the last step was refused."""
        context = self.get_context_data(
            form=form,
            error=error,
            has_tables=bool(form.fields["table"].choices),
            refusal=refusal(self.guide, self.request.user),
            edit_url=self.edit_url(),
        )
        return self.render_to_response(context, status=status)


class SalaryImportView(GuideSalaryImportMixin, View):
    """GET: the upload form. POST: the file checked, then the diff and an "Apply" button."""

    def get(self, request, page_id):
        return self.render_upload(self.upload_form())

    def post(self, request, page_id):
        form = self.upload_form(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_upload(form)
        table_number = form.cleaned_data["table"]
        try:
            plan = plan_salary_import(self.guide, form.imported, table_number, request.user)
        except SalaryImportRefused as refused:
            return self.render_upload(form, error=str(refused))
        payload = {
            "page": self.guide.pk,
            "table": table_number,
            "revision": plan.revision_id,
            "user": request.user.pk,
            "name": form.cleaned_data["file"].name,
            "csv": form.content.decode("utf-8-sig"),
        }
        signed = signing.dumps(payload, salt=SIGNING_SALT, compress=True)
        context = self.get_context_data(
            plan=plan,
            file_name=payload["name"],
            diff_tables=[
                {"heading": table_label(table_number, plan.before), "rows": plan.display_rows()}
            ],
            apply_form=ApplyForm(initial={"payload": signed}),
            apply_url=reverse("roles_salary_import_apply", args=[self.guide.pk]),
            import_url=reverse("roles_salary_import", args=[self.guide.pk]),
            edit_url=self.edit_url(),
        )
        self.template_name = "roles/admin/salary_import_preview.html"
        return self.render_to_response(context)


class ApplyForm(forms.Form):
    """The previewed import, signed by the server."""

    payload = forms.CharField(widget=forms.HiddenInput)


class SalaryImportApplyView(GuideSalaryImportMixin, View):
    """POST: save the previewed file as a new draft revision, then back to the editor."""

    def post(self, request, page_id):
        form = ApplyForm(request.POST)
        try:
            payload = self.signed_payload(form)
            imported = read_salary_csv(payload["csv"].encode())
            plan = plan_salary_import(
                self.guide,
                imported,
                payload["table"],
                request.user,
                seen_revision_id=payload["revision"],
            )
            apply_salary_import(plan, user=request.user)
        except (SalaryImportRefused, SalaryImportError) as refused:
            return self.render_upload(self.upload_form(), error=str(refused), status=409)
        messages.success(
            request,
            f"Salary table {payload['table']} updated from {payload['name']} in a new draft. "
            "Publish the guide to show the new figures.",
        )
        return redirect(self.edit_url())

    def signed_payload(self, form):
        """The preview's payload, if the server signed it for this guide and user."""
        expired = SalaryImportRefused(
            "This preview has expired or was altered: nothing was imported. Upload the file again."
        )
        if not form.is_valid():
            raise expired
        try:
            payload = signing.loads(
                form.cleaned_data["payload"], salt=SIGNING_SALT, max_age=PREVIEW_MAX_AGE
            )
        except signing.BadSignature:
            raise expired from None
        if (payload["page"], payload["user"]) != (self.guide.pk, self.request.user.pk):
            raise expired
        return payload
