"""Import a dump written by export_content, all of it or nothing (docs/content-format.md).

`import_content dump.json` (images from dump.json.media/), `import_content guide.zip`,
`--publish` to publish what is imported (new pages are drafts otherwise), `--dry-run` to see
what would change without saving anything.
"""

import zipfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.content_transfer.dump_file import read_dump
from cms.content_transfer.errors import TransferError
from cms.content_transfer.importer import Importer
from cms.content_transfer.media import MediaFolder, open_zip_dump
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
            help="The folder of the dump's image files (default: <dump>.media/ next to it).",
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
            stream, media = self.open(path, media_dir)
            with stream:
                content = read_dump(stream, str(path))
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

    def open(self, path, media_dir):
        if zipfile.is_zipfile(path):
            if media_dir:
                raise CommandError("A zip holds its own image files: leave out --media-dir.")
            return open_zip_dump(path)
        folder = Path(media_dir) if media_dir else path.with_name(path.name + ".media")
        if media_dir and not folder.is_dir():
            raise CommandError(f"--media-dir {folder}: no such folder.")
        return path.open("rb"), MediaFolder(folder)
