"""Dictionary coding of events, sentence by sentence.

For each sentence: find cue patterns (the language pack's ``events.tsv``), rank them by
specificity, adjust the code for intent markers (future tense, "ready to", "will"), flag negation
and hedging, then pick the source and target actors among the sentence's linked mentions and role
nouns. The source is the first actor before the cue (the subject comes first in bg, ru and en news
prose); the target is the first other actor after the cue, else the next other actor before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cache, partial
from itertools import chain, compress, count, pairwise
from operator import attrgetter, is_, itemgetter

from vestnik.document import Actor, Document, Event, Mention, Span, WhenFn
from vestnik.entities.api import get_kb, kb_entry
from vestnik.entities.kb import MEDIA_KINDS, cameo_countries
from vestnik.events import cameo
from vestnik.events.lexicon import STOP, Lexicon, Pattern, load, match_at, words
from vestnik.extract.dateline import datelines as page_datelines
from vestnik.language.shared import lower_slice, lowered
from vestnik.quotes.lexicon import Lexicon as QuotesLexicon
from vestnik.quotes.lexicon import load_lexicon as load_quotes_lexicon
from vestnik.spans import cover_index, covers, hold_index, holding, memo, stabbing

_WORD_OF = itemgetter(2)  # the word of a (start, end, word) token
_FIRST = itemgetter(0)
_IS_NONE = partial(is_, None)
_SECOND = itemgetter(1)
_START_OF = itemgetter(0)
_SPAN_OF = attrgetter("span")


@dataclass(slots=True)
class Cand:
    span: Span
    code: str | None  # CAMEO actor code (country + sector) or None
    entity: str | None
    country: str | None
    sector: str | None
    is_place: bool = False
    is_person: bool = False
    pronoun: bool = False  # ("я", "тя"): stands for its person, never part of another actor's phrase
    objective: bool = False  # an object pronoun ("я", "й"): whom it is done to, never who does it
    people: bool = False  # a demonym as a plural noun ("Palestinians"): its country's civilians as a target
    town: bool = False  # a city or town by name, not acting as its government: its people where force strikes it
    capital: bool = False  # a capital by name, read as its government: its people where the pack's force strikes it
    private: bool = False  # a person the KB does not know whom the document names with no office: a private person


HoldIndex = tuple[list[int], list[int], list[int], list[int]]  # (``vestnik.spans.hold_index``)


@dataclass(frozen=True)
class _Shared:
    """What every cue sentence of one document reads, built once per document (when its first cue is found):
    looked up again per sentence and per cue, the remembered copies cost more than the questions asked of them."""

    sources: tuple[list[int], list[int]]  # the sources' spans (``cover_index``): an attributed outlet is no actor
    quotes: HoldIndex  # the quotes' spans: which quotes hold a cue
    #: (cue, end, where the speaker begins or -1) of the quotes the quotes layer read as trailing, sorted: the
    #: commas before their cues
    trailing: list[tuple[int, int, int]]


def _shared(doc: Document) -> _Shared:
    return _Shared(cover_index(s.span for s in doc.sources), hold_index([q.span for q in doc.quotes]), sorted(
        (q.cue[0], q.span[1], q.speaker.span[0] if q.speaker.span else -1) for q in doc.quotes
        if q.cue and q.evidence.startswith("quote:trailing") and q.cue[0] >= q.span[1]))


def _sentences(doc: Document) -> list[tuple[Span, str | None]]:
    """(sentence span, language) pairs; falls back to paragraphs and teaser parts without a language layer."""
    teaser_lang = [(t.span, t.language) for t in doc.teasers]

    def lang_at(s: Span) -> str | None:
        for sp, lg in teaser_lang:
            if sp[0] <= s[0] < sp[1]:
                return lg or doc.language
        return doc.language

    if doc.sentences:
        if not teaser_lang:  # (most documents: every sentence is in the document's language, no call per sentence)
            lang = doc.language
            return [(s, lang) for s in doc.sentences]
        return [(s, lang_at(s)) for s in doc.sentences]
    spans = [s for s in [doc.article.headline, *doc.article.paragraphs] if s]
    for t in doc.teasers:
        spans += [s for s in (t.headline_span, t.snippet_span) if s]
    if not spans and doc.text.strip():
        spans = [(0, len(doc.text))]
    return [(s, lang_at(s)) for s in spans]


def _entity_code(doc: Document, eid: str | None) -> tuple[str | None, str | None, str | None]:
    """(cameo code, country ISO3/CAMEO, kind) of an entity."""
    e = doc.entities.get(eid) if eid else None
    if e is None:
        return None, None, None
    code = e.codes.get("cameo") or e.codes.get("iso3")
    country = e.country or (code[:3] if code else None)
    return code, cameo_countries().get(country or "", country), e.kind  # (ISO3 XKX is CAMEO's KSV)


#: a city that stands for the organisation seated there more than for its country's government
#: ("Брюксел настоява", "Brussels insists": the EU)
_SEAT_OF = {"vk:brussels": "IGOEUREEC"}


@cache
def _country_names() -> dict[str, str]:
    """Every name of a country in the KB, case-folded, to its CAMEO country code (loaded once per process)."""
    out: dict[str, str] = {}
    for iso3, e in get_kb().by_iso3.items():
        for _lang, name in e.all_names():
            out.setdefault(name.casefold(), cameo_countries().get(iso3, iso3))
    return out


_OF_COUNTRY = frozenset({"на", "of"})


def _country_named_last(name: str) -> str | None:
    """The country a body's name ends with after "на"/"of" ("Върховният съд на Пакистан", "Supreme Court of
    Pakistan"), which the tagger gives as part of one ORG name."""
    words = name.split()
    for k in range(len(words) - 2, -1, -1):
        if words[k].lower() in _OF_COUNTRY:
            return _country_names().get(" ".join(words[k + 1 :]).strip(_QUOTE_MARKS).casefold())
    return None


def _sector_of(code: str | None) -> str | None:
    """The sector part of a CAMEO actor code ("RUSGOV" -> "GOV"), None for a country alone."""
    return code[3:6] if code and len(code) >= 6 else None


def _is_capital(eid: str | None) -> bool:
    e = kb_entry(eid)
    return e is not None and e.capital is True


def _is_country(eid: str | None) -> bool:
    e = kb_entry(eid)
    return e is not None and e.kind == "country"


def _role_at(lex: Lexicon, toks: list[tuple[int, int, str]], i: int) -> tuple[int, str] | None:
    for alts, sector in lex.roles_for(toks[i][2]):
        if i + len(alts) > len(toks):
            continue
        for k, a in enumerate(alts):  # (a loop, no generator per role tried)
            if not a.match(toks[i + k][2]):
                break
        else:
            if sector == STOP:
                return None  # "президентските избори": a role's adjective, no actor (actors.tsv: "-")
            if lex.role_if_next and i + len(alts) < len(toks) and (
                    nxt := lex.role_if_next.get(toks[i][2])) is not None and toks[i + len(alts)][2] not in nxt:
                continue  # "the US national debt": the adjective of a role noun's spelling, no actor (en)
            if toks[i][2] in lex.counted_roles and not _counted_subject(lex, toks, i):
                continue  # "живота на хората": uncounted, no actor ("Около 1000 души блокираха" is)
            return i + len(alts), sector
    return None


def _counted_subject(lex: Lexicon, toks: list[tuple[int, int, str]], i: int) -> bool:
    """Whether the people noun at token ``i`` is counted ("Около 1000 души", "стотици хиляди хора") and may be a
    subject: no preposition before the count ("помогнала на хиляди хора", "повече от сто хиляди души") and no
    "от" after it ("22 души от английския парламент": the body's members)."""
    k = i - 1
    while k >= 0 and (toks[k][2].isdigit() or toks[k][2] in lex.count_words):
        k -= 1
    return k < i - 1 and not (k >= 0 and toks[k][2] in lex.prepositions) and not (
        i + 1 < len(toks) and toks[i + 1][2] in lex.passive_by)


def _same_clause(lex: Lexicon, toks: list[tuple[int, int, str]], a: int, b: int,
                 but: frozenset[str] = frozenset()) -> bool:
    """No other clause opens between tokens ``a`` and ``b`` (a subordinator not in ``but``; a comma is not a token,
    so the gap's text is not read: "Той заяви, че преговорите ..." has "че")."""
    return not any(w in lex.subordinators and w not in but for _, _, w in toks[a:b])


def _addressee(lex: Lexicon, toks: list[tuple[int, int, str]], i: int) -> bool:
    """Token ``i`` is whom a statement was told: after a reporting verb and an addressee preposition ("заяви пред
    журналисти"), or in the dative right after it ("сообщил журналистам"). Right after the verb in another case
    it is who spoke ("заяви министърът")."""
    k = i - 1
    if k >= 1 and toks[k][2] in lex.addressee_preps:
        return toks[k - 1][2] in lex.reporting
    return k >= 0 and toks[k][2] in lex.reporting and toks[i][2].endswith(lex.dative_endings or ("\0",))


def _told_by(lex: Lexicon, text: str, lo: int, start: int) -> bool:
    """One of the three words before an outlet's name says the news was told there ("пише британският вестник")."""
    before = text[max(lo, start - 40) : start].lower().split()[-3:]
    return any(w.strip(",.:;") in lex.outlet_cues for w in before)


def _role_at_start(lex: Lexicon, toks: list[tuple[int, int, str]], start: int) -> str | None:
    """The sector of a role noun among the first three words at ``start`` ("Окръжният съд", "Общинският съвет",
    "Софийският градски съд")."""
    i = bisect_left(toks, start, key=itemgetter(0))
    for k in (i, i + 1, i + 2):
        if k < len(toks) and (r := _role_at(lex, toks, k)) is not None:
            return r[1]
    return None


def _on_platform(lex: Lexicon, text: str, lo: int, pos: int) -> bool:
    """Whether the words right before ``pos`` are "on"/"в" and then only words of ``gap`` (the language pack's
    ``platform_gap``: "on his Truth Social platform", "в социалната си мрежа „Трут соушъл“")."""
    words = re.findall(r"\w+", text[max(lo, pos - 60) : pos].lower())[-5:]
    for k in range(len(words) - 1, -1, -1):
        if words[k] in lex.platform_preps:
            return all(w in lex.platform_gap for w in words[k + 1 :])
        if words[k] not in lex.platform_gap:
            return False
    return False


