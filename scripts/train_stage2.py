"""Train, evaluate across writers and ship the second stage (detectors/stage2.py).

    python scripts/train_stage2.py --eval            # cross-writer report only
    python scripts/train_stage2.py --ship            # train on everything, write the model

Data: labelled JSONL sets (fields text, expect allow|flag, types), by default the
repo corpus (tests/corpus/text_corpus.jsonl) plus the two independent writers'
tuning sets given with --set (repeatable). The holdout's texts are never read.

Model: numpy logistic regression (full batch, Adam, L2) over the hashed feature
ids of `detectors.stage2.features` (hashed character 1-3-grams and rule signals), one head "leak" and one head per matter type.

Cross-writer evaluation (--eval): for each independent set S, train on the corpus
plus the OTHER sets, choose the thresholds on the training data only (5-fold
out-of-fold probabilities), then score S: recall and false-positive rate of the
rules alone vs rules + stage 2. The add threshold is the lowest one whose added
false warnings stay within --fp-budget of the training sets' ordinary messages;
the downgrade threshold the highest one that downgrades no out-of-fold leak.

Nothing here prints or stores message text: only counts, rates and ids.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from detectors import stage2  # noqa: E402
from detectors.base import ScanResult  # noqa: E402
from detectors.engine import scan_text  # noqa: E402
from detectors.policy import DEFAULT_POLICY  # noqa: E402

RULES_ONLY = replace(DEFAULT_POLICY, stage2=False)
CORPUS = ROOT / "tests" / "corpus" / "text_corpus.jsonl"
HEADS = 1 + len(stage2.MATTERS)

# Fixed inputs whose probabilities ship with the model: the test checks that
# inference in the engine reproduces the trainer's numbers.
CHECK_TEXTS: tuple[str, ...] = (
    "好的，收到",
    "明天的稽查行程改到十點出發",
    "王大明的懲處案還沒核定，先別跟他說",
    "這次總共只有四家投標，你們價格抓低一點就穩了",
    "下週三衛生局會突擊檢查你們店，先把倉庫整理好",
    "依採購法第34條，底價於決標前應予保密",
    "陳志明上個月確診癌症，現在在住院",
    "會議改到 3/15 下午兩點，第二會議室",
    # made up for this file: no trigger word, missed by the rules, caught here
    "老張那件事結果出來了，年終考核被打最低，還沒通知他",
    "你們那邊下禮拜會被查，資料先整理好",
    "他之前因為酒駕被抓過兩次",
    "她最近身體不好，好像是癌症",
    "明天會有人去你們店裡看，先把東西收好",
    "下禮拜有人會去你們工廠，排水那邊先弄好",
    "他兒子有妥瑞氏症，上課會抽動",
)


@dataclass
class Item:
    set_name: str
    id: str
    flag: bool
    types: frozenset[str]
    rules: ScanResult
    reached: bool  # the engine built a Doc and stage 2 looks at it (stage2.wants)
    ids: np.ndarray | None  # feature ids (reached only)
    words: frozenset[str]  # keywords found
    units: list[np.ndarray]  # a long message's pieces' ids (--per-unit; [] read whole)


def load_items(path: Path, name: str, split_long: int = -1) -> list[Item]:
    """The set's items; `split_long` >= 0: with the pieces of long messages
    (stage2.unit_features), -1: every message read whole."""
    out: list[Item] = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            rules, ids, words = stage2.look(row["text"], RULES_ONLY)
            units = (
                stage2.look_units(row["text"], RULES_ONLY, split_long)
                if ids is not None and split_long >= 0
                else []
            )
            out.append(
                Item(
                    name,
                    str(row.get("id", "")),
                    row["expect"] == "flag",
                    frozenset(row.get("types", [])),
                    rules,
                    ids is not None,
                    ids,
                    words,
                    units,
                )
            )
    return out


# ------------------------------------------------------------------ training


def _design(items: list[Item]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    lens = np.array([len(it.ids) for it in items if it.ids is not None], dtype=np.int64)
    indptr = np.concatenate([[0], np.cumsum(lens)])
    indices = np.concatenate([it.ids for it in items if it.ids is not None])
    rows = np.repeat(np.arange(len(lens)), lens)
    return indptr, indices, rows


def _labels(items: list[Item]) -> np.ndarray:
    y = np.zeros((len(items), HEADS), dtype=np.float32)
    for i, it in enumerate(items):
        y[i, 0] = it.flag
        for k, m in enumerate(stage2.MATTERS):
            y[i, 1 + k] = m in it.types
    return y


def train(
    items: list[Item],
    *,
    l2: float = 1e-4,
    steps: int = 300,
    lr: float = 0.05,
    heads: int = HEADS,
) -> tuple[np.ndarray, np.ndarray]:
    """Weights (DIM, heads) and bias (heads,) of a multi-head logistic regression.
    The heads are independent (no shared parameter): `heads=1` trains the leak head
    alone, the same numbers as its column of the full model, in about 1/11 the time."""
    items = [it for it in items if it.ids is not None]
    indptr, indices, rows = _design(items)
    y = np.ascontiguousarray(_labels(items)[:, :heads])
    n = len(items)
    # Balance the leak head: positives and negatives weigh the same in total.
    sw = np.ones((n, heads), dtype=np.float32)
    pos = y[:, 0] > 0
    if pos.any() and (~pos).any():
        sw[pos, 0] = 0.5 * n / pos.sum()
        sw[~pos, 0] = 0.5 * n / (~pos).sum()
    # Weights are kept transposed (heads, DIM): one contiguous 1-D gather per head is
    # several times faster than gathering rows of (DIM, heads). The gradient sums each
    # feature's rows in float64 in row order (a stable sort), the order np.bincount
    # used: the same numbers, bit for bit, as the row-gather version.
    order = np.argsort(indices, kind="stable")
    srows = rows[order]
    feats, fstart = np.unique(indices[order], return_index=True)
    starts = indptr[:-1]
    wt = np.zeros((heads, stage2.DIM), dtype=np.float32)
    b = np.zeros(heads, dtype=np.float32)
    mw = np.zeros_like(wt)
    vw = np.zeros_like(wt)
    mb = np.zeros_like(b)
    vb = np.zeros_like(b)
    z = np.empty((n, heads), dtype=np.float32)
    b1, b2, eps = 0.9, 0.999, 1e-8
    for t in range(1, steps + 1):
        for k in range(heads):
            z[:, k] = np.add.reduceat(wt[k][indices], starts)
        p = 1.0 / (1.0 + np.exp(-np.clip(z + b, -30, 30)))
        r = (p - y) * sw / n
        rt = np.ascontiguousarray(r.T, dtype=np.float64)
        gw = np.zeros_like(wt)
        for k in range(heads):
            gw[k, feats] = np.add.reduceat(rt[k][srows], fstart)
        gw += l2 * wt
        gb = r.sum(axis=0)
        mw = b1 * mw + (1 - b1) * gw
        vw = b2 * vw + (1 - b2) * gw * gw
        mb = b1 * mb + (1 - b1) * gb
        vb = b2 * vb + (1 - b2) * gb * gb
        c1, c2 = 1 - b1**t, 1 - b2**t
        wt -= lr * (mw / c1) / (np.sqrt(vw / c2) + eps)
        b -= lr * (mb / c1) / (np.sqrt(vb / c2) + eps)
    w = np.ascontiguousarray(wt.T)
    return w, b


def predict(w: np.ndarray, b: np.ndarray, items: list[Item]) -> np.ndarray:
    """Probabilities (len(items), HEADS); NaN rows for items stage 2 never sees."""
    out = np.full((len(items), HEADS), np.nan, dtype=np.float32)
    for i, it in enumerate(items):
        if it.ids is not None:
            z = w[it.ids].sum(axis=0) + b
            out[i] = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
    return out


def unit_max(w: np.ndarray, b: np.ndarray, items: list[Item]) -> np.ndarray:
    """The leak probability of each item's most likely piece; NaN for an item read
    whole (no pieces)."""
    out = np.full(len(items), np.nan, dtype=np.float32)
    lw = w[:, 0]
    for i, it in enumerate(items):
        if it.units:
            z = max(float(lw[u].sum(dtype=np.float64)) for u in it.units) + float(b[0])
            out[i] = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
    return out


def out_of_fold(
    items: list[Item], folds: int, seed: int, **kw: float
) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-fold leak probabilities (len(items), HEADS; only the leak column is
    filled: thresholds and the gate read the leak head alone) and pieces' maxima
    (unit_max)."""
    rng = np.random.default_rng(seed)
    fold = rng.integers(0, folds, len(items))
    probs = np.full((len(items), HEADS), np.nan, dtype=np.float32)
    umax = np.full(len(items), np.nan, dtype=np.float32)
    for k in range(folds):
        tr = [it for it, f in zip(items, fold, strict=True) if f != k]
        te_idx = [i for i, f in enumerate(fold) if f == k]
        w, b = train(tr, heads=1, **kw)  # type: ignore[arg-type]
        te = [items[i] for i in te_idx]
        probs[te_idx, :1] = predict(w, b, te)[:, :1]
        umax[te_idx] = unit_max(w, b, te)
    return probs, umax


