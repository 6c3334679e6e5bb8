"""`phone_number`: Taiwanese mobile and landline numbers.

Mobile numbers (09xx-xxx-xxx, +886 9xx) are personal; a landline is usually an
office. The score says which: an office line (with an extension, 總機, 辦公室,
專線) or the sender's own number is reported with a low score and the policy lets
it pass; a mobile near a citizen (關係人, 民眾, 嫌疑人...) scores high. Public
hotlines (1999, 110, 165, 1955, 0800-...) are not phone numbers of anyone.
"""

from __future__ import annotations

import bisect
import re

import regex

from detectors.base import Detector, Finding
from detectors.discourse import number_label
from detectors.doc import Doc
from detectors.lexicon import PERSON_ROLES
from detectors.normalize import SEP, SEP_LOOSE, evasive
from detectors.person_name import _staff_at, name_ending_at
from detectors.tw_national_id import (
    _HAN,
    SPLIT_VETO,
    Covered,
    later_pieces,
    reverse_cue,
    split_cued,
)

# Mobiles are 09 + 8 digits: a shape amounts and dates do not have, so slashes and
# commas may stand between the digits too (0932/771/405, 零九三二，七七一，四零五).
# An o typed for the leading 0 (O932-771-405) is read as one; inside the number the
# normaliser already made it a digit.
MOBILE = regex.compile(
    rf"(?<![0-9])(?:\+?886|0|(?<![a-z])o){SEP_LOOSE}9(?:{SEP_LOOSE}[0-9]){{8}}(?![0-9])"
)
LANDLINE = regex.compile(
    rf"(?<![0-9])(?:\(0[2-8][0-9]?\)|0[2-8][0-9]?){SEP}[0-9](?:{SEP}[0-9]){{5,7}}(?![0-9])"
)
# Where a number can start (a 0, (0, +886 or 886 after a non-digit): every MOBILE
# and LANDLINE match starts at one. Most messages with 8+ digits have none (dates,
# document numbers), and one search here is cheaper than the two patterns.
_START = re.compile(r"[0(+8o](?<![0-9][0(+8o])(?:(?<=0)|(?<=\()0|(?<=\+)886|(?<=8)86|(?<=o)9)")
_NOT_DIGIT = re.compile("[^0-9]")
# The first piece of a mobile written in pieces (see _split_mobiles): 09 and up to 7
# more digits, standing alone; the `re` check before it.
SPLIT_HEAD = regex.compile(rf"(?<![0-9a-z])[0o]{SEP_LOOSE}9(?:{SEP_LOOSE}[0-9]){{0,7}}(?![0-9a-z])")
_SPLIT_FAST = re.compile(r"[0o](?<![0-9a-z][0o])[^0-9a-z]{0,3}9")
MAX_SPLIT_HEADS = 200
# A file's name (0912345678.pdf) or a piece of a longer dashed code (2024-0912-345678):
# a number that is part of something else, not a phone.
_FILE_AFTER = re.compile(
    r"\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|odp|jpe?g|png|gif|heic|zip|rar|7z|txt|csv|mp[34]|mov)"
    r"(?![a-z0-9])"
)
# A landline grouped by slashes or commas (02/2345/6789, 02,2345,6789) after a phone
# word: the middle group of 3-4 digits is no date's month, the last of 4 no amount's.
SLASHED_LANDLINE = re.compile(
    r"(?<![0-9/,])(?:\(0[2-8][0-9]?\)|0[2-8][0-9]?)\s?([/,、])\s?[0-9]{3,4}\s?\1\s?[0-9]{4}"
    r"(?![0-9/,])"
)
_CHAIN_BEFORE = re.compile(r"(?<![0-9+])(?!886)[0-9]{3,4}[-_]$")
# The score of a number written to dodge a filter.
EVASIVE_SCORE = 0.55
EXTENSION = regex.compile(r"\s*(?:分機|轉|#|ext\.?|x)\s*[0-9]{1,6}")

