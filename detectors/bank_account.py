"""`bank_account`: bank and post-office account numbers.

Account numbers have no common checksum and look like any long number, so one
is only reported next to an account word (帳號, 帳戶, 戶頭, 匯款...). An agency's
own collection account (本署專戶, 代收) is not personal.
"""

from __future__ import annotations

import re

import regex

from detectors.base import Detector, Finding
from detectors.doc import Doc
from detectors.lexicon import PERSON_ROLES
from detectors.normalize import CN_DIGITS, SEP, digits_of, evasive
from detectors.tw_national_id import Covered, later_pieces

PATTERN = regex.compile(rf"(?<![0-9a-z])[0-9](?:{SEP}[0-9]){{9,15}}(?![0-9a-z])")
# Grouped with commas (784,084,448,01): an account only when the groups are not an
# amount's (1-3 digits, then threes), which COMMA_AMOUNT tells.
COMMA = regex.compile(r"(?<![0-9a-z,、])[0-9]{1,6}(?:\s?[,、]\s?[0-9]{1,6}){2,}(?![0-9a-z])")
# Groups of three or more split by 、 (華南銀行667、091、450、210、5): an enumeration of
# short numbers (1、2、3…) has shorter groups.
_LISTED = re.compile(r"[0-9]{3,6}(?:\s?、\s?[0-9]{3,6})+(?:\s?、\s?[0-9]{1,6})?")
COMMA_AMOUNT = regex.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")
_SPACES = re.compile(r"\s+")
_CN = frozenset(CN_DIGITS)


def evasive_or_numerals(original: str) -> bool:
    """Whether a number as written was disguised or read out in Chinese numerals."""
    return evasive(original) or not _CN.isdisjoint(original)


# One digit at a time between slashes (6/8/2/3/…): no date or fraction is written so.
SLASHED = regex.compile(r"(?<![0-9/])[0-9](?:\s?/\s?[0-9]){9,15}(?![0-9/])")
# Groups between slashes (1234/5678/9012, 0001234/0567890): an account only with 10-16
# digits in four groups or more, or with a group of four digits or more beside no
# date's shape (a date's groups are 1-3 digits, or 4 for the year first: 2024/3/5).
SLASH_GROUPS = re.compile(r"(?<![0-9/])[0-9]{2,8}(?:\s?/\s?[0-9]{2,8}){1,5}(?![0-9/])")
_SLASH_DATE = re.compile(r"[0-9]{2,4}\s?/\s?[0-9]{1,2}\s?/\s?[0-9]{1,2}")
# Post-office accounts are 局號 (7 digits) + 帳號 (7 digits): short, so only right after the word.
SHORT = regex.compile(
    rf"(?:帳號|局號|帳戶|account)\s?[:：]?\s?([0-9](?:{SEP}[0-9]){{6,8}})(?![0-9])"
)

CONTEXT: tuple[str, ...] = (
    "帳號",
    "帳戶",
    "賬號",
    "戶頭",
    "匯款",
    "匯到",
    "匯入",
    "轉帳",
    "存摺",
    "存簿",
    "郵局",
    "銀行",
    "局號",
    "戶名",
    "凍結",
    "圈存",
    "警示帳戶",
    "account",
    "acct",
    "bank",
)
# What is done with an account, and banks by their everyday short names: an account
# only when a person is tied to it (the policy), since they also sit next to phones.
WEAK_CONTEXT: tuple[str, ...] = (
    "存款",
    "薪轉",
    "薪轉戶",
    "薪資帳戶",
    "扣薪",
    "提領",
    "存入",
    "餘額",
    "人頭戶",
    "金流",
    "台銀",
    "臺銀",
    "土銀",
    "合庫",
    "一銀",
    "第一銀行",
    "華南",
    "彰銀",
    "兆豐",
    "台企",
    "臺企",
    "中信",
    "國泰",
    "世華",
    "玉山",
    "台新",
    "臺新",
    "富邦",
    "永豐",
    "元大",
    "凱基",
    "星展",
    "渣打",
    "新光",
    "上海商銀",
    "聯邦",
    "遠東",
    "將來銀行",
    "連線銀行",
    "樂天",
    "中華郵政",
    "郵政",
    "合作金庫",
    "中國信託",
    "企銀",
    "臺灣企銀",
    "台灣企銀",
    "土地銀行",
    "華南銀行",
    "彰化銀行",
    "農會",
    "漁會",
    "信用合作社",
)
AGENCY: tuple[str, ...] = (
    "專戶",
    "代收",
    "本署",
    "本局",
    "本處",
    "本府",
    "公庫",
    "繳款",
    "罰鍰",
    "捐款",
    "劃撥",
    "基金會",
    "協會",
    "公益",
    "規費",
    "會計室",
    "出納",
    "押標金",
    "保證金",
    "機關帳戶",
    "公務帳戶",
    "僅供廠商",
    # a bill's payment account, issued per bill (虛擬帳號, 繳費帳號, 銷帳編號)
    "虛擬帳號",
    "繳費",
    "銷帳",
)
# An organisation as the holder: 戶名 新北市政府地政局, 戶名：大發營造股份有限公司.
ORG_HOLDER = regex.compile(
    r"(?:戶名|收款人|受款人)\s?[:：]?\s?[\p{Han}a-z0-9()（）]{1,24}?"
    r"(?:政府|局|署|處|公所|學校|大學|醫院|基金會|協會|公司|中心|委員會|部|辦公室|商行|工作室|合作社)"
    r"(?![\p{Han}])"
)
_PHONE_LABEL = regex.compile(r"電話|客服|專線|傳真|tel|fax|phone")
CONTEXT_BEFORE = 25
CONTEXT_AFTER = 8