@dataclass
class Scores:
    """What decides an add: per item the leak score (the whole message's, or for a
    message of several pieces its most likely piece's, with the whole message as one
    more piece when `whole`) and whether the message is multi-piece (own threshold)."""

    leak: np.ndarray
    multi: np.ndarray

    @classmethod
    def of(cls, probs: np.ndarray, umax: np.ndarray | None, whole: bool) -> Scores:
        s = probs[:, 0].astype(np.float32, copy=True)
        if umax is None:
            return cls(s, np.zeros(len(s), dtype=bool))
        multi = ~np.isnan(umax)
        s[multi] = np.fmax(s[multi], umax[multi]) if whole else umax[multi]
        return cls(s, multi)


# ------------------------------------------------------------------ deciding


def learn_gate(
    items: list[Item], sc: Scores, add: float, k: int, add_multi: float = 2.0
) -> frozenset[str]:
    """The matter keywords in at least `k` of the training leaks the stage catches
    (and the rules miss): the model runs only on messages with one of them."""
    count: dict[str, int] = {}
    matter_words = stage2.gate_words()
    for i, it in enumerate(items):
        t = add_multi if sc.multi[i] else add
        if it.flag and it.rules.verdict == "allow" and sc.leak[i] >= t:
            for w in it.words & matter_words:
                count[w] = count.get(w, 0) + 1
    return frozenset(w for w, c in count.items() if c >= k)


