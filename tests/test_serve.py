"""The review app without a browser (Starlette's TestClient): every route, every security
rule, and the app and the CLI deciding at the same time."""

from __future__ import annotations

import multiprocessing
import re
import shutil
import threading

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SEEDS
from servekit import TOKEN, client, csrf_of, signed_in, workspace

TALKS = SEEDS / "004_1391055ce1fac54e.txt"
STATEMENT = SEEDS / "000_e04cf7e4d73d4c14.txt"


@pytest.fixture
def ws(tmp_path):
    return workspace(tmp_path, [TALKS])


def fingerprint_of(ws, claim: str) -> str:
    return next(i.fingerprint for i in ws.snapshot().items if i.finding.claim == claim)


def lines(ws) -> list[str]:
    store = ws.settings.reviews
    return store.read_text(encoding="utf-8").splitlines() if store.exists() else []


# ------------------------------------------------------------------------------ routes


def test_serve_queue_lists_open_findings_most_severe_first(ws):
    page = signed_in(ws).get("/")
    assert page.status_code == 200
    claims = re.findall(r'<td class="claim-text"><a href="/finding/[0-9a-f]+">([^<]+)</a>', page.text)
    assert claims[0] == "quận Yokosuka, Tokyo" and claims[1].startswith("Yokosuka is put in Kanagawa")
    assert len(claims) == len(ws.snapshot().queue())


@pytest.mark.parametrize("query, expected", [
    ("verdict=contradicted", ["quận Yokosuka, Tokyo"]),
    ("kind=inconsistent:place_region", ["Yokosuka is put in Kanagawa (line 9) and in Tokyo (line 35)"]),
    ("article=nowhere.txt", []),
    ("status=dismissed", []),
])
def test_serve_queue_filters(ws, query, expected):
    page = signed_in(ws).get(f"/?{query}")
    assert re.findall(r'<td class="claim-text"><a href="/finding/[0-9a-f]+">([^<]+)</a>', page.text) == expected


def test_serve_queue_filters_by_reviewer_and_status(ws):
    c = signed_in(ws)
    fingerprint = fingerprint_of(ws, "quận Yokosuka, Tokyo")
    csrf = csrf_of(c.get(f"/finding/{fingerprint}").text)
    assert c.post(f"/finding/{fingerprint}/decide", data={"csrf": csrf, "action": "needs-source", "note": "", "by": "Hà"},
                  follow_redirects=False).status_code == 303
    assert "quận Yokosuka, Tokyo" in c.get("/?status=needs-source&reviewer=H%C3%A0").text
    assert "quận Yokosuka, Tokyo" not in c.get("/?status=all&reviewer=lan").text
    assert "quận Yokosuka, Tokyo" not in c.get("/").text


def test_serve_article_page_highlights_claims_as_the_report_does(ws):
    c = signed_in(ws)
    name = ws.snapshot().reports[0].name
    page = c.get("/article", params={"name": name})
    assert page.status_code == 200
    assert re.search(r'<a class="claim" href="/finding/[0-9a-f]+"><mark class="contradicted" title="[^"]*" data-verdict="contradicted">'
                     r'quận Yokosuka, Tokyo</mark></a>', page.text)
    assert 'data-verdict="supported">căn cứ Yokosuka (tỉnh Kanagawa)</mark>' in page.text
    assert c.get("/article", params={"name": "nope"}).status_code == 404


def test_serve_finding_page_shows_evidence_fact_and_source(ws):
    c = signed_in(ws)
    page = c.get(f"/finding/{fingerprint_of(ws, 'quận Yokosuka, Tokyo')}")
    assert page.status_code == 200
    for text in ("yokosuka-in-kanagawa", "region=Kanagawa", "Geospatial Information Authority of Japan", 'name="action" value="dismiss"'):
        assert text in page.text
    assert c.get("/finding/0123456789abcdef").status_code == 404


@pytest.mark.parametrize("action, decision", [("confirm", "confirmed"), ("dismiss", "dismissed"), ("needs-source", "needs-source"),
                                              ("reopen", "reopened")])
