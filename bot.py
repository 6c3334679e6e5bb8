"""LINE compliance bot: entry point and command line.

    python bot.py demo                       the bot against a local LINE platform, scripted chat
    python bot.py serve [--host H] [--port P]
    python bot.py worker [--concurrency N]      (BOT_DATABASE_URL: PostgreSQL job queue)
    python bot.py scan "TEXT" | - | --jsonl FILE|- | --image PATH
    python bot.py incidents [--json]
    python bot.py admin add|remove|list|code ...
    python bot.py tips list|send|schedule ...
    python bot.py broadcast "TEXT" --all | --group GROUP_ID
    python bot.py report [--since 7d] [--json]
    python bot.py retention run [--backup-dir DIR]
    python bot.py backup [--to PATH]
    python bot.py outbox list [--status S] [--json] | retry [ID ...] [--no-send]
    python bot.py ocr list | serve [--host H] [--port P] [--engine NAME]

Each module in `cli/` registers its commands (`register(subparsers)`, every command with
`set_defaults(func=...)`); `main()` parses once and calls that function: the one dispatch.
The configuration is read from the environment in the commands (`Config.from_env()`).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from cli import maintenance, ocr, outbox, scan, service, worker
from cli.common import EPILOG, HelpFormatter, Subparsers, actions, chat_id, command, positive_int
from config import ConfigError

ROOT = Path(__file__).resolve().parent
DIST_NAME = "line-compliance-bot"


def version() -> str:
    """The version in pyproject.toml (the installed distribution's when installed)."""
    pyproject = ROOT / "pyproject.toml"
    if pyproject.exists():
        import tomllib

        with pyproject.open("rb") as f:
            return str(tomllib.load(f)["project"]["version"])
    from importlib.metadata import version as dist_version

    return dist_version(DIST_NAME)


class _VersionAction(argparse._VersionAction):
    """`--version`: the version is read when asked for, not each time the parser is
    built (tomllib and pyproject.toml stay out of every other command's start-up)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS) -> None:
        super().__init__(option_strings, dest=dest)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        self.version = f"%(prog)s {version()}"
        super().__call__(parser, namespace, values, option_string)


def _tips(args: argparse.Namespace) -> int:
    from cli import tips

    return tips.run(args)


def _register_tips(sub: Subparsers[argparse.ArgumentParser]) -> None:
    """tips, broadcast, report: their bodies and their own `run(args)` are in cli/tips.py
    (the tips area's module); their options are declared here."""
    tp = actions(command(sub, "tips", "confidentiality tips"), "tips_command")
    tl = command(tp, "list", "list the tip library")
    tl.add_argument(
        "--locale", default=None, help="zh-TW or en (default: $BOT_DEFAULT_LOCALE, zh-TW)"
    )
    ts = command(tp, "send", "send the next tip to a group now", db=True)
    ts.add_argument(
        "--group", metavar="GROUP_ID", type=chat_id, required=True, help="the group (C/R + 32 hex)"
    )
    tsc = command(tp, "schedule", "show or set a group's tip schedule", db=True)
    tsc.add_argument(
        "--group", metavar="GROUP_ID", type=chat_id, required=True, help="the group (C/R + 32 hex)"
    )
    tsc.add_argument(
        "--every",
        metavar="N",
        type=positive_int,
        help="every N weeks, 1-52 (unset: as stored, else 1)",
    )
    tsc.add_argument(
        "--per-week",
        metavar="N",
        type=positive_int,
        help="tips per week on the chosen days, 1-7 (unset: as stored, else 1)",
    )
    tsc.add_argument(
        "--days", metavar="DAYS", help="e.g. mon,wed,fri (unset: as stored, else mon-fri)"
    )
    tsc.add_argument("--time", metavar="HH:MM", help="local time (unset: as stored, else 09:30)")
    tsc.add_argument(
        "--quiet",
        metavar="HH:MM-HH:MM",
        help="quiet hours, e.g. 18:00-08:30, or off (unset: as stored, else 19:00-08:00)",
    )
    tsc.add_argument("--off", action="store_true", help="stop tips for this group")

    bc = command(
        sub, "broadcast", "ethics-unit reminder to groups (shows the estimate first)", db=True
    )
    bc.add_argument("text", help="the reminder's text")
    bg = bc.add_mutually_exclusive_group(required=True)
    bg.add_argument(
        "--all", action="store_true", help="every group the bot is in (one of --all, --group)"
    )
    bg.add_argument("--group", metavar="GROUP_ID", type=chat_id, help="one group (C/R + 32 hex)")
    bc.add_argument("--yes", action="store_true", help="send without asking to confirm")

    rp = command(sub, "report", "aggregate report for the ethics unit (read-only)", db=True)
    rp.add_argument("--since", default="7d", help="period, e.g. 7d, 30d, 12h")
    rp.add_argument("--json", action="store_true", help="the report as JSON (writes no file)")
    rp.add_argument(
        "--chart",
        metavar="FILE",
        help="write the trend chart to FILE (.png, .jpg/.jpeg or .webp; the folder must "
        "exist); unset: text mode saves a PNG beside the database, --json writes none",
    )
    for parser in (ts, tl, tsc, bc, rp):
        parser.set_defaults(func=_tips)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="line-guard" if Path(sys.argv[0]).name == "line-guard" else "bot.py",
        description="LINE compliance bot (zh-TW / en): stops personal data and official "
        "secrets leaking into LINE work groups.",
        epilog=EPILOG,
        formatter_class=HelpFormatter,
    )
    p.add_argument("--version", action=_VersionAction)
    sub = p.add_subparsers(
        dest="command", required=True, metavar="COMMAND", help="`bot.py COMMAND --help` for more"
    )
    # The order of `bot.py --help`.
    scan.register(sub)
    service.register(sub)  # serve, demo, incidents, admin
    worker.register(sub)  # worker (the job queue, BOT_DATABASE_URL)
    _register_tips(sub)  # tips, broadcast, report
    maintenance.register(sub)  # retention, backup
    outbox.register(sub)
    ocr.register(sub)  # ocr list, ocr serve
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """The command line (also the `line-guard` console script)."""
    try:
        code = _run(argv)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's exit
        return code
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as a shell tool killed by SIGPIPE.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except KeyboardInterrupt:
        return 130


def _run(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except ConfigError as exc:  # any bad setting, database or path: one line, exit 2
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
