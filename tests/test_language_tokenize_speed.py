"""Fast forms in the tokenizer held to the plain ones they replaced, on varied text: the sentence-break candidates'
look-behind for a lone space (``Tokenizer._boundary``) and the abbreviation length bound (``Tokenizer._longest``)."""

from __future__ import annotations

import random
import re

from vestnik.language.tokenize import LOWER, UPPER, Tokenizer

_PIECES = ["Русия", "русия", "София", "на", "в", "и", "каза", "г.", "лв.", "т.нар.", "пр.н.е.", "В.", "Д-р", "2025",
           "17.12.2025", "10:30", ".", ",", ";", ":", "!", "?", "…", "...", "-", "–", "—", "(", ")", "\"", "„", "“",
           "«", "»", "'", "’", " ", " ", " ", "  ", "\xa0", "\t", "\n", "ЕС", "БТА", "The", "Times", "пише",
           "Участва", "СНИМКА", "Снимка", "РОЙТЕРС", "ПРАВА", "И", "1", "9", "٣", "x", "_", "a.m.", "продаде",
           "Продадоха", "Нашата", "фирма", "ЗАДЪЛЖЕНИЯ", "прибл.", "пр.", "н.", "е."]


def _texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = [rng.choice(_PIECES) for _ in range(rng.randint(1, 24))]
        out.append("".join(p if rng.random() < 0.3 else p + " " for p in parts))
    return out


def _common(word: str) -> bool:
    return word.lower() in {"нашата", "фирма", "участва", "каза", "русия", "продадоха"}


def test_boundary_candidates_left_out_are_those_sentences_rejects() -> None:
    fast = Tokenizer()
    plain = Tokenizer(fast.abbr)
    plain._boundary = re.compile(rf"[.!?…:\n{UPPER}\"„“«](?:(?<=[.!?…:\n])|(?<=[ \t\xa0][{UPPER}])(?=[{LOWER}]|\s)"
                                 rf"|(?<=[ \t\xa0][\"„“«])(?=[{UPPER}]))")
    assert fast._boundary.pattern != plain._boundary.pattern
    rng = random.Random(5)
    for text in _texts(7, 6000):
        start = rng.randint(0, len(text) - 1)
        toks = fast.tokens(text, start)
        for lang in ("bg", "ru", None):
            assert fast.sentences(text, toks, lang, _common) == plain.sentences(text, toks, lang, _common), text


def test_abbreviation_length_bound_changes_no_token() -> None:
    fast = Tokenizer()
    plain = Tokenizer(fast.abbr)
    plain._longest = 1 << 30  # (every candidate read, as before the bound)
    assert fast._longest == max(3, *map(len, fast.abbr.kinds))
    rng = random.Random(11)
    for text in _texts(13, 6000):
        start = rng.randint(0, len(text) - 1)
        end = rng.randint(start + 1, len(text))
        assert fast.tokens(text, start, end) == plain.tokens(text, start, end), text
