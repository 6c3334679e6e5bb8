"""`email`: e-mail addresses. A personal mailbox tied to a citizen is a leak; an
agency address (*.gov.tw, *.edu.tw, the office's own domains) is not."""

from __future__ import annotations

import re

import regex

from detectors.base import Detector, Finding
from detectors.doc import Doc
from detectors.lexicon import PERSON_ROLES

# Written to dodge filters: spaces around the @ and the dots ("chen.meiling88 @ gmail
# . com"), the @ and the dots spelled out ("yang dot kaiwen at gmail dot com",
# "chen[at]gmail(dot)com", "chen 小老鼠 gmail 點 com"). Read outward from each
# at-sign or its spelling (AT): the local part backwards (LOCAL, a reverse pattern
# anchored at the at-sign), the domain forwards (DOMAIN, anchored after it), so a
# message costs a bounded amount per at-sign, however long.
# Brackets a spelled @ or dot may stand in: ASCII and CJK (「at」, 【dot】, [.]).
_OPEN = r"[(\[{<「『【〔]"
_CLOSE = r"[)\]}>」』】〕]"
_DOT = rf"(?:\s{{0,2}}(?:\.|。|{_OPEN}\s?(?:dot|點|\.|。)\s?{_CLOSE}|點)\s{{0,2}}|\sdot\s)"
LOCAL = regex.compile(
    rf"(?r)(?<![a-z0-9._%+\-])[a-z0-9][a-z0-9_%+\-]{{0,63}}(?:{_DOT}[a-z0-9_%+\-]{{1,63}}){{0,8}}"
    r"(?:\s{0,2}加)?\s{0,2}"
)
DOMAIN = regex.compile(
    rf"\s{{0,2}}(?:加\s{{0,2}})?[a-z0-9][a-z0-9\-]{{0,62}}(?:{_DOT}[a-z0-9][a-z0-9\-]{{0,62}}){{0,3}}"
    rf"{_DOT}[a-z]{{2,24}}(?![a-z0-9])"
)
# The @ spelled (at, 小老鼠, 艾特 as it is read aloud), bracketed ([@], (a), 「at」), or a # glued between the
# local part and the domain (the web's "replace # with @").
_SPELLED = (
    rf"{_OPEN}\s?(?:at|a|小老鼠|艾特|@)\s?{_CLOSE}|@|小老鼠|艾特"
    r"|(?<=\s)at(?=\s)|(?<=[a-z0-9])#(?=[a-z0-9])"
)
AT = regex.compile(_SPELLED)
_SPELLED_AT = regex.compile(rf"\s*(?:加\s*)?(?:{_SPELLED})\s*(?:加\s*)?")
_SPELLED_DOT = regex.compile(
    rf"\s*(?:{_OPEN}\s?(?:dot|點|\.|。)\s?{_CLOSE}|\.|。|點|(?<=\s)dot(?=\s))\s*"
)
_SPACES = regex.compile(r"\s+")
AT_WORDS: tuple[str, ...] = (
    *("@", " at ", "小老鼠", "艾特", "#", "(a)", "[a]"),
    *(f"{o}at{c}" for o, c in zip("([{<「『【〔", ")]}>」』】〕", strict=True)),
)
WINDOW_BEFORE_AT = 600  # the longest local part LOCAL can read, and then some
MAX_AT = 200  # at-signs looked at in one message, at most
EVASIVE_SCORE = 0.55
# With spaces in it, an address must end in a common top-level domain: "hi @amy. ok"
# is a mention and a sentence, not hi@amy.ok.
SPACED_TLDS = frozenset(
    {
        *("com", "net", "org", "tw", "edu", "gov", "mil", "info", "biz", "io", "me", "co"),
        *("cc", "us", "uk", "jp", "kr", "cn", "hk", "mo", "sg", "my", "vn", "th", "ph"),
        *("id", "au", "ca", "de", "fr", "nz", "app", "dev"),
    }
)
CONTEXT: tuple[str, ...] = (
    "email",
    "e-mail",
    "信箱",
    "電子郵件",
    "電郵",
    "mail",
    "gmail",
    "yahoo",
    "hotmail",
)
PUBLIC_SUFFIXES: tuple[str, ...] = (".gov.tw", ".edu.tw", ".mil.tw", ".gov", ".org.tw")
FREE_MAIL: tuple[str, ...] = (
    "gmail.com",
    "yahoo.com",
    "yahoo.com.tw",
    "hotmail.com",
    "outlook.com",
    "live.com",
    "msn.com",
    "icloud.com",
    "me.com",
    "hinet.net",
    "ms1.hinet.net",
    "qq.com",
    "163.com",
    "proton.me",
    "protonmail.com",
)
WINDOW = 25
# Mail sent to a person right after the address (請直接寄給她): the mailbox is theirs.
_SENT_TO = re.compile(r"(?:寄|回信|回覆|轉)給?[他她](?!們)")
WINDOW_AFTER = 12
# A provider's regional hosts (msa.hinet.net): as personal as the provider itself.
_FREE_SUBDOMAINS = (".hinet.net",)

_PERSON = frozenset(PERSON_ROLES)
_CONTEXT = frozenset(CONTEXT)
_AT_WORDS = frozenset(AT_WORDS)


def mask_email(value: str) -> str:
    local, _, domain = value.partition("@")
    return f"{local[:1]}{'*' * max(1, len(local) - 1)}@{domain}"


