"""Image scanning benchmark: seconds per image by size, pool throughput, memory, end to end.

    python bench/bench_image.py                 everything (about 3-5 minutes on 2 cores)
    python bench/bench_image.py --quick         fewer images
    python bench/bench_image.py --compare       also Tesseract chi_tra vs RapidOCR on card photos
                                                (needs: apt-get install tesseract-ocr-chi-tra)

Prints:
  1. seconds per image (median, p95) by long side, whole pipeline in one process
     (decode, orient, OCR, text detectors, document type), with the embedded engine;
  2. images per minute through the OCR worker pool (spawned processes), 1 and 2 workers;
  3. webhook-to-warning time: a signed image event into the real bot (create_app on loopback)
     with the local LINE platform (fakeline) serving the content, until the warning reaches it;
  4. peak memory (max RSS) of the bench process and of one pool worker;
  5. hostile PDFs: the structure check's time on a form bomb (ten levels of forms drawing
     the next ten times), and PDFium's own cost on smaller bombs, for comparison.

Images are drawn by devtools/synth.py (photographed documents and ordinary images). Targets:
median under 1.5 s per typical LINE image (long side 1040-2048 px), peak memory under 1 GB.
Timings on a shared machine are pessimistic.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devtools import synth
from images import OcrPool, scan_image
from ocr import get_engine

SIZES = (800, 1040, 1280, 1600, 2048, 3000, 4000)
TYPICAL = (1040, 1280, 1600, 2048)


def _pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(q * (len(s) - 1)))]


def make_images(per_size: int, seed: int = 3) -> dict[int, list[bytes]]:
    rng = random.Random(seed)
    out: dict[int, list[bytes]] = {}
    kinds = list(synth.KINDS)
    for size in SIZES:
        imgs = []
        for _ in range(per_size):
            kind = rng.choice(kinds)
            img = synth.photograph(kind.draw(rng), rng, size, flat=kind.flat)
            imgs.append(synth.to_jpeg(img, rng.randint(60, 90)))
        out[size] = imgs
    return out


def bench_per_image(images: dict[int, list[bytes]]) -> list[float]:
    engine = get_engine("rapidocr")
    scan_image(images[SIZES[0]][0], engine=engine)  # warm-up
    print("1. seconds per image (whole pipeline, one process, engine threads = cores)")
    print(f"   {'long side':>9}  {'n':>3}  {'median':>7}  {'p95':>7}")
    typical: list[float] = []
    for size, imgs in images.items():
        times = []
        for data in imgs:
            t0 = time.perf_counter()
            scan_image(data, engine=engine)
            times.append(time.perf_counter() - t0)
        if size in TYPICAL:
            typical.extend(times)
        print(
            f"   {size:>7}px  {len(times):>3}  {statistics.median(times):>6.2f}s  {_pct(times, 0.95):>6.2f}s"
        )
    print(
        f"   typical LINE images (long side 1040-2048): median {statistics.median(typical):.2f}s, "
        f"p95 {_pct(typical, 0.95):.2f}s (target median < 1.5 s)"
    )
    return typical


WORKER_PEAK_MB: list[float] = []


def _peak_mb(pid: int) -> float:
    """VmHWM (peak resident set) of a live process, in MB (Linux)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


async def _pool_throughput(images: list[bytes], workers: int) -> float:
    import multiprocessing

    pool = OcrPool(workers=workers, queue_size=len(images))
    await pool.start()
    try:
        t0 = time.perf_counter()
        await asyncio.gather(*(pool.scan(d) for d in images))
        elapsed = time.perf_counter() - t0
        WORKER_PEAK_MB.extend(_peak_mb(p.pid) for p in multiprocessing.active_children() if p.pid)
    finally:
        await pool.close()
    return len(images) / elapsed * 60


def bench_pool(images: dict[int, list[bytes]]) -> None:
    batch = [d for size in TYPICAL for d in images[size]]
    print(f"2. worker pool throughput ({len(batch)} typical images, {os.cpu_count()} cores)")
    for workers in (1, 2):
        ipm = asyncio.run(_pool_throughput(batch, workers))
        print(
            f"   {workers} worker(s) x {max(1, (os.cpu_count() or 1) // workers)} thread(s): {ipm:.0f} images/minute"
        )


def bench_memory() -> None:
    self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_mb = max(WORKER_PEAK_MB, default=0.0)
    print("4. peak memory (max RSS)")
    print(
        f"   bench process (engine + whole pipeline in-process, 4000 px inputs): {self_mb:.0f} MB"
    )
    print(
        f"   largest pool worker process (engine loaded, after scans): {worker_mb:.0f} MB (target < 1 GB)"
    )


