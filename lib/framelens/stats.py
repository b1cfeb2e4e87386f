"""Text statistics: counts, lexical diversity, readability, vocabulary, KWIC, actors, keyness.

Everything here takes the ``sentences`` frame of :func:`framelens.corpus.segment` (and,
optionally, the ``tokens`` frame of :func:`framelens.corpus.tokenize`, to tokenize once)
and returns a tidy long frame, key columns first, evidence beside every number.

Two kinds of result:

* **Per-document** results (:func:`document_stats`, :func:`counts`,
  :func:`lexical_diversity`, :func:`readability`, :func:`sentence_lengths`, :func:`kwic`,
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

from __future__ import annotations

import bisect
import fnmatch
import math
import re
import warnings
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from statistics import median
from typing import Any, Literal

import numpy as np
import pandas as pd

from . import corpus, resources
from .errors import FramelensWarning, ParameterError
from .params import check_bool, check_choice, check_int, check_number, check_str_list, suggest

__all__ = [
    "ACTOR_COLUMNS",
    "COLLOCATION_COLUMNS",
    "KEYNESS_COLUMNS",
    "KWIC_COLUMNS",
    "STAT_COLUMNS",
    "TERM_COUNT_COLUMNS",
    "TOP_TERM_COLUMNS",
    "actor_counts",
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

#: Minimum text length McCarthy & Jarvis (2010) recommend for MTLD and HD-D.
MIN_TOKENS_MJ2010 = 100
#: Sentences the SMOG formula was calibrated on (McLaughlin 1969).
SMOG_SENTENCES = 30
#: Words a readability sample should have (Flesch 1948 used 100-word samples).
READABILITY_WORDS = 100

KWIC_COLUMNS = ["doc_id", "sent_id", "left", "match", "right", "start", "end", "kind", "pattern"]
STAT_COLUMNS = ["doc_id", "family", "measure", "value", "words", "sentences", "reliable", "note"]
SENTENCE_LENGTH_COLUMNS = ["doc_id", "sent_id", "para_id", "kind", "words"]
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
ACTOR_COLUMNS = [
    "doc_id",
    "actor",
    "type",
    "mentions",
    "aliases",
    "first_sent_id",
    "first_start",
]
GROUP_COUNT_COLUMNS = [
    "group",
    "family",
    "measure",
    "documents",
    "reliable_documents",
    "total",
    "sum_sq",
    "min",
    "max",
]
GROUP_SUMMARY_COLUMNS = [
    "group",
    "family",
    "measure",
    "documents",
    "reliable_documents",
    "total",
    "mean",
    "sd",
    "min",
    "max",
]

Mode = Literal["glob", "regex", "phrase"]
Period = Literal["year", "month", "day"]
_MODES = ["glob", "regex", "phrase"]

# Scripts written without spaces between words: a run of them is not "a word".
_NOSPACE = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\U00020000-\U0002fa1f]"
)
_APOS = str.maketrans({"\u2019": "'", "\u2018": "'"})

# ---------------------------------------------------------------------------------------
# shared preparation: one pass over the tokens


def _check_sentences(sentences: Any) -> None:
    corpus._require_columns(sentences, ["doc_id", "sent_id", "start", "end", "text"], "sentences")


def _scope(sentences: pd.DataFrame, include_embeds: bool) -> pd.DataFrame:
    if include_embeds or "kind" not in sentences.columns:
        return sentences
    return sentences[sentences["kind"] == "prose"]


def _tokens_for(sentences: pd.DataFrame, tokens: pd.DataFrame | None) -> pd.DataFrame:
    """Tokens of ``sentences``: tokenize them, or select them from ``tokens``."""
    if tokens is None:
        return corpus.tokenize(sentences)
    corpus._require_columns(
        tokens, ["doc_id", "sent_id", "start", "end", "token", "lower", "type"], "tokens"
    )
    return tokens  # callers look tokens up by (doc_id, sent_id) and skip the others


class _Sent:
    __slots__ = ("doc_id", "sent_id", "para_id", "kind", "text", "words", "runs", "other")

    def __init__(self, doc_id, sent_id, para_id, kind, text):
        self.doc_id = doc_id
        self.sent_id = sent_id
        self.para_id = para_id
        self.kind = kind
        self.text = text
        self.words: list[str] = []
        self.runs: list[list[str]] = [[]]  # word runs broken at any non-word token
        self.other: Counter = Counter()  # hashtag / mention / url / nospace counts


def _prepare(
    sentences: pd.DataFrame, include_embeds: bool, tokens: pd.DataFrame | None
) -> dict[str, list[_Sent]]:
    """Group sentences by document (sorted by doc_id, then start) with their words."""
    _check_sentences(sentences)
    scoped = _scope(sentences, include_embeds).sort_values(["doc_id", "start"], kind="stable")
    para = scoped["para_id"].tolist() if "para_id" in scoped.columns else [0] * len(scoped)
    kind = scoped["kind"].tolist() if "kind" in scoped.columns else ["prose"] * len(scoped)
    docs: dict[str, list[_Sent]] = {}
    index: dict[tuple[str, int], _Sent] = {}
    for doc_id, sent_id, para_id, k, text in zip(
        scoped["doc_id"].tolist(),
        scoped["sent_id"].tolist(),
        para,
        kind,
        scoped["text"].tolist(),
        strict=True,
    ):
        s = _Sent(str(doc_id), int(sent_id), int(para_id), str(k), str(text))
        docs.setdefault(s.doc_id, []).append(s)
        index[(s.doc_id, s.sent_id)] = s
    # documents whose sentences are all out of scope still get a row
    for doc_id in sentences["doc_id"].astype(str).unique():
        docs.setdefault(doc_id, [])
    if len(scoped):
        toks = _tokens_for(scoped, tokens)
        last_key: tuple | None = None
        s = None
        word_types = set(corpus.WORD_TYPES)
        for doc_id, sent_id, lower, typ in zip(
            toks["doc_id"].tolist(),
            toks["sent_id"].tolist(),
            toks["lower"].tolist(),
            toks["type"].tolist(),
            strict=True,
        ):
            key = (doc_id, sent_id)
            if key != last_key:  # tokens come sentence by sentence
                last_key = key
                s = index.get((str(doc_id), int(sent_id)))
            if s is None:
                continue
            if typ in word_types and (lower.isascii() or not _NOSPACE.search(lower)):
                w = lower if lower.isascii() else lower.translate(_APOS)
                s.words.append(w)
                s.runs[-1].append(w)
            else:
                if s.runs[-1]:
                    s.runs.append([])
                s.other["nospace" if typ in word_types else typ] += 1
    return dict(sorted(docs.items()))


def _words_of(sents: list[_Sent]) -> list[str]:
    return [w for s in sents for w in s.words]


# ---------------------------------------------------------------------------------------
# KWIC


def _compile(pattern: str, mode: str, case_sensitive: bool) -> list[re.Pattern[str]] | re.Pattern:
    flags = 0 if case_sensitive else re.IGNORECASE
    if mode == "regex":
        try:
            return re.compile(pattern, flags)
        except re.error as exc:
            raise ParameterError(
                f"`pattern` {pattern!r} is not a valid regular expression ({exc}). "
                "Use mode='glob' for simple wildcards like 'escalat*'."
            ) from None
    parts = pattern.translate(_APOS).split()
    if mode == "glob":
        return [re.compile(fnmatch.translate(p), flags) for p in parts]
    return [re.compile(re.escape(p) + r"\Z", flags) for p in parts]


def kwic(
    sentences: pd.DataFrame,
    pattern: str | Sequence[str],
    *,
    window: int = 5,
    mode: Mode = "glob",
    case_sensitive: bool = False,
    tokens: pd.DataFrame | None = None,
) -> pd.DataFrame:
    r"""Find a pattern and show each hit in its context (keyword in context).

    Parameters
    ----------
    sentences
        The sentences frame (:func:`framelens.corpus.segment`); embeds included, the
        ``kind`` column says which hits are in embedded posts.
    pattern
        One pattern or a list of them. ``mode="glob"``: one glob per word, ``*`` any
        letters, ``?`` one (``"escalat*"``, ``"joint exercis*"``), matched against whole
        tokens. ``mode="phrase"``: words matched literally (``"Sea of Japan"``).
        ``mode="regex"``: a regular expression searched in the sentence text
        (``r"\bdrills?\b"``). Glob and phrase patterns match tokens within one sentence;
        punctuation between words breaks a phrase.
    window
        Words of context on each side (across sentence boundaries within a document).
    mode
        ``"glob"`` (default), ``"regex"`` or ``"phrase"``.
    case_sensitive
        Match case exactly (default: ignore case). Straight and curly apostrophes are
        treated alike in glob and phrase patterns.
    tokens
        The tokens of these sentences, if already computed (saves tokenizing again).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sent_id, left, match, right, start, end, kind, pattern``: one row per
        hit; ``match`` is the text as written, ``start``/``end`` its offsets in the
        document, ``left``/``right`` up to ``window`` words of context (white space
        collapsed), ``pattern`` the pattern that matched. Sorted by ``doc_id, start,
        pattern``. No hit gives an empty frame with these columns and a
        :class:`~framelens.errors.FramelensWarning` that suggests what to try.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "start": [0, 25],
    ...                   "end": [24, 53], "kind": ["prose", "prose"],
    ...                   "text": ["Tensions could escalate.", "Escalation, warned the Navy."]})
    >>> k = kwic(s, "escalat*", window=2)
    >>> k[["left", "match", "right", "start"]].values.tolist()[0]
    ['Tensions could', 'escalate', '. Escalation, warned', 15]
    >>> k[["left", "match", "right", "start"]].values.tolist()[1]
    ['could escalate.', 'Escalation', ', warned the', 25]
    """
    _check_sentences(sentences)
    patterns = check_str_list("pattern", pattern, allow_empty=False)
    if any(not p.strip() for p in patterns):
        raise ParameterError("`pattern` must not be empty; try a word such as 'escalat*'.")
    window = check_int("window", window, min_value=0)
    check_choice("mode", mode, _MODES)
    check_bool("case_sensitive", case_sensitive)
    compiled = [(p, _compile(p, mode, case_sensitive)) for p in patterns]

    ordered = sentences.sort_values(["doc_id", "start"], kind="stable")
    toks = _tokens_for(ordered, tokens)
    kinds = ordered["kind"].tolist() if "kind" in ordered.columns else ["prose"] * len(ordered)
    sent_rows: dict[str, list[tuple[int, int, int, str, str]]] = defaultdict(list)
    for doc_id, sent_id, start, end, text, kind in zip(
        ordered["doc_id"].tolist(),
        ordered["sent_id"].tolist(),
        ordered["start"].tolist(),
        ordered["end"].tolist(),
        ordered["text"].tolist(),
        kinds,
        strict=True,
    ):
        sent_rows[str(doc_id)].append((int(sent_id), int(start), int(end), str(text), str(kind)))
    keys = {(d, s[0]) for d, rows_ in sent_rows.items() for s in rows_}
    doc_tokens: dict[str, list[tuple[int, int, int, str, str]]] = defaultdict(list)
    for doc_id, sent_id, start, end, tok, typ in zip(
        toks["doc_id"].tolist(),
        toks["sent_id"].tolist(),
        toks["start"].tolist(),
        toks["end"].tolist(),
        toks["token"].tolist(),
        toks["type"].tolist(),
        strict=True,
    ):
        if (str(doc_id), int(sent_id)) in keys:
            doc_tokens[str(doc_id)].append((int(sent_id), int(start), int(end), tok, typ))

    rows = []
    for doc_id, sents in sent_rows.items():
        dtoks = sorted(doc_tokens.get(doc_id, []), key=lambda t: t[1])
        hits = []  # (sent_id, start, end, kind, pattern)
        if mode != "regex":
            kind_of = {s[0]: s[4] for s in sents}
            by_sent: dict[int, list[tuple]] = defaultdict(list)
            for t in dtoks:
                by_sent[t[0]].append(t)
            norms = {
                sid: [t[3] if t[3].isascii() else t[3].translate(_APOS) for t in st]
                for sid, st in by_sent.items()
            }
        for p, rx in compiled:
            if mode == "regex":
                for sent_id, start, _end, text, kind in sents:
                    for m in rx.finditer(text):
                        if m.end() > m.start():
                            hits.append((sent_id, start + m.start(), start + m.end(), kind, p))
                continue
            k, first = len(rx), rx[0].match
            for sent_id, stoks in by_sent.items():
                norm = norms[sent_id]
                for i in range(len(stoks) - k + 1):
                    if first(norm[i]) and all(rx[j].match(norm[i + j]) for j in range(1, k)):
                        hits.append(
                            (sent_id, stoks[i][1], stoks[i + k - 1][2], kind_of[sent_id], p)
                        )
        if not hits:
            continue
        length = max(s[2] for s in sents)
        buf = [" "] * length
        for _sid, start, end, text, _k in sents:
            buf[start:end] = list(text[: end - start].ljust(end - start))
        doc_text = "".join(buf)
        word_starts = [t[1] for t in dtoks if t[4] != "punct"]
        word_ends = [t[2] for t in dtoks if t[4] != "punct"]
        for sent_id, start, end, kind, p in hits:
            left = right = ""
            if window:
                n_before = bisect.bisect_right(word_ends, start)
                if n_before:
                    left = doc_text[word_starts[max(0, n_before - window)] : start]
                first_after = bisect.bisect_left(word_starts, end)
                if first_after < len(word_starts):
                    last = min(first_after + window, len(word_starts)) - 1
                    right = doc_text[end : word_ends[last]]
                else:
                    right = doc_text[end:]  # only punctuation is left
            rows.append(
                (
                    doc_id,
                    sent_id,
                    " ".join(left.split()),
                    doc_text[start:end],
                    " ".join(right.split()),
                    start,
                    end,
                    kind,
                    p,
                )
            )
    frame = pd.DataFrame(rows, columns=KWIC_COLUMNS)
    frame = frame.sort_values(["doc_id", "start", "pattern"], kind="stable").reset_index(drop=True)
    if frame.empty and len(sentences):
        warnings.warn(
            _no_hits(patterns, mode, case_sensitive, len(sentences)), FramelensWarning, stacklevel=2
        )
    return frame.astype({"sent_id": "int64", "start": "int64", "end": "int64"})


def _no_hits(patterns: list[str], mode: str, case_sensitive: bool, n_sentences: int) -> str:
    """Say that nothing matched, and what to try instead."""
    shown = ", ".join(repr(p) for p in patterns)
    words = patterns[0].split() or [patterns[0]]
    bare = words[-1].rstrip("*?")
    stem = bare[: max(3, len(bare) - 3)]
    if mode == "regex":
        hint = "a looser expression, or mode='glob' with a wildcard"
    elif mode == "phrase":
        hint = f"mode='glob' with a wildcard, e.g. '{' '.join([*words[:-1], stem + '*'])}'"
    elif words[-1] != bare:
        hint = f"a shorter stem, e.g. '{' '.join([*words[:-1], stem + '*'])}'"
    else:
        hint = f"a wildcard, e.g. '{' '.join([*words[:-1], stem + '*'])}'"
    if case_sensitive:
        hint = f"case_sensitive=False, or {hint}"
    return f"kwic: no hits for {shown} ({mode}) in {n_sentences} sentence(s); try {hint}."


# ---------------------------------------------------------------------------------------
# lexical diversity: pure functions on a token list


def ttr(tokens: Sequence[str]) -> float:
    """Type-token ratio: distinct tokens / tokens (NaN for no tokens).

    Examples
    --------
    >>> ttr(["the", "ships", "and", "the", "planes"])
    0.8
    """
    return len(set(tokens)) / len(tokens) if len(tokens) else math.nan


def mattr(tokens: Sequence[str], *, window: int = 50) -> float:
    """Moving-average type-token ratio (Covington & McFall 2010).

    The mean TTR of every window of ``window`` consecutive tokens; NaN when the text has
    fewer tokens than the window.

    Examples
    --------
    >>> mattr(["a", "b", "a", "c"], window=2)
    1.0
    >>> round(mattr(["a", "b", "a", "a"], window=2), 4)
    0.8333
    """
    window = check_int("window", window, min_value=1)
    n = len(tokens)
    if n < window:
        return math.nan
    counts: Counter = Counter(tokens[:window])
    total = len(counts)
    for i in range(window, n):
        old, new = tokens[i - window], tokens[i]
        counts[old] -= 1
        if counts[old] == 0:
            del counts[old]
        counts[new] += 1
        total += len(counts)
    return total / (window * (n - window + 1))


def _mtld_pass(tokens: Iterable[str], threshold: float) -> float:
    """Factor count of one MTLD pass, the last partial factor included."""
    types: set[str] = set()
    count, factors, current = 0, 0.0, 1.0
    for tok in tokens:
        count += 1
        types.add(tok)
        current = len(types) / count
        if current <= threshold:
            factors += 1
            types, count, current = set(), 0, 1.0
    if count:
        factors += (1 - current) / (1 - threshold)
    return factors


def mtld(tokens: Sequence[str], *, threshold: float = 0.72) -> float:
    """Measure of textual lexical diversity (McCarthy & Jarvis 2010).

    The mean of a forward and a backward pass; each pass cuts the text into factors
    where the running TTR falls to ``threshold`` and credits the last, partial factor as
    ``(1 - TTR) / (1 - threshold)``; MTLD = tokens / factors. NaN when no factor forms
    (no tokens, or every token different).

    Examples
    --------
    >>> round(mtld(["a", "b", "a", "b", "c", "a", "b", "c"]), 4)
    4.0
    """
    threshold = check_number("threshold", threshold, min_value=0, max_value=0.999999)
    n = len(tokens)
    forward = _mtld_pass(tokens, threshold)
    backward = _mtld_pass(reversed(tokens), threshold)
    if n == 0 or forward == 0 or backward == 0:
        return math.nan
    return (n / forward + n / backward) / 2


def hdd(tokens: Sequence[str], *, draws: int = 42) -> float:
    """HD-D (McCarthy & Jarvis 2010): expected TTR of a random sample of ``draws`` tokens.

    For each type, the hypergeometric probability that a sample of ``draws`` tokens
    (without replacement) contains it at least once, divided by ``draws``, summed. NaN
    when the text has fewer than ``draws`` tokens.

    Examples
    --------
    >>> round(hdd(["a", "b", "a", "c"], draws=2), 4)
    0.9167
    """
    from scipy.stats import hypergeom

    draws = check_int("draws", draws, min_value=1)
    n = len(tokens)
    if n < draws:
        return math.nan
    freqs = np.array(list(Counter(tokens).values()))
    return float(np.sum((1 - hypergeom.pmf(0, n, freqs, draws)) / draws))


def _diversity_rows(
    words: list[str], window: int, threshold: float, draws: int
) -> list[tuple[str, float, bool, str]]:
    n = len(words)
    if n == 0:
        note = "no words: lexical diversity is undefined"
        return [(m, math.nan, False, note) for m in ("ttr", "mattr", "mtld", "hdd")]
    mj = f"McCarthy & Jarvis (2010) recommend at least {MIN_TOKENS_MJ2010} tokens; this has {n}"
    rows = [("ttr", ttr(words), True, "falls as texts get longer: compare only equal lengths")]
    if n < window:
        note = f"needs more than {window} tokens (window); has {n}"
        rows.append(("mattr", math.nan, False, note))
    elif n == window:
        rows.append(
            (
                "mattr",
                mattr(words, window=window),
                False,
                f"only one window of {window}: equals TTR; needs more than {window} tokens",
            )
        )
    else:
        rows.append(("mattr", mattr(words, window=window), True, f"window {window}"))
    m = mtld(words, threshold=threshold)
    if math.isnan(m):
        rows.append(("mtld", m, False, "no factor formed (every word differs): undefined"))
    else:
        ok = n >= MIN_TOKENS_MJ2010
        rows.append(("mtld", m, ok, f"threshold {threshold}" if ok else mj))
    if n < draws:
        rows.append(("hdd", math.nan, False, f"needs at least {draws} tokens (draws); has {n}"))
    else:
        ok = n >= MIN_TOKENS_MJ2010
        rows.append(("hdd", hdd(words, draws=draws), ok, f"{draws} draws" if ok else mj))
    return rows


# ---------------------------------------------------------------------------------------
# per-document statistics

_COUNT_MEASURES = [
    "characters",
    "words",
    "types",
    "sentences",
    "paragraphs",
    "embeds",
    "hashtags",
    "mentions",
    "links",
    "embed_hashtags",
    "embed_mentions",
    "embed_links",
    "sentence_length_mean",
    "sentence_length_median",
    "sentence_length_max",
]
_READABILITY = [
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
]
_FAMILIES = ["counts", "diversity", "readability"]


def _no_words_note(sents: list[_Sent]) -> str:
    nospace = sum(s.other["nospace"] for s in sents)
    if nospace:
        return (
            f"no words: {nospace} run(s) of a script written without spaces (e.g. Chinese); "
            "framelens counts space-separated words"
        )
    if not sents:
        return "no sentences in scope (only embeds? set include_embeds=True)"
    return "no words (only punctuation, symbols or emoji)"


def _count_rows(sents: list[_Sent], all_sents: list[_Sent] | None) -> list[tuple]:
    words = _words_of(sents)
    n_words, n_sents = len(words), len(sents)
    lengths = [len(s.words) for s in sents]
    embed_sents = [s for s in (all_sents or sents) if s.kind == "embed"]
    embeds = {s.para_id for s in embed_sents}
    in_scope = any(s.kind == "embed" for s in sents)

    def apart(measure: str) -> str:  # where the embeds' hashtags/mentions/links are
        if in_scope or not embed_sents:
            return ""
        return f"prose only; embedded posts: see embed_{measure}"

    def embedded(kind: str) -> float:
        return float(sum(s.other[kind] for s in embed_sents))

    embed_note = (
        "in embedded posts (also counted in the row above: include_embeds=True)"
        if in_scope
        else "in embedded posts, counted apart from the prose"
    )
    out: list[tuple] = [
        ("characters", float(sum(len(s.text) for s in sents)), True, "characters of the sentences"),
        ("words", float(n_words), True, "" if n_words else _no_words_note(sents)),
        ("types", float(len(set(words))), True, "distinct lower-cased words"),
        ("sentences", float(n_sents), True, ""),
        ("paragraphs", float(len({s.para_id for s in sents})), True, ""),
        ("embeds", float(len(embeds)), True, "embedded posts in the document (paragraphs)"),
        ("hashtags", float(sum(s.other["hashtag"] for s in sents)), True, apart("hashtags")),
        ("mentions", float(sum(s.other["mention"] for s in sents)), True, apart("mentions")),
        ("links", float(sum(s.other["url"] for s in sents)), True, apart("links")),
        ("embed_hashtags", embedded("hashtag"), True, embed_note),
        ("embed_mentions", embedded("mention"), True, "@handles " + embed_note),
        ("embed_links", embedded("url"), True, embed_note),
    ]
    if n_words:
        out += [
            ("sentence_length_mean", n_words / n_sents, True, "words per sentence"),
            ("sentence_length_median", float(median(lengths)), True, "words per sentence"),
            ("sentence_length_max", float(max(lengths)), True, "words per sentence"),
        ]
    else:
        note = _no_words_note(sents)
        out += [(m, math.nan, False, note) for m in _COUNT_MEASURES[-3:]]
    return out


def _readability_rows(sents: list[_Sent]) -> list[tuple]:
    prose = [s for s in sents if s.kind == "prose"]
    n_words = len(_words_of(prose))
    if not n_words:
        note = _no_words_note(prose)
        return [(m, math.nan, False, note) for m in _READABILITY]
    import textstat  # resources checked once by document_stats

    text = " ".join(s.text for s in prose)
    n_sents = len(prose)
    short = f"formulas expect samples of {READABILITY_WORDS}+ words; this has {n_words}"
    rows = []
    for m in _READABILITY:
        value = float(getattr(textstat, m)(text))
        if m == "smog_index" and n_sents < SMOG_SENTENCES:
            rows.append((m, value, False, f"SMOG needs {SMOG_SENTENCES} sentences; has {n_sents}"))
        elif n_words < READABILITY_WORDS:
            rows.append((m, value, False, short))
        else:
            rows.append((m, value, True, "textstat on the prose"))
    return rows


def prose_text(sentences: pd.DataFrame) -> pd.Series:
    """Return each document's prose as one string (its prose sentences joined by spaces).

    This is the string :func:`readability` gives to textstat.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "start": [0, 9],
    ...                   "end": [8, 15], "kind": ["prose", "embed"],
    ...                   "text": ["Ships go.", "#navy"]})
    >>> prose_text(s).to_dict()
    {'a': 'Ships go.'}
    """
    _check_sentences(sentences)
    prose = _scope(sentences, False).sort_values(["doc_id", "start"], kind="stable")
    return prose.groupby("doc_id", sort=True)["text"].agg(" ".join).rename("text")


def document_stats(
    sentences: pd.DataFrame,
    *,
    include_embeds: bool = False,
    window: int = 50,
    threshold: float = 0.72,
    draws: int = 42,
    families: Sequence[str] = ("counts", "diversity", "readability"),
    tokens: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Compute counts, lexical diversity and readability per document, a row per measure.

    Parameters
    ----------
    sentences
        The sentences frame; any subset of documents.
    include_embeds
        Count embedded posts as part of the text (default: the article's prose only).
        Readability always uses the prose only.
    window, threshold, draws
        MATTR window (tokens), MTLD factor threshold and HD-D sample size.
    families
        Which of ``"counts"``, ``"diversity"``, ``"readability"`` to compute.
    tokens
        ``corpus.tokenize(sentences)`` if already computed.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, family, measure, value, words, sentences, reliable, note``: ``words``
        and ``sentences`` are the counts the value rests on; ``reliable`` is false when
        the text is too short for the measure (the ``note`` says why) or the value is
        undefined (NaN). Measures: counts (characters, words, types, sentences,
        paragraphs, embeds, hashtags, mentions, links, embed_hashtags, embed_mentions,
        embed_links, sentence_length_mean / median / max in words), diversity (ttr,
        mattr, mtld, hdd), readability (flesch_reading_ease, flesch_kincaid_grade,
        gunning_fog, smog_index, coleman_liau_index). Sorted by ``doc_id``, then family
        and measure as listed.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "start": [0, 14],
    ...                   "end": [13, 29], "kind": ["prose", "prose"],
    ...                   "text": ["Ships sailed.", "Planes flew by."]})
    >>> d = document_stats(s, families=["counts"]).set_index("measure")
    >>> d.loc[["words", "sentences", "sentence_length_max"], "value"].tolist()
    [5.0, 2.0, 3.0]
    """
    check_bool("include_embeds", include_embeds)
    window = check_int("window", window, min_value=1)
    threshold = check_number("threshold", threshold, min_value=0.01, max_value=0.99)
    draws = check_int("draws", draws, min_value=1)
    fams = check_str_list("families", list(families), allow_empty=False)
    for f in fams:
        check_choice("families", f, _FAMILIES)
    docs = _prepare(sentences, True, tokens)
    if "readability" in fams and len(sentences):
        resources.use_offline_nltk()  # textstat reads the CMU dictionary through NLTK
        resources.require("cmudict")
    rows = []
    for doc_id, all_sents in docs.items():
        sents = all_sents if include_embeds else [s for s in all_sents if s.kind == "prose"]
        n_words, n_sents = len(_words_of(sents)), len(sents)
        produced: list[tuple[str, list]] = []
        if "counts" in fams:
            produced.append(("counts", _count_rows(sents, all_sents)))
        if "diversity" in fams:
            produced.append(
                ("diversity", _diversity_rows(_words_of(sents), window, threshold, draws))
            )
        if "readability" in fams:
            prose = [s for s in all_sents if s.kind == "prose"]
            produced.append(("readability", _readability_rows(prose)))
            pw, ps = len(_words_of(prose)), len(prose)
        for family, items in produced:
            nw, ns = (pw, ps) if family == "readability" else (n_words, n_sents)
            for measure, value, reliable, note in items:
                ok = bool(reliable) and not (isinstance(value, float) and math.isnan(value))
                rows.append((doc_id, family, measure, value, nw, ns, ok, note))
    frame = pd.DataFrame(rows, columns=STAT_COLUMNS)
    return frame.astype(
        {
            "doc_id": str,
            "value": "float64",
            "words": "int64",
            "sentences": "int64",
            "reliable": bool,
            "note": str,
        }
    ).reset_index(drop=True)


