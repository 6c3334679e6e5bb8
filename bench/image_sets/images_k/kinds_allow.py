"""Ordinary work images (expect = allow). Each kind returns (image, note)."""

from __future__ import annotations

import random

from PIL import Image, ImageDraw

from core import (AGENCIES, TITLES, UNITS, F, Page, address, company, landline, letterhead, masked_id, masked_name,
                  mobile, name, plate, roc_date, ubn)

ALLOW: list = []  # (doc, count, hard, styles, fn)


def kind(doc, n, hard, styles):
    def deco(fn):
        ALLOW.append((doc, n, hard, styles, fn))
        return fn
    return deco


PAPER = ["scan", "photo", "screenshot", "crop", "photo_rot90", "small", "rot", "photo_dark"]
SCREEN = ["screenshot", "screenshot", "monitor", "crop", "small"]


def ext(r):
    return "%s 分機%d" % (landline(r), r.randrange(100, 9000))


def email(r, dom="mail.gov.tw"):
    return "%s%d@%s" % (r.choice(["chen", "lin", "wang", "huang", "wu", "tsai", "yang", "hsu"]), r.randrange(10, 999), dom)


# -------------------------------------------------------------- 公文
@kind("official_letter", 7, True, PAPER)
def official_letter(r: random.Random):
    p = Page(1000, 1414)
    ag = r.choice(AGENCIES)
    y = letterhead(p, ag, "函")
    x = 560
    for s in ["地址：" + address(r)[:14], "承辦人：%s %s" % (name(r), r.choice(TITLES)), "電話：" + ext(r),
              "傳真：" + landline(r), "電子信箱：" + email(r)]:
        p.t(x, y, s, 18)
        y += 28
    y += 10
    p.t(60, y, "受文者：" + r.choice(AGENCIES), 24, bold=True)
    y += 46
    for s in ["發文日期：中華民國" + roc_date(r), "發文字號：%s字第%d號" % (r.choice(["環稽", "地籍", "府授", "政風", "勞動"]), r.randrange(1150000000, 1159999999)),
              "速別：普通件", "密等及解密條件或保密期限：", "附件：如文"]:
        p.t(60, y, s, 20)
        y += 32
    subj = r.choice([
        "函轉「公務機密維護宣導」資料1份，請加強同仁保密觀念，請查照。",
        "檢送本局115年度業務檢討會議紀錄1份，請查照。",
        "有關貴所函詢違章建築查報作業疑義一案，復如說明，請查照。",
        "本局訂於115年5月辦理「個人資料保護法」教育訓練，請轉知所屬踴躍報名。",
        "請貴單位於期限內更新本府採購稽核小組聯絡窗口資料，請查照。",
    ])
    y += 10
    y = p.wrap(60, y, "主旨：" + subj, 26, 880, serif=True)
    y += 10
    p.t(60, y, "說明：", 26, serif=True)
    y += 44
    body = [
        "依據%s%s函辦理。" % (r.choice(AGENCIES), roc_date(r)),
        "為落實公務機密維護，同仁對於拘票、搜索票、檢舉人資料及採購底價等應秘密事項，均不得以通訊軟體傳送。",
        "聯絡窗口：本局%s%s%s，電話%s。" % (r.choice(UNITS), name(r), r.choice(TITLES), ext(r)),
        "本案如有疑義，請逕洽承辦人。",
    ]
    for i, b in enumerate(body[: r.randrange(2, 5)]):
        y = p.wrap(90, y, "%s、%s" % ("一二三四"[i], b), 24, 840, serif=True)
    y += 30
    p.t(60, y, "正本：" + "、".join(r.sample(AGENCIES, 2)), 20)
    p.t(60, y + 32, "副本：本局" + r.choice(UNITS), 20)
    boss = name(r)
    p.t(560, y + 140, "局長  " + " ".join(boss), 44, bold=True, serif=True)
    if r.random() < 0.7:
        p.seal(820, y + 150, ag[:8] + "印"[: 1], r, 190)
    return p.im, "official letter (函) with agency header, case officer name, office phone and extension, chief's signature and seal"


@kind("public_notice", 7, True, PAPER)
def public_notice(r):
    p = Page(1000, 1300)
    ag = r.choice(AGENCIES)
    y = letterhead(p, ag, "公告")
    p.t(560, y, "發文日期：" + roc_date(r), 18)
    p.t(560, y + 28, "發文字號：府字第%d號" % r.randrange(1150000000, 1159999999), 18)
    y += 80
    subj = r.choice(["公告本市115年度公有零售市場攤位招租", "公告本局辦理違規廣告物稽查作業期間及檢舉方式",
                     "公告修正「公務機密維護作業要點」", "公告本府115年度志工招募", "公告本市道路挖掘施工管制事項"])
    y = p.wrap(60, y, "主旨：" + subj + "。", 28, 880, bold=True)
    y = p.wrap(60, y + 10, "依據：%s。" % r.choice(["行政程序法第150條", "公務員服務法", "本府組織自治條例", "廢棄物清理法第27條"]), 24, 880)
    p.t(60, y + 10, "公告事項：", 24)
    y += 56
    for i, s in enumerate([
        "受理期間：%s起至%s止。" % (roc_date(r), roc_date(r)),
        "洽詢窗口：%s %s%s，電話%s。" % (r.choice(UNITS), name(r), r.choice(TITLES), ext(r)),
        "民眾如發現違規情事，可撥打檢舉專線%s或以書面檢舉，檢舉人身分將予保密。" % landline(r),
        "相關表件請至本府網站下載。",
    ]):
        y = p.wrap(90, y, "%s、%s" % ("一二三四"[i], s), 24, 840)
    p.t(520, y + 90, "局長  " + name(r), 40, bold=True, serif=True)
    if r.random() < 0.5:
        p.stamp(780, y + 60, "已公告", r, 34)
    return p.im, "public notice (公告) with chief's name, contact officer and extension, report hotline"


@kind("hotline_poster", 6, True, PAPER + ["screenshot"])
def hotline_poster(r):
    W, H = 900, 1270
    bgc = r.choice([(230, 240, 255), (255, 245, 225), (235, 250, 235)])
    p = Page(W, H, bgc)
    ac = r.choice([(200, 40, 40), (20, 80, 160), (10, 120, 80)])
    p.d.rectangle([0, 0, W, 200], fill=ac)
    ttl = r.choice(["廉政檢舉專線", "反詐騙諮詢專線", "性騷擾申訴專線", "公務機密維護 人人有責", "1999 市民熱線"])
    p.c(50, ttl, 70, bold=True, fill=(255, 255, 255))
    y = 260
    for s in r.sample(["公務機密不外洩", "個資保護從我做起", "檢舉人身分絕對保密", "發現不法 勇於檢舉", "拒絕關說 拒絕請託"], 3):
        p.c(y, s, 44, bold=True, fill=ac)
        y += 80
    p.d.rounded_rectangle([120, y + 40, W - 120, y + 260], 30, fill=(255, 255, 255), outline=ac, width=5)
    p.c(y + 70, "專線電話", 36, fill=(60, 60, 60))
    p.c(y + 130, "0800-%03d-%03d" % (r.randrange(1000), r.randrange(1000)), 64, bold=True, fill=ac)
    y += 300
    p.c(y, "檢舉信箱：%s郵政%d號信箱" % (r.choice(["臺北", "臺中", "高雄"]), r.randrange(100, 9999)), 30)
    p.c(y + 50, "電子郵件：" + email(r), 30)
    p.qr(W - 260, H - 280, 200, r)
    p.t(60, H - 120, r.choice(AGENCIES) + " 關心您", 30, bold=True)
    return p.im, "campaign poster with a hotline number, PO box and e-mail for reports"


