"""What every command module shares: the parser conventions (help formatter, epilog, LINE
id and number checks, `--db`), the configuration with `--db` applied, and the store opened
for writing or read-only (read commands never create a database, never delete).

Importing this module is cheap (no storage, no detectors): `bot.py` imports every command
module to build its parser, and each module imports its heavy parts inside its commands.
"""

from __future__ import annotations

import argparse
import dataclasses
import re
from pathlib import Path
from typing import TYPE_CHECKING

from config import Config, ConfigError

if TYPE_CHECKING:
    from storage import Store

Subparsers = argparse._SubParsersAction  # the object `add_subparsers()` returns

EPILOG = """\
environment (also read from .env in the current folder; blank = unset):
  LINE_CHANNEL_SECRET, LINE_CHANNEL_ACCESS_TOKEN
                        the channel's credentials (serve, outbox retry, and tips send,
                        broadcast to deliver at once); or files line-channel-secret,
                        line-channel-access-token in $CREDENTIALS_DIRECTORY
  LINE_API_BASE_URL     send every LINE API call here instead of LINE's hosts
  BOT_DB_PATH           SQLite database (--db wins; unset: $STATE_DIRECTORY/bot.db from
                        systemd, else $XDG_STATE_HOME/line-guard/bot.db, else
                        ~/.local/state/line-guard/bot.db)
  BOT_DATABASE_URL      postgresql://user@host/db: PostgreSQL, shared by several replicas,
                        instead of the SQLite file (needs BOT_HASH_KEY; or file
                        bot-database-url in $CREDENTIALS_DIRECTORY); images are then
                        scanned by `worker` processes (the job queue)
  BOT_BACKUP_DIR        folder of `backup` copies; `retention run` deletes those older
                        than BOT_RETENTION_DAYS (unset: backups are never expired)
  BOT_POLICY_PATH       detection policy file (TOML; unset: built-in policy)
  BOT_HASH_KEY          key of the value hashes in incidents, 32+ characters (older name
                        BOT_HASH_SALT; or file bot-hash-key, bot-hash-salt in
                        $CREDENTIALS_DIRECTORY; unset: a key file beside the database)
  BOT_ENV               production: serve refuses to start without BOT_HASH_KEY
                        (default development)
  BOT_RETENTION_DAYS    days incidents (and backups) are kept, 1 or more (default 180)
  BOT_AUDIT_RETENTION_DAYS
                        days audit-log rows are kept, 1 or more (default 365)
  BOT_UNSEND_WINDOW_SECONDS, BOT_ESCALATION_GRACE_SECONDS
                        how long LINE lets a sender unsend (86400); how long before an
                        incident is escalated to the admins (600)
  BOT_OCR_ENGINE, BOT_OCR_WORKERS, BOT_OCR_QUEUE_SIZE, BOT_OCR_SCAN_SECONDS,
  BOT_OCR_MEMORY_MB     image scanning: engine (rapidocr), worker processes (1), images
                        waiting (16), seconds (60) and MB (1536) one scan may take
  BOT_OCR_URL, BOT_OCR_TOKEN, BOT_OCR_TIMEOUT
                        BOT_OCR_ENGINE=http: the OCR hook's URL, its bearer token (or
                        file bot-ocr-token in $CREDENTIALS_DIRECTORY) and seconds per
                        request (30); `bot.py ocr list` shows the engines
  BOT_PUBLIC_URL        the bot's https base URL (report charts as images; unset: none)
  BOT_TIMEZONE, BOT_DEFAULT_LOCALE
                        IANA time zone (Asia/Taipei); zh-TW or en (zh-TW)
  BOT_METRICS_TOKEN     /metrics needs this bearer token (unset: loopback only; or file
                        bot-metrics-token in $CREDENTIALS_DIRECTORY)
  BOT_LOG_LEVEL, BOT_LOG_FORMAT
                        serve's logs: DEBUG..CRITICAL (INFO); text or json (text)
  (all settings: .env.example, docs/service.md; production: docs/deploy.md)

exit status:
  0    success
  1    scan --exit-code: a warn/block message found (N for --exit-code N); admin
       remove: not in that role; outbox retry: rows still held; tips send|schedule,
       broadcast: unknown group, or the broadcast refused or not confirmed;
       incidents show|ack|reopen: no such incident, or not in a status it applies to
  2    usage, configuration or input error, or no database for a read command
       (the message says what to fix)
  130  interrupted (Ctrl-C)
  141  output pipe closed early (e.g. `bot.py scan --jsonl f | head`)
"""


