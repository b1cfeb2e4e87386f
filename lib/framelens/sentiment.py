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
5,190 rated NYT snippets). VADER's rules are re-implemented line for line from NLTK's, so
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

from __future__ import annotations

import concurrent.futures
import functools
import math
import os
import re
import string
import unicodedata
import warnings
import zlib
from collections.abc import Sequence
from functools import cache
from typing import Any, Literal

import numpy as np
import pandas as pd

from . import resources
from .errors import FramelensWarning, InputError, ParameterError
from .params import check_bool, check_choice, check_columns, check_int, check_number

__all__ = [
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
    "check_group_by",
    "combine_counts",
    "disagreements",
    "documents_table",
    "domain_sensitivity",
    "evaluate",
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
    "score",
    "score_documents",
    "unit_values",
]

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

#: a sentence with more VADER tokens than this gets a note (probably a segmentation failure)
LONG_SENTENCE_TOKENS = 150
#: a text whose letters are more than this share non-Latin is not scored (VADER is English)
NON_LATIN_SHARE = 0.5
#: at most this many drivers are listed per sentence (then "… +N more")
MAX_DRIVERS = 40
#: inputs smaller than this are scored in-process even when ``n_jobs > 1``
MIN_PARALLEL = 1000

NOTE_EMPTY = "no words to score"
NOTE_NO_LEXICON = "no lexicon words"
NOTE_NON_LATIN = "mostly non-Latin letters: not scored (VADER is English-only)"
NOTE_LONG = "long sentence ({n} tokens): compound saturates; check the segmentation"

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


# ---------------------------------------------------------------------------------------
# the VADER engine (NLTK's lexicon and rules; linear-time word splitting)


@cache
def _analyzer():
    """Return NLTK's SentimentIntensityAnalyzer, loaded once from the offline lexicon."""
    resources.use_offline_nltk()
    resources.require("vader_lexicon")
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@cache
def _engine() -> _Vader:
    return _Vader(_analyzer())


#: domain lists shipped in ``framelens/data`` (``neutral_<domain>.yaml``)
DOMAINS = ("security",)
#: what a masked name is replaced by before scoring: a word no lexicon rates
MASK_TOKEN = "Name"


@cache
def load_domain(domain: str) -> dict[str, Any]:
    """Read a domain list: lexicon words neutral in that domain, and phrases to mask.

    Returns
    -------
    dict
        ``{"words": {word: (vader valence, why)}, "phrases": [phrase, …]}``.

    Examples
    --------
    >>> d = load_domain("security")
    >>> d["words"]["destroyer"][0], "Pacific Fleet" in d["phrases"]
    (-2.0, True)
    """
    import yaml

    check_choice("domain", domain, list(DOMAINS))
    raw = yaml.safe_load(resources.data_path(f"neutral_{domain}.yaml").read_text("utf-8"))
    words = {str(e["word"]).lower(): (float(e["vader"]), str(e["why"])) for e in raw["words"]}
    return {"words": words, "phrases": [str(p) for p in raw["phrases"]]}


@cache
def _domain_engine(domain: str) -> _Vader:
    engine = _Vader(_analyzer())
    neutral = load_domain(domain)["words"]
    engine.lex = {k: v for k, v in engine.lex.items() if k.lower() not in neutral}
    return engine


def _domain_patterns(domain: str, gazetteer: pd.DataFrame | None) -> tuple[re.Pattern, ...]:
    """Names (case-sensitive: actors, places, exercise names) and phrases (any case)."""
    from . import events
    from . import gazetteer as gz

    gaz = gz.load_gazetteer() if gazetteer is None else gazetteer
    names = set(gaz["alias"]) | set(events.load_events()["name"])
    for name in list(names):
        names.update(part for part in name.split("/") if len(part) > 3)
    phrases = load_domain(domain)["phrases"]

    def compile_(items, flags=0):
        items = sorted(set(items), key=lambda a: (-len(a), a))
        body = "|".join(re.escape(a).replace("'", "['\u2019]") for a in items)
        return re.compile(r"(?<![\w\-])(?:" + body + r")(?![\w\-])", flags)

    return compile_(phrases, re.IGNORECASE), compile_(names)


def mask_names(
    texts: Sequence[str], *, domain: str = "security", gazetteer: pd.DataFrame | None = None
) -> tuple[list[str], list[str]]:
    """Replace names and fixed phrases by a word no lexicon rates, before scoring.

    Masked: the domain list's phrases ("third party", "Pacific Fleet"), then every alias
    of the gazetteer (actors and places: "United States", "South China Sea") and every
    exercise name of the event table ("Peace Mission", "Joint Sea"). Each becomes
    :data:`MASK_TOKEN`, so "United" (VADER +1.8) and "Peace" (+2.5) in names score 0
    while the sentence keeps its shape for VADER's rules.

    Returns
    -------
    tuple of two lists
        The masked texts, and per text what was masked (``"United States; Peace
        Mission"``, empty when nothing was).

    Examples
    --------
    >>> mask_names(["The United States watched the Peace Mission drills."])
    (['The Name watched the Name drills.'], ['United States; Peace Mission'])
    """
    check_choice("domain", domain, list(DOMAINS))
    patterns = _domain_patterns(domain, gazetteer)
    out, found = [], []
    for text in texts:
        hits: list[str] = []
        for pattern in patterns:
            hits.extend(m.group(0) for m in pattern.finditer(text))
            text = pattern.sub(MASK_TOKEN, text)
        out.append(text)
        found.append("; ".join(hits))
    return out, found


def _neutral_found(text: str, domain: str) -> str:
    neutral = load_domain(domain)["words"]
    seen: list[str] = []
    for token in text.split():
        w = token.strip(string.punctuation + "\u2019\u201c\u201d").lower()
        if w in neutral and w not in seen:
            seen.append(w)
    return "; ".join(f"{w} {neutral[w][0]:g}" for w in seen)


