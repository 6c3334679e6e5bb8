"""OCR engines: one small interface, and a registry by name. Engines only: pixels in, lines out.

    engine = get_engine("rapidocr")          # loaded once per process, reused
    lines = engine.recognize(pil_image)       # [OcrLine(text, box, score), ...]

This package reads no file and imports nothing from images/: decoding untrusted bytes, turning
pages upright, the worker pool and the detection on the text are the image pipeline's
(images/). Another engine (a cloud OCR, a GPU one) is one class with `recognize()`, chosen
by BOT_OCR_ENGINE in one of three ways (ocr/registry.py): built-in (rapidocr, tesseract), an
installed plug-in package (entry point group `line_guard.ocr_engines`, examples/ocr_plugin/),
or the HTTP hook `http` (ocr/http.py, contract docs/ocr-hook.yaml).
"""

from ocr.base import OcrEngine, OcrLine, OcrServiceError
from ocr.registry import (
    HookSettings,
    UnknownEngine,
    available_engines,
    check_engine_name,
    create_engine,
    get_engine,
    register_engine,
)

__all__ = [
    "HookSettings",
    "OcrEngine",
    "OcrLine",
    "OcrServiceError",
    "UnknownEngine",
    "available_engines",
    "check_engine_name",
    "create_engine",
    "get_engine",
    "register_engine",
]
