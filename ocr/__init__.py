"""The OCR seam: one small engine interface, a registry by name, and a bounded worker pool.

    engine = get_engine("rapidocr")          # loaded once per process, reused
    lines = engine.recognize(pil_image)       # [OcrLine(text, box, score), ...]

    pool = OcrPool.from_config(config)        # off the event loop, engine loaded once per worker
    await pool.start(); result = await pool.scan(data); await pool.close()

Detectors never see an engine: they get text. Another engine (a cloud OCR, a GPU one) is one
class with `recognize()` and one `register_engine()` call; a Redis/arq queue can take the pool's
place because callers only `await pool.scan(data)`.
"""

from ocr.base import OcrEngine, OcrLine
from ocr.pool import OcrPool, QueueFull, ScanAborted
from ocr.registry import available_engines, get_engine, register_engine

__all__ = [
    "OcrEngine",
    "OcrLine",
    "OcrPool",
    "QueueFull",
    "ScanAborted",
    "available_engines",
    "get_engine",
    "register_engine",
]
