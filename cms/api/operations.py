"""The operations a frontend relies on (frontend_contract/operations/), by name and by hash.

Each operation's full text is its own file plus the fragments it uses, which is what a client
sends; its sha256 is the hash clients use for persisted queries.
"""

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from graphql import FragmentSpreadNode, parse, visit
from graphql.language import Visitor

OPERATIONS_DIR = Path(settings.BASE_DIR) / "frontend_contract" / "operations"


@dataclass(frozen=True)
class Operation:
    name: str
    text: str

    @property
    def sha256(self) -> str:
        return sha256_of(self.text)


def sha256_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _SpreadCollector(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names = set()

    def enter_fragment_spread(self, node: FragmentSpreadNode, *args: object) -> None:
        self.names.add(node.name.value)


def spreads_in(text: str) -> set[str]:
    collector = _SpreadCollector()
    visit(parse(text), collector)
    return collector.names


@cache
def fragments() -> dict[str, str]:
    found = {}
    for path in sorted((OPERATIONS_DIR / "fragments").glob("*.graphql")):
        document = parse(path.read_text(encoding="utf-8"))
        for definition in document.definitions:
            found[definition.name.value] = path.read_text(encoding="utf-8").strip()
    return found


def with_fragments(text: str) -> str:
    """`text` followed by every fragment it uses, directly or through other fragments."""
    needed, queue = [], sorted(spreads_in(text))
    while queue:
        name = queue.pop(0)
        if name in needed:
            continue
        needed.append(name)
        queue += sorted(spreads_in(fragments()[name]) - set(needed))
    return "\n\n".join([text.strip(), *(fragments()[name] for name in sorted(needed))]) + "\n"


@cache
def operations() -> dict[str, Operation]:
    """Every operation in frontend_contract/operations/, by name."""
    return {
        path.stem: Operation(path.stem, with_fragments(path.read_text(encoding="utf-8")))
        for path in sorted(OPERATIONS_DIR.glob("*.graphql"))
    }


@cache
def operations_by_hash() -> dict[str, Operation]:
    return {operation.sha256: operation for operation in operations().values()}
