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

CONTEXT: tuple[str, ...] = ("email", "e-mail", "信箱", "電子郵件", "電郵", "mail")
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


def find(doc: Doc) -> list[Finding]:
    out: list[Finding] = []
    for m in PATTERN.finditer(doc.text):
        value = m.group()
        domain = value.rsplit("@", 1)[1]
        ctx = doc.near(_CONTEXT, m.start(), m.end(), WINDOW, 5)
        if domain.endswith(PUBLIC_SUFFIXES) or domain in doc.policy.allow_domains:
            score, rule = 0.1, "email.public_domain"
        else:
            person = doc.near(_PERSON, m.start(), m.end(), WINDOW, 10)
            if person:
                score, rule, ctx = 0.7, "email.person", person
            elif domain in FREE_MAIL:
                score, rule = 0.4, "email.personal_mailbox"
            else:
                score, rule = 0.3, "email.address"
        out.append(
            doc.finding(
                "email",
                m.start(),
                m.end(),
                masked=mask_email(value),
                score=score,
                rule=rule,
                value=value,
                context=ctx,
            )
        )
    return out


DETECTOR = Detector(name="email", find=find, words=(*CONTEXT, "@"), triggers=frozenset({"@"}))