@kind("meeting_agenda", 6, False, PAPER + ["screenshot"])
def meeting_agenda(r):
    p = Page(1000, 1300)
    ag = r.choice(AGENCIES)
    p.c(60, ag, 36, bold=True)
    p.c(115, r.choice(["115年第%d次業務會報議程", "公務機密維護會報議程（第%d次）", "廉政會報第%d次會議議程"]).replace("%d", str(r.randrange(1, 5))), 32, bold=True)
    y = 190
    for s in ["時間：" + roc_date(r) + "（星期%s）上午%d時" % ("一二三四五"[r.randrange(5)], r.randrange(9, 11)),
              "地點：本局%d樓第%s會議室" % (r.randrange(2, 10), "一二三"[r.randrange(3)]),
              "主持人：%s局長" % name(r), "出席人員：各科室主管"]:
        p.t(80, y, s, 24)
        y += 44
    y += 20
    rows = [["序", "議程", "報告單位", "時間"]]
    items = ["主席致詞", "上次會議決議事項執行情形", "業務報告", "公務機密維護宣導：拘票、搜索票及檢舉人資料之保密", "採購案件辦理情形報告", "臨時動議", "散會"]
    for i, it in enumerate(items):
        rows.append([str(i + 1), it, r.choice(["秘書室", "政風室", "各科", "主席"]), "%d分鐘" % r.choice([5, 10, 15, 20])])
    p.table(60, y, [60, 560, 140, 120], rows, 20, rh=48)
    return p.im, "public meeting agenda with time, room, chairperson name and agenda items incl. a confidentiality briefing"


@kind("meeting_minutes", 6, True, PAPER)
def meeting_minutes(r):
    p = Page(1000, 1414)
    ag = r.choice(AGENCIES)
    p.c(50, ag + " 會議紀錄", 34, bold=True, serif=True)
    y = 120
    chair = name(r)
    for s in ["會議名稱：%s" % r.choice(["115年度第1次業務協調會", "公有建物修繕協調會", "資訊安全推動小組會議", "政風業務聯繫會報"]),
              "時間：" + roc_date(r) + " 下午2時", "地點：本局第二會議室",
              "主席：%s 副局長" % chair, "記錄：%s %s" % (name(r), r.choice(TITLES))]:
        p.t(60, y, s, 22)
        y += 38
    p.t(60, y, "出席人員：", 22, bold=True)
    y += 38
    att = ["%s%s%s" % (r.choice(UNITS), name(r), r.choice(TITLES)) for _ in range(r.randrange(5, 9))]
    y = p.wrap(80, y, "、".join(att), 20, 860)
    y += 14
    p.t(60, y, "決議事項：", 22, bold=True)
    y += 40
    for i, s in enumerate(r.sample([
        "請各科室於5月底前完成個人資料檔案清查，並落實身分證字號遮蔽作業。",
        "會議資料涉及底價者一律不得攜出會場，本次會議不涉及。",
        "公文如有密等，應依文書處理手冊辦理，不得拍照上傳通訊群組。",
        "下次會議訂於6月中旬召開，由秘書室另行通知。",
        "辦公室門禁卡遺失應即通報總務科補發。",
        "請資訊室協助檢視各系統帳號權限，離職人員帳號應即停用。"], 4)):
        y = p.wrap(80, y, "%d. %s" % (i + 1, s), 22, 850)
    p.t(560, y + 60, "主席：" + chair, 30, bold=True, serif=True)
    return p.im, "meeting minutes of an internal coordination meeting, attendees are officials with units and titles; decisions talk about data protection as rules"


@kind("duty_roster", 6, True, PAPER + ["screenshot"])
def duty_roster(r):
    p = Page(1100, 900)
    m = r.randrange(1, 13)
    p.c(40, "%s %d月份%s值班表" % (r.choice(AGENCIES), m, r.choice(["假日", "夜間", "防汛", "春節"])), 32, bold=True)
    rows = [["日期", "星期", "值班人員", "職稱", "聯絡電話（分機）", "備註"]]
    for d in range(1, 12):
        rows.append(["%d/%d" % (m, d * 2), "六日"[d % 2], name(r), r.choice(TITLES), "分機%d" % r.randrange(1000, 9999), r.choice(["", "", "代理", "防颱"])])
    y = p.table(40, 100, [110, 80, 200, 130, 260, 220], rows, 20, rh=52)
    p.t(40, y + 20, "值班專線：%s　值班手機（公務）：%s" % (landline(r), mobile(r)), 22)
    p.t(40, y + 60, "※ 如需調班，請於3日前填具調班單送人事室。", 20)
    return p.im, "monthly duty roster of agency staff with names, titles and office extensions plus the duty line"


@kind("org_chart", 6, True, SCREEN + ["scan", "photo"])
def org_chart(r):
    W, H = 1400, 900
    p = Page(W, H)
    ag = r.choice(AGENCIES)
    p.c(30, ag + " 組織架構圖", 36, bold=True)

    def box(cx, cy, a, b, col=(220, 235, 250)):
        w = 210
        p.d.rounded_rectangle([cx - w / 2, cy - 40, cx + w / 2, cy + 40], 10, fill=col, outline=(40, 60, 100), width=2)
        p.t(cx, cy - 30, a, 22, bold=True, anchor="ma")
        p.t(cx, cy + 4, b, 18, anchor="ma")

    box(W / 2, 140, "局長", name(r), (250, 225, 210))
    p.d.line([W / 2, 180, W / 2, 230], fill=(40, 40, 40), width=2)
    box(W / 2 - 250, 270, "副局長", name(r))
    box(W / 2 + 250, 270, "主任秘書", name(r))
    p.d.line([W / 2, 230, W / 2, 420], fill=(40, 40, 40), width=2)
    units = r.sample(UNITS, 6)
    xs = [130 + i * 228 for i in range(6)]
    p.d.line([xs[0], 420, xs[-1], 420], fill=(40, 40, 40), width=2)
    for x, u in zip(xs, units):
        p.d.line([x, 420, x, 460], fill=(40, 40, 40), width=2)
        box(x, 500, u, "科長 " + name(r))
        for k in range(2):
            p.t(x - 90, 570 + k * 34, "%s %s" % (r.choice(["股長", "專員", "技正"]), name(r)), 18)
    p.t(40, H - 50, "更新日期：" + roc_date(r) + "　總機 " + landline(r), 20)
    return p.im, "organisation chart naming the director, deputies and section chiefs"


@kind("seating_chart", 6, True, PAPER + ["screenshot"])
def seating_chart(r):
    W, H = 1300, 900
    p = Page(W, H)
    p.c(30, r.choice(["%s辦公室座位配置圖", "%s會議座次表", "%s研習座位表"]) % r.choice(UNITS), 34, bold=True)
    if r.random() < 0.5:
        p.d.rectangle([W / 2 - 200, 100, W / 2 + 200, 150], fill=(230, 230, 230), outline=(0, 0, 0))
        p.c(110, "講台 / 主席", 24)
    for row in range(4):
        for col in range(6):
            x, y = 80 + col * 195, 200 + row * 160
            p.d.rectangle([x, y, x + 170, y + 110], outline=(50, 50, 50), width=2, fill=(250, 250, 240))
            if r.random() < 0.9:
                p.t(x + 85, y + 18, name(r), 24, bold=True, anchor="ma")
                p.t(x + 85, y + 58, "#%d" % r.randrange(1000, 9999) if r.random() < 0.6 else r.choice(TITLES), 18, anchor="ma")
    p.t(60, H - 50, "門口 ↓　　影印機　　茶水間", 22)
    return p.im, "seating chart of an office or meeting with staff names and extension numbers per desk"