def _candidates(doc: Document, lex: Lexicon, sent: Span, toks: list[tuple[int, int, str]], shared: _Shared,
                ments: list[Mention] | None = None, ws: list[str] | None = None) -> list[Cand]:
    """Actors of one sentence: linked mentions, and role nouns with the country next to them. ``ws``: the tokens'
    words (read here when not given)."""
    text = doc.text
    sources = shared.sources
    if ments is None:
        ments = [m for m in doc.mentions if sent[0] <= m.span[0] and m.span[1] <= sent[1]]
    pub = doc.publisher.get("entity") if isinstance(doc.publisher, dict) else None
    out: list[Cand] = []
    # what the sentence's mentions give the rules below, read in one loop (not five comprehensions)
    ends: set[int] = set()  # where its organisations end
    derived_at: set[Span] = set()  # its country adjectives
    covered: list[Span] = []  # its persons and organisations by name or role
    #: its lower-case PER names (groups in an office's genitive), and its linked organisations by name
    groups: set[Span] = set()
    orgs: set[Span] = set()
    adj_before: dict[int, Mention] = {}  # its country adjectives by the offset one past their end (a space after)
    for m in ments:
        if m.form == "derived":
            derived_at.add(m.span)
            adj_before[m.span[1] + 1] = m
        if m.type == "ORG":
            ends.add(m.span[1])
            if m.form != "derived":
                covered.append(m.span)
            if m.form == "name" and m.entity:
                orgs.add(m.span)
        elif m.type == "PER":
            if m.form != "derived":
                covered.append(m.span)
            if m.form == "name" and text[m.span[0]].islower():
                groups.add(m.span)
    absorbed = -1  # where a people's name read with the demonym before it begins ("Iraqi Kurds")
    for m in ments:
        if m.type == "LOC" and m.span[0] - 1 in ends and text[m.span[0] - 1] == "-":
            continue  # "ОДМВР-Пловдив": the town names which directorate, it is no actor of its own
        if m.span[0] == absorbed:
            continue
        code, country, kind = _entity_code(doc, m.entity)
        if kind in MEDIA_KINDS and (covers(sources, m.span[0]) or (pub and m.entity == pub) or _told_by(
                lex, text, sent[0], m.span[0])):
            # an attributed source ("предаде Ройтерс", "пише британският вестник The Independent"), or the
            # publisher, whose sources are no source of their own ("Според източници на БТА" in BTA), not a participant
            continue
        prep = _word_before(text, sent[0], m.span[0])
        if prep in lex.place_modifiers:  # "in southern Lebanon", "in Western Cambodia": the preposition before
            prep = _word_before(text, sent[0], text.rfind(" ", sent[0], m.span[0] - 1) + 1)
        if kind == "platform" and (prep in lex.platform_preps or _on_platform(lex, text, sent[0], m.span[0])):
            continue  # "коментира във Фейсбук", "wrote on his Truth Social platform": where it was said, no actor
        if m.type == "ORG" and prep in lex.only_place_preps:
            continue  # "сблъсъци край Министерския съвет": a building named by its body is where, no actor
        if m.type in ("PRO", "EVT") and code is None:
            continue  # "санкции срещу „Северен поток 2“": a project, a product or an event is what is acted on or
            # about, no one's actor (it had taken the place of the US as the source of those sanctions)
        if lex.street_words:
            p = m.span[0]
            while p > sent[0] and text[p - 1] in _QUOTE_MARKS:
                p -= 1
            if (prep if p == m.span[0] else _word_before(text, sent[0], p)) in lex.street_words:
                continue  # "на проспекте Руставели", "на бул. „Витоша“": a street named after someone is a place
        is_place = m.type == "LOC" and m.form == "name" and prep in lex.loc_preps and not (
            prep in lex.country_not_place and kind == "country")
        if not is_place and lex.place_heads and (prep in lex.place_heads or prep in lex.of_words) and m.type == "LOC" \
                and m.form == "name":
            is_place = _headed_place(lex, text, sent[0], m.span[0])
        if kind == "city" and m.form == "name" and not is_place and country and _is_capital(m.entity):
            # "Washington said", "Москва отхвърли": a capital acting is its government
            code = _SEAT_OF.get(m.entity or "", country + "GOV")
            country = code[:3]
        if m.type == "PER" and m.form == "name" and kind == "country" and country and len(country) == 3:
            code = country + "CVL"  # "британци", "Пакистанци": a country's people, its civilians
        # "Palestinians", "Ghanaians" (a demonym as a plural noun; not before a capital, where it may open a name,
        # "Americans for Prosperity"): a people, its civilians where acts are done to them (`_actor`)
        people = m.form == "derived" and kind == "country" and len(country or "") == 3 and bool(
            lex.people_endings) and text[m.span[0] : m.span[1]].endswith(lex.people_endings) \
            and not _capital_after(lex, text, m.span[1])
        sector = _sector_of(code)
        if m.form == "derived":
            if not country and not code:
                continue  # "европейски средства": an adjective that names no country is no actor
            sector = None
            people_at = _people_after(lex, text, m.span[1], ments) if kind == "country" and len(
                country or "") == 3 else None
            if people_at is not None:  # "Iraqi Kurds", "Bosnian Serbs": the country's people, its civilians
                absorbed = people_at[0]
                out.append(Cand((m.span[0], people_at[1]), f"{country}CVL", m.entity, country, "CVL", is_place))
                continue
        elif code is None and m.type == "ORG":
            sector = _role_at_start(lex, toks, m.span[0])  # a body the KB does not know, by its role noun
            # ("Окръжният съд в Благоевград"), of the country its adjective names ("Датският парламент")
            if sector is not None:
                country = next((_entity_code(doc, d.entity)[1] for d in ments if d.form == "derived"
                                and m.span[0] <= d.span[0] < m.span[1]), None) or _country_named_last(
                    text[m.span[0] : m.span[1]])  # ("Върховният съд на Пакистан": the tagger's one name)
                code = country + sector if country else None
        elif m.type == "ORG" and code and len(code) == 3 and code == country and kind != "country" and (
                sector := _role_at_start(lex, toks, m.span[0])) is not None and len(sector) == 3:
            code = code + sector  # "the Nigeria Anti-Corruption Commission": a body coded by the country in its name
            # alone, by its role noun (NGAGOV)
        elif m.span[0] in adj_before and m.type == "ORG" and m.form == "name" and code and len(code) >= 6 and country \
                and len(country) == 3 and country not in _NO_STATE and (
                    own := _entity_code(doc, adj_before[m.span[0]].entity)[1]) and len(own) == 3 \
                and own not in _NO_STATE and own != country:
            code, country = own + code[3:6], own  # "French National Assembly": a body of the country its adjective
            # names, whichever country's body of that name the KB linked (the Bulgarian one)
        out.append(Cand(m.span, code if m.form != "derived" else (country or code), m.entity, country, sector,
                        is_place, m.type == "PER", people=people,
                        town=kind == "city" and m.form == "name" and bool(country) and code == country,
                        capital=kind == "city" and m.form == "name" and not is_place and bool(code)
                        and code == _SEAT_OF.get(m.entity or "", (country or "") + "GOV")))
    # country words without a linked entity ("Algerian", "Ivory Coast"): the language pack's fallback list
    starts = _actor_starts(lex, toks, ws)
    out = _country_fallback(lex, toks, out, text, starts)
    if lex.ethnic_words:
        _ethnic_home(lex, text, sent, out)
    # role nouns ("прокуратурата", "journalists") not inside a person/org mention
    last = 0
    for i in starts:
        if i < last:
            continue
        r = _role_at(lex, toks, i)
        if r is None:
            continue
        j, sector = r
        if lex.role_modifiers and j == i + 1 and toks[i][2] in lex.role_modifiers and j < len(toks) and (
                r2 := _role_at(lex, toks, j)) is not None:
            j, sector = r2  # "Tamil civilian refugees": the role noun after the adjective is the head (REF)
        last = j
        if lex.former and sector in _OFFICES and not lex.former.isdisjoint(
                [t[2] for t in toks[max(0, i - 2) : i]]):  # (two words back: "former Yugoslav president")
            sector = "ELI"  # "former president Carlos Menem": CAMEO codes former officials as elites
        span = (toks[i][0], toks[j - 1][1])
        if any(a <= span[0] < b for a, b in covered):
            continue
        if lex.beside and i > 0 and (k := i - 1 - (toks[i - 1][2] in lex.determiners)) >= 0 and toks[k][2] in \
                lex.beside and not (k > 0 and toks[k - 1][2] in lex.determiners):
            continue  # "a hunger strike outside Parliament": a building named by its body is where, no actor (not
            # "an outside lawyer")
        if lex.place_roles and toks[i][2] in lex.place_roles and not lex.prepositions.isdisjoint(
                map(_WORD_OF, toks[max(0, i - 3) : i])):
            continue  # "fighting in a village": where; "retook a village in Cambodia" is its people (CVL)
        # an organisation right before the role ("Red Cross officials", "U.N. officials") is the actor
        # (an international body's with an adjective between, "NATO peacekeeping troops", "U.N. military observers")
        # (loops, no generators, for the actors looked for at each role noun)
        org = None
        for c in out:
            if c.sector and c.entity and (0 <= span[0] - c.span[1] <= 1 or (
                    (c.code or "").startswith("IGO") and _role_adjective(lex, text[c.span[1] : span[0]]))):
                org = c
                break
        if org is not None and lex.portfolios and span[0] - org.span[1] == 1 and text[org.span[0]].isupper() \
                and lower_slice(text, org.span[0], org.span[1]) in lex.portfolios and text[span[0]].isupper():
            # "Serbian Labour Minister Dragan Milovanovic": the ministry's field, no party's office (en)
            out = [c for c in out if c is not org]
            span, org = (org.span[0], span[1]), None
        if org is not None:
            org.span = (org.span[0], span[1])
            if org.code and org.code.startswith("IGO") and len(sector) == 3:
                # an international body's office or staff by their role ("U.N. Secretary-General Kofi Annan",
                # "U.N. Security Council"): IGOGOV, as the PLOVER records code them
                org.code, org.sector = org.code + sector, sector  # (IGOUNO + GOV: the actor's code reads IGOGOV)
            continue
        # ... or right after it in the genitive ("Служители на ГДНП"): one actor (not English "of": PLOVER target 0.566 -> 0.559)
        # with the body's code where the KB knows it ("Служители на ОДМВР": police), else the role's sector; no
        # person's name after it ("председателят на БСП Корнелия Нинова" is her)
        org = None
        for c in out:
            if not c.is_person and c.entity and not c.is_place \
                    and ((c.code is None and c.country is None) or (c.code is not None and c.sector)) \
                    and c.span[0] > span[1] and c.span[0] - span[1] <= 5 \
                    and text[span[1] : c.span[0]].strip().lower() == "на":
                org = c
                break
        if org is not None and not any(m.type == "PER" and 0 <= m.span[0] - org.span[1] <= 40 and not any(
                ch in text[org.span[1] : m.span[0]] for ch in ",.;:") for m in ments):
            org.span = (span[0], org.span[1])
            if org.code is None:
                org.sector = sector
            continue
        # country: a derived/name LOC mention right before ("Руската прокуратура") or after ("на САЩ", "of Iran")
        country = None
        for c in out:
            gap = text[c.span[1] : span[0]]
            if c.country and not c.sector and 0 <= span[0] - c.span[1] <= 3 and gap.strip() in ("", "'s", "’s") and (
                    lex.lang == "en" or c.span in derived_at or gap.strip()):
                # (a country's name before a role noun is its role only in English, "Iran rebels"; in bg/ru it ends
                # the phrase before: "подкрепяните от Иран бунтовници" are the Houthis, not Iran's rebels)
                country, span = c.country, (c.span[0], span[1])
                if len(sector) == 3:  # "Hungarian and Romanian officials": the first country's officials too
                    for c0 in out:
                        if c0 is not c and c0.country and not c0.sector and not c0.is_place \
                                and c0.span[1] < c.span[0] and text[c0.span[1] : c.span[0]].strip().lower() in lex.and_words:
                            c0.sector, c0.code = sector, c0.country + sector
                break
        else:  # ... or a country's adjective one adjective before it ("Сирийските местни власти")
            for c in out:
                gap = text[c.span[1] : span[0]]
                if c.country and not c.sector and c.span in derived_at and _role_adjective(lex, gap):
                    country, span = c.country, (c.span[0], span[1])
                    break
        body = None
        if country is None:
            for c in out:
                if not c.country or not 0 <= c.span[0] - span[1] <= 60:
                    continue  # (what both tests below ask first: the gap is not cut out for the others)
                gap_words = text[span[1] : c.span[0]].lower().split()
                if c.country and not c.sector and ((0 <= c.span[0] - span[1] <= 14 and set(gap_words) <= lex.role_gap) or (
                        lex.place_modifiers and 0 <= c.span[0] - span[1] <= 24
                        and set(gap_words) <= lex.role_gap | lex.place_modifiers)):
                    country = c.country
                    break
                # "министрите на отбраната на страните от НАТО": the office's genitives, then its country or bloc
                if c.country and (not c.sector or c.country == "IGO") and 0 < c.span[0] - span[1] <= 60 and 0 < len(
                        gap_words) <= 6 and gap_words[0] in lex.of_words and gap_words[-1] in lex.of_words and all(
                        w.isalpha() and w.islower() for w in text[span[1] : c.span[0]].split()):
                    country, body = c.country, (c if c.country == "IGO" else None)
                    break
                if sector == "REF" and not lex.flight.isdisjoint(gap_words[:2]) and "," not in text[span[1] : c.span[0]] \
                        and not c.sector and len(c.country) == 3:
                    country = c.country  # "refugees fleeing the civil war in Liberia", "refugees who fled Sudan": the
                    break  # country they flee
        if _addressee(lex, toks, i) or (span[0] < toks[i][0] and _addressee(
                lex, toks, bisect_left(toks, span[0], key=itemgetter(0)))):
            # "сообщил журналистам", "заяви пред (български) журналисти": whom it was told, no actor, nor its adjective
            out = [c for c in out if not (span[0] <= c.span[0] and c.span[1] <= span[1])]
            continue
        out = [c for c in out if not (span[0] <= c.span[0] and c.span[1] <= span[1] and not c.sector)]
        # a role title right before a person ("President Bill Clinton"): one actor, the person's entity
        per = None
        for m in ments:
            if m.type == "PER" and 0 <= m.span[0] - span[1] <= 1:
                per = m
                break
        if per is None:  # the office between ("Кметът на Царево Георги Лапчев", "министърът на финансите Асен Василев")
            for m in ments:  # (by name: "Лидерът на републиканците в Сената
                if m.type == "PER" and m.form == "name" and span[1] < m.span[0] and text[m.span[0]].isupper():
                    per = m
                    break
            # Мич Макконъл" is him; the group the tagger calls PER is the office's genitive)
            gap = text[span[1] : per.span[0]] if per is not None else ""
            if per is None or len(gap) > 40 or any(ch in gap for ch in ",.;:()\"„“”«»") or not _office_words(
                    lex, gap.split()):
                per = None
            else:
                out = [c for c in out if not (span[1] <= c.span[0] and c.span[1] <= per.span[0])]
        entity = None
        if per is not None:
            _, pc, _ = _entity_code(doc, per.entity)
            entity, country, span = per.entity, country or pc, (span[0], per.span[1])
            out = [c for c in out if c.span != per.span]
        if len(sector) > 3:  # a role of one body, its whole code in the pack ("еврокомисар*": IGOEUREEC)
            out.append(Cand(span, sector, entity, sector[:3], _sector_of(sector)))
            continue
        if body is not None and per is None:  # the ministers of a bloc's members act as the bloc
            out.append(Cand((span[0], body.span[1]), body.code, body.entity, "IGO", _sector_of(body.code)))
            continue
        out.append(Cand(span, (country or "") + sector if country else None, entity, country, sector))
    out.sort(key=_SPAN_OF)
    # a group in an office's genitive before its holder's name ("Лидерът на републиканците в Сената Мич
    # Макконъл"): the tagger's PER for a lower-case plural is no actor there, the person after it is
    out = out if not groups else [c for c in out if not (c.span in groups and _word_before(
        text, sent[0], c.span[0]) in lex.of_words and any(m.type == "PER" and m.form == "name" and 0 < m.span[0] - c.span[1]
                                                 <= 40 and text[m.span[0]].isupper() and not any(
            ch in text[c.span[1]:m.span[0]] for ch in ",.;:") for m in ments))]
    # two country adjectives joined by "и" describe one group ("Полски и литовски политици призоваха ЕС"): one
    # actor, of the first country, not a source and its target
    adjs = derived_at
    for k in range(len(out) - 1, 0, -1):
        a, b = out[k - 1], out[k]
        if a.span in adjs and b.span in adjs and text[a.span[1]:b.span[0]].strip().lower() in lex.and_words:
            out[k - 1] = Cand((a.span[0], b.span[1]), a.code, a.entity, a.country, a.sector, a.is_place, a.is_person)
            del out[k]
    # drop candidates nested in a longer one (a derived adjective inside a role mention, for instance)
    keep: list[Cand] = []
    nested = _nested_spans([c.span for c in out]) if len(out) > 1 else set()  # (one span lies in no other)
    for c in out:
        if c.span in nested:
            continue
        if keep and keep[-1].span == c.span:
            continue
        if keep and c.entity and keep[-1].entity == c.entity and not text[keep[-1].span[1] : c.span[0]].strip():
            # the office and its holder's name, each linked to the person ("British Foreign Secretary | Jack
            # Straw"): one actor
            office = keep[-1]
            keep[-1] = Cand((office.span[0], c.span[1]), office.code or c.code, c.entity, office.country or c.country,
                            office.sector or c.sector, office.is_place and c.is_place, office.is_person or c.is_person)
            continue
        if keep and lex.person_of_roles and c.entity and not c.is_place and keep[-1].entity and not keep[-1].is_place \
                and not keep[-1].pronoun and _person_of(lex, text, keep[-1], c, ments):
            # "Trump's campaign manager Kellyanne Conway", "Hillary Clinton campaign spokesman Glen Caplin": the
            # person named first only says whose the second is; one actor, who acts, of the first one's side
            first = keep[-1]
            keep[-1] = Cand((first.span[0], c.span[1]), c.code if c.sector else first.code or c.code, c.entity,
                            c.country or first.country, c.sector or first.sector, is_person=True)
            continue
        if keep and keep[-1].is_person and c.entity and not c.is_person and not c.is_place and c.code \
                and text[keep[-1].span[1] : c.span[0]] in _POSSESSIVE:
            # "Osama bin Laden's al-Qaeda terror network": the body its leader's name qualifies is the actor
            c.span = (keep[-1].span[0], c.span[1])
            keep[-1] = c
            continue
        keep.append(c)
    if lex.head_nouns and len(keep) > 1:
        keep = _heads_of_groups(lex, text, keep)
    return _named_after_adjective(lex, text, keep, adjs, orgs)


def _heads_of_groups(lex: Lexicon, text: str, cands: list[Cand]) -> list[Cand]:
    """A role noun that speaks or acts for a group named right after "of"/"for" ("a spokesman for the Indian army",
    "the leader of the Kurdish rebels", "leaders of the opposition party") is one actor with that group, coded
    as the group (INDMIL, TURREB): the spokesman's default office (GOV) had made the group the target of what he
    said or did. Not a person's group (his office stays his), nor a place ("the leader of Libya" is its government)."""
    out: list[Cand] = []
    k = 0
    while k < len(cands):
        c = cands[k]
        nxt = cands[k + 1] if k + 1 < len(cands) else None
        if nxt is not None and c.sector and not c.entity and not c.is_person and nxt.sector \
                and not nxt.is_person and not nxt.is_place and not nxt.pronoun:
            head = text[c.span[0] : c.span[1]].rsplit(None, 1)[-1].lower()
            gap = text[c.span[1] : nxt.span[0]].split()
            # (after the preposition an article and the group's capitalised words: "of the Kurdish rebels")
            if head in lex.head_nouns and gap and gap[0] in lex.head_of_preps and len(gap) <= 3 \
                    and all(w in lex.head_gap or (w[:1].isupper() and w.isalpha()) for w in gap[1:]):
                group = Cand((c.span[0], nxt.span[1]), nxt.code, nxt.entity, nxt.country, nxt.sector)
                k += 2
                per = cands[k] if k < len(cands) else None
                if per is not None and per.is_person and per.entity and text[group.span[1] : per.span[0]] == ", " \
                        and text[per.span[1] : per.span[1] + 1] == ",":
                    # "The leader of the Kurdish rebels, Abdullah Ocalan, called ...": the holder named between
                    # commas is the same actor (not a second one coordinated with it)
                    country = group.country or per.country
                    group = Cand((group.span[0], per.span[1]), country + (group.sector or "") if country and len(
                        country) == 3 else per.code, per.entity, country, group.sector, is_person=True)
                    k += 1
                out.append(group)
                continue
        if nxt is not None and c.is_person and c.entity and nxt.sector and nxt.code \
                and not nxt.is_person and not nxt.is_place and lex.apposition_gap.fullmatch(text, c.span[1], nxt.span[0]) \
                and text[nxt.span[1] : nxt.span[1] + 1] == ",":
            # "Kofi Annan, the U.N. Secretary-General, urged ...": the office between commas is the person's, one
            # actor with the office's code (IGOGOV, as "U.N. Secretary-General Kofi Annan" reads)
            out.append(Cand((c.span[0], nxt.span[1]), nxt.code, c.entity, nxt.country or c.country, nxt.sector,
                            is_person=True))
            k += 2
            continue
        out.append(c)
        k += 1
    return out


_POSSESSIVE = frozenset({"'s ", "’s "})


#: sectors of an office: one held before ("former president", "ex-minister") is CAMEO's elite (ELI)
_OFFICES = frozenset({"GOV", "LEG", "JUD", "MIL"})


def _person_of(lex: Lexicon, text: str, a: Cand, b: Cand, ments: list[Mention]) -> bool:
    """Whether person ``a`` only qualifies person ``b`` named right after it: between them (past a possessive) only
    words of the pack's ``person_of_modifiers`` and, last, one of its ``person_of_roles`` ("'s campaign manager",
    " campaign spokesman"; the role may open ``b``'s own span). Both are people the tagger names, so "Trump's
    attacks on Clinton" (no role) and "the Justice Department spokesman Brian Fallon" (a body) keep two actors."""
    gap = text[a.span[1] : b.span[0]]
    if gap.startswith(("'s ", "’s ")):
        gap = gap[2:]
    if not gap[:1].isspace():
        return False
    words = gap.split()
    lead = text[b.span[0] : b.span[1]].split(None, 1)[0]
    if lead in lex.person_of_roles:
        words.append(lead)
    if not words or words[-1] not in lex.person_of_roles or not all(
            w in lex.person_of_modifiers or w in lex.person_of_roles for w in words[:-1]):
        return False
    people = {m.entity for m in ments if m.type == "PER" and m.entity}
    return a.entity in people and b.entity in people


def _nested_spans(spans: list[Span]) -> set[Span]:
    """The spans that lie inside another, longer one of ``spans``. In order of start, a span lies inside one that
    starts before it and ends at or after its end (the furthest end of those is kept), or inside one that starts
    with it and ends after it (then the next one in order): one pass, no scan of every span per span."""
    ordered = sorted(set(spans))
    out: set[Span] = set()
    far = run = start = -1  # the furthest end of the spans starting before ``start``, and of those starting at it
    for k, (a, b) in enumerate(ordered):
        if a != start:
            far, run, start = max(far, run), -1, a
        if far >= b or (k + 1 < len(ordered) and ordered[k + 1][0] == a):
            out.add((a, b))
        run = max(run, b)
    return out


def _bare(w: str) -> str:
    """A word without its possessive ending ("quatar's" -> "quatar")."""
    return w[:-2] if w.endswith(("'s", "’s")) else w


def _country_fallback(lex: Lexicon, toks: list[tuple[int, int, str]], out: list[Cand], text: str,
                      starts: list[int] | None = None) -> list[Cand]:
    """Add country words of ``actor_countries.tsv`` that no coded mention covers; they replace uncoded mentions
    inside them ("European" of "European Community")."""
    if not lex.countries:
        return out
    last = 0
    for i in _actor_starts(lex, toks) if starts is None else starts:
        if i < last:
            continue
        hit = None
        for ws, code in lex.countries.get(_bare(toks[i][2]), ()):
            if i + len(ws) <= len(toks) and all(a.match(_bare(toks[i + k][2])) for k, a in enumerate(ws)):
                hit = (i + len(ws), code)
                break
        if hit is None:
            continue
        j, code = hit
        last, end_tok = j, toks[j - 1]
        span = (toks[i][0], end_tok[1] - (len(end_tok[2]) - len(_bare(end_tok[2]))))
        if not any(c.code and c.span[0] <= span[0] and span[1] <= c.span[1] for c in out) and not any(
                c.span[0] < span[1] and span[0] < c.span[1] and c.code and not (
                    span[0] <= c.span[0] and c.span[1] <= span[1]) for c in out):
            out = [c for c in out if not (span[0] <= c.span[0] and c.span[1] <= span[1])]
            out.append(Cand(span, code, None, code, None))
    out.sort(key=_SPAN_OF)
    return out


