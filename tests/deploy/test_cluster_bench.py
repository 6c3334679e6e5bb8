"""The cluster benchmark's kill test, short: two real `bot.py serve` replicas behind Debian's
nginx (deploy/nginx-cluster.conf), the scanners (`bot.py worker` processes when the checkout
has them), a shared database and the local LINE platform; one replica and one worker are
SIGKILLed halfway. Every leak must be warned exactly once: nothing lost, nothing doubled.

PostgreSQL is the cluster's database (its own database, created and dropped by the bench);
the SQLite run (one file shared on one machine) keeps the harness itself tested where the
PostgreSQL store is not available.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bench.bench_cluster import postgres_supported, postgres_up, worker_command_exists

ROOT = Path(__file__).resolve().parents[2]


def require_nginx() -> None:
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        pytest.skip("nginx is not installed (Debian: apt-get install nginx)")


@pytest.mark.parametrize("backend", ["postgres", "sqlite"])
def test_kill_one_replica_and_one_worker_loses_and_doubles_nothing(backend: str) -> None:
    require_nginx()
    if backend == "postgres":
        if not postgres_supported():
            pytest.skip("this checkout has no PostgreSQL store (BOT_DATABASE_URL)")
        if not postgres_up():
            pytest.skip("PostgreSQL is not running on 127.0.0.1:5432")
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "bench_cluster.py"),
            "--short",
            "--json",
            "--backend",
            backend,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=900,
    )
    assert run.returncode in (0, 1), run.stderr[-3000:]
    r = json.loads(run.stdout)
    m = r["mixed"]
    workers = r["scanners"] == "bot.py worker"  # the job queue runs on PostgreSQL only
    assert workers == (backend == "postgres" and worker_command_exists())
    assert m["killed"] == (["replica1", "worker1"] if workers else ["replica1"])
    assert m["leaks"] > 0 and m["text_leaks"] > 0
    # Every leak warned exactly once (an ID card the OCR read as harmless is a miss, not a loss).
    assert m["lost"] == 0, m
    assert m["doubled"] == 0, m
    assert m["warned_once"] + m["image_detection_misses"] == m["leaks"], m
    assert m["unanswered"] == 0, m  # every webhook answered 200, at the latest redelivered
    assert m["unexpected_warnings"] == 0, m
    # The image bursts were all scanned and warned.
    assert r["image_bursts"] and all(b["warned"] == b["images"] for b in r["image_bursts"])
    if workers:
        assert [b["scanners"] for b in r["image_bursts"]] == [1, 2]
    assert run.returncode == 0


def directives(path: Path) -> list[str]:
    return [
        line.strip()
        for line in path.read_text().splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]


def test_cluster_site_is_the_single_site_with_an_upstream_of_replicas() -> None:
    """deploy/nginx-cluster.conf does not drift from deploy/nginx.conf: every directive of
    the single-machine site is in it, but the one upstream server and the one-line /callback."""
    single = directives(ROOT / "deploy" / "nginx.conf")
    cluster = directives(ROOT / "deploy" / "nginx-cluster.conf")
    replaced = {"server 127.0.0.1:8080;", "location = /callback { proxy_pass http://line_guard; }"}
    assert replaced <= set(single)
    missing = [d for d in single if d not in replaced and d not in cluster]
    assert missing == []
    servers = [d for d in cluster if d.startswith("server ") and ":8080" in d]
    assert len(servers) >= 2 and all("max_fails=" in d for d in servers)
    # A webhook caught by a dying replica goes to the next one (safe: webhookEventId dedup).
    assert "proxy_next_upstream error timeout http_502 http_503 non_idempotent;" in cluster
