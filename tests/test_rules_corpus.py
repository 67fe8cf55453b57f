"""Every rule corpus file, and what the corpora must cover.

Positives give exactly their claims, each made by the rule the corpus names; negatives give
none. Every registered rule has examples and counter-examples and a documented summary;
every lexicon entry is exercised where its list is used (``lexicon.WORD_LISTS``), with its
mapped value asserted. Adding a case means editing a YAML file under
factcheck/extract/corpus/, not code.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from factcheck.model.claims import ClaimKind
from factcheck.text.normalize import canonical
from factcheck.extract import lexicon, registry
from factcheck.extract.base import Rule
from factcheck.extract.corpus_runner import all_corpora, check_example, check_negative
from factcheck.extract.lexicon import Use, WordList

CORPORA = all_corpora()
POSITIVES = [(name, i) for name, corpus in CORPORA.items() for i in range(len(corpus.examples))]
NEGATIVES = [(name, i) for name, corpus in CORPORA.items() for i in range(len(corpus.negatives))]
RULE_NAMES = [r.name for r in registry.RULES]


@pytest.mark.parametrize("name, index", POSITIVES, ids=[f"{n}-{i}" for n, i in POSITIVES])
def test_rules_corpus_positive(name, index):
    corpus = CORPORA[name]
    assert check_example(corpus.examples[index], corpus) == []


@pytest.mark.parametrize("name, index", NEGATIVES, ids=[f"{n}-neg{i}" for n, i in NEGATIVES])
def test_rules_corpus_negative(name, index):
    corpus = CORPORA[name]
    assert check_negative(corpus.negatives[index], corpus) == []


def test_rules_corpus_covers_every_kind():
    assert {corpus.kind for corpus in CORPORA.values()} == set(ClaimKind)
    for name, corpus in CORPORA.items():
        assert name == corpus.kind.value, f"corpus/{name}.yaml holds {corpus.kind.value} examples"
        assert corpus.negatives, f"{corpus.kind.value} corpus has no negative examples"


def test_rules_corpus_names_registered_rules_of_its_kind():
    problems = []
    for name, corpus in CORPORA.items():
        for example in corpus.examples:
            for claim in example.claims:
                rule_name = example.rule_of(claim)
                if rule_name is None:
                    problems.append(f"{name}.yaml {example.text!r} «{claim.text}»: names no rule")
                elif rule_name not in registry.BY_NAME or registry.BY_NAME[rule_name].kind is not corpus.kind:
                    problems.append(f"{name}.yaml {example.text!r}: {rule_name!r} is no registered {corpus.kind.value} rule")
        for negative in corpus.negatives:
            if negative.rule not in registry.BY_NAME or registry.BY_NAME[negative.rule].kind is not corpus.kind:
                problems.append(f"{name}.yaml negative {negative.text!r}: {negative.rule!r} is no registered {corpus.kind.value} rule")
    assert problems == []


@pytest.mark.parametrize("rule_name", RULE_NAMES)
def test_rules_every_rule_has_examples_and_counter_examples(rule_name):
    """Duckling's corpus and negative corpus, per rule: a rule nobody shows firing, or
    declining, is a rule nobody checked."""
    named = [c for corpus in CORPORA.values() for e in corpus.examples for c in e.claims if e.rule_of(c) == rule_name]
    declined = [n for corpus in CORPORA.values() for n in corpus.negatives if n.rule == rule_name]
    assert named, f"no corpus example names {rule_name}"
    assert declined, f"no corpus counter-example names {rule_name}"


@pytest.mark.parametrize("rule_name", RULE_NAMES)
def test_rules_every_rule_is_documented(rule_name):
    """ruff's --explain needs the text: what it matches, what it produces, why it matters."""
    rule = registry.BY_NAME[rule_name]
    assert rule.summary and len(rule.summary) > 20, f"{rule_name}: no one-line summary"
    assert rule.section("Value"), f"{rule_name}: docstring has no 'Value:' paragraph"
    assert rule.section("Why"), f"{rule_name}: docstring has no 'Why:' paragraph"


KIND_MODULES = {m.__name__.rsplit(".", 1)[1]: m for m in registry.MODULES}


