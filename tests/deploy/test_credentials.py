"""Secrets as files: systemd's LoadCredential= ($CREDENTIALS_DIRECTORY) and container secrets."""

from __future__ import annotations

from pathlib import Path

import pytest

from config import Config, ConfigError


def test_secrets_read_from_the_credentials_directory(tmp_path: Path) -> None:
    (tmp_path / "line-channel-secret").write_text("s3cret\n")
    (tmp_path / "line-channel-access-token").write_text("t0ken\n")
    config = Config.from_env({"CREDENTIALS_DIRECTORY": str(tmp_path)})
    assert config.channel_secret == "s3cret"
    assert config.channel_access_token == "t0ken"
    assert config.hash_salt is None  # no file: generated and kept in the database


def test_a_set_variable_wins_over_the_file(tmp_path: Path) -> None:
    (tmp_path / "line-channel-secret").write_text("from-file")
    env = {
        "CREDENTIALS_DIRECTORY": str(tmp_path),
        "LINE_CHANNEL_SECRET": "from-env",
        "LINE_CHANNEL_ACCESS_TOKEN": "t",
    }
    assert Config.from_env(env).channel_secret == "from-env"


def test_missing_credential_files_say_what_to_set(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="LINE_CHANNEL_ACCESS_TOKEN"):
        Config.from_env({"CREDENTIALS_DIRECTORY": str(tmp_path)})
