"""OCR engines as plug-ins: the example package under examples/ocr_plugin/, installed with pip
into a folder of its own, is listed by `bot.py ocr list` with its package name and loads, and
reads text as an engine; the built-ins are listed beside it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ocr import available_engines
from ocr.registry import ENTRY_POINT_GROUP, engine_sources

ROOT = Path(__file__).resolve().parents[2]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_OCR_")}
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def plugin_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """examples/ocr_plugin built and installed by pip into a target folder (no dependencies:
    rapidocr is the bot's own)."""
    tmp = tmp_path_factory.mktemp("ocr_plugin")
    src = tmp / "src"
    shutil.copytree(ROOT / "examples" / "ocr_plugin", src)  # the build writes beside the source
    target = tmp / "site"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(src),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if proc.returncode != 0 and "No matching distribution found for setuptools" in proc.stderr:
        pytest.skip("pip cannot fetch the build backend (setuptools) here")
    assert proc.returncode == 0, proc.stderr[-2000:]
    return target


def test_builtins_are_listed_with_their_origin() -> None:
    origins = {s.name: s.origin for s in engine_sources()}
    assert origins["rapidocr"] == origins["tesseract"] == origins["http"] == "built-in"
    assert {"rapidocr", "tesseract", "http"} <= set(available_engines())


def test_installed_plugin_is_listed_and_loads(plugin_dir: Path) -> None:
    assert (plugin_dir / "line_guard_ocr_large").is_dir()
    proc = subprocess.run(
        [sys.executable, "bot.py", "ocr", "list"],
        cwd=ROOT,
        env=_env(PYTHONPATH=str(plugin_dir)),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    rows = {line.split()[0]: line.split()[1:] for line in proc.stdout.splitlines()}
    assert rows["rapidocr-large"] == ["line-guard-ocr-large", "loads:", "yes"]
    assert rows["rapidocr"] == ["built-in", "loads:", "yes"]
    # The hook without its URL does not load; the type of the error is shown, no traceback.
    assert rows["http"] == ["built-in", "loads:", "no", "(ConfigError)"]
    assert "Traceback" not in proc.stdout + proc.stderr


def test_plugin_is_chosen_by_name_and_reads_text(plugin_dir: Path) -> None:
    """BOT_OCR_ENGINE's name reaches the plug-in through the registry: it is a real engine."""
    script = (
        "from PIL import Image, ImageDraw\n"
        "from ocr import get_engine\n"
        "img = Image.new('RGB', (400, 100), 'white')\n"
        "ImageDraw.Draw(img).text((10, 30), 'PLUGIN 4711', fill='black')\n"
        "engine = get_engine('rapidocr-large')\n"
        "print(engine.name, [ln.text for ln in engine.recognize(img)])\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=_env(PYTHONPATH=str(plugin_dir)),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.startswith("rapidocr-large ") and "4711" in proc.stdout


def test_plugin_group_is_the_documented_one() -> None:
    text = (ROOT / "examples" / "ocr_plugin" / "pyproject.toml").read_text(encoding="utf-8")
    assert ENTRY_POINT_GROUP == "line_guard.ocr_engines"
    assert f'[project.entry-points."{ENTRY_POINT_GROUP}"]' in text
