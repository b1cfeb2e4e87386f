"""Find the exercises and patrols a text mentions, with the sentence each comes from."""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

import pandas as pd

from ..errors import ParameterError
from ..params import check_choice, check_columns
from .record import _check_events, load_events

#: Columns of :func:`mentions`.
MENTION_COLUMNS = [
    "doc_id",
    "sent_id",
    "mention",
    "canonical_name",
    "year",
    "kind",
    "start",
    "end",
    "para_id",
    "matched",
    "claim_type",
    "ordinal",
    "sentence_kind",
    "sentence",
]


_SEP_STRONG = r"(?:\s*[-\u2010-\u2015]\s*|\s+)"


_SEP_WEAK = r"\s*[-\u2010-\u2015]\s*"


_YEAR4 = r"(?:19|20)\d{2}"


_YEAR = r"(?:(?:19|20)\d{2}|\d{2})"


# (canonical name, alias pattern, strength). "strong" aliases match with or without a
# year ("Peace Mission 2007", "Northern/Interaction drills"); "weak" ones are ordinary
# words that count only when a hyphenated year follows ("Ocean-2024", "East-2018").
# "year" aliases need a year but may be written with a space.
_ALIASES: list[tuple[str, str, str]] = [
    ("Northern/Interaction", r"North(?:ern)?\s*[/.]\s*Interaction", "strong"),
    ("Northern/Interaction", r"North(?:ern)?\s+Interaction", "strong"),
    ("Northern/Interaction", r"Beibu\s*/\s*Interaction", "strong"),
    ("Northern/Interaction", r"North(?:ern)?[\s-](?:Joint|United)", "year"),
    ("Zapad/Interaction", r"(?:Zapad|West(?:ern)?|Xibu)\s*/\s*Interaction", "strong"),
    ("Zapad/Interaction", r"Xibu\s+Unity", "strong"),
    ("Joint Sea", r"Joint(?:ly)?[\s-](?:at\s+)?Sea", "strong"),
    ("Joint Sea", r"(?:Maritime|Naval|Marine|Sea)\s+(?:Interaction|Cooperation)", "year"),
    ("Peace Mission", r"Peace(?:ful)?\s+Mission", "strong"),
    ("Marine Security Belt", r"(?:(?:Marine|Maritime)\s+)?Security\s+(?:Belt|Bond)", "strong"),
    ("Vostok", r"Vostok", "strong"),
    ("Vostok", r"East", "weak"),
    ("Tsentr", r"Tsentr", "strong"),
    ("Tsentr", r"Cent(?:er|re)", "weak"),
    ("Kavkaz", r"Kavkaz", "strong"),
    ("Kavkaz", r"Caucasus", "weak"),
    ("Ocean", r"Okean", "strong"),
    ("Ocean", r"(?:Great\s+)?Ocean", "weak"),
    ("Mosi", r"Mosi", "year"),
]


@cache
def _named_re() -> tuple[re.Pattern[str], dict[str, tuple[str, bool]]]:
    # One case-insensitive alternation behind one shared look-behind: about 7x faster
    # than per-alias inline flags. Weak aliases must still be capitalised ("Ocean-2024",
    # not "ocean-2024"); mentions() checks that after the match.
    parts, groups = [], {}
    for i, (canon, alias, strength) in enumerate(_ALIASES):
        if strength == "strong":
            tail = rf"(?:{_SEP_STRONG}(?P<y{i}>{_YEAR4})(?![\w]))?"
        elif strength == "year":
            tail = rf"{_SEP_STRONG}(?P<y{i}>{_YEAR4})(?![\w])"
        else:
            tail = rf"{_SEP_WEAK}(?P<y{i}>{_YEAR})(?![\w])"
        parts.append(rf"(?P<a{i}>{alias}(?![\w/]){tail})")
        groups[f"a{i}"] = (canon, strength == "weak")
    return re.compile(r"(?<![\w/])(?:" + "|".join(parts) + ")", re.IGNORECASE), groups


# A sentence can hold a named exercise only if it has a two-digit number (a year) or one of
# the names that count without a year; this cheap test skips most sentences.
_NAMED_HINT = re.compile(
    r"\d\d|(?i:interaction|xibu|joint(?:ly)?[\s-]+(?:at\s+)?sea|peace|security|vostok|tsentr|"
    r"kavkaz|okean)"
)


