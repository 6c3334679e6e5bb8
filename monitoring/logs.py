"""Log set-up for `bot.py serve`: BOT_LOG_LEVEL, BOT_LOG_FORMAT=text|json, ISO 8601 times
with the offset of BOT_TIMEZONE (the zone alerts and reports use), one line a record.

The handlers log event types, ids, verdicts and finding types, never a message text or a
value (README, Privacy); the formatters add nothing from the record but its message."""

from __future__ import annotations

import json
import logging
from datetime import datetime
from zoneinfo import ZoneInfo


def iso_time(created: float, tz: ZoneInfo) -> str:
    return datetime.fromtimestamp(created, tz).isoformat(timespec="milliseconds")


class TextFormatter(logging.Formatter):
    def __init__(self, tz: ZoneInfo) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")
        self.tz = tz

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
        if record.exc_info and record.exc_info[0] is not None:
            out["error"] = record.exc_info[0].__name__  # the type only: tracebacks may quote
        return json.dumps(out, ensure_ascii=False)


def setup_logging(level: str = "INFO", fmt: str = "text", timezone: str = "Asia/Taipei") -> None:
    """Configure the root logger once (replaces any handler set before)."""
    tz = ZoneInfo(timezone)
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter(tz) if fmt == "json" else TextFormatter(tz))
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
