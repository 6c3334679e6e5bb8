"""The labelled corpus: is the data honest, and does the detection engine meet the quality bar?

tests/corpus/text_corpus.jsonl holds hand-written zh-TW group-chat messages in the format of the
held-out judging set (see ../shared/eval-sample/text_sample.jsonl): about half leaks, half hard
negatives. A message counts as flagged when `scan_text` returns `warn` or `block`.

tests/corpus/indep_h.jsonl and indep_p.jsonl were written by independent writers who saw neither
the detectors nor each other's set (each line also carries a "style"); they were scored before
any tuning (set_h: recall 0.736, false-positive rate 1.39 %; set_p: 0.723, 2.21 %) and have been
tuned on since, so they are training data now, not an honest figure. tests/corpus/indep_v.jsonl
is a fourth writer's set (2026-12-02), scored before tuning (recall 0.810, false-positive rate
2.16 % on the code of that day; 0.817 / 2.16 % with this round's first rules) and tuned on
since: it is held to a regression bar (INDEP_V_*) at the level it reached, not to the bar above.
tests/corpus/indep_x.jsonl is a fifth writer's set (2026-12-03), scored before tuning (recall
0.927, false-positive rate 2.04 % on main a8c0da4) and tuned on since: a regression bar
(INDEP_X_*) at the level it reached.

The bar: recall >= 0.97 and false-positive rate <= 0.003 on the corpus; on the independent sets
the false-positive rate <= 0.003 and recall >= INDEP_MIN_RECALL (0.95: what the engine reached on
set_p, 0.953; set_h reads 0.980). tests/corpus/untouched_u.jsonl (a third writer's set, never
tuned on) is not held to a bar here: it is the honest figure, read in aggregate only by
bench/corpus_report.py, and a bar would invite tuning on it. On failure the
misses are listed by id, note and labels (the sets are synthetic, so no raw personal data is
involved, but we still keep the texts out of the report: `python bench/corpus_report.py --misses`
shows the same list).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

CORPUS_DIR = Path(__file__).parent / "corpus"
CORPUS = CORPUS_DIR / "text_corpus.jsonl"
HOLDOUT = CORPUS_DIR / "text_holdout.jsonl"

TYPES = frozenset(
    {
        "tw_national_id",
        "tw_resident_id",
        "passport_number",
        "phone_number",
        "email",
        "address",
        "birth_date",
        "bank_account",
        "credit_card",
        "license_plate",
        "person_name",
        "health_info",
        "criminal_record",
        "travel_record",
        "warrant",
        "investigation_secret",
        "whistleblower_identity",
        "procurement_secret",
        "classified_marking",
        "personnel_secret",
        "inspection_plan",
    }
)
FIELDS = {"id", "text", "expect", "types", "note"}
MIN_MESSAGES = 650
MIN_POSITIVES_PER_TYPE = 10
MIN_RECALL = 0.97
MAX_FPR = 0.003
INDEP = (CORPUS_DIR / "indep_h.jsonl", CORPUS_DIR / "indep_p.jsonl")
INDEP_MIN_RECALL = 0.95
# The fourth writer's set: no regression below what this round reached on it.
INDEP_V = CORPUS_DIR / "indep_v.jsonl"
# Measured 2026-12-03: recall 0.945 (686/726), FPR 0.0020 (4/1,994); was 0.88 / 0.008.
# After the `tune` round: recall 0.959 (696/726), FPR 0.0000 (0/1,994).
INDEP_V_MIN_RECALL = 0.95
INDEP_V_MAX_FPR = 0.002
# The fifth writer's set: measured 2026-12-03 after tuning on it: recall 0.975 (898/921),
# FPR 0.0017 (4/2,403); first score 0.927 / 0.0204.
INDEP_X = CORPUS_DIR / "indep_x.jsonl"
# After the `tune` round: recall 0.996 (917/921), FPR 0.0000 (0/2,403).
INDEP_X_MIN_RECALL = 0.985
INDEP_X_MAX_FPR = 0.0025
# Later writers' sets (2026-12-03), tuned on since their first score: regression bars at what
# they reached (recall, FPR). indep_z: first 0.945 / 3.21 %, reached 0.996 / 0.08 %; indep_n (long formal
# messages): first 0.890 / 3.46 %, reached 0.957 / 0.12 %.
LATER_SETS = {
    "indep_z": (CORPUS_DIR / "indep_z.jsonl", 0.99, 0.002),
    "indep_n": (CORPUS_DIR / "indep_n.jsonl", 0.95, 0.002),
    # the tenth writer's (forwarded chats, quoted replies, 公文, minutes, dictated and
    # Taiwanese-colloquial chat): first 0.828 / 2.69 %, reached 0.950 / 0.04 %
    "indep_m": (CORPUS_DIR / "indep_m.jsonl", 0.94, 0.002),
}
# IDs that are public knowledge (documentation and test systems), never a citizen's.
# Labels later writers name that no detector reports on its own: a household register's
# entries (戶籍) are caught as the names, IDs and addresses in them.
LATER_TYPES = TYPES | {"household_record"}
KNOWN_TEST_IDS = frozenset({"A123456789"})

# ------------------------------------------------------------------ our own small validators
# (deliberately independent of detectors/: the corpus checks itself)

_CODES = {c: v for c, v in zip("ABCDEFGHJKLMNPQRSTUVXYWZIO", range(10, 36), strict=True)}
# An "ID" label glued to the value ("IDA123456789") still leaves the value readable.
_ID_RE = re.compile(r"(?:(?<![A-Z0-9])|(?<=(?<![A-Z])ID))([A-Z][1289]\d{8})(?!\d)")
_ARC_RE = re.compile(r"(?<![A-Z0-9])([A-Z][A-D]\d{8})(?!\d)")
_SEPARATORS = re.compile(r"[\s\-.\u200b\u200c\u200d\u2060\ufeff]")


def _checksum(letter: str, second: int, rest: str) -> bool:
    code = _CODES[letter]
    total = code // 10 + (code % 10) * 9 + second * 8
    total += sum(int(d) * w for d, w in zip(rest, (7, 6, 5, 4, 3, 2, 1, 1), strict=True))
    return total % 10 == 0


def id_valid(value: str) -> bool:
    """National ID (second digit 1/2) or new resident certificate (8/9), standard checksum."""
    return bool(re.fullmatch(r"[A-Z][1289]\d{8}", value)) and _checksum(
        value[0], int(value[1]), value[2:]
    )


def arc_valid(value: str) -> bool:
    """Old ARC: the second letter's code's last digit takes the gender digit's place."""
    return bool(re.fullmatch(r"[A-Z][A-D]\d{8}", value)) and _checksum(
        value[0], _CODES[value[1]] % 10, value[2:]
    )


def luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def compact(text: str) -> str:
    """Undo the evasions the corpus uses: full-width, lower case, spaces, dashes, dots, zero-width."""
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", text)).upper()


def id_candidates(text: str) -> tuple[list[str], list[str]]:
    """ID-shaped strings, read both with the separators kept and with them removed."""
    kept = re.sub(r"[\u200b\u200c\u200d\u2060\ufeff]", "", unicodedata.normalize("NFKC", text))
    variants = (kept.upper(), compact(text))
    ids = sorted({v for flat in variants for v in _ID_RE.findall(flat)})
    arcs = sorted({v for flat in variants for v in _ARC_RE.findall(flat)})
    return ids, arcs


def card_candidates(text: str) -> list[str]:
    """13-19 digit numbers made of digit groups joined by single separators (4111 1111 ...)."""
    flat = re.sub(r"[\u200b\u200c\u200d\u2060\ufeff]", "", unicodedata.normalize("NFKC", text))
    parts = re.split(r"(\d+)", flat)  # [gap, digits, gap, digits, ..., gap]
    groups = [(parts[i], parts[i + 1]) for i in range(1, len(parts) - 1, 2)]
    out = []
    for i in range(len(groups)):
        number = ""
        for j in range(i, len(groups)):
            if j > i and not re.fullmatch(r"[ \-.\n]", groups[j - 1][1]):
                break
            number += groups[j][0]
            if 13 <= len(number) <= 19:
                out.append(number)
    return out


# ------------------------------------------------------------------ loading


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="module")
def corpus() -> list[dict]:
    return load(CORPUS)


# ------------------------------------------------------------------ data hygiene


@pytest.mark.parametrize("path", [CORPUS, HOLDOUT], ids=["corpus", "holdout"])
def test_records_are_well_formed(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path.name} not written yet")
    items = load(path)
    ids = [it.get("id") for it in items]
    assert len(ids) == len(set(ids)), "duplicate ids"
    texts = Counter(it.get("text") for it in items)
    assert not [t for t, n in texts.items() if n > 1], "duplicate texts"
    for it in items:
        assert set(it) == FIELDS, it.get("id")
        assert isinstance(it["text"], str) and it["text"], it["id"]
        assert it["expect"] in ("flag", "allow"), it["id"]
        assert isinstance(it["types"], list), it["id"]
        assert set(it["types"]) <= TYPES, (it["id"], set(it["types"]) - TYPES)
        assert len(it["types"]) == len(set(it["types"])), it["id"]
        assert bool(it["types"]) == (it["expect"] == "flag"), it["id"]
        assert isinstance(it["note"], str) and it["note"], it["id"]


