"""The one document model every stage reads and annotates.

Like spaCy's ``Doc``: the text is immutable, every annotation is a span of
character offsets ``(start, end)`` into it (Python ``str`` indices, end
exclusive), and every derived fact keeps its evidence (which rule or model made
it). ``Document.to_dict()`` produces the JSON Lines contract
(``shared/eval/CONTRACT.md``); ``Document.from_dict()`` reads it back, so the
store, the worker pool and Spark can pass documents around as plain dicts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any

Span = tuple[int, int]


def content_id(text: str) -> str:
    """Stable id of a text: the same content always gets the same id (idempotent ingest)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=10).hexdigest()


@dataclass
class Article:
    headline: Span | None = None
    dateline: Span | None = None
    paragraphs: list[Span] = field(default_factory=list)
    # a lead the page ran into the headline's line ("Мей: ... здравеопазване Британският премиер Тереза Мей обеща
    # ...", the body then opening with the same words): read as the first paragraph, so it is also paragraphs[0]
    lead: Span | None = None

    def head_line(self) -> Span | None:
        """The headline's whole line, a lead run into it included: what the page printed as its title."""
        if self.headline and self.lead:
            return (self.headline[0], self.lead[1])
        return self.headline

    def body(self) -> list[Span]:
        """The paragraphs below the headline's line."""
        return self.paragraphs[1:] if self.lead else self.paragraphs


@dataclass
class Teaser:
    """One item of a related/latest-news box: a separate story, not part of the article."""

    span: Span
    headline: str = ""
    snippet: str = ""
    dateline: str | None = None
    truncated: bool = False
    headline_span: Span | None = None
    snippet_span: Span | None = None
    dateline_span: Span | None = None
    language: str | None = None


@dataclass
class Token:
    span: Span
    lemma: str | None = None
    pos: str | None = None


@dataclass
class Mention:
    span: Span
    type: str  # PER LOC ORG PRO EVT
    form: str = "name"  # name | derived | role | pronoun
    base: str | None = None
    entity: str | None = None
    evidence: str = ""  # rule/model that produced it


@dataclass
class Entity:
    name: str
    type: str
    codes: dict[str, str] = field(default_factory=dict)
    kind: str | None = None
    country: str | None = None


@dataclass
class Speaker:
    span: Span | None = None
    entity: str | None = None


@dataclass
class Quote:
    span: Span
    direct: bool
    cue: Span | None = None
    speaker: Speaker = field(default_factory=Speaker)
    sources: list[int] = field(default_factory=list)
    when: str | None = None
    when_source: str | None = None  # "expression" | "published"
    evidence: str = ""


@dataclass
class Source:
    span: Span
    entity: str | None = None
    cites: int | None = None
    scope: Span | None = None
    cue: Span | None = None
    evidence: str = ""


@dataclass
class Time:
    span: Span
    type: str  # DATE TIME DURATION SET
    value: str
    evidence: str = ""


@dataclass
class Actor:
    span: Span | None = None
    entity: str | None = None
    code: str | None = None


@dataclass
class Event:
    span: Span
    sentence: Span
    type: str
    cameo: str
    source: Actor = field(default_factory=Actor)
    target: Actor = field(default_factory=Actor)
    when: str | None = None
    where: str | None = None
    negated: bool = False
    hedged: bool = False
    quadclass: int | None = None
    goldstein: float | None = None
    sources: list[int] = field(default_factory=list)
    evidence: str = ""


def _span(x: Any) -> Span | None:
    return (int(x[0]), int(x[1])) if isinstance(x, (list, tuple)) and len(x) == 2 else None


_FIELDS: dict[type, tuple[str, ...]] = {}


def _jsonable(x: Any) -> Any:
    """Plain JSON values from dataclasses, tuples and containers (much faster than ``dataclasses.asdict``)."""
    if x is None or isinstance(x, (str, int, float, bool)):
        return x
    if isinstance(x, (tuple, list)):
        return [_jsonable(v) for v in x]
    if isinstance(x, dict):
        return {k: _jsonable(v) for k, v in x.items()}
    names = _FIELDS.get(type(x))
    if names is None:
        names = _FIELDS[type(x)] = tuple(f.name for f in fields(x))
    return {n: _jsonable(getattr(x, n)) for n in names}


