"""`bank_account`: bank and post-office account numbers.

Account numbers have no common checksum and look like any long number, so one
is only reported next to an account word (帳號, 帳戶, 戶頭, 匯款...). An agency's
own collection account (本署專戶, 代收) is not personal.
"""

from __future__ import annotations

import regex

from detectors.base import Detector, Finding
from detectors.doc import Doc
from detectors.lexicon import PERSON_ROLES
from detectors.normalize import SEP, digits_of

PATTERN = regex.compile(rf"(?<![0-9a-z])[0-9](?:{SEP}[0-9]){{9,15}}(?![0-9a-z])")
# Grouped with commas (784,084,448,01): an account only when the groups are not an
# amount's (1-3 digits, then threes), which COMMA_AMOUNT tells.
COMMA = regex.compile(r"(?<![0-9a-z,])[0-9]{1,6}(?:,[0-9]{1,6}){2,}(?![0-9a-z])")
COMMA_AMOUNT = regex.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")
# One digit at a time between slashes (6/8/2/3/…): no date or fraction is written so.
SLASHED = regex.compile(r"(?<![0-9/])[0-9](?:\s?/\s?[0-9]){9,15}(?![0-9/])")
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


def find(doc: Doc) -> list[Finding]:
    out: list[Finding] = []
    spans = [(m.start(), m.end()) for m in PATTERN.finditer(doc.text)]
    if "," in doc.text:
        for m in COMMA.finditer(doc.text):
            n = len(digits_of(m.group()))
            if 10 <= n <= 16 and COMMA_AMOUNT.fullmatch(m.group()) is None:
                spans.append((m.start(), m.end()))
    if "/" in doc.text:
        for m in SLASHED.finditer(doc.text):
            if not any(m.start() < e and s < m.end() for s, e in spans):
                spans.append((m.start(), m.end()))
    for m in SHORT.finditer(doc.text):
        if not any(m.start(1) < e and s < m.end(1) for s, e in spans):
            spans.append((m.start(1), m.end(1)))
    for start, end in spans:
        ctx = doc.near(_CONTEXT, start, end, CONTEXT_BEFORE, CONTEXT_AFTER)
        if not ctx or _PHONE_LABEL.search(doc.text, max(0, start - 6), start):
            continue  # no account word; or 客服電話 02-…: a bank's phone line
        digits = digits_of(doc.text[start:end])
        holder = ORG_HOLDER.search(doc.text, end, min(len(doc.text), end + 40))
        if doc.near(_AGENCY, start, end, CONTEXT_BEFORE, CONTEXT_AFTER) or holder:
            score, rule = 0.15, "bank_account.agency"
        elif doc.near(_PERSON, start, end, 40, 15):
            score, rule = 0.75, "bank_account.person"
        elif not doc.near(_STRONG_CONTEXT, start, end, CONTEXT_BEFORE, CONTEXT_AFTER):
            score, rule = 0.35, "bank_account.weak_context"
        else:
            score, rule = 0.6, "bank_account.context"
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
