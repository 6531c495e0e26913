"""Bulgarian sources on real sentences of web articles (the whole pipeline, so names resolve through the entities
layer as in production): the outlet a talk is given to with no reported clause (stop 77); a body's report that a
sentence speaks of names where its news comes from, with or without a cue word (stop 78)."""

from __future__ import annotations

from vestnik.document import Document
from vestnik.pipeline import make_pipeline

PIPE = make_pipeline()


def run(body: str, title: str = "Новини от деня") -> Document:
    return PIPE(Document(text=f"{title}\n\n{body}", id="t", published="2017-04-26"))


def sources(doc: Document) -> list[str]:
    return [doc.span_text(s.span) for s in doc.sources]


def test_outlet_a_talk_is_given_to_without_a_clause_is_a_source() -> None:
    doc = run("Последното й пророчество бе да предвиди химическата атака в Сирия. Пред „Ретро“ Марияна Николаева "
              "говори за това, което предстои в България и по света в близките месеци и години.")
    assert sources(doc) == ["Ретро"]


def test_a_topic_talked_about_impersonally_is_no_source() -> None:
    doc = run("В Стария завет, например, се говори за „Божиите синове“, които се смесили с човешките дъщери.")
    assert sources(doc) == []


def test_a_bodys_claims_with_a_clause_name_it_as_a_source() -> None:
    doc = run("Джиралди отбелязва, че всичко започва с твърденията на ЦРУ, че Русия или неин помагач пробил пощенски "
              "акаунти, имащи отношение към кампанията на Хилъри Клинтън.")
    assert "ЦРУ" in sources(doc)


def test_a_signal_or_a_phrase_running_into_a_da_clause_is_no_source() -> None:
    doc = run("За да дойде ден по-късно Мишел Барние и върху това изявление на правителството да обясни, че ако "
              "страната е извън Единния пазар, няма как да не претърпи търговски загуби.")
    assert sources(doc) == []


def test_each_site_of_a_list_of_references_is_a_source() -> None:
    doc = run("Изненадващо обаче на 15-ти януари цялото съдържание на блога беше изтрито от автора. Джефри Бел не дава "
              "причина защо е постъпил така. Д-р Светослав Александров е популяризатор на науката и администратор на "
              "космос.бг Източници:1. Controversial website that lists ‘predatory’ publishers shuts down -\xa0nature.com "
              "2. Why did Beall’s List go dark? - retractionwatch.com 3. Backlash after Frontiers journals added to "
              "list - nature.com 4. it is NOT junk - Michael Eisen 5. Who will keep predatory journals at bay? - "
              "world.edu")
    assert sources(doc) == ["nature.com", "retractionwatch.com", "nature.com", "world.edu"]


def chains(doc: Document) -> list[tuple[str, str | None]]:
    srcs = doc.sources
    return [(doc.span_text(s.span), doc.span_text(srcs[s.cites].span) if s.cites is not None else None) for s in srcs]


def test_an_outlet_that_writes_what_another_reported_cites_it() -> None:
    doc = run("ЦРУ разсекрети документи за сблъсък между подводници във водите на Северно море през 1974 година. Това "
              "съобщава вестник The Times, пише izvestia.ru. Телеграмата е била засекретена в продължение на години.")
    assert ("izvestia.ru", "The Times") in chains(doc)


def test_an_agencys_opening_credit_relays_the_outlet_a_closing_label_names() -> None:
    doc = run("10 Януари 2017 | 12:32 /КРОСС/ Важни стъпки се правят за по-следващи избори. Не мисля, че в Народното "
              "събрание в момента има силна подкрепа за радикална промяна на изборната система.\n\n"
              "Не искам да се правя на баба Ванга, но то няма как да мине. Автор: проф. Михаил Константинов\n\n"
              "Източник: 24 часа", title="Не съм Ванга, но за промяната няма мнозинство")
    assert ("КРОСС", "24 часа") in chains(doc)


def test_a_share_of_a_polled_group_is_no_source() -> None:
    doc = run("64% от анкетираните американци споделят, че според тях в близко време светът ще стане арена на нов "
              "въоръжен конфликт. 61% от британците казват, че войната е реална възможност.")
    assert sources(doc) == []


def test_a_name_closed_by_a_slash_after_a_sentence_credits_the_paragraph() -> None:
    doc = run("Тя се променя според местоположението на съответните съзвездия в района на Мишкова нива./С Кафето/ Ако "
              "ви е харесала публикацията, ще Ви бъдем благодарни да я споделите!\n\n"
              "Санкциите засягат и търговията в Канада. /ДИ/ /НН/")
    assert sources(doc) == ["С Кафето"]  # (not an editor's initials)


