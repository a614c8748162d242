"""Validation of imported objects, as the admin validates them: the model's full_clean, and
the block validation the page editor runs on each StreamField, its errors traced down to the
block (`body[3].value.rows[0].base_salary_max`)."""

import json

from django.core.exceptions import ValidationError
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.fields import StreamField

from cms.content_transfer.errors import TransferError, validation_message


def block_messages(error, path):
    """[(field path, message)] for a StreamField validation error, down to the block."""
    found = []
    for non_block in getattr(error, "non_block_errors", None) or []:
        found.append((path, " ".join(ValidationError(non_block).messages)))
    if isinstance(error, StreamBlockValidationError):
        for index, child in error.block_errors.items():
            found += block_messages(child, f"{path}[{index}].value")
    elif isinstance(error, ListBlockValidationError):
        for index, child in error.block_errors.items():
            found += block_messages(child, f"{path}[{index}]")
    elif isinstance(error, StructBlockValidationError):
        for name, child in error.block_errors.items():
            found += block_messages(child, f"{path}.{name}")
    elif not found:
        found.append((path, " ".join(error.messages)))
    return found


def validate_streams(obj, fields):
    """Block validation, as the admin's form runs it, on a copy of each StreamField's value
    (so the stored JSON stays exactly as the dump has it)."""
    for model_field in fields:
        if not isinstance(model_field, StreamField):
            continue
        raw = json.loads(json.dumps(list(getattr(obj, model_field.attname).raw_data)))
        block = model_field.stream_block
        try:
            block.clean(block.to_python(raw))
        except ValidationError as error:
            path, message = block_messages(error, model_field.name)[0]
            raise TransferError(message, field=path) from None


def full_clean(obj):
    try:
        obj.full_clean()
    except ValidationError as error:
        raise TransferError(validation_message(error)) from None
