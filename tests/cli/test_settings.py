"""The configuration's one validated model (pydantic-settings): every `Config` field is a
model field read from its variable, the secrets are SecretStr there and never shown."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from config import SECRET_FIELDS, Config, ConfigError, settings_model

ROOT = Path(__file__).resolve().parents[2]
SECRETS: dict[str, Any] = {
    "LINE_CHANNEL_SECRET": "line-secret-value",
    "LINE_CHANNEL_ACCESS_TOKEN": "line-token-value",
    "BOT_HASH_KEY": "hash-key-value-" + "x" * 32,
    "BOT_METRICS_TOKEN": "metrics-token-value",
}


def test_every_config_field_is_one_model_field_with_its_variable() -> None:
    model = settings_model()
    assert list(model.model_fields) == [f.name for f in dataclasses.fields(Config)]
    for name, info in model.model_fields.items():
        assert info.alias or info.validation_alias, name
        if name in SECRET_FIELDS or name == "db_path":  # SecretStr(""); the state directory
            continue
        # the same default as a Config built by hand (the demo, the tests)
        assert info.default == getattr(Config(), name), name
    for name in SECRET_FIELDS:
        assert "SecretStr" in str(model.model_fields[name].annotation), name


def test_secrets_are_secret_in_the_model_and_hidden_in_config() -> None:
    model = settings_model()
    settings = model(**SECRETS)
    shown = repr(settings) + str(settings.model_dump())
    config = Config.from_env(SECRETS)
    shown += repr(config) + str(config)
    for value in SECRETS.values():
        assert value not in shown
    assert isinstance(settings.model_dump()["channel_secret"], SecretStr)
    # the code base reads plain strings
    assert config.channel_secret == SECRETS["LINE_CHANNEL_SECRET"]
    assert config.channel_access_token == SECRETS["LINE_CHANNEL_ACCESS_TOKEN"]
    assert config.hash_salt == SECRETS["BOT_HASH_KEY"]
    assert config.metrics_token == SECRETS["BOT_METRICS_TOKEN"]


def test_a_bad_setting_never_echoes_a_secret() -> None:
    env: dict[str, str] = {**SECRETS, "BOT_OCR_WORKERS": "many", "BOT_TIMEZONE": "Atlantis/Capital"}
    try:
        Config.from_env(env)
    except ConfigError as exc:
        text = str(exc)
    else:
        raise AssertionError("expected a ConfigError")
    assert text.startswith("2 settings need fixing")
    assert "BOT_OCR_WORKERS must be a whole number, got 'many'" in text
    for value in SECRETS.values():
        assert value not in text


def test_the_process_environment_is_not_read_behind_from_env() -> None:
    """A mapping given to from_env is the whole input: BOT_* variables of the test process
    (or of a CI machine) never leak into it."""
    code = (
        "from config import Config; "
        "c = Config.from_env({}, require_line=False); "
        "print(c.retention_days, c.log_level, c.backup_dir)"
    )
    env = {"BOT_RETENTION_DAYS": "7", "BOT_LOG_LEVEL": "ERROR", "BOT_BACKUP_DIR": "/tmp"}
    r = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["180", "INFO", "None"]
    assert Config.from_env(env, require_line=False).backup_dir == Path("/tmp")
