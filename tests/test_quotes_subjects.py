"""Bulgarian speakers shared across "и" (stop 80): the subject that opens a clause speaks through a later cue of the
same clause, a plain noun with its article ("Жената ... е уплашена и се кълне, че") or the subject of a verb before a
noun cue ("... се срещнаха и стигнаха до извода, че")."""

from __future__ import annotations

from vestnik.document import Document
from vestnik.pipeline import make_pipeline

NLP = make_pipeline()


def spans(text: str) -> list[tuple[str, str | None, str | None]]:
    doc = NLP(Document(text=text, language="bg", published="2017-04-10"))
    return [(doc.span_text(q.span), doc.span_text(q.cue) or None, doc.span_text(q.speaker.span) or None)
            for q in doc.quotes]


def test_bulgarian_a_noun_that_opens_the_clause_speaks_after_its_copula_and_and() -> None:
    got = spans("Жената, която живее в съседство, е уплашена и се кълне, че никога повече няма да даде къщата си "
                "под наем.\n\nСтарецът е болен, но каза, че ще дойде на празника.\n")
    assert ("никога повече няма да даде къщата си под наем", "кълне", "Жената") in got
    assert ("ще дойде на празника", "каза", "Старецът") in got


def test_bulgarian_a_verb_reflexive_like_an_article_is_no_speaker() -> None:
    got = spans("Сеят се зеленчуци и се присаждат дръвчетата, защото се вярва, че ще дадат плод.\n")
    assert [q[2] for q in got if q[0] == "ще дадат плод"] == [None]


def test_bulgarian_a_noun_cue_after_and_shares_the_subject_of_the_clause() -> None:
    got = spans("Министър-председателят Бойко Борисов и германският канцлер Ангела Меркел се срещнаха в Берлин и "
                "стигнаха до извода, че границата трябва да бъде защитена.\n")
    assert any(q[0] == "границата трябва да бъде защитена" and q[2] is not None and "Борисов" in q[2] for q in got)


def test_bulgarian_a_noun_cue_after_and_shares_the_subject_of_its_own_clause() -> None:
    got = spans("Миналата седмица Румен Радев се срещна с Макрон, а тази седмица и външният министър Ивайло Калфин "
                "посети Париж и даде уверения, че България ще подкрепи реформата.\n")
    assert any(q[0] == "България ще подкрепи реформата" and q[2] is not None and "Калфин" in q[2] for q in got)


def test_bulgarian_moreover_between_the_subject_and_its_cue() -> None:
    got = spans("Двамата лидери разговаряха в Брюксел. Радев и Макрон при това отбелязаха, че отбраната на Европа е "
                "обща задача.\n")
    assert any(q[0] == "отбраната на Европа е обща задача" and q[2] is not None and "Макрон" in q[2] for q in got)
