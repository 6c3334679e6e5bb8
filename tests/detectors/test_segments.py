"""Long and structured messages read unit by unit (detectors/segment.py, detectors/units_read.py).

A forwarded chat log's turns, a 公文's items, minutes' reports: a matter let pass only by
talk in ANOTHER unit (the training plan's 主旨, a quiz by another speaker, a published
result in another item) is read in its own unit. Near-misses: units whose own words
excuse them (a masked name, a representative's request, a rule), and ordinary minutes.
"""

from __future__ import annotations

import pytest

from detectors import scan_text, segment
from detectors.segment import units

ROWS = [
    # a health record buried among the reports of a meeting whose other items are public
    (
        "minutes_health",
        "區公所115年第2次業務會報紀錄\n時間：3/2 09:00　地點：302室　主席：區長\n"
        "業務報告：本月受理低收入戶申請31件，皆已辦結並公告。\n"
        "社工室報告：個案林美惠確診乳癌正在化療，訪視時請多留意。\n"
        "散會：上午11時。",
        "flag",
    ),
    # a discipline before approval in the 臨時動議 of minutes that cite a 規定 elsewhere
    (
        "minutes_personnel",
        "本所114年6月主管會報紀錄\n時間：6/3 14:00　主席：所長\n"
        "討論事項：修正「本所車輛管理規定」，照案通過。\n"
        "臨時動議：陳建宏記大過一案尚待考績會審議，先私下跟他講。\n"
        "政風報告：請勿以LINE傳送公務機密。",
        "flag",
    ),
    # a base price told inside a forwarded training-plan 公文
    (
        "gongwen_procurement",
        "轉知：主旨：檢送本局「115年度公務機密維護教育訓練」實施計畫1份，請查照。\n"
        "三、講習時間：5/20 09:00至12:00，地點：本局大禮堂。\n"
        "總務報告：這案的底價核定為2,350,000元，會後轉知得標廠商。\n"
        "五、聯絡人：總務科，分機 203。",
        "flag",
    ),
    # a quiz by one speaker is no excuse for another speaker naming the reporter
    (
        "chat_quiz",
        "[陳股長] 選擇題：底價何時可以公開？(1)開標前 (2)決標後　答案(2)\n"
        "[阿明] 去政風室告你們的是黃志豪，住在你們樓上，小心一點\n"
        "[陳股長] 下午的會改到三點",
        "flag",
    ),
    # a bidder count in one report, a published tender in another: the 公告 is not its
    # (units_read: a published word or workflow in another unit is no excuse for a unit
    # that tells the matter itself: a leaking pattern or a named cue)
    (
        "minutes_bidders",
        "本處114年7月工作會議紀錄\n時間：7/2 10:00　主席：處長\n"
        "採購報告：T11398765到今天只有2家領標，含永豐水電行。\n"
        "總務報告：廁所整修工程已公告招標，下月開標。\n散會：上午11時。",
        "flag",
    ),
    # a discipline not yet decided, in minutes whose header is a 會議: workflow elsewhere
    (
        "minutes_workflow",
        "本會113年第5次工作會議紀錄\n時間：5/6 09:00　地點：第二會議室　主席：主任\n"
        "業務報告：本月受理申請40件，皆依限完成。\n"
        "臨時動議：郭文彬記過二次一案仍待考績會核定，主席裁示先告知其主管。\n散會：上午11時。",
        "flag",
    ),
    # cues from different units are not one disclosure, unless the units go together:
    # a question and the next turn's answer, a speaker's line and its unlabelled sequel
    (
        "across_speakers",
        "[王主任] 陳情案件的處理時限是十五日，必要時得延長\n[林科] 林美玲明天請特休一天\n"
        "[王主任] 好，收到",
        "allow",
    ),
    (
        "across_speakers",
        "09:02 阿宏：刑訴讀書會這週討論搜索票的記載事項\n09:05 小蔡：陳建宏說下午會晚點到\n"
        "09:06 阿宏：OK收到",
        "allow",
    ),
    (
        "question_answer",
        "[阿明] 去政風室告你們的是誰？\n[小王] 黃志豪啦，住你們樓上那戶，小心點\n[阿明] 好喔謝啦",
        "flag",
    ),
    ("short_answer", "[阿明] 檢舉人是誰？\n[小王] 林美玲", "flag"),
    ("short_answer", "[阿明] 這次去告你們的\n[阿明] 是林美玲", "flag"),
    # one speaker's consecutive turns, an answer's opening: one thing said
    (
        "same_speaker",
        "[王科] 那個檢舉人的資料我看到了\n[王科] 林美玲，住中山路那棟三樓\n[李姐] 好喔",
        "flag",
    ),
    (
        "same_speaker",
        "09:01 王科：那個檢舉人的資料我看到了\n09:02 王科：林美玲，住中山路那棟三樓\n09:05 李姐：好喔",
        "flag",
    ),
    ("answer", "[阿明] 誰去檢舉的你知道嗎\n[小王] 聽說是林美玲，住你們隔壁\n[阿明] 喔喔", "flag"),
    # ... but the same speaker hours later says something else
    (
        "same_speaker_later",
        "08:10 阿芳：政風室提醒：不可把陳情人身分告訴被陳情人\n11:30 阿芳：今天林美玲生日，蛋糕在茶水間\n"
        "11:35 李秘：好喔謝謝",
        "allow",
    ),
    # a quoted speaker's label is not a person talked about
    (
        "quoted_label",
        "回覆 黃秘：要改到？\n去年度考績都核定了，有疑問請在三十日內向人事室提出",
        "allow",
    ),
    (
        "continued_turn",
        "[王主任] 跟你說一件事情喔\n那個林美玲確診乳癌了，先不要講出去\n[林科] 好的了解",
        "flag",
    ),
    (
        "value_across",
        "[趙科] 補充一下這次的申訴人是蘇建宏\n[趙科] 他的手機 0945-280-991，請承辦直接聯絡",
        "flag",
    ),
    # a care home's resident named in a report buried in a forwarded training plan
    (
        "gongwen_resident",
        "轉知：主旨：檢送本處「115年度個資保護教育訓練」實施計畫1份，請查照。\n"
        "二、課程包括：個資法概要、陳情案件處理。\n"
        "社工組報告：住民鐘秀素罹患失智症住院，請照服員多留意。\n"
        "五、聯絡人：秘書室，分機 102。",
        "flag",
    ),
    ("resident_alone", "社工組報告：住民龔平因肝癌末期需隔離，請照服員多留意。", "flag"),
    (
        "resident_word",
        "本年度原住民族語認證考試將於5/2舉行，住民大會改到5/9下午，請各單位轉知。\n"
        "報名表已放共用槽，請於4/20前回傳。",
        "allow",
    ),
    # a mark that leads a later line leads its unit (a quoted reply's answer)
    (
        "line_mark",
        "回覆 陳科：資料什麼時候要交？\n密件內容：10/3行動分三組，一組在中正路口，一組守後門",
        "flag",
    ),
    (
        "line_mark",
        "[林股長] 收到\n機密：明早六點在分局集合，目標是大同街那間倉庫",
        "flag",
    ),
    (
        "line_mark_rule",
        "政風室提醒：\n機密資料：請勿以LINE傳送，違者依法究辦\n限閱公文怎麼調閱？請洽文書科",
        "allow",
    ),
    # near-misses: the unit's own words let it pass
    (
        "award_in_unit",
        "本處114年7月工作會議紀錄\n時間：7/2 10:00　主席：處長\n"
        "採購報告：廁所整修工程已於7/1決標公告，共3家投標，由永豐水電行得標。\n散會：上午11時。",
        "allow",
    ),
    (
        "masked_name",
        "[LINE對話轉貼]\n10:02 王主任：來電吳先生（姓名不列）反映停車場問題，已派員了解\n"
        "10:15 小張：考試範例請看附件\n10:30 王主任：好的收到",
        "allow",
    ),
    (
        "masked_name",
        "[許秘] 會議改到週四，請知悉\n[葉主任] 陳情人蔡女士（隱去全名）要求書面回覆，我來處理\n"
        "[許秘] 週二下午借禮堂辦演練，記得帶識別證",
        "allow",
    ),
    (
        "representative",
        "路燈維護週報：編號 A1203 至 A1290 已改 LED，新聞稿已發布。\n"
        "里長反映的中山公園照度不足，林志明已排會勘。\n"
        "相關經費請依會計室規定期限核銷。",
        "allow",
    ),
    (
        "ordinary_minutes",
        "本處114年第4次工作會議紀錄\n時間：4/8 10:00　主席：處長\n"
        "業務報告：本月受理申請52件，皆依限完成。\n"
        "人事報告：115年考績作業預計9/1開始，各單位依限送考評資料。\n"
        "總務報告：冷氣更新工程已公告招標，預計5/20開標。\n散會：上午11時。",
        "allow",
    ),
    (
        "rule_story",
        "政風週報：本週宣導主題是公務機密。\n"
        "廉政故事：一位關員在查驗前把查驗時間傳給業者，後來被起訴免職。\n"
        "重點：勤務資料只能在公務系統傳遞。",
        "allow",
    ),
]


