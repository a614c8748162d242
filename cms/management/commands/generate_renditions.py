"""Make the renditions the frontend contract asks for, for every public image that lacks them.

New uploads and published pages get them automatically (`cms/renditions.py`); run this once
after a deploy that changes the contract's renditions, or for images uploaded before.
"""

from django.core.management.base import BaseCommand
from wagtail.images import get_image_model

from cms.renditions import contract_specs, pregenerate


class Command(BaseCommand):
    help = "Make the contract's image renditions for every public image that lacks them."

    def handle(self, *args, **options):
        images = get_image_model().objects.all()
        for image in images.iterator(chunk_size=100):
            pregenerate([image])
            if options["verbosity"] > 1:
                self.stdout.write(f"{image.pk}: {', '.join(contract_specs(image))}")
        self.stdout.write(f"Checked the renditions of {images.count()} images.")
