"""Validate parameters with messages that name the parameter, the value and what is allowed.

One checker per kind of parameter, used by library functions and by the notebooks'
validation cells alike.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable, Sequence
from numbers import Integral, Real
from pathlib import Path
from typing import Any

from .errors import ParameterError

__all__ = [
    "check_bool",
    "check_choice",
    "check_columns",
    "check_int",
    "check_number",
    "check_path",
    "check_same_documents",
    "check_str_list",
    "doc_ids",
    "in_order",
    "looked_in",
    "suggest",
    "text_values",
]


def suggest(name: str, known: Iterable[str]) -> str:
    """Return ``" (did you mean 'x'?)"`` for the closest known name, or ``""``.

    Parameters
    ----------
    name
        The name passed (made a string).
    known
        The names allowed.

    Returns
    -------
    str
        The hint, to append to an error message, naming the known name most like
        ``name`` (similarity at least 0.7, :func:`difflib.get_close_matches`); ``""``
        when none is close enough.

    Examples
    --------
    >>> suggest("windw", ["window", "top_n"])
    " (did you mean 'window'?)"
    """
    close = difflib.get_close_matches(str(name), list(known), n=1, cutoff=0.7)
    return f" (did you mean {close[0]!r}?)" if close else ""


def check_choice(name: str, value: Any, choices: Sequence[Any]) -> Any:
    """Return ``value`` if it is one of ``choices``, else raise :class:`ParameterError`.

    Parameters
    ----------
    name
        The parameter's name, as the message shows it.
    value
        The value passed.
    choices
        The values allowed (compared with ``in``).

    Returns
    -------
    object
        ``value``, unchanged.

    Raises
    ------
    ParameterError
        When ``value`` is not one of ``choices``; the message lists them and, for a
        string, suggests the closest (:func:`suggest`).

    Examples
    --------
    >>> check_choice("method", "vader", ["vader", "pattern"])
    'vader'
    """
    if value not in choices:
        hint = suggest(value, [str(c) for c in choices]) if isinstance(value, str) else ""
        raise ParameterError(
            f"`{name}` must be one of {list(choices)}, but {value!r} was passed{hint}."
        )
    return value


def check_int(
    name: str, value: Any, *, min_value: int | None = None, max_value: int | None = None
) -> int:
    """Return ``value`` as an ``int`` if it is a whole number within the bounds.

    Parameters
    ----------
    name
        The parameter's name, as the message shows it.
    value
        The value passed: an integer, or a float with a whole value (``3.0``); never a
        bool.
    min_value, max_value
        The smallest and largest values allowed, inclusive (None: no bound).

    Returns
    -------
    int
        ``value`` as an ``int``.

    Raises
    ------
    ParameterError
        When ``value`` is not a whole number or lies outside the bounds.

    Examples
    --------
    >>> check_int("top_n", 20, min_value=1)
    20
    """
    if isinstance(value, bool) or not isinstance(value, Integral):
        if isinstance(value, Real) and not isinstance(value, bool) and float(value).is_integer():
            value = int(value)
        else:
            raise ParameterError(
                f"`{name}` must be a whole number, but {value!r} ({type(value).__name__}) "
                "was passed."
            )
    value = int(value)
    _check_range(name, value, min_value, max_value)
    return value


def check_number(
    name: str,
    value: Any,
    *,
    min_value: float | None = None,
    max_value: float | None = None,
) -> float:
    """Return ``value`` as a ``float`` if it is a finite number within the bounds.

    Parameters
    ----------
    name
        The parameter's name, as the message shows it.
    value
        The value passed: any real number but a bool, NaN or an infinity.
    min_value, max_value
        The smallest and largest values allowed, inclusive (None: no bound).

    Returns
    -------
    float
        ``value`` as a ``float``.

    Raises
    ------
    ParameterError
        When ``value`` is not a finite number or lies outside the bounds.

    Examples
    --------
    >>> check_number("threshold", 0.05, min_value=-1, max_value=1)
    0.05
    """
    if isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(value):
        raise ParameterError(
            f"`{name}` must be a finite number, but {value!r} ({type(value).__name__}) was passed."
        )
    value = float(value)
    _check_range(name, value, min_value, max_value)
    return value


def _check_range(name: str, value: float, lo: float | None, hi: float | None) -> None:
    if lo is not None and value < lo or hi is not None and value > hi:
        if hi is None:
            bound = f"at least {lo}"
        elif lo is None:
            bound = f"at most {hi}"
        else:
            bound = f"between {lo} and {hi}"
        raise ParameterError(f"`{name}` must be {bound}, but {value!r} was passed.")


def check_bool(name: str, value: Any) -> bool:
    """Return ``value`` if it is ``True`` or ``False``.

    Parameters
    ----------
    name
        The parameter's name, as the message shows it.
    value
        The value passed; only a Python ``bool`` passes (not 0, 1 or ``"yes"``).

    Returns
    -------
    bool
        ``value``, unchanged.

    Raises
    ------
    ParameterError
        When ``value`` is not a ``bool``.

    Examples
    --------
    >>> check_bool("include_embeds", False)
    False
    """
    if not isinstance(value, bool):
        raise ParameterError(
            f"`{name}` must be True or False, but {value!r} ({type(value).__name__}) was passed."
        )
    return value


def check_str_list(name: str, value: Any, *, allow_empty: bool = True) -> list[str]:
    """Return ``value`` as a list of strings; a single string becomes a one-item list.

    Parameters
    ----------
    name
        The parameter's name, as the message shows it.
    value
        The value passed: a string, or a list or tuple of strings.
    allow_empty
        Accept an empty list (default True).

    Returns
    -------
    list of str
        A new list of the strings, in their order.

    Raises
    ------
    ParameterError
        When ``value`` is not a string or a list or tuple of strings, or is empty and
        ``allow_empty`` is False.

    Examples
    --------
    >>> check_str_list("terms", "escalat*")
    ['escalat*']
    """
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ParameterError(f"`{name}` must be a list of strings, but {value!r} was passed.")
    if not allow_empty and not value:
        raise ParameterError(f"`{name}` must name at least one item, but an empty list was passed.")
    return list(value)


def check_path(name: str, value: Any, *, must_exist: bool = True) -> Path:
    """Return ``value`` as a :class:`~pathlib.Path`, checking that it exists.

    Parameters
    ----------
    name
        The parameter's name, as the message shows it.
    value
        The value passed: a non-empty string or a :class:`~pathlib.Path`; a relative
        path starts from the current folder.
    must_exist
        Require that a file or folder exists there (default True).

    Returns
    -------
    pathlib.Path
        ``Path(value)``, as given (not resolved).

    Raises
    ------
    ParameterError
        When ``value`` is not a path, or ``must_exist`` and nothing is there.

    Examples
    --------
    >>> check_path("output_dir", "/tmp", must_exist=True).name
    'tmp'
    """
    if not isinstance(value, str | Path) or str(value) == "":
        raise ParameterError(f"`{name}` must be a path (a string), but {value!r} was passed.")
    path = Path(value)
    if must_exist and not path.exists():
        raise ParameterError(f"`{name}` {str(value)!r}: no such file or folder{looked_in(path)}.")
    return path


def looked_in(path: str | Path) -> str:
    """Say where a relative path that does not exist was looked for (``""`` if absolute).

    A notebook runs in ``notebooks/``: a folder beside it is ``../my_articles``, which a
    beginner writes ``my_articles``.

    Parameters
    ----------
    path
        The path as given.

    Returns
    -------
    str
        ``" (looked in <cwd>; relative paths start from the notebook's folder: a folder
        beside it is '../name')"``, or ``""`` for an absolute path.
    """
    path = Path(path)
    if path.is_absolute():
        return ""
    return (
        f" (looked in {Path.cwd()}; relative paths start from the notebook's folder: a "
        f"folder beside it is '../{path.as_posix()}')"
    )


#: the frames the corpus functions make, by the columns that tell them apart (most
#: specific first), and the call that makes each: what :func:`check_columns` names when
#: a frame of another kind is passed
FRAME_KINDS = (
    ("tokens", ("token_id", "token"), "framelens.corpus.tokenize"),
    ("sentences", ("sent_id", "text"), "framelens.corpus.segment"),
    ("documents", ("doc_id", "text"), "framelens.corpus.load"),
)


def frame_kind(frame: Any) -> str | None:
    """Return which corpus frame ``frame`` looks like: its kind and the call that makes it.

    Parameters
    ----------
    frame
        Any value.

    Returns
    -------
    str or None
        ``"the sentences frame (framelens.corpus.segment)"`` and the like, from the
        columns of :data:`FRAME_KINDS`; None for anything else.

    Examples
    --------
    >>> import pandas as pd
    >>> frame_kind(pd.DataFrame(columns=["doc_id", "title", "text"]))
    'the documents frame (framelens.corpus.load)'
    >>> frame_kind(pd.DataFrame(columns=["term", "count"])) is None
    True
    """
    columns = set(getattr(frame, "columns", ()))
    for kind, needs, made_by in FRAME_KINDS:
        if set(needs) <= columns:
            return f"the {kind} frame ({made_by})"
    return None


def check_columns(
    name: str, frame: Any, required: Iterable[str], *, made_by: str | None = None
) -> None:
    """Raise :class:`ParameterError` unless ``frame`` is a DataFrame with ``required`` columns.

    The message names the missing columns, the ones the frame has, what it looks like
    when it is one of the corpus frames of another kind (:func:`frame_kind`), and what
    to pass instead.

    Parameters
    ----------
    name
        The parameter's name, as the message shows it (``"sentences"``).
    frame
        The value passed.
    required
        The columns it must have.
    made_by
        The function whose table is expected (``"framelens.stats.top_terms"``), named in
        the message; default None: the ``name`` frame made by framelens.

    Examples
    --------
    >>> import pandas as pd
    >>> check_columns("sentences", pd.DataFrame({"doc_id": []}), ["doc_id"])
    >>> check_columns("sentences", pd.DataFrame({"doc_id": []}), ["doc_id", "text"])
    Traceback (most recent call last):
    ...
    framelens.errors.ParameterError: `sentences` lacks the column(s) ['text']; it has \
