"""Dictionary coding of events, sentence by sentence.

For each sentence: find cue patterns (the language pack's ``events.tsv``), rank them by
specificity, adjust the code for intent markers (future tense, "ready to", "will"), flag negation
and hedging, then pick the source and target actors among the sentence's linked mentions and role
nouns. The source is the first actor before the cue (the subject comes first in bg, ru and en news
prose); the target is the first other actor after the cue, else the next other actor before it.
"""

from __future__ import annotations

from dataclasses import dataclass

from vestnik.document import Actor, Document, Event, Span
from vestnik.events import cameo
from vestnik.events.lexicon import Lexicon, Pattern, load, match_at, words

MAX_PER_SENTENCE = 3
LOC_PREPS = {"в", "във", "на", "in", "at", "во", "из", "from", "от"}
PASSIVE_BY = {"by", "от"}


@dataclass
class Cand:
    span: Span
    code: str | None  # CAMEO actor code (country + sector) or None
    entity: str | None
    country: str | None
    sector: str | None
    is_place: bool = False


def _sentences(doc: Document) -> list[tuple[Span, str | None]]:
    """(sentence span, language) pairs; falls back to paragraphs and teaser parts without a language layer."""
    teaser_lang = [(t.span, t.language) for t in doc.teasers]

    def lang_at(s: Span) -> str | None:
        for sp, lg in teaser_lang:
            if sp[0] <= s[0] < sp[1]:
                return lg or doc.language
        return doc.language

    if doc.sentences:
        return [(s, lang_at(s)) for s in doc.sentences]
    spans = [s for s in [doc.article.headline, *doc.article.paragraphs] if s]
    for t in doc.teasers:
        spans += [s for s in (t.headline_span, t.snippet_span) if s]
    if not spans and doc.text.strip():
        spans = [(0, len(doc.text))]
    return [(s, lang_at(s)) for s in spans]


def _entity_code(doc: Document, eid: str | None) -> tuple[str | None, str | None, str | None]:
    """(cameo code, country ISO3/CAMEO, kind) of an entity."""
    if not eid or eid not in doc.entities:
        return None, None, None
    e = doc.entities[eid]
    code = e.codes.get("cameo") or e.codes.get("iso3")
    return code, e.country or (code[:3] if code else None), e.kind


def _role_at(lex: Lexicon, toks: list[tuple[int, int, str]], i: int) -> tuple[int, str] | None:
    for alts, sector in lex.roles:
        if i + len(alts) <= len(toks) and all(a.match(toks[i + k][2]) for k, a in enumerate(alts)):
            return i + len(alts), sector
    return None


def _candidates(doc: Document, lex: Lexicon, sent: Span, toks: list[tuple[int, int, str]]) -> list[Cand]:
    """Actors of one sentence: linked mentions, and role nouns with the country next to them."""
    text = doc.text
    source_spans = [s.span for s in doc.sources]
    ments = [m for m in doc.mentions if sent[0] <= m.span[0] and m.span[1] <= sent[1]]
    out: list[Cand] = []
    for m in ments:
        code, country, kind = _entity_code(doc, m.entity)
        if kind in ("news_agency", "outlet", "media") and any(s[0] <= m.span[0] < s[1] for s in source_spans):
            continue  # an attributed source ("предаде Ройтерс"), not a participant
        before = text[max(sent[0], m.span[0] - 5) : m.span[0]].lower().split()
        is_place = m.type == "LOC" and m.form == "name" and bool(before) and before[-1] in LOC_PREPS
        sector = code[3:6] if code and len(code) >= 6 else None
        if m.form == "derived":
            sector = None
        out.append(Cand(m.span, code if m.form != "derived" else (country or code), m.entity, country, sector,
                        is_place))
    # role nouns ("прокуратурата", "journalists") not inside a person/org mention
    covered = [m.span for m in ments if m.type in ("PER", "ORG") and m.form != "derived"]
    i = 0
    while i < len(toks):
        r = _role_at(lex, toks, i)
        if r is None:
            i += 1
            continue
        j, sector = r
        span = (toks[i][0], toks[j - 1][1])
        if any(a <= span[0] < b for a, b in covered):
            i = j
            continue
        # country: a derived/name LOC mention right before ("Руската прокуратура") or after ("на САЩ", "of Iran")
        country = None
        for c in out:
            if c.country and not c.sector and 0 <= span[0] - c.span[1] <= 2:
                country, span = c.country, (c.span[0], span[1])
                break
        if country is None:
            for c in out:
                if c.country and not c.sector and 0 <= c.span[0] - span[1] <= 5:
                    country = c.country
                    break
        out = [c for c in out if not (span[0] <= c.span[0] and c.span[1] <= span[1] and not c.sector)]
        out.append(Cand(span, (country or "") + sector if country else None, None, country, sector))
        i = j
    out.sort(key=lambda c: c.span)
    # drop candidates nested in a longer one (a derived adjective inside a role mention, for instance)
    keep: list[Cand] = []
    for c in out:
        if any(o is not c and o.span[0] <= c.span[0] and c.span[1] <= o.span[1] and o.span != c.span for o in out):
            continue
        if keep and keep[-1].span == c.span:
            continue
        keep.append(c)
    return keep


