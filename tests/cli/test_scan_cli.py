"""`bot.py scan` contract, run as a real subprocess."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.support.cli import run_bot

ROOT = Path(__file__).resolve().parents[2]
NID = "F123456784"  # valid checksum, not allow-listed
assert NID != "A123456789"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return run_bot("scan", *args, cwd=ROOT, input=stdin, encoding="utf-8", check=False)


def test_scan_text_prints_verdict_and_masked_findings() -> None:
    p = run(f"請問 皇甫崴睿 的身分證 {NID} 可以幫忙確認戶籍嗎？")
    assert p.returncode == 0
    assert p.stdout.startswith("verdict: block")
    assert "F1******84" in p.stdout
    assert NID not in p.stdout + p.stderr
    assert "皇甫崴睿" not in p.stdout


def test_scan_stdin_and_explain() -> None:
    p = run("-", "--explain", stdin="關係人諸葛崴崴，電話 0970-005-587，請他來說明")
    assert p.returncode == 0
    assert "verdict: warn" in p.stdout
    assert "09**-***-*87" in p.stdout
    assert "rule=phone_number.person" in p.stdout and "context=關係人" in p.stdout
    assert "0970-005-587" not in p.stdout


def test_allow_message() -> None:
    p = run("有民眾問的話請他打 1999")
    assert p.returncode == 0 and p.stdout.startswith("verdict: allow")


def test_jsonl_contract_in_order_with_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": f"身分證 {NID}"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": 7, "text": "Noted 👍"}),
        json.dumps({"id": "no-text"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps(
            {"id": "z", "text": "標案目前只有3家來投，開標前我先跟你說"}, ensure_ascii=False
        ),
    ]
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    p = run("--jsonl", str(f))
    assert p.returncode == 0
    out = [json.loads(line) for line in p.stdout.splitlines()]
    assert [o.get("id") for o in out] == ["a", None, 7, "no-text", None, "z"]
    a = out[0]
    assert a["verdict"] == "block"
    assert a["findings"] == [
        {
            "type": "tw_national_id",
            "start": 4,
            "end": 14,
            "masked": "F1******84",
            "score": 1.0,
            "source": "text",
        }
    ]
    assert "error" in out[1] and "error" in out[3] and "error" in out[4]
    assert out[2] == {"id": 7, "verdict": "allow", "findings": []}
    assert out[5]["verdict"] == "block"
    assert {x["type"] for x in out[5]["findings"]} == {"procurement_secret"}
    assert NID not in p.stdout


def test_jsonl_from_stdin() -> None:
    p = run("--jsonl", "-", stdin='{"id": 1, "text": "謝謝大家"}\n')
    assert p.returncode == 0
    assert json.loads(p.stdout) == {"id": 1, "verdict": "allow", "findings": []}


def test_unreadable_jsonl_file_exits_non_zero(tmp_path: Path) -> None:
    p = run("--jsonl", str(tmp_path / "missing.jsonl"))
    assert p.returncode != 0
    assert "cannot read" in p.stderr


def test_config_and_group(tmp_path: Path) -> None:
    pol = tmp_path / "p.toml"
    pol.write_text('[groups.Cg]\nallow = { values = ["0970-005-587"] }\n', encoding="utf-8")
    text = "關係人電話 0970-005-587"
    assert run("--config", str(pol), text).stdout.startswith("verdict: warn")
    assert run("--config", str(pol), "--group", "Cg", text).stdout.startswith("verdict: allow")
    bad = tmp_path / "bad.toml"
    bad.write_text("[nope]\n", encoding="utf-8")
    p = run("--config", str(bad), text)
    assert p.returncode != 0 and "nope" in p.stderr


# Each --jsonl result line is written directly (cli.scan.contract_line): it must be the
# bytes `json.dumps(result.to_contract(id), ensure_ascii=False)` gives, for every id
# shape a line may carry and every finding a scan or an image can give.
CONTRACT_IDS = (
    None,
    0,
    -5,
    1 << 70,  # past the direct path's int range
    True,  # a bool is an int to Python, not to JSON
    1.5,
    float("nan"),
    'a"b\\c\n',
    "名字\ud800x",  # a lone surrogate
    "\u2028",
    [1, "x"],
    {"k": 1},
)


def test_jsonl_line_is_the_json_encoding_of_the_contract() -> None:
    from cli.scan import contract_line
    from detectors import Finding, ScanResult, scan_text

    results = [
        scan_text(t)
        for t in (
            "好的，收到",
            f"請問 皇甫崴睿 的身分證 {NID} 可以幫忙確認戶籍嗎？",
            "卡號 4111 1111 1111 1111，有效期限 08/27",
            "搜索票下來了，王小明家明天清晨會去，你通知他一下",
        )
    ]
    results += [
        ScanResult("warn", [Finding('x"y', 0, 3, "a\\b○\ud83d", 1, "r")], [], "id_card", []),
        ScanResult(
            "block",
            [
                Finding("t", 0, 3, "m", float("inf"), "r"),
                Finding("t", 1, 2, "m", 0.1234567, "r", "ocr"),
            ],
            [],
            None,
            [],
        ),
    ]
    assert any(r.findings for r in results[:4]) and results[0].verdict == "allow"
    for r in results:
        for item_id in CONTRACT_IDS:
            expected = json.dumps(r.to_contract(item_id), ensure_ascii=False)
            assert contract_line(r, item_id) == expected, item_id
