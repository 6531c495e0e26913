"""The HTTP side: a JSON API (OpenAPI at /docs) and server-rendered pages over one store.

Pages use only local templates and CSS (no CDN, no JavaScript needed), so the
UI works air-gapped. Endpoints are plain ``def`` functions: FastAPI runs them in
its thread pool, and the store's engine gives each its own connection.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from vestnik import __version__ as _version
from vestnik.api import render
from vestnik.events import cameo
from vestnik.store import Store

HERE = Path(__file__).parent
MAX_LIMIT = 200

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="How many items.")]
Offset = Annotated[int, Query(ge=0, description="Skip this many items (paging).")]
Language = Annotated[str | None, Query(description="Only this language (ISO 639-1: bg, ru, en).")]


def _page(store: Store, q: str | None, limit: int, offset: int, language: str | None) -> dict[str, Any]:
    q = (q or "").strip()
    if q:
        return {"query": q, "total": store.search_count(q, language=language), "limit": limit, "offset": offset,
                "items": store.search(q, limit=limit, offset=offset, language=language)}
    return {"query": None, "total": store.count(language=language), "limit": limit, "offset": offset,
            "items": store.list_documents(limit=limit, offset=offset, language=language)}


ENTITY_TYPES = ("PER", "LOC", "ORG", "PRO", "EVT")


def _clamp(limit: int, offset: int) -> tuple[int, int]:
    return max(1, min(limit, MAX_LIMIT)), max(0, offset)


def _pager(path: str, args: dict[str, Any], offset: int, limit: int, total: int, default_limit: int
           ) -> dict[str, Any]:
    """Previous/next links that keep the page's filters (and its size, when not the default)."""
    def link(off: int) -> str:
        a = {k: v for k, v in {**args, "limit": limit if limit != default_limit else None, "offset": off}.items() if v}
        return path + ("?" + urlencode(a) if a else "")

    return {"prev": link(max(0, offset - limit)) if offset > 0 else None,
            "next": link(offset + limit) if offset + limit < total else None,
            "first": offset + 1 if total else 0, "last": min(offset + limit, total), "total": total}


def _plover_types() -> list[str]:
    return sorted({c.plover for c in cameo.codes().values() if c.plover})


def _fastapi(**kw: Any) -> FastAPI:
    """FastAPI whose /docs page serves Swagger UI from the installed package, not a CDN (works air-gapped)."""
    try:
        from fastapi_offline import FastAPIOffline
    except ImportError:  # pragma: no cover - declared dependency; plain FastAPI still serves the API
        return FastAPI(**kw)
    return FastAPIOffline(**kw)


