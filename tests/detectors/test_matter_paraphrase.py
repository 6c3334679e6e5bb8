"""Confidential matters told without their usual trigger word (session s23-matters):
one paraphrase family per reading, with the near misses it must leave alone. Rows go
through `scan_text`: a leak warns or blocks with its type among the findings; a near
miss is allowed. Names and firms are made up.
"""

from __future__ import annotations

import pytest

from detectors import scan_text

# (row id, message, finding type expected among the findings)
LEAKS: list[tuple[str, str, str]] = [
    # 1. Inspection: a day, going or arriving (到, 至, 會在), an inspection verb
    #    (抽檢, 督考 as well), a place: the visit told ahead.
    (
        "arrives to check",
        "後天上午九點環保局會到永興紙廠抽查，叫值班的先把排放口整理好",
        "inspection_plan",
    ),
    ("going, 抽檢", "大成麵館老闆 明天衛生局去抽檢 🤫 冷藏庫先整理", "inspection_plan"),
    (
        "scheduled to a firm",
        "本處預定12/3（四）至合興物流實施勞保稽核，事前不另行通知",
        "inspection_plan",
    ),
    ("at a crossing tonight", "今晚22:00會在民權路口臨檢，叫你表弟不要騎車", "inspection_plan"),
    ("unannounced review", "衛生局下週三不預警督考，先跟護理站講一下", "inspection_plan"),
    # 2. Procurement: firms told by name as the bidders, with no procurement word.
    ("one firm only", "剛問過了，目前只有建興營造一家，可能會流標", "procurement_secret"),
    ("a count, then who", "目前三家，華榮科技也有來", "procurement_secret"),
    ("two firms came", "大同保全跟明昌土木都有來投，另一家好像沒來", "procurement_secret"),
    ("a firm's price", "立新機電報的價是238萬，你們再低一點", "procurement_secret"),
    ("just two, dialect", "這擺攏是熟識的，永信顧問佮宏泰營造而已", "procurement_secret"),
    # 3. Personnel: a named colleague's decision (discipline, renewal, a post) still on
    #    its way (尚未核定, 還在簽, 沒過但還要…, 擬記).
    (
        "renewal failed, next level",
        "林志豪老師的續聘案系務會議沒過，但還要送院裡",
        "personnel_secret",
    ),
    ("post abroad, being signed", "王美玲秘書明年外放是去泰國，部裡還在簽", "personnel_secret"),
    ("proposed reprimand", "人事室：陳建宏曠職案擬記申誡一次，尚待考績會審議", "personnel_secret"),
    # 4. Classified: this document declared marked, then its content; a quoted mark and the
    #    page posted; a leading mark after a short address.
    (
        "this cable is marked",
        "三、本電為「密」件，內容涉及雙方尚未公開的協商條件。",
        "classified_marking",
    ),
    (
        "quoted mark, page posted",
        "「機密」公文第二頁寫了這次的監控點位，我拍上來",
        "classified_marking",
    ),
    ("level, screenshot", "這份是「極機密」等級的分析報告，我截圖放這邊", "classified_marking"),
    ("address, then the mark", "組長，密件：夜間勤務路線自下週一起調整如下", "classified_marking"),
]

NEAR_MISSES: list[tuple[str, str]] = [
    # 1. The visit is to our own office, announced to us; a check-up; a campaign.
    ("audit of our own office", "審計處2/5到局查帳，各科準備年度憑證"),
    ("audit to our unit", "主計處下週二到本所查核經費，請各課備妥單據"),
    ("health check-up", "明天早上八點到醫院健康檢查，要空腹"),
    ("campaign announced", "即日起將加強稽查違規攤販，請各里轉知"),
    ("result reported", "昨天衛生局到三家餐廳抽檢，結果都合格"),
    # 2. Firms named without a bid: a contractor at work, a published award, a visit.
    ("contractor at work", "路燈維修由建興營造負責，明天會來施工"),
    ("award published", "決標公告已上網，得標的是華榮科技"),
    ("firms at a briefing", "說明會今天有大同保全跟明昌土木來參加"),
    ("one firm, a service", "這一區的垃圾清運只有清淨環境一家在做"),
    # 3. A decision in effect, a procedure, nobody named.
    ("renewal done", "林志豪老師的續聘案已經核定，下學期照常上課"),
    ("renewal procedure", "教師續聘案須經系、院、校三級教評會審議"),
    ("nobody named", "今年的續聘案還在簽，請各系主任留意時程"),
    # 4. The mark named in a rule, a question, a handling instruction, a button.
    ("rule on marked mail", "標示「機密」的公文不可以拍照傳LINE"),
    ("question on marked mail", "請問「密」件公文可以截圖給承辦嗎？"),
    ("handling instruction", "本函為「密」件，請依規定以密件方式處理"),
    ("a button", "公文系統的「密件」按鈕在右上角"),
]


@pytest.mark.parametrize(("row", "text", "type_"), LEAKS, ids=[r[0] for r in LEAKS])
def test_leak_is_caught(row: str, text: str, type_: str) -> None:
    result = scan_text(text)
    assert result.verdict in ("warn", "block"), (row, result.types)
    assert type_ in result.types, (row, result.types)


@pytest.mark.parametrize(("row", "text"), NEAR_MISSES, ids=[r[0] for r in NEAR_MISSES])
def test_near_miss_is_allowed(row: str, text: str) -> None:
    result = scan_text(text)
    assert result.verdict == "allow", (row, result.types)