def final_verdicts(
    items: list[Item],
    probs: np.ndarray,
    add: float,
    down: float,
    gate: frozenset[str] | None = None,
    sc: Scores | None = None,
    add_multi: float = 2.0,
) -> tuple[np.ndarray, np.ndarray]:
    """(flagged by rules, flagged by rules + stage 2) per item. `sc`: the add scores
    (per-unit models: a multi-piece message against `add_multi`); default the whole
    message's leak probability against `add`."""
    rules = np.array([it.rules.verdict != "allow" for it in items])
    both = rules.copy()
    for i, it in enumerate(items):
        p = probs[i, 0]
        if np.isnan(p) or (gate is not None and gate.isdisjoint(it.words)):
            continue
        if sc is not None and sc.multi[i]:
            if it.rules.verdict == "allow" and sc.leak[i] >= add_multi:
                both[i] = True
            continue
        if it.rules.verdict == "allow" and p >= add:
            both[i] = True
        elif down >= 0 and p <= down and stage2._downgradable(it.rules):
            both[i] = False
    return rules, both


def rates(items: list[Item], flagged: np.ndarray) -> tuple[float, float, int, int]:
    leak = np.array([it.flag for it in items])
    tp = int((flagged & leak).sum())
    fp = int((flagged & ~leak).sum())
    return tp / max(leak.sum(), 1), fp / max((~leak).sum(), 1), tp, fp


def choose_add(
    items: list[Item], probs: np.ndarray, budget: float, mask: np.ndarray | None = None
) -> float:
    """Lowest threshold whose added false warnings on `items` (those in `mask`) stay
    within budget of their ordinary messages. `probs`: (n, HEADS) or the add scores (n,)."""
    score = probs[:, 0] if probs.ndim == 2 else probs
    keep = np.ones(len(items), dtype=bool) if mask is None else mask
    n_ord = sum(not it.flag for it, k in zip(items, keep, strict=True) if k)
    allowed = int(np.floor(budget * n_ord))
    cand = sorted(
        float(score[i])
        for i, it in enumerate(items)
        if keep[i] and not it.flag and it.rules.verdict == "allow" and not np.isnan(score[i])
    )
    cand.reverse()  # highest first: the k-th highest ordinary score
    if len(cand) <= allowed:
        return 0.5
    # a threshold just above the (allowed+1)-th highest ordinary score
    return float(np.nextafter(np.float32(cand[allowed]), np.float32(1)))


