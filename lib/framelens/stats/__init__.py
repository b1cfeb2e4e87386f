"""Text statistics: counts, lexical diversity, readability, vocabulary, KWIC, actors, keyness.

Everything here takes the ``sentences`` frame of :func:`framelens.corpus.segment` (and,
optionally, the ``tokens`` frame of :func:`framelens.corpus.tokenize`, to tokenize once)
and returns a tidy long frame, key columns first, evidence beside every number.

Two kinds of result:

* **Per-document** results (:func:`document_stats`, :func:`counts`,
  :func:`lexical_diversity`, :func:`mattr_by_window`, :func:`readability`,
  :func:`sentence_lengths`, :func:`kwic`,
  :func:`actor_counts`, :func:`actor_positions`, :func:`dispersion`) work on any subset
  of documents (a partition) and return rows for just those documents.
* **Corpus-wide** results are finished from *partial counts* that can be concatenated
  across partitions: :func:`term_counts` → :func:`top_terms`, :func:`collocations`;
  :func:`term_counts` + :func:`group_labels` → :func:`keyness_counts` → :func:`keyness`;
  :func:`document_stats` + :func:`group_labels` → :func:`group_counts` →
  :func:`group_summary`. The finishers sum the partial counts themselves, so
  ``finish(pd.concat([counts(p) for p in partitions]))`` equals ``finish(counts(all))``.

Words are the ``word`` and ``abbr`` tokens of :func:`framelens.corpus.tokenize`,
lower-cased, except runs of scripts written without spaces (Chinese, Japanese, Thai…):
counting those as "words" would need a segmenter for the language, so they are left out
and the document gets a note. By default the article's own prose is measured and embedded
posts (``kind == "embed"``) are left out (``include_embeds=True`` keeps them); their
hashtags, @mentions and links are still counted, apart (``embed_*`` measures). In term
lists (:func:`term_counts` and its finishers) a final possessive 's is split off, so
"China's" and "China’s" count as "china".

References
----------
Covington, M. A. & McFall, J. D. (2010). Cutting the Gordian knot: the moving-average
type-token ratio (MATTR). *Journal of Quantitative Linguistics* 17(2), 94–100.
McCarthy, P. M. & Jarvis, S. (2010). MTLD, vocd-D, and HD-D: a validation study of
sophisticated approaches to lexical diversity assessment. *Behavior Research Methods*
42(2), 381–392.
Dunning, T. (1993). Accurate methods for the statistics of surprise and coincidence.
*Computational Linguistics* 19(1), 61–74.
Rayson, P. & Garside, R. (2000). Comparing corpora using frequency profiling. *Workshop on
Comparing Corpora*, ACL 2000, 1–6.
Hardie, A. (2014). Log Ratio: an informal introduction. ESRC Centre for Corpus Approaches
to Social Science (CASS), Lancaster University.
"""

from .. import _lazy
from ..groups import group_labels
from .actors import ACTOR_COLUMNS, actor_counts, actor_positions
from .analysis import ANALYSIS
from .kwic import KWIC_COLUMNS, Mode, check_pattern, dispersion, kwic
from .measures import (
    GROUP_COUNT_COLUMNS,
    GROUP_SUMMARY_COLUMNS,
    MATTR_WINDOW_COLUMNS,
    MIN_TOKENS_MJ2010,
    READABILITY_WORDS,
    SENTENCE_LENGTH_COLUMNS,
    SMOG_SENTENCES,
    STAT_COLUMNS,
    Period,
    counts,
    document_stats,
    group_counts,
    group_summary,
    hdd,
    lexical_diversity,
    mattr,
    mattr_by_window,
    mtld,
    prose_text,
    readability,
    sentence_lengths,
    ttr,
)
from .vocabulary import (
    COLLOCATION_COLUMNS,
    KEYNESS_COLUMNS,
    KEYNESS_COUNT_COLUMNS,
    TERM_COUNT_COLUMNS,
    TOP_TERM_COLUMNS,
    collocations,
    keyness,
    keyness_counts,
    term_counts,
    term_totals,
    top_terms,
)

# the plotting functions (they import matplotlib) are imported when first used
__getattr__ = _lazy.attributes(
    __name__,
    "plot",
    [
        "TYPE_COLORS",
        "plot_actor_mentions",
        "plot_dispersion",
        "plot_keyness",
        "plot_keyness_groups",
        "plot_sentence_lengths",
        "plot_top_terms",
    ],
)

__all__ = [
    "ANALYSIS",
    "term_totals",
    "MIN_TOKENS_MJ2010",
    "SMOG_SENTENCES",
    "READABILITY_WORDS",
    "SENTENCE_LENGTH_COLUMNS",
    "KEYNESS_COUNT_COLUMNS",
    "GROUP_COUNT_COLUMNS",
    "GROUP_SUMMARY_COLUMNS",
    "Mode",
    "Period",
    "prose_text",
    "TYPE_COLORS",
    "ACTOR_COLUMNS",
    "COLLOCATION_COLUMNS",
    "KEYNESS_COLUMNS",
    "KWIC_COLUMNS",
    "STAT_COLUMNS",
    "TERM_COUNT_COLUMNS",
    "TOP_TERM_COLUMNS",
    "actor_counts",
    "mattr_by_window",
    "MATTR_WINDOW_COLUMNS",
    "actor_positions",
    "collocations",
    "counts",
    "dispersion",
    "document_stats",
    "group_counts",
    "group_labels",
    "group_summary",
    "hdd",
    "keyness",
    "keyness_counts",
    "kwic",
    "check_pattern",
    "lexical_diversity",
    "mattr",
    "mtld",
    "plot_actor_mentions",
    "plot_dispersion",
    "plot_keyness",
    "plot_keyness_groups",
    "plot_sentence_lengths",
    "plot_top_terms",
    "readability",
    "sentence_lengths",
    "term_counts",
    "top_terms",
    "ttr",
]
