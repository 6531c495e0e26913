"""Small lookups other layers (quotes, sources, events) use on the entities layer's output and the KB."""

from __future__ import annotations

from vestnik.document import Document, Mention, Span
from vestnik.entities.kb import KB, KBEntry

_KB: KB | None = None


def get_kb(res: object | None = None) -> KB:
    """The process-wide KB (the stage's copy when ``res`` is the pipeline's Resources)."""
    global _KB
    getter = getattr(res, "get", None)
    if getter is not None:
        from vestnik.entities.stage import load_kb

        return getter("entities.kb", load_kb)
    if _KB is None:
        _KB = KB.load()
    return _KB


def mentions_in(doc: Document, span: Span, forms: tuple[str, ...] = ("name", "derived", "role")) -> list[Mention]:
    """Mentions overlapping ``span``, in text order."""
    s, e = span
    return [m for m in doc.mentions if m.span[0] < e and s < m.span[1] and m.form in forms]


def entity_at(doc: Document, span: Span, forms: tuple[str, ...] = ("name", "role", "derived")) -> Mention | None:
    """The mention that best covers ``span``: the same span first, then (by ``forms`` order) the one with the
    largest overlap. Use ``.entity`` for the id and ``doc.entities[id]`` for the entity."""
    cands = [m for m in mentions_in(doc, span, forms) if m.entity]
    if not cands:
        return None
    s, e = span
    return max(cands, key=lambda m: (m.span == (s, e), min(e, m.span[1]) - max(s, m.span[0]),
                                     -forms.index(m.form) if m.form in forms else -9))


def kb_entry(entity_id: str | None, res: object | None = None) -> KBEntry | None:
    return get_kb(res).get(entity_id)


def country_code(entity_id: str | None, res: object | None = None) -> str | None:
    """ISO3 of a country, or the country of a person/organisation/city (None for IGOs and unknown ids)."""
    e = kb_entry(entity_id, res)
    return e.iso3 if e else None


def cameo_code(entity_id: str | None, date: str | None = None, res: object | None = None) -> str | None:
    """CAMEO actor code (RUS, RUSGOV, IGOWSTNAT, USAMED) on ``date``."""
    e = kb_entry(entity_id, res)
    return e.cameo(date) if e else None


def sector(entity_id: str | None, date: str | None = None, res: object | None = None) -> str | None:
    """CAMEO sector of a person's role on ``date`` (GOV, MIL, LEG, JUD, OPP, ...)."""
    e = kb_entry(entity_id, res)
    r = e.role_at(date) if e else None
    return r.sector if r else None


def role(entity_id: str | None, date: str | None = None, res: object | None = None) -> str | None:
    """A person's role on ``date`` (president, foreign_minister, ...)."""
    e = kb_entry(entity_id, res)
    r = e.role_at(date) if e else None
    return r.role if r else None


def kind(entity_id: str | None, res: object | None = None) -> str | None:
    """country, city, igo, news_agency, broadcaster, newspaper, party, company, ... (None if unknown)."""
    e = kb_entry(entity_id, res)
    return e.kind if e else None


def is_news_source(entity_id: str | None, res: object | None = None) -> bool:
    return kind(entity_id, res) in ("news_agency", "broadcaster", "newspaper")


def office_holder(country_iso3: str, roles: list[str], date: str | None, res: object | None = None) -> str | None:
    """Id of who held the first of ``roles`` of a country (or IGO) on ``date``."""
    e = get_kb(res).holder(country_iso3, roles, date)
    return e.id if e else None
