"""Inflection of KB names and the normalised keys that tie spelling variants together.

The rules are data (``vestnik/kb/curated/morph_<lang>.tsv``): each base token of a KB name gets its inflected
forms, so the gazetteer finds "Путина", "Русията", "России" and "Москве" with one dictionary lookup per token.
``name_key`` turns a base form in any script into a coarse Latin key, so that Тръмп = Трамп = Trump and
Ким Чен Ун = Ким Чен-ун share an id across documents and languages.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import groupby
from operator import itemgetter
from pathlib import Path

KB_DIR = Path(__file__).resolve().parents[1] / "kb"
CONSONANTS = set("бвгджзйклмнпрстфхцчшщ")
TOKEN_RE = re.compile(r"\w+", re.UNICODE)


@cache
def rules(lang: str) -> dict[str, list[tuple[str, int, tuple[str, ...]]]]:
    """table -> [(ending, strip, suffixes)] sorted longest ending first; empty for languages without a file."""
    path = KB_DIR / "curated" / f"morph_{lang}.tsv"
    out: dict[str, list[tuple[str, int, tuple[str, ...]]]] = {}
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        c = line.split("\t")
        table, ending, strip = c[0], c[1], int(c[2])
        sufs = tuple(s.strip() for s in (c[3] if len(c) > 3 else "").split(","))
        out.setdefault(table, []).append((ending, strip, sufs))
    for v in out.values():
        v.sort(key=lambda r: -len(r[0]) if r[0] != "+" else 0)
    return out


def variants(token: str, lang: str, table: str = "name") -> set[str]:
    """Lower-cased inflected forms of one base token (the token itself included)."""
    t = token.lower()
    out = {t}
    if lang == "en":
        if table == "adj":
            out.add(t + "s")
        return out
    if len(t) < 2 or not t.isalpha():
        return out
    for ending, strip, sufs in rules(lang).get(table, []):
        if (ending == "+" and t[-1] in CONSONANTS) or (ending != "+" and t.endswith(ending)):
            stem = t[: len(t) - strip] if strip else t
            out.update(stem + s for s in sufs)
            break
    return out


def tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]


_TR = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "ch", "ш": "sh", "щ": "sht", "ъ": "a", "ы": "i", "ь": "",
    "э": "e", "ю": "yu", "я": "ya", "є": "e", "і": "i", "ї": "i", "ґ": "g", "ј": "i", "љ": "l", "њ": "n",
    "ћ": "c", "ђ": "d", "џ": "dzh", "ў": "u",
    "ä": "a", "ö": "o", "ü": "u", "é": "e", "è": "e", "á": "a", "ó": "o", "ú": "u", "í": "i", "ç": "c",
    "ş": "sh", "ğ": "g", "ı": "i", "ñ": "n", "ł": "l", "ś": "s", "ż": "z", "ź": "z", "ć": "c", "ń": "n",
    "č": "ch", "š": "sh", "ž": "zh", "ř": "r", "ă": "a", "â": "a", "ș": "sh", "ț": "c", "ô": "o", "ê": "e",
    "x": "ks", "w": "v", "q": "k", "j": "i", "y": "i",
})
_ENDINGS = ("ами", "ями", "ым", "им", "ом", "ем", "ой", "ей", "ью", "ах", "ях", "ът", "ят", "та", "то", "те")
VOWELS = set("aeiouy")
_VOICE = str.maketrans({"z": "s", "d": "t", "b": "p", "g": "k", "v": "f", "h": "k"})
STOPWORDS = {"на", "и", "в", "във", "за", "от", "с", "със", "по", "of", "the", "and", "de", "la", "le", "der", "die",
             "das", "du", "des", "del", "al", "el"}


_NON_ALNUM = re.compile(r"[^a-z0-9]")
_NO_VOWELS = str.maketrans("", "", "aeiouy")
_REPEAT = re.compile(r"(.)\1+")


@lru_cache(maxsize=200_000)
def _skeleton(word: str) -> str:
    w = word.lower()
    if len(w) > 4 and w.endswith(_ENDINGS):
        for e in _ENDINGS:  # the first ending of the list that fits
            if w.endswith(e):
                w = w[: -len(e)]
                break
    lat = w.translate(_TR)
    if not lat.isascii() or not lat.isalnum():  # most words are plain letters by now: no regex pass for them
        lat = _NON_ALNUM.sub("", lat)
    if not lat:
        return ""
    lat = lat.replace("shch", "st").replace("sht", "st").replace("kh", "h").replace("ts", "c").replace("zh", "sh")
    lat = lat.translate(_VOICE)  # Азия = Асия, Гааг = Хааг: voicing and h/g differ between spellings
    sk = lat[0] + lat[1:].translate(_NO_VOWELS)
    # repeated letters once (the regex (.)\1+ -> \1, without its template expansion)
    return "".join(map(itemgetter(0), groupby(sk))) if _REPEAT.search(sk) else sk


@lru_cache(maxsize=50_000)
def latin(word: str) -> str:
    """A word in Latin letters with voicing folded, vowels kept: "Глушково" -> "klushkofo", "Glasgow" -> "klaskof",
    so that two names can be compared letter by letter across scripts."""
    return word.lower().translate(_TR).translate(_VOICE)


@lru_cache(maxsize=200_000)
def name_key(base: str) -> str:
    """Coarse cross-script key of a name: transliterated consonant skeleton of each word (vowels and case
    endings differ between bg, ru and en spellings of the same name)."""
    words = [w for w in TOKEN_RE.findall(base) if w and w.lower() not in STOPWORDS]
    sk = [_skeleton(w) for w in words]
    return " ".join(s for s in sk if s)
