"""The reference record of joint exercises and patrols: load it, check it, cut it at a date."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import warnings
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import FramelensWarning, InputError, ParameterError
from ..groups import day_span
from ..params import check_columns, check_int, doc_ids, suggest, text_values
from ..resources import data_path

#: Columns of the event table, in order.
EVENT_COLUMNS = [
    "name",
    "year",
    "start_date",
    "end_date",
    "domain",
    "location",
    "participants",
    "source",
    "source_title",
    "notes",
]


#: Allowed values of the ``domain`` column.
DOMAINS = ("naval", "air", "land", "combined", "patrol", "command_staff")


DOMAIN_LABELS = {
    "naval": "naval exercise",
    "air": "joint strategic air patrol",
    "land": "land / counter-terrorism",
    "combined": "combined naval-air",
    "patrol": "joint naval patrol",
    "command_staff": "strategic command-staff",
}


SUPPORTED, NOT_SUPPORTED, NOT_CHECKABLE = "supported", "not supported", "not checkable"


def record_label(events: pd.DataFrame) -> str:
    """Name what an event table records, for titles and captions.

    Parameters
    ----------
    events
        An event table (:func:`load_events`).

    Returns
    -------
    str
        "China–Russia joint exercises and patrols" for a table with a series the shipped
        record has (its names are the ones :func:`framelens.events.mentions` knows
        in every spelling); else "Events of <file name>" (``events.attrs["path"]``), or
        "Events of the event table".

    Examples
    --------
    >>> record_label(load_events())
    'China–Russia joint exercises and patrols'
    """
    from .mentions import has_builtin_series

    check_columns("events", events, ["name"])
    if has_builtin_series(events):
        return "China–Russia joint exercises and patrols"
    path = events.attrs.get("path")
    return f"Events of {Path(path).name}" if path else "Events of the event table"


def load_events(path: str | Path | None = None) -> pd.DataFrame:
    """Load and validate an event table (default: the shipped, sourced record).

    Parameters
    ----------
    path
        A CSV file with the columns :data:`EVENT_COLUMNS` (extra columns are kept after
        them). ``None`` or ``""`` loads ``framelens/data/exercises.csv``.

    Returns
    -------
    pandas.DataFrame
        ``name, year, start_date, end_date, domain, location, participants, source,
        source_title, notes``: ``year`` an integer, dates ISO strings (``""`` when
        unknown), ``domain`` one of :data:`DOMAINS`; sorted by year, start date, name.

    Raises
    ------
    InputError
        If a column is missing (names them and lists those present), a row has more
        fields than the header (an unquoted comma), or a row has a year that is not a
        year, a bad start or end date, an end before its start, an unknown domain or no
        source. Each problem names its row and line.

    Examples
    --------
    >>> ev = load_events()
    >>> ev.loc[(ev.name == "Joint Sea") & (ev.year == 2012), "start_date"].item()
    '2012-04-22'
    """
    if path is None or str(path) == "":
        return _shipped().copy()
    p = Path(path)
    if not p.is_file():
        from ..params import looked_in

        raise InputError(
            f"events_path {str(path)!r}: no such file{looked_in(p) if not p.exists() else ''} "
            f"(expected a CSV with the columns "
            f"{EVENT_COLUMNS}; leave events_path empty to use the shipped table)."
        )
    return _parse_events(_read(p), str(p))


@cache
def _shipped() -> pd.DataFrame:
    p = data_path("exercises.csv")
    return _parse_events(_read(p), "framelens/data/exercises.csv")


def _read(p: Path) -> str:
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror}).") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{p}: not valid UTF-8 at byte offset {exc.start}. Save the event table as UTF-8 CSV."
        ) from None
    if not text.strip():
        raise InputError(f"{p}: the file is empty (expected a header row and event rows).")
    return text


def _parse_events(text: str, where: str) -> pd.DataFrame:
    reader = csv.reader(io.StringIO(text))
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as exc:
        raise InputError(f"{where}: not a readable CSV file ({exc}).") from None
    missing = [c for c in EVENT_COLUMNS if c not in header]
    if missing:
        semicolons = len(header) == 1 and header[0].count(";") >= 2
        hint = " It looks ';'-delimited: save it with commas." if semicolons else ""
        raise InputError(
            f"{where}: missing column(s) {missing}; the file has {header}. An event table "
            f"needs the columns {EVENT_COLUMNS}.{hint}"
        )
    extra = [c for c in header if c not in EVENT_COLUMNS and c]
    index = {c: header.index(c) for c in EVENT_COLUMNS + extra}
    rows, problems = [], []
    seen: dict[tuple, int] = {}
    row_no = 0
    while True:
        try:
            raw = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise InputError(
                f"{where}, line {reader.line_num}: not readable CSV ({exc})."
            ) from None
        if not any(cell.strip() for cell in raw):
            continue
        row_no += 1
        line = reader.line_num
        if len(raw) > len(header) and any(cell.strip() for cell in raw[len(header) :]):
            # an unquoted comma ("Sharm el-Sheikh, Egypt") shifts every later column
            raise InputError(
                f"{where}, line {line} (name {raw[0].strip()!r}): {len(raw)} fields, the header "
                f"has {len(header)}. A field with a comma must be quoted "
                '("Sharm el-Sheikh, Egypt"), or use ";" between places.'
            )
        raw = raw + [""] * (len(header) - len(raw))
        rec = {c: raw[i].strip() for c, i in index.items()}
        here = f"row {row_no} (line {line}, name {rec['name']!r})"
        problems.extend(f"{where}, {here}: {msg}" for msg in _row_problems(rec))
        key = tuple(rec[c] for c in ("name", "year", "start_date", "domain", "location"))
        if key in seen:
            problems.append(
                f"{where}, {here}: repeats line {seen[key]} (same name, year, start_date, "
                "domain and location): it would count twice."
            )
        seen.setdefault(key, line)
        rows.append(rec)
    if problems:
        shown = "\n  ".join(problems[:10])
        more = f"\n  … and {len(problems) - 10} more" if len(problems) > 10 else ""
        raise InputError(f"the event table has {len(problems)} problem(s):\n  {shown}{more}")
    if not rows:
        raise InputError(f"{where}: the file has a header but no event rows.")
    frame = pd.DataFrame(rows, columns=EVENT_COLUMNS + extra)
    frame["year"] = frame["year"].astype("int64")
    own = [d for d in dict.fromkeys(frame["domain"].astype(str)) if d not in DOMAINS]
    if own:
        warnings.warn(
            f"{where}: domain(s) {own} are not among the shipped ones {list(DOMAINS)}; they "
            "are counted and drawn as domains of their own (an unnamed exercise is linked "
            "only to naval, air, land, combined and command-staff events).",
            FramelensWarning,
            stacklevel=2,
        )
    frame = frame.sort_values(["year", "start_date", "name"], kind="stable")
    frame = frame.reset_index(drop=True)
    frame.attrs["path"] = where
    return frame


def table_domains(events: pd.DataFrame) -> list[str]:
    """Return the shipped :data:`DOMAINS`, then any other domain of ``events`` (as met).

    A table with none of the shipped domains (a researcher's own: summits, strikes) has
    its own alone: zero rows and legend entries of naval or air drills say nothing of it.

    Parameters
    ----------
    events
        An event table (:func:`load_events`).

    Returns
    -------
    list of str
        The domains to count and draw, in stacking order.

    Examples
    --------
    >>> table_domains(pd.DataFrame({"domain": ["naval", "summit"]}))[-2:]
    ['command_staff', 'summit']
    >>> table_domains(pd.DataFrame({"domain": ["summit", "strike"]}))
    ['summit', 'strike']
    """
    own = list(dict.fromkeys(events["domain"].astype(str)))
    extra = [d for d in own if d not in DOMAINS]
    if own and len(extra) == len(own):
        return extra
    return [*DOMAINS, *extra]


def _norm_domain(value: str) -> str:
    return re.sub(r"[\s\-]+", "_", value.strip().lower())


def _row_problems(rec: dict[str, str]) -> list[str]:
    out = []
    if not rec["name"]:
        out.append("the name is empty.")
    year = rec["year"]
    if not re.fullmatch(r"\d{4}", year) or not 1900 <= int(year) <= 2100:
        out.append(f"year {year!r} is not a year (expected four digits such as 2019).")
        year = ""
    dates = {}
    for col in ("start_date", "end_date"):
        value = rec[col]
        if not value:
            continue
        try:
            dates[col] = dt.date.fromisoformat(value)
        except ValueError:
            out.append(f"{col} {value!r} is not a date (expected YYYY-MM-DD, or leave it empty).")
            continue
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            out.append(f"{col} {value!r} is not a date (expected YYYY-MM-DD, or leave it empty).")
            dates.pop(col)
    if "start_date" in dates and year and dates["start_date"].year != int(year):
        out.append(f"start_date {rec['start_date']} is not in the year {year}.")
    if "start_date" in dates and "end_date" in dates and dates["end_date"] < dates["start_date"]:
        out.append(f"end_date {rec['end_date']} is before start_date {rec['start_date']}.")
    domain = _norm_domain(rec["domain"])
    if (
        not re.fullmatch(r"[a-z][a-z0-9_]*", domain)
        or domain not in DOMAINS
        and suggest(domain, DOMAINS)
    ):
        # a misspelt shipped domain ("navel") is an error; another word ("summit") is a
        # domain of the researcher's own (named once in a warning by load_events)
        out.append(
            f"domain {rec['domain']!r} is not a domain: one of {list(DOMAINS)}"
            + suggest(domain, DOMAINS)
            + ", or a word of your own (letters, digits, _) for events of another kind."
        )
    else:
        rec["domain"] = domain
    if not rec["source"]:
        out.append("the source is missing (every event needs a public source URL).")
    edition = rec.get("edition", "")
    if edition and not re.fullmatch(r"[1-9]\d*", edition):
        out.append(
            f"edition {edition!r} is not a number (expected the event's number in its "
            "series, such as 28 for COP28, or leave it empty)."
        )
    return out


def check_year_range(
    year_start: int, year_end: int, *, table: pd.DataFrame | None = None
) -> tuple[int, int]:
    """Return ``(year_start, year_end)`` if they make a forward range of years.

    Parameters
    ----------
    year_start, year_end
        The first and last year of the chart and trend (whole numbers, 1900-2100); with
        ``table``, 0 is the table's first (last) year.
    table
        The event table (:func:`load_events`), for years given as 0: a table of one's own
        is charted over its own years, not the shipped record's 2005-2026.

    Returns
    -------
    tuple of int
        ``(year_start, year_end)``, checked.

    Raises
    ------
    ParameterError
        If either is not a whole number between 1900 and 2100, or the range is empty
        or backwards (``year_start > year_end``).

    Examples
    --------
    >>> check_year_range(2005, 2024)
    (2005, 2024)
    >>> check_year_range(0, 0, table=pd.DataFrame({"year": [2021, 2024]}))
    (2021, 2024)
    """
    if table is not None and len(table) and "year" in table.columns:
        if year_start == 0 and not isinstance(year_start, bool):
            year_start = int(table["year"].min())
        if year_end == 0 and not isinstance(year_end, bool):
            year_end = int(table["year"].max())
    a = check_int("year_start", year_start, min_value=1900, max_value=2100)
    b = check_int("year_end", year_end, min_value=1900, max_value=2100)
    if a > b:
        raise ParameterError(
            f"`year_start` ({a}) is after `year_end` ({b}): the year range is empty or "
            "backwards. Set year_start to a year before or equal to year_end "
            "(e.g. year_start = 2005, year_end = 2024)."
        )
    return a, b


def _check_events(
    events: pd.DataFrame, name: str = "events", required: Sequence[str] = ("name", "year", "domain")
) -> None:
    if not isinstance(events, pd.DataFrame):
        raise ParameterError(
            f"`{name}` must be the event table (a DataFrame from events.load_events), but "
            f"{type(events).__name__} was passed."
        )
    missing = [c for c in required if c not in events.columns]
    if missing:
        raise ParameterError(
            f"`{name}` lacks the column(s) {missing}; it has {list(events.columns)}. "
            "Pass the table made by events.load_events."
        )


def publication_year(documents: pd.DataFrame, *, override: int = 0) -> tuple[int | None, str]:
    """Return the corpus's publication year and where it came from.

    In order: ``override`` (a year > 0, e.g. the notebook's ``publication_year``
    parameter); the documents' ``published`` column (the most common year, ties to the
    latest); the latest date of an embedded social-media post (an article is published
    on or after the posts it embeds); else ``None``.

    Parameters
    ----------
    documents
        The documents frame (``published`` and ``text`` are read; a missing date, None,
        NaN, NaT or ``pd.NA``, is no date, as an empty one).
    override
        A year > 0 that wins over the documents' dates; 0 (default): none.

    Returns
    -------
    tuple
        ``(year or None, where it came from)``, the second a phrase for the notebook.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "published": ["2024-09-10"], "text": ["x"]})
    >>> publication_year(docs)
    (2024, "the documents' published column")
    """
    year = check_int("publication_year", override, min_value=0, max_value=2100)
    if year:
        if year < 1900:
            raise ParameterError(
                f"`publication_year` must be 0 (auto) or a year from 1900, but {year} was passed."
            )
        return year, "the publication_year parameter"
    if not isinstance(documents, pd.DataFrame):
        raise ParameterError(
            f"`documents` must be a pandas DataFrame, but {type(documents).__name__} was passed."
        )
    if "published" in documents.columns:
        found = [
            int(m.group(0))
            for v in text_values(documents["published"])
            if (m := re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", v))
        ]
        if found:
            counts = pd.Series(found).value_counts()
            best = int(max(counts[counts == counts.max()].index))
            return best, "the documents' published column"
    if "text" in documents.columns and "doc_id" in documents.columns:
        from ..corpus import embeds

        dates = [d for d in embeds(documents)["date"] if d]
        if dates:
            return int(max(dates)[:4]), "the latest date of an embedded post"
    written = (
        [v for v in text_values(documents["published"]).str.strip() if v]
        if "published" in documents.columns
        else []
    )
    if written:
        return None, (
            f"no publication_year parameter, no year in the published value {written[0]!r}, "
            "no embedded posts"
        )
    return None, "no publication_year parameter, no published dates, no embedded posts"


_ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)")


def publication_date(documents: pd.DataFrame) -> tuple[str | None, str]:
    """Return the corpus's publication date (ISO ``YYYY-MM-DD``) and where it came from.

    The latest full date in the documents' ``published`` column; else the latest date of
    an embedded social-media post (an article is published on or after the posts it
    embeds); else ``None``. Claims are checked against the record up to this date
    (:func:`events_until`).

    Parameters
    ----------
    documents
        The documents frame (``published`` and ``text`` are read; a missing date, None,
        NaN, NaT or ``pd.NA``, is no date, as an empty one).

    Returns
    -------
    tuple
        ``(ISO date or None, where it came from)``.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "published": ["2024-09-10", "2023-01-02"],
    ...                      "text": ["x", "y"]})
    >>> publication_date(docs)
    ('2024-09-10', "the documents' published column")
    >>> publication_date(docs.assign(published=""))[0] is None
    True
    """
    if not isinstance(documents, pd.DataFrame):
        raise ParameterError(
            f"`documents` must be a pandas DataFrame, but {type(documents).__name__} was passed."
        )
    if "published" in documents.columns:
        found = [
            m.group(0)
            for v in text_values(documents["published"])
            if (m := _ISO_DATE.search(v)) and _valid_date(m.group(0))
        ]
        if found:
            return max(found), "the documents' published column"
    if "text" in documents.columns and "doc_id" in documents.columns:
        from ..corpus import embeds

        dates = [str(d)[:10] for d in embeds(documents)["date"] if d and _valid_date(str(d)[:10])]
        if dates:
            return max(dates), "the latest date of an embedded post"
    return None, "no published dates and no embedded posts"


CUT_COLUMNS = ["doc_id", "publication_year", "publication_date", "cut", "cut_source", "flagged"]


def document_cuts(documents: pd.DataFrame, *, override: int = 0) -> pd.DataFrame:
    """Per document, the point in time its claims are checked at: its own publication.

    Each document is judged on the record as of its own ``published`` date (or, without
    one, the latest date of a post it embeds); ``override`` (a year > 0, the notebook's
    ``publication_year``) sets the year of every document. A document with no date at all
    is checked against the whole record and ``flagged``.

    Parameters
    ----------
    documents
        The documents frame (``doc_id``, ``published`` and ``text`` are read; a missing
        date, None, NaN, NaT or ``pd.NA``, is no date, as an empty one).
    override
        A year > 0 given to every document; 0 (default): each its own date.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, publication_year, publication_date, cut, cut_source, flagged``:
        ``publication_year`` is 0 and ``publication_date`` empty when unknown; ``cut`` is
        the date, month or year the record is cut at (``"whole record"`` when flagged); a
        document dated by its month (``"2019-05"``) is cut at the month, its
        ``publication_date`` the month's last day, to which the record is read;
        ``cut_source`` says where it came from.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["x", "y", "z"],
    ...                      "published": ["2022-07-12", "2013", ""]})
    >>> document_cuts(docs)[["doc_id", "cut", "flagged"]].values.tolist()
    [['a', '2022-07-12', False], ['b', '2013', False], ['c', 'whole record', True]]
    """
    check_columns("documents", documents, ["doc_id", "text"])
    ids = doc_ids(documents)
    rows = []
    for i in range(len(documents)):
        one = documents.iloc[[i]]
        year, source = publication_year(one, override=override)
        date, date_source = publication_date(one)
        label = date
        if not date and (month := _month_of(one)):
            # a month without its day: the record is read to the month's last day
            label, date = month, day_span(month)[1].isoformat()
            date_source = "the documents' published column (a month: read to its last day)"
        if date and year and int(date[:4]) != year:
            date = label = None  # the override names another year: cut at its end
        if date and not override:
            source = date_source
        cut = label or (str(year) if year else "whole record")
        rows.append((ids.iloc[i], year or 0, date or "", cut, source, year is None))
    out = pd.DataFrame(rows, columns=CUT_COLUMNS)
    return out.astype({"publication_year": "int64", "flagged": bool})


def _month_of(documents: pd.DataFrame) -> str | None:
    """Return the latest ``YYYY-MM`` of the ``published`` column (None when there is none)."""
    if "published" not in documents.columns:
        return None
    months = [v.strip() for v in text_values(documents["published"])]
    months = [v for v in months if len(v) == 7 and day_span(v) is not None]
    return max(months) if months else None


def cut_end(cut: object) -> dt.date | None:
    """Return the last day a cut covers: a year's 31 December, a month's last day, a day.

    Parameters
    ----------
    cut
        A cut of :func:`document_cuts` (``"2024"``, ``"2024-09"``, ``"2024-09-10"``) or
        ``"whole record"``.

    Returns
    -------
    datetime.date or None
        The last day the record is read up to; None for ``"whole record"``, an empty or
        missing cut.

    Raises
    ------
    ParameterError
        When ``cut`` is text of another form.

    Examples
    --------
    >>> cut_end("2024"), cut_end("2024-02"), cut_end("whole record")
    (datetime.date(2024, 12, 31), datetime.date(2024, 2, 29), None)
    """
    from .dates import date_text

    text = date_text(cut).strip()
    if text in ("", "whole record"):
        return None
    m = re.fullmatch(r"((?:19|20)\d{2})(?:-(0[1-9]|1[0-2])(?:-(\d{2}))?)?", text)
    if not m or (m.group(3) and not _valid_date(text)):
        raise ParameterError(
            f"`cut` must be a year (YYYY), a month (YYYY-MM), a date (YYYY-MM-DD) or "
            f"'whole record', but {text!r} was passed."
        )
    return day_span(text)[1]


def latest_cut(cuts: pd.DataFrame) -> pd.Series | None:
    """Return the row of the latest cut: the one that reads the record furthest.

    Cuts of different precision are ordered by the last day they cover (:func:`cut_end`):
    a year-only cut ``"2024"`` reads the record to the end of 2024, so it is later than
    ``"2024-03-01"`` (sorting the text would put the day last). Flagged rows (no date)
    are left out; of cuts ending the same day, the last in the table is taken.

    Parameters
    ----------
    cuts
        The frame of :func:`document_cuts`.

    Returns
    -------
    pandas.Series or None
        The row of ``cuts`` (``publication_year``, ``publication_date``, ``cut`` ...);
        None when no document has a date.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["x", "y"],
    ...                      "published": ["2024", "2024-03-01"]})
    >>> latest_cut(document_cuts(docs))["cut"]
    '2024'
    """
    check_columns("cuts", cuts, CUT_COLUMNS)
    dated = cuts[~cuts["flagged"].astype(bool)]
    if dated.empty:
        return None
    ends = [cut_end(c) for c in dated["cut"]]
    best = max(range(len(ends)), key=lambda i: (ends[i] or dt.date.min, i))
    return dated.iloc[best]


def _valid_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def events_until(
    events: pd.DataFrame,
    *,
    publication_year: int | None,
    publication_date: str | None = None,
) -> pd.DataFrame:
    """Cut the record at the publication date: what an article could know when written.

    Kept: events of earlier years; events of the publication year that started on or
    before ``publication_date`` (the whole publication year when no date is given); and
    events of the publication year **with no start date** (the record cannot tell
    whether they came before the article; they are kept and listed in the note). Left
    out: events that started after the date or in a later year.

    Parameters
    ----------
    events
        The event table (:func:`load_events`).
    publication_year
        The article's year (:func:`publication_year`); ``None`` keeps the whole record.
    publication_date
        ISO date in that year (:func:`publication_date`); a date of another year is
        ignored and the cut falls at the end of ``publication_year``.

    Returns
    -------
    pandas.DataFrame
        The kept rows, in table order, with ``attrs``: ``record_until`` (the date or
        year of the cut, ``""`` for none), ``left_out`` (labels of the rows left out),
        ``undated_kept`` (publication-year rows kept without a date) and ``note`` (one
        sentence saying all this, for tables and notebooks).

    Examples
    --------
    >>> cut = events_until(load_events(), publication_year=2024, publication_date="2024-09-10")
    >>> cut.attrs["record_until"], int(cut["year"].max())
    ('2024-09-10', 2024)
    >>> "Joint Strategic Air Patrol 2024 (2024-11-29)" in cut.attrs["left_out"]
    True
    """
    _check_events(events, required=("name", "year", "start_date"))
    ev = events.copy()
    ev.attrs = {}
    if publication_year is None:
        ev.attrs.update(
            record_until="", left_out=[], undated_kept=[],
            note="No publication year: the whole record is used.",
        )  # fmt: skip
        return ev
    year, date = _cut_at(publication_year, publication_date)
    start = ev["start_date"].fillna("").astype(str)
    years = ev["year"].astype(int)
    undated = (years == year) & (start == "")
    keep = _kept(years.to_numpy(), start.to_numpy(dtype=object), year, date)
    labels = _row_labels(ev)
    left = [lab for lab, k in zip(labels, keep, strict=True) if not k]
    kept_undated = [lab for lab, u in zip(labels, undated, strict=True) if u]
    until = date or str(year)
    note = f"Record cut at the publication {'date' if date else 'year'} ({until}): "
    note += f"{len(left)} later event(s) left out" if left else "no later events"
    if kept_undated and date:
        note += (
            f"; {len(kept_undated)} event(s) of {year} with no start date kept, though they "
            f"may be later: {'; '.join(kept_undated)}"
        )
    note += "."
    out = ev[keep].reset_index(drop=True)
    out.attrs.update(record_until=until, left_out=left, undated_kept=kept_undated, note=note)
    return out


def _cut_at(publication_year: int, publication_date: str | None) -> tuple[int, str]:
    """Check a cut: its year, and its date (``""`` when the date is not in that year)."""
    year = check_int("publication_year", publication_year, min_value=1900, max_value=2100)
    date = str(publication_date or "")
    if date and not (_valid_date(date) and int(date[:4]) == year):
        date = ""
    return year, date


def _kept(years: np.ndarray, starts: np.ndarray, year: int, date: str) -> np.ndarray:
    """Which events a cut keeps: earlier years, and the year's events up to ``date``."""
    if date:
        return (years < year) | ((years == year) & ((starts == "") | (starts <= date)))
    return years <= year


def _row_labels(rows: pd.DataFrame) -> list[str]:
    """Label each event row as tables and notes show it: ``"Vostok 2018 (2018-09-11)"``."""
    return [
        f"{name} {int(y)}{f' ({sd})' if str(sd) else ''}"
        for name, y, sd in zip(rows["name"], rows["year"], rows["start_date"], strict=True)
    ]
