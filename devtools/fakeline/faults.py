"""Failure injection for tests: the next calls fail with a status (or after being
processed: a lost answer), every call is slowed down, or the platform is down for a while."""

from __future__ import annotations

import asyncio
import fnmatch
from dataclasses import dataclass

from aiohttp import web

from devtools.fakeline.models import JSON
from devtools.fakeline.responses import STATUS_MESSAGES


@dataclass
class FailRule:
    remaining: int
    status: int
    path: str | None
    method: str | None
    retry_after: float | None
    body: JSON | None
    accept: bool
    delay: float


class FaultInjection:
    """The platform's test controls for failures (mixed into ``FakeLinePlatform``)."""

    def __init__(self) -> None:
        self._fail_rules: list[FailRule] = []
        self.latency = 0.0
        self.down = False

    def fail_next(
        self,
        n: int = 1,
        status: int = 500,
        path: str | None = None,
        *,
        method: str | None = None,
        retry_after: float | None = None,
        body: JSON | None = None,
        accept: bool = False,
        delay: float = 0.0,
    ) -> None:
        """Answer the next ``n`` matching API requests with ``status``.

        ``path`` is an exact path or a glob (``/v2/bot/message/*``); None matches
        every API call. With ``accept=True`` the request is processed first (the
        message is recorded and the retry key consumed) and only the response is
        replaced: a "lost response" for retry-key tests. A 429 carries
        ``Retry-After`` when ``retry_after`` is given. ``delay`` holds the answer
        back that many seconds (longer than the client's timeout = a timeout).
        """
        self._fail_rules.append(
            FailRule(
                n,
                status,
                path,
                method.upper() if method else None,
                retry_after,
                body,
                accept,
                delay,
            )
        )

    def clear_failures(self) -> None:
        self._fail_rules.clear()

    def set_latency(self, seconds: float) -> None:
        """Delay every API response by ``seconds``."""
        self.latency = seconds

    def set_down(self, down: bool = True) -> None:
        """While down, every API call answers 503 (the server keeps listening)."""
        self.down = down

    def set_down_for(self, seconds: float) -> None:
        """An outage window: every API call answers 503 for ``seconds`` (real time), then
        the platform answers again by itself."""
        self.down = True
        asyncio.get_running_loop().call_later(seconds, self.set_down, False)

    def match_failure(self, request: web.Request) -> FailRule | None:
        for rule in self._fail_rules:
            if rule.remaining <= 0:
                continue
            if rule.method is not None and rule.method != request.method:
                continue
            if rule.path is not None and not (
                rule.path == request.path or fnmatch.fnmatchcase(request.path, rule.path)
            ):
                continue
            rule.remaining -= 1
            if rule.remaining <= 0:
                self._fail_rules.remove(rule)
            return rule
        return None

    def failure_response(self, rule: FailRule) -> web.Response:
        body = rule.body or {"message": STATUS_MESSAGES.get(rule.status, "Error")}
        resp = web.json_response(body, status=rule.status)
        if rule.retry_after is not None:
            resp.headers["Retry-After"] = str(
                int(rule.retry_after)
                if rule.retry_after == int(rule.retry_after)
                else rule.retry_after
            )
        return resp
