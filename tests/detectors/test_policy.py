"""The policy weighs context, and the policy file changes it without code."""

from __future__ import annotations

from pathlib import Path

import pytest

from detectors import scan_text
from detectors.policy import PolicyError, load_policy, parse_policy
from tests.support.idgen import national_id

NID = national_id("B", 2, "1357913")


@pytest.mark.parametrize(
    "text",
    [
        "承辦人 端木隊員 (02)2388-9393 分機 6786",
        "內政部移民署 臺北市中正區廣州街15號，公文寄這裡",
        "有民眾問的話請他打 1999",
        "來文移署中字第1139641053號請於一週內回復",
        "移署政字第1130012345號函，請查照",
        "案號 113年度偵字第12345號，請調卷",
        "依刑法第132條，洩密最重可處3年有期徒刑",
        "本案預算新臺幣350萬元，請核示",
        "拘票不能傳到群組喔",
        "決標公告已上網，底價及決標金額都在上面",
        "今日新增確診 120 例，詳見指揮中心新聞稿",
        "錄取名單已公告在本署網站",
        "阿岳生日快樂🎂",
        "A123456789 是範例身分證號，請勿用真實資料",
    ],
)
def test_not_leaks(text: str) -> None:
    result = scan_text(text)
    assert result.verdict == "allow", [(f.type, f.rule) for f in result.findings]
    assert result.findings == []


@pytest.mark.parametrize(
    ("text", "verdict", "types"),
    [
        (f"身分證 {NID}", "block", {"tw_national_id"}),
        ("關係人諸葛崴崴，電話 0970-005-587，請他來說明", "warn", {"phone_number", "person_name"}),
        (
            "歐陽岳翔 民國56年12月24日生，住桃園市平鎮區龍江路152號",
            "block",
            {"address", "birth_date", "person_name"},
        ),
        ("底價是85萬，開標前不要說出去", "block", {"procurement_secret"}),
    ],
)
def test_leaks(text: str, verdict: str, types: set[str]) -> None:
    result = scan_text(text)
    assert result.verdict == verdict
    assert types <= set(result.types)


def test_a_name_alone_is_not_a_leak_but_a_name_with_a_birth_date_is() -> None:
    assert scan_text("請 王志明 明天來拿公文").verdict == "allow"
    assert scan_text("王志明 民國70年5月6日生").verdict != "allow"


def test_explanations_carry_masked_values_only() -> None:
    result = scan_text(f"民眾林美玲身分證{NID}，手機0955-666-777")
    for f in result.findings:
        assert NID not in f.masked and "0955666777" not in f.masked
        assert f.rule and f.score > 0
    nid = next(f for f in result.findings if f.type == "tw_national_id")
    assert nid.masked == f"{NID[:2]}******{NID[-2:]}"
    assert nid.checksum is True and nid.context == "身分證"
    phone = next(f for f in result.findings if f.type == "phone_number")
    assert phone.masked == "09**-***-*77"


def test_salt_gives_a_stable_digest_without_the_value() -> None:
    a = scan_text(f"身分證 {NID}", salt=b"s1").findings[0]
    b = scan_text(f"統號{NID.lower()}", salt="s1").findings[0]
    c = scan_text(f"身分證 {NID}", salt=b"s2").findings[0]
    assert a.digest and a.digest == b.digest != c.digest
    assert NID not in (a.digest or "")
    assert scan_text(f"身分證 {NID}").findings[0].digest is None


POLICY = """
[thresholds]
warn = 0.5
block = 0.85

[allow]
values = ["0955-666-777"]

[keywords]
classified_marking = ["青鳥專案"]

[groups.Cvehicles]
disabled_types = ["license_plate"]
allow = { values = ["0911-222-333"] }

[groups.Cstrict]
thresholds = { warn = 0.2, block = 0.5 }
"""


@pytest.fixture
def policy_file(tmp_path: Path) -> Path:
    p = tmp_path / "policy.toml"
    p.write_text(POLICY, encoding="utf-8")
    return p


def test_allow_list_and_keywords_from_the_file(policy_file: Path) -> None:
    text = "民眾電話 0955666777"
    assert scan_text(text).verdict == "warn"
    result = scan_text(text, config=str(policy_file))
    assert result.verdict == "allow"
    assert any(f.rule.endswith("+allowlist") for f in result.suppressed)
    hit = scan_text("青鳥專案下週啟動", config=policy_file)
    assert hit.verdict == "warn" and hit.types == ["classified_marking"]


