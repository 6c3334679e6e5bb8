"""Photo conditions: a drawn page put on a background, turned, warped in perspective, blurred,
resized and JPEG-compressed (with an EXIF orientation when asked)."""

from __future__ import annotations

import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter

# ---------------------------------------------------------------------------------------------
# Photo conditions


def _perspective_coeffs(
    src: list[tuple[float, float]], dst: list[tuple[float, float]]
) -> list[float]:
    """Coefficients for Image.transform(PERSPECTIVE) mapping output points `dst` to input `src`."""
    import numpy as np

    rows = []
    rhs = []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs += [u, v]
    return [
        float(c) for c in np.linalg.solve(np.array(rows, dtype=float), np.array(rhs, dtype=float))
    ]


def _background(rng: random.Random, w: int, h: int) -> Image.Image:
    import numpy as np

    base = np.array(
        [rng.randint(60, 200), rng.randint(50, 180), rng.randint(40, 160)], dtype=np.float32
    )
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    shade = 1.0 + 0.25 * ((xx / w) - 0.5) * rng.choice((-1, 1)) + 0.15 * ((yy / h) - 0.5)
    grain = np.random.default_rng(rng.randint(0, 2**31)).normal(0, 6, (h, w, 1)).astype(np.float32)
    arr = np.clip(base * shade[..., None] + grain, 0, 255).astype(np.uint8)
    return Image.fromarray(arr, "RGB")


def photograph(
    doc: Image.Image, rng: random.Random, long_side: int, *, flat: bool = False, turn: int = 0
) -> Image.Image:
    """Put `doc` in a photo: background, tilt, perspective, light, blur, final size; `turn` in 90° steps."""
    if flat:
        out = doc
    else:
        dw, dh = doc.size
        fill = rng.uniform(0.6, 0.88)
        scale = fill * 1000 / max(dw, dh)
        doc = doc.resize(
            (max(1, int(dw * scale)), max(1, int(dh * scale))), Image.Resampling.LANCZOS
        )
        dw, dh = doc.size
        W, H = (1400, 1050) if dw >= dh else (1050, 1400)
        bg = _background(rng, W, H)
        ox, oy = (W - dw) // 2 + rng.randint(-40, 40), (H - dh) // 2 + rng.randint(-40, 40)
        j = 0.05 * min(dw, dh)
        dst = [
            (ox + rng.uniform(-j, j), oy + rng.uniform(-j, j)),
            (ox + dw + rng.uniform(-j, j), oy + rng.uniform(-j, j)),
            (ox + dw + rng.uniform(-j, j), oy + dh + rng.uniform(-j, j)),
            (ox + rng.uniform(-j, j), oy + dh + rng.uniform(-j, j)),
        ]
        # Tilt the whole card/page: turn its corners about the frame's centre (one warp, no
        # second resampling pass).
        angle = math.radians(rng.uniform(-8, 8))
        ca, sa = math.cos(angle), math.sin(angle)
        dst = [
            (
                W / 2 + (x - W / 2) * ca - (y - H / 2) * sa,
                H / 2 + (x - W / 2) * sa + (y - H / 2) * ca,
            )
            for x, y in dst
        ]
        src = [(0.0, 0.0), (float(dw), 0.0), (float(dw), float(dh)), (0.0, float(dh))]
        coeffs = _perspective_coeffs(src, dst)
        warped = doc.transform(
            (W, H), Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BILINEAR
        )
        mask = Image.new("L", doc.size, 255).transform(
            (W, H), Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BILINEAR
        )
        bg.paste(warped, (0, 0), mask)
        out = bg
        # uneven light
        light = Image.new("L", out.size, 0)
        ImageDraw.Draw(light).ellipse(
            (-W * 0.3, -H * 0.3, W * rng.uniform(0.6, 1.2), H * rng.uniform(0.6, 1.2)),
            fill=rng.randint(20, 60),
        )
        out = Image.composite(Image.new("RGB", out.size, (255, 255, 240)), out, light)
    # Blur at working size (a camera's blur is relative to the frame), then scale to the final
    # size: cheaper than blurring a 4000 px frame, and the same to OCR after it shrinks to 1600.
    blur = rng.uniform(0.0, 1.2)
    if blur > 0.3:
        out = out.filter(ImageFilter.GaussianBlur(blur))
    w, h = out.size
    s = long_side / max(w, h)
    out = out.resize((max(1, round(w * s)), max(1, round(h * s))), Image.Resampling.BICUBIC)
    if turn:
        out = out.rotate(90 * turn, expand=True)
    return out


def to_jpeg(img: Image.Image, quality: int, exif_orientation: int | None = None) -> bytes:
    buf = io.BytesIO()
    if exif_orientation:
        exif = Image.Exif()
        exif[0x0112] = exif_orientation
        img.save(buf, "JPEG", quality=quality, exif=exif.tobytes())
    else:
        img.save(buf, "JPEG", quality=quality)
    return buf.getvalue()
