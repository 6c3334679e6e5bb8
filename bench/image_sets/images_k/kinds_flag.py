"""Leaking images (expect = flag). Each kind returns (image, note)."""

from __future__ import annotations

import random

from PIL import Image

from core import (AGENCIES, TITLES, UNITS, Page, address, birth, company, foreign_passport, landline, mobile, name, nid,
                  passport, roc_date, ubn)
from kinds_allow import desk_scene, ext, id_card_front, line_chat, staff, whiteboard_base

FLAG: list = []  # (doc, count, hard, styles, types, fn)

PHOTO = ["photo", "photo", "photo_rot90", "photo_dark", "crop", "scan"]
DOCS = ["scan", "photo", "photo", "crop", "photo_rot90", "small", "rot", "photo_dark", "screenshot"]
SCREEN = ["screenshot", "monitor", "monitor", "crop", "small"]


def kind(doc, n, hard, styles, types):
    def deco(fn):
        FLAG.append((doc, n, hard, styles, types, fn))
        return fn
    return deco


def bday(r):
    y, m, d = birth(r)
    return "民國%d年%d月%d日" % (y, m, d)


def secret(p: Page, r, x=None, y=60):
    p.stamp(x or p.w - 120, y, r.choice(["密", "機密", "密件", "限閱"]), r, 50, "rect", angle=r.uniform(-8, 8))


@kind("id_card_front", 5, False, PHOTO, ["national_id", "name", "birthdate", "photo"])
def f_id_front(r):
    p = Page(1000, 680, (235, 235, 235))
    id_card_front(p, r, name(r), nid(r), ox=72, oy=70)
    return p.im, "front of a national ID card of a citizen: name, birth date, ID number, portrait"


@kind("id_card_back", 3, False, PHOTO, ["address", "name", "family", "national_id"])
def f_id_back(r):
    p = Page(1000, 680, (235, 235, 235))
    ox, oy = 72, 70
    p.d.rounded_rectangle([ox, oy, ox + 856, oy + 540], 30, fill=(226, 236, 222), outline=(120, 140, 140), width=2)
    rows = [("父", name(r)), ("母", name(r)), ("配偶", name(r) if r.random() < 0.6 else ""), ("役別", r.choice(["常備役", "替代役", ""])),
            ("出生地", r.choice(["臺北市", "臺中市", "臺南市", "彰化縣"])), ("住址", address(r))]
    for i, (k, v) in enumerate(rows):
        p.t(ox + 40, oy + 40 + i * 66, k, 24, fill=(70, 80, 80))
        p.t(ox + 160, oy + 34 + i * 66, v, 30)
    p.barcode(ox + 40, oy + 450, 520, 60, r)
    p.t(ox + 600, oy + 470, "%010d" % r.randrange(10**10), 26)
    return p.im, "back of a national ID card: parents', spouse's names and home address"


@kind("nhi_card", 3, False, PHOTO, ["national_id", "name", "birthdate", "health_insurance"])
def f_nhi(r):
    p = Page(1000, 680, (230, 230, 230))
    ox, oy = 72, 70
    p.d.rounded_rectangle([ox, oy, ox + 856, oy + 540], 30, fill=(250, 250, 250), outline=(120, 120, 120), width=2)
    p.d.rectangle([ox, oy + 30, ox + 856, oy + 110], fill=(40, 120, 80))
    p.t(ox + 40, oy + 45, "全民健康保險　健保IC卡", 40, bold=True, fill=(255, 255, 255))
    p.d.rounded_rectangle([ox + 50, oy + 160, ox + 160, oy + 240], 8, fill=(210, 180, 90))
    p.t(ox + 40, oy + 290, name(r), 44, bold=True)
    p.t(ox + 40, oy + 360, nid(r), 38, bold=True)
    y, m, d = birth(r)
    p.t(ox + 40, oy + 420, "%d/%02d/%02d" % (y, m, d), 32)
    p.t(ox + 40, oy + 470, "%04d %04d %04d" % (0, r.randrange(10000), r.randrange(10000)), 28)
    p.portrait(ox + 590, oy + 170, 220, 280, r)
    return p.im, "national health insurance card: name, ID number, birth date, card number, portrait"


