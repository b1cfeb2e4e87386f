"""Exercise mentions at corpus scale: what one partition finds and how the counts finish."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ..analysis import Analysis, Part, Table, summed
from .mentions import _mentions, mention_counts, total_counts
from .record import load_events


def _prepare(options: dict[str, Any]) -> dict[str, Any]:
    table = options["events"]
    if table is not None and not isinstance(table, pd.DataFrame):
        table = load_events(table)  # a bad table fails before any partition is computed
    return {**options, "events": table}


def _totals(found: pd.DataFrame) -> pd.DataFrame:
    """Return ``total_counts(mention_counts(found, by="document"))``, counted in Python.

    A partition's mentions are a few rows; the two grouped sums had taken longer than
    finding them. The same rows, order and dtypes: per kind, name and year (a missing
    year last) the mentions and the documents with one, by kind, most mentions first,
    then name.
    """
    if found.empty:
        return total_counts(mention_counts(found, by="document"))
    keys = list(
        zip(
            found["kind"].tolist(),
            found["canonical_name"].tolist(),
            found["event_year"].tolist(),
            strict=True,
        )
    )
    n: dict[tuple, int] = {}
    docs: dict[tuple, set] = {}
    for key, doc in zip(keys, found["doc_id"].tolist(), strict=True):
        n[key] = n.get(key, 0) + 1
        docs.setdefault(key, set()).add(doc)

    def rank(key: tuple) -> tuple:
        kind, name, year = key
        return kind, -n[key], name, year is pd.NA, 0 if year is pd.NA else year

    order = sorted(n, key=rank)
    return pd.DataFrame(
        {
            "kind": pd.array([k[0] for k in order], dtype=found["kind"].dtype),
            "canonical_name": pd.array([k[1] for k in order], dtype=found["canonical_name"].dtype),
            "event_year": pd.array([k[2] for k in order], dtype=found["event_year"].dtype),
            "n": np.array([n[k] for k in order], dtype="int64"),
            "n_docs": np.array([len(docs[k]) for k in order], dtype="int64"),
        }
    )


def _partial(part: Part) -> dict[str, pd.DataFrame]:
    # the partition's sentences are its documents' own: no need to compare their ids
    found = _mentions(part.sentences, part.options["events"], part.documents, same_documents=True)
    part.rows["exercise_mentions_rows"] = found
    if not part.options["include_embeds"]:
        found = found[found["sentence_kind"] == "prose"]
    # documents never span partitions, so the per-partition n_docs add up
    return {"event_totals": _totals(found)}


def _finish(parts: Mapping[str, pd.DataFrame], options: Mapping[str, Any]) -> dict:
    totals = parts["event_totals"].astype({"n": "int64", "n_docs": "int64"})
    return {"exercise_mentions": totals}


ANALYSIS = Analysis(
    name="events",
    notebook="04_exercise_frequency",
    partial=_partial,
    combine={"event_totals": summed(["kind", "canonical_name", "event_year"], ["n", "n_docs"])},
    finish=_finish,
    tables={
        "exercise_mentions": Table(
            ("kind", "canonical_name", "event_year"),
            "References to exercises and patrols per family and event year (each resolved "
            "against its own article's date), exercise words and claim cues, over the corpus.",
        )
    },
    figures={
        "exercise_frequency": "Events of the record per year and domain; outlined: named in the "
        "corpus; hatched: after the record's end.",
    },
    outputs={
        "exercise_mentions": (
            "References to joint exercises and patrols (dated against each article's own "
            "date, linked to the record), exercise words and claim cues, with their "
            "sentences."
        ),
        "exercise_mention_counts": "Mentions per exercise family and year.",
        "events_per_year": "Exercises per year in the sourced event record.",
        "exercise_trend": "Poisson trend of exercises per year: rate ratio, interval, window.",
        "claims": (
            "Claims of the coverage (ordinal, count, first-time, frequency, place, named "
            "year) checked against the record as of each article's date, with evidence and "
            "cut."
        ),
        "document_cuts": (
            "Each article's cut: the date its claims are checked at, and where it came from."
        ),
    },
    options={"events": None},
    prepare=_prepare,
)
