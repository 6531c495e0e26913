"""The quotes layer's faster equivalents give what the plain forms they replace give."""

from __future__ import annotations

import random
import unicodedata

from vestnik.document import Document
from vestnik.quotes.finder import _TURN, COMBINING, TOKEN, TOKEN_COMBINING, Finder, Tok, _turns
from vestnik.quotes.lexicon import load_lexicon


def _random_texts(n: int) -> list[str]:
    rng = random.Random(7)
    alphabet = "аБ xY.!?…\"”“»)(\n\t-–—,7_"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(n)]


def test_turns_are_the_turn_pattern_s_matches() -> None:
    for text in _random_texts(20_000):
        for a in range(0, len(text) + 1, 3):
            for b in (a, (a + len(text)) // 2, len(text)):
                if b < a:
                    continue
                want = [m.start() for m in _TURN.finditer(text, a, b) if text[m.end()].isupper()]
                assert _turns(text, a, b) == want, (text, a, b)


def _tokens_by_match(f: Finder, a: int, b: int) -> list[tuple[int, int, str, str, bool]]:
    """Finder.tokens as it was written first: one match object per token, filled in by Tok.__init__."""
    pattern = TOKEN_COMBINING if f._combining else TOKEN
    low = f._lowered
    out = []
    for m in pattern.finditer(f.text, a, b):
        s, e = m.span()
        if s in f.stray:
            continue
        t = Tok(s, e, f.text[s:e], None if low is None else low[s:e])
        if COMBINING.search(t.low):
            t.low = unicodedata.normalize("NFC", t.low)
        out.append((t.s, t.e, t.text, t.low, t.word))
    return out


def test_tokens_are_the_pattern_s_matches() -> None:
    rng = random.Random(11)
    alphabet = ["а", "Б", "x", "Y", "7", " ", "  ", "\t", "\n", ".", ",", "-", "’", "'", "_", "„", "“", "ѝ", "и\u0300",
                "Σ", "İ", "ß", "!", "5,5"]
    lex = load_lexicon("bg")
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
        f = Finder(Document(text=text, language="bg"), lex)
        if rng.random() < 0.3:
            f.stray = {k for k in range(len(text)) if rng.random() < 0.2}
        for a in range(0, len(text), 4):
            for b in (len(text), (a + len(text) + 1) // 2):
                got = [(t.s, t.e, t.text, t.low, t.word) for t in f.tokens(a, b)]
                assert got == _tokens_by_match(f, a, b), (text, a, b)
