"""Per-document measures: counts, lexical diversity and readability, and their group sums."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import cached_property
from itertools import chain
from statistics import median
from typing import Literal

import numpy as np
import pandas as pd

from .. import corpus
from ..errors import ParameterError
from ..params import (
    check_bool,
    check_choice,
    check_columns,
    check_int,
    check_number,
    check_str_list,
)
from . import formulas

#: Minimum text length McCarthy & Jarvis (2010) recommend for MTLD and HD-D.
MIN_TOKENS_MJ2010 = 100


#: Sentences the SMOG formula was calibrated on (McLaughlin 1969).
SMOG_SENTENCES = 30


#: Words a readability sample should have (Flesch 1948 used 100-word samples).
READABILITY_WORDS = 100

#: Mean words per sentence above which the sentences are not the writer's: news averages
#: 20-30, so a text past 60 lacks sentence punctuation (a transcript, a list, scraped
#: text with no space after its full stops) and every grade formula reads one long
#: sentence (an unpunctuated transcript scored grade 51)
MAX_SENTENCE_WORDS = 60


STAT_COLUMNS = ["doc_id", "family", "measure", "value", "words", "sentences", "reliable", "note"]


SENTENCE_LENGTH_COLUMNS = ["doc_id", "sent_id", "para_id", "kind", "words"]


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


Period = Literal["year", "month", "day"]


# Scripts written without spaces between words: a run of them is not "a word".
_NOSPACE = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\U00020000-\U0002fa1f]"
)


_APOS = str.maketrans({"\u2019": "'", "\u2018": "'"})
#: the columns of the sentences frame the measures read
SENTENCE_KEYS = ["doc_id", "sent_id", "start", "end", "text"]


def _tokens_for(
    sentences: pd.DataFrame, tokens: corpus.Tokens | pd.DataFrame | None
) -> pd.DataFrame:
    """Return the tokens table of ``sentences``: tokenize them, or take the one given."""
    if isinstance(tokens, corpus.Tokens):
        return tokens.frame()
    if tokens is None:
        return corpus.tokenize(sentences)
    check_columns("tokens", tokens, corpus.TOKEN_COLUMNS)
    return tokens  # callers look tokens up by (doc_id, sent_id) and skip the others


class _Sent:
    __slots__ = ("doc_id", "sent_id", "para_id", "kind", "text", "words", "runs", "other")

    def __init__(self, doc_id, sent_id, para_id, kind, text, words, runs, other):
        self.doc_id = doc_id
        self.sent_id = sent_id
        self.para_id = para_id
        self.kind = kind
        self.text = text
        self.words: list[str] = words
        self.runs: list[list[str]] = runs  # word runs broken at any non-word token
        self.other: dict[str, int] = other  # hashtag / mention / url / nospace counts


_NO_WORDS: tuple[list[str], list[list[str]], dict[str, int]] = ([], [[]], {})


def _prepare(
    sentences: pd.DataFrame,
    include_embeds: bool,
    tokens: corpus.Tokens | pd.DataFrame | None,
) -> dict[str, list[_Sent]]:
    """Group sentences by document (sorted by doc_id, then start) with their words.

    The words come from :class:`framelens.corpus.Tokens` (the one tokenization of the
    partition when ``tokens`` is one; lists are shared, never changed here). Given
    :class:`~framelens.corpus.Tokens`, the grouping of every sentence is made once and
    shared by the statistics that read it; the embeds are then left out here.
    """
    check_columns("sentences", sentences, SENTENCE_KEYS)
    if not isinstance(tokens, corpus.Tokens):
        return _group(corpus.in_scope(sentences, include_embeds), sentences, tokens)
    docs = tokens.derived(
        "stats.sentences", sentences, lambda: _group(sentences, sentences, tokens)
    )
    if include_embeds:
        return docs
    return {d: [s for s in sents if s.kind != "embed"] for d, sents in docs.items()}


def _group(
    scoped: pd.DataFrame, sentences: pd.DataFrame, tokens: corpus.Tokens | pd.DataFrame | None
) -> dict[str, list[_Sent]]:
    if isinstance(tokens, corpus.Tokens) and tokens.sentences is scoped:
        # the tokens' own sentences: a sentence's row is its position
        toks = tokens
        keys = pd.DataFrame({"doc_id": scoped["doc_id"].array, "start": scoped["start"].array})
        rows = keys.sort_values(["doc_id", "start"], kind="stable").index.tolist()
        scoped = scoped.iloc[rows]
    else:
        scoped = scoped.sort_values(["doc_id", "start"], kind="stable")
        toks = corpus.Tokens.of(scoped, tokens)
        rows = None
    para = scoped["para_id"].tolist() if "para_id" in scoped.columns else [0] * len(scoped)
    kind = scoped["kind"].tolist() if "kind" in scoped.columns else ["prose"] * len(scoped)
    docs: dict[str, list[_Sent]] = {}
    for i, (doc_id, sent_id, para_id, k, text) in enumerate(
        zip(
            scoped["doc_id"].tolist(),
            scoped["sent_id"].tolist(),
            para,
            kind,
            scoped["text"].tolist(),
            strict=True,
        )
    ):
        doc_id, sent_id = str(doc_id), int(sent_id)
        row = toks.row_of(doc_id, sent_id) if rows is None else rows[i]
        words = toks.words(row) if row >= 0 else _NO_WORDS
        s = _Sent(doc_id, sent_id, int(para_id), str(k), str(text), *words)
        docs.setdefault(doc_id, []).append(s)
    # documents whose sentences are all out of scope still get a row
    for doc_id in sentences["doc_id"].astype(str).unique():
        docs.setdefault(doc_id, [])
    return dict(sorted(docs.items()))


def _words_of(sents: list[_Sent]) -> list[str]:
    return list(chain.from_iterable(s.words for s in sents))


def _check_words(tokens: object) -> None:
    """Refuse a text or a table where a list of words is expected.

    Both iterate silently (over characters, over column names) into a wrong measure.
    """
    if isinstance(tokens, str):
        raise ParameterError(
            "`tokens` must be a list of words, but a str was passed (it would be measured "
            "character by character). Split the text into words first, e.g. text.split()."
        )
    if isinstance(tokens, pd.DataFrame):
        raise ParameterError(
            "`tokens` must be a list of words, but a DataFrame was passed (it would be "
            "measured over its column names). Pass one column, e.g. "
            "framelens.corpus.tokenize(sentences)['lower'].tolist(), or call "
            "framelens.stats.lexical_diversity on the sentences."
        )


def ttr(tokens: Sequence[str]) -> float:
    """Type-token ratio: distinct tokens / tokens (NaN for no tokens).

    Parameters
    ----------
    tokens
        The text's tokens (words), in any order; compared as they are (no lower-casing).

    Returns
    -------
    float
        The ratio, between 0 and 1; NaN for no tokens.

    Examples
    --------
    >>> ttr(["the", "ships", "and", "the", "planes"])
    0.8
    """
    _check_words(tokens)
    return len(set(tokens)) / len(tokens) if len(tokens) else math.nan


def mattr(tokens: Sequence[str], *, window: int = 50) -> float:
    """Moving-average type-token ratio (Covington & McFall 2010).

    The mean TTR of every window of ``window`` consecutive tokens; NaN when the text has
    fewer tokens than the window.

    Parameters
    ----------
    tokens
        The text's tokens (words), in text order.
    window
        Tokens per window, at least 1 (default 50).

    Returns
    -------
    float
        The mean TTR over the ``len(tokens) - window + 1`` windows, between 0 and 1; NaN
        when there are fewer tokens than ``window``.

    Examples
    --------
    >>> mattr(["a", "b", "a", "c"], window=2)
    1.0
    >>> round(mattr(["a", "b", "a", "a"], window=2), 4)
    0.8333
    """
    window = check_int("window", window, min_value=1)
    _check_words(tokens)
    return float(_mattrs(_Texts([tokens]), window)[0])


def _numbered(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Give each of ``values`` (strings, or whole numbers) a number, in order of first use.

    Returns each value's number (int64) and the distinct values, the number's index:
    ``pandas.factorize``, one pass of a hash table (the numbers of ``dict.fromkeys``).
    A missing value (None, NaN) is numbered as any other; pandas is asked to look for
    one (a second pass over every value) only when its first pass met one.
    """
    ids, distinct = pd.factorize(values)
    if len(ids) and ids.min() < 0:  # a missing value, left out of the numbering
        ids, distinct = pd.factorize(values, use_na_sentinel=False)
    return ids.astype(np.int64, copy=False), distinct


