"""Report charts are served by the bot (app.py, `GET /charts/{token}.png`) under a fresh
unguessable token: 32 random bytes (URL-safe), valid for `CHART_TTL_SECONDS`; anything
else is 404, so a URL cannot be guessed or used for long."""

from __future__ import annotations

import re
import secrets

from storage.tips import TipStore

CHART_TTL_SECONDS = 7 * 86400
CHART_PATH = "/charts/{token}.png"
CHART_TOKEN = re.compile(r"[A-Za-z0-9_-]{40,64}")


def publish_chart(tips: TipStore, public_url: str, png: bytes, now: float) -> str:
    """Store a chart under a fresh unguessable token; returns its public HTTPS URL."""
    token = secrets.token_urlsafe(32)
    tips.add_chart(token, png, now, now + CHART_TTL_SECONDS)
    return public_url.rstrip("/") + CHART_PATH.format(token=token)
