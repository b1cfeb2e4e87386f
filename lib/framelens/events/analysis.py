"""Exercise mentions at corpus scale: what one partition finds and how the counts finish."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..analysis import Analysis, Part, Table, summed
from .mentions import mention_counts, mentions, total_counts
from .record import load_events


def _prepare(options: dict[str, Any]) -> dict[str, Any]:
    table = options["events"]
    if table is not None and not isinstance(table, pd.DataFrame):
        table = load_events(table)  # a bad table fails before any partition is computed
    return {**options, "events": table}


def _partial(part: Part) -> dict[str, pd.DataFrame]:
    found = mentions(part.sentences, events=part.options["events"], documents=part.documents)
    part.rows["exercise_mentions_rows"] = found
    if not part.options["include_embeds"]:
        found = found[found["sentence_kind"] == "prose"]
    # documents never span partitions, so the per-partition n_docs add up
    return {"event_totals": total_counts(mention_counts(found, by="document"))}


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