def _actor_starts(lex: Lexicon, toks: list[tuple[int, int, str]], ws: list[str] | None = None) -> list[int]:
    """Indexes of the tokens where a role noun or a fallback country form can start (``ws``: the tokens' words)."""
    # the memo first, over every word at C speed; a method call only for a word seen for the first time
    hits = list(map(lex._actor_start.get, map(_WORD_OF, toks) if ws is None else ws))
    if None in hits:
        for k in compress(count(), map(_IS_NONE, hits)):  # (only those: picked out at C speed)
            hits[k] = lex.can_start_actor(toks[k][2])
    return list(compress(count(), hits))


def _is_person(doc: Document, c: Cand) -> bool:
    e = doc.entities.get(c.entity or "")
    return c.is_person or (e is not None and e.type == "PER")


def _same(a: Cand, b: Cand) -> bool:
    return (a.entity is not None and a.entity == b.entity) or (a.code is not None and a.code == b.code)


def _foreign(c: Cand, src: Cand) -> bool:
    """Another actor than ``src``, of another country (a module function: a closure made ``src`` a cell variable
    of ``_choose_actors`` and was made at every call)."""
    return not _same(c, src) and c.country is not None and c.country != src.country


def _attribution_cuts(doc: Document, lex: Lexicon, sent: Span, toks: list[tuple[int, int, str]],
                      cues: list[tuple[int, int, int]], limit: int = 14, ws: list[str] | None = None,
                      cands: list[Cand] | None = None) -> tuple[list[int], list[int]]:
    """Commas where an attribution clause begins (", U.N. officials said Tuesday", ", according to ..."): the
    clause right after the comma has a reporting verb among its first words. Returns (trailing: at most ``limit``
    words follow the comma, so the clause closes the sentence; all). Actors there report, they don't take part.
    ``cands``: the sentence's actors, of which one right after a cue is its object (``_cue_takes_object``)."""
    text = doc.text
    trailing: list[int] = []
    every: list[int] = []
    # the commas before the cues the quotes layer read as trailing (``cues``, ``_Shared.trailing``: "..., уточни
    # председателят ... Илия Проданов"): its cue lists are longer than ``reporting``
    for cue, end, who in cues[bisect_left(cues, (sent[0], 0)) : bisect_left(cues, (sent[1], 0))]:
        if lex.cue_objects and 0 <= who < cue and _cue_takes_object(lex, text, toks, cue, cands or []):
            continue  # "In a statement on Monday, the ministry condemned the attack": the sentence's own verb
        if (k := text.find(",", end, cue)) >= 0:
            every.append(k)
            if len(toks) - bisect_right(toks, k, key=_START_OF) <= limit:  # (the tokens after the comma, in order)
                trailing.append(k)
    if not lex.reporting or lex.reporting.isdisjoint(map(_WORD_OF, toks) if ws is None else ws):
        return trailing, every
    k = text.find(",", sent[0], sent[1])
    while k >= 0:
        a = bisect_right(toks, k, key=_START_OF)  # (tokens in order: those after the comma from here on)
        nxt = text.find(",", k + 1, sent[1])
        first = toks[a : min(a + 8, len(toks) if nxt < 0 else bisect_left(toks, nxt, a, key=_START_OF))]
        # (what is reported is a clause: after one word, "Официално, Дамаск обвини САЩ и заяви, ...", the comma ends
        # a sentence adverb, and the clause after it is the sentence's own)
        if a > 1 and not lex.reporting.isdisjoint(map(_WORD_OF, first)):
            every.append(k)
            if len(toks) - a <= limit:
                trailing.append(k)
        k = nxt
    return sorted(set(trailing)), sorted(set(every))


def _cue_takes_object(lex: Lexicon, text: str, toks: list[tuple[int, int, str]], cue: int,
                      cands: list[Cand]) -> bool:
    """The word right after a trailing quote's cue (its subject before it) opens its object: one of the pack's
    ``cue_objects`` ("condemned the attack") or an actor ("accused Iran"). Such a cue is the main verb of a sentence
    that opens with an adverbial ("In a statement on Monday, ...", "Despite the protests, ..."), which the quotes
    layer read as what was said; a real attribution ends its sentence or goes on with when, where or to whom."""
    k = bisect_left(toks, cue, key=_START_OF)
    if k + 1 >= len(toks) or toks[k][0] != cue or text[toks[k][1] : toks[k + 1][0]].strip():
        return False
    nxt = toks[k + 1][0]
    return toks[k + 1][2] in lex.cue_objects or any(c.span[0] == nxt and not c.is_place for c in cands)


def _cut_after(cuts: list[int], pos: int, end: int) -> int:
    """The first attribution comma after ``pos``, else the sentence end."""
    for k in cuts:  # (most often none: a loop, no generator to make)
        if k >= pos:
            return k
    return end


# what a demand or an appeal in a trailing attribution states ("..., настояват депутатите": they demand it, which
# "..., заяви той" does not)
_DEMANDS = frozenset(("02", "10"))


def _trailing_cue(shared: _Shared, at: int) -> bool:
    """Whether a quote the quotes layer read as trailing has its cue at ``at``."""
    k = bisect_left(shared.trailing, (at, -1))
    return k < len(shared.trailing) and shared.trailing[k][0] == at
_QUOTE_MARKS = " „“”\"«»'"  # (and spaces) between a street's word and its quoted name


def _ethnic_home(lex: Lexicon, text: str, sent: Span, out: list[Cand]) -> None:
    """ "ethnic Albanians demonstrated in Serbia": a people named as a minority are civilians of the country the
    sentence places them in (the first country or town named after them that is not their own), as the PLOVER
    records code them (SRBCVL, MKDCVL)."""
    for c in out:
        if not (c.people or (c.country and c.code == c.country + "CVL")) or _word_before(
                text, sent[0], c.span[0]) not in lex.ethnic_words:  # ("Palestinians"; "албанци" is PER, coded CVL)
            continue
        home = next((x.country for x in out if x.span[0] > c.span[1] and x.country and len(x.country) == 3
                     and x.country != c.country and x.sector is None and not x.is_person and x.code == x.country
                     and x.entity), None)
        if home is not None:
            c.country, c.code, c.sector = home, home + "CVL", "CVL"


def _people_after(lex: Lexicon, text: str, pos: int, ments: list[Mention]) -> tuple[int, int] | None:
    """The span of a noun for a people right after a demonym at ``pos`` ("Iraqi [Kurds]", "the Zambian [people]"),
    of the language pack's list; not a longer name's word ("Iraqi Kurds Party")."""
    m = _ONE_WORD.match(text, pos) if lex.people_nouns else None
    if m is None or m.group(1).lower() not in lex.people_nouns:
        return None
    after = _ONE_WORD.match(text, m.end())
    if after is not None and after.group(1)[0].isupper():
        return None
    if any(x.span[0] < m.end() and m.start(1) < x.span[1] and x.form != "derived" for x in ments):
        return None
    return m.start(1), m.end()


_ONE_WORD = re.compile(r" (\w+)\b")


def _capital_after(lex: Lexicon, text: str, pos: int) -> bool:
    """Whether the word after ``pos`` (past spaces and one of the pack's ``people_name_links``, "for", "of") is
    written with a capital."""
    m = lex.people_name_links.match(text, pos)
    return m is not None and m.group(1)[:1].isupper()


def _word_before(text: str, lo: int, pos: int) -> str:
    """The lower-cased word right before ``pos`` (not before ``lo``), "" if none: its preposition, for instance."""
    words = text[max(lo, pos - 16) : pos].rsplit(None, 1)  # (only the last word is cut out and lower-cased)
    return words[-1].lower() if words else ""


def _clause_opens(lex: Lexicon, text: str, sent: Span) -> list[int]:
    """Where the sentence's coordinated clauses open (", а", ", но"), in order: read once per sentence, not per
    cue. A match holds no comma after its first character, so no match starts inside another: every position the
    pattern matches at is listed, and the first one at or after a position is what ``search`` from there finds."""
    if lex.clause_coordinators is None:
        return []
    return [m.start() for m in lex.clause_coordinators.finditer(text, sent[0], sent[1])]


def _relatives(lex: Lexicon, text: str, sent: Span, toks: list[tuple[int, int, str]], ws: list[str] | None = None,
               ) -> list[tuple[int, int, str]]:
    """The sentence's relative pronouns right after a comma (", който"), in order: where a relative clause may open.
    Read once per sentence, not per cue: most sentences have no relative pronoun (one C-level set test says so).
    ``ws``: the tokens' words."""
    rels: list[tuple[int, int, str]] = []
    if ws is None:
        ws = list(map(_WORD_OF, toks))
    if lex.relatives and not lex.relatives.isdisjoint(ws):
        for k in compress(count(), map(lex.relatives.__contains__, ws)):  # (only those: picked out at C speed)
            t = toks[k]
            if text[max(sent[0], t[0] - 2) : t[0]].strip() == ",":
                rels.append(t)
    return rels


def _in_clause(doc: Document, lex: Lexicon, actors: list[Cand], trig: Span, sent: Span,
               toks: list[tuple[int, int, str]], opens: list[int],
               relatives: list[tuple[int, int, str]] | None = None) -> list[Cand]:
    """The actors of the cue's own clause: coordinated clauses (", а", ", но"; ``opens``: ``_clause_opens``) have
    their own, and a relative clause (", който ... ,") has the noun it describes as its subject and ends at its
    closing comma. ``relatives``: the sentence's ``_relatives`` (read here when not given)."""
    # (no opener: the whole sentence is the clause, and every actor starts in it)
    if opens:  # "X блокираха центъра, а студентите ... призоваха": each clause its actors
        k = bisect_left(opens, trig[0])  # (sorted: the last one before the cue, the first one after it)
        lo = opens[k - 1] if k > 0 else sent[0]
        k = bisect_left(opens, trig[1], k)
        hi = opens[k] if k < len(opens) else sent[1]
        # (the subject is shared only if the clause names none: ", но отказа да ...", not ", а представителите
        # на партията подкрепиха ...")
        if lo > sent[0] and (any(lo <= c.span[0] and c.span[1] <= trig[0] for c in actors) or len(
                [w for w in doc.text[lo : trig[0]].split() if w.lower() not in lex.clause_gap]) > 3):
            actors = [c for c in actors if c.span[0] >= lo or c.span[1] > trig[0]]
        elif lo > sent[0] and lex.complementizers:  # "Байдън каза, че падането на Асад е ..., но предупреди, че":
            # the subject goes on, but what the first clause reported is none of this one's actors
            comp = next((t[0] for k, t in enumerate(toks) if t[0] < lo and t[2] in lex.complementizers
                         and k > 0 and toks[k - 1][2] in lex.reporting), None)  # ("каза, че", not "изглежда, че")
            if comp is not None:
                actors = [c for c in actors if not comp < c.span[0] < lo]
        actors = [c for c in actors if c.span[0] < hi]
    # ", който досега блокираше решението, е дал ...": the relative clause ends at its comma
    if relatives is None:
        relatives = _relatives(lex, doc.text, sent, toks)
    if relatives:
        rel = None  # (the last one before the cue)
        for t in reversed(relatives):
            if t[1] <= trig[0]:
                rel = t
                break
        if rel is not None and "," not in doc.text[rel[1] : trig[0]]:
            end = doc.text.find(",", trig[1], sent[1])
            comma = doc.text.rfind(",", sent[0], rel[0])
            # its subject is the noun the clause describes: an actor only if one ends at that comma ("мъж, който
            # нападнал съседа си": no actor; the police of the main clause did not attack), unless another word
            # stands first ("който двамата подписаха") or the verb's number is not the pronoun's ("който подписаха")
            subject = all(t[2] in lex.relative_subject_gap for t in toks if rel[1] <= t[0] and t[1] <= trig[0]) \
                and not (rel[2] in lex.singular_relatives and lex.plural_verb_endings
                         and doc.text[trig[0] : trig[1]].split()[0].lower().endswith(lex.plural_verb_endings))
            actors = [c for c in actors if (not subject or c.span[0] > rel[0] or not doc.text[c.span[1] : comma].strip())
                      and (end < 0 or c.span[0] < end)]
    return actors


_CLAUSE_END = re.compile("[,;:]")


def _under_condition(lex: Lexicon, text: str, toks: list[tuple[int, int, str]], i: int,
                     ws: list[str] | None = None) -> bool:
    """A condition word opens the cue's clause ("Ако Великобритания напусне ЕС, ..."): the act is supposed, not
    reported; the annotators of eval/bggold code 1 of 10 such (stop 44). ``ws``: the tokens' words."""
    if lex.condition_openers.isdisjoint(map(_WORD_OF, toks[max(0, i - 8) : i]) if ws is None else ws[max(0, i - 8) : i]):
        return False  # (no condition word among the words read below: most cues, one C-level set test)
    for k in range(i - 1, max(-1, i - 9), -1):
        if _CLAUSE_END.search(text, toks[k][1], toks[k + 1][0]):
            return False
        if toks[k][2] in lex.condition_openers:
            return True
    return False


#: CAMEO roots of acts that ask for or threaten another act (appeals 02, demands 10, threats 13)
_ASKING_ROOTS = frozenset({"02", "10", "13"})
#: how far after such a cue what it asks for may start (characters)
_ASKED_REACH = 80


def _asked_for(lex: Lexicon, text: str, toks: list[tuple[int, int, str]], found: list[tuple[int, int, Pattern]]
               ) -> list[tuple[int, int, Pattern]]:
    """Leave out the acts a demand, an appeal or a threat asks for: "призоваха да бъде предоставено убежище",
    "подписаха петиция за освобождаването ѝ", "заплашиха да организират протести" state the appeal or the threat,
    not an asylum, a release or a protest. Such an act follows the asking cue in its clause (no comma between), and
    no word of a time or occasion stands right before it ("поиска ... при срещата им" met); on eval/bggold 3 of the
    31 so placed after a request are annotated as events of their own (stop 50)."""
    asking: list[int] = []  # (a loop: most sentences have no asking cue)
    for i, j, p in found:  # ("по искане на Украйна предложи посредничество": on request, the offer is made)
        if p.cameo[:2] in _ASKING_ROOTS and not (i > 0 and toks[i - 1][2] in lex.asked_on):
            asking.append(toks[j - 1][1])
    if not asking:
        return found
    out = []
    for i, j, p in found:
        start = toks[i][0]
        if p.cameo[:2] not in _ASKING_ROOTS and any(
                end <= start < end + _ASKED_REACH and "," not in text[end:start] for end in asking) and \
                lex.circumstance.isdisjoint(map(_WORD_OF, toks[max(0, i - 3) : i])):
            continue
        out.append((i, j, p))
    return out


def _foretold(lex: Lexicon, ws: list[str], j: int) -> bool:
    """Whether the "че" clause at word ``j`` after a warning cue says what is foreseen: no future ("ще") and no
    condition ("ако") in its next ten words ("предупреди, че преговорите са пред провал", not "предупреди, че
    партията ще оттегли подкрепата си" nor "че ако Брюксел не отстъпи"); eval/bggold codes 5 of 23 such warnings
    THREATEN, 14 none."""
    after = ws[j + 1 : j + 11]
    return lex.future.isdisjoint(after) and lex.condition_openers.isdisjoint(after)


def _negated(lex: Lexicon, toks: list[tuple[int, int, str]], i: int, ws: list[str] | None = None) -> bool:
    """A negation in the two words before the cue, or before the verb whose infinitive the cue is ("не може да
    подкрепи", "не успя да одобри", "did not want to sign"), or before the infinitive of a light verb ("няма да
    води преговори"). ``ws``: the tokens' words."""
    if ws is None:
        ws = list(map(_WORD_OF, toks))
    if not lex.negation.isdisjoint(ws[max(0, i - 2) : i]):
        return True
    if i >= 3 and toks[i - 2][2] in lex.infinitive and toks[i - 3][2] in lex.negation:
        return True  # "няма да води преговори": a light verb between the infinitive particle and a noun cue
    if lex.negation_far:  # "без унгарският премиер изрично да го подкрепи": "без ... да" negates its verb
        # (the infinitive particle one or two words before the cue)
        inf = i - 1 if i >= 1 and toks[i - 1][2] in lex.infinitive else i - 2 if i >= 2 and toks[i - 2][2] in lex.infinitive \
            else None
        if inf is not None and any(toks[k][2] in lex.negation_far for k in range(max(0, inf - 5), inf)):
            return True
    return i >= 3 and toks[i - 1][2] in lex.infinitive and not lex.negation.isdisjoint(ws[max(0, i - 4) : i - 2])


def _refused(lex: Lexicon, ws: list[str], i: int, negated: bool) -> bool:
    """Whether a negation stands right before the cue ``ws[i]``, or before its reflexive particle and up to two
    words of ``refusal_between`` ("не се съгласява", "не може да се съгласи", "не би се съгласил": a refusal stated;
    "не може да подкрепи" stays a negated support)."""
    if negated and ws[i - 1] in lex.refusal:
        return True
    if ws[i - 1] not in lex.refusal_reflexive:
        return False
    k = i - 2
    while k >= 0 and i - k <= 4 and ws[k] in lex.refusal_between:
        k -= 1
    return k >= 0 and ws[k] in lex.refusal


