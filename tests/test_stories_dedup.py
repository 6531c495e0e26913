"""Normalisation, within-page duplicates and the corpus duplicate index, on real news text."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SHARED

from vestnik.document import Document
from vestnik.pipeline import make_pipeline
from vestnik.stories.features import story_doc
from vestnik.stories.index import DedupIndex
from vestnik.stories.items import page_duplicates
from vestnik.stories.normalize import fold, shingles, text_key, tokens

RAW = SHARED / "eval" / "ner-bg" / "raw"
_LATIN = str.maketrans({"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "Т": "T", "М": "M"})


def _doc(path: Path, text: str | None = None) -> Document:
    pipe = make_pipeline(only=["segment"])
    return pipe(Document(text=text if text is not None else path.read_text(encoding="utf-8"), id=path.stem))


def test_lookalike_latin_folds_to_cyrillic():
    disguised = "Путин".translate(_LATIN) + " и Мeркел".translate(_LATIN)
    assert disguised != "Путин и Меркел"
    assert tokens(disguised) == tokens("Путин и Меркел") == ["путин", "и", "меркел"]
    assert fold("\u00adСо\u200bфия") == fold("София")
    assert text_key(tokens("„Северен поток 2“ — днес")) == text_key(tokens('"СЕВЕРЕН ПОТОК 2" - днес'))


def test_seed_page_teasers_1_and_5_are_near_duplicates(seed_text: str):
    doc = make_pipeline(only=["segment", "stories"])(Document(text=seed_text, id="seed"))
    assert len(doc.teasers) == 6
    assert doc.duplicates == [["near-duplicate", "teaser:1", "teaser:5"]]


def test_page_with_repeated_article_as_cut_teaser(seed_text: str):
    """A page whose teaser box repeats its own article, cut with "...", links the two by containment."""
    doc = _doc(Path("seed"), seed_text)
    head = doc.span_text(doc.article.headline)
    lead = doc.span_text(doc.article.paragraphs[0])[:140].rsplit(" ", 1)[0] + "..."
    page = seed_text + f"\n\nМосква\n\n{head}\n\n{lead}"
    dups = page_duplicates(_doc(Path("seed"), page))
    assert ["contains", "article", "teaser:6"] in dups
    assert ["near-duplicate", "teaser:1", "teaser:5"] in dups


@pytest.fixture(scope="module")
def articles() -> list[Document]:
    files = sorted((RAW / "ryanair").glob("*.txt"))[:40]
    return [_doc(f) for f in files]


def test_index_finds_exact_disguised_cut_and_edited_reprints(articles: list[Document], tmp_path: Path):
    idx = DedupIndex()
    for d in articles:
        idx.add(story_doc(d))
    src = max(articles, key=lambda d: len(d.text) if len(d.text) < 3000 else 0)
    disguised = _doc(Path("x"), src.text.translate(_LATIN))
    disguised.id = "disguised"
    m = idx.add(story_doc(disguised))
    assert [(x.other, x.kind) for x in m][:1] == [(src.id, "exact")]

    words = src.text.split(" ")
    edited = " ".join(w if i % 25 else "обаче" for i, w in enumerate(words))
    e = _doc(Path("x"), edited)
    e.id = "edited"
    kinds = {x.other: x.kind for x in idx.add(story_doc(e))}
    assert kinds.get(src.id) == "near-duplicate"

    cut = Document(text=src.text[: len(src.text) // 4].rsplit(" ", 1)[0] + "...", id="cut")
    kinds = {x.other: x.kind for x in idx.add(story_doc(_doc(Path("x"), cut.text)))}
    assert kinds.get(src.id) == "contains"

    other = articles[0] if articles[0].id != src.id else articles[1]
    assert src.id not in {x.other for x in idx.add(story_doc(_doc(Path("y"), other.text[::-1])))}

    path = tmp_path / "stories.idx"
    idx.save(path)
    again = DedupIndex.load(path)
    probe = _doc(Path("z"), src.text.translate(_LATIN))
    assert {x.other for x in again.add(story_doc(probe))} == {x.other for x in idx.add(story_doc(probe))}
    assert len(again) == len(idx)


def test_shingles_of_short_texts():
    assert shingles(["а"]) == ["а"]
    assert shingles([]) == []
    assert shingles(["а", "б", "в", "г"]) == ["а б в", "б в г"]


def _exact_jaccard(a: list[str], b: list[str]) -> float:
    sa, sb = set(shingles(a)), set(shingles(b))
    return len(sa & sb) / len(sa | sb)


def test_index_decides_on_exact_jaccard_at_the_threshold(articles: list[Document]):
    """Candidates are verified on the exact shingle sets: reported iff the true word-3-gram Jaccard is ≥ 0.5,
    with that Jaccard as the score (MinHash estimates would scatter ±0.04 around the threshold)."""
    src = max(articles, key=lambda d: len(d.text) if len(d.text) < 4000 else 0)
    base = story_doc(src)
    idx = DedupIndex()
    idx.add(base)
    seen = set()
    for step in range(9, 16):  # every step-th word replaced: Jaccard from ~0.45 to ~0.65 around the threshold
        words = [w if i % step else f"дума{i}" for i, w in enumerate(base.words)]
        probe = story_doc(Document(text=src.text, id=f"p{step}"))
        probe.words = words
        jac = _exact_jaccard(base.words, words)
        seen.add(jac >= 0.5)
        m = {x.other: x for x in idx.add(probe) if x.other == src.id}
        if jac >= 0.5:
            assert m and m[src.id].kind == "near-duplicate" and m[src.id].score == round(jac, 3)
        else:
            assert not m or m[src.id].kind == "contains"
    assert seen == {True, False}
