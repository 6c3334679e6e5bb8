"""An independent image set, written without reading devtools/synth or the repo's own image tests:
other layouts, wordings, field orders and photo conditions, and hard negatives (a blank ID
application template, a news story about a 拘票, an NHI poster that lists the card's fields).

python tests/support/independent_gen.py [OUTDIR [SEED]]  -> OUTDIR/*.jpg|png + OUTDIR/labels.jsonl
`main2(OUTDIR)` writes the second, harder set; `samples()` gives a small fixed selection in
memory for tests/images/test_independent_set.py.
"""

from __future__ import annotations

import io
import json
import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
SANS_B = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
TC = 3  # TC face index in the Noto CJK collections

_FONTS: dict[tuple[str, int], ImageFont.FreeTypeFont] = {}


def font(size: int, kind: str = "sans") -> ImageFont.FreeTypeFont:
    path = {"sans": SANS, "bold": SANS_B, "serif": SERIF}[kind]
    key = (path, size)
    if key not in _FONTS:
        _FONTS[key] = ImageFont.truetype(path, size, index=TC)
    return _FONTS[key]


LETTERS = "ABCDEFGHJKLMNPQRSTUVXYWZIO"  # letter code order 10..35


def tw_id(rng: random.Random, second: str | None = None) -> str:
    letter = rng.choice("ABCDEFGHJKMNPQTUVXZ")
    code = LETTERS.index(letter) + 10
    digits = [second or rng.choice("12")] + [str(rng.randint(0, 9)) for _ in range(7)]
    s = (
        code // 10
        + (code % 10) * 9
        + sum(int(d) * w for d, w in zip(digits, [8, 7, 6, 5, 4, 3, 2, 1], strict=True))
    )
    check = (10 - s % 10) % 10
    return letter + "".join(digits) + str(check)


def mrz_check(s: str) -> str:
    vals = {**{str(i): i for i in range(10)}, "<": 0, **{chr(65 + i): 10 + i for i in range(26)}}
    w = [7, 3, 1]
    return str(sum(vals[c] * w[i % 3] for i, c in enumerate(s)) % 10)


def td3(
    surname: str, given: str, number: str, birth: str, sex: str, expiry: str, pid: str
) -> tuple[str, str]:
    l1 = ("P<TWN" + surname + "<<" + given.replace(" ", "<")).ljust(44, "<")[:44]
    num = number.ljust(9, "<")
    opt = pid.ljust(14, "<")
    l2 = (
        num
        + mrz_check(num)
        + "TWN"
        + birth
        + mrz_check(birth)
        + sex
        + expiry
        + mrz_check(expiry)
        + opt
        + mrz_check(opt)
    )
    composite = (
        num
        + mrz_check(num)
        + birth
        + mrz_check(birth)
        + expiry
        + mrz_check(expiry)
        + opt
        + mrz_check(opt)
    )
    l2 += mrz_check(composite)
    return l1, l2


NAMES = [
    "陳怡君",
    "林志明",
    "黃淑芬",
    "張家豪",
    "李美玲",
    "王俊傑",
    "吳雅婷",
    "劉建宏",
    "蔡佩珊",
    "楊宗翰",
]
ADDR = [
    "臺北市大安區和平東路二段106號5樓",
    "新北市板橋區文化路一段188巷12號",
    "臺中市西屯區福星路427號3樓之2",
    "高雄市苓雅區四維三路2號",
    "桃園市中壢區中央西路二段30號",
]


def roc_date(rng: random.Random) -> str:
    return f"民國{rng.randint(50, 95)}年{rng.randint(1, 12):02d}月{rng.randint(1, 28):02d}日"


# ---------------------------------------------------------------- document canvases


def canvas(w: int, h: int, bg: tuple[int, int, int]) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    im = Image.new("RGB", (w, h), bg)
    return im, ImageDraw.Draw(im)


def card_bg(
    rng: random.Random, w: int, h: int, tint: tuple[int, int, int]
) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    im, d = canvas(w, h, tint)
    for _ in range(12):  # guilloche-ish faint curves
        y = rng.randint(0, h)
        c = tuple(max(0, v - rng.randint(10, 25)) for v in tint)
        d.arc((rng.randint(-w, 0), y - h, rng.randint(w, 2 * w), y + h), 0, 180, fill=c, width=2)
    return im, d


def id_front(rng: random.Random) -> tuple[Image.Image, str]:
    im, d = card_bg(rng, 1000, 630, (222, 236, 246))
    d.text((250, 30), "中華民國國民身分證", font=font(52, "bold"), fill=(20, 40, 90))
    name = rng.choice(NAMES)
    y = 130
    order = [
        ("姓名", name),
        ("出生年月日", roc_date(rng)),
        ("性別", rng.choice("男女")),
        ("發證日期", roc_date(rng) + "(新北市)換發"),
    ]
    if rng.random() < 0.5:
        order[2], order[1] = order[1], order[2]
    for label, val in order:
        d.text((40, y), label, font=font(30), fill=(60, 60, 60))
        d.text((230, y - 4), val, font=font(36), fill=(0, 0, 0))
        y += 78
    d.rectangle((720, 120, 960, 430), fill=(180, 190, 200))  # photo
    d.text((40, 520), "統一編號", font=font(30), fill=(60, 60, 60))
    d.text((230, 510), tw_id(rng), font=font(48, "bold"), fill=(160, 20, 20))
    return im, "id_card"


