"""Stance toward each actor: target-dependent sentiment, trained offline on NewsMTSC.

Sentence tone (:func:`framelens.sentiment.actor_tone`) gives every actor of a sentence
the sentence's score: in "Japan condemned China's drills" Japan and China get the same
negative number. Stance asks a different question: how is *this* actor portrayed? Here
China is portrayed negatively (its drills are condemned) and Japan is the one condemning.

The model
---------
A multinomial logistic regression (L2, class-balanced, fitted with L-BFGS) over features
of the words *around the target*, never the target's own words, so a name carries no prior
of its own. Each word is placed by the nearest of the target's mentions (a word between
"Clinton" and a later "she" counts from the nearer one):

* each other word of the sentence (``w:``), the words within ``WINDOW`` tokens left or
  right of the target (``nL:``/``nR:``), the words next to it (``aL:``/``aR:``), the
  word pairs starting within the window (``bL:``/``bR:``), the words of the target's own
  clause (``c:``, clauses end at commas, quotes, dashes, "but", "while" …) and every word
  weighted by 2/(1 + distance) (``d:``); words are lower-cased and Porter-stemmed;
* lexicon valence near the target: VADER valences (flipped by a negation in the three
  words before) and Pattern/TextBlob polarities, weighted by 1/(1 + distance), left and
  right apart and within the clause; and the same valences summed per family and sign
  (``vader-@aL`` is the VADER valence of a negative word right before the target,
  ``pattern+@c`` the Pattern polarity of the positive words in its clause …), so that
  "a negative word right before" is learned once for every word the lexicon rates;
* where the target stands (first token, first three) and whether the sentence quotes.

It is trained on NewsMTSC's training split (Hamborg & Donnay 2021: political news
sentences, each target labelled negative, neutral or positive by crowd workers), its
features and L2 weight chosen by cross-validation on that split (folds of whole sentences),
with its multi-target dev-test split measured beside; ``benchmarks/train_stance.py`` refits
it and writes the shipped weights (``data/stance_model.npz``) and their card
(``data/stance_model.json``, with the cross-validated and dev-test figures of
:func:`metrics`). The model is small (about 33,000 weights a class) and deterministic, and
uses nothing outside the pinned packages.

Evidence
--------
Each prediction lists what moved it most toward the predicted polarity: the weight of
every feature of a word, times its value, against the mean of the three classes, summed
per word; the lexicon sums are summed per lexicon and name their strongest words (valence
weighted by nearness). For Russia in "Critics blamed Russia for the attack.":
``VADER words (blamed -1.05, attack -0.53, critics -0.40) +2.38; "blamed" +0.59;
"critics" +0.40``.

Partitions
----------
:func:`stance` works on any subset of sentences (one row per actor and sentence);
:func:`stance_summary` turns the concatenated rows of every partition into means with
seeded bootstrap intervals per actor (and group), seeded per unit so the interval does not
depend on the partitioning.
"""

from __future__ import annotations

import bisect
import json
import math
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .errors import InputError, ParameterError
from .params import check_bool, check_columns, check_int, check_number

__all__ = [
    "POLARITIES",
    "STANCE_COLUMNS",
    "SUMMARY_COLUMNS",
    "WINDOW",
    "StanceModel",
    "baseline_predictions",
    "evaluate",
    "features",
    "fit",
    "load_model",
    "metrics",
    "model_summary",
    "plot_stance",
    "predict",
    "read_newsmtsc",
    "stance",
    "stance_summary",
]

POLARITIES = ("negative", "neutral", "positive")
WINDOW = 4
NEWSMTSC_POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}

STANCE_COLUMNS = [
    "actor",
    "type",
    "doc_id",
    "sent_id",
    "n_mentions",
    "stance",
    "probability",
    "p_negative",
    "p_neutral",
    "p_positive",
    "stance_score",
    "evidence",
    "compound",
    "text",
]
SUMMARY_COLUMNS = [
    "actor",
    "type",
    "n_sentences",
    "n_documents",
    "mean_stance",
    "stance_ci_low",
    "stance_ci_high",
    "share_negative",
    "share_neutral",
    "share_positive",
    "mean_compound",
    "tone_ci_low",
    "tone_ci_high",
]

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\u2019\-]*|\d+|[^\sA-Za-z\d]")
#: apostrophes as typed ("can’t", "canʼt") read as the straight one the lexicons use
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})
_BOUNDARY = frozenset(
    {",", ";", ":", "but", "while", "although", "though", "whereas"}
    | {"\u201c", "\u201d", '"', "(", ")", "\u2014", "\u2013"}
)
_NEGATION = frozenset({"not", "no", "never", "n't", "nor", "without", "cannot"})
_QUOTES = ("\u201c", '"')
#: dense features: what the evidence calls them (the lexicon sums are grouped per lexicon)
_DENSE_NAMES = {
    "t:start": "target opens the sentence",
    "t:early": "target among the first three tokens",
    "quote": "sentence quotes someone",
}
_LEXICON_LABELS = {"@vader": "VADER words", "@pattern": "Pattern words"}
_VADER_SUMS = ("v_all", "v_near", "v_clause", "v_L", "v_R", "vpos", "vneg")
_PATTERN_SUMS = ("tb_near", "tb_L", "tb_R")


# ---------------------------------------------------------------------------------------
# lexicons, all from pinned packages


@cache
def _vader_lexicon() -> dict[str, float]:
    from .sentiment.vader import _analyzer

    return dict(_analyzer().lexicon)


