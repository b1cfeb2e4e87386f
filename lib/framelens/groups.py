"""Groups of documents by a metadata column: one check, one lookup, one missing label.

Every analysis that compares groups (keyness and document statistics, tone, frame
shares, stance) labels a document by the value of one column of the documents frame
(``source``, ``outlet``, ``published``…). A document whose value is empty, or whose date
does not parse when grouped by a ``period``, is in the group :data:`MISSING`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import warnings

import numpy as np
import pandas as pd

from .errors import FramelensWarning, ParameterError
from .params import (
    check_choice,
    check_columns,
    check_same_documents,
    doc_ids,
    suggest,
    text_values,
)

__all__ = [
    "MISSING",
    "PLACEHOLDERS",
    "RESERVED",
    "check_group_by",
    "check_not_reserved",
    "group_labels",
    "group_of",
    "is_missing",
    "with_period",
]

#: the group of a document with no value in the ``group_by`` column
MISSING = "(missing)"
_PERIODS = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}


#: columns of the tables a group column joins (actor tone and stance, frame profiles,
#: tone per group): a metadata column of one of these names cannot be grouped by, or the
#: group would overwrite the actor's type or the frame's name
RESERVED = frozenset(
    {
        "actor", "type", "frame", "dictionary", "n_sentences", "n_documents",
        "n_frame_sentences", "share_sentences", "n_strong_sentences", "share_strong",
        "n_hits", "n_words", "hits_per_1000_words", "mean_stance", "stance_ci_low",
        "stance_ci_high", "share_negative", "share_neutral", "share_positive",
        "mean_compound", "tone_ci_low", "tone_ci_high", "ci_low", "ci_high", "share_pos",
        "share_neg", "share_neu", "n_unscored", "ci_method",
    }
)  # fmt: skip


def check_group_by(documents: pd.DataFrame, group_by: str, *, name: str = "group_by") -> str:
    """Return ``group_by`` if it is a metadata column of ``documents``, else raise.

    Parameters
    ----------
    documents
        The documents frame (:func:`framelens.corpus.load`).
    group_by
        The column to group by: any column but ``text``.
    name
        The parameter's name in the message (``"by"`` for a function that calls it so).

    Returns
    -------
    str
        ``group_by``, checked.

    Examples
    --------
    >>> check_group_by(pd.DataFrame({"doc_id": ["a"], "source": ["X"]}), "source")
    'source'
    >>> check_group_by(pd.DataFrame({"doc_id": ["a"], "source": ["X"]}), "sorce")
    Traceback (most recent call last):
    ...
    framelens.errors.ParameterError: `group_by` 'sorce' is not a column of the documents; \
