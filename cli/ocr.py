"""`bot.py ocr`: the OCR engines the bot can use, and a reference OCR hook server.

    bot.py ocr list                        every engine, where it comes from, whether it loads
    bot.py ocr serve [--host H] [--port P] [--engine NAME] [--workers N] [--queue N]
                     [--seconds S] [--memory-mb MB] [--max-bytes B]
                                           POST /ocr (the contract of docs/ocr-hook.yaml) with
                                           one of the bot's own engines, read in the service's
                                           bounded worker pool (images/pool.py); GET /healthz
    bot.py ocr bench [--engine NAME] [--set DIR] [--limit N] [--json]
                                           a labelled image set through one engine: identifiers
                                           and documents read, recall / false positives,
                                           seconds per image, peak memory (images/bench.py)

An engine is chosen by BOT_OCR_ENGINE: a built-in one (rapidocr, tesseract), a plug-in
package (entry point group `line_guard.ocr_engines`, see examples/ocr_plugin/) or the HTTP
hook (`http`, BOT_OCR_URL). This module may import both ocr/ and the web server; ocr/ itself
stays free of images/.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cli.common import Subparsers, actions, command, port, positive_int

if TYPE_CHECKING:
    from aiohttp import web

    from images.pool import OcrPool

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SET = ROOT / "bench" / "image_sets" / "tune_t"
MAX_BODY_BYTES = 20 * 1024 * 1024


def register(sub: Subparsers[argparse.ArgumentParser]) -> None:
    op = actions(command(sub, "ocr", "OCR engines: list them, serve one as an OCR hook"), "ocr_cmd")
    ls = command(op, "list", "every OCR engine, where it comes from and whether it loads")
    ls.set_defaults(func=run_list)
    sv = command(
        op,
        "serve",
        "serve one of the bot's engines as an OCR hook: POST /ocr, GET /healthz "
        "(docs/ocr-hook.yaml); with BOT_OCR_TOKEN set, clients must send it as a bearer token",
    )
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on")
    sv.add_argument("--port", type=port, default=8090, help="port (0: any free port)")
    sv.add_argument("--engine", default="rapidocr", help="the engine that reads the images")
    sv.add_argument(
        "--workers", type=positive_int, default=1, help="worker processes reading images"
    )
    sv.add_argument(
        "--queue", type=positive_int, default=4, help="images waiting beyond those read (503)"
    )
    sv.add_argument(
        "--seconds", type=positive_int, default=60, help="time one image may take (504)"
    )
    sv.add_argument(
        "--memory-mb",
        type=positive_int,
        default=1536,  # the service's BOT_OCR_MEMORY_MB default
        help="memory one worker may add reading an image (413 beyond it)",
    )
    sv.add_argument(
        "--max-bytes", type=positive_int, default=MAX_BODY_BYTES, help="largest body (413)"
    )
    sv.set_defaults(func=run_serve)
    bn = command(
        op,
        "bench",
        "run a labelled image set through an engine: identifiers and documents read, "
        "recall and false positives, seconds per image, peak memory",
    )
    bn.add_argument(
        "--engine",
        help="the engine (built-in, plug-in or http; default: BOT_OCR_ENGINE); "
        "http uses BOT_OCR_URL, BOT_OCR_TOKEN, BOT_OCR_TIMEOUT",
    )
    bn.add_argument(
        "--set",
        dest="set_dir",
        type=Path,
        default=DEFAULT_SET,
        metavar="DIR",
        help="the set's folder (labels.jsonl and its images; default: bench/image_sets/tune_t)",
    )
    bn.add_argument("--limit", type=positive_int, help="only the first N images")
    bn.add_argument("--json", action="store_true", help="one JSON document instead of text")
    bn.set_defaults(func=run_bench)


def run_list(args: argparse.Namespace) -> int:
    """One line per engine: name, origin (built-in or the package), loads: yes | no (Error)."""
    from config import Config
    from ocr.registry import HookSettings, engine_sources

    hook = HookSettings.from_config(Config.from_env(require_line=False))
    for source in engine_sources():
        try:
            hook.with_engine(source.name).create(threads=1)
        except Exception as exc:  # the type only: no traceback, no message that could leak
            status = f"no ({type(exc).__name__})"
        else:
            status = "yes"
        sys.stdout.write(f"{source.name:16} {source.origin:28} loads: {status}\n")
    return 0


# --- The reference hook server ---------------------------------------------------------------
# The same bounded pool as the service (images/pool.py): worker processes, each image under a
# time limit (the worker is killed past it) and a memory limit; a queue limit beyond which
# an image is turned away at once. Pool outcomes -> HTTP status:
STATUS_BY_REASON = {
    "time_limit": 504,
    "memory_limit": 413,
    "file_too_large": 413,
    "dimensions_too_large": 413,
    "decompression_bomb": 413,
    "worker_died": 500,
}  # any other refusal (not_an_image, corrupt, truncated, empty): 400


@dataclass
class HookServer:
    """POST /ocr: one image read by the pool's workers; GET /healthz."""

    pool: OcrPool
    token: str | None

    async def healthz(self, request: web.Request) -> web.StreamResponse:
        from aiohttp import web

        return web.json_response({"status": "ok", "engine": self.pool.engine_name})

    async def ocr(self, request: web.Request) -> web.StreamResponse:
        import hmac

        from aiohttp import web

        from images.decode import ImageRefused
        from images.pool import OcrUnavailable, QueueFull
        from ocr.http import answer

        if self.token is not None:
            given = request.headers.get("Authorization", "")
            if not hmac.compare_digest(given.encode(), f"Bearer {self.token}".encode()):
                return web.json_response({"error": "unauthorized"}, status=401)
        body = await request.read()  # over client_max_size: aiohttp answers 413
        try:
            lines = await self.pool.read(body)
        except QueueFull:
            return web.json_response({"error": "busy"}, status=503)
        except ImageRefused as exc:  # the reason only: never anything read
            return web.json_response(
                {"error": exc.reason}, status=STATUS_BY_REASON.get(exc.reason, 400)
            )
        except OcrUnavailable as exc:  # the engine failed (or its worker cannot start)
            return web.json_response({"error": type(exc).__name__}, status=500)
        finally:
            del body
        return web.json_response(answer(lines))