def test_serve_decide_writes_one_line_through_the_store(ws, action, decision):
    from factcheck.review.store import load_store

    c = signed_in(ws)
    fingerprint = fingerprint_of(ws, "quận Yokosuka, Tokyo")
    csrf = csrf_of(c.get(f"/finding/{fingerprint}").text)
    response = c.post(f"/finding/{fingerprint}/decide", data={"csrf": csrf, "action": action, "note": "lý do", "by": "Lan Nguyễn"},
                      follow_redirects=False)
    assert response.status_code == 303 and f"saved={fingerprint}" in response.headers["location"]
    review = load_store(ws.settings.reviews).decisions[fingerprint]
    assert (review.decision.value, review.by, review.note) == (decision, "Lan Nguyễn", "lý do")
    assert len(lines(ws)) == 1
    assert "factcheck_reviewer=Lan%20Nguy%E1%BB%85n" in response.headers["set-cookie"]  # the name is remembered for the next decision
    shown = c.get(response.headers["location"]).text
    assert f"Saved: <strong>{'open' if decision == 'reopened' else decision}</strong>" in shown


@pytest.mark.parametrize("form, message", [
    ({"action": "dismiss", "note": "  ", "by": "lan"}, "a dismissal needs a note"),
    ({"action": "confirm", "note": "x", "by": " "}, "every decision records the reviewer"),
    ({"action": "confirm", "note": "x", "by": "a\x07b"}, "printable characters"),
    ({"action": "delete", "note": "x", "by": "lan"}, "unknown action"),
    ({"action": "confirm", "note": "x" * 2001, "by": "lan"}, "at most 2000 characters"),
])
def test_serve_decide_refuses_bad_forms_and_writes_nothing(ws, form, message):
    c = signed_in(ws)
    fingerprint = fingerprint_of(ws, "quận Yokosuka, Tokyo")
    csrf = csrf_of(c.get(f"/finding/{fingerprint}").text)
    response = c.post(f"/finding/{fingerprint}/decide", data={"csrf": csrf, **form})
    assert response.status_code == 400 and message in response.text
    assert lines(ws) == []


def test_serve_decide_on_an_unknown_finding_is_404(ws):
    c = signed_in(ws)
    csrf = csrf_of(c.get(f"/finding/{fingerprint_of(ws, 'quận Yokosuka, Tokyo')}").text)
    assert c.post("/finding/ffffffffffffffff/decide", data={"csrf": csrf, "action": "confirm", "note": "", "by": "lan"}).status_code == 404
    assert lines(ws) == []


def test_serve_add_fact_validates_and_records_the_decision(tmp_path):
    from factcheck.review.store import Decision, load_store

    facts = tmp_path / "claims"
    shutil.copytree(ROOT / "claims", facts)
    ws = workspace(tmp_path, [STATEMENT], facts=facts)
    c = signed_in(ws)
    fingerprint = fingerprint_of(ws, "Đài Loan (Trung Quốc)")
    page = c.get(f"/finding/{fingerprint}").text
    assert 'id="add-fact"' in page and "vnexpress-2025-11-18" in page
    csrf = csrf_of(page)
    bad = c.post(f"/finding/{fingerprint}/add-fact", data={"csrf": csrf, "source": "no-such-source", "by": "lan"})
    assert bad.status_code == 400 and "unknown source" in bad.text and not (facts / "reviewed.yaml").exists()
    good = c.post(f"/finding/{fingerprint}/add-fact", data={"csrf": csrf, "source": "vnexpress-2025-11-18", "by": "lan"}, follow_redirects=False)
    assert good.status_code == 303
    assert "sources: [vnexpress-2025-11-18]" in (facts / "reviewed.yaml").read_text(encoding="utf-8")
    assert load_store(ws.settings.reviews).decisions[fingerprint].decision is Decision.fact_updated
    assert ws.snapshot().item(fingerprint) is None  # now supported: no longer a finding
    # a finding add-fact cannot record is refused with the reason
    other = fingerprint_of(ws, "hai nước")
    assert 'id="add-fact"' not in c.get(f"/finding/{other}").text
    refused = c.post(f"/finding/{other}/add-fact", data={"csrf": csrf, "source": "vnexpress-2025-11-18", "by": "lan"})
    assert refused.status_code == 400 and "by hand" in refused.text


