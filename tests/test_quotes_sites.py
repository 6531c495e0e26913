"""Bulgarian quotes of web articles (stop 73): beliefs and rumours said by no one named, dialogue after a colon."""

from __future__ import annotations

from vestnik.document import Document
from vestnik.pipeline import Resources
from vestnik.quotes.stage import quotes_stage

RES = Resources()


def spans(text: str) -> list[tuple[str, str | None, str | None, bool]]:
    doc = quotes_stage(Document(text=text, language="bg", published="2017-04-10"), RES)
    return [(doc.span_text(q.span), doc.span_text(q.cue) or None, doc.span_text(q.speaker.span) or None, q.direct)
            for q in doc.quotes]


def test_bulgarian_what_is_believed_or_rumoured_by_no_one_named() -> None:
    got = spans("Съществуването на планетата не е потвърдено научно, но се смята, че тя обикаля около Слънцето по "
                "голяма орбита. От дни се говори, че бабата на рожденика се е прибрала от САЩ.\n\n"
                "Смята се, че всяка рана зараства на този ден много бързо.\n")
    assert ("тя обикаля около Слънцето по голяма орбита", "се смята", None, False) in got
    assert ("бабата на рожденика се е прибрала от САЩ", "се говори", None, False) in got  # ("дни" is when, not who)
    assert ("всяка рана зараства на този ден много бързо", "Смята се", None, False) in got


def test_bulgarian_belief_with_no_clause_or_only_possible_reports_nothing() -> None:
    got = spans("В Брюксел се говори за възможност за наказание на Великобритания, в случай, че наруши правилата. "
                "Има основания да се смята, че цените ще паднат. Иван се смята за лидер на партията.\n")
    assert got == []


def test_bulgarian_a_turn_of_dialogue_after_a_cue_and_a_colon() -> None:
    got = spans("Войниците са строени на плаца. Командирът обяснил: - Си бил на море у воду? Радиото отговорило:- "
                "По принцип да, но не в Москва. Накрая той отвърна замислено: – Ако се държим така, ще загубим.\n")
    assert ("Си бил на море у воду", "обяснил", "Командирът", False) in got
    assert ("По принцип да, но не в Москва", "отговорило", "Радиото", False) in got
    assert ("Ако се държим така, ще загубим", "отвърна", "той", False) in got


def test_bulgarian_a_list_after_a_colon_and_a_dash_is_no_turn() -> None:
    got = spans("Представителите на новата раса ще имат: – поразвита ДНК с уникални свойства.\n")
    assert got == []


def test_bulgarian_a_hint_an_oath_a_boast_a_signal_before_that() -> None:
    got = spans("Самият президент дори е намеквал, че жена му движи нещата в живота му. Жената се кълне, че не е "
                "виждала парите. Наш читател ни сигнализира, че пътят е заледен. Учените смятаха, че неговата дейност "
                "е значима.\n")
    assert ("жена му движи нещата в живота му", "намеквал", "Самият президент", False) in got
    assert ("не е виждала парите", "кълне", "Жената", False) in got
    assert ("пътят е заледен", "сигнализира", "Наш читател", False) in got
    assert ("неговата дейност е значима", "смятаха", "Учените", False) in got


def test_bulgarian_praise_a_thing_that_bodes_and_dealing_with_someone_report_nothing() -> None:
    got = spans("Министърът похвали полицаите за бързата реакция. Южният вятър вещае добро плодородие. Те заплашват, "
                "че сами ще се разправят с нея. Повечето класове не са отговорили утвърдително.\n")
    assert [q[0] for q in got] == ["сами ще се разправят с нея"]


def test_bulgarian_a_seer_speaks_in_a_headline_and_after_according_to() -> None:
    got = spans("Екстрасенс: Третата световна война ще започне на 13 май\n\nСпоред астролога Влад Рос най-опасният ден "
                "ще е 13 октомври.\n")
    assert ("Третата световна война ще започне на 13 май", ":", "Екстрасенс", False) in got
    assert ("най-опасният ден ще е 13 октомври", "Според", "астролога Влад Рос", False) in got


