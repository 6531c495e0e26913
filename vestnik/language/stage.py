"""The language stage: language per document and per teaser, then sentences, tokens and lemmas.

Items (headline, dateline, each paragraph, each teaser's dateline/headline/snippet) are cut apart before
tokenizing, so no token or sentence crosses an item boundary; text outside every item is analysed too, so later
layers always find ``doc.sentences`` and ``doc.tokens`` filled.
"""

from __future__ import annotations

import itertools

from vestnik.document import Document, Span, Token
from vestnik.language.lemma import Lemmatizer, load_lemmatizer
from vestnik.language.lid import LanguageIdentifier, load_identifier
from vestnik.language.tokenize import Tokenizer
from vestnik.pipeline import Resources, stage

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


def analyse(doc: Document, tok: Tokenizer, lem: Lemmatizer, regions: list[tuple[Span, str | None]]) -> None:
    """Fill doc.sentences and doc.tokens, one item (segment between cut points) at a time."""
    text = doc.text
    cuts = _cut_points(doc)
    sentences: list[Span] = []
    tokens: list[Token] = []
    lemma = lem.lemma
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
            return lem.is_common(w, _l)

        sents = tok.sentences(text, spans, lang, common)
        sentences.extend((spans[a][0], spans[b - 1][1]) for a, b in sents)
        # comprehensions instead of a per-token loop: this is the hot path of the whole layer
        forms = [text[a:b] for a, b in spans]
        cache = lem.cache_for(lang)
        lemmas = list(map(cache.get, forms))
        if None in lemmas:
            for k in [k for k, lm in enumerate(lemmas) if lm is None]:
                lemmas[k] = lemma(forms[k], lang, False)
        for a, _ in sents:
            lemmas[a] = lemma(forms[a], lang, True)
        lem.in_context(forms, lemmas, lang)
        tokens.extend(map(Token, spans, lemmas))
    doc.sentences = sentences
    doc.tokens = tokens


@stage("language")
def language(doc: Document, res: Resources) -> Document:
    lid = res.get("language.lid", load_identifier)
    tok = res.get("language.tokenizer", Tokenizer)
    lem = res.get("language.lemma", load_lemmatizer)
    try:
        regions = identify(doc, lid)
        analyse(doc, tok, lem, regions)
    except Exception as e:  # bad input must not crash a batch: keep the document, record why
        doc.meta.setdefault("errors", []).append(f"language: {type(e).__name__}: {e}")
    return doc
