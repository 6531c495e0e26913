"""Agency datelines in bg/ru/en copy, and what must not read as one."""

from __future__ import annotations

import pytest

from vestnik.extract.dateline import agencies, article_dateline, canonical_agency, find_dateline


@pytest.mark.parametrize(
    ("text", "dateline", "city", "agency"),
    [
        ("СОФИЯ, 17 декември (БТА) – Президентът заяви", "СОФИЯ, 17 декември (БТА) – ", "СОФИЯ", "BTA"),
        ("MOSCOW, Dec 17 (Reuters) - Russia said", "MOSCOW, Dec 17 (Reuters) - ", "MOSCOW", "Reuters"),
        ("WASHINGTON (AP) — The White House", "WASHINGTON (AP) — ", "WASHINGTON", "Associated Press"),
        ("МОСКВА, 17 декабря. /ТАСС/. Президент России", "МОСКВА, 17 декабря. /ТАСС/. ", "МОСКВА", "TASS"),
        ("София, 17 декември /БТА/ Министърът каза", "София, 17 декември /БТА/ ", "София", "BTA"),
        ("МОСКВА, 17 дек — РИА Новости. Президент", "МОСКВА, 17 дек — РИА Новости. ", "МОСКВА", "RIA Novosti"),
        ("BRUSSELS, Dec. 17 (Xinhua) -- EU leaders", "BRUSSELS, Dec. 17 (Xinhua) -- ", "BRUSSELS", "Xinhua"),
        ("Лондон (БТА/Ройтерс) - Премиерът", "Лондон (БТА/Ройтерс) - ", "Лондон", "BTA"),
        ("БЕЛГРАД, 22 декабря (Интерфакс) - Десятки", "БЕЛГРАД, 22 декабря (Интерфакс) - ", "БЕЛГРАД", "Interfax"),
        ("ANKARA, Dec 12 (NEWAG) - Unknown all-caps agency", "ANKARA, Dec 12 (NEWAG) - ", "ANKARA", "NEWAG"),
        ("SOFIA, Dec 17 – The government said", "SOFIA, Dec 17 – ", "SOFIA", ""),
        ("НЬЮ-ЙОРК, 3 марта — Генсек ООН", "НЬЮ-ЙОРК, 3 марта — ", "НЬЮ-ЙОРК", ""),
        # a line of its own, no dash after the agency
        ("Киев, 14 март (БТА)\n\nУкраинската отбрана", "Киев, 14 март (БТА)", "Киев", "BTA"),
        ("WASHINGTON (AP)\nThe Senate voted", "WASHINGTON (AP)", "WASHINGTON", "Associated Press"),
    ],
)
def test_datelines(text: str, dateline: str, city: str, agency: str) -> None:
    found = find_dateline(text, 0)
    assert found is not None
    (s, e), c, a = found
    assert text[s:e] == dateline and c == city and a == agency


@pytest.mark.parametrize(
    "text",
    [
        "Путин (вляво) - Ким Чен-ун по време на срещата",
        "The president (Joe Biden) - said on Monday",
        "Министърът на външните работи заяви днес, че преговорите продължават.",
        "Москва, Россия. Президент заявил",
        "Киев, 3 март - Украйна обяви",
        "SOFIA, the capital - is calm",
        "Путин (ТАСС)\nснимка от срещата",  # a photo credit on a line of its own: no date, no city in capitals
    ],
)
def test_not_datelines(text: str) -> None:
    assert find_dateline(text, 0) is None


def test_offset_start_and_agency_table() -> None:
    text = "Заглавие\n\nСОФИЯ, 17 декември (БТА) – Текст."
    found = find_dateline(text, 10)
    assert found and found[0] == (10, text.index("Текст"))
    assert canonical_agency("Ройтерс") == canonical_agency("Reuters") == "Reuters"
    assert len(agencies()) > 40


def test_dateline_after_a_byline() -> None:
    text = "By Jane Doe\nLONDON, Dec 17 (Reuters) - Britain said on Tuesday it would send more aid to Ukraine, " \
           "the defence ministry said."
    paras = [(0, 11), (12, len(text))]
    found = article_dateline(text, paras)
    assert found and text[found[0][0]:found[0][1]] == "LONDON, Dec 17 (Reuters) - " and found[2] == "Reuters"
    long_first = [(12, len(text)), (0, 11)]
    assert article_dateline("x" * 12 + "A" * 200, [(12, 212)]) is None
    assert article_dateline(text, long_first)  # the first paragraph itself still counts
