"""Comparison keys for texts: what two reprints of one story have in common after cosmetic edits.

Reprints differ in case, quote marks, dashes, invisible characters and, in some copies, Cyrillic letters
disguised as look-alike Latin (or Greek) ones ("Пyтин" with a Latin y). Everything here folds those away so
that hashes and shingles compare the words, not the glyphs. The keys are never shown to users; spans and
titles always come from the original text.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata

from vestnik.language.script import LOOKALIKES

# Latin and Greek letters that look like Cyrillic ones (after case folding): the look-alikes every layer reads as
# Cyrillic (vestnik.language.script), case-folded, plus folds only a comparison wants (Latin i and dotless ı as і,
# ё as е, Greek υ and ν, Cyrillic ј). Folding them everywhere, in every language, is consistent on both sides of a
# comparison, so genuinely Latin words still match each other; only the disguise disappears.
_LOOKALIKE = {**{k.casefold(): v.casefold() for k, v in LOOKALIKES.items()},
              "i": "і", "ё": "е", "υ": "у", "ν": "v", "ı": "і", "ј": "j"}
_LOOKALIKE_RE = re.compile("[" + "".join(_LOOKALIKE) + "]")
# Digits that stand in for letters inside a word ("Пу3ин" is not a number): a digit touching a letter. The
# pattern starts with the digit and looks back after it (starting with the look-behind, it was tried at every
# character: half the time of ``tokens`` on news, 7x this one's, same matches on 1,681 real texts).
_DIGIT_FOR = {"0": "о", "3": "з", "6": "б"}
_DIGIT_IN_WORD = re.compile(r"[036](?:(?<=[^\W\d_][036])|(?=[^\W\d_]))")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff\u034f\u180e]")
WORD = re.compile(r"\w+")
# Quantities a report states: a number with its digit groups ("1 203", "12.345") and decimals ("22,2"); times of
# day ("04:52", page furniture of many sites) and numeric dates ("29.01.2018", "17.12.") match as ``skip``. One
# pattern that starts with a digit (the scanner skips to digits; a pattern that starts with a look-behind is tried
# at every character, measured 7x slower), the character before the first digit checked after it.
_NUMBER = re.compile(r"\d(?<![\w.,:-]\d)(?:"
                     r"(?P<skip>\d?:\d{2}(?::\d{2})?(?![\d:])|\d?\.\d{1,2}\.(?:\d{4}|\d{2})?(?![\d:]))"
                     r"|(?:\d{0,2}(?:[ \u00a0\u202f.]\d{3})+|\d*)(?:,\d+|\.\d{1,2}(?!\d))?(?!\w))")
_GROUP_SEP = re.compile(r"[ \u00a0\u202f.](?=\d{3}(?!\d))")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
MAX_FIGURE = 24  # characters
# Two texts that both state >= FIGURES_MIN figures and share fewer than FIGURES_SHARED of the smaller set are two
# releases of a recurring report, not reprints (vestnik.stories.index, .items; docs/stories-eval.md, stop 18).
FIGURES_MIN, FIGURES_SHARED = 3, 1 / 3


def _swap(m: re.Match[str]) -> str:
    return _LOOKALIKE[m.group()]


def fold(text: str) -> str:
    """Case-folded, NFKC, HTML character references decoded, invisible characters removed, look-alike letters mapped
    to Cyrillic.

    Substitution by regex touches only the few Latin/Greek letters of a Cyrillic text (``str.translate`` with a
    dictionary visits every character and costs ten times more here).
    """
    if "&" in text:  # character references a crawler left in saved text ("&quot;Райънеър&quot;") are glyphs too
        text = html.unescape(text)
    text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", text)).casefold()
    return _LOOKALIKE_RE.sub(_swap, text)


def tokens(text: str) -> list[str]:
    """The folded words of a text (punctuation and spacing carry no story information)."""
    text = fold(text)
    if any(c in text for c in "036"):
        text = _DIGIT_IN_WORD.sub(lambda m: _DIGIT_FOR[m.group()], text)
    return WORD.findall(text)


def figures(text: str) -> list[str]:
    """The quantities a text states, normalised ("1 203" and "1203" alike, decimal comma as point), sorted and
    unique; years and single digits are left out (every report has them). Two releases of a recurring report
    (daily case counts, results, rates) share their wording and differ in these, while reprints of one report
    keep them (:data:`FIGURES_SHARED`)."""
    out = set()
    for m in _NUMBER.finditer(text):
        if m.group("skip") is not None:
            continue
        s = m.group()
        if len(s) > MAX_FIGURE:  # a code or an identifier, not a quantity
            continue
        if not s.isascii():  # digits of another script, or full-width ones (a disguise, like look-alike letters)
            s = "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in unicodedata.normalize("NFKC", s))
        if "," in s or (s.count(".") == 1 and not _GROUP_SEP.search(s)):
            whole, _, frac = s.replace(",", ".").rpartition(".")
            s = _GROUP_SEP.sub("", whole) + "." + frac
        else:
            s = _GROUP_SEP.sub("", s)
        if len(s) > 1 and not _YEAR.fullmatch(s):
            out.add(s)
    return sorted(out)


def text_key(words: list[str]) -> str:
    """Exact-duplicate key: equal for texts that differ only in cosmetics."""
    return hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=12).hexdigest()


def shingles(words: list[str], k: int = 3) -> list[str]:
    """Word k-grams (the whole text as one shingle when it is shorter than k words)."""
    if len(words) <= k:
        return [" ".join(words)] if words else []
    return [" ".join(words[i : i + k]) for i in range(len(words) - k + 1)]


def stem(word: str, n: int = 6) -> str:
    """Prefix stem: Bulgarian and Russian inflect at the end, so the first letters name the lemma well
    enough for topic similarity (a standard trick for Slavic IR; no lexicon needed)."""
    return word[:n]
