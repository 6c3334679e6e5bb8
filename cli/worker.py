"""`bot.py worker [--concurrency N]`: run the job queue's jobs (jobs/worker.py).

Needs BOT_DATABASE_URL (PostgreSQL: the queue) and the LINE credentials (content is fetched
from LINE by message id, warnings are sent). Start one on every machine that should OCR;
each takes `--concurrency` jobs at a time, with one OCR process per job.
"""

from __future__ import annotations

import argparse
import logging

from cli.common import Subparsers, command, load_config, open_for, positive_int
from config import ConfigError


def positive_seconds(raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {raw!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {raw}")
    return value


OCR_RETRY_DELAYS_TEXT = "30,120,480"  # handlers.media.OCR_RETRY_DELAYS


def seconds_list(raw: str) -> tuple[float, ...]:
    try:
        values = tuple(float(part) for part in raw.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not seconds separated by commas: {raw!r}") from None
    if any(v < 0 for v in values):
        raise argparse.ArgumentTypeError(f"seconds cannot be negative: {raw!r}")
    return values


def register(sub: Subparsers[argparse.ArgumentParser]) -> None:
    wk = command(
        sub,
        "worker",
        "run queued jobs (image and file scans, escalations, tips, retention); "
        "needs BOT_DATABASE_URL",
        db=True,
    )
    wk.add_argument(
        "--concurrency",
        metavar="N",
        type=positive_int,
        default=1,
        help="jobs at a time, one OCR process each (about one per core)",
    )
    wk.add_argument(
        "--stalled-after",
        metavar="SECONDS",
        type=positive_seconds,
        default=30.0,
        help="a worker silent this long is taken for dead: its jobs go to another",
    )
    wk.add_argument(
        "--ocr-retry-delays",
        metavar="S,S,...",
        type=seconds_list,
        default=OCR_RETRY_DELAYS_TEXT,
        help="seconds before each new try of a scan whose OCR service failed; "
        "then it is recorded as not scanned and the admins told",
    )
    wk.set_defaults(func=worker)


def worker(args: argparse.Namespace) -> int:
    config = load_config(args)
    if not config.database_url:
        raise ConfigError(
            "bot.py worker needs BOT_DATABASE_URL=postgresql://... (the job queue); "
            "with SQLite, `bot.py serve` scans images itself"
        )
    open_for(config).close()  # creates and migrates the database, or says why it cannot
    import asyncio

    from jobs.worker import run_worker
    from monitoring.logs import setup_logging

    setup_logging(config.log_level, config.log_format, config.timezone)
    if config.log_level != "DEBUG":
        # procrastinate's INFO lines quote each job's arguments (ids, reply tokens) and
        # every periodic slot; the bot's own lines say what ran, by message id.
        logging.getLogger("procrastinate").setLevel(logging.WARNING)
    asyncio.run(
        run_worker(
            config,
            concurrency=args.concurrency,
            stalled_after=args.stalled_after,
            ocr_retry_delays=args.ocr_retry_delays,  # argparse parsed the default too
        )
    )
    return 0
