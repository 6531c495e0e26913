"""``clause_tense`` leaves out the scan for an irrealis word when the stretch's lower case holds none (and the
language tests no endings): held to the full scan, which a never-matching ending forces, on varied text."""

from __future__ import annotations

import dataclasses
import random

from vestnik.time.extract import clause_tense
from vestnik.time.grammar import load_lexicon

_PIECES = ["да", "Да", "ДА", "за", "реши", "днес", "удължи", "ще", "призова", "излязат", "беше", "каза", "съобщиха",
           "срокът", "в", "понеделник", "31", "март", ",", ";", ".", " ", " ", " ", "  ", "\n", "да'll", "ДА'LL",
           "дали", "Вода", "бъда", "ᲁа", "когато", "ако", "би", "се", "щеше", "обсъди", "Σ", "İ", "2018", "г."]


def test_irrealis_scan_is_left_out_only_where_it_finds_nothing() -> None:
    rng = random.Random(17)
    for code in ("bg", "ru", "en"):
        fast = load_lexicon(code)
        plain = dataclasses.replace(fast, irrealis_suffixes=fast.irrealis_suffixes or ("\x00",))
        for _ in range(3000):
            text = "".join(rng.choice(_PIECES) + rng.choice(("", " ", " ")) for _ in range(rng.randint(1, 60)))
            n = len(text)
            s = rng.randint(0, n - 1)
            e = rng.randint(s + 1, n)
            lo, hi = rng.randint(0, s), rng.randint(e, n)
            assert clause_tense(text, s, e, lo, hi, fast) == clause_tense(text, s, e, lo, hi, plain), (code, text, s, e)