CONTEXT_PHONE: tuple[str, ...] = (
    "電話",
    "手機",
    "行動電話",
    "聯絡電話",
    "市話",
    "住家電話",
    "家裡電話",
    "室內電話",
    "號碼",
    "line id",
    "phone",
    "mobile",
    "tel",
    "cell",
)
CONTEXT_OFFICE: tuple[str, ...] = (
    "分機",
    "總機",
    "辦公室",
    "專線",
    "服務專線",
    "服務台",
    "櫃台",
    "客服",
    "傳真",
    "承辦",
    "承辦人",
    "本署",
    "本局",
    "本處",
    "本所",
    "本隊",
    "本科",
    "事務所",
    "公務機",
    "公務手機",
    "公務電話",
    "戶政",
    "公所",
    "服務站",
    "服務中心",
    "分局",
    "派出所",
    "地檢署",
    "法院",
    "醫院",
    "學校",
    "市政府",
    "縣政府",
    "總局",
    "監理站",
    "國稅局",
    "office",
    "ext",
    "fax",
    "hotline",
)
CONTEXT_SELF: tuple[str, ...] = (
    "我的手機",
    "我手機",
    "我的電話",
    "我電話",
    "打給我",
    "找我",
    "聯絡我",
    "call me",
    "my phone",
    "my mobile",
)
CONTEXT_HOME: tuple[str, ...] = (
    "住家",
    "家裡",
    "家中",
    "他家",
    "她家",
    "家電話",
    "宅",
    "住處",
    "home",
)
# A staff list: every number in it is a work number.
ROSTER: tuple[str, ...] = ("值班表", "值班", "輪值", "通訊錄", "分機表", "聯絡清單", "duty roster")
WINDOW_BEFORE = 20
WINDOW_AFTER = 12

_PERSON = frozenset(PERSON_ROLES)
_PHONE = frozenset(CONTEXT_PHONE)
_OFFICE = frozenset(CONTEXT_OFFICE)
# An office word this close before a number labels it (專線：, 公務電話 ).
OFFICE_LABEL = 3
_SELF = frozenset(CONTEXT_SELF)
_HOME = frozenset(CONTEXT_HOME)
_ROSTER = frozenset(ROSTER)


def mask_phone(digits: str) -> str:
    """0912345678 -> 09**-***-*78; 0223889393 -> 02-****-**93: at most 4 digits shown
    (MASK_SHOWN_MAX), the groups kept so that a reader still sees a phone number."""
    if digits.startswith("886"):
        digits = "0" + digits[3:]
    n = len(digits)
    hidden = digits[:2] + "*" * max(0, n - 4) + digits[max(2, n - 2) :]
    if digits.startswith("09") and n == 10:
        return f"{hidden[:4]}-{hidden[4:7]}-{hidden[7:]}"
    head = 3 if digits[:3] in ("037", "049", "082", "089") else 2
    return f"{hidden[:head]}-{hidden[head:-4]}-{hidden[-4:]}"


