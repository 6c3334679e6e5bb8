"""`bot.py scan`: the command-line scanner (contract in issue #2)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from detectors import ScanResult, scan_text


def _scan_item(item: dict[str, Any]) -> ScanResult:
    text = item.get("text")
    if not isinstance(text, str):
        raise ValueError("missing \"text\" (a string)")
    return scan_text(text)


def _run_jsonl(stream: TextIO, out: TextIO) -> None:
    for raw in stream:
        line = raw.strip()
        if not line:
            continue
        item_id: Any = None
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise ValueError("line is not a JSON object")
            item_id = item.get("id")
            result = _scan_item(item).to_contract(item_id)
        except (ValueError, json.JSONDecodeError) as exc:
            result = {"id": item_id, "error": str(exc)}
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()


def run(args: argparse.Namespace) -> int:
    if args.jsonl:
        if args.jsonl == "-":
            _run_jsonl(sys.stdin, sys.stdout)
            return 0
        try:
            with open(args.jsonl, encoding="utf-8") as f:
                _run_jsonl(f, sys.stdout)
        except OSError as exc:
            print(f"cannot read {args.jsonl}: {exc.strerror}", file=sys.stderr)
            return 2
        return 0
    if args.text is None:
        print("nothing to scan: give TEXT, - (stdin), --jsonl FILE or --image PATH", file=sys.stderr)
        return 2
    text = sys.stdin.read() if args.text == "-" else args.text
    result = scan_text(text)
    print(f"verdict: {result.verdict}")
    for f in result.findings:
        print(f"  {f.type:24} {f.masked:16} score={f.score:.2f} [{f.start}:{f.end}] rule={f.rule}")
    return 0