_GENERIC_RE = re.compile(
    r"(?<![\w-])(?:"
    r"(?P<exercise>exercises?)"
    r"|(?P<drill>drills?)"
    r"|(?P<war_game>war[\s-]?games?)"
    r"|(?P<patrol>patrols?)"
    r"|(?P<live_fire>live[\s-]fire)"
    r"|(?P<manoeuvre>manoeuv(?:re|er)s?|maneuv(?:er|re)s?)"
    r")(?![\w])",
    re.IGNORECASE,
)


_GENERIC_TERMS = {
    "exercise": "exercise",
    "drill": "drill",
    "war_game": "war game",
    "patrol": "patrol",
    "live_fire": "live-fire",
    "manoeuvre": "manoeuvre",
}


_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip


_ORDINAL_RE = re.compile(
    r"(?i)\b(?P<ord>" + "|".join(_ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))"
    r"(?P<mods>(?:\s+(?:such|joint|consecutive|annual|large-scale|strategic|naval|air|"
    r"aerial|maritime|military|bilateral|trilateral|sea|combined))*)"
    r"\s+(?P<noun>time|instance|patrol|exercise|drill|round|edition|iteration|occasion|"
    r"flight|war\s?game|manoeuvre|maneuver|mission)s?\b"
)


_FREQ_RE = re.compile(
    r"(?i)\b(?:(?:growing|increasing|increased|rising|greater|higher)\s+"
    r"(?:frequency|number|tempo|pace|regularity)"
    r"|increasingly\s+(?:frequent|regular|common)"
    r"|more\s+(?:frequent(?:ly)?|often|regular(?:ly)?)"
    r"|pattern\s+of\s+(?:increased|increasing|growing))\b"
)


