"""How a dump names a snippet instead of by its database id: by a field unique to it.

A model with a unique `slug` field needs nothing; any other registers the field from its
app's AppConfig.ready() (`register_natural_key(FaqEntry, "question")`). Two objects sharing a
registered key that is not unique in the database make an export fail with a clear error.
"""

from cms.content_transfer.errors import TransferError

NATURAL_KEYS: dict[type, str] = {}


def register_natural_key(model, field_name):
    """Name objects of `model` in dumps by `field_name` (a text field, unique in practice)."""
    model._meta.get_field(field_name)  # fails now, at start-up, if the field does not exist
    NATURAL_KEYS[model] = field_name


def natural_key_field(model):
    """The field that names objects of `model` in a dump."""
    for klass in model.__mro__:
        if klass in NATURAL_KEYS:
            return NATURAL_KEYS[klass]
    slug = next((f for f in model._meta.concrete_fields if f.name == "slug"), None)
    if slug is not None and slug.unique:
        return "slug"
    raise TransferError(
        f"{model._meta.label_lower} has no natural key: give it a unique `slug` field or "
        "register one with cms.content_transfer.natural_keys.register_natural_key() in its "
        "app's AppConfig.ready()"
    )
