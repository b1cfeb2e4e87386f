"""Load a corpus, segment it into sentences, tokenize it.

The frames that flow through every analysis:

``documents``
    ``doc_id, title, source, published, url, text`` plus any extra metadata columns.
    One row a document. ``doc_id`` is stable and safe in a file name.
``sentences``
    ``doc_id, para_id, sent_id, start, end, text, kind``. One row a sentence; ``start``
    and ``end`` are character offsets into the document's ``text``; ``kind`` is
    ``"prose"`` for the article's own text and ``"embed"`` for embedded social-media
    posts and their credit lines.
``tokens``
    ``doc_id, sent_id, token_id, start, end, token, lower, type`` with ``type`` one of
    ``word, number, url, mention, hashtag, punct``.

Every per-document function here works on any subset of documents (a partition), so the
same code maps over a distributed corpus. Segmentation is a function of the document
alone (the shipped abbreviation list); learning more abbreviations from a corpus
(:func:`learn_abbreviations`) is an explicit, corpus-wide step whose result is passed to
:func:`segment`.
"""

from __future__ import annotations

import bisect
import csv
import gc
import io
import json
import os
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from . import resources
from ._punkt import SentenceSplitter
from .errors import FramelensWarning, InputError, ParameterError
from .params import (
    check_choice,
    check_columns,
    check_same_documents,
    doc_ids,
    suggest,
    text_values,
)

__all__ = [
    "SPEC_DEFAULTS",
    "CorpusSpec",
    "DOCUMENT_COLUMNS",
    "SENTENCE_COLUMNS",
    "TOKEN_COLUMNS",
    "BOILERPLATE_COLUMNS",
    "boilerplate",
    "embeds",
    "learn_abbreviations",
    "load",
    "overview",
    "segment",
    "tokenize",
    "words",
]

DOCUMENT_COLUMNS = ["doc_id", "title", "source", "published", "url", "text"]
SENTENCE_COLUMNS = ["doc_id", "para_id", "sent_id", "start", "end", "text", "kind"]
TOKEN_COLUMNS = ["doc_id", "sent_id", "token_id", "start", "end", "token", "lower", "type"]
EMBED_COLUMNS = [
    "doc_id",
    "embed_id",
    "para_id",
    "start",
    "end",
    "name",
    "handle",
    "date",
    "link",
    "text",
]

OnError = Literal["raise", "skip"]

# ---------------------------------------------------------------------------------------
# the corpus spec

#: how a corpus is read: the options every notebook declares (same names, same defaults),
#: the runner checks before any kernel starts, and both engines pass to the loaders
SPEC_DEFAULTS: dict[str, str] = {
    "text_column": "text",
    "id_column": "doc_id",
    "date_column": "published",
    "encoding": "utf-8",
    "delimiter": ",",
    "on_error": "raise",
}
#: the longest doc_id kept as it is; longer ones are cut and end in a hash of the whole
MAX_ID_CHARS = 80


@dataclass(frozen=True)
class CorpusSpec:
    r"""Where a corpus is and how to read it: one value that every step passes on.

    Parameters
    ----------
    path
        A folder of ``.txt`` (with an optional ``metadata.csv``), a ``.csv``, a
        ``.jsonl``, Parquet shards or a glob of shards.
    text_column, id_column
        Column (CSV, Parquet) or field (JSONL) of the text and of the document id.
        Without an id column, ids are ``doc0001``, ``doc0002``… in file order.
    date_column
        Column or field of the publication date; it becomes ``published``. The default
        ``published`` may be absent (no dates); any other name must exist.
    encoding
        Encoding of the files (``utf-8``, ``latin-1``, ``utf-16``…).
    delimiter
        Field delimiter of a CSV corpus (``,``; ``;`` or ``\t`` for others).
    on_error
        ``"raise"`` stops at an unreadable file; ``"skip"`` lists it and goes on.

    Examples
    --------
    >>> CorpusSpec("articles.csv", text_column="body").options()["text_column"]
    'body'
    """

    path: str
    text_column: str = SPEC_DEFAULTS["text_column"]
    id_column: str = SPEC_DEFAULTS["id_column"]
    date_column: str = SPEC_DEFAULTS["date_column"]
    encoding: str = SPEC_DEFAULTS["encoding"]
    delimiter: str = SPEC_DEFAULTS["delimiter"]
    on_error: str = SPEC_DEFAULTS["on_error"]

    def __post_init__(self) -> None:
        check_spec(asdict(self))

    def options(self) -> dict[str, str]:
        """Return the reading options (everything but the path) as keyword arguments.

        Returns
        -------
        dict of str to str
            ``text_column, id_column, date_column, encoding, delimiter, on_error`` with
            this spec's values, as :func:`load` takes them.
        """
        out = asdict(self)
        out.pop("path")
        return out

    @classmethod
    def from_parameters(cls, values: dict[str, Any]) -> CorpusSpec:
        """Build the spec from notebook parameters (``corpus_path`` and the spec names).

        Parameters
        ----------
        values
            The notebook's parameters: ``corpus_path`` (an empty path when absent) and
            any of the names of :data:`SPEC_DEFAULTS`; a name that is absent takes its
            default, other keys are ignored.

        Returns
        -------
        CorpusSpec
            The spec, its options checked (:func:`check_spec`).
        """
        return cls(
            str(values.get("corpus_path", "")),
            **{k: values.get(k, v) for k, v in SPEC_DEFAULTS.items()},
        )


def check_spec(values: dict[str, Any]) -> None:
    r"""Check the corpus options; raise :class:`ParameterError` naming the bad one.

    Parameters
    ----------
    values
        Option names and values, any of those of :data:`SPEC_DEFAULTS` (absent ones are
        not checked, other keys are ignored): ``text_column``, ``id_column``,
        ``date_column`` and ``encoding`` must be non-empty strings, ``encoding`` one
        Python knows, ``delimiter`` one character other than a quote or a line end
        (the two characters ``\t`` also mean a tab), ``on_error`` ``"raise"`` or
        ``"skip"``.

    Raises
    ------
    ParameterError
        For the first option that fails, naming it and the value passed.

    Examples
    --------
    >>> check_spec({"text_column": ""})
    Traceback (most recent call last):
    ...
    framelens.errors.ParameterError: `text_column` must be a non-empty string, but '' was passed.
    """
    for name in ("text_column", "id_column", "date_column", "encoding"):
        if name in values and (not isinstance(values[name], str) or not values[name].strip()):
            raise ParameterError(
                f"`{name}` must be a non-empty string, but {values[name]!r} was passed."
            )
    if "delimiter" in values:
        d = values["delimiter"]
        d = "\t" if d == "\\t" else d
        if not isinstance(d, str) or len(d) != 1 or d in '"\n\r':
            raise ParameterError(
                "`delimiter` must be one character (e.g. ',', ';' or '\\t'), but "
                f"{values['delimiter']!r} was passed."
            )
    if "on_error" in values:
        check_choice("on_error", values["on_error"], ["raise", "skip"])
    if "encoding" in values:
        _check_encoding_name(values["encoding"])


def _delimiter(d: str) -> str:
    return "\t" if d == "\\t" else d


# ---------------------------------------------------------------------------------------
# loading


def is_glob(path: str | Path) -> bool:
    """Return True if a corpus path is a glob of shards, not a file or folder.

    A glob has ``*``, ``?`` or ``[`` and is not itself an existing path: "news
    [2024]/articles.csv" that exists is read as the file it names.

    Parameters
    ----------
    path
        The corpus path.

    Returns
    -------
    bool
        Whether to expand it as a glob.

    Examples
    --------
    >>> is_glob("shards/2024-*.parquet"), is_glob("articles.csv")
    (True, False)
    """
    text = str(path)
    return any(ch in text for ch in "*?[") and not Path(text).exists()


def _is_parquet(p: Path) -> bool:
    """Return True for a ``.parquet`` file or a folder of them (and no ``.txt``)."""
    if p.is_file():
        return p.suffix.lower() == ".parquet"
    if p.is_dir():
        return any(p.glob("*.parquet")) and not any(p.glob("*.txt"))
    return False


def load(
    path: str | Path | CorpusSpec,
    *,
    encoding: str = "utf-8",
    text_column: str = "text",
    id_column: str = "doc_id",
    on_error: OnError = "raise",
    date_column: str = "published",
    delimiter: str = ",",
) -> pd.DataFrame:
    """Load a corpus into the documents frame.

    Parameters
    ----------
    path
        A folder of ``.txt`` files (metadata from an optional ``metadata.csv`` beside
        them, keyed on ``doc_id`` = the file name without ``.txt``), a ``.csv`` file or a
        ``.jsonl`` file (one JSON object a line); Parquet shards (a ``.parquet`` file or
        a folder of them) or a glob of shards (``'shards/2024-*.parquet'``), read whole
        as :func:`framelens.scale.load` does; or a :class:`CorpusSpec`, whose options
        then replace the keyword arguments.
    encoding
        Encoding of the files (default UTF-8). A file that does not decode is an error
        naming the file and byte offset.
    text_column, id_column
        Columns of a CSV or JSONL corpus that hold the text and the document id. Without
        an id column, ids are ``doc0001``, ``doc0002``… in file order.
    on_error
        ``"raise"`` (default) stops at the first unreadable file; ``"skip"`` warns, skips
        it and lists it in ``documents.attrs["skipped"]`` (path and reason), so the rest
        is analysed. Only whole files are skipped; a CSV or JSONL with a bad row is
        always an error naming the line.
    date_column
        The column or field of the publication date, copied to ``published`` (the
        default ``published`` may be absent; another name must exist).
    delimiter
        The field delimiter of a CSV corpus (and of ``metadata.csv``).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, title, source, published, url, text`` and any extra metadata columns,
        all strings (unknown values are empty strings), sorted by ``doc_id``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Drills began. Ships sailed.", encoding="utf-8")
    >>> load(d)[["doc_id", "text"]].to_dict("records")
    [{'doc_id': 'a', 'text': 'Drills began. Ships sailed.'}]
    """
    if isinstance(path, CorpusSpec):
        return load(path.path, **path.options())
    check_spec(
        {
            "encoding": encoding,
            "text_column": text_column,
            "id_column": id_column,
            "date_column": date_column,
            "delimiter": delimiter,
            "on_error": on_error,
        }
    )
    delimiter = _delimiter(delimiter)
    if not isinstance(path, str | Path) or str(path) == "":
        raise ParameterError(f"`corpus_path` must be a path (a string), but {path!r} was passed.")
    p = Path(path)
    if is_glob(path) or _is_parquet(p):
        # a glob or Parquet shards: read every shard as the local engine does
        from . import scale

        return scale.load(
            path,
            engine="local",
            encoding=encoding,
            text_column=text_column,
            id_column=id_column,
            on_error=on_error,
            date_column=date_column,
            delimiter=delimiter,
        )
    if not p.exists():
        from .params import looked_in

        raise InputError(
            f"corpus_path {str(path)!r}: no such file or folder{looked_in(path)} "
            "(expected a folder of .txt, a .csv, a .jsonl, Parquet shards or a glob)."
        )
    skipped: list[dict[str, str]] = []
    if p.is_dir():
        docs = _load_folder(p, encoding, on_error, skipped, delimiter)
    elif p.suffix.lower() == ".csv":
        docs = _load_csv(p, encoding, text_column, id_column, delimiter)
    elif p.suffix.lower() in {".jsonl", ".ndjson"}:
        docs = _load_jsonl(p, encoding, text_column, id_column)
    elif p.suffix.lower() == ".txt":
        docs = _load_folder_files([p], p.parent, encoding, on_error, skipped, delimiter)
    else:
        raise InputError(
            f"corpus_path {str(path)!r}: unsupported file type {p.suffix!r} "
            "(expected a folder of .txt, a .csv, a .jsonl or .parquet shards)."
            + FORMAT_HINTS.get(p.suffix.lower().lstrip("."), "")
        )
    docs = _dates(docs, date_column, str(path))
    docs = _finish(docs, str(path))
    _warn_dates(docs, date_column, str(path))
    # the file's line numbers served its messages; kept, pandas would copy them in every
    # operation on the documents (4,000 documents' cuts took 44 s, 1,000's 5.7 s)
    docs.attrs.pop("lines", None)
    docs.attrs["skipped"] = Shared(skipped)
    return docs


class Shared(list):
    """A list in a frame's ``attrs`` that pandas shares with the frames made from it.

    pandas deep-copies ``attrs`` in nearly every operation (a selection, a column, a
    copy); a list of one item a document made each of them cost as much as the corpus is
    long, and a loop over documents quadratic. This list is never changed after it is
    made, so the frames share it.
    """

    def __deepcopy__(self, memo: dict) -> Shared:
        return self


def _warn_dates(docs: pd.DataFrame, date_column: str, where: str) -> None:
    """Warn when publication dates are not ISO 8601: they would count as missing."""
    values = docs["published"].astype(str).str.strip()
    given = values[values != ""]
    if given.empty:
        return
    from .groups import iso_day

    days = pd.to_datetime(iso_day(given), errors="coerce", format="ISO8601", utc=True)
    ok = days.notna()
    bad = given[~ok]
    later = given[ok & (days > pd.Timestamp.now(tz="UTC"))]
    if len(later):
        ids = docs.loc[later.index, "doc_id"].tolist()
        warnings.warn(
            f"{where}: {len(later)} of {len(given)} dates in column {date_column!r} begin "
            f"after today (e.g. {later.iloc[0]!r} of {ids[0]!r}): a typo in the year, or a "
            "scheduled post? They are kept as written, and periods and the exercise record "
            "run to them.",
            FramelensWarning,
            stacklevel=3,
        )
    if len(bad):
        ids = docs.loc[bad.index, "doc_id"].tolist()
        warnings.warn(
            f"{where}: {len(bad)} of {len(given)} dates in column {date_column!r} are not "
            f"ISO 8601 dates (e.g. {bad.iloc[0]!r} of {ids[0]!r}): they count as missing "
            "when grouping by period, and the exercise record is cut at the end of a "
            "year written in them, not at their day. Write them as YYYY-MM-DD (or YYYY, "
            "YYYY-MM).",
            FramelensWarning,
            stacklevel=3,
        )


#: column names (case, spaces and punctuation aside) that hold ids or dates in exports,
#: named in a warning when the default ``doc_id`` or ``published`` column is absent
_ID_NAMES = frozenset({"docid", "id", "documentid", "articleid", "uid"})
_DATE_NAMES = frozenset(
    {"date", "pubdate", "publicationdate", "publishdate", "publishedat", "datepublished",
     "datetime", "createdat", "created", "timestamp", "time",
     "published", "publication"}  # "Published": an Excel export's capital
)  # fmt: skip


def _looks_like(columns: Iterable[str], names: frozenset[str]) -> str | None:
    """Return the first column whose name, case and punctuation aside, is one of ``names``."""
    return next((c for c in columns if re.sub(r"[\W_]+", "", str(c)).casefold() in names), None)


