"""A language pack's word frequencies (``vestnik/lang/<code>/lid_words.tsv.gz``: word, Zipf frequency; built by
``scripts/build_language_data.py`` from wordfreq's lists), read by the layers that need to know how common a word
is in the language, not only in the text at hand (the proper-name cues' common words, the event lexicon's index);
one reader, so that a change of the file's format is made once."""

from __future__ import annotations

import gzip
from importlib.resources.abc import Traversable
from pathlib import Path


def zipf_words(path: Path | Traversable) -> dict[str, float]:
    """Lower-cased word -> Zipf frequency (log10 of occurrences per billion words; the largest when a word has
    several cases); empty when the language has no list."""
    out: dict[str, float] = {}
    if not path.is_file():
        return out
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            w, _, z = line.rstrip("\n").partition("\t")
            try:
                zf = float(z)
            except ValueError:
                continue
            w = w.lower()
            if zf > out.get(w, -1.0):
                out[w] = zf
    return out
