"""HTML for one document: its text blocks with the fact layers highlighted.

Layers overlap (a mention inside a quote inside an event sentence), so a block
is cut at every annotation boundary and each piece gets the classes of all the
annotations covering it: no nesting problems, every character rendered once,
escaped.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any, cast
from urllib.parse import quote

from markupsafe import Markup, escape

from vestnik.events import cameo

_Span = tuple[int, int]  # a stored span: [start, end]


@dataclass
class Mark:
    start: int
    end: int
    cls: str
    title: str = ""
    href: str = ""


def entity_href(eid: str) -> str:
    """The entity page's path (ids hold ":"; anything else is percent-encoded)."""
    return "/entities/" + quote(eid, safe=":@")


def safe_url(url: Any) -> str | None:
    """A document's own URL if it is http(s): a stored ``javascript:`` URL must not become a link."""
    return url if isinstance(url, str) and url.lower().startswith(("http://", "https://")) else None


def _sub(d: dict[str, Any], span: Any) -> str:
    return d["text"][span[0] : span[1]] if span else ""


def marks(d: dict[str, Any]) -> list[Mark]:
    """Every highlightable span of the document, with a class per layer and a tooltip."""
    ents = d.get("entities") or {}

    def name(eid: str | None) -> str:
        return (ents.get(eid) or {}).get("name") or eid or "" if eid else ""

    out: list[Mark] = []
    for m in d.get("mentions") or []:
        if m.get("span"):
            tip = " · ".join(x for x in [m.get("type"), m.get("form"), m.get("base"), name(m.get("entity"))] if x)
            href = entity_href(m["entity"]) if m.get("entity") in ents else ""
            out.append(Mark(*cast(_Span, m["span"]), f"m m-{m.get('type') or 'X'}", tip, href))
    for q in d.get("quotes") or []:
        spk = q.get("speaker") or {}
        who = _sub(d, spk.get("span")) or name(spk.get("entity")) or "?"
        if q.get("span"):
            out.append(Mark(*cast(_Span, q["span"]), "q", f"quote by {who}" + (f" ({q['when']})" if q.get("when") else "")))
        if q.get("cue"):
            out.append(Mark(*cast(_Span, q["cue"]), "cue", "reporting verb"))
        if spk.get("span"):
            out.append(Mark(*cast(_Span, spk["span"]), "spk", f"speaker: {name(spk.get('entity')) or who}"))
    for s in d.get("sources") or []:
        if s.get("span"):
            out.append(Mark(*cast(_Span, s["span"]), "src", f"source: {name(s.get('entity')) or _sub(d, s['span'])}"))
    for t in d.get("times") or []:
        if t.get("span"):
            out.append(Mark(*cast(_Span, t["span"]), "t", f"{t.get('type')} = {t.get('value')}"))
    for e in d.get("events") or []:
        if e.get("span"):
            src, tgt = (e.get("source") or {}).get("code"), (e.get("target") or {}).get("code")
            out.append(Mark(*cast(_Span, e["span"]), "ev", f"{e.get('type')} {e.get('cameo')}: {src or '?'} → {tgt or '?'}"))
    return out


def highlight(text: str, start: int, end: int, ms: list[Mark]) -> Markup:
    """``text[start:end]`` as HTML, with ``<span class=...>`` over each annotated piece (``<a>`` where a mention
    links to its entity's page; the innermost mention's, when mentions nest)."""
    inside = [m for m in ms if m.start < end and m.end > start and m.end > m.start]
    if not inside:
        return Markup(escape(text[start:end]))
    cuts = sorted({start, end, *(max(start, m.start) for m in inside), *(min(end, m.end) for m in inside)})
    parts: list[str] = []
    for a, b in itertools.pairwise(cuts):
        piece = escape(text[a:b])
        cover = [m for m in inside if m.start <= a and m.end >= b]
        if not cover:
            parts.append(str(piece))
            continue
        classes = " ".join(dict.fromkeys(c for m in cover for c in m.cls.split()))
        title = " | ".join(dict.fromkeys(m.title for m in cover if m.title))
        href = min(((m.end - m.start, m.href) for m in cover if m.href), default=(0, ""))[1]
        if href:
            parts.append(f'<a class="{escape(classes)}" href="{escape(href)}" title="{escape(title)}">{piece}</a>')
        else:
            parts.append(f'<span class="{escape(classes)}" title="{escape(title)}">{piece}</span>')
    return Markup("".join(parts))