@kind("driver_licence", 3, False, PHOTO, ["national_id", "name", "birthdate", "address", "driver_licence"])
def f_driver(r):
    p = Page(1000, 680, (225, 225, 225))
    ox, oy = 72, 70
    p.d.rounded_rectangle([ox, oy, ox + 856, oy + 540], 30, fill=(235, 225, 245), outline=(120, 120, 140), width=2)
    p.t(ox + 428, oy + 25, "普通小型車 駕駛執照", 40, bold=True, anchor="ma")
    rows = [("姓名", name(r)), ("出生日期", bday(r)), ("駕照號碼", nid(r)), ("住址", address(r)[:14]), ("有效日期", "%d年%d月%d日" % (r.randrange(116, 140), r.randrange(1, 13), r.randrange(1, 29))),
            ("管轄編號", "%d" % r.randrange(10, 99))]
    for i, (k, v) in enumerate(rows):
        p.t(ox + 30, oy + 110 + i * 62, k, 22, fill=(80, 70, 90))
        p.t(ox + 160, oy + 104 + i * 62, v, 28, bold=(i == 0))
    p.portrait(ox + 620, oy + 110, 200, 260, r)
    return p.im, "driver licence with name, birth date, licence number (= ID), address and portrait"


@kind("household_register", 3, False, DOCS, ["national_id", "name", "birthdate", "address", "family"])
def f_household(r):
    p = Page(1200, 1000, (250, 250, 245))
    p.c(30, "戶籍謄本（現戶全戶）", 38, bold=True, serif=True)
    p.t(40, 100, "戶號：%s%06d　住址：%s" % (r.choice("FHJKLMN"), r.randrange(10**6), address(r)), 22)
    rows = [["稱謂", "姓名", "出生日期", "統一編號", "出生地", "父", "母"]]
    hs = name(r)
    for i, t in enumerate(["戶長", "配偶", "長女", "長子"][: r.randrange(2, 5)]):
        nm = hs if i == 0 else (r.choice("陳林黃張李王") + hs[1:] if i == 1 else hs[0] + name(r)[1:])
        y, m, d = birth(r)
        rows.append([t, nm, "民國%d年%d月%d日" % (y, m, d), nid(r), r.choice(["臺北市", "高雄市", "臺中市"]), name(r), name(r)])
    y = p.table(40, 150, [80, 140, 220, 190, 120, 140, 140], rows, 20, rh=58)
    p.t(40, y + 30, "本謄本依戶籍法第65條申請　列印時間：%s %02d:%02d" % (roc_date(r), r.randrange(8, 17), r.randrange(60)), 20)
    p.seal(1020, y + 120, "戶政事務所", r, 150)
    return p.im, "household register transcript: names, birth dates, ID numbers of a family, address"


def query_ui(r, title, fields, extra_rows=None):
    W, H = 1400, 860
    p = Page(W, H, (236, 240, 245))
    p.d.rectangle([0, 0, W, 60], fill=(20, 50, 100))
    p.t(20, 12, title, 28, bold=True, fill=(255, 255, 255))
    p.t(W - 420, 18, "使用者：%s（%s）" % (name(r), r.choice(UNITS)), 20, fill=(230, 230, 230))
    p.d.rectangle([0, 60, 220, H], fill=(215, 222, 232))
    for i, s in enumerate(["基本資料查詢", "戶籍資料", "入出境紀錄", "車籍資料", "列印紀錄", "登出"]):
        p.t(20, 90 + i * 50, s, 22)
    p.d.rectangle([240, 80, W - 20, H - 20], fill=(255, 255, 255), outline=(180, 180, 180))
    y = p.kv(260, 100, fields, 24, 200, 880, rh=56)
    if extra_rows:
        p.table(260, y + 20, [220, 300, 280, 280], extra_rows, 20, rh=44)
    p.t(260, H - 60, "查詢時間：2026/%02d/%02d %02d:%02d　查詢用途代碼：%02d" % (r.randrange(1, 13), r.randrange(1, 29), r.randrange(8, 18), r.randrange(60), r.randrange(1, 30)), 18, fill=(100, 100, 100))
    return p


