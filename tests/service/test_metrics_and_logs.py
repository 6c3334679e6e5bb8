"""`/metrics` (Prometheus format: events, verdicts by finding type, scan latency, outbox
read from the database at scrape time; loopback or bearer token) and the log formats."""

from __future__ import annotations

import dataclasses
import io
import json
import logging
import re
from pathlib import Path

import aiohttp
from prometheus_client.parser import text_string_to_metric_families

from config import Config
from devtools.clock import ManualClock
from devtools.fakeline import FakeLinePlatform
from monitoring.logs import setup_logging
from tests.support.harness import ALICE, GROUP, LEAK_1, NID_1, ORDINARY, Bot


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    out = {}
    for fam in text_string_to_metric_families(text):
        for s in fam.samples:
            out[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return out


async def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    async with aiohttp.ClientSession() as s, s.get(url, headers=headers or {}) as r:
        return r.status, await r.text()


async def test_metrics_count_events_verdicts_and_read_the_outbox(bot: Bot) -> None:
    await bot.send(bot.line.text_event(ALICE, ORDINARY, chat=GROUP))
    await bot.send(bot.line.text_event(ALICE, LEAK_1, chat=GROUP))
    await bot.idle()
    status, text = await get(f"http://127.0.0.1:{bot.port}/metrics")
    assert status == 200
    got = samples(text)
    assert got[("line_guard_events_total", (("type", "message"),))] == 2
    assert got[("line_guard_verdicts_total", (("finding_type", "none"), ("verdict", "allow")))] == 1
    block = (("finding_type", "tw_national_id"), ("verdict", "block"))
    assert got[("line_guard_verdicts_total", block)] == 1
    assert got[("line_guard_scan_seconds_count", (("source", "text"),))] == 2
    assert ("line_guard_outbox_messages", (("status", "pending"),)) in got
    assert ("line_guard_outbox_oldest_pending_age_seconds", ()) in got
    assert got[("line_guard_incidents", (("status", "open"),))] == 1
    assert ("line_guard_outbox_messages", (("status", "held"),)) in got
    assert got[("line_guard_scan_backlog_age_seconds", ())] == 0
    assert got[("line_guard_push_quota_paused", ())] == 0
    # never an id, a text or a value
    assert NID_1 not in text and ALICE not in text and GROUP not in text
    assert "K25" not in text


async def test_metrics_not_through_a_proxy(bot: Bot) -> None:
    status, _ = await get(
        f"http://127.0.0.1:{bot.port}/metrics", {"X-Forwarded-For": "203.0.113.7"}
    )
    assert status == 404


async def test_metrics_token(line: FakeLinePlatform, tmp_path: Path) -> None:
    from tests.support.harness import make_config

    config = dataclasses.replace(make_config(line, tmp_path / "bot.db"), metrics_token="s3cret")
    b = Bot(line, config, ManualClock())
    await b.start()
    try:
        url = f"http://127.0.0.1:{b.port}/metrics"
        assert (await get(url))[0] == 404  # loopback alone is not enough once a token is set
        assert (await get(url, {"Authorization": "Bearer wrong"}))[0] == 404
        status, text = await get(url, {"Authorization": "Bearer s3cret"})
        assert status == 200 and "line_guard_events_total" in text
    finally:
        await b.stop()


def test_metrics_token_from_env_and_credentials(tmp_path: Path) -> None:
    assert Config.from_env({"BOT_METRICS_TOKEN": "t"}, require_line=False).metrics_token == "t"
    (tmp_path / "bot-metrics-token").write_text("from-file\n")
    config = Config.from_env({"CREDENTIALS_DIRECTORY": str(tmp_path)}, require_line=False)
    assert config.metrics_token == "from-file"


def _capture(fmt: str, level: str = "INFO") -> tuple[io.StringIO, logging.Handler]:
    setup_logging(level, fmt, "Asia/Taipei")
    handler = logging.getLogger().handlers[0]
    buf = io.StringIO()
    assert isinstance(handler, logging.StreamHandler)
    handler.setStream(buf)
    return buf, handler


def test_log_formats_have_iso_times_with_offset() -> None:
    root = logging.getLogger()
    saved, saved_level = list(root.handlers), root.level
    try:
        buf, _ = _capture("json")
        logging.getLogger("bot.test").info("message scanned verdict=%s", "block")
        logging.getLogger("bot.test").debug("not shown at INFO")
        lines = buf.getvalue().splitlines()
        assert len(lines) == 1
        rec = json.loads(lines[0])
        assert rec["level"] == "INFO" and rec["logger"] == "bot.test"
        assert rec["message"] == "message scanned verdict=block"
        assert rec["time"].endswith("+08:00")
        buf, _ = _capture("text", "DEBUG")
        logging.getLogger("bot.test").debug("tick")
        assert re.match(
            r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00 DEBUG bot.test: tick$",
            buf.getvalue().strip(),
        )
    finally:
        for h in list(root.handlers):
            root.removeHandler(h)
        for h in saved:
            root.addHandler(h)
        root.setLevel(saved_level)


def test_log_settings_are_validated() -> None:
    import pytest

    from config import ConfigError

    c = Config.from_env({"BOT_LOG_LEVEL": "debug", "BOT_LOG_FORMAT": "JSON"}, require_line=False)
    assert (c.log_level, c.log_format) == ("DEBUG", "json")
    with pytest.raises(ConfigError, match="BOT_LOG_LEVEL") as exc:
        Config.from_env({"BOT_LOG_LEVEL": "loud", "BOT_LOG_FORMAT": "xml"}, require_line=False)
    assert "BOT_LOG_FORMAT" in str(exc.value)
