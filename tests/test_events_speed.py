"""The events layer's fast forms against the plain ones they replace (same results on varied inputs)."""

from __future__ import annotations

import random

from vestnik.events.lexicon import WORD, _low_words

_PIECES = ["москва", "САЩ", "д'артанян", "кмет’ът", "по-късно", "1999", "12-те", "x_y", "2²", "½", "ǅ", "e\u0301",
           "„Газпром“", "(НАТО)", "заяви,", "дрон.", "...", "—", "-", "'", "«мир»", "a1b", "İstanbul", "ς", "word's",
           "„", "“", "—и", "и—", "?!", "Пловдив:", "[1]", "{x}", "…", "“x", "x„", "-x", "x-", "'x'", "ж.к.", "5%", "١٢", "x²"]


def _plain(low: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(low, start, end)]


def test_low_words_is_word_finditer() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        parts = [rng.choice(_PIECES) for _ in range(rng.randint(0, 12))]
        text = "".join(p + rng.choice([" ", "  ", "\n", "\t", "\u00a0", "", ",", " „"]) for p in parts).lower()
        a = rng.randint(0, len(text))
        b = rng.randint(a, len(text))
        assert _low_words(text, a, b) == _plain(text, a, b)
        assert _low_words(text, 0, len(text)) == _plain(text, 0, len(text))
