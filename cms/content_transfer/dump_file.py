"""The dump file: its header, how it is written (deterministic, one object per line) and the
checks a file passes before an import touches the database (docs/content-format.md)."""

import json
import re

from django.utils.dateparse import parse_datetime

from cms.content_transfer.errors import TransferError

FORMAT = "role-guide-cms/content"
VERSION = 1
SECTIONS = ("images", "pages", "settings", "snippets")
SHA256 = re.compile(r"^[0-9a-f]{64}$")


def entry_json(entry):
    """One object of a dump as one line: keys sorted, so equal content gives equal bytes."""
    return json.dumps(entry, sort_keys=True, ensure_ascii=False)


def write_dump(out, *, exported_at, images, pages, settings, snippets):
    """Write a dump to the text stream `out`, keys in sorted order, each object on its own line.

    Each section is an iterable of lines (`entry_json`), so pages can be streamed from disk.
    """
    out.write("{" + f'"exported_at": {json.dumps(exported_at)}, "format": {json.dumps(FORMAT)}, ')
    sections = {"images": images, "pages": pages, "settings": settings, "snippets": snippets}
    for name in SECTIONS:
        out.write(f'"{name}": [')
        first = True
        for line in sections[name]:
            out.write("\n" if first else ",\n")
            out.write(line)
            first = False
        out.write("]" if first else "\n]")
        out.write(", ")
    out.write(f'"version": {VERSION}' + "}\n")


def read_dump(stream, name):
    """The dump in `stream` (bytes), checked: its format and version, and the shape of every
    object in it. Raises TransferError naming what is wrong and where."""
    try:
        data = json.load(stream)
    except json.JSONDecodeError as error:
        raise TransferError(
            f"not valid JSON at line {error.lineno}, column {error.colno}: {error.msg} "
            "(a truncated or damaged file?)",
            obj=name,
        ) from None
    except UnicodeDecodeError:
        raise TransferError("not a UTF-8 text file", obj=name) from None
    check_header(data, name)
    for section in SECTIONS:
        entries = data.get(section, [])
        if not isinstance(entries, list):
            raise TransferError("expected a list", obj=name, field=section)
        for n, entry in enumerate(entries):
            if not isinstance(entry, dict):
                raise TransferError("expected an object", obj=f"{section}[{n}]")
            CHECKS[section](entry, f"{section}[{n}]")
    return data


def check_header(data, name):
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        found = data.get("format") if isinstance(data, dict) else None
        raise TransferError(
            f"not a content dump of this CMS (format {found!r}, expected {FORMAT!r})", obj=name
        )
    version = data.get("version")
    if type(version) is not int or version != VERSION:
        newer = type(version) is int and version > VERSION
        raise TransferError(
            f"format version {version!r} is not supported: this CMS reads version {VERSION}"
            + (" (the dump comes from a newer CMS)" if newer else ""),
            obj=name,
        )


def require(entry, where, name, kind, what):
    """`entry[name]`, which must be of type `kind` exactly (JSON gives no subclasses; a
    boolean is not an integer)."""
    value = entry.get(name)
    if type(value) is not kind:
        raise TransferError(f"expected {what}", obj=where, field=name)
    return value


def check_page(entry, where):
    require(entry, where, "type", str, "a page type, e.g. 'roles.roleguidepage'")
    path = require(entry, where, "path", str, "a path below the site root, e.g. '/roles/x/'")
    if not (path.startswith("/") and path.endswith("/")) or "//" in path:
        raise TransferError(f"'{path}' is not a path like '/roles/x/'", obj=where, field="path")
    require(entry, where, "fields", dict, "an object of field values")
    for name in ("first_published_at", "last_published_at"):
        value = entry.get(name)
        if value is not None and (not isinstance(value, str) or parse_datetime(value) is None):
            raise TransferError(
                "expected an ISO 8601 date and time, or null", obj=where, field=name
            )


def check_snippet(entry, where):
    require(entry, where, "model", str, "a model, e.g. 'roles.tool'")
    require(entry, where, "key", str, "the snippet's natural key (a string)")
    require(entry, where, "fields", dict, "an object of field values")
    if "live" in entry:
        require(entry, where, "live", bool, "true or false")


def check_image(entry, where):
    require(entry, where, "file", str, "the image's file name, e.g. 'original_images/x.png'")
    require(entry, where, "title", str, "a title")
    sha256 = require(entry, where, "sha256", str, "the file's SHA-256, in hex")
    if not SHA256.match(sha256):
        raise TransferError("expected 64 lowercase hex digits", obj=where, field="sha256")
    require(entry, where, "file_size", int, "the file's size in bytes")
    collection = entry.get("collection", [])
    if not isinstance(collection, list) or not all(isinstance(n, str) for n in collection):
        raise TransferError("expected a list of collection names", obj=where, field="collection")
    tags = entry.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise TransferError("expected a list of tags", obj=where, field="tags")
    focal_point = entry.get("focal_point")
    if focal_point is not None and not (
        isinstance(focal_point, dict)
        and all(type(focal_point.get(k)) is int for k in ("x", "y", "width", "height"))
    ):
        raise TransferError(
            "expected {x, y, width, height} in pixels, or null", obj=where, field="focal_point"
        )


def check_setting(entry, where):
    require(entry, where, "model", str, "a settings model, e.g. 'cms.seosettings'")
    require(entry, where, "fields", dict, "an object of field values")


CHECKS = {
    "images": check_image,
    "pages": check_page,
    "settings": check_setting,
    "snippets": check_snippet,
}
