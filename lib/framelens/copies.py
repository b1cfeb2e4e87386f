"""Copies among the documents: wire stories republished by several outlets, updated versions.

A comparison of outlets counts every document as the outlet's own writing. A story from
a news agency that three outlets print, or an article saved twice in two versions, is
counted three or two times, and its tone, frames and keywords go to every outlet that
printed it. :func:`copies` finds them so that a researcher can see them, and drop or keep
them on purpose.

Two documents are copies when most of the shorter one's word sequences are in the
other: the *overlap* is the share of the shorter text's distinct 5-word sequences
(lower-cased words, punctuation ignored) that the longer text also has. A copy with a
new headline and lead, or with its last paragraphs cut, keeps a high overlap; two
reports of one event in their own words share almost no 5-word sequence. This is the
containment measure of Broder (1997), "On the resemblance and containment of
documents". Candidate pairs come from a quarter of each text's sequences, chosen by their
content (hash), so that copies share the chosen ones; the share is then computed on all
sequences. Nothing is random: the same texts give the same pairs.

Exact copies (the same words, case and punctuation aside) are found by their whole text,
however many documents repeat it (a wire story carried by a hundred outlets, a retweet)
and down to ``size`` words. A near copy is found when its sequences are shared by at
most ``max(50, documents / 20)`` documents: a sequence in more is taken for boilerplate
("all rights reserved") and does not make pairs.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from datetime import UTC, datetime, time, timedelta

import pandas as pd

from .groups import day_span, iso_day
from .params import check_columns, check_int, check_number

__all__ = ["COPY_COLUMNS", "copies"]

#: the columns of :func:`copies`
COPY_COLUMNS = [
    "doc_id",
    "copy_of",
    "kind",
    "overlap",
    "shared_sequences",
    "words",
    "words_copy_of",
    "shared_text",
]

_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")


#: a sequence is an anchor when its hash is divisible by this: copies share their anchors
#: (the choice depends on the words alone), and the index holds a quarter of the sequences
_SAMPLE = 4


def _sequences(text: str, size: int) -> tuple[list[str], set[int]]:
    """Return the words of a text and the hashes of its distinct ``size``-word sequences."""
    words = [w.casefold().replace("\u2019", "'") for w in _WORD.findall(text)]
    grams = (
        [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]
        if len(words) >= size
        else ([" ".join(words)] if words else [])
    )
    return words, {zlib.crc32(g.encode("utf-8")) for g in grams}


def _anchors(seqs: set[int]) -> set[int]:
    """Return the sequences that stand for a text in the index (all, for a short text)."""
    picked = {h for h in seqs if h % _SAMPLE == 0}
    return picked if len(picked) >= 3 else seqs


#: the sort key of a document without a usable date: after every dated one
_UNDATED: tuple = (1,)


def _date_keys(values: pd.Series) -> list[tuple]:
    """Return the sort key of each ``published`` value: when it was published at the latest.

    A timestamp ("2024-09-10T06:00:00Z") is its instant, in UTC (one without a zone is
    read as UTC). A day, month or year without a time stands for its whole span, which
    may hold any instant: it is keyed by the span's last instant, and after a finer date
    ending then. So "2024" is not earlier than "2024-09-02" (nor "2024-09"), but is
    earlier than "2025-01-05". Values that are not ISO 8601 dates, or not calendar dates
    ("2024-13-45"), give :data:`_UNDATED`.
    """
    texts = values.astype("string").fillna("").str.strip()
    days = iso_day(texts)
    return [_date_key(t, d) for t, d in zip(texts.tolist(), days.tolist(), strict=True)]


def _date_key(text: str, day: object) -> tuple:
    """Return the key of one value, ``day`` its date part (:func:`~framelens.groups.iso_day`)."""
    if not isinstance(day, str):
        return _UNDATED
    if day.count("-") == 2 and len(text) > len(day):
        try:
            stamp = datetime.fromisoformat(re.sub(r"[Zz]$", "+00:00", text))
            stamp = stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp
            return (0, stamp.astimezone(UTC), timedelta(0))
        except (ValueError, OverflowError):
            pass  # a time that does not read: the day's span, as without one
    span = day_span(day)
    if span is None:  # month 13, day 45, year 0
        return _UNDATED
    start = datetime.combine(span[0], time.min, tzinfo=UTC)
    last = datetime.combine(span[1], time.max, tzinfo=UTC)
    return (0, last, last - start)


#: a near copy is at least this share of the other's length (in distinct sequences): an
#: edited wire story keeps most of its length; a long text that quotes a story does not
MIN_LENGTH_RATIO = 0.5


def copies(
    documents: pd.DataFrame,
    *,
    min_overlap: float = 0.8,
    size: int = 5,
    min_words: int = 20,
) -> pd.DataFrame:
    """Find the documents that are copies of others (exact, or nearly: a wire story).

    Parameters
    ----------
    documents
        The documents frame (``doc_id`` and ``text``; ``published`` decides which of two
        copies is the original when present).
    min_overlap
        The share (0-1) of the shorter document's distinct ``size``-word sequences that
        the other must also have (default 0.8: a copy with a new lead or a cut ending
        still counts; two outlets' own reports of one event share far less). The shorter
        must also be at least half as long as the other (:data:`MIN_LENGTH_RATIO`): a
        long roundup that quotes a story whole is no copy of it, nor it of the roundup.
    size
        Words per sequence (default 5).
    min_words
        Documents with fewer words are not compared for near copies (default 20: a
        headline-only or empty document is no evidence of copying). Exact copies of
        ``size`` words or more are listed whatever their length (a repeated post).

    Returns
    -------
    pandas.DataFrame
        :data:`COPY_COLUMNS`, one row per copy: ``doc_id`` is the copy and ``copy_of``
        the document it copies. Copies of one text make a group whose original is the
        earliest published, else the longest, else the first by ``doc_id``. "Earliest"
        reads ISO 8601 values only (others count as no date, after every dated copy):
        a timestamp by its instant (in UTC; "2024-09-10T06:00:00Z" before
        "2024-09-10T22:00:00Z"), and a date without a time, a month or a year, which
        could be any instant of its span, by the span's end, after the finer dates
        inside it ("2024-09" after "2024-09-02", "2024" after every date of 2024, but
        before "2025-01-05"). Each other member is listed once, against the original
        when it copies it directly;
        ``kind`` is ``"exact"`` (the same words, case and punctuation aside) or
        ``"near"``; ``overlap`` the share described above (1.0 for exact copies);
        ``shared_sequences`` how many sequences they share; ``words`` and
        ``words_copy_of`` their lengths in words; ``shared_text`` the first 20 words of
        the copy that are in the other too (the evidence). Sorted by ``copy_of, doc_id``.

    Examples
    --------
    >>> story = "The navies of China and Russia began joint drills in the Sea of Japan on "
    >>> story += "Monday, the defence ministry said, with ten ships and two submarines."
    >>> d = pd.DataFrame({"doc_id": ["a", "b", "c"],
    ...                   "text": [story, "NEW HEADLINE. " + story, "Talks ended. " * 10]})
    >>> copies(d)[["doc_id", "copy_of", "kind", "overlap"]].values.tolist()
    [['a', 'b', 'near', 1.0]]
    """
    check_columns("documents", documents, ["doc_id", "text"])
    min_overlap = check_number("min_overlap", min_overlap, min_value=0.01, max_value=1)
    size = check_int("size", size, min_value=1)
    min_words = check_int("min_words", min_words, min_value=1)
    ids = documents["doc_id"].astype(str).tolist()
    # the original is the earliest: ISO dates only ("20/01/2023" sorted as text came
    # after "03/06/2024"); any other value counts as no date. By instant when there is a
    # time (the text "2024-09-10" had dropped it), and a coarser date ("2024-09") by its
    # span's end: "2024" had been taken as earlier than every dated copy of 2024
    dates = (
        _date_keys(documents["published"])
        if "published" in documents.columns
        else [_UNDATED] * len(ids)
    )
    words: list[list[str]] = []
    full: list[set[int]] = []
    for text in documents["text"].fillna("").astype(str):
        w, s = _sequences(text, size)
        words.append(w)
        full.append(s)
    # near copies: only documents of min_words or more
    seqs = [s if len(w) >= min_words else set() for w, s in zip(words, full, strict=True)]
    # copies of copies make one group; each is listed once, against the group's original
    # (published first, then the longer, then the first id) when it copies it directly,
    # else against the document it overlaps most among those before it
    rank = {k: r for r, k in enumerate(sorted(range(len(ids)), key=lambda k: (
        dates[k], -len(words[k]), ids[k])))}  # fmt: skip
    # candidates: documents that share anchors (an inverted index of a sample of the
    # sequences, chosen by content, so copies share theirs); an anchor in very many
    # documents is boilerplate ("all rights reserved") and would make every pair one
    anchors = [_anchors(s) for s in seqs]
    index: dict[int, list[int]] = defaultdict(list)
    for k, a in enumerate(anchors):
        for q in a:
            index[q].append(k)
    limit = max(50, len(ids) // 20)
    shared: Counter[tuple[int, int]] = Counter()
    for docs in index.values():
        if 1 < len(docs) <= limit:
            for i, a in enumerate(docs):
                for b in docs[i + 1 :]:
                    shared[(a, b)] += 1
    pairs = {}
    # exact copies by their whole text, however many and however short (>= size words)
    same: dict[str, list[int]] = defaultdict(list)
    for k, w in enumerate(words):
        if len(w) >= size:
            same[" ".join(w)].append(k)
    for members in same.values():
        top = min(members, key=rank.__getitem__)
        for a in members:
            if a != top:
                pairs[(min(a, top), max(a, top))] = (len(full[a]), 1.0)
    for (a, b), n_anchors in shared.items():
        if (a, b) in pairs:
            continue
        if n_anchors < 0.5 * min_overlap * min(len(anchors[a]), len(anchors[b])):
            continue
        # then the exact share of the shorter text's sequences, of texts of comparable
        # length: a 20,000-word roundup that quotes a 500-word story is no copy of it
        small = min(len(seqs[a]), len(seqs[b]))
        if small < MIN_LENGTH_RATIO * max(len(seqs[a]), len(seqs[b])):
            continue
        n = len(seqs[a] & seqs[b])
        if n >= min_overlap * small:
            pairs[(a, b)] = (n, n / small)
    parent = list(range(len(ids)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb, key=rank.get)] = min(ra, rb, key=rank.get)
    best: dict[int, tuple[int, int, float]] = {}
    for (a, b), (n, overlap) in pairs.items():
        copy, original = (a, b) if rank[a] > rank[b] else (b, a)
        top = root(copy)
        key = (original == top, overlap, -rank[original])
        kept = best.get(copy)
        if kept is None or key > (kept[0] == top, kept[2], -rank[kept[0]]):
            best[copy] = (original, n, overlap)
    rows = []
    for copy, (original, n, overlap) in best.items():
        rows.append(
            (
                ids[copy],
                ids[original],
                "exact" if words[copy] == words[original] else "near",
                round(overlap, 4),
                n,
                len(words[copy]),
                len(words[original]),
                _first_shared(words[copy], full[original], size),
            )
        )
    out = pd.DataFrame(rows, columns=COPY_COLUMNS)
    out = out.astype({"overlap": "float64", "shared_sequences": "int64", "words": "int64"})
    out = out.astype({"words_copy_of": "int64"})
    return out.sort_values(["copy_of", "doc_id"], kind="stable").reset_index(drop=True)


def _first_shared(words: list[str], other: set[int], size: int) -> str:
    """Return the first 20 words of ``words`` from a sequence that ``other`` also has."""
    for i in range(max(1, len(words) - size + 1)):
        if zlib.crc32(" ".join(words[i : i + size]).encode("utf-8")) in other:
            return " ".join(words[i : i + 20])
    return ""
