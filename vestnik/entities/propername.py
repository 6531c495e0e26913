"""Proper names the KB does not know, for languages without a statistical tagger (English): capitalised word
sequences that sentence position does not explain, typed by the words inside and around them.

The cues are data (``vestnik/lang/<lang>/names.toml``): organisation heads and suffixes ("Ministry of ...",
"... Party", "... Inc."), place cues ("in X", "... Province"), person cues ("Mr. X", "X said", a first name the KB
knows). A later surname alone ("Garang") joins the full name given earlier ("John Garang"), and an organisation
right after a country word ("Iraqi Foreign Ministry", "Iran's Foreign Ministry") takes that country.
Everything is one pass over the tokens of the gazetteer (:class:`vestnik.entities.gazetteer.Tokens`).
"""

from __future__ import annotations

import tomllib
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import ne, not_
from pathlib import Path

from vestnik.document import Mention
from vestnik.entities.gazetteer import SPLIT_RE, Tokens
from vestnik.entities.kb import KB
from vestnik.language.wordfreq import zipf_words

LANG_DIR = Path(__file__).resolve().parents[1] / "lang"
SENTENCE_GAP = set(".!?\n:;\"“”«»(—–|•")  # after one of these the next word is capitalised anyway
NAME_GAPS = {" ", "-", "\u00a0"}


@dataclass(frozen=True)
class Cues:
    person_before: frozenset[str]
    person_after: frozenset[str]
    place_before: frozenset[str]
    place_after: frozenset[str]
    connectors: frozenset[str]
    org_last: dict[str, str]
    org_first: dict[str, str]
    place_last: frozenset[str]
    never: frozenset[str]
    not_person: frozenset[str]
    common: frozenset[str]  # frequent ordinary words: not a name at the start of a sentence
    given: frozenset[str]  # given names (first_names.txt)
    town_before: frozenset[str] = frozenset()  # words before a town only this language names ("in Cizre")
    town_heads: frozenset[str] = frozenset()  # head nouns before one, or before "of" and one ("the town of Samarra")


@lru_cache(maxsize=8)
def cues(lang: str | None) -> Cues | None:
    """The language's name cues, or None when it has no ``names.toml`` (or a tagger does the job)."""
    path = LANG_DIR / (lang or "-") / "names.toml"
    if not lang or not path.exists():
        return None
    d = tomllib.loads(path.read_text(encoding="utf-8"))
    n = d.get("names", {})
    limit = float(n.get("common_zipf", 9))
    common = {w for w, z in zipf_words(LANG_DIR / lang / "lid_words.tsv.gz").items() if z >= limit}
    fs = frozenset
    return Cues(fs(d.get("person_before", ())), fs(d.get("person_after", ())), fs(d.get("place_before", ())),
                fs(d.get("place_after", ())), fs(d.get("connectors", ())), dict(d.get("org_last", {})), dict(d.get("org_first", {})),
                fs(n.get("place_last", ())), fs(n.get("never", ())), fs(n.get("not_person", ())), fs(common),
                given_names(lang), fs(d.get("town_before", ())), fs(d.get("town_heads", ())))


@lru_cache(maxsize=8)
def given_names(lang: str) -> frozenset[str]:
    """The language's given names (``first_names.txt``, lower case), empty when it has none: read alone, without the
    rest of the name cues, by whoever only needs them (the quotes stage)."""
    given = LANG_DIR / lang / "first_names.txt"
    return frozenset(w.strip() for w in given.read_text(encoding="utf-8").splitlines()
                     if w.strip() and not w.startswith("#")) if given.exists() else frozenset()


_FIRST: dict[int, frozenset[str]] = {}


def first_names(kb: KB) -> frozenset[str]:
    """First words of the people the KB knows (in Latin script): a capitalised pair starting with one is a person."""
    if id(kb) not in _FIRST:
        out = set()
        for e in kb.entries.values():
            if e.type != "PER":
                continue
            for n in e.names.get("en", ()):
                w = n.split()
                if len(w) > 1 and len(w[0]) > 2 and w[0].isalpha() and w[0][:1].isupper():
                    out.add(w[0].lower())
        _FIRST[id(kb)] = frozenset(out)
    return _FIRST[id(kb)]


_UNION: dict[tuple[int, str], frozenset[str]] = {}


def _firsts(kb: KB, lang: str, cs: Cues) -> frozenset[str]:
    key = (id(kb), lang)
    if key not in _UNION:
        _UNION[key] = first_names(kb) | cs.given
    return _UNION[key]