def _dates(docs: pd.DataFrame, date_column: str, where: str) -> pd.DataFrame:
    """Copy ``date_column`` to ``published``; an explicit column must exist.

    An existing ``published`` column is kept as ``published_original``. Without a date
    column, a column that looks like dates ("Date", "created_at") is named in a warning.
    """
    if date_column == "published":
        if "published" not in docs.columns and (like := _looks_like(docs.columns, _DATE_NAMES)):
            warnings.warn(
                f"{where}: no 'published' column, so the documents have no dates; column "
                f"{like!r} looks like dates: pass date_column={like!r} (framelens run: -p "
                f"date_column {like}).",
                FramelensWarning,
                stacklevel=4,
            )
        if "published" in docs.columns:
            docs = docs.assign(published=_written_dates(docs["published"], date_column, where))
        return docs
    if date_column not in docs.columns:
        raise InputError(
            f"{where}: no date column {date_column!r}; the columns are "
            f"{[c for c in docs.columns if c != 'text']}. Pass the right one with the "
            "`date_column` parameter (or leave it at 'published')."
        )
    docs = docs.copy()
    if "published" in docs.columns:  # kept, as a text or id column taken over is
        docs = docs.rename(columns={"published": aside("published")})
    docs["published"] = _written_dates(docs[date_column].fillna("").astype(str), date_column, where)
    return docs


_MONTH = (
    r"(?P<m>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
#: a time after the day, as exports write it: "10:30 AM", "at 22:05 GMT", "18:00 +0300"
_CLOCK = (
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*(?:[a-z]{2,5}|[+-]\d{2}:?\d{2}|utc[+-]\d{1,2}))?)?"
)
#: an English date with the month's name: "May 20, 2014", "20 May 2014", "Monday, 7
#: December 2026", "Dec. 7, 2026 10:30 AM"; and "May 2014"
_WRITTEN_DATE = re.compile(
    rf"^\s*(?:{_WEEKDAY}{_MONTH}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
    rf"|{_WEEKDAY}(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH.replace('<m>', '<m2>')},?"
    rf"\s+(?P<y2>\d{{4}})|{_MONTH.replace('<m>', '<m3>')},?\s+(?P<y3>\d{{4}})){_CLOCK}\s*$",
    re.IGNORECASE,
)
#: a year as a float column writes it ("2019.0": a year column with a gap, exported)
_FLOAT_YEAR = re.compile(r"^\s*(\d{4})\.0+\s*$")
#: a date whose unknown month or day a database wrote as 00 ("2019-00-00", "2019-05-00")
_ZERO_PARTS = re.compile(r"^\s*(\d{4})(?:-00(?:-00)?|-(0[1-9]|1[0-2])-00)\s*$")


def _iso_written(value: str) -> str | None:
    """Return an English or float-year date as ISO 8601, or None when it is neither."""
    import datetime as dt

    m = _FLOAT_YEAR.match(value)
    if m:
        return m.group(1)
    m = _ZERO_PARTS.match(value)
    if m:
        return f"{m.group(1)}-{m.group(2)}" if m.group(2) else m.group(1)
    m = _WRITTEN_DATE.match(value)
    if not m:
        return None
    name = m.group("m") or m.group("m2") or m.group("m3")
    month = _MONTH_NUMBER[name[:3].lower()]
    year = int(m.group("y1") or m.group("y2") or m.group("y3"))
    day = m.group("d1") or m.group("d2")
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, int(day)).isoformat()
    except ValueError:
        return None  # "February 30, 2024" stays as written, and is named as not a date


_MONTH_NUMBER = {
    m: k for k, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}  # fmt: skip


def _written_dates(values: pd.Series, date_column: str, where: str) -> pd.Series:
    """Read dates written in English ("May 20, 2014"), as float years or with 00 as ISO 8601.

    Exports from news databases write the day with the month's name, and a year column
    with a gap comes out of pandas as "2019.0"; both were read as no date when grouping
    by period; a database writes an unknown month or day as 00 ("2019-00-00" is 2019,
    "2019-05-00" May 2019), which grouping read as no date while notebook 04 read its
    year. Only these unambiguous forms are rewritten (a warning says how many);
    numeric day/month orders ("07/12/2026") are left as written and named as not ISO.
    """
    text = values.fillna("").astype(str)
    iso_like = text.str.match(r"^\s*(?:\d{4}(?:-\d{2}){0,2}(?:[T ].*)?)?\s*$")
    candidates = text[~iso_like | text.str.match(_ZERO_PARTS.pattern)]
    if candidates.empty:
        return values
    rewritten = {i: iso for i, v in candidates.items() if (iso := _iso_written(v))}
    if not rewritten:
        return values
    first = next(iter(rewritten))
    warnings.warn(
        f"{where}: {len(rewritten)} date(s) in column {date_column!r} are read as ISO 8601 "
        f"(e.g. {text[first]!r} as {rewritten[first]!r}): written with the month's name, "
        "a year as a float column writes it, or an unknown month or day as 00.",
        FramelensWarning,
        stacklevel=5,
    )
    out = values.copy()
    out[list(rewritten)] = list(rewritten.values())
    return out


def _check_encoding_name(encoding: str) -> None:
    import codecs

    try:
        codecs.lookup(encoding)
    except (LookupError, TypeError):
        raise ParameterError(
            f"`encoding` {encoding!r} is not an encoding Python knows "
            "(try 'utf-8', 'latin-1' or 'cp1252')."
        ) from None


def _read_text(path: Path, encoding: str) -> str:
    """Read a text file with errors that name the file, the byte offset and the fix."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}).") from None
    utf16 = encoding.lower().replace("-", "").replace("_", "").startswith("utf16")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") and not utf16 and _decodes(data, "utf-16"):
        raise InputError(
            f"{path}: the file is UTF-16 (it starts with a UTF-16 byte-order mark), not "
            f"{encoding}. Pass encoding='utf-16' (framelens run: -p encoding utf-16)."
        )
    if b"\x00" in data[:8192] and not utf16:
        head = data[:8192]
        for name, zeros in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
            # UTF-16 without a byte-order mark: ASCII text has a NUL in every other byte
            if zeros and zeros.count(0) > 0.9 * len(zeros) and _decodes(data, name):
                raise InputError(
                    f"{path}: looks like UTF-16 text without a byte-order mark, not "
                    f"{encoding}. Pass encoding={name!r} (framelens run: -p encoding {name})."
                )
        raise InputError(
            f"{path}: looks like a binary file (it contains NUL bytes), not text. "
            "Remove it from the corpus folder or pass on_error='skip'."
        )
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        # Windows exports: curly quotes and dashes are bytes 0x80-0x9F in cp1252, which
        # latin-1 reads as control characters
        guess = "cp1252" if _decodes(data, "cp1252") else "latin-1"
        utf8 = encoding.lower().replace("_", "-") in ("utf-8", "utf8")
        mostly = _mostly_utf8(data) if utf8 else 0
        if not utf8 and _decodes(data, "utf-8"):
            guess = "utf-8"
        advice = (
            f"The rest of the file reads as UTF-8 ({mostly} other non-ASCII characters "
            f"do): a few bytes come from another encoding (a pasted cp1252 quote?). Mend "
            f"those bytes; reading the whole file as {guess} would garble the others."
            if mostly
            else "If the file uses another encoding, pass it with the `encoding` "
            f"parameter (e.g. encoding={guess!r}; framelens run: -p encoding {guess})."
        )
        raise InputError(
            f"{path}: not valid {encoding} at byte offset {exc.start} (line {line}): "
            f"{data[exc.start : exc.start + 4]!r}. {advice}"
        ) from None
    if text.startswith("\u00ef\u00bb\u00bf"):
        raise InputError(
            f"{path}: starts with a UTF-8 byte order mark read as {encoding} ('ï»¿'): the "
            "file is UTF-8. Pass encoding='utf-8' (framelens run: -p encoding utf-8)."
        )
    if utf16 and data[:2] not in (b"\xff\xfe", b"\xfe\xff") and _decodes(data, "utf-8"):
        # UTF-8 text read two bytes a character: any even length decodes, as CJK
        letters = sum(ch.isascii() and ch.isalpha() for ch in text[:2000])
        if letters < 0.1 * min(len(text), 2000) and sum(b < 128 for b in data) > 0.5 * len(data):
            raise InputError(
                f"{path}: read as {encoding}, the text has almost no Latin letters, but "
                "its bytes read as UTF-8 text: the file is UTF-8 (a folder mixing "
                "encodings? save every file in one). Pass encoding='utf-8' (framelens "
                "run: -p encoding utf-8)."
            )
    control = _C1_CONTROL.search(text)
    if control and _decodes(data, "cp1252"):
        # latin-1 reads Windows' curly quotes and dashes (bytes 0x80-0x9F) as invisible
        # control characters: "don’t" became "don" + "t", and VADER missed the negation
        line = text[: control.start()].count("\n") + 1
        raise InputError(
            f"{path}: read as {encoding}, line {line} holds the control character "
            f"{control.group()!r}, which no text uses: the file is cp1252 (Windows), whose "
            "curly quotes, dashes and ellipses are those bytes. Pass encoding='cp1252' "
            "(framelens run: -p encoding cp1252)."
        )
    return _normalise(text)


#: C1 control characters: what bytes 0x80-0x9F of a Windows (cp1252) file become in latin-1
_C1_CONTROL = re.compile("[\x80-\x9f]")


def _mostly_utf8(data: bytes) -> int:
    """Count the valid UTF-8 non-ASCII characters of bytes that are not all UTF-8."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127) - bad
    return good if good >= 3 * bad else 0


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _normalise(text: str) -> str:
    """Drop a BOM, unify line ends, compose characters (NFC) and mend PDF typography.

    Offsets are into this normalised text. Composed, "naïve" written as "i" + U+0308 is
    the one word it is to a reader, not "nai" and "ve". Characters that only a typesetter
    or a PDF put there are made what a reader sees (:data:`TYPOGRAPHY`): ligatures are
    their letters ("ﬁrepower" is "firepower"), soft hyphens and zero-width characters
    go ("escala\u00adtion" is "escalation"; a joiner only inside a Latin word: Persian
    spelling and joined emoji keep theirs), non-breaking and Unicode hyphens are "-", and
    the modifier letter apostrophe (U+02BC) is the apostrophe "’" it stands for.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if not text.isascii():
        text = text.translate(TYPOGRAPHY)
        if "\u200c" in text or "\u200d" in text:
            text = _LATIN_JOINER.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "-\n" in text:
        text = _LINE_END_HYPHEN.sub(_mend_hyphen, text)
    return text


#: a zero-width (non-)joiner inside a word in Latin letters, where it only breaks the word
#: ("escala\u200dtion"); Persian spelling and joined emoji need theirs
_LATIN_JOINER = re.compile(r"(?<=[A-Za-z])[\u200c\u200d]+(?=[A-Za-z])")


#: a word broken at a line's end, as PDF text wraps it: "secu-\nrity"
_LINE_END_HYPHEN = re.compile(r"\b([^\W\d_]+)-\n[ \t]*([a-z][^\W\d_]*)")


def _mend_hyphen(m: re.Match[str]) -> str:
    r"""Join a word broken at a line's end when the whole is a word of the CMU dictionary.

    "secu-\nrity" is "security"; "well-\nknown", whose whole is no word, keeps its
    hyphen ("well-known"): a compound broken at its own hyphen.
    """
    from .stats.formulas import _load

    whole = m.group(1) + m.group(2)
    if whole.lower() in _load()["cmu"]:
        return whole
    return f"{m.group(1)}-{m.group(2)}"


#: what :func:`load` makes of characters a reader does not see as such: ligatures (PDF
#: text) become their letters, invisible characters inside words go (soft hyphen,
#: zero-width space, word joiner, a byte order mark inside the text; a zero-width joiner or
#: non-joiner only between Latin letters),
#: Unicode hyphens (U+2010, the non-breaking U+2011) are "-", U+02BC is "’"
TYPOGRAPHY = {
    **{ord(k): v for k, v in {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                              "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}.items()},
    **dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff")),
    **dict.fromkeys(map(ord, "\u2010\u2011"), "-"),
    # the modifier letter apostrophe some publishing systems write for "’" ("isnʼt")
    ord("\u02bc"): "\u2019",
}  # fmt: skip


_SAFE_ID = re.compile(r"[^A-Za-z0-9._-]+")


def _safe_id(raw: str) -> str:
    """Return an id safe in a file name: ASCII, no separators, at most 80 characters.

    A longer id is cut and ends in 10 hex digits of the whole id's SHA-1, so it stays
    unique and stable.

    Examples
    --------
    >>> len(_safe_id("x" * 5000)) == MAX_ID_CHARS
    True
    """
    import hashlib

    decomposed = unicodedata.normalize("NFKD", str(raw))
    s = decomposed.encode("ascii", "ignore").decode()
    # letters or digits with no ASCII form ("Москва", "北京") would vanish: the id keeps
    # a digest of the whole name, so distinct names stay distinct
    lossy = any(not ch.isascii() and ch.isalnum() for ch in decomposed)
    s = _SAFE_ID.sub("-", s).strip("-.")
    if lossy:
        digest = hashlib.sha1(str(raw).encode("utf-8")).hexdigest()[:8]
        s = (s[: MAX_ID_CHARS - 9].rstrip("-.") + "-" if s else "doc-") + digest
    if len(s) > MAX_ID_CHARS:
        digest = hashlib.sha1(str(raw).encode("utf-8")).hexdigest()[:10]
        s = s[: MAX_ID_CHARS - 11].rstrip("-.") + "-" + digest
    return s or "doc"


def _safe_ids(raw: Iterable[str]) -> list[str]:
    """:func:`_safe_id` of each name; names made alike by it keep a digest apart.

    "a/b", "a b" and "a-b" all become "a-b": the names that changed get their digest
    ("a-b-1f2e3d4c"), the one written so keeps it. The same name twice stays a duplicate.

    Examples
    --------
    >>> ids = _safe_ids(["a/b", "a-b", "a b"])
    >>> ids[1], ids[0].startswith("a-b-"), len(set(ids))
    ('a-b', True, 3)
    """
    import hashlib

    raw = [str(r) for r in raw]
    safe = [_safe_id(r) for r in raw]
    names: dict[str, set[str]] = {}
    for r, s_ in zip(raw, safe, strict=True):
        names.setdefault(s_, set()).add(r)
    out = []
    for r, s_ in zip(raw, safe, strict=True):
        if len(names[s_]) > 1 and r != s_:
            s_ = s_[: MAX_ID_CHARS - 9] + "-" + hashlib.sha1(r.encode("utf-8")).hexdigest()[:8]
        out.append(s_)
    return out


#: files a researcher may save articles as, which a folder corpus does not read
_DOCUMENT_SUFFIXES = frozenset(
    ".docx .doc .pdf .rtf .odt .html .htm .xml .pages .epub .text".split()
)


_TAB_HINT = (
    " A tab-separated file is read as CSV: rename it to .csv and pass "
    "delimiter='\\t' (framelens run: -p delimiter '\\t')."
)
_SHEET_HINT = (
    " A spreadsheet: export it as CSV (UTF-8) from the spreadsheet program, or "
    "with pandas.read_excel(path).to_csv('corpus.csv', index=False)."
)
#: what to do with a corpus saved in a format that is not read, by its extension
FORMAT_HINTS = {
    "tsv": _TAB_HINT,
    "tab": _TAB_HINT,
    "json": " A .json file holding a list of objects: write one object a line as .jsonl "
    "(e.g. pandas.read_json(path).to_json('corpus.jsonl', orient='records', lines=True), "
    "or jq -c '.[]').",
    "xlsx": _SHEET_HINT,
    "xls": _SHEET_HINT,
}


def subfolder_hint(folder: Path) -> str:
    """Say how to read the .txt files of a folder's subfolders, if it has any.

    Parameters
    ----------
    folder
        A folder (of a corpus path that has no .txt files of its own).

    Returns
    -------
    str
        A sentence to append to the error (starting with a space), or ``""`` when no
        subfolder holds a .txt file.
    """
    subs = sorted(
        d.name
        for d in folder.iterdir()
        if d.is_dir() and not d.name.startswith(".") and any(d.glob("*.txt"))
    )
    if not subs:
        return ""
    shown = ", ".join(f"{d}/" for d in subs[:4]) + (" …" if len(subs) > 4 else "")
    return (
        f" Its subfolders hold .txt files ({shown}): pass a glob of them, "
        f"'{folder}/*/*.txt' (quoted), and each file's folder is kept in the column "
        "'folder' (group_by='folder' compares them); file names must then differ across "
        "the subfolders, or pass one subfolder at a time."
    )


def _load_folder(
    p: Path, encoding: str, on_error: str, skipped: list, delimiter: str = ","
) -> pd.DataFrame:
    files = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() == ".txt")
    # articles in subfolders are not read: say so rather than lose them unseen
    nested = sorted(
        f"{f.name}/ ({n} .txt)"
        for f in p.iterdir()
        if f.is_dir() and not f.name.startswith(".")
        for n in [sum(1 for g in f.rglob("*") if g.suffix.lower() == ".txt" and g.is_file())]
        if n
    )
    if files and nested:
        warnings.warn(
            f"{p}: only the .txt files of the folder itself are read, not those in its "
            f"subfolders: {', '.join(nested[:4])}"
            + (" …" if len(nested) > 4 else "")
            + ". Move them up, or run each subfolder as its own corpus.",
            FramelensWarning,
            stacklevel=3,
        )
    # articles saved in another format beside the .txt files are not read: say which
    unread = sorted(
        f.name for f in p.iterdir() if f.is_file() and f.suffix.lower() in _DOCUMENT_SUFFIXES
    )
    if files and unread:
        warnings.warn(
            f"{p}: {len(unread)} file(s) are not .txt and are not read: "
            f"{', '.join(unread[:5])}{' …' if len(unread) > 5 else ''}. Save each article "
            "as plain text (.txt, UTF-8) to include it.",
            FramelensWarning,
            stacklevel=3,
        )
    if not files:
        others = sorted(f.name for f in p.iterdir())[:5]
        raise InputError(
            f"corpus_path {str(p)!r}: the folder has no .txt files"
            + (f" (it has: {others})" if others else " (it is empty)")
            + ". Put one article per .txt file in it, or pass a .csv or .jsonl file."
            + subfolder_hint(p)
        )
    return _load_folder_files(files, p, encoding, on_error, skipped, delimiter)


def _file_id(f: Path) -> str:
    """Return a file's name without ``.txt``, composed (NFC) as its text is."""
    return unicodedata.normalize("NFC", f.stem)


