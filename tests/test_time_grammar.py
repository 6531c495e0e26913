"""The time grammar on real-style sentences in bg, ru and en: spans' text, TIMEX3 types and values."""

from __future__ import annotations

import re

import pytest

from vestnik.time.extract import _SENT_END, find_times
from vestnik.time.grammar import load_lexicon, tokenize, tokens
from vestnik.time.stage import parse_published


def times(lang: str, text: str, published: str | None = "2024-12-18") -> list[tuple[str, str, str]]:
    found = find_times(text, 0, len(text), load_lexicon(lang), parse_published(published))
    return [(text[t.span[0] : t.span[1]], t.type, t.value) for t in found]


BG = [
    ("Договорът, който подписаха през юни, влиза в сила.", [("юни", "DATE", "2024-06")]),
    ("Писмото е било изпратено на 17 декември, посочва ТАСС.", [("17 декември", "DATE", "2024-12-17")]),
    ("юнската среща на върха между Русия и Северна Корея", [("юнската", "DATE", "2024-06")]),
    ("Убеден съм, че през следващата 2025 г. ще продължим.", [("следващата 2025 г.", "DATE", "2025")]),
    ("Рубио заяви днес, че страната му ще проведе в събота преговори с Иран.",
     [("днес", "DATE", "2024-12-18"), ("събота", "DATE", "2024-12-21")]),
    ("Делегациите се срещнаха в събота в Оман.", [("събота", "DATE", "2024-12-14")]),
    ("Преди 3 дни министърът каза, че от понеделник ще има промени.",
     [("Преди 3 дни", "DATE", "2024-12-15"), ("понеделник", "DATE", "2024-12-23")]),
    ("В края на месеца ще бъдат обявени резултатите.", [("края на месеца", "DATE", "2024-12")]),
    ("Прокуратурата настоява за близо шест години затвор.", [("близо шест години", "DURATION", "P6Y")]),
    ("Затвор от пет години и 11 месеца.", [("пет години и 11 месеца", "DURATION", "P5Y11M")]),
    ("Законът е приет на 17.12.2024 г. и влиза в сила от 1 януари 2025 г.",
     [("17.12.2024 г.", "DATE", "2024-12-17"), ("1 януари 2025 г.", "DATE", "2025-01-01")]),
    ("През 90-те години на ХХ век икономиката се срина.", [("90-те години на ХХ век", "DATE", "199")]),
    ("Всеки ден границата минават хиляди, а всяка събота пазарът е пълен.",
     [("Всеки ден", "SET", "P1D"), ("всяка събота", "SET", "XXXX-WXX-6")]),
    ("Миналата седмица и миналата година бяха трудни.",
     [("Миналата седмица", "DATE", "2024-W50"), ("миналата година", "DATE", "2023")]),
    ("Вчера сутринта премиерът подаде оставка, а снощи имаше протест.",
     [("Вчера сутринта", "TIME", "2024-12-17TMO"), ("снощи", "TIME", "2024-12-17TNI")]),
    ("Срещата ще се проведе утре в 10 ч.", [("утре в 10 ч.", "TIME", "2024-12-19T10:00")]),
    ("В момента се водят преговори, а следващата седмица ще има нови.",
     [("момента", "DATE", "PRESENT_REF"), ("следващата седмица", "DATE", "2024-W52")]),
    ("През последните три години цените се покачиха.", [("последните три години", "DURATION", "P3Y")]),
    ("Ръстът през третото тримесечие на 2024 г. е 2%.", [("третото тримесечие на 2024 г.", "DATE", "2024-Q3")]),
    ("За последното денонощие са регистрирани 3505 нови случая.", [("последното денонощие", "DURATION", "P1D")]),
    # the future of the sentence before does not reach across its full stop ("ограничения. През юни")
    ("През януари ще бъдат въведени нови ограничения. През юни министърът подаде оставка.",
     [("януари", "DATE", "2025-01"), ("юни", "DATE", "2024-06")]),
    # after a span of something named right after it, and a span ahead: the span without "след", whatever the tense
    # (stop 58: eval/bggold's annotators, 16 of 16; it had been a date ahead in a present or future clause)
    ("Гърция и Турция възобновяват разговорите след пет години прекъсване.", [("пет години", "DURATION", "P5Y")]),
    ("Решението идва след месеци на напрежение.", [("месеци", "DURATION", "PXM")]),
    ("Ще се видим след две седмици на срещата в Брюксел.", [("две седмици", "DURATION", "P2W")]),
    ("Обещаха, че след два часа ще излетим.", [("два часа", "DURATION", "PT2H")]),
    ("Решение може да има след няколко дни.", [("няколко дни", "DURATION", "PXD")]),
    # the clause's "ще" further back than the usual window still makes a weekday the coming one
    ("Германският канцлер ще обсъди въпроса с лидерите на ЕС на видеоконференция в четвъртък.",
     [("четвъртък", "DATE", "2024-12-19")]),
    # (stop 63) an upcoming meeting's weekday lies ahead, whatever the report's tense (round 35 of eval/bggold)
    ("Туск заяви, че лидерите не са готови да подкрепят сделката на предстоящата среща на върха в четвъртък.",
     [("четвъртък", "DATE", "2024-12-19")]),
    # (stop 63) two years are two dates, as they are with spaces ("1997 - 2007 г."); a range of small numbers is a
    # duration ("7-8 години")
    ("Като цяло в периода 2018-2028 г. се очаква ръст, а децата са на 7-8 години.",
     [("2018", "DATE", "2018"), ("2028 г.", "DATE", "2028"), ("7-8 години", "DURATION", "PXY")]),
    # (stop 80) two years in a row with a slash, or with a dash as a term's end, are one span, the year that straddles
    # them (a budget's, a season's), the first; "през 2013-2014 г." stays a range of two
    ("Здравната служба ще получи до 2023-2024 г. още 20 милиарда, а през 2033/ 2034 г. още толкова.",
     [("2023-2024 г.", "DATE", "2023"), ("2033/ 2034 г.", "DATE", "2033")]),
    ("Опитът ни през 2013-2014 г. беше неуспешен.", [("2013", "DATE", "2013"), ("2014 г.", "DATE", "2014")]),
    # (stop 80) an adjective of frequency is a SET ("годишна заплата", "седмичното заседание"), but not a rate of
    # change ("на годишна база", "месечен спад") nor a number's adjective ("47 годишната": an age)
    ("За борда на „Роснефт“ получава годишна заплата, а премиерът говори по време на седмичното заседание.",
     [("годишна", "SET", "P1Y"), ("седмичното", "SET", "P1W")]),
    ("Продажбите на годишна база нараснаха, при прогнози за месечен спад, а 47 годишната жена е свободна.", []),
    ("„Искаха да търсят съкровища“, спомни си 76\u2010 годишният мъж.", []),
]


