"""LINE compliance bot: entry point and command line.

    python bot.py demo                       the bot against a local LINE platform, scripted chat
    python bot.py serve [--host H] [--port P]
    python bot.py scan "TEXT" | - | --jsonl FILE|- | --image PATH
    python bot.py incidents [--json]
    python bot.py admin add|remove|list|code ...
    python bot.py tips list|send|schedule ...
    python bot.py broadcast "TEXT" --all | --group GROUP_ID
    python bot.py report [--since 7d] [--json]
    python bot.py outbox list [--status S] [--json] | retry [ID ...] [--no-send]

This is the only module that reads the environment (`Config.from_env()` in `main()`);
the command bodies live in `cli/`, one module per area.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="bot.py", description="LINE compliance bot (zh-TW / en)")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("scan", help="scan text, a JSONL file or an image and print the verdict")
    s.add_argument("text", nargs="?", help='text to scan, or "-" to read stdin')
    s.add_argument(
        "--jsonl", metavar="FILE", help='one {"id","text"|"image"} object a line; "-" = stdin'
    )
    s.add_argument("--image", metavar="PATH", help="scan an image file (OCR)")
    s.add_argument("--config", metavar="PATH", help="policy file (default: $BOT_POLICY_PATH)")
    s.add_argument("--group", metavar="GROUP_ID", help="apply this group's policy overrides")
    s.add_argument(
        "--explain", action="store_true", help="show rule, checksum and context per finding"
    )

    sv = sub.add_parser("serve", help="run the webhook server")
    sv.add_argument("--host", default="0.0.0.0")
    sv.add_argument("--port", type=int, default=8080)

    sub.add_parser("demo", help="run the bot against a local LINE platform with a scripted chat")

    inc = sub.add_parser("incidents", help="list incidents (masked, no raw data)")
    inc.add_argument("--json", action="store_true", help="one JSON object a line")

    ad = sub.add_parser("admin", help="manage group admins and the ethics unit")
    ads = ad.add_subparsers(dest="admin_command", required=True)
    for name in ("add", "remove"):
        a = ads.add_parser(name)
        a.add_argument("user_id")
        g = a.add_mutually_exclusive_group(required=True)
        g.add_argument("--group", metavar="GROUP_ID")
        g.add_argument("--ethics", action="store_true")
    al = ads.add_parser("list")
    al.add_argument("--json", action="store_true")
    ac = ads.add_parser(
        "code", help="print a one-time code; a member sends `/admin CODE` in the group"
    )
    ac.add_argument("--group", metavar="GROUP_ID", required=True)

    tp = sub.add_parser("tips", help="confidentiality tips")
    tps = tp.add_subparsers(dest="tips_command", required=True)
    tl = tps.add_parser("list")
    tl.add_argument("--locale", default=None)
    ts = tps.add_parser("send", help="send the next tip to a group now")
    ts.add_argument("--group", metavar="GROUP_ID", required=True)
    tsc = tps.add_parser("schedule", help="show or set a group's tip schedule")
    tsc.add_argument("--group", metavar="GROUP_ID", required=True)
    tsc.add_argument("--every", metavar="N", type=int, help="every N weeks (default 1)")
    tsc.add_argument("--per-week", metavar="N", type=int, help="tips per week on the chosen days")
    tsc.add_argument("--days", metavar="DAYS", help="e.g. mon,wed,fri (default: mon-fri)")
    tsc.add_argument("--time", metavar="HH:MM", help="local time (default 09:30)")
    tsc.add_argument("--quiet", metavar="HH:MM-HH:MM", help="quiet hours, e.g. 18:00-08:30")
    tsc.add_argument("--off", action="store_true", help="stop tips for this group")

    bc = sub.add_parser(
        "broadcast", help="ethics-unit reminder to groups (shows the estimate first)"
    )
    bc.add_argument("text")
    bg = bc.add_mutually_exclusive_group(required=True)
    bg.add_argument("--all", action="store_true")
    bg.add_argument("--group", metavar="GROUP_ID")
    bc.add_argument("--yes", action="store_true", help="send without asking to confirm")

    rp = sub.add_parser("report", help="aggregate report for the ethics unit")
    rp.add_argument("--since", default="7d", help="period, e.g. 7d, 30d, 12h (default 7d)")
    rp.add_argument("--json", action="store_true")
    rp.add_argument("--chart", metavar="PNG", help="also write the trend chart to this file")

    from cli import outbox as outbox_cli

    outbox_cli.add_parser(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "scan":
        from cli import scan

        return scan.run(args)
    if args.command == "outbox":
        from cli import outbox

        return outbox.run(args)
    if args.command in ("serve", "demo", "incidents", "admin"):
        from cli import service

        return service.run(args)
    from cli import tips

    return tips.run(args)


if __name__ == "__main__":
    sys.exit(main())