# Who a landline belongs to and what it is for (issue 9: "the agency's own office lines").
# A unit labels it: the number follows a name ending the way units are named (養工處,
# 里長服務處, 里辦公處, 民政課, 清潔隊, 衛生所, 服務中心 ...) with at most its 電話 / 專線 /
# 總機 / 傳真 word; 住處, 住所, 居所 are homes, not units (and 一組電話 is "a number").
_UNIT_LABEL = re.compile(
    r"[\u4e00-\u9fff]{1,4}(?<![住居寓租腳身])"
    r"(?:處|局|署|所|課|科|室|隊|股|中心|站|館|院|府|委員會|協會|公會|基金會|國小|國中|高中|大學)"
    r"的?(?:服務|聯絡|諮詢|洽詢|報修)?(?:電話|專線|總機|市話|傳真|號碼)?(?:是|為)?[ :]*\(?$"
)
UNIT_LABEL_BEFORE = 12
# ... or a notice names the unit as its contact desk (本案聯絡窗口：停車管理處，電話…;
# 本局受理窗口：旅宿管理科，(04)…): the desk's line, a comma between unit and number.
_DESK_LABEL = re.compile(
    r"(?:窗口|聯絡單位|承辦單位|受理單位|主辦單位)[ :：]*[\u4e00-\u9fff]{1,8}(?<![住居寓租腳身])"
    r"(?:處|局|署|所|課|科|室|隊|股|組|部|中心|站|館|院|府|委員會)"
    r"[，,、 ]*(?:聯絡|服務|洽詢)?(?:電話|專線|總機|市話)?(?:是|為)?[ :：]*\(?$"
)
DESK_LABEL_BEFORE = 26
# ... or it is offered to whoever calls: a call verb right before the number (請撥, 撥打,
# 請洽, 一般諮詢請撥 ...), nobody's name between them.
_CALL_BEFORE = re.compile(
    r"(?:撥打|撥|請打|可打|可以打|洽詢|請洽|電洽|洽|致電|請電|電詢|諮詢|(?:歡迎|請|可)來電)"
    r"(?:電話|專線|總機)?[ :]*\(?$"
)
# A role word followed by a call verb names who calls, not whose number it is: 請民眾撥,
# 里民可以打, 民眾打119. Calling in (打來, 來電) is not it: the caller's own number may follow;
# nor is a role someone is to reach (找陳情人請撥…, 打給家屬).
_CALLER_AFTER = re.compile(
    r"[都也]?(?:可以|可|請|要|能|就)?(?:撥打|撥|打(?![來過回])|洽詢|洽|電洽|詢問|問)"
    # 民眾來電請改撥…, 里民打來時請撥…: who calls in is told which line to dial
    r"|(?:來電|打來)(?:時|者)?[，, ]?(?:請|可)(?:改)?(?:撥打|撥|打|洽)"
)
_REACHED_BEFORE = re.compile(r"(?:找|給|聯絡|聯繫|通知|問)(?:一下)?$")


# The number's own label said right after it: it is ours, the office's line (…9894，那是
# 我們的總機; …（本所服務專線）): whoever calls it, the office answers.
_OURS_AFTER = re.compile(
    r"\s?[，,（(]?\s?(?:那|這)?(?:是|為)?(?:我們|本[所局處署隊科課館院校府站]|本單位|本中心|機關)的?"
    r"(?:總機|專線|服務專線|代表號|服務台|櫃台|公務電話|辦公室電話)"
)
# Where the sentence holding the number starts (a role word before it is another
# sentence's: 避免民眾陳情。如有緊急狀況請撥段部電話…).
_SENTENCE_END = re.compile(r"[。！？!?\n]")


def _sentence_start(text: str, start: int, within: int) -> int:
    lo = max(0, start - within)
    b = lo
    for m in _SENTENCE_END.finditer(text, lo, start):
        b = m.end()
    return b


# A line said to be private: a person's own, not the office's (私人手機, 個人電話).
_PRIVATE = re.compile(r"(我的?|本人的?)?(?:私人|個人)的?(?:手機|電話|號碼|門號|line)[ :]*\(?$")
PRIVATE_BEFORE = 10


def _owner_role(doc: Doc, start: int, end: int, before: int, after: int) -> str | None:
    """The nearest person-role word that could own the number (see `_CALLER_AFTER`)."""
    text = doc.text
    best: str | None = None
    best_d = 1 << 30
    for s, e, w in doc.all(_PERSON):
        if e < start - before or s > end + after:
            continue
        if (
            _CALLER_AFTER.match(text, e) is not None
            and _REACHED_BEFORE.search(text, max(0, s - 4), s) is None
        ):
            continue
        d = start - e if e <= start else (s - end if s >= end else 0)
        if d < best_d:
            best, best_d = w, d
    return best


def _label(pattern: re.Pattern[str], doc: Doc, start: int) -> str | None:
    """What `pattern` reads right before the number (its unit or call verb), or None."""
    m = pattern.search(doc.text, max(0, start - UNIT_LABEL_BEFORE), start)
    return m.group().rstrip(" :(") if m is not None else None


# Someone's phone word just before the call verb (王小明電話請撥 …): the line is whoever's
# stands before it; a unit (社會局電話請洽 …) or what the line is for (諮詢電話請撥 …)
# there keeps it public.
_OWNED_CALL = re.compile(
    r"(?<!服務|諮詢|洽詢|報修|報名|申辦|預約|客服)(?:電話|手機|市話|號碼)[ :]*(?:請|可以?|歡迎)?$"
)


