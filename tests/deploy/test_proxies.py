"""deploy/nginx.conf and deploy/Caddyfile, exercised for real: Debian's nginx and Caddy on
loopback high ports with a throwaway certificate, in front of the real `bot.py serve` (its own
process) against the local LINE platform, driven with signed webhooks over HTTPS.

The files under deploy/ are the ones docs/deploy.md tells an IT office to install; the test
changes only what a test machine must (ports, certificate paths, log paths) and fails if those
lines are not found, so the file cannot drift away from what is tested.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from devtools.fakeline import FakeLinePlatform
from tests.support.harness import ALICE, GROUP, GROUP_NAME, LEAK_1, SECRET, TOKEN

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) >= 1, f"deploy file changed: {old!r} not found"
    return text.replace(old, new)


def throwaway_cert(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


@dataclass
class Proxy:
    proc: subprocess.Popen[bytes]
    base: str  # https://127.0.0.1:PORT
    ca: Path  # the certificate to trust
    log: Path

    def ssl(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.ca))

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def start_nginx(tmp: Path, upstream_port: int) -> Proxy:
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else "")
    if not nginx:
        pytest.skip("nginx is not installed (Debian: apt-get install nginx)")
    cert, key = throwaway_cert(tmp)
    https, http = free_port(), free_port()
    site = (DEPLOY / "nginx.conf").read_text()
    site = replace_once(site, "server 127.0.0.1:8080;", f"server 127.0.0.1:{upstream_port};")
    site = replace_once(site, "listen 80;", f"listen 127.0.0.1:{http};")
    site = replace_once(site, "listen [::]:80;", "")
    site = replace_once(site, "listen 443 ssl http2;", f"listen 127.0.0.1:{https} ssl http2;")
    site = replace_once(site, "listen [::]:443 ssl http2;", "")
    site = replace_once(site, "/etc/letsencrypt/live/bot.example.gov.tw/fullchain.pem", str(cert))
    site = replace_once(site, "/etc/letsencrypt/live/bot.example.gov.tw/privkey.pem", str(key))
    site = replace_once(site, "/var/log/nginx/line-guard.access.log", str(tmp / "access.log"))
    (tmp / "line-guard.conf").write_text(site)
    temp = "\n".join(
        f"  {kind}_temp_path {tmp / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    main = f"""
{"user root;" if os.geteuid() == 0 else ""}
daemon off;
worker_processes 1;
pid {tmp / "nginx.pid"};
error_log {tmp / "error.log"} warn;
events {{ worker_connections 64; }}
http {{
{temp}
  include {tmp / "line-guard.conf"};
}}
"""
    (tmp / "nginx-main.conf").write_text(main)
    check = subprocess.run(
        [
            nginx,
            "-t",
            "-e",
            str(tmp / "error.log"),
            "-p",
            str(tmp),
            "-c",
            str(tmp / "nginx-main.conf"),
        ],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
    proc = subprocess.Popen(
        [nginx, "-e", str(tmp / "error.log"), "-p", str(tmp), "-c", str(tmp / "nginx-main.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return Proxy(proc, f"https://127.0.0.1:{https}", cert, tmp / "error.log")


def start_caddy(tmp: Path, upstream_port: int) -> Proxy:
    caddy = shutil.which("caddy")
    if not caddy:
        pytest.skip("caddy is not installed (Debian: apt-get install caddy)")
    https, http = free_port(), free_port()
    # The deploy file is imported unchanged; the test adds only global options (loopback, high
    # ports, no admin API, Caddy's own internal CA instead of a public one: the site is localhost).
    (tmp / "Caddyfile").write_text(
        "{\n\tadmin off\n\tdefault_bind 127.0.0.1\n\tskip_install_trust\n"
        f"\thttp_port {http}\n\thttps_port {https}\n}}\n"
        f"import {DEPLOY / 'Caddyfile'}\n"
    )
    env = {
        **os.environ,
        "HOME": str(tmp),
        "XDG_DATA_HOME": str(tmp / "data"),
        "XDG_CONFIG_HOME": str(tmp / "config"),
        "LINE_GUARD_DOMAIN": f"localhost:{https}",
        "LINE_GUARD_UPSTREAM": f"127.0.0.1:{upstream_port}",
        "LINE_GUARD_ACCESS_LOG": str(tmp / "access.log"),
    }
    log = tmp / "caddy.log"
    proc = subprocess.Popen(
        [caddy, "run", "--adapter", "caddyfile", "--config", str(tmp / "Caddyfile")],
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    root = tmp / "data" / "caddy" / "pki" / "authorities" / "local" / "root.crt"
    deadline = time.monotonic() + 30
    while not root.exists():
        assert proc.poll() is None, log.read_text()
        assert time.monotonic() < deadline, "caddy made no internal CA"
        time.sleep(0.1)
    return Proxy(proc, f"https://127.0.0.1:{https}", root, log)


PROXIES = {"nginx": start_nginx, "caddy": start_caddy}


async def request(
    proxy: Proxy, method: str, path: str, *, data: bytes | None = None, headers: Any = None
) -> tuple[int, bytes]:
    async with (
        aiohttp.ClientSession() as s,
        s.request(
            method,
            proxy.base + path,
            data=data,
            # The site's name, as LINE sends it (the URL names 127.0.0.1 to stay on IPv4).
            headers={"Host": "localhost:" + proxy.base.rsplit(":", 1)[1], **(headers or {})},
            ssl=proxy.ssl(),
            server_hostname="localhost",
            timeout=aiohttp.ClientTimeout(total=30),
        ) as r,
    ):
        return r.status, await r.read()


async def wait_up(proxy: Proxy, path: str = "/healthz") -> None:
    deadline = time.monotonic() + 30
    while True:
        assert proxy.proc.poll() is None, proxy.log.read_text()
        try:
            status, _ = await request(proxy, "GET", path)
            if status == 200:
                return
        except (aiohttp.ClientError, ssl.SSLError, OSError):
            pass
        assert time.monotonic() < deadline, proxy.log.read_text()
        await asyncio.sleep(0.2)


@pytest.fixture
async def line() -> AsyncIterator[FakeLinePlatform]:
    async with FakeLinePlatform(SECRET, TOKEN) as p:
        p.add_group(GROUP, GROUP_NAME, {ALICE: "王小明"})
        p.add_friend(ALICE, "王小明")
        yield p


@pytest.fixture
def bot_port(line: FakeLinePlatform, tmp_path: Path) -> Iterator[int]:
    """The real `bot.py serve` on 127.0.0.1 (its own process), as the service unit runs it."""
    port = free_port()
    env = {
        **os.environ,
        "LINE_CHANNEL_SECRET": SECRET,
        "LINE_CHANNEL_ACCESS_TOKEN": TOKEN,
        "LINE_API_BASE_URL": line.base_url,
        "BOT_DB_PATH": str(tmp_path / "state" / "bot.db"),
    }
    log = tmp_path / "bot.log"
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "bot.py"), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        cwd=tmp_path,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, log.read_text()
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def padded_body(line: FakeLinePlatform, events: list[dict[str, Any]], size: int) -> bytes:
    """A real webhook body, padded with JSON whitespace to `size` bytes."""
    raw = line.webhook_body(events)
    assert len(raw) < size
    return raw + b" " * (size - len(raw))


@pytest.mark.parametrize("name", sorted(PROXIES))
async def test_signed_webhooks_through_https_proxy(
    name: str, line: FakeLinePlatform, bot_port: int, tmp_path: Path
) -> None:
    folder = tmp_path / name
    folder.mkdir()
    proxy = PROXIES[name](folder, bot_port)
    try:
        await wait_up(proxy)
        status, body = await request(proxy, "GET", "/healthz")
        assert status == 200 and json.loads(body)["status"] == "alive"

        # A leak, signed as LINE signs it: acknowledged, and the warning reaches the group.
        raw = line.webhook_body([line.text_event(ALICE, LEAK_1, chat=GROUP)])
        sig = {"X-Line-Signature": line.sign(raw), "Content-Type": "application/json"}
        status, _ = await request(proxy, "POST", "/callback", data=raw, headers=sig)
        assert status == 200
        await line.wait_for_messages(GROUP, timeout=30)

        # A forged signature is refused by the bot, through the proxy.
        bad = {"X-Line-Signature": line.sign(b"other"), "Content-Type": "application/json"}
        status, _ = await request(proxy, "POST", "/callback", data=raw, headers=bad)
        assert status == 400

        # A body of 1 MiB (LINE's largest) passes; one far bigger stops at the proxy.
        big = padded_body(line, [line.text_event(ALICE, "收到，謝謝", chat=GROUP)], 1024 * 1024)
        status, _ = await request(
            proxy,
            "POST",
            "/callback",
            data=big,
            headers={**sig, "X-Line-Signature": line.sign(big)},
        )
        assert status == 200
        huge = padded_body(line, [line.text_event(ALICE, "收到", chat=GROUP)], 8 * 1024 * 1024)
        status, _ = await request(
            proxy,
            "POST",
            "/callback",
            data=huge,
            headers={**sig, "X-Line-Signature": line.sign(huge)},
        )
        assert status == 413

        # Only /callback, /healthz and /charts/ are published.
        for path in ("/metrics", "/", "/metrics?x=1", "/admin"):
            status, _ = await request(proxy, "GET", path)
            assert status == 404, path
    finally:
        proxy.stop()


@pytest.mark.parametrize("name", sorted(PROXIES))
async def test_console_is_published_and_its_sign_in_links_are_not_logged(
    name: str, line: FakeLinePlatform, bot_port: int, tmp_path: Path
) -> None:
    folder = tmp_path / name
    folder.mkdir()
    proxy = PROXIES[name](folder, bot_port)
    try:
        await wait_up(proxy)
        status, body = await request(proxy, "GET", "/console/signin")
        assert status == 200 and "/後台" in body.decode()
        token = "NotARealTokenButLoggedIfAnyIs0123456789abc"
        status, _ = await request(proxy, "GET", f"/console/login?token={token}")
        assert status == 403  # unknown link: refused, explained
        status, body = await request(proxy, "GET", "/console/incidents")
        assert status == 200 and "/後台" in body.decode()  # no session: the explanation
    finally:
        proxy.stop()
    logged = (folder / "access.log").read_text()
    assert "/console/signin" in logged and token not in logged


@pytest.mark.parametrize("name", sorted(PROXIES))
async def test_proxy_sets_forwarded_headers(name: str, tmp_path: Path) -> None:
    """The same file in front of an upstream that echoes the headers it received."""

    async def echo(request: web.Request) -> web.Response:
        return web.json_response(dict(request.headers))

    app = web.Application()
    app.router.add_get("/healthz", echo)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    proxy = PROXIES[name](tmp_path, port)
    try:
        await wait_up(proxy)
        status, body = await request(proxy, "GET", "/healthz")
        assert status == 200
        seen = {k.lower(): v for k, v in json.loads(body).items()}
        assert seen["x-forwarded-for"] == "127.0.0.1"
        assert seen["x-forwarded-proto"] == "https"
        assert seen["x-forwarded-host"].startswith("localhost")
    finally:
        proxy.stop()
        await runner.cleanup()
