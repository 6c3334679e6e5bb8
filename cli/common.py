"""What every command body shares: the configuration with `--db` applied, and the store
opened for writing or read-only (read commands never create a database, never delete)."""

from __future__ import annotations

import argparse
import dataclasses
import sqlite3
from pathlib import Path

from config import Config, ConfigError
from storage import DatabaseMissing, SchemaTooNew, Store, open_store


def load_config(args: argparse.Namespace, *, require_line: bool = True) -> Config:
    """Config.from_env(), with `--db PATH` (when the command has it) over BOT_DB_PATH."""
    config = Config.from_env(require_line=require_line)
    db = getattr(args, "db", None)
    if db:
        config = dataclasses.replace(config, db_path=Path(db).absolute())
    return config


def open_for(config: Config, *, readonly: bool = False) -> Store:
    """The store; `readonly` for commands that only read (ConfigError when it is absent)."""
    try:
        return open_store(config.db_path, readonly=readonly)
    except DatabaseMissing:
        raise ConfigError(
            f"no database at {config.db_path}: give the right one with --db PATH or "
            "BOT_DB_PATH (read commands never create one)"
        ) from None
    except SchemaTooNew as exc:
        raise ConfigError(f"{config.db_path}: {exc}") from None
    except (OSError, sqlite3.Error) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ConfigError(f"cannot open the database at {config.db_path}: {reason}") from None
