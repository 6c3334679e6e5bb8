#!/usr/bin/env python3
"""Validate the images_e set: schema, files, vocabulary, counts, sizes, ID checksums.

Usage: /work/main/.venv/bin/python validate.py      (exit 0 = OK)
Independent of gen.py (re-implements the checksums).
"""
import collections, json, os, re, sys
from PIL import Image

OUT = os.path.dirname(os.path.abspath(__file__))
TYPES = {"tw_national_id", "tw_resident_id", "credit_card", "passport_number", "phone_number", "bank_account", "email",
         "license_plate", "birth_date", "address", "person_name", "health_info", "criminal_record", "travel_record", "warrant",
         "investigation_secret", "whistleblower_identity", "procurement_secret", "classified_marking", "personnel_secret",
         "inspection_plan"}
STYLES = {"photo", "scan", "screenshot", "chat_screenshot", "slide", "whiteboard", "screen_photo"}
KEYS = ["id", "image", "expect", "types", "doc", "style", "note"]
LV = dict(A=10, B=11, C=12, D=13, E=14, F=15, G=16, H=17, I=34, J=18, K=19, L=20, M=21, N=22, O=35, P=23, Q=24,
          R=25, S=26, T=27, U=28, V=29, W=32, X=30, Y=31, Z=33)


def id_ok(s):
    if not re.fullmatch(r"[A-Z][0-9]{9}", s):
        return False
    v = LV[s[0]]
    d = [v // 10, v % 10] + [int(c) for c in s[1:]]
    return sum(a * b for a, b in zip(d, [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1])) % 10 == 0


def luhn_ok(s):
    t = 0
    for i, c in enumerate(reversed(s)):
        d = int(c) * (2 if i % 2 else 1)
        t += d - 9 if d > 9 else d
    return t % 10 == 0


def main():
    errs = []
    labs = [json.loads(l) for l in open(os.path.join(OUT, "labels.jsonl"), encoding="utf-8")]
    truth = {t["id"]: t for t in (json.loads(l) for l in open(os.path.join(OUT, "truth.jsonl"), encoding="utf-8"))}
    ids = set()
    for n, r in enumerate(labs, 1):
        e = lambda m: errs.append(f"{r.get('id', n)}: {m}")
        if list(r.keys()) != KEYS:
            e(f"keys {list(r.keys())}")
        if not re.fullmatch(r"e\d{4}", r["id"]) or r["id"] in ids:
            e("bad/duplicate id")
        ids.add(r["id"])
        if r["image"] not in (f"img/{r['id']}.png", f"img/{r['id']}.jpg"):
            e("image path")
        p = os.path.join(OUT, r["image"])
        if not os.path.isfile(p):
            e("missing file"); continue
        with Image.open(p) as im:
            im.verify()
        with Image.open(p) as im:
            ls = max(im.size)
            fmt = im.format
        if not 800 <= ls <= 1800:
            e(f"long side {ls}")
        if (fmt == "PNG") != p.endswith(".png"):
            e(f"format {fmt} vs extension")
        if r["expect"] not in ("allow", "flag"):
            e("expect")
        if not isinstance(r["types"], list) or any(t not in TYPES for t in r["types"]) or len(set(r["types"])) != len(r["types"]):
            e(f"types {r['types']}")
        if r["expect"] == "flag" and not r["types"]:
            e("flag without types")
        if r["expect"] == "allow" and r["types"]:
            e("allow with types")
        if r["style"] not in STYLES:
            e(f"style {r['style']}")
        if not r["doc"] or not r["note"]:
            e("empty doc/note")
        t = truth.get(r["id"])
        if not t:
            e("no truth row"); continue
        if t["min_font_px"] < 16:
            e(f"min glyph {t['min_font_px']}")
        for kind, val in t["ids"]:
            if kind in ("tw_national_id", "tw_resident_id", "specimen_id") and not id_ok(val):
                e(f"bad ID checksum {kind}")
            if kind == "tw_national_id" and val[1] not in "12":
                e("national id second digit")
            if kind == "tw_resident_id" and val[1] not in "89":
                e("resident id second digit")
            if kind == "credit_card" and not (len(val) == 16 and luhn_ok(val)):
                e("bad Luhn")
            if kind in ("tw_national_id", "tw_resident_id", "credit_card", "passport_number", "bank_account") and r["expect"] != "flag":
                e(f"real identifier {kind} on an allow item")
            if kind in ("tw_national_id", "tw_resident_id", "credit_card", "bank_account") and kind not in r["types"]:
                e(f"{kind} drawn but not in types")
            if kind == "specimen_id" and r["expect"] != "allow":
                e("specimen on flag item")
    c = collections.Counter(r["expect"] for r in labs)
    hard = sum(1 for r in labs if r["expect"] == "allow" and truth.get(r["id"], {}).get("hard"))
    if len(labs) != 250 or c["allow"] != 170 or c["flag"] != 80:
        errs.append(f"counts {len(labs)} {dict(c)}")
    if hard < 85:
        errs.append(f"hard negatives {hard} < 85")
    exts = collections.Counter(r["image"].rsplit(".", 1)[1] for r in labs)
    if len(exts) < 2:
        errs.append("no PNG/JPEG mix")
    notes = " ".join(r["note"] for r in labs)
    for need in ("rotated 90", "rotated 180", "skew", "shadow", "photo of a screen", "crop"):
        if need not in notes:
            errs.append(f"effect missing: {need}")
    lowq = sum(1 for r in labs if re.search(r"JPEG q(3[5-9]|[45]\d|60)\b", r["note"]))
    if lowq == 0:
        errs.append("no low-quality JPEG")
    print(f"{len(labs)} items {dict(c)}, hard allow {hard}, formats {dict(exts)}, low-q JPEG {lowq}")
    print("styles", dict(collections.Counter(r["style"] for r in labs)))
    for x in errs:
        print("ERROR", x)
    print("OK" if not errs else f"{len(errs)} errors")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
