"""HTML segmentation: the sample pages, the html-en benchmark, teaser boxes, hostile markup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import eval_scorer

from vestnik.document import Document
from vestnik.extract.html import HtmlExtractError, find_teasers, segment_html
from vestnik.extract.segment import segment
from vestnik.extract.text import segment_text
from vestnik.ingest.readers import InputError, document_from_string, read_file, read_inputs
from vestnik.pipeline import Resources

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "vestnik" / "samples"
SHARED = ROOT.parent / "shared"
HTML_EN = SHARED / "eval" / "html-en"

RES = Resources()


def _sample(name: str) -> Document:
    (doc,) = list(read_file(SAMPLES / name))
    assert isinstance(doc, Document), doc
    return segment(doc, RES)


def _body(doc: Document) -> str:
    return "\n".join(doc.span_text(p) for p in doc.article.paragraphs)


@pytest.mark.parametrize(
    ("name", "headline", "dateline", "agency", "n_teasers", "first_city", "published", "encoding"),
    [
        ("bg-bta-eu-sanctions.html", "ЕС прие петнадесетия пакет санкции срещу Русия", "БРЮКСЕЛ, 16 декември (БТА) – ",
         "BTA", 4, "Киев", "2024-12-16", "cp1251"),
        ("ru-tass-peskov-talks.html", "Песков: Москва открыта для переговоров, но без предварительных условий Киева",
         "МОСКВА, 17 декабря. /ТАСС/. ", "TASS", 3, "МОСКВА", "2024-12-17", "koi8-r"),
        ("ru-ria-ankara-meeting.html", "Фидан и Лавров обсудили в Анкаре урегулирование в Сирии",
         "АНКАРА, 12 дек — РИА Новости. ", "RIA Novosti", 4, "Дамаск", "2024-12-12", "koi8-r"),
        ("en-ap-iran-sanctions.html", "US imposes new sanctions on Iran's oil 'shadow fleet'", "WASHINGTON (AP) — ",
         "Associated Press", 3, "Vienna", "2024-12-19", "utf-8"),
        ("en-afp-baku-climate-deal.html", "Nations strike $300 billion climate finance deal after marathon talks in Baku",
         "BAKU, Nov 24 (AFP) - ", "AFP", 3, "BAKU", "2024-11-24", "utf-8"),
    ],
)
def test_sample_pages(name: str, headline: str, dateline: str, agency: str, n_teasers: int, first_city: str,
                      published: str, encoding: str) -> None:
    doc = _sample(name)
    assert doc.encoding == encoding
    assert doc.span_text(doc.article.headline) == headline
    assert doc.span_text(doc.article.dateline) == dateline
    assert doc.meta["dateline_agency"] == agency
    assert doc.published == published and doc.published_source == "metadata"
    assert doc.publisher is not None and doc.publisher["from"] == "metadata" and doc.publisher["name"]
    assert doc.url and doc.url.startswith("https://") and doc.title
    assert len(doc.teasers) == n_teasers
    assert doc.teasers[0].dateline == first_city
    assert all(t.truncated and t.snippet.endswith("...") for t in doc.teasers)
    body = _body(doc)
    assert 4 <= len(doc.article.paragraphs) <= 8
    for t in doc.teasers:
        # Each teaser is a record with spans into the text, and nothing of it leaks into the article body.
        assert doc.span_text(t.headline_span) == t.headline
        assert doc.span_text(t.snippet_span) == t.snippet
        assert t.dateline_span is None or doc.span_text(t.dateline_span) == t.dateline
        assert t.span[0] >= doc.article.paragraphs[-1][1]
        assert t.headline not in body and t.snippet[:40] not in body
    # Menus, cookie banners, share buttons and footers stay out of the body.
    for junk in ("Cookie", "cookie", "бисквитки", "©", "Поделиться", "Сподели", "Share"):
        assert junk not in body


def test_html_text_reads_back_as_a_plain_text_page() -> None:
    """The extracted text is laid out like a crawler's text page: the text segmenter finds the same structure."""
    for name in ("bg-bta-eu-sanctions.html", "en-reuters-putin-kim.html", "ru-interfax-belgrade-protests.html"):
        doc = _sample(name)
        again = segment_text(Document(text=doc.text))
        assert again.article.headline == doc.article.headline
        assert again.article.paragraphs == doc.article.paragraphs
        assert [t.headline_span for t in again.teasers] == [t.headline_span for t in doc.teasers]
        assert [t.dateline for t in again.teasers] == [t.dateline for t in doc.teasers]


def test_reprint_pair_share_the_story_but_not_the_page() -> None:
    a, b = _sample("bg-bta-eu-sanctions.html"), _sample("bg-reprint-eu-sanctions.html")
    pa, pb = [a.span_text(p) for p in a.article.paragraphs], [b.span_text(p) for p in b.article.paragraphs]
    assert len(set(pa[1:]) & set(pb[1:])) >= 3
    assert a.publisher and b.publisher and a.publisher["name"] != b.publisher["name"]
    assert a.meta["dateline_agency"] == b.meta["dateline_agency"] == "BTA"


