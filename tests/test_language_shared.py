"""The shared lower-cased text: a slice of it is the lower case of the same slice of the text, or it is not offered
(a letter that lower-cases to two characters, or a capital sigma, whose lower case depends on the next letter)."""

from __future__ import annotations

from pathlib import Path

from vestnik.language.shared import lower_slice, lowered

SEED = Path(__file__).resolve().parents[1] / "vestnik" / "samples" / "bta-putin-north-korea.txt"


def _all_slices_agree(text: str) -> None:
    n = len(text)
    step = max(1, n // 60)
    for a in range(0, n + 1, step):
        for b in range(a, n + 1, step):
            assert lower_slice(text, a, b) == text[a:b].lower()


def test_news_text_is_lowered_once() -> None:
    text = SEED.read_text(encoding="utf-8")
    low = lowered(text)
    assert low == text.lower()
    assert lowered(text) is low  # the same object for every layer that asks
    _all_slices_agree(text)


def test_texts_whose_slices_lower_differently_are_not_shared() -> None:
    sigma = "ΟΔΟΣ ΟΔΟΣΑ Σ και ΑΣ."  # final sigma: "ΟΔΟΣ"[:4].lower() ends in ς, inside "ΟΔΟΣΑ" in σ
    dotted = "İstanbul: Ким Чен-ун"  # İ lower-cases to two characters
    for text in (sigma, dotted):
        assert lowered(text) is None
        _all_slices_agree(text)
        _all_slices_agree(text + " " + text)


def test_plain_cases() -> None:
    for text in ("", "Word", "ДУМА и дума", "naïve CAFÉ — 12,5 %"):
        assert lowered(text) == text.lower()
        _all_slices_agree(text)


def test_chunks_are_those_of_split() -> None:
    from vestnik.language.shared import chunks

    for text in ("", "   ", "a", " a\u3000b\xa0\nc  ", SEED.read_text(encoding="utf-8")):
        words, starts, ends = chunks(text)
        assert words == text.split()
        assert [text[s:e] for s, e in zip(starts, ends, strict=True)] == words


def test_codes_are_the_code_points_and_their_white_space() -> None:
    from vestnik.language.shared import codes

    for text in ("", " a\u3000b\xa0\nc  \u2028", SEED.read_text(encoding="utf-8")):
        cp, space = codes(text)
        assert cp.tolist() == [ord(c) for c in text]
        assert space.tolist() == [c.isspace() for c in text]


def test_tokenizer_spans_equal_its_regex_over_any_range() -> None:
    import random
    import re

    from vestnik.language.tokenize import Tokenizer

    tok = Tokenizer()
    span = re.Match.span
    texts = [
        SEED.read_text(encoding="utf-8"),
        "x5.3 думи, край. https://x.bg/a-b?c=1. „цит“ 12:30 2025-та ?! ... _a\u3000b\xa0c\n\nd т.нар. В.Петров д-р",
        "", " ", "a", " a ", "İstanbul ΟΔΟΣ",
    ]
    rnd = random.Random(7)
    for text in texts:
        n = len(text)
        ranges = [(0, n), (0, 0), (n, n)] + [(a, rnd.randint(a, n)) for a in (rnd.randint(0, n) for _ in range(200))]
        for a, b in ranges:
            assert tok._spans(text, a, b) == list(map(span, tok._re.finditer(text, a, b))), (a, b)
