"""locales/legal.json keeps its promises: every law in every locale, current wording, and
each type of finding cites the laws it falls under."""

from __future__ import annotations

import pytest

from detectors.types import FINDING_TYPES
from line.messages import SECRET_TYPES, law_keys, why_line
from locales import LOCALES, law_line, legal


def test_every_law_in_every_locale_and_every_cited_key_exists() -> None:
    data = legal()
    for key, law in data["laws"].items():
        assert set(law) == set(LOCALES), key
        assert all(law[loc].strip() for loc in LOCALES), key
    cited = {k for ks in data["types"].values() for k in ks} | set(data["personal"])
    cited |= set(data["secret"])
    assert cited <= set(data["laws"])
    assert set(data["types"]) <= set(FINDING_TYPES)
    for ty in FINDING_TYPES:
        assert law_keys([ty]), ty


def test_current_wording() -> None:
    pdpa41 = law_line("pdpa_41", "zh-TW")
    assert "意圖為自己或第三人不法之利益或損害他人之利益" in pdpa41 and "意圖營利" not in pdpa41
    assert "加重其刑至二分之一" in law_line("pdpa_44", "zh-TW")
    crim = law_line("criminal_132", "zh-TW")
    assert "第1項" in crim and "第2項" in crim and "過失" in crim
    assert "negligence" in law_line("criminal_132", "en")
    assert "for gain" not in law_line("pdpa_41", "en")


@pytest.mark.parametrize(
    ("types", "cites", "not_cites"),
    [
        (["tw_national_id"], ["個人資料保護法第41條", "個人資料保護法第44條"], ["刑法第132條"]),
        (["procurement_secret"], ["政府採購法第34條", "刑法第132條", "過失"], ["個人資料保護法"]),
        (["warrant"], ["刑事訴訟法第245條", "偵查不公開", "刑法第132條"], ["政府採購法"]),
        (["investigation_secret"], ["刑事訴訟法第245條"], ["考績法"]),
        (["personnel_secret"], ["公務人員考績法第20條", "刑法第132條"], ["偵查不公開"]),
        (["classified_marking"], ["國家機密保護法", "刑法第132條"], ["政府採購法"]),
        (["whistleblower_identity", "person_name"], ["刑法第132條", "個人資料保護法第41條"], []),
    ],
)
def test_a_warning_cites_the_laws_of_the_types_found(
    types: list[str], cites: list[str], not_cites: list[str]
) -> None:
    why = why_line(types, "zh-TW")
    for part in cites:
        assert part in why, (part, why)
    for part in not_cites:
        assert part not in why, (part, why)
    # each law once, however many types point at it
    assert why.count("刑法第132條：") <= 1


def test_secret_types_without_their_own_law_fall_back_to_the_criminal_code() -> None:
    for ty in SECRET_TYPES:
        assert "criminal_132" in law_keys([ty]), ty
