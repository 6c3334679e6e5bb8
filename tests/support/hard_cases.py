"""Hard cases of issue 9 drawn with the repo's own helpers (devtools/synth): the ordinary images
that were blocked (specimen cards, filled-in examples, public notices and letters naming officials,
published inspection results, menus with a shop's mobile, calendars and tickets, chats about the
rules) and the leaks that were missed (a 密/限閱 bid-price sheet photographed sideways at low JPEG
quality, appraisal lists, promotion score sheets, a bidders list before the opening).

`cases()` -> [(name, encoded image, expect "allow" | "flag")]; every image goes through the real
decoder and OCR engine in tests/images/test_image_hard_cases.py.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from PIL import Image

from devtools import synth
from devtools.synth import Canvas


def _a4(rng: random.Random) -> Canvas:
    return Canvas.new(1240, 1754, (252, 252, 248))


def _rows(c: Canvas, x: int, y: int, lines: list[str], size: int = 34, gap: int = 26) -> int:
    for line in lines:
        c.text((x, y), line, size, "serif")
        y += size + gap
    return y


def _stamp(c: Canvas, xy: tuple[int, int], word: str, size: int = 64) -> None:
    x, y = xy
    w = int(c.width_of(word, size, "serif")) + 40
    c.draw.rectangle((x, y, x + w, y + size + 40), outline=(200, 20, 20), width=6)
    c.text((x + 20, y + 14), word, size, "serif", (200, 20, 20))


# --------------------------------------------------------------------- ordinary (allow)


def specimen_id_card(rng: random.Random) -> Image.Image:
    """The published specimen of the ID card (A123456789) with a 樣本 / SPECIMEN mark."""
    c = Canvas.new(1000, 630, (232, 240, 236))
    c.text((40, 30), "中華民國國民身分證", 52, "serif", (30, 60, 120))
    rows = [("姓名", "陳筱玲"), ("出生", "民國56年5月20日"), ("性別", "女")]
    rows.append(("發證日期", "民國94年12月20日(北市)換發"))
    y = 130
    for label, value in rows:
        c.text((40, y), label, 28, "sans", (60, 60, 60))
        c.text((40 + 28 * len(label) + 20, y - 4), value, 34, "sans")
        y += 90
    c.text((40, 520), "統一編號", 28, "sans", (60, 60, 60))
    c.text((180, 508), "A123456789", 48, "sans_bold", (160, 20, 20))
    c.draw.rectangle((690, 130, 950, 460), fill=(200, 210, 220))
    mark = rng.choice(["樣本", "樣張"])
    c.text((560, 250), mark, 110, "sans_bold", (220, 40, 40))
    c.text((600, 400), "SPECIMEN", 56, "sans_bold", (220, 40, 40))
    return c.img


def filled_example_form(rng: random.Random) -> Image.Image:
    """An application form filled in as a marked example (填寫範例) for the public."""
    c = _a4(rng)
    c.text((620, 110), "戶籍謄本申請書", 56, "serif", anchor="mm")
    _stamp(c, (900, 170), rng.choice(["填寫範例", "範例"]), 48)
    rows = [
        "申請人姓名：王小明",
        "國民身分證統一編號：A123456789",
        "出生日期：民國70年1月1日",
        "住址：臺北市中正區重慶南路一段122號",
        "聯絡電話：0912-345-678",
        "申請日期：中華民國113年5月1日",
        "申請份數：1份",
    ]
    _rows(c, 120, 320, rows, 36, 50)
    c.text((120, 1000), "※本範例僅供填寫參考，請依實際資料填寫。", 30, "serif")
    return c.img


def public_notice_audit(rng: random.Random) -> Image.Image:
    """A public notice whose subject is an audit (稽核), naming the officials and the 1999 line."""
    c = _a4(rng)
    agency = rng.choice(["臺北市政府", "新北市政府", "臺中市政府"])
    c.text((620, 120), f"{agency}　公告", 56, "serif", anchor="mm")
    rows = [
        f"發文日期：中華民國113年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
        f"發文字號：府授主字第{rng.randint(1130000000, 1139999999)}號",
        "主旨：公告本府113年度內部稽核計畫及稽核結果。",
        "依據：內部控制制度實施辦法。",
        "公告事項：",
        "一、本府113年度內部稽核已完成，結果如附件。",
        "二、稽核小組召集人：副秘書長林志明。",
        "三、承辦人：主計處王美華專員",
        f"　　電話：(02)2720-{rng.randint(1000, 9999)}分機{rng.randint(100, 999)}",
        "四、市民當家熱線1999。",
    ]
    _rows(c, 110, 260, rows, 32, 40)
    return c.img


def official_letter_whistleblower(rng: random.Random) -> Image.Image:
    """An official letter about the whistleblower hotline (檢舉) naming the officer in charge."""
    c = _a4(rng)
    c.text((620, 120), "法務部廉政署　函", 56, "serif", anchor="mm")
    rows = [
        "受文者：各機關政風單位",
        f"發文日期：中華民國113年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
        "密等及解密條件或保密期限：普通",
        "主旨：轉知本署檢舉專線及受理檢舉作業方式，請查照。",
        "說明：",
        "一、民眾檢舉可撥打0800-286-586或至本署網站。",
        "二、檢舉人身分依法保密。",
        "三、聯絡人：陳建宏科長，電話(02)2562-1156分機305。",
        "正本：各機關政風單位",
    ]
    _rows(c, 110, 260, rows, 32, 40)
    return c.img


def letter_audit_plan_officials(rng: random.Random) -> Image.Image:
    """An official letter (not a notice) whose subject is an audit, naming the officials in charge
    with their office lines and the 1999 hotline."""
    c = _a4(rng)
    c.text((620, 120), "臺北市政府主計處　函", 56, "serif", anchor="mm")
    rows = [
        "受文者：本府各一級機關",
        f"發文日期：中華民國113年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
        f"發文字號：北市主會字第{rng.randint(1130000000, 1139999999)}號",
        "主旨：檢送本處114年度內部稽核作業計畫，請查照。",
        "說明：",
        "一、稽核小組由本處黃國華科長擔任召集人。",
        f"二、聯絡人：林佳穎專員，電話(02)2720-{rng.randint(1000, 9999)}分機{rng.randint(100, 999)}。",
        "三、民眾陳情請洽市民當家熱線1999。",
        "正本：本府各一級機關",
    ]
    _rows(c, 110, 260, rows, 32, 40)
    return c.img


def published_inspection_results(rng: random.Random) -> Image.Image:
    """Published results of food-safety inspections: shops, addresses, pass / fail."""
    c = _a4(rng)
    c.text((620, 110), "113年度餐飲業衛生稽查結果公告", 50, "serif", anchor="mm")
    c.text((110, 200), "稽查單位：衛生局食品藥物管理科　稽查日期：113年4月", 30, "serif")
    c.text((110, 270), "店名　　　　地址　　　　　　　　稽查結果", 32, "serif")
    shops = ["好味道便當", "阿嬤的廚房", "公園號快餐", "大福小吃", "海山麵店"]
    roads = ["中山路", "民生路", "復興路", "中正路", "光復路"]
    y = 340
    for s, r in zip(shops, roads, strict=True):
        result = rng.choice(["合格", "合格", "限期改善"])
        c.text((110, y), f"{s}　{r}{rng.randint(1, 300)}號　{result}", 32, "serif")
        y += 70
    c.text((110, y + 30), "以上結果業經公告，詳見本局網站。", 30, "serif")
    return c.img


def menu_with_mobile(rng: random.Random) -> Image.Image:
    """A shop's menu that prints the owner's mobile for orders."""
    c = Canvas.new(1100, 1500, (252, 246, 230))
    c.text(
        (550, 90), rng.choice(["好味道便當", "阿嬤的廚房"]) + "　菜單", 60, "sans_bold", anchor="mm"
    )
    items = ["排骨便當", "雞腿便當", "鯖魚便當", "控肉飯", "三寶飯", "蔬食便當"]
    y = 220
    for it in items:
        c.text((120, y), it, 44, "sans")
        c.text((850, y), f"${rng.randint(8, 15) * 10}", 44, "sans")
        y += 120
    mobile = f"09{rng.randint(10, 89)}-{rng.randint(100, 999)}-{rng.randint(100, 999)}"
    c.text((120, y + 30), f"訂購專線 {mobile} 李老闆", 40, "sans")
    c.text((120, y + 110), "地址：臺中市北區三民路三段85號", 34, "sans")
    return c.img


def calendar_page(rng: random.Random) -> Image.Image:
    """A month calendar: rows of day numbers that a card reader could glue together."""
    c = Canvas.new(1400, 1100, (255, 255, 255))
    month = rng.randint(1, 12)
    c.text((700, 70), f"2025年{month}月　行事曆", 56, "sans_bold", anchor="mm")
    for i, w in enumerate("日一二三四五六"):
        c.text((120 + i * 180, 170), w, 40, "sans", anchor="mm")
    day = 1 - rng.randint(0, 6)
    for row in range(5):
        for col in range(7):
            if 1 <= day <= 30:
                c.text((120 + col * 180, 280 + row * 170), str(day), 48, "sans", anchor="mm")
            day += 1
    return c.img


def train_ticket(rng: random.Random) -> Image.Image:
    """A train ticket: train number, car, seat, ticket and order numbers in blocks."""
    c = Canvas.new(1200, 600, (245, 235, 200))
    c.text((60, 40), "臺灣高鐵　車票", 50, "sans_bold")
    c.text((60, 130), "台北 → 左營　2025/03/14", 40, "sans")
    c.text(
        (60, 200),
        f"車次 {rng.randint(100, 899)}　{rng.randint(1, 12)}車 {rng.randint(1, 20)}A",
        40,
        "sans",
    )
    c.text((60, 270), f"票價 NT$1,490　訂位代號 {rng.randint(10000000, 99999999)}", 36, "sans")
    grid = " ".join(f"{rng.randint(0, 9999):04d}" for _ in range(4))
    c.text((60, 350), f"票號 {grid}", 40, "sans")
    c.text(
        (60, 430),
        f"{rng.randint(10, 99)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
        36,
        "sans",
    )
    return c.img


def chat_about_rules(rng: random.Random) -> Image.Image:
    """A chat screenshot where colleagues talk about the rules (拘票, 身分證字號, 檢舉人)."""
    c = Canvas.new(1080, 2160, (250, 250, 250))
    c.draw.rectangle((0, 70, 1080, 190), fill=(40, 50, 70))
    c.text((40, 105), "戶政事務所同仁群組", 42, "sans", (255, 255, 255))
    msgs = [
        "請問拘票可以拍照傳到群組嗎？",
        "依規定不行喔，要走公文",
        "身分證字號也要遮起來才能傳",
        "檢舉人的資料依法要保密",
        "了解，謝謝提醒",
        "下週有個資保護教育訓練",
    ]
    y = 260
    for m in msgs:
        mine = rng.random() < 0.4
        w = c.width_of(m, 38) + 60
        x0 = 1040 - w if mine else 140
        c.draw.rounded_rectangle(
            (x0, y, x0 + w, y + 90), 30, fill=(140, 230, 120) if mine else (235, 235, 235)
        )
        c.text((x0 + 30, y + 22), m, 38, "sans")
        y += 160
    return c.img


def chat_sender_asks_rules(rng: random.Random) -> Image.Image:
    """A LINE chat: a colleague's display name above her question on how to mask a petitioner's
    phone (陳情人), with the messages' times; the name is the sender, not the petitioner."""
    c = Canvas.new(1080, 1500, (214, 226, 240))
    c.draw.rectangle((0, 0, 1080, 120), fill=(40, 50, 70))
    c.text((40, 35), "服務中心同仁(27)", 42, "sans", (255, 255, 255))
    sender = rng.choice(["邱雅琪", "戴佳穎", "曾淑惠"])
    c.text((140, 170), sender, 32, "sans", (90, 90, 90))
    msgs = [
        (False, "陳情案回信的時候，陳情人的電話要遮嗎？", "上午10:05"),
        (True, "一律遮，寫成0912-***-***", "上午10:06"),
        (False, "好的，名字也寫林○就好", "上午10:09"),
    ]
    y = 220
    for mine, m, t in msgs:
        w = c.width_of(m, 36) + 60
        x0 = 1040 - w if mine else 140
        c.draw.rounded_rectangle(
            (x0, y, x0 + w, y + 90), 30, fill=(140, 230, 120) if mine else (255, 255, 255)
        )
        c.text((x0 + 30, y + 22), m, 36, "sans")
        tx = x0 - 170 if mine else x0 + w + 14
        c.text((tx, y + 50), t, 26, "sans", (110, 110, 110))
        y += 170
    c.draw.rectangle((0, 1380, 1080, 1500), fill=(255, 255, 255))
    c.text((60, 1420), "輸入訊息", 34, "sans", (150, 150, 150))
    return c.img