def test_whole_sample_corpus_reads() -> None:
    docs = [d for d in read_inputs([str(SAMPLES)])]
    assert all(isinstance(d, Document) for d in docs)
    langs = {d.id[:2] for d in docs if d.html}
    assert langs == {"bg", "ru", "en"} and len(docs) >= 10
    encs = {d.encoding for d in docs}
    assert {"cp1251", "koi8-r", "utf-8"} <= encs


def test_given_metadata_wins_over_the_page() -> None:
    html = (SAMPLES / "en-reuters-putin-kim.html").read_text(encoding="utf-8")
    doc = document_from_string(html, url="https://given.example/x", published="2024-12-20", title="Given")
    doc = segment(doc, Resources())
    assert (doc.url, doc.published, doc.published_source, doc.title) == (
        "https://given.example/x", "2024-12-20", "given", "Given")


@pytest.mark.skipif(not HTML_EN.exists(), reason="shared eval data not present")
def test_html_en_body_f1_at_least_trafilatura(tmp_path: Path) -> None:
    """F1 on html-en must not fall below trafilatura alone (0.962), while teasers are returned too."""
    res = Resources()
    pred = tmp_path / "pred.jsonl"
    teasers = 0
    with pred.open("w", encoding="utf-8") as fh:
        for path in sorted((HTML_EN / "html").glob("*.html")):
            (doc,) = list(read_file(path))
            assert isinstance(doc, Document)
            doc = segment(doc, res)
            teasers += len(doc.teasers)
            fh.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
    score = eval_scorer()

    class Args:
        data = str(HTML_EN)

    Args.pred = str(pred)  # type: ignore[attr-defined]
    result = score.cmd_html(Args)
    assert result["missing_docs"] == 0
    assert result["f1"] >= 0.962
    assert teasers > 100


def test_teaser_box_found_by_class_in_real_markup() -> None:
    from trafilatura.utils import load_html

    html = """<html><body><article><h1>Main story headline here</h1><p>Body text of the main story that
    is long enough to count.</p></article><div class="related-articles"><ul>
    <li><span class="location">Sofia</span><a href="/1">Parliament approves the 2025 budget after long debate</a>
    <p>The National Assembly approved the budget in a second reading late on Friday after...</p></li>
    <li><a href="/2"><img src="x.jpg"></a><a href="/2">Government announces new energy support measures</a></li>
    <li><a href="/3">More</a></li></ul></div></body></html>"""
    items = find_teasers(load_html(html), "Main story headline here")
    assert [(i.city, i.headline) for i in items] == [
        ("Sofia", "Parliament approves the 2025 budget after long debate"),
        (None, "Government announces new energy support measures"),
    ]
    assert items[0].snippet.endswith("...")


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><script>var a = 1;</script></head><body><script>document.write('x')</script></body></html>",
        "<html><body>" + "<div>" * 50000 + "<p>deep</p>" + "</div>" * 50000 + "</body></html>",
        "<html><body><div class='" + "a" * 12_000_000 + "'><p>text inside a huge attribute</p></div></body></html>",
        "<html><body>   </body></html>",
    ],
    ids=["script-only", "deeply-nested", "huge-attribute", "empty-body"],
)
def test_hostile_markup_is_a_clear_input_error(html: str) -> None:
    doc = document_from_string(html, is_html=True, source="hostile.html")
    with pytest.raises(HtmlExtractError) as e:
        segment_html(doc, Resources())
    assert isinstance(e.value, InputError)
    msg = str(e.value)
    assert "\n" not in msg and "HTML" in msg


def test_broken_html_still_extracts() -> None:
    html = ("<html><body><div><h1>Преговорите продължават<p>Министърът на външните работи заяви днес, че "
            "преговорите с партньорите продължават <b>без прекъсване<div><p>Втори абзац без затварящи тагове, "
            "но с достатъчно текст, за да бъде абзац<a href='x'>връзка</html")
    doc = segment(document_from_string(html, is_html=True), Resources())
    assert doc.span_text(doc.article.headline) == "Преговорите продължават"
    assert "без прекъсване" in _body(doc)


def test_teaser_box_found_by_its_title() -> None:
    """No telling class: the box is recognised by its heading (data/box_titles.tsv)."""
    from trafilatura.utils import load_html

    html = """<html><body><article><h1>Основна статия за преговорите</h1><p>Текст на основната статия.</p></article>
    <div class="box"><div class="box-head"><h3>Още по темата:</h3></div><ul>
    <li><a href="/1"><h4>Парламентът прие бюджета за 2025 година</h4>
        <p>Народното събрание прие на второ четене бюджета след...</p></a></li>
    <li><a href="/2">Правителството обяви нови мерки за енергията</a></li></ul></div>
    <div class="links"><h3>Партньори</h3><a href="/p">Сайт на партньора с дълго име тук</a></div></body></html>"""
    items = find_teasers(load_html(html), "Основна статия за преговорите")
    assert [(i.headline, i.snippet) for i in items] == [
        ("Парламентът прие бюджета за 2025 година", "Народното събрание прие на второ четене бюджета след..."),
        ("Правителството обяви нови мерки за енергията", ""),
    ]


def test_bare_fragment_from_json_lines_html_field() -> None:
    doc = document_from_string("<p>Министърът заяви днес, че преговорите с партньорите продължават без прекъсване.</p>",
                               is_html=True)
    doc = segment(doc, Resources())
    assert doc.span_text(doc.article.paragraphs[0]).startswith("Министърът заяви днес")
