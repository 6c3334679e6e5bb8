"""Cluster benchmark: `bot.py serve` replicas behind a real nginx (deploy/nginx-cluster.conf)
on loopback, `bot.py worker` processes, one shared database, and the local LINE platform
(fakeline, in this process) as LINE: it signs and delivers the webhooks, serves the images'
content and records every message the bot sends.

    python bench/bench_cluster.py [--seconds 40] [--rate 40] [--images 16] [--json]
    python bench/bench_cluster.py --short          the quick run the test uses (tests/bench)

Phases:
  1. image throughput: a burst of `--images` ID-card photos with one scanner, then with two
     (scanners are `bot.py worker` processes; before that command exists, the replicas' own
     OCR pools, said so in the output): images per minute, and per CPU-second of the
     scanner processes (read from /proc), so the scaling shows on a small machine;
  2. mixed load: signed text events (leaks and ordinary messages) at `--rate` per second and
     image events (ID cards and ordinary pictures) at `--image-rate`, open loop, through the
     load balancer; halfway, one replica and one worker are killed (SIGKILL, the whole
     process group: a machine lost). The driver behaves like LINE with webhook redelivery
     on: an event not answered 200 is sent again (isRedelivery, same webhookEventId).
Report: every leak warned exactly once (warnings counted per message at the LINE platform by
the quote token each warning carries), nothing lost, nothing doubled; ack and warning
latency percentiles; events per replica CPU-second; PostgreSQL connections per process.

Backends: `--backend postgres` (BOT_DATABASE_URL; a database of its own, created and dropped)
or `sqlite` (one shared file, which works only on one machine); `auto` takes PostgreSQL when
this checkout supports it and the server answers.

The cluster itself (processes, database, nginx) is bench/cluster_setup.py; this module drives
it as LINE, runs the phases and reports.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_webhook import ORDINARY, national_id, pct  # noqa: E402
from bench.cluster_setup import (  # noqa: E402
    Cluster,
    Database,
    postgres_supported,
    postgres_up,
    worker_command_exists,
)
from devtools.fakeline import FakeLinePlatform, group_id, user_id  # noqa: E402

SECRET = "bench-cluster-secret"
TOKEN = "bench-cluster-token"
REDELIVERY_DELAYS = (0.5, 1.0, 2.0, 4.0, 8.0)  # LINE waits longer; the bench has no hours


# -- the driver (LINE) ----------------------------------------------------------------------


@dataclass
class Sent:
    kind: str  # text | image
    leak: bool
    quote: str
    message_id: str
    started: float  # perf time of the first POST
    acks: list[float] = field(default_factory=list)  # per answered attempt
    statuses: list[int | str] = field(default_factory=list)
    answered: bool = False


class Driver:
    def __init__(self, line: FakeLinePlatform, cluster: Cluster, args: argparse.Namespace):
        self.line, self.cluster, self.args = line, cluster, args
        self.rng = random.Random(args.seed)
        self.groups = [group_id(f"cluster-{i}") for i in range(args.groups)]
        self.members = [user_id(f"cluster-member-{i}") for i in range(20)]
        self.admins = [user_id(f"cluster-admin-{i}") for i in range(args.groups)]
        self.sent: list[Sent] = []
        self.tasks: set[asyncio.Task[None]] = set()
        self.cards: list[bytes] = []
        self.pictures: list[bytes] = []

    def world(self) -> None:
        for i, g in enumerate(self.groups):
            names = {m: f"Member {k}" for k, m in enumerate(self.members)}
            names[self.admins[i]] = f"Admin {i}"
            self.line.add_group(g, f"Cluster group {i}", names)
            self.line.add_friend(self.admins[i], f"Admin {i}")

    def draw_images(self, n: int) -> None:
        """A few ID-card photos (leaks) and ordinary pictures, reused as contents."""
        from devtools import synth

        rng = random.Random(self.args.seed + 7)
        for _ in range(n):
            card = synth.photograph(synth.id_card_front(rng), rng, 1280)
            self.cards.append(synth.to_jpeg(card, 85))
        for draw in (synth.meeting_notice, synth.photo, synth.menu)[: max(1, n)]:
            self.pictures.append(synth.to_jpeg(synth.photograph(draw(rng), rng, 1280), 85))

    def text(self, leak: bool) -> dict[str, Any]:
        g = self.rng.choice(self.groups)
        body = (
            f"請幫忙查一下 {national_id(self.rng)} 這位民眾的資料"
            if leak
            else self.rng.choice(ORDINARY)
        )
        return self.line.text_event(self.rng.choice(self.members), body, chat=g)

    def image(self, leak: bool) -> dict[str, Any]:
        g = self.rng.choice(self.groups)
        content = self.rng.choice(self.cards if leak else self.pictures)
        return self.line.image_event(self.rng.choice(self.members), chat=g, content=content)

    def send(self, kind: str, leak: bool, event: dict[str, Any]) -> Sent:
        s = Sent(
            kind, leak, event["message"]["quoteToken"], event["message"]["id"], time.perf_counter()
        )
        self.sent.append(s)
        task = asyncio.create_task(self._deliver(s, event))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        return s

    async def _deliver(self, s: Sent, event: dict[str, Any]) -> None:
        """As LINE: POST, and redeliver (same webhookEventId) what is not answered 200."""
        for attempt, delay in enumerate((0.0, *REDELIVERY_DELAYS)):
            if delay:
                await asyncio.sleep(delay)
            begin = time.perf_counter()
            try:
                status: int | str = await self.line.deliver(
                    self.cluster.callback, [event], redelivery=attempt > 0, timeout=30
                )
                s.acks.append(time.perf_counter() - begin)
            except (aiohttp.ClientError, TimeoutError, OSError) as exc:
                status = type(exc).__name__
            s.statuses.append(status)
            if status == 200:
                s.answered = True
                return

    async def drain(self) -> None:
        while self.tasks:
            await asyncio.gather(*list(self.tasks))

    def warnings(self) -> Counter[str]:
        """Quote token -> how many warnings quoting it reached LINE."""
        count: Counter[str] = Counter()
        for rec in self.line.sent:
            for m in rec.messages:
                q = m.get("quoteToken")
                if q:
                    count[q] += 1
        return count

    def first_warning_at(self) -> dict[str, float]:
        first: dict[str, float] = {}
        for rec in self.line.sent:
            for m in rec.messages:
                q = m.get("quoteToken")
                if q and q not in first:
                    first[q] = rec.perf
        return first

    async def wait_warned(self, sent: list[Sent], timeout: float) -> bool:
        want = {s.quote for s in sent if s.leak}

        def done() -> bool:
            got = self.warnings()
            return all(got[q] for q in want)

        try:
            await self.line.wait_for(done, timeout=timeout)
            return True
        except TimeoutError:
            return False


# -- phases ---------------------------------------------------------------------------------


async def image_burst(driver: Driver, n: int, timeout: float) -> dict[str, Any]:
    """`n` ID-card photos at once; time from the first POST to the last warning, and the
    scanners' CPU over that time."""
    cluster = driver.cluster
    scanners = [p for p in cluster.scanners if p.alive()]
    cpu0 = {p.name: p.group_cpu() for p in scanners}
    t0 = time.perf_counter()
    batch = [driver.send("image", True, driver.image(True)) for _ in range(n)]
    await driver.drain()
    complete = await driver.wait_warned(batch, timeout)
    first = driver.first_warning_at()
    end = max((first[s.quote] for s in batch if s.quote in first), default=time.perf_counter())
    cpu = sum(p.group_cpu() - cpu0[p.name] for p in scanners)
    warned = sum(1 for s in batch if s.quote in first)
    elapsed = end - t0
    return {
        "scanners": len(scanners),
        "images": n,
        "warned": warned,
        "complete": complete,
        "seconds": round(elapsed, 1),
        "images_per_minute": round(warned / elapsed * 60, 1) if elapsed > 0 else None,
        "scanner_cpu_seconds": round(cpu, 1),
        "images_per_cpu_second": round(warned / cpu, 3) if cpu > 0 else None,
        "images_per_minute_per_core": round(warned / cpu * 60, 1) if cpu > 0 else None,
    }


