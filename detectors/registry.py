"""The detectors, in the order they run. One explicit tuple: no plugin discovery.

Order matters: identifiers and personal data first, then person names (which
look for names right before personal data), then the confidential matters
(which ask whether a person is named in the message; the name finder then runs
on demand if its own cues had not woken it).
"""

from __future__ import annotations

from detectors import (
    address,
    bank_account,
    birth_date,
    classified_marking,
    credit_card,
    criminal_record,
    email,
    health_info,
    inspection_plan,
    investigation_secret,
    license_plate,
    passport_number,
    person_name,
    personnel_secret,
    phone_number,
    procurement_secret,
    travel_record,
    tw_national_id,
    tw_resident_id,
    warrant,
    whistleblower_identity,
)
from detectors.base import Detector

DETECTORS: tuple[Detector, ...] = (
    tw_national_id.DETECTOR,
    tw_resident_id.DETECTOR,
    credit_card.DETECTOR,
    passport_number.DETECTOR,
    phone_number.DETECTOR,
    bank_account.DETECTOR,
    email.DETECTOR,
    license_plate.DETECTOR,
    birth_date.DETECTOR,
    address.DETECTOR,
    person_name.DETECTOR,
    health_info.DETECTOR,
    criminal_record.DETECTOR,
    travel_record.DETECTOR,
    warrant.DETECTOR,
    investigation_secret.DETECTOR,
    whistleblower_identity.DETECTOR,
    procurement_secret.DETECTOR,
    classified_marking.DETECTOR,
    personnel_secret.DETECTOR,
    inspection_plan.DETECTOR,
)
