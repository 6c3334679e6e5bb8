"""Documents that leak (label "flag", with their doc_type): ID cards, health cards, driving
licences, resident certificates, passports, warrants, record screenshots, household
registers, classified documents."""

from __future__ import annotations

import random

from PIL import Image

from devtools.synth.canvas import (
    Canvas,
    a4,
    date_text,
    guilloche,
    paragraphs,
    phone_screen,
    portrait,
)
from devtools.synth.people import (
    FOREIGN,
    GIVEN,
    GIVEN_EN,
    SURNAMES_EN,
    address,
    national_id,
    person,
    resident_id,
    roc_date,
)

# ---------------------------------------------------------------------------------------------
# Documents that leak (label "flag", with their doc_type)


def id_card_front(rng: random.Random) -> Image.Image:
    c = Canvas.new(1000, 630, (232, 240, 236))
    guilloche(c, rng, (200, 222, 214))
    c.text((40, 30), "中華民國國民身分證", 52, "serif", (30, 60, 120))
    sex = rng.choice((1, 2))
    name = person(rng)
    y, m, d = roc_date(rng)
    fields = [
        ("姓名", name, 46),
        ("出生", date_text(y, m, d), 34),
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
    portrait(c, (690, 130, 950, 460), rng)
    return c.img


def id_card_back(rng: random.Random) -> Image.Image:
    c = Canvas.new(1000, 630, (236, 238, 242))
    guilloche(c, rng, (214, 218, 228))
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
    portrait(c, (720, 150, 950, 440), rng)
    c.draw.rectangle((730, 470, 840, 560), fill=(210, 180, 90))  # chip
    return c.img


def driver_license(rng: random.Random) -> Image.Image:
    c = Canvas.new(1000, 630, (240, 232, 245))
    guilloche(c, rng, (222, 210, 232))
    c.text((40, 25), "中華民國汽車駕駛執照", 48, "serif", (90, 40, 110))
    y, m, d = roc_date(rng)
    rows = [
        ("姓名", person(rng)),
        ("出生日期", date_text(y, m, d)),
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
    portrait(c, (740, 120, 960, 400), rng)
    return c.img


def resident_certificate(rng: random.Random) -> Image.Image:
    c = Canvas.new(1000, 630, (238, 244, 250))
    guilloche(c, rng, (215, 226, 240))
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
    portrait(c, (720, 150, 950, 440), rng)
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
    guilloche(c, rng, (226, 222, 210))
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
    portrait(c, (40, 120, 320, 500), rng)
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


def warrant(rng: random.Random) -> Image.Image:
    c = a4(rng)
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
            f"出生日期：{date_text(y, m, d)}",
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
    paragraphs(c, 120, 400, lines, 36, 34)
    c.draw.rectangle((800, 1400, 1100, 1620), outline=(200, 30, 30), width=6)
    c.text((950, 1510), "印", 90, "serif", (200, 30, 30), anchor="mm")
    return c.img


def record_screenshot(rng: random.Random) -> Image.Image:
    c = phone_screen(rng)
    c.draw.rectangle((0, 70, 1080, 200), fill=(24, 70, 140))
    name = person(rng)
    y, m, d = roc_date(rng)
    if rng.random() < 0.5:
        c.text((40, 105), "入出國及移民資料查詢系統", 46, "sans_bold", (255, 255, 255))
        head = [
            ("查詢結果", ""),
            ("姓名", name),
            ("身分證號", national_id(rng)),
            ("出生日期", date_text(y, m, d)),
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
            ("出生日期", date_text(y, m, d)),
            ("父親姓名", person(rng)),
            ("母親姓名", person(rng)),
            ("戶籍地址", address(rng)),
            ("遷入日期", date_text(rng.randint(100, 113), m, d)),
            ("查詢人員", f"{rng.choice(['戶政', '警政'])}{rng.randint(100, 999)}"),
        ]
        ty = 260
        for label, value in rows:
            c.text((40, ty), f"{label}：{value}" if value else label, 38, "sans")
            ty += 95
    return c.img


def household_register(rng: random.Random) -> Image.Image:
    c = a4(rng)
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
            f"出生日期：{date_text(y, m, d)}　出生地：{rng.choice(['臺北市', '臺灣省臺南縣', '高雄市'])}",
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
    c = a4(rng)
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
    paragraphs(c, 120, 560, body, 34, 30)
    return c.img