def _load_folder_files(
    files: list[Path],
    folder: Path,
    encoding: str,
    on_error: str,
    skipped: list,
    delimiter: str = ",",
    renamed: dict[str, str] | None = None,
) -> pd.DataFrame:
    rows = []
    for f in files:
        try:
            text = _read_text(f, encoding)
            if not text.strip():
                raise InputError(f"{f}: the file is empty (no text to analyse).")
        except InputError as exc:
            if on_error == "raise":
                raise
            warnings.warn(f"skipped {exc}", FramelensWarning, stacklevel=3)
            skipped.append({"path": str(f), "reason": str(exc)})
            continue
        # names composed (NFC) as the text is: macOS writes "café" decomposed, and
        # metadata.csv, typed, has it composed
        rows.append({"doc_id": _file_id(f), "text": text, "_file": f.name, "_folder": f.parent})
    if not rows:
        raise InputError(
            f"corpus_path {str(folder)!r}: every file was skipped; nothing to analyse."
        )
    docs = pd.DataFrame(rows)
    # ids from the file names; metadata.csv may key a file by its name or by that id
    stems = docs["doc_id"].tolist()
    # renamed: the ids of the whole folder when these files are one part of it
    docs["doc_id"] = _safe_ids(stems) if renamed is None else [renamed.get(s, s) for s in stems]
    metas = []
    for meta_path, scope in metadata_files(files, folder):
        inside = docs if scope is None else docs[docs["_folder"] == scope]
        metas.append(_read_metadata(meta_path, inside, encoding, delimiter))
    if metas:
        meta = _merged_metadata(metas)
        covered = set(meta["doc_id"])
        uncovered = sorted(
            f for f, i in zip(docs["_file"], docs["doc_id"], strict=True) if i not in covered
        )
        if uncovered:
            where = ", ".join(str(m.attrs["path"]) for m in metas)
            warnings.warn(
                f"{where}: {len(uncovered)} .txt file(s) have no row, so no source or "
                f"date (they group as '(missing)'): {uncovered[:5]}",
                FramelensWarning,
                stacklevel=3,
            )
        docs = docs.merge(meta, on="doc_id", how="left")
    return docs.drop(columns=["_file", "_folder"])


def metadata_files(files: list[Path], folder: Path) -> list[tuple[Path, Path | None]]:
    """Return the ``metadata.csv`` files that describe ``files``, each with its scope.

    One folder: its ``metadata.csv``. Files in several folders (a glob over outlet
    folders): the ``metadata.csv`` of their common folder, if there is one, for every
    file (scope ``None``), then each folder's own for that folder's files (scope: the
    folder). A file named in both gets its own folder's row.

    Parameters
    ----------
    files
        The ``.txt`` files of the corpus (or of one partition of it).
    folder
        The corpus folder (for a glob, the folder of its first file).

    Returns
    -------
    list of (pathlib.Path, pathlib.Path or None)
        Each existing ``metadata.csv`` and the folder whose files it describes (``None``:
        all of them).
    """
    parents = list(dict.fromkeys(Path(f).parent for f in files)) or [folder]
    if len(parents) == 1:
        meta = parents[0] / "metadata.csv"
        return [(meta, None)] if meta.is_file() else []
    out: list[tuple[Path, Path | None]] = []
    root = Path(os.path.commonpath([str(p) for p in parents]))
    if root not in parents and (root / "metadata.csv").is_file():
        out.append((root / "metadata.csv", None))
    out += [(p / "metadata.csv", p) for p in parents if (p / "metadata.csv").is_file()]
    return out


def _read_metadata(
    meta_path: Path, docs: pd.DataFrame, encoding: str, delimiter: str
) -> pd.DataFrame:
    """Read one ``metadata.csv`` and key its rows by the ids of ``docs`` (its files)."""
    meta = _read_csv(meta_path, encoding, delimiter)
    if "doc_id" not in meta.columns:
        raise InputError(
            f"{meta_path}: needs a 'doc_id' column (the .txt file name without .txt); "
            f"it has {list(meta.columns)}."
        )
    _check_duplicates(meta["doc_id"], meta_path, meta.attrs["lines"])
    by_stem = {_file_id(Path(f)): i for f, i in zip(docs["_file"], docs["doc_id"], strict=True)}
    # a row may name the file with its extension ("Article 1.txt"), as a file list does
    meta["doc_id"] = [
        by_stem.get(k, by_stem.get(_file_id(Path(k)), k) if k.lower().endswith(".txt") else k)
        for k in meta["doc_id"]
    ]
    unknown = sorted(set(meta["doc_id"]) - set(docs["doc_id"]))
    if unknown:
        warnings.warn(
            f"{meta_path}: rows for doc_id(s) with no .txt file: {unknown[:5]}",
            FramelensWarning,
            stacklevel=4,
        )
    meta = meta[meta["doc_id"].isin(set(docs["doc_id"]))]
    meta = meta.drop(columns=[c for c in ("text",) if c in meta.columns])
    meta.attrs["path"] = meta_path
    return meta


def _merged_metadata(metas: list[pd.DataFrame]) -> pd.DataFrame:
    """One row a document from several ``metadata.csv`` files, a folder's own row last."""
    if len(metas) == 1:
        return metas[0]
    meta = pd.concat(metas, ignore_index=True).fillna("")
    # the common folder's file comes first: a folder's own row replaces its row
    return meta.drop_duplicates("doc_id", keep="last").reset_index(drop=True)


class EmptyFileError(InputError):
    """A CSV or JSONL file with no rows: an error alone, an empty shard among several."""


def _read_csv(path: Path, encoding: str, delimiter: str = ",") -> pd.DataFrame:
    text = _read_text(path, encoding)
    if not text.strip():
        raise EmptyFileError(f"{path}: the file is empty (expected a header row and data).")
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            # index_col=False: rows that end in a delimiter the header lacks (an export's
            # trailing comma) would otherwise shift every column into the index
            frame = pd.read_csv(
                io.StringIO(text),
                dtype=str,
                keep_default_na=False,
                na_filter=False,
                sep=_delimiter(delimiter),
                index_col=False,
            )
    except (pd.errors.ParserError, csv.Error) as exc:
        hint = _delimiter_hint(text, delimiter)
        raise InputError(f"{path}: not a readable CSV file ({exc}).{hint}") from None
    if any(issubclass(w.category, pd.errors.ParserWarning) for w in caught):
        _check_extra_fields(path, text, _delimiter(delimiter))
    raw = [str(c) for c in frame.columns]
    frame.columns = [c.strip() for c in raw]
    _check_header(path, text, _delimiter(delimiter))
    lines = _record_lines(text, _delimiter(delimiter), len(frame))
    # a spreadsheet's export: rows and unnamed columns with nothing in any cell (Excel
    # writes the empty rows and columns once used) hold no document and no metadata
    empty_cols = [
        c for c in frame.columns if c.startswith("Unnamed: ") and not frame[c].str.strip().any()
    ]
    frame = frame.drop(columns=empty_cols)
    filled = (frame != "").any(axis=1).to_numpy() if len(frame.columns) else []
    if len(frame) and not filled.all():
        frame = frame[filled].reset_index(drop=True)
        lines = [n for n, keep in zip(lines, filled, strict=True) if keep]
    frame.attrs["lines"] = lines
    return frame


def _check_header(path: Path, text: str, sep: str) -> None:
    """Refuse a header that names a column twice (spaces trimmed, case kept).

    pandas renames a repeated name ("text", "text.1") before the frame is seen: the
    header is read here as written, so "doc_id,text,text" is refused, not analysed as
    its first text column with the second kept as ``text.1``.
    """
    try:
        with _long_fields():
            header = next(csv.reader(io.StringIO(text), delimiter=sep), [])
    except csv.Error:
        return
    seen: dict[str, list[str]] = {}
    for name in header:
        if name.strip():  # unnamed (empty) columns of a spreadsheet's export are dropped
            seen.setdefault(name.strip(), []).append(name)
    twice = {c: rs for c, rs in seen.items() if len(rs) > 1}
    if twice:
        c, rs = next(iter(twice.items()))
        shown = ", ".join(repr(r) for r in rs)
        raise InputError(
            f"{path}: the header names the column {c!r} more than once ({shown}, spaces "
            "trimmed); rename one of them."
        )


@contextmanager
def _long_fields() -> Iterator[None]:
    """Let the ``csv`` module read fields of any length inside the block.

    Its default limit (131,072 characters) is shorter than a long report in one cell;
    reading past it raised ``csv.Error``, and the lines of the file's records were then
    guessed as one a row. The limit is put back after.
    """
    old = csv.field_size_limit(2**31 - 1)
    try:
        yield
    finally:
        csv.field_size_limit(old)


def _check_extra_fields(path: Path, text: str, sep: str) -> None:
    """Refuse a row with more non-empty fields than the header: pandas would drop them.

    Empty extra fields (every row ending in a delimiter, as some exports write) are
    dropped silently: they hold nothing.
    """
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    try:
        with _long_fields():
            width = len(next(reader))
            start = reader.line_num
            for record in reader:
                if len(record) > width and any(f.strip() for f in record[width:]):
                    raise InputError(
                        f"{path}, line {start + 1}: {len(record)} fields, but the header "
                        f"names {width} columns; the extra field(s) {record[width:][:3]} "
                        "would be lost. Quote a text that holds the delimiter, or add the "
                        "column to the header."
                    )
                start = reader.line_num
    except csv.Error:
        return


def _record_lines(text: str, sep: str, n: int) -> list[int]:
    """Return the line each data record of a CSV text starts on (fields span lines)."""
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    try:
        with _long_fields():
            next(reader)  # the header
            starts, prev = [], reader.line_num
            for record in reader:
                if record:  # blank lines are skipped, as pandas skips them
                    starts.append(prev + 1)
                prev = reader.line_num
    except csv.Error:
        starts = []
    return starts if len(starts) == n else [i + 2 for i in range(n)]


