"""The OCR worker pool: scans off the event loop with the real engine, bounded queue, both
worker kinds, engine selection by configuration."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest

from config import Config
from images import ImageRefused, OcrPool, QueueFull
from ocr import UnknownEngine, available_engines, get_engine


async def test_thread_pool_scans_an_id_card(id_card_jpeg: bytes) -> None:
    pool = OcrPool(workers=1, queue_size=2, kind="thread")
    await pool.start()
    try:
        result = await pool.scan(id_card_jpeg, salt=b"pepper")
    finally:
        await pool.close()
    assert result.doc_type == "id_card" and result.verdict == "block"
    ids = [f for f in result.findings if f.type == "tw_national_id"]
    assert ids and ids[0].digest and ids[0].source == "ocr"


async def test_process_pool_from_config(id_card_jpeg: bytes, ordinary_jpeg: bytes) -> None:
    config = Config(ocr_engine="rapidocr", ocr_workers=1, ocr_queue_size=4)
    pool = OcrPool.from_config(config)
    assert (pool.kind, pool.capacity) == ("process", 5)
    await pool.start()  # spawns the worker and loads the engine there once
    try:
        leak, ordinary = await asyncio.gather(pool.scan(id_card_jpeg), pool.scan(ordinary_jpeg))
        with pytest.raises(ImageRefused) as refused:  # the worker's refusal crosses back intact
            await pool.scan(b"not an image at all")
    finally:
        await pool.close()
    assert leak.doc_type == "id_card" and leak.verdict == "block"
    assert ordinary.doc_type is None and ordinary.verdict == "allow"
    assert refused.value.reason == "not_an_image"


async def test_full_queue_refuses_at_once(id_card_jpeg: bytes) -> None:
    pool = OcrPool(workers=1, queue_size=1, kind="thread")
    await pool.start()
    try:
        running = [asyncio.create_task(pool.scan(id_card_jpeg)) for _ in range(2)]
        await asyncio.sleep(0)  # both are in: one running, one waiting
        assert pool.in_flight == 2
        with pytest.raises(QueueFull):
            await pool.scan(id_card_jpeg)
        results = await asyncio.gather(*running)
    finally:
        await pool.close()
    assert all(r.doc_type == "id_card" for r in results)
    assert pool.in_flight == 0


async def test_unknown_engine_is_refused_at_start() -> None:
    pool = OcrPool(engine="no-such-ocr", kind="thread")
    with pytest.raises(UnknownEngine, match="rapidocr"):
        await pool.start()


def test_registry_shares_one_engine_per_process() -> None:
    assert "rapidocr" in available_engines()
    assert get_engine("rapidocr") is get_engine("rapidocr")


def test_models_ship_with_the_wheel() -> None:
    """No download at run time: the PP-OCR models are files inside the installed package."""
    import rapidocr

    models = list((Path(rapidocr.__file__).parent / "models").glob("*.onnx"))
    assert len(models) >= 3


def test_engine_loads_and_reads_with_no_network(tmp_path: Path) -> None:
    """Every proxy points at a closed port: any model download would fail; none is tried."""
    script = (
        "from PIL import Image, ImageDraw\n"
        "from ocr import get_engine\n"
        "img = Image.new('RGB', (400, 100), 'white')\n"
        "ImageDraw.Draw(img).text((10, 30), 'OFFLINE 123', fill='black')\n"
        "print([ln.text for ln in get_engine('rapidocr').recognize(img)])\n"
    )
    dead = "http://127.0.0.1:9"
    env = {**os.environ, "HTTP_PROXY": dead, "HTTPS_PROXY": dead, "ALL_PROXY": dead, "NO_PROXY": ""}
    env.update({k.lower(): v for k, v in env.items() if k.endswith("_PROXY")})
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run(
        [sys.executable, "-c", script],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "123" in proc.stdout
