"""Quotes, speakers and source chains: who said what, and according to whom.

One pass over each item of the page (the article, then every teaser, each with its own
salience state). Per paragraph: direct quotes are found first with a stack of quote marks
(nesting, and English multi-paragraph quotes); sentences are split with the quotes kept whole;
then every reporting cue of the language data (``vestnik/lang/<code>/quotes.toml``) is read as
one of a few frames:

- a direct quote next to its cue (``„…“, добавя Путин``, ``X said: “…”``);
- a complement clause (``X заяви …, че CONTENT``, ``X said (that) CONTENT``, ``urged X to …``);
- a trailing cue (``CONTENT, заяви министърът``, ``CONTENT, they said``);
- "according to" (``Според X CONTENT``, ``CONTENT, according to X``);
- an impersonal cue whose speaker is a medium (``се казва още в писмото`` → the letter's author).
- English: a bare clause or object (``X said the deal is dead``, ``X blamed Obama for …``), an infinitive with its
  object (``urged Congress to act``), a noun cue (``Clinton’s allegations of …``, ``fears of …``); coordinated cues
  (``questioned A, blamed B and bemoaned C``) split the clause and share the speaker.

Agencies and institutions in source positions (``предаде Ройтерс``, ``като се позова на КЦТА``,
``цитиран от Ройтерс``, ``Според … агенция``) become sources, linked into chains by ``cites``;
every quote gets the chain whose scope covers it. A quoted stretch that is exactly an outlet's name (``предаде
„Фокус“``, ``пред в. „Билд“``) is read as that outlet, never as a quote; an agency's own comment with a speech verb
(``„Асошиейтед прес“ коментира, че …``) is a quote when the language says so (``agency_comments``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import pairwise
from operator import attrgetter
from pathlib import Path
from typing import Any

from vestnik.document import Document, Entity, Mention, Quote, Source, Span, Speaker
from vestnik.entities.api import kb_entry
from vestnik.entities.kb import MEDIA_KINDS, slug
from vestnik.entities.linking import unknown_id
from vestnik.entities.morph import name_key
from vestnik.entities.propername import given_names
from vestnik.extract.dateline import datelines as page_datelines
from vestnik.language.shared import lowered
from vestnik.language.tokenize import sentence_cues
from vestnik.quotes.lexicon import Lexicon
from vestnik.spans import containing, disjoint_starts, stabbing
from vestnik.time.grammar import load_lexicon as load_time_lexicon

# possessive repeats (the same matches: nothing follows that could take back a letter) spare the engine its
# backtracking bookkeeping at every token
# (a decimal comma inside a number is no clause break: "99,9 процента")
TOKEN = re.compile(r"[^\W_]++(?:(?:[-’'.]|(?<=\d),(?=\d))[^\W_]++)*+|\S")
# ... where the text writes an accent as a combining mark ("ѝ" as "и" + U+0300, "само̀"): it stays in its word
COMBINING = re.compile(r"[\u0300-\u036f]")
TOKEN_COMBINING = re.compile(r"(?:[^\W_][\u0300-\u036f]*)++(?:(?:[-’'.]|(?<=\d),(?=\d))(?:[^\W_][\u0300-\u036f]*)++)*+|\S")


def _has_combining(text: str) -> bool:
    """Whether COMBINING finds a mark in ``text``, from its UTF-8 bytes: the marks U+0300-U+036F are written with a
    lead byte 0xCC (U+0300-U+033F) or 0xCD (U+0340-U+037F, Greek letters from U+0370), which no other character
    writes (a continuation byte is 0x80-0xBF), and a byte is found at the speed of memchr where the pattern's search
    costs some 50 instructions a character."""
    raw = text.encode("utf-8", "surrogatepass")
    return b"\xcc" in raw or (b"\xcd" in raw and COMBINING.search(text) is not None)


_STRAY = "“”″"  # closing marks found written against a word with nothing open
# a sentence's end and the next sentence's first character, for a quote left open (_unclosed_end)
_SENT_END_BEFORE = re.compile(r"[.!?…]\s+(\S)")
# a site's date-and-time stamp glued before a lead ("29.01.2018 15.53 Полша иска ..."): page furniture, never said
_STAMP = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}[ \t]+\d{1,2}[.:]\d{2}(?::\d{2})?[ \t]+")
_GLUED_HEAD = re.compile(r"(?<=[^\W\d_]) ([^\W\d_]+)(?= )")  # a word after a word: cases tested in _label_colon
#: characters back from an uncued quote to the mention of the speaker it is given (about two sentences): further
#: back the speaker is still the salient one, but no mention near names them
SALIENT_REACH = 300
UNCLOSED_SENTENCES = 3

SENT_END = frozenset(".!?…")
DASHES = frozenset("-–—")
COLON_DASHES = DASHES | {":"}  # (what opens a quote inside a quote: _nested)
SENT_BREAK = re.compile(r"[.!?…][.!?…]*(?=\s)")  # "[.!?…]+" as one class then a repeat: re skips to a candidate
# A sentence end written against the next sentence, as pages joined from paragraphs have it ("..., предаде ДПА.Биби
# „би се радвала“", "предаде БТА.„Билд“ цитира"): after a word of three letters or more (an initial or "ул." is no end;
# the abbreviations are checked as for SENT_BREAK), before a capital and a small letter, a capital word of one letter
# ("..., пише вестник The Independent.В САЩ 64% ..."), or a quote mark and a capital.
GLUED_BREAK = re.compile(r"[.!?](?<=[^\W\d_]{3}[.!?])(?=[\"„“«]?[^\W\d_a-zа-я](?:[^\W\d_A-ZА-Я]|[ \t\xa0]|(?<=[\"„“«].)))")  # (the
# mark first, then the look-behind: a pattern that opens with a look-behind is tried at every character, 11x slower)
#: SENT_BREAK's characters: a paragraph's are found by str.find, a tenth of what a pattern's search costs a character
_END_MARKS = ".!?…"


def _breaks(text: str, a: int, b: int) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """(start, end, text) of the matches of SENT_BREAK and of GLUED_BREAK in ``text[a:b]``, as their ``finditer``
    finds them, from the sentence marks there. SENT_BREAK takes a run of marks when white space follows it (a
    shorter run is followed by a mark: the pattern's backtracking finds nothing else); GLUED_BREAK, one character,
    is tried at each full stop, "!" or "?" that no white space follows (its look-ahead needs a mark or a letter)."""
    marks: list[int] = []
    for ch in _END_MARKS:
        k = text.find(ch, a, b)
        while k >= 0:
            marks.append(k)
            k = text.find(ch, k + 1, b)
    if not marks:
        return [], []
    marks.sort()
    runs: list[tuple[int, int, str]] = []
    glued: list[tuple[int, int, str]] = []
    k, n = 0, len(marks)
    while k < n:
        s = e = marks[k]
        while k < n and marks[k] == e:
            p = marks[k]
            if p + 1 < b and not text[p + 1].isspace() and text[p] != "…" and GLUED_BREAK.match(text, p, b):
                glued.append((p, p + 1, text[p]))
            e += 1
            k += 1
        if e < b and text[e].isspace():
            runs.append((s, e, text[s:e]))
    return runs, glued


# A "sentence" longer than this (text with no sentence punctuation: a list, a transcript, a dump) is cut at white
# space outside direct quotes: the frames compare each cue with the sentence's other cues, so one such sentence of
# 200 KB cost seconds and grew with the square of its length. The longest sentence in the development texts (ner-bg,
# ner-ru, quotes-en, the BSNLP reports and the small-site corpus) is 29,727 characters: none is cut.
MAX_SENTENCE = 50_000
_GENDER_BACK = 300  # how far back a pronoun of the other gender looks for its own person (characters)
_BODY_BACK = 3000  # how far back (characters) a generic noun ("министерството") looks for the body it means
_TAIL_WORDS = 14  # words after a trailing ", CUE" that can still name the speaker (12 where the lexicon is strict)
WORD = re.compile(r"[^\W_]++(?:[-’'.][^\W_]++)*+")
CLAUSE_PUNCT = frozenset(",;:—–-()[]")
#: marks that are no letter, digit nor "_" (no character of a word for TOKEN and WORD): around a chunk's letters and
#: digits they are tokens of their own, and no part of its word (tests/test_quotes_speed.py holds them to that)
_NON_WORD = ",.;:!?()[]{}„“”«»\"'’‘`-–—…/\\|*+=<>%&#@№§°•·~^"
# between coordinated names, either one perhaps in quote marks: 'цитиран от "Ройтерс" и Би Би Си'
_KIND_WORDS = re.compile(r"[^\W\d_]+")  # the words of an outlet told by its kind ("други медии")
_LABEL_MARKS = "'\"„“”«»″"  # marks around an outlet's name after a credit label ("Източник:''Vesti.bg''")
# words set off by two dashes inside a quote ("„Тъжна е констатацията – се чете в документа – че ...“")
_INSET = re.compile(r"\s[–—]\s([^–—\n]{3,80}?)\s[–—]\s")
# ", и украинската агенция Укринфром": a coordinated outlet named by its noun (group 1) and a capitalised name (2)
_COORD_NOUN_NAME = re.compile(r"(?:\s*,)?\s+(?:и|and)\s+(?:[^\W\d_]+\s+){0,2}?([^\W\d_]+)\s+"
                              r"([A-ZА-Я][\w-]*(?:\s+[A-ZА-Я][\w-]*)?)")
_COORD_GAP = re.compile(r"[\"“”„«»]?(?:\s*(?:,|,?\s+(?:и|and|а также))\s+|\s*,\s*)[\"“”„«»]?")


@lru_cache(maxsize=1)
def _media_records() -> list[dict]:
    """The knowledge base's agencies and outlets (``vestnik/kb/media.jsonl``); empty when the file is absent."""
    path = Path(__file__).resolve().parents[1] / "kb" / "media.jsonl"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    out = []
    for line in lines:
        try:
            r = json.loads(line)
        except ValueError:
            continue
        if isinstance(r, dict) and r.get("name"):
            out.append(r)
    return out


@lru_cache(maxsize=1)
def media_kb() -> dict[str, tuple[str, Entity]]:
    """Agencies and outlets by canonical name, so an agency this layer finds on its own gets the same id as the
    entities layer gives it."""
    return {str(r["name"]).casefold(): (str(r["id"]), Entity(
        name=str(r["name"]), type=str(r.get("type") or "ORG"), codes=dict(r.get("codes") or {}),
        kind=r.get("kind") or "news_agency", country=r.get("country"))) for r in _media_records() if r.get("id")}


@lru_cache(maxsize=1)
def media_surfaces() -> dict[str, str]:
    """Every name of the agencies and outlets (all languages), casefolded -> canonical name: a quoted stretch that
    is exactly one of them names an outlet ("предаде „Фокус“"), it is not a quote."""
    out: dict[str, str] = {}
    for r in _media_records():
        names = [r["name"], *(n for ns in (r.get("names") or {}).values() if isinstance(ns, list) for n in ns)]
        for n in names:
            key = " ".join(str(n).strip("\"„“”«»").split()).casefold()
            if key:
                out.setdefault(key, str(r["name"]))
    return out


CREDIT = re.compile(r"(?<=[.!?…“”\"»])[ \t]*/[ \t]*(?=[^\W\d_])")  # "... остава Дания./БГНЕС", ". /money.bg"
# the same matches (same ends) found from the mark before them: a pattern opening with a character class is searched
# by skipping to that class, one opening with a look-behind is tried at every position (2-3x the time)
CREDIT_FROM_MARK = re.compile(r"[.!?…“”\"»][ \t]*/[ \t]*(?=[^\W\d_])")
CREDIT_WORD = re.compile(r"[^\W_][\w’'-]*(?:\.[^\W\d_]{2,6}(?!\w))?")
# a site's name as the source ("съобщи finanz.ru", "цитиран от zw.it"): generic and European top-level domains
DOMAIN = re.compile(r"(.+?)\.(?:ru|bg|com|net|org|ua|de|uk|eu|info|news|tv|io|it|fr|es|pl|ro|gr|md|by|kz|at|ch|cz"
                    r"|sk|hu|rs|mk|tr|us|lt|lv|ee|fi|se|no|dk|nl|be|pt|ie|ge|am|az|ba|hr|si|me|al|бг|ру|ком)$",
                    re.IGNORECASE)
# ... and after a credit label ("Източник: stv.rv"), any lower-case address
LABEL_DOMAIN = re.compile(r"[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,6}")
# a site's address standing between sentences, the page's credit of where its text comes from ("... красиво.
# lakomnik.bg Следете ...", "... на тяхна земя.fakti.bg/", "... изяснена. http://epicenter.bg"): lower case, no path.
# Found from its ending ("str.find", then back over the address): linear on any text, where a pattern naming the
# endings backtracks over every dot of a long dotted run
_SITE_TLDS = (".bg", ".com", ".net", ".org", ".ru", ".info", ".eu", ".news", ".tv", ".ua", ".mk", ".rs", ".de", ".uk",
              ".fr", ".it", ".es", ".biz", ".me")
_ADDRESS_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.-")
# an item of a list of references that ends with a dash and a site's address ("... shuts down - nature.com 2. ...")
_LISTED_SITE = re.compile(r"[ \t\xa0][-–—][ \t\xa0]+([a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,6})(?![\w.-])")
# whether a text names a site at all (one search, its literal "." skipped to: most texts have none)
_ANY_SITE = re.compile(r"\.(?:" + "|".join(t[1:] for t in _SITE_TLDS) + r")(?![a-z0-9])")
_SENTENCE_END = ".!?…“”\"»"
# a closing agency in brackets after a report's last sentence ("... в руския град Сочи. (БТА)")
CREDIT_PAREN = re.compile(r"[.!?…“”\"»][ \t]*\((?=[^\W\d_])")
# what may stand before an agency's credit that opens a paragraph ("/КРОСС/ Великобритания ...", "Исламабад, Пакистан
# /КРОСС/ ...", "10 Януари 2017 | 12:32 /КРОСС/ ..."): nothing, a place, or the page's time stamp; not a wire's own
# dateline with its date ("Лондон, 8 януари /БТА/": the agency that filed the report, its publisher)
CREDIT_OPENING = re.compile(r"[ \t]*(?:[^\W\d_][\w.-]*(?:,?[ \t]+[^\W\d_][\w.-]*){0,2}[ \t]*"
                            r"|\d{1,2}[ \t]+[^\W\d_]+[ \t]+\d{4}[ \t]*\|[ \t]*\d{1,2}:\d\d[ \t]*)?")
# where a trailing cue's sentence ends (not at an initial's full stop: "сказал А. Кубилюс")
_CLAUSE_END = re.compile(r"(?<=[^\W\d_]{2})[.!?](?=\s|$)|(?<=[\d)\"”“»])[.!?](?=\s|$)|\n")
# cue classes that name a source and no one's words (their phrases are handled by the chains step), and with
# "according", those that never take a direct quote as theirs
_CHAIN_CLASSES = ("citing", "cited_by", "published")
_NOT_DIRECT = ("according", "unsaid", *_CHAIN_CLASSES)
#: cue classes that end the words of a cue before them ("заяви, че иска ..., Мей не каза, че ...")
_ENDS_CONTENT = ("speech", "info", "according", "citing", "cited_by", "unsaid")
_SPAN_OF = attrgetter("span")
#: up to the last character that is not a letter, digit or one of . - ’ ' (so the rest is a word such as "т.е")
_LAST_NON_WORD = re.compile(r"(?s:.*)(?:[^\w.\-’']|_)")


#: phrases that begin with one word: (those of one word, the second word -> those of one word or with that second word),
#: each in the phrases' order
PhraseGroup = tuple[tuple[tuple[str, ...], ...], dict[str, tuple[tuple[str, ...], ...]]]
#: (cache, id(obj)) -> (obj, what was derived from it), for _derived: a lexicon's phrase tuples and word sets live as
#: long as the lexicon, so a handful of entries; the object is kept to check the id is still its own
_DERIVED: dict[tuple[str, int], tuple[object, Any]] = {}


def _derived(kind: str, obj: object, build: Callable[[Any], Any]) -> Any:
    """``build(obj)`` for a lexicon's table, made on first use and kept by identity (``build``: a module function,
    so that a call makes no closure)."""
    hit = _DERIVED.get((kind, id(obj)))
    if hit is None or hit[0] is not obj:
        if len(_DERIVED) > 64:
            _DERIVED.clear()
        hit = _DERIVED[kind, id(obj)] = (obj, build(obj))
    return hit[1]


def _odd_cases(keys: tuple[str, ...]) -> re.Pattern[str] | None:
    """The letters an ignore-case pattern matches to a letter of ``keys`` though they lower-case to another ("ᲀ",
    "ſ": ``re``'s extra cases), as a class, or None where there are none."""
    try:
        from re._casefix import _EXTRA_CASES  # (CPython's table; without it every letter is suspect)
    except ImportError:
        return re.compile(r"[\s\S]")
    odd = {chr(v) for c in set("".join(keys)) for v in _EXTRA_CASES.get(ord(c), ()) if chr(v).lower() != c}
    return re.compile("[" + re.escape("".join(sorted(odd))) + "]") if odd else None


def _group_by_first_words(phrases: tuple[tuple[str, ...], ...]) -> dict[str, PhraseGroup]:
    groups: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        if not p:
            break
        groups.setdefault(p[0], []).append(p)
    return {w: (tuple(p for p in ps if len(p) == 1), {
        second: tuple(p for p in ps if len(p) == 1 or p[1] == second) for second in {p[1] for p in ps if len(p) > 1}})
        for w, ps in groups.items()}


def _by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, PhraseGroup]:
    """``phrases`` grouped by their first word, then by their second, each group in the phrases' order (so the first
    one that matches at a token is the same): a token tries only those its next word can continue ("в" begins 28
    of the bg addressee phrases). Phrases after an empty one are left out: the empty one would match first (length
    0)."""
    groups: dict[str, PhraseGroup] = _derived("first words", phrases, _group_by_first_words)
    return groups


def _key_cores(keys: tuple[str, ...]) -> tuple[str, ...]:
    """The keys that hold no other key: a text holds one of ``keys`` exactly when it holds one of these (one holding
    another key holds that one too), in their order."""
    return tuple(k for k in keys if not any(o != k and o in k for o in keys))


def _complement_words(lex: Lexicon) -> frozenset[str]:
    """The lower-case words at which :meth:`Finder._complement` does something (a complementizer, a noun that takes a
    clause, a stop, a cue phrase's first word); at any other word with no "." it reads on."""
    return lex.complementizers | lex.noun_clause_cues | lex.complement_stops | frozenset(lex.phrases_by_second)


def _phrase_ends(phrases: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    return frozenset(p[-1] for p in phrases)


def _first_words(seqs: frozenset[tuple[str, ...]] | dict[tuple[str, ...], str]) -> frozenset[str]:
    return frozenset(q[0] for q in seqs if q)


class Tok:
    """A word or punctuation token; ``q`` is the index of the direct quote holding it (marks included), or -1."""

    __slots__ = ("e", "low", "q", "s", "text", "word")

    def __init__(self, s: int, e: int, text: str, low: str | None = None) -> None:
        # one store per attribute: packing and unpacking a tuple of six costs a tenth of building the token
        self.s = s
        self.e = e
        self.text = text
        self.low = text.lower() if low is None else low  # ``low``: sliced from the lower-cased text
        self.word = text[0].isalnum()
        self.q = -1


#: whether Tok is a plain Python class, made by object.__new__ (False once mypyc compiles it to a native class,
#: whose own __new__ object.__new__ refuses to bypass)
_PLAIN_TOK = Tok.__new__ is object.__new__


def _has_seq(words: list[str], seqs: frozenset[tuple[str, ...]] | dict[tuple[str, ...], str]) -> bool:
    """Whether any word sequence of ``seqs`` (1-3 words) occurs in ``words``. Only the words that begin one are
    tried (a tuple made per word and length had cost the most)."""
    firsts: frozenset[str] = _derived("sequence starts", seqs, _first_words)
    n = len(words)
    for k in range(n):
        if words[k] in firsts:
            for m in (1, 2, 3):
                if k + m <= n and tuple(words[k:k + m]) in seqs:
                    return True
    return False


@dataclass
class DQ:
    """A direct quote: marks at ``open``/``close`` (close may be the paragraph end when left open)."""

    open: int
    close: int
    content: Span
    end: int = 0  # end of the closing mark
    used: bool = False
    quote: int | None = None  # index in the output list once emitted


@dataclass
class NP:
    """A phrase naming a speaker or source, and what it resolved to."""

    span: Span
    kind: str  # name | agency | role | pronoun | medium | owned_medium | phrase | agency_noun
    entity: str | None = None
    agency: str | None = None  # canonical agency name when it is one
    institution: bool = False
    core: Span | None = None  # the name inside the phrase (agency or mention), the span a source gets


#: a frame made for a quote: (quote index, cue token, speaker phrase, class); spelled out in full because mypyc
#: compiles the element type (a bare ``list`` made it fail)
Frame = tuple[int, int, NP | None, str]


@dataclass
class State:
    """Salience within one item (article or teaser): who spoke last, who wrote the medium."""

    last_speaker: str | None = None
    last_speaker_para: int = -1
    medium_author: str | None = None
    last_agency: tuple[Span, str, str | None] | None = None  # span, canonical, entity
    last_quote: int | None = None
    last_quote_para: int = -1
    last_direct: int | None = None
    last_direct_para: int = -1
    #: the person a sentence read after the last speaker opened with ("Премиерът Николай Денков определи ...
    #: „...“, каза той": Денков, not the speaker before him)
    subject: str | None = None
    #: the bodies the last speaker's phrase named ("главният преговарящ на ЕС Мишел Барние": the EU)
    speaker_bodies: frozenset[str] = frozenset()


@dataclass
class Out:
    quotes: list[Quote] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    quote_para: list[int] = field(default_factory=list)
    quote_kind: list[str] = field(default_factory=list)
    #: sentence spans of each paragraph, for extending source scopes
    para_sents: list[list[Span]] = field(default_factory=list)
    #: look-ups that keep add_quote / add_source from scanning every quote and source found so far (a long text
    #: has thousands): how many quotes have each span; source span, and (scope, entity), -> the first such source
    quote_spans: Counter[Span] = field(default_factory=Counter)
    source_at: dict[Span, int] = field(default_factory=dict)
    source_of: dict[tuple[Span, str], int] = field(default_factory=dict)


_TOPIC_TYPES = frozenset({"LOC", "EVT", "PRO"})
_NAME_BREAK = re.compile("[,;:!?\"„“”«»]")  # a mark that no outlet's name in quote marks holds
_CLOSE_MARK = re.compile(r"[“”»](?=\s+\S)")  # a closing mark with more of the paragraph after it
_PUNCT_AFTER = ",;:!?)"  # punctuation right after a quote mark: it closes, an opening mark is followed by a word
_WORD_BEFORE = re.compile(r"(\w+)[ \t\xa0]+$")  # the word right before a position, on its line


def _word_before(text: str, lo: int, p: int) -> tuple[int, str] | None:
    r"""Where ``_WORD_BEFORE.search(text, lo, p)`` finds its word, and the word, read backwards from ``p``: the regex
    tries every start in the window, each ``\w+`` to its end and back."""
    end = p
    if end > lo and text[end - 1] == "\n":
        end -= 1  # (``$`` also matches before a newline that ends the window; the blanks cannot end at ``p`` then)
    j = end
    while j > lo and text[j - 1] in " \t\xa0":
        j -= 1
    if j == end:
        return None
    k = j
    while k > lo and (text[k - 1].isalnum() or text[k - 1] == "_"):  # (``\w``: what str.isalnum takes, and "_")
        k -= 1
    return (k, text[k:j]) if k < j else None


@cache
def _time_prepositions(lang: str) -> frozenset[str]:
    """The prepositions the time layer leaves out of its spans ("в сряда" is "сряда"): its language's PREP words."""
    try:
        words = load_time_lexicon(lang).words
    except FileNotFoundError:
        return frozenset()
    return frozenset(w for w, cats in words.items() if any(c == "PREP" for c, _ in cats))


class Finder:
    """Runs the frames over one document with one language's lexicon."""

    def __init__(self, doc: Document, lex: Lexicon) -> None:
        self.doc, self.lex, self.text = doc, lex, doc.text
        self._sites: bool | None = None  # whether the text names a site's address (found on first need)
        self._article_names: list[tuple[int, int, str]] = []  # outlets named after an article's noun (_outlet_name)
        ms = sorted([m for m in doc.mentions if m.span and m.span[1] > m.span[0]], key=_SPAN_OF)
        self.mentions: list[Mention] = ms
        self.m_starts = [m.span[0] for m in ms]
        #: indices of the mentions of persons with an entity: every sentence asks for the first one it holds
        self.person_at = [k for k, m in enumerate(ms) if m.type == "PER" and m.entity]
        self.out = Out()
        self._low: str | None = None
        #: the text lower-cased once for all layers (vestnik.language.shared), None where slices must be lowered
        self._lowered = lowered(self.text)
        #: whether the text writes accents as combining marks: its tokens then keep them and are read composed
        self._combining = _has_combining(self.text)
        self._exact_low: bool | None = None  # whether self._low is text.lower() letter by letter
        self._last_words: tuple[Span, list[str]] = ((-1, -1), [])  # see _words
        #: quoted outlet names taken out of the quotes: first content char -> (content end, canonical name,
        #: whether an outlet noun precedes it); and the positions of their marks
        self.name_at: dict[int, tuple[int, str, bool]] = {}
        self.name_starts: list[int] = []  # name_at's keys in order (a range of the text is asked by bisection)
        self.name_marks: set[int] = set()
        #: the page's agency datelines ("WASHINGTON (AP) — "): a statement that opens its sentence starts after one
        self.datelines = page_datelines(doc)
        #: where the language layer ends a sentence: after an abbreviation that may end one ("г.", "млн."), it tells
        #: "след 2021 г. Директорът" (an end: a common word) from "2025 г. Русия" with the lemmatiser, which this
        #: split has not (made on first use, by _sentence_end: only such an abbreviation asks)
        self._sentence_ends: set[int] | None = None
        #: ... and those it made after a name in Latin letters before a word in another script, with no mark (a
        #: plain loop, the letter test first: most ends follow a full stop)
        text, last = self.text, len(self.text) - 1
        outlet_ends: list[int] = []
        for _s, e in doc.sentences:
            if 0 < e < last and text[e - 1].isalpha() and text[e - 1].isascii() and text[e] == " " \
                    and not text[e + 1].isascii() and text[e + 1].isupper():
                outlet_ends.append(e)
        self.outlet_ends = sorted(set(outlet_ends))
        #: the time layer's expressions by start: "съобщи в сряда британското Сдружение": when, not who
        self.time_end: dict[int, int] = {t.span[0]: t.span[1] for t in doc.times}
        for t in doc.times:  # (with the preposition TIMEX3 leaves out of the span: "в сряда" is when, as a whole)
            wb = _word_before(doc.text, max(0, t.span[0] - 12), t.span[0])  # (_WORD_BEFORE's search, backwards)
            if wb is not None and wb[1].lower() in _time_prepositions(lex.lang):
                self.time_end.setdefault(wb[0], t.span[1])
        self.time_starts = sorted(self.time_end)
        self._genders: dict[str, str | None] = {}
        self._sayings: list[tuple[int, Mention]] | None = None  # see _sayings_owner
        self._interview: list[Span] | None = None  # an interview's answers (_interview_answers)
        self._dash_end = -1  # where the last turn _dash_run read ends
        self._turn_end = -1  # where the last turn of a dialogue quoted ends (see _dialogue_turn), -1: none open
        #: closing marks whose opening mark a site's text lost ("информират Ведомости“ и Интерфакс“"; 53 of the 918
        #: BSNLP reports): read as if absent, so that a name and its verb meet
        self.stray: set[int] = set()

    # ------------------------------------------------------------------ tokens and quotes
    def tokens_outside(self, a: int, b: int, quotes: list[DQ], qs: list[int]) -> list[Tok]:
        """Tokens of text[a:b] with each direct quote as one placeholder token (its interior is never read)."""
        out: list[Tok] = []
        pos = a
        for qi in qs:
            dq = quotes[qi]
            qa, qb = max(a, dq.open), min(b, max(dq.end, dq.close + 1))
            if qa > pos:
                out += self.tokens(pos, qa)
            t = Tok(qa, qb, self.text[dq.open])
            t.q = qi
            out.append(t)
            pos = max(pos, qb)
        if pos < b:
            out += self.tokens(pos, b)
        return out

    def tokens(self, a: int, b: int) -> list[Tok]:
        if _PLAIN_TOK and self._lowered is not None and not self._combining and not self.stray:
            return self._chunk_tokens(a, b)
        text, low = self.text, self._lowered
        out: list[Tok] = []
        add = out.append
        # The token strings without match objects (findall), each found at its offset by ``find`` from the end of
        # the one before: the pattern takes every character that is not white space into some token (a word or
        # ``\S``), so only white space lies between two tokens and the first occurrence of a token's string from
        # there is the token itself.
        words = (TOKEN_COMBINING if self._combining else TOKEN).findall(text, a, b)
        find = text.find
        stray = self.stray  # (most pages have none: their loop's test is on an empty set)
        pos = a
        if _PLAIN_TOK:
            # pure Python: the tokens are filled in here as Tok.__init__ fills them, without calling the class: a
            # class call runs __init__ in a frame of its own, which cost more than the stores themselves (~170
            # tokens per article)
            new = object.__new__
            for w in words:
                s = find(w, pos)
                pos = e = s + len(w)
                if stray and s in stray:
                    continue
                t = new(Tok)
                t.s = s
                t.e = e
                t.text = w
                t.low = w.lower() if low is None else low[s:e]
                # (a token of two characters or more is a word: ``\S`` takes one; a one-character one is a word when
                # it is a letter or a digit, as Tok.__init__ reads its first character)
                t.word = e - s > 1 or w.isalnum()
                t.q = -1
                add(t)
        else:
            # compiled by mypyc, Tok is a native class that object.__new__ refuses to make ("not safe"); its
            # constructor is a C call there, cheaper than the stores above
            for w in words:
                s = find(w, pos)
                pos = e = s + len(w)
                if stray and s in stray:
                    continue
                add(Tok(s, e, w, None if low is None else low[s:e]))
        if self._combining:  # "По думите ѝ" written with U+0300 reads as the lexicon's composed "ѝ"
            for t in out:
                if COMBINING.search(t.low):
                    t.low = unicodedata.normalize("NFC", t.low)
        return out

    def _chunk_tokens(self, a: int, b: int) -> list[Tok]:
        """:meth:`tokens` read chunk by chunk (the runs of text without white space), in pure Python, where the text
        lower-cases letter by letter and has no combining mark nor stray closing mark. TOKEN never takes white space
        into a token (nor looks across it), so it reads each chunk on its own: a chunk of letters and digits only is
        one word token, and one of letters and digits and a mark of ``_NON_WORD`` is that word and the mark (nothing
        follows the mark that could join it to the word). Only the other chunks are read by TOKEN: the regex costs
        some 300 instructions a character on Cyrillic text, these tests a tenth of that."""
        text, low = self.text, self._lowered
        assert low is not None
        out: list[Tok] = []
        add = out.append
        new = object.__new__
        # The range is split at each space, not at white space: a piece's offset is then the end of the one before
        # and its space (a ``find`` per chunk for its offset had cost the most here). Runs of spaces give empty
        # pieces, and a piece may hold other white space ("\n", "\xa0"): such pieces are read chunk by chunk below.
        pos = a
        # (the lower-cased text has its spaces where the text has them: its pieces line up with the text's, and a
        # token's lower case is its piece or a slice of it, not a slice of the whole text; no strict=: zip called with
        # a keyword cost some 0.01 M instructions a report more)
        for p, lp in zip(text[a:b].split(" "), low[a:b].split(" ")):  # noqa: B905
            if p.isalnum():  # (no white space in it: one chunk; its offsets straight from ``pos``, no temporaries)
                t = new(Tok)
                t.s = pos
                pos += len(p)
                t.e = pos
                pos += 1
                t.text = p
                t.low = lp
                t.word = True
                t.q = -1
                add(t)
                continue
            s = pos
            e = s + len(p)
            pos = e + 1
            if p and p[-1] in _NON_WORD and p[:-1].isalnum():
                e -= 1
                t = new(Tok)
                t.s = s
                t.e = e
                t.text = p[:-1]
                t.low = lp[:-1]
                t.word = True
                t.q = -1
                add(t)
                t = new(Tok)
                t.s = e
                t.e = e + 1
                t.text = p[-1]
                t.low = lp[-1]
                t.word = False
                t.q = -1
                add(t)
            elif p:
                self._odd_chunks(p, s, out)
        return out

    def _odd_chunks(self, p: str, s: int, out: list[Tok]) -> None:
        """The tokens of the white-space separated chunks of ``p`` (text from ``s``) that neither fast path of
        :meth:`_chunk_tokens` reads, by TOKEN, appended to ``out``."""
        text, low = self.text, self._lowered
        assert low is not None
        find = text.find
        new = object.__new__
        add = out.append
        k = s
        for c in p.split():
            k = find(c, k)  # (only white space lies between two chunks)
            for w in TOKEN.findall(c):
                # (every character that is not white space is in some token, see tokens: in a chunk each starts
                # where the one before ends)
                e = k + len(w)
                t = new(Tok)
                t.s = k
                t.e = e
                t.text = w
                t.low = low[k:e]
                t.word = e - k > 1 or w.isalnum()
                t.q = -1
                add(t)
                k = e

    def direct_quotes(self, paras: list[Span]) -> list[list[DQ]]:
        """Quote marks per paragraph with a stack; an open quote at a paragraph end closes there,
        or (merge_continuation) continues into the next paragraph when that one opens with a mark."""
        text, openers = self.text, self.lex.openers
        closers = self.lex.closers
        res: list[list[DQ]] = [[] for _ in paras]
        carry: DQ | None = None
        for pi, (a, b) in enumerate(paras):
            nest = not self.lex.merge_continuation  # same-mark nesting; undone when it leaves the paragraph open
            # where lex.mark_re matches in the paragraph (its characters, each found by str.find: a tenth of what
            # the pattern's search costs a character), for the next mark from any position by bisection
            marks: list[int] = []
            for ch in self.lex.mark_chars:
                k = text.find(ch, a, b)
                while k >= 0:
                    marks.append(k)
                    k = text.find(ch, k + 1, b)
            marks.sort()
            while True:
                nested = False
                stack: list[tuple[str, int, int]] = []  # (opening mark, its position, its length)
                i = a
                if carry is not None:
                    m = self._mark_at(a, openers)
                    if m:
                        stack.append((m, carry.open, len(m)))
                        i = a + len(m)
                    else:
                        carry = None
                while i < b:
                    k = bisect_left(marks, i)
                    if k == len(marks):
                        break
                    i = marks[k]
                    if stack:
                        c = self._mark_at(i, closers[stack[-1][0]])
                        if c is None and text[i] in self.lex.closing_alike and self._glued_close(i, b):
                            c = text[i]
                        if c and (c != stack[-1][0] or self._closing(i + len(c) - 1, b)):
                            _o, start, ol = stack.pop()
                            if not stack:
                                if carry is not None and start == carry.open:
                                    carry.close, carry.content, carry.end = i, (carry.content[0], i), i + len(c)
                                    res[pi].append(carry)
                                    carry = None
                                else:
                                    res[pi].append(DQ(start, i, (start + ol, i), end=i + len(c)))
                            i += len(c)
                            continue
                    m = self._mark_at(i, openers)
                    if m and not nest and len(stack) == 1 and m == stack[0][0] and m in "\"'" \
                            and text[i - 1] in " (" and text[i + 1 : i + 2].isalnum() \
                            and (cut := self._lost_close(stack[0][1], a, i)) is not None:
                        # '... както и че "определено количество ... ще продължи, но че Киев трябва ... . Милер добави,
                        # че "просто няма да има ресурси"': a mark that opens while a quote begun inside a sentence has
                        # run past its sentence's end: the first lost its closing mark, and ends with that sentence
                        _o, start, ol = stack.pop()
                        res[pi].append(DQ(start, cut, (start + ol, cut), end=cut))
                    before_punct = i + 1 < b and text[i + 1] in _PUNCT_AFTER
                    if m and m[0] in "“«" and i > a and (text[i - 1].isalnum() or before_punct):
                        m = None  # "... поток-2“ ... Газпром“": written against a word a curly mark closes (its
                        # opening mark lost); as an opener it took the rest of the paragraph for a quote ("... в края
                        # на 2019 г.“, добавя той": what follows a comma opens nothing)
                    if not stack and not m and text[i] in _STRAY and i > a and (text[i - 1].isalnum() or before_punct):
                        self.stray.add(i)  # its opening mark lost: not a token ("Уолстрийт джърнъл“ отбелязва")
                    if m and (m[0] not in "\"'`" or self._opening(i, a, len(m))) and (
                            not stack or m != stack[-1][0]
                            or (nest and m in '"„' and text[i - 1] in " (" and text[i + 1].isalnum())):
                        # "Ние сме противници на "Северен поток 2", защото ...", „Ще подкрепим „Северен поток 2“ и ...“:
                        # a mark after a space and before a letter opens a nested quote even inside a quote opened by
                        # the same mark
                        nested = nested or bool(stack)
                        stack.append((m, i, len(m)))
                        i += len(m)
                        continue
                    i += 1
                if stack and nested and nest:
                    nest = False
                    res[pi] = []
                    continue
                break
            if stack:
                _o, start, ol = stack[0]
                end = b
                while end > start + 1 and text[end - 1] in " \t":
                    end -= 1
                if not self.lex.merge_continuation:
                    end = self._unclosed_end(start + ol, end)
                if carry is not None and start == carry.open:
                    dq = carry
                    dq.content = (dq.content[0], end)
                else:
                    dq = DQ(start, end, (start + ol, end))
                dq.close = dq.end = end
                nxt = pi + 1 < len(paras) and self._mark_at(paras[pi + 1][0], openers) is not None
                if self.lex.merge_continuation and nxt and len(stack) == 1:
                    carry = dq
                else:
                    res[pi].append(dq)
                    carry = None
        if carry is not None:
            res[-1].append(carry)
        return res

    def _lost_close(self, start: int, a: int, i: int) -> int | None:
        """Where a quote opened at ``start`` inside a sentence ("..., както и че "определено ...") ends if a mark that
        opens another at ``i`` shows its closing mark lost: at its first sentence's end, when one (before a capital)
        lies between them; else None (a quote opened at a sentence's start may run over several)."""
        text = self.text
        k = start - 1
        while k > a and text[k] in " \t":
            k -= 1
        if k <= a or (not (text[k].isalpha() and text[k].islower()) and text[k] != ","):
            return None
        end = next((m for m in _SENT_END_BEFORE.finditer(text, start + 1, i) if m.group(1).isupper()), None)
        return end.start() if end is not None else None

    def _unclosed_end(self, a: int, end: int) -> int:
        """Where a quote left open to its paragraph's end ends: there, unless UNCLOSED_SENTENCES or more sentences
        follow its first in the paragraph (a crawled page run into one paragraph, its closing mark lost: the quote
        had swallowed every quote and source after it); then at its first sentence's end."""
        ends = [m.start() for m in _SENT_END_BEFORE.finditer(self.text, a, end)
                if m.group(1).isupper() or m.group(1) in self.lex.openers]  # (a capital or an opening mark)
        return ends[0] if len(ends) >= UNCLOSED_SENTENCES else end

    def _mark_at(self, i: int, marks: dict[str, str] | tuple[str, ...]) -> str | None:
        for m in marks:  # longest first (the lexicon orders them)
            if self.text.startswith(m, i):
                return m
        return None

    def _opening(self, i: int, a: int, n: int = 1) -> bool:
        t = self.text
        # a straight mark before , . ; or the end closes nothing that is open: a stray closing mark („паунда ",")
        return (i == a or not t[i - 1].isalnum()) and i + n < len(t) and not t[i + n].isspace() \
            and not self._punct_at(i + n)  # ("... These": an ellipsis opens)

    def _glued_close(self, i: int, b: int) -> bool:
        """The mark at ``i`` is followed by a dash or punctuation ("ръцете си „- пише", "поток 2 „, тъй като"), or
        ends the paragraph: it closes, whatever its shape (an opening mark opens a word)."""
        return i + 1 >= b or self.text[i + 1] in "-–—" or self._punct_at(i + 1)

    def _punct_at(self, j: int) -> bool:
        """A punctuation mark at ``j`` (a full stop, not an ellipsis)."""
        t = self.text
        return t[j] in _PUNCT_AFTER or (t[j] == "." and not t.startswith("..", j))

    def _closing(self, i: int, b: int) -> bool:
        return i + 1 >= b or not self.text[i + 1].isalnum()

    def sentence_spans(self, a: int, b: int, quotes: list[DQ]) -> list[Span]:
        """Sentences of a paragraph by regex (cheap: most sentences are never tokenised); a full stop inside a
        direct quote, after an abbreviation or an initial, or before a lower-case word ends nothing."""
        text, abbr = self.text, self.lex.abbreviations
        out, start = [], a
        opens = [dq.open for dq in quotes]
        # a quote whose words end in a full stop ends its sentence too ("… the winter.” Mayor Brnabić rejected ...";
        # not after "?" or "!": "“Is it in our interest to act?” Lisa Monaco said"), also when the next sentence is
        # written against its closing mark ("той заяви: „Естествено, че има вариант.“Симеонов отново потвърди ...")
        ends = [(dq.end, dq.end, ".”") for dq in quotes if a < dq.end < b and dq.close > dq.open
                and text[dq.close - 1] == "." and dq.end < len(text) and (
                    text[dq.end].isspace() or text[dq.end].isupper())] if quotes else []
        breaks, glued = _breaks(text, a, b)
        if glued:
            breaks = sorted(breaks + glued)
        if self.outlet_ends:  # where the language layer ended a sentence after an outlet's name in Latin letters
            # with no mark ("..., пише вестник The Sunday Times Тереза Мей е предупредена ...": a page that lost its
            # full stop), this split ends it too
            here = self.outlet_ends[bisect_left(self.outlet_ends, a) : bisect_left(self.outlet_ends, b)]
            if run := [(e, e, "") for e in here]:
                breaks = sorted(breaks + run)
        credit = sentence_cues(self.lex.lang).credit
        if credit is not None and text.find(":", a, b) >= 0:  # "СНИМКА: РОЙТЕРС | Канадският премиер ...": a credit
            breaks = sorted(breaks + [(m.end(), m.end(), ":") for m in credit.finditer(text, a, b)])
        for p, pe, group in sorted(breaks + ends) if ends else breaks:
            k = bisect_left(opens, p) - 1
            if k >= 0 and p < quotes[k].close:
                continue
            nxt = pe
            while nxt < b and text[nxt].isspace():
                nxt += 1
            if nxt >= b:
                break
            ch = text[nxt]
            if ch.isalpha() and not ch.isupper():
                continue
            if group == ".”" and (ch in "-–—,;:)" or self._cue_after_name(nxt, b)):
                continue  # "“... not reporting it, Katy.” Trump said to cheers.", "„…“ - посочи той": its speaker follows
            if group == ".":
                # the word before the full stop: letters, digits and . - ’ ' back to 24 characters
                lo = max(a, p - 24)
                r = _LAST_NON_WORD.match(text, lo, p)
                w = text[r.end() if r else lo:p]
                # (a capital letter alone is an initial; a small one is a word that ends the sentence: "на мъжа й.
                # Смята се, че ...", "Така е. Министърът ...", the abbreviations "г." and "с." aside)
                if w and (w.lower() in abbr or (len(w) == 1 and w.isalpha() and not w.islower())) \
                        and not self._quote_opens(nxt, quotes) \
                        and not (self._sentence_end(pe) and w.lower() in self.lex.final_abbreviations):
                    continue  # ("2021 г. Директорът": an end where the language layer made one; "инж." never)
            out.append((start, pe))
            start = nxt
        if start < b:
            out.append((start, b))
        if b - a > MAX_SENTENCE and any(e - s > MAX_SENTENCE for s, e in out):  # (no sentence is longer than its
            out = [piece for span in out for piece in self._cut_long(span, quotes, opens)]  # paragraph)
        return out

    def _sentence_end(self, pos: int) -> bool:
        """Whether the language layer ends a sentence at ``pos``."""
        ends = self._sentence_ends
        if ends is None:
            ends = self._sentence_ends = {e for _s, e in self.doc.sentences}
        return pos in ends

    def _gap_parts(self, toks: list[Tok], q1: int, ci: int) -> bool:
        """Whether the words between a quote (ending before token ``q1``) and a cue at ``ci`` part them: another
        quote, a sentence end or a coordinator ("“…” and suggested": not this quote's cue), unless the "and" is inside
        an apposition or a list of names ("“…” Lisa Monaco, Obama's adviser on counterterrorism and homeland
        security, said", "“…” Cummings and Conyers wrote")."""
        lex = self.lex
        names = toks[q1].text[0].isupper() and all(
            t.text[0].isupper() or t.low in lex.coordinators for t in toks[q1:ci] if t.word)
        for k in range(q1, ci):
            if toks[k].q >= 0 or self._ends(toks, k):
                return True
            if toks[k].low in lex.coordinators and not names and not (
                    toks[ci - 1].text == "," and any(toks[m].text == "," for m in range(q1, k))):
                return True
        return False

    def _cue_after_name(self, p: int, b: int) -> bool:
        """Up to four capitalised words at ``p``, then an inverted cue ("Trump said", "Senator Jane Doe told") and
        at most six words to the sentence's end: the attribution of the quote before, not a sentence of its own."""
        caps = self.text[p:min(b, p + 160)].split()
        for k, c in enumerate(caps):
            if k > 4 or not c[:1].isupper():
                if k == 0 or c.lower() not in self.lex.inverted:
                    return False
                rest = caps[k + 1 : k + 8]
                return len(rest) < 7 or any(w[-1:] in SENT_END for w in rest[:6])
        return False

    def _quote_opens(self, p: int, quotes: list[DQ]) -> bool:
        """A direct quote of three words or more, capitalised, opens at ``p``: after "2025 г." it starts a sentence
        ("... до средата на 2025 г. „Не очакваме ...“, подчерта той."); a quoted name ("г. „Булгаргаз“ ...") does not."""
        dq = next((q for q in quotes if q.open == p), None)
        if dq is None:
            return False
        c0, c1 = dq.content
        return self.text[c0 : c0 + 1].isupper() and len(self.text[c0:c1].split()) >= 3

    def _cut_long(self, span: Span, quotes: list[DQ], opens: list[int]) -> list[Span]:
        """``span`` in pieces of at most ``MAX_SENTENCE`` characters, cut at the last white space before each limit
        that no direct quote holds (a piece runs on to the next such space when there is none)."""
        text, (s, e) = self.text, span
        out = []
        while e - s > MAX_SENTENCE:
            p = s + MAX_SENTENCE
            while p > s and not (text[p].isspace() and not self._in_quote(p, quotes, opens)):
                p -= 1
            if p == s:  # (no such space before the limit: the first one after it)
                p = s + MAX_SENTENCE
                while p < e and not (text[p].isspace() and not self._in_quote(p, quotes, opens)):
                    p += 1
                if p >= e:
                    break
            out.append((s, p))
            while p < e and text[p].isspace():
                p += 1
            s = p
        if s < e:
            out.append((s, e))
        return out

    @staticmethod
    def _in_quote(p: int, quotes: list[DQ], opens: list[int]) -> bool:
        """Whether a direct quote holds ``p`` (quotes in order of their opening mark, as ``sentence_spans`` asks)."""
        k = bisect_left(opens, p) - 1
        return k >= 0 and p < quotes[k].close

    # ------------------------------------------------------------------ lexicon matching
    def match_phrase(self, toks: list[Tok], i: int, hi: int) -> tuple[int, str] | None:
        """Longest cue phrase starting at token i (outside quotes): (end index, class)."""
        by_second = self.lex.phrases_by_second.get(toks[i].low)
        if by_second is None:
            return None
        # only the phrases whose second word is the next token's (and those of one word): the others fail there
        cands = by_second[1].get(toks[i + 1].low, by_second[0]) if i + 1 < hi else by_second[0]
        for words, cls in cands:
            j = i + len(words)
            if j > hi:
                continue
            k = i
            for w in words:  # a plain loop: cheaper than all() over a generator for these one- to four-word phrases
                if toks[k].low != w or toks[k].q >= 0:
                    break
                k += 1
            else:
                return j, cls
        return None

    def match_agency(self, toks: list[Tok], i: int, hi: int) -> tuple[int, str] | None:
        named = self.name_at.get(toks[i].s) if self.name_at else None
        if named is not None:  # a quoted outlet name
            for j in range(i, hi):
                if toks[j].e >= named[0]:
                    return j + 1, named[1]
        cands = self.lex.agencies.get(toks[i].text)
        if not cands:
            return None
        for words, name in cands:
            j = i + len(words)
            if j <= hi and all(toks[i + k].text == w for k, w in enumerate(words)):
                return j, name
        return None

    def mentions_in(self, a: int, b: int) -> list[Mention]:
        """The mentions overlapping ``[a, b)``, in order: from the first that starts at ``a`` or later, back over those
        just before it that reach past ``a``, up to the first that starts at ``b`` (no mention is empty: all of them
        end after ``a``). (Asked dozens of times a text: the bisections here, not in a helper.)"""
        ms, starts = self.mentions, self.m_starts
        k = bisect_left(starts, a)
        while k > 0 and ms[k - 1].span[1] > a:
            k -= 1
        return ms[k : bisect_left(starts, b)]

    def _names_person_or_place(self, a: int, b: int) -> bool:
        """Whether a person or a place is named in ``[a, b)``: a credit's, a promotion's or a poll's name that is one
        names no outlet ("Източник: Лондон", "статията на „Иван Петров“")."""
        return any(m.type in ("PER", "LOC") for m in self.mentions_in(a, b))

    # ------------------------------------------------------------------ phrases (speakers, sources)
    def np_before(self, toks: list[Tok], i: int, lo: int) -> tuple[int, int] | None:
        """Token range of the phrase right before token i (back to a clause boundary)."""
        lex = self.lex
        j = i - 1
        closed = j > lo and toks[j].text == "," and toks[j].q < 0
        if closed:  # "Trump, a billionaire who ..., says"
            j -= 1
            if lo > 0 and toks[lo - 1].q >= 0 and toks[lo].text.islower() and toks[lo].low in lex.name_preps \
                    and all(t.text != "," for t in toks[lo:j]):
                return None  # "„...“ за решаване на проблема, посочи източникът": the quote's sentence goes on
        if not closed and j > lo and toks[j].word and toks[j].text.islower() and toks[j - 1].text != "," and (
                lex.manner_endings and len(toks[j].low) > 3 and toks[j].low.endswith(lex.manner_endings)):
            j -= 1  # how it was said ("Премиерът ясно заяви"; alone after a comma it stays: who spoke stands
            # further back, past a clause this phrase does not read, "Фараж, който ..., постоянно упреква")
        while j >= lo and toks[j].word and (toks[j].low in lex.skip_before or toks[j].text in lex.object_clitics
                                            or toks[j].text in lex.retold_copula
                                            or (lex.times_before_cue and self._time_at(toks[j].s) is not None)
                                            or (
                lex.lang == "en" and toks[j].low.endswith("ly") and len(toks[j].low) > 4
                and toks[j].low not in lex.agency_nouns)):  # (not "the daily wrote")
            j -= 1
            if lex.parenthetical_commas and j > lo and toks[j].text == "," and toks[j].q < 0:
                j -= 1  # "Trump, meanwhile, planned"
        if not closed and j < i - 1 and j > lo and toks[j].text == "," and toks[j].q < 0:
            closed = True  # "Хоган, ирландският еврокомисар, ще предупреди": the comma before "ще"
            j -= 1
        if closed and lo > 0 and toks[lo - 1].q >= 0 and (p := next((p for p in range(lo + 1, min(j, lo + 6))
                                                                   if toks[p].text == ","), None)) is not None \
                and (any(m.type == "PER" and m.form == "name" and m.span == (toks[lo].s, toks[p - 1].e)
                         for m in self.mentions_in(toks[lo].s, toks[p - 1].e)) or (p - lo >= 2 and all(
                    (t.word and t.text[0].isupper()) or (t.text == "." and len(toks[k - 1].text) == 1)
                    for k, t in enumerate(toks[lo:p], lo)))):
            return lo, p  # "“…” Lisa O. Monaco, Obama's adviser on counterterrorism and homeland security, said"
        if not closed and j > lo + 1 and toks[j].text in DASHES and toks[j].q < 0:
            # "Военното крило на „Хамас“ - бригадите „Из ад-Дин ал-Касам“ - заяви": who the apposition describes
            k = next((k for k in range(j - 2, max(lo, j - 12), -1) if toks[k].q < 0 and (
                toks[k].text in DASHES or toks[k].text == "," or toks[k].text in SENT_END)), None)
            if k is not None and k > lo and toks[k].text in DASHES:
                head = self.np_before(toks, k, lo)
                if head is not None:
                    return head
        rel = j  # (over a time or an adverb: "Руто, който снощи определи събитията като „предателство“")
        while rel > lo and toks[rel].word and (self._time_at(toks[rel].s) is not None or toks[rel].low in lex.skip_before):
            rel -= 1
        if rel - 1 > lo and toks[rel].low in lex.relatives and toks[rel - 1].text == "," and toks[rel - 1].q < 0:
            head = self._named_before(toks, rel - 1, lo)  # "посол Ричард Греннелл, който ... заявил"
            if head is not None:
                return head
        acronym = None
        if j > lo and toks[j].text == ")" and toks[j].q < 0:
            k = j - 1
            while k > lo and j - k <= 8 and toks[k].text != "(" and (toks[k].text not in SENT_END or k == j - 1):
                k -= 1
            if k > lo and toks[k].text == "(":
                if j - k == 2 and any(m.type == "ORG" and m.span == (toks[k + 1].s, toks[k + 1].e)
                                      for m in self.mentions_in(toks[k + 1].s, toks[k + 1].e)):
                    acronym = (k + 1, j)
                j = k - 1  # "Световната здравна организация (СЗО) призова": the name's acronym in brackets
        if lex.adverbials:
            k, j = j, self._skip_adverbial(toks, j, lo)
            if j < k and j > lo and toks[j].text == "," and toks[j].q < 0:
                j -= 1  # "Лавров, в свою очередь, отметил": the adverbial between commas
                closed = True  # (after a clause of its own: "Рахмон, который находится ..., в свою очередь отметил")
        if j > lo and toks[j].s in self.name_marks and not toks[j].word and toks[j].q < 0:  # „Фокус“ съобщи
            j -= 1  # (not a quote read whole: "От „Възраждане“ обявиха")
        if not closed and j >= lo and toks[j].q >= 0 and not self._name_in_phrase(toks, j, lo, i) \
                and self._quoted_name(toks, j, i, use=False) == j + 1:
            return j, j + 1  # "В средата на юни „Газпром“ заяви": the quoted name alone is the speaker
        end = j + 1
        n = 0
        # words of a phrase: 8, two more past an office's "и" ("Председателят на Българската хотелиерска и
        # ресторантьорска асоциация Ричард Алибегов")
        limit = 8
        while j >= lo and (toks[j].word or (toks[j].text == "." and j > lo and toks[j - 1].low in lex.abbreviations
                                            and toks[j - 1].low not in lex.final_abbreviations)
                           or self._name_in_phrase(toks, j, lo, i)) \
                and (toks[j].low not in lex.boundary or (office := self._office_and(toks, j, lo) or (
                    limit == 8 and self._office_in(toks, j, lo, end)))) and n < limit:
            if toks[j].low in lex.boundary and office:
                limit = 10 if toks[j].low in lex.coordinators else 12
            if n and toks[j].low in lex.possessive_reflexives:
                break  # "В последните години от живота си Ванга предрича ...": a phrase closed by "си" is no speaker's
            # (match_phrase finds nothing at a word no phrase begins with: no call for most words)
            hit = self.match_phrase(toks, j, i) if n and toks[j].low in lex.phrases_by_second else None
            if hit is not None:
                if hit[1] == "citing" and j > lo and not closed:
                    return self.np_before(toks, j, lo)  # "агентство Bloomberg со ссылкой на источники сообщило"
                if closed and j - 2 > lo and toks[j - 1].low in lex.relatives and toks[j - 2].text == ",":
                    head = self._named_before(toks, j - 2, lo, "PRO")  # "Си Ен Ен, която цитира американски служител,
                    if head is not None:                           # съобщи": who reports is before the clause
                        return head
                break
            n += toks[j].text != "."  # (a title's full stop is no word: "щаб ген. Венцислав Мутафчийски")
            j -= 1
        if closed:  # "Фил Хоган, ирландският еврокомисар в Брюксел, ще предупреди": the name the apposition describes
            c = next((k for k in range(j, max(lo, j - 12), -1) if toks[k].text == "," and toks[k].q < 0), None)
            head = None
            if c is not None and c > lo and c + 1 < end and toks[c - 1].word and any(
                    m.type == "PER" and m.form == "name" and m.span == (toks[c + 1].s, toks[end - 1].e)
                    for m in self.mentions_in(toks[c + 1].s, toks[end - 1].e)):
                return c + 1, end  # "Говорителят на Юнкер, Маргаритис Схинас, отбеляза": the name in apposition
            if c is not None and c > lo:  # (a relative clause after an apposition: "Горанов, член на ГЕРБ, който")
                if toks[c + 1].low in lex.relatives:
                    head = self._described(toks, c, lo)
                head = head or self._named_before(toks, c, lo)
            if head is None and c is not None and c > lo and (toks[c + 1].low in lex.apposition_relatives or (
                    (hit := self.match_phrase(toks, c + 1, i)) is not None and hit[1] == "citing") or (
                    lex.participle_apposition and toks[c + 1].text.islower()
                    and toks[c + 1].low.endswith(lex.participle_apposition))):
                # "руските агенции, позовавайки се на източник в Кремъл, съобщиха"; "European officials, who were not
                # consulted, expressed concern": the phrase the clause describes, named or not
                head = self.np_before(toks, c, lo)
            if head is None and lex.relatives:
                # a longer relative clause before the cue's comma: "Министър-председателката, която в понеделник
                # даде на Москва срок ..., каза", "Заев, според когото ..., добави": the noun before its comma
                k = next((k for k in range(i - 2, lo, -1) if toks[k].low in lex.relatives and toks[k].q < 0), None)
                if k is not None and toks[k - 1].text != "," and k - 2 > lo and toks[k - 2].text == ",":
                    k -= 1  # ("според когото": a preposition before the pronoun)
                # (inside it, a comma may only open a participle's phrase, "спор, продължил ...": after "X, който
                # ..., ще се срещне с Y, каза Z" the clause is what Z said)
                inner = [m + 1 for m in range(k + 1, i - 1) if toks[m].text == "," and not all(
                    t.low in lex.skip_before for t in toks[m + 1 : i])] if k is not None else []  # (not the comma
                # before the cue's own words: "..., се страхува")
                if k is not None and k - 1 > lo and toks[k - 1].text == "," and toks[k - 1].q < 0 \
                        and not any(self._ends(toks, m) for m in range(k, i)) and all(
                            toks[m].word and toks[m].text.islower() and (toks[m].low in lex.complementizers or (
                                toks[m].low not in lex.stop and toks[m].low.endswith(
                                    lex.active_participles + lex.participle_apposition))) for m in inner):
                    # (or a "че" clause the relative clause reports: "Украйна, която твърди, че ..., се страхува")
                    head = self._described(toks, k - 1, lo) or self._named_before(toks, k - 1, lo, role=True)
            if head is not None:
                return head
        if j > lo and toks[j].text in DASHES and toks[j].q < 0:  # "Веселин Паунов - кор. на БНР в Лондон заяви": the
            head = self._named_before(toks, j, lo)                 # name the dash describes
            if head is not None and toks[head[0]].text[:1].isupper():
                return head
        if j + 1 < end and toks[j + 1].low in lex.manner_preps and toks[j + 1].text.islower():
            return None  # "„...“, със задоволство съобщи авиокомпанията": how it was said; who follows the cue
        r = self._trim(toks, j + 1, end)
        while r is not None and r[1] - r[0] > 1:  # "По-рано днес руското външно министерство предупреди", "По-рано
            k = r[0]                                # този месец той заяви": when is not who
            if toks[k].low in lex.skip_after:
                k += 1
            elif (t_end := self._time_at(toks[k].s)) is not None:
                while k < r[1] - 1 and toks[k].s < t_end:
                    k += 1
            elif toks[k].low in lex.adverbial_firsts and (n := self._phrase_at(toks, k, r[1] - 1, lex.adverbials)):
                k += n  # "За пореден път Тръмп заяви" (at the end, "Тръмп за пореден път заяви": _skip_adverbial)
            elif k > 0 and toks[k - 1].low in lex.adverbial_firsts and (
                    n := self._phrase_at(toks, k - 1, r[1] - 1, lex.adverbials)) > 1:
                k += n - 1  # "В отговор Борисов заяви": the phrase's preposition ended the speaker's words
            if k == r[0]:
                break
            r = self._trim(toks, k, r[1])  # ("Тази сутрин от летището съобщиха": not "от" either)
        if r is not None and r[1] - r[0] > 1 and toks[r[1] - 1].low in lex.subject_pronouns:
            return r[1] - 1, r[1]  # "Пред германската медийна група Funke тя заяви": the subject pronoun is who
        if r is not None and r[1] - r[0] > 2 and r[0] - 1 >= lo and (toks[r[0] - 1].low in lex.cue_pps or toks[
                r[0] - 1].low in lex.cue_pp_inner) and toks[r[0]].text.islower():
            # "Днес на заседанието на Министерския съвет премиерът Бойко Борисов нарече": where it was said, then
            # who: the office right before the person's name
            for p in range(r[0] + 1, r[1] - 1):
                if lex.is_role(toks[p].low) and toks[p - 1].low not in lex.stop and any(
                        m.type == "PER" and m.form == "name" and m.span[0] == toks[p + 1].s and m.span[1] == toks[r[1] - 1].e
                        for m in self.mentions_in(toks[p + 1].s, toks[r[1] - 1].e)):
                    r = (p, r[1])
                    break
        if r is not None and r[1] - r[0] == 2 and r[0] - 1 >= lo and toks[r[0] - 1].low in lex.cue_pps \
                and toks[r[0]].text.islower() and toks[r[0] + 1].text.islower() and lex.definite_endings and all(
                    toks[k].low.endswith(lex.definite_endings) and toks[k].low not in lex.stop for k in range(r[0], r[1])):
            r = (r[0] + 1, r[1])  # "На летището служителите им казаха": where, then who
        if r is not None and j >= lo + 1 and toks[j].low in lex.coordinators and toks[j].low in lex.boundary:
            both = self._named_before(toks, j, lo, "LOC")  # "Италия и Франция заявиха": both names, one phrase
            if both is not None and self._named_before(toks, end, r[0], "LOC") == r:
                r = (both[0], r[1])
        if r is not None and r[0] - 1 >= lo and toks[r[0] - 1].low in lex.locatives and self._body_at(toks, r):
            return r  # ru "В Кремле заявили", "Ранее в Евросоюзе сообщили": the body in which it was said speaks
        if r is not None and r[1] - r[0] > 1 and r[0] - 1 >= lo and toks[r[0] - 1].low in lex.locatives and (place := next((
                m for m in self.mentions_in(toks[r[0]].s, toks[r[0]].e) if m.span[0] == toks[r[0]].s and m.type == "LOC"
                and m.form == "name" and self._known_place(m)), None)) is not None and (
                past := bisect_left(toks, place.span[1], r[0], r[1], key=attrgetter("s"))) < r[1] \
                and toks[past].word and toks[past].low not in lex.coordinators:
            r = (past, r[1])  # "В Москва министърът заяви": where, then who
        if r is not None and r[0] - 1 >= lo and toks[r[0] - 1].low in lex.locatives and self._only_place(toks, r):
            if all(not t.word or t.low in lex.skip_after for t in toks[lo : r[0] - 1]) and self._capital_at(toks, r):
                return r  # "В Москва пък са категорични, че ...", "Във Вашингтон заявиха": the capital's government
            return self.np_before(toks, r[0] - 1, lo)  # "Говорител на партия „Възраждане“ в Русе заяви": where
        if r is not None and lex.how_after_subject and (how := self._how_after_subject(toks, r, lo)) is not None:
            return how
        if r is not None and lex.circumstance_preps:
            r = self._past_circumstance(toks, r, lo)
        if r is not None:  # "Министърът в интервю за БНТ заяви", "который в интервью Handelsblatt заявил": where
            # back over a phrase of up to three words before the name, from its opening mark if it is quoted ("в
            # интервю за „Funke“"); p < i: the recursion ends
            r0 = r[0] - 1 if r[0] > lo and toks[r[0] - 1].s in self.name_marks else r[0]
            for p in range(min(r[0] + 1, i - 1), max(lo, r0 - 4), -1):
                if p > lo and (toks[p].low in lex.skip_pp or toks[p].low in lex.skip_pp_first) \
                        and self._skip_addressee(toks, p, i) == i:
                    return self.np_before(toks, p, lo)
        if r is not None and toks[end - 1].q >= 0:  # "Говорителят на партия „Възраждане“": the name ends it
            return r[0], end
        if r is not None and r[1] - r[0] > 2 and toks[r[0]].low in lex.medium:
            # "В интервью американскому каналу CNBC глава правительства отметил": the outlet spoken to, then who
            ends = [hit[0] for k in range(r[0] + 1, r[1] - 1) if (hit := self.match_agency(toks, k, r[1]))]
            ends += [bisect_left([t.s for t in toks], m.span[1]) for m in self.mentions_in(toks[r[0]].s, toks[r[1] - 1].e)
                     if self._is_outlet(m.entity)]
            for k in sorted(ends):
                if k < r[1] and lex.is_role(toks[k].low):
                    return k, r[1]
        if r is not None and r[1] - r[0] > 1 and any(t.low in lex.medium for t in toks[r[0]:r[1] - 1]):
            # "В мотивите си Радев посочва": where it was written, then who wrote it
            per = next((m for m in self.mentions_in(toks[r[0]].s, toks[r[1] - 1].e) if m.type == "PER"
                        and m.form == "name" and m.span[1] == toks[r[1] - 1].e), None)
            if per is not None:
                k = r[1] - 1
                while k > r[0] and toks[k - 1].e > per.span[0]:
                    k -= 1
                return k, r[1]
        if acronym is not None and r is not None and not toks[r[0]].text[:1].isupper():
            return acronym  # "Турската агенция за управление при бедствия и извънредни ситуации (АФАД) съобщи":
            # the phrase read back stops inside the long name; its acronym names the body
        return r

    def _how_after_subject(self, toks: list[Tok], r: tuple[int, int], lo: int) -> tuple[int, int] | None:
        """The speaker before words of how, where or when that stand between a person and the cue ("Робева в прав
        текст каза", "тя със смирение и послушание отвърнала", "Тръмп дори стигна дотам да заяви", "Блеър се очаква
        да заяви"): a function word (`stop`) right after a person's name or a subject pronoun, lower-case words
        (no office) after it up to the cue; else None."""
        lex = self.lex
        a, b = r
        p = a - 1  # (the phrase read back stopped at the preposition, or at "и" inside the phrase: "смирение и")
        if p - 2 >= lo and toks[p].low in lex.coordinators and toks[p - 1].word and toks[p - 1].text.islower():
            p -= 2
        first = p if p >= lo and toks[p].low in lex.stop else next(
            (k for k in range(a + 1, b - 1) if toks[k].low in lex.stop), None)
        if first is None or first - 1 < lo or not all(
                t.word and t.text.islower() and not lex.is_role(t.low) for t in toks[first + 1 : b]):
            return None
        w = toks[first - 1]
        if w.low in lex.subject_pronouns:
            return first - 1, first
        if w.word and any(m.type == "PER" and m.form == "name" and m.span[1] == w.e
                          for m in self.mentions_in(toks[max(lo, first - 4)].s, w.e)):
            return self.np_before(toks, first, lo)
        return None

    def _past_circumstance(self, toks: list[Tok], r: tuple[int, int], lo: int) -> tuple[int, int]:
        """The phrase before a cue with the circumstance that opens its clause left out ("Малко след инцидента
        Мутафова споделила", "В разговора Борисов заяви", "Пред парламентарната комисия министърът каза"): from the
        person's name that ends it (with the office before the name: "американският президент Доналд Тръмп"), a
        single capitalised word after a lower-case one, or the office noun that ends it; else unchanged."""
        lex = self.lex
        a, b = r
        if b - a < 2 or a - 1 < lo or toks[a - 1].low not in lex.circumstance_preps or not toks[a].text.islower():
            return r
        k = a - 2  # (the preposition opens the clause, after an adverb at most: "Малко след")
        if k >= lo and toks[k].word and toks[k].low in lex.circumstance_adverbs:
            k -= 1
        if k >= lo and toks[k].word:
            return r  # "Министърът по въпросите на Брекзит Дейвид Дейвис": a phrase of the office itself
        per = next((m for m in self.mentions_in(toks[a].s, toks[b - 1].e) if m.type == "PER" and m.form == "name"
                    and m.span[1] == toks[b - 1].e and m.span[0] > toks[a].s), None)
        last = toks[b - 1]
        if per is not None:
            k = bisect_left(toks, per.span[0], a, b, key=attrgetter("s"))
        elif last.word and last.text[:1].isupper() and toks[b - 2].word and toks[b - 2].text.islower():
            k = b - 1  # "По време на разговора Девраха му казал"
        elif last.word and last.text.islower() and lex.is_role(last.low):
            # "Пред парламентарната комисия министърът": a noun with its article has no adjective before it
            k = b - 1 if last.low.endswith(lex.definite_endings) else self._adjectives_before(toks, b - 1, a + 1)
        else:
            return r
        if (per is not None or (k == b - 1 and last.text[:1].isupper())) and a + 1 < k and toks[k - 1].word \
                and toks[k - 1].text.islower() and lex.is_role(toks[k - 1].low):
            k = self._adjectives_before(toks, k - 1, a + 1)  # (the office before the name)
        # the word before must end the circumstance's noun, not join what follows to it: "В предложението на ЕС",
        # "след раждането на малкия Бойко", "преговарящите на ЕС и Великобритания" are one phrase
        n = self._adjectives_before(toks, k, a + 1)
        return (k, b) if a < k < b and a < n and toks[n - 1].word and toks[n - 1].low not in lex.stop else r

    def _office_and(self, toks: list[Tok], j: int, lo: int) -> bool:
        """Token ``j`` is "и" inside an office's name: "Министърът на труда и социалната политика Борислав Гуцанов",
        "председателят на комисията по бюджет и финанси" (a role word, then only genitives and lower-case words)."""
        lex = self.lex
        if toks[j].low not in lex.coordinators:
            return False
        if j - 1 >= lo and j + 1 < len(toks) and self._two_offices(toks, j):
            return True  # "Вицепремиерът и министър на външните работи Екатерина Захариева"
        for k in range(j - 1, max(lo, j - 6) - 1, -1):
            t = toks[k]
            if not t.word or (t.text[:1].isupper() and k < j - 1 and not lex.role_word(t.low)
                              and toks[k - 1].low not in lex.genitive):  # (a body's name after "на" may be written
                return False                                           # capitalised: "на Българската хотелиерска и")
            if lex.role_word(t.low) and k < j - 2 and toks[k + 1].low in lex.genitive:
                return True
        return False

    def _two_offices(self, toks: list[Tok], j: int) -> bool:
        """Token ``j`` ("и") joins two offices of one holder: "вицепремиерът и министър на външните работи"."""
        return self.lex.role_word(toks[j - 1].low) and self.lex.role_word(toks[j + 1].low)

    def _time_at(self, pos: int) -> int | None:
        """The end of the time expression that covers ``pos``, if one does."""
        k = bisect_right(self.time_starts, pos) - 1
        return end if k >= 0 and pos < (end := self.time_end[self.time_starts[k]]) else None

    def _office_and_after(self, toks: list[Tok], start: int, j: int, hi: int) -> bool:
        """Token ``j`` is "и" inside an office named after a cue, before its holder's name: "съобщи министърът на
        труда и социалната политика Борислав Гуцанов" (a role word and a genitive before it, lower-case words and a
        person after it)."""
        lex = self.lex
        if toks[j].low not in lex.coordinators or not (any(
                lex.role_word(toks[k].low) and toks[k + 1].low in lex.genitive for k in range(start, j - 1)) or (
                j + 1 < hi and self._two_offices(toks, j))):
            return False  # (or two offices: "заяви вицепремиерът и министър на външните работи Екатерина Захариева")
        for k in range(j + 1, min(hi, j + 6)):
            if toks[k].text[:1].isupper():
                return any(m.type == "PER" and m.form == "name" and m.span[0] == toks[k].s
                           for m in self.mentions_in(toks[k].s, toks[k].e))
            if not toks[k].word:
                return False
        return False

    def _office_in(self, toks: list[Tok], j: int, lo: int, end: int) -> bool:
        """Token ``j`` is "в" between an office and its holder, before the body or town the office is in:
        "Лидерът на републиканците в Сената Мич Макконъл", "Говорителят на партията в Пловдив Иван Петров"."""
        lex = self.lex
        if toks[j].low not in lex.locatives or j + 1 >= end or not toks[j + 1].text[:1].isupper():
            return False
        last = toks[end - 1]
        per = next((m for m in self.mentions_in(toks[j + 1].s, last.e) if m.type == "PER" and m.form == "name"
                    and m.span[1] == last.e and m.span[0] > toks[j + 1].s), None)
        if per is None or sum(1 for t in toks[j + 1:end] if t.s < per.span[0]) > 4:
            return False  # (the place is short: a body's or a town's name)
        role = next((k for k in range(j - 1, max(lo, j - 6) - 1, -1) if lex.is_role(toks[k].low)), None)
        # ... and the office's words run up to "в": no one else named between ("среща с украинския президент
        # Петро Порошенко вчера в Берлин Меркел" is Merkel in Berlin)
        return role is not None and not any(m.type == "PER" and m.form == "name" and self.text[m.span[0]].isupper()
                                            for m in self.mentions_in(toks[role].e, toks[j].s))

    def _body_at(self, toks: list[Tok], r: tuple[int, int]) -> bool:
        """Tokens ``r`` are one body's name (an organisation, or a seat of government such as the Kremlin), not an
        outlet's."""
        a, b = toks[r[0]].s, toks[r[1] - 1].e
        return any(m.span == (a, b) and (m.type == "ORG" or self._kind(m.entity) == "government")
                   and not self._is_outlet(m.entity) for m in self.mentions_in(a, b))

    def _capital_at(self, toks: list[Tok], r: tuple[int, int]) -> bool:
        """Tokens ``r`` name a country's capital (the KB's), which speaks for its government."""
        a, b = toks[r[0]].s, toks[r[1] - 1].e
        return any(m.span == (a, b) and (e := kb_entry(m.entity)) is not None and e.capital is True
                   for m in self.mentions_in(a, b))

    def _only_place(self, toks: list[Tok], r: tuple[int, int]) -> bool:
        """Tokens ``r`` are one place name and nothing else."""
        a, b = toks[r[0]].s, toks[r[1] - 1].e
        return any(m.span == (a, b) and m.type == "LOC" for m in self.mentions_in(a, b))

    def _name_in_phrase(self, toks: list[Tok], j: int, lo: int, hi: int) -> bool:
        """Token ``j`` is a short quoted name after a word of the phrase ("Говорителят на партия „Възраждане“
        заяви"): part of the speaker, not what was said."""
        if toks[j].q < 0 or j <= lo or (toks[j - 1].low not in self.lex.name_heads
                                        and toks[j - 1].low not in self.lex.stop):
            return False  # after its head noun or "на" ("партия „Възраждане“"; not "в средата на юни „Газпром“")
        if j + 1 < hi and toks[j + 1].word and not toks[j + 1].text[:1].isupper():
            return False  # "В своя доклад „X“ | счетоводната компания посочва": another phrase follows the name
        return self._quoted_name(toks, j, hi, use=False) == j + 1

    def _stands_alone(self, toks: list[Tok], m: Mention, lo: int) -> bool:
        """Whether mention ``m`` opens its clause (no word before it back to ``lo`` but an adverb the cues skip), not
        the end of a longer phrase ("лидер на Партията за независимост на Великобритания", "Русия, Швеция и Дания")."""
        k = bisect_left(toks, m.span[0], lo, key=attrgetter("s"))
        while k > lo and toks[k - 1].word and toks[k - 1].low in self.lex.skip_after:
            k -= 1
        return k <= lo or (not toks[k - 1].word and toks[k - 1].text != ",")

    def _described(self, toks: list[Tok], comma: int, lo: int) -> tuple[int, int] | None:
        """The person an apposition that ends at token ``comma`` describes, named before the comma that opens it
        ("Арън Банкс, съосновател на кампанията Leave.EU, за когото се смята, че ..., обяви"; "Владислав Горанов,
        член на ГЕРБ, който ..., заяви"): who the relative clause after it speaks of, not the apposition's last
        name."""
        c = next((c for c in range(comma - 2, max(lo, comma - 10), -1) if toks[c].text == ","), None)
        if c is None or c <= lo or toks[c].q >= 0 or not (toks[c + 1].word and toks[c + 1].text.islower()) or any(
                t.q >= 0 or t.text in ";:()" for t in toks[c + 1 : comma]):
            return None
        head = self._named_before(toks, c, lo)
        if head is None or not any(self._person(m) and m.form == "name" for m in self.mentions_in(
                toks[head[0]].s, toks[head[1] - 1].e)):
            return None
        return head

    def _named_before(self, toks: list[Tok], comma: int, lo: int, also: str = "", role: bool = False
                      ) -> tuple[int, int] | None:
        """Token range of a person's or organisation's name (or of type ``also``) that ends right before token
        ``comma``, else None; with ``role``, also an office named by its noun ("Министър-председателката, която")."""
        end = toks[comma - 1].e
        if role and comma - 1 >= lo and toks[comma - 1].word and self.lex.is_role(toks[comma - 1].low) and not any(
                m.span[1] == end for m in self.mentions_in(toks[lo].s, end)):
            k = comma - 1
            while k > lo and k > comma - 4 and toks[k - 1].word and toks[k - 1].low not in self.lex.stop \
                    and toks[k - 1].text.islower():
                k -= 1
            return k, comma
        m = next((m for m in self.mentions_in(toks[lo].s, end) if m.span[1] == end and m.form == "name"
                  and (m.type in ("PER", "ORG", also) or (m.type == "LOC" and self._kind(m.entity) == "country"
                                                          and self._stands_alone(toks, m, lo)))),
                 None)  # (a country that opens its clause speaks: "Украйна, която твърди, че ...")
        if m is None and comma - 1 > lo and ((toks[comma - 1].low,) in self.lex.institutions
                                             or toks[comma - 1].low in self.lex.group_roles):
            # "Катарското външно министерство, което посредничи ...": a body by its noun, with its adjectives (or a
            # group: "Руските власти, които контролират централата, твърдят ...")
            k = comma - 1
            while k > lo and k > comma - 4 and toks[k - 1].word and toks[k - 1].low not in self.lex.stop:
                k -= 1
            return k, comma
        if m is None:
            return None
        k = comma - 1
        while k > lo and toks[k - 1].e > m.span[0]:
            k -= 1
        return k, comma

    def np_after(self, toks: list[Tok], i: int, hi: int, limit: int = 10) -> tuple[int, int] | None:
        lex = self.lex
        j = i
        place = -1  # the last "в X" skipped: "добавили в Кремле" has no one after it, and X is who
        while j < hi and toks[j].word:
            if j + 1 < hi and toks[j].low in lex.passive_auxiliaries and toks[j + 1].low in lex.source_preps:
                j += 1  # "Категорични са | от проектната компания, че ...": the verb of an adjective's predicate
                continue
            k = self._skip_addressee(toks, j, hi)
            if k == j and toks[j].low in lex.medium_preps and (q := self._past_quoted_outlet(toks, j + 1, hi)) > j + 1 \
                    and q < hi and toks[q].word:
                k = q  # "писа във в. „Сънди телеграф“ здравният министър": the paper it appeared in, then who wrote
            if k == j and j + 1 < hi and lex.manner_endings and toks[j].text.islower() and len(toks[j].low) > 3 \
                    and toks[j].low.endswith(lex.manner_endings) and toks[j + 1].word and (
                    toks[j + 1].text[:1].isupper() or toks[j + 1].low in lex.subject_pronouns):
                k = j + 1  # "казва внезапно той": how it was said, then who (a small word before a name or pronoun)
            if k == j and j + 2 < hi and toks[j].text.islower() and toks[j + 1].low in lex.possessive_reflexives \
                    and toks[j + 2].word:
                k = j + 2  # "завършва статията си той": the subject's own object ("си"), then who
            if k == j and toks[j].low not in lex.skip_after:
                break
            if k > j + 1 and toks[j].low in lex.locatives:
                place = j + 1
            j = max(k, j + 1)
        if place >= 0 and (j >= hi or not toks[j].word) and toks[place].text[:1].isupper() \
                and toks[place].low not in lex.platforms:  # ("написа в Екс, че": where it was written, no one)
            j = place
        if j + 1 < hi and toks[j].word and self.name_marks:  # отбелязва в. „Гардиън“: the outlet, not its noun
            k = self._outlet_noun_end(toks, j, hi)
            if j < k < hi and toks[k].s in self.name_marks and not toks[k].word:
                j = k
        if j + 1 < hi and toks[j].s in self.name_marks and not toks[j].word:  # предаде „Фокус“
            j += 1
        j = self._past_place_pp(toks, j, hi)
        if j + 1 < hi and toks[j].q >= 0 and self._quoted_title(toks[j].q) and (
                c := self._past_channel(toks, j + 1, hi)) > j + 1:
            j = c  # "заяви „Здравей, България“ по NOVA Огнян Манолев": a show and its channel, then who spoke
        if j < hi and (end := self.time_end.get(toks[j].s)) is not None:  # "съобщи в сряда британското Сдружение"
            k = j
            while k < hi and toks[k].s < end:
                k += 1
            if k < hi and toks[k].word:
                j = self._past_place_pp(toks, k, hi)
        if j < hi and self.match_phrase(toks, j, hi) is not None:
            return None  # "Об этом сообщает со ссылкой на DW": a cue phrase is nobody (the outlet's name is missing)
        if j + 1 < hi and toks[j].low in lex.cue_pps and toks[j + 1].low in lex.platforms and (
                j + 2 >= hi or not toks[j + 2].word):
            return None  # "... и написа във Фейсбук, че": where it was written; who wrote it is the subject before
        start = j
        n = 0
        named = named_end = -1
        while j < hi and n < limit:
            if toks[j].q >= 0:  # a short quoted name: "от „Булгаргаз“", "Агенция „Пътна инфраструктура“"
                after = self._quoted_name(toks, j, hi, use=False)
                if after is None or (n and toks[j - 1].low not in self.lex.name_heads and toks[j - 1].low not in lex.stop):
                    break
                named, named_end, n, j = j, after, n + after - j, after
                continue
            t = toks[j]
            if t.text == "(" and n and j + 2 < hi and toks[j + 1].word and toks[j + 1].text[:1].isupper() \
                    and toks[j + 2].text == ")":
                j += 3  # "директор на Международния валутен фонд (МВФ) Кристалина Георгиева": the short name
                # ("... агенция за недрата (Роснедра) Евгений Киселев")
                n += 1
                continue
            if t.text in "-–" and n and j + 2 < hi and toks[j + 1].text[:1].isupper() and any(
                    m.type == "PER" and m.form == "name" for m in self.mentions_in(
                        toks[j + 2].s, toks[min(hi, j + 6) - 1].e)):
                j += 1  # "директорът на РЗИ - Варна д-р Светлана Панчева": the office's town after a dash, then
                n += 1  # its holder
                continue
            if not t.word and not (t.text in "-’'." and j + 1 < hi and toks[j + 1].s == t.e and t.s == toks[j - 1].e) \
                    and not (t.text == "." and n and toks[j - 1].low in lex.abbreviations):
                break
            if t.word and n and t.low in lex.locatives and j + 2 < hi and toks[j + 1].text[:1].isupper() and (
                    per := next((m for m in self.mentions_in(toks[j + 2].s, toks[min(hi, j + 4) - 1].e)
                                 if m.type == "PER" and m.form == "name" and m.span[0] >= toks[j + 2].s), None)):
                # "говорителят на Окръжната прокуратура в Пловдив Ирина Илиева": the office's town, then its holder
                return self._trim(toks, start, bisect_left(toks, per.span[1], key=attrgetter("s")))
            if t.word and n and (t.low in lex.boundary or t.low in lex.skip_before or t.low in lex.after_speaker
                                 or (t.low in lex.phrases_by_second and self.match_phrase(toks, j, hi) is not None)) \
                    and not (
                    t.low in lex.coordinators and any(x.text[:1].isupper() or x.low in lex.agency_nouns
                                                      for x in toks[start:j])
                    and self._acronym_ends(toks, j + 1, min(hi, j + 6))) and not self._office_and_after(toks, start, j, hi):
                break
            if t.word and n and t.low in lex.outlet_preps and j + 1 < hi and self._outlet_at(toks, j + 1) is not None:
                break  # "заяви министърът по bTV", "каза министърът за БНТ": the outlet told to, not the office's
            if t.word and n and (k := self._phrase_at(toks, j, hi, lex.speaker_ends)) and not (
                    t.low in lex.genitive and j + k < hi and toks[j + k].text[:1].isupper()):
                break  # "каза държавният глава по време на церемонията", "заяви руският президент на заседание на
                # правителството" (not "председателят на конференцията Иван Петров": the office's holder)
            if t.word and n and t.low in lex.stop and any(  # "заяви Милошев на съвместната пресконференция"
                    m.span[1] == toks[j - 1].e and m.type == "PER" and m.form == "name"
                    for m in self.mentions_in(toks[j - 1].s, toks[j - 1].e)):
                break
            j += 1
            n += 1
        if named >= 0 and named_end < j and (per := next((
                m for m in self.mentions_in(toks[named_end].s, toks[j - 1].e)
                if m.type == "PER" and m.form == "name"), None)):  # "говорителят на „БДЖ“ Иван Иванов": the person
            return self._trim(toks, start, bisect_left(toks, per.span[1], key=attrgetter("s")))
        if named >= 0:  # the quoted name is the phrase's last word, or all of it
            r = self._trim(toks, start, named)
            return (r[0] if r else named, named + 1)
        return self._trim(toks, start, j)

    @staticmethod
    def _acronym_ends(toks: list[Tok], j: int, hi: int) -> bool:
        """A body's description closes with its acronym a few words on ("агенцията за управление на бедствия и
        извънредни ситуации АФАД"): "и" there joins the description, not two clauses."""
        for k in range(j, hi):
            t = toks[k]
            if k > j and t.text == "(" and k + 2 < len(toks) and toks[k + 2].text == ")" and toks[k + 1].text.isupper():
                return True  # "... по метеорология и хидрология (НИМХ)": its acronym in brackets
            if not t.word:
                return False
            if k > j and len(t.text) >= 2 and t.text.isupper():
                return k + 1 >= len(toks) or not toks[k + 1].word
        return False

    @staticmethod
    def _phrase_at(toks: list[Tok], j: int, hi: int, phrases: tuple[tuple[str, ...], ...]) -> int:
        """Length of the first of ``phrases`` (lower-case word tuples) written at token ``j``, else 0. Only the
        phrases that begin with token ``j``'s word are tried (:func:`_by_first_word`), in their order."""
        if j >= hi:
            return 0  # (only an empty phrase fits, and it has length 0)
        group = _by_first_word(phrases).get(toks[j].low)
        if group is None:
            return 0
        # (those of one word, or those whose second word is the next token's: their first two words are in place)
        for p in group[1].get(toks[j + 1].low, group[0]) if j + 1 < hi else group[0]:
            n = len(p)
            if j + n <= hi:
                for m in range(2, n):  # (plain loops: no generator frames per token)
                    if toks[j + m].low != p[m]:
                        break
                else:
                    return n
        return 0

    def _past_place_pp(self, toks: list[Tok], j: int, hi: int) -> int:
        """Index of a role noun or a person's name after a short phrase on where, when or how a statement was made,
        between a cue and its speaker ("заяви от трибуната председателят", "каза на брифинг министърът", "написа
        в Телеграм губернаторът", "заявила на пресс-конференции по итогам заседания председатель ЦБ", "сообщил в
        тот же день индийский премьер"), else ``j``. The phrase is a preposition and up to six words; a name or a
        role right after one of its prepositions is part of it ("на среща с Путин президентът": the president)."""
        lex = self.lex
        if j >= hi or toks[j].low not in lex.cue_pps:
            return j
        after_prep = True
        for k in range(j + 1, min(hi, j + 8)):
            t = toks[k]
            if not t.word:
                return j
            if t.low in lex.cue_pps or t.low in lex.cue_pp_inner:
                if after_prep or toks[j].low in lex.source_preps:
                    return j  # (two prepositions in a row; "съобщиха от канцеларията на премиера": the office speaks)
                after_prep = True
                continue
            if not after_prep and k > j + 2 and t.low in lex.outlet_nouns and k + 1 < hi \
                    and self._outlet_at(toks, k + 1) is not None:
                return k  # "пише на първата си страница вестник Guardian": the paper, by its noun and its name
            if t.low in lex.stop and not (t.low in lex.possessive_reflexives and k > j + 1):
                return j
            if not after_prep and (lex.is_role(t.low) or any(
                    m.span[0] == t.s and m.type == "PER" and m.form == "name" for m in self.mentions_in(t.s, t.e))):
                while lex.is_role(t.low) and k - 1 > j + 1 and self._office_adjective(toks, k - 1):
                    k -= 1  # "обяви във вторник вечерта американският държавен секретар": the office's adjectives
                return k
            after_prep = False
        return j

    def _office_adjective(self, toks: list[Tok], k: int) -> bool:
        """Token ``k`` is a lower-case adjective before an office after a cue, not a word of the phrase on where or
        when it was said: no time, not right after a preposition ("на заседание на комисията | председателят")."""
        lex, t = self.lex, toks[k]
        return (t.word and t.text.islower() and t.low.endswith(lex.adjective_endings) and t.low not in lex.stop
                and self._time_at(t.s) is None and toks[k - 1].low not in lex.cue_pps
                and toks[k - 1].low not in lex.cue_pp_inner)

    def _addressee_sources(self, toks: list[Tok], x: int, y: int, sent: Span, src_here: list,
                           cues: list[tuple[int, int, str]]) -> None:
        """Sources for agencies and outlets named as the addressee of a statement (see :meth:`_skip_addressee`);
        a quoted outlet after its noun is already one ("source:outlet" above)."""
        lex = self.lex
        firsts = lex.addressee_words
        for k in range(x, y):
            t = toks[k]
            if t.low not in firsts or not t.word:
                continue  # (no addressee's phrase starts here: _skip_addressee would return k)
            low = t.low
            if low in lex.medium_preps and k + 1 < y:
                j = k + 2 if not toks[k + 1].word and toks[k + 1].text in lex.mark_chars and k + 2 < y else k + 1
                if (kb := self._outlet_at(toks, j)) is not None and kb.entity:
                    np = self._kb_outlet_np(kb)  # "пише Марк Смит във „Файненшъл таймс“": the outlet it appeared in
                    src_here.append((self.add_source(np, sent, None, "source:outlet"), k))
                    continue
                if (core := self._medium_named(toks, k, y, sent, cues)) is not None:
                    src_here.append((self.add_source(self._outlet_np(core), sent, None, "source:outlet"), k))
                    continue
            if low in lex.outlet_preps and k + 1 < y:
                # (its name in quote marks: 'каза за "Скай нюз" прокурорът')
                j = k + 2 if not toks[k + 1].word and toks[k + 1].text in lex.mark_chars and k + 2 < y else k + 1
                kb = self._outlet_at(toks, j)
                if kb is not None and kb.entity:  # "съобщи министърът за Полско радио": the outlet he told it to
                    np = self._kb_outlet_np(kb)
                    src_here.append((self.add_source(np, sent, None, "source:outlet"), k))
                continue
            end = self._skip_addressee(toks, k, y)
            show = k
            for i in range(k + 1, end):
                if i < show:
                    continue
                named = self.name_at.get(toks[i].s)
                if named is not None and named[2]:
                    show = self._channel_after(toks, i, y)  # (a quoted outlet is a source of its own; a show's
                    if show:                                # channel after it is the source)
                        continue
                    break
                m = self.match_agency(toks, i, end)
                if m is not None:
                    np = self._outlet_np((toks[i].s, toks[m[0] - 1].e), m[1])
                    src_here.append((self.add_source(np, sent, None, "source:outlet"), k))
                    break
                kb = next((mn for mn in self.mentions_in(toks[i].s, toks[end - 1].e) if self._is_outlet(mn.entity)),
                          None)  # an outlet the KB knows: "в интервью Handelsblatt"
                if kb is not None and kb.entity:
                    np = self._kb_outlet_np(kb)
                    src_here.append((self.add_source(np, sent, None, "source:outlet"), k))
                    break
                # a name in Latin letters right after "пред" in Cyrillic text ("е заявил пред CBN, че ...")
                latin = i == k + 1 and low in lex.latin_outlet_preps and toks[i].word and toks[i].text[0].isupper() \
                    and toks[i].text.isascii() and toks[i].text.isalnum() and not any(
                        mn.type == "PER" for mn in self.mentions_in(toks[i].s, toks[i].e)) \
                    and not self.text[sent[0] : sent[1]].isascii()
                if latin or (toks[i - 1].low in lex.agency_nouns and toks[i].word and toks[i].text[0].isupper()):
                    # an outlet the KB does not know, so named or named after its noun: "пред телевизия А Ер Де"
                    people = {mn.span[0] for mn in self.mentions_in(toks[i].s, toks[end - 1].e) if mn.type == "PER"}
                    if toks[i].s in people:  # "разкрива пред столичен вестник Прокопов": who told it, after an
                        np_ = self._outlet_noun_phrase(toks, k, i)  # unnamed outlet
                        if np_ is not None:
                            src_here.append((self.add_source(np_, sent, None, "source:outlet"), k))
                        break
                    j = i + 1  # (up to a person's name: "пред агенция ЕйшаНюз Харун Баркат Масих", who told it)
                    while j < end and toks[j].word and toks[j].text[0].isupper() and toks[j].s not in people and (
                            not latin or toks[j].text.isascii()):
                        j += 1
                    np = self._outlet_np((toks[i].s, toks[j - 1].e))
                    src_here.append((self.add_source(np, sent, None, "source:outlet"), k))
                    break
            else:
                np_ = self._outlet_noun_phrase(toks, k, end)
                if np_ is None and end > k + 1 and end + 1 < y and toks[end].low in lex.staff_preps:
                    np_ = self._staff_outlet(toks, end + 1)  # "пред репортер на Bulgaria ON AIR"
                if np_ is not None:
                    src_here.append((self.add_source(np_, sent, None, "source:outlet"), k))

    def _report_sources(self, toks: list[Tok], x: int, y: int, sent: Span, src_here: list, st: State,
                        cue_at: list[int], clause: bool = False) -> None:
        """The body or outlet whose report a reporting sentence draws on ("пише в съобщението на FNB Gas", "стана
        ясно от официално съобщение на „Райънеър“"), or the outlet whose question it answers ("На въпрос на Ройтерс ...
        Фараж отговори"): named after a report's or a question's noun, it is the sentence's source. ``cue_at``: where
        the sentence's cues start (the report's noun itself is none: "Изявление на X по въпроса"); ``clause``: only a
        report whose clause follows its phrase ("съобщение от Пентагона, че ...")."""
        lex = self.lex
        for k in range(x, y - 2):
            low = toks[k].low
            if low not in lex.report_nouns and low not in lex.question_nouns:
                continue  # (most tokens: no cue positions compared)
            cued = any(c != k for c in cue_at)
            if (low not in lex.report_nouns and not cued) or toks[k + 1].low not in lex.report_preps \
                    or not toks[k].word or (k > x and toks[k - 1].low in lex.report_compounds):
                continue
            if not cued and not self._report_subject(toks, x, k):
                continue  # (without a cue only a report that is what the sentence speaks of)
            f = k + 2
            poll = low in lex.poll_nouns
            while poll and f + 1 < y and toks[f].word and toks[f].low in lex.pollster_words:
                f += 1  # "проучване на социологическата компания Populus": the pollster's name after its nouns
            first = toks[f]
            if first.word and not first.text[0].isupper() and first.low not in lex.agency_nouns and \
                    first.low not in lex.body_anaphors:
                continue  # ("данните на британската статистика": a named body starts with a capital or its noun)
            np = self.resolve(toks, self.np_after(toks, f, y, limit=6), st)
            if np is not None and not cued and self._no_report_source(toks, np, y):
                continue
            if clause and (np is None or not (
                    (e := bisect_left(toks, np.span[1], key=attrgetter("s"))) + 1 < y and toks[e].text == ","
                    and toks[e + 1].low in lex.complementizers)):
                continue
            if np is not None and (np.kind == "agency" or (  # (a question: an outlet's only)
                    np.kind in ("name", "phrase") and np.institution and low in lex.report_nouns)):
                src_here.append((self.add_source(np, sent, None, "source:report"), k))
            elif poll and first.q >= 0:
                q_end = self._quoted_name(toks, f, y, use=False)
                named = self._quoted_outlet(NP((first.s, toks[q_end - 1].e), "name", None)) if q_end else None
                if named is not None and not self._names_person_or_place(*named.span):
                    # "Авторите на проучването от „YouGov“ посочват": a poll's quoted name after its noun, its maker
                    src_here.append((self.add_source(named, sent, None, "source:report"), k))
            elif poll and np is not None and np.kind == "name" and (first.q >= 0 or first.text[0].isupper()) and not self._names_person_or_place(*np.span):
                # "Проучване на социологическата компания Populus": a poll's name after its noun is its pollster
                src_here.append((self.add_source(np, sent, None, "source:report"), k))

    def _quoted_report_sources(self, toks: list[Tok], x: int, y: int, quotes: list[DQ], sent: Span, src_here: list,
                               st: State) -> None:
        """Sources a direct quote opening in the sentence names by a report and its clause ("Получено е съобщение от
        Пентагона, че една от нашите подводници ..."): the speaker passes on the body's news, which comes from it. Only
        with the clause: a report merely named inside someone's words ("според доклада на ...") is left to them."""
        for k in range(x, y):
            q = toks[k].q
            if q < 0 or (k > x and toks[k - 1].q == q) or not sent[0] <= quotes[q].open < sent[1]:
                continue
            a, b = quotes[q].content
            # (a comma and a complementizer first, a plain find: most quotes have none, and need no words read)
            if not any(self.text.find(", " + c, a, b) >= 0 for c in self.lex.complementizers) or \
                    self.lex.report_nouns.isdisjoint(self._words(a, b)):
                continue
            qt = self.tokens(a, b)
            self._report_sources(qt, 0, len(qt), sent, src_here, st, [-1], clause=True)

    def _no_report_source(self, toks: list[Tok], np: NP, y: int) -> bool:
        """Whether the phrase after a report's noun in a sentence without a cue names no source: a person or a place
        ("Изявление на Kevin Annett по въпроса"), or a report still to come ("данните на SMMT ще бъдат оповестени")."""
        core = np.core or np.span
        if self._names_person_or_place(*np.span) or _latin_person(self.text[core[0]:core[1]]):
            return True
        e = bisect_left(toks, np.span[1], key=attrgetter("s"))
        return e < y and toks[e].low in self.lex.future_markers

    def _report_subject(self, toks: list[Tok], x: int, k: int) -> bool:
        """Whether the report's noun at ``k`` (past its adjectives) opens the sentence or a clause after a comma or
        colon ("Освен с жирафите, последният доклад на IUCN разглежда ..."), or is what "Това е" names ("Това е
        заключението на IUCN"): the sentence reports it. Not a report after a preposition or a verb ("след
        информацията на ...", "предоставили информацията на „Уикилийкс“": to whom it was given)."""
        lex = self.lex
        p = k
        while p > x and toks[p - 1].word and toks[p - 1].low.endswith(lex.adjective_endings) and \
                toks[p - 1].low not in lex.stop and toks[p - 1].low not in lex.anaphoric_aux:
            p -= 1
        if p == x or toks[p - 1].text in ",:;":
            return True
        return p - 2 >= x and toks[p - 1].low in lex.anaphoric_aux and toks[p - 2].low in lex.anaphoric and (
            p - 2 == x or toks[p - 3].text in ",:;")

    def _staff_outlet(self, toks: list[Tok], i: int) -> NP | None:
        """The outlet named at token ``i`` after whom a statement was told to ("пред репортер на Bulgaria ON AIR",
        "пред екипа на vox64.com"): one the KB knows, or a site's address."""
        if (kb := self._outlet_at(toks, i)) is not None and kb.entity:
            return self._kb_outlet_np(kb)
        t = toks[i]
        if t.word and "." in t.text and t.text.islower() and DOMAIN.match(t.text):
            return self._outlet_np((t.s, t.e))
        return None

    def _medium_named(self, toks: list[Tok], k: int, y: int, sent: Span, cues: list[tuple[int, int, str]]) -> Span | None:
        """An outlet the KB does not know, named right after the speech cue and its speaker by "в" (medium_preps):
        in quote marks ('каза Робева в "Шоуто на Слави"', 'пише Вазов в „Под игото“') or in Latin letters in Cyrillic
        text ("пише Филип Джиралди в The American Conservative"). Elsewhere "в" before such a name is mostly where one
        works or was ("работи в „Топлофикация“"), so "в" must follow the cue or a name right after it, at most four
        words after the cue; a name the KB knows as something else is no outlet here."""
        cj = next((cj for _ci, cj, cls in cues if cls == "speech" and cj <= k and k - cj <= 5
                   and sum(toks[m].word for m in range(cj, k)) <= 4  # (a title's full stop: "заяви проф. Филипов")
                   and all(toks[m].word or (toks[m].text == "." and toks[m - 1].word) for m in range(cj, k))), None)
        if cj is None or (cj < k and not any(self._person(m) and m.form == "name" and m.span[1] == toks[k - 1].e
                                             for m in self.mentions_in(toks[k - 1].s, toks[k - 1].e))):
            return None  # right after the cue or the speaker's name: "участничката във FameLab" is who she is
        nxt = toks[k + 1]
        if nxt.q >= 0:  # a quoted name is one placeholder token, its marks included
            core = (nxt.s + 1, nxt.e - 1)
            name = self.text[core[0] : core[1]]
            if not name[:1].isupper() or len(name.split()) > 5 or any(ch in name for ch in ".!?,:;"):
                return None
            if k + 2 < y and (c := self._past_channel(toks, k + 2, y)) > k + 2:
                first = k + 4 if toks[k + 3].low in self.lex.agency_nouns else k + 3
                a, b = toks[first].s, toks[c - 1].e  # 'в “Честно казано” на BiT': the channel it went out on
                name = self.text[a:b].strip(_LABEL_MARKS)
                a += self.text[a:b].find(name)
                return (a, a + len(name))
            if k + 2 < y and toks[k + 2].word and toks[k + 2].low not in self.lex.boundary:
                return None  # ('в „Дондуков“ 2': an address)
        else:
            if not (nxt.word and nxt.text[0].isupper() and nxt.text.isascii()) or self.text[sent[0] : sent[1]].isascii():
                return None
            end = k + 1
            while end < y and end - k <= 5 and toks[end].word and toks[end].text.isascii() and toks[end].text[0].isupper():
                end += 1
            core = (nxt.s, toks[end - 1].e)
        for m in self.mentions_in(*core):
            if m.span[0] <= core[0] and m.span[1] >= core[1] and (self._person(m) or (
                    m.entity and not m.entity.startswith("vx:") and not self._is_outlet(m.entity))):
                return None  # 'каза Борисов в „Лукойл“': a company the KB knows; "в Brussels", a place it knows
        return core

    def _outlet_noun_phrase(self, toks: list[Tok], k: int, end: int) -> NP | None:
        """The outlet a phrase ending in its definite noun names, with no name after it ("обясни говорител ... пред
        агенцията", "обяснява аналитикът пред руския ежедневник"): a source, as every annotator of eval/bggold marks it
        (stop 45), its entity left open (the outlet the text named before, which this reading does not track). An
        indefinite noun ("пред медия") names none."""
        lex, i = self.lex, end - 1
        if i <= k or not toks[i].word or toks[i].low not in lex.agency_nouns or toks[i].low in lex.plural_agency_nouns \
                or (end < len(toks) and toks[end].low in lex.genitive):  # "за сайта на партията": its owner's
            return None
        a = i
        if a - 1 > k and toks[a - 1].word and toks[a - 1].text.islower() and toks[a - 1].low.endswith(
                lex.adjective_endings) and toks[a - 1].low not in lex.stop:
            a -= 1  # "руския ежедневник": its adjective carries the article
        w = toks[a].low
        if not (w.endswith(lex.definite_endings) or (a < i and w.endswith(lex.short_article_adjective)) or (
                a == i and any(w.endswith(e) and w[: -len(e)] in lex.agency_nouns for e in lex.short_article_noun))
                or (a < i and len(w) > 3 and w.endswith(lex.indefinite_adjective_endings))):
            return None  # ("руския ежедневник", "вестника": the short article; "столичен ежедневник": unnamed, one)
        span = (toks[a].s, toks[i].e)
        name = self.text[span[0]:span[1]]
        return NP(span, "agency_noun", None, agency=name, core=span)

    def _skip_addressee(self, toks: list[Tok], j: int, hi: int) -> int:
        """Index after the phrase at ``j`` naming whom a speaker spoke to or for, else ``j``: "каза пред БНТ
        министърът", "заяви пред агенция Ройтерс министърът", "каза в интервю за Би Би Си Дейвис", "пред
        „Фокус“", "пред журналисти" (one lower-case word)."""
        lex = self.lex
        if toks[j].low in lex.addressees:  # "сообщил журналистам": the word is the whole phrase
            return j + 1
        if toks[j].low in lex.outlet_preps and j + 2 < hi:  # "каза за Радио „Фокус“ Зоя Димитрова": told an outlet
            # (or a broadcast's noun: "каза за предаването „Метроном“ по Радио „Фокус“ Сотир Иванов")
            k = j + 2 if toks[j + 1].word and (toks[j + 1].low in lex.agency_nouns
                                               or toks[j + 1].low in lex.outlet_nouns) else j + 1
            if k + 1 < hi and not toks[k].word and toks[k].s in self.name_marks and toks[k + 1].s in self.name_at:
                k = self._past_branch(toks, self._past_outlet_name(toks, k, hi), hi)
                return self._past_channel(toks, k, hi)
            if toks[k].word and self._outlet_at(toks, k) is not None:
                return self._past_outlet(toks, k, hi)
            return j
        n = self._phrase_at(toks, j, hi, lex.skip_pp_phrases) if toks[j].low in lex.skip_pp_first else 0
        if not n and toks[j].low in lex.skip_pp:  # (a phrase first: "пред камерите на БНТ", then "пред")
            n = 1
        elif not n:
            return j
        k = j + n
        if not n or k >= hi:
            return j
        if (q := self._past_quoted_outlet(toks, k, hi)) > k:
            return self._past_channel(toks, self._past_branch(toks, q, hi), hi)  # "пред в. „Билд ам зонтаг“"
        noun = toks[k].word and (toks[k].low in lex.agency_nouns or toks[k].low in lex.medium)
        for n_adj in (1, 2):  # "пред обществената телевизия А Ер Де", "за британския телевизионен канал Ай Ти Ви"
            if noun or k + n_adj >= hi or toks[k + n_adj].low not in lex.agency_nouns:
                continue
            if all(t.word and t.text.islower() and t.low.endswith(lex.adjective_endings) for t in toks[k : k + n_adj]):
                k, noun = k + n_adj, True  # (one or two adjectives before the noun)
        if noun:
            k += 1
        if k + 1 < hi and not toks[k].word and toks[k].s in self.name_marks and toks[k + 1].s in self.name_at:
            k = self._past_branch(toks, self._past_outlet_name(toks, k, hi), hi)  # a quoted name: up to its
            return self._past_channel(toks, k, hi)                                 # closing mark
        if k < hi and toks[k].word and toks[k].text[0].isupper():
            return self._past_outlet(toks, k, hi)
        if noun or not toks[k].word or toks[k - 1].low in lex.possessive_reflexives:
            return k  # (a phrase closed by its "си" is whole: "в комюникето си авиокомпанията")
        return k + 1  # "пред журналисти"

    @staticmethod
    def _past_branch(toks: list[Tok], k: int, hi: int) -> int:
        """The token after a regional station's name set off by a dash after its outlet's ("за Радио „Фокус“ –
        Пирин Сотир Иванов": one capitalised word, then the speaker's two), else ``k``."""
        if k + 3 < hi and toks[k].text in DASHES and toks[k].q < 0 and all(
                t.word and t.text[0].isupper() and not t.text.isupper() for t in toks[k + 1 : k + 4]):
            return k + 2
        return k

    def _channel_after(self, toks: list[Tok], i: int, hi: int) -> int:
        """The token after the quoted name at token ``i`` when a channel follows it ('"България сутрин" на телевизия
        Bulgaria ON AIR': the show's channel is the source), else 0."""
        j = self._past_outlet_name(toks, i - 1, hi)
        return j if j < hi and self._past_channel(toks, j, hi) > j else 0

    def _past_channel(self, toks: list[Tok], k: int, hi: int) -> int:
        """The token after the channel a show named before token ``k`` went out on ("пред „Здравей, България“ по
        NOVA", "„Метроном“ по Радио „Фокус“": its noun and quoted name), else ``k``."""
        lex = self.lex
        nxt = toks[k + 1] if k + 1 < hi else None
        if nxt is None or not nxt.word or not (
                (toks[k].low in lex.channel_preps and (nxt.text[0].isupper() or nxt.low in lex.agency_nouns))
                or (toks[k].low in lex.channel_genitive and (  # ("на BiT": a name in Latin letters)
                    nxt.low in lex.agency_nouns or nxt.text.isascii() or self._outlet_at(toks, k + 1) is not None))):
            return k
        if any(self._person(m) and m.span[0] == nxt.s for m in self.mentions_in(nxt.s, nxt.e)):
            return k  # ("каза за предаването „Метроном“ по Сотир Иванов": the channel's name lost, a person follows)
        c = k + 2
        if toks[k + 1].low in lex.agency_nouns and c + 1 < hi and not toks[c].word and toks[c].s in self.name_marks \
                and toks[c + 1].s in self.name_at:
            return self._past_outlet_name(toks, c, hi)
        if toks[k + 1].low in lex.agency_nouns and c < hi and toks[c].word and toks[c].text[0].isupper():
            return self._past_outlet(toks, c, hi)  # "на телевизия Bulgaria ON AIR": the noun, then the name
        return self._past_outlet(toks, k + 1, hi, single=True)

    def _past_outlet(self, toks: list[Tok], k: int, hi: int, single: bool = False) -> int:
        """The token after an outlet's name that starts at token ``k``: the KB's outlet whole ("в интервю за Дейли
        мейл"), and no further ("пред БНТ Величка Божерикова": who spoke follows); else the capitalised run (one word
        only when ``single``)."""
        kb = self._outlet_at(toks, k)
        if kb is not None:
            while k < hi and toks[k].s < kb.span[1]:
                k += 1
            return k
        if single:
            return k + 1
        while k < hi and toks[k].word and toks[k].text[0].isupper():
            k += 1
        return k

    def _trim(self, toks: list[Tok], a: int, b: int) -> tuple[int, int] | None:
        stop = self.lex.stop
        named = a < b and toks[b - 1].q >= 0 and self._quoted_name(toks, b - 1, b, use=False) == b
        while a < b and (not toks[a].word or toks[a].low in stop) and not (named and a == b - 1):
            a += 1  # (a quoted name stays: "От „Възраждане“ обявиха")
        end = b  # (and after a noun with its genitive: "проучване на „Галъп интернешънъл“")
        while b > a and (not toks[b - 1].word or toks[b - 1].low in stop) and not (
                toks[b - 1].text == ")" and any(t.text == "(" for t in toks[a : b - 1])) and not (  # "(ISW)" stays
                named and b == end):
            b -= 1
        return (a, b) if b > a else None

    def _outlet_noun_end(self, toks: list[Tok], k: int, hi: int) -> int:
        """The token after an outlet's noun at ``k`` ("вестник", "в." that the tokenizer splits in two), else ``k``."""
        lex = self.lex
        if k < hi and toks[k].word and toks[k].low in lex.outlet_nouns:
            return k + 1
        if k + 1 < hi and toks[k + 1].text == "." and toks[k].low + "." in lex.outlet_nouns:
            return k + 2
        return k

    def _past_quoted_outlet(self, toks: list[Tok], k: int, hi: int) -> int:
        """The token after a paper's noun and its name in quote marks at ``k`` ("в. „Билд ам зонтаг“", "в-к „Труд“"),
        else ``k``."""
        j = self._outlet_noun_end(toks, k, hi)
        if j + 1 < hi and not toks[j].word and toks[j].s in self.name_marks and toks[j + 1].s in self.name_at:
            return self._past_outlet_name(toks, j, hi)
        return k

    def _past_outlet_name(self, toks: list[Tok], k: int, hi: int) -> int:
        """The token after an outlet's name in quote marks whose opening mark is token ``k`` (``_outlet_name``
        recorded it): "„Уолстрийт джърнъл“", "„Фокус“"."""
        end = self.name_at[toks[k + 1].s][0]
        k += 1
        while k < hi and toks[k].s < end:
            k += 1
        return k + 1 if k < hi and toks[k].s in self.name_marks else k

    def _outlet_at(self, toks: list[Tok], k: int) -> Mention | None:
        """The KB outlet's mention that starts at token ``k``, if any."""
        return next((m for m in self.mentions_in(toks[k].s, toks[k].e) if m.span[0] == toks[k].s
                     and self._is_outlet(m.entity)), None)

    def _kb_outlet_np(self, m: Mention) -> NP:
        """An outlet the KB knows (``m.entity`` set), as the phrase of a source."""
        assert m.entity is not None
        return NP(m.span, "agency", m.entity, agency=self.doc.entities[m.entity].name, core=m.span)

    def _outlet_np(self, core: Span, name: str | None = None) -> NP:
        """An outlet named at ``core`` (by ``name`` when the agency list gives its canonical one), as a source's
        phrase; its entity is the entities layer's, else a stable own id (:meth:`agency_entity`)."""
        name = name if name is not None else self.text[core[0] : core[1]]
        return NP(core, "agency", self.agency_entity(core, name), agency=name, core=core)

    def _is_outlet(self, eid: str | None) -> bool:
        return self._kind(eid) in MEDIA_KINDS

    def _entity(self, eid: str | None) -> Entity | None:
        return self.doc.entities.get(eid) if eid else None

    def _person(self, m: Mention) -> bool:
        """A mention of a person: by its tag, or by its entity when the tagger read the name as something else
        ("изданието Тръмп" tagged PRO, linked to Donald Trump)."""
        ent = self._entity(m.entity)
        return m.type == "PER" or (ent is not None and ent.type == "PER")

    def _wire(self, np: NP) -> bool:
        """The phrase names a news agency (a wire service by the KB's kind; "агенцията" by the one it stands for), not
        a paper or a channel."""
        return self._kind(np.entity) == "news_agency"

    def _names_person(self, np: NP) -> bool:
        """The phrase names a person: a person's name in its core (or in it)."""
        return any(self._person(m) for m in self.mentions_in(*(np.core or np.span)) if m.form == "name")

    def _known_place(self, m: Mention) -> bool:
        """A mention of a city, region or country the KB places (a government speaks "from" none of them by name)."""
        ent = self._entity(m.entity)
        return ent is not None and ent.type == "LOC" and bool(ent.codes or ent.country)

    def _kind(self, eid: str | None) -> str | None:
        ent = self._entity(eid)
        return ent.kind if ent is not None else None

    def resolve(self, toks: list[Tok], r: tuple[int, int] | None, st: State) -> NP | None:
        """What a phrase names: a mention's entity, an agency, a role, a pronoun or a medium."""
        if r is None:
            return None
        a, b = r
        span = (toks[a].s, toks[b - 1].e)
        lex = self.lex
        lows = [t.low for t in toks[a:b]]
        if b - a == 1 and (lows[0] in lex.relatives or lows[0] in lex.relative_adverbs):
            return None  # "пазара, откъдето се смята, че ...": a relative word whose noun names no speaker
        if b - a == 1 and lows[0] in lex.apposition_relatives and a >= 2 and toks[a - 1].text == "," \
                and (ante := self.resolve(toks, self.np_before(toks, a - 1, max(0, a - 12)), st)) is not None:
            # "The Washington Post, which wrote that ...": the pronoun is the speaker's mention (as PolNeAR marks
            # it), who it is comes from its noun (it had been the last speaker)
            return NP((toks[a].s, toks[a].e), ante.kind, ante.entity, ante.agency, ante.institution)
        if self.datelines and any(d0 <= span[0] and span[1] <= d1 for d0, d1 in self.datelines):  # (most have none)
            return None  # "WASHINGTON (Reuters) - ...": where and by whom the report was filed, not a speaker
        ms = [m for m in self.mentions_in(*span) if m.form in ("name", "role", "pronoun") and (
            m.type in ("PER", "ORG") or (m.type == "PRO" and self._is_outlet(m.entity))  # the KB's outlets are PRO
            or (m.type == "LOC" and self._kind(m.entity) == "government")  # "в пресс-службе Кремля"
            or (m.type == "LOC" and m.span == span and self._kind(m.entity) == "country"))]  # "съобщи Катар"
        agency = None
        for k in range(a, b):
            hit = self.match_agency(toks, k, b)
            if hit:
                agency = (k, hit[0], hit[1])
                break
        if agency is None and b - a == 1 and "." in toks[a].text and DOMAIN.match(toks[a].text):  # "съобщи finanz.ru"
            agency = (a, b, toks[a].text)
        # "кореспондентът на БНТ Иван Петров": an office of an outlet, then the person who holds it; the person
        # speaks (the outlet is the statement's source: _statement_owner)
        staff = lex.is_role(lows[0]) and any(m.type == "PER" and m.form == "name" and m.span[0] > span[0] for m in ms)
        if a > 0 and b - a > 1 and toks[a - 1].low in lex.skip_pp and (lead := next((
                m for m in ms if m.span[0] == span[0] and m.span[1] < span[1] and m.entity is not None
                and self._is_outlet(m.entity)), None)) is not None:
            # "Пред БНТ министърът заяви": the outlet told is no part of who spoke (it is the statement's source)
            rest = bisect_left(toks, lead.span[1], a, b, key=attrgetter("s"))
            return self.resolve(toks, (rest, b), st) if rest < b else None
        if b - a > 2 and lows[0] in lex.unnamed_sources and lows[1] in lex.genitive and any(
                self._is_outlet(m.entity) for m in ms if m.entity):
            return NP(span, "role", None)  # "Източници на Ройтерс съобщиха": who the outlet heard speak
        for m in ms:
            ent = self.doc.entities.get(m.entity) if m.entity else None
            if ent is not None and ent.kind in MEDIA_KINDS and not (staff and m.span[0] > span[0]):
                return NP(span, "agency", m.entity, agency=ent.name, core=m.span)
        if agency is not None and not staff and (not ms or all(m.span[0] >= toks[agency[0]].s for m in ms)):
            core = (toks[agency[0]].s, toks[agency[1] - 1].e)
            return NP(span, "agency", self.agency_entity(core, agency[2]), agency=agency[2], core=core)
        inst = _has_seq(lows, lex.institutions)
        per = [m for m in ms if m.type == "PER"]
        if not per and ms and any(lex.role_word(w) for w in lows[:3]):
            # "главният преговарящ на ЕС": a person by role; the organisation is only a genitive. The last speaker
            # only if their phrase named that body too ("говорителят на СДВР" after a minister is someone else)
            same = all(m.entity in st.speaker_bodies for m in ms if m.entity)
            return NP(span, "role", st.last_speaker if same else None, institution=False)
        if ms:
            m = (per or ms)[-1]
            if self.text[m.span[0] - 1 : m.span[0]] == "(":  # "Световната здравна организация (СЗО)": the name
                m = next((o for o in (per or ms) if self.text[o.span[1] : m.span[0]] in (" (", "(")), m)
            if m.type == "PER":  # a person is a source only through the body the phrase opens with ("Кабинетът на
                # премиера X", "Израелското правителство ..."), not as "началникът на полицията X"
                head = _has_seq(lows[:1], lex.institutions) or (
                    b - a > 1 and toks[a].text[:1].isupper() and (lows[1],) in lex.institutions)
                if head and b - a > 1 and lows[0] in lex.agency_nouns and m.span[0] == toks[a + 1].s:
                    return self.resolve(toks, (a, a + 1), st)  # "Според агенцията Путин ще ...": the outlet alone
                return NP(span, "name", m.entity, institution=head, core=span if head else m.span)
            state = m.type == "LOC" and self._kind(m.entity) == "country"  # a state speaks, it is not an outlet
            core = m.span
            if self.text[m.span[0] - 1 : m.span[0]] == "(" and m.span[1] < span[1] and (cap := next((
                    k for k in range(a, b) if toks[k].text[:1].isupper() and toks[k].e < m.span[0] - 1), None)) \
                    is not None:  # "британското Сдружение на производителите ... (SMMT)", a name the tagger missed:
                core = (toks[cap].s, len(self.text[: m.span[0] - 1].rstrip()))  # the name before its acronym
            return NP(span, "name", m.entity, institution=not state and (inst or m.type in ("ORG", "LOC")),
                      core=core)
        if lex.body_heads and any(t.q >= 0 for t in toks[a:b]) and any(t.text in lex.body_heads for t in toks[a:b]):
            return NP(span, "name", None, institution=True)  # Агенция „Пътна инфраструктура“: a body, no outlet
        if any(w in lex.agency_nouns for w in lows):
            if b + 1 < len(toks) and toks[b].s in self.name_marks and toks[b + 1].s in self.name_at:
                # "съобщи специализираният сайт „Кибер новини“": the outlet named right after its noun
                end, name, _noun = self.name_at[toks[b + 1].s]
                core = (toks[b + 1].s, end)
                close = toks[self._past_outlet_name(toks, b, len(toks)) - 1].e  # (with its closing mark)
                return NP((span[0], max(end, close)), "agency", self.agency_entity(core, name), agency=name, core=core)
            named: list[Tok] = []  # the last run of capitalised words (a sentence's first word is no evidence)
            for k in range(a, b):
                t = toks[k]
                if t.text[0].isupper() and t.low not in lex.stop and t.low not in lex.agency_nouns and (
                        k > 0 or t.text.isupper()):
                    if not named or named[-1] is not toks[k - 1]:
                        named = []
                    named.append(t)
            if named and any(self._person(m) and m.span[0] <= named[0].s < m.span[1]
                             for m in self.mentions_in(named[0].s, named[-1].e)):
                # "Според изданието Тръмп се опитвал ...": a person after the noun begins the clause; the noun is the
                # outlet named before (stop 45)
                noun = next(k for k in range(a, b) if lows[k - a] in lex.agency_nouns)
                if noun < b - 1 and toks[noun + 1].s >= named[0].s:
                    if st.last_agency is not None:
                        return self.resolve(toks, (a, noun + 1), st)
                    cut = (span[0], toks[noun].e)
                    return NP(cut, "agency_noun", None, agency=self.text[cut[0]:cut[1]], core=cut)
            if named:  # "the official IRNA news agency", "агенция ИРНА": an agency of its own, not the last one
                core = (named[0].s, named[-1].e)
                name = self.text[core[0]:core[1]]
                return NP(span, "agency", self.agency_entity(core, name), agency=name, core=core)
            body = self._body_antecedent(lex.body_anaphors[lows[-1]], span[0], after=st.last_agency[0][0]) \
                if st.last_agency is not None and b - a == 1 and lows[-1] in lex.body_anaphors else None
            if body is not None:  # "каза пред БНТ ... Агенция „Пътна инфраструктура“ ... От агенцията уточниха":
                return NP(span, "name", body, institution=True)  # the body named since the outlet
            if st.last_agency is not None and (lows[0] in lex.agency_nouns or not _has_seq(lows[:1], lex.roles)) \
                    and not any(w in lex.plural_agency_nouns for w in lows):
                # "the agency said", "агенцията съобщи": the agency named before ("Источники газеты" are sources)
                _sp, name, eid = st.last_agency
                if (kind := self._kind(eid)) is not None and kind not in MEDIA_KINDS:  # a state agency ("ДАНС
                    return NP(span, "name", eid, institution=True)         # ... съобщиха от агенцията"): it speaks
                return NP(span, "agency_noun", eid, agency=name)
            if st.last_agency is None and b - a <= 3 and lex.definite_endings and (lows[0].endswith(
                    lex.definite_endings) or (b - a > 1 and lex.indefinite_adjective_endings and all(
                        len(w) > 3 and w.endswith(lex.indefinite_adjective_endings) for w in lows[:-1]))) \
                    and lows[-1] not in lex.plural_agency_nouns and lows[-1] not in \
                    lex.body_anaphors and (b - a == 1 or (lows[-1] in lex.agency_nouns and all(
                        w.endswith(lex.adjective_endings) for w in lows[:-1]))):
                # "..., пише изданието" with no outlet named before: an outlet all the same, which the text does not
                # name (a source without an entity); so with its adjectives: "съобщи полската телевизия", "пише
                # столичен всекидневник"
                return NP(span, "agency_noun", None, agency=self.text[span[0]:span[1]])
        if lows[0] in lex.pronouns and not ms:  # "он журналистам", "той пред тях"
            return NP((toks[a].s, toks[a].e), "pronoun", self._referent(lows[0], st, toks[a].s))
        caps = [t for t in toks[a:b] if t.text[0].isupper() and t.low not in lex.stop and t.low not in lex.pronouns]
        if caps and not (len(caps) == 1 and caps[0] is toks[a] and (
                (lows[0],) in lex.roles or lows[0] in lex.body_anaphors)):  # "Министр также", "Организацията посочи"
            return NP(span, "name", None, institution=inst)
        if lows[-1] in lex.body_anaphors and (b - a == 1 or (b - a == 3 and lows[1] in lex.genitive and (
                lows[0] in lex.medium or (lows[0],) in lex.institutions))) \
                and (eid := self._body_antecedent(lex.body_anaphors[lows[-1]], span[0])) is not None:
            return NP(span, "name", eid, institution=True)  # "уточниха от министерството": the ministry named before
        if _has_seq(lows, lex.roles):
            # "Министрите", "източници", "високопоставен източник от лагера ...": a group or no one named, not the
            # last speaker
            one = not inst and lows[0] not in lex.group_roles and not (
                len(lows) > 1 and lows[1] in lex.group_roles and not lex.is_role(lows[0]))
            return NP(span, "role", st.last_speaker if one else None, institution=inst)
        if any(w in lex.medium for w in lows):
            if b - a == 2 and lows[0] in lex.medium and lows[1] in lex.according_pronouns:
                return NP(span, "medium", self._referent(lows[1], st, span[0]))  # "се казва в изявлението му": his
            if lows[-1] not in lex.medium:  # "заявлении министерства": the owner is named, but not as an entity
                return NP(span, "owned_medium", None)
            return NP(span, "medium", st.medium_author or st.last_speaker)
        if lows[-1] in lex.pronouns:
            return NP(span, "pronoun", self._referent(lows[-1], st, span[0]))
        return NP(span, "phrase", None, institution=inst)

    def _body_antecedent(self, stem: str, pos: int, after: int = -1) -> str | None:
        """The body a definite generic noun refers back to ("дирекцията" after "Регионалната дирекция „Гранична
        полиция“"): the nearest earlier organisation, within ``_BODY_BACK`` characters, whose name or the few
        words before it has a word on one of the noun's stems ("|"; "@company": any company the KB knows)."""
        stems = tuple(stem.split("|"))
        k = bisect_left(self.m_starts, pos)
        while k > 0:
            k -= 1
            m = self.mentions[k]
            if m.span[0] < pos - _BODY_BACK or m.span[0] < after:
                return None
            if m.type != "ORG" or m.entity is None or m.span[1] > pos:
                continue
            if "@company" in stems and self._kind(m.entity) == "company":  # "„Софарма“ АД ... дружеството"
                return m.entity
            own = WORD.findall(self.text[m.span[0]:m.span[1]].lower())
            before = WORD.findall(self.text[max(0, m.span[0] - 30):m.span[0]].lower())[-2:]
            if before and before[-1] in self.lex.genitive:  # "Комисията на ЕС" is not the EU
                before = []
            if any(w.startswith(stems) for w in own + before):  # (its name, or its noun: "организация „Грийнпийс“")
                return m.entity
        return None

    def _referent(self, pronoun: str, st: State, pos: int | None = None) -> str | None:
        """Who a pronoun speaker is: the sentence's opening person or the last speaker; a plural pronoun ("те",
        "тях", "они") is a group, never that one person. A pronoun of the other gender than that person's name
        ("... Юлия Свириденко. Тя написа" after Скот Бесънт spoke) is the nearest person named before it of its own."""
        if pronoun in self.lex.plural_pronouns:
            return None
        who = st.subject or st.last_speaker
        want = self.lex.pronoun_gender.get(pronoun)
        if want is None or pos is None or who is None or self._gender(who) in (None, want):
            return who
        k = bisect_left(self.m_starts, pos)
        while k > 0:
            k -= 1
            m = self.mentions[k]
            if m.span[0] < pos - _GENDER_BACK or "\n" in self.text[m.span[1]:pos]:
                break  # (within its paragraph)
            if m.type == "PER" and m.form == "name" and m.entity and m.span[1] <= pos and self._gender(m.entity) == want:
                return m.entity
        # else the last speaker before the paragraph, if of its gender ("... посочи Юнкер. \n\nТой припомни изказване
        # на премиера Тереза Мей, според която ..., и отбеляза, че ...": Juncker)
        para = self.text.rfind("\n", 0, pos)
        last = next((q.speaker.entity for q in reversed(self.out.quotes[-8:]) if q.speaker.entity
                     and q.span[0] < para), None)
        return last if last is not None and self._gender(last) == want else None

    def _gender(self, eid: str) -> str | None:
        """"f" or "m" by the person's fullest name in the text (its base form), by the pack's name endings."""
        if eid in self._genders:
            return self._genders[eid]
        g = self.lex.person_gender(self.text, self.mentions, eid)
        self._genders[eid] = g
        return g

    def agency_entity(self, span: Span, name: str) -> str:
        """The entity of an agency name: the entities layer's when it has one, else a stable own id. A place named
        inside the name is not the outlet ("American Conservative", "Радио Свободна Европа")."""
        for m in self.mentions_in(*span):
            if m.entity and ((m.span[0] <= span[0] and m.span[1] >= span[1]) or m.type != "LOC"):
                return m.entity
        for eid, e in self.doc.entities.items():
            if e.name.casefold() == name.casefold():
                return eid
        kb = media_kb().get(name.casefold())
        if kb is not None:
            eid, ent = kb
            self.doc.entities.setdefault(eid, Entity(name=ent.name, type=ent.type, codes=dict(ent.codes),
                                                     kind=ent.kind, country=ent.country))
            return eid
        # (a Cyrillic name has no Latin slug: the entities layer's id for an unknown name, from its key)
        s = slug(name)  # ("Н1" has only the digit: no slug of its own)
        eid = "vk:" + s if any(c.isalpha() for c in s) else unknown_id(name_key(name))
        self.doc.entities.setdefault(eid, Entity(name=name, type="ORG", kind="news_agency"))
        return eid

    # ------------------------------------------------------------------ output
    def add_source(self, np: NP, sent: Span, cue: Span | None, evidence: str) -> int:
        """The index of the source ``np`` names: the first one with its span or, in the same sentence, its entity
        (spans, scopes and entities do not change until :meth:`finish`), else a new one."""
        out = self.out
        found = [k for k in (out.source_at.get(np.span),
                             out.source_of.get((sent, np.entity)) if np.entity is not None else None) if k is not None]
        if found:
            return min(found)
        span = np.core or np.span
        k = out.source_at.get(span)
        if k is not None:
            return k
        k = len(out.sources)
        out.sources.append(Source(span=span, entity=np.entity, scope=sent, cue=cue, evidence=evidence))
        out.source_at.setdefault(span, k)
        if np.entity is not None:
            out.source_of.setdefault((sent, np.entity), k)
        return k

    def _coordinated_agencies(self, np: NP, sent: Span) -> list[NP]:
        """Agencies and outlets named right after a source agency with "и", "and" or a comma ("Асошиейтед прес и Си
        Ен Ен", "Reuters and AP"): each passed the news on too."""
        out: list[NP] = []
        end = (np.core or np.span)[1]
        for m in self.mentions_in(end, sent[1]):
            ent = self.doc.entities.get(m.entity) if m.entity else None
            if m.form != "name" or m.span[0] < end or not _COORD_GAP.fullmatch(self.text, end, m.span[0]):
                break
            if ent is None or ent.kind not in MEDIA_KINDS:
                break
            out.append(NP(m.span, "agency", m.entity, agency=ent.name, core=m.span))
            end = m.span[1]
        if (m2 := _COORD_NOUN_NAME.match(self.text, end, sent[1])) is not None and m2.group(2) not in self.lex.coordinators \
                and m2.group(1).lower() in self.lex.agency_nouns and m2.group(1).islower() \
                and not any(m.span[0] < m2.end(2) and m2.start(2) < m.span[1] and m.type in ("PER", "LOC")
                            for m in self.mentions_in(m2.start(2), m2.end(2))):
            sp = m2.span(2)
            if (known := next((m for m in self.mentions_in(*sp) if m.span[0] == sp[0] and m.form == "name"),
                              None)) is not None:
                sp = known.span  # (the mention's whole name: "агенцията Франс прес")
            out.append(NP(sp, "agency", known.entity if known else None, agency=self.text[sp[0]:sp[1]], core=sp))
            end = sp[1]  # "... и украинската агенция Укринфром": an outlet its noun names, known to the KB or not
        if self.lex.plural_agency_nouns and (gap := _COORD_GAP.match(self.text, end, sent[1])) is not None and \
                self.text[gap.start() : gap.end()].strip(" ,\"“”„«»") in self.lex.coordinators:
            words = list(_KIND_WORDS.finditer(self.text, gap.end(), min(sent[1], gap.end() + 40)))[:3]
            last = next((k for k, w in enumerate(words) if w.group().lower() in self.lex.plural_agency_nouns), None)
            if last is not None and all(w.group()[:1].islower() for w in words[: last + 1]) and all(
                    self.text[words[k].end() : words[k + 1].start()] == " " for k in range(last)):
                # "информират „Ройтерс“ и други медии": outlets told by their kind pass the news on with it
                out.append(NP((words[0].start(), words[last].end()), "phrase", None))
        return out

    def _relay_chain(self, ks: list[int]) -> None:
        """An agency that relays the news at the sentence's end cites the source named before it in the sentence:
        "каза Порошенко пред вестник „Ханделсблат“, съобщи АФП", "предава „Франс прес“, съобщава БТА", "каза Трюдо
        в интервю за Франс прес ..., цитиран от БТА" (the agency that relays it passed on the other's report)."""
        srcs = self.out.sources
        order = sorted(set(ks), key=lambda k: srcs[k].span)
        for n, k in enumerate(order):
            s = srcs[k]
            if n == 0 or s.cites is not None or (s.evidence not in ("source:info", "source:relay:info", "source:cited_by")
                                                 and not self._outlet_cue(s)):
                continue
            group = self._coordinated_before(k, order)
            prev = next((e for e in reversed(order[:n]) if e not in group and srcs[e].span[1] <= s.span[0]), None)
            if prev is None:
                continue
            seen: set[int] = {k}  # no loop: the earlier source's own chain must not come back to this one
            c: int | None = prev
            while c is not None and c not in seen:
                seen.add(c)
                c = srcs[c].cites
            if c is None:
                s.cites = prev

    def _outlet_cue(self, s: Source) -> bool:
        """Whether a speech source's cue is an outlet's verb ("..., съобщава вестник The Times, пише izvestia.ru"):
        the outlet that writes it at the sentence's end relays what was named before, as an agency's "съобщи" does."""
        return s.evidence == "source:speech" and s.cue is not None and \
            self._lower_text()[s.cue[0]:s.cue[1]] in self.lex.outlet_verbs

    def _coordinated_before(self, k: int, ks: list[int]) -> list[int]:
        """Source ``k`` and those of ``ks`` named right before it with "и", "and" or a comma: what one of them cites,
        all cite."""
        by_end = {self.out.sources[s].span[1]: s for s in ks}
        out, start = [k], self.out.sources[k].span[0]
        while True:
            prev = next((s for end, s in by_end.items() if end <= start and s not in out
                         and _COORD_GAP.fullmatch(self.text, end, start)), None)
            if prev is None:
                return out
            out.append(prev)
            start = self.out.sources[prev].span[0]

    def _respan(self, k: int, span: Span) -> None:
        """Give quote ``k`` a new span (``quote_spans`` counts the spans the quotes have now)."""
        counts, old = self.out.quote_spans, self.out.quotes[k].span
        counts[old] -= 1
        if not counts[old]:
            del counts[old]
        counts[span] += 1
        self.out.quotes[k].span = span

    def add_quote(self, span: Span, direct: bool, cue: Span | None, np: NP | None, st: State, para: int,
                  evidence: str, entity: str | None = None) -> int | None:
        a, b = span
        text = self.text
        if self.datelines:  # (most pages have none: no generator then)
            a = next((d1 for d0, d1 in self.datelines if d0 <= a < d1), a)
        while a < b and text[a] in " \t,:;—–-":
            a += 1
        if (m := _STAMP.match(text, a, b)) is not None:
            a = m.end()
        while b > a and text[b - 1] in " \t,.;:—–-":
            b -= 1
        if b > a and text[b - 1] == '"' and text.count('"', a, b) % 2:  # a stray closing mark („паунда ",")
            b -= 1
            while b > a and text[b - 1] in " \t,.;:—–-":
                b -= 1
        if b - a < (2 if evidence == "quote:turn" else 3) or (not direct and self.lex.indirect_min_words > 1
                         and len(text[a:b].split()) < self.lex.indirect_min_words):
            return None  # (reported speech is a clause: one word before ", заяви ..." is a sentence adverb, "Официално";
            # a dialogue's turn may be two letters: "- Да! - Не.")
        if (a, b) in self.out.quote_spans:  # one quote per content
            return None
        if np is None and entity is None and cue is not None and para - st.last_speaker_para <= 1 \
                and self._subjectless(cue, (a, b)):
            entity = st.subject or st.last_speaker  # "Добави, че ...", "И добави: „…“": who spoke before (no span:
            # nothing in the text names him there)
            ent0 = self.doc.entities.get(entity) if entity else None
            if ent0 is not None and ent0.type == "PER" and self.text[cue[0] : cue[1]].lower().endswith(
                    self.lex.plural_cue_endings):
                entity = None  # "Казват, че ...", "Обещаха, че ...": they, not the one person before
            implicit = True
        else:
            implicit = False
        spk = Speaker(span=np.span if np else None, entity=np.entity if np else entity)
        self.out.quote_spans[(a, b)] = 1  # (absent, as asked above: no Counter.__missing__ call for a 0)
        self.out.quotes.append(Quote(span=(a, b), direct=direct, cue=cue, speaker=spk, evidence=evidence))
        self.out.quote_para.append(para)
        self.out.quote_kind.append(np.kind if np else "none")
        ent = self.doc.entities.get(spk.entity) if spk.entity else None
        if spk.entity is not None and not implicit and (np is None or np.kind not in ("agency", "agency_noun")) and (
                st.last_speaker is None or ent is None or ent.type == "PER"):  # ("По думите му" after the Kremlin
            st.last_speaker = spk.entity                                        # spoke is the president still)
            st.last_speaker_para = para
            st.subject = None
            st.speaker_bodies = frozenset(m.entity for m in self.mentions_in(*np.span) if m.entity and m.type == "ORG") \
                if np is not None else frozenset()
        return len(self.out.quotes) - 1

    def _subjectless(self, cue: Span, content: Span) -> bool:
        """Whether the cue's clause names no subject ("Добави, че ...", "И добави: „…“", "„…“, добави."): before the
        cue in its sentence, besides the quote itself, only conjunctions and the adverbs a cue may follow."""
        text, lex = self.text, self.lex
        low = text[cue[0] : cue[1]].lower()
        if low.endswith(lex.participle_endings or ("\0",)) or low.endswith((*lex.reflexive_endings, *lex.definite_endings)) \
                or low.split(" ", 1)[0] in lex.reflexives or low.rsplit(" ", 1)[-1] in lex.reflexives \
                or low in lex.passive_cues:
            return False  # a participle shares its own clause's subject; "Сообщается", "се посочва", "Говори се": no one;
            # "Предположението, че": a noun's; "Беше установено, че": by whom, the passive does not say
        s0 = max(text.rfind(c, 0, cue[0]) for c in ".!?\n") + 1
        if content[0] < cue[0]:
            s0 = max(s0, content[1] + 1) if content[0] >= s0 - 1 else s0
            e0 = m.start() if (m := _CLAUSE_END.search(text, cue[1])) is not None else len(text)
        else:
            e0 = content[0]
        # before the cue, and between it and what was said (or the sentence's end), no word that could name anyone:
        # not '„…“, писа във в. „Сънди телеграф“ министърът Джереми Хънт', "Отбелязва се, че", "информирует «…»"
        marks = ",:;„“”\"'«»–—-"
        before = [w.strip(marks) for w in text[s0 : cue[0]].lower().split()]
        after = [w.strip(marks) for w in text[cue[1] : e0].lower().split()]
        if (before and before[-1] in lex.reflexives) or (after and after[0] in lex.reflexives):
            return False  # "В насоките ... от 2017 г. се посочва, че", "Отбелязва се, че": impersonal
        return all(not w or w in lex.skip_before or w in lex.coordinators or w in lex.complementizers
                   for w in before + after)

    def _opening_person(self, a: int, b: int) -> str | None:
        """The entity of :meth:`_opening_mention`."""
        m = self._opening_mention(a, b)
        return m.entity if m is not None else None

    def _opening_mention(self, a: int, b: int) -> Mention | None:
        """The person a sentence opens with as its subject: a PER name within its first three words, after a
        capitalised role at most ("Премиерът Николай Денков определи ..."), else None."""
        ms, starts = self.mentions, self.m_starts  # the first mention of a person with an entity there (the range of
        k0 = bisect_left(starts, a)                # mentions_in's, read inline: it is asked for every sentence)
        while k0 > 0 and ms[k0 - 1].span[1] > a:
            k0 -= 1
        k1 = bisect_left(starts, b)
        j = bisect_left(self.person_at, k0)
        m = ms[self.person_at[j]] if j < len(self.person_at) and self.person_at[j] < k1 else None
        ent = self.doc.entities.get(m.entity) if m is not None and m.entity else None
        if m is None or m.form not in ("name", "role") or ent is None or ent.type != "PER":
            return None  # (not "Британците ...": a people is a PER mention of its country)
        # (at most 8 splits: a lead of 9 words or more gives 9 strings, and is none, below; a shorter one all of its
        # words, as a full split)
        lead = self.text[a : m.span[0]].split(maxsplit=8)
        plain = len(lead) <= 3  # (a plain loop: cheaper than any() over a generator for up to three words)
        if plain:
            for w in lead:
                if not w[:1].isalpha() or w.lower() in self.lex.stop:
                    plain = False
                    break
        if not plain:
            # "Председателят на Асоциацията на зърнопроизводителите Илия Проданов определи ...": an office, its
            # genitives (definite nouns, names), then the holder
            if len(lead) > 8:
                return None  # (the test below fails first thing: no office of the lead's words is read)
            lex = self.lex
            lead = [w.strip("\"„“”«»'") or w for w in lead]  # "Съпредседателят на „Продължаваме промяната“ ..."
            words = [w.lower() for w in lead]
            # the office's noun: the first word or, after up to three adjectives, a later one ("Главният държавен
            # здравен инспектор доц. Ангел Кунчев")
            # (a plain loop: a word before the noun must be no stop word and all letters, so the first that is not
            # ends the look; the last role word reached is the noun, as the largest such index)
            i = -1
            stop = lex.stop
            for k in range(min(4, len(words))):
                w = words[k]
                if lex.role_word(w):
                    i = k
                if w in stop or not w.isalpha():
                    break
            if i < 0:
                return None  # (no office noun: the test below would fail on its first word, no role word)
            # (a plural noun after a plural adjective: "министър по европейските въпроси")
            if not all(
                    (w in lex.genitive or w in lex.affiliation or w.endswith(lex.definite_endings) or o[:1].isupper()
                     or (w.endswith(".") and w[:-1] in lex.abbreviations)  # a title: "инспектор доц. Ангел Кунчев"
                     or (w in lex.locatives and m + 1 < len(lead) and lead[m + 1][:1].isupper())  # "на САЩ в София"
                     or (words[m - 1] in lex.genitive and o.isalpha())  # "на парламента": the genitive's noun
                     or (m > i + 1 and bool(lex.plural_adjective_endings)
                         and words[m - 1].endswith(lex.plural_adjective_endings))) and (
                        o[-1:].isalpha() or (w.endswith(".") and w[:-1] in lex.abbreviations))
                    for m, (w, o) in enumerate(zip(words[i + 1:], lead[i + 1:], strict=True), start=i + 1)):
                return None
        return m

    # ------------------------------------------------------------------ the frames
    def _nested(self, dq: DQ, para: int) -> None:
        """Reported speech inside a direct quote ("„... Слава Севрюкова казва, че третата световна война ще бъде
        между християни и мюсюлмани ...“, разказва Нанев"): the speaker quotes someone else's words, which are that
        person's statement as the speaker tells it. Only "че" frames, a colon's words and quotes of a third party are
        kept (_third_party: not "казах, че", not a sentence's capitalised first words); sources named inside the
        quote are not the text's."""
        a, b = dq.content
        if b - a < 40:
            return
        # (a quote inside it, after a cue and a colon, is the third party's too: "„... Народът е казал: "Където е
        # текло, пак ще тече". ...“"; its marks are read as a paragraph's are)
        text = self.text
        inner = [d for d in self.direct_quotes([(a, b)])[0] if d.end > d.close
                 and text[max(a, d.open - 3) : d.open].rstrip()[-1:] in COLON_DASHES]
        # (only one a colon or a dash opens; one left open is a stray mark, and a quoted name or a new paragraph's
        # mark, "... в частност. „За това ...", is the outer quote's own text)
        if not inner and not any(text.find(c, a, b) >= 0 for c in self.lex.complementizers):
            return
        out = self.out
        n_q, n_s = len(out.quotes), len(out.sources)
        # (an anaphoric cue inside may name the speaker of a quote before that has none: the quote's words are no
        # statement of the text's, so that stays as it was)
        bare = [(q, q.speaker) for q in out.quotes if q.speaker.span is None]
        st = State()
        for s0, s1 in self.sentence_spans(a, b, inner):
            qs = [qi for qi, d in enumerate(inner) if s0 <= d.open < s1]
            if qs or self.may_cue(s0, s1):
                toks = self.tokens_outside(s0, s1, inner, qs)
                self.sentence(toks, 0, len(toks), inner, st, para, bool(qs))
        for q, was in bare:
            q.speaker = was
        if len(out.sources) > n_s:
            del out.sources[n_s:]  # (with the look-ups that point at them)
            out.source_at = {k: v for k, v in out.source_at.items() if v < n_s}
            out.source_of = {k: v for k, v in out.source_of.items() if v < n_s}
        keep = list(range(n_q))
        for k in range(n_q, len(out.quotes)):
            q = out.quotes[k]
            kind = out.quote_kind[k]
            framed = q.evidence.startswith("quote:indirect")
            quoted = q.direct and q.evidence.startswith("quote:direct:") and any(d.content == q.span for d in inner) \
                and q.cue is not None and q.cue[1] <= q.span[0]  # (a cue after the inner quote's mark says the
            # marks are astray: the outer quote closed there)
            if (q.direct and not quoted) or q.cue is None or not (
                    framed or quoted or q.evidence.startswith("quote:colon")) \
                    or not (a <= q.span[0] and q.span[1] <= b) or not self._third_party(q, kind):
                continue
            # (a colon's or a spaced dash's words are as much the third party's: "„Мисля, че успехите ще продължат.
            # Народът е казал - там, където е текло, пак ще тече“, отбеляза Робева")
            q.sources = [i for i in q.sources if i < n_s]
            q.evidence = q.evidence.replace(
                "quote:indirect" if framed else "quote:direct" if quoted else "quote:colon", "quote:nested", 1)
            keep.append(k)
        if len(keep) < len(out.quotes):
            self._keep_quotes(keep)

    def _third_party(self, q: Quote, kind: str) -> bool:
        """Whether a "че" frame inside a quote reports someone other than the quote's speaker: a name the tagger
        knows, an office, a third-person pronoun, a group's plural noun with its article ("Пациентите казват, че"), or
        no subject at all but a verb's ending ("Каза ми, че ...", not "Убедена съм, че ...", "се считаше, че")."""
        sp, text, lex = q.speaker.span, self.text, self.lex
        if sp is None:
            assert q.cue is not None
            c0, c1 = q.cue
            before = text[max(0, c0 - 4) : c0].split()
            return q.speaker.entity is None and text[c0:c1].lower() not in lex.stance_words \
                and not (before and before[-1].lower() in lex.reflexives)
        said = text[sp[0] : sp[1]]
        words = said.split()
        # (a noun with the full article is no one's "I", singular as well: "Народът е казал - ..."; nor is a name of
        # two capitalised words the tagger missed: "Дядо Влайчо е казал, че ...", a sentence's first word alone may
        # be any word)
        return (kind == "name" and q.speaker.entity is not None) or kind == "role" or (
            kind == "pronoun" and said.lower() in lex.third_pronouns) or (
            kind == "name" and said[:1].isupper() and words[0].lower().endswith(lex.plural_definite)) or (
            kind == "name" and len(words) == 1 and said[:1].isupper() and bool(lex.subject_endings)
            and said.lower().endswith(lex.subject_endings)) or (
            kind == "name" and len(words) >= 2 and all(w[:1].isupper() and w.isalpha() for w in words))

    def run_item(self, paras: list[Span], headline: Span | None = None) -> None:
        st = State()
        blocks = ([headline] if headline else []) + paras
        # a paragraph may have a source label only if the text has one of its keys (most have none: no look per
        # paragraph then)
        label_keys: tuple[str, ...] = _derived("label key cores", self.lex.label_keys, _key_cores) \
            if self.lex.source_label is not None else ()
        if label_keys and not any(self.text.find(k) >= 0 for k in label_keys):
            label_keys = ()
        # a site's address may stand between sentences as a credit only if the text names a top-level domain
        if self._sites is None:
            self._sites = _ANY_SITE.search(self.text) is not None
        sites = self._sites
        # a promotion of the outlets ("САМО В ПИК И „РЕТРО“!") is looked for only if the text has one of its phrases
        low = self._lower_text()
        promos = any(low.find(ph) >= 0 for ph in self.lex.promo_phrases)
        dqs = [[dq for dq in qs if not self._outlet_name(dq, blk[0]) and not self._so_called(dq, blk[0])]
               for qs, blk in zip(self.direct_quotes(blocks), blocks, strict=True)]
        for pi, (a, b) in enumerate(blocks):
            quotes = dqs[pi]
            if self.text.find("/", a, b) >= 0 or self.text.endswith(")", a, b):
                self._credit_lines(a, b)
            if sites:
                self._site_credits(a, b, pi > (headline is not None))
            if (pi > 0 or headline is None) and self.lex.headline_colon and (
                    resume := self._speaker_paragraph(a, b, st)) is not None:
                if resume >= b:
                    self.out.para_sents.append([])
                    continue
                a = resume  # (the narrator goes on after the statement's closing mark)
                quotes = [dq for dq in quotes if dq.open >= a]
            if label_keys and any(self.text.find(k, a, b) >= 0 for k in label_keys):
                self._source_labels(a, b)  # (a plain look for the label's tail first: the pattern ignores case)
            if self.lex.first_published:
                self._first_published(a, b)
            if not quotes and not self.triggered(a, b):
                self.out.para_sents.append([])  # nothing to attribute here: skip tokenising
                if self.lex.dialogue_turns and (self._turn_end >= 0 or _label_dash(self.text, a, b)):
                    # (a turn of its own line, "Командирът обяснил:\n- Си бил ...?\n- Да!", or a dialogue's label
                    # with no cue: "Доналд Тръмп: - Не зная, ...")
                    self._turn_sentences(a, b, st, len(self.out.para_sents) - 1)
                if (pi == 0 and headline is not None) or self._headline_like(a, b):
                    self._headline_colon(a, b, st)
                self._named_outlets(a, b, promos)
                continue
            sents = self.sentence_spans(a, b, quotes)
            self.out.para_sents.append(sents)
            q_lo = 0
            for s0, s1 in sents:
                while q_lo < len(quotes) and quotes[q_lo].end <= s0:
                    q_lo += 1
                qs = []
                for qi in range(q_lo, len(quotes)):
                    if quotes[qi].open >= s1:
                        break
                    qs.append(qi)
                n_quotes = len(self.out.quotes)
                if qs or self.may_cue(s0, s1):  # only sentences with a quote mark, a cue or an agency are tokenised
                    toks = self.tokens_outside(s0, s1, quotes, qs)
                    self.sentence(toks, 0, len(toks), quotes, st, len(self.out.para_sents) - 1, bool(qs))
                if self.lex.dialogue_turns and (self._turn_end >= 0 or len(self.out.quotes) > n_quotes):
                    self._dialogue_turn(s0, s1, n_quotes, st, len(self.out.para_sents) - 1)
                elif self.lex.dialogue_turns and self.text[s0] in DASHES:
                    self._dash_run(s0, s1, a, b, st, len(self.out.para_sents) - 1)
                if s0 > a and self.text[s0].isupper() and self.text.find(":", s0, min(s1, s0 + 90)) > 0:
                    self._label_colon(s0, s1, st)
                for qi in qs:  # a label run on after a quote's closing mark ('... попита: "Защо ...?" Симеонов:
                    # Блокадата ... започва в 11.00 часа'): the sentence splitter does not cut after a closing mark
                    p = quotes[qi].end
                    if s0 < p < s1 and self.text[p - 2 : p - 1] in (".", "?", "!") and self.text.startswith(" ", p):
                        p += 1
                        if self.text[p : p + 1].isupper() and self.text.find(":", p, min(s1, p + 60)) > 0:
                            self._label_colon(p, s1, st)
                if self.lex.dialogue_turns and len(self.out.quotes) == n_quotes:
                    self._colon_turn(s0, s1, a, st, len(self.out.para_sents) - 1)
                opening = self._opening_mention(s0, s1)  # (_opening_person, without its call: every sentence asks)
                subject = opening.entity if opening is not None else None
                if subject is not None and subject != st.last_speaker:
                    st.subject = subject
            self._named_outlets(a, b, promos)  # (after the sentences: an outlet a sentence's cue names keeps that reading)
            if (pi == 0 and headline is not None) or self._headline_like(a, b):
                self._headline_colon(a, b, st)
            if self.lex.nested_speech:
                for dq in quotes:
                    if dq.used or dq.quote is not None:
                        self._nested(dq, len(self.out.para_sents) - 1)
            for dq in quotes:  # quotes left without a cue
                if dq.used or dq.quote is not None:
                    continue
                if any(q.span[0] < dq.content[1] and dq.content[0] < q.span[1] for q in self.out.quotes[-8:]) \
                        or self._para_quote_over(dq.content, len(self.out.para_sents) - 1):
                    continue  # (a quote of an earlier paragraph may reach into this one: an English one left open)
                # (too few words: counted up to the least it needs, a split that stops there: a long quote is not cut
                # into all its words)
                few = self.lex.min_words_uncued
                listed = self._listed_saying(dq.open, a)  # (a short saying of a list: "19. "Съединението прави салата.")
                if not (listed or self._starts_clause(dq.open, a)) or len(self.text[dq.content[0]:dq.content[1]].split(
                        maxsplit=few)) < (LISTED_WORDS if listed else few):
                    continue
                if any(m.span == dq.content and m.form == "name" for m in self.mentions_in(*dq.content)):
                    continue  # "„Продължаваме промяната - Демократична България“ получава 37 мандата": a name
                colon = self._colon_cue(blocks, pi, dq, st) or self._colon_subject(dq, a)  # "Той добави:" ending
                inset = self._inset_cue(dq, st) if colon is None else None
                if (found := colon or inset) is not None:
                    cue_span, np = found
                    k = self.add_quote(dq.content, True, cue_span, np, st, len(self.out.para_sents) - 1,
                                       "quote:direct:colon" if colon is not None else "quote:direct:inset")
                    if k is not None:
                        dq.quote = k
                        st.last_quote, st.last_quote_para = k, len(self.out.para_sents) - 1
                        st.last_direct, st.last_direct_para = k, len(self.out.para_sents) - 1
                        continue
                prev = st.last_direct
                if self.lex.merge_continuation and prev is not None and self.out.quotes[prev].span[1] > dq.content[0]:
                    # a later sentence's quote was the last one made: the one before this quote in its paragraph
                    # goes on ("“...,” she said. “But I never ...” She called him “not fit ...”")
                    prev = next((k for k in range(len(self.out.quotes) - 1, max(-1, len(self.out.quotes) - 9), -1)
                                 if self.out.quotes[k].direct and a <= self.out.quotes[k].span[0]
                                 and self.out.quotes[k].span[1] <= dq.content[0]), None)
                if (self.lex.merge_continuation and prev is not None and st.last_direct_para >= len(self.out.para_sents) - 2
                        and self.out.quotes[prev].direct and self.out.quotes[prev].span[1] <= dq.content[0]):
                    q = self.out.quotes[prev]
                    self._respan(prev, (q.span[0], max(q.span[1], dq.content[1])))
                    dq.quote = prev
                    continue
                intro = self._introducer(sents, dq)
                who, at = intro if intro is not None else (None, None)
                owner = self._sayings_owner(dq.open) if who is None and self.lex.sayings_nouns else None
                if owner is not None and st.last_speaker in (None, owner.entity):
                    # "любими мисли от неподражаемия Радой Ралин. 1."..." 2. "..."": all the list's, however long
                    who = owner.entity
                else:
                    owner = None
                k = self.add_quote(dq.content, True, None, None, st, len(self.out.para_sents) - 1, "quote:uncued",
                                   entity=who or st.last_speaker)
                if k is not None:
                    self.out.quote_kind[k] = "salient"
                    spk = self.out.quotes[k].speaker
                    if at is not None:
                        spk.span = at
                    elif spk.entity is not None:  # the speaker's last mention before it, when near: who it is, the
                        near = [m for m in self.mentions_in(max(0, dq.open - SALIENT_REACH), dq.open)  # contract's
                                if m.entity == spk.entity and m.span[1] <= dq.open]                   # speaker span
                        if near:
                            spk.span = near[-1].span
                        elif owner is not None:  # (far down the list: the name that announced it, or the one
                            # just after the list when nearer: "... „Братски се делили ...“ Ако сме пропуснали вашата
                            # любима мисъл от Радой Ралин, ...")
                            after = next((m for m in self.mentions_in(dq.end, dq.end + 2 * SALIENT_REACH)
                                          if m.entity == spk.entity), None)
                            spk.span = after.span if after is not None and (
                                after.span[0] - dq.end < dq.open - owner.span[1]) else owner.span
                    dq.quote = k
                    st.last_quote, st.last_quote_para = k, len(self.out.para_sents) - 1

    def _para_quote_over(self, span: Span, para: int) -> bool:
        """Whether a quote made in paragraph ``para`` (the last ones made) overlaps ``span``: all of them, not the last
        few (a long paragraph's later sentences may have made more: "„От сега нататък ...“ Това казаха военните
        експерти" made before a quote its next sentences cue was read again as uncued)."""
        qs, paras = self.out.quotes, self.out.quote_para
        k = len(qs) - 1
        while k >= 0 and paras[k] >= para:
            if qs[k].span[0] < span[1] and span[0] < qs[k].span[1]:
                return True
            k -= 1
        return False

    def _dialogue_turn(self, s0: int, s1: int, n_quotes: int, st: State, para: int) -> None:
        """A dialogue's turns after one a cue's colon opened ("Командирът обяснил: - Си бил на море? - Да! - А ...? -
        Не."): each sentence (or line) right after it that opens with a dash before a capital is said too, by one of
        the two (no speaker named), and so is an answer run on after the first turn's mark ("Питат радио Ереван:- Кои
        са повече от китайците?- Мераклиите!"); a sentence that opens with no dash ends the dialogue. ``n_quotes``:
        how many quotes there were before the sentence ``[s0, s1)`` was read."""
        text = self.text
        if len(self.out.quotes) > n_quotes:
            q = self.out.quotes[-1]
            p = q.span[0]
            while p > s0 and text[p - 1] in " \t":
                p -= 1
            opened = p > s0 and text[p - 1] in DASHES and (q.evidence.startswith("quote:colon") or self._turn_end >= 0)
            self._turn_end = -1
            if not opened:
                return
            self._turn_end = s1
            e = q.span[1] - (text[q.span[1] - 1] in ".!?…")  # (the quote may hold its end mark)
            m = _TURN_ON.match(text, e, s1)  # "...?- Мераклиите!": the answer written on against the mark
            if m is not None and m.end() < s1:
                self._add_turn(m.end(), s1, st, para)
            return
        if text[s0 : s1].startswith(_TURN_OPENERS) and text[self._turn_end : s0].strip(" \t\n.!?…") == "" \
                and (m := _TURN_DASH.match(text, s0, s1)) is not None and text[m.end()].isupper():
            self._turn_end = s1
            self._add_turn(m.end(), s1, st, para)
        else:
            self._turn_end = -1

    def _colon_turn(self, s0: int, s1: int, a: int, st: State, para: int) -> None:
        """A colon then a dash before a capital opens a dialogue's turn whatever comes before the colon ("са му дали 2
        различни номера кубинки: – Г'син старшина, ...", "Поздравява ги: - Здравейте войници!"): said by no one
        named, when it reads as a turn (_answered). A label's turn ("Тя: - Ето ...") is _label_colon's, at a
        paragraph's start ``a`` too. For a sentence ``[s0, s1)`` that made no quote."""
        text = self.text
        if text.find(":", s0, s1) < 0 or (m := _COLON_TURN.search(text, s0, s1)) is None \
                or not text[m.end()].isupper() or not self._answered(m.end(), s1):
            return
        n_quotes = len(self.out.quotes)
        if s0 == a and text[s0].isupper():
            self._label_colon(s0, s1, st)
        if len(self.out.quotes) == n_quotes:
            self._add_turn(m.end(), s1, st, para)
        if len(self.out.quotes) > n_quotes:
            self._turn_end = s1

    def _answered(self, k: int, s1: int) -> bool:
        """Whether the words ``[k, s1)`` after a colon's dash read as a dialogue's turn, not a list's first item
        ("Примери има много: - Властта взема решение ..."): they ask or exclaim, or another turn follows them, run on
        ("...?- Канализационната!") or in the next sentence ("... различни. – Е ти к'во искаш?")."""
        text = self.text
        e = s1
        while e > k and text[e - 1] in " \t\n\"'”“»":
            e -= 1
        if text[e - 1 : e] in ("?", "!") or _TURN_ON.search(text, k, s1) is not None:
            return True
        while s1 < len(text) and text[s1] in " \t":
            s1 += 1
        return text[s1 : s1 + 1] in DASHES

    def _turn_sentences(self, a: int, b: int, st: State, para: int) -> None:
        """The turns of a dialogue in a paragraph with no cue: its labels ("Опра Уинфри: - Вие казахте ...") and the
        turns after one (see _dialogue_turn)."""
        for s0, s1 in self.sentence_spans(a, b, []):
            n_quotes = len(self.out.quotes)
            if self.text[s0].isupper() and _label_dash(self.text, s0, s1):
                self._label_colon(s0, s1, st)
            if len(self.out.quotes) == n_quotes and self._turn_end < 0:
                self._colon_turn(s0, s1, s0, st, para)  # ("са му дали 2 номера кубинки: – Г'син старшина, ...")
            if self._turn_end >= 0 or len(self.out.quotes) > n_quotes:
                self._dialogue_turn(s0, s1, n_quotes, st, para)
            elif self.text[s0] in DASHES:
                self._dash_run(s0, s1, a, b, st, para)

    def _dash_run(self, s0: int, s1: int, a: int, b: int, st: State, para: int) -> None:
        """A dialogue no colon opened: a sentence ``[s0, s1)`` of paragraph ``[a, b)`` that opens with a dash before a
        capital, after a sentence's end, with another such turn soon after it, itself or the next one's first
        sentence an exclamation or a question ("... жени... - Строй се! Равнис! ... - Е, я съм го свалил, г-н
        старшина! - Ееегати ..."): a joke's or a story's turn, said by no one named. Each turn is judged on its own
        (no dialogue is opened: its questions would follow). Not a question (an interview's asks no quote; its
        answers are read apart, interview_answers) nor a list's dashed items."""
        text = self.text
        if (m := _TURN_DASH.match(text, s0, s1)) is None or not text[m.end()].isupper():
            return
        r = s0
        while r > a and text[r - 1] in " \t":
            r -= 1
        if r > a and text[r - 1] not in _TURN_AFTER:
            return
        own = text[s0:s1].rstrip(" \t\"”“»")
        if own.endswith("?") or any(text[c.start() : c.end()].lstrip(" \t").startswith("?")
                                    for c in _TURN_ON.finditer(text, m.end(), s1)):
            return  # (a question, or one its answer is run on to, "- Кога спечели ...?- През 2014 ...": an
            # interview's as often as a dialogue's, and an interview's asks no quote)
        if not (self._dash_end >= 0 and text[self._dash_end : s0].strip(" \t\n.!?…") == ""):  # (a run's last turn:
            nxt = next(iter(_turns(text, s1, min(b, s1 + DASH_RUN_REACH))), None)  # "... - Ееегати физиономията...")
            if nxt is None:
                return
            n_end = _SENT_END_MARK.search(text, nxt + 1, min(b, nxt + DASH_RUN_REACH))
            if not own.endswith("!") and (n_end is None or n_end.group() not in ("?", "!")):
                return  # (a list's dashed items state: "- В България ... . - Самоиронията е ...")
        answers = self._interview_answers()
        if answers and any(x <= m.end() < y for x, y in answers):
            return  # (an interview's answer: add_answers reads it whole)
        self._add_turn(m.end(), s1, st, para)
        self._dash_end = s1

    def _interview_answers(self) -> list[Span]:
        """The answers interview_answers finds in the text (none: no interview): its questions are no quotes, and
        its answers are read whole later. Found once per text."""
        if self._interview is None:
            self._interview = [y for _, y in interview_answers(self.text, [(0, len(self.text))])]
        return self._interview

    def _add_turn(self, a: int, b: int, st: State, para: int) -> None:
        """A dialogue's turn ``[a, b)`` as a direct quote of no one named, up to a dash that names who said it in a
        small letter ("– Ама това не е ли опасно? – пита седящият до него боец"), unless a quote holds it."""
        text = self.text
        if (m := _SAID_AFTER.search(text, a, b)) is not None and text[m.end()].islower():
            b = m.start() + 1
        # (turns written on against each other's marks: "- А по малко от албанците?- Късметлиите!")
        cuts = [m for m in _TURN_ON.finditer(text, a, b) if text[m.end()].isupper()]
        for x, y in pairwise([a, *[m.end() for m in cuts], b]):
            end = next((m.start() + len(text[m.start():m.end()].rstrip(" \t-–—")) for m in cuts if m.end() == y), y)
            if not any(q.span[0] < end and x < q.span[1] for q in self.out.quotes[-6:]):
                self.add_quote((x, end), True, None, None, st, para, "quote:turn")

    def numbered_sayings(self, paras: list[Span], headline: Span | None) -> None:
        """A numbered list of a person's sayings announced by a colon ("Вижте кои са най-важните й заръки: 1. Земята е
        нашата майка. ... 2. Вие тровите земята ...", "Джеймс Матис с две ... изказвания за НАТО: 1) Вашингтон ...
        2) ..."): each unquoted item is that person's (the sayings' owner named after "на"/"от" before, else the
        person the sentence opens with), up to the next number; the last item up to its sentence's end. Two items at
        least; an item that a quote holds already is left."""
        text, lex = self.text, self.lex
        if text.find("1.") < 0 and text.find("1)") < 0:
            return  # (no list's first number: most texts)
        low = self._lower_text()
        st = State()
        for noun in lex.sayings_nouns:
            p = low.find(noun)
            while p >= 0:
                e = p + len(noun)
                c = text.find(":", e, min(len(text), e + 60))
                if (p == 0 or not low[p - 1].isalpha()) and c >= 0 and not low[e].isalpha() and not any(
                        ch in ".!?\n" for ch in text[e:c]):
                    self._numbered_items(p, c, paras, headline, st)
                p = low.find(noun, e)

    def _numbered_items(self, p: int, c: int, paras: list[Span], headline: Span | None, st: State) -> None:
        """The items of a list numbered "1." or "1)" right after the colon ``c`` of a sayings noun at ``p`` (see
        numbered_sayings)."""
        text = self.text
        k = c + 1
        while k < len(text) and text[k].isspace():
            k += 1
        if not text.startswith(("1.", "1)"), k):
            return
        sep = text[k + 1]
        marks = [(k, k + 2)]
        while len(marks) < 60:
            key = f"{len(marks) + 1}{sep}"
            n = text.find(key, marks[-1][1], marks[-1][1] + 1500)
            while n >= 0 and not (text[n - 1].isspace() or text[n - 1] in ".!?…\"“”»"):
                n = text.find(key, n + 1, marks[-1][1] + 1500)
            if n < 0:
                break
            marks.append((n, n + len(key)))
        if len(marks) < 2:
            return
        # whose: the owner the noun names ("заръки на Ванга: 1. ..."), else the person its sentence opens with
        # ("Джеймс Матис с две ... изказвания за НАТО: 1) ..."), else the owner of sayings announced before ("20-те
        # най-важни заръки на Ванга! ... Вижте кои са най-важните й заръки: 1. ...")
        owner = self._sayings_owner(c)
        span = owner.span if owner is not None else (0, 0)
        if owner is None or owner.span[0] < p:
            s0 = max(text.rfind(ch, 0, p) for ch in ".!?\n") + 1
            owner = next((m for m in self.mentions_in(s0, p) if self._person(m) and m.form == "name" and m.entity),
                         None)
            if owner is not None:
                span = owner.span
                words = text[s0 : owner.span[0]].split()
                if words and words[0].lower().startswith(self.lex.role_stems):  # (with the office before the name:
                    span = (text.index(words[0], s0), owner.span[1])           # "Министърът на отбраната ... Матис")
            else:
                owner = self._sayings_owner(p)
                span = owner.span if owner is not None else span
        if owner is None or owner.entity is None:
            return
        np = NP(span, "name", owner.entity)
        ends = [m[0] for m in marks[1:]]
        last = marks[-1][1]
        stop = next((b for a, b in paras if a <= last < b), len(text))
        sent_end = _ITEM_END.search(text, last, stop)
        ends.append(sent_end.start() + 1 if sent_end is not None else stop)
        for (_a, x), y in zip(marks, ends, strict=True):
            while x < y and text[x].isspace():
                x += 1
            if x >= y or text[x] in "\"„“”«»'" or any(q.span[0] < y and x < q.span[1] for q in self.out.quotes):
                continue  # (a quoted item is the quote's: "1."Ако народът ..." 2. "...")
            para = next((i for i, (a, b) in enumerate(paras) if a <= x < b), 0) + (headline is not None)
            self.add_quote((x, y), True, None, np, st, para, "quote:numbered")

    def _listed_saying(self, pos: int, para_start: int) -> bool:
        """Whether the quote opening at ``pos`` is an item of a list of someone's sayings (see _sayings_owner): after
        the item's number ("24. "Спестяваната съвест се олихвява."") or right against the quote before it
        ("Епиграми „Бедността не е порок, а урок.“„Битата крава мляко не дава.“")."""
        if not self.lex.sayings_nouns:
            return False
        text = self.text
        j = pos - 1
        while j > para_start and text[j] in " \t":
            j -= 1
        if j <= para_start:
            return False
        if text[j] in ".)":
            k = j
            while k > para_start and text[k - 1].isdigit():
                k -= 1
            if k == j or k - 1 < para_start or not (text[k - 1].isspace() or text[k - 1] in _CLOSE_MARKS):
                return False
        elif not (text[j] in _CLOSE_MARKS and j == pos - 1):
            return False
        return self._sayings_owner(pos) is not None

    def _sayings_owner(self, pos: int) -> Mention | None:
        """The person whose sayings a list announces before ``pos`` ("HighViewArt.com подбра своите любими мисли от
        неподражаемия Радой Ралин. 1."Ако народът ..." 2. "..."", "цитати на Ванга"): a sayings noun, "на"/"от" within
        its next words, then a person's name; the last such before ``pos``, else None. Found once per text (a find of
        each noun over the lower-cased text)."""
        if self._sayings is None:
            low, lex, found = self._lower_text(), self.lex, []
            for noun in lex.sayings_nouns:
                p = low.find(noun)
                while p >= 0:
                    e = p + len(noun)
                    if (p == 0 or not low[p - 1].isalpha()) and e < len(low) and not low[e].isalpha():
                        words = low[e:e + 40].split()[:3]
                        if any(w in lex.sayings_preps for w in words[:2]):
                            per = next((m for m in self.mentions_in(e, min(len(low), e + 60)) if m.type == "PER"
                                        and m.form == "name" and m.entity), None)
                            if per is not None and not any(c in ".!?:" for c in low[e:per.span[0]]):
                                found.append((p, per))
                    p = low.find(noun, e)
            found.sort(key=lambda x: x[0])
            self._sayings = found
        hit = None
        for _p, m in self._sayings:
            if m.span[1] > pos:
                break
            hit = m
        return hit

    def _introducer(self, sents: list[Span], dq: DQ) -> tuple[str, Span] | None:
        """The person who opens the sentence right before an uncued quote, when that sentence may hold a cue of its
        own but attributed nothing ("Ашик разказа и за развитието на процеса. „В момента се обжалва ...“", "Пулев
        разкри и от какво е горд. „Горд съм ...“"): the quote's speaker, with their mention; else None (the
        salient speaker)."""
        prev = next((s for s in reversed(sents) if s[1] <= dq.open and not self.text[s[1]:dq.open].strip()), None)
        if prev is None or not self.may_cue(*prev) or any(
                q.cue is not None and prev[0] <= q.cue[0] < prev[1] for q in self.out.quotes[-8:]):
            return None
        m = self._opening_mention(*prev)
        return (m.entity, m.span) if m is not None and m.entity is not None else None

    def _colon_cue(self, blocks: list[Span], pi: int, dq: DQ, st: State) -> tuple[Span | None, NP] | None:
        """The cue and speaker of a direct quote that opens a paragraph after one ending in a speech cue and a colon
        ("... Той добави:" / "„Позицията на правителството е ясна ...“"), else None."""
        if pi == 0 or self.text[blocks[pi][0]:dq.open].strip():
            return None
        pa, pb = blocks[pi - 1]
        tail = self.text[pa:pb].rstrip()
        if not tail.endswith(":"):
            return None
        sents = self.out.para_sents[-2] if len(self.out.para_sents) >= 2 else []
        s0 = sents[-1][0] if sents else pa
        toks = self.tokens(s0, pa + len(tail) - 1)
        for i in range(len(toks) - 1, -1, -1):
            hit = self.match_phrase(toks, i, len(toks)) if toks[i].word else None
            if hit is not None and hit[1] == "speech":
                np = self._speaker_for(toks, (i, hit[0], hit[1]), 0, len(toks), st)
                if np is not None:
                    return (toks[i].s, toks[hit[0] - 1].e), np
                return None
        return None

    def _inset_cue(self, dq: DQ, st: State) -> tuple[Span | None, NP] | None:
        """A cue set off by dashes inside the quote marks ("„Тъжна е констатацията – се чете в документа – че ...“",
        "„... – прибави съпругът на Азия, Ашик – ...“"): one quote, its speaker named in the inset."""
        a, b = dq.content
        for m in _INSET.finditer(self.text, a, b):
            toks = self.tokens(m.start(1), m.end(1))
            if not toks or not toks[0].word or toks[0].low not in self.lex.phrases:
                continue
            hit = self.match_phrase(toks, 0, len(toks))
            if hit is None or hit[1] not in ("speech", "info", "impersonal") or (hit[1] == "impersonal" and not (
                    toks[hit[0] - 1].low in self.lex.medium_preps
                    or (hit[0] < len(toks) and toks[hit[0]].low in self.lex.medium_preps))):
                continue  # (an impersonal cue names where it is read: "се казва в документа")
            np = self.resolve(toks, self.np_after(toks, hit[0], len(toks)), st)
            if np is not None:
                return (toks[0].s, toks[hit[0] - 1].e), np
        return None

    def _colon_subject(self, dq: DQ, para_start: int) -> tuple[Span | None, NP] | None:
        """A direct quote after a colon that ends a sentence opened by a person ("Унгарският премиер Виктор Орбан
        поздрави Вилдерс в платформата Екс: „...“"): the sentence's subject said it, with no speech verb."""
        j = dq.open - 1
        while j > para_start and self.text[j] in " \t":
            j -= 1
        if self.text[j] != ":":
            return None
        s0 = next((s for s, e in (self.out.para_sents[-1] if self.out.para_sents else []) if s <= j < e), None)
        if s0 is None:
            return None
        person = self._opening_person(s0, j)
        m = next((m for m in self.mentions_in(s0, j) if m.entity == person), None) if person else None
        return (None, NP(m.span, m.form, person)) if m is not None else None

    def _credit_lines(self, a: int, b: int) -> None:
        """A credit line after a sentence ("... остава Дания./БГНЕС", "добави тя. /money.bg") names the outlet
        the paragraph comes from: a source when the name is a known agency or outlet, or a site's domain."""
        text = self.text
        ends = [m.end() for m in CREDIT_FROM_MARK.finditer(text, a, b)]
        if a > 0 and text[a - 1] in _SENTENCE_END and (m0 := CREDIT.match(text, a, b)) is not None:
            ends.insert(0, m0.end())  # the mark just before the block: CREDIT looks behind its start
        for m_end in ends:
            if not self._credited(m_end, a, b, "source:credit"):
                self._slashed_name(m_end, a, b)
        if (p := text.find("/", a, min(b, a + 40))) >= 0 and (q := text.find("/", p + 2, min(b, p + 30))) > 0 and (
                m := CREDIT_OPENING.match(text, a, p)) is not None and m.end() == p and (
                p == a or not text[p - 1].isalnum()) and self._outlet_called(text[p + 1 : q].casefold()):
            # "/КРОСС/ Великобритания ще бъде ...": the agency a paragraph opens with between slashes, its credit
            # (3 of 3 marked in eval/bggold and -sites)
            self._credited(p + 1, a, b, "source:credit")
        if (close := text.rfind(")", a, b)) > 0 and not text[close + 1 : b].strip() and (
                m := CREDIT_PAREN.search(text, max(a, close - 40), close)) is not None and "(" not in text[m.end():close]:
            key = " ".join(text[m.end() : close].split()).casefold()
            if self._outlet_called(key):
                self._credited(m.end(), a, b, "source:credit")  # (not "(ВИДЕО)", "(снимки)")

    def _first_published(self, a: int, b: int) -> None:
        """A footer naming where the post first appeared ("... е публикуван за пръв път на Petrich News."): the one to
        four capitalised words after it that close the paragraph name the outlet the text comes from."""
        text, low = self.text, self._lower_text()
        for phrase in self.lex.first_published:
            p = low.find(phrase, a, b)
            if p < 0:
                continue
            s = p + len(phrase)
            tail = text[s:b].strip().rstrip(".!")
            words = tail.split()
            if 1 <= len(words) <= 4 and all(w[0].isupper() or w[0].isdigit() for w in words):
                start = text.find(tail, s, b)
                # (its own evidence, no credit's: the footer relays no outlet the post names)
                self.add_source(self._outlet_np((start, start + len(tail)), self._outlet_called(
                    " ".join(words).casefold()) or tail), (a, b), None, "source:footer")
            return

    def _slashed_name(self, s: int, a: int, b: int) -> None:
        """A name the KB does not know closed by a slash after a sentence's end ("... Мишкова нива./С Кафето/ Ако ви
        е харесала ...") credits the outlet the paragraph comes from: one to three words, each capitalised and not all
        in capitals (an editor's initials "/НН/", "/ВИДЕО/"), naming no person or place."""
        text = self.text
        q = text.find("/", s, min(b, s + 32))
        if q < 0 or (q + 1 < b and not text[q + 1].isspace()):
            return
        name = text[s:q]
        words = name.split()
        if not 1 <= len(words) <= 3 or name != name.strip() or name.isupper() or not all(
                w[0].isupper() and w.isalpha() for w in words) or self._names_person_or_place(s, q):
            return
        self.add_source(self._outlet_np((s, q), self._outlet_called(" ".join(words).casefold()) or name), (a, b), None,
                        "source:credit")

    def _outlet_called(self, key: str) -> str | None:
        """The canonical name of the outlet a casefolded name is: the language's agency list, else the KB's names."""
        return self.lex.outlet_names.get(key) or media_surfaces().get(key)

    def _site_credits(self, a: int, b: int, after_body: bool) -> None:
        """A site's address standing alone between sentences ("... красиво. lakomnik.bg Следете ...", "... на тяхна
        земя.fakti.bg/"): the page credits the site its text comes from. Not an address inside a sentence ("на сайта
        dir.bg"), nor one that opens a sentence it is the subject of ("vesti.bg съобщи, че"): the cue rules read those;
        not a link with a path, nor one written with "www." (a site's own footer: "гиперссылка обязательна.
        www.ntv.ru"); and not one opening the first paragraph: the publisher's own name before its text ("pik.bg САЩ
        са на път ..."), which is no source."""
        text = self.text
        found: list[tuple[int, int]] = []  # (start, end) of each address, found from its ending
        for tld in _SITE_TLDS:
            pos = text.find(tld, a, b)
            while pos > a:
                end = pos + len(tld)
                if not (end < b and (text[end].isalnum() or text[end] in "_-" or (
                        text[end] == "." and end + 1 < b and text[end + 1].isalnum()))):
                    start = pos  # (not an ending inside a longer name: ".com.bg", ".bgn")
                    while start > a and text[start - 1] in _ADDRESS_CHARS:
                        start -= 1
                    while start < pos and not text[start].isalnum():
                        start += 1
                    if start < pos:
                        found.append((start, end))
                pos = text.find(tld, end, b)
        for s, e in sorted(found):
            name = text[s:e]
            if name.startswith("www.") or ".." in name:
                continue
            core = (s, e)
            if text.startswith("/", e, b):
                if e + 1 < b and not text[e + 1].isspace():
                    continue  # a link with a path
                e += 1  # "... земя.fakti.bg/"
            for scheme in ("http://", "https://"):
                if text.startswith(scheme, s - len(scheme), s):
                    s -= len(scheme)
            j = s - 1
            if j >= a and (text[j].isalnum() or text[j] in "-_@/.") and (
                    text[j] != "." or not text[j - 1 : j].isalpha()):
                continue  # inside a word or an address; "... земя.fakti.bg/" is a sentence's end
            while j >= a and text[j].isspace():
                j -= 1
            if j > a and text[j] == "/" and text[j - 1].isspace() and s - j > 1:
                j -= 1  # "... красиво. /   lakomnik.bg Следете ...": a spaced slash is the page's line break
                while j >= a and text[j].isspace():
                    j -= 1
            if j >= a and text[j] not in _SENTENCE_END and (text[e:].strip() or not text[j].isalnum()):
                continue  # inside a sentence (not the address that closes the text after a word, a signature's:
                # "... да се роди…“ Ванга blitz.bg"; after a label's colon the label reads it)
            if j < a and not after_body:
                continue  # the publisher's name opening its text
            k = e
            while k < b and text[k].isspace():
                k += 1
            if k < b and k - e < 2 and text[k].islower():
                continue  # the subject of a clause that goes on
            known = self._outlet_called(name)
            self.add_source(self._outlet_np(core, known or name), (a, b), None, "source:credit")

    def _label_matches(self, a: int, b: int) -> list[re.Match[str]]:
        """``source_label.finditer(text, a, b)``, tried only where a label's tail (``label_keys``: its letters after
        the first, lower-cased) stands in the lower-cased text: the pattern ignores case, so its search has no
        prefix to skip by and tries every character of the paragraph (some 300 instructions each; "източник" and
        "позоваването на" pass the paragraph's test often). The full search where the lower-cased text is not the
        text letter by letter, or where it holds a letter that matches a tail's letter only by its case rule
        ("ᲀ" for "в")."""
        text, lex = self.text, self.lex
        pat = lex.source_label
        assert pat is not None
        low = self._lower_text()
        odd = _derived("label odd cases", lex.label_keys, _odd_cases)
        if not self._low_is_exact() or (odd is not None and odd.search(text, a, b)):
            return list(pat.finditer(text, a, b))
        starts: set[int] = set()
        for k in lex.label_keys:
            p = low.find(k, a + 1, b)
            while p >= 0:
                starts.add(p - 1)
                p = low.find(k, p + 1, b)
        out: list[re.Match[str]] = []
        end = a
        for st in sorted(starts):  # (finditer's matches do not overlap: the next one is looked for from the end)
            if st >= end and (m := pat.match(text, st, b)) is not None:
                out.append(m)
                end = m.end()
        return out

    def _source_labels(self, a: int, b: int) -> None:
        """"Източник: invictory.com", "Източник: Блиц", "Source: Reuters": the page names the outlet its text comes
        from. A known outlet (up to three words), a site's domain, or a titlecase name the KB does not know is a
        source for the paragraph; anything else after the label (a link's scheme aside, a sentence) is not."""
        text, lex = self.text, self.lex
        assert lex.source_label is not None
        lo = a  # (a second label in the paragraph credits what follows the first: "... Гертруда Източник: Vesti.bg
        # Съжителства с ... Източник: Vesti.bg": one source per label, as every annotator marks them)
        for m in self._label_matches(a, b):
            if m.start() > 0 and text[m.start() - 1].isalnum() and not (
                    text[m.start()].isupper() and text[m.start() - 1].islower()):
                continue  # (inside a word, not a label glued to the line before it: "... КонстантиновИзточник: 24
                # часа"; checked here: a pattern that opens with a look-behind is slow)
            label = text[m.start() : m.end()].rstrip(" \t\xa0")
            colon = label.endswith(":")  # (its own colon, or one written into the label: "Инфо:")
            labelled = colon and label.rstrip(":").lower() not in lex.outlet_only_labels
            if not colon and not (m.start() == a or text[m.start() - 2 : m.start()] in (". ", "! ", "? ")):
                continue  # "източник" inside a sentence is a noun; without a colon, only one opening a sentence labels
            s = m.end()
            while s < b and text[s] in _LABEL_MARKS:
                s += 1  # "Източник:''Vesti.bg''"
            if text.startswith(("http://", "https://"), s):
                s = text.find("//", s) + 2
            while (s := self._credited(s, lo, b, "source:label", labelled=labelled)) > 0:
                while s < b and text[s] in _LABEL_MARKS:
                    s += 1
                if text[s : s + 2] not in ("; ", ", "):
                    break
                s += 2  # "Източник: Vesti.bg; Nova.bg": every outlet the label names
            lo = max(lo, m.end())
            if label.rstrip(":").lower() in lex.list_labels:
                item = m.end()  # (each item is its own scope: the same site credited twice is two sources)
                for site in _LISTED_SITE.finditer(text, m.end(), b):
                    core = site.span(1)
                    name = site.group(1)
                    self.add_source(self._outlet_np(core, self._outlet_called(name) or name), (item, core[1]), None,
                                    "source:label")
                    item = core[1] + 1

    def _credited(self, s: int, a: int, b: int, evidence: str, labelled: bool = False) -> int:
        """The outlet named at ``s`` by a credit (the longest known name of up to three words, or a site's domain) is
        a source of the paragraph ``a``-``b``. ``labelled`` (after "Източник:"): a final full stop is no part of the
        name, and a titlecase word the KB does not know is a name too (not a place: "Източник: Лондон."; not a word in
        capitals: "Източник: НЕПОЗНАТО"). Returns where the name ends, 0 when there is none."""
        best = self._credit_name(s, b, labelled)
        if best is None:
            return 0
        np = self._outlet_np((s, best[0]), best[1])
        self.add_source(np, (a, b), None, evidence)
        return best[0]

    def _named_outlets(self, a: int, b: int, promos: bool) -> None:
        """The paragraph ``a``-``b``'s sources that need no cue: the outlets a promotion names (``promos``: the text
        has one of its phrases) and those an article's noun is by (found by :meth:`_outlet_name`)."""
        if promos:
            self._promo_sources(a, b)
        for s_a, s_b, name in self._article_names:
            if a <= s_a < b:
                self.add_source(self._outlet_np((s_a, s_b), name), (a, b), None, "source:article")

    def _promo_sources(self, a: int, b: int) -> None:
        """A page's promotion of the outlets its text comes out in ("САМО В ПИК И „РЕТРО“!", "вижте само на
        Retro.bg!", "в новия брой на вестник “ШОУ”"): each outlet it names is a source of the paragraph, as the text
        names them as where it comes from. Only when the names close the phrase ("!", ".", ",", a colon, a dash or
        the paragraph's end)."""
        text, low, lex = self.text, self._lower_text(), self.lex
        for phrase in lex.promo_phrases:
            p = low.find(phrase, a, b)
            while p >= 0:
                e = p + len(phrase)
                if (p == a or not low[p - 1].isalnum()) and e < b and text[e] in " \t\xa0":
                    self._promo_names(p, e, a, b)
                p = low.find(phrase, e, b)

    def _promo_names(self, p: int, s: int, a: int, b: int) -> None:
        """The outlets named after the promotion's phrase at ``p``-``s`` (coordinated: "В ПИК И „РЕТРО“"), as
        sources, when nothing else follows them in their clause."""
        text, lex = self.text, self.lex
        caps = text[p:s].isupper()  # (a promotion written in capitals names its outlet in capitals: "САМО В ПИК")
        found: list[tuple[Span, str]] = []
        while True:
            while s < b and text[s] in " \t\xa0":
                s += 1
            if (w := CREDIT_WORD.match(text, s, b)) is not None and (
                    w.group().lower() in lex.outlet_nouns or text[s : w.end() + 1].lower() in lex.outlet_nouns):
                s = w.end() + (text[s : w.end() + 1].lower() in lex.outlet_nouns)  # "вестник “ШОУ”", "в. „Шоу“"
                while s < b and text[s] in " \t\xa0":
                    s += 1
            named = self._promo_name(s, b, caps)
            if named is None:
                return
            found.append((named[0], named[1]))
            t = named[0][1]
            while t < b and (text[t] in " \t\xa0" or text[t] in _LABEL_MARKS):
                t += 1
            if (w := CREDIT_WORD.match(text, t, b)) is not None and w.group().lower() in lex.coordinators:
                s = w.end()
                continue
            break
        if t < b and text[t] not in "!.,:;–—-":
            return  # "само в ПИК TV са ...": the names are not the phrase's end
        for core, name in found:
            self.add_source(self._outlet_np(core, name), (a, b), None, "source:promo")

    def _promo_name(self, s: int, b: int, caps: bool) -> tuple[Span, str] | None:
        """The outlet a promotion names at ``s``: a short name in quote marks, a known outlet or a site's address,
        or (``caps``) a bare word in capitals that names no place or person."""
        text = self.text
        if s < b and text[s] in _LABEL_MARKS:
            q = next((i for i in range(s + 1, min(b, s + 42)) if text[i] in _LABEL_MARKS), -1)
            raw = text[s + 1 : q] if q > 0 else ""
            if not raw or not (raw[0].isupper() or raw[0].isdigit()) or len(raw.split()) > 4 or any(
                    ch in raw for ch in "!?,:;") or self._names_person_or_place(s + 1, q):
                return None
            return (s + 1, q), self._outlet_called(" ".join(raw.split()).casefold()) or raw
        if (best := self._credit_name(s, b, False)) is not None:
            return (s, best[0]), best[1]
        w = CREDIT_WORD.match(text, s, b)
        if caps and w is not None and len(raw := w.group()) >= 2 and raw.isupper() and not self._names_person_or_place(s, w.end()):
            return (s, w.end()), raw
        return None

    def _credit_name(self, s: int, b: int, labelled: bool) -> tuple[int, str] | None:
        """Where the outlet's name a credit names at ``s`` ends, and its canonical name (see :meth:`_credited`)."""
        text = self.text
        if labelled and self.lex.label_ends and (named := self._name_before_page_mark(s, b)) is not None:
            return named
        end, best = s, None
        for k in range(3):
            w = CREDIT_WORD.match(text, end, b)
            if w is None:
                break
            end = w.end()
            raw = text[s:end].rstrip(".") if labelled else text[s:end]
            key = raw.casefold()
            name = self._outlet_called(key) or (
                raw if " " not in raw and DOMAIN.match(raw) else None)
            if name is None and labelled and k == 0 and (LABEL_DOMAIN.fullmatch(raw) or (
                    len(raw) >= 4 and raw.isascii() and raw.isalpha() and raw.islower())):
                name = raw  # "Източник: stv.rv", "Източник: highviewart": a site's address or name after the label
            if name is None and labelled and k == 0 and w.group()[:1].isupper() and not raw.isupper() and not self._names_person_or_place(s, end):
                name = raw  # "Източник: Блиц": a name the KB does not know
            if name is not None:
                best = (s + len(raw), name)
            if end >= b or text[end] != " ":
                break
            end += 1
        return best

    def _name_before_page_mark(self, s: int, b: int) -> tuple[int, str] | None:
        """The name a label gives right before the page's next mark ("Източник: Фрамар Следваща статия:", "Източник:
        България сега Следваща статия"): whatever one to three words stand between them name the outlet, as the mark
        ends the label's line (the tagger's person or place across that line's end is none)."""
        text = self.text
        low = self._lower_text()
        n = min((i for mark in self.lex.label_ends if (i := low.find(mark, s, min(b, s + 40))) > s), default=-1)
        if n < 0:
            return None
        raw = text[s:n].rstrip(" \t\xa0")
        if not raw or not raw[0].isalnum() or not 1 <= len(raw.split()) <= 3 or any(ch in raw for ch in ":/!?"):
            return None
        return s + len(raw), self._outlet_called(" ".join(raw.split()).casefold()) or raw

    def _so_called(self, dq: DQ, para_start: int) -> bool:
        """Whether a quoted stretch is a name the text introduces ("т.нар. „Европейска изследователска група“",
        "the so-called "Steele dossier""): a short stretch right after one of the language's name markers."""
        a, b = dq.content
        if not self.lex.name_markers or b - a > 80 or len(self.text[a:b].split()) > 6:
            return False
        before = self.text[max(para_start, dq.open - 24) : dq.open].rstrip().lower()
        return before.endswith(self.lex.name_markers)

    def _quoted_body(self, span: Span) -> bool:
        """Whether a quoted stretch is exactly a party's or a body's name the entities layer found ("От
        опозиционната „Продължаваме промяната - Демократична България“ критикуваха ..."): a name, not a quote."""
        a, b = span
        return b - a <= 80 and any(
            m.span == (a, b) and m.form == "name" and m.type == "ORG" for m in self.mentions_in(a, b))

    def _outlet_name(self, dq: DQ, para_start: int) -> bool:
        """Whether a quoted stretch is an outlet's name ("предаде „Ройтерс“", "пред в. „Билд“", "съобщава
        „Коммерсант.ru“"): a known agency or outlet, or a short capitalised name after an outlet noun. It is
        recorded (its words then read as an agency in source positions) and is not a quote."""
        a, b = dq.content
        if dq.end <= dq.close or b - a > 40 or b <= a:  # left open at the paragraph end: never a name
            return False
        text = self.text
        raw = text[a:b]
        if not raw[0].isalnum() or not raw[-1].isalnum() or _NAME_BREAK.search(raw) is not None:
            return False
        key = " ".join(raw.split()).casefold()
        lex = self.lex
        name = self._outlet_called(key)
        if name is None and "." in key and (m := DOMAIN.match(key)) is not None:  # (DOMAIN needs a ".")
            name = self._outlet_called(m.group(1))
            if name is None and " " not in key:
                name = raw  # "finanz.ru": a site's own name
        j = dq.open
        while j > para_start and text[j - 1] in " \t":
            j -= 1
        k = j
        while k > para_start and (text[k - 1].isalnum() or text[k - 1] in ".-"):
            k -= 1
        before = text[k:j].lower()
        noun = before in lex.outlet_nouns
        if not noun and (raw[0].isupper() or raw[0].isdigit()):  # said to it: "пред „Труд“", "пред „24 часа“"
            noun = before in lex.skip_pp
            if not noun and before in _derived("phrase ends", lex.skip_pp_phrases, _phrase_ends):
                prev = tuple(text[para_start:j].lower().split()[-max(map(len, lex.skip_pp_phrases)):])
                noun = any(prev[-len(p):] == p for p in lex.skip_pp_phrases)
        if name is None and (noun or before in lex.outlet_verbs) and (raw[0].isupper() or raw[0].isdigit()) \
                and len(raw.split()) <= 4 \
                and text[k:j] not in lex.body_heads:  # "Агенция „Пътна инфраструктура“" is a state body
            name = raw
        if name is None and before in lex.article_preps and raw[0].isupper() and len(raw.split()) <= 4 and (
                w := _word_before(text, max(para_start, k - 20), k)) is not None and w[1].lower() in \
                lex.article_nouns and not self._names_person_or_place(a, b):
            # "в статиите на „Паралелна реалност“", "Заглавието е на редакцията на „Терминал 3“": the outlet an
            # article is by, a source where it stands (no cue needed: the article is where the words come from)
            name, noun = raw, True
            self._article_names.append((a, b, raw))
        if name is None:
            return False
        if a not in self.name_at:
            insort(self.name_starts, a)
        self.name_at[a] = (b, name, noun)
        self.name_marks.update((dq.open, dq.close))
        return True

    def _speaker_paragraph(self, a: int, b: int, st: State) -> int | None:
        """A paragraph that a person's name opens before a colon ("Ажа Биби: При арестуването ми бях нападната ...",
        "Тони Блеър – бивш премиер на Великобритания: Норвегия е част ..."): an interview's answer or a statement set
        out under its speaker's name, their words up to a closing mark or the paragraph's end. Added as a direct
        quote; returns where the paragraph goes on (``b``: nothing after it), None when it is no such paragraph."""
        text = self.text
        c = text.find(":", a, min(b, a + 90))
        if c < 0 or text.find("\n", a, c) >= 0:
            return None
        k = c + 1
        while k < b and text[k] in " \t":
            k += 1
        close = next((m.start() for m in _CLOSE_MARK.finditer(text, k, b)), b)  # (its opening mark never typed)
        end = close
        while end > k and text[end - 1] in " \t\n\r“”\"":
            end -= 1
        if end - k < 30 or not text[k].isupper():
            return None
        name = next((m for m in self.mentions_in(a, c) if m.type == "PER" and m.form == "name" and m.span[0] == a),
                    None)
        if name is None:
            return None
        tail = text[name.span[1] : c].strip()
        if tail and (tail[0] not in "–—-," or len(tail) > 70):  # (only a role after a dash or a comma)
            return None
        self.add_quote((k, end), True, (c, c + 1), NP(name.span, "name", name.entity), st, len(self.out.para_sents),
                       "quote:paragraph:colon")
        resume = close + 1
        while resume < b and text[resume] in " \t\n\r":
            resume += 1
        return resume if resume < b else b

    def _headline_like(self, a: int, b: int) -> bool:
        """A paragraph that is a headline of its own: a page's title repeated above the body, a subheading ("Консулът
        ни в Букурещ за блокираните българи: Още нямаме връзка с ...") — one short line without a full stop at its end
        and with a colon near its start."""
        text = self.text
        end = b
        while end > a and text[end - 1] in " \t\n\r":
            end -= 1
        c = text.find(":", a, min(end, a + 60))
        return (0 < end - a <= 160 and text[end - 1] not in ".!?…" and text.find("\n", a, end) < 0 and c >= 0
                and not (self.lex.source_label is not None and self.lex.source_label.match(text, a, c + 1)))
        # ("Източник: invictory.com" is a credit line: its source, no one's words)

    def _headline_colon(self, a: int, b: int, st: State, again: bool = False) -> None:
        """"McCaul: If elected, Clinton could be impeached": a headline whose lead-in names the speaker (a quote only
        where the language's convention makes it one: ``headline_colon``); '"Гардиън": ЕС ще поиска ...' names the
        outlet the news comes from, in every language."""
        text = self.text
        c = text.find(":", a, min(b, a + 60))
        while 0 <= c < b - 1 and c > a and text[c - 1].isdigit() and text[c + 1].isdigit():  # "19:20 Юнкер: ..."
            a = c + 1
            while a < b and (text[a].isdigit() or text[a] in " \t"):
                a += 1
            c = text.find(":", a, min(b, a + 60))
        if c < 0:
            return
        if (bar := text.rfind("|", a, c)) >= 0:  # "Политика | Валери Симеонов: ...": a site's section before it
            a = bar + 1
            while a < c and text[a] in " \t":
                a += 1
        if (bang := max(text.rfind("!", a, c), text.rfind("?", a, c))) >= 0 and text.startswith(" ", bang + 1) \
                and text[bang + 2 : bang + 3].isupper() and self.lex.headline_banner:
            a = bang + 2  # 'САМО В ПИК И "РЕТРО"! Ванга със ...: ...': a site's banner before the lead-in
        toks = self.tokens(a, c)
        saying = self._headline_saying(toks)
        if saying is not None:
            toks, said = saying
        # (a role's phrase has lower-case words: "Консулът ни в Букурещ: ...", "Българин от Рим: ..."; an apposition
        # after a comma says who the speaker is: "Сотир Иванов, Исторически музей – Петрич: ...")
        cut = next((k for k, t in enumerate(toks) if k and (t.low in self.lex.headline_cut or t.text == ",")),
                   len(toks))
        if cut < len(toks) - 1 and toks[cut].low in self.lex.headline_told:
            self._headline_outlet(toks, cut + 1, (a, b), (c, c + 1))
        toks = toks[:cut]
        first = next((t for t in toks if t.word), None)
        capitalised = all(t.text[0].isupper() for t in toks if t.word)
        if first is None or len(toks) > 10 or not (first.text[:1].isupper() or saying is not None) or (
                not capitalised and (len(toks) > 6 or not self.lex.headline_colon)):
            return
        np = self.resolve(toks, (0, len(toks)), st)
        named_topic = all(m.type in _TOPIC_TYPES for m in self.doc.mentions if a <= m.span[0] < c) and not (
            len(toks) == 3 and not toks[0].word and toks[1].word and not toks[2].word
            and not any(a <= m.span[0] < c for m in self.doc.mentions))  # ("“Анонимните”: Светът да се готви ...":
        # a group's name in marks that no mention or entry names is who speaks, not what the headline is about)
        if named_topic and toks and self._capital_at(toks, (0, len(toks))):
            named_topic = False  # "Лондон: ЕС се готви за Брекзит без споразумение": a capital speaks for its government
        role = self.lex.role_word(first.low) or (not capitalised and any(
            t.word and t.text.islower() and self.lex.role_word(t.low) for t in toks))
        # (an office after a country's adjective: "Британски министър: След Брекзит ...", "Испанският външен
        # министър: ..."; the adjective is the only name the tagger finds)
        if np is not None and np.kind == "name" and named_topic and role:
            # "Консулът ни в Букурещ: ...": the office speaks, the place only says whose it is ("Премиерът Борисов:
            # ..." stays the person)
            np = NP((first.s, toks[-1].e), "role")
        if np is not None and np.kind == "name" and (np.entity is None or np.entity.startswith("vx:")) and \
                self._latin_name(name := text[np.span[0] : np.span[1]]) and " " in name and not text[c + 1 : b].isascii():
            # "American Conservative: Западните медии ...": a foreign outlet the KB lacks (one word may be a company
            # that speaks: "ING: Паундът ще поскъпне")
            np = self._outlet_np(np.span)
        if np is not None and np.kind in ("agency", "agency_noun") and not self.lex.agency_quotes:
            self.add_source(np, (a, b), (c, c + 1), "source:headline")  # "BBC: Тереза Мей изложи ..."
            if not self.lex.according_agency_quotes or self._wire(np):
                return
            # (a paper's headline it is credited with is its account, a quote as well, as an "according to" phrase
            # gives it: "The Daily Express: Бесни рибари палят знамена ..."; a wire's is the news it passes on)
        if any(q.span[0] < b and a <= q.span[0] for q in self.out.quotes):
            return
        if saying is not None and np is not None and np.kind in ("name", "role", "phrase", "pronoun") and (
                np.kind != "name" or any(m.type == "PER" for m in self.mentions_in(*np.span))):
            # "Зловещо предсказание на пророк:Нова ...": the noun says someone foretold it (a name only a person's:
            # not "Прогнозата на НИМХ" read as a place)
            k = c + 1
            while k < b and text[k] in " \t":
                k += 1
            self.add_quote((k, b), False, said, np, st, len(self.out.para_sents) - 1, "quote:headline:saying")
        elif self.lex.headline_colon and np is not None and np.kind in ("name", "agency", "role") and not (
                np.kind == "name" and named_topic and not role):
            # (a place, an event or a title before the colon is what the headline is about, or where it comes from:
            # "Пакистан: 27 април, ден на пост ...", "Брекзит: ЕП препоръчва ...", "The Sunday Times: ...")
            self.add_quote((c + 1, b), False, (c, c + 1), np, st, len(self.out.para_sents) - 1, "quote:headline:colon")
        elif self.lex.headline_colon and not again and text.find(":", c + 1, min(b, c + 61)) > 0:
            # "Избори 2017: Тома Томов в Банско: В политиката съм ...": a rubric, then the speaker's lead-in
            k = c + 1
            while k < b and text[k] in " \t":
                k += 1
            self._headline_colon(k, b, st, again=True)

    def _headline_saying(self, toks: list[Tok]) -> tuple[list[Tok], Span] | None:
        """A lead-in naming a foretelling or a saying and its owner ("Петролното пророчество на Ванга", "Ванга със
        страховито пророчество"): the owner's tokens and the noun's span, else None (``headline_saying_stems``)."""
        lex = self.lex
        if not lex.headline_saying_stems:
            return None
        i = next((i for i, t in enumerate(toks) if t.word and t.low.startswith(lex.headline_saying_stems)), -1)
        if i < 0:
            return None
        if i + 2 < len(toks) and toks[i + 1].low in lex.headline_saying_of and all(
                t.word or t.text in "-–.\"'„“”" for t in toks[i + 2 :]) and i <= 3 and all(t.word for t in toks[:i]):
            return toks[i + 2 :], (toks[i].s, toks[i].e)  # "[Петролното] пророчество на Ванга"
        w = next((j for j in range(i - 1, 0, -1) if toks[j].low in lex.headline_saying_with), -1)
        if w > 0 and i == len(toks) - 1 and all(t.word and t.text.islower() for t in toks[w + 1 : i]):
            return toks[:w], (toks[i].s, toks[i].e)  # "Ванга със [страховито] пророчество"
        return None

    def _label_colon(self, s0: int, s1: int, st: State) -> None:
        """"... . Тони Блеър – бивш премиер на Великобритания: Великобритания ще загуби ...", "Симеонов от границата:
        Отблъснахме група ...": a sentence inside a paragraph that opens with a person's name (then a role after a
        dash, or a short phrase of where or to whom) and a colon, then unquoted words, is that person's statement
        (an interview's label, or a related story's headline run into the text); the quoted form is read as a
        colon cue's quote."""
        text = self.text
        m = next((m for m in self.mentions_in(s0, min(s1, s0 + 60)) if m.span[0] == s0 and self._person(m)), None)
        if m is not None:
            label_end = m.span[1]
        elif self.lex.dialogue_turns and (c0 := text.find(":", s0, min(s1, s0 + 30))) > s0 and _label_dash(
                text, c0, min(s1, c0 + 5)) and 1 <= len(words := text[s0:c0].split()) <= 2 and all(
                w[0].isupper() and w.isalpha() for w in words):
            label_end = c0  # a dialogue's label of one or two words, before a dash ("Тя: - Ето виждаш ли ...",
            # "Исус:- Маса за 26, моля!"), names who speaks, known or not
        else:
            return
        c = text.find(":", label_end, min(s1, label_end + 70))
        k = c + 1
        while 0 < k < s1 and text[k] in " \t":
            k += 1
        # (a dash after the colon opens a dialogue's turn: "Опра Уинфри: - Вие казахте ...", "Исус:- Маса за 26!")
        turn = self.lex.dialogue_turns and 0 < k < s1 and text[k] in DASHES
        if turn:
            k += 1
            while k < s1 and text[k] in " \t":
                k += 1
        if c < 0 or k >= s1 or not text[k].isupper():
            return  # (a quote mark, a figure or a lower-case word after the colon: no label)
        if any(w in self.lex.credit_words for w in text[s0:c].split()):
            return  # "Текст: Матей Бонев Източник: Стандарт": a page's credits, read as a name by the tagger
        between = text[label_end : c].split()  # (a role after a dash, or "от границата")
        if between and not ((between[0] in DASHES and len(between) <= 9) or (
                between[0] in self.lex.label_preps and len(between) <= 3)):
            return
        # a headline with no full stop ends where a capitalised function word follows a lower-case one ("...
        # искаше да влезе пеша На въпрос ще издържи ли ...")
        end = next((g.start() for g in _GLUED_HEAD.finditer(text, k, s1) if g.group(1)[0].isupper()
                    and text[g.start() - 1].islower() and g.group(1).lower() in self.lex.stop), s1)
        # (... and where a page's credit line follows it: "... след изборите   Редактор: Деница Райкова")
        if (credit := min((i for w in self.lex.credit_words if (i := text.find(w + ":", k, end)) > k
                           and text[i - 1].isspace()), default=end)) < end:
            end = credit
            while end > k and text[end - 1].isspace():
                end -= 1
        if any(q.span[0] < end and s0 <= q.span[1] for q in self.out.quotes[-6:]) or any(
                q.cue is not None and s0 <= q.cue[0] < end for q in self.out.quotes[-6:]):
            return
        toks = self.tokens(s0, label_end)
        np = self.resolve(toks, (0, len(toks)), st)
        if np is None and m is None and turn:
            np = NP((s0, label_end), "phrase")  # (a name the tagger missed: "Исус")
        elif m is None and not turn:
            return
        if np is not None and turn:
            # the label's turn ends where the next one is written on against its mark ("Исус:- Маса за 26, моля!- Ама
            # вие сте само 13?!"); the turns after it are the dialogue's (_dialogue_turn)
            cut = next((g for g in _TURN_ON.finditer(text, k, end) if text[g.end()].isupper()), None)
            first = cut.start() + len(text[cut.start() : cut.end()].rstrip(" \t-–—")) if cut is not None else end
            if self.add_quote((k, first), True, (c, c + 1), np, st, len(self.out.para_sents) - 1,
                              "quote:label:turn") is not None:
                if cut is not None:
                    self._add_turn(cut.end(), end, st, len(self.out.para_sents) - 1)
                self._turn_end = end
        elif np is not None:
            self.add_quote((k, end), False, (c, c + 1), np, st, len(self.out.para_sents) - 1, "quote:label:colon")

    def _headline_outlet(self, toks: list[Tok], k: int, head: Span, colon: Span) -> None:
        """The outlet a headline's lead-in says it was told to ("Костов пред Дир: ...", "Радев пред bTV: ..."): one
        the KB knows, or capitalised words naming no person and no body the KB knows (the small outlets it lacks)."""
        words = [t for t in toks[k:] if t.word]  # (a quoted name's marks aside: "Петров пред „Труд“: ...")
        if not words or len(words) < len(toks) - k - 2:
            return
        kb = self._outlet_at(toks, toks.index(words[0], k))
        if kb is not None and kb.entity:
            np = self._kb_outlet_np(kb)
        elif all(t.text[0].isupper() for t in words) and not any(
                self._person(m) or m.entity for m in self.mentions_in(words[0].s, words[-1].e)):
            np = self._outlet_np((words[0].s, words[-1].e))
        else:
            return
        self.add_source(np, head, colon, "source:headline:told")

    def _low_is_exact(self) -> bool:
        """Whether the lower-cased text is the text letter by letter (no length change, no final sigma), so that
        offsets and words found in it hold for the text."""
        if self._exact_low is None:
            self._exact_low = len(self._lower_text()) == len(self.text) and "\u03a3" not in self.text
        return self._exact_low

    def _lower_text(self) -> str:
        """The whole text lower-cased, for the cue tests only (offsets always come from the original text)."""
        if self._low is None:
            self._low = self._lowered if self._lowered is not None else self.text.lower()
        return self._low

    def _words(self, a: int, b: int) -> list[str]:
        """The lower-cased words of text[a:b] (``WORD``), kept for the last range asked: a paragraph of one sentence
        is asked twice in a row, by ``triggered`` and then by ``may_cue``. Callers must not change the list."""
        if self._last_words[0] != (a, b):
            # WORD.findall(low, a, b), chunk by chunk (runs without white space, which WORD never takes nor looks
            # across): a chunk of letters and digits is one word, and so is one that is that with marks of
            # ``_NON_WORD`` around it (neither a word's letter nor a joiner between two words); a chunk of those marks
            # has none; only the other chunks are read by WORD (see _chunk_tokens: the regex is what costs)
            words: list[str] = []
            add = words.append
            for c in self._lower_text()[a:b].split():
                if c.isalnum():
                    add(c)
                else:
                    core = c.strip(_NON_WORD)
                    if core.isalnum():
                        add(core)
                    elif core:
                        words += WORD.findall(c)
            self._last_words = ((a, b), words)
        return self._last_words[1]

    def triggered(self, a: int, b: int) -> bool:
        """Whether text[a:b] has a cue word or an agency name (cheap: one regex pass and set lookups)."""
        return not self.lex.trigger_words.isdisjoint(self._words(a, b))

    def may_cue(self, a: int, b: int) -> bool:
        """``triggered``, and stricter for a sentence without a direct quote: all the words of one of the cue
        phrases or agency names its trigger words stand for are there (else tokenising it finds nothing), or a
        quoted outlet name is. Exact where the text lower-cases letter by letter (no length change, no final
        sigma): then its word tokens lower-cased are the words found here."""
        words = self._words(a, b)
        hits = self.lex.trigger_words.intersection(words)  # (from the list: most sentences asked have no hit and
        if not hits:  # need no set of their words)
            return False
        if not self._low_is_exact() or bisect_left(self.name_starts, a) < bisect_left(self.name_starts, b):
            return True
        needs = self.lex.trigger_needs
        have = set(words)
        return any(req <= have for w in hits for req in needs.get(w, (frozenset(),)))

    def _unsaid(self, toks: list[Tok], x: int, i: int) -> bool:
        """Whether the cue at ``i`` follows a modal's "да" (past a reflexive: "може да се твърди")."""
        k = i - 1
        if k > x and toks[k].low in self.lex.reflexives:
            k -= 1
        return k > x and toks[k].low in self.lex.infinitive_marker and toks[k - 1].low in self.lex.unsaid

    def _negated(self, toks: list[Tok], x: int, i: int) -> bool:
        """Whether the cue at ``i`` is negated: a negation right before it, or before its auxiliary."""
        k = i - 1
        if k > x and toks[k].low in self.lex.negated_auxiliaries:
            k -= 1
        return k >= x and toks[k].low in self.lex.negations

    def _starts_clause(self, pos: int, para_start: int) -> bool:
        j = pos - 1
        while j >= para_start and self.text[j] in " \t":
            j -= 1
        return j < para_start or self.text[j] in ".!?:…"

    def sentence(self, toks: list[Tok], x: int, y: int, quotes: list[DQ], st: State, para: int,
                 quoted: bool = True) -> None:
        """Quotes and sources of the sentence ``toks[x:y]``; ``quoted``: False when no token is a direct quote's
        (``tokens_outside`` was given none of ``quotes``), so that its tokens need not be searched for one."""
        lex, text = self.lex, self.text
        self._quotes = quotes
        sent = (toks[x].s, toks[y - 1].e)
        cues: list[tuple[int, int, str]] = []
        i = x
        title_case: bool | None = None  # a headline (computed only when a capitalised cue word needs it)
        last_ag: tuple[int, int, str] | None = None
        agencies, phrases, name_at = self.lex.agencies, self.lex.phrases, self.name_at
        # only the tokens that may start a phrase or an agency's name are read (nothing happens at the others), in
        # order, each unless a phrase found before it covers it: a comprehension sorts them out cheaper than a loop
        if name_at:
            starts = [k for k, t in enumerate(toks[x:y], x) if t.low in phrases or t.text in agencies or t.s in name_at]
        else:  # (most pages have no quoted outlet name: no test on an empty dict per token)
            starts = [k for k, t in enumerate(toks[x:y], x) if t.low in phrases or t.text in agencies]
        for k0 in starts:
            if k0 < i:
                continue  # (inside the cue found before)
            i = k0
            t = toks[i]
            if t.q < 0 and t.word:
                if t.text in agencies or t.s in name_at:
                    ag = self.match_agency(toks, i, y)
                    if ag:
                        last_ag = (i, ag[0], ag[1])
                hit = self.match_phrase(toks, i, y) if t.low in phrases else None
                if hit is not None:  # (the tests below read only a cue: most words are none)
                    if hit and t.text[0].isupper() and i > x and toks[i - 1].q < 0 and toks[i - 1].text not in ":—–-(":
                        if title_case is None:
                            words = [w for w in toks[x:y] if w.word and w.q < 0]
                            title_case = len(words) >= 4 and sum(w.text[0].isupper() for w in words) >= 0.7 * len(words)
                        if not title_case:
                            hit = None  # a capitalised cue word inside a sentence is part of a name
                    if hit and cues and i > x and toks[i - 1].low in lex.not_after:
                        hit = None  # "urges G20 leaders to show ...": the earlier cue's content, a statement asked for
                    if hit and i > x and (toks[i - 1].low, t.low) in lex.not_cue_pairs:
                        hit = None  # "a lengthy phone call on Wednesday", "има основания да се смята, че"
                    if hit and lex.declined and i > x and (toks[i - 1].low in lex.declined or (
                            i - 1 > x and toks[i - 1].low in ("да", "to") and toks[i - 2].low in lex.declined)):
                        hit = None  # "който отказа да коментира акцията", "отказался комментировать": no words at all
                    if hit and lex.unsaid and self._unsaid(toks, x, i):
                        hit = None  # "Станкович трябва да съобщи на Лили, че ...", "може да се твърди, че ...": what
                        # must or may be said, not what was
                    if hit and t.low in lex.future_only and not any(
                            toks[k].low in lex.future_marks for k in range(max(x, i - 3), i)):
                        hit = None  # "„...“, ще каже тя" reports; "трудно е да се каже, че ..." does not
                    if hit and t.low in lex.after_quote_only and not (
                            i - 2 >= x and toks[i - 1].text in ",-–—" and toks[i - 2].q >= 0) and not (
                            (n := hit[0] + (hit[0] < y and toks[hit[0]].text == ",")) < y
                            and toks[n].low in lex.complementizers):
                        hit = None  # "„...“, продължи той", "посочи Фокс и продължи, че ..." report; "периодът ще
                        # продължи до края на 2020 г., че ..." does not
                    if hit and t.low in lex.negated_unsaid and self._negated(toks, x, i):
                        # "Тереза Мей не каза, че ...", "не бих казала, че ...": what was not said, no one's words; the
                        # cue still ends the words of a cue before it ("заяви, че иска ..., Мей не каза, че ...")
                        hit = (hit[0], "unsaid")
                    if hit and t.low in lex.passive_cues and not any(
                            toks[k].low in lex.passive_auxiliaries for k in range(max(x, i - 2), i)):
                        hit = None  # "обвинените, че ...": a participle with no "бе"/"е" before it reports no clause
                    if hit and lex.fronted_cues and tuple(w.low for w in toks[i:hit[0]]) in lex.fronted_cues and not any(
                            toks[k].low in lex.source_preps and not (cues and cues[-1][0] > k)
                            for k in range(max(x, i - 8), i)):
                        # "Стана ясно, че ...": a fact; "От документа стана ясно, че ..." is the document's (another cue
                        # between them is the sentence's: "От плана, пише „Гардиън“, става ясно, че ...")
                        hit = None
                    if hit and self._hearsay(toks, i, hit[0]) and (not (
                            (n := hit[0] + (hit[0] < y and toks[hit[0]].text == ",")) < y
                            and toks[n].low in lex.complementizers) or (i > x and toks[i - 1].low in lex.infinitive_marker)):
                        # "се говори за възможност ...": a topic; only "се говори, че ..." reports ("има основания да се
                        # смята, че ...": what may be believed)
                        hit = None
                    if hit:
                        cues.append((i, hit[0], hit[1]))
                        i = hit[0]
        # demands and wishes ("поиска ... да") are read last, apart: inside another frame's content ("Тръмп е поискал
        # Германия да се откаже ..., съобщава Dow Jones") they must not end it
        requests = [c for c in cues if c[2] == "request"]
        if requests:
            cues = [c for c in cues if c[2] != "request"]
        made: list[Frame] = []  # (quote idx, cue tok, np, cls)
        src_here: list[tuple[int, int]] = []  # (source idx, tok index of its phrase)
        medium_here: list[bool] = []  # whether the sentence names a medium (lex.medium), once asked
        named_ag: list[tuple[Span, str, str | None]] = []  # agencies named by their noun ("агенцията АФАД")

        cited_people: list[NP | None] = []  # the person a citing cue of the sentence names, once asked

        def cited_person() -> NP | None:
            if not cited_people:
                # (who expressed what it cites first: "цитирайки изразеното от Джонсън недоволство")
                cited_people.append(next((
                    NP(m.span, "name", m.entity) for _ci, cj_, cls_ in cues if cls_ == "citing" and cj_ < y
                    for m in self.mentions_in(toks[cj_].s, toks[min(y, cj_ + 6) - 1].e)
                    if m.form == "name" and self._person(m) and any(
                        toks[j].low in lex.source_preps and toks[j + 1].s == m.span[0]
                        for j in range(cj_, min(y - 1, cj_ + 5)))), None) or next((
                    np_ for _ci, cj_, cls_ in cues if cls_ == "citing" and (np_ := self.resolve(
                        toks, self.np_after(toks, cj_, y, limit=8), st)) is not None and np_.kind in ("name", "role")
                    and not np_.institution and self._names_person(np_)), None))
            return cited_people[0]

        def emit(span: Span, direct: bool, ci: int, cj: int, np: NP | None, cls: str, ev: str) -> int | None:
            if toks[ci].low in lex.evidence_cues and (np is None or not any(
                    w.startswith(lex.evidence_nouns) for w in text[np.span[0]:np.span[1]].lower().split())):
                return None  # "Примерът от 2017 г. показва, че ...": only data and studies tell ("сочат данни на НСИ")
            if direct and self._quoted_body(span):
                return None  # "От опозиционната „Продължаваме промяната - ...“ обаче критикуваха ...": a party
            if np is not None and text[np.span[0]:np.span[1]].lower() in lex.nobody:
                return None  # "никой не прогнозира, че ...": no one said it
            cue = (toks[ci].s, toks[cj - 1].e)
            if np is not None and lex.outlet_adjective_endings and np.span[0] > cue[1] and not self._is_outlet(
                    np.entity) and (cls == "info" or any(
                    t.low in lex.outlet_verbs or t.low in lex.review_cues for t in toks[ci:cj])) and (
                    paper := self._adjective_outlet(toks, np, cj, y)) is not None:
                np = paper  # "..., пише британският „Телеграф“": the paper, not its country's adjective
            if np is not None and np.kind in ("name", "phrase") and np.span[0] > cue[1] and (
                    np.entity is None or self._kind(np.entity) is None):  # (an unknown name has no kind)
                if cls == "info":
                    # "..., съобщава „Марица“": an outlet the KB does not know; "..., съобщава Рен тв": one it knows
                    # by another case or without its marks
                    np = self._quoted_outlet(np) or self._listed_outlet(np) or np
                elif cls == "speech" and self._titled(np):  # "..., отбелязва „Телеграф“": the tagger's title of a
                    np = self._quoted_outlet(np) or self._outlet(np)  # paper; a party or a person is no PRO
                elif cls == "speech" and cj - ci == 1 and toks[ci].low in lex.review_cues:
                    np = self._quoted_outlet(np) or np  # "..., коментира „Франкфуртер Рундшау“": a paper reviewed
                    if np.kind != "agency" and self._latin_name(text[np.span[0]:np.span[1]]) and not any(
                            m.type == "PER" for m in self.mentions_in(*np.span)):
                        np = self._outlet(np)  # "..., коментира Berlingske": one in Latin letters in a Cyrillic text
            if np is not None and np.kind in ("name", "phrase") and np.span[0] > cue[1] and any(
                    t.low in lex.outlet_verbs for t in toks[ci:cj]):  # (in a cue phrase too: "Както пише X, ...")
                np = self._unknown_outlet(np)  # "..., предаде ВВС": an outlet's initials the KB does not know
            # news an agency passes on is a source; its own comment ("Агенцията отбелязва, че ...") is a quote
            agency_only = np is not None and np.kind in ("agency", "agency_noun") and not direct and not (
                cls == "according" and lex.according_agency_quotes) and not (
                lex.subject_agency_quotes and cls == "info" and np.span[1] <= cue[0] and ev.startswith("quote:indirect")
                and toks[ci].low not in lex.cites_object and cited_person() is None) and (
                cls != "speech" or not lex.agency_comments or (toks[ci].low in lex.wire_notes and self._wire(np) and not (
                    # (a note after the news, "..., отбелязва АФП"; not one whose clause the agency opens: "РИА
                    # Новости отбелязва, че ...", "Агенцията отбелязва, че ..." report as "Изданието съобщава, че")
                    lex.subject_agency_quotes and np.span[1] <= cue[0] and ev.startswith("quote:indirect"))))
            if not (agency_only and not lex.agency_quotes):
                spk = np
                if direct and np is not None and np.kind in ("agency", "agency_noun") and (
                        person := cited_person()) is not None:
                    spk = person  # "„...“, пише вестникът, цитирайки изразеното от Джонсън недоволство": his words
                k = self.add_quote(span, direct, cue, spk, st, para, ev)
            elif (person := cited_person()) is not None:
                # "..., съобщава агенция ТАСС, цитирайки председателя на компанията Виктор Зубков": his words, which
                # the agency (a source all the same, below) passes on
                k = self.add_quote(span, direct, cue, person, st, para, ev)
            elif toks[ci].low in lex.cites_object and (obj := self.resolve(toks, self.np_after(
                    toks, cj, y, limit=8), st)) is not None and obj.kind not in ("agency", "agency_noun") \
                    and obj.span[1] <= span[0]:
                # "„Индипендънт“ цитира източник в Брюксел, че британците са повдигнали въпроса": the words of the
                # one cited, which the outlet passes on
                k = self.add_quote(span, direct, cue, obj, st, para, ev)
            else:
                k = None
            if k is not None:
                made.append((k, ci, np, cls))
                st.last_quote, st.last_quote_para = k, para
                if direct:
                    st.last_direct, st.last_direct_para = k, para
                if np is not None and np.kind in ("name", "role") and np.entity is not None:
                    if not medium_here:  # (the sentence is read once, not once per quote it holds)
                        txt = text[sent[0]:sent[1]].lower()
                        medium_here.append(any(map(txt.__contains__, lex.medium_cores)))
                    if medium_here[0]:
                        st.medium_author = np.entity
            if np is not None and (owner := self._statement_owner(toks, np, cls, st)) is not None:
                src_here.append((self.add_source(owner, sent, cue, f"source:{cls}"), ci))
            if np is not None and (np.kind in ("agency", "agency_noun") or (np.institution and (cls == "info" or (
                    # a body's report or claim that a clause follows ("твърденията на ЦРУ, че ..."); not its signal,
                    # assurance or worry ("даде сигнал, че", "притесненията на ръководството, че")
                    cls == "nominal" and toks[ci].low in lex.report_nouns and lex.complement_stops.isdisjoint(
                        text[np.span[0]:np.span[1]].lower().split())) or (  # (not "на правителството да обясни")
                    cls in ("speech", "colon") and _has_seq(text[np.span[0]:np.span[1]].lower().split(), lex.speaking_bodies))))
                    or self._from_body(np) or self._unnamed_outlets(np)):
                # (a body that speaks is where the news comes from: "Министерството на външните работи увери, че")
                s_idx = self.add_source(np, sent, cue, f"source:{cls}")
                src_here.append((s_idx, ci))
                if np.kind in ("agency", "name") and np.core and np.entity and any(  # "съобщи турската агенция
                        w in lex.agency_nouns for w in text[np.span[0]:np.core[0]].lower().split()):  # ... АФАД"
                    named_ag.append((np.core, text[np.core[0]:np.core[1]], np.entity))
                for other in self._coordinated_agencies(np, sent):  # "съобщиха Асошиейтед прес и Си Ен Ен"
                    src_here.append((self.add_source(other, sent, cue, f"source:{cls}"), ci))
            return k

        used: set[int] = set()
        # 1. direct quotes next to a cue: those with a token here, in order (one pass over the tokens, not one per
        # quote of the paragraph)
        q_toks: dict[int, list[int]] = {}
        for k in range(x, y) if quotes and quoted else ():  # (a paragraph without quotes has no token of one)
            if toks[k].q >= 0:
                q_toks.setdefault(toks[k].q, []).append(k)
        for qi in sorted(q_toks):
            dq = quotes[qi]
            if not (sent[0] <= dq.open < sent[1] or dq.open < sent[0] <= dq.close < sent[1]) or dq.used:
                continue  # (a quote carried over from the paragraph before is its closing sentence's)
            qt = q_toks[qi]
            q0, q1 = qt[0], qt[-1] + 1
            cue = next((c for c in cues if c[0] >= q1 and c[0] - q1 <= 14 and c[2] not in _NOT_DIRECT
                        and c[0] not in used and not self._gap_parts(toks, q1, c[0])
                        and not (c[2] == "impersonal" and toks[c[0]].low in lex.complement_only)), None)
            # (not "„…“ От 1762 г. има данни за ...": "има сведения" reports its "че" clause only)
            np = None
            if cue is not None:
                if cue[0] - q1 >= 3 and toks[q1].text[0].isupper() and all(
                        t.text[0].isupper() or t.low in lex.coordinators for t in toks[q1:cue[0]]):
                    np = self.resolve(toks, (q1, cue[0]), st)  # "“…,” Cummings and Conyers wrote": both
                np = np or self._speaker_for(toks, cue, q1, y, st)
                if np is not None and np.kind in ("agency", "agency_noun") and cue[2] == "info" and not \
                        lex.agency_quotes and any(c[1] <= q0 and c[2] == "speech" for c in cues):
                    # "X заяви, че проектът „…“, съобщава Y": the quote belongs to X's clause, Y is its source
                    continue
            else:
                cue = next((c for c in reversed(cues) if c[1] <= q0 and q0 - c[1] <= 6 and c[2] not in
                            _NOT_DIRECT and c[0] not in used
                            and all(toks[k].q < 0 for k in range(c[1], q0))
                            and (c[1] == q0 or toks[q0 - 1].text in ":,—–-")), None)
                inverted = self.resolve(toks, self.np_after(toks, cue[1], q0), st) if cue is not None and \
                    cue[0] > x and toks[cue[0] - 1].text == "," and toks[q0 - 1].text in ",:" and cue[1] < q0 - 1 \
                    else None
                if inverted is not None and (inverted.kind == "role" or any(
                        self._person(m) for m in self.mentions_in(*inverted.span))):
                    np = inverted  # "Въпреки това, посочва Масих, „…“": the verb, then who, between commas
                elif cue is not None:  # (", adding: “…”": the clause's subject adds)
                    np = self._participle_subject(toks, x, cue[0], made, st) or self.resolve(
                        toks, self.np_before(toks, cue[0], x), st) or self.resolve(toks, self.np_after(toks, cue[1], q0), st) \
                        or self._shared_subject(toks, x, cue[0], made, st)  # "Trump returned ... and declared, “…”"
            if cue is None and q0 > x and toks[q0 - 1].text == ":" and q0 - 1 - x <= 7:
                # "Meghan McCain, Twitter: “…”": a short lead-in naming the speaker, the colon as the cue
                r = self._trim(toks, x, q0 - 1)
                np = self.resolve(toks, r, st)
                if np is not None and np.kind != "phrase" and not any(toks[k].q >= 0 for k in range(x, q0 - 1)):
                    dq.used = True
                    dq.quote = emit(dq.content, True, q0 - 1, q0, np, "colon", "quote:direct:colon")
                continue
            if cue is None:
                continue
            # (counted up to the least it needs: see the quotes left without a cue in run_item)
            short = len(self.text[dq.content[0]:dq.content[1]].split(maxsplit=self.lex.min_words_uncued)) \
                < self.lex.min_words_uncued and self.lex.strict_short_quotes and not (
                self.lex.short_sentence_quotes and self.text[dq.content[1] - 1] in ",.!?…"
                and self.text[dq.content[0]].isupper())  # “I love depreciation,” he said: a whole short sentence
            if cue[0] >= q1 and (q1 >= y or toks[q1].text not in ",—–-") and (short or (
                    q0 > x and toks[q0 - 1].low in lex.name_preps)):
                continue  # „Дейли Мейл“ съобщава; "Депутатите от „…“ разкритикуваха": a quoted name, not speech
            if short and cue[0] >= q1 and q0 > x and (toks[q0 - 1].word or toks[q0 - 1].q >= 0):
                continue  # ... на „Северен поток-2“, съобщи X: a name or scare quote inside the reported clause
            if short and cue[1] <= q0 and (cue[1] == q0 or (q0 > x and toks[q0 - 1].text not in ":")):
                continue  # призова „Амнести интернешънъл“ / a scare quote inside reported speech
            dq.used = True
            used.add(cue[0])
            np = self._relay(toks, cue, q1, y, np, st, sent)
            dq.quote = emit(dq.content, True, cue[0], cue[1], np, cue[2], f"quote:direct:{cue[2]}")
        # 1b. "Това заяви X", "Об этом заявил X": the content is the sentence before
        # ("За това предупреди X": past a preposition before the anaphoric word)
        w = x + 1 if toks[x].low in lex.anaphoric_preps and x + 1 < y and toks[x + 1].low in lex.anaphoric else x
        if cues and w < cues[0][0] <= w + 3 and toks[w].low in lex.anaphoric and (cues[0][0] <= w + 2 or (
                toks[w + 1].low in lex.anaphoric_aux)) and all(
                t.low in lex.anaphoric or t.low in lex.anaphoric_aux for t in toks[w + 1 : cues[0][0]]) \
                and cues[0][2] in ("speech", "info", "impersonal") and cues[0][0] not in used:
            ci, cj, cls = cues[0]
            prev = self._previous_sentence(para, sent)
            np = self._speaker_for(toks, cues[0], cj, y, st, before_lo=ci) if prev is not None else None
            if prev is not None and (cls != "impersonal" or np is not None):
                # ("Об этом говорится в сообщении регулятора": an impersonal cue needs the medium it names)
                np = self._relay(toks, cues[0], cj, y, np, st, sent)
                if np is not None and np.kind in ("agency", "agency_noun") and any(
                        prev[0] <= old.span[0] < prev[1] and old.cue is not None and old.speaker.span is not None
                        for old in self.out.quotes[-8:]):
                    # "X е споделил пред приятели, че ... Това пише британският вестник „Сън“": the paper passes on
                    # what X said, told in that sentence; a source of it, no statement of its own
                    src_here.append((self.add_source(np, sent, (toks[ci].s, toks[cj - 1].e), f"source:{cls}"), ci))
                else:
                    emit(prev, False, ci, cj, np, cls, f"quote:anaphoric:{cls}")
                    for old in self.out.quotes:  # quotes read inside that sentence get this speaker when they had none
                        if prev[0] <= old.span[0] < prev[1] and old.speaker.span is None and np is not None:
                            old.speaker = Speaker(span=np.span, entity=np.entity)
                used.add(ci)
        # 2. indirect frames
        for ci, cj, cls in [*cues, *requests]:
            if ci in used or cls in _CHAIN_CLASSES or cls == "unsaid":
                continue
            if toks[ci].low in lex.naming_verbs and cj + 1 < y and toks[cj].low in lex.reflexives and (
                    toks[cj + 1].text[:1].isupper() or toks[cj + 1].q >= 0 or toks[cj + 1].s in self.name_marks):
                continue  # "..., казваше се Нели.": what she was called, no words said
            if cls == "according":
                self._according(toks, x, y, ci, cj, cues, st, emit, src_here, sent)
                used.add(ci)
                continue
            low = toks[ci].low if cj == ci + 1 else " ".join(t.low for t in toks[ci:cj])  # the whole cue phrase
            if cls == "speech" and ci > x and toks[ci - 1].low in lex.articles and low not in lex.nominal:
                continue  # "dismissed the claims": a noun, no cue
            if low in lex.nominal and cj < y and toks[cj].low in lex.nominal_preps and (
                    cls == "nominal" or ci == x or toks[ci - 1].low in lex.determiners or toks[ci - 1].low.endswith(
                        ("’s", "'s", "s’", "s'"))) and self._nominal(
                    toks, x, y, ci, cj, cls, st, emit):
                used.add(ci)
                continue
            if lex.as_words and cls in ("speech", "info") and self._as_frame(toks, x, y, ci, cj, cls, st, emit):
                used.add(ci)
                continue
            comp = self._complement(toks, cj, y) if cls != "request" or toks[ci].low in lex.request_that else None
            if comp is not None:
                ca, trail = comp, self._trailing_end(toks, comp, y, cues)
                # (right after "и" the previous frame's speaker goes on, and who follows the cue is whom it was
                # said to: "... заяви, че ... и предупреди САЩ, че ...")
                if low in lex.passive_cues:  # "беше обявено от министерството, че": the agent, if named
                    e = comp - 1 if toks[comp - 1].text == "," else comp
                    np = self.resolve(toks, (cj + 1, e), st) if cj + 1 < e and toks[cj].low in lex.source_preps \
                        else None
                elif cls == "impersonal" and self._hearsay(toks, ci, cj):
                    np = None  # "..., където ... и се счита, че ...": believed by no one named, not the subject before
                else:
                    np = self._participle_subject(toks, x, ci, made, st) or (
                        self._coordinated_subject(toks, x, ci, made) if ci > x and toks[ci - 1].low in lex.coordinators
                        else None) or self._speaker_for(toks, (ci, cj, cls), cj, comp, st, before_lo=x) or \
                        self._shared_subject(toks, x, ci, made, st)
                start = toks[ca].s if lex.complementizer_in_content else toks[ca + 1].s if ca + 1 < y else None
                if start is not None and trail > ca + 1:
                    emit((start, toks[trail - 1].e), False, ci, cj, np, cls, f"quote:indirect:{cls}")
                    used.add(ci)
                continue
            if cls == "nominal":
                continue  # a noun cue reports only through a preposition or a "that" clause
            if low in lex.naming and lex.lang == "en" and low.endswith("ed") and ci - 2 >= x \
                    and toks[ci - 1].word and toks[ci - 1].text.islower() and toks[ci - 1].low not in lex.pronouns \
                    and toks[ci - 1].low not in lex.stop and not lex.is_role(toks[ci - 1].low) \
                    and toks[ci - 1].low not in lex.agency_nouns and any(
                        t.low in lex.determiners or t.low in lex.articles for t in toks[max(x, ci - 4) : ci - 1]):
                continue  # "a phenomenon called differential nonresponse": a term's name, said by no one
            if low in lex.naming:
                k = cj
                while k < y and k - cj < 4 and toks[k].q < 0 and toks[k].word and (
                        toks[k].low in lex.objects or toks[k].text[0].isupper()):
                    k += 1
                if lex.naming_object and (k >= y or toks[k].q < 0 or self._quoted_title(toks[k].q)):
                    # the object's words, then (bg "като") what it was called: "нарече деня „ден на облекчение“",
                    # "определи решението като „невероятно болезнено“"
                    m = next((m for m in range(cj, min(y, cj + 6)) if not toks[m].word or toks[m].q >= 0), None)
                    if m is not None and toks[m].q >= 0 and self._quoted_title(toks[m].q):
                        # (past a quoted name inside the object: "определи действията на „Газпром“ като „…“")
                        after = self._quoted_name(toks, m, y, use=False)
                        m2 = next((n for n in range(after, min(y, after + 3)) if toks[n].q >= 0), None) \
                            if after is not None else None
                        m = m2 if m2 is not None else m
                    if m is not None and toks[m].q >= 0:
                        k = m
                if k < y and toks[k].q >= 0 and not quotes[toks[k].q].used and not any(
                        m.span == quotes[toks[k].q].content and m.form == "name"
                        for m in self.mentions_in(*quotes[toks[k].q].content)):  # (not the object's quoted name:
                    dq = quotes[toks[k].q]                                      # "нарече „Северен поток-2“ проект")
                    np = self._participle_subject(toks, x, ci, made, st) or self.resolve(
                        toks, self.np_before(toks, ci, x), st)  # (", calling the material “…”": the clause's subject)
                    if np is not None:
                        dq.used = True
                        dq.quote = emit(dq.content, True, ci, cj, np, cls, f"quote:naming:{cls}")
                        used.add(ci)
                        continue
                if low in lex.naming_quoted:
                    continue
                end = self._trailing_end(toks, k, y, cues)
                np = self._participle_subject(toks, x, ci, made, st) or self.resolve(
                    toks, self.np_before(toks, ci, x), st)
                if np is not None and (k > cj or (lex.naming_object and toks[k].q >= 0)) and end - k >= 2 \
                        and toks[k].low not in ("for", "on", "off", "up", "out", "in", "into", "back"):
                    # ("called in to a convention"; 'нарече "Северен поток 2" заплаха за Украйна': the object named)
                    emit((toks[k].s, toks[end - 1].e), False, ci, cj, np, cls, f"quote:naming:{cls}")
                    used.add(ci)
                    continue
            if (low in lex.infinitive or (cls in ("speech", "info") and self._intent_object(toks, cj, y))) and not (
                    ci > x and toks[ci - 1].low in lex.infinitive_marker and not (
                    ci - 2 >= x and toks[ci - 2].low in lex.skip_before and toks[ci - 2].text.islower())):
                # ("продължават да призовават за ...": a phase verb before "да" leaves the cue the clause's own)
                # (a cue after "да" is itself a complement: "способността на Берлин да настоява част от доставките
                # ... да продължат" has no one who insists)
                # (up to the next cue: "отправи апел за мир и поиска от правителството да ..." asks with "поиска")
                reach = min(y, cj + lex.infinitive_reach, min((c[0] for c in (*cues, *requests) if c[0] >= cj), default=y))
                mk = next((k for k in range(cj, reach) if (toks[k].low in lex.infinitive_marker or (
                    k > cj and lex.infinitive_endings and toks[k].low.endswith(lex.infinitive_endings)))  # "призвал
                           and k + 1 < y and (toks[k + 1].q >= 0 or toks[k + 1].text[0].islower())
                           and toks[k + 1].low not in lex.articles), None)  # стороны воздержаться"; "to a convention" is no verb
                if mk is None and lex.infinitive_preps and not any(
                        c[0] != ci and (c[0] > ci or self._complement(toks, c[1], ci) is not None)
                        and not self._relayed_by_agency(toks, c, y)
                        and not (c[0] > ci + 2 and toks[c[0] - 1].low in lex.coordinators)  # ("настоя за ... и заяви")
                        for c in [*cues, *requests]):
                    # "Групировката настоява за оставка на правителството": what is asked for; after the name of
                    # whom it is asked of: "предупреди Тереза Мей срещу всякаква промяна" (after a noun the
                    # preposition is the noun's: "иска ново споразумение за сигурността")
                    # (a role before the name: "предупреди британския премиер Тереза Мей срещу всякакви планове")
                    mk = next((k for k in range(cj, min(y - 1, cj + 6)) if toks[k].low in lex.infinitive_preps
                               and (toks[k + 1].word or toks[k + 1].q >= 0) and all(t.word and (
                                   t.text[:1].isupper() or t.low in lex.infinitive_prep_skip or (
                                       k - cj >= 2 and toks[k - 1].text[:1].isupper() and toks[k - 2].text[:1].isupper()
                                       and t.low not in lex.stop)) for t in toks[cj:k])
                               and (k - cj <= 3 or toks[k - 1].text[:1].isupper())),
                              None)
                if mk is not None and low in lex.want_verbs and all(
                        t.low in lex.infinitive_prep_skip or self._time_at(t.s) is not None for t in toks[cj:mk]):
                    mk = None  # "Биби иска да отиде в Германия": what one wants to do, an intention, no one's words
                if mk is not None and not any(toks[m].text in ",;" for m in range(cj, mk)):
                    # a passive ("Clinton is expected to spend ...", "he was asked to resign"): nobody named expects
                    # or asks; the subject is what was said of, not who said it
                    passive = lex.passive_be and ci > x and toks[ci - 1].low in lex.passive_be and low.endswith("ed")
                    np = None if passive else self._subject_before(toks, x, ci, made, st)
                    if np is None and not passive:  # "персонала, който настоява за ...": the noun before; a
                        # noun phrase only for a demand ("протести на ислямисти, които настояват тя да бъде
                        # обесена": whoever the noun names, a group, a petition, asks it)
                        np = self._relative_speaker(toks, ci, x, st, low in lex.relative_demands)
                    end = self._trailing_end(toks, mk, y, [*cues, *requests])  # ("за мир и поиска ... да ...")
                    if ci - 2 >= x and toks[ci - 1].low in lex.relatives and toks[ci - 2].text == ",":
                        # a relative clause's request ends at its comma: "Тасир, който призоваваше за реформа на
                        # закона, беше убит" asked for the reform, not for being killed (a comma before a clause of
                        # the request's own, "..., след като ...", "..., за да ...", does not end it)
                        end = next((m for m in range(mk + 1, end - 1) if toks[m].text == "," and toks[m].q < 0
                                    and toks[m + 1].low not in lex.stop and toks[m + 1].low not in lex.boundary), end)
                    a = cj if lex.infinitive_object_in_content and toks[cj].q < 0 else mk  # "urged Congress to act"
                    if a == mk and low in lex.subject_before_da:
                        # "настоява договорът да включва ...": what is wanted, with whom it binds (not "поиска от ЕС да
                        # ...": whom it was asked of; nor a time, "иска днес САЩ да ...")
                        b0 = cj
                        while b0 < mk and self._time_at(toks[b0].s) is not None:
                            b0 += 1
                        if b0 < mk and toks[b0].q < 0 and toks[b0].low not in lex.infinitive_preps \
                                and toks[b0].low not in lex.stop:
                            a = b0
                    if (np is not None or passive) and end > mk + 1:
                        emit((toks[a].s, toks[end - 1].e), False, ci, cj, np, cls, f"quote:infinitive:{cls}")
                        used.add(ci)
                        continue
            if toks[cj - 1].low in lex.predictions and not (toks[ci].low in lex.negations and any(
                    self.out.quotes[f[0]].span[0] <= toks[ci].s < self.out.quotes[f[0]].span[1] for f in made)) \
                    and (k_obj := self._foretold(toks, x, ci, cj, y)) is not None:
                # (not a negated cue inside a frame's "че" clause: "заяви, че не изключва санкции" are its words)
                np = self._subject_before(toks, x, ci, made, st)
                end = self._trailing_end(toks, k_obj, y, cues)
                if np is not None and (np.kind != "phrase" or np.entity) and end > k_obj:
                    # (a phrase no mention names is a time's or a place's word: "още в първата половина на 20 век")
                    emit((toks[k_obj].s, toks[end - 1].e), False, ci, cj, np, cls, f"quote:foretold:{cls}")
                    used.add(ci)
                    continue
            if cls == "request":
                continue  # a demand or wish reports only its "да" clause
            if lex.colon_speech and cls == "speech" and (k := next((
                    m for m in range(cj, min(y - 1, cj + 5)) if not toks[m].word or toks[m].q >= 0), y)) + 1 < y \
                    and (toks[k].text == ":" or (k == cj and toks[k].text in DASHES and toks[k].s > toks[k - 1].e
                                                 and toks[k + 1].s > toks[k].e and cj - ci == 1
                                                 and toks[ci].low in lex.dash_cues and not any(
                                                     toks[m].low in lex.dash_blockers for m in range(max(x, ci - 2), ci)))) \
                    and (k0 := k + 1 + (k + 2 < y and toks[k + 1].text in DASHES)) \
                    and toks[k0].q < 0 and toks[k0].word \
                    and (toks[k0].text[0].isupper() or toks[k].text in DASHES) \
                    and not any(t.q >= 0 and len(self.text[quotes[t.q].content[0] : quotes[t.q].content[1]].split(
                        maxsplit=3)) > 3 for t in toks[k + 1 : y]):
                # (a quoted term of up to three words inside the words after the colon is theirs: "Радев изригна:
                # Недопустимо е да се повтаря синдромът „Чернобил“"; a longer quote after it is the colon's own)
                # (a spaced dash right after the cue opens what was said, as a colon does, in any case: "Ванга казва -
                # брат ще върви срещу брат си", "Народът е казал - там, където е текло, пак ще тече")
                # "той заяви: Ще успеем ли ...?": unquoted words after the colon are what was said, not the clause
                # before the cue (round 29 of eval/bggold; stop 59); up to four words may stand between, the speaker
                # ("..., смята експертът: Процесът трябва ...") or whom it was said to ("заяви пред вестник
                # Telegraph: Бизнесът ...": the subject before the cue speaks; rounds 52 and 55, stop 69)
                # (a dash after the colon opens a turn of dialogue: "Командирът обяснил: – Си бил на море?")
                end = self._trailing_end(toks, k0, y, cues)
                # (the next turn of a dialogue written on against the mark: "Питат радио Ереван:- Колко ...?- Едно
                # със стълба ...": the question ends at its mark)
                end = next((m + 1 for m in range(k0 + 1, end - 2) if toks[m].text in "?!" and toks[m + 1].text
                            in DASHES and toks[m + 2].word and toks[m + 2].text[:1].isupper()), end)
                if end > k0:
                    span_after = self.np_after(toks, cj, k) if k > cj else None
                    speaker_np = self.resolve(toks, span_after, st) if span_after == (cj, k) else None
                    # (whom a plural cue addressed, named or by its phrase: "Питат радио Ереван:- Колко ...?")
                    asked = speaker_np is not None and (speaker_np.kind in ("name", "agency") or (
                        speaker_np.kind == "phrase" and toks[k - 1].text[:1].isupper())) and bool(
                        lex.plural_cue_endings) and toks[cj - 1].low.endswith(lex.plural_cue_endings)
                    if speaker_np is not None and not (speaker_np.kind in ("role", "pronoun") or (
                            speaker_np.kind in ("name", "agency") and toks[cj].text[0].isupper())):
                        speaker_np = None  # ("казва следното: ...", "разкри пророчество на Ванга: ...": what, not who)
                    if asked:
                        speaker_np = None  # "Попитали Радио Ереван: - Вярно ли е ...?": whom a plural cue addressed
                    manner = int(k > cj and bool(lex.manner_endings) and len(toks[cj].low) > 3
                                 and toks[cj].text.islower() and toks[cj].low.endswith(lex.manner_endings))
                    to = cj + manner  # (whom it was told to: "пред БНТ", or a name in the dative, "на Гьокче")
                    if k > cj and speaker_np is None and not asked and self._skip_addressee(toks, to, k) != k and not (
                            manner and k == cj + 1) and not self._asked_whom(toks, cj, k) and not (
                            toks[to].low in lex.dative_preps and 1 <= k - to - 1 <= 2 and toks[k - 1].text[:1].isupper()):
                        continue  # (neither who spoke nor to whom: "разкри ключово пророчество на Ванга: ..."; but how
                        # it was said: "той отвърна замислено: - Ако се държим така ...", and how, then to whom:
                        # "Радев отговори мълниеносно на Гьокче: Няма да позволим ...")
                    emit((toks[k0].s, toks[end - 1].e), False, ci, cj,
                         speaker_np or self.resolve(toks, self.np_before(toks, ci, x), st), cls, f"quote:colon:{cls}")
                    if speaker_np is None:
                        used.add(ci)
                        continue
                    # (a speaker after the cue: what stands before it is said too, "CONTENT, CUE SPEAKER: ...")
                elif k == cj:
                    continue
            # trailing: CONTENT, CUE SPEAKER. / CONTENT, SPEAKER CUE.
            comma = self._trailing_comma(toks, x, ci, True) if toks[ci].low not in lex.complement_only else None
            if comma is not None and (cb := min((c[0] for c in cues if c[2] == "cited_by" and c[0] < comma),
                                                default=None)) is not None and not (cls == "info" and any(
                    c[0] < cb and c[2] not in ("cited_by", "citing", "according") for c in cues)):
                comma = None  # "Белият дом, цитиран от АП, обяви нови мерки": the subject and its source, no content
                # (but "..., заяви Ковини, цитиран от Ройтерс, съобщи БТА": the agency relays the whole attribution)
            if comma is not None and comma + 1 < ci and any(c[2] == "according" and c[0] < comma for c in cues):
                # "Според Ройтерс, ..., Брюксел ще публикува ...": with an attribution before, "CONTENT, SPEAKER
                # CUE" would make the attribution what was said ("..., предаде Ройтерс" still relays it)
                comma = None
            if comma is not None and x < comma and (p := next((p for p in range(x + 1, comma) if toks[p].text == ","
                                                                and toks[p].q < 0), None)) is not None and not any(
                    t.text == "," or t.text in SENT_END for t in toks[p + 1 : comma]) and any(
                    m.type == "PER" and m.form == "name" and m.span == (toks[x].s, toks[p - 1].e)
                    for m in self.mentions_in(toks[x].s, toks[p - 1].e)):
                comma = None  # "Anne Rasmussen, lead negotiator for the alliance, said the deal ...": a name and its
                # apposition are who speaks, not what was said
            if comma is not None and lex.lang != "en" and (p := next((
                    p for p in range(comma - 1, x, -1) if toks[p].text == "," and toks[p].q < 0), None)) is not None \
                    and p + 1 < comma and toks[p + 1].low in lex.relatives and p - x <= 4 and all(
                        t.word and (not t.text.islower() or t.low in lex.name_preps
                                    or t.low.endswith(lex.definite_endings)) for t in toks[x:p]):
                comma = None  # "Синдикатът на пилотите, който настоява за ..., обяви стачка": a short phrase and its
                # relative clause up to the cue's comma are the cue's subject, not a clause someone said
            if comma is not None and lex.as_words and toks[x].low in lex.as_words and comma - x <= 7 and not any(
                    t.text == "," for t in toks[x + 1 : comma]):
                comma = None  # "As chairman of the committee, Smith said ...": who he is, not what he said
            if comma is not None and lex.clause_openers and toks[x].low in lex.clause_openers and comma + 1 < ci \
                    and toks[comma - 1].q < 0 and toks[comma - 1].word:
                comma = None  # "На въпрос дали ..., Христо Нанев отговаря: ...", "Както бе обявено ..., Вашингтон е
                # предупредил ...": an adverbial clause before its main clause's subject, no words said
            if comma is not None and self._trailing_ok(toks, comma, ci, cj, y):
                np = self._speaker_for(toks, (ci, cj, cls), cj, y, st, before_lo=comma + 1)
                np = self._relay(toks, (ci, cj, cls), cj, y, np, st, sent)
                inner = [m for m in made if toks[m[1]].s < toks[comma].s]
                lo = x
                if inner:  # ("..., призова да ..., съобщиха местни медии": the media relay the request)
                    if np is not None and (np.kind in ("agency", "agency_noun") or np.institution
                                           or self._unnamed_outlets(np)):
                        relay_cue = (toks[ci].s, toks[cj - 1].e)
                        src_here.append((self.add_source(np, sent, relay_cue, f"source:relay:{cls}"), ci))
                        for other in self._coordinated_agencies(np, sent):  # "..., съобщиха Ройтерс и Блумбърг"
                            src_here.append((self.add_source(other, sent, relay_cue, f"source:relay:{cls}"), ci))
                    used.add(ci)
                    continue
                while lo < comma and (not toks[lo].word or toks[lo].q >= 0) and toks[lo].q < 0:
                    lo += 1
                colon = next((k for k in range(lo, min(comma, lo + 4)) if toks[k].text == ":"), None)
                if colon is not None and all(t.word and t.text[0].isupper() for t in toks[lo:colon]):
                    # "ВНА: Преговорите ..., заяви премиерът": the lead-in names the channel, not the content
                    pre = self.resolve(toks, (lo, colon), st)
                    if pre is not None and pre.kind in ("agency", "agency_noun"):
                        src_here.append((self.add_source(pre, sent, None, "source:headline"), lo))
                    lo = colon + 1
                hi = comma
                k2 = cj
                while k2 < y and toks[k2].word and k2 - cj < 6:
                    k2 += 1
                rest = [t for t in toks[k2 + 1:y] if t.word]  # (not "X по геофизика, геодезия и география [към БАН].")
                if k2 + 3 < y and toks[k2].text == "," and len(rest) >= 3 and rest[0].low not in lex.relatives \
                        and not (  # (", пише в писмото, под което ...": the medium's clause, no more of its words)
                        rest[0].low in lex.stop and rest[1].low in lex.relatives) \
                        and not (  # (", обясни адвокатът, който ...": the clause is his, not more of what he said)
                        len(rest) <= 4 and any(t.low in lex.coordinators for t in rest[1:-1])) and not (
                        rest[1].low in lex.coordinators and rest[0].text.islower()
                        and toks[k2 - 1].text.islower()) and \
                        not any(t.q >= 0 for t in toks[k2 + 1:y]) and not any(
                            c[0] in (k2 + 1, k2 + 2) for c in cues):  # parenthetical cue: the sentence around it
                    hi = self._trailing_end(toks, k2 + 1, y, cues)
                if hi == comma and toks[comma].q >= 0:  # the quote that ends in the comma is the content's end
                    hi += 1
                if hi > lo:
                    emit((toks[lo].s, toks[hi - 1].e), False, ci, cj, np, cls, f"quote:trailing:{cls}")
                    used.add(ci)
                continue
            # bare clause (English): SPEAKER said the deal is dead.
            if low in lex.bare:
                k, that_clause = cj, False
                while k < y:  # "said Tuesday the version ...", "said on Wednesday it had filed ..."
                    if toks[k].low in lex.bare_skip:
                        k += 1
                        continue
                    t0 = k + 1 if toks[k].low in lex.stop and k + 1 < y else k
                    if t0 > k and toks[t0].low in lex.bare_skip:
                        k = t0 + 1
                        continue
                    t_end = self._time_at(toks[t0].s) if toks[t0].word else None
                    if t_end is None:
                        break
                    k = t0
                    while k < y and toks[k].s < t_end:
                        k += 1
                if low.startswith(("tell", "told", "ask")):
                    while k < y and toks[k].word and (toks[k].low in lex.objects or toks[k].text[0].isupper()) \
                            and k - cj < 3:
                        k += 1
                    # a long addressee and where it was told, then the clause: "told North Korean leader Kim Jong Un
                    # in a holiday message that ..." (the content is the clause, not the addressee)
                    that = next((m for m in range(k, min(y, cj + 16)) if toks[m].low in lex.complementizers), None)
                    if that is not None and all(toks[m].word and toks[m].q < 0 for m in range(k, that)):
                        k = that + (not lex.complementizer_in_content)
                        that_clause = True
                np = self._participle_subject(toks, x, ci, made, st) or self._coordinated_subject(
                    toks, x, ci, made) or self.resolve(toks, self.np_before(toks, ci, x), st) or self._shared_subject(
                    toks, x, ci, made, st)
                end = self._trailing_end(toks, k, y, cues)
                if np is not None and ci >= x + 2 and toks[ci - 1].low in lex.apposition_relatives \
                        and toks[ci - 2].text == ",":  # "Republicans, who say the bill is dead, voted": the clause
                    end = next((m for m in range(k + 1, end) if toks[m].text == "," and toks[m].q < 0), end)
                if ((np is not None and k < y and (toks[k].word or toks[k].text in "'‘“\"" or (
                        toks[k].q >= 0 and not quotes[toks[k].q].used and end - k >= 3))
                     and (that_clause or (toks[k].low not in lex.stop and toks[k].low not in lex.bare_blocked))
                     and not toks[k].text[0].isdigit())  # "the economy added 156,000 jobs": an amount, not a claim
                        or (np is not None and k < y and toks[k].low in lex.wh_words)) and (end - k >= 2 or (
                            end - k == 1 and toks[k].text[0].isupper() and low not in lex.inverted)):  # "supports Trump"
                    emit((toks[k].s, toks[end - 1].e), False, ci, cj, np, cls, f"quote:bare:{cls}")
                    used.add(ci)
        # an outlet that tells news with no clause read as its own ("откакто Washington Post съобщи тази новина"), or
        # recalls it with a wire's note ("„Сън“ припомня и пророчеството на Ванга", "Руското издание припомня и ..."):
        # the sentence's source all the same
        for ci, cj, cls in cues:
            if (cls == "info" or toks[ci].low in lex.wire_notes) and ci not in used and ci > x:
                np = self.resolve(toks, self.np_before(toks, ci, x), st)
                if np is not None and np.kind == "agency_noun" and np.entity is not None and \
                        toks[ci - 1].low in lex.agency_nouns:
                    # the outlet named before: "Вестникът цитира Жан-Марк Рикли", "Изданието публикува ..." (the
                    # noun alone: a headline run into the body reads as one phrase with it)
                    np = NP((toks[ci - 1].s, toks[ci - 1].e), "agency_noun", np.entity, agency=np.agency)
                if np is not None and (np.kind == "agency" or (
                        np.kind == "agency_noun" and np.entity is not None and np.span[0] == toks[ci - 1].s)):
                    cue_span = (toks[ci].s, toks[cj - 1].e)
                    k_src = self.add_source(np, sent, cue_span, "source:subject")
                    src_here.append((k_src, ci))
                    if toks[ci].low in lex.cites_object:  # "„Билд ам зонтаг“ цитира германското външно министерство"
                        obj = self.resolve(toks, self.np_after(toks, cj, y, limit=8), st)
                        if obj is not None and (obj.kind in ("agency", "agency_noun") or obj.institution):
                            k_obj = self.add_source(obj, sent, cue_span, "source:cited")
                            if k_obj != k_src:
                                self.out.sources[k_src].cites = k_obj
            elif y - cj <= 6 and ci > x and toks[ci - 1].text == "," and (
                    cls == "info" or toks[ci].low in lex.outlet_verbs) and all(c != ci for _k, c in src_here) and (
                    r := self.np_after(toks, cj, y, limit=4)) is not None and all(
                    not t.word for t in toks[r[1]:y]):
                # "..., пише Пик." closing a sentence whose clause another cue took ("е уверен, че ..., пише Пик"):
                # the outlet is the sentence's source all the same (the cue may be used: its quote was the other's)
                np = self.resolve(toks, r, st)
                if np is not None and np.kind in ("name", "phrase"):
                    np = self._unknown_outlet(np)
                if np is not None and np.kind == "agency":
                    src_here.append((self.add_source(np, sent, (toks[ci].s, toks[cj - 1].e), "source:trailing"), ci))
        # 3. chains: X, като се позова на Y / Y, цитиран от X / X citing Y
        for ci, cj, cls in cues:
            if cls not in _CHAIN_CLASSES:
                continue
            r = self.np_after(toks, cj, y, limit=8)
            np = self.resolve(toks, r, st)
            if cls == "published":
                if any(t.low in lex.all_words for t in toks[x:ci]):
                    continue  # "Всички текстове, публикувани в News.bg, са собственост на ...": the site's notice
                if np is not None and np.kind not in ("agency", "agency_noun"):
                    np = self._quoted_outlet(np) or np
                phrase = tuple(t.low for t in toks[ci:cj])
                outlet_only = phrase in lex.obtained
                if np is not None and outlet_only and np.kind == "name" and not np.institution and self._latin_name(
                        self.text[np.span[0]:np.span[1]]) and not self.text[sent[0]:sent[1]].isascii() and not any(
                        mn.type in ("PER", "LOC") for mn in self.mentions_in(*np.span)):
                    np = self._outlet_np(np.span)  # "публикувана в Express", "видяна от EUobserver": a foreign outlet
                if np is not None and np.kind != "agency" and phrase in lex.published_in:
                    continue  # "излъчен по телевизията", "публикувани на сайта на изданието": no outlet named
                if np is not None and (np.kind in ("agency", "agency_noun") or (
                        not outlet_only and (np.institution or any(
                        w in lex.plural_agency_nouns for w in self.text[np.span[0]:np.span[1]].lower().split())))):
                    pub = (toks[ci].s, toks[cj - 1].e)
                    pubs = [self.add_source(other, sent, pub, "source:published")  # "разполагат „ФТ“ и „Гардиън“"
                            for other in [np, *self._coordinated_agencies(np, sent)]]
                    src_here.extend((k_pub, ci) for k_pub in pubs)
                    if (author := self._document_author(toks, x, ci, st)) is not None:
                        # "документ на Европейската комисия, видяна от EUobserver": the outlet cites the body
                        # whose document it made known
                        span_a = author.core or author.span
                        k_a = next((k for k, _t in src_here if self.out.sources[k].span[0] < span_a[1]
                                    and span_a[0] < self.out.sources[k].span[1]), None)
                        if k_a is None:
                            k_a = self.add_source(author, sent, pub, "source:authored")
                            src_here.append((k_a, ci))
                        for k_pub in pubs:
                            if k_pub != k_a and self.out.sources[k_pub].cites is None:
                                self.out.sources[k_pub].cites = k_a
                continue  # (who made the document known cites only its author)
            if r is not None and r[1] + 1 < y and toks[r[1]].low in lex.locatives | lex.affiliation | lex.genitive \
                    and not (np is not None and (np.kind in ("agency", "agency_noun") or np.institution)):
                # "позовава на източници в Пентагона", "на данни от МВР": the body the sources are in
                body_np = self.resolve(toks, self.np_after(toks, r[1] + 1, y, limit=6), st)
                if body_np is not None and (body_np.kind in ("agency", "agency_noun") or body_np.institution):
                    np = body_np
            elif r is not None and np is not None and np.kind in ("role", "name") and toks[r[0]].low in lex.group_roles \
                    and (j := next((j for j in range(r[0] + 1, r[1] - 1) if toks[j].low in lex.locatives | lex.affiliation),
                                   None)) is not None and (body_np := self._source_body(toks, j + 1, r[1], st)) is not None:
                np = body_np  # "като се позова на източник от американската администрация": the body, as above
            if np is not None and np.kind not in ("agency", "agency_noun"):
                np = self._quoted_outlet(np) or np  # 'цитиран от "Евангелски вестник"': an outlet the KB lacks
            if np is None or not (np.kind in ("agency", "agency_noun") or np.institution or np.kind == "name" or (
                    cls == "cited_by" and any(w in lex.plural_agency_nouns  # "цитирани от британски медии": outlets
                                              for w in self.text[np.span[0]:np.span[1]].lower().split()))):
                continue
            if np.kind == "name" and not np.institution and self.text[np.span[0]:np.span[1]].split()[0].lower() \
                    in lex.documents:
                continue  # "като се позова на конвенцията от Монтрьо": a document, no one's information
            if np.kind in ("name", "role") and not np.institution and self._names_person(np):
                continue  # "цитирайки председателя на компанията Виктор Зубков": a person speaks, and is no source
            cue_span = (toks[ci].s, toks[cj - 1].e)
            if cls == "citing":
                k_new = self.add_source(np, sent, cue_span, "source:citing")
                prev_src = [s for s, t in src_here if t < ci and s != k_new] or [
                    s for s, t in src_here if s != k_new and t > ci and ci - 1 > x and toks[ci - 1].text == ","
                    and self.out.sources[s].span[1] == toks[ci - 2].e]  # "РИА Новости, позовавайки се на X, съобщи"
                if prev_src:  # "съобщиха Асошиейтед прес и ДПА, позовавайки се на полицията": both cite it
                    for k_prev in self._coordinated_before(prev_src[-1], [s for s, _t in src_here]):
                        if k_prev != k_new:
                            self.out.sources[k_prev].cites = k_new
                src_here.append((k_new, ci))
            else:
                k_new = self.add_source(np, sent, cue_span, "source:cited_by")
                citers = [k_new] + [self.add_source(other, sent, cue_span, "source:cited_by")  # "цитиран от Ройтерс
                                    for other in self._coordinated_agencies(np, sent)]      # и Би Би Си"
                b = ci - 1 if ci > x and toks[ci - 1].text == "," else ci
                r = self.np_before(toks, b, x)
                if r is not None and r[1] - r[0] > 3 and (toks[r[1] - 1].low,) in lex.institutions:
                    r = (r[1] - 2, r[1])  # "става ясно от прогнози на шотландското правителство": the body alone
                cited = self.resolve(toks, r, st)
                if cited is not None and (cited.kind in ("agency", "agency_noun") or cited.institution):
                    span_c = cited.core or cited.span
                    k_c = next((k for k, _t in src_here if self.out.sources[k].span[0] < span_c[1]
                                and span_c[0] < self.out.sources[k].span[1]), None)  # named before: "По данни на X"
                    if k_c is None:
                        k_c = self.add_source(cited, sent, cue_span, "source:cited")
                    for k_citer in citers:
                        if k_citer != k_c:
                            self.out.sources[k_citer].cites = k_c
                    src_here.append((k_c, ci))
                src_here.extend((k_citer, ci) for k_citer in citers)
        # "спекулациите, че ...", "изявлението на министъра, че ...": what the noun holds (its words looked for in
        # one pass over the sentence first: most have none)
        if lex.noun_clause_cues and not lex.noun_clause_cues.isdisjoint([t.low for t in toks[x : y - 2]]):
            for k in range(x, y - 2):
                if toks[k].low in lex.noun_clause_cues and toks[k].q < 0 and (
                        clause := self._noun_clause(toks, y, k + 1, st)) is not None:
                    c, np = clause
                    end = self._trailing_end(toks, c + 1, y, cues)  # "..., пише „Индипендънт“" is not in it
                    if np is None and k - 1 > x and toks[k - 1].word and toks[k - 1].text.islower() and end > c + 1 \
                            and not any(tuple(q.span) == (toks[c + 1].s, toks[end - 1].e) for q in self.out.quotes[-8:]):
                        np = self._clause_subject(toks, x, k, st)
                    if end > c + 1:
                        emit((toks[c + 1].s, toks[end - 1].e), False, k, k + 1, np, "nominal", "quote:nominal:clause")
        # (an interview is words said to an outlet, with or without a cue: "Критиките са отправени в интервю за
        # германския в. „Велт ам зонтаг“")
        said = bool(cues) or (bool(lex.interview_nouns) and not lex.interview_nouns.isdisjoint([t.low for t in toks[x:y]]))
        # (a verb of talking with no clause, "Пред „Ретро“ X говори за ...", counts as a cue for the outlet spoken to)
        talk = [(k, k + 1, "speech") for k in range(x, y) if toks[k].low in lex.talk_verbs and toks[k].word and not (
            k > x and toks[k - 1].low in lex.reflexives)] if lex.talk_verbs and not cues else []
        said = said or bool(talk)
        if lex.talk_about and not cues:
            for k in range(x + 1, y - 2):
                if toks[k].low in lex.talk_about and toks[k].word and toks[k - 1].low not in lex.reflexives:
                    self._talked_about(toks, x, y, k, emit, made, st)
        # "в интервю за радио „Европа 1“", "пред в. „Билд“": an outlet named by its noun is where it was said
        if self.name_at and said:
            for k in range(x, y):
                named = self.name_at.get(toks[k].s)
                if named is not None and named[2] and not self._outlet_described(toks, x, k):
                    if k > x and self._channel_after(toks, k, y):
                        continue  # 'в предаването "България сутрин" на телевизия ...': the channel is the source
                    np = self._outlet_np((toks[k].s, named[0]), named[1])
                    src_here.append((self.add_source(np, sent, None, "source:outlet"), k))
        # "заяви пред агенция Ройтерс", "каза в интервю за Би Би Си": the outlet spoken to is where it was said
        if said and (lex.skip_pp or lex.skip_pp_phrases):
            self._addressee_sources(toks, x, y, sent, src_here, cues or talk)
        if not lex.report_words.isdisjoint([t.low for t in toks[x:y]]):
            # (a body's report names where the news comes from with or without a cue: "Това е заключението на
            # IUCN", "последният доклад на IUCN разглежда ..."; an outlet's question only with the answer's cue)
            self._report_sources(toks, x, y, sent, src_here, st, [c[0] for c in cues])
        if lex.report_nouns:
            self._quoted_report_sources(toks, x, y, quotes, sent, src_here, st)
        if len(src_here) > 1:
            self._relay_chain([k for k, _t in src_here])
        # the last agency named in the sentence is the antecedent of a later "the agency"
        if last_ag is not None:
            sp = (toks[last_ag[0]].s, toks[last_ag[1] - 1].e)
            st.last_agency = (sp, last_ag[2], self.agency_entity(sp, last_ag[2]))
        if named_ag and (st.last_agency is None or named_ag[-1][0][0] > st.last_agency[0][0]):
            st.last_agency = named_ag[-1]

    def _source_body(self, toks: list[Tok], a: int, b: int, st: State) -> NP | None:
        """The body that unnamed sources are in ("източник от американската администрация"); when the phrase goes on to
        whose office it is ("източници от канцеларията на британския премиер Тереза Мей"), the office's noun is the
        body, not the person (a person is no source)."""
        np = self.resolve(toks, (a, b), st)
        ent = self._entity(np.entity) if np is not None else None
        if np is not None and (np.kind in ("agency", "agency_noun") or np.institution) and not self._names_person(np) \
                and (ent is None or ent.type != "PER"):
            return np
        if b - a > 1 and (toks[a].low,) in self.lex.institutions and toks[a + 1].low in self.lex.genitive:
            return NP((toks[a].s, toks[b - 1].e), "agency_noun", institution=True, core=(toks[a].s, toks[b - 1].e))
        return None

    def _document_author(self, toks: list[Tok], x: int, ci: int, st: State) -> NP | None:
        """The body whose document an outlet published or obtained, named just before the cue: "чернова на документ
        на Европейската комисия, видяна от EUobserver", "подготвен от британското правителство анализ, който е
        публикуван от BuzzFeed" (annotators chain the outlet to it). Only a body or an agency is an author."""
        lex = self.lex
        lo = max(x, ci - 12)
        for j in range(ci - 2, lo, -1):
            if not ((toks[j].low in lex.report_preps and (toks[j - 1].low in lex.medium
                                                          or toks[j - 1].low in lex.report_nouns))
                    or (toks[j].low in lex.source_preps and toks[j - 1].low in lex.authored)):
                continue
            end = next((k for k in range(j + 1, ci) if not toks[k].word or toks[k].low in lex.medium), ci)
            np = self.resolve(toks, self.np_after(toks, j + 1, end, limit=6), st)
            if np is not None and (np.kind in ("agency", "agency_noun") or np.institution) \
                    and not self._names_person(np):
                return np
            return None
        return None

    def _outlet_described(self, toks: list[Tok], x: int, k: int) -> bool:
        """Whether the outlet named at token ``k`` after its noun is what a reported clause speaks of, not where
        anything was said ("Кючюк поясни, че интернет порталът „Ти и Брекзит“ има за цел ..."): inside a quote made
        in this sentence, with no preposition before its noun and adjectives ("в", "пред", "за в. „Билд“")."""
        lex, j = self.lex, k - 1
        while j > x and not toks[j].word:
            j -= 1  # the opening mark (and the full stop of "в.")
        n = 0
        while j > x and toks[j].word and toks[j].text.islower() and toks[j].low not in lex.name_preps and n < 3:
            j, n = j - 1, n + 1  # the noun and its adjectives
        if j >= x and (toks[j].low in lex.name_preps or toks[j].low in lex.cue_pps):
            return False
        at = toks[k].s
        return any(q.span[0] <= at < q.span[1] and not q.direct for q in self.out.quotes[-8:])

    def _clause_subject(self, toks: list[Tok], x: int, k: int, st: State) -> NP | None:
        """Who holds what a noun cue at token ``k`` with no genitive reports: the subject of the verb before it
        ("Свещеници обаче имат резерви, че ...", "Министрите стигнаха до заключението, че ..."), by its mention
        alone; a phrase no mention or role names is none (a capital word may be the verb: "Появиха се спекулации")."""
        lex = self.lex
        v = k - 2 if toks[k - 1].low in lex.stop and k - 2 > x and toks[k - 2].word else k - 1
        a = k - 1
        while a - 1 > x and k - a <= 2 and toks[a].word and toks[a].text.islower() and toks[a].low not in lex.stop \
                and toks[a].low.endswith(lex.adjective_endings):
            a -= 1
        if a < k - 1 and toks[a].low in lex.stop and toks[a - 1].word:
            v = a - 1  # "излязоха с ясно изявление, че ...": the adjectives between the preposition and its noun
        if toks[v].low not in lex.noun_clause_holders:
            return None  # ("вълнения в партията и дори твърдения, че ...": no one's)
        # (the subject a verb after "и" shares: "Оланд и Меркел обсъдиха ситуацията ... и достигнаха до извода, че";
        # of its own clause after ", а"/", но": "X се срещна с Y, а Z посети Украйна и даде уверения, че" is Z's)
        lo = next((m + 2 for m in range(v - 2, x, -1) if toks[m].text == "," and toks[m + 1].low in lex.coordinators),
                  x)
        np = self.resolve(toks, self.np_before(toks, v, x), st) or self._shared_subject(toks, lo, v, [], st)
        if np is None or (np.entity is None and not np.institution and np.kind in ("name", "phrase")):
            return None
        return replace(np, span=np.core) if np.core and np.entity else np

    def _noun_clause(self, toks: list[Tok], y: int, cj: int, st: State) -> tuple[int, NP | None] | None:
        """The complementizer of a noun cue's clause written after a comma, and who the noun is of: "твърдения, че
        ...", "изявлението на министъра, че ..." (his; up to five words of genitive), else None."""
        lex, np, k = self.lex, None, cj
        if k < y and toks[k].low in lex.genitive:
            end = next((m for m in range(k + 1, min(y, k + 7)) if toks[m].text == ","), None)
            if end is None or end == k + 1:
                return None
            np = None if any(toks[m].low in lex.possessive_reflexives for m in range(k + 1, end)) else self.resolve(
                toks, (k + 1, end), st)  # ("даде уверение на британските си служители, че": whom it was given to)
            k = end
        elif k < y and toks[k].low in lex.possessive_reflexives:  # "с изявлението си, че ...": the subject's own
            own = next((m for m in self.mentions_in(toks[0].s, toks[cj - 1].s)
                        if m.form == "name" and (self._person(m) or m.type == "ORG")), None)
            if own is None:
                return None
            np = NP(own.span, "name", own.entity)
            k += 1
        if k + 1 < y and toks[k].text == "," and toks[k + 1].low in lex.complementizers:
            return k + 1, np
        return None

    def _nominal(self, toks: list[Tok], x: int, y: int, ci: int, cj: int, cls: str, st: State,
                 emit: Callable[..., int | None]) -> bool:
        """"Trump’s allegations of fraud", "fears of a Trump presidency", "his refusal to concede": a noun cue; the
        content is the phrase after its preposition (to the next clause break), the speaker a possessive before it."""
        lex = self.lex
        a, k = cj + 1, cj + 1
        clause = toks[cj].low in lex.complementizers
        if clause:  # "news that the State Department had asked ...": a whole clause
            a, k = (cj if lex.complementizer_in_content else cj + 1), self._trailing_end(toks, cj + 1, y, [])
        while not clause and k < y and k - a < 30 and toks[k].text not in SENT_END and toks[k].text not in ",;:—–(" and not (
                k > a and toks[k].q < 0 and toks[k].word and (toks[k].low in lex.complementizers or toks[k].low in
                                                               lex.auxiliaries or (
                    toks[k].low in lex.coordinators and k + 1 < y and self.match_phrase(toks, k + 1, y) is not None))):
            k += 1
        if k - a < 1 or (k - a == 1 and not toks[a].word) or toks[a].low in lex.bare_skip or toks[a].text[0].isdigit():
            return False  # "comments on Monday", "support in 2012": a time, not what was said
        np = None
        j = ci - 1
        named = False
        while j >= x and j >= ci - 3 and toks[j].word and toks[j].q < 0:
            w = toks[j].low
            if w in lex.possessives:
                np = NP((toks[j].s, toks[j].e), "pronoun", st.subject or st.last_speaker)
                j -= 1
                break
            if w.endswith(("’s", "'s", "s’", "s'")) and toks[j].text[0].isupper():
                e = j + 1
                while j - 1 >= x and toks[j - 1].word and toks[j - 1].text[0].isupper():
                    j -= 1
                np, named = self.resolve(toks, (j, e), st), True
                break
            if w in lex.stop:
                if w in lex.determiners:
                    j -= 1
                break
            j -= 1
        if not named and j > x and toks[j].word and toks[j].q < 0 and toks[j].text[0].islower() and \
                toks[j].low not in lex.stop and toks[j].low not in lex.determiners:
            # "Obama made his first comments about ...", "Ryan has not rescinded his endorsement of ...": the noun is
            # the object of a verb, and the verb's subject holds the view
            sub = self.resolve(toks, self.np_before(toks, j, x), st)
            if sub is not None and sub.kind in ("name", "role", "pronoun", "agency", "phrase"):
                np = sub
        emit((toks[a].s, toks[k - 1].e), False, ci, cj, np, cls, f"quote:nominal:{cls}")
        return True

    def _as_frame(self, toks: list[Tok], x: int, y: int, ci: int, cj: int, cls: str, st: State,
                  emit: Callable[..., int | None]) -> bool:
        """"As Politico reported Tuesday night, CONTENT." and "CONTENT, as the minister told reporters.": the
        speaker between the conjunction and its cue, what was said the clause around them."""
        lex = self.lex
        p = ci - 1
        while p >= x and ci - p <= 7 and toks[p].word and toks[p].q < 0 and toks[p].low not in lex.as_words:
            p -= 1
        if p < x or p == ci - 1 or toks[p].low not in lex.as_words or not (p == x or toks[p - 1].text == ","):
            return False
        np = self.resolve(toks, (p + 1, ci), st)
        if np is None or np.kind == "phrase":
            return False
        k = cj  # what may follow the cue: a time, whom it was told to ("told reporters on Monday")
        while k < y and k - cj < 6 and toks[k].word and (toks[k].low in lex.bare_skip or toks[k].low in lex.objects
                                                        or toks[k].low in lex.stop or self._time_at(toks[k].s)
                                                        is not None or toks[k].text[0].isupper()):
            k += 1
        if p == x and k + 2 < y and toks[k].text == ",":  # leading: the clause after the comma
            end = self._trailing_end(toks, k + 1, y, [])
            if end - (k + 1) < 3:
                return False
            emit((toks[k + 1].s, toks[end - 1].e), False, ci, cj, np, cls, f"quote:as:{cls}")
            return True
        if p > x + 2 and (k >= y or toks[k].text in SENT_END):  # trailing: the clause before the comma
            emit((toks[x].s, toks[p - 2].e), False, ci, cj, np, cls, f"quote:as:{cls}")
            return True
        return False

    def _previous_sentence(self, para: int, sent: Span) -> Span | None:
        """The sentence before ``sent`` in its paragraph, else the last one of the paragraph before."""
        for p in range(para, max(-1, para - 2), -1):
            for ss in reversed(self.out.para_sents[p]):
                if ss[1] <= sent[0]:
                    return ss
        return None

    def _participle_subject(self, toks: list[Tok], x: int, ci: int, made: list[Frame], st: State) -> NP | None:
        """", saying that ...": a participle after a comma shares the subject of the frame before it."""
        j = ci - 1
        while j >= x and toks[j].word and (toks[j].low in self.lex.skip_before or toks[j].low.endswith("ly")):
            j -= 1
        if j < x or toks[j].text != "," or not self.lex.participle_endings \
                or not toks[ci].low.endswith(self.lex.participle_endings):
            return None
        for k, c, np, _cls in reversed(made):
            if c < ci and np is not None and not any(  # (not a frame inside another's content: "X said [Y's email
                    q != k and self.out.quotes[q].span[0] <= toks[c].s < self.out.quotes[q].span[1]  # was referring
                    and not toks[qc].low.endswith(self.lex.participle_endings)  # to ...], adding that": X adds; "With
                    for q, qc, _np, _cl in made):  # polls showing [her ahead, Clinton seeks to ...], anticipating")
                return np
        k = x  # no frame before: the sentence's subject, its first name ("Conway appeared ..., saying")
        if toks[k].low in self.lex.stop and toks[k].low not in self.lex.articles and toks[k].low not in \
                self.lex.boundary and (comma := next((m for m in range(x + 1, j) if toks[m].text == ","), None)):
            k = comma + 1  # past an opening phrase: "In an April 2015 memo, Elias laid out ..., noting"
        while k < j and (not toks[k].word or toks[k].low in self.lex.stop):
            k += 1
        person = self._opening_person(toks[k].s, toks[j].s) if k < j else None
        if person is not None:  # an office before the name: "Министърът по въпросите на Брекзит ... Дейвид Дейвис
            m = next(m for m in self.mentions_in(toks[k].s, toks[j].s) if m.entity == person)  # заяви ...,
            starts = [t.s for t in toks]  # добавяйки: „…“"
            a, e = bisect_left(starts, m.span[0], k, j), bisect_left(starts, m.span[1], k, j)
            if any(t.text == "," for t in toks[k:a]) or self._time_at(toks[k].s) is not None:
                k = a  # (not a time before it: "Two months later, Clinton called ..., telling them", "През февруари
                # т.г. папа Франциск се срещна ..., определяйки я като „…“")
            return self.resolve(toks, (k, e), st)
        if k < j and toks[k].text[0].isupper() and not self.mentions_in(toks[k].s, toks[k].e):
            # an opening phrase, then the clause and its subject after a comma ("Изправена пред остра критика ...,
            # Тереза Мей се опита да успокои страховете им, посочвайки пред журналисти: „…“")
            starts = [t.s for t in toks]
            after = [m for m in self.mentions_in(toks[k].s, toks[j].s) if m.type == "PER" and m.form == "name"
                     and (a := bisect_left(starts, m.span[0], k, j)) > k and toks[a - 1].text == ","]
            if after:
                m = after[-1]
                return self.resolve(toks, (bisect_left(starts, m.span[0], k, j), bisect_left(starts, m.span[1], k, j)),
                                    st)
        if k < j and toks[k].text[0].isupper():
            e = k + 1
            while e < j and toks[e].word and toks[e].text[0].isupper():
                e += 1
            return self.resolve(toks, (k, e), st)
        return None

    def _subject_before(self, toks: list[Tok], x: int, ci: int, made: list[Frame], st: State) -> NP | None:
        """Who says what a cue with its object or "да" clause after it reports: the subject before the cue, or the
        one it shares with a frame or a clause before ("призова ... и поиска", "Тя прогнозира и ...")."""
        return self._made_statement(toks, x, ci, st) or self._participle_subject(toks, x, ci, made, st) or \
            self._coordinated_subject(toks, x, ci, made) or self.resolve(toks, self.np_before(toks, ci, x), st) or \
            self._shared_subject(toks, x, ci, made, st)

    def _foretold(self, toks: list[Tok], x: int, ci: int, cj: int, y: int) -> int | None:
        """The first token of the noun object of a cue of foretelling ("Ванга предрича нов потоп", "Тя прогнозира и
        обединение ...", past a particle), else None: not after "да" (a complement), a comma (a trailing
        cue: "..., прогнозира Джонсън") nor before a clause, a pronoun or a person's name (who said it)."""
        lex = self.lex
        if ci <= x or toks[ci - 1].text == "," or toks[ci - 1].low in lex.infinitive_marker \
                or toks[ci - 1].low in lex.reflexives:
            return None  # (nor after a reflexive: "се изразиха по-дипломатично" is how they put it, no object)
        k = cj
        while k < y and toks[k].word and (toks[k].low in lex.infinitive_prep_skip or toks[k].low in lex.bare_skip) \
                and toks[k].low not in lex.locatives:
            k += 1
        if k >= y or not (toks[k].word or toks[k].q >= 0) or toks[k].low in lex.stop or toks[k].low in \
                lex.complementizers or any(m.type == "PER" and m.span[0] == toks[k].s for m in self.mentions_in(
                    toks[k].s, toks[k].e)):
            return None
        return k

    def _talked_about(self, toks: list[Tok], x: int, y: int, k: int, emit: Callable[..., int | None],
                      made: list[Frame], st: State) -> None:
        """What a person talked about, the noun after "говори за" to the clause's end ("Распутин говори за трета
        световна война", "Петричката пророчица говорила за война в Близкия изток, за ..."): the web articles mark
        it as the talker's words (stop 81). Only a person's, by name, office or pronoun (not "това говори за липса
        на ...", "медиите говорят за ...", "се говори за ..."), not after "да" ("смее да говори за дъно") nor before
        "това" ("говори за това, което предстои": a topic, no words) or a clause."""
        lex = self.lex
        j = k + 1
        if j + 1 >= y or toks[j].low not in lex.topic_preps or k <= x or toks[k - 1].low in lex.infinitive_marker \
                or toks[k - 1].text == "," or not toks[j + 1].word or toks[j + 1].low in lex.stop \
                or toks[j + 1].low in lex.complementizers:
            return
        if any(t.low in lex.talk_clause_openers for t in toks[x:k]):
            return  # ("Когато Тръмп говори за война, той ...": a clause of when, the topic then the main clause)
        np = self._subject_before(toks, x, k, made, st)
        if np is None or np.kind not in ("name", "role", "pronoun") or np.span[0] > toks[k].s or not (
                np.kind in ("role", "pronoun") or any(self._person(m) for m in self.mentions_in(*np.span))
                or any(lex.is_role(w) for w in self.text[np.span[0]:np.span[1]].lower().split())):
            return
        end = self._trailing_end(toks, j + 1, y, [])
        end = next((m - 1 for m in range(j + 3, end) if toks[m].low in lex.interview_nouns), end)
        # (not the interview it was said in: "Лев Гудков говори за обстановката в Русия в интервю за ...")
        if end - (j + 1) < 2 or toks[y - 1].text == "?" or any(  # (a question asks whether one talked of it)
                m.span == (toks[j + 1].s, toks[end - 1].e) for m in self.mentions_in(toks[j + 1].s, toks[end - 1].e)):
            return  # ("след като говорил за Азия Биби": a name alone is whom one talked of, no words)
        emit((toks[j + 1].s, toks[end - 1].e), False, k, k + 1, np, "speech", "quote:talked:speech")

    def _coordinated_subject(self, toks: list[Tok], x: int, ci: int, made: list[Frame]) -> NP | None:
        """``X questioned A, blamed B and bemoaned C``: a cue right after a comma or and/but continues the list of
        the previous frame in the sentence and shares its speaker."""
        if not self.lex.coordinators:
            return None
        j = ci - 1
        while j >= x and toks[j].word and (toks[j].low in self.lex.skip_before or toks[j].low.endswith("ly")):
            j -= 1
        if j < x or not (toks[j].text == "," or toks[j].low in self.lex.coordinators):
            return None
        return self._previous_frame(made, x, ci)

    @staticmethod
    def _previous_frame(made: list[Frame], x: int, ci: int) -> NP | None:
        """The speaker of the sentence's last frame before cue ``ci`` (sentence from token ``x``). Whom a phrase
        inside the clause cites is not its subject ("Той припомни изказване на Мей, според която ..., и
        отбеляза"); one that opens the sentence is ("Според него ... и призова ...")."""
        for _k, c, np, cls in reversed(made):
            if c < ci and np is not None and (cls != "according" or c <= x + 1):
                return np
        return None

    def _shared_subject(self, toks: list[Tok], x: int, ci: int, made: list[Frame], st: State) -> NP | None:
        """``X said A, but said B`` / ``X conceded A and says B``: the cue right after and/but shares the subject
        of the previous frame in the sentence, else the last name before it."""
        j = ci - 1
        clitic = False
        while j >= x and toks[j].word and (toks[j].low in self.lex.skip_before or toks[j].text in self.lex.object_clitics
                                           or (self.lex.times_before_cue and self._time_at(toks[j].s) is not None)
                                           or (self.lex.lang == "en" and toks[j].low.endswith("ly"))):
            clitic = clitic or toks[j].text in self.lex.object_clitics
            j -= 1  # (an object's clitic after "и": "разговаря с Нетаняху и му каза, че"; not "като ги увери")
        if clitic and j >= x and toks[j].low not in self.lex.coordinators:
            return None
        if self.lex.adverbials:
            j = self._skip_adverbial(toks, j, x)
        participle = j >= x and toks[j].text == "," and toks[ci].low.endswith(self.lex.participle_endings or ("\0",))
        if j < x or (toks[j].low not in self.lex.boundary and not participle):
            return None
        if (np := self._previous_frame(made, x, ci)) is not None:
            return np
        p = x  # (after when: "По-късно той отстъпи и заяви, че ...")
        while p < j and (toks[p].low in self.lex.skip_after or self._time_at(toks[p].s) is not None
                         or (not toks[p].word and toks[p].q < 0)):
            p += 1
        if toks[p].low in self.lex.pronouns and p < j:  # "Той благодари на ОАЕ ... и обеща, че ...": he, not the UAE
            return self.resolve(toks, (p, p + 1), st)
        # the clause's subject: its first person or organisation ("Президентът Румен Радев поздрави Байдън и
        # изрази увереност, че ..." is Radev's, not the nearer object's)
        named = [m for m in self.mentions_in(toks[x].s, toks[j].s) if m.type in ("PER", "ORG")
                 and m.form in ("name", "role")]
        if not named:  # a country acting: "Тайван осъди ученията и обяви, че ..."
            named = [m for m in self.mentions_in(toks[x].s, toks[j].s) if m.type == "LOC" and m.form == "name"
                     and m.span[0] == toks[x].s]
        first = next((m for m in named if m.type == "PER" and self.text[m.span[0]].isupper()),  # a person first
                     named[0] if named else None)  # (by name: "на републиканците" is a group, not the subject)
        if first is not None:
            starts = [t.s for t in toks]
            a, b = bisect_left(starts, first.span[0]), bisect_left(starts, first.span[1])
            if x <= a < b <= j:
                return self.resolve(toks, (a, b), st)
        inst = next((k for k in range(x + 1, min(j, x + 4)) if (toks[k].low,) in self.lex.institutions), None)
        if inst is not None and all(t.word and t.text.islower() for t in toks[x + 1:inst]) and any(
                m.span[0] == toks[x].s and m.form == "derived" for m in self.mentions_in(toks[x].s, toks[x].e)):
            # "Тайванското министерство осъди ... и заяви, че ...", "Сръбското външно министерство приветства
            # решението, но посочи, че ..."
            return self.resolve(toks, (x, inst + 1), st)
        if p < j and toks[p].word and toks[p].text[0].isupper() and self.lex.role_word(toks[p].low):
            # "Министър-председателката изключи ... референдум за Брекзит и подчерта, че ...": the office that opens
            # the clause, not the last capitalised word before "и"
            return self.resolve(toks, (p, p + 1), st)
        quantified = toks[p].low in self.lex.group_quantifiers and p + 1 < j and toks[p + 1].word \
            and toks[p + 1].text.islower()
        if p + 1 < j and toks[p].text[0].isupper() and (quantified or toks[p].low.endswith(self.lex.plural_definite)):
            # a group that opens the clause: "Министрите са против, като подчертават, че ...", "Повечето институции
            # са против, като отбелязват, че ..."
            return self.resolve(toks, (p, p + 2 if quantified else p + 1), st)
        if p + 1 < j and toks[p].text[0].isupper() and toks[p].low.endswith(self.lex.definite_endings or ("\0",)) \
                and (toks[p + 1].low in self.lex.anaphoric_aux or toks[p + 1].text == ","):
            # one noun with its article that opens the clause, right before its copula or a clause of its own:
            # "Жената, името на която се пази, е уплашена до смърт и се кълне, че ...", "Старецът е болен, но
            # каза, че ..." (no name or office to find after it); not before a reflexive, where a verb may end
            # like a noun's article ("Сеят се зеленчуци ..., защото се вярва, че ...")
            return self.resolve(toks, (p, p + 1), st)
        k = j - 1
        while k >= x:
            if toks[k].word and toks[k].text[0].isupper() and toks[k].low not in self.lex.stop and k > x:
                e = k + 1
                while k - 1 > x and toks[k - 1].word and toks[k - 1].text[0].isupper():
                    k -= 1
                return self.resolve(toks, (k, e), st)
            k -= 1
        return None

    def _asked_whom(self, toks: list[Tok], cj: int, k: int) -> bool:
        """The words from the cue's end ``cj`` to its colon ``k`` name whom it was said to: an object clitic alone
        ("каза им:"), or a short lower-case phrase after a cue of asking ("попитал командира си:")."""
        lex = self.lex
        if k == cj + 1 and toks[cj].text in lex.object_clitics:
            return True
        return toks[cj - 1].low in lex.asking_cues and k - cj <= 3 and all(
            t.word and t.text.islower() for t in toks[cj:k])

    def _hearsay(self, toks: list[Tok], i: int, j: int) -> bool:
        """Tokens ``i``-``j`` are a cue of belief or rumour ("се смята", "се говори"): said by no one named."""
        return bool(self.lex.hearsay_cues) and tuple(t.low for t in toks[i:j]) in self.lex.hearsay_cues

    def _speaker_for(self, toks: list[Tok], cue: tuple[int, int, str], lo: int, hi: int, st: State,
                     before_lo: int | None = None) -> NP | None:
        """Speaker of a cue: the phrase between ``lo`` and the cue, else the one after the cue."""
        ci, cj, cls = cue
        if cls == "impersonal" and self._hearsay(toks, ci, cj):
            return None  # "От дни се говори, че ...", "но се смята, че ...": believed or rumoured, by no one named
        if (made := self._made_statement(toks, before_lo if before_lo is not None else lo, ci, st)) is not None:
            return made
        before = self.np_before(toks, ci, before_lo if before_lo is not None else lo)
        if before is not None and cls in ("speech", "info"):
            before = self._relative_antecedent(toks, before, ci, before_lo if before_lo is not None else lo)
        if cls == "impersonal" or (cj - ci > 1 and toks[cj - 1].low in self.lex.reflexives):
            before = None  # (a cue that ends with its reflexive, "..., говори се още, че ...": no one's, as impersonal)
        np = self.resolve(toks, before, st) if before else None
        if (np is None or (np.kind == "phrase" and cls == "impersonal")) and toks[ci].low not in self.lex.complement_only:
            after = self.np_after(toks, cj, hi)
            if after is not None and after[0] == cj + 1 and toks[cj].low in self.lex.dative_preps:
                after = None  # "... и казаха на журналистите, че ...": whom it was told to; the subject is before
            if after is not None and cls == "impersonal":
                after = self._genitive_adjectives(toks, cj, after)
            np2 = self.resolve(toks, after, st)
            if np2 is None and cls == "impersonal" and not (ci > 0 and (
                    toks[ci - 1].low in self.lex.relatives or toks[ci - 1].low in self.lex.relative_adverbs)):
                # "В заявлении министерства говорится, что ..." (not through a relative: "Хамънд, които се смята, че
                # оглавяват ...": what is believed of them, by no one named)
                r = self.np_before(toks, ci, before_lo if before_lo is not None else lo)
                if r is not None and not (toks[r[0]].low in self.lex.topic_preps or (
                        r[0] > 0 and toks[r[0] - 1].low in self.lex.topic_preps)):  # not "За Зишан има сведения"
                    np2 = self.resolve(toks, r, st)
            if np2 is not None and cls == "impersonal" and np2.kind not in ("medium", "owned_medium", "name", "agency") \
                    and not (np2.kind == "agency_noun" and self.lex.medium.isdisjoint(
                        self.text[np2.span[0] : np2.span[1]].lower().split())):
                # "се казва още в писмото": the letter's author is the one the text spoke of; "в съобщението на
                # прокуратурата" names its own author, whom the KB may not know ("стана ясно от руската медия": an
                # outlet, where the words come from)
                words = self.text[np2.span[0] : np2.span[1]].lower().split()
                prev = self.text[max(0, np2.span[0] - 24) : np2.span[0]].lower().split()
                # (or the phrase is the owner right after the medium: "говорится в заявлении командования")
                owned = any(w in self.lex.genitive for w in words[1:-1]) or bool(
                    prev and prev[-1] in self.lex.medium and words and words[0] not in self.lex.medium)
                np2.kind = "owned_medium" if owned else "medium"  # an owned one is its owner's: no chain of before
                np2.entity = np2.entity or (None if owned else st.medium_author or st.last_speaker)
            np = np2 or np
        if np is None and cls in ("speech", "info"):
            # (the noun after a cue whose next noun is its object is no speaker: "депутати, които обвиниха
            # министъра ..., че ..." are the MPs', by their phrase)
            # (and any cue's, in a language whose genitive is a preposition, where the antecedent's start is
            # found: "Има хора, които вярват, че ...", "новина, която твърди, че ..."; not "пилоты компании, которые")
            np = self._relative_speaker(toks, ci, before_lo if before_lo is not None else lo, st,
                                        toks[ci].low in self.lex.complement_only or bool(self.lex.genitive))
        return np

    def _relative_speaker(self, toks: list[Tok], ci: int, lo: int, st: State, phrase: bool) -> NP | None:
        """Who speaks through a relative pronoun right before the cue when nothing else named the speaker: a name or
        an office by its noun ("Министърът, който заяви, че ..."); with ``phrase``, else the noun phrase the pronoun
        stands for, by its phrase and no entity."""
        lex = self.lex
        if ci - 2 <= lo or toks[ci - 1].low not in lex.relatives or toks[ci - 2].text != ",":
            return None
        np = self.resolve(toks, self._named_before(toks, ci - 2, lo, role=True), st)
        if np is None and phrase and (ante := self._antecedent(toks, ci - 2, lo)) is not None \
                and self._time_at(toks[ci - 3].s) is None:  # (not when: "прогнози изтекли в медиите миналата седмица, които")
            np = NP((toks[ante].s, toks[ci - 3].e), "phrase")
        return np

    def _antecedent(self, toks: list[Tok], comma: int, lo: int) -> int | None:
        """First token of the noun phrase a relative pronoun after ``comma`` is about: the last word with its
        adjectives and one genitive before it ("протести на ислямисти", "персонала на авиопревозвача",
        "радикални ислямисти", "привърженици на Брекзит"), or None when a lower-case noun does not end there."""
        lex = self.lex
        k = comma - 1
        if k - 2 >= lo and toks[k].word and toks[k].text[:1].isupper() and toks[k - 1].low in lex.genitive:
            k -= 2  # (a name in the genitive: "привърженици на Брекзит, които ...")
        if k < lo or not toks[k].word or not toks[k].text.islower() or toks[k].low in lex.stop:
            return None
        if k - 2 >= lo and toks[k - 1].low in lex.genitive and toks[k - 2].word and toks[k - 2].low not in lex.stop:
            k -= 2
        return self._adjectives_before(toks, k, lo)

    def _adjectives_after(self, toks: list[Tok], k: int, hi: int, most: int = 2) -> int:
        """Token ``k`` moved on over up to ``most`` lower-case adjectives ("външният министър": to "министър")."""
        lex, n = self.lex, 0
        while n < most and k + 1 < hi and toks[k].word and toks[k].text.islower() and toks[k].low not in lex.stop \
                and toks[k].low.endswith(lex.adjective_endings) and not lex.is_role(toks[k].low):
            k, n = k + 1, n + 1
        return k

    def _adjectives_before(self, toks: list[Tok], k: int, lo: int, keep: int = 0) -> int:
        """Token ``k`` moved back over the lower-case adjectives before it, leaving ``keep`` lower-case words after
        ``lo`` before them (a verb that must stay: "разпространи видео" is no adjective and its noun)."""
        lex = self.lex
        while k - 1 - keep >= lo + keep and all(
                toks[j].word and toks[j].text.islower() for j in range(k - 1 - keep, k)) \
                and toks[k - 1].low not in lex.stop and toks[k - 1].low.endswith(lex.adjective_endings):
            k -= 1
        return k

    def _made_statement(self, toks: list[Tok], lo: int, ci: int, st: State) -> NP | None:
        """Who made the letter, video or declaration a relative clause's cue speaks through ("депутати подписаха
        писмо, в което настояват тя да ...", "„Анонимните“ разпространи видео, с което призовава хората да ..."):
        the subject of the verb before the noun; None when the cue opens no such clause."""
        lex = self.lex
        j = ci - 4
        if not lex.statement_media or j <= lo or toks[ci - 1].low not in lex.relatives \
                or toks[ci - 2].low not in lex.statement_preps or toks[ci - 3].text != "," \
                or toks[j].low not in lex.statement_media:
            return None
        j = self._adjectives_before(toks, j, lo, keep=1)  # ("подписаха съвместно изявление"; a verb stays)
        v = j - 1  # the verb: "подписаха", "разпространи" ("излязоха с изявление": no subject found this way)
        if v <= lo or not toks[v].word or not toks[v].text.islower() or toks[v].low in lex.stop:
            return None
        np = self.resolve(toks, self.np_before(toks, v, lo), st)
        return None if np is None or (np.kind == "phrase" and np.entity is None and not np.institution
                                      and self.text[np.span[0]].islower()) else np  # (not "публикуваха нов видеоклип")

    def _relative_antecedent(self, toks: list[Tok], before: tuple[int, int], ci: int, lo: int) -> tuple[int, int]:
        """The phrase before a cue lies in a relative clause the writer did not close with a comma ("Компанията,
        която е работодател на 14 000 души в страната заяви, че ..."): the clause's antecedent speaks, whether the
        cue is the main verb or the clause's own ("който дойде и заяви"). A pronoun right before the cue ("X, който
        заяви") is the relatives rule's; a comma between the clause and the cue closes it (then no change)."""
        for k in range(ci - 1, max(lo, ci - 25), -1):  # (a clause of up to 25 tokens back: the comma that opens it)
            t = toks[k]
            if t.text == "," and t.q < 0:
                if k + 1 < before[0] and toks[k + 1].low in self.lex.relatives and ci - (k + 1) >= 3 and not any(
                        m.type == "PER" and not self._after_prep(toks, m.span[0], k + 1)
                        for m in self.mentions_in(toks[k + 1].e, toks[ci].s)):
                    # (a person inside the clause is its own subject: "газопровода, който ... Тилърсън заяви, че";
                    # not one after a preposition: "Кирчева, която живя редом до Ванга ... разказва, че")
                    ante = self.np_before(toks, k, lo)
                    if ante is not None and ante[1] - ante[0] <= 3:  # (a short noun phrase, not a clause's words)
                        return ante
                    if ante is not None and (last := next((
                            x for x in self.mentions_in(toks[ante[0]].s, toks[k - 1].e)
                            if x.type == "PER" and x.span[1] == toks[k - 1].e), None)):
                        # a longer phrase that ends in a person's name: the name ("заради скандала с руския КГБ
                        # генерал Решетников, който ... заяви, че")
                        return next(j for j in range(ante[0], k) if toks[j].s >= last.span[0]), k
                return before
        return before

    def _after_prep(self, toks: list[Tok], start: int, lo: int) -> bool:
        """The name that starts at character ``start`` follows a preposition (a token after ``lo``): an object, no
        subject ("редом до Ванга")."""
        j = next((j for j in range(lo, len(toks)) if toks[j].s >= start), None)
        return j is not None and j > lo and toks[j - 1].low in self.lex.name_preps

    def _genitive_adjectives(self, toks: list[Tok], cj: int, after: tuple[int, int]) -> tuple[int, int]:
        """The phrase after an impersonal cue with the lower-case adjectives right before it when a genitive
        precedes them ("се казва в съобщение на | израелския | премиер": the Israeli prime minister's, whose bare
        noun the adjective's article belongs to; the phrase had been "премиер")."""
        a = after[0]
        while a - 1 > cj and toks[a - 1].word and toks[a - 1].text.islower() and toks[a - 1].low.endswith(
                self.lex.adjective_endings) and toks[a - 1].low not in self.lex.stop and toks[a].word \
                and not toks[a].low.endswith(self.lex.definite_endings):
            a -= 1
        return (a, after[1]) if a < after[0] and toks[a - 1].low in self.lex.genitive else after

    def _relay(self, toks: list[Tok], cue: tuple[int, int, str], lo: int, hi: int, np: NP | None, st: State,
               sent: Span) -> NP | None:
        """``цитира съдържанието на писмото КЦТА``: the agency is a source, the speaker the medium's author."""
        ci, cj, cls = cue
        if np is None or toks[ci].low not in self.lex.relay:
            return np
        per = next((m for m in self.mentions_in(*np.span) if m.type == "PER" and m.form == "name"
                    and m.span[0] == np.span[0]), None)
        if per is not None and per.span[1] < np.span[1]:
            # "„…“, цитира Моровецки Полската печатна агенция": whom the agency quotes, then the agency (the object
            # before the subject): he speaks, the agency is the source
            a = bisect_left(toks, per.span[1], key=attrgetter("s"))
            b = bisect_left(toks, np.span[1], key=attrgetter("s"))
            rest = self.resolve(toks, (a, b), st) if a < b else None
            if rest is not None and (rest.kind in ("agency", "agency_noun") or rest.institution):
                self.add_source(rest, sent, (toks[ci].s, toks[cj - 1].e), f"source:relay:{cls}")
                return NP(per.span, "name", per.entity, core=per.span)
        if np.kind not in ("agency", "agency_noun"):
            return np
        a = bisect_left([t.s for t in toks], np.span[0])
        lows = [t.low for t in toks[cj:a]] + [t.low for t in toks[a:bisect_left([t.s for t in toks], np.span[1])]]
        if any(w in self.lex.medium for w in lows):
            self.add_source(np, sent, (toks[ci].s, toks[cj - 1].e), f"source:relay:{cls}")
            core = np.core or np.span
            span = (np.span[0], core[0]) if core[0] > np.span[0] else np.span
            span = (span[0], len(self.text[: span[1]].rstrip()))
            return NP(span, "medium", st.medium_author or st.last_speaker)
        return np

    def _complement(self, toks: list[Tok], cj: int, y: int) -> int | None:
        lex = self.lex
        k, hi = cj - 1, min(y, cj + lex.complementizer_reach)
        near = cj + lex.complementizer_window  # (beyond it, only with no clause of its own between: complement_stops)
        acts: frozenset[str] = _derived("complement words", lex, _complement_words)
        while (k := k + 1) < hi:
            t = toks[k]
            if t.word and t.q < 0 and t.low not in acts and "." not in t.text:
                continue  # (a word outside quotes that none of the tests below takes: most of them)
            if t.text == "." and k > cj and toks[k - 1].e == t.s and toks[k - 1].low in lex.abbreviations:
                hi = min(hi, near)  # (or a sentence's end glued to the next: "през март 2019 г.Въпреки")
                continue  # "заяви пред в. „Труд“, че": the dot of an abbreviation
            if t.q >= 0 and (self._quoted_title(t.q) or (
                    k > cj and toks[k - 1].low in lex.outlet_preps and self._quoted_title(t.q, 8))):
                continue  # "написа в платформата си „Трут соушъл“, че", "потвърдиха за „По света и у нас“, че": a
                # name in quote marks (an outlet's programme after "за" may be longer)
            if t.q >= 0 or t.text in SENT_END or t.text in ";:":
                return None
            if t.low in lex.complementizers:
                if k > cj and toks[k - 1].low in lex.complement_breaks:
                    return None  # "..., само че ...": a conjunction ("but"), no reported clause
                return k
            if t.text == "," and k + 1 < hi and toks[k + 1].low in lex.complement_breaks:
                return None  # "никой не прогнозира, но е ясно, че ...": the "че" is the next clause's
            if t.low in lex.noun_clause_cues and k + 1 < hi and toks[k + 1].low in lex.genitive:
                return None  # "да коментира изявлението на някои компании, че ...": the clause is theirs, the noun's
            if t.low in lex.complement_stops or (t.word and "." in t.text):  # (a glued sentence end: "г.Въпреки")
                hi = min(hi, near)
            if k > cj and t.word and (hit := self.match_phrase(toks, k, y)) is not None:
                close = next((m for m in range(hit[0], min(y, hit[0] + 8)) if toks[m].text == ","), None) \
                    if hit[1] == "cited_by" and toks[k - 1].text == "," else None
                if close is None:
                    return None
                k, hi = close, min(y, close + lex.complementizer_window)  # "заяви, цитиран от БТА, че ...": who
                near = hi
                continue                                                 # passed it on stands between
            if lex.lang == "en" and k > cj + 1 and t.text == ",":  # English: "that" follows the cue closely
                return None
        return None

    def _quoted_title(self, q: int, most: int = 4) -> bool:
        """Direct quote ``q`` reads as a name in quote marks: up to ``most`` words, the first capitalised, no full
        stop."""
        a, b = self._quotes[q].content
        words = self.text[a:b].split()
        return 0 < len(words) <= most and words[0][:1].isupper() and not any(c in self.text[a:b] for c in ".!?")

    def _relayed_by_agency(self, toks: list[Tok], c: tuple[int, int, str], y: int) -> bool:
        """Cue ``c`` closes its sentence with the agency that relays it (", съобщи „Ройтерс“."): a source of the
        sentence, no frame of its own that would end another cue's content."""
        i, j = c[0], c[1]
        if i == 0 or toks[i - 1].text != "," or j >= y:
            return False
        if not toks[j].word and toks[j].text in self.lex.mark_chars and j + 1 < y:
            j += 1  # („Ройтерс“)
        ag = self.match_agency(toks, j, y)
        if ag is None:
            return False
        k = ag[0]
        if k < y and not toks[k].word and toks[k].text in self.lex.mark_chars:
            k += 1
        return k >= y or toks[k].text in SENT_END

    def _intent_object(self, toks: list[Tok], cj: int, y: int) -> bool:
        """Whether a statement's object is an intention with its "да" clause ("обяви решението си да спре ...",
        "изрази готовност да признае ...", "е заявил своето твърдо намерение да ..."): the clause is what was said,
        as a request's is (a lowercase word or two may come first: a possessive, an adjective)."""
        lex = self.lex
        if not lex.intent_nouns:
            return False
        for k in range(cj, min(y - 1, cj + 3)):
            t = toks[k]
            if not t.word or t.q >= 0 or not t.text.islower():
                return False
            if t.low in lex.intent_nouns:
                k += 1
                if k < y and toks[k].low in lex.possessive_reflexives:
                    k += 1
                if k < y and toks[k].low in lex.infinitive_prep_skip:  # "обяви планове днес да удвои ..."
                    k += 1
                return k < y and toks[k].low in lex.infinitive_marker
        return False

    def _trailing_comma(self, toks: list[Tok], x: int, ci: int, quoted: bool = False) -> int | None:
        """The comma before a cue at the end of its sentence (``CONTENT, заяви X``), if close to the cue; with
        ``quoted``, also a short quote that ends in the comma (``The deal is a "historic mistake," he said``: its
        placeholder token's index)."""
        for k in range(ci - 1, max(x, ci - 8) - 1, -1):
            t = toks[k]
            if quoted and t.q >= 0 and k > x and toks[k - 1].word and self._quotes[t.q].close > 0 \
                    and self.text[self._quotes[t.q].close - 1] == ",":
                return k
            if t.text in DASHES and k == ci - 1 and k > x + 2 and self.lex.lang != "en" and t.q < 0:
                return k  # "... и това е негова карма – казва ясновидката": a dash stands for the comma
            if t.text == ",":
                a = self._skip_adverbial(toks, k - 1, x)  # "Макрон, в свою очередь, призвал": a parenthesis
                if a < k - 1 and a >= x and toks[a].text == "," and toks[a].q < 0:
                    return None
                return k
            if not t.word and not (t.text == "." and k > x and toks[k - 1].low in self.lex.abbreviations):
                return None
        return None

    def _ends(self, toks: list[Tok], k: int) -> bool:
        """Token k ends a sentence (a full stop after an abbreviation such as "Mr." or "Ltd." does not)."""
        t = toks[k]
        return t.text in SENT_END and not (t.text == "." and k > 0 and (
            toks[k - 1].low in self.lex.abbreviations or (len(toks[k - 1].text) == 1 and toks[k - 1].text.isupper())
            or (k + 1 < len(toks) and toks[k + 1].text == ")")))  # "Janet L. Yellen", "(D-Mo.)"

    def _trailing_ok(self, toks: list[Tok], comma: int, ci: int, cj: int, y: int) -> bool:
        """``CONTENT, CUE NP.`` or ``CONTENT, NP CUE [PP].``: after the comma only a speaker and a few words."""
        lex = self.lex
        n, k, first = 0, cj, None
        if comma + 1 < ci and toks[comma + 1].low in lex.apposition_relatives and lex.lang == "en":
            return False  # "Republicans in Congress, who say the bill is dead, voted": a relative clause
        if cj < y and toks[cj].text == "," and ci - comma - 1 <= 5 and not any(
                t.low in lex.boundary or t.low in lex.relatives for t in toks[comma + 1:ci]):
            return True  # parenthetical: "Beyond that, he said, the bank may ..." (not a relative clause's cue,
            # ", което Ванга е казала, обясни режисьорът": what was said of, not a frame)
        while k < y and not self._ends(toks, k) and toks[k].text != ";":
            if n > _TAIL_WORDS:  # too long a tail for a speaker in any mode (below): no need to read on
                break
            if toks[k].text == "," and k + 1 < y and (hit := self.match_phrase(toks, k + 1, y)) is not None \
                    and hit[1] == "citing":
                break  # ", предаде Ройтерс, като цитира говорителя ..., който заяви ...": whom it cites is a chain
            if toks[k].text == "," and first is not None and n <= 3 and k + 1 < y and toks[k + 1].low in lex.relatives \
                    and (first.text[0].isupper() or lex.is_role(first.low)):
                break  # ", обясни адвокатът, който не е получил никаква защита ...": the clause tells who he is
            if toks[k].q >= 0:  # a quote in the tail is content, not a speaker
                n += 3
                first = first or toks[k]
                k += 1
                continue
            if toks[k].word:
                if first is None and toks[k].low not in lex.skip_after:
                    first = toks[k]
                n += 1
            elif toks[k].text == "," and lex.trailing_strict and first is not None and n <= 2:
                break
            k += 1
        between = ci - comma - 1
        if between > 0 and toks[ci - 1].low in lex.infinitive_marker and lex.lang != "en":
            return False  # ", където се очаква да коментира насоките": a comment expected, not one made on the clause
        if any(t.low in lex.boundary or t.low in lex.relatives or t.low in lex.relative_adverbs
               for t in toks[comma + 1:ci]) or (
                ci > comma + 1 and toks[ci - 1].low in lex.future_markers and not (cj < y and (
                    toks[cj].text[:1].isupper() or lex.is_role(toks[cj].low)))):
            # (", ирландският еврокомисар в Брюксел, ще предупреди за рисковете": the subject's own verb; ", ще
            # заяви Борис Джонсън" is a trailing cue in the future; ", където тя обяви нови ... контакти": a
            # relative clause's own statement, not one about the clause before its comma)
            return False
        if not lex.trailing_strict:
            if between > 0 and cj < y and toks[cj].low in lex.object_preps:
                return False  # "Почетный председатель партии, экс-премьер Иванишвили объявил о победе": the cue's
                # own object follows it; what stands before the comma is the subject's apposition, not his words
            if between == 0 and cj < y:
                # "..., а студентите ..., призоваха за мирни действия": a preposition after the cue opens what was
                # called for, and no one who could speak follows it (a name, a role, a definite noun, a medium:
                # "посочват от „Булгаргаз“", "съобщи в сряда британското Сдружение", "се казва в съобщението")
                k = self._past_place_pp(toks, self._skip_addressee(toks, cj, y), y)
                tail = [t for t in toks[k:y] if t.word or t.q >= 0]
                if k < y and toks[k].low in lex.stop and toks[k].text[:1].islower() and toks[k].low not in \
                        lex.affiliation and not any(
                            t.q >= 0 or t.text[:1].isupper() or t.low in lex.medium or lex.is_role(t.low)
                            or t.low.endswith(lex.definite_endings)
                            or (k + 1 < y and toks[k + 1].text == ".")  # "отбелязва в. ..."
                            for t in tail):
                    return False
            if between == 0 and first is not None and cj < y and toks[cj] is first and (
                    first.text[0].isupper() or lex.is_role(first.low) or lex.is_role(
                        toks[min(self._adjectives_after(toks, cj, y), y - 1)].low)):
                # (adjectives may come first: ", заяви външният министър на Великобритания Борис Джонсън по повод ...")
                return True  # ", каза говорител на правителството след директния апел ... да помогне ...": the
                # speaker stands right after the cue; how long the words describing him run is no matter
            return n <= _TAIL_WORDS and between <= 6
        if n > 12 or between > 6:
            return False
        if between == 0:  # inverted: ", said Alden of the council", and nothing but a comma or a PP after the name
            if first is None or not (first.text[0].isupper() or first.low in ("the", "a", "an")):
                return False
            if lex.inverted and toks[ci].low not in lex.inverted:
                return False
            r = self.np_after(toks, cj, y)
            e = r[1] if r else cj
            return e >= y or toks[e].text in ",;" or toks[e].text in SENT_END or toks[e].q >= 0 \
                or toks[e].low in lex.tail_words
        if any(t.low in lex.auxiliaries for t in toks[comma + 1:ci]):
            return False  # ", it is too early to know": a clause, not a speaker
        if first is None:
            return True
        if first.low in lex.tail_words or first.low in lex.objects:
            return n <= 8
        return first.text[0].isupper() and n <= 3

    def _skip_adverbial(self, toks: list[Tok], j: int, lo: int) -> int:
        """Token index before an adverbial phrase ending at j ("в същото време"), else j."""
        if lo <= j < len(toks):
            low = toks[j].low
            if low not in self.lex.adverbial_ends:
                return j  # no phrase ends with this word (most calls)
            # only the phrases that end with this word, in their order (longest first), by plain loops: the others
            # fail on it (their words, inside [lo, j], are all there to compare; an empty phrase returns j, as below)
            for adv in self.lex.adverbials_by_end[low]:
                n = len(adv)
                s = j - n + 1
                if s >= lo:
                    for m in range(n):
                        t = toks[s + m]
                        if t.low != adv[m] or t.q >= 0:
                            break
                    else:
                        return j - n
            return j
        for adv in self.lex.adverbials:
            n = len(adv)
            if j - n + 1 >= lo and all(toks[j - n + 1 + m].low == w and toks[j - n + 1 + m].q < 0
                                       for m, w in enumerate(adv)):
                return j - n
        return j

    def _trailing_end(self, toks: list[Tok], k: int, y: int, cues: list[tuple[int, int, str]]) -> int:
        """End (exclusive token index) of a content clause: before a trailing ``, CUE X``, before a coordinated cue
        sharing the subject (``questioned A, blamed B and bemoaned C``, ``said A, adding B``) or at the sentence end."""
        lex = self.lex
        joined: int | None = None  # where a cue that shares the subject begins
        if lex.coordinators:
            for ci, _cj, cls in cues:
                if ci <= k + 1 or cls not in ("speech", "request", "unsaid") or toks[ci].text[0].isupper():
                    continue
                j = ci - 1
                while j > k and toks[j].word and (toks[j].low in lex.skip_before or toks[j].low.endswith("ly")
                                                  or (cls == "unsaid" and toks[j].low in lex.negations)):
                    j -= 1  # (past the negation of a cue of what was not said: "каза, че ..., но не каза кога")
                if lex.adverbials:
                    j = self._skip_adverbial(toks, j, k + 1)
                if j > k + 2 and toks[j].low in lex.subject_pronouns and toks[j - 1].low in lex.coordinators \
                        and toks[j - 2].text == ",":
                    j -= 1  # "..., че X ..., но тя добави, че ...": a clause of its own, its subject a pronoun
                if j > k + 1 and toks[j].low in lex.coordinators and not self._shared_auxiliary(toks, k, j, ci):
                    joined = j - 1 if toks[j - 1].text == "," else j
                    break
                if j > k + 1 and toks[j].text == "," and lex.participle_endings and toks[ci].low.endswith(
                        lex.participle_endings):
                    joined = j
                    break
                if j > k + 1 and toks[j].text == "," and j + 1 == ci and self._comma_list(toks, k, j):
                    joined = j
                    break
        for ci, _cj, cls in cues:
            if cls == "according" and _cj < y and toks[_cj].low in lex.relatives:
                continue  # "..., че планът, според който лидерите ..., е нереалистичен": a relative clause inside it
            if ci > k and (joined is None or ci < joined) and cls in _ENDS_CONTENT and not (
                    self._closes_relative(toks, k, ci, _cj, y)):
                comma = self._trailing_comma(toks, k, ci)
                if comma is not None and comma > k and (cls not in ("speech", "unsaid") or self._trailing_ok(
                        toks, comma, ci, _cj, y)):
                    return comma  # (before such a cue: "..., допълни Юнкер, настоявайки ...")
        if joined is not None:
            return joined
        end = y
        if lex.clause_breaks:  # "declined to authenticate the memo, but he also did not dispute it"
            for m in range(k + 1, y - 1):
                if toks[m].text == "," and toks[m + 1].low in lex.clause_breaks:
                    end = m
                    break
        for m in range(k + 1, end - 1 if lex.colon_quote_ends_content else 0):
            if toks[m].text == ":" and toks[m + 1].q >= 0:  # "said X was acting out of worry: “…”": a quote of its own
                end = m
                break
        while end > k and toks[end - 1].text in SENT_END:
            end -= 1
        return end

    def _shared_auxiliary(self, toks: list[Tok], k: int, j: int, ci: int) -> bool:
        """Whether the cue after the coordinator at ``j`` is a participle sharing the auxiliary of the participle
        before it inside the content ("подчерта, че неговата страна е искала и очаквала „...“"): one verb phrase of
        the content's own subject, not a second cue of the speaker's."""
        lex = self.lex
        ends = lex.active_participles
        p = j - 1
        return bool(ends) and p > k and toks[p].word and toks[p].text.islower() and toks[p].low.endswith(ends) \
            and toks[ci].low.endswith(ends) and any(
                toks[m].low in lex.passive_auxiliaries for m in range(max(k + 1, p - 2), p))

    def _closes_relative(self, toks: list[Tok], k: int, ci: int, cj: int, y: int) -> bool:
        """Whether the cue at ``ci`` is the verb of the content's own subject after the comma that closes a relative
        clause opened inside the content, with a "че" clause of its own ("показва, че британците, дори и тези, които
        подкрепят Брекзит, се опасяват, че ..."): a frame inside the content, no trailing cue that ends it. Not
        "Украйна, която смята, че ..., се страхува, че": the relative clause opened before the content."""
        lex = self.lex
        c = ci - 1 if ci - 1 > k and toks[ci - 1].low in lex.skip_before else ci
        if not (c - 1 > k and toks[c - 1].text == "," and cj + 1 < y and (toks[cj].low in lex.complementizers or (
                toks[cj].text == "," and toks[cj + 1].low in lex.complementizers))):
            return False
        return any(t.low in lex.relatives for t in toks[k + 1 : c - 1])

    def _comma_list(self, toks: list[Tok], k: int, j: int) -> bool:
        """Whether a later ``, and CUE`` closes a list of verb phrases that starts before comma j."""
        for m in range(j + 1, len(toks)):
            if toks[m].text in SENT_END or toks[m].text == ";":
                return False
            if toks[m].low in self.lex.coordinators and m + 1 < len(toks) and \
                    self.match_phrase(toks, m + 1, len(toks)) is not None:
                return True
        return False

    def _according(self, toks, x, y, ci, cj, cues, st, emit, src_here, sent) -> None:
        lex = self.lex
        phrase = tuple(t.low for t in toks[ci:cj])
        if cj + 1 < y and toks[cj].low in lex.relatives and ci - 1 > x and toks[ci - 1].text == ",":
            # "... разсекрети документи на разузнаването, според които Джорджеску е бил подпомогнат ...": by
            # what the relative stands for, not by the clause's subject
            a = ci - 2  # the noun before the comma, with its genitive ("документи на разузнаването", "доклад на
            m = next((m for m in self.mentions_in(toks[a].s, toks[a].e) if m.form == "name"  # Световната банка")
                      and m.span[1] == toks[a].e), None)
            while m is not None and a > x and toks[a].s > m.span[0]:
                a -= 1
            if toks[a].q >= 0 and a - 1 >= x and toks[a - 1].word:  # "програмата си „Америка на първо място“"
                a -= 2 if a - 2 >= x and len(toks[a - 1].low) <= 2 and toks[a - 2].word else 1  # (a clitic)
            if a - 2 >= x and toks[a - 1].low in lex.genitive and toks[a - 2].word:
                a -= 2
            if any(toks[i].low in lex.rule_nouns or toks[i].low in lex.documents for i in range(max(a - 2, x), ci - 1)):
                return  # "чл. 49 от Договора за ЕС, според който ...": what a treaty or a law provides, no one's words
            if any(c0 < a and kind in ("speech", "info") and any(toks[m].low in lex.complementizers for m in range(c1, a))
                   for c0, c1, kind in cues):
                return  # "изразяват опасения, че планът, според който ...": the clause is inside what they said
            by = self.resolve(toks, (a, ci - 1), st) if a >= x and (toks[a].word or toks[a].q >= 0) else None
            end = self._trailing_end(toks, cj + 1, y, [c for c in cues if c[0] > cj])
            if by is not None and end > cj + 1:
                emit((toks[cj + 1].s, toks[end - 1].e), False, ci, cj, by, "according", "quote:according")
            return
        # the phrase after "according to": up to a comma, or (no comma near) an adjective run + head noun + names
        k = cj
        while k < y and toks[k].text != "," and toks[k].q < 0 and toks[k].text not in SENT_END and k - cj < 16:
            k += 1
        # (a direct quote before it is what was said: "“It is illegal ...,” according to the EEOC")
        # (and after a dateline: "Кишинев, 21 октомври (БТА) - По данни на ...")
        lo = next((k + 1 for k in range(ci - 1, x - 1, -1) if toks[k].text == ":" and toks[k].q < 0), x)
        # (after a lead-in's colon too: "London Evening Standard: Според Джулиан Кинг Великобритания не е готов")
        at_start = all((not t.word and t.q < 0) or t.low in lex.skip_before or any(
            d0 <= t.s < d1 for d0, d1 in self.datelines) for t in toks[lo:ci])
        # "..., тъй като според Вашингтон той ще ...": after a conjunction the reported clause follows X
        mid = not at_start and bool(lex.according_after) and toks[ci - 1].q < 0 and (
            toks[ci - 1].low in lex.according_after or toks[ci - 1].text == ","
            or toks[ci - 1].low in lex.relatives)  # (", които според министерството са участвали ...")
        lead = cj  # "Как сообщил ранее официальный представитель ...": an adverb before who
        while lead < k and toks[lead].low in lex.skip_after and toks[lead].low in lex.skip_before:
            lead += 1
        from_place = False
        if lead + 2 < k and toks[lead].low in lex.cue_pps and (place := next((
                m for m in self.mentions_in(toks[lead + 1].s, toks[lead + 1].e) if m.span[0] == toks[lead + 1].s
                and self._known_place(m)), None)) is not None:
            # "Както съобщава от Исламабад кореспондентът на Би Би Си ...": where it was reported from, then who
            j = next((j for j in range(lead + 1, k) if toks[j].s >= place.span[1]), k)
            if j < k and toks[j].word:
                lead, from_place = j, True
        if (at_start or mid) and (k >= y or toks[k].text != "," or k - lead > 8 or any(
                t.low in lex.skip_before or t.low in lex.complementizers for t in toks[lead:k]) or any(
                t.low in lex.anaphoric for t in toks[lead + 1:k]) or (
                k + 1 < y and toks[k + 1].low in lex.relatives)):  # ("По информация на изданието магазините ...,
            # които не са ...": the comma opens a relative clause inside what was said)
            # (no comma, a far one, or a verb before it: "Според изданието мерките ще засегнат танкери, ...")
            k0, k = k, self._np_guess(toks, lead if from_place else cj, y)
            while mid and k0 < y and toks[k0].q >= 0 and k0 - cj < 24:  # (a quoted name inside the phrase)
                k0 += 1
                while k0 < y and toks[k0].text != "," and toks[k0].q < 0 and not self._ends(toks, k0):
                    k0 += 1
            if mid and toks[ci - 1].text == "," and k < k0 and (k0 >= y or self._ends(toks, k0)) and (any(
                    m.type == "PER" and m.form == "name" and m.span[1] == toks[k0 - 1].e
                    for m in self.mentions_in(toks[k0 - 1].s, toks[k0 - 1].e)) or toks[k].low in lex.genitive):
                # (or the guess stopped before a genitive: "..., според стенограма на украинското правителство.")
                k = k0  # "..., по думите на преподавателя в катедра ... Николай Шаранков.": a name ends the sentence,
                # so the whole phrase is who, and the clause before the comma what was said
            if cj < k < y:  # a name the guess cut ("Според Националния | оперативен щаб през ...") is whole
                last = max((m.span[1] for m in self.mentions_in(toks[cj].s, toks[k - 1].e) if m.form == "name"),
                           default=0)
                while k < y and toks[k].s < last:
                    k += 1
                if k + 2 < y and toks[k].text == "(" and toks[k + 2].text == ")" and toks[k + 1].word \
                        and toks[k + 1].text[:1].isupper():
                    k += 3  # "... за гранична и брегова охрана (Фронтекс) незаконните ...": its short name too
                if k < y and toks[cj].text.islower() and any(t.low in lex.affiliation or t.low in lex.genitive
                                                             for t in toks[cj + 1:k]) and any(
                        m.form == "name" and m.type == "ORG" and m.span[1] == toks[k - 1].e
                        for m in self.mentions_in(toks[k - 1].s, toks[k - 1].e)) and (per := next((
                        m for m in self.mentions_in(toks[k].s, toks[k].e) if m.type == "PER" and m.form == "name"
                        and m.span[0] == toks[k].s), None)) is not None:
                    while k < y and toks[k].s < per.span[1]:
                        k += 1  # "Според икономиста от Института за пазарна икономика Петър Ганев ...": its holder
        if k < y and toks[k].text == "," and cj < k and (per := next((
                m for m in self.mentions_in(toks[cj].s, toks[k - 1].e) if m.type == "PER" and m.form == "name"
                and m.span[1] < toks[k - 1].e), None)) is not None:
            e = next((m for m in range(cj, k) if toks[m].s >= per.span[1]), k)
            if e < k and toks[e].word and toks[e].text.islower() and toks[e].low not in lex.genitive \
                    and toks[e].low not in lex.affiliation:
                k = e  # "По думите на Тошковски пиротехнически изделия, използвани ...": the name ends who
        named = self._quoted_name(toks, cj, y) if cj < y and toks[cj].q >= 0 else None
        if named is not None:
            k = named  # "По оценке «Газпрома», ...": the name in quote marks is who, not what was said
        inner = next((j for j in range(ci + 1, cj) if toks[j].low in lex.according_inner), None)
        if inner is not None:  # "По ее словам, ...": the pronoun inside the phrase is who
            k = cj
            if k < y and toks[k].low in lex.medium_preps and (c := next((
                    j for j in range(k + 1, min(y, k + 5)) if toks[j].text == ","), None)) is not None and all(
                    t.word and t.q < 0 for t in toks[k + 1 : c]):
                k = c  # "Както той казва в книгата, Илюминати ...": where it was said, then what
            np: NP | None = NP((toks[inner].s, toks[inner].e), "pronoun",
                               self._referent(toks[inner].low, st, toks[inner].s))
        elif cj < y and toks[cj].low in lex.according_pronouns:  # "По думите й ...", "според него ..."
            if mid and toks[ci - 1].low in lex.complementizers:
                return  # "подчерта, че според него ...": the view of the enclosing quote's own speaker
            k = cj + 1
            np = NP((toks[cj].s, toks[cj].e), "pronoun", self._referent(toks[cj].low, st, toks[cj].s))
        else:
            # (whom it was said to: "Как сообщил журналистам X")
            a = self._skip_addressee(toks, lead, k) if lead < k and toks[lead].q < 0 else lead
            if named is None and a < k and (m1 := next((m for m in self.mentions_in(toks[a].s, toks[a].e)
                                                         if m.form == "name" and m.span[0] == toks[a].s), None)) \
                    and (j := next((j for j in range(a + 1, k) if toks[j].s >= m1.span[1]), k)) < k and any(
                        m.form == "name" and m.span[0] == toks[j].s for m in self.mentions_in(toks[j].s, toks[j].e)):
                k = j  # "Според Нафтогаз | Газпром ѝ дължи ...": a name right after the one who says is what was said
            np = self.resolve(toks, (a, k) if named is not None else self._trim(toks, a if a < k else cj, k), st)
            if np is not None and cj < k and np.span[1] < toks[k - 1].s and (j := next(
                    j for j in range(cj, k) if toks[j].s >= np.span[1])) < k and any(
                    m.span[0] == toks[j].s and self._person(m) for m in self.mentions_in(toks[j].s, toks[j].e)):
                k = j  # "Според агенцията | Путин ще ...": the person after the outlet's noun is what was said
        if np is not None and np.kind == "phrase" and np.entity is None and not np.institution and (info := next((
                j for j in range(cj, min(k, y - 2)) if toks[j].low in lex.info_nouns and (
                    toks[j + 1].low in lex.genitive or toks[j + 1].low in lex.source_preps)), None)) is not None and (np2 := self.resolve(toks, (info + 2, max(k, self._np_guess(
                    toks, info + 2, y))), st)) is not None and (
                np2.kind in ("agency", "agency_noun") or np2.institution or self._unnamed_outlets(np2)):
            np = np2  # "Според по-ранни информации на руски медии ...", "Според информация от руското газово
            # дружество ...": whose information it is
            k = max(k, bisect_left([t.s for t in toks], np2.span[1]))
        if np is None or (mid and toks[ci - 1].low in lex.complementizers and np.kind == "phrase"
                          and np.entity is None and not np.institution and toks[k - 1].low in lex.info_nouns):
            return  # "допълни, че според първоначалната информация ...": no one's view inside the enclosing quote
        words = self.text[np.span[0]:np.span[1]].lower().split()
        if words and ((np.kind in ("phrase", "name") and words[0] in lex.rule_nouns) or (
                np.kind == "phrase" and np.entity is None and not np.institution and words[-1] in lex.rule_nouns)):
            return  # "Според новите правила пътниците ще имат право ...", "според тарифите на СТО": what a rule
            # prescribes, no one's words
        who: NP | None = None if self._info_only(np, words) else np
        cue_span = (toks[ci].s, toks[cj - 1].e)
        if phrase in lex.according_source and (np.kind in ("agency", "agency_noun") or np.institution):
            s_idx = self.add_source(np, sent, cue_span, "source:according")
            src_here.append((s_idx, ci))
            # a trailing reporting agency in the same sentence cites this one ("Според КЦТА …, посочва ТАСС")
            for c2, d2, cls2 in cues:
                if c2 > k and cls2 in ("speech", "info"):
                    np2 = self._speaker_for(toks, (c2, d2, cls2), d2, y, st, before_lo=c2)
                    if np2 is not None and np2.kind in ("agency", "agency_noun"):
                        k2 = self.add_source(np2, sent, (toks[c2].s, toks[d2 - 1].e), f"source:{cls2}")
                        if k2 != s_idx:
                            self.out.sources[k2].cites = s_idx
                        src_here.append((k2, c2))
        # "При этом, по его словам, транзит ... должен быть сохранен": what he said follows the phrase
        start_sentence = mid or at_start or (inner is not None and ci > x and toks[ci - 1].text == ",")
        if start_sentence and not at_start and ci > x and toks[ci - 1].text == "," and (k >= y or self._ends(toks, k) or (
                toks[k].text == "," and any(c2 == k + 1 and cls2 in ("speech", "info") for c2, _d2, cls2 in cues))):
            start_sentence = False  # "Икономиката ще расте с 3 на сто, според прогнозата на ...": the sentence's end
            # (or a trailing cue after it: "..., според директора на Eurasia Group Мий Рахман, пише The Daily Express")
        nxt = k + 1 if k < y and toks[k].text in ",:" else k
        if nxt < y and toks[nxt].q >= 0:  # Според X „…“
            dq = self._quotes[toks[nxt].q]
            if not dq.used and not any(m.span == dq.content and m.form == "name" for m in self.mentions_in(
                    *dq.content)):  # (not "Според споразумението „Хамас“ ще освободи ...": a name)
                dq.used = True
                dq.quote = emit(dq.content, True, ci, cj, who, "according", "quote:direct:according")
                return
        if start_sentence:
            a = k + 1 if k < y and toks[k].text == "," else k
            while a < y and toks[a].low in lex.content_skip:  # "Според X обаче данните ...": not what was said
                a += 1
            if a < y and lex.participle_apposition and toks[a].low.endswith(lex.participle_apposition) \
                    and toks[a].text.islower():  # "Според проучване на X, публикувано в понеделник, ...": about X
                c = next((j for j in range(a + 1, min(y, a + 9)) if toks[j].text == "," and toks[j].q < 0), None)
                if c is not None:
                    a = c + 1
            for c2, d2, cls2 in cues:  # "Според Ройтерс, което цитира източници от ЕК, ...": the content follows
                if c2 == a and cls2 in ("citing", "published"):  # ("Според чернова, с която разполага ФТ, ...")
                    j = d2
                    while j < y and toks[j].text != "," and j - d2 < 12:
                        j += 1
                    a = j + 1 if j < y and toks[j].text == "," else a
            end = self._trailing_end(toks, a, y, [c for c in cues if c[0] > a])
            if end > a:
                emit((toks[a].s, toks[end - 1].e), False, ci, cj, who, "according", "quote:according")
        else:
            e = ci
            if e > x and toks[e - 1].text == ",":
                e -= 1
            elif lex.according_comma and e > x and toks[e - 1].word and np.kind == "phrase" and np.entity is None \
                    and not np.institution and not any(w in lex.info_nouns or w in lex.medium or w in lex.agency_nouns
                                                       for w in self.text[np.span[0] : np.span[1]].lower().split()):
                return  # bg/ru "да функционират според конституцията": in keeping with, not someone's view (a source
                # or a survey without the comma still is: "нараснала значително според анкета на ...")
            lo = x
            if np.kind in ("agency", "agency_noun") and any(
                    q.speaker.span and q.speaker.span[0] <= toks[lo].s < q.speaker.span[1] for q in self.out.quotes[-4:]):
                return  # "X called it Y, according to Reuters": the agency relays X's statement (its source, above)
            if e == lo + 1 and toks[lo].q >= 0 and not self._quotes[toks[lo].q].used:  # "“…,” according to X"
                dq = self._quotes[toks[lo].q]
                dq.used = True
                dq.quote = emit(dq.content, True, ci, cj, who, "according", "quote:direct:according")
            elif sum(t.word for t in toks[lo:e]) > 1 and not any(  # (not "Вижте, както каза той": one word says
                    toks[lo].s <= q.span[0] <= toks[min(lo + 1, e - 1)].e for q in self.out.quotes[-4:]):  # nothing)
                # (nor a clause that opens with a quote of its own: "„…“, подчерта Алтмайер ..., според стенограма на
                # украинското правителство": the phrase is where the sentence comes from, above; one inside it stays,
                # "Trump was rushed off stage after someone yelled “Gun!”, according to the Secret Service")
                emit((toks[lo].s, toks[e - 1].e), False, ci, cj, who, "according", "quote:according")

    def _info_only(self, np: NP, words: list[str]) -> bool:
        """An "according to" phrase that is only information, no one's ("Според изтекла информация, ...", "според
        прогнози ...", "според информация в Интернет"): the statement has no speaker (eval/bggold: 4 of 5), unlike
        information someone gave or owns ("Според данни на МВР", "Според получените от изданието данни", "Според тяхна
        информация", "според твоите прогнози")."""
        if np.kind != "phrase" or np.entity is not None or np.institution:
            return False
        lex = self.lex
        i = next((i for i, w in enumerate(words) if w in lex.info_nouns), None)
        if i is None or not (i + 1 == len(words) or words[i + 1] in lex.locatives):
            return False
        pre = words[2:i] if i >= 2 and tuple(words[:2]) in lex.partitives else words[:i]  # ("една от версиите")
        return all(w.isalpha() and w not in lex.according_inner and w not in lex.possessive_determiners
                   and w not in lex.name_preps for w in pre) and self.text[np.span[0]:np.span[1]].split()[0][:1].islower()

    def _quoted_name(self, toks: list[Tok], a: int, y: int, use: bool = True) -> int | None:
        """The token after a short quoted name that opens an "according to" phrase ("По данным «Нафтогаза», ...")
        or names a speaker ("посочват от „Булгаргаз“"), or None when the quote is what was said: more than four
        words, lower case, left open, or (``use``: an "according" phrase) the sentence's end after it. ``use`` uses
        the quote up (no direct quote)."""
        dq = self._quotes[toks[a].q]
        words = self.text[dq.content[0] : dq.content[1]].split()
        if not 1 <= len(words) <= 4 or not words[0][:1].isupper() or dq.end <= dq.close:
            return None
        k = a
        while k < y and toks[k].s < dq.end:
            k += 1
        while k < y and toks[k].text.isdigit():  # „Даунинг стрийт“ 10
            k += 1
        if not use:
            return k
        if k >= y or toks[k].text in SENT_END:
            return None
        dq.used = True
        return k

    def _unnamed_outlets(self, np: NP) -> bool:
        """Outlets told by their kind alone ("съобщават руски издания", "според британската преса", "украинските
        медии"): where the news comes from, though no one outlet is named; the quote keeps them as its speaker."""
        if np.kind not in ("phrase", "name") or np.entity is not None or not self.lex.plural_agency_nouns:
            return False  # (a name: "Британски медии съобщиха" opens its sentence with a capital)
        words = self.text[np.span[0]:np.span[1]].lower().split()
        if len(words) > 2 and (words[0], words[1]) in self.lex.partitives:
            words = words[2:]  # "по данни на една от социологическите агенции": one of them, unnamed all the same
        if np.kind == "name" and len(words) != 2:
            return False  # (an adjective and the noun only: "Кореспонденти на медии разказват" are people)
        return 0 < len(words) <= 3 and words[-1] in self.lex.plural_agency_nouns

    def _from_body(self, np: NP) -> bool:
        """Whether a statement comes "from" a body ("уточниха от компанията", "съобщиха от Nord Stream 2 AG"): the
        impersonal plural names where the news comes from, a source whatever the verb (a person never speaks
        "from")."""
        if not self.lex.source_preps or np.kind not in ("name", "role", "phrase"):
            return False
        wb = _word_before(self.text, max(0, np.span[0] - 8), np.span[0])  # (_WORD_BEFORE's search, backwards)
        if wb is None:
            return False
        ent = self._entity(np.entity)
        if wb[1].lower() in self.lex.locatives and np.kind == "name" and ent is not None and ent.kind == "government":
            return True  # "В Белия дом заявиха, че ...": the seat of a government names it ("В Москва заявиха": a city)
        if wb[1].lower() not in self.lex.source_preps:
            return False
        lead = self.text[max(0, wb[0] - 16) : wb[0]].rstrip()
        last = lead.split()[-1].lower() if lead.split() else ""
        if lead.endswith("%") or last.isdigit() or (last, wb[1].lower()) in self.lex.partitives:
            return False  # "64% от анкетираните американци споделят", "част от британците смятат": a part of a group
        if ent is None and np.kind == "name":  # "От Летище София уточниха": a body the KB lacks; not a person, and
            return not any(self._person(m) or self._known_place(m)  # not "(лица) от Париж и Лондон", a place
                           for m in self.mentions_in(*np.span))
        return (ent.type != "PER") if ent is not None else np.institution or np.kind == "role"

    def _statement_owner(self, toks: list[Tok], np: NP, cls: str, st: State) -> NP | None:
        """The body that issued the statement a speaker phrase names ("се казва в съобщение на управлението", "... на
        Министерството на финансите"): where the news comes from, while the statement stays the quote's speaker."""
        if np.kind == "owned_medium":
            return self._medium_owner(toks, np, st)
        if np.kind == "role" and np.entity is None and (outlet := next((
                m for m in self.mentions_in(*np.span) if m.entity is not None and self._is_outlet(m.entity)),
                None)) is not None:
            return self._kb_outlet_np(outlet)  # "Източници на Ройтерс": the outlet whose sources they are
        if np.kind == "name" and np.core is not None and np.core[0] > np.span[0] and (outlet := next((
                m for m in self.mentions_in(np.span[0], np.core[0]) if self._is_outlet(m.entity)
                and m.entity is not None), None)) is not None:
            return self._kb_outlet_np(outlet)  # "кореспондентът на БНТ Иван Петров": the outlet he reports for
        if cls == "impersonal" and np.institution and np.core and np.core[0] > np.span[0]:
            return NP(np.core, "name", np.entity, institution=True, core=np.core)  # the body the phrase ends with
        return None

    def _medium_owner(self, toks: list[Tok], np: NP, st: State) -> NP | None:
        """The body or outlet a medium phrase names as its owner ("съобщение на управлението", "изявление на
        Министерството на финансите"), when it is one: an agency, an institution or an organisation's name."""
        starts = [t.s for t in toks]
        k, end = bisect_left(starts, np.span[0]), bisect_left(starts, np.span[1])
        g = next((j for j in range(k + 1, end - 1) if toks[j].low in self.lex.genitive), None)
        if g is None:
            return None
        owner = self.resolve(toks, (g + 1, end), st)
        if owner is None:
            return None
        ent = self.doc.entities.get(owner.entity) if owner.entity else None
        if owner.kind in ("agency", "agency_noun") or owner.institution or (ent is not None and ent.type == "ORG"):
            return owner
        words = self.text[owner.span[0] : owner.span[1]].lower().split()
        if owner.kind == "phrase" and ent is None and len(words) == 1 and words[0].endswith(self.lex.definite_endings):
            return owner  # "съобщение на управлението", "изявление на компанията": a body named by its noun
        return None

    def _quoted_outlet(self, np: NP) -> NP | None:
        """The outlet a short quoted name after an information cue names ("..., съобщава „Марица“"): a paper or a
        station, as Bulgarian writes them, that the KB does not know (known ones are read before: ``name_at``)."""
        a, b = np.span
        op = self._mark_at(a, self.lex.openers)  # the language's quote marks (quotes.toml), not a list of its own
        close = next((c for c in self.lex.closers[op] if self.text.startswith(c, b - len(c), b)), None) if op else None
        if op is None or close is None:
            return None
        core = (a + len(op), b - len(close))
        name = self.text[core[0]:core[1]]
        words = name.split()
        if not 1 <= len(words) <= 4 or not (words[0][:1].isupper() or words[0][:1].isdigit()):
            return None  # a title capitalises its first word only: "„Евангелски вестник“", "„24 часа“"
        return NP(np.span, "agency", self.agency_entity(core, name), agency=name, core=core)

    def _adjective_outlet(self, toks: list[Tok], np: NP, cj: int, y: int) -> NP | None:
        """The paper a country's adjective with the article stands before, its noun left out ("..., пише британският
        „Телеграф“", "коментира австрийският „Дер Щандарт“", "пише британският Sunday Express"): a quoted title, one
        the KB lists, or a name in Latin letters; the adjective is no part of the name. None for anything else ("пише
        британският премиер", a person's or a known body's name)."""
        lex, text = self.lex, self.text
        k = next((k for k in range(cj, min(y - 1, cj + 4)) if toks[k].s == np.span[0]), None)
        if k is None or not toks[k].word or not toks[k].text.islower() or not toks[k].low.endswith(
                lex.outlet_adjective_endings):
            return None
        j = k + 2 if toks[k + 1].q < 0 and not toks[k + 1].word and toks[k + 1].text in lex.mark_chars and k + 2 < y \
            else k + 1  # (a mark of its own before a name read as an outlet's; a quote's token holds its marks)
        nxt = toks[j]
        paper: NP | None
        if (named := self.name_at.get(nxt.s)) is not None:  # a title read as an outlet's name: „Шпигел“
            paper = self._outlet_np((nxt.s, named[0]), named[1])
        elif (kb := self._outlet_at(toks, j)) is not None and kb.entity:  # one the KB knows: "британският Гардиън"
            paper = self._kb_outlet_np(kb)
        elif j > k + 1:
            return None
        elif nxt.q >= 0:
            paper = self._quoted_outlet(NP((nxt.s, nxt.e), "name", None))
        elif nxt.word and nxt.text[:1].isupper():
            end = k + 1
            while end < y and end - k <= 4 and toks[end].word and toks[end].text[:1].isupper():
                end += 1
            rest = NP((nxt.s, toks[end - 1].e), "name", None)
            paper = self._listed_outlet(rest, True) or (
                self._outlet(rest) if self._latin_name(text[rest.span[0]:rest.span[1]]) else None)
        else:
            return None
        if paper is None:
            return None
        core = paper.core or paper.span
        if any(m.type == "PER" or (m.entity and not m.entity.startswith("vx:") and not self._is_outlet(m.entity))
               for m in self.mentions_in(*core)):
            return None  # a person or a body the KB knows as no outlet
        return paper

    def _titled(self, np: NP) -> bool:
        """Whether the tagger reads the phrase as one title (PRO: a paper, a show, a product) and nothing else."""
        ms = self.mentions_in(*np.span)
        if len(ms) != 1 or ms[0].type != "PRO":
            return False
        return not self.text[np.span[0]:ms[0].span[0]].strip("„“”\"«» ") and \
            not self.text[ms[0].span[1]:np.span[1]].strip("„“”\"«» ")  # the title and its marks, nothing more

    def _outlet(self, np: NP) -> NP:
        """The phrase as an outlet's name (written without its marks, or with only the closing one left)."""
        name = self.text[np.span[0]:np.span[1]]
        return NP(np.span, "agency", self.agency_entity(np.span, name), agency=name, core=np.span)

    def _unknown_outlet(self, np: NP) -> NP:
        """The agency an unknown name in capitals after an outlet's verb names ("..., предаде ВВС", BBC in Cyrillic
        letters, which the tagger reads as the air force's initials), or a name in Latin letters there in a
        Cyrillic text ("Както пише The American Conservative, ..."; latin_outlet_preps' languages), else ``np``:
        no person and no known body."""
        a, b = np.span
        name = self.text[a:b]
        first = next((m for m in self.mentions_in(a, b) if m.span[0] == a), None)
        if first is not None and first.form == "derived" and first.type == "LOC" and first.span[1] < b and \
                " " not in (site := self.text[first.span[1]:b].strip()) and DOMAIN.match(site):
            core = (b - len(site), b)  # "..., пише македонският falanga.com": the country's site
            return NP(np.span, "agency", self.agency_entity(core, site), agency=site, core=core)
        acronym = 2 <= len(name) <= 8 and name.isalpha() and name.isupper()
        if (listed := self._listed_outlet(np, True)) is not None:
            return listed  # "..., пише Блиц": an outlet the KB lists in quote marks only, its title a common word
        if not (acronym or self._latin_name(name)) or any(
                m.type == "PER" or (m.entity and m.span == (a, b) and self._kind(m.entity) is not None)
                for m in self.mentions_in(a, b)):  # (a country inside the name is the paper's: "The American ...")
            return np
        return self._outlet(np)

    def _listed_outlet(self, np: NP, writes: bool = False) -> NP | None:
        """The phrase as the outlet the KB lists under that name in any case, with or without its quote marks ("Рен
        тв", "Блиц" for „Блиц“), when no person is named in it; None otherwise. Read only where a cue says an outlet
        tells news, where such a title is no common word. After "пише" (``writes``) a one-word title the tagger read
        as a person the KB does not know is the paper all the same ("..., пише Пик")."""
        a, b = np.span
        key = " ".join(self.text[a:b].strip("\"„“”«»").split()).casefold()
        name = media_surfaces().get(key)
        if name is None or any(m.type == "PER" and not (
                writes and " " not in key and m.span == (a, b) and (m.entity or "vx:").startswith("vx:"))
                for m in self.mentions_in(a, b)):
            return None
        return NP(np.span, "agency", self.agency_entity(np.span, name), agency=name, core=np.span)

    def _latin_name(self, name: str) -> bool:
        """A name in Latin letters, every word but a short function word capitalised ("The American Conservative",
        "Express"), in a language whose texts write foreign outlets so (latin_outlet_preps); an English given name
        first makes it a person ("John Smith")."""
        words = name.split()
        return bool(self.lex.latin_outlet_preps) and 0 < len(words) <= 5 and name.isascii() and all(
            w[0].isupper() or (len(w) <= 3 and w.isalpha()) for w in words) and words[0][0].isupper() and any(
            c.isalpha() for c in name) and not (len(words) == 2 and words[0].lower() in given_names("en"))

    def _np_guess(self, toks: list[Tok], a: int, y: int) -> int:
        """End of a noun phrase with no comma after it: modifiers, a head, then capitalised names and
        "на"/"of" + name genitives ("официалната севернокорейска новинарска агенция | поздравителното ...")."""
        if a + 2 < y and (toks[a].low, toks[a + 1].low) in self.lex.partitives:
            return self._np_guess(toks, a + 2, y)  # "По данни на една от социологическите агенции | коалицията ..."
        if a + 1 < y and toks[a].low in self.lex.name_titles:  # "Според д-р Петров | храната ...": the title, the name
            t = a + 2 if toks[a + 1].text == "." else a + 1
            if t < y and toks[t].word and toks[t].text[:1].isupper():
                return self._np_guess(toks, t, y)
        if a + 1 < y and toks[a].s in self.name_marks and not toks[a].word and toks[a + 1].s in self.name_at:
            return self._past_outlet_name(toks, a, y)  # "Според „Гардиън“ | разликата ...": a name in its marks
        k = a
        caps_only = toks[a].text[0].isupper() if a < y else False
        if caps_only and a + 1 < y and self.lex.name_adjective_endings and toks[a].low.endswith(
                self.lex.name_adjective_endings) and toks[a + 1].word and toks[a + 1].text[:1].islower() and not any(
                m.type == "PER" and m.form == "name" for m in self.mentions_in(toks[a].s, toks[a].e)):
            caps_only = False  # "Според Координационния щаб ...": a body's adjective, then its noun (not "Тошковски")
        if caps_only:
            per = next((m for m in self.mentions_in(toks[a].s, toks[a].e) if m.type == "PER" and m.form == "name"
                        and m.span[0] == toks[a].s), None)
            while k < y and toks[k].word and toks[k].text[0].isupper() and (per is None or toks[k].s < per.span[1]):
                k += 1  # (a person's name ends the phrase: "Според Хакан Фидан | Русия ...")
            return self._through_acronym(toks, k, y)
        mods = ("ата", "ият", "ото", "ите", "ска", "ски", "ско", "кия", "ната", "ния", "ен", "на", "но", "ни",
                "ая", "ой", "ый", "ий", "ое", "ые", "ие", "ого", "ей")
        heads = self.lex.agency_nouns | self.lex.medium
        # a pronoun or an auxiliary after a word in -ата is the clause's subject and verb, so that word is the head:
        # "По данни на прокуратурата | той е поискал ..."
        clause = self.lex.pronouns | self.lex.skip_before
        # two words with the article are two phrases: only a phrase's first word takes it ("според прокуратурата |
        # обвиняемият е нанесъл ...")
        definite = self.lex.definite_endings
        subject = self.lex.subject_endings  # "Според последните данни | демократът Джо Байдън води ..."
        while k < y and toks[k].word and k - a < 5 and (toks[k].low.endswith(mods) or (
                toks[k].low.endswith("ия") and k + 1 < y and toks[k + 1].low not in self.lex.genitive)) \
                and toks[k].low not in heads and k + 1 < y and toks[k + 1].word and not toks[k + 1].text[0].isupper() \
                and toks[k + 1].low not in clause and not (  # (a preposition starts no modifier: "комисия | след")
                    toks[k + 1].low in self.lex.stop and toks[k + 1].low not in self.lex.genitive
                    and toks[k + 1].low not in self.lex.locatives) and not (
                    definite and toks[k].low.endswith(definite) and toks[k + 1].low.endswith(definite)) and not (
                    subject and len(toks[k + 1].low) > 5 and toks[k + 1].low.endswith(subject)):
            k += 1
        if k < y and toks[k].word:
            k += 1
        if k + 1 < y and toks[k].low in self.lex.genitive and (toks[k - 1].low,) in self.lex.institutions \
                and toks[k + 1].word and toks[k + 1].text.islower():
            # "Според японското министерство на отбраната | ракетата ...": the body's lower-case genitive, up to
            # a second word with the article (another phrase's first word) or a word that is no noun's
            definite = self.lex.definite_endings
            j = k + 1
            while j < y and j - k <= 3 and toks[j].word and toks[j].text.islower() and not (
                    j > k + 1 and definite and toks[j].low.endswith(definite)
                    and toks[j - 1].low.endswith(definite)):
                j += 1
            if j > k + 1 and toks[j - 1].low.endswith(definite or ("\0",)):
                k = j
            elif definite and toks[k + 1].low.endswith(definite) and k + 2 < y and toks[k + 2].word \
                    and toks[k + 2].text.islower() and toks[k + 2].low not in self.lex.stop:
                k, g0 = k + 2, k  # the article on the genitive's adjective: "командването на американските
                # (военновъздушни) сили"
                while k + 1 < y and k - g0 < 5 and toks[k].low.endswith(("ни", "ски", "ки")) and toks[k + 1].word \
                        and toks[k + 1].text.islower() and toks[k + 1].low not in self.lex.stop:
                    k += 1
                k += 1
                if k + 1 < y and toks[k].low in self.lex.locatives and (loc := next(
                        (m for m in self.mentions_in(toks[k + 1].s, toks[k + 1].e) if m.type == "LOC"
                         and m.span[0] == toks[k + 1].s), None)) is not None:
                    k += 1  # ... "в Близкия изток": where they serve
                    while k < y and toks[k].s < loc.span[1]:
                        k += 1
        if k + 2 < y and toks[k].low in self.lex.genitive and toks[k + 1].word and toks[k + 1].text.islower():
            j = k + 1  # "Според проучване на социологическата агенция „Тренд“ ...": the agency's noun, then its name
            while j < y and j - k <= 3 and toks[j].word and toks[j].text.islower() and toks[j].low not in heads:
                j += 1
            if j + 2 < y and toks[j].low in self.lex.agency_nouns and toks[j + 1].s in self.name_marks \
                    and toks[j + 2].s in self.name_at:
                return self._past_outlet_name(toks, j + 1, y)
        if k + 1 < y and toks[k].low in self.lex.genitive and toks[k + 1].q >= 0 and (
                after := self._quoted_name(toks, k + 1, y, use=False)) is not None:
            return after  # "Според източници на „Труд“ срещата ...": the name in quote marks ends the phrase
        if k + 2 < y and toks[k].low in self.lex.genitive and toks[k + 1].s in self.name_marks \
                and toks[k + 2].s in self.name_at:  # ... or an outlet's: "източници на „Уолстрийт джърнъл“"
            return self._past_outlet_name(toks, k + 1, y)
        # "координатора на Европейския парламент по Брекзит Ги Верхофстад": genitives of names, then the name;
        # "икономиста от Института за пазарна икономика (ИПИ) Петър Ганев": where the speaker is from, likewise
        links = self.lex.genitive | self.lex.affiliation
        while k + 1 < y and toks[k].low in links and toks[k + 1].word and toks[k + 1].text[0].isupper():
            k += 1
            while k < y and toks[k].word and (toks[k].text[0].isupper() or (toks[k].low in self.lex.genitive
                                              and k + 1 < y and toks[k + 1].text[0].isupper())):
                k += 1
            k = self._through_acronym(toks, k, y)
        if k + 1 < y and toks[k].low in self.lex.name_titles and toks[k + 1].text[:1].isupper():
            k += 1  # "според премиера г-жа Тереза Мей ...": the title, then the name
        while k < y and toks[k].word and toks[k].text[0].isupper():
            per = next((m for m in self.mentions_in(toks[k].s, toks[k].e) if m.type == "PER" and m.form == "name"
                        and m.span[0] == toks[k].s), None)
            if per is not None and k > a:  # "Според турския външен министър Хакан Фидан | Русия и Украйна ...":
                if toks[k - 1].word and toks[k - 1].text.islower() and not self.lex.is_role(toks[k - 1].low) \
                        and toks[k - 1].low not in self.lex.name_titles and (toks[k - 1].low,) not in self.lex.institutions:
                    break  # "Според обвинението | Тръмп е представил ...": a name after a noun that no one holds
                while k < y and toks[k].s < per.span[1]:  # the name ends the phrase
                    k += 1
                break
            k += 1
        if k > a and self.lex.role_word(toks[k - 1].low) and k < y \
                and toks[k].low in self.lex.genitive:
            # "Според германския министър на отбраната Борис Писториус Европа ...": the office's genitive, then
            # the office holder's name ends the phrase
            for j in range(k + 1, min(y, k + 6)):
                if toks[j].low in self.lex.name_titles or (toks[j].text == "." and toks[j - 1].low in
                                                           self.lex.abbreviations):
                    continue  # "По думите на директора на болницата доц. Валентин Игнатов ...": a title
                if not toks[j].word:
                    break
                per = next((m for m in self.mentions_in(toks[j].s, toks[j].e) if m.type == "PER"
                            and m.form == "name" and m.span[0] == toks[j].s), None)
                if per is not None:
                    while k < y and toks[k].s < per.span[1]:
                        k += 1
                    break
                if toks[j].text[0].isupper():
                    break
        return k

    @staticmethod
    def _through_acronym(toks: list[Tok], k: int, y: int) -> int:
        """The token after a name's acronym in brackets that follows within a few lower-case words ("Института |
        за изследване на войната (ISW)": in Bulgarian only a body's first word is capitalised), else ``k``."""
        for j in range(k, min(y - 2, k + 7)):
            if not toks[j].word:
                if toks[j].text == "(" and toks[j + 1].word and toks[j + 1].text.isupper() and toks[j + 2].text == ")":
                    return j + 3
                break
        return k

    # ------------------------------------------------------------------ chains onto quotes
    def drop_publisher(self) -> None:
        """The publisher is the implicit root of every chain, never a listed source ("..., предава БТА" in BTA)."""
        pub = self.doc.publisher if isinstance(self.doc.publisher, dict) else None
        if not pub or not (pub.get("name") or pub.get("entity")):
            return
        names = {str(pub.get("name") or "").casefold()} - {""}
        out = self.out

        def is_pub(s: Source) -> bool:
            if pub.get("entity") and s.entity == pub.get("entity"):
                return True
            ent = self.doc.entities.get(s.entity) if s.entity else None
            return bool(names & {self.doc.span_text(s.span).casefold(), (ent.name.casefold() if ent else "")})

        keep = [k for k, s in enumerate(out.sources) if not is_pub(s)]
        if len(keep) == len(out.sources):
            return
        new = {old: i for i, old in enumerate(keep)}
        srcs = []
        for old in keep:
            s = out.sources[old]
            s.cites = new.get(s.cites) if s.cites is not None else None
            srcs.append(s)
        out.sources = srcs

    def _relay_outlets(self) -> None:
        """An outlet words were said to ("е говорил пред в. „Дейли мейл“", "В интервю пред Bloomberg ...") is what the
        agency relaying its paragraph cites ("..., съобщава „Ройтерс“", "..., предава БТА"), when nothing else does."""
        out = self.out
        paras = [(ss[0][0], ss[-1][1]) for ss in out.para_sents if ss]
        cited = {x.cites for x in out.sources}
        for k, s in enumerate(out.sources):
            if s.evidence != "source:outlet" or k in cited:
                continue
            para = next(((a, b) for a, b in paras if a <= s.span[0] < b), None)
            if para is None:
                continue
            relays = [j for j, r in enumerate(out.sources) if j != k and r.cites is None and r.entity != s.entity
                      and (r.evidence.startswith("source:relay") or r.evidence == "source:cited_by")
                      and para[0] <= r.span[0] < para[1]]
            if relays:
                j = min(relays, key=lambda j: abs(out.sources[j].span[0] - s.span[0]))
                out.sources[j].cites = k
                cited.add(k)

    def _drop_nested(self) -> None:
        """Drop the quotes whose cue lies inside a longer quote that holds them (``nested_quotes`` false); a "that"
        clause keeps its own frame ("criticized The Post, which wrote that he was unfit": the Post's, not a bare
        object of "criticized")."""
        out = self.out
        qs = out.quotes
        around = stabbing([q.span for q in qs], [q.cue[0] if q.cue else -1 for q in qs])  # the quotes holding a cue
        keep = [k for k, q in enumerate(qs) if q.cue is None or q.evidence.startswith("quote:indirect") or not any(
            o <= q.span[0] and q.span[1] <= e and e - o > q.span[1] - q.span[0]
            for o, e in (qs[j].span for j in around[k]))]
        if len(keep) < len(qs):
            self._keep_quotes(keep)

    def add_answers(self, pairs: list[tuple[Span, Span]], paras: list[Span], headline: Span | None) -> None:
        """An interview's answers as direct quotes with no cue, where no quote found before covers them: the words of
        the interviewee (:meth:`_interviewee`)."""
        if not pairs:
            return
        st = State()
        questions = [q for q, _ in pairs]
        who = self._interviewee(questions, headline)
        qs = self.out.quotes  # what a question asks is no report ("Според Вас какви са шансовете ...?"), nor is it
        drop = {k for k, q in enumerate(qs) if not q.direct and any(  # with the answer run on to it
            x <= q.span[0] < y and (q.span[1] >= y or self.text[q.span[1] : y].strip(" \t?") == "")
            for x, y in questions)}
        if drop:
            self._keep_quotes([k for k in range(len(qs)) if k not in drop])
        held = [q.span for q in self.out.quotes]
        for _, span in pairs:
            if any(o <= span[0] and span[1] <= e for o, e in held):
                continue
            para = next((k for k, (a, b) in enumerate(paras) if a <= span[0] < b), 0) + (headline is not None)
            self.add_quote(span, True, None, who, st, para, "quote:interview")

    def _interviewee(self, questions: list[Span], headline: Span | None) -> NP | None:
        """Who answers: a person the questions address by name ("- Г-н Костов, какви са ...?", "- Петя, какво е
        ...?"), named with the first mention of that person; else the person a headline's label credits ("Костов
        пред Дир: „Борисов 3“ има опит"), not a quote's speaker a headline merely reports ("Гришата ми каза, че ...");
        else the person a sentence of the lead presents ("Марияна Николаева е сред ...")."""
        text = self.text
        for x, y in questions:
            for m in self.mentions_in(x, y):
                if len(text[x : m.span[0]].strip(" \t-–—").split()) > 2:
                    break
                if self._person(m) and m.entity and text.startswith(",", m.span[1]):
                    return self._first_named(m)
        if headline is not None:
            for q in self.out.quotes:
                sp = q.speaker.span
                if headline[0] <= q.span[0] < headline[1] and sp is not None and q.speaker.entity \
                        and (q.cue is None or text[q.cue[0] : q.cue[1]] == ":") \
                        and sp[1] <= q.span[0] and ":" in text[sp[1] : q.span[0]] \
                        and (ent := self._entity(q.speaker.entity)) is not None and ent.type == "PER":
                    return NP(sp, "name", q.speaker.entity, core=sp)
        # else the person a sentence before the first question presents ("Марияна Николаева е сред малкото родни
        # ясновидци ...": whom the piece is about), not one it reports ("Външният министър Сергей Лавров предупреди")
        a0 = headline[1] if headline is not None else 0
        for start in _SENT_START.finditer(text, a0, questions[0][0]):
            who = self._opening_mention(start.end(), questions[0][0])
            after = text[who.span[1] : who.span[1] + 8].split() if who is not None else []
            if who is not None and after and after[0] in self.lex.copulas:
                return self._first_named(who)
        return None

    def _first_named(self, m: Mention) -> NP:
        """A person as the text first names them (the fullest form is usually the first: "Силвия Вачкова е ...",
        then "Силвия е завършила ...")."""
        first = next(n for n in self.mentions if n.entity == m.entity)
        return NP(first.span, "name", m.entity, core=first.span)

    def _keep_quotes(self, keep: list[int]) -> None:
        """Keep only the quotes ``keep`` (indices, in order), with the lists that run parallel to them."""
        out = self.out
        qs = out.quotes
        for k in set(range(len(qs))) - set(keep):
            out.quote_spans[qs[k].span] -= 1
            if not out.quote_spans[qs[k].span]:
                del out.quote_spans[qs[k].span]
        out.quotes = [qs[k] for k in keep]
        out.quote_para = [out.quote_para[k] for k in keep]
        out.quote_kind = [out.quote_kind[k] for k in keep]

    def _drop_relayed_twins(self) -> None:
        """A direct quote given to the outlet that relays it, inside an indirect quote of the same words given to a
        person ("Джонсън е категоричен, че „не можем ...“, пише „Гардиън“"): one statement, the person's; the
        outlet stays its source."""
        out = self.out
        qs = out.quotes
        drop = {k for k, q in enumerate(qs) if q.direct and out.quote_kind[k] in ("agency", "agency_noun") and any(
            not o.direct and out.quote_kind[j] not in ("agency", "agency_noun") and o.speaker.span is not None
            and o.span[0] <= q.span[0] and q.span[1] <= o.span[1]
            and q.span[1] - q.span[0] >= 0.8 * (o.span[1] - o.span[0] - 2) for j, o in enumerate(qs) if j != k)}
        if drop:
            self._keep_quotes([k for k in range(len(qs)) if k not in drop])

    def _outlet_noun_span(self, span: Span) -> bool:
        """The span names an outlet by its noun with the article ("редакцията", "македонският сайт"), not by a name
        ("falanga.com", "Фокус")."""
        words = self.text[span[0]:span[1]].split()
        return bool(words) and all(w.isalpha() and w.islower() for w in words) \
            and words[0].endswith(self.lex.definite_endings)

    def finish(self) -> tuple[list[Quote], list[Source]]:
        self.drop_publisher()
        self._drop_relayed_twins()
        out = self.out
        # "X condemned the sanctions as ..., according to IRNA": the statement ends where its source is named
        text = self.text
        cuts = [s.cue[0] for s in out.sources if s.evidence == "source:according" and s.cue is not None]
        for c, ks in zip(cuts, stabbing([q.span for q in out.quotes], cuts) if cuts else [], strict=True):
            for k in ks:
                q = out.quotes[k]
                if not q.direct and q.span[0] < c < q.span[1] and (q.cue is None or q.cue[1] <= c):
                    end = c
                    while end > q.span[0] and text[end - 1] in " \t,;:—–-":
                        end -= 1
                    if end - q.span[0] >= 3:
                        self._respan(k, (q.span[0], end))
        if not self.lex.nested_quotes:
            self._drop_nested()
        self._relay_outlets()
        last_para = next((sents[0][0] for sents in reversed(out.para_sents) if sents), len(text))
        for k, s in enumerate(out.sources):  # a credit line relays the last outlet named before it ("/БГНЕС")
            if s.cites is None and (s.evidence == "source:credit" or (
                    s.evidence == "source:label" and s.span[0] >= last_para)):  # and a label closing the text
                # ("Източник: fakti.bg"; not "Источники Reuters рассказали, ..." inside it)
                cited = {x.cites for x in out.sources}
                prev = [j for j, x in enumerate(out.sources) if x.span[1] <= s.span[0] and j != k and j not in cited
                        and x.evidence not in ("source:credit", "source:label") and (x.entity is None or x.entity != s.entity)
                        and text[slice(*x.span)].casefold().replace(" ", "") not in (
                            name := text[slice(*s.span)].casefold(), name.split(".")[0])]  # ("nova.bg" is NOVA)
                # (never the outlet itself, named again before its credit: "РИА-Новости: ..." headline, "/РИА-Новости")
                # an outlet rather than a body or a document named after it ("..., предаде DPA. ..., според стенограма
                # на украинското правителство. (БТА)": BTA relays DPA)
                media = [j for j in prev if self._kind(out.sources[j].entity) in MEDIA_KINDS or (
                    out.sources[j].entity is None and any(w in self.lex.agency_nouns or w in self.lex.plural_agency_nouns
                                                          for w in text[slice(*out.sources[j].span)].lower().split()))]
                if media or (prev and s.evidence == "source:credit"):  # (a label relays an outlet only)
                    pool = media or prev
                    last = max(pool, key=lambda j: out.sources[j].span[0])
                    if self._outlet_noun_span(out.sources[last].span) \
                            and not any(w in self.lex.plural_agency_nouns for w in text[slice(*out.sources[last].span)].split()):
                        # an outlet's noun ("македонският сайт", "редакцията") stands for the name before it: the
                        # credit relays the named outlet (one the outlet's noun resolved to; unresolved, not one a
                        # talk was given to: "пред Фрог нюз разказаха ... в интервю за съветската телевизия")
                        ent = out.sources[last].entity
                        named = [j for j in pool if out.sources[j].span[1] <= out.sources[last].span[0]
                                 and not self._outlet_noun_span(out.sources[j].span) and (
                                     out.sources[j].entity == ent if ent is not None
                                     else out.sources[j].evidence != "source:outlet")]
                        if named:
                            last = max(named, key=lambda j: out.sources[j].span[0])
                    s.cites = last
        first_told = min((s.span[0] for s in out.sources if s.evidence not in ("source:credit", "source:label")),
                         default=len(text))  # (an opening credit comes before any source the text tells)
        last_line = text.rfind("\n", 0, len(text.rstrip())) + 1  # (a label of its own, a paragraph with no sentence)
        closing = [k for k, s in enumerate(out.sources) if s.evidence == "source:label" and s.cites is None
                   and s.span[0] >= min(last_para, last_line)]
        for s in out.sources if len(closing) == 1 else ():  # an agency's opening credit relays the outlet a closing
            # label names ("/КРОСС/ Важни стъпки ... Източник: 24 часа": the agency republished that outlet's text)
            lab = out.sources[closing[0]]
            if s.evidence == "source:credit" and s.cites is None and s.span[1] <= first_told and (
                    s.entity is None or s.entity != lab.entity) and self._kind(s.entity) in MEDIA_KINDS:
                s.cites = closing[0]
        # scope: the source's sentence, extended over the following sentences of its paragraph with no source
        src_sent: dict[int, tuple[int, int]] = {}
        flat = [(pi, si) for pi, sents in enumerate(out.para_sents) for si in range(len(sents))]
        spans = [out.para_sents[pi][si] for pi, si in flat]
        starts = disjoint_starts(spans)
        for k, s in enumerate(out.sources):
            if not s.scope:
                continue
            if starts is not None:  # (sentences in order, as read: one bisection per source)
                i = containing(spans, starts, s.scope[0])
                if i is not None:
                    src_sent[k] = flat[i]
                continue
            for i, ss in enumerate(spans):  # the last sentence that holds it, as the paragraphs were read
                if ss[0] <= s.scope[0] < ss[1]:
                    src_sent[k] = flat[i]
        has = {v for v in src_sent.values()}
        for k, (pi, si) in src_sent.items():
            sents = out.para_sents[pi]
            j = si
            while j + 1 < len(sents) and (pi, j + 1) not in has:
                j += 1
            s = out.sources[k]
            s.scope = (min(s.scope[0], sents[si][0]) if s.scope else sents[si][0], sents[j][1])
        covers = stabbing([s.scope or None for s in out.sources],
                          [q.cue[0] if q.cue else q.span[0] for q in out.quotes])
        for qi, q in enumerate(out.quotes):
            cover = covers[qi]  # the sources whose scope holds the quote's cue (or start), in order
            cited = {out.sources[k].cites for k in cover}
            roots = [k for k in cover if k not in cited]
            chain: list[int] = []
            if roots:  # (every source in cover has a scope)
                ck: int | None = min(roots, key=lambda k: out.sources[k].scope[1] - out.sources[k].scope[0])  # type: ignore[index]
                while ck is not None and ck not in chain:
                    chain.append(ck)
                    ck = out.sources[ck].cites
            elif qi > 0 and out.quote_para[qi] - out.quote_para[qi - 1] <= 1:
                prev_q = out.quotes[qi - 1]
                same = prev_q.speaker.entity is not None and prev_q.speaker.entity == q.speaker.entity
                if same or (out.quote_kind[qi] in ("medium", "salient", "pronoun") and q.speaker.entity in (
                        None, prev_q.speaker.entity)):  # (not "каза той" of someone else: Гутериш after „Хизбула“)
                    chain = list(prev_q.sources)
            q.sources = chain
        return out.quotes, out.sources


# an interview's turn: a dash after a sentence's end (or at a paragraph's start) before a capital ("...? - Руско
# влияние ...", "... страната ни.- Г-н Костов, ..."); after a quote's closing mark and before a small letter it is
# who said it ("...“ – пише Лусия"), no turn
_TURN = re.compile(r"(?:(?<=[.!?…\"”“»)])|^)[ \t]*[-–—][ \t]*(?=[^\W\d_])", re.M)
# _TURN's matches found from their dash: a pattern that opens with a look-behind (or "^") is tried at every character
_TURN_DASH = re.compile(r"[-–—][ \t]*(?=[^\W\d_])")
_TURN_AFTER = ".!?…\"”“»)\n"  # what _TURN's look-behind takes, and the line break its "^" starts after


def _latin_person(name: str) -> bool:
    """A name of two words in Latin letters whose first is an English given name ("Kevin Annett"): a person, whatever
    the tagger read it as."""
    words = name.split()
    return len(words) == 2 and name.isascii() and words[0].lower() in given_names("en")


def _turns(text: str, a: int, b: int) -> list[int]:
    """The starts of ``_TURN``'s matches in ``text[a:b]`` that a capital follows, as ``_TURN.finditer(text, a, b)``
    finds them: a match starts where the spaces before its dash start (a space before it passes neither the
    look-behind nor "^"), after one of ``_TURN_AFTER`` or at the text's start, and not before ``a``."""
    out = []
    # each dash is tried where it stands (a match takes only spaces after its dash: it never holds another dash);
    # the dashes are found by str.find, a tenth of what the pattern's search costs a character, and most of them, in
    # words ("по-добре"), fail the test before it at once
    for dash in "-–—":
        d = text.find(dash, a, b)
        while d >= 0:
            r = d
            while r > a and text[r - 1] in " \t":
                r -= 1
            if (r == 0 or text[r - 1] in _TURN_AFTER) and (m := _TURN_DASH.match(text, d, b)) is not None \
                    and text[m.end()].isupper():
                out.append(r)
            d = text.find(dash, d + 1, b)
    out.sort()
    return out


# the dialogue's next turn run on after a turn's end mark: "...?- Мераклиите!", "...! - А по малко ...?"
_TURN_ON = re.compile(r"[ \t]*[.!?…]+[ \t]*[-–—][ \t]*(?=[^\W\d_])")
_TURN_OPENERS = ("-", "–", "—")
#: how far after a dashed turn the next one may start for the two to read as a dialogue (_dash_run)
DASH_RUN_REACH = 400
_SENT_END_MARK = re.compile(r"[.!?…]")  # a turn's first sentence's end (_dash_run)
_COLON_TURN = re.compile(r":[ \t]*[-–—][ \t]*(?=[^\W\d_])")  # "...: – Г'син старшина" (the capital tested apart)
_CLOSE_MARKS = "\"“”»'"  # a quote's closing marks, before the next saying of a list
#: the fewest words of a quoted saying in a list ("Съединението прави салата.")
LISTED_WORDS = 2
# the end of a list's last item: its sentence's end mark before a space and a capital
_ITEM_END = re.compile(r"[.!?…][ \t]+(?=[^\W\d_a-zа-я])")


def _label_dash(text: str, a: int, b: int) -> bool:
    """Whether a colon in ``text[a:b]`` is followed by a dash and a capital ("Доналд Тръмп: - Не зная"), found by
    str.find (most paragraphs have no colon)."""
    c = text.find(":", a, b)
    while c >= 0:
        k = c + 1
        while k < b and text[k] in " \t":
            k += 1
        if k < b and text[k] in DASHES:
            k += 1
            while k < b and text[k] in " \t":
                k += 1
            if k < b and text[k].isupper():
                return True
        c = text.find(":", c + 1, b)
    return False
# a question run into its answer with no dash: "... опасна за България?Още не сме оценили ..."
_GLUED_ANSWER = re.compile(r"\?[ \t]*(?=[^\W\d_])")
# a line of dialogue told in prose: "– Нищожество! – изпищя Наташка": its speaker after a dash, in a small letter
_SAID_AFTER = re.compile(r"[.!?…][ \t]*[-–—][ \t]*(?=[^\W\d_])")
# where a sentence starts (a paragraph's start, or after a sentence's end), before a letter
_SENT_START = re.compile(r"(?:^|(?<=[.!?…])[\"“”»]?[ \t]+)(?=[^\W\d_])", re.M)
#: fewer question-and-answer pairs than this in an article are questions asked in passing, no interview
_INTERVIEW_PAIRS = 2


def interview_answers(text: str, paras: list[Span]) -> list[tuple[Span, Span]]:
    """The (question, answer) pairs of an interview written as turns ("- Question? - Answer ..."): the answers are
    the interviewee's own words, said with no cue. A turn (after a dash, in a capital) that ends with a question mark
    is a question, the turn after it its answer (or the words run on after the mark with no dash); an article needs
    two such pairs, else none is read, and a story's dialogue ("– Как така? – рече Антон") is none."""
    pairs: list[tuple[Span, Span]] = []
    for a, b in paras:
        marks = _turns(text, a, b)
        if not marks:
            continue  # (no turn opens in it: no question here, and no copy of the paragraph to strip)
        bounds = [a, *[m for m in marks if m > a], b]
        turns = [(x, y) for x, y in pairwise(bounds) if text[x:y].strip(" \t-–—")]
        opened = set(marks)
        for k, (x, y) in enumerate(turns):
            if x not in opened:
                continue  # (a question is a turn of its own, after a dash: not an analysis' question to itself)
            body = text[x:y].rstrip()
            glued = [m for m in _GLUED_ANSWER.finditer(text, x, x + len(body)) if m.end() < x + len(body)]
            if glued and not body.endswith("?"):  # the answer runs on after the question's mark (two questions in
                pairs.append(((x, glued[-1].start() + 1), (glued[-1].end(), y)))  # a turn, "...? Или ...?", are one)
            elif body.endswith("?") and k + 1 < len(turns) and not text[slice(*turns[k + 1])].rstrip().endswith("?"):
                pairs.append(((x, x + len(body)), turns[k + 1]))
    if len(pairs) < _INTERVIEW_PAIRS or sum(  # (read only where turns were found: most articles have none)
            text[m.end()].islower() for a, b in paras for m in _SAID_AFTER.finditer(text, a, b)) >= _INTERVIEW_PAIRS:
        return []
    out = []
    for q, (x, y) in pairs:
        while x < y and text[x] in " \t-–—":
            x += 1
        while y > x and text[y - 1] in " \t\n":
            y -= 1
        if len(text[x:y].split()) >= 3:
            out.append((q, (x, y)))
    return out


def find(doc: Document, lex: Lexicon) -> tuple[list[Quote], list[Source]]:
    """Quotes and sources of a document (article and teasers analysed separately)."""
    f = Finder(doc, lex)
    a = doc.article
    paras = [p for p in a.paragraphs if p[1] > p[0]]
    if paras or a.headline:
        f.run_item(paras, a.headline)
        if lex.interview_turns:
            f.add_answers(interview_answers(doc.text, paras), paras, a.headline)
        if lex.numbered_sayings:
            f.numbered_sayings(paras, a.headline)
    for t in doc.teasers:
        blocks = [s for s in (t.snippet_span,) if s]
        if t.headline_span or blocks:
            f.run_item(blocks, t.headline_span)
    if not paras and not a.headline and not doc.teasers:
        lines, pos = [], 0
        for raw in doc.text.splitlines(keepends=True):
            body = raw.strip()
            if body:
                s = pos + raw.index(body[0])
                lines.append((s, s + len(body)))
            pos += len(raw)
        f.run_item(lines)
    return f.finish()
