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
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent
DIST_NAME = "line-compliance-bot"

EPILOG = """\
environment (also read from .env in the current folder):
  LINE_CHANNEL_SECRET, LINE_CHANNEL_ACCESS_TOKEN
                        the channel's credentials (serve, tips send, broadcast); or files
                        line-channel-secret, line-channel-access-token in $CREDENTIALS_DIRECTORY
  LINE_API_BASE_URL     send every LINE API call here instead of LINE's hosts
  BOT_DB_PATH           SQLite database (--db wins; unset: $STATE_DIRECTORY/bot.db from
                        systemd, else $XDG_STATE_HOME/line-guard/bot.db, else
                        ~/.local/state/line-guard/bot.db)
  BOT_POLICY_PATH       detection policy file (TOML)
  BOT_HASH_SALT         salt of the value hashes in incidents
  BOT_RETENTION_DAYS    days incidents are kept, 1 or more (default 180)
  BOT_UNSEND_WINDOW_SECONDS, BOT_ESCALATION_GRACE_SECONDS
  BOT_OCR_ENGINE, BOT_OCR_WORKERS, BOT_OCR_QUEUE_SIZE
  BOT_PUBLIC_URL, BOT_TIMEZONE, BOT_DEFAULT_LOCALE
  BOT_METRICS_TOKEN     /metrics needs this bearer token (unset: loopback only)
  BOT_LOG_LEVEL, BOT_LOG_FORMAT
                        serve's logs: DEBUG..ERROR (INFO); text or json
  (all settings: .env.example, docs/service.md; production: docs/deploy.md)

exit status:
  0    success
  1    scan --exit-code found a warn/block message; admin remove: not in that role
  2    usage, configuration or input error, or no database for a read command
       (the message says what to fix)
  130  interrupted (Ctrl-C)
  141  output pipe closed early (e.g. `bot.py scan --jsonl f | head`)
"""

# LINE ids: a kind letter and 32 lowercase hex digits (U = user, C = group, R = room).
_USER_ID = re.compile(r"U[0-9a-f]{32}")
_CHAT_ID = re.compile(r"[CR][0-9a-f]{32}")


def user_id(raw: str) -> str:
    if not _USER_ID.fullmatch(raw):
        raise argparse.ArgumentTypeError("not a LINE user id (U followed by 32 hex digits)")
    return raw


def chat_id(raw: str) -> str:
    if not _CHAT_ID.fullmatch(raw):
        raise argparse.ArgumentTypeError(
            "not a LINE group or room id (C or R followed by 32 hex digits)"
        )
    return raw


