"""Command-line conventions: help and defaults, --version, exit codes, closed pipes,
scan --exit-code, id checks, report --json/--chart, the console script."""

from __future__ import annotations

import argparse
import fnmatch
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import bot
from tests.support.cli import bot_env, run_bot

ROOT = Path(__file__).resolve().parents[2]
LEAK = "請幫忙查一下 K257491186 這位民眾的戶籍資料"
USER = "U" + "a" * 32
GROUP = "C" + "b" * 32


def run(tmp_path: Path, *args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    env = bot_env(
        {
            "BOT_DB_PATH": str(tmp_path / "state" / "bot.db"),
            "LINE_CHANNEL_SECRET": "",
            "LINE_CHANNEL_ACCESS_TOKEN": "",
        }
    )
    return run_bot(*args, cwd=tmp_path, env=env, **kw)


def parsers() -> list[tuple[str, argparse.ArgumentParser]]:
    out: list[tuple[str, argparse.ArgumentParser]] = []

    def walk(name: str, p: argparse.ArgumentParser) -> None:
        out.append((name, p))
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub, sp in action.choices.items():
                    walk(f"{name} {sub}".strip(), sp)

    walk("", bot.build_parser())
    return out


def test_every_option_has_help_and_every_command_an_epilog() -> None:
    for name, p in parsers():
        assert p.epilog and "exit status" in p.epilog and "BOT_DB_PATH" in p.epilog, name
        for action in p._actions:
            assert action.help, f"{name}: {action.option_strings or action.dest} has no help"
            if action.default not in (None, False, argparse.SUPPRESS) and action.option_strings:
                text = " ".join(p.format_help().split())
                assert f"(default: {action.default})" in text, (name, action.dest)


def test_epilog_names_every_variable_the_configuration_reads() -> None:
    from config import CREDENTIAL_FILES, settings_model

    epilog = bot.build_parser().epilog or ""
    model = settings_model()
    variables = {info.alias for info in model.model_fields.values() if info.alias}
    variables |= {"BOT_HASH_KEY", "BOT_HASH_SALT", "CREDENTIALS_DIRECTORY", "STATE_DIRECTORY"}
    variables |= {"XDG_STATE_HOME"}
    missing = sorted(v for v in variables if v not in epilog)
    assert missing == []
    assert all(name in epilog for name in CREDENTIAL_FILES)
    for code in ("0 ", "1 ", "2 ", "130", "141"):
        assert f"  {code}" in epilog


def test_help_shows_defaults_and_exit_codes(tmp_path: Path) -> None:
    r = run(tmp_path, "serve", "--help")
    assert r.returncode == 0
    text = " ".join(r.stdout.split())
    assert "(default: 8080)" in text and "(default: 0.0.0.0)" in text
    assert "141" in r.stdout and "LINE_CHANNEL_SECRET" in r.stdout


def test_version_is_the_project_version(tmp_path: Path) -> None:
    with (ROOT / "pyproject.toml").open("rb") as f:
        version = tomllib.load(f)["project"]["version"]
    r = run(tmp_path, "--version")
    assert r.returncode == 0 and r.stdout.strip() == f"bot.py {version}"
    assert version == "0.2.0"


def test_console_script_points_at_main(capsys: pytest.CaptureFixture[str]) -> None:
    with (ROOT / "pyproject.toml").open("rb") as f:
        project = tomllib.load(f)["project"]
    assert project["scripts"] == {"line-guard": "bot:main"}
    assert project["license"] == "Apache-2.0" and (ROOT / "LICENSE").exists()
    with pytest.raises(SystemExit) as exc:
        bot.main(["--version"])
    assert exc.value.code == 0 and "0.2.0" in capsys.readouterr().out


def test_the_package_lists_every_package_and_its_data_files() -> None:
    """What `pip install .` ships (checked by hand with `pip wheel --no-deps .`): every
    top-level package (the console too) and every file a package reads beside its code
    (the console's templates and static files, locales/*.json, detectors/data)."""
    with (ROOT / "pyproject.toml").open("rb") as f:
        tool = tomllib.load(f)["tool"]["setuptools"]
    include = tool["packages"]["find"]["include"]
    data = tool["package-data"]
    packages = sorted(p.parent.name for p in ROOT.glob("*/__init__.py"))
    assert "console" in packages
    for pkg in packages:
        assert any(fnmatch.fnmatch(pkg, pat) for pat in include), pkg
    for path in ROOT.glob("*/**/*"):
        top = path.relative_to(ROOT).parts[0]
        if not path.is_file() or top not in packages or path.suffix in (".py", ".pyc"):
            continue
        if path.name == "README.md" or "__pycache__" in path.parts:
            continue
        # the nearest package holding it, and the file's path relative to that package
        pkg_dir = next(p for p in path.parents if (p / "__init__.py").exists())
        pkg = ".".join(pkg_dir.relative_to(ROOT).parts)
        rel = path.relative_to(pkg_dir).as_posix()
        patterns = [*data.get("*", []), *data.get(pkg, [])]
        assert any(fnmatch.fnmatch(rel, pat) for pat in patterns), f"{pkg}: {rel} not shipped"


def test_scan_exit_code(tmp_path: Path) -> None:
    assert run(tmp_path, "scan", LEAK).returncode == 0  # report only, as before
    assert run(tmp_path, "scan", LEAK, "--exit-code").returncode == 1
    assert run(tmp_path, "scan", LEAK, "--exit-code", "7").returncode == 7
    assert run(tmp_path, "scan", "早安，下午兩點開會", "--exit-code").returncode == 0
    lines = '{"id": 1, "text": "早安"}\n{"id": 2, "text": "' + LEAK + '"}\n'
    r = run(tmp_path, "scan", "--jsonl", "-", "--exit-code", input=lines)
    assert r.returncode == 1 and r.stdout.count("\n") == 2
    r = run(tmp_path, "scan", "--jsonl", "-", "--exit-code", input='{"id": 1, "text": "早安"}\n')
    assert r.returncode == 0


def test_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    src = tmp_path / "many.jsonl"
    src.write_text("".join(f'{{"id": {i}, "text": "{LEAK}"}}\n' for i in range(5000)))
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "bot.py"), "scan", "--jsonl", str(src)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()  # `| head -1`
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(120) == 141
    assert b'"id": 0' in first
    assert "Traceback" not in err and "BrokenPipe" not in err


