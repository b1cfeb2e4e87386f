r"""Fast readability: textstat 0.7.13's five formulas from one pass over a text's words.

:func:`readability` returns exactly what textstat 0.7.13 returns with its default settings
(language ``en_US``, no rounding) for ``flesch_reading_ease``, ``flesch_kincaid_grade``,
``gunning_fog``, ``smog_index`` and ``coleman_liau_index``: the same integer counts go
through the same floating-point operations in the same order, so the values are equal bit
for bit, not merely close. textstat re-splits the text for every formula and looks up the
syllables of every word occurrence; here the text is split once, each distinct token is
analysed once per process (module-level caches), and the five formulas are computed from
the counts (:func:`counts`, then :func:`scores`).

How textstat 0.7.13 counts, and how this module reproduces it
--------------------------------------------------------------
*Words* (``list_words``): textstat deletes every apostrophe not followed by a contraction
ending (``t s d ve ll re``, lower case only), then every character that is neither a word
character (``\w``), whitespace nor an apostrophe, and splits on whitespace. Both deletions
look no further than the next character, so the text's words are exactly the
whitespace-separated tokens, each cleaned the same way, that keep at least one word
character: "live-fire" is one word ``livefire``, "U.S." is ``US``, "China's" keeps its
apostrophe, "China’s" (curly) becomes ``Chinas``, "DON'T" becomes ``DONT``, "--" is no word.

*Syllables* (``count_syllables``): per lower-cased word, the CMU Pronouncing Dictionary
(NLTK's copy): the number of phones of the first pronunciation that end in a stress digit;
a word not in it gets Pyphen's (``en_US``) hyphenation points + 1. *Polysyllables* (SMOG)
are the words with ``count_syllables(word) >= 3``; *difficult words* (Gunning fog) those not
in textstat's Dale–Chall easy-word list with ``count_syllables(word.lower()) >= 3``. The
latter can differ from the word's own count: textstat cleans the lower-cased word again,
deleting any non-word character lower-casing created ("İ" → "i" + U+0307), so it is
computed apart, as textstat computes it.

*Letters* (``count_letters``, Coleman–Liau): the text's word characters (``str.isalnum()``
or ``_``), i.e. each word's length minus its apostrophes.

*Sentences* (``count_sentences``): textstat takes the matches of
``\b[^.!?]+[.!?]*`` and drops every one with at most two words. A match starts at the first
word character of a stretch between runs of ``.``, ``!``, ``?``, so this equals the number
of such stretches having three or more whitespace-separated tokens that contain a word
character (the *sentence segments*); then at least 1 for any non-empty text, 0 for "".
"U.S." is thus a sentence break, and "The U.S. said" a dropped two-word segment.

*SMOG* in textstat 0.7.13 counts polysyllables over the whole text: no 30-sentence
sample and no minimum number of sentences, so neither is done here.

Lower-casing each token equals lower-casing the cleaned text as textstat does (Greek final
sigma included: whitespace ends the context ``str.lower`` looks at). The caches (token →
counts, word → syllables, word → difficult) are unbounded dicts of the word types seen in
the process; :func:`clear_cache` empties them.

Edge cases follow textstat: "" gives 0.0 for every formula; a non-empty text without words
(whitespace, punctuation) has 1 sentence and 0 words: 0.0 except SMOG's 3.1291.

Summing counts
--------------
``words``, ``syllables``, ``polysyllables``, ``difficult_words``, ``letters`` and
``sentence_segments`` are additive over texts joined by whitespace; ``sentences`` is not
(it is ``max(1, sentence_segments)`` for a non-empty text), and a segment can straddle the
join when the first text does not end a sentence. :func:`combine` sums counts and
recomputes ``sentences``; it equals :func:`counts` of the texts joined by spaces when every
text but the last ends with ``.``, ``!`` or ``?`` (trailing whitespace allowed).

Equality with textstat is tested on 5,190 NYT snippets, the seed article, 200+ joined
documents, edge cases and random strings of awkward characters
(``tests/unit/test_readability.py``); no input class is known where it differs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

__all__ = ["FORMULAS", "cache_info", "clear_cache", "combine", "counts", "readability", "scores"]

#: The five formulas, named as textstat's functions, in this order.
FORMULAS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
)

_LANG = "en_US"
_SYLLABLE_THRESHOLD = 3  # textstat: int(get_lang_cfg("en_US", "syllable_threshold"))

# textstat.backend.utils.constants: RE_NONCONTRACTION_APOSTROPHE
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")
# textstat.backend.transformations.remove_punctuation, rm_apostrophe=False
_PUNCTUATION = re.compile(r"[^\w\s\']")
# a sentence segment: a stretch between runs of sentence-ending marks (textstat:
# r"\b[^.!?]+[.!?]*") with three whitespace-separated tokens that hold a word character,
# matched from its start and taken to its end, so one match a segment. Each repetition
# skips to the next word character, then to the token's end, never past a mark
# (possessive: no backtracking); a search that starts later in a stretch sees a part of
# it, with no more tokens, so a stretch of fewer than three never matches
_SEGMENT = re.compile(r"(?:[^\w.!?]*+\w[^\s.!?]*+){3}[^.!?]*+")

# A token's counts are packed into one int, a field of _BITS bits each, so that a document's
# counts are one C-level ``sum``; no field of a text's total can reach 2**_BITS (that
# would take a text of 2**48 characters).
_BITS = 48
_MASK = (1 << _BITS) - 1
_FIELDS = ("words", "syllables", "polysyllables", "difficult_words", "letters")
_KEYS = ("words", "sentences", "sentence_segments", *_FIELDS[1:])

#: token (as split from the text) -> its packed counts (see _pack)
_token_cache: dict[str, int] = {}
#: lower-cased word -> syllables (textstat's per-word count: CMU dictionary, else Pyphen)
_syllable_cache: dict[str, int] = {}
#: word -> is it difficult (Gunning fog), as textstat's ``is_difficult_word``
_difficult_cache: dict[str, bool] = {}
_data: dict[str, Any] = {}


def _load() -> dict[str, Any]:
    """Return what textstat reads: CMU syllables, Pyphen, easy words (loaded once).

    Read from the same files as textstat, without importing textstat or NLTK (whose
    package import, which textstat's does, takes about 0.7 s in every kernel): the CMU
    dictionary provisioned in ``nltk_data``, Pyphen's ``en_US`` dictionary (textstat's
    ``get_pyphen``) and textstat's ``resources/en/easy_words.txt`` (its
    ``get_lang_easy_words``), read as textstat reads it.
    """
    if not _data:
        import importlib.util

        from pyphen import Pyphen

        from .. import resources

        resources.require("cmudict")
        _data["cmu"] = _cmu_syllables(resources.nltk_data_dir() / "corpora" / "cmudict" / "cmudict")
        _data["pyphen"] = Pyphen(lang=_LANG)
        spec = importlib.util.find_spec("textstat")  # finds the package, does not import it
        assert spec is not None and spec.submodule_search_locations, "textstat is a dependency"
        easy = Path(spec.submodule_search_locations[0]) / "resources" / _LANG.split("_")[0]
        with open(easy / "easy_words.txt", encoding="utf-8") as fh:
            _data["easy"] = {ln.strip() for ln in fh}
    return _data


def _cmu_syllables(path: Path) -> dict[str, int]:
    """Read the syllables of each word's first pronunciation from NLTK's cmudict file.

    The counts textstat takes from ``nltk.corpus.cmudict.dict()[word][0]`` (the vowel
    phones, which end in a stress digit), read in one pass: NLTK's corpus reader builds
    every pronunciation of 135,000 entries in about 0.9 s, this reads them in about 0.1
    (counting each line's stress digits rather than splitting it into phones).

    Parameters
    ----------
    path
        The ``cmudict`` file in NLTK's format (``WORD 1 PH PH…``, a line a
        pronunciation, a word's first pronunciation first), as provisioned.

    Returns
    -------
    dict of str to int
        Lower-cased word -> syllables of its first pronunciation.
    """
    out: dict[str, int] = {}
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    # last line first, so that a word's first pronunciation is the one kept; a vowel
    # phone ends in its stress digit (0, 1, 2) and no other phone holds a digit, so the
    # digits of the line after the word and its number are its syllables
    for line in reversed(lines):
        word, _, rest = line.partition(" ")
        if word:
            phones = rest.partition(" ")[2]
            out[word.lower()] = phones.count("0") + phones.count("1") + phones.count("2")
    return out


def _clean(text: str) -> str:
    """Remove punctuation as textstat's ``remove_punctuation(text, rm_apostrophe=False)``."""
    return _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text))


