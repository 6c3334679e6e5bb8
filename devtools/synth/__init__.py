"""Synthetic image set, drawn by code: documents that leak and ordinary images that do not.

Used by the image tests (recall / false-positive rate), by `bench/bench_image.py` and by the
OCR engine comparison. Nothing here is stored in the repo as a binary: every image is drawn
with Pillow from a seed, with the CJK fonts Debian ships (fonts-noto-cjk, fonts-wqy-zenhei),
then "photographed": put on a background, turned, warped in perspective, blurred, resized
(800-4000 px on the long side) and JPEG-compressed.

Every person, number and address is invented; ID numbers carry valid check digits so the
text detectors treat them like real ones.

    python -m devtools.synth OUT_DIR [--seed N] [--per-kind N]   writes the set as JPEGs + labels

One module per concern: fonts (every font path), people (invented names and numbers), canvas
(drawing helpers), documents (images that leak), ordinary (images that do not), camera (photo
conditions), sets (the kinds and the generated set).
"""

from devtools.synth.camera import photograph, to_jpeg
from devtools.synth.canvas import (
    Canvas,
    a4,
    date_text,
    guilloche,
    paragraphs,
    phone_screen,
    portrait,
)
from devtools.synth.documents import (
    classified_doc,
    driver_license,
    health_card,
    household_register,
    id_card_back,
    id_card_front,
    passport,
    passport_mrz,
    record_screenshot,
    resident_certificate,
    warrant,
)
from devtools.synth.fonts import FONT_FILES, FontsMissing, font, fonts_available
from devtools.synth.ordinary import (
    business_card,
    chart,
    chat_screenshot,
    meeting_notice,
    member_card,
    menu,
    photo,
    poster,
    receipt,
    staff_badge,
)
from devtools.synth.people import (
    CITIES,
    FOREIGN,
    GIVEN,
    GIVEN_EN,
    LETTERS,
    ROADS,
    SURNAMES,
    SURNAMES_EN,
    address,
    mobile,
    national_id,
    person,
    resident_id,
    roc_date,
    tw_checksum_ok,
)
from devtools.synth.sets import KINDS, ORDINARY, SENSITIVE, SIZES, Kind, Sample, generate

__all__ = [
    "CITIES",
    "FONT_FILES",
    "FOREIGN",
    "GIVEN",
    "GIVEN_EN",
    "KINDS",
    "LETTERS",
    "ORDINARY",
    "ROADS",
    "SENSITIVE",
    "SIZES",
    "SURNAMES",
    "SURNAMES_EN",
    "Canvas",
    "FontsMissing",
    "Kind",
    "Sample",
    "a4",
    "address",
    "business_card",
    "chart",
    "chat_screenshot",
    "classified_doc",
    "date_text",
    "driver_license",
    "font",
    "fonts_available",
    "generate",
    "guilloche",
    "health_card",
    "household_register",
    "id_card_back",
    "id_card_front",
    "meeting_notice",
    "member_card",
    "menu",
    "mobile",
    "national_id",
    "paragraphs",
    "passport",
    "passport_mrz",
    "person",
    "phone_screen",
    "photo",
    "photograph",
    "portrait",
    "poster",
    "receipt",
    "record_screenshot",
    "resident_certificate",
    "resident_id",
    "roc_date",
    "staff_badge",
    "to_jpeg",
    "tw_checksum_ok",
    "warrant",
]
