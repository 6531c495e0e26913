"""Fast forms in the time layer held to the plain ones. ``clause_tense`` leaves out the scan for an irrealis word when the stretch's lower case holds none (and the
language tests no endings): held to the full scan, which a never-matching ending forces, on varied text."""

from __future__ import annotations

import dataclasses
import random
import re

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


def test_token_pattern_matches_as_the_plain_one() -> None:
    """The time tokenizer's word class (a table class for the letters of the Basic Multilingual Plane, then the
    category class) finds the tokens, groups and spans the plain ``[^\\W\\d_]+`` finds."""
    from vestnik.time.grammar import _DIGITS, _TOKEN

    plain = re.compile(rf"\s*+(?:(?P<d>{_DIGITS})|(?P<ab>[aApP]\.[mM]\.)|(?P<w>[^\W\d_]+)(?P<dot>\.)?"
                       rf"|(?P<p>'|’|[^\w\s]))")
    rng = random.Random(23)
    pieces = ["март", "Март", "г.", "a.m.", "P.M.", "2018", "17.12.2025", "10:30", "1,000", "09-11-2018", "2-3", "_",
              "x_y", "ﬁ", "ǅ", "\U0001d400", "\U00020000", "\U0001f600", "\u0301", "²", "½", "٣", "Ⅻ", "'", "’", ".",
              ",", "-", "–", "(", " ", "  ", "\n", "\t", "\xa0", "\u3000", "ъ", "ѐ", "ß", "İ", "中文", "\ud800"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 16)))
        a = rng.randint(0, len(text))
        b = rng.randint(a, len(text))
        got = [(m.span(), m.lastgroup, m.group()) for m in _TOKEN.finditer(text, a, b)]
        assert got == [(m.span(), m.lastgroup, m.group()) for m in plain.finditer(text, a, b)], text
    letters = "".join(chr(c) for c in range(0x110000) if re.fullmatch(r"[^\W\d_]", chr(c)))
    whole = _TOKEN.fullmatch(letters)
    assert whole is not None and whole.lastgroup == "w"
