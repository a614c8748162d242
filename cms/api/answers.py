"""One operation's answer: from the response cache when it may be, else executed (and then
stored when it is cacheable: no errors, no draft, a status of 200)."""

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


@dataclass
class Answer:
    """One operation's answer, serialised once (and stored that way in the response cache)."""

    body: bytes
    status: int = 200
    ok: bool = True  # no errors
    version: int | None = None  # the content version it was computed at, when cacheable
    preview: bool = False  # holds a draft: never cached, anywhere

    @classmethod
    def from_execution(cls, execution: Execution) -> Answer:
        body = json.dumps(execution.result, separators=(",", ":")).encode()
        return cls(
            body, execution.status, "errors" not in execution.result, None, execution.served_draft
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
    cached, version = response_cache.lookup(key)
    if cached is not None:
        return Answer(cached, version=version)
    fresh = Answer.from_execution(execute_operation(operation, request))
    if fresh.status == 200 and fresh.ok and not fresh.preview:
        response_cache.store(key, version, fresh.body)
        fresh.version = version
    return fresh
