"""A fake LINE platform on loopback that speaks the real Messaging API.

Point line-bot-sdk v3 at it with ``Configuration(host=platform.base_url,
access_token=...)``: ``AsyncMessagingApi`` and ``AsyncMessagingApiBlob`` work
unchanged (the SDK uses ``Configuration.host`` for every host when it is set).

The platform keeps a small model of the world (friends, groups, rooms, the
bot's memberships, message contents), issues reply tokens when it builds
webhook events, records every message the bot sends, signs and delivers
webhooks, and can be told to fail, slow down or go away for tests.

One concern per module: the world and its records (world.py), webhook events
(events.py), webhook delivery (delivery.py), failure injection (faults.py), the
HTTP app and its routes (server.py, routes_messaging.py, routes_reads.py,
control.py), LINE's answers (responses.py) and message validation (validation.py).
``FakeLinePlatform`` puts them together and runs the server.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from aiohttp import web

from devtools.fakeline.delivery import WebhookDelivery
from devtools.fakeline.events import WebhookEvents
from devtools.fakeline.faults import FaultInjection
from devtools.fakeline.models import SIGN, Chat, ChatEntry, Friend, SentMessage, SignatureDefault
from devtools.fakeline.server import make_app

__all__ = [
    "SIGN",
    "Chat",
    "ChatEntry",
    "FakeLinePlatform",
    "Friend",
    "SentMessage",
    "SignatureDefault",
]


class FakeLinePlatform(WebhookEvents, WebhookDelivery, FaultInjection):
    """The local LINE platform. Use as ``async with FakeLinePlatform(secret, token) as p``."""

    def __init__(
        self,
        channel_secret: str = "fakeline-channel-secret",
        access_token: str = "fakeline-access-token",
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        reply_token_ttl: float = 60.0,  # seconds of ``clock``
        monthly_limit: int | None = 1000,
        bot_name: str = "Compliance Bot",
        seed: int = 0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        WebhookEvents.__init__(
            self,
            channel_secret,
            access_token,
            host=host,
            port=port,
            reply_token_ttl=reply_token_ttl,
            monthly_limit=monthly_limit,
            bot_name=bot_name,
            seed=seed,
            clock=clock,
        )
        FaultInjection.__init__(self)
        self._runner: web.AppRunner | None = None

    async def __aenter__(self) -> FakeLinePlatform:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def running(self) -> bool:
        return self._runner is not None

    async def start(self) -> None:
        """Start (or restart, on the same port) the HTTP server."""
        if self._runner is not None:
            return
        self._condition()
        # a short shutdown timeout: stop() must not wait on requests held by fail_next(delay=)
        runner = web.AppRunner(
            make_app(self), access_log=None, handle_signals=False, shutdown_timeout=0.5
        )
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port, reuse_address=True)
        await site.start()
        if self.port == 0:
            self.port = int(runner.addresses[0][1])
        self._runner = runner

    async def stop(self) -> None:
        """Take the server down (connections refused) until ``start()`` again."""
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()

    async def close(self) -> None:
        await self.stop()
        if self._session is not None:
            await self._session.close()
            self._session = None
