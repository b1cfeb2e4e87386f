"""Text statistics at corpus scale: what one partition counts and how the counts finish."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..analysis import Analysis, Part, Table, concatenated, summed
from .measures import document_stats
from .vocabulary import _term_totals, collocations, keyness, top_terms


def _sizes(options: Mapping[str, Any]) -> list[int]:
    """Return the n-gram sizes to count: words, pairs (collocations), ``ngram_n`` if given."""
    return sorted({1, 2, options["ngram_n"] or 2})


def _partial(part: Part) -> dict[str, pd.DataFrame]:
    o = part.options
    include_embeds = bool(o["include_embeds"])
    scope = {"include_embeds": include_embeds, "tokens": part.tokens}
    out = {
        "document_stats": document_stats(
            part.sentences,
            window=o["mattr_window"],
            threshold=o["mtld_threshold"],
            draws=o["hdd_draws"],
            **scope,
        )
    }
    labels = part.groups
    if labels is None:
        out["term_counts"] = _term_totals(
            part.sentences, _sizes(o), include_embeds, part.tokens, ordered=False
        )
        return out
    # one pass: the totals of every size, and the words per group for keyness (in no
    # order: the engine's combine sums and sorts them)
    totals, by_group = _term_totals(
        part.sentences, _sizes(o), include_embeds, part.tokens, labels, grouped=[1], ordered=False
    )
    out["term_counts"] = totals
    out["keyness_counts"] = by_group.drop(columns=["n"])
    return out


def _prepare(options: dict[str, Any]) -> dict[str, Any]:
    from ..params import check_bool, check_int, check_number

    o = dict(options)
    o["min_documents"] = check_int("min_documents", o["min_documents"], min_value=1)
    o["top_n"] = check_int("top_n", o["top_n"], min_value=1)
    o["min_freq"] = check_int("min_freq", o["min_freq"], min_value=1)
    o["keep_stopwords"] = check_bool("keep_stopwords", o["keep_stopwords"])
    if o["ngram_n"] is not None:
        o["ngram_n"] = check_int("ngram_n", o["ngram_n"], min_value=1, max_value=5)
    o["mattr_window"] = check_int("mattr_window", o["mattr_window"], min_value=1)
    o["mtld_threshold"] = check_number(
        "mtld_threshold", o["mtld_threshold"], min_value=0.0, max_value=0.999999
    )
    o["hdd_draws"] = check_int("hdd_draws", o["hdd_draws"], min_value=1)
    return o


def _finish(parts: Mapping[str, pd.DataFrame], options: Mapping[str, Any]) -> dict:
    out = {}
    if "document_stats" in parts:
        out["document_stats"] = parts["document_stats"]
    totals = parts["term_counts"].assign(doc_id="*")
    top_n, keep = options["top_n"], options["keep_stopwords"]
    terms = top_terms(totals, n=1, top_n=top_n, keep_stopwords=keep)
    if options["ngram_n"] and options["ngram_n"] > 1:  # the n-gram table of the notebook
        grams = top_terms(totals, n=options["ngram_n"], top_n=top_n, keep_stopwords=keep)
        terms = pd.concat([terms, grams], ignore_index=True)
    out["top_terms"] = terms
    out["collocations"] = collocations(
        totals, min_freq=options["min_freq"], keep_stopwords=keep, top_n=top_n
    )
    if options["group_by"] and "keyness_counts" in parts:
        out["keyness"] = keyness(
            parts["keyness_counts"], min_documents=options["min_documents"], keep_stopwords=keep
        )
    return out


ANALYSIS = Analysis(
    name="stats",
    notebook="01_text_stats",
    partial=_partial,
    combine={
        "document_stats": concatenated("doc_id"),
        "term_counts": summed(["n", "term"], ["count", "documents"]),
        "keyness_counts": summed(["group", "term"], ["count", "documents", "sum_sq"]),
    },
    finish=_finish,
    tables={
        "document_stats": Table(
            ("doc_id", "family", "measure"), "Document statistics of every document."
        ),
        "top_terms": Table(
            ("n", "term"), "Top terms of the whole corpus with their document counts."
        ),
        "collocations": Table(("rank",), "Collocations of the whole corpus."),
        "keyness": Table(
            ("target", "term"), "Keyness of each group against the rest, over the whole corpus."
        ),
    },
    figures={
        "top_terms": "The most frequent terms and how often each occurs (stopwords left out).",
        "sentence_lengths": "How many words the sentences have (histogram of the prose sentences).",
        "lexical_dispersion": "Where in each document the searched terms fall: one tick a "
        "use, or, with many uses, each term's uses per 5% of the document.",
        "actor_mentions": "How often each gazetteer actor and place is named: mentions summed "
        "over the documents, the most named first.",
        "actor_dispersion": "Where in each document each actor is named: one tick a mention, "
        "or, with many mentions, each actor's mentions per 5% of the document.",
        "keyness": "Terms over-used by each group against the rest: log ratio (bar) with its "
        "95% interval (whiskers); pale bars are not significant after Benjamini-Hochberg.",
    },
    outputs={
        "text_stats_documents": "Counts, readability and lexical diversity per document and "
        "measure.",
        "text_stats_groups": "The same measures summarised per group of documents.",
        "text_stats_terms": "Most frequent terms and n-grams with their document counts.",
        "collocations": "Word pairs that occur together more than chance (likelihood ratio, PMI).",
        "keyness": "Terms over-used by one group against the rest (G², BH-adjusted p, log ratio).",
        "kwic": "The keyword-in-context lines for the notebook's search pattern.",
        "actors": "Gazetteer actors and places named, with sentence and document counts.",
        "boilerplate": "Datelines and site furniture left out of the sentences, with the rule.",
    },
    per_document=("document_stats",),
    # as the notebook's parameters name them; the defaults are the library's
    options={
        "min_documents": 2,
        "top_n": 50,
        "min_freq": 2,
        "keep_stopwords": False,
        "ngram_n": None,
        "mattr_window": 50,
        "mtld_threshold": 0.72,
        "hdd_draws": 42,
    },
    prepare=_prepare,
)
