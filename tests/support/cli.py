"""The one way tests run `python bot.py ...` as a real process: the environment built from
the test's own (minus what the test drops, plus what it sets), output captured as text."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BOT_PY = ROOT / "bot.py"


def bot_env(
    values: Mapping[str, str], *, drop: Iterable[str] = (), drop_prefixes: tuple[str, ...] = ()
) -> dict[str, str]:
    """This process's environment without `drop` (and names starting with `drop_prefixes`),
    with `values` set."""
    dropped = set(drop)
    env = {
        k: v for k, v in os.environ.items() if k not in dropped and not k.startswith(drop_prefixes)
    }
    env.update(values)
    return env


def run_bot(
    *args: str, cwd: Path, env: dict[str, str] | None = None, **kw: Any
) -> subprocess.CompletedProcess[str]:
    """`python bot.py ARGS` to completion (120 s at most); `kw` goes to subprocess.run
    (input=..., encoding=...)."""
    return subprocess.run(
        [sys.executable, str(BOT_PY), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        **kw,
    )


async def run_bot_async(
    *args: str,
    cwd: Path | str,
    env: dict[str, str],
    stdin: bytes | None = None,
    merge_stderr: bool = False,
    timeout: float = 60,
) -> tuple[int, str, str]:
    """`python bot.py ARGS` without blocking the event loop (for tests that serve the LINE
    platform meanwhile): (exit code, stdout, stderr); stderr is "" with `merge_stderr`."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        str(BOT_PY),
        *args,
        cwd=cwd,
        env=env,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT if merge_stderr else asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(proc.communicate(stdin or b""), timeout)
    assert proc.returncode is not None
    return proc.returncode, out.decode(), (err or b"").decode()
