"""Sentence sentiment with VADER, the evidence behind each score, and what it adds up to.

VADER (Hutto & Gilbert 2014, as shipped in NLTK's ``nltk.sentiment.vader``) scores each
sentence from a lexicon of about 7,500 words rated by humans, adjusted by rules for
negation ("not good"), degree words ("very", "slightly"), capitals, "but" and
exclamation marks. This module scores every sentence, says which lexicon words drove
each score (``drivers``), sums scores per paragraph, document, metadata group and
gazetteer actor with seeded bootstrap intervals, draws the arc of a document, checks the
result against a second lexicon (TextBlob's Pattern analyzer) and validates it against
human ratings (:func:`evaluate`).

Scores are identical to ``SentimentIntensityAnalyzer().polarity_scores`` (tested on the
5,190 rated NYT snippets) of the sentence with its in-word apostrophes straight and its
dashes spaced (:func:`straighten`: "isn’t" negates as "isn't" does, so an outlet's
typography does not flip its tone). VADER's rules are re-implemented line for line from NLTK's, so
that they can report what they did, with NLTK's own lexicon and constants; the word
splitting skips the dictionary of every word × 20 punctuation marks that NLTK builds for
each sentence (most of its time), so the library, evidence included, is several times
faster than a plain loop over ``polarity_scores`` (``benchmarks/bench_sentiment.py``).

Partitions and sums
-------------------
:func:`score`, :func:`score_documents`, :func:`pattern_scores`, :func:`arc` and
:func:`actor_sentences` work on any subset of sentences or documents and return rows for
just those. Corpus-wide aggregates come in two steps: :func:`aggregate_counts` returns
partial sums (``n``, ``sum_compound``, ``sum_sq_compound``, ``n_pos`` …) that can be
concatenated across partitions and summed with :func:`combine_counts`;
:func:`aggregate_finish` turns the summed counts into means and shares. The bootstrap
interval needs the sentence scores of each unit (one float a sentence, from
:func:`unit_values`), which :func:`aggregate_finish` takes as ``values``; each unit's
resampling is seeded from ``seed`` and the unit's key, so the interval does not depend on
how the corpus was partitioned. Without ``values`` the interval is the normal
approximation computed from the sums alone. Actor tone works the same way:
:func:`actor_sentences` per partition, :func:`actor_tone_finish` on the concatenated rows
(one float and one sentence a row; the extremes are the min and max). Every frame has one
dtype per column whatever its length, so an empty partition matches a full one.
"""

from .. import _lazy
from ..groups import check_group_by
from .actors import (
    ACTOR_COUNT_COLUMNS,
    actor_counts,
    actor_extremes,
    actor_sentences,
    actor_tone,
    actor_tone_finish,
)
from .aggregate import (
    aggregate,
    aggregate_counts,
    aggregate_finish,
    arc,
    arc_documents,
    combine_counts,
    documents_table,
    rollup_counts,
    unit_values,
)
from .analysis import ANALYSIS
from .columns import (
    ACTOR_COLUMNS,
    AGGREGATE_COLUMNS,
    ARC_COLUMNS,
    COUNT_COLUMNS,
    DOCUMENT_COLUMNS,
    EVALUATE_COLUMNS,
    PATTERN_COLUMNS,
    SCORE_COLUMNS,
    SENSITIVITY_COLUMNS,
    Level,
)
from .compare import agreement, check_ratings, disagreements, evaluate, pattern_scores
from .domain import (
    DOMAINS,
    MASK_TOKEN,
    domain_sensitivity,
    label_changes,
    load_domain,
    mask_names,
    straighten,
    typography,
)
from .score import (
    LONG_SENTENCE_TOKENS,
    MIN_PARALLEL,
    NON_LATIN_SHARE,
    NOTE_EMPTY,
    NOTE_LONG,
    NOTE_NO_LEXICON,
    NOTE_NON_LATIN,
    language_check,
    score,
    score_documents,
)
from .vader import MAX_DRIVERS

# the plotting functions (they import matplotlib) are imported when first used
__getattr__ = _lazy.attributes(
    __name__,
    "plot",
    [
        "LEGEND_FONTSIZE",
        "arc_title",
        "plot_actor_tone",
        "plot_agreement",
        "plot_arc",
        "plot_distribution",
        "plot_groups",
    ],
)

__all__ = [
    "arc_title",
    "straighten",
    "typography",
    "ACTOR_COUNT_COLUMNS",
    "ANALYSIS",
    "actor_counts",
    "actor_extremes",
    "Level",
    "LONG_SENTENCE_TOKENS",
    "NON_LATIN_SHARE",
    "MAX_DRIVERS",
    "MIN_PARALLEL",
    "NOTE_EMPTY",
    "NOTE_NO_LEXICON",
    "NOTE_NON_LATIN",
    "NOTE_LONG",
    "LEGEND_FONTSIZE",
    "ACTOR_COLUMNS",
    "AGGREGATE_COLUMNS",
    "ARC_COLUMNS",
    "COUNT_COLUMNS",
    "DOCUMENT_COLUMNS",
    "EVALUATE_COLUMNS",
    "DOMAINS",
    "MASK_TOKEN",
    "PATTERN_COLUMNS",
    "SCORE_COLUMNS",
    "SENSITIVITY_COLUMNS",
    "actor_sentences",
    "actor_tone",
    "actor_tone_finish",
    "aggregate",
    "aggregate_counts",
    "aggregate_finish",
    "agreement",
    "arc",
    "arc_documents",
    "check_group_by",
    "combine_counts",
    "disagreements",
    "documents_table",
    "domain_sensitivity",
    "evaluate",
    "check_ratings",
    "label_changes",
    "language_check",
    "load_domain",
    "mask_names",
    "pattern_scores",
    "plot_actor_tone",
    "plot_agreement",
    "plot_arc",
    "plot_distribution",
    "plot_groups",
    "rollup_counts",
    "score",
    "score_documents",
    "unit_values",
]
