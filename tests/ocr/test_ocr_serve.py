"""`bot.py ocr serve`, the reference OCR hook, run for real on 127.0.0.1 (port 0), and
`bot.py scan --image` sent to it with BOT_OCR_ENGINE=http: the same verdict, document and
findings as the in-process scan; the server's bounds (400, 401, 413, 503) and /healthz; the
service's worker pool behind it: its outcomes as 500 (engine error), 504 (time limit) and
413 (memory limit), the server answering on after each."""

from __future__ import annotations

import asyncio
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest
from PIL import Image

from tests.support.ocr_hook import ROOT, hook_env, serve_hook, write_probe_plugin


@pytest.fixture(scope="module")
def hook_url() -> Iterator[str]:
    yield from serve_hook("--queue", "1", "--max-bytes", "3000000")


def _scan(path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "bot.py", "scan", "--image", str(path)],
        cwd=ROOT,
        env=hook_env(**env),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_scan_through_the_hook_matches_the_in_process_scan(
    hook_url: str, tmp_path: Path, id_card_jpeg: bytes, ordinary_jpeg: bytes
) -> None:
    for name, data in (("card.jpg", id_card_jpeg), ("menu.jpg", ordinary_jpeg)):
        path = tmp_path / name
        path.write_bytes(data)
        local = _scan(path)
        remote = _scan(path, BOT_OCR_ENGINE="http", BOT_OCR_URL=hook_url)
        assert local.returncode == remote.returncode == 0, remote.stderr[-2000:]
        assert remote.stdout == local.stdout, name
    card = _scan(tmp_path / "card.jpg", BOT_OCR_ENGINE="http", BOT_OCR_URL=hook_url)
    assert "document: id_card" in card.stdout and "verdict: block" in card.stdout


def test_jsonl_images_go_through_the_hook(
    hook_url: str, tmp_path: Path, id_card_jpeg: bytes
) -> None:
    (tmp_path / "card.jpg").write_bytes(id_card_jpeg)
    feed = tmp_path / "in.jsonl"
    feed.write_text('{"id": 1, "image": "card.jpg"}\n{"id": 2, "text": "hello"}\n')

    def scan(**env: str) -> str:
        r = subprocess.run(
            [sys.executable, "bot.py", "scan", "--jsonl", str(feed)],
            cwd=ROOT,
            env=hook_env(**env),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert r.returncode == 0, r.stderr[-2000:]
        return r.stdout

    remote = scan(BOT_OCR_ENGINE="http", BOT_OCR_URL=hook_url)
    assert remote == scan() and '"doc_type": "id_card"' in remote
    down = scan(BOT_OCR_ENGINE="http", BOT_OCR_URL="http://127.0.0.1:9/ocr")
    first, second = (json.loads(line) for line in down.splitlines())
    assert first["id"] == 1 and "image not scanned: OCR hook failed" in first["error"]
    assert second["verdict"] == "allow"  # the other lines still run


def test_scan_with_the_hook_down_is_not_scanned(tmp_path: Path, id_card_jpeg: bytes) -> None:
    path = tmp_path / "card.jpg"
    path.write_bytes(id_card_jpeg)
    r = _scan(path, BOT_OCR_ENGINE="http", BOT_OCR_URL="http://127.0.0.1:9/ocr")
    assert r.returncode == 2 and "image not scanned: OCR hook failed" in r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""


async def test_bounds_and_health(hook_url: str, id_card_jpeg: bytes) -> None:
    base = hook_url.rsplit("/", 1)[0]
    png = io.BytesIO()
    Image.open(io.BytesIO(id_card_jpeg)).save(png, "PNG")
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{base}/healthz") as resp:
            assert resp.status == 200 and (await resp.json())["engine"] == "rapidocr"
        async with http.post(hook_url, data=b"not an image") as resp:
            assert resp.status == 400
        async with http.post(hook_url, data=b"\0" * 3_000_001) as resp:
            assert resp.status == 413

        async def post() -> int:
            async with http.post(
                hook_url, data=png.getvalue(), headers={"Content-Type": "image/png"}
            ) as resp:
                await resp.read()
                return resp.status

        # One read, one waiting (--queue 1): the rest are turned away at once.
        statuses = await asyncio.gather(*(post() for _ in range(5)))
    assert sorted(statuses).count(200) >= 2 and 503 in statuses
    assert set(statuses) <= {200, 503}


def test_token_is_required_when_set(tmp_path: Path) -> None:
    import urllib.error
    import urllib.request

    for url in serve_hook("--engine", "rapidocr", BOT_OCR_TOKEN="serve-token-1"):
        request = urllib.request.Request(url, data=b"x", method="POST")
        with pytest.raises(urllib.error.HTTPError) as denied:
            urllib.request.urlopen(request, timeout=10)
        assert denied.value.code == 401
        request.add_header("Authorization", "Bearer serve-token-1")
        with pytest.raises(urllib.error.HTTPError) as bad:
            urllib.request.urlopen(request, timeout=10)
        assert bad.value.code == 400  # past the token: "x" is not an image


def _png(width: int) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (width, 9), "white").save(buf, "PNG")
    return buf.getvalue()


def test_pool_outcomes_are_http_statuses(tmp_path: Path) -> None:
    import urllib.error
    import urllib.request

    plugin = write_probe_plugin(tmp_path / "site")
    options = ("--engine", "probe", "--seconds", "3", "--memory-mb", "256", "--workers", "1")

    def post(url: str, width: int) -> tuple[int, dict[str, object]]:
        request = urllib.request.Request(
            url, data=_png(width), headers={"Content-Type": "image/png"}, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=120) as resp:
                return resp.status, json.loads(resp.read())
        except urllib.error.HTTPError as exc:
            with exc:
                return exc.code, json.loads(exc.read())

    for url in serve_hook(*options, PYTHONPATH=str(plugin)):
        assert post(url, 40) == (
            200,
            {
                "lines": [
                    {
                        "text": "width 40",
                        "box": [[0.0, 0.0], [10.0, 0.0], [10.0, 5.0], [0.0, 5.0]],
                        "score": 0.9,
                    }
                ]
            },
        )
        assert post(url, 13) == (500, {"error": "OcrUnavailable"})  # the engine raised
        assert post(url, 11) == (504, {"error": "time_limit"})  # the worker was killed
        assert post(url, 17) == (413, {"error": "memory_limit"})  # a fresh worker, capped
        assert post(url, 40)[0] == 200  # and a fresh one again
