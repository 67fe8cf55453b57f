"""``factcheck serve``: the review app in the browser, over the same articles, fact base and
review store as the other commands (see ``factcheck.web``)."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from factcheck.cli.common import (ArchiveOpt, ByOpt, CacheOpt, DateOpt, FactsOpt, FilesArg, InputFormat, InputFormatOpt, NlpOpt, NoCacheOpt, PacksOpt,
                                  ReviewsOpt, fact_base, fail, pipeline_options, reports_errors)


@reports_errors
def serve(
    files: List[Path] = FilesArg,
    port: int = typer.Option(8765, "--port", min=0, max=65535, help="Port to listen on."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; anything but loopback needs --allow-remote and --token."),
    allow_remote: bool = typer.Option(False, "--allow-remote", metavar="", help="Allow --host to be reachable from other machines."),
    token: Optional[str] = typer.Option(None, "--token", envvar="FACTCHECK_SERVE_TOKEN", show_default=False,
                                        help="Session token (default: a new random one each start, printed in the address)."),
    facts: Optional[Path] = FactsOpt,
    packs: Optional[str] = PacksOpt,
    archive: Optional[Path] = ArchiveOpt,
    reviews: Optional[Path] = ReviewsOpt,
    by: Optional[str] = ByOpt,
    into: Optional[Path] = typer.Option(None, "--into", help="Fact file that 'add fact' appends to (default: FACTS/reviewed.yaml)."),
    nlp: bool = NlpOpt,
    date: Optional[str] = DateOpt,
    input_format: InputFormat = InputFormatOpt,
    cache: Optional[Path] = CacheOpt,
    no_cache: bool = NoCacheOpt,
) -> None:
    """Review findings in the browser: a queue, each article highlighted, evidence, decisions and new facts.

    Decisions go to the same review store as `factcheck review` (append-only, locked), so the CLI and the app can be used at once.
    """
    from factcheck.review.store import default_reviewer, store_path
    from factcheck.web.security import BindError, check_bind, new_token
    from factcheck.web.workspace import Settings, Workspace

    try:
        check_bind(host, allow_remote, token)
    except BindError as error:
        fail(str(error))
    settings = Settings(inputs=list(files), facts=fact_base(facts), reviews=store_path(reviews),
                        options=pipeline_options(input_format, date, nlp, cache=cache, no_cache=no_cache), packs=packs, archive=archive,
                        reviewer=by or default_reviewer(), into=into)
    workspace = Workspace(settings)
    snapshot = workspace.snapshot()  # read and check everything once: a bad input fails here, not in the browser
    if not snapshot.reports:
        fail("no articles found in " + ", ".join(map(str, files)))
    serve_app(workspace, host, port, token or new_token(), len(snapshot.reports), len(snapshot.queue()))


def serve_app(workspace, host: str, port: int, token: str, articles: int, open_findings: int) -> None:
    import socket

    import uvicorn

    from factcheck.web.app import create_app
    from factcheck.web.security import allowed_hosts

    app = create_app(workspace, token, allowed_hosts(host))
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        fail(f"cannot listen on {host}:{port}: {error.strerror or error} (pick another --port)")
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"factcheck serve: {articles} article(s), {open_findings} open finding(s), reviews in {workspace.settings.reviews}")
    typer.echo(f"open http://{shown}:{bound}/login?token={token}")
    typer.echo("press Ctrl+C to stop", err=True)
    config = uvicorn.Config(app, log_level="warning", server_header=False, proxy_headers=False, access_log=False)
    uvicorn.Server(config).run(sockets=[sock])
