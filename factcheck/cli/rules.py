"""``factcheck rules``: list the claim rules and explain one, with its corpus examples.

Like ``ruff --explain``: what a rule matches, what value it produces, why the claim matters,
what it requires, and the examples and counter-examples from ``extract/corpus/*.yaml``.
The library side is ``factcheck.extract.catalog``; this module parses and prints.
"""

from __future__ import annotations

import json
import textwrap
from enum import Enum
from typing import Optional

import typer

from factcheck.cli.common import fail

rules_app = typer.Typer(no_args_is_help=True, help="List the claim rules, or explain one with its examples and counter-examples.")


class RulesFormat(str, Enum):
    text = "text"
    json = "json"


FormatOpt = typer.Option(RulesFormat.text, "--format", "-f", help="Output format.")


def _kind(kind: Optional[str]):
    from factcheck.model.claims import ClaimKind

    if kind is None:
        return None
    valid = [k.value for k in ClaimKind]
    if kind not in valid:
        fail(f"unknown claim kind {kind}; valid kinds: {', '.join(valid)}")
    return ClaimKind(kind)


@rules_app.command("list")
def list_command(
    kind: Optional[str] = typer.Option(None, "--kind", "-k", help="Only the rules of this claim kind."),
    output_format: RulesFormat = FormatOpt,
) -> None:
    """Every rule: name, claim kind and what it matches."""
    from factcheck.extract import catalog

    infos = catalog.list_rules(_kind(kind))
    if output_format is RulesFormat.json:
        typer.echo(json.dumps([{"name": i.name, "kind": i.kind, "summary": i.summary, "requires": i.requires} for i in infos],
                              ensure_ascii=False, indent=2))
        return
    width = max((len(i.name) for i in infos), default=0)
    for info in infos:
        typer.echo(f"{info.name:<{width}}  {info.kind:<9} {info.summary}")


@rules_app.command("explain")
def explain_command(
    rule: str = typer.Argument(..., help="Rule name, e.g. date.day_month (see: factcheck rules list).", show_default=False),
    limit: int = typer.Option(5, "--examples", "-n", min=0, help="Show at most this many examples of each sort (0: all)."),
    output_format: RulesFormat = FormatOpt,
) -> None:
    """What a rule matches, what it produces, why it matters, and its corpus examples."""
    from factcheck.extract import catalog
    from factcheck.extract.registry import UnknownRule

    try:
        info = catalog.explain(rule)
    except UnknownRule as error:
        fail(str(error))
    if output_format is RulesFormat.json:
        typer.echo(json.dumps(info.to_dict(), ensure_ascii=False, indent=2))
        return
    typer.echo("\n".join(_explain_text(info, limit)))


def _paragraph(text: str) -> list[str]:
    return textwrap.wrap(text[:1].upper() + text[1:], width=88) or [""]


def _explain_text(info, limit: int) -> list[str]:
    lines = [f"{info.name} ({info.kind})", "", *_paragraph(info.summary)]
    for heading, body in (("What it produces", info.value), ("Why it matters", info.why), ("What it leaves alone", info.leaves_alone)):
        if body:
            lines += ["", f"## {heading}", *_paragraph(body)]
    lines += ["", "## Requires"]
    if info.requires:
        lines += _paragraph(f"the {', '.join(info.requires)} claims of its sentence, so it runs after: {', '.join(info.runs_after)}")
    else:
        lines.append("Nothing; it runs in the first stage.")
    if info.competes:
        lines.append(f"Priority {info.priority}: where its claim overlaps another numeric claim, the higher priority wins.")
    for heading, examples in (("Examples", info.examples), ("Counter-examples (no claim of this kind)", info.counter_examples)):
        shown = examples if limit == 0 else examples[:limit]
        lines += ["", f"## {heading}"]
        for example in shown:
            date = example.date.isoformat() if example.date else "none"
            lines.append(f"  {example.text}    [{example.source}, article date {date}]")
            for text, value in example.claims:
                rendered = ", ".join(f"{k}: {v.isoformat() if hasattr(v, 'isoformat') else v}" for k, v in value.items())
                lines.append(f"    -> «{text}»" + (f"  {{{rendered}}}" if rendered else ""))
        if len(examples) > len(shown):
            lines.append(f"  ... and {len(examples) - len(shown)} more (--examples 0 shows all)")
    return lines
