"""Lemmas: dictionaries from registry packages plus per-language rules kept as data.

- bg, mk, uk, sr (as "hbs"), en: simplemma's dictionaries (MIT). Bulgarian adds ``vestnik/lang/bg/lemma_rules.tsv``
  (definite articles of proper nouns: Путинът → Путин, Русията → Русия) and ``lemma_overrides.tsv`` (closed-class
  forms such as clitic pronouns and symbols).
- ru: pymorphy3 (MIT, OpenCorpora dictionaries inside the package).
- Proper nouns keep their case (Путин, not путин); other words are lower-case lemmas.

Every (form, language, sentence-initial) result is cached per process, so running text costs one dict lookup per
token after warm-up.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from itertools import compress
from pathlib import Path
from typing import Any

LANG_DIR = Path(__file__).resolve().parents[1] / "lang"
SIMPLEMMA_CODE = {"bg": "bg", "mk": "mk", "uk": "uk", "sr": "hbs", "en": "en", "ru": "ru"}
CACHE_MAX = 300_000
_EMPTY: dict[str, str] = {}


def _read_tsv(path: Path) -> list[list[str]]:
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


class _Dictionary:
    """simplemma's form → lemma dictionary with one Python call per lookup: simplemma 2 stores bytes and decodes
    through two calls per lookup, which was a fifth of the lemmatiser's time on new text."""

    __slots__ = ("get", "values")

    def __init__(self, mapping: Mapping[str, str]) -> None:
        raw = getattr(mapping, "_dict", None)
        self.values = mapping.values
        if isinstance(raw, dict) and isinstance(next(iter(raw), b""), bytes):
            raw_get = raw.get

            def get(key: str) -> str | None:
                v = raw_get(key.encode())
                return None if v is None else v.decode()

            self.get: Callable[[str], str | None] = get
        else:  # another simplemma version: its own mapping
            self.get = mapping.get

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None


