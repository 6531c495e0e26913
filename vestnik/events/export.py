"""Event exports analysts' tools already read: GDELT 2.0 event rows, PLOVER JSON, JSON Lines, Parquet.

Events are flattened from contract documents (``Document.to_dict()``), one row per event, with the
evidence GDELT drops appended: the trigger and sentence text, their offsets, the rule that coded it,
and the chain of sources it rests on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import Any

from vestnik.events.cameo import actor_code

# GDELT 2.0 event table columns we fill (in GDELT's order), then vestnik's extra columns.
GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "ActionGeo_FullName", "ActionGeo_CountryCode",
    "DATEADDED", "SOURCEURL",
]
EXTRA_COLUMNS = ["vestnik_doc", "plover_type", "when", "trigger", "trigger_start", "trigger_end", "sentence",
                 "negated", "hedged", "source_chain", "evidence", "merged_docs"]


def _sub(text: str, span: list[int] | None) -> str:
    return text[span[0] : span[1]] if span else ""


def _name(doc: dict[str, Any], actor: dict[str, Any]) -> str:
    ent = (doc.get("entities") or {}).get(actor.get("entity") or "")
    return ent["name"] if ent else _sub(doc["text"], actor.get("span"))


def _full_code(doc: dict[str, Any], actor: dict[str, Any], code: str) -> str:
    """GDELT's Actor1Code is the whole CAMEO code ("IGOUNO"); an event actor's code is country and role ("IGO"):
    the entity's code, when it is the same actor's, says the rest."""
    ent = (doc.get("entities") or {}).get(actor.get("entity") or "") or {}
    full = (ent.get("codes") or {}).get("cameo") or ""
    if code and full and full != code and (short := actor_code(full)) and code.startswith(short) \
            and len(code) == len(short) + 3 and not full.endswith(code[-3:]):
        return full + code[-3:]  # a body's role the text gives ("U.N. officials": IGOUNO + GOV)
    return full if code and full != code and actor_code(full) == code else code


def rows(docs: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One flat record per event, in document order."""
    for doc in docs:
        text = doc.get("text") or ""
        srcs = doc.get("sources") or []
        publisher = (doc.get("publisher") or {}).get("name")
        for k, ev in enumerate(doc.get("events") or []):
            when = ev.get("when") or ""
            # GDELT dates are days: a month- or year-precise `when` keeps the publication day
            day = next((w.replace("-", "")[:8] for w in (when, doc.get("published") or "")
                        if len(w) >= 10 and w[:4].isdigit()), "")
            a1, a2 = ev.get("source") or {}, ev.get("target") or {}
            c1, c2 = a1.get("code") or "", a2.get("code") or ""
            where = (doc.get("entities") or {}).get(ev.get("where") or "") or {}
            chain = [publisher] if publisher else []
            ents = doc.get("entities") or {}
            chain += [(ents.get(srcs[i].get("entity") or "") or {}).get("name") or _sub(text, srcs[i].get("span"))
                      for i in ev.get("sources") or [] if 0 <= i < len(srcs)]
            eid = hashlib.blake2b(f"{doc.get('id')}:{k}:{ev['span']}".encode(), digest_size=8).hexdigest()
            code = ev.get("cameo") or ""
            yield {
                "GLOBALEVENTID": eid,
                "SQLDATE": day,
                "MonthYear": day[:6],
                "Year": day[:4],
                "FractionDate": "",
                "Actor1Code": _full_code(doc, a1, c1), "Actor1Name": _name(doc, a1) if a1 else "",
                "Actor1CountryCode": c1[:3], "Actor1Type1Code": c1[3:6],
                "Actor2Code": _full_code(doc, a2, c2), "Actor2Name": _name(doc, a2) if a2 else "",
                "Actor2CountryCode": c2[:3], "Actor2Type1Code": c2[3:6],
                "IsRootEvent": int(k == 0),
                "EventCode": code, "EventBaseCode": code[:3], "EventRootCode": code[:2],
                "QuadClass": ev.get("quadclass"), "GoldsteinScale": ev.get("goldstein"),
                "NumMentions": ev.get("mentions", 1), "NumSources": 1, "NumArticles": 1,
                "ActionGeo_FullName": where.get("name", ""),
                "ActionGeo_CountryCode": (where.get("codes") or {}).get("iso3", ""),
                "DATEADDED": (doc.get("published") or "").replace("-", ""),
                "SOURCEURL": doc.get("url") or doc.get("source") or "",
                "vestnik_doc": doc.get("id"),
                "plover_type": ev.get("type"),
                "when": when,
                "trigger": _sub(text, ev.get("span")),
                "trigger_start": ev["span"][0], "trigger_end": ev["span"][1],
                "sentence": _sub(text, ev.get("sentence")),
                "negated": ev.get("negated", False), "hedged": ev.get("hedged", False),
                "source_chain": " < ".join(chain),
                "evidence": ev.get("evidence", ""),
                "merged_docs": doc.get("id"),
            }


def gdelt_line(r: dict[str, Any]) -> str:
    cols = GDELT_COLUMNS + EXTRA_COLUMNS
    return "\t".join("" if r.get(c) is None else str(r.get(c)).replace("\t", " ").replace("\n", " ") for c in cols)


def plover_record(r: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER-style event record (the fields of the PLOVER gold standard records)."""
    def actor(n: int) -> list[dict[str, str]]:
        code, name = r[f"Actor{n}CountryCode"], r[f"Actor{n}Name"]
        return [{"actorText": name, "code": code, "sector": r[f"Actor{n}Type1Code"]}] if code or name else []

    return {
        "id": r["GLOBALEVENTID"],
        "date": f"{r['SQLDATE'][:4]}-{r['SQLDATE'][4:6]}-{r['SQLDATE'][6:8]}" if r["SQLDATE"] else None,
        "event": r["plover_type"],
        "cameo": r["EventCode"],
        "source": actor(1),
        "target": actor(2),
        "eventText": r["trigger"],
        "text": r["sentence"],
        "mode": "negated" if r["negated"] else "hedged" if r["hedged"] else "",
        "location": r["ActionGeo_FullName"],
        "provenance": r["source_chain"],
        "url": r["SOURCEURL"],
        "coder": "vestnik",
        "evidence": r["evidence"],
    }