@pytest.mark.parametrize(("kind", "text", "expect"), ROWS)
def test_units_judged_on_their_own(kind: str, text: str, expect: str) -> None:
    verdict = scan_text(text).verdict
    assert (verdict != "allow") == (expect == "flag"), (kind, verdict)


def test_speaker_labels_are_left_out_section_labels_kept() -> None:
    text = (
        "09:12 小羅：明天上午開會\n[王主任] 收到，謝謝大家\n宏科：我晚點才會到喔\n"
        "總務報告：冷氣採購已公告\n回覆 李股長：那份什麼時候交？\n密件內容：行動分兩隊"
    )
    got = [(text[u.start : u.end], u.speaker) for u in units(text)]
    assert got == [
        ("明天上午開會", True),
        ("收到，謝謝大家", True),
        ("我晚點才會到喔", True),
        ("總務報告：冷氣採購已公告", False),
        ("那份什麼時候交？", True),
        ("密件內容：行動分兩隊", False),
    ]


# A speaker's label in the other shapes a chat export takes: a bracketed time, a time in
# brackets after the name, a quoted line. Left out, the label is not read as a person.
LABELS = [
    ("[12:38] 沈小林: 因應空污季節\n[12:42] 鄧組長: 已讀不回", [("沈小林", 758), ("鄧組長", 762)]),
    (
        "邱小林（08:16）：你辦事我放心\n顏科長（08:21）：了解了解",
        [("邱小林", 496), ("顏科長", 501)],
    ),
    (
        "> 丁小林：健保卡換發作業本月完成\n\n我這邊沒問題，會議資料請準備",
        [("丁小林", -1), ("", -1)],
    ),
    (
        "17:22 江小林 本案已於11/2現勘\n17:27 盧秘書 免驚啦，會處理好",
        [("江小林", 1042), ("盧秘書", 1047)],
    ),
    # near-misses: a section's label and a form's field stay in their unit
    ("總務報告：冷氣採購已公告\n主席：處長　紀錄：王秘", [("", -1), ("", -1)]),
    ("姓名：王小明\n電話：0912345678", [("", -1), ("", -1)]),
    ("時間：3/2 09:00 地點：302室\n主席：處長　紀錄：王秘", [("", -1), ("", -1)]),
]


