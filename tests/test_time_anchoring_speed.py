"""``when_for``'s per-document index (which sentences hold an anchorable time) gives the answers of the plain
search it stands in for, on random documents: sentences in order or overlapping, times in or out of order, at and
across sentence edges, inside quotation marks."""

from __future__ import annotations

import itertools
import random
import re

from vestnik.document import Document, Span, Time
from vestnik.time.anchoring import _CLAUSE, _anchorable, _same_quotation, _value, when_for
from vestnik.time.extract import sentence_bounds


def plain_when_for(doc: Document, span: Span) -> tuple[str | None, str]:
    """``when_for`` as it was written before its index: a scan of every sentence and time per fact."""
    if not doc.times:
        return doc.published, "published"
    a = b = -1
    for s in doc.sentences:
        if s[0] <= span[0] < s[1]:
            a, b = s[0], max(s[1], span[1])
            break
    else:
        a, b = sentence_bounds(doc.text, span[0], span[1], 0, len(doc.text))
        b = max(b, span[1])
    cands = [t for t in doc.times if a <= t.span[0] < b + 1 and t.span[1] <= b and _anchorable(t)]
    if cands:  # (the quotation filter is shared: what is tested here is the index that finds the candidates)
        cands = _same_quotation(doc, a, b, span, cands)
    if not cands:
        return doc.published, "published"
    if t := next((t for t in cands if span[0] <= t.span[0] and t.span[1] <= span[1]), None):
        return _value(doc, t), "expression"
    best = min((t for t in cands if not _CLAUSE.search(doc.text, *sorted((t.span[1], span[0]) if t.span[1] <= span[0]
                                                                         else (span[1], t.span[0])))),
               key=lambda t: span[0] - t.span[1] if t.span[1] <= span[0] else t.span[0] - span[1], default=None)
    return (doc.published, "published") if best is None else (_value(doc, best), "expression")


WORDS = ["каза", "че", "министърът", "„цитат“", "вчера", "днес", ",", "който", "a;", "b:", "срещата", "„", "“"]
VALUES = [("DATE", "2024-06-01"), ("DATE", "XXXX-XX-XX"), ("DATE", "PRESENT_REF"), ("DATE", "PAST_REF"),
          ("TIME", "2024-06-01T10:00"), ("DURATION", "P3D"), ("DATE", "2024"), ("SET", "P1W")]


def random_doc(rng: random.Random) -> Document:
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 80)))
    n = len(text)
    cuts = sorted(rng.sample(range(n + 1), min(n + 1, rng.randint(1, 8))))
    sents: list[Span] = [(a, b) for a, b in itertools.pairwise(cuts) if a < b]
    if rng.random() < 0.2 and sents:  # overlapping sentences
        sents.append((max(0, sents[-1][0] - 3), n))
    if rng.random() < 0.2 and len(sents) > 1:  # a gap between sentences
        del sents[rng.randrange(len(sents))]
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    times = []
    for _ in range(rng.randint(0, 6)):
        s, e = rng.choice(words)
        if rng.random() < 0.3:
            e = rng.choice(words)[1] if rng.random() < 0.5 else e
        typ, value = rng.choice(VALUES)
        times.append(Time(span=(s, max(e, s + 1)), type=typ, value=value))
    if rng.random() < 0.7:
        times.sort(key=lambda t: t.span)
    doc = Document(text=text, published=rng.choice(["2024-06-10", None]))
    doc.sentences, doc.times = sents, times
    return doc


def test_when_for_matches_the_plain_search() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        doc = random_doc(rng)
        for _ in range(6):
            s = rng.randrange(len(doc.text))
            e = min(len(doc.text), s + rng.randint(1, 30))
            assert when_for(doc, (s, e)) == plain_when_for(doc, (s, e)), (doc.text, doc.sentences, doc.times, (s, e))
        doc.times.append(Time(span=(0, 1), type="DATE", value="2020-01-01"))  # a list that grew: built again
        assert when_for(doc, (0, 1)) == plain_when_for(doc, (0, 1))
