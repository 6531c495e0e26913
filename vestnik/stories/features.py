"""What the story layer reads from a processed document: title, body words, entities, date, outlet."""

from __future__ import annotations

import datetime as dt
import html
import re
import sys
from collections import Counter
from dataclasses import MISSING, dataclass, field, fields
from urllib.parse import urlparse

from vestnik.document import Document
from vestnik.entities.kb import MEDIA_KINDS
from vestnik.language.script import unmask
from vestnik.stories.normalize import figures, tokens

LEAD_CHARS = 450  # about the first 60 words of a Bulgarian or Russian body: where a report states its event
LEAD_KEY_CHARS, MIN_TITLE_CHARS = 30, 16  # a lead run into the headline's line: its opening, and the headline left
TEASER = "#teaser:"  # a teaser item's id: "<page id>#teaser:<n>" (the page's own name for the item after the "#")


def with_defaults(obj: object, state: dict) -> None:
    """Unpickle a dataclass (``__setstate__``): a field added after the pickle was written gets its default, so
    stories states and caches from earlier versions read as if written today."""
    d = obj.__dict__
    d.update(state)
    names = _FIELD_NAMES.get(type(obj))
    if names is None:
        names = _FIELD_NAMES[type(obj)] = frozenset(f.name for f in fields(obj))  # type: ignore[arg-type]
    if not names.issubset(d):  # (a state with every field, the usual case, reads no fields)
        for f in fields(obj):  # type: ignore[arg-type]
            if f.name not in d:
                d[f.name] = f.default_factory() if f.default_factory is not MISSING else f.default


_FIELD_NAMES: dict[type, frozenset[str]] = {}


_CUT = re.compile(r"(\.\.\.|…|\[\.\.\.\]|\(\.\.\.\))\s*$")
#: what a saved page puts before a headline that is not part of it: a ticker's clock time ("20:12 Мей с
#: поражение..."), a date stamp with or without its time ("17.02.2018 В Мюнхен...", "28.01.2018 14.35 ..."), an
#: agency's item code ("(OF) Борис Джонсън...", BTA's pages); only before a capital or a quote mark ("10:00 часа
#: започна..." keeps its time)
_HEAD_NOISE = re.compile(r"^(?:\s*(?:\d{1,2}:\d{2}(?!\d)|\([A-Z]{1,3}\)"
                         r"|\d{1,2}\.\d{1,2}\.\d{4}(?:\s+\d{1,2}[:.]\d{2})?(?!\d))\s+)+")


@dataclass
class StoryDoc:
    """The slice of a :class:`Document` that deduplication and clustering use (small, picklable)."""

    id: str
    title: str
    words: list[str]  # folded words of headline + body
    body_start: int = 0  # index in ``words`` where the body starts (after the headline)
    truncated: bool = False
    published: str | None = None
    outlet: str | None = None
    language: str | None = None
    entities: list[str] = field(default_factory=list)  # canonical entity ids mentioned in the article
    lead_entities: list[str] = field(default_factory=list)  # ... in its headline and first LEAD_CHARS of body
    figures: list[str] = field(default_factory=list)  # the quantities it states (normalize.figures)

    __setstate__ = with_defaults

    @property
    def day(self) -> int | None:
        """Days since 1970 (None when the date is unknown or a 1970 placeholder)."""
        if not self.published:
            return None
        try:
            d = dt.date.fromisoformat(self.published[:10])
        except ValueError:
            return None
        n = (d - dt.date(1970, 1, 1)).days
        return n if n > 1 else None


def words_of(text: str) -> list[str]:
    """The folded words of a text, interned: a batch holds every document's words until it is clustered, and news
    vocabulary is Zipfian, so one string per distinct word (0.27x the memory of plain token lists: bench.stories)."""
    return list(map(sys.intern, tokens(text)))


def clean_title(title: str) -> str:
    """A headline without the clock time, date stamp or item code a page put before it (a story's title shows the
    event), with the HTML character references a crawler left in saved text decoded ("&quot;") and disguised
    Cyrillic words in Cyrillic ("Baнгa": ``vestnik.language.script``)."""
    if "&" in title:
        title = html.unescape(title)
    unmasked = unmask(title)
    if unmasked is not None:
        title = unmasked[0]
    m = _HEAD_NOISE.match(title)
    if m is None or m.end() == len(title):
        return title
    rest = title[m.end() :]
    return rest if rest[0].isupper() or rest[0] in "„“\"«'" else title