@pytest.mark.parametrize(("text", "who"), LABELS)
def test_speaker_label_shapes(text: str, who: list[tuple[str, int]]) -> None:
    assert [(u.who, u.minute) for u in units(text)] == who


def test_a_log_in_bracketed_times_is_read_turn_by_turn() -> None:
    # the name in a bracketed-time label is no person tied to a matter in another turn
    text = (
        "2026/11/11（三）\n[12:38] 沈小林: 因應空污季節，戶外活動請視空氣品質調整\n"
        "[12:42] 鄧組長: 已讀不回是怎樣\n[12:46] 石股長: 明天我請假，有事打我\n"
        "[12:50] 鄧組長: 欠稅移送執行案件本季5百件，請各分局確實追蹤執行結果"
    )
    assert segment.chat_log(text, units(text))


def test_short_or_single_line_messages_are_not_cut() -> None:
    assert units("明天開會，記得帶資料") == []
    assert units("一行很長的公告，" * 20) == []
    assert units("好\n收到") == []
    short = units("[阿明] 檢舉人是誰？\n[小王] 林美玲")
    assert [u.short for u in short] == [False, True]
    timed = units("09:58 王科：那份資料我看到了\n10:01 王科：明天再跟你說")
    assert [(u.who, u.minute) for u in timed] == [("王科", 598), ("王科", 601)]


def test_a_hostile_message_is_cut_into_few_units() -> None:
    text = "[王主任] 檢舉人是誰不能說，依規定保密\n" * 5000
    us = units(text)
    assert 0 < len(us) <= 40
    assert segment.cut(text)[1] is False  # more lines than it reads: never cleared by its units
    assert all(u.end - u.start <= 240 for u in us)
    assert scan_text(text).verdict in ("allow", "warn", "block")
