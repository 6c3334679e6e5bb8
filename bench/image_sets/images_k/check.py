"""Checks the imgk set: every image decodes, sizes, counts; prints count tables (--md for README)."""

from __future__ import annotations

import collections
import json
import os
import sys

from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))


def main(md=False):
    L = [json.loads(x) for x in open(os.path.join(HERE, "labels.jsonl"), encoding="utf-8")]
    errs = []
    ids = [o["id"] for o in L]
    if len(set(ids)) != len(ids):
        errs.append("duplicate ids")
    for o in L:
        for k in ("id", "image", "expect", "types", "doc", "style", "note", "hard"):
            if k not in o:
                errs.append("%s lacks %s" % (o.get("id"), k))
        if o["expect"] not in ("allow", "flag"):
            errs.append("%s bad expect" % o["id"])
        if (o["expect"] == "flag") != bool(o["types"]):
            errs.append("%s types/expect mismatch" % o["id"])
        try:
            with Image.open(os.path.join(HERE, "img", o["image"])) as im:
                im.load()
                if not 600 <= max(im.size) <= 1600:
                    errs.append("%s long side %d" % (o["id"], max(im.size)))
        except Exception as e:  # noqa: BLE001
            errs.append("%s does not decode: %s" % (o["id"], e))
    files = set(os.listdir(os.path.join(HERE, "img")))
    extra = files - {o["image"] for o in L}
    if extra:
        errs.append("extra files: %d" % len(extra))
    ex = collections.Counter(o["expect"] for o in L)
    allow = [o for o in L if o["expect"] == "allow"]
    hard_allow = sum(o["hard"] for o in allow)
    kinds_allow = {o["doc"] for o in allow}
    if len(L) != 300 or ex["allow"] != 220 or ex["flag"] != 80:
        errs.append("counts %s" % dict(ex))
    if len(kinds_allow) < 30:
        errs.append("only %d allow kinds" % len(kinds_allow))
    if hard_allow < 0.6 * len(allow):
        errs.append("hard allow %d < 60%%" % hard_allow)
    by = collections.defaultdict(lambda: [0, 0])
    for o in L:
        by[(o["expect"], o["doc"])][0] += 1
        by[(o["expect"], o["doc"])][1] += int(o["hard"])
    cap = collections.Counter(o["style"].split("+")[0] for o in L)
    if md:
        print("| expect | doc | n | hard |\n|---|---|---:|---:|")
        for (e, d), (n, h) in sorted(by.items()):
            print("| %s | %s | %d | %d |" % (e, d, n, h))
        print("\nCaptures: " + ", ".join("%s %d" % kv for kv in cap.most_common()))
    print("images %d: allow %d (hard %d = %.0f%%, %d kinds), flag %d (hard %d, %d kinds)" % (
        len(L), ex["allow"], hard_allow, 100.0 * hard_allow / max(1, len(allow)), len(kinds_allow), ex["flag"],
        sum(o["hard"] for o in L if o["expect"] == "flag"), len({o["doc"] for o in L if o["expect"] == "flag"})))
    print("errors: %d" % len(errs))
    for e in errs[:30]:
        print("  " + e)
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main("--md" in sys.argv))
