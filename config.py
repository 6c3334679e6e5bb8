"""Service configuration: read once, in `main()`, from the environment or `.env`.

Nothing here runs at import time; `Config.from_env()` is the only reader of the
environment. Every part of the service receives this one typed object.

The environment is validated by one pydantic-settings model (`settings_model()`): each
field names its variable, its default (the `Config` default) and its rule; every bad
variable is reported in one `ConfigError`. Secrets are `SecretStr` in the model, so a
validation error or a printed model never shows them; `Config` carries them as plain
strings (the code base reads `config.channel_secret`), hidden from its repr. pydantic is
imported on the first `from_env()` only: `bot.py scan` and `--help` never pay for it.
"""

from __future__ import annotations

import dataclasses
import functools
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import ValidationError
    from pydantic_settings import BaseSettings


class ConfigError(Exception):
    """A setting is missing or invalid; the message says what to set."""


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
    "bot-ocr-token": "BOT_OCR_TOKEN",
    "bot-database-url": "BOT_DATABASE_URL",
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
    # The channel's credentials (LINE_CHANNEL_SECRET, LINE_CHANNEL_ACCESS_TOKEN).
    channel_secret: str = field(default="", repr=False)
    channel_access_token: str = field(default="", repr=False)
    # When set, every LINE API call (content downloads included) goes here instead of LINE's hosts.
    line_api_base_url: str | None = None
    db_path: Path = Path("data/bot.db")
    # BOT_DATABASE_URL=postgresql://user@host/db: PostgreSQL, shared by several replicas
    # and `bot.py worker` processes (the job queue, jobs/; then db_path is unused). Unset:
    # the embedded SQLite file at db_path. A secret (a
    # password may be in it), never shown in a repr or an error.
    database_url: str | None = field(default=None, repr=False)
    # Detection policy file (allow-lists, extra keywords, per-group overrides); None: built-in defaults.
    policy_path: Path | None = None
    # Key of the HMAC hashes of values in incidents (repeat detection): BOT_HASH_KEY (or the
    # older name BOT_HASH_SALT). Never stored in the database; when not set (development),
    # a key file is created beside the database (`data/bot.hashkey`, mode 0600).
    hash_salt: str | None = field(default=None, repr=False)
    # "production" (BOT_ENV=production): the service refuses to start without BOT_HASH_KEY.
    environment: str = "development"
    # How long a sender may still unsend on LINE, and how long we wait before escalating.
    unsend_window_seconds: int = 24 * 3600
    escalation_grace_seconds: int = 600
    # Incidents and everything tied to them are deleted after this many days.
    retention_days: int = 180
    # The audit log (who viewed or did what, console and CLI) is kept longer: an inspection
    # of who looked at an incident may come after the incident itself is gone.
    audit_retention_days: int = 365
    # Image scanning (OCR): engine name and worker pool.
    ocr_engine: str = "rapidocr"
    ocr_workers: int = 1
    ocr_queue_size: int = 16
    # Per-scan limits in the OCR worker: wall-clock seconds (the worker is killed past it) and
    # memory above the loaded engine (RLIMIT_AS). Either breach: "not scanned", admins told.
    ocr_scan_seconds: int = 60
    ocr_memory_mb: int = 1536
    # BOT_OCR_ENGINE=http (ocr/http.py): the hook's URL, its bearer token (a secret) and the
    # seconds one request may take.
    ocr_url: str | None = None
    ocr_token: str | None = field(default=None, repr=False)
    ocr_timeout: int = 30
    # Public base URL of this bot (for serving report charts as image messages), optional.
    public_url: str | None = None
    timezone: str = "Asia/Taipei"
    default_locale: str = "zh-TW"
    # /metrics: with a token, bearer-token clients only; without, loopback only.
    metrics_token: str | None = field(default=None, repr=False)
    # Logs: level name and format ("text" or "json").
    log_level: str = "INFO"
    log_format: str = "text"
    # The folder of `bot.py backup` copies; `bot.py retention run` deletes those older than
    # retention_days. None: backups are written only where --to says and never expired.
    backup_dir: Path | None = None

    @property
    def database(self) -> str | Path:
        """What `storage.open_store()` opens: the PostgreSQL URL when set, else the file."""
        return self.database_url or self.db_path

    @property
    def database_label(self) -> str:
        """The database for logs and messages (a URL without its password)."""
        if self.database_url:
            from storage.pg import redact

            return redact(self.database_url)
        return str(self.db_path)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, *, require_line: bool = True) -> Config:
        """Build from `env` (default: os.environ after loading `.env`) and the secrets in
        $CREDENTIALS_DIRECTORY; every problem is reported together in one ConfigError."""
        if env is None:
            from dotenv import load_dotenv

            load_dotenv()
            env = os.environ
        env = _with_credentials(env)
        from pydantic import ValidationError

        model = settings_model()
        # What is set: blank counts as unset, surrounding spaces never matter.
        raw: dict[str, Any] = {
            k: env[k].strip() for k in _variables(model) if env.get(k, "").strip()
        }
        errors: list[str] = []
        if require_line:
            missing = [k for k in LINE_CREDENTIALS if k not in raw]
            if missing:
                errors.append(
                    "Missing " + ", ".join(missing) + ". Set them in the environment or in .env "
                    "(copy .env.example to .env and fill in the values from the LINE Developers "
                    "console, Messaging API tab), or as files in $CREDENTIALS_DIRECTORY. To try "
                    "the bot without a LINE channel, run `python bot.py demo`."
                )
        values: dict[str, Any] = {}
        try:
            values = model(**raw).model_dump()
        except ValidationError as exc:
            errors.extend(_messages(exc, model))
        environment = raw.get("BOT_ENV", "").lower() or "development"
        hash_key = raw.get("BOT_HASH_KEY") or raw.get("BOT_HASH_SALT") or ""
        if environment == "production" and require_line and len(hash_key) < 32:
            errors.append(
                "BOT_ENV=production needs BOT_HASH_KEY: at least 32 random characters kept "
                'outside the database and its folder (e.g. `python -c "import secrets; '
                'print(secrets.token_hex(32))"` into your secret store). Without it a copy '
                "of the data folder would let anyone test guesses against the stored hashes."
            )
        if raw.get("BOT_DATABASE_URL") and require_line and not hash_key:
            errors.append(
                "BOT_DATABASE_URL needs BOT_HASH_KEY: every replica must hash values with the "
                "same key, and the key is never stored in the database"
            )
        if raw.get("BOT_OCR_ENGINE") == "http" and "BOT_OCR_URL" not in raw:
            errors.append("BOT_OCR_ENGINE=http needs BOT_OCR_URL (the OCR hook's address)")
        if errors:
            if len(errors) == 1:
                raise ConfigError(errors[0])
            raise ConfigError(f"{len(errors)} settings need fixing:\n  " + "\n  ".join(errors))
        for name in SECRET_FIELDS:  # SecretStr in the model; read here, once
            secret = values[name]
            values[name] = secret.get_secret_value() if secret is not None else None
        if values["db_path"] is None:
            values["db_path"] = default_db_path(env)
        return cls(**values)


