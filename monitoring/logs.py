"""Log set-up for `bot.py serve`: BOT_LOG_LEVEL, BOT_LOG_FORMAT=text|json, ISO 8601 times
with the offset of BOT_TIMEZONE (the zone alerts and reports use), one line a record.

The handlers log event types, ids, verdicts and finding types, never a message text or a
value (README, Privacy); the formatters add nothing from the record but its message and
its request id.

Request ids: each `POST /callback` gets a short random id (`new_request_id()`, made by the
bot, never taken from the client) set in `REQUEST_ID` for the whole request; the tasks it
starts inherit it (contextvars). The outbox and the scan jobs store it with their rows
and restore it while they work on them (`request_context`), so one request's lines can be
followed from the webhook to the delivery, also after a restart:

    ... INFO bot.webhook req=3f9a1c2e: webhook received events=1 bytes=412
    ... INFO bot.outbox req=3f9a1c2e: outbox sent id=7 kind=warning via=reply

`RequestIdFilter` (on the handler `log_handler` builds) puts it on each record as
`record.request_id`; the text format prints `req=<id>`, JSON a `"request_id"` field;
records outside any request carry none."""

from __future__ import annotations

import contextlib
import json
import logging
import secrets
from collections.abc import Iterator
from contextvars import ContextVar
from datetime import datetime
from typing import IO
from zoneinfo import ZoneInfo

REQUEST_ID: ContextVar[str | None] = ContextVar("request_id", default=None)


def new_request_id() -> str:
    """8 random hex characters: short enough to read, enough to tell requests apart."""
    return secrets.token_hex(4)


def current_request_id() -> str | None:
    return REQUEST_ID.get()


@contextlib.contextmanager
def request_context(request_id: str | None) -> Iterator[None]:
    """Log as part of request `request_id` (None: of no request) inside the block."""
    token = REQUEST_ID.set(request_id)
    try:
        yield
    finally:
        REQUEST_ID.reset(token)


class RequestIdFilter(logging.Filter):
    """Adds `record.request_id` (None outside a request); filters nothing out."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = REQUEST_ID.get()
        return True


def _request_id(record: logging.LogRecord) -> str | None:
    rid = getattr(record, "request_id", None)
    return rid if isinstance(rid, str) else None


def iso_time(created: float, tz: ZoneInfo) -> str:
    return datetime.fromtimestamp(created, tz).isoformat(timespec="milliseconds")


class TextFormatter(logging.Formatter):
    def __init__(self, tz: ZoneInfo) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")
        self.tz = tz

    def formatMessage(self, record: logging.LogRecord) -> str:
        """`<time> <level> <logger>[ req=<id>]: <message>`."""
        rid = _request_id(record)
        req = f" req={rid}" if rid else ""
        return f"{record.asctime} {record.levelname} {record.name}{req}: {record.message}"

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        return iso_time(record.created, self.tz)


class JsonFormatter(logging.Formatter):
    def __init__(self, tz: ZoneInfo) -> None:
        super().__init__()
        self.tz = tz

    def format(self, record: logging.LogRecord) -> str:
        out = {
            "time": iso_time(record.created, self.tz),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        rid = _request_id(record)
        if rid:
            out["request_id"] = rid
        if record.exc_info and record.exc_info[0] is not None:
            out["error"] = record.exc_info[0].__name__  # the type only: tracebacks may quote
        return json.dumps(out, ensure_ascii=False)


def log_handler(
    fmt: str = "text", timezone: str = "Asia/Taipei", stream: IO[str] | None = None
) -> logging.Handler:
    """A stream handler (stderr by default) in `fmt` (text|json), with the request id."""
    tz = ZoneInfo(timezone)
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter(tz) if fmt == "json" else TextFormatter(tz))
    handler.addFilter(RequestIdFilter())
    return handler


def setup_logging(level: str = "INFO", fmt: str = "text", timezone: str = "Asia/Taipei") -> None:
    """Configure the root logger once (replaces any handler set before)."""
    handler = log_handler(fmt, timezone)
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)


def where_failed(exc: BaseException) -> str:
    """`KeyError at incidents/notify.py:123`: an exception for the logs without its message
    (a message can quote the data that caused it). Failures are logged one way:
    `log.error("what failed <ids>= error=%s", where_failed(exc))`, never `exc_info`."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "site-packages" not in f.filename] or frames
    if not ours:
        return type(exc).__name__
    last = ours[-1]
    parts = last.filename.replace("\\", "/").split("/")
    return f"{type(exc).__name__} at {'/'.join(parts[-2:])}:{last.lineno}"
