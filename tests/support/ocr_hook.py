"""The real `bot.py ocr serve` in a subprocess on 127.0.0.1 (port 0), and the bot's commands
run with or without BOT_OCR_ENGINE=http: what the OCR hook tests share."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def hook_env(**extra: str) -> dict[str, str]:
    """The environment without any BOT_OCR_* setting (loopback not proxied), plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_OCR_")}
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    env.update(extra)
    return env


def serve_hook(*options: str, **env: str) -> Iterator[str]:
    """Run `bot.py ocr serve --port 0 OPTIONS`; yields its URL (http://127.0.0.1:PORT/ocr)
    once the engine is loaded and the port bound; stops it after."""
    proc = subprocess.Popen(
        [sys.executable, "bot.py", "ocr", "serve", "--port", "0", *options],
        cwd=ROOT,
        env=hook_env(**env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()  # printed once the engine is loaded and the port bound
        assert "serving on http://127.0.0.1:" in first, (first, proc.stderr and proc.stderr.read())
        yield first.split("serving on ")[1].split()[0]
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def bot(*args: str, timeout: float = 900, **env: str) -> subprocess.CompletedProcess[str]:
    """`bot.py ARGS` with the environment of `hook_env(**env)`."""
    return subprocess.run(
        [sys.executable, "bot.py", *args],
        cwd=ROOT,
        env=hook_env(**env),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


PROBE_MODULE = '''"""An OCR engine whose behaviour the image's width chooses (tests of the hook's limits)."""
import time

from ocr.base import OcrLine


class Probe:
    name = "probe"

    def recognize(self, image):
        if image.width == 11:
            time.sleep(30)  # past any time limit the tests set
        if image.width == 13:
            raise RuntimeError("the engine broke")
        if image.width == 17:
            hog = bytearray(4 * 1024**3)  # past any memory limit the tests set
            del hog
        box = ((0.0, 0.0), (10.0, 0.0), (10.0, 5.0), (0.0, 5.0))
        return [OcrLine(f"width {image.width}", box, 0.9)]


def probe(threads):
    return Probe()
'''


def write_probe_plugin(folder: Path) -> Path:
    """An installed plug-in package `hook-probe` (engine "probe") in `folder`: put `folder`
    on PYTHONPATH. Images 11 px wide sleep, 13 px raise, 17 px ask for 4 GB."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hook_probe.py").write_text(PROBE_MODULE, encoding="utf-8")
    info = folder / "hook_probe-0.1.dist-info"
    info.mkdir(exist_ok=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: hook-probe\nVersion: 0.1\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        "[line_guard.ocr_engines]\nprobe = hook_probe:probe\n", encoding="utf-8"
    )
    return folder