def _offered(doc: Doc, start: int) -> str | None:
    """The call verb offering the line to whoever calls (see `_CALL_BEFORE`), or None."""
    text = doc.text
    m = _CALL_BEFORE.search(text, max(0, start - UNIT_LABEL_BEFORE), start)
    if m is None:
        return None
    owned = _OWNED_CALL.search(text, max(0, m.start() - 8), m.start())
    if owned is not None and _label(_UNIT_LABEL, doc, m.start()) is None:
        return None
    return m.group().rstrip(" :(")


def _score(doc: Doc, start: int, end: int, mobile: bool) -> tuple[float, str, str | None]:
    ext = EXTENSION.match(doc.text, end)
    if ext is not None:
        return 0.1, "phone_number.office_extension", "分機"
    roster = doc.first(_ROSTER) if doc.has(_ROSTER) else None
    if roster is not None:
        return 0.15, "phone_number.staff_roster", roster[2]
    private = _PRIVATE.search(doc.text, max(0, start - PRIVATE_BEFORE), start)
    if private is not None:
        # 承辦沈育菁的私人手機…: said to be a person's own line, not the office's,
        # whatever office word is near; the sender's own (我的私人手機) is theirs to give
        if private.group(1):
            return 0.2, "phone_number.own", private.group().strip(" :")
        return 0.6, "phone_number.private", private.group().strip(" :")
    office = doc.near(_OFFICE, start, end, WINDOW_BEFORE, WINDOW_AFTER)
    if office is not None and doc.near(_OFFICE, start, end, OFFICE_LABEL, 0) is not None:
        # 服務專線(049)683-6423, 公務電話(05)439-6868: the number's own label says it
        # is an office line, whoever else the message names (民眾詢問可轉…, 聯絡人：康先生)
        return 0.15, "phone_number.office", office
    ours = None if mobile else _OURS_AFTER.match(doc.text, end)
    if ours is not None and doc.near(_HOME, start, end, 10, 4) is None:
        return 0.15, "phone_number.office", ours.group().strip(" ，,（(")
    unit = None if mobile else _label(_UNIT_LABEL, doc, start)
    if unit is None and not mobile:
        desk = _DESK_LABEL.search(doc.text, max(0, start - DESK_LABEL_BEFORE), start)
        unit = desk.group().rstrip(" :：(，,、") if desk is not None else None
    if unit is not None and doc.near(_HOME, start, end, 10, 4) is None:
        # 養工處 (04)2801-3116, 里長服務處電話…: the unit's line, whoever else the message names
        return 0.15, "phone_number.unit_line", unit
    self_ = doc.near(_SELF, start, end, 12, 4)
    person = doc.near(_PERSON, start, end, WINDOW_BEFORE + 10, 0)
    if person is not None and not mobile:
        # 請民眾撥, 里民可以打: the role calls the line, it does not own it
        person = _owner_role(doc, start, end, WINDOW_BEFORE + 10, 0)
    if person is not None and not mobile and _offered(doc, start) is not None:
        # a line offered in its own sentence; the role word stands in another one
        within = WINDOW_BEFORE + 10
        b = _sentence_start(doc.text, start, within)
        if b > max(0, start - within) and doc.near(_PERSON, start, end, start - b, 0) is None:
            person = None
    if person is None and not mobile:
        call = _offered(doc, start)
        if call is not None and doc.near(_HOME, start, end, 10, 4) is None:
            # 一般諮詢請撥 02-…, 民眾可洽 (04)…: a line offered to whoever calls; a
            # contact named after it (報名請電洽 (04)… 王小姐) is who answers it
            return 0.15, "phone_number.public_line", call
    if person is None and office is None:
        person = doc.near(_PERSON, start, end, 0, 4)
        if person is not None and not mobile:
            person = _owner_role(doc, start, end, 0, 4)
    if self_ and not person:
        return 0.2, "phone_number.own", self_
    if person:
        return 0.8, "phone_number.person", person
    if office and not (mobile and _named_owner(doc.text, start)):
        return 0.15, "phone_number.office", office
    home = doc.near(_HOME, start, end, 10, 4)
    if home:
        return 0.75, "phone_number.home", home
    ctx = doc.near(_PHONE, start, end, WINDOW_BEFORE, WINDOW_AFTER)
    if mobile:
        return 0.55, "phone_number.mobile", ctx
    return 0.3, "phone_number.landline", ctx