@kind("business_card", 6, True, ["photo", "photo", "scan", "crop", "photo_rot90", "rot"])
def business_card(r):
    W, H = 900, 520
    p = Page(W, H, r.choice([(255, 255, 255), (250, 248, 240), (240, 245, 250)]))
    ac = r.choice([(20, 70, 140), (150, 30, 40), (30, 100, 60)])
    p.d.rectangle([0, 0, 26, H], fill=ac)
    ag = r.choice(AGENCIES)
    p.t(70, 50, ag, 28, bold=True, fill=ac)
    p.t(70, 90, r.choice(UNITS), 22)
    n = name(r)
    p.t(70, 170, " ".join(n), 56, bold=True, serif=True)
    p.t(70 + p.tl(" ".join(n), 56, True, True) + 30, 200, r.choice(TITLES), 28)
    y = 300
    for s in ["TEL  " + ext(r), "FAX  " + landline(r), "Mobile  " + mobile(r), "E-mail  " + email(r), "地址  " + address(r)]:
        p.t(70, y, s, 22)
        y += 38
    if r.random() < 0.5:
        p.qr(W - 200, H - 200, 160, r)
    return p.im, "business card of an agency staff member with work phone, mobile and e-mail"


@kind("award_notice", 6, True, PAPER + ["screenshot"])
def award_notice(r):
    p = Page(1000, 1300, (255, 252, 240))
    p.d.rectangle([20, 20, 980, 1280], outline=(180, 140, 40), width=8)
    ag = r.choice(AGENCIES)
    p.c(70, ag, 32, bold=True)
    p.c(120, r.choice(["115年度模範公務人員當選名單", "績優志工表揚名單", "115年度廉政楷模獲獎名單", "創新提案競賽得獎公告"]), 38, bold=True, fill=(150, 30, 30))
    rows = [["獎項", "單位", "姓名", "職稱"]]
    for aw in ["特優", "優等", "優等", "甲等", "甲等", "佳作", "佳作", "佳作"]:
        rows.append([aw, r.choice(UNITS), name(r), r.choice(TITLES)])
    y = p.table(80, 220, [150, 280, 220, 190], rows, 24, rh=62)
    p.wrap(80, y + 40, "以上人員業經%s評審委員會議決議通過，特此公告，並於%s頒獎表揚。" % (roc_date(r), roc_date(r)), 24, 840)
    p.stamp(800, 1150, "公告", r, 40, "circle")
    return p.im, "published list of award winners with unit, name and title"


@kind("inspection_result", 6, True, PAPER + ["screenshot"])
def inspection_result(r):
    p = Page(1200, 1000)
    ag = r.choice(["新北市政府衛生局", "桃園市政府環境保護局", "臺中市政府勞動局", "高雄市政府消防局", "臺南市政府經濟發展局"])
    p.c(40, ag, 32, bold=True)
    p.c(90, r.choice(["115年度食品衛生稽查結果公布", "工廠廢水稽查結果公告", "勞動檢查違法事業單位公布", "公共場所消防安全檢查不合格名單"]), 34, bold=True)
    rows = [["編號", "業者名稱", "地址", "稽查日期", "違規事項", "處分"]]
    for i in range(9):
        rows.append([str(i + 1), company(r), address(r)[:13], "115/%d/%d" % (r.randrange(1, 6), r.randrange(1, 29)),
                     r.choice(["標示不符", "排放超標", "未依規定投保", "逃生通道阻塞", "衛生不良"]), "罰鍰%d萬元" % r.randrange(3, 60)])
    y = p.table(30, 170, [70, 280, 300, 140, 180, 170], rows, 18, rh=52)
    p.t(30, y + 20, "依%s規定公布。稽查科聯絡電話：%s" % (r.choice(["食品安全衛生管理法第52條", "水污染防治法第40條", "勞動基準法第80條之1"]), ext(r)), 20)
    p.t(30, y + 55, "公布日期：" + roc_date(r), 20)
    return p.im, "published inspection results naming companies, addresses, violations and fines"


def id_card_front(p: Page, r, nm, idn, sample=False, ox=0, oy=0, scale=1.0):
    """Front of a Taiwanese national ID card in the card's layout (drawn on p at offset)."""
    s = scale
    d = p.d
    d.rounded_rectangle([ox, oy, ox + 856 * s, oy + 540 * s], int(30 * s), fill=(214, 232, 226), outline=(120, 140, 140), width=2)
    for k in range(0, 856, 24):
        d.line([ox + k * s, oy + 110 * s, ox + (k + 60) * s, oy + 540 * s], fill=(200, 222, 215), width=1)
    p.t(ox + 428 * s, oy + 30 * s, "中華民國國民身分證", int(46 * s), bold=True, serif=True, anchor="ma", fill=(30, 60, 60))
    y0, by, lh, sz = oy + 120 * s, ox + 40 * s, 62 * s, int(28 * s)
    yb, mb, db = r.randrange(50, 92), r.randrange(1, 13), r.randrange(1, 29)
    rows = [("姓　　名", nm), ("出生年月日", "民國%d年%d月%d日" % (yb, mb, db)), ("性　　別", "男" if idn[1] == "1" else "女"),
            ("發證日期", "%d年%d月%d日(%s)%s" % (r.randrange(98, 114), r.randrange(1, 13), r.randrange(1, 29), r.choice(["北市", "桃市", "中市", "高市"]), r.choice(["換發", "補發", "初發"])))]
    for i, (k, v) in enumerate(rows):
        p.t(by, y0 + i * lh, k, int(22 * s), fill=(60, 80, 80))
        p.t(by + 170 * s, y0 + i * lh - 6 * s, v, sz + (int(10 * s) if i == 0 else 0), bold=i == 0)
    p.t(by, oy + 445 * s, "統一編號", int(22 * s), fill=(60, 80, 80))
    p.t(by + 170 * s, oy + 432 * s, idn, int(44 * s), bold=True, fill=(180, 30, 30))
    p.portrait(ox + 580 * s, oy + 120 * s, 230 * s, 290 * s, r)
    if sample:
        p.watermark("樣 本", r, int(150 * s), alpha=0.5, angle=20)


@kind("specimen_id", 6, True, ["screenshot", "scan", "photo", "crop", "small"])
def specimen_id(r):
    p = Page(1000, 700, (245, 245, 245))
    idn = "A123456789" if r.random() < 0.5 else None
    from core import nid
    id_card_front(p, r, r.choice(["王小明", "陳大文", "林美美"]), idn or nid(r), sample=True, ox=70, oy=60)
    p.t(70, 630, r.choice(["新式國民身分證樣張（僅供說明用）", "身分證件查驗教育訓練教材 - SPECIMEN", "範例圖片，非真實證件"]), 26, bold=True, fill=(180, 30, 30))
    return p.im, "national ID card specimen with a large 樣本 watermark and a caption saying it is a sample"


def blank_form_page(r, fill=None):
    p = Page(1000, 1400)
    ag = r.choice(AGENCIES)
    ttl = r.choice(["陳情案件申請書", "志工報名表", "閱卷申請書", "門禁卡申請單", "研習報名表", "低收入戶申請表"])
    p.c(60, ag, 30, bold=True)
    p.c(110, ttl, 40, bold=True, serif=True)
    fields = ["姓名", "身分證統一編號", "出生年月日", "性別", "戶籍地址", "通訊地址", "聯絡電話", "行動電話", "電子郵件", "申請事由"]
    vals = fill or {}
    pairs = [(f, vals.get(f, "")) for f in fields]
    y = p.kv(60, 200, pairs, 24, 240, 640, rh=68, hand=vals.get("_hand"))
    p.t(60, y + 30, "申請人簽章：________________　　日期：____年____月____日", 24)
    p.wrap(60, y + 90, "※ 本表所蒐集之個人資料，僅供本案處理之用，依個人資料保護法規定辦理。", 20, 880)
    return p, ttl