def blocks(d: dict[str, Any]) -> dict[str, Any]:
    """The document's headline, dateline, paragraphs and teasers, highlighted, for the template."""
    ms = marks(d)
    text = d["text"]
    art = d.get("article") or {}

    def hl(span: Any) -> Markup | None:
        return highlight(text, span[0], span[1], ms) if span else None

    teasers = []
    for i, t in enumerate(d.get("teasers") or []):
        teasers.append({"i": i, "html": hl(t.get("span")), "dateline": t.get("dateline"),
                        "headline": t.get("headline"), "truncated": t.get("truncated")})
    paragraphs = [hl(p) for p in art.get("paragraphs") or []]
    if not paragraphs and not art.get("headline"):  # nothing segmented: show the text as it is
        paragraphs = [hl([0, len(text)])]
    return {"headline": hl(art.get("headline")), "dateline": hl(art.get("dateline")), "paragraphs": paragraphs,
            "teasers": teasers}


def fact_tables(d: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Plain rows for the fact tables under the text."""
    ents = d.get("entities") or {}

    def name(eid: str | None) -> str:
        return (ents.get(eid) or {}).get("name") or eid or "" if eid else ""

    counts: dict[str, int] = {}
    for m in d.get("mentions") or []:
        if m.get("entity"):
            counts[m["entity"]] = counts.get(m["entity"], 0) + 1
    return {
        "entities": [{"id": k, "name": v.get("name"), "type": v.get("type"),
                      "codes": ", ".join(f"{a}: {b}" for a, b in (v.get("codes") or {}).items()),
                      "mentions": counts.get(k, 0)} for k, v in ents.items()],
        "quotes": [{"speaker": _sub(d, (q.get("speaker") or {}).get("span")),
                    "entity": name((q.get("speaker") or {}).get("entity")),
                    "entity_id": _known((q.get("speaker") or {}).get("entity"), ents), "text": _sub(d, q.get("span")),
                    "direct": q.get("direct"), "cue": _sub(d, q.get("cue")), "when": q.get("when"),
                    "sources": ", ".join(_sub(d, (d.get("sources") or [])[i].get("span"))
                                         for i in q.get("sources") or [] if i < len(d.get("sources") or []))}
                   for q in d.get("quotes") or []],
        "sources": [{"text": _sub(d, s.get("span")), "entity": name(s.get("entity")),
                     "entity_id": _known(s.get("entity"), ents),
                     "cites": _sub(d, (d.get("sources") or [])[s["cites"]].get("span"))
                     if isinstance(s.get("cites"), int) and s["cites"] < len(d.get("sources") or []) else ""}
                    for s in d.get("sources") or []],
        "times": [{"text": _sub(d, t.get("span")), "type": t.get("type"), "value": t.get("value")}
                  for t in d.get("times") or []],
        "events": [{"type": e.get("type"), "cameo": e.get("cameo"), "cameo_name": cameo_name(e.get("cameo")),
                    "text": _sub(d, e.get("span")), "source": _actor(d, e.get("source"), ents),
                    "target": _actor(d, e.get("target"), ents), "when": e.get("when"),
                    "where": {"id": _known(e.get("where"), ents), "name": name(e.get("where"))}}
                   for e in d.get("events") or []],
    }


def _known(eid: Any, ents: dict[str, Any]) -> str | None:
    """The id if the document describes that entity (so the store has a page for it), else None."""
    return eid if isinstance(eid, str) and eid in ents else None


def _actor(d: dict[str, Any], a: Any, ents: dict[str, Any]) -> dict[str, Any]:
    """An event's source or target: the entity's name (linked) or the words of the text, and its actor code."""
    a = a or {}
    eid = _known(a.get("entity"), ents)
    return {"id": eid, "name": (ents.get(eid) or {}).get("name") if eid else _sub(d, a.get("span")) or None,
            "code": a.get("code")}


def cameo_name(code: Any) -> str:
    """The CAMEO codebook's name of a code ("" if unknown), for tooltips."""
    try:
        return cameo.lookup(str(code)).name if code else ""
    except (KeyError, ValueError):
        return ""


def event_rows(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events as the store lists them, plus the sentence as HTML with the trigger marked and the CAMEO name."""
    out = []
    for ev in items:
        sent, span, sspan = ev.get("sentence") or "", ev.get("span") or [None, None], ev.get("sentence_span")
        html = Markup(escape(sent))
        if sent and sspan and span[0] is not None and sspan[0] <= span[0] <= span[1] <= sspan[1]:
            a, b = span[0] - sspan[0], span[1] - sspan[0]
            html = Markup(f"{escape(sent[:a])}<mark>{escape(sent[a:b])}</mark>{escape(sent[b:])}")
        out.append({**ev, "sentence_html": html, "cameo_name": cameo_name(ev.get("cameo"))})
    return out


def highlight_snippet(snippet: str, spans: list[list[int]]) -> Markup:
    """A search snippet with its matches in ``<mark>``."""
    parts, pos = [], 0
    for s, e in sorted(spans):
        if s < pos:
            continue
        parts.append(str(escape(snippet[pos:s])) + f"<mark>{escape(snippet[s:e])}</mark>")
        pos = e
    parts.append(str(escape(snippet[pos:])))
    return Markup("".join(parts))
