"""The time stage on whole documents: the seed page, the document date, ``when`` for facts."""

from __future__ import annotations

import pytest

import vestnik
from vestnik.document import Document
from vestnik.ingest.readers import document_from_string
from vestnik.pipeline import make_pipeline
from vestnik.time import when_for
from vestnik.time.grammar import load_lexicon
from vestnik.time.stage import date_from_stamp

PIPE = make_pipeline(only=["segment", "time"])


def run(text: str, **kw: str) -> Document:
    return PIPE(document_from_string(text, **kw))


def texts(doc: Document) -> list[tuple[str, str]]:
    return [(doc.span_text(t.span), t.value) for t in doc.times]


def test_seed_page_times(seed_text: str) -> None:
    doc = run(seed_text, published="2024-12-18")
    got = texts(doc)
    for want in [("юни", "2024-06"), ("17 декември", "2024-12-17"), ("юнската", "2024-06"),
                 ("следващата 2025 г.", "2025"), ("близо шест години", "P6Y")]:
        assert want in got
    assert all(t.evidence.startswith("time:bg:") for t in doc.times)
    # a teaser says the talks "will be held" on Saturday: the coming one
    assert ("събота", "2024-12-21") in got


def test_seed_page_when(seed_text: str) -> None:
    doc = run(seed_text, published="2024-12-18")
    t = doc.text
    signed = t.index("подписаха")
    assert when_for(doc, (signed, signed + 9)) == ("2024-06", "expression")
    sent = t.index("изпратено")
    assert when_for(doc, (sent, sent + 9)) == ("2024-12-17", "expression")
    # "2025" is inside the quotation: it dates the quoted promise, not the letter that says it
    cue = t.index("се казва още в писмото")
    assert when_for(doc, (cue, cue + 22)) == ("2024-12-18", "published")
    first = t.index("заяви")
    assert when_for(doc, (first, first + 5)) == ("2024-12-18", "published")


def test_published_given_is_kept() -> None:
    doc = run("Заглавие\n\nСОФИЯ, 17 декември 2023 г. (БТА) – Министърът заяви вчера, че ще има среща.\n",
              published="2024-12-18")
    assert doc.published == "2024-12-18"
    assert ("вчера", "2024-12-17") in texts(doc)


def test_published_from_dateline() -> None:
    doc = run("Заглавие\n\nСОФИЯ, 17 декември 2024 г. (БТА) – Министърът заяви вчера, че в събота ще има среща.\n")
    assert (doc.published, doc.published_source) == ("2024-12-17", "dateline")
    # the dateline's own date is the document date, not an expression of the story
    assert texts(doc) == [("вчера", "2024-12-16"), ("събота", "2024-12-21")]


def test_dateline_without_year_anchors_month_and_day() -> None:
    doc = run("Заглавие\n\nСОФИЯ, 17 декември (БТА) – Министърът заяви вчера, че в събота ще има среща.\n")
    assert doc.published is None
    assert doc.meta["published_partial"] == "XXXX-12-17"
    assert texts(doc) == [("вчера", "XXXX-12-16"), ("събота", "XXXX-WXX-6")]


def test_published_from_url() -> None:
    doc = run("Министърът заяви вчера, че в събота ще има среща.", url="https://www.bta.bg/bg/news/2024/12/17/123-x")
    assert (doc.published, doc.published_source) == ("2024-12-17", "url")
    assert texts(doc) == [("вчера", "2024-12-16"), ("събота", "2024-12-21")]


def test_published_from_the_pages_date_stamp() -> None:
    doc = run("Гръм удари самолет над летище Пловдив\n\n19.06.2018 | 11:30 1839 прегледа Близо 100 души останаха "
              "вчера в капан на летището.\n")
    assert (doc.published, doc.published_source) == ("2018-06-19", "stamp")
    # the stamp is the document date, not an expression of the story; "вчера" resolves against it
    assert texts(doc) == [("вчера", "2018-06-18")]
    # a date in running prose is an event's date, not the page's stamp
    doc = run("Заглавие\n\nНа 12.03.2018 г. ще се проведе среща на министрите.\n")
    assert doc.published is None and texts(doc) == [("12.03.2018 г.", "2018-03-12")]
    # written out, opening a line below the headline: a stamp; in prose or opening the headline: a date told
    doc = run("Кейти Пери и илюминатите\n\n14 май 2017 Редакция Конспирации\nПевицата призна вчера всичко.\n")
    assert (doc.published, doc.published_source) == ("2017-05-14", "stamp")
    assert texts(doc) == [("вчера", "2017-05-13")]
    for text in ("Заглавие\n\nНа 7 април 2017 г. САЩ нанесоха удар.\n",
                 "20 март 1995 г. сектата организира атентат в метрото\n\nТекст за атентата.\n"):
        assert run(text).published is None