def recognize(text: str, tk: Tokens, mentions: list[Mention], lang: str, kb: KB, titles: dict[str, str],
              stop: frozenset[str]) -> dict[tuple[int, int], str]:
    """Append PER/LOC/ORG mentions (entity None, evidence ``caps.<lang>``) for capitalised sequences no other
    mention covers. Returns organisation span -> the CAMEO sector its head word implies (for its country)."""
    cs = cues(lang)
    if cs is None:
        return {}
    spans = tk.spans
    n = len(spans)
    low = tk.low
    gaps = tk.gaps
    words = SPLIT_RE.split(text)[1::2] if len(low) and len(text) == len(text.lower()) else \
        [text[s:e] for s, e in spans]
    # Capitalised tokens: those that differ from their lower-case form (C-level), then a check of the first letter.
    cap_idx = [i for i in compress(range(n), map(ne, words, low)) if words[i][:1].isupper()]
    if not cap_idx:
        return {}
    caps = [False] * n
    for i in cap_idx:
        caps[i] = True
    taken = bytearray(len(text) + 1)
    for m in mentions:
        taken[m.span[0] : m.span[1]] = b"\1" * (m.span[1] - m.span[0])
    initial: dict[int, bool] = {}  # capitalisation says nothing there: start of a sentence, a line, a quote
    for i in cap_idx:
        g = gaps[i - 1] if i else "\n"
        if g == " " or not any(c in SENTENCE_GAP for c in g):
            initial[i] = False
        else:  # "Mr. Smith", "Gen. Avril", "John F. Kennedy": the full stop of an abbreviation
            initial[i] = not (g.startswith(".") and "\n" not in g and (
                low[i - 1] in cs.person_before or low[i - 1] in titles or len(words[i - 1]) == 1))
    lower_seen = set(compress(low, map(not_, caps)))
    caps_mid = {low[i] for i in cap_idx if not initial[i]}
    headline = _Headlines(text, spans, caps, low, cs)
    firsts = _firsts(kb, lang, cs)
    found: list[tuple[int, int, str]] = []  # token i, j (inclusive), type
    org_sector: dict[tuple[int, int], str] = {}
    nxt_i = 0
    for i in cap_idx:
        if i < nxt_i or taken[spans[i][0]] or not words[i][0].isalpha() or headline[i]:
            continue
        j = i
        while j + 1 < n and j - i < 6:
            g = gaps[j]
            nxt = j + 1
            if g in NAME_GAPS or (g == ". " and len(words[j]) == 1) or (g in ("'", "’") and len(words[j]) == 1):
                if caps[nxt] and not taken[spans[nxt][0]] and words[nxt][0].isalpha() and not headline[nxt] \
                        and low[nxt] not in titles and low[nxt] not in cs.never:
                    j = nxt
                    continue
                if g == " " and low[nxt] in cs.connectors and nxt + 1 < n and gaps[nxt] == " " and caps[nxt + 1] \
                        and not taken[spans[nxt + 1][0]] and low[nxt + 1] not in titles \
                        and low[nxt + 1] not in cs.never and words[nxt + 1][0].isalpha():
                    j = nxt + 1
                    continue
            break
        a, b = i, j
        nxt_i = j + 1
        while a <= b and (low[a] in cs.connectors or low[a] in cs.never or low[a] in titles
                          or low[a] in cs.person_before):
            a += 1
        while b >= a and (low[b] in cs.connectors or not caps[b]):
            b -= 1
        if a > b:
            continue
        if initial.get(a, True) and low[a] in cs.common and low[a] not in caps_mid and low[a] not in cs.org_first \
                and not (a < b and low[a] in cs.given and low[a + 1] not in cs.common):  # (not "Kevin Rojek")
            a += 1  # "Police said", "Yesterday Smith ...": an ordinary word starting the sentence
            while a <= b and (low[a] in cs.connectors or not caps[a]):
                a += 1
            if a > b:
                continue
        for k in range(a + 1, b):  # "Take on Wall Street": ordinary words before a connector start no name
            if low[k] in cs.connectors:
                if all(low[x] in lower_seen and low[x] not in cs.org_first for x in range(a, k)):
                    a = k + 1
                break
        typ = _type(a, b, low, words, gaps, initial, cs, firsts, lower_seen, caps_mid, stop)
        if typ is None:
            continue
        t, sector = typ
        if any(low[k] == "and" and (t != "ORG" or k + 1 == b) for k in range(a, b)):
            continue  # "Department and DHS", "House and Senate": two names
        found.append((a, b, t))
        if t == "ORG":
            org_sector[(spans[a][0], spans[b][1])] = sector
    out: dict[tuple[int, int], str] = {}
    people: list[tuple[int, int]] = []
    places = {m.span: m for m in mentions if m.type == "LOC"}
    for a, b, t in found:
        if t == "PER" and a > 1 and gaps[a - 1] == " " and gaps[a - 2] == " " and low[a - 2] in titles \
                and (place := places.get(spans[a - 1])) is not None:
            # "Defence Minister Aden Duale": a one-word place between a title and a name is the first name
            mentions.remove(place)
            taken[place.span[0] : place.span[1]] = b"\0" * (place.span[1] - place.span[0])
            a -= 1
        span = (spans[a][0], spans[b][1])
        if any(taken[span[0] : span[1]]):
            continue
        taken[span[0] : span[1]] = b"\1" * (span[1] - span[0])
        base = text[span[0] : span[1]]
        mentions.append(Mention(span=span, type=t, form="name", base=base, entity=None, evidence="caps." + lang))
        if t == "PER" and b > a:
            people.append((a, b))
        if span in org_sector:
            out[span] = org_sector[span]
    # The surname alone elsewhere ("Garang said"), sentence-initial or not: the same person.
    last = {low[b]: words[b] for _, b in people if len(words[b]) >= 3 and low[b] not in cs.never}
    if last:
        for k in cap_idx:
            if low[k] in last and words[k] == last[low[k]] and not taken[spans[k][0]]:
                s, e = spans[k]
                mentions.append(Mention(span=(s, e), type="PER", form="name", base=words[k], entity=None,
                                        evidence="caps." + lang))
                taken[s:e] = b"\1" * (e - s)
    return out


