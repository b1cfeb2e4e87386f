"""Sentence tone at corpus scale: what one partition scores and how the sums finish."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..analysis import Analysis, Part, Table, concatenated, summed
from .actors import actor_counts, actor_extremes, actor_sentences, actor_tone_finish
from .aggregate import (
    _aggregate,
    aggregate_counts,
    aggregate_finish,
    documents_table,
    rollup_counts,
)
from .score import _score_rows, _warn_unscored


def _partial(part: Part) -> dict[str, pd.DataFrame]:
    o = part.options
    include_embeds = bool(o["include_embeds"])
    # each sentence read once: its tokens make the document's compound too
    reads: list = []
    scores = _score_rows(
        part.sentences,
        pos_threshold=o["pos_threshold"],
        neg_threshold=o["neg_threshold"],
        reads=reads,
    )
    _warn_unscored(scores, stacklevel=2)
    part.rows["sentiment_sentences"] = scores
    rows = actor_sentences(
        scores, gazetteer=part.options["gazetteer"], include_embeds=include_embeds
    )
    document_counts = aggregate_counts(scores, level="document", include_embeds=include_embeds)
    documents = _aggregate(
        scores,
        level="document",
        documents=part.documents,
        include_embeds=include_embeds,
        seed=o["seed"],
        n_boot=o["n_boot"],
        reads=reads,
        counts=document_counts,
    )
    # the corpus's and the groups' sums are their documents' sums
    out = {
        "sentiment_documents": documents_table(documents),
        "sentiment_counts": rollup_counts(document_counts),
        "actor_counts": actor_counts(rows),
        "actor_extremes": actor_extremes(rows),
    }
    if part.groups is not None:
        out["sentiment_group_counts"] = rollup_counts(document_counts, part.groups)
    return out


def _prepare(options: dict[str, Any]) -> dict[str, Any]:
    """Load the actors: the shipped gazetteer, a loaded one, or the shipped plus extras."""
    from ..gazetteer import load_gazetteer
    from ..params import check_int, check_number

    g = options["gazetteer"]
    if g is not None and not isinstance(g, pd.DataFrame):
        options = {**options, "gazetteer": load_gazetteer(g)}
    options = dict(options)
    options["pos_threshold"] = check_number(
        "pos_threshold", options["pos_threshold"], min_value=-1, max_value=1
    )
    options["neg_threshold"] = check_number(
        "neg_threshold", options["neg_threshold"], min_value=-1, max_value=1
    )
    if options["neg_threshold"] > options["pos_threshold"]:
        from ..errors import ParameterError

        raise ParameterError(
            f"`neg_threshold` {options['neg_threshold']} is above `pos_threshold` "
            f"{options['pos_threshold']}: a compound would be both negative and positive."
        )
    options["seed"] = check_int("seed", options["seed"], min_value=0)
    options["n_boot"] = check_int("n_boot", options["n_boot"], min_value=100, max_value=100_000)
    return options


def _finish(parts: Mapping[str, pd.DataFrame], options: Mapping[str, Any]) -> dict:
    out = {
        "sentiment_corpus": aggregate_finish(parts["sentiment_counts"], n_documents=True),
        "actor_tone": actor_tone_finish(
            parts["actor_counts"],
            parts["actor_extremes"],
            seed=options["seed"],
            n_boot=options["n_boot"],
        ),
    }
    if "sentiment_group_counts" in parts:
        out["sentiment_groups"] = aggregate_finish(
            parts["sentiment_group_counts"], n_documents=True, one_document=False
        )
    if "sentiment_documents" in parts:
        out["sentiment_documents"] = parts["sentiment_documents"]
    return out


ANALYSIS = Analysis(
    name="sentiment",
    notebook="02_sentiment",
    partial=_partial,
    combine={
        "sentiment_documents": concatenated("doc_id"),
        "sentiment_counts": summed(),
        "sentiment_group_counts": summed(),
        "actor_counts": summed(),
        "actor_extremes": lambda frames: actor_extremes(pd.concat(frames, ignore_index=True)),
    },
    finish=_finish,
    tables={
        "sentiment_documents": Table(("doc_id",), "Tone per document."),
        "sentiment_corpus": Table(
            ("corpus",),
            "Tone of the whole corpus (interval clustered by document, t with documents - 1 df).",
        ),
        "sentiment_groups": Table(
            ("group",),
            "Tone per group of documents (group_by, by period if set), over the whole corpus "
            "(interval clustered by document, t with documents - 1 df; none from 2-4 documents).",
        ),
        "actor_tone": Table(
            ("actor",),
            "Tone per actor (alone and shared) with its most negative and most positive "
            "sentence (intervals clustered by document, t with documents - 1 df; none from 2-4 "
            "documents).",
        ),
    },
    figures={
        "sentiment_distribution": "Sentence tone (VADER compound) of prose and embedded posts; "
        "dashed lines: the label thresholds.",
        "sentiment_arc": "One document's tone sentence by sentence, with its rolling mean.",
        "sentiment_actor_tone": "Mean tone of the sentences naming each actor, 95% interval "
        "resampling documents; hollow marks: too few sentences or documents for an interval.",
        "sentiment_groups": "Mean sentence tone per group with its 95% interval; hollow marks: "
        "too few documents for an interval.",
        "sentiment_stance": "Stance toward each actor (the model) beside the tone of its "
        "sentences.",
        "sentiment_stance_groups": "Stance toward each actor per group.",
        "sentiment_methods": "VADER against Pattern, sentence by sentence (agreement of two "
        "lexicons).",
    },
    outputs={
        "sentiment_sentences": "VADER scores of every sentence, with the words that drove them.",
        "sentiment_documents": "Mean sentence tone per document with a bootstrap 95% interval.",
        "sentiment_paragraphs": "Mean sentence tone per paragraph with a bootstrap 95% interval.",
        "sentiment_groups": "Mean sentence tone per group of documents with a 95% interval.",
        "sentiment_actors": "Tone of the sentences that name each actor, with a 95% interval.",
        "sentiment_stance": "Stance toward each actor in each sentence, its probability "
        "and evidence.",
        "sentiment_stance_actors": "Mean stance toward each actor beside the tone of its "
        "sentences.",
        "sentiment_stance_groups": "Mean stance and tone per actor and group of documents.",
        "sentiment_domain": "How much tone moves with names masked and domain words neutral.",
        "sentiment_domain_sentences": "Sentence tone with names masked and domain words neutral.",
        "sentiment_methods": "VADER beside Pattern (TextBlob) on the same sentences.",
        "sentiment_disagreements": "Sentences where VADER and Pattern disagree most.",
        "sentiment_validation": "VADER against the corpus's own human ratings.",
    },
    per_document=("sentiment_documents",),
    # None: the shipped gazetteer; a load_gazetteer frame, or extra actors as a mapping or
    # YAML path (the notebook's extra_actors)
    # as the notebook's parameters name them; the defaults are the library's
    options={
        "gazetteer": None,
        "pos_threshold": 0.05,
        "neg_threshold": -0.05,
        "seed": 0,
        "n_boot": 2000,
    },
    prepare=_prepare,
)