_STRONG_CONTEXT = frozenset(CONTEXT)
_CONTEXT = frozenset(CONTEXT + WEAK_CONTEXT)
_AGENCY = frozenset(AGENCY)
_PERSON = frozenset(PERSON_ROLES)


# The first piece of an account written in pieces (帳號前面是1234567，後面是8901234;
# 玉山銀行帳號 5863，後面接695922334): 3 to 9 digits, not a count of digits (前7碼).
SPLIT_HEAD = re.compile(r"(?<![0-9a-z])[0-9](?:[ \-.]?[0-9]){2,8}(?![0-9a-z]|碼|位)")
# Words in the gap that say the next number is something else.
SPLIT_VETO = (
    "分機",
    "#",
    "ext",
    "號",
    "室",
    "樓",
    "元",
    "塊",
    "金額",
    "電話",
    "手機",
    "第",
    "密碼",
)
# A head labelled as the end of the number (末四碼 4299, 後五碼): a masked value's tail.
_TAIL_LABEL = re.compile(r"(?:末|後|尾)[0-9一二三四五六七八九十]?[碼位數]?[是為:：]?\s?$")
SPLIT_WINDOW = 25  # an account word this close before the first piece
MAX_PIECES = 3


def _split_accounts(doc: Doc, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Accounts written in pieces after an account word or a bank's name: each later
    piece after a short gap with a word for "the rest is" (後面, 接, 剩下...), none for
    "something else" (分機, 元, 密碼...); 10 to 16 digits in all."""
    out: list[tuple[int, int, str]] = []
    text = doc.text
    covered = Covered(taken)
    for h in SPLIT_HEAD.finditer(text):
        if h.start() in covered or _TAIL_LABEL.search(text, max(0, h.start() - 5), h.start()):
            continue
        if doc.near(_CONTEXT, h.start(), h.end(), SPLIT_WINDOW, 0) is None:
            continue
        digits, pos = later_pieces(
            text, h.end(), digits_of(h.group()), tails=MAX_PIECES - 1, enough=10, veto=SPLIT_VETO
        )
        if pos != h.end() and 10 <= len(digits) <= 16:
            out.append((h.start(), pos, digits))
    return out


# A bank named right before the number (一銀 123.45.678901, 國泰世華(013) 0135-0123-4567,
# 第一銀行 忠孝分行 201-50-123456): the number is its account, unless it has a phone's
# shape (a mobile, or a landline's ten digits or fewer after 0).
_BANK_GAP = re.compile(r"[\s:：()（）0-9]{0,8}|[\s:：]{0,2}\S{1,6}分行[\s:：]{0,2}")
_PHONE_SHAPE = re.compile(r"09[0-9]{8}|0[2-8][0-9]{6,8}")
_BANKS = frozenset(WEAK_CONTEXT[WEAK_CONTEXT.index("台銀") :])


def _bank_before(doc: Doc, start: int, digits: str) -> str | None:
    """The bank named right before an account-shaped number, or None."""
    if _PHONE_SHAPE.fullmatch(digits) is not None:
        return None
    bank = doc.near(_BANKS, start, start, 14, 0)
    if bank is None:
        return None
    i = doc.text.rfind(bank, max(0, start - 14 - len(bank)), start)
    if i < 0 or _BANK_GAP.fullmatch(doc.text, i + len(bank), start) is None:
        return None
    return bank


def find(doc: Doc) -> list[Finding]:
    out: list[Finding] = []
    spans = [(m.start(), m.end()) for m in PATTERN.finditer(doc.text)]
    if "," in doc.text or "、" in doc.text:
        for m in COMMA.finditer(doc.text):
            n = len(digits_of(m.group()))
            if not 10 <= n <= 16:
                continue
            compact = _SPACES.sub("", m.group())
            if "、" in compact:
                ok = "," not in compact and _LISTED.fullmatch(compact) is not None
            else:
                # an amount's shape, unless read out in numerals no amount is written in
                ok = COMMA_AMOUNT.fullmatch(compact) is None or evasive_or_numerals(
                    doc.original[slice(*doc.norm.span(m.start(), m.end()))]
                )
            if ok:
                spans.append((m.start(), m.end()))
    if "/" in doc.text:
        for m in SLASHED.finditer(doc.text):
            if not any(m.start() < e and s < m.end() for s, e in spans):
                spans.append((m.start(), m.end()))
        for m in SLASH_GROUPS.finditer(doc.text):
            n = len(digits_of(m.group()))
            groups = [g.strip() for g in m.group().split("/")]
            if (
                10 <= n <= 16
                and (len(groups) >= 4 or max(map(len, groups)) >= 4)
                and _SLASH_DATE.search(m.group()) is None
                and (
                    doc.near(_STRONG_CONTEXT, m.start(), m.end(), CONTEXT_BEFORE, 0)
                    or _bank_before(doc, m.start(), digits_of(m.group()))
                )
                and not any(m.start() < e and s < m.end() for s, e in spans)
            ):
                spans.append((m.start(), m.end()))
    for m in SHORT.finditer(doc.text):
        if not any(m.start(1) < e and s < m.end(1) for s, e in spans):
            spans.append((m.start(1), m.end(1)))
    split: dict[tuple[int, int], str] = {}
    if doc.has(_STRONG_CONTEXT) or doc.has(_BANKS):
        for s, e, digits in _split_accounts(doc, sorted(spans)):
            spans.append((s, e))
            split[(s, e)] = digits
    for start, end in spans:
        ctx = doc.near(_CONTEXT, start, end, CONTEXT_BEFORE, CONTEXT_AFTER)
        if not ctx or _PHONE_LABEL.search(doc.text, max(0, start - 6), start):
            continue  # no account word; or 客服電話 02-…: a bank's phone line
        digits = split.get((start, end)) or digits_of(doc.text[start:end])
        holder = ORG_HOLDER.search(doc.text, end, min(len(doc.text), end + 40))
        if doc.near(_AGENCY, start, end, CONTEXT_BEFORE, CONTEXT_AFTER) or holder:
            score, rule = 0.15, "bank_account.agency"
        elif doc.near(_PERSON, start, end, 40, 15):
            score, rule = 0.75, "bank_account.person"
        elif not doc.near(_STRONG_CONTEXT, start, end, CONTEXT_BEFORE, CONTEXT_AFTER):
            bank = _bank_before(doc, start, digits)
            if bank is None:
                score, rule = 0.35, "bank_account.weak_context"
            else:
                score, rule, ctx = 0.6, "bank_account.bank_named", bank
        else:
            score, rule = 0.6, "bank_account.context"
        if (start, end) in split and rule == "bank_account.context":
            rule = "bank_account.split"
        out.append(
            doc.finding(
                "bank_account",
                start,
                end,
                masked=f"{'*' * (len(digits) - 4)}{digits[-4:]}",
                score=score,
                rule=rule,
                value=digits,
                context=ctx,
            )
        )
    return out


DETECTOR = Detector(
    name="bank_account",
    find=find,
    words=CONTEXT + WEAK_CONTEXT + AGENCY,
    triggers=_CONTEXT,
    needs_digit=True,
    min_digits=7,
)
