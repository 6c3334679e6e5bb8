"""Service configuration: read once, in `main()`, from the environment or `.env`.

Nothing here runs at import time; `Config.from_env()` is the only reader of the
environment. Every part of the service receives this one typed object.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


class ConfigError(Exception):
    """A setting is missing or invalid; the message says what to set."""


def _int(env: Mapping[str, str], key: str, default: int) -> int:
    raw = env.get(key, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"{key} must be a whole number, got {raw!r}") from exc


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")

# The UI languages (locales/<name>.json).
LOCALES = ("zh-TW", "en")


def _valid_timezone(name: str) -> bool:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


# Secrets handed over as files by systemd (`LoadCredential=`, $CREDENTIALS_DIRECTORY) or a
# container engine (/run/secrets): file name -> the variable it stands for.
CREDENTIAL_FILES = {
    "line-channel-secret": "LINE_CHANNEL_SECRET",
    "line-channel-access-token": "LINE_CHANNEL_ACCESS_TOKEN",
    "bot-hash-key": "BOT_HASH_KEY",
    "bot-hash-salt": "BOT_HASH_SALT",
    "bot-metrics-token": "BOT_METRICS_TOKEN",
}


def _with_credentials(env: Mapping[str, str]) -> Mapping[str, str]:
    """`env` plus the secrets found in $CREDENTIALS_DIRECTORY (a set variable wins)."""
    folder = env.get("CREDENTIALS_DIRECTORY", "").strip()
    if not folder:
        return env
    merged = dict(env)
    for name, key in CREDENTIAL_FILES.items():
        path = Path(folder) / name
        if not merged.get(key, "").strip() and path.is_file():
            try:
                merged[key] = path.read_text(encoding="utf-8").strip()
            except OSError as exc:
                raise ConfigError(f"cannot read the credential {path}: {exc.strerror}") from exc
    return merged


def default_db_path(env: Mapping[str, str]) -> Path:
    """The database when BOT_DB_PATH is unset: an absolute state directory, never the
    current folder. systemd's $STATE_DIRECTORY (StateDirectory=), else
    $XDG_STATE_HOME/line-guard, else ~/.local/state/line-guard."""
    state = env.get("STATE_DIRECTORY", "").strip().split(":")[0]
    if state:
        return Path(state) / "bot.db"
    xdg = env.get("XDG_STATE_HOME", "").strip()
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "state"
    return base / "line-guard" / "bot.db"


@dataclass(frozen=True)
class Config:
    channel_secret: str = ""
    channel_access_token: str = ""
    # When set, every LINE API call (content downloads included) goes here instead of LINE's hosts.
    line_api_base_url: str | None = None
    db_path: Path = Path("data/bot.db")
    # Detection policy file (allow-lists, extra keywords, per-group overrides); None: built-in defaults.
    policy_path: Path | None = None
    # Key of the HMAC hashes of values in incidents (repeat detection): BOT_HASH_KEY (or the
    # older name BOT_HASH_SALT). Never stored in the database; when not set (development),
    # a key file is created beside the database (`data/bot.hashkey`, mode 0600).
    hash_salt: str | None = None
    # "production" (BOT_ENV=production): the service refuses to start without BOT_HASH_KEY.
    environment: str = "development"
    # How long a sender may still unsend on LINE, and how long we wait before escalating.
    unsend_window_seconds: int = 24 * 3600
    escalation_grace_seconds: int = 600
    # Incidents and everything tied to them are deleted after this many days.
    retention_days: int = 180
    # Image scanning (OCR): engine name and worker pool.
    ocr_engine: str = "rapidocr"
    ocr_workers: int = 1
    ocr_queue_size: int = 16
    # Per-scan limits in the OCR worker: wall-clock seconds (the worker is killed past it) and
    # memory above the loaded engine (RLIMIT_AS). Either breach: "not scanned", admins told.
    ocr_scan_seconds: int = 60
    ocr_memory_mb: int = 1536
    # Public base URL of this bot (for serving report charts as image messages), optional.
    public_url: str | None = None
    timezone: str = "Asia/Taipei"
    default_locale: str = "zh-TW"
    # /metrics: with a token, bearer-token clients only; without, loopback only.
    metrics_token: str | None = None
    # Logs: level name and format ("text" or "json").
    log_level: str = "INFO"
    log_format: str = "text"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, *, require_line: bool = True) -> Config:
        """Build from `env` (default: os.environ after loading `.env`)."""
        if env is None:
            from dotenv import load_dotenv

            load_dotenv()
            env = os.environ
        env = _with_credentials(env)
        # Every problem is collected, then reported together in one ConfigError.
        errors: list[str] = []
        secret = env.get("LINE_CHANNEL_SECRET", "").strip()
        token = env.get("LINE_CHANNEL_ACCESS_TOKEN", "").strip()
        if require_line:
            missing = [
                k
                for k, v in (("LINE_CHANNEL_SECRET", secret), ("LINE_CHANNEL_ACCESS_TOKEN", token))
                if not v
            ]
            if missing:
                errors.append(
                    "Missing " + ", ".join(missing) + ". Set them in the environment or in .env "
                    "(copy .env.example to .env and fill in the values from the LINE Developers "
                    "console, Messaging API tab), or as files in $CREDENTIALS_DIRECTORY. To try "
                    "the bot without a LINE channel, run `python bot.py demo`."
                )

        def number(key: str, default: int, minimum: int, meaning: str) -> int:
            try:
                value = _int(env, key, default)
            except ConfigError as exc:
                errors.append(str(exc))
                return default
            if value < minimum:
                errors.append(f"{key} must be {minimum} or more ({meaning}), got {value}")
                return default
            return value

        unsend_window = number("BOT_UNSEND_WINDOW_SECONDS", 24 * 3600, 1, "seconds")
        grace = number("BOT_ESCALATION_GRACE_SECONDS", 600, 0, "seconds")
        retention_days = number(
            "BOT_RETENTION_DAYS", 180, 1, "days incidents are kept; 0 would delete every incident"
        )
        ocr_workers = number("BOT_OCR_WORKERS", 1, 0, "OCR worker processes")
        ocr_queue = number("BOT_OCR_QUEUE_SIZE", 16, 1, "images waiting for OCR")
        ocr_scan_seconds = number("BOT_OCR_SCAN_SECONDS", 60, 1, "seconds one scan may take")
        ocr_memory_mb = number("BOT_OCR_MEMORY_MB", 1536, 256, "MB one scan may add")
        timezone = env.get("BOT_TIMEZONE", "").strip() or "Asia/Taipei"
        if not _valid_timezone(timezone):
            errors.append(
                f"BOT_TIMEZONE {timezone!r} is not a known time zone (IANA name, e.g. Asia/Taipei)"
            )
        raw_locale = env.get("BOT_DEFAULT_LOCALE", "").strip() or "zh-TW"
        known = {name.lower(): name for name in LOCALES}
        locale = known.get(raw_locale.lower())
        if locale is None:
            locale = "zh-TW"
            errors.append(
                f"BOT_DEFAULT_LOCALE {raw_locale!r} is not supported; use one of "
                + ", ".join(LOCALES)
            )
        log_level = env.get("BOT_LOG_LEVEL", "").strip().upper() or "INFO"
        if log_level not in LOG_LEVELS:
            errors.append(f"BOT_LOG_LEVEL {log_level!r} is not one of {', '.join(LOG_LEVELS)}")
        log_format = env.get("BOT_LOG_FORMAT", "").strip().lower() or "text"
        if log_format not in ("text", "json"):
            errors.append(f"BOT_LOG_FORMAT {log_format!r} must be text or json")
        environment = env.get("BOT_ENV", "").strip().lower() or "development"
        hash_key = env.get("BOT_HASH_KEY", "").strip() or env.get("BOT_HASH_SALT", "").strip()
        if environment == "production" and require_line and len(hash_key) < 32:
            errors.append(
                "BOT_ENV=production needs BOT_HASH_KEY: at least 32 random characters kept "
                'outside the database and its folder (e.g. `python -c "import secrets; '
                'print(secrets.token_hex(32))"` into your secret store). Without it a copy '
                "of the data folder would let anyone test guesses against the stored hashes."
            )
        if errors:
            if len(errors) == 1:
                raise ConfigError(errors[0])
            raise ConfigError(f"{len(errors)} settings need fixing:\n  " + "\n  ".join(errors))
        policy = env.get("BOT_POLICY_PATH", "").strip()
        db_raw = env.get("BOT_DB_PATH", "").strip()
        return cls(
            channel_secret=secret,
            channel_access_token=token,
            line_api_base_url=(env.get("LINE_API_BASE_URL", "").strip().rstrip("/") or None),
            db_path=Path(db_raw).absolute() if db_raw else default_db_path(env),
            policy_path=Path(policy) if policy else None,
            hash_salt=hash_key or None,
            environment=environment,
            unsend_window_seconds=unsend_window,
            escalation_grace_seconds=grace,
            retention_days=retention_days,
            ocr_engine=env.get("BOT_OCR_ENGINE", "").strip() or "rapidocr",
            ocr_workers=ocr_workers,
            ocr_queue_size=ocr_queue,
            ocr_scan_seconds=ocr_scan_seconds,
            ocr_memory_mb=ocr_memory_mb,
            public_url=(env.get("BOT_PUBLIC_URL", "").strip().rstrip("/") or None),
            timezone=timezone,
            default_locale=locale,
            metrics_token=env.get("BOT_METRICS_TOKEN", "").strip() or None,
            log_level=log_level,
            log_format=log_format,
        )