def _same(a: Cand, b: Cand) -> bool:
    return (a.entity is not None and a.entity == b.entity) or (a.code is not None and a.code == b.code)


def _choose_actors(doc: Document, cands: list[Cand], trig: Span) -> tuple[Cand | None, Cand | None]:
    """Source: the first actor before the cue (or the agent of a passive "by X"); target: the first actor
    after the cue from another country, else a different actor of the same country, else one before."""
    actors = [c for c in cands if not c.is_place and not (c.span[0] < trig[1] and trig[0] < c.span[1])]
    before = [c for c in actors if c.span[1] <= trig[0]]
    after = [c for c in actors if c.span[0] >= trig[1]]
    agent = next((c for c in after if doc.text[max(0, c.span[0] - 8) : c.span[0]].lower().split()[-1:]
                  in (["by"], ["от"])), None)
    src = agent or (before[0] if before else None)
    rest = [c for c in after if c is not src] + [c for c in before if c is not src]
    if src is None:
        return None, rest[0] if rest else None

    def foreign(c: Cand) -> bool:
        return not _same(c, src) and c.country is not None and c.country != src.country

    tgt = next((c for c in rest if foreign(c)), None) or next(
        (c for c in rest if not _same(c, src) and (c.sector or src.sector) and c.sector != src.sector), None)
    return src, tgt


def _actor(c: Cand | None, fallback_country: str | None) -> Actor:
    if c is None:
        return Actor()
    code = c.code
    if code is None and c.sector and fallback_country:
        code = fallback_country + c.sector
    return Actor(span=c.span, entity=c.entity, code=code)


def _doc_country(doc: Document) -> str | None:
    counts: dict[str, int] = {}
    for m in doc.mentions:
        _, country, _ = _entity_code(doc, m.entity)
        if country and len(country) == 3:
            counts[country] = counts.get(country, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def _matches(lex: Lexicon, toks: list[tuple[int, int, str]]) -> list[tuple[int, int, Pattern]]:
    found: list[tuple[int, int, Pattern]] = []
    for i, (_, _, w) in enumerate(toks):
        for p in lex.candidates(w):
            j = match_at(p, toks, i)
            if j is not None:
                found.append((i, j, p))
    # overlapping cues: the most specific wins; then verbal cues before nominal ones, each in text order
    found.sort(key=lambda x: (-x[2].weight, x[0]))
    chosen: list[tuple[int, int, Pattern]] = []
    for i, j, p in found:
        if any(i < b and a < j for a, b, _ in chosen):
            continue
        chosen.append((i, j, p))
    chosen.sort(key=lambda x: (not x[2].verbal, x[0]))
    return chosen


def code_events(doc: Document, when_for=None) -> list[Event]:
    events: list[Event] = []
    doc_country = None
    for sent, lang in _sentences(doc):
        lex = load(lang or "") or load("en")
        if lex is None:
            continue
        toks = words(doc.text, *sent)
        if not toks:
            continue
        found = _matches(lex, toks)
        if not found:
            continue
        cands = _candidates(doc, lex, sent, toks)
        ranked: list[tuple[int, Event]] = []
        for i, j, p in found[:MAX_PER_SENTENCE]:
            code = p.cameo
            window = {w for _, _, w in toks[max(0, i - 3) : i]}
            in_pattern = {w for _, _, w in toks[i:j]}
            if window & lex.intent and not in_pattern & lex.intent and 4 <= int(code[:2]) <= 8:
                code = cameo.as_intent(code)
            try:
                info = cameo.lookup(code)
            except KeyError:
                continue
            if info.plover is None:
                continue
            trig = (toks[i][0], toks[j - 1][1])
            src, tgt = _choose_actors(doc, cands, trig)
            if doc_country is None:
                doc_country = _doc_country(doc) or ""
            src_actor = _actor(src, doc_country or None)
            src_country = (src_actor.code or "")[:3] or doc_country or None
            tgt_actor = _actor(tgt, src_country)
            where = next((c.entity for c in cands if c.is_place), None)
            ev = Event(
                span=trig,
                sentence=sent,
                type=info.plover,
                cameo=info.code,
                source=src_actor,
                target=tgt_actor,
                where=where,
                negated=bool({w for _, _, w in toks[max(0, i - 2) : i]} & lex.negation),
                hedged=bool({w for _, _, w in toks[max(0, i - 6) : i]} & lex.hedge),
                quadclass=info.quadclass,
                goldstein=info.goldstein,
                evidence=f"lexicon:{lex.lang}:{p.source}",
            )
            if when_for is not None:
                ev.when = when_for(doc, trig)[0]
            else:
                ev.when = doc.published
            ranked.append((len(ranked), ev))
        events.extend(ev for _, ev in ranked)
    _provenance(doc, events)
    return events


def _provenance(doc: Document, events: list[Event]) -> None:
    """Each event rests on the chain of sources whose scope covers its cue."""
    for ev in events:
        for k, s in enumerate(doc.sources):
            if s.scope and s.scope[0] <= ev.span[0] and ev.span[1] <= s.scope[1]:
                chain, seen = [k], {k}
                nxt = s.cites
                while nxt is not None and nxt not in seen and 0 <= nxt < len(doc.sources):
                    chain.append(nxt)
                    seen.add(nxt)
                    nxt = doc.sources[nxt].cites
                ev.sources = chain
                break
