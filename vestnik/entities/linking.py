"""Linking: every mention gets an entity, from the KB or a new one shared by all its variants.

- KB matches keep their KB id (``vk:...``); when a name belongs to several entries (Вашингтон), the one the
  document already names unambiguously wins, then the more newsworthy kind (country > agency > ... > city).
- Other names (from the statistical tagger) are keyed by a cross-script skeleton of their base form
  (:func:`vestnik.entities.morph.name_key`), so Тръмп, Трамп and Trump share ``vx:<hash>`` across documents and
  languages; a surname alone joins the full name it abbreviates in the same document.
- Role phrases ("руският президент", "държавният секретар на САЩ") resolve to the office holder on the
  publication date.
- A state body the KB files under one country and named with a country after it is one name: the KB's body
  for its own country ("Министерството на вътрешните работи на България"), else a new one of that country
  ("... на Обединеното кралство", "Минобороны Украины": CAMEO <ISO3>GOV).
- Languages without a tagger (English): people after a title, then other capitalised names
  (:mod:`vestnik.entities.propername`), organisations taking the country word right before them.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import compress, pairwise
from operator import attrgetter
from typing import TypeGuard

from vestnik.document import Entity, Mention
from vestnik.entities import propername
from vestnik.entities.gazetteer import Q_MARKS, Gazetteer, Match, Tokens
from vestnik.entities.kb import KB, MEDIA_KINDS, KBEntry, slug
from vestnik.entities.morph import KB_DIR, latin, name_key
from vestnik.entities.ner_features import DEMONYM_ENDINGS, lang_words

PREP_OF = {"на", "of"}  # "държавният секретар на САЩ", "secretary of state of ..."
FORMER = {"бивш", "бившия", "бившият", "бившата", "бивша", "бывший", "бывшего", "бывшему", "бывшим", "former",
          "ex", "экс", "покойния", "покойният", "late"}


@lru_cache(maxsize=100_000)
def unknown_id(key: str) -> str:
    return "vx:" + hashlib.blake2b(key.encode("utf-8"), digest_size=6).hexdigest()


_CODES: dict[tuple[int, str | None], tuple[KBEntry, dict[str, str]]] = {}


def kb_entity(e: KBEntry, date: str | None) -> Entity:
    """A fresh Entity for a KB entry (callers may change it); its codes are computed once per entry and date, once
    per entry when they do not depend on the date (no roles, or a CAMEO code of its own: most entries, and every
    report has its own date)."""
    key = (id(e), date if e.roles and not e.codes.get("cameo") else None)
    hit = _CODES.get(key)
    if hit is None or hit[0] is not e:
        if len(_CODES) > 200_000:
            _CODES.clear()
        codes = {k: v for k, v in (("iso3", e.iso3), ("cameo", e.cameo(date)), ("wikidata", e.codes.get("wikidata")))
                 if v}
        hit = _CODES[key] = (e, codes)
    return Entity(name=e.name, type=e.type, codes=dict(hit[1]), kind=e.kind, country=e.iso3)


def choose(m: Match, seen: dict[str, int], kb: KB) -> str:
    """The KB id of an ambiguous match: one the document already named, else the best kind, else most populous."""
    ents = m.entries
    first = ents[0].entity
    if len(ents) == 1 or all(map(first.__eq__, map(_ENTITY, ents))):
        return first
    ids = list(dict.fromkeys(e.entity for e in ents))
    in_doc = [i for i in ids if seen.get(i)]
    if len(in_doc) == 1:
        return in_doc[0]
    best = min(m.entries, key=lambda e: (e.rank, -((kb.get(e.entity) or KBEntry("", "", "")).population or 0)))
    return best.entity


def link(text: str, gaz: Gazetteer, ner: list[Mention], date: str | None, lang: str | None = None
         ) -> tuple[list[Mention], dict[str, Entity]]:
    """Gazetteer matches merged with the tagger's mentions, all linked; returns mentions and entities.
    ``lang`` (the document's language) picks the base form among the KB's spellings."""
    kb = gaz.kb
    matches, roles, toks = gaz.match(text, lang)
    mentions: list[Mention] = []
    entities: dict[str, Entity] = {}
    # One pass over the matches for what the steps below read of them: each one's form (``Match.form`` is a
    # property: a call per look), the KB names' spans (sorted, disjoint), the adjectives by start, every match by
    # span, and how often the document names each entity unambiguously (for ``choose``).
    forms: list[str] = []
    spans: list[tuple[int, int]] = []  # each match's (start, end), built once
    kb_spans: list[tuple[int, int]] = []
    kb_starts: list[int] = []
    derived: list[Match] = []
    derived_at: dict[int, Match] = {}
    match_at: dict[tuple[int, int], Match] = {}
    seen: dict[str, int] = {}
    # each match's entity, chosen once (the steps below ask again for most matches): a match of one entity (most)
    # has it here, the others once ``seen`` is complete
    chosen: dict[tuple[int, int], str] = {}
    ambiguous: list[tuple[tuple[int, int], Match]] = []
    for m in matches:
        ents = m.entries
        first_entry = ents[0]
        f = first_entry.form
        forms.append(f)
        span = (m.start, m.end)
        spans.append(span)
        match_at[span] = m
        if f == "name":
            kb_spans.append(span)
            kb_starts.append(m.start)
        elif f == "derived":
            derived.append(m)
            derived_at[m.start] = m
        first = first_entry.entity
        if len(ents) == 1 or all(map(first.__eq__, map(_ENTITY, ents))):  # (C-level: no generator frame)
            seen[first] = seen.get(first, 0) + 1
            chosen[span] = first  # (what ``choose`` returns for it)
        else:
            ambiguous.append((span, m))
    for span, m in ambiguous:  # (the matches are disjoint: one per span)
        chosen[span] = choose(m, seen, kb)

    # 1. Merge: the tagger's span wins where it strictly contains KB matches (a longer name the KB doesn't know),
    #    the KB match wins everywhere else. BSNLP names do not nest.
    kb_set = set(kb_spans)
    keep_ner: list[Mention] = []
    drop_kb: set[tuple[int, int]] = set()
    wrapped: dict[tuple[int, int], tuple[int, int]] = {}
    #: the tagger's name of a state body with a country's adjective before the KB's name: that country's body
    adjective_of: dict[tuple[int, int], tuple[tuple[int, int], Match]] = {}
    #: the tagger's person name around a KB person's surname (Джеръми Корбин, the KB spelling Джереми Корбин)
    surname_of: dict[tuple[int, int], tuple[int, int]] = {}
    same_span: dict[tuple[int, int], Mention] = {}  # the tagger's mentions on a KB name's own span
    for nm in sorted(ner, key=_SPAN):
        sp = nm.span
        if sp in kb_set:
            # a KB name's own span (the commonest case): the only KB name it overlaps, since they are disjoint
            drop_kb.discard(sp)
            keep_ner.append(nm)  # same span: keep the tagger's type, link to the KB below
            same_span[sp] = nm
            continue
        s, e = sp
        k = max(0, bisect_left(kb_starts, s) - 1)
        inside = []
        while k < len(kb_spans) and kb_spans[k][0] < e:
            if s < kb_spans[k][1]:
                inside.append(kb_spans[k])
            k += 1
        if not inside:
            keep_ner.append(nm)
        elif all(s <= a and b <= e for a, b in inside) and (s, e) not in inside:
            kinds = {match_at[sp].entries[0].entity for sp in inside}
            known_person = any(_kb_type(kb, match_at[sp]) == "PER" for sp in inside)
            if (known_person and nm.type == "PER" and len(inside) == 1 and inside[0][1] == e
                    and _first_name_of(kb, chosen[inside[0]], text[s : inside[0][0]])):
                surname_of[(s, e)] = inside[0]  # first names in another spelling before a known surname
            elif (known_person and nm.type == "PER" and len(inside) == 1 and inside[0][1] == e
                    and (_other_first_name(gaz.first_words, text[s : inside[0][0]]) or _unknown_first_name(text, s, inside[0][0]))):
                pass  # Димитър Радев (the central banker) is not Румен Радев: another person of that surname
            elif (known_person and nm.type == "PER" and len(inside) == 1 and inside[0][0] == s
                    and " " not in text[s : inside[0][1]] and _NAME_WORDS.fullmatch(text[inside[0][1] : e].lstrip() + " ")
                    and text[inside[0][1] : e].strip()[:1].isupper()
                    and _cyrillic(text[s]) == _cyrillic(text[inside[0][1] : e].strip()[:1])):
                pass  # "Харис Теохарис", the Greek minister: a KB surname used as this person's first name (in one
                # script: "Мей May 17, 2018" is Theresa May before a date stamp)
            elif known_person and nm.type != "PER" and len(inside) == 1 and inside[0][0] > s and any(
                    w[:1].islower() for w in text[s : inside[0][0]].split()):
                pass  # "ИМЭМО имени Примакова РАН", "Институт „Роберт Кох“": a body named after a person
            elif len(kinds) > 1 or known_person:
                continue  # a span over several known names (or a known person) is the tagger's error
            elif len(inside) == 1 and inside[0][0] == s and _LOWER_PLACE.fullmatch(text, inside[0][1], e):
                continue  # "Световната здравна организация в техническа бележка": the name, then where it was said
            elif len(inside) == 1 and inside[0][0] == s and (tail := _LOWER_RUN.fullmatch(text, inside[0][1], e)) \
                    and (lang in _CASELESS or len(tail.group().split()) == 1) \
                    and tail.group(1).lower() not in _function_words(lang or "") and nm.type == "ORG" \
                    and _kb_type(kb, match_at[inside[0]]) == "ORG":
                continue  # "Европейската агенция по лекарствата даде ...": the body's name, then the clause's verb
                # (a place's is not: "Ню Йорк таймс" is a newspaper; in a language with cases two words may be
                # the name's genitive: "Палате общин британского парламента" is one name, "СЗО изпрати експерти"
                # in Bulgarian is not)
            keep_ner.append(nm)
            drop_kb.update(inside)
            if len(inside) == 1 and not _WORD.search(text[s : inside[0][0]] + text[inside[0][1] : e]):
                wrapped[(s, e)] = inside[0]  # «Северный поток — 2»: the tagger's span, the KB's entity
            elif len(inside) == 1 and inside[0][1] == e and (adj := derived_at.get(s)) is not None \
                    and text[adj.end : inside[0][0]] == " ":
                adjective_of[(s, e)] = (inside[0], adj)  # "Българското Министерство на външните работи"
        # ((s, e) in inside: a KB name's own span, taken above)
    # A place name the tagger reads as a person's first or last name used alone (Азия for Азия Биби): when the
    # document names that person in full, the person wins (``parts``). A KB person's surname used alone after a
    # full name of another person with that surname, which the KB lacks ("министърът на вътрешните работи Валентин
    # Радев. ... заяви Радев": Valentin, not Rumen Radev): the nearest full name before it says who (``fulls``).
    # Both are built on first need: most documents need neither.
    parts: set[str] | None = None
    fulls: list[tuple[int, str, Match | None]] | None = None
    for sp, nm in list(same_span.items()):
        if nm.type != "PER" or (ent := kb.get(chosen[sp])) is None:
            continue
        if ent.type != "PER":
            if parts is None:
                parts = _name_parts(text, ner)
            if name_key(text[sp[0] : sp[1]]) in parts:
                drop_kb.add(sp)
                del same_span[sp]
        elif " " not in text[sp[0] : sp[1]].strip():
            if fulls is None:
                fulls = sorted([(pm.span[0], fk.split()[-1], None)
                                for pm in keep_ner if pm.type == "PER" and pm.span not in kb_set
                                and pm.span not in surname_of and pm.span not in wrapped
                                and " " in (fk := name_key(pm.base or text[pm.span[0] : pm.span[1]]))
                                and fk not in gaz.key_index]  # (not one the KB knows by its key: "Матеуш Моравиецки")
                               + [(m.start, name_key(text[m.start : m.end]).split()[-1], m)
                                  for m, f in zip(matches, forms, strict=True)
                                  if f == "name" and " " in text[m.start : m.end].strip() and _kb_type(kb, m) == "PER"],
                               key=lambda f: f[0])
            key = name_key(text[sp[0] : sp[1]])
            last = next((f for f in reversed(fulls) if f[0] < sp[0] and f[1] == key), None)
            if last is not None and last[2] is None:
                drop_kb.add(sp)
                del same_span[sp]

    # 2. KB matches -> mentions (derived compounds share the whole hyphenated span).
    derived_span = _compound_spans(text, derived)
    foreign = _foreign_bodies(text, matches, forms, drop_kb, chosen, kb)
    by_span: dict[tuple[int, int], Mention] = {}
    for m, f, span in zip(matches, forms, spans, strict=True):
        if span in drop_kb:
            continue
        if span in foreign:
            end, iso3 = foreign[span]
            if end < 0:  # the country named inside the body's name: no mention of its own, nor the tagger's
                by_span[span] = mentions[-1]
                continue
            mt = _body_of(text, m, end, iso3, chosen[span], kb, entities, date, lang)
            mentions.append(mt)
            by_span[mt.span] = mt
            continue
        kb_id = chosen[span]
        ent = kb.get(kb_id)
        if ent is None:
            continue
        if kb_id not in entities:
            entities[kb_id] = kb_entity(ent, date)
        if f == "derived":
            mentions.append(Mention(span=derived_span.get(span, span), type=ent.type, form="derived", base=ent.name,
                                    entity=kb_id, evidence="kb.adjective"))
            continue
        tn = same_span.get(span)
        start, base = m.start, _base(m, kb_id, text[m.start : m.end], lang)
        if ent.type == "PER" and (text[start : start + 1].islower() or (" " in text[m.start : m.end] and any(
                e.entity == kb_id and e.base[:1].islower() and len(e.base.split(" ")[0]) >= 4 for e in m.entries))):
            # "папа Франциск": the name is "Франциск" (also "Папа Бенедикт XVI" opening a sentence: the alias's
            # title is written small; not a particle of the name, "Бин Ладен", "Ел Барадей")
            start, base = _untitled(text, m.start, m.end, text[m.start].isupper()), _untitled_base(base)
        # a body the KB knows by a lower-case common noun ("държавното обвинение": the prosecution) is no proper name
        common = ent.type == "ORG" and not any(map(str.isupper, text[start + 1 : m.end])) and any(
            e.entity == kb_id and e.form == "name" and e.base.islower() for e in m.entries) and not (
            text[start].isupper() and any(e.entity == kb_id and e.form == "name" and e.base[:1].isupper()
                                          for e in m.entries))  # (not "easyJet"; "Столичната дирекция на ..."
        # is the name, though the KB also knows it written small)
        mt = Mention(span=(start, m.end), type=_mention_type(ent.type, tn.type if tn else None, ent.kind),
                     form="role" if common else "name", base=base, entity=kb_id,
                     evidence="kb.gazetteer" + ("+ner" if tn else ""))
        mentions.append(mt)
        by_span[mt.span] = by_span[span] = mt  # (the tagger's "Крал Хюсеин" is this one too)

    # 3. The tagger's other names: KB by key, else a shared unknown id; surnames join full names.
    kb_keys = {**_first_name_keys(entities, kb), **_kb_person_keys(entities, kb)}
    kb_words: dict[str, list[tuple[str, str, str]]] | None = None  # built on first need
    surnames: set[str] | None = None  # the last words of the tagger's full names: built on first need
    # the PER name mentions of several words by the last word of their key, in ``mentions`` order, indexed as the
    # list grows (only appended to below): one pass over it, not one per surname the tagger found alone
    by_last: dict[str, list[Mention]] = {}
    indexed = 0

    def full_names(last: str) -> list[Mention]:
        nonlocal indexed
        for mt in mentions[indexed:]:
            if mt.type == "PER" and mt.form == "name" and " " in (mk := name_key(mt.base or "")):
                by_last.setdefault(mk.split()[-1], []).append(mt)
        indexed = len(mentions)
        return by_last.get(last, [])
    for nm in keep_ner:
        sp, ntype = nm.span, nm.type  # (read once: the tests below ask often)
        if sp in by_span:
            continue
        base = nm.base or text[sp[0] : sp[1]]
        key = name_key(base)
        if not key:
            continue
        eid: str | None = None
        if sp in surname_of:
            eid = chosen[surname_of[sp]]
        if sp in wrapped:
            eid = chosen[wrapped[sp]]
            wm = match_at[wrapped[sp]]
            base = _base(wm, eid, text[wm.start : wm.end], lang)
        elif sp in adjective_of:
            inner, adj = adjective_of[sp]
            body_id, place = chosen[inner], kb.get(chosen[(adj.start, adj.end)])
            body = kb.get(body_id)
            if _state_body(body) and place is not None and place.kind == "country" and place.iso3:
                eid = _country_body(kb, body_id, place.iso3, base, False, entities, date)
        surface = text[sp[0] : sp[1]]
        # (a surname after the full name of a person the KB lacks is that person's: "Валентин Радев ... Радев")
        own = False
        if eid is None and ntype == "PER" and " " not in key:
            before: Mention | None = None  # the nearest before it (the first of equals)
            for mt in full_names(key):
                if mt.span[0] < sp[0] and (before is None or mt.span[0] > before.span[0]):
                    before = mt
            own = before is not None and before.entity is None
        if eid is None and not own and (eid := gaz.key_index.get(key)) and ntype == "PER" and key in (
                surnames if surnames is not None else (surnames := _last_words(text, keep_ner))):
            ent_kb = kb.get(eid)
            low = surface.lower()
            if ent_kb is not None and ent_kb.type != "PER" and not any(
                    low.startswith(n.lower()) for _lg, n in ent_kb.all_names()):
                # "Алкарас" after "Карлос Алкарас" is that person, not Algiers, whose key is the same skeleton
                # ("Пакистан", a place the tagger took for a person, is written as the KB writes it)
                eid = None
        if eid is not None and ntype == "PER" and " " in key and sp not in surname_of and sp not in wrapped \
                and not _surname_agrees(surface, kb.get(eid)):
            eid = None  # "Тони Блеър" is not Dina Boluarte, whose consonant key ("tn plr") it shares
        if eid is not None and ntype != "PER" and sp not in surname_of and sp not in wrapped \
                and not _shares_stem(surface, kb.get(eid)):
            eid = None  # "Глушково" is not Glasgow, whose consonant key it shares
        eid = eid or (_person_by_key(kb_keys, key, surface, kb) if ntype == "PER" and not own else None)
        if eid is not None and ntype == "PER" and lang in _CASELESS and sp not in surname_of \
                and _another_first_name(kb, eid, base, lang):
            eid = None  # "Георги Георгиев" (the justice minister) is not Георг Георгиев, whose key is the same
        if eid is not None and ntype == "PER" and " " not in key and is_demonym_ending(surface.lower(), gaz) \
                and not _shares_stem(surface, kb.get(eid)):
            eid = None  # "Българин" is a Bulgarian, not Pellegrini, whose consonant key it shares
        if eid is None and " " not in key and (ntype != "PER" or surface[:1].islower()):
            eid = _stem_entity(gaz, surface)
        elif eid is None and " " not in key and ntype == "PER" and is_demonym_ending(surface.lower(), gaz):
            eid = _stem_entity(gaz, surface)  # Италианци, Британците at a sentence's start
        evidence, typ = "+kb.key", ntype
        if eid is None and " " not in key and len(surface) >= 5:
            if kb_words is None:
                kb_words = _kb_one_word_names(mentions, text)
            if (near := _misspelt(surface.lower(), kb_words)) is not None:
                eid, typ = near
                evidence = "+kb.typo"
        if eid and kb.get(eid):
            if eid not in entities:
                entities[eid] = kb_entity(kb.get(eid), date)  # type: ignore[arg-type]
            mentions.append(Mention(span=sp, type=typ, form="name", base=base, entity=eid,
                                    evidence=(nm.evidence or "ner") + evidence))
            continue
        mentions.append(Mention(span=sp, type=ntype, form="name", base=base, entity=None,
                                evidence=nm.evidence or "ner"))
    titled: dict[tuple[int, int], str] = {}
    orgs: dict[tuple[int, int], str] = {}
    if lang in titles():
        titled = _title_people(text, toks, mentions, lang)
        if not ner:  # no tagger for this language: capitalised names the KB does not know
            orgs = propername.recognize(text, toks, mentions, lang, kb, *titles()[lang])
    if orgs:
        _org_countries(text, mentions, orgs, kb)
    _link_unknown(mentions, entities, kb_keys, kb)
    if titled:
        _title_countries(text, mentions, titled, entities, kb)
    if orgs:
        for mn in mentions:
            if mn.evidence == "caps.country" and mn.entity in entities:
                iso, sector = orgs[mn.span].split(":")
                _give_country(entities[mn.entity], iso, sector)

    # 4. Role phrases.
    mentions.extend(_role_mentions(text, toks, roles, mentions, kb, entities, date, lang or ""))
    mentions.sort(key=lambda x: (x.span[0], -x.span[1]))
    return mentions, entities


_SPAN = attrgetter("span")
_ENTITY = attrgetter("entity")
_LOWER_PLACE = re.compile(r"\s+(?:в|във|in)(?:\s+[^\W\d_A-ZА-ЯЁ][\w-]*)+")  # " в техническа бележка"
_LOWER_RUN = re.compile(r"\s+([^\W\d_A-ZА-ЯЁ][\w-]*)(?:\s+[^\W\d_A-ZА-ЯЁ][\w-]*)*")  # " даде", " изпрати експерти"
_INITIAL_DOTS = re.compile(r"(?:[A-ZА-ЯЁ]\.\s?)+")


@lru_cache(maxsize=8)
def _function_words(lang: str) -> frozenset[str]:
    """The words that go on a name past its head (vestnik/lang/<lang>/ner_function_words.txt: "на", "за", "по"):
    lower-case words after a known name that begin with none of them are the sentence's, not the name's."""
    return lang_words(lang, "ner_function_words.txt")
_OF_COUNTRY = re.compile(r"\s+на\s+| ")  # bg "... на Обединеното кралство"; ru genitive "МИД Германии"
_IN_CAPITAL = re.compile(r"\s+(?:в|във|во)\s+")  # "Министерството на отбраната в Пекин", "Минобороны в Москве"
_BODY_KINDS = frozenset({"government", "court"})  # a legislature names itself: "Върховната рада на Украйна"


def _state_body(body: KBEntry | None) -> TypeGuard[KBEntry]:
    """A KB body of one state's government or courts, which another state has too (see :func:`_foreign_bodies`)."""
    return body is not None and body.type == "ORG" and body.kind in _BODY_KINDS and bool(body.country)


def _foreign_bodies(text: str, matches: list[Match], forms: list[str], drop: set[tuple[int, int]],
                    chosen: dict[tuple[int, int], str], kb: KB) -> dict[tuple[int, int], tuple[int, str]]:
    """A state body named with a country after it is one name ("Министерството на вътрешните работи на България",
    "Минобороны Украины"); with another country than the KB's ("... на Обединеното кралство") it is that
    country's body, not Bulgaria's ministry: {body span: (end of the country, its ISO3)}, and {country span:
    (-1, "")} for the country the longer name takes in. A country's adjective before the body ("гръцкото
    Министерство на външните работи") makes it that country's too; the adjective stays a mention of its own.
    ``forms``: each match's form; ``chosen``: each match's entity, by span."""
    out: dict[tuple[int, int], tuple[int, str]] = {}
    for (a, fa), (b, fb) in pairwise(zip(matches, forms, strict=True)):
        if (fa == "derived" and fb == "name" and text[a.end : b.start] == " "
                and (b.start, b.end) not in drop):
            place, body = kb.get(chosen[(a.start, a.end)]), kb.get(chosen[(b.start, b.end)])
            if (_state_body(body) and place is not None and place.kind == "country" and place.iso3
                    and place.iso3 != body.country):
                out[(b.start, b.end)] = (b.end, place.iso3)  # "гръцкото Министерство на външните работи": Greece's
            continue
        if fa != "name" or fb != "name" or (a.start, a.end) in drop or (b.start, b.end) in drop:
            continue
        # the two gaps exclude each other ("в" or "на"); most pairs have neither, and need no KB look-up; both
        # begin and end with white space (most gaps do not: no regex call for them)
        if a.end >= b.start or not text[a.end].isspace() or not text[b.start - 1].isspace():
            continue
        capital = _IN_CAPITAL.fullmatch(text, a.end, b.start)
        gap = None if capital else _OF_COUNTRY.fullmatch(text, a.end, b.start)
        if capital is None and gap is None:
            continue
        body, place = kb.get(chosen[(a.start, a.end)]), kb.get(chosen[(b.start, b.end)])
        if (capital and body is not None and place is not None
                and body.type == "ORG" and body.kind in _BODY_KINDS and body.country and place.kind == "city"
                and place.capital is True and place.country and place.country != body.country):
            out[(a.start, a.end)] = (a.end, place.country)  # "Министерството на отбраната в Пекин": China's; the
            continue  # city stays a place of its own
        if not gap:
            continue
        if (body is None or place is None or body.type != "ORG" or body.kind not in _BODY_KINDS or not body.country
                or place.kind != "country" or not place.iso3 or "\n" in gap.group()):
            continue
        out[(a.start, a.end)] = (b.end, place.iso3)
        out[(b.start, b.end)] = (-1, "")
    return out


def _body_of(text: str, m: Match, end: int, iso3: str, kb_id: str, kb: KB, entities: dict[str, Entity],
             date: str | None, lang: str | None) -> Mention:
    """The mention of a state body named with its country (see :func:`_foreign_bodies`): the KB's entity when the
    country is the KB's, else a new one of that country (CAMEO <ISO3>GOV)."""
    base = _base(m, kb_id, text[m.start : m.end], lang) + text[m.end : end]
    eid = _country_body(kb, kb_id, iso3, base, end > m.end, entities, date)
    return Mention(span=(m.start, end), type="ORG", form="name", base=base, entity=eid,
                   evidence="kb.gazetteer+country")


def _country_body(kb: KB, kb_id: str, iso3: str, base: str, named: bool, entities: dict[str, Entity],
                  date: str | None) -> str:
    """The entity of the KB's body ``kb_id`` as ``iso3``'s: the KB's own when the country is the KB's, the KB's
    body of that country, else a new one (CAMEO <ISO3>GOV); ``named``: the country is in ``base``."""
    ent = kb.get(kb_id)
    if ent is not None and iso3 == ent.country:
        if kb_id not in entities:
            entities[kb_id] = kb_entity(ent, date)
        return kb_id
    if (same := _same_body_of(kb, ent, iso3)) is not None:  # "Външното министерство на Русия": Russia's, which
        if same.id not in entities:                           # the KB knows
            entities[same.id] = kb_entity(same, date)
        return same.id
    # (a body named by its capital or adjective has no country in its name: the key takes it, Beijing's is not
    # Moscow's)
    eid = unknown_id(name_key(base) + ("" if named else " " + iso3.lower()))
    sector = "MIL" if ent and (ent.codes.get("cameo") or "")[3:6] == "MIL" else "GOV"  # a defence ministry
    entities.setdefault(eid, Entity(name=base, type="ORG", codes={"cameo": iso3 + sector}, kind="government",
                                    country=iso3))
    return eid


#: cities whose datelines file news of the international bodies seated there more than of their countries
_IGO_SEATS = frozenset({"vk:brussels", "vk:strasbourg", "vk:geneva", "vk:the-hague", "vk:luxembourg-lu"})


def bodies_abroad(mentions: list[Mention], entities: dict[str, Entity], kb: KB, dateline: tuple[int, int] | None,
                  end: int, date: str | None) -> None:
    """In a report filed abroad ("Кишинев, 16 ноември (БТА) - ... показват данните на Централната избирателна
    комисия") that never names the home country of a body known by a generic name (KB ``generic``: a ministry, an
    election commission), that name is the filing country's body: Moldova's commission, not Bulgaria's. Only the
    article (mentions before ``end``, where the teasers begin) is read; a teaser has a dateline of its own."""
    if dateline is None:
        return
    filed = None
    for m in mentions:
        if dateline[0] <= m.span[0] < dateline[1] and m.type == "LOC" and m.entity and m.entity not in _IGO_SEATS:
            e = kb.get(m.entity)
            if e is not None and e.kind in ("city", "country"):
                filed = e.iso3
                break
    if not filed:
        return
    inside = [m for m in mentions if m.span[0] < end and not dateline[0] <= m.span[0] < dateline[1]]
    homes: dict[tuple[int, int], str | None] = {}
    for m in inside:
        e = kb.get(m.entity or "")
        if e is not None and e.generic and e.country and e.country != filed:
            home = kb.country(e.country)
            homes[m.span] = home.id if home is not None else None
    if not homes:
        return
    named = {m.entity for m in inside if m.type == "LOC" and m.form in ("name", "derived")}
    moved = set()
    for m in inside:
        if m.span in homes and homes[m.span] not in named and m.entity:
            eid = _country_body(kb, m.entity, filed, m.base or m.entity, False, entities, date)
            if eid != m.entity:
                moved.add(m.entity)
                m.entity = eid
                m.evidence = (m.evidence or "") + "+dateline"
    for gone in moved - {m.entity for m in mentions}:  # (the home country's body, named nowhere now)
        entities.pop(gone, None)


def _same_body_of(kb: KB, ent: KBEntry | None, iso3: str) -> KBEntry | None:
    """The KB's body of another country that matches ``ent`` ("vk:bulgarian-ministry-of-foreign-affairs" for RUS:
    "vk:russian-ministry-of-foreign-affairs"), through the countries' English adjectives in the ids."""
    home, there = (kb.country(ent.country) if ent is not None else None), kb.country(iso3)
    if ent is None or home is None or there is None or not home.adjectives.get("en") or not there.adjectives.get("en"):
        return None
    prefix = f"vk:{slug(home.adjectives['en'][0])}-"
    if not ent.id.startswith(prefix):
        return None
    same = kb.get(f"vk:{slug(there.adjectives['en'][0])}-" + ent.id[len(prefix):])
    return same if same is not None and same.country == iso3 else None


def _kb_one_word_names(mentions: list[Mention], text: str) -> dict[str, list[tuple[str, str, str]]]:
    """One-word names of organisations, places and products the KB linked in this document, lower-cased, by their
    first two letters: (name, entity, type)."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for m in mentions:
        if m.entity and m.form == "name" and m.type in ("ORG", "LOC", "PRO"):
            w = text[m.span[0] : m.span[1]].lower()
            if " " not in w and len(w) >= 4:
                lst = out.setdefault(w[:2], [])
                if (w, m.entity, m.type) not in lst:
                    lst.append((w, m.entity, m.type))
    return out


def _misspelt(word: str, known: dict[str, list[tuple[str, str, str]]]) -> tuple[str, str] | None:
    """A misspelling of a name the KB linked in the same document (Райнеър, Райънейър next to Райънеър): its
    (entity, type) when exactly one such name is one edit away (two for words of 8+ letters); the tagger's type of
    a misspelt word is a guess, the KB's is not."""
    limit = 1 if len(word) < 8 else 2
    hits = {(e, t) for w, e, t in known.get(word[:2], ()) if abs(len(w) - len(word)) <= limit and _edits(word, w, limit)}
    return next(iter(hits)) if len(hits) == 1 else None


def _edits(a: str, b: str, limit: int) -> bool:
    """Whether a and b are at most ``limit`` insertions, deletions or substitutions apart (banded Levenshtein)."""
    if a == b:
        return False  # the same key: not a misspelling (the look-ups above had their chance)
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        if min(cur) > limit:
            return False
        prev = cur
    return prev[-1] <= limit


def _name_parts(text: str, ner: list[Mention]) -> set[str]:
    """The first and last words of the keys of the tagger's person names of several words."""
    parts: set[str] = set()
    for nm in ner:
        if nm.type == "PER":
            key_words = name_key(nm.base or text[nm.span[0] : nm.span[1]]).split()
            if len(key_words) > 1:
                parts.update((key_words[0], key_words[-1]))
    return parts


def _last_words(text: str, ner: list[Mention]) -> set[str]:
    """The last words of the keys of the tagger's person names of several words."""
    return {nk.rsplit(" ", 1)[1] for nm in ner if nm.type == "PER"
            and " " in (nk := name_key(nm.base or text[nm.span[0]:nm.span[1]]))}


def _compound_spans(text: str, derived: list[Match]) -> dict[tuple[int, int], tuple[int, int]]:
    """руско-корейските: both parts get the span of the whole compound."""
    out: dict[tuple[int, int], tuple[int, int]] = {}
    derived = sorted(derived, key=lambda m: m.start)
    i = 0
    while i < len(derived):
        j = i
        while j + 1 < len(derived) and text[derived[j].end : derived[j + 1].start] in ("-", "‑", "‐"):
            j += 1
        if j > i:
            span = (derived[i].start, derived[j].end)
            for k in range(i, j + 1):
                out[(derived[k].start, derived[k].end)] = span
        i = j + 1
    return out


def _kb_person_keys(entities: dict[str, Entity], kb: KB) -> dict[str, str]:
    """Surname keys of KB people named in the document (Бринк after Бриджит Бринк)."""
    out: dict[str, str] = {}
    for eid, ent in entities.items():
        if ent.type != "PER":
            continue
        for k in _surname_keys(kb, eid):
            out.setdefault(k, eid)
        for k in _written_surnames(kb.get(eid)):
            out.setdefault(k, eid)
    return out


#: per KB entry (by identity, the entry kept to check it): what :func:`_written_surnames` and
#: :func:`_first_keys` read from its names, which every document naming that person asked again
_WRITTEN: dict[int, tuple[KBEntry, tuple[str, ...]]] = {}
_FIRST_KEYS: dict[int, tuple[KBEntry, tuple[str, ...]]] = {}


def _per_entry(cache: dict[int, tuple[KBEntry, tuple[str, ...]]], e: KBEntry,
               compute: Callable[[KBEntry], list[str]]) -> tuple[str, ...]:
    """``compute(e)`` once per KB entry: by identity, the entry kept beside its value to check it."""
    hit = cache.get(id(e))
    if hit is None or hit[0] is not e:
        if len(cache) > 100_000:
            cache.clear()
        hit = cache[id(e)] = (e, tuple(compute(e)))
    return hit[1]


def _written_surnames(e: KBEntry | None) -> tuple[str, ...]:
    """"=" + the last word, lower-cased, of each of a KB person's names of several words that ends capitalised: a
    surname too short for a key ("Рюте": "rt"), as written."""
    if e is None:
        return ()
    return _per_entry(_WRITTEN, e, lambda x: ["=" + w[-1].lower() for w in (n.split() for _, n in x.all_names())
                                              if len(w) > 1 and w[-1][:1].isupper()])


def _first_keys(e: KBEntry) -> tuple[str, ...]:
    """The first word's key of each of a KB person's full names (a first word of 3+ letters, capitalised)."""
    return _per_entry(_FIRST_KEYS, e, lambda x: [k[0] for n, k in ((n, name_key(n).split()) for _, n in x.all_names())
                                                 if len(k) > 1 and len(k[0]) >= 3 and n[:1].isupper()])


def _first_name_keys(entities: dict[str, Entity], kb: KB) -> dict[str, str]:
    """First-name keys of KB people named in the document, when only one of them has that first name."""
    seen: dict[str, set[str]] = {}
    for eid, ent in entities.items():
        e = kb.get(eid) if ent.type == "PER" else None
        for k0 in _first_keys(e) if e else ():
            seen.setdefault(k0, set()).add(eid)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


def _shares_stem(surface: str, ent: KBEntry | None) -> bool:
    """Whether a name found by its consonant key has a word that begins like a word of one of the KB entity's
    names, letter for letter in Latin (the first four letters, or all but the last of a shorter word): the key
    drops vowels and merges voicing so that inflections and spellings meet ("Киева", "Норд Стрийм 2"), and so also
    joins unrelated names ("Глушково" and Glasgow, "pik.bg" and Pago Pago)."""
    if ent is None:
        return True
    mine = [latin(w) for w in surface.split() if len(w) >= 3]
    for _lang, n in ent.all_names():
        for w in n.split():
            if len(w) < 3:
                continue
            lw = latin(w)
            for m in mine:
                k = min(4, len(lw) - 1, len(m))
                if k > 1 and m[:k] == lw[:k]:
                    return True
    return False


_SURNAMES: dict[tuple[int, str], tuple[str, ...]] = {}


def _surname_keys(kb: KB, eid: str) -> tuple[str, ...]:
    key = (id(kb), eid)
    if key not in _SURNAMES:
        e = kb.get(eid)
        keys = [name_key(n).split() for _, n in (e.all_names() if e else ())]
        _SURNAMES[key] = tuple(dict.fromkeys(k[-1] for k in keys if len(k) > 1 and len(k[-1]) >= 3))
    return _SURNAMES[key]


_INITIALS: dict[tuple[int, str], frozenset[str]] = {}


def _person_by_key(kb_keys: dict[str, str], key: str, surface: str, kb: KB) -> str | None:
    """The KB person a one-word name's key points to, if one of that person's name words begins with the name's
    first two letters: the key merges voicing and vowels across scripts, so Гамалеи (the Gamaleya institute) and
    Камала share it, and a lone first name must not make the institute Kamala Harris."""
    eid = kb_keys.get(key) or kb_keys.get("=" + surface.lower())
    if eid is None:
        return None
    ck = (id(kb), eid)
    if ck not in _INITIALS:
        e = kb.get(eid)
        _INITIALS[ck] = frozenset(w[:2].lower() for _, n in (e.all_names() if e else ()) for w in n.split())
    return eid if surface[:2].lower() in _INITIALS[ck] else None


def _link_unknown(mentions: list[Mention], entities: dict[str, Entity], kb_keys: dict[str, str], kb: KB) -> None:
    """Cluster the tagger's unknown names by key; a one-word PER name joins the full name it ends."""
    todo = [m for m in mentions if m.entity is None]
    if not todo:
        return
    # each key once, its words once (name_key is memoised, but a memo call per look still cost more than the rest)
    keys = [name_key(m.base or "") for m in todo]
    words = [k.split() for k in keys]
    full: dict[str, str] = {}
    first: dict[str, set[str]] = {}
    full_at: dict[str, int] = {}  # surname -> where its first unknown full name starts
    for m, k, ws in zip(todo, keys, words, strict=True):
        if m.type == "PER" and len(ws) > 1:
            full.setdefault(ws[-1], k)
            full_at.setdefault(ws[-1], m.span[0])
            first.setdefault(ws[0], set()).add(k)
    #: (start, last key word as a list, mention) of the PER mentions: the test below reads their entity as it is
    #: then (this loop links earlier ones), their start and key never change; built on first need
    people: list[tuple[int, list[str], Mention]] | None = None
    for m, k, ws in zip(todo, keys, words, strict=True):
        if m.type == "PER" and len(ws) == 1:
            if k in full and full_at[k] < m.span[0]:
                if people is None:
                    people = [(x.span[0], name_key(x.base or "").split()[-1:], x) for x in mentions if x.type == "PER"]
                at, here = full_at[k], m.span[0]
                between = any(x.entity and at < s < here and last == ws for s, last, x in people)
            else:
                between = True
            if not between:
                # "Валентин Радев ... заяви Радев": the full name just before it, which the KB lacks, says who
                # (not Rumen Radev, whom the KB knows by that surname)
                m.entity = unknown_id(full[k])
                m.evidence += "+surname"
                if m.entity not in entities:
                    entities[m.entity] = Entity(name=m.base or "", type=m.type or "", codes={}, kind=None)
                continue
            if (eid := _person_by_key(kb_keys, k, m.base or "", kb)) is not None:
                m.entity = eid
                m.evidence += "+surname"
                continue
            if k in full:
                k = full[k]
                m.evidence += "+surname"
            elif len(first.get(k, ())) == 1:
                k = next(iter(first[k]))
                m.evidence += "+first-name"
        uid = unknown_id(k)
        m.entity = uid
        if uid not in entities:
            entities[uid] = Entity(name=m.base or "", type=m.type or "", codes={}, kind=None)


_WORD = re.compile(r"\w")
_WORD_START = re.compile(r"\b\w")
_WORD_AT = re.compile(r"\w+")
_NAME_WORDS = re.compile(r"(?:[^\W\d_][\w'’-]*\s+)+")


def _first_name_of(kb: KB, eid: str, s: str) -> bool:
    """``s`` is capitalised words (each followed by white space) that start like the first name of one of the KB
    person's full names: another spelling (Джеръми / Джереми Корбин), not a stray word (Давос Мей)."""
    ent = kb.get(eid)
    if _INITIAL_DOTS.fullmatch(s):  # "М.Моравецкий", "Б. Джонсън": the first name's initial
        return ent is not None and any(" " in n and n[:1].casefold() == s[:1].casefold() for _, n in ent.all_names())
    if not _NAME_WORDS.fullmatch(s) or not all(w[:1].isupper() for w in s.split()):
        return False
    head = s.split()[0][:3].casefold()
    return ent is not None and any(" " in n and n.split()[0][:3].casefold() == head for _, n in ent.all_names())


_CASELESS = frozenset({"bg", "mk"})  # languages whose names do not decline: "Георги" is no case of "Георг"


def _another_first_name(kb: KB, eid: str, base: str, lang: str) -> bool:
    """A full name whose first name is the KB's first name for that person with letters added or cut: a consonant
    key ignores vowels, so "Георги Георгиев" and "Георг Георгиев" share one, but they are two people (a spelling
    variant, "Джеръми" for "Джереми", still links)."""
    words = base.casefold().split()
    e = kb.get(eid)
    if len(words) < 2 or e is None or e.type != "PER":
        return False
    firsts = {n.split()[0].casefold() for lg, n in e.all_names() if lg == lang and len(n.split()) > 1}
    return bool(firsts) and words[0] not in firsts and any(
        words[0].startswith(f) or f.startswith(words[0]) for f in firsts)


def _unknown_first_name(text: str, s: int, surname: int) -> bool:
    """One capitalised word inside a sentence before a KB person's surname, that the tagger reads as one name with
    it and the KB knows as no name of its own: a first name the KB lacks ("съобщи министърът на вътрешните работи
    Валентин Радев": not Rumen Radev). A capitalised word at a sentence's start may be any word ("Давос Мей")."""
    w = text[s:surname]
    if not _NAME_WORDS.fullmatch(w) or len(w.split()) != 1 or not w[:1].isupper() or w[1:2].isupper():
        return False
    before = text[max(0, s - 3) : s].rstrip()
    return bool(before) and (before[-1].islower() or before[-1] == ",")


def _surname_agrees(surface: str, ent: KBEntry | None) -> bool:
    """The full name's last word is spelt much like one of the KB person's last words, in the same script: a
    consonant key alone joins different people ("Тони Блеър" and "Дина Болуарте" share "tn plr")."""
    if ent is None or ent.type != "PER" or not surface.split():
        return True
    last = surface.split()[-1].casefold()
    same = [n.split()[-1].casefold() for _, n in ent.all_names() if n.split() and _cyrillic(n[0]) == _cyrillic(surface[0])]
    # (a spelling of the same surname stays: "Тереза Май" for "Мей", "Моравиецки" for "Моравецки")
    return not same or any(w[:1] == last[:1] and SequenceMatcher(None, w, last).ratio() >= 0.6 for w in same)


def _cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def _other_first_name(first_words: frozenset[str], s: str) -> bool:
    """``s`` is one capitalised word (and white space) that is the first name of some KB person, in any script
    (``first_words``: ``Gazetteer.first_words``): a first name, not a stray word before a surname (Давос Мей). Called
    only when it is not the first name of the KB person the surname matched (_first_name_of is tried first)."""
    words = s.split()
    if len(words) != 1 or not _NAME_WORDS.fullmatch(s) or not s[:1].isupper():
        return False
    return words[0].casefold() in first_words


def _untitled(text: str, start: int, end: int, capitalised: bool = False) -> int:
    """Where the name starts in a KB person's alias that begins with a title in lower case ("папа Франциск",
    "крал Фелипе VI"): at its first capitalised word, as BSNLP marks names (titles are not part of them); with
    ``capitalised``, the title opened a sentence ("Папа Бенедикт XVI"): at the next one."""
    for mo in _WORD_START.finditer(text, start, end):
        if text[mo.start()].isupper() and not (capitalised and mo.start() == start):
            return mo.start()
    return start


def _untitled_base(base: str) -> str:
    """The base form without its lower-case title words ("папа Франциск" -> "Франциск")."""
    words = base.split(" ")
    k = next((i for i, w in enumerate(words) if w[:1].isupper()), 0)
    return " ".join(words[k:])


def _base(m: Match, eid: str, surface: str, lang: str | None) -> str:
    """Base form of a KB match: the surface itself when the KB lists it as a name, else the KB name in the
    document's language (Европейския парламент -> Европейски парламент, not the Russian spelling)."""
    ents = m.entries
    own = ents if len(ents) == 1 else [e for e in ents if e.entity == eid] or ents  # (one entry: the list either way)
    low = surface.casefold()
    for e in own:
        if e.quote >= 0 and (b := e.plain()).casefold() == "".join(c for c in low if c not in Q_MARKS):
            # a title written with marks: the base has none (РИА "Новости" -> РИА Новости; "ТРУД" -> Труд), but
            # Russian keeps those inside the name, as BSNLP's Russian base forms do (РИА «Новости»)
            if lang == "ru" and e.quote > 0 and not e.titled:
                return surface
            return b if surface.isupper() != b.isupper() else " ".join("".join(
                c for c in surface if c not in Q_MARKS).split())
        if e.base.casefold() == low:
            return surface if e.base.isupper() != surface.isupper() else e.base
    same = [e for e in own if e.lang == lang or (e.lang == "cyrl" and lang in ("bg", "ru"))]
    return (same or own)[0].plain()  # (without quote marks: '"Труд"' is Труд)


def _mention_type(kb_type: str, ner_type: str | None, kind: str | None = None) -> str:
    """The KB's type for people and places it knows, and for products and events the tagger reads as a person or
    place; the tagger's where conventions vary (ORG vs PRO)."""
    if ner_type is None:
        return kb_type
    if kb_type in ("PER", "LOC") and ner_type in ("PER", "LOC", "ORG"):
        return kb_type
    # a product or event the KB knows (Северен поток 2, Брекзит) is no person or place, whatever the tagger
    # learnt from the word's shape; ORG vs PRO for media and firms is where conventions vary: the tagger's
    if kb_type == "EVT" or (kb_type == "PRO" and (ner_type in ("PER", "LOC") or kind == "platform")):
        return kb_type  # a platform (Туитър, Telegram) is a product, BSNLP's PRO, not its company
    # an organisation the KB knows (Райънеър, Газпром) is no person, however the tagger read its shape
    if kb_type == "ORG" and (ner_type == "PER" or (ner_type == "LOC" and kind in _NO_PLACE)):
        return kb_type  # (nor a place, if it is a party or a firm: "Демократична България" is no country)
    return ner_type


_NO_PLACE = frozenset({"party", "company", "pollster", "union", "ngo", "movement"}) | MEDIA_KINDS


def _kb_type(kb: KB, m: Match) -> str:
    e = kb.get(m.entries[0].entity)
    return e.type if e else ""


def is_demonym_ending(low: str, gaz: Gazetteer) -> bool:
    """Whether a lower-cased word is a country adjective's stem plus a demonym ending (италиан-ци), so that a
    capitalised one is a people's name, not a surname that starts like a country (Британов)."""
    lens = gaz.stem_lengths_below
    for n in lens[len(low)] if len(low) < len(lens) else gaz.stem_lengths:
        if low[:n] in gaz.stems:
            return low[n:] in DEMONYM_ENDINGS
    return False


def _stem_entity(gaz: Gazetteer, surface: str) -> str | None:
    """A demonym (британците, пакистанка, европейцев) -> the entity whose adjective stem it starts with."""
    low = surface.lower()
    memo = gaz.stem_memo
    if low in memo:
        return memo[low]
    eid = None
    for n in gaz.stem_lengths:
        if n <= len(low) and (eid := gaz.stems.get(low[:n])):
            break
    if len(memo) > 100_000:
        memo.clear()
    memo[low] = eid or None
    return eid or None


def _role_mentions(text: str, toks: Tokens, roles: list[Match], mentions: list[Mention], kb: KB,
                   entities: dict[str, Entity], date: str | None, lang: str = "") -> list[Mention]:
    """'руският президент', 'президент России', 'държавният секретар на САЩ' -> the office holder."""
    out: list[Mention] = []
    if not roles:
        return out
    cids = kb.country_ids
    offices = igo_roles()
    countries: list[Mention] = []
    orgs: dict[int, Mention] = {}
    people_at: dict[int, Mention] = {}
    by_end: dict[int, Mention] = {}
    derived: set[tuple[int, int]] = set()  # "на Българската ... асоциация": an adjective, not the country
    for m in mentions:  # (one pass: five comprehensions before)
        entity, form = m.entity, m.form
        if entity in cids:
            countries.append(m)
            by_end[m.span[1]] = m
            if form == "derived":
                derived.add(m.span)
        if form == "name":
            if entity in offices:
                orgs[m.span[0]] = m
            if m.type == "PER":
                people_at[m.span[0]] = m
    by_start = {m.span[0]: m for m in countries if m.form == "name" and m.span not in derived}
    # an undated text's "британският премиер" is the prime minister it names elsewhere (Theresa May in a 2018
    # report), not today's: without a date, a holder of the office named in the text comes first
    # (the most named first: a report on May that names Boris Johnson too means May)
    named_here = [x for x in (kb.get(eid) for eid, _ in Counter(
        m.entity for m in people_at.values() if m.entity).most_common()) if x is not None] if date is None else []

    def holder_of(country: str, roles: list[str]) -> KBEntry | None:
        for role in roles:
            for e in named_here:
                if any(x.role == role and x.of == country for x in e.roles):
                    return e
        return kb.holder(country, roles, date)

    starts: list[int] = []  # people's mention starts, sorted, and who is called by which office: on first need
    titles: list[tuple[int, frozenset[str], str | None]] | None = None
    for r in roles:
        if r.start > 0 and text[r.start - 1] in "-‑" and text[r.start - 2 : r.start - 1].isalpha():
            continue  # "Вице-премьер РФ", "экс-премьер": another office than the one the role word names
        keys = r.entries[0].entity.split("|")
        country, start, end = None, r.start, r.end
        before = by_end.get(_skip_ws_back(text, r.start))
        if before is not None:
            country, start = before, before.span[0]
        else:
            nxt = _skip_ws(text, r.end)
            word = _WORD_AT.match(text, nxt)  # (not re.match on text[nxt:]: a copy of the rest of the text per role)
            if word and word.group().lower() in PREP_OF:
                nxt = _skip_ws(text, word.end())
            cm = by_start.get(nxt)
            if cm is not None:
                country, end = cm, cm.span[1]
            elif (om := orgs.get(nxt)) is not None:  # "генералният секретар на НАТО"
                specific = [offices[om.entity][k] for k in keys if k in offices[om.entity]]  # type: ignore[index]  # (orgs: entity in offices)
                holder = holder_of("IGO", specific) if specific else None
                appo = people_at.get(_skip_ws(text, om.span[1]))
                if appo is not None:  # "председателят на Европейската комисия Жан-Клод Юнкер": the name beats the date
                    named = kb.get(appo.entity) if appo.entity else None
                    holder = named if named is not None and any(x.role in specific for x in named.roles) else None
                if holder is not None and not _former(text, start):
                    entities.setdefault(holder.id, kb_entity(holder, date))
                    out.append(Mention(span=(start, om.span[1]), type="PER", form="role",
                                       base=text[start : om.span[1]].lower(), entity=holder.id, evidence="kb.role"))
                continue
        if country is None:
            if titles is None:
                starts = sorted(people_at)
                titles = _titles(text, roles, people_at, starts) if date is None else []
            if not any(o.span[0] <= start and end <= o.span[1] for o in out) and (  # ("глава" in "държавният глава")
                    back := _holder_before(text, r, keys, people_at, starts, kb, date, lang, titles)) is not None:
                entities.setdefault(back.id, kb_entity(back, date))
                out.append(Mention(span=(start, end), type="PER", form="role", base=text[start:end].lower(),
                                   entity=back.id, evidence="kb.role_back"))
            continue
        if _former(text, start):
            continue
        iso = (kb.get(country.entity or "") or KBEntry("", "", "")).iso3 or ""
        appo = people_at.get(_skip_ws(text, end))
        named = kb.get(appo.entity) if appo is not None and appo.entity else None
        if appo is not None and named is None:
            _give_country(entities.get(appo.entity or ""), iso, "GOV")
            continue  # "Serbian President Vojislav Kostunica": a person the KB lacks, not today's holder
        if named is not None and any(r.role in keys and r.of == iso for r in named.roles):
            holder = named  # "държавният секретар на САЩ Марко Рубио": the name beats the date
        else:
            holder = holder_of(iso, keys)
        if holder is None:
            continue
        if holder.id not in entities:
            entities[holder.id] = kb_entity(holder, date)
        out.append(Mention(span=(start, end), type="PER", form="role", base=text[start:end].lower(),
                           entity=holder.id, evidence="kb.role"))
    return out


_BACK = 1500  # how far back a lone role phrase looks for its holder (characters)


def _titles(text: str, roles: list[Match], people_at: dict[int, Mention],
            starts: list[int]) -> list[tuple[int, frozenset[str], str | None]]:
    """(end of a role phrase, its role keys, the person named within 40 characters after it with no punctuation
    between): who the text calls by which office ("Президентът на Франция Еманюел Макрон")."""
    out = []
    for o in roles:
        keys = frozenset(o.entries[0].entity.split("|"))
        for p in starts[bisect_left(starts, o.end) : bisect_right(starts, o.end + 40)]:
            if not any(ch in text[o.end : p] for ch in ".,;:!?"):
                out.append((o.end, keys, people_at[p].entity))
    return out


def _holder_before(text: str, r: Match, keys: list[str], people_at: dict[int, Mention], starts: list[int], kb: KB,
                   date: str | None, lang: str, titles: list[tuple[int, frozenset[str], str | None]]
                   ) -> KBEntry | None:
    """A definite role phrase with no country ("държавният глава", "the president") -> the nearest person named
    before it who holds one of its roles (on the date, when known), or None."""
    marks = roles_back().get(lang)
    if not marks or _former(text, r.start) or not any(e.lang == lang for e in r.entries) or text[r.start - 1] == "-":
        return None  # (a role in the text's language: bg "глава" is a chapter; "Министър-председателят" is whole)
    nxt = _WORD_AT.match(text, _skip_ws(text, r.end))
    if nxt is not None and (nxt.group().lower() in PREP_OF or nxt.group()[0].isupper()):
        return None  # "Лидерът на партията Корнелия Нинова", "Президентът Румен Радев": someone named after it
    first = _WORD_AT.match(text, r.start)
    if first is None:
        return None
    if "phrase" in marks and "_".join(text[r.start : r.end].lower().split()) not in marks["phrase"]:
        return None  # ru "глава государства": a phrase that is always someone's, with no article to say so
    if "ending" in marks and not first.group().lower().endswith(marks["ending"]):
        return None
    if "before" in marks:
        prev = _LAST_WORD_SPACE.search(text[max(0, r.start - 12) : r.start])
        if not prev or prev.group(1).lower() not in marks["before"]:
            return None
    found: list[KBEntry] = []
    for pos in reversed(starts[bisect_left(starts, r.start - _BACK) : bisect_left(starts, r.start)]):
        e = kb.get(people_at[pos].entity or "")
        if e is not None and e not in found and any(
                x.role in keys and (x.active(date) if date else True) for x in e.roles):
            found.append(e)
    if date is None:
        # undated, any term of office counts, so only someone the text itself calls by this office ("Президентът
        # на Франция Еманюел Макрон"): not Michel Barnier, a later prime minister, in a 2018 report on Brexit
        titled = {who for end, ks, who in titles if end <= r.start and not ks.isdisjoint(keys)}
        found = [e for e in found if e.id in titled]
    return found[0] if found else None


@lru_cache(maxsize=1)
def roles_back() -> dict[str, dict[str, tuple[str, ...]]]:
    """lang -> marker kind ("ending", "before", "phrase") -> values, from curated/roles_back.tsv."""
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for line in (KB_DIR / "curated" / "roles_back.tsv").read_text(encoding="utf-8").splitlines():
        c = line.split("\t")
        if len(c) >= 3 and not line.startswith("#"):
            out.setdefault(c[0].strip(), {})[c[1].strip()] = tuple(c[2].split())
    return out


def _is_country(kb: KB, eid: str) -> bool:
    e = kb.entries.get(eid)
    return e is not None and e.kind == "country"


_LAST_WORD = re.compile(r"(\w+)\s*$")  # (compiled once: _former runs for every role phrase)
_LAST_WORD_SPACE = re.compile(r"(\w+)\s+$")


def _former(text: str, start: int) -> bool:
    """'бившият президент', 'former president': not the current holder."""
    prev = _LAST_WORD.search(text[max(0, start - 20) : start])
    return bool(prev and prev.group(1).lower() in FORMER)


@lru_cache(maxsize=1)
def igo_roles() -> dict[str, dict[str, str]]:
    """org id -> generic role -> the organisation's own role key (curated/igo_roles.tsv)."""
    out: dict[str, dict[str, str]] = {}
    for line in (KB_DIR / "curated" / "igo_roles.tsv").read_text(encoding="utf-8").splitlines():
        c = line.split("\t")
        if len(c) >= 3 and not line.startswith("#"):
            out.setdefault(c[0].strip(), {})[c[1].strip()] = c[2].strip()
    return out


def _skip_ws(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \u00a0":
        i += 1
    return i


def _skip_ws_back(text: str, i: int) -> int:
    while i > 0 and text[i - 1] in " \u00a0":
        i -= 1
    return i


@lru_cache(maxsize=1)
def titles() -> dict[str, tuple[dict[str, str], frozenset[str]]]:
    """lang -> (title word -> CAMEO sector, words that cannot be part of a name) from curated/titles.tsv."""
    out: dict[str, tuple[dict[str, str], set[str]]] = {}
    for line in (KB_DIR / "curated" / "titles.tsv").read_text(encoding="utf-8").splitlines():
        c = line.split("\t")
        if len(c) >= 2 and not line.startswith("#"):
            t, stop = out.setdefault(c[0].strip(), ({}, set()))
            sector = c[2].strip() if len(c) > 2 else ""
            if sector == "STOP":
                stop.add(c[1].strip())
            else:
                t[c[1].strip()] = sector
    return {k: (t, frozenset(st)) for k, (t, st) in out.items()}


_NAME_GAP = {" ", "-", ". ", ".", "'", "’"}
_PARTICLES = {"al", "el", "bin", "ibn", "abu", "de", "da", "dos", "du", "van", "von", "der", "den", "ul", "ur", "la"}


def _title_people(text: str, tk: Tokens, mentions: list[Mention], lang: str) -> dict[tuple[int, int], str]:
    """English has no statistical tagger: capitalised words right after a title ("President Abdelaziz
    Bouteflika", "Lt. Gen. Prosper Avril", "rebel leader John Garang") become PER mentions, and so does the
    surname alone elsewhere in the text. Returns person span -> the CAMEO sector the title implies."""
    table, stop = titles()[lang]
    taken = bytearray(len(text) + 1)
    for m in mentions:
        taken[m.span[0] : m.span[1]] = b"\1" * (m.span[1] - m.span[0])
    out: dict[tuple[int, int], str] = {}
    low = tk.low
    n = len(low)
    toks = tk.spans
    nxt = 0
    for i in compress(range(n), map(table.__contains__, low)):  # only where a title word stands
        if i < nxt or taken[toks[i][0]]:
            continue
        sector = table[low[i]]
        j = i + 1
        while j < n and low[j] in table and _gap_ok(text, toks[j - 1], toks[j], 4):
            sector = sector or table[low[j]]
            j += 1
        k = j
        while k < n and k - j < 5 and _gap_ok(text, toks[k - 1], toks[k], 4 if k == j else 1):
            tok = text[toks[k][0] : toks[k][1]]
            lw = low[k]
            if taken[toks[k][0]] or lw in stop or not (tok[:1].isupper() or (lw in _PARTICLES and k > j)):
                break
            k += 1
        while k > j and low[k - 1] in _PARTICLES:
            k -= 1
        if k > j and not (k - j == 1 and toks[j][1] - toks[j][0] < 3):
            span = (toks[j][0], toks[k - 1][1])
            mentions.append(Mention(span=span, type="PER", form="name", base=text[span[0] : span[1]], entity=None,
                                    evidence="title." + lang))
            taken[span[0] : span[1]] = b"\1" * (span[1] - span[0])
            out[span] = sector
        nxt = max(k, i + 1)
    # The surname alone later on ("Bouteflika said"): same person. Each surname is looked for once: a second
    # look finds only hits the first one took (a long text names one person with a title many times).
    done: set[str] = set()
    for span in list(out):
        last = text[span[0] : span[1]].split()[-1]
        if " " not in text[span[0] : span[1]] or len(last) < 4 or last in done:
            continue
        done.add(last)
        for hit in re.finditer(r"\b" + re.escape(last) + r"\b", text):
            if not any(taken[hit.start() : hit.end()]):
                mentions.append(Mention(span=hit.span(), type="PER", form="name", base=last, entity=None,
                                        evidence="title." + lang))
                taken[hit.start() : hit.end()] = b"\1" * (hit.end() - hit.start())
    return out


def _gap_ok(text: str, a: tuple[int, int], b: tuple[int, int], dot_after: int) -> bool:
    """Words of one title phrase: a space or hyphen between them, a full stop only after an abbreviation
    (``dot_after`` letters at most: "Gen. Avril", "George W. Bush")."""
    gap = text[a[1] : b[0]]
    return gap in _NAME_GAP and ("." not in gap or a[1] - a[0] <= dot_after)


def _title_countries(text: str, mentions: list[Mention], titled: dict[tuple[int, int], str],
                     entities: dict[str, Entity], kb: KB) -> None:
    """A titled person's country: the country word in the same phrase before the title ("British Defence Secretary
    Tom King", "Niger's ambassador Brah Mohamane")."""
    countries = sorted((m for m in mentions if m.entity and _is_country(kb, m.entity)),
                       key=lambda m: m.span[1])
    people = {m.span: m for m in mentions if m.span in titled}
    for span, sector in titled.items():
        best = None
        for c in countries:
            if c.span[1] <= span[0] and span[0] - c.span[1] <= 45 and not re.search(r"[,;:.()\"]|\s(and|or|with)\s",
                                                                                 text[c.span[1] : span[0]]):
                best = c
        p = people.get(span)
        if best is None or p is None:
            continue
        iso = (kb.get(best.entity or "") or KBEntry("", "", "")).iso3 or ""
        _give_country(entities.get(p.entity or ""), iso, sector)


def _org_countries(text: str, mentions: list[Mention], orgs: dict[tuple[int, int], str], kb: KB) -> None:
    """An organisation right after a country word ("Iraqi Foreign Ministry", "Iran's Foreign Ministry") is that
    country's: the mention grows over the country word and ``orgs`` maps its span to "ISO3:sector"."""
    by_end: dict[int, Mention] = {}
    for m in mentions:
        if m.entity and _is_country(kb, m.entity):
            by_end[m.span[1]] = m
    for m in mentions:
        if m.evidence.startswith("caps.") and m.span in orgs:
            s = m.span[0]
            for gap in (" ", "'s ", "’s "):
                c = by_end.get(s - len(gap))
                if c is not None and text[s - len(gap) : s] == gap:
                    iso = (kb.get(c.entity) or KBEntry("", "", "")).iso3
                    if iso:
                        sector = orgs.pop(m.span)
                        m.span = (c.span[0], m.span[1])
                        m.base = text[m.span[0] : m.span[1]]
                        m.evidence = "caps.country"
                        orgs[m.span] = f"{iso}:{sector}"
                    break
    for k in [k for k, v in orgs.items() if ":" not in v]:
        del orgs[k]


def _give_country(ent: Entity | None, iso: str, sector: str) -> None:
    """Country (and CAMEO code) of a person the KB does not know, from the words next to the name."""
    if ent is None or not iso or ent.country:
        return
    ent.country = iso
    ent.codes = {**ent.codes, "cameo": iso + sector}