_PUNCT = frozenset(string.punctuation)
_HAS_PUNCT = re.compile("[" + re.escape(string.punctuation) + "]")
_NONASCII_LETTER = re.compile(r"[^\W\d_A-Za-z]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


class _Vader:
    """NLTK's VADER ``polarity_scores``, re-implemented to also return its evidence.

    Same lexicon, constants and rules as ``nltk.sentiment.vader`` (including its quirks:
    a repeated word takes the context of its first occurrence, idioms and "never so"
    compare case-sensitively); only the word splitting is rewritten. NLTK builds a
    dictionary of every word × 20 punctuation marks per sentence; a token maps to the
    word inside it exactly when it is one PUNC_LIST item followed or preceded by a word
    of two or more characters with no ASCII punctuation, which is checked directly.
    """

    def __init__(self, sia: Any) -> None:
        c = sia.constants
        self.lex: dict[str, float] = sia.lexicon
        self.booster: dict[str, float] = c.BOOSTER_DICT
        self.negate = frozenset(c.NEGATE)
        self.idioms: dict[str, float] = c.SPECIAL_CASE_IDIOMS
        self.punc = frozenset(c.PUNC_LIST)
        self.c_incr = c.C_INCR
        self.n_scalar = c.N_SCALAR
        self.b_decr = c.B_DECR

    def tokens(self, text: str) -> list[str]:
        out = []
        punct, punc, has_punct = _PUNCT, self.punc, _HAS_PUNCT.search
        for t in text.split():
            if len(t) < 2:
                continue
            if t[0] in punct:
                k = 1
                while k < len(t) and t[k] in punct:
                    k += 1
                w = t[k:]
                if len(w) > 1 and t[:k] in punc and not has_punct(w):
                    t = w
            elif t[-1] in punct:
                k = len(t) - 1
                while k > 0 and t[k - 1] in punct:
                    k -= 1
                w = t[:k]
                if len(w) > 1 and t[k:] in punc and not has_punct(w):
                    t = w
            out.append(t)
        return out

    def _negated(self, word: str) -> bool:
        w = word.lower()
        return w in self.negate or "n't" in w

    def score(
        self, text: str, evidence: bool = True
    ) -> tuple[float, float, float, float, str, int]:
        """Return ``(neg, neu, pos, compound, drivers, n_tokens)`` as VADER computes them."""
        words = self.tokens(text)
        n = len(words)
        if n == 0:
            return (0.0, 0.0, 0.0, 0.0, "", 0)
        lex, booster = self.lex, self.booster
        lowers = [w.lower() for w in words]
        first: dict[str, int] = {}
        for idx, tok in enumerate(words):
            if tok not in first:
                first[tok] = idx
        allcap = sum(1 for w in words if w.isupper())
        cap_diff = 0 < n - allcap < n
        sentiments: list[float] = []
        found: list[tuple[int, str, float, list[str]]] = []
        for j, item in enumerate(words):
            i = first[item]
            il = lowers[i]
            if (
                il not in lex
                or il in booster
                or (il == "kind" and i < n - 1 and lowers[i + 1] == "of")
            ):
                sentiments.append(0)
                continue
            valence, notes = self._valence(words, lowers, i, item, cap_diff, evidence)
            sentiments.append(valence)
            if evidence:
                found.append((j, il, lex[il], notes))
        if "but" in lowers:
            bi = lowers.index("but")
            for k in range(len(sentiments)):
                if k < bi:
                    sentiments[k] = sentiments[k] * 0.5
                elif k > bi:
                    sentiments[k] = sentiments[k] * 1.5
        # score_valence, as in NLTK
        sum_s = float(sum(sentiments))
        ep = min(text.count("!"), 4) * 0.292
        qm_count = text.count("?")
        qm = 0
        if qm_count > 1:
            qm = qm_count * 0.18 if qm_count <= 3 else 0.96
        amp = ep + qm
        if sum_s > 0:
            sum_s += amp
        elif sum_s < 0:
            sum_s -= amp
        compound = sum_s / math.sqrt((sum_s * sum_s) + 15)
        pos_sum = 0.0
        neg_sum = 0.0
        neu_count = 0
        for s in sentiments:
            if s > 0:
                pos_sum += float(s) + 1
            if s < 0:
                neg_sum += float(s) - 1
            if s == 0:
                neu_count += 1
        if pos_sum > math.fabs(neg_sum):
            pos_sum += amp
        elif pos_sum < math.fabs(neg_sum):
            neg_sum -= amp
        total = pos_sum + math.fabs(neg_sum) + neu_count
        drivers = ""
        if evidence and found:
            parts = []
            bi = lowers.index("but") if "but" in lowers else -1
            for j, word, base, notes in found:
                final = sentiments[j]
                if bi >= 0 and j != bi:
                    notes = [*notes, "before 'but' ×0.5" if j < bi else "after 'but' ×1.5"]
                if notes:
                    parts.append(f"{word} {base:g}→{final:.2f} ({', '.join(notes)})")
                else:
                    parts.append(f"{word} {base:g}")
            if amp and sum_s != 0:
                parts.append(f"[!/? emphasis {'+' if sum_s > 0 else '-'}{amp:.2f}]")
            if len(parts) > MAX_DRIVERS:
                parts = [*parts[:MAX_DRIVERS], f"… +{len(parts) - MAX_DRIVERS} more"]
            drivers = "; ".join(parts)
        return (
            round(math.fabs(neg_sum / total), 3),
            round(math.fabs(neu_count / total), 3),
            round(math.fabs(pos_sum / total), 3),
            round(compound, 4),
            drivers,
            n,
        )

    def _valence(
        self, words: list[str], lowers: list[str], i: int, item: str, cap_diff: bool, ev: bool
    ) -> tuple[float, list[str]]:
        lex, booster = self.lex, self.booster
        notes: list[str] = []
        valence = lex[lowers[i]]
        if item.isupper() and cap_diff:
            valence = valence + self.c_incr if valence > 0 else valence - self.c_incr
            if ev:
                notes.append("CAPS")
        for start_i in range(3):
            if i > start_i and lowers[i - (start_i + 1)] not in lex:
                prev = words[i - (start_i + 1)]
                s = 0.0
                pl = lowers[i - (start_i + 1)]
                if pl in booster:
                    s = booster[pl]
                    if valence < 0:
                        s *= -1
                    if prev.isupper() and cap_diff:
                        s = s + self.c_incr if valence > 0 else s - self.c_incr
                    if start_i == 1:
                        s = s * 0.95
                    if start_i == 2:
                        s = s * 0.9
                    if ev and s != 0:
                        notes.append(f"'{pl}' {s:+.2f}")
                valence = valence + s
                # _never_check
                if start_i == 0:
                    if self._negated(words[i - 1]):
                        valence = valence * self.n_scalar
                        if ev:
                            notes.append(f"negated by '{lowers[i - 1]}'")
                elif start_i == 1:
                    if words[i - 2] == "never" and words[i - 1] in ("so", "this"):
                        valence = valence * 1.5
                        if ev:
                            notes.append(f"'never {words[i - 1]}' ×1.5")
                    elif self._negated(words[i - 2]):
                        valence = valence * self.n_scalar
                        if ev:
                            notes.append(f"negated by '{lowers[i - 2]}'")
                else:
                    if (
                        words[i - 3] == "never"
                        and (words[i - 2] == "so" or words[i - 2] == "this")
                        or (words[i - 1] == "so" or words[i - 1] == "this")
                    ):
                        valence = valence * 1.25
                        if ev:
                            notes.append("'so/this' ×1.25")
                    elif self._negated(words[i - 3]):
                        valence = valence * self.n_scalar
                        if ev:
                            notes.append(f"negated by '{lowers[i - 3]}'")
                    valence = self._idioms(valence, words, i, notes, ev)
        # _least_check
        if i > 1 and lowers[i - 1] not in lex and lowers[i - 1] == "least":
            if lowers[i - 2] != "at" and lowers[i - 2] != "very":
                valence = valence * self.n_scalar
                if ev:
                    notes.append("negated by 'least'")
        elif i > 0 and lowers[i - 1] not in lex and lowers[i - 1] == "least":
            valence = valence * self.n_scalar
            if ev:
                notes.append("negated by 'least'")
        return valence, notes

    def _idioms(self, valence: float, w: list[str], i: int, notes: list[str], ev: bool) -> float:
        idioms = self.idioms
        onezero = f"{w[i - 1]} {w[i]}"
        twoonezero = f"{w[i - 2]} {w[i - 1]} {w[i]}"
        twoone = f"{w[i - 2]} {w[i - 1]}"
        threetwoone = f"{w[i - 3]} {w[i - 2]} {w[i - 1]}"
        threetwo = f"{w[i - 3]} {w[i - 2]}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in idioms:
                valence = idioms[seq]
                if ev:
                    notes.append(f"idiom '{seq}' {valence:g}")
                break
        if len(w) - 1 > i:
            zeroone = f"{w[i]} {w[i + 1]}"
            if zeroone in idioms:
                valence = idioms[zeroone]
                if ev:
                    notes.append(f"idiom '{zeroone}' {valence:g}")
        if len(w) - 1 > i + 1:
            zeroonetwo = f"{w[i]} {w[i + 1]} {w[i + 2]}"
            if zeroonetwo in idioms:
                valence = idioms[zeroonetwo]
                if ev:
                    notes.append(f"idiom '{zeroonetwo}' {valence:g}")
        if threetwo in self.booster or twoone in self.booster:
            valence = valence + self.b_decr
            if ev:
                notes.append(f"'{twoone if twoone in self.booster else threetwo}' -0.29")
        return valence


def _non_latin_share(text: str) -> float:
    """Share of the letters of ``text`` that are not Latin (0.0 for ASCII text)."""
    if text.isascii():
        return 0.0
    other = _NONASCII_LETTER.findall(text)
    if not other:
        return 0.0
    non_latin = sum(1 for ch in other if not unicodedata.name(ch, "").startswith("LATIN"))
    return non_latin / (len(other) + len(_ASCII_LETTER.findall(text)))


def _score_one(engine: _Vader, text: str) -> tuple:
    if _non_latin_share(text) > NON_LATIN_SHARE:
        nan = float("nan")
        return (nan, nan, nan, nan, "", NOTE_NON_LATIN)
    neg, neu, pos, compound, drivers, n = engine.score(text)
    if n == 0:
        nan = float("nan")
        return (nan, nan, nan, nan, "", NOTE_EMPTY)
    note = ""
    if not drivers:
        note = NOTE_NO_LEXICON
    if n > LONG_SENTENCE_TOKENS:
        long_note = NOTE_LONG.format(n=n)
        note = f"{note}; {long_note}" if note else long_note
    return (neg, neu, pos, compound, drivers, note)


def _score_chunk(texts: Sequence[str], domain: str | None = None) -> list[tuple]:
    engine = _domain_engine(domain) if domain else _engine()
    return [_score_one(engine, t) for t in texts]


def _score_texts(texts: list[str], n_jobs: int, domain: str | None = None) -> list[tuple]:
    # load in the parent, so forked workers inherit it
    engine = _domain_engine(domain) if domain else _engine()
    if n_jobs <= 1 or len(texts) < MIN_PARALLEL:
        return [_score_one(engine, t) for t in texts]
    n_chunks = n_jobs * 4
    size = math.ceil(len(texts) / n_chunks)
    chunks = [texts[k : k + size] for k in range(0, len(texts), size)]
    out: list[tuple] = []
    with concurrent.futures.ProcessPoolExecutor(max_workers=n_jobs) as pool:
        for part in pool.map(functools.partial(_score_chunk, domain=domain), chunks):
            out.extend(part)
    return out


def _as_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _check_thresholds(pos_threshold: float, neg_threshold: float) -> tuple[float, float]:
    pos_threshold = check_number("pos_threshold", pos_threshold, min_value=-1, max_value=1)
    neg_threshold = check_number("neg_threshold", neg_threshold, min_value=-1, max_value=1)
    if neg_threshold > pos_threshold:
        raise ParameterError(
            f"`neg_threshold` ({neg_threshold}) must not be above `pos_threshold` "
            f"({pos_threshold}); the usual VADER values are -0.05 and 0.05."
        )
    return pos_threshold, neg_threshold


def _labels(values: np.ndarray, pos_threshold: float, neg_threshold: float) -> np.ndarray:
    return np.select(
        [np.isnan(values), values >= pos_threshold, values <= neg_threshold],
        ["unscored", "positive", "negative"],
        default="neutral",
    )


def _check_n_jobs(n_jobs: Any) -> int:
    n_jobs = check_int("n_jobs", n_jobs, min_value=1)
    return min(n_jobs, os.cpu_count() or 1)


def score(
    sentences: pd.DataFrame,
    *,
    pos_threshold: float = 0.05,
    neg_threshold: float = -0.05,
    n_jobs: int = 1,
    domain: str | None = None,
    gazetteer: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Score every sentence with VADER and show the words that drove each score.

    Parameters
    ----------
    sentences
        The sentences frame of :func:`framelens.corpus.segment` (``doc_id``, ``sent_id``
        and ``text`` are needed; ``kind``, ``para_id``, ``start`` and ``end`` are kept).
        Any subset of a corpus works; rows come back for just those sentences.
    pos_threshold, neg_threshold
        ``compound >= pos_threshold`` is ``"positive"``, ``<= neg_threshold`` is
        ``"negative"``, else ``"neutral"`` (Hutto & Gilbert's 0.05 and -0.05).
    n_jobs
        Processes to use (``concurrent.futures``) for 1,000 sentences or more; the rows
        and their order are the same for any ``n_jobs``.
    domain
        ``None`` (default): VADER as published. ``"security"``: names are masked first
        (:func:`mask_names`: actors, places, exercise names and the domain list's
        phrases) and the domain list's words (:func:`load_domain`, e.g. "destroyer",
        "defense", "party") score 0; a ``masked`` column says what was taken out of each
        sentence. The compared figures are in :func:`domain_sensitivity`.
    gazetteer
        The actors and places to mask with ``domain`` (the shipped gazetteer by default).

    Returns
    -------
    pandas.DataFrame
        One row per sentence, sorted by ``doc_id, sent_id``:

        ``doc_id, sent_id, kind, text``
            the sentence (``kind`` is ``"prose"`` when the input has no ``kind``).
        ``neg, neu, pos``
            VADER's proportions of negative, neutral and positive valence (round 3).
        ``compound``
            VADER's normalised sum of valences, -1 … +1 (round 4); equal to
            ``SentimentIntensityAnalyzer().polarity_scores(text)["compound"]``.
        ``label``
            ``positive``, ``negative``, ``neutral`` or ``unscored``.
        ``drivers``
            the lexicon words that carry valence, in reading order, with their lexicon
            valence: ``"alarm -1.9"``; when a rule changed it, the final value and why:
            ``"good 1.9→-1.41 (negated by 'not')"``; also idioms, degree words,
            CAPS, "but" and !/? emphasis; at most 40, then ``"… +N more"``.
        ``note``
            why a sentence is special: ``"no words to score"`` (empty; scores NaN),
            ``"no lexicon words"`` (compound 0, neutral), ``"mostly non-Latin letters
            …"`` (not scored, NaN: VADER is English-only) or ``"long sentence (N
            tokens)…"`` (more than 150 tokens; scored).
        ``para_id, start, end``
            copied from the input when present, to point back into the document.
        ``masked`` (with ``domain``)
            the names masked and the domain words neutralised, with their lexicon
            valence: ``"United States; Pacific Fleet | destroyer -2"``.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1],
    ...                   "text": ["The allies expressed alarm.", "The talks went well."]})
    >>> score(s)[["compound", "label", "drivers"]].values.tolist()
    [[-0.34, 'negative', 'alarm -1.4'], [0.2732, 'positive', 'well 1.1']]
    >>> d = pd.DataFrame({"doc_id": ["a"], "sent_id": [0],
    ...                   "text": ["A destroyer of the United States sailed."]})
    >>> score(d)["compound"].item()  # destroyer -2.0, united +1.8
    -0.0516
    >>> score(d, domain="security")[["compound", "masked"]].values.tolist()
    [[0.0, 'United States | destroyer -2']]
    """
    check_columns("sentences", sentences, ["doc_id", "sent_id", "text"])
    pos_threshold, neg_threshold = _check_thresholds(pos_threshold, neg_threshold)
    n_jobs = _check_n_jobs(n_jobs)
    frame = sentences.sort_values(["doc_id", "sent_id"], kind="stable").reset_index(drop=True)
    texts = [_as_text(t) for t in frame["text"]]
    masked = None
    if domain is not None:
        check_choice("domain", domain, list(DOMAINS))
        scored, names = mask_names(texts, domain=domain, gazetteer=gazetteer)
        masked = [
            " | ".join(p for p in (n, _neutral_found(t, domain)) if p)
            for n, t in zip(names, scored, strict=True)
        ]
        results = _score_texts(scored, n_jobs, domain)
    else:
        results = _score_texts(texts, n_jobs)
    cols = list(zip(*results, strict=True)) if results else [()] * 6
    compound = np.asarray(cols[3], dtype="float64")
    out = pd.DataFrame(
        {
            "doc_id": frame["doc_id"].astype(str).to_numpy(),
            "sent_id": frame["sent_id"].astype("int64").to_numpy(),
            "kind": frame["kind"].astype(str).to_numpy()
            if "kind" in frame.columns
            else np.full(len(frame), "prose", dtype=object),
            "text": np.asarray(texts, dtype=object),
            "neg": np.asarray(cols[0], dtype="float64"),
            "neu": np.asarray(cols[1], dtype="float64"),
            "pos": np.asarray(cols[2], dtype="float64"),
            "compound": compound,
            "label": _labels(compound, pos_threshold, neg_threshold).astype(object),
            "drivers": np.asarray(cols[4], dtype=object),
            "note": np.asarray(cols[5], dtype=object),
        }
    )
    for extra in ("para_id", "start", "end"):
        if extra in frame.columns:
            out[extra] = frame[extra].astype("int64").to_numpy()
    if masked is not None:
        out["masked"] = np.asarray(masked, dtype=object)
    out = _typed(out)
    skipped = out.loc[out["note"] == NOTE_NON_LATIN, "doc_id"].unique().tolist()
    if skipped:
        warnings.warn(
            f"{int((out['note'] == NOTE_NON_LATIN).sum())} sentence(s) in document(s) "
            f"{skipped[:5]} are mostly non-Latin letters and were not scored: VADER is "
            "English-only (see language_check).",
            FramelensWarning,
            stacklevel=2,
        )
    return out


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


def domain_sensitivity(
    plain: pd.DataFrame,
    domain: pd.DataFrame,
    *,
    documents: pd.DataFrame | None = None,
    group_by: str | None = None,
    include_embeds: bool = False,
) -> pd.DataFrame:
    """How much each mean moves when names are masked and domain words are neutral.

    Parameters
    ----------
    plain, domain
        :func:`score` of the same sentences without and with ``domain``.
    documents, group_by
        With both, one row per group too.
    include_embeds
        Count embedded posts (``kind == "embed"``), as in :func:`aggregate`.

    Returns
    -------
    pandas.DataFrame
        :data:`SENSITIVITY_COLUMNS`, a row for ``level = "corpus"`` (unit ``"all"``), each
        ``"document"`` and each ``"group"``: the sentences scored both ways, the mean
        compound of each, ``shift = domain − plain`` and how many sentence labels changed.

    Examples
    --------
    >>> d = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1],
    ...                   "text": ["A destroyer sailed.", "The talks went well."]})
    >>> t = domain_sensitivity(score(d), score(d, domain="security"))
    >>> cols = ["level", "unit", "mean_compound", "mean_compound_domain", "n_label_changes"]
    >>> t[cols].values.tolist()[0]
    ['corpus', 'all', -0.0928, 0.1366, 1]
    """
    keys = ["doc_id", "sent_id"]
    check_columns("plain", plain, keys + ["compound", "label"])
    check_columns("domain", domain, keys + ["compound", "label"])
    check_bool("include_embeds", include_embeds)
    both = plain[keys + ["compound", "label"] + (["kind"] if "kind" in plain else [])].merge(
        domain[keys + ["compound", "label"]], on=keys, suffixes=("", "_domain")
    )
    if not include_embeds and "kind" in both.columns:
        both = both[both["kind"] != "embed"]
    both = both[both["compound"].notna() & both["compound_domain"].notna()]
    both = both.assign(changed=both["label"] != both["label_domain"])
    units = [("corpus", both.assign(unit="all"))]
    units.append(("document", both.assign(unit=both["doc_id"].astype(str))))
    if group_by is not None:
        if documents is None:
            raise ParameterError("`group_by` needs `documents` (the corpus's documents table).")
        units.append(("group", both.assign(unit=_group_values(both, documents, group_by))))
    rows = []
    for level, frame in units:
        for unit, grp in frame.groupby("unit", sort=True):
            n = len(grp)
            plain_mean = float(grp["compound"].mean())
            domain_mean = float(grp["compound_domain"].mean())
            rows.append(
                (level, str(unit), n, round(plain_mean, 6), round(domain_mean, 6),
                 round(domain_mean - plain_mean, 6), int(grp["changed"].sum()),
                 float(grp["changed"].mean()))
            )  # fmt: skip
    return pd.DataFrame(rows, columns=SENSITIVITY_COLUMNS).astype(
        {"n_sentences": "int64", "n_label_changes": "int64"}
    )


def label_changes(plain: pd.DataFrame, domain: pd.DataFrame) -> pd.DataFrame:
    """Return the sentences whose label differs between :func:`score` with and without domain.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sent_id, compound, label, compound_domain, label_domain, masked, text``,
        sorted by ``doc_id, sent_id``.

    Examples
    --------
    >>> d = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "text": ["A destroyer sailed."]})
    >>> moved = label_changes(score(d), score(d, domain="security"))
    >>> moved[["label", "label_domain"]].values.tolist()
    [['negative', 'neutral']]
    """
    keys = ["doc_id", "sent_id"]
    check_columns("plain", plain, keys + ["compound", "label", "text"])
    check_columns("domain", domain, keys + ["compound", "label", "masked"])
    both = plain[keys + ["compound", "label", "text"]].merge(
        domain[keys + ["compound", "label", "masked"]], on=keys, suffixes=("", "_domain")
    )
    both = both[both["label"] != both["label_domain"]].sort_values(keys, kind="stable")
    cols = keys + ["compound", "label", "compound_domain", "label_domain", "masked", "text"]
    return both[cols].reset_index(drop=True)


def score_documents(
    documents: pd.DataFrame,
    *,
    pos_threshold: float = 0.05,
    neg_threshold: float = -0.05,
    n_jobs: int = 1,
) -> pd.DataFrame:
    """Score each document's whole text as one piece (VADER as its authors validated it).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, neg, neu, pos, compound, label, drivers, note`` (as in :func:`score`),
        one row per document, sorted by ``doc_id``.

    Examples
    --------
    >>> d = pd.DataFrame({"doc_id": ["a"], "text": ["Good news. Bad news."]})
    >>> score_documents(d)[["doc_id", "compound"]].values.tolist()
    [['a', -0.1531]]
    """
    check_columns("documents", documents, ["doc_id", "text"])
    frame = pd.DataFrame(
        {"doc_id": documents["doc_id"].astype(str), "sent_id": 0, "text": documents["text"]}
    )
    out = score(frame, pos_threshold=pos_threshold, neg_threshold=neg_threshold, n_jobs=n_jobs)
    return out.drop(columns=["sent_id", "kind", "text"])


def language_check(documents: pd.DataFrame) -> pd.DataFrame:
    """Flag documents whose letters are mostly non-Latin (VADER's lexicon is English).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, n_letters, non_latin_share, mostly_non_latin, note``; ``note`` says
        what to do with a flagged document.

    Examples
    --------
    >>> d = pd.DataFrame({"doc_id": ["en", "zh"], "text": ["Good news.", "中俄联合军演。"]})
    >>> language_check(d)[["doc_id", "mostly_non_latin"]].values.tolist()
    [['en', False], ['zh', True]]
    """
    check_columns("documents", documents, ["doc_id", "text"])
    rows = []
    for doc_id, text in zip(documents["doc_id"], documents["text"], strict=True):
        text = _as_text(text)
        letters = sum(1 for ch in text if ch.isalpha())
        share = _non_latin_share(text) if letters else 0.0
        flag = bool(share > NON_LATIN_SHARE)
        note = (
            "mostly non-Latin letters: VADER is English-only, its sentences are not scored"
            if flag
            else ("no letters" if letters == 0 else "")
        )
        rows.append((str(doc_id), letters, share, flag, note))
    return (
        pd.DataFrame(
            rows, columns=["doc_id", "n_letters", "non_latin_share", "mostly_non_latin", "note"]
        )
        .astype({"n_letters": "int64", "non_latin_share": "float64", "mostly_non_latin": bool})
        .sort_values("doc_id", kind="stable")
        .reset_index(drop=True)
        .pipe(_typed)
    )


# ---------------------------------------------------------------------------------------
# aggregates: summable counts, then a finish


def _keys(level: str) -> list[str]:
    check_choice("level", level, ["paragraph", "document", "group", "corpus"])
    return {
        "paragraph": ["doc_id", "para_id"],
        "document": ["doc_id"],
        "group": ["group"],
        "corpus": ["corpus"],
    }[level]


def _units(
    scores: pd.DataFrame,
    level: str,
    documents: pd.DataFrame | None,
    group_by: str | None,
    include_embeds: bool,
) -> pd.DataFrame:
    """Return the scored sentences that count, with the unit's key columns."""
    check_choice("level", level, ["paragraph", "document", "group", "corpus"])
    check_bool("include_embeds", include_embeds)
    check_columns("scores", scores, ["doc_id", "sent_id", "compound", "label"])
    frame = scores
    if not include_embeds and "kind" in frame.columns:
        frame = frame[frame["kind"] != "embed"]
    frame = frame.copy()
    if level == "paragraph":
        if "para_id" not in frame.columns:
            raise ParameterError(
                "level='paragraph' needs a `para_id` column in `scores`; score the "
                "sentences frame of corpus.segment (it has para_id)."
            )
    elif level == "group":
        frame["group"] = _group_values(frame, documents, group_by)
    elif level == "corpus":
        frame["corpus"] = "all"
    return frame


def check_group_by(documents: pd.DataFrame, group_by: str) -> str:
    """Return ``group_by`` if it is a metadata column of ``documents``, else raise.

    Examples
    --------
    >>> check_group_by(pd.DataFrame({"doc_id": ["a"], "source": ["X"]}), "source")
    'source'
    """
    check_columns("documents", documents, ["doc_id"])
    if not isinstance(group_by, str) or group_by not in documents.columns or group_by == "text":
        cols = [c for c in documents.columns if c != "text"]
        raise ParameterError(
            f"`group_by` {group_by!r} is not a column of the documents; the columns are "
            f"{cols}. Add it to metadata.csv (or the CSV/JSONL) or pick one of these."
        )
    return group_by


def _group_values(
    frame: pd.DataFrame, documents: pd.DataFrame | None, group_by: str | None
) -> np.ndarray:
    if group_by is None or documents is None:
        raise ParameterError(
            "level='group' needs `group_by` (a metadata column) and the `documents` frame."
        )
    check_group_by(documents, group_by)
    lookup = dict(zip(documents["doc_id"].astype(str), documents[group_by], strict=True))
    values = [_as_text(lookup.get(d, "")) for d in frame["doc_id"]]
    return np.asarray([v if v.strip() else "(missing)" for v in values], dtype=object)


def aggregate_counts(
    scores: pd.DataFrame,
    *,
    level: Level = "document",
    documents: pd.DataFrame | None = None,
    group_by: str | None = None,
    include_embeds: bool = False,
) -> pd.DataFrame:
    """Partial sums per unit that add up across partitions of a corpus.

    Parameters
    ----------
    scores
        Rows of :func:`score` (any subset).
    level
        ``"paragraph"`` (``doc_id, para_id``), ``"document"`` (``doc_id``), ``"group"``
        (the value of the documents' ``group_by`` column) or ``"corpus"``.
    documents, group_by
        For ``level="group"``: the documents frame and the metadata column to group by.
    include_embeds
        Count embedded posts (``kind="embed"``) too. Default False: embeds are quoted
        material, not the outlet's own voice.

    Returns
    -------
    pandas.DataFrame
        The key columns, then ``n`` (scored sentences), ``n_unscored``,
        ``sum_compound``, ``sum_sq_compound``, ``n_pos``, ``n_neg``, ``n_neu``;
        sorted by key. Concatenate the counts of several partitions and pass them to
        :func:`combine_counts`.

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1],
    ...                         "text": ["Good.", "Bad."]}))
    >>> aggregate_counts(s)[["doc_id", "n", "n_pos", "n_neg"]].values.tolist()
    [['a', 2, 1, 1]]
    """
    keys = _keys(level)
    frame = _units(scores, level, documents, group_by, include_embeds)
    return _counts(frame, keys)


def _counts(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    if frame.empty:
        return _typed(pd.DataFrame({c: [] for c in [*keys, *COUNT_COLUMNS]}))
    comp = frame["compound"].astype("float64")
    scored = comp.notna()
    parts = pd.DataFrame(
        {
            **{k: frame[k].to_numpy() for k in keys},
            "n": scored.astype("int64").to_numpy(),
            "n_unscored": (~scored).astype("int64").to_numpy(),
            "sum_compound": comp.fillna(0.0).to_numpy(),
            "sum_sq_compound": (comp.fillna(0.0) ** 2).to_numpy(),
            "n_pos": (frame["label"] == "positive").astype("int64").to_numpy(),
            "n_neg": (frame["label"] == "negative").astype("int64").to_numpy(),
            "n_neu": (frame["label"] == "neutral").astype("int64").to_numpy(),
        }
    )
    return _typed(parts.groupby(keys, sort=True, as_index=False).sum())


def combine_counts(counts: pd.DataFrame | Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Sum counts of :func:`aggregate_counts` from several partitions, unit by unit.

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a", "b"], "sent_id": [0, 0],
    ...                         "text": ["Good.", "Bad."]}))
    >>> parts = [aggregate_counts(s[:1], level="corpus"), aggregate_counts(s[1:], level="corpus")]
    >>> combine_counts(parts)[["corpus", "n", "n_pos", "n_neg"]].values.tolist()
    [['all', 2, 1, 1]]
    """
    frames = [counts] if isinstance(counts, pd.DataFrame) else list(counts)
    if not frames:
        raise ParameterError("`counts` must hold at least one frame of aggregate_counts.")
    for f in frames:
        check_columns("counts", f, COUNT_COLUMNS)
    keys = [c for c in frames[0].columns if c not in COUNT_COLUMNS]
    frames = [f for f in frames if not f.empty] or frames[:1]
    return _typed(
        pd.concat(frames, ignore_index=True).groupby(keys, sort=True, as_index=False).sum()
    )


def unit_values(
    scores: pd.DataFrame,
    *,
    level: Level = "document",
    documents: pd.DataFrame | None = None,
    group_by: str | None = None,
    include_embeds: bool = False,
) -> pd.DataFrame:
    """Return the sentence compounds of each unit, which the bootstrap interval resamples.

    Returns
    -------
    pandas.DataFrame
        The key columns, ``doc_id``/``sent_id`` where not keys, and ``compound`` for
        every scored sentence, sorted by key then ``doc_id, sent_id``.

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "text": ["Good."]}))
    >>> unit_values(s).columns.tolist()
    ['doc_id', 'sent_id', 'compound']
    """
    keys = _keys(level)
    frame = _units(scores, level, documents, group_by, include_embeds)
    cols = list(dict.fromkeys([*keys, "doc_id", "sent_id", "compound"]))
    frame = frame.loc[frame["compound"].notna(), cols]
    return frame.sort_values(list(dict.fromkeys([*keys, "doc_id", "sent_id"])), kind="stable")


def _seed_for(seed: int, key: tuple) -> np.random.Generator:
    digest = zlib.crc32("\x1f".join(str(k) for k in key).encode("utf-8"))
    return np.random.default_rng([seed, digest])


def _bootstrap(values: np.ndarray, rng: np.random.Generator, n_boot: int) -> tuple[float, float]:
    """Percentile bootstrap 95% interval of the mean (Efron & Tibshirani 1993)."""
    n = len(values)
    if n < 2:
        return (float("nan"), float("nan"))
    means = np.empty(n_boot)
    batch = max(1, min(n_boot, 1_000_000 // n))
    for k in range(0, n_boot, batch):
        m = min(batch, n_boot - k)
        means[k : k + m] = values[rng.integers(0, n, size=(m, n))].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return (float(low), float(high))


def aggregate_finish(
    counts: pd.DataFrame,
    *,
    values: pd.DataFrame | None = None,
    seed: int = 0,
    n_boot: int = 2000,
) -> pd.DataFrame:
    """Turn summed counts into mean compound, shares and a 95% interval per unit.

    Parameters
    ----------
    counts
        The output of :func:`aggregate_counts` (or :func:`combine_counts`).
    values
        The output of :func:`unit_values` for the same units. With it the interval is a
        percentile bootstrap of the mean (``n_boot`` resamples, seeded per unit from
        ``seed`` and the unit's key); without it, the normal approximation
        ``mean ± 1.96·sd/√n`` from the sums.
    seed, n_boot
        Random seed and number of bootstrap resamples.

    Returns
    -------
    pandas.DataFrame
        The key columns, then ``n_sentences`` (scored), ``mean_compound``, ``ci_low``,
        ``ci_high`` (NaN when fewer than 2 sentences), ``share_pos``, ``share_neg``,
        ``share_neu`` (of scored sentences), ``n_unscored`` and ``ci_method``.

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1],
    ...                         "text": ["Good.", "Bad."]}))
    >>> r = aggregate_finish(aggregate_counts(s), values=unit_values(s))
    >>> r[["n_sentences", "mean_compound", "ci_low", "ci_high"]].values.round(4).tolist()
    [[2.0, -0.0509, -0.5423, 0.4404]]
    """
    check_columns("counts", counts, COUNT_COLUMNS)
    seed = check_int("seed", seed, min_value=0)
    n_boot = check_int("n_boot", n_boot, min_value=100)
    keys = [c for c in counts.columns if c not in COUNT_COLUMNS]
    n = counts["n"].to_numpy(dtype="float64")
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(n > 0, counts["sum_compound"].to_numpy() / n, np.nan)
        out = counts[keys].copy()
        out["n_sentences"] = counts["n"].astype("int64").to_numpy()
        out["mean_compound"] = mean
        if values is None:
            sum_sq = counts["sum_sq_compound"].to_numpy()
            var = (sum_sq - n * mean**2) / (n - 1)
            # sums taken in another order (another partitioning) round differently: a
            # variance within rounding of zero is zero, so equal values give equal CIs
            var = np.where(np.abs(var) <= 1e-12 * sum_sq / n, 0.0, var)
            half = 1.96 * np.sqrt(np.clip(var, 0, None) / n)
            ok = n >= 2
            out["ci_low"] = np.where(ok, mean - half, np.nan)
            out["ci_high"] = np.where(ok, mean + half, np.nan)
            method = "normal"
        else:
            check_columns("values", values, [*keys, "compound"])
            groups = {
                (k if isinstance(k, tuple) else (k,)): g["compound"].to_numpy(dtype="float64")
                for k, g in values.groupby(keys, sort=True)
            }
            lows, highs = [], []
            for key in counts[keys].itertuples(index=False, name=None):
                vals = groups.get(tuple(key), np.empty(0))
                lo, hi = _bootstrap(vals, _seed_for(seed, tuple(key)), n_boot)
                lows.append(lo)
                highs.append(hi)
            out["ci_low"] = np.asarray(lows, dtype="float64")
            out["ci_high"] = np.asarray(highs, dtype="float64")
            method = f"bootstrap percentile, {n_boot} resamples, seed {seed}"
        for share, col in (("share_pos", "n_pos"), ("share_neg", "n_neg"), ("share_neu", "n_neu")):
            out[share] = np.where(n > 0, counts[col].to_numpy() / n, np.nan)
    out["n_unscored"] = counts["n_unscored"].astype("int64").to_numpy()
    out["ci_method"] = method
    return _typed(out.reset_index(drop=True))


def aggregate(
    scores: pd.DataFrame,
    *,
    level: Level = "document",
    documents: pd.DataFrame | None = None,
    group_by: str | None = None,
    include_embeds: bool = False,
    seed: int = 0,
    n_boot: int = 2000,
) -> pd.DataFrame:
    """Mean compound, shares and a seeded bootstrap 95% interval per unit.

    The one-call form of :func:`aggregate_counts` → :func:`aggregate_finish` with
    :func:`unit_values`; at ``level="document"`` it adds ``document_compound``.

    Parameters
    ----------
    scores
        Rows of :func:`score`.
    level
        ``"paragraph"``, ``"document"``, ``"group"`` (needs ``documents`` and
        ``group_by``) or ``"corpus"``.
    documents, group_by
        The documents frame and the metadata column to group by (``level="group"``).
        A column that does not exist is an error naming the columns that do.
    include_embeds
        Count embedded posts too (default False: only the article's own prose).
    seed, n_boot
        Bootstrap seed and resamples.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`aggregate_finish`; at the document level also
        ``document_compound``: VADER on the text of the counted sentences as one piece
        (with ``include_embeds=True`` that is the whole document text). It differs from
        ``mean_compound``: VADER's compound is ``x / √(x² + 15)`` of the summed valences,
        so a whole document, with many valence words, is pushed towards ±1, and positive
        and negative words cancel inside it instead of sentence by sentence.

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1],
    ...                         "text": ["Good news.", "Bad news."]}))
    >>> a = aggregate(s).round(4)
    >>> a[["doc_id", "n_sentences", "mean_compound", "document_compound"]].values.tolist()
    [['a', 2, -0.0509, -0.1531]]
    """
    counts = aggregate_counts(
        scores, level=level, documents=documents, group_by=group_by, include_embeds=include_embeds
    )
    values = unit_values(
        scores, level=level, documents=documents, group_by=group_by, include_embeds=include_embeds
    )
    out = aggregate_finish(counts, values=values, seed=seed, n_boot=n_boot)
    if level == "document":
        frame = _units(scores, level, documents, group_by, include_embeds)
        frame = frame.sort_values(["doc_id", "sent_id"], kind="stable")
        joined = frame.groupby("doc_id", sort=True)["text"].agg(
            lambda t: " ".join(_as_text(x) for x in t)
        )
        whole = score_documents(pd.DataFrame({"doc_id": joined.index, "text": joined.to_numpy()}))
        out = out.merge(
            whole[["doc_id", "compound"]].rename(columns={"compound": "document_compound"}),
            on="doc_id",
            how="left",
        )
    return _typed(out)


def documents_table(aggregates: pd.DataFrame) -> pd.DataFrame:
    """Select the columns of ``sentiment_documents.csv`` from a document-level aggregate.

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "text": ["Good."]}))
    >>> documents_table(aggregate(s)).columns.tolist() == DOCUMENT_COLUMNS
    True
    """
    check_columns("aggregates", aggregates, DOCUMENT_COLUMNS)
    return aggregates[DOCUMENT_COLUMNS].copy()


# ---------------------------------------------------------------------------------------
# arc


def arc(scores: pd.DataFrame, *, window: int = 3) -> pd.DataFrame:
    """Compound by sentence position through each document, with a rolling mean.

    Parameters
    ----------
    scores
        Rows of :func:`score` for whole documents.
    window
        Width of the centred rolling mean, in prose sentences (embeds are left out of
        it and drawn apart).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sent_id, position`` (0, 1, … within the document),
        ``relative_position`` (0 … 1), ``kind``, ``compound``, ``rolling_mean`` (over
        the prose sentences around it; NaN on embeds), ``text``.

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a"] * 3, "sent_id": [0, 1, 2],
    ...                         "text": ["Good.", "Bad.", "Fine."]}))
    >>> arc(s, window=3)["rolling_mean"].round(4).tolist()
    [-0.0509, 0.0335, -0.17]
    """
    check_columns("scores", scores, ["doc_id", "sent_id", "compound"])
    window = check_int("window", window, min_value=1)
    frame = scores.sort_values(["doc_id", "sent_id"], kind="stable").reset_index(drop=True)
    kind = frame["kind"] if "kind" in frame.columns else pd.Series("prose", index=frame.index)
    position = frame.groupby("doc_id", sort=False).cumcount()
    size = frame.groupby("doc_id", sort=False)["sent_id"].transform("size")
    prose = frame[kind != "embed"]
    rolling = (
        prose.groupby("doc_id", sort=False)["compound"]
        .transform(lambda v: v.rolling(window, center=True, min_periods=1).mean())
        .reindex(frame.index)
    )
    return pd.DataFrame(
        {
            "doc_id": frame["doc_id"],
            "sent_id": frame["sent_id"].astype("int64"),
            "position": position.astype("int64"),
            "relative_position": np.where(size > 1, position / (size - 1).clip(lower=1), 0.0),
            "kind": kind.astype(str),
            "compound": frame["compound"].astype("float64"),
            "rolling_mean": rolling.astype("float64"),
            "text": frame["text"] if "text" in frame.columns else "",
        }
    )[ARC_COLUMNS].pipe(_typed)


# ---------------------------------------------------------------------------------------
# actors


def actor_tone(
    scores: pd.DataFrame,
    mentions: pd.DataFrame | None = None,
    *,
    gazetteer: pd.DataFrame | None = None,
    include_embeds: bool = False,
    seed: int = 0,
    n_boot: int = 2000,
) -> pd.DataFrame:
    """Tone of the sentences that mention each actor (not stance toward the actor).

    A sentence counts once per actor however often it names it. Its compound is the
    tone of the whole sentence: "Japan is concerned about China's drills" is negative
    for both Japan and China.

    Parameters
    ----------
    scores
        Rows of :func:`score` (with ``start``, as made from corpus.segment sentences).
    mentions
        :func:`framelens.gazetteer.actor_mentions` of the same sentences; computed
        from ``scores`` with ``gazetteer`` when omitted.
    include_embeds, seed, n_boot
        As in :func:`aggregate`.

    Returns
    -------
    pandas.DataFrame
        ``actor, type, n_sentences, n_documents, mean_compound, ci_low, ci_high,
        share_pos, share_neg, share_neu``, then the most negative and most positive
        sentence in full (``most_negative_compound, most_negative_doc_id,
        most_negative_sent_id, most_negative_text`` and the same for ``most_positive``;
        ties go to the first in ``doc_id, sent_id`` order). Sorted by ``actor``.

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "start": [0, 20],
    ...                         "text": ["Japan is concerned.", "Japan and China agree."]}))
    >>> actor_tone(s)[["actor", "n_sentences", "mean_compound"]].values.tolist()
    [['China', 1, 0.3612], ['Japan', 2, 0.1806]]
    """
    rows = actor_sentences(scores, mentions, gazetteer=gazetteer, include_embeds=include_embeds)
    return actor_tone_finish(rows, seed=seed, n_boot=n_boot)


def actor_sentences(
    scores: pd.DataFrame,
    mentions: pd.DataFrame | None = None,
    *,
    gazetteer: pd.DataFrame | None = None,
    include_embeds: bool = False,
) -> pd.DataFrame:
    """Return one row per actor and scored sentence that names it (per-partition step).

    The per-document half of :func:`actor_tone`: map it over partitions, concatenate,
    and pass the result to :func:`actor_tone_finish`.

    Returns
    -------
    pandas.DataFrame
        ``actor, type, doc_id, sent_id, n_actors, compound, label, text``, a sentence once
        per actor, sorted by ``actor, doc_id, sent_id``; ``n_actors`` is how many actors
        (not places, :data:`framelens.gazetteer.PLACE_TYPES`) the sentence names, 1 when
        this one is alone.

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0],
    ...                         "text": ["Japan and Tokyo agree."]}))
    >>> actor_sentences(s)[["actor", "sent_id", "compound"]].values.tolist()
    [['Japan', 0, 0.3612]]
    """
    from . import gazetteer as gz

    check_columns("scores", scores, ["doc_id", "sent_id", "text", "compound", "label"])
    check_bool("include_embeds", include_embeds)
    frame = scores
    if not include_embeds and "kind" in frame.columns:
        frame = frame[frame["kind"] != "embed"]
    if mentions is None:
        if "start" not in frame.columns:
            frame = frame.assign(start=0)
        mentions = gz.actor_mentions(frame, gazetteer)
    check_columns("mentions", mentions, ["doc_id", "sent_id", "actor"])
    pairs = mentions[["doc_id", "sent_id", "actor"] + (["type"] if "type" in mentions else [])]
    pairs = pairs.drop_duplicates(["doc_id", "sent_id", "actor"])
    is_actor = ~pairs["type"].isin(gz.PLACE_TYPES) if "type" in pairs else True
    n_actors = (
        pairs.assign(_actor=is_actor)
        .groupby(["doc_id", "sent_id"], as_index=False)["_actor"]
        .sum()
        .rename(columns={"_actor": "n_actors"})
    )
    pairs = pairs.merge(n_actors, on=["doc_id", "sent_id"], how="left")
    rows = pairs.merge(
        frame[["doc_id", "sent_id", "text", "compound", "label"]], on=["doc_id", "sent_id"]
    )
    if "type" not in rows.columns:
        rows["type"] = ""
    rows = rows[["actor", "type", "doc_id", "sent_id", "n_actors", "compound", "label", "text"]]
    rows = rows.sort_values(["actor", "doc_id", "sent_id"], kind="stable")
    rows = rows.astype({"n_actors": "int64"})
    return _typed(rows.reset_index(drop=True))


def actor_tone_finish(rows: pd.DataFrame, *, seed: int = 0, n_boot: int = 2000) -> pd.DataFrame:
    """Summarise :func:`actor_sentences` rows (of one or many partitions) per actor.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`actor_tone`. With ``n_actors`` in the rows, also the tone of
        the sentences that name the actor alone (``n_alone, mean_compound_alone,
        alone_ci_low, alone_ci_high``: the only sentences where tone can be the actor's)
        and of those it shares with other actors (``n_shared, mean_compound_shared``).

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "start": [0, 30],
    ...                         "text": ["Japan is worried.", "Japan and China agree."]}))
    >>> t = actor_tone_finish(actor_sentences(s))
    >>> t[["actor", "n_sentences", "n_alone", "mean_compound_alone"]].values.tolist()
    [['China', 1, 0, nan], ['Japan', 2, 1, -0.296]]
    """
    check_columns("rows", rows, ["actor", "type", "doc_id", "sent_id", "compound", "label", "text"])
    rows = rows.sort_values(["actor", "doc_id", "sent_id"], kind="stable")
    counts = _counts(rows, ["actor"])
    values = rows.loc[rows["compound"].notna(), ["actor", "doc_id", "sent_id", "compound"]]
    out = aggregate_finish(counts, values=values, seed=seed, n_boot=n_boot)
    if out.empty:
        return _typed(pd.DataFrame({c: [] for c in ACTOR_COLUMNS}))
    meta = rows.groupby("actor", sort=True).agg(
        type=("type", "first"), n_documents=("doc_id", "nunique")
    )
    out = out.merge(meta, on="actor", how="left")
    scored = rows[rows["compound"].notna()]
    for which, asc in (("most_negative", True), ("most_positive", False)):
        ext = (
            scored.sort_values(
                ["actor", "compound", "doc_id", "sent_id"],
                ascending=[True, asc, True, True],
                kind="stable",
            )
            .groupby("actor", sort=True)
            .head(1)
        )
        ext = ext[["actor", "compound", "doc_id", "sent_id", "text"]].rename(
            columns={c: f"{which}_{c}" for c in ("compound", "doc_id", "sent_id", "text")}
        )
        out = out.merge(ext, on="actor", how="left")
    out["n_documents"] = out["n_documents"].astype("int64")
    out = out.merge(_alone(scored, seed, n_boot), on="actor", how="left")
    for col in ("n_alone", "n_shared"):
        out[col] = out[col].fillna(0).astype("int64")
    out = out[ACTOR_COLUMNS].sort_values("actor", kind="stable").reset_index(drop=True)
    return _typed(out)


def _alone(scored: pd.DataFrame, seed: int, n_boot: int) -> pd.DataFrame:
    """Tone of the sentences naming each actor alone, and of those shared with others."""
    cols = ["actor", "n_alone", "mean_compound_alone", "alone_ci_low", "alone_ci_high",
            "n_shared", "mean_compound_shared"]  # fmt: skip
    if "n_actors" not in scored.columns:
        return pd.DataFrame({c: [] for c in cols}).astype({"actor": "str"})
    out = []
    for actor, grp in scored.groupby("actor", sort=True):
        alone = grp.loc[grp["n_actors"] <= 1, "compound"].to_numpy(float)
        shared = grp.loc[grp["n_actors"] > 1, "compound"].to_numpy(float)
        low, high = _bootstrap(alone, _seed_for(seed, ("alone", actor)), n_boot)
        out.append(
            (actor, len(alone), float(alone.mean()) if len(alone) else math.nan, low, high,
             len(shared), float(shared.mean()) if len(shared) else math.nan)
        )  # fmt: skip
    return pd.DataFrame(out, columns=cols)


# ---------------------------------------------------------------------------------------
# a second lexicon: TextBlob's Pattern analyzer


@cache
def _pattern():
    resources.require("textblob_en_sentiment")
    from textblob.en import sentiment as pattern_sentiment

    return pattern_sentiment


def pattern_scores(
    sentences: pd.DataFrame,
    *,
    pos_threshold: float = 0.05,
    neg_threshold: float = -0.05,
) -> pd.DataFrame:
    """Score sentences with TextBlob's Pattern analyzer, the second lexicon.

    Pattern (De Smedt & Daelemans 2012; TextBlob's ``PatternAnalyzer``) averages the
    polarity of adjectives from its own lexicon (``en-sentiment.xml``, shipped inside
    TextBlob: no download), with negation and intensifiers. It is a robustness check:
    a different lexicon built a different way.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sent_id, kind, polarity`` (-1 … +1), ``subjectivity`` (0 … 1),
        ``label`` (same thresholds as VADER's; ``unscored`` for empty text) and
        ``drivers`` (the assessed words or phrases with their polarity), sorted by
        ``doc_id, sent_id``.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "text": ["A terrible plan."]})
    >>> pattern_scores(s)[["polarity", "label", "drivers"]].values.tolist()
    [[-1.0, 'negative', 'terrible -1']]
    """
    check_columns("sentences", sentences, ["doc_id", "sent_id", "text"])
    pos_threshold, neg_threshold = _check_thresholds(pos_threshold, neg_threshold)
    analyse = _pattern()
    frame = sentences.sort_values(["doc_id", "sent_id"], kind="stable").reset_index(drop=True)
    pol, subj, drivers = [], [], []
    for text in frame["text"]:
        text = _as_text(text)
        if not text.strip():
            pol.append(float("nan"))
            subj.append(float("nan"))
            drivers.append("")
            continue
        result = analyse(text)
        pol.append(float(result[0]))
        subj.append(float(result[1]))
        drivers.append(
            "; ".join(f"{' '.join(words)} {p:.3g}" for words, p, _s, _l in result.assessments)
        )
    polarity = np.asarray(pol, dtype="float64")
    return pd.DataFrame(
        {
            "doc_id": frame["doc_id"].astype(str),
            "sent_id": frame["sent_id"].astype("int64"),
            "kind": frame["kind"].astype(str) if "kind" in frame.columns else "prose",
            "polarity": polarity,
            "subjectivity": np.asarray(subj, dtype="float64"),
            "label": _labels(polarity, pos_threshold, neg_threshold).astype(object),
            "drivers": drivers,
        }
    )[PATTERN_COLUMNS].pipe(_typed)


def _paired(vader: pd.DataFrame, pattern: pd.DataFrame) -> pd.DataFrame:
    check_columns("vader", vader, ["doc_id", "sent_id", "compound", "label"])
    check_columns("pattern", pattern, ["doc_id", "sent_id", "polarity", "label"])
    cols = ["doc_id", "sent_id"] + [c for c in ("kind", "text") if c in vader.columns]
    left = vader[[*cols, "compound", "label", "drivers"]].rename(
        columns={"label": "vader_label", "drivers": "vader_drivers"}
    )
    right = pattern[["doc_id", "sent_id", "polarity", "label", "drivers"]].rename(
        columns={"label": "pattern_label", "drivers": "pattern_drivers"}
    )
    both = left.merge(right, on=["doc_id", "sent_id"], how="inner")
    return both[both["compound"].notna() & both["polarity"].notna()]


def agreement(vader: pd.DataFrame, pattern: pd.DataFrame) -> pd.DataFrame:
    """How far VADER and Pattern agree, sentence by sentence.

    Returns
    -------
    pandas.DataFrame
        One row: ``n`` (sentences both scored), ``spearman_rho`` and ``spearman_p``
        (rank correlation of compound and polarity; NaN with fewer than 3 sentences or a
        constant score), ``label_agreement`` (share of sentences with the same label),
        ``cohen_kappa`` (label agreement beyond chance) and ``note``.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"] * 3, "sent_id": [0, 1, 2],
    ...                   "text": ["A terrible plan.", "A good plan.", "A plan."]})
    >>> a = agreement(score(s), pattern_scores(s))
    >>> int(a["n"][0]), float(a["spearman_rho"][0]), float(a["label_agreement"][0])
    (3, 1.0, 1.0)
    """
    from scipy import stats

    both = _paired(vader, pattern)
    n = len(both)
    rho = p = kappa = float("nan")
    note = ""
    if n < 3:
        note = f"only {n} sentence(s) scored by both: no correlation"
    elif both["compound"].nunique() < 2 or both["polarity"].nunique() < 2:
        note = "one method gives the same score to every sentence: no correlation"
    else:
        res = stats.spearmanr(both["compound"], both["polarity"])
        rho, p = float(res.statistic), float(res.pvalue)
    agree = float((both["vader_label"] == both["pattern_label"]).mean()) if n else float("nan")
    if n:
        labels = sorted(set(both["vader_label"]) | set(both["pattern_label"]))
        pe = sum(
            (both["vader_label"] == lab).mean() * (both["pattern_label"] == lab).mean()
            for lab in labels
        )
        kappa = float((agree - pe) / (1 - pe)) if pe < 1 else float("nan")
    return _typed(
        pd.DataFrame(
            [
                {
                    "n": n,
                    "spearman_rho": rho,
                    "spearman_p": p,
                    "label_agreement": agree,
                    "cohen_kappa": kappa,
                    "note": note,
                }
            ]
        )
    )


def disagreements(vader: pd.DataFrame, pattern: pd.DataFrame, *, top_n: int = 10) -> pd.DataFrame:
    """Return the sentences where VADER and Pattern disagree most, with their evidence.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sent_id, kind, text, compound, polarity, difference`` (compound −
        polarity, both on -1 … +1), ``vader_label, pattern_label, vader_drivers,
        pattern_drivers``; the ``top_n`` largest ``|difference|`` first (ties by key).

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"] * 2, "sent_id": [0, 1],
    ...                   "text": ["We are not happy.", "A good plan."]})
    >>> disagreements(score(s), pattern_scores(s), top_n=1)["sent_id"].tolist()
    [1]
    """
    top_n = check_int("top_n", top_n, min_value=1)
    both = _paired(vader, pattern).copy()
    both["difference"] = both["compound"] - both["polarity"]
    both["_abs"] = both["difference"].abs()
    both = both.sort_values(["_abs", "doc_id", "sent_id"], ascending=[False, True, True])
    cols = [
        c
        for c in (
            "doc_id",
            "sent_id",
            "kind",
            "text",
            "compound",
            "polarity",
            "difference",
            "vader_label",
            "pattern_label",
            "vader_drivers",
            "pattern_drivers",
        )
        if c in both.columns
    ]
    return _typed(both.head(top_n)[cols].reset_index(drop=True))


# ---------------------------------------------------------------------------------------
# validation against human ratings


def evaluate(
    data: pd.DataFrame,
    ratings_column: str,
    *,
    score_column: str = "document_compound",
) -> pd.DataFrame:
    """Correlate document sentiment with human ratings (validate VADER on your sample).

    Parameters
    ----------
    data
        Either a documents frame (``corpus.load`` of a CSV/JSONL with a ratings column):
        each document's whole text is scored with :func:`score_documents`; or a frame
        that already has ``score_column`` (e.g. the aggregate of :func:`aggregate`
        merged with ratings).
    ratings_column
        The column of human ratings (numbers; text that reads as a number is fine).
    score_column
        The column of scores to use when ``data`` has it.

    Returns
    -------
    pandas.DataFrame
        Two rows, ``measure`` = ``pearson_r`` (95% interval by Fisher's z, as
        ``scipy.stats.pearsonr``) and ``spearman_rho`` (Fisher's z with the
        Fieller–Hartley–Pearson variance 1.06/(n−3)); ``value, ci_low, ci_high,
        p_value, n`` (pairs used) and ``n_dropped`` (rows without a score or a rating).

    Examples
    --------
    >>> d = pd.DataFrame({"doc_id": list("abcd"), "rating": ["2", "-2", "0.5", "-1"],
    ...                   "text": ["Great!", "Awful.", "Fine.", "Sad."]})
    >>> evaluate(d, "rating")[["measure", "value", "n"]].round(3).values.tolist()
    [['pearson_r', 0.969, 4], ['spearman_rho', 0.8, 4]]
    """
    from scipy import stats

    if not isinstance(data, pd.DataFrame):
        raise ParameterError(f"`data` must be a DataFrame, but {type(data).__name__} was passed.")
    if not isinstance(ratings_column, str) or ratings_column not in data.columns:
        raise ParameterError(
            f"`ratings_column` {ratings_column!r} is not a column; the columns are "
            f"{[c for c in data.columns if c != 'text']}."
        )
    if score_column in data.columns:
        frame = data
    elif "text" in data.columns and "doc_id" in data.columns:
        scored = score_documents(data)[["doc_id", "compound"]].rename(
            columns={"compound": score_column}
        )
        frame = data[["doc_id", ratings_column]].merge(scored, on="doc_id", how="left")
    else:
        raise ParameterError(
            f"`data` has neither a {score_column!r} column nor the documents columns "
            f"'doc_id' and 'text'; it has {list(data.columns)}."
        )
    raw = frame[ratings_column]
    ratings = pd.to_numeric(raw.map(lambda v: _as_text(v).strip() or None), errors="coerce")
    bad = raw[ratings.isna() & raw.map(lambda v: bool(_as_text(v).strip()))]
    if len(bad):
        raise InputError(
            f"`{ratings_column}` must hold numbers; {len(bad)} value(s) do not read as one, "
            f"e.g. {bad.head(3).tolist()}."
        )
    scores_ = pd.to_numeric(frame[score_column], errors="coerce")
    ok = ratings.notna() & scores_.notna()
    x = scores_[ok].to_numpy(dtype="float64")
    y = ratings[ok].to_numpy(dtype="float64")
    n = int(ok.sum())
    dropped = int(len(frame) - n)
    nan = float("nan")
    rows = []
    if n < 4 or np.ptp(x) == 0 or np.ptp(y) == 0:
        for m in ("pearson_r", "spearman_rho"):
            rows.append((m, nan, nan, nan, nan, n, dropped))
    else:
        pr = stats.pearsonr(x, y)
        ci = pr.confidence_interval(0.95)
        rows.append(
            ("pearson_r", float(pr.statistic), ci.low, ci.high, float(pr.pvalue), n, dropped)
        )
        sr = stats.spearmanr(x, y)
        rho = float(sr.statistic)
        if n > 3 and abs(rho) < 1:
            z, se = math.atanh(rho), math.sqrt(1.06 / (n - 3))
            lo, hi = math.tanh(z - 1.96 * se), math.tanh(z + 1.96 * se)
        else:
            lo = hi = rho
        rows.append(("spearman_rho", rho, lo, hi, float(sr.pvalue), n, dropped))
    out = pd.DataFrame(rows, columns=EVALUATE_COLUMNS)
    return _typed(out)


# ---------------------------------------------------------------------------------------
# plots (compute apart; each returns the Axes and never saves)


LEGEND_FONTSIZE = 10  # as large as the tick labels of plots.style()


def _axes(ax):
    import matplotlib.pyplot as plt

    if ax is None:
        _fig, ax = plt.subplots()
    return ax


def plot_arc(arc_frame: pd.DataFrame, *, doc_id: str | None = None, ax=None):
    """Draw one document's sentiment arc: prose points, rolling mean, embeds apart.

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a"] * 2, "sent_id": [0, 1],
    ...                         "text": ["Good.", "Bad."]}))
    >>> ax = plot_arc(arc(s))
    >>> ax.get_xlabel()
    'sentence position in the document (0 = first)'
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    from .plots import PALETTE

    check_columns("arc_frame", arc_frame, ARC_COLUMNS)
    ids = sorted(arc_frame["doc_id"].unique())
    if doc_id is None and ids:
        doc_id = ids[0]
    if ids and doc_id not in ids:
        raise ParameterError(f"`doc_id` {doc_id!r} is not in the arc; it has {ids[:10]}.")
    ax = _axes(ax)
    d = arc_frame[arc_frame["doc_id"] == doc_id]
    prose, emb = d[d["kind"] != "embed"], d[d["kind"] == "embed"]
    ax.axhline(0, color="0.5", lw=0.8)
    ax.plot(
        prose["position"],
        prose["compound"],
        "o",
        color=PALETTE[0],
        alpha=0.6,
        label="prose sentence",
    )
    ax.plot(
        prose["position"],
        prose["rolling_mean"],
        "-",
        color=PALETTE[0],
        lw=2,
        label="rolling mean (prose)",
    )
    if len(emb):
        ax.plot(emb["position"], emb["compound"], "D", color=PALETTE[1], label="embedded post")
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("sentence position in the document (0 = first)")
    ax.set_ylabel("VADER compound (−1 … +1)")
    ax.set_title(f"Sentiment arc · {doc_id}")
    ax.legend(loc="best", fontsize=LEGEND_FONTSIZE)
    return ax