def _delimiter_hint(text: str, delimiter: str) -> str:
    """Say which delimiter the header line seems to use, if not the one passed."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=counts.get)
    if counts[best] == 0 or best == _delimiter(delimiter):
        return ""
    shown = "\\t" if best == "\t" else best
    return (
        f" Its header line looks {shown!r}-delimited: pass delimiter={shown!r} "
        f"(framelens run: -p delimiter '{shown}')."
    )


def _load_csv(
    path: Path, encoding: str, text_column: str, id_column: str, delimiter: str = ","
) -> pd.DataFrame:
    frame = _read_csv(path, encoding, delimiter)
    if text_column not in frame.columns:
        hint = _delimiter_hint(_read_text(path, encoding), delimiter)
        raise InputError(
            f"{path}: no text column {text_column!r}{_closest(text_column, frame.columns)}; "
            f"the columns are {list(frame.columns)}."
            + (hint or " Pass the right one with the `text_column` parameter.")
        )
    if frame.empty:
        raise EmptyFileError(f"{path}: the file has a header but no rows.")
    lines = frame.attrs["lines"]
    return _with_ids(_text_column(frame, text_column, path), id_column, path, lines)


def _closest(name: str, columns: Iterable[str]) -> str:
    """Return " (did you mean 'X'?)" for a column of another case or a near spelling."""
    columns = [str(c) for c in columns]
    same = [c for c in columns if c.casefold() == str(name).casefold()]
    if same:
        return f" (did you mean {same[0]!r}?)"
    return suggest(str(name), columns)


def _text_column(frame: pd.DataFrame, text_column: str, path: Path) -> pd.DataFrame:
    """Rename ``text_column`` to ``text``; a column already called ``text`` is kept aside.

    A CSV with a short ``text`` (a teaser) and the article in ``body`` analyses ``body``
    and keeps the teaser as ``text_original``, never two columns called ``text``.
    """
    return _take(frame, text_column, "text", "the text", path)


def aside(standard: str) -> str:
    """Return the name a column called ``standard`` gets when another one takes its role.

    Parameters
    ----------
    standard
        ``"text"`` or ``"doc_id"``.

    Returns
    -------
    str
        ``"<standard>_original"``: the column is kept as metadata under that name.
    """
    return f"{standard}_original"


def _take(frame: pd.DataFrame, chosen: str, standard: str, role: str, path: Path):
    """Rename column ``chosen`` to ``standard``, keeping a column of that name aside."""
    if chosen != standard and standard in frame.columns:
        warnings.warn(
            f"{path}: {role} is column {chosen!r}; its column {standard!r} is kept as "
            f"metadata, renamed {aside(standard)!r}.",
            FramelensWarning,
            stacklevel=5,
        )
        frame = frame.rename(columns={standard: aside(standard)})
    return frame.rename(columns={chosen: standard})


def _load_jsonl(path: Path, encoding: str, text_column: str, id_column: str) -> pd.DataFrame:
    text = _read_text(path, encoding)
    rows: list[dict[str, str]] = []
    lines: list[int] = []
    nested: dict[str, int] = {}
    odd_text: list[str] = []
    lacking: list[int] = []
    fields: dict[str, list[str]] = {}
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}, line {lineno}: not valid JSON ({exc.msg}).") from None
        if not isinstance(obj, dict):
            raise InputError(
                f"{path}, line {lineno}: expected a JSON object, got {type(obj).__name__}."
            )
        if text_column not in obj:
            # one record without it is a record without text (kept, and said below);
            # no record with it is the wrong field name
            lacking.append(lineno)
            fields.setdefault("first", list(obj))
        rows.append({k: _json_value(v, k == text_column) for k, v in obj.items()})
        lines.append(lineno)
        for k, v in obj.items():
            if isinstance(v, dict) and k != text_column:
                nested.setdefault(k, lineno)
        text_value = obj.get(text_column)
        if not isinstance(text_value, str | list) and text_value is not None:
            odd_text.append(f"line {lineno}: {type(text_value).__name__}")
    if not rows:
        raise EmptyFileError(f"{path}: the file is empty (expected one JSON object a line).")
    if len(lacking) == len(rows):
        first = fields["first"]
        raise InputError(
            f"{path}, line {lacking[0]}: no text field {text_column!r}"
            f"{_closest(text_column, first)}; the fields are {first}. Pass the right one "
            "with the `text_column` parameter."
        )
    if lacking:
        shown = ", ".join(str(n) for n in lacking[:5]) + (" …" if len(lacking) > 5 else "")
        warnings.warn(
            f"{path}: {len(lacking)} of {len(rows)} record(s) have no {text_column!r} field "
            f"(line(s) {shown}; line {lacking[0]} has {fields['first']}): they are kept "
            "with no text (0 sentences); fix or drop them in the file if they should not "
            "count.",
            FramelensWarning,
            stacklevel=4,
        )
    if nested:
        shown = ", ".join(f"{k!r} (line {n})" for k, n in list(nested.items())[:3])
        warnings.warn(
            f"{path}: field(s) {shown} hold JSON objects, kept as JSON text: their keys "
            "(a nested 'source' or 'published') are not read as metadata. Flatten them "
            "(e.g. pandas.json_normalize, or jq) to group or date by them.",
            FramelensWarning,
            stacklevel=4,
        )
    if odd_text:
        warnings.warn(
            f"{path}: {len(odd_text)} text value(s) are not strings ({', '.join(odd_text[:3])})"
            ": they are analysed as written ('12345', 'true', a JSON object). Check the "
            "`text_column`.",
            FramelensWarning,
            stacklevel=4,
        )
    frame = pd.DataFrame(rows).fillna("")
    return _with_ids(_text_column(frame, text_column, path), id_column, path, lines)


def _json_value(v: Any, is_text: bool) -> str:
    """Return a JSON value as text, not as Python's repr.

    A list of strings in the text field is its paragraphs; other lists are joined with
    "; "; objects are written as JSON.
    """
    if v is None:
        return ""
    if isinstance(v, list) and all(isinstance(x, str | int | float) for x in v):
        return ("\n\n" if is_text else "; ").join(_json_value(x, False) for x in v)
    if isinstance(v, dict | list):
        return json.dumps(v, ensure_ascii=False, sort_keys=True)
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
        # JSON has one kind of number: 1.0 is 1 (a writer's float), not another label
        return str(int(v))
    return str(v)


def _id_column(frame: pd.DataFrame, id_column: str, path: Path) -> pd.DataFrame:
    """Rename ``id_column`` to ``doc_id``; an id column named but absent is an error.

    The default ``doc_id`` may be absent (ids are then numbered); a column already called
    ``doc_id`` beside another id column is kept as ``doc_id_original``.
    """
    if id_column == "doc_id":
        return frame
    if id_column not in frame.columns:
        raise InputError(
            f"{path}: no id column {id_column!r}{_closest(id_column, frame.columns)}; the "
            "columns are "
            f"{[c for c in frame.columns if c != 'text']}. Pass the right one with the "
            "`id_column` parameter (or leave it at 'doc_id': without that column, ids are "
            "numbered)."
        )
    return _take(frame, id_column, "doc_id", "the id", path)


def _with_ids(frame: pd.DataFrame, id_column: str, path: Path, lines: list[int]) -> pd.DataFrame:
    """Set ``doc_id`` (named or numbered) and check it; ``lines``: each row's file line."""
    frame = _id_column(frame, id_column, path)
    if "doc_id" in frame.columns:
        blank = [lines[i] for i, v in enumerate(frame["doc_id"].astype(str)) if not v.strip()]
        if blank:
            raise InputError(
                f"{path}: {len(blank)} row(s) have no id in column {id_column!r} (lines "
                f"{blank[:5]}{' …' if len(blank) > 5 else ''}). Give every document an id "
                "(a corpus without an id column gets numbered ids)."
            )
        frame["doc_id"] = _safe_ids(frame["doc_id"])
        _check_duplicates(frame["doc_id"], path, lines)
    else:
        if id_column == "doc_id" and (like := _looks_like(frame.columns, _ID_NAMES)):
            warnings.warn(
                f"{path}: no 'doc_id' column, so the documents are numbered doc0001…; column "
                f"{like!r} looks like ids: pass id_column={like!r} (framelens run: -p "
                f"id_column {like}).",
                FramelensWarning,
                stacklevel=4,
            )
        width = max(4, len(str(len(frame))))
        frame.insert(0, "doc_id", [f"doc{i + 1:0{width}d}" for i in range(len(frame))])
    frame["text"] = frame["text"].map(_normalise)
    blank = frame.index[~frame["text"].str.contains(r"\S", regex=True)]
    if len(blank):
        shown = ", ".join(f"{frame.at[i, 'doc_id']!r} (line {lines[int(i)]})" for i in blank[:5])
        warnings.warn(
            f"{path}: {len(blank)} document(s) have no text: {shown}"
            + (" …" if len(blank) > 5 else "")
            + ". They are kept (0 sentences) and count in the corpus overview.",
            FramelensWarning,
            stacklevel=4,
        )
    return frame


def _check_duplicates(ids: pd.Series, path: Path, lines: list[int]) -> None:
    dup = ids[ids.duplicated(keep=False)]
    if len(dup):
        where = {}
        for pos, value in zip(dup.index, dup, strict=True):
            where.setdefault(value, []).append(lines[int(pos)])
        detail = "; ".join(f"{k!r} on lines {v}" for k, v in list(where.items())[:5])
        raise InputError(f"{path}: duplicate doc_id values: {detail}. Each doc_id must be unique.")


def _finish(docs: pd.DataFrame, where: str) -> pd.DataFrame:
    for col in DOCUMENT_COLUMNS:
        if col not in docs.columns:
            docs[col] = ""
    dup = docs["doc_id"][docs["doc_id"].duplicated()]
    if len(dup):
        raise InputError(
            f"corpus_path {where!r}: duplicate doc_id values {sorted(set(dup))[:5]} "
            "(repeated across shards, or file names that differ only in characters unsafe "
            "in ids?). Each doc_id must be unique."
        )
    extra = [c for c in docs.columns if c not in DOCUMENT_COLUMNS]
    docs = docs[DOCUMENT_COLUMNS + extra].astype({c: str for c in DOCUMENT_COLUMNS})
    docs = docs.fillna("").sort_values("doc_id", kind="stable").reset_index(drop=True)
    _warn_markup(docs, where)
    return docs


#: HTML left in scraped text: tags and entities ("<p>", "<br/>", "&nbsp;", "&#8217;")
_MARKUP = re.compile(
    r"</?(?:p|br|div|span|a|b|i|em|strong|li|ul|ol|h[1-6]|img|figure|table|tr|td)\b[^<>]{0,200}>"
    r"|&(?:nbsp|amp|quot|lt|gt|apos|rsquo|lsquo|rdquo|ldquo|mdash|ndash|hellip|#\d{2,5});",
    re.IGNORECASE,
)


#: UTF-8 read as latin-1 or cp1252: a lead byte (Â-ô) then a continuation byte shown as
#: a latin-1 character (0x80-0xBF) or as cp1252 shows 0x80-0x9F ("â€™" for "’", "Ã©")
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
    "\u20ac\u2122]"
)
#: line breaks and tabs an export wrote as two characters ("\\n"), read as text
_ESCAPES = re.compile(r"\\[nrt](?=\w|\s|$)")
#: Markdown left in exported text: a link "[the report](https://…)", a heading "## Drills"
#: at a line's start, bold "**joint drills**"
_MARKDOWN = re.compile(
    r"\[[^\[\]\n]{1,200}\]\((?:https?://|www\.|/)[^()\s]{1,500}\)"
    r"|(?m:^#{1,6} \S[^\n]{0,200}$)"
    r"|\*\*[^*\n]{1,100}\*\*"
)


def _defects(docs: pd.DataFrame, pattern: re.Pattern, at_least: int) -> list[tuple[str, str]]:
    """Documents with ``at_least`` matches of ``pattern``: (doc_id, first match)."""
    out = []
    for d, t in zip(docs["doc_id"], docs["text"], strict=True):
        found = pattern.findall(t)
        if len(found) >= at_least:
            out.append((d, found[0]))
    return out


def _warn_markup(docs: pd.DataFrame, where: str) -> None:
    r"""Warn when documents hold HTML, garbled characters or written-out line breaks.

    HTML tags and entities would be counted as words; UTF-8 read in another encoding
    ("â€™" for "’") splits and garbles words; an export's literal "\n" glues the
    next line's first word to an "n" ("njapan").
    """
    marked = _defects(docs, _MARKUP, 1)
    if marked:
        shown = ", ".join(f"{d} ({tag!r})" for d, tag in marked[:3])
        warnings.warn(
            f"{where}: {len(marked)} of {len(docs)} document(s) hold HTML markup, e.g. "
            f"{shown}: its tags and entities are read as text ('p', 'nbsp' and 'amp' "
            "become words, a '<p>' does not end a paragraph). Export the text without "
            "markup (e.g. html.unescape and an HTML-to-text step) before the analysis.",
            FramelensWarning,
            stacklevel=4,
        )
    for found, what in (
        (
            _defects(docs, _MARKDOWN, 2),
            "Markdown ('[text](link)' links, '## ' headings, '**bold**'): its link "
            "addresses and marks are read as text ('https', 'org' become words, a heading "
            "becomes a sentence). Export the text without markup (e.g. render it and take "
            "the text) before the analysis",
        ),
        (
            _defects(docs, _MOJIBAKE, 2),
            'characters garbled the way UTF-8 read in another encoding is ("â€™" for '
            '"’", "Ã©" for "é"): read the file with encoding=\'utf-8\' (framelens '
            "run: -p encoding utf-8); if some bytes are not UTF-8, mend those bytes rather "
            "than read the whole file as latin-1",
        ),
        (
            _defects(docs, _ESCAPES, 2),
            "line breaks written out as the two characters '\\n' (or '\\t'), which are "
            "read as text ('\\nJapan' becomes the word 'njapan') and end no paragraph: "
            "replace them with real line breaks before loading",
        ),
    ):
        if found:
            shown = ", ".join(f"{d} ({m!r})" for d, m in found[:3])
            warnings.warn(
                f"{where}: {len(found)} of {len(docs)} document(s) hold {what}. E.g. {shown}.",
                FramelensWarning,
                stacklevel=4,
            )


# ---------------------------------------------------------------------------------------
# segmentation

#: a line break as Windows ("\r\n"), old Macs ("\r") and everything else ("\n") write
#: it: a frame passed to :func:`segment` is read as :func:`load` reads a file
#: and the other line breaks of Unicode: a vertical tab (Word's manual line break), NEL
#: and U+2028 (a form feed, a PDF's page break, may fall inside a sentence: it is a space)
_NEWLINE = r"(?:\r?\n|\r(?!\n)|[\x0b\x85\u2028])"
_LINE_BREAK = re.compile(r"\r\n|[\r\n\x0b\x85\u2028]")


def _has_line_break(text: str) -> bool:
    """Return whether ``text`` holds a line break (:data:`_LINE_BREAK`).

    Five searches for one character each, which Python makes in C at memory speed: on
    the bench's paragraphs, which have none, 25 times faster than a regex search.

    Parameters
    ----------
    text
        Any text.

    Returns
    -------
    bool
        ``_LINE_BREAK.search(text) is not None``.
    """
    return "\n" in text or "\r" in text or "\x0b" in text or "\x85" in text or "\u2028" in text


#: a line that looks empty: spaces, tabs, non-breaking and other blank spaces, invisible
#: characters (an HTML page's "<p>&nbsp;</p>" is a line holding one no-break space)
_BLANK = "[ \t\x0c\u00a0\u2000-\u200b\u2060\u202f\u205f\u3000\ufeff]*"
#: a blank line, or U+2029 (the paragraph separator itself)
_PARA_SPLIT = re.compile(rf"{_NEWLINE}{_BLANK}{_NEWLINE}+|{_BLANK}\u2029\s*")
#: the same without U+2029, for the texts that have none. Its first line break is spelt
#: one character an alternative (as :data:`_NEWLINE` reads), so that the engine looks
#: for those characters only and tries the rest where it finds one (three times faster
#: than a lookahead for them, which was three times faster than the plain form)
_BLANK_LINE = re.compile(rf"(?:\r\n|\r(?!\n)|\n|\x0b|\x85|\u2028){_BLANK}{_NEWLINE}+")
#: what goes before a paragraph's first character: spaces, line breaks and a byte order
#: mark (U+FEFF, which Python does not count as a space)
_LEAD = re.compile(r"[\s\ufeff]*")
_DASH = "\u2014\u2013\u2015-"
CREDIT_RE = re.compile(
    rf"^[{_DASH}]+\s*(?P<name>.*?)\s*\(@(?P<handle>\w{{1,50}})\)\s+"
    r"(?P<date>(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+\d{1,2},\s+\d{4})\s*$"
)
EMBED_LINK_RE = re.compile(
    r"(?:pic\.twitter\.com/\w+|https?://(?:www\.)?(?:twitter|x)\.com/\w+/status/\d+"
    r"|https?://t\.co/\w+)"
)


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for m in (_PARA_SPLIT if "\u2029" in text else _BLANK_LINE).finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for a, b in spans:
        chunk = text[a:b]
        lead = _LEAD.match(chunk).end()
        trail = len(chunk.rstrip())
        if lead < trail:
            out.append((a + lead, a + trail))
    return out