class _Texts:
    """Several texts' tokens as arrays, to measure them all at once.

    ``ids`` numbers each token by its type (equal tokens, equal numbers, in order of
    first use), ``text`` says whose it is; ``start`` and ``length`` are per text.

    Parameters
    ----------
    texts
        The texts, each a sequence of tokens.
    """

    def __init__(self, texts: Sequence[Sequence[str]]) -> None:
        flat = np.fromiter(chain.from_iterable(texts), dtype=object)
        ids, distinct = _numbered(flat)
        self.ids = ids
        self.length = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        self.text = np.repeat(np.arange(len(texts), dtype=np.int64), self.length)
        self.start = np.cumsum(self.length) - self.length
        self.distinct = distinct.tolist()  # the types, by number
        self.width = len(distinct)  # type numbers are below it

    @cached_property
    def _uses(self) -> tuple[np.ndarray, np.ndarray]:
        """Return the tokens ordered by text, type and place, and which repeat the one before."""
        key = self.text * self.width + self.ids
        order = np.argsort(key, kind="stable")  # a type's uses in a text, in text order
        return order, key[order[1:]] == key[order[:-1]]

    @cached_property
    def previous(self) -> np.ndarray:
        """Where in its text each token's type was last used before it (-1: never)."""
        order, same = self._uses
        prev = np.full(len(order), -1, dtype=np.int64)
        prev[order[1:][same]] = order[:-1][same] - self.start[self.text[order[1:][same]]]
        return prev

    @cached_property
    def following(self) -> np.ndarray:
        """Where in its text each token's type is next used after it (-1: never)."""
        order, same = self._uses
        nxt = np.full(len(order), -1, dtype=np.int64)
        nxt[order[:-1][same]] = order[1:][same] - self.start[self.text[order[1:][same]]]
        return nxt

    @cached_property
    def uses(self) -> np.ndarray:
        """How often each token's type is used in its text."""
        order, same = self._uses
        first = np.concatenate([[True], ~same]) if len(order) else np.empty(0, bool)
        run = np.cumsum(first) - 1  # the (text, type) of each place in ``order``
        out = np.empty(len(order), dtype=np.int64)
        out[order] = np.bincount(run)[run]
        return out

    @cached_property
    def types(self) -> np.ndarray:
        """The number of distinct tokens of each text."""
        return np.bincount(self.text[self.previous < 0], minlength=len(self.length))