@kind("query_screen", 5, False, SCREEN, ["national_id", "name", "address", "phone", "birthdate"])
def f_query(r):
    p = query_ui(r, r.choice(["戶役政資訊系統 — 個人資料查詢", "民眾資料查詢系統", "案件管理系統 — 當事人資料"]),
                 [("姓名", name(r)), ("身分證號", nid(r)), ("出生日期", bday(r)), ("戶籍地址", address(r)), ("通訊地址", address(r)),
                  ("電話", mobile(r)), ("配偶", name(r))])
    return p.im, "query-system screen showing one citizen's name, ID number, birth date, addresses and phone"


@kind("case_form_filled", 4, False, DOCS, ["national_id", "name", "address", "phone", "case_data"])
def f_case_form(r):
    from kinds_allow import blank_form_page
    vals = {"姓名": name(r), "身分證統一編號": nid(r), "出生年月日": bday(r), "性別": r.choice(["男", "女"]), "戶籍地址": address(r),
            "通訊地址": "同上", "聯絡電話": landline(r), "行動電話": mobile(r), "電子郵件": "", "申請事由": r.choice(["鄰居違建陳情", "申請補助", "閱覽卷宗", "檢舉噪音"]), "_hand": r}
    p, ttl = blank_form_page(r, vals)
    p.stamp(830, 200, "收文\n%s" % roc_date(r), r, 26)
    return p.im, "application/case form filled in by hand with a citizen's name, ID number, address and phones, with an intake stamp"


@kind("warrant", 4, False, DOCS, ["warrant", "name", "national_id", "address", "case_data"])
def f_warrant(r):
    p = Page(1000, 1400, (252, 250, 240))
    court = r.choice(["臺灣臺北地方檢察署", "臺灣桃園地方檢察署", "臺灣臺中地方檢察署", "臺灣高雄地方法院"])
    kindn = r.choice(["拘票", "搜索票", "押票"])
    p.c(60, court, 36, bold=True, serif=True)
    p.c(120, kindn, 56, bold=True, serif=True)
    p.t(600, 200, "%d年度%s字第%d號" % (r.randrange(114, 116), r.choice(["偵", "他", "聲搜"]), r.randrange(100, 9999)), 22)
    nm = name(r)
    if kindn == "搜索票":
        rows = [("案由", r.choice(["違反毒品危害防制條例", "貪污治罪條例", "詐欺"])), ("受搜索人", nm), ("身分證字號", nid(r)),
                ("搜索處所", address(r)), ("應扣押之物", "帳冊、手機、電腦及其他與本案有關之證物"), ("有效期間", "%s前" % roc_date(r))]
    else:
        rows = [("被告", nm), ("性別", r.choice(["男", "女"])), ("出生年月日", bday(r)), ("身分證字號", nid(r)), ("住所", address(r)),
                ("案由", r.choice(["涉嫌洩密", "違反貪污治罪條例", "詐欺", "妨害秘密"])), ("應解送處所", court)]
    y = p.kv(60, 260, rows, 26, 220, 660, rh=80)
    p.t(60, y + 60, "檢察官　" + name(r), 34, bold=True, serif=True)
    p.seal(780, y + 100, court[2:6] + "地檢署", r, 180)
    p.t(60, y + 200, "中華民國" + roc_date(r), 26)
    return p.im, "%s naming a specific person with ID number and address" % kindn