def test_corpus_size_balance_and_coverage(corpus: list[dict]) -> None:
    assert len(corpus) >= MIN_MESSAGES
    negatives = sum(it["expect"] == "allow" for it in corpus)
    assert 0.4 <= negatives / len(corpus) <= 0.6, negatives
    per_type = Counter(t for it in corpus for t in it["types"])
    thin = {t: per_type[t] for t in TYPES if per_type[t] < MIN_POSITIVES_PER_TYPE}
    assert not thin, f"types with too few positives: {thin}"


def test_holdout_is_separate_and_balanced(corpus: list[dict]) -> None:
    if not HOLDOUT.exists():
        pytest.skip("holdout not written yet")
    holdout = load(HOLDOUT)
    assert len(holdout) >= 150
    assert not {it["text"] for it in holdout} & {it["text"] for it in corpus}
    assert not {it["id"] for it in holdout} & {it["id"] for it in corpus}
    negatives = sum(it["expect"] == "allow" for it in holdout)
    assert 0.35 <= negatives / len(holdout) <= 0.65
    assert {t for it in holdout for t in it["types"]} == TYPES


@pytest.mark.parametrize("path", [CORPUS, HOLDOUT], ids=["corpus", "holdout"])
def test_labelled_ids_pass_their_checksums(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path.name} not written yet")
    for it in load(path):
        ids, arcs = id_candidates(it["text"])
        nat = [v for v in ids if v[1] in "12"]
        res = [v for v in ids if v[1] in "89"]
        if it["expect"] == "allow":
            # A negative never hides a valid citizen ID (test IDs aside).
            valid = [v for v in ids if id_valid(v) and v not in KNOWN_TEST_IDS]
            valid += [v for v in arcs if arc_valid(v)]
            assert not valid, f"{it['id']}: a negative holds a checksum-valid ID"
            continue
        valid_nat = [v for v in nat if id_valid(v) and v not in KNOWN_TEST_IDS]
        valid_res = [v for v in res if id_valid(v)] + [v for v in arcs if arc_valid(v)]
        if "tw_national_id" in it["types"]:
            assert valid_nat, f"{it['id']}: labelled national ID fails its checksum"
        else:
            assert not valid_nat, f"{it['id']}: unlabelled national ID"
        if "tw_resident_id" in it["types"]:
            assert valid_res, f"{it['id']}: labelled resident certificate fails its checksum"
        else:
            assert not valid_res, f"{it['id']}: unlabelled resident certificate"
        if "credit_card" in it["types"]:
            assert any(luhn(n) for n in card_candidates(it["text"])), it["id"]


def test_validators_know_the_reference_values() -> None:
    # From the eval sample's label policy: valid citizen ID, valid ARC, invalid order number.
    assert id_valid("T199250993") and id_valid("H210409195") and id_valid("A123456789")
    assert arc_valid("AC09011888")
    assert not id_valid("V237312688")
    assert luhn("4111111111111111") and not luhn("4111111111111112")
    assert "4111111111111111" in card_candidates("卡號 4111 1111 1111 1111 12/26")
    assert id_candidates("Ｈ２１０４０９１９５") == (["H210409195"], [])
    assert id_candidates("TRAN MINH AC09011888") == ([], ["AC09011888"])


# ------------------------------------------------------------------ the quality bar


def score(items: list[dict]) -> dict:
    from detectors import scan_text

    misses, false_flags = [], []
    for it in items:
        verdict = scan_text(it["text"]).verdict
        flagged = verdict in ("warn", "block")
        if it["expect"] == "flag" and not flagged:
            misses.append(it)
        elif it["expect"] == "allow" and flagged:
            false_flags.append((it, verdict))
    positives = sum(it["expect"] == "flag" for it in items)
    negatives = len(items) - positives
    return {
        "recall": 1 - len(misses) / positives if positives else 1.0,
        "fpr": len(false_flags) / negatives if negatives else 0.0,
        "misses": misses,
        "false_flags": false_flags,
    }