#: a line that begins a list item: a bullet or a number ("• China sent…", "2. They will…")
_LIST_ITEM = re.compile(
    r"[ \t]*(?:[\u2022\u25aa\u25e6\u2023\u25cf\u00b7\u2043*\-\u2013\u2014]|\d{1,2}[.)])[ \t]+\S"
)
#: a heading line: capitals only, no closing punctuation ("RUSSIA AND CHINA HOLD DRILLS")
_CAPS_LINE = re.compile(r"[ \t]*[^a-z\n]*[A-Z]{2}[^a-z\n]*[^.!?:;,\s\"\u201d'\u2019)][ \t]*")


_NUMBER_MARK = re.compile(r"\s*\d{1,2}[.)]")


def _page_key(line: str) -> str | None:
    """Return a line as a running head repeats: digits as #, one space, lower case."""
    s = " ".join(line.replace("\x0c", " ").split())
    if not s or len(s) > 80 or s[-1] in '.!?"\u201d':
        return None
    return re.sub(r"\d+", "#", s).lower()


def _page_lines(text: str) -> frozenset[str]:
    """Return the running heads, feet and page numbers of a text with page breaks.

    Only text with form feeds (a PDF's page breaks) has pages: there, a short line without
    a closing full stop that repeats on two pages or more, its numbers aside ("THE
    DIPLOMAT  Page 2", "3"), is page furniture.
    """
    if "\x0c" not in text:
        return frozenset()
    seen: dict[str, int] = {}
    for line in _LINE_BREAK.split(text):
        key = _page_key(line)
        if key is not None:
            seen[key] = seen.get(key, 0) + 1
    return frozenset(k for k, n in seen.items() if n >= 2)


def _line_blocks(
    para: str, a: int, b: int, page: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """Split ``para[a:b]`` where a line break ends a sentence without a full stop.

    A line break inside a paragraph is a space, except before a list item (a bullet or
    "2. " at the line's start) and after a heading in capitals without closing
    punctuation: PDF and press-release text lists items and headlines on lines of their
    own, which had been glued into one "sentence" with the text after them. A line of
    ``page`` (:func:`_page_lines`: a running head or page number) is a block of its own.
    """
    lines = [(a + x, a + y) for x, y in _line_spans(para[a:b])]
    if len(lines) == 1:
        return [(a, b)]
    out, start = [], a
    for (pa, pb), (na, nb) in zip(lines, lines[1:], strict=False):
        if page and (_page_key(para[pa:pb]) in page or _page_key(para[na:nb]) in page):
            out.append((start, pb))
            start = na
        elif _LIST_ITEM.match(para, na) or (
            _CAPS_LINE.fullmatch(para, pa, pb)
            and sum(ch.isalpha() for ch in para[pa:pb]) >= 6
            and not para[na:nb].lstrip()[:1].islower()  # "U.S. AND CHINA\nagreed" goes on
        ):
            out.append((start, pb))
            start = na
    out.append((start, b))
    return [(x, y) for x, y in out if para[x:y].strip()]


def _line_spans(para: str) -> list[tuple[int, int]]:
    """Return the lines of a paragraph as (start, end) offsets, at any kind of line break."""
    spans, pos = [], 0
    for m in _LINE_BREAK.finditer(para):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(para)))
    return spans


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?"
#: a date in a dateline: "October 14", "Aug. 3, 2024", "25 July"
_DATE = rf"(?:{_MONTH} \d{{1,2}}(?:,? \d{{4}})?|\d{{1,2}} {_MONTH}(?:,? \d{{4}})?)"
#: news agencies as datelines and sign-offs name them ("(AFP)", "— RIA Novosti.", "(END)")
_AGENCIES = (
    r"(?:Reuters|AP|AFP|AFP-JIJI|Jiji|Xinhua|Yonhap|Kyodo(?: News)?|KYODO(?: NEWS)?|PTI|ANI|"
    r"IANS|UNI|Bernama|BERNAMA|TASS|ITAR-TASS|Itar-Tass|Sputnik|RIA Novosti|Interfax|Anadolu|"
    r"AA|dpa|DPA|UPI|EFE|ANSA|Antara|PNA|CNA|VNA|KCNA|APP|IRNA|WAM|SPA|QNA|KUNA|SANA|"
    r"Bloomberg|CNN|NHK|Arirang)"
)
#: a dateline at the head of a paragraph: "MOSCOW, October 14. /TASS/.", "BEIJING, Aug. 3
#: (Xinhua) --", "TOKYO (Reuters) -", "WASHINGTON —", "SEOUL, South Korea (AP) —",
#: "MOSCOW, 25 July — RIA Novosti.", "KUANTAN:"; the place is upper case, or a place in
#: mixed case before a known agency ("Beijing (AFP) -", "New Delhi, Apr 10 (PTI)")
DATELINE_RE = re.compile(
    # "BEIJING/TAIPEI", "DUBAI, United Arab Emirates"
    r"(?:(?P<place>[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,5}(?:/[A-Z][A-Z.'\-]+)*"
    r"(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?)"
    rf"(?:,? (?P<date>{_DATE}))?"
    r"(?:\.? ?/(?P<slash>[A-Z][A-Za-z\-]+)/\.?"
    # an agency is one to three capitalised words: not "(Rim of the Pacific)"
    r"| ?\((?P<agency>[A-Z][A-Za-z.\-]*(?: [A-Z][A-Za-z.\-]*){0,2}|dpa)\) ?"
    r"(?:--|[:\u2014\u2013\u2015\-])?"
    rf"| ?(?P<sep>--|[\u2014\u2013]| -|:)(?: (?P<after>{_AGENCIES})\.)?)"
    # "(CNN) -", "(Reuters) —": the agency alone before the text
    rf"|\((?P<bare>{_AGENCIES})\) ?(?:--|[\u2014\u2013\u2015\-])"
    r"|(?P<mixed>[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){0,2})"
    rf"(?:,? (?P<mixed_date>{_DATE}))? \((?P<known>{_AGENCIES})\) ?"
    r"(?:--|[:\u2014\u2013\u2015\-])?)"
    r"(?:\s+(?=\S)|\s*$)"
)
_CREDIT_NAME = r"(?-i:[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,3})"
#: one piece of a credit line: a role, "by", names, and where they wrote from
_CREDIT_WHO = rf"{_CREDIT_NAME}(?: (?:in|from) (?-i:[A-Z][\w\-]+(?: [A-Z][\w\-]+)*))?"
_CREDIT = (
    r"(?:Reporting|Additional reporting|Writing|Editing|Compiled|Graphics|Production|"
    rf"Fact-checking) by {_CREDIT_WHO}(?:(?:,| and| &) {_CREDIT_WHO})*"
)
#: the forms of a paragraph of furniture but three (:data:`_RIGHTS_AND_CREDITS`)
_BOILERPLATE_FORMS = (
    # credits as agencies write them: "Reporting by Yimou Lee in Taipei; Editing by Lincoln
    # Feast."; not "Reporting by Reuters in 2019 showed…", "Editing by the censors removed…"
    rf"\(?{_CREDIT}(?:\s*[;,]\s*(?:and )?{_CREDIT})*\)?\.?$"
    # "Copyright 2024 Reuters", "© AFP"; not "Copyright disputes aside, …"
    r"|Copyright\s*(?:\u00a9|\(c\)|\d{4}\b)|\u00a9|\(c\)\s"
    # calls to act, each a whole word: not "Following the drills", "Subscribers to …"
    r"|(?:Follow (?:us|@\w+|[\w.]+(?: [\w.]+)? on (?:Twitter|X|Facebook|Instagram|Telegram|"
    r"WhatsApp|YouTube|LinkedIn|Weibo|VK))|Subscribe|Click here|Read more"
    # "Sign up for our newsletter"; not "Sign up for the coalition was slow"
    r"|Sign up\b(?=.{0,80}\b(?:newsletters?|e-?mails?|alerts|updates|briefings?|digest|"
    r"here|now|today|free)\b|\s*[.!:]?$)"
    r"|Share this|Share on|Download (?:the|our)|Our Standards|Also Read)\b"
    r"|Enjoying this article\?"
    # an advertisement's slot: "Advertisement", "ADVERTISEMENT - scroll to continue",
    # "Story continues below advertisement"; not "Advertisements for the drills ran…"
    r"|(?:Skip )?Advertisement(?:\s*[\-\u2013\u2014:]?\s*(?:scroll|continue reading)"
    r"(?: down)?(?: to continue| below)?)?\s*$"
    r"|(?:The )?(?:Story|Article) continues (?:below|after)(?: (?:this|the))? advertisement\s*$"
    r"|This (?:story|article|report) (?:has been |was )?(?:published|generated|"
    r"auto-generated) from\b"
    # a teaser heading: "Related:", "Related stories"; not "Related exercises were held"
    r"|Related\s*:|Related (?:stories|articles|coverage|news|content|reading|links?|topics)\b"
    r"|Editor:|Source:|Published:|Updated:|Credit:|Image (?:source|caption)\s*,"
    r"|Tags\s*:|Topics\s*:|Keywords\s*:"
    # "Updated - March 12, 2024 09:15 pm IST - NEW DELHI", "Published - March 12, 2024"
    rf"|(?:Updated|Published)\s*[\-\u2013\u2014]\s*{_MONTH} \d{{1,2}},? \d{{4}}"
    r"(?: \d{1,2}:\d{2}(?: ?[ap]\.?m\.?)?(?: [A-Z]{2,4})?)?(?:\s*[\-\u2013\u2014]\s*"
    r"(?-i:[A-Z][A-Z .'\-]+))?$"
    # agencies' notices: AP's, Anadolu's
    r"|This material may not be published\b"
    r"|Anadolu Agency website contains only a portion\b"
    rf"|Published on \d{{1,2}} {_MONTH}"
    # a byline: capitalised names, alone or before a stamp; not "By the end of 2025",
    # "By Tuesday 14 warships had arrived"
    r"|(?-i:By [A-Z][\w.'\-]+(?:,? (?:and |& )?[A-Z][\w.'\-]+){0,5})"
    r"\s*(?:\||[\u2022\u00b7]|[\u2013\u2014]|- |Published|Updated|"
    rf"{_MONTH} \d|\d{{1,2}}:\d{{2}}|\d+ min\b|$)"
    # a byline with a date stamp: "Burak Bir |28.06.2021 - Update : 28.06.2021"
    r"|(?-i:[A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+){0,3}) ?\|\s*\d{2}\.\d{2}\.\d{4}"
    # sign-offs: "— AFP", "==Kyodo", "-- BERNAMA", "(ANI)", "(END)", "Enditem", "burs-lto/dva"
    rf"|(?-i:(?:[\u2014\u2013=\-]{{1,2}}\s*)?\(?(?:{_AGENCIES}|END)\)?)\.?$"
    r"|Enditem\.?$|(?-i:[a-z]{2,5}(?:-[a-z]{2,5})*(?:/[a-z]{2,5})+)$"
    # reporters' e-mail addresses
    r"|(?:[\w.\-]+@[\w\-]+(?:\.[\w\-]+)+[\s,;]*)+$"
    # "Associated Press writer Jon Gambrell contributed from Dubai."
    r"|(?-i:(?:Associated Press|AP|Reuters|AFP|Bloomberg) (?:writers?|reporters?|"
    r"correspondents?|journalists?) [A-Z][^.\n]{0,120}\bcontributed\b)[^.\n]{0,80}\.?$"
)
#: the forms of a paragraph of furniture that read furthest into every paragraph: a
#: copyright's "All rights reserved" at its end, "… contributed to this report.", "…
#: contributed reporting."
_RIGHTS_AND_CREDITS = (
    r".*\bAll rights reserved\.?$"
    r"|[^.\n]{0,160}\bcontributed (?:to )?this (?:report|story|article)\.?$"
    r"|[^.\n]{0,160}\bcontributed reporting\b[^.\n]{0,80}\.?$"
)
#: a paragraph of site furniture (at most 300 characters): credits, bylines, copyright,
#: calls to share or subscribe, agencies' sign-offs
BOILERPLATE_RE = re.compile(
    rf"^(?:{_BOILERPLATE_FORMS}|{_RIGHTS_AND_CREDITS})", re.IGNORECASE | re.DOTALL
)
#: the same without those forms, for a paragraph that holds neither "rights reserved" nor
#: "contributed" in any case (:data:`_RIGHTS_OR_CREDIT`), nearly every one
_BOILERPLATE_SHORT = re.compile(rf"^(?:{_BOILERPLATE_FORMS})", re.IGNORECASE | re.DOTALL)
#: what those forms need ("r", "R", "c" and "C" are all the characters case-blind matching
#: takes for an r or a c: a charset first, which the engine skips to)
_RIGHTS_OR_CREDIT = re.compile(r"[rRcC](?i:ights reserved|ontributed)")
#: a reporter's credit as a sentence ("… contributed to this report."): of the forms of
#: :data:`FURNITURE_SENTENCE_RE`, the one that reads furthest into every sentence
_CONTRIBUTED = r"[^.\n]{0,160}\bcontributed (?:to )?this (?:report|story|article)\.?"
#: the other forms of a sentence of site furniture
_FURNITURE_FORMS = (
    r"[\[(][^\[\]()]{0,100}\b(?i:photo|image|video|file|graphic)s?\b[^\[\]()]{0,100}[\])]"
    r"|\[[A-Za-z ]{1,20}\]"
    r"|\([A-Z]{2,10}: [^()]{1,60}\)"
    r"|(?i:photo|image|file photo|video)s?\s*(?::|/).{0,100}"
    # "Photo by John Smith/Reuters", "Photos by the U.S. Navy"; not "Images by Maxar
    # Technologies showed the carrier in port."
    r"|(?i:photo|image|file photo|video)s?\s+by\s+(?:the\s+)?[A-Z][^\s]*"
    r"(?:\s*(?:[A-Z][^\s]*|of|the|and|via|for|/))*\s*\.?"
    r"|(?i:source|credit)\s*:\s*.{0,100}|(?i:image source|image caption)\s*[:,]\s*.{0,120}"
    r"|\(?[A-Z][\w.]*(?: [A-Z][\w.]*){0,3}\)?\s*(?i:updated|published)\s*:.{0,60}"
    rf"|(?:{_AGENCIES}\s*[\-\u2014\u2013]\s*)?"
    rf"(?:\d{{1,2}}:\d{{2}},?\s*)?{_MONTH} \d{{1,2}},? \d{{4}}"
    r"(?:[ ,\-]+\d{1,2}:\d{2}(?: ?[AP]M)?)?(?:\s*\|.{0,40})?"
    r"|\d{4}-\d{2}-\d{2}(?: \d{1,2}:\d{2}(?::\d{2})?)?"
    rf"|(?:[\u2014\u2013=\-]{{1,2}}\s*)?\(?(?:{_AGENCIES}|END)\)?\.?"
    r"|(?i:enditem)\.?"
    r"|(?:[\w.\-]+@[\w\-]+(?:\.[\w\-]+)+[\s,;]*)+"
    r"|[*\-_=\u00b7\u2022 ]{3,}"
)
#: a sentence of site furniture: a photo credit, a bare date or time stamp, an
#: "Updated:" line, a bracketed cue ("[Anchor]"), a separator ("* * *"), an agency's
#: sign-off, a credit line
FURNITURE_SENTENCE_RE = re.compile(rf"^(?:{_FURNITURE_FORMS}|{_CONTRIBUTED})$", re.DOTALL)
#: the same without the credit, for a sentence without "contributed" (nearly every one):
#: the credit's form alone took two thirds of the time of the whole
_FURNITURE_NO_CREDIT = re.compile(rf"^(?:{_FURNITURE_FORMS})$", re.DOTALL)