def port(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {raw!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"port must be 0-65535, got {value}")
    return value


def positive_int(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {raw!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {value}")
    return value


def version() -> str:
    """The version in pyproject.toml (the installed distribution's when installed)."""
    pyproject = ROOT / "pyproject.toml"
    if pyproject.exists():
        import tomllib

        with pyproject.open("rb") as f:
            return str(tomllib.load(f)["project"]["version"])
    from importlib.metadata import version as dist_version

    return dist_version(DIST_NAME)


class HelpFormatter(argparse.ArgumentDefaultsHelpFormatter, argparse.RawDescriptionHelpFormatter):
    """Defaults shown on every option that has one (the help says what unset means
    otherwise); descriptions and epilogs keep their line breaks."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if action.default in (None, False) or isinstance(action, argparse._VersionAction):
            return action.help
        return super()._get_help_string(action)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="line-guard" if Path(sys.argv[0]).name == "line-guard" else "bot.py",
        description="LINE compliance bot (zh-TW / en): stops personal data and official "
        "secrets leaking into LINE work groups.",
        epilog=EPILOG,
        formatter_class=HelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {version()}")
    sub = p.add_subparsers(
        dest="command", required=True, metavar="COMMAND", help="`bot.py COMMAND --help` for more"
    )

    # --db on every command that uses the database.
    db_opt = argparse.ArgumentParser(add_help=False)
    db_opt.add_argument(
        "--db",
        metavar="PATH",
        help="SQLite database (unset: $BOT_DB_PATH, else the state directory: "
        "$STATE_DIRECTORY, $XDG_STATE_HOME/line-guard or ~/.local/state/line-guard)",
    )

    def command(
        parent: argparse._SubParsersAction[argparse.ArgumentParser],
        name: str,
        help: str,
        *,
        db: bool = False,
    ) -> argparse.ArgumentParser:
        return parent.add_parser(
            name,
            help=help,
            description=help,
            epilog=EPILOG,
            formatter_class=HelpFormatter,
            parents=[db_opt] if db else [],
        )

    s = command(sub, "scan", "scan text, a JSONL file or an image and print the verdict")
    s.add_argument("text", nargs="?", help='text to scan, or "-" to read stdin')
    s.add_argument(
        "--jsonl", metavar="FILE", help='one {"id","text"|"image"} object a line; "-" = stdin'
    )
    s.add_argument("--image", metavar="PATH", help="scan an image file or PDF (OCR)")
    s.add_argument("--config", metavar="PATH", help="policy file (default: $BOT_POLICY_PATH)")
    s.add_argument("--group", metavar="GROUP_ID", help="apply this group's policy overrides")
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

    sv = command(sub, "serve", "run the webhook server (POST /callback, GET /healthz)", db=True)
    sv.add_argument(
        "--host", default="0.0.0.0", help="address to listen on (127.0.0.1 behind a proxy)"
    )
    sv.add_argument("--port", type=port, default=8080, help="TCP port to listen on")

    command(sub, "demo", "run the bot against a local LINE platform with a scripted chat")

    inc = command(sub, "incidents", "list incidents (masked values only; read-only)", db=True)
    inc.add_argument("--json", action="store_true", help="one JSON object a line")

    ad = command(sub, "admin", "manage group admins and the ethics unit")
    ads = ad.add_subparsers(
        dest="admin_command", required=True, metavar="ACTION", help="what to do"
    )
    for name, what in (("add", "give USER_ID a role"), ("remove", "take a role from USER_ID")):
        a = command(ads, name, what, db=True)
        a.add_argument("user_id", type=user_id, help="LINE user id (U + 32 hex digits)")
        g = a.add_mutually_exclusive_group(required=True)
        g.add_argument("--group", metavar="GROUP_ID", type=chat_id, help="admin of this group")
        g.add_argument("--ethics", action="store_true", help="the ethics unit (all groups)")
    al = command(ads, "list", "list admins and the ethics unit (read-only)", db=True)
    al.add_argument("--json", action="store_true", help="one JSON object a line")
    ac = command(
        ads, "code", "print a one-time code; a member sends `/admin CODE` in the group", db=True
    )
    ac.add_argument(
        "--group", metavar="GROUP_ID", type=chat_id, required=True, help="the group (C/R + 32 hex)"
    )

    tp = command(sub, "tips", "confidentiality tips")
    tps = tp.add_subparsers(dest="tips_command", required=True, metavar="ACTION", help="what to do")
    tl = command(tps, "list", "list the tip library")
    tl.add_argument(
        "--locale", default=None, help="zh-TW or en (default: $BOT_DEFAULT_LOCALE, zh-TW)"
    )
    ts = command(tps, "send", "send the next tip to a group now", db=True)
    ts.add_argument(
        "--group", metavar="GROUP_ID", type=chat_id, required=True, help="the group (C/R + 32 hex)"
    )
    tsc = command(tps, "schedule", "show or set a group's tip schedule", db=True)
    tsc.add_argument(
        "--group", metavar="GROUP_ID", type=chat_id, required=True, help="the group (C/R + 32 hex)"
    )
    tsc.add_argument(
        "--every", metavar="N", type=positive_int, help="every N weeks (unset: 1 or as stored)"
    )
    tsc.add_argument(
        "--per-week", metavar="N", type=positive_int, help="tips per week on the chosen days"
    )
    tsc.add_argument("--days", metavar="DAYS", help="e.g. mon,wed,fri (unset: mon-fri)")
    tsc.add_argument("--time", metavar="HH:MM", help="local time (unset: 09:30)")
    tsc.add_argument("--quiet", metavar="HH:MM-HH:MM", help="quiet hours, e.g. 18:00-08:30")
    tsc.add_argument("--off", action="store_true", help="stop tips for this group")

    bc = command(
        sub, "broadcast", "ethics-unit reminder to groups (shows the estimate first)", db=True
    )
    bc.add_argument("text", help="the reminder's text")
    bg = bc.add_mutually_exclusive_group(required=True)
    bg.add_argument("--all", action="store_true", help="every group the bot is in")
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

    rt = command(sub, "retention", "enforce the retention period (the service does it hourly)")
    rts = rt.add_subparsers(
        dest="retention_command", required=True, metavar="ACTION", help="what to do"
    )
    command(
        rts,
        "run",
        "delete incidents older than $BOT_RETENTION_DAYS and expired bookkeeping now",
        db=True,
    )

    bk = command(
        sub,
        "backup",
        "write a consistent copy of the database (safe while the service runs)",
        db=True,
    )
    bk.add_argument(
        "--to", metavar="PATH", required=True, help="the new file (never overwritten; mode 0600)"
    )

    ob = command(sub, "outbox", "list outgoing messages; resend those LINE refused")
    obs = ob.add_subparsers(
        dest="outbox_command", required=True, metavar="ACTION", help="what to do"
    )
    ol = command(
        obs, "list", "rows waiting, held (401/403) or failed; no bodies (read-only)", db=True
    )
    ol.add_argument(
        "--status",
        default="open",
        choices=("open", "held", "pending", "failed", "sent", "all"),
        help="which rows (open: everything not yet delivered)",
    )
    ol.add_argument("--json", action="store_true", help="one JSON object a line")
    orr = command(obs, "retry", "release held rows (after fixing the token) and send", db=True)
    orr.add_argument("ids", nargs="*", type=int, help="row ids (default: every held row)")
    orr.add_argument("--no-send", action="store_true", help="only release; the service sends")
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
    if args.command == "scan":
        from cli import scan

        return scan.run(args)
    if args.command == "outbox":
        from cli import outbox

        return outbox.run(args)
    if args.command in ("serve", "demo", "incidents", "admin", "retention", "backup"):
        from cli import service

        return service.run(args)
    from cli import tips

    return tips.run(args)


if __name__ == "__main__":
    sys.exit(main())
