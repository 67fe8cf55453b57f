"""Output formats: one module per format, each a pure function of the result model.

A renderer takes results (reports, claims, tagged documents or fact-base problems) and
yields text chunks, so every format streams and a run of any size never builds its whole
output in memory. The registries below say which format renders which result; the CLI
only looks a format up here and writes the chunks where the user asked.
"""

from __future__ import annotations

from factcheck.renderers import conllu, github, html, json, jsonl, sarif, text

REPORTS = {"text": text.reports, "json": json.reports, "jsonl": jsonl.reports, "sarif": sarif.reports, "html": html.reports}
CLAIMS = {"text": text.claims, "json": json.claims, "jsonl": jsonl.claims}
TAGS = {"text": text.tags, "conllu": conllu.tags, "json": json.tags}
CONFLICTS = {"text": text.conflicts, "json": json.conflicts, "html": html.conflicts}
PROBLEMS = {"text": text.problems, "json": json.problems, "github": github.problems}
