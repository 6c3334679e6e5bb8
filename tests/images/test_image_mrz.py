"""MRZ check digits (ICAO 9303 specimens) and repair of OCR noise in the zone."""

from __future__ import annotations

import pytest

from devtools.synth import passport_mrz
from images.mrz import check_digit, find_mrz

# ICAO Doc 9303 specimens.
TD3 = (
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
)
TD1 = (
    "I<UTOD231458907<<<<<<<<<<<<<<<",
    "7408122F1204159UTO<<<<<<<<<<<6",
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
)


@pytest.mark.parametrize(
    ("field", "digit"),
    [
        ("L898902C3", "6"),
        ("740812", "2"),
        ("120415", "9"),
        ("ZE184226B<<<<<", "1"),
        ("D23145890", "7"),
        ("<<<<<<<<<", "0"),
    ],
)
def test_check_digit(field: str, digit: str) -> None:
    assert check_digit(field) == digit


def test_td3_specimen_is_valid() -> None:
    mrz = find_mrz(["some header", *TD3])
    assert mrz is not None
    assert (mrz.format, mrz.doc_code, mrz.country, mrz.number) == ("TD3", "P", "UTO", "L898902C3")
    assert mrz.valid and all(mrz.checks.values())


def test_td1_specimen_is_valid() -> None:
    mrz = find_mrz(list(TD1))
    assert mrz is not None and mrz.format == "TD1" and mrz.valid
    assert mrz.number == "D23145890"


@pytest.mark.parametrize("position", [0, 4, 13, 21])
def test_a_wrong_character_breaks_a_check(position: int) -> None:
    line2 = TD3[1]
    wrong = "9" if line2[position] != "9" else "8"
    mrz = find_mrz([TD3[0], line2[:position] + wrong + line2[position + 1 :]])
    assert mrz is not None
    assert not all(mrz.checks.values())


def test_ocr_noise_is_repaired() -> None:
    # Fillers read as «, spaces inside the zone, the letter O for a zero in a date.
    noisy1 = TD3[0].replace("<", "«")
    noisy2 = "L898902C36 UTO74O8122F1204159ZE184226B<<<<<10"
    mrz = find_mrz([noisy1, noisy2])
    assert mrz is not None and mrz.valid


def test_generated_taiwan_passport_zone_is_valid() -> None:
    l1, l2 = passport_mrz("CHEN", "MEI-LING", "312345678", "850302", "F", "320302", "A223456781")
    mrz = find_mrz([l1, l2])
    assert mrz is not None and mrz.valid and mrz.country == "TWN"


def test_ordinary_lines_are_not_a_zone() -> None:
    assert (
        find_mrz(
            ["中華民國護照", "REPUBLIC OF CHINA (TAIWAN) PASSPORT", "Date of birth 02 MAR 1985"]
        )
        is None
    )
