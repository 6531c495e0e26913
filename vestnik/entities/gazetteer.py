"""A fast gazetteer over the knowledge base: names, derived adjectives and role nouns, with their inflections.

Every text token is looked up once in ``forms`` (inflected form -> base tokens); a trie over base tokens then
finds multi-word names. So "Северной Кореи", "Европейския съюз", "Путина" and "руско-корейските" are found
without a lemmatiser, in well under a millisecond per article.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate, compress
from operator import attrgetter
from pathlib import Path

import numpy as np

from vestnik.entities.kb import KB, KIND_PRIORITY
from vestnik.entities.morph import KB_DIR, TOKEN_RE, name_key, variants
from vestnik.language.shared import lowered

END = "\0"
GAP_CHARS = set(" \u00a0-‐‑–—.'’")
#: quote marks: a KB name written with them ('"Сега"', 'вестник "Сега"', "«Ведомости»") matches only where the
#: text has them (a title that is also a common word: "Сега ще говоря" is no mention of the paper)
Q_MARKS = frozenset('"„“”«»')
Q_OPEN, Q_CLOSE = frozenset('"„“«'), frozenset('"“”»')
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
    quote: int = -1  # the name's token that opens its quoted part ('"Капитал"': 0), -1 when it has no marks

    @property
    def titled(self) -> bool:
        """A lower-case noun before the quoted title ('вестник "Телеграф"'): the noun tells two outlets of one
        title apart, the name is the title."""
        return self.quote > 0 and "C" not in self.case[: self.quote] and "U" not in self.case[: self.quote]

    def plain(self) -> str:
        """The base form without its quote marks (and without the noun before a title): '"Труд"' -> Труд,
        'Радио "Свободна Европа"' -> Радио Свободна Европа."""
        if self.quote < 0:
            return self.base
        s = self.base[min(i for i, c in enumerate(self.base) if c in Q_MARKS) :] if self.titled else self.base
        return " ".join("".join(c for c in s if c not in Q_MARKS).split())


@dataclass(slots=True)
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
        self.forms: dict[str, dict[str, None]] = {}  # form -> base tokens, in KB order (an ordered set: stable output)
        self.trie: dict = {}
        self.role_trie: dict = {}
        #: per language, a trie of the entries only its texts name (``KBEntry.only_lang``: English-only towns), walked
        #: for that language's documents alone, so other languages' texts pay nothing for them
        self.lang_tries: dict[str, dict] = {}
        firsts: set[str] = set()
        for e in kb.entries.values():
            rank = KIND_PRIORITY.get(e.kind or "", 4)
            trie = self.lang_tries.setdefault(e.only_lang, {}) if e.only_lang else self.trie
            person = e.type == "PER"
            for lang, name in e.all_names():
                self._add(trie, name, Entry(e.id, "name", name, (), rank, lang), LANGS_OF.get(lang, (lang,)), "name")
                if person and " " in name and name[:1].isupper() and len(first := name.split()[0]) > 2:
                    firsts.add(first.casefold())
            for lang, adjs in e.adjectives.items():
                for a in adjs:
                    self._add(self.trie, a, Entry(e.id, "derived", e.name, (), rank), (lang,), "adj")
        #: the first words (case-folded) of the KB persons' names of several words, in any script: the first names
        #: linking tells apart from stray capitalised words (linking._other_first_name); made here, with the trie,
        #: not in the first document that asks (a pass over every KB name, some 28 ms, inside a document's time)
        self.first_words = frozenset(firsts)
        # Cross-script keys of KB names (for the tagger's names the gazetteer missed); ambiguous keys dropped.
        keys: dict[str, set[str]] = {}
        for e in kb.entries.values():
            if e.only_lang:  # (a town English texts name: no key a Cyrillic name of the tagger's could meet)
                continue
            for _, name in e.all_names():
                k = name_key(name)
                if len(k.replace(" ", "")) >= 5 or " " in k:
                    keys.setdefault(k, set()).add(e.id)
        self.key_index = {k: next(iter(v)) for k, v in keys.items() if len(v) == 1}
        #: per such language, the words one of its towns must follow (the pack's names.toml: town_before, and
        #: town_heads before "of" or the name)
        self.town_cues: dict[str, tuple[frozenset[str], frozenset[str]]] = {}  # (read at a language's first text)
        # Adjective stems (британ-, пакистан-, европей-) for demonyms the tagger finds (британците, пакистанка).
        stems: dict[str, set[str]] = {}
        for e in kb.entries.values():
            for adjs in e.adjectives.values():
                for a in adjs:
                    st = adjective_stem(a)
                    if len(st) >= 4:
                        stems.setdefault(st, set()).add(e.id)
        self.stems = {k: next(iter(v)) for k, v in stems.items() if len(v) == 1}
        self.stem_memo: dict[str, str | None] = {}  # surface -> entity, filled by linking._stem_entity
        for lang, phrase, roles in read_roles():
            self._add(self.role_trie, phrase, Entry(roles, "role", phrase, (), 0, lang), (lang,), "name")
        self.forms_t = {k: tuple(v) for k, v in self.forms.items()}
        self.forms = {}  # (emptied, not deleted: a mypyc-compiled class cannot delete an attribute)
        # Per trie, the forms that can start a match: most tokens of a text miss here at once.
        self.stem_lengths = sorted({len(k) for k in self.stems}, reverse=True)
        #: per word length (up to the longest stem's + 1): the stem lengths shorter than the word, longest first
        self.stem_lengths_below = [tuple(n for n in self.stem_lengths if n < ln)
                                   for ln in range(max(self.stem_lengths, default=0) + 2)]
        self._gap_ok: dict[str, int] = {}  # gap -> 0 (no name crosses it), 1 (plain), 2 (with a quote mark)
        tries = (self.trie, self.role_trie, *self.lang_tries.values())
        self.roots = {id(t): {f: r for f, bs in self.forms_t.items() if (r := tuple(b for b in bs if b in t))}
                      for t in tries}
        for t in tries:
            _seal(t)
        self._root_nodes = {id(t): {f: tuple(t[b] for b in bs) for f, bs in self.roots[id(t)].items()}
                            for t in tries}
        # Start forms that are no entry on their own -> every form the next token may have (a cheap pre-check).
        forms_of: dict[str, set[str]] = {}
        for f, bs in self.forms_t.items():
            for b in bs:
                forms_of.setdefault(b, set()).add(f)
        self._need_next: dict[int, dict[str, frozenset[str]]] = {}
        for t in (self.trie, self.role_trie):
            self._need_next[id(t)] = {
                f: frozenset().union(*(forms_of.get(k, ()) for nd in nodes for k in nd))
                for f, nodes in self._root_nodes[id(t)].items() if not any(END in nd for nd in nodes)}
        #: per form that can start a match: (starts a name, the forms the next token must have for one or None
        #: when it needs none, starts a role phrase, the same for role phrases), read in one look per start token
        self._start_info: dict[str, tuple[bool, frozenset[str] | None, bool, frozenset[str] | None]] = {}
        need_names, need_roles = self._need_next[id(self.trie)], self._need_next[id(self.role_trie)]
        r_names, r_roles = self.roots[id(self.trie)], self.roots[id(self.role_trie)]
        for f in sorted(set(r_names) | set(r_roles)):
            self._start_info[f] = (f in r_names, need_names.get(f), f in r_roles, need_roles.get(f))

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
                self.forms.setdefault(f, {})[base] = None
            node = node.setdefault(base, {})
        quote = -1
        if entry.form == "name" and (q := next((k for k, c in enumerate(text) if c in Q_MARKS), -1)) >= 0:
            quote = len(TOKEN_RE.findall(text[:q]))
        entry = Entry(entry.entity, entry.form, entry.base, case, entry.rank, entry.lang, quote)
        lst = node.setdefault(END, [])
        if entry not in lst:
            lst.append(entry)

    def _walk(self, trie: dict, tk: Tokens, starts: list[int]) -> list[Match]:
        """All trie paths from each start token (increasing; ``match`` dropped those that cannot begin one)."""
        out = []
        low, offs, ends, src = tk.low, tk.starts, tk.ends, tk.src
        n = len(low)
        forms = self.forms_t
        roots = self._root_nodes[id(trie)]
        gap_ok = self._gap_ok
        text = tk.text
        for i in starts:
            oi = offs[i]
            r = roots[low[i]]
            stack = [(r[0], i, False)] if len(r) == 1 else [(nd, i, False) for nd in r]  # (most forms: one base)
            while stack:
                node, j, crossed = stack.pop()  # crossed: a quote mark between the tokens so far
                ents = node.get(END)
                if ents:
                    lst, cc, quoted = ents
                    if cc is None:  # entries with different cases (rare)
                        ok = [e for e in lst if _case_ok(e.case, tk, i)]
                    elif cc is _CAP1:  # one capitalised word, the commonest name: _case_ok's test, without its call
                        ok = list(lst) if text[oi].isupper() else []
                    else:
                        ok = list(lst) if not cc or _case_ok(cc, tk, i) else []
                    if ok and (quoted or crossed):
                        ok = [e for e in ok if _quotes_ok(e.quote, tk, i, j)]
                    if ok:  # "U.S.": the abbreviation's last full stop belongs to the name; so does the closing
                        # mark of one whose quoted part begins inside it ('Радио "Свободна Европа"', both marks)
                        e0, ej = ok[0], ends[j]
                        if e0.quote > 0 or (e0.base[-1:] == "." and src[ej : ej + 1] == "."):
                            ej += 1
                        out.append(Match(oi, ej, i, j, ok))
                if j + 1 < n and len(node) > (1 if ents else 0):
                    gap = src[ends[j] : offs[j + 1]]
                    g = gap_ok.get(gap)
                    if g is None:  # 1: a plain gap, 2: one with a quote mark ('вестник "Сега"'), 0: no name crosses it
                        g = gap_ok[gap] = (len(gap) <= 3 and all(c in GAP_CHARS or c in Q_MARKS for c in gap)) * (
                            1 + any(c in Q_MARKS for c in gap))
                    if g:
                        for b in forms.get(low[j + 1], ()):
                            if b in node:
                                stack.append((node[b], j + 1, crossed or g == 2))
        return out

    def _town_cues(self, lang: str) -> tuple[frozenset[str], frozenset[str]]:
        """The pack's words before a town only ``lang`` names (``town_before``, ``town_heads`` in names.toml), read
        when the language's first text comes (a process that reads none pays nothing at start-up)."""
        from vestnik.entities.propername import cues  # (not at the top: propername imports this module)

        c = cues(lang)
        got = self.town_cues[lang] = (c.town_before, c.town_heads) if c else (frozenset(), frozenset())
        return got

    @staticmethod
    def _town_cued(tk: Tokens, i: int, cues: tuple[frozenset[str], frozenset[str]]) -> bool:
        """Whether token ``i`` follows a place's word: "in", "near" (``cues[0]``), or a head noun, itself or before
        "of" ("the town of Samarra", "the city Tulkarm": ``cues[1]``), each across a plain space."""
        before, heads = cues
        if i == 0 or tk.gap(i - 1) != " ":
            return False
        w = tk.low[i - 1]
        if w in before or w in heads:
            return True
        return w == "of" and i > 1 and tk.gap(i - 2) == " " and tk.low[i - 2] in heads

    def match(self, text: str, lang: str | None = None) -> tuple[list[Match], list[Match], Tokens]:
        """Non-overlapping name/derived matches (longest first), role-noun matches, and the token spans; the entries
        only ``lang``'s texts name (English-only towns) join the candidates after a place's word."""
        tk = Tokens(text)
        low = tk.low
        n = len(low)
        info = self._start_info
        name_starts: list[int] = []
        role_starts: list[int] = []
        for i in compress(range(n), map(info.__contains__, low)):  # (C-level: most tokens start nothing)
            is_name, need_name, is_role, need_role = info[low[i]]
            # "да", "не": a word that only begins longer names is no start unless their next word follows
            if is_name and (need_name is None or (i + 1 < n and low[i + 1] in need_name)):
                name_starts.append(i)
            if is_role and (need_role is None or (i + 1 < n and low[i + 1] in need_role)):
                role_starts.append(i)
        cands = self._walk(self.trie, tk, name_starts)
        if lang in self.lang_tries:
            lt = self.lang_tries[lang]
            starts, cues = self.roots[id(lt)], self.town_cues.get(lang) or self._town_cues(lang)
            cands += self._walk(lt, tk, [i for i in compress(range(n), map(starts.__contains__, low))
                                         if self._town_cued(tk, i, cues)])
        merged: dict[tuple[int, int], Match] = {}
        for m in cands:  # one span reached through several spellings (Обединено/Обединеното кралство)
            k = (m.start, m.end)
            if k in merged:
                merged[k].entries.extend(e for e in m.entries if e not in merged[k].entries)
            else:
                merged[k] = m
        cands = sorted(merged.values(), key=lambda m: (-(m.end - m.start), m.start))
        taken = bytearray(len(text) + 1)
        chosen = []
        for m in cands:
            if taken.find(1, m.start, m.end) >= 0:  # (a C-level search: no slice copied)
                continue
            if m.start > 3 and text[m.start - 1] == "." and _WEB_LEFT.search(text, max(0, m.start - 41), m.start - 1):
                continue  # "Leave.EU", "Vote.Leave": a part of a web-style name, not the EU
            taken[m.start : m.end] = b"\1" * (m.end - m.start)
            chosen.append(m)
        chosen.sort(key=_START)
        for m in chosen:  # 'вестник "Телеграф"', 'германското списание "Фокус"': the common noun chose the outlet;
            e = m.entries[0]  # the name is the quoted title
            if e.quote > 0 and e.titled:  # (``titled`` needs quote > 0: no property call for most)
                m.ti += e.quote
                m.start, m.end = tk.starts[m.ti], tk.ends[m.tj]
        roles = self._walk(self.role_trie, tk, role_starts)
        return chosen, roles, tk


