"""An optional second engine: the Tesseract command line (`apt-get install tesseract-ocr-chi-tra`).

Not the default: on our synthetic card photos it missed a third of ID numbers on rotated or
busy photos (see bench/bench_image.py --compare). It is here because it shows the seam: an
engine is a class with `recognize()`, registered by name.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from typing import TYPE_CHECKING

from ocr.base import OcrLine, as_rgb

if TYPE_CHECKING:
    from PIL import Image


class TesseractEngine:
    name = "tesseract"

    def __init__(self, *, languages: str = "chi_tra+eng", timeout: float = 60.0) -> None:
        exe = shutil.which("tesseract")
        if exe is None:
            raise RuntimeError(
                "tesseract not installed (Debian: apt-get install tesseract-ocr-chi-tra)"
            )
        self._exe = exe
        self._languages = languages
        self._timeout = timeout

    def recognize(self, image: Image.Image) -> list[OcrLine]:
        img = as_rgb(image)
        buf = io.BytesIO()
        img.save(buf, "PNG")  # piped through stdin: the image never touches the disk
        proc = subprocess.run(
            [self._exe, "stdin", "stdout", "-l", self._languages, "tsv"],
            input=buf.getvalue(),
            capture_output=True,
            timeout=self._timeout,
            check=False,
        )
        if proc.returncode != 0:
            raise RuntimeError(f"tesseract failed with exit status {proc.returncode}")
        # Words (level 5) grouped into their line (block, paragraph, line).
        groups: dict[tuple[str, str, str], list[dict[str, str]]] = {}
        reader = csv.DictReader(
            io.StringIO(proc.stdout.decode("utf-8", "replace")),
            delimiter="\t",
            quoting=csv.QUOTE_NONE,
        )
        for row in reader:
            if row.get("level") == "5" and (row.get("text") or "").strip():
                groups.setdefault((row["block_num"], row["par_num"], row["line_num"]), []).append(
                    row
                )
        lines = []
        for words in groups.values():
            x0 = min(int(w["left"]) for w in words)
            y0 = min(int(w["top"]) for w in words)
            x1 = max(int(w["left"]) + int(w["width"]) for w in words)
            y1 = max(int(w["top"]) + int(w["height"]) for w in words)
            text = "".join(w["text"] for w in words)
            score = sum(max(0.0, float(w["conf"])) for w in words) / (100.0 * len(words))
            box = (
                (float(x0), float(y0)),
                (float(x1), float(y0)),
                (float(x1), float(y1)),
                (float(x0), float(y1)),
            )
            lines.append(OcrLine(text=text, box=box, score=score))
        return lines