def test_serve_add_fact_that_breaks_the_fact_base_restores_the_file(tmp_path, monkeypatch):
    from factcheck.facts import addfact

    facts = tmp_path / "claims"
    shutil.copytree(ROOT / "claims", facts)
    ws = workspace(tmp_path, [STATEMENT], facts=facts)
    target = facts / "places.yaml"
    ws.settings.into = target
    before = target.read_text(encoding="utf-8")

    class Broken:
        severity, text = "error", "F003 duplicate id"

        def __str__(self):
            return self.text

    monkeypatch.setattr(addfact, "validate", lambda folder, **options: (None, [Broken()]))
    c = signed_in(ws)
    fingerprint = fingerprint_of(ws, "Đài Loan (Trung Quốc)")
    csrf = csrf_of(c.get(f"/finding/{fingerprint}").text)
    response = c.post(f"/finding/{fingerprint}/add-fact", data={"csrf": csrf, "source": "vnexpress-2025-11-18", "by": "lan"})
    assert response.status_code == 400 and "would break the fact base" in response.text
    assert target.read_text(encoding="utf-8") == before and lines(ws) == []


def test_serve_static_files_are_served_with_the_same_headers(ws):
    c = client(ws)
    for path, kind in (("/static/app.js", "javascript"), ("/static/app.css", "text/css")):
        response = c.get(path)
        assert response.status_code == 200 and kind in response.headers["content-type"]
        assert response.headers["content-security-policy"].startswith("default-src 'none'")


# ------------------------------------------------------------------------------ security


def test_serve_pages_need_a_session(ws):
    c = client(ws)
    for path in ("/", "/article?name=x", f"/finding/{fingerprint_of(ws, 'quận Yokosuka, Tokyo')}"):
        response = c.get(path)
        assert response.status_code == 401 and "factcheck serve" in response.text and "quận Yokosuka" not in response.text


@pytest.mark.parametrize("token", ["", "wrong", TOKEN + "x", TOKEN[:-1]])
def test_serve_login_refuses_a_wrong_token(ws, token):
    c = client(ws)
    response = c.get("/login", params={"token": token}, follow_redirects=False)
    assert response.status_code == 403 and "set-cookie" not in response.headers
    assert c.get("/").status_code == 401


def test_serve_login_sets_a_strict_httponly_cookie_without_the_token(ws):
    response = client(ws).get(f"/login?token={TOKEN}", follow_redirects=False)
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and TOKEN not in cookie


def _forged(ws, **changes):
    c = signed_in(ws)
    fingerprint = fingerprint_of(ws, "quận Yokosuka, Tokyo")
    csrf = csrf_of(c.get(f"/finding/{fingerprint}").text)
    data = {"csrf": csrf, "action": "dismiss", "note": "x", "by": "eve"}
    data.update(changes.pop("data", {}))
    if changes.pop("no_session", False):
        c.cookies.clear()
    return c.post(f"/finding/{fingerprint}/decide", data={k: v for k, v in data.items() if v is not None},
                  headers=changes.pop("headers", {}), follow_redirects=False)


@pytest.mark.parametrize("how", [
    {"no_session": True},
    {"data": {"csrf": None}},
    {"data": {"csrf": "0" * 64}},
    {"data": {"csrf": ""}},
    {"headers": {"origin": "http://evil.example"}},
    {"headers": {"origin": "null"}},
    {"headers": {"sec-fetch-site": "cross-site"}},
    {"headers": {"sec-fetch-site": "same-site"}},
])
def test_serve_refuses_state_changes_without_session_csrf_or_same_origin(ws, how):
    response = _forged(ws, **how)
    assert response.status_code == 403 and "Nothing was written" in response.text
    assert lines(ws) == []


def test_serve_accepts_the_same_origin(ws):
    response = _forged(ws, headers={"origin": "http://testserver", "sec-fetch-site": "same-origin"})
    assert response.status_code == 303 and len(lines(ws)) == 1


def test_serve_refuses_other_host_names(ws):
    c = client(ws)
    response = c.get(f"/login?token={TOKEN}", headers={"host": "attacker.example"})
    assert response.status_code == 400


def test_serve_sets_a_strict_content_security_policy(ws):
    c = signed_in(ws)
    headers = c.get("/").headers
    policy = headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy and "frame-ancestors 'none'" in policy
    assert headers["x-frame-options"] == "DENY" and headers["x-content-type-options"] == "nosniff"
    assert headers["cache-control"] == "no-store"


