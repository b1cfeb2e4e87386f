"""Score learned per-sentence frame classifiers and the dictionary, each gold set held out.

    .venv/bin/python benchmarks/gold_frames_learned.py --texts gold_news=DIR1
        --texts gold_news_fresh=DIR2 --texts gold_news_third=DIR3
        --texts gold_news_fourth=DIR4 [--curve]

(one command line; the ``--texts`` in any order).

Asks whether a classifier learned from the ~1,200 hand-labelled sentences of the four gold
sets (``tests/data/gold_news``, ``gold_news_fresh``, ``gold_news_third``,
``gold_news_fourth``) reaches issue 15's targets on coverage it has not seen (frame micro
precision >= 0.85 and macro F1 >= 0.75), alone or with the ``security`` dictionary. Each
set is held out in turn and the other three train. Compared:

- the dictionary (``security``, cues judged in context, as ``benchmarks/gold_news.py``);
- one L2 logistic regression a frame on the sentence's words (lower-cased Porter stems,
  numbers as ``<num>``, binary unigrams and bigrams, and the sentence ``kind``);
- the same on words plus the dictionary's evidence (per frame: fired, fired on a strong
  cue, log1p counts of its cues by status and strength, and each frame, pattern and status
  seen as a binary feature), alone and as ``dictionary AND model`` or ``dictionary OR
  model``.

Each model's decision is ``probability > threshold``, one threshold a frame, chosen either
for the best F1 (``F1 thr``) or for the best F1 among thresholds with precision >= 0.85 and
at least 5 predictions, else the most precise (``P>=.85 thr``).

Protocol (leak-free): every choice is made on the three training sets only. The vocabulary
(features seen in >= 2 training sentences), the L2 weight of each frame (out of {0.3, 1, 3,
10, 30}, by out-of-fold log-loss) and the thresholds (on out-of-fold probabilities) come
from 5-fold cross-validation with the folds grouped by article (seed 0), so no article is in
a fold's training and test parts. The model is then refitted on the three sets and the held
out set is scored once. The ``[oracle]`` row chooses its thresholds on the held-out set
itself: it is the ceiling of any per-frame threshold on that model, not a result.

Which rotations are clean: the shipped dictionary was revised by reading the errors on
``gold_news``, ``gold_news_fresh`` and ``gold_news_third`` (see their READMEs), so with one
of them held out every row that uses the dictionary or its evidence is optimistic. Only
``gold_news_fourth``, whose errors have not been read, is a held-out figure for every row;
the words-only rows are clean in every rotation.

Prints a Markdown table (method x held-out set: micro P / micro R / micro F1 / macro F1,
and the mean of the four rotations), then P/R/F1 per frame on ``gold_news_fourth`` for the
dictionary and for the learned row with the highest macro F1 there. ``--curve`` adds the
learning curve on ``gold_news_fourth``: trained on each one, two and all three other sets.
Deterministic (fixed fold seed, L-BFGS-B from zeros, BLAS on one thread); about half a
minute, a minute with ``--curve``.

When written (dictionary of commit 2be32ed), on ``gold_news_fourth``: the dictionary 0.686
micro P / 0.535 macro F1, words alone 0.578 / 0.568, words + dictionary evidence 0.695 /
0.619 (0.736 / 0.559 with the P>=.85 thresholds), its oracle ceiling 0.678 / 0.659: no
method reaches 0.85 / 0.75, and the learning curve still rises, slowly.

The texts are not in the repository: ``articles.csv`` of each set gives each URL and the
SHA-256 of the text that was labelled. Save each article as ``<doc_id>.txt`` in a folder a
set and name it with ``--texts SET=DIR``; a text whose hash differs is refused, naming the
file; a text that is not there is skipped with a note, and only the labels of the texts
read are used.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import argparse  # noqa: E402
import itertools  # noqa: E402
import math  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import scipy.sparse as sp  # noqa: E402
from nltk.stem import PorterStemmer  # noqa: E402
from scipy.optimize import minimize  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

from framelens import corpus, framing, gold  # noqa: E402
from framelens.errors import InputError  # noqa: E402

DATA = ROOT / "tests" / "data"
SETS = {
    "gold_news": "set1",
    "gold_news_fresh": "fresh",
    "gold_news_third": "third",
    "gold_news_fourth": "fourth",
}
DICTIONARY = "security"
FRAMES = gold.FRAMES
LAMBDAS = (0.3, 1.0, 3.0, 10.0, 30.0)
N_FOLDS = 5
SEED = 0
P_TARGET = 0.85
GOAL_P, GOAL_MF1 = 0.85, 0.75
GRID = np.round(np.arange(0.02, 0.99, 0.01), 2)
WORDS = "LR words"
BOTH = "LR words + dictionary evidence"
ORACLE = f"[oracle] {BOTH}, thresholds chosen on the test set: a ceiling, not a result"

# ---------------------------------------------------------------- data


def load_set(name: str, texts: str) -> dict | None:
    """Read one gold set as ``benchmarks/gold_news.py`` does, with the dictionary's output.

    Parameters
    ----------
    name
        The gold set's folder under ``tests/data``.
    texts
        The folder of its ``<doc_id>.txt``.

    Returns
    -------
    dict or None
        ``labels`` (aligned), ``labelled`` (their sentences), ``match`` and ``terms``
        (:func:`framelens.framing.match` and :func:`~framelens.framing.term_hits`, in
        context) and ``official`` (:func:`framelens.gold.frame_scores`); ``None`` when
        none of the set's texts is in ``texts``.
    """
    g = gold.load(DATA / name)
    arts = g["articles"]
    docs = gold.documents(texts, arts, missing="skip")
    read = set(docs["doc_id"])
    absent = [d for d in arts["doc_id"] if d not in read]
    if not read:
        return None
    if absent:
        n_absent = int(g["labels"]["doc_id"].isin(absent).sum())
        print(
            f"note: {name}: {len(absent)} of {len(arts)} texts are not in {texts} and are "
            f"skipped ({n_absent} labelled sentences not used): {', '.join(absent)}"
        )
    sentences = corpus.segment(docs)
    labels = gold.check_alignment(
        sentences,
        g["labels"][g["labels"]["doc_id"].isin(read)],
        skip=True,
        furniture=corpus.boilerplate(docs),
    )
    for doc_id, sent_id, start, end in labels.attrs.get("skipped", []):
        print(
            f"note: {name}: {doc_id} sentence {sent_id} ({start}-{end}) is no longer one "
            "sentence (the segmentation changed since it was labelled): not used"
        )
    labels = labels[labels["doc_id"].isin(read)].reset_index(drop=True)
    labelled = sentences.merge(labels[["doc_id", "sent_id"]], on=["doc_id", "sent_id"])
    return {
        "labels": labels,
        "labelled": labelled,
        "match": framing.match(labelled, DICTIONARY, context=True),
        "terms": framing.term_hits(labelled, DICTIONARY, context=True),
        "official": gold.frame_scores(sentences, labels, DICTIONARY, context=True),
    }


# ---------------------------------------------------------------- scoring


def scores(Y: np.ndarray, P: np.ndarray) -> dict[str, dict[str, float]]:
    """Score 0/1 predictions as :func:`framelens.gold.frame_scores` does.

    Parameters
    ----------
    Y
        Gold labels, a row a sentence and a column a frame (:data:`FRAMES`).
    P
        Predictions, the same shape.

    Returns
    -------
    dict
        For each frame, ``"all (micro)"`` (every frame decision pooled) and ``"macro"``:
        ``support, n_predicted, tp, fp, fn, precision, recall, f1``. Macro precision is
        the mean over the frames predicted at least once, macro recall over the frames
        with support; macro F1 the mean over the frames with support, a frame never
        predicted counting 0.
    """
    rows = {}
    for j, f in enumerate([*FRAMES, "all (micro)"]):
        y, p = (Y[:, j], P[:, j]) if j < len(FRAMES) else (Y.ravel(), P.ravel())
        tp = int(((y == 1) & (p == 1)).sum())
        fp = int(((y == 0) & (p == 1)).sum())
        fn = int(((y == 1) & (p == 0)).sum())
        sup, npred = int(y.sum()), int(p.sum())
        prec = tp / npred if npred else math.nan
        rec = tp / sup if sup else math.nan
        if math.isnan(prec) or math.isnan(rec):
            f1 = math.nan
        else:
            f1 = 2 * prec * rec / (prec + rec) if prec + rec > 0 else 0.0
        rows[f] = {"support": sup, "n_predicted": npred, "tp": tp, "fp": fp, "fn": fn,
                   "precision": prec, "recall": rec, "f1": f1}  # fmt: skip
    fr = pd.DataFrame([rows[f] for f in FRAMES], index=FRAMES)
    f1 = fr["f1"].where(fr["support"] == 0, fr["f1"].fillna(0.0))
    rows["macro"] = {
        **{k: int(fr[k].sum()) for k in ("support", "n_predicted", "tp", "fp", "fn")},
        "precision": fr["precision"].mean(),
        "recall": fr["recall"].mean(),
        "f1": f1[fr["support"] > 0].mean(),
    }
    return rows


def _f1(y: np.ndarray, p: np.ndarray) -> tuple[float, float]:
    tp = ((y == 1) & (p == 1)).sum()
    npred, sup = p.sum(), y.sum()
    if npred == 0 or sup == 0:
        return 0.0, math.nan
    prec, rec = tp / npred, tp / sup
    return (2 * prec * rec / (prec + rec) if tp else 0.0), prec


# ---------------------------------------------------------------- features

_stem = PorterStemmer().stem
_TOK = re.compile(r"[a-z]+(?:['\u2019][a-z]+)?|\d[\d,.]*")


def _stems(text: str) -> list[str]:
    toks = _TOK.findall(text.lower().replace("\u2019", "'"))
    return ["<num>" if t[0].isdigit() else _stem(t) for t in toks]


def _word_features(text: str, kind: str) -> Counter:
    s = _stems(text)
    c = Counter({"w:" + w: 1 for w in s})
    for a, b in itertools.pairwise(s):
        c[f"b:{a}_{b}"] = 1
    c[f"kind:{kind}"] = 1
    return c


def _dictionary_features(keys: list, terms: pd.DataFrame, match: pd.DataFrame) -> list[Counter]:
    idx = {k: i for i, k in enumerate(keys)}
    out = [Counter() for _ in keys]
    for r in match.itertuples(index=False):
        i = idx[(r.doc_id, r.sent_id)]
        out[i][f"d:pred:{r.frame}"] = 1
        out[i][f"d:strong:{r.frame}"] = 1 if r.cue_strength == "strong" else 0
    counts: dict[int, Counter] = {}
    for r in terms.itertuples(index=False):
        i = idx[(r.doc_id, r.sent_id)]
        a = counts.setdefault(i, Counter())
        a[f"d:n:{r.frame}:{r.status}:{r.cue_strength}"] += 1
        a[f"d:nall:{r.frame}"] += 1
        out[i][f"cue:{r.frame}:{r.pattern}:{r.status}"] = 1
    for i, a in counts.items():
        for k, v in a.items():
            out[i][k] = math.log1p(v)
    return out


def build_rows(data: dict[str, dict]) -> pd.DataFrame:
    """Build one row a labelled sentence: its features, gold frames and the dictionary's.

    Checks on the way that :func:`scores` of the dictionary's predictions equals
    :func:`framelens.gold.frame_scores` on every set.

    Parameters
    ----------
    data
        :func:`load_set` of each gold set, by name.

    Returns
    -------
    pandas.DataFrame
        ``set, doc_id, sent_id``, ``words`` and ``evidence`` (feature counters), a 0/1
        column a frame (gold) and ``dict_<frame>`` (the dictionary).
    """
    parts = []
    for name, d in data.items():
        lab = d["labels"]
        sents = d["labelled"].merge(lab[["doc_id", "sent_id", *FRAMES]], on=["doc_id", "sent_id"])
        keys = list(zip(sents["doc_id"], sents["sent_id"], strict=True))
        pos = {k: i for i, k in enumerate(keys)}
        dp = np.zeros((len(sents), len(FRAMES)), dtype=int)
        for r in d["match"].itertuples(index=False):
            dp[pos[(r.doc_id, r.sent_id)], FRAMES.index(r.frame)] = 1
        words = [_word_features(t, k) for t, k in zip(sents["text"], sents["kind"], strict=True)]
        parts.append(
            pd.DataFrame(
                {
                    "set": name,
                    "doc_id": sents["doc_id"].astype(str),
                    "sent_id": sents["sent_id"],
                    "words": words,
                    "evidence": _dictionary_features(keys, d["terms"], d["match"]),
                    **{f: sents[f].astype(int) for f in FRAMES},
                    **{"dict_" + f: dp[:, j] for j, f in enumerate(FRAMES)},
                }
            )
        )
        ours = scores(sents[FRAMES].to_numpy(), dp)
        official = d["official"].set_index("frame")
        for f in [*FRAMES, "all (micro)", "macro"]:
            for m in ("precision", "recall", "f1"):
                a, b = ours[f][m], official.loc[f, m]
                if not ((math.isnan(a) and pd.isna(b)) or abs(a - b) < 1e-9):
                    raise AssertionError(f"scorer differs from gold.frame_scores: {name} {f} {m}")
    return pd.concat(parts, ignore_index=True)


class _Vocab:
    def __init__(self, rows: list[Counter], min_df: int = 2):
        df = Counter()
        for r in rows:
            df.update(r.keys())
        self.index = {k: i for i, k in enumerate(sorted(k for k, v in df.items() if v >= min_df))}

    def matrix(self, rows: list[Counter]) -> sp.csr_matrix:
        ind, val, ptr = [], [], [0]
        for r in rows:
            for k, v in r.items():
                j = self.index.get(k)
                if j is not None and v:
                    ind.append(j)
                    val.append(float(v))
            ptr.append(len(ind))
        return sp.csr_matrix((val, ind, ptr), shape=(len(rows), len(self.index)))


def _featurize(tr: pd.DataFrame, te: pd.DataFrame, which: str):
    def rows(df):
        if which == "words":
            return list(df["words"])
        return [w + e for w, e in zip(df["words"], df["evidence"], strict=True)]

    a, b = rows(tr), rows(te)
    v = _Vocab(a)
    return v.matrix(a), v.matrix(b)


# ---------------------------------------------------------------- model


def fit_lr(X: sp.csr_matrix, y: np.ndarray, lam: float) -> np.ndarray:
    """Fit an L2 logistic regression (bias not penalised) with L-BFGS-B from zeros.

    Parameters
    ----------
    X
        Features, a row a sentence.
    y
        0/1 labels.
    lam
        The L2 weight.

    Returns
    -------
    numpy.ndarray
        The weights, the bias last.
    """
    d = X.shape[1]
    Xt = X.T.tocsr()

    def loss(w):
        z = X @ w[:d] + w[d]
        p = 1.0 / (1.0 + np.exp(-z))
        g = p - y
        grad = np.empty(d + 1)
        grad[:d] = Xt @ g + lam * w[:d]
        grad[d] = g.sum()
        return (np.logaddexp(0, z) - y * z).sum() + 0.5 * lam * (w[:d] @ w[:d]), grad

    res = minimize(loss, np.zeros(d + 1), jac=True, method="L-BFGS-B", options={"maxiter": 2000})
    return res.x


def _predict(w: np.ndarray, X: sp.csr_matrix) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(X @ w[:-1] + w[-1])))


def _logloss(y: np.ndarray, p: np.ndarray) -> float:
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return float(-(y * np.log(p) + (1 - y) * np.log(1 - p)).mean())


def article_folds(doc_ids: pd.Series) -> np.ndarray:
    """Deal whole articles at random into :data:`N_FOLDS` folds.

    Parameters
    ----------
    doc_ids
        The article of each sentence.

    Returns
    -------
    numpy.ndarray
        Fold of each sentence; an article's sentences share one.
    """
    docs = sorted(doc_ids.unique())
    np.random.RandomState(SEED).shuffle(docs)
    return doc_ids.map({d: i % N_FOLDS for i, d in enumerate(docs)}).to_numpy()


def probabilities(tr: pd.DataFrame, te: pd.DataFrame, which: str):
    """Fit a model a frame on ``tr`` and give out-of-fold and held-out probabilities.

    Parameters
    ----------
    tr
        Training rows (:func:`build_rows`).
    te
        Held-out rows, touched only to predict.
    which
        ``"words"`` or ``"both"`` (words and the dictionary's evidence).

    Returns
    -------
    tuple of numpy.ndarray
        Out-of-fold probabilities on ``tr`` (article-grouped folds, each frame at the L2
        weight with the lowest out-of-fold log-loss) and the probabilities on ``te`` of
        that setting refitted on the whole of ``tr``.
    """
    folds = article_folds(tr["doc_id"])
    Y = tr[FRAMES].to_numpy()
    oof = {lam: np.zeros(Y.shape) for lam in LAMBDAS}
    for k in range(N_FOLDS):
        itr, iva = folds != k, folds == k
        Xa, Xb = _featurize(tr[itr], tr[iva], which)
        for j in range(len(FRAMES)):
            for lam in LAMBDAS:
                oof[lam][iva, j] = _predict(fit_lr(Xa, Y[itr, j].astype(float), lam), Xb)
    Xtr, Xte = _featurize(tr, te, which)
    P_oof = np.zeros(Y.shape)
    P_te = np.zeros((len(te), len(FRAMES)))
    for j in range(len(FRAMES)):
        lam = min(LAMBDAS, key=lambda L, j=j: _logloss(Y[:, j], oof[L][:, j]))
        P_oof[:, j] = oof[lam][:, j]
        P_te[:, j] = _predict(fit_lr(Xtr, Y[:, j].astype(float), lam), Xte)
    return P_oof, P_te


# ---------------------------------------------------------------- thresholds


def best_threshold(y, prob, base=None, mode: str = "f1", combine: str | None = None) -> float:
    """Choose a frame's probability threshold on out-of-fold (or, for the oracle, test) data.

    Parameters
    ----------
    y
        0/1 gold labels of the frame.
    prob
        The model's probabilities.
    base
        The dictionary's 0/1 decisions (as bool), for ``combine``.
    mode
        ``"f1"``: the best F1. ``"prec"``: the best F1 among thresholds with precision
        >= :data:`P_TARGET` and at least 5 predictions, else the most precise.
    combine
        ``None`` (``prob > t``), ``"and"`` (``base & prob > t``; ``t = 0`` is the pure
        dictionary) or ``"or"`` (``base | prob > t``; ``t = 1`` is the pure dictionary).

    Returns
    -------
    float
        The threshold (ties in F1 go to the one nearest 0.5).
    """
    grid = list(GRID)
    if combine == "and":
        grid = [0.0, *grid]
    if combine == "or":
        grid = [*grid, 1.0]
    cands = []
    for t in grid:
        m = prob > t
        p = m if combine is None else (base & m if combine == "and" else base | m)
        f1, prec = _f1(y, p.astype(int))
        cands.append((t, f1, prec, int(p.sum())))
    if mode == "f1":
        return max(cands, key=lambda c: (c[1], -abs(c[0] - 0.5)))[0]
    ok = [c for c in cands if not math.isnan(c[2]) and c[2] >= P_TARGET and c[3] >= 5]
    if ok:
        return max(ok, key=lambda c: (c[1], c[0]))[0]
    ok = [c for c in cands if c[3] >= 5 and not math.isnan(c[2])]
    return max(ok, key=lambda c: (c[2], c[1]))[0] if ok else cands[-1][0]


def decide(Y_tr, P_oof, D_tr, P_te, D_te, mode: str, combine: str | None) -> np.ndarray:
    """Threshold each frame as chosen on the training data, then predict the held-out set.

    Parameters
    ----------
    Y_tr, P_oof, D_tr
        Training gold labels, out-of-fold probabilities and dictionary decisions.
    P_te, D_te
        Held-out probabilities and dictionary decisions.
    mode, combine
        As :func:`best_threshold`.

    Returns
    -------
    numpy.ndarray
        0/1 predictions on the held-out set, a column a frame.
    """
    out = np.zeros(P_te.shape, dtype=int)
    for j in range(len(FRAMES)):
        t = best_threshold(Y_tr[:, j], P_oof[:, j], D_tr[:, j].astype(bool), mode, combine)
        m = P_te[:, j] > t
        if combine == "and":
            m = D_te[:, j].astype(bool) & m
        elif combine == "or":
            m = D_te[:, j].astype(bool) | m
        out[:, j] = m
    return out


# ---------------------------------------------------------------- runs

DCOLS = ["dict_" + f for f in FRAMES]


def rotation(rows: pd.DataFrame, held: str) -> dict[str, np.ndarray]:
    """Predict the held-out set with every method, trained on the other sets.

    Parameters
    ----------
    rows
        :func:`build_rows` of all sets.
    held
        The held-out set.

    Returns
    -------
    dict
        0/1 predictions on ``held`` by method name, and ``"gold"``.
    """
    tr = rows[rows["set"] != held].reset_index(drop=True)
    te = rows[rows["set"] == held].reset_index(drop=True)
    Ytr, Yte = tr[FRAMES].to_numpy(), te[FRAMES].to_numpy()
    Dtr, Dte = tr[DCOLS].to_numpy(), te[DCOLS].to_numpy()
    print(
        f"held out {held}: train {len(tr)} sentences / {tr['doc_id'].nunique()} articles, "
        f"test {len(te)} / {te['doc_id'].nunique()}",
        flush=True,
    )
    models = {which: probabilities(tr, te, which) for which in ("words", "both")}
    out = {"gold": Yte, f"dictionary ({DICTIONARY!r}, in context)": Dte}
    specs = [
        (f"{WORDS} (F1 thr)", "words", "f1", None),
        (f"{WORDS} (P>=.85 thr)", "words", "prec", None),
        (f"{BOTH} (F1 thr)", "both", "f1", None),
        (f"{BOTH} (P>=.85 thr)", "both", "prec", None),
        (f"dictionary AND {BOTH} (F1 thr)", "both", "f1", "and"),
        (f"dictionary OR {BOTH} (F1 thr)", "both", "f1", "or"),
    ]
    for name, which, mode, comb in specs:
        P_oof, P_te = models[which]
        out[name] = decide(Ytr, P_oof, Dtr, P_te, Dte, mode, comb)
    P_te = models["both"][1]
    out[ORACLE] = np.column_stack(
        [P_te[:, j] > best_threshold(Yte[:, j], P_te[:, j]) for j in range(len(FRAMES))]
    ).astype(int)
    return out


def _cell(s: dict, bold: bool = True) -> str:
    v = (s["all (micro)"]["precision"], s["all (micro)"]["recall"], s["all (micro)"]["f1"])
    v = (*v, s["macro"]["f1"])
    text = " / ".join(f"{x:.3f}" for x in v)
    return f"**{text}**" if bold and v[0] >= GOAL_P and v[3] >= GOAL_MF1 else text


def main_table(rows: pd.DataFrame, names: list[str]) -> None:
    results = {h: rotation(rows, h) for h in names}
    methods = [m for m in results[names[0]] if m != "gold"]
    sc = {(m, h): scores(results[h]["gold"], results[h][m]) for m in methods for h in names}
    last = names[-1]
    print(
        f"\nframes on each held-out set: micro P / micro R / micro F1 / macro F1 "
        f"(bold: micro P >= {GOAL_P} and macro F1 >= {GOAL_MF1}, issue 15)\n"
    )
    head = [f"{SETS[h]}{'' if h == last else ' *'} μP / μR / μF1 / MF1" for h in names]
    print("| method | " + " | ".join(head) + " | mean μP / μR / μF1 / MF1 |")
    print("|---" * (len(names) + 2) + "|")
    for m in methods:
        cells = [_cell(sc[(m, h)]) for h in names]
        acc = [
            [sc[(m, h)]["all (micro)"][k] for k in ("precision", "recall", "f1")]
            + [sc[(m, h)]["macro"]["f1"]]
            for h in names
        ]
        mean = np.nanmean(np.array(acc, dtype=float), axis=0)
        cells.append(" / ".join(f"{x:.3f}" for x in mean))
        print(f"| {m} | " + " | ".join(cells) + " |")
    print(
        f"\n* the dictionary was revised on the errors of {', '.join(names[:-1])}: with one of "
        "them held out, rows using the dictionary or its evidence are optimistic (words-only "
        f"rows are clean); {last} is clean for every row."
    )
    learned = [m for m in methods if m.startswith(("LR", "dictionary AND", "dictionary OR"))]
    best = max(learned, key=lambda m: sc[(m, last)]["macro"]["f1"])
    dic = methods[0]
    print(f"\nper frame on {last}: P / R / F1 of the dictionary and of the learned row with")
    print(f"the highest macro F1 there ({best})\n")
    print("| frame | support | dictionary P / R / F1 | best learned P / R / F1 |")
    print("|---|---|---|---|")
    for f in [*FRAMES, "all (micro)", "macro"]:
        a, b = sc[(dic, last)][f], sc[(best, last)][f]
        pa, pb = (" / ".join(f"{s[k]:.3f}" for k in ("precision", "recall", "f1")) for s in (a, b))
        print(f"| {f} | {a['support']} | {pa} | {pb} |")


def curve(rows: pd.DataFrame, names: list[str]) -> None:
    last, others = names[-1], names[:-1]
    te = rows[rows["set"] == last].reset_index(drop=True)
    Yte = te[FRAMES].to_numpy()
    print(
        f"\nlearning curve on {last}: micro P / micro R / micro F1 / macro F1 with thresholds "
        "by CV on the training sets, and the macro F1 with thresholds chosen on the test set "
        "(a ceiling)\n"
    )
    print("| training sets | sentences | features | μP / μR / μF1 / MF1 | MF1, ceiling |")
    print("|---|---|---|---|---|")
    for k in range(1, len(others) + 1):
        for combo in itertools.combinations(others, k):
            tr = rows[rows["set"].isin(combo)].reset_index(drop=True)
            Y, D = tr[FRAMES].to_numpy(), tr[DCOLS].to_numpy()
            for which, label in (("words", "words"), ("both", "words + dictionary evidence")):
                P_oof, P_te = probabilities(tr, te, which)
                P = decide(Y, P_oof, D, P_te, te[DCOLS].to_numpy(), "f1", None)
                orac = np.column_stack(
                    [P_te[:, j] > best_threshold(Yte[:, j], P_te[:, j]) for j in range(len(FRAMES))]
                ).astype(int)
                ceiling = scores(Yte, orac)["macro"]["f1"]
                sets = " + ".join(SETS[c] for c in combo)
                print(
                    f"| {sets} | {len(tr)} | {label} | {_cell(scores(Yte, P), bold=False)} "
                    f"| {ceiling:.3f} |",
                    flush=True,
                )


def _texts(value: str) -> tuple[str, str]:
    name, sep, folder = value.partition("=")
    if not sep or name not in SETS or not folder:
        raise argparse.ArgumentTypeError(
            f"{value!r}: expected SET=DIR with SET one of {list(SETS)}"
        )
    return name, folder


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--texts",
        type=_texts,
        action="append",
        default=[],
        metavar="SET=DIR",
        help=f"folder of a gold set's <doc_id>.txt; once for each of {', '.join(SETS)}",
    )
    ap.add_argument(
        "--curve", action="store_true", help=f"also the learning curve on {[*SETS][-1]}"
    )
    args = ap.parse_args(argv)
    texts = dict(args.texts)
    missing = [s for s in SETS if s not in texts]
    if missing:
        ap.error(f"--texts SET=DIR is needed for {', '.join(missing)} (the protocol uses all four)")
    data = {}
    for name in SETS:
        try:
            d = load_set(name, texts[name])
        except InputError as e:
            print(f"error: {e}", file=sys.stderr)
            return 2
        if d is None:
            print(
                f"error: none of the texts of {DATA / name} is in {texts[name]}. The texts are "
                f"not redistributed: save each article as <doc_id>.txt there (see "
                f"{DATA / name / 'README.md'}), then run this again.",
                file=sys.stderr,
            )
            return 2
        data[name] = d
        print(
            f"{name}: {d['labels']['doc_id'].nunique()} articles, {len(d['labels'])} labelled "
            "sentences"
        )
    rows = build_rows(data)
    print("scorer check: the dictionary's scores equal gold.frame_scores on every set")
    names = list(SETS)
    main_table(rows, names)
    if args.curve:
        curve(rows, names)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
