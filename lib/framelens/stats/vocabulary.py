"""Terms, n-grams, collocations and keyness: partial counts that sum across partitions."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .. import corpus, resources
from ..errors import ParameterError
from ..params import check_bool, check_columns, check_int, suggest
from .measures import _numbered, _prepare

TERM_COUNT_COLUMNS = ["doc_id", "n", "term", "count"]


TOP_TERM_COLUMNS = ["rank", "term", "n", "count", "documents", "per_1000_words"]


COLLOCATION_COLUMNS = [
    "rank",
    "bigram",
    "w1",
    "w2",
    "count",
    "w1_count",
    "w2_count",
    "total_words",
    "likelihood_ratio",
    "pmi",
]


KEYNESS_COUNT_COLUMNS = ["group", "term", "count"]


KEYNESS_COLUMNS = [
    "target",
    "term",
    "target_count",
    "reference_count",
    "target_documents",
    "reference_documents",
    "target_effective_documents",
    "target_total",
    "reference_total",
    "g2",
    "p_value",
    "p_adjusted",
    "log_ratio",
    "log_ratio_ci_low",
    "log_ratio_ci_high",
    "direction",
]


def _check_ns(n: int | Sequence[int]) -> list[int]:
    ns = [n] if isinstance(n, int | np.integer) or not isinstance(n, Sequence) else list(n)
    if not ns:
        raise ParameterError("`n` must name at least one n-gram size, e.g. 1 or [1, 2].")
    return sorted({check_int("n", v, min_value=1, max_value=10) for v in ns})


def term_counts(
    sentences: pd.DataFrame,
    *,
    n: int | Sequence[int] = 1,
    include_embeds: bool = False,
    tokens: corpus.Tokens | pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Count words and n-grams per document: partial counts that sum across partitions.

    A final possessive ``'s`` (or ``’s``) is split off, so "China's" and "China’s" count
    as "china" (and "it's" as "it"); other measures (types, diversity, KWIC) keep the
    word as written. "US" in capitals counts as "u.s.", one term with "U.S." and apart
    from the pronoun "us" (:data:`framelens.corpus.ACRONYM_TERMS`; not in a sentence
    written in capitals). N-grams are runs of ``n`` consecutive words within a sentence, not
    crossing punctuation, numbers, hashtags or links ("the Sea of Japan, and" gives "sea
    of japan" but not "japan and"). Every term is counted, stopwords included; the
    finishers (:func:`top_terms`, :func:`collocations`, :func:`keyness`) filter.

    Parameters
    ----------
    sentences
        The sentences frame (``doc_id, sent_id, start, end, text``; ``kind`` if present);
        any subset of documents.
    n
        N-gram size(s) to count: one whole number or a list of them, each from 1 to 10
        (default 1, words).
    include_embeds
        Count embedded posts too (default: the article's prose only).
    tokens
        The tokens of these sentences if already computed: a
        :class:`framelens.corpus.Tokens` or the table of :func:`framelens.corpus.tokenize`.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, n, term, count`` (``term`` lower-cased words joined by a space), sorted
        by ``doc_id, n, term``.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "end": [25],
    ...                   "kind": ["prose"], "text": ["Joint drills, joint drills."]})
    >>> term_counts(s, n=2)[["term", "count"]].values.tolist()
    [['joint drills', 2]]
    >>> s2 = s.assign(text=["China's navy, China\u2019s drills."])
    >>> term_counts(s2)[["term", "count"]].values.tolist()
    [['china', 2], ['drills', 1], ['navy', 1]]
    """
    check_bool("include_embeds", include_embeds)
    rows = [
        (doc_id, k, term, count)
        for doc_id, k, terms in _document_terms(sentences, _check_ns(n), include_embeds, tokens)
        for term, count in sorted(terms.items())
    ]
    frame = pd.DataFrame(rows, columns=TERM_COUNT_COLUMNS)
    return frame.astype({"doc_id": str, "n": "int64", "term": str, "count": "int64"})


def _term(word: str) -> str:
    """Return the term a word counts as, without a final possessive 's ("china's" → "china")."""
    return word[:-2] if len(word) > 2 and word.endswith("'s") else word


def _document_terms(
    sentences: pd.DataFrame,
    ns: list[int],
    include_embeds: bool,
    tokens: corpus.Tokens | pd.DataFrame | None,
) -> Iterable[tuple[str, int, Counter]]:
    """Yield ``(doc_id, n, counts of its n-grams)`` for each document, in doc_id order.

    Words lose a final possessive 's; n-grams stay within a run of words.
    """
    for doc_id, sents in _prepare(sentences, include_embeds, tokens).items():
        runs = [[_term(w) for w in run] for s in sents for run in s.runs]
        for k in ns:
            if k == 1:
                yield doc_id, k, Counter(w for run in runs for w in run)
            else:
                grams = Counter(
                    gram for run in runs for gram in zip(*(run[i:] for i in range(k)), strict=False)
                )
                yield doc_id, k, Counter({" ".join(g): c for g, c in grams.items()})


