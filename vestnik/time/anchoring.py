"""``when_for(doc, span)``: the date a fact's clause is about, for the quotes and events layers."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from operator import itemgetter, le, lt

from vestnik.document import Document, Span, Time
from vestnik.language.shared import last, remembered
from vestnik.spans import containing, disjoint_starts, memo, sorted_starts, starting_in
from vestnik.time.extract import sentence_bounds

_QUOTED = re.compile(r"[„“\"«]([^„“\"«»”]{1,2000})[“”\"»]")
_CLAUSE = re.compile(r"[;:]|,\s+(?:че|който|която|което|които|като|но|а|что|который|которая|которые|но|а|that|which|who|but)\b")


def _sentence(doc: Document, span: Span) -> Span:
    sents = doc.sentences
    starts = memo("anchoring.sentences", sents, disjoint_starts)
    if starts is not None:  # (the usual case: a bisection, not a scan of every sentence per fact)
        i = containing(sents, starts, span[0])
        if i is not None:
            return (sents[i][0], max(sents[i][1], span[1]))
    else:
        for s in sents:
            if s[0] <= span[0] < s[1]:
                return (s[0], max(s[1], span[1]))
    a, b = sentence_bounds(doc.text, span[0], span[1], 0, len(doc.text))
    return a, max(b, span[1])


def _time_starts(times: Sequence[Time]) -> list[int] | None:
    return sorted_starts([t.span for t in times])


def times_in(doc: Document, a: int, b: int) -> list[Time]:
    """The document's time expressions that start in ``[a, b)``, in the document's order."""
    times = doc.times
    starts = memo("anchoring.times", times, _time_starts)  # (a module-level builder: no lambda made per call)
    if starts is None:
        return [t for t in times if a <= t.span[0] < b]
    return [times[i] for i in starting_in(starts, a, b)]


def _anchorable(t: Time) -> bool:
    """A DATE or TIME that names a point the text can be dated by (not "XXXX-XX-XX", not PAST_REF)."""
    return t.type in ("DATE", "TIME") and t.value not in ("PAST_REF", "FUTURE_REF") and (
        t.value == "PRESENT_REF" or any(map(str.isdigit, t.value.split("T")[0])))


#: what ``when_for`` reads of a document, built once per document: (its sentences, how many, how many times, the
#: sentences' starts (``_OVERLAP`` when they overlap), for each sentence whether it holds an anchorable time, the
#: anchorable times in the document's order, their starts (None when out of order))
_Dated = tuple[list[Span], int, int, list[int], list[bool], list[Time], list[int] | None]
_DATED = "anchoring.dated"
_OVERLAP: list[int] = []
_FIRST, _SECOND = itemgetter(0), itemgetter(1)


def _dated(doc: Document) -> _Dated:
    """The document's :data:`_Dated`, remembered for its times list while it and the sentences are the ones it
    was built for."""
    times, sents = doc.times, doc.sentences
    got: _Dated | None = last(_DATED, times)
    if got is not None and got[0] is sents and got[1] == len(sents) and got[2] == len(times):
        return got
    return remembered(_DATED, times, lambda ts: _build_dated(sents, ts),
                      lambda v: v[0] is sents and v[1] == len(sents) and v[2] == len(times))


def _build_dated(sents: list[Span], times: Sequence[Time]) -> _Dated:
    anchorable = [t for t in times if _anchorable(t)]
    astarts = sorted_starts([t.span for t in anchorable])
    # (``disjoint_starts``, with C-level maps: each sentence starts after the one before, and after its end)
    starts = list(map(_FIRST, sents))
    ends = list(map(_SECOND, sents))
    dated = [False] * len(sents)
    if not (all(map(lt, starts, starts[1:])) and all(map(le, ends, starts[1:]))):
        return sents, len(sents), len(times), _OVERLAP, dated, anchorable, astarts
    for t in anchorable:
        s, e = t.span
        k = bisect_right(starts, s) - 1
        # (``when_for``'s candidates in sentence (a, b): a <= start <= b and end <= b; the sentence before the one
        # that holds the start can end right at it)
        for j in (k, k - 1):
            if j >= 0 and sents[j][0] <= s <= sents[j][1] and e <= sents[j][1]:
                dated[j] = True
    return sents, len(sents), len(times), starts, dated, anchorable, astarts


def _quote_of(quotes: list[Span], s: int) -> Span | None:
    return next((q for q in quotes if q[0] <= s < q[1]), None)


def _same_quotation(doc: Document, a: int, b: int, span: Span, cands: list[Time]) -> list[Time]:
    """The candidates inside the same quotation as the fact in sentence ``[a, b)`` (or outside quotations, with
    the fact): a date in a quoted remark does not date the reporting around it."""
    quotes = [(m.start(), m.end()) for m in _QUOTED.finditer(doc.text, a, b)]
    own = _quote_of(quotes, span[0])
    return [t for t in cands if _quote_of(quotes, t.span[0]) == own]


def when_for(doc: Document, span: Span) -> tuple[str | None, str]:
    """``(value, source)`` for the clause at ``span``: the governing time expression, else the document date.

    ``source`` is ``"expression"`` when a time expression of the clause's sentence gave the value and
    ``"published"`` when it is ``doc.published`` (which may be None). Pass the span of the fact's own
    clause (a quote's cue and speaker, an event's trigger): expressions inside quotation marks that do
    not contain ``span`` are ignored, since they date the quoted content, not the act of saying it.
    Among the rest, one inside ``span`` wins, then the nearest one in the same clause (clauses end at
    ``;``, ``:`` and a comma before a conjunction or relative pronoun such as "че", "който", "that").
    """
    times = doc.times
    if not times:  # (no candidates in any sentence: the sentence need not be found)
        return doc.published, "published"
    got = last(_DATED, times)  # (``_dated``'s usual case, without its call)
    if got is None or got[0] is not doc.sentences or got[1] != len(got[0]) or got[2] != len(times):
        got = _dated(doc)
    sents, starts = got[0], got[3]
    i = bisect_right(starts, span[0]) - 1 if starts is not _OVERLAP else -1
    if i >= 0 and span[0] < sents[i][1]:  # (the usual case: a bisection, not a scan of every sentence per fact)
        if span[1] <= sents[i][1] and not got[4][i]:
            return doc.published, "published"  # (most facts' sentences hold no anchorable time)
        a, b = sents[i][0], max(sents[i][1], span[1])
    else:
        a, b = _sentence(doc, span)
    # the anchorable times that start in [a, b] and end by b, in the document's order
    anchorable, astarts = got[5], got[6]
    if astarts is None:
        cands = [t for t in anchorable if a <= t.span[0] <= b and t.span[1] <= b]
    else:
        cands = [t for t in anchorable[bisect_left(astarts, a) : bisect_left(astarts, b + 1)] if t.span[1] <= b]
    if cands:  # (most facts' sentences have no time: their quotation marks are never looked for)
        cands = _same_quotation(doc, a, b, span, cands)
    if not cands:
        return doc.published, "published"
    if t := next((t for t in cands if span[0] <= t.span[0] and t.span[1] <= span[1]), None):
        return _value(doc, t), "expression"

    # the nearest candidate with no clause break between it and the fact (the first of equally near ones, as
    # ``min`` picks); written as a loop, without closures made per call
    text, search = doc.text, _CLAUSE.search
    best: Time | None = None
    best_gap = 0
    for t in cands:
        x, y = (t.span[1], span[0]) if t.span[1] <= span[0] else (span[1], t.span[0])
        if search(text, min(x, y), max(x, y)):
            continue
        g = y - x  # (span[0] - t.span[1] before the fact, t.span[0] - span[1] after it)
        if best is None or g < best_gap:
            best, best_gap = t, g
    if best is None:
        return doc.published, "published"
    if ":day_list" in best.evidence:
        best = _list_head(cands, best)
    return _value(doc, best), "expression"


def _list_head(cands: list[Time], t: Time) -> Time:
    """The first day of the list ``t`` ends ("срещата на 22 и 23 март" is dated by its first day, as a range is)."""
    i = cands.index(t)
    while i > 0 and ":day_list" in cands[i - 1].evidence and 0 <= t.span[0] - cands[i - 1].span[1] <= 6:
        i -= 1
        t = cands[i]
    return t


def _value(doc: Document, t: Time) -> str:
    if t.value == "PRESENT_REF" and doc.published:
        return doc.published
    return t.value


def fill_when(doc: Document) -> Document:
    """Set ``when`` on every quote and event that has none: for a quote, the clause of its cue (else of
    its speaker, else the quote itself); for an event, its trigger span. Quote ``when_source`` says
    whether an expression or the document date gave the value. Safe to call more than once."""
    for q in doc.quotes:
        if q.when is None:
            span = q.cue or q.speaker.span or q.span
            q.when, q.when_source = when_for(doc, span)
    for e in doc.events:
        if e.when is None:
            e.when, _ = when_for(doc, e.span)
    return doc