def counts(
    sentences: pd.DataFrame,
    *,
    include_embeds: bool = False,
    tokens: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Count characters, words, sentences… per document (:func:`document_stats` counts).

    Returns
    -------
    pandas.DataFrame
        Columns as :func:`document_stats`; measures characters, words, types, sentences,
        paragraphs, embeds, hashtags, mentions, links (in the measured text: the prose
        by default), embed_hashtags, embed_mentions, embed_links (in the embedded posts,
        always counted apart so that a prose-only count of 0 does not hide them),
        sentence_length_mean / median / max.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "end": [19],
    ...                   "kind": ["prose"], "text": ["#Navy ships sailed."]})
    >>> counts(s).set_index("measure").loc[["words", "hashtags"], "value"].tolist()
    [2.0, 1.0]
    """
    return document_stats(
        sentences, include_embeds=include_embeds, families=["counts"], tokens=tokens
    )


def lexical_diversity(
    sentences: pd.DataFrame,
    *,
    include_embeds: bool = False,
    window: int = 50,
    threshold: float = 0.72,
    draws: int = 42,
    tokens: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """TTR, MATTR, MTLD and HD-D per document, each with ``reliable`` and a ``note``.

    MATTR needs more than ``window`` tokens; MTLD and HD-D are flagged unreliable below
    the 100 tokens McCarthy & Jarvis (2010) recommend, and HD-D is undefined below
    ``draws`` tokens.

    Returns
    -------
    pandas.DataFrame
        Columns as :func:`document_stats`, measures ``ttr, mattr, mtld, hdd``.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "end": [19],
    ...                   "kind": ["prose"], "text": ["Ships sailed, ships returned."]})
    >>> lexical_diversity(s)[["measure", "value", "reliable"]].values.tolist()[:2]
    [['ttr', 0.75, True], ['mattr', nan, False]]
    """
    return document_stats(
        sentences,
        include_embeds=include_embeds,
        window=window,
        threshold=threshold,
        draws=draws,
        families=["diversity"],
        tokens=tokens,
    )


def readability(sentences: pd.DataFrame, *, tokens: pd.DataFrame | None = None) -> pd.DataFrame:
    """Readability of each document's prose with textstat.

    Flesch reading ease, Flesch–Kincaid grade, Gunning fog, SMOG and Coleman–Liau, as
    textstat computes them on :func:`prose_text`. SMOG is flagged unreliable below 30
    sentences, every formula below 100 words; a document without words gets NaN.

    Returns
    -------
    pandas.DataFrame
        Columns as :func:`document_stats`, family ``readability``.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "end": [12],
    ...                   "kind": ["prose"], "text": ["The cat sat."]})
    >>> r = readability(s).set_index("measure")
    >>> r.loc["smog_index", "reliable"], r.loc["flesch_reading_ease", "words"]
    (np.False_, np.int64(3))
    """
    return document_stats(sentences, families=["readability"], tokens=tokens)


def sentence_lengths(
    sentences: pd.DataFrame,
    *,
    include_embeds: bool = False,
    tokens: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Words per sentence.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sent_id, para_id, kind, words``, sorted by ``doc_id, sent_id``.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "start": [0, 14],
    ...                   "end": [13, 29], "kind": ["prose", "prose"],
    ...                   "text": ["Ships sailed.", "Planes flew by."]})
    >>> sentence_lengths(s)["words"].tolist()
    [2, 3]
    """
    check_bool("include_embeds", include_embeds)
    docs = _prepare(sentences, include_embeds, tokens)
    rows = [
        (doc_id, s.sent_id, s.para_id, s.kind, len(s.words))
        for doc_id, sents in docs.items()
        for s in sents
    ]
    frame = pd.DataFrame(rows, columns=SENTENCE_LENGTH_COLUMNS)
    frame = frame.sort_values(["doc_id", "sent_id"], kind="stable").reset_index(drop=True)
    return frame.astype({"sent_id": "int64", "para_id": "int64", "words": "int64"})