def test_the_site_a_post_first_appeared_on_is_a_source() -> None:
    doc = run("Наш читател ни сигнализира, че пътят Първомай – Карвакирово е заледен. Материалът Община Петрич- "
              "блокирана! Гражданите пропищяха е публикуван за пръв път на Petrich News.")
    assert "Petrich News" in sources(doc)


def test_a_sites_address_that_closes_the_text_is_its_credit() -> None:
    doc = run("„Работете сутрин и през деня. Никога вечер. Силите свише не помагат вечер, а без тяхна помощ нищо "
              "велико не може да се роди…“ Ванга blitz.bg")
    assert sources(doc) == ["blitz.bg"]


def test_a_show_whose_channel_is_lost_before_a_persons_name_is_the_source() -> None:
    doc = run("Всички обекти към Исторически музей - Петрич, които са на открито, могат да бъдат посещавани "
              "целогодишно. Това каза за предаването „Метроном“ по Сотир Иванов, директор на културната институция.")
    assert sources(doc) == ["Метроном"]


def test_a_conclusion_this_sentence_names_is_its_bodys() -> None:
    doc = run("Популацията им отбелязва драстичен спад през последните 30 години. Това е заключението на "
              "Международния съюз за опазване на природата (IUCN). Между 1985 и 2015 г. броят на жирафите е спаднал.")
    assert sources(doc) == ["Международния съюз за опазване на природата"]


def test_a_report_as_the_subject_after_a_fronted_phrase_is_its_bodys() -> None:
    doc = run("Освен с жирафите, последният доклад на IUCN разглежда статуса на 700 признати за нови видове птици.")
    assert sources(doc) == ["IUCN"]


def test_a_report_after_a_verb_or_preposition_without_a_cue_is_no_source() -> None:
    doc = run("Хакерите пробили сървъра на партията и предоставили информацията на „Уикилийкс“. Британската лира "
              "поскъпна предпазливо след информацията на агенцията.")
    assert sources(doc) == []


def test_data_still_to_come_are_no_source() -> None:
    doc = run("Окончателните данни на SMMT ще бъдат оповестени по-късно през деня.")
    assert sources(doc) == []


def test_a_persons_statement_named_without_a_cue_is_no_source() -> None:
    doc = run("Папата поднася своите извинения към индианците. Изявление на Kevin Annett по въпроса с разследването и "
              "доказването за геноцида.")
    assert sources(doc) == []


def test_a_bodys_report_with_its_clause_inside_a_direct_quote_is_a_source() -> None:
    doc = run("Телеграмата е озаглавена \"Secret Eyes Only\". \"Тъкмо получих съобщение от Пентагона, че една от "
              "подводниците ни се е сблъскала със съветска подводница\", пише Скоукрофт.")
    assert sources(doc) == ["Пентагона"]


def test_a_report_named_inside_a_quote_without_its_clause_is_left_to_the_speaker() -> None:
    doc = run("\"Прочетох доклада на Пентагона и не съм съгласен с него\", каза сенаторът.")
    assert sources(doc) == []


def test_an_outlet_that_made_a_bodys_document_known_cites_the_body() -> None:
    doc = run("Великобритания ще бъде в по-неприятна позиция след напускането на ЕС при всеки възможен сценарий. Това "
              "става ясно от подготвен от британското правителство анализ, който е публикуван от BuzzFeed, информира "
              "\"Политико\".")
    assert ("BuzzFeed", "британското правителство") in chains(doc)
    doc = run("Великобритания ще трябва да спазва правилата на съюза по време на прехода. Това гласи чернова на "
              "документ на Европейската комисия, видяна от EUobserver.")
    assert ("EUobserver", "Европейската комисия") in chains(doc)


def test_sources_in_a_leaders_office_cite_the_office_not_the_leader() -> None:
    doc = run("Агенция Прес Асошиейшън, позовавайки се на източници от канцеларията на британския премиер Тереза Мей, "
              "съобщи, че Великобритания ще излезе от митническия съюз след Брекзит.")
    assert chains(doc) == [("Агенция Прес Асошиейшън", "канцеларията на британския премиер Тереза Мей"),
                           ("канцеларията на британския премиер Тереза Мей", None)]


def test_a_credit_relays_the_named_outlet_an_outlets_noun_stands_for() -> None:
    doc = run("Ванга е предрекла, че 44-ят президент на САЩ ще бъде афроамериканец, пише македонският falanga.com. "
              "Преди своята смърт баба Ванга казала, че по време на управлението на Обама ще има икономическа криза. "
              "Според македонският сайт, тя имала предвид новия американски президент./Блиц")
    assert ("Блиц", "falanga.com") in chains(doc)