def test_date_stamps_of_real_pages_are_their_publication_days() -> None:
    """Every BSNLP news text with a stamp near its start (SlavicNER raw, title + body, no metadata) gets the
    publication day its BSNLP metadata gives; measured at 66 of the 918 texts (63 numeric, 3 written out)."""
    from conftest import SHARED

    raw, meta = SHARED / "eval" / "ner-bg" / "raw", SHARED / "eval" / "news-bg" / "bsnlp-with-metadata"
    if not raw.exists():
        pytest.skip("shared eval data not present")
    got, written = {}, 0
    for f in sorted(raw.glob("*/*.txt")):
        text = f.read_text(encoding="utf-8")
        found = date_from_stamp(text, load_lexicon("bg"))
        if found:
            got[f.name] = (found[0], (meta / f.parent.name / f.name).read_text(encoding="utf-8").split("\n")[2])
            written += not text[found[1][0] : found[1][1]][:5].replace(".", "").isdigit()
    assert len(got) >= 60 and written >= 2
    assert all(a == b for a, b in got.values()), {k: v for k, v in got.items() if v[0] != v[1]}


def test_no_date_anywhere() -> None:
    doc = run("Министърът заяви днес, че миналата седмица е подписал договора.")
    assert doc.published is None
    assert texts(doc) == [("днес", "PRESENT_REF"), ("миналата седмица", "XXXX-WXX")]
    i = doc.text.index("подписал")
    assert when_for(doc, (i, i + 8)) == (None, "published")


def test_bad_input_never_raises() -> None:
    for text in ["", "2024", "\n\n\n", "в " * 500, "1" * 5000, "през\nюни 17\n декември"]:
        assert isinstance(run(text).times, list)
    doc = run("Днес.", published="not a date")
    assert texts(doc) == [("Днес", "PRESENT_REF")]


def test_fill_when_dates_quotes_by_their_cue(seed_text: str) -> None:
    from vestnik.document import Quote
    from vestnik.time import fill_when

    doc = run(seed_text, published="2024-12-18")
    t = doc.text
    q_start = t.index("Убеден съм")
    cue = t.index("се казва още в писмото")
    doc.quotes = [Quote(span=(q_start, t.index("“", q_start)), direct=True, cue=(cue, cue + 22))]
    fill_when(doc)
    assert (doc.quotes[0].when, doc.quotes[0].when_source) == ("2024-12-18", "published")


def test_when_inside_a_quotation_uses_the_quotation_time(seed_text: str) -> None:
    doc = run(seed_text, published="2024-12-18")
    i = doc.text.index("ще продължим да работим")
    assert when_for(doc, (i, i + 23)) == ("2025", "expression")


def test_a_trailing_report_verb_does_not_set_the_tense() -> None:
    """"ще се съберат ... на 22 април, съобщиха от Съвета": the date is in the future clause; the past "съобщиха"
    after the comma, nearer to it, had made it last year's. A cue on the expression's side of the comma wins."""
    doc = run("Министрите на ЕС ще се съберат отново в Люксембург на 22 април, съобщиха от Съвета на ЕС. "
              "Срещата се проведе на 22 февруари, съобщиха от Съвета.", published="2024-03-20")
    got = texts(doc)
    assert got.count(("22 април", "2024-04-22")) == 1
    assert ("22 февруари", "2024-02-22") in got


def test_a_date_in_a_da_complement_takes_no_tense_from_the_verb_before() -> None:
    """"реши днес да удължи обстановката до 31 март, съобщи пресслужбата" (in January): the date is in the
    complement, so neither "реши" nor the report verb after the comma makes it last year's March."""
    doc = run("Министерският съвет реши днес да удължи извънредната епидемична обстановка в страната до 31 март, "
              "съобщи правителствената пресслужба. Той отложи срещата за 20 март.", published="2021-01-25")
    got = texts(doc)
    assert ("31 март", "2021-03-31") in got


def test_a_numeral_with_the_definite_article_is_no_decade() -> None:
    """"си осигури 20-те гласа на щата" are the twenty votes; "през 90-те години", "от 90-те насам" are decades."""
    got = texts(run("Байдън си осигури 20-те гласа на щата. През 90-те години и от 90-те насам това не се е случвало.",
                    published="2020-11-07"))
    assert not any(t == "20-те" for t, _v in got)
    assert ("90-те години", "199") in got and ("90-те", "199") in got


def test_weekdays_after_a_russian_perfective_future_and_english_would_are_ahead() -> None:
    """"в среду проведет переговоры" (a perfective verb: future) written on Tuesday 22 October 2024 is the 23rd, and
    "the truce would take effect on Sunday" written on Saturday 18 January 2025 the 19th (both had been the
    weekday before)."""
    import vestnik

    ru = vestnik.extract("Путин в среду проведет переговоры с Си Цзиньпином.", published="2024-10-22", lang="ru")
    en = vestnik.extract("He said the truce would take effect on Sunday.", published="2025-01-18", lang="en")
    assert [t.value for t in ru.times] == ["2024-10-23"] and [t.value for t in en.times] == ["2025-01-19"]


def test_a_weekday_something_is_set_for_lies_ahead() -> None:
    """"За петък е предвидена среща", "Първата дата на авиокомпанията е за четвъртък, каза ..." written on a Thursday
    and a Monday: the Friday and Thursday ahead, whatever the report verb's tense (they had been the days before); "в
    статия за неделния брой" written on a Sunday is that day; "в четвъртък заяви" is still the Thursday before."""
    import vestnik

    def values(text: str, published: str) -> list[str]:
        return [t.value for t in vestnik.extract(text, published=published, lang="bg").times]

    assert values("За петък е предвидена среща на Меркел с Путин.", "2018-05-17") == ["2018-05-18"]
    assert values("Първата дата на авиокомпанията към София е за четвъртък, каза зрителка.",
                  "2018-06-11") == ["2018-06-14"]
    assert values("Тя заяви това в статия за неделния брой на вестника.", "2018-06-17") == ["2018-06-17"]
    assert values("В четвъртък той заяви, че ще подаде оставка.", "2018-06-11") == ["2018-06-07"]