@kind("blank_form", 6, True, PAPER)
def blank_form(r):
    p, ttl = blank_form_page(r)
    return p.im, "blank application form with empty fields labelled name, ID number, address, phone"


@kind("fill_example", 6, True, PAPER)
def fill_example(r):
    from core import nid
    vals = {"姓名": "王小明", "身分證統一編號": r.choice(["A123456789", nid(r)]), "出生年月日": "民國80年1月1日", "性別": "男",
            "戶籍地址": "○○市○○區○○路1號", "通訊地址": "同戶籍地址", "聯絡電話": "(02)2xxx-xxxx", "行動電話": "0912-345-678",
            "電子郵件": "example@mail.com", "申請事由": "範例", "_hand": r}
    p, ttl = blank_form_page(r, vals)
    p.watermark(r.choice(["填寫範例", "範 例", "SAMPLE"]), r, 150, alpha=0.45)
    p.stamp(820, 90, "填寫範例", r, 36)
    return p.im, "form filled in as a worked example (填寫範例 watermark, placeholder values like 王小明)"


@kind("masked_list", 7, True, PAPER + ["screenshot"])
def masked_list(r):
    p = Page(1200, 1100)
    p.c(40, r.choice(["115年度社會住宅抽籤結果（中籤名單）", "研習合格人員名單", "補助款核定名單", "獎學金錄取名單", "志工服務時數認證名單"]), 32, bold=True)
    rows = [["序號", "姓名", "身分證字號", "電話", "結果"]]
    for i in range(14):
        rows.append([str(i + 1), masked_name(r), masked_id(r), "09**-***-%03d" % r.randrange(1000), r.choice(["合格", "核定", "中籤", "備取%d" % (i + 1)])])
    y = p.table(60, 110, [90, 200, 300, 260, 220], rows, 22, rh=50)
    p.t(60, y + 20, "※ 依個人資料保護法，姓名及身分證字號已部分遮蔽。", 22)
    return p.im, "published result list with names and ID numbers masked (王○明, A12****789)"


@kind("drink_order", 6, True, ["screenshot", "photo", "crop", "small"])
def drink_order(r):
    shop = r.choice(["清心", "茶湯會", "五十嵐", "可不可", "大苑子", "迷客夏"]) + r.choice(["中山店", "府前店", "站前店"])
    if r.random() < 0.5:
        p = Page(900, 1300, (255, 253, 245))
        p.c(30, shop + " 菜單", 40, bold=True)
        p.c(85, "訂購專線 " + landline(r) + "　外送滿 %d 杯" % r.choice([10, 15, 20]), 24)
        y = 150
        for cat in ["原味茶", "奶茶", "鮮奶", "果汁"]:
            p.t(50, y, cat, 30, bold=True, fill=(160, 60, 20))
            y += 50
            for it in r.sample(["紅茶", "綠茶", "烏龍", "青茶", "珍珠奶茶", "仙草凍奶茶", "鮮奶茶", "檸檬綠", "百香綠", "冬瓜茶"], 4):
                p.t(80, y, it, 24)
                p.t(600, y, "M %d　L %d" % (r.randrange(25, 50), r.randrange(40, 70)), 24)
                y += 40
        return p.im, "drink shop menu with prices and the shop's order phone"
    p = Page(1000, 1200)
    p.c(30, "%s 飲料團購（%s）" % (r.choice(UNITS), roc_date(r)), 32, bold=True)
    p.t(40, 90, "店家：%s　電話：%s" % (shop, landline(r)), 24)
    rows = [["姓名", "品項", "甜度", "冰塊", "金額"]]
    tot = 0
    for _ in range(15):
        pr = r.randrange(35, 70)
        tot += pr
        rows.append([name(r), r.choice(["珍奶", "紅茶拿鐵", "四季春", "多多綠", "鮮奶茶"]), r.choice(["無糖", "微糖", "半糖"]), r.choice(["去冰", "少冰", "正常"]), str(pr)])
    y = p.table(40, 140, [200, 280, 150, 150, 120], rows, 22, rh=52)
    p.t(40, y + 20, "合計 %d 元，請於中午前把錢交給總務 %s" % (tot, name(r)), 24)
    return p.im, "office drink group-order list: colleagues' names, drinks, prices and the shop's phone"


@kind("receipt_einvoice", 6, True, ["photo", "scan", "crop", "photo_rot90", "small"])
def receipt_einvoice(r):
    W, H = 520, 1000
    p = Page(W, H, (252, 252, 250))
    p.c(30, r.choice(["全家便利商店", "統一超商", "好市多", "全聯福利中心", "文具行"]), 30, bold=True)
    p.c(80, "電子發票證明聯", 34, bold=True)
    p.c(130, "115年%02d-%02d月" % (r.randrange(1, 12, 2), r.randrange(2, 13, 2)), 34, bold=True)
    p.c(185, "%s%s-%08d" % (chr(65 + r.randrange(26)), chr(65 + r.randrange(26)), r.randrange(10**8)), 38, bold=True)
    p.t(40, 245, "2026-%02d-%02d %02d:%02d:%02d" % (r.randrange(1, 13), r.randrange(1, 29), r.randrange(24), r.randrange(60), r.randrange(60)), 20)
    p.t(40, 275, "隨機碼 %04d　　總計 %d" % (r.randrange(10000), r.randrange(30, 3000)), 20)
    p.t(40, 305, "賣方 %s　買方 %s" % (ubn(r), ubn(r) if r.random() < 0.6 else ""), 20)
    p.barcode(40, 340, 440, 60, r)
    p.qr(40, 420, 200, r)
    p.qr(280, 420, 200, r)
    y = 650
    for it in r.sample(["影印紙A4 5包", "原子筆 1盒", "便當 12個", "礦泉水 2箱", "碳粉匣 1個", "資料夾 20個"], 3):
        p.t(40, y, it, 20)
        p.t(380, y, "$%d" % r.randrange(50, 1500), 20)
        y += 34
    p.t(40, y + 20, "退貨憑電子發票證明聯辦理", 18)
    return p.im, "e-invoice (電子發票證明聯) with invoice number, random code, seller/buyer business numbers, barcode and QR codes"


@kind("calendar", 5, False, ["screenshot", "photo", "small", "crop"])
def calendar(r):
    W, H = 1200, 950
    p = Page(W, H)
    m = r.randrange(1, 13)
    p.c(25, "2026年 %d月　%s行事曆" % (m, r.choice(UNITS)), 36, bold=True)
    for i, w in enumerate("日一二三四五六"):
        p.t(60 + i * 160 + 80, 100, w, 24, bold=True, anchor="ma")
    ev = ["業務會報", "消防演練", "教育訓練", "主管會議", "資安稽核", "國定假日", "補班", "環境清潔日", "廉政講座"]
    day = 1
    start = r.randrange(7)
    for wk in range(6):
        for dw in range(7):
            x, y = 60 + dw * 160, 140 + wk * 130
            p.d.rectangle([x, y, x + 160, y + 130], outline=(150, 150, 150))
            if (wk > 0 or dw >= start) and day <= 30:
                p.t(x + 8, y + 6, str(day), 22, fill=(200, 30, 30) if dw in (0, 6) else (30, 30, 30))
                if r.random() < 0.3:
                    p.d.rectangle([x + 6, y + 50, x + 154, y + 80], fill=r.choice([(200, 230, 255), (255, 230, 200), (220, 255, 220)]))
                    p.t(x + 10, y + 53, r.choice(ev), 18)
                day += 1
    return p.im, "monthly office calendar with routine events"