def id_back(rng: random.Random) -> tuple[Image.Image, str]:
    im, d = card_bg(rng, 1000, 630, (240, 236, 222))
    rows = [
        ("父", rng.choice(NAMES)),
        ("母", rng.choice(NAMES)),
        ("配偶", rng.choice([*NAMES, "　"])),
        ("役別", rng.choice(["常備役", "免役", "替代役"])),
        ("出生地", rng.choice(["臺灣省彰化縣", "臺北市", "高雄市"])),
        ("住址", rng.choice(ADDR)),
    ]
    y = 50
    for label, val in rows:
        d.text((50, y), label, font=font(32), fill=(70, 70, 70))
        d.text((220, y - 2), val, font=font(34), fill=(0, 0, 0))
        y += 85
    d.rectangle((50, 570, 700, 600), fill=(30, 30, 30))  # barcode
    for x in range(50, 700, 7):
        d.line((x, 570, x, 600), fill=(240, 236, 222), width=rng.randint(1, 3))
    return im, "id_card"


def nhi(rng: random.Random) -> tuple[Image.Image, str]:
    im, d = card_bg(rng, 1000, 630, (236, 246, 236))
    d.text((40, 30), "全民健康保險", font=font(54, "bold"), fill=(0, 110, 60))
    d.text((40, 100), "National Health Insurance", font=font(26), fill=(0, 110, 60))
    d.rectangle((40, 170, 290, 480), fill=(190, 200, 190))
    name = rng.choice(NAMES)
    d.text((330, 180), name, font=font(50, "bold"), fill=(0, 0, 0))
    d.text((330, 270), "身分證號 " + tw_id(rng), font=font(34), fill=(0, 0, 0))
    d.text(
        (330, 340),
        "出生日期 " + f"{rng.randint(50, 95)}/{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}",
        font=font(34),
        fill=(0, 0, 0),
    )
    d.text(
        (330, 410),
        "健保卡號 " + "0000" + "".join(str(rng.randint(0, 9)) for _ in range(8)),
        font=font(34),
        fill=(0, 0, 0),
    )
    d.rectangle((720, 500, 900, 600), fill=(200, 170, 60))  # chip
    return im, "health_insurance_card"


def driver(rng: random.Random) -> tuple[Image.Image, str]:
    im, d = card_bg(rng, 1000, 630, (246, 240, 230))
    d.text((200, 25), "中華民國汽車駕駛執照", font=font(46, "bold"), fill=(120, 30, 30))
    rows = [
        ("姓名", rng.choice(NAMES)),
        ("出生日期", roc_date(rng)),
        ("駕照號碼", tw_id(rng)),
        ("管轄編號", f"{rng.randint(10, 99)}"),
        ("駕照類別", rng.choice(["普通小型車", "普通重型機車"])),
        ("住址", rng.choice(ADDR)),
        ("發照日期", roc_date(rng)),
    ]
    y = 105
    for label, val in rows:
        d.text((40, y), f"{label}：{val}", font=font(31), fill=(0, 0, 0))
        y += 68
    d.rectangle((760, 120, 960, 380), fill=(190, 190, 190))
    return im, "driver_license"


def resident(rng: random.Random) -> tuple[Image.Image, str]:
    im, d = card_bg(rng, 1000, 630, (232, 232, 246))
    d.text((140, 20), "中華民國居留證", font=font(48, "bold"), fill=(40, 40, 120))
    d.text((140, 80), "ALIEN RESIDENT CERTIFICATE", font=font(28), fill=(40, 40, 120))
    ui = rng.choice("ABCDEF") + rng.choice("89") + "".join(str(rng.randint(0, 9)) for _ in range(8))
    rows = [
        ("姓名 Name", rng.choice(["NGUYEN VAN AN", "SANTOS MARIA", "TANAKA YUKI"])),
        ("國籍 Nationality", rng.choice(["越南", "菲律賓", "日本"])),
        (
            "出生日期 Date of birth",
            f"19{rng.randint(70, 99)}/{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}",
        ),
        ("居留事由 Purpose", rng.choice(["聘僱", "依親", "就學"])),
        (
            "居留期限 Expiry date",
            f"20{rng.randint(26, 29)}/{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}",
        ),
        ("統一證號 UI No.", ui),
    ]
    y = 140
    for label, val in rows:
        d.text((40, y), label, font=font(24), fill=(70, 70, 70))
        d.text((40, y + 30), val, font=font(30), fill=(0, 0, 0))
        y += 78
    d.rectangle((760, 150, 960, 420), fill=(190, 190, 200))
    return im, "resident_certificate"


