"""Chromium for the browser tests: Debian's own build (`apt-get install chromium`; no
browser download, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1), driven headless by Playwright, and
axe-core (shipped inside axe-playwright-python) at WCAG 2.1 AA.

    async with chromium() as browser:
        page = await browser.new_page()
        assert await axe_violations(page) == []
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.async_playwright import Axe
from playwright.async_api import Browser, Page, async_playwright

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def require_chromium() -> None:
    """Skip on a machine without Debian's Chromium; CI (CI=true) installs it, and fails."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            raise RuntimeError("CI must install Debian's chromium (.ci/run: apt-get)")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")


@contextlib.asynccontextmanager
async def chromium() -> AsyncIterator[Browser]:
    require_chromium()
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=FLAGS)
        try:
            yield browser
        finally:
            await browser.close()


async def axe_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.1 A and AA violations on the page as it is now (id, impact, nodes)."""
    results = await Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]},
    )
    return [
        {
            "id": v["id"],
            "impact": v.get("impact"),
            "nodes": [n.get("target") for n in v.get("nodes", [])][:3],
        }
        for v in results.response.get("violations", [])
    ]