# The variables `from_env(require_line=True)` needs (serve, a LINE client).
LINE_CREDENTIALS = ("LINE_CHANNEL_SECRET", "LINE_CHANNEL_ACCESS_TOKEN")
# Fields that are `SecretStr` in the settings model.
SECRET_FIELDS = (
    "channel_secret",
    "channel_access_token",
    "hash_salt",
    "metrics_token",
    "ocr_token",
    "database_url",
)


@functools.cache
def settings_model() -> type[BaseSettings]:
    """The environment as one validated pydantic-settings model: field name = `Config`
    field, alias = the variable, default = the `Config` default, description = what a
    number means (quoted in its error). Built on first use (see the module docstring)."""
    from pydantic import AliasChoices, Field, SecretStr, ValidationInfo, field_validator
    from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

    default: dict[str, Any] = {f.name: f.default for f in dataclasses.fields(Config)}

    def number(name: str, variable: str, minimum: int, meaning: str) -> Any:
        return Field(default[name], ge=minimum, alias=variable, description=meaning)

    class Settings(BaseSettings):
        model_config = SettingsConfigDict(frozen=True, extra="ignore", hide_input_in_errors=True)

        channel_secret: SecretStr = Field(SecretStr(""), alias="LINE_CHANNEL_SECRET")
        channel_access_token: SecretStr = Field(SecretStr(""), alias="LINE_CHANNEL_ACCESS_TOKEN")
        line_api_base_url: str | None = Field(None, alias="LINE_API_BASE_URL")
        db_path: Path | None = Field(None, alias="BOT_DB_PATH")  # None: default_db_path(env)
        database_url: SecretStr | None = Field(None, alias="BOT_DATABASE_URL")
        policy_path: Path | None = Field(None, alias="BOT_POLICY_PATH")
        hash_salt: SecretStr | None = Field(
            None, validation_alias=AliasChoices("BOT_HASH_KEY", "BOT_HASH_SALT")
        )
        environment: str = Field(default["environment"], alias="BOT_ENV")
        unsend_window_seconds: int = number(
            "unsend_window_seconds", "BOT_UNSEND_WINDOW_SECONDS", 1, "seconds"
        )
        escalation_grace_seconds: int = number(
            "escalation_grace_seconds", "BOT_ESCALATION_GRACE_SECONDS", 0, "seconds"
        )
        retention_days: int = number(
            "retention_days",
            "BOT_RETENTION_DAYS",
            1,
            "days incidents are kept; 0 would delete every incident",
        )
        audit_retention_days: int = number(
            "audit_retention_days",
            "BOT_AUDIT_RETENTION_DAYS",
            1,
            "days audit-log rows are kept; 0 would delete every row",
        )
        ocr_engine: str = Field(default["ocr_engine"], alias="BOT_OCR_ENGINE")
        ocr_workers: int = number("ocr_workers", "BOT_OCR_WORKERS", 0, "OCR worker processes")
        ocr_queue_size: int = number(
            "ocr_queue_size", "BOT_OCR_QUEUE_SIZE", 1, "images waiting for OCR"
        )
        ocr_scan_seconds: int = number(
            "ocr_scan_seconds", "BOT_OCR_SCAN_SECONDS", 1, "seconds one scan may take"
        )
        ocr_memory_mb: int = number(
            "ocr_memory_mb", "BOT_OCR_MEMORY_MB", 256, "MB one scan may add"
        )
        ocr_url: str | None = Field(None, alias="BOT_OCR_URL")
        ocr_token: SecretStr | None = Field(None, alias="BOT_OCR_TOKEN")
        ocr_timeout: int = number(
            "ocr_timeout", "BOT_OCR_TIMEOUT", 1, "seconds one OCR hook request may take"
        )
        public_url: str | None = Field(None, alias="BOT_PUBLIC_URL")
        timezone: str = Field(default["timezone"], alias="BOT_TIMEZONE")
        default_locale: str = Field(default["default_locale"], alias="BOT_DEFAULT_LOCALE")
        metrics_token: SecretStr | None = Field(None, alias="BOT_METRICS_TOKEN")
        log_level: str = Field(default["log_level"], alias="BOT_LOG_LEVEL")
        log_format: str = Field(default["log_format"], alias="BOT_LOG_FORMAT")
        backup_dir: Path | None = Field(None, alias="BOT_BACKUP_DIR")

        @classmethod
        def settings_customise_sources(
            cls,
            settings_cls: type[BaseSettings],
            init_settings: PydanticBaseSettingsSource,
            env_settings: PydanticBaseSettingsSource,
            dotenv_settings: PydanticBaseSettingsSource,
            file_secret_settings: PydanticBaseSettingsSource,
        ) -> tuple[PydanticBaseSettingsSource, ...]:
            # from_env() hands over the variables it read (os.environ after .env, or the
            # mapping a caller gives, plus $CREDENTIALS_DIRECTORY): nothing else is read.
            return (init_settings,)

        @field_validator(
            "unsend_window_seconds",
            "escalation_grace_seconds",
            "retention_days",
            "audit_retention_days",
            "ocr_workers",
            "ocr_queue_size",
            "ocr_scan_seconds",
            "ocr_memory_mb",
            "ocr_timeout",
            mode="before",
        )
        @classmethod
        def whole_number(cls, raw: object, info: ValidationInfo) -> object:
            if not isinstance(raw, str):
                return raw
            try:
                return int(raw)
            except ValueError:
                variable = cls.model_fields[str(info.field_name)].alias
                raise ValueError(f"{variable} must be a whole number, got {raw!r}") from None

        @field_validator("line_api_base_url", "public_url")
        @classmethod
        def base_url(cls, raw: str | None) -> str | None:
            return (raw or "").rstrip("/") or None

        @field_validator("ocr_url")
        @classmethod
        def hook_url(cls, raw: str | None) -> str | None:
            if raw and not raw.startswith(("http://", "https://")):
                raise ValueError(f"BOT_OCR_URL must start with http:// or https://, got {raw!r}")
            return raw or None

        @field_validator("database_url")
        @classmethod
        def postgres_url(cls, raw: SecretStr | None) -> SecretStr | None:
            url = raw.get_secret_value() if raw is not None else ""
            if url and not url.startswith(("postgresql://", "postgres://")):
                raise ValueError(
                    "BOT_DATABASE_URL must be a postgresql:// URL "
                    "(unset it to use the SQLite file at BOT_DB_PATH)"
                )
            return raw or None

        @field_validator("db_path", "backup_dir")
        @classmethod
        def absolute(cls, raw: Path | None) -> Path | None:
            # Absolute, so the folder a command runs from cannot matter.
            return raw.absolute() if raw is not None else None

        @field_validator("environment")
        @classmethod
        def lower(cls, raw: str) -> str:
            return raw.lower()

        @field_validator("timezone")
        @classmethod
        def known_timezone(cls, raw: str) -> str:
            if not _valid_timezone(raw):
                raise ValueError(
                    f"BOT_TIMEZONE {raw!r} is not a known time zone (IANA name, e.g. Asia/Taipei)"
                )
            return raw

        @field_validator("default_locale")
        @classmethod
        def supported_locale(cls, raw: str) -> str:
            known = {name.lower(): name for name in LOCALES}
            if raw.lower() not in known:
                raise ValueError(
                    f"BOT_DEFAULT_LOCALE {raw!r} is not supported; use one of " + ", ".join(LOCALES)
                )
            return known[raw.lower()]

        @field_validator("log_level")
        @classmethod
        def level_name(cls, raw: str) -> str:
            level = raw.upper()
            if level not in LOG_LEVELS:
                raise ValueError(f"BOT_LOG_LEVEL {level!r} is not one of {', '.join(LOG_LEVELS)}")
            return level

        @field_validator("log_format")
        @classmethod
        def text_or_json(cls, raw: str) -> str:
            fmt = raw.lower()
            if fmt not in ("text", "json"):
                raise ValueError(f"BOT_LOG_FORMAT {fmt!r} must be text or json")
            return fmt

    return Settings


def _variables(model: type[BaseSettings]) -> list[str]:
    """Every variable the model reads, in field order (alias choices included)."""
    from pydantic import AliasChoices

    names: list[str] = []
    for info in model.model_fields.values():
        if isinstance(info.validation_alias, AliasChoices):
            names.extend(str(choice) for choice in info.validation_alias.choices)
        elif info.alias:
            names.append(info.alias)
    return names


def _messages(exc: ValidationError, model: type[BaseSettings]) -> list[str]:
    """One line per bad variable from a pydantic ValidationError (inputs are never secrets:
    the secrets have no rule that can fail)."""
    by_variable = {info.alias: info for info in model.model_fields.values() if info.alias}
    out: list[str] = []
    for err in exc.errors():
        variable = str(err["loc"][0]) if err["loc"] else "?"
        ctx = err.get("ctx") or {}
        if err["type"] == "value_error":
            out.append(str(ctx.get("error", err["msg"])))
        elif err["type"] == "greater_than_equal" and variable in by_variable:
            meaning = by_variable[variable].description
            out.append(f"{variable} must be {ctx['ge']} or more ({meaning}), got {err['input']}")
        else:
            out.append(f"{variable}: {err['msg']}")
    return out
