"""Synthetic image set, drawn by code: documents that leak and ordinary images that do not.

Used by the image tests (recall / false-positive rate), by `bench/bench_image.py` and by the
OCR engine comparison. Nothing here is stored in the repo as a binary: every image is drawn
with Pillow from a seed, with the CJK fonts Debian ships (fonts-noto-cjk, fonts-wqy-zenhei),
then "photographed": put on a background, turned, warped in perspective, blurred, resized
(800-4000 px on the long side) and JPEG-compressed.

Every person, number and address is invented; ID numbers carry valid check digits so the
text detectors treat them like real ones.

    python -m devtools.synth OUT_DIR [--seed N] [--per-kind N]   writes the set as JPEGs + labels
"""

from __future__ import annotations

import io
import json
import math
import random
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_FILES = {
    "sans": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 3),
    "sans_bold": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 3),
    "serif": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 3),
    "wqy": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    "mono": ("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", 0),
}


class FontsMissing(RuntimeError):
    """The CJK fonts are not installed (Debian: apt-get install fonts-noto-cjk fonts-wqy-zenhei)."""


def fonts_available() -> bool:
    return all(Path(p).exists() for p, _ in FONT_FILES.values())


_font_cache: dict[tuple[str, int], ImageFont.FreeTypeFont] = {}


def font(kind: str, size: int) -> ImageFont.FreeTypeFont:
    key = (kind, size)
    if key not in _font_cache:
        path, index = FONT_FILES[kind]
        if not Path(path).exists():
            raise FontsMissing(f"font not found: {path}")
        _font_cache[key] = ImageFont.truetype(path, size, index=index)
    return _font_cache[key]


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


# ---------------------------------------------------------------------------------------------
# Drawing helpers


@dataclass
class Canvas:
    img: Image.Image
    draw: ImageDraw.ImageDraw

    @classmethod
    def new(cls, w: int, h: int, color: tuple[int, int, int] = (255, 255, 255)) -> Canvas:
        img = Image.new("RGB", (w, h), color)
        return cls(img, ImageDraw.Draw(img))

    def text(
        self,
        xy: tuple[float, float],
        s: str,
        size: int,
        kind: str = "sans",
        fill: tuple[int, int, int] = (20, 20, 20),
        anchor: str | None = None,
    ) -> None:
        self.draw.text(xy, s, font=font(kind, size), fill=fill, anchor=anchor)

    def width_of(self, s: str, size: int, kind: str = "sans") -> float:
        return self.draw.textlength(s, font=font(kind, size))


def _portrait(c: Canvas, box: tuple[int, int, int, int], rng: random.Random) -> None:
    x0, y0, x1, y1 = box
    c.draw.rectangle(
        box, fill=(rng.randint(180, 220), rng.randint(190, 225), rng.randint(200, 235))
    )
    cx, w = (x0 + x1) / 2, x1 - x0
    skin = (rng.randint(200, 235), rng.randint(160, 195), rng.randint(130, 165))
    c.draw.ellipse(
        (cx - w * 0.22, y0 + (y1 - y0) * 0.15, cx + w * 0.22, y0 + (y1 - y0) * 0.55), fill=skin
    )
    c.draw.ellipse(
        (cx - w * 0.42, y0 + (y1 - y0) * 0.6, cx + w * 0.42, y1 + (y1 - y0) * 0.3),
        fill=(40, 50, 70),
    )


def _guilloche(c: Canvas, rng: random.Random, color: tuple[int, int, int]) -> None:
    w, h = c.img.size
    for k in range(14):
        pts = []
        phase, amp, freq = rng.random() * 6, h * (0.03 + 0.04 * rng.random()), 2 + rng.random() * 4
        base = h * (k + 0.5) / 14
        for x in range(0, w + 10, 10):
            pts.append((x, base + amp * math.sin(phase + freq * x / w * math.pi * 2)))
        c.draw.line(pts, fill=color, width=1)


def _date_text(y: int, m: int, d: int) -> str:
    return f"民國{y}年{m}月{d}日"


# ---------------------------------------------------------------------------------------------
# Documents that leak (label "flag", with their doc_type)