@kind("event_ticket", 5, True, ["photo", "screenshot", "crop", "photo_rot90"])
def event_ticket(r):
    W, H = 1200, 480
    p = Page(W, H, r.choice([(250, 240, 220), (225, 240, 250)]))
    ac = r.choice([(20, 60, 120), (130, 30, 60), (20, 100, 90)])
    p.d.rectangle([0, 0, W, 80], fill=ac)
    if r.random() < 0.5:
        p.t(30, 18, "BOARDING PASS 登機證　研習營", 34, bold=True, fill=(255, 255, 255))
        p.t(40, 110, "FLIGHT 研習號 GOV%03d" % r.randrange(1000), 30, bold=True)
        p.t(40, 170, "FROM 臺北 TPE  →  TO 花蓮 HUN（戶外教學）", 28)
        p.t(40, 230, "GATE %s%d　SEAT %d%s　BOARDING 08:%02d" % ("ABC"[r.randrange(3)], r.randrange(1, 9), r.randrange(1, 40), "ABCDEF"[r.randrange(6)], r.randrange(60)), 28)
        p.t(40, 300, "這是%s員工旅遊的趣味登機證，請保留作為集合憑證" % r.choice(AGENCIES), 20)
    else:
        p.t(30, 18, r.choice(["2026 公務人員音樂會", "國家音樂廳 入場券", "市府運動會 入場證", "廉政影展 觀影券"]), 34, bold=True, fill=(255, 255, 255))
        p.t(40, 120, "日期 2026/%02d/%02d 19:30" % (r.randrange(1, 13), r.randrange(1, 29)), 30)
        p.t(40, 180, "座位 %s區 %d排 %d號" % ("ABCD"[r.randrange(4)], r.randrange(1, 30), r.randrange(1, 40)), 30, bold=True)
        p.t(40, 240, "票價 NT$%d　票號 %010d" % (r.choice([0, 300, 500, 800]), r.randrange(10**10)), 26)
    p.barcode(40, 360, 600, 80, r)
    p.d.line([860, 80, 860, H], fill=(120, 120, 120), width=3)
    p.qr(900, 130, 260, r)
    return p.im, "event ticket / fun boarding-pass style pass with seat, ticket number, barcode and QR, no holder name"


@kind("parking_notice", 6, True, PAPER)
def parking_notice(r):
    p = Page(1000, 1200)
    p.c(50, r.choice(AGENCIES), 30, bold=True)
    p.c(100, r.choice(["公務車輛停車位配置表", "地下停車場公務車停放通知", "停車場施工期間車位調整公告"]), 36, bold=True)
    rows = [["車位", "車號", "車型", "使用單位", "保管人"]]
    for i in range(12):
        rows.append(["B%d-%02d" % (r.randrange(1, 3), i + 1), plate(r), r.choice(["TOYOTA ALTIS", "公務小貨車", "九人座", "機車"]), r.choice(UNITS), name(r)])
    y = p.table(50, 180, [110, 180, 220, 220, 180], rows, 22, rh=54)
    p.wrap(50, y + 30, "※ 施工期間（%s至%s）請改停平面停車場，如有疑問請洽總務科%s。" % (roc_date(r), roc_date(r), ext(r)), 22, 880)
    return p.im, "parking allocation notice listing agency vehicle plates, units and custodians"


@kind("maintenance_notice", 6, False, SCREEN + ["photo"])
def maintenance_notice(r):
    W, H = 1280, 800
    p = Page(W, H, (245, 247, 250))
    p.d.rectangle([0, 0, W, 70], fill=(30, 60, 110))
    sysn = r.choice(["公文電子交換系統", "差勤管理系統", "人事服務網", "戶役政資訊系統", "電子採購網", "個人資料查詢系統"])
    p.t(30, 18, sysn, 30, bold=True, fill=(255, 255, 255))
    p.d.rounded_rectangle([140, 130, W - 140, H - 100], 20, fill=(255, 255, 255), outline=(200, 200, 200), width=2)
    p.c(170, "系統維護公告", 44, bold=True, fill=(200, 80, 0))
    y = 260
    for s in ["維護時間：%s 晚上22:00 至 翌日06:00" % roc_date(r),
              "影響範圍：%s全部功能暫停服務" % sysn,
              "主機：%s-AP%02d（10.%d.%d.%d）" % (r.choice(["DOC", "HR", "PUR"]), r.randrange(1, 20), r.randrange(256), r.randrange(256), r.randrange(256)),
              "維護期間如有緊急需求，請洽資訊室 %s" % ext(r), "造成不便，敬請見諒。"]:
        p.t(200, y, s, 28)
        y += 60
    return p.im, "system maintenance notice with system name, window, host name and IT contact extension"


# -------------------------------------------------------------- LINE chat
LINE_BG = [(140, 171, 217), (158, 189, 222), (200, 210, 200), (230, 230, 235)]


def line_chat(r, msgs, group=None):
    """msgs: list of (speaker or None for me, text or Image)."""
    W = 750
    H = 1334
    p = Page(W, H, r.choice(LINE_BG))
    p.d.rectangle([0, 0, W, 120], fill=(35, 40, 50))
    p.t(30, 20, "%02d:%02d" % (r.randrange(7, 22), r.randrange(60)), 22, fill=(255, 255, 255))
    grp = group or r.choice(["%s工作群組" % r.choice(UNITS), "%s同仁" % r.choice(UNITS), "業務聯繫", "稽查小組聯繫群"])
    p.t(W / 2, 62, "%s (%d)" % (grp, r.randrange(5, 40)), 28, bold=True, fill=(255, 255, 255), anchor="ma")
    y = 150
    for sp, msg in msgs:
        me = sp is None
        if isinstance(msg, Image.Image):
            bw, bh = msg.size
            x = W - 40 - bw if me else 110
            if not me:
                p.d.ellipse([20, y, 90, y + 70], fill=r.choice([(240, 180, 120), (150, 200, 240), (200, 160, 220)]))
                p.t(110, y, sp, 20, fill=(60, 60, 60))
                y += 30
            p.im.paste(msg, (int(x), int(y)))
            y += bh + 30
            continue
        f = F(26)
        lines, cur = [], ""
        for ch in msg:
            if ch == "\n" or p.d.textlength(cur + ch, font=f) > 440:
                lines.append(cur)
                cur = "" if ch == "\n" else ch
            else:
                cur += ch
        lines.append(cur)
        bw = max(p.d.textlength(s, font=f) for s in lines) + 40
        bh = len(lines) * 38 + 24
        if me:
            x = W - 30 - bw
            col = (133, 226, 120)
        else:
            p.d.ellipse([20, y, 90, y + 70], fill=r.choice([(240, 180, 120), (150, 200, 240), (200, 160, 220), (180, 220, 160)]))
            p.t(110, y, sp, 20, fill=(60, 60, 60))
            y += 30
            x = 110
            col = (255, 255, 255)
        p.d.rounded_rectangle([x, y, x + bw, y + bh], 22, fill=col)
        for i, s in enumerate(lines):
            p.t(x + 20, y + 12 + i * 38, s, 26)
        tx = x - 70 if me else x + bw + 8
        p.t(tx, y + bh - 22, "%s%d:%02d" % ("已讀\n" if me and r.random() < 0.5 else "", r.randrange(8, 18), r.randrange(60)), 16, fill=(80, 80, 80))
        y += bh + 26
        if y > H - 140:
            break
    p.d.rectangle([0, H - 100, W, H], fill=(250, 250, 250))
    p.d.rounded_rectangle([110, H - 80, W - 110, H - 25], 25, fill=(235, 235, 235))
    return p.im