@cache
def _pattern_lexicon() -> dict[str, float]:
    """Pattern's adjective polarities as shipped in TextBlob (``en/en-sentiment.xml``)."""
    import textblob

    path = Path(textblob.__file__).parent / "en" / "en-sentiment.xml"
    values: dict[str, list[float]] = {}
    for entry in ET.parse(path).getroot():
        form = (entry.get("form") or "").lower()
        if form and " " not in form:
            values.setdefault(form, []).append(float(entry.get("polarity") or 0.0))
    return {k: sum(v) / len(v) for k, v in values.items()}


@cache
def _stemmer():
    from nltk.stem import PorterStemmer

    return PorterStemmer()


@cache
def _stem(word: str) -> str:
    return _stemmer().stem(word)


# ---------------------------------------------------------------------------------------
# features


def features(
    text: str,
    spans: Sequence[tuple[int, int]],
    *,
    window: int = WINDOW,
    masked: Sequence[tuple[int, int]] = (),
    words: dict[str, Any] | None = None,
) -> Counter[str]:
    """Return the features of one target in one sentence.

    Parameters
    ----------
    text
        The sentence.
    spans
        ``(start, end)`` character offsets of the target's mentions in ``text`` (the first
        is the main one; the rest, e.g. "she" for "Hillary Clinton", are its other
        mentions). Tokens overlapping any span are the target and give no feature; every
        other word is placed (side, distance) from the nearest of them.
    window
        Tokens left and right of the target that count as near.
    masked
        Spans of other names (e.g. the other actors of the sentence): their words give no
        lexicon valence, so "United" in "United States" (VADER +1.8) does not make the
        sentence's other actors positive.
    words
        When given, filled with what the evidence quotes: each stem's words as written,
        and under ``"@vader"`` and ``"@pattern"`` the lexicon words that were counted
        with their valence weighted by nearness (VADER's flipped after a negation).

    Returns
    -------
    collections.Counter
        Feature name to value (the module docstring lists the families).

    Examples
    --------
    >>> f = features("Critics blamed Moscow for the attack.", [(15, 21)])
    >>> f["nL:blame"], f["aL:blame"], f["nR:attack"]
    (1, 1, 1)
    >>> round(f["vader-@aL"], 3), round(f["vader-@nR"], 3)  # blamed -2.1, attack -2.1
    (-0.525, -0.525)
    """
    toks = [
        (m.group(0).lower().translate(_APOSTROPHES), m.start(), m.end())
        for m in _TOKEN.finditer(text)
    ]
    target = [i for i, (_, s, e) in enumerate(toks) if any(s < b and e > a for a, b in spans)]
    mentions = sorted(set(target)) or [0]
    t0 = mentions[0]
    in_target = set(mentions)
    no_valence = {i for i, (_, s, e) in enumerate(toks) if any(s < b and e > a for a, b in masked)}
    n_bounds = [0]  # boundaries among the first i tokens: a clause check in O(1)
    for w, _, _ in toks:
        n_bounds.append(n_bounds[-1] + (w in _BOUNDARY))
    vader = _vader_lexicon()
    pattern = _pattern_lexicon()
    stems = [_stem(w) for w, _, _ in toks]
    negated = [False] * len(toks)  # a negation among the three words before
    for j, (w, _, _) in enumerate(toks):
        if w in _NEGATION:
            for k in range(j + 1, min(j + 4, len(toks))):
                negated[k] = True
    f: Counter[str] = Counter()
    for i, (word, _, _) in enumerate(toks):
        if i in in_target:
            continue
        # the nearest mention (the earlier one on a tie) says the side and the distance
        k = bisect.bisect_left(mentions, i)
        if k == 0:
            anchor = mentions[0]
        elif k == len(mentions) or i - mentions[k - 1] <= mentions[k] - i:
            anchor = mentions[k - 1]
        else:
            anchor = mentions[k]
        right = i > anchor
        side = "R" if right else "L"
        dist = abs(i - anchor)
        near = dist <= window
        stem = stems[i]
        if words is not None:
            words.setdefault(stem, set()).add(word)
        closeness = 2 / (1 + dist)
        f["w:" + stem] += 1
        f["d:" + stem] += closeness
        families = ["w", "d"]
        if near:
            f[f"n{side}:" + stem] += 1
            families.append("n" + side)
            if i + 1 < len(toks):
                f[f"b{side}:" + stem + "_" + stems[i + 1]] += 1
        if dist == 1:
            f[f"a{side}:" + stem] += 1
            families.append("a" + side)
        lo, hi = min(i, t0), max(i, t0)  # the clause of the main mention
        same_clause = n_bounds[hi + 1] == n_bounds[lo]
        if same_clause:
            f["c:" + stem] += 1
            families.append("c")
        weight = 1 / (1 + dist)
        if i in no_valence:
            continue
        lexical = []
        tb = pattern.get(word)
        if tb:
            if words is not None:
                words.setdefault("@pattern", {})[word] = tb * weight
            f["tb_near"] += tb * weight
            f["tb_" + side] += tb * weight
        valence = vader.get(word)
        if valence is not None:
            if negated[i]:
                valence = -valence * 0.74  # VADER's N_SCALAR
            if words is not None:
                words.setdefault("@vader", {})[word] = valence * weight
            f["v_all"] += valence / 4
            f["v_near"] += valence * weight
            f["v_" + side] += valence * weight
            if same_clause:
                f["v_clause"] += valence / 4
            f["vpos" if valence > 0 else "vneg"] += weight
            lexical.append(("vader", valence / 4))
        if tb:
            lexical.append(("pattern", tb))
        # the lexicon value summed per family and sign: "a negative word right before"
        for lexicon, value in lexical:
            prefix = lexicon + ("+" if value > 0 else "-") + "@"
            for family in families:
                f[prefix + family] += value * (closeness if family == "d" else 1)
    if t0 == 0:
        f["t:start"] = 1
    if t0 < 3:
        f["t:early"] = 1
    if any(q in text for q in _QUOTES):
        f["quote"] = 1
    f["bias"] = 1
    return f


