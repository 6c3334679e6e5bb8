"""Fixtures of the OCR hook tests: the repo's image set, drawn once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.image_set import require_fonts
from tests.support.tune_t import first

SUBSET = 40  # tune_t's first 40 images (of 480): the whole set takes ~8 min a pass here


@pytest.fixture(scope="session")
def tune_t_subset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """bench/image_sets/tune_t's first `SUBSET` images and labels, drawn by its gen.py."""
    require_fonts()
    return first(tmp_path_factory.mktemp("tune_t"), SUBSET)
