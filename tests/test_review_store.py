"""Safe file writes (factcheck.review.files): modes kept, read-only files refused,
temporary and lock files ignored by git."""

import os
import subprocess

import pytest

from factcheck.review.files import FileWriteError, atomic_write
from conftest import ROOT


@pytest.mark.parametrize("mode", [0o644, 0o664, 0o600])
def test_review_atomic_write_keeps_mode(tmp_path, mode):
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")
    target.chmod(mode)
    atomic_write(target, "new")
    assert target.read_text(encoding="utf-8") == "new" and (target.stat().st_mode & 0o777) == mode


def test_review_atomic_write_new_file_gets_the_umask_mode(tmp_path):
    umask = os.umask(0o022)
    try:
        atomic_write(tmp_path / "new.txt", "x")
    finally:
        os.umask(umask)
    assert (tmp_path / "new.txt").stat().st_mode & 0o777 == 0o644


def test_review_atomic_write_refuses_readonly_file(tmp_path):
    target = tmp_path / "places.yaml"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o444)
    with pytest.raises(FileWriteError, match=f"{target} is read-only"):
        atomic_write(target, "new")
    assert target.read_text(encoding="utf-8") == "old" and not list(tmp_path.glob(".*.tmp"))


def test_review_gitignore_covers_temporary_and_lock_files():
    names = [".reviews.jsonl.lock", ".reviews.jsonl.3f2a9c1d.tmp", ".reviews.yaml.x8k2_1.tmp", "reviews.yaml.lock", "claims/.places.yaml.ab12cd34.tmp"]
    result = subprocess.run(["git", "check-ignore", "--no-index", *names], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.split() == names