# ---------------------------------------------------------------------------------------
# groups


def group_labels(
    documents: pd.DataFrame, group_by: str, *, period: Period | None = None
) -> pd.DataFrame:
    """Map each document to its group: the value of a metadata column.

    Parameters
    ----------
    documents
        The documents frame (:func:`framelens.corpus.load`).
    group_by
        Any column of ``documents`` (``"source"``, ``"published"``, ``"outlet"``…).
    period
        For a date column: group by ``"year"``, ``"month"`` or ``"day"`` (dates that do
        not parse go to the group ``"unknown"``).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, group`` (strings; an empty value becomes ``"unknown"``), sorted by
        ``doc_id``.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "published": ["2024-09-10", "2023-07-01"]})
    >>> group_labels(docs, "published", period="year")["group"].tolist()
    ['2024', '2023']
    >>> group_labels(docs, "outlet")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    framelens.errors.ParameterError: `group_by` 'outlet' is not a ... ['doc_id', 'published'].
    """
    corpus._require_columns(documents, ["doc_id"], "documents")
    if not isinstance(group_by, str) or group_by not in documents.columns:
        hint = suggest(group_by, documents.columns) if isinstance(group_by, str) else ""
        raise ParameterError(
            f"`group_by` {group_by!r} is not a column of the documents; the columns are "
            f"{list(documents.columns)}{hint}."
        )
    if group_by == "doc_id":
        values = documents["doc_id"].astype(str)
    else:
        values = documents[group_by].astype(str).fillna("")
    if period is not None:
        check_choice("period", period, ["year", "month", "day"])
        fmt = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}[period]
        parsed = pd.to_datetime(values.where(values != ""), errors="coerce", format="ISO8601")
        values = parsed.dt.strftime(fmt).fillna("unknown")
    values = values.where(values.str.strip() != "", "unknown")
    frame = pd.DataFrame({"doc_id": documents["doc_id"].astype(str), "group": values.values})
    return frame.sort_values("doc_id", kind="stable").reset_index(drop=True)