the columns are ['doc_id', 'source'] (did you mean 'source'?). Add it to metadata.csv (or \
the CSV/JSONL) or pick one of these.
    """
    check_columns("documents", documents, ["doc_id"])
    if not isinstance(group_by, str) or group_by not in documents.columns or group_by == "text":
        cols = [str(c) for c in documents.columns if c != "text"]
        hint = suggest(group_by, cols) if isinstance(group_by, str) else ""
        raise ParameterError(
            f"`{name}` {group_by!r} is not a column of the documents; the columns are "
            f"{cols}{hint}. Add it to metadata.csv (or the CSV/JSONL) or pick one of these."
        )
    check_not_reserved(group_by, name=name)
    return group_by


def _warn_alike(values: pd.Series, group_by: str) -> None:
    """Warn of group labels that differ only in case, spaces or punctuation ("BBC", "bbc ").

    Numbers are alike when they are equal ("1", "1.0", " 1"), and punctuation between
    digits counts ("1.0" and "10" are not alike).
    """
    seen: dict[str, set[str]] = {}
    for v in values.dropna().astype(str).unique():
        try:
            number = float(v)
        except ValueError:
            number = math.nan
        if math.isfinite(number):
            key = f"number {number!r}"
        else:
            key = re.sub(r"(?<!\d)[\W_]+|[\W_]+(?!\d)", "", v).casefold()
        if key:
            seen.setdefault(key, set()).add(v)
    alike = [sorted(v) for v in seen.values() if len(v) > 1]
    if alike:
        shown = "; ".join(", ".join(repr(x) for x in group) for group in alike[:3])
        warnings.warn(
            f"`group_by` {group_by!r}: {len(alike)} set(s) of labels differ only in case, "
            f"spaces, punctuation or how a number is written, and are separate groups: "
            f"{shown}. Write each group one way in the metadata if they are one.",
            FramelensWarning,
            stacklevel=3,
        )


def check_not_reserved(group_by: str, *, name: str = "group_by") -> None:
    """Refuse a group column named as a column of the grouped tables (``type``, ``frame``).

    Parameters
    ----------
    group_by
        The metadata column to group by.
    name
        The parameter's name in the message.

    Raises
    ------
    ParameterError
        When ``group_by`` is in :data:`RESERVED`, saying how to group by it anyway.
    """
    if group_by in RESERVED:
        raise ParameterError(
            f"`{name}` {group_by!r}: the grouped tables already have a column {group_by!r} "
            "(the actor's type, the frame's name or a count), so the groups cannot be told "
            f"from it. Copy the column under another name (e.g. '{group_by}_group') in "
            "metadata.csv or the CSV/JSONL, and group by that."
        )


def group_labels(
    documents: pd.DataFrame,
    group_by: str,
    *,
    period: str | None = None,
    name: str = "group_by",
    strict: bool = True,
) -> pd.DataFrame:
    """Map each document to its group: the value of a metadata column.

    Parameters
    ----------
    documents
        The documents frame (:func:`framelens.corpus.load`).
    group_by
        Any column of ``documents`` but ``text`` (``"source"``, ``"published"``…).
    period
        For a date column: group by ``"year"``, ``"month"`` or ``"day"``. The ISO 8601
        date as written is read (a time and time zone after it are ignored); a date
        coarser than the period ("2021" by month) is missing, not January.
    name
        The parameter's name in an error message.
    strict
        Refuse a date column with no ISO 8601 date at all (default). False for a part
        of a corpus (one partition), whose dates may all be unreadable while the
        corpus's are not: they are then missing, as any unreadable date.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, group`` (strings; an empty or missing value of any dtype, None, NaN,
        NaT, ``pd.NA`` or a category's missing value, or a date that does not parse
        with ``period``, becomes :data:`MISSING`), sorted by ``doc_id``.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"],
    ...                      "published": ["2024-09-10", "2023-07-01", ""]})
    >>> group_labels(docs, "published", period="year")["group"].tolist()
    ['2024', '2023', '(missing)']
    """
    check_group_by(documents, group_by, name=name)
    ids = doc_ids(documents)
    # any dtype: a category, a pyarrow date or a string column with a missing value
    values = text_values(documents[group_by])
    if period is not None:
        check_choice("period", period, list(_PERIODS))
        day = iso_day(values)
        parsed = pd.to_datetime(day, errors="coerce", format="ISO8601")
        given = values.str.strip() != ""
        if strict and given.any() and day[given].isna().all():
            example = values[given].iloc[0]
            raise ParameterError(
                f"`period` {period!r} groups dates, but `{name}` {group_by!r} holds no ISO "
                f"8601 date (YYYY-MM-DD; e.g. {example!r}): group by a date column such as "
                "'published' (written YYYY-MM-DD), or leave `period` empty."
            )
        values = parsed.dt.strftime(_PERIODS[period]).fillna("")
        # "2021" has no month and "2021-03" no day: not January, not the 1st
        digits = {"year": 4, "month": 7, "day": 10}[period]
        values = values.where(day.fillna("").str.len() >= digits, "")
        unread = given & (values.str.strip() == "")
        if unread.any():
            example = text_values(documents[group_by])[unread].iloc[0]
            warnings.warn(
                f"`{name}` {group_by!r} by {period}: {int(unread.sum())} of {int(given.sum())} "
                f"dated document(s) have no ISO 8601 {period} (e.g. {example!r}) and are "
                f"grouped as {MISSING!r}. Write the dates YYYY-MM-DD to group them.",
                FramelensWarning,
                stacklevel=2,
            )
    else:
        values = _placeholders_missing(values, group_by)
        _warn_alike(values, group_by)
    values = values.where(values.str.strip() != "", MISSING)
    frame = pd.DataFrame({"doc_id": ids.to_numpy(), "group": values.to_numpy()})
    return frame.sort_values("doc_id", kind="stable").reset_index(drop=True)


#: values that stand for "no value" in exported data, read as missing (case ignored):
#: pandas writes ``nan`` (``<NA>``, ``NaT``) when a frame with gaps is made text before it
#: is saved, and databases and spreadsheets export ``NULL``, ``None`` or ``N/A``
PLACEHOLDERS = frozenset({"nan", "none", "null", "n/a", "<na>", "nat"})


def _is_placeholder(values: pd.Series) -> pd.Series:
    return values.str.strip().str.casefold().isin(PLACEHOLDERS)


def is_missing(values: pd.Series) -> pd.Series:
    """Return which group values are missing: empty, or a :data:`PLACEHOLDERS` value.

    Parameters
    ----------
    values
        A metadata column (any dtype; a missing value of any kind is missing).

    Returns
    -------
    pandas.Series
        Booleans, one a value, on ``values``' index.

    Examples
    --------
    >>> is_missing(pd.Series(["TASS", " ", "NULL", None])).tolist()
    [False, True, True, True]
    """
    text = text_values(values)
    return (text.str.strip() == "") | _is_placeholder(text)


def _placeholders_missing(values: pd.Series, group_by: str) -> pd.Series:
    """Return ``values`` with the :data:`PLACEHOLDERS` made empty (missing), and say so."""
    is_placeholder = _is_placeholder(values)
    if not is_placeholder.any():
        return values
    counts = values[is_placeholder].str.strip().value_counts()
    shown = ", ".join(f"{v!r} ×{n}" for v, n in counts.items())
    warnings.warn(
        f"`group_by` {group_by!r}: {int(is_placeholder.sum())} document(s) hold a value that "
        f"stands for no value ({shown}) and are grouped as {MISSING!r}, not as a group of "
        "their own.",
        FramelensWarning,
        stacklevel=3,
    )
    return values.where(~is_placeholder, "")


def with_period(documents: pd.DataFrame, group_by: str, period: str | None) -> pd.DataFrame:
    """Return the documents with ``group_by`` holding its period ("2021"), for grouping.

    Functions that group by a column without a ``period`` option (tone per group, stance
    per group, frame profiles) then group dates by year, month or day as the text
    statistics do. Without ``period`` the documents come back as they are.

    Parameters
    ----------
    documents
        The documents frame.
    group_by
        The date column (``"published"``).
    period
        ``"year"``, ``"month"``, ``"day"`` or None / ``""`` (no change).

    Returns
    -------
    pandas.DataFrame
        A copy of ``documents`` whose ``group_by`` holds :func:`group_labels`' groups
        (:data:`MISSING` for a date that does not parse), in the documents' order.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "published": ["2024-09-10", ""]})
    >>> with_period(docs, "published", "year")["published"].tolist()
    ['2024', '(missing)']
    """
    if not period:
        return documents
    labels = group_labels(documents, group_by, period=period)
    lookup = dict(zip(labels["doc_id"], labels["group"], strict=True))
    out = documents.copy()
    out[group_by] = [lookup[d] for d in doc_ids(documents)]
    return out


#: the date part of an ISO 8601 value: a year, year-month or day, before any time
_ISO_DAY = r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:[T ]\d{1,2}:\d{2}.*)?$"


def day_span(day: str) -> tuple[dt.date, dt.date] | None:
    """Return the first and the last day an ISO 8601 date part stands for.

    A year stands for its whole year, a month for its month, a day for itself: what
    "earliest" (copies) and "read up to" (the exercise record's cuts) compare.

    Parameters
    ----------
    day
        ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (as :func:`iso_day` gives it).

    Returns
    -------
    tuple of datetime.date, or None
        ``(first, last)``; None when ``day`` is not of that form or no calendar date
        ("2024-13", "2024-02-30", year 0).

    Examples
    --------
    >>> day_span("2024-02")
    (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    >>> day_span("2024")[1], day_span("2024-13")
    (datetime.date(2024, 12, 31), None)
    """
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", str(day).strip())
    if not m:
        return None
    year = int(m.group(1))
    try:
        if m.group(3):
            one = dt.date(year, int(m.group(2)), int(m.group(3)))
            return one, one
        first = dt.date(year, int(m.group(2) or 1), 1)
        month = int(m.group(2) or 12)
        after = dt.date(year + month // 12, month % 12 + 1, 1)
    except ValueError:  # month 13, day 30 of February, year 0
        return None
    return first, after - dt.timedelta(days=1)


def iso_day(values: pd.Series) -> pd.Series:
    """Return the date part of ISO 8601 values as written, missing for other values.

    A time and zone after the date are dropped ("2021-03-04T23:59:59+05:00" is
    "2021-03-04"), so a column mixing zones reads and a day stays the source's day.

    Parameters
    ----------
    values
        Date strings (``published``).

    Returns
    -------
    pandas.Series
        ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (not checked as a calendar date), or
        missing when the value is not of that form.

    Examples
    --------
    >>> iso_day(pd.Series(["2021-03-04T10:00:00Z", "2021", "04/03/2021"])).tolist()
    ['2021-03-04', '2021', nan]
    """
    return values.astype(str).str.strip().str.extract(_ISO_DAY, expand=False)


def group_of(
    frame: pd.DataFrame,
    documents: pd.DataFrame | None,
    group_by: str | None,
    *,
    period: str | None = None,
    name: str = "group_by",
) -> np.ndarray:
    """Return the group of each row of ``frame`` (any table with a ``doc_id`` column).

    Parameters
    ----------
    frame
        Rows to label (sentences, scores, counts…): their ``doc_id`` is looked up.
    documents, group_by, period, name
        As for :func:`group_labels`; a ``doc_id`` not among the documents is
        :data:`MISSING`, with a warning (none among them: an error,
        :func:`framelens.params.check_same_documents`).

    Returns
    -------
    numpy.ndarray
        One group label (str) per row of ``frame``.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "source": ["X", ""]})
    >>> group_of(pd.DataFrame({"doc_id": ["a", "b", "a"]}), docs, "source").tolist()
    ['X', '(missing)', 'X']
    """
    if group_by is None or documents is None:
        raise ParameterError(
            "grouping needs `group_by` (a metadata column) and the `documents` frame."
        )
    check_columns("frame", frame, ["doc_id"])
    check_same_documents(frame, documents, name=None)
    labels = group_labels(documents, group_by, period=period, name=name)
    lookup = dict(zip(labels["doc_id"], labels["group"], strict=True))
    return np.asarray([lookup.get(d, MISSING) for d in text_values(frame["doc_id"])], dtype=object)
