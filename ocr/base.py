"""The engine interface: decoded pixels (a PIL image) in; text lines with boxes and confidences out.

Decoding untrusted bytes is not an engine's job: images/decode.py does it (limits, EXIF
orientation, scale) before any engine sees the pixels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from PIL import Image

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class OcrLine:
    """One line of text the engine read, with its quadrilateral and confidence (0..1)."""

    text: str
    box: tuple[Point, Point, Point, Point]  # top-left, top-right, bottom-right, bottom-left
    score: float

    @property
    def width(self) -> float:
        (x0, y0), (x1, y1), _, _ = self.box
        return float(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5)

    @property
    def height(self) -> float:
        (x0, y0), _, _, (x3, y3) = self.box
        return float(((x3 - x0) ** 2 + (y3 - y0) ** 2) ** 0.5)

    @property
    def center(self) -> Point:
        xs = [p[0] for p in self.box]
        ys = [p[1] for p in self.box]
        return (sum(xs) / 4, sum(ys) / 4)

    @property
    def upright(self) -> bool:
        """False when the box stands on its side (text running top to bottom)."""
        xs = [p[0] for p in self.box]
        ys = [p[1] for p in self.box]
        return (max(xs) - min(xs)) >= (max(ys) - min(ys)) or len(self.text) < 2


class OcrServiceError(RuntimeError):
    """The engine could not read the image for a reason outside the image: a remote OCR
    service down, timing out or answering outside its contract (ocr/http.py `HookError`).
    Engines raise it (or a subclass) so the image is recorded as not scanned and tried again
    later, never read as "no text found". The message names the problem, never text read."""


@runtime_checkable
class OcrEngine(Protocol):
    """What every OCR engine offers. Implementations load their models in `__init__`."""

    name: str

    def recognize(self, image: Image.Image) -> list[OcrLine]:
        """Read `image`, an already decoded PIL image (converted to RGB when it is not).
        Raises OcrServiceError when the engine (or the service behind it) fails."""
        ...


def as_rgb(image: Image.Image) -> Image.Image:
    return image if image.mode == "RGB" else image.convert("RGB")
