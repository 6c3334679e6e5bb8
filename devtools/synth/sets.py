"""The kinds of image, and the generated set: every kind drawn, photographed at a size and
quality, labelled; `python -m devtools.synth OUT_DIR` writes it as JPEGs + labels.jsonl."""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from devtools.synth.camera import photograph, to_jpeg
from devtools.synth.documents import (
    classified_doc,
    driver_license,
    health_card,
    household_register,
    id_card_back,
    id_card_front,
    passport,
    record_screenshot,
    resident_certificate,
    warrant,
)
from devtools.synth.fonts import FontsMissing, fonts_available
from devtools.synth.ordinary import (
    business_card,
    chart,
    chat_screenshot,
    meeting_notice,
    member_card,
    menu,
    photo,
    poster,
    receipt,
    staff_badge,
)


@dataclass(frozen=True)
class Kind:
    name: str
    draw: Callable[[random.Random], Image.Image]
    doc_type: str | None  # expected doc type; None for ordinary images
    flat: bool = False  # a screenshot: no perspective or background
    # Smallest photo size that keeps the body text legible: a whole A4 page in an 800 px photo
    # has 7 px text, illegible to people and engines alike, so pages start at 1040 px.
    min_side: int = 800


SENSITIVE: tuple[Kind, ...] = (
    Kind("id_card_front", id_card_front, "id_card"),
    Kind("id_card_back", id_card_back, "id_card"),
    Kind("health_card", health_card, "health_insurance_card"),
    Kind("driver_license", driver_license, "driver_license"),
    Kind("resident_certificate", resident_certificate, "resident_certificate"),
    Kind("passport", passport, "passport"),
    Kind("warrant", warrant, "warrant_document", min_side=1040),
    Kind("record_screenshot", record_screenshot, "record_screenshot", flat=True),
    Kind("household_register", household_register, "household_register", min_side=1040),
    Kind("classified", classified_doc, "classified", min_side=1040),
)
ORDINARY: tuple[Kind, ...] = (
    Kind("meeting_notice", meeting_notice, None, min_side=1040),
    Kind("chart", chart, None, flat=True),
    Kind("menu", menu, None, min_side=1040),
    Kind("receipt", receipt, None),
    Kind("poster", poster, None, min_side=1040),
    Kind("photo", photo, None, flat=True),
    Kind("business_card", business_card, None),
    Kind("staff_badge", staff_badge, None),
    Kind("member_card", member_card, None),
    Kind("chat_screenshot", chat_screenshot, None, flat=True),
)
KINDS = SENSITIVE + ORDINARY


@dataclass(frozen=True)
class Sample:
    name: str
    kind: str
    doc_type: str | None  # expected; None for ordinary images
    label: str  # "flag" or "allow"
    long_side: int
    condition: str  # short description of the photo conditions
    data: bytes


SIZES = (800, 1040, 1280, 1600, 2048, 2560, 3000, 4000)


def generate(seed: int = 7, per_kind: int = 2) -> Iterator[Sample]:
    """Yield `per_kind` photographed samples of every kind, deterministic for a seed."""
    if not fonts_available():
        raise FontsMissing("CJK fonts missing: apt-get install fonts-noto-cjk fonts-wqy-zenhei")
    rng = random.Random(seed)
    n = 0
    for k in range(per_kind):
        for kind in KINDS:
            doc = kind.draw(rng)
            long_side = max(SIZES[(n * 3 + k) % len(SIZES)], kind.min_side)
            n += 1
            turn = 0
            exif = None
            cond = []
            r = rng.random()
            if r < 0.12:
                turn = rng.choice((1, 2, 3))
                cond.append(f"turned{turn * 90}")
            elif r < 0.22:
                # pixels stored sideways, EXIF says how to show them (as phones do)
                turn = 3
                exif = 6
                cond.append("exif6")
            img = photograph(doc, rng, long_side, flat=kind.flat, turn=turn)
            q = rng.randint(45, 92)
            cond.append(f"q{q}")
            data = to_jpeg(img, q, exif)
            yield Sample(
                name=f"{kind.name}-{k}",
                kind=kind.name,
                doc_type=kind.doc_type,
                label="flag" if kind.doc_type else "allow",
                long_side=long_side,
                condition=" ".join(cond),
                data=data,
            )


def main(argv: list[str] | None = None) -> int:
    import argparse

    import devtools.synth

    p = argparse.ArgumentParser(
        prog="python -m devtools.synth",
        description=devtools.synth.__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("out", type=Path)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--per-kind", type=int, default=2)
    args = p.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "labels.jsonl", "w", encoding="utf-8") as f:
        for s in generate(args.seed, args.per_kind):
            (args.out / f"{s.name}.jpg").write_bytes(s.data)
            rec = {
                "image": f"{s.name}.jpg",
                "kind": s.kind,
                "doc_type": s.doc_type,
                "expect": s.label,
                "long_side": s.long_side,
                "condition": s.condition,
            }
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return 0
