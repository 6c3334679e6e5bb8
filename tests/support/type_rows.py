"""One table test for rows of (text, type, expect) read through the whole scan
(tests/detectors/test_public_places.py and test_personal_lines_and_addresses.py):
"flag" = the message is warned or blocked and the type reported; "none" = the type is
not reported and the message is allowed."""

from __future__ import annotations

from detectors import scan_text

TypeRow = tuple[str, str, str]


def type_row_ids(rows: list[TypeRow]) -> list[str]:
    """Test ids: the type, the expectation and the row's place in its table."""
    return [f"{r[1]}-{r[2]}-{i}" for i, r in enumerate(rows)]


def check_type_row(text: str, type_: str, expect: str) -> None:
    result = scan_text(text)
    reported = {f.type for f in result.findings}
    if expect == "flag":
        assert result.verdict in ("warn", "block"), result.verdict
        assert type_ in reported, sorted(reported)
    else:
        assert type_ not in reported, [f.rule for f in result.findings if f.type == type_]
        assert result.verdict == "allow", [(f.type, f.rule) for f in result.findings]
