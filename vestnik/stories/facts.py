"""What a story's reports tell together, from processed documents: the shape of the store's story account.

``vestnik stories PATH...`` clusters documents it has just processed, with no store to ask, so it counts here
what :meth:`vestnik.store.Store.story` counts in SQL (``Store._story_facts``): who the reports quote, whom they
cite (according to whom) and their coded events grouped by (type, source, target), each counted in member
documents so that what several outlets report ranks above one outlet's detail. The same rules: a page's teaser
box (other stories) does not count, an event group needs a known actor, each group keeps its first event as
evidence. ``tests/test_api_web.py`` checks that the two agree on the sample corpus.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from vestnik.document import Document
from vestnik.stories.features import article_entities

STORY_FACTS = 12  # speakers, cited sources and event groups listed per story (as the store's story page)
#: an entity that at least this share of a corpus's documents name (a corpus of at least TOPIC_MIN_DOCS) tells its
#: topic, not one story: a story's "who" lists it after the entities of its own. In the 600 brexit reports, Brexit,
#: the United Kingdom and the European Union (named by 96-100 % of them) were the first three of nearly every
#: story's five; the next, Theresa May (54 %), is one story's protagonist and another's bystander. The four BSNLP
#: topics' own entities are named by 82-100 % of their reports, the next ones by at most 60 %
TOPIC_SHARE = 0.8
TOPIC_MIN_DOCS = 20

EventKey = tuple[str, str | None, str | None, str | None, str | None]  # type, source entity and code, target ...


@dataclass
class DocFacts:
    """One document's countable facts outside its teaser box (small: kept per document until its story is known)."""

    named: Counter[str] = field(default_factory=Counter)  # entity -> mentions (features.article_entities)
    quoted: Counter[str] = field(default_factory=Counter)  # speaker entity -> quotes
    cited: Counter[str] = field(default_factory=Counter)  # source entity -> citations
    events: Counter[EventKey] = field(default_factory=Counter)
    example: dict[EventKey, dict[str, Any]] = field(default_factory=dict)  # each group's first event here


def doc_facts(doc: Document) -> DocFacts:
    boxes = [t.span for t in doc.teasers]

    def own(start: int) -> bool:
        return not any(b <= start < e for b, e in boxes)

    f = DocFacts(named=article_entities(doc)[0])
    for q in doc.quotes:
        if q.speaker.entity and own(q.span[0]):
            f.quoted[q.speaker.entity] += 1
    for s in doc.sources:
        if s.entity and own(s.span[0]):
            f.cited[s.entity] += 1
    for e in doc.events:
        key = (e.type, e.source.entity or None, e.source.code or None, e.target.entity or None, e.target.code or None)
        if any(key[1:]) and own(e.span[0]):
            f.events[key] += 1
            if key not in f.example:
                b, t = e.sentence if e.sentence else (None, None)
                f.example[key] = {"document": doc.id, "span": list(e.span),
                                  "sentence": doc.text[b:t] if b is not None else None,
                                  "sentence_span": [b, t] if b is not None else None}
    return f


def filled(key: Any) -> int:
    """How much of a fact's key is known: an event with both actors ranks above one with a single actor when they
    are told as often (who did what *to whom*)."""
    return sum(1 for v in key if v) if isinstance(key, tuple) else 1


def ranked(counts: list[Counter[Any]], top: int | None = None) -> list[tuple[Any, int, int]]:
    """(key, documents, rows) per key, most documents first, then most rows, then the most complete key, then key
    (as text, as the store orders its rows); the first ``top`` (all by default)."""
    docs: Counter[Any] = Counter()
    rows: Counter[Any] = Counter()
    for c in counts:
        docs.update(c.keys())
        rows.update(c)
    return sorted(((k, docs[k], rows[k]) for k in docs), key=lambda x: (-x[1], -x[2], -filled(x[0]), str(x[0])))[:top]


def topic_wide(df: Counter[str] | dict[str, int], n_docs: int) -> set[str]:
    """The entities that tell a corpus's topic (:data:`TOPIC_SHARE`); ``df``: entity -> documents naming it."""
    if n_docs < TOPIC_MIN_DOCS:
        return set()
    return {e for e, k in df.items() if k >= TOPIC_SHARE * n_docs}


def own_first(rows: list[Any], wide: set[str], key: Any = lambda r: r[0]) -> list[Any]:
    """``rows`` (ranked) with the topic-wide entities moved after the others, each part in its order."""
    if not wide:
        return rows
    return [r for r in rows if key(r) not in wide] + [r for r in rows if key(r) in wide]


def story_facts(members: list[DocFacts], names: dict[str, str], types: dict[str, str],
                top: int = STORY_FACTS) -> dict[str, list[dict[str, Any]]]:
    """``speakers``, ``cited`` and ``events`` of a story from its members' facts (in the order they were read:
    an event group's example is its first member's); ``names``/``types``: entity id -> name / type."""

    def who(rows: list[tuple[str, int, int]], what: str) -> list[dict[str, Any]]:
        return [{"entity": k, "name": names.get(k) or k, "type": types.get(k), "documents": d, what: n}
                for k, d, n in rows]

    def actor(entity: str | None, code: str | None) -> dict[str, Any]:
        return {"entity": entity, "name": names.get(entity) if entity else None, "code": code}

    events = []
    for k, d, n in ranked([m.events for m in members], top):
        example = next(m.example[k] for m in members if k in m.example)
        events.append({"type": k[0], "source": actor(k[1], k[2]), "target": actor(k[3], k[4]), "documents": d,
                       "events": n, "example": example})
    return {"speakers": who(ranked([m.quoted for m in members], top), "quotes"),
            "cited": who(ranked([m.cited for m in members], top), "citations"), "events": events}
