"""`bot.py scan --image PATH` and {"id", "image": PATH} JSONL lines (the scan contract)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import bot


def test_image_flag_prints_document_and_masked_findings(
    tmp_path: Path, id_card_jpeg: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "card.jpg"
    path.write_bytes(id_card_jpeg)
    assert bot.main(["scan", "--image", str(path), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "document: id_card" in out
    assert "verdict: block" in out
    assert "tw_national_id" in out and "****" in out


def test_jsonl_image_lines_follow_the_contract(
    tmp_path: Path, id_card_jpeg: bytes, ordinary_jpeg: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "card.jpg").write_bytes(id_card_jpeg)
    (tmp_path / "menu.jpg").write_bytes(ordinary_jpeg)
    (tmp_path / "broken.jpg").write_bytes(id_card_jpeg[:2000])
    items = [
        {"id": "card", "image": "card.jpg"},  # relative to the JSONL file
        {"id": "menu", "image": str(tmp_path / "menu.jpg")},
        {"id": "text", "text": "午安，便當到了"},
        {"id": "broken", "image": "broken.jpg"},
        {"id": "missing", "image": "nope.jpg"},
    ]
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text(
        "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8"
    )
    assert bot.main(["scan", "--jsonl", str(jsonl)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in rows] == ["card", "menu", "text", "broken", "missing"]
    card, menu, text, broken, missing = rows
    assert card["verdict"] == "block" and card["doc_type"] == "id_card"
    assert card["findings"] and all(f["source"] == "ocr" for f in card["findings"])
    assert {"type", "start", "end", "masked", "score", "source"} <= set(card["findings"][0])
    assert menu["verdict"] == "allow" and "doc_type" not in menu
    assert text["verdict"] == "allow"
    assert "truncated" in broken["error"]
    assert "cannot read image" in missing["error"]


def test_not_an_image_exits_2_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes.jpg"
    path.write_text("just text", encoding="utf-8")
    assert bot.main(["scan", "--image", str(path)]) == 2
    assert "not_an_image" in capsys.readouterr().err
