"""Invented people and numbers: names, addresses, dates, phone numbers, and ID numbers with
valid check digits (so the text detectors treat them like real ones)."""

from __future__ import annotations

import random

# ---------------------------------------------------------------------------------------------
# Invented people and numbers

SURNAMES = "陳林黃張李王吳劉蔡楊許鄭謝洪郭邱曾廖賴徐周葉蘇莊呂江何蕭羅高潘簡朱鍾游彭詹胡施沈余盧梁趙顏柯翁魏孫戴"
GIVEN = "志明俊傑雅婷怡君家豪淑芬建宏美玲冠宇佳穎宗翰欣怡承恩品妍育誠惠雯柏翰詩涵瑞祥秀蘭文雄麗華國華玉珍信宏子晴"
CITIES = [
    ("臺北市", ["中正區", "大安區", "信義區", "士林區", "內湖區"]),
    ("新北市", ["板橋區", "三重區", "新莊區", "中和區", "永和區"]),
    ("桃園市", ["桃園區", "中壢區", "平鎮區", "龜山區"]),
    ("臺中市", ["西屯區", "北屯區", "南屯區", "豐原區"]),
    ("臺南市", ["東區", "安平區", "永康區", "新營區"]),
    ("高雄市", ["苓雅區", "三民區", "左營區", "鳳山區"]),
]
ROADS = [
    "中山路",
    "民生路",
    "復興路",
    "建國路",
    "和平東路",
    "忠孝東路",
    "成功路",
    "光明路",
    "文化路",
]
LETTERS = "ABCDEFGHJKLMNPQRSTUVXYWZIO"  # index + 10 = the letter's value (national ID rule)
SURNAMES_EN = ["CHEN", "LIN", "HUANG", "CHANG", "LI", "WANG", "WU", "LIU", "TSAI", "YANG", "HSU"]
GIVEN_EN = ["CHIH-MING", "YA-TING", "CHUN-CHIEH", "MEI-LING", "KUAN-YU", "HSIN-YI", "WEN-HSIUNG"]
FOREIGN = [
    ("NGUYEN VAN AN", "越南 VIETNAM"),
    ("SITI RAHAYU", "印尼 INDONESIA"),
    ("MARIA SANTOS", "菲律賓 PHILIPPINES"),
    ("SOMCHAI DEE", "泰國 THAILAND"),
]


def tw_checksum_ok(value: str) -> bool:
    n = LETTERS.index(value[0]) + 10
    digits = [n // 10, n % 10] + [int(c) for c in value[1:]]
    weights = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1]
    return sum(d * w for d, w in zip(digits, weights, strict=True)) % 10 == 0


def _with_check(prefix: str) -> str:
    for c in "0123456789":
        if tw_checksum_ok(prefix + c):
            return prefix + c
    raise AssertionError("unreachable")


def national_id(rng: random.Random, sex: int | None = None) -> str:
    sex = sex or rng.choice((1, 2))
    return _with_check(
        rng.choice(LETTERS[:22]) + str(sex) + "".join(rng.choices("0123456789", k=7))
    )


def resident_id(rng: random.Random) -> str:
    """New (2021+) resident certificate number: letter, 8 or 9, 7 digits, check digit."""
    return _with_check(
        rng.choice("ABCDEFGH") + rng.choice("89") + "".join(rng.choices("0123456789", k=7))
    )


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, 2))


def address(rng: random.Random) -> str:
    city, districts = rng.choice(CITIES)
    lane = f"{rng.randint(1, 300)}巷" if rng.random() < 0.4 else ""
    return (
        f"{city}{rng.choice(districts)}{rng.choice(ROADS)}{rng.choice(['', '一段', '二段', '三段'])}"
        f"{lane}{rng.randint(1, 250)}號{rng.choice(['', f'{rng.randint(2, 12)}樓'])}"
    )


def roc_date(rng: random.Random, lo: int = 40, hi: int = 95) -> tuple[int, int, int]:
    return rng.randint(lo, hi), rng.randint(1, 12), rng.randint(1, 28)


def mobile(rng: random.Random) -> str:
    return f"09{rng.randint(10, 89)}-{rng.randint(100, 999)}-{rng.randint(100, 999)}"
