"""PDFs: the structure checked first, every page's text layer read, the first scanned pages OCR'd.

A forwarded 公文, warrant or name list often travels as a PDF. Before PDFium (pypdfium2, the
engine Chrome uses) sees the file, `check_structure` reads its objects from the raw bytes
(object streams included) and refuses, with reason `pdf_too_complex`, a file whose page tree
loops or nests absurdly deep, or whose form XObjects draw each other so that one page would
expand into more than `MAX_DRAWS` drawings or nest deeper than `MAX_NESTING` (the "form that
draws a form ten times per level" bomb: PDFium would parse every copy). Then, in the worker:
- every page (up to `MAX_TEXT_PAGES`) is read from its text layer (exact, no OCR);
- pages with no usable text layer are rendered at a long side of 1600 px and OCR'd, the first
  `MAX_OCR_PAGES` of them;
- when pages were left unread (more pages, or more scanned pages, than that), the result says
  so: a reason `partial.pdf:<n> pages not read` (the service tells the admins).
Other refusals use the image reasons: `not_an_image`/`corrupt` for a broken file,
`encrypted` for a password-protected one, `dimensions_too_large` for absurd page sizes.
The worker's own time and memory limits (images/pool.py) bound whatever this check misses.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field

from detectors import ScanResult
from images.decode import OCR_LONG_SIDE, ImageRefused
from images.orient import ocr_upright
from images.scan import DEFAULT_SETTINGS, ScanSettings, analyse_lines, merge_results
from ocr.base import OcrEngine, OcrLine

MAX_OCR_PAGES = 5
MAX_TEXT_PAGES = 300
MAX_PAGE_POINTS = 14_400  # PDF's own limit for a page side (200 inches)
MIN_TEXT_CHARS = 20  # a page with less text than this in its text layer is treated as a scan
MAX_OBJECTS = 200_000
MAX_DRAWS = 20_000  # form drawings one page may expand into (a map may reuse a symbol 5,000 times)
MAX_NESTING = 12  # forms inside forms
MAX_TREE_DEPTH = 64  # page tree levels
MAX_INFLATE = 16 * 1024 * 1024  # bytes one stream may inflate to during the check


def find_pdf(data: bytes) -> int | None:
    """Offset of the `%PDF-` header: at the start (within the first 1 KB, as readers allow) or
    anywhere after other content (a PDF appended to an image); None when there is none."""
    at = data.find(b"%PDF-")
    return at if at >= 0 else None


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF-")


# --- the structure check ----------------------------------------------------------------------

_OBJ = re.compile(rb"(\d{1,10})\s+(\d{1,5})\s+obj\b")
_REF = rb"(\d{1,10})\s+\d{1,5}\s+R\b"
_NAME_REF = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*" + _REF)
_DO = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do\b")
_STREAM = re.compile(rb"stream\r?\n")
_FORM = re.compile(rb"/Subtype\s*/Form\b")


@dataclass
class _Obj:
    head: bytes  # the object's dictionary (and anything before `stream`)
    stream: bytes | None  # raw stream bytes (still encoded)
    xobjects: dict[bytes, int] = field(default_factory=dict)


def _inflate(raw: bytes) -> bytes | None:
    d = zlib.decompressobj()
    try:
        out = d.decompress(raw, MAX_INFLATE)
    except zlib.error:
        return None
    if d.unconsumed_tail:
        raise ImageRefused("pdf_too_complex", "a stream inflates beyond the check's limit")
    return out


def _decoded(obj: _Obj) -> bytes | None:
    """The stream's bytes when unfiltered or Flate-encoded; None for other filters."""
    if obj.stream is None:
        return None
    if b"/Filter" not in obj.head:
        return obj.stream
    if re.search(rb"/Filter\s*\[?\s*/FlateDecode\s*\]?", obj.head) and b"/DecodeParms" not in (
        obj.head
    ):
        return _inflate(obj.stream)
    return None


def _dict_after(text: bytes, key: bytes) -> bytes | None:
    """The `<< ... >>` dictionary (balanced) that follows `key`, or None."""
    at = text.find(key)
    while at >= 0:
        i = at + len(key)
        while i < len(text) and text[i : i + 1].isspace():
            i += 1
        if text[i : i + 2] == b"<<":
            depth, j = 0, i
            while j < len(text) - 1:
                two = text[j : j + 2]
                if two == b"<<":
                    depth += 1
                    j += 2
                    continue
                if two == b">>":
                    depth -= 1
                    j += 2
                    if depth == 0:
                        return text[i:j]
                    continue
                j += 1
            return text[i:]
        at = text.find(key, at + 1)
    return None


