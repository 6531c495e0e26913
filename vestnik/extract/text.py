"""Segmentation of plain-text pages as crawlers save them.

Layout: a headline line, blank lines, the article's paragraphs (one per line),
then, optionally, a teaser box: for each teaser a short dateline line (a
city), a headline line and a snippet, usually cut with "...". Teasers are
separate stories and are never counted as paragraphs.

The box is found from the end: the longest run of trailing blocks that parse as
``[dateline] headline snippet`` teasers, with at least two teasers, or one
whose snippet is visibly truncated.

Other layouts read here: the SlavicNER raw files (title line, blank line, body),
BSNLP input files with a five-line header (id, language, date, URL, title), and
agency copy whose first paragraph opens with a dateline (``СОФИЯ, 17 декември (БТА) –``).
``doc.text`` is never changed: the header stays in the text, outside the article.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from vestnik.document import Article, Document, Span, Teaser
from vestnik.extract.data import box_titles
from vestnik.extract.dateline import set_dateline

_TRUNC = re.compile(r"(?:\.{3,}|…)\s*$")
_HDR_ID = re.compile(r"^[\w.\-]{1,60}$")
_HDR_LANG = re.compile(r"^[a-z]{2,3}$")
_HDR_DATE = re.compile(r"^(\d{4}-\d\d-\d\d)(?:[T ][\d:.+\-Z]*)?$")
_HDR_URL = re.compile(r"^(?:https?://|www\.)\S")
MAX_BOX_LINES = 180  # 60 teasers of three lines
_PLACEHOLDER_DATES = {"1970-01-01", "1900-01-01", "0001-01-01"}
_END_PUNCT = re.compile(r"[.,;:!?…\"“”»)]\s*$")
_WORD_RUN = re.compile(r"\S+")
_LEAD_WORDS, _HEAD_WORDS = 4, 3  # a lead run into the headline's line, and the headline left before it


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
        if _is_truncated(head.text) or (len(head.text) < 15 and dl is None):
            return None
        i += 1
        snip: Line | None = None
        if i < len(lines) and not (_is_dateline(lines[i].text) and i + 1 < len(lines)):
            snip, i = lines[i], i + 1
        out.append((dl, head, snip))
    return out


def _find_box(lines: list[Line], text: str) -> tuple[int, list[tuple[Line | None, Line, Line | None]]] | None:
    # Candidate starts: a dateline-like line preceded by a blank-line break, after at least one paragraph.
    # The box closes the page, so only its last MAX_BOX_LINES lines are tried (keeps hostile input linear).
    titles = box_titles()
    for k in range(max(2, len(lines) - MAX_BOX_LINES), len(lines)):
        line = lines[k].text
        if len(line) <= 40 and line.rstrip(":").lower() in titles:
            continue  # a box title ("Читайте также") opens a box, it is not a teaser's city
        if text.count("\n", lines[k - 1].end, lines[k].start) < 2:
            continue
        prev = lines[k - 1].text
        titled = len(prev) <= 40 and prev.rstrip(":").lower() in titles
        if not (titled or _is_dateline(line)):
            continue
        box = _parse_box(lines, text, k)
        if not box:
            continue
        truncated = sum(1 for _, _, s in box if s is not None and _is_truncated(s.text))
        with_dl = sum(1 for d, _, _ in box if d is not None)
        if titled and (len(box) >= 2 or truncated == len(box)):
            return k, box
        if (len(box) >= 2 and with_dl >= len(box) - 1 and truncated >= 1) or (
                truncated == len(box) and with_dl == len(box)):
            return k, box
    return None


def _bsnlp_header(doc: Document, lines: list[Line]) -> int:
    """Recognise the BSNLP header (id, language, date, URL, title on the first five lines).

    Fills url/title/published (the input's own values win) and returns the index of the
    title line, or -1 when the page has no such header.
    """
    if len(lines) < 5 or lines[0].start != 0:
        return -1
    text = doc.text
    for a, b in itertools.pairwise(lines[:5]):
        if text.count("\n", a.end, b.start) != 1:
            return -1
    l0, l1, l2, l3 = (ln.text for ln in lines[:4])
    m = _HDR_DATE.match(l2)
    if not (_HDR_ID.match(l0) and _HDR_LANG.match(l1) and m and _HDR_URL.match(l3)):
        return -1
    doc.meta["header"] = {"format": "bsnlp", "id": l0, "language": l1, "span": (0, lines[3].end)}
    doc.url = doc.url or l3
    doc.title = doc.title or lines[4].text
    if not doc.published and m.group(1) not in _PLACEHOLDER_DATES:
        doc.published, doc.published_source = m.group(1), "metadata"
    return 4


def segment_text(doc: Document) -> Document:
    """Fill ``article`` and ``teasers`` of a plain-text page (``doc.text`` stays as it is)."""
    text = doc.text
    lines = _lines(text)
    if not lines:
        return doc
    art = Article()
    first = 0
    title = _bsnlp_header(doc, lines)
    if title >= 0:
        lines = lines[title:]
        if len(lines) > 1:  # a title line, then the body; a lone fifth line is the body run into the title
            art.headline = (lines[0].start, lines[0].end)
            first = 1
    # Headline: the first line when a blank line follows it (or the page has a teaser box / several lines).
    elif len(lines) > 1 and (text.count("\n", lines[0].end, lines[1].start) >= 2
                             or (len(lines[0].text) < 250 and not _END_PUNCT.search(lines[0].text[-1:]))):
        art.headline = (lines[0].start, lines[0].end)
        first = 1
    box = _find_box(lines, text)
    body_end = box[0] if box else len(lines)
    if box and body_end - 1 > first and lines[body_end - 1].text.rstrip(":").lower() in box_titles():
        body_end -= 1  # the box's own title ("Още по темата") is not an article paragraph
        doc.meta["teaser_box_title"] = lines[body_end].text
    for ln in lines[first:body_end]:
        art.paragraphs.append((ln.start, ln.end))
    set_dateline(doc, art)
    if first and body_end > first and (cut := _run_in_lead(lines[0], lines[first])) is not None:
        art.headline = (lines[0].start, lines[0].start + len(text[lines[0].start : cut].rstrip()))
        art.lead = (cut, lines[0].end)
        art.paragraphs.insert(0, art.lead)
    doc.article = art
    doc.teasers = []  # segmenting twice (a document read back from the store) must not double the box
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


def _run_in_lead(head: Line, first: Line) -> int | None:
    """Where a lead the page ran into the headline's line begins ("Тереза Мей: След като напуснем ЕС, ... за
    здравеопазване Британският премиер Тереза Мей обеща днес ... в резултат от излизането на", the body opening
    "Британският премиер Тереза Мей обеща днес ..."): the line's tail of four words or more that the first paragraph
    opens with (the last word may be cut), after a headline of three words or more that is no speaker's lead-in. Only
    tails no longer than the paragraph are tried, so a huge line costs one pass."""
    body_words = first.text.split()
    body = " ".join(body_words)
    words = [(m.start(), m.group()) for m in _WORD_RUN.finditer(_TRUNC.sub("", head.text))]
    for i in range(max(_HEAD_WORDS, len(words) - len(body_words)), len(words) - _LEAD_WORDS + 1):
        if words[i][1] == body_words[0] and not words[i - 1][1].endswith(":") and body.startswith(
                " ".join(w for _s, w in words[i:])):
            return head.start + words[i][0]
    return None


def headline_span(doc: Document) -> Span | None:
    return doc.article.headline
