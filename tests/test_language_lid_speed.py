"""The language identifier's fast word scores (letter masks, spelling rules read only when one matches) against the
plain computation: each language's alphabet and rules tested in turn."""

from __future__ import annotations

import operator

from vestnik.language.lid import FOREIGN_LETTER_PENALTY, load_identifier

WORDS = ["застреляха", "губернатора", "тасир", "угодишь", "във", "съм", "държава", "бъде", "объявил", "подъезд",
         "їжак", "єдність", "љубав", "ѓорѓи", "білорус", "ў", "съобщи", "щеше", "эти", "юли", "я", "news", "o'brien",
         "д'артанян", "schön", "хотелът", "ёлка", "ъ", "ь", "льо", "день", "въздух", "изъявить", "x", "ωmega", "añо"]


def _plain(lid, word: str) -> tuple[float, ...]:  # type: ignore[no-untyped-def]
    base = lid._words.get(word) or lid._oov
    letters = frozenset(word)
    pen = [0.0 if al.issuperset(letters) and (rule is None or rule.search(word) is None) else -FOREIGN_LETTER_PENALTY
           for al, rule in zip(lid._alphabets, lid._forbidden, strict=True)]
    return tuple(map(operator.add, base, pen)) if any(pen) else base


def test_word_scores_equal_plain() -> None:
    lid = load_identifier()
    for w in WORDS:
        lid._score_cache.pop(w, None)
        assert lid._word_scores(w) == _plain(lid, w), w
