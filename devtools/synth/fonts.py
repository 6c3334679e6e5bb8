"""The fonts the synthetic images are drawn with (Debian: fonts-noto-cjk, fonts-wqy-zenhei,
fonts-dejavu): every font path of the image generator is here."""

from __future__ import annotations

from pathlib import Path

from PIL import ImageFont

FONT_FILES = {
    "sans": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 3),
    "sans_bold": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 3),
    "serif": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 3),
    "wqy": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    "mono": ("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", 0),
}


class FontsMissing(RuntimeError):
    """The CJK fonts are not installed (Debian: apt-get install fonts-noto-cjk fonts-wqy-zenhei)."""


def fonts_available() -> bool:
    return all(Path(p).exists() for p, _ in FONT_FILES.values())


_font_cache: dict[tuple[str, int], ImageFont.FreeTypeFont] = {}


def font(kind: str, size: int) -> ImageFont.FreeTypeFont:
    key = (kind, size)
    if key not in _font_cache:
        path, index = FONT_FILES[kind]
        if not Path(path).exists():
            raise FontsMissing(f"font not found: {path}")
        _font_cache[key] = ImageFont.truetype(path, size, index=index)
    return _font_cache[key]
