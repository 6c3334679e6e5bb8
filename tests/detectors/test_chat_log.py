"""A forwarded chat log is read line by line (segment.chat_log, detectors/units_read.py).

Each `allow` row is a log of ordinary lines that the whole-message reading flagged: a
sender's name, a rule or a masked value in one line tied to a matter word in another.
Each `flag` row is a log with a leak in one line, in a speaker's continued line, or
across a question and its answer.
"""

from __future__ import annotations

import pytest

from detectors import scan_text
from detectors.segment import chat_log as _chat_log
from detectors.segment import units


def chat_log(text: str) -> bool:
    return _chat_log(text, units(text))


ROWS: list[tuple[str, str, str]] = [
    (
        "rule_and_names",
        "轉給你看一下前面的對話：\n[呂姐] 今天訂池上的請登記，十點半收單\n[呂姐] 吃飽沒？等咧開會\n"
        "[阿謝] 行政程序法第170條規定陳情人的身分要保密，回函記得把個資拿掉\n"
        "[張秘] 得獎公告（已遮蔽）：李○玲、黃○傑、侯○明",
        "allow",
    ),
    (
        "timed_lines",
        "補上剛剛的討論串👇\n09:16 阿蓉：偵查器材清點OK，少一台是借給別科，已登記\n11:07 廖股長：+1\n"
        "15:13 傑秘：個案孫阿嬤（匿名）這週訪視完成，報告已在系統\n"
        "17:31 廖股長：我明天要請病假半天，急件請宏股長代處理",
        "allow",
    ),
    (
        "named_speakers",
        "李股長：文書處理手冊：密件公文要用密件封套處理，不得用LINE傳\n"
        "陳姐：考前複習：入出境資料只能因公務查詢，私人查朋友的也算違法\n"
        "陳姐：群組公約第2條：這個群禁止傳個資、密件\n陳姐：中午要訂便當請登記，十點半收單",
        "allow",
    ),
    (
        "leak_in_a_line",
        "轉給你看一下前面的對話：\n[阿許] 公文系統又掛了\n"
        "[阿許] 檢舉好味小吃的是隔壁的林美華，不要說出去\n[阿許] 中午訂便當+1",
        "flag",
    ),
    (
        "id_in_a_continued_line",
        "10:27 阿許：郵件到了\n13:36 呂科：加班費申請截止是月底喔\n15:04 何主任：回覆 婷姐：是誰？\n"
        "就是巫娥華啦，身分證B147708432\n16:58 呂科：簽到表放桌上，別忘了簽",
        "flag",
    ),
    (
        "question_and_answer",
        "轉給你看一下前面的對話：\n[小王] 便當到了\n[阿傑] 那個被檢舉的案子，檢舉人是誰？\n"
        "[怡股長] 林美華，住在隔壁，你別說出去\n[小王] 收到",
        "flag",
    ),
    # a reply under the message it quotes: the quoted sender's name is no one's data
    (
        "quoted_reply",
        "回覆 許秘：要改到？\n上年度考績都核定，有疑問請在三十日內向人事室提出",
        "allow",
    ),
    ("quoted_answer", "回覆 婷姐：檢舉人是誰？\n就是林美華啦，住在隔壁", "flag"),
    ("quoted_leak", "回覆 小陳：收到\n王大明這次考績被打丙等，還沒核定先不要講", "flag"),
]


@pytest.mark.parametrize(("case", "text", "expect"), ROWS, ids=[r[0] for r in ROWS])
def test_chat_log_rows(case: str, text: str, expect: str) -> None:
    result = scan_text(text)
    assert (result.verdict != "allow") == (expect == "flag"), result


def test_minutes_and_one_speaker_are_no_log() -> None:
    minutes = "業務會報紀錄\n時間：1/14 16:00\n主席：主任\n紀錄：王秘\n一、主席致詞：感謝同仁"
    assert not chat_log(minutes)
    assert not chat_log("阿許：公文系統又掛了\n呂科：加班費月底截止")


def test_a_form_of_labelled_fields_is_no_log() -> None:
    # 姓名： / 電話： are a form's fields, not senders: the record is read whole
    form = "姓名：王小明\n電話：0912345678\n姓名：林美華\n電話：0922333444"
    assert not chat_log(form)
    result = scan_text(
        "轉貼一下名單\n姓名：王小明\n生日：75年3月2日\n地址：臺北市中正區重慶南路一段10號"
    )
    assert result.verdict != "allow"


def test_an_allowed_log_says_why() -> None:
    result = scan_text(ROWS[0][1])
    assert result.verdict == "allow"
    why = [step for f in result.suppressed for step in f.why]
    # Either reading of a long message may set it aside first: the chat log read line by
    # line, or the units of a structured message (units_read.said_by_no_part).
    assert any("forwarded chat log" in step or "no unit says it" in step for step in why), why
