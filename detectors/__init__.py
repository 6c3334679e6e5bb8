"""Text detection: normalise, match, validate, weigh context, decide.

The one function every caller uses (CLI, webhook handlers, image pipeline):

    scan_text(text, *, policy=None, group_id=None, salt=None, source="text") -> ScanResult
"""

from detectors.rxcache import detector_patterns

# The detectors' patterns are compiled at import: from the stored programs when
# they are there (detectors/rxcache.py), which is most of the import's time saved.
with detector_patterns():
    from detectors.base import Finding, ScanResult, Verdict
    from detectors.engine import scan_text

__all__ = ["Finding", "ScanResult", "Verdict", "scan_text"]