def _is_furniture(sentence: str) -> bool:
    """Return whether :data:`FURNITURE_SENTENCE_RE` matches ``sentence`` (read faster).

    Parameters
    ----------
    sentence
        The text of a sentence.

    Returns
    -------
    bool
        ``bool(FURNITURE_SENTENCE_RE.match(sentence))``, the credit's form tried only
        when ``sentence`` holds the word it needs.
    """
    if "contributed" in sentence:
        return FURNITURE_SENTENCE_RE.match(sentence) is not None
    return _FURNITURE_NO_CREDIT.match(sentence) is not None


BOILERPLATE_COLUMNS = ["doc_id", "para_id", "start", "end", "text", "kind", "rule"]


#: a paragraph that is a place name in capitals alone: a dateline on its own line
#: ("ANKARA", "NEW DELHI"); three words in capitals are a heading ("NAVAL DRILLS BEGIN")
_LONE_PLACE = re.compile(r"[A-Z][A-Z.'\-]{3,}(?: [A-Z][A-Z.'\-]+)?")


def _dateline(para: str, pos: int = 0, *, strong: bool = False) -> int:
    """End of the dateline starting at ``para[pos]``, or 0.

    A dateline with a date, an agency or a slash ("/TASS/") is one wherever it starts; a
    bare "PLACE —" or "PLACE:" needs a place of five letters or more ("US — China ties"
    is a title), a capital letter, digit or quote after it ("AUKUS — the pact" is prose)
    and prose in lower case after it (a headline in capitals is left whole); ``strong``
    asks for a date, agency or slash.
    """
    m = DATELINE_RE.match(para, pos)
    if not m:
        return 0
    if m["date"] or m["slash"] or m["agency"] or m["known"] or m["after"] or m["bare"]:
        return m.end()
    if strong or len(m["place"]) <= 4:
        return 0
    rest = para[m.end() :]
    if not rest:
        return m.end()  # "MOSCOW —" alone
    if not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"'\u201c\u2018"):
        return 0
    return m.end() if any(ch.islower() for ch in rest[:200]) else 0


def _boilerplate(para: str) -> tuple[int, str]:
    """Characters of site furniture at the head of a paragraph (all of it, or a dateline)."""
    if len(para) <= 300:
        slow = _RIGHTS_OR_CREDIT.search(para) is not None
        if (BOILERPLATE_RE if slow else _BOILERPLATE_SHORT).match(para):
            return len(para), "furniture"
    if _LONE_PLACE.fullmatch(para):
        return len(para), "dateline"
    end = _dateline(para)
    return (end, "dateline") if end else (0, "")


def _inner_dateline(para: str) -> tuple[int, int]:
    """Find a dateline at the head of a paragraph's second or later line, after a title.

    Scraped text often gives a title, one line break, then "LONDON, April 14 (Reuters) -".
    Returns its span in ``para``, or (0, 0). Only datelines with a date, agency or slash.
    """
    if not _has_line_break(para):
        return 0, 0
    for m in _LINE_BREAK.finditer(para):
        start = m.end()
        end = _dateline(para, start, strong=True)
        if end:
            return start, end
    return 0, 0


def _has_text(text: str) -> bool:
    """Whether a document has a paragraph left once datelines and site furniture go.

    A cheap test (no sentence splitting) of what :func:`segment` will find: a paragraph
    that is furniture whole ("Copyright 2021 Reuters. All rights reserved."), a bare date
    stamp or a dateline alone leaves nothing.
    """
    for a, b in _paragraph_spans(text):
        para = text[a:b]
        cut, _rule = _boilerplate(para)
        rest = para[cut:].strip()
        if rest and not _is_furniture(rest) and _WORDISH.search(rest):
            return True
    return False


_WORDISH = re.compile(r"[^\W_]")


def check_has_text(documents: pd.DataFrame, where: str = "the corpus") -> None:
    """Raise :class:`InputError` if no document has text to analyse.

    Every notebook would otherwise fail deep inside on an empty table. The message counts
    the empty documents and those that are only site furniture, with an example.

    Parameters
    ----------
    documents
        The documents frame (``doc_id`` and ``text``).
    where
        How the message names the corpus (``"corpus_path 'x.csv'"``).

    Returns
    -------
    None

    Examples
    --------
    >>> check_has_text(pd.DataFrame({"doc_id": ["a"], "text": ["Drills began."]}))
    >>> check_has_text(pd.DataFrame({"doc_id": ["a", "b"], "text": ["", "Copyright 2024 X."]}))
    Traceback (most recent call last):
    ...
    framelens.errors.InputError: the corpus: no text to analyse in its 2 document(s): 1 empty,
    1 only datelines or site furniture (e.g. 'b': 'Copyright 2024 X.').
    """
    texts = text_values(documents["text"]).tolist() if "text" in documents.columns else []
    if any(_has_text(t) for t in texts):
        return
    empty = [t for t in texts if not t.strip()]
    furniture = [
        (d, t) for d, t in zip(documents["doc_id"].tolist(), texts, strict=True) if t.strip()
    ] if texts else []  # fmt: skip
    detail = f"{len(empty)} empty"
    if furniture:
        d, t = furniture[0]
        shown = " ".join(t.split())
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        detail += f", {len(furniture)} only datelines or site furniture (e.g. {d!r}: {shown!r})"
    raise InputError(f"{where}: no text to analyse in its {len(texts)} document(s): {detail}.")


def _is_embed(para: str, alone: bool = False) -> bool:
    """Whether a paragraph is an embedded post: a credit line, or a post link.

    A post link alone (``pic.twitter.com/…``, ``t.co/…``) counts only in a document with
    other paragraphs (``alone`` False): a post of a corpus of posts that links a picture
    is the post itself, the author's own voice, not quoted material.
    """
    lines = _LINE_BREAK.split(para) if _has_line_break(para) else [para]
    if any(CREDIT_RE.match(line.strip()) for line in lines):
        return True
    # the links are in lower case: most paragraphs have none of their beginnings
    linked = "http" in para or "pic.twitter.com" in para
    return not alone and linked and bool(EMBED_LINK_RE.search(para))


#: characters of text Punkt learns abbreviations from (its trainer costs ~2 µs a character)
LEARN_CHARS = 500_000


def learn_abbreviations(documents: pd.DataFrame, *, max_chars: int = LEARN_CHARS) -> frozenset[str]:
    """Learn abbreviations from the corpus with NLTK's Punkt trainer.

    Returns the shipped abbreviation list together with those Punkt learns from the
    texts (tokens that end in a stop and are rarely followed by a sentence break). On a
    small corpus Punkt also "learns" ordinary words that happened to end a sentence once
    ("ago."), so a learned abbreviation is kept only if it has an inner stop ("u.s") or
    is not a word of the CMU Pronouncing Dictionary. Punkt learns from the documents in
    their order until ``max_chars`` characters (default 500,000: about 100 news
    articles, a second of training), so the cost does not grow with the corpus.
    Corpus-wide: compute it once and pass the result to :func:`segment`.

    Parameters
    ----------
    documents
        The documents frame; its ``text`` column is read in row order.
    max_chars
        How many characters of text Punkt learns from at most (default
        :data:`LEARN_CHARS`, 500,000); the last document read is cut to fit.

    Returns
    -------
    frozenset of str
        The shipped abbreviations and the kept learned ones, lower case without the
        final stop (``"u.s"``, ``"gen"``), as ``segment(abbreviations=...)`` takes them.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["The U.S. Navy sailed. It returned."]})
    >>> "u.s" in learn_abbreviations(docs)
    True
    """
    from nltk.tokenize.punkt import PunktTrainer

    check_columns("documents", documents, ["text"])
    trainer = PunktTrainer()
    budget = max_chars
    for text in text_values(documents["text"]):
        if budget <= 0:
            break
        text = text[:budget]
        budget -= len(text)
        trainer.train(text, finalize=False)
    trainer.finalize_training()
    dictionary = resources.english_words()
    learned = {
        a
        for a in trainer.get_params().abbrev_types
        if len(a) <= 12 and ("." in a or a not in dictionary)
    }
    return frozenset(resources.abbreviations() | learned)


def _punkt(abbrevs: frozenset[str]) -> SentenceSplitter:
    """Punkt with these abbreviations (NLTK's spans, without importing NLTK)."""
    return SentenceSplitter(abbrevs)


#: a quoted question or exclamation that a lower-case word continues: '"Why?" he asked.'
_QUOTE_END = re.compile(r"[?!][\"\u201d\u2019']\s*$")
_LOWER_START = re.compile(r"\s*[a-z]")
#: anywhere in a paragraph: a quoted question or exclamation followed by a lower-case word
_QUOTED_END = re.compile(r"[?!][\"\u201d\u2019']\s+[a-z]")


#: a full stop with no space after it between two words: "on Tuesday.Seoul's Joint
#: Chiefs" (scraped text that lost its spaces); Punkt sees one word there
_GLUED = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
#: whether a text has one: the same test, the stop looked for first (four times faster)
_HAS_GLUED = re.compile(r"[.!?](?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")


_LAST_WORD = re.compile(r"(\w+)[.!?]$")


def _unglue(chunk: str, spans, abbrevs: frozenset[str]) -> list[tuple[int, int]]:
    """Split a sentence where a full stop is glued to the next sentence's first word."""
    out: list[tuple[int, int]] = []
    for sa, sb in spans:
        cuts = [
            m.start()
            for m in _GLUED.finditer(chunk, sa, sb)
            if _LAST_WORD.search(chunk, sa, m.start())[1].lower() not in abbrevs
        ]
        for cut in cuts:
            out.append((sa, cut))
            sa = cut
        out.append((sa, sb))
    return out


#: stacked end marks ("???", "?!?", "!!.", and a page's stray '".' after a closing quote),
#: after which Punkt may cut off the last marks as a sentence of their own
_STACKED = re.compile(r"[.!?](?:(?<=[!?])[!?.]|[\"'\u201d\u2019)\]]+[.!?])")
#: a "sentence" of end marks only (and closing quotes or brackets)
_MARKS_ONLY = re.compile(r"[\s!?.\u2026\"'\u201d\u2019)\]]+")


#: whether a paragraph may need one of the three mends below (a glued stop, a quoted
#: question a lower-case word continues, stacked marks): the three guards
#: (:data:`_HAS_GLUED`, :data:`_QUOTED_END`, :data:`_STACKED`) after the end mark they all
#: begin with, one search instead of three for the paragraphs that need none (nearly all)
_MAY_MEND = re.compile(
    r"[.!?](?:(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])"
    r"|(?<=[?!])[\"\u201d\u2019']\s+[a-z]"
    r"|(?<=[!?])[!?.]|[\"'\u201d\u2019)\]]+[.!?])"
)


def _join_stray_marks(chunk: str, spans) -> list[tuple[int, int]]:
    """Give a cut-off run of end marks back to its sentence.

    "this???" had been "this??" and "?"; a page's 'eyes.".' had been 'eyes.' and '".', a
    sentence of no word.
    """
    out: list[tuple[int, int]] = []
    for sa, sb in spans:
        if out and _MARKS_ONLY.fullmatch(chunk, sa, sb):
            out[-1] = (out[-1][0], sb)
        else:
            out.append((sa, sb))
    return out


def _join_quoted_questions(chunk: str, spans) -> list[tuple[int, int]]:
    """Join '"Is this a threat?"' and 'he asked.': Punkt ends a sentence at '?"'."""
    out: list[tuple[int, int]] = []
    for sa, sb in spans:
        if (
            out
            and _QUOTE_END.search(chunk, out[-1][0], out[-1][1])
            and _LOWER_START.match(chunk, sa)
        ):
            out[-1] = (out[-1][0], sb)
        else:
            out.append((sa, sb))
    return out


def _split(
    documents: pd.DataFrame, abbreviations: Iterable[str] | None, keep_boilerplate: bool
) -> tuple[list[tuple], list[tuple]]:
    """Sentence rows (SENTENCE_COLUMNS) and boilerplate rows (BOILERPLATE_COLUMNS)."""
    check_columns("documents", documents, ["doc_id", "text"])
    ids = doc_ids(documents)
    abbrevs = resources.abbreviations()
    if abbreviations is not None:
        if isinstance(abbreviations, str) or not (
            isinstance(abbreviations, Iterable) and all(isinstance(a, str) for a in abbreviations)
        ):
            raise ParameterError(
                "`abbreviations` must be a list of strings such as ['gen', 'u.s'], but "
                f"{abbreviations!r} was passed."
            )
        abbrevs = abbrevs | frozenset(a.lower().rstrip(".") for a in abbreviations)
    punkt = _punkt(abbrevs)
    rows: list[tuple] = []
    dropped: list[tuple] = []
    for doc_id, text in zip(ids.tolist(), text_values(documents["text"]).tolist(), strict=True):
        sent_id = 0
        page = _page_lines(text) if not keep_boilerplate else frozenset()
        spans = _paragraph_spans(text)
        for para_id, (pa, pb) in enumerate(spans):
            para = text[pa:pb]
            embed = _is_embed(para, alone=len(spans) == 1)
            if not embed and not keep_boilerplate:
                cut, rule = _boilerplate(para)
                if cut:
                    piece = text[pa : pa + cut]
                    dropped.append((doc_id, para_id, pa, pa + cut, piece, "boilerplate", rule))
                pa += cut
                para = text[pa:pb]
                if not para.strip():
                    continue
            if embed:
                pieces = _line_spans(para)
            else:
                pieces = [(0, len(para))]
                da, db = _inner_dateline(para) if not keep_boilerplate else (0, 0)
                if db:  # a title line, then a dateline: both pieces go on, the dateline out
                    dropped.append(
                        (doc_id, para_id, pa + da, pa + db, para[da:db], "boilerplate", "dateline")
                    )
                    pieces = [(0, da), (db, len(para))]
            if not embed and "\n" in para:
                pieces = [p for a, b in pieces for p in _line_blocks(para, a, b, page)]
            for la, lb in pieces:
                chunk = para[la:lb]
                if page and not embed and _page_key(chunk) in page:
                    s, e = pa + la, pa + lb
                    dropped.append((doc_id, para_id, s, e, text[s:e], "boilerplate", "page"))
                    continue
                found = punkt.span_tokenize(chunk)
                if len(found) > 1 and _NUMBER_MARK.fullmatch(chunk, *found[0]):
                    # "1. The drills will last a week": the item's number is no sentence
                    found = [(found[0][0], found[1][1]), *found[2:]]
                if _MAY_MEND.search(chunk):
                    if _HAS_GLUED.search(chunk):
                        found = _unglue(chunk, found, abbrevs)
                    if _QUOTED_END.search(chunk):
                        found = _join_quoted_questions(chunk, found)
                    if _STACKED.search(chunk):
                        found = _join_stray_marks(chunk, found)
                for sa, sb in found:
                    s, e = pa + la + sa, pa + la + sb
                    sentence = text[s:e]
                    if not sentence.strip():
                        continue
                    if not embed and not keep_boilerplate and _is_furniture(sentence):
                        dropped.append(
                            (doc_id, para_id, s, e, sentence, "boilerplate", "furniture")
                        )
                        continue
                    rows.append(
                        (doc_id, para_id, sent_id, s, e, sentence, "embed" if embed else "prose")
                    )
                    sent_id += 1
    return rows, dropped


