"""Errors are one clean message and exit 2, never a traceback: bad settings (all listed
together), a typo in the policy file under serve, a port in use, a bad database path."""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path

import pytest

from config import Config, ConfigError
from tests.support.cli import bot_env, run_bot

ROOT = Path(__file__).resolve().parents[2]


def run(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    full = bot_env(
        {
            "BOT_DB_PATH": str(cwd / "bot.db"),
            "LINE_CHANNEL_SECRET": "secret",
            "LINE_CHANNEL_ACCESS_TOKEN": "token",
            "LINE_API_BASE_URL": "http://127.0.0.1:9",
            **env,
        }
    )
    return run_bot(*args, cwd=cwd, env=full)


def clean(r: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert r.returncode == 2, r.stdout + r.stderr
    assert "Traceback" not in r.stderr and "Unclosed" not in r.stderr, r.stderr
    for n in needles:
        assert n in r.stderr, (n, r.stderr)


@pytest.mark.parametrize(
    ("env", "needle"),
    [
        ({"BOT_TIMEZONE": "Mars/Olympus"}, "BOT_TIMEZONE 'Mars/Olympus'"),
        ({"BOT_DEFAULT_LOCALE": "fr"}, "BOT_DEFAULT_LOCALE 'fr' is not supported"),
        ({"BOT_OCR_WORKERS": "two"}, "BOT_OCR_WORKERS must be a whole number"),
        ({"BOT_ESCALATION_GRACE_SECONDS": "-1"}, "BOT_ESCALATION_GRACE_SECONDS must be 0"),
    ],
)
def test_one_bad_setting_is_one_line(tmp_path: Path, env: dict[str, str], needle: str) -> None:
    for args in (("report",), ("serve", "--port", "0"), ("incidents",)):
        r = run(tmp_path, *args, **env)
        clean(r, needle)
        assert len(r.stderr.strip().splitlines()) == 1, r.stderr


def test_every_bad_setting_is_listed_in_one_error(tmp_path: Path) -> None:
    r = run(
        tmp_path,
        "serve",
        "--port",
        "0",
        BOT_TIMEZONE="Mars/Olympus",
        BOT_DEFAULT_LOCALE="fr",
        BOT_RETENTION_DAYS="0",
        LINE_CHANNEL_SECRET="",
    )
    clean(r, "4 settings need fixing", "BOT_TIMEZONE", "BOT_DEFAULT_LOCALE")
    assert "BOT_RETENTION_DAYS" in r.stderr and "LINE_CHANNEL_SECRET" in r.stderr
    with pytest.raises(ConfigError) as exc:
        Config.from_env({"BOT_TIMEZONE": "Nowhere/Else", "BOT_DEFAULT_LOCALE": "de"})
    text = str(exc.value)
    assert "LINE_CHANNEL_ACCESS_TOKEN" in text and "Nowhere/Else" in text and "'de'" in text


def test_locales_are_matched_without_case() -> None:
    assert Config.from_env({"BOT_DEFAULT_LOCALE": "EN"}, require_line=False).default_locale == "en"
    assert (
        Config.from_env({"BOT_DEFAULT_LOCALE": "zh-tw"}, require_line=False).default_locale
        == "zh-TW"
    )


def test_policy_typo_under_serve_is_one_line(tmp_path: Path) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text("[thresholds]\nwarnn = 0.5\n")
    r = run(tmp_path, "serve", "--port", "0", BOT_POLICY_PATH=str(policy))
    clean(r, "BOT_POLICY_PATH", "warnn")
    assert len(r.stderr.strip().splitlines()) == 1
    # the same file under scan: the same key named
    r = run(tmp_path, "scan", "早安", "--config", str(policy))
    assert r.returncode == 2 and "warnn" in r.stderr


def test_port_in_use_is_one_line(tmp_path: Path) -> None:
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        r = run(tmp_path, "serve", "--host", "127.0.0.1", "--port", str(port))
    clean(r, f"cannot listen on 127.0.0.1:{port}", "in use")


def test_bad_database_path_under_serve(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    r = run(tmp_path, "serve", "--port", "0", "--db", str(blocker / "bot.db"))
    clean(r, "cannot open the database")


def test_port_out_of_range(tmp_path: Path) -> None:
    clean(run(tmp_path, "serve", "--port", "99999"), "port must be 0-65535")