def test_rules_one_module_per_kind_ending_in_its_rules():
    assert set(KIND_MODULES) == {kind.value for kind in ClaimKind}
    for name, module in KIND_MODULES.items():
        defined = [value for value in vars(module).values() if isinstance(value, Rule)]
        assert sorted(r.name for r in defined) == sorted(r.name for r in module.RULES), f"{name}.py: RULES lists not every rule it defines"
        assert all(r.kind.value == name for r in module.RULES), f"{name}.py holds a rule of another kind"
        source = Path(module.__file__).read_text(encoding="utf-8").rstrip()
        assert source.splitlines()[-1].startswith("RULES = ["), f"{name}.py does not end with its list of rules"


def test_rules_stages_follow_requirements():
    position = {r.name: i for i, stage in enumerate(registry.STAGES) for r in stage}
    for rule in registry.RULES:
        for other in registry.RULES:
            refiners = other.kind == rule.kind and other.kind in other.requires  # two rules refining one kind share a stage
            if other is not rule and other.kind in rule.requires and not refiners:
                assert position[other.name] < position[rule.name], f"{rule.name} runs before {other.name}, whose kind it requires"
    assert registry.BY_NAME["event.sentence"].requires >= {ClaimKind.date, ClaimKind.location, ClaimKind.role}


def test_rules_needs_is_in_every_match():
    """``Rule.needs`` only spares sentences the rule cannot claim anything in: in every corpus
    text (examples and counter-examples, normalized as rules see them) where the rule, run
    without ``needs``, produces a claim, ``needs`` is found too; and each rule with a ``needs``
    produces somewhere. (A pattern may match where its production then declines, as a title
    with no name after it: ``needs`` may spare those sentences too.)"""
    import dataclasses
    import datetime as dt

    from factcheck.extract.base import SentenceContext
    from factcheck.text.normalize import normalize

    texts = [normalize(item.text).text for corpus in CORPORA.values() for item in [*corpus.examples, *corpus.negatives]]
    guarded = [r for r in registry.RULES if r.needs is not None]
    assert guarded
    for rule in guarded:
        unguarded = dataclasses.replace(rule, needs=None)
        produced = [text for text in texts if rule.pattern.search(text)
                    and list(unguarded.apply(SentenceContext(text, dt.date(2026, 1, 31))))]
        assert produced or rule.requires, f"{rule.name} produces nothing on any corpus text"
        missing = [text for text in produced if not rule.needs.search(text)]
        assert not missing, f"{rule.name}: needs {rule.needs.pattern!r} is not in {missing[0]!r}, where the rule claims something"


def test_rules_needs_words_are_in_every_match():
    """``Rule.needs_words`` spares only sentences the rule claims nothing in: wherever the
    rule, run without it, produces a claim on a corpus text, one of its words is a word of the
    text; and each such rule produces somewhere."""
    import dataclasses
    import datetime as dt

    from factcheck.extract.base import SentenceContext
    from factcheck.text.normalize import normalize

    texts = [normalize(item.text).text for corpus in CORPORA.values() for item in [*corpus.examples, *corpus.negatives]]
    guarded = [r for r in registry.RULES if r.needs_words]
    assert len(guarded) >= 4
    for rule in guarded:
        unguarded = dataclasses.replace(rule, needs_words=frozenset(), needs=None)
        produced = [SentenceContext(text, dt.date(2026, 1, 31)) for text in texts]
        produced = [c for c in produced if list(unguarded.apply(c))]
        assert produced, f"{rule.name} produces nothing on any corpus text"
        missing = [c.text for c in produced if rule.needs_words.isdisjoint(c.words)]
        assert not missing, f"{rule.name}: none of {sorted(rule.needs_words)} is a word of {missing[0]!r}, where the rule claims something"