def term_totals(
    sentences: pd.DataFrame,
    *,
    n: int | Sequence[int] = 1,
    include_embeds: bool = False,
    tokens: corpus.Tokens | pd.DataFrame | None = None,
    labels: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Count terms over a partition's documents: :func:`term_counts` already summed.

    The same terms as :func:`term_counts`, summed over the documents instead of one row
    per document and term, with how many documents use each: what a partition returns
    for the corpus-wide :func:`top_terms` and :func:`collocations` (partitions hold
    disjoint documents, so both columns sum across them). With ``labels``
    (:func:`framelens.groups.group_labels`), the counts are per group, with the sum of
    squared per-document counts for :func:`keyness`'s dispersion.

    Parameters
    ----------
    sentences
        The sentences frame (``doc_id, sent_id, start, end, text``; ``kind`` if present);
        any subset of documents.
    n
        N-gram size(s) to count: one whole number or a list of them, each from 1 to 10
        (default 1, words).
    include_embeds
        Count embedded posts too (default: the article's prose only).
    tokens
        The tokens of these sentences if already computed: a
        :class:`framelens.corpus.Tokens` or the table of :func:`framelens.corpus.tokenize`.
    labels
        The group of each document (``doc_id, group``, as
        :func:`framelens.groups.group_labels` returns it); documents without a label are
        left out. Default None: no groups.

    Returns
    -------
    pandas.DataFrame
        ``n, term, count, documents``, sorted by ``n, term``; with ``labels``: ``group,
        n, term, count, documents, sum_sq``, sorted by ``group, n, term``.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "b"], "sent_id": [0, 0], "start": [0, 0],
    ...                   "end": [12, 12], "text": ["Ships, ships.", "Ships sail."]})
    >>> term_totals(s).values.tolist()
    [[1, 'sail', 1, 1], [1, 'ships', 3, 2]]
    """
    check_bool("include_embeds", include_embeds)
    ns = _check_ns(n)
    if labels is None:
        return _term_totals(sentences, ns, include_embeds, tokens)
    return _term_totals(sentences, ns, include_embeds, tokens, labels, grouped=ns)[1]


def _term_totals(
    sentences: pd.DataFrame,
    ns: list[int],
    include_embeds: bool,
    tokens: corpus.Tokens | pd.DataFrame | None,
    labels: pd.DataFrame | None = None,
    grouped: Sequence[int] = (),
    ordered: bool = True,
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Count the terms of :func:`term_totals`: the totals, and per group the sizes asked.

    Without ``labels``, return the totals (``n, term, count, documents``); with them,
    return ``(totals, by_group)``: the totals over the labelled documents and the
    ``group, n, term, count, documents, sum_sq`` rows of the sizes in ``grouped``.
    With ``ordered`` false the rows are in no particular order (a partition's partial
    counts, which the engine sums and sorts), and no term is sorted to rank it.
    """
    group = None
    if labels is not None:
        check_columns("labels", labels, ["doc_id", "group"])
        group = dict(
            zip(labels["doc_id"].astype(str).tolist(), labels["group"].tolist(), strict=True)
        )
    docs = _prepare(sentences, include_embeds, tokens)
    if group is not None:
        docs = {d: sents for d, sents in docs.items() if d in group}
    words = _words(docs, group, ranked=ordered)
    grams = {k: _gram_counts(words, k) for k in ns}
    totals = [pd.DataFrame(_gram_totals(grams[k], k)) for k in ns]  # by n, then (ordered) term
    frame = pd.concat(totals, ignore_index=True)
    if group is None:
        return frame
    parts = [_gram_group_totals(words, grams[k], k) for k in grouped]
    cols = {c: np.concatenate([p[c] for p in parts]) for c in ("group", "n", "stats")}
    cols["term"] = pd.concat([pd.Series(p["term"]) for p in parts], ignore_index=True).array
    if ordered:
        # rows sorted by group (as text), n, term: ranks of the names, then one lexsort
        names = np.asarray([str(g) for g in words.groups], dtype=object)
        group_rank = np.argsort(np.argsort(names))
        term_rank = np.concatenate([p["rank"] for p in parts])
        order = np.lexsort((term_rank, cols["n"], group_rank[cols["group"]]))
    else:
        order = slice(None)  # as they are
    stats = cols["stats"][order]
    # each group's name as text once (as astype(str) makes it), taken by row
    names = pd.array(np.asarray(words.groups, dtype=object), dtype="str")
    by_group = pd.DataFrame(
        {
            "group": names.take(cols["group"][order]),
            "n": cols["n"][order],
            "term": cols["term"] if not ordered else cols["term"].take(order),
            "count": stats[:, 0],
            "documents": stats[:, 1],
            "sum_sq": stats[:, 2],
        }
    )
    return frame, by_group.astype({"term": str, "group": str})


#: a character that sorts at or before the space (terms with one are not "plain")
_AT_OR_BELOW_SPACE = re.compile(r"[\x00- ]")


class _Words(NamedTuple):
    """A partition's words as arrays: term id, run, document (index) and group of each."""

    ids: np.ndarray
    runs: np.ndarray
    docs: np.ndarray
    doc_group: np.ndarray
    terms: list[str]
    text: pd.api.extensions.ExtensionArray  # the terms, of dtype str
    groups: list
    rank: np.ndarray | None  # each term's place among the terms sorted as text
    plain: bool  # no term holds a space or a character before it


