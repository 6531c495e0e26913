"""Language-independent evidence for linking stories across languages (bg / ru / uk / en).

The story vectors of :mod:`vestnik.stories.cluster` are made of prefix stems, so a Russian and a Bulgarian report
of one event share only their canonical entities and a few stems: their cosine stays below 0.15, far under the
join threshold. What the two texts do share is the canonical entities, the numbers, and the cognates that
Russian, Bulgarian and Ukrainian spell almost alike (строительство / строителство, санкций / санкции). A bridge
vector keeps only that: entity ids, numbers and orthography-folded 5-letter stems of the headline and lead,
restricted (when weighed) to terms seen in more than one language, so that the words one language alone uses do
not dilute the comparison. The letter folds are data: ``vestnik/lang/<code>/stories-fold.tsv``.
"""

from __future__ import annotations

import sys
from collections import Counter
from functools import cache
from importlib import resources

from vestnik.stories.features import StoryDoc

LEAD_WORDS = 60  # the lead states the event; background paragraphs differ more across languages than within one
HEAD_WEIGHT = 2.0
ENTITY_WEIGHT = 2.0
STEM = 5  # shorter than the monolingual 6: cognates part earlier (правителство / правительство: "прави" both)
MIN_LEN = 4  # words shorter than this are mostly function words in every language
KEEP = 80  # bridge terms kept per story (by weight); the keys are interned: stories share the strings


@cache
def folds() -> dict[int, str | None]:
    """One ``str.translate`` table from every language's fold file (the folds never conflict, and a Latin
    word folded to look-alike Cyrillic must get the same skeleton in every language's text)."""
    table: dict[int, str | None] = {}
    base = resources.files("vestnik") / "lang"
    for d in sorted(base.iterdir(), key=lambda p: p.name):
        f = d / "stories-fold.tsv"
        if not f.is_file():
            continue
        for line in f.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            src, _, dst = line.partition("\t")
            table[ord(src.strip())] = dst.strip() or None
    return table


class _BridgeOf(dict[str, str]):
    """Folded word -> its bridge term ("" for a function word, a short word or a one-digit number); memoised
    like the clusterer's stems, so counting is one ``Counter`` over a ``map``."""

    def __init__(self, stop: frozenset[str]) -> None:
        super().__init__()
        self.stop, self.table = stop, folds()

    def __missing__(self, w: str) -> str:
        if len(self) > 1_000_000:
            self.clear()
        if w.isdigit():
            t = sys.intern("N:" + w) if len(w) >= 2 else ""
        elif len(w) >= MIN_LEN and w not in self.stop:
            t = sys.intern("C:" + w.translate(self.table)[:STEM])
        else:
            t = ""
        self[w] = t
        return t


@cache
def _bridge_of(stop: frozenset[str]) -> _BridgeOf:
    return _BridgeOf(stop)


def bridge_terms(sd: StoryDoc, stop: frozenset[str]) -> Counter[str]:
    """Weighted bridge terms of a document's headline and lead: ``E:`` ids of the entities named there, ``N:``
    numbers, ``C:`` folded stems (``stop``: function words, which differ per language and bridge nothing)."""
    get = _bridge_of(stop).__getitem__
    c: Counter[str] = Counter(map(get, sd.words[sd.body_start : sd.body_start + LEAD_WORDS]))
    for t, n in Counter(map(get, sd.words[: sd.body_start])).items():
        c[t] += n * HEAD_WEIGHT  # type: ignore[assignment]  # the counts are float weights
    c.pop("", None)
    for e in sd.lead_entities:
        c[sys.intern("E:" + e)] += ENTITY_WEIGHT  # type: ignore[assignment]  # (float weights)
    return c


def keep_top(c: Counter[str], n: int = KEEP) -> Counter[str]:
    """A story's bridge counts, bounded: its strongest ``n`` terms."""
    return c if len(c) <= n else Counter(dict(c.most_common(n)))
