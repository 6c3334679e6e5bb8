"""Safe decoding: refuse what is not a reasonable image before it costs memory, with a reason.

Checks run in order of cost: byte size, format (from the header, not the file name),
dimensions and pixel count (from the header, before any pixel is decoded), then the decode
itself (truncated or corrupt data). JPEGs are decoded at a reduced scale when they are far
larger than OCR needs (`draft`), which bounds memory for 4000 px phone photos.
"""

from __future__ import annotations

import contextlib
import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

# Formats people send as photos or screenshots. MPO is the multi-picture JPEG some phones write.
ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "BMP", "TIFF", "MPO")
MULTI_FRAME_FORMATS = ("GIF", "WEBP", "PNG", "TIFF")
OCR_LONG_SIDE = 1600
OCR_MIN_LONG_SIDE = 1280


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 25 * 1024 * 1024
    max_side: int = 12_000
    max_pixels: int = 50_000_000  # 50 MP: more than any phone photo, far less than a bomb


DEFAULT_LIMITS = Limits()


class ImageRefused(ValueError):
    """The image was not decoded; `reason` is a short code, the message says why."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(reason, message)
        self.reason = reason
        self.message = message

    def __str__(self) -> str:
        return f"{self.reason}: {self.message}"


def decode_image(
    data: bytes,
    *,
    limits: Limits = DEFAULT_LIMITS,
    target_long_side: int | None = None,
    frame: int = 0,
) -> Image.Image:
    """Decode `data` into an upright RGB image, or raise ImageRefused.

    With `target_long_side`, JPEGs are decoded at the smallest power-of-two scale that still
    covers it (the caller shrinks the rest). `frame` picks a frame of an animation or a page
    of a multi-page file (see `frame_count`).
    """
    if not data:
        raise ImageRefused("empty", "no image data")
    if len(data) > limits.max_bytes:
        raise ImageRefused("file_too_large", f"{len(data)} bytes; the limit is {limits.max_bytes}")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            Image.init()
            formats = [f for f in ALLOWED_FORMATS if f in Image.OPEN]
            img = Image.open(io.BytesIO(data), formats=formats)
    except UnidentifiedImageError as exc:
        raise ImageRefused("not_an_image", "not a JPEG, PNG, WebP, GIF, BMP or TIFF image") from exc
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageRefused("decompression_bomb", "declared size is far beyond any photo") from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise ImageRefused("corrupt", "the image header cannot be read") from exc
    w, h = img.size
    if w < 1 or h < 1:
        raise ImageRefused("corrupt", "the image has no pixels")
    if max(w, h) > limits.max_side:
        raise ImageRefused(
            "dimensions_too_large", f"{w}x{h} px; the limit is {limits.max_side} px a side"
        )
    if w * h > limits.max_pixels:
        raise ImageRefused(
            "decompression_bomb",
            f"{w}x{h} px = {w * h / 1e6:.0f} MP; the limit is {limits.max_pixels / 1e6:.0f} MP",
        )
    try:
        if frame or getattr(img, "n_frames", 1) > 1:
            img.seek(frame)  # animations and multi-page files: the frame asked for
        if target_long_side and img.format in ("JPEG", "MPO"):
            img.draft("RGB", (target_long_side, target_long_side))
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageRefused("decompression_bomb", "decoded size is far beyond any photo") from exc
    except OSError as exc:
        # Pillow says "image file is truncated" / "broken data stream" here.
        raise ImageRefused("truncated", "the image data is cut short or damaged") from exc
    except (SyntaxError, ValueError, EOFError, MemoryError) as exc:
        raise ImageRefused("corrupt", "the image data cannot be decoded") from exc
    upright: Image.Image = img
    # A broken EXIF block must not lose the image: keep it as stored.
    with contextlib.suppress(Exception):
        upright = ImageOps.exif_transpose(img) or img
    return _to_rgb(upright)


def _to_rgb(img: Image.Image) -> Image.Image:
    if img.mode == "RGB":
        return img
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        white = Image.new("RGB", rgba.size, (255, 255, 255))
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    if img.mode in ("I;16", "I;16B", "I;16L", "I"):
        img = img.point(lambda v: v / 256).convert("L")
    return img.convert("RGB")


def shrink(img: Image.Image, long_side: int = OCR_LONG_SIDE) -> Image.Image:
    """Scale down so the long side is at most `long_side` (never up)."""
    w, h = img.size
    if max(w, h) <= long_side:
        return img
    s = long_side / max(w, h)
    return img.resize(
        (max(1, round(w * s)), max(1, round(h * s))), Image.Resampling.LANCZOS, reducing_gap=3.0
    )


def enlarge(img: Image.Image, long_side: int = OCR_MIN_LONG_SIDE) -> Image.Image:
    """Scale small images up so the long side is `long_side`: small text on an 800 px photo of a
    card is 10-14 px high, below what the text detector finds reliably."""
    w, h = img.size
    if max(w, h) >= long_side or min(w, h) < 16:
        return img
    s = long_side / max(w, h)
    return img.resize((max(1, round(w * s)), max(1, round(h * s))), Image.Resampling.BICUBIC)


def frame_count(data: bytes, limits: Limits = DEFAULT_LIMITS) -> int:
    """Frames worth reading: an animated GIF, WebP or PNG, or a multi-page TIFF, has several;
    everything else (MPO's second picture is a preview of the first) counts as one."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            Image.init()
            img = Image.open(io.BytesIO(data[: limits.max_bytes]))
            if img.format not in MULTI_FRAME_FORMATS:
                return 1
            return max(1, int(getattr(img, "n_frames", 1)))
    except Exception:
        return 1  # decode_image gives the reason


def load_for_ocr(
    data: bytes,
    *,
    limits: Limits = DEFAULT_LIMITS,
    long_side: int = OCR_LONG_SIDE,
    frame: int = 0,
) -> Image.Image:
    """Decode safely, turn upright per EXIF, and scale for OCR (long side 1280-1600 px)."""
    img = decode_image(data, limits=limits, target_long_side=long_side, frame=frame)
    return enlarge(shrink(img, long_side), min(OCR_MIN_LONG_SIDE, long_side))
