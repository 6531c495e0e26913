"""HTML for one document: its text blocks with the fact layers highlighted.

Layers overlap (a mention inside a quote inside an event sentence), so a block
is cut at every annotation boundary and each piece gets the classes of all the
annotations covering it: no nesting problems, every character rendered once,
escaped.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape


@dataclass
class Mark:
    start: int
    end: int
    cls: str
    title: str = ""


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
            out.append(Mark(*m["span"], f"m m-{m.get('type') or 'X'}", tip))
    for q in d.get("quotes") or []:
        spk = q.get("speaker") or {}
        who = _sub(d, spk.get("span")) or name(spk.get("entity")) or "?"
        if q.get("span"):
            out.append(Mark(*q["span"], "q", f"quote by {who}" + (f" ({q['when']})" if q.get("when") else "")))
        if q.get("cue"):
            out.append(Mark(*q["cue"], "cue", "reporting verb"))
        if spk.get("span"):
            out.append(Mark(*spk["span"], "spk", f"speaker: {name(spk.get('entity')) or who}"))
    for s in d.get("sources") or []:
        if s.get("span"):
            out.append(Mark(*s["span"], "src", f"source: {name(s.get('entity')) or _sub(d, s['span'])}"))
    for t in d.get("times") or []:
        if t.get("span"):
            out.append(Mark(*t["span"], "t", f"{t.get('type')} = {t.get('value')}"))
    for e in d.get("events") or []:
        if e.get("span"):
            src, tgt = (e.get("source") or {}).get("code"), (e.get("target") or {}).get("code")
            out.append(Mark(*e["span"], "ev", f"{e.get('type')} {e.get('cameo')}: {src or '?'} → {tgt or '?'}"))
    return out


def highlight(text: str, start: int, end: int, ms: list[Mark]) -> Markup:
    """``text[start:end]`` as HTML, with ``<span class=...>`` over each annotated piece."""
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
                    "entity": name((q.get("speaker") or {}).get("entity")), "text": _sub(d, q.get("span")),
                    "direct": q.get("direct"), "cue": _sub(d, q.get("cue")), "when": q.get("when"),
                    "sources": ", ".join(_sub(d, (d.get("sources") or [])[i].get("span"))
                                         for i in q.get("sources") or [] if i < len(d.get("sources") or []))}
                   for q in d.get("quotes") or []],
        "sources": [{"text": _sub(d, s.get("span")), "entity": name(s.get("entity")),
                     "cites": _sub(d, (d.get("sources") or [])[s["cites"]].get("span"))
                     if isinstance(s.get("cites"), int) and s["cites"] < len(d.get("sources") or []) else ""}
                    for s in d.get("sources") or []],
        "times": [{"text": _sub(d, t.get("span")), "type": t.get("type"), "value": t.get("value")}
                  for t in d.get("times") or []],
        "events": [{"type": e.get("type"), "cameo": e.get("cameo"), "text": _sub(d, e.get("span")),
                    "source": (e.get("source") or {}).get("code") or name((e.get("source") or {}).get("entity")),
                    "target": (e.get("target") or {}).get("code") or name((e.get("target") or {}).get("entity")),
                    "when": e.get("when")} for e in d.get("events") or []],
    }


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