def _hypothetical(lex: Lexicon, ws: list[str], i: int) -> bool:
    """Whether a conditional auxiliary stands right before the cue ``ws[i]`` or before its reflexive particle ("би
    преговарял", "би се съгласил"): a hypothetical, which the annotation guide leaves out."""
    k = i - 1 if i > 0 and ws[i - 1] in lex.refusal_reflexive else i
    return k > 0 and ws[k - 1] in lex.hypothetical


def _possible(lex: Lexicon, ws: list[str], i: int, heads: frozenset[str]) -> bool:
    """Whether the cue ``ws[i]`` is the infinitive after one of ``heads``: a modal of ability ("Великобритания може
    да напусне ЕС", "могат да бъдат нападнати": what can happen, which the annotators of eval/bggold leave out, 3 of
    17 such coded), or "и"/"или" of a second infinitive ("призовават хората да се застъпят ... и да подпишат
    петицията", "могат да блокират пътищата и да парализират страната": 0 of 16 coded)."""
    k = i - 1
    while k > 0 and i - k <= 3 and ws[k] in lex.able_between:
        k -= 1
    return k > 0 and ws[k] in lex.infinitive and ws[k - 1] in heads


_AFTER_QUOTE = re.compile(r"[“”\"»']\s*,\s*$")  # a closing quote mark and a comma right before a cue


def _role_adjective(lex: Lexicon, gap: str) -> bool:
    """Whether ``gap`` is one adjective between an actor and its role noun ("NATO peacekeeping troops",
    "Сирийските местни власти"), by the language pack's endings: a verb there keeps them apart ("NATO said troops")."""
    return bool(lex.role_adjective_endings) and _ONE_ADJECTIVE.fullmatch(gap) is not None and gap.strip().lower(
    ).endswith(lex.role_adjective_endings)


_ONE_ADJECTIVE = re.compile(r"\s+[^\W\d_A-ZА-ЯЁ][\w-]*\s+")  # one lower-case adjective between a country and a role
# one or two lower-case words before a named organisation, or its quoted name ("палестинската ислямистка групировка
# „Хамас“")
_QUOTED_GAP = re.compile(r"(?:\s+[^\W\d_A-ZА-ЯЁ][\w-]*){1,2}\s+[\"„“”«»']?")


def _named_after_adjective(lex: Lexicon, text: str, cands: list[Cand], derived: set[Span],
                           orgs: set[Span]) -> list[Cand]:
    """Without the country adjective that describes a named organisation after one or two lower-case words
    ("палестинската ислямистка групировка „Хамас“", "the Lebanese group Hezbollah"; not "Palestinian riots against Israeli
    ..."): the organisation is the actor, and its adjective had been taken for a second one (Palestine as the
    target of an agreement with Hamas). Read after the role nouns took their adjectives ("британските граждани в
    ЕС" is one actor, the EU another)."""
    if not orgs:
        return cands  # (most sentences name no organisation)
    named = [c for c in cands if c.span in orgs and not c.is_place]  # (a role's adjective is its country's)
    if not named:
        return cands
    drop = set()
    for i, c in enumerate(cands):
        if c.span in derived and c.country:
            nxt = next((n for n in named if n.span[0] > c.span[1]), None)
            if nxt is not None and nxt.span[0] - c.span[1] <= 30 and (gap := _QUOTED_GAP.fullmatch(
                    text, c.span[1], nxt.span[0])) and not (lex.and_words | lex.prepositions) & set(gap.group().lower().split()):
                drop.add(i)
    return [c for i, c in enumerate(cands) if i not in drop] if drop else cands


def _not_in_front(lex: Lexicon, text: str, lo: int, cands: list[Cand]) -> list[Cand]:
    """``cands`` without the bodies named as where something happened: "се събраха пред Министерския съвет и
    Народното събрание на ... протест" (the buildings, by their bodies' names)."""
    out, prev = [], None
    for c in cands:
        if c.sector and (_word_before(text, lo, c.span[0]) in lex.in_front_preps or (
                prev is not None and text[prev.span[1] : c.span[0]].strip().lower() in lex.and_words)):
            prev = c
            continue
        prev = None
        out.append(c)
    return out


def _choose_actors(doc: Document, lex: Lexicon, cands: list[Cand], trig: Span, sent: Span,
                   toks: list[tuple[int, int, str]], cuts: list[int], index: HoldIndex, verbal: bool = True, at_place: bool = True,
                   noun: bool = False, reported: bool = True, joint: bool = True,
                   verbs: frozenset[int] = frozenset(), opens: list[int] | None = None,
                   relatives: list[tuple[int, int, str]] | None = None, ws: list[str] | None = None,
                   ) -> tuple[Cand | None, Cand | None]:
    """Source: the first actor before the cue (or the agent of a passive "was arrested by X"); target: the first
    actor after the cue from another country, else a different actor of the same country, else one before.
    Actors of a trailing attribution clause are left out. ``index``: the document's quotes (``_Shared.quotes``);
    ``opens``, ``relatives``: the sentence's ``_clause_opens`` and ``_relatives`` (read here when not given);
    ``ws``: the tokens' words."""
    if ws is None:
        ws = list(map(_WORD_OF, toks))
    if opens is None:
        opens = _clause_opens(lex, doc.text, sent)
    if relatives is None:
        relatives = _relatives(lex, doc.text, sent, toks)
    cut = _cut_after(cuts, trig[1], sent[1])
    # (an actor inside a cue's gap is its object: "поиска от правителството спешна помощ")
    # (loops, not comprehensions, for the lists read at every cue: no function object made for each)
    t0, t1 = trig
    actors: list[Cand] = []
    for c in cands:
        if not c.is_place and c.span[0] < cut and not (
                c.span[0] < t1 and t0 < c.span[1] and not (t0 < c.span[0] and c.span[1] < t1)):
            actors.append(c)
    # the quotes that hold the cue (sorted offsets, built once per document: not a scan of every quote per event)
    holders = list(map(doc.quotes.__getitem__, holding(index, trig[0], trig[1])))
    told = [(q.cue[0], q.span[0]) for q in holders if q.evidence.startswith("quote:according") and q.cue
            and q.cue[0] < q.span[0]] if holders else []
    if told:  # "По данни на регионалните власти ... отломки от свален дрон", "Според „Politico“, което се позовава
        # на трима европейски дипломати, ...": who tells, and whom they cite, are no participants
        actors = [c for c in actors if not any(a <= c.span[0] and c.span[1] <= b for a, b in told)]
    if opens or relatives:  # (else it keeps them all)
        actors = _in_clause(doc, lex, actors, trig, sent, toks, opens, relatives)
    objects: list[Cand] = []  # ("ще й забрани": her, before the cue)
    subjects: list[Cand] = []  # (the others)
    before: list[Cand] = []
    for c in actors:
        if c.objective and c.span[1] <= t0:
            objects.append(c)
        else:
            subjects.append(c)
            if c.span[1] <= t0:
                before.append(c)
    if before:  # (none: nothing to join or drop)
        before = _appositions(lex, doc.text, _not_in_front(lex, doc.text, sent[0], before))
    after: list[Cand] = []
    for c in subjects:
        if c.span[0] > t0:
            after.append(c)
    if verbs:  # "осъди атаката и призова българските граждани да ...": the next verb's object is not this cue's
        ti1 = bisect_left(toks, (trig[1],))
        # (not after a preposition: "established ties with and opened an embassy in Tehran" shares its object)
        # (only the "и"/"and" tokens are visited: picked out at C speed)
        stop = None
        for k in compress(count(ti1), map(lex.and_words.__contains__, ws[ti1:])):
            if k + 1 < len(toks) and (toks[k + 1][0] in verbs or (
                    len(toks[k + 1][2]) <= 3 and k + 2 < len(toks) and toks[k + 2][0] in verbs)) \
                    and toks[k - 1][2] not in lex.prepositions:
                stop = toks[k][0]
                break
        if stop is not None:
            after = [c for c in after if c.span[0] < stop]
    if lex.time_clauses and after:  # "shortened the curfew imposed in Sudan after a June 30 coup toppled the
        # civilian government": the government is the coup's target, not the cue's
        ti1 = bisect_left(toks, (trig[1],))
        for k in compress(count(ti1), map(lex.time_clauses.__contains__, ws[ti1:])):
            if any(w.endswith("ed") and ws[m - 1] not in lex.determiners and ws[m - 1] not in lex.prepositions
                   for m, w in enumerate(ws[k + 2 : k + 7], k + 2)) or (
                    lex.gerund_ending and k + 1 < len(ws) and ws[k + 1].endswith(lex.gerund_ending)
                    and ws[k + 1] not in lex.gerund_not):
                # (or a gerund right after: "demanded a truce ... before allowing U.N. aid convoys")
                after = [c for c in after if c.span[0] < toks[k][0]]
                break
    inside = None
    for q in holders:
        if q.direct:
            inside = q.span
            break
    if inside is not None:  # "„Врагът ... атакува ...“, написа в Телеграм губернаторът": no target past the quote
        after = [c for c in after if c.span[1] <= inside[1]]
    ti = bisect_left(toks, trig[0], key=_START_OF)  # (tokens in order of start: the cue's first, the one after it)
    if ti == len(toks):
        ti = 0
    k = bisect_left(toks, trig[1], ti, key=_START_OF)
    nxt = toks[k][2] if k < len(toks) else ""
    # (a noun phrase is never passive: "е образувала досъдебно производство" ends in "-но" like a participle)
    last = doc.text[trig[0] : trig[1]].split()[-1].lower()
    passive = (verbal and ti < len(toks) and nxt not in lex.infinitive and last not in lex.infinitive  # ("is committed to
               and ((not lex.passive.isdisjoint(ws[max(0, ti - 2) : ti])  # opening")
                     and toks[ti][2].endswith(lex.participle))
                    # a cue that holds its auxiliary ("да бъде освободена", generated from the verb's participle)
                    or (toks[ti][2] in lex.passive and trig[1] - trig[0] > len(toks[ti][2])
                        and last.endswith(lex.participle))
                    # "came under attack by rebels", "was put under investigation": the subject undergoes it (en)
                    or (ti > 0 and ws[ti - 1] in lex.under_passive and " " not in doc.text[trig[0] : trig[1]])))
    # "фирми от Китай, Индия и Иран, обвинени, че доставят ...": a participle after a comma describes the noun
    # before it, which it was done to (bg/ru; English has its own reduced-relative rule in _matches)
    reduced = (not passive and verbal and lex.reduced_participle and 0 < ti < len(toks) and before
               and "," in doc.text[toks[ti - 1][1] : trig[0]] and toks[ti][2].endswith(lex.reduced_participle)
               and nxt not in lex.infinitive)
    # "тя е била арестувана и обвинена от местен съд", "ученичките, отвлечени от Боко Харам": a participle with no
    # auxiliary of its own, "от" right after it, is a passive too where an actor (no place: "изгонени от Сирия"
    # is where from) follows "от"
    bare = (not passive and not reduced and verbal and lex.reduced_participle and ti < len(toks)
            and toks[ti][2].endswith(lex.reduced_participle) and nxt in lex.passive_by)
    agent = None
    if passive or reduced or bare:
        # (a country after "от" is the agent, not where from: "войски, подкрепяни от Русия")
        by = after + [c for c in cands if c.is_place and trig[1] <= c.span[0] < cut and _is_country(c.entity)]
        agent = next((c for c in by if _word_before(doc.text, 0, c.span[0]) in lex.passive_by
                      and c.span[0] - trig[1] < 60), None) or next((
            c for c in after if c.span[0] - trig[1] < 60 and _by_adjectives(lex, lower_slice(doc.text, trig[1], c.span[0]))), None) or next((
            c for c in after if c.span[0] - trig[1] < 80 and lex.passive_agent_phrases
            and lower_slice(doc.text, max(trig[1], c.span[0] - 24), c.span[0]).rstrip().endswith(
                lex.passive_agent_phrases)), None)
    if bare:
        if agent is not None and agent.is_place:
            agent = None
        passive = agent is not None
    if reduced:  # "Премиерът, подкрепян от финансовия министър, ...": the agent, if any, did it to the noun
        return agent, before[-1]
    if before and (lex.complementizers or lex.said_clause) and not agent and reported:
        # "Премиерът заяви, че Русия е нападнала Украйна": the reported clause's own subject acts, not the speaker
        # (a demand stays the speaker's: "X заяви, че Y трябва да ..."); in English the clause may follow the
        # reporting verb itself ("Police said rebels had attacked a village": the rebels attack)
        # (the complementizers' tokens are picked out at C speed)
        comp: list[int] = []
        first_end = before[0].span[1]
        for k in compress(count(), map(lex.clause_openers.__contains__, ws[:ti])):
            if toks[k][0] >= first_end:
                comp.append(toks[k][0])
        inner: list[Cand] = []
        if comp:
            for c in before:
                if c.span[0] > comp[-1]:
                    inner.append(c)
        if inner and lex.said_clause and _speaker_acts(doc.text, lex, before, inner, trig, comp[-1], verbs):
            pass  # (the speaker's actors stay)
        elif inner and _word_before(doc.text, comp[-1], inner[0].span[0]) not in lex.prepositions:
            # (a subject: "че страната ни ще предостави на Украйна" has none)
            before = inner  # (and who spoke is no target of it either)
        elif comp and passive and agent is None:
            before = []  # "Полицията съобщи, че 22 души са били задържани": who reports is not who was detained
        elif comp and lex.object_control:
            # "Курти обвини Белград, че подкрепя терористи": with no subject of its own, the clause's is the
            # accused, the object of the verb before "че"
            verb = next((t for t in reversed(toks[:ti]) if t[0] < comp[-1] and t[2] in lex.object_control), None)
            obj = [c for c in before if verb is not None and verb[1] <= c.span[0] and c.span[1] <= comp[-1]]
            if obj:
                before = obj[:1]
    if lex.own_role_possessives and not agent and len(before) >= 2:
        before = _own_forces(doc.text, lex, before, sent[0])
    src = agent or (before[0] if before else None)
    if noun and src is not None and lex.causatives and src.span[1] <= trig[0] and not lex.causatives.isdisjoint(
            ws[bisect_left(toks, src.span[1], key=_START_OF) : ti]):
        src = None  # "Решението на съда предизвика протести": the court caused them, the protesters protest
    if after and not agent and lex.agent_genitive and last in \
            lex.agent_genitive and doc.text[trig[1] : after[0].span[0]].strip().lower() in lex.agent_genitive_preps:
        # "Украйна и Русия размениха пленници при посредничеството на ОАЕ": the genitive mediates, the subject is
        # whom it acts for
        src, after = after[0], after[1:]
    own_gen = next((c for c in after if noun and lex.country_not_place and c.span[1] <= t1 and _genitive_gap(
        lex, lower_slice(doc.text, t0, c.span[0]).split(None, 1)[-1])), None) if after and after[0].span[0] < t1 else None
    if own_gen is None and after and lex.on_behalf_preps and ti > 0 and (ws[ti - 1] in lex.on_behalf_preps or (
            ti > 1 and ws[ti - 2] in lex.on_behalf_preps and ws[ti - 1].endswith(lex.on_behalf_modifiers))) \
            and _genitive_gap(lex, lower_slice(doc.text, trig[1], after[0].span[0])):
        own_gen = after[0]  # "по изрично настояване на Ким", "по покана на премиера": at whose demand, whose act
    if own_gen is not None:
        # "след удара на САЩ по Сирия", "операцията на руската армия": a genitive the noun cue itself holds
        # names whose act it is, whatever subject the clause has
        src, after = own_gen, [c for c in after if c is not own_gen]
    elif src is None and noun and after and lex.country_not_place and _genitive_gap(
            lex, lower_slice(doc.text, trig[1], after[0].span[0])):
        # "Заплахата от вето на Ирландия", "протестът на фермерите", "протести на гневни тълпи": with no subject
        # before it, the genitive right after a noun cue is whose act it is
        src, after = after[0], after[1:]
    elif src is None and noun and after and lex.noun_agent_phrases and _agent_after(
            lower_slice(doc.text, trig[0], after[0].span[0]), lex.noun_agent_phrases):
        # "санкции от страна на САЩ", "Заплахите от страна на Русия" (the phrase in the cue): who acts, named after
        # the noun
        src, after = after[0], after[1:]
    if passive and agent is None and after and len(doc.text[trig[1] : after[0].span[0]].split()) <= 1:
        # "където вчера бе убит косовски полицай": the subject right after the participle is the target
        return None, after[0]
    if passive and agent is None and before:
        # "X was arrested in Y": the subject is the target, the source unknown
        return None, before[0]
    if src is not None and src.span[1] <= trig[0]:
        # an apposition right after the subject ("Pakistan, a key U.S. ally, has refused") describes it
        gap = doc.text[src.span[1] : trig[0]]
        if gap.lstrip().startswith(",") and gap.count(",") >= 2:
            a0 = src.span[1] + gap.index(",")
            a1 = src.span[1] + gap.rindex(",")
            office = next((c for c in before if a0 < c.span[0] < a1 and c.code and c.sector), None)
            if src.code is None and src.is_person and office is not None:
                # "Фил Хоган, ирландският еврокомисар в Брюксел, ще предупреди": a person the KB lacks holds it
                src = Cand(src.span, office.code, src.entity, office.country, office.sector, is_person=True)
            before = [c for c in before if not (a0 < c.span[0] < a1)]
    lead = toks[:ti]  # the words before the cue
    if after and lead and lead[-1][2] in lex.inverted_before and not any(c.span[1] <= trig[0] and c.span[0] >= lead[-1][0]
                                                                        for c in before):
        # "..., както настоява Москва": the subject of a "както" clause follows its verb
        return after[0], None
    if src is None and after and ((lead and all(w in lex.inverted_openers for _, _, w in lead))
                                  or (ti < len(toks) and toks[ti][2] in lex.prepositions and trig[1] - trig[0] > len(
                                      toks[ti][2]))):
        # "Това поиска председателят на Европейската комисия Жан-Клод Юнкер", "Срещу проекта се обявяват някои
        # страни": the subject follows the verb (a cue that opens with its object's preposition)
        src, after = after[0], after[1:]
    elif src is None and after and _AFTER_QUOTE.search(doc.text, max(sent[0], trig[0] - 6), trig[0]):
        # "„Ситуацията остава изключително нестабилна“, предупреди Гроси": the speaker after the quote (he had been
        # the target of his own warning)
        src, after = after[0], after[1:]
    if src is not None and src.span[1] <= trig[0]:
        # the source's own phrase names no target: "Върховният комисар на ООН за бежанците ... призова", "„Грийнпийс
        # – България“ разкритикува"
        own: list[Cand] = []
        for c in before:
            if c is src or c.pronoun or not (src.span[1] <= c.span[0] and _in_phrase(lex, doc.text, src.span[1], c.span[0])):
                if lex.in_place and c.capital and src.span[1] <= c.span[0] and "," not in doc.text[src.span[1] : c.span[0]] \
                        and not lex.in_place.isdisjoint(lower_slice(doc.text, max(src.span[1], c.span[0] - 30),
                                                                    c.span[0]).split()[-3:]):
                    continue  # "A newspaper based in Christian east Beirut has violated a ban by General Michel
                    # Aoun": the capital is where the subject is, no target (as a capital the cue acts on is)
                own.append(c)
        before = own
    rest = objects[:]
    if agent is not None and lex.passive_subject_first:
        # "Iraqi soldiers were attacked by insurgents near Mosul": the passive's subject is whom the agent acts on,
        # before a town named after the agent (en)
        rest.extend(before)
    for c in after:
        if c is not src:
            rest.append(c)
    for c in before:
        if c is not src and not (agent is not None and lex.passive_subject_first):
            rest.append(c)
    if lex.counted_roles and rest:  # people counted act ("Около 1000 души блокираха"); as objects they are too
        # often another clause's or the count of the dead (stop 81: more wrong targets than right on the corpora)
        rest = [c for c in rest if not (c.entity is None and c.sector == "CVL" and lower_slice(
            doc.text, c.span[0], c.span[1]) in lex.counted_roles)]
    if lex.source_only_roles and rest:  # "протести на ислямисти", "заплахи от радикални ислямисти": a group noun
        # after its noun cue is its agent far more often than whom it is done to (stop 82)
        rest = [c for c in rest if not (c.entity is None and lower_slice(
            doc.text, c.span[0], c.span[1]) in lex.source_only_roles)]
    if src is None:
        return None, rest[0] if rest else None

    # "Украйна и Русия размениха ... с посредничеството на ОАЕ": the partner of a coordinated subject acts with it
    tail = src.span[1]  # (past the source's own name after its office: "Сръбският президент Александър Вучич и")
    for c in cands:  # (in text order)
        if c is not src and c.span[0] >= tail and _same(c, src) and not doc.text[tail : c.span[0]].strip():
            tail = c.span[1]
    partner = None
    for c in before:
        if c is not src and tail < c.span[0] and doc.text[tail : c.span[0]].strip().lower() in lex.and_words:
            partner = c
            break
    if partner is not None and joint and _foreign(partner, src):
        return src, partner
    if partner is not None and not joint:  # an act of each alone: "Унгария и Полша блокираха бюджета" has no target
        rest = [c for c in rest if c is not partner]  # in Poland

    # of the same country: another sector, or a body named by its noun beside a known person ("Радев
    # разкритикува правителството": both GOV, two actors)
    # (loops, no generators: read at every cue)
    tgt = None
    if lex.object_gap and verbal and not passive and after and _object(doc.text, lex, trig, after[0], src):
        tgt = after[0]  # "ordered former president Carlos Menem to appear ... arms sales to Croatia": the object
    for c in rest:
        if tgt is not None:
            break
        if _foreign(c, src):
            tgt = c
            break
    if tgt is None:
        for c in rest:
            if not _same(c, src) and (((c.sector or src.sector) and c.sector != src.sector)
                                      or (c.entity is None and c.sector and src.entity is not None)):
                tgt = c
                break
    if tgt is None:
        for c in rest:  # "Борисов критикува Радев": two known actors, one code
            if c.entity is not None and src.entity is not None and c.entity != src.entity and _is_person(doc, src):
                tgt = c
                break
    if tgt is None:
        # no actor left: the place acted on ("would blockade Paris", "tanks fired on Jericho")
        # (with ``at_place`` False, not one after "в": "обсъдиха днес в Брюксел помощта" happened there)
        # (in the cue's own clause: not "..., докато Израел продължава атаките си")
        k = bisect_left(opens, trig[1])  # (where ``search`` from the cue's end would find one: _clause_opens)
        cut = min(cut, opens[k]) if k < len(opens) else cut
        tgt = next((c for c in cands if c.is_place and c.span[0] >= trig[1] and c.span[0] < cut
                    and c.span != src.span and (at_place or _word_before(doc.text, sent[0], c.span[0])
                                                not in lex.where_preps)), None)
    return src, tgt


