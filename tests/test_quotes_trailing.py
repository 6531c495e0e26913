"""Bulgarian trailing attributions after a quote's closing mark (stop 77): verbs of going on, ending or musing say
who spoke only there, and an object the speaker owns ("статията си") stands between the cue and who spoke."""

from __future__ import annotations

from quote_rows import Row, quote_rows

from vestnik.document import Document
from vestnik.pipeline import Resources
from vestnik.quotes.stage import quotes_stage

RES = Resources()


def spans(text: str) -> list[Row]:
    return quote_rows(quotes_stage(Document(text=text, language="bg", published="2018-04-09"), RES))


def test_bulgarian_going_on_ending_musing_after_a_quote() -> None:
    got = spans("Министърът отговори на въпросите на журналистите. „Представете си, че никой не беше подготвен“, "
                "продължи политикът. „Няма да има отстъпки за никого“, завърши тя. „Съюзът едва ли ще оцелее още "
                "едно поколение“, разсъждава професорът.\n")
    assert ("Представете си, че никой не беше подготвен", "продължи", "политикът", True) in got
    assert ("Няма да има отстъпки за никого", "завърши", "тя", True) in got
    assert ("Съюзът едва ли ще оцелее още едно поколение", "разсъждава", "професорът", True) in got


def test_bulgarian_going_on_or_ending_elsewhere_reports_nothing() -> None:
    got = spans("Преходният период ще започне през март 2019 г. и ще продължи до края на 2020 г., че Лондон ще спазва "
                "правилата. Срещата завърши късно вечерта, а певицата продължава да се интересува от астрология.\n")
    assert got == []


def test_bulgarian_going_on_before_that() -> None:
    got = spans("Хората не мигрират, за да вземат помощи, посочи Фокс и продължи, че натискът върху социалните услуги "
                "е голям.\n")
    assert ("натискът върху социалните услуги е голям", "продължи", "Фокс", False) in got


def test_bulgarian_the_speakers_own_object_before_who_spoke() -> None:
    got = spans("„Уверен съм, че европейците ще намерят сили да се сплотят“, завършва статията си той. „Ескалаторът "
                "ме подбра“, разказва преживяванията си Стоянка.\n")
    assert ("Уверен съм, че европейците ще намерят сили да се сплотят", "завършва", "той", True) in got
    assert ("Ескалаторът ме подбра", "разказва", "Стоянка", True) in got


def test_bulgarian_what_is_stressed_its_noun_object() -> None:
    got = spans("Председателят на комисията подчерта важността на прозрачността на преговорите. По-рано Киев изтъкна "
                "необходимостта от газопреносен консорциум. „Няма да отстъпим“, подчерта министърът.\n")
    assert ("важността на прозрачността на преговорите", "подчерта", "Председателят на комисията", False) in got
    assert ("необходимостта от газопреносен консорциум", "изтъкна", "Киев", False) in got
    assert ("Няма да отстъпим", "подчерта", "министърът", True) in got


def test_bulgarian_what_is_expressed_its_noun_object_but_not_how_one_puts_it() -> None:
    got = spans("Германският президент изрази подкрепа за териториалната цялост на Украйна. Министрите на външните "
                "работи се изразиха по-дипломатично.\n")
    assert ("подкрепа за териториалната цялост на Украйна", "изрази", "Германският президент", False) in got
    assert not any(q[1] == "изразиха" for q in got)


def test_bulgarian_more_verbs_after_a_quote_say_who_spoke() -> None:
    """s79: a bequest, a revealing, a lament, a list, a confidence after a quote's closing mark name its speaker."""
    got = spans("„Не тровете земята, тя ни храни“, завещава пророчицата. „Всичко иска да пипне и да види“, разкриват "
                "близки до семейството. „Това е работа на лоши хора“, вайкаше се тогава възрастната жена. „Първо, "
                "тръбата ще мине през България“, изброява експертът. „Имам този ген от баща си“, довери майсторът.\n")
    assert ("Не тровете земята, тя ни храни", "завещава", "пророчицата", True) in got
    assert ("Всичко иска да пипне и да види", "разкриват", "близки до семейството", True) in got
    assert ("Това е работа на лоши хора", "вайкаше се", "възрастната жена", True) in got
    assert ("Първо, тръбата ще мине през България", "изброява", "експертът", True) in got
    assert ("Имам този ген от баща си", "довери", "майсторът", True) in got


def test_bulgarian_advice_before_its_clause_stays_a_request() -> None:
    got = spans("Лекарят съветва пациентите да пият повече вода. Варадкар съветва Великобритания да обясни позицията "
                "си.\n")
    assert ("да пият повече вода", "съветва", "Лекарят", False) in got
    assert ("да обясни позицията си", "съветва", "Варадкар", False) in got


def test_bulgarian_a_quote_a_later_sentence_cues_is_not_read_again_as_uncued() -> None:
    """A quote that "Това казаха ..." claims is not made a second time as an uncued quote at the paragraph's end,
    however many quotes the paragraph's later sentences made."""
    said = " ".join(f"Министър {n} заяви, че бюджетът ще бъде приет до края на месец {m}."
                    for n, m in [("Иванов", "март"), ("Петров", "април"), ("Георгиев", "май"), ("Димитров", "юни"),
                                 ("Стоянов", "юли"), ("Николов", "август"), ("Колев", "септември"),
                                 ("Маринов", "октомври"), ("Йорданов", "ноември")])
    got = spans("Москва предупреди Вашингтон, че е преминал червената линия. „От сега нататък ще отговаряме със сила "
                "на всяко нарушение на червената линия.“ Това казаха военните експерти в съвместно изявление. "
                + said + "\n")
    assert sum("От сега нататък ще отговаряме" in q[0] for q in got) == 1