def _type(a: int, b: int, low: list[str], words: list[str], gaps: list[str], initial: dict[int, bool], cs: Cues,
          firsts: frozenset[str], lower_seen: set[str], caps_mid: set[str], stop: frozenset[str]
          ) -> tuple[str, str] | None:
    """PER/LOC/ORG and the sector an organisation's head word implies; None when nothing says it is a name."""
    last, first = low[b], low[a]
    if last in cs.org_last and b > a:
        return "ORG", cs.org_last[last]
    if first in cs.org_first and b > a and low[a + 1] == "of":
        return "ORG", cs.org_first[first]
    if last in cs.place_last and b > a:
        return "LOC", ""
    before = low[a - 1] if a > 0 and gaps[a - 1] in (" ", ". ") else ""
    after = low[b + 1] if b + 1 < len(low) and gaps[b] in (" ", ", ") else ""
    shape_ok = all(words[k][:1].isupper() or low[k] in cs.connectors for k in range(a, b + 1))
    if before in cs.person_before and words[a - 1][:1].isupper() and shape_ok:  # "Mr. Smith", not "father. So"
        return "PER", ""
    many = b > a
    single_initial = not many and initial.get(a, True)
    if single_initial and (first in lower_seen or first in cs.common) and first not in caps_mid:
        return None
    acronym = not many and words[a].isupper() and 2 <= len(words[a]) <= 6 and words[a].isalpha()
    person_like = not any(low[k] in cs.not_person or low[k] in stop for k in range(a, b + 1)) and shape_ok and \
        all(words[k].isalpha() or low[k] in cs.connectors for k in range(a, b + 1))
    ordinary = first in cs.common or first in lower_seen or first in cs.org_last or first in cs.org_first
    if after in cs.person_after and person_like and not acronym:
        return ("PER", "") if many or not ordinary else None
    g = gaps[b].strip() if b + 1 < len(low) else "."
    ends = (g != "" and g[0] not in "'’-") or (b + 1 < len(low) and low[b + 1] in cs.place_after)
    if before in cs.place_before and b - a <= 1 and ends and not acronym and not (many and first in firsts) and \
            not (not many and (ordinary or first in firsts)):
        return "LOC", ""
    # A known first name, or words no one writes in lower case (the surname may be a common word: Conway, Brown)
    if many and person_like and b - a <= 3 and (first in firsts or (
            not any(low[k] in lower_seen for k in range(a, b + 1)) and not any(low[k] in cs.common
                                                                               for k in range(a, b)))):
        return "PER", ""
    return None


class _Headlines:
    """Is token i on a title-case or all-caps line (a headline)? Capitals there say nothing. Lines are looked at
    only when asked about, once each."""

    def __init__(self, text: str, spans: list[tuple[int, int]], caps: list[bool], low: list[str], cs: Cues
                 ) -> None:
        self.text, self.spans, self.caps, self.low, self.cs = text, spans, caps, low, cs
        self.lines: dict[int, bool] = {}

    def __getitem__(self, i: int) -> bool:
        text, spans = self.text, self.spans
        start = text.rfind("\n", 0, spans[i][0]) + 1
        hit = self.lines.get(start)
        if hit is None:
            end = text.find("\n", spans[i][0])
            end = len(text) if end < 0 else end
            a, b = bisect_left(spans, (start,)), bisect_left(spans, (end,))
            hit = False
            if b - a <= 20 and not text[start:end].rstrip().endswith((".", "!", "?", ".\"", ".”", ":")):
                content = [t for t in range(a, b) if len(self.low[t]) > 3 and self.low[t] not in self.cs.connectors]
                hit = len(content) >= 3 and sum(self.caps[t] for t in content) >= 0.7 * len(content)
            self.lines[start] = hit
        return hit
