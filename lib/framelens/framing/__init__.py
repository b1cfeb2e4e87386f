"""Dictionary-based frame analysis with evidence, sourcing, hedging and measured accuracy.

A frame dictionary is a YAML file in the manner of quanteda's dictionaries::

    name: security
    description: Frames of coverage of military exercises and alliances.
    categories:
      threat:
        definition: The activity presented as danger, escalation, provocation.
        sources: ["Entman (1993)"]
        patterns: [escalat*, provocation, tensions, "=US", show of force, live-fire]

Pattern syntax (documented with examples in ``framelens/data/FRAMES.md``):

- a **word** matches a whole token, case-insensitively (``tensions``);
- a **glob**: ``*`` stands for any run of characters and ``?`` for one (``escalat*``);
- a **phrase**: words separated by spaces or hyphens match consecutive tokens, and a
  hyphen and a space are the same thing, so ``live-fire`` and ``live fire`` both match
  the text "live-fire" and the text "live fire". A one-word pattern never matches part of
  a hyphenated token ("fire" does not match "live-fire"; write ``*-fire`` for that);
- a leading ``=`` makes the pattern **case-sensitive** (``=US`` matches "US", not "us");
- straight and curly apostrophes are the same, and a possessive ``'s`` is ignored on both
  sides (``russia`` matches "Russia's").

Within one category overlapping matches count once (the longest, leftmost match wins,
so "united front" is one hit, not two); each category counts independently.

Every per-sentence function works on any subset of sentences (a partition); corpus-wide
results (profiles, co-occurrence, actor × frame) come from ``..._counts`` steps whose
outputs can be concatenated and summed, and a function that finishes from the sums.
"""

from .. import _lazy
from .analysis import ANALYSIS
from .dictionary import (
    SHIPPED,
    Category,
    Dictionary,
    Pattern,
    dictionary_overlaps,
    dictionary_table,
    extend,
    load_dictionary,
    topic_fit,
)
from .evaluate import agreement, disagreements, evaluate, label_coverage, load_labels
from .match import (
    ANSWER_WINDOW,
    CUE_STATUS,
    FRAME_SENTENCE_COLUMNS,
    HIT_COLUMNS,
    NEGATION_WINDOW,
    NEGATORS,
    frame_kwic,
    match,
    term_hits,
)
from .profile import (
    PROFILE_COLUMNS,
    PROFILE_COUNT_COLUMNS,
    actor_frame_counts,
    actor_frames,
    cooccurrence,
    cooccurrence_counts,
    flow,
    profile,
    profile_counts,
)
from .sources import (
    ATTRIBUTION_COLUMNS,
    ATTRIBUTION_COUNT_COLUMNS,
    HEDGING_COLUMNS,
    HEDGING_MARKERS,
    SOURCE_TYPES,
    STATE_MEDIA,
    attribution_counts,
    attribution_documents,
    attributions,
    hedging,
    hedging_counts,
    hedging_documents,
)

# the plotting functions (they import matplotlib) are imported when first used
__getattr__ = _lazy.attributes(
    __name__, "plot", ["plot_actor_frames", "plot_flow", "plot_profile", "plot_sources"]
)

__all__ = [
    "ANALYSIS",
    "Pattern",
    "Category",
    "NEGATORS",
    "NEGATION_WINDOW",
    "ANSWER_WINDOW",
    "CUE_STATUS",
    "ATTRIBUTION_COLUMNS",
    "ATTRIBUTION_COUNT_COLUMNS",
    "FRAME_SENTENCE_COLUMNS",
    "HEDGING_COLUMNS",
    "HEDGING_MARKERS",
    "HIT_COLUMNS",
    "PROFILE_COLUMNS",
    "PROFILE_COUNT_COLUMNS",
    "SHIPPED",
    "SOURCE_TYPES",
    "STATE_MEDIA",
    "Dictionary",
    "actor_frame_counts",
    "agreement",
    "actor_frames",
    "attribution_counts",
    "attribution_documents",
    "attributions",
    "cooccurrence",
    "cooccurrence_counts",
    "dictionary_overlaps",
    "dictionary_table",
    "disagreements",
    "evaluate",
    "extend",
    "flow",
    "frame_kwic",
    "hedging",
    "hedging_counts",
    "hedging_documents",
    "label_coverage",
    "load_dictionary",
    "topic_fit",
    "load_labels",
    "match",
    "plot_actor_frames",
    "plot_flow",
    "plot_profile",
    "plot_sources",
    "profile",
    "profile_counts",
    "term_hits",
]
