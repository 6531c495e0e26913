"""How web pages credit the sites and papers their text comes from: a site's address between sentences, a paper the
knowledge base lists only in quote marks, a credit label glued to the line before it (the whole pipeline, so the
entities layer's mentions take part as in production)."""

from __future__ import annotations

import pytest

from vestnik.document import Document
from vestnik.pipeline import make_pipeline

PIPE = make_pipeline()


def run(body: str, title: str = "Ванга предрекла нова война") -> Document:
    return PIPE(Document(text=f"{title}\n\n{body}", id="t", published="2017-03-14"))


def sources(doc: Document) -> list[str]:
    return [doc.span_text(s.span) for s in doc.sources]


@pytest.mark.parametrize("body, site", [
    ("Замърсяването е обратно на създаденото от бога, което е винаги чисто и красиво.\n\nlakomnik.bg Следете "
     "PETEL.BG всяка минута 24 часа в денонощието", "lakomnik.bg"),
    ("Според анкетата гражданите мислят, че през 2017 година ще бъде осъществен атентат на тяхна земя.fakti.bg/",
     "fakti.bg"),
    ("Срещата трябва да се организира, за да бъде изяснена несигурността на балтийците. http://epicenter.bg  "
     "Служител в АНС: Заради огромния си дълг САЩ търсят война", "epicenter.bg"),
    ("Човек може да намери облекчение и лек за болката си, твърдят жителите на Златолист. ilindenpres.bg   "
     "коментара", "ilindenpres.bg"),
])
def test_a_site_address_between_sentences_is_the_credit_of_where_the_text_comes_from(body: str, site: str) -> None:
    doc = run(body)
    assert site in sources(doc)
    src = next(s for s in doc.sources if doc.span_text(s.span) == site)
    assert src.evidence == "source:credit"


@pytest.mark.parametrize("body", [
    "Информацията беше публикувана на сайта dir.bg в понеделник, а после я повториха и други медии.",
    "Източниците са много.\n\nВижте повече на http://nations4jesus.blogspot.com/2010/11/pray-for-asia-bibi.html и "
    "в другите статии.",
    "Нещо се случи в Москва.\n\nПри использовании материалов ссылка обязательна. www.ntv.ru Используя сайт, вы "
    "соглашаетесь.",
    "pik.bg САЩ са на път да наложат санкции на енергийни компании от Германия и Австрия.",
])
def test_no_credit_for_an_address_inside_a_sentence_a_link_a_footer_or_the_publisher_s_own_name(body: str) -> None:
    doc = run(body)
    assert not [s for s in doc.sources if s.evidence == "source:credit"], sources(doc)


@pytest.mark.parametrize("body, outlet, entity", [
    ("Людмила Живкова взела работата присърце, пише Блиц. Коментари чрез Facebook.", "Блиц", None),
    ("Според ползвателите на мрежите Йон е описал началото на Трета световна война, съобщава Рен тв. Според мъдреца "
     "войната ще започне скоро.", "Рен тв", "vk:ren-tv"),
    ("Лили Иванова не коментира този въпрос дори и с най-близките си хора, пише „Шоу“. Примата се хвали с желязно "
     "здраве.", "Шоу", "vk:shou"),
    ("А природни и военни катаклизми могат да доведат до големи човешки жертви./Блиц  Следете ни", "Блиц", None),
])
def test_a_paper_the_kb_lists_in_quote_marks_is_a_source_when_it_tells_the_news(
        body: str, outlet: str, entity: str | None) -> None:
    doc = run(body)
    assert outlet in sources(doc)
    if entity is not None:
        assert next(s.entity for s in doc.sources if doc.span_text(s.span) == outlet) == entity


def test_a_common_word_that_is_also_a_paper_s_title_is_no_source_without_a_cue() -> None:
    doc = run("Отборът загуби мача след блиц атака на съперника. Шоу програмата започна в осем часа.")
    assert sources(doc) == []


@pytest.mark.parametrize("body, outlet", [
    ("Ако сме пропуснали вашата любима мисъл от Радой Ралин, добавете я в коментарите! Източник: highviewart "
     "Следваща статия: Как да преборим алергиите", "highviewart"),
    ("И без да се правя на баба Ванга, казвам, че то няма как да мине. Автор: проф. Михаил КонстантиновИзточник: "
     "24 часа", "24 часа"),
])
def test_a_credit_label_names_a_site_or_is_glued_to_the_author_s_line(body: str, outlet: str) -> None:
    assert outlet in sources(run(body))


def test_a_channel_written_with_a_lower_case_tv_is_the_outlet_it_was_said_on() -> None:
    doc = run("Велизар Енчев и проф. Божидар Димитров коментираха по Нова тв кой кой е в новото правителство.")
    assert [(doc.span_text(s.span), s.entity) for s in doc.sources] == [("Нова тв", "vk:nova-tv")]