def test_rules_that_read_tokens_say_so():
    """``check`` tags only the sentences where a rule with ``reads_tokens`` matches
    (``registry.reads_tags``): every rule that asks for a token on a corpus text must say so,
    and every rule that says so must ask somewhere (the flag is not decoration)."""
    import datetime as dt

    from factcheck.extract.base import SentenceContext
    from factcheck.text.normalize import normalize

    texts = [normalize(item.text).text for corpus in CORPORA.values() for item in [*corpus.examples, *corpus.negatives]]
    asked: set[str] = set()
    for rule in registry.RULES:
        for text in texts:
            calls = []
            context = SentenceContext(text, dt.date(2026, 1, 31), token_lookup=lambda start: calls.append(start))
            list(rule.apply(context))
            if calls:
                asked.add(rule.name)
                assert rule.reads_tokens, f"{rule.name} reads tokens on {text!r} but does not declare reads_tokens"
                assert registry.reads_tags(text)
    assert asked == {r.name for r in registry.RULES if r.reads_tokens}


def test_rules_registry_rejects_a_cycle_of_requirements():
    def production(match, context):
        return None

    a = Rule("quantity.a", ClaimKind.quantity, re.compile("a"), production, requires=frozenset({ClaimKind.money}))
    b = Rule("money.b", ClaimKind.money, re.compile("b"), production, requires=frozenset({ClaimKind.quantity}))
    with pytest.raises(registry.RegistryError, match="cycle"):
        registry.stages([a, b])


def test_rules_unknown_rule_lists_close_names():
    with pytest.raises(registry.UnknownRule) as error:
        registry.get("date.weekdays")
    assert "date.weekday" in error.value.close


VIETNAMESE = re.compile(r"[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]", re.IGNORECASE)
EXTRACT_DIR = Path(lexicon.__file__).parent