def results_published_foi(rng: random.Random) -> Image.Image:
    """Inspection results published under the freedom-of-information act (主動公開): a table of
    shops (one named like a person, 小王子小吃店) with their addresses."""
    c = _a4(rng)
    c.text((620, 110), "臺南市政府衛生局114年度餐飲衛生稽查結果", 44, "serif", anchor="mm")
    c.text((620, 180), "(本表依政府資訊公開法主動公開)", 32, "serif", anchor="mm")
    c.text((110, 260), "編號　業者名稱　　地址　　　　　　　　　　結果", 30, "serif")
    shops = ["好味小吃店", "小王子小吃店", "正興超市", "福記餐廳", "鼎泰KTV"]
    places = [
        "臺南市東區大學路二段18號",
        "桃園市龜山區仁愛路二段12號",
        "高雄市前鎮區三民路二段293號",
        "臺中市南屯區建國路164號",
        "新竹縣竹北市中華路二段338號",
    ]
    y = 330
    for n, (shop, place) in enumerate(zip(shops, places, strict=True), 1):
        result = rng.choice(["合格", "限期改正"])
        c.text((110, y), f"{n}　{shop}　{place}　{result}", 30, "serif")
        y += 70
    c.text((110, y + 30), "查詢專線：(06)290-2580分機6224；市民熱線1999", 30, "serif")
    return c.img