def test_the_future_spoken_of_is_no_time() -> None:
    """"визия за бъдещето", "по бъдещето на газопровода", "говорим за миналото": the future or the past as a topic is
    no time expression (each had been FUTURE_REF / PAST_REF); "в бъдеще", "в бъдещето", "в миналото" are."""
    import vestnik

    doc = vestnik.extract("Брюксел се нуждае от визия за бъдещето. Те претеглят ползите по бъдещето на газопровода. "
                          "Ние говорим за миналото. Те искат да живеят тук в бъдеще. Не гледам в бъдещето. В миналото "
                          "това не беше така.", published="2018-06-11", lang="bg")
    assert [(doc.span_text(t.span), t.value) for t in doc.times] == [
        ("бъдеще", "FUTURE_REF"), ("бъдещето", "FUTURE_REF"), ("миналото", "PAST_REF")]


def test_soon_after_another_time_is_no_future() -> None:
    """"Скоро след това той замина": soon after a time the text tells, no FUTURE_REF (it had been one); "ще
    пристигне скоро" still is."""
    import vestnik

    doc = vestnik.extract("Скоро след това той замина за Рим. Тя ще пристигне скоро.", published="2016-07-15", lang="bg")
    assert [(doc.span_text(t.span), t.value) for t in doc.times] == [("скоро", "FUTURE_REF")]


def test_a_month_named_with_its_noun() -> None:
    """"до месец май", "през месец март 2019 г.": the month with its noun, as one expression; "месец" also makes the
    ambiguous "май" the month (it had been left out: "май" alone is also "probably")."""
    import vestnik

    doc = vestnik.extract("Юнкер иска план до месец май. Излизането е насрочено за месец март 2019 г. Той май ще дойде.",
                          published="2018-02-20", lang="bg")
    assert [(doc.span_text(t.span), t.value) for t in doc.times] == [("месец май", "2018-05"),
                                                                       ("месец март 2019 г.", "2019-03")]


def test_a_chapter_and_verse_is_no_clock() -> None:
    """"(Римляни 15:13)", "(Лука 1:38)": a chapter and verse after a book of the Bible (verse_books) is no time of
    day (each had been one); "в 15:13 часа" still is."""
    import vestnik

    doc = vestnik.extract("Молете се за мир (Римляни 15:13). Тя отвърнала с думите на Дева Мария (Лука 1:38). "
                          "Срещата започна в 15:13 часа.", published="2016-07-15", lang="bg")
    assert [(doc.span_text(t.span), t.value) for t in doc.times] == [("15:13 часа", "2016-07-15T15:13")]


def test_a_subjunctive_cut_at_the_tense_window_is_no_past() -> None:
    """"ЕС иска да приключи преговорите за преходния период до края на март" written on 1 February 2018: the tense
    window around the expression began at "приключи", which read alone is a past aorist, so March was 2017's; the
    words before the window ("да") now count (stop 42). A past verb still dates it to the last March."""
    import vestnik

    ahead = vestnik.extract("ЕС иска да приключи преговорите за преходния период до края на март.",
                            published="2018-02-01", lang="bg")
    past = vestnik.extract("ЕС приключи преговорите в края на март.", published="2018-02-01", lang="bg")
    assert [t.value for t in ahead.times] == ["2018-03"] and [t.value for t in past.times] == ["2017-03"]


def test_a_page_stamp_clock_and_a_clock_after_a_bar_take_the_stamp_date() -> None:
    """"06.09.2018 08.55" (a page's stamp: the clock written with a dot) is one time of that day (stop 50: one TIME,
    as TimeML writes it, no longer a DATE and a TIME), and "26 януари 2017 | 13:04" a time of that day (the clock had
    been left out, and after "|" took the publication date); "10.405 души" is a number (stop 42)."""
    import vestnik

    d = vestnik.extract("Заглавие\n\n06.09.2018 08.55 Във Финландия започна полагането. Новини 26 януари 2017 | "
                        "13:04\n\nНа 11.11.2018 10.405 души гласуваха.", published="2018-09-06", lang="bg")
    got = [(d.span_text(t.span), t.value) for t in d.times]
    assert ("06.09.2018 08.55", "2018-09-06T08:55") in got and ("13:04", "2017-01-26T13:04") in got
    assert not any(s == "06.09.2018" for s, _v in got)
    assert not any(s.startswith("10.40") for s, _v in got)


def test_words_only_a_rule_names_still_find_the_text() -> None:
    """Stop 45: the stage looks only around the lexicon's words, and "на този етап", "към настоящия момент" hold
    none but "етап" and "момент" (words of their own category, not a rule's literals, which find nothing)."""
    doc = run("Заглавие\n\nОт министерството съобщиха, че на този етап няма яснота.", published="2018-10-04")
    assert texts(doc) == [("този етап", "PRESENT_REF")]


