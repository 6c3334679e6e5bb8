"""`bot.py ocr bench`: the repo's image set through an engine in process and through the real
`bot.py ocr serve` hook gives the same counts; a set not generated yet is a message that
says the gen.py command; an aggregate-only set never shows a per-image row."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from images.bench import AGGREGATE_ONLY, format_report, run_set
from ocr import OcrEngine
from tests.support.ocr_hook import ROOT, bot, serve_hook

TIMING = ("engine", "seconds_per_image", "wall_seconds", "peak_rss_mb", "rows")


@pytest.fixture(scope="module")
def hook_url() -> Iterator[str]:
    yield from serve_hook()


def test_bench_through_the_hook_counts_as_in_process(hook_url: str, tune_t_subset: Path) -> None:
    args = ("ocr", "bench", "--set", str(tune_t_subset), "--limit", "4", "--json")
    local = bot(*args, BOT_OCR_ENGINE="rapidocr")
    remote = bot(*args, BOT_OCR_ENGINE="http", BOT_OCR_URL=hook_url)
    assert local.returncode == remote.returncode == 0, remote.stderr[-2000:]
    here, there = json.loads(local.stdout), json.loads(remote.stdout)
    assert (here["engine"], there["engine"]) == ("rapidocr", "http")
    assert here["images"] == 4 and here["failed"] == there["failed"] == 0
    assert here["identifiers"]  # something was read
    for key in TIMING:
        here.pop(key), there.pop(key)
    assert there == here
    # The rows (ids, verdicts, types) agree too, timing aside.
    rows = [
        [{k: v for k, v in r.items() if k != "seconds"} for r in json.loads(x.stdout)["rows"]]
        for x in (local, remote)
    ]
    assert rows[0] == rows[1]


def test_text_report_names_what_it_measures(tune_t_subset: Path) -> None:
    r = bot("ocr", "bench", "--set", str(tune_t_subset), "--limit", "2", "--engine", "rapidocr")
    assert r.returncode == 0, r.stderr[-2000:]
    for words in (
        "recall",
        "false-positive rate",
        "seconds per image",
        "peak memory (RSS)",
        "identifiers read",
        "document types",
    ):
        assert words in r.stdout


def test_missing_images_say_how_to_generate_them(tmp_path: Path) -> None:
    folder = tmp_path / "tune_t"
    folder.mkdir()
    shutil.copy(ROOT / "bench" / "image_sets" / "tune_t" / "gen.py", folder / "gen.py")
    r = bot("ocr", "bench", "--set", str(folder), timeout=120)
    assert r.returncode == 2 and r.stdout == ""
    assert f"generate them with: python {folder / 'gen.py'}" in r.stderr
    assert "Traceback" not in r.stderr


def test_aggregate_only_set_prints_totals_only(
    tune_t_subset: Path, tmp_path: Path, engine: OcrEngine
) -> None:
    (name,) = AGGREGATE_ONLY
    folder = tmp_path / name
    folder.mkdir()
    labels = (tune_t_subset / "labels.jsonl").read_text(encoding="utf-8").splitlines()[:2]
    (folder / "labels.jsonl").write_text("\n".join(labels) + "\n", encoding="utf-8")
    (folder / "img").mkdir()
    for line in labels:
        image = json.loads(line)["image"]
        shutil.copy(tune_t_subset / image, folder / image)
    report = run_set(folder, engine)
    text = format_report(report)
    doc = report.to_json()
    ids = [json.loads(line)["id"] for line in labels]
    assert report.aggregate_only and doc["images"] == 2
    assert "rows" not in doc and "per_style" not in doc
    assert not any(i in text or i in json.dumps(doc) for i in ids)
    assert "aggregates only" in text


def test_image_named_from_the_sets_img_folder(tmp_path: Path) -> None:
    """Some writers name an image from the set's img/ ("w0001.jpg"), others from the set folder
    ("img/t0001.png"): both are read; a name found in neither is still missing."""
    from PIL import Image

    from images.bench import SetMissing, image_path, read_labels

    (tmp_path / "img").mkdir()
    Image.new("RGB", (320, 320), (250, 250, 250)).save(tmp_path / "img" / "a.png")
    Image.new("RGB", (320, 320), (240, 240, 240)).save(tmp_path / "img" / "b.png")
    items = [{"id": "a", "image": "a.png"}, {"id": "b", "image": "img/b.png"}]
    labels = tmp_path / "labels.jsonl"
    labels.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    read = read_labels(tmp_path)
    assert [image_path(tmp_path, i) for i in read] == [
        tmp_path / "img" / "a.png",
        tmp_path / "img" / "b.png",
    ]
    labels.write_text(json.dumps({"id": "c", "image": "c.png"}) + "\n", encoding="utf-8")
    with pytest.raises(SetMissing):
        read_labels(tmp_path)
