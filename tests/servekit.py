"""What the review app's tests share: a workspace over some articles, the app in a
TestClient or served by uvicorn on a free loopback port, and Chromium for Playwright."""

from __future__ import annotations

import contextlib
import re
import shutil
import socket
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest

from conftest import ROOT

TOKEN = "test-token-0123456789abcdef"


def workspace(tmp_path: Path, inputs: list[Path], facts: Path | None = None, reviewer: str = "lan"):
    from factcheck.pipeline.run import Options
    from factcheck.web.workspace import Settings, Workspace

    settings = Settings(inputs=list(inputs), facts=facts or ROOT / "claims", reviews=tmp_path / "reviews.jsonl",
                        options=Options(nlp=False, cache=tmp_path / "cache" / "analysis.sqlite"), packs="none", reviewer=reviewer)
    return Workspace(settings)


def client(ws, host: str = "testserver"):
    from starlette.testclient import TestClient

    from factcheck.web.app import create_app
    from factcheck.web.security import allowed_hosts

    return TestClient(create_app(ws, TOKEN, [*allowed_hosts("127.0.0.1"), host]), base_url=f"http://{host}")


def signed_in(ws):
    c = client(ws)
    assert c.get(f"/login?token={TOKEN}", follow_redirects=False).status_code == 303
    return c


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', html).group(1)


@contextlib.contextmanager
def served(ws) -> Iterator[str]:
    """The app served by uvicorn in a thread on 127.0.0.1; yields its base URL."""
    import uvicorn

    from factcheck.web.app import create_app
    from factcheck.web.security import allowed_hosts

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(ws, TOKEN, allowed_hosts("127.0.0.1")), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the test server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


def chromium() -> str:
    """Chromium from the system packages; the browser tests skip with the reason without it."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    for path in ("/usr/bin/chromium", "/usr/lib/chromium/chromium"):
        if Path(path).exists():
            return path
    pytest.skip("Chromium not installed (apt-get install chromium; scripts/test.sh does it as root): the review app's browser tests need it")
