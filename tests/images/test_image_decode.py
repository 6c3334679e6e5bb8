"""Safe decoding: every refusal has a reason; good images come out upright, RGB and shrunk."""

from __future__ import annotations

import io
import zlib

import pytest
from PIL import Image

from images.decode import ImageRefused, Limits, decode_image, load_for_ocr


def _png(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def _jpeg(img: Image.Image, **kw: object) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", **kw)
    return buf.getvalue()


def _png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG that declares a huge canvas (the classic decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")
        )

    ihdr = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    idat = zlib.compress(b"\x00" * 1024, 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def _reason(data: bytes, **kw: object) -> str:
    with pytest.raises(ImageRefused) as info:
        load_for_ocr(data, **kw)  # type: ignore[arg-type]
    assert info.value.message  # always a readable explanation
    return info.value.reason


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"hello, this is a text message", "not_an_image"),
        (b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", "not_an_image"),
        (b"<html><body>not an image</body></html>", "not_an_image"),
        (b"\xff\xd8\xff", "not_an_image"),  # a JPEG signature and nothing else
    ],
)
def test_non_images_are_refused(data: bytes, reason: str) -> None:
    assert _reason(data) == reason


def test_decompression_bomb_is_refused_before_decoding() -> None:
    bomb = _png_header_only(60_000, 60_000)  # 3.6 gigapixels in a few hundred bytes
    assert len(bomb) < 2000
    assert _reason(bomb) == "decompression_bomb"


def test_pixel_count_limit() -> None:
    data = _png(Image.new("L", (3000, 3000)))
    assert _reason(data, limits=Limits(max_pixels=4_000_000)) == "decompression_bomb"


def test_huge_dimensions_are_refused() -> None:
    assert _reason(_png_header_only(20_000, 50)) == "dimensions_too_large"


def test_file_size_limit() -> None:
    data = _jpeg(Image.new("RGB", (200, 200), "white"))
    assert _reason(data, limits=Limits(max_bytes=100)) == "file_too_large"


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_truncated_files_are_refused(fmt: str) -> None:
    img = Image.effect_noise((600, 400), 60).convert("RGB")
    buf = io.BytesIO()
    img.save(buf, fmt)
    data = buf.getvalue()
    assert _reason(data[: len(data) // 2]) == "truncated"


def test_exif_orientation_is_applied() -> None:
    img = Image.new("RGB", (400, 200), "white")
    img.paste((255, 0, 0), (0, 0, 50, 200))  # a red band on the left edge as stored
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display"
    out = decode_image(_jpeg(img, exif=exif.tobytes()))
    assert out.size == (200, 400)
    pixel = out.getpixel((100, 10))  # the band is now at the top
    assert isinstance(pixel, tuple) and pixel[0] > 200 and pixel[1] < 80


def test_transparency_becomes_white_and_mode_is_rgb() -> None:
    img = Image.new("RGBA", (100, 100), (0, 0, 0, 0))
    out = decode_image(_png(img))
    assert out.mode == "RGB"
    assert out.getpixel((50, 50)) == (255, 255, 255)


def test_animated_gif_gives_its_first_frame() -> None:
    frames = [Image.new("P", (80, 60), i * 40) for i in range(3)]
    buf = io.BytesIO()
    frames[0].save(buf, "GIF", save_all=True, append_images=frames[1:])
    assert decode_image(buf.getvalue()).size == (80, 60)


def test_large_photos_are_shrunk_to_1600_on_the_long_side() -> None:
    data = _jpeg(Image.new("RGB", (4000, 3000), (120, 130, 140)), quality=70)
    out = load_for_ocr(data)
    assert max(out.size) == 1600
    assert out.size == (1600, 1200)


def test_small_images_are_enlarged_for_ocr_but_decoded_as_they_are() -> None:
    data = _png(Image.new("RGB", (640, 480), "white"))
    assert decode_image(data).size == (640, 480)
    assert load_for_ocr(data).size == (1280, 960)  # 10 px text becomes findable
