"""Bulgarian ages: "на 85-годишна възраст" is the length adjective alone, without its noun (stop 81)."""

from __future__ import annotations

from vestnik.time.extract import find_times
from vestnik.time.grammar import load_lexicon
from vestnik.time.stage import parse_published


def times(text: str) -> list[tuple[str, str, str]]:
    found = find_times(text, 0, len(text), load_lexicon("bg"), parse_published("2018-03-01"))
    return [(text[t.span[0] : t.span[1]], t.type, t.value) for t in found]


def test_age_leaves_its_noun_out() -> None:
    assert times("Почина на 74-годишна възраст след тежко боледуване, съобщиха близките му.") == [
        ("74-годишна", "DURATION", "P74Y")]
    assert times("Мъж на 55-годишна възраст е задържан в Пловдив.") == [("55-годишна", "DURATION", "P55Y")]