def _mattrs(texts: _Texts, window: int) -> np.ndarray:
    """MATTR of every text (NaN for those shorter than the window): :func:`mattr`."""
    # Sum over windows of their distinct tokens, counted token by token: token j is the
    # first of its type in window s (s <= j < s + window) when its previous occurrence
    # p[j] is before s, so it counts in the windows max(p[j] + 1, j - window + 1, 0) …
    # min(j, n - window): the same integer total as sliding the window, without the loop.
    prev = texts.previous
    j = np.arange(len(texts.ids), dtype=np.int64) - texts.start[texts.text]
    n = texts.length[texts.text]
    low = np.maximum(np.maximum(prev + 1, j - window + 1), 0)
    high = np.minimum(j, n - window)
    windows = np.clip(high - low + 1, 0, None)
    total = np.bincount(texts.text, weights=windows, minlength=len(texts.length))
    full = texts.length >= window
    out = np.full(len(texts.length), math.nan)
    out[full] = total[full] / (window * (texts.length[full] - window + 1))
    return out


def _mtld_passes(
    previous: np.ndarray, start: np.ndarray, length: np.ndarray, threshold: float, width: int = 64
) -> np.ndarray:
    """Count the factors of one MTLD pass over each of several texts, the last partial one too.

    The pass of :func:`mtld`: a factor ends at the first token where its TTR (types /
    tokens) falls to ``threshold``; the text's last, unfinished factor counts
    ``(1 - TTR) / (1 - threshold)``. A new type cannot lower the TTR (t/c <= (t+1)/(c+1)),
    so only a repeated type ends a factor.

    ``previous`` gives, for every token (the texts one after the other, each in the order
    of the pass), where in its text its type was last used before it (-1: never);
    ``start`` and ``length`` are per text. Every text's current factor is read ``width``
    tokens at a time, all texts at once: a token repeats a type of the factor when its
    previous use is at or after the factor's start, and the factor's types are its tokens
    minus its repeats (whole numbers, divided and compared as floats, as a loop over the
    tokens with a set of the factor's types would).
    """
    n_texts = len(length)
    full = np.zeros(n_texts, dtype=np.int64)  # complete factors
    partial = np.zeros(n_texts)  # the last, partial factor
    first = np.zeros(n_texts, dtype=np.int64)  # where the current factor starts
    read = np.zeros(n_texts, dtype=np.int64)  # where its next window starts
    repeats = np.zeros(n_texts, dtype=np.int64)  # its repeats before that
    active = np.flatnonzero(length > 0)
    steps = np.arange(width, dtype=np.int64)
    while active.size:
        s, n = first[active, None], length[active, None]
        at = read[active, None] + steps  # places in the text
        inside = at < n
        prev = previous[start[active, None] + np.minimum(at, n - 1)]
        repeat = inside & (prev >= s)
        count = at - s + 1
        types = count - (repeats[active, None] + np.cumsum(repeat, axis=1))
        ends = repeat & (types / count <= threshold)
        hit = ends.any(axis=1)
        # a factor ends: the next starts after it
        done = active[hit]
        full[done] += 1
        first[done] = read[done] = at[hit, ends[hit].argmax(axis=1)] + 1
        repeats[done] = 0
        # none ends in a window that holds the text's last token: the last, partial factor
        last = ~hit & (at[:, -1] >= n[:, 0] - 1)
        rows, ending = np.flatnonzero(last), active[last]
        tokens = length[ending] - first[ending]  # at least 1: a text ended is not active
        left = types[rows, length[ending] - 1 - read[ending]]  # at the text's last token
        partial[ending] = (1 - left / tokens) / (1 - threshold)
        # none ends in a window inside the text: read on
        going = ~hit & ~last
        more = active[going]
        read[more] += width
        repeats[more] += np.count_nonzero(repeat[going], axis=1)
        active = np.concatenate([done[first[done] < length[done]], more])
    return full + partial


