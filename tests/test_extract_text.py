"""Plain-text segmentation on the seed page, the SlavicNER raw files, BSNLP inputs and agency copy."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from vestnik.document import Document
from vestnik.extract.segment import segment
from vestnik.extract.text import segment_text
from vestnik.pipeline import Resources

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "bta-putin-north-korea.txt"
EXPECTED = SHARED / "examples" / "bta-putin-north-korea.expected.json"
EVAL = SHARED / "eval"

needs_shared = pytest.mark.skipif(not (EVAL / "ner-bg").exists(), reason="shared eval data not present")


def _seg(text: str) -> Document:
    return segment(Document(text=text), Resources())


def test_seed_page_article_and_teasers() -> None:
    text = SEED.read_text(encoding="utf-8")
    doc = _seg(text)
    assert doc.text == text
    exp = json.loads(EXPECTED.read_text(encoding="utf-8"))
    art = exp["article"]
    assert doc.span_text(doc.article.headline) == art["headline"]
    paras = [doc.span_text(p) for p in doc.article.paragraphs]
    assert len(paras) == 6
    assert paras[0].startswith("Руският президент Владимир Путин")
    assert paras[-1].startswith("„Това без съмнение отговаря")
    assert [t.dateline for t in doc.teasers] == ["Брюксел", "Киев", "Вашингтон", "Ханой", "Москва", "Киев"]
    assert all(t.truncated for t in doc.teasers)
    for t in doc.teasers:
        assert doc.span_text(t.headline_span) == t.headline and doc.span_text(t.snippet_span) == t.snippet
        assert t.headline not in "\n".join(paras)


@needs_shared
@pytest.mark.parametrize("lang", ["ner-bg", "ner-ru"])
def test_slavicner_raw_no_false_teasers_and_sane_paragraphs(lang: str) -> None:
    files = sorted((EVAL / lang / "raw").rglob("*.txt"))
    assert len(files) > 500
    with_headline = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        doc = segment_text(Document(text=text))
        assert doc.teasers == [], path.name
        paras = doc.article.paragraphs
        assert 1 <= len(paras) <= 60, path.name
        # Paragraphs are disjoint, in order, and cover the body after the headline.
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(paras)), path.name
        covered = sum(e - s for s, e in paras) + (doc.article.headline[1] - doc.article.headline[0]
                                                  if doc.article.headline else 0)
        assert covered >= 0.97 * len(text.strip().replace("\n", "")) - 5, path.name
        with_headline += doc.article.headline is not None
    assert with_headline >= 0.99 * len(files)


@needs_shared
def test_bsnlp_header_recognised_text_verbatim() -> None:
    files = sorted((EVAL / "news-bg" / "bsnlp-with-metadata").rglob("*.txt"))
    assert len(files) > 900
    dated = 0
    for path in files[:300]:
        text = path.read_text(encoding="utf-8")
        doc = segment_text(Document(text=text))
        lines = text.split("\n")
        assert doc.text == text
        assert doc.meta["header"]["format"] == "bsnlp", path.name
        assert doc.url == lines[3].strip() and doc.title == lines[4].strip()
        assert doc.span_text(doc.article.head_line()) == lines[4].strip()
        assert doc.article.body() and doc.article.body()[0][0] > doc.article.headline[1]
        assert doc.teasers == []
        if lines[2].strip() != "1970-01-01":
            assert doc.published == lines[2].strip()[:10] and doc.published_source == "metadata"
            dated += 1
        else:
            assert doc.published is None
    assert dated > 200


def test_bsnlp_header_does_not_override_given_date() -> None:
    text = "bg-1\nbg\n2018-06-03\nhttp://example.bg/a\nЗаглавие на статията\n\nТекст на статията, достатъчно дълъг.\n"
    doc = Document(text=text, published="2020-01-01", published_source="given")
    segment_text(doc)
    assert doc.published == "2020-01-01" and doc.url == "http://example.bg/a"


def test_no_header_when_lines_are_not_a_header() -> None:
    text = "Заглавие\n\nbg\n2018-06-03\nhttp://example.bg/a\nОще текст.\n"
    doc = segment_text(Document(text=text))
    assert "header" not in doc.meta and doc.url is None
    assert doc.span_text(doc.article.headline) == "Заглавие"


@pytest.mark.parametrize(
    ("text", "dateline", "publisher"),
    [
        ("Русия отговори на санкциите\n\nМОСКВА, 17 декември (БТА) – Русия заяви днес, че ще отговори.\n"
         "Второ изречение на статията.\n", "МОСКВА, 17 декември (БТА) – ", "BTA"),
        ("Russia vows response to sanctions\n\nMOSCOW, Dec 17 (Reuters) - Russia said on Tuesday it would respond.\n"
         "A second paragraph.\n", "MOSCOW, Dec 17 (Reuters) - ", "Reuters"),
        ("Песков прокомментировал санкции\n\nМОСКВА, 17 декабря. /ТАСС/. Кремль считает санкции незаконными.\n",
         "МОСКВА, 17 декабря. /ТАСС/. ", "TASS"),
    ],
)
def test_agency_dateline_gives_span_and_publisher(text: str, dateline: str, publisher: str) -> None:
    doc = _seg(text)
    assert doc.span_text(doc.article.dateline) == dateline
    assert doc.article.dateline[0] == doc.article.paragraphs[0][0]
    assert doc.publisher == {"name": publisher, "entity": None, "from": "dateline"}
    assert doc.teasers == []


def test_english_page_with_teaser_box() -> None:
    text = (
        "EU agrees new sanctions on Russia\n\n\n"
        "BRUSSELS, Dec 16 (Reuters) - European Union foreign ministers agreed a 15th package of sanctions.\n"
        "The package targets the so-called shadow fleet of tankers.\n"
        "\"We are sending a clear signal,\" Kaja Kallas told reporters.\n\n"
        "Kyiv\n\nZelenskiy asks allies for more air defence systems\n\n"
        "Ukrainian President Volodymyr Zelenskiy called on Western partners to speed up deliveries of...\n\n"
        "Washington\n\nBlinken announces new military aid package for Ukraine\n\n"
        "Secretary of State Antony Blinken announced a new package of military aid that includes...\n"
    )
    doc = _seg(text)
    assert len(doc.article.paragraphs) == 3
    assert [t.dateline for t in doc.teasers] == ["Kyiv", "Washington"]
    assert doc.publisher and doc.publisher["name"] == "Reuters"


def test_article_ending_in_short_lines_is_not_a_teaser_box() -> None:
    text = (
        "Парламентът прие бюджета\n\n"
        "Народното събрание прие на второ четене бюджета за 2025 година.\n"
        "Гласуваха 130 депутати.\n\n"
        "София\n\n"
        "Снимка: архив\n"
    )
    doc = _seg(text)
    assert doc.teasers == []
    assert len(doc.article.paragraphs) == 4


def test_empty_and_whitespace_text() -> None:
    for text in ("", "   \n\n  "):
        doc = segment_text(Document(text=text))
        assert doc.article.paragraphs == [] and doc.teasers == []


def test_box_title_line_is_not_a_paragraph() -> None:
    text = (
        "Песков прокомментировал переговоры\n\n"
        "Пресс-секретарь президента России Дмитрий Песков заявил, что Москва открыта для переговоров.\n"
        "По его словам, конкретных предложений пока не поступало.\n\n"
        "Читайте также\n\n"
        "Москва\n\nЛавров обсудил с Фиданом ситуацию в Сирии\n\n"
        "Министр иностранных дел РФ Сергей Лавров провел телефонный разговор с турецким коллегой...\n\n"
        "Пхеньян\n\nВ Пхеньяне прошли переговоры делегаций России и КНДР\n\n"
        "Делегации России и КНДР обсудили выполнение договора о всеобъемлющем стратегическом...\n"
    )
    doc = _seg(text)
    assert len(doc.article.paragraphs) == 2
    assert doc.meta["teaser_box_title"] == "Читайте также"
    assert [t.dateline for t in doc.teasers] == ["Москва", "Пхеньян"]


def test_segmenting_twice_gives_the_same_document() -> None:
    doc = _seg(SEED.read_text(encoding="utf-8"))
    first = doc.to_dict()
    again = segment(Document.from_dict(first), Resources())
    assert again.to_dict()["article"] == first["article"] and again.to_dict()["teasers"] == first["teasers"]


def test_titled_box_without_datelines() -> None:
    text = (
        "Court backs budget law\n\n"
        "The Constitutional Court upheld the budget law on Tuesday.\n"
        "The ruling ends a month of uncertainty.\n\n"
        "Read more\n\n"
        "Parliament approves new defence spending plan\n\n"
        "Lawmakers voted 140 to 60 in favour of the plan, which raises spending to...\n\n"
        "Opposition calls for early elections after vote\n\n"
        "The main opposition party said the government had lost its mandate and...\n"
    )
    doc = _seg(text)
    assert [doc.span_text(p) for p in doc.article.paragraphs] == [
        "The Constitutional Court upheld the budget law on Tuesday.", "The ruling ends a month of uncertainty."]
    assert doc.meta["teaser_box_title"] == "Read more"
    assert [t.headline for t in doc.teasers] == [
        "Parliament approves new defence spending plan", "Opposition calls for early elections after vote"]
    assert all(t.dateline is None and t.truncated for t in doc.teasers)


RUN_IN = ("Тереза Мей: След като напуснем ЕС, ще разполагаме с повече пари за здравеопазване Британският премиер "
          "Тереза Мей обеща днес да налее милиарди лири допълнително в изпадналото в криза обществено "
          "здравеопазване, най-вече благодарение на икономиите в резултат от излизането на\n\n"
          "Британският премиер Тереза Мей обеща днес да налее милиарди лири допълнително в изпадналото в криза "
          "обществено здравеопазване, най-вече благодарение на икономиите в резултат от излизането на "
          "Великобритания от Европейския съюз, предаде Франс прес.\n")


def test_lead_run_into_the_headline_line_is_a_paragraph_of_its_own() -> None:
    doc = _seg(RUN_IN)
    a = doc.article
    assert doc.span_text(a.headline) == "Тереза Мей: След като напуснем ЕС, ще разполагаме с повече пари за здравеопазване"
    assert a.lead == a.paragraphs[0] and doc.span_text(a.lead).startswith("Британският премиер")
    assert doc.span_text(a.lead).endswith("излизането на") and len(a.paragraphs) == 2
    assert doc.span_text(a.head_line()) == RUN_IN.split("\n")[0] and a.body() == a.paragraphs[1:]
    again = segment(Document.from_dict(doc.to_dict()), Resources())
    assert again.article == a


@pytest.mark.parametrize("text", [
    # a speaker's lead-in, then the body repeats the statement: the line is one headline
    "Дейвид Дейвис: Не е задължително връзките с ЕС да отслабнат след Брекзит\n\n"
    "Не е задължително връзките с ЕС да отслабнат след Брекзит, заяви британският министър.\n",
    # the headline repeated as the body's first words
    "Мей спечели ключов вот в парламента\n\nМей спечели ключов вот в парламента, съобщи Би Би Си.\n",
])
def test_no_run_in_lead_without_a_headline_before_it(text: str) -> None:
    a = _seg(text).article
    assert a.lead is None and a.headline == (0, text.index("\n"))