def mentions(sentences: pd.DataFrame, *, events: pd.DataFrame | None = None) -> pd.DataFrame:
    """Find named exercises, generic exercise words and frequency claims in sentences.

    * ``kind="named"``: a named exercise, with a year when one is attached
      ("Northern/Interaction-2024", "Vostok 2018", "Ocean-24"), normalised to the
      table's canonical name ("North/Interaction" and "Beibu/Interaction" become
      "Northern/Interaction"; "Tsentr", "Center-2019" become "Tsentr"). Strong names
      match without a year too ("Northern/Interaction drills": ``year`` empty);
      ordinary words ("Ocean", "East", "Center") count only with a hyphenated year.
    * ``kind="generic"``: exercise(s), drill(s), war game(s), patrol(s), live-fire,
      manoeuvre(s)/maneuver(s); ``canonical_name`` holds the normalised word.
    * ``kind="claim"``: ordinals ("the fifth such instance", "the third joint patrol",
      ``claim_type="ordinal"``), novelty ("for the first time", ``"novelty"``) and
      frequency claims ("growing frequency", ``"frequency"``).

    Works on any subset of sentences (a partition) and returns rows for just those.

    Parameters
    ----------
    sentences
        The sentences frame (``doc_id, sent_id, start, text``; ``para_id`` and ``kind``
        are used when present).
    events
        The event table used to set ``matched`` (default: the shipped table).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sent_id, mention, canonical_name, year, kind, start, end, para_id,
        matched, claim_type, ordinal, sentence_kind, sentence``. ``mention`` is the text
        as written, ``start``/``end`` offsets into the document, ``year`` a nullable
        integer (empty when no year is attached), ``matched`` True when a named exercise
        and year are in the event table (False otherwise, including generic words and
        claims), ``ordinal`` the number of an ordinal claim, ``sentence_kind`` the
        sentence's ``kind`` (prose/embed), ``sentence`` the sentence text for named
        mentions and claims (empty for generic words). Sorted by doc_id, sent_id, start.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0],
    ...     "text": ["Vostok 2018 drills were the first such exercise."]})
    >>> mentions(s)[["mention", "canonical_name", "year", "kind"]].values.tolist()
    [['Vostok 2018', 'Vostok', 2018, 'named'], ['drills', 'drill', <NA>, 'generic'], \
['first such exercise', '', <NA>, 'claim'], ['exercise', 'exercise', <NA>, 'generic']]
    """
    check_columns("sentences", sentences, ["doc_id", "sent_id", "start", "text"])
    ev = load_events() if events is None else events
    _check_events(ev)
    known = set(zip(ev["name"].astype(str), ev["year"].astype(int), strict=True))
    pattern, groups = _named_re()
    n = len(sentences)
    paras = sentences["para_id"].tolist() if "para_id" in sentences.columns else [-1] * n
    kinds = sentences["kind"].tolist() if "kind" in sentences.columns else ["prose"] * n
    rows: list[tuple] = []
    for doc_id, sent_id, start, text, para, skind in zip(
        sentences["doc_id"].tolist(),
        sentences["sent_id"].tolist(),
        sentences["start"].tolist(),
        sentences["text"].tolist(),
        paras,
        kinds,
        strict=True,
    ):
        text = str(text)
        base = int(start)
        key = (str(doc_id), int(sent_id))
        para, skind = int(para), str(skind)
        for m in pattern.finditer(text) if _NAMED_HINT.search(text) else ():
            gname = m.lastgroup
            canon, weak = groups[gname]
            if weak and not m.group(0)[0].isupper():
                continue
            ytxt = m.group("y" + gname[1:])
            year = None
            if ytxt:
                year = int(ytxt) if len(ytxt) == 4 else 2000 + int(ytxt)
            rows.append(
                (
                    *key,
                    m.group(0),
                    canon,
                    year,
                    "named",
                    base + m.start(),
                    base + m.end(),
                    para,
                    year is not None and (canon, year) in known,
                    "",
                    None,
                    skind,
                    text,
                )
            )
        for m in _GENERIC_RE.finditer(text):
            rows.append(
                (
                    *key,
                    m.group(0),
                    _GENERIC_TERMS[m.lastgroup],
                    None,
                    "generic",
                    base + m.start(),
                    base + m.end(),
                    para,
                    False,
                    "",
                    None,
                    skind,
                    "",
                )
            )
        for m in _ORDINAL_RE.finditer(text):
            raw = m.group("ord").lower()
            num = _ORDINALS.get(raw) or int(re.match(r"\d+", raw).group(0))
            ctype = "novelty" if m.group("noun").lower() == "time" and num == 1 else "ordinal"
            rows.append(
                (
                    *key,
                    m.group(0),
                    "",
                    None,
                    "claim",
                    base + m.start(),
                    base + m.end(),
                    para,
                    False,
                    ctype,
                    num,
                    skind,
                    text,
                )
            )
        for m in _FREQ_RE.finditer(text):
            rows.append(
                (
                    *key,
                    m.group(0),
                    "",
                    None,
                    "claim",
                    base + m.start(),
                    base + m.end(),
                    para,
                    False,
                    "frequency",
                    None,
                    skind,
                    text,
                )
            )
    frame = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    frame = frame.astype(
        {
            "doc_id": str,
            "sent_id": "int64",
            "mention": str,
            "canonical_name": str,
            "year": "Int64",
            "kind": str,
            "start": "int64",
            "end": "int64",
            "para_id": "int64",
            "matched": bool,
            "claim_type": str,
            "ordinal": "Int64",
            "sentence_kind": str,
            "sentence": str,
        }
    )
    return frame.sort_values(["doc_id", "sent_id", "start", "kind"], kind="stable").reset_index(
        drop=True
    )


def _check_mentions(found: pd.DataFrame) -> None:
    if not isinstance(found, pd.DataFrame) or any(
        c not in found.columns for c in ("doc_id", "kind", "canonical_name", "year")
    ):
        cols = list(getattr(found, "columns", []))
        raise ParameterError(
            f"`mentions` must be the frame made by events.mentions; it has columns {cols}."
        )


def mention_counts(
    found: pd.DataFrame, *, by: Literal["paragraph", "document"] = "paragraph"
) -> pd.DataFrame:
    """Count mentions per paragraph (or document), by kind and canonical name.

    Per-document, so the counts of disjoint partitions concatenate; :func:`total_counts`
    sums them for the corpus.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, para_id, kind, canonical_name, year, n`` (``para_id`` only with
        ``by="paragraph"``); ``canonical_name`` is the exercise for named mentions, the
        word for generic ones and the claim type for claims; ``year`` is empty where no
        year is attached. Sorted by keys.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "start": [0, 9],
    ...                   "para_id": [0, 0], "text": ["Drills.", "More drills."]})
    >>> mention_counts(mentions(s))[["para_id", "canonical_name", "n"]].values.tolist()
    [[0, 'drill', 2]]
    """
    _check_mentions(found)
    check_choice("by", by, ["paragraph", "document"])
    keys = ["doc_id", "para_id"] if by == "paragraph" else ["doc_id"]
    f = found.copy()
    f["canonical_name"] = f["canonical_name"].where(f["kind"] != "claim", f["claim_type"])
    cols = keys + ["kind", "canonical_name", "year"]
    if f.empty:
        out = pd.DataFrame({c: pd.Series(dtype=f[c].dtype) for c in cols})
        out["n"] = pd.Series(dtype="int64")
        return out
    out = f.groupby(cols, dropna=False, sort=True).size().reset_index(name="n")
    return out.astype({"n": "int64"}).reset_index(drop=True)


