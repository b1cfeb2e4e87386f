"""Gazetteer actors and places named in each document, and where."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from .. import corpus
from ..params import check_bool, check_columns
from .measures import SENTENCE_KEYS

ACTOR_COLUMNS = [
    "doc_id",
    "actor",
    "type",
    "mentions",
    "aliases",
    "first_sent_id",
    "first_start",
]


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

    Parameters
    ----------
    sentences
        The sentences frame (``doc_id, sent_id, start, end, text``; ``kind`` if present);
        any subset of documents.
    gazetteer
        The gazetteer (``actor, type, alias``, as :func:`framelens.gazetteer.load_gazetteer`
        returns it); default None: the shipped one.
    include_embeds
        Count mentions in embedded posts too (default: the article's prose only).

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
    from ..gazetteer import MENTION_COLUMNS, actor_mentions

    check_columns("sentences", sentences, SENTENCE_KEYS)
    check_bool("include_embeds", include_embeds)
    scoped = corpus.in_scope(sentences, include_embeds)
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

    Parameters
    ----------
    sentences
        The sentences frame (``doc_id, sent_id, start, end, text``; ``kind`` if present);
        any subset of documents.
    gazetteer
        The gazetteer (``actor, type, alias``, as :func:`framelens.gazetteer.load_gazetteer`
        returns it); default None: the shipped one.
    include_embeds
        Count mentions in embedded posts too (default: the article's prose only).

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
