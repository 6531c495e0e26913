"""The HTTP side: a JSON API (OpenAPI at /docs) and server-rendered pages over one store.

Pages use only local templates and CSS (no CDN, no JavaScript needed), so the
UI works air-gapped. Endpoints are plain ``def`` functions: FastAPI runs them in
its thread pool, and the store's engine gives each its own connection.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from vestnik import __version__ as _version
from vestnik.api import render
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
    def api_entities(q: Annotated[str | None, Query(description="Part of the canonical name or id.")] = None,
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
    def api_stories(limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
        total, items = st.list_stories(limit=limit, offset=offset)
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
                   limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        total, items = st.list_events(entity, type, since, limit=limit, offset=offset)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

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
            return templates.TemplateResponse(request, "missing.html", {"ref": doc_id}, status_code=404)
        layers = {k: len(d.get(k) or []) for k in ("mentions", "quotes", "sources", "times", "events")}
        return templates.TemplateResponse(request, "document.html", {
            "d": d, "b": render.blocks(d), "facts": render.fact_tables(d), "layers": layers,
            "publisher": (d.get("publisher") or {}).get("name")})

    @app.get("/stats", response_class=HTMLResponse, include_in_schema=False)
    def stats_page(request: Request) -> HTMLResponse:
        return templates.TemplateResponse(request, "stats.html", {"s": st.stats()})

    return app