def total_counts(counts: pd.DataFrame) -> pd.DataFrame:
    """Sum per-paragraph or per-document counts (from any partitions) for the corpus.

    Returns
    -------
    pandas.DataFrame
        ``kind, canonical_name, year, n, n_docs``: mentions in the corpus and the number
        of documents with at least one. Sorted by kind, then descending ``n``.

    Examples
    --------
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "kind": ["generic"] * 2,
    ...     "canonical_name": ["drill"] * 2, "year": pd.array([None, None], "Int64"),
    ...     "n": [2, 1]})
    >>> total_counts(c)[["canonical_name", "n", "n_docs"]].values.tolist()
    [['drill', 3, 2]]
    """
    need = ["doc_id", "kind", "canonical_name", "year", "n"]
    missing = [c for c in need if c not in counts.columns]
    if missing:
        raise ParameterError(
            f"`counts` lacks the column(s) {missing}; pass the frame(s) made by "
            "events.mention_counts (concatenated)."
        )
    keys = ["kind", "canonical_name", "year"]
    if counts.empty:
        return pd.DataFrame(
            {
                "kind": [],
                "canonical_name": [],
                "year": pd.array([], "Int64"),
                "n": pd.array([], "int64"),
                "n_docs": pd.array([], "int64"),
            }
        )
    g = counts.groupby(keys, dropna=False, sort=True)
    out = g.agg(n=("n", "sum"), n_docs=("doc_id", "nunique")).reset_index()
    out = out.astype({"n": "int64", "n_docs": "int64"})
    out = out.sort_values(
        ["kind", "n", "canonical_name"], ascending=[True, False, True], kind="stable"
    )
    return out.reset_index(drop=True)


def highlights(found: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Return the named exercises (with a year) that the corpus mentions, for the chart.

    Returns
    -------
    pandas.DataFrame
        ``canonical_name, year, domain, label, matched, n_mentions``: one row per
        exercise and year; ``domain`` from the matched table row ("" when unmatched);
        ``label`` such as "Northern/Interaction-2024". Sorted by year, name.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0],
    ...                   "text": ["Ocean-2024 began."]})
    >>> highlights(mentions(s), load_events())[["label", "domain"]].values.tolist()
    [['Ocean-2024', 'command_staff']]
    """
    _check_mentions(found)
    _check_events(events)
    cols = ["canonical_name", "year", "domain", "label", "matched", "n_mentions"]
    named = found[(found["kind"] == "named") & found["year"].notna()]
    if named.empty:
        return pd.DataFrame(
            {
                "canonical_name": pd.Series(dtype=str),
                "year": pd.Series(dtype="int64"),
                "domain": pd.Series(dtype=str),
                "label": pd.Series(dtype=str),
                "matched": pd.Series(dtype=bool),
                "n_mentions": pd.Series(dtype="int64"),
            }
        )
    g = named.groupby(["canonical_name", "year"], sort=True).size().reset_index(name="n_mentions")
    dom = events.drop_duplicates(["name", "year"]).set_index(["name", "year"])["domain"]
    out = []
    for r in g.itertuples(index=False):
        key = (r.canonical_name, int(r.year))
        d = str(dom.get(key, ""))
        out.append(
            (
                r.canonical_name,
                int(r.year),
                d,
                f"{r.canonical_name}-{int(r.year)}",
                key in dom.index,
                int(r.n_mentions),
            )
        )
    frame = pd.DataFrame(out, columns=cols).astype({"year": "int64", "n_mentions": "int64"})
    return frame.sort_values(["year", "canonical_name"], kind="stable").reset_index(drop=True)