def _genitive_gap(lex: Lexicon, gap: str) -> bool:
    """Whether the text between a noun cue and an actor (lower-cased) is the genitive's preposition alone or with
    two adjectives at most before the actor's noun ("протести на гневни тълпи", "протести на недоволни
    мюсюлмани"): the role noun's own adjectives are not part of its candidate span."""
    ws = gap.split()
    if not ws or ws[0] not in lex.country_not_place:
        return False
    return len(ws) <= 3 and all(w.isalpha() and w.endswith(lex.role_adjective_endings) for w in ws[1:])


def _by_adjectives(lex: Lexicon, gap: str) -> bool:
    """Whether the text between a passive cue and a role noun (lower-cased) ends in the agent's preposition and one
    or two adjectives ("оправдана от Върховния съд": the role noun's candidate is "съд" alone)."""
    ws = gap.split()
    for k in (len(ws) - 2, len(ws) - 3):
        if k >= 0 and ws[k] in lex.passive_by:
            return all(w.isalpha() and w.endswith(lex.role_adjective_endings) for w in ws[k + 1 :])
    return False


def _agent_after(span: str, phrases: tuple[str, ...]) -> bool:
    """Whether a noun cue's text up to an actor (lower-cased) ends in one of the pack's ``noun_agent_phrases``, two
    adjectives at most between ("протести от страна на радикални"), no comma."""
    for p in phrases:
        k = span.rfind(p)
        if k >= 0 and "," not in span[k:] and len(span[k + len(p) :].split()) <= 2:
            return True
    return False


def _headed_place(lex: Lexicon, text: str, lo: int, start: int) -> bool:
    """A place named after its head noun ("capital", "city") in a phrase a place's preposition opens, a few words
    back: "rioted at a jail in East Timor's capital Dili", "in the northern city of Kirkuk" - where it happened, no
    actor (as after the bare "in"); "shelled the capital Sarajevo" stays the capital acted on."""
    ws = lower_slice(text, max(lo, start - 60), start).split()
    if ws and ws[-1] in lex.of_words:
        ws.pop()
    if not ws or ws[-1] not in lex.place_heads:
        return False
    for w in reversed(ws[-5:-1]):  # (the head noun itself left out)
        if w in lex.loc_preps or w in lex.beside:  # ("a bombing near the town of Samarra": where, as after "in")
            return True
        if w.endswith(",") or w in lex.reporting or w in lex.and_words:
            return False
    return False


def _own_forces(text: str, lex: Lexicon, before: list[Cand], lo: int) -> list[Cand]:
    """"Bosnian Serbs said on Tuesday their forces had completed their withdrawal": the speaker's own role noun (a
    possessive before it, a reporting word between) right before the cue is who acts, of the speaker's country
    (BIHMIL); the speaker is no actor of the reported act. Else ``before`` unchanged."""
    own, first = before[-1], before[0]
    if own.entity is not None or not own.sector or not first.country or own.is_place \
            or _word_before(text, lo, own.span[0]) not in lex.own_role_possessives \
            or lex.reporting.isdisjoint(w.strip(",") for w in lower_slice(text, first.span[1], own.span[0]).split()):
        return before
    return [Cand(own.span, first.country + own.sector, None, first.country, own.sector)]


def _object(text: str, lex: Lexicon, trig: Span, c: Cand, src: Cand) -> bool:
    """Whether ``c`` is the direct object of the verb cue ``trig``: a named actor (an entity, not a role noun: "its
    troops", "military aid" are the subject's own) other than the source, right after the verb but for the words of
    ``object_gap`` ("the", "former"), and the whole noun phrase (not the "Europe" of "the Europe Bridge")."""
    if c is src or not c.entity or _same(c, src) or not all(
            w in lex.object_gap for w in text[trig[1] : c.span[0]].lower().split()):
        return False
    m = _NEXT_CHAR.match(text, c.span[1])
    return m is None or not m.group(1).isupper()


_NEXT_CHAR = re.compile(r"\s*(\w)")
_QUOTE_MARKS = " \"„“”«»'"  # stripped from the gap between two actors: a quoted name's marks part nothing


def _in_phrase(lex: Lexicon, text: str, a: int, b: int) -> bool:
    """Whether the actor at ``b`` continues the phrase ending at ``a``: only a dash or a genitive between them
    ("ООН за бежанците", "„Грийнпийс – България“"), no comma, no other word."""
    gap = text[a:b].strip(_QUOTE_MARKS)
    return not gap or gap in "-–—" or gap.lower() in lex.phrase_links


def _names_again(lex: Lexicon, p: Pattern, toks: list[tuple[int, int, str]], i: int, j: int) -> bool:
    """Whether the cue ``toks[i:j]`` names an act by a word that refers back: a noun with the article (any noun in
    a language without one; the article goes on a phrase's first word: "ответните мита", not "ответни мита"), a verb
    cue's noun ("задържането"), or its participle describing a noun with no auxiliary before it ("Договорът,
    подписан ...")."""
    if not p.verbal:  # (str.endswith of no endings is False: a language without them names nothing again)
        return toks[i][2].endswith(lex.definite_endings)
    last = toks[j - 1][2]
    return last.endswith(lex.verbal_noun_endings) or (
        (last.endswith(lex.participle_repeat_endings) or toks[i][2].endswith(lex.participle_repeat_endings))
        and lex.passive.isdisjoint(map(_WORD_OF, toks[max(0, i - 2) : i])))  # ("постигнатото споразумение")


def _office_words(lex: Lexicon, gap: list[str]) -> bool:
    """Whether the words between a role noun and a name complete the office ("на финансите", "й"): none, or
    beginning with its genitive or a clitic, and not ending in one ("говорител на Мей" is not May). Russian
    names the office by a bare genitive ("министр иностранных дел", "пресс-секретарь президента"): up to
    three words."""
    if not gap:
        return True
    if lex.lang == "ru" and len(gap) <= 3 and gap[-1].lower() not in lex.of_words:
        return True
    return gap[0].lower() in lex.office_start and gap[-1].lower() not in lex.of_words


_TITLE_GAP = re.compile(r"(?:[^\W\d_][\w-]{0,4}\.\s*)*")  # abbreviated titles only: "ген.", "доц.", "д-р"
_APPOSITION_GAP = re.compile(r"(?:\s+[^\W\d_A-ZА-ЯЁ][\w-]*){0,5}\s+")


def _appositions(lex: Lexicon, text: str, before: list[Cand]) -> list[Cand]:
    """Actors before a cue that are one: a country word and the office or person after it ("British Foreign
    Secretary Jack Straw"), and a role noun and the name after it ("Министърът на здравеопазването Костадин
    Ангелов подписа", "Президентът Румен Радев") when only the office's lower-case words stand between."""
    out: list[Cand] = []
    for c in before:
        prev = out[-1] if out else None
        if c.pronoun or (prev is not None and prev.pronoun):
            out.append(c)
            continue
        if (prev is not None and not prev.sector and not prev.is_person and prev.country and _is_country(prev.entity)
                and (c.is_person or c.sector) and c.country in (None, prev.country)
                and lex.possessive_gap.fullmatch(text, prev.span[1], c.span[0])):
            # "British Foreign Secretary Jack Straw", "Taiwan's Vice Foreign Minister": the country word
            # says whose the person or office is (up to three title words between); one actor
            sector = c.sector or _sector_of(c.code)
            out[-1] = Cand((prev.span[0], c.span[1]), prev.country + sector if sector else c.code or prev.code,
                           c.entity, prev.country, sector, is_person=c.is_person)
            continue
        if (prev is not None and prev.entity is not None and not prev.is_person and c.is_person and c.entity
                and _TITLE_GAP.fullmatch(text[prev.span[1] : c.span[0]].strip(_QUOTE_MARKS))
                # (a quoted name: "на „ПП“ Асен Василев"; a title: "на ... щаб ген. Венцислав Мутафчийски")
                and re.findall(r"\w+", text[max(0, prev.span[0] - 6) : prev.span[0]].lower())[-1:] in (["на"], ["of"])):
            # "Лидерът на ГЕРБ Бойко Борисов": the body names the office of the person after it; one actor
            # (an international body's office is coded as the body: "главният преговарящ на ЕС Мишел Барние")
            igo = bool(prev.code and prev.code.startswith("IGO"))
            out[-1] = Cand((prev.span[0], c.span[1]), prev.code if igo else c.code or prev.country, c.entity,
                           prev.country if igo else c.country or prev.country, prev.sector if igo else c.sector,
                           is_person=True)
            continue
        if (prev is not None and prev.entity is None and not prev.is_person and prev.sector and c.is_person
                and _APPOSITION_GAP.fullmatch(text, prev.span[1], c.span[0])
                and _office_words(lex, text[prev.span[1] : c.span[0]].split())):
            country = c.country or prev.country
            # the office the text gives is the one held then (an undated text's foreign minister Захариева is
            # no EU commissioner)
            code = country + prev.sector if country and len(country) == 3 and prev.sector else c.code
            out[-1] = Cand((prev.span[0], c.span[1]), code, c.entity, country, prev.sector, is_person=True)
            continue
        out.append(c)
    return out


def _kind(c: Cand) -> object:
    """An actor's kind for a list of actors (``_coordinated``): countries are one kind, named as a place or not."""
    return "country" if _is_country(c.entity) else c.is_place


def _coordinated(lex: Lexicon, text: str, cands: list[Cand], first: Cand, limit: int,
                 ordered: list[Cand] | None = None) -> list[Cand]:
    """The other actors of the list ``first`` is in ("X, Y и Z"), up to ``limit``, each of another code and of its
    kind (countries count as one kind, named as a place or not: "поиска помощ от САЩ, Великобритания и Канада"):
    the rest of a coordinated subject or object. ``ordered``: ``cands`` sorted by span (sorted here when not
    given; a sentence's events share one sorted copy)."""
    if len(cands) < 2:  # (no other actor to list)
        return []
    if ordered is None:
        ordered = sorted(cands, key=_SPAN_OF)
    k = -1  # (a loop, no generator: asked twice per event)
    for n, c in enumerate(ordered):
        if c.span == first.span:
            k = n
            break
    if k < 0:
        return []
    out: list[Cand] = []
    codes = {first.code}
    start = first.span[0]
    kind = _kind(first)  # (read once, not per member)
    for c in reversed(ordered[:k]):  # (the list's earlier members: "от САЩ, Великобритания" before the target)
        if c.span[1] > start or text[c.span[1] : start].strip() != "," or _kind(c) != kind:
            break
        if c.code and c.code not in codes:
            out.insert(0, c)
            codes.add(c.code)
        start = c.span[0]
    end = first.span[1]
    for c in ordered[k + 1 :]:
        if c.span[0] < end:
            continue
        if c.span[1] > limit:
            break
        gap = text[end : c.span[0]].strip().lower()
        if not gap and not out:  # the same actor named again ("премиерът Борисов")
            end = c.span[1]
            continue
        if gap not in lex.list_gap or _kind(c) != kind or not c.code or c.code in codes:
            break
        out.append(c)
        codes.add(c.code)
        end = c.span[1]
    return out


def _person_countries(doc: Document, ments: list[Mention]) -> dict[str, str]:
    """The country of each person the KB does not know, where the text names it by a country word right before the
    name ("пакистанката Асия Биби", "the Pakistani Christian Asia Bibi"; one lower-case word may stand between)."""
    out: dict[str, str] = {}
    for a, b in pairwise(ments):
        if b.type != "PER" or b.form != "name" or not b.entity or b.entity in out or _entity_code(doc, b.entity)[0]:
            continue
        _code, country, kind = _entity_code(doc, a.entity)
        demonym = a.form == "derived" or (kind == "country" and a.type == "PER")  # "пакистанската", "пакистанката"
        if not country or len(country) != 3 or not demonym:
            continue  # (a country's name before a person is where: "в Пакистан Асия Биби")
        gap = doc.text[a.span[1] : b.span[0]].split()
        if len(gap) <= 1 and all(w.isalpha() and w.islower() for w in gap):
            out[b.entity] = country
    return out