async def _end_to_end(card: bytes, rounds: int) -> list[float]:
    from app import AppOptions, create_app, ocr_ctx, start_server
    from config import Config
    from devtools.fakeline import FakeLinePlatform, group_id, user_id

    secret, token = "bench-secret", "bench-token"
    alice, grp = user_id("alice"), group_id("bench")
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        async with FakeLinePlatform(secret, token) as line:
            line.add_group(grp, "bench", {alice: "王小明"})
            config = Config(
                channel_secret=secret,
                channel_access_token=token,
                line_api_base_url=line.base_url,
                db_path=Path(tmp) / "bot.db",
            )
            app = create_app(config, options=AppOptions(outbox_base_delay=0.05), contexts=[ocr_ctx])
            runner, port = await start_server(app)
            try:
                for i in range(rounds):
                    event = line.image_event(alice, chat=grp, content=card)
                    t0 = time.perf_counter()
                    await line.deliver(f"http://127.0.0.1:{port}/callback", [event])
                    sent = await line.wait_for_messages(grp, count=i + 1, timeout=120)
                    times.append(sent[-1].perf - t0)
            finally:
                await runner.cleanup()
    return times


def bench_end_to_end(rounds: int) -> None:
    rng = random.Random(11)
    card = synth.to_jpeg(synth.photograph(synth.id_card_front(rng), rng, 1600), 85)
    times = asyncio.run(_end_to_end(card, rounds))
    print("3. webhook -> warning at the LINE platform, ID card photo 1600 px (pool: 1 worker)")
    print(f"   {rounds} rounds: median {statistics.median(times):.2f}s, max {max(times):.2f}s")


def bench_hostile() -> None:
    from images import ImageRefused
    from images.pdf import check_structure
    from tests.support.hostile import form_bomb

    bomb = form_bomb(levels=10, fan_out=10)
    t0 = time.perf_counter()
    try:
        check_structure(bomb)
        verdict = "passed (!)"
    except ImageRefused as exc:
        verdict = exc.reason
    ms = (time.perf_counter() - t0) * 1000
    print("5. hostile PDFs")
    print(f"   {len(bomb)}-byte form bomb, 10 levels x 10: {verdict} in {ms:.2f} ms")
    import pypdfium2 as pdfium

    for levels in (5, 6):
        data = form_bomb(levels=levels, fan_out=10)
        t0 = time.perf_counter()
        pdf = pdfium.PdfDocument(data)
        page = pdf[0]
        page.get_textpage().get_text_bounded()
        page.close()
        pdf.close()
        print(f"   PDFium alone on {levels} levels: {time.perf_counter() - t0:.2f} s")


def compare_engines(n_per_kind: int) -> None:
    """RapidOCR vs Tesseract chi_tra: ID numbers read on photographed cards, and time."""
    import shutil

    from images.decode import load_for_ocr
    from images.orient import ocr_upright
    from ocr import create_engine

    if shutil.which("tesseract") is None:
        print("5. engine comparison skipped: tesseract not installed")
        return
    engines = {"rapidocr": get_engine("rapidocr"), "tesseract": create_engine("tesseract")}
    kinds = [
        k
        for k in synth.SENSITIVE
        if k.name
        in (
            "id_card_front",
            "health_card",
            "driver_license",
            "resident_certificate",
            "household_register",
            "record_screenshot",
        )
    ]
    id_re = re.compile(r"[A-Z][1289]\d{8}")
    rng = random.Random(21)
    ids = dict.fromkeys(engines, 0)
    times: dict[str, list[float]] = {name: [] for name in engines}
    n = 0
    for i in range(n_per_kind):
        for kind in kinds:
            turn = rng.choice((0, 0, 1, 3)) if i % 2 else 0
            img = synth.photograph(
                kind.draw(rng), rng, rng.choice(TYPICAL), flat=kind.flat, turn=turn
            )
            pic = load_for_ocr(synth.to_jpeg(img, rng.randint(50, 90)))
            n += 1
            for name, eng in engines.items():
                t0 = time.perf_counter()
                lines, _ = ocr_upright(eng, pic)
                times[name].append(time.perf_counter() - t0)
                text = re.sub(r"\s", "", "".join(ln.text for ln in lines))
                ids[name] += any(synth.tw_checksum_ok(m) for m in id_re.findall(text))
    print(
        f"5. engine comparison on {n} photographed cards/records (ID number read with a valid checksum)"
    )
    for name in engines:
        print(
            f"   {name:9}: {ids[name]}/{n} ID numbers, median {statistics.median(times[name]):.2f}s per image"
        )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--quick", action="store_true", help="fewer images (a smoke run)")
    p.add_argument("--compare", action="store_true", help="also compare with Tesseract chi_tra")
    args = p.parse_args(argv)
    import logging

    logging.basicConfig(level=logging.ERROR)  # the bot's own logs would interleave the figures
    if not synth.fonts_available():
        print("CJK fonts missing: apt-get install fonts-noto-cjk fonts-wqy-zenhei", file=sys.stderr)
        return 2
    per_size = 2 if args.quick else 5
    print(f"generating {per_size * len(SIZES)} photographed images ...", flush=True)
    images = make_images(per_size)
    bench_per_image(images)
    bench_pool(images)
    bench_end_to_end(3 if args.quick else 5)
    bench_memory()
    bench_hostile()
    if args.compare:
        compare_engines(1 if args.quick else 3)
    return 0


if __name__ == "__main__":
    sys.exit(main())