def staff(r):
    return name(r)[1:] + r.choice(["", "", "科長", "股長", " (總務)"])


@kind("line_logistics", 7, True, ["screenshot", "screenshot", "crop", "small", "monitor"])
def line_logistics(r):
    a, b, c = staff(r), staff(r), staff(r)
    pool = [
        (a, "明天的%s改到%d樓第二會議室，%d點開始" % (r.choice(["業務會報", "教育訓練", "協調會"]), r.randrange(3, 10), r.randrange(9, 16))),
        (None, "收到，投影機我先借好"),
        (b, "便當訂了%d個，%s的電話 %s，中午送到一樓" % (r.randrange(8, 30), r.choice(["池上便當", "悟饕", "八方雲集"]), landline(r))),
        (c, "公務車 %s 下午我要用，鑰匙在總務櫃台" % plate(r)),
        (a, "出差的同仁記得今天內把差旅費單據交給 %s" % name(r)[1:]),
        (None, "好的 👍"),
        (b, "會議室門禁密碼已改，請找總務拿新的卡"),
        (c, "%s廠商的聯絡窗口：%s 經理 %s（公司代表號）" % (company(r), name(r), landline(r))),
        (a, "記得帶識別證，今天有門禁檢查"),
        (b, "下週三%s來局裡稽查，請各科把文件整理好（已公告的行程）" % r.choice(["審計部", "上級機關", "消防局"])),
    ]
    return line_chat(r, r.sample(pool, r.randrange(5, 8))), "LINE group screenshot about meeting rooms, lunch boxes, agency car use, with shop/company phone numbers"


@kind("line_rules", 7, True, ["screenshot", "screenshot", "crop", "small"])
def line_rules(r):
    a, b = staff(r), staff(r)
    pool = [
        (a, "提醒大家：民眾的身分證照片不要傳到群組，請走公文系統"),
        (b, "政風室說拘票、搜索票一律不能拍照轉傳，連打馬賽克也不行"),
        (None, "了解，那檢舉人資料呢？"),
        (a, "檢舉人的姓名、電話都要保密，只能在案件系統看"),
        (b, "標案底價在開標前是密件，誰問都不能講"),
        (None, "收到，我把之前的截圖刪了"),
        (a, "查詢戶役政要有公務用途，不能幫朋友查地址"),
        (b, "以上是今天晨會的重點，大家互相提醒 🙏"),
        (a, "個資外洩的案例可以參考移民署的防貪指引"),
        (None, "請問稽查計畫可以傳嗎？"),
        (a, "不行，稽查時間地點是密，當面交代"),
    ]
    return line_chat(r, r.sample(pool, r.randrange(5, 8))), "LINE group screenshot where staff remind each other of the rules (ID photos, warrants, whistleblowers, reserve price) without any real data"


@kind("training_slide", 7, True, ["screenshot", "monitor", "photo", "small", "crop"])
def training_slide(r):
    W, H = 1600, 900
    p = Page(W, H, (255, 255, 255))
    ac = r.choice([(0, 90, 160), (170, 40, 40), (20, 110, 80), (90, 50, 140)])
    p.d.rectangle([0, 0, W, 130], fill=ac)
    ttl, pts = r.choice([
        ("公務機密維護：哪些不能傳？", ["拘票、搜索票、押票：偵查中文書，不得轉傳", "檢舉人姓名、電話、住址：應絕對保密", "採購底價、投標廠商名單：開標前屬密", "民眾身分證字號、病歷、存摺：屬個人資料"]),
        ("案例分享：LINE 群組誤傳", ["稽查計畫誤傳至錯誤群組 → 刑法第132條", "確診個案足跡轉傳家人 → 傳染病防治法", "為友人查詢入出境紀錄 → 個資法第41條", "建議：機敏資料不用通訊軟體傳遞"]),
        ("個人資料保護法重點", ["第2條：個人資料之定義（姓名、身分證字號、病歷…）", "第15條：公務機關蒐集之要件", "第16條：特定目的外利用", "遮蔽原則：王○明、A12****789"]),
        ("資訊安全：社交工程演練", ["不明連結不點選", "帳號密碼不外借", "離開座位鎖定螢幕", "印表機文件即時取走（列印後勿遺留）"]),
    ])
    p.t(60, 35, ttl, 56, bold=True, fill=(255, 255, 255))
    y = 200
    for s in pts:
        p.d.ellipse([70, y + 16, 90, y + 36], fill=ac)
        p.t(120, y, s, 42)
        y += 110
    p.t(60, H - 60, "%s 政風室　教育訓練簡報　第 %d 頁" % (r.choice(AGENCIES), r.randrange(3, 40)), 22, fill=(120, 120, 120))
    return p.im, "training slide on confidentiality that names kinds of sensitive data (warrants, whistleblowers, reserve price, ID numbers) as concepts"


@kind("stats_chart", 5, False, ["screenshot", "photo", "small", "monitor"])
def stats_chart(r):
    W, H = 1300, 850
    p = Page(W, H)
    p.c(25, r.choice(["115年各月陳情案件受理件數", "違規案件處理統計", "資安事件通報數", "民眾滿意度調查結果"]), 36, bold=True)
    x0, y0, x1, y1 = 120, 120, W - 60, H - 110
    p.d.line([x0, y1, x1, y1], fill=(0, 0, 0), width=2)
    p.d.line([x0, y0, x0, y1], fill=(0, 0, 0), width=2)
    n = 12
    vals = [r.randrange(20, 300) for _ in range(n)]
    mx = max(vals)
    bw = (x1 - x0) / n
    for i, v in enumerate(vals):
        h = (y1 - y0 - 30) * v / mx
        p.d.rectangle([x0 + i * bw + 12, y1 - h, x0 + (i + 1) * bw - 12, y1], fill=r.choice([(70, 130, 200), (230, 120, 60)]))
        p.t(x0 + i * bw + bw / 2, y1 - h - 28, str(v), 18, anchor="ma")
        p.t(x0 + i * bw + bw / 2, y1 + 10, "%d月" % (i + 1), 20, anchor="ma")
    p.t(30, H - 50, "資料來源：%s　單位：件" % r.choice(AGENCIES), 20)
    return p.im, "bar chart of monthly case counts"


@kind("map", 5, False, ["screenshot", "photo", "small"])
def map_img(r):
    W, H = 1200, 900
    p = Page(W, H, (240, 236, 226))
    for _ in range(14):
        if r.random() < 0.5:
            y = r.randrange(H)
            p.d.line([0, y, W, y + r.randrange(-80, 80)], fill=(255, 255, 255), width=r.choice([10, 16, 24]))
        else:
            x = r.randrange(W)
            p.d.line([x, 0, x + r.randrange(-80, 80), H], fill=(255, 255, 255), width=r.choice([10, 16, 24]))
    for _ in range(6):
        x, y = r.randrange(W - 200), r.randrange(H - 150)
        p.d.rectangle([x, y, x + r.randrange(80, 200), y + r.randrange(60, 150)], fill=r.choice([(200, 230, 190), (210, 210, 225)]))
    for _ in range(5):
        p.t(r.randrange(40, W - 200), r.randrange(40, H - 40), r.choice(ROADS_L), 22, fill=(90, 90, 90))
    x, y = r.randrange(200, W - 300), r.randrange(200, H - 200)
    p.d.ellipse([x - 18, y - 18, x + 18, y + 18], fill=(220, 40, 40))
    p.d.rounded_rectangle([x + 25, y - 30, x + 330, y + 30], 8, fill=(255, 255, 255), outline=(100, 100, 100))
    p.t(x + 35, y - 18, r.choice(["研習會場", "%s（本局）" % r.choice(AGENCIES)[:6], "集合地點", "臨時停車場"]), 24, bold=True)
    p.t(30, H - 50, "交通方式：捷運站2號出口步行5分鐘", 22)
    return p.im, "street map with a pin marking the venue / agency"