def segment(
    documents: pd.DataFrame,
    *,
    abbreviations: Iterable[str] | None = None,
    keep_boilerplate: bool = False,
) -> pd.DataFrame:
    r"""Split documents into paragraphs and sentences, marking embedded material.

    Paragraphs are separated by blank lines. Line breaks may be written ``\n``, ``\r\n``
    (a Windows export read with pandas) or ``\r``, and a byte order mark (U+FEFF) before
    a paragraph is skipped, so a frame you build gets the paragraphs, sentences and
    furniture :func:`load` finds in its normalised text; the offsets stay those of the
    text as given (a sentence's ``text`` may hold a ``\r\n`` where the document's does).
    A missing text (None, NaN, ``pd.NA``) is an empty document.

    A paragraph that holds a social-media credit line (``— NAME (@handle) Month D,
    YYYY``) or, in a document of several paragraphs, a post link (``pic.twitter.com/…``)
    is an embed: each of its lines is split on its own and every sentence gets
    ``kind="embed"`` (a document that is one post with a link is
    the post itself, prose). Sentences are found with NLTK Punkt and an abbreviation list, so
    "U.S. Navy" does not end a sentence.

    Site furniture is left out: a dateline at the head of a paragraph ("MOSCOW, October
    14. /TASS/.", "BEIJING, Aug. 3 (Xinhua) --"), and short paragraphs of credits,
    bylines, copyright and calls to share (:func:`boilerplate` lists what was left out,
    with ``kind="boilerplate"``). The sentences that remain keep their offsets.

    Parameters
    ----------
    documents
        The documents frame (``doc_id`` and ``text`` are used). Ids are compared as
        strings (integer ids become ``"1"``, ``"2"``); ids missing, repeated or alike
        once written as strings (``1`` and ``"1"``) are refused
        (:func:`framelens.params.doc_ids`).
    abbreviations
        More abbreviations for Punkt (lower case, no final stop), added to the shipped
        list (``framelens/data/abbreviations_en.txt``). By default the shipped list
        alone, so a document's sentences depend on its own text only: the same alone,
        in any corpus and on either engine. Abbreviations learned from a corpus
        (:func:`learn_abbreviations`) are an explicit choice: learn them once on the
        whole corpus and pass the same set to every partition.
    keep_boilerplate
        Keep datelines and site furniture as ordinary sentences (default False).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, para_id, sent_id, start, end, text, kind``; ``para_id`` and ``sent_id``
        count from 0 within each document; ``text == document_text[start:end]``.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["The U.S. Navy sailed. It returned."]})
    >>> segment(docs)["text"].tolist()
    ['The U.S. Navy sailed.', 'It returned.']
    """
    rows, _dropped = _split(documents, abbreviations, keep_boilerplate)
    # column by column, each made in its type (half the time of a frame of the rows, cast)
    doc_id, para_id, sent_id, start, end, text, kind = zip(*rows, strict=True) if rows else [()] * 7
    return pd.DataFrame(
        {
            "doc_id": pd.Series(doc_id, dtype=str),
            "para_id": pd.Series(para_id, dtype="int64"),
            "sent_id": pd.Series(sent_id, dtype="int64"),
            "start": pd.Series(start, dtype="int64"),
            "end": pd.Series(end, dtype="int64"),
            "text": pd.Series(text, dtype=str),
            "kind": pd.Series(kind, dtype=str),
        }
    )


def boilerplate(
    documents: pd.DataFrame, *, abbreviations: Iterable[str] | None = None
) -> pd.DataFrame:
    r"""List the datelines and site furniture that :func:`segment` leaves out.

    Parameters
    ----------
    documents
        The documents frame (``doc_id`` and ``text`` are used).
    abbreviations
        As for :func:`segment` (the furniture sentences depend on the split).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, para_id, start, end, text, kind, rule``: one row per dateline (``rule``
        ``"dateline"``) or piece of furniture (``"furniture"``: a paragraph of credits,
        bylines, copyright or calls to share; a sentence that is a photo credit, a bare
        date stamp, an "Updated:" line or a separator) or a page's running head, foot or
        number in text with page breaks (``"page"``: a short line repeated on two pages,
        its numbers aside), ``kind`` always ``"boilerplate"``;
        ``text == document_text[start:end]``.

    Examples
    --------
    >>> t = "MOSCOW, October 14. /TASS/. The drills began.\n\n(Reporting by A; Editing by B)"
    >>> boilerplate(pd.DataFrame({"doc_id": ["a"], "text": [t]}))[["text", "rule"]].values.tolist()
    [['MOSCOW, October 14. /TASS/. ', 'dateline'], ['(Reporting by A; Editing by B)', 'furniture']]
    >>> segment(pd.DataFrame({"doc_id": ["a"], "text": [t]}))["text"].tolist()
    ['The drills began.']
    """
    _rows, rows = _split(documents, abbreviations, False)
    frame = pd.DataFrame(rows, columns=BOILERPLATE_COLUMNS)
    return frame.astype(
        {"doc_id": str, "para_id": "int64", "start": "int64", "end": "int64", "text": str,
         "kind": str, "rule": str}
    )  # fmt: skip


def embeds(documents: pd.DataFrame) -> pd.DataFrame:
    r"""Extract embedded social-media posts with their credit line, handle and date.

    Parameters
    ----------
    documents
        The documents frame (``doc_id`` and ``text`` are used). A paragraph is an embed
        as :func:`segment` decides it: it holds a credit line or (in a document of
        several paragraphs) a post link.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, embed_id, para_id, start, end, name, handle, date, link, text``: one row
        per embed paragraph; ``date`` is ISO (``2024-09-10``) or empty, ``link`` the post
        link found in it, ``text`` the post without its credit line.

    Examples
    --------
    >>> t = "Intro.\n\nDrills now. pic.twitter.com/abc123\n— Name (@handle) September 10, 2024"
    >>> embeds(pd.DataFrame({"doc_id": ["a"], "text": [t]}))[["handle", "date"]].values.tolist()
    [['handle', '2024-09-10']]
    """
    check_columns("documents", documents, ["doc_id", "text"])
    ids = doc_ids(documents)
    rows = []
    for doc_id, text in zip(ids.tolist(), text_values(documents["text"]).tolist(), strict=True):
        n = 0
        spans = _paragraph_spans(text)
        for para_id, (pa, pb) in enumerate(spans):
            para = text[pa:pb]
            if not _is_embed(para, alone=len(spans) == 1):
                continue
            name = handle = date = ""
            body = []
            for line in _LINE_BREAK.split(para):
                m = CREDIT_RE.match(line.strip())
                if m:
                    name, handle = m["name"], m["handle"]
                    date = pd.to_datetime(m["date"], format="%B %d, %Y").strftime("%Y-%m-%d")
                else:
                    body.append(line)
            link = EMBED_LINK_RE.search(para)
            rows.append(
                (
                    doc_id,
                    n,
                    para_id,
                    pa,
                    pb,
                    name,
                    handle,
                    date,
                    link.group(0) if link else "",
                    "\n".join(body).strip(),
                )
            )
            n += 1
    return pd.DataFrame(rows, columns=EMBED_COLUMNS).astype(
        {"embed_id": "int64", "para_id": "int64", "start": "int64", "end": "int64"}
    )


# ---------------------------------------------------------------------------------------
# tokens

#: a token: the first of these forms that matches, tried in order. No form begins at a space
#: or "_", so the lookahead skips those without trying the seven; the abbreviation's first
#: two letters are spelt out and the word's runs of letters are possessive (``++``, ``*+``:
#: nothing after them could take letters back), which the engine tries faster. The same
#: tokens as the plain forms (``(?:[^\W\d_]\.){2,}``, ``[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*``)
_TOKEN_RE = re.compile(
    r"(?=[^\s_])"
    r"(?:(?P<url>https?://\S+|www\.\S+|pic\.twitter\.com/\w+)"
    r"|(?P<mention>@\w+)"
    r"|(?P<hashtag>#\w+)"
    r"|(?P<abbr>[^\W\d_]\.[^\W\d_]\.(?:[^\W\d_]\.)*+)"
    r"|(?P<word>[^\W\d_]++(?:['\u2019\-][^\W\d_]++)*+)"
    r"|(?P<number>\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s)?)"
    r"|(?P<punct>[^\w\s]))"
)
#: the same for a text in ASCII (nearly every sentence of English news), its classes
#: spelt as ranges, which the engine tests faster than Unicode's categories (a letter
#: ``[^\W\d_]``, a digit ``\d``, a word character ``\w``): on ASCII text each range holds
#: the characters its class holds there, so the tokens are the same (``\s`` and ``\S``
#: stay Unicode's)
_ASCII_TOKEN_RE = re.compile(
    r"(?=[^\s_])"
    r"(?:(?P<url>https?://\S+|www\.\S+|pic\.twitter\.com/[A-Za-z0-9_]+)"
    r"|(?P<mention>@[A-Za-z0-9_]+)"
    r"|(?P<hashtag>#[A-Za-z0-9_]+)"
    r"|(?P<abbr>[A-Za-z]\.[A-Za-z]\.(?:[A-Za-z]\.)*+)"
    r"|(?P<word>[A-Za-z]++(?:['\u2019\-][A-Za-z]++)*+)"
    r"|(?P<number>[0-9]+(?:[.,:][0-9]+)*(?:st|nd|rd|th|s)?)"
    r"|(?P<punct>[^A-Za-z0-9_\s]))"
)


#: scripts written without spaces between words: a run of them is not "a word"
_NOSPACE = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\U00020000-\U0002fa1f]"
)
_APOSTROPHE = str.maketrans({"\u2019": "'", "\u2018": "'"})


def words(text: str) -> list[str]:
    """Return the words of a text, lower-cased (letters with inner apostrophes/hyphens).

    Parameters
    ----------
    text
        Any text.

    Returns
    -------
    list of str
        The ``word`` and ``abbr`` tokens of :func:`tokenize`, lower-cased, in the order
        of the text; numbers, URLs, @mentions, #hashtags and punctuation are left out.

    Examples
    --------
    >>> words("The U.S. Navy's live-fire drills, 2024.")
    ['the', 'u.s.', "navy's", 'live-fire', 'drills']
    """
    pattern = _ASCII_TOKEN_RE if text.isascii() else _TOKEN_RE
    return [m.group(0).lower() for m in pattern.finditer(text) if m.lastgroup in ("word", "abbr")]


def tokenize(sentences: pd.DataFrame) -> pd.DataFrame:
    """Split sentences into tokens with offsets and a token type.

    Words are runs of letters with inner apostrophes or hyphens ("live-fire", "China's");
    dotted abbreviations ("U.S.") are one word; URLs, @mentions, #hashtags and numbers are
    their own types; other non-space characters are ``punct``. This is
    :meth:`Tokens.frame` of :class:`Tokens`, the tokenization every analysis reads.

    Parameters
    ----------
    sentences
        The sentences frame (``doc_id, sent_id, start, text`` are used; ``start`` is the
        sentence's offset into its document), in any order: the tokens follow its rows.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sent_id, token_id, start, end, token, lower, type``; ``start``/``end``
        are offsets into the document; ``token_id`` counts from 0 within each document.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0],
    ...                   "text": ["U.S. ships, @navy!"]})
    >>> tokenize(s)[["token", "type"]].values.tolist()
    [['U.S.', 'abbr'], ['ships', 'word'], [',', 'punct'], ['@navy', 'mention'], ['!', 'punct']]
    """
    return Tokens(sentences).frame()


#: acronyms in capitals that spell an English function word, and the term they count as in
#: the statistics' word runs (the terms of top terms, collocations and keyness): "US"
#: lower-cased is the pronoun "us", so wherever an outlet writes "US" the country was
#: counted with the pronoun, and apart from the "u.s." of outlets that write "U.S." (on 60
#: articles of four outlet groups, "us" was a keyword of one group and "u.s." of another);
#: "WHO" lower-cased is a stopword, dropped from the top terms
ACRONYM_TERMS = {"US": "u.s.", "WHO": "w.h.o."}


def _acronym_terms(
    token: list[str], forms: list[str | None], bounds: list[int]
) -> dict[int, list[str | None]]:
    """Return the word forms of each sentence holding an :data:`ACRONYM_TERMS` acronym.

    The forms of those sentences (row → forms, the others are not returned) with each
    such acronym written as its term; a sentence whose words are mostly in capitals (a
    headline in capitals: "LET US PRAY") keeps the plain lower-case forms.
    """
    out: dict[int, list[str | None]] = {}
    for i in _positions(token, ACRONYM_TERMS):
        row = bisect.bisect_right(bounds, i) - 1
        a, b = bounds[row], bounds[row + 1]
        if row not in out:
            words = [t for t, f in zip(token[a:b], forms[a:b], strict=True) if f is not None]
            if 2 * sum(map(str.isupper, words)) > len(words):
                continue
            out[row] = forms[a:b]
        out[row][i - a] = ACRONYM_TERMS[token[i]]
    return out


def _positions(items: list[str], wanted: Iterable[str]) -> list[int]:
    """Return the positions of the ``wanted`` strings in ``items``, in order.

    ``list.index`` scans in C: on 540,000 tokens 16 ms against 53 ms for a loop in Python.

    Parameters
    ----------
    items
        The list to search.
    wanted
        The strings to find (exact, case-sensitive).

    Returns
    -------
    list of int
        Every position whose item is one of ``wanted``, ascending.
    """
    out: list[int] = []
    for item in wanted:
        i = -1
        while True:
            try:
                i = items.index(item, i + 1)
            except ValueError:
                break
            out.append(i)
    return sorted(out)


