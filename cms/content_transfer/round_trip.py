"""The yardstick of a round trip: each page's answer to a contract operation, as bytes.

Database ids differ between two databases however faithful the copy (a page, an image or an
FAQ entry gets the next free id), so the operation is asked with every `id` field removed;
every other field, rendition URLs included, must come back byte for byte.
"""

import json

from graphql import parse, print_ast, visit
from graphql.language import REMOVE, FieldNode, Visitor

from cms.api.operations import operations


class _WithoutIds(Visitor):
    def enter_field(self, node: FieldNode, *args):
        if node.name.value == "id" and not node.selection_set:
            return REMOVE
        return None


def query_without_ids(operation_name):
    """The contract operation `operation_name` (with its fragments), every `id` left out."""
    return print_ast(visit(parse(operations()[operation_name].text), _WithoutIds()))


def page_answers(client, paths, operation_names, variable="path"):
    """{"<operation> <path>": the operation's answer body for the page at path}, for each of
    `operation_names`, through Django's test client (`client`), as a frontend would ask."""
    found = {}
    for operation_name in operation_names:
        query = query_without_ids(operation_name)
        for path in paths:
            response = client.post(
                "/graphql/",
                data=json.dumps({"query": query, "variables": {variable: path}}),
                content_type="application/json",
            )
            found[f"{operation_name} {path}"] = response.content.decode("utf-8")
    return found