@pytest.mark.parametrize("path", sorted(EXTRACT_DIR.glob("*.py")), ids=lambda p: p.name)
def test_rules_no_vietnamese_words_in_code(path):
    """Word lists live in extract/data/ (dateparser's lesson: data nobody can see is data
    nobody checks). Docstrings and comments may quote Vietnamese; string literals may not,
    except lexicon.UPPER, the alphabet's capitals."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }
    found = [
        f"line {node.lineno}: {node.value[:40]!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
        and VIETNAMESE.search(node.value) and node.value != lexicon.UPPER
    ]
    assert found == [], f"{path.name}: Vietnamese in code, move it to extract/data/"


# --- lexicon coverage -------------------------------------------------------------------

@dataclass
class Seen:
    """One expected claim, located in its example, as the lexicon test sees it."""

    sentence: str  # canonical example text
    start: int
    end: int
    value: dict
    subject: str | None
    article: dt.date | None

    @property
    def text(self) -> str:
        return self.sentence[self.start : self.end]

    def clause(self) -> str:
        starts = [0] + [m.end() for m in re.finditer(r"[.;:!?]", self.sentence) if m.end() <= self.start]
        stop = re.search(r"[.;:!?]", self.sentence[self.end :])
        return self.sentence[starts[-1] : self.end + (stop.start() if stop else len(self.sentence))]


def _seen_claims() -> dict[ClaimKind, list[Seen]]:
    found: dict[ClaimKind, list[Seen]] = {kind: [] for kind in ClaimKind}
    for corpus in CORPORA.values():
        for example in corpus.examples:
            sentence, cursor = canonical(example.text), 0
            for claim in example.claims:
                start = sentence.index(canonical(claim.text), cursor)
                cursor = start
                subject = claim.subject if "subject" in claim.model_fields_set else None
                found[corpus.kind].append(
                    Seen(sentence, start, start + len(canonical(claim.text)), claim.value, subject, corpus.date_of(example))
                )
    return found


SEEN = _seen_claims()
NEGATIVE_TEXT = {kind: [canonical(n.text) for c in CORPORA.values() if c.kind is kind for n in c.negatives] for kind in ClaimKind}


def _word(entry: str, case_sensitive: bool) -> re.Pattern:
    """The entry as a word: letters may not touch it, digits may ("25kg", "7h30")."""
    body = re.escape(canonical(entry)).replace(r"\ ", r"\s+")
    return re.compile(rf"(?<![^\W\d_]){body}(?![^\W\d_])", 0 if case_sensitive else re.IGNORECASE)


def _at_edge(word: re.Pattern, seen: Seen) -> bool:
    if word.search(seen.text):
        return True
    before = seen.sentence[: seen.start]
    if any(re.fullmatch(r"[\s(“\"]*", before[m.end() :]) for m in word.finditer(before)):
        return True
    after = seen.sentence[seen.end :]
    if seen.subject and re.match(rf"\s+{re.escape(seen.subject)}", after):
        after = after[re.match(rf"\s+{re.escape(seen.subject)}", after).end() :]
    match = re.match(r"[\s,)”\"]*", after)
    return bool(word.match(after, match.end()))


def _value_ok(spec: WordList, entry: str, mapped, seen: Seen) -> bool:
    if spec.field is None:
        return True
    fields = ("amount", "min", "max") if spec.field == "amount" else (spec.field,)
    present = [seen.value[f] for f in fields if f in seen.value]
    if not present:
        return False
    got = present[0]
    if spec.check == "equals":
        wanted = entry if mapped is None else mapped
        return str(got).lower() == str(wanted).lower()
    if spec.check == "weekday":
        return dt.date.fromisoformat(str(got)).weekday() == mapped
    if spec.check == "days_from_article":
        return seen.article is not None and (dt.date.fromisoformat(str(got)) - seen.article).days == mapped
    return True


def _after_article(seen: Seen) -> bool:
    day = seen.value.get("date") or seen.value.get("start")
    return day is not None and seen.article is not None and dt.date.fromisoformat(str(day)) > seen.article


def exercised(spec: WordList, entry: str, mapped) -> bool:
    return any(_exercised(spec, use, entry, mapped) for use in spec.uses)


def _exercised(spec: WordList, use: Use, entry: str, mapped) -> bool:
    word = _word(entry, spec.case_sensitive)
    if use is Use.blocker:
        return any(word.search(text) for kind in spec.kinds for text in NEGATIVE_TEXT[kind])
    for kind in spec.kinds:
        for seen in SEEN[kind]:
            if use is Use.claim:
                hit = word.search(seen.text)
            elif use is Use.edge:
                hit = _at_edge(word, seen)
            elif use is Use.clause:
                hit = word.search(seen.clause())
            else:
                hit = word.search(seen.sentence)
            if not hit or not _value_ok(spec, entry, mapped, seen):
                continue
            if spec.check == "after_article" and not _after_article(seen):
                continue
            return True
    return False


ENTRIES = [(spec, entry, mapped) for spec in lexicon.WORD_LISTS for entry, mapped in spec.entries()]


def test_rules_lexicon_every_list_is_declared():
    declared = [spec.name for spec in lexicon.WORD_LISTS]
    assert sorted(declared) == sorted(set(declared))
    assert sorted(lexicon.data_lists()) == sorted(declared), "declare how each data list is used in lexicon.WORD_LISTS"


@pytest.mark.parametrize("spec, entry, mapped", ENTRIES, ids=[f"{s.name}:{e}" for s, e, _ in ENTRIES])
def test_rules_lexicon_entry_is_exercised(spec, entry, mapped):
    """dateparser's lesson: a lexicon entry no example exercises is an entry nobody checked.

    The entry must appear where its list works (inside an expected claim, at its edge, in
    its clause or sentence, or in a counter-example), and an entry that maps to a value
    must come with an example asserting that value."""
    where = " or ".join({
        Use.claim: "inside an expected claim",
        Use.edge: "inside or right next to an expected claim",
        Use.clause: "in the clause of an expected claim",
        Use.sentence: "in an example with an expected claim",
        Use.blocker: "in a counter-example",
    }[use] for use in spec.uses)
    value = f" asserting {spec.field} ({spec.check}: {mapped!r})" if spec.field else ""
    kinds = ", ".join(k.value for k in spec.kinds)
    assert exercised(spec, entry, mapped), f"{spec.name} entry {entry!r} appears {where}{value} in no {kinds} corpus"


def test_rules_lexicon_audit_finds_an_entry_at_work():
    """``python -m factcheck.extract.audit`` drops entries one by one and reports those no
    corpus outcome depends on; a full run (minutes) reports none. Here: one entry, quickly."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run([sys.executable, "-m", "factcheck.extract.audit", "--only", "currencies.codes:USD"],
                            capture_output=True, text=True, env=env, cwd=root, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("0 idle entries")
