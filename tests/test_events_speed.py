"""The events layer's fast forms against the plain ones they replace (same results on varied inputs)."""

from __future__ import annotations

import random

from vestnik.events.lexicon import WORD, Lexicon, _low_words, load

_PIECES = ["москва", "САЩ", "д'артанян", "кмет’ът", "по-късно", "1999", "12-те", "x_y", "2²", "½", "ǅ", "e\u0301",
           "„Газпром“", "(НАТО)", "заяви,", "дрон.", "...", "—", "-", "'", "«мир»", "a1b", "İstanbul", "ς", "word's",
           "„", "“", "—и", "и—", "?!", "Пловдив:", "[1]", "{x}", "…", "“x", "x„", "-x", "x-", "'x'", "ж.к.", "5%", "١٢", "x²",
           "„москва“,", "(сащ).", "„д'артанян“", "«»", "([x])", "x)(y", "„1999“", "ā", "…и"]


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
        text = " ".join(parts).lower()  # (one space between chunks: where they start follows from their lengths)
        a = rng.randint(0, len(text))
        b = rng.randint(a, len(text))
        assert _low_words(text, a, b) == _plain(text, a, b)
        assert _low_words(text, 0, len(text)) == _plain(text, 0, len(text))


def _plain_fills(lex: Lexicon, w: str) -> tuple[int, set[int]]:
    """``Lexicon._fills_of`` read off the patterns: every step of a coding pattern that one of its alternatives
    matches (``Alt.match``), as a mask of the steps other than anchors, and the patterns whose anchor is so
    matched."""
    mask, anchored = 0, set()
    for n, p in enumerate(lex.patterns):
        if not lex._full[n]:
            continue  # (a stop pattern)
        for k, st in enumerate(p.steps):
            if st is not None and any(a.match(w) for a in st):
                if lex._anchor[n] == 1 << k:
                    anchored.add(n)
                else:
                    mask |= 1 << (lex._off[n] + k)
    return mask, anchored


def test_fills_of_is_the_plain_one() -> None:
    rng = random.Random(11)
    for lang in ("bg", "ru", "en"):
        lex = load(lang)
        assert lex is not None
        words = sorted(lex._step_exact) + sorted(lex._step_stem)
        for _ in range(1500):
            w = rng.choice(words + _PIECES).lower()
            w = rng.choice(["", "", "", "по", "x"]) + w[: rng.randint(1, len(w))] if rng.random() < 0.2 else w
            w += rng.choice(["", "", "а", "ите", "ing", "ът", "-", "x"])
            mask, anchored = lex._fills_of(w)
            assert (mask, set(anchored)) == _plain_fills(lex, w), w


def test_feasible_words_reads_the_memo_as_a_full_memo_would() -> None:
    """While ``Lexicon._fills`` has never been full, ``feasible_words`` ORs the step masks of a sentence's words
    straight from it (a word it lacks fills nothing); once full it looks each busy word up again. Both answer
    alike on varied sentences."""
    import copy

    from vestnik.events import lexicon as lx

    rng = random.Random(5)
    hits = 0
    for lang in ("bg", "ru", "en"):
        lex = load(lang)
        assert lex is not None
        full = copy.copy(lex)
        full._fills = {f"\0{k}": lx._NO_FILLS for k in range(lx._FILLS_ROOM)}  # (full: remembers no new word)
        full._quiet, full._idle = set(), set()
        words = sorted(lex._step_exact) + sorted(lex._step_stem)
        for _ in range(400):
            ws = [rng.choice(words + _PIECES).lower() for _ in range(rng.randint(1, 25))]
            ws = [w + rng.choice(["", "", "а", "ите", "ing", "x"]) for w in ws]
            p = rng.choice(lex.patterns)  # (and the words of a pattern's steps: some sentences can match)
            ws += [rng.choice(st).text + rng.choice(["", "а"]) for st in p.steps if st is not None and rng.random() < 0.9]
            rng.shuffle(ws)
            assert full.feasible_words(ws) == lex.feasible_words(ws), ws
            hits += lex.feasible_words(ws) is not None
    assert hits > 100
