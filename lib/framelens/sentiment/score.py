"""Score sentences (and whole documents) with VADER, each score with its evidence."""

from __future__ import annotations

import concurrent.futures
import functools
import math
import os
import re
import unicodedata
import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..corpus import words as corpus_words
from ..errors import FramelensWarning, ParameterError
from ..params import check_choice, check_columns, check_int, check_number
from .columns import _typed
from .domain import DOMAINS, _neutral_found, mask_names, straighten, typography
from .vader import Read, _domain_engine, _engine, _Vader

#: a sentence with more VADER tokens than this gets a note (probably a segmentation failure)
LONG_SENTENCE_TOKENS = 150


#: a text whose letters are more than this share non-Latin is not scored (VADER is English)
NON_LATIN_SHARE = 0.5


#: inputs smaller than this are scored in-process even when ``n_jobs > 1``
MIN_PARALLEL = 1000


NOTE_EMPTY = "no words to score"


NOTE_NO_LEXICON = "no lexicon words"


NOTE_NON_LATIN = "mostly non-Latin letters: not scored (VADER is English-only)"


#: a sentence's note when lexicon words or negations were hidden from VADER as published
#: by typography (see ``_Vader.unread``); the security domain reads them
NOTE_UNREAD = "VADER did not read: {words} (quotes or markup)"


NOTE_LONG = "long sentence ({n} tokens): compound saturates; check the segmentation"


_NONASCII_LETTER = re.compile(r"[^\W\d_A-Za-z]")


_ASCII_LETTER = re.compile(r"[A-Za-z]")


def _non_latin_share(text: str) -> float:
    """Share of the letters of ``text`` that are not Latin (0.0 for ASCII text)."""
    if text.isascii():
        return 0.0
    other = _NONASCII_LETTER.findall(text)
    if not other:
        return 0.0
    non_latin = sum(1 for ch in other if not unicodedata.name(ch, "").startswith("LATIN"))
    return non_latin / (len(other) + len(_ASCII_LETTER.findall(text)))


def _wordless(text: str, compound: float) -> bool:
    """No letter and no valence: "!!", "...", "12:30" (an emoticon alone still scores)."""
    return compound == 0 and not any(ch.isalpha() for ch in text)


def _score_one(engine: _Vader, text: str, reads: list[Read | None] | None = None) -> tuple:
    """Score one text; with ``reads``, append its tokens as read (None: not read)."""
    if _non_latin_share(text) > NON_LATIN_SHARE:
        if reads is not None:
            reads.append(None)
        nan = float("nan")
        return (nan, nan, nan, nan, "", NOTE_NON_LATIN)
    text = straighten(text)
    read = engine.read(text)
    if reads is not None:
        reads.append(read)
    neg, neu, pos, compound, drivers, n = engine.rate(read)
    if n == 0 or _wordless(text, compound):
        nan = float("nan")
        return (nan, nan, nan, nan, "", NOTE_EMPTY)
    note = ""
    if not drivers:
        note = NOTE_NO_LEXICON
    unread = engine.unread(text)
    if unread:
        text_note = NOTE_UNREAD.format(words=", ".join(unread[:5]))
        note = f"{note}; {text_note}" if note else text_note
    if n > LONG_SENTENCE_TOKENS:
        long_note = NOTE_LONG.format(n=n)
        note = f"{note}; {long_note}" if note else long_note
    return (neg, neu, pos, compound, drivers, note)


def _compounds(texts: Sequence[str]) -> np.ndarray:
    """VADER's compound of each text as :func:`score` gives it, without the evidence."""
    engine = _engine()
    out = np.full(len(texts), np.nan)
    for k, text in enumerate(texts):
        if _non_latin_share(text) <= NON_LATIN_SHARE:
            compound, n = engine.score(straighten(text), evidence=False)[3::2]
            if n and not _wordless(text, compound):
                out[k] = compound
    return out


