"""Score :func:`mentions` and the claim check against a hand-labelled gold set.

The gold set (``tests/data/gold_exercises``: ``articles.csv``, ``mentions.csv``,
``claims.csv``, written to ``GUIDE.md``) holds offsets and labels only; the article texts
live elsewhere (copyright) and are passed as folders of ``<doc_id>.txt``, each checked
against the gold's SHA-256 and length before its offsets are trusted.

Definitions (also in the gold set's README):

* **Mention match.** A predicted reference (``kind="reference"``) and a gold mention
  *match* when they are in the same document, their character spans overlap by at
  least one character, they have the same ``type``, and the predicted ``family`` is
  empty or equal to the gold family. Matching is one-to-one, greedy by the longest
  overlap. **Precision** = matches / predicted references; **recall** = matches / gold
  mentions.
* **Date accuracy**, over matched mentions whose gold ``event_year`` is set: correct when
  the predicted ``event_year`` equals it and, where the gold ``event_date`` gives a month
  (``YYYY-MM``) or a day (``YYYY-MM-DD``), the predicted ``event_date`` starts with it.
* **Claim match** and **verdict accuracy**: a predicted claim (:func:`check_claims`)
  matches a gold claim when they are in the same document, their evidence spans overlap
  and they have the same ``claim_type`` (one-to-one, greedy by overlap). Verdict
  accuracy is the share of matched claims with the gold verdict; claim precision and
  recall are reported beside it.
* **Split.** To keep tuning honest, articles are split within each outlet group in
  ``articles.csv`` order: the 1st, 3rd, 5th … article is ``dev`` (tuned on), the 2nd,
  4th … ``test`` (held out).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ..errors import InputError

__all__ = [
    "GOLD_CLAIM_TYPES",
    "GOLD_FILES",
    "load_gold",
    "gold_documents",
    "match_spans",
    "score_mentions",
    "score_claims",
    "evaluate",
]

#: The files of a gold set and their required columns.
GOLD_FILES = {
    "articles": [
        "doc_id",
        "outlet",
        "outlet_group",
        "published",
        "url",
        "sha256",
        "n_chars",
        "source",
    ],
    "mentions": [
        "doc_id",
        "start",
        "end",
        "type",
        "family",
        "event_year",
        "event_date",
        "date_rule",
        "record_event",
        "ordinal",
        "notes",
    ],
    "claims": ["doc_id", "start", "end", "claim_type", "family", "claimed", "verdict", "reason"],
}


#: Claim types a gold set labels (``named_year`` claims are not labelled, so not scored).
GOLD_CLAIM_TYPES = ("ordinal", "count", "first_time", "frequency", "place")


def load_gold(folder: str | Path) -> dict[str, pd.DataFrame]:
    r"""Read and check a gold set: ``articles``, ``mentions`` and ``claims`` frames.

    Parameters
    ----------
    folder
        A folder with ``articles.csv``, ``mentions.csv`` and ``claims.csv``.

    Returns
    -------
    dict of pandas.DataFrame
        The three tables as strings (offsets and ``n_chars`` as integers), with a
        ``split`` column on ``articles`` (``dev``/``test``, see the module docstring).

    Raises
    ------
    InputError
        A missing file or column, a row naming an unknown article, or a span that is
        empty or backwards; each names the file and line.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "articles.csv").write_text(
    ...     "doc_id,outlet,outlet_group,published,url,sha256,n_chars,source\n"
    ...     "a,o,g,2020-01-01,u,x,10,s\n")
    >>> _ = (d / "mentions.csv").write_text(",".join(GOLD_FILES["mentions"]) + "\n")
    >>> _ = (d / "claims.csv").write_text(",".join(GOLD_FILES["claims"]) + "\n")
    >>> load_gold(d)["articles"][["doc_id", "split"]].values.tolist()
    [['a', 'dev']]
    """
    folder = Path(folder)
    out = {}
    for name, cols in GOLD_FILES.items():
        path = folder / f"{name}.csv"
        if not path.is_file():
            raise InputError(f"gold set {folder}: no {name}.csv (expected columns {cols}).")
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        missing = [c for c in cols if c not in frame.columns]
        if missing:
            raise InputError(
                f"{path}: missing column(s) {missing}; the file has {list(frame.columns)}."
            )
        out[name] = frame
    arts = out["articles"]
    arts["n_chars"] = arts["n_chars"].astype(int)
    known = set(arts["doc_id"])
    for name in ("mentions", "claims"):
        frame = out[name]
        for i, r in enumerate(frame.itertuples(index=False)):
            line = i + 2
            if r.doc_id not in known:
                raise InputError(
                    f"{folder / (name + '.csv')}, line {line}: doc_id {r.doc_id!r} is not in "
                    "articles.csv."
                )
            if not (str(r.start).isdigit() and str(r.end).isdigit()) or int(r.end) <= int(r.start):
                raise InputError(
                    f"{folder / (name + '.csv')}, line {line}: span {r.start}-{r.end} is empty, "
                    "backwards or not a pair of offsets."
                )
        frame["start"] = frame["start"].astype(int)
        frame["end"] = frame["end"].astype(int)
    split = []
    seen: dict[str, int] = {}
    for g in arts["outlet_group"]:
        seen[g] = seen.get(g, 0) + 1
        split.append("dev" if seen[g] % 2 == 1 else "test")
    arts["split"] = split
    return out


def gold_documents(articles: pd.DataFrame, texts: Sequence[str | Path]) -> pd.DataFrame:
    r"""Read the gold articles' texts from folders of ``<doc_id>.txt`` and check them.

    Parameters
    ----------
    articles
        ``load_gold(...)["articles"]``.
    texts
        Folders to look in, in order.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, title, source, published, url, text, outlet_group, split``: the
        documents, ready for :func:`framelens.corpus.segment`.

    Raises
    ------
    InputError
        If a text is missing (names the folders searched) or does not hash to the
        gold's ``sha256``/``n_chars`` (its offsets would not apply).

    Examples
    --------
    >>> import tempfile, pathlib, hashlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "a.txt").write_text("Hi.\n")
    >>> arts = pd.DataFrame({"doc_id": ["a"], "outlet": ["o"], "outlet_group": ["g"],
    ...     "published": ["2020-01-01"], "url": [""], "split": ["dev"], "n_chars": [4],
    ...     "sha256": [hashlib.sha256(b"Hi.\n").hexdigest()]})
    >>> gold_documents(arts, [d])["text"].tolist()
    ['Hi.\n']
    """
    folders = [Path(t) for t in texts]
    rows = []
    for r in articles.itertuples(index=False):
        path = next(
            (f / f"{r.doc_id}.txt" for f in folders if (f / f"{r.doc_id}.txt").is_file()), None
        )
        if path is None:
            raise InputError(
                f"gold article {r.doc_id!r}: no {r.doc_id}.txt in {[str(f) for f in folders]} "
                "(pass the folders of the labelled texts with --texts)."
            )
        data = path.read_bytes()
        text = data.decode("utf-8")
        if hashlib.sha256(data).hexdigest() != r.sha256 or len(text) != int(r.n_chars):
            raise InputError(
                f"{path}: not the text that was labelled (SHA-256 or length {len(text)} differs "
                f"from articles.csv's {r.n_chars}); its offsets do not apply."
            )
        rows.append(
            {
                "doc_id": r.doc_id,
                "title": "",
                "source": r.outlet,
                "published": r.published,
                "url": r.url,
                "text": text,
                "outlet_group": r.outlet_group,
                "split": r.split,
            }
        )
    return pd.DataFrame(rows)


def match_spans(
    pred: pd.DataFrame, gold: pd.DataFrame, *, same: Sequence[str], wildcard: Sequence[str] = ()
) -> list[tuple[int, int]]:
    """Match predicted and gold rows one-to-one by overlapping spans, greedy by overlap.

    Parameters
    ----------
    pred, gold
        Frames with ``doc_id, start, end`` and the columns named in ``same``/``wildcard``.
    same
        Columns that must be equal.
    wildcard
        Columns that must be equal unless the predicted value is empty.

    Returns
    -------
    list of (int, int)
        Pairs of positional indices (pred, gold), sorted.

    Examples
    --------
    >>> p = pd.DataFrame({"doc_id": ["a", "a"], "start": [0, 10], "end": [5, 12],
    ...                   "type": ["x", "x"]})
    >>> g = pd.DataFrame({"doc_id": ["a"], "start": [3], "end": [11], "type": ["x"]})
    >>> match_spans(p, g, same=["type"])
    [(0, 0)]
    """
    cands = []
    gold_by_doc: dict[str, list[int]] = {}
    for j, d in enumerate(gold["doc_id"].tolist()):
        gold_by_doc.setdefault(str(d), []).append(j)
    gs, ge = gold["start"].tolist(), gold["end"].tolist()
    ps, pe = pred["start"].tolist(), pred["end"].tolist()
    gsame = [gold[c].astype(str).tolist() for c in same]
    psame = [pred[c].astype(str).tolist() for c in same]
    gwild = [gold[c].astype(str).tolist() for c in wildcard]
    pwild = [pred[c].astype(str).tolist() for c in wildcard]
    for i, d in enumerate(pred["doc_id"].tolist()):
        for j in gold_by_doc.get(str(d), []):
            ov = min(pe[i], ge[j]) - max(ps[i], gs[j])
            if ov <= 0:
                continue
            if any(p[i] != g[j] for p, g in zip(psame, gsame, strict=True)):
                continue
            if any(p[i] and p[i] != g[j] for p, g in zip(pwild, gwild, strict=True)):
                continue
            cands.append((-ov, i, j))
    cands.sort()
    used_p, used_g, pairs = set(), set(), []
    for _, i, j in cands:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j))
    return sorted(pairs)


def _date_ok(pred_year, pred_date: str, gold_year: str, gold_date: str) -> bool:
    if pd.isna(pred_year) or str(int(pred_year)) != gold_year:
        return False
    if gold_date:
        return str(pred_date).startswith(gold_date)
    return True


def score_mentions(found: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Pair predicted references with gold mentions: one row per gold or predicted mention.

    Parameters
    ----------
    found
        :func:`framelens.events.mentions` of the gold documents (references are scored,
        other kinds ignored).
    gold
        The gold ``mentions`` table (only its documents' predictions should be passed).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, start, end, type, family, outcome, gold_start, gold_end, gold_type,
        gold_family, gold_year, gold_date, pred_year, pred_date, date_rule, date_ok,
        mention``: ``outcome`` is ``tp`` (matched), ``fp`` (predicted only) or ``fn``
        (gold only); ``date_ok`` is True/False for matched mentions with a gold year,
        else empty.

    Examples
    --------
    >>> g = pd.DataFrame({"doc_id": ["a"], "start": [0], "end": [11], "type":
    ...     ["named_exercise"], "family": ["Vostok"], "event_year": ["2018"],
    ...     "event_date": [""]})
    >>> p = pd.DataFrame({"doc_id": ["a"], "start": [0], "end": [11], "kind": ["reference"],
    ...     "type": ["named_exercise"], "family": ["Vostok"], "mention": ["Vostok 2018"],
    ...     "event_year": pd.array([2018], "Int64"), "event_date": [""],
    ...     "date_rule": ["named_year"]})
    >>> score_mentions(p, g)[["outcome", "date_ok"]].values.tolist()
    [['tp', True]]
    """
    pred = found[found["kind"] == "reference"].reset_index(drop=True)
    gold = gold.reset_index(drop=True)
    pairs = match_spans(pred, gold, same=["type"], wildcard=["family"])
    rows = []
    mp = dict(pairs)
    mg = {j: i for i, j in pairs}
    for i, r in enumerate(pred.itertuples(index=False)):
        j = mp.get(i)
        g = gold.iloc[j] if j is not None else None
        ok = None
        if g is not None and g["event_year"]:
            ok = _date_ok(r.event_year, r.event_date, g["event_year"], g["event_date"])
        rows.append(
            {
                "doc_id": r.doc_id,
                "start": r.start,
                "end": r.end,
                "type": r.type,
                "family": r.family,
                "outcome": "tp" if g is not None else "fp",
                "gold_start": None if g is None else int(g["start"]),
                "gold_end": None if g is None else int(g["end"]),
                "gold_type": "" if g is None else g["type"],
                "gold_family": "" if g is None else g["family"],
                "gold_year": "" if g is None else g["event_year"],
                "gold_date": "" if g is None else g["event_date"],
                "pred_year": r.event_year,
                "pred_date": r.event_date,
                "date_rule": r.date_rule,
                "date_ok": ok,
                "mention": r.mention,
            }
        )
    for j, g in gold.iterrows():
        if j in mg:
            continue
        rows.append(
            {
                "doc_id": g["doc_id"],
                "start": None,
                "end": None,
                "type": "",
                "family": "",
                "outcome": "fn",
                "gold_start": int(g["start"]),
                "gold_end": int(g["end"]),
                "gold_type": g["type"],
                "gold_family": g["family"],
                "gold_year": g["event_year"],
                "gold_date": g["event_date"],
                "pred_year": pd.NA,
                "pred_date": "",
                "date_rule": "",
                "date_ok": None,
                "mention": "",
            }
        )
    cols = [
        "doc_id",
        "start",
        "end",
        "type",
        "family",
        "outcome",
        "gold_start",
        "gold_end",
        "gold_type",
        "gold_family",
        "gold_year",
        "gold_date",
        "pred_year",
        "pred_date",
        "date_rule",
        "date_ok",
        "mention",
    ]
    return pd.DataFrame(rows, columns=cols)