@dataclass
class Document:
    """A page as the pipeline sees it. ``text`` never changes after ingest."""

    text: str
    id: str = ""
    source: str | None = None
    url: str | None = None
    title: str | None = None  # title given by the input (JSON field, <title>), may differ from headline
    html: str | None = None  # raw HTML when the input was a page; not serialised
    encoding: str | None = None
    language: str | None = None
    language_confidence: float | None = None
    published: str | None = None
    published_source: str | None = None  # metadata | dateline | url | stamp | field | cli | feed | warc-date | None
    publisher: dict[str, Any] | None = None
    article: Article = field(default_factory=Article)
    teasers: list[Teaser] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    quotes: list[Quote] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    duplicates: list[list[str]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def content_id(self) -> str:
        return content_id(self.text)

    def span_text(self, span: Span | None) -> str:
        return "" if span is None else self.text[span[0] : span[1]]

    def items(self) -> list[tuple[str, Span]]:
        """The separately analysed items of the page: ``article`` and ``teaser:N``."""
        out: list[tuple[str, Span]] = []
        a = self.article
        spans = [s for s in [a.headline, a.dateline, *a.paragraphs] if s]
        if spans:
            out.append(("article", (min(s[0] for s in spans), max(s[1] for s in spans))))
        out.extend((f"teaser:{i}", t.span) for i, t in enumerate(self.teasers))
        return out

    def to_dict(self, layers: frozenset[str] | set[str] = frozenset()) -> dict[str, Any]:
        """The contract's JSON object. ``layers`` adds optional heavy layers (``tokens``)."""
        d: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "language": self.language,
            "language_confidence": self.language_confidence,
            "published": self.published,
            "published_source": self.published_source,
            "encoding": self.encoding,
            "title": self.title,
            "text": self.text,
            "publisher": self.publisher,
            "article": _jsonable(self.article),
            "teasers": [_jsonable(t) for t in self.teasers],
            "mentions": [_jsonable(m) for m in self.mentions],
            "entities": {k: _jsonable(v) for k, v in self.entities.items()},
            "quotes": [_jsonable(q) for q in self.quotes],
            "sources": [_jsonable(s) for s in self.sources],
            "times": [_jsonable(t) for t in self.times],
            "events": [_jsonable(e) for e in self.events],
            "duplicates": [list(x) for x in self.duplicates],
            "meta": _jsonable(self.meta),
        }
        if "tokens" in layers:
            d["sentences"] = [list(s) for s in self.sentences]
            d["tokens"] = [_jsonable(t) for t in self.tokens]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        """Inverse of ``to_dict`` (tolerant of missing optional fields)."""

        def build(klass: type, x: dict[str, Any]) -> Any:
            kw: dict[str, Any] = {}
            names = {f.name for f in fields(klass)}
            for k, v in x.items():
                if k not in names:
                    continue
                if k in ("span", "headline", "dateline", "cue", "scope", "sentence", "headline_span",
                         "snippet_span", "dateline_span") and isinstance(v, list):
                    v = _span(v)
                kw[k] = v
            return klass(**kw)

        art = d.get("article") or {}
        doc = cls(
            text=d["text"],
            id=str(d.get("id") or ""),
            source=d.get("source"),
            url=d.get("url"),
            title=d.get("title"),
            encoding=d.get("encoding"),
            language=d.get("language"),
            language_confidence=d.get("language_confidence"),
            published=d.get("published"),
            published_source=d.get("published_source"),
            publisher=d.get("publisher"),
            article=Article(
                headline=_span(art.get("headline")),
                dateline=_span(art.get("dateline")),
                paragraphs=[s for s in map(_span, art.get("paragraphs") or []) if s],
                lead=_span(art.get("lead")),
            ),
            teasers=[build(Teaser, t) for t in d.get("teasers") or []],
            sentences=[s for s in map(_span, d.get("sentences") or []) if s],
            tokens=[build(Token, t) for t in d.get("tokens") or []],
            mentions=[build(Mention, m) for m in d.get("mentions") or []],
            entities={k: build(Entity, v) for k, v in (d.get("entities") or {}).items()},
            times=[build(Time, t) for t in d.get("times") or []],
            sources=[build(Source, s) for s in d.get("sources") or []],
            duplicates=[list(x) for x in d.get("duplicates") or []],
            meta=dict(d.get("meta") or {}),
        )
        for q in d.get("quotes") or []:
            q = dict(q)
            sp = q.pop("speaker", None) or {}
            quote = build(Quote, q)
            quote.speaker = Speaker(span=_span(sp.get("span")), entity=sp.get("entity"))
            doc.quotes.append(quote)
        for e in d.get("events") or []:
            e = dict(e)
            src, tgt = e.pop("source", None) or {}, e.pop("target", None) or {}
            ev = build(Event, e)
            ev.source = Actor(span=_span(src.get("span")), entity=src.get("entity"), code=src.get("code"))
            ev.target = Actor(span=_span(tgt.get("span")), entity=tgt.get("entity"), code=tgt.get("code"))
            doc.events.append(ev)
        return doc


#: What the time layer gives the quotes and events layers: the time of the clause at a span, as ``(value, source)``
#: (``vestnik.time.anchoring.when_for``; absent when the time layer is not installed).
WhenFn = Callable[[Document, Span], tuple[str | None, str | None]]