def _word_syllables(word: str) -> int:
    """Syllables of one lower-cased word as textstat's ``count_syllables`` loop body."""
    n = _syllable_cache.get(word)
    if n is None:
        data = _load()
        n = data["cmu"].get(word)
        if n is None:
            n = len(data["pyphen"].positions(word)) + 1
        _syllable_cache[word] = n
    return n


def _count_syllables(text: str) -> int:
    """Count syllables as textstat's ``count_syllables(text, "en_US")``."""
    if not text:
        return 0
    return sum(_word_syllables(w) for w in _clean(text).lower().split())


def _is_difficult(word: str) -> bool:
    """Tell a difficult word as textstat's ``is_difficult_word(word, 3, "en_US")`` (cached)."""
    hard = _difficult_cache.get(word)
    if hard is None:
        lower = word.lower()
        hard = (
            len(word.split()) == 1
            and lower not in _load()["easy"]
            and _count_syllables(lower) >= _SYLLABLE_THRESHOLD
        )
        _difficult_cache[word] = hard
    return hard


def _pack(*values: int) -> int:
    """Pack non-negative counts into one int, the first in the lowest bits."""
    packed = 0
    for i, value in enumerate(values):
        packed |= value << (_BITS * i)
    return packed


def _analyse(token: str) -> int:
    """Packed counts of one whitespace-free token of the text (cached by the caller).

    The fields are those of ``_FIELDS``: 1 if the token is a word, its syllables, 1 if it is
    a polysyllable, 1 if it is a difficult word, its letters.
    """
    word = _clean(token)
    if not word:
        return 0
    # textstat's polysyllable test counts _count_syllables(word): cleaning a cleaned word
    # changes nothing and lower-casing adds no space, so that is the word's own syllables
    syllables = _word_syllables(word.lower())
    return _pack(
        1,
        syllables,
        int(syllables >= 3),
        int(_is_difficult(word)),
        len(word) - word.count("'"),
    )