class HelpFormatter(argparse.ArgumentDefaultsHelpFormatter, argparse.RawDescriptionHelpFormatter):
    """Defaults shown on every option that has one (the help says what unset means
    otherwise); descriptions and epilogs keep their line breaks."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if action.default in (None, False) or isinstance(action, argparse._VersionAction):
            return action.help
        return super()._get_help_string(action)


# --db on every command that uses the database.
_DB_OPTION = argparse.ArgumentParser(add_help=False)
_DB_OPTION.add_argument(
    "--db",
    metavar="PATH",
    help="SQLite database, or a postgresql:// URL (unset: $BOT_DATABASE_URL, else "
    "$BOT_DB_PATH, else the state directory: "
    "$STATE_DIRECTORY, $XDG_STATE_HOME/line-guard or ~/.local/state/line-guard)",
)


def command(
    parent: Subparsers[argparse.ArgumentParser], name: str, help: str, *, db: bool = False
) -> argparse.ArgumentParser:
    """A (sub)command with the shared help formatter and epilog; `db`: it takes --db."""
    return parent.add_parser(
        name,
        help=help,
        description=help,
        epilog=EPILOG,
        formatter_class=HelpFormatter,
        parents=[_DB_OPTION] if db else [],
    )


def actions(parser: argparse.ArgumentParser, dest: str) -> Subparsers[argparse.ArgumentParser]:
    """The ACTION level under a command (`admin add`, `tips send`, ...)."""
    return parser.add_subparsers(dest=dest, required=True, metavar="ACTION", help="what to do")


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


def load_config(args: argparse.Namespace, *, require_line: bool = True) -> Config:
    """Config.from_env(), with `--db PATH` (when the command has it) over BOT_DB_PATH and
    BOT_DATABASE_URL (a postgresql:// URL there selects PostgreSQL)."""
    from storage.pg import is_postgres_url

    config = Config.from_env(require_line=require_line)
    db = getattr(args, "db", None)
    if db and is_postgres_url(db):
        config = dataclasses.replace(config, database_url=db)
    elif db:
        config = dataclasses.replace(config, db_path=Path(db).absolute(), database_url=None)
    return config


def open_for(config: Config, *, readonly: bool = False) -> Store:
    """The store; `readonly` for commands that only read (ConfigError when it is absent)."""
    import sqlite3

    from storage import DatabaseMissing, SchemaTooNew, open_store

    where = config.database_label
    try:
        return open_store(config.database, readonly=readonly)
    except DatabaseMissing:
        raise ConfigError(
            f"no database at {where}: give the right one with --db PATH or "
            "BOT_DB_PATH / BOT_DATABASE_URL (read commands never create one)"
        ) from None
    except SchemaTooNew as exc:
        raise ConfigError(f"{where}: {exc}") from None
    except (OSError, sqlite3.Error) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ConfigError(f"cannot open the database at {where}: {reason}") from None


def cli_actor() -> str:
    """Who ran a command, for the audit log: "cli:" and the operating-system user."""
    import getpass

    try:
        return "cli:" + getpass.getuser()
    except (OSError, KeyError):
        return "cli:unknown"


def audit_cli(
    config: Config,
    action: str,
    *,
    incident_id: str | None = None,
    group_id: str | None = None,
    detail: str | None = None,
) -> None:
    """One audit-log row for a command that read or changed incidents or roles (the console's
    /console/audit shows it). Read commands open the database read-only to read; this row is
    their one write (ConfigError when it cannot be made: no reading without a record)."""
    import time

    store = open_for(config)
    try:
        with store.atomic(immediate=True):
            store.audit_add(
                cli_actor(),
                "cli",
                action,
                time.time(),
                incident_id=incident_id,
                group_id=group_id,
                detail=detail,
            )
    except Exception as exc:
        raise ConfigError(
            f"cannot record the audit row in {config.database_label}: {exc}"
        ) from None
    finally:
        store.close()