def build_app(server: HookServer, max_bytes: int) -> web.Application:
    from aiohttp import web

    app = web.Application(client_max_size=max_bytes)
    app.router.add_post("/ocr", server.ocr)
    app.router.add_get("/healthz", server.healthz)
    return app


def run_serve(args: argparse.Namespace) -> int:
    import asyncio  # here, not at import: `bot.py scan` never pays for the event loop

    from config import Config, ConfigError
    from images.pool import OcrPool
    from ocr.registry import HookSettings, UnknownEngine, check_engine_name

    if args.engine == "http":
        raise ConfigError("ocr serve --engine http would call itself: choose a local engine")
    config = Config.from_env(require_line=False)
    try:
        check_engine_name(args.engine)
    except UnknownEngine as exc:
        raise ConfigError(str(exc)) from None
    pool = OcrPool(
        engine=HookSettings(args.engine),
        workers=args.workers,
        queue_size=args.queue,
        kind="process",
        scan_seconds=float(args.seconds),
        memory_mb=args.memory_mb,
    )
    return asyncio.run(_serve(pool, config.ocr_token, args))


async def _serve(pool: OcrPool, token: str | None, args: argparse.Namespace) -> int:
    import asyncio
    import signal

    from aiohttp import web

    from config import ConfigError

    try:
        await pool.start()  # each worker loads the engine once
    except Exception as exc:
        await pool.close()
        raise ConfigError(
            f"OCR engine {args.engine!r} does not load ({type(exc).__name__})"
        ) from None
    app = build_app(HookServer(pool, token), args.max_bytes)
    runner = web.AppRunner(app, access_log=None)  # no request log: nothing about the images
    try:
        await runner.setup()
        site = web.TCPSite(runner, args.host, args.port)
        await site.start()
        bound = runner.addresses[0]
        print(
            f"OCR hook serving on http://{bound[0]}:{bound[1]}/ocr (pid {os.getpid()}; "
            f"{pool.workers} worker(s), queue {pool.queue_size}, limits "
            f"{pool.scan_seconds:.0f} s / {pool.memory_mb} MB)",
            flush=True,
        )
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        await stop.wait()
    finally:
        await runner.cleanup()
        await pool.close()
    return 0


# --- The bench -------------------------------------------------------------------------------


def run_bench(args: argparse.Namespace) -> int:
    import json

    from config import Config, ConfigError
    from images.bench import SetMissing, format_report, read_labels, run_set
    from ocr.registry import HookSettings, UnknownEngine

    folder: Path = args.set_dir
    try:
        read_labels(folder, args.limit)  # before the engine loads: a missing set is quick
    except SetMissing as exc:
        gen = folder / "gen.py"
        how = f"; generate them with: python {gen}" if gen.is_file() else ""
        print(f"the image set {folder} has no images yet ({exc}){how}", file=sys.stderr)
        return 2
    hook = HookSettings.from_config(Config.from_env(require_line=False))
    if args.engine:
        hook = hook.with_engine(args.engine)
    try:
        engine = hook.create()
    except (UnknownEngine, ConfigError) as exc:
        raise ConfigError(str(exc)) from None
    except Exception as exc:
        raise ConfigError(
            f"OCR engine {hook.engine!r} does not load ({type(exc).__name__})"
        ) from None
    report = run_set(folder, engine, limit=args.limit)
    if args.json:
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(format_report(report))
    return 0
