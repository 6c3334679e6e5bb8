"""An internal error in a scan fails closed: a warn verdict that says the scan
failed, never an exception, never a silent allow; the log names the exception
type only, never the message."""

from __future__ import annotations

import logging

import pytest

from detectors import scan_text
from detectors.policy import PolicyError


class _Hostile(str):
    """A str whose methods break, as a caller's odd string type might."""

    __slots__ = ()

    def isascii(self) -> bool:
        raise RuntimeError("broken string 0912345678")


def test_an_internal_error_gives_a_warn_that_says_so(caplog: pytest.LogCaptureFixture) -> None:
    secret = _Hostile("身分證 A123456789 電話 0912345678")
    with caplog.at_level(logging.ERROR, logger="detectors.engine"):
        result = scan_text(secret)
    assert result.verdict == "warn"
    assert [f.type for f in result.findings] == ["scan_failed"]
    assert result.reasons == ["scan_failed"]
    f = result.findings[0]
    assert (f.start, f.end) == (0, len(secret))
    assert "0912345678" not in f.masked
    assert "RuntimeError" in caplog.text
    assert "0912345678" not in caplog.text and "A123456789" not in caplog.text


def test_a_non_string_fails_closed_too() -> None:
    result = scan_text(None)  # type: ignore[arg-type]
    assert result.verdict == "warn"
    assert result.findings[0].type == "scan_failed"


def test_a_bad_policy_file_still_raises(tmp_path: object) -> None:
    with pytest.raises(PolicyError):
        scan_text("好的", config="/nonexistent/policy.toml")