@pytest.mark.parametrize("body, outlet", [
    ("Председателят на Европейската комисия е уверен, че резултатите от референдума в Италия ще дестабилизират "
     "допълнително ЕС, пише Пик. „Ако ЕС се разпадне, ще има война“, казва той.", "Пик"),
    ("Баба Ванга успешно предсказа 11 септември и това, че 44-ят президент на САЩ ще бъде афроамериканец, пише "
     "македонският falanga.com. Преди своята смърт тя казала още много.", "falanga.com"),
])
def test_an_outlet_closing_a_sentence_whose_clause_another_cue_took_is_its_source(body: str, outlet: str) -> None:
    doc = run(body)
    assert outlet in sources(doc)
    # the clause stays the speaker's own: the outlet adds a source, not a quote
    assert all(outlet not in doc.span_text(q.speaker.span) for q in doc.quotes if q.speaker.span)


@pytest.mark.parametrize("body, outlet", [
    ("Експертът по национална сигурност Валентин Радев сподели пред репортер на Bulgaria ON AIR, че атаката в Париж "
     "е организирана.", "Bulgaria ON AIR"),
    ("Писателят сподели в скайп интервю пред Михаела Карабельова от Bulgaria ON AIR, че след номинацията е получил "
     "много писма.", "Bulgaria ON AIR"),
    ("Възмутен жител на Петрич сподели видяното днес по улиците на града пред екипа на vox64.com. В същото време "
     "жителите протестираха.", "vox64.com"),
])
def test_the_outlet_of_whom_a_statement_was_told_to_is_its_source(body: str, outlet: str) -> None:
    assert outlet in sources(run(body))


def test_whom_a_statement_was_told_to_names_no_outlet_by_a_place() -> None:
    doc = run("Министърът каза пред журналисти от Пловдив, че пътят ще бъде ремонтиран до есента.")
    assert sources(doc) == []


def test_a_long_dotted_run_is_no_site_and_costs_no_more_than_its_length() -> None:
    # hostile markup: 80 KB of "a.a.a." with no ending the credit list knows, then a real credit; the address is found
    # from its ending and read back once (a pattern naming the endings took quadratic time on such a run)
    doc = run("Текстът завършва тук. " + "a." * 40_000 + "x и още.\n\nВсичко свърши добре.\n\nlakomnik.bg Следете ни")
    assert [(doc.span_text(s.span), s.evidence) for s in doc.sources] == [("lakomnik.bg", "source:credit")]


@pytest.mark.parametrize("body, outlet", [
    ("Това заяви президентът на Украйна Петро Порошенко в пост, публикуван в \"Туитър\".", "Туитър"),
    ("Европа може да се разпадне, пише в статия, която е публикувана в Express. Авторът е политик.", "Express"),
    ("Текстът е публикуван в сайта Chronicle.bg", "Chronicle.bg"),
    ("Стиховете й бяха публикувани във вестник „Септемврийче“ още в първи клас.", "Септемврийче"),
    ("Това сензационно разкритие беше излъчено по руската телевизия Рен и в поредния филм.", "Рен"),
    ("Това се опитват да установят авторите на сензационно предаване по руската НТВ.", "НТВ"),
])
def test_the_outlet_or_platform_a_text_came_out_in_is_its_source(body: str, outlet: str) -> None:
    assert outlet in sources(run(body))


def test_published_in_a_place_or_in_the_site_s_notice_on_its_own_texts_names_no_source() -> None:
    doc = run("Предсказанията на пророчицата бяха публикувани в Русия, без да са познати у нас. Всички текстове "
              "публикувани в News.bg са собственост на \"Уеб Медия Груп\" АД и са под закрила на Закона. Мачът ще "
              "бъде излъчен по телевизията.")
    assert sources(doc) == []


def test_a_quoted_title_after_a_press_review_s_comment_is_the_paper() -> None:
    doc = run("Турция използва бежанците като разменна монета. Ние се направихме уязвими, коментира „Франкфуртер "
              "Рундшау”. Сега той може да остане президент до 2029 г., коментира Иван Петров.",
              title="Европейският печат за Турция")
    assert sources(doc) == ["Франкфуртер Рундшау"]
    assert "Ние се направихме уязвими" in [doc.span_text(q.span) for q in doc.quotes]


def test_an_outlet_s_noun_citing_or_publishing_is_the_outlet_named_before() -> None:
    doc = run("Ислямска държава крие големите си загуби в Сирия, твърди \"Индипендънт\". Вестникът цитира Жан-Марк "
              "Рикли от лондонския \"Кингс колидж\". Изданието публикува за пореден път тази информация.",
              title="Загубите на джихадистите")
    got = [(doc.span_text(s.span), s.entity) for s in doc.sources]
    assert got[1:] == [("Вестникът", got[0][1]), ("Изданието", got[0][1])] and got[0][0] == "Индипендънт"


def test_an_info_label_credits_a_site_and_a_label_word_must_end_there() -> None:
    doc = run("Звездите не лъжат, уверява ясновидката. инфо: pik.bg Вижте още: Ако тази статия Ви харесва, "
              "споделете я.\n\nИнформация: Иван Петров е роден в Перник.")
    assert sources(doc) == ["pik.bg"]


