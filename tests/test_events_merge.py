"""Cross-document merge of events: a reprint of the seed page tells the same events once more."""

from __future__ import annotations

from conftest import SHARED

import vestnik
from vestnik.events.export import rows
from vestnik.events.merge import merge_rows, story_map


def _docs() -> list[dict]:
    text = (SHARED / "seed" / "bta-putin-north-korea.txt").read_text(encoding="utf-8")
    d = vestnik.extract(text, published="2024-12-18").to_dict()
    other = vestnik.extract("Iran accused Israel of attacking its consulate in Damascus.", published="2024-04-02",
                            lang="en").to_dict()
    a, b = dict(d, id="bta-1", url="https://www.bta.bg/a"), dict(d, id="reprint-1", url="https://example.org/b")
    return [a, b, dict(other, id="iran-1")]


def test_reprints_merge_with_mention_counts() -> None:
    docs = _docs()
    flat = list(rows(docs))
    stories = story_map(docs)
    assert stories["bta-1"] == stories["reprint-1"] != stories["iran-1"]
    merged = merge_rows(flat, stories)
    per_doc = sum(1 for r in flat if r["vestnik_doc"] == "bta-1")
    assert len(merged) <= per_doc + sum(1 for r in flat if r["vestnik_doc"] == "iran-1")
    assert not any(r["vestnik_doc"] == "reprint-1" for r in merged)  # every reprinted event folded into the first
    assert sum(r["NumMentions"] for r in merged) == len(flat)
    signed = [r for r in merged if r["EventBaseCode"] == "057" and r["Actor1Code"].startswith("RUS")]
    assert signed and all(r["NumArticles"] == 2 and r["NumMentions"] >= 2 and r["NumSources"] == 2 for r in signed)
    assert all(r["merged_docs"] == "bta-1 reprint-1" for r in signed)
    iran = [r for r in merged if r["vestnik_doc"] == "iran-1"]
    assert iran and all(r["NumMentions"] == 1 and r["NumArticles"] == 1 for r in iran)


def test_without_stories_nothing_merges() -> None:
    flat = list(rows(_docs()))
    assert len(merge_rows(flat, {})) == len(flat)
