"""The 21 finding types, in one table: every set of types is derived from it.

    kind        identifier: a number that points at one person (ID, card, passport...)
                personal:   personal data (phone, address, birth date...) and names
                matter:     a confidential matter (warrant, bid price, medical condition...)
    hard        a leak on its own once its checksum holds (no context needed)
    checksum    the type has a check digit (Luhn, the national ID's weights)
    needs       needs a person (or another personal datum) beside it to be a leak
    person      identifies a person: a matter about someone named by it is a disclosure
    value       a span of characters with a value: two overlapping values are one finding
    direct      reaches one person directly (an ID, a card, a passport, a phone number):
                a matter told next to one is not office workflow or a training story

The order is the order of DETECTORS (detectors/registry.py), which a meta-test checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["identifier", "personal", "matter"]


@dataclass(frozen=True, slots=True)
class TypeInfo:
    name: str
    kind: Kind
    hard: bool = False
    checksum: bool = False
    needs: bool = False
    person: bool = False
    value: bool = False
    direct: bool = False


TYPES: tuple[TypeInfo, ...] = (
    TypeInfo(
        "tw_national_id",
        "identifier",
        hard=True,
        checksum=True,
        person=True,
        value=True,
        direct=True,
    ),
    TypeInfo(
        "tw_resident_id",
        "identifier",
        hard=True,
        checksum=True,
        person=True,
        value=True,
        direct=True,
    ),
    TypeInfo("credit_card", "identifier", hard=True, checksum=True, value=True, direct=True),
    TypeInfo("passport_number", "identifier", hard=True, person=True, value=True, direct=True),
    TypeInfo("phone_number", "personal", needs=True, person=True, value=True, direct=True),
    TypeInfo("bank_account", "personal", value=True),
    TypeInfo("email", "personal", needs=True),
    TypeInfo("license_plate", "personal", needs=True, person=True, value=True),
    TypeInfo("birth_date", "personal", needs=True, person=True, value=True),
    TypeInfo("address", "personal", needs=True, person=True),
    TypeInfo("person_name", "personal", person=True),
    TypeInfo("health_info", "matter"),
    TypeInfo("criminal_record", "matter"),
    TypeInfo("travel_record", "matter"),
    TypeInfo("warrant", "matter"),
    TypeInfo("investigation_secret", "matter"),
    TypeInfo("whistleblower_identity", "matter"),
    TypeInfo("procurement_secret", "matter"),
    TypeInfo("classified_marking", "matter"),
    TypeInfo("personnel_secret", "matter"),
    TypeInfo("inspection_plan", "matter"),
)

BY_NAME: dict[str, TypeInfo] = {t.name: t for t in TYPES}
FINDING_TYPES: tuple[str, ...] = tuple(t.name for t in TYPES)

# Identifiers that are a leak on their own (with a valid checksum where they have one).
HARD_IDS = frozenset(t.name for t in TYPES if t.hard)
CHECKSUM_TYPES = frozenset(t.name for t in TYPES if t.checksum)
# What a person's name can be tied to: identifiers and personal data (not the name itself).
PERSONAL_DATA = frozenset(t.name for t in TYPES if t.kind != "matter" and t.name != "person_name")
# A matter detector asks whether one of these points at a person in the message.
PERSON_TYPES = frozenset(t.name for t in TYPES if t.person)
MATTERS = frozenset(t.name for t in TYPES if t.kind == "matter")
# Matters about a case or a person, which a name beside them makes a disclosure
# (a classified header is a leak whoever is named).
CASE_MATTERS = MATTERS - {"classified_marking"}
VALUE_TYPES = frozenset(t.name for t in TYPES if t.value)
DIRECT_IDS = frozenset(t.name for t in TYPES if t.direct)
