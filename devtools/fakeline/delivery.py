"""Webhook delivery: the body LINE POSTs, its X-Line-Signature, and the POST itself."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time

from aiohttp import ClientSession, ClientTimeout

from devtools.fakeline.models import JSON, SIGN, SignatureDefault
from devtools.fakeline.world import World


class WebhookDelivery(World):
    """Signs and delivers webhooks (mixed into ``FakeLinePlatform``)."""

    _session: ClientSession | None = None

    def sign(self, body: bytes) -> str:
        """X-Line-Signature: base64 HMAC-SHA256 of the raw body with the channel secret."""
        digest = hmac.new(self.channel_secret.encode(), body, hashlib.sha256).digest()
        return base64.b64encode(digest).decode()

    def webhook_body(self, events: JSON | list[JSON], *, redelivery: bool = False) -> bytes:
        """The raw body LINE would POST for ``events``."""
        if isinstance(events, dict):
            events = [events]
        if redelivery:
            events = [
                {**e, "deliveryContext": {**e.get("deliveryContext", {}), "isRedelivery": True}}
                for e in events
            ]
        payload = {"destination": self.bot_user_id, "events": events}
        return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()

    async def deliver(
        self,
        url: str,
        events: JSON | list[JSON] | None = None,
        *,
        redelivery: bool = False,
        body: bytes | None = None,
        signature: str | SignatureDefault | None = SIGN,
        content_type: str = "application/json; charset=utf-8",
        timeout: float = 10.0,
    ) -> int:
        """POST a webhook to ``url`` the way LINE does; return the HTTP status.

        ``body`` sends raw bytes instead of ``events``; ``signature=None`` omits
        the X-Line-Signature header and a string sends that value instead of the
        real signature (for negative tests).
        """
        raw = body if body is not None else self.webhook_body(events or [], redelivery=redelivery)
        headers = {"Content-Type": content_type, "User-Agent": "LineBotWebhook/2.0"}
        if isinstance(signature, SignatureDefault):
            headers["X-Line-Signature"] = self.sign(raw)
        elif signature is not None:
            headers["X-Line-Signature"] = signature
        if self._session is None or self._session.closed:
            self._session = ClientSession()
        started = time.perf_counter()
        async with self._session.post(
            url, data=raw, headers=headers, timeout=ClientTimeout(total=timeout)
        ) as resp:
            await resp.read()
            status = resp.status
        self.webhooks.append((status, time.perf_counter() - started))
        return status