def counts(text: str) -> dict[str, int]:
    """Count what textstat's five readability formulas need, in one pass over the words.

    Parameters
    ----------
    text : str
        The text (for a document: its prose sentences joined by spaces).

    Returns
    -------
    dict of str to int
        ``words``: whitespace-separated tokens with a word character (textstat's
        ``lexicon_count``); ``sentences``: textstat's ``sentence_count``;
        ``sentence_segments``: the stretches between ``.``/``!``/``?`` runs with three or
        more words (``sentences`` is ``max(1, sentence_segments)``, 0 for "");
        ``syllables``: textstat's ``syllable_count``; ``polysyllables``: words of three or
        more syllables (``polysyllabcount``); ``difficult_words``: word occurrences not in
        the easy-word list with three or more syllables, as Gunning fog counts them
        (``textstat.backend.counts.count_difficult_words(text, "en_US", 3)``; the public
        ``textstat.difficult_words`` counts distinct words of two or more syllables by
        default); ``letters``: word characters (``letter_count``). See the
        module docstring for the exact definitions.

    Examples
    --------
    >>> counts("The navy held live-fire drills near the U.S. coast. Officials said the "
    ...        "exercises were routine.")  # doctest: +NORMALIZE_WHITESPACE
    {'words': 15, 'sentences': 2, 'sentence_segments': 2, 'syllables': 23,
     'polysyllables': 2, 'difficult_words': 2, 'letters': 75}
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    tokens = text.split()
    cache = _token_cache
    try:
        total = sum(map(cache.__getitem__, tokens))
    except KeyError:
        for token in tokens:
            if token not in cache:
                cache[token] = _analyse(token)
        total = sum(map(cache.__getitem__, tokens))
    out = {name: (total >> (_BITS * i)) & _MASK for i, name in enumerate(_FIELDS)}
    segments = len(_SEGMENT.findall(text))
    out["sentences"] = max(1, segments) if text else 0
    out["sentence_segments"] = segments
    return {k: out[k] for k in _KEYS}


def combine(parts: Iterable[Mapping[str, int]]) -> dict[str, int]:
    """Sum the :func:`counts` of texts that make up one text.

    Parameters
    ----------
    parts : iterable of mapping
        :func:`counts` results, in order.

    Returns
    -------
    dict of str to int
        The sums, with ``sentences`` recomputed: ``max(1, sentence_segments)`` if any part
        is non-empty (has ``sentences`` > 0), else 0. This equals ``counts(" ".join(texts))``
        when every text but the last ends with ``.``, ``!`` or ``?`` (see the module
        docstring).

    Examples
    --------
    >>> a, b = counts("Ships sailed north at dawn."), counts("Planes flew over them.")
    >>> combine([a, b]) == counts("Ships sailed north at dawn. Planes flew over them.")
    True
    """
    total = dict.fromkeys(counts(""), 0)
    nonempty = False
    for part in parts:
        for key in total:
            total[key] += part[key]
        nonempty = nonempty or part["sentences"] > 0
    total["sentences"] = max(1, total["sentence_segments"]) if nonempty else 0
    return total


def scores(counts: Mapping[str, int | float]) -> dict[str, float]:
    """Compute textstat's five formulas from :func:`counts`, operation for operation.

    Parameters
    ----------
    counts : mapping
        ``words``, ``sentences``, ``syllables``, ``polysyllables``, ``difficult_words`` and
        ``letters`` (as returned by :func:`counts` or :func:`combine`).

    Returns
    -------
    dict of str to float
        ``flesch_reading_ease``, ``flesch_kincaid_grade``, ``gunning_fog``, ``smog_index``,
        ``coleman_liau_index``; 0.0 where textstat returns 0.0 (no words or no sentences).

    Examples
    --------
    >>> c = {"words": 10, "sentences": 2, "syllables": 15, "polysyllables": 1,
    ...      "difficult_words": 1, "letters": 50}
    >>> {k: round(v, 4) for k, v in scores(c).items()}  # doctest: +NORMALIZE_WHITESPACE
    {'flesch_reading_ease': 74.86, 'flesch_kincaid_grade': 4.06, 'gunning_fog': 6.0,
     'smog_index': 7.1686, 'coleman_liau_index': 7.28}
    """
    words, sentences = counts["words"], counts["sentences"]
    syllables, poly = counts["syllables"], counts["polysyllables"]
    difficult, letters = counts["difficult_words"], counts["letters"]
    # metrics.words_per_sentence / syllables_per_word / letters_per_word / sentences_per_word
    wps = words / sentences if sentences else 0.0
    spw = syllables / words if words else 0.0
    if wps == 0 or spw == 0:
        fre = fkg = 0.0
    else:
        fre = 206.835 - 1.015 * wps - 84.6 * spw
        fkg = (0.39 * wps) + (11.8 * spw) - 15.59
    fog = 0.4 * (wps + 100 * difficult / words) if words else 0.0
    smog = (1.043 * (30 * (poly / sentences)) ** 0.5) + 3.1291 if sentences else 0.0
    lpw = (letters / words if words else 0.0) * 100
    spw100 = (sentences / words if words else 0.0) * 100
    cli = 0.0 if lpw == 0 or spw100 == 0 else (0.058 * lpw) - (0.296 * spw100) - 15.8
    return {
        "flesch_reading_ease": fre,
        "flesch_kincaid_grade": fkg,
        "gunning_fog": fog,
        "smog_index": smog,
        "coleman_liau_index": cli,
    }


def readability(text: str) -> dict[str, float]:
    """Return textstat 0.7.13's five readability scores of `text`: ``scores(counts(text))``.

    Parameters
    ----------
    text : str
        The text (for a document: its prose sentences joined by spaces).

    Returns
    -------
    dict of str to float
        Keyed by textstat's function names (:data:`FORMULAS`); each value equals
        ``getattr(textstat, name)(text)``.

    Examples
    --------
    >>> r = readability("The navy held live-fire drills near the U.S. coast. Officials "
    ...                 "said the exercises were routine.")
    >>> {k: round(v, 4) for k, v in r.items()}  # doctest: +NORMALIZE_WHITESPACE
    {'flesch_reading_ease': 69.5025, 'flesch_kincaid_grade': 5.4283,
     'gunning_fog': 8.3333, 'smog_index': 8.8418, 'coleman_liau_index': 9.2533}
    """
    return scores(counts(text))


def clear_cache() -> None:
    """Empty the per-process token, syllable and difficult-word caches (for benchmarks).

    Examples
    --------
    >>> clear_cache(); cache_info()["tokens"]
    0
    """
    _token_cache.clear()
    _syllable_cache.clear()
    _difficult_cache.clear()


def cache_info() -> dict[str, int]:
    """Return the number of entries in each module-level cache.

    Returns
    -------
    dict of str to int
        ``tokens`` (distinct tokens whose counts are kept), ``syllables`` (words whose
        syllable count is kept) and ``difficult`` (words judged difficult or not).

    Examples
    --------
    >>> _ = counts("Naval drills began."); cache_info()["tokens"] >= 3
    True
    """
    return {
        "tokens": len(_token_cache),
        "syllables": len(_syllable_cache),
        "difficult": len(_difficult_cache),
    }
