"""What Stanza's dictionary features and the natural-spacing copy of the treebank buy.

    python bench/tokenizer_ablation.py [--steps 2000] [--ud ../shared/data/ud]

Trains the tokenizer twice with the same steps and seed: plain (Stanza defaults) and with
``--use_dictionary`` + natural spacing (the shipped recipe). Scores token and sentence F1 on
VTB test as the treebank spaces it ("lại : \\" Coi") and on the same sentences spaced as news
is ("lại: “Coi"). The bundled tagger is used for the pipeline; tokens do not depend on it.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.text.conllu import read_conllu, write_conllu  # noqa: E402
from factcheck.nlp.modelstore import BUNDLED_DIR, POS_FILE, RESOURCES_NAME, TOKENIZER_FILE  # noqa: E402
from factcheck.nlp.training import VTB, TrainingConfig, _run, _stanza_env, conll18_scores, naturalize_spacing, prepare_treebank, train_tokenizer  # noqa: E402


def score_tokenizer(tokenizer: Path, gold_files: dict[str, Path], work: Path) -> dict[str, tuple[float, float]]:
    from factcheck.nlp.analyzer import StanzaAnalyzer

    folder = work / "models"
    folder.mkdir(exist_ok=True)
    shutil.copy(tokenizer, folder / TOKENIZER_FILE)
    for name in (POS_FILE, RESOURCES_NAME):
        shutil.copy(BUNDLED_DIR / name, folder / name)
    analyzer = StanzaAnalyzer(folder)
    scores = {}
    for name, gold in gold_files.items():
        sentences = read_conllu(gold)
        predicted = work / f"{name}.pred.conllu"
        write_conllu(predicted, analyzer.to_conllu("\n\n".join(s.text for s in sentences)))
        result = conll18_scores(gold, predicted)
        scores[name] = (result["tokens"], result["sentences"])
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--steps", type=int, default=2000)
    parser.add_argument("--ud", type=Path, default=ROOT.parent / "shared" / "data" / "ud")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="factcheck-ablation-"))
    test = args.ud / VTB / "vi_vtb-ud-test.conllu"
    natural_test = work / "vtb-test-natural.conllu"
    write_conllu(natural_test, [naturalize_spacing(s) for s in read_conllu(test)])
    gold = {"VTB test (treebank spacing)": test, "VTB test (news spacing)": natural_test}
    variants = {"plain Stanza recipe": (False, False), "dictionary + natural spacing": (True, True)}
    results = {}
    for name, (dictionary, natural) in variants.items():
        folder = work / name.replace(" ", "-").replace("+", "")
        config = TrainingConfig(ud_dir=args.ud, out_dir=folder / "out", work_dir=folder, tokenizer_steps=args.steps,
                                use_dictionary=dictionary, natural_spacing=natural)
        folder.mkdir(parents=True)
        ud_base = prepare_treebank(config, lambda m: None)
        env = _stanza_env(folder, ud_base)
        _run([sys.executable, "-m", "stanza.utils.datasets.prepare_tokenizer_treebank", VTB], env, lambda m: None, folder / "train.log")
        tokenizer = train_tokenizer(config, env, lambda m: print(f"  [{name}] {m}", file=sys.stderr))
        results[name] = score_tokenizer(tokenizer, gold, folder)
    print(f"tokenizer, {args.steps} steps, seed 1234")
    print(f"{'recipe':<30} " + " ".join(f"{g + ' tok/sent F1':>40}" for g in gold))
    for name, scores in results.items():
        print(f"{name:<30} " + " ".join(f"{scores[g][0]:>33.2f} / {scores[g][1]:.2f}" for g in gold))
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