async def mixed_load(driver: Driver, args: argparse.Namespace) -> dict[str, Any]:
    cluster = driver.cluster
    rng = driver.rng
    n = int(args.rate * args.seconds)
    n_img = int(args.image_rate * args.seconds)
    # One schedule of (time, kind), text and images interleaved, open loop.
    plan = [(i / args.rate, "text") for i in range(n)]
    plan += [((i + 0.5) / args.image_rate, "image") for i in range(n_img)]
    plan.sort()
    # The kill: a second after the first image past halfway (an ID card), so that a worker
    # is in the middle of a scan and a replica in the middle of its traffic.
    card_at: float | None = None
    if args.kill:
        half = args.seconds / 2
        card_at = min((at for at, kind in plan if kind == "image" and at >= half), default=None)
        plan.append(((card_at if card_at is not None else half) + 1.0, "kill"))
        plan.sort()
    start_sent = len(driver.sent)
    cluster.db.backend_cpu.clear()
    xacts0 = cluster.db.transactions()
    cluster.db.sample_connections(cluster.all())
    cpu0 = {p.name: p.group_cpu() for p in cluster.all()}
    main0 = {p.name: p.main_cpu() for p in cluster.replicas}
    main_dead: dict[str, float] = {}
    own0 = time.process_time()
    killed: list[str] = []
    cpu_dead: dict[str, float] = {}
    t0 = time.perf_counter()
    for at, kind in plan:
        delay = t0 + at - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        if kind == "kill":
            for v in [cluster.replicas[0], *cluster.workers[:1]]:
                cpu_dead[v.name] = v.group_cpu() - cpu0[v.name]  # what it used until now
                if v.name in main0:
                    main_dead[v.name] = v.main_cpu() - main0[v.name]
                v.kill()
                killed.append(v.name)
        elif kind == "text":
            leak = rng.random() < args.leak_ratio
            driver.send("text", leak, driver.text(leak))
        else:
            leak = at == card_at or rng.random() < 0.5
            driver.send("image", leak, driver.image(leak))
        if len(driver.sent) % 20 == 0:
            cluster.db.sample_connections(cluster.all())
    sent_for = time.perf_counter() - t0
    await driver.drain()
    batch = driver.sent[start_sent:]
    complete = await driver.wait_warned(batch, args.drain_timeout)
    await asyncio.sleep(args.settle)  # a late second warning would show up here
    cluster.db.sample_connections(cluster.all())
    elapsed = time.perf_counter() - t0
    own = time.process_time() - own0

    cpu: dict[str, float] = {}
    for p in cluster.all():
        if p.name in killed:
            cpu[p.name] = cpu_dead[p.name]
        else:
            cpu[p.name] = p.group_cpu() - cpu0[p.name]

    main_cpu = sum(
        main_dead[p.name] if p.name in main_dead else p.main_cpu() - main0[p.name]
        for p in cluster.replicas
    )
    got = driver.warnings()
    first = driver.first_warning_at()
    leaks = [s for s in batch if s.leak]
    lost = [s for s in leaks if got[s.quote] == 0]
    doubled = [s for s in batch if got[s.quote] > 1]
    unexpected = [s for s in batch if not s.leak and got[s.quote] == 1]
    outcomes = cluster.db.scan_outcomes()
    lost_images = [s for s in lost if s.kind == "image"]
    # An ID card scanned to "allow" is a detection miss, not a loss: said apart when known.
    missed = (
        [s for s in lost_images if (outcomes.get(s.message_id) or "").startswith("scanned:")]
        if outcomes is not None
        else []
    )
    acks = [s.acks[0] for s in batch if s.acks and s.statuses[0] == 200]
    killed_at = min((p.killed_at for p in cluster.all() if p.killed_at), default=None)

    def after_kill(s: Sent) -> bool:
        return killed_at is not None and s.started >= killed_at

    acks_after = [s.acks[0] for s in batch if after_kill(s) and s.acks and s.statuses[0] == 200]
    text_after = [
        first[s.quote] - s.started
        for s in leaks
        if s.kind == "text" and after_kill(s) and s.quote in first
    ]
    server_cpu = cluster.db.server_cpu()
    xacts = cluster.db.transactions() - xacts0

    def lat(kind: str) -> list[float]:
        return [first[s.quote] - s.started for s in leaks if s.kind == kind and s.quote in first]

    text_lat, image_lat = lat("text"), lat("image")
    texts = [s for s in batch if s.kind == "text"]
    return {
        "events": len(batch),
        "text_events": len(texts),
        "image_events": len(batch) - len(texts),
        "leaks": len(leaks),
        "text_leaks": sum(1 for s in leaks if s.kind == "text"),
        "image_leaks": sum(1 for s in leaks if s.kind == "image"),
        "offered_rate": round(len(batch) / args.seconds, 1),
        "send_rate": round(len(batch) / sent_for, 1),
        "killed": killed,
        "complete": complete,
        "warned_once": sum(1 for s in leaks if got[s.quote] == 1),
        "lost": len(lost) - len(missed),
        "lost_text": sum(1 for s in lost if s.kind == "text"),
        "lost_images": len(lost_images) - len(missed),
        "image_detection_misses": len(missed),
        "doubled": len(doubled),
        "unexpected_warnings": len(unexpected),
        "unanswered": sum(1 for s in batch if not s.answered),
        "first_attempt_not_200": sum(1 for s in batch if s.statuses and s.statuses[0] != 200),
        "redelivered": sum(1 for s in batch if len(s.statuses) > 1),
        "ack_ms": percentiles(acks),
        "ack_after_kill_ms": percentiles(acks_after),
        "text_warning_after_kill_ms": percentiles(text_after),
        "text_warning_ms": percentiles(text_lat),
        "image_warning_ms": percentiles(image_lat),
        "cpu_seconds": {k: round(v, 1) for k, v in cpu.items()},
        # the replicas' own processes (webhook, text scans, outbox), not their OCR pools
        "replica_cpu_seconds": round(main_cpu, 1),
        "replica_cpu_ms_per_event": round(main_cpu / max(1, len(batch)) * 1000, 2),
        "events_per_replica_cpu_second": round(len(batch) / main_cpu, 1) if main_cpu > 0 else None,
        # the PostgreSQL server's processes for this database (same machine: /proc)
        "postgres_cpu_seconds": round(server_cpu, 1) if server_cpu else None,
        "postgres_cpu_ms_per_event": round(server_cpu / max(1, len(batch)) * 1000, 2)
        if server_cpu
        else None,
        "postgres_transactions_per_event": round(xacts / max(1, len(batch)), 1) if xacts else None,
        "driver_cpu_share": round(own / elapsed, 2),
        "seconds": round(elapsed, 1),
    }


