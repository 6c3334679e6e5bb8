"""The HTTP hook (BOT_OCR_ENGINE=http) against a real HTTP server on 127.0.0.1: the contract's
answer read, the token sent and hidden, malformed answers refused, 5xx and timeouts retried a
bounded number of times, a final failure raised, and through the process pool a failing hook
is an OcrUnavailable (the media handler's "not scanned: ocr_failed")."""

from __future__ import annotations

import asyncio
import io
import json
import pickle
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pytest
from aiohttp import web
from PIL import Image

from config import Config, ConfigError
from images import OcrPool, OcrUnavailable
from ocr import HookSettings, create_engine
from ocr.http import HookError, HttpOcrEngine
from tests.support.idgen import national_id

BOX = [[1, 2], [30, 2], [30, 12], [1, 12]]
ID = national_id("F", 1, "3110409")  # a valid, generated national id
GOOD = {"lines": [{"text": ID, "box": BOX, "score": 0.93}]}


@dataclass
class Hook:
    """A programmable hook: `answers` are served in turn (the last one repeats)."""

    answers: list[Callable[[], web.StreamResponse]]
    seen: list[tuple[str, str | None, bytes]] = field(default_factory=list)
    url: str = ""

    async def handle(self, request: web.Request) -> web.StreamResponse:
        self.seen.append(
            (request.content_type, request.headers.get("Authorization"), await request.read())
        )
        answer = self.answers[min(len(self.seen), len(self.answers)) - 1]
        return answer()


def js(doc: object, status: int = 200) -> Callable[[], web.StreamResponse]:
    return lambda: web.json_response(doc, status=status)


@pytest.fixture
async def hook() -> AsyncIterator[Hook]:
    h = Hook(answers=[js(GOOD)])
    app = web.Application()
    app.router.add_post("/ocr", h.handle)

    async def slow(request: web.Request) -> web.StreamResponse:
        h.seen.append((request.content_type, None, await request.read()))
        await asyncio.sleep(2)
        return web.json_response(GOOD)

    app.router.add_post("/slow", slow)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    h.url = f"http://127.0.0.1:{port}/ocr"
    yield h
    await runner.cleanup()


def image() -> Image.Image:
    return Image.new("RGB", (64, 32), "white")


async def test_answer_is_read_and_the_token_sent(hook: Hook) -> None:
    engine = HttpOcrEngine(hook.url, token="s3cret-token", timeout=5)
    lines = await asyncio.to_thread(engine.recognize, image())
    assert [(ln.text, ln.score) for ln in lines] == [(ID, 0.93)]
    assert lines[0].box == ((1.0, 2.0), (30.0, 2.0), (30.0, 12.0), (1.0, 12.0))
    content_type, auth, body = hook.seen[0]
    assert content_type == "image/png" and auth == "Bearer s3cret-token"
    assert body.startswith(b"\x89PNG") and Image.open(io.BytesIO(body)).size == (64, 32)
    assert "s3cret-token" not in repr(engine)


@pytest.mark.parametrize(
    "doc",
    [
        {},
        {"lines": None},
        {"lines": [{"text": "x", "box": BOX}]},
        {"lines": [{"text": "x", "box": BOX, "score": 1.5}]},
        {"lines": [{"text": "x", "box": BOX[:3], "score": 0.5}]},
        {"lines": [{"text": 5, "box": BOX, "score": 0.5}]},
        {"lines": [{"text": "x", "box": [[1, "2"], *BOX[1:]], "score": 0.5}]},
        {"lines": [{"text": "x", "box": BOX, "score": True}]},
        [],
    ],
)
async def test_malformed_answers_raise(hook: Hook, doc: object) -> None:
    hook.answers = [js(doc)]
    engine = HttpOcrEngine(hook.url, timeout=5, retries=0)
    with pytest.raises(HookError):
        await asyncio.to_thread(engine.recognize, image())


async def test_not_json_raises_and_empty_lines_are_an_answer(hook: Hook) -> None:
    hook.answers = [lambda: web.Response(text="<html>oops</html>"), js({"lines": []})]
    engine = HttpOcrEngine(hook.url, timeout=5, retries=0)
    with pytest.raises(HookError, match="not JSON"):
        await asyncio.to_thread(engine.recognize, image())
    assert await asyncio.to_thread(engine.recognize, image()) == []


async def test_5xx_is_retried_then_succeeds(hook: Hook) -> None:
    hook.answers = [js({}, 503), js({}, 502), js(GOOD)]
    engine = HttpOcrEngine(hook.url, timeout=5, retries=2, backoff=0.01)
    lines = await asyncio.to_thread(engine.recognize, image())
    assert len(lines) == 1 and len(hook.seen) == 3


