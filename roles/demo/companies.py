"""Demo companies: shared snippets with logos, so editors can see how a 'companies hiring'
block fills. The demo guide's own block stays empty, as on the example page.

The companies are fictional (websites under the reserved `.example` domain). Their logos are
drawn with Pillow when they are created: no image files are kept in the repository.
"""

import io

from django.core.files.images import ImageFile
from django.db.models import Q
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

from roles.models import Company

LOGO_SIZE = 256

# (name, website, background colour, text colour)
DEMO_COMPANIES = [
    ("Northwind Analytics", "https://northwind.example", "#2952cc", "#ffffff"),
    ("Lumen Robotics", "https://lumen-robotics.example", "#0f766e", "#ffffff"),
    ("Cobalt Health AI", "https://cobalt-health.example", "#7c3aed", "#ffffff"),
    ("Tidewater Logistics", "https://tidewater.example", "#f59e0b", "#1d1d1f"),
]


def initials(name):
    return "".join(word[0] for word in name.split()[:2]).upper()


def logo_png(name, background, foreground, size=LOGO_SIZE):
    """A square PNG logo: the company's initials on a rounded tile of its colour."""
    image = PILImage.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 6, fill=background)
    font = ImageFont.load_default(size=size * 2 // 5)
    draw.text((size / 2, size / 2), initials(name), fill=foreground, font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def make_logo(name, background, foreground):
    slug = slugify(name)
    image = get_image_model()(title=f"{name} logo")
    image.file = ImageFile(io.BytesIO(logo_png(name, background, foreground)), f"{slug}-logo.png")
    image._set_image_file_metadata()  # size and hash, as an upload in the admin sets them
    image.save()
    return image


def ensure_demo_companies():
    """Create each demo company, with its logo, where no company has its name or slug.

    Never changes a company that exists (renamed, given another logo or none): editors' work
    stays. Returns the demo companies, found or created, in the order above.
    """
    companies = []
    for name, website, background, foreground in DEMO_COMPANIES:
        slug = slugify(name)
        company = Company.objects.filter(Q(slug=slug) | Q(name=name)).order_by("pk").first()
        if company is None:
            company = Company.objects.create(
                name=name,
                slug=slug,
                website=website,
                logo=make_logo(name, background, foreground),
            )
        companies.append(company)
    return companies
