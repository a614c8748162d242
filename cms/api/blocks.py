"""The base for StructBlocks served through GraphQL, and their registration with grapple."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from grapple.helpers import register_streamfield_block
from grapple.models import GraphQLString
from wagtail import blocks


class ApiStructBlock(blocks.StructBlock):
    """A StructBlock whose GraphQL `rawValue` is the block's stored JSON.

    grapple's own `rawValue` cannot serialise a StructBlock on Wagtail 8; this one can.
    """

    def raw_value_json(self, info, values, **kwargs):
        return json.dumps(self.get_prep_value(values), cls=DjangoJSONEncoder)


def register_api_blocks(*block_classes):
    """Register blocks with grapple: docstring as the type's description, a working rawValue."""
    for block_class in block_classes:
        block_class._meta_class.graphql_description = block_class.__doc__
        block_class.graphql_fields = [
            *block_class.graphql_fields,
            GraphQLString("raw_value", required=True, source="raw_value_json"),
        ]
        register_streamfield_block(block_class)
