"""One GraphQL operation as a client sent it: its query (or persisted-query hash), variables,
extensions and operation name, read from a POST body or a GET query string and type-checked."""

import json
import re

from cms.api.errors import RequestError

PREVIEW_ARGUMENT = re.compile(r"\btoken\s*:")
SHA256_HEX = re.compile(r"[0-9a-f]{64}")


def json_field(value: object, name: str) -> dict | None:
    """GET sends variables and extensions as JSON strings; POST as objects."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except (ValueError, RecursionError) as error:
            raise RequestError(f"`{name}` is not valid JSON.") from error
    if value is not None and not isinstance(value, dict):
        raise RequestError(f"`{name}` must be a JSON object.")
    return value


class OperationRequest:
    """One operation of a request. `query` is filled in from a persisted hash by
    `cms.api.persisted_queries.resolve_query_text` when the client sent only the hash."""

    def __init__(self, payload: object) -> None:
        if not isinstance(payload, dict):
            raise RequestError("Each operation must be a JSON object.")
        self.query: str | None = payload.get("query")
        self.variables: dict | None = json_field(payload.get("variables"), "variables")
        self.extensions: dict = json_field(payload.get("extensions"), "extensions") or {}
        self.operation_name: str | None = payload.get("operationName") or None
        if self.query is not None and not isinstance(self.query, str):
            raise RequestError("`query` must be a string.")
        if self.operation_name is not None and not isinstance(self.operation_name, str):
            raise RequestError("`operationName` must be a string.")
        self.persisted_hash: str | None = self.read_persisted_hash()
        self.over_budget = False  # set by a batch whose total cost this operation would break
        self.to_register = False  # an APQ registration, stored once the query passes the checks

    def read_persisted_hash(self) -> str | None:
        persisted = self.extensions.get("persistedQuery")
        if persisted is None:
            return None
        digest = persisted.get("sha256Hash") if isinstance(persisted, dict) else None
        if not isinstance(digest, str) or not SHA256_HEX.fullmatch(digest):
            raise RequestError(
                "`extensions.persistedQuery.sha256Hash` must be a sha256 hex digest."
            )
        return digest

    @property
    def is_preview(self) -> bool:
        """Asks for a draft by preview token (never cached, anywhere)."""
        return "token" in (self.variables or {}) or bool(PREVIEW_ARGUMENT.search(self.query or ""))