def passport(rng: random.Random) -> tuple[Image.Image, str]:
    im, d = card_bg(rng, 1250, 880, (238, 232, 240))
    d.text(
        (300, 20),
        "中華民國護照 REPUBLIC OF CHINA (TAIWAN) PASSPORT",
        font=font(30, "bold"),
        fill=(60, 20, 80),
    )
    sur, giv = rng.choice([("CHEN", "YI CHUN"), ("LIN", "CHIH MING"), ("HUANG", "SHU FEN")])
    number = "".join(str(rng.randint(0, 9)) for _ in range(9))
    birth = f"{rng.randint(60, 99)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    expiry = f"{rng.randint(27, 34)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    pid = tw_id(rng)
    d.rectangle((40, 110, 330, 500), fill=(190, 190, 200))
    rows = [
        ("型式/Type  P", "國碼/Code  TWN"),
        ("護照號碼/Passport No.", number),
        ("姓名/Name", f"{sur}, {giv}"),
        (
            "出生日期/Date of birth",
            f"{birth[4:]} {['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'][int(birth[2:4]) - 1]} 19{birth[:2]}",
        ),
        ("身分證統一編號/Personal Id. No.", pid),
    ]
    y = 110
    for a, b in rows:
        d.text((370, y), a, font=font(22), fill=(80, 80, 80))
        d.text((370, y + 28), b, font=font(30), fill=(0, 0, 0))
        y += 78
    l1, l2 = td3(sur, giv, number, birth, rng.choice("MF"), expiry, pid)
    mono = ImageFont.truetype("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 34, index=8)
    d.text((40, 740), l1, font=mono, fill=(0, 0, 0))
    d.text((40, 800), l2, font=mono, fill=(0, 0, 0))
    return im, "passport"


def a4(rng: random.Random) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    return canvas(1240, 1754, (252, 252, 248))


def warrant(rng: random.Random, kind: str = "拘票") -> tuple[Image.Image, str]:
    im, d = a4(rng)
    d.text(
        (330, 80),
        f"臺灣{rng.choice(['臺北', '新北', '桃園'])}地方檢察署{kind}",
        font=font(52, "serif"),
        fill=(0, 0, 0),
    )
    d.text(
        (700, 180),
        f"{rng.randint(110, 114)}年度偵字第{rng.randint(1000, 29999)}號",
        font=font(30, "serif"),
        fill=(0, 0, 0),
    )
    name = rng.choice(NAMES)
    if kind == "拘票":
        rows = [
            ("應拘提之被告", f"{name}　男　{roc_date(rng)}生"),
            ("身分證統一編號", tw_id(rng)),
            ("住居所", rng.choice(ADDR)),
            ("案由", rng.choice(["詐欺", "違反毒品危害防制條例", "背信"])),
            ("拘提之理由", "經合法傳喚，無正當理由不到場"),
            ("應解送處所", "本署第二偵查庭"),
            ("執行人員", "司法警察(官)"),
        ]
    else:
        rows = [
            ("案由", rng.choice(["詐欺", "洗錢防制法"])),
            ("受搜索人", name),
            ("搜索處所", rng.choice(ADDR)),
            ("應扣押之物", "帳冊、手機、存摺"),
            (
                "有效期間",
                f"至{rng.randint(113, 115)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日止",
            ),
            ("執行人員", "法務部調查局"),
        ]
    y = 280
    for label, val in rows:
        d.rectangle((80, y - 10, 1160, y + 90), outline=(0, 0, 0), width=2)
        d.line((380, y - 10, 380, y + 90), fill=(0, 0, 0), width=2)
        d.text((100, y + 15), label, font=font(32, "serif"), fill=(0, 0, 0))
        d.text((400, y + 15), val, font=font(32, "serif"), fill=(0, 0, 0))
        y += 100
    d.text((700, y + 80), "檢察官　" + rng.choice(NAMES), font=font(36, "serif"), fill=(0, 0, 0))
    d.ellipse((950, y + 40, 1110, y + 200), outline=(200, 30, 30), width=5)
    return im, "warrant_document"


def household(rng: random.Random) -> tuple[Image.Image, str]:
    im, d = a4(rng)
    d.text((400, 70), "戶籍謄本（現戶全戶）", font=font(50, "serif"), fill=(0, 0, 0))
    d.text(
        (80, 170),
        f"戶號：{rng.choice('ABCDEFG')}{rng.randint(1000000, 9999999)}　　戶長：{rng.choice(NAMES)}",
        font=font(30, "serif"),
        fill=(0, 0, 0),
    )
    d.text((80, 220), "住址：" + rng.choice(ADDR), font=font(30, "serif"), fill=(0, 0, 0))
    y = 300
    for i in range(3):
        d.rectangle((70, y, 1170, y + 330), outline=(0, 0, 0), width=2)
        items = [
            f"稱謂：{['戶長', '配偶', '長女'][i]}　姓名：{rng.choice(NAMES)}",
            f"出生日期：{roc_date(rng)}　出生地：臺北市",
            f"父姓名：{rng.choice(NAMES)}　母姓名：{rng.choice(NAMES)}",
            f"統一編號：{tw_id(rng)}",
        ]
        for j, t in enumerate(items):
            d.text((100, y + 25 + j * 75), t, font=font(30, "serif"), fill=(0, 0, 0))
        y += 360
    return im, "household_register"


# ---------------------------------------------------------------- screenshots


def phone(
    rng: random.Random, title: str, body: list[str], w: int = 1080, h: int = 2340
) -> Image.Image:
    im, d = canvas(w, h, (255, 255, 255))
    d.rectangle((0, 0, w, 90), fill=(245, 245, 245))
    d.text(
        (40, 20),
        f"{rng.randint(8, 22)}:{rng.randint(10, 59)}",
        font=font(40, "bold"),
        fill=(0, 0, 0),
    )
    d.text((w - 250, 20), "5G  87%", font=font(38), fill=(0, 0, 0))
    d.rectangle((0, 90, w, 260), fill=(30, 80, 150))
    d.text((50, 135), title, font=font(52, "bold"), fill=(255, 255, 255))
    y = 320
    for line in body:
        d.text((50, y), line, font=font(42), fill=(20, 20, 20))
        y += 82
    return im


def border_record(rng: random.Random) -> tuple[Image.Image, str]:
    name = rng.choice(NAMES)
    body = [
        "入出國日期紀錄查詢結果",
        f"姓名：{name}",
        f"身分證號：{tw_id(rng)}",
        f"出生日期：{roc_date(rng)}",
        "",
        "日期　　　　　出入境　航班　　目的地",
    ]
    for _ in range(6):
        body.append(
            f"{rng.randint(110, 114)}/{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}　{rng.choice(['出境', '入境'])}　{rng.choice(['BR', 'CI', 'JX'])}{rng.randint(100, 899)}　{rng.choice(['東京', '大阪', '曼谷', '香港'])}"
        )
    body.append(f"查詢人員：{rng.choice(NAMES)}　查詢時間：113/05/02 14:22")
    return phone(rng, "移民署資料查詢", body), "record_screenshot"


def hh_query(rng: random.Random) -> tuple[Image.Image, str]:
    body = [
        "個人戶籍資料查詢結果",
        f"姓名：{rng.choice(NAMES)}",
        f"統一編號：{tw_id(rng)}",
        f"出生日期：{roc_date(rng)}",
        f"戶籍地址：{rng.choice(ADDR)}",
        f"父親姓名：{rng.choice(NAMES)}",
        f"母親姓名：{rng.choice(NAMES)}",
        f"遷入日期：{roc_date(rng)}",
        "查詢單位：某某戶政事務所",
    ]
    if rng.random() < 0.5:  # desktop screenshot
        im, d = canvas(1920, 1080, (235, 238, 242))
        d.rectangle((0, 0, 1920, 70), fill=(40, 60, 100))
        d.text((30, 12), "戶役政資訊系統", font=font(40, "bold"), fill=(255, 255, 255))
        y = 120
        for t in body:
            d.text((120, y), t, font=font(36), fill=(0, 0, 0))
            y += 70
        return im, "record_screenshot"
    return phone(rng, "戶役政系統", body, 1170, 2532), "record_screenshot"


# ---------------------------------------------------------------- ordinary images


def poster(rng: random.Random) -> tuple[Image.Image, str | None]:
    im, d = a4(rng)
    d.rectangle((0, 0, 1240, 260), fill=(200, 40, 40))
    d.text((120, 70), "資安宣導：請勿傳身分證照片", font=font(64, "bold"), fill=(255, 255, 255))
    lines = [
        "一、請勿在LINE群組傳送民眾身分證、健保卡、",
        "　　駕照或護照之照片。",
        "二、拘票、搜索票等偵查文件不得轉傳。",
        "三、戶役政、入出國資料查詢結果不可截圖外流。",
        "四、違反者依刑法第132條及個人資料保護法處理。",
        "身分證統一編號、出生年月日、住址皆屬個人資料。",
        "政風室 關心您",
    ]
    y = 380
    for t in lines:
        d.text((100, y), t, font=font(44), fill=(0, 0, 0))
        y += 110
    return im, None


def business_card(rng: random.Random) -> tuple[Image.Image, str | None]:
    im, d = canvas(1050, 600, (250, 250, 250))
    d.text((60, 60), "臺北市政府 民政局", font=font(34), fill=(40, 40, 40))
    d.text((60, 150), rng.choice(NAMES), font=font(64, "bold"), fill=(0, 0, 0))
    d.text((60, 250), "科長 Section Chief", font=font(32), fill=(60, 60, 60))
    d.text((60, 380), "電話：(02)2720-8889 分機 1234", font=font(30), fill=(0, 0, 0))
    d.text((60, 430), "地址：臺北市信義區市府路1號", font=font(30), fill=(0, 0, 0))
    d.text((60, 480), "Email: chief@gov.taipei", font=font(30), fill=(0, 0, 0))
    return im, None


def invoice(rng: random.Random) -> tuple[Image.Image, str | None]:
    im, d = canvas(700, 1500, (255, 255, 255))
    d.text((120, 40), "全家便利商店", font=font(48, "bold"), fill=(0, 0, 0))
    d.text((110, 120), "電子發票證明聯", font=font(44, "bold"), fill=(0, 0, 0))
    d.text((150, 190), "113年05-06月", font=font(40), fill=(0, 0, 0))
    d.text(
        (110, 260),
        f"{rng.choice('ABCDEFGHJK')}{rng.choice('ABCDEFGHJK')}-{rng.randint(10000000, 99999999)}",
        font=font(46, "bold"),
        fill=(0, 0, 0),
    )
    rows = [
        "2024-05-21 12:33:08",
        f"隨機碼 {rng.randint(1000, 9999)}   總計 {rng.randint(50, 900)}",
        f"賣方 {rng.randint(10000000, 99999999)}",
        f"買方統一編號 {rng.randint(10000000, 99999999)}",
        "御飯糰 鮪魚  35",
        "美式咖啡 中  45",
        "茶葉蛋 x2  26",
        "退貨憑電子發票證明聯正本辦理",
    ]
    y = 360
    for t in rows:
        d.text((40, y), t, font=font(32), fill=(0, 0, 0))
        y += 70
    for x in range(40, 660, 6):
        d.line((x, 1000, x, 1100), fill=(0, 0, 0), width=rng.randint(1, 3))
    return im, None


def meeting(rng: random.Random) -> tuple[Image.Image, str | None]:
    im, d = a4(rng)
    d.text((380, 90), "開會通知單", font=font(60, "serif"), fill=(0, 0, 0))
    rows = [
        "受文者：本府各一級機關",
        f"發文日期：中華民國{rng.randint(112, 114)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
        "發文字號：府民字第1130012345號",
        "速別：普通件",
        "密等及解密條件或保密期限：普通",
        "開會事由：研商本年度資訊安全教育訓練事宜",
        "開會時間：113年6月5日(星期三)下午2時",
        "開會地點：本府北區第一會議室",
        "主持人：" + rng.choice(NAMES) + " 副秘書長",
        "出席者：各機關資安聯絡人",
        "正本：各一級機關",
    ]
    y = 230
    for t in rows:
        d.text((90, y), t, font=font(34, "serif"), fill=(0, 0, 0))
        y += 95
    return im, None


def chart(rng: random.Random) -> tuple[Image.Image, str | None]:
    im, d = canvas(1600, 1000, (255, 255, 255))
    d.text((450, 30), "113年各區陳情案件統計", font=font(50, "bold"), fill=(0, 0, 0))
    areas = ["中正區", "大安區", "信義區", "士林區", "北投區", "內湖區"]
    for i, a in enumerate(areas):
        v = rng.randint(80, 700)
        x = 150 + i * 230
        d.rectangle((x, 880 - v, x + 120, 880), fill=(60, 120, 200))
        d.text((x + 10, 890), a, font=font(30), fill=(0, 0, 0))
        d.text((x + 20, 840 - v), str(v), font=font(30), fill=(0, 0, 0))
    d.line((120, 880, 1520, 880), fill=(0, 0, 0), width=3)
    return im, None


def menu(rng: random.Random) -> tuple[Image.Image, str | None]:
    im, d = canvas(1200, 1700, (250, 240, 220))
    d.text((420, 60), "阿婆麵店", font=font(80, "bold"), fill=(120, 40, 20))
    items = [
        ("牛肉麵", 180),
        ("陽春麵", 50),
        ("餛飩湯", 60),
        ("滷肉飯", 40),
        ("燙青菜", 35),
        ("貢丸湯", 35),
        ("乾麵", 55),
        ("滷蛋", 15),
    ]
    y = 260
    for n, p in items:
        d.text((200, y), n, font=font(54), fill=(0, 0, 0))
        d.text((850, y), f"${p}", font=font(54), fill=(0, 0, 0))
        y += 130
    d.text((200, y + 40), "營業時間 11:00-20:00　週一公休", font=font(40), fill=(80, 40, 20))
    return im, None


def blank_form(rng: random.Random) -> tuple[Image.Image, str | None]:
    im, d = a4(rng)
    d.text((330, 80), "國民身分證申請書（空白範本）", font=font(52, "serif"), fill=(0, 0, 0))
    labels = [
        "姓名",
        "出生年月日",
        "性別",
        "統一編號",
        "出生地",
        "住址",
        "父",
        "母",
        "配偶",
        "役別",
    ]
    y = 230
    for lb in labels:
        d.rectangle((80, y, 1160, y + 110), outline=(0, 0, 0), width=2)
        d.line((380, y, 380, y + 110), fill=(0, 0, 0), width=2)
        d.text((110, y + 35), lb, font=font(36, "serif"), fill=(0, 0, 0))
        y += 110
    d.text(
        (90, y + 60),
        "填寫說明：請以正楷填寫，並檢附最近二年內彩色相片。",
        font=font(30, "serif"),
        fill=(0, 0, 0),
    )
    return im, None


def membership(rng: random.Random) -> tuple[Image.Image, str | None]:
    im, d = card_bg(rng, 1000, 630, (40, 40, 60))
    d.text((50, 40), "好市多 會員卡", font=font(56, "bold"), fill=(255, 255, 255))
    d.text((50, 200), "會員姓名 " + rng.choice(NAMES), font=font(40), fill=(255, 255, 255))
    d.text(
        (50, 290),
        "會員編號 " + str(rng.randint(100000000000, 999999999999)),
        font=font(40),
        fill=(255, 255, 255),
    )
    d.text((50, 380), "有效期限 2026/12", font=font(40), fill=(255, 255, 255))
    return im, None


def chat_shot(rng: random.Random) -> tuple[Image.Image, str | None]:
    body = [
        "王科長：明天下午兩點開會",
        "陳小姐：收到，會議室在3樓",
        "林先生：我會帶簡報",
        "王科長：記得帶筆電",
        "張專員：好的 👍",
    ]
    return phone(rng, "民政科工作群組", body), None


def photo(rng: random.Random) -> tuple[Image.Image, str | None]:
    im, d = canvas(1600, 1200, (120, 170, 220))
    d.rectangle((0, 750, 1600, 1200), fill=(80, 140, 70))
    for _ in range(8):
        x = rng.randint(0, 1500)
        d.ellipse((x, 600, x + 160, 780), fill=(40, 100, 40))
    d.ellipse((1250, 80, 1400, 230), fill=(250, 230, 120))
    d.text((60, 1080), "2024.05.12 陽明山", font=font(40), fill=(255, 255, 255))
    return im, None


def classified(rng: random.Random) -> tuple[Image.Image, str]:
    im, d = a4(rng)
    d.rectangle((950, 40, 1180, 150), outline=(200, 0, 0), width=6)
    d.text((985, 60), "機密", font=font(60, "bold"), fill=(200, 0, 0))
    d.text((420, 170), "某某市政府　函", font=font(52, "serif"), fill=(0, 0, 0))
    rows = [
        "受文者：某某市警察局",
        "發文日期：中華民國113年3月8日",
        "發文字號：府政字第1130078901號",
        "速別：最速件",
        "密等及解密條件或保密期限：機密（本案結案後解密）",
        "主旨：檢送本府政風室專案清查名單一份，請查照。",
        "說明：",
        "一、依本府113年度廉政工作計畫辦理。",
        "二、清查對象名單詳如附件，請勿外流。",
        "正本：某某市警察局",
    ]
    y = 320
    for t in rows:
        d.text((90, y), t, font=font(32, "serif"), fill=(0, 0, 0))
        y += 90
    return im, "classified"


# ---------------------------------------------------------------- photo conditions


def desk(rng: random.Random, w: int, h: int) -> Image.Image:
    base = rng.choice([(150, 110, 70), (200, 200, 195), (90, 90, 95), (180, 150, 120)])
    im = Image.new("RGB", (w, h), base)
    d = ImageDraw.Draw(im)
    for _ in range(40):  # wood grain / texture
        y = rng.randint(0, h)
        c = tuple(max(0, min(255, v + rng.randint(-25, 25))) for v in base)
        d.line((0, y, w, y + rng.randint(-40, 40)), fill=c, width=rng.randint(2, 8))
    return im


def perspective(im: Image.Image, rng: random.Random, amt: float) -> Image.Image:
    w, h = im.size
    dx, dy = w * amt, h * amt
    quad = (
        rng.uniform(0, dx),
        rng.uniform(0, dy),
        rng.uniform(0, dx),
        h - rng.uniform(0, dy),
        w - rng.uniform(0, dx),
        h - rng.uniform(0, dy),
        w - rng.uniform(0, dx),
        rng.uniform(0, dy),
    )
    return im.transform(
        (w, h), Image.Transform.QUAD, quad, Image.Resampling.BICUBIC, fillcolor=(0, 0, 0)
    )


def as_photo(
    doc: Image.Image, rng: random.Random, long_side: int, turn: int, tilt: float, persp: float
) -> Image.Image:
    doc = doc.convert("RGBA")
    if persp:
        doc = perspective(doc, rng, persp)
    doc = doc.rotate(tilt, expand=True, resample=Image.Resampling.BICUBIC)
    scale = rng.uniform(1.15, 1.5)
    W, H = int(doc.width * scale), int(doc.height * scale)
    bg = desk(rng, W, H)
    bg.paste(
        doc,
        ((W - doc.width) // 2 + rng.randint(-20, 20), (H - doc.height) // 2 + rng.randint(-20, 20)),
        doc,
    )
    if turn:
        bg = bg.rotate(turn, expand=True)
    r = long_side / max(bg.size)
    return bg.resize((int(bg.width * r), int(bg.height * r)), Image.Resampling.LANCZOS)


def finish(im: Image.Image, rng: random.Random, blur: float, quality: int, fmt: str) -> bytes:
    if blur:
        im = im.filter(ImageFilter.GaussianBlur(blur))
    buf = io.BytesIO()
    if fmt == "png":
        im.save(buf, "PNG")
    else:
        im.convert("RGB").save(buf, "JPEG", quality=quality)
    return buf.getvalue()


# (maker, mode) ; mode "photo" or "shot"
PLAN: list[tuple] = [
    (id_front, "photo"),
    (id_front, "photo"),
    (id_front, "photo"),
    (id_front, "photo"),
    (id_back, "photo"),
    (id_back, "photo"),
    (id_back, "photo"),
    (nhi, "photo"),
    (nhi, "photo"),
    (driver, "photo"),
    (driver, "photo"),
    (resident, "photo"),
    (resident, "photo"),
    (passport, "photo"),
    (passport, "photo"),
    (lambda r: warrant(r, "拘票"), "photo"),
    (lambda r: warrant(r, "拘票"), "photo"),
    (lambda r: warrant(r, "搜索票"), "photo"),
    (border_record, "shot"),
    (border_record, "shot"),
    (hh_query, "shot"),
    (hh_query, "shot"),
    (household, "photo"),
    (classified, "photo"),
    # ordinary
    (poster, "photo"),
    (poster, "shot"),
    (business_card, "photo"),
    (invoice, "photo"),
    (invoice, "photo"),
    (meeting, "photo"),
    (chart, "shot"),
    (menu, "photo"),
    (blank_form, "photo"),
    (membership, "photo"),
    (chat_shot, "shot"),
    (photo, "shot"),
    (business_card, "photo"),
    (meeting, "shot"),
    (blank_form, "shot"),
    (menu, "shot"),
]


def main(out: Path, seed: int = 20261121) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    labels = []
    for i, (maker, mode) in enumerate(PLAN):
        doc, dtype = maker(rng)
        if mode == "photo":
            turn = rng.choice([0, 0, 0, 90, 180, 270])
            tilt = rng.uniform(-12, 12)
            persp = rng.choice([0, 0.03, 0.06])
            long_side = rng.choice([800, 1040, 1280, 1600, 2048, 3000])
            if doc.height > 1200 and long_side < 1040:  # A4 pages need enough pixels to read
                long_side = 1280
            im = as_photo(doc, rng, long_side, turn, tilt, persp)
            data = finish(im, rng, rng.choice([0, 0, 0.8, 1.4]), rng.randint(40, 90), "jpg")
            ext = "jpg"
        else:
            im = doc
            fmt = rng.choice(["png", "jpg"])
            data = finish(im, rng, 0, rng.randint(60, 90), fmt)
            ext = fmt
        labels.append(_save(out, f"b{i:02d}", ext, data, dtype))
    _write_labels(out, labels)


def _save(out: Path, iid: str, ext: str, data: bytes, dtype: str | None) -> dict[str, object]:
    """Write one image and return its label row."""
    path = out / f"{iid}.{ext}"
    path.write_bytes(data)
    return {
        "id": iid,
        "image": str(path),
        "expect": "flag" if dtype else "allow",
        "doc_type": dtype,
    }


def _write_labels(out: Path, labels: list[dict[str, object]]) -> None:
    with (out / "labels.jsonl").open("w", encoding="utf-8") as fh:
        for row in labels:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------- second, harder set (after the first measurement)


def news_warrant(rng: random.Random) -> tuple[Image.Image, str | None]:
    im, d = a4(rng)
    d.text((90, 80), "地方新聞　社會版", font=font(40, "bold"), fill=(120, 0, 0))
    d.text((90, 170), "檢方持拘票拘提詐騙集團主嫌", font=font(56, "serif"), fill=(0, 0, 0))
    body = [
        "臺北地檢署今日指揮警方，持法院核發之拘票及搜索票，",
        "前往新北市多處據點搜索，拘提涉嫌詐欺之被告等人到案。",
        "檢察官表示，本案被告涉嫌以假投資名義詐騙民眾，",
        "不法所得逾新臺幣三千萬元，全案依詐欺罪嫌偵辦中。",
        "案由及所犯法條均待後續起訴書公布。",
    ]
    y = 320
    for t in body:
        d.text((90, y), t, font=font(36, "serif"), fill=(0, 0, 0))
        y += 80
    return im, None


def nhi_poster(rng: random.Random) -> tuple[Image.Image, str | None]:
    im, d = a4(rng)
    d.text((120, 80), "全民健康保險 健保卡換發說明", font=font(54, "bold"), fill=(0, 100, 60))
    body = [
        "健保卡正面印有：姓名、身分證號、出生日期、卡號。",
        "請妥善保管，勿將健保卡拍照傳給他人。",
        "遺失補發：攜帶身分證至各縣市健保分區業務組辦理。",
        "補發工本費新臺幣200元。",
        "諮詢專線：0800-030-598",
    ]
    y = 280
    for t in body:
        d.text((90, y), t, font=font(38), fill=(0, 0, 0))
        y += 100
    return im, None


def student_card(rng: random.Random) -> tuple[Image.Image, str | None]:
    im, d = card_bg(rng, 1000, 630, (250, 245, 230))
    d.text((50, 30), "國立某某大學 學生證", font=font(52, "bold"), fill=(20, 20, 100))
    d.text((50, 180), "系級　資訊工程學系 三年級", font=font(36), fill=(0, 0, 0))
    d.text((50, 260), "學號　B1090" + str(rng.randint(1000, 9999)), font=font(36), fill=(0, 0, 0))
    d.text((50, 340), "有效期限 115年7月31日", font=font(36), fill=(0, 0, 0))
    d.rectangle((750, 150, 950, 420), fill=(200, 200, 200))
    return im, None


def id_front_small(rng: random.Random) -> tuple[Image.Image, str]:
    """An ID card lying small on a cluttered desk (the card is ~35% of the frame)."""
    card, _ = id_front(rng)
    bg = desk(rng, 2800, 2100)
    bg.paste(card, (rng.randint(100, 1600), rng.randint(100, 1300)))
    d = ImageDraw.Draw(bg)
    d.rectangle((100, 1500, 900, 2000), fill=(240, 240, 240))  # a sheet of paper
    d.text((150, 1550), "便條 記得繳電費", font=font(48), fill=(40, 40, 40))
    return bg, "id_card"


def id_front_en(rng: random.Random) -> tuple[Image.Image, str]:
    """Front with a different field order, label spacing and an unusual font."""
    im, d = card_bg(rng, 1000, 630, (230, 240, 250))
    d.text((60, 25), "中 華 民 國 國 民 身 分 證", font=font(44, "serif"), fill=(20, 40, 90))
    y = 120
    rows = [
        ("姓　　名", rng.choice(NAMES)),
        ("性　　別", rng.choice("男女")),
        ("出生年月日", roc_date(rng)),
    ]
    for label, val in rows:
        d.text((50, y), label, font=font(30, "serif"), fill=(60, 60, 60))
        d.text((260, y - 4), val, font=font(36, "serif"), fill=(0, 0, 0))
        y += 80
    d.text((50, 420), f"{roc_date(rng)} 補發", font=font(30, "serif"), fill=(0, 0, 0))
    d.text((560, 540), tw_id(rng), font=font(44, "bold"), fill=(160, 20, 20))
    d.rectangle((720, 110, 950, 400), fill=(185, 190, 200))
    return im, "id_card"


def driver_old(rng: random.Random) -> tuple[Image.Image, str]:
    im, d = card_bg(rng, 1000, 630, (250, 235, 235))
    d.text((60, 30), "汽車駕駛執照", font=font(50, "bold"), fill=(130, 20, 20))
    d.text((60, 110), "普通小型車", font=font(36), fill=(0, 0, 0))
    d.text((60, 180), rng.choice(NAMES), font=font(44, "bold"), fill=(0, 0, 0))
    d.text((60, 260), tw_id(rng), font=font(38), fill=(0, 0, 0))
    d.text((60, 330), roc_date(rng) + "生", font=font(34), fill=(0, 0, 0))
    d.text((60, 400), rng.choice(ADDR), font=font(30), fill=(0, 0, 0))
    d.text((60, 470), "有效日期 " + roc_date(rng), font=font(30), fill=(0, 0, 0))
    d.text((60, 540), "臺北市區監理所", font=font(30), fill=(0, 0, 0))
    return im, "driver_license"


def hh_book(rng: random.Random) -> tuple[Image.Image, str]:
    im, d = canvas(1600, 1100, (248, 244, 236))
    d.text((600, 40), "戶口名簿", font=font(60, "serif"), fill=(0, 0, 0))
    cols = ["稱謂", "姓名", "出生日期", "統一編號", "出生地"]
    x0 = 60
    for j, c in enumerate(cols):
        d.text((x0 + j * 300, 170), c, font=font(34, "serif"), fill=(0, 0, 0))
    for i in range(3):
        vals = [
            ["戶長", "配偶", "長子"][i],
            rng.choice(NAMES),
            f"{rng.randint(50, 100)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
            tw_id(rng),
            "臺北市",
        ]
        for j, v in enumerate(vals):
            d.text((x0 + j * 300, 260 + i * 110), v, font=font(32, "serif"), fill=(0, 0, 0))
    d.text((60, 640), "住址：" + rng.choice(ADDR), font=font(34, "serif"), fill=(0, 0, 0))
    return im, "household_register"


def passport_app(rng: random.Random) -> tuple[Image.Image, str | None]:
    im, d = a4(rng)
    d.text((300, 80), "普通護照申請書（範本）", font=font(54, "serif"), fill=(0, 0, 0))
    labels = [
        "中文姓名",
        "外文姓名 Surname / Given names",
        "出生日期",
        "身分證統一編號",
        "出生地",
        "聯絡電話",
        "戶籍地址",
    ]
    y = 240
    for lb in labels:
        d.rectangle((80, y, 1160, y + 120), outline=(0, 0, 0), width=2)
        d.text((110, y + 40), lb + "：", font=font(34, "serif"), fill=(0, 0, 0))
        y += 120
    return im, None


PLAN2: list[tuple] = [
    (id_front_small, "raw"),
    (id_front_small, "raw"),
    (id_front_en, "photo"),
    (id_front_en, "photo"),
    (driver_old, "photo"),
    (driver_old, "photo"),
    (hh_book, "photo"),
    (hh_book, "photo"),
    (id_back, "photo"),
    (nhi, "photo"),
    (passport, "photo"),
    (resident, "photo"),
    (news_warrant, "photo"),
    (nhi_poster, "photo"),
    (student_card, "photo"),
    (passport_app, "photo"),
    (news_warrant, "shot"),
    (nhi_poster, "shot"),
    (student_card, "photo"),
    (passport_app, "shot"),
]


def main2(out: Path, seed: int = 99) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    labels = []
    for i, (maker, mode) in enumerate(PLAN2):
        doc, dtype = maker(rng)
        if mode == "photo":
            im = as_photo(
                doc,
                rng,
                rng.choice([1040, 1280, 1600, 2048]),
                rng.choice([0, 90, 180, 270]),
                rng.uniform(-15, 15),
                0.07,
            )
            data = finish(im, rng, rng.choice([1.0, 1.6]), rng.randint(40, 60), "jpg")
        elif mode == "raw":
            data = finish(doc, rng, 1.2, 45, "jpg")
        else:
            data = finish(doc, rng, 0, 80, "png")
        labels.append(_save(out, f"h{i:02d}", "png" if mode == "shot" else "jpg", data, dtype))
    _write_labels(out, labels)


# A fast selection for the regression test: every hard negative that once fooled the pipeline,
# and one of each kind of document.
QUICK: list[tuple] = [
    (id_front_en, "photo", "id_card"),
    (id_back, "photo", "id_card"),
    (passport, "photo", "passport"),
    (lambda r: warrant(r, "拘票"), "photo", "warrant_document"),
    (border_record, "shot", "record_screenshot"),
    (hh_book, "photo", "household_register"),
    (classified, "photo", "classified"),
    (blank_form, "photo", None),
    (news_warrant, "photo", None),
    (nhi_poster, "shot", None),
    (passport_app, "shot", None),
]


def samples(seed: int = 5) -> list[tuple[str, bytes, str | None]]:
    """(name, encoded image, expected doc_type or None) for the QUICK selection."""
    rng = random.Random(seed)
    out = []
    for maker, mode, expect in QUICK:
        doc, _ = maker(rng)
        if mode == "photo":
            im = as_photo(
                doc,
                rng,
                rng.choice([1280, 1600, 2048]),
                rng.choice([0, 90, 180]),
                rng.uniform(-10, 10),
                0.04,
            )
            data = finish(im, rng, rng.choice([0, 0.8]), rng.randint(50, 85), "jpg")
        else:
            data = finish(doc, rng, 0, 80, "png")
        out.append((getattr(maker, "__name__", "warrant"), data, expect))
    return out


if __name__ == "__main__":
    main(
        Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/blind_img"),
        int(sys.argv[2]) if len(sys.argv) > 2 else 20261121,
    )
