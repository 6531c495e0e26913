"""Cyrillic words disguised with look-alike Latin or Greek letters ("Baнгa", "Бългapия", "ĸoйтo").

Some sites (and reprints that want to dodge filters) write Cyrillic words with look-alike letters of other
scripts. Every layer then reads a different word: the name tagger sees no known name, the knowledge base finds
no "България", the lexicons miss their verbs. On the small-site corpus of news-bg, 94 of 761 articles have such
words ("нa" 131 times, "Baнгa" 61).

:func:`unmask` gives the text the layers read: in each word that has Cyrillic letters, the letters of
:data:`LOOKALIKES` (glyphs that are Cyrillic letters in print) become those Cyrillic letters. A letter is replaced
by one letter, so every offset found in the reading is an offset in the verbatim text, which the document keeps
(``vestnik.pipeline.Pipeline`` puts it back after the stages). Words without Cyrillic letters ("Ryanair", "BBC"),
and words with Latin letters that have no Cyrillic look-alike ("TV-то" is split at the hyphen anyway, "iPhone"),
stay as they are, and so does a short word of look-alike letters only unless the text has disguised words.
"""

from __future__ import annotations

import re

#: look-alike letter -> Cyrillic letter (upper and lower case kept); Latin, then Greek, then Latin kra (ĸ)
LOOKALIKES = {
    "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О", "P": "Р", "T": "Т", "X": "Х",
    "Y": "У", "a": "а", "c": "с", "e": "е", "k": "к", "o": "о", "p": "р", "x": "х", "y": "у",
    "Α": "А", "Β": "В", "Ε": "Е", "Η": "Н", "Κ": "К", "Μ": "М", "Ο": "О", "Π": "П", "Ρ": "Р", "Τ": "Т", "Χ": "Х",
    "α": "а", "ε": "е", "κ": "к", "ο": "о", "ρ": "р", "χ": "х", "ĸ": "к",
}
_LOOK = "".join(LOOKALIKES)
_CYR = "\u0400-\u04ff"
# a look-alike letter touching a Cyrillic one: the cheap test every text gets (most have none). Starting with the
# look-alike class lets the scanner skip to those letters: 5 us per news report (37 us as an alternation)
_TOUCH = re.compile(f"[{_LOOK}](?:(?<=[{_CYR}][{_LOOK}])|(?=[{_CYR}]))")
# a word of Cyrillic and look-alike letters only, with at least one of each
_WORD = re.compile(f"(?<![^\\W\\d_])(?=[{_LOOK}{_CYR}]*[{_CYR}])(?=[{_LOOK}{_CYR}]*[{_LOOK}])[{_LOOK}{_CYR}]+(?![^\\W\\d_])")
# a short word of look-alike letters only before a Cyrillic word ("C нeгo", "Paдeв e oгpoмeн", "ce пpoчy"): folded
# only in a text that has disguised words (elsewhere an "A" or "e" alone may well be Latin)
_LONE = re.compile(f"(?<![^\\W\\d_])[{_LOOK}]{{1,2}}(?=\\s+[{_CYR}])")
_TABLE = str.maketrans(LOOKALIKES)


def unmask(text: str) -> tuple[str, int] | None:
    """The text with disguised Cyrillic words written in Cyrillic, and how many letters changed; None when it has
    none (the usual case: one regex search)."""
    if _TOUCH.search(text) is None:
        return None
    n = 0

    def fix(m: re.Match[str]) -> str:
        nonlocal n
        w = m.group()
        out = w.translate(_TABLE)
        n += sum(a != b for a, b in zip(w, out, strict=True))
        return out

    reading = _WORD.sub(fix, text)
    if not n:
        return None
    reading = _LONE.sub(fix, reading)
    return reading, n
