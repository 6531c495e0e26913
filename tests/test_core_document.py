"""The document model and the public API on the seed page."""

from __future__ import annotations

import json

import vestnik
from vestnik.document import Document
from vestnik.pipeline import available_stages


def test_extract_keeps_text_verbatim(seed_doc, seed_text):
    assert seed_doc.text == seed_text
    assert seed_doc.published == "2024-12-18"


def test_contract_fields_present(seed_doc):
    d = seed_doc.to_dict()
    for key in ("id", "source", "language", "published", "text", "publisher", "article", "teasers", "mentions",
                "entities", "quotes", "sources", "times", "events", "duplicates"):
        assert key in d, key
    assert "tokens" not in d
    assert "tokens" in seed_doc.to_dict(layers={"tokens"})
    json.dumps(d, ensure_ascii=False)  # serialisable as is


def test_round_trip_through_dict(seed_doc):
    d = seed_doc.to_dict(layers={"tokens"})
    again = Document.from_dict(json.loads(json.dumps(d, ensure_ascii=False)))
    assert again.to_dict(layers={"tokens"}) == d


def test_every_span_points_into_text(seed_doc):
    n = len(seed_doc.text)
    spans = [seed_doc.article.headline, *seed_doc.article.paragraphs]
    spans += [t.span for t in seed_doc.teasers]
    spans += [m.span for m in seed_doc.mentions] + [t.span for t in seed_doc.times]
    spans += [q.span for q in seed_doc.quotes] + [s.span for s in seed_doc.sources]
    for s in spans:
        assert s is not None and 0 <= s[0] < s[1] <= n


def test_headline_and_teasers_of_seed(seed_doc):
    assert seed_doc.span_text(seed_doc.article.headline).startswith("Путин: Русия и Северна Корея")
    assert len(seed_doc.article.paragraphs) == 6
    assert [t.dateline for t in seed_doc.teasers] == ["Брюксел", "Киев", "Вашингтон", "Ханой", "Москва", "Киев"]
    assert all(t.truncated for t in seed_doc.teasers)
    items = dict(seed_doc.items())
    assert set(items) == {"article", *(f"teaser:{i}" for i in range(6))}
    # teasers are outside the article
    assert items["article"][1] <= items["teaser:0"][0]


def test_html_input_is_recognised():
    html = ("<html><head><title>T</title></head><body><article><h1>Заглавие на статията</h1>"
            "<p>Първи абзац с достатъчно текст, за да бъде извлечен като основно съдържание на страницата.</p>"
            "<p>Втори абзац, също с достатъчно дълъг текст за извличане от trafilatura и от vestnik.</p>"
            "</article></body></html>")
    doc = vestnik.extract(html)
    assert doc.text and "<p>" not in doc.text
    assert "Първи абзац" in doc.text


def test_segment_stage_is_always_available():
    assert available_stages()[0] == "segment"