def letter_header_address(rng: random.Random) -> Image.Image:
    """An official letter: the agency's address in its header, the officer's lines, 陳情 to
    1999, and the signer at the foot (whose name tied the address to the 陳情)."""
    c = _a4(rng)
    c.text((620, 110), "經濟部水利署　函", 56, "serif", anchor="mm")
    rows = [
        "地址：臺中市南屯區黎明路二段501號",
        "承辦人：周文彬技正",
        f"電話：(04)703-{rng.randint(1000, 9999)}分機{rng.randint(1000, 9999)}",
        "受文者：各河川分署",
        f"發文日期：中華民國114年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
        "密等及解密條件或保密期限：普通",
        "主旨：有關114年度工程採購稽核結果暨缺失改善一案，請查照。",
        "說明：",
        "一、聯絡窗口：本案請逕洽周文彬技正。",
        "二、民眾陳情請轉1999專線。",
    ]
    y = _rows(c, 110, 220, rows, 32, 36)
    c.text((700, y + 60), "主任　江思穎", 44, "serif")
    return c.img


def blank_register_application(rng: random.Random) -> Image.Image:
    """A blank application form for a household transcript: the labels, 年 月 日, empty boxes."""
    c = _a4(rng)
    c.text((620, 120), "戶籍謄本申請書", 60, "serif", anchor="mm")
    labels = ["申請人姓名", "身分證統一編號", "出生日期", "戶籍地址", "聯絡電話", "申請份數"]
    y = 260
    for label in labels:
        c.text((120, y), label, 36, "serif")
        c.draw.rectangle((520, y - 10, 1120, y + 50), outline=(60, 60, 60), width=2)
        if label == "出生日期":
            for k, unit in enumerate("年月日"):
                c.text((640 + k * 160, y), unit, 36, "serif")
        y += 110
    c.text((120, y + 40), "申請人簽章：", 36, "serif")
    c.text(
        (120, y + 140), "本表所蒐集之個人資料僅供本案使用，依個人資料保護法妥善保管。", 28, "serif"
    )
    return c.img