@pytest.mark.parametrize(
    "args",
    [
        ("admin", "add", "hello", "--group", GROUP),
        ("admin", "add", USER, "--group", "foo"),
        ("admin", "remove", USER.upper(), "--ethics"),
        ("admin", "code", "--group", "U" + "b" * 32),
        ("tips", "send", "--group", "C123"),
        ("broadcast", "hi", "--group", "group-1"),
        ("serve", "--port", "99999"),
        ("tips", "schedule", "--group", GROUP, "--every", "0"),
    ],
)
def test_bad_ids_and_numbers_are_usage_errors(tmp_path: Path, args: tuple[str, ...]) -> None:
    r = run(tmp_path, *args)
    assert r.returncode == 2 and "error: argument" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "state").exists()  # refused before anything was opened


def test_admin_accepts_line_ids(tmp_path: Path) -> None:
    assert run(tmp_path, "admin", "add", USER, "--group", GROUP).returncode == 0
    assert run(tmp_path, "admin", "add", USER, "--group", "R" + "c" * 32).returncode == 0
    assert USER in run(tmp_path, "admin", "list").stdout


@pytest.fixture
def state(tmp_path: Path) -> Path:
    """An empty database where run() points BOT_DB_PATH (report reads an existing one)."""
    from storage import Store

    (tmp_path / "state").mkdir()
    Store.open(tmp_path / "state" / "bot.db").close()
    return tmp_path / "state"


def test_report_json_writes_no_file(tmp_path: Path, state: Path) -> None:
    r = run(tmp_path, "report", "--json")
    assert r.returncode == 0, r.stderr
    assert '"chart_path": null' in r.stdout
    assert not (state / "reports").exists()


def test_report_chart_folder_must_exist(tmp_path: Path, state: Path) -> None:
    missing = tmp_path / "nonexistent" / "dir" / "x.png"
    r = run(tmp_path, "report", "--chart", str(missing))
    assert r.returncode == 2 and "does not exist" in r.stderr and "Traceback" not in r.stderr
    assert not missing.parent.exists()


@pytest.mark.parametrize(
    ("name", "magic"),
    [("x.png", b"\x89PNG"), ("x.jpg", b"\xff\xd8\xff"), ("x.JPEG", b"\xff\xd8\xff")],
)
def test_report_chart_format_follows_suffix(
    tmp_path: Path, state: Path, name: str, magic: bytes
) -> None:
    out = tmp_path / name
    r = run(tmp_path, "report", "--json", "--chart", str(out))
    assert r.returncode == 0, r.stderr
    assert out.read_bytes().startswith(magic)


def test_report_chart_webp_and_unsupported(tmp_path: Path, state: Path) -> None:
    out = tmp_path / "x.webp"
    assert run(tmp_path, "report", "--json", "--chart", str(out)).returncode == 0
    data = out.read_bytes()
    assert data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    r = run(tmp_path, "report", "--chart", str(tmp_path / "x.svg"))
    assert r.returncode == 2 and ".svg" in r.stderr and ".png" in r.stderr
    assert not (tmp_path / "x.svg").exists()


def _pins(path: Path) -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip().rstrip("\\").strip()
        if "==" in line and not line.startswith("-"):
            name, _, ver = line.partition("==")
            name = name.split("[", 1)[0]  # psycopg[binary]: the extra is not part of the name
            pins[name.strip().lower().replace("_", "-")] = ver.split()[0]
    return pins


def test_lock_file_pins_the_runtime_with_hashes() -> None:
    lock = ROOT / "requirements.lock"
    direct, locked = _pins(ROOT / "requirements.txt"), _pins(lock)
    for name, ver in direct.items():
        assert locked.get(name) == ver, f"{name}: requirements.txt {ver}, lock {locked.get(name)}"
    # every locked package carries at least one hash
    blocks = lock.read_text().split("\n")
    names = [ln for ln in blocks if "==" in ln and not ln.startswith((" ", "#"))]
    hashes = sum(1 for ln in blocks if ln.strip().startswith("--hash=sha256:"))
    assert len(names) == len(locked) and hashes >= len(names)


def test_setup_installs_the_runtime_from_the_lock() -> None:
    setup = (ROOT / "scripts" / "setup.sh").read_text()
    assert "--require-hashes -r requirements.lock" in setup
