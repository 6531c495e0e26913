"""Tokens and sentences: Bulgarian/Russian abbreviations, initials, dates, decimals, names, quotes, items."""

from __future__ import annotations

import pytest

from vestnik.language.tokenize import Tokenizer


@pytest.fixture(scope="module")
def tok() -> Tokenizer:
    return Tokenizer()


def _split(tok: Tokenizer, text: str) -> tuple[list[str], list[str]]:
    spans = tok.tokens(text)
    sents = tok.sentences(text, spans, "bg", lambda w: w.lower() in {"следващото", "той"})
    return [text[s:e] for s, e in spans], [text[spans[a][0] : spans[b - 1][1]] for a, b in sents]


def test_abbreviations_initials_numbers(tok: Tokenizer) -> None:
    text = ("СОФИЯ, 17.12.2025 г. (БТА) - Президентът В. Путин и Ким Чен-ун подписаха т.нар. „пакт“ за 2,5 млрд. лв. "
            "на ул. „Раковски“ в гр. София. Г-н Хамилтън-Паркър каза: «Да!» Той дойде.")
    toks, sents = _split(tok, text)
    for t in ["17.12.2025", "г.", "В.", "Путин", "Чен-ун", "т.нар.", "„", "“", "2,5", "млрд.", "лв.", "ул.", "гр.",
              "Г-н", "Хамилтън-Паркър", "«", "»"]:
        assert t in toks, t
    assert sents == [
        "СОФИЯ, 17.12.2025 г. (БТА) - Президентът В. Путин и Ким Чен-ун подписаха т.нар. „пакт“ за 2,5 млрд. лв. "
        "на ул. „Раковски“ в гр. София.",
        "Г-н Хамилтън-Паркър каза: «Да!»",
        "Той дойде.",
    ]


def test_year_abbreviation_ends_sentence_only_before_common_word(tok: Tokenizer) -> None:
    _, sents = _split(tok, "Това стана през 2024 г. Следващото е друго. През 1996 г. Русия подписа.")
    assert sents == ["Това стана през 2024 г.", "Следващото е друго.", "През 1996 г. Русия подписа."]


def test_russian_abbreviations(tok: Tokenizer) -> None:
    toks, _ = _split(tok, "В 2024 г. цена выросла на 3 млн. руб., т.е. на 5%, и т.д.")
    assert {"г.", "млн.", "руб.", "т.е.", "т.д."} <= set(toks)


def test_sentence_final_word_keeps_period_apart(tok: Tokenizer) -> None:
    toks, sents = _split(tok, "Срещата беше в София. Ще има друга...")
    assert toks == ["Срещата", "беше", "в", "София", ".", "Ще", "има", "друга", "..."]
    assert len(sents) == 2


def test_offsets_and_line_breaks(tok: Tokenizer) -> None:
    text = "Заглавие без точка\nПърво изречение. второ продължава"
    spans = tok.tokens(text)
    assert all(text[s:e].strip() == text[s:e] and text[s:e] for s, e in spans)
    sents = tok.sentences(text, spans)
    assert [text[spans[a][0] : spans[b - 1][1]] for a, b in sents] == [
        "Заглавие без точка", "Първо изречение. второ продължава"]