def _joined_compounds(
    parts: Sequence[Sequence[str]], reads: Sequence[Sequence[Read | None]]
) -> np.ndarray:
    """Return ``_compounds`` of each list of texts joined by spaces, from their reads.

    ``reads[k][i]`` is the read of ``parts[k][i]`` as :func:`score` made it (its text
    straightened: a space never joins a mark to a word, so the joined text straightens
    the same), or None where it was not read (mostly non-Latin letters); such a text is
    read here. The same numbers as ``_compounds([" ".join(p) for p in parts])``, without
    reading every sentence a second time.
    """
    engine = _engine()
    out = np.full(len(parts), np.nan)
    for k, (texts, rs) in enumerate(zip(parts, reads, strict=True)):
        text = " ".join(texts)
        if _non_latin_share(text) <= NON_LATIN_SHARE:
            rs = [
                r if r is not None else engine.read(straighten(t))
                for t, r in zip(texts, rs, strict=True)
            ]
            compound, n = engine.compound(rs)
            if n and not _wordless(text, compound):
                out[k] = compound
    return out


def _score_chunk(texts: Sequence[str], domain: str | None = None) -> list[tuple]:
    engine = _domain_engine(domain) if domain else _engine()
    return [_score_one(engine, t) for t in texts]


def _score_texts(
    texts: list[str],
    n_jobs: int,
    domain: str | None = None,
    reads: list[Read | None] | None = None,
) -> list[tuple]:
    # load in the parent, so forked workers inherit it
    engine = _domain_engine(domain) if domain else _engine()
    if reads is not None or n_jobs <= 1 or len(texts) < MIN_PARALLEL:
        return [_score_one(engine, t, reads) for t in texts]
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
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return str(value)


