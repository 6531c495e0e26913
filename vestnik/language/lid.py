"""Language identification for whole documents and short items (headlines, teasers, single lines).

Why not lingua alone: among the confusable Cyrillic languages (bg/mk/sr, ru/uk/be) lingua's character n-grams
miss on short text. We add two kinds of language knowledge, both loaded from ``vestnik/lang/<code>/``:

- ``lid_words.tsv.gz``: word frequencies (Zipf scale) from registry data (wordfreq, hunspell; see
  ``scripts/build_language_data.py``). Each word adds its log-frequency to every language; a word unknown to a
  language adds a fixed out-of-vocabulary score (a unigram naive-Bayes model with a common floor).
- ``lid.toml``: the language's alphabet. A word with a letter outside it (ъ in "mk", ы in "bg", і in "ru") costs
  that language a large penalty, and so does a word that breaks one of its ``forbidden`` spelling rules (in
  Bulgarian ь stands only before о: "угодишь" is not Bulgarian; in Russian ъ only before е, ё, ю, я: "във" is
  not Russian).

A text whose words are a third or more in Cyrillic is in a Cyrillic language: its Latin-script words are the
names, titles and addresses Cyrillic news quotes ("хотелите La Quinta Inns, Luxury Resorts and Hotels"), so they
are left out of the score and the Latin-script languages out of the choice.

The word/letter score alone decides an item when it is far ahead (most news text). Otherwise lingua (restricted to
the supported languages, loaded lazily once per process) adds its log-confidence. Scores are natural-log units.
"""

from __future__ import annotations

import gzip
import math
import operator
import re
import tomllib
from dataclasses import dataclass
from functools import reduce
from pathlib import Path
from typing import Any

LANG_DIR = Path(__file__).resolve().parents[1] / "lang"
SUPPORTED: tuple[str, ...] = ("bg", "ru", "mk", "uk", "sr", "be", "en")

LN10 = math.log(10)
ZIPF_OOV = 1.0  # score of a word a language's list does not have (lists stop at Zipf 3.0)
FOREIGN_LETTER_PENALTY = 6.0 * LN10  # per word with a letter outside the language's alphabet
LINGUA_WEIGHT = 1.0  # weight of lingua's log-confidence when it is consulted
FAST_MARGIN = 12.0  # words/letters alone decide when the best language leads by this much (≈5 Zipf points)
FAST_MIN_WORDS = 4
MAX_WORDS = 80  # bounded sample per item: LID cost does not grow with article length
CYRILLIC_SHARE = 1 / 3  # a text with this share of Cyrillic words is in a Cyrillic language (module docstring)

_WORD = re.compile(r"[^\W\d_]++(?:['’][^\W\d_]++)*+")  # possessive: the same matches, less bookkeeping
_CYRILLIC = frozenset(map(chr, range(0x400, 0x530)))
_CYRILLIC_WORD = re.compile("[\u0400-\u052f]")
#: the lines that hold a Cyrillic letter: over the sample's words joined one per line, the words ``_CYRILLIC_WORD``
#: finds a letter in, in their order (one C-level pass instead of a regex call per word)
_CYRILLIC_LINES = re.compile("[^\n\u0400-\u052f]*+[\u0400-\u052f][^\n]*+")
#: a character of the sample's words that is no Cyrillic letter (nor an apostrophe): without one, every word is
#: Cyrillic, the usual case of a text in a Cyrillic language, told by one scan of a character range
_NOT_CYRILLIC = re.compile("[^\u0400-\u052f'’]")


class _Absent(dict[str, int]):
    """Letter -> bit mask of the languages (bit k: ``alphabets[k]``) whose alphabet lacks it, filled on first sight."""

    def __init__(self, alphabets: list[frozenset[str]]) -> None:
        super().__init__()
        self._alphabets = alphabets

    def __missing__(self, ch: str) -> int:
        mask = self[ch] = sum(1 << k for k, al in enumerate(self._alphabets) if ch not in al)
        return mask


@dataclass(frozen=True)
class LangGuess:
    """A language decision with its confidence (0..1) and the evidence that made it."""

    language: str | None
    confidence: float
    evidence: str