def _group(name: str) -> str:
    """Return the evidence group of a feature: its word(s), or ``@`` and what it sums.

    Groups that are not words start with ``@``, which no stem does, so that the word
    "pattern" and the Pattern lexicon stay apart.
    """
    if name in _DENSE_NAMES:
        return "@" + name
    if name in _VADER_SUMS or name.startswith(("vader+@", "vader-@")):
        return "@vader"
    if name in _PATTERN_SUMS or name.startswith(("pattern+@", "pattern-@")):
        return "@pattern"
    return name.split(":", 1)[1]


def _label(group: str, words: dict[str, Any] | None = None) -> str:
    """Readable name of an evidence group: its words, or what the value means."""
    words = words or {}
    if group.startswith("@") and group[1:] in _DENSE_NAMES:
        return _DENSE_NAMES[group[1:]]
    if group in _LEXICON_LABELS:
        label = _LEXICON_LABELS[group]
        if words.get(group):
            top = sorted(words[group].items(), key=lambda kv: (-abs(kv[1]), kv[0]))[:3]
            label += " (" + ", ".join(f"{w} {v:+.2f}" for w, v in top) + ")"
        return label
    stems = group.split("_")
    return '"' + " ".join("/".join(sorted(words[s])) if s in words else s for s in stems) + '"'


# ---------------------------------------------------------------------------------------
# the model


@dataclass(frozen=True)
class StanceModel:
    """Feature names, their weights per class and the card that says how they were made.

    Attributes
    ----------
    names
        Feature names (the vocabulary), sorted.
    weights
        ``(len(names), 3)`` float array, columns in :data:`POLARITIES` order.
    card
        Training data, settings and measured figures (``data/stance_model.json``).
    """

    names: tuple[str, ...]
    weights: np.ndarray
    card: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def index(self) -> dict[str, int]:
        """Feature name to row of ``weights``."""
        return {n: j for j, n in enumerate(self.names)}

    @cached_property
    def evidence_keys(self) -> tuple[np.ndarray, list[str]]:
        """Each feature's evidence group (a word, word pair or lexicon sum), once a model."""
        return _evidence_keys(self.names)

    def matrix(self, rows: Iterable[Counter[str]]):
        """Sparse matrix of feature rows (unknown features dropped).

        Parameters
        ----------
        rows
            One :func:`features` counter per target: feature name to value.

        Returns
        -------
        scipy.sparse.csr_matrix
            Float64, one row per counter of ``rows`` (in order) and one column per
            feature of :attr:`names` (its row in :attr:`index`); features not in
            :attr:`names` are left out.
        """
        from scipy import sparse

        index = self.index
        data, cols, ptr = [], [], [0]
        for f in rows:
            for k, v in f.items():
                j = index.get(k)
                if j is not None:
                    cols.append(j)
                    data.append(float(v))
            ptr.append(len(cols))
        return sparse.csr_matrix(
            (np.asarray(data), np.asarray(cols, dtype=np.int64), np.asarray(ptr)),
            shape=(len(ptr) - 1, len(self.names)),
        )

    def save(self, npz: str | Path, card: str | Path) -> None:
        """Write the weights (float32) and the card (JSON) that :func:`load_model` reads.

        Parameters
        ----------
        npz
            The compressed NumPy file for ``names`` and ``weights`` (``.npz`` is added to
            a name without it); replaced if it exists.
        card
            The JSON file for :attr:`card` (keys sorted, indented by 2); replaced if it
            exists.
        """
        np.savez_compressed(
            npz, names=np.asarray(self.names), weights=self.weights.astype(np.float32)
        )
        Path(card).write_text(json.dumps(self.card, indent=2, sort_keys=True) + "\n")


def _evidence_keys(names: tuple[str, ...]) -> tuple[np.ndarray, list[str]]:
    """Group the features of one word (or word pair, or lexicon) for the evidence.

    Returns the group of each feature (−1 for the class prior) and the groups' keys, which
    :func:`_label` turns into what the reader sees.
    """
    groups: dict[str, int] = {}
    of = np.empty(len(names), dtype=np.int64)
    for j, name in enumerate(names):
        if name == "bias":
            of[j] = -1
            continue
        of[j] = groups.setdefault(_group(name), len(groups))
    return of, list(groups)


@cache
def load_model() -> StanceModel:
    """Load the shipped model (``framelens/data/stance_model.npz`` and its card).

    Returns
    -------
    StanceModel
        Its weights as float64 (shipped as float32) and its card; loaded once.
    """
    from .resources import data_path

    with np.load(data_path("stance_model.npz"), allow_pickle=False) as z:
        names = tuple(str(n) for n in z["names"])
        weights = z["weights"].astype(np.float64)
    card = json.loads(Path(data_path("stance_model.json")).read_text())
    return StanceModel(names, weights, card)