def test_then_opening_a_sentence_is_the_time_named_before_it() -> None:
    """Stop 46: "Тогава" opening a sentence is the date named just before (the annotators of eval/bggold mark 5 of 8,
    with its value); inside a sentence, with nothing dated before, or far from it (a conditional "in that case") it
    is left out."""
    doc = run("Заглавие\n\nСанкциите бяха наложени през лятото на 2017 г. Тогава в ЕС коментираха, че са оправдани. "
              "Той тогава ще анализира документа.", published="2018-01-31")  # (next to a past verb: stop 73)
    assert texts(doc) == [("лятото на 2017 г.", "2017-SU"), ("Тогава", "2017-SU")]
    assert texts(run("Заглавие\n\nТогава в ЕС коментираха, че са оправдани.", published="2018-01-31")) == []
    far = "Заглавие\n\nПроектът бе одобрен през 2012 г. " + "Преговорите продължават без яснота. " * 10 + \
        "Тогава процесът може да бъде спрян."
    assert texts(run(far, published="2018-01-31")) == [("2012 г.", "2012")]


def test_the_day_before_in_all_its_forms() -> None:
    """"предния ден" is "предишния ден" (the previous day), counted from the publication date; "предните седалки"
    names no time."""
    doc = run("Положението беше обсъдено предния ден, а предишния ден министърът замина. Предните седалки бяха заети.",
              published="2018-11-13")
    assert texts(doc) == [("предния ден", "2018-11-12"), ("предишния ден", "2018-11-12")]


def test_a_range_of_clock_times_and_year_round() -> None:
    """"от 10.00 до 17.00 часа": the first clock of a range is a time too (its mark is written once, after the
    second); "от 2.50 до 3.10 милиона" is no range of clock times; "целогодишно" is every year."""
    doc = run("Обектите се посещават целогодишно. Работното време е от 10.00 до 17.00 часа. Инвестицията е от 2.50 "
              "до 3.10 милиона евро.", published="2016-12-03")
    assert texts(doc) == [("целогодишно", "P1Y"), ("10.00", "2016-12-03T10:00"), ("17.00 часа", "2016-12-03T17:00")]


def test_long_years_and_from_now_on() -> None:
    """"дълги години" is a duration of years (PXY); "оттук нататък" / "отсега нататък" are from now on."""
    doc = run("Дълги години бяхме под натиск. Оттук нататък Нешка Робева няма да каже нито дума.",
              published="2017-05-10")
    assert texts(doc) == [("Дълги години", "PXY"), ("Оттук нататък", "FUTURE_REF")]


def test_the_second_year_of_a_range_written_short() -> None:
    """"the expedition of 1957-58": "58" is 1958, a DATE of its own as TimeML marks it (it had been left out), across a
    century too ("1999-00"); a year and a month ("2019-05"), a decimal or a percentage after it are no range."""
    doc = run("Expedition\n\nHe took part in the expedition of 1957-58. The 1999-00 season was wet. Data of 2019-05 "
              "show it. In 1985-86,5 were found.", published="2013-03-22")
    got = texts(doc)
    assert ("58", "1958") in got and ("1957", "1957") in got
    assert ("00", "2000") in got
    assert not any(v in ("2105", "2086", "1986") for _, v in got)
    doc = run("Бюджет\n\nЗа периода 2019-20 се предвиждат средства.", published="2019-03-22")
    assert ("20", "2020") in texts(doc)


def test_centuries_in_roman_numerals() -> None:
    """"през VII век", "XVIII век", "в XIII в.": every Roman numeral up to XXI names a century (only I-IV and XIX-XXI
    did; VII-XVIII were missed); "3 х 4 метра" is no century."""
    doc = run("Празник\n\nПразникът е утвърден през VII век. Платон в средата на XVIII век. Размерът е 3 х 4 метра.",
              published="2017-03-25")
    assert texts(doc) == [("VII век", "06"), ("средата на XVIII век", "17")]
    ru = make_pipeline(only=["segment", "language", "time"])
    doc = ru(document_from_string("Город\n\nВ XIII веке город рос, а в XVII веке он стал столицей княжества.",
                                  published="2017-03-25"))
    assert texts(doc) == [("XIII веке", "12"), ("XVII веке", "16")]


def test_a_holiday_the_tagger_calls_an_event_is_still_its_day() -> None:
    """The tagger reads "Разпети петък" as an event's name (EVT); a time inside a longer name stays the name's
    ("Споразумението от Разпети петък", the treaty), but the holiday named alone is that day."""
    pipe = make_pipeline(only=["segment", "language", "entities", "time"])
    doc = pipe(document_from_string("Заглавие на новината\n\nНа Разпети петък храмовете са пълни.\n",
                                    published="2017-03-25"))
    assert any(m.type == "EVT" and doc.span_text(m.span) == "Разпети петък" for m in doc.mentions)
    assert ("Разпети петък", "2017-04-14") in texts(doc)


def test_ago_with_a_hyphenated_comparative() -> None:
    """"преди по-малко от две седмици": the comparative's hyphen splits "по-малко" into three tokens, so the phrase had
    been a duration of two weeks ("малко от две седмици"); it is the week two weeks before, as "преди повече от
    месец" is the month before."""
    import vestnik

    doc = vestnik.extract("Кметовете се срещнаха преди по-малко от две седмици. Тя дойде преди повече от месец.",
                          published="2018-02-19", lang="bg")
    assert [(doc.span_text(t.span), t.type, t.value) for t in doc.times] == [
        ("преди по-малко от две седмици", "DATE", "2018-W06"), ("преди повече от месец", "DATE", "2018-01")]