def group_counts(doc_stats: pd.DataFrame, labels: pd.DataFrame) -> pd.DataFrame:
    """Partial, summable aggregates of per-document statistics by group.

    Concatenate the results of several partitions and pass them to
    :func:`group_summary`: ``documents``, ``reliable_documents``, ``total`` and
    ``sum_sq`` add up, ``min``/``max`` combine by min/max.

    Returns
    -------
    pandas.DataFrame
        ``group, family, measure, documents, reliable_documents, total, sum_sq, min,
        max`` over the documents with a defined value.

    Examples
    --------
    >>> st = pd.DataFrame({"doc_id": ["a", "b"], "family": "counts", "measure": "words",
    ...                    "value": [3.0, 5.0], "reliable": True})
    >>> lab = pd.DataFrame({"doc_id": ["a", "b"], "group": ["x", "x"]})
    >>> group_counts(st, lab)[["documents", "total", "max"]].values.tolist()
    [[2.0, 8.0, 5.0]]
    """
    corpus._require_columns(doc_stats, ["doc_id", "family", "measure", "value"], "doc_stats")
    corpus._require_columns(labels, ["doc_id", "group"], "labels")
    merged = doc_stats.merge(labels, on="doc_id", how="inner")
    merged = merged[merged["value"].notna()]
    rel = merged["reliable"] if "reliable" in merged.columns else True
    merged = merged.assign(one=1.0, rel=np.where(rel, 1.0, 0.0), sq=merged["value"] ** 2)
    agg = merged.groupby(["group", "family", "measure"], sort=True).agg(
        documents=("one", "sum"),
        reliable_documents=("rel", "sum"),
        total=("value", "sum"),
        sum_sq=("sq", "sum"),
        min=("value", "min"),
        max=("value", "max"),
    )
    return agg.reset_index()[GROUP_COUNT_COLUMNS]