def test_bulgarian_a_sentence_written_against_a_quote_s_closing_mark_is_its_own() -> None:
    got = spans("Запитан дали има вариант да се коалират с ГЕРБ, той заяви: „Естествено, че има вариант.“Симеонов "
                "отново потвърди позицията си, че изборите са били ненужни.\n")
    assert ("Естествено, че има вариант", "заяви", "той", True) in got
    assert ("изборите са били ненужни", "потвърди", "Симеонов", False) in got
    assert len(got) == 2  # (not "Запитан дали има вариант ...", said by no one)


def test_bulgarian_whom_a_plural_cue_asked_before_the_colon_is_no_speaker() -> None:
    got = spans("Попитали Радио Ереван: - Вярно ли е, че в Москва са му подарили кола? Радиото отговорило: - По "
                "принцип да.\n")
    assert ("Вярно ли е, че в Москва са му подарили кола", "Попитали", None, False) in got
    assert ("По принцип да", "отговорило", "Радиото", False) in got


def test_bulgarian_a_small_letter_before_a_full_stop_ends_the_sentence() -> None:
    got = spans("Дори се говори, че тя стои зад бизнес идеите на мъжа й. Характерът ѝ е твърд. Той живее в района "
                "на р. Дон и каза, че ще остане там.\n")
    assert ("тя стои зад бизнес идеите на мъжа й", "се говори", None, False) in got  # (not up to "твърд")
    assert ("ще остане там", "каза", "Той", False) in got  # ("р." is the river's: no end)


def test_bulgarian_the_retold_copula_and_a_manner_adverb_are_not_the_speaker() -> None:
    got = spans("Ванга обаче била категорична, че костите му са в река Искър. „Все едно ще победим“, казва внезапно "
                "той. „Чувствам топлина в ръцете“, разказва простичко Виктор Петров. Съвсем наскоро политологът "
                "Ричард Саудер сподели, че някой изгражда бази. „Тук всички сме за Брекзит“, каза 80-годишният Бил "
                "Пиърсън.\n")
    assert ("костите му са в река Искър", "категорична", "Ванга", False) in got
    assert ("Все едно ще победим", "казва", "той", True) in got
    assert ("Чувствам топлина в ръцете", "разказва", "Виктор Петров", True) in got
    assert ("някой изгражда бази", "сподели", "политологът Ричард Саудер", False) in got
    assert ("Тук всички сме за Брекзит", "каза", "80-годишният Бил Пиърсън", True) in got  # ("Бил" is a name)


def test_bulgarian_past_and_retold_belief_is_a_quote_of_no_one_named() -> None:
    got = spans("Котките били свещени животни. Вярвало се е, че котката ще пази задгробния дом на царя. Смяташе се, "
                "че ще вали цяла седмица.\n")
    assert ("котката ще пази задгробния дом на царя", "Вярвало се е", None, False) in got
    assert ("ще вали цяла седмица", "Смяташе се", None, False) in got


def test_bulgarian_a_list_of_a_person_s_sayings_is_theirs() -> None:
    from vestnik.pipeline import make_pipeline  # (the whole pipeline: the name is the entity layer's)

    doc = make_pipeline()(Document(text="Радой Ралин - 30 крилати мисли\n\n" + "Сайтът подбра своите любими мисли от неподражаемия Радой Ралин. 1.\"Ако народът не може да бъде "
                "целокупен, лесно ще стане изцяло купен!\" 2. \"Безсънието на гладния е най-честната телевизия.\"\n\n"
                + "".join(f"{n}. \"Журналистиката стане ли ялова, ражда ежедневно сензации номер {n}.\" "
                          for n in range(3, 12)) + "\n", id="t", published="2017-03-14"))
    got = [(doc.span_text(q.span), doc.span_text(q.speaker.span) or None) for q in doc.quotes]
    assert len(got) == 11
    assert all(q[1] == "Радой Ралин" for q in got)  # (the last ones too, far from the name)


def test_bulgarian_a_spaced_dash_after_a_verb_of_saying_opens_what_was_said() -> None:
    got = spans("Распутин говори за трета световна война. Ванга казва - брат ще върви срещу брат си, черна сянка ще "
                "се спусне над Европа. Всеки можел да говори открито това, което мисли — без страх от последствия. "
                "Никога не е казвал – няма да ти дам лечение.\n")
    assert ("брат ще върви срещу брат си, черна сянка ще се спусне над Европа", "казва", "Ванга", False) in got
    assert len(got) == 1  # (not after another cue, nor after a negation)
