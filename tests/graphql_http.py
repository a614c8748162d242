"""Send GraphQL requests to /graphql/ through Django's test client, as a frontend would."""

import json


def post_graphql(client, query, variables=None, **extra):
    return client.post(
        "/graphql/",
        data=json.dumps({"query": query, "variables": variables or {}}),
        content_type="application/json",
        **extra,
    )