def _candidates(doc: Doc) -> list[tuple[int, int, str, bool]]:
    """(start, end, address, spelled: written with spaces or words to dodge a filter)."""
    text = doc.text
    found: list[tuple[int, int, str, bool]] = []
    reach = -1
    for n, a in enumerate(AT.finditer(text)):
        if n >= MAX_AT:
            break
        if a.start() < reach:
            continue  # inside the address just found
        d = DOMAIN.match(text, a.end())
        if d is None:
            continue
        local = LOCAL.match(text, max(reach, 0, a.start() - WINDOW_BEFORE_AT), a.start())
        if local is None:
            continue
        reach = d.end()
        value = text[local.start() : d.end()]
        # written with words, spaces, or characters other than ASCII (a full-width ＠
        # or dot, full-width letters): chosen to dodge a filter
        spelled = (
            "@" not in value
            or not value.isascii()
            or _SPACES.search(value) is not None
            or not doc.original[slice(*doc.norm.span(local.start(), d.end()))].isascii()
        )
        if spelled:
            value = _SPELLED_DOT.sub(".", _SPELLED_AT.sub("@", value))
            value = _SPACES.sub("", value)
            if value.rsplit(".", 1)[-1] not in SPACED_TLDS:
                continue
        found.append((local.start(), d.end(), value, spelled))
    return found


# An address told in two parts beside a mail word: the local part, then a word for
# "the rest is" (後面是, 接, 加) and the domain (信箱 wang.ming，後面是 gmail.com;
# wangming88 然後 @yahoo.com.tw); or a provider named and the local part after it
# (他的 gmail 是 wangming1988). A bare domain must be a free-mail provider's.
_LOCAL_PART = r"[a-z0-9](?:[a-z0-9._%+\-]{0,62}[a-z0-9])?"
SPLIT = re.compile(
    rf"(?<![a-z0-9._%+\-@#])({_LOCAL_PART})([^a-z0-9@#\n]{{1,12}}?)(@\s?)?"
    r"([a-z0-9][a-z0-9\-]{0,62}(?:\.[a-z0-9][a-z0-9\-]{0,62}){0,3}\.[a-z]{2,24})(?![a-z0-9])"
)
_SPLIT_CUE = re.compile(r"後|后|接|加|再|然|domain|網域")
# A local part told alone: four characters or more, a letter among them.
_LOCAL_LETTERS = re.compile(r"(?=.*[a-z]).{4,}")
PROVIDER = re.compile(
    r"(gmail|yahoo|hotmail|outlook|icloud)\s?(?:的)?\s?(?:帳號|信箱|帐号)?\s?(?:是|為|:|：)\s?"
    rf"({_LOCAL_PART})(?![a-z0-9@#])"
)
_PROVIDER_DOMAIN = {"yahoo": "yahoo.com.tw"}
_LOCAL_SHAPE = re.compile(r"(?=.*[a-z])(?=.*[0-9._]).{4,}")
_FAST_DOMAIN = re.compile(r"[a-z0-9]\.[a-z]{2}|gmail|yahoo|hotmail|outlook|icloud")


def _split_candidates(
    doc: Doc, taken: list[tuple[int, int, str, bool]]
) -> list[tuple[int, int, str, bool]]:
    """Addresses told in two parts (SPLIT, PROVIDER), beside a mail word."""
    text = doc.text
    out: list[tuple[int, int, str, bool]] = []
    for m in SPLIT.finditer(text):
        local, gap, at, domain = m.groups()
        if (
            _SPLIT_CUE.search(gap) is None
            or (at is None and domain not in FREE_MAIL)
            or _LOCAL_LETTERS.fullmatch(local) is None
            or doc.near(_CONTEXT, m.start(), m.start(), WINDOW, 0) is None
        ):
            continue
        out.append((m.start(), m.end(), f"{local}@{domain}", True))
    for m in PROVIDER.finditer(text):
        provider, local = m.groups()
        if _LOCAL_SHAPE.fullmatch(local) is None:
            continue
        domain = _PROVIDER_DOMAIN.get(provider, provider + ".com")
        out.append((m.start(2), m.end(2), f"{local}@{domain}", True))
    return [c for c in out if not any(c[0] < e and s < c[1] for s, e, _, _ in taken)]


def find(doc: Doc) -> list[Finding]:
    out: list[Finding] = []
    found = _candidates(doc) if doc.has(_AT_WORDS) else []
    if doc.has(_CONTEXT) and _FAST_DOMAIN.search(doc.text) is not None:
        found += _split_candidates(doc, found)
    for start, end, value, spelled in found:
        domain = value.rsplit("@", 1)[1]
        ctx = doc.near(_CONTEXT, start, end, WINDOW, 5)
        if domain.endswith(PUBLIC_SUFFIXES) or domain in doc.policy.allow_domains:
            score, rule = 0.1, "email.public_domain"
        else:
            person = doc.near(_PERSON, start, end, WINDOW, 10)
            sent = None if person else _SENT_TO.search(doc.text, end, end + WINDOW_AFTER)
            if sent is not None:
                person = sent.group()  # 信箱 x@gmail.com，請直接寄給她: a person's own mailbox
            if person:
                score, rule, ctx = 0.7, "email.person", person
            elif domain in FREE_MAIL or domain.endswith(_FREE_SUBDOMAINS):
                score, rule = 0.4, "email.personal_mailbox"
            else:
                score, rule = 0.3, "email.address"
            if spelled and score < EVASIVE_SCORE:
                # spaced or spelled out to dodge a filter: nobody disguises an office address
                score, rule = EVASIVE_SCORE, "email.evasive"
        out.append(
            doc.finding(
                "email",
                start,
                end,
                masked=mask_email(value),
                score=score,
                rule=rule,
                value=value,
                context=ctx,
            )
        )
    return out


DETECTOR = Detector(
    name="email",
    find=find,
    words=CONTEXT + AT_WORDS,
    # a mail word too: an address told in two parts has no @ (`_split_candidates`)
    triggers=frozenset(AT_WORDS + CONTEXT),
)
