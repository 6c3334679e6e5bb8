"""The cluster bench/bench_cluster.py runs: `bot.py serve` replicas and `bot.py worker`
processes, each in its own process group (CPU read from /proc), the shared database
(PostgreSQL, a database of its own created and dropped, or one SQLite file) and nginx in
front of the replicas (deploy/nginx-cluster.conf). Starting, watching and stopping them;
the driver, the phases and the report stay in bench_cluster.py."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

from bench.bench_webhook import cpu_seconds, free_port

ROOT = Path(__file__).resolve().parents[1]
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
NGINX_CONF = ROOT / "deploy" / "nginx-cluster.conf"


# -- processes ------------------------------------------------------------------------------


@dataclass
class Proc:
    """A child process in its own process group (its pool workers are in the group too)."""

    name: str
    popen: subprocess.Popen[bytes]
    log: Path
    port: int | None = None
    killed_at: float | None = None

    @property
    def pid(self) -> int:
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen.poll() is None

    def group_cpu(self) -> float:
        return group_cpu_seconds(self.pid)

    def main_cpu(self) -> float:
        """The process itself, without its children (a replica's OCR pool, for instance)."""
        return cpu_seconds(self.pid)

    def kill(self) -> None:
        """SIGKILL the whole group: the machine is gone, nothing cleans up."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.pid, signal.SIGKILL)
        self.popen.wait()
        self.killed_at = time.perf_counter()

    def stop(self) -> None:
        if self.popen.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.popen.wait(20)
        with contextlib.suppress(ProcessLookupError):  # pool workers left behind
            os.killpg(self.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.popen.wait(5)


def spawn(name: str, argv: list[str], env: dict[str, str], tmp: Path, port: int | None) -> Proc:
    log = tmp / f"{name}.log"
    popen = subprocess.Popen(
        argv,
        env=env,
        cwd=tmp,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    return Proc(name, popen, log, port)


def _proc_stat(pid: int) -> list[str] | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def group_cpu_seconds(pgid: int) -> float:
    """CPU seconds (user + system, with reaped children) of every live process in a group."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        f = _proc_stat(int(entry))
        if f is None or int(f[2]) != pgid:
            continue
        total += sum(int(x) for x in f[11:15])
    return total / tick


def group_pids(pgid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            f = _proc_stat(int(entry))
            if f is not None and int(f[2]) == pgid:
                out.append(int(entry))
    return out


def socket_inodes(pids: list[int]) -> set[str]:
    inodes = set()
    for pid in pids:
        with contextlib.suppress(OSError):
            for fd in os.listdir(f"/proc/{pid}/fd"):
                with contextlib.suppress(OSError):
                    target = os.readlink(f"/proc/{pid}/fd/{fd}")
                    if target.startswith("socket:["):
                        inodes.add(target[8:-1])
    return inodes


def local_ports_by_inode() -> dict[str, int]:
    """inode -> local port of TCP sockets connected to port 5432 (/proc/net/tcp{,6})."""
    out = {}
    for name in ("tcp", "tcp6"):
        with contextlib.suppress(OSError):
            for row in Path(f"/proc/net/{name}").read_text().splitlines()[1:]:
                cols = row.split()
                local, remote, inode = cols[1], cols[2], cols[9]
                if int(remote.rsplit(":", 1)[1], 16) == 5432:
                    out[inode] = int(local.rsplit(":", 1)[1], 16)
    return out


# -- the database ---------------------------------------------------------------------------


def postgres_supported() -> bool:
    """This checkout reads BOT_DATABASE_URL (the PostgreSQL store is merged)."""
    import dataclasses

    from config import Config

    return any(f.name == "database_url" for f in dataclasses.fields(Config))


def postgres_up() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN, connect_timeout=3):
            return True
    except Exception:
        return False


@dataclass
class Database:
    backend: str  # "postgres" | "sqlite"
    env: dict[str, str]
    name: str = ""
    path: Path | None = None
    connections_max: dict[str, int] = field(default_factory=dict)
    # PostgreSQL server processes serving this database: pid -> CPU seconds (first, last seen)
    backend_cpu: dict[int, tuple[float, float]] = field(default_factory=dict)

    @classmethod
    def create(cls, backend: str, tmp: Path) -> Database:
        if backend == "postgres":
            import psycopg

            name = f"bench_cluster_{uuid.uuid4().hex[:12]}"
            with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{name}"')
            url = f"postgresql://postgres@127.0.0.1:5432/{name}"
            # BOT_DB_PATH too: nothing may fall back to a default database file of this user.
            env = {"BOT_DATABASE_URL": url, "BOT_DB_PATH": str(tmp / "unused.db")}
            return cls("postgres", env, name=name)
        path = tmp / "state" / "bench.db"
        path.parent.mkdir()
        return cls("sqlite", {"BOT_DB_PATH": str(path)}, path=path)

    def drop(self) -> None:
        if self.backend == "postgres":
            import psycopg

            with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def sample_connections(self, procs: list[Proc]) -> None:
        """Connections to this database, per process (client port -> socket -> process)."""
        if self.backend != "postgres":
            return
        import psycopg

        with psycopg.connect(PG_ADMIN) as conn:
            rows = conn.execute(
                "SELECT client_port, pid FROM pg_stat_activity WHERE datname = %s", [self.name]
            ).fetchall()
        ports = [r[0] for r in rows]
        for _, pid in rows:  # the server runs on this machine: its processes' CPU from /proc
            cpu = cpu_seconds(pid)
            if cpu == cpu:  # not NaN
                first = self.backend_cpu.get(pid, (cpu, cpu))[0]
                self.backend_cpu[pid] = (first, cpu)
        by_inode = local_ports_by_inode()
        for p in procs:
            if not p.alive():
                continue
            mine = {by_inode[i] for i in socket_inodes(group_pids(p.pid)) if i in by_inode}
            n = sum(1 for port in ports if port in mine)
            self.connections_max[p.name] = max(self.connections_max.get(p.name, 0), n)

    def transactions(self) -> int:
        """Transactions committed or rolled back in this database so far (pg_stat_database)."""
        if self.backend != "postgres":
            return 0
        import psycopg

        with psycopg.connect(PG_ADMIN) as conn:
            row = conn.execute(
                "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = %s",
                [self.name],
            ).fetchone()
        return int(row[0]) if row else 0

    def server_cpu(self) -> float:
        """CPU the PostgreSQL server processes of this database used since first seen."""
        return sum(last - first for first, last in self.backend_cpu.values())

    def scan_outcomes(self) -> dict[str, str] | None:
        """message id -> scan outcome, when the scan jobs live in a table we know."""
        try:
            if self.backend == "sqlite" and self.path is not None:
                with contextlib.closing(
                    sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
                ) as c:
                    rows = c.execute("SELECT message_id, status, outcome FROM scan_jobs").fetchall()
            else:
                import psycopg

                url = self.env["BOT_DATABASE_URL"]
                with psycopg.connect(url) as conn:
                    rows = conn.execute(
                        "SELECT message_id, status, outcome FROM scan_jobs"
                    ).fetchall()
        except Exception:
            return None
        return {str(m): (o if s == "done" else s) or "" for m, s, o in rows}


# -- the load balancer ----------------------------------------------------------------------


def _replace(text: str, old: str, new: str) -> str:
    if old not in text:
        raise SystemExit(f"deploy/nginx-cluster.conf changed: {old!r} not found")
    return text.replace(old, new)


def start_nginx(tmp: Path, upstream_ports: list[int]) -> tuple[Proc, int]:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise SystemExit("nginx is not installed (Debian: apt-get install nginx)")
    port = free_port()
    site = NGINX_CONF.read_text()
    servers = "\n    ".join(
        f"server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;" for p in upstream_ports
    )
    site = _replace(site, "server 10.0.0.11:8080 max_fails=1 fail_timeout=10s;", servers)
    site = _replace(site, "server 10.0.0.12:8080 max_fails=1 fail_timeout=10s;", "")
    # Plain HTTP on loopback: TLS is the proxy's business, not what this bench measures.
    site = _replace(site, "listen 80;", f"listen 127.0.0.1:{free_port()};")
    site = _replace(site, "listen [::]:80;", "")
    site = _replace(site, "listen 443 ssl http2;", f"listen 127.0.0.1:{port};")
    site = _replace(site, "listen [::]:443 ssl http2;", "")
    for line in site.splitlines():
        if line.strip().startswith(("ssl_", "add_header Strict")):
            site = site.replace(line + "\n", "")
    site = _replace(site, "/var/log/nginx/line-guard.access.log", str(tmp / "access.log"))
    (tmp / "line-guard.conf").write_text(site)
    temp = "\n".join(
        f"  {kind}_temp_path {tmp / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (tmp / "nginx-main.conf").write_text(
        f"{'user root;' if os.geteuid() == 0 else ''}\ndaemon off;\nworker_processes 1;\n"
        f"pid {tmp / 'nginx.pid'};\nerror_log {tmp / 'error.log'} warn;\n"
        f"events {{ worker_connections 1024; }}\nhttp {{\n{temp}\n"
        f"  include {tmp / 'line-guard.conf'};\n}}\n"
    )
    argv = [nginx, "-e", str(tmp / "error.log"), "-p", str(tmp), "-c", str(tmp / "nginx-main.conf")]
    check = subprocess.run([*argv[:1], "-t", *argv[1:]], capture_output=True, text=True)
    if check.returncode != 0:
        raise SystemExit(f"nginx -t failed: {check.stderr}")
    return spawn("nginx", argv, dict(os.environ), tmp, port), port


# -- the cluster ----------------------------------------------------------------------------


def worker_command_exists() -> bool:
    """`bot.py worker` is a command of this checkout (the job queue is merged)."""
    r = subprocess.run(
        [sys.executable, str(ROOT / "bot.py"), "worker", "--help"],
        capture_output=True,
        cwd=ROOT,
    )
    return r.returncode == 0


async def wait_http(url: str, proc: Proc, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    async with aiohttp.ClientSession() as s:
        while time.monotonic() < deadline:
            if not proc.alive():
                raise SystemExit(f"{proc.name} exited: {proc.log.read_text()[-2000:]}")
            with contextlib.suppress(aiohttp.ClientError, OSError):
                async with s.get(url) as r:
                    if r.status == 200:
                        return
            await asyncio.sleep(0.2)
    raise SystemExit(f"{proc.name} did not answer {url}")


async def wait_settled(proc: Proc, timeout: float = 120.0) -> None:
    """Until a just-started process stops burning CPU (its OCR engine is loaded)."""
    deadline = time.monotonic() + timeout
    last = proc.group_cpu()
    while time.monotonic() < deadline:
        await asyncio.sleep(1.0)
        if not proc.alive():
            raise SystemExit(f"{proc.name} exited: {proc.log.read_text()[-2000:]}")
        now = proc.group_cpu()
        if now - last < 0.05:
            return
        last = now


@dataclass
class Cluster:
    tmp: Path
    db: Database
    env: dict[str, str]
    workers_mode: bool
    replicas: list[Proc] = field(default_factory=list)
    workers: list[Proc] = field(default_factory=list)
    lb: Proc | None = None
    lb_port: int = 0

    @property
    def callback(self) -> str:
        return f"http://127.0.0.1:{self.lb_port}/callback"

    @property
    def scanners(self) -> list[Proc]:
        return self.workers if self.workers_mode else self.replicas

    def bot(self, *args: str) -> list[str]:
        return [sys.executable, str(ROOT / "bot.py"), *args]

    def admin_add(self, user: str, group: str) -> None:
        subprocess.run(
            self.bot("admin", "add", user, "--group", group),
            env=self.env,
            cwd=self.tmp,
            check=True,
            capture_output=True,
        )

    async def start_replica(self, i: int) -> Proc:
        port = free_port()
        env = dict(self.env)
        if self.workers_mode:
            env["BOT_OCR_WORKERS"] = "0"  # replicas do not scan: the workers do
        argv = self.bot("serve", "--host", "127.0.0.1", "--port", str(port))
        proc = spawn(f"replica{i + 1}", argv, env, self.tmp, port)
        self.replicas.append(proc)
        await wait_http(f"http://127.0.0.1:{port}/healthz", proc)
        return proc

    async def start_worker(self, i: int, concurrency: int, stalled_after: float | None) -> Proc:
        argv = self.bot("worker", "--concurrency", str(concurrency))
        if stalled_after is not None:
            argv += ["--stalled-after", str(stalled_after)]
        proc = spawn(f"worker{i + 1}", argv, self.env, self.tmp, None)
        self.workers.append(proc)
        await wait_settled(proc)
        return proc

    async def start_lb(self) -> None:
        ports = [p.port for p in self.replicas if p.port is not None]
        self.lb, self.lb_port = start_nginx(self.tmp, ports)
        await wait_http(f"http://127.0.0.1:{self.lb_port}/healthz", self.lb)

    def all(self) -> list[Proc]:
        return [*self.replicas, *self.workers, *([self.lb] if self.lb else [])]

    def stop(self) -> None:
        for p in self.all():
            p.stop()
