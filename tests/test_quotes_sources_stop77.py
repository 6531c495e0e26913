"""Bulgarian sources of stop 77 on real sentences of web articles (the whole pipeline, so names resolve through the
entities layer as in production): the outlet a talk is given to with no reported clause."""

from __future__ import annotations

from vestnik.document import Document
from vestnik.pipeline import make_pipeline

PIPE = make_pipeline()


def run(body: str, title: str = "Новини от деня") -> Document:
    return PIPE(Document(text=f"{title}\n\n{body}", id="t", published="2017-04-26"))


def sources(doc: Document) -> list[str]:
    return [doc.span_text(s.span) for s in doc.sources]


def test_outlet_a_talk_is_given_to_without_a_clause_is_a_source() -> None:
    doc = run("Последното й пророчество бе да предвиди химическата атака в Сирия. Пред „Ретро“ Марияна Николаева "
              "говори за това, което предстои в България и по света в близките месеци и години.")
    assert sources(doc) == ["Ретро"]


def test_a_topic_talked_about_impersonally_is_no_source() -> None:
    doc = run("В Стария завет, например, се говори за „Божиите синове“, които се смесили с човешките дъщери.")
    assert sources(doc) == []