['doc_id']. Pass the sentences frame made by framelens (framelens.corpus.segment).
    >>> s = pd.DataFrame(columns=["doc_id", "sent_id", "text"])
    >>> check_columns("top", s, ["term", "count"], made_by="framelens.stats.top_terms")
    Traceback (most recent call last):
    ...
    framelens.errors.ParameterError: `top` lacks the column(s) ['term', 'count']; it has \
['doc_id', 'sent_id', 'text']: it looks like the sentences frame \
(framelens.corpus.segment). Pass the table framelens.stats.top_terms returns.
    """
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        raise ParameterError(
            f"`{name}` must be a pandas DataFrame, but {type(frame).__name__} was passed."
        )
    missing = [c for c in required if c not in frame.columns]
    if missing:
        kind = frame_kind(frame)
        looks = f": it looks like {kind}" if kind and f"the {name} " not in kind else ""
        makers = {kind: maker for kind, _, maker in FRAME_KINDS}
        if made_by:
            want = f"the table {made_by} returns"
        elif name in makers:
            want = f"the {name} frame made by framelens ({makers[name]})"
        else:
            want = f"the {name} frame made by framelens (see the function's docstring)"
        raise ParameterError(
            f"`{name}` lacks the column(s) {missing}; it has {list(frame.columns)}{looks}. "
            f"Pass {want}."
        )


# ---------------------------------------------------------------------------------------
# the corpus frames as the functions read them: missing values, ids, row order


def text_values(values: Any) -> Any:
    """Return a column as strings, a missing value (None, NaN, NaT, ``pd.NA``) as ``""``.

    Every function that reads a text, a date or a label of the documents frame reads it
    through this: a frame built with pandas (``read_csv`` with an empty cell, a
    ``string`` or pyarrow column, dates, a ``category`` column) gives the empty string
    where a value is missing, as :func:`framelens.corpus.load` does, never ``"nan"`` or
    ``"<NA>"``.

    Parameters
    ----------
    values
        A pandas Series of any dtype (or anything :class:`pandas.Series` takes).

    Returns
    -------
    pandas.Series
        The values as ``str`` (dates as pandas writes them, ``"2024-09-10"``; a float
        column of whole numbers, as pandas reads a year or id column with a gap, without
        its ``.0``), ``""`` where missing, with the index of ``values``.

    Examples
    --------
    >>> import pandas as pd
    >>> text_values(pd.Series(["Drills.", None], dtype="string")).tolist()
    ['Drills.', '']
    >>> text_values(pd.to_datetime(pd.Series(["2024-09-10", None]))).tolist()
    ['2024-09-10', '']
    >>> text_values(pd.Series([2019.0, None, 2021.0])).tolist()  # a year column with a gap
    ['2019', '', '2021']
    """
    import pandas as pd

    if not isinstance(values, pd.Series):
        values = pd.Series(values)
    missing = values.isna().to_numpy()
    if pd.api.types.is_float_dtype(values) and _whole_numbers(values[~missing]):
        # a year or id column with a gap, which pandas makes float: 2019.0 is "2019"
        values = values.astype("Int64")
    text = values.astype(str)
    if missing.any():
        text = text.where(~missing, "")
    return text


def _whole_numbers(values: Any) -> bool:
    """Return True when every value is a whole number that an int64 holds."""
    import numpy as np

    array = values.to_numpy(dtype="float64")
    return bool(
        len(array) and np.isfinite(array).all() and (np.abs(array) < 2**53).all()
        and (array == np.round(array)).all()
    )  # fmt: skip


def doc_ids(documents: Any, *, name: str = "documents") -> Any:
    """Return the ``doc_id`` column as strings, refusing ids missing, repeated or alike.

    Sentences, tokens and every table carry ``doc_id`` as a string: the documents' ids
    are compared to them as strings (integer ids, what ``read_csv`` gives, are ``"1"``,
    ``"2"``). Ids that are one once written as strings (``1`` and ``"1"``) would merge
    two documents, and are refused as repeated ids are.

    Parameters
    ----------
    documents
        The documents frame (a ``doc_id`` column).
    name
        The parameter's name, as the message shows it.

    Returns
    -------
    pandas.Series
        The ids as ``str``, with the index of ``documents``.

    Raises
    ------
    ParameterError
        When ``documents`` has no ``doc_id`` column, an id is missing, or two rows have
        the same id as strings.

    Examples
    --------
    >>> import pandas as pd
    >>> doc_ids(pd.DataFrame({"doc_id": [1, 2]})).tolist()
    ['1', '2']
    >>> doc_ids(pd.DataFrame({"doc_id": [1, "1"]}))
    Traceback (most recent call last):
    ...
    framelens.errors.ParameterError: `documents` needs one row per document, with a \
