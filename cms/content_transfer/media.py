"""Images in a dump: their metadata, and their files in a folder next to the dump or in a zip.

An image is named by its file name in storage (`original_images/kubeflow.png`); its file is
kept under that name in the media folder (or under `media/` in a zip), with its size and
SHA-256 in the dump so a damaged or missing file is found before anything is imported. On
import an image is matched by its file's checksum (Wagtail's `file_hash`): a file the target
has already is never stored twice, and the image found is used as it is.
"""

import hashlib
import io
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Collection

from cms.content_transfer.errors import TransferError, validation_message

CHUNK = 1 << 16
ZIP_DUMP_NAME = "content.json"
# The image folder of a dump written to standard output (`export_content > dump.json`): made
# in the current folder, and looked for beside the dump on import when <dump>.media/ is absent.
STDOUT_MEDIA_DIR = "content.media"
ZIP_MEDIA_PREFIX = "media/"
# What reading a damaged zip raises (a bad CRC or header, a cut-off or garbled entry, a
# compression method or encryption it was not written with, a seek past its end).
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    RuntimeError,
    OSError,
)


def safe_media_name(name, where):
    """`name` when it is a plain relative path (no `..`, not absolute), else an error."""
    path = PurePosixPath(name)
    if not name or "\\" in name or path.is_absolute() or ".." in path.parts:
        raise TransferError(f"'{name}' is not a relative file name", obj=where, field="file")
    return name


def copy_hashing(source, destination, *hash_names):
    """Copy a binary stream; returns (size, {hash name: hex digest})."""
    hashes = {name: hashlib.new(name) for name in hash_names}
    size = 0
    while chunk := source.read(CHUNK):
        size += len(chunk)
        for digest in hashes.values():
            digest.update(chunk)
        if destination is not None:
            destination.write(chunk)
    return size, {name: digest.hexdigest() for name, digest in hashes.items()}


class MediaFolder:
    """Image files in a folder, under their storage names."""

    read_errors = (OSError,)
    missing_hint = " (give the dump's image folder with --media-dir)"

    def __init__(self, root):
        self.root = Path(root)

    def __str__(self):
        return str(self.root)

    def put(self, name, source):
        target = self.root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as destination:
            return copy_hashing(source, destination, "sha256")

    def open(self, name):
        return (self.root / name).open("rb")


class MediaZip:
    """Image files inside a zip, under `media/`."""

    read_errors = ZIP_ERRORS
    missing_hint = ""

    def __init__(self, archive):
        self.archive = archive

    def __str__(self):
        return f"{self.archive.filename} ({ZIP_MEDIA_PREFIX})"

    def put(self, name, source):
        with self.archive.open(ZIP_MEDIA_PREFIX + name, "w") as destination:
            return copy_hashing(source, destination, "sha256")

    def open(self, name):
        try:
            return self.archive.open(ZIP_MEDIA_PREFIX + name)
        except KeyError:
            raise FileNotFoundError(name) from None


def open_zip_dump(path):
    """(the dump's bytes stream, its media) from a zip `export_content --zip` wrote."""
    try:
        archive = zipfile.ZipFile(path)
        return archive.open(ZIP_DUMP_NAME), MediaZip(archive)
    except KeyError:
        raise TransferError(f"the zip holds no {ZIP_DUMP_NAME}", obj=str(path)) from None
    except ZIP_ERRORS as error:
        raise TransferError(f"a damaged zip ({error})", obj=str(path)) from None


# Export ------------------------------------------------------------------------------------


class CollectionPaths:
    """A collection's names from below the root (`["Logos", "Partners"]`), each read once."""

    def __init__(self):
        self.paths = {}

    def of(self, collection):
        if collection.pk not in self.paths:
            ancestors = (
                collection.get_ancestors().filter(depth__gt=1).values_list("name", flat=True)
            )
            names = [*ancestors, collection.name] if collection.depth > 1 else []
            self.paths[collection.pk] = names
        return self.paths[collection.pk]


def image_record(image, sink, collections):
    """An image's entry in a dump, its file copied into `sink`."""
    where = f"image {image.file.name}"
    try:
        with image.file.storage.open(image.file.name, "rb") as source:
            size, digests = sink.put(image.file.name, source)
    except FileNotFoundError:
        raise TransferError("its file is missing from storage", obj=where) from None
    focal_point = None
    if image.focal_point_x is not None:
        focal_point = {
            "x": image.focal_point_x,
            "y": image.focal_point_y,
            "width": image.focal_point_width,
            "height": image.focal_point_height,
        }
    return {
        "file": image.file.name,
        "title": image.title,
        "description": image.description,
        "collection": collections.of(image.collection),
        "focal_point": focal_point,
        "width": image.width,
        "height": image.height,
        "file_size": size,
        "sha256": digests["sha256"],
        "tags": sorted(tag.name for tag in image.tags.all()),
    }


# Import ------------------------------------------------------------------------------------


def checked_file(record, media, where):
    """Check the image's file in the dump's media: there, of the size and SHA-256 the dump
    gives. Returns its SHA-1 (what Wagtail's `file_hash` holds)."""
    name = safe_media_name(record["file"], where)
    if media is None:
        raise TransferError("the dump has images but no media folder was given", obj=where)
    try:
        with media.open(name) as source:
            size, digests = copy_hashing(source, None, "sha256", "sha1")
    except (FileNotFoundError, IsADirectoryError):
        raise TransferError(
            f"its file is missing from {media}{media.missing_hint}", obj=where, field="file"
        ) from None
    except media.read_errors as error:
        raise TransferError(
            f"its file in {media} cannot be read ({error})", obj=where, field="file"
        ) from None
    if size != record["file_size"] or digests["sha256"] != record["sha256"]:
        raise TransferError(
            f"its file in {media} is not the one exported (size or SHA-256 differ): "
            "a damaged or replaced file",
            obj=where,
            field="file",
        )
    return digests["sha1"]


def file_sha1(image):
    """The SHA-1 of an image's file (what `file_hash` would hold), None when it is missing."""
    try:
        with image.file.storage.open(image.file.name, "rb") as source:
            return copy_hashing(source, None, "sha1")[1]["sha1"]
    except FileNotFoundError:
        return None


def collection_for(names):
    """The collection at `names` below the root, created where missing."""
    collection = Collection.get_first_root_node()
    for name in names:
        child = collection.get_children().filter(name=name).first()
        collection = child if child is not None else collection.add_child(name=name)
    return collection


def create_image(record, media, where):
    """A new image from the dump's record and its (checked) file, stored under its name."""
    with media.open(record["file"]) as source:
        content = source.read()
    image_model = get_image_model()
    focal_point = record.get("focal_point") or {}
    image = image_model(
        title=record["title"],
        description=record.get("description", ""),
        collection=collection_for(record.get("collection", [])),
        focal_point_x=focal_point.get("x"),
        focal_point_y=focal_point.get("y"),
        focal_point_width=focal_point.get("width"),
        focal_point_height=focal_point.get("height"),
    )
    image.file = ImageFile(io.BytesIO(content), name=PurePosixPath(record["file"]).name)
    image._set_image_file_metadata()  # size and file_hash, as an upload sets them
    try:
        image.full_clean()
    except ValidationError as error:
        raise TransferError(validation_message(error), obj=where) from None
    image.save()
    if record.get("tags"):
        image.tags.set(record["tags"])
    return image
