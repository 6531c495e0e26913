"""Quote frames, speakers and chains on short news passages in each language (the quotes stage alone)."""

from __future__ import annotations

import vestnik
from vestnik.document import Document
from vestnik.pipeline import Resources
from vestnik.quotes.finder import Finder
from vestnik.quotes.lexicon import available_languages, load_lexicon
from vestnik.quotes.stage import guess_language, quotes_stage

RES = Resources()


def run(text: str, lang: str | None = None) -> Document:
    doc = Document(text=text, language=lang, published="2024-12-18")
    return quotes_stage(doc, RES)


def said(doc: Document) -> list[tuple[str, str]]:
    """Each quote's content and its speaker's phrase ("" when none is named)."""
    return [(doc.span_text(q.span), doc.span_text(q.speaker.span)) for q in doc.quotes]


def spans(doc: Document) -> list[tuple[str, str | None, str | None, bool]]:
    return [(doc.span_text(q.span), doc.span_text(q.cue) or None, doc.span_text(q.speaker.span) or None, q.direct)
            for q in doc.quotes]


def test_languages_have_data() -> None:
    assert {"bg", "ru", "en"} <= set(available_languages())
    for code in ("bg", "ru", "en"):
        lex = load_lexicon(code)
        assert lex.phrases and lex.agencies and lex.openers


def test_guess_language() -> None:
    assert guess_language("Министърът заяви, че ще подаде оставка.") == "bg"
    assert guess_language("Министр заявил, что подаст в отставку, сообщает ТАСС.") == "ru"
    assert guess_language("The minister said he would resign.") == "en"


def test_english_frames() -> None:
    doc = run("Clinton said that the deal was dead. “We will win,” she told reporters. "
              "The economy is growing, according to the Commerce Department.\n", "en")
    got = spans(doc)
    assert ("that the deal was dead", "said", "Clinton", False) in got
    assert ("We will win", "told", "she", True) in got
    assert ("The economy is growing", "according to", "Commerce Department", False) in got


def test_english_inverted_and_bare() -> None:
    doc = run("“We are seeing a backlash,” said Edward Alden of the Council on Foreign Relations.\n\n"
              "In an interview Monday, Trump said Russia cannot stand either candidate.\n", "en")
    got = spans(doc)
    assert got[0][0] == "We are seeing a backlash" and got[0][2].startswith("Edward Alden")
    assert ("Russia cannot stand either candidate", "said", "Trump", False) in got


def test_english_multi_paragraph_quote() -> None:
    text = ("“People are blaming it all on immigrants,” she told AFP.\n\n"
            "“They want to blame it on something that is coming from outside, not on bad policies.”\n")
    doc = run(text, "en")
    assert len(doc.quotes) == 1  # the second quoted paragraph continues the first
    q = doc.quotes[0]
    assert doc.span_text(q.span).startswith("People are blaming") and doc.span_text(q.span).endswith("bad policies.")


def test_nested_quotes_stay_inside() -> None:
    doc = run("Премиерът заяви: „Казах им «не» и това е окончателно“.", "bg")
    assert spans(doc) == [("Казах им «не» и това е окончателно", "заяви", "Премиерът", True)]


def test_bulgarian_trailing_role_and_pronoun() -> None:
    doc = run("Правителството ще подаде оставка до петък, заяви министърът на финансите.\n"
              "„Няма да отстъпим“, каза той.\n", "bg")
    got = spans(doc)
    assert got[0][:3] == ("Правителството ще подаде оставка до петък", "заяви", "министърът на финансите")
    assert got[1][:3] == ("Няма да отстъпим", "каза", "той")


def test_bulgarian_cited_by_chain() -> None:
    doc = run("Посланикът се оттегля от поста си, съобщи Държавният департамент на САЩ, цитиран от Ройтерс.", "bg")
    names = [doc.span_text(s.span) for s in doc.sources]
    assert "Ройтерс" in names and "Държавният департамент на САЩ" in names
    reuters = names.index("Ройтерс")
    assert doc.sources[reuters].cites == names.index("Държавният департамент на САЩ")
    assert doc.quotes[0].sources == [reuters, names.index("Държавният департамент на САЩ")]


def test_russian_chain_and_speaker() -> None:
    doc = run("Министр обороны заявил, что войска отведены от границы, сообщает ТАСС со ссылкой на Интерфакс.", "ru")
    got = spans(doc)
    assert got and got[0][0] == "войска отведены от границы" and got[0][1] == "заявил"
    names = [doc.span_text(s.span) for s in doc.sources]
    assert names[:2] == ["ТАСС", "Интерфакс"]
    assert doc.sources[0].cites == 1
    assert doc.quotes[0].sources == [0, 1]


def test_scare_quotes_are_not_speech() -> None:
    doc = run("The bank called the decision part of a „pattern“ and moved on.", "en")
    assert all(doc.span_text(q.span) != "pattern" for q in doc.quotes)


def test_bad_input_does_not_crash() -> None:
    for text in ["", "„", "“unclosed", "said", ", said .", "\n\n\n", "„a“ „b“ „c“, заяви"]:
        doc = run(text)
        assert isinstance(doc.quotes, list)


def test_direct_quote_scanner_unclosed_closes_at_paragraph_end() -> None:
    doc = Document(text="Той каза: „Ще се върна\nНов абзац.", language="bg")
    f = Finder(doc, load_lexicon("bg"))
    res = f.direct_quotes([(0, 22), (23, 33)])
    assert [doc.span_text(q.content) for q in res[0]] == ["Ще се върна"] and res[1] == []


def test_publisher_is_not_a_source() -> None:
    text = "Парламентът прие бюджета, предаде БТА, като се позова на Ройтерс."
    doc = Document(text=text, language="bg", publisher={"name": "BTA", "entity": None})
    doc = quotes_stage(doc, RES)
    assert [doc.span_text(s.span) for s in doc.sources] == ["Ройтерс"]
    assert doc.sources[0].cites is None
    doc = run(text, "bg")  # no publisher known: BTA is a source citing Reuters
    assert [doc.span_text(s.span) for s in doc.sources] == ["БТА", "Ройтерс"] and doc.sources[0].cites == 1


def test_anaphoric_tova_zayavi() -> None:
    doc = run("Бюджетът ще бъде приет до края на годината. Това заяви финансовият министър пред журналисти.", "bg")
    got = spans(doc)
    assert ("Бюджетът ще бъде приет до края на годината", "заяви", "финансовият министър", False) in got


def test_pp_between_cue_and_speaker_is_skipped() -> None:
    doc = run("Изборите ще бъдат през октомври, каза пред БНТ министърът на правосъдието.", "bg")
    got = spans(doc)
    assert got == [("Изборите ще бъдат през октомври", "каза", "министърът на правосъдието", False)]
    # БНТ is where he said it: the outlet the report rests on (as "в интервю за X", "пред в. X"), not the speaker
    assert [(doc.span_text(s.span), s.evidence) for s in doc.sources] == [("БНТ", "source:outlet")]


def test_russian_pronoun_and_impersonal_medium() -> None:
    doc = run("Кремль не видит оснований для переговоров, заявил Дмитрий Песков.\n"
              "«Позиция остается неизменной», — сказал он журналистам.\n"
              "В заявлении министерства говорится, что санкции будут продлены.\n", "ru")
    got = spans(doc)
    assert ("Позиция остается неизменной", "сказал", "он", True) in got
    assert ("санкции будут продлены", "говорится", "заявлении министерства", False) in got


def test_english_coordinated_cues_share_the_speaker() -> None:
    doc = run("Trump questioned how Clinton would negotiate with Putin, blamed President Barack Obama for the downturn "
              "and bemoaned a lack of Republican unity.", "en")
    assert spans(doc) == [("how Clinton would negotiate with Putin", "questioned", "Trump", False),
                          ("President Barack Obama for the downturn", "blamed", "Trump", False),
                          ("a lack of Republican unity", "bemoaned", "Trump", False)]


def test_english_nominal_cues() -> None:
    doc = run("Clinton’s allegations of a “vast right-wing conspiracy” were repeated. "
              "Ryan has not rescinded his endorsement of Trump.", "en")
    got = spans(doc)
    assert ("a “vast right-wing conspiracy”", "allegations", "Clinton’s", False) in got
    assert ("Trump", "endorsement", "Ryan", False) in got  # the verb's subject holds the endorsement


def test_english_bare_clause_details() -> None:
    doc = run("Obama said Tuesday the version Trump is talking about is “just not true.”\n\n"
              "Conway said Trump’s son was acting out of worry: “It’s pretty rattling to think of what may have happened "
              "to your father. So, I will excuse him that,” Conway told CNN.\n\n"
              "The economy added 156,000 jobs in September. She worried about answering his attacks.\n\n"
              "Trump, meanwhile, planned a marathon day on the campaign trail.", "en")
    got = spans(doc)
    assert ("the version Trump is talking about is “just not true.”", "said", "Obama", False) in got  # time word skipped
    assert ("Trump’s son was acting out of worry", "said", "Conway", False) in got  # the colon hands over to the quote
    assert any(d and s == "Conway" and c.startswith("It’s pretty rattling") for c, _cue, s, d in got)
    assert not any(c.startswith(("156,000", "about")) for c, *_ in got)  # an amount, a worry about: no claim
    assert ("a marathon day on the campaign trail", "planned", "Trump", False) in got  # ", meanwhile," skipped


def test_english_told_a_long_addressee_then_that() -> None:
    """Stop 49: "told <a long addressee> in a holiday message that ...": the content is the clause after "that", not
    the addressee (the complementizer lies past the frame's ten-word window, and the bare frame had begun at
    "leader"); a short object still goes before a bare clause."""
    doc = run("Russian President Vladimir Putin told North Korean leader Kim Jong Un in a holiday message that the two "
              "countries would continue to implement the treaty. Putin told reporters the deal is dead.", "en")
    got = spans(doc)
    assert ("that the two countries would continue to implement the treaty", "told", "Russian President Vladimir Putin",
            False) in got
    assert not any(c.startswith("leader") for c, *_ in got)
    assert any(c.endswith("deal is dead") and cue == "told" for c, cue, *_ in got)


