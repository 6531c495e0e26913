"""Shared fixtures: paths to the seed page and the shared evaluation data (CI has ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "bta-putin-north-korea.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_doc(seed_text: str):
    """The seed page through the whole pipeline, once per test session."""
    import vestnik

    return vestnik.extract(seed_text, published="2024-12-18", id="bta-putin-north-korea")