def model_summary(model: StanceModel | None = None) -> str:
    """One line: what the model was trained on and its figures on NewsMTSC's dev-test.

    Parameters
    ----------
    model
        A :class:`StanceModel` with a card; the shipped one by default.

    Returns
    -------
    str
        Training size, macro F1 (95% CI), accuracy and Cohen's kappa on devtest_mt, and
        the same for sentence tone used as stance.

    Examples
    --------
    >>> model_summary().startswith("Stance model: trained on 8739 NewsMTSC targets")
    True
    """
    card = (model or load_model()).card
    dev, base = card["dev"], card["dev_baseline_sentence_tone"]
    lo, hi = card["dev_macro_f1_ci95"]
    return (
        f"Stance model: trained on {card['n_train']} NewsMTSC targets; on {int(dev['n'])} "
        f"unseen targets of its multi-target test set macro F1 {dev['macro_f1']:.3f} "
        f"(95% CI {lo:.3f}-{hi:.3f}), accuracy {dev['accuracy']:.3f}, Cohen's kappa "
        f"{dev['kappa']:.3f}; sentence tone used as stance: macro F1 {base['macro_f1']:.3f}, "
        f"accuracy {base['accuracy']:.3f}, kappa {base['kappa']:.3f}."
    )


def fit(
    rows: Iterable[Counter[str]],
    labels: Sequence[str],
    *,
    l2: float = 2e-3,
    min_count: int = 2,
    max_iter: int = 500,
) -> StanceModel:
    """Fit the multinomial logistic regression on feature rows and their polarities.

    Parameters
    ----------
    rows
        One :func:`features` counter a target.
    labels
        Its polarity, one of :data:`POLARITIES`.
    l2
        Weight of the L2 penalty (on the mean, class-balanced log loss).
    min_count
        Keep features seen in at least this many targets.
    max_iter
        L-BFGS iterations.

    Returns
    -------
    StanceModel
        With a card holding the settings; :func:`evaluate` adds the figures.
    """
    from scipy.optimize import minimize

    rows = list(rows)
    y = np.array([_class(lab) for lab in labels])
    if len(rows) != len(y) or len(y) == 0:
        raise ParameterError("`rows` and `labels` must be equally long and not empty.")
    seen = Counter(k for f in rows for k in f)
    names = tuple(sorted(k for k, n in seen.items() if n >= min_count))
    X = StanceModel(names, np.zeros((len(names), 3))).matrix(rows)
    n, d = X.shape
    XT = X.T.tocsr()  # the gradient's product, laid out once
    counts = np.bincount(y, minlength=3)
    balance = (n / (3 * np.maximum(counts, 1)))[y]
    onehot = np.eye(3)[y]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        W = w.reshape(d, 3)
        Z = X @ W
        Z -= Z.max(axis=1, keepdims=True)
        P = np.exp(Z)
        P /= P.sum(axis=1, keepdims=True)
        value = -(balance * np.log(P[np.arange(n), y] + 1e-12)).sum() / n
        value += l2 / 2 * (W**2).sum()
        grad = XT @ ((P - onehot) * balance[:, None]) / n + l2 * W
        return float(value), np.asarray(grad).ravel()

    res = minimize(
        loss, np.zeros(d * 3), jac=True, method="L-BFGS-B", options={"maxiter": max_iter}
    )
    card = {
        "model": "multinomial logistic regression, L2, class-balanced, L-BFGS-B",
        "l2": l2,
        "min_count": min_count,
        "max_iter": max_iter,
        "window": WINDOW,
        "n_train": int(n),
        "n_features": int(d),
        "train_class_counts": dict(zip(POLARITIES, map(int, counts), strict=True)),
        "converged": bool(res.success),
    }
    return StanceModel(names, res.x.reshape(d, 3), card)


def _class(label: str) -> int:
    try:
        return POLARITIES.index(label)
    except ValueError:
        raise ParameterError(f"polarity {label!r} is not one of {list(POLARITIES)}.") from None


def _softmax(Z: np.ndarray) -> np.ndarray:
    Z = Z - Z.max(axis=1, keepdims=True)
    P = np.exp(Z)
    return P / P.sum(axis=1, keepdims=True)


def predict(
    model: StanceModel,
    rows: Sequence[Counter[str]],
    *,
    words: Sequence[dict[str, Any]] | None = None,
    top_n: int = 3,
) -> pd.DataFrame:
    """Predict polarity and probabilities for feature rows, with the evidence.

    Parameters
    ----------
    model
        A :class:`StanceModel`.
    rows
        One :func:`features` counter a target.
    words
        One dict a row, as filled by :func:`features`: the evidence then quotes the words
        as written instead of their stems, and names the lexicon words it summed.
    top_n
        How many words (or lexicon sums) the evidence names.

    Returns
    -------
    pandas.DataFrame
        ``stance, probability, p_negative, p_neutral, p_positive, evidence``, one row
        a feature row; ``evidence`` names the ``top_n`` words (or lexicon sums) that
        pushed most toward the predicted polarity with their contribution in log-odds.
    """
    X = model.matrix(rows)
    P = _softmax(np.asarray(X @ model.weights))
    k = P.argmax(axis=1)
    centred = model.weights - model.weights.mean(axis=1, keepdims=True)
    key_of, keys = model.evidence_keys
    evidence = []
    for r in range(X.shape[0]):
        lo, hi = X.indptr[r], X.indptr[r + 1]
        cols = X.indices[lo:hi]
        contrib = X.data[lo:hi] * centred[cols, k[r]]
        ids = key_of[cols]
        keep = ids >= 0  # the class prior is not evidence
        uniq, inv = np.unique(ids[keep], return_inverse=True)
        sums = np.bincount(inv, weights=contrib[keep], minlength=len(uniq))
        order = sorted(
            (i for i in range(len(uniq)) if sums[i] > 0), key=lambda i: (-sums[i], uniq[i])
        )[:top_n]
        row_words = words[r] if words is not None else None
        evidence.append(
            "; ".join(f"{_label(keys[uniq[i]], row_words)} {sums[i]:+.2f}" for i in order)
        )
    out = pd.DataFrame(
        {
            "stance": [POLARITIES[i] for i in k],
            "probability": P.max(axis=1),
            "p_negative": P[:, 0],
            "p_neutral": P[:, 1],
            "p_positive": P[:, 2],
            "evidence": evidence,
        }
    )
    return out