def test_sentence_filter_keeps_every_cue_and_agency() -> None:
    """``Finder.may_cue`` decides which sentences without a quote are tokenised: it never skips one where a cue
    phrase or an agency name matches its tokens (real pages, each language)."""
    import re
    from pathlib import Path

    samples = Path(__file__).resolve().parents[1] / "vestnik" / "samples"
    pages = [("bg", (samples / "bta-putin-north-korea.txt").read_text(encoding="utf-8"))]
    for lang, name in [("bg", "bg-tbilisi-protests.html"), ("ru", "ru-interfax-belgrade-protests.html"),
                       ("en", "en-ap-iran-sanctions.html")]:
        raw = (samples / name).read_text(encoding="utf-8")
        pages.append((lang, re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", raw))))
    checked = 0
    for lang, text in pages:
        f = Finder(Document(text=text, language=lang), load_lexicon(lang))
        for m in re.finditer(r"[^.!?\n]+[.!?]*", text):
            a, b = m.span()
            toks = f.tokens(a, b)
            hit = any(t.word and (f.match_phrase(toks, i, len(toks)) or f.match_agency(toks, i, len(toks)))
                      for i, t in enumerate(toks))
            keep = f.may_cue(a, b)
            assert keep or not hit, text[a:b]
            checked += hit
    assert checked >= 10


def test_a_statement_opening_with_the_agency_dateline_starts_after_it() -> None:
    """"WASHINGTON (AP) — The Biden administration ... imposed sanctions ..., the Treasury Department said": the
    place and agency of filing are not part of what the department said (bundled sample pages, whole pipeline);
    the dateline's agency still counts as a source where it credits one (TASS's datelines)."""
    from pathlib import Path

    import vestnik
    from vestnik.ingest.encoding import decode

    samples = Path(vestnik.__file__).parent / "samples"
    for name, first in (("en-ap-iran-sanctions.html", "The Biden administration on Thursday imposed sanctions"),
                        ("bg-bta-eu-sanctions.html", "Министрите на външните работи на Европейския съюз одобриха")):
        page, _ = decode((samples / name).read_bytes())  # (some samples are in cp1251)
        doc = vestnik.extract(page, published="2024-12-18")
        assert doc.article.dateline is not None
        assert doc.span_text(doc.quotes[0].span).startswith(first), name
        assert all(not (doc.article.dateline[0] <= q.span[0] < doc.article.dateline[1]) for q in doc.quotes)
    tass, _ = decode((samples / "ru-tass-peskov-talks.html").read_bytes())
    doc = vestnik.extract(tass, published="2024-12-17")
    assert [s.entity for s in doc.sources].count("vk:tass") >= 2  # its datelines credit TASS


def test_according_to_a_named_agency_is_its_source_not_a_second_speaker() -> None:
    """"X condemned ..., according to the official IRNA news agency": IRNA (and an agency the data does not list,
    named beside an agency noun) is the statement's source, not the last agency named before it (the bundled AP
    page's dateline had made it the Associated Press); X's statement ends before it; the agency is not the speaker
    of a second quote made of X's whole sentence."""
    import vestnik

    doc = vestnik.extract("Iran's Foreign Ministry spokesman Esmaeil Baghaei condemned the sanctions as \"illegal and "
                          "inhumane,\" according to the official IRNA news agency.", published="2024-12-18", lang="en")
    assert [(doc.span_text(s.span), s.entity) for s in doc.sources] == [("IRNA", "vk:irna")]
    assert [(doc.span_text(q.span), q.sources) for q in doc.quotes] == [
        ('the sanctions as "illegal and inhumane,"', [0])]
    doc = vestnik.extract("India's delegate Chandni Raina called the figure \"abysmally poor\", according to "
                          "Reuters.", published="2024-12-18", lang="en")
    assert [doc.span_text(q.speaker.span) for q in doc.quotes] == ["India's delegate Chandni Raina"]
    unknown = [vestnik.extract(t, published="2024-12-18", lang=lang) for t, lang in (
        ("The minister resigned on Monday, according to the official Syrian news agency SANA.", "en"),
        ("Министърът подаде оставка, съобщи държавната агенция ПЕТРА.", "bg"))]
    assert [[d.span_text(s.span) for s in d.sources] for d in unknown] == [["SANA"], ["ПЕТРА"]]
    assert unknown[1].sources[0].entity.startswith("vx:")  # (no Latin slug: an id like the entities layer's)
    doc = vestnik.extract("Reuters reported the talks failed. The agency said no date was set.",
                          published="2024-12-18", lang="en")
    assert {s.entity for s in doc.sources} == {"vk:reuters"}  # "the agency": the one named before


def test_an_adverbial_between_commas_is_not_the_speaker() -> None:
    """"Лавров, в свою очередь, отметил, что ...": Lavrov speaks, not "свою очередь" (the bundled RIA sample)."""
    import vestnik

    for text, lang in (("Лавров, в свою очередь, отметил, что Россия рассчитывает сохранить свои базы.", "ru"),
                       ("Лавров, от своя страна, отбеляза, че Русия разчита да запази базите си.", "bg"),
                       ("Lavrov, in turn, said that Russia hoped to keep its bases.", "en")):
        doc = vestnik.extract(text, published="2024-12-18", lang=lang)
        assert doc.quotes[0].speaker.entity == "vk:sergey-lavrov", text


def test_an_infinitive_after_a_cue_is_its_content_not_a_second_statement() -> None:
    """"Guterres urges G20 leaders to show climate leadership" (the bundled AFP sample's teaser) is one appeal by
    Guterres; the G20 leaders said nothing. Without an earlier cue the infinitive still reports ("women who have
    come forward to say ...")."""
    import vestnik

    doc = vestnik.extract("Guterres urges G20 leaders to show climate leadership", published="2024-11-18", lang="en")
    assert [(doc.span_text(q.speaker.span), doc.span_text(q.cue)) for q in doc.quotes] == [("Guterres", "urges")]
    doc = vestnik.extract("He asked them to say whether they would vote.", published="2024-11-18", lang="en")
    assert [doc.span_text(q.speaker.span) for q in doc.quotes] == ["He"]
    doc = vestnik.extract("Women who have come forward to say he groped them spoke on Monday.",
                          published="2024-11-18", lang="en")
    assert [doc.span_text(q.cue) for q in doc.quotes] == ["say"]


def test_a_name_the_text_introduces_in_quote_marks_is_no_quote() -> None:
    """Two BSNLP brexit reports: "писмо на т.нар. "Европейска изследователска група"" named the group and made it
    Theresa May's direct quote; in "ЕС сега настоява ..." the speaker is the EU, not "ЕС сега"."""
    from conftest import SHARED

    import vestnik

    raw = SHARED / "eval" / "ner-bg" / "raw" / "brexit"
    doc = vestnik.extract((raw / "brexit_bg.txt_file_711.txt").read_text(encoding="utf-8"))
    assert not any(doc.span_text(q.span) == "Европейска изследователска група" for q in doc.quotes)
    doc = vestnik.extract((raw / "brexit_bg.txt_file_591.txt").read_text(encoding="utf-8"))
    eu = [q for q in doc.quotes if doc.span_text(q.span).startswith("защитеният статут да се разшири")]
    assert [doc.span_text(q.speaker.span) for q in eu] == ["ЕС"]


def test_a_speaker_described_between_commas_is_the_name_before_them() -> None:
    """"Фил Хоган, ирландският еврокомисар в Брюксел, ще предупреди, че ..." (BSNLP brexit): Hogan speaks, not
    "Брюксел"; likewise a relative clause or a participle between commas (ru, en)."""
    import vestnik

    for text, lang, speaker in (
            ("Фил Хоган, ирландският еврокомисар в Брюксел, ще предупреди, че Лондон трябва да предложи решение.",
             "bg", "Фил Хоган"),
            ("Доминик Грийв, който води групата на отцепниците, каза през Би Би Си, че гласуването е важно.", "bg",
             "Доминик Грийв"),
            ("Николя Саркози, занимавший пост президента Франции, заявил, что Европа должна быть сильной.", "ru",
             "Николя Саркози"),
            ("Trump, a billionaire who has never held office, says he will win.", "en", "Trump")):
        doc = vestnik.extract(text, published="2018-03-01", lang=lang)
        assert [doc.span_text(q.speaker.span) for q in doc.quotes][:1] == [speaker], text


def test_bulgarian_according_to_a_name_the_guess_would_cut_and_criticism_cues() -> None:
    """"Според Националния оперативен щаб през ...": the phrase after "според" is the whole name the entities
    stage found (the guess at a noun phrase stopped at the first lower-case word, and the statement began
    inside the name); "разкритикува ..., че" reports what the critic said, a bare "критикува X" does not."""
    from vestnik.pipeline import make_pipeline

    pipe = make_pipeline(only=["segment", "language", "entities", "quotes"])
    doc = pipe(Document(text="Според Националния оперативен щаб през денонощието са регистрирани 3505 нови случая. "
                             "Президентът Румен Радев разкритикува правителството, че е закъсняло с мерките. "
                             "Опозицията критикува бюджета.", published="2020-11-25"))
    got = spans(doc)
    assert got[0][0] == "през денонощието са регистрирани 3505 нови случая"
    assert [doc.span_text(s.span) for s in doc.sources] == ["Националния оперативен щаб"]
    assert got[1][:3] == ("е закъсняло с мерките", "разкритикува", "Президентът Румен Радев")
    assert len(got) == 2


def test_agencies_named_together_are_each_a_source() -> None:
    """"..., предадоха Ройтерс и Франс прес": both agencies passed the news on (the second was lost)."""
    from vestnik.pipeline import make_pipeline

    pipe = make_pipeline(only=["segment", "language", "entities", "quotes"])
    doc = pipe(Document(text="Депутатите отхвърлиха споразумението с Брюксел, предадоха Ройтерс и Франс прес. "
                             "Байдън печели изборите, съобщиха Асошиейтед прес, Си Ен Ен и Фокс Нюз.",
                        published="2020-11-07"))
    assert [doc.span_text(s.span) for s in doc.sources] == ["Ройтерс", "Франс прес", "Асошиейтед прес", "Си Ен Ен",
                                                            "Фокс Нюз"]


def test_russian_speaker_without_the_place_of_saying_or_a_leading_adverb() -> None:
    """"- сказал Путин на совещании с членами правительства": the speaker is Putin, not the meeting;
    "Ранее министр ... заявил": "Ранее" is when, not who."""
    doc = run('"Начнем уже на следующей неделе", - сказал Путин на совещании с членами правительства.\n'
              "Ранее министр иностранных дел Сергей Лавров заявил, что Россия готова сотрудничать.\n", "ru")
    got = spans(doc)
    assert got[0][:3] == ("Начнем уже на следующей неделе", "сказал", "Путин")
    assert got[1][2] == "министр иностранных дел Сергей Лавров"


def test_an_impersonal_cue_whose_document_names_its_author_does_not_inherit_the_last_speaker() -> None:
    """"се казва в съобщението на прокуратурата": the statement's author is named (the prosecutors), not the
    ministry the sentence before cited; "се казва още в писмото" still goes to the one the text spoke of."""
    from vestnik.pipeline import make_pipeline

    pipe = make_pipeline(only=["segment", "language", "entities", "quotes"])
    doc = pipe(Document(text="По данни на МВР разследването е започнало още през март. „Обвиняемият е причинил "
                             "щета в особено големи размери“, се казва в съобщението на прокуратурата.",
                        published="2020-10-14"))
    said = [q for q in doc.quotes if doc.span_text(q.span).startswith("Обвиняемият")]
    assert said and doc.span_text(said[0].speaker.span) == "съобщението на прокуратурата"
    assert said[0].speaker.entity != "vk:bulgarian-ministry-of-interior"


def test_bulgarian_expressed_hope_is_said_by_the_subject_not_the_hope() -> None:
    """"изрази надежда, че ...": the statement is the subject's; the noun after the cue is its object, never its
    speaker ("съобщи новината и изрази мнение, че" had made "мнение" the speaker)."""
    doc = run("Министърът изрази надежда, че кризата ще отмине. Ги Верхофстад съобщи новината и изрази мнение, че "
              "това ще укрепи ЕС.\n", "bg")
    got = spans(doc)
    assert got[0][:3] == ("кризата ще отмине", "изрази", "Министърът")
    assert all(s not in ("мнение", "надежда") for _c, _cue, s, _d in got)


def test_according_to_a_name_in_quote_marks() -> None:
    """"По оценке «Газпрома», ...": the name in guillemets is who estimates (the phrase had been dropped, so the
    sentence had no statement); "Според „Даунинг стрийт“ 10, ..." keeps the number with the name."""
    from vestnik.pipeline import make_pipeline

    pipe = make_pipeline(only=["segment", "language", "entities", "quotes"])
    doc = pipe(Document(text="По оценке «Газпрома», спрос на газ в Европе вырастет. По данным «Нафтогаза», транзит "
                             "сократился на 10%.", language="ru"))
    got = spans(doc)
    assert [(c, s) for c, _cue, s, _d in got] == [("спрос на газ в Европе вырастет", "«Газпрома»"),
                                                  ("транзит сократился на 10%", "«Нафтогаза»")]
    assert [doc.span_text(s.span) for s in doc.sources] == ["Нафтогаза"]
    bg = pipe(Document(text="Според „Даунинг стрийт“ 10, китайските инвестиции биха могли да бъдат полезни.",
                       language="bg"))
    assert spans(bg)[0][0] == "китайските инвестиции биха могли да бъдат полезни"


def test_a_names_acronym_in_brackets_before_the_cue() -> None:
    """"Световната здравна организация (СЗО) призова ...": the bracketed acronym stood between the name and the
    cue, and the statement had no speaker (or, with an infinitive, no statement)."""
    from vestnik.pipeline import make_pipeline

    pipe = make_pipeline(only=["segment", "language", "entities", "quotes"])
    doc = pipe(Document(text="Световната здравна организация (СЗО) призова европейските страни да не отслабват "
                             "мерките. Европейската комисия (ЕК) заяви, че ваксините ще бъдат доставени.",
                        language="bg"))
    got = [(c, s) for c, _cue, s, _d in spans(doc)]
    assert got == [("да не отслабват мерките", "Световната здравна организация"),
                   ("ваксините ще бъдат доставени", "Европейската комисия")]


def test_russian_as_was_reported_at_an_institution() -> None:
    """"Как сообщили в пресс-службе Минздрава России, ...": the press service is who reports (the sentence had no
    statement); the ministry is its source."""
    from vestnik.pipeline import make_pipeline

    pipe = make_pipeline(only=["segment", "language", "entities", "quotes"])
    doc = pipe(Document(text="Как сообщили в пресс-службе Минздрава России, вакцинация начнется в декабре.",
                        language="ru"))
    assert [(c, s) for c, _cue, s, _d in spans(doc)] == [("вакцинация начнется в декабре",
                                                           "пресс-службе Минздрава России")]
    assert [s.entity for s in doc.sources] == ["vk:russian-ministry-of-health"]


def _pipe_doc(text: str, lang: str, published: str = "2024-11-15") -> Document:
    from vestnik.pipeline import make_pipeline

    pipe = make_pipeline(only=["segment", "language", "entities", "quotes"])
    return pipe(Document(text=text, language=lang, published=published))


def _speaker_ids(doc: Document) -> dict[str, str | None]:
    """Each quote's speaker entity by its content."""
    return {doc.span_text(q.span): q.speaker.entity for q in doc.quotes}


def _speakers(text: str, lang: str = "bg", published: str = "2024-11-15") -> tuple[Document, dict[str, str | None]]:
    """The document and each quote's speaker phrase by its content."""
    doc = _pipe_doc(text, lang, published)
    return doc, {c: s for c, _cue, s, _d in spans(doc)}


def test_a_quote_after_a_year_abbreviation_opens_a_sentence() -> None:
    """"... до средата на 2025 г. „Не очакваме ...“, подчерта той.": "г." is an abbreviation, but a capitalised
    quote after it starts the next sentence, so "той" is the governor just named (it had been the institute of the
    paragraph before, the last speaker when the whole was one sentence)."""
    doc = _pipe_doc("Годишната инфлация се забавя, съобщи НСИ.\n\nУправителят на БНБ Димитър Радев заяви, че "
                    "инфлацията ще остане висока поне до средата на 2025 г. „Не очакваме бързо връщане към ценова "
                    "стабилност“, подчерта той.", "bg")
    said = {c: q for (c, _cue, _s, _d), q in zip(spans(doc), doc.quotes, strict=True)}
    q = said["Не очакваме бързо връщане към ценова стабилност"]
    assert q.speaker.entity == "vk:dimitar-radev"


def test_according_to_an_agency_that_cites_an_institution() -> None:
    """"Според Ройтерс, което цитира източници от ЕК, Брюксел ще ...": Reuters cites the Commission (a chain), and
    "Брюксел ще публикува" after the attribution is no "CONTENT, SPEAKER CUE" frame whose content is the
    attribution itself."""
    doc = _pipe_doc("Според Ройтерс, което цитира източници от Европейската комисия, Брюксел ще публикува доклада "
                    "през юни.", "bg")
    assert not any(c.startswith("Според") for c, _cue, _s, _d in spans(doc))
    names = [doc.span_text(s.span) for s in doc.sources]
    assert names == ["Ройтерс", "Европейската комисия"]
    assert doc.sources[0].cites == 1


def test_named_bodies_in_quote_marks_speak() -> None:
    """A body named in quote marks is the speaker ("посочват от „Булгаргаз“"), also after its noun ("Говорителят
    на партия „Възраждане“"); "Агенция „Пътна инфраструктура“" is a state agency, not a news agency passing the
    news on, so its statement is a quote, not only a source; "По данни на прокуратурата той е поискал ...": the
    speaker is the prosecution, not "прокуратурата той"."""
    doc = _pipe_doc("Стара Загора, 12 август (БТА) - Катастрофа затвори магистралата. Причината са по-ниските "
                    "котировки, посочват от \"Булгаргаз\". Движението беше отбито до обяд, съобщи Агенция „Пътна "
                    "инфраструктура“. Говорителят на партия „Възраждане“ заяви, че партията е против. По данни на "
                    "прокуратурата той е поискал 100 000 лева.", "bg")
    got = {c: s for c, _cue, s, _d in spans(doc)}
    assert got["Причината са по-ниските котировки"] == "\"Булгаргаз\""
    assert got["Движението беше отбито до обяд"] == "Агенция „Пътна инфраструктура“"
    assert got["партията е против"] == "Говорителят на партия „Възраждане“"
    assert got["той е поискал 100 000 лева"] == "прокуратурата"


def test_a_direct_quote_then_according_to() -> None:
    """"... in the U.S. “It is illegal ...,” according to the EEOC.": the quote after an abbreviation starts a
    sentence; the "according to" phrase then attributes the quote before it (it had looked for content after)."""
    doc = _pipe_doc("Harassment is against the law in the U.S. “It is illegal to harass a woman by making offensive "
                    "comments about women in general,” according to the Equal Employment Opportunity Commission.",
                    "en")
    got = [(c, s, d) for c, _cue, s, d in spans(doc)]
    assert got == [("It is illegal to harass a woman by making offensive comments about women in general",
                    "Equal Employment Opportunity Commission", True)]


def test_outlets_the_kb_knows_are_sources_without_quote_marks() -> None:
    """"..., пише The Independent": the KB's outlets are PRO mentions; they are sources like the agencies the
    language pack lists (the quotes layer had read only PER and ORG mentions, so the paper was no source)."""
    doc = _pipe_doc("Германия подкрепи плана, пише The Independent. Кипър се присъедини към Франция, пише Дейли "
                    "мейл.", "bg")
    assert [(doc.span_text(s.span), s.entity) for s in doc.sources] == [
        ("The Independent", "vk:the-independent"), ("Дейли мейл", "vk:daily-mail")]


def test_whom_it_was_said_to_before_the_cue_and_a_relative_pronoun() -> None:
    """"Министърът Иван Иванов в интервю за Дейли мейл заяви": the outlet is where it was said (a source), the
    minister who; "посол Ричард Греннелл, который в интервью Handelsblatt заявил": the name before the relative
    pronoun speaks (the interview's paper had been the speaker, then, as a known outlet, had taken the quote)."""
    bg = _pipe_doc("Министърът Иван Иванов в интервю за Дейли мейл заяви, че ще подаде оставка.", "bg")
    assert [(c, s) for c, _cue, s, _d in spans(bg)] == [("ще подаде оставка", "Министърът Иван Иванов")]
    assert [s.entity for s in bg.sources] == ["vk:daily-mail"]
    ru = _pipe_doc("Главным критиком проекта является посол США Ричард Греннелл, который в интервью Handelsblatt "
                   "заявил, что компании всегда находятся в опасности.", "ru")
    assert [(c, s) for c, _cue, s, _d in spans(ru)] == [("компании всегда находятся в опасности", "Ричард Греннелл")]
    assert [s.entity for s in ru.sources] == ["vk:handelsblatt"]


def test_a_second_verb_shares_the_clauses_subject_not_the_nearer_object() -> None:
    """"Президентът Румен Радев поздрави Байдън и изрази увереност, че ...": the statement is Radev's; the last
    capitalised name before "и" was the object of "поздрави"."""
    doc = _pipe_doc("Президентът Румен Радев поздрави Байдън и изрази увереност, че партньорството ще се задълбочи.",
                    "bg", "2020-11-08")
    q = doc.quotes[0]
    assert doc.span_text(q.span) == "партньорството ще се задълбочи" and q.speaker.entity == "vk:rumen-radev"


def test_a_place_before_the_cue_is_where_not_who() -> None:
    """"Говорител на партия „Възраждане“ в Русе заяви": the spokesman speaks, in Ruse (the place had been the
    speaker); "В Русе заяви министърът": the speaker comes after the cue."""
    doc = _pipe_doc("Говорител на партия „Възраждане“ в Русе заяви, че партията е против. В Русе заяви министърът, че "
                    "ще има среща. Веселин Паунов - кор. на БНР в Лондон заяви в интервю за британския канал, че "
                    "преговорите са трудни.", "bg")
    got = {c: s for c, _cue, s, _d in spans(doc)}
    assert got["партията е против"] == "Говорител на партия „Възраждане“"
    assert got["ще има среща"] == "министърът"
    # (the place, then where it was said, before the cue: the search for the speaker had recursed without end)
    assert "преговорите са трудни" in got


def test_according_to_sources_of_a_named_outlet_and_a_country_acting() -> None:
    """"Според източници на „Уолстрийт джърнъл“ срещата ...": the paper's name ends the phrase (the content had
    begun at "на „Уолстрийт джърнъл“"), and news a paper passes on is a source; "Тайван осъди ученията и обяви, че
    ...": the country is who declares."""
    doc = _pipe_doc("Според източници на „Уолстрийт джърнъл“ срещата може да бъде отложена.\n\nТайван осъди "
                    "ученията и обяви, че е привел силите си в бойна готовност.", "bg")
    got = {c: s for c, _cue, s, _d in spans(doc)}
    assert not any(c.startswith("на „") for c in got)
    assert [s.entity for s in doc.sources] == ["vk:the-wall-street-journal"]
    assert got["е привел силите си в бойна готовност"] == "Тайван"


def test_a_phrase_on_where_it_was_said_stands_between_the_cue_and_its_speaker() -> None:
    """"заяви от трибуната председателят", "каза на брифинг министърът", "написа в Телеграм губернаторът": the
    speaker starts at the role (the phrase had been part of it); "заяви Милошев на съвместната пресконференция":
    the speaker ends with the name."""
    doc = _pipe_doc("„Това правителство продава интересите на страната“, заяви от трибуната председателят на партията "
                    "Костадин Костадинов.\n\nДвама души са загинали, каза на брифинг министърът на вътрешните работи "
                    "Калин Стоянов.\n\n„Врагът атакува инфраструктурата на юга“, написа в Телеграм губернаторът на "
                    "областта Олег Кипер.\n\n„Няма да отстъпим“, заяви Милошев на съвместната пресконференция.", "bg",
                    "2023-06-21")
    got = {c: s for c, _cue, s, _d in spans(doc)}
    assert got["Това правителство продава интересите на страната"] == \
        "председателят на партията Костадин Костадинов"
    assert got["Двама души са загинали"] == "министърът на вътрешните работи Калин Стоянов"
    assert got["Врагът атакува инфраструктурата на юга"] == "губернаторът на областта Олег Кипер"
    assert got["Няма да отстъпим"] == "Милошев"


def test_a_pronoun_is_the_person_the_sentence_before_opened_with() -> None:
    """"Премиерът Николай Денков определи вота като „...“. „Ще продължим ...“, каза той": Денков, not the party
    leader quoted before him (the last speaker); a people ("Британците ...") opens no such sentence."""
    doc = _pipe_doc("„Това правителство продава интересите на страната“, заяви председателят на партията Костадин "
                    "Костадинов.\n\nПремиерът Николай Денков определи вота като „поредния опит за дестабилизация“. "
                    "„Ще продължим да работим за еврозоната“, каза той пред журналисти.", "bg", "2023-06-21")
    q = next(q for q in doc.quotes if doc.span_text(q.span).startswith("Ще продължим"))
    assert q.speaker.entity == "vk:nikolai-denkov"


def test_tass_style_attribution() -> None:
    """"Об этом заявил министр ...": the content is the sentence before (two words before the cue, not one);
    "агентство Bloomberg со ссылкой на источники сообщило": the agency, past its citing phrase, is the source;
    "Фидан" after "с Хаканом Фиданом" is the same person; "Министр также сообщил": the minister who spoke."""
    doc = _pipe_doc("МОСКВА, 3 апреля. /ТАСС/. Россия готова к переговорам с США по стратегической стабильности. Об "
                    "этом заявил министр иностранных дел РФ Сергей Лавров по итогам переговоров с главой МИД Турции "
                    "Хаканом Фиданом.\n\nПо его словам, Москва следит за ситуацией. Министр также сообщил, что "
                    "Анкара получила приглашение.\n\nФидан, в свою очередь, подчеркнул, что Турция выступает за "
                    "прекращение огня. Ранее агентство Bloomberg со ссылкой на источники сообщило, что Анкара "
                    "предложила новый раунд переговоров.", "ru", "2024-04-03")
    got = {c: (s, q.speaker.entity) for (c, _cue, s, _d), q in zip(spans(doc), doc.quotes, strict=True)}
    assert got["Россия готова к переговорам с США по стратегической стабильности"][1] == "vk:sergey-lavrov"
    assert got["Анкара получила приглашение"] == ("Министр", "vk:sergey-lavrov")
    assert got["Москва следит за ситуацией"] == ("его", "vk:sergey-lavrov")  # "По его словам": the pronoun inside
    assert got["Турция выступает за прекращение огня"] == ("Фидан", "vk:hakan-fidan")
    assert "vk:bloomberg" in [s.entity for s in doc.sources]
    assert not any(s and "ссылкой" in s for s, _e in got.values())


def test_an_institutes_name_up_to_its_acronym_and_a_witness_who_told_a_broadcaster() -> None:
    """"Според Института за изследване на войната (ISW) руските сили ...": the name runs to its acronym (the
    content had begun at "за изследване"); "„…“, разказа пред БНТ жител на село Кости": a speech verb, the
    broadcaster a source (the quote had been given the minister named before)."""
    doc, got = _speakers("Министърът Калин Стоянов каза, че има загинали.\n\nСпоред Института за изследване на "
                         "войната (ISW) руските сили са постигнали ограничен напредък.\n\n„Водата дойде за минути“, "
                         "разказа пред БНТ жител на село Кости.")
    assert got["руските сили са постигнали ограничен напредък"] == "Института за изследване на войната (ISW)"
    assert got["Водата дойде за минути"] == "жител на село Кости"
    assert "vk:bulgarian-national-television" in [s.entity for s in doc.sources]
    # "пред камерите на БНТ": the phrase before the word alone ("пред" had taken "камерите" as whom it was said to)
    doc, got = _speakers("Парламентът ще одобри споразумението. Това каза пред камерите на БНТ главният преговарящ "
                         "Ги Верхофстат.")
    assert got["Парламентът ще одобри споразумението"] == "главният преговарящ Ги Верхофстат"
    assert [s.entity for s in doc.sources] == ["vk:bulgarian-national-television"]


def test_a_correspondents_dash_and_coordinated_speakers() -> None:
    """"Веселин Паунов - кор. на БНР в Лондон заяви": the correspondent, not the radio ("кор." is an abbreviation;
    the speaker had been "БНР"); "Италия и Франция заявиха": both countries (it had been the last one)."""
    doc = _pipe_doc("Веселин Паунов - кор. на БНР в Лондон заяви, че преговорите са трудни.\n\nИталия и Франция "
                    "заявиха, че ще подкрепят кандидатурата.", "bg")
    got = {c: s for c, _cue, s, _d in spans(doc)}
    assert got["преговорите са трудни"] == "Веселин Паунов"
    assert got["ще подкрепят кандидатурата"] == "Италия и Франция"


def test_ria_style_kremlin_speaks_and_a_street_name_in_quote_marks() -> None:
    """"сообщили в пресс-службе Кремля", "добавили в Кремле": the Kremlin speaks and is a source (a place had been
    no speaker, "добавили в Кремле" had none); "Как сообщил журналистам пресс-секретарь ...": whom it was told is
    no part of the speaker; "ул. „Раковски“, съобщиха от СДВР": a street's name is no quote; "говорителят на СДВР"
    after a minister is not the minister."""
    doc, got = _speakers("Путин провел телефонный разговор с Эрдоганом, сообщили в пресс-службе Кремля. Президенты "
                         "договорились о встрече в Анкаре, добавили в Кремле. Как сообщил журналистам пресс-секретарь "
                         "президента Дмитрий Песков, дата визита пока не определена.", "ru", "2024-05-20")
    assert got["Путин провел телефонный разговор с Эрдоганом"] == "Кремля"
    assert got["Президенты договорились о встрече в Анкаре"] == "Кремле"
    assert got["дата визита пока не определена"] == "пресс-секретарь президента Дмитрий Песков"
    assert [s.entity for s in doc.sources] == ["vk:kremlin"]
    doc, got = _speakers("Протестиращите блокираха кръстовището на бул. „Дондуков“ и ул. „Раковски“, съобщиха от "
                         "СДВР. Вицепремиерът Лукан Луканов обеща, че ще има компенсации. Полицията задържа двама "
                         "души, съобщи говорителят на СДВР.")
    assert "Раковски" not in got and got["Протестиращите блокираха кръстовището на бул. „Дондуков“ и ул. „Раковски“"]
    q = next(q for q in doc.quotes if doc.span_text(q.span) == "Полицията задържа двама души")
    assert doc.span_text(q.speaker.span) == "говорителят на СДВР" and q.speaker.entity is None


def test_when_it_was_said_and_what_describes_the_source_are_not_part_of_the_quote() -> None:
    """"каза държавният глава по време на церемонията": the speaker ends before the occasion; "Според проучване на
    „Галъп интернешънъл“, публикувано в понеделник, ГЕРБ-СДС води ...": the participle clause describes the poll,
    the content follows it."""
    _doc, got = _speakers("„Служебният кабинет ще гарантира честни избори“, каза държавният глава по време на "
                          "церемонията.\n\nСпоред проучване на „Галъп интернешънъл“, публикувано в понеделник, ГЕРБ-СДС "
                          "води с 24,9 на сто.", "bg", "2023-02-03")
    assert got["Служебният кабинет ще гарантира честни избори"] == "държавният глава"
    assert "ГЕРБ-СДС води с 24,9 на сто" in got


def test_a_parenthesis_before_the_cue_is_no_trailing_frame() -> None:
    """"Макрон, в свою очередь, призвал ...": the comma before the cue closes a parenthesis, so "Макрон, в свою
    очередь" is no content said by someone after the cue; Russian needs no marker before the infinitive of what he
    called for ("ускорить ...")."""
    _doc, got = _speakers("Макрон, в свою очередь, призвал европейских партнеров ускорить производство боеприпасов.",
                          "ru", "2023-06-12")
    assert not any(c.startswith("Макрон") for c in got)
    assert got["ускорить производство боеприпасов"] == "Макрон"


def test_a_body_described_up_to_its_acronym_is_the_antecedent_of_the_agency() -> None:
    """"съобщи турската агенция за управление на бедствия и извънредни ситуации АФАД": "и" inside the description
    does not end the speaker (no quote at all had been found), and a later "уточнява агенцията" is that agency, not
    the publisher of the dateline; a name's own list ("по геофизика, геодезия и география") ends the sentence, it
    opens no second part of the content."""
    doc, got = _speakers("Земетресение разлюля Турция\n\nАнкара, 10 август (БТА)\n\nЗеметресение с магнитуд 5,6 "
                         "разлюля днес провинция Балъкесир, съобщи турската агенция за управление на бедствия и "
                         "извънредни ситуации АФАД.\n\nТрусът е бил регистриран на дълбочина 11 километра, уточнява "
                         "агенцията.\n\nВ България не са регистрирани щети, съобщиха от Националния институт по "
                         "геофизика, геодезия и география.", "bg", "2025-08-10")
    first = next(q for q in doc.quotes if doc.span_text(q.span).startswith("Земетресение с магнитуд"))
    assert doc.span_text(first.speaker.span).endswith("извънредни ситуации АФАД")
    second = next(q for q in doc.quotes if doc.span_text(q.span).startswith("Трусът"))
    assert second.speaker.entity == first.speaker.entity and second.speaker.entity != "vk:bta"
    assert "В България не са регистрирани щети" in got


def test_the_network_a_statement_was_posted_on_and_an_office_holders_genitives() -> None:
    """"написа в социалната мрежа Екс президентът": the network is where, not who; "Според германския министър на
    отбраната Борис Писториус Европа ...": the phrase runs to the minister's name (it had stopped at "германския",
    and the rest was what was said); "Председателят на Асоциацията на зърнопроизводителите Илия Проданов
    определи ..." opens the sentence with a person, whom a later "каза той" means."""
    doc, got = _speakers("„Нашите екипи работят на място“, написа в социалната мрежа Екс президентът Реджеп Тайип "
                         "Ердоган.\n\nСпоред германския министър на отбраната Борис Писториус Европа трябва да се "
                         "подготви за конфронтация.\n\nЗемеделският министър Георги Тахов съобщи вчера, че добивите ще "
                         "бъдат по-ниски. Председателят на Асоциацията на зърнопроизводителите Илия Проданов определи "
                         "мярката като недостатъчна. „Парите няма да покрият щетите“, каза той пред bTV.", "bg",
                         "2024-07-22")
    assert got["Нашите екипи работят на място"] == "президентът Реджеп Тайип Ердоган"
    assert got["Европа трябва да се подготви за конфронтация"] == "германския министър на отбраната Борис Писториус"
    q = next(q for q in doc.quotes if doc.span_text(q.span).startswith("Парите"))
    prodanov = next(m.entity for m in doc.mentions if doc.span_text(m.span) == "Илия Проданов")
    assert q.speaker.entity == prodanov


def test_a_person_is_no_source_and_a_state_speaks_by_its_name() -> None:
    """A source is an agency, an outlet or an institution: "съобщи началникът на Генералния инспекторат на полицията
    Виорел Черную" names a person (he had been a source, and so had "него" after him); "Кабинетът на израелския
    премиер Бенямин Нетаняху" is a body, whose source span is the whole phrase, not the premier; "съобщи Катар":
    the speaker is Qatar (it had no entity)."""
    doc, _got = _speakers("Полицията е задържала 74 души, съобщи началникът на Генералния инспекторат на полицията "
                          "Виорел Черную. Според него част от задържаните са преминали обучение в Сърбия.\n\n"
                          "Кабинетът на израелския премиер Бенямин Нетаняху съобщи, че подробностите не са уточнени.\n\n"
                          "Израел и Хамас се договориха за примирие, съобщи Катар.", "bg", "2025-01-15")
    assert [doc.span_text(s.span) for s in doc.sources] == ["Кабинетът на израелския премиер Бенямин Нетаняху"]
    q = next(q for q in doc.quotes if doc.span_text(q.span).startswith("Израел и Хамас"))
    assert q.speaker.entity == "vk:qatar"


def test_a_party_in_quote_marks_after_ot_speaks() -> None:
    """"От „Възраждане“ обявиха, че ...": the quoted name after "От" is the speaker (it had none)."""
    doc, _got = _speakers("От „Възраждане“ обявиха, че няма да подкрепят правителство с участието на ГЕРБ.", "bg",
                          "2025-01-15")
    q = doc.quotes[0]
    assert doc.span_text(q.span) == "няма да подкрепят правителство с участието на ГЕРБ"
    assert q.speaker.entity == "vk:vazrazhdane"


def test_what_was_called_for_is_no_speaker_and_an_outlet_before_its_citing_clause() -> None:
    """"..., а студентите, организатори на шествието, призоваха за мирни действия": after the cue a preposition
    opens what was called for, so the sentence before the comma is no quote of "мирни действия"; "Според
    изданието мерките ще засегнат танкери, ...": the outlet is the phrase, not everything up to the comma; "Си Ен
    Ен, която цитира високопоставен американски служител, съобщи": CNN reports, the official is whom it cites."""
    doc, got = _speakers("Протестиращите блокираха центъра на града, а студентите, организатори на шествието, "
                         "призоваха за мирни действия.\n\nАмериканският вестник „Уолстрийт джърнъл“ съобщи за "
                         "санкциите. Според изданието мерките ще засегнат танкери, превозващи руски петрол.\n\nСи Ен "
                         "Ен, която цитира високопоставен американски служител, съобщи, че Белият дом е обсъдил "
                         "мерките.", "bg", "2025-01-09")
    assert not any(c.startswith("Протестиращите") for c in got)
    assert sorted(doc.span_text(s.span) for s in doc.sources) == ["Си Ен Ен", "Уолстрийт джърнъл", "изданието"]
    assert {s.entity for s in doc.sources} == {"vk:cnn", "vk:the-wall-street-journal"}


def test_chains_through_data_and_sources_of_a_body_and_no_speaker_after_an_object() -> None:
    """"позовавайки се на данни на британското разузнаване": Reuters cites the intelligence service (no source had
    been found); "По данни на украинския генерален щаб, цитирани от Укринформ": Ukrinform cites the staff named
    before, one source (the staff had been two); "Според Си Ен Ен, която се позовава на източници в Пентагона":
    CNN cites the Pentagon; "Белият дом, цитиран от Асошиейтед прес, обяви нови мерки": nothing after "обяви" can
    speak, so the White House's sentence is no quote of "нови мерки"; "информира агенция Анадолу, като се позовава
    на ...": the agency after its noun speaks (the rule above must not take it for an object)."""
    doc, got = _speakers("Русия е изтеглила войските си, съобщи Ройтерс, позовавайки се на данни на британското "
                         "разузнаване. По данни на украинския генерален щаб, цитирани от Укринформ, руските загуби са "
                         "големи. Според Си Ен Ен, която се позовава на източници в Пентагона, САЩ ще изпратят нови "
                         "ракети.\n\nБелият дом, цитиран от Асошиейтед прес, обяви нови мерки.\n\nТурция е свалила "
                         "руски дрон, информира агенция Анадолу, като се позовава на турското министерство на "
                         "отбраната. Лихвите ще останат без промяна, съобщава Си Ен Би Си.", "bg", "2024-11-15")
    src = {doc.span_text(s.span): s for s in doc.sources}
    name = {k: doc.span_text(doc.sources[s.cites].span) for k, s in src.items() if s.cites is not None}
    assert name["Ройтерс"].endswith("британското разузнаване")
    assert name["Укринформ"] == "украинския генерален щаб" and sum(k.endswith("щаб") for k in src) == 1
    assert name["Си Ен Ен"] == "Пентагона" and name["Асошиейтед прес"] == "Белият дом"
    assert not any(c.startswith("Белият дом") for c in got)
    assert name["Анадолу"] == "турското министерство на отбраната" and src["Си Ен Би Си"].entity == "vk:cnbc"


def test_a_source_inside_a_body_named_by_its_common_noun() -> None:
    """Stop 52: "предаде АФП, като се позова на източник от американската администрация": AFP cites the
    administration (the phrase had been a nameless role, so no source was found); the body's noun after an adjective
    has no article ("администрация")."""
    doc, _got = _speakers("Тръмп е уведомил Си Цзинпин за атаката, предаде АФП, като се позова на източник от "
                          "американската администрация.", "bg", "2017-04-07")
    src = {doc.span_text(s.span): s for s in doc.sources}
    assert set(src) == {"АФП", "американската администрация"}
    assert src["АФП"].cites is not None and doc.span_text(doc.sources[src["АФП"].cites].span) == \
        "американската администрация"


def test_who_wrote_the_reasons_and_many_agencies_are_none_of_the_last() -> None:
    """"В мотивите си Радев посочва, че ...": Радев (the speaker had been "мотивите си Радев"); "предадоха световните
    агенции": many outlets, not the agency named last (it had been the dateline's BTA)."""
    doc, got = _speakers("Анкара, 10 август (БТА)\n\nВ мотивите си Радев посочва, че промените противоречат на "
                         "Конституцията. Вучич обвини Курти, че провокира насилие, предадоха световните агенции.", "bg",
                         "2024-03-14")
    assert got["промените противоречат на Конституцията"] == "Радев"
    assert "vk:bta" not in {s.entity for s in doc.sources}
    # "В интервью американскому каналу CNBC глава правительства отметил": the outlet spoken to, then who spoke (the
    # quote had been CNBC's, and so dropped as an agency's report)
    _doc, got = _speakers("Премьер-министр Польши Матеуш Моравецкий выступил в Давосе. В интервью американскому каналу "
                         "CNBC глава правительства отметил, что этот газопровод является примером давления.", "ru",
                         "2019-01-24")
    assert got["этот газопровод является примером давления"] == "глава правительства"


def test_an_acronym_in_brackets_inside_a_speaker_after_the_cue_and_a_time_word_before_it() -> None:
    """", предупреди управляващият директор на Международния валутен фонд (МВФ) Кристалина Георгиева": the speaker
    runs past the acronym to the name (it had stopped before the bracket, with no entity); "написа по-късно в Туитър
    президентът Доналд Тръмп": "по-късно" is when, not who (it had been the speaker)."""
    doc, got = _speakers("Световната икономика ще се забави, предупреди управляващият директор на Международния "
                         "валутен фонд (МВФ) Кристалина Георгиева.\n\n„Няма да има рецесия“, написа по-късно в Туитър "
                         "президентът Доналд Тръмп.", "bg", "2019-10-10")
    first = next(q for q in doc.quotes if doc.span_text(q.span) == "Световната икономика ще се забави")
    assert first.speaker.entity == "vk:kristalina-georgieva"
    assert got["Няма да има рецесия"] == "президентът Доналд Тръмп"


def test_a_body_named_by_an_adjective_and_an_office_for_european_affairs() -> None:
    """"Според Координационния щаб за военнопленниците ...": the phrase runs past the capitalised adjective to its
    noun (the content had begun with "щаб"); "Унгарският министър по европейските въпроси Янош Бока определи ...":
    the office opens the sentence, so a later "Според него" is Бока, not the rapporteur quoted before."""
    doc, got = _speakers("„Комисията отстъпи пред изнудването“, заяви докладчикът Гуен Деламар. Унгарският министър по "
                         "европейските въпроси Янош Бока определи резолюцията като политически мотивирана. Според него "
                         "Будапеща е изпълнила всички условия.\n\nСпоред Координационния щаб за военнопленниците сред "
                         "освободените има и защитници на Мариупол.", "bg", "2024-01-18")
    q = next(q for q in doc.quotes if doc.span_text(q.span) == "Будапеща е изпълнила всички условия")
    boka = next(m.entity for m in doc.mentions if doc.span_text(m.span) == "Янош Бока")
    assert q.speaker.entity == boka
    assert any(s.startswith("Координационния щаб") for s in got.values() if s)


def test_a_quote_in_the_paragraph_after_a_cue_and_a_colon() -> None:
    """"... Той добави:" / "„Позицията на правителството е ясна ...“": the quote has that cue and speaker (it had
    neither, only the last speaker's entity); "По думите на министъра" is the minister who spoke (no one before)."""
    doc, _got = _speakers("България няма да изпраща войски в Украйна, заяви външният министър Георг Георгиев. Той "
                          "добави:\n\n„Позицията на правителството е ясна и тя не се е променила.“\n\nПо думите на "
                          "министъра идеята не е обсъждана.", "bg", "2024-03-06")
    q = next(q for q in doc.quotes if doc.span_text(q.span).startswith("Позицията"))
    assert doc.span_text(q.cue) == "добави" and doc.span_text(q.speaker.span) == "Той"
    assert q.speaker.entity == "vk:georg-georgiev" and q.direct
    r = next(q for q in doc.quotes if doc.span_text(q.span) == "идеята не е обсъждана")
    assert r.speaker.entity == "vk:georg-georgiev"


def test_when_it_was_said_between_the_cue_and_the_speaker() -> None:
    """"съобщи в сряда британското Сдружение на производителите", "обяви във вторник вечерта американският държавен
    секретар Майк Помпейо": the time layer's expression is when, so the speaker starts after it (it had begun with
    "сряда", and Pompeo had no entity)."""
    import vestnik  # (the whole pipeline: the time layer runs before the quotes)

    doc = vestnik.extract("Производството намаля, съобщи в сряда британското Сдружение на производителите.\n\nСАЩ ще "
                          "направят всичко, обяви във вторник вечерта американският държавен секретар Майк Помпейо.",
                          published="2019-01-09", lang="bg")
    got = {c: sp for c, _cue, sp, _d in spans(doc)}
    assert (got["Производството намаля"] or "").startswith("британското Сдружение")
    q = next(q for q in doc.quotes if doc.span_text(q.span) == "САЩ ще направят всичко")
    assert q.speaker.entity == "vk:mike-pompeo"


def test_a_speaker_after_a_quoted_body_name_and_a_body_named_by_its_noun() -> None:
    """'уточни пред БТА говорителят на "БДЖ - Пътнически превози" Иван Иванов': the speaker runs past the quoted name
    to the person (it ended at the name, with no entity); "уточниха от министерството", "Според организацията" after
    the body was named are that body (they had no entity); "По думите му" is the spokesman, not the ministry."""
    doc, got = _speakers("Влакът е дерайлирал, съобщиха от Министерството на транспорта. Три вагона са излезли от "
                         "релсите, уточни пред БТА говорителят на \"БДЖ - Пътнически превози\" Иван Иванов. По думите му "
                         "във влака е имало 200 пътници.\n\nЕкологичната организация „Грийнпийс – България“ разкритикува"
                         " проекта. Според организацията рисковете не са обсъдени. Стойността се оценява на 14 млрд. "
                         "евро, уточниха от министерството.", "bg", "2025-03-11")
    assert got["Три вагона са излезли от релсите"].endswith("Иван Иванов")
    ivanov = next(m.entity for m in doc.mentions if doc.span_text(m.span) == "Иван Иванов")
    by_text = {doc.span_text(q.span): q for q in doc.quotes}
    assert by_text["във влака е имало 200 пътници"].speaker.entity == ivanov
    assert by_text["рисковете не са обсъдени"].speaker.entity == "vk:greenpeace"
    assert by_text["Стойността се оценява на 14 млрд. евро"].speaker.entity == "vk:bulgarian-ministry-of-transport"


def test_an_office_with_its_place_opens_the_sentence_a_pronoun_refers_to() -> None:
    """"Посланикът на САЩ в София Кенет Мертен приветства подписването. Той написа ...": "в София" is part of the
    office, so "Той" is Merten, not the company head quoted before."""
    doc, _got = _speakers("Изпълнителният директор на „Уестингхаус“ Дан Самнър заяви, че компанията ще наеме "
                          "подизпълнители. Посланикът на САЩ в София Кенет Мертен приветства подписването. Той написа в "
                          "профила си в Екс, че договорът укрепва сигурността на региона.", "bg", "2025-11-03")
    merten = next(m.entity for m in doc.mentions if doc.span_text(m.span) == "Кенет Мертен")
    q = next(q for q in doc.quotes if doc.span_text(q.span).startswith("договорът"))
    assert q.speaker.entity == merten


def test_the_view_of_unnamed_information_and_a_body_with_its_short_name() -> None:
    """"допълни, че според първоначалната информация ...": no quote of its own inside the minister's (its speaker was
    "първоначалната информация"); "Според данни на Европейската агенция за гранична и брегова охрана (Фронтекс) ...":
    the body's name with its short name is the source (the content had begun with "и брегова охрана"); "Тайванското
    министерство осъди ... и заяви, че ..." is said by the ministry (no speaker before)."""
    doc, got = _speakers("Министърът допълни, че според първоначалната информация причината е счупена релса.\n\nСпоред "
                         "данни на Европейската агенция за гранична и брегова охрана (Фронтекс) незаконните преминавания "
                         "са намалели.\n\nТайванското министерство осъди ученията и заяви, че е привело силите си в "
                         "готовност.", "bg", "2025-03-11")
    assert "причината е счупена релса" not in got
    assert got["незаконните преминавания са намалели"].endswith("(Фронтекс)")
    assert any(doc.span_text(s.span) == "Европейската агенция за гранична и брегова охрана"
               and s.entity == "vk:frontex" for s in doc.sources)
    assert got["е привело силите си в готовност"] == "Тайванското министерство"


def test_state_agencies_courts_and_sites_named_before_or_right_after_their_noun() -> None:
    """"ДАНС разследва ..., съобщиха от агенцията": a state agency speaks (its statement was dropped as news an agency
    passes on); "съобщи специализираният сайт „Кибер новини“" is that site, not the agency before (two sources, one
    of them wrong); "съобщиха от съда", "от инспекцията" are the court and the inspectorate named before; "каза
    говорителят на Окръжната прокуратура в Пловдив Ирина Илиева": the office's town, then its holder."""
    doc, got = _speakers("Държавна агенция „Национална сигурност“ (ДАНС) разследва кибератака, съобщиха от агенцията. "
                         "Групата пое отговорност, съобщи специализираният сайт „Кибер новини“.\n\nОкръжният съд в "
                         "Пловдив остави в ареста мъжа, съобщиха от съда. Прокуратурата поиска най-тежката мярка, каза "
                         "говорителят на Окръжната прокуратура в Пловдив Ирина Илиева.\n\nРегионалната здравна "
                         "инспекция (РЗИ) регистрира 1245 случая, съобщиха от инспекцията.", "bg", "2024-10-16")
    by_text = {doc.span_text(q.span): q for q in doc.quotes}
    dans = by_text["Държавна агенция „Национална сигурност“ (ДАНС) разследва кибератака"]
    assert dans.speaker.entity == "vk:bulgarian-state-agency-for-national-security"
    assert [doc.span_text(s.span) for s in doc.sources if "Кибер" in doc.span_text(s.scope or (0, 0))] == [
        "Кибер новини"]
    court = next(m.entity for m in doc.mentions if doc.span_text(m.span) == "Окръжният съд в Пловдив")
    assert by_text["Окръжният съд в Пловдив остави в ареста мъжа"].speaker.entity == court
    assert got["Прокуратурата поиска най-тежката мярка"].endswith("в Пловдив Ирина Илиева")
    rzi = by_text["Регионалната здравна инспекция (РЗИ) регистрира 1245 случая"]
    assert rzi.speaker.entity == "vk:bulgarian-regional-health-inspectorates"


def test_who_a_pronoun_means_after_an_office_with_a_genitive_and_in_a_second_clause() -> None:
    """"Заместник-председателят на парламента Росица Кирова призова ... Според нея": the genitive's noun ("на
    парламента", short article) completes the office, so "нея" is Кирова (it was the minister quoted before); "Той
    благодари на ОАЕ ... и обеща, че ...": the pronoun subject is who promised, not the UAE."""
    doc, _got = _speakers("Министърът Валентин Мундров каза, че данни не са изтекли. Заместник-председателят на "
                          "парламента Росица Кирова призова за спешни мерки. Според нея институциите не инвестират в "
                          "сигурност.\n\nУкраинският президент Володимир Зеленски написа, че хората са у дома. Той "
                          "благодари на ОАЕ за посредничеството и обеща, че Киев ще продължи усилията.", "bg",
                          "2024-10-16")
    by_text = {doc.span_text(q.span): q for q in doc.quotes}
    kirova = next(m.entity for m in doc.mentions if doc.span_text(m.span) == "Росица Кирова")
    assert by_text["институциите не инвестират в сигурност"].speaker.entity == kirova
    assert by_text["Киев ще продължи усилията"].speaker.entity == "vk:volodymyr-zelensky"


def test_russian_according_phrase_with_an_adverb_and_a_document_is_no_source() -> None:
    """ru "Как сообщил ранее официальный представитель МИД РФ Мария Захарова, ...": the adverb before who (no quote
    was found); bg "като се позова на конвенцията от Монтрьо": a document, not a source of information."""
    ru, _ = _speakers("Как сообщил ранее официальный представитель МИД РФ Мария Захарова, российская сторона не "
                      "получала от Киева конкретных предложений.", "ru", "2025-03-05")
    assert [(ru.span_text(q.span)[:30], q.speaker.entity) for q in ru.quotes] == [
        ("российская сторона не получала", "vk:maria-zakharova")]
    bg, _ = _speakers("Турция обаче изрази резерви, като се позова на конвенцията от Монтрьо, която ограничава "
                      "преминаването на военни кораби.", "bg", "2025-02-13")
    assert not bg.sources


def test_a_plural_pronoun_is_a_group_and_an_outlet_named_after_its_noun_is_whole() -> None:
    """"Те казаха ...", "Според тях ...", ru "По их словам": a group, not the minister who spoke last (it had been
    his entity); "пише британският вестник „Гардиън“": the speaker runs to the name's closing mark."""
    doc, got = _speakers("Министърът Иван Петров заяви, че ще подаде оставка. Те казаха, че нищо не ги задържа. Според "
                         "тях кризата ще продължи.\n\nНорвегия се опасява от сделката, пише британският вестник "
                         "„Гардиън“, който цитира дипломати.", "bg", "2024-10-16")
    by_text = {doc.span_text(q.span): q for q in doc.quotes}
    assert by_text["ще подаде оставка"].speaker.entity is not None
    assert by_text["нищо не ги задържа"].speaker.entity is None
    assert by_text["кризата ще продължи"].speaker.entity is None
    assert got["Норвегия се опасява от сделката"] == "британският вестник „Гардиън“"
    ru, _ = _speakers("Министр Сергей Лавров заявил, что Россия готова. По их словам, переговоры продолжатся.", "ru",
                      "2025-03-05")
    assert [q.speaker.entity for q in ru.quotes] == ["vk:sergey-lavrov", None]


def test_a_quoted_name_after_a_preposition_and_companies_and_regulators_named_by_their_noun() -> None:
    """"Депутатите от „Продължаваме промяната – Демократична България“ остро разкритикуваха ...": a party's name in
    quote marks after "от" is no direct quote (its speaker had been "остро"); "съобщи дружеството", "съобщиха от
    регулатора" are the company and the regulator named before; ru "По словам губернатора" is the governor who spoke."""
    doc, got = _speakers("Депутатите от „Зелено бъдеще за всички хора“ остро разкритикуваха законопроекта.\n\n"
                         "Фармацевтичната компания „Софарма“ АД отчете печалба от 42 млн. лв., съобщи дружеството в "
                         "уведомление до борсата.\n\nКомисията за енергийно и водно регулиране (КЕВР) предложи по-висока "
                         "цена на тока, съобщиха от регулатора.", "bg", "2025-04-30")
    assert "Зелено бъдеще за всички хора" not in got
    by_start = {doc.span_text(q.span)[:20]: q for q in doc.quotes}
    assert by_start["Фармацевтичната комп"].speaker.entity == "vk:sopharma"
    assert by_start["Комисията за енергий"].speaker.entity == "vk:bulgarian-energy-regulator"
    ru, _ = _speakers("Два человека пострадали, сообщил губернатор региона Алексей Смирнов. По словам губернатора, "
                      "повреждены несколько домов.", "ru", "2024-08-07")
    smirnov = next(m.entity for m in ru.mentions if ru.span_text(m.span) == "Алексей Смирнов")
    assert [q.speaker.entity for q in ru.quotes] == [smirnov, smirnov]


def test_data_that_tell_a_body_in_which_it_was_said_and_an_office_with_and() -> None:
    """"..., сочат данни на Евростат": data tell (no quote was found), Eurostat the source; ru "В Кремле заявили",
    "Ранее в Евросоюзе сообщили": the body in which it was said speaks (no speaker before); "сказал Песков
    журналистам в понедельник": whom he told ends the speaker; "Министърът на труда и социалната политика Борислав
    Гуцанов заяви": "и" inside the office's name (the speaker had begun with "социалната")."""
    doc, got = _speakers("Безработицата е 3,5 на сто, сочат данни на Евростат. Министърът на труда и социалната политика "
                         "Борислав Гуцанов заяви, че се подготвя програма.", "bg", "2024-12-02")
    q = next(q for q in doc.quotes if doc.span_text(q.span) == "Безработицата е 3,5 на сто")
    assert q.speaker.entity == "vk:eurostat" and [s.entity for s in doc.sources] == ["vk:eurostat"]
    assert got["се подготвя програма"] == "Министърът на труда и социалната политика Борислав Гуцанов"
    ru, got_ru = _speakers("В Кремле заявили, что Москва ответит. Ранее в Евросоюзе сообщили, что пакет затрагивает газ. "
                           "\"Мы считаем такие решения незаконными\", - сказал Песков журналистам в понедельник.", "ru",
                           "2024-06-24")
    assert [q.speaker.entity for q in ru.quotes] == ["vk:kremlin", "vk:european-union", "vk:dmitry-peskov"]
    assert got_ru["Мы считаем такие решения незаконными"] == "Песков"


def test_an_office_of_adjectives_with_a_title_before_the_name() -> None:
    """"Главният държавен здравен инспектор доц. Ангел Кунчев препоръча ... По думите му": adjectives before the
    office's noun and a title after it ("доц.", an abbreviation now) still open the sentence with the person, so
    "му" is Кунчев (it had been the mayor quoted before); "каза ... доц. Стоян Стоянов": the speaker runs past the
    title (it ended at "доц")."""
    doc, got = _speakers("Кметът Костадин Димитров каза, че ваканцията е превантивна. Главният държавен здравен инспектор "
                         "доц. Ангел Кунчев препоръча на гражданите да се ваксинират. По думите му ваксината е налична."
                         "\n\n„Това е откритие“, каза ръководителят на изследването доц. Стоян Стоянов.", "bg",
                         "2025-01-22")
    q = next(q for q in doc.quotes if doc.span_text(q.span) == "ваксината е налична")
    assert q.speaker.entity == "vk:angel-kunchev"
    assert got["Това е откритие"] == "ръководителят на изследването доц. Стоян Стоянов"


def test_a_future_cue_after_a_comma_is_trailing_only_with_a_speaker_after_it() -> None:
    """", ще заяви Борис Джонсън в реч": a trailing cue in the future, with its speaker; "Фил Хоган, ирландският
    еврокомисар в Брюксел, ще предупреди за рисковете": the subject's own verb, so no quote of "Фил Хоган, ..."."""
    _doc, got = _speakers("Основателите на ЕС не създадоха общия пазар заради търговията, ще заяви Борис Джонсън в реч. "
                          "Фил Хоган, ирландският еврокомисар в Брюксел, ще предупреди за рисковете.", "bg",
                          "2018-02-12")
    assert got == {"Основателите на ЕС не създадоха общия пазар заради търговията": "Борис Джонсън",
                   "за рисковете": "Фил Хоган"}  # (a warning about something: its speaker, since stop 41)


def test_an_office_whose_body_is_a_capitalised_name_with_and() -> None:
    """"Председателят на Българската хотелиерска и ресторантьорска асоциация Ричард Алибегов посочи": the whole
    office with its holder (it had begun with "ресторантьорска")."""
    _doc, got = _speakers("Председателят на Българската хотелиерска и ресторантьорска асоциация Ричард Алибегов обаче "
                          "посочи, че хотелите са пълни.", "bg", "2025-08-28")
    assert got["хотелите са пълни"] == ("Председателят на Българската хотелиерска и ресторантьорска асоциация Ричард "
                                        "Алибегов")


def test_a_body_by_its_noun_before_a_relative_clause_is_the_speaker() -> None:
    """"Катарското външно министерство, което посредничи заедно с Египет и САЩ, заяви, че ...": the ministry speaks
    (the speaker had been "Египет и САЩ", inside the relative clause)."""
    _doc, got = _speakers("Катарското външно министерство, което посредничи заедно с Египет и САЩ, заяви, че следващата "
                          "размяна ще бъде след седем дни.", "bg", "2025-01-19")
    assert got["следващата размяна ще бъде след седем дни"] == "Катарското външно министерство"


def test_an_office_with_a_title_a_place_of_its_body_and_where_it_was_said() -> None:
    """"Председателят на Националния оперативен щаб ген. Венцислав Мутафчийски призова": a title's full stop is no
    word of the phrase (it had begun at "Националния"); "Лидерът на републиканците в Сената Мич Макконъл заяви": the
    office's body after "в" (it had begun at "Сената"), but not past another person ("среща с ... Петро Порошенко
    вчера в Берлин Меркел"); "заяви руският президент на заседание на правителството": the occasion ends the speaker,
    "председателят на конференцията Иван Петров" is an office."""
    doc, got = _speakers("Председателят на Националния оперативен щаб ген. Венцислав Мутафчийски призова гражданите да "
                          "носят маски. Лидерът на републиканците в Сената Мич Макконъл заяви, че Тръмп е отговорен. "
                          "След среща с украинския президент Петро Порошенко вчера в Берлин Меркел заяви, че проектът е "
                          "икономически. „Ваксината действа“, заяви руският президент на заседание на правителството. "
                          "„Това е успех“, заяви председателят на конференцията Иван Петров.", "bg", "2020-11-12")
    assert got["да носят маски"] == "Председателят на Националния оперативен щаб ген. Венцислав Мутафчийски"
    assert got["Тръмп е отговорен"] == "Лидерът на републиканците в Сената Мич Макконъл"
    merkel = next(q for q in doc.quotes if doc.span_text(q.span) == "проектът е икономически")
    assert "Порошенко" not in (got["проектът е икономически"] or "") and merkel.speaker.entity == "vk:angela-merkel"
    assert got["Ваксината действа"] == "руският президент"
    assert got["Това е успех"] == "председателят на конференцията Иван Петров"


def test_a_shared_subject_is_a_named_person_and_an_unnamed_source_is_nobody() -> None:
    """"Лидерът на републиканците ... Мич Макконъл гласува против ..., но заяви, че": McConnell (the group the tagger
    calls PER, "републиканците", had been the speaker); "заявил високопоставен източник от лагера на евроскептиците":
    an unnamed source, not the foreign minister quoted before."""
    doc, got = _speakers("Лидерът на републиканците Мич Макконъл гласува против осъждането, но заяви, че Тръмп е "
                         "отговорен. Външният министър Борис Джонсън заяви, че е готов. „Премиерката трябва да разбере "
                         "това“, заявил високопоставен източник от лагера на евроскептиците.", "bg", "2021-02-13")
    spk = _speaker_ids(doc)
    assert spk["Тръмп е отговорен"] == "vk:mitch-mcconnell"
    assert got["Премиерката трябва да разбере това"] == "високопоставен източник от лагера на евроскептиците"
    assert spk["Премиерката трябва да разбере това"] is None


def test_a_speaker_does_not_run_back_past_a_year_that_ends_a_sentence() -> None:
    """"... до 2021 г. Дъблин настоява, че ...": "г." can end a sentence, so the speaker is Dublin (it had been
    "търговия с ЕС до 2021 г. Дъблин"); a title's full stop still is inside ("проф. Иван Петров заяви")."""
    _doc, got = _speakers("Лондон иска споразумение за търговия с ЕС до 2021 г. Дъблин настоява, че то трябва да включва "
                          "решение. Ректорът проф. Иван Петров заяви, че университетът е готов.", "bg", "2018-03-01")
    assert got["то трябва да включва решение"] == "Дъблин"
    assert got["университетът е готов"] == "Ректорът проф. Иван Петров"


def test_bodies_by_noun_short_names_in_brackets_and_according_in_a_relative_clause() -> None:
    """"Организацията посочи" at a sentence's start is the body named before (it had no entity; the tagger's span
    "Световната здравна организация в техническа бележка" had hidden WHO too); "От „Демократична България“ заявиха":
    the party, which the tagger reads as a place; "ръководителят на Федералната агенция за недрата (Роснедра) Евгений
    Киселев": past the bracketed short name to the person; "дипломати, които според руското външно министерство са
    участвали в протести": the ministry's view is the relative clause (it had been the clause before, with the
    speaker running on to "протести")."""
    doc, got = _speakers("Омикрон носи висок риск, заяви Световната здравна организация в техническа бележка. "
                         "Организацията посочи, че няма данни за смъртни случаи. От „Демократична България“ заявиха, че "
                         "бюджетът е слаб. Газпром ще сондира, съобщи ръководителят на Федералната агенция за недрата "
                         "(Роснедра) Евгений Киселев. Русия изгони дипломати, които според руското външно министерство "
                         "са участвали в протести.", "bg", "2021-11-29")
    spk = _speaker_ids(doc)
    assert spk["Омикрон носи висок риск"] == spk["няма данни за смъртни случаи"] == "vk:world-health-organization"
    assert spk["бюджетът е слаб"] == "vk:democratic-bulgaria"
    assert got["Газпром ще сондира"] == "ръководителят на Федералната агенция за недрата (Роснедра) Евгений Киселев"
    assert got["са участвали в протести"] == "руското външно министерство"


def test_according_to_an_office_with_a_title_before_its_holder() -> None:
    """"..., който според премиера г-жа Тереза Мей трябва да приключи ...": the office, the title and the name are
    who (the speaker had ended at "премиера", with no entity)."""
    doc, got = _speakers("Кралството остава разединено за развода с ЕС, който според премиера г-жа Тереза Мей трябва да "
                         "приключи на 29 март 2019 година.", "bg", "2018-01-10")
    assert got["трябва да приключи на 29 март 2019 година"] == "премиера г-жа Тереза Мей"
    assert doc.quotes[0].speaker.entity == "vk:theresa-may"


def test_a_general_staff_statistics_a_partys_quoted_name_and_when_before_who() -> None:
    """"съобщи Генералният щаб на Въоръжените сили на Украйна": a staff, no general (it had no entity); "Според
    статистиката": the statistics office named before; "„Продължаваме промяната - Демократична България“ получава
    37 мандата": a party's name in quote marks is no uncued quote; "По-рано днес руското външно министерство
    предупреди": when is not part of who, and the ministry is the KB's."""
    doc, got = _speakers("Руските сили атакуваха Харков, съобщи Генералният щаб на Въоръжените сили на Украйна. "
                         "Инфлацията е 2,7 на сто, показват данните на Националния статистически институт (НСИ). Според "
                         "статистиката храните са поскъпнали.\n\n„Продължаваме промяната - Демократична България“ "
                         "получава 37 мандата.\n\nПо-рано днес руското външно министерство предупреди, че това ще бъде "
                         "ескалация.", "bg", "2024-10-31")
    spk = _speaker_ids(doc)
    assert spk["Руските сили атакуваха Харков"] == "vk:armed-forces-of-ukraine"
    assert spk["храните са поскъпнали"] == "vk:bulgarian-national-statistical-institute"
    assert not any("мандата" in c or "Продължаваме" in c for c in spk)
    assert got["това ще бъде ескалация"] == "руското външно министерство"
    assert spk["това ще бъде ескалация"] == "vk:russian-ministry-of-foreign-affairs"


def test_an_office_with_and_after_the_cue_his_statement_and_a_quoted_name_after_according() -> None:
    """"съобщи министърът на труда и социалната политика Борислав Гуцанов": "и" inside the office after the cue too
    (the speaker had ended at "труда", with no entity); "се казва в изявлението му": his statement is his (it had
    no entity); "Според споразумението „Хамас“ ще освободи ...": a name in quote marks, no direct quote of "Хамас"."""
    doc, got = _speakers("Минималната заплата ще бъде 1213 лева, съобщи министърът на труда и социалната политика "
                         "Борислав Гуцанов. „Това е справедливо“, се казва в изявлението му. Според споразумението "
                         "„Хамас“ ще освободи заложниците.", "bg", "2025-09-03")
    spk = _speaker_ids(doc)
    assert got["Минималната заплата ще бъде 1213 лева"] == ("министърът на труда и социалната политика Борислав "
                                                            "Гуцанов")
    assert spk["Минималната заплата ще бъде 1213 лева"] == spk["Това е справедливо"] == "vk:borislav-gutsanov"
    assert "Хамас" not in spk and any(c.startswith("„Хамас“ ще освободи") for c in spk)


def test_when_it_was_said_opens_no_speaker_phrase() -> None:
    """"По-рано този месец той заяви", "В сряда министърът заяви", "Междувременно британският министър ... увери":
    the time or the adverb before the subject is not part of who spoke (they had been; the time layer runs first)."""
    from vestnik.pipeline import make_pipeline

    doc = make_pipeline()(Document(text="По-рано този месец той заяви, че Лондон затваря вратата. В сряда министърът "
                                   "заяви, че е готов. Междувременно британският министър за Брекзит Дейвид Дейвис "
                                   "увери, че няма промяна.", language="bg", published="2018-03-01"))
    got = {c: s for c, _cue, s, _d in spans(doc)}
    assert got == {"Лондон затваря вратата": "той", "е готов": "министърът",
                   "няма промяна": "британският министър за Брекзит Дейвид Дейвис"}


def test_a_pronoun_of_the_other_gender_is_not_the_last_speaker() -> None:
    """"... съобщи министърът ... Скот Бесънт. От украинска страна документа подписа първият вицепремиер Юлия
    Свириденко. Тя написа ...": "Тя" is Svyrydenko, not Bessent (the last speaker); "Той" after Theresa May spoke
    and no man was named is nobody known (it had been May); ru "Он" after Zakharova likewise."""
    doc = _pipe_doc("Украйна и САЩ подписаха споразумение, съобщи министърът на финансите на САЩ Скот Бесънт. От "
                    "украинска страна документа подписа първият вицепремиер Юлия Свириденко. Тя написа, че фондът ще "
                    "бъде управляван на равни начала.\n\nПремиерът Тереза Мей заяви, че Лондон напуска ЕС. Той ще "
                    "бъде изпълнен, заяви той.", "bg", "2025-05-01")
    spk = _speaker_ids(doc)
    assert spk["фондът ще бъде управляван на равни начала"] == "vk:yulia-svyrydenko"
    assert spk["Лондон напуска ЕС"] == "vk:theresa-may" and spk["Той ще бъде изпълнен"] is None
    ru = _pipe_doc("Официальный представитель МИД России Мария Захарова заявила, что Москва ответит. Он также "
                   "сказал, что переговоры продолжатся.", "ru", "2024-06-24")
    assert [q.speaker.entity for q in ru.quotes] == ["vk:maria-zakharova", None]


def test_an_outlet_named_by_a_letter_and_a_digit_has_an_id_of_its_own() -> None:
    """"предаде сръбската телевизия Н1": the outlet's id is its own, not "vk:1" (the slug of its digit alone)."""
    doc = _pipe_doc("Хиляди протестираха в Белград, предаде сръбската телевизия Н1.", "bg", "2025-03-15")
    assert [s.entity for s in doc.sources] != ["vk:1"] and doc.sources[0].entity.startswith("vx:")


def test_a_body_named_after_the_outlet_spoken_to_and_as_he_said() -> None:
    """"каза пред БНТ ... Агенция „Пътна инфраструктура“ призова ... От агенцията уточниха": the agency named since the
    outlet (the TV channel had been the speaker); "съобщиха от Националния институт по метеорология и хидрология
    (НИМХ)": "и" inside a body whose acronym follows (it had ended at "метеорология"); "Както каза премиерът, ...",
    ru "Как отметил глава государства, ...": who said what follows (no quote had been found)."""
    doc, got = _speakers("Температурите ще паднат, съобщиха от Националния институт по метеорология и хидрология (НИМХ). "
                         "Синоптикът Анастасия Стойчева каза пред БНТ, че студът ще продължи. Агенция „Пътна "
                         "инфраструктура“ призова шофьорите да не тръгват на път. От агенцията уточниха, че 420 снегорина "
                         "са в готовност. Както каза премиерът, дефицитът ще бъде 3 на сто.", "bg", "2025-01-06")
    spk = _speaker_ids(doc)
    assert got["Температурите ще паднат"] == "Националния институт по метеорология и хидрология (НИМХ)"
    assert spk["420 снегорина са в готовност"] == "vk:bulgarian-road-infrastructure-agency"
    assert got["дефицитът ще бъде 3 на сто"] == "премиерът"
    _ru, got_ru = _speakers("Президент России Владимир Путин заявил, что Россия поддерживает идею. Как отметил глава "
                            "государства, прекращение огня должно вести к миру.", "ru", "2025-03-14")
    assert got_ru["прекращение огня должно вести к миру"] == "глава государства"


def test_one_word_before_according_is_no_quote() -> None:
    """"Вижте както каза още той пред кореспондента ни", "Reuters, според ...": a single word before an "according"
    phrase says nothing that is reported (such one-word quotes had been made)."""
    doc = _pipe_doc("Верхофстат заяви, че има проблеми. Вижте както каза още той пред кореспондента ни в Брюксел.", "bg",
                    "2018-03-01")
    assert [doc.span_text(q.span) for q in doc.quotes] == ["има проблеми"]
    ru = _pipe_doc("Причем, по словам главы департамента информации и печати МИД РФ , действия Гренелла являются частью "
                   "долгосрочной программы.", "ru", "2019-01-15")
    assert "Причем" not in [ru.span_text(q.span) for q in ru.quotes]


def test_a_body_s_acronym_and_its_long_name_in_trailing_and_according_phrases() -> None:
    """"Турската агенция за управление при бедствия и извънредни ситуации (АФАД) съобщи": the phrase read back stops
    inside the long name, so the acronym names the speaker (it had been "извънредни ситуации"); "..., както и в
    България, съобщи Националният институт по геофизика, геодезия и география към БАН.": the words after the name's
    comma are its own, not more of what was said (the content had run to the sentence's end, cue included);
    "Според последните данни демократът Джо Байдън води ...": a noun with the full article begins the clause (the
    according phrase had taken in "демократът Джо Байдън"; since stop 82 data with no owner name no speaker)."""
    _doc, got = _speakers("Турската агенция за управление при бедствия и извънредни ситуации (АФАД) съобщи, че загиналите "
                         "са 14. Трусът е бил усетен и в Атина, и в Истанбул, както и в България, съобщи Националният "
                         "институт по геофизика, геодезия и география към БАН. Според последните данни демократът Джо "
                         "Байдън води с около 14 000 гласа.", "bg", "2020-10-30")
    assert got["загиналите са 14"] == "АФАД"
    assert got["Трусът е бил усетен и в Атина, и в Истанбул, както и в България"].startswith("Националният институт")
    assert got["демократът Джо Байдън води с около 14 000 гласа"] is None


def test_a_pronoun_subject_after_when_shares_its_coordinated_cue() -> None:
    """"По-късно той отстъпи и заяви, че ...": "той" after a word of when is the subject the cue shares (no speaker had
    been found); the event coder reads the same pronoun as the source of "отстъпи"."""
    import vestnik

    text = ("Президентът Александър Вучич обяви, че от петък ще има полицейски час. По-късно той отстъпи и заяви, че ще "
            "предложи други мерки.")
    doc = vestnik.extract(text, published="2020-07-08", lang="bg")
    assert _speaker_ids(doc)["ще предложи други мерки"] == "vk:aleksandar-vucic"
    concede = next(e for e in doc.events if doc.span_text(e.span) == "отстъпи")
    assert concede.source.entity == "vk:aleksandar-vucic"


def test_two_offices_of_one_holder_after_the_cue() -> None:
    """"Това заяви днес вицепремиерът и министър на външните работи Екатерина Захариева": one speaker with two
    offices, so the quote is hers (the speaker had stopped at "вицепремиерът", with no entity) and so is the "По
    думите ѝ" that follows."""
    doc = _pipe_doc("България не може да подкрепи рамката. Това заяви днес вицепремиерът и министър на външните работи "
                    "Екатерина Захариева след Съвета по общи въпроси. По думите ѝ въпросът е европейски.", "bg",
                    "2020-11-17")
    spk = _speaker_ids(doc)
    assert spk["България не може да подкрепи рамката"] == "vk:ekaterina-zaharieva"
    assert spk["въпросът е европейски"] == "vk:ekaterina-zaharieva"


def test_what_a_bulgarian_naming_verb_called_something_and_an_office_s_town_after_a_dash() -> None:
    """"Пашинян определи решението като „невероятно болезнено“", "Барние нарече деня „ден на облекчение“": the quoted
    words are what the speaker said (no quote had been found); "Това каза ... директорът на РЗИ - Варна д-р Светлана
    Панчева": the town after a dash belongs to the office, and the holder after it is the speaker (it had stopped at
    "директорът на РЗИ", with no one to give "уточни тя" to)."""
    doc, got = _speakers("Пашинян определи решението като „невероятно болезнено“ за него. Барние нарече деня „ден на "
                         "облекчение“. Правителството определи датата на изборите. РЗИ обяви извънредна обстановка. "
                         "Това каза на брифинг директорът на РЗИ - Варна д-р Светлана Панчева. Мерките влизат в сила от "
                         "утре, уточни тя.", "bg", "2020-11-12")
    assert got["невероятно болезнено"] == "Пашинян" and got["ден на облекчение"] == "Барние"
    assert got["РЗИ обяви извънредна обстановка"] == "директорът на РЗИ - Варна д-р Светлана Панчева"
    spk = _speaker_ids(doc)
    assert spk["Мерките влизат в сила от утре"] == spk["РЗИ обяви извънредна обстановка"] is not None
    assert len(doc.quotes) == 4


def test_russian_coordinated_cues_and_the_prosecutor_general_named_alone() -> None:
    """ru "сообщил, что ..., и предупредил, что ...": the first content ends before the coordinated cue (it had run
    on through "и предупредил, что ..."); bg "Според главния прокурор ..." after "главният прокурор Иван Гешев": the
    office named alone is its holder then (no entity had been given)."""
    ru = _pipe_doc("Блинкен, в свою очередь, сообщил, что США передадут свои идеи в письменном виде, и предупредил, что "
                   "любое вторжение повлечет ответ.", "ru", "2022-01-21")
    assert [ru.span_text(q.span) for q in ru.quotes] == ["США передадут свои идеи в письменном виде",
                                                         "любое вторжение повлечет ответ"]
    bg = _pipe_doc("Това заяви главният прокурор Иван Гешев. Според главния прокурор исканията са опит за натиск.", "bg",
                   "2020-07-10")
    assert _speaker_ids(bg)["исканията са опит за натиск"] == "vk:ivan-geshev"


def test_a_phrase_of_manner_before_the_speaker_and_a_relative_word_are_no_speaker() -> None:
    """"В отговор Борисов заяви ...", "Тръмп за пореден път заяви ...": the adverbial phrase is not part of the
    speaker (it had been "отговор Борисов", an unknown name, and "... Тръмп за пореден път"); "пазара, откъдето се
    смята, че ...": a relative adverb names no one (it had been the speaker)."""
    doc, got = _speakers("Радев поиска оставка. В отговор Бойко Борисов заяви пред журналисти, че няма да подаде оставка. "
                         "Президентът на САЩ Доналд Тръмп за пореден път заяви, че е спечелил изборите. Властите "
                         "затвориха пазара, откъдето се смята, че е тръгнала новата вълна.", "bg", "2020-11-14")
    assert got["няма да подаде оставка"] == "Бойко Борисов"
    assert got["е спечелил изборите"] == "Президентът на САЩ Доналд Тръмп"
    assert _speaker_ids(doc).get("е тръгнала новата вълна") is None


def test_a_naming_verb_reports_nothing_before_it() -> None:
    """"Имамоглу, който е в ареста ..., определи процеса като политически.": a naming verb reports only through what
    follows it (the words before its comma had been taken as a trailing quote with "процеса" as speaker)."""
    doc = _pipe_doc("Имамоглу, който е в ареста от март по друго дело за корупция, определи процеса като политически.",
                    "bg", "2025-07-16")
    assert doc.quotes == []
    # nor is the object's quoted name alone what it was called: the object with what follows it is (stop 60, as the
    # annotators of eval/bggold mark 'Гройзман нарече "Северен поток 2" заплаха за Украйна')
    doc = _pipe_doc("Германският канцлер Ангела Меркел нарече „Северен поток-2“ икономически проект.", "bg", "2019-01-10")
    assert [doc.span_text(q.span) for q in doc.quotes] == ["„Северен поток-2“ икономически проект"]


def test_an_english_report_said_on_a_day_a_noun_after_the_and_its_dateline() -> None:
    """"... campaign said on Wednesday it had filed a lawsuit ..., alleging it had not been given ...": the day
    between "said" and its bare clause is skipped (no quote had been found) and the participle shares the campaign
    (the dateline "WASHINGTON" had been the speaker: a dateline is never one); "..., dismissed the claims": "claims"
    after "the" is a noun, no cue ending a trailing quote (PolNeAR counts "the claims", what was dismissed, as
    content)."""
    _doc, got = _speakers("WASHINGTON (Reuters) - President Donald Trump's campaign said on Wednesday it had filed a "
                         "lawsuit in Michigan to halt the vote count, alleging it had not been given meaningful access to "
                         "observe the counting.\n\nMichigan Secretary of State Jocelyn Benson, a Democrat, dismissed the "
                         "claims.", "en", "2020-11-04")
    assert got["it had filed a lawsuit in Michigan to halt the vote count"] == "President Donald Trump's campaign"
    assert got["it had not been given meaningful access to observe the counting"] == "President Donald Trump's campaign"
    assert sorted(got) == ["it had filed a lawsuit in Michigan to halt the vote count",
                           "it had not been given meaningful access to observe the counting", "the claims"]


def test_an_english_pronoun_of_the_other_gender_is_not_the_last_speaker() -> None:
    """"... Donald Trump said ... “It is rigged,” she said.": "she" is Hillary Clinton, named before, not Trump, the
    last speaker (English names tell their gender by common first names the pack lists)."""
    doc = _pipe_doc("Hillary Clinton said the plan was sound. Donald Trump said the plan was a disaster. \"It is "
                    "rigged,\" she said. \"We will fight,\" he said.", "en", "2016-10-10")
    spk = _speaker_ids(doc)
    assert spk["It is rigged"] == "vk:hillary-clinton" and spk["We will fight"] == "vk:donald-trump"


def test_an_according_body_s_lower_case_genitive_and_a_relative_clause_after_its_comma() -> None:
    """"Според японското министерство на отбраната ракетата е паднала ...": the body's genitive belongs to it (the
    content had begun at "на отбраната"); "По информация на изданието магазините ..., които не са ..., ще бъдат
    затворени": the comma opens a relative clause inside what was said, so the source is "изданието" (it had been
    "изданието магазините за стоки")."""
    doc, got = _speakers("Според японското министерство на отбраната ракетата е паднала извън зоната. Джонсън ще обяви "
                         "мерките днес, пише вестник „Гардиън“. По информация на изданието магазините за стоки, които "
                         "не са от първа необходимост, ще бъдат затворени.", "bg", "2020-12-19")
    assert got["ракетата е паднала извън зоната"] == "японското министерство на отбраната"
    assert [doc.span_text(s.span) for s in doc.sources][-1] == "изданието"
    _doc, got = _speakers("Според новия документ всички трансгранични газопроводи, които имат морски участъци, ще "
                          "трябва да отговарят на изискванията.", "bg", "2019-01-10")
    assert got == {"всички трансгранични газопроводи, които имат морски участъци, ще трябва да отговарят на "
                   "изискванията": "новия документ"}


def test_an_agency_that_cites_someone_in_apposition_or_after_its_relay() -> None:
    """"РИА Новости, позовавайки се на губернатора ..., съобщи, че ...": what the agency passes on is the governor's
    (stop 58: a person is a speaker, never a source, as CONTRACT.md and eval/bggold have it; the agency had cited him
    as a source and kept no quote); "..., предаде Ройтерс, като цитира говорителя Юрий Игнат, който заяви ..., че
    ...": the relay is kept though a relative clause follows the chain (Reuters had been lost), and his quote rests on
    Reuters."""
    ria = _pipe_doc("Руската агенция РИА Новости, позовавайки се на губернатора Вячеслав Гладков, съобщи, че двама "
                    "души са ранени.", "bg", "2023-03-03")
    assert [(ria.span_text(s.span), s.cites) for s in ria.sources] == [("РИА Новости", None)]
    assert [(ria.span_text(q.span), ria.span_text(q.speaker.span), q.sources) for q in ria.quotes] == [
        ("двама души са ранени", "губернатора Вячеслав Гладков", [0])]
    rt = _pipe_doc("Украинските въоръжени сили не коментираха твърденията, предаде Ройтерс, като цитира говорителя Юрий "
                   "Игнат, който заяви пред национална телевизия, че информацията ще бъде проверена.", "bg", "2023-03-03")
    assert [(rt.span_text(s.span), s.cites) for s in rt.sources] == [("Ройтерс", None)]
    said = {rt.span_text(q.span): (rt.span_text(q.speaker.span), q.sources) for q in rt.quotes}
    assert said["информацията ще бъде проверена"] == ("Юрий Игнат", [0])


def test_a_body_named_by_its_country_s_adjective_shares_a_coordinated_cue_and_authorities_before_a_relative() -> None:
    """"Сръбското външно министерство приветства решението, но посочи, че ...": the ministry, with an adjective
    between its country and its noun, is the shared subject (there had been no speaker); "Руските власти, които
    контролират централата ..., твърдят, че ...": the authorities the relative clause describes speak."""
    _doc, got = _speakers("Сръбското външно министерство приветства решението, но посочи, че то идва твърде късно. "
                          "Руските власти, които контролират централата от март 2022 г., твърдят, че прекъсването е "
                          "причинено от обстрел.", "bg", "2023-06-26")
    assert got["то идва твърде късно"] == "Сръбското външно министерство"
    assert got["прекъсването е причинено от обстрел"] == "Руските власти"


def test_a_subject_set_off_by_dashes_an_object_clitic_and_a_colon_after_the_subject_s_own_verb() -> None:
    """"Военното крило на „Хамас“ - бригадите „Из ад-Дин ал-Касам“ - заяви": who the dashes describe speaks
    (there had been no speaker); "разговаря по телефона с Нетаняху и му каза, че": the clitic "му" is whom he
    told, the speaker is the president (it had been "му"); "Унгарският премиер Виктор Орбан поздрави Вилдерс в
    платформата Екс: „...“": the sentence's subject said it (it had gone to the last speaker, Timmermans)."""
    _doc, got = _speakers("Военното крило на „Хамас“ - бригадите „Из ад-Дин ал-Касам“ - заяви, че е изстреляло над 5000 "
                          "ракети. Американският президент Джо Байдън разговаря по телефона с Нетаняху и му каза, че САЩ "
                          "стоят зад Израел, съобщи Белият дом.", "bg", "2023-10-07")
    assert got["е изстреляло над 5000 ракети"] == "Военното крило на „Хамас“"
    assert got["САЩ стоят зад Израел"] == "Американският президент"
    doc = _pipe_doc("Франс Тимерманс заяви, че лявата коалиция няма да влезе в правителство с ПВВ.\nУнгарският премиер "
                    "Виктор Орбан поздрави Вилдерс в платформата Екс: „Ветровете на промяната са тук!“", "bg",
                    "2023-11-23")
    assert _speaker_ids(doc)["Ветровете на промяната са тук!"] == "vk:viktor-orban"


def test_a_time_of_day_before_the_speaker_and_a_russian_head_of_state_named_before() -> None:
    """"Сутринта Путин нарече ...": when is not who ("Сутринта Путин" had been the speaker); ru "..., - сказал
    глава государства": the head of state just named (there had been no entity: Russian roles without a country
    are left alone, but this phrase always names someone)."""
    _doc, got = _speakers("Сутринта Путин обеща, че организаторите на бунта ще бъдат наказани.", "bg", "2023-06-24")
    assert got == {"организаторите на бунта ще бъдат наказани": "Путин"}
    doc = _pipe_doc("Президент РФ Владимир Путин назвал мятеж предательством. «Все понесут наказание», - сказал глава "
                    "государства.", "ru", "2023-06-24")
    assert _speaker_ids(doc)["Все понесут наказание"] == "vk:vladimir-putin"


def test_an_english_speaker_named_first_in_a_paragraph_before_an_apposition() -> None:
    """"Kevin Rojek, the special agent in charge of the FBI's Pittsburgh field office, told reporters ...": a known
    first name opening a paragraph starts a name ("Kevin" is also in the common-word list, and the speaker had been
    "charge of the FBI's Pittsburgh field office")."""
    _doc, got = _speakers("The FBI said on Sunday it was investigating.\nKevin Rojek, the special agent in charge of the "
                          "FBI's Pittsburgh field office, told reporters that investigators had not yet determined a "
                          "motive.", "en", "2024-07-14")
    assert got["that investigators had not yet determined a motive"] == "Kevin Rojek"


def test_a_platform_named_in_quote_marks_before_che_and_a_reply_verb() -> None:
    """"Тръмп написа в платформата си „Трут соушъл“, че ...": the quoted name between the cue and "че" is no quote
    of its own (nothing had been found); "Зеленски отвърна, че ...": "отвърна" (replied) reports speech."""
    _doc, got = _speakers("Тръмп написа в платформата си „Трут соушъл“, че Зеленски не е готов за мир. Зеленски "
                          "отвърна, че Русия е нарушавала споразуменията.", "bg", "2025-02-28")
    assert got == {"Зеленски не е готов за мир": "Тръмп", "Русия е нарушавала споразуменията": "Зеленски"}


def test_a_programme_named_after_za_before_che() -> None:
    """Stop 49: "... потвърдиха за „Панорама на седмицата“, че ...": a programme's name in quote marks after "за" (to
    whom it was said) may be longer than a platform's and still stands between the cue and "че" (nothing had been
    found); a quoted clause after "за" is no name and ends the search."""
    _doc, got = _speakers("Служители на летището потвърдиха за „Панорама на седмицата и у нас“, че полетът е отменен.",
                          "bg", "2018-03-01")
    assert got == {"полетът е отменен": "Служители на летището"}
    _doc, got = _speakers("Министърът заяви за „Ние ще спечелим. Сигурен съм“, че изборите са честни.", "bg",
                          "2018-03-01")
    assert "изборите са честни" not in got


def test_according_after_a_dateline_with_a_decimal_comma_and_according_to_which() -> None:
    """"Кишинев, 21 октомври (БТА) - По данни на Централната избирателна комисия след преброяването на 99,9 процента
    ...": the dateline does not make the phrase mid-sentence, "след" ends the source and "99,9" is one number (the
    content had been cut at its comma and the source run into "след преброяването на 99"); "... документи на
    разузнаването, според които Джорджеску е бил подпомогнат ...": the documents say it (the clause's subject,
    Georgescu, had been the source)."""
    _doc, got = _speakers("Кишинев, 21 октомври (БТА) - По данни на Централната избирателна комисия след преброяването "
                          "на 99,9 процента от бюлетините „за“ са гласували 50,38 процента от избирателите.", "bg",
                          "2024-10-21")
    assert list(got.values()) == ["Централната избирателна комисия"]
    assert "99,9 процента" in next(iter(got))
    _doc, got = _speakers("Съветът за отбрана разсекрети документи на разузнаването, според които Джорджеску е бил "
                          "подпомогнат от координирана кампания. Агенцията цитира доклад на Световната банка, според "
                          "който растежът ще се забави.", "bg", "2024-12-06")
    assert got == {"Джорджеску е бил подпомогнат от координирана кампания": "документи на разузнаването",
                   "растежът ще се забави": "доклад на Световната банка"}


def test_who_cites_in_apposition_who_goes_on_after_i_and_where_it_was_said() -> None:
    """"руските агенции, позовавайки се на източник в Кремъл, съобщиха": the agencies report (it had been the
    Kremlin); "Хаменей заяви ..., че ... и предупреди САЩ, че ...": Khamenei warns the US (the US had been the
    speaker); "заявиха бунтовниците по държавната телевизия": on television is where, not who."""
    _doc, got = _speakers("По-късно руските агенции, позовавайки се на източник в Кремъл, съобщиха, че Асад е пристигнал "
                          "в Москва. „Обявяваме Дамаск за свободен“, заявиха бунтовниците по държавната телевизия.", "bg",
                          "2024-12-08")
    assert got == {"Асад е пристигнал в Москва": "руските агенции", "Обявяваме Дамаск за свободен": "бунтовниците"}
    _doc, got = _speakers("Иранският върховен лидер Али Хаменей заяви, че Иран „никога няма да се предаде“ и предупреди "
                          "САЩ, че всяка военна намеса ще причини „непоправими щети“.", "bg", "2025-06-18")
    assert set(got.values()) == {"Иранският върховен лидер Али Хаменей"}


def test_a_capitalised_body_after_a_verb_is_its_object_not_a_new_sentence() -> None:
    """"Той призова Съвета за сигурност да осъди агресията": "Съвета" (the short article) opens a body's name, so
    no sentence ends before it (the sentence had been cut after "призова")."""
    from vestnik import extract

    doc = extract("Той призова Съвета за сигурност да осъди агресията. Министърът посети Съда на ЕС в Люксембург.",
                  published="2025-06-18", lang="bg")
    assert [doc.span_text(s) for s in doc.sentences] == ["Той призова Съвета за сигурност да осъди агресията.",
                                                          "Министърът посети Съда на ЕС в Люксембург."]


def test_an_impersonal_reflexive_a_noun_call_and_an_apposition_s_relative_clause() -> None:
    """"Според съдебния състав има основания да се смята, че ...": "се смята" (it is believed) reports no one, so
    the "according" quote is the only one (a second had "съдебния състав има основания" as its speaker); "held a
    lengthy phone call on Wednesday": "call on" is no cue here; "European officials, who were not consulted,
    expressed concern that ...": the officials speak (the speaker had been "who")."""
    _doc, got = _speakers("Според съдебния състав има основания да се смята, че Нетаняху носи наказателна отговорност.",
                          "bg", "2024-11-21")
    assert list(got.values()) == ["съдебния състав"]
    _doc, got = _speakers("Putin and Trump held a lengthy phone call on Wednesday and agreed to begin negotiations. "
                          "European officials, who were not consulted, expressed concern that Ukraine could be "
                          "sidelined.", "en", "2025-02-12")
    assert "Wednesday and agreed to begin negotiations" not in " ".join(got)
    assert got["that Ukraine could be sidelined"] == "European officials"


def test_a_quoted_party_name_is_no_quote_and_according_phrases_end_at_the_name() -> None:
    """"От опозиционната „Продължаваме промяната - Демократична България“ обаче критикуваха бюджета": the party's
    name in quote marks is no quote (it had been one, with no speaker); "Според турския външен министър Хакан Фидан
    Русия и Украйна трябва ...": the minister's name ends the source (Russia had been in it); "По думите на
    директора на болницата доц. Валентин Игнатов ...": a title between the office and its holder; en "according to
    officials familiar with the agreement": a group, not the last speaker (Netanyahu)."""
    _doc, got = _speakers("От опозиционната „Продължаваме промяната - Демократична България“ обаче критикуваха бюджета "
                          "като „инфлационен“. Според турския външен министър Хакан Фидан Русия и Украйна трябва да се "
                          "върнат към преговорите. По думите на директора на болницата доц. Валентин Игнатов "
                          "състоянието на детето е тежко.", "bg", "2025-03-09")
    assert got == {"Русия и Украйна трябва да се върнат към преговорите": "турския външен министър Хакан Фидан",
                   "състоянието на детето е тежко": "директора на болницата доц. Валентин Игнатов"}
    doc = _pipe_doc("Israel approved the deal, Prime Minister Benjamin Netanyahu's office said. The deal will see 33 "
                    "hostages released, according to officials familiar with the agreement.", "en", "2025-01-18")
    assert _speaker_ids(doc)["The deal will see 33 hostages released"] is None


def test_whom_an_according_phrase_cites_is_no_subject_for_the_next_cue() -> None:
    """"Той припомни изказване на премиера Тереза Мей, според която ..., и отбеляза, че ...": Juncker, "той",
    notes it (May, cited inside the sentence, had become the speaker), found as the last male speaker though the
    paragraph names no man."""
    doc = _pipe_doc("Излизането е катастрофа, посочи Жан-Клод Юнкер.\n\nТой припомни изказване на премиера Тереза Мей, "
                    "според която британците не са се чувствали добре в ЕС, и отбеляза, че не е било направено нищо.",
                    "bg", "2018-01-17")
    got = _speaker_ids(doc)
    assert got["британците не са се чувствали добре в ЕС"] == "vk:theresa-may"
    assert got["не е било направено нищо"] == "vk:jean-claude-juncker"


def test_according_phrases_end_at_a_name_or_before_one_after_a_plain_noun() -> None:
    """"По думите на Тошковски пиротехнически изделия, използвани ..., са подпалили": the minister's name ends the
    phrase (the surname ends in -ски and had read as an adjective of "изделия"); "Според обвинението Тръмп е
    представил ...": the prosecution speaks, and Trump is the clause's subject (he had been in the phrase)."""
    _doc, got = _speakers("Министърът на вътрешните работи Панче Тошковски съобщи, че загиналите са 59. По думите на "
                          "Тошковски пиротехнически изделия, използвани по време на концерта, са подпалили тавана. "
                          "Според обвинението Тръмп е представил като разходи плащането.", "bg", "2025-03-16")
    assert got["пиротехнически изделия, използвани по време на концерта, са подпалили тавана"] == "Тошковски"
    assert got["Тръмп е представил като разходи плащането"] == "обвинението"


def test_a_speaker_before_a_relative_or_participle_clause() -> None:
    """The subject, not the clause that describes it, speaks: "Рахмон, который находится в Киргизии ..., в свою
    очередь отметил", "Армията, командвана от генерал Абдел Фатах Бурхан, заяви" (the clause's words had been the
    speaker); and a cue inside the relative clause is the noun's, past a time word: "Руто, който снощи определи
    събитията като „предателство“" (the speaker had been "снощи")."""
    _doc, got = _speakers("Рахмон, который находится в Киргизии с государственным визитом, в свою очередь отметил, что "
                          "стороны договорились открыть пункты пропуска.", "ru", "2025-03-13")
    assert got["стороны договорились открыть пункты пропуска"] == "Рахмон"
    import vestnik

    doc = vestnik.extract("Армията, командвана от генерал Абдел Фатах Бурхан, заяви, че няма да преговаря. Кенийският "
                          "президент Уилям Руто оттегли законопроекта. Руто, който снощи определи събитията като "
                          "„предателство“, изказа съболезнования.", published="2024-06-26", lang="bg")
    got = {c: s for c, _cue, s, _d in spans(doc)}  # (the whole pipeline: "снощи" is known as a time)
    assert got["няма да преговаря"] == "Армията" and got["предателство"] == "Руто"


def test_russian_mid_sentence_according_and_phrases_before_the_speaker() -> None:
    """"В Сирии, по данным местного Минздрава, погибли ...": what the ministry reports follows the phrase (it had
    been "В Сирии"); "заявила на пресс-конференции по итогам заседания председатель ЦБ ...": a longer phrase on where
    it was said, with a preposition inside, comes before the speaker (who had been "пресс-конференции"); "X, Y
    объявил о победе": the cue's object follows it, and X is no quote."""
    _doc, got = _speakers("В Сирии, по данным местного Минздрава, погибли более 1400 человек. «Мы не исключаем "
                          "повышения ставки», — заявила на пресс-конференции по итогам заседания председатель ЦБ Эльвира "
                          "Набиуллина. Почетный председатель партии, экс-премьер Бидзина Иванишвили объявил о победе.",
                          "ru", "2024-10-27")
    assert got == {"погибли более 1400 человек": "местного Минздрава",
                   "Мы не исключаем повышения ставки": "председатель ЦБ Эльвира Набиуллина"}


def test_declaring_oneself_is_no_report_and_a_name_in_the_object_of_naming_is_skipped() -> None:
    """"Симион ... отначало се обяви за победител" reports no one's words (it had been a quote of the sentence's
    start, said by "отначало"); "определи действията на „Газпром“ като „поредния опит ...“": what it was called is the
    second quote, not the company's name."""
    _doc, got = _speakers("Симион, който спечели първия тур, отначало се обяви за победител, но по-късно призна "
                          "резултата. Председателката на ЕК Урсула фон дер Лайен определи действията на „Газпром“ като "
                          "„поредния опит на Русия да ни изнудва с газ“.", "bg", "2025-05-19")
    assert got == {"поредния опит на Русия да ни изнудва с газ": "Председателката на ЕК Урсула фон дер Лайен"}


def test_the_owner_after_a_medium_is_no_earlier_speaker() -> None:
    """"..., говорится в заявлении командования": the command's statement, not the last speaker's (the RSF leader
    had been given the army's words)."""
    doc = _pipe_doc("Лидер СБР Мохаммед Хамдан Дагало заявил, что его силы контролируют столицу. Армия исключила "
                    "переговоры с СБР, говорится в заявлении командования.", "ru", "2023-04-16")
    assert _speaker_ids(doc)["Армия исключила переговоры с СБР"] is None


def test_long_relative_clauses_and_according_whom_name_the_subject() -> None:
    """"Министър-председателката, която в понеделник даде на Москва срок ..., каза": the office holder speaks (the
    speaker had been the clause's last words); "Заев, според когото ..., добави: „…“": Zaev adds, and "според
    когото" is his view; "ще се нарича Република Северна Македония, предаде АФП" is no naming; "Ердоган, който ...,
    ще се срещне с Путин, каза Песков": the clause is what Peskov said."""
    _doc, got = _speakers("Министър-председателката, която в понеделник даде на Москва срок до полунощ да обясни как "
                          "веществото „Новичок“ е било използвано на британска територия, каза, че руската страна е "
                          "отговорила с пренебрежение. Министрите подписаха споразумението, с което съседката ще се "
                          "нарича Република Северна Македония, предаде АФП. Заев, според когото двете страни слагат край "
                          "на спор, продължил повече от четвърт век, добави: „Избрахме да гледаме към бъдещето“. "
                          "Ердоган, който е на посещение в Москва, ще се срещне с Путин, каза Песков.", "bg", "2018-06-17")
    assert got["руската страна е отговорила с пренебрежение"] == "Министър-председателката"
    assert got["Избрахме да гледаме към бъдещето"] == "Заев"
    assert got["двете страни слагат край на спор, продължил повече от четвърт век"] == "Заев"
    assert got["Ердоган, който е на посещение в Москва, ще се срещне с Путин"] == "Песков"
    assert "предаде АФП" not in got


def test_more_russian_according_forms_an_anaphoric_medium_and_a_place_before_the_office() -> None:
    """"Как сообщала ФСБ, ...", "Как пояснили в регуляторе, ..." open what was said (there had been no quote);
    "Об этом говорится в сообщении регулятора" gives the sentence before to the regulator; bg "Днес на заседанието на
    Министерския съвет премиерът Бойко Борисов нарече": the premier, not the session."""
    _doc, got = _speakers("Фигуранты задержаны в субботу. Как сообщала ФСБ, после нападения они пытались скрыться. "
                          "Банк России повысил ставку до 20%. Об этом говорится в сообщении регулятора. Как пояснили в "
                          "регуляторе, повышение ставки должно обеспечить рост депозитных ставок.", "ru", "2022-02-28")
    assert got["после нападения они пытались скрыться"] == "ФСБ"
    assert got["Банк России повысил ставку до 20%"] == "регулятора"
    assert got["повышение ставки должно обеспечить рост депозитных ставок"] == "регуляторе"
    _doc, got = _speakers("Днес на заседанието на Министерския съвет премиерът Бойко Борисов каза, че държавата трябва "
                          "да привлича такива специалисти.", "bg", "2019-07-17")
    assert got["държавата трябва да привлича такива специалисти"] == "премиерът Бойко Борисов"


def test_declining_to_comment_reports_nothing() -> None:
    """"..., който отказа да коментира акцията": no quote (the sentence before the cue had been given to Rashkov);
    Russian "отказался комментировать" likewise; "коментира" alone still reports."""
    _doc, got = _speakers("Привърженици на ГЕРБ протестираха с искане за оставка на министъра Бойко Рашков, който отказа "
                          "да коментира акцията. Акцията е законна, коментира Рашков.", "bg", "2022-03-18")
    assert got == {"Акцията е законна": "Рашков"}
    _doc, got = _speakers("Министр отказался комментировать сообщения СМИ.", "ru", "2022-03-18")
    assert got == {}


def test_according_at_a_sentence_end_after_a_comma_and_in_keeping_with() -> None:
    """", според прогнозата на Световната банка." and ", по данным Росстата." at a sentence's end report what stands
    before them (nothing had been found); "да функционират според конституцията" (no comma) is "in keeping with";
    "..., където по информация на местни медии е възнамерявал ...": what the media report follows the phrase."""
    _doc, got = _speakers("Икономиката ще расте с 3 на сто, според прогнозата на Световната банка. Посолството на САЩ "
                          "призова Кастильо да позволи на институциите да функционират според конституцията. Той беше "
                          "задържан край посолството на Мексико, където по информация на местни медии е възнамерявал да "
                          "поиска убежище.", "bg", "2022-12-08")
    assert got["Икономиката ще расте с 3 на сто"] == "прогнозата на Световната банка"
    assert got["е възнамерявал да поиска убежище"] == "местни медии"
    assert not any(s == "конституцията" for s in got.values())
    _doc, got = _speakers("Цены выросли на 8%, по данным Росстата.", "ru", "2022-12-08")
    assert got == {"Цены выросли на 8%": "Росстата"}


def test_a_network_after_the_cue_is_where_and_the_subject_writes() -> None:
    """"Ръководителят на НАСА Бил Нелсън поздрави ИСРО и написа в Екс, че ...": Nelson writes (the speaker had been
    "Екс"); "написа в Екс премиерът Кирил Петков": the premier, after the network."""
    _doc, got = _speakers("Ръководителят на НАСА Бил Нелсън поздрави ИСРО и написа в Екс, че САЩ се радват да бъдат "
                          "партньор на Индия. „Няма да се откажем“, написа в Екс премиерът Кирил Петков.", "bg",
                          "2023-08-23")
    assert got == {"САЩ се радват да бъдат партньор на Индия": "Бил Нелсън",
                   "Няма да се откажем": "премиерът Кирил Петков"}


def test_english_which_and_participle_appositions_describe_the_speaker() -> None:
    """"The Iran-backed group, which has been exchanging fire with Israel since October, said": the group (it had
    been "October"); "A Hezbollah official, speaking on condition of anonymity, told Reuters": the official."""
    _doc, got = _speakers("The Iran-backed group, which has been exchanging fire with Israel since October, said in a "
                          "statement that it held Israel fully responsible. A Hezbollah official, speaking on condition "
                          "of anonymity, told Reuters the blasts were the group's biggest security breach.", "en",
                          "2024-09-17")
    assert got["that it held Israel fully responsible"] == "Iran-backed group"
    assert got["blasts were the group's biggest security breach"] == "Hezbollah official"


def test_english_past_participle_apposition_and_a_news_conference_told() -> None:
    """"The agreement, reached in Dubai after two weeks of tough negotiations, calls for ...": the agreement (it had
    been "of tough negotiations"); "told a news conference that ...": what follows "that" is what was said (the
    conference had been part of it)."""
    _doc, got = _speakers("The agreement, reached in Dubai after two weeks of tough negotiations, calls for tripling "
                          "renewable energy capacity. He told a news conference that the deal was signed.", "en",
                          "2023-12-13")
    assert got["tripling renewable energy capacity"] == "agreement"
    assert "that the deal was signed" in got and not any("news conference" in c for c in got)


def test_a_name_and_its_apposition_speak_and_an_office_keeps_its_adjectives() -> None:
    """"Anne Rasmussen, lead negotiator for the alliance, said the deal ...": she speaks, and what she said follows
    (the name and its apposition had been the content, said by "deal contained ..."); "обяви във вторник вечерта
    американският държавен секретар Майк Помпейо": the office with its adjectives (it had been "секретар ...")."""
    _doc, got = _speakers("Anne Rasmussen, lead negotiator for the Alliance of Small Island States, said the deal contained "
                          "a litany of loopholes.", "en", "2023-12-13")
    assert got == {"the deal contained a litany of loopholes": "Anne Rasmussen"}
    _doc, got = _speakers("САЩ ще направят всичко, за да спрат проекта, обяви във вторник вечерта американският държавен "
                          "секретар Майк Помпейо.", "bg", "2019-01-15")
    assert got == {"САЩ ще направят всичко, за да спрат проекта": "американският държавен секретар Майк Помпейо"}


def test_a_participle_after_the_clause_shares_its_subject() -> None:
    """", adding: “…”", ", calling the plan “…”", ", noting that ...": the subject of the clause before the comma
    speaks, not the nearest noun (these had been "the minister", "the report" and "March"); a frame inside another
    frame's content is not that subject ("officials said [the letter was referring to ...], adding that"); a quote
    whose words end in a full stop ends its sentence (“... the winter.” Mayor ...: the mayor had said it)."""
    _doc, got = _speakers("Senator Warren wrote to the minister, adding: “I urge you to act before the winter.” "
                          "Mayor Ana Brnabić rejected the report, calling it “a work of fiction.” "
                          "In a memo dated March 2016, Mark Elias laid out the options, noting that the party could share "
                          "its donor lists. Union officials said the letter was referring to the wage talks, adding that "
                          "members felt more energized than ever.", "en", "2016-10-24")
    assert got["I urge you to act before the winter"] == "Senator Warren"
    assert got["a work of fiction"] == "Mayor Ana Brnabić"
    assert got["that the party could share its donor lists"] == "Mark Elias"
    assert got["that members felt more energized than ever"] == "Union officials"
    _doc, got = _speakers("Министърът на финансите на Великобритания Филип Хамънд заяви в понеделник, че бюджетът ще "
                          "бъде променен, добавяйки: „Искаме стабилност за бизнеса“.", "bg", "2018-02-12")
    assert got["Искаме стабилност за бизнеса"] == "Министърът на финансите на Великобритания Филип Хамънд"
    _doc, got = _speakers("Изправена пред остра критика от министрите си, Тереза Мей се опита да успокои страховете им, "
                          "посочвайки пред журналисти: „Това ще бъде само за ограничен период от време.“ „Потвърждавам "
                          "подкрепата си за Кипър.“ - посочи председателят на ЕП.", "bg", "2018-11-14")
    assert got["Това ще бъде само за ограничен период от време"] == "Тереза Мей"
    assert got["Потвърждавам подкрепата си за Кипър"] == "председателят на ЕП"  # (a dash after the quote: its cue)


def test_a_short_quote_that_ends_in_the_comma_before_the_cue_ends_the_content() -> None:
    """'The ruling is a "dangerous precedent," he said.': the sentence is what he said (nothing was found: the
    quote is too short to stand alone, and its comma inside the marks hid the trailing comma); a middle initial
    ("Janet L. Yellen") and a state in brackets ("(D-Mo.)") end no sentence between a quote and its cue; an "and"
    inside the speaker's apposition does not part them."""
    _doc, got = _speakers('The ruling is a "dangerous precedent," he said. "Hiring will slow down next year," '
                          'Fed Chair Janet L. Yellen said on Tuesday. "We have waited long enough," Rep. Emanuel '
                          'Cleaver II (D-Mo.) said at the hearing. "Is it in our interest to act?" Lisa O. Monaco, the '
                          'adviser on counterterrorism and homeland security, said at a summit.', "en", "2016-10-10")
    assert got['The ruling is a "dangerous precedent,"'] == "he"
    assert "Yellen" in (got["Hiring will slow down next year"] or "")
    assert got["We have waited long enough"] == "Rep. Emanuel Cleaver II"
    assert got["Is it in our interest to act?"] == "Lisa O. Monaco"


def test_a_noun_cue_with_a_that_clause_reports_the_whole_clause() -> None:
    """"news that the ministry had asked ...": the clause to its end (it had been "the ministry", cut at the
    auxiliary as a noun phrase after a preposition is)."""
    _doc, got = _speakers("Shares fell after news that the ministry had asked the regulator to delay the merger.", "en",
                          "2016-10-28")
    assert "that the ministry had asked the regulator to delay the merger" in got


def test_a_quote_ending_in_a_full_stop_and_its_continuation() -> None:
    """“... winter.” She called it ...: a new sentence, so the quote's cue is not the next sentence's verb; but
    “... Katy.” Trump said to cheers.: a short inverted attribution still belongs to the quote before; and a quote
    without a cue goes on from the last quote before it in its paragraph, not from a later sentence's."""
    _doc, got = _speakers('"We disagreed with them on policies," she said on Friday. "But I never questioned their '
                          'fitness to serve. He is different." She called him "not fit to be president." "We have '
                          'massive crowds, Katy." Trump said to cheers.', "en", "2016-10-10")
    merged = next(c for c in got if c.startswith("We disagreed"))
    assert "But I never questioned" in merged and got[merged] == "she"
    assert got["not fit to be president"] == "She"
    assert got["We have massive crowds, Katy"] == "Trump"


def test_a_cue_before_a_quote_shares_a_coordinated_subject_and_names_in_a_list_speak() -> None:
    """"Ruto returned to the stage and declared, “…”": Ruto (nobody had been found: the phrase before "declared" is
    the first verb's object); "“…,” Smith and Jones wrote": both (the "and" between the quote and its cue had hidden
    the cue); "“…,” the daily wrote": the newspaper."""
    _doc, got = _speakers("President Ruto returned to the stage a few minutes later and declared, “We will never be "
                          "stopped.” \"The letter left so many questions open,\" Cummings and Conyers wrote. "
                          "“She is well positioned to get something done,” the daily wrote.", "en", "2024-06-25")
    assert got["We will never be stopped"] == "Ruto"
    assert got["The letter left so many questions open"] == "Cummings and Conyers"
    assert got["She is well positioned to get something done"] == "daily"


def test_as_the_speaker_said_attributes_the_clause_around_it() -> None:
    """"As Politico reported Tuesday night, the PAC will ...", "..., as the minister told reporters.": the clause
    around is what they said (nothing was found); "As expected, ..." names nobody."""
    _doc, got = _speakers("As Politico reported Tuesday night, the PAC will more than level the playing field. The talks "
                          "will resume next week, as the minister told reporters. As expected, turnout was low.", "en",
                          "2016-10-29")
    assert got["the PAC will more than level the playing field"] == "Politico"
    assert got["The talks will resume next week"] == "the minister"
    assert not any("turnout" in c for c in got)


def test_according_to_a_command_with_its_definite_genitive() -> None:
    """"Според командването на американските (военновъздушни) сили в Близкия изток ударите са ...": the command of
    the US forces tells (the phrase had ended at "командването", and "на американските сили ..." was what it told)."""
    _doc, got = _speakers("Според командването на американските сили в Близкия изток ударите са унищожили три ракетни "
                          "установки. Според командването на американските военновъздушни сили са поразени 60 цели.",
                          "bg", "2024-01-12")
    assert got["ударите са унищожили три ракетни установки"] == "командването на американските сили в Близкия изток"
    assert got["са поразени 60 цели"] == "командването на американските военновъздушни сили"


def test_a_term_called_by_name_and_calling_in_report_nothing() -> None:
    """"a phenomenon called differential nonresponse" names a term (it had been said by "a phenomenon"); "she called
    in to a convention" is a phone call, not a naming nor "called on X to act"; "The minister called the plan a
    disaster" still is one."""
    _doc, got = _speakers("Pertinent to the debates is a phenomenon called differential nonresponse. She called in to a "
                          "convention of fast-food workers. The minister called the plan a disaster.", "en", "2016-11-06")
    assert got == {"plan a disaster": "minister"}


def test_a_relative_pronoun_speaks_for_its_noun_and_a_quote_carried_over_keeps_its_cue() -> None:
    """"The Washington Post, which wrote that ...": the pronoun is the speaker's mention, the Post who speaks (it
    had been the last speaker, Trump); "Republicans in Congress, who say the bill is dead, voted": no "CONTENT,
    SPEAKER CUE" (the content had been "Republicans in Congress"); a quote opened in one paragraph and closed in the
    next gets the cue after its close ("... wrote The Post": nothing had been found)."""
    doc = _pipe_doc("Trump criticized The Washington Post, which wrote that he was unfit. Republicans in Congress, who "
                    "say the bill is dead, voted against it.", "en", "2016-10-12")
    got = {doc.span_text(q.span): (doc.span_text(q.speaker.span), q.speaker.entity) for q in doc.quotes}
    assert got["that he was unfit"] == ("which", "vk:the-washington-post")
    assert "Republicans in Congress" not in got
    assert got["the bill is dead"][0] == "who"  # (the relative clause ends at its comma)
    _doc, got2 = _speakers("The newspaper listed her flaws, writing: “We recognize that many Americans distrust her.\n\n"
                           "“We are not blind to those,” wrote The Post.", "en", "2016-10-12")
    assert any(c.endswith("We are not blind to those") and s == "Post" for c, s in got2.items())


def test_as_an_agency_relays_in_bulgarian_is_a_source_chain() -> None:
    """"Както предава БТА, позовавайки се на АФП, ...": BTA relays what AFP reported (no source had been found);
    "Както съобщава пресслужбата на Кремъл, ...": the Kremlin's press office tells."""
    doc = _pipe_doc("Както предава БТА, позовавайки се на АФП, протестите продължават. Както съобщава пресслужбата на "
                    "Кремъл, лидерите са потвърдили позициите си.", "bg", "2019-05-12")
    srcs = [(doc.span_text(s.span), s.cites) for s in doc.sources]
    assert srcs[:2] == [("БТА", 1), ("АФП", None)]
    assert any(doc.span_text(q.span) == "лидерите са потвърдили позициите си" for q in doc.quotes)


def test_an_opening_as_phrase_is_who_speaks_not_what_was_said() -> None:
    """"As chairman of the committee, Smith said the talks would resume": the talks are what he said (the content had
    been "As chairman of the committee"); "As expected, the talks will resume, Smith said" is still his."""
    _doc, got = _speakers("As chairman of the committee, Smith said the talks would resume. As expected, the vote will "
                          "be held in May, Jones said.", "en", "2018-01-10")
    assert got == {"the talks would resume": "Smith", "As expected, the vote will be held in May": "Jones"}


def test_a_passive_cue_with_an_infinitive_names_no_speaker() -> None:
    """"Clinton is expected to spend two days in Florida": nobody named expects it (the speaker had been Clinton,
    what was said of her); "The opposition urged the minister to resign" keeps its speaker."""
    _doc, got = _speakers("Mrs. Clinton is expected to spend two days this week in Florida. The opposition urged the "
                          "minister to resign.", "en", "2016-10-23")
    assert got == {"to spend two days this week in Florida": None, "the minister to resign": "opposition"}


def test_coordinated_sources_share_what_they_cite() -> None:
    """"съобщиха Асошиейтед прес и ДПА, позовавайки се на полицията": both agencies cite the police (only ДПА had);
    "цитиран от „Ройтерс“ и Би Би Си": both are sources (Би Би Си had been lost), and in "Франс прес, цитирана от
    БТА и БГНЕС" both relay AFP."""
    doc = _pipe_doc("Водачът на групировката е задържан, съобщиха Асошиейтед прес и ДПА, позовавайки се на полицията. "
                    "Говорител на премиера, цитиран от „Ройтерс“ и Би Би Си, подчерта, че няма да има втори референдум. "
                    "Протестите продължават, предаде Франс прес, цитирана от БТА и БГНЕС.", "bg", "2018-11-04")
    chains = {(doc.span_text(s.span), doc.span_text(doc.sources[s.cites].span) if s.cites is not None else None)
              for s in doc.sources}
    assert {("Асошиейтед прес", "полицията"), ("ДПА", "полицията"), ("Ройтерс", None), ("Би Би Си", None),
            ("БТА", "Франс прес"), ("БГНЕС", "Франс прес")} <= chains


def test_an_outlet_introduced_by_its_kind_is_a_source() -> None:
    """"съобщи холандският новинарски портал Ен Ю, цитиран от Ройтерс": the portal is the source Reuters cites (it
    had been only the quote's speaker, and Reuters cited no one); "пише британският таблоид „Сън“" likewise."""
    doc = _pipe_doc("Адвокатът ще кандидатства за убежище в Холандия, съобщи холандският новинарски портал Ен Ю, "
                    "цитиран от Ройтерс. Джонсън ще се кандидатира, пише британският таблоид „Сън“.", "bg",
                    "2018-11-06")
    chains = {(doc.span_text(s.span), doc.span_text(doc.sources[s.cites].span) if s.cites is not None else None)
              for s in doc.sources}
    assert {("Ен Ю", None), ("Ройтерс", "Ен Ю"), ("Сън", None)} <= chains


def test_an_agency_relaying_at_the_end_cites_the_source_before_it() -> None:
    """"каза Порошенко пред вестник „Ханделсблат“, съобщи АФП": AFP passed on the paper's interview; "предава „Франс
    прес“, съобщава БТА": BTA relays AFP (both had cited no one); "съобщиха ДПА и Ройтерс" cite not each other."""
    doc = _pipe_doc("Проектът е политически подкуп, каза Порошенко пред германския бизнес вестник „Ханделсблат“, "
                    "съобщи АФП. Адвокатът напусна страната, предава „Франс прес“, съобщава БТА. Около 100 000 души "
                    "протестираха в Лондон, съобщиха ДПА и Ройтерс.", "bg", "2018-04-09")
    chains = {(doc.span_text(s.span), doc.span_text(doc.sources[s.cites].span) if s.cites is not None else None)
              for s in doc.sources}
    assert {("АФП", "Ханделсблат"), ("БТА", "Франс прес"), ("ДПА", None), ("Ройтерс", None)} <= chains


def test_a_ministry_that_speaks_is_a_source_a_government_only_speaks() -> None:
    """"Министерството на външните работи увери, че ...", "От българското консулство в Румъния казаха, че ...",
    "Според италианския регулатор ...": bodies that give the news are sources (none had been); "Британското
    правителство заяви, че ..." states a position: a speaker, no source."""
    doc = _pipe_doc("Министерството на външните работи увери, че посолството следи ситуацията. От българското "
                    "консулство в Румъния казаха, че ситуацията ще бъде разрешена. Според италианския регулатор "
                    "таксата трябва да е в цената. Британското правителство заяви, че няма да плаща.", "bg",
                    "2018-02-27")
    names = [doc.span_text(s.span) for s in doc.sources]
    assert names == ["Министерството на външните работи", "българското консулство", "италианския регулатор"]
    assert any(doc.span_text(q.span) == "няма да плаща" for q in doc.quotes)


def test_a_participle_after_an_inverted_cue_takes_its_own_clause() -> None:
    """"Позицията не се е променила, каза той, припомняйки, че проектът е икономически": "каза той" says the first
    clause and the participle the second (the participle was no cue, so "каза" took the "че" clause and the first
    clause became its speaker)."""
    _doc, got = _speakers("Позицията не се е променила, каза той, припомняйки, че проектът е икономически.", "bg",
                          "2018-12-03")
    assert got == {"Позицията не се е променила": "той", "проектът е икономически": "той"}


def test_a_demand_reports_what_it_asks_for() -> None:
    """"Тасеер поиска законите за богохулство да бъдат реформирани", "Порошенко зове Германия да се откаже от
    проекта", "Групировката настоява за оставка на правителството": what is asked for is reported (none was);
    "Лондон иска преходен период" asks for a thing and reports no claim."""
    _doc, got = _speakers("Губернаторът Салман Тасеер поиска законите за богохулство да бъдат реформирани. Порошенко "
                          "зове Германия да се откаже от проекта. Групировката настоява за оставка на правителството. "
                          "Лондон иска преходен период.", "bg", "2018-11-24")
    assert got == {"законите за богохулство да бъдат реформирани": "Губернаторът Салман Тасеер",
                   "да се откаже от проекта": "Порошенко",
                   "за оставка на правителството": "Групировката"}


def test_a_request_relayed_by_an_agency_keeps_what_it_asks_for() -> None:
    """"Мей призова в Мюнхен за ново споразумение ..., съобщи „Ройтерс“": the agency that closes the sentence is its
    source, no second cue that would leave the request without its content (it had found nothing)."""
    doc, got = _speakers("Тереза Мей призова в Мюнхен за ново споразумение за сигурността с Европейския съюз, което да "
                         "влезе в сила следващата година, съобщи „Ройтерс“.", "bg", "2018-02-17")
    assert got == {"за ново споразумение за сигурността с Европейския съюз, което да влезе в сила следващата година":
                   "Тереза Мей"}
    assert [doc.span_text(s.span) for s in doc.sources] == ["Ройтерс"]


def test_reservations_and_worries_report_their_che_clause() -> None:
    """"имат резерви, че ...", "притесненията на ръководството, че ...": what is doubted or feared is reported, as
    after "опасения, че"."""
    _doc, got = _speakers("Свещеници обаче имат резерви, че това е против църковния канон. Остават притесненията на "
                          "ръководството на летището, че линията няма да се състои.", "bg", "2017-01-02")
    assert set(got) == {"това е против църковния канон", "линията няма да се състои"}


def test_a_relative_clause_after_a_trailing_speaker_tells_who_he_is() -> None:
    """"Трябва да остана жив ..., обясни адвокатът, който не е получил никаква защита от властите след присъдата в
    полза на неговата клиентка": the long relative clause describes the speaker (the tail had been too long for a
    speaker, and nothing was found); "..., предупреди Тереза Мей срещу Брекзит, който ..." is still no trailing cue."""
    _doc, got = _speakers("Трябва да остана жив, защото съм длъжен да продължа битката, обясни адвокатът, който не е "
                          "получил никаква защита от властите след присъдата в полза на неговата клиентка.", "bg",
                          "2018-11-03")
    assert got == {"Трябва да остана жив, защото съм длъжен да продължа битката": "адвокатът"}


def test_beliefs_rulings_and_hopes_report_their_che_clause():
    """"В Белия дом мислят, че ...", "Върховният съд постанови, че ...", "Министърът се надява, че ...": a belief,
    a ruling and a hope are reported clauses of their subject (none was read before stop 40); "Очаква се
    министърът да ..." is impersonal, no one's words."""
    doc = vestnik.extract("В Белия дом обаче мислят, че такива гаранции не са реални. Върховният съд постанови, че Ася "
                          "Биби може да си тръгне незабавно от затвора. Очаква се министърът да пристигне утре. "
                          "Министърът се надява, че преговорите ще приключат до края на месеца.", published="2018-11-10",
                          lang="bg")
    got = [(doc.span_text(q.span), doc.span_text(q.cue), doc.span_text(q.speaker.span)) for q in doc.quotes
           if q.cue and q.speaker and q.speaker.span]
    assert got == [("такива гаранции не са реални", "мислят", "Белия дом"),
                   ("Ася Биби може да си тръгне незабавно от затвора", "постанови", "Върховният съд"),
                   ("преговорите ще приключат до края на месеца", "надява", "Министърът")]
    assert doc.quotes[0].speaker.entity == "vk:white-house"


def test_a_bulgarian_headline_names_its_speaker_before_the_colon():
    """"Консулът ни в Букурещ за блокираните българи: Още нямаме връзка ...": the consul's words (the topic after
    "за" is no part of the speaker; lower-case words in a role's phrase are allowed); "Българин от Рим: ..." too;
    "Пакистан: 27 април, ден на пост" is a label, no one's words; '"Гардиън": ...' is the headline's source (no
    headline was a quote in Bulgarian before stop 40), and since stop 62 the paper's account, a quote as well."""
    got = []
    for text in ("08:56 Консулът ни в Букурещ за блокираните българи: Още нямаме връзка с „Райънер“\n\nЛично аз "
                 "се обадих.", "Българин от Рим: С наши средства успяхме да си купим билети\n\nТекст.",
                 "Пакистан: 27 април, ден на пост и молитва за Азия Биби\n\nТекст.",
                 "„Гардиън“: ЕС ще поиска още пари от Лондон\n\nТекст."):
        doc = vestnik.extract(text, published="2018-11-10", lang="bg")
        got.append(([(doc.span_text(q.span), doc.span_text(q.speaker.span)) for q in doc.quotes if q.speaker],
                    [doc.span_text(s.span) for s in doc.sources]))
    assert got == [([("Още нямаме връзка с „Райънер“", "Консулът ни в Букурещ")], []),
                   ([("С наши средства успяхме да си купим билети", "Българин от Рим")], []),
                   ([], []), ([("ЕС ще поиска още пари от Лондон", "„Гардиън“")], ["Гардиън"])]
    doc = vestnik.extract("Премиерът Бойко Борисов: Няма да има нови данъци\n\nТекст.", published="2018-11-10", lang="bg")
    assert [(doc.span_text(q.speaker.span), q.speaker.entity) for q in doc.quotes] == [
        ("Премиерът Бойко Борисов", "vk:boyko-borissov")]  # (a named person stays the person, not an office)


def test_a_trailing_cue_whose_speaker_is_described_at_length():
    """"..., каза министърът ... Екатерина Захариева, която председателства ..., съобщи БНР": the speaker stands right
    after the cue, and the words that describe her and the relay after them do not make the tail too long for one
    (BTA-style reports lost such quotes when the tail passed 14 words); "..., каза говорител на правителството след
    директния апел ..." likewise."""
    _doc, got = _speakers("Днешното решение бе прието бързо и очакваме преговорите също да приключат бързо, каза "
                          "министърът на външните работи Екатерина Захариева, която председателства заседанието на "
                          "Съвета на Европейския съюз, съобщи БНР.", "bg", "2018-01-29")
    assert got == {"Днешното решение бе прието бързо и очакваме преговорите също да приключат бързо":
                   "министърът на външните работи Екатерина Захариева"}
    _doc, got = _speakers("Германия ще остане съсредоточена върху единната позиция на ЕС в разговорите с Лондон, каза "
                          "говорител на правителството след директния апел на британските министри към Берлин да "
                          "помогне за сключване на добра сделка.", "bg", "2018-02-05")
    assert got == {"Германия ще остане съсредоточена върху единната позиция на ЕС в разговорите с Лондон":
                   "говорител на правителството"}


def test_bulgarian_marks_as_typists_mix_them_and_the_cues_of_texts_and_plurals():
    """A quote opened by "“" or "„" and closed by "“" or a straight mark, as Bulgarian pages type them (92 of the
    918 BSNLP reports' “-quotes close with “; the quote and every cue after it had been lost); "гласи документът"
    names the text that says it; plural cues ("изтъкват", "споделят") report as the singular ones do."""
    _doc, got = _speakers("“Възнамеряваме да бъдем твърди по отношение на Брекзит“, каза главният стратег на партията "
                          "Джеймс Торанс.", "bg", "2018-02-19")
    assert got == {"Възнамеряваме да бъдем твърди по отношение на Брекзит": "главният стратег на партията Джеймс Торанс"}
    _doc, got = _speakers("„Никой не бива да бъде убит за чаша вода.\", пише Асия Биби в писмото си.", "bg", "2018-11-10")
    assert got == {"Никой не бива да бъде убит за чаша вода": "Асия Биби"}
    _doc, got = _speakers("Великобритания \"желае да обсъди с ЕС преценката\", гласи документът.", "bg", "2018-03-01")
    assert got == {"желае да обсъди с ЕС преценката": "документът"}
    _doc, got = _speakers("Депутатите в Брюксел освен това изтъкват, че напускането на ЕС ще отслаби Великобритания.",
                          "bg", "2018-03-01")
    assert got == {"напускането на ЕС ще отслаби Великобритания": "Депутатите"}


def test_who_passed_it_on_between_the_cue_and_its_clause():
    """"Министърът заяви, цитиран от БТА, че ...", "От Ryanair коментираха, цитирани от Ройтерс, че ...": the
    agency named between the cue and "че" had ended the search for the clause, and the statement was lost."""
    _doc, got = _speakers("Министърът заяви, цитиран от БТА, че няма да подаде оставка.", "bg", "2018-02-01")
    assert got == {"няма да подаде оставка": "Министърът"}
    doc, got = _speakers("От Ryanair коментираха, цитирани от Ройтерс, че не очакват промяната да донесе допълнителни "
                         "приходи.", "bg", "2018-08-24")
    assert got == {"не очакват промяната да донесе допълнителни приходи": "Ryanair"}
    assert [(doc.span_text(s.span), s.cites) for s in doc.sources] == [("Ryanair", None), ("Ройтерс", 0)]


def test_a_dash_before_a_trailing_cue_and_predictions():
    """"... и това е негова карма – казва ясновидката Николина": a dash before the cue stands for the comma; "Ванга
    правилно предрече, че ...": a prediction reports what was predicted, and the adverb before the cue is no part of
    who (the 761 web articles of news-bg read for missed quotes, stop 43)."""
    _doc, got = _speakers("Радев ще дръпне България напред и това е негова карма – казва ясновидката Николина.", "bg",
                          "2017-03-01")
    assert got == {"Радев ще дръпне България напред и това е негова карма": "ясновидката Николина"}
    _doc, got = _speakers("Екстрасенсът Хорасио Вийегас правилно предрече, че Тръмп ще нападне Сирия.", "bg",
                          "2017-04-20")
    assert got == {"Тръмп ще нападне Сирия": "Екстрасенсът Хорасио Вийегас"}
    _doc, got = _speakers("Веселин Паунов - кор. на БНР в Лондон заяви, че ще има избори.", "bg", "2018-03-01")
    assert got == {"ще има избори": "Веселин Паунов"}  # (a dash inside the subject is no comma)


def test_a_relative_clause_before_its_verb_is_no_trailing_content():
    """"Губернаторът Салман Тасир, който призоваваше за реформа ..., беше убит": "който" between the comma and the cue
    makes the cue the relative clause's verb, and the name before the comma no quote (round 10 of eval/bggold lost the
    event with the quote the new "призоваваше" made). What the relative clause asks for is his (stop 50: "призоваваше
    за" as a request), up to the clause's comma: the killing is no part of it."""
    doc, got = _speakers("Губернаторът Салман Тасир, който призоваваше за реформа на закона за богохулството, беше "
                         "убит.", "bg", "2016-10-24")
    assert got == {"за реформа на закона за богохулството": "Салман Тасир"}
    doc = vestnik.extract("Заглавие\n\nГубернаторът Салман Тасир, който призоваваше за реформа на закона за "
                          "богохулството, беше убит.", published="2016-10-24", lang="bg")
    assert [(doc.span_text(e.span), e.type) for e in doc.events] == [("призоваваше", "REQUEST"), ("убит", "ASSAULT")]


def test_a_subheading_names_its_speaker_before_the_colon_but_a_credit_line_does_not() -> None:
    """Stop 50: a paragraph that is a headline of its own (a page's title repeated above the body, a subheading:
    "Консулът ни в Букурещ за блокираните българи: Още нямаме връзка с ...") is read like the headline; a credit line
    ("Източник: invictory.com") is no one's words; "..., съобщиха Ройтерс и Блумбърг" after a request relays it
    through both agencies."""
    doc, got = _speakers("Заглавие\n\nСтотици българи остават блокирани в Тимишоара.\n\nКонсулът ни в Букурещ за "
                         "блокираните българи: Още нямаме връзка с авиокомпанията\n\nИзточник: invictory.com", "bg",
                         "2018-02-27")
    assert got == {"Още нямаме връзка с авиокомпанията": "Консулът ни в Букурещ"}
    doc = _pipe_doc("Заглавие\n\nБританското правителство е настояло пред Европейския съюз да бъде обсъден по-дълъг "
                    "преходен период, съобщиха Ройтерс и Блумбърг, като се позовават на правителствен документ.", "bg",
                    "2018-02-01")
    assert [doc.span_text(s.span) for s in doc.sources] == ["Ройтерс", "Блумбърг"]


def test_a_complementizer_farther_from_its_cue_with_no_clause_between() -> None:
    """Stop 53: "каза на съвместна пресконференция с ... в Брюксел, че ...": 14 tokens between cue and "че" (the
    window was 12); farther than 12 only with no clause of its own between ("да", "като", a glued sentence end),
    so the request's "да" clause stays the content and the later "че" is that clause's."""
    doc = run("Мишел Барние каза на съвместна пресконференция с британския министър за Брекзит Дейвид Дейвис в "
              "Брюксел, че ЕС и Великобритания са се споразумели по голяма част от договора. Ирландия и Дъблин "
              "настояват в договора за напускане на Великобритания да се съдържа споразумение, което гарантира, "
              "че Северна Ирландия ще спазва регулациите на ЕС.", "bg")
    got = [(c, s) for c, _cue, s, _direct in spans(doc)]
    assert ("ЕС и Великобритания са се споразумели по голяма част от договора", "Мишел Барние") in got
    assert not any(c.startswith("Северна Ирландия") for c, _s in got)


def test_a_passive_speech_participle_reports_a_clause_of_no_named_speaker() -> None:
    """Stop 53: "Тя беше обвинена, че ...", "По-рано беше обявено, че ...": the clause is reported, but the subject
    is who was spoken of, so there is no speaker, or the agent after "от"; with no auxiliary before it the
    participle ("Журналистите, обвинени, че ...") reports nothing."""
    doc = run("Тя беше обвинена, че е оскърбила пророка Мохамед. По-рано беше обявено от министерството, че таксите "
              "падат. Журналистите, обвинени, че са шпиони, бяха освободени.", "bg")
    assert [(c, cue, s) for c, cue, s, _direct in spans(doc)] == [
        ("е оскърбила пророка Мохамед", "обвинена", None), ("таксите падат", "обявено", "министерството")]


def test_what_is_asked_for_after_a_preposition_beside_an_earlier_cue() -> None:
    """Stop 53: "... и призова за по-близко сътрудничество": what is asked for after "за" is read when the sentence
    has another cue before it whose content does not hold it (before, only in a sentence with no other cue), and
    after "за" a quoted phrase is read too ("призова за „по-голям реализъм“")."""
    doc = run("Британският премиер обеща страната й да участва активно в опазването на сигурността и призова за "
              "по-близко трансатлантическо сътрудничество. Той призова за „по-голям реализъм“ от Лондон.", "bg")
    got = [(c, s) for c, _cue, s, _direct in spans(doc)]
    assert ("за по-близко трансатлантическо сътрудничество", "Британският премиер") in got
    assert ("за „по-голям реализъм“ от Лондон", "Той") in got


def test_english_reads_no_quote_inside_another_but_a_that_clause() -> None:
    """Stop 53: in English a cue inside another quote's content reports no quote of its own ("... lawmakers he says
    are echoing their nominee's positions" had given two more, "are echoing ..." and "their nominee's ..."), but a
    "that" clause keeps its frame; Bulgarian keeps nested quotes, as its annotators mark them."""
    doc = _pipe_doc("Obama said he is surprised by Republican lawmakers he says are echoing their presidential "
                    "nominee's positions on Russia. Trump criticized The Washington Post, which wrote that he was "
                    "unfit.", "en", "2016-10-12")
    got = [doc.span_text(q.span) for q in doc.quotes]
    assert not any(c.startswith(("are echoing", "their presidential")) for c in got)
    assert "that he was unfit" in got


def test_a_study_tells_in_the_renarrative_of_a_press_review() -> None:
    """"изследването показало, че ...": a press review tells what a study found in the renarrative; the study is
    the speaker as with "показа" (no quote was found), and an argument in the same form is still none."""
    _doc, got = _speakers("Освен това изследването показало, че 42% от гражданите на ФРГ се страхуват от война. Примерът "
                          "от миналата година показал, че това е възможно.", "bg", "2017-01-10")
    assert got == {"42% от гражданите на ФРГ се страхуват от война": "изследването"}


def test_a_trailing_according_phrase_a_year_inside_a_relative_clause_and_more_cues() -> None:
    """", по думите на преподавателя в катедра „...“ на СУ ... Николай Шаранков.": a name ends the sentence, so the
    whole phrase is who and the clause before the comma what was said (the phrase had been cut after its noun and its
    rest made the quote); "Стърджън, която при референдума от юни 2016 г. подкрепяше ..., призова": the year's "г."
    ends no sentence, so the relative clause is skipped to its head (the speaker had been "ЕС"); "прибави" reports
    and "отрекли да" denies."""
    _doc, got = _speakers("Уникален е и надписът върху каменната плоча, който е рядкост, по думите на преподавателя в "
                          "катедра „Класически филологии\" на СУ „Св. Климент Охридски\" и епиграф Николай Шаранков. "
                          "Стърджън, която при референдума от юни 2016 г. подкрепяше кампанията за оставане в ЕС, "
                          "призова правителството да заеме позиция. „Правосъдието е в ръцете на екстремистите“, "
                          "прибави Шакир. Жените, които обвинили Ася в богохулство, отрекли да са спорели с нея.",
                          "bg", "2018-10-31")
    assert got["Уникален е и надписът върху каменната плоча, който е рядкост"].endswith("Николай Шаранков")
    assert got["да заеме позиция"] == "Стърджън"
    assert got["Правосъдието е в ръцете на екстремистите"] == "Шакир"
    assert got["да са спорели с нея"] == "Жените"


def test_a_cue_with_no_subject_is_said_by_who_spoke_before() -> None:
    """Bulgarian drops the subject: "Добави, че ...", "И добави: „…“" are said by the person who spoke just before,
    so the quote carries that entity (its speaker span stays null: nothing there names him, as the contract's
    annotators write it). Not a plural cue ("Казват, че ...": they), nor an impersonal one ("се посочва")."""
    doc = _pipe_doc("Путин заяви, че Русия ще помогне. Добави, че сътрудничеството ще продължи. „Горката жена "
                    "страда“, каза Кадим Бхуто. И добави: „Съдията трябва да реши.“ Казват, че той лъже. В насоките "
                    "от 2017 г. се посочва, че преходът ще е кратък.", "bg", "2018-10-31")
    got = {doc.span_text(q.span): (q.speaker.span, q.speaker.entity) for q in doc.quotes}
    assert got["сътрудничеството ще продължи"] == (None, "vk:vladimir-putin")
    bhutto = got["Горката жена страда"][1]
    assert bhutto is not None and got["Съдията трябва да реши"] == (None, bhutto)
    assert got["той лъже"] == (None, None) and got["преходът ще е кратък"] == (None, None)


def test_what_is_called_for_after_a_phase_verb_a_coordinated_cue_or_a_relative_pronoun() -> None:
    """Dev errors of eval/bggold: "продължават да призовават за молитвена подкрепа" (a phase verb before "да" leaves
    the cue the clause's own); "Туск настоя за повече яснота ... и заяви, че ..." (a later cue after "и" no longer
    blocks the first); "Губернаторът Салман Тасир, който призоваваше за реформа" (the name before the relative
    pronoun asks). "Синдикатът на пилотите, който настоява за ..., обяви стачка" is no trailing quote of "стачка"."""
    _doc, got = _speakers("Християните продължават да призовават за молитвена подкрепа. Туск настоя за повече "
                          "яснота от Великобритания и заяви, че ще чака. Губернаторът Салман Тасир, който "
                          "призоваваше за реформа на закона, беше убит. Синдикатът на пилотите, който настоява за "
                          "по-добро заплащане, обяви стачка.", "bg", "2018-03-22")
    expected = {"за молитвена подкрепа": "Християните", "за повече яснота от Великобритания": "Туск",
                "за реформа на закона": "Салман Тасир"}
    assert {c: got.get(c, "(none)") for c in expected} == expected
    assert not any(c.startswith("Синдикатът") for c in got)


def test_more_cues_before_che_and_a_trailing_cue_before_a_participle() -> None:
    """Dev errors of eval/bggold: "изкрещял, че", "бяха единодушни, че", "бе непоколебима, че", "Берлин изчисли, че",
    "настоявайки, че" report what follows; "..., според който те отново могат да се присъединят, допълни Юнкер,
    настоявайки ..." still ends what was said before ", допълни Юнкер" (a participle cue after it had moved the end
    to its own comma)."""
    _doc, got = _speakers("Съседът изведнъж изкрещял, че тя не може да пие вода. Двамата бяха единодушни, че "
                          "отношенията ще останат добри. Мей бе непоколебима, че Брекзит ще се случи. Берлин изчисли, "
                          "че газопроводът предлага най-добрата сделка. Може да се задейства чл. 49, според който те "
                          "отново могат да се присъединят, допълни Юнкер, настоявайки двете страни да не се "
                          "торпилират.", "bg", "2018-03-01")
    expected = {"тя не може да пие вода": "Съседът", "отношенията ще останат добри": "Двамата",
                "Брекзит ще се случи": "Мей", "газопроводът предлага най-добрата сделка": "Берлин"}
    assert {c: got.get(c, "(none)") for c in expected} == expected and "те отново могат да се присъединят" in got


def test_bulgarian_there_is_information_that_and_promises_and_vows() -> None:
    """Errors read on eval/bggold: "Има информации, че ..." and "има сведения, че ..." report a clause with no speaker
    (none was found; "За Зишан Масих" is whom it is about, never the speaker, nor of "За Иван се казва, че"), but not
    a quote before them or a phrase after ("има данни за научните му дела"); plural promises and threatening vows
    report what they promise ("От делегацията обещаха да осигурят ...", "се заканиха, че ..."); a passive reports no
    one's words, so it carries no earlier speaker's entity."""
    from vestnik.pipeline import make_pipeline

    pipe = make_pipeline()
    doc = pipe(Document(text="Брекзит\n\nИма информации, че Барние предпочита да контактува с депутати. За Зишан Масих "
                        "има сведения, че е бил изнасилен. За Иван се казва, че е бил болен.", published="2018-02-14"))
    got = [(doc.span_text(q.span), q.speaker.span) for q in doc.quotes]
    assert got == [("Барние предпочита да контактува с депутати", None), ("е бил изнасилен", None),
                   ("е бил болен", None)]
    doc = pipe(Document(text='Волтер\n\nВолтер пише: „Той е мъж, който всичко знае.“ Из Европа има данни за научните '
                        "му дела.", published="2017-02-14"))
    assert [(doc.span_text(q.speaker.span), q.cue and doc.span_text(q.cue)) for q in doc.quotes] == [("Волтер", "пише")]
    doc = pipe(Document(text="Пакистан\n\nОт делегацията обещаха да осигурят на Азия добра защита в съда. В Украйна "
                        "националисти се заканиха, че ако има поход, ще го спрат.", published="2017-02-14"))
    assert [doc.span_text(q.span) for q in doc.quotes] == ["да осигурят на Азия добра защита в съда",
                                                           "ако има поход, ще го спрат"]
    doc = pipe(Document(text="Брекзит\n\nИван Петров каза, че е бил болен. Беше обявено, че срещата ще се състои.",
                        published="2018-02-14"))
    assert doc.quotes[1].speaker.entity is None


def test_bulgarian_alarm_a_present_naming_verb_and_a_reason_given() -> None:
    """Blind round 28: "Той алармира, че ..." reports (no cue read it); "Хамънд определя като „параноя“ опитите на ЕС"
    names as "определи" does (the present had no naming frame), but "чиято поезия се определя като „…“" is no one's;
    "са против газопровода с мотива, че ..." gives a reason (none was read)."""
    from vestnik.pipeline import make_pipeline

    pipe = make_pipeline()
    doc = pipe(Document(text="Брекзит\n\nТой алармира, че Тереза Мей не е решила нито един от проблемите. Хамънд "
                        'определя като "параноя" опитите на ЕС да води по-твърда политика. Европейски институции са '
                        "против газопровода с мотива, че той не отговаря на европейските политики. Поетът, чиято "
                        "поезия се определя като „слънце на пустините“, дойде.", published="2018-01-06"))
    assert [doc.span_text(q.span) for q in doc.quotes] == [
        "Тереза Мей не е решила нито един от проблемите", "параноя", "той не отговаря на европейските политики"]


def test_bulgarian_a_cue_s_object_noun_with_its_own_holder_keeps_the_clause() -> None:
    """"Запитан да коментира изявлението на някои компании, че ..." and "той коментира твърденията на САЩ, че ...":
    the clause after the noun is the companies' and the US's, not the commenter's (the verb had taken it, with
    "Запитан" or "той" as its speaker)."""
    from vestnik.pipeline import make_pipeline

    doc = make_pipeline()(Document(text="Северен поток\n\nЗапитан да коментира изявлението на някои компании, че "
                                   "транзитът ще бъде по-евтин, Порошенко подчертал, че маршрутът може да бъде изграден.",
                                   published="2018-05-29"))
    said = {doc.span_text(q.span): doc.span_text(q.speaker.span) for q in doc.quotes}
    assert said == {"транзитът ще бъде по-евтин": "някои компании", "маршрутът може да бъде изграден": "Порошенко"}


def test_english_according_to_keeps_a_clause_with_a_quote_inside() -> None:
    """Stop 58's check that a clause opening with its own quote gets no second one reads only its opening: "Trump was
    rushed off stage ... after someone yelled “Gun!”, according to the Secret Service" stays the Secret Service's."""
    doc = run("Trump was rushed off stage Saturday night at a rally in Reno, Nevada, after someone near the stage "
              "yelled “Gun!”, according to the Secret Service.", "en")
    got = {s[0]: s[2] for s in spans(doc)}
    assert got["Trump was rushed off stage Saturday night at a rally in Reno, Nevada, after someone near the stage "
               "yelled “Gun!”"] == "Secret Service"


def test_bulgarian_according_to_the_paper_this_means_ends_the_phrase_at_the_paper() -> None:
    """Stop 60: in "Според изданието това означава, че ..." the phrase after "според" is the paper; "това
    означава" opens what it says (the source's span had run to the comma)."""
    doc = vestnik.extract("Вестник Гардиън пише за Мей. Според изданието това означава, че Мей е отстъпила.",
                          published="2018-01-29", lang="bg")
    assert [doc.span_text(s.span) for s in doc.sources][-1] == "изданието"


def test_bulgarian_a_letter_or_video_speaks_for_its_makers() -> None:
    """Stop 60 (a web article): "X разпространи видео, с което призовава хората да ..." and "депутати подписаха
    писмо, в което настояват тя да ...": the relative clause on the letter or video is its makers' words; the
    first had no quote at all, a "че" clause no speaker."""
    doc = run("Министърът разпространи видео, с което призовава хората да се подготвят за война. Депутати от "
              "Консервативната партия подписаха писмо, в което заявяват, че Брекзит е под заплаха.", "bg")
    assert spans(doc) == [("да се подготвят за война", "призовава", "Министърът", False),
                          ("Брекзит е под заплаха", "заявяват", "Депутати от Консервативната партия", False)]


def test_bulgarian_a_quoted_group_name_before_a_headline_colon_speaks() -> None:
    """Stop 60 (a web article): "“Анонимните”: Светът да се готви за Трета световна война" is the group's call; a
    lead-in no mention names had counted as what the headline is about, and "Пакистан: ..." still is."""
    doc = vestnik.extract("“Анонимните”: Светът да се готви за Трета световна война\n\nГрупировката разпространи "
                          "видео.", published="2017-04-20", lang="bg")
    assert said(doc) == [
        ("Светът да се готви за Трета световна война", "“Анонимните”")]
    doc = vestnik.extract("Пакистан: 27 април, ден на пост и молитва за Азия Биби\n\nЦърквата призова за молитви.",
                          published="2018-04-20", lang="bg")
    assert not [q for q in doc.quotes if doc.span_text(q.cue) == ":"]


def test_bulgarian_a_demand_in_a_relative_clause_is_its_noun_s() -> None:
    """Stop 60: "протести на ислямисти, които настояват тя да бъде обесена", "персонала на авиопревозвача, който
    настоява за по-добро заплащане": the demand is the noun's whatever it names (a group no mention names gave no
    quote); "страни, които искат да станат членове" only want, and stay without one."""
    doc = run("Решението предизвика протести на радикални ислямисти, които настояват тя да бъде обесена. Протестът е "
              "на персонала на авиопревозвача, който настоява за по-добро заплащане. Има страни, които искат да "
              "станат членове.", "bg")
    assert spans(doc) == [("тя да бъде обесена", "настояват", "радикални ислямисти", False),
                          ("за по-добро заплащане", "настоява", "персонала на авиопревозвача", False)]


def test_bulgarian_naming_a_quoted_name() -> None:
    """Stop 60: 'Гройзман нарече "Северен поток 2" заплаха за Украйна' and 'Меркел нарече „Северен поток-2“ чисто
    „икономически проект“': the object is a name in marks, which had stopped the search for what it was called."""
    doc = vestnik.extract('Гройзман нарече "Северен поток 2" заплаха за Украйна. Меркел нарече „Северен поток-2“ '
                          "чисто „икономически проект“.", published="2018-06-27", lang="bg")
    assert [(c, s) for _q, c, s, _d in spans(doc)] == [("нарече", "Гройзман"), ("нарече", "Меркел")]
    assert spans(doc)[0][0].startswith('"Северен поток 2" заплаха') and spans(doc)[1][0] == "икономически проект"


def test_bulgarian_an_appeal_made_and_a_second_request_after_it() -> None:
    """Stop 60: "Бенедикт XVI отправи апел за нейното освобождаване" asks (no cue read "отправи апел"); in "отправи
    апел за мир и поиска от правителството да отмени закона" the appeal ends before "и поиска", whose "да" clause is
    its own (the first cue had taken it)."""
    doc = run("Папата отправи апел за нейното освобождаване. Папата отправи апел за мир и поиска от правителството да "
              "отмени закона. Депутатът отправи критики към правителството.", "bg")
    assert [(q, c) for q, c, _s, _d in spans(doc)] == [
        ("за нейното освобождаване", "отправи"), ("за мир", "отправи"), ("да отмени закона", "поиска")]


def test_bulgarian_a_cue_set_off_by_dashes_inside_the_quote() -> None:
    """Stop 60: "„Свети отче – прибави съпругът на Азия – моля ви да се молите“" and "„... – се чете в нота на
    Йосуф Надиим – ...“": the cue and who says it stand between dashes inside the marks (the quote had no cue and
    the last person named as its speaker); "романът се чете с лекота" names no one."""
    doc = vestnik.extract("Ейшам е дъщеря на Азия. „Свети отче – прибави съпругът на Азия – моля ви да се молите за "
                          "нея“. Тъй като сюжетът е увлекателен, романът се чете с лекота.", published="2018-11-01",
                          lang="bg")
    assert [(doc.span_text(q.cue), doc.span_text(q.speaker.span)) for q in doc.quotes] == [
        ("прибави", "съпругът на Азия")]


def test_bulgarian_a_quote_s_sentence_going_on_before_the_cue() -> None:
    """Stop 61: '"когато се сметне, че ..." за решаване на проблема, посочи източникът': the words after the closing
    mark carry on the quote's sentence, so who spoke follows the cue (the prepositional phrase had been the speaker);
    '„...“, предупреди Борисов' is unchanged."""
    doc = run('До наказания трябва да се стига, "когато се сметне, че съдът не би помогнал навреме" за решаване на '
              "проблема, посочи източникът. „Няма да отстъпим“, предупреди Борисов.", "bg")
    assert [(c, s) for _q, c, s, _d in spans(doc)] == [("посочи", "източникът"), ("предупреди", "Борисов")]


def test_nobody_says_and_a_that_clause_past_but() -> None:
    """Stop 61: "никой не прогнозира, но е ясно, че ...": the "че" after ", но" opens the next clause's content, and
    "никой" (nobody) speaks no words, where "Министърът заяви, че никой не иска война" is still the minister's."""
    doc = run("Какво ще стане сега, никой не прогнозира, но е ясно, че нещата не отиват към мир. Министърът заяви, "
              "че никой не иска война. Никой не очаква, че кризата ще свърши.", "bg")
    assert [(q, c, s) for q, c, s, _d in spans(doc)] == [("никой не иска война", "заяви", "Министърът")]


def test_bulgarian_tariffs_and_terms_say_nothing_and_a_hedge_before_the_cue() -> None:
    """Stop 61: "ще плаща мита според тарифите на Световната търговска организация" and "Според условията, ...":
    what tariffs and terms prescribe is no one's statement (the WTO had spoken it and been a source); "Великобритания
    изглежда смята, че ..." is said by the country, with the hedge out of the speaker."""
    doc = run("Страната ще плаща мита според тарифите на Световната търговска организация (СТО). Това заяви вчера "
              "министърът. Според условията, гражданите ще имат права. Великобритания изглежда смята, че е "
              "равноправен партньор.", "bg")
    assert [(c, s) for _q, c, s, _d in spans(doc)] == [("заяви", "министърът"), ("смята", "Великобритания")]
    assert doc.sources == []


def test_bulgarian_how_it_was_said_and_the_statement_it_was_said_in() -> None:
    """Stop 61: "„...“, със задоволство съобщи в комюникето си авиокомпанията": "със задоволство" says how (it had
    been the speaker, "задоволство"), and "в комюникето си" is the airline's own statement, after which it is named
    ("пред журналисти" still skips its one word)."""
    doc = run("„Акционерите одобриха всички решения“, със задоволство съобщи в комюникето си авиокомпанията. „Няма "
              "пари“, каза пред журналисти министърът.", "bg")
    assert [(c, s) for _q, c, s, _d in spans(doc)] == [("съобщи", "авиокомпанията"), ("каза", "министърът")]


def test_bulgarian_a_saint_s_abbreviation_ends_no_quote() -> None:
    """Stop 61: "... да урони авторитета на Св. Валентин, а се опитва да покаже ..." goes on past "Св." (the
    quote had ended at "Св")."""
    doc = run("Вицепремиерът заяви, че правителството не цели да урони авторитета на Св. Валентин, а се опитва да "
              "покаже, че празникът е чужд.", "bg")
    assert [q for q, _c, _s, _d in spans(doc)] == [
        "правителството не цели да урони авторитета на Св. Валентин, а се опитва да покаже, че празникът е чужд"]


def test_bulgarian_a_person_s_label_and_colon_inside_a_paragraph() -> None:
    """Stop 61: "Тони Блеър – бивш премиер на Великобритания: Великобритания ще загуби ..." and a related story's
    headline run into the text with no full stop ("Симеонов от границата: Отблъснахме група ... пеша На въпрос
    ..."): the person's statement, up to where the headline ends; a page's credits ("Снимка: Антон Оруш",
    "Текст: Матей Бонев Източник: Стандарт") and a topic before a colon ("Брекзит: ...") are none."""
    doc = vestnik.extract("Блеър говори вчера. Тони Блеър – бивш премиер на Великобритания: Великобритания ще загуби "
                          "влиянието си в Европа. Новината дойде късно. Симеонов от границата: Отблъснахме група, която "
                          "искаше да влезе пеша На въпрос дали ще издържи коалицията, нямаше отговор. Брекзит: Лондон "
                          "публикува плана си. Текст: Матей Бонев Източник: Стандарт Следваща статия.",
                          published="2018-02-01", lang="bg")
    assert [(q, c, s) for q, c, s, _d in spans(doc)] == [
        ("Великобритания ще загуби влиянието си в Европа", ":", "Тони Блеър"),
        ("Отблъснахме група, която искаше да влезе пеша", ":", "Симеонов")]


def test_bulgarian_a_statement_of_one_s_own() -> None:
    """Stop 61: "Тереза Мей разпали нов дебат с изявлението си, че ...": the statement is the subject's ("си"), whom
    the sentence names (the "си" had ended the noun's clause: no quote)."""
    doc = vestnik.extract("Но по-рано днес Тереза Мей разпали нов дебат с изявлението си, че гражданите ще имат други "
                          "права.", published="2018-02-01", lang="bg")
    assert [(doc.span_text(q.span), doc.span_text(q.cue), doc.span_text(q.speaker.span)) for q in doc.quotes] == [
        ("гражданите ще имат други права", "изявлението", "Тереза Мей")]


def test_bulgarian_a_trailing_cue_whose_speaker_opens_with_adjectives() -> None:
    """Stop 61: "..., заяви външният министър на Великобритания Борис Джонсън по повод опитите за провеждане на втори
    референдум ..." names its speaker right after the cue, adjectives first; the long tail after him had made the
    sentence no quote (a speaker opening with a capital or a role word already passed)."""
    doc = vestnik.extract("Британците са изправени пред необратимо предателство, заяви външният министър на "
                          "Великобритания Борис Джонсън по повод опитите за провеждане на втори референдум в "
                          "Обединеното кралство за Брекзит.", published="2018-02-14", lang="bg")
    assert said(doc) == [
        ("Британците са изправени пред необратимо предателство",
         "външният министър на Великобритания Борис Джонсън")]


def test_bulgarian_a_capital_before_a_headline_colon_speaks() -> None:
    """Stop 61: "Лондон: ЕС се готви за Брекзит без споразумение" and "Берлин: Ако САЩ ..." are the governments'
    words (a capital speaks for its government, as a cue's subject already did); "Пакистан: 27 април е ден на пост"
    stays a headline about the country."""
    for head, who in (("Лондон: ЕС се готви за Брекзит без споразумение", "Лондон"), ("Пакистан: 27 април е ден на "
                                                                                   "пост", None)):
        doc = vestnik.extract(head + "\n\nМинистрите обсъдиха плана.", published="2018-02-01", lang="bg")
        assert [doc.span_text(q.speaker.span) for q in doc.quotes] == ([who] if who else [])


def test_bulgarian_a_cue_in_a_relative_clause_of_place_reports_not_the_clause_before() -> None:
    """Stop 62: "Визитата ... започна с обръщение към студентите в университета на град Ухан, където тя обяви нови
    ... контакти": the cue is the relative clause's own, with its object; the clause before the comma is no one's
    words (it had been read as a trailing cue's content)."""
    doc = vestnik.extract("Визитата на Мей в Китай започна с обръщение към студентите в университета на град Ухан, "
                          "където тя обяви нови образователни контакти между двете страни.", published="2018-01-31",
                          lang="bg")
    assert doc.quotes == []


def test_bulgarian_an_impersonal_request_and_an_adverb_before_the_cue() -> None:
    """Stop 62: "преди да се поиска от тях да го одобрят" asks impersonally, no one named (the statement's speaker had
    been given the request too); 'от „Газпром“ официално отричат' is Gazprom's denial ("официално" had been read
    as the speaker)."""
    doc = vestnik.extract("Тереза Мей заяви, че депутатите ще получат анализ, преди да се поиска от тях да го одобрят. "
                          "От „Газпром“ официално отричат, че шефът им притежава такова имение.",
                          published="2018-01-31", lang="bg")
    assert said(doc) == [
        ("депутатите ще получат анализ, преди да се поиска от тях да го одобрят", "Тереза Мей"),
        ("шефът им притежава такова имение", "„Газпром“")]


def test_bulgarian_a_site_s_time_stamp_is_not_said() -> None:
    """Stop 62: a news site's date-and-time stamp glued before its lead ("29.01.2018 15.53 Полша иска ...") is page
    furniture: the statement "Това обяви премиерът ..." points back to starts after it."""
    doc = vestnik.extract("Полша иска санкции върху газопровода\n\n29.01.2018 15.53 Полша иска САЩ да наложат санкции "
                          "върху газопровода. Това обяви премиерът на Полша Матеуш Моравиецки.",
                          published="2018-01-29", lang="bg")
    said = [doc.span_text(q.span) for q in doc.quotes if q.evidence.startswith("quote:anaphoric")]
    assert said == ["Полша иска САЩ да наложат санкции върху газопровода"]


def test_bulgarian_an_intention_announced_reports_its_clause() -> None:
    """Stop 62: "обяви решението си да спре ...", "изрази готовност да признае ...", "е заявил своето твърдо
    намерение да ограничи ...": the intention's "да" clause is what was said (pack key intent_nouns); "пое
    ангажимент да ..." is no statement."""
    doc = vestnik.extract("Авиокомпанията обяви решението си да спре вътрешните полети в Гърция. Компанията изрази "
                          "готовност да признае синдикатите. Лондон е заявил своето твърдо намерение да ограничи "
                          "свободното движение. Кючюк пое ангажимент да създаде портал.", published="2018-02-14",
                          lang="bg")
    assert said(doc) == [
        ("да спре вътрешните полети в Гърция", "Авиокомпанията"), ("да признае синдикатите", "Компанията"),
        ("да ограничи свободното движение", "Лондон")]


def test_bulgarian_a_warning_against_after_a_titled_addressee() -> None:
    """Stop 62: "предупреди британския премиер Тереза Мей срещу всякакви планове ...": what is warned against
    follows whom it is said to, a role before the name (only a bare name had been passed)."""
    doc = vestnik.extract("Председателството на Съвета на ЕС предупреди британския премиер Тереза Мей срещу всякакви "
                          "планове за промяна на правата на гражданите.", published="2018-02-14", lang="bg")
    assert said(doc) == [
        ("срещу всякакви планове за промяна на правата на гражданите", "Председателството на Съвета на ЕС")]


def test_bulgarian_a_manner_adverb_before_the_cue_is_not_the_speaker_s() -> None:
    """Stop 62: "Великобритания също отчаяно се опитва да ...", "Премиерът ясно заяви, че ...": the adverb is how
    it was said, not part of who said it (the speaker's span had ended with it, and the name went unlinked)."""
    doc = vestnik.extract("Великобритания също отчаяно настоява да бъдат избегнати митническите проверки. Премиерът ясно "
                          "заяви, че тези права ще са различни.", published="2018-02-14", lang="bg")
    assert [doc.span_text(q.speaker.span) for q in doc.quotes] == ["Великобритания", "Премиерът"]
    assert doc.quotes[0].speaker.entity == "vk:united-kingdom"


def test_bulgarian_a_paper_credited_with_a_headline_tells_it() -> None:
    """Stop 62: "The Daily Express: Бесни рибари палят знамена ..." is the paper's account, a quote as well as a
    source, as an "according to" phrase gives an outlet's (eval/bggold marks 7 of 14 such headlines; it had been a
    source only); a wire's headline stays the news it passes on."""
    doc = vestnik.extract("The Daily Express: Бесни рибари палят знамена на ЕС по време на протест...\n\nЛондон. "
                          "Британски рибари запалиха лодка.", published="2018-04-09", lang="bg")
    assert said(doc) == [
        ("Бесни рибари палят знамена на ЕС по време на протест", "The Daily Express")]
    assert [doc.span_text(s.span) for s in doc.sources] == ["The Daily Express"]
    doc = vestnik.extract("Ройтерс: Русия спря газа за Полша\n\nВаршава. Доставките спряха.", published="2018-04-09",
                          lang="bg")
    assert doc.quotes == []


def test_bulgarian_an_interview_s_answers_are_the_interviewee_s_words() -> None:
    """Stop 62 (a site's interview, eval/bggold-sites): turns after a dash, a question, then its answer ("...? -
    Руско влияние имаше ...", or run on after the mark, "...?Още не сме ..."), are the interviewee's own words:
    direct quotes with no cue (none had been found). A question asked in passing, or an analysis' own questions
    with no dashed turns, is no interview."""
    text = ("Костов пред Дир: Кабинетът има опит\n\nБившият премиер коментира правителството.- Г-н Костов, какви са "
            "шансовете на кабинета? - Възможности новото правителство има, но шансовете не са ясни. - Мислите ли, че "
            "участието на патриотите крие риск? - Руско влияние имаше върху редица предишни кабинети. - Доколко "
            "ситуацията в Македония е опасна?Още не сме оценили ситуацията като опасна за България.")
    doc = vestnik.extract(text, published="2017-05-09", lang="bg")
    assert [doc.span_text(q.span) for q in doc.quotes if q.evidence == "quote:interview"] == [
        "Възможности новото правителство има, но шансовете не са ясни",
        "Руско влияние имаше върху редица предишни кабинети",
        "Още не сме оценили ситуацията като опасна за България"]
    assert all(q.direct and q.cue is None for q in doc.quotes if q.evidence == "quote:interview")
    for text in ("Ще загуби ли Мей властта?Не са малко сценариите, в които Мей губи властта. Какво следва?Франция "
                 "иска безизходицата да бъде избегната.",
                 "Министърът говори. - Какво следва? - Следва нов кръг преговори с Брюксел."):
        doc = vestnik.extract(text, published="2018-02-01", lang="bg")
        assert not [q for q in doc.quotes if q.evidence == "quote:interview"]


def test_bulgarian_an_interview_s_answers_are_said_by_whom_the_questions_address() -> None:
    """Stop 63: the answers are the words of the person the questions address by name ("- Петя, какво е ...?"),
    else of the one a headline's label credits ("Костов пред Дир: ..."), else of the one the lead presents ("Силвия
    Вачкова е ..."), never of a quote's speaker a headline reports ("Гришата ми каза, че ..."); their speaker had been
    left empty."""
    qa = (" - Какво е да гледаш отстрани своя образ? - Странно е, но и много приятно. - Как започна всичко? - С една "
          "песен на конкурс в Бургас.")
    doc = vestnik.extract("Певицата Петя Буюклиева пред списанието\n\nПетя Буюклиева е певицата с най-много награди."
                          " - Петя, ще пееш ли отново? - Да, ще пея и догодина." + qa, published="2017-05-09", lang="bg")
    answers = [q for q in doc.quotes if q.evidence == "quote:interview"]
    assert len(answers) == 3 and {doc.span_text(q.speaker.span) for q in answers} == {"Петя Буюклиева"}
    assert None not in {q.speaker.entity for q in answers}
    doc = vestnik.extract("Костов пред Дир: Кабинетът има опит\n\nБившият премиер коментира правителството." + qa,
                          published="2017-05-09", lang="bg")
    answers = [q for q in doc.quotes if q.evidence == "quote:interview"]
    assert len(answers) == 2 and {doc.span_text(q.speaker.span) for q in answers} == {"Костов"}
    # else the person the lead presents ("Силвия Вачкова е ..."), not the speaker of what the headline reports
    doc = vestnik.extract("Гришата ми каза, че ще умре млад\n\nСилвия Вачкова е съпруга на актьора. Силвия е завършила"
                          " филология." + qa, published="2017-05-09", lang="bg")
    answers = [q for q in doc.quotes if q.evidence == "quote:interview"]
    assert len(answers) == 2 and {doc.span_text(q.speaker.span) for q in answers} == {"Силвия Вачкова"}
    # nor a person the lead reports ("Министърът Сергей Лавров предупреди, че ...")
    doc = vestnik.extract("Войната за Сирия\n\nСАЩ удариха Сирия. Министърът Сергей Лавров предупреди, че ударът е "
                          "грешка." + qa, published="2017-05-09", lang="bg")
    answers = [q for q in doc.quotes if q.evidence == "quote:interview"]
    assert len(answers) == 2 and all(q.speaker.span is None and q.speaker.entity is None for q in answers)


def test_bulgarian_dashes_of_attribution_and_a_story_s_dialogue_are_no_interview() -> None:
    """Stop 63: a dash after a quote's closing mark before a small letter says who spoke ("...?“ – пита после
    едното"), and a story's dialogue names its speakers after its lines ("– Как така? – рече Антон"): neither is an
    interview's turn (stop 62's rule read 11 such pages of the 396 web articles as interviews)."""
    for text in ("Видения\n\n„Видях светлина“ – пише Лусия. Истина ли са виденията? Те са предмет на интерес. "
                 "„Това е послание“ – обяснява кардиналът. Може ли да е лъжа? По-скоро не, децата не са лъгали.",
                 "Разказ\n\nАнтон седна. – Как така? – рече Антон. – Ще дойда утре, капитане. – Кой се обажда? – "
                 "намеси се глас. – Твоят бивш, какво? Антон озверя."):
        doc = vestnik.extract(text, published="2017-05-09", lang="bg")
        assert not [q for q in doc.quotes if q.evidence == "quote:interview"]


def test_bulgarian_what_an_interview_s_question_asks_is_no_report() -> None:
    """Stop 63: "Според Вас какви са шансовете ...?" in an interviewer's question had become a quote given to
    "Вас", run on into the answer; the question is no one's report, the answer is the interviewee's."""
    text = ("Костов пред Дир: Кабинетът има опит\n\nБившият премиер коментира правителството. - Г-н Костов, "
            "анализирате опасностите. Според Вас какви са шансовете на кабинета да се справи?- Възможности новото "
            "правителство има, но шансовете не са ясни. Ще видим. - Има ли опасност от атентат? - Опасност има винаги.")
    doc = vestnik.extract(text, published="2017-05-09", lang="bg")
    assert said(doc) == [
        ("Кабинетът има опит", "Костов"),
        ("Възможности новото правителство има, но шансовете не са ясни. Ще видим", "Костов"),
        ("Опасност има винаги", "Костов")]


def test_bulgarian_a_quote_begun_inside_a_sentence_that_lost_its_closing_mark() -> None:
    """Stop 63: '..., както и че "определено количество ... ще продължи, но че Киев трябва ... . Милер добави, че
    "просто няма ...' : the first quote's closing mark is lost, so the next opening mark had closed it, and the
    report of the next sentence ("Милер добави, че ...") lay inside a quote (eval/bggold: nord_stream 1199)."""
    text = ('Шефът на "Газпром" Алексей Милер каза, че компанията никога не е поставяла въпроса за спиране на '
            'транзита, както и че "определено количество газ ще продължи да се пренася, но че Киев трябва да подпише '
            'нов договор. Милер добави, че северното направление ще бъде приоритетно за компанията и че "просто няма '
            'да има ресурси" да се поддържат сегашните обеми.')
    doc = vestnik.extract(text, published="2018-04-11", lang="bg")
    assert [(doc.span_text(q.speaker.span), doc.span_text(q.span)[:40]) for q in doc.quotes] == [
        ('Шефът на "Газпром" Алексей Милер', "компанията никога не е поставяла въпроса"),
        ("Милер", "северното направление ще бъде приоритетн")]
    # a quote opened at a sentence's start may run over several sentences, with a quoted name inside
    doc = vestnik.extract('Министърът заяви: "Ние сме против проекта. Ние сме противници на "Северен поток 2", '
                          'защото той е политически".', published="2018-04-11", lang="bg")
    assert [doc.span_text(q.span) for q in doc.quotes] == [
        'Ние сме против проекта. Ние сме противници на "Северен поток 2", защото той е политически']


def test_bulgarian_what_someone_described_a_thing_as_in_quote_marks() -> None:
    """Stop 63: "описа изборите като „силна нощ“", "..., определяйки я като „прекрасна жена мъченица“": the quoted
    words are the speaker's (eval/bggold marks them; no quote had been read). Only through quote marks: "описа
    положението подробно" and "определяйки го като пример за ..." report no one's words."""
    doc = vestnik.extract("Тереза Мей описа местните избори от четвъртък като „силна нощ“ за консерваторите.",
                          published="2018-05-05", lang="bg")
    assert said(doc) == [("силна нощ", "Тереза Мей")]
    doc = vestnik.extract("През февруари папа Франциск се срещна със семейството на пакистанската християнка, "
                          "определяйки я като „прекрасна жена мъченица“.", published="2018-05-05", lang="bg")
    assert said(doc) == [
        ("прекрасна жена мъченица", "Франциск")]
    for text in ("Министърът описа положението подробно пред депутатите.",
                 "Докладът цитира и случая с Асия Биби, определяйки го като пример за преследванията."):
        assert vestnik.extract(text, published="2018-05-05", lang="bg").quotes == []


def test_bulgarian_what_is_wanted_keeps_whom_it_binds() -> None:
    """Stop 63: "Лондон настоява договорът за Брекзит да включва ...": what is wanted is that the deal include it,
    so its subject is in the content (eval/bggold: 33 of 38 such quotes after иска/поиска/настоява); whom something
    is asked of stays out ("поиска от ЕС да ...", "призова Германия да ..."), and so does a time."""
    def contents(text: str) -> list[str]:
        doc = vestnik.extract(text, published="2018-03-01", lang="bg")
        return [doc.span_text(q.span) for q in doc.quotes]
    assert contents("Лондон настоява договорът за Брекзит да включва алтернативно решение.") == [
        "договорът за Брекзит да включва алтернативно решение"]
    assert contents("Полша иска днес САЩ да наложат санкции.") == ["САЩ да наложат санкции"]
    assert contents("Мей поиска от ЕС да бъде гъвкав.") == ["да бъде гъвкав"]
    assert contents("Тръмп призова Германия да се откаже от проекта.") == ["да се откаже от проекта"]


def test_bulgarian_rumour_and_supposition_report_no_one_named() -> None:
    """Stop 63: "Говори се, че ...", "Предполага се, че ..." report what is said, by no one named (eval/bggold rounds
    24 and 35 mark them); not the last speaker's, nor a noun's before the cue ("..., говори се още, че ...").
    "Анализаторите предполагат, че ..." is theirs; "говори с журналистите" reports nothing."""
    doc = vestnik.extract("Барние заяви, че преговорите ще продължат. Говори се, че Тереза Мей скоро ще бъде изправена"
                          " пред вот на недоверие. Предполага се, че именно тази партия стои зад протестите.",
                          published="2018-01-28", lang="bg")
    assert [(doc.span_text(q.span), q.speaker.entity) for q in doc.quotes][1:] == [
        ("Тереза Мей скоро ще бъде изправена пред вот на недоверие", None),
        ("именно тази партия стои зад протестите", None)]
    doc = vestnik.extract("До мястото има път покрай храм, говори се още, че пророчицата е разчела знак по знак пътя.",
                          published="2018-01-28", lang="bg")
    assert [(doc.span_text(q.span), q.speaker.span) for q in doc.quotes] == [
        ("пророчицата е разчела знак по знак пътя", None)]
    doc = vestnik.extract("Анализаторите предполагат, че цената ще падне. Министърът говори с журналистите за бюджета.",
                          published="2018-01-28", lang="bg")
    assert said(doc) == [
        ("цената ще падне", "Анализаторите")]


def test_bulgarian_an_outlet_citing_someone_that_passes_on_their_words() -> None:
    """Stop 63: "„Индипендънт“ цитира източник в Брюксел, че британците са повдигнали въпроса": the words are the
    source's in Brussels (eval/bggold round 35 marks the quote), which the paper passes on as its source; the quote
    had been dropped with the paper's (a news outlet passing news on is a source only)."""
    text = ("Вестник „Индипендънт“ цитира източник в Брюксел, че британците са повдигнали въпроса на последните "
            "срещи. Ройтерс цитира Тереза Мей, че преговорите ще продължат.")
    doc = vestnik.extract(text, published="2018-01-28", lang="bg")
    assert [doc.span_text(s.span) for s in doc.sources] == ["Индипендънт", "Ройтерс"]
    assert said(doc) == [("британците са повдигнали въпроса на последните срещи", "източник"),
                         ("преговорите ще продължат", "Тереза Мей")]
    assert doc.quotes[1].speaker.entity == "vk:theresa-may"


def test_bulgarian_this_is_what_someone_has_said_reports_the_sentence_before() -> None:
    """Stop 63: "... . Това е казала българската пророчица Ванга." reports the sentence before, as "Това каза ..."
    does; the perfect's auxiliary had kept the sentence from being read as an attribution (round 35 of
    eval/bggold-sites)."""
    doc = vestnik.extract("Няма да има нов референдум за членството в ЕС. Това е обявила британският премиер Тереза "
                          "Мей.", published="2018-01-28", lang="bg")
    assert said(doc) == [
        ("Няма да има нов референдум за членството в ЕС", "британският премиер Тереза Мей")]


def test_bulgarian_wanting_to_do_something_oneself_is_no_report() -> None:
    """Stop 63: "Асия Биби иска да отиде в Германия", "страните искат да сключат споразумения": an intention, no
    one's words (eval/bggold: 25 of the 33 such quotes were no annotator's); wanting someone else to do something
    stays a report ("Полша иска САЩ да наложат санкции")."""
    doc = vestnik.extract("Асия Биби иска да отиде в Германия. Мей иска днес да се срещне с Юнкер. Полша иска САЩ да "
                          "наложат санкции.", published="2018-11-05", lang="bg")
    assert said(doc) == [
        ("САЩ да наложат санкции", "Полша")]


def test_bulgarian_a_relative_clauses_cue_is_no_parenthetical_frame() -> None:
    """Stop 64: in "..., за който Лондон настоява, не е сигурен, заяви Барние" and "... за онова, което Ванга е
    казала, обясни режисьорът" the cue inside the relative clause frames nothing: what was said runs to the cue at
    the end (round 36 of eval/bggold-sites); it had been read as a parenthetical "X, he said, Y" and cut the
    quote at the relative clause."""
    doc = vestnik.extract("Това е още един опит да си спомним за онова, което Ванга е казала, обясни режисьорът "
                          "Стилиян Иванов. Преходният срок, за който Лондон настоява, не е сигурен, заяви Мишел "
                          "Барние.", published="2017-05-16", lang="bg")
    assert said(doc) == [
        ("Това е още един опит да си спомним за онова, което Ванга е казала", "режисьорът Стилиян Иванов"),
        ("Преходният срок, за който Лондон настоява, не е сигурен", "Мишел Барние")]


def test_bulgarian_as_someone_says_in_the_present() -> None:
    """Stop 64: "Както казва Мара, ...", "Както посочва изданието, ..." attribute what follows as "Както каза
    премиерът, ..." does (round 36 of eval/bggold-sites: "Както тя казва, болестта започва ..."); only the past
    forms were listed."""
    doc = vestnik.extract("Както казва Мара, две неща ни се случват. Както твърдят експертите, цените ще растат.",
                          published="2018-11-01", lang="bg")
    assert said(doc) == [("две неща ни се случват", "Мара"), ("цените ще растат", "експертите")]


def test_bulgarian_what_must_or_may_be_said_is_not_said() -> None:
    """Stop 64: "Станкович трябва да съобщи на Лили, че ...", "Може да се твърди, че ..." report nothing yet, and
    "САЩ трябва да очакват, че ..." is the minister's words, reported by "Това заяви" after them (the 918 reports:
    "САЩ трябва" had been its speaker); "продължава да твърди" still says so."""
    doc = vestnik.extract("Станкович трябва да съобщи на Лили, че татко й е починал. Може да се твърди, че книгата е "
                          "точна. САЩ трябва да очакват, че Европа ще отговори в същия дух. Това заяви германският "
                          "министър Петер Алтмайер. Той продължава да твърди, че е прав.", published="2018-11-01",
                          lang="bg")
    assert said(doc) == [("САЩ трябва да очакват, че Европа ще отговори в същия дух",
                          "германският министър Петер Алтмайер"), ("е прав", "Той")]


def test_bulgarian_what_was_not_said_is_no_quote() -> None:
    """Stop 65: "Тереза Мей не каза, че ...", "не бих казала, че ..." report what was not said (blind round 37 of
    eval/bggold and eval/bggold-sites); the negated cue still ends the words of the cue before it, and "каза, че
    ..., но не уточни кога" ends the first clause at "но"."""
    doc = vestnik.extract("Въпреки че заяви пред депутатите, че иска „специално споразумение“ с ЕС, Тереза Мей не "
                          "каза, че европейските закони няма да бъдат съблюдавани. Не бих казала, че романът е "
                          "изпълнен с напрежение. Министърът каза, че ще подпише договора, но не уточни кога.",
                          published="2018-02-21", lang="bg")
    assert [q for q, _ in said(doc)] == ["иска „специално споразумение“ с ЕС", "ще подпише договора"]
    assert said(doc)[1][1] == "Министърът"


def test_bulgarian_relative_clause_after_an_apposition_speaks_of_the_person() -> None:
    """Stop 65: in "Арън Банкс, съосновател на кампанията Leave.EU, за когото се смята, че ..., обяви" the relative
    clause and the cue are the person's (blind round 37: the campaign's name had been the speaker, the quote lost
    and the campaign made a source); "Владислав Горанов, член на ГЕРБ, който ..., заяви" is Goranov's."""
    doc = vestnik.extract("Бизнесменът Арън Банкс, съосновател на кампанията Leave.EU, за когото се смята, че е "
                          "мобилизирал значителна подкрепа за Брекзит, също обяви, че подкрепя идеята за втори вот. "
                          "Владислав Горанов, член на ГЕРБ, който е министър на финансите, заяви, че бюджетът е "
                          "стабилен.", published="2018-01-11", lang="bg")
    # (stop 73: what "се смята" is believed is a quote of no one named, as eval/bggold marks 2 of the 3 such after a
    # relative, "Хамънд, които се смята, че оглавяват ...", "където се счита, че е бил погребан Левски")
    assert said(doc) == [("е мобилизирал значителна подкрепа за Брекзит", ""),
                         ("подкрепя идеята за втори вот", "Арън Банкс"), ("бюджетът е стабилен", "Владислав Горанов")]
    assert not doc.sources


def test_russian_what_was_not_said_is_no_quote() -> None:
    """Stop 65, as in Bulgarian: "Министр не сказал, что ...", "не уточнил, когда ..." report nothing; the same cue
    without the negation does."""
    doc = vestnik.extract("Министр не сказал, что переговоры сорваны. Он не уточнил, когда начнутся переговоры. "
                          "Министр сказал, что переговоры продолжатся.", published="2018-07-10", lang="ru")
    assert said(doc) == [("переговоры продолжатся", "Министр")]


def test_bulgarian_according_relative_inside_a_reported_clause_is_part_of_it() -> None:
    """Stop 66 (blind round 38): in "изразяват опасения, че планът, според който лидерите ..., е нереалистичен" the
    relative "според който" is inside what the officials said: one quote, theirs (the plan had been the speaker and
    the officials' quote lost); "договорът, според който" did not end the minister's quote any more than a plan's.
    A relative "според които" that stands alone still reports the documents' words."""
    doc = vestnik.extract("Служители в ЕС изразяват опасения, че планът, според който лидерите трябва да договорят "
                          "насоките до април, е нереалистичен. Министърът заяви, че договорът, според който "
                          "страните ще търгуват свободно, е добър. Прокуратурата разсекрети документи на "
                          "разузнаването, според които кандидатът е бил подпомогнат.", published="2018-02-02",
                          lang="bg")
    assert [q for q, _ in said(doc)] == [
        "планът, според който лидерите трябва да договорят насоките до април, е нереалистичен",
        "договорът, според който страните ще търгуват свободно, е добър", "кандидатът е бил подпомогнат"]
    assert [s for _, s in said(doc)][1:] == ["Министърът", "документи на разузнаването"]


def test_bulgarian_who_speaks_through_a_relative_pronoun() -> None:
    """Stop 66 (blind round 38): "привърженици на Брекзит, които обвиниха министъра ..., че ..." is the supporters'
    accusation, not the minister's words (the accused after "обвини" is its object, as after "нарече"); an office
    by its noun speaks through "който" ("Министърът, който заяви, че ..."), a noun phrase through "които" before a
    cue whose next noun is its object. A verb begun or kept up before the cue ("започват да изразяват", "започна
    да твърди") and how often it was said ("непрекъснато повтаряла") are not the speaker's words."""
    doc = vestnik.extract("Някои твърди привърженици на Брекзит, които обвиниха министъра на финансите Филип "
                          "Хамънд, че се опитва да следва собствена политика, бяха недоволни. Министърът, който "
                          "заяви, че сделката ще мине, гласува против. Министрите на ЕС обаче започват да изразяват "
                          "опасения, че планът ще се провали. Тя обаче не реагирала, но непрекъснато повтаряла: "
                          "„Искам да се върна при семейството си“.", published="2018-02-05", lang="bg")
    assert [s for _, s in said(doc)] == ["привърженици на Брекзит", "Министърът", "Министрите на ЕС", "Тя"]


def test_bulgarian_an_office_that_came_out_with_a_statement() -> None:
    """Stop 66 (blind round 38): "От канцеларията на премиера излязоха с ясно изявление, че ..." is the office's
    statement (an adjective between "с" and the noun had hidden the verb), and the office is a source as any
    institution that states something; "позовавайки се на източници от канцеларията" cites it."""
    doc = vestnik.extract("От канцеларията на премиера излязоха с ясно изявление, че оставането в митническия съюз "
                          "не е политика на правителството. Великобритания ще напусне митническия съюз, съобщиха от "
                          "канцеларията на премиера Тереза Мей, цитирана от агенция „Прес асосиейшън“.",
                          published="2018-02-05", lang="bg")
    assert said(doc)[0] == ("оставането в митническия съюз не е политика на правителството",
                            "канцеларията на премиера")
    names = [doc.span_text(s.span) for s in doc.sources]
    assert names[0] == "канцеларията на премиера"
    pa = names.index("Прес асосиейшън")
    assert doc.sources[pa].cites is not None and names[doc.sources[pa].cites].startswith("канцеларията")


def test_bulgarian_retold_and_imperfect_cues_and_a_title_before_a_name() -> None:
    """Stop 66 (blind round 38): the imperfect and retold forms of listed cues report as theirs do ("Всевиждащата
    жена уверявала, че ...", "Ванга казваше, че ..."); "Според д-р Петров ..." is the doctor's, title and name (the
    title alone had been the speaker and the name part of what was said)."""
    doc = vestnik.extract("Ванга уверявала, че бледите хора ще оздравеят. Ванга казваше, че ще дойде ден. Според "
                          "д-р Петров храната е безопасна.", published="2017-02-01", lang="bg")
    assert said(doc) == [("бледите хора ще оздравеят", "Ванга"), ("ще дойде ден", "Ванга"),
                         ("храната е безопасна", "д-р Петров")]


def test_bulgarian_words_shouted_or_chanted_are_reported() -> None:
    """Stop 66: "крещял на стюардесите, че ...", "скандираха, че ..." report what was shouted (eval/bggold marks such
    words, "Крещял на пилота „Спри веднага!“"); they had been no cue."""
    doc = vestnik.extract("Пътникът крещял на стюардесите, че ще ги съди. Демонстрантите скандираха, че "
                          "правителството трябва да си отиде.", published="2018-02-05", lang="bg")
    assert said(doc) == [("ще ги съди", "Пътникът"), ("правителството трябва да си отиде", "Демонстрантите")]


def test_bulgarian_za_tova_reports_the_sentence_before() -> None:
    """Stop 67 (blind round 41): "За това предупреди X" and "За това е съобщил X" report the sentence before, as
    "Това заяви X" does (the 918 BSNLP reports hold 5 such, each reporting the sentence before); they had given no
    quote. "За това се водят преговори" has no cue and reports nothing."""
    doc = vestnik.extract("Трудни избори очакват Лондон. За това предупреди ирландският вицепремиер Саймън Ковини. "
                          "Кампанията е дарила 625 хиляди паунда. За това е съобщил Шахмир Шани. Германия полага "
                          "усилия. За това се водят преговори.", published="2018-02-05", lang="bg")
    assert said(doc) == [("Трудни избори очакват Лондон", "ирландският вицепремиер Саймън Ковини"),
                         ("Кампанията е дарила 625 хиляди паунда", "Шахмир Шани")]


def test_bulgarian_a_medium_and_its_relative_clause_after_a_trailing_cue() -> None:
    """Stop 67 (blind round 41): in "..., пише в писмото, под което са се подписали X и Y." the clause after the
    medium says who signed it, no more of the letter's words (the quote had run to the sentence's end, cue and
    all); a parenthetical cue still reports the sentence around it."""
    doc = vestnik.extract("Правителството трябва да променя законите, пише в писмото, под което са се подписали "
                          "Иън Смит и Прити Пател. Преговорите, каза той, ще продължат и през март.",
                          published="2018-02-05", lang="bg")
    assert [q for q, _ in said(doc)] == ["Правителството трябва да променя законите",
                                         "Преговорите, каза той, ще продължат и през март"]


def test_bulgarian_first_person_clitics_and_auxiliaries_are_no_speaker() -> None:
    """Stop 67 (blind round 41): "Ванга ми каза, че ..." is Vanga's (the dative clitic had been part of the
    speaker, as "ни" and "им" were not); "Бях убедена, че ..." names no one (the auxiliary had been the speaker);
    "подкани" asks as "прикани" does ("ЕС подкани Великобритания да размисли": a request, with its event)."""
    doc = vestnik.extract("Ванга ми каза, че съм благословена. Иван Славков ми е казвал, че няма незаменими хора. "
                          "Бях убедена, че ще ги бия. ЕС подкани Великобритания да размисли.",
                          published="2018-01-16", lang="bg")
    assert [(doc.span_text(q.span), doc.span_text(q.speaker.span) if q.speaker.span else None)
            for q in doc.quotes] == [("съм благословена", "Ванга"), ("няма незаменими хора", "Иван Славков"),
                                     ("ще ги бия", None), ("да размисли", "ЕС")]
    assert [(doc.span_text(e.span), e.type) for e in doc.events] == [("подкани", "REQUEST")]


def test_bulgarian_future_cues_and_an_outlet_cited_too() -> None:
    """Stop 67 (blind round 42): "„...“, ще каже тя" reports (the perfective present "каже" had been no cue), while
    "Трудно е да се каже, че ..." reports nothing (those forms report only after "ще"); "предава Интерфакс,
    цитирана и от „Фокус“" makes Focus a source that cites Interfax, as "цитирана от" does."""
    doc = vestnik.extract("„Тези, които застрашават нашата сигурност, биха се радвали“, ще каже тя. Трудно е да се "
                          "каже, че всичко е наред. Премиерът е направил коментар в интервю за Bild, предава "
                          "Интерфакс, цитирана и от „Фокус“.", published="2018-02-16", lang="bg")
    assert said(doc) == [("Тези, които застрашават нашата сигурност, биха се радвали", "тя")]
    names = [doc.span_text(s.span) for s in doc.sources]
    focus, interfax = names.index("Фокус"), names.index("Интерфакс")
    assert doc.sources[focus].cites == interfax


def test_bulgarian_a_frame_inside_the_content_after_a_relative_clause() -> None:
    """Stop 67 (blind round 42): in "показва, че британците, дори и тези, които подкрепят Брекзит, се опасяват, че
    ..." the comma closes the relative clause, and "се опасяват, че" is the content's own frame: the study's quote
    runs to the end (it had ended at the comma), the Britons' nests in it. "Украйна, която смята, че ..., се
    страхува, че ..." still ends Ukraine's first quote at the comma: its relative clause opened before the content.
    Unnamed sources of an outlet speak ("Източници на Ройтерс съобщиха, че ...") and the outlet is a source."""
    doc = vestnik.extract("Проучването показва, че британците, дори и тези, които подкрепят Брекзит, се опасяват, че "
                          "напускането ще дойде при висока цена. Украйна, която смята, че проектът подкопава "
                          "санкциите, се страхува, че ще загуби от таксите. Източници на Ройтерс съобщиха, че "
                          "сделката е готова.", published="2018-04-18", lang="bg")
    assert said(doc) == [
        ("британците, дори и тези, които подкрепят Брекзит, се опасяват, че напускането ще дойде при висока цена",
         "Проучването"), ("напускането ще дойде при висока цена", "британците"),
        ("проектът подкопава санкциите", "Украйна"), ("ще загуби от таксите", "Украйна"),
        ("сделката е готова", "Източници на Ройтерс")]
    assert [doc.span_text(s.span) for s in doc.sources] == ["Ройтерс"]


def test_bulgarian_a_body_named_before_its_acronym_is_the_source() -> None:
    """Stop 67 (blind round 43): "съобщи британското Сдружение на производителите и на търговците на автомобили
    (SMMT)": the source is the body's name, as the annotators write it (it had been the acronym, the only part the
    tagger names); a name the tagger knows before its acronym was already taken ("Световната здравна организация
    (СЗО)")."""
    doc = vestnik.extract("Производството е спаднало с 3%, съобщи в сряда британското Сдружение на производителите и "
                          "на търговците на автомобили (SMMT). Безработицата е спаднала, съобщи Световната здравна "
                          "организация (СЗО).", published="2018-01-31", lang="bg")
    assert [doc.span_text(s.span) for s in doc.sources] == [
        "Сдружение на производителите и на търговците на автомобили", "Световната здравна организация"]


def test_bulgarian_participles_sharing_an_auxiliary_and_a_fronted_outlet() -> None:
    """Stop 67 (blind round 44): in "подчерта, че неговата страна е искала и очаквала „...“" the two participles share
    "е": one verb phrase of the content's subject, so the quote runs on (it had ended before "и очаквала", read as a
    second cue of the speaker's); "Пред БНТ министърът заяви" is the minister's, and the outlet told is a source (it
    had been part of the speaker)."""
    doc = vestnik.extract("Ковини подчерта, че неговата страна е искала и очаквала „значителен напредък през юни“, но "
                          "правителството не е успяло. Министърът заяви, че сделката е добра и предупреди, че времето "
                          "изтича. Пред БНТ министърът заяви, че бюджетът е готов.", published="2018-06-15", lang="bg")
    assert said(doc) == [
        ("неговата страна е искала и очаквала „значителен напредък през юни“, но правителството не е успяло",
         "Ковини"), ("сделката е добра", "Министърът"), ("времето изтича", "Министърът"),
        ("бюджетът е готов", "министърът")]
    assert [doc.span_text(s.span) for s in doc.sources] == ["БНТ"]


def test_bulgarian_reported_speech_inside_a_direct_quote() -> None:
    """Stop 67 (blind round 44): "„... Слава Севрюкова казва, че ... Тя казва, че ...“, разказва Нанев" holds
    Sevryukova's words as Nanev tells them: each "че" clause of a named third party (or "тя") inside the direct quote
    is a quote of its own, kept inside Nanev's (eval/bggold marks 16 such, its site articles 36); "Казах, че ..." and
    a sentence's capitalised first words ("Важно е обаче да не карате хората, че ...") name no one else."""
    doc = vestnik.extract("„В края на 80-те Слава Севрюкова казва, че в България ще се появи човек. Тя казва, че "
                          "войната ще бъде между християни и мюсюлмани. Казах, че ще дойда. Важно е обаче да не "
                          "карате хората, че всичко е наред“, разказва Нанев.", published="2017-02-01", lang="bg")
    inner = [(doc.span_text(q.span), doc.span_text(q.speaker.span)) for q in doc.quotes if not q.direct]
    assert inner == [("в България ще се появи човек", "Слава Севрюкова"),
                     ("войната ще бъде между християни и мюсюлмани", "Тя")]
    assert [doc.span_text(q.speaker.span) for q in doc.quotes if q.direct] == ["Нанев"]


def test_bulgarian_every_source_label_of_a_paragraph_is_a_source() -> None:
    """Stop 67 (blind round 41): a page that credits each photo caption inline ("... Гертруда Източник: Vesti.bg
    Съжителства с ... Източник: Vesti.bg ...") names a source at each label, as every annotator marks them; the
    same outlet in one paragraph had been one source."""
    doc = vestnik.extract("Заглавие\n\nКуклите са от Европа, от порцелан и дърво. Гертруда Източник: Vesti.bg "
                          "Съжителства с красиви порцеланови аристократки. Музеят е в София. Източник: Vesti.bg Сред "
                          "куклите има представители на всички области.", published="2017-01-10", lang="bg")
    assert [doc.span_text(s.span) for s in doc.sources] == ["Vesti.bg", "Vesti.bg"]


def test_bulgarian_a_headline_with_a_lead_run_into_its_line() -> None:
    """Stop 68: "Тереза Мей: След като напуснем ЕС, ... здравеопазване Британският премиер Тереза Мей обеща днес да
    налее ... излизането на", the body then opening with the lead: the headline is May's words and the lead's cue
    its own sentence's (the line had been one sentence, so the headline was no quote and the lead's speaker began
    with the headline's last words)."""
    head = ("Тереза Мей: След като напуснем ЕС, ще разполагаме с повече пари за здравеопазване Британският премиер "
            "Тереза Мей обеща днес да налее милиарди лири допълнително в изпадналото в криза обществено "
            "здравеопазване, най-вече благодарение на икономиите в резултат от излизането на")
    body = ("Британският премиер Тереза Мей обеща днес да налее милиарди лири допълнително в изпадналото в криза "
            "обществено здравеопазване, най-вече благодарение на икономиите в резултат от излизането на "
            "Великобритания от Европейския съюз, предаде Франс прес.")
    doc = vestnik.extract(head + "\n\n" + body, published="2018-06-17", lang="bg")
    got = said(doc)
    assert got[0] == ("След като напуснем ЕС, ще разполагаме с повече пари за здравеопазване", "Тереза Мей")
    assert [who for _, who in got[1:]] == ["Британският премиер Тереза Мей"] * 2


def test_bulgarian_whom_a_statement_was_told_to_and_where_it_appeared() -> None:
    """Stop 68 (blind round 45): the phrase "на X" right after a cue is whom it was told to, never who spoke ("...
    похвалиха работата и казаха на журналистите, че ...": the ministers; the journalists had been the speaker); a
    paper named by its abbreviated noun between the cue and who spoke ("писа във в. „Сънди телеграф“ здравният
    министър", "заяви пред в. „Билд ам зонтаг“ нейният адвокат") is where it appeared (no speaker had been found, the
    "в." read as a place); a position agreed on is its holders' ("те се обединиха около позицията, че ..."); what was
    drilled into someone is a statement ("втълпяваха, че ...")."""
    cases = [
        ("Министрите похвалиха работата и казаха на журналистите, че войната е неизбежна.", "Министрите"),
        ('Финансирането "сега може да обедини всички ни", писа във в. "Сънди телеграф" здравният министър Джереми '
         'Хънт.', "здравният министър Джереми Хънт"),
        ('Тя "би се радвала да живее в Германия", заяви пред в. "Билд ам зонтаг" нейният адвокат.', "нейният адвокат"),
        ("На неформалната среща в Брюксел те се обединиха около позицията, че трябва да се отделят повече средства.",
         "те"),
        ("Подполковниците втълпяваха на лагерниците, че трета световна война е неизбежна.", "Подполковниците"),
    ]
    for text, who in cases:
        doc = vestnik.extract(text, published="2018-06-17", lang="bg")
        assert [w for _, w in said(doc)] == [who], text


def test_bulgarian_an_outlet_that_opens_its_report_s_clause_speaks() -> None:
    """Stop 68 (blind round 46): an outlet named before an information cue and its "че" clause ("Изданието
    съобщава, че ...", 'Вестник „Сънди Таймс“ информира по-рано, че ...') is the report's speaker as well as its
    source (49 of the 53 such in eval/bggold and its sites are quotes; it had been a source only); the news it passes
    on after the clause ("..., съобщи Ройтерс") stays a source only, and one it cites speaks for itself."""
    doc = vestnik.extract("Изданието съобщава, че гадателката е предрекла атаката. Вестник „Сънди Таймс“ информира "
                          "по-рано, че Мей може да бъде свалена. Цените ще растат, съобщи Ройтерс. Вестник „Таймс“ "
                          "цитира депутат от Консервативната партия, че никой не подкрепя премиера.",
                          published="2018-06-17", lang="bg")
    assert said(doc) == [("гадателката е предрекла атаката", "Изданието"),
                         ("Мей може да бъде свалена", "Сънди Таймс"),
                         ("никой не подкрепя премиера", "депутат от Консервативната партия")]
    assert {doc.span_text(s.span) for s in doc.sources} >= {"Изданието", "Сънди Таймс", "Ройтерс", "Таймс"}


def test_bulgarian_a_clause_of_its_own_after_but_and_a_pronoun_and_a_phrase_closed_by_si() -> None:
    """Stop 68 (blind round 46): "заяви, че ... пазар, но тя добави, че ..." ends the first statement before "но тя
    добави" (it had run on to the sentence's end); "пише на първата си страница вестник Guardian" names the paper
    (no source had been found, and the sentence ran into the next one); "каза в коментара си Шамил Шамс" is Shams
    (the phrase closed by "си" had been part of the speaker)."""
    doc = vestnik.extract("Стърджън заяви, че Великобритания трябва да остане в единния пазар, но тя добави, че "
                          "правителството й предпочита пълно членство в ЕС. Отношенията може да се влошат, "
                          "предупреждава бившият посланик Питър Рикетс, пише на първата си страница вестник Guardian "
                          "Думите на Рикетс идват преди срещата. Случаят показва колко радикален е станал Пакистан, "
                          "пише в коментара си Шамил Шамс.", published="2018-01-15", lang="bg")
    assert said(doc)[:2] == [("Великобритания трябва да остане в единния пазар", "Стърджън"),
                             ("правителството й предпочита пълно членство в ЕС", "тя")]
    assert said(doc)[-1] == ("Случаят показва колко радикален е станал Пакистан", "Шамил Шамс")
    assert "Guardian" in [doc.span_text(s.span) for s in doc.sources]


def test_bulgarian_what_is_foretold_and_a_phrase_closed_by_si_before_the_speaker() -> None:
    """Stop 68 (blind rounds 45-48): a cue of foretelling with a noun object reports the object ("Тя прогнозира и
    обединение между КНДР и Южна Корея", "Авиокомпанията прогнозира ръст на пътниците си": 10 of the 12 such objects
    in eval/bggold and its sites are quotes; none had been read), but not after "да", after a comma (a trailing cue:
    "..., прогнозира Джонсън") nor when who asks is a question ("Кой е предрекъл ..."); a phrase closed by "си"
    before the speaker is none of his ("В последните години от живота си Ванга предрича": Vanga)."""
    doc = vestnik.extract("Тя прогнозира и обединение между КНДР и Южна Корея. Авиокомпанията прогнозира ръст на "
                          "пътниците си с 6 на сто. Следва трета тръба, прогнозира Джонсън. Той успя да предскаже "
                          "бурята. Кой е предрекъл повече неща - Распутин или Ванга. В последните години от живота си "
                          "Ванга предрича нов потоп и казва, че Черно море ще стигне до Сливен.",
                          published="2017-01-01", lang="bg")
    assert said(doc) == [("обединение между КНДР и Южна Корея", "Тя"),
                         ("ръст на пътниците си с 6 на сто", "Авиокомпанията"),
                         ("Следва трета тръба", "Джонсън"), ("нов потоп", "Ванга"),
                         ("Черно море ще стигне до Сливен", "Ванга")]


def test_bulgarian_a_name_in_apposition_an_adverb_of_time_and_whom_an_assurance_was_given() -> None:
    """Stop 68 (blind round 49): "Говорителят на Юнкер, Маргаритис Схинас, впоследствие отбеляза, че ..." is
    Schinas, the name in apposition (Juncker had been the speaker, "впоследствие" before it); "Еврокомисията вече
    даде уверение на британските си служители, че ..." is the Commission's (the staff its "си" makes its own are whom
    it assured)."""
    doc = vestnik.extract("Говорителят на Юнкер, Маргаритис Схинас, впоследствие отбеляза, че има разлика между "
                          "правилата. Еврокомисията вече даде уверение на британските си служители, че те ще могат "
                          "да продължат да работят за ЕС.", published="2018-05-03", lang="bg")
    assert said(doc) == [("има разлика между правилата", "Маргаритис Схинас"),
                         ("те ще могат да продължат да работят за ЕС", "Еврокомисията")]


def test_bulgarian_agreeing_or_supposing_that_and_but_that_is_no_clause() -> None:
    """Stop 68 (blind round 50): "са съгласни, че ...", "които допускаха, че ..." report their "че" clause (they had
    been no cues), and only it ("не всички са съгласни" says nothing); "..., само че ..." is "but", no reported clause."""
    doc = vestnik.extract("Опонентите на Брекзит са съгласни, че излизането е най-значителното събитие. Той се включи "
                          "в хора на опонентите като Макрон и "
                          "Сорос, които допускаха, че британците могат да променят мнението си. Всичко е "
                          "чудесно, когато всички са съгласни за нещо, само че твърде често не всички са съгласни.",
                          published="2018-01-04", lang="bg")
    assert [c for c, _ in said(doc)] == ["излизането е най-значителното събитие",
                                         "британците могат да променят мнението си"]
