"""An object's fields as a dump holds them, and back.

Plain values are JSON (dates as ISO 8601 text); StreamFields are their stored JSON, rich text
its stored HTML, and foreign keys the natural key of their target, each with its references
converted (`references.py`).
"""

import datetime
import decimal
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.fields import RichTextField, StreamField

from cms.content_transfer.errors import TransferError
from cms.content_transfer.references import rewrite_block, rewrite_rich_text


def jsonable(value):
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    return value


def dumped_value(obj, field, convert):
    if isinstance(field, StreamField):
        stream = getattr(obj, field.attname)
        raw = list(stream.raw_data) if stream is not None else []
        return rewrite_block(field.stream_block, raw, field.name, convert)
    if isinstance(field, models.ForeignKey):
        value = getattr(obj, field.attname)
        return None if value is None else convert(field.related_model, value, field.name)
    value = field.value_from_object(obj)
    if isinstance(field, RichTextField) and value:
        return rewrite_rich_text(value, field.name, convert)
    return jsonable(value)


def dumped_fields(obj, fields, convert):
    """{field name: value as dumped} for `fields` of `obj`."""
    return {field.name: dumped_value(obj, field, convert) for field in fields}


def apply_fields(obj, fields, values, convert):
    """Set `fields` of `obj` from a dump's `values`, converting references with `convert`.

    A field the dump leaves out keeps its value (its default on a new object); a field the
    model does not have is an error, so nothing in a dump is silently dropped.
    """
    if not isinstance(values, dict):
        raise TransferError("expected an object of field values", field="fields")
    names = {field.name for field in fields}
    unknown = sorted(set(values) - names)
    if unknown:
        raise TransferError(
            f"unknown field{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}",
            field="fields",
        )
    for field in fields:
        if field.name in values:
            setattr(obj, field.attname, imported_value(field, values[field.name], convert))


def imported_value(field, value, convert):
    if isinstance(field, StreamField):
        return rewrite_block(field.stream_block, value or [], field.name, convert)
    if isinstance(field, models.ForeignKey):
        return None if value is None else convert(field.related_model, value, field.name)
    if isinstance(field, RichTextField) and value:
        return rewrite_rich_text(value, field.name, convert)
    try:
        return field.to_python(value)
    except ValidationError as error:
        raise TransferError(" ".join(error.messages), field=field.name) from None