def _check_thresholds(pos_threshold: float, neg_threshold: float) -> tuple[float, float]:
    pos_threshold = check_number("pos_threshold", pos_threshold, min_value=-1, max_value=1)
    neg_threshold = check_number("neg_threshold", neg_threshold, min_value=-1, max_value=1)
    if neg_threshold > 0 or pos_threshold < 0:  # 0.3 for -0.3: positive text as negative
        name, value = ("neg_threshold", neg_threshold) if neg_threshold > 0 else (
            "pos_threshold", pos_threshold)  # fmt: skip
        raise ParameterError(
            f"`{name}` ({value}) is on the wrong side of 0: a negative label needs a compound "
            f"at or below `neg_threshold` (0 or less, e.g. -0.05 or -{abs(neg_threshold)}), a "
            "positive one at or above `pos_threshold` (0 or more; the usual VADER values are "
            "-0.05 and 0.05). Did you forget a minus?"
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
        (:func:`mask_names`: actors, places, exercise names, ships and runs of capitalised
        words, and the domain list's phrases) and the domain list's words
        (:func:`load_domain`, e.g. "destroyer", "defense", "party") score 0; a ``masked``
        column says what was taken out of each sentence. Typography is read first
        (:func:`typography`: a curly apostrophe in a word straight, markup around a word
        dropped; quoted words stay unread), and "no" before a rated word negates it, as in
        vaderSentiment 3.3 ("poses no threat" is not a threat; NLTK reads "no" as a word
        rated -1.2), and before a masked name rates nothing ("targets no third party" is no
        negative). The compared figures are in :func:`domain_sensitivity`. ``"names"``: the
        names are masked (actors, places, exercise names as the event table writes them, and
        names by their form as :func:`mask_names` finds them), nothing else changes (no
        typography, no domain words, NLTK's "no"): for coverage of any topic, where a name
        such as "Hope Not Hate" would score as tone.
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
            ``SentimentIntensityAnalyzer().polarity_scores(straighten(text))["compound"]``:
            NLTK's on the sentence with its apostrophes straight and its dashes spaced
            (:func:`straighten`; "isn’t" negates as "isn't" does, in every mode).
        ``label``
            ``positive``, ``negative``, ``neutral`` or ``unscored``.
        ``drivers``
            the lexicon words that carry valence, in reading order, with their lexicon
            valence: ``"alarm -1.9"``; when a rule changed it, the final value and why:
            ``"good 1.9→-1.41 (negated by 'not')"``; also idioms, degree words,
            CAPS, "but" and !/? emphasis; at most 40, then ``"… +N more"``.
        ``note``
            why a sentence is special: ``"no words to score"`` (no token, or no letter
            and no valence such as "!!" or "12:30"; scores NaN),
            ``"no lexicon words"`` (compound 0, neutral), ``"VADER did not read: “threat”
        …"`` (lexicon words that typography hid from VADER as published: quotes or
        markup on both sides; scored as VADER scores them, which is without them; with
        ``domain`` only quoted words stay unread), ``"mostly non-Latin letters
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
    out = _score_rows(
        sentences,
        pos_threshold=pos_threshold,
        neg_threshold=neg_threshold,
        n_jobs=n_jobs,
        domain=domain,
        gazetteer=gazetteer,
    )
    _warn_unscored(out, stacklevel=3)
    return out


def _score_rows(
    sentences: pd.DataFrame,
    *,
    pos_threshold: float = 0.05,
    neg_threshold: float = -0.05,
    n_jobs: int = 1,
    domain: str | None = None,
    gazetteer: pd.DataFrame | None = None,
    reads: list[Read | None] | None = None,
) -> pd.DataFrame:
    """Return :func:`score`'s rows, without its warning.

    With ``reads`` (an empty list; VADER as published, no ``domain``), fill it with each
    row's tokens as read, in the rows' order (None: not read), for
    :func:`_joined_compounds`.
    """
    check_columns("sentences", sentences, ["doc_id", "sent_id", "text"])
    pos_threshold, neg_threshold = _check_thresholds(pos_threshold, neg_threshold)
    n_jobs = _check_n_jobs(n_jobs)
    frame = sentences.sort_values(["doc_id", "sent_id"], kind="stable").reset_index(drop=True)
    texts = [_as_text(t) for t in frame["text"].tolist()]
    masked = None
    if domain is not None:
        check_choice("domain", domain, list(DOMAINS))
        # the security domain reads typography first; the names domain changes nothing
        # but the names, so that what moves is the names' doing
        read = [typography(t) for t in texts] if domain == "security" else texts
        scored, names = mask_names(read, domain=domain, gazetteer=gazetteer)
        masked = [
            " | ".join(p for p in (n, _neutral_found(t, domain)) if p)
            for n, t in zip(names, scored, strict=True)
        ]
        results = _score_texts(scored, n_jobs, domain)
    else:
        results = _score_texts(texts, n_jobs, reads=reads)
    cols = list(zip(*results, strict=True)) if results else [()] * 6
    compound = np.asarray(cols[3], dtype="float64")
    # the text columns made as pandas strings at once (an object array would be inferred
    # as strings, then cast again); a text column that is such strings already is kept
    source = frame["text"]
    kept = source.dtype == "str" and not source.hasnans  # then texts are its values
    columns = {
        "doc_id": frame["doc_id"].astype(str).array,
        "sent_id": frame["sent_id"].astype("int64").to_numpy(),
        "kind": frame["kind"].astype(str).array
        if "kind" in frame.columns
        else np.full(len(frame), "prose", dtype=object),
        "text": source.array if kept else pd.array(texts, dtype="str"),
        "neg": np.asarray(cols[0], dtype="float64"),
        "neu": np.asarray(cols[1], dtype="float64"),
        "pos": np.asarray(cols[2], dtype="float64"),
        "compound": compound,
        "label": pd.array(_labels(compound, pos_threshold, neg_threshold), dtype="str"),
        "drivers": pd.array(cols[4], dtype="str"),
        "note": pd.array(cols[5], dtype="str"),
    }
    for extra in ("para_id", "start", "end"):
        if extra in frame.columns:
            columns[extra] = frame[extra].astype("int64").to_numpy()
    if masked is not None:
        columns["masked"] = pd.array(masked, dtype="str")
    return _typed(pd.DataFrame(columns))


def _warn_unscored(scores: pd.DataFrame, stacklevel: int) -> None:
    """Warn of the sentences not scored for their non-Latin letters, if any."""
    skipped = scores.loc[scores["note"] == NOTE_NON_LATIN, "doc_id"].unique().tolist()
    if skipped:
        warnings.warn(
            f"{int((scores['note'] == NOTE_NON_LATIN).sum())} sentence(s) in document(s) "
            f"{skipped[:5]} are mostly non-Latin letters and were not scored: VADER is "
            "English-only (see language_check).",
            FramelensWarning,
            stacklevel=stacklevel,
        )


def score_documents(
    documents: pd.DataFrame,
    *,
    pos_threshold: float = 0.05,
    neg_threshold: float = -0.05,
    n_jobs: int = 1,
) -> pd.DataFrame:
    """Score each document's whole text as one piece (VADER as its authors validated it).

    Parameters
    ----------
    documents
        The documents frame (``doc_id`` and ``text`` are used).
    pos_threshold, neg_threshold
        The label thresholds, as for :func:`score` (default 0.05 and -0.05).
    n_jobs
        Processes to use for 1,000 documents or more, as for :func:`score` (default 1).

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


#: English function words that other languages written in Latin letters do not use as
#: words of their own ("in", "an", "was", "also", "will" are German; "a", "no", "me" and
#: NLTK's "y", "o" Spanish or French): in English news a fifth to a third of the words
#: (0.20 to 0.36 in the 69 real articles of the gold sets and the seed), in Spanish or
#: German text none
ENGLISH_MARKERS = frozenset(
    "the of and to is that for it with as by be are this from at or have has not but they "
    "which their his were been its would said she we you there these had who after more "
    "than into about over other our can could should them when what some".split()
)


#: below this share of :data:`ENGLISH_MARKERS` among its words (and with at least
#: :data:`ENGLISH_MIN_WORDS` words) a Latin-script document is probably not English
ENGLISH_SHARE = 0.05
ENGLISH_MIN_WORDS = 20


def english_share(words: list[str]) -> tuple[float, bool]:
    """Return the share of :data:`ENGLISH_MARKERS` among ``words`` and whether it is low.

    Parameters
    ----------
    words
        A text's words, lower case.

    Returns
    -------
    tuple of (float, bool)
        The share (0 for no words), and True when the text has at least
        :data:`ENGLISH_MIN_WORDS` words and a share below :data:`ENGLISH_SHARE`: probably
        not English.

    Examples
    --------
    >>> english_share("die marine hat mit russland eine übung".split() * 3)
    (0.0, True)
    """
    share = sum(map(ENGLISH_MARKERS.__contains__, words)) / len(words) if words else 0.0
    return share, len(words) >= ENGLISH_MIN_WORDS and share < ENGLISH_SHARE


def language_check(documents: pd.DataFrame) -> pd.DataFrame:
    """Flag documents VADER cannot read: mostly non-Latin letters, or probably not English.

    Parameters
    ----------
    documents
        The documents frame (``doc_id`` and ``text`` are used).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, n_letters, non_latin_share, mostly_non_latin, n_words, english_share,
        probably_not_english, note``; ``note`` says what to do with a flagged document.
        ``mostly_non_latin`` is true when more than :data:`NON_LATIN_SHARE` (half) of the
        letters are non-Latin, as :func:`score` decides (its sentences are not scored).
        ``english_share`` is the share of the words that are common English function words
        (:data:`ENGLISH_MARKERS`); ``probably_not_english`` is true for a Latin-script
        document of at least :data:`ENGLISH_MIN_WORDS` words with a share below
        :data:`ENGLISH_SHARE` (Spanish, German, French… text: VADER still scores it, on the
        few words it shares with English, so its scores mean little). One row per
        document, sorted by ``doc_id``.

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
        words = corpus_words(text)
        english, low = english_share(words)
        other = bool(not flag and low)
        note = (
            "mostly non-Latin letters: VADER is English-only, its sentences are not scored"
            if flag
            else "few English function words (the, of, and…): probably not English; VADER "
            "scores only the words it shares with English, read its scores with care"
            if other
            else ("no letters" if letters == 0 else "")
        )
        rows.append((str(doc_id), letters, share, flag, len(words), english, other, note))
    return (
        pd.DataFrame(
            rows,
            columns=[
                "doc_id",
                "n_letters",
                "non_latin_share",
                "mostly_non_latin",
                "n_words",
                "english_share",
                "probably_not_english",
                "note",
            ],
        )  # fmt: skip
        .astype(
            {
                "n_letters": "int64",
                "non_latin_share": "float64",
                "mostly_non_latin": bool,
                "n_words": "int64",
                "english_share": "float64",
                "probably_not_english": bool,
            }
        )  # fmt: skip
        .sort_values("doc_id", kind="stable")
        .reset_index(drop=True)
        .pipe(_typed)
    )