def percentiles(values: list[float]) -> dict[str, float | int | None]:
    if not values:
        return {"n": 0, "p50": None, "p95": None, "p99": None, "max": None}
    return {
        "n": len(values),
        "p50": round(pct(values, 0.5) * 1000, 1),
        "p95": round(pct(values, 0.95) * 1000, 1),
        "p99": round(pct(values, 0.99) * 1000, 1),
        "max": round(max(values) * 1000, 1),
    }


async def run(args: argparse.Namespace) -> dict[str, Any]:
    backend = args.backend
    if backend == "auto":
        backend = "postgres" if postgres_supported() and postgres_up() else "sqlite"
    if backend == "postgres" and not postgres_supported():
        raise SystemExit("this checkout has no PostgreSQL store yet (BOT_DATABASE_URL)")
    # The job queue lives in PostgreSQL: on SQLite the replicas scan with their own OCR pools.
    workers_mode = (
        backend == "postgres" and worker_command_exists()
        if args.workers_mode == "auto"
        else args.workers_mode == "on"
    )
    tmp = Path(tempfile.mkdtemp(prefix="bench-cluster-"))
    db = Database.create(backend, tmp)
    result: dict[str, Any] = {
        "backend": backend,
        "scanners": "bot.py worker" if workers_mode else "the replicas' own OCR pools",
        "replicas": args.replicas,
        "cpus": os.cpu_count(),
    }
    try:
        async with FakeLinePlatform(SECRET, TOKEN, monthly_limit=None) as line:
            env = {
                **os.environ,
                **db.env,
                "LINE_CHANNEL_SECRET": SECRET,
                "LINE_CHANNEL_ACCESS_TOKEN": TOKEN,
                "LINE_API_BASE_URL": line.base_url,
                "BOT_HASH_KEY": "bench-cluster-hash-key-" + "x" * 16,
                "BOT_OCR_WORKERS": "1",
                "BOT_LOG_LEVEL": "WARNING",
                "PYTHONPATH": str(ROOT),
            }
            cluster = Cluster(tmp, db, env, workers_mode)
            driver = Driver(line, cluster, args)
            driver.world()
            try:
                for i, g in enumerate(driver.groups):  # also creates and migrates the database
                    cluster.admin_add(driver.admins[i], g)
                driver.draw_images(args.image_kinds)
                for i in range(args.replicas):
                    await cluster.start_replica(i)
                await cluster.start_lb()
                # warm-up: both replicas see text; one image end to end
                warm = [driver.send("text", True, driver.text(True)) for _ in range(10)]
                if workers_mode:
                    await cluster.start_worker(0, args.concurrency, args.stalled_after)
                warm.append(driver.send("image", True, driver.image(True)))
                await driver.drain()
                await driver.wait_warned(warm, 180)
                bursts = []
                if args.images:
                    bursts.append(await image_burst(driver, args.images, args.drain_timeout))
                if workers_mode:
                    for i in range(1, args.workers):
                        await cluster.start_worker(i, args.concurrency, args.stalled_after)
                    if args.images:
                        bursts.append(await image_burst(driver, args.images, args.drain_timeout))
                result["image_bursts"] = bursts
                result["load_average_before"] = round(os.getloadavg()[0], 2)
                result["mixed"] = await mixed_load(driver, args)
                result["load_average"] = round(os.getloadavg()[0], 2)
                result["pg_connections"] = db.connections_max or None
            finally:
                cluster.stop()
                result["logs"] = str(tmp)
            # requests nginx could not hand to a replica (and tried on the next one)
            errors = (tmp / "error.log").read_text() if (tmp / "error.log").exists() else ""
            result["lb_upstream_errors"] = sum(
                1 for line in errors.splitlines() if "upstream" in line
            )
    finally:
        db.drop()
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)
        result.pop("logs", None)
    return result


