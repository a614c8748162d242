"""Every reference inside a stored value, rewritten by one function: ids to natural keys on
export, natural keys back to ids on import.

A reference is a chooser block's value (snippets, pages, images: any `ChooserBlock`, at any
depth of a StreamField), a rich text link or embed with an `id` (`<a linktype="page" id="3">`,
`<embed embedtype="image" id="5"/>`: the link types Wagtail's rich text features register),
or a foreign key. `convert(model, value, path)` gets the referenced model, the stored value
and where it is (`body[3].value.skills[0].tools[1]`), and returns what to store instead;
None means the target is gone (a dangling reference, dropped).

Values are walked as stored (raw JSON), never converted to Python, so what is not a
reference comes back exactly as it was: block ids, list item ids, old- and new-style lists.
"""

import re

from wagtail import blocks
from wagtail.rich_text import features
from wagtail.rich_text.rewriters import FIND_A_TAG, FIND_EMBED_TAG, extract_attrs

from cms.content_transfer.errors import TransferError

ID_ATTRIBUTE = re.compile(r'(?<![\w-])id="[^"]*"')
LINKTYPE_ATTRIBUTE = re.compile(r'\s*(?<![\w-])(?:linktype|id)="[^"]*"')


def rewrite_block(block, raw, path, convert):
    """`raw`, a block's stored value, with every reference in it converted."""
    if raw is None:
        return None
    if isinstance(block, blocks.ChooserBlock):
        return convert(block.model_class, raw, path)
    if isinstance(block, blocks.RichTextBlock):
        return rewrite_rich_text(raw, path, convert)
    if isinstance(block, blocks.BaseStreamBlock):
        return [
            rewrite_stream_item(block, item, f"{path}[{n}]", convert)
            for n, item in listed(raw, path)
        ]
    if isinstance(block, blocks.ListBlock):
        return [
            rewrite_list_item(block, item, f"{path}[{n}]", convert) for n, item in listed(raw, path)
        ]
    if isinstance(block, blocks.BaseStructBlock):
        if not isinstance(raw, dict):
            raise TransferError("expected an object of the block's fields", field=path)
        return {
            name: rewrite_block(block.child_blocks[name], value, f"{path}.{name}", convert)
            if name in block.child_blocks
            else value
            for name, value in raw.items()
        }
    return raw


def listed(raw, path):
    if not isinstance(raw, list):
        raise TransferError("expected a list", field=path)
    return enumerate(raw)


def rewrite_stream_item(block, item, path, convert):
    if not isinstance(item, dict) or not isinstance(item.get("type"), str):
        raise TransferError('expected a block: {"type": …, "value": …, "id": …}', field=path)
    child = block.child_blocks.get(item["type"])
    if child is None:
        known = ", ".join(block.child_blocks)
        raise TransferError(
            f"unknown block type '{item['type']}' (known: {known})", field=f"{path}.type"
        )
    value = rewrite_block(child, item.get("value"), f"{path}.value", convert)
    return {**item, "value": value}


def rewrite_list_item(block, item, path, convert):
    if block._item_is_in_block_format(item):
        value = rewrite_block(block.child_block, item["value"], f"{path}.value", convert)
        return {**item, "value": value}
    return rewrite_block(block.child_block, item, path, convert)


def rewrite_rich_text(html, path, convert):
    """Rich text with the `id` of each page link, document link and image embed converted; a
    link whose target is gone loses its link type (an `<a>` without href, as Wagtail shows a
    broken link) and an embed whose image is gone is dropped."""
    if not isinstance(html, str):
        raise TransferError("expected rich text (a string)", field=path)
    html = FIND_A_TAG.sub(lambda m: rewrite_tag(m, "linktype", link_models(), path, convert), html)
    return FIND_EMBED_TAG.sub(
        lambda m: rewrite_tag(m, "embedtype", embed_models(), path, convert), html
    )


def rewrite_tag(match, type_attribute, models_by_type, path, convert):
    attributes = extract_attrs(match.group(1))
    model = models_by_type.get(attributes.get(type_attribute))
    if model is None or "id" not in attributes:
        return match.group(0)
    converted = convert(model, attributes["id"], path)
    if converted is None:
        if type_attribute == "embedtype":
            return ""
        return "<a" + LINKTYPE_ATTRIBUTE.sub("", match.group(1)) + ">"
    new_id = f'id="{escape_attribute(str(converted))}"'
    tag = match.group(0)
    start = match.start(1) - match.start(0)
    return (
        tag[:start]
        + ID_ATTRIBUTE.sub(lambda _: new_id, match.group(1), count=1)
        + tag[start + len(match.group(1)) :]
    )


def escape_attribute(text):
    """The inverse of Wagtail's `extract_attrs` unescaping."""
    return (
        text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    )


def handler_models(handlers):
    found = {}
    for name, handler in handlers.items():
        try:
            found[name] = handler.get_model()
        except (NotImplementedError, AttributeError):
            continue
    return found


def link_models():
    return handler_models(features.get_link_types())


def embed_models():
    return handler_models(features.get_embed_types())
