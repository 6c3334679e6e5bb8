"""The HTTP hook: an OCR engine that is a service (BOT_OCR_ENGINE=http).

    POST BOT_OCR_URL   body: the decoded image as PNG, Content-Type: image/png
                       Authorization: Bearer BOT_OCR_TOKEN (when set)
    200 {"lines": [{"text": "...", "box": [[x,y],[x,y],[x,y],[x,y]], "score": 0.0-1.0}]}

The contract is docs/ocr-hook.yaml (OpenAPI 3); `bot.py ocr serve` is a reference server.
The engine runs inside the OCR worker (synchronous code: urllib). The image leaves the bot
only for that endpoint and is never written to disk. Answers are validated strictly: a
malformed answer raises `HookError` (never read as "no text found"); a 5xx, a timeout or a
refused connection is tried again `retries` times; a final failure raises `HookError` (an
`OcrServiceError`), so the image is not scanned now: the pool turns it into
`OcrServiceFailed`, the scan job is tried again later and, still failing, recorded as not
scanned ("ocr_failed", admins told).
Errors name the status or the problem, never the text read nor the token.
"""

from __future__ import annotations

import http.client
import io
import json
import math
import time
import urllib.error
import urllib.request
from typing import TYPE_CHECKING

from ocr.base import OcrLine, OcrServiceError, Point, as_rgb

if TYPE_CHECKING:
    from PIL import Image

    from ocr.registry import HookSettings

MAX_ANSWER_BYTES = 8 * 1024 * 1024
DEFAULT_RETRIES = 2


class HookError(OcrServiceError):
    """The OCR hook failed or answered something that is not the contract."""


class HttpOcrEngine:
    name = "http"

    def __init__(
        self,
        url: str,
        *,
        token: str | None = None,
        timeout: float = 30.0,
        retries: int = DEFAULT_RETRIES,
        backoff: float = 0.5,
    ) -> None:
        if not url.startswith(("http://", "https://")):
            raise ValueError("the OCR hook URL must start with http:// or https://")
        self.url = url
        self._token = token
        self.timeout = timeout
        self.retries = max(0, retries)
        self.backoff = backoff

    def __repr__(self) -> str:  # the token never shows
        token = "set" if self._token else "unset"
        return f"HttpOcrEngine(url={self.url!r}, token={token}, timeout={self.timeout})"

    @classmethod
    def from_settings(cls, hook: HookSettings) -> HttpOcrEngine:
        """From the configuration's BOT_OCR_URL, BOT_OCR_TOKEN, BOT_OCR_TIMEOUT
        (`HookSettings.from_config`); never from the environment."""
        from config import ConfigError

        if not hook.url:
            raise ConfigError("BOT_OCR_ENGINE=http needs BOT_OCR_URL (the hook's address)")
        return cls(hook.url, token=hook.token, timeout=hook.timeout)

    def recognize(self, image: Image.Image) -> list[OcrLine]:
        buf = io.BytesIO()
        as_rgb(image).save(buf, "PNG")  # in memory only
        body = buf.getvalue()
        headers = {"Content-Type": "image/png", "Accept": "application/json"}
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        failure = "no attempt"
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff * 2 ** (attempt - 1))
            request = urllib.request.Request(self.url, data=body, headers=headers, method="POST")
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as resp:
                    raw = resp.read(MAX_ANSWER_BYTES + 1)
            except urllib.error.HTTPError as exc:
                exc.close()
                if exc.code >= 500:
                    failure = f"HTTP {exc.code}"
                    continue
                raise HookError(f"OCR hook answered HTTP {exc.code}") from None
            except (OSError, http.client.HTTPException) as exc:  # timeouts, refused, cut off
                reason = getattr(exc, "reason", exc)
                failure = "timeout" if isinstance(reason, TimeoutError) else type(reason).__name__
                continue
            if len(raw) > MAX_ANSWER_BYTES:
                raise HookError(f"OCR hook answer over {MAX_ANSWER_BYTES} bytes")
            return parse_answer(raw)
        raise HookError(f"OCR hook failed after {self.retries + 1} attempts ({failure})")


def _number(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise HookError(f"OCR hook answer: {what} is not a finite number")
    return float(value)


def _point(value: object, what: str) -> Point:
    if not isinstance(value, list) or len(value) != 2:
        raise HookError(f"OCR hook answer: {what} is not an [x, y] pair")
    return (_number(value[0], what), _number(value[1], what))


def parse_answer(raw: bytes) -> list[OcrLine]:
    """The lines of a hook's JSON answer; HookError for anything outside the contract."""
    try:
        doc = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise HookError("OCR hook answer is not JSON") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("lines"), list):
        raise HookError('OCR hook answer has no "lines" list')
    lines: list[OcrLine] = []
    for n, item in enumerate(doc["lines"]):
        where = f"lines[{n}]"
        if not isinstance(item, dict):
            raise HookError(f"OCR hook answer: {where} is not an object")
        text, box, score = item.get("text"), item.get("box"), item.get("score")
        if not isinstance(text, str):
            raise HookError(f"OCR hook answer: {where}.text is not a string")
        if not isinstance(box, list) or len(box) != 4:
            raise HookError(f"OCR hook answer: {where}.box is not 4 points")
        p0, p1, p2, p3 = (_point(p, f"{where}.box") for p in box)
        value = _number(score, f"{where}.score")
        if not 0.0 <= value <= 1.0:
            raise HookError(f"OCR hook answer: {where}.score is not within 0..1")
        lines.append(OcrLine(text=text, box=(p0, p1, p2, p3), score=value))
    return lines


def answer(lines: list[OcrLine]) -> dict[str, list[dict[str, object]]]:
    """The contract's JSON document for `lines` (what a hook server answers)."""
    return {
        "lines": [
            {"text": ln.text, "box": [list(p) for p in ln.box], "score": ln.score} for ln in lines
        ]
    }