@kind("subpoena", 3, False, DOCS, ["subpoena", "name", "address", "case_data"])
def f_subpoena(r):
    p = Page(1000, 1300, (252, 252, 248))
    court = r.choice(["臺灣新北地方法院", "臺灣臺南地方法院", "臺灣士林地方檢察署"])
    p.c(60, court + "　傳票", 40, bold=True, serif=True)
    rows = [("案號", "%d年度%s字第%d號" % (r.randrange(114, 116), r.choice(["易", "訴", "偵"]), r.randrange(100, 9999))),
            ("受傳喚人", name(r)), ("身分", r.choice(["被告", "證人", "告訴人"])), ("住所", address(r)),
            ("應到時間", roc_date(r) + " 上午%d時" % r.randrange(9, 12)), ("應到處所", court + "第%d法庭" % r.randrange(1, 20)), ("案由", r.choice(["傷害", "竊盜", "背信", "公共危險"]))]
    y = p.kv(60, 160, rows, 26, 200, 680, rh=80)
    p.wrap(60, y + 40, "注意：無正當理由不到場者，得命拘提。", 24, 880)
    return p.im, "subpoena naming a person with home address, case number and appearance time"


@kind("whistleblower_letter", 5, False, DOCS, ["whistleblower", "name", "phone", "address"])
def f_whistle(r):
    p = Page(1000, 1400, (250, 248, 238))
    for k in range(120, 1380, 56):
        p.hline(k, 40, 960, 1, (200, 200, 220))
    hr = random.Random(r.randrange(1 << 30))
    p.hand(60, 50, "檢舉函", 50, hr)
    tgt = name(r)
    me = name(r)
    lines = ["%s政風室 您好：" % r.choice(AGENCIES)[:8],
             "本人%s，住%s，" % (me, address(r)),
             "檢舉貴單位%s%s長期收受%s招待，" % (r.choice(UNITS), tgt + r.choice(TITLES), company(r)[:4]),
             "並於採購案洩漏底價。本人有照片為證，",
             "懇請調查，並請對本人身分保密。",
             "聯絡電話：%s" % mobile(r),
             "檢舉人：%s 敬上 %s" % (me, roc_date(r))]
    y = 130
    for s in lines:
        p.hand(60, y, s, 32, hr)
        y += 112
    if r.random() < 0.6:
        p.stamp(800, 1250, "收文%s" % roc_date(r)[4:], r, 26)
    return p.im, "handwritten whistleblower letter with the complainant's name, address and phone and the accused official"


@kind("bid_secret", 5, False, DOCS, ["bid_secret", "company", "procurement"])
def f_bid(r):
    p = Page(1100, 1300)
    v = r.randrange(3)
    case = r.choice(["辦公廳舍整修工程", "資訊設備租賃案", "清潔勞務委外案", "監視系統建置案"])
    if v == 0:
        p.c(60, "底價核定表", 44, bold=True, serif=True)
        budget = r.randrange(100, 5000) * 10000
        rows = [("機關", r.choice(AGENCIES)), ("案名", case), ("預算金額", "%s元" % format(budget, ",")),
                ("建議底價", "%s元" % format(int(budget * r.uniform(0.85, 0.97)), ",")), ("核定底價", "%s元" % format(int(budget * r.uniform(0.85, 0.95)), ",")),
                ("開標日期", roc_date(r)), ("核定人", name(r))]
        p.kv(60, 160, rows, 26, 220, 760, rh=84)
        note = "reserve price approval sheet (底價核定表) before opening"
    elif v == 1:
        p.c(60, "%s 投標廠商名單（開標前）" % case, 34, bold=True)
        rows = [["序", "廠商名稱", "統一編號", "負責人", "領標日期"]]
        for i in range(r.randrange(4, 9)):
            rows.append([str(i + 1), company(r), ubn(r), name(r), roc_date(r)])
        p.table(40, 160, [60, 380, 180, 180, 200], rows, 22, rh=60)
        note = "list of bidders of a tender before opening"
    else:
        p.c(60, "%s 評選委員名單" % case, 36, bold=True)
        rows = [["職稱", "姓名", "服務單位", "聯絡電話"]]
        for i in range(r.randrange(5, 8)):
            rows.append([r.choice(["召集人", "委員", "外聘委員"]), name(r), r.choice(["○○大學土木系", "○○科技大學", "本局" + r.choice(UNITS)]), mobile(r)])
        p.table(40, 160, [160, 180, 400, 260], rows, 22, rh=62)
        note = "evaluation committee member list of a tender with phones"
    secret(p, r)
    return p.im, note + ", marked 密"


