"""The ``quotes`` stage: direct and reported speech, speakers and source chains, after entities and time."""

from __future__ import annotations

import logging
import re

from vestnik.document import Document, WhenFn
from vestnik.pipeline import Resources, stage
from vestnik.quotes.finder import find
from vestnik.quotes.lexicon import Lexicon, available_languages, load_lexicon
from vestnik.time.anchoring import times_in

log = logging.getLogger(__name__)
_CYR = re.compile("[\u0400-\u04ff]")
_LAT = re.compile("[A-Za-z]")
_WORD = re.compile(r"\w+")
# A few very frequent words only one of the two languages has (a fallback when the language layer is off).
_BG_WORDS = frozenset({"че", "ще", "са", "се", "това", "който", "която", "които", "от", "за"})
_RU_WORDS = frozenset({"что", "это", "как", "он", "она", "который", "которая", "также", "сообщает", "его", "для"})


def guess_language(text: str) -> str:
    """Fallback when the language layer gave nothing: Cyrillic -> bg or ru by their tell-tale letters."""
    sample = text[:4000]
    cyr = len(_CYR.findall(sample))
    lat = len(_LAT.findall(sample))
    if cyr <= lat:
        return "en"
    words = _WORD.findall(sample.lower())
    ru = sum(sample.count(c) for c in "ыэё") + sum(w in _RU_WORDS for w in words)
    bg = sample.count("ъ") + sum(w in _BG_WORDS for w in words)
    return "ru" if ru > bg else "bg"


def _lexicons() -> dict[str, Lexicon]:
    return {code: load_lexicon(code) for code in available_languages()}


def _when_fn() -> WhenFn | None:
    try:
        from vestnik.time import when_for
    except ImportError:
        return None
    return when_for


def _published(doc: Document) -> str | None:
    return doc.published[:10] if doc.published else None


@stage("quotes")
def quotes_stage(doc: Document, res: Resources) -> Document:
    lexicons: dict[str, Lexicon] = res.get("quotes.lexicons", _lexicons)
    lang = doc.language if doc.language in lexicons else guess_language(doc.text)
    lex = lexicons.get(lang)
    if lex is None or not doc.text:
        return doc
    try:
        doc.quotes, doc.sources = find(doc, lex)
    except Exception:  # bad input never crashes a batch: log and leave the layer empty
        log.exception("quotes failed on %s", doc.id or doc.source)
        doc.quotes, doc.sources = [], []
        return doc
    when_for = res.get("quotes.when_for", _when_fn)
    for q in doc.quotes:
        value, source = None, None
        if when_for is not None:
            try:  # the date of the saying: the cue's clause, never a date inside the reported content
                value, source = when_for(doc, q.cue or q.speaker.span or q.span)
            except Exception:
                value, source = None, None
            if value is not None and source != "published" and any(
                    t.value == value for t in times_in(doc, q.span[0], q.span[1])):
                value, source = None, None
        if value is None:
            value, source = _published(doc), "published" if doc.published else None
        q.when, q.when_source = value, source
    return doc