def group_summary(partials: pd.DataFrame) -> pd.DataFrame:
    """Finish group aggregates from (concatenated) :func:`group_counts` partials.

    Returns
    -------
    pandas.DataFrame
        ``group, family, measure, documents, reliable_documents, total, mean, sd, min,
        max`` (``sd`` the sample standard deviation across documents, NaN for one
        document; ``total`` is meaningful for counts such as words).

    Examples
    --------
    >>> p = pd.DataFrame({"group": ["x", "x"], "family": "counts", "measure": "words",
    ...                   "documents": [1.0, 1.0], "reliable_documents": [1.0, 1.0],
    ...                   "total": [3.0, 5.0], "sum_sq": [9.0, 25.0], "min": [3.0, 5.0],
    ...                   "max": [3.0, 5.0]})
    >>> group_summary(p)[["documents", "mean", "sd"]].values.round(4).tolist()
    [[2.0, 4.0, 1.4142]]
    """
    corpus._require_columns(partials, GROUP_COUNT_COLUMNS, "partials")
    g = partials.groupby(["group", "family", "measure"], sort=True).agg(
        documents=("documents", "sum"),
        reliable_documents=("reliable_documents", "sum"),
        total=("total", "sum"),
        sum_sq=("sum_sq", "sum"),
        min=("min", "min"),
        max=("max", "max"),
    )
    n = g["documents"]
    mean = g["total"] / n
    var = (g["sum_sq"] - n * mean**2) / (n - 1).where(n > 1)
    g["mean"] = mean
    g["sd"] = np.sqrt(var.clip(lower=0))
    out = g.reset_index()
    for c in ("documents", "reliable_documents"):
        out[c] = out[c].astype("int64")
    return out[GROUP_SUMMARY_COLUMNS]


# ---------------------------------------------------------------------------------------
# vocabulary


def _check_ns(n: int | Sequence[int]) -> list[int]:
    ns = [n] if isinstance(n, int | np.integer) or not isinstance(n, Sequence) else list(n)
    if not ns:
        raise ParameterError("`n` must name at least one n-gram size, e.g. 1 or [1, 2].")
    return sorted({check_int("n", v, min_value=1, max_value=10) for v in ns})


def _term(word: str) -> str:
    """Split a final possessive 's off a word (words come with ’ already as ')."""
    return word[:-2] if len(word) > 2 and word.endswith("'s") else word