def shop_flyer(rng: random.Random) -> Image.Image:
    """A stationery shop's flyer: discounts, opening hours, its address and tax number, and the
    owner's mobile for enquiries (洽詢：柯小姐09xx)."""
    c = Canvas.new(1100, 1400, (255, 250, 235))
    c.text((550, 90), rng.choice(["大順文具行", "合利文具行"]), 64, "sans_bold", anchor="mm")
    rows = [
        "★公家機關可月結",
        "★統編收據現場開立　新春優惠",
        "★團購10份以上送1份　第二件半價",
        f"洽詢：柯小姐09{rng.randint(10, 89)}-{rng.randint(100, 999)}-{rng.randint(100, 999)}",
        "店址：臺中市南屯區三民路二段205號",
        "營業：週一至週六09:00-18:00",
        f"統一編號{rng.randint(10000000, 99999999)}",
    ]
    y = 220
    for row in rows:
        c.text((90, y), row, 42, "sans")
        y += 130
    return c.img


def specimen_stamp_spaced(rng: random.Random) -> Image.Image:
    """A specimen ID card whose stamp is printed with its characters far apart (樣　張), so the
    engine reads each character as a box of its own; the example number fails the checksum."""
    c = Canvas.new(1000, 630, (232, 240, 236))
    c.text((40, 30), "中華民國國民身分證", 52, "serif", (30, 60, 120))
    rows = [("姓名", "林美麗"), ("出生", "民國61年3月8日"), ("性別", "女")]
    rows.append(("住址", "臺北市大安區仁愛路一段111號"))
    y = 130
    for label, value in rows:
        c.text((40, y), label, 28, "sans", (60, 60, 60))
        c.text((40 + 28 * len(label) + 20, y - 4), value, 34, "sans")
        y += 90
    c.text((40, 520), "統一編號", 28, "sans", (60, 60, 60))
    c.text((180, 508), "A234567890", 48, "sans_bold", (160, 20, 20))
    c.text((820, 150), "樣", 110, "sans_bold", (220, 40, 40))
    c.text((820, 380), "張", 110, "sans_bold", (220, 40, 40))
    return c.img


