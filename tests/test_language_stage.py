"""The language stage on the seed page: languages, sentences inside items, tokens with lemmas."""

from __future__ import annotations

import pytest

from vestnik.document import Document
from vestnik.pipeline import make_pipeline


@pytest.fixture(scope="module")
def doc(seed_text: str) -> Document:
    return make_pipeline(only=["segment", "language"])(Document(text=seed_text, id="seed"))


def test_languages(doc: Document) -> None:
    assert doc.language == "bg" and doc.language_confidence and doc.language_confidence > 0.99
    assert doc.teasers and all(t.language == "bg" for t in doc.teasers)


def test_sentences_stay_inside_items(doc: Document) -> None:
    items = [doc.article.headline, *doc.article.paragraphs]
    for t in doc.teasers:
        items += [t.dateline_span, t.headline_span, t.snippet_span]
    items = [x for x in items if x]
    for s, e in doc.sentences:
        assert any(a <= s and e <= b for a, b in items), doc.text[s:e]
    texts = [doc.text[s:e] for s, e in doc.sentences]
    assert "Договорът, подписан по време на посещението на Путин в Пхенян, включва пакт за взаимна отбрана." in texts
    assert "Брюксел" in texts  # a teaser dateline is its own item


def test_tokens_and_lemmas(doc: Document) -> None:
    assert doc.tokens and all(doc.text[s:e] and not doc.text[s:e].isspace() for (s, e) in (t.span for t in doc.tokens))
    starts = [t.span[0] for t in doc.tokens]
    assert starts == sorted(starts)
    by_form = {doc.text[t.span[0] : t.span[1]]: t.lemma for t in doc.tokens}
    assert by_form["Путин"] == "Путин"
    assert by_form["Ким"] == "Ким"
    assert by_form["подписаха"] == "подпиша"
    assert by_form["2025"] == "2025"
    d = doc.to_dict(layers={"tokens"})
    assert d["sentences"] and d["tokens"][0]["lemma"]


def test_bad_input_does_not_crash() -> None:
    p = make_pipeline(only=["segment", "language"])
    for text in ["", "   \n\n", "!!!", "a" * 5000, "\x00\ufeffтекст"]:
        d = p(Document(text=text))
        assert isinstance(d.tokens, list)


def test_mixed_page_keeps_teaser_language(seed_text: str) -> None:
    ru_head = "Российская прокуратура требует почти шесть лет тюрьмы для четырех журналистов"
    ru_snip = "Прокуратура потребовала для журналистов, обвиненных в экстремизме, пять лет и одиннадцать месяцев..."
    text = seed_text.replace(
        "Руската прокуратура настоява за близо шест години затвор за четирима журналисти, обвинени в екстремизъм",
        ru_head, 1)
    start = text.index(ru_head) + len(ru_head)
    end = text.index("\n\nКиев", start)
    text = text[:start] + "\n\n" + ru_snip + text[end:]
    doc = make_pipeline(only=["segment", "language"])(Document(text=text))
    assert doc.language == "bg"
    langs = {t.headline: t.language for t in doc.teasers}
    assert langs[ru_head] == "ru"
    assert sum(1 for v in langs.values() if v == "bg") >= 4
    tok = {doc.text[t.span[0] : t.span[1]]: t.lemma for t in doc.tokens}
    assert tok["журналистов"] == "журналист"  # the Russian teaser is lemmatised as Russian


def test_lazy_tokens_behave_as_a_list(seed_text: str) -> None:
    """doc.tokens is lemmatised on first use; every way of reading it sees the same tokens and lemmas."""
    import copy
    import pickle

    from vestnik.language.stage import LazyTokens

    p = make_pipeline(only=["segment", "language"])
    first = p(Document(text=seed_text))
    assert isinstance(first.tokens, LazyTokens)
    eager = list(first.tokens)  # fills it
    assert eager and all(isinstance(t.lemma, str) for t in eager)
    assert first.tokens == eager and len(first.tokens) == len(eager)

    def fresh() -> list:  # type: ignore[type-arg]
        return p(Document(text=seed_text)).tokens

    assert len(fresh()) == len(eager)
    assert fresh()[3] == eager[3] and fresh()[-2:] == eager[-2:]
    assert eager == fresh() and fresh() == eager and fresh() == fresh()
    assert [] + fresh() == eager and fresh() + [] == eager  # noqa: RUF005  (list's C concatenation)
    assert [*fresh()] == eager and tuple(fresh()) == tuple(eager) and sorted(fresh(), key=str) == sorted(eager, key=str)
    assert bool(fresh()) and eager[5] in fresh()
    assert list(reversed(fresh())) == eager[::-1]
    assert b"vestnik.document" not in pickle.dumps(fresh())  # spans between processes, not Token objects
    assert pickle.loads(pickle.dumps(fresh())) == eager  # pickled unfilled, filled by the receiver
    assert copy.deepcopy(fresh()) == eager and copy.copy(fresh()) == eager
    doc = p(Document(text=seed_text))
    assert Document.from_dict(doc.to_dict(layers={"tokens"})).tokens == eager
    doc.tokens.append(eager[0])
    assert len(doc.tokens) == len(eager) + 1


def test_a_surname_that_is_also_a_word_starts_no_sentence() -> None:
    """"България предупреди Мей срещу плановете", "каза Юнкер на Великобритания": "Мей" and "Юнкер" are dictionary
    words too ("мей", "юнкер"), and a headline without punctuation was cut before them (70 times in the 918 BSNLP
    reports), taking the speaker away from the cue. People's surnames from the KB are names here (stop 42)."""
    pipe = make_pipeline(only=["segment", "language"])
    for text in ("България предупреди Мей срещу плановете за промяна на правата",
                 "Не искам европейска супердържава, каза Юнкер на Великобритания"):
        d = pipe(Document(text=text, id="t"))
        assert [d.text[a:b] for a, b in d.sentences] == [text]