def _words(low: str) -> list[str]:
    r"""``_WORD.findall(low)[:MAX_WORDS]``, without running the regex over most of the text: no match holds white
    space, so the matches are those of each white-space chunk in turn, and a chunk of letters only (``isalpha``:
    every character is in ``[^\W\d_]``) is one match as it stands."""
    words: list[str] = []
    add, more, findall = words.append, words.extend, _WORD.findall
    for chunk in low.split():
        if chunk.isalpha():
            add(chunk)
        else:
            more(findall(chunk))
        if len(words) >= MAX_WORDS:
            break
    return words[:MAX_WORDS]


class LanguageIdentifier:
    """Words + letters + (when needed) lingua. Build once per process; ``detect`` is thread-safe."""

    def __init__(self, languages: tuple[str, ...] = SUPPORTED, lang_dir: Path = LANG_DIR,
                 use_lingua: bool = True) -> None:
        self.languages = tuple(languages)
        self._alphabets: list[frozenset[str]] = []
        self._forbidden: list[re.Pattern[str] | None] = []
        self._lingua_names: list[str] = []
        for code in self.languages:
            conf = tomllib.loads((lang_dir / code / "lid.toml").read_text(encoding="utf-8"))
            self._alphabets.append(frozenset(conf["alphabet"]))
            rules = conf.get("forbidden", [])
            self._forbidden.append(re.compile("|".join(f"(?:{r})" for r in rules)) if rules else None)
            self._lingua_names.append(conf["lingua"])
        #: the languages written in Latin script (left out of a text that is mostly Cyrillic)
        self._latin = [i for i, al in enumerate(self._alphabets) if not al & _CYRILLIC]
        # word -> tuple of per-language scores; tuples are interned so repeated patterns share memory
        n = len(self.languages)
        oov = ZIPF_OOV * LN10
        fl: dict[str, float] = {}  # shared float objects: scores have one decimal
        per_lang = [{w: fl.setdefault(z, float(z) * LN10) for w, z in self._read_words(lang_dir / c / "lid_words.tsv.gz")}
                    for c in self.languages]
        interned: dict[tuple[float, ...], tuple[float, ...]] = {}
        self._words: dict[str, tuple[float, ...]] = {}
        for w in set().union(*per_lang):
            t = tuple([d.get(w, oov) for d in per_lang])
            self._words[w] = interned.setdefault(t, t)
        del per_lang, interned
        self._oov = (oov,) * n
        self._score_cache: dict[str, tuple[float, ...]] = {}
        # a new word's penalties without a test per language: its letters' masks of the languages lacking them,
        # OR-ed, pick one of the 2**n penalty rows; the spelling rules are one search (most words break none)
        self._absent = _Absent(self._alphabets)
        #: the Cyrillic letters that every language lacking one lacks the others too (а, б, в, ...: all but the
        #: Latin-script languages have them): together they give one mask, so a new word's mask is that one OR-ed
        #: with its few other letters' masks (ь, ъ, ы, і, ...), one set difference instead of a lookup per letter
        self._common_mask = self._absent["а"]
        self._common = frozenset(ch for ch in _CYRILLIC if self._absent[ch] == self._common_mask)
        self._pen_rows = [[-FOREIGN_LETTER_PENALTY if mask >> k & 1 else 0.0 for k in range(n)] for mask in range(1 << n)]
        # ... and an unknown word's scores are the out-of-vocabulary row plus those penalties: one row per mask
        self._oov_rows = [tuple(map(operator.add, self._oov, pen)) if mask else self._oov
                          for mask, pen in enumerate(self._pen_rows)]
        rules = [r.pattern for r in self._forbidden if r is not None]
        self._any_rule = re.compile("|".join(f"(?:{r})" for r in rules)) if rules else None
        #: (language index, its spelling rules) for the languages that have some
        self._ruled = [(k, r) for k, r in enumerate(self._forbidden) if r is not None]
        self._use_lingua = use_lingua
        self._lingua: Any = None

    @staticmethod
    def _read_words(path: Path) -> list[tuple[str, str]]:
        if not path.exists():
            return []
        with gzip.open(path, "rt", encoding="utf-8") as f:
            lines = f.read().splitlines()
        out = []
        for line in lines:
            if line and not line.startswith("#"):
                w, _, z = line.partition("\t")
                out.append((w, z))
        return out

    def _lingua_detector(self) -> Any:
        if self._lingua is None:
            from lingua import Language, LanguageDetectorBuilder

            langs = [getattr(Language, name) for name in self._lingua_names]
            self._lingua = LanguageDetectorBuilder.from_languages(*langs).build()
            self._lingua_code = {getattr(Language, name): i for i, name in enumerate(self._lingua_names)}
        return self._lingua

    def _word_scores(self, word: str) -> tuple[float, ...]:
        """Per-language score of one lower-cased word: its log-frequency plus the foreign-letter penalty."""
        base = self._words.get(word)
        # a language is penalised when the word has a letter outside its alphabet (bit k of ``mask``: its letters'
        # masks OR-ed, see ``_common``) or breaks its spelling rules: each rule read only when one of them matches
        letters = set(word)
        rare = letters - self._common
        if not rare:
            mask = self._common_mask  # (a word has a letter: ``letters`` is not empty)
        else:
            mask = reduce(operator.or_, map(self._absent.__getitem__, rare),
                          self._common_mask if len(rare) < len(letters) else 0)
        if self._any_rule is not None and self._any_rule.search(word) is not None:
            for k, rule in self._ruled:
                if not mask >> k & 1 and rule.search(word) is not None:
                    mask |= 1 << k
        if base is None:
            out = self._oov_rows[mask]
        else:
            out = tuple(map(operator.add, base, self._pen_rows[mask])) if mask else base
        if len(self._score_cache) < 300_000:
            self._score_cache[word] = out
        return out

    def scores(self, text: str) -> tuple[list[float], int]:
        """Word + letter log-scores per language over a bounded sample of the text, and the word count. In a text
        that is mostly Cyrillic (``CYRILLIC_SHARE``) the Latin-script words do not count and the Latin-script
        languages score minus infinity."""
        words = _words(text[: MAX_WORDS * 12].lower())
        if not words:
            return [0.0] * len(self.languages), 0
        # (a word is letters and apostrophes, at least one letter: with no other character, each has a Cyrillic one)
        mixed = False
        if _NOT_CYRILLIC.search("".join(words)) is not None:
            cyrillic = _CYRILLIC_LINES.findall("\n".join(words))  # (no word holds a line break)
            mixed = len(cyrillic) < len(words) and len(cyrillic) >= CYRILLIC_SHARE * len(words)
            if mixed:
                words = cyrillic
        cache = self._score_cache
        rows = [cache.get(w) or self._word_scores(w) for w in words]
        tot = [sum(col) for col in zip(*rows, strict=True)]
        if mixed:
            for i in self._latin:
                tot[i] = -math.inf
        return tot, len(words)

    def detect(self, text: str) -> LangGuess:
        """The most likely supported language of ``text`` (None when it has no letters)."""
        tot, nwords = self.scores(text)
        if nwords == 0:
            return LangGuess(None, 0.0, "no-letters")
        order = sorted(range(len(tot)), key=tot.__getitem__, reverse=True)
        evidence = "lid:words+letters"
        if (nwords < FAST_MIN_WORDS or tot[order[0]] - tot[order[1]] < FAST_MARGIN) and self._use_lingua:
            det = self._lingua_detector()
            for cv in det.compute_language_confidence_values(text[: MAX_WORDS * 12]):
                i = self._lingua_code.get(cv.language)
                if i is not None:
                    tot[i] += LINGUA_WEIGHT * math.log(max(cv.value, 1e-6))
            order = sorted(range(len(tot)), key=tot.__getitem__, reverse=True)
            evidence = "lid:words+letters+lingua"
        best = tot[order[0]]
        z = sum(math.exp(max(-50.0, t - best)) for t in tot)
        return LangGuess(self.languages[order[0]], round(1.0 / z, 4), evidence)

    def detect_many(self, texts: list[str]) -> list[LangGuess]:
        return [self.detect(t) for t in texts]


def load_identifier() -> LanguageIdentifier:
    """Loader for ``Resources.get("language.lid", load_identifier)``."""
    return LanguageIdentifier()
