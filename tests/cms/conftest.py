"""Fixtures for the tests under tests/cms/ (and tests/cms/api/)."""

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

from tests.factories import make_image


@pytest.fixture
def media(db):
    """A public image and document, and one of each two levels below a login-restricted
    collection (the restriction is on the grandparent only)."""
    root = Collection.get_first_root_node()
    private = root.add_child(name="Private")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    child = private.add_child(name="Child")
    grandchild = child.add_child(name="Grandchild")
    public_sibling = root.add_child(name="Privately named but public")
    found = {
        "public_image": make_image("public-photo", 400, 300, collection=public_sibling),
        "child_image": make_image("secret-photo", 400, 300, collection=child),
        "deep_image": make_image("deep-secret-photo", 400, 300, collection=grandchild),
        "public_document": Document.objects.create(
            title="public-report", file=ContentFile(b"public", name="public-report.txt")
        ),
        "child_document": Document.objects.create(
            title="secret-report",
            file=ContentFile(b"secret", name="secret-report.txt"),
            collection=child,
        ),
    }
    call_command("update_index", verbosity=0)
    return found
