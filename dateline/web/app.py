"""The HTTP API and the web UI over one corpus database (FastAPI).

Every read opens the database read-only; the one write, setting a document's publication date,
goes through :meth:`Corpus.set_date` (which re-anchors every date-dependent stage and re-runs the
corpus resolution), accepts JSON only and only from this application's own origin. Responses carry
the same JSON shapes as the CLI's ``--format json``. The UI is static files shipped in the package
(``web/static``, vis-timeline and Swagger UI vendored under ``static/vendor`` with their licences),
read into memory when the app is created: no CDN, and no request path ever reaches the file system.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import mimetypes
import multiprocessing
from collections.abc import AsyncIterator, Awaitable, Callable, Collection, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import asynccontextmanager, contextmanager
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import FastAPI, HTTPException, Query, Request, Response
from fastapi import Path as PathParam
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse

from dateline import (
    Actor,
    Corpus,
    DatelineError,
    Event,
    Filter,
    NotFoundError,
    Quote,
    SearchHit,
    TimelineEntry,
    __version__,
    parse_date,
)

STATIC = Path(str(resources.files("dateline.web") / "static"))
# Licence texts ship with the assets but are not served; everything else under static/ is.
SERVED = (".html", ".js", ".css")
DATE_SOURCES = "^(metadata|explicit|inferred|ambiguous|unknown|user)$"
# The largest id a path may carry: SQLite's integers are 64-bit, a larger one is no id but a 422.
MAX_ID = 2**63 - 1
# What a document listing shows of the date proposed for it.
PROPOSAL_FIELDS = ("proposed", "granularity", "score", "because", "own", "reported_by")
# A listing answers one page: this many rows unless the request asks for another number up to MAX_PAGE.
# The total matching the filter is in the X-Total-Count header, the list response keeping its shape.
PAGE = 100
MAX_PAGE = 10_000
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"rows in the page (at most {MAX_PAGE}; the total is in X-Total-Count)")]
Offset = Annotated[int, Query(ge=0, le=MAX_ID, description="rows to skip")]
EVENT_STATUSES = ("asserted", "negated", "hypothetical", "future", "generic", "all")
# Host names a server bound to the loopback interface answers to (see create_app's allowed_hosts).
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def _settle(db: str, doc_id: int, date: str) -> dict[str, Any]:
    """Set a document's date (in the writer process: a module-level function, so that it pickles)."""
    with Corpus(db) as corpus:
        corpus.document_by_id(doc_id)
        return corpus.set_date(doc_id, date).as_dict()


