"""Export the site's content as one versioned JSON dump (docs/content-format.md).

`export_content > dump.json`, `export_content --output dump.json` (images in dump.json.media/),
`export_content --guides mlops-engineer-2026 --zip guide.zip` (the dump and its images in one
zip). The dump is written once complete: a failed export leaves no half-written file.
"""

import os
import tempfile
import zipfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.content_transfer.errors import TransferError
from cms.content_transfer.exporter import Exporter
from cms.content_transfer.media import STDOUT_MEDIA_DIR, ZIP_DUMP_NAME, MediaFolder, MediaZip
from cms.content_transfer.progress import ProgressBar


class Command(BaseCommand):
    help = (
        "Export the live pages of the default site (or of chosen guides), the snippets and "
        "images they use and the site settings, as a versioned JSON dump."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--guides",
            nargs="+",
            metavar="SLUG",
            help="Only the live pages with these slugs, and the snippets and images they use "
            "(their parents must exist where the dump is imported).",
        )
        parser.add_argument(
            "--output", "-o", help="Write the dump to this file (default: standard output)."
        )
        media = parser.add_mutually_exclusive_group()
        media.add_argument(
            "--media-dir",
            help="Folder for the image files (default: <output>.media/, or "
            f"./{STDOUT_MEDIA_DIR}/ when the dump goes to standard output).",
        )
        media.add_argument(
            "--zip",
            metavar="FILE",
            help=f"Write one zip holding the dump ({ZIP_DUMP_NAME}) and the image files "
            "(media/), instead of --output.",
        )

    def handle(self, *args, guides=None, output=None, media_dir=None, zip=None, **options):
        if zip and output:
            raise CommandError("--zip writes the dump into the zip: leave out --output.")
        progress = ProgressBar(self.stderr, enabled=options["verbosity"] > 0)
        try:
            if zip:
                result, where = self.export_zip(Path(zip), guides, progress)
            else:
                media = MediaFolder(
                    media_dir or (f"{output}.media" if output else STDOUT_MEDIA_DIR)
                )
                result = self.export_json(output, guides, media, progress)
                where = f"image files in {media}/" if result.images else "no image files"
        except TransferError as error:
            progress.finish()
            raise CommandError(f"{error}. Nothing was exported.") from None
        progress.finish()
        for warning in result.warnings:
            self.stderr.write(self.style.WARNING(f"Warning: {warning}"))
        if options["verbosity"] > 0:
            self.stderr.write(
                f"Exported {result.pages} pages, {result.snippets} snippets, {result.images} "
                f"images and {result.settings} settings ({where})."
            )

    def export_json(self, output, guides, media, progress):
        folder = Path(output).resolve().parent if output else None
        with tempfile.NamedTemporaryFile("w+", encoding="utf-8", dir=folder, delete=False) as spool:
            try:
                result = Exporter(media=media, slugs=guides, progress=progress).write(spool)
            except BaseException:
                Path(spool.name).unlink()
                raise
        if output:
            Path(spool.name).chmod(0o666 & ~current_umask())  # as `open(output, "w")` would
            Path(spool.name).replace(output)
            return result
        with open(spool.name, encoding="utf-8") as written:
            while chunk := written.read(1 << 16):
                self.stdout.write(chunk, ending="")
        Path(spool.name).unlink()
        return result

    def export_zip(self, path, guides, progress):
        partial = path.with_name(path.name + ".partial")
        try:
            with (
                zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive,
                tempfile.TemporaryFile("w+", encoding="utf-8") as spool,
            ):
                result = Exporter(media=MediaZip(archive), slugs=guides, progress=progress).write(
                    spool
                )
                spool.seek(0)
                with archive.open(ZIP_DUMP_NAME, "w") as entry:
                    while chunk := spool.read(1 << 16):
                        entry.write(chunk.encode("utf-8"))
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        partial.replace(path)
        return result, f"dump and image files in {path}"


def current_umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask
