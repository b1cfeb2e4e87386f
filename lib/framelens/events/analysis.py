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
    options={"events": None},
    prepare=_prepare,
)
