"""``factcheck models``: train, inspect and fetch the Vietnamese NLP models."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from factcheck.cli.common import ModelsOpt, fail, reports_errors

models_app = typer.Typer(no_args_is_help=True, help="Train, inspect and fetch the Vietnamese NLP models.")


@models_app.command("info")
@reports_errors
def models_info(models: Optional[Path] = ModelsOpt) -> None:
    """Say which models are in use, where they are, and how well they score."""
    from factcheck.nlp.modelstore import resolve_models

    source = resolve_models(models)
    typer.echo(f"origin:    {source.origin.value}")
    typer.echo(f"directory: {source.directory}")
    for label, path in (("tokenizer", source.tokenizer), ("pos", source.pos)):
        size = f"{path.stat().st_size / 1e6:.1f} MB" if path and path.exists() else "missing"
        typer.echo(f"{label + ':':<10} {path}  ({size})")
    manifest = source.manifest
    if manifest is None:
        typer.echo("manifest:  none (scores unknown)")
        return
    typer.echo(
        f"trained:   {manifest.treebank} sha256:{manifest.treebank_sha256} with stanza {manifest.stanza_version}, "
        f"seed {manifest.seed}, tokenizer {manifest.tokenizer_steps} steps"
        f"{' + dictionary' if manifest.use_dictionary else ''}{' + natural spacing' if manifest.natural_spacing else ''}, "
        f"tagger {manifest.tagger_steps} steps"
    )
    typer.echo(f"{'dataset':<12} {'sentences':>9} {'token F1':>9} {'sent F1':>8} {'UPOS F1':>8} {'UPOS(gold tok)':>15}")
    for score in manifest.scores:
        typer.echo(
            f"{score.dataset:<12} {score.sentences:>9} {score.token_f1:>9.2f} {score.sentence_f1:>8.2f} "
            f"{score.upos_f1:>8.2f} {score.upos_gold_tokens:>15.2f}"
        )


@models_app.command("train")
@reports_errors
def models_train(
    ud: Path = typer.Option(..., "--ud", help="Folder holding UD_Vietnamese-VTB (and optionally UD_Vietnamese-TueCL)."),
    out: Path = typer.Option(Path("trained-models"), "--out", help="Where to write the model folder."),
    work: Path = typer.Option(Path("work-models"), "--work", help="Scratch folder for prepared data and logs."),
    tokenizer_steps: int = typer.Option(6000, help="Tokenizer training steps."),
    tagger_steps: int = typer.Option(4000, help="POS tagger training steps."),
    seed: int = typer.Option(1234, help="Random seed, recorded in the manifest."),
    dictionary: bool = typer.Option(True, metavar="", help="Use Stanza's dictionary features in the tokenizer."),
    natural_spacing: bool = typer.Option(True, metavar="", help="Add a copy of the training text spaced as news is."),
) -> None:
    """Train the tokenizer and POS tagger with Stanza's own code, then score them."""
    from factcheck.nlp.training import TrainingConfig, train

    config = TrainingConfig(
        ud_dir=ud, out_dir=out, work_dir=work, tokenizer_steps=tokenizer_steps, tagger_steps=tagger_steps,
        seed=seed, use_dictionary=dictionary, natural_spacing=natural_spacing,
    )
    try:
        manifest = train(config, log=lambda line: typer.echo(line, err=True))
    except (FileNotFoundError, RuntimeError) as error:
        fail(str(error))
    for score in manifest.scores:
        typer.echo(f"{score.dataset}: token F1 {score.token_f1:.2f}, sentence F1 {score.sentence_f1:.2f}, UPOS F1 {score.upos_f1:.2f}")
    typer.echo(f"models written to {out}; use them with --models {out} or copy them to factcheck/nlp/models/vi/")


@models_app.command("download")
@reports_errors
def models_download() -> None:
    """Fetch Stanza's official Vietnamese models (needs internet access to Stanza's host)."""
    from factcheck.nlp.analyzer import download_official_models

    directory = download_official_models()
    typer.echo(f"official Stanza Vietnamese models installed in {directory}; they now take precedence over the bundled ones")