_SENTENCE_END = frozenset(".!?;:…")


def _word_sector(lex: Lexicon, w: str) -> str | None:
    """The sector a word before or after a person's name gives the person: a one-word role noun's (actors.tsv:
    "християнката" CVL, "адвоката" JUD), "" for one of the pack's ``public_titles`` (an office or a rank
    actors.tsv has no sector for: "губернаторът", "принц"), else None."""
    if w in lex.public_titles or w.startswith(lex.public_title_stems):
        return ""
    for alts, sector in lex.roles_for(w):
        if len(alts) == 1 and alts[0].match(w) and sector != STOP:
            return sector
    return None


def _private_people(doc: Document, lex: Lexicon) -> tuple[set[str], dict[str, tuple[str, set[str]]]]:
    """The persons of a document the KB does not know whom the text names as private persons and never with an
    office: a civilian's noun, a demonym or an age right before a name ("християнката Асия Биби", "пакистанката
    Асия Биби", "пророчицата Ванга", "46-годишната Асия Биби"), or the noun of the apposition or of the copula after
    it ("Азия Биби, пакистанската християнка", "Азия Биби е първата жена"); an office
    or a rank there anywhere ("губернаторът Салман Тасир", "Губернаторът на Пенджаб Салман Тасир", "Салман Тасир,
    губернатор на ...") makes the person no private one in any sentence. Also each such person's office sector
    where the text names one office noun of actors.tsv beside the name ("министърът за Брекзит Дейвид Дейвис",
    "милиардерът Джордж Сорос"), with the last words of the names it was named by: the name alone in another
    sentence ("Дейвис заяви") holds that office too, another the entity joins does not ("пророк Мохамед" is no
    spokesman "Мухамад Файсал"). A person the text names in full ("Светлин Русев", "Нешка Робева") with no office
    anywhere is a private one too, unless the last word of the name is a surname of the KB's people ("Борисов",
    "Людмила Живкова" of "Тодор Живков": a public person the linker missed, or kin) or a regnal number; a name of one
    word with no such noun may be a group or a thing the tagger took for a person ("Евродепутатите", "Марс")."""
    text = doc.text
    civil: set[str] = set()
    public: set[str] = set()
    named: set[str] = set()  # (named in full, by two capitalised words or more)
    known: set[str] = set()  # (by a name ending in a KB surname)
    surnames = lex.kb_surnames
    offices: dict[str, dict[str, set[str]]] = {}
    prev: Mention | None = None
    for m in sorted(doc.mentions, key=_SPAN_OF):
        before, prev = prev, m
        if m.type != "PER" or m.form != "name" or not m.entity or m.entity in public or _entity_code(doc, m.entity)[0]:
            continue
        name = text[m.span[0] : m.span[1]].split()
        fem = lex.feminine_surname_ending
        if name[-1] in surnames or (fem and name[-1].endswith(fem) and name[-1][: -len(fem)] in surnames) or (
                _ROMAN.fullmatch(name[-1])):
            known.add(m.entity)  # (a regnal number: a monarch's or a pope's name, "Бенедикт ХVІ")
        elif len(name) > 1 and all(w[:1].isupper() for w in name):
            named.add(m.entity)
        seg = text[max(0, m.span[0] - 60) : m.span[0]]
        ws = seg.split()[-3:]
        near = ws[-1:]  # (not two: "адвоката на Биби" is her lawyer)
        # an office right after "на" or right before it is another's or a body's, whose sector the noun does not
        # tell: "дъщеря на премиера Венета" is his daughter, "Георги, президентът на „ВАИ холдинг“" heads a company
        # (it keeps the person from being a private one)
        others: list[str] = ws[-1:] if len(ws) >= 2 and ws[-2] == lex.office_of else []
        if near and (near[0][-1] in _SENTENCE_END or "\n" in seg[seg.rfind(near[0]) :]):
            near = []  # (the last word of the sentence before: "..., допълни говорителката. Асия Биби ...")
        elif len(ws) == 3 and ws[1] in _OF_COUNTRY and ws[2][:1].isupper() and "\n" not in seg[seg.rfind(ws[0]) :]:
            near = ws[:1]  # an office of a place: "Губернаторът на Пенджаб Салман Тасир"
        elif near and (near[0].rpartition("-")[2].startswith(lex.age_words) or (
                before is not None and before.type == "PER" and before.form != "derived"
                and text[before.span[1] : m.span[0]].isspace() and _entity_code(doc, before.entity)[2] == "country")):
            civil.add(m.entity)  # "пакистанката Асия Биби": a demonym, one of a country's people; "46-годишната
            # Асия Биби": told by age, as news tells of people with no office
        after = text[m.span[1] : m.span[1] + 40]
        appos: list[str] = []
        tail: list[str] = []
        if after.startswith(","):  # an apposition: its noun first, or after one adjective ("ирландският
            tail = after[1:].split()
            appos = tail[:2]  # еврокомисар"; not "Биби, а властите", "Биби, пред журналистите")
        elif after.split()[:1] and after.split()[0] in lex.copulas:  # "Асия Биби е християнка" (not a past told
            tail = after.split()[1:]
            appos = tail[:2]  # with two: "Сорос е бил младеж в Унгария", what he was once)
            if appos and appos[0] in lex.copulas:
                appos = []
        if appos and lex.age_words:  # an age opening it: "Азия Биби, 45-годишна католичка", "Азия Биби, 47
            k = 1 if len(tail) > 1 and tail[0].isdigit() else 0  # годишната пакистанска католичка"
            if tail[k].rpartition("-")[2].startswith(lex.age_words):
                civil.add(m.entity)  # told by age, as before the name; the noun after it still may tell an office
                tail = tail[k + 1 :]
                appos = tail[:2]
        if appos:
            appos = appos[:1] if len(appos) < 2 or not appos[0].endswith(lex.role_adjective_endings + (
                lex.ordinal_endings)) else appos
            if len(tail) > len(appos) and tail[len(appos)] == lex.office_of:
                others += appos
            near += [w for w in appos if w.islower()]  # (a body's name is no office: "Биби, пакистанското Министерство")
        for w in near:
            sector = _word_sector(lex, w.strip(_QUOTE_MARKS + ".,;:()").lower())
            if sector == lex.private_person:
                civil.add(m.entity)
            elif sector is not None:
                public.add(m.entity)
                if sector and w not in others:
                    offices.setdefault(m.entity, {}).setdefault(sector, set()).add(text[m.span[0] : m.span[1]].split()[-1])
    return (civil | (named - known)) - public, {e: next(iter(ss.items())) for e, ss in offices.items() if len(ss) == 1}


#: a Roman numeral, in Latin or Cyrillic letters that look the same ("ХVІ")
_ROMAN = re.compile(r"[IVXХІ]+")


def _office_of(text: str, c: Cand, office: tuple[str, set[str]]) -> str | None:
    """The sector of the office the document names beside a person (``_private_people``), for a candidate that
    names them by the same last name ("Грийнинг" after "министърът Джъстин Грийнинг") or stands for them."""
    sector, names = office
    last = text[c.span[0] : c.span[1]].split()[-1:]
    return sector if c.pronoun or (last and last[0] in names) else None


def _actor(c: Cand | None, fallback_country: str | None, civilians: bool = False, struck: bool = False,
           forced: bool = False, private: str = "") -> Actor:
    """The actor a candidate names; ``civilians``: a people named by a plural demonym is its country's civilians
    (whom an act is done to, or who protest: "arrested 100 Palestinians", "Young Algerians blocked roads"; the
    PLOVER records code "Palestinians blamed Israel" PSE); ``struck``: a town that threats, force or coercion are
    aimed at is its people ("threatened to institute a curfew in Algiers", "would blockade Paris": DZACVL, FRACVL, as
    the records code them; a capital that talks or is talked to stays its government); ``forced``: a capital that
    force is aimed at (the pack's ``capital_struck`` roots: "would blockade Paris", FRACVL) is its people too;
    ``private``: the pack's sector of a person the KB does not know and the text gives no office (bg CVL)."""
    if c is None:
        return Actor()
    code = c.code
    if (civilians and c.people and c.country) or (struck and c.town and c.country) or (
            forced and c.capital and c.country):
        code = c.country + "CVL"
    if code is None and c.sector and fallback_country:
        code = fallback_country + c.sector
    elif code is None and c.is_person and fallback_country:
        code = fallback_country + (private if c.private else "")  # a person the KB does not know: most often of the
        # country the sentence is about (a private person: the pack's sector for one)
    return Actor(span=c.span, entity=c.entity, code=cameo.actor_code(code))


#: CAMEO roots of threats, coercion and force (13, 17–20): a town they are aimed at is its people
_STRIKES = frozenset({"13", "17", "18", "19", "20"})
#: the place of a visit, even one announced ("ще пристигне в Израел"), is whom it visits, and a withdrawal or a
#: concession is from a place; talks and threats are made in a place, strikes hit one
_VISITS = frozenset({"042", "043"})
#: CAMEO roots of acts two parties do together (intent to cooperate, consult, diplomatic and material cooperation,
#: yield: "Украйна и Русия размениха пленници"): a coordinated subject's partner is the other party
_JOINT = frozenset({"03", "04", "05", "06", "08"})


def _doc_country(doc: Document) -> str | None:
    """The country a role without one belongs to: the dateline's, if the text names that country too
    ("Кишинев, 18 септември (БТА)" and "Молдова": the police are Moldova's even where Russia is named more;
    a "Брюксел" dateline over EU news names no Belgium), else the one named most, else the dateline's."""
    counts: dict[str, int] = {}
    line = doc.article.dateline
    at = None
    country_of: dict[str | None, str | None] = {}  # (an entity is named several times: its country read once)
    for m in doc.mentions:
        if m.entity not in country_of:
            country_of[m.entity] = _entity_code(doc, m.entity)[1]
        country = country_of[m.entity]
        if country and len(country) == 3 and country != "IMG":  # (nor a militant network: see ``code_events``)
            if line is not None and line[0] <= m.span[0] < line[1]:
                if m.type == "LOC":  # (the place, not the agency: "Найпидо, 28 март (БТА)" is not Bulgaria's)
                    at = at or country
                continue
            counts[country] = counts.get(country, 0) + 1
    states = {k: n for k, n in counts.items() if k not in _NO_STATE}  # (an EU office named twice in a Plovdiv court
    if at is not None and (at in counts or not states):              # report does not make its prosecutors the EU's)
        return at
    pool = states or counts
    return max(pool, key=lambda k: pool[k]) if pool else None


#: CAMEO "country" parts that name no state: international, non-governmental and multinational bodies
_NO_STATE = frozenset({"IGO", "NGO", "MNC", "UNO"})


#: a noun cue this many words after a verbal cue of the same clause is that act's object or occasion, not an event
#: of its own ("блокира обаче пакета от 50 млрд. евро помощ за Киев", "обсъдиха разполагане на мироопазващи
#: сили"): PLOVER event precision 0.588 -> 0.610, source country 0.838 -> 0.831 (one event), targets unchanged
OBJ_NOMINAL = 8
_PHRASE_BREAK = re.compile(r"[,;:()]")  # between the words of a phrase cue: no phrase
_CLAUSE_BREAK = re.compile(r"[,;:(]")  # between a verbal cue and a noun cue: another clause or an aside


def _matches(lex: Lexicon, toks: list[tuple[int, int, str]], text: str,
             feasible: set[int] | None = None, words: list[str] | None = None) -> list[tuple[int, int, Pattern]]:
    """Cue matches of the sentence, ranked; ``feasible`` (``Lexicon.feasible``) limits the coding patterns tried
    (stop patterns are always tried: they block). ``words``: the tokens' words (read here when not given)."""
    found: list[tuple[int, int, Pattern]] = []
    # the patterns each word starts: the memo first, over every word at C speed, a method call only for a word seen
    # for the first time; then only the words that start one are visited (an empty list is skipped by compress)
    ws = list(map(_WORD_OF, toks)) if words is None else words
    starts = list(map(lex._first.get, ws))
    if None in starts:
        for k in compress(count(), map(_IS_NONE, starts)):
            starts[k] = lex.starting(ws[k])
    for i in compress(count(), starts):
        for p in starts[i] or ():  # (never None here: the "or" is for the type checker)
            if feasible is not None and p.num not in feasible and p.cameo != STOP:
                continue
            if p.passive_only and lex.passive.isdisjoint(ws[max(0, i - 2) : i]):
                continue  # ("помолен*": a passive participle is an act only after its auxiliary)
            if len(p.tests) == 1:  # a one-word cue, which ``starting`` has matched (``match_at`` gives i + 1)
                found.append((i, i + 1, p))
                continue
            j = match_at(p, toks, i, 1)  # (``starting`` has matched the first word)
            # (the words of a phrase cue stand together: "чакат помощ, за да извадят" is no "помощ за"; no token
            # holds one of these marks, so the text from the first word's end to the last word's start is read)
            if j is not None and not (j - i > 1 and p.gapless and _PHRASE_BREAK.search(
                    text, toks[i][1], toks[j - 1][0])):
                found.append((i, j, p))
    # overlapping cues: the one with more words wins, then the one spanning more ("suspended ... aid" over
    # "military aid"), then the more exact; then main-clause verbal cues first, nominal ones and infinitives
    # ("to demand", "to support": purpose or complement of an earlier cue) after, each in text order
    if not found:
        return found
    if len(found) > 1:  # (a sort computes its keys even for one item)
        found.sort(key=_cue_rank)
    taken: list[tuple[int, int, Pattern]] = []
    chosen: list[tuple[int, int, Pattern]] = []  # (those taken that code: stop patterns only block)
    sports: bool | None = None  # (read once, and only for a sentence with a cue of ``sports_cues``)
    games: list[int] = []  # (where each game's verb ends: a noun after it is no act either, "to give the hosts")
    for i, j, p in found:
        for a, b, _ in taken:  # (a loop, no generator per cue)
            if i < b and a < j:
                break
        else:
            taken.append((i, j, p))
            if p.cameo != STOP:
                if p.source in lex.sports_cues:
                    if sports is None:
                        sports = _about_a_game(lex, text, toks, ws)
                    if sports:
                        if p.verbal:
                            games.append(j)
                        continue  # "Russia beat Croatia 2-1": a game won, no assault (it blocks as a stop does)
                if p.source in lex.question_cues and lex.question_before is not None and (
                        lex.question_before.search(text, toks[0][0], toks[i][0]) is not None):
                    continue  # ""Too little?" asked Robby Mook": a question put, no request (it blocks)
                if p.source in lex.question_cues and lex.question_after is not None and (
                        lex.question_after.match(text, toks[j - 1][1], toks[-1][1] + 3) is not None):
                    continue  # "continues to ask, “To get a grown up around Hillary?”": a question (it blocks)
                chosen.append((i, j, p))
    if not chosen:
        return chosen
    # (module functions and loops, not closures: no function objects and cell variables made at every call)
    if len(chosen) > 1:
        first = min(map(_FIRST, chosen))
        keyed = []  # (main-clause verbal cues first, then nominal ones and infinitives, each in text order)
        for c in chosen:
            keyed.append(((_embedded(lex, toks, first, c[0], c[1]), _nominal(lex, toks, c[0], c[2]), c[0]), c))
        keyed.sort(key=_FIRST)
        chosen = list(map(_SECOND, keyed))
    out: list[tuple[int, int, Pattern]] = []
    if lex.object_nouns:  # ... a hedged one too is what was discussed, no act ("обсъдиха евентуалното разполагане")
        hedge = lex.hedge
        for c in chosen:
            i = c[0]
            if not (_nominal(lex, toks, i, c[2]) and i > 0 and toks[i - 1][2] in hedge):
                out.append(c)
        return out
    verbs: list[int] = games  # (where each verbal cue ends, a game's verb among them)
    for c in chosen:
        if not _nominal(lex, toks, c[0], c[2]):
            verbs.append(c[1])
    for c in chosen:
        if not (_nominal(lex, toks, c[0], c[2]) and _after_verb(text, toks, c[0], verbs)):
            out.append(c)
    return out


def _about_a_game(lex: Lexicon, text: str, toks: list[tuple[int, int, str]], ws: list[str]) -> bool:
    """Whether the sentence tells of a game: one of the pack's ``sports_words`` ("match", "victory", "saves") or a
    score ("6-3, 7-6", "a 2-1 win"). Read only for a cue of ``sports_cues``: news of sport beats and gives in
    every sentence ("Minnesota beat Buffalo", "giving France a 2-1 victory"), and those are no acts between
    parties."""
    if not lex.sports_words.isdisjoint(ws):
        return True
    return lex.sports_score is not None and lex.sports_score.search(text, toks[0][0], toks[-1][1]) is not None


def _cue_rank(x: tuple[int, int, Pattern]) -> tuple[bool, int, int, int, int]:
    """Overlapping cues: the one with more words wins, then the one spanning more ("suspended ... aid" over
    "military aid"), then the more exact (stop patterns first: they block)."""
    return (x[2].cameo != STOP, -x[2].words, -(x[1] - x[0]), -x[2].weight, x[0])


def _embedded(lex: Lexicon, toks: list[tuple[int, int, str]], first: int, i: int, j: int) -> bool:
    """Whether the cue ``toks[i:j]`` is an infinitive after the sentence's first cue, or a reduced passive
    relative."""
    if i > first and i > 0 and toks[i - 1][2] in lex.infinitive:
        return True
    # a reduced passive relative ("property seized by ...", "a bill signed by ..."): no auxiliary before it
    return (j < len(toks) and toks[j][2] in lex.passive_by and i > 0 and toks[i - 1][2] not in lex.passive
            and toks[i][2].endswith(lex.participle or ("\0",)))


