"""The gazetteer's table-driven tokens (:func:`vestnik.entities.gazetteer._word_runs`) against the regex split they
replace: the same tokens, offsets and gaps on varied text."""

from __future__ import annotations

import random

from vestnik.entities.gazetteer import SPLIT_RE, Tokens, _word_runs

SAMPLES = [
    "",
    " ",
    "...",
    "Путин",
    "Президентът Румен Радев заяви, че „Северен поток — 2“ е проект на ЕС.",
    "snake_case and 3,14 and x²³ and Ⅻ, ½ and ٣ digits",
    "İstanbul İzmir",  # lower-casing changes lengths: the fallback
    "U.S. «Ведомости» 'Сега' Leave.EU — Минобороны\u00a0России\n\nЖан-Клод Юнкер",
    "emoji 😀 outside the table, 𝐀𝐁 mathematical letters",
    "a lone surrogate \udcc3 from surrogateescape",
    "combining ҃ marks ҈ and ҂ signs, ʼapostrophe ǅ titlecase",
    "ΣΊΣΥΦΟΣ capital sigma",
]


def _plain(text: str) -> tuple[list[str], list[int], list[int], list[str]]:
    low = text.lower()
    parts = SPLIT_RE.split(low if len(low) == len(text) else text)
    off = [0]
    for p in parts:
        off.append(off[-1] + len(p))
    return [w.lower() for w in parts[1::2]], off[1:-1:2], off[2::2], parts


def _random_text(rng: random.Random) -> str:
    alphabet = "абвгдежзийклмнопрстуфхцчшщъьюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯёЁabcXYZ019_ \n\u00a0.,-—„“«»\"'’()²½ǅ҃҂"
    return "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 80)))


def test_word_runs_match_the_regex() -> None:
    rng = random.Random(7)
    for text in SAMPLES + [_random_text(rng) for _ in range(2000)]:
        low, starts, ends, parts = _plain(text)
        tk = Tokens(text)
        assert tk.low == low, text
        assert list(tk.starts) == starts and list(tk.ends) == ends, text  # (arrays or lists)
        assert [tk.src[a:b] for a, b in tk.spans] == parts[1::2], text  # (the regex split of the same string)
        assert tk.gaps == parts[2::2], text
        assert [tk.gap(j) for j in range(-1, len(low))] == parts[0::2], text
        assert tk.spans == list(zip(starts, ends, strict=True)), text
        for s in (text, text.lower()):  # (on any string: Tokens calls it on the lower-cased text)
            runs = _word_runs(s)
            if runs is not None:
                ps = SPLIT_RE.split(s)
                assert runs[0] == ps[1::2], s
                assert [s[a:b] for a, b in zip(runs[1], runs[2], strict=True)] == ps[1::2], s
