"""One operation's answer: from the response cache when it may be, else executed (and then
stored when it is cacheable: no errors, no draft, a status of 200, every part tagged). It says
how it was got (`cache_status`: HIT, MISS, BYPASS) and what it was built from (`tags`)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cms.api import persisted_queries, response_cache
from cms.api.errors import ApiError, ErrorCode
from cms.api.execution import Execution, execute_operation
from cms.api.limits import limit
from cms.api.operation_request import OperationRequest

if TYPE_CHECKING:
    from django.http import HttpRequest


HIT, MISS, BYPASS = "HIT", "MISS", "BYPASS"


@dataclass
class Answer:
    """One operation's answer, serialised once (and stored that way in the response cache)."""

    body: bytes
    status: int = 200
    ok: bool = True  # no errors
    versions: dict[str, int] | None = None  # its tags' versions when stored (or served) cached
    preview: bool = False  # holds a draft: never cached, anywhere
    tags: frozenset[str] | None = None  # what it was built from; None: not all of it is tagged
    cache_status: str = BYPASS

    @classmethod
    def from_execution(cls, execution: Execution) -> Answer:
        body = json.dumps(execution.result, separators=(",", ":")).encode()
        ok = "errors" not in execution.result
        return cls(body, execution.status, ok, None, execution.served_draft, execution.tags)

    @property
    def cacheable(self) -> bool:
        return (
            self.status == 200
            and self.ok
            and not self.preview
            and self.tags is not None
            and response_cache.fits(self.body)
        )

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:32] + '"'


def answer(operation: OperationRequest, request: HttpRequest) -> Answer:
    """Answer one operation, from the response cache when it may."""
    try:
        persisted_queries.resolve_query_text(operation)
        if operation.over_budget:
            raise ApiError(
                f"The batch would cost more than {limit('MAX_COST')} in all; this operation "
                "was not run. Send fewer or cheaper operations.",
                ErrorCode.QUERY_TOO_COMPLEX,
            )
    except ApiError as error:
        # Apollo's clients expect "not found" with HTTP 200, then send the query with its hash.
        status = 200 if error.extensions["code"] == ErrorCode.PERSISTED_QUERY_NOT_FOUND else 400
        return Answer.from_execution(Execution.refused(error, status=status))
    if not response_cache.may_cache(operation, request):
        return Answer.from_execution(execute_operation(operation, request))
    key = response_cache.answer_key(operation, request.get_host())
    found = response_cache.lookup(key)
    if found.value is not None:
        tags = frozenset(found.versions)
        return Answer(found.value, versions=found.versions, tags=tags, cache_status=HIT)
    fresh = Answer.from_execution(execute_operation(operation, request))
    if fresh.cacheable:
        fresh.tags = response_cache.bounded(fresh.tags)
        fresh.versions = response_cache.store(key, fresh.body, fresh.tags, found.changes)
        fresh.cache_status = MISS
    return fresh
