"""Deterministic generator for the imgk image test set.

Run:  nice -n 10 /work/main/.venv/bin/python gen.py
Draws img/k0001.jpg ... and writes labels.jsonl. Same code -> same images and labels.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from core import capture  # noqa: E402
from kinds_allow import ALLOW  # noqa: E402
from kinds_flag import FLAG  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261203


def plan():
    items = []
    for doc, n, hard, styles, fn in ALLOW:
        for i in range(n):
            items.append(dict(doc=doc, expect="allow", types=[], hard=hard, styles=styles, fn=fn, i=i))
    for doc, n, hard, styles, types, fn in FLAG:
        for i in range(n):
            items.append(dict(doc=doc, expect="flag", types=types, hard=hard, styles=styles, fn=fn, i=i))
    random.Random(SEED).shuffle(items)  # ids carry no hint of the label
    return items


def main(only=None):
    t0 = time.time()
    os.makedirs(os.path.join(HERE, "img"), exist_ok=True)
    items = plan()
    out = []
    for k, it in enumerate(items):
        iid = "k%04d" % (k + 1)
        r = random.Random(SEED * 1000 + k)
        styles = it["styles"]
        # spread styles evenly within a kind, then let the seed pick the rest
        style = styles[(it["i"] + r.randrange(len(styles))) % len(styles)]
        if it["expect"] == "flag" and style == "crop":
            style = "crop_keep"
        if only and it["doc"] not in only:
            continue
        img, note = it["fn"](r)
        cap_style = "crop" if style == "crop_keep" else style
        if style == "crop_keep":
            # a partial view that still shows the leaking fields
            w, h = img.size
            fw, fh = r.uniform(0.82, 0.95), r.uniform(0.8, 0.95)
            x0, y0 = r.uniform(0, 1 - fw) * w, r.uniform(0, 1 - fh) * h
            img = img.crop((int(x0), int(y0), int(x0 + fw * w), int(y0 + fh * h)))
            cap_style = "screenshot"
        im, q, sdesc = capture(img, cap_style, r)
        if style == "crop_keep":
            sdesc = "crop+" + sdesc
        fn = iid + ".jpg"
        im.save(os.path.join(HERE, "img", fn), "JPEG", quality=q)
        hard = it["hard"]
        if it["expect"] == "flag" and cap_style in ("small", "monitor", "photo_dark", "photo_rot90", "scene_dark", "scene_rot90"):
            hard = True  # leak is there but hard to read
        out.append(dict(id=iid, image=fn, expect=it["expect"], types=it["types"], doc=it["doc"], style=sdesc, note=note, hard=hard))
    if not only:
        with open(os.path.join(HERE, "labels.jsonl"), "w", encoding="utf-8") as f:
            for o in out:
                f.write(json.dumps(o, ensure_ascii=False) + "\n")
    print("wrote %d images in %.1fs" % (len(out), time.time() - t0))


if __name__ == "__main__":
    main(set(sys.argv[1:]) or None)