class Tokens:
    """The tokens of a sentences frame, found once and read by every analysis.

    Parallel lists, one item a token in sentence order: ``token`` (as written),
    ``lower``, ``type`` (the :func:`tokenize` types), ``start``/``end`` (offsets into the
    document); the tokens of the sentence in row ``r`` of ``sentences`` are
    ``bounds[r]:bounds[r + 1]``. Text statistics, frame cues and the tables of
    :func:`tokenize` all read these lists, so a partition is tokenized once whatever
    the analyses run on it. :meth:`words` gives the lower-cased words of a sentence as
    the statistics count them.

    Parameters
    ----------
    sentences
        The sentences frame (``doc_id, sent_id, start, text``), in any order.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "start": [0, 13],
    ...                   "text": ["Ships sailed.", "U.S. planes flew."]})
    >>> t = Tokens(s)
    >>> t.lower[t.bounds[1]:t.bounds[2]], t.row_of("a", 1)
    (['u.s.', 'planes', 'flew', '.'], 1)
    """

    def __init__(self, sentences: pd.DataFrame) -> None:
        check_columns("sentences", sentences, ["doc_id", "sent_id", "start", "text"])
        self.sentences = sentences
        token: list[str] = []
        start: list[int] = []
        end: list[int] = []
        types: list[str | None] = []
        bounds = [0]
        for off, text in zip(sentences["start"].tolist(), sentences["text"].tolist(), strict=True):
            off = int(off)
            text = str(text)
            for m in (_ASCII_TOKEN_RE if text.isascii() else _TOKEN_RE).finditer(text):
                a, b = m.span()
                token.append(m.group())
                start.append(off + a)
                end.append(off + b)
                types.append(m.lastgroup)
            bounds.append(len(token))
        self.token, self.start, self.end, self.type = token, start, end, types
        self.bounds = bounds
        self.lower = [t.lower() for t in token]
        self._rows: dict[tuple[str, int], int] | None = None
        self._words: list[tuple[list[str], list[list[str]], dict[str, int]] | None]
        self._words = [None] * len(sentences)
        #: what analyses derive from the tokens, kept once per partition (:meth:`derived`)
        self.memo: dict[object, tuple[object, object]] = {}

    def __len__(self) -> int:
        return len(self.token)

    def derived(self, key: object, of: object, make: Callable[[], Any]) -> Any:
        """Return ``make()``, computed once per ``key`` for the same object ``of``.

        Analyses that derive the same structure from these tokens (the statistics'
        words grouped by document, say) share it: the value is kept with a reference to
        ``of`` (the sentences frame it was made from) and given again only for that very
        object.

        Parameters
        ----------
        key
            Names the structure (``"stats.sentences"``); one value is kept per key.
        of
            The object the structure is made from, compared by identity (``is``): another
            object, even an equal one, makes the value again and replaces the kept one.
        make
            Makes the value, called without arguments.

        Returns
        -------
        object
            The value ``make()`` returned, the kept one when ``key`` and ``of`` match.
        """
        kept = self.memo.get(key)
        if kept is not None and kept[0] is of:
            return kept[1]
        value = make()
        self.memo[key] = (of, value)
        return value

    def row_of(self, doc_id: str, sent_id: int) -> int:
        """Return the row of sentence ``(doc_id, sent_id)`` in :attr:`sentences` (-1: none).

        Parameters
        ----------
        doc_id, sent_id
            The sentence's document id and its number in the document (compared as
            ``str`` and ``int``).

        Returns
        -------
        int
            Its position (0, 1, …) among the rows of :attr:`sentences`, the ``row`` that
            :meth:`words` takes; -1 when no row has that ``doc_id`` and ``sent_id``.
        """
        if self._rows is None:
            self._rows = {
                (str(d), int(s)): r
                for r, (d, s) in enumerate(
                    zip(self.sentences["doc_id"], self.sentences["sent_id"], strict=True)
                )
            }
        return self._rows.get((str(doc_id), int(sent_id)), -1)

    def words(self, row: int) -> tuple[list[str], list[list[str]], dict[str, int]]:
        """Return the statistics' words of sentence ``row``, its word runs and other tokens.

        Words are the ``word`` and ``abbr`` tokens, lower-cased, curly apostrophes
        straightened, except runs of a script written without spaces (counted as
        ``nospace``); runs are the words between any two non-word tokens, as the terms
        of the vocabulary count them (an :data:`ACRONYM_TERMS` acronym written as its term:
        "US" as "u.s.", apart from the pronoun "us"); the dict counts
        the other tokens by type (``hashtag``, ``mention``, ``url``, ``number``,
        ``punct``, ``nospace``). Computed once per sentence and kept.

        Parameters
        ----------
        row
            The sentence's position among the rows of :attr:`sentences` (as
            :meth:`row_of` gives it).

        Returns
        -------
        tuple of (list of str, list of list of str, dict of str to int)
            ``(words, runs, other)``: the words in order; the runs of consecutive words
            (at least one list, which may be empty); the count of the other tokens by
            type (only the types present). The lists are kept and shared: do not change
            them.
        """
        done = self._words[row]
        if done is None:
            self._all_words()
            done = self._words[row]
        return done

    def _all_words(self) -> None:
        """Compute :meth:`words` for every sentence in one pass over the tokens.

        The collector is paused meanwhile: the lists made here (three a sentence) all
        live on, and the collections they set off went through every one of them again
        (2,000 documents in one frame, as a notebook holds them: 0.9-1.25 s with the
        collector, 0.18 s without).
        """
        enabled = gc.isenabled()
        gc.disable()
        try:
            self._make_words()
        finally:
            if enabled:
                gc.enable()

    def _make_words(self) -> None:
        lower, types, bounds = self.lower, self.type, self.bounds
        # a token's word form, or None: word/abbr tokens in a script written with spaces
        forms = [
            (w if w.isascii() else (None if _NOSPACE.search(w) else w.translate(_APOSTROPHE)))
            if t == "word" or t == "abbr"
            else None
            for w, t in zip(lower, types, strict=True)
        ]
        termed = _acronym_terms(self.token, forms, bounds)
        for row in range(len(self._words)):
            a, b = bounds[row], bounds[row + 1]
            sentence = forms[a:b]
            words = [w for w in sentence if w is not None]
            other: dict[str, int] = {}
            if len(words) == b - a:  # words only: one run
                terms = termed.get(row)
                self._words[row] = (words, [list(words) if terms is None else terms], other)
                continue
            runs: list[list[str]] = [[]]
            run = runs[0]
            for i, w in enumerate(termed.get(row, sentence), a):
                if w is not None:
                    run.append(w)
                    continue
                if run:
                    run = []
                    runs.append(run)
                t = types[i]
                key = "nospace" if t == "word" or t == "abbr" else t
                other[key] = other.get(key, 0) + 1
            self._words[row] = (words, runs, other)

    def frame(self) -> pd.DataFrame:
        """Return the tokens as the long table of :func:`tokenize`.

        Returns
        -------
        pandas.DataFrame
            ``doc_id, sent_id, token_id, start, end, token, lower, type``, one row per
            token in the order of the sentences' rows, then of the text; ``token_id``
            counts from 0 and starts again whenever ``doc_id`` changes from one sentence
            row to the next.
        """
        doc_ids = self.sentences["doc_id"].tolist()
        sent_ids = self.sentences["sent_id"].tolist()
        doc_col: list = []
        sent_col: list = []
        token_id: list[int] = []
        last_doc, tid = None, 0
        for r in range(len(doc_ids)):
            n = self.bounds[r + 1] - self.bounds[r]
            if doc_ids[r] != last_doc:
                last_doc, tid = doc_ids[r], 0
            doc_col.extend([doc_ids[r]] * n)
            sent_col.extend([int(sent_ids[r])] * n)
            token_id.extend(range(tid, tid + n))
            tid += n
        frame = pd.DataFrame(
            {
                "doc_id": doc_col,
                "sent_id": sent_col,
                "token_id": token_id,
                "start": self.start,
                "end": self.end,
                "token": self.token,
                "lower": self.lower,
                "type": self.type,
            },
            columns=TOKEN_COLUMNS,
        )
        return frame.astype(
            {"sent_id": "int64", "token_id": "int64", "start": "int64", "end": "int64"}
        )

    @classmethod
    def of(cls, sentences: pd.DataFrame, tokens: Tokens | pd.DataFrame | None = None) -> Tokens:
        """Return ``tokens`` if it holds every sentence of ``sentences``, else tokenize them.

        ``tokens`` may be a :class:`Tokens` (of these sentences or of a frame they were
        selected from) or the table of :func:`tokenize`, which is read as it is.

        Parameters
        ----------
        sentences
            The sentences frame (``doc_id, sent_id, start, text``).
        tokens
            A :class:`Tokens`, returned as it is once every sentence is found in it with
            the same text; the table of :func:`tokenize`, whose tokens are put in the
            order of the rows of ``sentences`` (tokens of other sentences are dropped; a
            sentence with text but no token is an error); or None (default) or an empty
            table: tokenize ``sentences``.

        Returns
        -------
        Tokens
            The tokens to read ``sentences`` with.
        """
        if isinstance(tokens, Tokens):
            if tokens.sentences is not sentences:
                _check_cover(sentences, tokens)
            return tokens
        if tokens is None or not len(tokens):
            return cls(sentences)
        check_columns("tokens", tokens, TOKEN_COLUMNS)
        made = cls._from_frame(sentences, tokens)
        b = made.bounds
        bare = [r for r in range(len(b) - 1) if b[r] == b[r + 1]]
        texts = sentences["text"].tolist()
        bare = [r for r in bare if str(texts[r]).strip()]
        if bare:
            r = bare[0]
            raise ParameterError(
                f"`tokens` has no tokens for {len(bare)} of the {len(sentences)} sentences "
                f"(first: {sentences['doc_id'].iloc[r]!r}, sentence "
                f"{sentences['sent_id'].iloc[r]}): pass the tokens of these sentences "
                "(corpus.tokenize(sentences) or corpus.Tokens(sentences)), or none."
            )
        return made

    @classmethod
    def _from_frame(cls, sentences: pd.DataFrame, table: pd.DataFrame) -> Tokens:
        self = cls.__new__(cls)
        self.sentences = sentences
        self._rows = None
        rows = {(str(d), int(s)): r for r, (d, s) in enumerate(
            zip(sentences["doc_id"], sentences["sent_id"], strict=True))}  # fmt: skip
        per_row: list[list[int]] = [[] for _ in range(len(sentences))]
        for i, (d, s) in enumerate(zip(table["doc_id"], table["sent_id"], strict=True)):
            r = rows.get((str(d), int(s)))
            if r is not None:
                per_row[r].append(i)
        # a table read back from a file, or sorted, is in another order: tokens go in the
        # order of their offsets, and each must read as the text at its offsets (the
        # tokens of another corpus with the same ids do not)
        starts, ends, toks = table["start"].tolist(), table["end"].tolist(), table["token"].tolist()
        texts, firsts = sentences["text"].tolist(), sentences["start"].tolist()
        for r, idx in enumerate(per_row):
            idx.sort(key=starts.__getitem__)
            text, first = str(texts[r]), int(firsts[r])
            for i in idx:
                if text[starts[i] - first : ends[i] - first] != str(toks[i]):
                    raise ParameterError(
                        f"`tokens` are not of these sentences: document "
                        f"{sentences['doc_id'].iloc[r]!r}, sentence {sentences['sent_id'].iloc[r]} "
                        f"reads {text[starts[i] - first : ends[i] - first]!r} where the token "
                        f"{toks[i]!r} (offsets {starts[i]}-{ends[i]}) should be. Pass the "
                        "tokens of these sentences (corpus.tokenize(sentences)), or none."
                    )
        order = [i for idx in per_row for i in idx]
        self.bounds = [0]
        for idx in per_row:
            self.bounds.append(self.bounds[-1] + len(idx))
        for name in ("token", "start", "end", "type", "lower"):
            values = table[name].tolist()
            setattr(self, name, [values[i] for i in order])
        self._words = [None] * len(sentences)
        self.memo = {}
        return self


def _check_cover(sentences: pd.DataFrame, tokens: Tokens) -> None:
    """Raise unless every sentence is one of ``tokens``', with the same text."""
    texts = tokens.sentences["text"].tolist()
    for doc_id, sent_id, text in zip(
        sentences["doc_id"].tolist(),
        sentences["sent_id"].tolist(),
        sentences["text"].tolist(),
        strict=True,
    ):
        r = tokens.row_of(doc_id, sent_id)
        if r < 0 or texts[r] != text:
            raise ParameterError(
                f"`tokens` were made from other sentences: {doc_id!r} sentence {sent_id} "
                + ("is not among them" if r < 0 else "has another text there")
                + ". Pass corpus.Tokens(sentences) of these sentences, or none."
            )


#: token types that count as words
WORD_TYPES = ("word", "abbr")


def in_scope(sentences: pd.DataFrame, include_embeds: bool) -> pd.DataFrame:
    """Return the sentences an analysis counts: the prose, or every sentence with embeds.

    Embedded posts (``kind == "embed"``) are quoted material, not the outlet's own voice,
    so every analysis leaves them out unless ``include_embeds``; a frame without ``kind``
    is all prose.

    Parameters
    ----------
    sentences
        The sentences frame, or any frame with an optional ``kind`` column.
    include_embeds
        Keep the embedded posts' sentences too.

    Returns
    -------
    pandas.DataFrame
        ``sentences`` itself when ``include_embeds`` or it has no ``kind`` column, else
        its rows whose ``kind`` is not ``"embed"``, in their order and with their index.

    Examples
    --------
    >>> s = pd.DataFrame({"sent_id": [0, 1], "kind": ["prose", "embed"]})
    >>> in_scope(s, False)["sent_id"].tolist(), in_scope(s, True)["sent_id"].tolist()
    ([0], [0, 1])
    """
    if include_embeds or "kind" not in sentences.columns:
        return sentences
    return sentences[sentences["kind"] != "embed"]


def overview(documents: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    r"""Describe each document's structure: paragraphs, sentences by kind, embeds.

    Parameters
    ----------
    documents
        The documents frame (``doc_id`` and ``text``; ``title``, ``source`` and
        ``published`` are copied when present, else empty).
    sentences
        Their sentences frame from :func:`segment` (``doc_id, para_id, kind`` are used).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, title, source, published, characters, paragraphs, sentences,
        prose_sentences, embed_sentences, embeds``, one row per document in the order of
        ``documents`` (documents with no sentences get zeros); ``doc_id``, ``title``,
        ``source`` and ``published`` are strings (``""`` where missing); ``characters``
        is the length of the text (0 for a missing text), ``embeds`` the number of embed
        paragraphs.

    Raises
    ------
    ParameterError
        When a ``doc_id`` of ``documents`` is missing or repeated
        (:func:`framelens.params.doc_ids`), or
        none of the documents of ``sentences`` is in ``documents``.

    Warns
    -----
    FramelensWarning
        When some documents of ``sentences`` are not in ``documents``.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "title": [""], "source": [""],
    ...                      "published": [""], "text": ["One. Two.\n\nThree."]})
    >>> overview(docs, segment(docs))[["paragraphs", "sentences"]].values.tolist()
    [[2, 3]]
    """
    check_columns("documents", documents, ["doc_id", "text"])
    check_columns("sentences", sentences, ["doc_id", "para_id", "kind"])
    ids = doc_ids(documents)
    check_same_documents(sentences, documents)
    sentences = sentences.assign(doc_id=text_values(sentences["doc_id"]))
    g = sentences.groupby("doc_id", sort=True)
    stats = pd.DataFrame(
        {
            "paragraphs": g["para_id"].nunique(),
            "sentences": g.size(),
            "prose_sentences": g["kind"].apply(lambda k: int((k == "prose").sum())),
            "embed_sentences": g["kind"].apply(lambda k: int((k == "embed").sum())),
            "embeds": sentences[sentences["kind"] == "embed"]
            .groupby("doc_id")["para_id"]
            .nunique(),
        }
    )
    base = pd.DataFrame({"doc_id": ids.to_numpy()})
    for col in ("title", "source", "published"):
        base[col] = text_values(documents[col]).to_numpy() if col in documents.columns else ""
    base["characters"] = text_values(documents["text"]).str.len().astype("int64").to_numpy()
    frame = base.merge(stats, left_on="doc_id", right_index=True, how="left")
    counts = ["paragraphs", "sentences", "prose_sentences", "embed_sentences", "embeds"]
    frame[counts] = frame[counts].fillna(0).astype("int64")
    return frame.reset_index(drop=True)