def test_detection_meets_the_quality_bar(corpus: list[dict]) -> None:
    result = score(corpus)
    report = [
        f"recall {result['recall']:.3f} (bar {MIN_RECALL}), FPR {result['fpr']:.3f} (bar {MAX_FPR})"
    ]
    report += [f"  missed {it['id']} {it['types']} {it['note']}" for it in result["misses"]]
    report += [
        f"  false {verdict} {it['id']} {it['note']}" for it, verdict in result["false_flags"]
    ]
    assert result["recall"] >= MIN_RECALL and result["fpr"] <= MAX_FPR, "\n".join(report)


@pytest.mark.parametrize(
    "path", (*INDEP, INDEP_V, INDEP_X), ids=["indep_h", "indep_p", "indep_v", "indep_x"]
)
def test_independent_sets_are_well_formed(path: Path) -> None:
    items = load(path)
    assert len({it["id"] for it in items}) == len(items), "duplicate ids"
    for it in items:
        assert set(it) == FIELDS | {"style"}, it.get("id")
        assert it["expect"] in ("flag", "allow"), it["id"]
        assert set(it["types"]) <= TYPES, (it["id"], set(it["types"]) - TYPES)
        assert bool(it["types"]) == (it["expect"] == "flag"), it["id"]
        assert isinstance(it["style"], str) and it["style"], it["id"]


@pytest.mark.parametrize("name", sorted(LATER_SETS))
def test_later_writers_sets_are_well_formed(name: str) -> None:
    items = load(LATER_SETS[name][0])
    assert len({it["id"] for it in items}) == len(items), "duplicate ids"
    for it in items:
        assert FIELDS | {"style"} <= set(it) <= FIELDS | {"style", "agency"}, it.get("id")
        assert it["expect"] in ("flag", "allow"), it["id"]
        assert set(it["types"]) <= LATER_TYPES, (it["id"], set(it["types"]) - LATER_TYPES)
        assert bool(it["types"]) == (it["expect"] == "flag"), it["id"]


@pytest.mark.parametrize("name", sorted(LATER_SETS))
def test_later_writers_sets_do_not_regress(name: str) -> None:
    path, min_recall, max_fpr = LATER_SETS[name]
    result = score(load(path))
    report = [
        f"recall {result['recall']:.3f} (bar {min_recall}), FPR {result['fpr']:.4f} (bar {max_fpr})"
    ]
    report += [f"  missed {it['id']} {it['types']} {it['note']}" for it in result["misses"][:40]]
    report += [
        f"  false {verdict} {it['id']} {it['note']}" for it, verdict in result["false_flags"]
    ]
    assert result["recall"] >= min_recall and result["fpr"] <= max_fpr, "\n".join(report)


@pytest.mark.parametrize("path", INDEP, ids=["indep_h", "indep_p"])
def test_independent_sets_meet_their_bar(path: Path) -> None:
    result = score(load(path))
    report = [
        f"recall {result['recall']:.3f} (bar {INDEP_MIN_RECALL}), "
        f"FPR {result['fpr']:.4f} (bar {MAX_FPR})"
    ]
    report += [f"  missed {it['id']} {it['types']} {it['note']}" for it in result["misses"][:40]]
    report += [
        f"  false {verdict} {it['id']} {it['note']}" for it, verdict in result["false_flags"]
    ]
    assert result["recall"] >= INDEP_MIN_RECALL and result["fpr"] <= MAX_FPR, "\n".join(report)


def test_the_fourth_writers_set_does_not_regress() -> None:
    result = score(load(INDEP_V))
    report = [
        f"recall {result['recall']:.3f} (bar {INDEP_V_MIN_RECALL}), "
        f"FPR {result['fpr']:.4f} (bar {INDEP_V_MAX_FPR})"
    ]
    report += [f"  missed {it['id']} {it['types']} {it['note']}" for it in result["misses"][:40]]
    report += [
        f"  false {verdict} {it['id']} {it['note']}" for it, verdict in result["false_flags"]
    ]
    assert result["recall"] >= INDEP_V_MIN_RECALL and result["fpr"] <= INDEP_V_MAX_FPR, "\n".join(
        report
    )


def test_the_fifth_writers_set_does_not_regress() -> None:
    result = score(load(INDEP_X))
    report = [
        f"recall {result['recall']:.3f} (bar {INDEP_X_MIN_RECALL}), "
        f"FPR {result['fpr']:.4f} (bar {INDEP_X_MAX_FPR})"
    ]
    report += [f"  missed {it['id']} {it['types']} {it['note']}" for it in result["misses"][:40]]
    report += [
        f"  false {verdict} {it['id']} {it['note']}" for it, verdict in result["false_flags"]
    ]
    assert result["recall"] >= INDEP_X_MIN_RECALL and result["fpr"] <= INDEP_X_MAX_FPR, "\n".join(
        report
    )
