"""The columns of every sentiment table, and one dtype for each."""

from __future__ import annotations

from typing import Literal

import pandas as pd

Level = Literal["paragraph", "document", "group", "corpus"]


#: columns of :func:`score` (then ``para_id, start, end`` when the sentences have them)
SCORE_COLUMNS = [
    "doc_id",
    "sent_id",
    "kind",
    "text",
    "neg",
    "neu",
    "pos",
    "compound",
    "label",
    "drivers",
    "note",
]


#: columns of :func:`aggregate_counts`, after the key columns
COUNT_COLUMNS = [
    "n",
    "n_unscored",
    "sum_compound",
    "sum_sq_compound",
    "n_pos",
    "n_neg",
    "n_neu",
]


#: columns of :func:`aggregate_counts` for a unit above the document (a group, the corpus,
#: an actor), after :data:`COUNT_COLUMNS`: sums over the unit's documents d of each one's
#: scored sentences n_d and compound sum S_d: the documents with a scored sentence, the sum
#: of S_d squared, of S_d times n_d and of n_d squared. They add up across partitions
#: (which hold disjoint documents), and give the unit's interval clustered by document
#: when the sentences themselves are not kept (the scale engine's tables)
CLUSTER_COLUMNS = ["cluster_n", "cluster_sum_sq", "cluster_cross", "cluster_n_sq"]


#: columns of :func:`aggregate_finish`, after the key columns
AGGREGATE_COLUMNS = [
    "n_sentences",
    "mean_compound",
    "ci_low",
    "ci_high",
    "share_pos",
    "share_neg",
    "share_neu",
    "n_unscored",
    "ci_method",
]


#: columns of ``sentiment_documents.csv`` (:func:`documents_table`)
DOCUMENT_COLUMNS = [
    "doc_id",
    "n_sentences",
    "mean_compound",
    "ci_low",
    "ci_high",
    "share_pos",
    "share_neg",
    "share_neu",
    "document_compound",
]


ARC_COLUMNS = [
    "doc_id",
    "sent_id",
    "position",
    "relative_position",
    "kind",
    "compound",
    "rolling_mean",
    "text",
]


ACTOR_COLUMNS = [
    "actor",
    "type",
    "n_sentences",
    "n_documents",
    "mean_compound",
    "ci_low",
    "ci_high",
    "share_pos",
    "share_neg",
    "share_neu",
    "most_negative_compound",
    "most_negative_doc_id",
    "most_negative_sent_id",
    "most_negative_text",
    "most_positive_compound",
    "most_positive_doc_id",
    "most_positive_sent_id",
    "most_positive_text",
    "n_alone",
    "mean_compound_alone",
    "alone_ci_low",
    "alone_ci_high",
    "n_shared",
    "mean_compound_shared",
]


PATTERN_COLUMNS = ["doc_id", "sent_id", "kind", "polarity", "subjectivity", "label", "drivers"]


EVALUATE_COLUMNS = ["measure", "value", "ci_low", "ci_high", "p_value", "n", "n_dropped"]


# one dtype per column name, so an empty partition has the same schema as a full one
_STR_COLUMNS = {
    "masked",
    "doc_id",
    "kind",
    "text",
    "label",
    "drivers",
    "note",
    "group",
    "corpus",
    "actor",
    "type",
    "ci_method",
    "measure",
    "vader_label",
    "pattern_label",
    "vader_drivers",
    "pattern_drivers",
    "most_negative_doc_id",
    "most_negative_text",
    "most_positive_doc_id",
    "most_positive_text",
}


_INT_COLUMNS = {
    "n_actors",
    "n_alone",
    "n_shared",
    "sent_id",
    "para_id",
    "start",
    "end",
    "position",
    "n",
    "n_unscored",
    "n_pos",
    "n_neg",
    "n_neu",
    "n_sentences",
    "n_documents",
    "n_dropped",
    "n_letters",
}


_NULLABLE_INT_COLUMNS = {"most_negative_sent_id", "most_positive_sent_id"}


_FLOAT_COLUMNS = {
    "mean_compound_alone",
    "alone_ci_low",
    "alone_ci_high",
    "mean_compound_shared",
    "neg",
    "neu",
    "pos",
    "compound",
    "sum_compound",
    "sum_sq_compound",
    "mean_compound",
    "ci_low",
    "ci_high",
    "share_pos",
    "share_neg",
    "share_neu",
    "document_compound",
    "relative_position",
    "rolling_mean",
    "polarity",
    "subjectivity",
    "difference",
    "most_negative_compound",
    "most_positive_compound",
    "spearman_rho",
    "spearman_p",
    "label_agreement",
    "cohen_kappa",
    "value",
    "p_value",
    "non_latin_share",
}


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Cast known columns to one dtype each (str, int64, Int64, float64)."""
    types = {}
    for c in frame.columns:
        if c in _STR_COLUMNS:
            types[c] = "str"
        elif c in _INT_COLUMNS:
            types[c] = "int64"
        elif c in _NULLABLE_INT_COLUMNS:
            types[c] = "Int64"
        elif c in _FLOAT_COLUMNS:
            types[c] = "float64"
    return frame.astype(types)


#: columns of :func:`domain_sensitivity`
SENSITIVITY_COLUMNS = [
    "level",
    "unit",
    "n_sentences",
    "mean_compound",
    "mean_compound_domain",
    "shift",
    "n_label_changes",
    "share_label_changes",
]