def _mtlds(texts: _Texts, threshold: float) -> np.ndarray:
    """MTLD of every text (NaN where no factor forms): :func:`mtld`."""
    forward = _mtld_passes(texts.previous, texts.start, texts.length, threshold)
    # the backward pass reads each text from its end: a token's previous use is then its
    # next use in the text, counted from the end
    n = texts.length[texts.text]
    back = np.empty(len(texts.ids), dtype=np.int64)
    place = 2 * texts.start[texts.text] + n - 1 - np.arange(len(texts.ids))  # of each token
    back[place] = np.where(texts.following >= 0, n - 1 - texts.following, -1)
    backward = _mtld_passes(back, texts.start, texts.length, threshold)
    out = np.full(len(texts.length), math.nan)
    ok = (texts.length > 0) & (forward != 0) & (backward != 0)
    length = texts.length[ok]
    out[ok] = (length / forward[ok] + length / backward[ok]) / 2
    return out


def mtld(tokens: Sequence[str], *, threshold: float = 0.72) -> float:
    """Measure of textual lexical diversity (McCarthy & Jarvis 2010).

    The mean of a forward and a backward pass; each pass cuts the text into factors
    where the running TTR falls to ``threshold`` and credits the last, partial factor as
    ``(1 - TTR) / (1 - threshold)``; MTLD = tokens / factors. NaN when no factor forms
    (no tokens, or every token different).

    Parameters
    ----------
    tokens
        The text's tokens (words), in text order.
    threshold
        The TTR at which a factor ends, from 0 to 0.999999 (default 0.72, McCarthy &
        Jarvis's value).

    Returns
    -------
    float
        MTLD, the mean factor length in tokens (higher: more diverse); NaN as above.

    Examples
    --------
    >>> round(mtld(["a", "b", "a", "b", "c", "a", "b", "c"]), 4)
    4.0
    """
    threshold = check_number("threshold", threshold, min_value=0, max_value=0.999999)
    _check_words(tokens)
    return float(_mtlds(_Texts([tokens]), threshold)[0])


def hdd(tokens: Sequence[str], *, draws: int = 42) -> float:
    """HD-D (McCarthy & Jarvis 2010): expected TTR of a random sample of ``draws`` tokens.

    For each type, the hypergeometric probability that a sample of ``draws`` tokens
    (without replacement) contains it at least once, divided by ``draws``, summed. NaN
    when the text has fewer than ``draws`` tokens.

    Parameters
    ----------
    tokens
        The text's tokens (words), in any order.
    draws
        The sample size, at least 1 (default 42, McCarthy & Jarvis's value).

    Returns
    -------
    float
        HD-D, between 0 and 1 (higher: more diverse); NaN as above.

    Examples
    --------
    >>> round(hdd(["a", "b", "a", "c"], draws=2), 4)
    0.9167
    """
    draws = check_int("draws", draws, min_value=1)
    _check_words(tokens)
    return float(_hdds(_Texts([tokens]), draws)[0])


def _hdds(texts: _Texts, draws: int) -> np.ndarray:
    """HD-D of every text (NaN for those shorter than ``draws``): :func:`hdd`."""
    from scipy.special import gammaln

    # the types of each long enough text in order of first use, with their uses
    first = (texts.previous < 0) & (texts.length >= draws)[texts.text]
    freqs = texts.uses[first].astype("float64")
    text = texts.text[first]
    n = texts.length[text]
    # P(a sample of `draws` misses a type seen f times) = C(n - f, draws) / C(n, draws),
    # in log-gamma form (scipy's hypergeometric pmf at 0, without its overhead); every
    # argument is a whole number up to the longest text's length + 1, so log Γ is read
    # from a table of those (the same values: log Γ of the same floats), unless the
    # table would be far longer than the types (one long text of few types)
    top = int(n.max(initial=0)) + 2
    if top <= 4 * len(freqs) + 64:
        log_gamma = gammaln(np.arange(top, dtype="float64")).take
    else:
        log_gamma = gammaln  # (of whole numbers as floats)
    rest = n - freqs
    whole = rest.astype(np.int64)
    with np.errstate(invalid="ignore", over="ignore"):  # rest < draws: never drawn out
        log_miss = (
            log_gamma(whole + 1)
            + log_gamma(n - draws + 1)
            - log_gamma(np.maximum(whole - draws + 1, 0))  # log Γ(0) = inf, as Γ(-k)
        )
        miss = np.where(rest >= draws, np.exp(log_miss - log_gamma(n + 1)), 0.0)
    seen = (1 - miss) / draws
    bounds = np.searchsorted(text, np.arange(len(texts.length) + 1))
    out = np.full(len(texts.length), math.nan)
    for t in np.flatnonzero(texts.length >= draws).tolist():
        out[t] = np.sum(seen[bounds[t] : bounds[t + 1]])
    return out