def _verdict(v: str) -> str:
    return str(v).strip().replace("_", " ")


def score_claims(claims: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Pair predicted claims with gold claims; one row per gold or predicted claim.

    Parameters
    ----------
    claims
        :func:`framelens.events.check_claims_by_document` (or :func:`check_claims`)
        output with ``start``/``end`` evidence offsets; only the types of
        :data:`GOLD_CLAIM_TYPES` are scored.
    gold
        The gold ``claims`` table.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, claim_type, outcome, start, end, gold_start, gold_end, status,
        gold_verdict, verdict_ok, claim``: ``outcome`` ``tp``/``fp``/``fn``;
        ``verdict_ok`` True/False for matched claims.

    Examples
    --------
    >>> g = pd.DataFrame({"doc_id": ["a"], "start": [0], "end": [20], "claim_type":
    ...     ["ordinal"], "verdict": ["not_supported"]})
    >>> p = pd.DataFrame({"doc_id": ["a"], "start": [5], "end": [9], "claim_type":
    ...     ["ordinal"], "status": ["not supported"], "claim": ["the third"]})
    >>> score_claims(p, g)[["outcome", "verdict_ok"]].values.tolist()
    [['tp', True]]
    """
    pred = claims[claims["claim_type"].isin(GOLD_CLAIM_TYPES)].reset_index(drop=True)
    gold = gold.reset_index(drop=True)
    pairs = match_spans(pred, gold, same=["claim_type"])
    mp = dict(pairs)
    mg = {j: i for i, j in pairs}
    rows = []
    for i, r in pred.iterrows():
        j = mp.get(i)
        g = gold.iloc[j] if j is not None else None
        rows.append(
            {
                "doc_id": r["doc_id"],
                "claim_type": r["claim_type"],
                "outcome": "tp" if g is not None else "fp",
                "start": int(r["start"]),
                "end": int(r["end"]),
                "gold_start": None if g is None else int(g["start"]),
                "gold_end": None if g is None else int(g["end"]),
                "status": r["status"],
                "gold_verdict": "" if g is None else _verdict(g["verdict"]),
                "verdict_ok": None if g is None else _verdict(g["verdict"]) == r["status"],
                "claim": r["claim"],
            }
        )
    for j, g in gold.iterrows():
        if j in mg:
            continue
        rows.append(
            {
                "doc_id": g["doc_id"],
                "claim_type": g["claim_type"],
                "outcome": "fn",
                "start": None,
                "end": None,
                "gold_start": int(g["start"]),
                "gold_end": int(g["end"]),
                "status": "",
                "gold_verdict": _verdict(g["verdict"]),
                "verdict_ok": None,
                "claim": "",
            }
        )
    cols = [
        "doc_id",
        "claim_type",
        "outcome",
        "start",
        "end",
        "gold_start",
        "gold_end",
        "status",
        "gold_verdict",
        "verdict_ok",
        "claim",
    ]
    return pd.DataFrame(rows, columns=cols)


def _ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def summarise(scored: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Precision, recall and date (or verdict) accuracy of scored rows, overall or by a column.

    Parameters
    ----------
    scored
        :func:`score_mentions` or :func:`score_claims` output, with any extra columns
        (``split``, ``outlet_group``) to group by.
    by
        A column to group by (``None``: one row, ``"all"``).

    Returns
    -------
    pandas.DataFrame
        ``group, n_gold, n_pred, tp, precision, recall, n_dated, accuracy``: for
        mentions ``accuracy`` is the date accuracy over ``n_dated`` matched mentions
        with a gold year; for claims the verdict accuracy over the ``tp`` matched claims.

    Examples
    --------
    >>> s = pd.DataFrame({"outcome": ["tp", "fp", "fn"], "date_ok": [True, None, None]})
    >>> summarise(s)[["precision", "recall", "accuracy"]].values.tolist()
    [[0.5, 0.5, 1.0]]
    """
    ok_col = "date_ok" if "date_ok" in scored.columns else "verdict_ok"
    groups = [("all", scored)] if by is None else list(scored.groupby(by, sort=True))
    rows = []
    for name, g in groups:
        tp = int((g["outcome"] == "tp").sum())
        fp = int((g["outcome"] == "fp").sum())
        fn = int((g["outcome"] == "fn").sum())
        judged = g.loc[g["outcome"] == "tp", ok_col].dropna()
        rows.append(
            {
                "group": name,
                "n_gold": tp + fn,
                "n_pred": tp + fp,
                "tp": tp,
                "precision": _ratio(tp, tp + fp),
                "recall": _ratio(tp, tp + fn),
                "n_dated": len(judged),
                "accuracy": _ratio(float(judged.astype(bool).sum()), len(judged)),
            }
        )
    return pd.DataFrame(rows)


def evaluate(
    gold_dir: str | Path,
    texts: Sequence[str | Path],
    *,
    events: pd.DataFrame | None = None,
    year_start: int = 2005,
    year_end: int = 2025,
) -> dict[str, pd.DataFrame]:
    r"""Run mentions and the claim check on the gold articles and score them.

    Parameters
    ----------
    gold_dir
        The gold set folder (:func:`load_gold`).
    texts
        Folders holding the articles' texts (:func:`gold_documents`).
    events
        The event table (default: the shipped record).
    year_start, year_end
        The trend window of frequency claims (:func:`check_claims_by_document`).

    Returns
    -------
    dict of pandas.DataFrame
        ``mentions`` (:func:`score_mentions` with ``split`` and ``outlet_group``),
        ``claims`` (:func:`score_claims`, likewise), ``found`` (the predictions) and
        ``predicted_claims``.

    Examples
    --------
    >>> import tempfile, pathlib, hashlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); text = "Vostok 2018 began.\n"
    >>> _ = (d / "a.txt").write_text(text)
    >>> sha = hashlib.sha256(text.encode()).hexdigest()
    >>> _ = (d / "articles.csv").write_text(
    ...     "doc_id,outlet,outlet_group,published,url,sha256,n_chars,source\n"
    ...     f"a,o,g,2018-09-11,u,{sha},{len(text)},s\n")
    >>> _ = (d / "mentions.csv").write_text(",".join(GOLD_FILES["mentions"]) +
    ...     "\na,0,11,named_exercise,Vostok,2018,,named_year,Vostok|2018|2018-09-11,,\n")
    >>> _ = (d / "claims.csv").write_text(",".join(GOLD_FILES["claims"]) + "\n")
    >>> summarise(evaluate(d, [d])["mentions"])[["precision", "recall"]].values.tolist()
    [[1.0, 1.0]]
    """
    from .. import corpus
    from .claims import check_claims_by_document
    from .mentions import mentions
    from .record import document_cuts, load_events

    gold = load_gold(gold_dir)
    docs = gold_documents(gold["articles"], texts)
    table = load_events() if events is None else events
    sentences = corpus.segment(docs)
    found = mentions(sentences, events=table, documents=docs)
    cuts = document_cuts(docs)
    claims = check_claims_by_document(found, table, cuts, year_start=year_start, year_end=year_end)
    info = gold["articles"].set_index("doc_id")[["outlet_group", "split"]]
    m = score_mentions(found, gold["mentions"]).join(info, on="doc_id")
    c = score_claims(claims, gold["claims"]).join(info, on="doc_id")
    return {"mentions": m, "claims": c, "found": found, "predicted_claims": claims}