# A phone word between the pieces (手機前四碼0929，手機後六碼…) is no "something else".
_SPLIT_VETO = tuple(w for w in SPLIT_VETO if w not in ("手機", "電話"))


def _near_cued(gap: str) -> bool:
    """After a phone word, a gap of punctuation alone (手機 0929，660839) needs no word
    for "the rest is"."""
    return split_cued(gap) or _HAN.search(gap) is None


# A mobile its owner is named for right before it (李素貞手機 0928…, 葉春嬌的電話：…,
# 打給羅雅婷：零玖…): that person's line, whatever office word stands elsewhere in the
# message (承辦問的 …, 公所那邊說 …). Not when the name is the office's own clerk or
# contact (承辦李素貞手機, 請洽王科長電話): a staff word right before the name, or a title.
_OWNED_BY = re.compile(r"的?(?:手機|電話|行動電話|門號)(?:號碼)?(?:是|為)?[ :：]*$")
_CALLED = re.compile(r"(?:打給|撥給|打電話給|回撥給|回電給)([\u4e00-\u9fff]{2,4})[ :：]*$")
OWNER_BEFORE = 16
_STAFF_NAMED = re.compile(
    r"(?:承辦人?|聯絡人|窗口|請洽|洽詢|洽|同事|同仁|值班|紀錄|主席|本[署局處所隊科課])[ :：]?$"
)


def _named_owner(text: str, start: int) -> bool:
    lo = max(0, start - OWNER_BEFORE)
    m = _OWNED_BY.search(text, lo, start)
    if m is not None:
        name_end = m.start()
    else:
        c = _CALLED.search(text, lo, start)
        if c is None:
            return False
        name_end = c.end(1)
    name = name_ending_at(text, name_end)
    if name is None:
        return False
    s = name[0]
    return _STAFF_NAMED.search(text, max(0, s - 4), s) is None and not _staff_at(text, s + 1)


