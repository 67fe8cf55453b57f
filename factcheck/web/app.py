"""The review app's routes. Each parses the request, calls ``Workspace`` and renders a
template; security rules live in ``security.py`` and are applied here to every request.

    GET  /login?token=T                     start a session (the address ``serve`` prints)
    GET  /                                  the queue (?status= &verdict= &kind= &article= &reviewer=)
    GET  /article?name=NAME                 one article, its claims highlighted
    GET  /finding/FINGERPRINT               one finding: context, evidence, fact, source, history
    POST /finding/FINGERPRINT/decide        action=confirm|dismiss|needs-source|reopen, note, by, csrf
    POST /finding/FINGERPRINT/add-fact      source, note, by, csrf
    POST /finding/FINGERPRINT/fix-fact      fact, field, value, note, by, csrf
    GET  /static/...                        app.css, app.js
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, unquote, urlencode

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Receive, Scope, Send

from factcheck.web import views
from factcheck.web.security import HEADERS, REVIEWER_COOKIE, SESSION_COOKIE, Guard
from factcheck.web.workspace import ACTIONS, ActionError, Workspace

HERE = Path(__file__).parent
MAX_FORM_BYTES = 64 * 1024
FILTERS = ("status", "verdict", "kind", "article", "reviewer")


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters.update(shown=views.shown, attr=views.attr, plain=views.plain, web_url=views.web_url, tooltip=views.tooltip,
                       q=lambda value: quote(str(value), safe=""))
    env.globals.update(segments_of=views.article_paragraphs, context_of=views.context, format_value=views.format_value,
                       expected_text=views.expected_text)
    return env


class SecurityMiddleware:
    """Headers on every response; a session for every request but /login and /static/."""

    def __init__(self, app: ASGIApp, guard: Guard, templates: Jinja2Templates):
        self.app, self.guard, self.templates = app, guard, templates

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.decode("latin-1").lower() not in {h.lower() for h in HEADERS}]
                headers += [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in HEADERS.items()]
                message = {**message, "headers": headers}
            await send(message)

        path = scope["path"]
        if path == "/login" or path.startswith("/static/"):
            await self.app(scope, receive, with_headers)
            return
        request = Request(scope)
        if not self.guard.has_session(request):
            unsafe = scope["method"] not in ("GET", "HEAD")
            response = self.templates.TemplateResponse(request, "denied.html", {"unsafe": unsafe}, status_code=403 if unsafe else 401)
            await response(scope, receive, with_headers)
            return
        await self.app(scope, receive, with_headers)


def create_app(workspace: Workspace, token: str, hosts: list[str]) -> Starlette:
    """The app over ``workspace``; ``token`` opens sessions; ``hosts``: allowed Host values."""
    guard = Guard(token)
    templates = Jinja2Templates(env=_environment())

    def page(request: Request, name: str, context: dict, status: int = 200) -> Response:
        reviewer = unquote(request.cookies.get(REVIEWER_COOKIE, "")) or workspace.settings.reviewer
        return templates.TemplateResponse(request, name, {"csrf": guard.csrf, "reviewer": reviewer, **context}, status_code=status)

    async def login(request: Request) -> Response:
        if not guard.token_ok(request.query_params.get("token")):
            return templates.TemplateResponse(request, "denied.html", {"unsafe": False, "bad_token": True}, status_code=403)
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(SESSION_COOKIE, guard.session, httponly=True, samesite="strict", path="/")
        return response

    async def queue(request: Request) -> Response:
        snapshot = await run_in_threadpool(workspace.snapshot)
        chosen = {name: request.query_params.get(name, "open" if name == "status" else "") for name in FILTERS}
        items = snapshot.queue(**chosen)
        return page(request, "queue.html", {"items": items, "chosen": chosen, "choices": snapshot.choices(),
                                            "total_open": len(snapshot.queue()), "reports": snapshot.reports})

    async def article(request: Request) -> Response:
        snapshot = await run_in_threadpool(workspace.snapshot)
        report = snapshot.report(request.query_params.get("name", ""))
        if report is None:
            return page(request, "missing.html", {"what": "article"}, 404)
        items = {i.fingerprint: i for i in snapshot.items if i.report is report}
        return page(request, "article.html", {"report": report, "items": items})

    def finding_page(request: Request, snapshot, fingerprint: str, error: str = "", status: int = 200, form: dict | None = None) -> Response:
        item = snapshot.item(fingerprint)
        if item is None:
            return page(request, "missing.html", {"what": "finding"}, 404)
        report = item.report
        involved = [item.subject] if item.is_claim else [c for c in report.claims if c.id in item.subject.claim_ids]
        saved = snapshot.item(request.query_params.get("saved", ""))
        following = snapshot.next_open(fingerprint)
        return page(request, "finding.html", {
            "item": item, "report": report, "involved": involved, "error": error, "form": form or {},
            "saved": saved, "next": following, "sources": sorted(snapshot.index.base.sources.values(), key=lambda s: s.id),
            "fact_file": workspace.settings.fact_file, "actions": list(ACTIONS)}, status)

    async def finding(request: Request) -> Response:
        snapshot = await run_in_threadpool(workspace.snapshot)
        return finding_page(request, snapshot, request.path_params["fingerprint"])

    async def checked_form(request: Request) -> dict | Response:
        """The form of a state-changing request, or the refusal (nothing is written)."""
        if int(request.headers.get("content-length") or 0) > MAX_FORM_BYTES:
            return page(request, "refused.html", {"why": "the request is too large"}, 413)
        if not guard.same_origin(request):
            return page(request, "refused.html", {"why": "the request did not come from this app's pages"}, 403)
        form = await request.form(max_files=0, max_fields=20)
        if not guard.csrf_ok(form.get("csrf")):
            return page(request, "refused.html", {"why": "the form's CSRF value is missing or wrong; reload the page and try again"}, 403)
        return {k: v for k, v in form.items() if isinstance(v, str)}

    def after(request: Request, fingerprint: str, by: str) -> Response:
        snapshot = workspace.snapshot()
        following = snapshot.next_open(fingerprint)
        target = f"/finding/{following.fingerprint}" if following else "/"
        response = RedirectResponse(f"{target}?{urlencode({'saved': fingerprint})}", status_code=303)
        response.set_cookie(REVIEWER_COOKIE, quote(by, safe=""), httponly=True, samesite="strict", path="/", max_age=365 * 86400)
        return response

    async def act(request: Request, action) -> Response:
        fingerprint = request.path_params["fingerprint"]
        form = await checked_form(request)
        if isinstance(form, Response):
            return form
        try:
            await run_in_threadpool(action, fingerprint, form)
        except LookupError:
            return page(request, "missing.html", {"what": "finding"}, 404)
        except ActionError as error:
            snapshot = await run_in_threadpool(workspace.snapshot)
            return finding_page(request, snapshot, fingerprint, str(error), 400, form)
        return await run_in_threadpool(after, request, fingerprint, " ".join(form.get("by", "").split()))

    async def decide(request: Request) -> Response:
        return await act(request, lambda fp, form: workspace.decide(fp, form.get("action", ""), form.get("note", ""), form.get("by", "")))

    async def add_fact(request: Request) -> Response:
        return await act(request, lambda fp, form: workspace.add_fact(fp, form.get("source", ""), form.get("note", ""), form.get("by", "")))

    async def fix_fact(request: Request) -> Response:
        return await act(request, lambda fp, form: workspace.fix_fact(fp, form.get("fact", ""), form.get("field", ""), form.get("value", ""),
                                                                      form.get("note", ""), form.get("by", "")))

    routes = [
        Route("/login", login),
        Route("/", queue),
        Route("/article", article),
        Route("/finding/{fingerprint:str}", finding),
        Route("/finding/{fingerprint:str}/decide", decide, methods=["POST"]),
        Route("/finding/{fingerprint:str}/add-fact", add_fact, methods=["POST"]),
        Route("/finding/{fingerprint:str}/fix-fact", fix_fact, methods=["POST"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=hosts), Middleware(SecurityMiddleware, guard=guard, templates=templates)]
    return Starlette(routes=routes, middleware=middleware)