def is_cut(text: str) -> bool:
    """A teaser or lead that ends in an ellipsis was cut by the page, not by its author."""
    return bool(_CUT.search(text.rstrip()))


def outlet_of(doc: Document) -> str | None:
    if doc.publisher and doc.publisher.get("name"):
        return str(doc.publisher["name"])
    if doc.url:
        host = urlparse(doc.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def story_doc(doc: Document) -> StoryDoc:
    """Headline + article body (teaser boxes left out: they are other stories); the whole text if unsegmented."""
    a = doc.article
    head = doc.span_text(a.head_line()).strip() if a.headline else ""
    paras = [doc.span_text(p) for p in a.body()]
    body = "\n".join(paras) if paras else doc.text
    if not head and not paras:
        first, _, rest = doc.text.strip().partition("\n")
        if rest.strip() and len(first) < 300:
            head, body = first.strip(), rest
    title = _without_lead(head, paras[0]) if head and paras else head
    title = title or (doc.title or "").strip() or body.strip().split("\n", 1)[0][:160]
    hw = words_of(head) if head else []
    bw = words_of(body)
    ents, lead = article_entities(doc)
    return StoryDoc(id=doc.id or doc.content_id, title=title, words=hw + bw, body_start=len(hw),
                    truncated=is_cut(body), published=doc.published, outlet=outlet_of(doc),
                    language=doc.language, entities=sorted(ents), lead_entities=sorted(lead),
                    figures=figures(head + "\n" + body))


def _without_lead(head: str, first: str) -> str:
    """The headline without the lead some sites run into its line ("… гръм ударил самолета им Близо 100 души,
    пътуващи …", the body then opening "Близо 100 души, пътуващи …"): cut where the first paragraph's opening
    words begin in it. The story's title is then the headline; its terms are the line's words all the same."""
    key = " ".join(first.split())[:LEAD_KEY_CHARS]
    line = " ".join(head.split())
    at = line.find(key) if len(key) == LEAD_KEY_CHARS else -1
    return line[:at].rstrip(" ,:;-–—") if at >= MIN_TITLE_CHARS else head


def article_entities(doc: Document) -> tuple[Counter[str], set[str]]:
    """Mentions per canonical entity in the article's own text (headline and paragraphs: a teaser box tells other
    stories, with other people and places), and the entities its headline or lead names."""
    a = doc.article
    spans = [sp for sp in (a.headline, *a.paragraphs) if sp]
    body = a.body()
    lead_end = body[0][0] + LEAD_CHARS if body else len(doc.text)
    ents: Counter[str] = Counter()
    lead: set[str] = set()
    # an agency or outlet the text cites is where the news came from, not what it is about ("предаде Ройтерс", a
    # site's 'Абонамент за "24 часа"' footer): no story term; across languages the wire a lead names is evidence of
    # one report told twice (the seed page and an English report of it both cite KCNA), so the lead keeps it
    outlets = {k for k, e in doc.entities.items() if e.kind in MEDIA_KINDS}
    for m in doc.mentions:
        if m.entity and (not spans or any(b <= m.span[0] < e for b, e in spans)):
            if m.entity not in outlets:
                ents[m.entity] += 1
            if m.span[0] < lead_end:
                lead.add(m.entity)
    return ents, lead


def teaser_docs(doc: Document, page_id: str | None = None) -> list[StoryDoc]:
    """A page's teasers as items of their own, ``<page id>#teaser:<n>``: each is another article's headline and
    cut lead, which the corpus index links to that article when it holds it (never a story member: the teaser
    box tells other stories, from other days, so it carries no date)."""
    page = page_id or doc.id or doc.content_id
    out = []
    for i, t in enumerate(doc.teasers):
        hw, bw = words_of(t.headline), words_of(t.snippet)
        if not bw and not hw:
            continue
        ents = sorted({m.entity for m in doc.mentions if m.entity and t.span[0] <= m.span[0] < t.span[1]})
        out.append(StoryDoc(id=f"{page}{TEASER}{i}", title=t.headline.strip() or t.snippet.strip()[:160],
                            words=hw + bw, body_start=len(hw), truncated=t.truncated or is_cut(t.snippet),
                            outlet=outlet_of(doc), language=t.language or doc.language, entities=ents,
                            lead_entities=ents, figures=figures(t.headline + "\n" + t.snippet)))
    return out


def page_of(item_id: str) -> tuple[str, str]:
    """(page id, item name) of a teaser item id; (id, "article") for a document's own id."""
    page, sep, n = item_id.rpartition(TEASER)
    return (page, f"teaser:{n}") if sep else (item_id, "article")