def create_app(store: Store | str | None = None) -> FastAPI:
    """The app over ``store`` (a :class:`Store`, a path/URL, or None for the default location)."""
    st = store if isinstance(store, Store) else Store.open(store)
    app = _fastapi(title="vestnik", version=_version,
                   description="News intelligence: documents, their facts (mentions, quotes, times, events) "
                               "and full-text search over the vestnik store.")
    app.state.store = st
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    # ids in URL paths (entity ids hold ":"; anything else a store holds is percent-encoded)
    templates.env.filters["path"] = lambda v: quote(str(v), safe=":@")
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def _not_found(ref: str) -> HTTPException:
        return HTTPException(404, f"no document {ref!r}; list ids with /api/documents or search with /api/search?q=")

    # ------------------------------------------------------------------ JSON API
    @app.get("/api/documents", tags=["documents"], summary="List documents, or search them with q")
    def api_documents(q: Annotated[str | None, Query(description="Full-text query (optional).")] = None,
                      limit: Limit = 50, offset: Offset = 0, language: Language = None) -> dict[str, Any]:
        return _page(st, q, limit, offset, language)

    @app.get("/api/documents/{doc_id}", tags=["documents"], summary="One document in the contract format")
    def api_document(doc_id: str) -> dict[str, Any]:
        d = st.get(doc_id)
        if d is None:
            raise _not_found(doc_id)
        return d

    @app.get("/api/search", tags=["search"], summary="Full-text search with snippets")
    def api_search(q: Annotated[str, Query(min_length=1, description='Words (all must match), "phrases", word*.')],
                   limit: Limit = 20, offset: Offset = 0, language: Language = None) -> dict[str, Any]:
        return _page(st, q, limit, offset, language)

    @app.get("/api/entities", tags=["entities"], summary="Entities the documents mention, most widely first")
    def api_entities(q: Annotated[str | None, Query(description="Part of the canonical name, the id, or a base form "
                                                                "the documents write it in (Путин).")] = None,
                     type: Annotated[str | None, Query(description="PER, LOC, ORG, PRO or EVT.")] = None,
                     limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        total, items = st.list_entities((q or "").strip() or None, type, limit=limit, offset=offset)
        return {"query": q, "type": type, "total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/api/entities/{entity_id}", tags=["entities"],
             summary="One entity: counts, the forms it is written in, the newest documents naming it")
    def api_entity(entity_id: str, limit: Limit = 20) -> dict[str, Any]:
        e = st.entity(entity_id, limit=limit)
        if e is None:
            raise HTTPException(404, f"no entity {entity_id!r} in the store; list them with /api/entities?q=")
        return e

    @app.get("/api/stories", tags=["stories"],
             summary="Stories (same event across outlets and days), as `vestnik stories` stored them; largest first")
    def api_stories(entity: Annotated[str | None, Query(description="Entity id some member names.")] = None,
                    since: Annotated[str | None, Query(description="Some member published on/after YYYY-MM-DD.")] = None,
                    until: Annotated[str | None, Query(description="Some member published on/before YYYY-MM-DD "
                                                                   "(or YYYY-MM, YYYY).")] = None,
                    language: Language = None, limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
        total, items = st.list_stories(limit=limit, offset=offset, entity=entity, since=since, until=until,
                                       language=language)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/api/stories/{story_id}", tags=["stories"], summary="One story with all its documents and duplicates")
    def api_story(story_id: str) -> dict[str, Any]:
        s = st.story(story_id)
        if s is None:
            raise HTTPException(404, f"no story {story_id!r}; run `vestnik stories --store ...` to cluster the store")
        return s

    @app.get("/api/events", tags=["events"],
             summary="Who did what to whom, when and where: coded events with the sentence they come from")
    def api_events(entity: Annotated[str | None, Query(description="Entity id as source or target.")] = None,
                   type: Annotated[str | None, Query(description="PLOVER type or CAMEO code prefix.")] = None,
                   since: Annotated[str | None, Query(description="Documents published on/after YYYY-MM-DD.")] = None,
                   until: Annotated[str | None, Query(description="Documents published on/before YYYY-MM-DD.")] = None,
                   limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        total, items = st.list_events(entity, type, since, limit=limit, offset=offset, until=until)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/api/quotes", tags=["quotes"],
             summary="Who said what, and according to whom: quotes with speaker, cue and chain of sources")
    def api_quotes(q: Annotated[str | None, Query(description='Words (all), "phrases" or word* in the quote '
                                                              "itself.")] = None,
                   speaker: Annotated[str | None, Query(description="Entity id of the speaker.")] = None,
                   source: Annotated[str | None, Query(description="Entity id some source of the chain resolves to "
                                                                   "(an agency, an outlet).")] = None,
                   since: Annotated[str | None, Query(description="Documents published on/after YYYY-MM-DD.")] = None,
                   until: Annotated[str | None, Query(description="Documents published on/before YYYY-MM-DD.")] = None,
                   limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        total, items = st.list_quotes(speaker, source, since, until, limit=limit, offset=offset, q=q)
        return {"query": q, "total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/api/stats", tags=["stats"], summary="Counts per language, publisher and fact layer")
    def api_stats() -> dict[str, Any]:
        return st.stats()

    # ------------------------------------------------------------------ pages
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request, q: str | None = None, language: str | None = None, offset: int = 0,
              limit: int = 50) -> HTMLResponse:
        limit, offset = max(1, min(limit, MAX_LIMIT)), max(0, offset)
        language = language or None
        page = _page(st, q, limit, offset, language)
        for h in page["items"]:
            if "snippet" in h:
                h["snippet_html"] = render.highlight_snippet(h["snippet"], h["highlights"])

        def link(off: int) -> str:
            args = {k: v for k, v in {"q": q, "language": language, "offset": off}.items() if v}
            return "/?" + urlencode(args) if args else "/"

        nav = {"prev": link(max(0, offset - limit)) if offset > 0 else None,
               "next": link(offset + limit) if offset + limit < page["total"] else None}
        langs = list(st.stats()["languages"]) if not q else []
        return templates.TemplateResponse(request, "index.html", {"page": page, "q": q or "", "language": language,
                                                                  "nav": nav, "languages": langs})

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, doc_id: str) -> HTMLResponse:
        d = st.get(doc_id)
        if d is None:
            return missing(request, "document", doc_id)
        layers = {k: len(d.get(k) or []) for k in ("mentions", "quotes", "sources", "times", "events")}
        return templates.TemplateResponse(request, "document.html", {
            "d": d, "b": render.blocks(d), "facts": render.fact_tables(d), "layers": layers,
            "publisher": (d.get("publisher") or {}).get("name"), "url": render.safe_url(d.get("url")),
            "stories": st.stories_with(doc_id=d["store_id"], limit=5)})

    @app.get("/stats", response_class=HTMLResponse, include_in_schema=False)
    def stats_page(request: Request) -> HTMLResponse:
        return templates.TemplateResponse(request, "stats.html", {"s": st.stats()})

    def missing(request: Request, what: str, ref: str) -> HTMLResponse:
        return templates.TemplateResponse(request, "missing.html", {"what": what, "ref": ref}, status_code=404)

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    def entities_page(request: Request, q: str | None = None, type: str | None = None, offset: int = 0,
                      limit: int = 50) -> HTMLResponse:
        limit, offset = _clamp(limit, offset)
        name, type_ = (q or "").strip() or None, (type or "").strip().upper() or None
        total, items = st.list_entities(name, type_, limit=limit, offset=offset)
        return templates.TemplateResponse(request, "entities.html", {
            "items": items, "name": name or "", "type": type_, "types": ENTITY_TYPES,
            "nav": _pager("/entities", {"q": name, "type": type_}, offset, limit, total, 50),
            "empty_store": not total and not (name or type_) and not st.count()})

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, entity_id: str, limit: int = 20) -> HTMLResponse:
        e = st.entity(entity_id, limit=max(1, min(limit, MAX_LIMIT)))
        if e is None:
            return missing(request, "entity", entity_id)
        # the store picks the latest ingested; shown by publication date, the undated last
        e["recent"].sort(key=lambda d: d["published"] or "", reverse=True)
        n_events, evs = st.list_events(entity_id, limit=20)
        n_said, said = st.list_quotes(speaker=entity_id, limit=10)
        n_cited, _ = st.list_quotes(source=entity_id, limit=0)
        return templates.TemplateResponse(request, "entity.html", {
            "e": e, "events": render.event_rows(evs), "n_events": n_events, "said": said, "n_said": n_said,
            "n_cited": n_cited,
            "stories": st.stories_with(entity=entity_id, limit=20)})

    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(request: Request, entity: str | None = None, since: str | None = None, until: str | None = None,
                     language: str | None = None, offset: int = 0, limit: int = 50) -> HTMLResponse:
        limit, offset = _clamp(limit, offset)
        f = {k: (v or "").strip() or None for k, v in (("entity", entity), ("since", since), ("until", until),
                                                       ("language", language))}
        total, items = st.list_stories(limit=limit, offset=offset, **f)
        who = st.entity(f["entity"], limit=1) if f["entity"] else None
        return templates.TemplateResponse(request, "stories.html", {
            "items": items, "f": f, "who": who, "filtered": any(f.values()),
            "nav": _pager("/stories", f, offset, limit, total, 50), "documents": st.count()})

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str) -> HTMLResponse:
        s = st.story(story_id, limit=MAX_LIMIT)
        if s is None:
            return missing(request, "story", story_id)
        # in the order they were published (the undated, e.g. pages without a date, last)
        members = sorted(reversed(s["documents"]), key=lambda d: (d["published"] is None, d["published"] or ""))
        heads = {d["id"]: d["headline"] or d["external_id"] or d["id"] for d in s["documents"]}
        # each event group's example sentence with its trigger marked, as on the events page
        happened = [{**g, "sentence_html": row["sentence_html"]} for g, row in zip(
            s["events"], render.event_rows([g["example"] for g in s["events"]]), strict=True)]
        return templates.TemplateResponse(request, "story.html", {"s": s, "members": members, "heads": heads,
                                                                  "happened": happened})

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request, entity: str | None = None, type: str | None = None, since: str | None = None,
                    until: str | None = None, offset: int = 0, limit: int = 50) -> HTMLResponse:
        limit, offset = _clamp(limit, offset)
        f = {"entity": (entity or "").strip() or None, "type": (type or "").strip() or None,
             "since": (since or "").strip() or None, "until": (until or "").strip() or None}
        if f["type"] and not f["type"][0].isdigit():
            f["type"] = f["type"].upper()  # PLOVER types are upper case; CAMEO prefixes are digits
        total, items = st.list_events(f["entity"], f["type"], f["since"], limit=limit, offset=offset,
                                      until=f["until"])
        who = st.entity(f["entity"], limit=1) if f["entity"] else None
        return templates.TemplateResponse(request, "events.html", {
            "items": render.event_rows(items), "f": f, "who": who, "plover": _plover_types(),
            "nav": _pager("/events", f, offset, limit, total, 50),
            "filtered": any(f.values()), "documents": st.count()})

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes_page(request: Request, q: str | None = None, speaker: str | None = None, source: str | None = None,
                    since: str | None = None, until: str | None = None, offset: int = 0,
                    limit: int = 50) -> HTMLResponse:
        limit, offset = _clamp(limit, offset)
        f = {"q": (q or "").strip() or None, "speaker": (speaker or "").strip() or None,
             "source": (source or "").strip() or None, "since": (since or "").strip() or None,
             "until": (until or "").strip() or None}
        total, items = st.list_quotes(f["speaker"], f["source"], f["since"], f["until"], limit=limit, offset=offset,
                                      q=f["q"])
        who = st.entity(f["speaker"], limit=1) if f["speaker"] else None
        via = st.entity(f["source"], limit=1) if f["source"] else None
        return templates.TemplateResponse(request, "quotes.html", {
            "items": items, "f": f, "who": who, "via": via, "nav": _pager("/quotes", f, offset, limit, total, 50),
            "filtered": any(f.values()), "documents": st.count()})

    return app