@kind("personnel_eval", 4, False, DOCS, ["personnel", "name"])
def f_personnel(r):
    p = Page(1100, 1200)
    if r.random() < 0.5:
        p.c(50, "115年度考績初核名冊（未公布）", 36, bold=True)
        rows = [["單位", "職稱", "姓名", "考績等第", "分數"]]
        for _ in range(12):
            rows.append([r.choice(UNITS), r.choice(TITLES), name(r), r.choice(["甲", "甲", "乙", "丙"]), str(r.randrange(65, 90))])
        note = "draft annual performance grades of named staff, not yet announced"
    else:
        p.c(50, "懲處建議名單（考績會審議用）", 36, bold=True)
        rows = [["姓名", "職稱", "事由", "建議懲處"]]
        for _ in range(6):
            rows.append([name(r), r.choice(TITLES), r.choice(["公文延宕", "違規查詢個資", "差勤異常", "洩漏應秘密資料"]), r.choice(["申誡一次", "記過一次", "記大過一次"])])
        note = "proposed disciplinary list of named staff before the committee decides"
    p.table(40, 140, [220, 180, 300, 200, 140][: len(rows[0])], rows, 22, rh=60)
    secret(p, r)
    return p.im, note


@kind("inspection_plan", 5, False, DOCS, ["inspection_plan", "company", "address"])
def f_insp(r):
    p = Page(1200, 1100)
    p.c(50, "%s 稽查計畫（第%d梯次）" % (r.choice(["食品衛生", "工廠排放", "勞動條件", "消防安全"]), r.randrange(1, 6)), 36, bold=True)
    rows = [["日期", "時間", "稽查對象", "地址", "稽查人員"]]
    for _ in range(r.randrange(5, 9)):
        rows.append(["%d/%d" % (r.randrange(1, 13), r.randrange(1, 29)), "%02d:%02d" % (r.randrange(8, 20), r.choice([0, 30])), company(r), address(r)[:14], name(r)[1:] + "、" + name(r)[1:]])
    y = p.table(30, 140, [110, 100, 320, 380, 230], rows, 20, rh=58)
    p.t(30, y + 30, "※ 本計畫為不預警稽查，內容不得外洩。", 24, bold=True, fill=(180, 20, 20))
    secret(p, r)
    return p.im, "unannounced inspection plan with targets, addresses, dates and inspectors, marked 密"


@kind("medical_record", 3, False, DOCS + ["monitor"], ["health", "name", "birthdate"])
def f_med(r):
    p = Page(1100, 1300)
    p.c(40, "%s醫院　病歷摘要" % r.choice(["仁愛", "國泰", "榮民總", "市立聯合"]), 36, bold=True)
    rows = [("姓名", name(r)), ("病歷號", "%08d" % r.randrange(10**8)), ("出生日期", bday(r)), ("身分證號", nid(r)),
            ("就診日期", roc_date(r)), ("診斷", r.choice(["第二型糖尿病", "重度憂鬱症", "COVID-19 確診", "肺腺癌第二期", "酒精使用障礙"])),
            ("處方", r.choice(["Metformin 500mg BID", "Sertraline 50mg QD", "Paxlovid 5日", "化療第2週期"])), ("主治醫師", name(r))]
    p.kv(50, 130, rows, 24, 200, 800, rh=72)
    return p.im, "medical record summary with a patient's name, ID number, diagnosis and prescription"


@kind("criminal_record", 3, False, SCREEN, ["criminal_record", "name", "national_id"])
def f_crim(r):
    rows = [["日期", "案由", "判決", "機關"]]
    for _ in range(r.randrange(2, 5)):
        rows.append(["%d/%02d/%02d" % (r.randrange(95, 115), r.randrange(1, 13), r.randrange(1, 29)), r.choice(["竊盜", "公共危險", "詐欺", "傷害", "毒品"]),
                     r.choice(["有期徒刑%d月" % r.randrange(2, 24), "緩起訴", "罰金"]), r.choice(["臺北地院", "板橋地檢", "高雄地院"])])
    p = query_ui(r, "刑案資料查詢系統 — 前科紀錄", [("姓名", name(r)), ("身分證號", nid(r)), ("出生日期", bday(r))], rows)
    return p.im, "criminal record lookup screen for one named person with ID and past convictions"