def test_a_present_modal_puts_a_bare_month_ahead() -> None:
    """"Мей може да бъде принудена да отложи напускането на ЕС в края на март", written in June 2018: the modal's
    complement lies ahead, so March is 2019's (it had been the March before); a past form still dates it back
    ("може да е пристигнал през март")."""
    import vestnik

    doc = vestnik.extract("Мей може да бъде принудена да отложи напускането на ЕС в края на март. Той може да е "
                          "пристигнал през март.", published="2018-06-27", lang="bg")
    assert [(doc.span_text(t.span), t.value) for t in doc.times] == [("края на март", "2019-03"), ("март", "2018-03")]


def test_so_long_later_is_after_the_time_named_before() -> None:
    """"Две седмици по-късно", "Месец по-късно", "Няколко дни по-късно": that long after the time named before (they
    had been durations, without "по-късно"); a vague count keeps that time, a month moved from a day is a month;
    with no time before, the length alone is a duration (stop 80: without "по-късно")."""
    import vestnik

    doc = vestnik.extract("Тя беше арестувана на 15 юни 2009 г. Две седмици по-късно тя беше осъдена. Месец по-късно я "
                          "преместиха. Няколко дни по-късно я посетиха.", published="2018-11-09", lang="bg")
    assert [(doc.span_text(t.span), t.type, t.value) for t in doc.times] == [
        ("15 юни 2009 г.", "DATE", "2009-06-15"), ("Две седмици по-късно", "DATE", "2009-06-29"),
        ("Месец по-късно", "DATE", "2009-07"), ("Няколко дни по-късно", "DATE", "2009-07")]
    doc = vestnik.extract("Той дойде. Месец по-късно си тръгна.", published="2018-11-09", lang="bg")
    assert [(doc.span_text(t.span), t.type, t.value) for t in doc.times] == [("Месец", "DURATION", "P1M")]


def test_so_long_earlier_is_before_the_time_named_before() -> None:
    """Blind round 29: "заличавайки спада месец по-рано" after "през ноември 2017" is October 2017, and "Година
    по-рано" after "19 юни 2017 г." June 2016 (both had been counted back from the publication); with no time named
    before, "Ден по-рано" is still the day before the publication."""
    import vestnik

    doc = vestnik.extract("Продажбите отбелязаха отскок през ноември 2017 г., заличавайки спада месец по-рано. "
                          "Разговорите започнаха на 19 юни 2017 г. Година по-рано се проведе референдумът.",
                          published="2018-01-08", lang="bg")
    assert [(doc.span_text(t.span), t.value) for t in doc.times] == [
        ("ноември 2017 г.", "2017-11"), ("месец по-рано", "2017-10"), ("19 юни 2017 г.", "2017-06-19"),
        ("Година по-рано", "2016-06")]
    doc = vestnik.extract("Ден по-рано паундът поскъпна.", published="2018-02-14", lang="bg")
    assert [(doc.span_text(t.span), t.value) for t in doc.times] == [("Ден по-рано", "2018-02-13")]


def test_a_month_in_a_purpose_clause_lies_ahead() -> None:
    """Blind round 29: "..., за да се избегне рязък скок на молбите в края на март" written in June 2018 is March 2019
    (it had been March 2018: no tense cue in its clause); after the purpose's comma the main clause's past counts
    ("..., за да е по-ясно, във вторник медиите публикуваха ..." is last Tuesday)."""
    import vestnik

    doc = vestnik.extract("Процесът ще бъде готов, за да се избегне рязък скок на молбите в края на март.",
                          published="2018-06-21", lang="bg")
    assert [(doc.span_text(t.span), t.value) for t in doc.times] == [("края на март", "2019-03")]
    doc = vestnik.extract("Но за да е по-ясно, във вторник медиите публикуваха доклада.", published="2018-02-01",
                          lang="bg")
    assert [(doc.span_text(t.span), t.value) for t in doc.times] == [("вторник", "2018-01-30")]


def test_a_range_of_centuries_is_written_by_its_first() -> None:
    """Blind round 30: "II-III век", "2-3 в." are the 2nd century onwards ("01"; only "III век" had been read, "02")."""
    import vestnik

    doc = vestnik.extract("Находки от 2-3 в. и жетони от II-III век.", published="2017-03-20", lang="bg")
    assert [(doc.span_text(t.span), t.value) for t in doc.times] == [("2-3 в.", "01"), ("II-III век", "01")]


def test_so_long_later_in_english_and_russian() -> None:
    """"Two weeks later", "Две недели спустя": that long after the time named before, as in Bulgarian."""
    import vestnik

    doc = vestnik.extract("She was arrested on June 15, 2009. Two weeks later she was sentenced.", published="2018-11-09",
                          lang="en")
    assert [(doc.span_text(t.span), t.value) for t in doc.times] == [("June 15, 2009", "2009-06-15"),
                                                                       ("Two weeks later", "2009-06-29")]
    doc = vestnik.extract("Её арестовали 15 июня 2009 года. Две недели спустя её осудили.", published="2018-11-09",
                          lang="ru")
    assert [(doc.span_text(t.span), t.value) for t in doc.times] == [("15 июня 2009 года", "2009-06-15"),
                                                                       ("Две недели спустя", "2009-06-29")]