@pytest.mark.parametrize(("text", "expected"), BG)
def test_bulgarian(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert times("bg", text) == expected


def test_bulgarian_clock_weekend_and_age() -> None:
    assert times("bg", "Заседанието започва в 10,00 ч. и ще продължи до 14.30 ч., а цената е 3.50 лв.",
                 "2025-04-10") == [("10,00 ч.", "TIME", "2025-04-10T10:00"), ("14.30 ч.", "TIME", "2025-04-10T14:30")]
    assert times("bg", "През уикенда ще е топло, а миналия уикенд валя.", "2025-04-10") == [
        ("уикенда", "DATE", "2025-W15-WE"), ("миналия уикенд", "DATE", "2025-W14-WE")]
    # an age is a duration, as the annotators of eval/bggold mark every "на N години" (9 of 9; stop 61)
    assert times("bg", "Той е на 45 години и работи там от 15 години.") == [
        ("45 години", "DURATION", "P45Y"), ("15 години", "DURATION", "P15Y")]


def test_bulgarian_earlier_one_word_durations_and_page_stamps() -> None:
    """Stop 43, from the annotators of eval/bggold: "По-рано" (earlier) is PAST_REF, "по-рано днес" today, "по-рано
    този месец" this month, "Ден по-рано" the day before (the word lists read one token and "по-рано" is three, so
    none was found); a duration written as one adjective ("тридневни протести"); "вчерашно 4-седмично дъно" is
    yesterday and four weeks (the 4 had been read as 04:00); a page's stamp keeps its seconds, and a day written
    "01-02-2018" is a day (it was read as the year alone)."""
    assert times("bg", "По-рано премиерът заяви, че по-рано днес е говорил с Меркел. Това стана по-рано от "
                 "очакваното.", "2018-02-14") == [("По-рано", "DATE", "PAST_REF"), ("по-рано днес", "DATE", "2018-02-14")]
    assert times("bg", "По-рано този месец той каза това. Ден по-рано паундът поскъпна.", "2018-02-14") == [
        ("По-рано този месец", "DATE", "2018-02"), ("Ден по-рано", "DATE", "ANAPHOR-D:1:2018-02-13")]  # (stop 59:
    # the day before the time named before, which the time stage puts in; the day before publication with none)
    assert times("bg", "Решението предизвика тридневни протести, а той има многогодишен опит.", "2018-11-13") == [
        ("тридневни", "DURATION", "P3D"), ("многогодишен", "DURATION", "PXY")]
    assert times("bg", "Паундът отскочи от вчерашно 4-седмично дъно.", "2018-01-19") == [
        ("вчерашно", "DATE", "2018-01-18"), ("4-седмично", "DURATION", "P4W")]
    assert times("bg", "Ще бъде завършен в най-скоро време, а коридорът губи ролята, която имаше преди 10-20 години. "
                 "Той дойде най-скоро.", "2018-09-04") == [("най-скоро време", "DATE", "FUTURE_REF"),
                                                          ("преди 10-20 години", "DATE", "PAST_REF")]
    # (since stop 68 a stamp with its clock first is one TIME, as one with its clock after: 8 of the 9 such in
    # eval/bggold and its sites are annotated so, two annotators of three)
    assert times("bg", "Публикувано: 23:39:31 01-02-2018", "2018-02-01") == [
        ("23:39:31 01-02-2018", "TIME", "2018-02-01T23:39:31")]


def test_bulgarian_compound_durations_and_until_now() -> None:
    """"10-дневна ваканция", "17-часовото пътуване": a number and a unit's adjective are a duration (only "-месечен"
    was); "Досега не е ясно": until now, the present; "дневния ред" is an agenda, no time."""
    assert times("bg", "Това е 10-дневна ваканция след 17-часовото пътуване. Досега не е ясно.") == [
        ("10-дневна", "DURATION", "P10D"), ("17-часовото", "DURATION", "PT17H"), ("Досега", "DATE", "PRESENT_REF")]
    assert times("bg", "Точката е в дневния ред.") == []


def test_a_day_word_after_a_sentence_ending_in_a_name_and_a_day_in_a_name() -> None:
    """"..., предава БТА. Вчера Мулук каза": the full stop the tokens leave out ends the name (the day had been read
    as the agency name's next word); "споразумението от Добрия петък" is the Good Friday Agreement, no day."""
    assert times("bg", "Делото стана причина, предава БТА. Вчера Мулук каза, че е избягал.", "2018-11-06") == [
        ("Вчера", "DATE", "2018-11-05")]
    assert times("bg", "Според споразумението от Добрия петък границата остава. Срещата е в петък.", "2018-02-09") == [
        ("петък", "DATE", "2018-02-09")]


def test_bulgarian_date_with_a_relative_year_and_a_decade_of_the_last_century() -> None:
    """"на 29 март догодина" is next year's 29 March (it had been this year's, and "догодина" a second expression);
    "80-те години на миналия век" is one expression (its tail had been a second one, "19")."""
    assert times("bg", "Разводът ще се състои на 29 март догодина.", "2018-02-21") == [
        ("29 март догодина", "DATE", "2019-03-29")]
    assert times("bg", "Роден е през 80-те години на миналия век, а не през 90-те години на Тачър.", "2018-11-03") == [
        ("80-те години на миналия век", "DATE", "198"), ("90-те години", "DATE", "199")]


def test_bulgarian_false_friends() -> None:
    assert times("bg", "Майката май не знае нищо.") == []
    assert times("bg", "Той получи 2000 гласа, а тя - 1500 души.") == []
    assert times("bg", "Избори имаше през 2023 г. и 2024 г.") == [("2023 г.", "DATE", "2023"),
                                                                ("2024 г.", "DATE", "2024")]


def test_bulgarian_without_a_document_date() -> None:
    assert times("bg", "Днес и през юни, в събота, миналата година.", None) == [
        ("Днес", "DATE", "PRESENT_REF"), ("юни", "DATE", "XXXX-06"), ("събота", "DATE", "XXXX-WXX-6"),
        ("миналата година", "DATE", "XXXX")]


RU = [
    ("Переговоры пройдут в субботу, сообщил вчера МИД России.",
     [("субботу", "DATE", "2024-12-21"), ("вчера", "DATE", "2024-12-17")]),
    ("17 декабря 2024 года Путин заявил, что в июне подписал договор.",
     [("17 декабря 2024 года", "DATE", "2024-12-17"), ("июне", "DATE", "2024-06")]),
    ("В прошлом году рост составил 3%, а в следующем году будет 2,5%.",
     [("прошлом году", "DATE", "2023"), ("следующем году", "DATE", "2025")]),
    ("Июньский саммит стал историческим, 3 дня назад сообщили в Кремле.",
     [("Июньский", "DATE", "2024-06"), ("3 дня назад", "DATE", "2024-12-15")]),
    ("В 90-е годы было около шести лет кризиса.", [("90-е годы", "DATE", "199"), ("около шести лет", "DURATION", "P6Y")]),
    ("Сейчас он говорит о первом квартале 2025 года.",
     [("Сейчас", "DATE", "PRESENT_REF"), ("первом квартале 2025 года", "DATE", "2025-Q1")]),
    ("За последние сутки выявлено 25 345 новых случаев.", [("последние сутки", "DURATION", "P1D")]),
]


@pytest.mark.parametrize(("text", "expected"), RU)
def test_russian(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert times("ru", text) == expected


EN = [
    ("The company reported earnings on Tuesday and said profits rose in the first quarter of 2013.",
     [("Tuesday", "DATE", "2013-03-19"), ("the first quarter of 2013", "DATE", "2013-Q1")]),
    ("Earlier this month the bank cut rates; last month it held them, and next year it will raise them.",
     [("this month", "DATE", "2013-03"), ("last month", "DATE", "2013-02"), ("next year", "DATE", "2014")]),
    ("The law takes effect Jan. 1, 2014, and lasts for the next two years.",
     [("Jan. 1, 2014", "DATE", "2014-01-01"), ("the next two years", "DURATION", "P2Y")]),
    ("In the 1990s unemployment fell; by mid-2012 it had risen again.",
     [("the 1990s", "DATE", "199"), ("mid-2012", "DATE", "2012")]),
    ("He will meet Obama on Monday morning at 10 a.m.",
     [("Monday morning", "TIME", "2013-03-25TMO"), ("10 a.m.", "TIME", "2013-03-25T10:00")]),
    ("A 22-year-old man was arrested, police said six years ago, just over a week before now.",
     [("six years ago", "DATE", "2007"), ("a week", "DURATION", "P1W"), ("now", "DATE", "PRESENT_REF")]),
    ("May said she may resign in May.", [("May", "DATE", "2013-05")]),
]


@pytest.mark.parametrize(("text", "expected"), EN)
def test_english(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert times("en", text, "2013-03-22") == expected


def test_expression_at_the_start_of_a_span() -> None:
    """The trigger scan needs no word boundary before the span: an expression at its first character counts."""
    text = "Прогнозата е готова.\n2025 г. ще бъде трудна, каза той през юни."
    start = text.index("2025")
    found = find_times(text, start, len(text), load_lexicon("bg"), parse_published("2024-12-18"))
    assert [(text[t.span[0] : t.span[1]], t.value) for t in found] == [("2025 г.", "2025"), ("юни", "2024-06")]


def test_tokens_are_built_on_demand() -> None:
    """``tokens`` keeps parallel lists; ``Tok`` objects (offsets, line breaks, spacing) are made when read."""
    text = "Срещата е\nпрез юни 2024 г., в 10:30 ч."
    toks = tokens(text, 0, len(text), load_lexicon("bg"))
    assert [t.text for t in toks] == ["Срещата", "е", "през", "юни", "2024", "г.", ",", "в", "10:30", "ч."]
    assert [t.text for t in tokenize(text, 0, len(text), load_lexicon("bg"))] == [t.text for t in toks]
    june = toks[3]
    assert (text[june.start : june.end], june.cats["MONTH"], toks.index(june)) == ("юни", 6, 3)
    assert toks[2].nl and toks[2].gap and not toks[1].nl
    assert toks[6].text == "," and not toks[6].gap  # "г.," : the comma is glued to the year mark
    assert toks[8].cats["CLOCK"] == (10, 30)
    assert [t.text for t in toks[-2:]] == ["10:30", "ч."]
    assert toks[0] is toks[0]  # one object per token


def test_sentence_end_pattern_is_the_plain_one() -> None:
    """``_SENT_END`` is written for speed; it finds what the plain pattern finds, whatever the bounds."""
    plain = re.compile(r"[.!?…]+[\"“”»')]*\s+(?=[\"“„«(]?[A-ZА-ЯЁ0-9])|\n")
    for s in ["Край. Начало", "a.\n\nB", "x!!  „A", "end.\" Next", "a…  1", "q?)\n(Z", "..\n.", "a. b. C", "Т.е. 5"]:
        for a in range(len(s) + 1):
            for b in range(a, len(s) + 1):
                assert [m.span() for m in _SENT_END.finditer(s, a, b)] == [m.span() for m in plain.finditer(s, a, b)]


def test_bulgarian_aorist_of_a_perfective_verb_dates_a_later_month_to_last_year() -> None:
    """A perfective verb has no present of its own: "подаде", "отмени" without "да" or "ще" are past, so a month
    later than the report's is last year's (written in March 2024: October 2023); after "ще" it is this year's."""
    assert times("bg", "През октомври министърът подаде оставка.", "2024-03-10") == [
        ("октомври", "DATE", "2023-10")]
    assert times("bg", "Съдът отмени през ноември присъдата.", "2024-03-10") == [("ноември", "DATE", "2023-11")]
    assert times("bg", "През октомври министърът ще подаде оставка.", "2024-03-10") == [
        ("октомври", "DATE", "2024-10")]


def test_bulgarian_hour_of_the_day_is_no_duration() -> None:
    """"в 10 часа", "до 18 часа във вторник" are hours of a day (they had been durations PT10H, PT18H); "до 24
    часа" (the legal detention), "продължи 5 часа" stay durations."""
    assert times("bg", "Срещата ще започне в 10 часа.", "2023-09-06") == [("10 часа", "TIME", "2023-09-06T10:00")]
    assert times("bg", "Жълт код за валежи ще има до 18 часа във вторник.", "2023-09-06") == [
        ("18 часа", "TIME", "2023-09-12T18:00"), ("вторник", "DATE", "2023-09-12")]
    assert times("bg", "Той ще бъде задържан до 24 часа.", "2023-09-06") == [("24 часа", "DURATION", "PT24H")]
    assert times("bg", "Протестът продължи 5 часа.", "2023-09-06") == [("5 часа", "DURATION", "PT5H")]
    # "от 19 часа" after a date is the hour it starts (stop 64); "повече от 5 часа" stays a duration
    assert times("bg", "Филмът ще бъде представен на 18 май от 19 часа.", "2017-05-16") == [
        ("18 май", "DATE", "2017-05-18"), ("19 часа", "TIME", "2017-05-18T19:00")]
    assert times("bg", "Полетът закъсня с повече от 5 часа.", "2017-05-16") == [
        ("повече от 5 часа", "DURATION", "PT5H")]


def test_a_number_glued_to_letters_is_a_name_not_a_year() -> None:
    """"ученията „Съвместен меч 2024Б“": the exercise's name, not the year 2024 (it was a DATE)."""
    import vestnik

    doc = vestnik.extract("Ученията, наречени „Съвместен меч 2024Б“, започнаха. През 2024г. имаше избори.",
                          published="2024-10-14", lang="bg")
    assert [(doc.span_text(t.span), t.value) for t in doc.times] == [("2024г.", "2024")]
    ru = vestnik.extract("После ухода в 2005м из политики Шрёдер возглавил совет.", published="2019-01-01", lang="ru")
    assert [t.value for t in ru.times] == ["2005"]  # (a case ending glued to a year is no name)


def test_halves_of_a_year() -> None:
    """"през втората половина на годината" is the year's second half (there was no expression; "на 2019 г." alone
    had been found in "през втората половина на 2019 г."); "Половината от хората" and "другата половина" stay shares."""
    import vestnik

    doc = vestnik.extract("През втората половина на годината ръстът ще е 2%. Половината от хората са против, другата "
                          "половина не е решила. През първата половина на 2024 г. спадът беше 1%.",
                          published="2025-06-04", lang="bg")
    assert [(doc.span_text(t.span), t.value) for t in doc.times] == [
        ("втората половина на годината", "2025-H2"), ("първата половина на 2024 г.", "2024-H1")]


def test_the_last_quarter_or_half_of_a_named_year() -> None:
    """Stop 69 (blind round 52): "последното тримесечие на изминалата година" is that year's fourth quarter (it was
    "последното тримесечие", the three months up to now, P3M, and the year apart); alone it stays that span."""
    import vestnik

    doc = vestnik.extract("Оптимизмът се подобри през последното тримесечие на изминалата година. През последното "
                          "полугодие на 2016 г. имаше спад. През последното тримесечие ръстът е 2%.",
                          published="2018-01-02", lang="bg")
    assert [(doc.span_text(t.span), t.value) for t in doc.times] == [
        ("последното тримесечие на изминалата година", "2017-Q4"), ("последното полугодие на 2016 г.", "2016-H2"),
        ("последното тримесечие", "P3M")]
    ru = vestnik.extract("В последнем квартале прошлого года рост замедлился, а за последний квартал составил 2%.",
                         published="2018-01-02", lang="ru")
    assert [(ru.span_text(t.span), t.value) for t in ru.times] == [
        ("последнем квартале прошлого года", "2017-Q4"), ("последний квартал", "P3M")]


def test_a_seasons_noun_alone_but_not_a_figure_or_an_adjective() -> None:
    """Stop 69: a season's noun with no preposition is a time ("Зимата беше тежка", "несигурно лято" was nothing; 27 of
    the 30 in the annotated texts are marked), not in a name or a figure ("Арабската пролет", "ядрената зима", "на
    куково лято"), nor its adjective alone ("летните олимпийски игри")."""
    import vestnik

    doc = vestnik.extract("Зимата беше тежка. Арабската пролет започна в Тунис. Светът се бои от ядрената зима. Ще "
                          "стане на куково лято. Летните олимпийски игри започват.", published="2018-04-20", lang="bg")
    assert [(doc.span_text(t.span), t.value) for t in doc.times] == [("Зимата", "2017-WI")]


def test_the_first_months_of_a_year_and_at_least_out_of_a_span() -> None:
    """Stop 69 (blind round 58): "в началните месеци на годината" is that year (it was nothing; "последните месеци на
    годината" was "последните месеци", PXM), and "поне" stays out of a span as "още" does (the annotators leave it
    out: "поне веднъж седмично" is "веднъж седмично"); "първите дни на месец юли" is July's."""
    import vestnik

    doc = vestnik.extract("Несигурност има поне в началните месеци на годината. Купувайте поне веднъж седмично. В "
                          "последните месеци на годината ще има избори. През първите дни на месец юли.",
                          published="2018-01-04", lang="bg")
    assert [(doc.span_text(t.span), t.value) for t in doc.times] == [
        ("началните месеци на годината", "2018"), ("веднъж седмично", "P1W"), ("последните месеци на годината", "2018"),
        ("месец юли", "2018-07")]


def test_the_first_or_last_day_of_a_month() -> None:
    """Stop 69 (blind round 53): "последния ден на януари" is 31 January (it was "последния ден", P1D, and January
    apart), "първия ден на март" 1 March, and the last day of a February counts its leap year."""
    import vestnik

    doc = vestnik.extract("В последния ден на януари внукът стана на годинка. От първия ден на март влиза в сила "
                          "законът. На последния ден на февруари 2016 г. валя.", published="2017-02-01", lang="bg")
    assert [(doc.span_text(t.span), t.value) for t in doc.times] == [
        ("последния ден на януари", "2017-01-31"), ("първия ден на март", "2017-03-01"),
        ("последния ден на февруари 2016 г.", "2016-02-29")]


def test_bulgarian_decades_in_words_and_of_a_named_century() -> None:
    """Stop 69: a decade in words ("осемдесетте години") is a decade as "80-те години" is (it was no expression, and
    "на миналия век" alone the century); one of a named century is that century's ("90-те години на XIX век" was the
    1990s and the 19th century apart), and "на миналия век" is the century before the document's."""
    import vestnik

    doc = vestnik.extract("Джон Крейвър още през петдесетте години на миналия век оглавява проекта. През "
                          "деветдесетте години имаше криза. В 90-те години на XIX век Губиде пише. През 10-те години на "
                          "миналия век започва войната.",
                          published="2017-01-01", lang="bg")
    assert [(doc.span_text(t.span), t.value) for t in doc.times] == [
        ("петдесетте години на миналия век", "195"), ("деветдесетте години", "199"),
        ("90-те години на XIX век", "189"), ("10-те години на миналия век", "191")]


def test_a_day_just_ahead_in_the_new_year_is_the_coming_one() -> None:
    """Written on 12 December, "реши ... от 1 януари" and "ще е на 3 януари" are the coming January (they had been
    eleven months back); "На 3 януари беше подписан" keeps this year's, a past verb's."""
    import vestnik

    doc = vestnik.extract("Съветът реши България да стане член от 1 януари. Срещата ще е на 3 януари. На 3 януари беше "
                          "подписан договорът.", published="2024-12-12", lang="bg")
    assert [t.value for t in doc.times] == ["2025-01-01", "2025-01-03", "2024-01-03"]


def test_a_date_without_tense_or_year_is_the_nearer_one() -> None:
    """With no tense to go by, a day and month without a year is the nearer of this year's and the one a year away:
    in December "срещата е на 23 февруари" is the coming February (it was ten months back), in February "на 20
    декември" with no verb the last December; a past verb still sends the coming month to last year."""
    assert times("bg", "Срещата е на 23 февруари.", "2024-12-10") == [("23 февруари", "DATE", "2025-02-23")]
    assert times("bg", "Вторият кръг - на 20 декември.", "2025-02-03") == [("20 декември", "DATE", "2024-12-20")]
    assert times("bg", "Срещата беше на 23 февруари.", "2024-12-10") == [("23 февруари", "DATE", "2024-02-23")]
    assert times("bg", "Срещата е на 23 юни.", "2024-12-10") == [("23 юни", "DATE", "2024-06-23")]


def test_a_call_or_a_decision_puts_its_complement_ahead() -> None:
    """"призова привържениците си да излязат в понеделник" and "призвала сторонников выйти в понедельник", written on a
    Sunday, are the coming Monday (they had been the last one); a Russian infinitive opens such a complement as "да"
    does; "Цените започнаха да растат в понеделник" is still the last Monday."""
    assert times("bg", "Тя призова привържениците си да излязат в понеделник на протест.", "2024-10-27") == [
        ("понеделник", "DATE", "2024-10-28")]
    assert times("ru", "Она призвала сторонников выйти в понедельник на акцию протеста.", "2024-10-27") == [
        ("понедельник", "DATE", "2024-10-28")]
    assert times("bg", "Цените започнаха да растат в понеделник.", "2024-10-27") == [
        ("понеделник", "DATE", "2024-10-21")]


def test_a_capitalised_month_inside_a_sentence_is_a_name_and_until_a_day_is_the_nearer_one() -> None:
    """"еврокомиссар Марта Кос" is no March; "арестовал на два месяца, до 22 мая" written in March is this May (the past
    verb had sent it to last year); "Июньский саммит" at a sentence's start is still June."""
    assert times("ru", "Кая Каллас и еврокомиссар Марта Кос назвали выборы фиктивными.", "2025-01-27") == []
    assert ("22 мая", "DATE", "2024-05-22") in times("ru", "Суд в воскресенье арестовал на два месяца, до 22 мая, "
                                                               "четырех обвиняемых.", "2024-03-24")
    assert times("ru", "Июньский саммит стал историческим.", "2024-12-18") == [("Июньский", "DATE", "2024-06")]


def test_a_capitalised_month_at_a_line_start_is_the_month() -> None:
    """A headline without a full stop, then "Декември започна с протести": the line's first word is capitalised, so
    it is December (it had been read as a name inside a sentence, and no time was found)."""
    assert times("bg", "Протести в Грузия\nДекември започна с нови протести в Тбилиси.", "2024-12-03") == [
        ("Декември", "DATE", "2024-12")]


def test_spans_leave_a_leading_preposition_out_as_timex3_does() -> None:
    """"през юни" is "юни", "в края на 2019 г." is "края на 2019 г." and "от 1 ноември" is "1 ноември" (until stop
    40 the preposition was part of the span); "около" is an approximation and stays."""
    assert times("bg", "Той дойде през юни и ще остане до края на 2019 г. От 1 ноември таксата се плаща.",
                 "2018-11-10") == [("юни", "DATE", "2018-06"), ("края на 2019 г.", "DATE", "2019"),
                                   ("1 ноември", "DATE", "2018-11-01")]
    assert times("bg", "Чакаха около две седмици.", "2018-02-10")[0][0] == "около две седмици"


def test_bulgarian_nights_ranges_halves_and_durations_without_a_number() -> None:
    """"Изминалата нощ" is last night, "нощта срещу четвъртък" the night before that Thursday; "дни наред" and
    "7-8 часа" are durations of an unstated number, "девет часа и половина" PT9H30M; "десетина" is about ten;
    "21-месечния" a duration (none of these was read before stop 40)."""
    assert times("bg", "Изминалата нощ беше спокойна, а протестите продължиха дни наред.", "2018-11-10") == [
        ("Изминалата нощ", "TIME", "2018-11-09TNI"), ("дни наред", "DURATION", "PXD")]
    assert times("bg", "Биби излезе в нощта срещу четвъртък.", "2018-11-10") == [
        ("нощта срещу четвъртък", "TIME", "2018-11-07TNI")]
    assert times("bg", "Чакахме 7-8 часа, а полетът продължи девет часа и половина.", "2018-11-10") == [
        ("7-8 часа", "DURATION", "PTXH"), ("девет часа и половина", "DURATION", "PT9H30M")]
    assert times("bg", "Преди десетина дена започна 21-месечния период.", "2018-11-10") == [
        ("Преди десетина дена", "DATE", "2018-10-31"), ("21-месечния", "DURATION", "P21M")]


def test_a_month_with_no_tense_nine_months_away_is_the_nearer_one() -> None:
    """"Обемът ... се сви през декември" written in January is last December (the aorist "сви" shows no tense the
    grammar reads), "до октомври" written in January a term's end ahead; "днешните", "4-седмично" (stop 40)."""
    assert times("bg", "Обемът на продажбите се сви през декември.", "2018-01-19") == [("декември", "DATE", "2017-12")]
    assert times("bg", "Преговорите трябва да приключат до октомври.", "2018-01-19") == [
        ("октомври", "DATE", "2018-10")]
    assert times("bg", "Срокът е до февруари.", "2018-11-10") == [("февруари", "DATE", "2019-02")]
    assert times("bg", "Днешните данни сочат 4-седмично обучение.", "2018-01-19") == [
        ("Днешните", "DATE", "2018-01-19"), ("4-седмично", "DURATION", "P4W")]


def test_bulgarian_parts_of_the_day_midnight_and_a_weekday_after_its_date() -> None:
    """Stop 44, from the blind annotation of eval/bggold (round 11): a part of the day named alone is a TIME of that
    day (the evening or night before when told in the past), it sets a clock's half, "снощи в 20.15" is one time,
    midnight is 24:00 of its day, and "на 14 юни четвъртък" is one date."""
    day = "2018-02-27"
    assert times("bg", "Вечерта трябваше да прекараме в хотел, а сутринта рано ще ни превозят.", day) == [
        ("Вечерта", "TIME", "2018-02-26TEV"), ("сутринта рано", "TIME", "2018-02-27TMO")]
    assert times("bg", "Около 90 души прекараха нощта на летището.", day) == [("нощта", "TIME", "2018-02-26TNI")]
    assert times("bg", "Задържаха ги до 2 ч. сутринта, а от 21:30 вечерта сме тук, тръгнахме в 8 часа вечерта.",
                 day) == [("2 ч. сутринта", "TIME", "2018-02-27T02:00"), ("21:30 вечерта", "TIME", "2018-02-27T21:30"),
                          ("8 часа вечерта", "TIME", "2018-02-27T20:00")]
    assert times("bg", "Самолетът трябваше да кацне снощи в 20.15 в Пловдив.", day) == [
        ("снощи в 20.15", "TIME", "2018-02-26T20:15")]
    assert times("bg", "Снощи в 9 часа избухна пожар.", day) == [("Снощи в 9 часа", "TIME", "2018-02-26T21:00")]
    assert times("bg", "Вчера около полунощ 175 граждани кацнаха в Тимишоара.", day) == [
        ("Вчера около полунощ", "TIME", "2018-02-26T24:00")]
    assert times("bg", "Разказаха за вечерта на 24 февруари.", "2018-03-15") == [
        ("вечерта на 24 февруари", "TIME", "2018-02-24TEV")]
    assert times("bg", "Компанията предложи полет, който е на 14 юни четвъртък.", "2018-06-11") == [
        ("14 юни четвъртък", "DATE", "2018-06-14")]


def test_bulgarian_ordinal_spans_a_year_after_a_comma_and_a_clock_with_last_night() -> None:
    """Stop 44 (blind rounds 12-13): "трети ден от протести" is how long so far, "третата година" (with the article)
    names a year and is left alone; "14 юни, 2009 г." is one date; "Снощи към 23 часа" is last night's 23:00, "в 1
    часа снощи" the anchor's 01:00 (after midnight); a night told without a future is the night before."""
    day = "2018-06-11"
    assert times("bg", "Пакистан е блокиран трети ден от протести.", day) == [("трети ден", "DURATION", "P3D")]
    assert times("bg", "Райънеър за шеста поредна година е най-лошата.", day) == [
        ("шеста поредна година", "DURATION", "P6Y")]
    assert times("bg", "Компанията ще е печеливша през третата година.", day) == []
    assert times("bg", "На 14 юни, 2009 г. тя отива да събира плодове.", day) == [
        ("14 юни, 2009 г.", "DATE", "2009-06-14")]
    assert times("bg", "Снощи към 23 часа ни доведоха в хотел, а 62-ма тръгнаха в 1 часа снощи.", day) == [
        ("Снощи към 23 часа", "TIME", "2018-06-10T23:00"), ("1 часа снощи", "TIME", "2018-06-11T01:00")]
    assert times("bg", "Времето принуди стотици да прекарат нощта на летището.", day) == [
        ("нощта", "TIME", "2018-06-10TNI")]
    assert times("bg", "Ще прекараме нощта в хотел.", day) == [("нощта", "TIME", "2018-06-11TNI")]


def test_bulgarian_one_unit_how_often_now_and_a_month_of_a_named_year() -> None:
    """Stop 45 (blind round 14): "повече от година" is P1Y, "три пъти в седмицата" P1W, "на този етап" and "към
    настоящия момент" now ("в момент, когато" is none), "април тази година" one date, "с часове" PTXH, a
    "35-годишна" concession P35Y but a "46-годишна" woman an age (no time), and a link's path no date."""
    day = "2018-10-04"
    assert times("bg", "Тя е прекарала повече от година в затвора, а близо месец по-късно я пуснаха.", day) == [
        ("повече от година", "DURATION", "P1Y"), ("близо месец по-късно", "DATE", "ANAPHOR+M:1:9")]  # (stop 57: the
    # time stage puts in a month after the time before it, or with none the duration P1M)
    assert times("bg", "Има три чартъра, също три пъти в седмицата, и веднъж в месеца до Белфаст.", day) == [
        ("три пъти в седмицата", "SET", "P1W"), ("веднъж в месеца", "SET", "P1M")]
    assert times("bg", "На този етап няма яснота. Към настоящия момент газът минава оттам.", day) == [
        ("този етап", "DATE", "PRESENT_REF"), ("настоящия момент", "DATE", "PRESENT_REF")]
    assert times("bg", "Това става в момент, когато Брюксел се готви.", day) == []
    assert times("bg", "През април тази година той заяви, че на 28 март тази година и през август миналата година "
                       "е имало срещи.", day) == [
        ("април тази година", "DATE", "2018-04"), ("28 март тази година", "DATE", "2018-03-28"),
        ("август миналата година", "DATE", "2017-08")]
    assert times("bg", "Те чакаха с часове без храна.", day) == [("часове", "DURATION", "PTXH")]
    assert times("bg", "Компанията спечели 35-годишната концесия. 46-годишната християнка е в затвора.", day) == [
        ("35-годишната", "DURATION", "P35Y")]
    assert times("bg", "Виж http://nations4jesus.blogspot.com/2010/11/pray-for-asia-bibi.html за повече.", day) == []
    # "предстои да обсъди ... в петък": the coming Friday, however far the verb stands from the day (round 15)
    assert times("bg", "Меркел, която винаги е демонстрирала подкрепата си за газопровода по дъното на Балтийско море, "
                       "предстои да обсъди проекта с руския президент Владимир Путин в петък.", "2018-05-17") == [
        ("петък", "DATE", "2018-05-18")]


def test_bulgarian_per_year_long_spans_within_a_year_and_minutes_long() -> None:
    """Stop 46 (blind round 18 and eval/bggold): "55 милиарда кубични метра на година" is per year (SET P1Y; "на
    час", a speed's, none), "3000 дни" a duration (a year-like number with a day unit), "в рамките на една година" a
    year, "година и девет месеца" P1Y9M, "20-минутен разговор" PT20M."""
    day = "2018-02-03"
    assert times("bg", "Газопроводът ще доставя 55 милиарда кубични метра газ на година. Колата кара 100 км на "
                       "час.", day) == [("година", "SET", "P1Y")]
    assert times("bg", "Тя прекара 3000 дни в затвора. През 2023 г. и 2024 г. ще има избори.", day) == [
        ("3000 дни", "DURATION", "P3000D"), ("2023 г.", "DATE", "2023"), ("2024 г.", "DATE", "2024")]
    assert times("bg", "Решението ще се вземе в рамките на една година. Той е на 45 години.", day) == [
        ("една година", "DURATION", "P1Y"), ("45 години", "DURATION", "P45Y")]
    assert times("bg", "За година и девет месеца Лондон ще спазва правилата. След 20-минутен разговор те се "
                       "разделиха.", day) == [
        ("година и девет месеца", "DURATION", "P1Y9M"), ("20-минутен", "DURATION", "PT20M")]


HOLIDAYS = [
    # Bulgarian feasts count from Orthodox Easter (16 April 2017); the year follows the tense as for "25 декември"
    ("bg", "2017-03-25", "Магазините ще работят до 14 ч. по Коледа, а след Великден цените ще паднат.",
     [("14 ч.", "TIME", "2017-03-25T14:00"), ("Коледа", "DATE", "2017-12-25"), ("Великден", "DATE", "2017-04-16")]),
    ("bg", "2017-03-25", "В навечерието на Великден и на Разпети петък храмовете бяха пълни.",
     [("навечерието на Великден", "DATE", "2017-04-15"), ("Разпети петък", "DATE", "2017-04-14")]),
    ("bg", "2017-03-25", "Миналата Коледа беше студена, а на Гергьовден 2021 г. валя.",
     [("Миналата Коледа", "DATE", "2016-12-25"), ("Гергьовден 2021 г.", "DATE", "2021-05-06")]),
    ("bg", "2018-02-05", "Преди Нова година затварят резервациите за католическия Великден.",
     [("Нова година", "DATE", "2018-01-01"), ("католическия Великден", "DATE", "2018-04-01")]),
    # Santa Claus, a treaty and the feast as a name: no day; "новата година" is the coming year (stop 65), no
    # feast day either
    ("bg", "2017-03-25", "Дядо Коледа дойде, а споразумението на Разпети петък е от 1998 г.",
     [("1998 г.", "DATE", "1998")]),
    ("bg", "2016-12-11", "През новата година ще празнуваме. Църквата отбеляза Благовещение.",
     [("новата година", "DATE", "2017")]),
    # a feast's holidays by its adjective, capitalised (stop 61); in lower case the season, no day
    ("bg", "2017-04-15", "Музеите са отворени по време на Великденските празници, а през коледните празници не.",
     [("Великденските празници", "DATE", "2017-04-16")]),
    # Russian feasts keep the Julian dates: Christmas on 7 January, Easter of 2 May 2021
    ("ru", "2020-12-18", "После Нового года и на Пасху храмы будут закрыты, а парад ко Дню Победы состоится.",
     [("Нового года", "DATE", "2021-01-01"), ("Пасху", "DATE", "2021-05-02"), ("Дню Победы", "DATE", "2021-05-09")]),
    ("ru", "2020-12-18", "Накануне Рождества патриарх призвал к миру. На католическое Рождество будет служба.",
     [("Накануне Рождества", "DATE", "2020-01-06"), ("католическое Рождество", "DATE", "2020-12-25")]),
    # English: Western Easter (31 March 2013), the fourth Thursday of November, the first Tuesday after 1 November
    ("en", "2013-03-22", "Sales fell before Christmas. They will recover after Easter Monday, by Thanksgiving.",
     [("Christmas", "DATE", "2012-12-25"), ("Easter Monday", "DATE", "2013-04-01"), ("Thanksgiving", "DATE", "2013-11-28")]),
    ("en", "2013-03-22", "On New Year's Eve, crowds gathered; on Election Day they voted.",
     [("New Year's Eve", "DATE", "2012-12-31"), ("Election Day", "DATE", "2012-11-06")]),
    ("en", "2013-03-22", "They celebrate Christmas around a Christmas tree.", []),
    ("en", "2013-03-22", "The pope will wash feet on Holy Thursday; the parade was held on St. Patrick's Day.",
     [("Holy Thursday", "DATE", "2013-03-28"), ("St. Patrick's Day", "DATE", "2013-03-17")]),
    ("ru", "2020-12-18", "В День России в Москве прошел концерт.", [("День России", "DATE", "2020-06-12")]),
]


@pytest.mark.parametrize(("lang", "published", "text", "expected"), HOLIDAYS)
def test_holidays(lang: str, published: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert times(lang, text, published) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Часове след случката полицията пристигна, а секунди преди това тълпата се разпръсна.",
     [("Часове", "DURATION", "PTXH"), ("секунди", "DURATION", "PTXS")]),
    ("Пътниците чакат вече часове на летището.", [("часове", "DURATION", "PTXH")]),
    ("Ръстът е заради отстъпките около т.нар. “Черен петък“.", [("Черен петък", "DATE", "2017-11-24")]),
])
def test_bulgarian_plural_units_before_after_and_black_friday(text: str, expected: list[tuple[str, str, str]]) -> None:
    """An unstated number of hours or seconds ("Часове след ...", "вече часове"); Black Friday by its rule (in
    quote marks, which name a day as a preposition does)."""
    assert times("bg", text, "2018-01-19") == expected


def test_bulgarian_unit_with_the_article_after_during_is_the_document_s_own() -> None:
    """"през седмицата", "в рамките на деня": this week, today (the preposition left out of the span)."""
    text = "Двете заседания на кабинета през седмицата ще са важни. Надявам се в рамките на деня да се реши."
    assert times("bg", text, "2018-02-27") == [("седмицата", "DATE", "2018-W09"), ("деня", "DATE", "2018-02-27")]


def test_bulgarian_an_hour_in_a_time_zone_is_a_clock_time() -> None:
    """Stop 60 (a web article): "около 3-4 часа българско време" is when the missiles were fired (the first hour of
    the range), not a duration of three or four hours; a bare range stays one."""
    assert times("bg", "Изстрелването е извършено около 3-4 часа българско време. Атаката продължи 3-4 часа.",
                 "2017-04-07") == [("около 3-4 часа българско време", "TIME", "2017-04-07T03:00"),
                                   ("3-4 часа", "DURATION", "PTXH")]


def test_bulgarian_half_of_a_century_is_the_century() -> None:
    """Stop 60 (a web article): "втората половина на втори век" was this year's second half plus a second time,
    "първата половина на миналия век" last year's first half; both are the century (TimeML has no half of one),
    and the half of a year stays one."""
    assert times("bg", "Находката е от втората половина на втори век. Войната беше през първата половина на миналия "
                 "век. През втората половина на годината ще има избори.", "2017-04-07") == [
        ("втората половина на втори век", "DATE", "01"), ("първата половина на миналия век", "DATE", "19"),
        ("втората половина на годината", "DATE", "2017-H2")]


def test_bulgarian_tonight_told_in_the_past_is_last_night() -> None:
    """Stop 60 (a web article): "изстреляните тази нощ ракети" in a report of the morning after is the night before
    it; "Тази нощ ще вали" stays the coming night."""
    assert times("bg", "Мнения заляха потока след изстреляните тази нощ ракети. Тази нощ ще вали сняг.",
                 "2017-04-07") == [("тази нощ", "TIME", "2017-04-06TNI"), ("Тази нощ", "TIME", "2017-04-07TNI")]


def test_bulgarian_a_clock_from_an_hour_after_a_day_is_on_that_day() -> None:
    """Stop 60: "на 7 декември от 19 ч." and "във вторник от 10.00 ч." start at that hour of that day; only "в" and
    "на" tied a clock to the day before it, so "от" left it on the publication's day."""
    assert times("bg", "Залата ще приеме на 7 декември от 19 ч. спектакъла. Резолюцията ще бъде обсъдена във вторник "
                 "от 10.00 ч. българско време.", "2016-12-05") == [
        ("7 декември", "DATE", "2016-12-07"), ("19 ч.", "TIME", "2016-12-07T19:00"),
        ("вторник", "DATE", "2016-12-06"), ("10.00 ч. българско време", "TIME", "2016-12-06T10:00")]


def test_bulgarian_durations_spelt_with_a_number_word() -> None:
    """Stop 60: "двегодишния преходен период" (the spoken "две-" beside "дву-"), "седемгодишната финансова рамка",
    "шестминутен клип" are spans the word list lacked; "Седемгодишната Мария" is an age, as "46-годишната" was, and
    a predicate before a full stop is no one's age."""
    assert times("bg", "По време на двегодишния преходен период и седемгодишната финансова рамка групата пусна "
                 "шестминутен клип. Седемгодишната Мария отиде на училище. Лондон предлага той да бъде двугодишен. "
                 "Съгласно принципите ще има промени.", "2018-01-19") == [
        ("двегодишния", "DURATION", "P2Y"), ("седемгодишната", "DURATION", "P7Y"), ("шестминутен", "DURATION", "PT6M"),
        ("двугодишен", "DURATION", "P2Y")]



def test_bulgarian_named_days_in_words_and_on_the_occasion_of() -> None:
    """Stop 60 (a web article): "по повод Първа пролет" is 1 March of the year ("по повод" names the day as a
    preposition does); "Деня на Европа" has its rule too, and a feast named bare stays no day."""
    assert times("bg", "Тази година по повод Първа пролет музеят показва билки. Църквата отбеляза Благовещение.",
                 "2017-03-20") == [("Тази година", "DATE", "2017"), ("Първа пролет", "DATE", "2017-03-01")]
    assert times("bg", "Шуман прочете декларацията на Деня на Европа.", "2017-05-10") == [
        ("Деня на Европа", "DATE", "2017-05-09")]


def test_bulgarian_a_vague_past_long_ago() -> None:
    """Stop 62 (web articles): "навремето" (back then) and "в древността" name the past as "наскоро" does
    (PAST_REF); the annotators of eval/bggold-sites mark 4 of 5."""
    assert times("bg", "Геологът разказа как навремето чул пророчицата. Ролята на жреците в древността е показана.",
                 "2017-03-01") == [("навремето", "DATE", "PAST_REF"), ("древността", "DATE", "PAST_REF")]


def test_bulgarian_month_first_with_comma_and_year() -> None:
    """Stop 64: a site's or a forum's stamp in the English order, "Февруари 01, 2011", is one date (it had been the
    month alone, of the publication's year, and the year apart); without its comma and year ("през май 1, 2 и 3
    души") the month stands alone."""
    assert times("bg", "Отговор #27 -: Февруари 01, 2011, 12:25 ч.", "2017-03-05")[0] == (
        "Февруари 01, 2011", "DATE", "2011-02-01")
    assert times("bg", "През май 1, 2 и 3 души пострадаха.", "2017-03-05") == [("май", "DATE", "2016-05")]


def test_bulgarian_the_new_year_is_the_one_beginning_nearest() -> None:
    """Stop 65: "новата година" is the year that begins nearest the document's date: the coming one from July on,
    this one before (3 of 3 in eval/bggold-sites and blind round 37: forecasts written in November, December and
    January); it had been no time at all."""
    assert times("bg", "Ясновидката каза, че през новата година ще има избори.", "2017-01-23") == [
        ("новата година", "DATE", "2017")]
    assert times("bg", "Картите показват събитията на Новата година.", "2016-11-21") == [
        ("Новата година", "DATE", "2017")]


def test_bulgarian_an_english_date_with_its_year() -> None:
    """Stop 65: an embedded tweet's stamp, "June 18, 2018" (or "18 June 2018"), is that day (eval/bggold: it had been
    the year alone); an English month name without a day and a year stays no date ("Тереза May")."""
    assert times("bg", "Петро Порошенко (@poroshenko) June 18, 2018. Срещата е на 18 June 2018. Тереза May каза.",
                 "2018-06-19") == [("June 18, 2018", "DATE", "2018-06-18"), ("18 June 2018", "DATE", "2018-06-18")]


def test_bulgarian_a_date_in_words_with_its_clock_is_one_stamp() -> None:
    """Stop 65: "06 Февруари 2018 21:40", a page's stamp with the month in words, is one TIME of that day, as
    "11.11.2018 10.40" is (2 of 2 in eval/bggold); the clock had been a TIME of its own. Apart ("31 март 2018 |
    12:38") or with seconds, the two stay apart."""
    got = times("bg", "06 Февруари 2018 21:40\n\nНа 31 март 2018 | 12:38 стана ясно.", "2018-02-06")
    assert got == [("06 Февруари 2018 21:40", "TIME", "2018-02-06T21:40"), ("31 март 2018", "DATE", "2018-03-31"),
                   ("12:38", "TIME", "2018-03-31T12:38")]


def test_bulgarian_today_s_world_is_the_present() -> None:
    """Stop 66 (blind round 38): "днешн*" (today's) before a state of things or a name is the present ("В днешния
    свят", "поне на днешните нива", "днешна Германия": PRESENT_REF in eval/bggold and the round), before a dated
    thing it is today ("днешната среща", "към днешна дата"); "Днес" stays today."""
    got = times("bg", "В днешния свят сме изправени пред проблеми. Днешна Германия е друга. Днешната среща беше "
                "важна. Към днешна дата няма нищо. Днес Лондон обяви.", "2018-02-17")
    assert [(t, v) for t, _, v in got] == [("днешния", "PRESENT_REF"), ("Днешна", "PRESENT_REF"),
                                          ("Днешната", "2018-02-17"), ("днешна", "2018-02-17"), ("Днес", "2018-02-17")]


def test_bulgarian_a_day_that_names_a_historic_event() -> None:
    """Stop 66: "11 септември" used as the name of the attacks, with no preposition ("предсказа 11 септември") or
    after a word of attack ("атентатите на 11 септември"), is 2001-09-11 (all 19 without a year in the 918 reports
    and the site articles; 3 of 3 marked so in eval/bggold-sites and blind rounds 38 and 40); "На 11 септември ще се
    срещнат" stays this year's day."""
    got = times("bg", "Ванга успешно предсказа 11 септември. След атентатите на 11 септември светът се промени. На "
                "11 септември ще се срещнат министрите.", "2017-01-22")
    assert [v for _, _, v in got] == ["2001-09-11", "2001-09-11", "2017-09-11"]


def test_bulgarian_how_often_lately_and_the_night_before_a_date() -> None:
    """Stop 67 (blind round 41): "2 до 3 пъти дневно", "три пъти седмично", "веднъж месечно" are how often, count and
    word together (eval/bggold marks the whole, 3 of 3; "дневно" had been no time); "напоследък" (lately) is the
    recent past, as TimeML's "recently" (2 of 2 annotators; it had been the present); "в нощта срещу 1 февруари" is
    the night of 31 January, as "в нощта срещу четвъртък" is Wednesday's; "повече от век" lasts a hundred years."""
    got = times("bg", "Пиете 2 до 3 пъти дневно. Летят три пъти седмично. Идва веднъж месечно. Напоследък се чуват "
                "гласове. Правителството ги зашлеви в нощта срещу 1 февруари. Музеят съществува повече от век.",
                "2017-02-05")
    assert got == [("2 до 3 пъти дневно", "SET", "P1D"), ("три пъти седмично", "SET", "P1W"),
                   ("веднъж месечно", "SET", "P1M"), ("Напоследък", "DATE", "PAST_REF"),
                   ("нощта срещу 1 февруари", "TIME", "2017-01-31TNI"), ("повече от век", "DURATION", "P100Y")]


def test_bulgarian_to_this_day_and_our_time() -> None:
    """Stop 67 (blind round 44): "и до днес" (to this day) and "нашето време" are the present (3 of 4 and 2 of 3 in
    eval/bggold and its sites); "до днес" alone is still today's date."""
    got = times("bg", "И до днес там няма водопровод. Тя е пророчица на нашето време. Срокът е до днес.", "2016-11-25")
    assert got == [("днес", "DATE", "PRESENT_REF"), ("нашето време", "DATE", "PRESENT_REF"),
                   ("днес", "DATE", "2016-11-25")]


def test_bulgarian_an_indefinite_length_and_more_recently() -> None:
    """Stop 68 (blind round 45): "за неопределено време" (indefinitely) is a length with no unit (2 of 2 annotated
    in eval/bggold and its sites); "по-неотдавна" (more recently) is the recent past, as "неотдавна" (the hyphen had
    cut it from the word lists); "по-скоро" (rather) stays no time."""
    got = times("bg", "Въпросът е замразен за неопределено време. Така реагира ЕС на кризата, и по-неотдавна на "
                "мигрантите. По-скоро ще чакат.", "2018-03-23")
    assert got == [("неопределено време", "DURATION", "PXX"), ("по-неотдавна", "DATE", "PAST_REF")]


def test_bulgarian_an_hour_with_the_part_of_the_day_and_a_particle_before_the_preposition() -> None:
    """Stop 68 (blind round 46): "от 9 вечерта", "в 9 сутринта" are clock times without "ч." (21:00 and 09:00, as 2
    of 2 annotations write them; only the part of the day had been read); "Само в четвъртък" is "четвъртък", the
    particle and the preposition left out as TIMEX3 leaves prepositions out ("Само в" had been in the span)."""
    got = times("bg", "От 9 вечерта сме на летището. Разпродажбата е от 9 сутринта. Само в четвъртък ще има "
                "отстъпки.", "2016-12-20")
    assert got == [("9 вечерта", "TIME", "2016-12-20T21:00"), ("9 сутринта", "TIME", "2016-12-20T09:00"),
                   ("четвъртък", "DATE", "2016-12-22")]


def test_bulgarian_particles_the_near_future_and_an_age_in_the_neuter() -> None:
    """Stop 68 (blind rounds 46-47): a particle before a time is left out of its span as its preposition is ("още
    тази седмица", "Само три дни": eval/bggold marks 17 of 18 without it), not before a figure ("само 3 дни" says how
    many); "в близко бъдеще" is the future (2 of 2); "10-годишно момче" is an age, not "annually" ("годишно" alone)."""
    got = times("bg", "Ще започнат още тази седмица. Остават само три дни. Ще стане в близко бъдеще. Снимка на "
                "10-годишно момче. Газ 55 млрд. кубически метра годишно.", "2018-01-31")
    assert got == [("тази седмица", "DATE", "2018-W05"), ("три дни", "DURATION", "P3D"),
                   ("близко бъдеще", "DATE", "FUTURE_REF"), ("годишно", "SET", "P1Y")]


def test_bulgarian_a_month_of_the_year_named_after_it_in_one_word() -> None:
    """Stop 68 (blind round 48): "през март догодина" is March of next year, "през май лани" May of last year (the
    month and the year had been two times, the month this year's)."""
    got = times("bg", "Това ще се случи през март догодина. През май лани беше иначе.", "2018-01-16")
    assert got == [("март догодина", "DATE", "2019-03"), ("май лани", "DATE", "2017-05")]


def test_bulgarian_a_stamp_with_its_clock_first_and_more_time_words() -> None:
    """Stop 68 (blind round 49): a news list's stamp with the clock before the date ("01:20, 02 Февруари 2017",
    "23:39:31 01-02-2018") is one TIME, as a date with the clock after it is (7 of 7 in the round; they had been a
    TIME and a DATE); "осемдневно пътуване" lasts eight days; "тазсутрешния дебат" is this morning's; a month under
    the conditional ("През март би трябвало ...") is not the past one."""
    got = times("bg", "Новини 01:20, 02 Февруари 2017 Отиде си легендата. NF 23:39:31 01-02-2018 PA2339NF.002 ЕС. "
                "Започна осемдневно пътуване. При тазсутрешния дебат. През март би трябвало съветът да реши.",
                "2018-02-09")
    assert got == [("01:20, 02 Февруари 2017", "TIME", "2017-02-02T01:20"),
                   ("23:39:31 01-02-2018", "TIME", "2018-02-01T23:39:31"), ("осемдневно", "DURATION", "P8D"),
                   ("тазсутрешния", "TIME", "2018-02-09TMO"), ("март", "DATE", "2018-03")]


def test_bulgarian_once_a_while_ago_and_the_old_days() -> None:
    """Stop 73: "някога" (once) is the past, but "ever" after "ако", a question's "ли" or a participle, and before
    "ще"; "преди време", "едно време" are the past (eval/bggold 2 of 2, its sites 4 of 5); none had been a time."""
    got = times("bg", "Легендата гласи, че заекът някога е бил птица. Ако тя някога бъде освободена, ще я убият. "
                "Задавали ли сте си някога този въпрос? Най-тежката присъда, регистрирана някога. Нели Конуей "
                "сподели преди време кои числа са важни. Едно време го използвали при треска.", "2017-04-12")
    assert got == [("някога", "DATE", "PAST_REF"), ("преди време", "DATE", "PAST_REF"),
                   ("Едно време", "DATE", "PAST_REF")]


def test_bulgarian_a_part_of_the_day_with_no_article_is_a_habit() -> None:
    """Stop 73: "Вечер се пие ...", "Работете сутрин", "от сутрин до вечер" are every evening or morning (SET, as
    eval/bggold-sites marks 9 of 9); "една вечер", "благотворителна вечер", a show's name ("България сутрин") and "сряда
    вечер" are not."""
    got = times("bg", "Вечер се пие една чаша запарка. Работете сутрин. Работили са от сутрин до вечер. Една вечер "
                "жената тръгнала на благотворителна вечер. Каза в предаването \"България сутрин\" вчера.",
                "2017-04-12")
    assert got == [("Вечер", "SET", "XXXX-XX-XXTEV"), ("сутрин", "SET", "XXXX-XX-XXTMO"),
                   ("сутрин", "SET", "XXXX-XX-XXTMO"), ("вечер", "SET", "XXXX-XX-XXTEV"),
                   ("вчера", "DATE", "2017-04-11")]


def test_bulgarian_so_many_years_over_the_years_and_for_centuries() -> None:
    """Stop 73: "толкова години", "през годините", "от векове" are lengths of an unstated number (eval/bggold-sites
    marks 7 of 7)."""
    got = times("bg", "Той не работи у нас от толкова години. През годините дойдоха много хора. Народите са "
                "свързани от векове.", "2017-04-12")
    assert got == [("толкова години", "DURATION", "PXY"), ("годините", "DURATION", "PXY"),
                   ("векове", "DURATION", "PXCE")]


def test_bulgarian_one_day_ahead_is_no_length() -> None:
    """Stop 73: "Може един ден да потрябва", "ако един ден българин стъпи на Марс" are some day ahead (FUTURE_REF,
    4 of 5 in eval/bggold-sites; it had been P1D); "за един ден", "продължи един ден" stay a length."""
    got = times("bg", "Може един ден да потрябва на историята. Сигурни сме, че ако един ден българин стъпи на Марс, "
                "ще го потупат. Интеграцията няма да стане факт за един ден. Срещата продължи един ден.",
                "2017-04-12")
    assert got == [("един ден", "DATE", "FUTURE_REF"), ("един ден", "DATE", "FUTURE_REF"),
                   ("един ден", "DURATION", "P1D"), ("един ден", "DURATION", "P1D")]


def test_bulgarian_a_forum_posts_stamp_with_a_comma_before_its_clock() -> None:
    """Stop 73: a forum post's stamp, "Февруари 01, 2011, 12:25:16 pm", "нд, 19 фев 2017, 11:40", is one TIME with
    its seconds and "pm" (3 of 3 in eval/bggold-sites; the clock had been a TIME of the publication day, and "фев"
    without its stop no month); "в окт" is October."""
    got = times("bg", "Отговор #27 -: Февруари 01, 2011, 12:25:16 pm: книга. Отговор #8 -: Юли 13, 2005, 4:40:59 "
                "pm » Цитат на: Check в нд, 19 фев 2017, 11:40... Ще дойде в окт или ноември.", "2017-02-21")
    assert got == [("Февруари 01, 2011, 12:25:16 pm", "TIME", "2011-02-01T12:25:16"),
                   ("Юли 13, 2005, 4:40:59 pm", "TIME", "2005-07-13T16:40:59"),
                   ("19 фев 2017, 11:40", "TIME", "2017-02-19T11:40"), ("окт", "DATE", "2017-10"),
                   ("ноември", "DATE", "2017-11")]


def test_bulgarian_round_the_clock_and_the_superlative_of_the_year() -> None:
    """Stop 73: "24 часа в денонощието", "7 дни в седмицата" are every day (SET P1D, 6 of 6 in eval/bggold-sites;
    they had been PT24H and P7D); "най-хубавите книги на годината" is this year (4 of 4), "Роман на годината" and
    "8 часа в денонощието" stay as they were."""
    got = times("bg", "Следете ни 24 часа в денонощието. Музеят работи 7 дни в седмицата. Работи 8 часа в "
                "денонощието. Някои от най-хубавите книги на годината се продават. Роман на годината.", "2016-12-20")
    assert got == [("24 часа в денонощието", "SET", "P1D"), ("7 дни в седмицата", "SET", "P1D"),
                   ("8 часа", "DURATION", "PT8H"), ("годината", "DATE", "2016")]


def test_bulgarian_the_twenty_best_never_before_and_the_noun_contact() -> None:
    """Stop 73: "20-те най-важни заръки" is the twenty (the article before a superlative), not the 1920s; "Никога
    досега" (never before) and "отстраняване на досега" (the noun "досег", contact) are no time (eval/bggold-sites
    marks none of the 6); "През 20-те години", "Досега" stay times."""
    got = times("bg", "Всеки трябва да знае! 20-те най-важни заръки на Ванга! През 20-те години имаше криза. Никога "
                "досега там не е имало повече. Лекува се с отстраняване на досега между тялото и климатика. Досега "
                "няма решение.", "2017-04-12")
    assert got == [("20-те години", "DATE", "192"), ("Досега", "DATE", "PRESENT_REF")]


def test_bulgarian_holy_week_and_its_days() -> None:
    """Stop 74: the days of Holy Week and Bright Week count from (Orthodox) Easter, "Страстната седмица" is the ISO
    week before Easter Sunday, written capitalised or not ("в рамките на страстната седмица", eval/bggold-sites 2 of
    2); "Велики понеделник" had been a plain Monday, the week no time."""
    got = times("bg", "Обичаите през Страстната седмица се спазват. „В рамките на страстната седмица всички обреди "
                "се спазват“, каза тя. На Велики понеделник се чисти, на Велика сряда не се работи, а на Светли "
                "понеделник се ходи на гости.", "2017-04-12")
    assert got == [("Страстната седмица", "DATE", "2017-W15"), ("страстната седмица", "DATE", "2017-W15"),
                   ("Велики понеделник", "DATE", "2017-04-10"), ("Велика сряда", "DATE", "2017-04-12"),
                   ("Светли понеделник", "DATE", "2017-04-17")]


def test_bulgarian_soft_hyphens_inside_words() -> None:
    """Stop 74: a web page's soft hyphens (U+00AD) inside a word are no break ("родена на 30 сеп\\u00adтември 1981 г."
    had been "30 сеп" of this year): the words read as without them, the spans keep the original text's offsets."""
    plain = "Тя е родена на 30 септември 1981 г. Бяхме там през септември, а през ноември си тръгнахме."
    text = plain.replace("сеп", "сеп\u00ad").replace("ноем", "ноем\u00ad")
    got = times("bg", text, "2017-02-10")
    assert got[0] == ("30 сеп\u00adтември 1981 г.", "DATE", "1981-09-30")
    assert [(s.replace("\u00ad", ""), t, v) for s, t, v in got] == times("bg", plain, "2017-02-10")
    assert [s for s, _, _ in got] == ["30 сеп\u00adтември 1981 г.", "сеп\u00adтември", "ноем\u00adври"]


def test_bulgarian_a_feasts_custom_is_no_years_day() -> None:
    """Stop 74: a feast followed by an impersonal present is what is done on it every year ("На Благовец се яде",
    "На Благовещение не се работи": XXXX-03-25, as eval/bggold-sites gives it), not this year's day; a verb that
    foretells ("се очаква") or a future stays this year's. "Напролет", "наесен" (in spring, in autumn) are seasons."""
    got = times("bg", "Поради това на Благовец се яде и празнува. На Благовещение не се работи. На Коледа се очаква "
                "сняг, а на Гергьовден ще се съберем. Напролет ще се върна.", "2017-03-20")
    assert got == [("Благовец", "DATE", "XXXX-03-25"), ("Благовещение", "DATE", "XXXX-03-25"),
                   ("Коледа", "DATE", "2017-12-25"), ("Гергьовден", "DATE", "2017-05-06"),
                   ("Напролет", "DATE", "2017-SP")]


def test_bulgarian_first_and_second_person_plural_past() -> None:
    """Stop 74: "бяхме", "снимахме", "видяхте" (aorist and imperfect, first and second person plural) are past verbs:
    "Бяхме там през септември" written in February is last September (had been this year's, the verb unread)."""
    got = times("bg", "Бяхме там през септември, а през ноември си тръгнахме. Видяхте ли го през декември?",
                "2017-02-10")
    assert got == [("септември", "DATE", "2016-09"), ("ноември", "DATE", "2016-11"), ("декември", "DATE", "2016-12")]


def test_bulgarian_the_morning_after() -> None:
    """Stop 74: "на сутринта" in a story or a custom is the morning after the day told, not the publication's morning
    (XXXX-XX-XXTMO, eval/bggold-sites 3 of 3); "Сутринта", "рано сутринта" and "7 часа на сутринта" stay dated."""
    got = times("bg", "После нещата станаха сериозни. На сутринта дъщеря й я закарала в болницата. Рано сутринта е "
                "имало взрив в 7 часа на сутринта.", "2017-03-20")
    assert got == [("сутринта", "TIME", "XXXX-XX-XXTMO"), ("Рано сутринта", "TIME", "2017-03-20TMO"),
                   ("7 часа на сутринта", "TIME", "2017-03-20T07:00")]


def test_bulgarian_a_four_digit_number_of_years_is_a_length() -> None:
    """Stop 74: "чинар на 1300 години", "Чакат ни 1000 години мир" are lengths (eval/bggold-sites 3 of 3; they had been
    no time, a four-digit number before a year's unit read as a year); a range of years ("2022 – 2025 години") and a
    name in quotes ("фонда „1300 години България“") stay as they were, and "2023 г." is a year."""
    got = times("bg", "В двора има чинар на 1300 години. Чакат ни 1000 години мир. В периода 2022 – 2025 години и "
                "през 2023 г. парите на фонда „1300 години България“ свършиха.", "2017-03-20")
    assert got == [("1300 години", "DURATION", "P1300Y"), ("1000 години", "DURATION", "P1000Y"),
                   ("2022", "DATE", "2022"), ("2025", "DATE", "2025"), ("2023 г.", "DATE", "2023")]


def test_bulgarian_the_future_and_the_past_as_times() -> None:
    """Stop 74: "the future", "the past" with no preposition ("Какво ни готви бъдещето", "вижда и миналото и
    бъдещето") or after "с" ("свързано с бъдещето") are FUTURE_REF, PAST_REF (eval/bggold-sites 4 of 4); someone's
    ("планове за бъдещето на ЕС", "гледа бъдещето си", "бъдещето и сигурността на Украйна") and a topic ("визия за
    бъдещето") stay out, and "миналото лято" is the summer."""
    got = times("bg", "Какво ни готви бъдещето остава да видим. Тя вижда и миналото и бъдещето. Всичко е свързано с "
                "бъдещето. Говориха за бъдещето на ЕС. Той мисли бъдещето си, бъдещето и сигурността на Украйна. "
                "Брюксел се нуждае от визия за бъдещето.", "2017-04-12")
    assert got == [("бъдещето", "DATE", "FUTURE_REF"), ("миналото", "DATE", "PAST_REF"),
                   ("бъдещето", "DATE", "FUTURE_REF"), ("бъдещето", "DATE", "FUTURE_REF")]


def test_bulgarian_for_a_long_time() -> None:
    """Stop 74: "от дълго време" (for a long time, up to now) is an unstated number of years (PXY; eval/bggold and its
    sites 3 of 4, it had been no time); "дълго време" with no "от" stays out (0 of 2)."""
    got = times("bg", "Извънземни от дълго време воюват с Русия. ЕС от дълго време настоява за това. Двете жени "
                "спорели дълго време.", "2017-04-12")
    assert got == [("дълго време", "DURATION", "PXY"), ("дълго време", "DURATION", "PXY")]


def test_bulgarian_a_date_of_no_tense_half_a_year_away_stays_in_the_year() -> None:
    """Stop 74: a day and month with no verb half a year either way stays in the anchor's year, as a month alone does
    (a list of dangerous days written in April, "20 септември – 17 октомври", "14 ноември – 6 декември", is this
    year's; they had been last year's); eight months or more away it is still the nearer one."""
    got = times("bg", "Периодите: 20 септември – 17 октомври; 14 ноември – 6 декември. Изборите на 20 декември.",
                "2017-04-08")
    assert [v for _, _, v in got] == ["2017-09-20", "2017-10-17", "2017-11-14", "2017-12-06", "2016-12-20"]


def test_bulgarian_a_present_of_going_or_starting_sets_a_weekday_ahead() -> None:
    """Stop 74: "Тереза Мей отива в Берлин в петък", "Вторият рунд започва във вторник" tell what is planned: the
    coming weekday (they had been last week's, as a weekday of no tense is)."""
    got = times("bg", "Тереза Мей отива в Берлин в петък. Вторият рунд от преговорите започва във вторник. Срещата "
                "бе в петък.", "2018-02-14")
    assert [v for _, _, v in got] == ["2018-02-16", "2018-02-20", "2018-02-09"]


def test_bulgarian_a_season_written_in_january_or_february() -> None:
    """Stop 74: January and February are the winter at the year's start, before its other seasons: "ще започнат
    през пролетта", "да започне през лятото" written then are this year's (they had been next year's), "миналото
    лято" and a past autumn last year's (they had been this year's); the winter itself keeps its value."""
    got = times("bg", "Преговорите ще започнат през пролетта. През есента загинаха трима. Миналото лято беше горещо. "
                "Тази зима е студена.", "2018-01-30")
    assert [v for _, _, v in got] == ["2018-SP", "2017-FA", "2017-SU", "2018-WI"]


def test_bulgarian_a_generation_is_a_length_of_years() -> None:
    """Stop 74: "в течение на едно поколение", "за цяло поколение", "засегнати за поколения напред" are a length of
    years (PXY; eval/bggold 4 of 4, they had been no time); a count of people ("пред очите на две поколения
    българи", "бъдещите поколения") is none."""
    got = times("bg", "В течение на едно поколение ЕС ще се разпадне. Решенията ще формират държавата за цяло "
                "поколение. Засегнати сме за поколения напред. Животът ми мина пред очите на две поколения българи. "
                "Бъдещите поколения няма да разберат.", "2018-03-02")
    assert got == [("едно поколение", "DURATION", "PXY"), ("цяло поколение", "DURATION", "PXY"),
                   ("поколения напред", "DURATION", "PXY")]


def test_bulgarian_one_unit_before_or_after_what_follows() -> None:
    """Stop 74: "ден преди да тръгне", "година след като сдаде властта", "Ден след решението" are one unit's length
    (eval/bggold and its sites 4 of 4 marked; they had been no time); "ден след ден" and an ordinal's day ("на
    третия ден след Великден") are no such length."""
    got = times("bg", "Срещата е била ден преди да тръгне за Италия. Правителството дойде на власт отново, година след "
                "като сдаде властта. Ден след решението тя е свободна. Всяка година на третия ден след Великден "
                "отбелязват празника.", "2018-11-02")
    assert [(s, v) for s, t, v in got if t == "DURATION"] == [("ден", "P1D"), ("година", "P1Y"), ("Ден", "P1D")]


def test_bulgarian_millennia_are_lengths() -> None:
    """Stop 74: a millennium is a unit: "вече две хилядолетия" P2000Y, "повече от хилядолетие" P1000Y (as
    eval/bggold-sites), "свързани от хилядолетия" PXL, "преди хилядолетия" the past (all had been no time); an ordinal
    millennium ("VII-VI хилядолетие преди Христа") is no length."""
    got = times("bg", "Учението вече две хилядолетия се проповядва. Носят го повече от хилядолетие. Те са свързани от "
                "хилядолетия. Хората преди хилядолетия са знаели това. Развитие след VII-VI хилядолетие преди "
                "Христа.", "2017-03-01")
    assert got == [("две хилядолетия", "DURATION", "P2000Y"), ("повече от хилядолетие", "DURATION", "P1000Y"),
                   ("хилядолетия", "DURATION", "PXL"), ("преди хилядолетия", "DATE", "PAST_REF")]


def test_bulgarian_our_days_are_the_present() -> None:
    """Stop 74: "до наши дни", "в наши дни" (to this day, nowadays) are the present, as "нашето време" (they had been
    no time); "Наши дни бяха тежки" with no preposition is left."""
    got = times("bg", "Манастирът се е запазил до наши дни. В наши дни това общество е потайно. Наши дни бяха тежки.",
                "2017-03-01")
    assert got == [("наши дни", "DATE", "PRESENT_REF"), ("наши дни", "DATE", "PRESENT_REF")]


def test_bulgarian_listed_days_are_dates_of_their_own() -> None:
    """Stop 75: "между 4, 8 и 11 октомври", "от 24 до 29 септември" are a date per day, as TimeML marks conjoined
    dates and a range's ends (the rules had read one span, the first day's date, and "4, " none); a dash-joined
    "22-23 март" stays one written range."""
    got = times("bg", "Фестивалът се проведе между 4, 8 и 11 октомври, а изложбата беше от 24 до 29 септември.",
                "2024-12-18")
    assert got == [("4", "DATE", "2024-10-04"), ("8", "DATE", "2024-10-08"), ("11 октомври", "DATE", "2024-10-11"),
                   ("24", "DATE", "2024-09-24"), ("29 септември", "DATE", "2024-09-29")]
    assert times("bg", "Лидерите се срещнаха на 22-23 март.", "2024-12-18") == [("22-23 март", "DATE", "2024-03-22")]



def test_bulgarian_a_calendars_month_heads_its_days() -> None:
    """Stop 77: a month, a colon and a list of days is a calendar: each day a DATE of that month, the number before
    the next month's name the last day of the list before it (the rules had read "20 Октомври" as one date and left
    the listed days out); a calendar's months run forward, into the next year after December."""
    got = times("bg", "Благоприятни дни за сеитба: Ноември: 3, 5, 12, 20\u00a0Декември: 1, 4, 18 Януари: 2, 9. "
                "Цената: 5, 6 лева.", "2024-10-02")
    assert got == [("Ноември: 3", "DATE", "2024-11-03"), ("5", "DATE", "2024-11-05"), ("12", "DATE", "2024-11-12"),
                   ("20", "DATE", "2024-11-20"), ("Декември: 1", "DATE", "2024-12-01"), ("4", "DATE", "2024-12-04"),
                   ("18", "DATE", "2024-12-18"), ("Януари: 2", "DATE", "2025-01-02"), ("9", "DATE", "2025-01-09")]



def test_bulgarian_a_part_of_the_day_next_to_a_day_is_that_days() -> None:
    """Stop 77: "на 29 март 2019 г. в полунощ", "на 10 април 1981 г. вечерта", "сутринта на Бъдни вечер" name a part
    of that day (one expression when "на" joins them) (the rules had given the publication's day, or the night before it); a capitalised part after a day
    opens another sentence and keeps its own reading."""
    got = times("bg", "Правилата влизат в сила на 29 март 2019 г. в полунощ. На 10 април 1981 г. вечерта жителите "
                "видели светлини. Той пристигнал сутринта на Бъдни вечер.", "2018-01-06")
    assert got == [("29 март 2019 г.", "DATE", "2019-03-29"), ("полунощ", "TIME", "2019-03-29T24:00"),
                   ("10 април 1981 г.", "DATE", "1981-04-10"), ("вечерта", "TIME", "1981-04-10TEV"),
                   ("сутринта на Бъдни вечер", "TIME", "2017-12-24TMO")]


def test_bulgarian_midnight_that_opens_a_day() -> None:
    """Stop 77: "от полунощ", "малко след полунощ" is the midnight a day starts with, 00:00 (as eval/bggold, 2 of 2);
    "вчера около полунощ" stays 24:00 of the day it ends."""
    got = times("bg", "Партията спира протестите от полунощ на 8 април 2017 г. Вчера около полунощ пристигнаха 175 "
                "граждани. Малко след полунощ полицията ги спря.", "2017-04-08")
    assert got == [("полунощ на 8 април 2017 г.", "TIME", "2017-04-08T00:00"),
                   ("Вчера около полунощ", "TIME", "2017-04-07T24:00"),
                   ("Малко след полунощ", "TIME", "2017-04-08T00:00")]


def test_bulgarian_spoken_year_endings_month_nouns_and_day_nouns_are_part_of_the_span() -> None:
    """Stop 78: "2013-а", "ноември 2017-а година", "октомври месец", "края на месец февруари", "вчерашния ден",
    "днешно време" are one expression each, as eval/bggold's annotators mark them (the rules had stopped before the
    ending or the noun; "края на месец" had been this month and "февруари" a time of its own). "55-годишна възраст"
    was one too until stop 81, which leaves the noun out as eval/bggold and its sites do 3 of 4."""
    got = times("bg", "Това е най-слабата година за търговията на дребно от 2013-а насам. Производството отбеляза "
                "солиден отскок през ноември 2017-а година. Барние има нелеката задача до октомври месец да "
                "приключи преговорите.", "2018-05-22")
    assert got == [("2013-а", "DATE", "2013"), ("ноември 2017-а година", "DATE", "2017-11"),
                   ("октомври месец", "DATE", "2018-10")]
    got = times("bg", "Той обясни, че до края на месец февруари ще започне подобряване на инфраструктурата. "
                "Иванов съобщи още, че през вчерашния ден са били поставени нови табели. В днешно време "
                "„Силния“ може да бъде разпознат навсякъде. Гласоподавателите на 55-годишна възраст са сред "
                "привържениците му.", "2017-02-14")
    assert got == [("края на месец февруари", "DATE", "2017-02"), ("вчерашния ден", "DATE", "2017-02-13"),
                   ("днешно време", "DATE", "PRESENT_REF"), ("55-годишна", "DURATION", "P55Y")]


def test_bulgarian_years_and_a_half_ago_and_a_range_of_weekdays_runs_forward() -> None:
    """Stop 78: "преди 20 години и половина" is 246 months back (it had been "преди 20 години", a year too late);
    "от вторник до неделя" ahead ends on the Sunday after that Tuesday (it had been the Sunday before it), and a past
    range that would end before it starts begins a week earlier."""
    got = times("bg", "Без Ванга, която почина преди 20 години и половина. Панаирът на книгата ще бъде отворен от "
                "вторник до неделя в НДК. Изложбата беше отворена от вторник до понеделник.", "2017-01-18")
    assert got == [("преди 20 години и половина", "DATE", "1996-07"), ("вторник", "DATE", "2017-01-24"),
                   ("неделя", "DATE", "2017-01-29"), ("вторник", "DATE", "2017-01-10"),
                   ("понеделник", "DATE", "2017-01-16")]


def test_bulgarian_a_time_opening_its_clause_and_a_past_participle_before_a_month() -> None:
    """Stop 78: a time that opens its clause takes the tense of the verb after a long subject ("През уикенда
    еврокомисарят ... Пиер Московиси направи": the weekend before, it had been the coming one), and a neuter past
    participle right before a month dates it to the past ("след споразумение, подписано през ноември" in January: the
    November before, it had taken the future of "планира"); "ще бъде подписано" and a name ("в Милано") do not."""
    got = times("bg", "Те заявиха, че вратите остават отворени. През уикенда еврокомисарят по икономическите и "
                "финансовите въпроси Пиер Московиси направи подобно изказване. Полската газова компания планира да "
                "купи още газ след споразумение, подписано през ноември. Новото ще бъде подписано през ноември. Те "
                "ще се срещнат в Милано през ноември.", "2018-01-29")
    assert got == [("уикенда", "DATE", "2018-W04-WE"), ("ноември", "DATE", "2017-11"), ("ноември", "DATE", "2018-11"),
                   ("ноември", "DATE", "2018-11")]


def test_bulgarian_a_demonstrative_before_a_counted_span_and_an_intensifier_before_soon() -> None:
    """Stop 78: "за тези 27 години" and "Съвсем наскоро", "съвсем скоро" take their first word too, as eval/bggold-sites
    marks them (the spans had begun at the number and at the adverb)."""
    got = times("bg", "Това е най-неморалният кабинет за тези 27 години. Съвсем наскоро политологът сподели "
                "прогнозата си. Анкетираните смятат, че съвсем скоро ще има нови атаки.", "2017-05-04")
    assert got == [("тези 27 години", "DURATION", "P27Y"), ("Съвсем наскоро", "DATE", "PAST_REF"),
                   ("съвсем скоро", "DATE", "FUTURE_REF")]


def test_bulgarian_after_before_a_date_is_a_preposition_the_span_leaves_out() -> None:
    """Stop 78: "след 29 март 2019 г.", "След 2019 г." are "29 март 2019 г.", "2019 г." (TIMEX3 leaves the preposition
    out, and eval/bggold's annotators do so 53 times of 54; "след" is also the "after" of "след 3 дни", which kept it
    in the span); "Малко след полунощ" keeps its words."""
    got = times("bg", "Каквото и да се случи след 29 март 2019 г., тя остава. След 2019 г. ще има нов бюджет. Той се "
                "върна след 3 дни. Малко след полунощ полицията ги спря.", "2018-01-29")
    assert got == [("29 март 2019 г.", "DATE", "2019-03-29"), ("2019 г.", "DATE", "2019"), ("3 дни", "DURATION", "P3D"),
                   ("Малко след полунощ", "TIME", "2018-01-29T00:00")]


def test_bulgarian_an_adjective_of_length_takes_no_edge_or_approximation_before_it() -> None:
    """Stop 79: "в края на 46-годишното членство" is the membership's end: the duration is "46-годишното" alone, as
    eval/bggold's reports mark it (7 of 7 such adjectives after "края на", "началото на", "почти", "повече"); the
    same "в края на" before a noun of time stays part of its span."""
    got = times("bg", "Те ще се подготвят за последиците от края на 46-годишното членство на Лондон. В началото на "
                "двудневното си посещение той говори. Държавата ще плаща над 100 млн. лв. повече годишно. "
                "Срещите ще са в края на годината.", "2018-02-01")
    assert got == [("46-годишното", "DURATION", "P46Y"), ("двудневното", "DURATION", "P2D"),
                   ("годишно", "SET", "P1Y"), ("края на годината", "DATE", "2018")]


def test_bulgarian_a_year_with_its_spoken_ending_opens_a_sentence() -> None:
    """Stop 79: "2018-а ще бъде добра" is the year with its spoken ending even with no preposition or year word around
    it (eval/bggold marks "2018-а", "2017-а" whole; the span had been the bare number)."""
    got = times("bg", "Икономиката се представи добре и 2018-а ще бъде добра за валутата. 2017-а носи катаклизми.",
                "2018-01-04")
    assert got == [("2018-а", "DATE", "2018"), ("2017-а", "DATE", "2017")]


def test_bulgarian_as_of_this_hour_is_now() -> None:
    """Stop 79: "към този час нямат информация" (as of this hour) is now, PRESENT_REF, as eval/bggold marks it (2 of 2;
    it had been the day's hour); "в този час" stays the hour."""
    got = times("bg", "Сънародниците ни споделят, че и към този час нямат информация. В този час улиците са пусти.",
                "2018-02-27")
    assert got == [("този час", "DATE", "PRESENT_REF"), ("този час", "TIME", "2018-02-27TXX")]


def test_bulgarian_soon_as_a_phrase_with_its_noun() -> None:
    """Stop 79: "в скоро време", "в близко време" (soon) are FUTURE_REF with "време" in the span, as "в най-скоро време"
    is (eval/bggold-sites 2 of 2; the span had been "скоро", and "близко време" no time); "в по-близко време" is not."""
    got = times("bg", "Анкетираните очакват буря в скоро време. Според тях в близко време светът ще стане арена на "
                "конфликт. В по-близко време заради мерките приехме хора.", "2017-01-08")
    assert got == [("скоро време", "DATE", "FUTURE_REF"), ("близко време", "DATE", "FUTURE_REF")]


def test_bulgarian_a_bare_holy_week_day_is_its_day() -> None:
    """Stop 79: "в първия ден – Велики Понеделник по традиция ..." is Holy Monday (Orthodox Easter 2017 was 16 April),
    bare as it is (eval/bggold-sites marks it so; the capitalised weekday had been read as the next Monday); a bare
    feast that is no weekday ("отбелязва Цветница") stays no time."""
    got = times("bg", "По думите ѝ в първия ден – Велики Понеделник по традиция се чисти. Църквата отбелязва Цветница.",
                "2017-04-15")
    assert got == [("Велики Понеделник", "DATE", "2017-04-10")]