@kind("travel_record", 3, False, SCREEN, ["travel_record", "name", "national_id"])
def f_travel(r):
    rows = [["日期", "出/入境", "航班", "目的地/來源"]]
    for _ in range(r.randrange(3, 6)):
        rows.append(["2026/%02d/%02d" % (r.randrange(1, 13), r.randrange(1, 29)), r.choice(["出境", "入境"]), "%s%d" % (r.choice(["CI", "BR", "JX", "IT"]), r.randrange(100, 999)),
                     r.choice(["東京成田", "香港", "曼谷", "上海浦東", "首爾仁川"])])
    p = query_ui(r, "入出國及移民資料查詢", [("姓名", name(r)), ("身分證號", nid(r)), ("護照號碼", passport(r))], rows)
    return p.im, "entry/exit record lookup for a named person with ID, passport number and flights"


@kind("bank_passbook", 3, False, PHOTO, ["bank_account", "name"])
def f_bank(r):
    p = Page(1100, 760, (240, 245, 240))
    bank = r.choice(["臺灣銀行", "第一銀行", "合作金庫", "郵局", "國泰世華"])
    p.d.rectangle([0, 0, 1100, 90], fill=(30, 90, 60))
    p.t(30, 20, bank + "　存摺", 40, bold=True, fill=(255, 255, 255))
    p.t(40, 120, "戶名：" + name(r), 32, bold=True)
    p.t(40, 180, "帳號：%03d-%03d-%06d-%d" % (r.randrange(1000), r.randrange(1000), r.randrange(10**6), r.randrange(10)), 32, bold=True)
    p.t(40, 240, "分行：%s分行　開戶日：%s" % (r.choice(["中山", "板橋", "中壢", "苓雅"]), roc_date(r, r.randrange(100, 115))), 24)
    rows = [["日期", "摘要", "支出", "存入", "餘額"]]
    bal = r.randrange(1000, 500000)
    for _ in range(6):
        amt = r.randrange(100, 50000)
        out = r.random() < 0.5
        bal += -amt if out else amt
        rows.append(["115/%02d/%02d" % (r.randrange(1, 13), r.randrange(1, 29)), r.choice(["薪資", "跨行轉帳", "ATM提款", "信用卡款", "利息"]), str(amt) if out else "", "" if out else str(amt), str(bal)])
    p.table(40, 300, [170, 230, 180, 180, 220], rows, 22, rh=56)
    return p.im, "bank passbook page with account holder name, account number and transactions"


@kind("roster_ids", 3, False, DOCS, ["national_id", "name", "birthdate", "passport", "phone"])
def f_roster(r):
    p = Page(1200, 1100)
    if r.random() < 0.5:
        p.c(40, r.choice(["研習學員名冊", "志工保險投保名冊", "防疫居家檢疫名冊"]), 36, bold=True)
        rows = [["序", "姓名", "身分證字號", "出生日期", "手機"]]
        for i in range(12):
            rows.append([str(i + 1), name(r), nid(r), "%d/%02d/%02d" % birth(r), mobile(r)])
        note = "roster with full names, full ID numbers, birth dates and mobiles"
    else:
        p.c(40, "外籍移工住宿名冊", 36, bold=True)
        rows = [["序", "姓名", "國籍", "護照號碼", "居留證號"]]
        for i in range(12):
            rows.append([str(i + 1), r.choice(["NGUYEN VAN AN", "TRAN THI LAN", "SITI AMINAH", "JOSE REYES", "SOMCHAI K."]) + " %d" % i, r.choice(["越南", "印尼", "菲律賓", "泰國"]),
                         foreign_passport(r), r.choice("ABCDEFGH") + r.choice("CD") + "%08d" % r.randrange(10**8)])
        note = "migrant worker roster with passport and residence permit numbers"
    p.table(40, 120, [70, 300, 260, 220, 260], rows, 22, rh=58)
    return p.im, note


