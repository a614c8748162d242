"""Export: the default site's pages (or chosen ones), the snippets and images they use and the
site settings, as one dump (docs/content-format.md).

Pages are read in batches of PAGE_BATCH, their references looked up in one query per model
and batch, and written to a spool file at once: memory holds one batch, whatever the number
of pages. Only live pages are exported, in their live version (drafts stay behind); a page
below a page that is not live is left out with it.
"""

import tempfile
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import DraftStateMixin, Page, Site

from cms.content_transfer.dump_file import entry_json, write_dump
from cms.content_transfer.errors import TransferError
from cms.content_transfer.fields import (
    is_site_setting,
    label,
    page_fields,
    setting_fields,
    settings_models,
    snippet_fields,
    snippet_models,
)
from cms.content_transfer.keys import ExportKeys, batches, relative_path
from cms.content_transfer.media import CollectionPaths, image_record
from cms.content_transfer.natural_keys import natural_key_field
from cms.content_transfer.values import dumped_fields, jsonable

PAGE_BATCH = 200


@dataclass
class ExportResult:
    pages: int = 0
    snippets: int = 0
    images: int = 0
    settings: int = 0
    warnings: list = field(default_factory=list)


def default_site():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise TransferError("there is no default site to export")
    return site


class Exporter:
    """One export. `slugs`: only the live pages with these slugs (and what they use); None:
    every live page of the site, every snippet and image, and the site settings."""

    def __init__(self, *, media, slugs=None, progress=None):
        self.media = media
        self.slugs = list(dict.fromkeys(slugs)) if slugs else None
        self.progress = progress or (lambda stage, done, total: None)
        self.site = default_site()
        self.root = self.site.root_page
        self.keys = ExportKeys(self.root)
        self.result = ExportResult()

    @property
    def everything(self):
        return self.slugs is None

    def write(self, out):
        """Write the dump to the text stream `out`; returns an ExportResult."""
        exported_at = timezone.now().replace(microsecond=0).isoformat()
        with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
            self.result.pages, exported_ids = self.spool_pages(spool)
            snippets = self.snippet_lines()
            settings = self.setting_lines()
            images = self.image_lines()
            self.warn_about_missing_pages(exported_ids)
            spool.seek(0)
            write_dump(
                out,
                exported_at=exported_at,
                images=images,
                pages=(line.rstrip("\n") for line in spool),
                settings=settings,
                snippets=snippets,
            )
        return self.result

    # Pages ---------------------------------------------------------------------------------

    def page_ids(self):
        """Ids of the pages to export, parents before children (tree order)."""
        below_root = Page.objects.filter(path__startswith=self.root.path).order_by("path")
        if not self.everything:
            found = below_root.filter(live=True, slug__in=self.slugs)
            rows = list(found.values_list("pk", "slug"))
            missing = set(self.slugs) - {slug for _, slug in rows}
            if missing:
                raise TransferError(
                    f"no live page of the site has the slug {', '.join(sorted(missing))}"
                )
            return [pk for pk, _ in rows]
        exported_paths, ids = set(), []
        for pk, path, live in below_root.values_list("pk", "path", "live").iterator(2000):
            parent = path[: -Page.steplen]
            if live and (path == self.root.path or parent in exported_paths):
                exported_paths.add(path)
                ids.append(pk)
        return ids

    def spool_pages(self, spool):
        ids = self.page_ids()
        done = 0
        for batch in batches(ids, PAGE_BATCH):
            pages = list(Page.objects.filter(pk__in=batch).order_by("path").specific())
            for page in pages:
                dumped_fields(page, page_fields(type(page)), self.keys.collect)
            self.keys.load()
            for page in pages:
                spool.write(entry_json(self.page_entry(page)) + "\n")
            done += len(pages)
            self.progress("pages", done, len(ids))
        return done, set(ids)

    def page_entry(self, page):
        path = relative_path(page.url_path, self.root.url_path)
        fields = self.dumped(page, page_fields(type(page)), f"{label(type(page))} {path}")
        return {
            "type": label(type(page)),
            "path": path,
            "fields": fields,
            "first_published_at": jsonable(page.first_published_at),
            "last_published_at": jsonable(page.last_published_at),
        }

    def dumped(self, obj, fields, name):
        try:
            values = dumped_fields(obj, fields, self.keys.key)
        except TransferError as error:
            raise error.about(name) from None
        for path, message in self.keys.dangling:
            self.result.warnings.append(f"{name}: {path}: {message}")
        self.keys.dangling.clear()
        return values

    def warn_about_missing_pages(self, exported_ids):
        for pk in sorted(self.keys.used[Page] - exported_ids):
            path = relative_path(self.keys.keys[Page][pk], self.root.url_path)
            self.result.warnings.append(
                f"the dump refers to the page {path} but does not hold it (not live, or not "
                "chosen): the database it is imported into must have it"
            )

    # Snippets ------------------------------------------------------------------------------

    def snippet_lines(self):
        """Every snippet of the models pages can use (or, for chosen pages, the ones they use,
        and the ones those use), sorted by model and key."""
        entries, done = [], defaultdict(set)
        while True:
            todo = {model: self.snippet_ids(model) - done[model] for model in snippet_models()}
            todo = {model: ids for model, ids in todo.items() if ids}
            if not todo:
                break
            for model, ids in todo.items():
                done[model] |= ids
                entries += self.snippet_entries(model, ids)
                self.progress("snippets", len(entries), len(entries))
        self.result.snippets = len(entries)
        entries.sort(key=lambda entry: (entry["model"], entry["key"]))
        return [entry_json(entry) for entry in entries]

    def snippet_ids(self, model):
        if self.everything:
            return set(model.objects.values_list("pk", flat=True))
        return set(self.keys.used[model])

    def snippet_entries(self, model, ids):
        key_field = natural_key_field(model)
        fields = snippet_fields(model)
        entries, seen = [], {}
        for batch in batches(sorted(ids)):
            objects = list(model.objects.filter(pk__in=batch))
            for obj in objects:
                dumped_fields(obj, fields, self.keys.collect)
            self.keys.load()
            for obj in objects:
                key = getattr(obj, key_field)
                name = f"{label(model)} {key}"
                if not isinstance(key, str) or not key:
                    raise TransferError(
                        f"its {key_field} is empty: it has no natural key", obj=name
                    )
                if key in seen:
                    raise TransferError(
                        f"two {model._meta.verbose_name_plural} have the {key_field} '{key}' "
                        f"(ids {seen[key]} and {obj.pk}): a natural key must be unique",
                        obj=name,
                    )
                seen[key] = obj.pk
                entry = {
                    "model": label(model),
                    "key": key,
                    "fields": self.dumped(obj, fields, name),
                }
                if isinstance(obj, DraftStateMixin):
                    entry["live"] = obj.live  # the live version; drafts stay behind
                entries.append(entry)
        return entries

    # Settings ------------------------------------------------------------------------------

    def setting_lines(self):
        """The default site's settings (a whole-site export only)."""
        if not self.everything:
            return []
        lines = []
        for model in sorted(settings_models(), key=label):
            found = (
                model.objects.filter(site=self.site) if is_site_setting(model) else model.objects
            )
            obj = found.first()
            if obj is None:
                continue  # never saved: the defaults, which the target has too
            fields = setting_fields(model)
            dumped_fields(obj, fields, self.keys.collect)
            self.keys.load()
            entry = {"model": label(model), "fields": self.dumped(obj, fields, label(model))}
            lines.append(entry_json(entry))
        self.result.settings = len(lines)
        return lines

    # Images --------------------------------------------------------------------------------

    def image_lines(self):
        image_model = get_image_model()
        images = image_model.objects.all()
        if not self.everything:
            images = images.filter(pk__in=self.keys.used[image_model._meta.concrete_model])
        images = images.select_related("collection").prefetch_related("tags")
        total = images.count()
        collections = CollectionPaths()
        records = []
        for batch in batches(images.order_by("pk").values_list("pk", flat=True), PAGE_BATCH):
            for image in images.filter(pk__in=batch).order_by("pk"):
                records.append(image_record(image, self.media, collections))
            self.progress("images", len(records), total)
        self.result.images = len(records)
        records.sort(key=lambda record: record["file"])
        return [entry_json(record) for record in records]
