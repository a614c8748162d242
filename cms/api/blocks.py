"""The base for StructBlocks served through GraphQL, and their registration with grapple.

Blocks serve typed fields only: grapple's `rawValue` (the stored JSON, which names hidden
pages and draft snippets by id) and `blocks` (chosen items unfiltered) are removed from the
schema in `cms/api/schema.py`.
"""

from grapple.helpers import register_streamfield_block
from wagtail import blocks


class ApiStructBlock(blocks.StructBlock):
    """A StructBlock served through GraphQL by its `graphql_fields`."""


def register_api_blocks(*block_classes: type[ApiStructBlock]) -> None:
    """Register blocks with grapple, their docstring as the type's description."""
    for block_class in block_classes:
        block_class._meta_class.graphql_description = block_class.__doc__
        register_streamfield_block(block_class)