def id_card_front(rng: random.Random) -> Image.Image:
    c = Canvas.new(1000, 630, (232, 240, 236))
    _guilloche(c, rng, (200, 222, 214))
    c.text((40, 30), "中華民國國民身分證", 52, "serif", (30, 60, 120))
    sex = rng.choice((1, 2))
    name = person(rng)
    y, m, d = roc_date(rng)
    fields = [
        ("姓名", name, 46),
        ("出生", _date_text(y, m, d), 34),
        ("性別", "男" if sex == 1 else "女", 34),
        (
            "發證日期",
            f"民國{rng.randint(95, 112)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日({rng.choice(['臺北市', '新北市', '高市'])})換發",
            28,
        ),
    ]
    ty = 130
    for label, value, size in fields:
        c.text((40, ty), label, 28, "sans", (60, 60, 60))
        c.text((40 + 28 * len(label) + 20, ty - (size - 28) // 2), value, size, "sans")
        ty += 90
    c.text((40, 520), "統一編號", 28, "sans", (60, 60, 60))
    c.text((180, 508), national_id(rng, sex), 48, "sans_bold", (160, 20, 20))
    _portrait(c, (690, 130, 950, 460), rng)
    return c.img


def id_card_back(rng: random.Random) -> Image.Image:
    c = Canvas.new(1000, 630, (236, 238, 242))
    _guilloche(c, rng, (214, 218, 228))
    rows = [
        ("父", person(rng)),
        ("母", person(rng)),
        ("配偶", rng.choice([person(rng), ""])),
        ("役別", rng.choice(["常備役", "免役", "替代役", ""])),
        ("出生地", rng.choice(["臺北市", "臺灣省彰化縣", "高雄市", "臺灣省雲林縣"])),
        ("住址", address(rng)),
    ]
    ty = 40
    for label, value in rows:
        c.text((40, ty), label, 30, "sans", (70, 70, 70))
        c.text((170, ty - 4), value, 36, "sans")
        ty += 72
    # barcode-like stripes and a serial
    x = 60
    while x < 900:
        wbar = rng.choice((2, 3, 5))
        c.draw.rectangle((x, 500, x + wbar, 590), fill=(20, 20, 20))
        x += wbar + rng.choice((2, 4, 6))
    c.text((720, 450), f"{rng.randint(10000000, 99999999)}", 26, "mono", (60, 60, 60))
    return c.img


def health_card(rng: random.Random) -> Image.Image:
    c = Canvas.new(1000, 630, (246, 246, 240))
    c.draw.rectangle((0, 0, 1000, 110), fill=(40, 120, 70))
    c.text((40, 25), "全民健康保險", 52, "sans_bold", (255, 255, 255))
    c.text((430, 40), rng.choice(["National Health Insurance", "NHI"]), 30, "sans", (230, 240, 230))
    y, m, d = roc_date(rng)
    rows = [
        ("姓名", person(rng), 48),
        ("身分證號", national_id(rng), 40),
        ("出生日期", f"{y:03d}/{m:02d}/{d:02d}", 40),
    ]
    ty = 160
    for label, value, size in rows:
        c.text((40, ty), label, 28, "sans", (80, 80, 80))
        c.text((230, ty - 8), value, size, "sans")
        ty += 100
    c.text(
        (40, 520), "0000 " + " ".join(f"{rng.randint(0, 9999):04d}" for _ in range(2)), 40, "mono"
    )
    _portrait(c, (720, 150, 950, 440), rng)
    c.draw.rectangle((730, 470, 840, 560), fill=(210, 180, 90))  # chip
    return c.img


def driver_license(rng: random.Random) -> Image.Image:
    c = Canvas.new(1000, 630, (240, 232, 245))
    _guilloche(c, rng, (222, 210, 232))
    c.text((40, 25), "中華民國汽車駕駛執照", 48, "serif", (90, 40, 110))
    y, m, d = roc_date(rng)
    rows = [
        ("姓名", person(rng)),
        ("出生日期", _date_text(y, m, d)),
        ("駕照號碼", national_id(rng)),
        ("類別", rng.choice(["普通小型車", "普通重型機車", "職業小型車"])),
        ("住址", address(rng)),
        ("有效日期", f"民國{rng.randint(115, 140)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"),
        ("管轄編號", f"{rng.randint(10, 99)}"),
    ]
    ty = 115
    for label, value in rows:
        c.text((40, ty), label, 26, "sans", (80, 60, 90))
        c.text((180, ty - 4), value, 32 if label != "住址" else 26, "sans")
        ty += 66
    _portrait(c, (740, 120, 960, 400), rng)
    return c.img


def resident_certificate(rng: random.Random) -> Image.Image:
    c = Canvas.new(1000, 630, (238, 244, 250))
    _guilloche(c, rng, (215, 226, 240))
    c.text((40, 25), "中華民國居留證", 48, "serif", (30, 70, 130))
    c.text((40, 85), "ROC (TAIWAN) RESIDENT CERTIFICATE", 26, "sans", (30, 70, 130))
    name, nat = rng.choice(FOREIGN)
    rows = [
        ("姓名 Name", name),
        ("國籍 Nationality", nat),
        (
            "出生日期 Date of Birth",
            f"{rng.randint(1965, 2002)}/{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}",
        ),
        ("居留事由 Purpose", rng.choice(["移工 Employment", "依親 Family", "就學 Study"])),
        (
            "居留期限 Expiry Date",
            f"{rng.randint(2026, 2030)}/{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}",
        ),
        ("統一證號 UI No.", resident_id(rng)),
    ]
    ty = 150
    for label, value in rows:
        c.text((40, ty), label, 22, "sans", (70, 70, 90))
        c.text((40, ty + 26), value, 32, "sans")
        ty += 78
    _portrait(c, (720, 150, 950, 440), rng)
    return c.img


def _mrz_check(s: str) -> str:
    values = {**{str(i): i for i in range(10)}, **{chr(65 + i): 10 + i for i in range(26)}, "<": 0}
    weights = (7, 3, 1)
    return str(sum(values[ch] * weights[i % 3] for i, ch in enumerate(s)) % 10)


def passport_mrz(
    surname: str, given: str, number: str, birth: str, sex: str, expiry: str, personal: str
) -> tuple[str, str]:
    """ICAO 9303 TD3 machine-readable zone, two lines of 44 characters, check digits included."""
    names = (surname + "<<" + given.replace("-", "<").replace(" ", "<")).upper()
    line1 = ("P<TWN" + names + "<" * 44)[:44]
    num = (number + "<" * 9)[:9]
    pers = (personal + "<" * 14)[:14]
    body = (
        num
        + _mrz_check(num)
        + "TWN"
        + birth
        + _mrz_check(birth)
        + sex
        + expiry
        + _mrz_check(expiry)
        + pers
        + _mrz_check(pers)
    )
    composite = (
        num
        + _mrz_check(num)
        + birth
        + _mrz_check(birth)
        + expiry
        + _mrz_check(expiry)
        + pers
        + _mrz_check(pers)
    )
    line2 = body + _mrz_check(composite)
    assert len(line1) == 44 and len(line2) == 44
    return line1, line2


def passport(rng: random.Random) -> Image.Image:
    c = Canvas.new(1250, 880, (244, 241, 232))
    _guilloche(c, rng, (226, 222, 210))
    c.text((40, 30), "中華民國護照", 44, "serif", (40, 40, 90))
    c.text((340, 40), "REPUBLIC OF CHINA (TAIWAN)  PASSPORT", 28, "sans", (40, 40, 90))
    sur, giv = rng.choice(SURNAMES_EN), rng.choice(GIVEN_EN)
    number = f"3{rng.randint(10000000, 99999999)}"
    by, bm, bd = rng.randint(1960, 2004), rng.randint(1, 12), rng.randint(1, 28)
    ey = rng.randint(2027, 2035)
    sex = rng.choice("MF")
    pid = national_id(rng, 1 if sex == "M" else 2)
    rows = [
        ("型式/Type  P    國碼/Code  TWN    護照號碼/Passport No.", number),
        ("姓名/Name", f"{sur}, {giv}   {person(rng)}"),
        ("國籍/Nationality", "REPUBLIC OF CHINA"),
        (
            "出生日期/Date of birth",
            f"{bd:02d} {['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'][bm - 1]} {by}",
        ),
        ("身分證統一編號/Personal Id. No.", pid),
        ("效期截止日期/Date of expiry", f"{bd:02d} JUN {ey}"),
    ]
    ty = 110
    for label, value in rows:
        c.text((360, ty), label, 20, "sans", (90, 90, 110))
        c.text((360, ty + 24), value, 30, "sans")
        ty += 85
    _portrait(c, (40, 120, 320, 500), rng)
    l1, l2 = passport_mrz(
        sur,
        giv,
        number,
        f"{by % 100:02d}{bm:02d}{bd:02d}",
        sex,
        f"{ey % 100:02d}{bm:02d}{bd:02d}",
        pid,
    )
    c.draw.rectangle((0, 690, 1250, 880), fill=(250, 250, 246))
    c.text((30, 710), l1, 42, "mono")
    c.text((30, 780), l2, 42, "mono")
    return c.img


def _a4(rng: random.Random) -> Canvas:
    return Canvas.new(
        1240, 1754, (rng.randint(248, 255), rng.randint(248, 255), rng.randint(244, 252))
    )


def _paragraphs(c: Canvas, x: int, y: int, lines: list[str], size: int = 34, gap: int = 20) -> int:
    for line in lines:
        c.text((x, y), line, size, "serif")
        y += size + gap
    return y


def warrant(rng: random.Random) -> Image.Image:
    c = _a4(rng)
    court = rng.choice(
        [
            "臺灣臺北地方檢察署",
            "臺灣新北地方檢察署",
            "臺灣高雄地方檢察署",
            "臺灣臺中地方法院",
            "臺灣桃園地方法院",
        ]
    )
    kind = "搜索票" if "法院" in court or rng.random() < 0.4 else "拘票"
    c.text((620, 120), court, 50, "serif", anchor="mm")
    c.text((620, 210), kind, 80, "serif", anchor="mm")
    c.text(
        (900, 300),
        f"{rng.randint(112, 114)}年度{rng.choice(['偵', '聲搜', '他'])}字第{rng.randint(100, 9999)}號",
        28,
        "serif",
    )
    name = person(rng)
    y, m, d = roc_date(rng)
    if kind == "拘票":
        lines = [
            f"被告：{name}　性別：{rng.choice('男女')}",
            f"出生日期：{_date_text(y, m, d)}",
            f"身分證統一編號：{national_id(rng)}",
            f"住居所：{address(rng)}",
            f"案由：{rng.choice(['詐欺', '違反毒品危害防制條例', '洗錢防制法', '背信'])}",
            "拘提理由：經合法傳喚無正當理由不到場",
            f"應到處所：{court}第{rng.randint(1, 30)}偵查庭",
            "執行拘提之司法警察（官）：",
            f"檢察官　{person(rng)}",
        ]
    else:
        lines = [
            f"受搜索人：{name}",
            f"搜索處所：{address(rng)}",
            "應扣押之物：帳冊、手機、電腦及其他與本案有關之證物",
            f"案由：{rng.choice(['詐欺', '違反毒品危害防制條例', '貪污治罪條例'])}",
            f"有效期間：至民國{rng.randint(113, 115)}年{m}月{d}日{rng.randint(8, 18)}時止",
            "執行人員：司法警察（官）",
            f"法官　{person(rng)}",
        ]
    _paragraphs(c, 120, 400, lines, 36, 34)
    c.draw.rectangle((800, 1400, 1100, 1620), outline=(200, 30, 30), width=6)
    c.text((950, 1510), "印", 90, "serif", (200, 30, 30), anchor="mm")
    return c.img


def _phone_screen(rng: random.Random) -> Canvas:
    c = Canvas.new(1080, 2160, (250, 250, 250))
    c.draw.rectangle((0, 0, 1080, 70), fill=(30, 30, 30))
    c.text((40, 14), f"{rng.randint(8, 17)}:{rng.randint(10, 59)}", 34, "sans", (255, 255, 255))
    c.text((900, 14), f"{rng.randint(20, 99)}%", 34, "sans", (255, 255, 255))
    return c


def record_screenshot(rng: random.Random) -> Image.Image:
    c = _phone_screen(rng)
    c.draw.rectangle((0, 70, 1080, 200), fill=(24, 70, 140))
    name = person(rng)
    y, m, d = roc_date(rng)
    if rng.random() < 0.5:
        c.text((40, 105), "入出國及移民資料查詢系統", 46, "sans_bold", (255, 255, 255))
        head = [
            ("查詢結果", ""),
            ("姓名", name),
            ("身分證號", national_id(rng)),
            ("出生日期", _date_text(y, m, d)),
        ]
        ty = 250
        for label, value in head:
            c.text((40, ty), f"{label}：{value}" if value else label, 40, "sans")
            ty += 80
        c.text((40, ty + 20), "日期　　　　　出入境　　　航班", 36, "sans", (90, 90, 90))
        ty += 90
        for _ in range(rng.randint(4, 7)):
            c.text(
                (40, ty),
                f"{rng.randint(2023, 2025)}/{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}　　{rng.choice(['出境', '入境'])}　　{rng.choice(['CI', 'BR', 'JX'])}{rng.randint(100, 999)}",
                38,
                "sans",
            )
            ty += 72
    else:
        c.text((40, 105), "戶役政資訊系統　個人戶籍資料查詢", 44, "sans_bold", (255, 255, 255))
        rows = [
            ("查詢結果", ""),
            ("統一編號", national_id(rng)),
            ("姓名", name),
            ("出生日期", _date_text(y, m, d)),
            ("父親姓名", person(rng)),
            ("母親姓名", person(rng)),
            ("戶籍地址", address(rng)),
            ("遷入日期", _date_text(rng.randint(100, 113), m, d)),
            ("查詢人員", f"{rng.choice(['戶政', '警政'])}{rng.randint(100, 999)}"),
        ]
        ty = 260
        for label, value in rows:
            c.text((40, ty), f"{label}：{value}" if value else label, 38, "sans")
            ty += 95
    return c.img


def household_register(rng: random.Random) -> Image.Image:
    c = _a4(rng)
    title = rng.choice(["戶口名簿", "戶籍謄本（現戶全戶）"])
    c.text((620, 110), title, 64, "serif", anchor="mm")
    c.text(
        (100, 200),
        f"戶號：{rng.choice('ABCDEFGH')}{rng.randint(1000000, 9999999)}　　住址：{address(rng)}",
        28,
        "serif",
    )
    head = person(rng)
    members = [
        ("戶長", head),
        ("配偶", person(rng)),
        ("長子", head[0] + "".join(rng.sample(GIVEN, 2))),
        ("長女", head[0] + "".join(rng.sample(GIVEN, 2))),
    ]
    ty = 290
    for rel, name in members[: rng.randint(2, 4)]:
        y, m, d = roc_date(rng, 40, 110)
        c.draw.rectangle((90, ty - 20, 1150, ty + 270), outline=(80, 80, 80), width=2)
        c.text((110, ty), f"稱謂：{rel}　姓名：{name}", 32, "serif")
        c.text(
            (110, ty + 55),
            f"出生日期：{_date_text(y, m, d)}　出生地：{rng.choice(['臺北市', '臺灣省臺南縣', '高雄市'])}",
            28,
            "serif",
        )
        c.text(
            (110, ty + 105),
            f"父：{person(rng)}　母：{person(rng)}　配偶：{rng.choice(['', person(rng)])}",
            28,
            "serif",
        )
        c.text((110, ty + 155), f"統一編號：{national_id(rng)}", 30, "serif")
        c.text(
            (110, ty + 205), f"記事：民國{rng.randint(90, 112)}年{m}月{d}日遷入登記", 26, "serif"
        )
        ty += 330
    return c.img


def classified_doc(rng: random.Random) -> Image.Image:
    c = _a4(rng)
    agency = rng.choice(
        ["內政部移民署", "法務部調查局", "臺北市政府警察局", "行政院海岸巡防署", "○○縣政府政風處"]
    )
    marking = rng.choice(["密", "機密", "限閱", "極機密"])
    c.draw.rectangle((960, 60, 1160, 180), outline=(200, 20, 20), width=6)
    c.text(
        (1060, 120), marking, 64 if len(marking) < 3 else 44, "serif", (200, 20, 20), anchor="mm"
    )
    c.text((620, 260), f"{agency}　{rng.choice(['簽', '函'])}", 54, "serif", anchor="mm")
    c.text(
        (120, 360),
        f"密等及解密條件或保密期限：{marking}（{rng.choice(['本案結束後解密', '至民國115年12月31日解密'])}）",
        28,
        "serif",
    )
    c.text(
        (120, 410),
        f"發文日期：中華民國{rng.randint(112, 114)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
        28,
        "serif",
    )
    c.text(
        (120, 460),
        f"發文字號：{rng.choice(['移署', '調', '北市警'])}字第{rng.randint(1130000000, 1139999999)}號",
        28,
        "serif",
    )
    body = [
        f"主旨：{rng.choice(['本局規劃之專案查緝行動', '檢送涉案人員名冊一份', '有關本署執行專案稽查事宜'])}，請依說明辦理，",
        "　　並請嚴守秘密。",
        "說明：",
        f"一、預定於{rng.randint(1, 12)}月{rng.randint(1, 28)}日{rng.randint(5, 22)}時同步執行，地點另行通知。",
        f"二、參與人員計{rng.randint(12, 80)}名，分{rng.randint(3, 9)}組，請勿對外透露。",
        f"三、聯絡人：{person(rng)}。",
        "正本：各專案小組",
    ]
    _paragraphs(c, 120, 560, body, 34, 30)
    return c.img


# ---------------------------------------------------------------------------------------------
# Ordinary images (label "allow"): the things people really share in work groups


def meeting_notice(rng: random.Random) -> Image.Image:
    c = _a4(rng)
    agency = rng.choice(["臺北市政府社會局", "新北市政府民政局", "內政部", "桃園市政府秘書處"])
    c.text((620, 130), f"{agency}　開會通知單", 54, "serif", anchor="mm")
    lines = [
        "受文者：如正、副本",
        "發文日期：中華民國"
        + f"{rng.randint(112, 114)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
        "發文字號：" + f"北市社字第{rng.randint(1130000000, 1139999999)}號",
        "密等及解密條件或保密期限：普通",
        f"開會事由：{rng.choice(['年度預算檢討會議', '資訊安全教育訓練', '防汛整備工作會議', '個資保護宣導說明會'])}",
        f"開會時間：{rng.randint(112, 114)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日（星期{rng.choice('一二三四五')}）下午2時30分",
        f"開會地點：本府{rng.randint(2, 12)}樓第{rng.choice('一二三')}會議室",
        f"主持人：{rng.choice(['局長', '副局長', '主任秘書'])}",
        f"聯絡人及電話：{rng.choice(SURNAMES)}專員　(02){rng.randint(2300, 2799)}-{rng.randint(1000, 9999)}分機{rng.randint(100, 999)}",
        "出席者：各科室主管",
        "備註：請準時出席，並攜帶相關資料。",
    ]
    _paragraphs(c, 110, 260, lines, 32, 40)
    return c.img


def chart(rng: random.Random) -> Image.Image:
    c = Canvas.new(1400, 900, (255, 255, 255))
    title = rng.choice(
        ["各區受理案件數統計", "113年度各月陳情案件", "各科室加班時數", "資安事件通報件數"]
    )
    c.text((700, 60), title, 46, "sans_bold", anchor="mm")
    labels = (
        rng.sample(["中正", "大安", "信義", "士林", "內湖", "萬華", "文山", "北投"], 6)
        if "區" in title
        else [f"{i}月" for i in range(1, 7)]
    )
    maxv = 0
    vals = [rng.randint(10, 300) for _ in labels]
    maxv = max(vals)
    for i, (lab, v) in enumerate(zip(labels, vals, strict=True)):
        x = 150 + i * 200
        h = int(600 * v / maxv)
        c.draw.rectangle((x, 800 - h, x + 110, 800), fill=(70, 110 + i * 20, 180))
        c.text((x + 55, 790 - h), str(v), 30, "sans", anchor="md")
        c.text((x + 55, 840), lab, 32, "sans", anchor="mm")
    c.draw.line((120, 800, 1350, 800), fill=(0, 0, 0), width=3)
    return c.img


def menu(rng: random.Random) -> Image.Image:
    c = Canvas.new(1100, 1500, (252, 246, 230))
    c.text(
        (550, 90),
        rng.choice(["好味道便當", "阿嬤的廚房", "公園號快餐"]) + "　菜單",
        60,
        "sans_bold",
        (150, 40, 20),
        anchor="mm",
    )
    items = [
        "排骨便當",
        "雞腿便當",
        "鯖魚便當",
        "控肉飯",
        "三寶飯",
        "蔬食便當",
        "滷雞腿飯",
        "酸辣湯",
        "貢丸湯",
        "燙青菜",
    ]
    ty = 220
    for it in rng.sample(items, 8):
        c.text((120, ty), it, 44, "sans")
        c.text((850, ty), f"${rng.randint(3, 15) * 10}", 44, "sans")
        ty += 120
    c.text(
        (120, ty + 30),
        f"訂購專線 (02){rng.randint(2300, 2999)}-{rng.randint(1000, 9999)}　滿10個外送",
        34,
        "sans",
    )
    return c.img


def receipt(rng: random.Random) -> Image.Image:
    c = Canvas.new(700, 1400, (255, 255, 255))
    c.text(
        (350, 70), rng.choice(["全家便利商店", "統一超商", "好市多"]), 50, "sans_bold", anchor="mm"
    )
    c.text((350, 150), "電子發票證明聯", 44, "sans", anchor="mm")
    c.text(
        (350, 220),
        f"{rng.randint(113, 114)}年{rng.choice(['01-02', '03-04', '05-06', '07-08'])}月",
        40,
        "sans",
        anchor="mm",
    )
    c.text(
        (350, 290),
        f"{rng.choice('ABCDEFGH')}{rng.choice('ABCDEFGH')}-{rng.randint(10000000, 99999999)}",
        48,
        "mono",
        anchor="mm",
    )
    lines = [
        f"{rng.randint(2024, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}",
        f"隨機碼 {rng.randint(1000, 9999)}　總計 {rng.randint(30, 900)}",
        f"賣方 {rng.randint(10000000, 99999999)}",
        f"買方 {rng.randint(10000000, 99999999)}",
        "-" * 20,
        f"咖啡　{rng.randint(35, 65)}元",
        f"三明治　{rng.randint(30, 60)}元",
        f"統一編號 {rng.randint(10000000, 99999999)}",
    ]
    _paragraphs(c, 60, 380, lines, 34, 30)
    return c.img


def poster(rng: random.Random) -> Image.Image:
    c = Canvas.new(
        1200, 1700, (rng.randint(230, 255), rng.randint(225, 250), rng.randint(200, 240))
    )
    title = rng.choice(["保密防諜　人人有責", "個資保護宣導", "公務機密維護宣導"])
    c.text((600, 180), title, 80, "sans_bold", (180, 30, 30), anchor="mm")
    tips = rng.sample(
        [
            "請勿將民眾身分證、健保卡拍照傳到群組",
            "拘票、搜索票等偵查文件不可外傳",
            "機密公文請勿拍照上傳通訊軟體",
            "查詢戶役政、入出國資料須有公務需要",
            "洩漏國防以外之秘密，依刑法第132條處罰",
            "違反個人資料保護法最高可處五年徒刑",
            "限閱文件閱畢請歸還，不得影印",
            "發現外洩請立即通報政風單位",
        ],
        5,
    )
    ty = 420
    for t in tips:
        c.text((100, ty), "● " + t, 44, "sans")
        ty += 150
    c.text(
        (600, 1560),
        f"{rng.choice(['法務部廉政署', '○○市政府政風處', '內政部政風處'])}　關心您",
        44,
        "sans",
        (90, 90, 90),
        anchor="mm",
    )
    return c.img


def photo(rng: random.Random) -> Image.Image:
    w, h = 1600, 1200
    img = Image.new("RGB", (w, h))
    d = ImageDraw.Draw(img)
    top, bottom = (
        (rng.randint(90, 160), rng.randint(150, 200), rng.randint(200, 255)),
        (rng.randint(60, 120), rng.randint(110, 160), rng.randint(50, 90)),
    )
    for yy in range(h):
        t = yy / h
        d.line((0, yy, w, yy), fill=tuple(int(top[i] * (1 - t) + bottom[i] * t) for i in range(3)))
    for _ in range(30):
        x, y, r = rng.randint(0, w), rng.randint(h // 2, h), rng.randint(20, 120)
        d.ellipse(
            (x - r, y - r, x + r, y + r),
            fill=(rng.randint(20, 90), rng.randint(80, 150), rng.randint(20, 80)),
        )
    if rng.random() < 0.6:
        c = Canvas(img, d)
        d.rectangle((500, 300, 1100, 480), fill=(30, 90, 50))
        c.text(
            (800, 390),
            rng.choice(["陽明山國家公園", "歡迎光臨　淡水老街", "員工旅遊　合歡山"]),
            56,
            "sans_bold",
            (255, 255, 255),
            anchor="mm",
        )
    return img


def business_card(rng: random.Random) -> Image.Image:
    c = Canvas.new(1000, 580, (255, 255, 255))
    c.draw.rectangle((0, 0, 24, 580), fill=(30, 80, 150))
    agency = rng.choice(["臺北市政府資訊局", "內政部移民署", "新北市政府社會局", "衛生福利部"])
    c.text((70, 60), agency, 36, "sans", (30, 80, 150))
    c.text((70, 150), person(rng), 64, "sans_bold")
    c.text((350, 175), rng.choice(["科長", "專員", "技正", "視察"]), 36, "sans")
    lines = [
        f"電話：(02){rng.randint(2300, 2799)}-{rng.randint(1000, 9999)} 分機 {rng.randint(100, 9999)}",
        f"傳真：(02){rng.randint(2300, 2799)}-{rng.randint(1000, 9999)}",
        f"E-mail：{rng.choice(['service', 'info', 'contact'])}@{rng.choice(['gov.taipei', 'immigration.gov.tw', 'mohw.gov.tw'])}",
        f"地址：{rng.choice(['臺北市信義區市府路1號', '臺北市中正區廣州街15號', '臺北市南港區忠孝東路六段488號'])}",
    ]
    _paragraphs(c, 70, 290, lines, 28, 22)
    return c.img


def staff_badge(rng: random.Random) -> Image.Image:
    c = Canvas.new(640, 1000, (250, 250, 250))
    c.draw.rectangle((0, 0, 640, 170), fill=(20, 90, 160))
    c.text(
        (320, 85),
        rng.choice(["新北市政府", "臺中市政府", "交通部"]),
        56,
        "sans_bold",
        (255, 255, 255),
        anchor="mm",
    )
    _portrait(c, (170, 220, 470, 580), rng)
    c.text((320, 650), person(rng), 64, "sans_bold", anchor="mm")
    c.text(
        (320, 740),
        rng.choice(["資訊處", "秘書處", "工務局"])
        + "　"
        + rng.choice(["科員", "股長", "約聘人員"]),
        40,
        "sans",
        anchor="mm",
    )
    c.text((320, 830), f"員工編號 {rng.randint(100000, 999999)}", 36, "sans", anchor="mm")
    c.text((320, 910), "員工識別證", 40, "sans", (20, 90, 160), anchor="mm")
    return c.img


def member_card(rng: random.Random) -> Image.Image:
    c = Canvas.new(1000, 630, (rng.randint(200, 250), rng.randint(120, 200), rng.randint(60, 140)))
    kind = rng.choice(
        ["臺北市立圖書館　借閱證", "健身中心　會員卡", "咖啡集點卡", "悠遊卡 EasyCard"]
    )
    c.text((50, 50), kind, 50, "sans_bold", (255, 255, 255))
    c.text(
        (50, 420),
        f"No. {rng.randint(1000, 9999)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
        40,
        "mono",
        (255, 255, 255),
    )
    c.text(
        (50, 500),
        f"有效期限 {rng.randint(2026, 2030)}/{rng.randint(1, 12):02d}",
        32,
        "sans",
        (255, 255, 255),
    )
    return c.img


def chat_screenshot(rng: random.Random) -> Image.Image:
    c = _phone_screen(rng)
    c.draw.rectangle((0, 70, 1080, 190), fill=(40, 50, 70))
    c.text(
        (40, 105),
        rng.choice(["社會局第三科", "資訊處同仁群組", "防汛應變小組"]),
        42,
        "sans",
        (255, 255, 255),
    )
    msgs = [
        "明天早上九點開會，記得帶筆電",
        "收到，謝謝",
        "便當訂好了，中午放在茶水間",
        "公文已經送出去了",
        "下午兩點到第二會議室集合",
        "颱風假消息請看人事行政總處公告",
        "請大家填一下出遊調查表",
        "辛苦了👍",
    ]
    ty = 260
    for m in rng.sample(msgs, 6):
        mine = rng.random() < 0.4
        wtxt = c.width_of(m, 38) + 60
        x0 = 1040 - wtxt if mine else 140
        c.draw.rounded_rectangle(
            (x0, ty, x0 + wtxt, ty + 90), 30, fill=(140, 230, 120) if mine else (235, 235, 235)
        )
        c.text((x0 + 30, ty + 22), m, 38, "sans")
        ty += 160
    return c.img


@dataclass(frozen=True)
class Kind:
    name: str
    draw: Callable[[random.Random], Image.Image]
    doc_type: str | None  # expected doc type; None for ordinary images
    flat: bool = False  # a screenshot: no perspective or background
    # Smallest photo size that keeps the body text legible: a whole A4 page in an 800 px photo
    # has 7 px text, illegible to people and engines alike, so pages start at 1040 px.
    min_side: int = 800


SENSITIVE: tuple[Kind, ...] = (
    Kind("id_card_front", id_card_front, "id_card"),
    Kind("id_card_back", id_card_back, "id_card"),
    Kind("health_card", health_card, "health_insurance_card"),
    Kind("driver_license", driver_license, "driver_license"),
    Kind("resident_certificate", resident_certificate, "resident_certificate"),
    Kind("passport", passport, "passport"),
    Kind("warrant", warrant, "warrant_document", min_side=1040),
    Kind("record_screenshot", record_screenshot, "record_screenshot", flat=True),
    Kind("household_register", household_register, "household_register", min_side=1040),
    Kind("classified", classified_doc, "classified", min_side=1040),
)
ORDINARY: tuple[Kind, ...] = (
    Kind("meeting_notice", meeting_notice, None, min_side=1040),
    Kind("chart", chart, None, flat=True),
    Kind("menu", menu, None, min_side=1040),
    Kind("receipt", receipt, None),
    Kind("poster", poster, None, min_side=1040),
    Kind("photo", photo, None, flat=True),
    Kind("business_card", business_card, None),
    Kind("staff_badge", staff_badge, None),
    Kind("member_card", member_card, None),
    Kind("chat_screenshot", chat_screenshot, None, flat=True),
)
KINDS = SENSITIVE + ORDINARY


# ---------------------------------------------------------------------------------------------
# Photo conditions


def _perspective_coeffs(
    src: list[tuple[float, float]], dst: list[tuple[float, float]]
) -> list[float]:
    """Coefficients for Image.transform(PERSPECTIVE) mapping output points `dst` to input `src`."""
    import numpy as np

    rows = []
    rhs = []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs += [u, v]
    return [
        float(c) for c in np.linalg.solve(np.array(rows, dtype=float), np.array(rhs, dtype=float))
    ]


def _background(rng: random.Random, w: int, h: int) -> Image.Image:
    import numpy as np

    base = np.array(
        [rng.randint(60, 200), rng.randint(50, 180), rng.randint(40, 160)], dtype=np.float32
    )
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    shade = 1.0 + 0.25 * ((xx / w) - 0.5) * rng.choice((-1, 1)) + 0.15 * ((yy / h) - 0.5)
    grain = np.random.default_rng(rng.randint(0, 2**31)).normal(0, 6, (h, w, 1)).astype(np.float32)
    arr = np.clip(base * shade[..., None] + grain, 0, 255).astype(np.uint8)
    return Image.fromarray(arr, "RGB")


def photograph(
    doc: Image.Image, rng: random.Random, long_side: int, *, flat: bool = False, turn: int = 0
) -> Image.Image:
    """Put `doc` in a photo: background, tilt, perspective, light, blur, final size; `turn` in 90° steps."""
    if flat:
        out = doc
    else:
        dw, dh = doc.size
        fill = rng.uniform(0.6, 0.88)
        scale = fill * 1000 / max(dw, dh)
        doc = doc.resize(
            (max(1, int(dw * scale)), max(1, int(dh * scale))), Image.Resampling.LANCZOS
        )
        dw, dh = doc.size
        W, H = (1400, 1050) if dw >= dh else (1050, 1400)
        bg = _background(rng, W, H)
        ox, oy = (W - dw) // 2 + rng.randint(-40, 40), (H - dh) // 2 + rng.randint(-40, 40)
        j = 0.05 * min(dw, dh)
        dst = [
            (ox + rng.uniform(-j, j), oy + rng.uniform(-j, j)),
            (ox + dw + rng.uniform(-j, j), oy + rng.uniform(-j, j)),
            (ox + dw + rng.uniform(-j, j), oy + dh + rng.uniform(-j, j)),
            (ox + rng.uniform(-j, j), oy + dh + rng.uniform(-j, j)),
        ]
        # Tilt the whole card/page: turn its corners about the frame's centre (one warp, no
        # second resampling pass).
        angle = math.radians(rng.uniform(-8, 8))
        ca, sa = math.cos(angle), math.sin(angle)
        dst = [
            (
                W / 2 + (x - W / 2) * ca - (y - H / 2) * sa,
                H / 2 + (x - W / 2) * sa + (y - H / 2) * ca,
            )
            for x, y in dst
        ]
        src = [(0.0, 0.0), (float(dw), 0.0), (float(dw), float(dh)), (0.0, float(dh))]
        coeffs = _perspective_coeffs(src, dst)
        warped = doc.transform(
            (W, H), Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BILINEAR
        )
        mask = Image.new("L", doc.size, 255).transform(
            (W, H), Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BILINEAR
        )
        bg.paste(warped, (0, 0), mask)
        out = bg
        # uneven light
        light = Image.new("L", out.size, 0)
        ImageDraw.Draw(light).ellipse(
            (-W * 0.3, -H * 0.3, W * rng.uniform(0.6, 1.2), H * rng.uniform(0.6, 1.2)),
            fill=rng.randint(20, 60),
        )
        out = Image.composite(Image.new("RGB", out.size, (255, 255, 240)), out, light)
    # Blur at working size (a camera's blur is relative to the frame), then scale to the final
    # size: cheaper than blurring a 4000 px frame, and the same to OCR after it shrinks to 1600.
    blur = rng.uniform(0.0, 1.2)
    if blur > 0.3:
        out = out.filter(ImageFilter.GaussianBlur(blur))
    w, h = out.size
    s = long_side / max(w, h)
    out = out.resize((max(1, round(w * s)), max(1, round(h * s))), Image.Resampling.BICUBIC)
    if turn:
        out = out.rotate(90 * turn, expand=True)
    return out


def to_jpeg(img: Image.Image, quality: int, exif_orientation: int | None = None) -> bytes:
    buf = io.BytesIO()
    if exif_orientation:
        exif = Image.Exif()
        exif[0x0112] = exif_orientation
        img.save(buf, "JPEG", quality=quality, exif=exif.tobytes())
    else:
        img.save(buf, "JPEG", quality=quality)
    return buf.getvalue()


@dataclass(frozen=True)
class Sample:
    name: str
    kind: str
    doc_type: str | None  # expected; None for ordinary images
    label: str  # "flag" or "allow"
    long_side: int
    condition: str  # short description of the photo conditions
    data: bytes


SIZES = (800, 1040, 1280, 1600, 2048, 2560, 3000, 4000)


def generate(seed: int = 7, per_kind: int = 2) -> Iterator[Sample]:
    """Yield `per_kind` photographed samples of every kind, deterministic for a seed."""
    if not fonts_available():
        raise FontsMissing("CJK fonts missing: apt-get install fonts-noto-cjk fonts-wqy-zenhei")
    rng = random.Random(seed)
    n = 0
    for k in range(per_kind):
        for kind in KINDS:
            doc = kind.draw(rng)
            long_side = max(SIZES[(n * 3 + k) % len(SIZES)], kind.min_side)
            n += 1
            turn = 0
            exif = None
            cond = []
            r = rng.random()
            if r < 0.12:
                turn = rng.choice((1, 2, 3))
                cond.append(f"turned{turn * 90}")
            elif r < 0.22:
                # pixels stored sideways, EXIF says how to show them (as phones do)
                turn = 3
                exif = 6
                cond.append("exif6")
            img = photograph(doc, rng, long_side, flat=kind.flat, turn=turn)
            q = rng.randint(45, 92)
            cond.append(f"q{q}")
            data = to_jpeg(img, q, exif)
            yield Sample(
                name=f"{kind.name}-{k}",
                kind=kind.name,
                doc_type=kind.doc_type,
                label="flag" if kind.doc_type else "allow",
                long_side=long_side,
                condition=" ".join(cond),
                data=data,
            )


def main(argv: list[str] | None = None) -> int:
    import argparse

    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("out", type=Path)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--per-kind", type=int, default=2)
    args = p.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "labels.jsonl", "w", encoding="utf-8") as f:
        for s in generate(args.seed, args.per_kind):
            (args.out / f"{s.name}.jpg").write_bytes(s.data)
            rec = {
                "image": f"{s.name}.jpg",
                "kind": s.kind,
                "doc_type": s.doc_type,
                "expect": s.label,
                "long_side": s.long_side,
                "condition": s.condition,
            }
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