class Lemmatizer:
    """Form → lemma for the supported languages. Build once per process."""

    def __init__(self, lang_dir: Path = LANG_DIR) -> None:
        self._dicts: dict[str, _Dictionary] = {}
        self._suffix_index: dict[str, dict[str, list[tuple[str, str]]]] = {}
        self._overrides: dict[str, dict[str, str]] = {}
        self._article_rules: dict[str, list[tuple[str, str, int]]] = {}
        self._suffixes: dict[str, list[tuple[str, str]]] = {}
        self._always: dict[str, list[tuple[str, str]]] = {}
        self._clitics: dict[str, dict[str, tuple[str, str]]] = {}
        self._adverbs: dict[str, tuple[str, str, tuple[str, ...]]] = {}
        self._possessive_after: dict[str, tuple[str, ...]] = {}
        self._dative_after: dict[str, frozenset[str]] = {}
        self._homographs: dict[str, dict[str, tuple[str, str]]] = {}
        self._determiner_endings: dict[str, tuple[str, ...]] = {}
        self._determiners: dict[str, frozenset[str]] = {}
        self._phrases: dict[str, dict[tuple[str, str], str]] = {}
        self._context_forms: dict[str, frozenset[str]] = {}
        self._verbal_nouns: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}
        self._participles: dict[str, list[tuple[str, str, bool]]] = {}
        self._not_verbal: dict[str, tuple[str, ...]] = {}
        self._present: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {}
        for code in SIMPLEMMA_CODE:
            self._overrides[code] = {r[0]: r[1] for r in _read_tsv(lang_dir / code / "lemma_overrides.tsv") if len(r) > 1}
            self._article_rules[code] = [(r[0], r[1] if len(r) > 1 else "", int(r[2]) if len(r) > 2 else 3)
                                         for r in _read_tsv(lang_dir / code / "lemma_rules.tsv")]
            for r in _read_tsv(lang_dir / code / "number_words.tsv"):
                if len(r) > 1:
                    self._overrides[code].setdefault(r[0], r[1])
            rows = _read_tsv(lang_dir / code / "lemma_suffixes.tsv")
            checked = [(r[0], r[1] if len(r) > 1 else "") for r in rows if len(r) < 3 or r[2] != "always"]
            always = [(r[0], r[1]) for r in rows if len(r) >= 3 and r[2] == "always"]
            self._suffixes[code] = sorted(dict.fromkeys(checked), key=lambda x: -len(x[0]))
            self._always[code] = sorted(dict.fromkeys(always), key=lambda x: -len(x[0]))
            self._clitics[code] = {}
            for r in _read_tsv(lang_dir / code / "clitics.tsv"):
                if r[0] == "@possessive_after" and len(r) > 1:
                    self._possessive_after[code] = tuple(r[1].split())
                elif r[0] == "@dative_after" and len(r) > 1:
                    self._dative_after[code] = frozenset(r[1].split())
                elif len(r) > 2:
                    self._clitics[code][r[0]] = (r[1], r[2])
            self._homographs[code] = {}
            for r in _read_tsv(lang_dir / code / "lemma_homographs.tsv"):
                if r[0] == "@determiner_endings" and len(r) > 1:
                    self._determiner_endings[code] = tuple(r[1].split())
                elif r[0] == "@determiners" and len(r) > 1:
                    self._determiners[code] = frozenset(r[1].split())
                elif len(r) > 2:
                    self._homographs[code][r[0]] = (r[1], r[2])
            # (form, next word) or ("<" + previous word, form) → lemma
            self._phrases[code] = {((r[0], r[1]) if len(r) < 4 or r[3] != "previous" else ("<" + r[1], r[0])): r[2]
                                   for r in _read_tsv(lang_dir / code / "lemma_phrases.tsv") if len(r) > 2}
            forms = set(self._clitics[code]) | set(self._homographs[code]) | {
                b if a[:1] == "<" else a for a, b in self._phrases[code]}
            self._context_forms[code] = frozenset(forms | {f.capitalize() for f in forms})
            self._verbal_nouns[code] = []
            for r in _read_tsv(lang_dir / code / "lemma_verbal_nouns.tsv"):
                if r[0] == "@not_after" and len(r) > 1:
                    self._not_verbal[code] = tuple(r[1].split())
                elif len(r) > 1:
                    self._verbal_nouns[code].append((r[0], r[1], tuple(r[2].split()) if len(r) > 2 else ()))
            self._verbal_nouns[code].sort(key=lambda x: -len(x[0]))
            self._participles[code] = sorted(
                ((r[0], r[1], len(r) > 2 and r[2] == "always") for r in _read_tsv(lang_dir / code / "lemma_participles.tsv")
                 if len(r) > 1), key=lambda x: -len(x[0]))
            pres = _read_tsv(lang_dir / code / "lemma_present.tsv")
            self._present[code] = (tuple(r[1] for r in pres if r[0] == "ending" and len(r) > 1),
                                   frozenset(r[1] for r in pres if r[0] == "impersonal" and len(r) > 1))
            adv = lang_dir / code / "adverbs.toml"
            if adv.exists():
                a = tomllib.loads(adv.read_text(encoding="utf-8"))
                self._adverbs[code] = (a["ending"], a["not_ending"], tuple(a["adjective_lemma_endings"]))
        # all suffixes of a rule table as one tuple: one C-level ``endswith`` rejects most words
        self._verbal_ends = {c: tuple(r[0] for r in rules) for c, rules in self._verbal_nouns.items()}
        self._participle_ends = {c: tuple(r[0] for r in rules) for c, rules in self._participles.items()}
        self._lemma_sets: dict[str, set[str]] = {}
        self._caches: dict[tuple[str, bool], dict[str, str]] = {}
        self._morph: Any = None

    def _dictionary(self, lang: str) -> _Dictionary:
        d = self._dicts.get(lang)
        if d is None:
            try:  # simplemma's own process-wide factory: its lemmatize() then reuses the same loaded dictionary
                from simplemma.strategies.dictionaries.dictionary_factory import (
                    DEFAULT_DICTIONARY_FACTORY as factory,
                )
            except ImportError:
                from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

                factory = DefaultDictionaryFactory()
            d = self._dicts[lang] = _Dictionary(factory.get_dictionary(SIMPLEMMA_CODE[lang]))
        return d

    def _simplemma(self, form: str, lang: str) -> str | None:
        """Dictionary lookup only (no guessing): the form as written, then lower-cased."""
        d = self._dictionary(lang)
        hit = d.get(form)
        if hit is None and not form.islower():
            hit = d.get(form.lower())
        return hit

    def _known_lemmas(self, lang: str) -> set[str]:
        ls = self._lemma_sets.get(lang)
        if ls is None:
            ls = self._lemma_sets[lang] = {v.lower() for v in self._dictionary(lang).values()}
        return ls

    def _by_suffix(self, low: str, lang: str) -> str | None:
        """An ending rewrite (lemma_suffixes.tsv) whose result the dictionary knows as a lemma."""
        index = self._suffix_index.get(lang)
        if index is None:
            index = self._suffix_index[lang] = self._index_by_last_letter(self._suffixes.get(lang, []))
        rules = index.get(low[-1:], index.get("", ()))
        if not rules:
            return None
        known = self._known_lemmas(lang)
        for suffix, repl in rules:
            if low.endswith(suffix) and len(low) - len(suffix) >= 2:
                cand = low[: len(low) - len(suffix)] + repl
                if cand in known:
                    return cand
        return None

    @staticmethod
    def _index_by_last_letter(rules: list[tuple[str, str]]) -> dict[str, list[tuple[str, str]]]:
        """Rules grouped by the last letter of their suffix, in their order: a word is tried only against rules it
        can match. An empty suffix matches any word, so a table with one keeps a single list (key "")."""
        if any(not suffix for suffix, _ in rules):
            return {"": rules}
        index: dict[str, list[tuple[str, str]]] = {}
        for suffix, repl in rules:
            index.setdefault(suffix[-1], []).append((suffix, repl))
        return index

    def _guess(self, low: str, lang: str) -> str:
        """Ending rules checked against the dictionary, then simplemma's own affix strategies."""
        import simplemma

        if lang == "bg" and low.startswith(("най-", "по-")) and len(low) > 5:
            rest = low.split("-", 1)[1]
            hit = self._simplemma(rest, lang)
            return hit.lower() if hit else self._guess(rest, lang)
        hit = self._by_suffix(low, lang)
        if hit:
            return hit
        for suffix, repl in self._always.get(lang, ()):
            if low.endswith(suffix) and len(low) - len(suffix) >= 3:
                return low[: len(low) - len(suffix)] + repl
        return simplemma.lemmatize(low, lang=SIMPLEMMA_CODE[lang]).lower()

    def _derived(self, low: str, lem: str, listed: bool, lang: str) -> str:
        """Verbal nouns keep their own lemma (уволнение, not уволня: the dictionary folds them into the verb) and
        participles take the verb's (картотекираните → картотекирам), per lemma_verbal_nouns.tsv/lemma_participles.tsv."""
        rules = self._verbal_nouns.get(lang)
        if rules and low.endswith(self._verbal_ends[lang]) \
                and not lem.endswith(self._not_verbal.get(lang, ())):
            for suffix, repl, verb_endings in rules:
                if low.endswith(suffix) and len(low) - len(suffix) >= 3 and (not verb_endings or lem.endswith(verb_endings)):
                    return low[: len(low) - len(suffix)] + repl
        pres = self._present.get(lang)
        if pres and lem == low and len(low) > 5 and low.endswith(pres[0]) and low not in pres[1] \
                and low + "м" in self._known_lemmas(lang):
            return low + "м"  # определя: 3rd person of определям, far more frequent in news than 1st of определя
        parts = self._participles.get(lang)
        if parts and low.endswith(self._participle_ends[lang]):
            known = self._known_lemmas(lang)
            for suffix, repl, always in parts:
                if (always or not listed) and low.endswith(suffix) and len(low) - len(suffix) >= 3:
                    cand = low[: len(low) - len(suffix)] + repl
                    if cand in known and cand != lem:
                        return cand
        return lem

    def _russian(self, form: str) -> str:
        if self._morph is None:
            import pymorphy3

            self._morph = pymorphy3.MorphAnalyzer()
        parses = self._morph.parse(form)
        return parses[0].normal_form if parses else form.lower()

    def _strip_article(self, form: str, lang: str) -> str:
        low = form.lower()
        for suffix, repl, min_stem in self._article_rules.get(lang, ()):
            if low.endswith(suffix) and len(form) - len(suffix) >= min_stem:
                return form[: len(form) - len(suffix)] + repl
        return form

    def _adverb(self, low: str, hit: str, lang: str) -> str:
        """бързо, официално: an adverb in -о is its own lemma, not the adjective (adverbs.toml)."""
        adv = self._adverbs.get(lang)
        if adv and hit != low and low.endswith(adv[0]) and not low.endswith(adv[1]) and len(low) > 4 \
                and (hit.endswith(adv[2]) or hit == low[:-1]):
            return low
        return hit

    def cache_for(self, lang: str | None) -> dict[str, str]:
        """The form → lemma cache of non-initial tokens of one language (read it directly in hot loops)."""
        c = self._caches.get((lang or "", False))
        if c is None:
            c = self._caches[(lang or "", False)] = {}
        return c

    def lemma(self, form: str, lang: str | None, sentence_initial: bool = False) -> str:
        """The lemma of one token; punctuation and numbers are their own lemma."""
        cache = self._caches.get((lang or "", sentence_initial))
        if cache is None:
            cache = self._caches[(lang or "", sentence_initial)] = {}
        hit = cache.get(form)
        if hit is not None:
            return hit
        out = self._lemma(form, lang, sentence_initial)
        if len(cache) < CACHE_MAX:
            cache[form] = out
        return out

    def _lemma(self, form: str, lang: str | None, sentence_initial: bool) -> str:
        if not form[0].isalpha():
            return self._overrides.get(lang or "", _EMPTY).get(form, form)
        low = form.lower()
        over = self._overrides.get(lang or "", _EMPTY).get(low)
        if over is not None:
            return over
        if lang not in SIMPLEMMA_CODE:
            return low
        capital = form[0].isupper()
        if lang == "ru":
            lem = self._russian(form)
            return lem[:1].upper() + lem[1:] if capital and not sentence_initial and not form.isupper() else lem
        if form.isupper() and len(form) > 1:
            hit = self._dictionary(lang).get(low) if len(form) > 4 else None
            return hit.lower() if hit else form  # acronyms (БТА, САЩ, КЦТА) stay; КУЧЕТО → куче
        d = self._dictionary(lang)
        if not capital:
            hit = d.get(form)
            lem = self._guess(low, lang) if hit is None else self._adverb(low, hit.lower(), lang)
            return self._derived(low, lem, hit is not None, lang)
        listed = d.get(form)  # listed capitalised: a proper noun (Русия, София, Виденов) keeps its case
        if listed is not None and listed.lower() == low:
            return form
        hit = d.get(low)
        if listed is not None and not (sentence_initial and hit is not None):
            return listed if listed[:1].isupper() else listed.lower()
        if hit is not None:  # a common word: Северна → северен (capitalised when inside a name)
            hit = self._derived(low, self._adverb(low, hit.lower(), lang), True, lang)
            return hit if sentence_initial else hit[:1].upper() + hit[1:]
        # an unknown capitalised word at a sentence start may be an inflected common word (Противниците) ...
        if sentence_initial:
            cand = self._by_suffix(low, lang)
            if cand is not None:
                cap = cand[:1].upper() + cand[1:]
                return cap if cap in d else cand  # Путинът → Путин (listed as a name), not путин
        # ... otherwise it is a proper noun: drop the article, keep its case (Русията → Русия)
        return self._strip_article(form, lang)

    def in_context(self, forms: list[str], lemmas: list[str], lang: str | None) -> None:
        """Fix lemmas that depend on a neighbouring word, in place: clitics (работата си → свой, да си → се),
        noun/verb homographs (вътрешните работи → работа, ще работи → работя) and phrases (може би → може)."""
        code = lang or ""
        context = self._context_forms.get(code)
        if not context:
            return
        clitics = self._clitics[code]
        homographs = self._homographs[code]
        phrases = self._phrases[code]
        after = self._possessive_after.get(code, ())
        dative = self._dative_after.get(code, frozenset())
        det_end = self._determiner_endings.get(code, ())
        dets = self._determiners.get(code, frozenset())
        n = len(forms)
        for k in list(compress(range(n), map(context.__contains__, forms))):  # C-level scan of every token
            form = forms[k]
            low = form.lower()
            prev = forms[k - 1] if k else ""
            plow = prev.lower()
            if k + 1 < n and (low, forms[k + 1].lower()) in phrases:
                lemmas[k] = phrases[(low, forms[k + 1].lower())]
            elif ("<" + plow, low) in phrases:
                lemmas[k] = phrases[("<" + plow, low)]
            elif form in clitics:
                # possessive after a noun (Жена му, работата си), dative/reflexive after a verb or particle (да му)
                c = clitics[form]
                noun = prev[:1].isalpha() and len(prev) > 2 and plow.endswith(after) and plow not in dative
                lemmas[k] = c[0] if noun else c[1]
            elif low in homographs:
                h = homographs[low]
                noun = plow in dets or prev[:1].isdigit() or (len(plow) > 3 and plow.endswith(det_end))
                lemmas[k] = h[0] if noun else h[1]

    def is_common(self, word: str, lang: str | None) -> bool:
        """True when the lower-cased word is a dictionary word and the capitalised form is not a listed name."""
        if lang not in SIMPLEMMA_CODE or lang == "ru":
            return False
        d = self._dictionary(lang)
        return word.lower() in d and word not in d


def load_lemmatizer() -> Lemmatizer:
    """Loader for ``Resources.get("language.lemma", load_lemmatizer)``."""
    return Lemmatizer()
