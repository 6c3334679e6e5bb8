"""The report's trend chart as a PNG, drawn with Pillow (no plotting library needed).

Top: incidents per day, this period beside the previous one. Bottom: incident types this
period. Labels are in the report's language when a CJK font is found (fc-match, then known
Debian / macOS paths); without one the chart falls back to English labels and Pillow's
built-in font, so it still renders on a bare machine.
"""

from __future__ import annotations

import io
import logging
import shutil
import subprocess
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from locales import t

log = logging.getLogger("bot.tips.chart")

KNOWN_CJK_FONTS: tuple[str, ...] = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Medium.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/System/Library/Fonts/PingFang.ttc",
)

WIDTH, HEIGHT = 1040, 800
BG = (255, 255, 255)
INK = (33, 37, 41)
GRID = (222, 226, 230)
CURRENT = (214, 51, 108)
PREVIOUS = (173, 181, 189)
TYPES = (13, 110, 253)

FontT = ImageFont.FreeTypeFont | ImageFont.ImageFont


@cache
def cjk_font_path() -> str | None:
    """A font file that can draw Traditional Chinese, or None."""
    if shutil.which("fc-match"):
        try:
            out = subprocess.run(
                ["fc-match", "-f", "%{file}", "sans-serif:lang=zh-tw"],
                capture_output=True,
                text=True,
                timeout=5,
                check=False,
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            out = ""
        if out and Path(out).exists() and _draws_cjk(out):
            return out
    for path in KNOWN_CJK_FONTS:
        if Path(path).exists() and _draws_cjk(path):
            return path
    return None


def _draws_cjk(path: str) -> bool:
    try:
        font = ImageFont.truetype(path, 20)
    except OSError:
        return False
    # A font without the glyph draws nothing or a box; compare to a glyph it surely lacks.
    return (
        font.getbbox("洩")[2] > 0
        and font.getmask("洩").getbbox() != font.getmask("\U000f0000").getbbox()
    )


def _font(size: int, cjk: str | None) -> FontT:
    if cjk:
        return ImageFont.truetype(cjk, size)
    try:
        return ImageFont.load_default(size)
    except TypeError:  # very old Pillow: fixed-size bitmap font
        return ImageFont.load_default()


def _type_label(t: str, locale: str) -> str:
    from locales import messages

    return str(messages(locale).get(f"type.{t}") or t)


def render(
    report: dict[str, Any], locale: str = "zh-TW", *, font_path: str | None = "auto"
) -> bytes:
    """The chart as PNG bytes. `font_path=None` forces the no-CJK fallback (tests)."""
    cjk = cjk_font_path() if font_path == "auto" else font_path
    loc = locale if cjk else "en"
    title_f, label_f, small_f = _font(30, cjk), _font(20, cjk), _font(16, cjk)
    img = Image.new("RGB", (WIDTH, HEIGHT), BG)
    d = ImageDraw.Draw(img)

    # -- daily bars ----------------------------------------------------------------------
    d.text((40, 24), t("report.chart.title", loc), fill=INK, font=title_f)
    last = datetime.fromisoformat(report["period"]["end"]) - timedelta(seconds=1)
    period = f"{report['period']['start'][:10]} - {last.date().isoformat()}"
    d.text((40, 66), period, fill=INK, font=small_f)
    cur = list(report["daily"]["current"])
    prev = list(report["daily"]["previous"])
    left, top, right, bottom = 80, 110, WIDTH - 40, 420
    step = max(1, -(-max([1, *cur, *prev]) // 4))  # whole-number grid lines
    peak = step * 4
    for i in range(5):
        y = bottom - (bottom - top) * i / 4
        d.line((left, y, right, y), fill=GRID, width=1)
        d.text((left - 44, y - 10), str(step * i), fill=INK, font=small_f)
    first_day = datetime.fromisoformat(report["period"]["start"]).date()
    n = max(1, len(cur))
    slot = (right - left) / n
    bar = max(2.0, slot * 0.36)
    for i in range(n):
        x = left + slot * i + slot * 0.12
        for j, (vals, color) in enumerate(((prev, PREVIOUS), (cur, CURRENT))):
            v = vals[i] if i < len(vals) else 0
            if not v:
                continue
            h = (bottom - top) * v / peak
            x0 = x + j * bar
            d.rectangle((x0, bottom - h, x0 + bar - 1, bottom), fill=color)
        if n <= 14 or i % max(1, n // 10) == 0:
            day = first_day + timedelta(days=i)
            d.text((x, bottom + 6), f"{day.month}/{day.day}", fill=INK, font=small_f)
    lx = right - 330
    for k, (key, color) in enumerate(
        (("report.chart.current", CURRENT), ("report.chart.previous", PREVIOUS))
    ):
        d.rectangle((lx + k * 170, 70, lx + k * 170 + 18, 88), fill=color)
        d.text((lx + k * 170 + 26, 66), t(key, loc), fill=INK, font=small_f)
    total = report["incidents"]
    d.text(
        (left, bottom + 32),
        f"{total['total']} / {total['previous']}"
        + (f"  ({total['change_pct']:+.1f}%)" if total["change_pct"] is not None else ""),
        fill=INK,
        font=label_f,
    )

    # -- types ---------------------------------------------------------------------------
    d.text((40, 490), t("report.chart.types", loc), fill=INK, font=title_f)
    rows = [r for r in report["by_type"] if r["count"]][:6]
    tpeak = max([1, *(r["count"] for r in rows)])
    y = 540
    for r in rows:
        label = _type_label(r["type"], loc)
        d.text((40, y), label[:18], fill=INK, font=label_f)
        w = (WIDTH - 420) * r["count"] / tpeak
        d.rectangle((300, y + 4, 300 + w, y + 26), fill=TYPES)
        d.text((310 + w, y + 2), str(r["count"]), fill=INK, font=label_f)
        y += 40
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True)
    return buf.getvalue()
