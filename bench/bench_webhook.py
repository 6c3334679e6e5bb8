"""Webhook benchmark: the real server (`bot.py serve`, its own process) on loopback,
driven with signed events at a fixed rate by the local LINE platform (this process).

    python bench/bench_webhook.py [--rate 200] [--seconds 10] [--leak-ratio 0.2] [--groups 5]

Prints: webhook acknowledgement time (median, p99) as LINE's side sees it, events per
second sent and processed (sustained), and webhook-to-warning latency: from the moment
LINE starts the webhook POST to the moment the warning for that message reaches the LINE
platform (matched by the warning's quote token). Targets: 200 events/s with p99 ack
under 20 ms, and the warning out within 1 s.

Open loop: event i is sent at t0 + i/rate whether or not earlier ones were answered, so
a slow server shows up as latency, not as a lower offered rate. One event per request
(LINE may batch; one per request is the harder case for the acknowledgement).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from devtools.fakeline import FakeLinePlatform, SentMessage, group_id, user_id  # noqa: E402
from storage import Store  # noqa: E402

PROFILE = os.environ.get("BENCH_PROFILE")
SECRET = "bench-channel-secret"
TOKEN = "bench-access-token"
LETTERS = "ABCDEFGHJKLMNPQRSTUVXYWZIO"
ORDINARY = [
    "早安，下午兩點在二樓會議室開會",
    "收到，謝謝",
    "公文已經送出，請查收",
    "明天的稽查行程改到十點出發",
    "Noted 👍",
    "會議紀錄我晚點上傳到共用資料夾",
    "請大家記得填寫出差單",
    "今天的便當放在茶水間",
]


def national_id(rng: random.Random) -> str:
    """A random national ID with a valid checksum."""
    while True:
        v = (
            rng.choice("ABFHK")
            + rng.choice("12")
            + "".join(rng.choice("0123456789") for _ in range(8))
        )
        n = LETTERS.index(v[0]) + 10
        digits = [n // 10, n % 10] + [int(c) for c in v[1:]]
        if (
            sum(d * w for d, w in zip(digits, [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1], strict=True)) % 10
            == 0
        ):
            return v


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc); NaN elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return float("nan")


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, round(q * (len(s) - 1)))]


async def wait_healthy(url: str, proc: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    async with aiohttp.ClientSession() as s:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise SystemExit(f"the server exited with code {proc.returncode}")
            try:
                async with s.get(url) as r:
                    if r.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    raise SystemExit("the server did not become healthy")


async def health(url: str) -> dict[str, Any]:
    async with aiohttp.ClientSession() as s, s.get(url) as r:
        data: dict[str, Any] = await r.json()
        return data


async def run(args: argparse.Namespace) -> dict[str, Any]:
    rng = random.Random(args.seed)
    tmp = Path(tempfile.mkdtemp(prefix="bench-webhook-"))
    db = tmp / "bench.db"
    groups = [group_id(f"bench-{i}") for i in range(args.groups)]
    admin = user_id("bench-admin")
    members = [user_id(f"bench-member-{i}") for i in range(20)]
    store = Store.open(db)
    for g in groups:
        store.add_role(admin, "admin", g, time.time())
    store.close()

    async with FakeLinePlatform(SECRET, TOKEN, monthly_limit=None) as line:
        for g in groups:
            line.add_group(
                g, f"Bench group {g[-4:]}", {m: f"Member {i}" for i, m in enumerate(members)}
            )
        line.add_friend(admin, "Admin")
        port = free_port()
        env = {
            **os.environ,
            "LINE_CHANNEL_SECRET": SECRET,
            "LINE_CHANNEL_ACCESS_TOKEN": TOKEN,
            "LINE_API_BASE_URL": line.base_url,
            "BOT_DB_PATH": str(db),
        }
        log = (tmp / "server.log").open("wb")
        proc = subprocess.Popen(
            [
                sys.executable,
                # BENCH_PROFILE=FILE: profile the server (cProfile) into FILE
                *(["-m", "cProfile", "-o", PROFILE] if PROFILE else []),
                str(ROOT / "bot.py"),
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            env=env,
            cwd=tmp,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            await wait_healthy(base + "/healthz", proc)

            def make_event(i: int) -> tuple[dict[str, Any], bool]:
                g = groups[i % len(groups)]
                sender = rng.choice(members)
                leak = rng.random() < args.leak_ratio
                text = (
                    f"請幫忙查一下 {national_id(rng)} 這位民眾的資料"
                    if leak
                    else rng.choice(ORDINARY)
                )
                return line.text_event(sender, text, chat=g), leak

            # Warm-up (first scans compile the detectors' patterns), not measured.
            for i in range(20):
                ev, _ = make_event(i)
                await line.deliver(base + "/callback", [ev])
            await asyncio.sleep(1.0)
            line.webhooks.clear()
            warm = (await health(base + "/healthz"))["events_processed"]

            n = int(args.rate * args.seconds)
            started: dict[str, float] = {}  # quote token -> perf time the POST started
            acks: list[float] = []
            statuses: list[int] = []
            cpu0 = cpu_seconds(proc.pid)
            own0 = time.process_time()
            t0 = time.perf_counter()

            async def one(i: int) -> None:
                ev, leak = make_event(i)
                body = line.webhook_body([ev])
                begin = time.perf_counter()
                if leak:
                    started[ev["message"]["quoteToken"]] = begin
                status = await line.deliver(base + "/callback", body=body)
                acks.append(time.perf_counter() - begin)
                statuses.append(status)

            lags: list[float] = []

            async def lag_monitor() -> None:  # how late this process's own loop runs
                while True:
                    before = time.perf_counter()
                    await asyncio.sleep(0.01)
                    lags.append(time.perf_counter() - before - 0.01)

            monitor = asyncio.create_task(lag_monitor())
            tasks = []
            for i in range(n):
                delay = t0 + i / args.rate - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
                tasks.append(asyncio.create_task(one(i)))
            await asyncio.gather(*tasks)
            sent_for = time.perf_counter() - t0
            monitor.cancel()

            def warnings() -> dict[str, SentMessage]:
                out = {}
                for s in line.sent:
                    for m in s.messages:
                        q = m.get("quoteToken")
                        if q in started:
                            out[q] = s
                return out

            with contextlib.suppress(TimeoutError):
                await line.wait_for(lambda: len(warnings()) >= len(started), timeout=30)
            # processed: poll until the server has handled every event
            deadline = time.perf_counter() + 30
            processed = 0
            while time.perf_counter() < deadline:
                processed = (await health(base + "/healthz"))["events_processed"] - warm
                if processed >= n:
                    break
                await asyncio.sleep(0.05)
            done_for = time.perf_counter() - t0
            cpu = cpu_seconds(proc.pid) - cpu0
            own = time.process_time() - own0
            got = warnings()
            latencies = [got[q].perf - started[q] for q in got]
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
            log.close()

    return {
        "events": n,
        "leaks": len(started),
        "offered_rate": args.rate,
        "send_rate": round(n / sent_for, 1),
        "processed": processed,
        "processed_rate": round(processed / done_for, 1),
        "server_cpu_ms_per_event": round(cpu / max(1, processed) * 1000, 2),
        "server_cpu_share": round(cpu / done_for, 2),
        "driver_cpu_share": round(own / done_for, 2),
        "load_average": round(os.getloadavg()[0], 2),
        "driver_loop_lag_p99_ms": round(pct(lags, 0.99) * 1000, 1),
        "non_200": sum(1 for s in statuses if s != 200),
        "ack_median_ms": round(statistics.median(acks) * 1000, 2),
        "ack_p99_ms": round(pct(acks, 0.99) * 1000, 2),
        "ack_max_ms": round(max(acks) * 1000, 2),
        "warnings": len(latencies),
        "warning_median_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
        "warning_p99_ms": round(pct(latencies, 0.99) * 1000, 1) if latencies else None,
        "warning_max_ms": round(max(latencies) * 1000, 1) if latencies else None,
    }


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--rate", type=float, default=200.0, help="events per second offered")
    p.add_argument("--seconds", type=float, default=10.0)
    p.add_argument("--leak-ratio", type=float, default=0.2)
    p.add_argument("--groups", type=int, default=5)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    args = p.parse_args()
    r = asyncio.run(run(args))
    if args.json:
        print(json.dumps(r))
        return 0
    print(
        f"events sent          {r['events']} ({r['leaks']} leaks) at {r['send_rate']}/s (offered {r['offered_rate']}/s)"
    )
    print(
        f"processed            {r['processed']}, sustained {r['processed_rate']} events/s; non-200 answers: {r['non_200']}"
    )
    print(
        f"server CPU           {r['server_cpu_ms_per_event']} ms per event "
        f"({r['server_cpu_share']:.0%} of one core over the run); this driver + fake LINE "
        f"{r['driver_cpu_share']:.0%} of one core; load average {r['load_average']} "
        f"on {os.cpu_count()} CPUs; driver loop lag p99 {r['driver_loop_lag_p99_ms']} ms"
    )
    print(
        f"webhook ack          median {r['ack_median_ms']} ms, p99 {r['ack_p99_ms']} ms, max {r['ack_max_ms']} ms   (target p99 < 20 ms)"
    )
    print(
        f"webhook -> warning   median {r['warning_median_ms']} ms, p99 {r['warning_p99_ms']} ms, "
        f"max {r['warning_max_ms']} ms over {r['warnings']}/{r['leaks']} leaks   (target < 1000 ms)"
    )
    ok = (
        r["ack_p99_ms"] < 20
        and r["processed_rate"] >= 0.95 * r["offered_rate"]
        and r["warnings"] == r["leaks"]
        and (r["warning_p99_ms"] or 0) < 1000
    )
    print("targets              " + ("met" if ok else "NOT met"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