def test_a_few_days_after_a_day_is_that_month() -> None:
    """Stop 60: "Няколко дни по-късно" after "14 юни 2009" was that very day; a vague count moves a day to an
    unknown one, so the value keeps the month (as it kept a month after a month), and months a year."""
    import vestnik

    doc = vestnik.extract("На 14 юни 2009 г. тя отишла да бере плодове. Няколко дни по-късно я арестували. През "
                          "юни 2001 г. той дошъл. Няколко месеца по-късно си тръгнал.", published="2018-11-01", lang="bg")
    assert [(doc.span_text(t.span), t.value) for t in doc.times] == [
        ("14 юни 2009 г.", "2009-06-14"), ("Няколко дни по-късно", "2009-06"), ("юни 2001 г.", "2001-06"),
        ("Няколко месеца по-късно", "2001")]


def test_the_same_year_and_the_same_day_are_the_time_named_before() -> None:
    """Stop 61: "По-късно същия ден" after "В сряда" is that Wednesday and "през пролетта на същата година" after
    "януари 1997 г." is 1997 (neither was read); a "same day" after a year names no day, so it is left out."""
    import vestnik

    doc = vestnik.extract("В сряда Мей ще кацне в Ухан, като по-късно същия ден ще има среща. Тя напусна през януари "
                          "1997 г. През същата година тя се завръща. В същия ден е имало и протест.",
                          published="2018-01-29", lang="bg")
    assert [(doc.span_text(t.span), t.type, t.value) for t in doc.times] == [
        ("сряда", "DATE", "2018-01-31"), ("същия ден", "DATE", "2018-01-31"), ("януари 1997 г.", "DATE", "1997-01"),
        ("същата година", "DATE", "1997")]


def test_a_paper_whose_title_holds_today_is_a_name() -> None:
    """Stop 66: the daily "България днес" (the KB's outlets since this stop; cited 27 times in the Hack the Fake News
    articles) is a name and a source: its "днес" had been today's date."""
    doc = vestnik.extract("Заглавие\n\nНовината съобщи в. „България днес“. Днес министърът подаде оставка, пише "
                          "\"България Днес\".", published="2017-05-04")
    assert [(doc.span_text(t.span), t.value) for t in doc.times] == [("Днес", "2017-05-04")]
    assert "България днес" in [doc.span_text(s.span) for s in doc.sources]


def test_a_linked_article_s_stamp_is_its_day_but_no_time_of_the_story() -> None:
    """Stop 66: a widget's teaser of another article ends in its stamp, "…Feb 6 2017skafeto.com" (the month short,
    no comma): that day (2 of 2 in blind round 39, 2 of 2 in eval/bggold-sites), but "Тогава" after it still names
    the year the story told before it."""
    doc = run("Заглавие\n\nТой се е срещнал с Ванга през 1980 г. по служебен въпрос. Ванга е разкрила къде са "
              "костите…Петричката пророчица е разкрила една от тайните…Feb 6 2017 skafeto.com Тогава от Франция била "
              "внесена апаратура.", published="2017-02-10")
    assert texts(doc) == [("1980 г.", "1980"), ("Feb 6 2017", "2017-02-06"), ("Тогава", "1980")]


def test_a_linked_article_s_stamp_glued_to_the_site_s_name() -> None:
    """Stop 67 (blind round 41): "…Mar 26 2017skafeto.com" and "…Mar 27 2017 skafeto.com" are the widget's stamps
    (every such stamp in eval/bggold-sites is marked), though the tagger reads stamp and site as one product name;
    a name that holds a time with no year ("в. „24 часа“") keeps it."""
    doc = vestnik.extract("Заглавие\n\nРецептата…Mar 26 2017skafeto.com Ако Ви е интересно. Друга рецепта…Mar 27 2017 "
                          "skafeto.com Още. Пише в. „24 часа“.", published="2017-04-12")
    assert texts(doc) == [("Mar 26 2017", "2017-03-26"), ("Mar 27 2017", "2017-03-27")]


def test_this_date_long_since_and_the_long_run() -> None:
    """Stop 67 (blind rounds 41 and 43): "след тази дата" is the date the text turns on, at its own grain: the one it
    names most often before, then one with its year written out, then the later; "днес" is none ("преди март 2019
    г. ... споразумението от декември. Всеки, пристигащ след тази дата" is March 2019, as the annotators write it: 5
    of 5); with none named before it is left out. "отдавна настоява" lasts years (3 of 4), "много отдавна" is the
    past, "в дългосрочен план" is years (2 of 3), "през цялата година" one year (4 of 5)."""
    doc = run("Заглавие\n\nТова заяви днес говорителят. „Всеки, дошъл преди март 2019 г., ще има права“, каза той. "
              "Споразумението бе сключено през декември. Всеки, пристигащ след тази дата, ще има права. Секторът отдавна "
              "настоява за преходен период. Това беше много отдавна. Ръстът ще е по-нисък в дългосрочен план и през "
              "цялата година.", published="2018-02-05")
    assert texts(doc) == [("днес", "2018-02-05"), ("март 2019 г.", "2019-03"), ("декември", "2017-12"),
                          ("тази дата", "2019-03"), ("отдавна", "PXY"), ("много отдавна", "PAST_REF"),
                          ("дългосрочен план", "PXY"), ("цялата година", "P1Y")]
    assert texts(run("Заглавие\n\nНа тази дата нищо не стана.", published="2018-02-05")) == []