doc_id: 2 rows have the doc_id '1' once written as text (1 (int), '1' (str)), so their \
sentences would merge. Give each document its own id.
    """
    check_columns(name, documents, ["doc_id"])
    raw = documents["doc_id"]
    missing = raw.isna()
    repeated = raw.duplicated()
    if missing.any() or repeated.any():
        bad = sorted({str(v) for v in raw[repeated | missing]})[:5]
        raise ParameterError(
            f"`{name}` needs one row per document, with a doc_id: {bad} are missing or "
            "repeated (two rows with one doc_id would merge their sentences). "
            "corpus.load checks this for files; check a frame you build yourself."
        )
    ids = text_values(raw)
    alike = ids.duplicated(keep=False)
    if alike.any():
        first = ids[alike].iloc[0]
        same = raw[(ids == first).to_numpy()].tolist()
        shown = ", ".join(f"{v!r} ({type(v).__name__})" for v in same[:4])
        raise ParameterError(
            f"`{name}` needs one row per document, with a doc_id: {len(same)} rows have the "
            f"doc_id {first!r} once written as text ({shown}), so their sentences would "
            "merge. Give each document its own id."
        )
    return ids


def check_same_documents(
    frame: Any,
    documents: Any,
    *,
    name: str | None = "sentences",
    documents_name: str = "documents",
) -> None:
    """Warn when rows name documents that are not in ``documents``; refuse when none are.

    Sentences (or scores, counts) of one corpus passed with the documents of another
    would find no date, no group and no metadata for any of them.

    Parameters
    ----------
    frame
        A table with a ``doc_id`` column (sentences, scores, counts).
    documents
        The documents frame (a ``doc_id`` column), ids compared as strings
        (:func:`doc_ids`).
    name
        The parameter's name of ``frame``, as the messages show it; None: "the rows to
        group" (for a helper whose caller's parameter is not known).
    documents_name
        The parameter's name of ``documents``.

    Returns
    -------
    None

    Raises
    ------
    ParameterError
        When ``frame`` has rows and none of their documents is in ``documents``.

    Warns
    -----
    FramelensWarning
        When some of the documents of ``frame`` are not in ``documents``: how many, and
        a few of them.

    Examples
    --------
    >>> import pandas as pd
    >>> check_same_documents(pd.DataFrame({"doc_id": ["a"]}), pd.DataFrame({"doc_id": ["a"]}))
    >>> check_same_documents(pd.DataFrame({"doc_id": ["x"]}), pd.DataFrame({"doc_id": ["a"]}))
    Traceback (most recent call last):
    ...
    framelens.errors.ParameterError: `sentences` and `documents` have no document in \
