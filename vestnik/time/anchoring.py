"""``when_for(doc, span)``: the date a fact's clause is about, for the quotes and events layers."""

from __future__ import annotations

import re
from collections.abc import Sequence

from vestnik.document import Document, Span, Time
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
        t.value == "PRESENT_REF" or any(ch.isdigit() for ch in t.value.split("T")[0]))


def _quote_of(quotes: list[Span], s: int) -> Span | None:
    return next((q for q in quotes if q[0] <= s < q[1]), None)


def when_for(doc: Document, span: Span) -> tuple[str | None, str]:
    """``(value, source)`` for the clause at ``span``: the governing time expression, else the document date.

    ``source`` is ``"expression"`` when a time expression of the clause's sentence gave the value and
    ``"published"`` when it is ``doc.published`` (which may be None). Pass the span of the fact's own
    clause (a quote's cue and speaker, an event's trigger): expressions inside quotation marks that do
    not contain ``span`` are ignored, since they date the quoted content, not the act of saying it.
    Among the rest, one inside ``span`` wins, then the nearest one in the same clause (clauses end at
    ``;``, ``:`` and a comma before a conjunction or relative pronoun such as "че", "който", "that").
    """
    if not doc.times:  # (no candidates in any sentence: the sentence need not be found)
        return doc.published, "published"
    a, b = _sentence(doc, span)
    cands = [t for t in times_in(doc, a, b + 1) if t.span[1] <= b and _anchorable(t)]
    if cands:  # (most facts' sentences have no time: their quotation marks are never looked for)
        quotes = [(m.start(), m.end()) for m in _QUOTED.finditer(doc.text, a, b)]
        own = _quote_of(quotes, span[0])
        # a time counts only inside the same quotation as the fact (or outside quotations, with the fact)
        cands = [t for t in cands if _quote_of(quotes, t.span[0]) == own]
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
    return _value(doc, best), "expression"


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