def _words(docs: dict[str, list], group: dict | None, ranked: bool = True) -> _Words:
    """Return every word of ``docs`` as its term's id (possessive 's split off), run, document.

    ``group`` maps each document to its group (None: one group, ``None``); without
    ``ranked`` the terms are not sorted (``rank`` is None).
    """
    runs: list[list[str]] = []  # every document's runs, one after the other
    doc_runs: list[int] = []  # how many a document has
    doc_group: list[int] = []
    group_ids: dict = {}
    for doc_id, sents in docs.items():
        g = group[doc_id] if group is not None else None
        doc_group.append(group_ids.setdefault(g, len(group_ids)))
        before = len(runs)
        runs.extend(chain.from_iterable(s.runs for s in sents))
        doc_runs.append(len(runs) - before)
    run_lengths = np.fromiter(map(len, runs), dtype=np.int64, count=len(runs))
    run_of = np.repeat(np.arange(len(runs), dtype=np.int64), run_lengths)
    doc_of_run = np.repeat(np.arange(len(doc_runs), dtype=np.int64), doc_runs)
    # each distinct word once: its term's id (terms in order of first use); then every
    # word's id through its word's
    flat = np.fromiter(chain.from_iterable(runs), dtype=object, count=len(run_of))
    word_of, distinct = _numbered(flat)
    term_of, named = _numbered(np.array(list(map(_term, distinct.tolist())), dtype=object))
    terms = named.tolist()
    rank = None
    if ranked:
        rank = np.empty(len(terms), dtype=np.int64)
        rank[sorted(range(len(terms)), key=terms.__getitem__)] = np.arange(len(terms))
    return _Words(
        term_of[word_of],
        run_of,
        doc_of_run[run_of],
        np.asarray(doc_group, dtype=np.int64),
        terms,
        pd.array(terms, dtype="str"),
        list(group_ids),
        rank,
        _AT_OR_BELOW_SPACE.search("".join(terms)) is None,
    )


class _Grams(NamedTuple):
    """The k-grams of a partition: their names, and each document's count of each."""

    names: pd.api.extensions.ExtensionArray  # of dtype str
    rank: np.ndarray | None  # each k-gram's place among the names sorted as text
    doc: np.ndarray  # per (document, k-gram) pair: the document,
    gram: np.ndarray  # the k-gram's id (index into names)
    count: np.ndarray  # and its count in the document