def _split_mobiles(doc: Doc, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Mobiles written in pieces: 「手機前四碼0929，後六碼660839」, 「0967，然後873，
    最後760」. The pieces follow each other within a short gap holding no letter or
    digit; a gap with Chinese in it needs a word for "the rest is" (後, 然後, 剩下,
    還有...) or a phone word before the first piece, and a word for "something else"
    (分機, 號, 元...) ends the reading. Ten digits exactly, starting 09."""
    out: list[tuple[int, int, str]] = []
    text = doc.text
    covered = Covered(taken)
    for n, h in enumerate(SPLIT_HEAD.finditer(text)):
        if n >= MAX_SPLIT_HEADS:
            break
        if h.start() in covered:
            continue
        digits = "0" + _NOT_DIGIT.sub("", h.group()[1:])
        near = doc.near(_PHONE, h.start(), h.end(), WINDOW_BEFORE, 0) is not None
        cued = _near_cued if near else split_cued
        digits, pos = later_pieces(
            text, h.end(), digits, tails=2, enough=10, veto=_SPLIT_VETO, cued=cued
        )
        if len(digits) == 10 and pos != h.end():
            out.append((h.start(), pos, digits))
    return out


# A mobile written backwards (手機倒著寫 6982774090): ten digits ending 90, read only
# with a phone word and a word that says the number is reversed (tw_national_id.REVERSE_CUE).
# (its lookbehind after the first digit: the search then skips to the digits)
_REVERSED_MOBILE = re.compile(r"[0-9](?<![0-9][0-9])[0-9]{7}90(?![0-9])")
_PHONE_WORD = re.compile(r"手機|電話|門號|行動|phone|mobile")


# ... or with no word saying so, when a phone word labels it (電話：9603766190, 手機
# 9266226890, 回撥給…：8889353590): a number no Taiwanese phone starts with, whose
# reading backwards is a mobile, where a phone is announced.
_REVERSED_LABEL = re.compile(r"(?:手機|電話|門號|行動|撥給?|打給)[^0-9，。,;；\n]{0,8}[ :]*$")
REVERSED_LABEL_BEFORE = 14
# Every _REVERSED_LABEL match holds one of these.
_LABEL_WORDS = ("手機", "電話", "門號", "行動", "撥", "打給")


def _reversed_labelled(text: str, start: int) -> bool:
    return (
        text[start] != "0"
        and _REVERSED_LABEL.search(text, max(0, start - REVERSED_LABEL_BEFORE), start) is not None
    )


def find(doc: Doc) -> list[Finding]:
    out: list[Finding] = []
    taken: list[tuple[int, int]] = []  # mobile spans, in order
    text = doc.text
    # start, end, digits, mobile, how it was written ("", "split", "reversed")
    found: list[tuple[int, int, str, bool, str]] = []
    # Read only where it can count: a reverse cue, or a word _REVERSED_LABEL needs
    # (most long digit runs have neither: one search of the whole text spared).
    backwards = (
        _REVERSED_MOBILE.search(text)
        if reverse_cue(text) or any(w in text for w in _LABEL_WORDS)
        else None
    )
    if backwards is not None and (
        (reverse_cue(text) and _PHONE_WORD.search(text) is not None)
        or _reversed_labelled(text, backwards.start())
    ):
        found.append(
            (backwards.start(), backwards.end(), backwards.group()[::-1], True, "reversed")
        )
        taken.append(backwards.span())
    if _START.search(text) is None and not found:
        return out
    for m in MOBILE.finditer(text):
        digits = _NOT_DIGIT.sub("", m.group())  # normalize.digits_of, under `re`
        if m.group()[0] == "o":
            digits = "0" + digits
        found.append((m.start(), m.end(), digits, True, ""))
        taken.append((m.start(), m.end()))
    if _SPLIT_FAST.search(text) is not None:
        for s, e, digits in _split_mobiles(doc, taken):
            found.append((s, e, digits, True, "split"))
            bisect.insort(taken, (s, e))
    for m in LANDLINE.finditer(text):
        s, e = m.start(), m.end()
        if taken:
            i = bisect.bisect_left(taken, (e, e))
            if i > 0 and taken[i - 1][1] > s:
                continue
        digits = _NOT_DIGIT.sub("", m.group())
        if digits.startswith("0800"):
            continue
        found.append((s, e, digits, False, ""))
    if "/" in text or "," in text or "、" in text:
        for m in SLASHED_LANDLINE.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te, *_ in found):
                continue
            if doc.near(_PHONE, s, e, WINDOW_BEFORE, 0) is None:
                continue
            found.append((s, e, _NOT_DIGIT.sub("", m.group()), False, ""))
    for s, e, digits, mobile, written in found:
        if (
            number_label(text, s)
            or _FILE_AFTER.match(text, e) is not None
            or _CHAIN_BEFORE.search(text, max(0, s - 6), s) is not None
        ) or (text.startswith("第", s - 1) and text.startswith("號", e)):
            continue  # 移署一字第0912345678號: a document's number, not a phone
        score, rule, ctx = _score(doc, s, e, mobile)
        if written and rule == "phone_number.mobile":
            rule = f"phone_number.{written}"
        if score < EVASIVE_SCORE and evasive(doc.original[slice(*doc.norm.span(s, e))]):
            # written to dodge a filter (digits of another script, Chinese numerals,
            # marks): nobody disguises an office line
            score, rule = EVASIVE_SCORE, "phone_number.evasive"
        out.append(
            doc.finding(
                "phone_number",
                s,
                e,
                masked=mask_phone(digits),
                score=score,
                rule=rule,
                value=digits,
                context=ctx,
            )
        )
    return out


DETECTOR = Detector(
    name="phone_number",
    find=find,
    words=CONTEXT_PHONE + CONTEXT_OFFICE + CONTEXT_SELF + CONTEXT_HOME + ROSTER + PERSON_ROLES,
    needs_digit=True,
    min_digits=8,
)
