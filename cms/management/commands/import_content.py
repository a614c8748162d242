"""Import a dump written by export_content, all of it or nothing (docs/content-format.md).

`import_content dump.json` (images from dump.json.media/, or from content.media/ next to it
or in the current folder, where `export_content > dump.json` puts them), `import_content guide.zip`,
`--publish` to publish what is imported (new pages are drafts otherwise), `--dry-run` to see
what would change without saving anything.
"""

import zipfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.content_transfer.dump_file import read_dump
from cms.content_transfer.errors import TransferError
from cms.content_transfer.importer import Importer
from cms.content_transfer.media import (
    STDOUT_MEDIA_DIR,
    ZIP_ERRORS,
    MediaFolder,
    MediaZip,
    open_zip_dump,
)
from cms.content_transfer.progress import ProgressBar


class Command(BaseCommand):
    help = (
        "Import a content dump (pages, snippets, images, settings) in one transaction; "
        "importing the same dump twice changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("dump", help="A dump from export_content: a .json file or a zip.")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish the imported pages and FAQ entries (default: new ones are drafts).",
        )
        parser.add_argument(
            "--media-dir",
            help="The folder of the dump's image files (default: <dump>.media/ next to the "
            f"dump; without one, {STDOUT_MEDIA_DIR}/ next to the dump or in the current folder).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the dump and report what would change; save nothing.",
        )

    def handle(self, *args, dump, publish=False, media_dir=None, dry_run=False, **options):
        path = Path(dump)
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
        progress = ProgressBar(self.stderr, enabled=options["verbosity"] > 0)
        try:
            content, media = self.read(path, media_dir)
            report = Importer(
                content, media=media, publish=publish, dry_run=dry_run, progress=progress
            ).run()
        except TransferError as error:
            progress.finish()
            raise CommandError(f"{error}. Nothing was imported.") from None
        progress.finish()
        if dry_run:
            self.stdout.write("Dry run: nothing was saved. The import would bring:")
        for line in report.lines():
            self.stdout.write(line)

    def read(self, path, media_dir):
        """(the dump's content, its media)."""
        stream, media = self.open(path, media_dir)
        # Only a zip's stream raises these while the dump is read from it.
        damaged = ZIP_ERRORS if isinstance(media, MediaZip) else ()
        try:
            with stream:
                return read_dump(stream, str(path)), media
        except damaged as error:
            raise TransferError(f"a damaged zip ({error})", obj=str(path)) from None

    def open(self, path, media_dir):
        if not zipfile.is_zipfile(path) and looks_like_a_zip(path):
            raise CommandError(f"{path}: a truncated or damaged zip. Nothing was imported.")
        if zipfile.is_zipfile(path):
            if media_dir:
                raise CommandError("A zip holds its own image files: leave out --media-dir.")
            return open_zip_dump(path)
        if media_dir:
            folder = Path(media_dir)
            if not folder.is_dir():
                raise CommandError(f"--media-dir {folder}: no such folder.")
        else:
            folder = default_media_folder(path)
        return path.open("rb"), MediaFolder(folder)


def looks_like_a_zip(path):
    """The file starts as a zip does (its end, which zipfile looks for, may be cut off)."""
    with path.open("rb") as file:
        return file.read(4) == b"PK\x03\x04"


def default_media_folder(path):
    """<dump>.media/ when it exists; else content.media/ beside the dump, then in the current
    folder (where `export_content > dump.json` writes it), when one exists; else <dump>.media/,
    which a missing file then names. A wrong folder is harmless: every file's size and
    SHA-256 are checked against the dump."""
    own = path.with_name(path.name + ".media")
    candidates = [own, path.with_name(STDOUT_MEDIA_DIR), Path.cwd() / STDOUT_MEDIA_DIR]
    return next((folder for folder in candidates if folder.is_dir()), own)
