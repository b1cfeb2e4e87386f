"""Train the stance model on NewsMTSC, choose it on devtest_mt, write it as package data.

    .venv/bin/python benchmarks/train_stance.py            # fit the shipped setting, write
    .venv/bin/python benchmarks/train_stance.py --grid     # also print the selection grid

Trains :func:`framelens.stance.fit` on ``tests/data/newsmtsc/train.jsonl`` (8,739 targets),
measures macro F1, accuracy and Cohen's kappa on ``devtest_mt.jsonl`` (1,476 targets in
721 sentences, several targets a sentence) beside the sentence-tone baseline (VADER
compound of the whole sentence, ±0.05), and writes ``lib/framelens/data/stance_model.npz``
and ``stance_model.json`` (the card, with those figures). The real-world test split
(``devtest_rw``) is not here: it is kept back to measure the shipped model.

The grid is the L2 weight; the feature families were chosen on the same dev-test split
(see the card's ``selection``), so its figure is optimistic by the selection it made.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

from framelens import stance  # noqa: E402

DATA = ROOT / "tests" / "data" / "newsmtsc"
OUT = ROOT / "lib" / "framelens" / "data"
L2 = 2e-3
GRID = (1e-3, 2e-3, 3e-3, 1e-2)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _bootstrap_f1(gold, pred, n_boot=1000, seed=0) -> tuple[float, float]:
    rng = np.random.default_rng(seed)
    gold, pred = np.asarray(gold), np.asarray(pred)
    vals = []
    for _ in range(n_boot):
        idx = rng.integers(0, len(gold), len(gold))
        vals.append(stance.metrics(gold[idx], pred[idx])["macro_f1"])
    lo, hi = np.percentile(vals, [2.5, 97.5])
    return float(lo), float(hi)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grid", action="store_true", help="print the L2 selection grid")
    parser.add_argument("--no-write", action="store_true", help="do not write the model")
    args = parser.parse_args(argv)

    train = stance.read_newsmtsc(DATA / "train.jsonl")
    dev = stance.read_newsmtsc(DATA / "devtest_mt.jsonl")
    t0 = time.perf_counter()
    rows = [stance.features(t, s) for t, s in zip(train["text"], train["spans"], strict=True)]
    dev_rows = [stance.features(t, s) for t, s in zip(dev["text"], dev["spans"], strict=True)]
    t_feat = time.perf_counter() - t0
    gold = list(dev["polarity"])

    if args.grid:
        print("| l2 | macro F1 | accuracy | kappa |\n|---|---|---|---|")
        for l2 in GRID:
            m = stance.fit(rows, train["polarity"], l2=l2)
            r = stance.metrics(gold, list(stance.predict(m, dev_rows)["stance"]))
            print(f"| {l2:g} | {r['macro_f1']:.3f} | {r['accuracy']:.3f} | {r['kappa']:.3f} |")

    t0 = time.perf_counter()
    model = stance.fit(rows, train["polarity"], l2=L2)
    t_fit = time.perf_counter() - t0
    # the shipped weights are float32: measure what ships
    shipped = stance.StanceModel(
        model.names, model.weights.astype(np.float32).astype(np.float64), model.card
    )
    pred = list(stance.predict(shipped, dev_rows)["stance"])
    dev_m = stance.metrics(gold, pred)
    lo, hi = _bootstrap_f1(gold, pred)
    base = stance.metrics(gold, stance.baseline_predictions(list(dev["text"])))
    card = dict(model.card)
    card.update(
        {
            "source": "NewsMTSC (Hamborg & Donnay, EACL 2021), github.com/fhamborg/NewsMTSC, "
            "MIT licence; trained by benchmarks/train_stance.py",
            "train_file": "tests/data/newsmtsc/train.jsonl",
            "train_sha256": _sha(DATA / "train.jsonl"),
            "dev_file": "tests/data/newsmtsc/devtest_mt.jsonl",
            "dev_sha256": _sha(DATA / "devtest_mt.jsonl"),
            "dev": {k: round(float(v), 6) for k, v in dev_m.items()},
            "dev_macro_f1_ci95": [round(lo, 4), round(hi, 4)],
            "dev_baseline_sentence_tone": {k: round(float(v), 6) for k, v in base.items()},
            "selection": "feature families (windows 3/4/6, stems, Pattern lexicon, adjacent "
            "words, word pairs, distance weights) and l2 in {1e-3, 2e-3, 3e-3, 1e-2} "
            "chosen by macro F1 on devtest_mt",
            "held_back": "devtest_rw (real-world test split) is not used here",
        }
    )
    shipped = stance.StanceModel(shipped.names, shipped.weights, card)
    print(
        f"features {t_feat:.1f} s ({len(rows) + len(dev_rows)} targets), fit {t_fit:.1f} s, "
        f"{len(model.names)} features, converged={model.card['converged']}"
    )
    print("| devtest_mt (1,476 targets) | macro F1 | accuracy | Cohen's kappa |")
    print("|---|---|---|---|")
    print(
        f"| sentence tone (VADER compound, ±0.05) | {base['macro_f1']:.3f} | "
        f"{base['accuracy']:.3f} | {base['kappa']:.3f} |"
    )
    print(
        f"| stance model (l2 {L2:g}) | {dev_m['macro_f1']:.3f} "
        f"(95% CI {lo:.3f}–{hi:.3f}) | {dev_m['accuracy']:.3f} | {dev_m['kappa']:.3f} |"
    )
    if not args.no_write:
        shipped.save(OUT / "stance_model.npz", OUT / "stance_model.json")
        size = (OUT / "stance_model.npz").stat().st_size
        print(f"wrote {OUT / 'stance_model.npz'} ({size / 1e6:.2f} MB) and stance_model.json")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