ROADS_L = ["中山路", "民生路", "復興路", "中正路", "建國路", "光復路", "成功路", "文化路"]


@kind("price_list", 5, False, PAPER)
def price_list(r):
    p = Page(1000, 1200)
    p.c(40, r.choice(["影印及閱卷規費收費標準", "場地租借收費表", "停車收費標準", "證明文件規費一覽表"]), 36, bold=True)
    rows = [["項目", "單位", "收費（元）", "備註"]]
    for it in r.sample(["A4影印", "A3影印", "光碟燒錄", "會議室（半日）", "禮堂（全日）", "謄本（每張）", "小型車（每小時）", "機車（每次）", "英文證明"], 7):
        rows.append([it, r.choice(["張", "片", "場", "次", "小時"]), str(r.choice([2, 5, 20, 50, 500, 3000, 30])), r.choice(["", "含稅", "假日加收"])])
    y = p.table(60, 130, [300, 120, 180, 280], rows, 24, rh=60)
    p.t(60, y + 30, "依規費法第10條訂定　%s起實施" % roc_date(r), 22)
    return p.im, "fee schedule / price list"


@kind("asset_tag", 6, True, ["photo", "photo", "crop", "photo_rot90", "photo_dark"])
def asset_tag(r):
    W, H = 900, 480
    p = Page(W, H, (200, 200, 205))
    p.d.rounded_rectangle([30, 30, W - 30, H - 30], 12, fill=(235, 236, 238), outline=(120, 120, 120), width=3)
    ag = r.choice(AGENCIES)
    p.t(60, 55, ag + " 財產標籤", 28, bold=True)
    for i, s in enumerate(["財產編號：%d-%02d-%02d-%04d" % (r.randrange(3010000, 3149999), r.randrange(1, 99), r.randrange(1, 99), r.randrange(10000)),
                           "名稱：%s" % r.choice(["筆記型電腦", "雷射印表機", "碎紙機", "投影機", "伺服器", "公務手機"]),
                           "S/N：%s%d" % (r.choice(["5CD", "CN0", "JPB", "SGH"]), r.randrange(10**8, 10**9)),
                           "取得日期：%s　保管人：%s" % (roc_date(r, r.randrange(108, 115)), name(r)),
                           "使用單位：%s" % r.choice(UNITS)]):
        p.t(60, 110 + i * 48, s, 24)
    p.barcode(560, 340, 290, 70, r)
    return p.im, "property/asset tag with property number, serial number, custodian name and barcode"


@kind("vehicle_sticker", 5, True, ["scene", "scene", "crop", "scene_dark"])
def vehicle_sticker(r):
    W, H = 1000, 700
    p = Page(W, H, (90, 110, 130))
    p.d.rectangle([0, 0, W, H], fill=(110, 130, 150))
    p.d.rounded_rectangle([150, 120, 650, 520], 20, fill=(250, 250, 255), outline=(40, 40, 40), width=3)
    p.t(400, 140, "公務車輛", 40, bold=True, anchor="ma", fill=(160, 20, 20))
    p.t(400, 210, "定期檢驗合格", 32, bold=True, anchor="ma")
    p.t(400, 270, plate(r), 56, bold=True, anchor="ma")
    p.t(400, 360, "下次檢驗 %d/%02d" % (r.randrange(2026, 2028), r.randrange(1, 13)), 28, anchor="ma")
    p.t(400, 420, r.choice(AGENCIES), 24, anchor="ma")
    p.qr(700, 200, 220, r)
    p.t(700, 440, "里程 %d km" % r.randrange(10000, 200000), 24, fill=(255, 255, 255))
    return p.im, "vehicle inspection sticker on an agency car window with plate and next inspection date"


@kind("qr_poster", 5, False, PAPER + ["screenshot"])
def qr_poster(r):
    W, H = 900, 1270
    p = Page(W, H, r.choice([(255, 250, 230), (235, 245, 255)]))
    p.c(70, r.choice(["掃描 QR Code 填寫滿意度問卷", "線上報名 研習課程", "加入本局 LINE 官方帳號", "Wi-Fi 訪客網路"]), 44, bold=True)
    p.qr(200, 220, 500, r)
    p.c(780, r.choice(["帳號：GOV-Guest　密碼：每日更換請洽櫃台", "報名期限：" + roc_date(r), "LINE ID：@gov%d" % r.randrange(100, 999)]), 30)
    p.c(850, "服務電話：" + ext(r), 30)
    p.c(1150, r.choice(AGENCIES), 32, bold=True)
    return p.im, "poster with a large QR code, a service phone and agency name"


@kind("visitor_pass", 6, True, ["photo", "photo", "crop", "scan", "photo_rot90"])
def visitor_pass(r):
    W, H = 640, 1000
    p = Page(W, H, (255, 255, 255))
    ac = r.choice([(0, 100, 170), (200, 90, 0), (20, 130, 70)])
    p.d.rectangle([0, 0, W, 200], fill=ac)
    ag = r.choice(AGENCIES)
    p.c(40, ag[:10], 32, bold=True, fill=(255, 255, 255))
    kindn = r.choice(["訪客證", "臨時識別證", "圖書借閱證", "施工人員通行證"])
    p.c(110, kindn, 56, bold=True, fill=(255, 255, 255))
    p.c(300, "VISITOR" if kindn == "訪客證" else "PASS", 80, bold=True, fill=ac)
    p.c(450, "No. %s%04d" % (r.choice(["V", "T", "L", "C"]), r.randrange(10000)), 52, bold=True)
    p.c(560, "有效期限：當日有效" if kindn != "圖書借閱證" else "有效期限：2027/12/31", 28)
    p.c(620, "請配戴於明顯處，離開時歸還%s" % ("一樓服務台" if kindn != "圖書借閱證" else "本館"), 24)
    p.barcode(120, 720, 400, 100, r)
    p.d.ellipse([W / 2 - 30, 900, W / 2 + 30, 960], outline=(120, 120, 120), width=4)
    return p.im, "visitor / library pass of the agency with pass number and barcode, no holder identity"


def whiteboard_base(r):
    W, H = 1400, 900
    p = Page(W, H, (110, 100, 90))
    p.d.rectangle([60, 60, W - 60, H - 80], fill=(246, 247, 244), outline=(170, 170, 170), width=12)
    p.d.rectangle([60, H - 90, W - 60, H - 60], fill=(150, 150, 150))
    return p


@kind("whiteboard", 6, True, ["scene", "scene", "scene_dark", "crop", "scene_rot90"])
def whiteboard(r):
    p = whiteboard_base(r)
    lines = r.sample([
        "本週行程", "週一 業務會報 9:30 (3F)", "週二 %s 出差" % name(r)[1:], "週三 消防演練 14:00", "週四 %s 外訓" % name(r)[1:],
        "週五 資安教育訓練", "公文逾期 → 請儘速結案!!", "便當錢找%s" % name(r)[1:], "印表機卡紙 已報修 分機%d" % r.randrange(1000, 9999),
        "個資不上群組！", "TODO: 年度預算表 5/20前"], 7)
    y = 100
    for s in lines:
        p.hand(110, y, s, r.randrange(34, 46), r, fill=r.choice([(20, 20, 140), (20, 20, 20), (170, 20, 20), (20, 110, 40)]))
        y += 95
    return p.im, "office whiteboard with handwritten weekly schedule, colleagues' leave and reminders"


