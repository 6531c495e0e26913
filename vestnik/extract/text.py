"""Segmentation of plain-text pages as crawlers save them.

Layout: a headline line, blank lines, the article's paragraphs (one per line),
then, optionally, a teaser box: for each teaser a short dateline line (a
city), a headline line and a snippet, usually cut with "...". Teasers are
separate stories and are never counted as paragraphs.

The box is found from the end: the longest run of trailing blocks that parse as
``[dateline] headline snippet`` teasers, with at least two teasers, or one
whose snippet is visibly truncated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vestnik.document import Article, Document, Span, Teaser
from vestnik.extract.dateline import find_dateline

_TRUNC = re.compile(r"(?:\.{3,}|…)\s*$")
_END_PUNCT = re.compile(r"[.,;:!?…\"“”»)]\s*$")


@dataclass
class Line:
    start: int
    end: int
    text: str


def _lines(text: str) -> list[Line]:
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        s = pos + (len(body) - len(body.lstrip()))
        e = pos + len(body.rstrip())
        if e > s:
            out.append(Line(s, e, text[s:e]))
        pos += len(raw)
    return out


def _is_dateline(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= 4
        and len(line) <= 40
        and line[0].isupper()
        and not _END_PUNCT.search(line)
        and not any(ch.isdigit() for ch in line)
    )


def _is_truncated(line: str) -> bool:
    return bool(_TRUNC.search(line))


def _blank_separated(text: str, a: Line, b: Line) -> bool:
    return "\n" in text[a.end : b.start].replace("\r", "").strip(" \t").replace("\n", "", 1) or text[
        a.end : b.start
    ].count("\n") >= 2


def _parse_box(lines: list[Line], text: str, start: int) -> list[tuple[Line | None, Line, Line | None]] | None:
    """Parse lines[start:] entirely as teasers, or return None."""
    out: list[tuple[Line | None, Line, Line | None]] = []
    i = start
    while i < len(lines):
        dl: Line | None = None
        if _is_dateline(lines[i].text) and i + 1 < len(lines):
            dl, i = lines[i], i + 1
        head = lines[i]
        if _is_truncated(head.text) or len(head.text) < 15 and dl is None:
            return None
        i += 1
        snip: Line | None = None
        if i < len(lines) and not (_is_dateline(lines[i].text) and i + 1 < len(lines)):
            snip, i = lines[i], i + 1
        out.append((dl, head, snip))
    return out


def _find_box(lines: list[Line], text: str) -> tuple[int, list[tuple[Line | None, Line, Line | None]]] | None:
    # Candidate starts: a dateline-like line preceded by a blank-line break, after at least one paragraph.
    for k in range(2, len(lines)):
        if not _is_dateline(lines[k].text):
            continue
        if text[lines[k - 1].end : lines[k].start].count("\n") < 2:
            continue
        box = _parse_box(lines, text, k)
        if not box:
            continue
        truncated = sum(1 for _, _, s in box if s is not None and _is_truncated(s.text))
        with_dl = sum(1 for d, _, _ in box if d is not None)
        if (len(box) >= 2 and with_dl >= len(box) - 1 and truncated >= 1) or (len(box) >= 1 and truncated == len(box)
                                                                                and with_dl == len(box)):
            return k, box
    return None


def segment_text(doc: Document) -> Document:
    text = doc.text
    lines = _lines(text)
    if not lines:
        return doc
    art = Article()
    first = 0
    # Headline: the first line when a blank line follows it (or the page has a teaser box / several lines).
    if len(lines) > 1 and text[lines[0].end : lines[1].start].count("\n") >= 2 or len(lines) > 1 and len(
            lines[0].text) < 250 and not _END_PUNCT.search(lines[0].text[-1:]):
        art.headline = (lines[0].start, lines[0].end)
        first = 1
    box = _find_box(lines, text)
    body_end = box[0] if box else len(lines)
    for ln in lines[first:body_end]:
        art.paragraphs.append((ln.start, ln.end))
    if art.paragraphs:
        s0 = art.paragraphs[0][0]
        found = find_dateline(text, s0)
        if found:
            span, _city, agency = found
            art.dateline = span
            doc.meta.setdefault("dateline_agency", agency)
    doc.article = art
    if box:
        for dl, head, snip in box[1]:
            end = (snip or head).end
            t = Teaser(
                span=((dl or head).start, end),
                headline=head.text,
                snippet=snip.text if snip else "",
                dateline=dl.text if dl else None,
                truncated=_is_truncated(snip.text if snip else head.text),
                headline_span=(head.start, head.end),
                snippet_span=(snip.start, snip.end) if snip else None,
                dateline_span=(dl.start, dl.end) if dl else None,
            )
            doc.teasers.append(t)
    return doc


def headline_span(doc: Document) -> Span | None:
    return doc.article.headline