def _ref_after(text: bytes, key: bytes) -> int | None:
    m = re.search(re.escape(key) + rb"\s*" + _REF, text)
    return int(m.group(1)) if m else None


def _objects(data: bytes) -> dict[int, _Obj]:
    objs: dict[int, _Obj] = {}
    matches = list(_OBJ.finditer(data))
    if len(matches) > MAX_OBJECTS:
        raise ImageRefused("pdf_too_complex", f"{len(matches)} objects")
    for k, m in enumerate(matches):
        end = matches[k + 1].start() if k + 1 < len(matches) else len(data)
        body = data[m.end() : end]
        stop = body.find(b"endobj")
        if stop >= 0:
            body = body[:stop]
        s = _STREAM.search(body)
        if s is not None:
            head, stream = body[: s.start()], body[s.end() :]
            e = stream.rfind(b"endstream")
            stream = stream[:e] if e >= 0 else stream
        else:
            head, stream = body, None
        objs[int(m.group(1))] = _Obj(head, stream)  # a later revision overrides
    for obj in list(objs.values()):  # objects inside object streams (PDF 1.5)
        if re.search(rb"/Type\s*/ObjStm\b", obj.head):
            _objstm(obj, objs)
    if len(objs) > MAX_OBJECTS:
        raise ImageRefused("pdf_too_complex", f"{len(objs)} objects")
    return objs


def _objstm(obj: _Obj, objs: dict[int, _Obj]) -> None:
    raw = _decoded(obj)
    first = re.search(rb"/First\s+(\d+)", obj.head)
    if raw is None or first is None:
        return
    start = int(first.group(1))
    nums = [int(x) for x in raw[:start].split()]
    pairs = list(zip(nums[0::2], nums[1::2], strict=False))
    for i, (num, off) in enumerate(pairs):
        end = pairs[i + 1][1] if i + 1 < len(pairs) else len(raw) - start
        objs.setdefault(num, _Obj(raw[start + off : start + end], None))


def _xobjects(obj: _Obj, objs: dict[int, _Obj]) -> dict[bytes, int]:
    """Name -> object number of the XObjects in `obj`'s resources."""
    head = obj.head
    res_ref = _ref_after(head, b"/Resources")
    if res_ref is not None and res_ref in objs:
        head = objs[res_ref].head
    xref = _ref_after(head, b"/XObject")
    if xref is not None and xref in objs:
        table: bytes | None = objs[xref].head
    else:
        table = _dict_after(head, b"/XObject")
    if not table:
        return {}
    return {m.group(1): int(m.group(2)) for m in _NAME_REF.finditer(table)}


def check_structure(data: bytes) -> None:
    """Refuse (ImageRefused "pdf_too_complex") a PDF whose page tree or form nesting would
    cost PDFium unbounded time or memory. Cheap: no content is drawn."""
    objs = _objects(data)
    root = None
    for m in re.finditer(rb"/Root\s*" + _REF, data):
        root = int(m.group(1))
    catalog = objs.get(root) if root is not None else None
    pages_root = _ref_after(catalog.head, b"/Pages") if catalog is not None else None
    pages: list[int] = []
    if pages_root is not None:
        _walk_tree(objs, pages_root, pages)
    else:  # no catalog we can read: check every page object there is
        pages = [n for n, o in objs.items() if re.search(rb"/Type\s*/Page\b", o.head)]
    memo: dict[int, int] = {}
    for n in pages:
        page = objs[n]
        names = _xobjects(page, objs)
        if not names:
            continue
        draws = 0
        for content in _content_refs(page, objs):
            draws += _count_draws(content, names, objs, memo, set(), 1)
            if draws > MAX_DRAWS:
                raise ImageRefused(
                    "pdf_too_complex", f"a page draws more than {MAX_DRAWS} nested objects"
                )


def _walk_tree(objs: dict[int, _Obj], root: int, out: list[int]) -> None:
    stack: list[tuple[int, int]] = [(root, 0)]
    seen: set[int] = set()
    while stack:
        n, depth = stack.pop()
        if n in seen:
            raise ImageRefused("pdf_too_complex", "the page tree loops")
        seen.add(n)
        if depth > MAX_TREE_DEPTH:
            raise ImageRefused("pdf_too_complex", f"the page tree is over {MAX_TREE_DEPTH} deep")
        node = objs.get(n)
        if node is None:
            continue
        kids = re.search(rb"/Kids\s*\[([^\]]*)\]", node.head)
        if kids is None:
            out.append(n)
            continue
        for m in reversed(list(re.finditer(_REF, kids.group(1)))):
            stack.append((int(m.group(1)), depth + 1))