def test_the_body_whose_report_a_sentence_draws_on_is_its_source() -> None:
    doc = run("Руският газ ще бъде разпределян и в Чехия, пише в съобщението на FNB Gas. Делото е чувствително и "
              "министърът на информацията на Пакистан Фауад Хюсеин заяви, че журналистите са безотговорни. Лондон "
              "няма да има достъп до базата данни на ЕС, каза той.", title="Газопроводът минава през Чехия")
    assert sources(doc) == ["FNB Gas"]


def test_an_unnamed_outlet_with_an_indefinite_adjective_is_a_source_without_an_entity() -> None:
    doc = run("Журналистът Христо Калоферов се сгоди за приятелката си, пише столичен всекидневник. Според "
              "информация на вестника сватбата ще е през май.", title="Журналист се сгоди")
    assert [(doc.span_text(s.span), s.entity) for s in doc.sources][:1] == [("столичен всекидневник", None)]
    assert "информация на вестника" not in sources(doc)


def test_a_label_closing_the_text_relays_the_outlet_its_body_names() -> None:
    doc = run("Министър на културата проф. Димитров заяви пред Нова тв, че директорът се справя отлично.\n\n"
              "Източник: http://fakti.bg", title="Министърът защити директора")
    got = {doc.span_text(s.span): s.cites for s in doc.sources}
    assert set(got) == {"Нова тв", "fakti.bg"}
    assert doc.span_text(doc.sources[got["fakti.bg"]].span) == "Нова тв"


def test_the_outlet_whose_question_a_statement_answers_is_its_source() -> None:
    doc = run("Така министърът на земеделието Христо Бозуков отговори на въпрос на Нова телевизия какво ще направи "
              "държавата. Министърът по въпросите на Брекзит Дейвид Дейвис каза, че е доволен.",
              title="Министърът отговори")
    assert sources(doc) == ["Нова телевизия"]


def test_the_body_whose_poll_a_sentence_reports_is_its_source() -> None:
    doc = run("В проучването на компанията \"Грант Торнтън\" има и нещо позитивно - 24% от британските компании "
              "заявяват, че планират да увеличат заплатите.", title="Оптимизмът на бизнеса")
    assert sources(doc) == ["Грант Торнтън"]


@pytest.mark.parametrize("body", [
    "/КРОСС/ Министърът на икономиката обяви, че новите мерки ще влязат в сила от март.",
    "12 Февруари 2017 | 09:45 /КРОСС/ Общината ще ремонтира моста до края на годината.",
])
def test_an_agency_between_slashes_opening_a_paragraph_is_its_credit(body: str) -> None:
    doc = run(body)
    src = next(s for s in doc.sources if doc.span_text(s.span) == "КРОСС")
    assert src.evidence == "source:credit"


def test_no_opening_credit_for_a_name_the_kb_does_not_know_as_an_outlet() -> None:
    assert sources(run("/Мнение/ Общината ще ремонтира моста до края на годината.")) == []


def test_a_site_address_on_its_own_line_after_a_spaced_slash_is_a_credit() -> None:
    # pages joined line by line with " / ": the address stands on a line of its own after the text (a no-break
    # space after the slash, as pages write it)
    doc = run("Лечебните билки се берат рано сутрин, когато росата вече е изсъхнала. / \xa0 lekuva.net Следете ни "
              "всеки ден за още съвети")
    assert "lekuva.net" in sources(doc)


@pytest.mark.parametrize("body, names", [
    ('САМО В ПИК И "РЕТРО"! Врачката Вера предрече тежка зима и вдигане на цените', ["ПИК", "РЕТРО"]),
    ("Още разкрития и интересни интервюта с гадатели вижте само на Retro.bg!", ["Retro.bg"]),
    ("Всичко за скандала на певицата може да прочетете само в новия брой на вестник „Шоу“.", ["Шоу"]),
])
def test_a_page_promoting_the_outlets_it_comes_out_in_names_them_as_sources(body: str, names: list[str]) -> None:
    doc = run(body)
    assert sources(doc) == names
    assert all(s.evidence == "source:promo" for s in doc.sources)


@pytest.mark.parametrize("body", [
    "Само в България думите „състрадание“ и „егоцентризъм“ се срещат толкова често.",
    "Само на Кирил Петрович можеше да се довери полковникът.",
    "Тези билки са подходящи само в „Родопите“ и в Пирин.",
])
def test_the_same_words_before_no_outlet_are_no_promotion(body: str) -> None:
    assert sources(run(body)) == []


@pytest.mark.parametrize("body, outlet", [
    ("Подобен ефект има и яденето на пресни сини сливи. Източник: Фрамар Следваща статия:Певицата тайно при "
     "Ванга", "Фрамар"),
    ("Благодарим на всички читатели за писмата. Източник: България сега Следваща статия:Всеки трябва да знае!",
     "България сега"),
    ("Статията е писана през 2011 г. Източник: portal12 Следваща статия:Певицата проговори!", "portal12"),
])
def test_the_name_between_a_label_and_the_pages_next_mark_is_the_outlet(body: str, outlet: str) -> None:
    assert outlet in sources(run(body))
