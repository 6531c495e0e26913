"""Duplicates among the items of one page (the article and its teasers).

News pages repeat a story in their teaser boxes: the same wire story under a slightly different headline,
or the article itself as a cut teaser. Two items tell the same story when

- their folded texts are equal (``exact``);
- one item's text, cut with "...", is a word prefix of the other's, with the same headline (``contains``);
- the shorter headline is (almost) contained in the longer one and their leads share words beyond what
  two stories about the same country would (``near-duplicate``), or the leads alone overlap strongly.

Cut snippets are compared by containment (share of the shorter's words), never by Jaccard, since a
snippet is a prefix of unknown length. Two items that state figures and share (almost) none of them are two
releases of a recurring report (a box of earlier days' case counts), not one story, however alike their words.
"""

from __future__ import annotations

from dataclasses import dataclass

from vestnik.document import Document
from vestnik.stories.features import is_cut
from vestnik.stories.normalize import FIGURES_SHARED, figures, tokens

HEADLINE_MIN_WORDS = 4
LEAD_WORDS = 40
LEAD_CHARS = 400  # enough characters for LEAD_WORDS words; folding the whole body would cost more than the rest
FIGURES_MIN = 2  # figures each item needs before they can tell it apart (a teaser's headline and cut snippet
# state fewer than a whole text: the corpus index asks for normalize.FIGURES_MIN)


@dataclass
class Item:
    name: str
    head: list[str]
    lead: list[str]  # first words of the snippet / body
    truncated: bool
    figs: frozenset[str] = frozenset()  # the quantities its headline and lead state
    head_set: frozenset[str] = frozenset()
    lead_set: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.head_set, self.lead_set = frozenset(self.head), frozenset(self.lead)


def _share(sa: frozenset[str], sb: frozenset[str]) -> float:
    """Share of the smaller word set found in the other."""
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def _prefix(a: list[str], b: list[str]) -> bool:
    """``a`` (a cut text) is a word prefix of ``b``, allowing its last word to be cut mid-word."""
    if len(a) < HEADLINE_MIN_WORDS or len(a) > len(b):
        return False
    return a[:-1] == b[: len(a) - 1] and b[len(a) - 1].startswith(a[-1])


def page_items(doc: Document) -> list[Item]:
    out: list[Item] = []
    a = doc.article
    if a.headline or a.paragraphs:
        body = " ".join(doc.span_text(p) for p in a.body()[:3])
        lead = body[:LEAD_CHARS].rsplit(" ", 1)[0] if len(body) > LEAD_CHARS else body
        head = doc.span_text(a.head_line())
        out.append(Item("article", tokens(head), tokens(lead)[:LEAD_WORDS], is_cut(body),
                        frozenset(figures(head + "\n" + lead))))
    for i, t in enumerate(doc.teasers):
        snip = t.snippet[:LEAD_CHARS]
        out.append(Item(f"teaser:{i}", tokens(t.headline), tokens(snip)[:LEAD_WORDS],
                        bool(t.truncated) or is_cut(t.snippet), frozenset(figures(t.headline + "\n" + snip))))
    return out


def compare(x: Item, y: Item) -> tuple[str, str] | None:
    """(kind, evidence) when the two items tell the same story, else None."""
    if x.head == y.head and x.lead == y.lead and (x.head or x.lead):
        return "exact", "folded-text-equal"
    head_share = _share(x.head_set, y.head_set) if min(len(x.head), len(y.head)) >= HEADLINE_MIN_WORDS else 0.0
    lead_share = _share(x.lead_set, y.lead_set) if min(len(x.lead), len(y.lead)) >= HEADLINE_MIN_WORDS else 0.0
    if head_share < 0.6 and lead_share < 0.85:  # the common case: two different stories
        return None
    n = min(len(x.figs), len(y.figs))
    if n >= FIGURES_MIN and len(x.figs & y.figs) < FIGURES_SHARED * n:  # another release of a recurring report
        return None
    if head_share >= 0.99 and (
        (x.truncated and _prefix(x.lead, y.lead)) or (y.truncated and _prefix(y.lead, x.lead))
    ):
        return "contains", "headline-equal+lead-prefix"
    if head_share >= 0.8 and lead_share >= 0.4:
        return "near-duplicate", f"headline-containment {head_share:.2f}+lead-overlap {lead_share:.2f}"
    if head_share >= 0.6 and lead_share >= 0.6:
        return "near-duplicate", f"headline-overlap {head_share:.2f}+lead-overlap {lead_share:.2f}"
    if lead_share >= 0.85 and min(len(x.lead), len(y.lead)) >= 12:
        return "near-duplicate", f"lead-overlap {lead_share:.2f}"
    return None


def page_duplicates(doc: Document) -> list[list[str]]:
    """``[[kind, item, item], ...]`` for the items of ``doc`` that tell the same story."""
    if not doc.teasers:  # one item: nothing to compare (the common case for plain articles)
        return []
    items = page_items(doc)
    out: list[list[str]] = []
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            r = compare(items[i], items[j])
            if r:
                out.append([r[0], items[i].name, items[j].name])
    return out