def test_serve_pages_have_no_inline_script_or_style(ws):
    c = signed_in(ws)
    fingerprint = fingerprint_of(ws, "quận Yokosuka, Tokyo")
    for path in ("/", f"/article?name={ws.snapshot().reports[0].name}", f"/finding/{fingerprint}"):
        html = c.get(path).text
        assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/app.js" defer>']
        assert "<style" not in html and " style=" not in html and not re.search(r"\son\w+=", html)


HOSTILE = ('# doc_id = h1\n# url = javascript:alert(1)\n# date = 20260131\n'
           'Bộ trưởng Koizumi gặp " onmouseover="alert(1) <img src=x onerror=alert(2)> tại quận Yokosuka, Tokyo\u202eexe.txt '
           "'><script>alert(3)</script> ngày 30/1.\n")


def test_serve_escapes_hostile_text_everywhere_including_attributes(tmp_path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    ws = workspace(tmp_path, [hostile])
    c = signed_in(ws)
    pages = [c.get("/").text, c.get("/article", params={"name": ws.snapshot().reports[0].name}).text]
    pages += [c.get(f"/finding/{i.fingerprint}").text for i in ws.snapshot().items]
    assert len(pages) > 2
    for html in pages:
        body = html.split("<body", 1)[1]
        assert "<img" not in body and "<script>" not in body and 'href="javascript:' not in body
        assert not re.search(r"<[a-z]+[^>]*\son(mouseover|error)=", body)
        assert "\u202e" not in body  # shown as ⟨U+202E⟩, never applied
    article = pages[1]
    assert "&lt;img src=x onerror=alert(2)&gt;" in article and "⟨U+202E⟩" in article
    assert '<span class="bad-url">javascript:alert(1)</span>' in article  # not a link


# ------------------------------------------------------------------------------ binding


@pytest.mark.parametrize("host, allow, token, ok", [
    ("127.0.0.1", False, None, True),
    ("localhost", False, None, True),
    ("::1", False, None, True),
    ("0.0.0.0", False, "x" * 32, False),
    ("0.0.0.0", True, None, False),
    ("0.0.0.0", True, "short", False),
    ("192.168.1.5", True, "x" * 32, True),
])
def test_serve_binds_beyond_loopback_only_with_a_flag_and_a_token(host, allow, token, ok):
    from factcheck.web.security import BindError, check_bind

    if ok:
        check_bind(host, allow, token)
    else:
        with pytest.raises(BindError):
            check_bind(host, allow, token)


def test_serve_cli_refuses_a_public_address_without_the_flag(tmp_path):
    from factcheck.cli.main import app

    result = CliRunner().invoke(app, ["serve", "--no-nlp", "--host", "0.0.0.0", "--reviews", str(tmp_path / "r.jsonl"), str(TALKS)])
    assert result.exit_code == 2 and "--allow-remote" in result.output


def test_serve_cli_prints_the_address_with_the_token(tmp_path, monkeypatch):
    from factcheck.cli import serve as serve_cli
    from factcheck.cli.main import app

    seen = {}
    monkeypatch.setattr(serve_cli, "serve_app", lambda ws, host, port, token, articles, open_findings: seen.update(
        host=host, token=token, articles=articles, open=open_findings))
    result = CliRunner().invoke(app, ["serve", "--no-nlp", "--reviews", str(tmp_path / "r.jsonl"), str(SEEDS)])
    assert result.exit_code == 0, result.output
    assert seen["host"] == "127.0.0.1" and len(seen["token"]) >= 32 and seen["articles"] == 2 and seen["open"] > 0


# ------------------------------------------------------------------------------ the app and the CLI at once


def _cli_decisions(store: str, fingerprints: list[str], start) -> None:
    from factcheck.model.report import Finding
    from factcheck.review.records import Decision
    from factcheck.review.store import decide

    start.wait()
    for n, fingerprint in enumerate(fingerprints):
        decide(__import__("pathlib").Path(store), Finding(fingerprint=fingerprint, document="cli.txt", kind="quantity", claim=f"c{n}",
                                                          verdict="unverifiable", line=n), Decision.confirmed, "from the CLI", "cli-reviewer")


def test_serve_app_and_cli_deciding_at_once_lose_nothing(ws):
    """Two reviewers at once, the app (threads) and the CLI (another process), append to one
    store: every decision of both is there, each line whole."""
    from factcheck.review.store import load_store

    c = signed_in(ws)
    items = ws.snapshot().items
    csrf = csrf_of(c.get(f"/finding/{items[0].fingerprint}").text)
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    cli_fingerprints = [f"{n:016x}" for n in range(40)]
    cli = context.Process(target=_cli_decisions, args=(str(ws.settings.reviews), cli_fingerprints, start))
    cli.start()
    errors = []

    def app_reviewer(chunk):
        start.wait()
        for item in chunk:
            response = c.post(f"/finding/{item.fingerprint}/decide", data={"csrf": csrf, "action": "confirm", "note": "từ app", "by": "app-reviewer"},
                              follow_redirects=False)
            if response.status_code != 303:
                errors.append(response.status_code)

    threads = [threading.Thread(target=app_reviewer, args=(items[n::2],)) for n in range(2)]
    for thread in threads:
        thread.start()
    start.set()
    for thread in threads:
        thread.join(120)
    cli.join(120)
    assert errors == [] and cli.exitcode == 0
    decisions = load_store(ws.settings.reviews).decisions
    assert {i.fingerprint for i in items} | set(cli_fingerprints) == set(decisions)
    assert {d.by for d in decisions.values()} == {"app-reviewer", "cli-reviewer"}
    assert len(lines(ws)) == len(items) + len(cli_fingerprints)


def test_serve_with_an_archive_queues_its_disputes_and_shows_them(tmp_path):
    """``serve --archive``: a claim the publisher's earlier articles disagree with joins the
    queue as "disputed", and its panel says it is the archive's word, not a curated fact."""
    import dataclasses

    from test_archive import archive_of, doc, place

    earlier = [(doc(f"k{i}", f"2026-01-2{i}"), [place("Yokosuka", "Kanagawa", place_type="quận")]) for i in range(3)]
    ws = workspace(tmp_path, [TALKS])
    ws.settings = dataclasses.replace(ws.settings, archive=archive_of(tmp_path, earlier))
    disputed = [i for i in ws.snapshot().queue() if i.finding.verdict == "disputed"]
    assert disputed and "Kanagawa" in disputed[0].finding.claim
    page = signed_in(ws).get(f"/finding/{disputed[0].fingerprint}")
    assert page.status_code == 200 and "Disputed by the archive" in page.text and "Kanagawa" in page.text


def test_serve_fix_fact_changes_the_fact_in_its_file_and_the_verdict(tmp_path):
    """"Fix a fact": one field of a fact the verdict rests on, changed in its own file (kept
    formatted), validated; a change that breaks the fact base restores the file."""
    from factcheck.review.store import Decision, load_store

    facts = tmp_path / "claims"
    shutil.copytree(ROOT / "claims", facts)
    places = facts / "places.yaml"
    before = places.read_text(encoding="utf-8")
    ws = workspace(tmp_path, [TALKS], facts=facts)
    c = signed_in(ws)
    fingerprint = fingerprint_of(ws, "quận Yokosuka, Tokyo")
    page = c.get(f"/finding/{fingerprint}").text
    assert 'id="fix-fact"' in page and "yokosuka-in-kanagawa" in page
    csrf = csrf_of(page)
    form = {"csrf": csrf, "fact": "yokosuka-in-kanagawa", "field": "region", "by": "lan"}
    broken = c.post(f"/finding/{fingerprint}/fix-fact", data={**form, "value": "atlantis"})
    assert broken.status_code == 400 and "unknown entity" in broken.text
    assert places.read_text(encoding="utf-8") == before and fingerprint not in load_store(ws.settings.reviews).decisions
    foreign = c.post(f"/finding/{fingerprint}/fix-fact", data={**form, "fact": "koizumi-defense-minister", "value": "tokyo"})
    assert foreign.status_code == 400 and "evidence" in foreign.text
    fixed = c.post(f"/finding/{fingerprint}/fix-fact", data={**form, "value": "tokyo"}, follow_redirects=False)
    assert fixed.status_code == 303
    after = places.read_text(encoding="utf-8")
    assert "{id: yokosuka-in-kanagawa, place: yokosuka, region: tokyo" in after and after.startswith("# Countries")  # in place, formatted
    assert load_store(ws.settings.reviews).decisions[fingerprint].decision is Decision.fact_updated
    assert ws.snapshot().item(fingerprint) is None  # "quận Yokosuka, Tokyo" is now supported
