"""Bulgarian quotes of web articles (stop 73): beliefs and rumours said by no one named, dialogue after a colon."""

from __future__ import annotations

from vestnik.document import Document
from vestnik.pipeline import Resources
from vestnik.quotes.stage import quotes_stage

RES = Resources()


def spans(text: str) -> list[tuple[str, str | None, str | None, bool]]:
    doc = quotes_stage(Document(text=text, language="bg", published="2017-04-10"), RES)
    return [(doc.span_text(q.span), doc.span_text(q.cue) or None, doc.span_text(q.speaker.span) or None, q.direct)
            for q in doc.quotes]


def test_bulgarian_what_is_believed_or_rumoured_by_no_one_named() -> None:
    got = spans("Съществуването на планетата не е потвърдено научно, но се смята, че тя обикаля около Слънцето по "
                "голяма орбита. От дни се говори, че бабата на рожденика се е прибрала от САЩ.\n\n"
                "Смята се, че всяка рана зараства на този ден много бързо.\n")
    assert ("тя обикаля около Слънцето по голяма орбита", "се смята", None, False) in got
    assert ("бабата на рожденика се е прибрала от САЩ", "се говори", None, False) in got  # ("дни" is when, not who)
    assert ("всяка рана зараства на този ден много бързо", "Смята се", None, False) in got


def test_bulgarian_belief_with_no_clause_or_only_possible_reports_nothing() -> None:
    got = spans("В Брюксел се говори за възможност за наказание на Великобритания, в случай, че наруши правилата. "
                "Има основания да се смята, че цените ще паднат. Иван се смята за лидер на партията.\n")
    assert got == []