def test_bulgarian_a_weekday_is_the_day_the_text_dates_with_it() -> None:
    """Stop 68 (blind round 46): "в четвъртък и петък ... този четвъртък, 22 декември" - the bare weekdays are the
    days the text dates with their weekday (they had been the week before, read from a headline with no verb), and
    "този четвъртък, 22 декември" is one date; a date named without its weekday moves no weekday ("публикувана в
    понеделник ... започнат на 5 февруари" stays last Monday)."""
    got = texts(run("Разпродажба на книги в четвъртък и петък в центъра\n\nТя ще се случи този четвъртък, 22 "
                    "декември, и петък, 23 декември.", published="2016-12-20"))
    assert got == [("четвъртък", "2016-12-22"), ("петък", "2016-12-23"),
                   ("този четвъртък, 22 декември", "2016-12-22"),
                   ("петък, 23 декември", "2016-12-23")]
    got = texts(run("Позицията, публикувана в понеделник, е твърда. Преговорите започват на 5 февруари.",
                    published="2018-01-31"))
    assert [v for _s, v in got] == ["2018-01-29", "2018-02-05"]
    # (stop 75) each of listed days with its weekday after them: "на 12 и 13 април (сряда и четвъртък)"
    got = texts(run("Промоцията ще се проведе на 12 и 13 април (сряда и четвъртък) в центъра на града.",
                    published="2017-04-08"))
    assert got == [("12", "2017-04-12"), ("13 април", "2017-04-13"), ("сряда", "2017-04-12"),
                   ("четвъртък", "2017-04-13")]



def test_since_and_until_then_are_the_time_named_before() -> None:
    """Stop 73: "от тогава", "до тогава" inside a sentence are the time named before them ("ако до тогава не бъде
    договорено" after "30 март 2019 г."), or with none near, the past since then or the future until then (they had
    been no time: eval/bggold marks 2 of 2, its sites 3 of 4)."""
    import vestnik

    doc = vestnik.extract("ЕС и Лондон се разделят на 30 март 2019 г., ако до тогава не бъде договорено споразумение.",
                          published="2018-06-11", lang="bg")
    assert [(doc.span_text(t.span), t.value) for t in doc.times] == [
        ("30 март 2019 г.", "2019-03-30"), ("тогава", "2019-03-30")]
    doc = vestnik.extract("Двадесет правителства ще се сменят, докато тя тръгне в правия път. До тогава ще се сменят "
                          "много управници. Приятел я е свързал с нумероложката и от тогава тя не прави и крачка.",
                          published="2018-06-11", lang="bg")
    assert [(doc.span_text(t.span), t.value) for t in doc.times] == [
        ("тогава", "FUTURE_REF"), ("тогава", "PAST_REF")]


def test_then_next_to_a_past_verb_inside_a_sentence() -> None:
    """Stop 73: "тогава" inside a sentence next to a past verb ("сподели тогава актрисата", "Състоянието й тогава
    беше лошо") is then, in the past (it had been left out); "ще направи тогава", "тогава, когато" stay left."""
    import vestnik

    doc = vestnik.extract("Актрисата падна от ескалатор. Състоянието й тогава беше много лошо. „Главата ме боли“, "
                          "сподели тогава актрисата. А какво ще направи тогава Китай? Болестта започва тогава, когато "
                          "се загубим.", published="2017-01-08", lang="bg")
    assert [(doc.span_text(t.span), t.value) for t in doc.times] == [("тогава", "PAST_REF"), ("тогава", "PAST_REF")]


def test_bulgarian_a_weekday_with_its_part_of_day_is_the_day_the_text_dates() -> None:
    """Stop 74: the headline's "в четвъртък вечер" is the Thursday the text dates before its date ("ще бъде представен
    в четвъртък, на 18-и май"): a weekday's part of the day is aligned too, and a weekday just before a date of the
    same day dates it (the headline's had been the Thursday before)."""
    got = texts(run("Безплатна прожекция в четвъртък вечер\n\nФилмът ще бъде представен в четвъртък, на 18-и май от 19 "
                    "часа в културния център.", published="2017-05-16"))
    assert got[0] == ("четвъртък вечер", "2017-05-18TEV")


def test_bulgarian_a_text_of_a_feasts_customs_tells_of_no_year() -> None:
    """Stop 74: a text that tells a feast's customs ("На Благовец се яде": XXXX-03-25) tells of every year: the feast
    named again, "на този ден", "25 март", its seasons and "годината" are of no year (they had been the publication
    year's); "Днес е Благовец" stays the publication day, "2017 г." its year."""
    got = texts(run("Днес е Благовец\n\nНа Благовец се яде риба. Празникът се празнува на 25 март. На този ден "
                    "долита кукувицата. Каквото е времето на Благовец, такова ще е през годината, а през лятото няма "
                    "да има град. През 2017 г. празникът е в събота.", published="2017-03-25"))
    assert got == [("Днес", "2017-03-25"), ("Благовец", "XXXX-03-25"), ("25 март", "XXXX-03-25"),
                   ("този ден", "XXXX-03-25"), ("Благовец", "XXXX-03-25"), ("годината", "XXXX"), ("лятото", "XXXX-SU"),
                   ("2017 г.", "2017"), ("събота", "2017-03-25")]


