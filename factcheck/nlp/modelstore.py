"""Where the Vietnamese models come from, and what is known about them.

Resolution order (first hit wins):
1. an explicit folder: ``--models DIR`` or the ``FACTCHECK_MODELS`` environment variable;
2. Stanza's official Vietnamese models, if installed in Stanza's resources directory
   (``STANZA_RESOURCES_DIR``, default ``~/stanza_resources``), e.g. by
   ``factcheck models download``;
3. the models trained by this project and bundled in the package.

This module does not import Stanza; it only looks at files.
"""

from __future__ import annotations

import json
import hashlib
import os
from enum import Enum
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

TOKENIZER_FILE = "vi_vtb_tokenizer.pt"
POS_FILE = "vi_vtb_tagger.pt"
RESOURCES_NAME = "resources.json"
MANIFEST_NAME = "manifest.json"
BUNDLED_DIR = Path(__file__).parent / "models" / "vi"
MODELS_ENV = "FACTCHECK_MODELS"


class ModelError(Exception):
    """The models asked for cannot be found or used."""


class Score(BaseModel):
    """Scores of one evaluation, as CoNLL 2018 F1 percentages."""

    model_config = ConfigDict(extra="forbid")
    dataset: str
    sentences: int
    token_f1: float
    sentence_f1: float
    upos_f1: float  # with the tokenizer's own (predicted) tokens
    upos_gold_tokens: float


class ModelManifest(BaseModel):
    """How a model folder was trained and how well it scores."""

    model_config = ConfigDict(extra="forbid")
    treebank: str
    treebank_sha256: str
    stanza_version: str
    torch_version: str
    seed: int
    tokenizer_steps: int
    tagger_steps: int
    use_dictionary: bool
    natural_spacing: bool
    tagger_args: list[str]
    scores: list[Score]


class ModelOrigin(str, Enum):
    explicit = "explicit"
    official = "official"
    bundled = "bundled"


class ModelSource(BaseModel):
    """The models that will be used: where from, which files, and their manifest if any."""

    origin: ModelOrigin
    directory: Path
    tokenizer: Path | None = None
    pos: Path | None = None
    manifest: ModelManifest | None = None

    @property
    def version(self) -> str:
        """A short identity for caches: origin plus a hash of the model files' bytes (a
        retrained model of the same size is a different model)."""
        files = tuple((p, p.stat().st_size, p.stat().st_mtime_ns) for p in (self.tokenizer, self.pos) if p is not None and p.exists())
        return self.origin.value + ":" + _files_digest(files)


@lru_cache(maxsize=8)
def _files_digest(files: tuple[tuple[Path, int, int], ...]) -> str:
    """sha256 over the files' bytes (the models are ~6 MB), computed once per process for
    each state of the files (path, size and modification time)."""
    digest = hashlib.sha256()
    for path, _, _ in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def stanza_resources_dir() -> Path:
    return Path(os.environ.get("STANZA_RESOURCES_DIR", Path.home() / "stanza_resources"))


def load_manifest(directory: Path) -> ModelManifest | None:
    path = directory / MANIFEST_NAME
    if not path.exists():
        return None
    return ModelManifest.model_validate_json(path.read_text(encoding="utf-8"))


def project_models(directory: Path, origin: ModelOrigin) -> ModelSource:
    """A folder laid out as ``factcheck models train`` writes it."""
    tokenizer, pos = directory / TOKENIZER_FILE, directory / POS_FILE
    missing = [p.name for p in (tokenizer, pos, directory / RESOURCES_NAME) if not p.exists()]
    if missing:
        raise ModelError(f"{directory} is not a factcheck model folder: missing {', '.join(missing)}")
    return ModelSource(origin=origin, directory=directory, tokenizer=tokenizer, pos=pos, manifest=load_manifest(directory))


def official_models() -> ModelSource | None:
    """Stanza's own Vietnamese models, when ``stanza.download('vi')`` has put them in place."""
    root = stanza_resources_dir()
    resources = root / RESOURCES_NAME
    if not resources.exists():
        return None
    try:
        has_vi = "vi" in json.loads(resources.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    tokenizers = sorted((root / "vi" / "tokenize").glob("*.pt"))
    taggers = sorted((root / "vi" / "pos").glob("*.pt"))
    if not (has_vi and tokenizers and taggers):
        return None
    return ModelSource(origin=ModelOrigin.official, directory=root, tokenizer=tokenizers[0], pos=taggers[0])


def resolve_models(explicit: Path | None = None) -> ModelSource:
    """Pick the models to use, in the documented order."""
    chosen = explicit or (Path(os.environ[MODELS_ENV]) if os.environ.get(MODELS_ENV) else None)
    if chosen is not None:
        if not chosen.is_dir():
            raise ModelError(f"model folder {chosen} does not exist")
        return project_models(chosen, ModelOrigin.explicit)
    official = official_models()
    if official is not None:
        return official
    return project_models(BUNDLED_DIR, ModelOrigin.bundled)