def _nominal(lex: Lexicon, toks: list[tuple[int, int, str]], i: int, p: Pattern) -> bool:
    """A noun cue: a verbal cue after a determiner is a noun ("the signing of", "the return of property")."""
    return not p.verbal or (i > 0 and toks[i - 1][2] in lex.determiners)


def _after_verb(text: str, toks: list[tuple[int, int, str]], i: int, verbs: list[int]) -> bool:
    """Whether a noun cue at token ``i`` is within OBJ_NOMINAL words after the end ``b`` of a verbal cue of the
    same clause (no break between)."""
    for b in verbs:  # noqa: SIM110
        if b <= i <= b + OBJ_NOMINAL and not _CLAUSE_BREAK.search(text, toks[b - 1][1], toks[i][0]):
            return True
    return False


def code_events(doc: Document, when_for: WhenFn | None = None) -> list[Event]:
    events: list[Event] = []
    coded: dict[tuple[int, str], Event] = {}  # (page item, CAMEO code) -> the first event of that act
    doc_country = None
    datelines: list[Span] | None = None
    m_sorted = sorted(doc.mentions, key=_SPAN_OF)
    m_starts = [m.span[0] for m in m_sorted]
    named: dict[str, str] | None = None  # (what the document's sentences share, computed when first needed)
    private: set[str] | None = None  # (the persons the KB lacks whom the document tells as private persons)
    offices: dict[str, tuple[str, set[str]]] = {}  # (the office named beside a person the KB lacks: _private_people)
    genders: dict[str, str | None] = {}  # a person's gender by name, asked by pronouns
    said: list[int] | None = None
    shared: _Shared | None = None
    low_doc = lowered(doc.text)  # (None when lower-casing changes the text's length: words() then lowers by word)
    lex_lang: str | None = None
    lex: Lexicon | None = None
    for sent, lang in _sentences(doc):
        if lex is None or lang != lex_lang:  # (the sentences of a document mostly share one language)
            lex, lex_lang = load(lang or "") or load("en"), lang
        if lex is None:
            continue
        # pre-filter: which coding patterns can match here (None: none, the case of most sentences), read in the
        # document's lower-cased text (no pre-filter when words() lowers word by word): one regex search leaves
        # most sentences, then the words of those left are looked up
        if low_doc is not None and not lex.may_anchor(low_doc, sent[0], sent[1]):
            continue
        toks = words(doc.text, sent[0], sent[1])
        if not toks:
            continue
        feasible = None
        ws = list(map(_WORD_OF, toks))  # (the words, read by the pre-filter and most rules below)
        if low_doc is not None and (feasible := lex.feasible_words(ws)) is None:
            continue
        found = _matches(lex, toks, doc.text, feasible, ws)
        if not found:
            continue
        lo = bisect_left(m_starts, sent[0])
        hi = bisect_left(m_starts, sent[1], lo)
        sent_ments = m_sorted[lo:hi]
        if shared is None:
            shared = _shared(doc)
        cands = _candidates(doc, lex, sent, toks, shared, [m for m in sent_ments if m.span[1] <= sent[1]], ws)
        if datelines is None:
            datelines = page_datelines(doc)
        if datelines:  # "BAKU, Nov 22 (AFP) - Dozens of activists...": where and by whom it was filed, no actor
            cands = [c for c in cands if not any(a <= c.span[0] < b for a, b in datelines)]
        p0 = 0  # (after when: "По-късно той отстъпи")
        while p0 + 1 < len(toks) and toks[p0][2] in lex.pronoun_openers:
            p0 += 1
        pron = _pronoun_subject(doc, toks[p0], m_sorted, bisect_left(m_starts, sent[0]), lex, genders) if (
            lex.pronouns and toks[p0][2] in lex.pronouns) else []
        # the clause's other pronouns as actors ("Върховният съд я оправда", "„Ние напускаме ЕС“, заяви Мей")
        extra = _pronoun_actors(doc, lex, toks, p0 if pron else -1, m_sorted, m_starts, genders, ws) if (
            lex.pronoun_gender or lex.first_person) else []
        for c in chain(cands, map(_SECOND, extra)):  # "пакистанката Асия Биби" named once: Bibi is Pakistan's in
            if c.is_person and c.code is None and c.entity:  # every sentence, and so is the "тя" that stands for her
                if lex.private_person:
                    if private is None:
                        private, offices = _private_people(doc, lex)
                    c.private = c.entity in private
                    if c.sector is None and c.entity in offices:
                        c.sector = _office_of(doc.text, c, offices[c.entity])
                if named is None:
                    named = _person_countries(doc, m_sorted)
                if c.entity in named:
                    c.country = named[c.entity]
                    c.code = c.country + (lex.private_person if c.private else (c.sector or ""))
        for c in pron:  # ("Той поиска ...": the person the pronoun stands for)
            if lex.private_person and c.is_person and c.code is None and c.entity:
                if private is None:
                    private, offices = _private_people(doc, lex)
                c.private = c.entity in private
                if c.sector is None and c.entity in offices:
                    c.sector = _office_of(doc.text, c, offices[c.entity])
        # (loops, not comprehensions, for what is read off each cue sentence: no function object made per sentence)
        roles: list[Span] = []
        where = None  # (the sentence's first place: every event's)
        for c in cands:
            if c.sector:
                roles.append(c.span)
            if where is None and c.is_place:
                where = c.entity
        trailing, cuts = _attribution_cuts(doc, lex, sent, toks, shared.trailing, ws=ws, cands=cands)
        cut = _cut_after(trailing, sent[0], sent[1])
        # ... which ends where a coordinated clause opens ("„Не мога да повярвам“, заяви Ася, а общността отправи
        # призив": the community's appeal is stated, not attributed)
        resume = opened.end() if cut < sent[1] and lex.clause_coordinators and (
            opened := lex.clause_coordinators.search(doc.text, cut + 1, sent[1])) else sent[1]
        if cut < sent[1]:  # ... or where the next quote's cue after its own begins (", допълни Юнкер, настоявайки
            if said is None:  # двете страни да ...": what he urged is stated again)
                said = sorted(q.cue[0] for q in doc.quotes if q.cue)
            nxt = bisect_right(said, cut)
            if nxt + 1 < len(said) and said[nxt + 1] < resume:
                resume = said[nxt + 1]
        # a cue that is an actor's role noun ("demonstrators") or inside a trailing "..., officials said" clause
        # ("according to a press release") is no event
        # (or inside a longer organisation's, product's or event's name: see ``_NAMED``)
        names: list[Span] = []
        for m in sent_ments:
            if m.form == "name" and m.type in _NAMED:
                names.append(m.span)
        kept: list[tuple[int, int, Pattern]] = []
        for i, j, p in found:
            cue0, cue1 = toks[i][0], toks[j - 1][1]
            if (cut <= cue0 < resume and not (p.verbal and p.cameo[:2] in _DEMANDS and _trailing_cue(shared, cue0))) \
                    or (roles and _within(roles, cue0, cue1)) or (names and _within(names, cue0, cue1, longer=True)) \
                    or (not p.verbal and _named_noun(doc.text, sent, toks, i)):
                continue
            kept.append((i, j, p))
        found = kept
        ranked: list[tuple[int, Event]] = []
        # where a verb starts (an event's or a speech cue's): a clause joined by "и" before one has its own object
        if said is None:
            said = sorted(q.cue[0] for q in doc.quotes if q.cue)
        starts_at = said[bisect_left(said, sent[0]) : bisect_left(said, sent[1])]
        for i, _, p in found:
            if p.verbal:
                starts_at.append(toks[i][0])
        verbs = frozenset(starts_at)
        # the page item (the article, -1, or a teaser: a story of its own) and whether this is a headline
        item = next((k for k, t in enumerate(doc.teasers) if t.span[0] <= sent[0] < t.span[1]), -1) if doc.teasers \
            else -1
        hl = doc.article.headline  # (without teasers, the article's headline alone)
        in_headline = any(h and h[0] <= sent[0] < h[1] for h in (hl, *(t.headline_span for t in doc.teasers))) \
            if doc.teasers else bool(hl and hl[0] <= sent[0] < hl[1])
        opens: list[int] | None = None  # (the sentence's _clause_opens, read for its first cue given actors)
        rels: list[tuple[int, int, str]] | None = None  # (its _relatives, likewise)
        countries: list[Cand] | None = None  # (its candidates with a country's code, read for its first event)
        by_span: list[Cand] | None = None  # (its candidates sorted by span, read for its first event's actors)
        for i, j, p in _asked_for(lex, doc.text, toks, found)[: lex.max_per_sentence]:
            if lex.condition_openers and _under_condition(lex, doc.text, toks, i, ws):
                continue
            if lex.that_forecasts and j < len(ws) and ws[j] in lex.complementizers and ws[i].startswith(
                    lex.that_forecasts) and _foretold(lex, ws, j):
                continue
            code = p.cameo
            window = set(ws[max(0, i - 3) : i])
            if window & lex.intent and lex.intent.isdisjoint(ws[i:j]):
                if 4 <= int(code[:2]) <= 8:
                    if code[:3] not in lex.intent_keeps and not (
                            code.startswith(lex.planned_keeps) and window & lex.intent <= lex.planned):
                        code = cameo.as_intent(code)  # ("ще напусне ЕС" stays the exit, "ще се срещне" the
                        # meeting, bg)
                    if not lex.conditional.isdisjoint(ws[j:]):
                        code = "130"  # "will withdraw ... unless": a conditional intent is a threat
                elif p.verbal and not (code[:2] == "16" and window & lex.intent <= lex.future):
                    # "would boycott", not "the largest strike will be"; a sanction in the plain future is the
                    # sanction announced ("announced it would prohibit all aid": SANCTION in the PLOVER records),
                    # one someone is ready to impose a threat ("готови да наложат санкции")
                    code = cameo.as_threat(code)
            before = set(ws[max(0, i - 6) : i])  # (the hedges' and the possibilities' reach)
            if code[:2] == "16" and before & lex.possible:
                code = "131"  # "може да бъде засегнат от санкции": a sanction in prospect is a threat (non-force)
            # what this mention says of its act: whether it is denied or hedged, when, by which rule
            negated = _negated(lex, toks, i, ws)
            refused = bool(lex.refused) and i > 0 and toks[i][2].startswith(lex.refused) \
                and _refused(lex, ws, i, negated)
            if refused:
                code, negated = "120", False  # "не одобряват изграждането": they reject it
            elif not negated and lex.hypothetical and _hypothetical(lex, ws, i):
                continue  # "всеки би се съгласил, че ...": said as a hypothetical, not as done or planned
            elif negated and lex.negated_roots is not None and code[:2] not in lex.negated_roots:
                continue  # "не обидила тяхната религия", "без да сключи споразумение": an act that did not happen
            elif not negated and lex.able and code != "131" and _possible(lex, ws, i, lex.able):
                continue  # "може да напусне ЕС": a possibility (a sanction in prospect stays a threat, 131)
            elif lex.infinitive_coordinators and _possible(lex, ws, i, lex.infinitive_coordinators):
                continue  # "... и да подпишат петицията": the second infinitive of a clause asked for or allowed
            try:
                info = cameo.lookup(code)
            except KeyError:
                continue
            if info.plover is None:
                continue
            # "... задържа кмета ... нарече задържането си „преврат“": the arrest again, no new act; where every
            # mention counts (code_repeats) it is one more mention of that act, with its actors (the mayor and a
            # German spokesman who speak of it are no one's arresters); where not, it is left before its time is read
            first = coded.get((item, info.code))
            again = first is not None and _names_again(lex, p, toks, i, j)
            if again and not lex.code_repeats:
                continue
            trig = (toks[i][0], toks[j - 1][1])
            hedged = bool(before & lex.hedge)
            when = when_for(doc, trig)[0] if when_for is not None else doc.published
            evidence = f"lexicon:{lex.lang}:{p.source}" + (" (refused)" if refused else "")
            if again and first is not None:
                ranked.append((len(ranked), replace(first, span=trig, sentence=sent, negated=negated, hedged=hedged,
                                                    when=when, evidence=evidence, sources=[])))
                continue
            # (across "че" too for a verb: "Той подчерта, че ще подкрепи протестиращите" has no subject of its own;
            # a reported clause that names one keeps it, _choose_actors; a noun is that clause's subject: "Той
            # заяви, че преговорите с Русия са невъзможни" are nobody's talks)
            but = lex.complementizers if p.verbal else frozenset()
            here = pron + cands if pron and _same_clause(lex, toks, 1, i, but) else cands
            inverted = None
            if extra:  # (a pronoun of the cue's own clause, before or after it, no comma between)
                # ("работейки с нея, мюсюлманки я обвинили": one with whom no one acts, unless the cue takes it:
                # "срещна се с нея")
                add = [c for k, c in extra if "," not in doc.text[min(c.span[1], trig[1]) : max(c.span[0], trig[0])]
                       and ((k < i and _same_clause(lex, toks, k + 1, i, but))
                            or (k >= j and _same_clause(lex, toks, j, k, but)))
                       and not (k > 0 and toks[k - 1][2] in lex.pronoun_company and k - 1 != j)]
                # "..., призова той пред журналисти": a subject right after the cue is its speaker, not its object
                # (one followed by "да" is the subject of what is asked: "настояват тя да бъде обесена")
                inverted = next((c for k, c in extra if k == j and not c.objective and not (
                    k + 1 < len(toks) and toks[k + 1][2] in lex.infinitive)), None)
                add = [c for c in add if c is not inverted]
                if add:
                    here = sorted(here + add, key=lambda c: c.span[0])
            # (a one-word noun cue may be a participle, "санкционирани"; "досъдебно производство" is no passive)
            if opens is None:
                opens = _clause_opens(lex, doc.text, sent)
                rels = _relatives(lex, doc.text, sent, toks, ws)
            src, tgt = _choose_actors(doc, lex, here, trig, sent, toks, cuts, shared.quotes, p.verbal or len(p.steps) == 1,
                                      at_place=info.quadclass > 3 or p.cameo in _VISITS or p.cameo[:2] == "08",
                                      noun=not p.verbal,
                                      reported=info.code[:2] != "02", joint=info.code[:2] in _JOINT, verbs=verbs,
                                      opens=opens, relatives=rels, ws=ws)
            if lex.accused_of and i > 1 and ws[i - 1] in lex.accused_of_preps:
                src, tgt = _accused_acts(lex, here, toks, ws, i, trig, src, tgt)
            if cut <= trig[0] < resume:  # "..., настояват депутатите": who demands is the quote's speaker after the
                # cue; what was said before it is the demand's content, no participant
                who = next((q.speaker.span for q in doc.quotes if q.cue and q.cue[0] == trig[0]), None)
                src, tgt = next((c for c in here if who is not None and who[0] <= c.span[0] < who[1]
                                 and not c.is_place), None), None
            if src is None and p.verbal and lex.first_person_endings and _first_person(lex, ws, i, j):
                # "Искаме да се договорим (с ЕС) ..., каза Мей": the unnamed subject of a first-person verb in a
                # quote is its speaker
                src = _speaker(doc, shared.quotes, trig, here)
                if src is not None and tgt is not None and (tgt.span == src.span or _same(tgt, src)):
                    tgt = None
            if src is not None and src.objective:
                # "я обвиниха": the object pronoun is whom it was done to (two statements: mypyc rejects the
                # tuple assignment of None to the Optional)
                tgt = tgt or src
                src = None
            if src is None and inverted is not None and not (tgt is not None and _same(tgt, inverted)):
                src = inverted
            # "поиска убежище в САЩ, Великобритания и Канада", "Унгария и Полша блокираха бюджета": an act of each
            # coordinated actor is an event of its own (one source and one target per event, as CAMEO codes them)
            # (a subject after its cue, "Срещу проекта се обявиха Полша, Украйна и Дания", is listed after it too)
            if by_span is None and (src is not None or tgt is not None) and len(cands) >= 2:
                by_span = sorted(cands, key=_SPAN_OF)  # (the candidates are not changed past this point)
            more_src = _coordinated(lex, doc.text, cands, src, trig[0] if src.span[0] < trig[0] else sent[1], by_span) if (
                src is not None and (tgt is None or tgt.span[0] > trig[0] or info.code[:2] not in _JOINT)) else []
            if more_src and tgt is not None and any(tgt.span == c.span for c in more_src):
                tgt = None  # "Латвия, Литва и Полша се обявиха срещу ...": the subjects are no one's targets
            if src is not None and lex.obligation and j == i + 1 and ws[i] in lex.obligation:
                tgt = _obliged(doc.text, lex, here, src, trig) or tgt
            if tgt is not None and tgt.sector and p.cameo in lex.leaving:
                tgt = _left_place(doc.text, lex, cands, tgt)
            more_tgt = _coordinated(lex, doc.text, cands, tgt, sent[1], by_span) if tgt is not None else []
            if doc_country is None:
                doc_country = _doc_country(doc) or ""
            # a role without a country ("President ..."): the first country named before the cue, else the
            # document's, else the sentence's first: a country named after the cue tells what the act is about
            # ("обвини опозицията, че ... „революция по украински сценарий“"), not whose president acts
            if countries is None:  # (the candidates are not changed past this point)
                countries = [c for c in cands if c.country and len(c.country) == 3]
            # (en: the target's own name gives no country to its source's role, "officials accused Russia")
            # (a named person the KB lacks keeps it: "Peng Mei accused Alibaba" is more often a national's act)
            skip = tgt.span if tgt is not None and lex.role_country_not_target and src is not None and bool(
                src.sector) and not src.country and tgt.country not in _NO_STATE else None
            usable = countries if skip is None else [
                c for c in countries if not (c.span[0] < skip[1] and skip[0] < c.span[1])]
            sent_country = next((c.country for c in usable if c.span[1] <= trig[0]), None) or doc_country or (
                usable[0].country if usable else None)
            protest = info.code[:2] == "14"  # (a people who protest are its civilians, as those acted on are)
            src_actor = _actor(src, sent_country or doc_country or None, civilians=protest,
                               private=lex.private_person)
            if src is None and lex.state_in_place:
                src_actor = _state_in_place(lex, cands, toks, ws, i, j, p.verbal, info.code) or src_actor
            src_country = (src_actor.code or "")[:3] or doc_country or None
            if src_country == "IMG":  # (a militant network has no police of its own: "Al-Qaeda militants attacked a
                src_country = doc_country or None  # police station")
            # (a person the KB does not know is the report's country's rather than the source's: "Унгарският
            # премиер Виктор Орбан поздрави Вилдерс" in a report from Amsterdam)
            struck = info.code[:2] in _STRIKES
            forced = p.cameo[:2] in lex.capital_struck  # (the cue's own root: "would blockade" threatens force)
            tgt_actor = _actor(tgt, doc_country if tgt is not None and tgt.is_person and not tgt.sector
                               and doc_country else src_country, civilians=True, struck=struck, forced=forced,
                               private=lex.private_person)
            if tgt is not None and tgt.is_place and tgt_actor.code is None and src_country and p.cameo[:3] in \
                    lex.own_place:  # "lifted a state of emergency in West Darfur State": a province of Sudan's
                tgt_actor = Actor(span=tgt.span, entity=tgt.entity, code=cameo.actor_code(src_country))
            if src_actor.span is None and tgt_actor.span is None and (
                    ((lex.noun_needs_actor or info.code[:2] in lex.noun_needs_actor_roots) and _nominal(lex, toks, i, p))
                    or (lex.alone_roots is not None and info.code[:2] not in lex.alone_roots)):
                continue  # "more relevant offers", "the seizures", "a solutions provider": a noun no one is named
                # to do or undergo reports no act (en: read on other news, stop 79); nor does a verb ("Better
                # Android support", "you must", "Order now": no party named, stop 81)
            if p.source in lex.rally_cues and (src_actor.code or "")[3:6] in lex.rally_not_sectors:
                continue  # "Trump was rushed off stage at a rally in Reno": a candidate's meeting, no protest (en)
            ev = Event(span=trig, sentence=sent, type=info.plover, cameo=info.code, source=src_actor, target=tgt_actor,
                       where=where, negated=negated, hedged=hedged, when=when, quadclass=info.quadclass,
                       goldstein=info.goldstein, evidence=evidence)
            ranked.append((len(ranked), ev))
            if not in_headline:  # (a headline's act is told again below it)
                coded.setdefault((item, info.code), ev)
            for c in more_src:
                ranked.append((len(ranked), replace(ev, source=_actor(c, sent_country or doc_country or None,
                                                                      civilians=protest, private=lex.private_person))))
            for c in more_tgt:
                ranked.append((len(ranked), replace(ev, target=_actor(c, src_country, civilians=True, struck=struck,
                                                                      forced=forced, private=lex.private_person))))
        events.extend(map(_SECOND, ranked))
    _provenance(doc, events)
    return events


