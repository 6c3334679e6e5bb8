"""`email`: e-mail addresses. A personal mailbox tied to a citizen is a leak; an
agency address (*.gov.tw, *.edu.tw, the office's own domains) is not."""

from __future__ import annotations

import regex

from detectors.base import Detector, Finding
from detectors.doc import Doc
from detectors.lexicon import PERSON_ROLES

PATTERN = regex.compile(
    r"(?<![a-z0-9._%+\-])[a-z0-9][a-z0-9._%+\-]{0,63}@[a-z0-9](?:[a-z0-9\-]{0,62}\.)+[a-z]{2,24}(?![a-z0-9])"
)

# Spelled out to dodge filters: "yang dot kaiwen at gmail dot com".
SPELLED = regex.compile(
    r"(?<![a-z0-9])[a-z0-9][a-z0-9._\-]{0,40}(?:\s?(?:dot|\.)\s?[a-z0-9_\-]{1,40}){0,3}"
    r"\s?(?:\(at\)|\[at\]|\sat\s|＠)\s?[a-z0-9\-]{1,40}(?:\s?(?:dot|\(dot\)|\[dot\]|\.)\s?[a-z]{2,10}){1,3}(?![a-z0-9])"
)
# Split over lines or spaces around the @.
SPLIT = regex.compile(
    r"(?<![a-z0-9._%+\-])[a-z0-9][a-z0-9._%+\-]{0,63}\s{1,2}@\s{0,2}[a-z0-9](?:[a-z0-9\-]{0,62}\.)+[a-z]{2,24}(?![a-z0-9])"
    r"|(?<![a-z0-9._%+\-])[a-z0-9][a-z0-9._%+\-]{0,63}@\s{1,2}[a-z0-9](?:[a-z0-9\-]{0,62}\.)+[a-z]{2,24}(?![a-z0-9])"
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

_PERSON = frozenset(PERSON_ROLES)
_CONTEXT = frozenset(CONTEXT)


def mask_email(value: str) -> str:
    local, _, domain = value.partition("@")
    return f"{local[:1]}{'*' * max(1, len(local) - 1)}@{domain}"


def _candidates(doc: Doc) -> list[tuple[int, int, str]]:
    text = doc.text
    found = [(m.start(), m.end(), m.group()) for m in PATTERN.finditer(text)] if "@" in text else []
    if "@" in text:
        for m in SPLIT.finditer(text):
            if not any(m.start() < e and s < m.end() for s, e, _ in found):
                found.append((m.start(), m.end(), regex.sub(r"\s", "", m.group())))
    if " at " in text or "(at)" in text or "[at]" in text:
        for m in SPELLED.finditer(text):
            v = regex.sub(r"\s?(?:\(at\)|\[at\]|\sat\s|＠)\s?", "@", m.group())
            v = regex.sub(r"\s?(?:\(dot\)|\[dot\]|\sdot\s|\.)\s?", ".", v)
            found.append((m.start(), m.end(), v.replace(" ", "")))
    return found


def find(doc: Doc) -> list[Finding]:
    out: list[Finding] = []
    for start, end, value in _candidates(doc):
        domain = value.rsplit("@", 1)[1]
        ctx = doc.near(_CONTEXT, start, end, WINDOW, 5)
        if domain.endswith(PUBLIC_SUFFIXES) or domain in doc.policy.allow_domains:
            score, rule = 0.1, "email.public_domain"
        else:
            person = doc.near(_PERSON, start, end, WINDOW, 10)
            if person:
                score, rule, ctx = 0.7, "email.person", person
            elif domain in FREE_MAIL:
                score, rule = 0.4, "email.personal_mailbox"
            else:
                score, rule = 0.3, "email.address"
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
    words=(*CONTEXT, "@", " at ", "(at)", "[at]"),
    triggers=frozenset({"@", " at ", "(at)", "[at]"}),
)