def _gram_counts(words: _Words, k: int) -> _Grams:
    """Count the k-grams within runs, per document (ranked as the words are)."""
    n = len(words.ids) - k + 1
    valid = np.flatnonzero(words.runs[:n] == words.runs[k - 1 :]) if n > 0 else np.empty(0, int)
    terms, text = words.terms, words.text
    if k == 1:
        gram, docs, names, rank = words.ids, words.docs, text, words.rank
    else:
        # a k-gram's id: extend the (k-1)-gram ids one word at a time, renumbered densely;
        # members[j][g]: the term id of the j-th word of k-gram g
        gram, members = words.ids[valid], [np.arange(len(terms))]
        for j in range(1, k):
            gram, pairs = _numbered(gram * len(terms) + words.ids[valid + j])
            members = [m[pairs // len(terms)] for m in members] + [pairs % len(terms)]
        # the names, "w1 w2 …", joined column-wise by pyarrow
        words_of = [pa.array(text).take(m) for m in members]
        space = pa.scalar(" ", type=words_of[0].type)
        names = pd.array(pc.binary_join_element_wise(*words_of, space), dtype="str")
        if not words.plain:
            listed = names.tolist()
            same = {name: i for i, name in enumerate(listed)}  # "a b" + "c" is "a" + "b c"
            if len(same) < len(listed):
                gram = np.asarray([same[name] for name in listed], dtype=np.int64)[gram]
        rank = None
        if words.rank is not None:
            if words.plain:
                # no character at or below the space in any term: "w1 w2" sorts as the
                # pair (w1, w2) does, so by its words' ranks
                order = np.lexsort([words.rank[m] for m in reversed(members)])
            else:
                order = sorted(range(len(names)), key=listed.__getitem__)
            rank = np.empty(len(names), dtype=np.int64)
            rank[order] = np.arange(len(names))
        docs = words.docs[valid]
    n_grams = max(len(names), 1)
    which, per_doc = _numbered(docs * n_grams + gram)
    count = np.bincount(which, minlength=len(per_doc))
    return _Grams(names, rank, per_doc // n_grams, per_doc % n_grams, count)


def _gram_totals(grams: _Grams, k: int) -> dict[str, np.ndarray]:
    """Return the ``n, term, count, documents`` columns of the k-grams, sorted by term if ranked."""
    size = len(grams.names)
    if grams.rank is None:
        order, term = slice(None), grams.names  # as they are
    else:
        order = np.empty(size, dtype=np.int64)
        order[grams.rank] = np.arange(size)
        term = grams.names.take(order)
    return {
        "n": np.full(size, k, dtype=np.int64),
        "term": term,
        "count": np.bincount(grams.gram, weights=grams.count, minlength=size)[order].astype(
            np.int64
        ),
        "documents": np.bincount(grams.gram, minlength=size)[order].astype(np.int64),
    }


def _gram_group_totals(words: _Words, grams: _Grams, k: int) -> dict[str, np.ndarray]:
    """Sum the k-grams' counts per group: count, documents and sum of squares per term.

    Returns arrays of equal length: ``group`` (index into ``words.groups``), ``n``,
    ``term`` (str), ``rank`` (the term's place among this k's terms, sorted as
    text) and ``stats`` (``count, documents, sum_sq`` per row, int64).
    """
    names, c = grams.names, grams.count
    n_grams = max(len(names), 1)
    where, keys = _numbered(words.doc_group[grams.doc] * n_grams + grams.gram)
    stats = np.column_stack(
        [
            np.bincount(where, weights=c),
            np.bincount(where),
            np.bincount(where, weights=c.astype(np.float64) ** 2),
        ]
    ).astype(np.int64)
    term = keys % n_grams
    return {
        "group": keys // n_grams,
        "n": np.full(len(keys), k, dtype=np.int64),
        "term": names.take(term),
        "rank": None if grams.rank is None else grams.rank[term],
        "stats": stats.reshape(-1, 3),
    }


def _increasing(values: pd.Series) -> bool:
    """Tell whether ``values`` strictly increase: sorted, none repeated, none missing.

    Each value is compared with the next by pyarrow, all at once (pandas' two tests,
    sorted and unique, took ten times as long); values pyarrow cannot hold in one array
    (mixed types) are tested by pandas.
    """
    try:
        array = pa.array(values.array, from_pandas=True)
    except pa.ArrowException:
        index = pd.Index(values)
        return bool(index.is_monotonic_increasing and index.is_unique)
    if array.null_count or len(array) < 2:
        return array.null_count == 0
    return bool(pc.all(pc.less(array[:-1], array[1:])).as_py())


def _summed(term_counts_: pd.DataFrame, n: int) -> pd.DataFrame:
    check_columns("term_counts", term_counts_, TERM_COUNT_COLUMNS)
    sub = term_counts_[term_counts_["n"] == n]
    if "documents" in sub.columns:  # partial counts summed over partitions (framelens.scale)
        if _increasing(sub["term"]):  # already one row a term, sorted
            return sub.set_index("term")[["count", "documents"]]
        documents = ("documents", "sum")
    else:
        documents = ("doc_id", "nunique")
    return sub.groupby("term", sort=True).agg(count=("count", "sum"), documents=documents)


def _is_stop_ngram(term: str, stop: frozenset[str]) -> bool:
    parts = term.split(" ")
    return parts[0] in stop or parts[-1] in stop


def top_terms(
    term_counts: pd.DataFrame,
    *,
    n: int = 1,
    top_n: int = 20,
    keep_stopwords: bool = False,
) -> pd.DataFrame:
    """Rank the most frequent terms of (concatenated) :func:`term_counts`.

    Parameters
    ----------
    term_counts
        Partial counts of one or more partitions: :func:`term_counts` rows, or rows already
        summed per term that carry a ``documents`` column (how many documents of that
        partition use the term), which is then summed instead of counting ``doc_id``.
    n
        N-gram size to rank (the partial counts must include it).
    top_n
        How many terms (a whole number ≥ 1).
    keep_stopwords
        Keep stopwords (for n-grams: n-grams that begin or end with one). Default: drop.

    Returns
    -------
    pandas.DataFrame
        ``rank, term, n, count, documents, per_1000_words``: ``documents`` how many
        documents use the term, ``per_1000_words`` its count per 1,000 words (all words,
        stopwords included). Ties are ordered alphabetically.

    Examples
    --------
    >>> tc = pd.DataFrame({"doc_id": "a", "n": 1, "term": ["the", "navy", "drills"],
    ...                    "count": [5, 2, 2]})
    >>> top_terms(tc, top_n=1)[["rank", "term", "count"]].values.tolist()
    [[1, 'drills', 2]]
    >>> top_terms(tc, top_n=0)
    Traceback (most recent call last):
    ...
    framelens.errors.ParameterError: `top_n` must be at least 1, but 0 was passed.
    """
    top_n = check_int("top_n", top_n, min_value=1)
    n = check_int("n", n, min_value=1, max_value=10)
    check_bool("keep_stopwords", keep_stopwords)
    check_columns(
        "term_counts",
        term_counts,
        ["n", "term", "count"],
        made_by="framelens.stats.term_counts (or term_totals)",
    )
    total_words = int(term_counts.loc[term_counts["n"] == 1, "count"].sum())
    agg = _summed(term_counts, n)
    if not keep_stopwords:
        stop = resources.stopwords()
        names = agg.index
        keep = ~names.isin(list(stop))  # a term without a space: whether it is one
        spaced = np.flatnonzero(names.str.contains(" ", regex=False))
        if len(spaced):  # n-grams: their first or last word
            keep[spaced] = [not _is_stop_ngram(t, stop) for t in names[spaced].tolist()]
        agg = agg.loc[keep]
    # by count (descending), then term: the rows are in term order (_summed)
    order = np.lexsort((np.arange(len(agg)), -agg["count"].to_numpy()))[:top_n]
    agg = agg.iloc[order].reset_index()
    agg.insert(0, "rank", np.arange(1, len(agg) + 1, dtype="int64"))
    agg["n"] = n
    agg["per_1000_words"] = agg["count"] * 1000 / total_words if total_words else math.nan
    return agg[TOP_TERM_COLUMNS].astype(
        {"count": "int64", "documents": "int64", "per_1000_words": "float64"}
    )


def _likelihood_ratio(n_ii: int, n_ix: int, n_xi: int, n_xx: int) -> float:
    """Dunning's G² of a bigram, as NLTK's ``BigramAssocMeasures.likelihood_ratio``.

    The same arithmetic in the same order (NLTK 3.10, ``nltk/metrics/association.py``),
    so the same floats: ``2 Σ obs ln(obs / (exp + 1e-20) + 1e-20)`` over the 2×2 table
    of the pair's count ``n_ii``, its words' counts ``n_ix`` and ``n_xi`` and the
    corpus's words ``n_xx``, each cell's expected count from its row and column.
    """
    n_oi, n_io = n_xi - n_ii, n_ix - n_ii
    cont = (n_ii, n_oi, n_io, n_xx - n_ii - n_oi - n_io)
    total = sum(cont)
    out = 0
    for i in range(4):
        exp = (cont[i] + cont[i ^ 1]) * (cont[i] + cont[i ^ 2]) / total
        out += cont[i] * math.log(cont[i] / (exp + 1e-20) + 1e-20)
    return 2 * out


def _likeliest(counts: np.ndarray, n_xx: int, top_n: int) -> np.ndarray:
    """Tell which bigrams may rank among the ``top_n`` by likelihood ratio.

    ``counts`` holds a row ``(count, w1_count, w2_count)`` a bigram. The ratios are
    estimated at once with numpy (its logarithm can differ from ``math.log`` in the last
    bit); a bigram is kept when its estimate, widened by a margin millions of times any
    such difference, reaches the ``top_n``-th largest lower end, so every bigram of the
    exact top ``top_n`` (ties included) is kept and few others. All are kept when no more
    than ``top_n`` ratios are defined (undefined ones then rank too). Returns the mask of
    the bigrams kept.
    """
    n_ii, n_ix, n_xi = counts.astype(np.float64).T
    n_oi, n_io = n_xi - n_ii, n_ix - n_ii
    cont = (n_ii, n_oi, n_io, n_xx - n_ii - n_oi - n_io)
    total = cont[0] + cont[1] + cont[2] + cont[3]
    terms = []  # each cell's obs ln(obs / exp), as _likelihood_ratio
    with np.errstate(divide="ignore", invalid="ignore"):  # negative cells: undefined
        for i in range(4):
            expected = (cont[i] + cont[i ^ 1]) * (cont[i] + cont[i ^ 2]) / total
            terms.append(cont[i] * np.log(cont[i] / (expected + 1e-20) + 1e-20))
    estimate = 2 * (terms[0] + terms[1] + terms[2] + terms[3])
    estimate[cont[3] < 0] = np.nan
    defined = ~np.isnan(estimate)
    if defined.sum() <= top_n:
        return np.ones(len(counts), dtype=bool)
    margin = 1e-9 * (2 * sum(np.abs(t) for t in terms) + 1)
    low, high = estimate - margin, estimate + margin
    kth = np.sort(low[defined])[-top_n]
    return defined & (high >= kth)


def _bigram_words(bigrams: pd.Index) -> tuple[pa.Array, pa.Array]:
    """Return the first and the second word of each bigram ``"w1 w2"`` (pyarrow strings).

    Split by pyarrow at the one space of each name, all at once; a name without exactly
    one space is a ``ValueError``, as unpacking its ``str.split`` was.
    """
    names = pa.array(bigrams.array, type=pa.large_string())
    spaces = pc.count_substring(names, " ").to_numpy(zero_copy_only=False)
    if (spaces != 1).any():
        bad = bigrams[int(np.flatnonzero(spaces != 1)[0])]
        raise ValueError(f"a bigram is two words joined by a space, not {bad!r}")
    parts = pc.split_pattern(names, " ")
    return pc.list_element(parts, 0), pc.list_element(parts, 1)


def collocations(
    term_counts: pd.DataFrame,
    *,
    min_freq: int = 2,
    keep_stopwords: bool = False,
    top_n: int = 20,
) -> pd.DataFrame:
    """Bigram collocations scored with the likelihood ratio and PMI, as NLTK scores them.

    Built from summed unigram and bigram :func:`term_counts` (``n=[1, 2]``; without
    bigram rows the result is empty) as :class:`nltk.collocations.BigramCollocationFinder`
    and ``BigramAssocMeasures`` score them (the same floats; NLTK is not imported, see
    :func:`_likelihood_ratio`); bigrams seen fewer than
    ``min_freq`` times are dropped (PMI overrates rare pairs), and bigrams with a
    stopword unless ``keep_stopwords``.

    Parameters
    ----------
    term_counts
        Partial counts of one or more partitions, concatenated: :func:`term_counts` rows
        (``doc_id, n, term, count``) with the sizes 1 and 2.
    min_freq
        The fewest times a bigram must occur to be kept (a whole number ≥ 1, default 2).
    keep_stopwords
        Keep bigrams with a stopword as either word. Default: drop them.
    top_n
        How many bigrams (a whole number ≥ 1, default 20).

    Returns
    -------
    pandas.DataFrame
        ``rank, bigram, w1, w2, count, w1_count, w2_count, total_words,
        likelihood_ratio, pmi``, ranked by likelihood ratio (Dunning 1993), then bigram;
        ``likelihood_ratio`` is NaN (ranked last) when the counts cannot form a 2×2
        table, as in a two-word text whose one pair repeats a word.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "end": [60],
    ...                   "kind": ["prose"],
    ...                   "text": ["Joint drills began; joint drills ended; ships sailed."]})
    >>> tc = term_counts(s, n=[1, 2])
    >>> collocations(tc, min_freq=2)[["bigram", "count", "w1_count"]].values.tolist()
    [['joint drills', 2, 2]]
    >>> tiny = term_counts(s.assign(text=["Ships ships."]), n=[1, 2])
    >>> collocations(tiny, min_freq=1)[["bigram", "likelihood_ratio"]].values.tolist()
    [['ships ships', nan]]
    """
    min_freq = check_int("min_freq", min_freq, min_value=1)
    top_n = check_int("top_n", top_n, min_value=1)
    check_bool("keep_stopwords", keep_stopwords)
    uni, bi = _summed(term_counts, 1), _summed(term_counts, 2)
    word_counts = uni["count"].astype(int).to_numpy(dtype=np.int64)
    n_all = int(word_counts.sum())
    bi = bi[bi["count"].to_numpy() >= min_freq]
    # each bigram's words, without those with a stopword, and the words' counts, all at
    # once (a word without a count: 0, the one after the last)
    firsts, seconds = _bigram_words(bi.index)
    keep = np.ones(len(bi), dtype=bool)
    if not keep_stopwords:
        stop = pa.array(sorted(resources.stopwords()), type=pa.large_string())
        for words in (firsts, seconds):
            keep &= ~pc.is_in(words, value_set=stop).to_numpy(zero_copy_only=False)
    known = pa.array(uni.index.array, type=pa.large_string())
    table = [bi["count"].astype(int).to_numpy(dtype=np.int64)]
    for words in (firsts, seconds):
        at = pc.index_in(words, value_set=known).fill_null(-1).to_numpy(zero_copy_only=False)
        table.append(np.append(word_counts, 0)[at])
    table = np.column_stack(table)
    chosen = np.flatnonzero(keep)
    if len(chosen):
        chosen = chosen[_likeliest(table[chosen], n_all, top_n)]
    pairs = zip(
        bi.index[chosen].tolist(),
        firsts.take(chosen).to_pylist(),
        seconds.take(chosen).to_pylist(),
        *(table[chosen, j].tolist() for j in range(3)),
        strict=True,
    )
    rows = []
    for term, w1, w2, c, n1, n2 in pairs:
        # the 2x2 table has a negative cell when a pair covers (nearly) every word
        # of a tiny text ("ships ships": 1 pair, 2 words): G² is then undefined
        possible = n_all - n1 - n2 + c >= 0
        lr = _likelihood_ratio(c, n1, n2, n_all) if possible else math.nan
        pmi = math.log2(c * n_all) - math.log2(n1 * n2)
        rows.append((term, w1, w2, c, n1, n2, n_all, float(lr), float(pmi)))
    frame = pd.DataFrame(rows, columns=COLLOCATION_COLUMNS[1:])
    frame = (
        frame.sort_values(["likelihood_ratio", "bigram"], ascending=[False, True], kind="stable")
        .head(top_n)
        .reset_index(drop=True)
    )
    frame.insert(0, "rank", np.arange(1, len(frame) + 1, dtype="int64"))
    return frame.astype(
        {
            "count": "int64",
            "w1_count": "int64",
            "w2_count": "int64",
            "total_words": "int64",
            "likelihood_ratio": "float64",
            "pmi": "float64",
        }
    )


def keyness_counts(term_counts: pd.DataFrame, labels: pd.DataFrame) -> pd.DataFrame:
    """Word counts per group: partial counts that sum across partitions.

    Parameters
    ----------
    term_counts
        :func:`term_counts` rows (``doc_id, n, term, count``); only words (``n == 1``)
        are read.
    labels
        The group of each document (``doc_id, group``); documents without a label are
        left out, and one with several labels counts in each of its groups.

    Returns
    -------
    pandas.DataFrame
        ``group, term, count, documents, sum_sq`` (unigrams, stopwords included;
        ``documents``: how many of the group's documents use the term; ``sum_sq``: the sum
        of its squared per-document counts, for the dispersion in :func:`keyness`),
        sorted by group, term. Partitions hold disjoint documents, so all three sum
        across them.

    Examples
    --------
    >>> tc = pd.DataFrame({"doc_id": ["a", "b"], "n": 1, "term": "navy", "count": [2, 3]})
    >>> lab = pd.DataFrame({"doc_id": ["a", "b"], "group": ["x", "x"]})
    >>> keyness_counts(tc, lab).values.tolist()
    [['x', 'navy', 5, 2, 13]]
    """
    check_columns("term_counts", term_counts, TERM_COUNT_COLUMNS)
    check_columns("labels", labels, ["doc_id", "group"])
    uni = term_counts[term_counts["n"] == 1].merge(labels, on="doc_id", how="inner")
    per_doc = uni.groupby(["group", "term", "doc_id"], sort=True)["count"].sum().reset_index()
    per_doc["sq"] = per_doc["count"].astype("int64") ** 2
    out = per_doc.groupby(["group", "term"], sort=True).agg(
        count=("count", "sum"), documents=("doc_id", "nunique"), sum_sq=("sq", "sum")
    )
    out = out.reset_index()
    return out[[*KEYNESS_COUNT_COLUMNS, "documents", "sum_sq"]].astype(
        {"count": "int64", "documents": "int64", "sum_sq": "int64"}
    )


def _term_group_tables(
    counts_by_group: pd.DataFrame,
) -> tuple[pd.Index, dict[str, int], Callable[[str], np.ndarray]]:
    """Sum keyness counts into term × group tables, as a groupby of (term, group) would.

    Returns the terms (sorted: the tables' rows), each group's column (by the group as
    text) and a function that gives the table of one summed column (floats: the sums of
    its whole numbers; a missing count as 0). Rows of a missing term or group are left
    out, as groupby leaves them out.
    """
    keys = counts_by_group
    term_codes, term_names = pd.factorize(keys["term"], sort=True)
    group_codes, group_names = pd.factorize(keys["group"], sort=True)
    if len(keys) and min(term_codes.min(), group_codes.min()) < 0:  # a missing key
        keys = keys[(term_codes >= 0) & (group_codes >= 0)]
        term_codes, term_names = pd.factorize(keys["term"], sort=True)
        group_codes, group_names = pd.factorize(keys["group"], sort=True)
    cell = term_codes * len(group_names) + group_codes
    size = len(term_names) * len(group_names)

    def wide(name: str) -> np.ndarray:
        weights = keys[name].to_numpy(dtype=float, na_value=0.0)
        table = np.bincount(cell, weights=weights, minlength=size)
        return table.reshape(len(term_names), len(group_names))

    return pd.Index(term_names), {str(g): j for j, g in enumerate(group_names)}, wide


#: keyness's directions, taken by whether the target is over (1) or under (0) the reference
_DIRECTIONS = pd.array(["reference", "target"], dtype="str")


def _bh(p: np.ndarray) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values (the false discovery rate of each cut)."""
    m = len(p)
    if m == 0:
        return p
    order = np.argsort(p, kind="stable")
    scaled = p[order] * m / np.arange(1, m + 1)
    adjusted = np.minimum.accumulate(scaled[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(adjusted, 1.0)
    return out


def _g2(a: np.ndarray, b: np.ndarray, c: float, d: float) -> np.ndarray:
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        t1 = np.where(a > 0, a * np.log(a / e1), 0.0)
        t2 = np.where(b > 0, b * np.log(b / e2), 0.0)
    return 2 * (t1 + t2)


def keyness(
    counts_by_group: pd.DataFrame,
    *,
    target: str | None = None,
    min_count: int = 2,
    min_documents: int = 2,
    keep_stopwords: bool = False,
    top_n: int | None = None,
) -> pd.DataFrame:
    """Keywords of a group against the rest: log-likelihood G² and log ratio.

    For each term: ``a`` = count in the target, ``b`` = count in the reference (all other
    groups), ``c``/``d`` = words in each. G² (Dunning 1993; Rayson & Garside 2000) says
    how sure we can be that the frequencies differ; log ratio (Hardie 2014) says by how
    much: ``log2((a/c) / (b/d))``, a zero count replaced by 0.5. Positive log ratio: the
    term is more frequent in the target. When that 0.5 would give the ratio the wrong
    sign (a term never used in a target of a few dozen words), the ratio and its interval
    are missing: the target is too small to tell. The log ratio's 95% interval is the
    normal one of a log rate ratio, ``± 1.96 · sqrt(1/a + 1/b) / ln 2`` (same 0.5 for a
    zero). The p-values of every term tested, for every target compared, are corrected
    together with Benjamini-Hochberg (``p_adjusted``: read ``p_adjusted < 0.05`` as "key
    at a 5% false discovery rate" over the whole table; comparing 40 outlets in turn is
    40 times the tests). A term must also be used by at least ``min_documents`` documents
    of the side where it is more frequent, so one article's vocabulary is not a group's.
    Dispersion: ``target_effective_documents`` is ``a² / Σ c_d²`` over the target's
    documents (the inverse Herfindahl index of the documents' shares): the number of
    equally contributing documents that would give the same concentration, 1 when one
    article holds every use, the document count when all use it equally.

    Parameters
    ----------
    counts_by_group
        (Concatenated) :func:`keyness_counts`.
    target
        The target group; ``None`` compares every group in turn with the rest.
    min_count
        Terms seen fewer times in target and reference together are left out.
    min_documents
        Terms used by fewer documents on the side where they are more frequent (the
        target for ``direction = "target"``, else the reference) are left out. Needs the
        ``documents`` column of :func:`keyness_counts`; without it no term is left out
        for this reason and the ``*_documents`` columns are missing values.
    keep_stopwords
        Keep stopwords (default: drop them from the result; they still count in the
        totals).
    top_n
        Keep the ``top_n`` terms by G² per target (default: all).

    Returns
    -------
    pandas.DataFrame
        ``target, term, target_count, reference_count, target_documents,
        reference_documents, target_effective_documents, target_total, reference_total,
        g2, p_value, p_adjusted, log_ratio, log_ratio_ci_low, log_ratio_ci_high,
        direction`` (``direction`` is ``"target"`` or ``"reference"``: where the term is
        relatively more frequent),
        sorted by target, then G² descending, then (for equal G²) the more evenly spread
        over the target's documents first (``target_effective_documents``, then
        ``target_documents``), then term. With fewer than two groups the frame is empty
        and ``frame.attrs["note"]`` says why; it also names groups too small (in
        documents) for ``min_documents`` to let any of their words be key for them.

    Examples
    --------
    >>> kc = pd.DataFrame({"group": ["x", "x", "y", "y"], "term": ["navy", "army"] * 2,
    ...                    "count": [30, 10, 10, 30]})
    >>> k = keyness(kc, target="x")
    >>> k[["term", "target_count", "direction"]].values.tolist()
    [['army', 10, 'reference'], ['navy', 30, 'target']]
    >>> round(float(k["log_ratio"].iloc[1]), 4)
    1.585
    """
    # chi2.sf(x, 1) is chdtrc(1, x) in scipy.stats itself; scipy.special imports in a
    # tenth of the time (scipy.stats builds its distributions' docstrings at import)
    from scipy.special import chdtrc

    check_columns("counts_by_group", counts_by_group, KEYNESS_COUNT_COLUMNS)
    min_count = check_int("min_count", min_count, min_value=1)
    min_documents = check_int("min_documents", min_documents, min_value=1)
    check_bool("keep_stopwords", keep_stopwords)
    if top_n is not None:
        top_n = check_int("top_n", top_n, min_value=1)
    has_docs = "documents" in counts_by_group.columns
    has_sq = "sum_sq" in counts_by_group.columns
    # term × group tables of the summed columns: a row a term (sorted), a column a group
    term_names, column, wide = _term_group_tables(counts_by_group)
    table = wide("count")
    if has_docs:
        doc_table = wide("documents")
        doc_total = doc_table.sum(axis=1)
    if has_sq:
        sq_table = wide("sum_sq")
    groups = sorted(column)
    empty = pd.DataFrame(columns=KEYNESS_COLUMNS)
    if len(groups) < 2:
        empty.attrs["note"] = (
            f"Keyness needs two or more groups and this corpus has {len(groups)} "
            f"({groups}): a word is 'key' only relative to a reference corpus, so with a "
            "single group there is nothing to compare against. Set `group_by` to a "
            "metadata column with at least two values, or add a reference corpus."
        )
        return empty
    if target is not None and str(target) not in groups:
        raise ParameterError(
            f"`target` {target!r} is not a group; the groups are {groups}"
            f"{suggest(str(target), groups)}."
        )
    stop = resources.stopwords() if not keep_stopwords else frozenset()
    totals = table.sum(axis=0)
    grand = float(totals.sum())
    term_total = table.sum(axis=1)
    not_stop = ~term_names.isin(list(stop)) if stop else None
    out = []
    for g in [str(target)] if target is not None else groups:
        a = table[:, column[g]]
        b = term_total - a
        c = float(totals[column[g]])
        d = grand - c
        keep = (a + b) >= min_count
        if not_stop is not None:
            keep &= not_stop
        if has_docs:
            da = doc_table[:, column[g]]
            db = doc_total - da
        else:
            da = db = np.full(len(a), np.nan)
        sq = sq_table[:, column[g]] if has_sq else np.full(len(a), np.nan)
        if has_docs and c > 0 and d > 0:
            over = a / c >= b / d
            keep &= np.where(over, da, db) >= min_documents
        a, b, da, db, terms = a[keep], b[keep], da[keep], db[keep], term_names[keep]
        sq = sq[keep]
        with np.errstate(divide="ignore", invalid="ignore"):
            effective = np.where(sq > 0, np.round(a * a / sq, 2), np.nan)
        if d == 0 or c == 0:
            continue
        g2 = _g2(a, b, c, d)
        a5, b5 = np.where(a > 0, a, 0.5), np.where(b > 0, b, 0.5)
        lr = np.log2((a5 / c) / (b5 / d))
        half = 1.959963984540054 * np.sqrt(1 / a5 + 1 / b5) / math.log(2)
        # a target of a few dozen words makes 0.5 of a zero count a high rate: a term it
        # never uses would get a positive log ratio. Such a ratio says nothing: missing
        over = a / c >= b / d
        flipped = np.where(over, lr < 0, lr > 0)
        lr = np.where(flipped, np.nan, lr)
        half = np.where(flipped, np.nan, half)
        # terms of the same counts have the same G²: each distinct value once (the same floats)
        distinct, where = np.unique(g2, return_inverse=True)
        p = chdtrc(1, distinct)[where]
        # by G² (descending); equal G² (terms with the same counts): the more evenly spread
        # over documents first, then by term (the table's rows are in term order); a
        # missing value last (numpy sorts NaN last)
        o = np.lexsort((np.arange(len(a)), -da, -effective, -g2))
        part = pd.DataFrame(
            {
                "target": g,
                "term": terms.astype(str)[o],
                "target_count": a[o].astype("int64"),
                "reference_count": b[o].astype("int64"),
                "target_documents": pd.array(da[o], dtype="Int64"),  # NaN: missing
                "reference_documents": pd.array(db[o], dtype="Int64"),
                "target_effective_documents": effective[o],
                "target_total": int(c),
                "reference_total": int(d),
                "g2": g2[o],
                "p_value": p[o],
                "p_adjusted": np.nan,  # below: over every target's terms together
                "log_ratio": lr[o],
                "log_ratio_ci_low": (lr - half)[o],
                "log_ratio_ci_high": (lr + half)[o],
                "direction": _DIRECTIONS.take(over[o].astype(np.intp)),
            }
        )
        out.append(part)
    if not out:
        return empty
    result = pd.concat(out, ignore_index=True)
    # one family of tests: every term of every target compared (with 40 outlets, a
    # correction per target let one in each few outlets have a 'keyword' by chance)
    result["p_adjusted"] = _bh(result["p_value"].to_numpy(dtype=float))
    if top_n:
        result = result.groupby("target", sort=False, group_keys=False).head(top_n)
    result = result.reset_index(drop=True)[KEYNESS_COLUMNS]
    if has_docs and min_documents > 1:
        # a group whose most used term is in fewer documents than min_documents (a group
        # of one article) can have no keyword of its own: say so, not an empty list
        most = doc_table.max(axis=0)
        small = [g for g in ([str(target)] if target is not None else groups)
                 if float(most[column[g]]) < min_documents]  # fmt: skip
        if small:
            result.attrs["note"] = (
                f"{len(small)} group(s) have no term in {min_documents} or more documents "
                f"({', '.join(small[:5])}{' …' if len(small) > 5 else ''}): with "
                f"min_documents={min_documents} none of their words can be key for them "
                "(their rows are words the rest uses more). Lower min_documents (the notebook's "
                "keyness_min_documents) to see them."
            )
    return result
