"""Comparison keys for texts: what two reprints of one story have in common after cosmetic edits.

Reprints differ in case, quote marks, dashes, invisible characters and, in some copies, Cyrillic letters
disguised as look-alike Latin (or Greek) ones ("Пyтин" with a Latin y). Everything here folds those away so
that hashes and shingles compare the words, not the glyphs. The keys are never shown to users; spans and
titles always come from the original text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Latin and Greek letters that look like Cyrillic ones (after case folding). Folding them everywhere, in
# every language, is consistent on both sides of a comparison, so genuinely Latin words still match each
# other; only the disguise disappears.
_LOOKALIKE = {
    "a": "а", "b": "в", "c": "с", "e": "е", "h": "н", "k": "к", "m": "м", "o": "о", "p": "р",
    "t": "т", "x": "х", "y": "у", "i": "і", "ё": "е",
    "α": "а", "β": "в", "ε": "е", "η": "н", "κ": "к", "μ": "м", "ο": "о", "ρ": "р", "τ": "т",
    "υ": "у", "χ": "х", "ν": "v",
    "ı": "і", "ј": "j",
}
_TABLE = str.maketrans(_LOOKALIKE)
# Digits that stand in for letters inside a word ("Пу3ин" is not a number).
_DIGIT_IN_WORD = str.maketrans({"0": "о", "3": "з", "6": "б"})
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff\u034f\u180e]")
WORD = re.compile(r"\w+")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_HAS_DIGIT = re.compile(r"\d")


def fold(text: str) -> str:
    """Case-folded, NFKC, invisible characters removed, look-alike letters mapped to Cyrillic."""
    text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", text)).casefold()
    return text.translate(_TABLE)


def tokens(text: str) -> list[str]:
    """The folded words of a text (punctuation and spacing carry no story information)."""
    out = WORD.findall(fold(text))
    for i, w in enumerate(out):
        if _HAS_DIGIT.search(w) and _HAS_LETTER.search(w):
            out[i] = w.translate(_DIGIT_IN_WORD)
    return out


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
