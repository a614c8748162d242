"""Natural keys for ids (export) and ids for natural keys (import), looked up in bulk.

A page is named by its path below the site root (`/roles/mlops-engineer-2026/`, the root
itself `/`), an image by its file name (`original_images/kubeflow.png`), any other model by
its natural key (`natural_keys.py`: a slug unless the app registered another field).
"""

from collections import defaultdict

from django.core.exceptions import ValidationError
from wagtail.images import get_image_model
from wagtail.models import Page

from cms.content_transfer.errors import TransferError
from cms.content_transfer.fields import DOCUMENT, IMAGE, PAGE, base_model, kind
from cms.content_transfer.natural_keys import natural_key_field

LOOKUP_BATCH = 500


def relative_path(url_path, root_url_path):
    """`/home/roles/x/` below the root `/home/` → `/roles/x/`; None outside the root."""
    if not url_path.startswith(root_url_path):
        return None
    return "/" + url_path[len(root_url_path) :]


def batches(items, size=LOOKUP_BATCH):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def no_documents(path):
    return TransferError("documents are not part of content dumps (format version 1)", field=path)


class ExportKeys:
    """Id → natural key, for the objects one export refers to.

    Use as two converters (`references.py`): `collect` notes the ids a batch of objects refers
    to, `load()` looks them up (one query per model and batch), `key` converts. The ids
    converted are kept in `used`: an export of chosen guides takes the snippets and images
    they use from there. References whose target is gone are kept in `dangling`.
    """

    def __init__(self, root):
        self.root_url_path = root.url_path
        self.keys = defaultdict(dict)  # base model -> {id: key, or None when gone}
        self.wanted = defaultdict(set)
        self.used = defaultdict(set)
        self.dangling = []  # (field path, message)

    def collect(self, model, value, path):
        base = base_model(model)
        pk = primary_key(base, value)
        if pk is not None and pk not in self.keys[base]:
            self.wanted[base].add(pk)
        return value

    def load(self):
        for base, ids in self.wanted.items():
            known = self.keys[base]
            for batch in batches(sorted(ids - known.keys())):
                known.update(dict.fromkeys(batch))
                known.update(self.lookup(base, batch))
        self.wanted.clear()

    def lookup(self, base, ids):
        what = kind(base)
        if what == PAGE:
            rows = Page.objects.filter(pk__in=ids).values_list("pk", "url_path")
        elif what == IMAGE:
            rows = base.objects.filter(pk__in=ids).values_list("pk", "file")
        elif what == DOCUMENT:
            return {}
        else:
            rows = base.objects.filter(pk__in=ids).values_list("pk", natural_key_field(base))
        return dict(rows)

    def key(self, model, value, path):
        what = kind(model)
        if what == DOCUMENT:
            raise no_documents(path)
        base = base_model(model)
        pk = primary_key(base, value)
        if pk is not None and pk not in self.keys[base]:
            self.collect(model, value, path)
            self.load()
        key = self.keys[base].get(pk)
        if key is None:
            self.dangling.append(
                (
                    path,
                    f"refers to {base._meta.verbose_name} {value}, which does not exist: left out",
                )
            )
            return None
        if what == PAGE:
            relative = relative_path(key, self.root_url_path)
            if relative is None:
                raise TransferError(
                    f"refers to the page {key}, outside the site being exported", field=path
                )
            key = relative
        self.used[base].add(pk)
        return key


def primary_key(model, value):
    try:
        return model._meta.pk.to_python(value)
    except (ValidationError, TypeError, ValueError):
        return None


class ImportIds:
    """Natural key → id in the target database, for one import.

    Pages, images and snippets the import creates are added as it goes (`add_page`, …);
    anything else is looked up in the target. A page the dump holds but the import has not
    created yet is deferred while `deferring` is on (the reference is filled in later),
    and is an error otherwise.
    """

    def __init__(self, root, dump_paths=()):
        self.root = root
        self.pages = {}  # path -> id
        self.images = {}  # file -> id
        self.snippets = defaultdict(dict)  # base model -> {key: id}
        self.dump_paths = set(dump_paths)
        self.deferring = False
        self.deferred = False

    def add_page(self, path, page_id):
        self.pages[path] = page_id

    def id(self, model, key, path):
        what = kind(model)
        if what == DOCUMENT:
            raise no_documents(path)
        if not isinstance(key, str) or not key:
            raise TransferError(
                f"expected a reference (a non-empty string), not {key!r}", field=path
            )
        if what == PAGE:
            return self.page_id(key, path)
        if what == IMAGE:
            return self.image_id(key, path)
        return self.snippet_id(base_model(model), key, path)

    def page_id(self, key, path):
        if key not in self.pages:
            found = self.find_page(key)
            if found is not None:
                self.pages[key] = found
        if key in self.pages:
            return self.pages[key]
        if key in self.dump_paths and self.deferring:
            self.deferred = True
            return None
        raise TransferError(
            f"unknown page '{key}' (neither in the dump nor in this site: export it with the "
            "pages that refer to it, or import it first)",
            field=path,
        )

    def find_page(self, key):
        """The id of the page at `key` (a path below the site root) in the target, or None."""
        if self.root is None or not key.startswith("/") or not key.endswith("/"):
            return None
        if key == "/":
            return self.root.pk
        url_path = self.root.url_path + key[1:]
        slug = key.rstrip("/").rsplit("/", 1)[-1]
        return (
            Page.objects.filter(slug=slug, url_path=url_path).values_list("pk", flat=True).first()
        )

    def image_id(self, key, path):
        if key not in self.images:
            found = get_image_model().objects.filter(file=key).values_list("pk", flat=True)
            if not found:
                raise TransferError(
                    f"unknown image '{key}' (not among the dump's images)", field=path
                )
            self.images[key] = found[0]
        return self.images[key]

    def snippet_id(self, model, key, path):
        known = self.snippets[model]
        if key not in known:
            field = natural_key_field(model)
            found = list(model.objects.filter(**{field: key}).values_list("pk", flat=True)[:2])
            if len(found) > 1:
                raise TransferError(
                    f"{len(found)} {model._meta.verbose_name_plural} have the {field} '{key}'",
                    field=path,
                )
            if not found:
                raise TransferError(f"unknown {model._meta.verbose_name} '{key}'", field=path)
            known[key] = found[0]
        return known[key]
