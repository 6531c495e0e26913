"""The ``entities`` stage: gazetteer + the statistical tagger (if present) + linking, for article and teasers."""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Callable
from typing import Any

from vestnik.document import Document, Mention
from vestnik.entities.api import get_kb
from vestnik.entities.gazetteer import Gazetteer
from vestnik.entities.kb import KB
from vestnik.entities.linking import bodies_abroad, kb_entity, link
from vestnik.pipeline import Resources, stage

log = logging.getLogger(__name__)


def load_kb() -> KB:
    """The process-wide KB (``api.get_kb``): the stages' copy in Resources and the lookups of the layers after them
    (the event coder's country names, surnames) are one, loaded once (two copies had been ~0.2 s and their memory)."""
    return get_kb()


def get_gazetteer(res: Resources) -> Gazetteer:
    return res.get("entities.gazetteer", lambda: Gazetteer(res.get("entities.kb", load_kb)))


def _load_ner() -> Callable[[Document, Resources], list[Mention]] | None:
    """helper: ``vestnik.entities.ner.recognize(doc, res)`` when the tagger module exists."""
    try:
        mod = importlib.import_module("vestnik.entities.ner")
    except ImportError as e:
        log.debug("no statistical NER (%s): gazetteer only", e)
        return None
    fn: Any = getattr(mod, "recognize", None)
    return fn if callable(fn) else None


def recognize_names(doc: Document, res: Resources) -> list[Mention]:
    """The tagger's name mentions; none when it is absent or switched off with ``VESTNIK_NER=off``."""
    if os.environ.get("VESTNIK_NER", "").lower() in ("off", "0", "no"):
        return []
    fn = res.get("entities.ner_fn", _load_ner)
    if fn is None:
        return []
    try:
        return [m for m in fn(doc, res) if m.form in ("name", "", None)]
    except Exception:  # a broken model must not stop a batch: the gazetteer still runs
        log.exception("NER failed on %s; using the gazetteer alone", doc.id)
        return []


@stage("entities")
def entities_stage(doc: Document, res: Resources) -> Document:
    """Fill ``doc.mentions`` and ``doc.entities`` over the whole text (article and teasers)."""
    gaz = get_gazetteer(res)
    ner = recognize_names(doc, res)
    mentions, ents = link(doc.text, gaz, ner, doc.published, doc.language)
    bodies_abroad(mentions, ents, gaz.kb, doc.article.dateline,
                  min((t.span[0] for t in doc.teasers), default=len(doc.text)), doc.published)
    doc.mentions = mentions
    doc.entities = ents
    _link_publisher(doc, gaz)
    return doc


NEWS_KINDS = {"news_agency", "broadcaster", "newspaper"}


def _link_publisher(doc: Document, gaz: Gazetteer) -> None:
    """The publisher named by the page (site name, dateline agency) -> its KB id, when the KB knows it."""
    pub = doc.publisher
    if not isinstance(pub, dict) or pub.get("entity") or not pub.get("name"):
        return
    name = str(pub["name"])
    ms, _, _ = gaz.match(name)
    hits = [m for m in ms if m.form == "name" and m.end - m.start >= len(name.strip()) // 3]
    for m in hits:
        e = gaz.kb.get(m.entries[0].entity)
        if e is not None and e.kind in NEWS_KINDS:
            pub["entity"] = e.id
            doc.entities.setdefault(e.id, kb_entity(e, doc.published))
            return
