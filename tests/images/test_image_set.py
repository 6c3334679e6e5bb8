"""The generated image set through the real pipeline (embedded engine): recall and FPR bars.

40 photographed images (every document type and ten kinds of ordinary image, twice each, at
800-4000 px with tilt, perspective, 90° turns, EXIF orientation, blur and JPEG artefacts).
Fails when recall < 0.95 or the false-positive rate > 0.05; a wrong document type on a
flagged image counts as a miss of the type (checked separately, same bar).
"""

from __future__ import annotations

from images import scan_image
from ocr import OcrEngine
from tests.support.image_set import StoredSample

RECALL_MIN = 0.95
FPR_MAX = 0.05


def test_recall_and_false_positive_rate(image_set: list[StoredSample], engine: OcrEngine) -> None:
    rows = []
    for s in image_set:
        result = scan_image(s.data, engine=engine)
        rows.append((s, result.verdict != "allow", result.doc_type, result.types))
    positives = [r for r in rows if r[0].label == "flag"]
    negatives = [r for r in rows if r[0].label == "allow"]
    assert len(positives) >= 20 and len(negatives) >= 20
    recall = sum(flagged for _, flagged, _, _ in positives) / len(positives)
    fpr = sum(flagged for _, flagged, _, _ in negatives) / len(negatives)
    type_acc = sum(doc == s.doc_type for s, _, doc, _ in positives) / len(positives)
    misses = [
        f"{s.name} ({s.condition}, {s.long_side}px) -> {doc}"
        for s, flagged, doc, _ in positives
        if not flagged
    ]
    false_pos = [
        f"{s.name} ({s.condition}) -> {doc} {types}"
        for s, flagged, doc, types in negatives
        if flagged
    ]
    wrong_type = [
        f"{s.name}: {doc} != {s.doc_type}" for s, _, doc, _ in positives if doc != s.doc_type
    ]
    report = f"recall={recall:.3f} fpr={fpr:.3f} doc_type={type_acc:.3f} misses={misses} false_positives={false_pos} wrong_type={wrong_type}"
    print(report)
    assert recall >= RECALL_MIN, report
    assert fpr <= FPR_MAX, report
    assert type_acc >= RECALL_MIN, report
    # no ordinary image is ever given a document type
    assert not any(doc for _, _, doc, _ in negatives), report
