"""Whole-process benchmark of `bot.py scan --jsonl` on leak-heavy input.

    python bench/bench_scan_cli.py [--lines 100000] [--leak-share 0.5] [--seed 11] [--runs 3]

Writes a JSONL file of generated messages (half of them leaks by default: IDs,
phones, cards, accounts, e-mails, warrants, evasions), then runs the real command
as a subprocess and times it from spawn to exit, so Python's start-up, imports,
policy loading, warm-up and output writing all count. Prints:

- start-up: the same command on a one-line file (best of the runs), with byte code
  cached as in an ordinary install (a first run writes it, under a temporary
  PYTHONPYCACHEPREFIX, even where the shell sets PYTHONDONTWRITEBYTECODE);
- throughput: lines / wall-clock seconds of the whole process (best of the runs).

Targets: start-up <= 0.2 s, >= 20,000 messages/s for the whole process. The host is
shared: the machine reference (sum(range(1000)), ~8 us on a typical desktop core)
says how fast this machine was while measuring.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from detectors.tw_national_id import LETTER_CODES, WEIGHTS  # noqa: E402

SURNAMES = "陳林黃張李王吳劉蔡楊許鄭謝郭洪邱曾廖賴徐周葉蘇莊呂江何蕭羅高"
GIVEN = "志明俊傑建宏家豪偉文華國榮信嘉冠宇宗翰柏彥承哲凱軒淑美惠玲芳娟秀麗珍雅婷怡君"
CN = "零一二三四五六七八九"

ORDINARY = [
    "好的，收到",
    "謝謝大家 😊",
    "開會通知：{m}/{d} 下午{h}點在第一會議室，請準時出席",
    "來文移署{c}字第{docno}號請於一週內回復",
    "承辦人 {name}科長 (02)2388-{four} 分機 {ext}",
    "本案預算新臺幣{amount}萬元，請會計室核章",
    "收據金額 {amount},{three} 元，統編 {eight}",
    "訂單編號 {twelve} 已出貨",
    "Meeting moved to 3pm, room 2.",
    "有民眾問的話請他打 1999",
]
LEAKS = [
    "請問 {name} 的身分證 {nid} 可以幫忙確認戶籍嗎？",
    "關係人{name} 手機 {mobile}，請回電",
    "{name} 的卡號 {card}，有效期限 08/27",
    "匯款帳號 台新銀行 {acct}，戶名{name}",
    "民眾 {name} 的 email {local}@gmail.com",
    "身分證 {nid_fw}",
    "麻煩查一下{name} {nid_head}。後五碼是{nid_tail}",
    "手機 {mobile_cn}",
    "護照 {name} {passport}、{name2} {passport2}",
    "拘票下來了，明天執行，對象是{name}",
    "檢舉人是{name}，別說是我講的",
    "居留證 {nid_spaced}",
]


def _nid(rng: random.Random) -> str:
    letter = rng.choice(sorted(LETTER_CODES))
    code = LETTER_CODES[letter]
    second = rng.choice((1, 2))
    body = "".join(rng.choice("0123456789") for _ in range(7))
    vals = [code // 10, code % 10, second, *(int(c) for c in body)]
    total = sum(v * w for v, w in zip(vals, WEIGHTS[:-1], strict=True))
    return f"{letter}{second}{body}{(10 - total % 10) % 10}"


def _card(rng: random.Random) -> str:
    body = "4" + "".join(rng.choice("0123456789") for _ in range(14))
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    card = body + str((10 - total % 10) % 10)
    return f"{card[:4]} {card[4:8]} {card[8:12]} {card[12:]}"


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _message(rng: random.Random, leak: bool) -> str:
    nid = _nid(rng)
    mobile = "09" + _digits(rng, 8)
    values = {
        "name": rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
        "name2": rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
        "m": rng.randint(1, 12),
        "d": rng.randint(1, 28),
        "h": rng.randint(1, 5),
        "c": rng.choice("一二三"),
        "docno": _digits(rng, 10),
        "four": _digits(rng, 4),
        "three": _digits(rng, 3),
        "eight": _digits(rng, 8),
        "twelve": _digits(rng, 12),
        "ext": _digits(rng, 3),
        "amount": rng.randint(10, 9999),
        "nid": nid,
        "nid_fw": "".join(chr(ord(c) + 0xFEE0) for c in nid),
        "nid_head": nid[:5],
        "nid_tail": nid[5:],
        "nid_spaced": " ".join(nid),
        "mobile": f"{mobile[:4]}-{mobile[4:7]}-{mobile[7:]}",
        "mobile_cn": "".join(CN[int(c)] for c in mobile),
        "card": _card(rng),
        "acct": f"{_digits(rng, 4)} {_digits(rng, 4)} {_digits(rng, 4)} {_digits(rng, 2)}",
        "local": rng.choice(("chen", "lin", "wang")) + _digits(rng, 2),
        "passport": "3" + _digits(rng, 8),
        "passport2": "3" + _digits(rng, 8),
    }
    template = rng.choice(LEAKS if leak else ORDINARY)
    return template.format(**values)


def write_jsonl(path: Path, lines: int, leak_share: float, seed: int) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as f:
        for i in range(lines):
            text = _message(rng, rng.random() < leak_share)
            f.write(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n")


def run_once(path: Path, env: dict[str, str]) -> tuple[float, bytes]:
    cmd = [sys.executable, str(ROOT / "bot.py"), "scan", "--jsonl", str(path)]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, check=True, cwd=ROOT, env=env)
    return time.perf_counter() - t0, proc.stdout


def command_env(pycache: Path) -> dict[str, str]:
    """The environment of an ordinary install: byte code cached (here under a
    temporary prefix, not in the source tree), whatever this shell says."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=100_000)
    ap.add_argument("--leak-share", type=float, default=0.5)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp, "one.jsonl")
        write_jsonl(one, 1, args.leak_share, args.seed)
        data = Path(tmp, "scan.jsonl")
        write_jsonl(data, args.lines, args.leak_share, args.seed)
        env = command_env(Path(tmp, "pycache"))
        run_once(one, env)  # writes the byte-code cache, as a first run after install does
        startup = min(run_once(one, env)[0] for _ in range(max(3, args.runs)))
        best = float("inf")
        out = b""
        for _ in range(args.runs):
            dt, out = run_once(data, env)
            best = min(best, dt)
    flagged = sum(1 for line in out.splitlines() if b'"verdict": "allow"' not in line)
    reference = min(timeit.repeat("sum(range(1000))", number=2000, repeat=5)) / 2000 * 1e6
    rate = args.lines / best
    print(
        f"lines             {args.lines:,} ({args.leak_share:.0%} leaks written, {flagged:,} flagged)"
    )
    print(
        f"start-up          {startup * 1000:.0f} ms (one-line file, whole process; target <= 200)"
    )
    print(
        f"throughput        {rate:,.0f} messages/s (whole process, best of {args.runs}; target >= 20,000)"
    )
    print(f"wall clock        {best:.2f} s for the file")
    print(
        f"machine reference sum(range(1000)) = {reference:.1f} us here (a typical desktop core: ~8 us)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