@kind("closure_notice", 4, False, ["screenshot", "small", "crop"])
def closure_notice(r):
    W, H = 1080, 1080
    p = Page(W, H, (255, 240, 220))
    p.d.rectangle([0, 0, W, 180], fill=(210, 60, 30))
    p.c(50, "颱風停班停課公告", 64, bold=True, fill=(255, 255, 255))
    p.c(260, "%s 明日（%d/%d）" % (r.choice(["臺北市", "新北市", "桃園市", "高雄市"]), r.randrange(7, 10), r.randrange(1, 29)), 50, bold=True)
    p.c(360, "停止上班、停止上課", 70, bold=True, fill=(200, 30, 30))
    p.c(520, "請同仁注意安全，防颱應變小組持續值勤", 34)
    p.c(600, "最新資訊請見人事行政總處網站", 30)
    p.c(980, "%s 關心您" % r.choice(AGENCIES), 32)
    return p.im, "typhoon day-off announcement graphic"


@kind("procurement_award", 6, True, PAPER + ["screenshot"])
def procurement_award(r):
    p = Page(1100, 1200)
    p.c(40, "政府電子採購網　決標公告", 36, bold=True)
    rows = [["欄位", "內容"], ["機關名稱", r.choice(AGENCIES)], ["標案案號", "%d%s%03d" % (r.randrange(114, 116), r.choice(["A", "B", "L"]), r.randrange(1000))],
            ["標案名稱", r.choice(["辦公廳舍整修工程", "資訊設備租賃", "清潔勞務委外", "道路改善工程", "監視系統建置"])],
            ["招標方式", "公開招標"], ["決標方式", r.choice(["最低標", "最有利標"])], ["開標時間", roc_date(r) + " 10:00"],
            ["投標廠商家數", str(r.randrange(2, 8))]]
    budget = r.randrange(100, 5000) * 10000
    rows += [["預算金額", "%s元" % format(budget, ",")], ["底價金額", "%s元" % format(int(budget * r.uniform(0.85, 0.97)), ",")],
             ["得標廠商", company(r)], ["得標廠商統一編號", ubn(r)], ["決標金額", "%s元" % format(int(budget * r.uniform(0.8, 0.95)), ",")],
             ["決標公告日期", roc_date(r)], ["聯絡人", "%s %s" % (name(r), ext(r))]]
    p.table(50, 110, [280, 720], rows, 22, rh=62)
    return p.im, "published award notice of a tender showing the (now public) reserve price, winner and award amount"


@kind("recruit_notice", 5, True, PAPER + ["screenshot"])
def recruit_notice(r):
    p = Page(1000, 1300)
    ag = r.choice(AGENCIES)
    p.c(50, ag, 30, bold=True)
    p.c(100, r.choice(["約用人員甄選公告", "職務代理人徵才公告", "臨時人員錄取名單公告"]), 38, bold=True)
    y = 190
    for s in ["職稱：%s" % r.choice(["約用行政助理", "資訊管理師", "稽查員"]), "名額：%d名" % r.randrange(1, 4),
              "工作地點：%s" % address(r), "資格條件：大學以上畢業，具電腦文書能力",
              "應備文件：履歷表、身分證影本（正反面）、畢業證書影本",
              "報名方式：%s前寄至本局人事室 %s 收" % (roc_date(r), name(r)),
              "聯絡電話：" + ext(r)]:
        y = p.wrap(70, y, s, 26, 860)
        y += 10
    if r.random() < 0.5:
        p.t(70, y + 20, "錄取名單：" + "、".join(masked_name(r) for _ in range(3)), 26, bold=True)
    return p.im, "job vacancy notice with HR contact person; asks for ID copies as a requirement but holds none"


def desk_scene(r, W=1500, H=1100, doc: Image.Image | None = None):
    """Photo of a desk: keyboard, mug, phone, papers; optionally a given document lying on it."""
    from core import desk_bg
    bg = desk_bg(W, H, r)
    p = Page(W, H)
    p.im = bg
    p.d = ImageDraw.Draw(bg)
    kx, ky = r.randrange(40, 300), r.randrange(H - 330, H - 220)
    p.d.rounded_rectangle([kx, ky, kx + 700, ky + 230], 14, fill=(40, 40, 45))
    for i in range(5):
        for j in range(14):
            p.d.rectangle([kx + 15 + j * 48, ky + 15 + i * 42, kx + 55 + j * 48, ky + 50 + i * 42], fill=(70, 70, 75))
    mx, my = r.randrange(W - 350, W - 180), r.randrange(60, 300)
    p.d.ellipse([mx, my, mx + 150, my + 150], fill=r.choice([(240, 240, 240), (200, 60, 50), (50, 90, 160)]))
    p.d.ellipse([mx + 25, my + 25, mx + 125, my + 125], fill=(90, 60, 35))
    p.d.rounded_rectangle([W - 300, H - 400, W - 140, H - 90], 20, fill=(20, 20, 22))
    return p


@kind("desk_photo", 5, True, ["scene", "scene_dark", "crop", "scene_rot90"])
def desk_photo(r):
    p = desk_scene(r)
    sub, _ = blank_form_page(r) if r.random() < 0.6 else (None, None)
    if sub is None:
        cal = Page(600, 450)
        cal.c(20, "2026 桌曆 %d月" % r.randrange(1, 13), 36, bold=True)
        for i in range(5):
            for j in range(7):
                cal.t(40 + j * 78, 100 + i * 65, str(i * 7 + j + 1), 28)
        doc = cal.im
    else:
        doc = sub.im.resize((520, 728))
    doc = doc.rotate(r.uniform(-25, 25), expand=True, fillcolor=(0, 0, 0))
    mask = doc.convert("L").point(lambda v: 255 if v > 5 else 0)
    p.im.paste(doc, (r.randrange(300, 650), r.randrange(20, 200)), mask)
    return p.im, "photo of an office desk with keyboard and mug; the paper on it is a blank form or a desk calendar"


@kind("shuttle_schedule", 4, False, PAPER + ["screenshot"])
def shuttle_schedule(r):
    p = Page(1000, 1000)
    p.c(40, "員工交通車時刻表", 40, bold=True)
    rows = [["班次", "發車地點", "發車時間", "抵達時間"]]
    for i in range(10):
        h = 7 + i
        rows.append([str(i + 1), r.choice(["捷運站2號出口", "火車站後站", "本局大門"]), "%02d:%02d" % (h, r.choice([0, 15, 30, 45])), "%02d:%02d" % (h, 50)])
    y = p.table(80, 140, [100, 360, 200, 200], rows, 24, rh=60)
    p.t(80, y + 30, "司機聯絡：總務科 " + ext(r), 24)
    return p.im, "staff shuttle bus timetable"


@kind("published_personnel", 5, True, PAPER + ["screenshot"])
def published_personnel(r):
    p = Page(1000, 1200)
    p.c(40, r.choice(AGENCIES), 30, bold=True)
    p.c(90, "人事異動公告（已生效）", 38, bold=True)
    rows = [["姓名", "原職", "新職", "生效日期"]]
    for _ in range(8):
        rows.append([name(r), r.choice(UNITS) + r.choice(TITLES), r.choice(UNITS) + r.choice(TITLES), roc_date(r)])
    y = p.table(50, 170, [180, 290, 290, 140], rows, 20, rh=56)
    p.t(50, y + 30, "以上人員業經%s人事甄審委員會通過並已發布派令。" % roc_date(r), 22)
    p.stamp(800, y + 120, "公告\n%s" % roc_date(r), r, 30)
    return p.im, "published (effective) staff transfer list with names and posts"
