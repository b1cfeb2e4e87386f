"""Frames at corpus scale: what one partition counts and how the counts finish."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from .. import corpus
from ..analysis import Analysis, Part, Table, concatenated, summed
from ..params import check_bool
from .dictionary import load_dictionary
from .match import match
from .profile import profile, profile_counts


def _prepare(options: dict[str, Any]) -> dict[str, Any]:
    check_bool("frame_context", options["frame_context"])
    # loaded once here: a bad dictionary fails before any partition is computed
    return {**options, "dictionary": load_dictionary(options["dictionary"])}


def _partial(part: Part) -> dict[str, pd.DataFrame]:
    d = part.options["dictionary"]
    hits = match(part.sentences, d, context=part.options["frame_context"], tokens=part.tokens)
    part.rows["frame_sentences"] = hits
    include_embeds = bool(part.options["include_embeds"])
    hits_in_scope = corpus.in_scope(hits, include_embeds)
    scoped = part.scoped
    if len(scoped) == len(part.sentences):  # no embed left out: the frame the tokens are of
        scoped = part.sentences
    counts = profile_counts(scoped, hits_in_scope, d, tokens=part.tokens)
    counts["n_documents"] = (counts["n_sentences"] > 0).astype("int64")  # summed below
    totals = counts.drop(columns=["doc_id"]).groupby(["frame", "dictionary"], as_index=False)
    out = {"frame_counts": counts, "frame_totals": totals.sum()}
    if part.groups is not None:
        # per group, summed over its documents (a group with no sentence in scope has no row)
        labelled = counts.merge(part.groups, on="doc_id", how="inner", validate="many_to_one")
        by = labelled.drop(columns=["doc_id"]).groupby(["group", "frame", "dictionary"])
        out["frame_group_totals"] = by.sum().reset_index()
    return out


def _finish(parts: Mapping[str, pd.DataFrame], options: Mapping[str, Any]) -> dict:
    corpus_profile = profile(parts["frame_totals"].assign(doc_id="corpus"))
    out = {"frame_profile": corpus_profile.drop(columns=["doc_id"], errors="ignore")}
    if "frame_group_totals" in parts:
        groups = profile(parts["frame_group_totals"].rename(columns={"group": "doc_id"}))
        out["frame_groups"] = groups.rename(columns={"doc_id": "group"})
    if "frame_counts" in parts:
        out["frame_documents"] = profile(parts["frame_counts"])
    return out


ANALYSIS = Analysis(
    name="framing",
    notebook="03_framing",
    partial=_partial,
    combine={
        "frame_counts": concatenated("doc_id", "frame"),
        "frame_totals": summed(),
        "frame_group_totals": summed(),
    },
    finish=_finish,
    tables={
        "frame_documents": Table(("doc_id", "frame"), "Frame shares per document."),
        "frame_profile": Table(("frame",), "Frame shares of the whole corpus."),
        "frame_groups": Table(
            ("group", "frame"),
            "Frame shares per group of documents (group_by, by period if set), over the "
            "whole corpus.",
        ),
    },
    per_document=("frame_counts",),
    figures={
        "frame_profile": "Share of sentences carrying each frame, per document or group.",
        "frame_flow": "Frames paragraph by paragraph through one document (colour: share of the "
        "paragraph's sentences; number: sentences).",
        "actor_frames": "Share of the sentences naming each actor that carry each frame.",
        "sources_by_type": "Cited sources by type (official, state media, expert, unnamed...).",
    },
    outputs={
        "frame_sentences": (
            "Every frame cue found, with its sentence and the words that triggered it."
        ),
        "frame_cues": (
            "Every dictionary match and its status: counted, negated, in a name, weak alone."
        ),
        "frame_documents": "Frame shares per document.",
        "frame_groups": "Frame shares per group of documents.",
        "frame_cooccurrence": "How often two frames are cued in the same sentence.",
        "frame_flow": "Frames sentence by sentence through each document.",
        "frame_accuracy": "Dictionary frames against hand labels: precision, recall, F1.",
        "frame_disagreements": "Sentences where the dictionary and the hand labels disagree.",
        "actor_frames": "Frames cued in the sentences that name each actor.",
        "attributions": "Who is quoted or cited, and the frames of what they say.",
        "attribution_groups": "Who each group of documents cites, by source type.",
        "hedging_sentences": "Hedges and boosters found in each sentence.",
        "hedging_documents": "Hedges and boosters per document.",
    },
    options={"dictionary": "security", "frame_context": True},
    prepare=_prepare,
)
