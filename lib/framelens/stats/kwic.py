"""Keywords in context and where a term falls in each document (dispersion)."""

from __future__ import annotations

import bisect
import fnmatch
import re
import warnings
from collections import defaultdict
from collections.abc import Sequence
from typing import Literal

import pandas as pd

from .. import corpus
from ..errors import FramelensWarning, ParameterError
from ..params import check_bool, check_choice, check_columns, check_int, check_str_list
from .actors import _doc_ends
from .measures import _APOS, SENTENCE_KEYS, _tokens_for

KWIC_COLUMNS = ["doc_id", "sent_id", "left", "match", "right", "start", "end", "kind", "pattern"]


Mode = Literal["glob", "regex", "phrase"]


_MODES = ["glob", "regex", "phrase"]


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


def check_pattern(
    pattern: str | Sequence[str],
    mode: Mode = "glob",
    *,
    case_sensitive: bool = False,
    name: str = "pattern",
) -> list[str]:
    """Check a keyword-in-context pattern as :func:`kwic` reads it, naming the parameter.

    Parameters
    ----------
    pattern
        One pattern or a list of them.
    mode
        ``"glob"``, ``"regex"`` or ``"phrase"`` (as for :func:`kwic`).
    case_sensitive
        As for :func:`kwic`.
    name
        The parameter's name in a message (a notebook's ``kwic_pattern``).

    Returns
    -------
    list of str
        The patterns.

    Raises
    ------
    ParameterError
        An empty pattern, or (``mode="regex"``) one that is not a valid regular expression.

    Examples
    --------
    >>> check_pattern("drill*")
    ['drill*']
    """
    patterns = check_str_list(name, pattern, allow_empty=False)
    if any(not p.strip() for p in patterns):
        raise ParameterError(f"`{name}` must not be empty; try a word such as 'escalat*'.")
    check_choice("mode", mode, _MODES)
    for p in patterns:
        try:
            _compile(p, mode, case_sensitive)
        except ParameterError as exc:
            raise ParameterError(str(exc).replace("`pattern`", f"`{name}`", 1)) from None
    return patterns


def kwic(
    sentences: pd.DataFrame,
    pattern: str | Sequence[str],
    *,
    window: int = 5,
    mode: Mode = "glob",
    case_sensitive: bool = False,
    tokens: corpus.Tokens | pd.DataFrame | None = None,
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
    check_columns("sentences", sentences, SENTENCE_KEYS)
    check_bool("case_sensitive", case_sensitive)
    patterns = check_pattern(pattern, mode, case_sensitive=case_sensitive)
    window = check_int("window", window, min_value=0)
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
    listed = [p for p in patterns if mode != "regex" and re.search(r"\w\*?\s*[,;]\s*\w", p)]
    if listed:  # "tension*, threat*": a list written as one string
        items = [w.strip() for w in re.split(r"[,;]", listed[0]) if w.strip()]
        return (
            f"kwic: no hits for {shown} ({mode}) in {n_sentences} sentence(s): the commas are "
            f"part of the pattern. Pass the patterns as a list: {items!r}."
        )
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


def dispersion(
    sentences: pd.DataFrame,
    terms: str | Sequence[str],
    *,
    mode: Mode = "glob",
    include_embeds: bool = False,
    tokens: corpus.Tokens | pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Where each term occurs in each document (for a lexical dispersion plot).

    Parameters
    ----------
    sentences
        The sentences frame (``doc_id, sent_id, start, end, text``; ``kind`` if
        present); any subset of documents.
    terms
        One term or a list of them, each a pattern of :func:`kwic` in ``mode``
        (``"drill*"``).
    mode
        ``"glob"`` (default), ``"regex"`` or ``"phrase"``, as for :func:`kwic`.
    include_embeds
        Find the terms in embedded posts too (default: the article's prose only).
    tokens
        The tokens of these sentences, if already computed (saves tokenizing again).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, term, sent_id, start, end, match, position``: one row per hit
        (via :func:`kwic`), ``position`` = ``start`` / the document's end (0–1).
        ``term`` is the pattern that matched; a term without hits has no row (and no
        warning). Sorted by ``doc_id, start, term``.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "end": [20],
    ...                   "kind": ["prose"], "text": ["Drills and drills."]})
    >>> dispersion(s, "drill*")[["term", "start", "position"]].values.tolist()
    [['drill*', 0, 0.0], ['drill*', 11, 0.55]]
    """
    check_bool("include_embeds", include_embeds)
    scoped = corpus.in_scope(sentences, include_embeds)
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