def print_table(r: dict[str, Any]) -> None:
    m = r["mixed"]
    print(
        f"cluster      {r['replicas']} x bot.py serve behind nginx, scanners: {r['scanners']}, "
        f"database: {r['backend']}, {r['cpus']} CPUs, load average {r['load_average']}"
    )
    print("image throughput (bursts of ID-card photos)")
    print(
        f"  {'scanners':>8}  {'images':>6}  {'seconds':>7}  {'img/min':>7}  {'CPU s':>6}  {'img/CPU-min':>11}"
    )
    for b in r["image_bursts"]:
        print(
            f"  {b['scanners']:>8}  {b['warned']:>3}/{b['images']:<2}  {b['seconds']:>7}  "
            f"{b['images_per_minute']!s:>7}  {b['scanner_cpu_seconds']:>6}  "
            f"{b['images_per_minute_per_core']!s:>11}"
        )
    print(
        f"mixed load   {m['events']} events ({m['text_events']} text, {m['image_events']} images) "
        f"at {m['send_rate']}/s; killed halfway: {', '.join(m['killed']) or 'none'}"
    )
    print(
        f"  leaks {m['leaks']} ({m['text_leaks']} text, {m['image_leaks']} images): warned once "
        f"{m['warned_once']}, lost {m['lost']} (text {m['lost_text']}, images "
        f"{m['lost_images']}), doubled {m['doubled']}; OCR misses {m['image_detection_misses']}, "
        f"warnings on ordinary messages {m['unexpected_warnings']}"
    )
    print(
        f"  webhooks: first attempt not 200 {m['first_attempt_not_200']}, redelivered "
        f"{m['redelivered']}, never answered 200 {m['unanswered']}"
    )
    print(f"  {'latency (ms)':<22}  {'n':>5}  {'p50':>8}  {'p95':>8}  {'p99':>8}  {'max':>8}")
    for label, key in (
        ("webhook ack", "ack_ms"),
        ("  after the kill", "ack_after_kill_ms"),
        ("text -> warning", "text_warning_ms"),
        ("  after the kill", "text_warning_after_kill_ms"),
        ("image -> warning", "image_warning_ms"),
    ):
        p = m[key]
        print(
            f"  {label:<22}  {p['n']:>5}  {p['p50']!s:>8}  {p['p95']!s:>8}  {p['p99']!s:>8}  {p['max']!s:>8}"
        )
    print(
        f"  replica processes: {m['replica_cpu_seconds']} CPU s, {m['replica_cpu_ms_per_event']} ms per event "
        f"({m['events_per_replica_cpu_second']} events per replica CPU-second)"
    )
    print("  CPU seconds: " + ", ".join(f"{k} {v}" for k, v in m["cpu_seconds"].items()))
    if m.get("postgres_cpu_seconds"):
        print(
            f"  PostgreSQL server: {m['postgres_cpu_seconds']} CPU s, "
            f"{m['postgres_cpu_ms_per_event']} ms per event, "
            f"{m['postgres_transactions_per_event']} transactions per event"
        )
    if r.get("pg_connections"):
        print(
            "  PostgreSQL connections (max seen): "
            + ", ".join(f"{k} {v}" for k, v in r["pg_connections"].items())
        )
    print(f"  nginx: {r.get('lb_upstream_errors')} upstream errors (retried on the next replica)")
    ok = m["lost"] == 0 and m["doubled"] == 0 and m["unanswered"] == 0
    print("result       " + ("nothing lost, nothing doubled" if ok else "LOST OR DOUBLED"))


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--backend", choices=("auto", "postgres", "sqlite"), default="auto")
    p.add_argument("--workers-mode", choices=("auto", "on", "off"), default="auto")
    p.add_argument("--replicas", type=int, default=2)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--concurrency", type=int, default=1, help="bot.py worker --concurrency")
    p.add_argument(
        "--stalled-after",
        type=float,
        help="bot.py worker --stalled-after: seconds before a dead worker's jobs go to another",
    )
    p.add_argument("--seconds", type=float, default=40.0, help="mixed-load duration")
    p.add_argument("--rate", type=float, default=40.0, help="text events per second")
    p.add_argument("--image-rate", type=float, default=0.4, help="image events per second")
    p.add_argument("--images", type=int, default=16, help="ID-card photos per burst (0: none)")
    p.add_argument("--image-kinds", type=int, default=3, help="different ID-card photos drawn")
    p.add_argument("--leak-ratio", type=float, default=0.2)
    p.add_argument("--groups", type=int, default=4)
    p.add_argument("--no-kill", dest="kill", action="store_false")
    p.add_argument("--drain-timeout", type=float, default=240.0)
    p.add_argument("--settle", type=float, default=3.0)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--keep", action="store_true", help="keep the temp folder (logs)")
    p.add_argument("--short", action="store_true", help="a quick run (tests)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    args = p.parse_args(argv)
    if args.short:
        args.seconds, args.rate, args.image_rate, args.images = 8.0, 10.0, 0.25, 2
        args.image_kinds, args.groups, args.settle = 1, 2, 2.0
        if args.stalled_after is None:
            args.stalled_after = 5.0  # a killed worker's scan is retried within seconds
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    r = asyncio.run(run(args))
    if args.json:
        print(json.dumps(r))
    else:
        print_table(r)
    m = r["mixed"]
    return 0 if m["lost"] == 0 and m["doubled"] == 0 and m["unanswered"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