# ---------------------------------------------------------------- hidden leaks
@kind("desk_photo_leak", 4, True, ["scene", "scene_dark", "scene_rot90"], ["national_id", "name", "address", "phone"])
def f_desk(r):
    from kinds_allow import blank_form_page
    p = desk_scene(r)
    hr = random.Random(r.randrange(1 << 30))
    vals = {"姓名": name(r), "身分證統一編號": nid(r), "出生年月日": bday(r), "性別": "女", "戶籍地址": address(r), "通訊地址": "同上",
            "聯絡電話": landline(r), "行動電話": mobile(r), "電子郵件": "", "申請事由": "低收入戶補助", "_hand": hr}
    sub, _ = blank_form_page(r, vals)
    doc = sub.im.resize((560, 784)).rotate(r.uniform(-20, 20), expand=True, fillcolor=(0, 0, 0))
    mask = doc.convert("L").point(lambda v: 255 if v > 5 else 0)
    p.im.paste(doc, (r.randrange(300, 700), r.randrange(10, 150)), mask)
    return p.im, "photo of an office desk (keyboard, mug) where a form filled in with a citizen's name, ID number and address lies readable"


@kind("line_chat_leak", 4, True, ["screenshot", "screenshot", "crop"], ["national_id", "name", "address", "phone"])
def f_line(r):
    a, b = staff(r), staff(r)
    v = r.randrange(2)
    if v == 0:
        leak = (a, "幫忙查一下這位民眾 %s %s，住%s，電話%s，他說上週有來申請" % (name(r), nid(r), address(r), mobile(r)))
        note = "LINE logistics chat where one message carries a citizen's name, ID number, address and phone"
    else:
        card = Page(1000, 680, (235, 235, 235))
        id_card_front(card, r, name(r), nid(r), ox=72, oy=70)
        leak = (a, card.im.resize((420, 286)))
        note = "LINE logistics chat where someone posted a photo of a citizen's ID card"
    pre = [(b, "明天會議改%d點" % r.randrange(9, 16)), (None, "收到")]
    post = [(a, "上面是民眾的資料，麻煩處理" if v == 1 else "麻煩了，謝謝"), (b, "OK 我下午處理"), (None, "👍")]
    return line_chat(r, pre + [leak] + post), note


@kind("whiteboard_leak", 2, True, ["scene", "scene_dark"], ["inspection_plan", "company", "address"])
def f_wb(r):
    p = whiteboard_base(r)
    hr = random.Random(r.randrange(1 << 30))
    lines = ["明天 %d/%d 不預警稽查（勿外傳）" % (r.randrange(1, 13), r.randrange(1, 29)),
             "09:30 %s %s" % (company(r), address(r)[:12]),
             "14:00 %s %s" % (company(r), address(r)[:12]),
             "帶隊：%s　8:30 一樓集合" % name(r)[1:], "便當找總務"]
    y = 110
    for s in lines:
        p.hand(110, y, s, 40, hr, fill=hr.choice([(20, 20, 140), (20, 20, 20), (170, 20, 20)]))
        y += 120
    return p.im, "photo of an office whiteboard that lists tomorrow's unannounced inspection targets with addresses and times"


@kind("case_summary_chat", 3, True, ["screenshot", "small"], ["whistleblower", "name", "phone"])
def f_case_chat(r):
    a, b = staff(r), staff(r)
    msgs = [(b, "早，今天下午的會議資料放桌上"), (None, "好"),
            (a, "剛剛接到民眾來電，檢舉人是%s，手機%s，他說%s的%s有收廠商的錢" % (name(r), mobile(r), r.choice(UNITS), name(r)[1:] + r.choice(TITLES))),
            (b, "我轉給政風"), (a, "他說下午會再打來，找不到人就回他這支手機")]
    return line_chat(r, msgs), "LINE chat that reveals a whistleblower's name and mobile and the accused official"