def plot_distribution(
    scores: pd.DataFrame, *, pos_threshold: float = 0.05, neg_threshold: float = -0.05, ax=None
):
    """Histogram of sentence compound, prose and embeds stacked, thresholds marked.

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a"] * 2, "sent_id": [0, 1],
    ...                         "text": ["Good.", "Bad."]}))
    >>> ax = plot_distribution(s)
    >>> ax.get_ylabel()
    'sentences (count)'
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    from matplotlib.ticker import MaxNLocator

    from .plots import PALETTE

    check_columns("scores", scores, ["compound"])
    ax = _axes(ax)
    kind = scores["kind"] if "kind" in scores.columns else pd.Series("prose", index=scores.index)
    bins = np.linspace(-1.05, 1.05, 22)  # a bin centred on 0: the neutral band
    data = [
        scores.loc[(kind != "embed") & scores["compound"].notna(), "compound"],
        scores.loc[(kind == "embed") & scores["compound"].notna(), "compound"],
    ]
    ax.hist(
        data,
        bins=bins,
        stacked=True,
        color=[PALETTE[0], PALETTE[1]],
        label=["prose", "embedded post"],
    )
    for t in (neg_threshold, pos_threshold):
        ax.axvline(t, color="0.3", ls="--", lw=0.8)
    ax.set_xlabel("VADER compound (−1 … +1); dashed: label thresholds")
    ax.set_ylabel("sentences (count)")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title("Distribution of sentence sentiment")
    ax.legend(fontsize=LEGEND_FONTSIZE)
    return ax


def _interval_plot(frame: pd.DataFrame, label_col: str, ax, title: str, ylabel: str):
    from .plots import PALETTE

    ax = _axes(ax)
    d = frame.sort_values("mean_compound", kind="stable").reset_index(drop=True)
    y = np.arange(len(d))
    lo = (d["mean_compound"] - d["ci_low"]).fillna(0).clip(lower=0)
    hi = (d["ci_high"] - d["mean_compound"]).fillna(0).clip(lower=0)
    # one sentence has no interval: a hollow marker, so it is not read as an estimate
    single = (d["n_sentences"] < 2).to_numpy()
    ax.errorbar(
        d["mean_compound"][~single],
        y[~single],
        xerr=[lo[~single], hi[~single]],
        fmt="o",
        color=PALETTE[0],
        ecolor=PALETTE[5],
        capsize=3,
        label="mean, 95% interval",
    )
    if single.any():
        ax.plot(
            d["mean_compound"][single],
            y[single],
            "o",
            markerfacecolor="white",
            markeredgecolor=PALETTE[0],
            label="one sentence (n=1): no interval",
        )
        ax.legend(loc="best", fontsize=LEGEND_FONTSIZE)
    ax.axvline(0, color="0.5", lw=0.8)
    ax.set_yticks(y)
    ax.set_yticklabels(
        [f"{a} (n={n})" for a, n in zip(d[label_col], d["n_sentences"], strict=True)]
    )
    ax.set_xlabel("mean VADER compound of sentences (−1 … +1), 95% bootstrap interval")
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    return ax


def plot_actor_tone(actors: pd.DataFrame, *, min_n: int = 1, ax=None):
    """Mean compound of the sentences mentioning each actor, with 95% intervals.

    Actors named in fewer than ``min_n`` sentences are left out; an actor named in one
    sentence (kept with ``min_n=1``) has no interval and is drawn as a hollow marker.

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0],
    ...                         "text": ["Japan is concerned."]}))
    >>> ax = plot_actor_tone(actor_tone(s))
    >>> ax.get_ylabel()
    'actor (sentences)'
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    check_columns("actors", actors, ["actor", "n_sentences", "mean_compound", "ci_low", "ci_high"])
    min_n = check_int("min_n", min_n, min_value=1)
    d = actors[actors["n_sentences"] >= min_n]
    return _interval_plot(
        d, "actor", ax, "Tone of sentences mentioning each actor", "actor (sentences)"
    )


