"""Speech-to-text homophones of the matter words, read as the words meant.

A message dictated to the phone comes out with homophones (稽查 typed as 機查, 已經 as
以經, 下午 as 夏午): the detectors' words and patterns would miss what a reader reads
at once. Each misheard spelling here is replaced by the word meant, character for
character (same length, so every offset still points at the original text), before
any detector reads the message.

Only spellings that are no word of their own are listed, and a spelling that can be
the end or the start of a real word is read only where that word cannot stand
(手機查詢 stays, 以經費不足為由 stays, 有機查驗 stays).
"""

from __future__ import annotations

import re

# misheard -> meant; same length.
HOMOPHONES: dict[str, str] = {
    "機查": "稽查",
    "臨撿": "臨檢",
    "撿舉": "檢舉",
    "約淡": "約談",
    "考積": "考績",
    "開鏢": "開標",
    "底嫁": "底價",
    "拘漂": "拘票",
    "確珍": "確診",
    "通揖": "通緝",
    "以經": "已經",
    "夏午": "下午",
}
assert all(len(k) == len(v) for k, v in HOMOPHONES.items())

_HAN = "\u4e00-\u9fff"
# 機查 only where 機 ends no word (手機查詢, 飛機查驗, 有機查驗, 司機查): after the start,
# a non-Chinese character or a word that leads a verb (要, 去, 會, 局, 明天...).
_AFTER_LEAD = "要去來會的做在說局隊組天晚早午再將也就先跟被"
# 以經 not as 以 + a word of 經 (以經費不足, 以經濟部名義, 以經驗判斷, 以經營為主).
_NOT_AFTER_YIJING = "濟費營驗典手常過由"

# Every spelling's first character: a text with none of them is returned at once.
_FIRST = frozenset(k[0] for k in HOMOPHONES)
# Led by a test of that character (same matches: every alternative starts with one):
# elsewhere a place is rejected in one character test, not one attempt per spelling.
_PATTERN = re.compile(
    "(?=[" + "".join(sorted(_FIRST)) + "])(?:"
    rf"(?:(?<![{_HAN}])|(?<=[{_AFTER_LEAD}]))機查"
    rf"|以經(?![{_NOT_AFTER_YIJING}])"
    r"|" + "|".join(k for k in HOMOPHONES if k not in ("機查", "以經")) + ")"
)


def respell_speech(text: str) -> str:
    """`text` with each misheard spelling replaced by the word meant (same length)."""
    if _FIRST.isdisjoint(text):
        return text
    return _PATTERN.sub(lambda m: HOMOPHONES[m.group()], text)