def choose_down(items: list[Item], probs: np.ndarray) -> float:
    """A threshold that downgrades no out-of-fold leak the rules warned about (-1: none)."""
    leaks = [
        float(probs[i, 0])
        for i, it in enumerate(items)
        if it.flag and stage2._downgradable(it.rules) and not np.isnan(probs[i, 0])
    ]
    if not leaks:
        return -1.0
    return 0.5 * min(leaks)  # half the lowest: a margin for unseen writers


# ------------------------------------------------------------------ main


def _thresholds(
    items: list[Item], sc: Scores, budget: float, per_unit: bool, multi_budget: float | None
) -> tuple[float, float]:
    """(add threshold, multi-unit add threshold): per-unit models choose each on its
    own budget (a share of the single-piece and of the multi-piece ordinary messages),
    so that a budget freed by long messages does not flow to short ones."""
    if not per_unit:
        return choose_add(items, sc.leak, budget), 2.0
    return (
        choose_add(items, sc.leak, budget, ~sc.multi),
        choose_add(items, sc.leak, budget if multi_budget is None else multi_budget, sc.multi),
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", action="append", default=[], help="name=path of a labelled set")
    ap.add_argument("--eval", action="store_true", help="cross-writer evaluation")
    ap.add_argument("--ship", action="store_true", help="train on all sets, write the model")
    ap.add_argument(
        "--fp-budget",
        type=float,
        nargs="+",
        default=[0.003],
        help="share of the training sets' ordinary messages the stage may add a warning "
        "to (out of fold); --ship uses the first",
    )
    ap.add_argument("--downgrade", action="store_true", help="ship the downgrade threshold")
    ap.add_argument(
        "--gate-min",
        type=int,
        default=3,
        help="run the model only on messages with a matter keyword found in at least this "
        "many caught training leaks (0: every matter keyword)",
    )
    ap.add_argument(
        "--hold",
        action="append",
        default=[],
        help="--eval: hold out only these sets (repeatable; default every set), to split "
        "the evaluation over processes; the training data stay the same",
    )
    ap.add_argument(
        "--per-unit",
        choices=("off", "units", "max"),
        default="off",
        help="a long message (stage2.subunits) is scored by its most likely piece "
        "(units), or by that and the whole message (max), against its own add threshold "
        "chosen on its own budget of the long ordinary messages; off: read whole",
    )
    ap.add_argument(
        "--multi-budget",
        type=float,
        default=None,
        help="--per-unit: the budget of the multi-piece ordinary messages (default: the "
        "--fp-budget in use)",
    )
    ap.add_argument(
        "--split-long",
        type=int,
        default=0,
        help="--per-unit: a one-line message longer than this is cut into sentences (0: never)",
    )
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--steps", type=int, default=300)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    kw = {"l2": args.l2, "steps": args.steps}

    per_unit = args.per_unit != "off"
    split = args.split_long if per_unit else -1
    whole = args.per_unit == "max"
    corpus = load_items(CORPUS, "corpus", split)
    sets: dict[str, list[Item]] = {}
    for spec in args.set:
        name, _, path = spec.partition("=")
        if Path(path).name.startswith("untouched_") or Path(path).name == "text_holdout.jsonl":
            ap.error(f"{path} is an honest set: it is never trained on (tests/corpus/README.md)")
        sets[name] = load_items(Path(path), name, split)

    if args.eval:
        for held, test in sets.items():
            if args.hold and held not in args.hold:
                continue
            tr = corpus + [it for n, s in sets.items() if n != held for it in s]
            oof, oof_u = out_of_fold(tr, args.folds, args.seed, **kw)
            down = choose_down(tr, oof)
            w, b = train(tr, **kw)
            probs = predict(w, b, test)
            in_sample = predict(w, b, tr)
            sc_oof = Scores.of(oof, oof_u if per_unit else None, whole)
            sc_in = Scores.of(in_sample, unit_max(w, b, tr) if per_unit else None, whole)
            sc_test = Scores.of(probs, unit_max(w, b, test) if per_unit else None, whole)
            rules_flag = final_verdicts(test, probs, 2.0, -1)[0]
            r_rec, r_fpr, r_tp, r_fp = rates(test, rules_flag)
            n_leak = sum(it.flag for it in test)
            print(
                f"held out {held}: {n_leak} leaks, {len(test) - n_leak} ordinary, "
                f"stage 2 looks at {sum(it.reached for it in test)}; trained on "
                f"corpus+{'+'.join(n for n in sets if n != held)}; "
                f"downgrade threshold {down:.4f}"
            )
            print(
                f"  rules alone             recall {r_rec:.3f} ({r_tp})  FPR {r_fpr:.4f} ({r_fp})"
            )
            for budget in args.fp_budget:
                add, add_m = _thresholds(tr, sc_oof, budget, per_unit, args.multi_budget)
                gate = learn_gate(tr, sc_in, add, args.gate_min, add_m) if args.gate_min else None
                looked = sum(
                    it.reached and (gate is None or not gate.isdisjoint(it.words)) for it in test
                )
                print(f"    gate: {'all' if gate is None else len(gate)} words, looks at {looked}")
                for label, dn in (("add", -1.0), ("add+down", down)):
                    flagged = final_verdicts(test, probs, add, dn, gate, sc_test, add_m)[1]
                    rec, fpr, tp, fp = rates(test, flagged)
                    print(
                        f"  + stage 2 {label:8} budget {budget:.3%} (threshold {add:.4f}"
                        f"{f', multi-unit {add_m:.4f}' if per_unit else ''})  "
                        f"recall {rec:.3f} ({tp})  FPR {fpr:.4f} ({fp})"
                    )
                leak = np.array([it.flag for it in test])
                added = final_verdicts(test, probs, add, -1, gate, sc_test, add_m)[1] & ~rules_flag
                right = sum(
                    stage2.MATTERS[int(np.argmax(probs[i, 1:]))] in test[i].types
                    for i in np.flatnonzero(added & leak)
                )
                print(
                    f"    added {int(added.sum())} warnings: {int((added & leak).sum())} leaks "
                    f"(matter type named right {right}), {int((added & ~leak).sum())} ordinary"
                    f"; of them multi-unit {int((added & leak & sc_test.multi).sum())} leaks, "
                    f"{int((added & ~leak & sc_test.multi).sum())} ordinary"
                )
            sys.stdout.flush()

    if args.ship:
        allitems = corpus + [it for s in sets.values() for it in s]
        oof, oof_u = out_of_fold(allitems, args.folds, args.seed, **kw)
        sc_oof = Scores.of(oof, oof_u if per_unit else None, whole)
        add, add_m = _thresholds(allitems, sc_oof, args.fp_budget[0], per_unit, args.multi_budget)
        down = choose_down(allitems, oof) if args.downgrade else -1.0
        w, b = train(allitems, **kw)
        w = w.astype(np.float16).astype(np.float32)  # what ships
        sc_in = Scores.of(
            predict(w, b, allitems), unit_max(w, b, allitems) if per_unit else None, whole
        )
        gate = learn_gate(allitems, sc_in, add, args.gate_min, add_m)
        check = []
        for text in CHECK_TEXTS:
            ids = stage2.look(text, RULES_ONLY)[1]
            if ids is None:
                ids = stage2.features(text, (), scan_text(text, config=RULES_ONLY))
            z = w[ids].sum(axis=0, dtype=np.float64) + b
            check.append(1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))))
        stage2.MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
        arrays: dict[str, np.ndarray] = {
            "weights": w.astype(np.float16),
            "bias": b.astype(np.float32),
            "add_threshold": np.array(add, dtype=np.float64),
            "down_threshold": np.array(down, dtype=np.float64),
            "check_texts": np.array(CHECK_TEXTS),
            "check_probs": np.array(check, dtype=np.float32),
        }
        if per_unit:
            arrays["multi_threshold"] = np.array(add_m, dtype=np.float64)
            arrays["split_long"] = np.array(args.split_long, dtype=np.int64)
            arrays["unit_whole"] = np.array(whole)
        if args.gate_min:
            arrays["gate_words"] = np.array(sorted(gate))
        np.savez_compressed(stage2.MODEL_PATH, **arrays)  # type: ignore[arg-type]
        size = stage2.MODEL_PATH.stat().st_size
        print(
            f"shipped {stage2.MODEL_PATH.relative_to(ROOT)}: {size / 1024:.0f} KiB, "
            f"trained on {len(allitems)} messages, add threshold {add:.4f}, "
            f"{f'multi-unit threshold {add_m:.4f}, ' if per_unit else ''}"
            f"downgrade threshold {down:.4f}, gate {len(gate) if args.gate_min else 'all'} words"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
