"""Bulgarian quotes of web pages (stop 74): the dashed turns of a dialogue after one a cue's colon or a person's
label opened ("Командирът обяснил: - Си бил на море? - Да!")."""

from __future__ import annotations

from vestnik.document import Document
from vestnik.pipeline import Resources
from vestnik.quotes.stage import quotes_stage

RES = Resources()


def spans(text: str) -> list[tuple[str, str | None, str | None, bool]]:
    doc = quotes_stage(Document(text=text, language="bg", published="2017-04-10"), RES)
    return [(doc.span_text(q.span), doc.span_text(q.cue) or None, doc.span_text(q.speaker.span) or None, q.direct)
            for q in doc.quotes]


def test_bulgarian_the_turns_after_a_colon_s_turn_are_said() -> None:
    got = spans("Вуте попаднал във флота. Командирът обяснил: - Си бил на море у воду? - Да! - А влиза ли ти вода "
                "в ушите? - Не много. - Е, те така е и у подводницата. Действителен случай от казармата.\n")
    texts = [g[0] for g in got]
    assert "Да!" in texts
    assert "А влиза ли ти вода в ушите?" in texts
    assert "Не много" in texts
    assert "Е, те така е и у подводницата" in texts
    assert not any("Действителен" in t for t in texts)  # (no dash: the narrator again)
    assert all(g[3] for g in got if g[0] != "Си бил на море у воду")


def test_bulgarian_an_answer_written_on_against_the_question_s_mark_is_a_turn() -> None:
    got = spans("Питат радио Ереван:- Кои са повече от китайците?- Мераклиите! - А по-малко от албанците?- "
                "Късметлиите!\n")
    texts = [g[0] for g in got]
    assert texts[0] == "Кои са повече от китайците?"
    assert "Мераклиите!" in texts
    assert "А по-малко от албанците?" in texts
    assert "Късметлиите!" in texts


def test_bulgarian_a_dash_in_a_plain_text_opens_no_turn() -> None:
    got = spans("Министърът заяви: Ще има избори. - Нова идея се появи в парламента. - Депутатите гласуваха.\n")
    assert [g[0] for g in got] == ["Ще има избори"]


def test_bulgarian_a_person_s_label_with_a_dash_opens_a_turn() -> None:
    from vestnik.pipeline import make_pipeline  # (the label needs the tagger's name)

    doc = make_pipeline()(Document(text="Тръмп\n\nИнтервюто е отпреди години. Доналд Тръмп: - Не зная, но съм "
                                   "сигурен, че ще спечеля. Няма да играя, за да загубя.\n", id="t",
                                   published="2017-04-10"))
    got = [(doc.span_text(q.span), doc.span_text(q.speaker.span) or None, q.direct) for q in doc.quotes]
    assert ("Не зная, но съм сигурен, че ще спечеля", "Доналд Тръмп", True) in got


def _full(text: str) -> list[tuple[str, str | None]]:
    from vestnik.pipeline import make_pipeline  # (the owner needs the tagger's name)

    doc = make_pipeline()(Document(text=text, id="t", published="2017-04-10"))
    return [(doc.span_text(q.span), doc.span_text(q.speaker.span) or None) for q in doc.quotes]


def test_bulgarian_a_numbered_list_of_sayings_is_its_owner_s() -> None:
    got = _full("Заръките\n\nВсеки е отнесъл нещо. Вижте кои са най-важните заръки на Ванга: 1. Земята е нашата майка. "
                "Пазете я, почитайте я. 2. Не късайте цветята! Всяко цвете е като едно слънце. 3. Медицината прави "
                "чудеса. Така е в селото.\n")
    assert ("Земята е нашата майка. Пазете я, почитайте я", "Ванга") in got
    assert ("Не късайте цветята! Всяко цвете е като едно слънце", "Ванга") in got
    assert ("Медицината прави чудеса", "Ванга") in got  # (the last item: up to its sentence's end)


def test_bulgarian_a_list_s_owner_may_open_the_sentence_with_an_office() -> None:
    got = _full("НАТО\n\nМинистърът на отбраната на САЩ Джеймс Матис с две взаимно изключващи се изказвания за НАТО: "
                "1) Вашингтон ще защитава страните-членки на Алианса. 2) Вашингтон ще ограничи своето участие в него. "
                "Тръмп постави ултиматум.\n")
    who = "Министърът на отбраната на САЩ Джеймс Матис"
    assert ("Вашингтон ще защитава страните-членки на Алианса", who) in got
    assert ("Вашингтон ще ограничи своето участие в него", who) in got


def test_bulgarian_a_numbered_list_with_no_sayings_noun_is_no_quote() -> None:
    got = _full("Правила\n\nДокументи за кандидатстване: 1. Заявление по образец. 2. Копие от диплома за висше "
                "образование. 3. Автобиография.\n")
    assert got == []


def test_bulgarian_a_short_quoted_saying_of_a_list_is_its_owner_s() -> None:
    got = _full("Мисли\n\nСайтът подбра своите любими мисли от неподражаемия Радой Ралин. 1. \"Безсънието на гладния е "
                "най-честната телевизия.\" 2. \"Съединението прави салата.\" 3. \"Спестяваната съвест се олихвява.\" "
                "Епиграми „Бедността не е порок, а урок.“„Битата крава мляко не дава.“\n\nОще: „Добър ден“.\n")
    said = {q for q, who in got if who == "Радой Ралин"}
    assert {"Съединението прави салата", "Спестяваната съвест се олихвява", "Битата крава мляко не дава"} <= said
    assert not any(q == "Добър ден" for q, _ in got)  # (two words after a colon, no list's: no saying)


def test_bulgarian_a_dialogue_s_label_of_a_word_or_two_before_a_dash_names_who_speaks() -> None:
    got = spans("Щирлиц се връща у дома. Тя: - Ето виждаш ли какво значи вярност! Той: - Хехе, тя си е мислила така! "
                "Тайната вечеря. Исус:- Маса за 26, моля!- Ама вие сте само 13?!\n\nВнимание: лесно е.\n")
    assert ("Ето виждаш ли какво значи вярност!", ":", "Тя", True) in got
    assert ("Хехе, тя си е мислила така!", ":", "Той", True) in got
    assert ("Маса за 26, моля!", ":", "Исус", True) in got
    assert ("Ама вие сте само 13?!", None, None, True) in got
    assert not any(g[0] == "лесно е" for g in got)  # (no dash after the colon: no dialogue's label)