_START = attrgetter("start")


#: three or more Latin letters (or digits) right before a full stop that a name follows with no space: the first part
#: of a web-style name ("Leave.EU", "Vote.Leave"); an initial ("J.Smith", "М.Моравецкий") is one letter. Searched
#: in the 40 characters before the stop only (the lookbehind still sees the character before them), not the text
_WEB_LEFT = re.compile(r"(?<![\w.])[A-Za-z][A-Za-z0-9]{2,}\Z")
SPLIT_RE = re.compile(r"(\w+)", re.UNICODE)  # the same tokens as TOKEN_RE, with the text between them
#: code point -> whether the regex's ``\w`` matches it (``str.isalnum()`` or "_"), for the Basic Multilingual Plane
_WORD_CHAR = np.array([chr(c).isalnum() or c == 0x5F for c in range(0x10000)], dtype=np.bool_)
_EDGE = np.zeros(1, dtype=np.bool_)
_SPACE = np.uint32(32)
#: code point -> itself when it is a word character, else a space: the token string in one look-up per character
_WORD_OR_SPACE = np.where(_WORD_CHAR, np.arange(0x10000, dtype=np.uint32), _SPACE).astype(np.uint32)


def _word_runs(s: str) -> tuple[list[str], Sequence[int], Sequence[int]] | None:
    r"""``SPLIT_RE.split(s)[1::2]`` and each token's start and end offset, without the regex (its ``\w`` costs some
    300 instructions per Cyrillic character): the word characters are looked up per code point in a table, every
    other character becomes a space and the C-level ``str.split`` cuts the tokens (a ``\w`` character is never
    white space, so its runs are exactly the ``\w+`` tokens). None when ``s`` has a character beyond the table.
    The offsets are ``array("q")`` sequences, not lists."""
    cp = np.frombuffer(s.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if not len(cp):
        return None
    try:
        mapped = _WORD_OR_SPACE.take(cp)
    except IndexError:  # (take checks every index: a code point beyond the table; cheaper than a max() pass)
        return None
    low = mapped.tobytes().decode("utf-32-le", "surrogatepass").split()
    padded = np.concatenate((_EDGE, mapped != _SPACE, _EDGE)).view(np.int8)  # (a word character is never a space)
    edges = np.flatnonzero(padded[1:] != padded[:-1])  # alternately where a token starts and where it ends
    # machine integers copied as bytes into an array: ``tolist`` built a Python int per offset (~150 instructions
    # each, most never read); the array makes one only for an offset read
    both = array("q", edges.astype(np.int64, copy=False).tobytes())
    return low, both[0::2], both[1::2]


class Tokens(Sequence[tuple[int, int]]):
    """The ``\\w+`` tokens of a text: lower-cased forms and the start and end offset of each, built in C-level
    passes only (a per-token Python loop was the gazetteer's largest cost); the text between tokens (``gaps``,
    ``gap``) and the span list (``tk[i]``) only on first use."""

    def __init__(self, text: str) -> None:
        self.text = text
        low = lowered(text)  # shared with the other layers; None when it must be lower-cased here
        lowered_text = low if low is not None else text.lower()
        runs = None
        if len(lowered_text) == len(text):  # one character each: the same boundaries (checked over all of Unicode)
            #: the string the tokens were cut from: the gaps are its slices (lower-cased, as the regex split gave them)
            self.src = lowered_text
            runs = _word_runs(lowered_text)
            if runs is None:
                parts = SPLIT_RE.split(lowered_text)
                self.low: list[str] = parts[1::2]
        else:  # lower-casing changed lengths (İ): lower-case token by token
            self.src = text
            parts = SPLIT_RE.split(text)
            self.low = [w.lower() for w in parts[1::2]]
        if runs is None:  # (lengths of ``parts`` are those of ``text``)
            off = list(accumulate(map(len, parts), initial=0))
            runs = self.low, off[1:-1:2], off[2::2]
        self.starts: Sequence[int] = runs[1]  # where each token starts and ends in ``text`` (lists or arrays)
        self.ends: Sequence[int] = runs[2]
        self.low = runs[0]
        self._spans: list[tuple[int, int]] | None = None

    def gap(self, j: int) -> str:
        """The text between tokens j and j + 1 (after the last token when j is the last; before the first when j
        is -1)."""
        a = self.ends[j] if j >= 0 else 0
        return self.src[a : self.starts[j + 1]] if j + 1 < len(self.starts) else self.src[a:]

    @property
    def gaps(self) -> list[str]:
        """gaps[i]: the text between tokens i and i + 1 (after the last one)."""
        src, starts = self.src, self.starts
        if not starts:
            return []
        return [*map(src.__getitem__, map(slice, self.ends, starts[1:])), src[self.ends[-1] :]]

    @property
    def spans(self) -> list[tuple[int, int]]:
        if self._spans is None:
            self._spans = list(zip(self.starts, self.ends, strict=True))
        return self._spans

    def __len__(self) -> int:
        return len(self.low)

    def __getitem__(self, i: int) -> tuple[int, int]:  # type: ignore[override]  # (no slices: read by index only)
        return self.starts[i], self.ends[i]


#: the case pattern of a one-word capitalised name, shared by every entry list :func:`_seal` gives it (so that
#: ``Gazetteer._walk`` recognises it by identity)
_CAP1 = ("C",)


def _seal(node: dict) -> None:
    """Entry lists -> (entries, their shared case pattern: () when it needs no check, None when they differ)."""
    for k, v in node.items():
        if k == END:
            cases = {e.case for e in v}
            cc = next(iter(cases)) if len(cases) == 1 else None
            if cc == _CAP1:
                cc = _CAP1
            node[k] = (tuple(v), () if cc is not None and all(c == "L" for c in cc) else cc,
                       any(e.quote >= 0 for e in v))
        else:
            _seal(v)


def adjective_stem(adj: str) -> str:
    a = adj.lower()
    for end in ("ский", "цкий", "ски", "ий", "ый", "ки", "an", "ian", "ese", "ish", "i"):
        if a.endswith(end) and len(a) - len(end) >= 3:
            return a[: -len(end)]
    return a


def _case_ok(case: tuple[str, ...], tk: Tokens, i: int) -> bool:
    """The written case of tokens i, i + 1, ... fits the entry's (U, C or L per token)."""
    text, starts, ends = tk.text, tk.starts, tk.ends
    for k, c in enumerate(case):
        if c != "L":
            o = starts[i + k]
            if c == "U":
                if not text[o : ends[i + k]].isupper():
                    return False
            elif not text[o].isupper() and not (k > 0 and text[o - 1] == "-"):
                return False
    return True


def _quotes_ok(quote: int, tk: Tokens, i: int, j: int) -> bool:
    """Tokens i..j carry the quote marks of a name whose quoted part starts at its token ``quote`` (-1: a name
    without marks, which no mark may split): an opening mark right before that token, a closing one right after
    token j, and no other mark between the tokens."""
    for k in range(i + 1, j + 1):  # tk.gap(k - 1): the gap before token k
        if any(c in Q_MARKS for c in tk.gap(k - 1)) != (k == i + quote):
            return False
    if quote < 0:
        return True
    return tk.gap(i + quote - 1)[-1:] in Q_OPEN and tk.gap(j)[:1] in Q_CLOSE


def read_roles(path: Path | None = None) -> list[tuple[str, str, str]]:
    path = path or KB_DIR / "curated" / "roles.tsv"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            c = line.split("\t")
            if len(c) >= 3:
                out.append((c[0].strip(), c[1].strip(), c[2].strip()))
    return out
