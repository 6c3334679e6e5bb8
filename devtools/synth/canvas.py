"""Drawing helpers shared by the document and ordinary-image drawers: the canvas, portraits,
guilloche, dates, an A4 page, paragraphs, a phone screen."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from PIL import Image, ImageDraw

from devtools.synth.fonts import font

# ---------------------------------------------------------------------------------------------
# Drawing helpers


@dataclass
class Canvas:
    img: Image.Image
    draw: ImageDraw.ImageDraw

    @classmethod
    def new(cls, w: int, h: int, color: tuple[int, int, int] = (255, 255, 255)) -> Canvas:
        img = Image.new("RGB", (w, h), color)
        return cls(img, ImageDraw.Draw(img))

    def text(
        self,
        xy: tuple[float, float],
        s: str,
        size: int,
        kind: str = "sans",
        fill: tuple[int, int, int] = (20, 20, 20),
        anchor: str | None = None,
    ) -> None:
        self.draw.text(xy, s, font=font(kind, size), fill=fill, anchor=anchor)

    def width_of(self, s: str, size: int, kind: str = "sans") -> float:
        return self.draw.textlength(s, font=font(kind, size))


def portrait(c: Canvas, box: tuple[int, int, int, int], rng: random.Random) -> None:
    x0, y0, x1, y1 = box
    c.draw.rectangle(
        box, fill=(rng.randint(180, 220), rng.randint(190, 225), rng.randint(200, 235))
    )
    cx, w = (x0 + x1) / 2, x1 - x0
    skin = (rng.randint(200, 235), rng.randint(160, 195), rng.randint(130, 165))
    c.draw.ellipse(
        (cx - w * 0.22, y0 + (y1 - y0) * 0.15, cx + w * 0.22, y0 + (y1 - y0) * 0.55), fill=skin
    )
    c.draw.ellipse(
        (cx - w * 0.42, y0 + (y1 - y0) * 0.6, cx + w * 0.42, y1 + (y1 - y0) * 0.3),
        fill=(40, 50, 70),
    )


def guilloche(c: Canvas, rng: random.Random, color: tuple[int, int, int]) -> None:
    w, h = c.img.size
    for k in range(14):
        pts = []
        phase, amp, freq = rng.random() * 6, h * (0.03 + 0.04 * rng.random()), 2 + rng.random() * 4
        base = h * (k + 0.5) / 14
        for x in range(0, w + 10, 10):
            pts.append((x, base + amp * math.sin(phase + freq * x / w * math.pi * 2)))
        c.draw.line(pts, fill=color, width=1)


def date_text(y: int, m: int, d: int) -> str:
    return f"民國{y}年{m}月{d}日"


def a4(rng: random.Random) -> Canvas:
    return Canvas.new(
        1240, 1754, (rng.randint(248, 255), rng.randint(248, 255), rng.randint(244, 252))
    )


def paragraphs(c: Canvas, x: int, y: int, lines: list[str], size: int = 34, gap: int = 20) -> int:
    for line in lines:
        c.text((x, y), line, size, "serif")
        y += size + gap
    return y


def phone_screen(rng: random.Random) -> Canvas:
    c = Canvas.new(1080, 2160, (250, 250, 250))
    c.draw.rectangle((0, 0, 1080, 70), fill=(30, 30, 30))
    c.text((40, 14), f"{rng.randint(8, 17)}:{rng.randint(10, 59)}", 34, "sans", (255, 255, 255))
    c.text((900, 14), f"{rng.randint(20, 99)}%", 34, "sans", (255, 255, 255))
    return c