def test_then_after_a_relative_pronoun_is_that_time() -> None:
    """Stop 74: "тогава" after "който", "която", "още" is the time named before, or the past with none near, whatever
    the tense after it ("Кисинджър, който тогава заема поста", "Живкова, която тогава е председател"; eval/bggold-sites
    2 of 2, both had been left out); "които тогава ще" is not."""
    import vestnik

    doc = vestnik.extract("Експедицията е по идея на Людмила Живкова, която тогава е председател на комитета. "
                          "Клубът е основан през 1976 г., когато на сбирка присъства Михаил Горбачов, който тогава е "
                          "само член на ЦК. Хората, които тогава ще дойдат, ще видят всичко.", published="2017-04-12",
                          lang="bg")
    assert [(doc.span_text(t.span), t.value) for t in doc.times] == [
        ("тогава", "PAST_REF"), ("1976 г.", "1976"), ("тогава", "1976")]


def test_a_fact_next_to_listed_days_is_dated_by_the_first() -> None:
    """Stop 75: "на 22 и 23 март" is two dates now ("22", "23 март"); a fact next to them is dated by the first, as it
    was by the one span of both before."""
    text = "Лидерите ще се срещнат на 22 и 23 март в Брюксел."
    doc = run(text, published="2018-02-07")
    assert texts(doc) == [("22", "2018-03-22"), ("23 март", "2018-03-23")]
    i = text.index("срещнат")
    assert when_for(doc, (i, i + 7)) == ("2018-03-22", "expression")


def test_bulgarian_a_length_later_with_no_time_before_is_the_length_alone() -> None:
    """With no time named before it, "пет дни по-късно" is a length, and (as TIMEX3 and eval/bggold mark it) the span
    is the length without "по-късно"; after a named date it stays that date moved on, "по-късно" included."""
    doc = run("Заглавие\n\nТя чула стенания от съседите. Пет дни по-късно тя била обвинена в богохулство.\n",
              published="2018-11-08")
    assert ("Пет дни", "P5D") in texts(doc)
    doc = run("Заглавие\n\nСъдът я осъди на 8 ноември 2010 г. Пет дни по-късно тя обжалва присъдата.\n",
              published="2018-11-08")
    assert ("Пет дни по-късно", "2010-11-13") in texts(doc)


def test_bulgarian_an_evening_hour_after_yesterday_is_yesterdays() -> None:
    """Stop 82: a clock time with no day of its own after the text last named yesterday ("снощи") is yesterday's when
    it is an afternoon or evening hour not told in the future (a report of the next morning; it had been the
    publication day's); a morning hour after it is the night after, and a future clock stays today's."""
    got = texts(run("Близо 100 човека пътуващи за Брюксел, попаднаха снощи в капан на летище Пловдив и останаха гладни и "
                    "жадни 8 часа. Полетът на самолета на превозвача \"Райънеър\", с който трябвало да излетят в 19.30 "
                    "ч., бил отменен заради техническа неизправност на машината. Пътниците излетели в 2 ч. сутринта. "
                    "Вчера министърът обеща помощ. Самолетът ще излети в 19.30 ч.", published="2018-06-19"))
    assert ("19.30 ч.", "2018-06-18T19:30") in got
    assert ("2 ч. сутринта", "2018-06-19T02:00") in got
    assert got[-1] == ("19.30 ч.", "2018-06-19T19:30")


def test_bulgarian_then_after_a_verb_of_a_past_ending_is_the_past() -> None:
    """Stop 82: "тогава" inside a sentence after a verb whose ending only the past has in the third person (the
    imperfect "-еше", "-аше", the plural "-ха"), past a reflexive clitic, is then, in the past (a sentence of the
    BulTreeBank; it had been left out); a deictic day before it ("днес") is no time it names."""
    doc = vestnik.extract("Днес има нови документи. Невинната кръв течеше тогава сред едно голямо фарисейско "
                          "бръщолевене, което още продължава.", published="2017-02-03", lang="bg")
    assert [(doc.span_text(t.span), t.value) for t in doc.times] == [("Днес", "2017-02-03"), ("тогава", "PAST_REF")]


def test_bulgarian_this_and_last_year_abbreviated_after_a_month() -> None:
    """Stop 82: "м. г." (миналата година) and "т.г." (текущата година) after a month or a day name its year and are in
    the span (both had been left out of it); "от 20 години насам" keeps its "насам"."""
    got = texts(run("На вашия социологически институт бяха наложени пранги. През септември м. г. руските власти го "
                    "окачествиха като чуждестранен агент. Като добавка, в началото на февруари т.г. дойде новината. "
                    "Брекзит е негова кауза от 20 години насам.", published="2017-03-22"))
    assert ("септември м. г.", "2016-09") in got
    assert ("началото на февруари т.г.", "2017-02") in got
    assert ("20 години насам", "P20Y") in got
