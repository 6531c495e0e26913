"""Bulgarian sources of stop 78 on real sentences of web articles (the whole pipeline, so names resolve through the
entities layer as in production): a body's report that a sentence speaks of names where its news comes from, with or
without a cue word."""

from __future__ import annotations

from vestnik.document import Document
from vestnik.pipeline import make_pipeline

PIPE = make_pipeline()


def run(body: str, title: str = "Новини от деня") -> Document:
    return PIPE(Document(text=f"{title}\n\n{body}", id="t", published="2017-04-26"))


def sources(doc: Document) -> list[str]:
    return [doc.span_text(s.span) for s in doc.sources]


def test_a_conclusion_this_sentence_names_is_its_bodys() -> None:
    doc = run("Популацията им отбелязва драстичен спад през последните 30 години. Това е заключението на "
              "Международния съюз за опазване на природата (IUCN). Между 1985 и 2015 г. броят на жирафите е спаднал.")
    assert sources(doc) == ["Международния съюз за опазване на природата"]


def test_a_report_as_the_subject_after_a_fronted_phrase_is_its_bodys() -> None:
    doc = run("Освен с жирафите, последният доклад на IUCN разглежда статуса на 700 признати за нови видове птици.")
    assert sources(doc) == ["IUCN"]


def test_a_report_after_a_verb_or_preposition_without_a_cue_is_no_source() -> None:
    doc = run("Хакерите пробили сървъра на партията и предоставили информацията на „Уикилийкс“. Британската лира "
              "поскъпна предпазливо след информацията на агенцията.")
    assert sources(doc) == []


def test_data_still_to_come_are_no_source() -> None:
    doc = run("Окончателните данни на SMMT ще бъдат оповестени по-късно през деня.")
    assert sources(doc) == []


def test_a_persons_statement_named_without_a_cue_is_no_source() -> None:
    doc = run("Папата поднася своите извинения към индианците. Изявление на Kevin Annett по въпроса с разследването и "
              "доказването за геноцида.")
    assert sources(doc) == []


def test_a_bodys_report_with_its_clause_inside_a_direct_quote_is_a_source() -> None:
    doc = run("Телеграмата е озаглавена \"Secret Eyes Only\". \"Тъкмо получих съобщение от Пентагона, че една от "
              "подводниците ни се е сблъскала със съветска подводница\", пише Скоукрофт.")
    assert sources(doc) == ["Пентагона"]


def test_a_report_named_inside_a_quote_without_its_clause_is_left_to_the_speaker() -> None:
    doc = run("\"Прочетох доклада на Пентагона и не съм съгласен с него\", каза сенаторът.")
    assert sources(doc) == []