def term_counts(
    sentences: pd.DataFrame,
    *,
    n: int | Sequence[int] = 1,
    include_embeds: bool = False,
    tokens: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Count words and n-grams per document: partial counts that sum across partitions.

    A final possessive ``'s`` (or ``’s``) is split off, so "China's" and "China’s" count
    as "china" (and "it's" as "it"); other measures (types, diversity, KWIC) keep the
    word as written. N-grams are runs of ``n`` consecutive words within a sentence, not
    crossing punctuation, numbers, hashtags or links ("the Sea of Japan, and" gives "sea
    of japan" but not "japan and"). Every term is counted, stopwords included; the
    finishers (:func:`top_terms`, :func:`collocations`, :func:`keyness`) filter.

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
    ns = _check_ns(n)
    docs = _prepare(sentences, include_embeds, tokens)
    rows = []
    for doc_id, sents in docs.items():
        runs = [[_term(w) for w in run] for s in sents for run in s.runs]
        for k in ns:
            c: Counter = Counter()
            for run in runs:
                if k == 1:
                    c.update(run)
                else:
                    c.update(" ".join(run[i : i + k]) for i in range(len(run) - k + 1))
            rows.extend((doc_id, k, term, cnt) for term, cnt in sorted(c.items()))
    frame = pd.DataFrame(rows, columns=TERM_COUNT_COLUMNS)
    return frame.astype({"doc_id": str, "n": "int64", "term": str, "count": "int64"})


def _summed(term_counts_: pd.DataFrame, n: int) -> pd.DataFrame:
    corpus._require_columns(term_counts_, TERM_COUNT_COLUMNS, "term_counts")
    sub = term_counts_[term_counts_["n"] == n]
    if "documents" in sub.columns:  # partial counts summed over partitions (framelens.scale)
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
    has_unigrams = bool((term_counts["n"] == 1).any())
    total_words = int(_summed(term_counts, 1)["count"].sum()) if has_unigrams else 0
    agg = _summed(term_counts, n)
    if not keep_stopwords:
        stop = resources.stopwords()
        keep = np.array([not _is_stop_ngram(t, stop) for t in agg.index], dtype=bool)
        agg = agg.loc[keep]
    agg = agg.reset_index().sort_values(["count", "term"], ascending=[False, True], kind="stable")
    agg = agg.head(top_n).reset_index(drop=True)
    agg.insert(0, "rank", np.arange(1, len(agg) + 1, dtype="int64"))
    agg["n"] = n
    agg["per_1000_words"] = agg["count"] * 1000 / total_words if total_words else math.nan
    return agg[TOP_TERM_COLUMNS].astype(
        {"count": "int64", "documents": "int64", "per_1000_words": "float64"}
    )


def collocations(
    term_counts: pd.DataFrame,
    *,
    min_freq: int = 2,
    keep_stopwords: bool = False,
    top_n: int = 20,
) -> pd.DataFrame:
    """Bigram collocations scored with NLTK's likelihood ratio and PMI.

    Built from summed unigram and bigram :func:`term_counts` (``n=[1, 2]``; without
    bigram rows the result is empty) with
    :class:`nltk.collocations.BigramCollocationFinder`; bigrams seen fewer than
    ``min_freq`` times are dropped (PMI overrates rare pairs), and bigrams with a
    stopword unless ``keep_stopwords``.

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
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
    from nltk.probability import FreqDist

    min_freq = check_int("min_freq", min_freq, min_value=1)
    top_n = check_int("top_n", top_n, min_value=1)
    check_bool("keep_stopwords", keep_stopwords)
    uni, bi = _summed(term_counts, 1), _summed(term_counts, 2)
    word_fd = FreqDist(dict(zip(uni.index, uni["count"].astype(int), strict=True)))
    bigram_fd = FreqDist(
        {tuple(t.split(" ")): int(c) for t, c in zip(bi.index, bi["count"], strict=True)}
    )
    finder = BigramCollocationFinder(word_fd, bigram_fd)
    finder.apply_freq_filter(min_freq)
    if not keep_stopwords:
        stop = resources.stopwords()
        finder.apply_word_filter(lambda w: w in stop)
    measures = BigramAssocMeasures()
    rows = []
    if finder.ngram_fd:
        n_all = int(word_fd.N())
        lr, pmi = {}, {}
        for (w1, w2), c in finder.ngram_fd.items():
            marginals = (int(word_fd[w1]), int(word_fd[w2]))
            pmi[(w1, w2)] = measures.pmi(c, marginals, n_all)
            # the 2x2 table has a negative cell when a pair covers (nearly) every word
            # of a tiny text ("ships ships": 1 pair, 2 words): G² is then undefined
            possible = n_all - marginals[0] - marginals[1] + c >= 0
            lr[(w1, w2)] = measures.likelihood_ratio(c, marginals, n_all) if possible else math.nan
        for (w1, w2), c in finder.ngram_fd.items():
            rows.append(
                (
                    f"{w1} {w2}",
                    w1,
                    w2,
                    int(c),
                    int(word_fd[w1]),
                    int(word_fd[w2]),
                    int(word_fd.N()),
                    float(lr[(w1, w2)]),
                    float(pmi[(w1, w2)]),
                )
            )
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


# ---------------------------------------------------------------------------------------
# keyness


def keyness_counts(term_counts: pd.DataFrame, labels: pd.DataFrame) -> pd.DataFrame:
    """Word counts per group: partial counts that sum across partitions.

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
    corpus._require_columns(term_counts, TERM_COUNT_COLUMNS, "term_counts")
    corpus._require_columns(labels, ["doc_id", "group"], "labels")
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
    term is more frequent in the target. The log ratio's 95% interval is the normal one
    of a log rate ratio, ``± 1.96 · sqrt(1/a + 1/b) / ln 2`` (same 0.5 for a zero). Each
    target's p-values are corrected for the number of terms tested with
    Benjamini-Hochberg (``p_adjusted``: read ``p_adjusted < 0.05`` as "key at a 5% false
    discovery rate"). A term must also be used by at least ``min_documents`` documents
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
        sorted by target, then G² descending, then term. With fewer than two groups the
        frame is empty and ``frame.attrs["note"]`` says why.

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
    from scipy.stats import chi2

    corpus._require_columns(counts_by_group, KEYNESS_COUNT_COLUMNS, "counts_by_group")
    min_count = check_int("min_count", min_count, min_value=1)
    min_documents = check_int("min_documents", min_documents, min_value=1)
    check_bool("keep_stopwords", keep_stopwords)
    if top_n is not None:
        top_n = check_int("top_n", top_n, min_value=1)
    table = (
        counts_by_group.groupby(["term", "group"], sort=True)["count"]
        .sum()
        .unstack("group", fill_value=0)
    )

    def per_group(column: str) -> pd.DataFrame:
        """Term × group table of a summed column, aligned with ``table``."""
        out = (
            counts_by_group.groupby(["term", "group"], sort=True)[column]
            .sum()
            .unstack("group", fill_value=0)
            .reindex(index=table.index, columns=table.columns, fill_value=0)
        )
        out.columns = [str(g) for g in out.columns]
        return out

    has_docs = "documents" in counts_by_group.columns
    if has_docs:
        doc_table = per_group("documents")
    has_sq = "sum_sq" in counts_by_group.columns
    if has_sq:
        sq_table = per_group("sum_sq")
    groups = sorted(str(g) for g in table.columns)
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
    table.columns = [str(g) for g in table.columns]
    totals = table.sum(axis=0)
    grand = float(totals.sum())
    out = []
    for g in [str(target)] if target is not None else groups:
        a = table[g].to_numpy(dtype=float)
        b = table.sum(axis=1).to_numpy(dtype=float) - a
        c = float(totals[g])
        d = grand - c
        keep = (a + b) >= min_count
        if stop:
            keep &= ~table.index.isin(list(stop))
        if has_docs:
            da = doc_table[g].to_numpy(dtype=float)
            db = doc_table.sum(axis=1).to_numpy(dtype=float) - da
        else:
            da = db = np.full(len(a), np.nan)
        sq = sq_table[g].to_numpy(dtype=float) if has_sq else np.full(len(a), np.nan)
        if has_docs and c > 0 and d > 0:
            over = a / c >= b / d
            keep &= np.where(over, da, db) >= min_documents
        a, b, da, db, terms = a[keep], b[keep], da[keep], db[keep], table.index[keep]
        sq = sq[keep]
        with np.errstate(divide="ignore", invalid="ignore"):
            effective = np.where(sq > 0, np.round(a * a / sq, 2), np.nan)
        if d == 0 or c == 0:
            continue
        g2 = _g2(a, b, c, d)
        a5, b5 = np.where(a > 0, a, 0.5), np.where(b > 0, b, 0.5)
        lr = np.log2((a5 / c) / (b5 / d))
        half = 1.959963984540054 * np.sqrt(1 / a5 + 1 / b5) / math.log(2)
        p = chi2.sf(g2, 1)
        part = pd.DataFrame(
            {
                "target": g,
                "term": terms.astype(str),
                "target_count": a.astype("int64"),
                "reference_count": b.astype("int64"),
                "target_documents": pd.array(
                    [None if np.isnan(v) else int(v) for v in da], dtype="Int64"
                ),
                "reference_documents": pd.array(
                    [None if np.isnan(v) else int(v) for v in db], dtype="Int64"
                ),
                "target_effective_documents": effective,
                "target_total": int(c),
                "reference_total": int(d),
                "g2": g2,
                "p_value": p,
                "p_adjusted": _bh(p),
                "log_ratio": lr,
                "log_ratio_ci_low": lr - half,
                "log_ratio_ci_high": lr + half,
                "direction": np.where(a / c >= b / d, "target", "reference"),
            }
        )
        part = part.sort_values(["g2", "term"], ascending=[False, True], kind="stable")
        out.append(part.head(top_n) if top_n else part)
    if not out:
        return empty
    return pd.concat(out, ignore_index=True)[KEYNESS_COLUMNS]


# ---------------------------------------------------------------------------------------
# actors


def _doc_ends(sentences: pd.DataFrame) -> dict[str, int]:
    return sentences.groupby("doc_id")["end"].max().astype(int).to_dict()


def actor_positions(
    sentences: pd.DataFrame,
    *,
    gazetteer: pd.DataFrame | None = None,
    include_embeds: bool = False,
) -> pd.DataFrame:
    """Every mention of a gazetteer actor, with its relative position in the document.

    Uses :func:`framelens.gazetteer.actor_mentions` (longest alias wins, case-sensitive).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sent_id, actor, type, alias, start, end, kind, position``;
        ``position`` = ``start`` / the end of the document's last sentence (0 = start,
        1 = end). Sorted by ``doc_id, start``.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "end": [27],
    ...                   "kind": ["prose"], "text": ["Beijing and Moscow sailed."]})
    >>> actor_positions(s)[["actor", "position"]].round(2).values.tolist()
    [['China', 0.0], ['Russia', 0.44]]
    """
    from .gazetteer import MENTION_COLUMNS, actor_mentions

    _check_sentences(sentences)
    check_bool("include_embeds", include_embeds)
    scoped = _scope(sentences, include_embeds)
    m = actor_mentions(scoped, gazetteer)
    ends = _doc_ends(sentences) if len(sentences) else {}
    pos = [
        s / ends[d] if ends.get(d) else 0.0
        for d, s in zip(m["doc_id"].tolist(), m["start"].tolist(), strict=True)
    ]
    m = m.assign(position=pd.Series(pos, index=m.index, dtype="float64"))
    m = m.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)
    return m[MENTION_COLUMNS + ["position"]]


def actor_counts(
    sentences: pd.DataFrame,
    *,
    gazetteer: pd.DataFrame | None = None,
    include_embeds: bool = False,
) -> pd.DataFrame:
    """Mentions of each actor per document (summable across partitions).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, actor, type, mentions, aliases, first_sent_id, first_start``:
        ``aliases`` the forms used with their counts (``"China 12; Beijing 1"``),
        ``first_*`` where the actor first appears. Sorted by ``doc_id``, mentions
        (descending), actor.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "end": [33],
    ...                   "kind": ["prose"], "text": ["Beijing and China met Moscow."]})
    >>> actor_counts(s)[["actor", "mentions", "aliases"]].values.tolist()
    [['China', 2, 'Beijing 1; China 1'], ['Russia', 1, 'Moscow 1']]
    """
    m = actor_positions(sentences, gazetteer=gazetteer, include_embeds=include_embeds)
    found: dict[tuple[str, str, str], list] = {}
    for doc_id, actor, typ, alias, sent_id, start in zip(
        m["doc_id"].tolist(),
        m["actor"].tolist(),
        m["type"].tolist(),
        m["alias"].tolist(),
        m["sent_id"].tolist(),
        m["start"].tolist(),
        strict=True,
    ):
        entry = found.setdefault((doc_id, actor, typ), [Counter(), int(sent_id), int(start)])
        entry[0][alias.replace("\u2019", "'")] += 1  # rows are in document order
    rows = []
    for (doc_id, actor, typ), (forms, sent_id, start) in sorted(found.items()):
        aliases = "; ".join(
            f"{a} {c}" for a, c in sorted(forms.items(), key=lambda kv: (-kv[1], kv[0]))
        )
        rows.append((doc_id, actor, typ, sum(forms.values()), aliases, sent_id, start))
    frame = pd.DataFrame(rows, columns=ACTOR_COLUMNS)
    frame = frame.sort_values(
        ["doc_id", "mentions", "actor"], ascending=[True, False, True], kind="stable"
    ).reset_index(drop=True)
    return frame.astype({"mentions": "int64", "first_sent_id": "int64", "first_start": "int64"})


def dispersion(
    sentences: pd.DataFrame,
    terms: str | Sequence[str],
    *,
    mode: Mode = "glob",
    include_embeds: bool = False,
    tokens: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Where each term occurs in each document (for a lexical dispersion plot).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, term, sent_id, start, end, match, position``: one row per hit
        (via :func:`kwic`), ``position`` = ``start`` / the document's end (0–1).

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "end": [20],
    ...                   "kind": ["prose"], "text": ["Drills and drills."]})
    >>> dispersion(s, "drill*")[["term", "start", "position"]].values.tolist()
    [['drill*', 0, 0.0], ['drill*', 11, 0.55]]
    """
    check_bool("include_embeds", include_embeds)
    scoped = _scope(sentences, include_embeds)
    with warnings.catch_warnings():  # a term without hits has no rows here
        warnings.simplefilter("ignore", FramelensWarning)
        hits = kwic(scoped, terms, window=0, mode=mode, tokens=tokens)
    ends = _doc_ends(sentences) if len(sentences) else {}
    pos = [
        s / ends[d] if ends.get(d) else 0.0
        for d, s in zip(hits["doc_id"], hits["start"], strict=True)
    ]
    out = hits.rename(columns={"pattern": "term"}).assign(
        position=pd.Series(pos, index=hits.index, dtype="float64")
    )
    return out[["doc_id", "term", "sent_id", "start", "end", "match", "position"]]


# ---------------------------------------------------------------------------------------
# plots (draw on ``ax`` and return it; never save, never change global style)


def _ax(ax):
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots()
    return ax


def plot_top_terms(top: pd.DataFrame, *, ax=None):
    """Horizontal bars of the most frequent terms (:func:`top_terms`); returns the Axes.

    Examples
    --------
    >>> ax = plot_top_terms(pd.DataFrame({"term": ["navy", "drills"], "count": [3, 2]}))
    >>> ax.get_xlabel()
    'occurrences (count)'
    """
    from .plots import PALETTE

    ax = _ax(ax)
    data = top.iloc[::-1]
    ax.barh(data["term"].astype(str), data["count"], color=PALETTE[0])
    ax.set_xlabel("occurrences (count)")
    ax.set_ylabel("term")
    ax.set_title("Most frequent terms")
    return ax


def plot_sentence_lengths(lengths: pd.DataFrame, *, ax=None, bins: int = 15):
    """Histogram of sentence lengths in words (:func:`sentence_lengths`); returns the Axes.

    At most ``bins`` bins, each a whole number of words wide and centred on whole
    numbers; both axes have integer ticks.

    Examples
    --------
    >>> ax = plot_sentence_lengths(pd.DataFrame({"words": [12, 30, 25]}))
    >>> ax.get_ylabel()
    'sentences (count)'
    >>> [float(p.get_width()) for p in ax.patches][:2]
    [2.0, 2.0]
    """
    from matplotlib.ticker import MaxNLocator

    from .plots import PALETTE

    bins = check_int("bins", bins, min_value=1)
    ax = _ax(ax)
    values = lengths["words"].to_numpy()
    if len(values):
        lo, hi = int(values.min()), int(values.max())
        width = max(1, math.ceil((hi - lo + 1) / bins))
        edges = np.arange(lo - 0.5, hi + width + 0.5, width)
    else:
        edges = 1
    ax.hist(values, bins=edges, color=PALETTE[0], edgecolor="white")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    if len(values):
        ax.axvline(
            float(np.mean(values)),
            color=PALETTE[3],
            linestyle="--",
            label=f"mean {np.mean(values):.1f} words",
        )
        ax.legend()
    ax.set_xlabel("sentence length (words)")
    ax.set_ylabel("sentences (count)")
    ax.set_title("Sentence lengths")
    return ax


def plot_dispersion(disp: pd.DataFrame, *, ax=None, label: str = "term"):
    """Lexical dispersion: each hit as a tick at its position (x) on its term's row (y).

    ``disp`` is :func:`dispersion` (``label="term"``) or :func:`actor_positions`
    (``label="actor"``; the axis then reads "actor or place", as the gazetteer lists
    both). Returns the Axes.

    Examples
    --------
    >>> d = pd.DataFrame({"term": ["navy", "drills"], "position": [0.1, 0.8]})
    >>> plot_dispersion(d).get_xlabel()
    'position in the document (% of its length)'
    """
    from .plots import PALETTE

    ax = _ax(ax)
    labels = list(dict.fromkeys(disp[label].astype(str)))
    ypos = {t: i for i, t in enumerate(labels)}
    for t in labels:
        sub = disp[disp[label].astype(str) == t]
        ax.scatter(sub["position"] * 100, [ypos[t]] * len(sub), marker="|", s=300, color=PALETTE[0])
    ax.set_yticks(range(len(labels)), labels)
    ax.set_ylim(-0.5, max(len(labels), 1) - 0.5)
    ax.set_xlim(0, 100)
    ax.set_xlabel("position in the document (% of its length)")
    ax.set_ylabel("actor or place" if label == "actor" else label)
    ax.set_title("Lexical dispersion")
    return ax


#: Okabe–Ito colours of the gazetteer's types: seas blue, countries orange (a pair that
#: stays apart for protan and deutan readers), the rest from the remaining colours.
TYPE_COLORS = {
    "country": "#E69F00",
    "sea": "#0072B2",
    "region": "#009E73",
    "bloc": "#CC79A7",
    "organisation": "#56B4E9",
}


def _type_colors(types: Sequence[str]) -> dict[str, str]:
    from .plots import PALETTE

    spare = [c for c in PALETTE if c not in TYPE_COLORS.values()]
    others = [t for t in types if t not in TYPE_COLORS]
    colors = {t: spare[i % len(spare)] for i, t in enumerate(others)}
    return {t: TYPE_COLORS.get(t, colors.get(t)) for t in types}


def plot_actor_mentions(actors: pd.DataFrame, *, ax=None, top_n: int = 15):
    """Horizontal bars of mentions per actor, summed over documents; returns the Axes.

    Examples
    --------
    >>> a = pd.DataFrame({"actor": ["China", "Russia"], "type": "country", "mentions": [5, 3]})
    >>> plot_actor_mentions(a).get_xlabel()
    'mentions (count)'
    """
    ax = _ax(ax)
    total = actors.groupby(["actor", "type"], sort=True)["mentions"].sum().reset_index()
    total = total.sort_values(["mentions", "actor"], ascending=[False, True]).head(top_n)
    data = total.iloc[::-1]
    types = sorted(set(data["type"]))
    colors = _type_colors(types)
    ax.barh(data["actor"], data["mentions"], color=[colors[t] for t in data["type"]])
    if types:
        from matplotlib.patches import Patch

        handles = [Patch(color=colors[t], label=t) for t in types]
        ax.legend(handles=handles, title="type", loc="lower right")
    ax.set_xlabel("mentions (count)")
    ax.set_ylabel("actor or place")
    ax.set_title("Actor and place mentions")
    return ax


def plot_keyness(kn: pd.DataFrame, *, ax=None, target: str | None = None, top_n: int = 10):
    """Log ratio of the ``top_n`` terms by G² for one target (:func:`keyness`).

    Examples
    --------
    >>> k = pd.DataFrame({"target": "x", "term": ["navy", "army"], "g2": [9.0, 4.0],
    ...                   "log_ratio": [1.5, -1.0], "direction": ["target", "reference"]})
    >>> plot_keyness(k).get_xlabel()
    'log ratio (log2 of relative frequency, target / reference)'
    """
    from .plots import PALETTE

    ax = _ax(ax)
    if len(kn):
        tgt = target if target is not None else sorted(kn["target"].astype(str))[0]
        sub = kn[kn["target"].astype(str) == str(tgt)]
        sub = sub.sort_values(["g2", "term"], ascending=[False, True]).head(top_n)
        sub = sub.sort_values("log_ratio")
        colors = [PALETTE[0] if d == "target" else PALETTE[1] for d in sub["direction"]]
        ax.barh(sub["term"], sub["log_ratio"], color=colors)
        ax.axvline(0, color="black", linewidth=0.8)
        ax.set_title(f"Keywords of {tgt!s} against the rest")
    else:
        ax.set_title("Keywords (needs two or more groups)")
    ax.set_xlabel("log ratio (log2 of relative frequency, target / reference)")
    ax.set_ylabel("term")
    return ax


def plot_keyness_groups(kn: pd.DataFrame, *, top_n: int = 10, ncols: int = 3):
    """Small multiples: one :func:`plot_keyness` panel for every group of ``kn``.

    Each panel is one group against all the others (``target`` of :func:`keyness`), with
    its ``top_n`` terms by G²; the panels share the x axis so log ratios compare across
    groups. A group with no term that passes ``min_count`` gets a panel that says so.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> k = pd.DataFrame({"target": ["x", "x", "y"], "term": ["navy", "army", "air"],
    ...                   "g2": [9.0, 4.0, 5.0], "log_ratio": [1.5, -1.0, 2.0],
    ...                   "direction": ["target", "reference", "target"]})
    >>> fig = plot_keyness_groups(k)
    >>> [a.get_title() for a in fig.axes]
    ['x', 'y']
    """
    import matplotlib.pyplot as plt

    check_int("top_n", top_n, min_value=1)
    check_int("ncols", ncols, min_value=1)
    groups = sorted(kn["target"].astype(str).unique()) if len(kn) else [""]
    ncols = min(ncols, len(groups))
    nrows = -(-len(groups) // ncols)
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(4.2 * ncols, 0.28 * top_n * nrows + 1.2 * nrows),
        sharex=True, squeeze=False,
    )  # fmt: skip
    flat = list(axes.flat)
    for ax, group in zip(flat, groups, strict=False):
        sub = kn[kn["target"].astype(str) == group] if group else kn
        plot_keyness(sub, ax=ax, target=group or None, top_n=top_n)
        ax.set_title(group or ax.get_title(), fontsize=10)
        ax.set_xlabel("log ratio (log2, group / rest)", fontsize=9)
        ax.tick_params(labelbottom=True)  # every panel keeps its scale (shared x)
        if sub.empty and group:
            ax.text(0.5, 0.5, "no term passes min_count", ha="center", transform=ax.transAxes)
    for ax in flat[len(groups) :]:
        ax.set_visible(False)
    fig.suptitle("Keywords of each group against the rest (top terms by G²)")
    fig.tight_layout()
    return fig
