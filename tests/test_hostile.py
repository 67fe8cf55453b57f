"""Hostile input: every case ends in one line naming the input and a documented exit code,
never a traceback, a hang or a blow-up. Large inputs are generated at test time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS

FACTCHECK = str(Path(sys.executable).with_name("factcheck"))


def factcheck(*args, stdin=subprocess.DEVNULL, timeout=60, env=None):
    result = subprocess.run([FACTCHECK, *map(str, args)], capture_output=True, text=True, stdin=stdin, timeout=timeout, cwd=ROOT,
                            env={**os.environ, **(env or {})})
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_hostile_fifo_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = factcheck("extract", "--no-nlp", fifo, timeout=20)
    assert result.returncode == 2 and "pipe.txt: not a regular file" in result.stderr


def test_hostile_dev_zero_is_refused_not_read():
    result = factcheck("extract", "--no-nlp", "/dev/zero", timeout=20)
    assert result.returncode == 2 and "/dev/zero: not a regular file" in result.stderr


def test_hostile_article_over_the_size_limit_is_refused(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2_000_001)
    result = factcheck("extract", "--no-nlp", "--date", "2026-01-31", big, env={"FACTCHECK_MAX_ARTICLE_MB": "2"})
    assert result.returncode == 2 and "big.txt: larger than 2 MB" in result.stderr


def test_hostile_closed_stdin_is_a_message():
    result = subprocess.run([FACTCHECK, "extract", "--no-nlp", "-"], capture_output=True, text=True, stdin=subprocess.DEVNULL, cwd=ROOT,
                            preexec_fn=lambda: os.close(0), timeout=30)
    assert result.returncode == 2 and "<stdin>: standard input is closed" in result.stderr and "Traceback" not in result.stderr


def test_hostile_symlink_loop_is_named_as_such(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    result = factcheck("extract", "--no-nlp", tmp_path / "a.txt")
    assert result.returncode == 2 and "link loop" in result.stderr


def test_hostile_glob_through_self_links_reads_each_article_once(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    for seed in SEEDS.glob("*.txt"):
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "self").symlink_to(".")
    (folder / "up").symlink_to("..")
    result = factcheck("extract", "--no-nlp", "--no-cache", "-f", "jsonl", f"{tmp_path}/**/*.txt", timeout=30)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.strip().splitlines()) == 2


@pytest.mark.parametrize("flag", ["--cache", "-o"])
def test_hostile_user_file_is_never_replaced(tmp_path, flag):
    precious = tmp_path / "people.yaml"
    precious.write_text("entities: []\n")
    args = ["check", "--no-nlp", "--fail-on", "never", SEEDS / "004_1391055ce1fac54e.txt"]
    if flag == "--cache":
        result = factcheck(*args, "--cache", precious)
        assert result.returncode == 2 and "not an analysis cache" in result.stderr
        assert precious.read_text() == "entities: []\n"
    else:
        precious.chmod(0o444)
        result = factcheck(*args, "-o", precious)
        if os.geteuid() != 0:
            assert result.returncode == 2 and "read-only" in result.stderr
        assert oct(precious.stat().st_mode & 0o777) == "0o444"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["people.yaml"]


@pytest.mark.parametrize("content", ["a: [\n", "- 1\n- 2\n", b"\x00\xff\xfe binary", "dir"])
def test_hostile_expectation_file_is_one_clear_error(tmp_path, content):
    expect = tmp_path / "expect.yaml"
    if content == "dir":
        expect.mkdir()
    elif isinstance(content, bytes):
        expect.write_bytes(content)
    else:
        expect.write_text(content)
    result = factcheck("facts", "validate", ROOT / "claims", "--no-nlp", "--against", SEEDS, "--expect", expect)
    assert result.returncode == 2 and str(expect) in result.stderr


@pytest.mark.parametrize("target", ["list", "dir", "outside"])
def test_hostile_add_fact_into_a_bad_target_is_refused(tmp_path, target):
    import shutil

    from factcheck.facts.addfact import AddFactError, append_facts

    facts = tmp_path / "claims"
    shutil.copytree(ROOT / "claims", facts)
    into = {"list": facts / "list.yaml", "dir": facts / "d.yaml", "outside": tmp_path / "elsewhere.yaml"}[target]
    if target == "list":
        into.write_text("- 1\n- 2\n")
    elif target == "dir":
        into.mkdir()
    with pytest.raises(AddFactError, match={"list": "not a list", "dir": "is a directory", "outside": "outside the fact base"}[target]):
        append_facts(into, {"locations": []}, facts)
    if target == "list":
        assert into.read_text() == "- 1\n- 2\n"


def test_hostile_review_walk_with_stdin_closed_says_what_to_do_instead():
    result = subprocess.run([FACTCHECK, "review", "walk", "--no-nlp", str(SEEDS)], capture_output=True, text=True, cwd=ROOT,
                            preexec_fn=lambda: os.close(0), timeout=60)
    assert result.returncode == 2 and "standard input" in result.stderr and "review confirm" in result.stderr


def test_hostile_duplicate_key_in_an_old_review_store_is_an_error_not_a_lost_decision(tmp_path):
    store = tmp_path / "reviews.yaml"
    store.write_text("decisions:\n  abc:\n    document: a\n  abc:\n    document: b\n", encoding="utf-8")
    result = factcheck("review", "list", "--reviews", store)
    assert result.returncode == 2 and f"{store}:4" in result.stderr and "appears twice" in result.stderr