def _diversity_rows(
    words: list[str],
    measured: tuple[int, float, float, float],
    window: int,
    threshold: float,
    draws: int,
) -> list[tuple[str, float, bool, str]]:
    """Return the diversity rows of ``words`` from its types, MATTR, MTLD, HD-D (``measured``)."""
    n = len(words)
    if n == 0:
        note = "no words: lexical diversity is undefined"
        return [(m, math.nan, False, note) for m in ("ttr", "mattr", "mtld", "hdd")]
    types, mattr_value, m, hdd_value = measured
    mj = f"McCarthy & Jarvis (2010) recommend at least {MIN_TOKENS_MJ2010} tokens; this has {n}"
    rows = [("ttr", types / n, True, "falls as texts get longer: compare only equal lengths")]
    rows.append(("mattr", *_mattr_row(n, mattr_value, window)))
    if math.isnan(m):
        rows.append(("mtld", m, False, "no factor formed (every word differs): undefined"))
    else:
        ok = n >= MIN_TOKENS_MJ2010
        rows.append(("mtld", m, ok, f"threshold {threshold}" if ok else mj))
    if n < draws:
        rows.append(("hdd", math.nan, False, f"needs at least {draws} tokens (draws); has {n}"))
    else:
        ok = n >= MIN_TOKENS_MJ2010
        rows.append(("hdd", hdd_value, ok, f"{draws} draws" if ok else mj))
    return rows


def _mattr_row(n: int, value: float, window: int) -> tuple[float, bool, str]:
    """Return the MATTR ``value`` of a text of ``n`` words with its reliability and note."""
    if n < window:
        return (math.nan, False, f"needs more than {window} tokens (window); has {n}")
    if n == window:
        note = f"only one window of {window}: equals TTR; needs more than {window} tokens"
        return (value, False, note)
    return (value, True, f"window {window}")


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
    nospace = sum(s.other.get("nospace", 0) for s in sents)
    if nospace:
        return (
            f"no words: {nospace} run(s) of a script written without spaces (e.g. Chinese); "
            "framelens counts space-separated words"
        )
    if not sents:
        return "no sentences in scope (only embeds? set include_embeds=True)"
    return "no words (only punctuation, symbols or emoji)"


