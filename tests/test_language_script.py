"""Cyrillic words disguised with look-alike Latin letters, on real text of the news-bg small-site corpus."""

from __future__ import annotations

import json

import pytest
from conftest import SHARED

import vestnik
from vestnik.language.script import unmask

CORPUS = SHARED / "eval" / "news-bg" / "hack-the-fake-news.jsonl"


@pytest.fixture(scope="module")
def disguised() -> str:
    """An article written almost wholly in look-alike Latin letters ("Бългapия", "Mapиянa Hиĸoлaeвa")."""
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["Content"]
            if "Бългapия" in text and "Mapиянa" in text:
                return text
    raise AssertionError("the disguised article is missing from the corpus")


def test_the_reading_has_every_offset_of_the_verbatim_text(disguised: str) -> None:
    reading, changed = unmask(disguised)  # type: ignore[misc]
    assert len(reading) == len(disguised) and changed > 100
    assert "България" in reading and "Марияна Николаева" in reading and "Бългapия" not in reading
    assert "С него буквално" in reading and "която се прочу" in reading  # short look-alike words between Cyrillic
    # only letters changed, each into one letter
    assert all(a == b or (a.isalpha() and b.isalpha()) for a, b in zip(disguised, reading, strict=True))


def test_plain_news_and_latin_names_are_left_alone(seed_text: str) -> None:
    assert unmask(seed_text) is None
    assert unmask("Ryanair и BBC съобщиха, че TV-то и iPhone работят.") is None
    # typed with one Latin letter (keyboard slips in the BSNLP reports: "Aсия", "Северeн", "Моcква")
    assert unmask("Aсия Биби и Северeн поток") == ("Асия Биби и Северен поток", 2)


def test_the_pipeline_reads_disguised_words_and_keeps_the_text_verbatim(disguised: str) -> None:
    text = disguised[:2000]
    doc = vestnik.extract(text)
    assert doc.text == text and doc.language == "bg"
    assert doc.meta["unmasked_letters"] > 100
    linked = {text[m.span[0] : m.span[1]]: m.entity for m in doc.mentions}
    assert linked["Бългapия"] == "vk:bulgaria"  # the KB's Bulgaria, found through the reading
    assert any(m.base == "Марияна Николаева" and m.type == "PER" for m in doc.mentions)


def test_story_titles_show_disguised_headlines_in_cyrillic() -> None:
    from vestnik.stories.features import clean_title

    with CORPUS.open(encoding="utf-8") as fh:
        titles = [json.loads(line)["Content Title"] for line in fh]
    disguised = [t for t in titles if unmask(t) is not None]
    assert len(disguised) >= 5
    assert all(unmask(clean_title(t)) is None for t in disguised)


def test_a_pages_extracted_text_is_read_so_too(disguised: str) -> None:
    """An HTML page's text is made by the first stage: the stages after it read that text's reading."""
    body = "".join(f"<p>{p}.</p>" for p in disguised[:2000].split(". "))
    page = f"<html><head><title>Новата Ванга</title></head><body><article><h1>Новата Ванга</h1>{body}</article></body></html>"
    doc = vestnik.extract(page, url="https://example.bg/novata-vanga")
    assert "Бългapия" in doc.text and doc.meta["unmasked_letters"] > 100
    assert "vk:bulgaria" in {m.entity for m in doc.mentions}
