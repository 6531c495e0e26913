"""Event coding on real text: the seed page, English and Russian news sentences, and the CAMEO tables."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SHARED

import vestnik
from vestnik.events import cameo
from vestnik.events.lexicon import load
from vestnik.ingest.encoding import decode


def _events(doc):
    return [(e.type, e.cameo, (e.source.code or ""), (e.target.code or ""), doc.span_text(e.span)) for e in doc.events]


def _typed(text: str, published: str) -> list[tuple[str, str]]:
    """(trigger, PLOVER type) of each event of a Bulgarian text."""
    doc = vestnik.extract(text, published=published, lang="bg")
    return [(doc.span_text(e.span), e.type) for e in doc.events]


def test_seed_events(seed_doc):
    evs = _events(seed_doc)
    # the target is "севернокорейския лидер Ким Чен-ун": the role and the person are one actor, PRKGOV
    assert ("AGREE", "030", "RUSGOV", "PRKGOV", "ще продължат да прилагат") in evs
    assert any(t == "SUPPORT" and c == "057" and s.startswith("RUS") and g.startswith("PRK") for t, c, s, g, _ in evs)
    assert any(t == "AGREE" and c == "036" and s.startswith("USA") and g.startswith("IRN") for t, c, s, g, _ in evs)
    assert any(t == "ACCUSE" and c == "115" and s == "RUSJUD" and g == "RUSMED" for t, c, s, g, _ in evs)


def test_seed_event_evidence_time_and_provenance(seed_doc):
    signed = next(e for e in seed_doc.events if e.cameo == "057" and seed_doc.span_text(e.span) == "подписаха")
    assert signed.when == "2024-06"  # "който подписаха през юни"
    assert signed.evidence.startswith("lexicon:bg:")
    assert signed.sentence[0] <= signed.span[0] < signed.span[1] <= signed.sentence[1]
    names = [seed_doc.entities[seed_doc.sources[i].entity].name for i in signed.sources]
    assert names == ["Reuters", "KCNA"]  # BTA <- Reuters <- KCNA
    assert signed.goldstein == 8.0 and signed.quadclass == 1


def test_hedged_event_and_a_discussed_one_in_teaser(seed_doc):
    """The teaser's leaders "обсъдиха евентуалното разполагане на мироопазващи сили": the discussion is the
    event (told again by its snippet, "се срещнаха", which keeps it); the deployment is what was discussed (it had
    been a hedged deployment event of its own)."""
    assert not any("разполагане" in seed_doc.span_text(e.span) for e in seed_doc.events)
    assert any(seed_doc.span_text(e.span) == "се срещнаха" and e.type == "CONSULT" for e in seed_doc.events)
    # "може да": a possibility, no event since stop 78 (it had been a hedged deployment); "обмисля да" still hedges
    doc = vestnik.extract("Русия може да разположи още войски в Беларус, съобщиха източници.", published="2024-12-18",
                          lang="bg")
    assert not any("разположи" in doc.span_text(e.span) for e in doc.events)
    doc = vestnik.extract("Русия обмисля да разположи още войски в Беларус, съобщиха източници.", published="2024-12-18",
                          lang="bg")
    deploy = next(e for e in doc.events if "разположи" in doc.span_text(e.span))
    assert deploy.hedged and deploy.cameo == "154"


@pytest.mark.parametrize(("text", "plover", "src", "tgt"), [
    ("Russia imposed new sanctions on Ukraine on Monday, the foreign ministry said.", "SANCTION", "RUS", "UKR"),
    ("Serbia on Thursday flatly rejected an Australian ultimatum to hand over a guard.", "REJECT", "SRB", "AUS"),
    ("The United States will provide humanitarian aid to Ukraine, the State Department said.", "AGREE", "USA",
     "UKR"),
    ("Iran accused Israel of attacking its consulate in Damascus.", "ACCUSE", "IRN", "ISR"),
    # "strike a deal" is an agreement, not a strike (the bundled AFP sample's headline had been a PROTEST)
    ("Russia and China struck a gas supply deal on Tuesday.", "SUPPORT", "RUS", "CHN"),
    ("Dock workers in France will strike on Friday over pensions.", "PROTEST", "FRA", ""),
])
def test_english_sentences(text, plover, src, tgt):
    doc = vestnik.extract(text, published="2024-04-02", lang="en")
    first = doc.events[0]
    assert (first.type, (first.source.code or "")[:3], (first.target.code or "")[:3]) == (plover, src, tgt)


def test_russian_sentence():
    doc = vestnik.extract("Министр иностранных дел России Сергей Лавров провел переговоры с главой МИД Китая "
                          "Ван И в Пекине.", published="2024-04-09")
    first = doc.events[0]
    assert first.type == "CONSULT" and (first.source.code or "").startswith("RUS")


def test_intent_turns_consult_into_agree():
    doc = vestnik.extract("Държавният секретар на САЩ Марко Рубио заяви, че ще проведе преговори с Иран.",
                          published="2025-04-10")
    assert doc.events[0].cameo == "036" and doc.events[0].type == "AGREE"
    # (a meeting in the plain future is the planned meeting in Bulgarian since stop 78, planned_keeps; "готов да"
    # keeps the intent)
    doc = vestnik.extract("Държавният секретар на САЩ Марко Рубио заяви, че е готов да преговаря с Иран.",
                          published="2025-04-10")
    assert doc.events[0].cameo == "036" and doc.events[0].type == "AGREE"
    doc = vestnik.extract("Държавният секретар на САЩ Марко Рубио проведе преговори с Иран.", published="2025-04-10")
    assert doc.events[0].type == "CONSULT"


def test_stranded_passengers_are_no_blockade():
    """"175 българи са блокирани на летището": stranded by the weather, no act (it had been PROTEST, like the
    protesters' "блокираха пътя", which still is)."""
    doc = vestnik.extract("175 българи са блокирани на летището в Тимишоара. Протестиращи блокираха пътя към летището.",
                          published="2018-02-27")
    assert [(e.type, doc.span_text(e.span)) for e in doc.events] == [("PROTEST", "блокираха")]


def test_negation_is_flagged():
    doc = vestnik.extract("Syria says it will not accept any more refugees.", lang="en")
    assert any(e.type == "REJECT" for e in doc.events)


def test_cameo_table_agrees_with_the_official_plover_mapping():
    """Every code as the 2021 table has it, but the one departure the data file documents: 163 (sanctions) is
    SANCTION, as the PLOVER gold records code "imposed sanctions"."""
    table = (SHARED / "eval" / "events-en" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8")
    official = {m.group(1): m.group(2) for m in re.finditer(r"^(\d{3}):\s*([A-Z]+)", table, re.M)}
    ours = cameo.codes()
    assert len(official) > 100
    assert official["163"] == "COERCE" and ours["163"].plover == "SANCTION"
    for code, plover in official.items():
        assert ours[code].plover == plover or code == "163", code


def test_every_lexicon_code_is_known():
    for lang in ("bg", "ru", "en"):
        lex = load(lang)
        assert lex is not None and len(lex.patterns) > 100
        for p in lex.patterns:
            if p.cameo != "-":  # stop patterns block look-alike words ("убиецът") and code nothing
                assert cameo.lookup(p.cameo).plover is not None, (lang, p.source)


@pytest.mark.parametrize(("text", "plover", "src", "tgt"), [
    # country adjectives without a linked entity come from lang/en/actor_countries.tsv
    ("Algerian police arrested three Ugandan journalists in Algiers on Monday, officials said.", "COERCE", "DZACOP",
     "UGAMED"),
    # an intent to use force is a threat; the "said" clause is not the event
    ("Fijian rebels said they would blockade the capital unless the government resigned.", "THREATEN", "FJIREB",
     "FJIGOV"),
    # passive: the "by" agent is the source, the subject the target
    ("The opposition leader was arrested by Zimbabwean police on Tuesday.", "COERCE", "ZWECOP", "ZWEOPP"),
    # a trailing attribution clause names who reports, not a participant
    ("Ghana's parliament demanded the release of two Togolese students, the Ivory Coast embassy said.", "REQUEST",
     "GHALEG", "TGOEDU"),
    # an apposition after the subject describes it; "to Haiti" is the target
    ("Canada, a close U.S. ally, has refused to send troops to Haiti.", "REJECT", "CAN", "HTI"),
    # an organisation and its role noun are one actor; an international body's with the role's sector (stop 62), as
    # the PLOVER records code "U.N. Security Council" and "U.N. Secretary-General Kofi Annan" (IGOGOV)
    ("U.N. officials suspended food aid to Somalia on Friday.", "SANCTION", "IGOGOV", "SOM"),
    ("U.N. Secretary-General Kofi Annan announced on Monday that he will withdraw weapons inspectors from Iraq.",
     "AGREE", "IGOGOV", "IRQ"),
    # (the anti-corruption commission is a government body, KENGOV, as the PLOVER records code it: stop 75)
    ("Vice-President Moody Awori has declined to resign despite pressure by the Kenya Anti-Corruption Commission.",
     "REJECT", "KENGOV", "KENGOV"),
    # a people named by a plural demonym: its civilians where an act is done to them or where they protest (stop
    # 62), the people as a party where they speak or act ("Palestinians blamed Israel": PSE)
    ("Israeli soldiers arrested more than 100 Palestinians on Saturday.", "COERCE", "ISRMIL", "PSECVL"),
    ("Young Algerians blocked roads leading to the city centre on Sunday.", "PROTEST", "DZACVL", ""),
    ("Palestinians blamed Israel for the bombing.", "ACCUSE", "PSE", "ISR"),
    # a demonym before a people's, a faith's name or "people" is the country's people (stop 64), but not before
    # an organisation's word ("Iraqi Airways") nor is "people" alone anyone's
    ("Thousands of Iraqi Kurds sought refuge in Germany last month.", "REQUEST", "IRQCVL", "DEU"),
    ("Israeli soldiers routinely beat up Palestinian detainees on the West Bank.", "ASSAULT", "ISRMIL", "PSECVL"),
    ("President Levy Mwanawasa has reneged on his commitment to the Zambian people.", "REJECT", "ZMBGOV", "ZMBCVL"),
    ("Iraqi Airways suspended flights to Tehran on Monday.", "SANCTION", "IRQ", "IRNGOV"),
    ("People in Canada are blaming immigrants for the crisis.", "ACCUSE", None, "CANCVL"),
    # an adjective between a body and its role noun leaves them one actor (stop 64); a verb there does not
    ("NATO peacekeeping troops arrested two Serb policemen on Monday.", "COERCE", "IGOMIL", "SRBCOP"),
    # (since stop 78 the reported clause's own subject acts, "troops", of the speaker's body: IGOMIL, not NATO)
    ("NATO said troops arrested two Serb policemen on Monday.", "COERCE", "IGOMIL", "SRBCOP"),
    # the KB's UN Security Council and peacekeeping forces carry the role PLOVER codes them with (stop 64)
    ("The U.N. Security Council condemned Israel for the raid.", "ACCUSE", "IGOGOV", "ISR"),
    ("KFOR arrested two Serb policemen on Monday.", "COERCE", "IGOMIL", "SRBCOP"),
    # an ethnic minority is the civilians of the country the sentence places them in (stop 64)
    ("Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia.", "PROTEST", "SRBCVL", "SRB"),
    ("Ethnic Albanians protested on Monday.", "PROTEST", "ALBCVL", ""),
    # "X's Y": the body its leader's name qualifies acts (stop 64)
    ("Osama bin Laden's al-Qaeda has threatened the United States.", "THREATEN", "IMG", "USA"),
    # a group "based in" a country is that country's (stop 64)
    ("A terror group based in Trinidad has threatened to attack the United States.", "THREATEN", "TTOREB", "USA"),
    # a people's homes are its civilians' (stop 64); a militant network lends no country to a role ("police")
    ("Israeli army bulldozers demolished Palestinian homes in Gaza on Sunday.", "COERCE", "ISRMIL", "PSECVL"),
    ("Al-Qaeda militants attacked a police station in Kabul.", "ASSAULT", "IMG", "AFGCOP"),
])
def test_english_actor_rules(text, plover, src, tgt):
    doc = vestnik.extract(text, published="2024-04-02", lang="en")
    first = doc.events[0]
    assert (first.type, first.source.code, first.target.code or "") == (plover, src, tgt)


def test_stop_patterns_and_bulgarian_passive():
    doc = vestnik.extract("Убиецът на журналиста е задържан от полицията в Пловдив.", published="2024-04-02",
                          lang="bg")
    assert [doc.span_text(e.span) for e in doc.events] == ["задържан"]  # "Убиецът" (the killer) is no killing
    assert doc.events[0].source.code == "BGRCOP" and doc.events[0].target.code == "BGRMED"
    ru = vestnik.extract("Договор о сотрудничестве был подписан согласно решению правительства.",
                         published="2024-04-02", lang="ru")
    assert [e.type for e in ru.events] == ["SUPPORT"]  # "согласно" (according to) is no agreement


def test_a_role_takes_the_country_named_before_the_cue_or_the_documents_not_the_one_it_speaks_of():
    """Georgia's prime minister accusing the opposition of a "Ukrainian scenario" is Georgia's government accusing
    Georgia's opposition (the bundled sample page; the sentence's first country had made both Ukrainian)."""
    page = (Path(vestnik.__file__).parent / "samples" / "bg-tbilisi-protests.html").read_text(encoding="utf-8")
    doc = vestnik.extract(page, published="2024-12-01")
    accuse = [e for e in doc.events if e.type == "ACCUSE" and "Кобахидзе" in doc.span_text(e.sentence)]
    assert [(e.source.code, e.target.code) for e in accuse] == [("GEOGOV", "GEOOPP")]


@pytest.mark.parametrize("name", sorted(p.name for p in (Path(vestnik.__file__).parent / "samples").glob("*.htm*")))
def test_an_agency_dateline_names_no_actor(name):
    """"BAKU, Nov 22 (AFP) - Dozens of activists...": the city and the agency say where and by whom the report was
    filed. No actor comes from the article's dateline or a teaser's (they had made AFP the protest's target and Rio
    de Janeiro's Brazil the source of Guterres' appeal)."""
    page, _ = decode((Path(vestnik.__file__).parent / "samples" / name).read_bytes())  # (some are in cp1251)
    doc = vestnik.extract(page, published="2024-12-18")
    lines = [s for s in [doc.article.dateline, *(t.dateline_span for t in doc.teasers)] if s]
    lines += [(t.snippet_span[0], t.snippet_span[0] + m.end()) for t in doc.teasers if t.snippet_span and (
        m := re.match(r"[A-ZА-Я][A-ZА-Я -]+, [^()\n]{1,20} \((?:AFP|БТА)\) [–-] ", doc.span_text(t.snippet_span)))]
    assert lines
    for e in doc.events:
        for actor in (e.source, e.target):
            assert actor.span is None or not any(a <= actor.span[0] < b for a, b in lines), (name, e)
    if name.startswith("bg-tbilisi"):  # "БЕЛГРАД, 15 декември (БТА) – Студенти в Сърбия продължиха протестите"
        assert ("протестите", "SRBEDU", None) in {(doc.span_text(e.span), e.source.code, e.target.code)
                                                  for e in doc.events}
    if name.startswith("en-afp"):
        codes = {(doc.span_text(e.span), e.source.code) for e in doc.events}
        # (the UN Secretary-General is IGOGOV, as the PLOVER records code "U.N. Secretary-General Kofi Annan")
        assert ("called on", "IGOGOV") in codes and ("ordered", "ARGGOV") in codes


@pytest.mark.parametrize(("text", "lang"), [
    ("Поставянето на тръбите на морския участък, който се простира по дъното на Черно море до Турция, започна.", "bg"),
    ("Членове на протестантската църква в Пакистан се молиха за нея.", "bg"),
    ("Посетителите на изложбата бяха над десет хиляди.", "bg"),
    ("Protestant churches in Northern Ireland held services on Sunday.", "en"),
    # PolNeAR's news: the adverb "back", the month March, "in order to", a "bombshell"
    ("Podesta reported back that Sandler was willing to help.", "en"),
    ("Abedin wrote to other senior staffers in March 2015, noting the delay.", "en"),
    ("The campaign needs to do that in order to keep excitement up.", "en"),
    ("The batch included yet another bombshell.", "en"),
    ("Для этого требуются дополнительные средства.", "ru"),
])
def test_words_that_look_like_cues_code_no_event(text, lang):
    """Real sentences (BSNLP topics, PolNeAR news): "се простира" (stretches) was a pardon ("прости*"),
    "протестантската" (Protestant) a protest, "посетителите" (visitors) a visit, "back" and "March" support and a
    march, "in order to" an order, "требуются" (are needed) a demand."""
    doc = vestnik.extract(text, published="2018-11-01", lang=lang)
    assert [doc.span_text(e.span) for e in doc.events if e.type in ("SUPPORT", "PROTEST", "CONSULT", "REQUEST",
                                                                       "ASSAULT")] == [], text


def test_an_office_and_the_name_after_it_are_one_actor_and_a_body_beside_a_person_is_another():
    """"Министърът на отбраната Гевин Уилямсън" is one actor (the role noun had been the source and the name its
    target, or the name dropped); "говорител на Мей" is May's spokesman, not May; the government a president
    criticises is the target although both are GOV; signing an order is no agreement."""
    doc = vestnik.extract("Министърът на отбраната Гевин Уилямсън обвини Кремъл в кибератаки. Президентът Румен Радев "
                          "разкритикува правителството, че е закъсняло с мерките. Министърът на здравеопазването "
                          "Костадин Ангелов подписа заповед за затваряне на училищата. Говорител на Мей отхвърли "
                          "предложението на Брюксел.", published="2020-11-25", lang="bg")
    got = {doc.span_text(e.span): (doc.span_text(e.source.span) if e.source.span else None, e.source.code,
                                   doc.span_text(e.target.span) if e.target.span else None, e.target.code)
           for e in doc.events}
    assert got["обвини"][0] == "Министърът на отбраната Гевин Уилямсън" and got["обвини"][1].endswith("GOV")
    assert got["обвини"][3] == "RUSGOV"
    assert got["разкритикува"] == ("Президентът Румен Радев", "BGRGOV", "правителството", "BGRGOV")
    assert "подписа" not in got
    assert got["отхвърли"][0] == "Говорител"


def test_a_bta_report_its_publisher_and_people_named_by_what_was_done_to_them():
    """In a BTA report "Според източници на БТА задържаният е освободен" codes no arrest by BTA: the publisher
    is no participant, and "задържаният" (the detainee) is a person, not an arrest; a deputy minister charged by
    the prosecutors is the target (GOV)."""
    doc = vestnik.extract("Прокуратурата повдигна обвинение\n\nСофия, 14 октомври (БТА) - Софийската градска "
                          "прокуратура повдигна обвинение на бивш заместник-министър на регионалното развитие. "
                          "Според източници на БТА задържаният е освободен срещу парична гаранция.",
                          published="2020-10-14", lang="bg")
    charged = [e for e in doc.events if doc.span_text(e.span) == "повдигна обвинение"]
    assert charged and all(e.source.code == "BGRJUD" for e in charged)
    assert [e.target.code for e in charged if e.target.span] == ["BGRGOV"]  # (the headline names no target)
    assert not any(e.source.entity == "vk:bta" or e.target.entity == "vk:bta" for e in doc.events)
    assert "задържаният" not in {doc.span_text(e.span) for e in doc.events}


def test_a_capital_acting_is_its_government_and_a_country_word_before_an_office_is_whose_it_is():
    """CAMEO's convention: "Washington criticised" is USAGOV and "Brussels" acting is the EU; "British Foreign
    Secretary Jack Straw" is one actor, GBRGOV (the adjective had been the source, GBR, and the person dropped)."""
    doc = vestnik.extract("Washington criticised Tehran on Monday. British Foreign Secretary Jack Straw accused the "
                          "Iranian government of lying.", published="2003-05-01", lang="en")
    got = {doc.span_text(e.span): (e.source.code, doc.span_text(e.source.span) if e.source.span else None,
                                   e.target.code) for e in doc.events}
    assert got["criticised"][0] == "USAGOV" and got["criticised"][2] == "IRNGOV"
    assert got["accused"] == ("GBRGOV", "British Foreign Secretary Jack Straw", "IRNGOV")
    bg = vestnik.extract("Брюксел отхвърли искането на Лондон.", published="2019-01-15", lang="bg")
    # (the demand itself is an event of its own since stop 44: "искането" REQUEST)
    assert [(e.type, e.source.code) for e in bg.events if e.type == "REJECT"] == [("REJECT", "IGO")]


def test_english_sector_nouns_of_the_cameo_actor_codebook():
    """"Zimbabwean farmers accused the regime": farmers are AGR and the regime is the government (both had no
    sector: ZWE accusing nobody)."""
    doc = vestnik.extract("Zimbabwean farmers accused the regime of seizing their land.", published="2003-05-01",
                          lang="en")
    accused = [e for e in doc.events if doc.span_text(e.span) == "accused"]
    assert [(e.source.code, e.target.code) for e in accused] == [("ZWEAGR", "ZWEGOV")]


def test_more_sector_nouns_and_no_noun_taken_for_a_word_it_begins():
    """Role nouns after the Phoenix agents dictionary (stop 54): landowners are civilians, tanks the military,
    negotiators the government (each had left the country alone: DZA, ISR, USA). A stem written out in full
    ("consul", "consulate*") leaves "consultation" an event of its own, not an actor."""
    doc = vestnik.extract("Algerian landowners began a hunger strike to demand the return of their property. "
                          "Israeli tanks fired shells at targets in Jericho.", published="2000-01-01", lang="en")
    got = {doc.span_text(e.span): e.source.code for e in doc.events}
    assert got["demand"] == "DZACVL"
    assert got["shells"] == "ISRMIL"
    doc = vestnik.extract("U.S. and Russian negotiators met in Geneva on Monday.", published="1985-01-01", lang="en")
    assert [e.source.code for e in doc.events if doc.span_text(e.span) == "met"] == ["USAGOV"]
    doc = vestnik.extract("Farmers protested the lack of consultation with the ministry.", published="2000-01-01",
                          lang="en")
    assert "CONSULT" in {e.type for e in doc.events if doc.span_text(e.span) == "consultation"}


def test_a_country_s_people_are_its_civilians():
    """"Британците гласуваха ...", "Пакистанци нападнаха ...": the people of a country, named by the tagger as persons
    linked to the country, are its civilians (GBRCVL; they had been the country itself, GBR), as eval/bggold's
    annotators code them; the police stay the police."""
    doc = vestnik.extract("Британците гласуваха за напускане на Европейския съюз. Пакистанци нападнаха полицията в "
                          "Лахор.", published="2016-06-24", lang="bg")
    got = {doc.span_text(e.span): (e.source.code, e.target.code) for e in doc.events}
    assert got["нападнаха"] == ("PAKCVL", "PAKCOP")
    assert all(not (s or "").startswith("GBR") or s == "GBRCVL" for s, _ in got.values())


def test_coordinated_country_adjectives_share_the_role_and_military_nouns():
    """"Senior Greek and Turkish officials agreed ...": both countries' officials, GRCGOV (Greek had been GRC alone);
    "Sudanese militiamen", "Israeli helicopters", "Syrian officers", "one U.S. soldier": the military (they had no
    sector)."""
    doc = vestnik.extract("Senior Greek and Turkish officials agreed on Monday to resume talks on the Aegean dispute. "
                          "Sudanese militiamen attacked a refugee camp, killing 40 people. Israeli helicopters shelled "
                          "positions near Rafah. Syrian officers ended their mediation between the militias.",
                          published="2001-03-05", lang="en")
    got = {doc.span_text(e.span).split()[0]: (e.source.code, e.target.code) for e in doc.events}
    assert got["agreed"][0] == "GRCGOV"
    assert got["attacked"][0] == "SDNMIL"
    assert got["shelled"][0] == "ISRMIL"
    assert got["ended"][0] == "SYRMIL"
    doc = vestnik.extract("A roadside bomb killed one U.S. soldier near Samarra.", published="2004-05-02", lang="en")
    assert [e.target.code for e in doc.events if doc.span_text(e.span) == "killed"] == ["USAMIL"]


def test_a_definite_participle_apposition_is_done_to_the_noun_before_it():
    """"Хусите, подкрепяните от Иран бунтовници в Йемен, атакуваха ...": Iran supports the Houthis (the Houthis had
    supported "Иран бунтовници", IRNREB: a country's name before a role noun is its role in English only)."""
    doc = vestnik.extract("Хусите, подкрепяните от Иран бунтовници в Йемен, атакуваха кораб в Червено море.",
                          published="2024-01-12", lang="bg")
    got = {doc.span_text(e.span): (e.source.code, e.target.code) for e in doc.events}
    assert got["подкрепяните"] == ("IRN", "YEMREB")


def test_a_1990s_president_acts_for_his_government():
    """"President Bill Clinton has imposed sanctions on the Taliban ..." in 1999: USAGOV (the KB lacked him, and the
    title took the country of a word after the cue, AFGGOV)."""
    doc = vestnik.extract("President Bill Clinton has imposed sanctions on the Taliban religious faction that controls "
                          "Afghanistan.", published="1999-07-06", lang="en")
    assert [(e.source.code, e.target.code) for e in doc.events if e.type == "SANCTION"] == [("USAGOV", "AFGREB")]


def test_committed_to_and_prepared_to_are_no_passive():
    """"Vietnam is committed to opening up the economy", "he is prepared to lift the ban": the subject acts (it had
    been read as a passive, its subject the target and no source)."""
    doc = vestnik.extract("President Abdelaziz Bouteflika said he is prepared to lift the ban on the Islamic Salvation "
                          "Front.", published="2000-01-01", lang="en")
    agree = [e for e in doc.events if e.type == "AGREE"]
    assert agree and agree[0].source.code == "DZAGOV"


def test_bulgarian_agency_report_actors():
    """A BTA-style report: a sentence opening with "Той" acts through the person named before it; a court or a
    prosecutor's office the KB does not know acts by its role noun; "е образувала досъдебно производство" is no
    passive (the noun cue ends in "-но"); unions and employers are actors of their sectors."""
    doc = vestnik.extract(
        "Кметът остава в ареста\n\nБлагоевград, 3 април (БТА) - Окръжният съд в Благоевград остави в ареста кмета "
        "на общината. Пловдивската прокуратура е образувала досъдебно производство. Синдикатите настояха заплатите "
        "да бъдат увеличени. Работодателските организации се противопоставиха на искането.", published="2024-04-03",
        lang="bg")
    evs = {doc.span_text(e.span): e for e in doc.events}
    assert (evs["ареста"].source.code, evs["ареста"].target.code) == ("BGRJUD", "BGRGOV")
    assert evs["досъдебно производство"].source.code == "BGRJUD"
    assert evs["настояха"].type == "REQUEST" and evs["настояха"].source.code == "BGRLAB"
    assert evs["противопоставиха"].type == "REJECT" and evs["противопоставиха"].source.code == "BGRBUS"
    doc = vestnik.extract("Зеленски поиска оръжие\n\nБрюксел, 20 март (БТА) - Украинският президент Володимир "
                          "Зеленски говори пред лидерите на ЕС. Той поиска още боеприпаси. Той заяви, че преговорите с "
                          "Русия са невъзможни.", published="2024-03-20", lang="bg")
    talks = next(e for e in doc.events if doc.span_text(e.span) == "преговорите")
    assert talks.source.span is None  # "Той" is the subject of "заяви", not of the talks in its "че" clause
    asked = next(e for e in doc.events if doc.span_text(e.span) == "поиска" and e.span[0] > 50)
    assert doc.span_text(asked.source.span) == "Той" and asked.source.entity == "vk:volodymyr-zelensky"
    assert asked.source.code == "UKRGOV"


def test_a_newspaper_passing_the_news_on_is_no_actor():
    """"Германия подкрепи плана, пише The Independent": the paper is the source of the report, not the target of
    the support (newspapers and broadcasters were left out as actors only when the KB called them agencies)."""
    doc = vestnik.extract("Германия подкрепи плана, пише The Independent.", published="2018-05-02", lang="bg")
    ev = next(e for e in doc.events if doc.span_text(e.span) == "подкрепи")
    assert ev.source.code == "DEU" and ev.target.code is None


def test_whom_a_statement_was_told_is_no_target():
    """"Песков сообщил журналистам, что ...": the journalists told are no target (the source of a cue in the "что"
    clause stays the one who said it, as PLOVER codes "Russia said that Sudan must return ..."); an embassy is its
    government; a party that will take a law to the Constitutional Court brings a legal case (115)."""
    ru = vestnik.extract("Пресс-секретарь президента РФ Дмитрий Песков сообщил журналистам, что Кремль не исключает "
                         "подписания совместного заявления.", published="2020-03-05", lang="ru")
    sign = next(e for e in ru.events if ru.span_text(e.span) == "подписания")
    assert sign.source.code == "RUSGOV" and sign.target.code is None
    bg = vestnik.extract("Посолството на САЩ в София приветства решението. Лидерът на БСП Корнелия Нинова обяви, че "
                         "партията ще сезира Конституционния съд.", published="2019-07-10", lang="bg")
    evs = {bg.span_text(e.span): e for e in bg.events}
    assert evs["приветства"].source.code == "USAGOV"
    assert evs["сезира"].cameo[:2] in ("11", "03")


def test_military_exercises_are_a_show_of_force_unless_joint():
    """Exercises held near another country are a show of force (150, MOBILIZE); joint ones are military
    cooperation (062)."""
    doc = vestnik.extract("Китайската армия ще проведе военни учения около Тайван. България и Румъния започнаха "
                          "съвместни учения.", published="2023-04-15", lang="bg")
    codes = {doc.span_text(e.span): e.cameo for e in doc.events}
    assert codes["военни учения"] == "150" and codes["съвместни учения"] == "062"


def _by_trigger(text: str, published: str) -> tuple[vestnik.Document, dict]:
    """A Bulgarian text's document and its events by trigger text (the last of a repeated trigger)."""
    doc = vestnik.extract(text, published=published, lang="bg")
    return doc, {doc.span_text(e.span): e for e in doc.events}


def test_an_office_and_its_holder_are_one_actor():
    """"Кметът на Царево Георги Лапчев поиска от правителството спешна помощ": the mayor, his town and his name are
    one source, and the government inside the cue's gap is the target (it had been the mayor's own name); "Лидерът
    на ГЕРБ Бойко Борисов предупреди": one actor (the party had been the source, Борисов its target); the holder of
    an office of an international body is coded as the body, whatever the nationality of the person
    ("Еврокомисарят ... Марта Кос", "Фил Хоган, ирландският еврокомисар", "главният преговарящ на ЕС Мишел Барние")."""
    doc, evs = _by_trigger("Кметът на Царево Георги Лапчев поиска от правителството спешна помощ. Лидерът на ГЕРБ Бойко "
                           "Борисов предупреди, че партията ще оттегли подкрепата си. Еврокомисарят по разширяването "
                           "Марта Кос приветства решението. Фил Хоган, ирландският еврокомисар в Брюксел, ще предупреди "
                           "за рисковете. Главният преговарящ на ЕС Мишел Барние отхвърли британското предложение.",
                           "2018-09-06")
    ask = evs["поиска от правителството спешна помощ"]
    assert doc.span_text(ask.source.span) == "Кметът на Царево Георги Лапчев"
    assert doc.span_text(ask.target.span) == "правителството" and ask.target.code == "BGRGOV"
    warn, hogan = (e for e in doc.events if doc.span_text(e.span) == "предупреди")
    assert warn.source.entity == "vk:boyko-borissov" and warn.target.span is None
    assert evs["приветства"].source.code == "IGO"
    assert doc.span_text(hogan.source.span) == "Фил Хоган" and hogan.source.code == "IGO"
    assert evs["отхвърли"].source.code == "IGO" and evs["отхвърли"].source.entity == "vk:michel-barnier"


def test_who_tells_and_what_a_quote_says_limit_the_actors():
    """"По данни на регионалните власти ... отломки от свален дрон са повредили ...": the authorities tell, they do
    not strike; "„Врагът ... атакува ...“, написа в Телеграм губернаторът": no target past the quote's end (it had
    been Telegram); "Това поиска председателят на Европейската комисия Жан-Клод Юнкер": the subject after the cue
    (the role had been the date's holder); air defence shooting down drones is force (190)."""
    _doc, evs = _by_trigger("По данни на регионалните власти в Одеска област отломки от свален дрон са повредили "
                            "жилищна сграда. „Врагът продължава да атакува гражданската инфраструктура“, написа в "
                            "Телеграм губернаторът на областта Олег Кипер. Украинските сили са свалили 23 руски дрона "
                            "през нощта. Това поиска председателят на Европейската комисия Жан-Клод Юнкер.", "2018-03-14")
    assert evs["дрон"].source.span is None
    assert evs["атакува"].target.span is None
    down = evs["свалили 23 руски дрона"]
    assert down.cameo == "190" and down.source.code == "UKR" and down.target.code == "RUS"
    ask = evs["поиска"]
    assert ask.source.entity == "vk:jean-claude-juncker" and ask.source.code == "IGO"


def test_a_headline_s_event_is_a_mention_and_a_participle_after_a_comma():
    """The headline's act is coded where it is told, as the report's sentence is (each mention is an event, with its
    own evidence; until stop 40 a headline's act the report told again was dropped, and annotators code both);
    "фирми от Китай, Индия и Иран, обвинени, че ...": the firms are accused (India had accused Iran)."""
    doc = vestnik.extract("ЕС наложи санкции на Русия\n\nБрюксел, 16 декември (БТА)\n\nЕвропейският съюз наложи нови "
                          "санкции на Русия. В черния списък са включени още 52 кораба, както и фирми от Китай, Индия "
                          "и Иран, обвинени, че доставят на Русия стоки с двойна употреба.", published="2024-12-16",
                          lang="bg")
    head = doc.article.headline
    assert head is not None
    assert [(e.span[0] < head[1], e.source.code, e.target.code) for e in doc.events if e.type == "SANCTION"] == [
        (True, "IGO", "RUS"), (False, "IGO", "RUS")]
    accused = next(e for e in doc.events if doc.span_text(e.span) == "обвинени")
    assert accused.source.span is None and accused.target.code == "IRN"


def test_a_supplier_cutting_off_gas_and_the_subject_after_kakto():
    """"„Газпром“ спря доставките на природен газ за България": an embargo (163), no event before; "...,
    както настоява Москва": Moscow demands (the state company before it had been the one demanding)."""
    _doc, evs = _by_trigger("„Газпром“ спря доставките на природен газ за България. Решението е взето, след като "
                            "„Булгаргаз“ отказа да плаща в рубли, както настоява Москва.", "2022-04-27")
    cut = evs["спря доставките"]
    assert cut.cameo == "163" and cut.source.code == "RUSBUS" and cut.target.code == "BGR"
    assert evs["настоява"].source.code == "RUSGOV"


def test_officers_of_a_body_are_one_actor_and_an_adjective_of_no_country_is_none():
    """"Служители на ГДНП задържаха петима души при акция срещу схема за източване на европейски средства": the
    officers and their directorate are one source (the directorate had been the target), and "европейски" (of
    Europe, no country) is no actor."""
    _doc, evs = _by_trigger("Служители на ГДНП задържаха петима души при акция срещу схема за източване на европейски "
                            "средства.", "2024-10-05")
    arrest = evs["задържаха"]
    assert _doc.span_text(arrest.source.span) == "Служители на ГДНП" and arrest.target.span is None


def test_whom_aid_goes_to_and_where_talks_were_held():
    """"ще предостави на Украйна ... военна помощ": "на" before a country is its dative, so Ukraine is the
    target (it had been a place, and "пред български журналисти", whom it was told, the target); "военна" is an
    adjective, no military actor; "обсъдиха днес в Брюксел": the talks were held in Brussels, which is no target."""
    _doc, evs = _by_trigger("Министърът на отбраната Тодор Тагарев каза пред български журналисти, че страната ни ще "
                            "предостави на Украйна нов пакет военна помощ. Министрите на отбраната на страните от НАТО "
                            "обсъдиха днес в Брюксел разходите за отбрана.", "2024-02-14")
    aid = evs["военна помощ"]
    assert aid.source.code == "BGRGOV" and aid.target.code == "UKR"
    talks = evs["обсъдиха"]
    assert talks.source.code == "IGO" and talks.target.code is None


def test_a_role_without_a_country_belongs_to_the_dateline_and_a_court_by_its_third_word():
    """"Кишинев, ... Полицията е задържала 74 души": Moldova's police, the dateline's country, which the text names
    too (Russia, named more, had been taken); "Софийският градски съд остави в ареста кмета": the court is judiciary
    (its role noun is the third word) of the dateline's Bulgaria."""
    doc = vestnik.extract("Молдова обвини Москва в опит за дестабилизация\n\nКишинев, 18 септември (БТА)\n\n"
                          "Молдовското правителство обвини Русия в опит да дестабилизира страната. Полицията е "
                          "задържала 74 души. Кремъл и Москва отхвърлиха обвиненията, съобщи РИА Новости.",
                          published="2025-09-18", lang="bg")
    held = next(e for e in doc.events if doc.span_text(e.span) == "задържала")
    assert held.source.code == "MDACOP"
    doc = vestnik.extract("Съдът остави в ареста кмета\n\nСофия, 3 октомври (БТА)\n\nСофийският градски съд остави в "
                          "ареста кмета на община Своге.", published="2024-10-03", lang="bg")
    court = next(e for e in doc.events if doc.span_text(e.span) == "ареста")
    assert court.source.code == "BGRJUD"


def test_officers_of_a_known_directorate_a_strike_by_its_verb_and_ministers_of_a_bloc():
    """"Служители на ОДМВР-Пловдив задържаха ...": the officers act as the police directorate the KB knows, and the
    town in its name is no target; "нанесоха през нощта удар с дронове": the verb and the weapon are the cue (the
    drones alone had been); "Министрите на отбраната на страните от НАТО обсъдиха": the ministers act as NATO."""
    doc, evs = _by_trigger("Служители на ОДМВР-Пловдив задържаха петима души. Руските сили нанесоха през нощта удар с "
                           "дронове по пристанището на Одеса. Министрите на отбраната на страните от НАТО обсъдиха "
                           "разходите за отбрана.", "2024-05-12")
    held = evs["задържаха"]
    assert doc.span_text(held.source.span) == "Служители на ОДМВР" and held.source.code == "BGRCOP"
    assert held.target.span is None
    strike = evs["нанесоха през нощта удар с дронове"]
    assert strike.cameo == "195" and strike.target.code == "UKRCVL"  # (Odesa's port: a town force strikes, stop 63)
    assert evs["обсъдиха"].source.code == "IGO"


def test_clauses_joined_by_a_have_their_own_actors_and_a_nouns_genitive_acts():
    """"Протестиращите блокираха центъра, а студентите ... призоваха ...": the students call (the protesters had),
    and they are no target of the blockade; "Заплахата от вето на Ирландия": with no subject before it, the
    genitive after the noun is whose veto it is; "на посещение в Китай": the place of a visit is its target,
    "разговаря днес в Атина" is where a talk was held; "обяви за персона нон грата" is an expulsion."""
    _doc, evs = _by_trigger("Протестиращите блокираха центъра на града, а студентите, организатори на шествието, "
                            "призоваха за мирни действия. Заплахата от вето на Ирландия дойде по време на среща в "
                            "Дъблин. Британският премиер е на посещение в Китай. Министърът на външните работи Иван "
                            "Кондов разговаря днес в Атина. Министерството на външните работи обяви за персона нон "
                            "грата двама служители на руското посолство.", "2025-03-15")
    assert evs["блокираха"].target.span is None
    assert _doc.span_text(evs["призоваха"].source.span) == "студентите"
    assert evs["вето"].source.code == "IRL"
    assert evs["на посещение"].target.code == "CHN"
    assert evs["разговаря"].target.span is None
    expel = evs["обяви за персона нон грата"]
    assert expel.cameo == "166" and expel.source.code == "BGRGOV" and expel.target.code == "RUSGOV"


def test_a_reported_clause_and_a_relative_clause_have_their_own_subjects():
    """"Премиерът ... заяви, че Русия е нападнала Украйна": Russia attacked (the premier had been the source);
    "че страната ни ще предостави на Украйна помощ": after a preposition Ukraine is no subject, so the speaker's
    country acts; "мъж, който нападнал съседа си": the man attacked, the police of the main clause did not;
    "Орбан, който досега блокираше решението, е дал съгласието си след среща с Мишел": the veto has no target
    in the main clause."""
    _doc, evs = _by_trigger("Премиерът Николай Денков заяви, че Русия е нападнала Украйна. Министърът на отбраната "
                            "Тодор Тагарев каза, че страната ни ще предостави на Украйна военна помощ. Полицията "
                            "задържа мъж, който нападнал съседа си. Унгарският премиер Виктор Орбан, който досега "
                            "блокираше решението, е дал съгласието си след среща с Шарл Мишел.", "2024-02-01")
    attack = evs["нападнала"]
    assert attack.source.code == "RUS" and attack.target.code == "UKR"
    aid = next(e for t, e in evs.items() if t.startswith("предостави"))
    assert aid.source.code == "BGRGOV" and aid.target.code == "UKR"
    assert evs["нападнал"].source.span is None
    veto = evs["блокираше решението"]
    assert veto.source.code == "HUNGOV" and veto.target.span is None


def test_a_returned_law_an_inverted_passive_and_the_accused_as_subject():
    """"върна за ново обсъждане промените": the president's veto (it had been a release and talks); "където вчера
    бе убит косовски полицай": the subject after the participle is the target (the Serbian president, first in
    the sentence, had been); "Русия обвини Украйна, че е атакувала Курск": the accused attacked, not the accuser."""
    _doc, evs = _by_trigger("Президентът Румен Радев върна за ново обсъждане промените в Закона за съдебната власт. "
                            "Сръбският президент Александър Вучич обвини Албин Курти, че провокира насилие в Северно "
                            "Косово, където вчера бе убит косовски полицай. Русия обвини Украйна, че е атакувала "
                            "Курск.", "2023-09-25")
    veto = evs["върна за ново обсъждане"]
    assert veto.cameo == "129" and veto.source.code == "BGRGOV"
    assert evs["убит"].source.span is None and _doc.span_text(evs["убит"].target.span) == "косовски полицай"
    attack = evs["атакувала"]
    assert attack.source.code == "UKR" and attack.target.code == "RUSCVL"  # (a town force strikes: its people)


def test_a_clause_after_a_with_its_own_subject_and_a_place_near_a_town():
    """", а представителите на „Продължаваме промяната“ подкрепиха документа": the clause names its own subject, so
    the MEP of the clause before is no source of its support; "рафинерията си край Бургас": a place near a town is
    no target of talks; "Омбудсманът на Украйна" is an official."""
    _doc, evs = _by_trigger("Евродепутатът от ГЕРБ Андрей Новаков се въздържа, а представителите на „Продължаваме "
                            "промяната“ подкрепиха документа. Руската компания Лукойл е започнала преговори за продажба "
                            "на рафинерията си край Бургас. Омбудсманът на Украйна Дмитро Лубинец обвини Москва в "
                            "изтезания.", "2024-11-12")
    assert evs["подкрепиха"].source.entity == "vk:we-continue-the-change"  # (the party, in the KB since stop 33)
    assert evs["преговори"].target.span is None
    assert evs["обвини"].source.code == "UKRGOV" and evs["обвини"].target.code == "RUSGOV"


def test_adjectives_of_a_cue_are_no_events():
    """"поздравителното писмо" (a congratulatory letter) praises no one, "британският преговорен екип" holds no
    talks: the adjectives start like the cues "поздрави*" and "преговор*" (the seed page had two SUPPORT events for
    its letter)."""
    _doc, evs = _by_trigger("Поздравителното писмо е изпратено на 17 декември. Британският преговорен екип пристигна в "
                            "Брюксел.", "2024-12-18")
    assert not evs


def test_actors_of_the_source_phrase_and_of_a_trailing_attribution_are_no_targets():
    """"Върховният комисар на ООН за бежанците ... призова", "„Грийнпийс – България“ разкритикува": the source's own
    phrase names no target (they had been the refugees and Bulgaria); "..., уточни председателят ... Илия Проданов":
    the quotes layer's trailing cue ends the clause, so the speaker is no target either; "задържан ... по
    разпореждане на прокурор": the prosecutor ordered it (the prosecutor had been the target)."""
    _doc, evs = _by_trigger("Върховният комисар на ООН за бежанците Филипо Гранди призова международната общност да "
                            "увеличи помощта. Екологичната организация „Грийнпийс – България“ разкритикува проекта. "
                            "Протестиращите настояват за компенсации за сушата, уточни председателят на асоциацията "
                            "Илия Проданов. Шофьорът е задържан за 72 часа по разпореждане на прокурор.", "2025-02-05")
    assert evs["призова"].source.code == "IGOREF" and evs["призова"].target.span is None
    assert evs["разкритикува"].source.code == "NGOENV" and evs["разкритикува"].target.span is None
    assert evs["настояват"].target.span is None
    assert _doc.span_text(evs["задържан"].source.span) == "прокурор" and evs["задържан"].target.span is None


def test_an_act_named_again_by_its_noun_is_a_mention_of_it():
    """"Турската полиция задържа кмета ... нарече задържането си „преврат“ ... задържането е „удар по
    демокрацията“": the definite noun names the arrest already coded: one more mention of it (Bulgarian codes every
    mention, ``code_repeats``), with its actors (it had been coded with the mayor and a German spokesman as who
    arrested; until stop 41 it was no event); "информираха от държавното обвинение" is the prosecution, no charge;
    "ще атакува решението в съда" is a lawsuit, not a threat of force."""
    _doc, evs = _by_trigger("Турската полиция задържа кмета на Истанбул Екрем Имамоглу. Имамоглу нарече задържането си "
                            "„преврат“. Говорителят на германското правителство заяви, че задържането е удар по "
                            "демокрацията. Прокуратурата е образувала досъдебно производство, информираха от "
                            "държавното обвинение. Лидерът на опозицията обяви, че ще атакува решението в съда.",
                            "2025-03-19")
    # (stop 73: "нарече задържането си „преврат“" is also the mayor's denunciation of it, ACCUSE)
    assert [_doc.span_text(e.span) for e in _doc.events] == [
        "задържа", "нарече", "задържането", "задържането", "досъдебно производство", "атакува решението в съда"]
    assert {(e.source.code, e.target.code) for e in _doc.events if e.cameo == "173"} == {("TURCOP", "TURGOV")}
    assert evs["атакува решението в съда"].cameo == "115"


def test_a_coordinated_subject_is_the_partner_and_cities_and_adjectives_the_kb_now_holds():
    """"Украйна и Русия размениха по 150 военнопленници с посредничеството на ОАЕ": an exchange of prisoners (no
    event before), with Russia, the coordinated subject, as its target (not the mediator); "Суданската армия обвини
    СБР": Sudan's military ("Суданската" was no country, so the dateline's Switzerland acted); "руски удари по Херсон":
    Kherson is a Ukrainian city of the KB."""
    doc = vestnik.extract("Женева, 8 ноември (БТА) - Украйна и Русия размениха по 150 военнопленници с "
                          "посредничеството на Обединените арабски емирства. Суданската армия обвини СБР в обстрел на "
                          "болница. Руски дронове удариха Херсон.", published="2024-11-08", lang="bg")
    evs = {doc.span_text(e.span): e for e in doc.events}
    swap = next(e for e in doc.events if e.cameo == "084")
    assert (swap.source.code, swap.target.code) == ("UKR", "RUS")
    assert evs["обвини"].source.code == "SDNMIL"
    assert {m.entity for m in doc.mentions} >= {"vk:kherson", "vk:geneva", "vk:sudan"}


def test_an_investment_intermediary_mediates_nothing():
    """"Анализатори от инвестиционния посредник „Елана Трейдинг“": a broker, no mediation (CONSULT 045 was coded)."""
    doc, _evs = _by_trigger("Анализатори от инвестиционния посредник „Елана Трейдинг“ посочиха, че резултатите са над "
                            "очакванията. Норвегия предложи да бъде посредник в преговорите.", "2025-04-30")
    assert [(e.cameo, e.source.code) for e in doc.events] == [("045", "NOR"), ("046", "NOR")]  # (the talks)


def test_a_quoted_party_and_its_leader_are_one_actor():
    """'Съпредседателят на "Продължаваме промяната" Асен Василев призова': the party, now in the KB, names his office;
    the quote marks between do not part them (the party had become the source, without him)."""
    doc, evs = _by_trigger("Съпредседателят на \"Продължаваме промяната\" Асен Василев призова за прозрачни "
                           "преговори.", "2025-03-14")
    assert evs["призова"].source.entity == "vk:asen-vassilev"
    assert "vk:we-continue-the-change" in {m.entity for m in doc.mentions}


def test_a_participle_describing_the_act_just_coded_is_a_mention_of_it():
    """"... договора, който подписаха през юни. Договорът, подписан по време на посещението ...": the participle
    describes the treaty whose signing was just coded: a mention of that signing, with its actors (a second signing
    had been coded, with Putin as its target); "Мей беше разкритикувана от ЕС" after another criticism is a passive
    of its own and stays."""
    doc = vestnik.extract("Русия и КНДР ще прилагат договора, който подписаха през юни. Договорът, подписан по време на "
                          "посещението на Путин в Пхенян, включва пакт за отбрана. ЕС разкритикува Лондон. Мей беше "
                          "разкритикувана от ЕС за плана си.", published="2024-12-18", lang="bg")
    assert [(doc.span_text(e.span), e.source.code, e.target.code) for e in doc.events if e.cameo == "057"] == [
        ("подписаха", "RUS", "PRK"), ("подписан", "RUS", "PRK")]
    crit = [e for e in doc.events if e.cameo == "111"]
    assert len(crit) == 2 and crit[1].source.code == "IGO" and crit[1].target.code == "GBRGOV"


def test_an_invitation_a_level_that_stayed_and_russian_nouns_named_again():
    """"Орбан покани Нетаняху на посещение в Будапеща": Orban hosts (it had been a visit of Orban's to Netanyahu);
    "безработицата се е задържала на 6,3 на сто" stayed, no detention; ru "пакет санкций ... последствий санкций":
    Russian has no article, so a noun cue of an act already coded names it again (four sanctions had been coded)."""
    _doc, evs = _by_trigger("Унгарският премиер Виктор Орбан покани Нетаняху на посещение в Будапеща. В еврозоната "
                            "безработицата се е задържала на 6,3 на сто.", "2024-11-21")
    assert list(evs) == ["покани Нетаняху на посещение"]
    assert (evs["покани Нетаняху на посещение"].cameo, evs["покани Нетаняху на посещение"].source.code) == (
        "043", "HUNGOV")
    ru = vestnik.extract("Кремль негативно оценивает новый пакет санкций Европейского союза. По словам Пескова, Россия "
                         "продолжит принимать меры для минимизации последствий санкций.", published="2024-06-24",
                         lang="ru")
    assert [ru.span_text(e.span) for e in ru.events if e.cameo == "163"] == ["санкций"]


def test_a_village_taken_and_missiles_that_struck():
    """"Руските сили са превзели село Калинове в Донецка област": occupying territory (192; no event before);
    "руски ракети удариха енергиен обект в Харков": an aerial strike (195; the verb alone is no cue) on the town's
    people (UKRCVL since stop 63, as the PLOVER records code a town force strikes; UKR before)."""
    _doc, evs = _by_trigger("Руските сили са превзели село Калинове в Донецка област. Руски ракети удариха енергиен "
                            "обект в Харков.", "2025-06-06")
    assert (evs["превзели"].cameo, evs["превзели"].source.code, evs["превзели"].target.code) == ("192", "RUS", "UKR")
    strike = evs["ракети удариха"]
    assert (strike.cameo, strike.source.code, strike.target.code) == ("195", "RUS", "UKRCVL")


def test_under_attack_is_no_attack():
    """"„Демокрацията е под атака“, написа той": said of something, no attack by anyone (ASSAULT had been coded)."""
    _doc, evs = _by_trigger("„Демокрацията е под атака“, написа той. Руските войски атакуваха Покровск.", "2024-12-06")
    assert list(evs) == ["атакуваха"]


def test_tariffs_a_headline_act_without_a_source_and_an_indefinite_plural():
    """"Тръмп подписа указ за налагане на 25-процентни мита" and "Трюдо обяви ответни мита": tariffs (163; none
    before), the second with no article ("мита" ends like "-та", but the phrase's first word, "ответни", has none);
    КНСБ is a union of the KB (BGRLAB)."""
    doc = vestnik.extract("Железничарите излизат на ефективна стачка от понеделник\n\nСофия, 7 ноември (БТА)\n\n"
                          "Синдикатите в железниците обявиха ефективна стачка от понеделник. Конфедерацията на "
                          "независимите синдикати в България (КНСБ) подкрепи протеста. Американският президент Доналд "
                          "Тръмп подписа указ за налагане на 25-процентни мита върху вноса от Канада. Канадският премиер "
                          "Джъстин Трюдо обяви ответни мита върху американски стоки.", published="2025-11-07", lang="bg")
    # (the headline's strike is a mention of its own since stop 40; the report's sentence names who strikes)
    strikes = [e for e in doc.events if e.cameo == "143"]
    assert [doc.span_text(e.span) for e in strikes] == ["стачка", "стачка"]
    assert strikes[1].source.code == "BGRLAB"
    assert next(e for e in doc.events if e.cameo == "051").source.code == "BGRLAB"
    tariffs = [(e.source.code, e.target.code) for e in doc.events if e.cameo == "163"]
    assert tariffs == [("USAGOV", "CAN"), ("CANGOV", "USA")]


def test_titles_platforms_buildings_adjectives_and_groups_are_no_actors():
    """"Председателят на Националния оперативен щаб ген. Венцислав Мутафчийски призова": one actor past the title
    (the staff had been the source and he the target); "коментира във Фейсбук, че ... консултация": Facebook is
    where it was said (it had been the target); "задържа 18 души след сблъсъци край Министерския съвет": the
    building is where (it had been the target); "президентските избори": an adjective, no president (it had been a
    target); "Лидерът на републиканците в Сената Мич Макконъл гласува против осъждането": he, not the group."""
    doc = vestnik.extract("Председателят на Националния оперативен щаб ген. Венцислав Мутафчийски призова гражданите да "
                          "носят маски. Премиерът Бойко Борисов коментира във Фейсбук, че решението е взето след "
                          "консултация с експерти. Полицията задържа 18 души след сблъсъци край Министерския съвет. "
                          "Кремъл ще изчака резултатите от президентските избори, преди да поздрави победителя. Лидерът на "
                          "републиканците в Сената Мич Макконъл гласува против осъждането.", published="2020-11-12",
                          lang="bg")
    got = {doc.span_text(e.span): (e.source.entity, e.target.entity, e.target.code) for e in doc.events}
    assert got["призова"][:2] == ("vk:ventsislav-mutafchiyski", None)
    assert got["консултация"][:2] == ("vk:boyko-borissov", None)
    assert got["задържа"][1:] == (None, None)
    assert got["поздрави"] == ("vk:kremlin", None, None)
    assert got["осъждането"][0] == "vk:mitch-mcconnell"


def test_a_director_general_and_two_country_adjectives_of_one_group():
    """"Генералният директор Тедрос ... призова": "генералн-" is an adjective, no general (IGOMIL had been the source,
    Tedros the target); "Полски и литовски политици призоваха ЕС": one group, the EU the target (Lithuania had been
    Poland's target)."""
    _doc, evs = _by_trigger("Генералният директор на СЗО Тедрос Аданом Гебрейесус призова държавите да не налагат "
                            "забрани. Полски и литовски политици призоваха ЕС да действа.", "2021-11-29")
    assert (evs["призова"].source.entity, evs["призова"].target.entity) == ("vk:tedros-adhanom-ghebreyesus", None)
    assert (evs["призоваха"].source.code, evs["призоваха"].target.entity) == ("POL", "vk:european-union")


def test_an_agreement_reached_named_again_and_the_us_treasury():
    """"приветстваха постигнатото споразумение": the agreement already coded, by its participle with the article: a
    mention of it (a second AGREE had been coded, Qatar's); "Министерството на финансите на САЩ наложи санкции": the KB's Treasury."""
    doc, evs = _by_trigger("Израел и „Хамас“ постигнаха споразумение за примирие. Катар приветства постигнатото "
                           "споразумение. Министерството на финансите на САЩ наложи санкции на „Роснефт“.", "2025-10-09")
    assert [(doc.span_text(e.span), e.source.code) for e in doc.events if e.cameo == "030"] == [
        ("постигнаха споразумение", "ISR"), ("постигнатото споразумение", "ISR")]
    assert evs["наложи санкции"].source.entity == "vk:us-department-of-the-treasury"


def test_who_reports_a_passive_is_not_its_target():
    """"Полицията съобщи, че 22 души са били задържани": the police report the detention; they were not detained
    (they had been the target). Since stop 81 the 22 people counted are the detained, the target (CVL)."""
    doc, evs = _by_trigger("Полицията съобщи, че 22 души са били задържани за нарушаване на обществения ред.",
                           "2025-03-15")
    tgt = evs["задържани"].target
    assert evs["задържани"].source.span is None and tgt.span is not None and doc.span_text(tgt.span) == "души"


def test_a_phone_call_an_adjective_of_conviction_and_an_eu_office_in_a_local_case():
    """"Мицотакис се обади на Ердоган": a telephone consultation (041), the caller its source (no event had been
    coded); "ще обжалва всяка осъдителна присъда": an adjective, no condemnation (it had been 111); the EU's
    anti-fraud office named twice in a Plovdiv court report does not make the prosecutors the EU's (IGOJUD had
    been their code)."""
    _doc, evs = _by_trigger("Пловдив, 4 март (БТА) - Окръжната прокуратура в Пловдив поиска 10 години затвор за бившия "
                           "кмет. Адвокатът му заяви, че ще обжалва всяка осъдителна присъда. Европейската служба за "
                           "борба с измамите (ОЛАФ) започна разследването през 2019 г.", "2021-03-04")
    assert "осъдителна" not in evs
    assert evs["поиска 10 години затвор"].source.code == "BGRJUD"
    _doc, evs = _by_trigger("Гръцкият премиер Кириакос Мицотакис се обади на Ердоган.", "2020-10-30")
    call = evs["се обади на"]
    assert call.cameo == "041" and call.source.entity == "vk:kyriakos-mitsotakis"
    assert call.target.entity == "vk:recep-tayyip-erdogan"


def test_a_coordinated_subject_s_partner_is_a_target_only_of_a_joint_act():
    """"Унгария и Полша наложиха вето върху ... рамка на ЕС": each vetoes the EU's budget, Poland is no target of
    Hungary's (it had been, over the EU after the cue); "Украйна и Русия размениха ... военнопленници": an exchange is
    done together, the partner is the other party."""
    doc, evs = _by_trigger("Унгария и Полша наложиха вето върху многогодишната финансова рамка на ЕС. Украйна и Русия "
                            "размениха по 150 военнопленници.", "2020-11-16")
    vetoes = [(e.source.entity, e.target.entity) for e in doc.events if e.cameo == "129"]
    assert vetoes == [("vk:hungary", "vk:european-union"), ("vk:poland", "vk:european-union")]  # one each (stop 40)
    swap = evs["размениха по 150 военнопленници"]
    assert (swap.source.entity, swap.target.entity) == ("vk:ukraine", "vk:russia")
    _doc, evs = _by_trigger("Унгария и Полша блокираха бюджета.", "2020-11-16")
    assert evs["блокираха"].target.entity is None


def test_a_reason_clause_has_its_own_subject_and_a_building_is_no_actor():
    """"ЕС не успя да одобри санкциите, тъй като Кипър блокира решението": Cyprus blocks (the EU had been the
    source); "се събраха пред Министерския съвет и Народното събрание на ... протест": the buildings where people
    gathered, named by their bodies, are no source nor target (the government had protested against parliament)."""
    _doc, evs = _by_trigger("ЕС все още не успя да одобри санкциите, тъй като Кипър блокира решението.", "2020-09-21")
    assert evs["блокира решението"].source.entity == "vk:cyprus"
    _doc, evs = _by_trigger("Хиляди души се събраха тази вечер пред Министерския съвет и Народното събрание на поредния "
                            "антиправителствен протест.", "2020-09-02")
    assert evs["протест"].source.entity is None and evs["протест"].target.entity is None


def test_two_known_people_of_one_government_and_a_negated_modal():
    """"Премиерът Бойко Борисов критикува президента Румен Радев": two people with one code (BGRGOV) are still
    source and target (the target had been left out as "the same actor"); "не може да подкрепи": the negation of the
    modal before the infinitive negates the cue (it had been read as plain support)."""
    _doc, evs = _by_trigger("Премиерът Бойко Борисов критикува президента Румен Радев.", "2020-07-10")
    crit = evs["критикува"]
    assert (crit.source.entity, crit.target.entity) == ("vk:boyko-borissov", "vk:rumen-radev")
    _doc, evs = _by_trigger("България не може да подкрепи рамката за преговори на Северна Македония.", "2020-11-17")
    assert "подкрепи" not in evs  # (negated: no event in Bulgarian since stop 78, negated_roots)


def test_regained_control_an_impeachment_and_a_partner_named_after_an_office():
    """"Великобритания си е върнала контрола": regained, nothing returned (it had been 084); "гласува да повдигне
    обвинение срещу президента": the charge in the subjunctive ("повдигне", only "повдигна*" had matched, so a bare
    accusation was coded); "Сръбският президент Александър Вучич и косовският премиер Албин Курти се срещнаха": the
    partner is the other party though the source's name stands between (the EU had been the target), and Kosovo's
    premier is KSVGOV (CAMEO's code, not the ISO code XKX)."""
    _doc, evs = _by_trigger("Великобритания си е върнала контрола над своите закони. Камарата на представителите "
                            "гласува днес да повдигне обвинение срещу президента Доналд Тръмп.", "2021-01-13")
    assert "върнала" not in evs and evs["повдигне обвинение"].cameo == "173"
    _doc, evs = _by_trigger("Сръбският президент Александър Вучич и косовският премиер Албин Курти се срещнаха днес в "
                            "Брюксел по време на диалога, воден с посредничеството на ЕС.", "2021-07-19")
    meet = evs["се срещнаха"]
    assert meet.target.entity == "vk:albin-kurti" and meet.target.code == "KSVGOV"


def test_stones_thrown_at_the_police_are_a_violent_protest():
    """"протестиращи запалиха коли и хвърлиха камъни по полицията": a riot (145) by the protesters against the police
    (nothing had been coded)."""
    _doc, evs = _by_trigger("В Париж протестиращи запалиха коли и хвърлиха камъни по полицията.", "2020-11-28")
    riot = evs["хвърлиха камъни"]
    assert riot.cameo == "145" and riot.source.code == "FRAOPP" and riot.target.code == "FRACOP"


def test_a_pronoun_subject_reaches_a_reported_clause_without_one():
    """"Радев обвини премиера Бойко Борисов ... Той подчерта, че ще подкрепи протестиращите": the clause after "че"
    names no subject, so the sentence's "Той" is the source (none had been given), and it is Radev, whom the quotes
    layer gives the pronoun, not Borisov, the last person named; a clause that names its own subject keeps it ("Той
    заяви, че Русия е нападнала Украйна")."""
    _doc, evs = _by_trigger("Президентът Румен Радев обвини премиера Бойко Борисов, че е създал модел на управление, "
                            "основан на страха. Той подчерта, че ще подкрепи протестиращите. Той заяви, че Русия е "
                            "нападнала Украйна.", "2020-07-11")
    assert evs["подкрепи"].source.entity == "vk:rumen-radev"
    assert evs["нападнала"].source.entity == "vk:russia"


def test_a_named_organisation_after_its_country_s_adjective_is_the_actor():
    """"Израел и палестинската групировка „Хамас“ са постигнали споразумение": Hamas is the other party (the
    adjective had made Palestine the target)."""
    _doc, evs = _by_trigger("Израел и палестинската групировка „Хамас“ са постигнали споразумение за примирие.",
                            "2021-05-20")
    deal = evs["постигнали споразумение"]
    assert (deal.source.entity, deal.target.entity) == ("vk:israel", "vk:hamas")


def test_a_country_after_od_is_a_participle_s_agent_and_a_role_keeps_its_adjective_s_country():
    """"Сирийските правителствени войски, подкрепяни от Русия, ...": Russia supports (the country after "от" had been
    read as where from, and no source was found) Syria's government troops (SYRMIL: "правителствени войски" is one
    role, and an adjective between a country and its role keeps the country: "Сирийските местни власти")."""
    _doc, evs = _by_trigger("Сирийските правителствени войски, подкрепяни от Русия, настъпват в Идлиб.", "2020-03-05")
    sup = evs["подкрепяни"]
    assert (sup.source.entity, sup.target.code) == ("vk:russia", "SYRMIL")
    _doc, evs = _by_trigger("Сирийските местни власти, подкрепяни от Русия, обявиха мобилизация.", "2020-03-05")
    assert evs["подкрепяни"].target.code == "SYRGOV"


def test_the_speaker_after_a_quote_is_the_source_and_kosovo_s_roles_are_ksv():
    """"„Ситуацията остава изключително нестабилна“, предупреди Гроси": he warns (he had been the target of his own
    warning); "командир от Армията за освобождение на Косово": KSV, CAMEO's country letters (XKXMIL had been
    coded); since stop 38 the KB knows the KLA, a rebel army (KSVREB; KSVMIL before, from the role noun)."""
    _doc, evs = _by_trigger("„Ситуацията остава изключително нестабилна“, предупреди Рафаел Гроси.", "2023-12-04")
    assert evs["предупреди"].source.entity == "vk:rafael-grossi"
    _doc, evs = _by_trigger("Съдът осъди бившия командир от Армията за освобождение на Косово Салих Мустафа.",
                            "2023-06-26")
    assert evs["осъди"].target.code == "KSVREB"


def test_stopped_military_aid_is_aid_reduced_not_aid_given():
    """"Словакия спира военната помощ за Украйна", "... реши да спре доставките на оръжие за Украйна": aid stopped
    (162; the weapons had been coded as aid given, 072, and the present "спира" matched nothing), by Robert Fico's
    government."""
    _doc, evs = _by_trigger("Словакия спира военната помощ за Украйна. Новото словашко правителство на премиера Роберт "
                            "Фицо реши да спре доставките на оръжие за Украйна.", "2023-10-26")
    assert evs["спира военната помощ"].cameo == "162"
    stop = evs["спре доставките на оръжие"]
    assert stop.cameo == "162" and stop.source.entity == "vk:robert-fico" and stop.target.entity == "vk:ukraine"


def test_a_coordinated_verb_keeps_its_object_and_an_earlier_clause_s_report_is_no_target():
    """"осъди атаката и призова българските граждани да ...": the citizens are whom the ministry appealed to, not
    whom it condemned (they had been the target of both); "Байдън каза, че падането на Асад е ..., но предупреди,
    че ще ...": Assad, inside what the first clause reported, is not whom Biden warns (he had been the target). (The
    warning was "че моментът е рискован", a forecast no longer coded: _foretold.)"""
    _doc, evs = _by_trigger("Министерството на външните работи осъди атаката и призова българските граждани в района да "
                            "спазват мерките за сигурност.", "2023-10-07")
    assert evs["осъди"].target.span is None and evs["призова"].target.code == "BGRCVL"
    _doc, evs = _by_trigger("Американският президент Джо Байдън каза, че падането на Асад е „акт на справедливост“, но "
                            "предупреди, че ще реагира твърдо.", "2024-12-08")
    assert evs["предупреди"].source.entity == "vk:joe-biden" and evs["предупреди"].target.span is None


def test_an_organisation_after_its_country_s_adjective_and_two_words_acts_and_an_unknown_target_is_the_report_s():
    """"Палестинската ислямистка групировка „Хамас“ изстреля хиляди ракети": Hamas fires (Palestine, the adjective
    two words before it, had been the source); "Унгарският премиер ... поздрави Тиери Боде" in a report from
    Amsterdam: a person the KB lacks is the Netherlands', the report's country (he had taken the source's, HUN).
    (Since stop 82 a person named in full with no office is coded a civilian, NLDCVL: wrong for a party leader the
    text gives no office; the country is what this tests.)"""
    _doc, evs = _by_trigger("Палестинската ислямистка групировка „Хамас“ изстреля хиляди ракети срещу Израел.", "2023-10-07")
    assert evs["изстреля хиляди ракети"].source.entity == "vk:hamas"
    _doc, evs = _by_trigger("Амстердам, 23 ноември (БТА) - Нидерландия гласува днес. Унгарският премиер Виктор Орбан "
                            "поздрави Тиери Боде.", "2023-11-23")
    assert (evs["поздрави"].target.code or "")[:3] == "NLD"


def test_figures_of_speech_and_offices_are_no_attacks_charges_or_protests():
    """ru "назвал мятеж ударом в спину", en "the special agent in charge of the office", "a campaign rally": none is
    an event (they had been coded as an assault, an arrest and a protest)."""
    ru = vestnik.extract("Путин назвал мятеж ударом в спину.", published="2023-06-24", lang="ru")
    en = vestnik.extract("Kevin Rojek, the special agent in charge of the field office, spoke at a campaign rally in "
                         "Butler.", published="2024-07-14", lang="en")
    assert [e.cameo for e in ru.events] == [] and [e.cameo for e in en.events] == []


def test_negated_light_verbs_clauses_of_while_and_facing_an_attack():
    """"Техеран няма да води преговори, докато Израел продължава атаките си": negated (the light verb "води" had hidden
    "няма да"), and Israel, in the "докато" clause, is not the other party; "Молдова е изправена пред атака": who
    faces an attack does not make it; "поискан и получен подкуп": a bribe, no request; "изразиха подкрепата си за
    Зеленски": support (only "изрази подкрепа" had matched)."""
    _doc, evs = _by_trigger("Техеран няма да води преговори, докато Израел продължава атаките си.", "2025-06-18")
    assert "преговори" not in evs  # negated: no event in Bulgarian since stop 78 (negated_roots)
    _doc, evs = _by_trigger("Техеран ще води преговори, докато Израел продължава атаките си.", "2025-06-18")
    assert evs["преговори"].target.span is None
    doc, evs = _by_trigger("Молдова е изправена пред безпрецедентна атака срещу демокрацията. Той е обвинен за поискан и "
                           "получен подкуп. Европейските лидери изразиха подкрепата си за Зеленски.", "2024-10-21")
    # ("е обвинен" is an accusation, since stop 40)
    assert [e.cameo for e in doc.events] == ["112", "051"]
    assert evs["изразиха подкрепата"].target.entity == "vk:volodymyr-zelensky"


def test_a_platform_after_a_possessive_is_where_and_us_before_an_office_ends_no_sentence():
    """"Trump wrote on his Truth Social platform that ...": the platform is where he wrote, no target (it had been
    the target of two events); "Russian President Vladimir Putin and U.S. President Donald Trump held a phone call":
    "U.S." before "President" ends no sentence (the sentence had been cut there, and Trump called Ukraine)."""
    doc = vestnik.extract("Trump wrote on his Truth Social platform that the two sides would start negotiations.",
                          published="2025-02-12", lang="en")
    assert all(e.target.entity != "vk:truth-social" for e in doc.events)
    doc = vestnik.extract("Kremlin says leaders spoke\n\nMOSCOW, Feb 12 (Reuters) - Russian President Vladimir Putin "
                          "and U.S. President Donald Trump held a lengthy phone call on Wednesday.",
                          published="2025-02-12", lang="en")
    call = next(e for e in doc.events if e.cameo == "041")
    assert (call.source.entity, call.target.entity) == ("vk:vladimir-putin", "vk:donald-trump")


def test_the_agency_in_a_dateline_is_not_its_country_and_aid_mobilised_is_aid():
    """"Найпидо, 28 март (БТА) - ...": the report's country is Myanmar's (BTA's Bulgaria, read in the dateline, had
    made a general the KB lacks BGRMIL); "мобилизира помощ за засегнатите райони" is aid (070), not a mobilisation."""
    _doc, evs = _by_trigger("Найпидо, 28 март (БТА) - Земетресение разтърси Мианмар. Военната хунта в Мианмар съобщи "
                            "за 144 загинали. Заместникът на лидера на хунтата генерал Со Уин призова за помощ. "
                            "Министерството на външните работи на България съобщи, че няма пострадали българи. "
                            "Генералният секретар на ООН заяви, че организацията мобилизира помощ за засегнатите "
                            "райони.", "2025-03-28")
    assert evs["призова"].source.code == "MMRMIL"
    assert evs["мобилизира помощ за"].cameo == "070"


def test_hostages_as_a_noun_and_credit_claimed_are_no_acts():
    """"the 98 hostages held in Gaza" and "claimed credit for the deal" had been coded as hostage-taking and as
    economic aid; "whom they had taken hostage" still is an abduction."""
    doc = vestnik.extract("The deal will see 33 of the 98 hostages held in Gaza released. Trump claimed credit for the "
                          "deal. The rebels had taken hostage 30 members of the government.", published="2025-01-18",
                          lang="en")
    assert [e.cameo for e in doc.events if e.cameo in ("181", "071")] == ["181"]


def test_the_genitive_of_a_mediation_or_an_attack_acts():
    """"Украйна и Русия размениха ... пленници при посредничеството на Обединените арабски емирства": the UAE
    mediates, for Ukraine (Ukraine had mediated with Russia)."""
    doc, _evs = _by_trigger("Украйна и Русия размениха по 150 военнопленници при посредничеството на Обединените "
                            "арабски емирства.", "2024-08-25")
    mediation = [(e.source.entity, e.target.entity) for e in doc.events if doc.span_text(e.span) == "посредничеството"]
    # (for each of the coordinated parties, since stop 40)
    assert mediation == [("vk:united-arab-emirates", "vk:ukraine"), ("vk:united-arab-emirates", "vk:russia")]


def test_a_phrase_cue_does_not_run_across_a_comma():
    """"чакат помощ, за да извадят близките си": no "помощ за" (aid for) across the comma, and no aid event; "изпрати
    помощ за Турция" still is one."""
    _doc, evs = _by_trigger("Жители на Хатай се оплакват, че чакат помощ, за да извадят близките си изпод развалините. "
                            "Германия изпрати помощ за Турция.", "2023-02-07")
    assert [k for k, e in evs.items() if e.cameo == "070"] == ["помощ за"]
    assert evs["помощ за"].source.entity == "vk:germany"


def test_a_clause_after_while_or_but_has_its_own_subject():
    """"Protesters stormed parliament ..., while police opened fire on crowds": the police fired (the protesters had);
    ", but was still refusing ...": a clause with no subject of its own keeps the sentence's."""
    doc = vestnik.extract("Protesters stormed Kenya's parliament on Tuesday after lawmakers voted to approve tax "
                          "increases, while police opened fire on crowds. Sudan opened its border to most refugees, but "
                          "was still refusing entry to Eritreans.", published="2024-06-25", lang="en")
    evs = {doc.span_text(e.span): e for e in doc.events}
    assert doc.span_text(evs["opened fire"].source.span) == "police"
    assert evs["refusing"].source.entity == "vk:sudan"


def test_without_negates_and_a_street_is_no_actor():
    """"..., без унгарският премиер изрично да го подкрепи": Orbán's support, negated (it had been Scholz's, for
    Orbán); "на проспекте Руставели", "бул. „Цар Освободител“": streets named after someone are no targets."""
    _doc, evs = _by_trigger("Германският канцлер Олаф Шолц е предложил на Орбан да излезе от залата, без унгарският "
                            "премиер изрично да го подкрепи. Протестиращите блокираха бул. „Цар Освободител“.",
                            "2023-12-14")
    assert "подкрепи" not in evs  # negated: no event in Bulgarian since stop 78 (negated_roots)
    assert evs["блокираха"].target.span is None
    doc = vestnik.extract("Зурабишвили призвала сторонников выйти на акцию протеста на проспекте Руставели.",
                          published="2024-10-27", lang="ru")
    call = next(e for e in doc.events if doc.span_text(e.span) == "призвала")
    assert call.target.span is None or doc.span_text(call.target.span) != "Руставели"


def test_an_office_named_for_aid_gives_none():
    """"Европейският комисар по хуманитарната помощ Христос Стилианидис каза ...": an office, no aid event (the
    commissioner had been given humanitarian aid)."""
    _doc, evs = _by_trigger("Европейският комисар по хуманитарната помощ Христос Стилианидис каза, че ЕС е готов да "
                            "изпрати екипи. ЕС изпрати хуманитарна помощ на Албания.", "2019-11-26")
    assert [k for k, e in evs.items() if e.cameo.startswith("07")] == ["изпрати хуманитарна помощ"]


def test_an_act_after_without_is_negated():
    """"освободен без повдигнато обвинение": no charge was brought (it had been a charge); "повдигна обвинение" is one."""
    _doc, evs = _by_trigger("Борисов беше освободен без повдигнато обвинение. Прокуратурата повдигна обвинение на "
                            "Горанов.", "2022-03-18")
    # (negated: no event in Bulgarian since stop 78, negated_roots)
    assert "повдигнато обвинение" not in evs and not evs["повдигна обвинение"].negated


def test_orderly_is_no_order():
    """"systematic, orderly, smooth and coordinated disarmament": no request (the stem "order*" had matched)."""
    doc = vestnik.extract("The parties have agreed to the cessation of hostilities as well as systematic, orderly, smooth "
                          "and coordinated disarmament. The court ordered the release of the journalists.",
                          published="2022-11-02", lang="en")
    assert [doc.span_text(e.span) for e in doc.events if e.cameo.startswith("10")] == ["ordered"]


def test_court_acts_told_by_participles_and_each_member_of_a_list():
    """A court's acquittal ("оправда"), a release and an accusation told by participles ("освободена от затвора",
    "бе обвинена"), years spent in prison, and "поиска помощ от САЩ, Великобритания и Канада": an event per country
    of the list, the first one too although "от" names it like a place (none of these was coded before stop 40);
    "пребиваване" (a stay) is no beating."""
    doc = vestnik.extract("Съд в Пакистан оправда християнка, осъдена на смърт за богохулство. Асия Биби, освободена "
                          "от затвора в нощта срещу четвъртък, е на сигурно място. Тя прекара осем години в затвора. "
                          "През 2009 г. Биби бе обвинена в богохулство. Пакистан поиска помощ от САЩ, Великобритания и "
                          "Канада. Временното пребиваване в страната е разрешено.", published="2018-11-10", lang="bg")
    coded = [(doc.span_text(e.span), e.type) for e in doc.events]
    assert coded[:5] == [("оправда", "CONCEDE"), ("осъдена", "COERCE"), ("освободена от затвора", "RETREAT"),
                         ("прекара осем години в затвора", "COERCE"), ("обвинена", "ACCUSE")]
    assert doc.events[0].source.code == "PAKJUD"
    asked = [(e.source.code, e.target.code) for e in doc.events if e.cameo == "103"]
    assert sorted(asked) == [("PAK", "CAN"), ("PAK", "GBR"), ("PAK", "USA")]
    assert not any(e.type == "ASSAULT" for e in doc.events)


def test_agreements_oppositions_and_threats_told_without_the_usual_verb():
    """"ЕС и Великобритания договориха условията", "са се споразумели", "са съгласни, че": agreements; "Повечето
    институции са против", "Той отхвърля призивите": rejections; "на фона на заплахи за насилие": threats (none was
    coded before stop 40). The appeals rejected are the EU's, an event too since stop 75 (the noun "призив", coded as a
    verb cue's object like any noun cue in Bulgarian: ``object_nouns``)."""
    doc = vestnik.extract("ЕС и Великобритания договориха условията на преходния период. Двете страни са се "
                          "споразумели по голяма част от договора. Преговарящите са съгласни, че това е успех. "
                          "Повечето институции са против разширението. Кремъл отхвърля призивите на ЕС. Съдът "
                          "реши делото на фона на заплахи за насилие.", published="2018-03-19", lang="bg")
    assert [(doc.span_text(e.span), e.type) for e in doc.events] == [
        ("договориха", "AGREE"), ("споразумели", "AGREE"), ("съгласни, че", "AGREE"), ("са против", "REJECT"),
        ("отхвърля", "REJECT"), ("призивите", "REQUEST"), ("заплахи за насилие", "THREATEN")]


def test_every_mention_of_a_bulgarian_act_and_the_acts_of_stop_41():
    """Bulgarian codes each mention (``code_repeats``, ``object_nouns`` in its event_modality.toml): the protests a
    decision set off ("предизвика протести"), a sentence told again by its participle (173, COERCE: annotators of
    Bulgarian reports code a sentence so; it had been 116, ACCUSE), an acquittal and a release told by passives,
    threats "след заплахи", people put up in a hotel and food vouchers (aid), sanctions (SANCTION) and sanctions
    announced ("готови да наложат санкции": a threat, 131), an approval (consent, AGREE) and a possibility ruled out
    (REJECT); "освободен от длъжност" is no release."""
    _doc, evs = _by_trigger("Решението на съда да отмени присъдата предизвика протести в Пакистан. Асия Биби, осъдена на "
                           "смърт през 2010 г., бе освободена. Тя беше оправдана от Върховния съд. Адвокатът ѝ "
                           "напусна страната след заплахи. Пътниците бяха настанени в хотел и получиха ваучери за "
                           "храна. САЩ наложиха санкции на Русия. САЩ са готови да наложат санкции на компаниите. "
                           "Министърът беше освободен от длъжност. Финландия одобри строежа на газопровода. Мей "
                           "изключи възможността за нов референдум.", "2018-11-10")
    got = {t: (e.type, e.cameo) for t, e in evs.items()}
    assert got["протести"] == ("PROTEST", "140")
    assert got["осъдена"] == ("COERCE", "173")
    assert got["бе освободена"] == ("RETREAT", "084")
    assert got["беше оправдана"] == ("CONCEDE", "081")
    assert got["след заплахи"] == ("THREATEN", "130")
    assert got["настанени в хотел"] == ("AID", "073") and got["ваучери за храна"] == ("AID", "073")
    assert got["наложиха санкции"] == ("SANCTION", "163") and got["наложат санкции"] == ("THREATEN", "131")
    assert not any("освободен от" in t for t in evs)
    assert got["одобри"] == ("AGREE", "030") and got["изключи възможността"] == ("REJECT", "120")



def test_a_person_named_once_by_country_word_is_of_that_country():
    """"Франция е готова да приеме пакистанката Асия Биби, оправдана от Върховния съд": the woman the KB does not know
    is Pakistan's, here and when a later sentence names her alone (she had taken France, the sentence's first country,
    and nothing where no country was named); named by a demonym and no office, she is its civilian (PAKCVL; PAK
    until stop 76)."""
    doc = vestnik.extract("Париж, 9 ноември (БТА) - Франция е готова да приеме пакистанката Асия Биби, оправдана от "
                          "Върховния съд. Френските власти приютиха Асия Биби.", published="2018-11-09", lang="bg")
    assert [(doc.span_text(e.span), e.source.code, e.target.code) for e in doc.events] == [
        ("оправдана от", None, "PAKCVL"), ("приютиха", "FRAGOV", "PAKCVL")]


def test_a_sanction_in_the_plain_future_is_the_sanction_and_one_offered_a_threat():
    """"The EU said it would impose new sanctions on Iran": a sanction announced (SANCTION, 163); "ready to impose
    sanctions" and "готови да наложат санкции" are threats (131). Until stop 41 root 16 under any intent word stayed
    a sanction."""
    said = vestnik.extract("The European Union said it would impose new sanctions on Iran.", published="2024-03-01",
                           lang="en")
    ready = vestnik.extract("Washington is ready to impose sanctions on the pipeline companies.",
                            published="2024-03-01", lang="en")
    assert [(e.type, e.cameo) for e in said.events] == [("SANCTION", "163")]
    assert [(e.type, e.cameo) for e in ready.events] == [("THREATEN", "131")]


def test_stop42_bulgarian_cues_perfect_forms_permits_contacts_and_warnings():
    """Cues the 51 annotated reports and 8 more scored blind missed: the neuter perfect ("правителството е
    настояло"), disapproval ("изразиха неодобрението си", one event per country), permits issued (AGREE, as
    approvals are), staying in contact and phone calls (CONSULT), "се нахвърлиха на" (a row whose
    alternatives held a space and never matched), a demanded resignation, and a warning against something, which the
    annotators code as an appeal (REQUEST), not a threat. "във връзка с" is no contact, and "иска да отиде" (wants
    to) no demand."""
    _doc, evs = _by_trigger(
        "Британското правителство е настояло пред ЕС да бъде обсъден по-дълъг преходен период. Латвия, Литва и Полша "
        "изразиха неодобрението си за газопровода. Миналия месец властите в Германия издадоха окончателните "
        "разрешителни. Държим връзка с летищните власти. Лично аз се обаждах в българското посолство. Бесни пасажери се нахвърлиха на авиокомпанията. Кметът на Лондон иска "
        "оставката на министъра. България предупреди Мей срещу плановете за промяна на правата. Полицията търси "
        "информация във връзка с инцидента. Тя иска да отиде в Германия.", "2018-02-01")
    got = {t: (e.type, e.cameo) for t, e in evs.items()}
    assert got["настояло"] == ("REQUEST", "100")
    assert got["изразиха неодобрението"] == ("ACCUSE", "110")
    assert sorted(e.source.code for e in _doc.events if e.cameo == "110") == ["LTU", "LVA", "POL"]
    assert got["издадоха окончателните разрешителни"] == ("AGREE", "030")
    assert got["Държим връзка с"] == ("CONSULT", "040") and got["се обаждах в"] == ("CONSULT", "041")
    assert got["се нахвърлиха на"] == ("ACCUSE", "111")
    assert got["иска оставката"] == ("REQUEST", "104")
    assert got["предупреди Мей срещу"] == ("REQUEST", "020")
    assert not any("връзка" in t for t in got if t != "Държим връзка с") and "иска" not in got


def test_stop42_concessions_agreement_and_rejection_by_predicate():
    """"Правителството на Мей направи отстъпка" (CONCEDE 080), "постигнахме съгласие" (AGREE 030), "предложението на ЕС
    е напълно неприемливо" (REJECT 120), as the second blind set coded them; "ценови отстъпки" have no verb and are
    no concession, and "Правителството" is no form of "прави"."""
    _doc, evs = _by_trigger("Правителството на Мей направи отстъпка по проектозакона. През декември ние постигнахме "
                            "съгласие за предпазен механизъм, но предложението на ЕС е напълно неприемливо. Магазините "
                            "обявиха големи ценови отстъпки.", "2018-06-14")
    got = {t: (e.type, e.cameo) for t, e in evs.items()}
    assert got == {"направи отстъпка": ("CONCEDE", "080"), "постигнахме съгласие": ("AGREE", "030"),
                   "е напълно неприемливо": ("REJECT", "120")}


def test_approval_or_support_refused_is_a_rejection():
    """"Латвия, Литва и Полша не одобряват изграждането", "Парламентът не подкрепи плана": a refusal stated (REJECT,
    120, one event per country), not an approval denied (AGREE with the negation flag until stop 42); "ако не бъде
    постигнато споразумение" stays an agreement not reached (negated); since stop 44 an act under "ако" is supposed,
    no event ("ако не бъде постигнато споразумение")."""
    doc = vestnik.extract("Латвия, Литва и Полша не одобряват изграждането на газопровода. Парламентът не подкрепи "
                          "плана. Ако не бъде постигнато споразумение с ЕС, фирмата ще напусне. Не бе постигнато "
                          "споразумение.", published="2018-06-18", lang="bg")
    got = [(doc.span_text(e.span), e.cameo, e.negated) for e in doc.events]
    # (the agreement not reached is no event in Bulgarian since stop 78, negated_roots)
    assert got == [("одобряват", "120", False)] * 3 + [("подкрепи", "120", False)]
    assert [e.source.code for e in doc.events[:3]] == ["LVA", "LTU", "POL"]


def test_a_demand_of_someone_and_a_complaint():
    """"Полша иска от ЕС да ускори ...": asking something of someone is a demand (REQUEST, 100), where "иска" alone
    stays a wish; "Лекари ... се оплакаха на премиера, че ..." and "..., оплака се потърпевша" complain (114)."""
    _doc, evs = _by_trigger("Полша иска от ЕС да ускори работата по газовата директива. Лекари от 68 британски болници "
                            "се оплакаха на премиера Тереза Мей, че пациенти умират по коридорите. Полша иска да "
                            "построи нов газопровод.", "2018-06-18")
    got = {t: (e.type, e.cameo, e.source.code, e.target.code) for t, e in evs.items()}
    assert got == {"иска от ЕС да": ("REQUEST", "100", "POL", "IGO"),
                   "се оплакаха": ("ACCUSE", "114", "GBRHLH", "GBRGOV")}


def test_the_forms_a_verb_stem_misses():
    """Stems ending in the vowel of the aorist missed the present and plural of perfective verbs and their passive
    participles (the 918 BSNLP reports: "постигне" 73 times, "срещне" 50, "заведоха" beside "заведе*"): "Тръмп ще
    се срещне с Мей", "Газпром и Нафтогаз заведоха искове", "положението на Биби е обсъдено", "условията,
    договорени през миналата година"."""
    _doc, evs = _by_trigger("Тръмп ще се срещне с Тереза Мей в Давос. Газпром и Нафтогаз заведоха дело в арбитражния "
                            "съд. Положението на Биби е обсъдено с канадския министър. Според условията, договорени "
                            "през миналата година, гражданите остават.", "2018-01-20")
    got = {t: e.type for t, e in evs.items()}
    # ("ще се срещне": the planned meeting, CONSULT, since stop 78)
    assert got == {"ще се срещне": "CONSULT", "заведоха дело": "ACCUSE", "обсъдено": "CONSULT", "договорени": "AGREE"}


def test_an_event_word_inside_a_name_and_appeals():
    """"фондация „Помощ за страдащата Църква“" names a foundation, no aid (a cue inside a longer organisation's
    name is no event); "с директен апел към ... да помогнат", "ще обжалват решението" (appeals: REQUEST, as the
    annotators of eval/bggold code them), "са влезли в контакт с летищните власти" (CONSULT)."""
    _doc, evs = _by_trigger("Папската фондация „Помощ за страдащата Църква“ организира бдение. Министрите излязоха с "
                            "директен апел към лидерите на германския бизнес да помогнат. Адвокатите ще обжалват "
                            "решението пред Върховния съд. Служители на посолството са влезли в контакт с летищните "
                            "власти.", "2018-03-15")
    assert {t: e.type for t, e in evs.items()} == {"апел към": "REQUEST", "обжалват": "REQUEST",
                                                    "влезли в контакт с": "CONSULT"}


def test_trials_and_threats_of_death():
    """"Съдебният процес на Азия Биби ..." (a trial: COERCE, as the guide of eval/bggold lists it), "се заканиха да я
    убият" (THREATEN)."""
    _doc, evs = _by_trigger("Съдебният процес на Азия Биби продължава. Хиляди протестираха срещу нея и се заканиха да "
                            "я убият.", "2016-10-13")
    got = {t: e.type for t, e in evs.items()}
    assert got["Съдебният процес"] == "COERCE" and got["заканиха"] == "THREATEN"


def test_bulgarian_demands_conditions_custody_deals_and_going_back() -> None:
    """Stop 44, from the blind annotation of eval/bggold (rounds 11-12): "искат X" and "искаха Y да" are demands,
    "иска да отиде" a wish of one's own and "не иска" a rejection; an act under "ако" is supposed, no event; taking
    someone to prison is COERCE, a beating ASSAULT, buying a company a deal (AGREE); "се върнаха при близки" is going
    back, no release; "отрича обвиненията" rejects the charges without accusing anyone again."""
    def coded(text: str) -> list[tuple[str, str]]:
        doc = vestnik.extract(text, published="2018-06-18", lang="bg")
        return [(doc.span_text(e.span), e.type) for e in doc.events]

    assert coded("Британците искат военно сътрудничество с ЕС.")[0] == ("искат", "REQUEST")
    assert coded("Ислямисти искаха съдиите да бъдат убити.")[0] == ("искаха", "REQUEST")
    assert coded("Асия Биби иска да отиде в Германия.") == []
    assert coded("Лондон не иска достъп до единния пазар.") == [("иска", "REJECT")]
    assert coded("Ако САЩ наложат санкции, Русия ще отговори.") == []
    assert coded("САЩ наложиха санкции на Русия.") == [("наложиха санкции", "SANCTION")]
    assert coded("Пристигащите полицаи я отвеждат в затвора.") == [("отвеждат в затвора", "COERCE")]
    assert coded("Те обвинили я в лъжа и я били.") == [("обвинили", "ACCUSE"), ("я били", "ASSAULT")]
    assert coded("Райънеър купува авиокомпанията на Ники Лауда.") == [("купува авиокомпанията", "AGREE")]
    assert coded("Някои се върнаха при близки в Берлин.") == []
    assert coded("Тя отрича обвиненията в оскърбяване на пророка.") == [("отрича обвиненията", "REJECT")]


def test_a_sanction_in_prospect_is_a_threat_and_one_about_to_come_is_the_sanction() -> None:
    """Stop 46 (blind round 17 and eval/bggold, 12 of 12): a sanction said to be possible, not ruled out or feared is
    THREATEN; one the speaker is about to impose ("на път да") or will impose ("ще") is the sanction."""
    def coded(text: str) -> list[tuple[str, str]]:
        doc = vestnik.extract(text, published="2018-05-17", lang="bg")
        return [(doc.span_text(e.span), e.type) for e in doc.events]

    assert coded("САЩ не изключват санкции срещу компаниите.") == [("санкции", "THREATEN")]
    assert coded("Всеки проект може да бъде засегнат от санкции.") == [("санкции", "THREATEN")]
    assert coded("Вашингтон разглежда възможността да наложи санкции срещу проекта.") == [
        ("наложи санкции", "THREATEN")]
    assert coded("САЩ са на път да наложат санкции на енергийни компании.") == [("наложат санкции", "SANCTION")]
    assert coded("САЩ ще наложат санкции на компанията.") == [("наложат санкции", "SANCTION")]


def test_a_charge_a_court_tried_riots_and_a_complaint_filed() -> None:
    """Stop 46 (round 17 and eval/bggold): "по обвинението" is the charge tried (no accusation; 0 of 8 coded),
    riots and stones thrown in any tense are a violent protest, a complaint filed against someone an accusation."""
    def coded(text: str) -> list[tuple[str, str]]:
        doc = vestnik.extract(text, published="2018-11-03", lang="bg")
        return [(doc.span_text(e.span), e.type) for e in doc.events]

    assert coded("Съдът оправда Асия Биби по обвинението за светотатство.") == [("оправда", "CONCEDE")]
    assert coded("Протести и размирици в Пакистан.") == [("Протести", "PROTEST"), ("размирици", "PROTEST")]
    assert coded("Те хвърляха камъни по полицаите.") == [("хвърляха камъни", "PROTEST")]
    assert coded("Срещу мъжа е подадено оплакване за нарушаване на правилата.") == [
        ("подадено оплакване", "ACCUSE")]


def test_an_upheld_sentence_a_disagreement_and_doubts_voiced() -> None:
    """Stop 46: "потвърди присъдата" (a row listed "смъртното наказание" among its alternatives, which made it two
    words in a row and matched nothing: 6 of 6 upheld sentences of eval/bggold and rounds 17-18 missed), "не е
    съгласна" (REJECT, 2 of 2), "изрази съмнения" (ACCUSE 110)."""
    def coded(text: str) -> list[tuple[str, str]]:
        doc = vestnik.extract(text, published="2018-11-03", lang="bg")
        return [(doc.span_text(e.span), e.type) for e in doc.events]

    assert coded("През 2014 г. Апелативният съд потвърди присъдата.") == [("потвърди присъдата", "COERCE")]
    assert coded("През 2014 г. смъртната присъда е потвърдена от Върховния съд.") == [
        ("присъда е потвърдена", "COERCE")]
    assert coded("Съдът потвърди смъртното наказание.") == [("потвърди смъртното наказание", "COERCE")]
    assert coded("Франция не е съгласна.") == [("не е съгласна", "REJECT")]
    assert coded("Литва изрази съмнения по проекта.") == [("изрази съмнения", "ACCUSE")]


def test_pronouns_stand_for_the_person_of_their_gender() -> None:
    """Stop 48: a third-person pronoun anywhere in the cue's clause is the last person of its gender named before
    it (75 coded actors of eval/bggold's matched events were such pronouns, none found); an object pronoun is the
    target, never the source; "тя" is never a man; "с нея" is whom one was with; a first-person pronoun inside a
    direct quote is its speaker."""
    def actors(text: str) -> dict[str, tuple[str | None, str | None]]:
        doc = vestnik.extract(text, published="2018-11-03", lang="bg")
        name = {m.entity: doc.entities[m.entity].name for m in doc.mentions if m.entity}
        return {doc.span_text(e.span): (name.get(e.source.entity), name.get(e.target.entity)) for e in doc.events}

    bibi = "Пакистанката Асия Биби прекара осем години в затвора. "
    acquitted = actors(bibi + "Върховният съд я оправда на 31 октомври.")["оправда"]
    assert acquitted[1] is not None and "Биби" in acquitted[1]
    accused = actors(bibi + "Други мюсюлманки я обвиниха, че е осквернила водата.")["обвиниха"]
    assert accused[0] is None and accused[1] is not None and "Биби" in accused[1]
    sentenced = actors(bibi + "През ноември 2010 г. тя бе осъдена на смърт.")
    assert any(t is not None and "Биби" in t for _s, t in sentenced.values())
    # a man named last is not "тя", nor "я"
    assert all(t is None or "Джонсън" not in t for _s, t in actors(
        "Борис Джонсън пристигна в Брюксел. Полицията я арестува вчера.").values())
    # "с нея" is company: the women who worked with her accused someone else
    with_her = actors(bibi + "Работилите с нея мюсюлманки поискаха помощ.")
    assert "поискаха помощ" in with_her and all(t is None or "Биби" not in t for _s, t in with_her.values())
    doc = vestnik.extract("„Ние напускаме ЕС, но не и Европа“, заяви британският премиер Тереза Мей.",
                          published="2018-11-03", lang="bg")
    assert [(doc.span_text(e.span), e.source.entity) for e in doc.events] == [("напускаме ЕС", "vk:theresa-may")]


def test_people_by_what_they_are_and_no_project_as_actor() -> None:
    """Stop 48: people named by what they are ("християнка", "пътници") and carriers are actors of the country
    named with them (the annotators of eval/bggold code them: PAKCVL, BGRCVL, IRLBUS); a project, product or event
    the KB gives no actor code ("Северен поток 2") is what is acted on, no actor (it had taken the place of the
    actors around it)."""
    def coded(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
        doc = vestnik.extract(text, published="2018-11-03", lang="bg")
        return [(doc.span_text(e.span), e.source.code, e.target.code,
                 doc.span_text(e.target.span) if e.target.span else None) for e in doc.events]

    assert coded("Пакистанската християнка беше осъдена на смърт.") == [
        ("осъдена на смърт", None, "PAKCVL", "Пакистанската християнка")]
    assert coded("Българските пътници обвиниха ирландската авиокомпания в измама.") == [
        ("обвиниха", "BGRCVL", "IRLBUS", "ирландската авиокомпания")]
    # (since stop 49 a cue that opens with its object's preposition has its subject after it: the Danish
    # authorities press, the pipeline is pressed and no actor)
    doc = vestnik.extract("Северен поток-2 е под натиск от датските власти.", published="2018-11-03", lang="bg")
    assert [(doc.span_text(e.span), e.source.code, e.target.span) for e in doc.events] == [
        ("под натиск", "DNKGOV", None)]


def test_a_cue_that_holds_its_auxiliary_is_passive() -> None:
    """Stop 48: "да бъде освободена", a cue generated with its auxiliary, is a passive like "е освободена" after a
    separate auxiliary: its subject is whom it is done to (it had been the one who frees)."""
    doc = vestnik.extract("Пакистанката Асия Биби трябва да бъде освободена незабавно.", published="2018-11-03",
                          lang="bg")
    freed = [e for e in doc.events if "освободена" in doc.span_text(e.span)]
    assert [(e.source.span, e.target.code) for e in freed] == [(None, "PAKCVL")]  # "Пакистанката": a civilian


def test_a_body_the_kb_lacks_is_of_the_country_its_name_ends_with() -> None:
    """Stop 48: "Върховният съд на Пакистан", one ORG name to the tagger and unknown to the KB, is Pakistan's court
    (PAKJUD); it had taken the country of the sentence or the document (BELJUD, NGAJUD in reports from Brussels)."""
    doc = vestnik.extract("Белгийски депутати приветстваха решението. Върховният съд на Пакистан отмени присъдата.",
                          published="2018-11-03", lang="bg")
    assert [(doc.span_text(e.span), e.source.code) for e in doc.events if "отмени" in doc.span_text(e.span)] == [
        ("отмени присъдата", "PAKJUD")]


def test_a_clause_after_a_trailing_attribution_and_refusals() -> None:
    """Stop 49: a trailing "..., заяви Ася от затвора" ends at ", а": the clause after it states an act of its own
    (it had been dropped with the attribution); "няма да позволим", "не може да става и дума", "отричаше" are
    refusals (REJECT); a cue that opens with its object's preposition ("Срещу проекта се обявиха ...") has its
    subjects after it, each an event of its own; "бих искал" is a wish, no demand."""
    doc = vestnik.extract("„Не мога да повярвам“, заяви Ася от затвора, а Русия обвини Украйна. Не можем и няма да "
                          "позволим това да се случи, каза Джонсън. Напускаме ЕС и не може да става и дума за втори "
                          "референдум. Срещу строителството на газопровода се обявиха Полша, Украйна и Дания. "
                          "Биби отричаше, че е извършила богохулство. Но бих искал нещата да са различни, каза Тръмп.",
                          published="2018-11-03", lang="bg")
    evs = _events(doc)
    assert ("ACCUSE", "112", "RUS", "UKR", "обвини") in evs
    rejects = [(s, g, tr) for t, _c, s, g, tr in evs if t == "REJECT"]
    assert {"няма да позволим", "не може да става и дума", "отричаше"} <= {tr for _s, _g, tr in rejects}
    against = sorted(s for s, g, tr in rejects if tr.startswith("Срещу"))
    assert against == ["DNK", "POL", "UKR"]
    assert not any("искал" in tr for *_x, tr in evs)


def test_what_a_demand_or_a_threat_asks_for_is_no_event() -> None:
    """Stop 50: the act a demand, an appeal or a threat asks for, in its clause, is not stated as done ("призоваха да
    бъде предоставено убежище", "подписаха петиция за освобождаването ѝ", "заплашиха да организират протести");
    signing a petition is an appeal (REQUEST), not an agreement; a meeting named with a word of time or occasion
    ("при срещата им") and an act after a comma still count."""
    doc = vestnik.extract("Две партии в холандския парламент призоваха да бъде предоставено убежище на Биби. Над 560 "
                          "хил. души подписаха петиция за освобождаването на Азия Биби. Ислямистите заплашиха да "
                          "организират протести. Тръмп се опитал да убеди Меркел да се откаже от проекта при срещата "
                          "им. Губернаторът, който призова за реформа, беше убит.", published="2018-11-03", lang="bg")
    evs = [(t, tr) for t, _c, _s, _g, tr in _events(doc)]
    assert ("REQUEST", "подписаха петиция") in evs
    assert not any(tr.startswith(("убежище", "освобождаването", "протести")) for _t, tr in evs)
    assert ("THREATEN", "заплашиха") in evs
    assert ("CONSULT", "срещата") in evs and ("ASSAULT", "убит") in evs


def test_a_sentence_adverb_before_a_comma_is_no_attribution() -> None:
    """"Официално, Дамаск обвини САЩ и заяви, че ...": one word before the comma is a sentence adverb, not a
    statement whose attribution follows; the accusation is the sentence's own event, and "Официално" no quote."""
    doc = vestnik.extract('Официално, Дамаск обвини САЩ и заяви, че чрез тази база се борят с "Ислямска държава".',
                          lang="bg", published="2017-04-07")
    assert [(doc.span_text(e.span), e.type) for e in doc.events] == [("обвини", "ACCUSE")]
    assert [doc.span_text(q.span) for q in doc.quotes] == ['чрез тази база се борят с "Ислямска държава"']


def test_an_attack_told_of_and_a_party_called_attack() -> None:
    """"Сериозността на атаката", "Изстрелването на ракетите": attacks told of as nouns; "ВМРО и Атака" is the
    party (a noun cue with a capital inside a sentence is a name), and "страхове от атаки" no attack that happened."""
    doc = vestnik.extract("Сериозността на атаката срещу Скрипал е голяма. Изстрелването на ракетите е извършено от "
                          "два самолетоносача. Партиите ВМРО и Атака се явиха в коалиция. Тя се пази поради страхове "
                          "от атаки.", lang="bg", published="2018-03-20")
    assert [(doc.span_text(e.span), e.type) for e in doc.events] == [
        ("атаката", "ASSAULT"), ("Изстрелването на ракетите", "ASSAULT")]


def test_reproach_and_the_present_of_an_apology() -> None:
    """"упреква" (reproaches) is a criticism (111, ACCUSE); "Извинявам се" the present of "извини се" (055)."""
    doc = vestnik.extract("В писмото Дейвис упреква Мей за забавянето. „Извинявам се на колежките си“, каза Робева.",
                          lang="bg", published="2018-03-20")
    assert [(doc.span_text(e.span), e.cameo) for e in doc.events] == [("упреква", "111"), ("Извинявам", "055")]


def test_shootouts_wars_of_words_and_abductions() -> None:
    """A shootout is a fight (190), a "словесна престрелка" a war of words (111, criticism); "отвлякоха" is an
    abduction (181) as "отвлече" is."""
    doc = vestnik.extract("При престрелката загинаха двама полицаи. Словесна престрелка избухна между министрите. "
                          "Въоръжени мъже отвлякоха журналист в Кабул.", lang="bg", published="2018-03-20")
    assert [(doc.span_text(e.span), e.cameo) for e in doc.events] == [
        ("престрелката", "190"), ("Словесна престрелка", "111"), ("отвлякоха", "181")]


def test_a_gift_is_aid():
    """Stop 53: "подарявам", "подари": a gift given is aid (070), as a donation ("дари") was; nothing had been coded."""
    _doc, evs = _by_trigger("Художничката Мария Петрова подари две картини на Русе. „С радост подарявам неговия "
                            "„Интериор“ на русенци“, каза тя.", published="2016-12-06")
    assert evs["подари"].cameo == "070" and evs["подари"].type == "AID"


def test_a_donation_named_by_its_noun_is_aid() -> None:
    """Stop 54 (eval/bggold-sites): "направиха значителни дарения", "получи дарение" are aid (070), as the verb
    "дари" was; a donation had coded no event."""
    doc = vestnik.extract("Фондациите на Сорос направиха значителни дарения за кампанията. Музеят получи дарение от "
                          "общината.", published="2018-02-08", lang="bg")
    assert [(doc.span_text(e.span), e.type) for e in doc.events] == [("дарения", "AID"), ("дарение", "AID")]


def test_a_matter_put_up_for_discussion_is_no_meeting():
    """"представи законопроекта за обсъждане", "аспекти, които изискват обсъждане", "публикуван за обществено
    обсъждане": the verbal noun names what is to be discussed, no meeting held (each had been a CONSULT); the verb
    still is one ("двамата министри обсъждаха теми")."""
    doc = vestnik.extract("Правителството представи днес законопроекта за обсъждане в парламента. Има аспекти, които "
                          "изискват обсъждане. Планът е публикуван за обществено обсъждане. Двамата министри обсъждаха "
                          "теми, свързани със сигурността.", published="2018-01-15", lang="bg")
    assert [(doc.span_text(e.span), e.cameo) for e in doc.events] == [("обсъждаха", "040")]


def test_plural_participles_of_urging_and_inviting() -> None:
    """Stop 57 (a blind round): "съдиите приканили всички да се въздържат" is an appeal (020) as "прикани" was; the
    renarrative plural had no row ("поканили", "отправили апел" likewise)."""
    doc = vestnik.extract("Съдиите дори приканили всички в залата да се въздържат от коментари. Те поканили "
                          "журналистите да напуснат.", published="2018-10-31", lang="bg")
    assert [(doc.span_text(e.span), e.cameo) for e in doc.events] == [("приканили", "020"),
                                                                        ("поканили журналистите да", "020")]


def test_an_objection_is_a_rejection() -> None:
    """Stop 57 (blind round 26): "Украйна възразява срещу проекта" rejects it (120), as "се противопостави" does;
    no row read it."""
    doc = vestnik.extract("Украйна възразява срещу проекта.", published="2018-05-29", lang="bg")
    assert [(doc.span_text(e.span), e.type, e.cameo) for e in doc.events] == [("възразява", "REJECT", "120")]


def test_a_strike_by_someone_on_a_place_and_an_appeal_as_a_noun() -> None:
    """Stop 58: "след удара на САЩ по Сирия" is an attack (190; only "удара по" right after had a row), the figure
    "удар на правителството по джоба" is not; the noun "обжалването" is no request (eval/bggold's annotators code 1
    of 12 such), while the verb still is."""
    doc = vestnik.extract("Какво стана след удара на САЩ по Сирия. Това е удар на правителството по джоба на хората.",
                          published="2017-04-07", lang="bg")
    assert [(doc.span_text(e.span), e.type) for e in doc.events] == [("удара на САЩ по", "ASSAULT")]
    doc = vestnik.extract("Върховният съд ще разгледа обжалването на християнката. Адвокатите ѝ обжалваха присъдата.",
                          published="2018-10-08", lang="bg")
    assert [(doc.span_text(e.span), e.type) for e in doc.events if e.type == "REQUEST"] == [("обжалваха", "REQUEST")]


def test_sabotage_thwarting_working_together_and_troops_sent() -> None:
    """Blind round 28: "ще саботира Брекзит" and "да осуети сделка" reject (120), "работят заедно" is joint work
    ("работи*" had not reached the plural), "изпратиха ... войници" mobilises (154); none had a row."""
    doc = vestnik.extract("Германия саботира Брекзит. Меркел осуети сделката. САЩ и Южна Корея работят заедно. "
                          "Франция изпрати войници в Естония.", published="2018-01-06", lang="bg")
    assert [(doc.span_text(e.span), e.cameo) for e in doc.events] == [
        ("саботира", "120"), ("осуети", "120"), ("работят заедно", "060"), ("изпрати войници", "154")]


def test_a_second_cue_after_a_trailing_attribution_states_its_own_event() -> None:
    """Blind round 29: in "..., допълни Юнкер, настоявайки двете страни да ..." the attribution clause ends where the
    next quote's cue begins, so the urging is a request (it had been cut away with "допълни Юнкер")."""
    doc = vestnik.extract("Може да се задейства чл. 49, допълни Юнкер, настоявайки двете страни да не се торпилират "
                          "взаимно.", published="2018-02-14", lang="bg")
    assert [(doc.span_text(e.span), e.type) for e in doc.events] == [("настоявайки", "REQUEST")]


def test_forms_of_calling_trying_expelling_quashing_threats_and_firm_opposition() -> None:
    """Stop 60 (missed events of eval/bggold): "ще призове" (the perfective's future; "призова*" stopped short of it),
    "бе съдена" (tried: COERCE, as "осъдена"), "беше изгонен" (expelled, 174; diplomats stay 166), "отмени
    обвинението" (a charge quashed is a concession, not an accusation), "заплахи от ..." and "твърдо срещу" had
    no row."""
    doc = vestnik.extract("Документът ще призове за споразумение с Великобритания. Тя бе съдена за богохулство. "
                          "Депутатът беше изгонен от залата. Върховният съд отмени обвинението й. Биби е обект на "
                          "постоянни заплахи от екстремисти. Шотландия е твърдо срещу Брекзит. Обама изгони 35 "
                          "руски дипломати.", published="2018-11-01", lang="bg")
    assert [(doc.span_text(e.span), e.type, e.cameo) for e in doc.events] == [
        ("призове", "REQUEST", "020"), ("съдена", "COERCE", "173"), ("изгонен", "COERCE", "174"),
        ("отмени обвинението", "CONCEDE", "081"), ("заплахи от", "THREATEN", "130"),
        ("твърдо срещу", "REJECT", "120"), ("изгони 35 руски дипломати", "SANCTION", "166")]


def test_a_proposal_to_act_a_green_light_a_walkout_and_a_reprimand() -> None:
    """Stop 60: "предлага да ..." appeals (020), "даде зелена светлина" consents (030, as "даде разрешение"),
    "демонстративно напуснаха" protests (140), "направили забележка" criticises (111); none had a row."""
    doc = vestnik.extract("Белгийска партия предлага да се даде убежище на Биби. Финландия даде зелена светлина за "
                          "газопровода. Депутатите демонстративно напуснаха парламента. Стюардесите му направили "
                          "забележка.", published="2018-11-01", lang="bg")
    assert [(doc.span_text(e.span), e.type) for e in doc.events] == [
        ("предлага да", "REQUEST"), ("даде зелена светлина", "AGREE"), ("демонстративно напуснаха", "PROTEST"),
        ("направили забележка", "ACCUSE")]


def test_blocking_a_project_is_a_veto_and_blocking_roads_a_protest() -> None:
    """Stop 60: "Дания ще блокира строителството на газопровода" vetoes a project (120, as blocking a decision
    was), where "блокираха пътищата" stays the protesters' blockade (144)."""
    doc = vestnik.extract("Дания блокира строителството на газопровода. Протестиращи блокираха пътищата.",
                          published="2018-06-27", lang="bg")
    assert [(doc.span_text(e.span), e.cameo) for e in doc.events] == [("блокира строителството", "120"),
                                                                        ("блокираха", "144")]


def test_harm_double_standards_discrimination_punishment_and_flying_citizens_home() -> None:
    """Stop 61: accusations that had no row ("вреди на", "двойни стандарти", "критични към", "дискриминира",
    "унижава"), a state's punishment ("да наказва", 160; "се наказва със смърт" is a law's, no act) and a state
    flying its stranded citizens home (073)."""
    assert _typed("Дейвис заяви, че ЕС дискриминира Обединеното кралство и вреди на интересите му. Фараж каза, че ЕС "
                  "унижава Великобритания. Киев обвини Запада в двойни стандарти. Полша е критична към проекта. "
                  "Съюзът реши да наказва Лондон. Богохулството се наказва със смърт. Правителственият самолет "
                  "прибира бедстващите българи.", "2018-02-06") == [
        ("дискриминира", "ACCUSE"), ("вреди на", "ACCUSE"), ("унижава", "ACCUSE"), ("обвини", "ACCUSE"),
        ("двойни стандарти", "ACCUSE"), ("критична към", "ACCUSE"), ("да наказва", "SANCTION"),
        ("прибира бедстващите", "AID")]


def test_refusals_to_accept_and_to_negotiate() -> None:
    """Stop 61 (blind round 32): "не подлежат на преговори" refuses talks (125; it had been talks, CONSULT), "Няма
    да приемем" and "не приема" refuse (120); the perfective "не приеме" after "ако" is a condition, no act."""
    doc = vestnik.extract("Правата на гражданите не подлежат на преговори, заяви Верхофстад. Няма да приемем никакви "
                          "ограничения. Лондон не приема условията. Ако парламентът не приеме сделката, ще има избори.",
                          published="2018-02-01", lang="bg")
    assert [(doc.span_text(e.span), e.type, e.cameo) for e in doc.events] == [
        ("не подлежат на преговори", "REJECT", "125"), ("Няма да приемем", "REJECT", "120"),
        ("не приема", "REJECT", "120")]


def test_strikes_delivered_and_a_strike_by_someone_in_a_place() -> None:
    """Stop 61 (eval/bggold-sites): "за нанасянето на ударите" and "Ударът на САЩ в Сирия" are attacks (190); the
    first had no row, the second only with "по" for the place."""
    assert _typed("Ударът на САЩ в Сирия. Вашингтон е уведомил колегите си преди нанасянето на ударите.",
                  "2017-04-08") == [
        ("Ударът на САЩ в", "ASSAULT"), ("нанасянето на ударите", "ASSAULT")]


def test_declining_to_comment_refuses_nothing() -> None:
    """Stop 61 (blind round 32): "Говорител на министъра отказа да коментира информацията" is no refusal (it had been
    REJECT), where "Лондон отказа да плати" still is."""
    doc = vestnik.extract("Говорител на министъра отказа да коментира информацията. Лондон отказа да плати сметката.",
                          published="2018-01-15", lang="bg")
    assert [(doc.span_text(e.span), e.type) for e in doc.events] == [("отказа", "REJECT")]
    assert doc.span_text(doc.events[0].source.span) == "Лондон"


def test_a_military_operation_is_an_attack() -> None:
    """Stop 61 (blind round 32): "операцията на турската армия срещу кюрдски район" and "военна операция" are
    attacks (190); neither had a row ("операция" alone, a surgery or a police raid, still has none)."""
    assert _typed("По повод операцията на турската армия срещу кюрдски район в Сирия канцлерката говори. Русия започна "
                  "военна операция. Болницата направи операция.", "2018-02-16") == [
        ("операцията на турската армия", "ASSAULT"), ("военна операция", "ASSAULT")]


def test_a_rebuff_and_flags_burned() -> None:
    """Stop 62 (blind round 34): "Мощен отпор срещу ..." and "оказаха остър отпор на проекта" state opposition
    (REJECT); "рибари палят знамена на ЕС" is a protest. None of them had a cue."""
    assert _typed("Полша и балтийските страни оказаха остър отпор на проекта. Рибари палят знамена на ЕС.",
                  "2018-05-13") == [("отпор", "REJECT"), ("палят знамена", "PROTEST")]


def test_a_town_that_threats_or_force_are_aimed_at_is_its_people() -> None:
    """Stop 63: "threatened to institute a curfew in Algiers" is aimed at the town's people (DZACVL, as the PLOVER
    records code it; it had been the country, DZA); talks in a capital leave it as it was, and a capital acting is
    its government."""
    doc = vestnik.extract("President Abdelaziz Bouteflika threatened to institute a curfew in Algiers in response to "
                          "recent unrest.", published="2000-01-01", lang="en")
    assert [(e.type, e.source.code, e.target.code) for e in doc.events] == [("THREATEN", "DZAGOV", "DZACVL")]
    doc = vestnik.extract("Russian President Boris Yeltsin met Japanese Prime Minister Ryutaro Hashimoto in Moscow on "
                          "Saturday.", published="2000-01-01", lang="en")
    assert not any(e.target.code and e.target.code.endswith("CVL") for e in doc.events)


@pytest.mark.parametrize(("text", "src", "tgt"), [
    # stop 64: a demonym before a people's or a faith's name, "народ" or those held is the country's people, and an
    # ethnic minority the civilians of the country the sentence places them in (the English rules' data in bg)
    ("Хиляди иракски кюрди протестираха в Киркук в неделя.", "IRQCVL", "IRQ"),
    ("Израелски войници пребиха палестинските задържани на Западния бряг.", "ISRMIL", "PSECVL"),
    ("Британският народ поиска правителството да действа.", "GBRCVL", "GBRGOV"),
    ("Етническите албанци протестираха в Сърбия.", "SRBCVL", "SRB"),
])
def test_bulgarian_peoples_after_a_demonym(text, src, tgt):
    first = vestnik.extract(text, published="2018-01-01", lang="bg").events[0]
    assert (first.source.code, first.target.code) == (src, tgt)


def test_bulgarian_contacts_arrangements_and_support_rallied() -> None:
    """Stop 65 (blind round 37): "са се свързали с" is a contact (CONSULT) and "са се уговорили" an agreement among
    those who spoke (AGREE); support or voters rallied ("е мобилизирал значителна подкрепа") are no forces mobilised,
    and neither "се свързва с" (is linked to) nor a reader "която се свърза с нас" (with the newsroom) is a contact."""
    assert _typed("Евроскептиците от Консервативната партия са се свързали с външния министър Борис Джонсън и са се "
                  "уговорили, че Гоув ще смени Мей.", "2018-02-04") == [
        ("се свързали с", "CONSULT"), ("се уговорили", "AGREE")]
    assert _typed("Банкс е мобилизирал значителна подкрепа за Брекзит. Рискът се свързва с цените. Това обясни Ружа "
                  "Любенова, която се свърза с нас.", "2018-02-04") == []


def test_bulgarian_a_demand_in_a_trailing_attribution() -> None:
    """Stop 67 (blind round 41): "..., настояват депутатите" is the deputies' demand (REQUEST, source the speaker
    after the cue; what was said before it is its content, no participant), where "..., заяви той" states nothing;
    agreements reached in the plural ("постигнаха споразумения") and rising or rebelling against someone are events."""
    doc = vestnik.extract("Великобритания трябва да променя законите си, настояват британските депутати. Трябва да "
                          "промени законите, заяви той. Мей и Макрон постигнаха споразумения в области от отбраната "
                          "до спорта. 250 000 румънци въстанаха срещу правителството.", published="2018-01-19",
                          lang="bg")
    assert [(doc.span_text(e.span), e.type, doc.span_text(e.source.span) if e.source.span else None)
            for e in doc.events] == [("настояват", "REQUEST", "британските депутати"),
                                     ("постигнаха споразумения", "AGREE", "Мей"),
                                     ("въстанаха срещу", "PROTEST", "румънци")]


def test_bulgarian_found_unacceptable_is_a_rejection() -> None:
    """Stop 67 (blind round 43): "намира за неприемливо" rejects, as "е неприемливо" did (4 of 4 "неприемлив*" coded
    REJECT in eval/bggold)."""
    assert _typed("Премиерът изтъкна, че Великобритания намира за неприемливо страната да бъде откъсната от "
                  "британския пазар.", "2018-03-02") == [("за неприемливо", "REJECT")]


def test_bulgarian_coming_out_against_in_the_present() -> None:
    """Stop 69 (blind round 52): "се обявяват против" (present) comes out against as "се обяви против" did; the row
    read "обяви*", which no present form starts with."""
    assert _typed("Поддръжниците на Брекзит също така се обявяват против ролята на Европейския съд. Полша се обявява "
                  "срещу плана.", "2018-03-02") == [("се обявяват против", "REJECT"), ("се обявява срещу", "REJECT")]


def test_bulgarian_harsh_words_exchanged_and_verbal_attacks() -> None:
    """Stop 69 (blind round 53): "размениха остри думи" is a criticism by each of the two (ACCUSE, as the annotator
    coded it), and "нападки" are verbal attacks (ACCUSE, not the ASSAULT of "нападение"); keys exchanged are no
    event."""
    assert _typed("Дейвид Дейвис и Мишел Барние размениха остри думи заради позициите си. Опозицията отправи нападки "
                  "срещу премиера. Те размениха ключове и подаръци.", "2018-02-10") == [
        ("размениха остри", "ACCUSE"), ("размениха остри", "ACCUSE"), ("нападки", "ACCUSE")]


def test_bulgarian_boasts_farewells_and_simple_minded_are_no_events() -> None:
    # "се похвали с" is boasting, "се прощава със" a farewell, "са прости" simple-minded, "предупреждава, че"
    # a forecast (web pages: horoscopes, prophecies), "бомбър" a jacket; the praise and forgiveness stay
    text = ("Борисов се похвали с внука си\n\nБойко Борисов се похвали с първия рожден ден на внука си. "
            "Куба се прощава със своя лидер, а САЩ ще се прости с могъществото си. "
            "Народът е мъдър, но хората са много прости. Министърът похвали полицаите за бързата реакция. "
            "Папата прости на похитителите. Астрологът предупреждава, че голямо внимание трябва да се обърне на "
            "здравето. Тя носеше бомбър и цървули.")
    assert _typed(text, "2017-02-02") == [("похвали", "SUPPORT"), ("прости", "SUPPORT")]


def test_bulgarian_promised_and_helped_in_the_past() -> None:
    # "обеща" states an intent (AGREE); "е помогнала на" is help given (AID); help towards something ("помогна за"),
    # the first person's "да помогна" and the present "обещава" of things are no events
    text = ("Заглавие\n\nБританският премиер Тереза Мей обеща днес да налее милиарди лири в здравеопазването. "
            "Историите за Ванга са безкрайни, а хората, на които е помогнала, са безброй. "
            "Адвокатът помогна за освобождаването на жената. Проектът обещава запомнящо се шоу. "
            "Как да помогна на тези хора?")
    assert _typed(text, "2018-06-17") == [("обеща", "AGREE"), ("помогнала", "AID"), ("освобождаването", "RETREAT")]


def test_bulgarian_weapons_held_and_topics_discussed_are_no_events() -> None:
    # chemical weapons named alone ("притежава химическо оръжие") and an impersonal "се обсъждат" (a topic) are no
    # events; their use ("използва химическо оръжие") is an attack, ministers who discuss still meet
    text = ("Заглавие\n\nДоказано е, че властта в Сирия притежава химическо оръжие. "
            "Той заяви, че се обсъждат два основни варианта за маршрута. "
            "Армията използва химическо оръжие срещу бунтовниците в Идлиб. "
            "Външните министри на Франция и Германия обсъдиха положението в Сирия.")
    assert _typed(text, "2017-04-07") == [("използва химическо оръжие", "ASSAULT"), ("обсъдиха", "CONSULT")]


def test_bulgarian_air_and_state_strikes() -> None:
    # "американските удари", "ракетните удари", "удара си срещу": strikes told without "по"; a feared nuclear strike
    # and a political blow are none
    text = ("Заглавие\n\nСпоред френския външен министър, американските удари са сигнал за руснаците. "
            "Сирийската опозиция възприема ракетните удари като важна реакция. "
            "Русия и Китай може да оцелеят след ядрен удар. Той се опита да оправдае удара си срещу страната. "
            "Брекзит ще е тежък политически удар за Тереза Мей.")
    assert _typed(text, "2017-04-07") == [("американските удари", "ASSAULT"), ("ракетните удари", "ASSAULT"),
                                          ("удара си срещу", "ASSAULT")]


def test_bulgarian_standing_behind_and_a_supposed_attack() -> None:
    # "застана зад мъжа си" is backing (SUPPORT); "в случай на нападение" supposes an attack, none is told
    text = ("Заглавие\n\nМелания Тръмп застана зад мъжа си след атаките на певицата. "
            "Четири страни предпочитат военен съюз с Русия в случай на нападение срещу страната. "
            "Русия нападна Украйна през февруари.")
    assert _typed(text, "2017-04-07") == [("застана зад", "SUPPORT"), ("нападна", "ASSAULT")]


def test_bulgarian_consulting_someone_and_going_to_see_them() -> None:
    # "се консултират с", "се съветвал с", "е ходил при" (web pages on seers and stars): consultations and visits;
    # advice given ("съветва д-р Михайлов") and a poll ("допитване") are none
    text = ("Заглавие\n\nМутафова и дъщеря й решили спешно да се консултират с врачка. "
            "Бай Георги няколко пъти е ходил при пророчицата и се съветвал с нея. "
            "„Пийте по две чаши на ден“, съветва д-р Михайлов. Партията ще направи електронно допитване.")
    assert _typed(text, "2017-04-07") == [("се консултират с", "CONSULT"), ("ходил при", "CONSULT"),
                                          ("се съветвал с", "CONSULT")]


def test_bulgarian_recommended_and_bade() -> None:
    # "е препоръчала ... да", "заръчала на ... да": appeals (REQUEST); the conditional "бих препоръчала" and advice
    # in the present ("препоръчва") are none
    text = ("Заглавие\n\nФеноменалната гадателка е препоръчала всички българи да се приберат у дома. "
            "Пророчицата заръчала на академик Светлин Русев да сложи в храма две икони. "
            "Бих препоръчала книгата на всеки. За отслабване Ванга препоръчва билков чай.")
    assert _typed(text, "2017-04-07") == [("препоръчала", "REQUEST"), ("заръчала", "REQUEST")]


def test_bulgarian_called_names_is_a_denunciation() -> None:
    # "Лазаров нарече твърденията „простотии“", "Русия нарече ударите „агресия“": a denunciation (ACCUSE); "се нарича"
    # (is called) and the present "нарича" of a name given are none
    text = ("Заглавие\n\nЛазаров пък нарече твърденията на Запрянов „простотии“. "
            "Русия нарече американските удари „агресия“ срещу суверенна държава. "
            "Сега Русия се нарича Съюз. Тя открива частица и я нарича „псилон“.")
    assert _typed(text, "2017-04-07")[:2] == [("нарече", "ACCUSE"), ("нарече", "ACCUSE")]
    assert [t for t, _ in _typed(text, "2017-04-07")] == ["нарече", "нарече", "американските удари"]


def test_bulgarian_blamed_and_demonized() -> None:
    # "е виновен за", "да демонизират": accusations; "отрича да е виновна" and "кой е виновен" blame no one
    text = ("Заглавие\n\nЕкспертите стигнаха до извода, че президентът Башар Асад сам е виновен за това. "
            "Американските медии се опитват да демонизират Русия. Рискуваме да се питаме кой е виновен.")
    assert _typed(text, "2017-04-07") == [("е виновен", "ACCUSE"), ("демонизират", "ACCUSE")]


def test_bulgarian_ruled_out_with_nyama_da_ima() -> None:
    # "няма да има втори референдум" and the object first, "Втори референдум ... няма да има": a rejection;
    # a forecast without such an object ("трета световна война няма да има") is none
    text = ("Заглавие\n\nВтори референдум за Брекзит няма да има, увери Тереза Мей. "
            "Говорителят заяви, че няма да има отстъпки за Лондон. Според Кейси трета световна война няма да има.")
    assert [t for _, t in _typed(text, "2018-01-10")] == ["REJECT", "REJECT"]


def test_bulgarian_meet_occur_and_resistance() -> None:
    # "среща*" other than the noun is mostly to come upon or to occur ("които срещаме из нашите земи", "се срещат
    # предимно в Африка"): no meeting; "се срещаме", "Срещали сме се" are; "срещат съпротива" is a rejection (120)
    # and "отказал среща" a refused meeting (125)
    text = ("Заглавие\n\nЖирафите се срещат предимно в южна и източна Африка. "
            "Суеверията, които срещаме из нашите земи, са стари. "
            "Тези планове обаче срещат съпротива на част от страните в Източна Европа. "
            "Тато му отказал среща. „Срещали сме се може би 5-6 пъти“, каза художникът.")
    assert _typed(text, "2017-04-07") == [("срещат съпротива", "REJECT"), ("отказал среща", "REJECT"),
                                          ("Срещали сме се", "CONSULT")]


def test_bulgarian_customs_of_gifts_are_no_aid() -> None:
    # the present "подарява|подаряват|подаряваме" tells customs and advice ("не трябва да се подарява празно"), no
    # gift given; "подари", "подарявам" stay aid
    text = ("Заглавие\n\nПортмонето не трябва да се подарява празно. На Свети Валентин подаряваме си цветя. "
            "Художничката подари две картини на Русе.")
    assert _typed(text, "2017-02-14") == [("подари", "AID")]



def test_bulgarian_a_person_the_kb_does_not_know_is_the_country_alone() -> None:
    # no sector for a person the KB does not know: an official it lacks would be called a civilian (stop 54 measured
    # it and left it out; stop 73 again); a role noun of ordinary people ("пенсионерка") still names citizens
    doc = vestnik.extract("Заглавие\n\nМария Иванова обвини кмета Пламен Стоилов в измама. Пенсионерка от Русе "
                          "обвини кмета в измама.", published="2017-04-07", lang="bg")
    assert [(e.source.code, e.target.code) for e in doc.events] == [("BGR", "BGRGOV"), ("BGRCVL", "BGRGOV")]

def test_bulgarian_reflexive_convinced_and_accusing_no_one() -> None:
    # "ще се убедите, че" (you will see for yourselves) persuades no one; "Не обвинявам никого" accuses no one;
    # "опит да убеди Меркел" stays an appeal
    text = ("Заглавие\n\nКогато започнете да спазвате тези съвети, сами ще се убедите, че те действат. "
            "Не обвинявам никого. Тръмп направил опит да убеди Меркел да се откаже от проекта.")
    assert _typed(text, "2017-04-07") == [("убеди", "REQUEST")]


def test_bulgarian_ones_own_support_is_support() -> None:
    # "оттегли подкрепата си за Асад", "демонстрира тоталната си подкрепа": support of one's own (051); support polled
    # ("подкрепата за Брекзит расте") is none
    text = ("Заглавие\n\nМосква отказва да оттегли подкрепата си за Асад. Нетаняху демонстрира тоталната си "
            "подкрепа. Проучването показва, че подкрепата за Брекзит расте.")
    assert [(t, y) for t, y in _typed(text, "2017-04-07") if y == "SUPPORT"] == [
        ("подкрепата си", "SUPPORT"), ("си подкрепа", "SUPPORT")]


@pytest.mark.parametrize("text", [
    "Пенсионерите от Петрич обвиниха кмета в корупция.",
    "Лечителката от Петрич обвини кмета в корупция.",
])
def test_bulgarian_ordinary_people_named_by_what_they_are_are_the_country_s_citizens(text: str) -> None:
    doc = vestnik.extract("Скандал в Петрич\n\n" + text, published="2017-03-01", lang="bg")
    assert [(t, s) for t, _c, s, _g, _w in _events(doc)] == [("ACCUSE", "BGRCVL")]


def test_bulgarian_planned_exit_or_release_is_the_act_not_an_intent_to_yield() -> None:
    # "ще напусне ЕС", "ще бъде освободена": a planned exit or release is coded as the act (RETREAT), as eval/bggold
    # codes them, not CAMEO's intent to yield (035, AGREE); an announced meeting is the meeting (CONSULT) since stop 78
    text = ("Заглавие\n\nВеликобритания ще напусне ЕС през март. Ася Биби ще бъде освободена незабавно. "
            "Путин ще се срещне с Ердоган.")
    assert _typed(text, "2018-11-03") == [("напусне ЕС", "RETREAT"), ("бъде освободена", "RETREAT"),
                                          ("ще се срещне", "CONSULT")]


def test_bulgarian_a_deal_struck_and_coming_to_terms_are_agreements() -> None:
    # "сключи сделка|споразумение" is concluding a deal (AGREE by the guide; "сключи" is not "подписа", 057) and
    # "се разбраха" coming to terms; "се разбра, че" (it became known) is none
    text = ("Заглавие\n\nПакистанска ислямистка групировка сключи сделка с правителството. Путин и Меркел се разбраха "
            "за газопровода. Лондон и Брюксел сключиха предварително споразумение. От доклада се разбра, че няма пари.")
    assert _typed(text, "2018-11-03") == [("сключи сделка", "AGREE"), ("се разбраха", "AGREE"),
                                          ("сключиха предварително споразумение", "AGREE")]


def test_bulgarian_withdrawing_oneself_is_a_retreat() -> None:
    # "се оттегли от коалицията", "се оттегля" (steps down): a withdrawal (RETREAT); leaving talks halts negotiations
    # (164) and "оттегли посланика си" stays a recall (both SANCTION)
    text = ("Заглавие\n\nБелгия се оттегли от международната коалиция. Робева каза, че се оттегля. "
            "САЩ се оттеглиха от преговорите за търговския блок. Германия оттегли посланика си от Турция.")
    assert _typed(text, "2017-04-07") == [("се оттегли", "RETREAT"), ("се оттегля", "RETREAT"),
                                          ("се оттеглиха от преговорите", "SANCTION"),
                                          ("оттегли посланика", "SANCTION")]


def test_bulgarian_warned_that_is_a_forecast_and_an_addressed_warning_a_threat() -> None:
    # "предупреди, че преговорите са пред провал" foresees (no event; the comma no longer hides "че" from the row);
    # "предупреди Германия, че ..." warns someone (THREATEN)
    text = ("Заглавие\n\nБарние предупреди, че преговорите са пред провал. Путин предупреди Германия, че ще отговори.")
    assert [(t, y) for t, y in _typed(text, "2018-03-07") if y == "THREATEN"] == [("предупреди", "THREATEN")]


def test_bulgarian_leaving_the_eu_with_izleze_is_a_retreat() -> None:
    # "ще излезе от митническия съюз", "трябва да излезе от ЕС": an exit (RETREAT, 087) as "напусне ЕС"; "излезе от
    # европейския пазар" (a market, not the union) is none
    text = ("Заглавие\n\nХамънд потвърди, че страната ще излезе от митническия съюз. Великобритания трябва официално да "
            "излезе от ЕС на 29 март 2019 г. САЩ искат руският газ да излезе от европейския пазар.")
    assert [(t, y) for t, y in _typed(text, "2018-03-07") if y == "RETREAT"] == [
        ("излезе от митническия", "RETREAT"), ("излезе от ЕС", "RETREAT")]


def test_bulgarian_labelling_as_a_negative_word_is_an_accusation() -> None:
    # "определи X като „неучтиво“": a denunciation (ACCUSE, 111); a neutral or positive label ("като много
    # конструктивна") and the impersonal "се определя като" (a definition) are no event
    text = ("Заглавие\n\nБританският министър Дейвид Дейвис определи поведението на ЕС като \"неучтиво\". "
            "Рибарите определиха сделката като „капитулация“. Мей определи разговора като „много конструктивен“. "
            "Това се определя като грешка на системата.")
    assert [(t.split()[0], y) for t, y in _typed(text, "2018-02-09") if y == "ACCUSE"] == [
        ("определи", "ACCUSE"), ("определиха", "ACCUSE")]


def test_bulgarian_agreed_without_a_complement_and_refused_through_the_reflexive() -> None:
    # "се съгласиха, че ...", "се е съгласило с ...": agreed (AGREE) with no "да", "на" or "за" after the verb;
    # "не се съгласява", "не може да се съгласи", "не би се съгласил": a refusal stated (REJECT), the negation
    # standing before the reflexive particle and a modal
    text = ("Заглавие\n\nЕвропейските лидери се съгласиха, че искат близки търговски отношения. Обединеното кралство "
            "се е съгласило с гаранцията. Лондон не се съгласява с преходния срок. Мей подчерта, че нито един "
            "британски премиер не може да се съгласи с това. Никой министър-председател не би се съгласил с това.")
    assert [y for t, y in _typed(text, "2018-03-07") if t.startswith("съглас")] == [
        "AGREE", "AGREE", "REJECT", "REJECT", "REJECT"]


def test_bulgarian_waiting_for_a_permit_is_a_request() -> None:
    # "Nord Stream 2 AG чака разрешение от Дания": it has applied for a permit (REQUEST); the impersonal "се очаква
    # одобрението" names no one asking: no event
    text = ("Заглавие\n\nОператорът на тръбопровода Nord Stream 2 AG чака разрешение от Дания. "
            "Все още се очаква одобрението на Швеция.")
    assert [(t, y) for t, y in _typed(text, "2018-04-05") if y == "REQUEST"] == [("чака разрешение", "REQUEST")]


def test_bulgarian_thanks_a_vote_against_a_capitulation_and_help_given() -> None:
    # "благодари на X" praises (SUPPORT, 051); "гласуваха против" rejects (REJECT, 120); "капитулира пред" yields
    # (CONCEDE, 080); "да съдейства на", "окаже съдействие" help (AID, 070); "благодарение на" (thanks to) and
    # "съдействат за" (contribute to) are no act
    text = ("Заглавие\n\nПремиерът благодари на Румъния за помощта при евакуацията. Депутатите гласуваха против "
            "поправката на лордовете. Синдикатите обвиниха кабинета, че капитулира пред исканията на Брюксел. "
            "Посолството сформира щаб, който да съдейства на българските граждани. Консулът ще окаже съдействие "
            "на пътниците. Благодарение на новите правила цените паднаха. Ниските лихви съдействат за растежа.")
    typed = [(t.split()[0], y) for t, y in _typed(text, "2018-03-22")]
    assert ("благодари", "SUPPORT") in typed and ("гласуваха", "REJECT") in typed
    assert ("капитулира", "CONCEDE") in typed and ("съдейства", "AID") in typed
    assert ("окаже", "AID") in typed  # (after the plain future "ще": the help planned; stop 82, `planned_keeps`)
    assert not any(t.lower().startswith("благодарение") or t == "съдействат" for t, _ in typed)


def test_bulgarian_pressure_anger_and_threats_of_headlines_and_tabloids() -> None:
    # "натискат X да": a demand (REQUEST); "скочи срещу", "бесни на", "разглежда X като заплаха": criticism
    # (ACCUSE); "заплаха към": a threat (THREATEN); prices that jumped and a man who jumped out of a car are no act
    text = ("Заглавие\n\nЕкоактивисти натискат канцлера да спре строежа на газопровода. Евродепутатът веднага скочи "
            "срещу предложението на Лондон. Пътниците са бесни на авиокомпанията заради таксите. Певецът отправи "
            "жестока заплаха към колегата си. Вашингтон разглежда газопровода като заплаха за енергийната сигурност "
            "на Европа. Цените на горивата скочиха с десет процента. Полицаят скочи от колата.")
    assert [(t.split()[0], y) for t, y in _typed(text, "2018-04-05")] == [
        ("натискат", "REQUEST"), ("скочи", "ACCUSE"), ("бесни", "ACCUSE"), ("заплаха", "THREATEN"),
        ("разглежда", "ACCUSE")]


def test_bulgarian_a_warning_addressed_to_someone_and_a_welcome() -> None:
    # "отправи предупреждение към X": a threat (THREATEN); "прие добре": praise (SUPPORT); a warning "за" a danger
    # foresees and the impersonal "не се приемат добре" names no one: no event
    text = ("Заглавие\n\nПремиерът отправи предупреждение към радикалните партии да не излизат на улицата. "
            "Министърът прие добре предложението на Брюксел. Икономистите отправиха предупреждение за нова криза. "
            "Новите правила не се приемат добре от пътниците.")
    assert [(t.split()[0], y) for t, y in _typed(text, "2018-11-02")] == [("отправи", "THREATEN"), ("прие", "SUPPORT")]


def test_bulgarian_firing_at_someone_is_an_attack() -> None:
    # "стреляха по", "откри огън", "стрелбата по": ASSAULT (190); firing a gun at no one named is no event
    text = ("Заглавие\n\nВойниците стреляха по демонстрантите пред парламента. Нападателят откри огън в нощния "
            "клуб. Полицията разследва стрелбата по колата на бизнесмена. Ловецът стреля с пушка в гората.")
    assert [t for t, y in _typed(text, "2017-04-07") if y == "ASSAULT"] == [
        "стреляха по", "откри огън", "стрелбата по"]


def test_bulgarian_funding_is_aid() -> None:
    # "милиардерът, който финансира проевропейската организация": economic aid (AID, 071), as eval/bggold codes
    # funding, not economic cooperation (061, COOPERATE)
    text = ("Заглавие\n\nМилиардерът Джордж Сорос финансира проевропейската британска организация „Най-доброто за "
            "Великобритания“. Британските данъкоплатци финансират заплатите на 33 хиляди учители в Пакистан.")
    assert [(t, y) for t, y in _typed(text, "2018-05-30") if t.startswith("финансир")] == [
        ("финансира", "AID"), ("финансират", "AID")]


def test_bulgarian_hardly_will_agree_is_no_agreement() -> None:
    # "ЕС трудно ще се съгласи с предложенията": doubted, no agreement; "Страните се съгласиха" stays AGREE
    text = ("Заглавие\n\nСпоред него ЕС трудно ще се съгласи с предложенията на британския премиер. "
            "Страните-членки се съгласиха, че преходният период ще е кратък.")
    assert [(t, y) for t, y in _typed(text, "2018-03-07") if t.startswith("съглас")] == [("съгласиха", "AGREE")]


def test_bulgarian_sittings_offers_and_supporters() -> None:
    # a council's or a cabinet's sitting is a meeting (CONSULT), a court's a trial (COERCE); an offer "на" someone is AGREE; the present
    # participle "подкрепящи" describes a stance ("депутати, подкрепящи Брекзит"), no act of support
    text = ("Заглавие\n\nМинистрите на финансите заседаваха във Виена. Решението бе взето на заседание на "
            "Европейския съвет в петък. Брюксел предложи на Лондон нов търговски режим. Група депутати, подкрепящи "
            "Брекзит, изпратиха писмо до премиера. Това заседание на Върховния съд решава съдбата ѝ.")
    typed = _typed(text, "2018-03-07")
    assert ("заседаваха", "CONSULT") in typed and ("заседание", "CONSULT") in typed
    assert ("заседание на Върховния съд", "COERCE") in typed  # a court's sitting is a trial
    assert ("предложи на", "AGREE") in typed
    assert not any(t.startswith("подкрепящ") for t, _ in typed)


def test_bulgarian_a_demand_congratulations_and_an_approval_given() -> None:
    # the indefinite "искане" is a demand like "искането" (REQUEST); "поздравления" is praise and "даде
    # одобрението си" an endorsement (SUPPORT); an act done "по искане на" someone is done, not only asked for
    text = ("Заглавие\n\nХиляди учители протестираха пред парламента с искане за по-високи заплати. "
            "Министърът получи поздравления от колегите си. Федералната агенция даде одобрението си за строежа. "
            "Комисията по искане на Молдова предложи посредничество в спора.")
    typed = _typed(text, "2018-03-07")
    assert ("искане", "REQUEST") in typed
    assert ("поздравления", "SUPPORT") in typed and ("даде одобрението", "SUPPORT") in typed
    assert ("посредничество", "CONSULT") in typed


def test_bulgarian_a_bill_passed_is_support() -> None:
    # a parliament passing a bill endorses it (SUPPORT, as eval/bggold codes it), in the active or the passive;
    # "одобри" of a deal stays consent (AGREE)
    text = ("Заглавие\n\nНародното събрание прие закона за бюджета на първо четене. Законопроектът вчера бе одобрен "
            "и от комисията. Правителството одобри споразумението с Гърция.")
    typed = _typed(text, "2018-03-07")
    assert ("прие закона", "SUPPORT") in typed and ("Законопроектът вчера бе одобрен", "SUPPORT") in typed
    assert ("одобри", "AGREE") in typed


def test_bulgarian_a_hypothetical_is_no_event() -> None:
    # a cue after a conditional auxiliary ("би", "бих", "биха"), not negated, is said as a hypothetical: no event;
    # negated it stays a refusal ("не би се съгласил": REJECT)
    text = ("Заглавие\n\nВсеки разумен човек би се съгласил, че сделката е важна. Кандидатът заяви, че би преговарял "
            "по-твърдо с Брюксел. Никой премиер не би се съгласил на такива условия. Германия подкрепи плана.")
    typed = _typed(text, "2018-03-07")
    assert [y for _, y in typed] == ["REJECT", "SUPPORT"]


def test_bulgarian_to_negotiate_a_deal_is_agree() -> None:
    # "да договори" / "да се договорят": a deal wanted or planned, AGREE (030), as eval/bggold codes 9 of 14; the
    # bare "договори" is mostly the plural noun (treaties) and stays no cue
    text = ("Заглавие\n\nСофия се надява до есента да договори нов дългосрочен газов контракт. Предстои условията да "
            "се договорят от двете правителства. Страната спазва международните договори.")
    typed = _typed(text, "2018-03-07")
    assert [(t, y) for t, y in typed if "договор" in t] == [("да договори", "AGREE"), ("да се договорят", "AGREE")]


def test_bulgarian_pressure_and_appeals_are_requests() -> None:
    # pressure put on someone is a demand pressed (REQUEST, as eval/bggold codes it), not coercion; the noun
    # "призив" is an appeal (REQUEST) and what it asks for no act of its own ("с призиви за освобождаването ѝ")
    text = ("Заглавие\n\nОпозицията засили натиска върху кабинета за оставка. Вашингтон оказа натиск върху Берлин. "
            "Църквата излезе с призиви за освобождаването на журналиста.")
    typed = _typed(text, "2018-03-07")
    assert ("натиска върху", "REQUEST") in typed and ("призиви", "REQUEST") in typed
    assert [y for t, y in typed if t.startswith(("оказа", "натиск"))] == ["REQUEST", "REQUEST"]  # no COERCE
    assert not any(t.startswith("освобожд") for t, _ in typed)


@pytest.mark.parametrize(("text", "src", "tgt", "tgt_text"), [
    # the direct object is the target, not a country named later; a former office is CAMEO's elite (ELI)
    ("A Peruvian judge has ordered former president Alberto Fujimori to testify next month in an inquiry into arms "
     "deals with Ecuador.", "PERJUD", "PERELI", "president Alberto Fujimori"),
    # a capital that force strikes is its people, not its government
    ("Serbian forces shelled Sarajevo overnight, killing three people.", "SRBMIL", "BIHCVL", "Sarajevo"),
    ("Angry farmers said they would blockade Madrid next week.", "ESPAGR", "ESPCVL", "Madrid"),
    # refugees are of the country they flee
    ("The United Nations will provide emergency food aid to refugees fleeing the civil war in Sudan, a spokesman "
     "said.", "IGO", "SDNREF", "refugees"),
    ("Relief agencies in Chad said they would provide shelter to refugees who fled Sudan.", None, "SDNREF",
     "refugees"),
    # a role takes its country across a region's word ("in northern Uganda")
    ("Sudanese troops clashed with rebels in northern Uganda on Monday.", "SDNMIL", "UGAREB", "rebels"),
    # a body coded by the country in its name alone takes its role noun's sector
    ("The finance minister has refused to resign despite pressure from the Nigeria Anti-Corruption Commission.",
     "NGAGOV", "NGAGOV", "Nigeria Anti-Corruption Commission"),
    # a government's forces are its military
    ("Rebels accused Sudanese government forces of burning villages.", "SDNREB", "SDNMIL", "Sudanese government forces"),
    # "security forces" are police (COP), the Phoenix agents dictionary's first sector for them
    ("Security forces in Kenya have arrested dozens of Somali refugees, police said.", "KENCOP", "SOMREF",
     "Somali refugees"),
    # a village attacked is its people, of the country after it; one where fighting broke out is a place
    ("Sudanese troops attacked a village in eastern Chad on Sunday.", "SDNMIL", "TCDCVL", "village"),
    ("Heavy fighting broke out in a village near the border with Chad.", None, "TCD", "Chad"),
    # a body named after a country's adjective is that country's, whichever country's body of that name the KB
    # linked ("National Assembly": the Bulgarian one)
    ("The Serbian National Assembly condemned Croatia for the expulsions.", "SRBLEG", "HRV", "Croatia"),
    # a body's building after "outside" is where people protest, no actor
    ("Hundreds of Egyptian workers staged a strike outside parliament against a law passed by the Egyptian "
     "government.", "EGYLAB", "EGYGOV", "Egyptian government"),
])
def test_english_actor_codes(text, src, tgt, tgt_text) -> None:
    """Full actor codes of English news sentences, as CAMEO and the PLOVER records code them (stop 75)."""
    doc = vestnik.extract(text, published="2000-01-01", lang="en")
    first = doc.events[0]
    assert (first.source.code, first.target.code, doc.span_text(first.target.span)) == (src, tgt, tgt_text)


@pytest.mark.parametrize("text,plover,src,tgt", [
    # a passive with no agent, done in a place: that place's state did it; the subject is the target (stop 76)
    ("A Canadian aid worker was arrested in Egypt on Tuesday, his family said.", "COERCE", "EGY", "CAN"),
    # driving people from their homes, holding them as human shields (stop 76)
    ("Government troops have forced out hundreds of villagers from their homes in northern Uganda.", "COERCE",
     "UGAMIL", "UGACVL"),
    # ... and "civilian" before another role noun is its adjective: the refugees are the head (stop 76)
    ("Rebels have been holding thousands of Sudanese civilian refugees as human shields near the border.", "ASSAULT",
     "SDNREB", "SDNREF"),
    # "the deployment of X": X deploys (stop 76)
    ("The first deployment of NATO troops arrived in Kosovo on Saturday.", "MOBILIZE", "IGOMIL", "KSV"),
    # a capital after "in" in the subject's own phrase is where the subject is, no target (stop 76)
    ("Journalists based in Muslim west Beirut have defied an order by General Michel Aoun.", "REJECT", "LBNMED",
     "LBNMIL"),
    # people a cue moves out "from" a place leave it, the target; they are not that place's (stop 76)
    ("The United States will withdraw its troops from Iraq by the end of next year.", "AGREE", "USA", "IRQ"),
    ("The UN evacuated aid workers from Somalia after the attack.", "RETREAT", "IGO", "SOM"),
    # "X said that Y must ...": the modal's subject is whom it is demanded of, not a body named after it (stop 76)
    ("Germany said on Monday that Greece must return the stolen paintings held by the Greek authorities.", "REQUEST",
     "DEU", "GRC"),
    # easing a curfew "by" how long before the curfew (stop 76)
    ("President Hosni Mubarak on Sunday shortened by two hours the nightly curfew in Cairo.", "CONCEDE", "EGYGOV",
     "EGY"),
    # a place the KB does not know where a state eases or imposes restrictions is its own (stop 76)
    ("The Indian government imposed a curfew in Bandipora District on Friday.", "COERCE", "INDGOV", "IND"),
    # an actor in a clause of time after the cue ("after X did Y") is no target of the cue (stop 76)
    ("President Hosni Mubarak on Sunday lifted the curfew imposed in Egypt after a 1986 mutiny weakened the security"
     " forces.", "CONCEDE", "EGYGOV", "EGY"),
])
def test_english_actors_where_the_doer_or_the_head_noun_is_not_the_first_one_named(text, plover, src, tgt):
    doc = vestnik.extract(text, published="2024-04-02", lang="en")
    first = doc.events[0]
    assert (first.type, first.source.code, first.target.code or "") == (plover, src, tgt)


def test_bulgarian_a_person_the_kb_lacks_is_a_civilian_unless_named_with_an_office() -> None:
    """A person the KB does not know whom the text names with no office is a private person, the country's
    civilian (PAKCVL, as eval/bggold's guide codes "Асия Биби"; it had been the country alone, PAK); one the text
    names anywhere with an office ("Губернаторът на Пенджаб Салман Тасир") is no civilian in any sentence."""
    doc, evs = _by_trigger("Християнката Асия Биби напусна Пакистан. Върховният съд в Исламабад оправда Асия Биби през "
                           "октомври. Губернаторът на Пенджаб Салман Тасир защити Асия Биби. Салман Тасир осъди закона "
                           "за богохулството.", "2018-11-09")
    assert evs["оправда"].target.code == "PAKCVL" and evs["оправда"].source.code == "PAKJUD"
    assert evs["защити"].target.code == "PAKCVL" and doc.span_text(evs["защити"].source.span) == "Салман Тасир"
    assert evs["защити"].source.code == "PAK" and evs["осъди"].source.code == "PAK"


@pytest.mark.parametrize("text,plover,src,tgt", [
    # "under" + a noun cue: the subject undergoes it, the "by" agent acts; a citizen abroad is a civilian (stop 77)
    ("A British national has been put under investigation in France over the riots.", "ACCUSE", None, "GBRCVL"),
    ("An Iraqi army convoy came under attack by insurgents near Mosul on Sunday.", "ASSAULT", "IRQREB", "IRQMIL"),
    # "by the" + the agent, and the passive's subject before a town named after it (stop 77)
    ("Two Egyptian journalists were arrested by the police in Cairo on Monday.", "COERCE", "EGYCOP", "EGYMED"),
    ("Iraqi soldiers were attacked by insurgents near Mosul on Sunday.", "ASSAULT", "IRQREB", "IRQMIL"),
    # the speaker's own forces in the reported clause act, not the speaker (stop 77)
    ("Bosnian Serbs said on Tuesday their forces had completed their withdrawal from the town.", "RETREAT", "BIHMIL",
     ""),
    ("The Turkish government said its troops had pulled out of the Iraqi village.", "RETREAT", "TURMIL", "IRQ"),
])
def test_english_passives_under_a_noun_and_the_speaker_s_own_forces(text, plover, src, tgt) -> None:
    doc = vestnik.extract(text, published="2024-04-02", lang="en")
    first = doc.events[0]
    assert (first.type, first.source.code, first.target.code or "") == (plover, src, tgt)


def test_english_national_is_a_role_only_as_a_noun() -> None:
    """"national" is a civilian abroad only as a noun ("a US national has been ..."), not the adjective of "the US
    national debt" or "the British national team"."""
    doc = vestnik.extract("The British national team was attacked by fans in Paris.", published="2024-04-02", lang="en")
    assert not any((e.target.code or "").endswith("CVL") for e in doc.events)


def test_english_arms_inspectors_and_laying_down_arms_are_no_military_aid() -> None:
    """"arms" is military aid given ("supplied arms to Syria"), not in "arms inspectors" or "lay down their arms"
    (stop 77: two of the PLOVER records' spurious AID events)."""
    for text in ("UN arms inspectors said they needed more time to finish their work in Iraq.",
                 "The rebels rejected an appeal from the president to lay down their arms."):
        doc = vestnik.extract(text, published="2024-04-02", lang="en")
        assert not any(e.type == "AID" for e in doc.events), text
    doc = vestnik.extract("Russia supplied arms to Syria.", published="2024-04-02", lang="en")
    assert [(e.type, e.source.code, e.target.code) for e in doc.events] == [("AID", "RUS", "SYR")]


@pytest.mark.parametrize("text,tgt", [
    # a gerund after "before"/"after" opens a clause of time: its actors are no target of the cue (stop 77)
    ("Sudanese rebels demanded a ceasefire with government troops in Darfur before allowing U.N. convoys into the "
     "region.", "SDNMIL"),
    # a capital or a city named after its head noun in a phrase "in"/"at" opens is where it happened (stop 77)
    ("Hundreds of Kenyan students protested at a university in Kenya's capital Nairobi on Monday.", "KEN"),
    ("Kurds demonstrated in the northern city of Kirkuk against the Iraqi government.", "IRQGOV"),
])
def test_english_no_target_in_a_gerund_time_clause_or_a_named_place(text, tgt) -> None:
    doc = vestnik.extract(text, published="2024-04-02", lang="en")
    assert doc.events[0].target.code == tgt


def test_english_a_ministry_s_field_before_minister_is_the_office_not_a_party() -> None:
    """"Labour" the tagger links to the British party is the ministry's field before a capitalised "Minister": the
    Serbian labour minister is Serbia's government (SRBGOV), not the country alone (stop 77)."""
    doc = vestnik.extract("Thousands of Serbian workers went on strike over a bill drafted by Serbian Labour Minister "
                          "Dragan Milovanovic.", published="2024-04-02", lang="en")
    strike = next(e for e in doc.events if e.type == "PROTEST")
    assert strike.target.code == "SRBGOV"


def test_bulgarian_disputes_obstacles_open_doors_deployments_and_talks_on_something() -> None:
    """Sentences of the BSNLP reports and the web articles that coded no event: a dispute ("оспорва", "в сблъсък"),
    a refutation, an obstacle or a delay put up (REJECT), a door left open (AGREE, 030), troops or police deployed
    (MOBILIZE), talks on something (CONSULT), a condition set for someone (REQUEST), displeasure with something
    (ACCUSE), a beating (ASSAULT); a clash foreseen with "ще" is none."""
    _, evs = _by_trigger(
        "Газпром възнамерява да оспорва разпореждането в съда. Директорът на летище Пловдив Христо Щерионов опроверга "
        "тази информация. Дания ще забави строежа на газопровода. Строителството може да започне въпреки готвени "
        "спънки от Дания. Вратите на ЕС остават отворени за Великобритания. Стотици полицаи били разположени около "
        "Върховния съд в Исламабад. Министър Павлова отбеляза, че дискусиите за Брекзит навлизат в най-трудния си "
        "период. Условието към Берлин е да се откаже от газопровода. Ангела Меркел влезе в сблъсък с полския премиер "
        "Матеуш Моравецки. Жителите на района също са недоволни от непочистените пътища. Търговецът е пребит от бой.",
        "2018-06-01")
    got = {t: e.type for t, e in evs.items()}
    assert got.get("оспорва") == "REJECT" and got.get("опроверга") == "REJECT", got
    assert got.get("забави строежа") == "REJECT" and got.get("спънки от") == "REJECT", got
    assert got.get("Вратите на ЕС остават отворени") == "AGREE", got
    assert got.get("полицаи били разположени") == "MOBILIZE", got
    assert got.get("дискусиите за") == "CONSULT" and got.get("Условието към") == "REQUEST", got
    assert got.get("в сблъсък") == "ACCUSE" and got.get("недоволни от") == "ACCUSE", got
    assert got.get("от бой") == "ASSAULT", got
    _, foreseen = _by_trigger("Историкът предположи, че САЩ и Китай ще влязат в сблъсък заради Южнокитайско море.",
                              "2018-06-01")
    assert [e.type for e in foreseen.values() if e.type == "ACCUSE"] == []


def test_bulgarian_assurances_audiences_and_violence_done_to_a_person() -> None:
    """Assurances given are a pledge (AGREE, 030), an audience a meeting (CONSULT), a person raped, strangled or
    beheaded a physical assault (ASSAULT), a campaign launched for a cause political dissent (PROTEST); the nouns
    that count crimes ("151 изнасилвания на ден") are none."""
    _, evs = _by_trigger(
        "Министърът посети Украйна и даде уверения, че Германия ще продължи да разчита на украинския транзит. Папа "
        "Франциск прие на аудиенция във Ватикана дъщерята и съпруга на Азия Биби. Неговият чичо е обезглавен заради "
        "своята вяра. Полицията потвърди, че тийнейджърът е бил удушен. Популярни британски актьори започнаха "
        "кампания за втори референдум по Брекзит.", "2018-11-09")
    got = {t: e.type for t, e in evs.items()}
    assert got.get("започнаха кампания за") == "PROTEST", got
    assert got.get("даде уверения") == "AGREE" and got.get("на аудиенция") == "CONSULT", got
    assert got.get("обезглавен") == "ASSAULT" and got.get("удушен") == "ASSAULT", got
    _, counted = _by_trigger("Факти: 51 убийства, 151 изнасилвания и 347 обира на ден.", "2017-01-10")
    assert [t for t in counted if "изнасил" in t] == []


def _actors_bg(text: str, published: str = "2018-11-03") -> list[tuple[str, str | None, str | None]]:
    """(trigger, source code, target code) of each event of a Bulgarian text."""
    doc = vestnik.extract(text, published=published, lang="bg")
    return [(doc.span_text(e.span), e.source.code, e.target.code) for e in doc.events]


def test_first_person_cue_in_quote_is_the_speakers_act():
    """Bulgarian drops the subject pronoun: "Искаме да се договорим" inside a quote is its speaker's act (it had no
    source), "Напускаме ЕС" likewise."""
    assert ("се договорим", "GBRGOV", "IGO") in _actors_bg(
        "„Искаме да се договорим с ЕС за всеобхватно споразумение за свободна търговия“, каза британският премиер "
        "Тереза Мей.")
    assert any(src == "GBRGOV" for cue, src, _ in _actors_bg(
        "„Напускаме ЕС, но не и Европа“, заяви британският премиер Тереза Мей в Мюнхен.") if cue.startswith("Напускаме"))


def test_court_object_form_is_an_actor():
    """"оправдана от съда": the court (the object form "съда" of actors.tsv) is the passive's agent, JUD."""
    assert ("беше оправдана", "PAKJUD", "PAKCVL") in _actors_bg(
        "Пакистанската християнка Асия Биби беше оправдана от съда в Лахор.")


def test_noun_cue_after_a_causative_is_not_its_subjects_act():
    """"Решението на правителството предизвика протести": the government caused the protests, it does not protest
    (it had been their source)."""
    evs = _actors_bg("Решението на правителството предизвика гневни протести в Пакистан.")
    assert [src for cue, src, _ in evs if cue == "протести"] == [None]


def test_office_named_once_holds_for_the_bare_name():
    """A person the KB lacks, named once with an office noun ("Британският министър Джъстин Грийнинг"), holds it
    where the name stands alone ("Грийнинг отказа"): GBRGOV, not the country alone."""
    evs = _actors_bg("Британският министър Джъстин Грийнинг напусна кабинета във Великобритания. В сряда Грийнинг "
                     "отказа предложението на премиера Тереза Мей.")
    assert [src for cue, src, _ in evs if cue == "отказа"] == ["GBRGOV"]


def test_noun_cue_agent_after_ot_strana_na():
    """"Заплахите от страна на Русия": the actor after "от страна на" does what the noun names (Russia had been the
    target of its own threats)."""
    evs = _actors_bg("Заплахите от страна на Русия тревожат Литва и Полша.")
    assert evs and all(src == "RUS" for _, src, _ in evs)


def test_bulgarian_a_possibility_is_no_event() -> None:
    # a cue in the infinitive of a modal of ability ("може да", "могат да бъдат") says what can happen: no event;
    # negated it stays a refusal ("не може да се съгласи": REJECT), a sanction in prospect a threat (131)
    text = ("Заглавие\n\nФинансовият министър предупреди, че Великобритания може да напусне ЕС без сделка. Според "
            "него двете страни могат да постигнат споразумение до есента. Задържаните могат да бъдат освободени под "
            "гаранция. Лондон не може да се съгласи с това. Компанията може да бъде санкционирана от Брюксел. "
            "Германия подкрепи плана.")
    got = _typed(text, "2018-03-07")
    assert [t for t, _ in got if t.startswith(("напусне", "постигнат", "освободени"))] == []
    assert ("съгласи", "REJECT") in got and ("подкрепи", "SUPPORT") in got
    assert any(y == "THREATEN" for t, y in got if t.startswith("санкционир"))


def test_bulgarian_a_planned_meeting_is_a_meeting() -> None:
    # a meeting, a visit or talks in the plain future ("ще се срещне", "ще обсъдят", "предстоящите преговори") is the
    # planned meeting, CONSULT; after "готов" or "обеща" it stays an intent to meet (036, AGREE)
    text = ("Заглавие\n\nБританският премиер ще се срещне с германския канцлер в Берлин. Министрите ще обсъдят "
            "бюджета в понеделник. Вашингтон е готов да преговаря за ново търговско споразумение.")
    got = _typed(text, "2018-03-07")
    assert ("ще се срещне", "CONSULT") in got and ("обсъдят", "CONSULT") in got
    assert ("преговаря", "AGREE") in got


def test_bulgarian_a_negated_act_is_no_event() -> None:
    # an act negated did not happen and is no event ("не обидила", "без да сключи споразумение"); a negated refusal
    # or threat stays ("няма да позволи": REJECT), as does a refusal stated ("не одобряват")
    text = ("Заглавие\n\nТя настоя, че не е обидила никого. Правителството може да подаде оставка, без да сключи "
            "споразумение с опозицията. Премиерът заяви, че никога няма да позволи това. Депутатите не одобряват "
            "плана на кабинета.")
    got = _typed(text, "2018-03-07")
    assert [t for t, _ in got if t.startswith(("обид", "сключи"))] == []
    assert any(y == "REJECT" and "позволи" in t for t, y in got)
    assert any(y == "REJECT" and t.startswith("одобр") for t, y in got)


def test_bulgarian_a_second_infinitive_is_no_event() -> None:
    # "... да се застъпят ... и да подпишат петицията": the second infinitive of a clause called for is no more an
    # event than the first; a verb of its own after "и" stays one ("и подписаха")
    text = ("Заглавие\n\nАктивистите призоваха хората да се застъпят за затворничката и да подпишат петицията. "
            "Демонстрантите блокираха пътищата и подписаха петиция до премиера.")
    got = _typed(text, "2018-11-03")
    assert [t for t, _ in got if t.startswith("подпишат")] == []
    assert any(t.startswith("подписаха") for t, _ in got)


def test_bulgarian_protection_as_a_purpose_is_no_event() -> None:
    # "за да защитим нашите хора", "ще защити правата": protection aimed at or promised, no one defended yet;
    # "Германия защити проекта" defends it (SUPPORT)
    text = ("Заглавие\n\nПравителството ще направи всичко необходимо, за да защитим нашите хора. Центърът ще защити "
            "правата на пътниците. Германия защити газопровода въпреки критиките.")
    got = _typed(text, "2018-06-18")
    assert [t for t, _ in got if t.startswith("защит")] == ["защити"]
    assert ("защити", "SUPPORT") in got


def test_bulgarian_a_label_after_a_copula_is_a_denunciation() -> None:
    # "X е незаконно", "са напълно неверни", "беше грешка": an act or a claim said to be wrong, false or unlawful
    # is a denunciation (111, ACCUSE); negated ("не е грешка") or after "би" it is none
    text = ("Заглавие\n\nОпозицията заяви, че решението на кабинета е незаконно. Според синдиката обещанията на "
            "ръководството са напълно неверни. Бившият министър призна, че реформата беше грешка. Премиерът каза, че "
            "споразумението не е грешка. Отказът от сделката би бил грешка.")
    got = _typed(text, "2018-03-07")
    assert ("е незаконно", "ACCUSE") in got and ("са напълно неверни", "ACCUSE") in got
    assert ("беше грешка", "ACCUSE") in got
    assert [t for t, _ in got if "не е" in t or t.startswith(("би", "бил"))] == []


def test_bulgarian_no_intention_is_a_refusal_robbery_coercion_war_an_assault() -> None:
    # "не възнамерява да", "няма намерение да": a refusal stated (120, REJECT); "ограбиха" property seized (171,
    # COERCE); "воюва с" fighting (190, ASSAULT), "воюва за" a cause is none
    text = ("Заглавие\n\nУнгария не възнамерява да подновява договора за доставка на газ. Министърът заяви, че "
            "правителството няма намерение да спира строежа. Въоръжени мъже ограбиха обменно бюро в центъра на града. "
            "Армията воюва с бунтовниците в планините. Той от години воюва за правата на животните.")
    got = _typed(text, "2018-03-07")
    assert ("не възнамерява да", "REJECT") in got and ("няма намерение да", "REJECT") in got
    assert ("ограбиха", "COERCE") in got
    assert [(t, y) for t, y in got if t.startswith("воюва")] == [("воюва с", "ASSAULT")]


def test_bulgarian_doubt_and_branding_are_disapproval() -> None:
    # "се усъмниха в законността" casts doubt (110), "заклейми насилието" condemns (111): both ACCUSE
    text = ("Заглавие\n\nЧаст от депутатите се усъмниха в законността на сделката. Президентът заклейми насилието "
            "срещу журналистите.")
    got = _typed(text, "2018-03-07")
    assert ("се усъмниха в", "ACCUSE") in got and ("заклейми", "ACCUSE") in got


def test_a_noun_cues_genitive_past_its_adjectives_acts():
    """"предизвика протести на гневни тълпи": the crowds protest (the genitive right after a noun cue had been its
    source only with no word between "на" and the actor; the adjectives of the role noun kept it from the event)."""
    _doc, evs = _by_trigger("Решението на съда предизвика протести на гневни тълпи из цял Пакистан.", "2018-11-01")
    assert evs["протести"].source.code == "PAKCVL"


def test_she_opening_a_sentence_is_the_woman_named_before_the_man():
    """"Адвокатът Сайфул Мулук защитаваше Асия Биби. Тя отрече ...": "Тя" is the woman, a name the pack tells as
    female, not the man named last (a name that tells no gender had been taken for it)."""
    _doc, evs = _by_trigger("Пакистанската християнка Асия Биби беше оправдана от Върховния съд. Адвокатът Сайфул "
                           "Мулук защитаваше Асия Биби в съда. Тя отрече да е богохулствала.", "2018-11-01")
    src = evs["отрече"].source
    bibi = evs["защитаваше"].target
    assert src.entity == bibi.entity and src.code == "PAKCVL"


def test_an_age_or_an_adjective_opening_an_apposition_tells_a_private_person():
    """"Азия Биби, 45-годишна католичка", "Азия Биби, 47 годишната пакистанска католичка", "Асия Биби е пакистанска
    християнка": she is a civilian (PAKCVL) in every sentence, as the annotation guide codes her (she had been PAK:
    the age and the adjective in an indefinite form had hidden the noun of the apposition)."""
    for text in ("Азия Биби, 45-годишна католичка и майка на пет деца, беше арестувана в Пакистан през 2009 г.",
                 "Азия Биби, 47 годишната пакистанска католичка, беше арестувана през 2009 г."):
        _doc, evs = _by_trigger(text, "2018-11-01")
        assert evs["арестувана"].target.code == "PAKCVL", text
    _doc, evs = _by_trigger("Асия Биби е пакистанска християнка. През 2010 г. Асия Биби беше осъдена на смърт.",
                            "2018-11-01")
    assert evs["осъдена на смърт"].target.code == "PAKCVL"


def test_bg_people_named_by_what_they_are():
    """Stop 80 (actors.tsv): fishermen are labour, a husband the country's civilians, senators a legislature; before,
    the fishermen were their country alone (GBR) and the husband's act was his wife's (named after him)."""
    doc = vestnik.extract("Британски рибари запалиха рибарска лодка и знамена на Европейския съюз в хода на "
                          "общонационален протест срещу транзитната сделка за Брекзит.", published="2018-04-04",
                          lang="bg")
    src = {doc.span_text(e.span): (e.source.code, doc.span_text(e.source.span) if e.source.span else None)
           for e in doc.events}
    assert src["протест"] == ("GBRLAB", "Британски рибари")
    doc = vestnik.extract("Пакистанската християнка Азия Биби беше оправдана. В събота съпругът на Биби поиска "
                          "убежище за семейството си в САЩ, Великобритания и Канада.", published="2018-11-10",
                          lang="bg")
    asked = next(e for e in doc.events if doc.span_text(e.span).startswith("поиска"))
    assert (asked.source.code, doc.span_text(asked.source.span)) == ("PAKCVL", "съпругът")
    doc = vestnik.extract("Тръмп критикува сенаторите Линдси Греъм и Джон Маккейн.", published="2017-08-10",
                          lang="bg")
    assert any(e.target.code == "USALEG" for e in doc.events), _events(doc)


def test_genitive_inside_a_noun_cue_and_at_whose_demand():
    """Stop 81: a genitive the noun cue holds ("след удара на САЩ по Сирия") is who struck, whatever the clause's
    subject; "по (изрично) настояване на X" is X's demand. Before, the USA were the strike's target and the
    demanding person its target."""
    evs = _actors_bg("Русия осъди удара на САЩ по Сирия.", "2017-04-08")
    assert ("удара на САЩ по", "USA", "SYR") in evs, evs
    evs = _actors_bg("По настояване на ЕС преговорите вървят постъпателно.", "2018-03-07")
    assert [src for cue, src, _ in evs if cue == "настояване"] == ["IGO"], evs


def test_passive_agent_after_an_adjective_and_the_pope():
    """Stop 81: "оправдана от Върховния съд": the court is the agent though its candidate is the noun alone (the
    adjective between "от" and it had hidden it); "Папата" is the Vatican's religious leader, VATREL."""
    evs = _actors_bg("Пакистанската християнка Асия Биби бе оправдана от Върховния съд.", "2018-11-01")
    assert [src for cue, src, _ in evs if cue == "бе оправдана"] == ["PAKJUD"], evs
    evs = _actors_bg("Папата призова Пакистан да освободи осъдената на смърт християнка.", "2010-11-20")
    assert [src for cue, src, _ in evs if cue == "призова"] == ["VATREL"], evs


def test_people_counted_are_civilians():
    """Stop 81: "Около 1000 души ... блокираха", "Над 560 хил. души подписаха петиция": people counted are the
    country's civilians (CVL); "хора" uncounted stays no actor ("Такива хора предлагат")."""
    evs = _actors_bg("В Пакистан около 1000 души, размахващи плакати, блокираха главния път на Исламабад.",
                     "2018-11-01")
    assert [src for cue, src, _ in evs if cue == "блокираха"] == ["PAKCVL"], evs
    evs = _actors_bg("Такива хора в България предлагат да изобретят вечен двигател.", "2018-11-01")
    assert all(src is None or not src.endswith("CVL") for _, src, _ in evs), evs


def test_bulgarian_what_one_wants_is_no_demand() -> None:
    """Stop 81: "иска" whose object is a relative or question word before it ("всичко, което иска", "какви отношения
    иска", "какво точно иска Лондон", "по начина, по който са искали") tells what one wants, no demand (eval/bggold
    codes none of 20 such); a subject relative ("депутати, които искат оставката") and "иска от X да" stay demands."""
    text = ("Заглавие\n\nНито една от страните няма да получи всичко, което иска от преговорите. Министърът все още не "
            "е обявил какво точно иска Лондон. Туск настоя за яснота какви отношения иска Великобритания с ЕС. "
            "Хората ще могат да живеят по начина, по който са искали. Полша иска от ЕС да ускори преговорите.")
    typed = _typed(text, "2018-03-02")
    assert [t for t, y in typed if y == "REQUEST"] == ["настоя", "иска от ЕС да"], typed


def test_bulgarian_a_demand_or_sanction_noun_with_no_one_named_is_a_topic() -> None:
    """Stop 81 (`noun_needs_actor_roots`): a demand's or a sanction's noun with neither a source nor a target in its
    sentence ("Санкциите могат да включват ...", "искането за коментар") names no act; with actors it stays."""
    text = ("Заглавие\n\nСъдебните санкции отнемат години. Исканията за документи се увеличават заради неяснотите. "
            "САЩ наложиха санкции на Русия. Полша отправи искане към Германия да спре строежа.")
    typed = _typed(text, "2018-03-02")
    assert [y for _t, y in typed] == ["SANCTION", "REQUEST"], typed


def test_a_person_named_in_full_with_no_office_is_a_private_one() -> None:
    """Stop 82: a person the KB lacks whom the text names in full and never with an office or a rank is a civilian
    ("Георги Пантов ... е задържан": BGRCVL; he had been BGR, the country alone, as the annotation codes such people
    CVL 77 times to 5); a name ending in a KB person's surname, a woman's form included ("Людмила Живкова", of
    "Тодор Живков"), keeps no sector."""
    _doc, evs = _by_trigger("Тя се връща в България и натоварва ръководителя на служба „Културно наследство” Кръстьо "
                            "Мутафчиев, да организира експедиция в Странджа, за да намерят тайнственото място. Другият "
                            "от участниците Георги Пантов, след края на разкопките е задържан и изкарва известно време "
                            "в подземията на „Развигор“.", "2017-05-01")
    assert evs["задържан"].target.code == "BGRCVL"
    _doc, evs = _by_trigger("По време на специализацията й в Оксфорд през втората половина на 70-те години Людмила "
                            "Живкова има среща с висш представител на британското разузнаване МИ 6.", "2017-05-01")
    src = evs["среща"].source
    assert src.entity and src.entity.startswith("vx:") and src.code and not src.code.endswith("CVL")


def test_a_participle_with_no_auxiliary_before_its_agent_is_a_passive() -> None:
    """Stop 82: "Тази политическа бъркотия, така често критикувана от ЕС, ...": a participle with "от" and an actor
    right after it is done by that actor, with no auxiliary before it (the EU had been its target, the source none);
    a place after "от" stays where from."""
    _doc, evs = _by_trigger("Тази политическа бъркотия, така често критикувана от ЕС, дълго време оказваше влияние "
                            "върху одобрението за политиката на Тереза Мей.", "2018-11-02")
    ev = evs["критикувана"]
    assert ev.source.entity == "vk:european-union" and ev.target.entity != "vk:european-union"


def test_bulgarian_strikes_funding_by_someone_and_a_bidding() -> None:
    """Stop 82: the bare plural "ударите" is the military strikes ("след ударите в Сирия", ASSAULT), "под ударите на
    санкциите" a figure of speech; "финансирани от X" the passive of "финансира" (AID); "заръка" the noun of
    "заръча" (a bidding, REQUEST). Sentences from web articles and a BSNLP report, not from the annotations."""
    text = ("Заглавие\n\nКак се промени образът на Тръмп в Русия след ударите в Сирия? "
            "Искаме строителството на газопровода да попадне под ударите на санкциите на САЩ. "
            "Много лобисти на аборта са финансирани от „Билдербергерите“. "
            "При подготвянето на експедицията Луис по заръка на президента прекарал много време в библиотеката.")
    typed = _typed(text, "2018-06-18")
    assert ("ударите", "ASSAULT") in typed, typed
    assert not any(t.startswith("ударите на санкциите") or t == "под ударите на" for t, _ in typed), typed
    assert ("финансирани от", "AID") in typed, typed
    assert ("заръка", "REQUEST") in typed, typed


def test_bulgarian_aid_in_the_plain_future_is_the_aid_planned() -> None:
    """Stop 82 (`planned_keeps` "07"): aid after the plain future "ще" is the aid planned (AID), as a meeting there is
    the meeting; after "обещаха" it stays an intent (033, AGREE). Sentences from BSNLP reports, not annotated."""
    text = ("Заглавие\n\nТереза Мей заяви, че мерките ще бъдат частично финансирани от „Брекзитски дивидент“. "
            "Европейските партньори от своя страна обещаха да финансират проекта общо с 50%.")
    typed = _typed(text, "2018-06-18")
    assert [y for t, y in typed if t.startswith("финансира")] == ["AID", "AGREE"], typed


def test_bulgarian_an_annexation_is_an_attack() -> None:
    """Stop 82: an annexation is territory taken by force (190, ASSAULT), as eval/bggold codes every realized one,
    not the occupation code (192, COERCE). A sentence from a web article, not annotated."""
    text = "Заглавие\n\nЕдинственият коз на Владимир Путин да бъде преизбран за президент, е анексирането на Крим."
    typed = _typed(text, "2017-03-20")
    assert [y for t, y in typed if t.startswith("анексирането")] == ["ASSAULT"], typed


def test_bulgarian_poisons_sprayed_are_no_poisoning() -> None:
    """Stop 82: "с отрови" is the plural noun (poisons), not the aorist "отрови" (poisoned, ASSAULT); "се опитала да я
    отрови" stays the attack. Sentences from web articles, not annotated."""
    text = ("Заглавие\n\nЗли богати хора пръскат народа с отрови, от които в един момент от ушите ни ще започнат да "
            "растат отровни гъби. В Санкт Петербург пък съвсем непозната жена, очевидно пак от службите, се опитала "
            "да я отрови.")
    typed = _typed(text, "2017-03-20")
    assert [y for t, y in typed if t.startswith("отрови")] == ["ASSAULT"], typed


def test_bulgarian_a_funeral_procession_is_no_protest() -> None:
    """Stop 82: "траурно шествие" is a funeral procession, no protest march (141, PROTEST). A sentence from a web
    article, not annotated."""
    text = "Заглавие\n\nДва дни след убийството Илиев е погребан с траурно шествие."
    typed = _typed(text, "2017-03-20")
    assert not any(y == "PROTEST" for _, y in typed), typed


def test_bulgarian_islamists_named_as_a_group_are_radicals() -> None:
    """Stop 82: "протести на ... мюсюлмански екстремисти", "ислямистите блокираха" name radicals (RAD) of the country
    the text is about; they are never a target ("заплахи от радикални ислямисти" is their act). Sentences from a
    BSNLP report that is not annotated."""
    text = ("Адвокатът, спасил християнка от обесване, напусна Пакистан\n\nБиби прекара десет години в затвора в "
            "очакване на екзекуция, докато Върховният съд не я отмени. Решението предизвика улични протести на "
            "разгневени мюсюлмански екстремисти. Той е получил заплахи от радикални ислямисти.")
    evs = _actors_bg(text, "2019-05-08")
    assert [src for cue, src, _ in evs if cue == "протести"] == ["PAKRAD"], evs
    assert not any(tgt == "PAKRAD" for _, _, tgt in evs), evs