# ---------------------------------------------------------------------------------------
# NewsMTSC


def read_newsmtsc(path: str | Path) -> pd.DataFrame:
    """Read a NewsMTSC JSONL file into one row per target.

    Parameters
    ----------
    path
        A NewsMTSC ``.jsonl`` file (``train.jsonl``, ``devtest_mt.jsonl`` …).

    Returns
    -------
    pandas.DataFrame
        ``line, text, start, end, mention, polarity, spans``: ``spans`` holds the target's
        mention and its ``further_mentions`` as ``(start, end)`` pairs; ``polarity`` is
        negative (2.0), neutral (4.0) or positive (6.0).

    Raises
    ------
    InputError
        Naming the file and line of a row that is not JSON or lacks a field.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such NewsMTSC file.")
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                text = obj["sentence_normalized"]
                for t in obj["targets"]:
                    spans = [(int(t["from"]), int(t["to"]))]
                    spans += [(int(m["from"]), int(m["to"])) for m in t.get("further_mentions", [])]
                    rows.append(
                        (
                            line_no,
                            text,
                            spans[0][0],
                            spans[0][1],
                            t["mention"],
                            NEWSMTSC_POLARITY[float(t["polarity"])],
                            spans,
                        )
                    )
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(
                    f"{path}, line {line_no}: expected a NewsMTSC object with "
                    f"`sentence_normalized` and `targets` (`from`, `to`, `mention`, "
                    f"`polarity` 2.0/4.0/6.0); {type(exc).__name__}: {exc}."
                ) from None
    return pd.DataFrame(
        rows, columns=["line", "text", "start", "end", "mention", "polarity", "spans"]
    )


def metrics(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    """Macro F1, accuracy, Cohen's kappa and per-class F1 of polarity predictions.

    Parameters
    ----------
    gold, predicted
        Polarities (:data:`POLARITIES`), equally long.

    Returns
    -------
    dict
        ``n``, ``f1_negative``, ``f1_neutral``, ``f1_positive``, ``macro_f1`` (their
        mean; a class never predicted correctly counts 0), ``accuracy`` and ``kappa``.

    Examples
    --------
    >>> m = metrics(["negative", "neutral", "positive", "neutral"],
    ...             ["negative", "neutral", "neutral", "neutral"])
    >>> round(m["macro_f1"], 3), m["accuracy"], round(m["kappa"], 3)
    (0.6, 0.75, 0.556)
    """
    g = np.array([_class(x) for x in gold])
    p = np.array([_class(x) for x in predicted])
    if len(g) != len(p) or len(g) == 0:
        raise ParameterError("`gold` and `predicted` must be equally long and not empty.")
    out: dict[str, float] = {"n": int(len(g))}
    f1s = []
    for k, name in enumerate(POLARITIES):
        tp = int(((p == k) & (g == k)).sum())
        fp = int(((p == k) & (g != k)).sum())
        fn = int(((p != k) & (g == k)).sum())
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        out[f"f1_{name}"] = f1
        f1s.append(f1)
    out["macro_f1"] = float(np.mean(f1s))
    po = float((g == p).mean())
    pe = float(sum((g == k).mean() * (p == k).mean() for k in range(3)))
    out["accuracy"] = po
    out["kappa"] = (po - pe) / (1 - pe) if pe < 1 else 0.0
    return out


def baseline_predictions(texts: Sequence[str], *, threshold: float = 0.05) -> list[str]:
    """Sentence tone as stance: VADER's compound of the whole sentence, ±``threshold``.

    Parameters
    ----------
    texts
        Sentences.
    threshold
        Positive at a compound of ``threshold`` or more, negative at ``-threshold`` or
        less, neutral between.

    Returns
    -------
    list of str
        One polarity a sentence, the same for every target in it.
    """
    from .sentiment.vader import _engine

    engine = _engine()
    out = []
    for t in texts:
        compound = engine.score(t)[3]
        out.append(
            "positive"
            if compound >= threshold
            else "negative"
            if compound <= -threshold
            else "neutral"
        )
    return out


def evaluate(model: StanceModel, targets: pd.DataFrame) -> dict[str, float]:
    """Score the model on :func:`read_newsmtsc` rows: :func:`metrics` of its predictions.

    Parameters
    ----------
    model
        A :class:`StanceModel`.
    targets
        :func:`read_newsmtsc` rows (``text``, ``spans``, ``polarity``).

    Returns
    -------
    dict
        :func:`metrics` of the predicted against the labelled polarities.
    """
    check_columns("targets", targets, ["text", "spans", "polarity"])
    rows = [features(t, s) for t, s in zip(targets["text"], targets["spans"], strict=True)]
    return metrics(list(targets["polarity"]), list(predict(model, rows)["stance"]))


# ---------------------------------------------------------------------------------------
# corpus


def stance(
    sentences: pd.DataFrame,
    mentions: pd.DataFrame | None = None,
    *,
    gazetteer: pd.DataFrame | None = None,
    include_embeds: bool = False,
    model: StanceModel | None = None,
) -> pd.DataFrame:
    """Stance toward each actor in each sentence that names it (per-partition step).

    Parameters
    ----------
    sentences
        ``doc_id, sent_id, start, text`` (from :func:`framelens.corpus.segment`) or the
        scored rows of :func:`framelens.sentiment.score`, whose ``compound`` is carried
        along for comparison with sentence tone.
    mentions
        :func:`framelens.gazetteer.actor_mentions` of the same sentences (offsets into
        the document); found with ``gazetteer`` when omitted. Only ``actor`` mentions
        count: seas and regions (:data:`framelens.gazetteer.PLACE_TYPES`) are places, not
        stance targets.
    include_embeds
        Keep embedded posts (``kind == "embed"``).
    model
        A :class:`StanceModel`; the shipped one by default.

    Returns
    -------
    pandas.DataFrame
        :data:`STANCE_COLUMNS`: one row per actor and sentence (all its mentions in the
        sentence are one target), ``stance`` negative/neutral/positive with its
        ``probability`` and the three probabilities, ``stance_score = p_positive -
        p_negative`` (−1 … +1), ``evidence``, the sentence's ``compound`` (NaN when not
        scored) and ``text``. Sorted by ``actor, doc_id, sent_id``.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "text": [
    ...     "China praised Russia for its support, while the United States criticised "
    ...     "the drills."]})
    >>> stance(s)[["actor", "stance"]].values.tolist()
    [['China', 'positive'], ['Russia', 'positive'], ['United States', 'negative']]
    """
    from . import gazetteer as gz

    check_columns("sentences", sentences, ["doc_id", "sent_id", "text"])
    check_bool("include_embeds", include_embeds)
    frame = sentences
    if not include_embeds and "kind" in frame.columns:
        frame = frame[frame["kind"] != "embed"]
    if "start" not in frame.columns:
        frame = frame.assign(start=0)
    if mentions is None:
        mentions = gz.actor_mentions(frame, gazetteer)
    check_columns("mentions", mentions, ["doc_id", "sent_id", "actor", "start", "end"])
    if "type" in mentions.columns:
        mentions = mentions[~mentions["type"].isin(gz.PLACE_TYPES)]
    keep = ["doc_id", "sent_id", "start", "text"] + (
        ["compound"] if "compound" in frame.columns else []
    )
    joined = mentions[
        ["doc_id", "sent_id", "actor", "start", "end"]
        + (["type"] if "type" in mentions.columns else [])
    ].merge(frame[keep].rename(columns={"start": "sent_start"}), on=["doc_id", "sent_id"])
    if joined.empty:
        return _empty()
    if "type" not in joined.columns:
        joined["type"] = ""
    if "compound" not in joined.columns:
        joined["compound"] = np.nan
    joined = joined.sort_values(["actor", "doc_id", "sent_id", "start"], kind="stable")
    sent_mentions: dict[tuple, list] = {}
    for d, i, a, b in zip(
        mentions["doc_id"], mentions["sent_id"], mentions["start"], mentions["end"], strict=True
    ):
        sent_mentions.setdefault((d, int(i)), []).append((a, b))
    # one target per actor and sentence: its mentions, in order (plain lists: a pandas
    # group per target costs more than the features)
    grouped: dict[tuple, list] = {}
    for actor, typ, doc_id, sent_id, start, end, sent_start, compound, text in zip(
        joined["actor"], joined["type"], joined["doc_id"], joined["sent_id"], joined["start"],
        joined["end"], joined["sent_start"], joined["compound"], joined["text"], strict=True
    ):  # fmt: skip
        key = (actor, doc_id, int(sent_id))
        if key not in grouped:
            grouped[key] = [typ, int(sent_start), compound, text, []]
        grouped[key][4].append((int(start), int(end)))
    targets, rows, quoted = [], [], []
    for (actor, doc_id, sent_id), (typ, offset, compound, text, found) in grouped.items():
        spans = [(a - offset, b - offset) for a, b in found]
        others = [
            (int(a) - offset, int(b) - offset)
            for a, b in sent_mentions.get((doc_id, sent_id), ())
            if (int(a), int(b)) not in found
        ]
        seen: dict[str, Any] = {}
        rows.append(features(str(text), spans, masked=others, words=seen))
        quoted.append(seen)
        targets.append((actor, typ, doc_id, sent_id, len(spans), compound, text))
    pred = predict(model or load_model(), rows, words=quoted)
    meta = pd.DataFrame(
        targets, columns=["actor", "type", "doc_id", "sent_id", "n_mentions", "compound", "text"]
    )
    out = pd.concat([meta, pred], axis=1)
    out["stance_score"] = out["p_positive"] - out["p_negative"]
    out["compound"] = out["compound"].astype("float64")
    return out[STANCE_COLUMNS].reset_index(drop=True)


def _empty() -> pd.DataFrame:
    frame = pd.DataFrame({c: [] for c in STANCE_COLUMNS})
    types = {
        c: "float64"
        for c in STANCE_COLUMNS
        if c.startswith("p_") or c in ("probability", "stance_score", "compound")
    }
    types.update({"sent_id": "int64", "n_mentions": "int64"})
    return frame.astype(types).astype({c: "object" for c in STANCE_COLUMNS if c not in types})


def stance_summary(
    rows: pd.DataFrame,
    documents: pd.DataFrame | None = None,
    *,
    group_by: str | None = None,
    seed: int = 0,
    n_boot: int = 2000,
) -> pd.DataFrame:
    """Mean stance and mean sentence tone per actor (and group), with 95% intervals.

    Parameters
    ----------
    rows
        Concatenated :func:`stance` rows of every partition.
    documents
        The corpus's documents, needed with ``group_by``.
    group_by
        A column of ``documents`` (outlet, year …); its missing values form the group
        ``"(missing)"``.
    seed, n_boot
        Seeded percentile bootstrap of each mean (per actor and group, so the interval
        does not depend on partitioning), resampling documents when the sentences come
        from :data:`~framelens.sentiment.aggregate.MIN_DOCUMENTS` (5) or more (an
        article's sentences are not independent draws). From 2-4 documents the interval
        is NaN; from one document it is taken over its sentences (5 or more) for an
        actor, and is NaN for an actor in a group (one article's sentences say how
        precisely that article is measured, not the outlet's or the year's), as
        :func:`framelens.sentiment.aggregate` does with ``level="group"``.

    Returns
    -------
    pandas.DataFrame
        :data:`SUMMARY_COLUMNS` (with the ``group_by`` column after ``type``):
        ``mean_stance`` is the mean ``stance_score`` (−1 … +1), ``share_*`` the shares of
        predicted polarities, ``mean_compound`` the mean tone of the same sentences.
    """
    from .sentiment.aggregate import MAX_BOOT, _interval, _seed_for

    check_columns("rows", rows, STANCE_COLUMNS)
    n_boot = check_int("n_boot", n_boot, min_value=100, max_value=MAX_BOOT)
    seed = check_int("seed", seed, min_value=0)
    check_number("seed", seed)
    keys = ["actor"]
    frame = rows
    if group_by is not None:
        if documents is None:
            raise ParameterError("`group_by` needs `documents` (the corpus's documents table).")
        from .groups import group_of

        frame = frame.assign(**{group_by: group_of(frame, documents, group_by)})
        keys.append(group_by)
    cols = SUMMARY_COLUMNS[:2] + ([group_by] if group_by else []) + SUMMARY_COLUMNS[2:]
    if frame.empty:
        return pd.DataFrame({c: [] for c in cols})
    frame = frame.sort_values(keys + ["doc_id", "sent_id"], kind="stable")
    out = []
    for key, grp in frame.groupby(keys, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        s = grp["stance_score"].to_numpy(float)
        scored = grp["compound"].notna().to_numpy()
        c = grp["compound"].to_numpy(float)[scored]
        docs = grp["doc_id"].to_numpy()  # by document from MIN_DOCUMENTS documents on
        # a group of one article gets no interval (README), an actor of one does
        alone = group_by is None
        slo, shi = _interval(s, docs, _seed_for(int(seed), ("stance",) + key), n_boot, alone)
        tlo, thi = _interval(c, docs[scored], _seed_for(int(seed), ("tone",) + key), n_boot, alone)
        shares = grp["stance"].value_counts(normalize=True)
        out.append(
            {
                "actor": key[0],
                "type": grp["type"].iloc[0],
                **({group_by: key[1]} if group_by else {}),
                "n_sentences": len(grp),
                "n_documents": grp["doc_id"].nunique(),
                "mean_stance": float(s.mean()),
                "stance_ci_low": slo,
                "stance_ci_high": shi,
                **{f"share_{p}": float(shares.get(p, 0.0)) for p in POLARITIES},
                "mean_compound": float(c.mean()) if len(c) else math.nan,
                "tone_ci_low": tlo,
                "tone_ci_high": thi,
            }
        )
    return pd.DataFrame(out, columns=cols)


# ---------------------------------------------------------------------------------------
# figure


#: most rows (actors, or actor and group) :func:`plot_stance` draws
MAX_STANCE_ROWS = 60


def plot_stance(
    summary: pd.DataFrame,
    *,
    group_by: str | None = None,
    min_n: int = 1,
    ax=None,
    max_rows: int = MAX_STANCE_ROWS,
):
    """Mean stance and mean sentence tone per actor (or actor and group), side by side.

    Each row of :func:`stance_summary` with at least ``min_n`` sentences gets two markers
    with their 95% intervals: stance toward the actor (filled) and the tone of the same
    sentences (hollow), both on −1 … +1. A row with one sentence, or with 2-4 documents,
    has no interval (a point without a bar), nor with ``group_by`` a row of one document;
    a note in the corner says so. Rows are ordered by stance, or with ``group_by`` by
    actor and group so that one actor's groups sit side by side.

    Parameters
    ----------
    summary
        :func:`stance_summary` rows.
    group_by
        The group column of ``summary`` when it was grouped; rows read "actor · group".
    min_n
        Leave out rows with fewer sentences.
    ax
        A matplotlib Axes; a new figure when omitted.
    max_rows
        Most rows drawn (default :data:`MAX_STANCE_ROWS`): with more (200 outlets), those
        with the most sentences, and the axis label says how many are left to the table.
        Groups that are periods (labels ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, as
        ``period`` makes them) are kept whole and in a run: the latest periods whose rows
        fit (the most named actors of the latest one, when its rows alone do not), so
        no actor's series of periods has holes; ``"(missing)"`` is left to the table.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0],
    ...                   "text": ["Japan condemned China."]})
    >>> ax = plot_stance(stance_summary(stance(s)))
    >>> ax.get_xlabel()
    'mean over sentences (−1 … +1), 95% bootstrap interval'
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    from .plots import PALETTE, new_axes, note_empty
    from .sentiment.plot import LEGEND_FONTSIZE, _are_periods

    need = [
        "actor",
        "n_sentences",
        "mean_stance",
        "stance_ci_low",
        "stance_ci_high",
        "mean_compound",
        "tone_ci_low",
        "tone_ci_high",
    ]
    check_columns("summary", summary, need + ([group_by] if group_by else []))
    min_n = check_int("min_n", min_n, min_value=1)
    max_rows = check_int("max_rows", max_rows, min_value=1)
    ax = new_axes(ax)
    d = summary[summary["n_sentences"] >= min_n]
    left = max(0, len(d) - max_rows)
    more = f": the {max_rows} most named, {left} more in the table" if left else ""
    when = d[group_by].astype(str) if group_by else pd.Series(dtype=str)
    sizes = when[when != "(missing)"].value_counts().sort_index(ascending=False)
    if left and len(sizes) and _are_periods(when):
        # periods (years, days): the latest whole periods that fit, not the rows with the
        # most sentences, which left holes in each actor's series of years
        keep = sizes.index[sizes.cumsum() <= max_rows].tolist()
        if keep:
            span = f"{keep[-1]} to {keep[0]}" if len(keep) > 1 else keep[0]
            more = f": the latest {len(keep)} ({span})"
        else:  # the latest period alone has too many rows: its most named actors
            keep = sizes.index[:1].tolist()
            more = f": the {max_rows} most named in {keep[0]}"
        n_all = len(d)
        d = d[when.isin(keep)]
        d = d.sort_values("n_sentences", ascending=False, kind="stable").head(max_rows)
        more += f", {n_all - len(d)} more rows in the table"
    elif left:
        d = d.sort_values("n_sentences", ascending=False, kind="stable").head(max_rows)
    if group_by:  # one actor's groups side by side, actors A to Z from the top
        d = d.sort_values(["actor", group_by], ascending=False, kind="stable")
    else:
        d = d.sort_values(["mean_stance", "actor"], kind="stable")
    d = d.reset_index(drop=True)
    y = np.arange(len(d))
    for col, lo, hi, dy, color, face, label in (
        (
            "mean_stance",
            "stance_ci_low",
            "stance_ci_high",
            0.15,
            PALETTE[0],
            None,
            "stance toward the actor (p positive − p negative)",
        ),
        (
            "mean_compound",
            "tone_ci_low",
            "tone_ci_high",
            -0.15,
            PALETTE[1],
            "white",
            "tone of the same sentences (VADER compound)",
        ),
    ):
        err_lo = (d[col] - d[lo]).fillna(0).clip(lower=0)
        err_hi = (d[hi] - d[col]).fillna(0).clip(lower=0)
        ax.errorbar(
            d[col],
            y + dy,
            xerr=[err_lo, err_hi],
            fmt="o",
            color=color,
            markerfacecolor=face or color,
            ecolor=color,
            capsize=3,
            label=label,
        )
    ax.axvline(0, color="0.5", lw=0.8)
    ax.set_yticks(y)
    names = d["actor"].astype(str)
    if group_by:
        names = names + " · " + d[group_by].astype(str)
    docs = d["n_documents"] if "n_documents" in d.columns else [None] * len(d)
    ax.set_yticklabels(
        [
            f"{a} (n={n}, {k} doc.)" if k is not None else f"{a} (n={n})"
            for a, n, k in zip(names, d["n_sentences"], docs, strict=True)
        ]
    )
    if len(d) and ((d["n_sentences"] >= 2) & d["stance_ci_low"].isna()).any():
        # a group of one article gets none either (stance_summary)
        few = "1-4 documents" if group_by else "2-4 documents, or 2-4 sentences of one document"
        ax.text(0.99, 0.01, f"a point without a bar: {few}: too few for an interval",
                transform=ax.transAxes, ha="right", va="bottom", fontsize=7,
                color="0.35")  # fmt: skip
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("mean over sentences (−1 … +1), 95% bootstrap interval")
    ax.set_ylabel(
        ("actor · " + group_by + " (sentences)" if group_by else "actor (sentences)") + more
    )
    ax.set_title("Stance toward each actor beside the tone around it")
    if not len(d):
        note_empty(ax, "No actor of the gazetteer is named"
                   + (f" in {min_n} sentences or more" if min_n > 1 else "")
                   + ".\nextra_actors adds names.")  # fmt: skip
    else:
        # below the axes (inside, it would cover the top actor's markers), 0.6 in under
        # them whatever the figure's height: a fraction of a tall axes leaves a gap
        tall = ax.get_position().height * ax.figure.get_figheight()
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.6 / max(tall, 0.5)),
                  fontsize=LEGEND_FONTSIZE, frameon=False)  # fmt: skip
    return ax
