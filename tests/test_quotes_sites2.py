"""Bulgarian quotes of web articles (stop 74): who speaks through a relative clause, a share of a group, and the
words a speaker's phrase must not take in."""

from __future__ import annotations

from vestnik.document import Document
from vestnik.pipeline import Resources
from vestnik.quotes.stage import quotes_stage

RES = Resources()


def spans(text: str) -> list[tuple[str, str | None, str | None, bool]]:
    doc = quotes_stage(Document(text=text, language="bg", published="2017-04-10"), RES)
    return [(doc.span_text(q.span), doc.span_text(q.cue) or None, doc.span_text(q.speaker.span) or None, q.direct)
            for q in doc.quotes]


def test_bulgarian_a_relative_clause_s_antecedent_speaks() -> None:
    got = spans("Има хора, които вярват, че тя е част от висшата сила. Първият резултат е новина, която твърди, че "
                "ООН признава опитите. Търсачката показва сайтове, които твърдят, че никога не е имало динозаври.\n")
    assert ("тя е част от висшата сила", "вярват", "хора", False) in got
    assert ("ООН признава опитите", "твърди", "новина", False) in got
    assert ("никога не е имало динозаври", "твърдят", "сайтове", False) in got


def test_bulgarian_a_time_before_a_relative_clause_is_no_speaker() -> None:
    from vestnik.pipeline import make_pipeline  # (the whole pipeline: the time is the time layer's)

    doc = make_pipeline()(Document(text="Прогнози\n\nПрогнозите изтекоха в медиите миналата седмица, които "
                                   "посочваха, че икономиката ще се свие.\n", id="t", published="2017-04-10"))
    got = [(doc.span_text(q.span), doc.span_text(q.speaker.span) or None) for q in doc.quotes]
    assert got and all(q[1] != "медиите миналата седмица" for q in got)


def test_bulgarian_a_circumstance_that_opens_the_clause_is_not_the_speaker() -> None:
    got = spans("Малко след инцидента Мутафова споделила пред близките си, че нещо я блъснало. В разговора Борисов "
                "заяви, че България е готова. Пред парламентарната комисия министърът каза, че ще има избори.\n")
    assert ("нещо я блъснало", "споделила", "Мутафова", False) in got
    assert ("България е готова", "заяви", "Борисов", False) in got
    assert ("ще има избори", "каза", "министърът", False) in got


def test_bulgarian_a_name_joined_to_the_circumstance_stays_in_it() -> None:
    got = spans("Министърът по въпросите на Брекзит Дейвид Дейвис заяви, че няма сделка. По думите му преговарящите "
                "на ЕС и Великобритания са съгласни, че сделката е близо.\n")
    assert ("няма сделка", "заяви", "Министърът по въпросите на Брекзит Дейвид Дейвис", False) in got
    assert [q[2] for q in got if q[0] == "сделката е близо"] != ["Великобритания"]  # (after "и": one phrase)


def test_bulgarian_advice_and_a_charge_report_their_da_clause() -> None:
    got = spans("Ирландският премиер Лио Варадкар съветва Великобритания да обясни плановете си. Колежката ме посъветва "
                "да не тръгвам на път. Пророчицата заръчала на художника да изпълни желанието й. Самият Ленин се "
                "съветва с него как да защити столицата.\n")
    assert ("да обясни плановете си", "съветва", "Ирландският премиер Лио Варадкар", False) in got
    assert ("да не тръгвам на път", "посъветва", "Колежката", False) in got
    assert ("да изпълни желанието й", "заръчала", "Пророчицата", False) in got
    assert len(got) == 3  # (to take counsel is not to give it)


def test_bulgarian_an_agency_that_opens_its_note_s_clause_is_quoted() -> None:
    got = spans("Литва и Полша считат проекта за политически. РИА Новости отбелязва, че недоволни са и САЩ.\n\n"
                "Договорът ще бъде подписан в петък, отбелязва Франс прес.\n")
    assert ("недоволни са и САЩ", "отбелязва", "РИА Новости", False) in got
    assert all(q[2] != "Франс прес" for q in got)  # (the note after the news stays a source only)


def test_bulgarian_an_adverbial_clause_before_the_subject_is_not_said() -> None:
    got = spans("Както бе обявено и в Париж, и в Берлин, Вашингтон е предупредил своите европейски колеги за удара. "
                "На въпрос дали предсказанията съвпадат, Христо Нанев отговаря утвърдително. Ако Мей отстъпи за "
                "Брекзит, Великобритания ще изпадне в криза, заяви Найджъл Фараж.\n")
    assert [q[0] for q in got] == ["Ако Мей отстъпи за Брекзит, Великобритания ще изпадне в криза"]


def test_bulgarian_what_someone_was_called_is_no_quote() -> None:
    got = spans("Всяко малко момиче има своя любима кукла. Никога няма да забравя моята, казваше се Нели. В писмото се "
                "казва, че срещата е отложена.\n")
    assert [q[0] for q in got] == ["срещата е отложена"]


def test_bulgarian_a_plural_cue_asks_whom_its_phrase_names_and_the_question_ends_at_its_mark() -> None:
    got = spans("Питат радио Ереван:- Колко джуджета са нужни да завият една крушка?- Едно със стълба - те са ниски, "
                "не тъпи!\n\nКолегите се питаха как ще изкара до пенсия.\n")
    assert got == [("Колко джуджета са нужни да завият една крушка?", "Питат", None, False),
                   ("Едно със стълба - те са ниски, не тъпи!", None, None, True)]  # (the answer's turn)


def test_bulgarian_a_colon_after_how_and_to_whom_it_was_said_opens_the_words() -> None:
    got = spans("Президентът Румен Радев отговори мълниеносно на Гьокче: Няма да позволим намеса. Президентът Румен "
                "Радев изригна: Недопустимо е да се повтаря синдромът.\n")
    assert ("Няма да позволим намеса", "отговори", "Президентът Румен Радев", False) in got
    assert ("Недопустимо е да се повтаря синдромът", "изригна", "Президентът Румен Радев", False) in got
