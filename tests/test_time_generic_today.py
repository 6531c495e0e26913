"""Bulgarian "днес" as the present of a general statement (PRESENT_REF) or as the day (stop 81)."""

from __future__ import annotations

import pytest

from vestnik.time.extract import find_times
from vestnik.time.grammar import load_lexicon
from vestnik.time.stage import parse_published


def times(text: str, published: str = "2018-11-07") -> list[tuple[str, str, str]]:
    found = find_times(text, 0, len(text), load_lexicon("bg"), parse_published(published))
    return [(text[t.span[0] : t.span[1]], t.type, t.value) for t in found]


@pytest.mark.parametrize("text", [
    # a general statement or a contrast with the past: no day is meant
    "Чест символ на църковните олтари и днес са летящите змейове.",
    "\"Днес много британци са убедени, че Путин спекулира с Брекзит\", каза тя.",
    "Дори днес в учебниците пише, че Европа дължи възстановяването си на плана Маршал.",
    "Днес ние трябва да бъдем на висотата на положението си.",
    "Днес, когато хуманизмът е в криза, ценностите се менят.",
])
def test_generic_today_is_present_ref(text: str) -> None:
    assert [v for s, _, v in times(text) if s.lower() == "днес"] == ["PRESENT_REF"]


@pytest.mark.parametrize(("text", "expected"), [
    # a past or future verb dates the clause: the day
    ("Общественият живот в Пакистан и днес бе блокиран, след като протестите продължиха.", ["2018-11-07"]),
    ("Днес много магазини ще бъдат затворени заради празника.", ["2018-11-07"]),
    # two days joined, and "днес" alone in a report: the day
    ("Вчера и днес в района валя сняг.", ["2018-11-06", "2018-11-07"]),
    ("Днес Лондон обяви нови мерки.", ["2018-11-07"]),
])
def test_today_stays_the_day(text: str, expected: list[str]) -> None:
    assert [v for s, _, v in times(text) if s.lower() in ("днес", "вчера")] == expected
