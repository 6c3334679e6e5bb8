"""`bot.py scan`: the command-line scanner (contract in issue #2).

    bot.py scan "TEXT" [--explain]      human-readable verdict and masked findings
    bot.py scan -                       the same, text from stdin
    bot.py scan --jsonl FILE|-          one {"id","text"} object a line in, one JSON line out:
                                        {"id","verdict","findings":[{"type","start","end",
                                        "masked","score","source"}]}; a bad line gets
                                        {"id","error"} and the rest still run.
    --config PATH / --group GROUP_ID    the policy file and the group whose overrides apply

Nothing printed carries a raw value: findings are masked, errors name the
problem, never the input.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from cli.common import Subparsers, command

if TYPE_CHECKING:  # the detectors load inside the command: `bot.py --help` stays quick
    from detectors import Finding, ScanResult
    from detectors.policy import Policy
    from ocr import OcrEngine

Scanner = Callable[[dict[str, Any]], "ScanResult"]


def register(sub: Subparsers[argparse.ArgumentParser]) -> None:
    s = command(sub, "scan", "scan text, a JSONL file or an image and print the verdict")
    s.add_argument(
        "text", nargs="?", help='text to scan, or "-" to read stdin (one of TEXT, --jsonl, --image)'
    )
    s.add_argument(
        "--jsonl", metavar="FILE", help='one {"id","text"|"image"} object a line; "-" = stdin'
    )
    s.add_argument("--image", metavar="PATH", help="scan an image file or PDF (OCR)")
    s.add_argument("--config", metavar="PATH", help="policy file (default: $BOT_POLICY_PATH)")
    s.add_argument(
        "--group",
        metavar="GROUP_ID",
        help="apply this group's policy overrides (unset: the policy's defaults)",
    )
    s.add_argument(
        "--explain", action="store_true", help="show rule, checksum and context per finding"
    )
    s.add_argument(
        "--exit-code",
        metavar="N",
        type=int,
        nargs="?",
        const=1,
        default=None,
        help="exit with N (1 when given without a value) when any message is warn or block, "
        "like gitleaks; without it the exit status is 0 whatever the verdicts",
    )
    s.set_defaults(func=run)


def _text_scanner(policy: Policy, group: str | None) -> Scanner:
    from detectors import scan_text

    def scan_item(item: dict[str, Any]) -> ScanResult:
        text = item.get("text")
        if not isinstance(text, str):
            raise ValueError('missing "text" (a string)')
        return scan_text(text, policy=policy, group_id=group)

    return scan_item


def _scan_item(
    item: dict[str, Any], policy: Policy, group: str | None, base: Path | None = None
) -> ScanResult:
    """One JSONL item: {"text": ...} or {"image": PATH} (images: see the section below)."""
    if "image" in item and "text" not in item:
        return _scan_image_item(item, policy, group, base)
    return _text_scanner(policy, group)(item)


FLAGGED = ("warn", "block")

# One encoder for every line: `json.dumps(..., ensure_ascii=False)` builds a new
# JSONEncoder per call. Same separators, so the same bytes.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
_DECODE = json.JSONDecoder().decode
# The string encoder that encoder uses (ensure_ascii=False): the C one where present.
_STR = json.encoder.encode_basestring
_INT_MAX = 1 << 62


def contract_line(result: ScanResult, item_id: Any) -> str:
    """`_ENCODE(result.to_contract(item_id))`, the same bytes, written directly for the
    usual shapes (an int, str or null id; float scores): building the dicts and
    walking them in the encoder cost as much as a quiet message's scan. Any other
    shape goes through the encoder."""
    if item_id is None:
        head = '{"id": null, "verdict": '
    elif type(item_id) is int and -_INT_MAX < item_id < _INT_MAX:
        head = f'{{"id": {item_id}, "verdict": '
    elif type(item_id) is str:
        head = f'{{"id": {_STR(item_id)}, "verdict": '
    else:
        return _ENCODE(result.to_contract(item_id))
    parts: list[str] = []
    for f in result.findings:
        score = round(f.score, 3)
        if (
            type(score) is not float
            or not -1e16 < score < 1e16  # NaN, infinities: the encoder's spelling
            or type(f.start) is not int
            or type(f.end) is not int
        ):
            return _ENCODE(result.to_contract(item_id))
        parts.append(
            f'{{"type": {_STR(f.type)}, "start": {f.start}, "end": {f.end}, '
            f'"masked": {_STR(f.masked)}, "score": {score!r}, "source": {_STR(f.source)}}}'
        )
    tail = f', "doc_type": {_STR(result.doc_type)}}}' if result.doc_type else "}"
    return f'{head}{_STR(result.verdict)}, "findings": [{", ".join(parts)}]{tail}'


def _run_jsonl(
    stream: TextIO,
    out: TextIO,
    policy: Policy,
    group: str | None,
    base: Path | None = None,
    *,
    flush_each: bool = True,
) -> bool:
    """One result line per input line; True when any line's verdict is warn or block.
    `flush_each`: flush after every line (a program feeding stdin line by line waits for
    each answer); a file is answered through the buffer, flushed at the end."""
    from detectors import scan_text

    pol = policy.for_group(group)
    write = out.write
    flagged = False
    for n, raw in enumerate(stream, start=1):
        line = raw.strip()
        if not line:
            continue
        item_id: Any = None
        scanned: ScanResult | None = None
        try:
            item = _DECODE(line)
            if not isinstance(item, dict):
                raise ValueError("line is not a JSON object")
            item_id = item.get("id")
            text = item.get("text")
            if isinstance(text, str):  # the common case, without the image checks
                scanned = scan_text(text, policy=pol)
            else:
                scanned = _scan_item(item, policy, group, base)
            flagged = flagged or scanned.verdict in FLAGGED
        except json.JSONDecodeError as exc:
            error = f"line {n}: not valid JSON ({exc.msg})"
        except (ValueError, TypeError) as exc:
            error = f"line {n}: {exc}"
        if scanned is not None:
            write(contract_line(scanned, item_id) + "\n")
        else:
            write(_ENCODE({"id": item_id, "error": error}) + "\n")
        if flush_each:
            out.flush()
    out.flush()
    return flagged


def _print_human(result: ScanResult, out: TextIO, explain: bool) -> None:
    out.write(f"verdict: {result.verdict}\n")
    if not result.findings:
        out.write("  no leak found\n")
    for f in result.findings:
        out.write(f"  {f.type:24} {f.masked:16} score={f.score:.2f} [{f.start}:{f.end}]\n")
        if explain:
            _explain(f, out)
    if explain:
        rules = [r for r in result.reasons if not r.startswith("stage2.")]
        if rules:
            out.write(f"  policy: {', '.join(rules)}\n")
        for r in result.reasons:
            if r.startswith("stage2."):  # the learned second look changed the verdict
                prob = r[r.find("(") + 1 : -1]
                out.write(f"  stage 2 (learned): {_STAGE2_SAYS.get(r[7:11], r)}, p={prob}\n")
        if result.suppressed:
            out.write("  weighed and let pass:\n")
            for f in result.suppressed:
                out.write(
                    f"    {f.type:22} {f.masked:16} score={f.score:.2f} [{f.start}:{f.end}]\n"
                )
                _explain(f, out, indent="      ")


_STAGE2_SAYS = {
    "leak": "the rules allowed it; leak probability reached the threshold -> warn",
    "ordi": "the rules warned on a matter; leak probability this low -> allow",
}


def _explain(f: Finding, out: TextIO, indent: str = "    ") -> None:
    checksum = {True: "valid", False: "invalid", None: "n/a"}[f.checksum]
    ctx = f.context if f.context else "-"
    out.write(f"{indent}rule={f.rule} checksum={checksum} context={ctx}\n")
    for step in f.why:  # every change to the score, with its reason
        out.write(f"{indent}  {step}\n")


def _policy(args: argparse.Namespace) -> Policy:
    from detectors.policy import load_policy, resolve_policy

    path = getattr(args, "config", None) or os.environ.get("BOT_POLICY_PATH", "").strip() or None
    return load_policy(path) if path else resolve_policy(None)


class _Unreadable(Exception):
    """The --jsonl file cannot be read (the message says why, never its content)."""


def _run_jsonl_arg(source: str, policy: Policy, group: str | None) -> bool:
    """`--jsonl FILE|-`: True when any line's verdict is warn or block."""
    if source == "-":
        return _run_jsonl(sys.stdin, sys.stdout, policy, group)
    try:
        with open(source, encoding="utf-8") as f:
            return _run_jsonl(f, sys.stdout, policy, group, Path(source).parent, flush_each=False)
    except BrokenPipeError:
        raise  # our reader went away (bot.py main), not the input file
    except OSError as exc:
        raise _Unreadable(f"cannot read {source}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise _Unreadable(f"cannot read {source}: not UTF-8 text") from None


def run(args: argparse.Namespace) -> int:
    from detectors import scan_text
    from detectors.policy import PolicyError

    try:
        policy = _policy(args)
    except PolicyError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    group: str | None = getattr(args, "group", None)
    # --exit-code N: N when a message is warn or block (gitleaks' convention), else 0.
    exit_code: int | None = getattr(args, "exit_code", None)

    def status(flagged: bool) -> int:
        return exit_code if exit_code is not None and flagged else 0

    if args.jsonl:
        # Everything alive now (compiled patterns, the policy) never needs another
        # look by the collector: keep it out of the collections a long file triggers.
        gc.freeze()
        # A batch allocates and frees many small objects and leaves few cycles (a
        # Doc and its Discourse): the default thresholds (700, 10, 10) walk the
        # young objects and the survivors far more often than that needs, ~5 % of
        # the whole process's instructions on 3,000 leak-heavy lines (callgrind,
        # bench_scan_cli's input). Cycles are still collected, every 100,000
        # allocations, which bounds the memory they hold.
        thresholds = gc.get_threshold()
        gc.set_threshold(100_000, 50, 100)
        try:
            return status(_run_jsonl_arg(args.jsonl, policy, group))
        except _Unreadable as exc:
            print(str(exc), file=sys.stderr)
            return 2
        finally:
            gc.set_threshold(*thresholds)
    if getattr(args, "image", None):
        code, flagged = _run_image(args.image, policy, group, bool(getattr(args, "explain", False)))
        return code or status(flagged)
    if args.text is None:
        print(
            "nothing to scan: give TEXT, - (stdin), --jsonl FILE or --image PATH", file=sys.stderr
        )
        return 2
    text = sys.stdin.read() if args.text == "-" else args.text
    result = scan_text(text, policy=policy, group_id=group)
    _print_human(result, sys.stdout, bool(getattr(args, "explain", False)))
    return status(result.verdict in FLAGGED)


# --- Images (OCR) ------------------------------------------------------------------------------
# Owned by the image pipeline (images/, ocr/). `--image PATH` and {"id", "image": PATH} lines:
# findings carry "source": "ocr" and the result a top-level "doc_type" when a document is
# recognised. Image errors never echo the OCR text, only the reason the image was refused.


@functools.cache
def _engine() -> OcrEngine:
    """The engine the service would use: BOT_OCR_ENGINE (and, for `http`, BOT_OCR_URL,
    BOT_OCR_TOKEN, BOT_OCR_TIMEOUT), read with the service's validation."""
    from config import Config
    from ocr import HookSettings

    return HookSettings.from_config(Config.from_env(require_line=False)).get()


def _scan_image_file(path: Path, policy: Policy, group: str | None) -> ScanResult:
    from images import ImageRefused, ScanSettings, scan_image
    from ocr.http import HookError

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValueError(f"cannot read image {path}: {exc.strerror}") from exc
    try:
        return scan_image(
            data, engine=_engine(), settings=ScanSettings.for_policy(policy), group_id=group
        )
    except ImageRefused as exc:
        raise ValueError(f"image refused ({exc.reason}): {exc.message}") from exc
    except HookError as exc:  # the HTTP hook failed: not scanned, said as the other refusals
        raise ValueError(f"image not scanned: {exc}") from exc


def _scan_image_item(
    item: dict[str, Any], policy: Policy, group: str | None, base: Path | None
) -> ScanResult:
    raw = item.get("image")
    if not isinstance(raw, str) or not raw:
        raise ValueError('"image" must be a file path (a string)')
    path = Path(raw)
    # Relative paths: from the current directory, else from the JSONL file's directory.
    if not path.is_absolute() and not path.exists() and base is not None:
        path = base / path
    return _scan_image_file(path, policy, group)


def _run_image(raw: str, policy: Policy, group: str | None, explain: bool) -> tuple[int, bool]:
    """(exit status, whether the verdict is warn or block)."""
    try:
        result = _scan_image_file(Path(raw), policy, group)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2, False
    if result.doc_type:
        sys.stdout.write(f"document: {result.doc_type}\n")
    _print_human(result, sys.stdout, explain)
    return 0, result.verdict in FLAGGED