def test_group_overrides(policy_file: Path) -> None:
    plate = "幫我查車牌 BBD-5678 車主是誰"
    assert scan_text(plate, config=policy_file).verdict == "warn"
    assert scan_text(plate, config=policy_file, group_id="Cvehicles").verdict == "allow"
    assert scan_text(plate, config=policy_file, group_id="Cother").verdict == "warn"
    phone = "民眾電話 0911-222-333"
    assert scan_text(phone, config=policy_file, group_id="Cvehicles").verdict == "allow"
    assert scan_text(phone, config=policy_file).verdict == "warn"
    assert scan_text(phone, config=policy_file, group_id="Cstrict").verdict == "block"


def test_the_textbook_test_id_is_allow_listed_by_default() -> None:
    assert scan_text("身分證 A123456789").verdict == "allow"
    strict = parse_policy({"allow": {"default_test_values": False}})
    assert scan_text("身分證 A123456789", config=strict).verdict == "block"


def test_example_policy_file_loads() -> None:
    pol = load_policy(Path(__file__).resolve().parents[2] / "config" / "policy.example.toml")
    assert pol.for_group("Cexample0123456789abcdef0123456789") is not pol
    assert "license_plate" in pol.for_group("Cexample0123456789abcdef0123456789").disabled_types
    assert pol.ethics_types == parse_policy({}).ethics_types  # the file spells the default


def test_routing_names_the_types_copied_to_the_ethics_unit() -> None:
    default = parse_policy({}).ethics_types
    assert {"whistleblower_identity", "warrant", "procurement_secret"} <= default
    assert "tw_national_id" not in default
    assert parse_policy({"routing": {"ethics_types": []}}).ethics_types == frozenset()
    pol = parse_policy({"routing": {"ethics_types": ["health_info"]}, "groups": {"C1": {}}})
    assert pol.for_group("C1").ethics_types == frozenset({"health_info"})  # groups inherit it


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        ({"allow": {"valuez": ["x"]}}, "allow.valuez"),
        ({"keywords": {"not_a_type": ["x"]}}, "keywords.not_a_type"),
        ({"thresholds": {"warn": 2}}, "thresholds.warn"),
        ({"disabled_types": ["nope"]}, "disabled_types"),
        ({"surprise": 1}, "surprise"),
        ({"groups": {"C1": {"thresholds": {"warn": 0.9, "block": 0.5}}}}, "groups.C1"),
        ({"routing": {"ethics_type": ["warrant"]}}, "routing.ethics_type"),
        ({"routing": {"ethics_types": ["nope"]}}, "routing.ethics_types"),
        ({"routing": {"ethics_types": "warrant"}}, "routing.ethics_types"),
        ({"groups": {"C1": {"routing": {}}}}, "groups.C1"),
    ],
)
def test_bad_policy_names_the_key(data: dict[str, object], needle: str) -> None:
    with pytest.raises(PolicyError) as exc:
        parse_policy(data)
    assert needle in str(exc.value)


def test_unreadable_policy_file(tmp_path: Path) -> None:
    with pytest.raises(PolicyError):
        load_policy(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[allow\nvalues = 1", encoding="utf-8")
    with pytest.raises(PolicyError):
        load_policy(bad)


def test_a_lone_finding_is_decided_as_the_general_rules_would() -> None:
    """policy._decide_one (the fast path) gives _decide_all's answer on one finding."""
    from detectors.base import Finding
    from detectors.policy import DEFAULT_POLICY, FINDING_TYPES
    from detectors.verdict import _decide_all, _decide_one

    strict = parse_policy(
        {"thresholds": {"warn": 0.3, "block": 0.6}, "disabled_types": ["email", "warrant"]}
    )
    checked = 0
    for policy in (DEFAULT_POLICY, strict):
        for type_ in FINDING_TYPES:
            for score in (0.0, 0.1, 0.2, 0.3, 0.45, 0.5, 0.6, 0.7, 0.85, 0.9, 1.0):
                for checksum in (None, True, False):
                    for rule in (f"{type_}.x", f"{type_}.x+allowlist", "phone_number.mobile"):
                        f = Finding(type_, 3, 9, "***", score, rule, checksum=checksum)
                        assert _decide_one(f, policy) == _decide_all([f], policy), f
                        checked += 1
    assert checked == 2 * len(FINDING_TYPES) * 11 * 3 * 3
