"""Bulgarian quotes of stop 81: dashed dialogue turns no colon opened (a joke page's turns), and what a person
talked about ("говори за ...") as the talker's words."""

from __future__ import annotations

from quote_rows import Row, quote_rows

from vestnik.document import Document
from vestnik.pipeline import make_pipeline

NLP = make_pipeline()


def spans(text: str) -> list[Row]:
    return quote_rows(NLP(Document(text=text, language="bg", published="2017-04-10")))


def test_bulgarian_dashed_turns_with_no_colon_before_them() -> None:
    got = spans("Представете си свят без мъже! Няма войни, няма престъпления. Само много щастливи жени... - Строй се! "
                "Равнис! Мииирно! Свали противогаза бе, идиот! - Е, я съм го свалил, г-н старшина! - Ееегати "
                "физиономията... Американски генерал е на посещение в България.\n")
    texts = [g[0] for g in got]
    assert "Строй се!" in texts
    assert "Е, я съм го свалил, г-н старшина!" in texts
    assert ("Ееегати физиономията", None, None, True) in got


def test_bulgarian_dashed_questions_and_listed_items_are_no_turns() -> None:
    # an interview's questions ask no quote; a list's dashed items that state are none either
    got = spans("Тя е на 17 години. - Броиш ли рекордите, които подобряваш? - Да, сега в Турция записах два. "
                "- Кога спечели първия си медал?- През 2014 година в Добрич. "
                "Обещанията бяха три. - Заплатите ще растат. - Данъците ще падат. - Пенсиите ще се вдигнат.\n")
    texts = [g[0] for g in got]
    assert not any(t.startswith(("Броиш ли", "Кога спечели")) for t in texts)
    assert not any(t.startswith(("Заплатите", "Данъците")) for t in texts)


def test_bulgarian_what_a_person_talked_about() -> None:
    got = spans("Старецът не се наема с точна дата. Распутин говори за трета световна война. Петричката пророчица "
                "говорила за война в Близкия изток, за преселение на ислямски племена.\n")
    assert ("трета световна война", "говори", "Распутин", False) in got
    assert ("война в Близкия изток, за преселение на ислямски племена", "говорила", "Петричката пророчица",
            False) in got


def test_bulgarian_talk_of_a_topic_a_name_or_by_a_thing_is_no_quote() -> None:
    got = spans("Той беше убит през 2011 г., след като говорил за Азия Биби. Това говори за липса на воля. "
                "В Брюксел се говори за възможност за наказание. Дали Ванга е говорила за края на света? "
                "Когато Тръмп говори за война, той се фокусира почти изцяло върху унищожението.\n")
    assert not any(g[1] in ("говори", "говорил", "говорила") for g in got)


def test_bulgarian_talked_about_ends_before_the_interview_it_was_said_in() -> None:
    got = spans("Лев Гудков говори за политическата обстановка в Русия в интервю за онлайн изданието на „Шпигел“.\n")
    assert ("политическата обстановка в Русия", "говори", "Лев Гудков", False) in got
