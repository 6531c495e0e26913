"""Bulgarian present-tense readings (stop 81): "днес" as the present of a general statement (PRESENT_REF) or as
the day; a participle of starting dates a time ahead."""

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
    "В селото и днес пазят старите обичаи.",
    "\"Днес много хора в Европа са убедени, че кризата е отминала\", каза тя.",
    "Дори днес мнозина вярват в предсказанията ѝ.",
    "Днес ние живеем по-добре от родителите си.",
    "Днес, когато всеки има телефон, новините се разпространяват мигновено.",
])
def test_generic_today_is_present_ref(text: str) -> None:
    assert [v for s, _, v in times(text) if s.lower() == "днес"] == ["PRESENT_REF"]


@pytest.mark.parametrize(("text", "expected"), [
    # a past or future verb dates the clause: the day
    ("Движението в центъра и днес бе блокирано от протестиращи, след като те продължиха.", ["2018-11-07"]),
    ("Днес много магазини ще бъдат затворени заради празника.", ["2018-11-07"]),
    # two days joined, and "днес" alone in a report: the day
    ("Вчера и днес в района валя сняг.", ["2018-11-06", "2018-11-07"]),
    ("Днес Лондон обяви нови мерки.", ["2018-11-07"]),
])
def test_today_stays_the_day(text: str, expected: list[str]) -> None:
    assert [v for s, _, v in times(text) if s.lower() in ("днес", "вчера")] == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    # a participle of starting before an event: the coming Tuesday (written on a Monday)
    ("Хиляди заглавия на половин цена на стартиращия във вторник коледен базар.", "2016-12-12",
     ("вторник", "2016-12-13")),
])
def test_starting_dates_ahead(text: str, published: str, expected: tuple[str, str]) -> None:
    assert [(s, v) for s, _, v in times(text, published)] == [expected]
