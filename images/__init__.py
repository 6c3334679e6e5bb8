"""The image pipeline: safe decoding, orientation, OCR (through an ocr/ engine), text detection
on the OCR text, document type; a worker pool that runs it off the event loop.

    scan_image(data, *, engine=None, settings=ScanSettings()) -> ScanResult   (doc_type set)
    pool = OcrPool.from_config(config); await pool.start(); await pool.scan(data)

Layers, each importing only those before it: decode, layout, mrz -> orient, doctype,
page_kinds -> evidence -> scan (one page's lines to a result) -> pdf -> content (a file by its bytes:
`scan_image`) -> pool. `ImageRefused` is the one "not scanned, and why" error, from a
refused file to a scan stopped at the pool's time or memory limit.
"""

from images.content import scan_image
from images.decode import ImageRefused
from images.pool import OcrPool, OcrUnavailable, QueueFull
from images.scan import ScanSettings

__all__ = ["ImageRefused", "OcrPool", "OcrUnavailable", "QueueFull", "ScanSettings", "scan_image"]