def create_app(db: str | Path, *, allowed_hosts: Collection[str] | None = None) -> FastAPI:
    """The application over the database at ``db`` (which must exist).

    ``allowed_hosts``: the only host names the Host header may carry (``None``: any). ``dateline serve``
    on a loopback address passes :data:`LOOPBACK_HOSTS`, so a web page whose own name was re-pointed
    at 127.0.0.1 (DNS rebinding) can neither read the corpus nor pass the same-origin check of the write.
    """
    db_path = Path(db)
    Corpus(db_path, readonly=True).close()  # fail now, not on the first request, if it cannot be opened
    writers: list[ProcessPoolExecutor] = []

    def writer() -> ProcessPoolExecutor:
        if not writers:
            writers.append(ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")))
        return writers[0]

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        for pool in writers:  # the writer process ends with the server
            pool.shutdown(wait=True, cancel_futures=True)

    # /docs is served from vendored assets below: FastAPI's default pages load Swagger UI and ReDoc from a CDN.
    app = FastAPI(title="dateline", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="News articles as a sourced, dated record of events, statements and actors. "
                              "Every response has the shape of the matching CLI command's `--format json`.")  # fmt: skip
    hosts = None if allowed_hosts is None else frozenset(h.lower() for h in allowed_hosts)

    @app.middleware("http")
    async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if hosts is not None and _hostname(request.headers.get("host", "")) not in hosts:
            return JSONResponse({"detail": "unknown Host header"}, status_code=400)
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        if request.url.path != "/docs":  # Swagger UI's page starts itself with an inline script
            response.headers.setdefault("Content-Security-Policy", CSP)
        return response

    @contextmanager
    def reading() -> Iterator[Corpus]:
        corpus = Corpus(db_path, readonly=True)
        try:
            yield corpus
        finally:
            corpus.close()

    @app.exception_handler(DatelineError)
    async def dateline_error(request: Request, exc: DatelineError) -> JSONResponse:
        # Unknown ids are 404; every other error of ours (bad search syntax, bad date ...) is the request's.
        return JSONResponse({"detail": str(exc)}, status_code=404 if isinstance(exc, NotFoundError) else 400)

    @app.get("/api/documents", summary="Documents (`dateline docs`), undated and ambiguous first, with candidate and proposed dates", tags=["documents"])
    def documents(
        response: Response, date_source: Annotated[str | None, Query(pattern=DATE_SOURCES)] = None,
        q: Annotated[str | None, Query(max_length=200, description="a substring of the title or path")] = None,
        sort: Annotated[str | None, Query(max_length=30, description="undated (default), id, published, title, outlet; `-` reverses")] = "undated",
        limit: Limit = PAGE, offset: Offset = 0,
    ) -> list[dict[str, Any]]:  # fmt: skip
        where = Filter(date_source=date_source, text=q, sort=sort)
        with reading() as corpus:
            response.headers["X-Total-Count"] = str(corpus.count("documents", where))
            docs = [d.listing(flat=False) for d in corpus.documents(replace(where, limit=limit, offset=offset))]
            proposals = {p.doc_id: p for p in corpus.proposals()} if docs else {}
        for d in docs:
            proposal = proposals.get(d["id"])
            d["proposed"] = {k: v for k, v in proposal.as_dict().items() if k in PROPOSAL_FIELDS} if proposal else None
        return docs

    @app.get("/api/documents/{doc_id}", summary="One document (`dateline show`) with its text, annotations, quotes and events", tags=["documents"])
    def document(doc_id: Annotated[int, PathParam(ge=1, le=MAX_ID)]) -> dict[str, Any]:
        with reading() as corpus:
            doc = corpus.document_by_id(doc_id)  # by id only: Corpus.document would also take a path or a name
            spans = [s.as_dict() for s in corpus.spans(doc.id) if s.kind != "sentence"]
            quotes = [q.as_dict() for q in corpus.quotes(Filter(doc_id=doc.id))]
            events = [e.as_dict() for e in corpus.events(Filter(doc_id=doc.id))]
        return {**doc.as_dict(with_text=True), "spans": spans, "quotes": quotes, "events": events}

    # The body is read by hand (415 before any parsing, origin checked first); its schema is declared for /docs.
    @app.post("/api/documents/{doc_id}/date", summary="Set a document's publication date (re-anchors its dates)", tags=["documents"],
              openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": {
                  "type": "object", "required": ["date"], "properties": {"date": {"type": "string", "format": "date"}}}}}}})  # fmt: skip
    async def set_date(doc_id: Annotated[int, PathParam(ge=1, le=MAX_ID)], request: Request) -> dict[str, Any]:
        if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
            raise HTTPException(415, "send JSON: Content-Type: application/json")
        _check_origin(request)
        try:
            body = json.loads(await request.body())
        except ValueError as exc:
            raise HTTPException(400, f"the body is not JSON: {exc}") from exc
        except RecursionError as exc:  # Python's parser gives up near a thousand levels
            raise HTTPException(400, "the body is not JSON: nested too deeply") from exc
        if not isinstance(body, dict) or not isinstance(body.get("date"), str):
            raise HTTPException(400, 'expected {"date": "YYYY-MM-DD"}')
        date = parse_date(body["date"])

        # The parse and the corpus resolution take seconds of CPU: in a process of their own, since in
        # a thread of this one they hold the interpreter lock the reads need too. One writer process,
        # kept (its parser loads once); writes queue for it as SQLite would make them anyway.
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(writer(), _settle, str(db_path), doc_id, date.isoformat())

    @app.get("/api/timeline", summary="The corpus timeline (the CLI's filters), one page in date or importance order", tags=["timeline"])
    def timeline(
        response: Response, actor: str | None = None, code: str | None = None, type: str | None = None,
        date_from: Annotated[dt.date | None, Query(alias="from")] = None, date_to: Annotated[dt.date | None, Query(alias="to")] = None,
        kind: Annotated[str, Query(pattern="^(news|background|all)$")] = "all", limit: Limit = PAGE, offset: Offset = 0,
        q: Annotated[str | None, Query(max_length=200, description="a substring of the headline")] = None,
        top: Annotated[int | None, Query(ge=1, le=MAX_ID, description="only the N most important entries")] = None,
        min_sources: Annotated[int | None, Query(ge=1, le=MAX_ID, description="only entries of at least this many independent stories")] = None,
        sort: Annotated[str, Query(pattern="^(date|importance)$", description="date order, or the most important first")] = "date",
    ) -> list[TimelineEntry]:  # fmt: skip
        where = Filter(actor=actor, code=code, event_type=type, date_from=date_from, date_to=date_to, kind=kind, text=q,
                       top=top, min_sources=min_sources, sort=sort)  # fmt: skip
        with reading() as corpus:
            response.headers["X-Total-Count"] = str(corpus.count("timeline", where))
            return corpus.timeline(replace(where, limit=limit, offset=offset))

    @app.get("/api/timeline/{entry_id}", summary="One timeline entry", tags=["timeline"])
    def timeline_entry(entry_id: Annotated[int, PathParam(ge=1, le=MAX_ID)]) -> TimelineEntry:
        with reading() as corpus:
            return corpus.timeline_entry(entry_id)

    @app.get("/api/events", summary="PLOVER events", tags=["events"])
    def events(
        type: str | None = None, actor: str | None = None, code: str | None = None,
        date_from: Annotated[dt.date | None, Query(alias="from")] = None, date_to: Annotated[dt.date | None, Query(alias="to")] = None,
        limit: Annotated[int | None, Query(ge=1, le=10_000)] = None, offset: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
        status: Annotated[str, Query(pattern=f"^({'|'.join(EVENT_STATUSES)})$", description="what took place (asserted) or not; all")] = "asserted",
    ) -> list[Event]:  # fmt: skip
        # As `dateline events`: only what took place unless asked, each row saying its status.
        where = Filter(event_type=type, actor=actor, code=code, date_from=date_from, date_to=date_to,
                       status=None if status == "all" else status, limit=limit, offset=offset)  # fmt: skip
        with reading() as corpus:
            return corpus.events(where)

    @app.get("/api/quotes", summary="Quotes with their speakers, one page", tags=["quotes"])
    def quotes(
        response: Response, speaker: str | None = None, code: str | None = None,
        date_from: Annotated[dt.date | None, Query(alias="from")] = None, date_to: Annotated[dt.date | None, Query(alias="to")] = None,
        q: Annotated[str | None, Query(max_length=200, description="a substring of the quote")] = None,
        sort: Annotated[str | None, Query(max_length=30, description="date (default), speaker; `-` reverses")] = None,
        limit: Limit = PAGE, offset: Offset = 0,
    ) -> list[Quote]:  # fmt: skip
        where = Filter(speaker=speaker, code=code, date_from=date_from, date_to=date_to, text=q, sort=sort)
        with reading() as corpus:
            response.headers["X-Total-Count"] = str(corpus.count("quotes", where))
            return corpus.quotes(replace(where, limit=limit, offset=offset))

    @app.get("/api/actors", summary="Canonical actors, one page", tags=["actors"])
    def actors(
        response: Response, code: str | None = None, sector: str | None = None, kind: str | None = None,
        q: Annotated[str | None, Query(max_length=200, description="a substring of the name or an alias")] = None,
        sort: Annotated[str | None, Query(max_length=30, description="mentions (default), documents, name, code; `-` reverses")] = None,
        limit: Limit = PAGE, offset: Offset = 0,
    ) -> list[Actor]:  # fmt: skip
        where = Filter(code=code, sector=sector, kind=kind, text=q, sort=sort)
        with reading() as corpus:
            response.headers["X-Total-Count"] = str(corpus.count("actors", where))
            return corpus.actors(replace(where, limit=limit, offset=offset))

    @app.get("/api/actors/{actor_id}", summary="One actor: aliases, role, documents, network neighbours, statements", tags=["actors"])
    def actor(actor_id: Annotated[str, PathParam(max_length=300)]) -> dict[str, Any]:
        with reading() as corpus:
            return corpus.actor_detail(actor_id, exact_id=True).as_dict()

    @app.get("/api/search", summary="Full-text search (SQLite FTS5 syntax) with snippets", tags=["search"])
    def search(q: Annotated[str, Query(min_length=1, max_length=500)], limit: Annotated[int, Query(ge=1, le=200)] = 20) -> list[SearchHit]:
        with reading() as corpus:
            return corpus.search(q, limit=limit)

    # The UI's files are read once, here: a request path only ever picks a key of this dict, so no
    # request can name a file (no traversal, no symlink, nothing added to the directory later).
    assets = {path.relative_to(STATIC).as_posix(): (path.read_bytes(), mimetypes.guess_type(path.name)[0] or "application/octet-stream")
              for path in sorted(STATIC.rglob("*")) if path.is_file() and path.suffix in SERVED}  # fmt: skip

    @app.get("/static/{name:path}", include_in_schema=False)
    def static(name: str) -> Response:
        if name not in assets:
            raise HTTPException(404, "not found")
        body, media_type = assets[name]
        return Response(body, media_type=media_type, headers={"Cache-Control": "no-cache"})

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        return static("index.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json", title="dateline API", swagger_favicon_url="data:,",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_ui_parameters={"validatorUrl": None},  # the validator badge would call validator.swagger.io
        )  # fmt: skip

    return app


# Scripts and styles only from this origin, no inline script: article text that slipped into the
# page as markup still could not run.
CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"


def _hostname(host: str) -> str:
    """The name in a Host header value, without port or IPv6 brackets."""
    try:
        return (urlsplit(f"//{host}").hostname or "").lower()
    except ValueError:
        return ""


def _check_origin(request: Request) -> None:
    """Only this application may write: a browser sends Origin on cross-site POSTs."""
    origin = request.headers.get("origin")
    if origin is None:
        return  # not a browser (curl, scripts): no cross-site risk
    host = request.headers.get("host", "")
    if urlsplit(origin).netloc != host:
        raise HTTPException(403, f"cross-origin request from {origin} refused")