# --------------------------------------------------------------------- leaks (flag)


def bid_price_sheet(rng: random.Random) -> Image.Image:
    """A 密 / 限閱 sheet with a tender's reserve price (底價) before the opening."""
    c = _a4(rng)
    _stamp(c, (980, 60), rng.choice(["密", "限閱"]), 70)
    c.text((620, 250), "底價核定表", 64, "serif", anchor="mm")
    rows = [
        f"採購案號：{rng.randint(113, 114)}A{rng.randint(100, 999)}",
        "採購案名：辦公大樓空調汰換工程",
        f"預算金額：新臺幣{rng.randint(500, 900)}萬元",
        f"底價：新臺幣{rng.randint(300, 499)},{rng.randint(100, 999)},000元整",
        f"開標日期：{rng.randint(113, 114)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
        "核定人：機關首長",
    ]
    _rows(c, 120, 380, rows, 40, 60)
    return c.img


def appraisal_list(rng: random.Random) -> Image.Image:
    """A year-end appraisal list (考績) with names, titles and grades."""
    c = _a4(rng)
    c.text((620, 110), f"{rng.randint(112, 113)}年度公務人員考績評定清冊", 50, "serif", anchor="mm")
    c.text((110, 220), "姓名　　職稱　　考績等次　　分數", 34, "serif")
    y = 300
    for _ in range(6):
        name = synth.person(rng)
        title = rng.choice(["科員", "專員", "科長", "技士", "辦事員"])
        grade, score = rng.choice([("甲等", 85), ("甲等", 82), ("乙等", 78), ("丙等", 65)])
        c.text((110, y), f"{name}　{title}　{grade}　{score}", 34, "serif")
        y += 80
    return c.img


def promotion_scores(rng: random.Random) -> Image.Image:
    """A promotion score sheet (陞遷評分表) ranking named candidates."""
    c = _a4(rng)
    c.text((620, 110), "科長職缺陞遷評分表", 52, "serif", anchor="mm")
    c.text((110, 220), "排序　姓名　　年資積分　考績積分　總分", 34, "serif")
    y = 300
    for k in range(1, 6):
        name = synth.person(rng)
        a, b = rng.randint(10, 30), rng.randint(20, 40)
        c.text((110, y), f"{k}　{name}　{a}　{b}　{a + b + 30}", 34, "serif")
        y += 80
    return c.img