def _accused_acts(lex: Lexicon, cands: list[Cand], toks: list[tuple[int, int, str]], ws: list[str], i: int,
                  trig: Span, src: Cand | None, tgt: Cand | None) -> tuple[Cand | None, Cand | None]:
    """"Sudanese rebels accused the government of bombing villages", "blamed the army for shelling civilians": the
    accused does what the cue after "of"/"for" names, the source of that act; its target the first actor after it
    (the accuser had been taken for the bomber, the accused for the bombed). The accusing verb is one of
    ``accused_of`` among the eight words before the preposition, the accused the actor between."""
    k = i - 2
    while k >= max(0, i - 9) and ws[k] not in lex.accused_of:
        k -= 1
    if k < max(0, i - 9):
        return src, tgt
    lo, hi = toks[k][1], toks[i - 1][0]
    accused = next((c for c in cands if lo <= c.span[0] and c.span[1] <= hi and not c.is_place), None)
    if accused is None:
        return src, tgt
    after = next((c for c in cands if c.span[0] >= trig[1] and not _same(c, accused)), None)
    return accused, after


def _speaker_acts(text: str, lex: Lexicon, before: list[Cand], inner: list[Cand], trig: Span, comp: int,
                  verbs: frozenset[int]) -> bool:
    """Whether the actors of a reported clause before its cue (``inner``, after the reporting verb or complementizer
    at ``comp``) leave the speaker the source, in English: a verb stands between ("said it had killed 20 rebels in
    fighting": an object), the cue is an obligation ("X said Y must ...": the speaker demands it), the first is a
    pronoun for the speaker ("Kofi Annan announced that he will ...") or the speaker's own state ("Minister Tran
    Xuan Gia said Vietnam is committed to ...": the minister, VNMGOV, speaks for it)."""
    first, speaker = inner[0], before[0]
    return any(comp < v < first.span[0] for v in verbs) or lower_slice(text, trig[0], trig[1]) in lex.obligation \
        or bool(first.pronoun and first.entity and any(c.entity == first.entity for c in before if c.span[1] <= comp)) \
        or bool(not first.sector and not first.is_person and first.country and speaker.country in (
            None, first.country) and speaker.sector)


def _obliged(text: str, lex: Lexicon, cands: list[Cand], src: Cand, trig: Span) -> Cand | None:
    """The subject of a modal demand (the English pack's ``obligation``) when someone else says it: "Russia said on
    Tuesday that Sudan must return a helicopter" demands it of Sudan, the target (not the "Sudanese authorities"
    named after the cue)."""
    subj = None
    for c in cands:
        if c.span[1] <= trig[0] and not c.is_place and not c.pronoun:
            subj = c
    if subj is None or subj is src or _same(subj, src) or subj.span[0] < src.span[1]:
        return None
    gap = text[subj.span[1] : trig[0]]
    said = lower_slice(text, src.span[1], subj.span[0]).split()  # (someone else says it: "X said (that) Y must")
    return subj if "," not in gap and len(gap.split()) <= 1 and not (
        lex.reporting.isdisjoint(said) and lex.complementizers.isdisjoint(said)) else None


def _left_place(text: str, lex: Lexicon, cands: list[Cand], tgt: Cand) -> Cand:
    """The target of a cue that moves people out of a place (the English pack's ``leaving``): "will withdraw its
    troops from Iraq", "evacuated aid workers from Somalia" leave Iraq and Somalia, the target (IRQ), not Iraq's
    troops; the role noun that took the place's country is the subject's own."""
    for c in cands:
        if c.span[0] >= tgt.span[1] and c.country and not c.sector and not c.is_person:
            return c if lower_slice(text, tgt.span[1], c.span[0]).strip() in lex.leaving_from else tgt
    return tgt


def _state_in_place(lex: Lexicon, cands: list[Cand], toks: list[tuple[int, int, str]], ws: list[str], i: int, j: int,
                    verbal: bool, code: str) -> Actor | None:
    """The doer of a passive act that names none, read off where it was done (the English pack's
    ``state_in_place``): "was arrested in Lebanon" right before "in" and a place was done by Lebanon's state (LBN, as
    the PLOVER records code it); the subject stays the target."""
    if not (verbal and code[:2] in lex.state_in_place and j < len(ws) and ws[j] in lex.in_place
            and not lex.passive.isdisjoint(ws[max(0, i - 2) : i])):
        return None
    k = j + 1
    while k < len(ws) and (ws[k] in lex.place_modifiers or ws[k] in lex.determiners):
        k += 1
    if k < len(toks):
        for c in cands:
            if c.is_place and c.country and c.span[0] == toks[k][0]:
                return Actor(span=c.span, entity=c.entity, code=cameo.actor_code(c.country))
    return None


ANTECEDENT_CHARS = 600  # how far back a sentence-initial "той"/"he" looks for the person it stands for


def _named_noun(text: str, sent: Span, toks: list[tuple[int, int, str]], i: int) -> bool:
    """A noun cue written with a capital inside a sentence is a name ("ВМРО и Атака се явиха в коалиция": the party
    Attack), unless the sentence is written in title case (a headline)."""
    s = toks[i][0]
    if i == 0 or not text[s].isupper():
        return False
    k = s - 1
    while k > sent[0] and text[k] in " \t":
        k -= 1
    if text[k] in ".!?:;\"'„“”«»()—–-\n":
        return False  # (a clause or a quote opens with it)
    upper = sum(text[a].isupper() for a, _, _ in toks)
    return upper * 2 < len(toks)


#: mention types whose names hold no cue: a cue inside a longer organisation's, product's or event's name
#: ("фондация „Помощ за страдащата Църква“") is a name, no aid given
_NAMED = frozenset({"ORG", "PRO", "EVT"})


def _within(spans: list[Span], a: int, b: int, longer: bool = False) -> bool:
    """Whether ``a``-``b`` lies inside one of ``spans`` (``longer``: one longer than it). A loop, no generator: it
    is asked for every cue, most often of no span or one."""
    for s0, s1 in spans:  # noqa: SIM110
        if s0 <= a and b <= s1 and (not longer or s1 - s0 > b - a):
            return True
    return False


def _pronoun_subject(doc: Document, tok: tuple[int, int, str], m_sorted: list[Mention], k: int,
                     lex: Lexicon, genders: dict[str, str | None]) -> list[Cand]:
    """The pronoun opening a sentence ("Той поиска още оръжие") as an actor: whom the quotes layer gave it to when
    it speaks there ("Радев обвини премиера Бойко Борисов ... Той подчерта, че ...": Radev, by the pronoun's gender
    and the chain of speakers), else the last person named in the sentences before it, the subject of news prose's
    usual chain of sentences about one person, of the pronoun's gender where the names tell it ("Мулук защитаваше
    Биби ... Тя отрече": Bibi, a woman's name, not the lawyer named last; a name that tells no gender may still
    stand for "той", and for "тя" where no woman's name is near)."""
    def actor(eid: str) -> list[Cand]:
        code, country, _kind = _entity_code(doc, eid)
        return [Cand((tok[0], tok[1]), code, eid, country, _sector_of(code), False, True)]

    spoken = memo("events.pronoun_speakers", doc.quotes, lambda qs: {
        q.speaker.span: q.speaker.entity for q in qs if q.speaker.span and q.speaker.entity})
    eid = spoken.get((tok[0], tok[1]))
    want = lex.pronoun_gender.get(tok[2]) if lex.subject_pronoun_gender else None
    qlex = _quotes_lexicon(lex.lang) if want is not None else None
    if eid is not None and (e := doc.entities.get(eid)) is not None and e.type == "PER" and (
            qlex is None or _gender(doc, qlex, eid, genders) == want):
        return actor(eid)
    first = None  # (the last person named, of no other gender by name)
    while k > 0:
        k -= 1
        m = m_sorted[k]
        if tok[0] - m.span[1] > ANTECEDENT_CHARS:
            break
        if m.type == "PER" and m.entity and m.form in ("name", "role"):
            g = _gender(doc, qlex, m.entity, genders) if qlex is not None else None
            if g is not None and g != want:
                continue  # ("Тя" after a man named last: the woman named before him)
            if g is None and want == "f" and _name_words(doc, m.entity) > 1:
                # (a first name with no woman's ending, "Сайфул Мулук": kept unless a woman's name is near; a
                # single name, "Ванга", tells nothing and stands as before)
                first = first or m
                continue
            first = m
            break
    if eid is not None and (e := doc.entities.get(eid)) is not None and e.type == "PER" and (
            first is None or first.entity == eid or qlex is None
            or _gender(doc, qlex, first.entity or "", genders) != want):
        return actor(eid)  # the speaker the quotes layer gave it, unless a name of the pronoun's gender is nearer
    return [] if first is None or first.entity is None else actor(first.entity)


def _name_words(doc: Document, eid: str) -> int:
    """The number of words of the fullest name the text gives a person (read for "тя" alone: a few per document)."""
    return max((len(doc.text[m.span[0] : m.span[1]].split()) for m in doc.mentions
                if m.entity == eid and m.form == "name"), default=0)


def _first_person(lex: Lexicon, ws: list[str], i: int, j: int) -> bool:
    """Whether the verb of the cue ``ws[i:j]`` (its first word past the pack's ``first_person_skip``: "ще", "да",
    "не") has a first-person ending ("искаме", "напускаме", "ще предложим"): Bulgarian drops the subject pronoun."""
    for w in ws[i:j]:
        if w not in lex.first_person_skip:
            return w.endswith(lex.first_person_endings)
    return False


def _speaker(doc: Document, index: HoldIndex, trig: Span, cands: list[Cand]) -> Cand | None:
    """The speaker of the quote that holds a cue, as an actor: the sentence's candidate inside the speaker's span
    (", каза Мей"; the speaker's own entity before another in the span: "главният преговарящ на ЕС Мишел Барние"),
    else the speaker's entity (a quote of several sentences names its speaker once)."""
    for h in holding(index, trig[0], trig[1]):
        sp = doc.quotes[h].speaker
        if sp.span is None:
            continue
        inside = [c for c in cands if not c.is_place and sp.span[0] <= c.span[0] and c.span[1] <= sp.span[1]]
        if inside:
            return next((c for c in inside if sp.entity is not None and c.entity == sp.entity), inside[0])
        e = doc.entities.get(sp.entity) if sp.entity else None
        if e is not None and e.type in ("PER", "ORG"):
            code, country, _kind = _entity_code(doc, sp.entity)
            return Cand(sp.span, code, sp.entity, country, _sector_of(code), False, e.type == "PER")
    return None


@cache
def _quotes_lexicon(lang: str) -> QuotesLexicon | None:
    """The quotes pack's name endings tell a pronoun's person by gender (loaded once per process)."""
    try:
        return load_quotes_lexicon(lang)
    except FileNotFoundError:
        return None


def _gender(doc: Document, qlex: QuotesLexicon, eid: str, genders: dict[str, str | None]) -> str | None:
    """A person's gender by the fullest name the text gives them."""
    if eid not in genders:
        genders[eid] = qlex.person_gender(doc.text, doc.mentions, eid)
    return genders[eid]


def _pronoun_actors(doc: Document, lex: Lexicon, toks: list[tuple[int, int, str]], skip: int,
                    m_sorted: list[Mention], m_starts: list[int], genders: dict[str, str | None],
                    ws: list[str] | None = None) -> list[tuple[int, Cand]]:
    """The sentence's pronouns that stand for a person, as actors (token index, actor; ``objective`` says an object): a
    third-person one is the last person of its gender named before it (a woman's name must say so: "тя" is never
    a man whose name tells nothing), a first-person one inside a direct quote its speaker. ``ws``: the tokens'
    words."""
    out: list[tuple[int, Cand]] = []
    words = lex.pronoun_words  # (most tokens are none: they are picked out by one set look-up each)
    if ws is None:
        ws = list(map(_WORD_OF, toks))
    if words.isdisjoint(ws):
        return out  # (most sentences: one C-level set test)
    qlex = _quotes_lexicon(lex.lang)
    for t in compress(count(), map(words.__contains__, ws)):
        a, b, w = toks[t]
        if t == skip:
            continue
        eid = None
        if w in lex.pronoun_gender and qlex is not None:
            want = lex.pronoun_gender[w]
            n = bisect_left(m_starts, a)
            while n > 0:
                n -= 1
                m = m_sorted[n]
                if a - m.span[1] > ANTECEDENT_CHARS:
                    break
                if m.span[1] <= a and m.type == "PER" and m.entity and m.form in ("name", "role"):
                    g = _gender(doc, qlex, m.entity, genders)
                    if g == want or (g is None and want == "m"):
                        eid = m.entity
                        break
        elif w in lex.first_person or w in lex.first_person_objects:
            index = memo("events.quotes", doc.quotes, lambda qs: hold_index([q.span for q in qs]))
            eid = next((q.speaker.entity for q in (doc.quotes[h] for h in holding(index, a, b))
                        if q.direct and q.speaker.entity), None)
        if eid is None or doc.entities.get(eid) is None:
            continue
        code, country, _kind = _entity_code(doc, eid)
        out.append((t, Cand((a, b), code, eid, country, _sector_of(code), False, True, pronoun=True,
                            objective=w in lex.object_pronouns or w in lex.first_person_objects)))
    return out


def _provenance(doc: Document, events: list[Event]) -> None:
    """Each event rests on the chain of sources whose scope covers its cue (the first such source)."""
    if not doc.sources:
        return  # (no source holds any event: nothing to sweep)
    holding = stabbing([s.scope or None for s in doc.sources], [ev.span[0] for ev in events])
    for ev, held in zip(events, holding, strict=True):
        cands = held if ev.span[1] > ev.span[0] else range(len(doc.sources))  # (an empty span: every source)
        for k in cands:
            s = doc.sources[k]
            if s.scope and s.scope[0] <= ev.span[0] and ev.span[1] <= s.scope[1]:
                chain, seen = [k], {k}
                nxt = s.cites
                while nxt is not None and nxt not in seen and 0 <= nxt < len(doc.sources):
                    chain.append(nxt)
                    seen.add(nxt)
                    nxt = doc.sources[nxt].cites
                ev.sources = chain
                break