def _content_refs(page: _Obj, objs: dict[int, _Obj]) -> list[_Obj]:
    arr = re.search(rb"/Contents\s*\[([^\]]*)\]", page.head)
    if arr is not None:
        nums = [int(m.group(1)) for m in re.finditer(_REF, arr.group(1))]
    else:
        one = _ref_after(page.head, b"/Contents")
        nums = [one] if one is not None else []
    return [objs[n] for n in nums if n in objs]


def _count_draws(
    content: _Obj,
    names: dict[bytes, int],
    objs: dict[int, _Obj],
    memo: dict[int, int],
    path: set[int],
    depth: int,
) -> int:
    """How many XObject drawings `content` expands into, forms followed recursively."""
    raw = _decoded(content)
    if raw is None:
        return 0
    total = 0
    for m in _DO.finditer(raw):
        n = names.get(m.group(1))
        if n is None or n not in objs or not _FORM.search(objs[n].head):
            continue  # images and unknown names draw nothing further
        total += 1 + _form_draws(n, objs, memo, path, depth)
        if total > MAX_DRAWS:
            return total
    return total


def _form_draws(
    n: int, objs: dict[int, _Obj], memo: dict[int, int], path: set[int], depth: int
) -> int:
    if n in memo:
        return memo[n]
    form = objs[n]
    if n in path:
        raise ImageRefused("pdf_too_complex", "a form draws itself")
    if depth >= MAX_NESTING:
        raise ImageRefused("pdf_too_complex", f"forms nested over {MAX_NESTING} deep")
    path.add(n)
    names = _xobjects(form, objs)
    count = _count_draws(form, names, objs, memo, path, depth + 1) if names else 0
    path.discard(n)
    memo[n] = count
    return count


# --- reading the pages --------------------------------------------------------------------------


def _text_lines(text: str) -> list[OcrLine]:
    """Text-layer lines as OCR lines, stacked top to bottom (the layer is already in order)."""
    lines = []
    for i, raw in enumerate(t for t in text.splitlines() if t.strip()):
        y = 20.0 + 50.0 * i
        w = 20.0 * max(1, len(raw))
        lines.append(
            OcrLine(
                raw.strip(), ((10.0, y), (10.0 + w, y), (10.0 + w, y + 40), (10.0, y + 40)), 1.0
            )
        )
    return lines


@dataclass
class PdfPages:
    lines: list[list[OcrLine]]  # one entry per page read (text layer or OCR)
    total: int  # pages in the file
    not_read: int  # pages neither read from a text layer nor OCR'd


def pdf_pages(data: bytes, engine: OcrEngine) -> PdfPages:
    """Every page's text layer; the first scanned pages OCR'd."""
    import pypdfium2 as pdfium

    check_structure(data)
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ImageRefused("encrypted", "the PDF is password-protected") from exc
        raise ImageRefused("corrupt", "the PDF cannot be opened") from exc
    pages: list[list[OcrLine]] = []
    total = len(pdf)
    not_read = max(0, total - MAX_TEXT_PAGES)
    ocr_done = 0
    try:
        for index in range(min(total, MAX_TEXT_PAGES)):
            page = pdf[index]
            try:
                width, height = page.get_size()
                if max(width, height) > MAX_PAGE_POINTS or min(width, height) <= 0:
                    raise ImageRefused(
                        "dimensions_too_large", f"page {index + 1} is {width:.0f}x{height:.0f} pt"
                    )
                textpage = page.get_textpage()
                try:
                    text = textpage.get_text_bounded()
                finally:
                    textpage.close()
                if len("".join(text.split())) >= MIN_TEXT_CHARS:
                    pages.append(_text_lines(text))
                    continue
                if ocr_done >= MAX_OCR_PAGES:
                    not_read += 1
                    continue
                ocr_done += 1
                bitmap = page.render(scale=OCR_LONG_SIDE / max(width, height))
                try:
                    img = bitmap.to_pil().convert("RGB")
                finally:
                    bitmap.close()
                lines, _ = ocr_upright(engine, img)
                del img
                pages.append(lines)
            finally:
                page.close()
    finally:
        pdf.close()
    return PdfPages(pages, total, not_read)


def scan_pdf(
    data: bytes,
    *,
    engine: OcrEngine,
    settings: ScanSettings = DEFAULT_SETTINGS,
    salt: bytes | None = None,
    group_id: str | None = None,
) -> ScanResult:
    """One result for the whole PDF: the worst page decides; the first document type found wins."""
    read = pdf_pages(data, engine)
    merged = merge_results(
        [analyse_lines(lines, settings, salt=salt, group_id=group_id) for lines in read.lines]
    )
    if read.not_read:
        merged.reasons.append(f"partial.pdf:{read.not_read} of {read.total} pages not read")
    return merged
