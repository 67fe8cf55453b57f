"""What an editor sees: the interactive walk in a real terminal (pexpect), and the HTML
report rendered in a real headless Chromium (screenshot and DOM)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.review.store import Decision, load_store
from conftest import ROOT, SEEDS

TALKS = SEEDS / "004_1391055ce1fac54e.txt"
FACTCHECK = str(Path(sys.executable).with_name("factcheck"))


def test_review_walk_in_a_real_terminal(tmp_path):
    pexpect = pytest.importorskip("pexpect", reason="pexpect drives a real pseudo-terminal")
    store = tmp_path / "reviews.jsonl"
    child = pexpect.spawn(FACTCHECK, ["review", "walk", "--no-nlp", "--reviews", str(store), "--by", "lan", str(TALKS)],
                          cwd=str(ROOT), encoding="utf-8", timeout=60, dimensions=(50, 160))
    child.expect(r"\[1/\d+\]")
    child.expect(r"decision \[c/d/n/s/q\]")
    child.send("s")  # skip the first finding
    child.expect(r"\[2/\d+\]")
    child.expect(r"decision \[c/d/n/s/q\]")
    child.send("x")  # a wrong key is refused
    child.expect("please press c, d, n, s or q")
    child.send("d")
    child.expect("note")
    child.sendline("sai chính tả, không phải lỗi")
    child.expect("dismissed")
    child.expect(r"decision \[c/d/n/s/q\]")
    child.send("q")
    child.expect("1 decision\\(s\\) saved")
    child.expect(pexpect.EOF)
    (review,) = load_store(store).decisions.values()
    assert review.decision is Decision.dismissed and review.by == "lan" and review.note == "sai chính tả, không phải lỗi"


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("Chromium not installed (apt-get install chromium); the HTML report is tested in a real browser")


def _browser(args, tmp_path):
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--no-first-run", "--disable-quic", f"--user-data-dir={tmp_path / 'profile'}"]
    return subprocess.run([_chromium(), *flags, *args], capture_output=True, text=True, timeout=120)


def _report(tmp_path, *articles) -> Path:
    out = tmp_path / "report.html"
    result = subprocess.run([FACTCHECK, "check", "--no-nlp", "--format", "html", "-o", str(out), "--reviews", str(tmp_path / "r.jsonl"),
                             *map(str, articles)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode in (0, 1), result.stderr
    return out


def test_html_report_shows_the_yokosuka_contradiction_in_chromium(tmp_path):
    from PIL import Image

    report = _report(tmp_path, TALKS)
    shot = tmp_path / "shot.png"
    result = _browser(["--window-size=1280,9000", f"--screenshot={shot}", report.as_uri()], tmp_path)
    assert shot.exists(), result.stderr
    image = Image.open(shot).convert("RGB")
    contradicted = (0xFF, 0x6B, 0x6B)  # mark.contradicted background
    pixels = dict((color, count) for count, color in image.getcolors(maxcolors=1 << 24)).get(contradicted, 0)
    assert pixels > 2000, f"only {pixels} pixels in the contradiction colour"
    dom = _browser(["--dump-dom", report.as_uri()], tmp_path).stdout
    assert 'class="contradicted"' in dom and "quận Yokosuka, Tokyo</mark>" in dom


def test_html_report_shows_hostile_text_and_never_runs_it(tmp_path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        ' date 2026-01-31 <script>document.title="pwned"</script> Bộ trưởng Quốc phòng Nhật Bản Shinjiro Koizumi gặp " onmouseover="alert(1) '
        '<img src=x onerror="document.title=\'pwned\'"> ngày 30/1 tại căn cứ Yokosuka (tỉnh <b>Tokyo</b>).\n', encoding="utf-8")
    report = _report(tmp_path, hostile)
    dom = _browser(["--dump-dom", report.as_uri()], tmp_path).stdout
    assert "<title>factcheck report</title>" in dom  # no script changed the title
    assert "&lt;script&gt;document.title" in dom  # shown as text
    assert "<img" not in dom and "<script" not in dom.split("</head>")[1]
    from html.parser import HTMLParser

    handlers = []

    class Attributes(HTMLParser):
        def handle_starttag(self, tag, attrs):
            handlers.extend((tag, name) for name, _ in attrs if name.startswith("on"))

    Attributes().feed(dom)
    assert handlers == []  # no injected event-handler attribute on any element
