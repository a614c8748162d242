"""Import: a dump into this database, all of it or nothing (docs/content-format.md).

Before anything is written, the dump is checked: every page type and snippet model is
known, no page would take the path of a page of another type, every new page has a parent,
and every image file is present with the size and checksum the dump gives. Then, in one
transaction: images, snippets, pages, site settings. Any error rolls everything back, image
files stored by the import included, and names the object and the field that failed.

Matching, so that importing the same dump twice changes nothing:
- images by their file's checksum (an image the target has is used as it is);
- snippets by natural key: created when missing, updated when their fields differ (the dump
  wins; a snippet with drafts gets a new revision, published with --publish when it is live
  in the dump), left alone when equal;
- pages by path and type: new pages arrive as drafts (one revision) unless --publish; an
  existing page gets a new revision only when its content differs from both its live version
  and its latest revision; --publish publishes it, and a page the import publishes takes the
  publication dates of the dump.
Objects are validated and saved the way the admin saves them (`validation.py`; revisions,
publishing and its signals), and the search and reference indexes are brought up to date once
per imported object at the end (`indexing.py`).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.dateparse import parse_datetime
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import DraftStateMixin, Page, Site

from cms.content_transfer.errors import TransferError, validation_message
from cms.content_transfer.fields import (
    IMAGE,
    base_model,
    is_site_setting,
    kind,
    label,
    model_for_label,
    page_fields,
    page_models,
    setting_fields,
    settings_models,
    snippet_fields,
    snippet_models,
)
from cms.content_transfer.indexing import index_updates_deferred, update_indexes
from cms.content_transfer.keys import ExportKeys, ImportIds, batches, primary_key
from cms.content_transfer.media import checked_file, create_image, file_sha1
from cms.content_transfer.natural_keys import natural_key_field
from cms.content_transfer.validation import full_clean, validate_streams
from cms.content_transfer.values import apply_fields, dumped_fields


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    published: int = 0

    def __str__(self):
        parts = [f"{self.created} new", f"{self.updated} changed", f"{self.unchanged} unchanged"]
        if self.published:
            parts.append(f"{self.published} published")
        return ", ".join(parts)


@dataclass
class ImportReport:
    pages: Counts = field(default_factory=Counts)
    snippets: Counts = field(default_factory=Counts)
    images: Counts = field(default_factory=Counts)  # unchanged: found by checksum
    settings: Counts = field(default_factory=Counts)
    dry_run: bool = False

    def lines(self):
        return [
            f"Pages: {self.pages}",
            f"Snippets: {self.snippets}",
            f"Images: {self.images.created} new, {self.images.unchanged} already here",
            f"Settings: {self.settings}",
        ]


LIVE, DRAFT = "live", "draft"


class DryRun(Exception):
    """Rolls back a dry run's transaction."""


def is_placeholder_root(page, site):
    """Wagtail's 'Welcome to your new Wagtail site!' page of a new database: a plain page at
    the site root with nothing below it and no other site on it. An import brings its own."""
    return (
        page.specific_class is Page
        and page.depth == 2
        and page.numchild == 0
        and not Site.objects.filter(root_page=page).exclude(pk=site.pk).exists()
    )


