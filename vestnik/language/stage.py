"""The language stage: language per document and per teaser, then sentences, tokens and lemmas.

Items (headline, dateline, each paragraph, each teaser's dateline/headline/snippet) are cut apart before
tokenizing, so no token or sentence crosses an item boundary; text outside every item is analysed too, so later
layers always find ``doc.sentences`` and ``doc.tokens`` filled. Lemmas are most of the layer's cost on new text and
no later stage reads them, so ``doc.tokens`` is a :class:`LazyTokens` that lemmatises on first use.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any

from vestnik.document import Document, Span, Token
from vestnik.entities.api import get_kb
from vestnik.language.lemma import Lemmatizer, load_lemmatizer
from vestnik.language.lid import LanguageIdentifier, load_identifier
from vestnik.language.tokenize import Tokenizer
from vestnik.pipeline import Resources, default_resources, stage

log = logging.getLogger(__name__)
_FILL_LOCK = threading.Lock()

LID_SAMPLE = 600  # characters of the article read for its language (headline + start of the body)


def _cut_points(doc: Document) -> list[int]:
    """Offsets where one item ends and another begins (sorted, with 0 and len(text))."""
    cuts = {0, len(doc.text)}
    a = doc.article
    spans: list[Span | None] = [a.headline, a.dateline, *a.paragraphs]
    for t in doc.teasers:
        spans.extend([t.span, t.dateline_span, t.headline_span, t.snippet_span])
    for sp in spans:
        if sp:
            cuts.update(sp)
    return sorted(c for c in cuts if 0 <= c <= len(doc.text))


def _article_sample(doc: Document) -> str:
    a = doc.article
    parts = [doc.span_text(a.headline), *(doc.span_text(p) for p in a.paragraphs[:3])]
    return " ".join(p for p in parts if p)[:LID_SAMPLE]


def identify(doc: Document, lid: LanguageIdentifier) -> list[tuple[Span, str | None]]:
    """Set the document's and each teaser's language; return (span, language) regions for lemmatisation."""
    sample = _article_sample(doc) or doc.text[:LID_SAMPLE]
    g = lid.detect(sample)
    regions: list[tuple[Span, str | None]] = []
    for t in doc.teasers:
        text = " ".join(x for x in (t.headline, t.snippet) if x) or doc.span_text(t.span)
        tg = lid.detect(text[:LID_SAMPLE])
        # a short teaser that is not clearly another language follows the page
        t.language = tg.language if tg.confidence >= 0.9 or g.language is None else (g.language or tg.language)
        regions.append((t.span, t.language))
    if g.language is None and doc.teasers:
        langs = [t.language for t in doc.teasers if t.language]
        if langs:
            g = type(g)(max(set(langs), key=langs.count), 0.5, "lid:teaser-majority")
    doc.language = g.language
    doc.language_confidence = g.confidence
    doc.meta.setdefault("evidence", {})["language"] = g.evidence
    return regions


#: one item's tokens before lemmatisation: (token spans, indexes of sentence-initial tokens, language)
Item = tuple[list[Span], list[int], str | None]


def lemmatise(text: str, items: list[Item], lem: Lemmatizer) -> list[Token]:
    """Tokens with lemmas for the items ``analyse`` found (the costly part of the layer: one dictionary lookup per
    token once a form is cached, dictionary search and ending rules for each new form)."""
    tokens: list[Token] = []
    lemma = lem.lemma
    for spans, starts, lang in items:
        # C-level maps instead of a per-token loop: this is the hot path of the whole layer
        forms = list(map(text.__getitem__, itertools.starmap(slice, spans)))
        cache = lem.cache_for(lang)
        lemmas = list(map(cache.get, forms))
        for a in starts:  # first, so a new sentence-initial form is not also lemmatised as a non-initial one
            lemmas[a] = lemma(forms[a], lang, True)
        if None in lemmas:
            for k in [k for k, lm in enumerate(lemmas) if lm is None]:
                lemmas[k] = lemma(forms[k], lang, False)
        lem.in_context(forms, lemmas, lang)  # type: ignore[arg-type]  # (no None left: filled in just above)
        tokens.extend(map(Token, spans, lemmas))
    return tokens


def _lazy(method: str) -> Callable[..., Any]:
    base = getattr(list, method)

    def call(self: LazyTokens, *args: Any, **kwargs: Any) -> Any:
        if self._text is not None:
            self._fill()
        for a in args:  # list's C code reads another list's items directly: fill that one too
            if type(a) is LazyTokens and a._text is not None:
                a._fill()
        return base(self, *args, **kwargs)

    call.__name__ = method
    return call


class LazyTokens(list[Token]):
    """``doc.tokens``, lemmatised on first use.

    No stage reads lemmas (only ``to_dict`` with the ``tokens`` layer, and library users), and they are most of the
    layer's cost on new text, so the list stays empty until something reads it: every list operation fills it
    first, with exactly the lemmas eager lemmatisation gives (lemmas depend on the form, the language, the sentence
    start and the neighbouring words only). Pickled unfilled (spans, not Token objects: cheap between processes);
    the receiving process lemmatises with its default resources if it reads them.
    """

    __slots__ = ("_items", "_lem", "_text")

    def __init__(self, tokens: Iterable[Token] = (), text: str | None = None, items: list[Item] | None = None,
                 lem: Lemmatizer | None = None) -> None:
        super().__init__(tokens)
        self._text = text if items else None
        self._items = items
        self._lem = lem

    def _fill(self) -> None:
        with _FILL_LOCK:  # two threads reading one document: one fills, the other waits for the full list
            text, items, lem = self._text, self._items, self._lem
            if text is None or not items:
                return
            try:
                tokens = lemmatise(text, items, lem or default_resources().get("language.lemma", load_lemmatizer))
            except Exception:  # reading a document must not fail: keep the tokens, without lemmas
                log.exception("lemmatisation failed")
                tokens = [Token(sp) for spans, _, _ in items for sp in spans]
            list.extend(self, tokens)
            self._text = self._items = self._lem = None

    def __radd__(self, other: Any) -> Any:
        """``[...] + tokens``: fill, then let list concatenate (it reads the items directly)."""
        if self._text is not None:
            self._fill()
        return NotImplemented

    def __reduce__(self) -> tuple[Any, ...]:
        if self._text is not None:
            return (LazyTokens, ((), self._text, self._items))
        return (list, (list(list.__iter__(self)),))


for _m in ("__len__", "__iter__", "__reversed__", "__getitem__", "__setitem__", "__delitem__", "__contains__",
           "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__add__", "__mul__", "__rmul__", "__iadd__",
           "__imul__", "__repr__", "__sizeof__", "append", "extend", "insert", "pop", "remove", "index", "count",
           "copy", "sort", "reverse", "clear"):
    setattr(LazyTokens, _m, _lazy(_m))


def analyse(doc: Document, tok: Tokenizer, lem: Lemmatizer, regions: list[tuple[Span, str | None]],
            names: frozenset[str] = frozenset()) -> None:
    """Fill doc.sentences, and doc.tokens (lemmatised when first read), one item (segment between cut points) at a
    time. ``names``: capitalised words that are names whatever the dictionary says (people's surnames: "Мей",
    "Юнкер" are also the words "мей", "юнкер"), so no sentence starts at them."""
    text = doc.text
    cuts = _cut_points(doc)
    sentences: list[Span] = []
    items: list[Item] = []
    for s, e in itertools.pairwise(cuts):
        if s >= e or text[s:e].isspace():
            continue
        lang = doc.language
        for (rs, re_), rl in regions:
            if rs <= s and e <= re_:
                lang = rl or lang
                break
        spans = tok.tokens(text, s, e)
        if not spans:
            continue

        def common(w: str, _l: str | None = lang) -> bool:
            """A common word, not a name (the LID word lists were tried too: they hold names such as Маркс)."""
            return lem.is_common(w, _l) and w not in names

        sents = tok.sentences(text, spans, lang, common)
        sentences.extend((spans[a][0], spans[b - 1][1]) for a, b in sents)
        items.append((spans, [a for a, _ in sents], lang))
    doc.sentences = sentences
    doc.tokens = LazyTokens((), text, items, lem)


@stage("language")
def language(doc: Document, res: Resources) -> Document:
    lid = res.get("language.lid", load_identifier)
    tok = res.get("language.tokenizer", Tokenizer)
    lem = res.get("language.lemma", load_lemmatizer)
    names = res.get("language.surnames", lambda: res.get("entities.kb", get_kb).surnames())
    try:
        regions = identify(doc, lid)
        analyse(doc, tok, lem, regions, names)
    except Exception as e:  # bad input must not crash a batch: keep the document, record why
        doc.meta.setdefault("errors", []).append(f"language: {type(e).__name__}: {e}")
    return doc