async def test_retries_are_bounded_and_4xx_not_retried(hook: Hook) -> None:
    hook.answers = [js({}, 500)]
    engine = HttpOcrEngine(hook.url, timeout=5, retries=2, backoff=0.01)
    with pytest.raises(HookError, match="3 attempts"):
        await asyncio.to_thread(engine.recognize, image())
    assert len(hook.seen) == 3
    hook.seen.clear()
    hook.answers = [js({}, 401)]
    with pytest.raises(HookError, match="HTTP 401"):
        await asyncio.to_thread(engine.recognize, image())
    assert len(hook.seen) == 1


async def test_timeout_is_retried_then_raises(hook: Hook) -> None:
    engine = HttpOcrEngine(hook.url.replace("/ocr", "/slow"), timeout=0.3, retries=1, backoff=0.01)
    with pytest.raises(HookError, match=r"2 attempts \(timeout\)"):
        await asyncio.to_thread(engine.recognize, image())
    assert len(hook.seen) == 2


async def test_unreachable_hook_raises_after_retries() -> None:
    engine = HttpOcrEngine("http://127.0.0.1:9/ocr", timeout=1, retries=1, backoff=0.01)
    with pytest.raises(HookError, match="2 attempts"):
        await asyncio.to_thread(engine.recognize, image())


def test_settings_are_validated_and_the_token_hidden() -> None:
    env = {
        "BOT_OCR_ENGINE": "http",
        "BOT_OCR_URL": "https://ocr.example/ocr",
        "BOT_OCR_TOKEN": "t0ken-value",
        "BOT_OCR_TIMEOUT": "7",
    }
    config = Config.from_env(env, require_line=False)
    assert (config.ocr_url, config.ocr_token, config.ocr_timeout) == (
        "https://ocr.example/ocr",
        "t0ken-value",
        7,
    )
    assert "t0ken-value" not in repr(config)
    with pytest.raises(ConfigError, match="BOT_OCR_URL"):
        Config.from_env({"BOT_OCR_ENGINE": "http"}, require_line=False)
    with pytest.raises(ConfigError, match="BOT_OCR_URL must start with http"):
        Config.from_env({"BOT_OCR_URL": "ftp://x"}, require_line=False)
    with pytest.raises(ConfigError, match="BOT_OCR_TIMEOUT"):
        Config.from_env({"BOT_OCR_TIMEOUT": "0"}, require_line=False)


def test_token_from_a_credential_file(tmp_path: Path) -> None:
    (tmp_path / "bot-ocr-token").write_text("file-token\n", encoding="utf-8")
    config = Config.from_env({"CREDENTIALS_DIRECTORY": str(tmp_path)}, require_line=False)
    assert config.ocr_token == "file-token" and "file-token" not in repr(config)


async def test_engine_is_built_from_the_config_not_the_environment(
    hook: Hook, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The environment names another hook: only the Config handed over counts.
    monkeypatch.setenv("BOT_OCR_URL", "http://127.0.0.1:9/elsewhere")
    monkeypatch.setenv("BOT_OCR_TOKEN", "env-token")
    config = Config.from_env(
        {"BOT_OCR_ENGINE": "http", "BOT_OCR_URL": hook.url, "BOT_OCR_TOKEN": "config-token"},
        require_line=False,
    )
    settings = HookSettings.from_config(config)
    assert (settings.engine, settings.url, settings.timeout) == ("http", hook.url, 30.0)
    assert "config-token" not in repr(settings)
    assert pickle.loads(pickle.dumps(settings)) == settings  # what the worker processes get
    engine = settings.create()
    assert isinstance(engine, HttpOcrEngine) and engine.url == hook.url
    await asyncio.to_thread(engine.recognize, image())
    assert hook.seen[0][1] == "Bearer config-token"
    with pytest.raises(ConfigError, match="BOT_OCR_URL"):
        create_engine("http")  # no settings, no address: the environment is not read


@pytest.mark.parametrize("kind", ["process", "thread"])
async def test_failing_hook_is_not_scanned_through_the_pool(
    hook: Hook, id_card_jpeg: bytes, kind: Literal["process", "thread"]
) -> None:
    """The workers get the hook's settings from the Config; the hook's failure comes back
    as OcrUnavailable in both worker kinds, which handlers/media.py retries and then records
    as not scanned (ocr_failed)."""
    hook.answers = [js({"lines": "nothing"})]
    config = Config(ocr_engine="http", ocr_url=hook.url, ocr_token="pool-token", ocr_timeout=5)
    pool = OcrPool.from_config(config, kind=kind)
    assert "pool-token" not in repr(pool.ocr)
    await pool.start()
    try:
        with pytest.raises(OcrUnavailable, match="HookError"):
            await pool.scan(id_card_jpeg)
        hook.answers = [js(GOOD)]
        result = await pool.scan(id_card_jpeg)  # the same worker goes on with the next image
    finally:
        await pool.close()
    assert hook.seen and all(ct == "image/png" for ct, _, _ in hook.seen)
    assert all(auth == "Bearer pool-token" for _, auth, _ in hook.seen)
    assert any(f.type == "tw_national_id" for f in result.findings)
    assert ID not in json.dumps(result.to_contract("x"))  # masked, as from any engine
