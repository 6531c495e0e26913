"""A fast gazetteer over the knowledge base: names, derived adjectives and role nouns, with their inflections.

Every text token is looked up once in ``forms`` (inflected form -> base tokens); a trie over base tokens then
finds multi-word names. So "Северной Кореи", "Европейския съюз", "Путина" and "руско-корейските" are found
without a lemmatiser, in well under a millisecond per article.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from vestnik.entities.kb import KB, KIND_PRIORITY
from vestnik.entities.morph import KB_DIR, TOKEN_RE, name_key, variants

END = "\0"
GAP_CHARS = set(" \u00a0-‐‑–—.'’")
LANGS_OF = {"bg": ("bg",), "ru": ("ru",), "en": ("en",), "cyrl": ("bg", "ru")}


@dataclass(frozen=True)
class Entry:
    """One way of writing an entity: ``form`` is name, derived (adjective) or role."""

    entity: str  # KB id; for roles the role keys joined by "|"
    form: str
    base: str
    case: tuple[str, ...]  # per token: U (all caps), C (capitalised), L (any)
    rank: int = 4
    lang: str = ""


@dataclass
class Match:
    start: int  # char offsets
    end: int
    ti: int  # token indexes, inclusive
    tj: int
    entries: list[Entry] = field(default_factory=list)

    @property
    def form(self) -> str:
        return self.entries[0].form


def _case(tok: str) -> str:
    if len(tok) >= 2 and tok.isupper():
        return "U"
    return "C" if tok[:1].isupper() else "L"


class Gazetteer:
    def __init__(self, kb: KB) -> None:
        self.kb = kb
        self.forms: dict[str, set[str]] = {}
        self.trie: dict = {}
        self.role_trie: dict = {}
        for e in kb.entries.values():
            rank = KIND_PRIORITY.get(e.kind or "", 4)
            for lang, name in e.all_names():
                self._add(self.trie, name, Entry(e.id, "name", name, (), rank, lang),
                          LANGS_OF.get(lang, (lang,)), "name")
            for lang, adjs in e.adjectives.items():
                for a in adjs:
                    self._add(self.trie, a, Entry(e.id, "derived", e.name, (), rank), (lang,), "adj")
        # Cross-script keys of KB names (for the tagger's names the gazetteer missed); ambiguous keys dropped.
        keys: dict[str, set[str]] = {}
        for e in kb.entries.values():
            for _, name in e.all_names():
                k = name_key(name)
                if len(k.replace(" ", "")) >= 5 or " " in k:
                    keys.setdefault(k, set()).add(e.id)
        self.key_index = {k: next(iter(v)) for k, v in keys.items() if len(v) == 1}
        # Adjective stems (британ-, пакистан-, европей-) for demonyms the tagger finds (британците, пакистанка).
        stems: dict[str, set[str]] = {}
        for e in kb.entries.values():
            for adjs in e.adjectives.values():
                for a in adjs:
                    st = adjective_stem(a)
                    if len(st) >= 4:
                        stems.setdefault(st, set()).add(e.id)
        self.stems = {k: next(iter(v)) for k, v in stems.items() if len(v) == 1}
        for lang, phrase, roles in read_roles():
            self._add(self.role_trie, phrase, Entry(roles, "role", phrase, (), 0), (lang,), "name")
        self.forms_t = {k: tuple(v) for k, v in self.forms.items()}
        del self.forms
        # Per trie, the forms that can start a match: most tokens of a text miss here at once.
        self.stem_lengths = sorted({len(k) for k in self.stems}, reverse=True)
        self.roots = {id(t): {f: r for f, bs in self.forms_t.items() if (r := tuple(b for b in bs if b in t))}
                      for t in (self.trie, self.role_trie)}

    def _add(self, trie: dict, text: str, entry: Entry, langs: tuple[str, ...], table: str) -> None:
        toks = TOKEN_RE.findall(text)
        if not toks:
            return
        if entry.form == "name":
            case = tuple(_case(t) for t in toks)
        elif langs == ("en",) and entry.form == "derived":  # English demonyms are capitalised: Pole, not pole
            case = tuple("C" if t[:1].isupper() else "L" for t in toks)
        else:
            case = tuple("L" for _ in toks)
        node = trie
        for k, t in enumerate(toks):
            base = t.lower()
            acronym = case[k] == "U"
            forms = {base} if acronym else set().union(*(variants(t, lang, table) for lang in langs))
            for f in forms:
                self.forms.setdefault(f, set()).add(base)
            node = node.setdefault(base, {})
        entry = Entry(entry.entity, entry.form, entry.base, case, entry.rank, entry.lang)
        lst = node.setdefault(END, [])
        if entry not in lst:
            lst.append(entry)

    def _walk(self, trie: dict, text: str, spans: list[tuple[int, int]], low: list[str], starts: list[int]
              ) -> list[Match]:
        out = []
        n = len(spans)
        forms = self.forms_t
        roots = self.roots[id(trie)]
        for i in starts:
            stack = [(trie[b], i) for b in roots[low[i]]]
            while stack:
                node, j = stack.pop()
                ents = node.get(END)
                if ents:
                    ok = [e for e in ents if _case_ok(e.case, spans, text, i)]
                    if ok:  # "U.S.": the abbreviation's last full stop belongs to the name
                        end = spans[j][1] + (text[spans[j][1] : spans[j][1] + 1] == "." and ok[0].base.endswith("."))
                        out.append(Match(spans[i][0], end, i, j, ok))
                if j + 1 < n and len(node) > (1 if ents else 0):
                    gap = text[spans[j][1] : spans[j + 1][0]]
                    if len(gap) <= 3 and all(c in GAP_CHARS for c in gap):
                        for b in forms.get(low[j + 1], ()):
                            if b in node:
                                stack.append((node[b], j + 1))
        return out

    def match(self, text: str) -> tuple[list[Match], list[Match], list[tuple[int, int]]]:
        """Non-overlapping name/derived matches (longest first), role-noun matches, and the token spans."""
        spans = [m.span() for m in TOKEN_RE.finditer(text)]
        lowered = text.lower()
        low = TOKEN_RE.findall(lowered) if len(lowered) == len(text) else []
        if len(low) != len(spans):  # lower-casing changed a token boundary (rare scripts): slice instead
            low = [lowered[s:e] if len(lowered) == len(text) else text[s:e].lower() for s, e in spans]
        r_names, r_roles = self.roots[id(self.trie)], self.roots[id(self.role_trie)]
        cands = self._walk(self.trie, text, spans, low, [i for i, w in enumerate(low) if w in r_names])
        merged: dict[tuple[int, int], Match] = {}
        for m in cands:  # one span reached through several spellings (Обединено/Обединеното кралство)
            if (m.start, m.end) in merged:
                merged[(m.start, m.end)].entries.extend(e for e in m.entries
                                                        if e not in merged[(m.start, m.end)].entries)
            else:
                merged[(m.start, m.end)] = m
        cands = sorted(merged.values(), key=lambda m: (-(m.end - m.start), m.start))
        taken = bytearray(len(text) + 1)
        chosen = []
        for m in cands:
            if any(taken[m.start : m.end]):
                continue
            taken[m.start : m.end] = b"\1" * (m.end - m.start)
            chosen.append(m)
        chosen.sort(key=lambda m: m.start)
        roles = self._walk(self.role_trie, text, spans, low, [i for i, w in enumerate(low) if w in r_roles])
        return chosen, roles, spans


def adjective_stem(adj: str) -> str:
    a = adj.lower()
    for end in ("ский", "цкий", "ски", "ий", "ый", "ки", "an", "ian", "ese", "ish", "i"):
        if a.endswith(end) and len(a) - len(end) >= 3:
            return a[: -len(end)]
    return a


def _case_ok(case: tuple[str, ...], spans: list[tuple[int, int]], text: str, i: int) -> bool:
    for k, c in enumerate(case):
        if c == "L":
            continue
        s, e = spans[i + k]
        if c == "U":
            if not text[s:e].isupper():
                return False
        elif not text[s].isupper():
            if k > 0 and text[s - 1 : s] == "-":
                continue
            return False
    return True


def read_roles(path: Path | None = None) -> list[tuple[str, str, str]]:
    path = path or KB_DIR / "curated" / "roles.tsv"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            c = line.split("\t")
            if len(c) >= 3:
                out.append((c[0].strip(), c[1].strip(), c[2].strip()))
    return out
