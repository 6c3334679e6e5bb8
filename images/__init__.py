"""Images: safe decoding, orientation, OCR, text detection on the OCR text, document type.

scan_image(data: bytes, *, engine=None, config=None) -> ScanResult   (doc_type set)
"""

from images.decode import ImageRefused, Limits, decode_image, load_for_ocr
from images.scan import analyse_lines, scan_image

__all__ = ["ImageRefused", "Limits", "analyse_lines", "decode_image", "load_for_ocr", "scan_image"]
