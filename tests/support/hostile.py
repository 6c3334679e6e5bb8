"""Hostile and tricky files built from plain bytes in the tests (no binaries in the repo)."""

from __future__ import annotations

import io


def write_pdf(objects: list[bytes]) -> bytes:
    """A PDF from object bodies (object i+1 = objects[i]; 1 = catalog) with a valid xref."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(
        b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def _stream(head: bytes, data: bytes) -> bytes:
    return b"<<" + head + b"/Length %d>>stream\n" % len(data) + data + b"\nendstream"


def form_bomb(levels: int = 10, fan_out: int = 10, *, hex_forms: bool = False) -> bytes:
    """One page that draws form X0; each form Xk draws X(k+1) `fan_out` times: the page
    expands into fan_out**levels drawings from a file of a few KB. `hex_forms` encodes the
    forms' content with ASCIIHexDecode (PDFium reads it; the structure check does not)."""
    first_form = 5
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]"
        b"/Resources<</XObject<</X0 %d 0 R>>>>/Contents 4 0 R>>" % first_form,
        _stream(b"", b"q 500 0 0 700 40 60 cm /X0 Do Q"),
    ]
    for k in range(levels):
        if k == levels - 1:
            body, res = b"0 0 1 1 re f", b""
        else:
            body = b" ".join(b"q 0.9 0 0 0.9 0.05 0.05 cm /Xn Do Q" for _ in range(fan_out))
            res = b"/Resources<</XObject<</Xn %d 0 R>>>>" % (first_form + k + 1)
        head = b"/Type/XObject/Subtype/Form/BBox[0 0 1 1]" + res
        if hex_forms:
            head, body = head + b"/Filter/ASCIIHexDecode", body.hex().encode() + b">"
        objects.append(_stream(head, body))
    return write_pdf(objects)


def text_pages_pdf(pages: list[list[str]]) -> bytes:
    """A PDF with one page per entry, each with a real text layer (Courier)."""
    n = len(pages)
    font = 3 + 2 * n
    kids = b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(n))
    objects = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[%s]/Count %d>>" % (kids, n)]
    for i, lines in enumerate(pages):
        ops = ["BT /F1 11 Tf 40 800 Td 16 TL"]
        for ln in lines:
            esc = ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({esc}) '")
        ops.append("ET")
        objects.append(
            b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 %d 0 R>>>>"
            b"/Contents %d 0 R>>" % (font, 4 + 2 * i)
        )
        objects.append(_stream(b"", "\n".join(ops).encode("latin-1")))
    objects.append(b"<</Type/Font/Subtype/Type1/BaseFont/Courier>>")
    return write_pdf(objects)
