"""The review app in a real browser: Chromium from the system packages driven by Playwright
(no browser download). An editor opens the queue, opens a finding, dismisses it with a note,
confirms another, adds a fact and sees the verdict change; forged requests are refused;
hostile article text stays text.

Screenshots of the queue and of a finding go to $FACTCHECK_SHOTS (default: the test's tmp dir).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SEEDS
from servekit import TOKEN, chromium, served, workspace

playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python drives Chromium (pip install playwright)")

TALKS = SEEDS / "004_1391055ce1fac54e.txt"
STATEMENT = SEEDS / "000_e04cf7e4d73d4c14.txt"


@pytest.fixture(scope="module")
def browser():
    executable = chromium()
    with playwright_api.sync_playwright() as p:
        try:
            launched = p.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-gpu"])
        except playwright_api.Error as error:
            pytest.skip(f"Chromium at {executable} could not be started by Playwright: {str(error).splitlines()[0]}")
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()


def shots_dir(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("FACTCHECK_SHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def check_exit(store: Path, *args) -> int:
    from factcheck.cli.main import app

    result = CliRunner().invoke(app, ["check", "--no-nlp", "--reviews", str(store), *map(str, args)])
    assert "Traceback" not in result.output, result.output
    return result.exit_code


def queue_texts(page) -> list[str]:
    return page.locator("#queue tbody td.claim-text").all_inner_texts()


def test_serve_dismiss_the_yokosuka_findings_then_check_passes(page, tmp_path):
    from factcheck.review.store import Decision, load_store

    ws = workspace(tmp_path, [SEEDS])
    store = ws.settings.reviews
    assert check_exit(store, SEEDS) == 1
    shots = shots_dir(tmp_path)
    with served(ws) as base:
        page.goto(f"{base}/login?token={TOKEN}")
        assert page.url == f"{base}/"
        rows = queue_texts(page)
        assert rows[0] == "quận Yokosuka, Tokyo"  # the most severe first
        assert "Yokosuka is put in Kanagawa (line 9) and in Tokyo (line 35)" in rows[1]
        page.screenshot(path=str(shots / "queue.png"), full_page=False)

        page.get_by_role("link", name="quận Yokosuka, Tokyo").first.click()
        page.wait_for_load_state()
        assert "/finding/" in page.url
        evidence = page.locator("#evidence").inner_text()
        assert "yokosuka-in-kanagawa" in evidence and "region=Kanagawa" in evidence and "Geospatial Information Authority" in evidence
        assert page.locator("#panel .context mark.contradicted").inner_text() == "quận Yokosuka, Tokyo"
        page.fill("#by", "Lan Nguyễn")
        page.screenshot(path=str(shots / "finding.png"), full_page=True)

        # keyboard, as in `review walk`: d, the note, Enter
        page.keyboard.press("Escape")  # leave the name field: keys are shortcuts again
        page.keyboard.press("d")
        assert page.evaluate("document.activeElement.id") == "note"
        page.keyboard.type("Lỗi chú thích ảnh, đã sửa trong CMS")
        page.keyboard.press("Enter")
        page.wait_for_selector("#saved")
        assert "dismissed" in page.locator("#saved").inner_text()
        assert "Yokosuka is put in Kanagawa" in page.locator("#claim").inner_text()  # the next open finding: the inconsistency

        # without the keyboard: the note and the button
        page.fill("#note", "cùng lỗi chú thích, đã tính một lần")
        page.click("#do-dismiss")
        page.wait_for_selector("#saved")

        page.goto(f"{base}/")
        left = queue_texts(page)
        assert not any("Yokosuka" in text for text in left) and len(left) == len(rows) - 2
    reviews = load_store(store).decisions
    assert {r.decision for r in reviews.values()} == {Decision.dismissed} and len(reviews) == 2
    assert {r.by for r in reviews.values()} == {"Lan Nguyễn"}
    assert check_exit(store, SEEDS) == 0
    assert check_exit(store, "--fail-on", "inconsistent", SEEDS) == 0
    assert page.dialogs == []


def test_serve_confirm_records_the_reviewer(page, tmp_path):
    from factcheck.review.store import Decision, load_store

    ws = workspace(tmp_path, [TALKS])
    with served(ws) as base:
        page.goto(f"{base}/login?token={TOKEN}")
        page.select_option("select[name=verdict]", "unverifiable")
        page.click("#filters button[type=submit]")
        first = page.locator("#queue tbody tr").first
        claim, fingerprint = first.locator("td.claim-text").inner_text(), first.get_attribute("data-fingerprint")
        first.locator("td.claim-text a").click()
        page.wait_for_selector("#decide")
        page.wait_for_load_state()
        page.fill("#by", "Minh")
        page.keyboard.press("Escape")
        page.keyboard.press("c")
        page.keyboard.type("đếm sai trong bài")
        page.keyboard.press("Enter")
        page.wait_for_selector("#saved")
        page.goto(f"{base}/?status=confirmed")
        assert queue_texts(page) == [claim]
        assert page.locator("#queue tbody td.status").inner_text() == "confirmed"
    review = load_store(ws.settings.reviews).decisions[fingerprint]
    assert review.decision is Decision.confirmed and review.by == "Minh" and review.note == "đếm sai trong bài"


def test_serve_add_fact_from_a_finding_changes_the_verdict(page, tmp_path):
    from factcheck.review.store import Decision, load_store

    facts = tmp_path / "claims"
    shutil.copytree(ROOT / "claims", facts)
    ws = workspace(tmp_path, [STATEMENT], facts=facts)
    with served(ws) as base:
        page.goto(f"{base}/login?token={TOKEN}")
        page.get_by_role("link", name="Đài Loan (Trung Quốc)").first.click()
        fingerprint = page.url.rsplit("/", 1)[1]
        page.select_option("#source", "vnexpress-2025-11-18")
        page.click("#do-add-fact")
        page.wait_for_load_state()
        page.goto(f"{base}/article?name={ws.snapshot().reports[0].name}")
        mark = page.locator("#article-text mark", has_text="Đài Loan (Trung Quốc)")
        assert mark.get_attribute("data-verdict") == "supported"
        page.goto(f"{base}/")
        assert "Đài Loan (Trung Quốc)" not in queue_texts(page)
    assert "reviewed.yaml" in {p.name for p in facts.iterdir()}
    assert load_store(ws.settings.reviews).decisions[fingerprint].decision is Decision.fact_updated


def test_serve_refuses_forged_requests_and_changes_nothing(browser, page, tmp_path):
    ws = workspace(tmp_path, [TALKS])
    store = ws.settings.reviews
    with served(ws) as base:
        page.goto(f"{base}/login?token={TOKEN}")
        href = page.locator("#queue tbody tr").first.get_attribute("data-href")
        page.goto(base + href)
        csrf = page.locator("#decide input[name=csrf]").get_attribute("value")
        action = f"{base}{href}/decide"
        # signed in, wrong CSRF value
        wrong = page.request.post(action, form={"csrf": "0" * 64, "action": "dismiss", "note": "x", "by": "eve"})
        assert wrong.status == 403
        # no session at all (another browser profile), even with the right CSRF value
        other = browser.new_context()
        anonymous = other.request.post(action, form={"csrf": csrf, "action": "dismiss", "note": "x", "by": "eve"})
        assert anonymous.status == 403
        assert other.new_page().goto(f"{base}/").status == 401
        other.close()
        # a form on another site, posting into the app from the signed-in browser
        page.goto("about:blank")
        page.set_content(f'<form method="post" action="{action}"><input name="csrf" value="{csrf}"><input name="action" value="dismiss">'
                         '<input name="note" value="x"><input name="by" value="eve"><button id="go">go</button></form>')
        with page.expect_navigation():
            page.click("#go")
        assert "Nothing was written" in page.content()
        # a wrong token does not sign in
        assert page.goto(f"{base}/login?token=wrong").status == 403
    assert not store.exists() or store.read_text(encoding="utf-8") == ""


HOSTILE = (' date 2026-01-31 <script>document.title="pwned"</script> Bộ trưởng Quốc phòng Nhật Bản Shinjiro Koizumi gặp '
           '" onmouseover="alert(1) <img src=x onerror="document.title=\'pwned\'"> <a href="javascript:alert(1)">bấm</a> '
           'ngày 30/1 tại căn cứ Yokosuka (tỉnh <b>Tokyo</b>\u202e).\n'
           'Cuộc gặp tại quận Yokosuka, Tokyo\u202egnp.exe kéo dài 5 phút "><svg onload=alert(2)>.\n')


def test_serve_hostile_article_renders_inert(page, tmp_path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    linked = tmp_path / "linked.txt"
    linked.write_text("# doc_id = x1\n# url = javascript:alert(3)\n# date = 20260131\n"
                      "Bộ trưởng Koizumi tới quận Yokosuka, Tokyo <script>alert(4)</script>.\n", encoding="utf-8")
    ws = workspace(tmp_path, [hostile, linked])
    with served(ws) as base:
        page.goto(f"{base}/login?token={TOKEN}")
        pages = [f"{base}/"] + [f"{base}/article?name={r.name}" for r in ws.snapshot().reports]
        pages += [base + h for h in page.locator("#queue tbody tr").evaluate_all("rows => rows.map(r => r.dataset.href)")]
        for url in pages:
            page.goto(url)
            page.mouse.move(300, 300)
            page.mouse.move(400, 500)
            assert page.title().startswith("factcheck review"), url
            found = page.evaluate("""() => ({
                scripts: [...document.scripts].map(s => s.getAttribute('src')),
                foreign: document.querySelectorAll('main img, main svg, main script, main iframe, main b').length,
                handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name)).filter(n => n.startsWith('on')),
                js_links: [...document.querySelectorAll('a[href]')].filter(a => !a.href.startsWith('http://127.0.0.1')).map(a => a.href),
            })""")
            assert found == {"scripts": ["/static/app.js"], "foreign": 0, "handlers": [], "js_links": []}, url
        page.goto(pages[1] if "hostile" in pages[1] else pages[2])
        text = page.locator("#article-text").inner_text()
        assert '<script>document.title="pwned"</script>' in text and '<a href="javascript:alert(1)">bấm</a>' in text
        assert "⟨U+202E⟩" in text and "\u202e" not in text  # the override is shown, never applied
    assert page.dialogs == []
