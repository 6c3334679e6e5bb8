"""A long or structured message cut into the units it is made of.

    units(text) -> list[Unit]      # (start, end) spans into the text, speaker labels left out

A forwarded chat log is several speakers' turns (「09:43 小羅：…」, 「[廖主任] …」), a quoted
reply is the quoted line and the answer, a 公文 excerpt or meeting minutes are numbered
items and reports (「社工室報告：…」, 「臨時動議：…」), a long notice is its lines. Each
unit says one thing; detectors/units_read.py reads a unit on its own when a
matter in it was let pass only by talk elsewhere in the message (a training plan's 主旨,
a quiz line by another speaker, a published result in another item), so the frame of
one unit is no excuse for a leak in another.

A speaker's label (timestamp, 「[王主任]」, 「宏科：」, 「回覆 邱股長：」) is left out of the
unit: it says who is talking, not who is talked about, and read as part of the line it
would be taken for a named person. A label that names a section (「總務報告：」,
「密件內容：」) is part of its unit and kept.

Cheap checks first: a message of one line or of fewer than `MIN_LEN` characters is not
cut at all; at most `MAX_UNITS` units are returned, each at most `MAX_UNIT_LEN` long.
"""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

MIN_LEN = 16
MAX_UNITS = 40  # a forwarded log of 40 turns is read whole; a longer message is cut short
MAX_UNIT_LEN = 240
_MIN_UNIT = 6  # shorter lines (「散會」, 「林美玲啦」) are read with a neighbour

# A speaker label at a line's start: an optional timestamp, then 「[name]」 or 「name：」,
# or a quoted reply's 「回覆 name：」.
_LABEL = re.compile(
    r"(?P<q>>\s*)?"  # a quoted line (> 丁小林：…)
    r"(?P<ts>\[?[0-9０-９]{1,2}[:：][0-9０-９]{2}\]?\s*)?"  # 09:43, [12:38]
    r"(?:\[(?P<br>[^\]\n]{1,8})\]\s*"
    r"|(?P<re>(?:回覆|回复|引用|re[:：]?)\s*)?(?P<name>[^\s：:\[\]，,。！？!?（）()、「」]{1,5})\s*"
    r"(?:[（(](?P<ts2>[0-9０-９]{1,2}[:：][0-9０-９]{2})[）)])?\s*[：:]\s*)",  # 邱小林（08:16）：
    re.IGNORECASE,
)
# A chat export's turn without a colon: a time, the sender, a space (17:22 江小林 本案…).
_TIMED_NAME = re.compile(
    r"(?P<ts>\[?[0-9０-９]{1,2}[:：][0-9０-９]{2}\]?)[ \t]+"
    r"(?P<name>[^\s：:\[\]，,。！？!?（）()、「」0-9]{1,5})[ \t]+(?=\S)"
)
# How a person is called in a chat log: a title or kin word after a surname or nickname
# (王主任, 怡股長, 李哥, 許秘, 宏科), or 阿傑, 小羅, 老王.
_CALLED = re.compile(
    r"(?:主任|股長|組長|科長|課長|處長|局長|所長|隊長|專員|科員|秘書|技士|技正|經理|主委"
    r"|老師|委員|督察|視察|承辦|哥|姐|姊|秘|科|仔|君|董|總|嫂|伯|叔|姨)$"
    r"|^[阿小老][^\s]$"
)
# Labels that name a section of a 公文 or minutes, never a speaker.
_SECTION = re.compile(
    r"報告|事項|動議|說明|主旨|內容|時間|地點|主席|紀錄|決議|案由|提案|附件|本|人$"
)


class Unit(NamedTuple):
    start: int
    end: int
    speaker: bool  # a speaker's label was left out before start
    short: bool = False  # a few characters (好, 林美玲啦, 是誰？): read with a neighbour
    who: str = ""  # the speaker's label (王主任), "" when none was left out
    minute: int = -1  # the turn's timestamp in minutes of the day, -1 when none


# An answer's opening (聽說是林美玲, 就是住三樓那個): the turn goes on from the one before.
_ANSWER = re.compile(r"(?:聽說|據說|應該|好像|可能|其實)?(?:就)?是")


# A unit that asks (是誰？, 幾家?, 哪一家, 多少): the next one may be its answer.
_ASKS = re.compile(r"[?？]|嗎|呢|誰|什麼|哪|多少|幾[家個位人件點號天]")


def go_together(text: str, a: Unit, b: Unit, *, log: bool = False) -> bool:
    """Two neighbouring units that say one thing: a short one and its neighbour, a
    question and its answer, one speaker's consecutive turns, a speaker's line and the
    unlabelled line that continues it. In a chat log any turn that asks (誰, 幾家, 哪)
    may be answered by the next; elsewhere only a line ending in a question mark (a
    notice's 是否…、哪些… is no question put to the next line: reading those pairs too
    caught 2 leaks and raised 1 false warning on untouched_s, aggregates only)."""
    return (
        a.short
        or b.short
        or (
            _ASKS.search(text, a.start, a.end) is not None
            if log
            else text[a.start : a.end].endswith(("？", "?"))
        )
        or _ANSWER.match(text, b.start) is not None
        or (a.speaker and not b.speaker)
        or (a.who != "" and a.who == b.who and (a.minute < 0 or 0 <= b.minute - a.minute <= 2))
    )


