"""Agency datelines at the start of an article's first paragraph.

Recognised shapes (bg/ru/en agency copy)::

    СОФИЯ, 17 декември (БТА) –          MOSCOW, Dec 17 (Reuters) -        WASHINGTON (AP) —
    Киев, 14 март (БТА)  (a line of its own)
    МОСКВА, 17 декабря. /ТАСС/.         София, 17 декември /БТА/          МОСКВА, 17 дек — РИА Новости.
    SOFIA, Dec 17 -                     (no agency: the paper's own correspondent)

The agency is the publisher of record (the implicit root of every source chain); the
city is where the story was filed. To keep ``Путин (вляво) - ...`` from reading as a
dateline, the bracketed name must be a known agency (``data/agencies.tsv``) or an
all-caps acronym, or the city must be written in capitals.
"""

from __future__ import annotations

import re

from vestnik.document import Article, Document
from vestnik.extract.data import agencies
from vestnik.language.shared import remembered

_UP = "A-ZА-ЯЁЇІЄҐЈЉЊЋЏ"
_CITY = rf"(?P<city>[{_UP}][\w’'.\- ]{{1,40}}?)"
_DATE = r"(?:,\s*(?P<date>[^()/\n]{1,40}?))?"
_DASH = r"[–—-]{1,2}"

# CITY[, date] (AGENCY) dash, or the line's end (a dateline on a line of its own: "Киев, 14 март (БТА)")
_PAREN = re.compile(rf"{_CITY}{_DATE}\s*\((?P<agency>[^()\n]{{2,40}})\)(?:\s*{_DASH}\s*|[ \t]*(?=\n|$))", re.U)
# CITY[, date][.] /AGENCY/[.] [dash]
_SLASH = re.compile(rf"{_CITY}{_DATE}\.?\s*/(?P<agency>[^/\n]{{2,40}})/\s*\.?\s*(?:{_DASH}\s*)?", re.U)
# CITY, date — AGENCY.   (the agency must be a known one)
_TRAIL = re.compile(rf"{_CITY},\s*(?P<date>[^()/\n—–-]{{1,30}}?)\s*{_DASH}\s*(?P<agency>[^.\n]{{2,30}})\.\s*", re.U)
# CITY, date dash   (no agency: a paper's own correspondent; the city must be in capitals, the date has a digit)
_BARE = re.compile(rf"(?P<city>[{_UP}][{_UP}’'.\- ]{{2,30}}),\s*(?P<date>[^()/\n—–-]*\d[^()/\n—–-]{{0,20}}?)\s*{_DASH}\s+",
                   re.U)

MAX_LEN = 100


def canonical_agency(raw: str) -> str | None:
    """The canonical name of a known agency written as ``raw`` (``БТА/Ройтерс`` → BTA), else None."""
    known = agencies()
    for part in re.split(r"\s*[/,]\s*|\s+и\s+|\s+and\s+", raw.strip()):
        if part.lower() in known:
            return known[part.lower()]
    return None


def _acronym(raw: str) -> bool:
    letters = [c for c in raw if c.isalpha()]
    return 2 <= len(letters) <= 12 and all(c.isupper() for c in letters)


def _caps_city(city: str) -> bool:
    letters = [c for c in city if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def find_dateline(text: str, start: int) -> tuple[tuple[int, int], str, str] | None:
    """Dateline at ``text[start:]``: ``((start, end), city, agency)`` or None.

    ``agency`` is the canonical name when the agency is known, else as written; "" when the dateline
    names none (``SOFIA, Dec 17 -``).
    """
    head = text[start : start + MAX_LEN + 20]
    for rx in (_PAREN, _SLASH, _TRAIL):
        m = rx.match(head)
        if not m or m.end() > MAX_LEN:
            continue
        if rx is _PAREN and not head[: m.end()].rstrip().endswith(("-", "–", "—")) and not (
                m.group("date") or _caps_city(m.group("city"))):
            continue  # a line of its own needs a date or a city in capitals ("Путин (ТАСС)" is a photo credit)
        raw = m.group("agency").strip()
        canon = canonical_agency(raw)
        if canon is None:
            if rx is _TRAIL or not (_acronym(raw) or _caps_city(m.group("city"))):
                continue
            if len(raw.split()) > 4:
                continue
        city = m.group("city").strip()
        return (start, start + m.end()), city, canon or raw
    m = _BARE.match(head)
    if m and m.end() <= MAX_LEN and _caps_city(m.group("city")):
        return (start, start + m.end()), m.group("city").strip(), ""
    return None


def article_dateline(text: str, paragraphs: list[tuple[int, int]]) -> tuple[tuple[int, int], str, str] | None:
    """The dateline of an article: at the start of its first paragraph, or of the first long paragraph
    after up to two short ones (a byline "By Jane Doe", a photo credit)."""
    for s, e in paragraphs[:3]:
        found = find_dateline(text, s)
        if found:
            return found
        if e - s > 100:
            return None
    return None


def set_dateline(doc: Document, art: Article) -> None:
    """Record the article's dateline span, city and agency (the agency is the publisher of record)."""
    found = article_dateline(doc.text, art.paragraphs)
    if found:
        art.dateline, city, agency = found
        doc.meta["dateline_city"] = city
        if agency:
            doc.meta.setdefault("dateline_agency", agency)


def datelines(doc: Document) -> list[tuple[int, int]]:
    """The page's agency datelines: the article's, and those a teaser's snippet opens with or its box line shows.
    The layers that read statements and actors leave them out: where and by whom a report was filed is neither
    part of what it tells nor one of its actors (a source, though: the quotes layer's credit lines). Remembered for
    the last few documents, so the quotes and events stages find them once."""
    return remembered("datelines", doc, _datelines)


def _datelines(doc: Document) -> list[tuple[int, int]]:
    out = [doc.article.dateline] if doc.article.dateline else []
    for t in doc.teasers:
        if t.dateline_span:
            out.append(t.dateline_span)
        if t.snippet_span and (found := find_dateline(doc.text, t.snippet_span[0])):
            out.append(found[0])
    return out
