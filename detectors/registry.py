"""The detectors, in the order they run. One explicit tuple: no plugin discovery.

Order matters a little: later detectors may read `doc.findings` of earlier ones
(person names are found before the matters that ask "is a person named here?").
"""

from __future__ import annotations

from detectors import phone_number, tw_national_id, tw_resident_id
from detectors.base import Detector

DETECTORS: tuple[Detector, ...] = (
    tw_national_id.DETECTOR,
    tw_resident_id.DETECTOR,
    phone_number.DETECTOR,
)