def letter_naming_whistleblower(rng: random.Random) -> Image.Image:
    """A letter that tells the accused company who complained: a leak despite the letter frame."""
    c = _a4(rng)
    c.text((620, 120), "○○縣政府環境保護局　函", 56, "serif", anchor="mm")
    name = synth.person(rng)
    rows = [
        "受文者：大豐化工股份有限公司",
        f"發文日期：中華民國113年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
        "主旨：有關貴公司排放廢水遭檢舉一案，請說明。",
        "說明：",
        f"一、檢舉人{name}（電話{synth.mobile(rng)}）住於貴公司隔壁，",
        "　　於本月10日向本局檢舉。",
        "正本：大豐化工股份有限公司",
    ]
    _rows(c, 110, 260, rows, 32, 40)
    return c.img


def bidders_list(rng: random.Random) -> Image.Image:
    """The list of bidders for a tender before the opening (開標前)."""
    c = _a4(rng)
    c.text((620, 110), "投標廠商名單", 56, "serif", anchor="mm")
    rows = [
        "採購案名：市立圖書館資訊設備採購",
        f"開標日期：{rng.randint(113, 114)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日（尚未開標）",
        "一、宏達資訊股份有限公司",
        "二、大同系統科技有限公司",
        "三、聯合電腦有限公司",
        "四、東元數位股份有限公司",
        "共計四家廠商投標",
    ]
    _rows(c, 120, 240, rows, 38, 50)
    return c.img


# --------------------------------------------------------------------- photographing


def _photo(img: Image.Image, rng: random.Random, side: int, q: int, turn: int = 0) -> bytes:
    return synth.to_jpeg(synth.photograph(img, rng, side, turn=turn), q)


def _shot(img: Image.Image, q: int = 85) -> bytes:
    return synth.to_jpeg(img, q)


Maker = Callable[[random.Random], Image.Image]

# (name, maker, expect, how): how = "photo", "shot", or "sideways" (90° turn, JPEG quality 40)
PLAN: list[tuple[str, Maker, str, str]] = [
    ("specimen_id_card", specimen_id_card, "allow", "photo"),
    ("filled_example_form", filled_example_form, "allow", "photo"),
    ("public_notice_audit", public_notice_audit, "allow", "photo"),
    ("official_letter_whistleblower", official_letter_whistleblower, "allow", "shot"),
    ("letter_audit_plan_officials", letter_audit_plan_officials, "allow", "photo"),
    ("published_inspection_results", published_inspection_results, "allow", "shot"),
    ("menu_with_mobile", menu_with_mobile, "allow", "photo"),
    ("calendar_page", calendar_page, "allow", "shot"),
    ("train_ticket", train_ticket, "allow", "photo"),
    ("chat_about_rules", chat_about_rules, "allow", "shot"),
    ("bid_price_sheet_sideways", bid_price_sheet, "flag", "sideways"),
    ("appraisal_list", appraisal_list, "flag", "photo"),
    ("promotion_scores", promotion_scores, "flag", "shot"),
    ("bidders_list", bidders_list, "flag", "photo"),
    ("letter_naming_whistleblower", letter_naming_whistleblower, "flag", "shot"),
    ("chat_sender_asks_rules", chat_sender_asks_rules, "allow", "shot"),
    ("results_published_foi", results_published_foi, "allow", "photo"),
    ("letter_header_address", letter_header_address, "allow", "shot"),
    ("blank_register_application", blank_register_application, "allow", "sideways"),
    ("shop_flyer", shop_flyer, "allow", "photo"),
    ("specimen_stamp_spaced", specimen_stamp_spaced, "allow", "shot"),
]


def cases(seed: int = 9) -> list[tuple[str, bytes, str]]:
    if not synth.fonts_available():
        raise synth.FontsMissing("CJK fonts missing")
    rng = random.Random(seed)
    out = []
    for name, maker, expect, how in PLAN:
        img = maker(rng)
        if how == "photo":
            data = _photo(img, rng, 1600, 70)
        elif how == "sideways":
            data = _photo(img, rng, 1600, 40, turn=1)
        else:
            data = _shot(img)
        out.append((name, data, expect))
    return out
