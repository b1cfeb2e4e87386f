"""Exercise frequency: a sourced event table, the exercises a corpus names, and the trend.

Coverage of China–Russia military cooperation makes two kinds of claim this module
checks against a reference record:

* **named exercises** with a year ("Northern/Interaction-2024", "Ocean-2024",
  "Joint Sea-2012", "Vostok 2018") and where they took place;
* **frequency claims**: ordinals ("the fifth such instance", "the third joint patrol")
  and trends ("the growing frequency of these exercises").

The reference record is ``framelens/data/exercises.csv`` (one row per exercise or joint
patrol, every row with a public source; see ``framelens/data/EXERCISES.md``). Users pass
their own table with :func:`load_events`.

The pipeline::

    events  = load_events()                       # the record (validated)
    found   = mentions(sentences, events=events)  # per sentence, any partition
    counts  = mention_counts(found)               # per paragraph, summable
    yearly  = events_per_year(events, 2005, 2024) # tidy year x domain counts
    fit     = trend(yearly)                       # Poisson rate ratio per year
    record  = events_until(events, publication_year=2024, publication_date="2024-09-10")
    claims  = check_claims(found, record, publication_year=2024, trend=fit)
    ax      = plot_frequency(yearly, highlights=highlights(found, events))

:func:`mentions` works on any subset of sentences and returns rows for just those;
:func:`mention_counts` gives per-paragraph counts that concatenate across partitions,
and :func:`total_counts` finishes corpus totals from summed counts.
"""

from .. import _lazy
from .analysis import ANALYSIS
from .claims import CLAIM_COLUMNS, CLAIM_TYPES, check_claims, check_claims_by_document
from .dates import parse_date, resolve, time_expressions
from .mentions import (
    CLAIM_CUES,
    MENTION_COLUMNS,
    PLACE_ALIASES,
    REFERENCE_TYPES,
    corpus_note,
    highlights,
    mention_counts,
    mentions,
    places,
    total_counts,
)
from .record import (
    CUT_COLUMNS,
    DOMAIN_LABELS,
    DOMAINS,
    EVENT_COLUMNS,
    NOT_CHECKABLE,
    NOT_SUPPORTED,
    SUPPORTED,
    check_year_range,
    cut_end,
    document_cuts,
    events_until,
    latest_cut,
    load_events,
    publication_date,
    publication_year,
    record_label,
    table_domains,
)
from .trend import (
    COMPLETE_THROUGH,
    PER_YEAR_COLUMNS,
    RECENT_YEARS,
    TREND_COLUMNS,
    events_per_year,
    recent_window,
    trend,
    trend_fits,
    trend_window,
)

# the plotting functions (they import matplotlib) are imported when first used
__getattr__ = _lazy.attributes(__name__, "plot", ["article_years", "plot_frequency"])

__all__ = [
    "ANALYSIS",
    "CLAIM_CUES",
    "CLAIM_TYPES",
    "COMPLETE_THROUGH",
    "PLACE_ALIASES",
    "REFERENCE_TYPES",
    "parse_date",
    "places",
    "resolve",
    "time_expressions",
    "trend_window",
    "trend_fits",
    "cut_end",
    "latest_cut",
    "DOMAIN_LABELS",
    "RECENT_YEARS",
    "SUPPORTED",
    "NOT_SUPPORTED",
    "NOT_CHECKABLE",
    "CLAIM_COLUMNS",
    "DOMAINS",
    "EVENT_COLUMNS",
    "MENTION_COLUMNS",
    "PER_YEAR_COLUMNS",
    "TREND_COLUMNS",
    "CUT_COLUMNS",
    "check_claims",
    "check_claims_by_document",
    "check_year_range",
    "corpus_note",
    "document_cuts",
    "events_per_year",
    "events_until",
    "highlights",
    "load_events",
    "mention_counts",
    "mentions",
    "plot_frequency",
    "article_years",
    "publication_date",
    "record_label",
    "table_domains",
    "publication_year",
    "recent_window",
    "total_counts",
    "trend",
]