common: `sentences` name 1 document(s) (e.g. 'x'), none of them among the 1 of \
`documents` (e.g. 'a'). Pass the documents they were made from.
    """
    import warnings

    from .errors import FramelensWarning

    subject = f"`{name}`" if name else "the rows to group"
    check_columns(name or "frame", frame, ["doc_id"])
    ids = set(doc_ids(documents, name=documents_name))
    theirs = sorted(set(text_values(frame["doc_id"])))
    absent = [d for d in theirs if d not in ids]
    if not absent:
        return
    if len(absent) == len(theirs):
        raise ParameterError(
            f"{subject} and `{documents_name}` have no document in common: {subject} name "
            f"{len(theirs)} document(s) (e.g. {', '.join(map(repr, theirs[:3]))}), none of "
            f"them among the {len(ids)} of `{documents_name}`"
            + (f" (e.g. {', '.join(map(repr, sorted(ids)[:3]))})" if ids else "")
            + ". Pass the documents they were made from."
        )
    warnings.warn(
        f"{subject} name {len(absent)} document(s) that are not in `{documents_name}` "
        f"({len(absent)} of {len(theirs)}; e.g. {', '.join(map(repr, absent[:3]))}): they "
        "have no metadata there (no date; group '(missing)'). Pass the documents they were "
        "made from.",
        FramelensWarning,
        stacklevel=3,
    )


def in_order(sentences: Any) -> Any:
    """Return the sentences sorted by document and position, the caller's frame untouched.

    Functions that carry something from one sentence to the next (the last reference a
    claim refers back to, the credit line of an embedded post) read the sentences in
    this order, so their results do not depend on the frame's row order.

    Parameters
    ----------
    sentences
        A frame with ``doc_id`` and ``sent_id`` (``start``, when present, orders
        sentences with the same ``sent_id``).

    Returns
    -------
    pandas.DataFrame
        ``sentences`` itself when already in that order, else a sorted copy (ids
        compared as strings, ``sent_id`` as numbers) with a fresh index.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"doc_id": ["b", "a", "a"], "sent_id": [0, 1, 0]})
    >>> in_order(s).values.tolist()
    [['a', 0], ['a', 1], ['b', 0]]
    """
    import pandas as pd

    keys = pd.DataFrame(
        {
            "d": text_values(sentences["doc_id"]).to_numpy(),
            "s": pd.to_numeric(sentences["sent_id"], errors="coerce").to_numpy(),
        }
    )
    if "start" in sentences.columns:
        keys["o"] = pd.to_numeric(sentences["start"], errors="coerce").to_numpy()
    order = keys.sort_values(list(keys.columns), kind="stable").index.to_numpy()
    if pd.Index(order).equals(keys.index):
        return sentences
    return sentences.iloc[order].reset_index(drop=True)