class Importer:
    """One import of a checked dump (`dump_file.read_dump`)."""

    def __init__(self, dump, *, media=None, publish=False, dry_run=False, progress=None):
        self.dump = dump
        self.media = media
        self.publish = publish
        self.dry_run = dry_run
        self.progress = progress or (lambda stage, done, total: None)
        self.report = ImportReport(dry_run=dry_run)
        self.stored_files = []
        self.touched = defaultdict(set)  # base model -> ids of the objects saved

    def run(self):
        self.check()
        try:
            with transaction.atomic(), index_updates_deferred():
                self.import_everything()
                update_indexes(self.touched)
                if self.dry_run:
                    raise DryRun
        except DryRun:
            self.remove_stored_files()
        except BaseException:
            self.remove_stored_files()
            raise
        return self.report

    def touch(self, obj):
        self.touched[base_model(type(obj))].add(obj.pk)

    def remove_stored_files(self):
        storage = get_image_model()._meta.get_field("file").storage
        for name in self.stored_files:
            storage.delete(name)
        self.stored_files.clear()

    # Checks, before anything is written ---------------------------------------------------

    def check(self):
        self.site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if self.site is None:
            raise TransferError("this database has no default site to import into")
        self.root = self.site.root_page
        self.check_pages()
        self.check_snippets()
        self.check_settings()
        self.check_images()

    def check_pages(self):
        known = page_models()
        self.pages = []  # (entry, model)
        paths = {}  # path -> index in the dump
        for n, entry in enumerate(self.dump["pages"]):
            where = f"{entry['type']} {entry['path']}"
            try:
                model = model_for_label(entry["type"], known, "page type")
            except TransferError as error:
                raise error.about(where) from None
            path = entry["path"]
            if path in paths:
                raise TransferError(
                    f"the dump has this path twice (pages[{paths[path]}] and [{n}])", obj=where
                )
            slug = entry["fields"].get("slug")
            if path != "/" and slug is not None and path.rstrip("/").rsplit("/", 1)[-1] != slug:
                raise TransferError(
                    f"the path does not end with the page's slug '{slug}'", obj=where, field="slug"
                )
            paths[path] = n
            self.pages.append((entry, model))
        self.existing_pages = self.find_existing_pages(list(paths))
        outside = {parent_path(path) for path in paths if path != "/"} - set(paths)
        parents_here = self.find_existing_pages(sorted(outside))  # e.g. /roles/ for one guide
        self.replace_root = False
        clashes = []
        for entry, model in self.pages:
            path = entry["path"]
            found = self.existing_pages.get(path)
            if found is None:
                parent = parent_path(path)
                if (
                    paths.get(parent, len(paths)) >= paths[path]
                    and parent not in self.existing_pages
                    and parent not in parents_here
                ):
                    raise TransferError(
                        f"its parent {parent} is neither in this site nor before it in the dump",
                        obj=f"{entry['type']} {path}",
                    )
                continue
            found_model = ContentType.objects.get_for_id(found[1]).model_class()
            if found_model is model:
                continue
            if path == "/" and is_placeholder_root(self.root, self.site):
                self.replace_root = True
                del self.existing_pages["/"]
                continue
            found_label = label(found_model) if found_model else "page of an unknown type"
            clashes.append(f"{entry['type']} {path}: a {found_label} already has this path")
        if clashes:
            more = f" (and {len(clashes) - 1} more)" if len(clashes) > 1 else ""
            raise TransferError(f"{clashes[0]}{more}: a slug clash with a page of another type")

    def find_existing_pages(self, paths):
        """{path: (id, content type id)} for the dump's paths that this site has."""
        found = {}
        if "/" in paths:
            found["/"] = (self.root.pk, self.root.content_type_id)
        wanted = {self.root.url_path + path[1:]: path for path in paths if path != "/"}
        slugs = sorted({path.rstrip("/").rsplit("/", 1)[-1] for path in wanted.values()})
        for batch in batches(slugs):
            rows = Page.objects.filter(slug__in=batch).values_list(
                "pk", "url_path", "content_type_id"
            )
            for pk, url_path, content_type_id in rows:
                if url_path in wanted:
                    found[wanted[url_path]] = (pk, content_type_id)
        return found

    def check_snippets(self):
        known = {label(model): model for model in snippet_models()}
        self.snippets = defaultdict(list)  # model -> [entry]
        seen = set()
        for entry in self.dump["snippets"]:
            where = f"{entry['model']} {entry['key']}"
            try:
                model = model_for_label(entry["model"], known, "snippet model")
                natural_key_field(model)
            except TransferError as error:
                raise error.about(where) from None
            if (model, entry["key"]) in seen:
                raise TransferError("the dump has this snippet twice", obj=where)
            seen.add((model, entry["key"]))
            self.snippets[model].append(entry)
        self.existing_snippets = {}
        for model, entries in self.snippets.items():
            key_field = natural_key_field(model)
            existing = {}
            for batch in batches(sorted(entry["key"] for entry in entries)):
                for obj in model.objects.filter(**{f"{key_field}__in": batch}):
                    key = getattr(obj, key_field)
                    if key in existing:
                        raise TransferError(
                            f"this database has two {model._meta.verbose_name_plural} with the "
                            f"{key_field} '{key}': which one the dump means is unclear",
                            obj=f"{label(model)} {key}",
                        )
                    existing[key] = obj
            self.existing_snippets[model] = existing

    def check_settings(self):
        known = {label(model): model for model in settings_models()}
        self.settings = []
        for entry in self.dump.get("settings", []):
            try:
                model = model_for_label(entry["model"], known, "settings model")
            except TransferError as error:
                raise error.about(entry["model"]) from None
            self.settings.append((entry, model))

    def check_images(self):
        """Every image file present, of the size and checksum the dump gives."""
        self.images = []  # (record, sha1): files are read again when stored, one at a time
        seen = set()
        records = self.dump["images"]
        for n, record in enumerate(records):
            where = f"image {record['file']}"
            if record["file"] in seen:
                raise TransferError("the dump has this image twice", obj=where)
            seen.add(record["file"])
            self.images.append((record, checked_file(record, self.media, where)))
            self.progress("checking image files", n + 1, len(records))
        self.existing_images = {}  # sha1 -> id of an image here with that file
        images = get_image_model().objects.order_by("pk")
        for batch in batches(sorted({sha1 for _, sha1 in self.images})):
            for pk, file_hash in images.filter(file_hash__in=batch).values_list("pk", "file_hash"):
                self.existing_images.setdefault(file_hash, pk)
        # An image stored without Wagtail's checksum (made in code, not uploaded) is matched
        # when it has the same file name and its file the same checksum.
        unmatched = {record["file"]: sha1 for record, sha1 in self.images}
        unmatched = {
            name: sha1 for name, sha1 in unmatched.items() if sha1 not in self.existing_images
        }
        for batch in batches(sorted(unmatched)):
            for image in images.filter(file__in=batch, file_hash=""):
                if file_sha1(image) == unmatched[image.file.name]:
                    self.existing_images.setdefault(unmatched[image.file.name], image.pk)

    # The import, in one transaction -------------------------------------------------------

    def import_everything(self):
        self.ids = ImportIds(self.root, dump_paths=[entry["path"] for entry, _ in self.pages])
        self.keys = ExportKeys(self.root)  # what the target holds, to compare with the dump
        self.import_images()
        self.create_snippets()
        if self.replace_root:
            self.remove_placeholder_root()
        self.create_pages()
        self.keys = ExportKeys(self.root)
        self.fill_snippets()
        self.fill_pages()
        self.import_settings()

    def import_images(self):
        self.image_keys = {}  # image id here -> the dump's key for it
        for n, (record, sha1) in enumerate(self.images):
            if sha1 in self.existing_images:
                self.ids.images[record["file"]] = self.existing_images[sha1]
                self.report.images.unchanged += 1
            else:
                image = create_image(record, self.media, f"image {record['file']}")
                self.stored_files.append(image.file.name)
                self.touch(image)
                self.existing_images[sha1] = image.pk
                self.ids.images[record["file"]] = image.pk
                self.report.images.created += 1
            self.image_keys.setdefault(self.ids.images[record["file"]], record["file"])
            self.progress("images", n + 1, len(self.images))

    def snippet_entries(self):
        """(model, entry) for every snippet of the dump, models in dependency order."""
        for model in snippet_models():
            for entry in sorted(self.snippets.get(model, []), key=lambda e: e["key"]):
                yield model, entry

    def create_snippets(self):
        """Pass 1: every new snippet, saved with the references that can be resolved already
        (a link to a page the import has not created yet is filled in by pass 2)."""
        for model, existing in self.existing_snippets.items():
            for key, obj in existing.items():
                self.ids.snippets[base_model(model)][key] = obj.pk
        self.new_snippets = {}  # (model, key) -> references were deferred
        for model, entry in self.snippet_entries():
            if entry["key"] in self.existing_snippets[model]:
                continue
            try:
                obj, deferred = self.create_snippet(model, entry)
            except TransferError as error:
                raise error.about(f"{label(model)} {entry['key']}") from None
            self.ids.snippets[base_model(model)][entry["key"]] = obj.pk
            self.new_snippets[(model, entry["key"])] = deferred

    def create_snippet(self, model, entry):
        obj = model()
        fields = snippet_fields(model)
        key_field = natural_key_field(model)
        self.ids.deferring, self.ids.deferred = True, False
        try:
            apply_fields(obj, fields, entry["fields"], self.ids.id)
        finally:
            self.ids.deferring = False
        if getattr(obj, key_field) != entry["key"]:
            raise TransferError(f"differs from the snippet's key '{entry['key']}'", field=key_field)
        full_clean(obj)
        if isinstance(obj, DraftStateMixin):
            obj.live = False
            obj.has_unpublished_changes = True
        obj.save()
        log(obj, "wagtail.create")
        self.touch(obj)
        return obj, self.ids.deferred

    def fill_snippets(self):
        """Pass 2: a new snippet gets its deferred references and (with drafts) its first
        revision; an existing one is updated when it differs from the dump."""
        total = sum(len(entries) for entries in self.snippets.values())
        for done, (model, entry) in enumerate(self.snippet_entries(), start=1):
            try:
                self.fill_snippet(model, entry)
            except TransferError as error:
                raise error.about(f"{label(model)} {entry['key']}") from None
            self.progress("snippets", done, total)

    def fill_snippet(self, model, entry):
        fields = snippet_fields(model)
        draftable = issubclass(model, DraftStateMixin)
        publish = self.publish and entry.get("live", True)
        counts = self.report.snippets
        pk = self.ids.snippets[base_model(model)][entry["key"]]
        if (model, entry["key"]) in self.new_snippets:
            obj = model.objects.get(pk=pk)
            if self.new_snippets[(model, entry["key"])]:
                apply_fields(obj, fields, entry["fields"], self.ids.id)
                full_clean(obj)
                obj.save()
            counts.created += 1
            if draftable:
                self.save_revision(obj, publish, counts)
            return
        existing = self.existing_snippets[model][entry["key"]]
        found = self.same_version(existing, fields, entry["fields"])
        if found is not None:
            counts.unchanged += 1
            if found == DRAFT and publish and self.publish_latest(existing, counts):
                self.touch(existing)
            return
        latest = latest_version(existing) if draftable else existing
        apply_fields(latest, fields, entry["fields"], self.ids.id)
        full_clean(latest)
        counts.updated += 1
        self.touch(latest)
        if draftable:
            self.save_revision(latest, publish, counts)
        else:
            latest.save()
            log(latest, "wagtail.edit")

    def same_version(self, obj, fields, values):
        """Which version of `obj` the dump's `values` are: LIVE (its live version, or its only
        one), DRAFT (its latest revision, not live yet), or None (neither: it differs).

        A dump equal to the live version leaves an editor's newer draft alone."""
        live = not isinstance(obj, DraftStateMixin) or obj.live
        if live and self.current_fields(obj, fields) == values:
            return LIVE
        if isinstance(obj, DraftStateMixin):
            latest = latest_version(obj)
            if (latest is not obj or not obj.live) and self.current_fields(
                latest, fields
            ) == values:
                return DRAFT
        return None

    def current_fields(self, obj, fields):
        """`obj`'s fields as a dump would hold them, to compare with the dump. An image is
        named by the dump's key for it when the import matched it by checksum (its file may
        have another name here)."""
        dumped_fields(obj, fields, self.keys.collect)
        self.keys.load()
        values = dumped_fields(obj, fields, self.compared_key)
        self.keys.dangling.clear()  # a reference to a deleted object: differs, so replaced
        return values

    def compared_key(self, model, value, path):
        if kind(model) == IMAGE:
            pk = primary_key(base_model(model), value)  # rich text holds ids as text
            if pk in self.image_keys:
                return self.image_keys[pk]
        return self.keys.key(model, value, path)

    def save_revision(self, obj, publish, counts):
        """A revision of `obj`, validated already (full_clean), published when asked."""
        revision = obj.save_revision(log_action=True, clean=False)
        if publish:
            revision.publish()
            counts.published += 1
        return revision

    def publish_latest(self, obj, counts):
        """Publish what an object's latest revision holds, when that is not live yet."""
        if obj.live and not obj.has_unpublished_changes:
            return False
        revision = obj.latest_revision
        if revision is None:
            revision = obj.save_revision(log_action=True, clean=False)  # as saved: valid
        revision.publish()
        counts.published += 1
        return True

    # Pages ---------------------------------------------------------------------------------

    def remove_placeholder_root(self):
        """Put the dump's root page where Wagtail's welcome page was (a new database)."""
        placeholder = self.root
        Page.objects.filter(pk=placeholder.pk).update(slug=f"{placeholder.slug}-{placeholder.pk}")
        self.placeholder = placeholder

    def create_pages(self):
        """Pass 1: every new page, in tree order, with the references that can be resolved
        already (a page later in the dump is filled in by pass 2)."""
        self.new_pages = {}  # path -> references were deferred
        for n, (entry, model) in enumerate(self.pages):
            path = entry["path"]
            if path in self.existing_pages:
                self.ids.add_page(path, self.existing_pages[path][0])
            else:
                try:
                    self.new_pages[path] = self.create_page(entry, model)
                except TransferError as error:
                    raise error.about(f"{entry['type']} {path}") from None
            self.progress("pages (1/2)", n + 1, len(self.pages))

    def create_page(self, entry, model):
        page = model()
        self.ids.deferring, self.ids.deferred = True, False
        try:
            apply_fields(page, page_fields(model), entry["fields"], self.ids.id)
        finally:
            self.ids.deferring = False
        page.live = False
        try:
            if entry["path"] == "/":
                self.add_root(page)
            else:
                parent = Page.objects.get(pk=self.ids.page_id(parent_path(entry["path"]), "path"))
                parent.add_child(instance=page)
        except ValidationError as error:
            raise TransferError(validation_message(error)) from None
        log(page, "wagtail.create")
        self.touch(page)
        self.ids.add_page(entry["path"], page.pk)
        return self.ids.deferred

    def add_root(self, page):
        Page.get_first_root_node().add_child(instance=page)
        self.site.root_page = page
        self.site.save()
        Page.objects.get(pk=self.placeholder.pk).delete()
        page.refresh_from_db()
        self.root = self.ids.root = page

    def fill_pages(self):
        """Pass 2: each new page gets its revision; each existing page one when it differs."""
        for n, (entry, model) in enumerate(self.pages):
            where = f"{entry['type']} {entry['path']}"
            try:
                if entry["path"] in self.new_pages:
                    self.fill_new_page(entry, model)
                else:
                    self.update_page(entry, model)
            except ValidationError as error:
                raise TransferError(validation_message(error), obj=where) from None
            except TransferError as error:
                raise error.about(where) from None
            self.progress("pages (2/2)", n + 1, len(self.pages))

    def fill_new_page(self, entry, model):
        page = model.objects.get(pk=self.ids.pages[entry["path"]])
        fields = page_fields(model)
        apply_fields(page, fields, entry["fields"], self.ids.id)
        validate_streams(page, fields)
        if self.new_pages[entry["path"]]:
            page.save()  # validated; a draft's row holds its content: now every reference
        self.report.pages.created += 1
        self.revise_page(page, entry)

    def update_page(self, entry, model):
        page = model.objects.get(pk=self.ids.pages[entry["path"]])
        fields = page_fields(model)
        found = self.same_version(page, fields, entry["fields"])
        if found is not None:
            self.report.pages.unchanged += 1
            if found == DRAFT and self.publish and self.publish_latest(page, self.report.pages):
                self.touch(page)
                self.restore_dates(page, entry)
            return
        latest = latest_version(page)
        apply_fields(latest, fields, entry["fields"], self.ids.id)
        full_clean(latest)
        validate_streams(latest, fields)
        self.report.pages.updated += 1
        self.touch(latest)
        self.revise_page(latest, entry)

    def revise_page(self, page, entry):
        self.save_revision(page, self.publish, self.report.pages)
        if self.publish:
            self.restore_dates(page, entry)

    def restore_dates(self, page, entry):
        """A page published by the import shows the dump's publication dates, so the API
        answers as the source does."""
        dates = {
            name: parse_datetime(entry[name])
            for name in ("first_published_at", "last_published_at")
            if entry.get(name)
        }
        if dates:
            Page.objects.filter(pk=page.pk).update(**dates)  # indexed at the end

    # Settings ------------------------------------------------------------------------------

    def import_settings(self):
        for entry, model in self.settings:
            try:
                self.import_setting(entry, model)
            except TransferError as error:
                raise error.about(label(model)) from None

    def import_setting(self, entry, model):
        fields = setting_fields(model)
        found = model.objects.filter(site=self.site) if is_site_setting(model) else model.objects
        obj = found.first()
        if obj is not None and self.current_fields(obj, fields) == entry["fields"]:
            self.report.settings.unchanged += 1
            return
        counts = self.report.settings
        if obj is None:
            obj = model(site=self.site) if is_site_setting(model) else model()
            counts.created += 1
        else:
            counts.updated += 1
        apply_fields(obj, fields, entry["fields"], self.ids.id)
        full_clean(obj)
        obj.save()
        self.touch(obj)


def parent_path(path):
    return path.rstrip("/").rsplit("/", 1)[0] + "/"


def latest_version(obj):
    """The object as its latest revision has it (what an editor would see), else as saved."""
    if obj.latest_revision_id and (not obj.live or obj.has_unpublished_changes):
        return obj.get_latest_revision_as_object()
    return obj