def _count_rows(
    sents: list[_Sent], all_sents: list[_Sent] | None, n_words: int, types: int
) -> list[tuple]:
    n_sents = len(sents)
    lengths = [len(s.words) for s in sents]
    embed_sents = [s for s in (all_sents or sents) if s.kind == "embed"]
    embeds = {s.para_id for s in embed_sents}
    in_scope = any(s.kind == "embed" for s in sents)

    def apart(measure: str) -> str:  # where the embeds' hashtags/mentions/links are
        if in_scope or not embed_sents:
            return ""
        return f"prose only; embedded posts: see embed_{measure}"

    def embedded(kind: str) -> float:
        return float(sum(s.other.get(kind, 0) for s in embed_sents))

    embed_note = (
        "in embedded posts (also counted in the row above: include_embeds=True)"
        if in_scope
        else "in embedded posts, counted apart from the prose"
    )
    out: list[tuple] = [
        ("characters", float(sum(len(s.text) for s in sents)), True, "characters of the sentences"),
        ("words", float(n_words), True, "" if n_words else _no_words_note(sents)),
        ("types", float(types), True, "distinct lower-cased words"),
        ("sentences", float(n_sents), True, ""),
        ("paragraphs", float(len({s.para_id for s in sents})), True, ""),
        ("embeds", float(len(embeds)), True, "embedded posts in the document (paragraphs)"),
        ("hashtags", float(sum(s.other.get("hashtag", 0) for s in sents)), True, apart("hashtags")),
        ("mentions", float(sum(s.other.get("mention", 0) for s in sents)), True, apart("mentions")),
        ("links", float(sum(s.other.get("url", 0) for s in sents)), True, apart("links")),
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


def _english(texts: _Texts) -> tuple[list[float], list[bool]]:
    """Return :func:`framelens.sentiment.score.english_share` of every text at once.

    The share of each text's words that are English function words (``ENGLISH_MARKERS``;
    0 for no words: the same count divided by the same length) and whether it is low
    (``ENGLISH_MIN_WORDS`` words or more and a share below ``ENGLISH_SHARE``), from each
    distinct word tested once.
    """
    from ..sentiment.score import ENGLISH_MARKERS, ENGLISH_MIN_WORDS, ENGLISH_SHARE

    marker = np.fromiter(map(ENGLISH_MARKERS.__contains__, texts.distinct), dtype=bool)
    markers = np.bincount(texts.text[marker[texts.ids]], minlength=len(texts.length))
    share = np.zeros(len(texts.length))
    some = texts.length > 0
    share[some] = markers[some] / texts.length[some]
    low = (texts.length >= ENGLISH_MIN_WORDS) & (share < ENGLISH_SHARE)
    return share.tolist(), low.tolist()


def _not_english(share: float, low: bool) -> str:
    """Say why a text of few English function words gets no reliable grade ("" if English)."""
    if not low:
        return ""
    return (
        f"probably not English ({share:.0%} of the words are English function words): the "
        "formulas count English syllables and were fitted on English readers"
    )


def _readability_rows(prose: list[_Sent], n_words: int, foreign: str) -> list[tuple]:
    """Return the readability rows of the prose sentences ``prose``, of ``n_words`` words.

    ``foreign`` says why the prose is probably not English (:func:`_not_english`).
    """
    if not n_words:
        note = _no_words_note(prose)
        return [(m, math.nan, False, note) for m in _READABILITY]
    values = formulas.readability(" ".join(s.text for s in prose))
    n_sents = len(prose)
    short = f"formulas expect samples of {READABILITY_WORDS}+ words; this has {n_words}"
    rows = []
    per_sentence = n_words / max(1, n_sents)
    run_on = (
        f"{per_sentence:.0f} words a sentence: the sentences are not found (no sentence "
        "punctuation?), so the grade is not the text's"
    )
    for m in _READABILITY:
        value = float(values[m])
        if foreign:
            rows.append((m, value, False, foreign))
        elif per_sentence > MAX_SENTENCE_WORDS:
            rows.append((m, value, False, run_on))
        elif m == "smog_index" and n_sents < SMOG_SENTENCES:
            rows.append((m, value, False, f"SMOG needs {SMOG_SENTENCES} sentences; has {n_sents}"))
        elif n_words < READABILITY_WORDS:
            rows.append((m, value, False, short))
        else:
            rows.append((m, value, True, "textstat on the prose"))
    return rows


def prose_text(sentences: pd.DataFrame) -> pd.Series:
    """Return each document's prose as one string (its prose sentences joined by spaces).

    This is the string :func:`readability` gives to textstat.

    Parameters
    ----------
    sentences
        The sentences frame (``doc_id, sent_id, start, end, text``; ``kind`` if present:
        embedded posts are left out).

    Returns
    -------
    pandas.Series
        The text of each document, indexed by ``doc_id`` (sorted), named ``text``; its
        sentences in order of ``start``. A document without prose sentences has no
        entry.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "start": [0, 9],
    ...                   "end": [8, 15], "kind": ["prose", "embed"],
    ...                   "text": ["Ships go.", "#navy"]})
    >>> prose_text(s).to_dict()
    {'a': 'Ships go.'}
    """
    check_columns("sentences", sentences, SENTENCE_KEYS)
    prose = corpus.in_scope(sentences, False).sort_values(["doc_id", "start"], kind="stable")
    return prose.groupby("doc_id", sort=True)["text"].agg(" ".join).rename("text")


def document_stats(
    sentences: pd.DataFrame,
    *,
    include_embeds: bool = False,
    window: int = 50,
    threshold: float = 0.72,
    draws: int = 42,
    families: Sequence[str] = ("counts", "diversity", "readability"),
    tokens: corpus.Tokens | pd.DataFrame | None = None,
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
        The tokens of these sentences if already computed: a
        :class:`framelens.corpus.Tokens` (the partition's one tokenization) or the table of
        :func:`framelens.corpus.tokenize`.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, family, measure, value, words, sentences, reliable, note``: ``words``
        and ``sentences`` are the document's counts (of its prose, for readability: the
        formulas themselves use textstat's own word and sentence counts of that prose,
        :func:`framelens.stats.formulas.counts`, which split at every full stop, "U.S."
        included, and drop stretches of under three words); ``reliable`` is false when
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
    # each document's sentences in scope and their words; the prose's for readability
    scoped = []
    for all_sents in docs.values():
        prose = [s for s in all_sents if s.kind == "prose"]
        sents = all_sents if include_embeds else prose
        words = _words_of(sents)
        scoped.append((all_sents, sents, words, prose, words if sents is prose else None))
    # the measures of every document at once: types, MATTR, MTLD, HD-D; whether its
    # prose is English
    texts = _Texts([words for _, _, words, _, _ in scoped])
    if "counts" in fams or "diversity" in fams:
        types = texts.types.tolist()
    if "diversity" in fams:
        mattrs, hdds = _mattrs(texts, window).tolist(), _hdds(texts, draws).tolist()
        mtlds = _mtlds(texts, threshold).tolist()
    if "readability" in fams:
        prose_texts = texts
        if any(p is None for *_, p in scoped):  # embeds in scope: the prose's own words
            prose_texts = _Texts([_words_of(pr) if p is None else p for *_, pr, p in scoped])
        english = list(zip(*_english(prose_texts), strict=True))
        prose_words = prose_texts.length.tolist()
    rows = []
    for i, (doc_id, (all_sents, sents, words, prose, _)) in enumerate(
        zip(docs, scoped, strict=True)
    ):
        n_words, n_sents = len(words), len(sents)
        produced: list[tuple[str, list]] = []
        if "counts" in fams:
            produced.append(("counts", _count_rows(sents, all_sents, n_words, types[i])))
        if "diversity" in fams:
            measured = (types[i], mattrs[i], mtlds[i], hdds[i])
            produced.append(
                ("diversity", _diversity_rows(words, measured, window, threshold, draws))
            )
        if "readability" in fams:
            pw, ps = prose_words[i], len(prose)
            produced.append(
                ("readability", _readability_rows(prose, pw, _not_english(*english[i])))
            )
        for family, items in produced:
            nw, ns = (pw, ps) if family == "readability" else (n_words, n_sents)
            for measure, value, reliable, note in items:
                ok = bool(reliable) and not (isinstance(value, float) and math.isnan(value))
                rows.append((doc_id, family, measure, value, nw, ns, ok, note))
    if not rows:
        dtypes = {"value": "float64", "words": "int64", "sentences": "int64", "reliable": bool}
        return pd.DataFrame(rows, columns=STAT_COLUMNS).astype(
            {"doc_id": str, **dtypes, "note": str}
        )
    # column by column, each made with its dtype (a frame of the rows infers every column)
    doc_ids, family, measure, value, words, sentences, reliable, note = zip(*rows, strict=True)
    return pd.DataFrame(
        {
            "doc_id": pd.array(doc_ids, dtype="str"),
            "family": pd.array(family, dtype="str"),
            "measure": pd.array(measure, dtype="str"),
            "value": np.array(value, dtype="float64"),
            "words": np.array(words, dtype="int64"),
            "sentences": np.array(sentences, dtype="int64"),
            "reliable": np.array(reliable, dtype=bool),
            "note": pd.array(note, dtype="str"),
        }
    )


def counts(
    sentences: pd.DataFrame,
    *,
    include_embeds: bool = False,
    tokens: corpus.Tokens | pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Count characters, words, sentences… per document (:func:`document_stats` counts).

    Parameters
    ----------
    sentences
        The sentences frame (``doc_id, sent_id, start, end, text``; ``para_id`` and
        ``kind`` if present); any subset of documents.
    include_embeds
        Count embedded posts as part of the text (default: the article's prose only).
    tokens
        The tokens of these sentences if already computed, as for
        :func:`document_stats`.

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
    tokens: corpus.Tokens | pd.DataFrame | None = None,
) -> pd.DataFrame:
    """TTR, MATTR, MTLD and HD-D per document, each with ``reliable`` and a ``note``.

    MATTR needs more than ``window`` tokens; MTLD and HD-D are flagged unreliable below
    the 100 tokens McCarthy & Jarvis (2010) recommend, and HD-D is undefined below
    ``draws`` tokens.

    Parameters
    ----------
    sentences
        The sentences frame (``doc_id, sent_id, start, end, text``; ``para_id`` and
        ``kind`` if present); any subset of documents.
    include_embeds
        Count embedded posts as part of the text (default: the article's prose only).
    window, threshold, draws
        MATTR window (tokens, default 50), MTLD factor threshold (default 0.72, from
        0.01 to 0.99) and HD-D sample size (default 42): see :func:`mattr`,
        :func:`mtld`, :func:`hdd`.
    tokens
        The tokens of these sentences if already computed, as for
        :func:`document_stats`.

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


MATTR_WINDOW_COLUMNS = ["doc_id", "window", "mattr", "words", "reliable", "note"]


def mattr_by_window(
    sentences: pd.DataFrame,
    windows: Sequence[int] = (25, 50, 100, 200, 400, 600),
    *,
    include_embeds: bool = False,
    tokens: corpus.Tokens | pd.DataFrame | None = None,
) -> pd.DataFrame:
    """MATTR of each document for several window sizes: how much the choice of window moves it.

    The larger the window, the fewer windows a text has and the closer MATTR comes to its
    plain TTR; a window longer than the text gives no value.

    Parameters
    ----------
    sentences
        The sentences frame; any subset of documents (one document to study one text).
    windows
        Window sizes in tokens, each a whole number of at least 1.
    include_embeds
        Count embedded posts as part of the text (default: the article's prose only).
    tokens
        The tokens of these sentences (or of a frame they were selected from) if already
        computed: a :class:`framelens.corpus.Tokens` or the table of
        :func:`framelens.corpus.tokenize`.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, window, mattr, words, reliable, note``: one row per document and window,
        in the order given; ``reliable`` and ``note`` as in :func:`lexical_diversity`.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "end": [41],
    ...                   "kind": ["prose"], "text": ["Ships sailed, ships returned, ships left."]})
    >>> m = mattr_by_window(s, [3, 6, 9]).round(4)
    >>> m[["window", "mattr", "words", "reliable"]].values.tolist()
    [[3, 0.8333, 6, True], [6, 0.6667, 6, False], [9, nan, 6, False]]
    """
    check_bool("include_embeds", include_embeds)
    sizes = [check_int("windows", w, min_value=1) for w in windows]
    docs = _prepare(sentences, include_embeds, tokens)
    texts = _Texts([_words_of(sents) for sents in docs.values()])
    values = {w: _mattrs(texts, w).tolist() for w in sizes}
    rows = []
    for i, (doc_id, n) in enumerate(zip(docs, texts.length.tolist(), strict=True)):
        for w in sizes:
            value, reliable, note = _mattr_row(n, values[w][i], w)
            rows.append((doc_id, w, value, n, reliable and not math.isnan(value), note))
    frame = pd.DataFrame(rows, columns=MATTR_WINDOW_COLUMNS)
    return frame.astype({"window": "int64", "mattr": "float64", "words": "int64"})


def readability(
    sentences: pd.DataFrame, *, tokens: corpus.Tokens | pd.DataFrame | None = None
) -> pd.DataFrame:
    """Readability of each document's prose with textstat.

    Flesch reading ease, Flesch–Kincaid grade, Gunning fog, SMOG and Coleman–Liau, as
    textstat computes them on :func:`prose_text`. SMOG is flagged unreliable below 30
    sentences, every formula below 100 words or above 60 words a sentence on average
    (:data:`MAX_SENTENCE_WORDS`: text without sentence punctuation); a document without
    words gets NaN.

    Parameters
    ----------
    sentences
        The sentences frame (``doc_id, sent_id, start, end, text``; ``para_id`` and
        ``kind`` if present); any subset of documents. Only the sentences of kind
        ``"prose"`` are read (all of them without a ``kind`` column).
    tokens
        The tokens of these sentences if already computed, as for
        :func:`document_stats`.

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
    tokens: corpus.Tokens | pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Words per sentence.

    Parameters
    ----------
    sentences
        The sentences frame (``doc_id, sent_id, start, end, text``; ``para_id`` and
        ``kind`` if present); any subset of documents.
    include_embeds
        Count embedded posts as part of the text (default: the article's prose only).
    tokens
        The tokens of these sentences if already computed, as for
        :func:`document_stats`.

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


#: counts that do not add up over documents (a word type of two documents is one type)
NOT_ADDITIVE = frozenset(
    {"types", "sentence_length_mean", "sentence_length_median", "sentence_length_max"}
)


def group_counts(doc_stats: pd.DataFrame, labels: pd.DataFrame) -> pd.DataFrame:
    """Partial, summable aggregates of per-document statistics by group.

    Concatenate the results of several partitions and pass them to
    :func:`group_summary`: ``documents``, ``reliable_documents``, ``total`` and
    ``sum_sq`` add up, ``min``/``max`` combine by min/max.

    Parameters
    ----------
    doc_stats
        Per-document statistics (``doc_id, family, measure, value``; ``reliable`` if
        present, else every value counts as reliable), as :func:`document_stats` returns.
    labels
        The group of each document (``doc_id, group``); documents without a label are
        left out, and one with several labels counts in each of its groups.

    Returns
    -------
    pandas.DataFrame
        ``group, family, measure, documents, reliable_documents, total, sum_sq, min,
        max`` over the documents with a defined value, sorted by ``group, family,
        measure``; ``documents`` and ``reliable_documents`` are floats here.

    Examples
    --------
    >>> st = pd.DataFrame({"doc_id": ["a", "b"], "family": "counts", "measure": "words",
    ...                    "value": [3.0, 5.0], "reliable": True})
    >>> lab = pd.DataFrame({"doc_id": ["a", "b"], "group": ["x", "x"]})
    >>> group_counts(st, lab)[["documents", "total", "max"]].values.tolist()
    [[2.0, 8.0, 5.0]]
    """
    check_columns("doc_stats", doc_stats, ["doc_id", "family", "measure", "value"])
    check_columns("labels", labels, ["doc_id", "group"])
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

    Parameters
    ----------
    partials
        The :func:`group_counts` tables of one or more partitions, concatenated (rows of
        the same group and measure are combined).

    Returns
    -------
    pandas.DataFrame
        ``group, family, measure, documents, reliable_documents, total, mean, sd, min,
        max`` (``sd`` the sample standard deviation across documents, NaN for one
        document; ``total`` only for counts that add up, such as words, NaN for ratios,
        grades, types and sentence lengths), sorted by ``group,
        family, measure``; ``documents`` and ``reliable_documents`` are integers.

    Examples
    --------
    >>> p = pd.DataFrame({"group": ["x", "x"], "family": "counts", "measure": "words",
    ...                   "documents": [1.0, 1.0], "reliable_documents": [1.0, 1.0],
    ...                   "total": [3.0, 5.0], "sum_sq": [9.0, 25.0], "min": [3.0, 5.0],
    ...                   "max": [3.0, 5.0]})
    >>> group_summary(p)[["documents", "mean", "sd"]].values.round(4).tolist()
    [[2.0, 4.0, 1.4142]]
    """
    check_columns("partials", partials, GROUP_COUNT_COLUMNS)
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
    # a total of ratios, grades or per-document means says nothing: only counts add up
    additive = (out["family"] == "counts") & ~out["measure"].isin(NOT_ADDITIVE)
    out["total"] = out["total"].where(additive)
    for c in ("documents", "reliable_documents"):
        out[c] = out[c].astype("int64")
    return out[GROUP_SUMMARY_COLUMNS]
