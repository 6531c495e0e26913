"""Language data of the extract layer (readable TSV files next to this module), loaded once per process."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([c.strip() for c in line.split("\t")])
    return rows


@lru_cache(maxsize=1)
def box_titles() -> frozenset[str]:
    """Titles of related/latest-news boxes in every language, lower-cased, without a trailing colon."""
    return frozenset(r[1].rstrip(":").lower() for r in _rows("box_titles.tsv") if len(r) > 1)


@lru_cache(maxsize=1)
def agencies() -> dict[str, str]:
    """Known agency forms (lower-cased) → canonical name."""
    return {r[0].lower(): (r[1] if len(r) > 1 and r[1] else r[0]) for r in _rows("agencies.tsv")}