def read_together(text: str, us: list[Unit], *, log: bool = False) -> list[str]:
    """The text of each pair of neighbouring units that go together (go_together), the
    two joined by a line break: what is read as one."""
    return [
        f"{text[a.start : a.end]}\n{text[b.start : b.end]}"
        for a, b in itertools.pairwise(us)
        if go_together(text, a, b, log=log)
    ]


def readings(text: str, order: list[Unit], us: list[Unit], *, log: bool = False) -> list[str]:
    """Every reading of a message's parts: each unit of `order` (the units `us` in the
    order they are to be read), then in a chat log each speaker's turn that runs over
    three lines or more (the label's line and the unlabelled lines after it), then the
    pairs of neighbouring units that go together (read_together)."""
    out = [text[u.start : u.end] for u in order]
    n = len(us) if log else 0
    i = 0
    while i < n:
        j = i + 1
        if us[i].speaker:
            while j < n and not us[j].speaker:
                j += 1
            if j - i >= 3:
                out.append("\n".join(text[u.start : u.end] for u in us[i:j]))
        i = j
    return out + read_together(text, us, log=log)


# A log's header: 轉給你看一下前面的對話： / [LINE對話轉貼] / 討論串.
_LOG_HEADER = re.compile(r"對話|討論串|轉貼|聊天紀錄|line紀錄", re.IGNORECASE)
_LOG_MIN_SPEAKERS = 3


def chat_log(text: str, us: list[Unit]) -> bool:
    """The units are a forwarded chat log's turns: a reply under the message it quotes
    (回覆 許秘：要改到？ / the reply), or at least three turns open with a speaker, and
    a header names the log, or a speaker speaks twice, or turns are timed. A form's
    fields (姓名：, 電話：) and minutes' sections (主席：, 業務報告：) are no speakers."""
    if not us:
        return False
    if us[0].who.startswith("re:"):
        return len(us) >= 2
    speakers = [u.who for u in us if u.who]
    if len(speakers) < _LOG_MIN_SPEAKERS:
        return False
    first = text[: text.find("\n")]
    return (
        any(u.minute >= 0 for u in us)
        or len(set(speakers)) < len(speakers)
        or _LOG_HEADER.search(first) is not None
    )


def _minute(ts: str | None) -> int:
    if not ts:
        return -1
    h, _, m = ts.strip(" []").replace("：", ":").partition(":")
    try:
        return int(h) * 60 + int(m)
    except ValueError:  # full-width digits int() reads; anything else: no time
        return -1


def _body_start(line: str) -> tuple[int, str, int]:
    """Where a line's words start once a speaker's label is left out, the label and
    the turn's minute of the day."""
    t = _TIMED_NAME.match(line)
    if t is not None and _SECTION.search(t.group("name")) is None:
        return t.end(), t.group("name"), _minute(t.group("ts"))
    m = _LABEL.match(line)
    if m is None:
        return 0, "", -1
    ts = m.group("ts") or m.group("ts2")
    minute = _minute(ts)
    if m.group("br") is not None:
        return m.end(), m.group("br").strip() or "?", minute
    name = m.group("name")
    if m.group("re") is not None:
        return m.end(), f"re:{name}", minute
    if name is None or _SECTION.search(name) is not None:
        return 0, "", -1
    if ts is not None or m.group("q") is not None or _CALLED.search(name) is not None:
        return m.end(), name, minute
    return 0, "", -1


def units(text: str) -> list[Unit]:
    """The units of a message made of several lines; [] for a short or one-line one."""
    return cut(text)[0]


def cut(text: str) -> tuple[list[Unit], bool]:
    """The units of a message (units) and whether they hold all of it: False when the
    message had more than `MAX_UNITS` lines to read (what is left out is unread, so
    the message is never cleared for what its units do not say)."""
    if len(text) < MIN_LEN or "\n" not in text:
        return [], True
    out: list[Unit] = []
    whole = True
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        if len(out) >= MAX_UNITS:
            return out, False
        lead = len(line) - len(line.lstrip())
        off, who, minute = _body_start(line[lead:])
        s = start + lead + off
        e = len(line.rstrip()) + start
        if e <= s:
            continue
        whole = whole and e - s <= MAX_UNIT_LEN
        out.append(Unit(s, min(e, s + MAX_UNIT_LEN), who != "", e - s < _MIN_UNIT, who, minute))
    return (out, whole) if len(out) >= 2 else ([], True)
