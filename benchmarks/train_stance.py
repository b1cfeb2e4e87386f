"""Train the stance model on NewsMTSC, check it by cross-validation, write it as package data.

    .venv/bin/python benchmarks/train_stance.py            # fit the shipped setting, write
    .venv/bin/python benchmarks/train_stance.py --grid     # also print the L2 selection grid

Trains :func:`framelens.stance.fit` on ``tests/data/newsmtsc/train.jsonl`` (8,739 targets),
cross-validates the same setting on it (five folds of whole sentences, so no sentence is in
a fold's training and test parts; out-of-fold predictions pooled), measures macro F1,
accuracy and Cohen's kappa on ``devtest_mt.jsonl`` (1,476 targets in 721 sentences, several
targets a sentence) beside the sentence-tone baseline (VADER compound of the whole sentence,
±0.05), and writes ``lib/framelens/data/stance_model.npz`` and ``stance_model.json`` (the
card, with those figures). The real-world test split (``devtest_rw``) is not here: it is
kept back to measure the shipped model.

The features and the L2 weight were chosen by the cross-validated macro F1 on the training
split (see the card's ``selection``). The devtest_mt figure was printed beside each variant
tried, and variants whose CV gain was within its noise were left out, also where devtest_mt
went down: that figure is still somewhat optimistic. BLAS runs on one thread: L-BFGS-B's
many small vector products are faster so, and the bytes written do not depend on the
machine's core count.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse  # noqa: E402
import hashlib  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

from framelens import stance  # noqa: E402

DATA = ROOT / "tests" / "data" / "newsmtsc"
OUT = ROOT / "lib" / "framelens" / "data"
L2 = 2e-3
GRID = (1e-3, 1.5e-3, 2e-3, 3e-3, 5e-3)
FOLDS = 5
SELECTION = (
    "feature families chosen by the 5-fold cross-validated macro F1 on train (three fold "
    "seeds), devtest_mt printed beside each: kept, sides and distances from the nearest "
    "mention and the lexicon sums per family and sign (CV 0.657 -> 0.664); tried and left "
    "out (CV within +-0.005 or devtest_mt lower): other-target placeholders, subject/object "
    "and passive heuristics from Brill tags, quote and speaker features, appositives, words "
    "inside the mention, character 4-grams, hyphen parts, an NYT-editorial lexicon, binned "
    "lexicon sums, windows 3/5/6, family scalings, Naive-Bayes scaling, elastic net, "
    "class-weight and prior shifts, more weight on multi-target sentences, ensembles and "
    "bagging; l2 in {1e-3, 1.5e-3, 2e-3, 3e-3, 5e-3}: 2e-3 and 3e-3 within 0.001 on CV, "
    "2e-3 kept"
)
FEATURES = (
    "context words (w, d, nL/nR, aL/aR, bL/bR, c) placed from the nearest mention, "
    "Porter stems; VADER and Pattern valence sums near, left, right, in the clause and per "
    "family and sign; target position; quotation"
)


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


def folds_of(lines, k: int = FOLDS, seed: int = 0) -> np.ndarray:
    """Fold of each target: whole sentences (``line``) dealt at random into ``k`` folds.

    Parameters
    ----------
    lines
        The sentence (line of the NewsMTSC file) of each target.
    k
        Number of folds.
    seed
        Seed of the deal.

    Returns
    -------
    numpy.ndarray
        Fold (0 … k−1) of each target; a sentence's targets share one.
    """
    lines = np.asarray(lines)
    uniq = np.unique(lines)
    order = np.random.default_rng(seed).permutation(len(uniq))
    fold = dict(zip(uniq[order].tolist(), (np.arange(len(uniq)) % k).tolist(), strict=True))
    return np.array([fold[x] for x in lines.tolist()])


def cross_validate(rows, labels, lines, *, l2: float = L2, seed: int = 0) -> list[str]:
    """Out-of-fold predictions of :func:`stance.fit` with ``l2``, sentences kept whole.

    Parameters
    ----------
    rows
        One :func:`stance.features` counter a target.
    labels
        Its polarity.
    lines
        Its sentence (:func:`folds_of`).
    l2
        The L2 weight of every fold's fit.
    seed
        Seed of the folds.

    Returns
    -------
    list of str
        Each target's polarity as predicted by the model fitted without its fold.
    """
    fold = folds_of(lines, seed=seed)
    labels = list(labels)
    pred = [""] * len(rows)
    for k in range(FOLDS):
        train_idx = np.flatnonzero(fold != k)
        test_idx = np.flatnonzero(fold == k)
        model = stance.fit([rows[i] for i in train_idx], [labels[i] for i in train_idx], l2=l2)
        got = stance.predict(model, [rows[i] for i in test_idx])["stance"]
        for i, p in zip(test_idx, got, strict=True):
            pred[i] = p
    return pred


def _row(name: str, m: dict[str, float], ci: str = "") -> str:
    return f"| {name} | {m['macro_f1']:.3f}{ci} | {m['accuracy']:.3f} | {m['kappa']:.3f} |"


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
    gold_train = list(train["polarity"])

    if args.grid:
        print("| l2 | CV macro F1 (fold seeds 0, 1, 2) | devtest_mt macro F1 |\n|---|---|---|")
        for l2 in GRID:
            cv = []
            for seed in (0, 1, 2):
                pred = cross_validate(rows, gold_train, train["line"], l2=l2, seed=seed)
                cv.append(stance.metrics(gold_train, pred)["macro_f1"])
            m = stance.fit(rows, gold_train, l2=l2)
            r = stance.metrics(gold, list(stance.predict(m, dev_rows)["stance"]))
            seeds = ", ".join(f"{c:.3f}" for c in cv)
            print(f"| {l2:g} | {np.mean(cv):.3f} ({seeds}) | {r['macro_f1']:.3f} |")

    t0 = time.perf_counter()
    cv_m = stance.metrics(gold_train, cross_validate(rows, gold_train, train["line"]))
    t_cv = time.perf_counter() - t0
    t0 = time.perf_counter()
    model = stance.fit(rows, gold_train, l2=L2)
    t_fit = time.perf_counter() - t0
    # the shipped weights are float32: measure what ships
    shipped = stance.StanceModel(
        model.names, model.weights.astype(np.float32).astype(np.float64), model.card
    )
    pred = list(stance.predict(shipped, dev_rows)["stance"])
    dev_m = stance.metrics(gold, pred)
    lo, hi = _bootstrap_f1(gold, pred)
    base = stance.metrics(gold, stance.baseline_predictions(list(dev["text"])))
    base_train = stance.metrics(gold_train, stance.baseline_predictions(list(train["text"])))
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
            "cv_train": {k: round(float(v), 6) for k, v in cv_m.items()},
            "cv_train_folds": f"{FOLDS} folds of whole sentences (fold seed 0), out-of-fold "
            "predictions pooled",
            "train_baseline_sentence_tone": {k: round(float(v), 6) for k, v in base_train.items()},
            "features": FEATURES,
            "selection": SELECTION,
            "held_back": "devtest_rw (real-world test split) is not used here",
        }
    )
    shipped = stance.StanceModel(shipped.names, shipped.weights, card)
    print(
        f"features {t_feat:.1f} s ({len(rows) + len(dev_rows)} targets), cross-validation "
        f"{t_cv:.1f} s, fit {t_fit:.1f} s, {len(model.names)} features, "
        f"converged={model.card['converged']}"
    )
    print("| train, 5-fold CV (8,739 targets) | macro F1 | accuracy | Cohen's kappa |")
    print("|---|---|---|---|")
    print(_row("sentence tone (VADER compound, ±0.05)", base_train))
    print(_row(f"stance model (l2 {L2:g})", cv_m))
    print("\n| devtest_mt (1,476 targets) | macro F1 | accuracy | Cohen's kappa |")
    print("|---|---|---|---|")
    print(_row("sentence tone (VADER compound, ±0.05)", base))
    print(_row(f"stance model (l2 {L2:g})", dev_m, f" (95% CI {lo:.3f}–{hi:.3f})"))
    print(
        "per class F1 (negative, neutral, positive): "
        f"{dev_m['f1_negative']:.3f}, {dev_m['f1_neutral']:.3f}, {dev_m['f1_positive']:.3f}"
    )
    if not args.no_write:
        shipped.save(OUT / "stance_model.npz", OUT / "stance_model.json")
        size = (OUT / "stance_model.npz").stat().st_size
        print(f"wrote {OUT / 'stance_model.npz'} ({size / 1e6:.2f} MB) and stance_model.json")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
