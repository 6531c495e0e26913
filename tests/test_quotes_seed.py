"""The seed page through the whole pipeline: every quote, speaker and source chain of the hand annotation."""

from __future__ import annotations

from pathlib import Path

import pytest

from vestnik.document import Document
from vestnik.pipeline import make_pipeline

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "bta-putin-north-korea.txt"


@pytest.fixture(scope="module")
def seed() -> Document:
    if not SEED.exists():
        pytest.skip("shared seed page not present")
    doc = Document(text=SEED.read_text(encoding="utf-8"), id="seed", published="2024-12-18")
    return make_pipeline()(doc)


def _q(doc: Document, start: str):
    hits = [q for q in doc.quotes if doc.span_text(q.span).startswith(start)]
    assert hits, f"no quote starting {start!r}: {[doc.span_text(q.span)[:40] for q in doc.quotes]}"
    return hits[0]


def _src(doc: Document, i: int) -> str:
    s = doc.sources[i]
    ent = doc.entities.get(s.entity) if s.entity else None
    return ent.name if ent else doc.span_text(s.span)


def test_direct_quotes_and_their_cues(seed: Document) -> None:
    q1 = _q(seed, "Споразумението за всеобхватно")
    q2 = _q(seed, "Убеден съм, че през следващата 2025 г.")
    q3 = _q(seed, "Това без съмнение отговаря")
    assert all(q.direct for q in (q1, q2, q3))
    assert seed.span_text(q1.cue) == "цитира"
    assert seed.span_text(q2.cue) == "се казва още"
    assert seed.span_text(q3.cue) == "добавя"
    assert seed.span_text(q3.speaker.span) == "Путин"
    assert seed.span_text(q2.speaker.span) == "писмото"  # the medium: its author is the speaker
    assert seed.span_text(q1.span).endswith("във всички важни области")  # inside the marks, without them


def test_indirect_statements(seed: Document) -> None:
    q = _q(seed, "двете страни ще продължат да прилагат договора")
    assert not q.direct and seed.span_text(q.cue) == "заяви"
    assert seed.span_text(q.span).endswith("който подписаха през юни")  # stops before ", предаде Ройтерс"
    q = _q(seed, "юнската среща на върха")
    assert seed.span_text(q.cue) == "отбеляза" and seed.span_text(q.speaker.span) == "Путин"


def test_speakers_resolve_to_putin(seed: Document) -> None:
    starts = ["Споразумението", "Убеден съм", "Това без съмнение", "двете страни", "юнската среща"]
    for s in starts:
        q = _q(seed, s)
        assert q.speaker.entity in seed.entities, s
        assert seed.entities[q.speaker.entity].name == "Vladimir Putin", s


def test_source_chains(seed: Document) -> None:
    q = _q(seed, "двете страни")
    assert [_src(seed, i) for i in q.sources] == ["Reuters", "KCNA"]
    q = _q(seed, "юнската среща")
    assert [_src(seed, i) for i in q.sources] == ["TASS", "KCNA"]
    q = _q(seed, "Споразумението")
    assert [_src(seed, i) for i in q.sources] == ["KCNA"]
    q = _q(seed, "Убеден съм")  # "се казва още в писмото": the same letter, the same chain
    assert [_src(seed, i) for i in q.sources] == ["KCNA"]
    for s in seed.sources:  # every source keeps its evidence and a scope that contains it
        assert s.evidence.startswith("source:") and s.scope and s.scope[0] <= s.span[0] < s.scope[1]


def test_teaser_chain_state_department_via_reuters(seed: Document) -> None:
    q = _q(seed, "Посланичката на САЩ в Украйна Бриджит Бринк се оттегля")
    assert seed.span_text(q.span).endswith("от поста си")
    assert [_src(seed, i) for i in q.sources] == ["Reuters", "United States Department of State"]


def test_contract_fields(seed: Document) -> None:
    d = seed.to_dict()
    for q in d["quotes"]:
        assert {"span", "direct", "cue", "speaker", "sources", "when"} <= set(q)
        assert q["when"] == "2024-12-18" or q["when"].startswith("2024")
        assert all(0 <= i < len(d["sources"]) for i in q["sources"])
    for s in d["sources"]:
        assert s["cites"] is None or 0 <= s["cites"] < len(d["sources"])