def plot_groups(groups: pd.DataFrame, *, ax=None):
    """Mean compound per group (``aggregate(level="group")``) with 95% intervals.

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a", "b"], "sent_id": [0, 0],
    ...                         "text": ["Good.", "Bad."]}))
    >>> d = pd.DataFrame({"doc_id": ["a", "b"], "source": ["X", "Y"]})
    >>> ax = plot_groups(aggregate(s, level="group", documents=d, group_by="source"))
    >>> ax.get_title()
    'Sentiment by group'
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    check_columns("groups", groups, ["group", "n_sentences", "mean_compound", "ci_low", "ci_high"])
    return _interval_plot(groups, "group", ax, "Sentiment by group", "group (sentences)")


def plot_agreement(vader: pd.DataFrame, pattern: pd.DataFrame, *, ax=None):
    """Scatter of VADER compound against Pattern polarity, one point a sentence.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "text": ["A good plan."]})
    >>> ax = plot_agreement(score(s), pattern_scores(s))
    >>> ax.get_xlabel()
    'VADER compound (−1 … +1)'
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    from .plots import PALETTE

    both = _paired(vader, pattern)
    ax = _axes(ax)
    ax.axhline(0, color="0.5", lw=0.8)
    ax.axvline(0, color="0.5", lw=0.8)
    ax.plot([-1, 1], [-1, 1], ls=":", color="0.4", lw=0.8, label="equal scores")
    ax.scatter(both["compound"], both["polarity"], color=PALETTE[2], alpha=0.7, label="sentence")
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("VADER compound (−1 … +1)")
    ax.set_ylabel("Pattern polarity (−1 … +1)")
    stats = agreement(vader, pattern).iloc[0]
    n_same = round(stats["label_agreement"] * stats["n"]) if stats["n"] else 0
    rho = "n/a" if pd.isna(stats["spearman_rho"]) else f"{stats['spearman_rho']:.2f}"
    ax.text(
        0.02,
        0.98,
        f"Spearman ρ = {rho}\nn = {stats['n']} sentences\nsame label: {n_same} of {stats['n']}",
        transform=ax.transAxes,
        va="top",
        ha="left",
        fontsize=LEGEND_FONTSIZE,
    )
    ax.set_title("Two lexicons, sentence by sentence")
    ax.legend(loc="lower right", fontsize=LEGEND_FONTSIZE)
    return ax
