"""Bulgarian words a quote's speaker quotes from someone else (stop 82): a quote a colon opens inside the quote, the
words after a colon or a spaced dash, and a "че" clause whose subject is a noun with the full article or a name the
tagger missed; a headline's office after a country's adjective; and "Както той казва, ...". Sentences from articles
eval/bggold and its sites do not annotate."""

from __future__ import annotations

from quote_rows import Row, quote_rows

from vestnik.document import Document
from vestnik.pipeline import make_pipeline

NLP = make_pipeline()


def spans(text: str) -> list[Row]:
    return quote_rows(NLP(Document(text=text, language="bg", published="2017-01-08")))


def test_bulgarian_a_quote_a_colon_opens_inside_a_quote_is_the_third_partys() -> None:
    # htfn-585 (a daughter on her mother, the actress Stoyanka Mutafova)
    got = spans("Муки за майка си\n\nОткакто е починал Нейчо Попов, те всеки ден се сещат за него. „Мама никога не е "
                "вярвала на разни пророци. Помня, че когато ходи при Ванга, тя нищо не й позна и каза: „На теб нищо не "
                "мога да ти кажа, затворила си се“. Оттогава майка ми не вярва на врачки, гадателки или магове“, "
                "категорична е Муки.\n")
    inner = [q for q in got if q[0] == "На теб нищо не мога да ти кажа, затворила си се"]
    assert [(q[1], q[3]) for q in inner] == [("каза", True)]
    assert any(q[2] == "Муки" and q[3] and q[0].startswith("Мама никога") for q in got)  # (the outer quote stays)


def test_bulgarian_a_colon_inside_a_quote_after_no_cue_or_a_stray_mark_adds_nothing() -> None:
    # a quoted name inside the quote is no quote; nor is a mark that opens a new paragraph of the same quote
    got = spans("Еърбъс\n\nТом Уилямс, главният оперативен директор на „Еърбъс“, заяви: „Във всеки сценарий, Брекзит "
                "ще има тежки последствия за британската авиоиндустрия и за „Еърбъс“ в частност. „За това ще е нужно "
                "незабавните мерки да бъдат ускорени. Без тях, Еърбъс вярва че ударът върху нашите британски операции "
                "може да бъде значителен. Ние търсихме как да подчертаем нашите притеснения.“\n")
    assert not any(q[0] == "Еърбъс" for q in got)


def test_bulgarian_a_noun_with_the_full_article_or_a_two_word_name_speaks_inside_a_quote() -> None:
    # htfn-722 (Neshka Robeva after she left the national team) and htfn-626 (a mayor on an old man's advice)
    got = spans("Робева\n\n„Така и стана. Отстраниха ме на 25-ата година. Вярвам, че има съдба. Мисля, че успехите ще "
                "продължат. Народът е казал – където е текло, пак ще тече. С Нешка или без Нешка Робева колелото "
                "върви напред“, каза Робева.\n\n„Не бяха спрели катастрофите. Дядо Влайчо е казал, че ако се поръси "
                "със захар, тези неща ще намалеят“, посочва Грозев.\n")
    assert ("където е текло, пак ще тече", "казал", "Народът", False) in got
    assert ("ако се поръси със захар, тези неща ще намалеят", "казал", "Дядо Влайчо", False) in got
    # (not the speaker's own "I": "Вярвам, че има съдба", "Мисля, че успехите ще продължат")
    assert not any(q[0] in ("има съдба", "успехите ще продължат") for q in got)


def test_bulgarian_a_headline_office_after_a_countrys_adjective_speaks() -> None:
    # BSNLP brexit_bg file_1536 and file_307: the adjective is the only name the tagger finds before the colon
    got = spans("Британски министър: След Брекзит няма да имаме митнически съюз с ЕС\n\nМинистърът на международната "
                "търговия на Великобритания Лиъм Фокс заяви, че след Брекзит страната му няма да участва в "
                "митническия съюз на ЕС, предава Politico.\n")
    assert ("След Брекзит няма да имаме митнически съюз с ЕС", ":", "Британски министър", False) in got
    got = spans("Испанският външен министър: Брекзит няма да промени живота в Гибралтар\n\nИспанският външен министър "
                "Алфонсо Дастис увери, че преминаването на хиляди погранични работници няма да бъде засегнато.\n")
    assert ("Брекзит няма да промени живота в Гибралтар", ":", "Испанският външен министър", False) in got
    # (BSNLP brexit_bg file_267: ministers in the plural)
    got = spans("Британски министри: ЕС рискува глобална банкова криза, ако блокира сделката за Брекзит\n\n"
                "Европейският съюз рискува да отвори врата към нова криза.\n")
    assert ("ЕС рискува глобална банкова криза, ако блокира сделката за Брекзит", ":", "Британски министри",
            False) in got
    # (a place's adjective before a topic stays no one: "Пакистанският случай на богохулство: ...")
    got = spans("Пакистанският случай на богохулство: християнката Асия Биби е освободена\n\nТя беше в затвора.\n")
    assert not any(q[0].startswith("християнката") for q in got)


def test_bulgarian_as_he_says_with_the_pronoun_before_the_verb() -> None:
    # htfn-440 (on David Icke's book): the pronoun inside "Както той казва" is who; the book is where
    got = spans("Илюминати\n\nБлагодарение на Дейвид Айк, най-голямата тайна на Илюминати беше за пръв път публично "
                "оповестена. Както той казва в книгата, Илюминати подстрекават войни и конфликти, за да предизвикват "
                "ужас, чиито вибрации се записват в матрицата на Земята.\n")
    assert any(q[0].startswith("Илюминати подстрекават войни и конфликти") and q[2] == "той" and not q[3]
               for q in got)
