"""Ordinary images (label "allow"): the things people really share in work groups."""

from __future__ import annotations

import random

from PIL import Image, ImageDraw

from devtools.synth.canvas import Canvas, a4, paragraphs, phone_screen, portrait
from devtools.synth.people import SURNAMES, person

# ---------------------------------------------------------------------------------------------
# Ordinary images (label "allow"): the things people really share in work groups


def meeting_notice(rng: random.Random) -> Image.Image:
    c = a4(rng)
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
    paragraphs(c, 110, 260, lines, 32, 40)
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
    paragraphs(c, 60, 380, lines, 34, 30)
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
    paragraphs(c, 70, 290, lines, 28, 22)
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
    portrait(c, (170, 220, 470, 580), rng)
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
    c = phone_screen(rng)
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
