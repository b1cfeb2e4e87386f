"""Exercise frequency: a sourced event table, the exercises a corpus names, and the trend.

Coverage of China–Russia military cooperation makes two kinds of claim this module
checks against a reference record:

* **named exercises** with a year ("Northern/Interaction-2024", "Ocean-2024",
  "Joint Sea-2012", "Vostok 2018") and where they took place;
* **frequency claims**: ordinals ("the fifth such instance", "the third joint patrol")
  and trends ("the growing frequency of these exercises").

The reference record is ``framelens/data/exercises.csv`` (one row per exercise or joint
patrol, every row with a public source; see ``framelens/data/EXERCISES.md``). Users pass
their own table with :func:`load_events`.

The pipeline::

    events  = load_events()                       # the record (validated)
    found   = mentions(sentences, events=events)  # per sentence, any partition
    counts  = mention_counts(found)               # per paragraph, summable
    yearly  = events_per_year(events, 2005, 2024) # tidy year x domain counts
    fit     = trend(yearly)                       # Poisson rate ratio per year
    record  = events_until(events, publication_year=2024, publication_date="2024-09-10")
    claims  = check_claims(found, record, publication_year=2024, trend=fit)
    ax      = plot_frequency(yearly, highlights=highlights(found, events))

:func:`mentions` works on any subset of sentences and returns rows for just those;
:func:`mention_counts` gives per-paragraph counts that concatenate across partitions,
and :func:`total_counts` finishes corpus totals from summed counts.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import warnings
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from .errors import InputError, ParameterError
from .params import check_choice, check_columns, check_int, check_number, suggest
from .resources import data_path

__all__ = [
    "CLAIM_COLUMNS",
    "DOMAINS",
    "EVENT_COLUMNS",
    "MENTION_COLUMNS",
    "PER_YEAR_COLUMNS",
    "TREND_COLUMNS",
    "CUT_COLUMNS",
    "check_claims",
    "check_claims_by_document",
    "check_year_range",
    "document_cuts",
    "events_per_year",
    "events_until",
    "highlights",
    "load_events",
    "mention_counts",
    "mentions",
    "plot_frequency",
    "publication_date",
    "publication_year",
    "recent_window",
    "total_counts",
    "trend",
]

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
#: Columns of :func:`events_per_year`.
PER_YEAR_COLUMNS = ["year", "domain", "n", "names"]
#: Columns of :func:`trend`.
TREND_COLUMNS = [
    "window",
    "year_start",
    "year_end",
    "n_years",
    "n_events",
    "rate_ratio",
    "ci_low",
    "ci_high",
    "p_value",
    "pearson_chi2",
    "df_resid",
    "dispersion",
    "ci_low_quasi",
    "ci_high_quasi",
    "supports_growth",
    "sentence",
    "note",
]
#: Columns of :func:`check_claims`.
CLAIM_COLUMNS = [
    "doc_id",
    "sent_id",
    "claim_type",
    "claim",
    "mention",
    "status",
    "deciding_rows",
    "reason",
    "record_until",
    "sentence",
]
#: Years in the window over which "in recent years" claims are checked (up to publication).
RECENT_YEARS = 6
SUPPORTED, NOT_SUPPORTED, NOT_CHECKABLE = "supported", "not supported", "not checkable"


# ---------------------------------------------------------------------------------------
# the event table


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
        If a column is missing (names them and lists those present), or a row has a
        year that is not a year, a bad start or end date, an end before its start, an
        unknown domain or no source. Each problem names its row and line.

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
        raise InputError(
            f"events_path {str(path)!r}: no such file (expected a CSV with the columns "
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
        raise InputError(
            f"{where}: missing column(s) {missing}; the file has {header}. An event table "
            f"needs the columns {EVENT_COLUMNS}."
        )
    extra = [c for c in header if c not in EVENT_COLUMNS and c]
    index = {c: header.index(c) for c in EVENT_COLUMNS + extra}
    rows, problems = [], []
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
        raw = raw + [""] * (len(header) - len(raw))
        rec = {c: raw[i].strip() for c, i in index.items()}
        here = f"row {row_no} (line {line}, name {rec['name']!r})"
        problems.extend(f"{where}, {here}: {msg}" for msg in _row_problems(rec))
        rows.append(rec)
    if problems:
        shown = "\n  ".join(problems[:10])
        more = f"\n  … and {len(problems) - 10} more" if len(problems) > 10 else ""
        raise InputError(f"the event table has {len(problems)} problem(s):\n  {shown}{more}")
    if not rows:
        raise InputError(f"{where}: the file has a header but no event rows.")
    frame = pd.DataFrame(rows, columns=EVENT_COLUMNS + extra)
    frame["year"] = frame["year"].astype("int64")
    frame = frame.sort_values(["year", "start_date", "name"], kind="stable")
    frame = frame.reset_index(drop=True)
    frame.attrs["path"] = where
    return frame


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
    if domain not in DOMAINS:
        out.append(
            f"domain {rec['domain']!r} is unknown (allowed: {list(DOMAINS)})"
            + suggest(domain, DOMAINS)
            + "."
        )
    else:
        rec["domain"] = domain
    if not rec["source"]:
        out.append("the source is missing (every event needs a public source URL).")
    return out


def check_year_range(year_start: int, year_end: int) -> tuple[int, int]:
    """Return ``(year_start, year_end)`` if they make a forward range of years.

    Raises
    ------
    ParameterError
        If either is not a whole number between 1900 and 2100, or the range is empty
        or backwards (``year_start > year_end``).

    Examples
    --------
    >>> check_year_range(2005, 2024)
    (2005, 2024)
    """
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


# ---------------------------------------------------------------------------------------
# mentions

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
    _check_sentences(sentences)
    ev = load_events() if events is None else events
    _check_events(ev)
    known = set(zip(ev["name"].astype(str), ev["year"].astype(int), strict=True))
    pattern, groups = _named_re()
    n = len(sentences)
    paras = sentences["para_id"] if "para_id" in sentences.columns else [-1] * n
    kinds = sentences["kind"] if "kind" in sentences.columns else ["prose"] * n
    rows: list[tuple] = []
    for doc_id, sent_id, start, text, para, skind in zip(
        sentences["doc_id"],
        sentences["sent_id"],
        sentences["start"],
        sentences["text"],
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


def _check_sentences(sentences: pd.DataFrame) -> None:
    if not isinstance(sentences, pd.DataFrame):
        raise ParameterError(
            f"`sentences` must be a pandas DataFrame, but {type(sentences).__name__} was passed."
        )
    missing = [c for c in ("doc_id", "sent_id", "start", "text") if c not in sentences.columns]
    if missing:
        raise ParameterError(
            f"`sentences` lacks the column(s) {missing}; it has {list(sentences.columns)}. "
            "Pass the frame made by corpus.segment."
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


# ---------------------------------------------------------------------------------------
# counting events and the trend


def events_per_year(
    events: pd.DataFrame,
    year_start: int,
    year_end: int,
    *,
    domains: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Count events per year and domain over a year range, zeros included.

    Parameters
    ----------
    events
        The event table (:func:`load_events`).
    year_start, year_end
        The range, both included (checked by :func:`check_year_range`).
    domains
        Domains to count (default: all of :data:`DOMAINS`).

    Returns
    -------
    pandas.DataFrame
        ``year, domain, n, names``: one row per year and domain, ``n`` the number of
        events that started that year, ``names`` the events counted (``"Joint Sea 2012;
        Peace Mission 2012"``, the evidence beside the number). Sorted by year, then
        domain in the order of :data:`DOMAINS`.

    Examples
    --------
    >>> t = events_per_year(load_events(), 2005, 2005)
    >>> t.loc[t.n > 0, ["year", "domain", "n", "names"]].values.tolist()
    [[2005, 'combined', 1, 'Peace Mission 2005']]
    """
    _check_events(events)
    a, b = check_year_range(year_start, year_end)
    doms = list(DOMAINS) if domains is None else [str(d) for d in domains]
    if not doms:
        raise ParameterError(f"`domains` must name at least one of {list(DOMAINS)}.")
    for d in doms:
        check_choice("domains", d, DOMAINS)
    ev = events[(events["year"] >= a) & (events["year"] <= b) & events["domain"].isin(doms)]
    grid = pd.MultiIndex.from_product([range(a, b + 1), doms], names=["year", "domain"])
    labels = ev["name"].astype(str) + " " + ev["year"].astype(str)
    g = pd.DataFrame({"year": ev["year"].astype(int), "domain": ev["domain"], "label": labels})
    n = g.groupby(["year", "domain"]).size()
    names = g.groupby(["year", "domain"])["label"].agg(lambda s: "; ".join(s))
    out = pd.DataFrame(index=grid)
    out["n"] = n.reindex(grid, fill_value=0).astype("int64")
    out["names"] = names.reindex(grid, fill_value="").astype(str)
    out = out.reset_index()
    out["year"] = out["year"].astype("int64")
    return out[PER_YEAR_COLUMNS]


def _yearly_totals(per_year: pd.DataFrame) -> pd.DataFrame:
    missing = [c for c in ("year", "n") if c not in per_year.columns]
    if missing:
        raise ParameterError(
            f"`per_year` lacks the column(s) {missing}; pass the frame made by "
            "events.events_per_year."
        )
    return per_year.groupby("year", sort=True)["n"].sum().reset_index()


def trend(per_year: pd.DataFrame, *, alpha: float = 0.05) -> pd.DataFrame:
    """Fit a Poisson regression of yearly event counts on year; state what it supports.

    The model is ``log E[count] = b0 + b1 * (year - mean year)`` (statsmodels GLM,
    Poisson family; McCullagh & Nelder 1989). ``exp(b1)`` is the rate ratio per year: 1.10
    means 10 % more events each year. "Growing frequency" is supported over the window
    when the whole 95 % interval lies above 1. Overdispersion is checked with Pearson's
    chi-square over its degrees of freedom; when it exceeds 1 the quasi-Poisson interval
    (standard errors times its square root), like a negative binomial fit, is wider.

    Parameters
    ----------
    per_year
        Yearly counts (:func:`events_per_year`; domains are summed).
    alpha
        1 - confidence level of the intervals.

    Returns
    -------
    pandas.DataFrame
        One row: ``window, year_start, year_end, n_years, n_events, rate_ratio, ci_low,
        ci_high, p_value, pearson_chi2, df_resid, dispersion, ci_low_quasi,
        ci_high_quasi, supports_growth, sentence, note``. With fewer than 3 years or no
        events the numbers are NaN and ``note`` says why.

    Examples
    --------
    >>> fit = trend(events_per_year(load_events(), 2005, 2024))
    >>> bool(fit.supports_growth.item()), round(float(fit.rate_ratio.item()), 3)
    (True, 1.161)
    """
    alpha = check_number("alpha", alpha, min_value=1e-6, max_value=0.5)
    totals = _yearly_totals(per_year)
    years = totals["year"].to_numpy(dtype=float)
    y = totals["n"].to_numpy(dtype=float)
    a = int(years.min()) if len(years) else 0
    b = int(years.max()) if len(years) else 0
    base = {
        "window": f"{a}-{b}" if len(years) else "",
        "year_start": a, "year_end": b, "n_years": len(years), "n_events": int(y.sum()),
        "rate_ratio": math.nan, "ci_low": math.nan, "ci_high": math.nan,
        "p_value": math.nan, "pearson_chi2": math.nan, "df_resid": math.nan,
        "dispersion": math.nan, "ci_low_quasi": math.nan, "ci_high_quasi": math.nan,
        "supports_growth": pd.NA, "sentence": "", "note": "",
    }  # fmt: skip
    if len(years) < 3:
        base["note"] = (
            f"only {len(years)} year(s) in the window: a trend needs at least 3. Widen the "
            "year range."
        )
        base["sentence"] = "Too few years to estimate a trend."
        return _one_row(base)
    if y.sum() == 0:
        base["note"] = "no events in the window, so there is no rate to compare."
        base["sentence"] = f"No events in {a}-{b}: no trend can be estimated."
        return _one_row(base)
    # the GLM module directly: statsmodels.api would import every model (~2 s more)
    from statsmodels.genmod import families
    from statsmodels.genmod.generalized_linear_model import GLM

    x = np.column_stack([np.ones_like(years), years - years.mean()])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        res = GLM(y, x, family=families.Poisson()).fit()
    z = float(np.exp(res.params[1]))
    lo, hi = (float(v) for v in np.exp(res.conf_int(alpha=alpha)[1]))
    chi2 = float(res.pearson_chi2)
    dfr = float(res.df_resid)
    disp = chi2 / dfr if dfr > 0 else math.nan
    if disp > 1:  # only then: a perfect fit (the same count every year) has a scale of 0
        with warnings.catch_warnings(record=True):
            warnings.simplefilter("always")
            quasi = GLM(y, x, family=families.Poisson()).fit(scale="X2")
        qlo, qhi = (float(v) for v in np.exp(quasi.conf_int(alpha=alpha)[1]))
    else:
        qlo, qhi = lo, hi
    level = f"{100 * (1 - alpha):g}%"
    supports = lo > 1
    if lo > 1:
        verdict = "the data support 'growing frequency' over this window"
    elif hi < 1:
        verdict = "the data show a falling frequency, not a growing one, over this window"
    else:
        verdict = (
            f"the {level} interval includes 1, so the data do not establish 'growing "
            "frequency' over this window"
        )
    sentence = (
        f"Over {a}-{b} ({len(years)} years, {int(y.sum())} events) the expected number of "
        f"events changed by a factor of {z:.2f} a year ({level} CI {lo:.2f}-{hi:.2f}): "
        f"{verdict}."
    )
    if disp > 1:
        widen = math.sqrt(disp)
        disp_note = (
            f"Pearson chi2/df = {disp:.2f} > 1 (overdispersion): a quasi-Poisson or negative "
            f"binomial model widens the interval (quasi-Poisson {qlo:.2f}-{qhi:.2f}, standard "
            f"errors x{widen:.2f})."
        )
        if supports and qlo <= 1:
            sentence += (
                " Allowing for overdispersion, the interval includes 1: the support is fragile."
            )
            supports = False
    else:
        disp_note = (
            f"Pearson chi2/df = {disp:.2f} <= 1: no overdispersion, so a quasi-Poisson or "
            "negative binomial model would not widen the interval."
        )
    extra = "; ".join(sorted({str(w.message) for w in caught}))
    base.update(
        rate_ratio=z, ci_low=lo, ci_high=hi, p_value=float(res.pvalues[1]),
        pearson_chi2=chi2, df_resid=dfr, dispersion=disp, ci_low_quasi=qlo,
        ci_high_quasi=qhi, supports_growth=bool(supports), sentence=sentence,
        note=disp_note + (f" Fit warnings: {extra}" if extra else ""),
    )  # fmt: skip
    return _one_row(base)


def _one_row(values: dict) -> pd.DataFrame:
    out = pd.DataFrame([values], columns=TREND_COLUMNS)
    out["supports_growth"] = out["supports_growth"].astype("boolean")
    return out


# ---------------------------------------------------------------------------------------
# publication year


def publication_year(documents: pd.DataFrame, *, override: int = 0) -> tuple[int | None, str]:
    """Return the corpus's publication year and where it came from.

    In order: ``override`` (a year > 0, e.g. the notebook's ``publication_year``
    parameter); the documents' ``published`` column (the most common year, ties to the
    latest); the latest date of an embedded social-media post (an article is published
    on or after the posts it embeds); else ``None``.

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
            for v in documents["published"].astype(str)
            if (m := re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", v))
        ]
        if found:
            counts = pd.Series(found).value_counts()
            best = int(max(counts[counts == counts.max()].index))
            return best, "the documents' published column"
    if "text" in documents.columns and "doc_id" in documents.columns:
        from .corpus import embeds

        dates = [d for d in embeds(documents)["date"] if d]
        if dates:
            return int(max(dates)[:4]), "the latest date of an embedded post"
    return None, "no publication_year parameter, no published dates, no embedded posts"


_ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)")


def publication_date(documents: pd.DataFrame) -> tuple[str | None, str]:
    """Return the corpus's publication date (ISO ``YYYY-MM-DD``) and where it came from.

    The latest full date in the documents' ``published`` column; else the latest date of
    an embedded social-media post (an article is published on or after the posts it
    embeds); else ``None``. Claims are checked against the record up to this date
    (:func:`events_until`).

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
            for v in documents["published"].astype(str)
            if (m := _ISO_DATE.search(v)) and _valid_date(m.group(0))
        ]
        if found:
            return max(found), "the documents' published column"
    if "text" in documents.columns and "doc_id" in documents.columns:
        from .corpus import embeds

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

    Returns
    -------
    pandas.DataFrame
        ``doc_id, publication_year, publication_date, cut, cut_source, flagged``:
        ``publication_year`` is 0 and ``publication_date`` empty when unknown; ``cut`` is
        the date or year the record is cut at (``"whole record"`` when flagged);
        ``cut_source`` says where it came from.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["x", "y", "z"],
    ...                      "published": ["2022-07-12", "2013", ""]})
    >>> document_cuts(docs)[["doc_id", "cut", "flagged"]].values.tolist()
    [['a', '2022-07-12', False], ['b', '2013', False], ['c', 'whole record', True]]
    """
    check_columns("documents", documents, ["doc_id", "text"])
    rows = []
    for i in range(len(documents)):
        one = documents.iloc[[i]]
        year, source = publication_year(one, override=override)
        date, date_source = publication_date(one)
        if date and year and int(date[:4]) != year:
            date = None  # the override names another year: cut at its end
        if date and not override:
            source = date_source
        cut = date or (str(year) if year else "whole record")
        rows.append((str(one["doc_id"].iloc[0]), year or 0, date or "", cut, source, year is None))
    out = pd.DataFrame(rows, columns=CUT_COLUMNS)
    return out.astype({"publication_year": "int64", "flagged": bool})


def check_claims_by_document(
    found: pd.DataFrame,
    events: pd.DataFrame,
    cuts: pd.DataFrame,
    *,
    year_start: int | None = None,
    year_end: int | None = None,
    gazetteer: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Check each document's claims against the record as of its own publication.

    :func:`check_claims` per document, with that document's cut (:func:`document_cuts`):
    "the second joint naval patrol" in a 2022 article is judged on the patrols up to its
    date, whatever the other articles' dates. Frequency claims are judged by a
    :func:`trend` fitted per document on ``year_start`` to its publication year (capped at
    ``year_end``), and "in recent years" claims on the :func:`recent_window` up to it.

    Parameters
    ----------
    found
        :func:`mentions` of the corpus (any documents).
    events
        The event table.
    cuts
        :func:`document_cuts` of the documents.
    year_start, year_end
        The trend window (both or neither; without them frequency claims are not
        checkable).

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`check_claims` plus ``cut, cut_source, flagged`` (which cut
        each row used): documents by doc_id, each in :func:`check_claims`'s order.
    """
    _check_mentions(found)
    check_columns("cuts", cuts, CUT_COLUMNS)
    if (year_start is None) != (year_end is None):
        raise ParameterError("give both `year_start` and `year_end` for the trend, or neither.")
    parts = []
    by_doc = {str(k): g for k, g in found.groupby("doc_id", sort=True)}
    for c in cuts.sort_values("doc_id", kind="stable").itertuples(index=False):
        sub = by_doc.get(str(c.doc_id))
        if sub is None or sub.empty:
            continue
        year = int(c.publication_year) or None
        date = c.publication_date or None
        fit = recent = None
        if year_start is not None:
            a, b = check_year_range(year_start, year_end)
            record = events_until(events, publication_year=year, publication_date=date)
            end = b if year is None else min(b, year)
            if end - a >= 2:
                fit = trend(events_per_year(record, a, end))
                ra, rb = recent_window(a, b, year)
                recent = trend(events_per_year(record, ra, rb)) if rb - ra >= 2 else None
        claims = check_claims(
            sub, events, publication_year=year, publication_date=date, trend=fit,
            recent_trend=recent, gazetteer=gazetteer,
        )  # fmt: skip
        parts.append(claims.assign(cut=c.cut, cut_source=c.cut_source, flagged=bool(c.flagged)))
    if not parts:
        empty = check_claims(found.iloc[0:0], events)
        return empty.assign(cut="", cut_source="", flagged=False).iloc[0:0]
    return pd.concat(parts, ignore_index=True)


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
    year = check_int("publication_year", publication_year, min_value=1900, max_value=2100)
    date = str(publication_date or "")
    if date and not (_valid_date(date) and int(date[:4]) == year):
        date = ""
    start = ev["start_date"].fillna("").astype(str)
    years = ev["year"].astype(int)
    undated = (years == year) & (start == "")
    if date:
        keep = (years < year) | ((years == year) & ((start == "") | (start <= date)))
    else:
        keep = years <= year
    labels = [_row_label(r) for _, r in ev.iterrows()]
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
    out = ev[keep.to_numpy()].reset_index(drop=True)
    out.attrs.update(record_until=until, left_out=left, undated_kept=kept_undated, note=note)
    return out


def recent_window(
    year_start: int, year_end: int, publication_year: int | None, *, years: int = RECENT_YEARS
) -> tuple[int, int]:
    """Return the window for "in recent years" claims: ``years`` years up to publication.

    The window ends at the publication year (or ``year_end`` without one, or when
    ``year_end`` is earlier) and starts ``years - 1`` years before, not before
    ``year_start``.

    Examples
    --------
    >>> recent_window(2005, 2024, 2024)
    (2019, 2024)
    >>> recent_window(2005, 2024, None, years=10)
    (2015, 2024)
    """
    a, b = check_year_range(year_start, year_end)
    years = check_int("years", years, min_value=3, max_value=200)
    end = b if publication_year is None else min(b, int(publication_year))
    end = max(end, a)
    return max(a, end - years + 1), end


# ---------------------------------------------------------------------------------------
# claims


def _row_label(r: pd.Series) -> str:
    when = f" ({r['start_date']})" if str(r.get("start_date", "")) else ""
    return f"{r['name']} {int(r['year'])}{when}"


def _series_for(sentence: str, named: Iterable[str]) -> str | None:
    low = sentence.lower()
    if re.search(r"\b(?:air|aerial|bomber)\b[^.]*\bpatrol", low) or "air patrol" in low:
        return "Joint Strategic Air Patrol"
    if re.search(r"\bpatrol", low):
        return "Joint Naval Patrol"
    named = [n for n in named if n]
    return named[0] if named else None


def check_claims(
    found: pd.DataFrame,
    events: pd.DataFrame,
    *,
    publication_year: int | None = None,
    publication_date: str | None = None,
    trend: pd.DataFrame | None = None,
    recent_trend: pd.DataFrame | None = None,
    gazetteer: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Check the corpus's exercise claims against the event table.

    With ``publication_year`` the record is first cut at the publication date
    (:func:`events_until`): an article cannot be judged on events after it appeared.

    * **named exercise + year** ("Northern/Interaction-2024"): supported when the table
      has that exercise that year; not supported when it lists the series but not that
      year; not checkable when the series or year lies outside the table.
    * **location** (a sea or region named in the same sentence as a named exercise,
      found with the shared gazetteer): supported when the matched row's location names
      it, not supported when it does not, not checkable without a matched row.
    * **ordinal** ("the fifth such instance" of joint patrols): the series is the joint
      air patrols if the sentence speaks of air patrols, the joint naval patrols if it
      speaks of patrols, else the named exercise in the sentence. Supported when the
      n-th event of the series falls in the publication year (or, without one, exists).
    * **frequency** ("growing frequency"): decided by ``trend`` (a :func:`trend` fit,
      which the caller makes from the cut record). A claim about *recent* years ("in
      recent years", "lately", "in the past few years") is decided by ``recent_trend``,
      the fit over the :data:`RECENT_YEARS` years up to publication
      (:func:`recent_window`); its ``deciding_rows`` show both fits and the reason says
      when the verdict depends on the window.
    * novelty ("for the first time") and named mentions without a year: not checkable.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sent_id, claim_type, claim, mention, status, deciding_rows, reason,
        record_until, sentence``: ``status`` is "supported", "not supported" or "not
        checkable"; ``deciding_rows`` names the table rows that decide it ("Joint Naval
        Patrol 2021 (2021-10-17); …"); ``record_until`` the date (or year) the record was
        cut at, ``""`` when uncut. Sorted by doc_id, sent_id, claim_type.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0],
    ...     "text": ["Joint Sea-2012 was held in the Yellow Sea."]})
    >>> check_claims(mentions(s), load_events())[["claim_type", "status"]].values.tolist()
    [['named_year', 'supported']]
    """
    _check_mentions(found)
    _check_events(events, required=("name", "year", "domain", "start_date", "location"))
    cut = events_until(events, publication_year=publication_year, publication_date=publication_date)
    until = cut.attrs["record_until"]
    undated = set(cut.attrs["undated_kept"]) if publication_date else set()
    ev = cut.copy()
    ev["_order"] = range(len(ev))
    ev = ev.sort_values(["year", "start_date", "_order"], kind="stable")
    max_year = int(ev["year"].max()) if len(ev) else 0
    rows: list[dict] = []
    named = found[found["kind"] == "named"]
    claims = found[found["kind"] == "claim"]
    place_re = None
    if len(named):
        from .gazetteer import load_gazetteer

        gaz = load_gazetteer() if gazetteer is None else gazetteer
        gaz = gaz[gaz["type"].isin(["sea", "region"])]
        if len(gaz):
            alts = sorted(set(gaz["alias"]), key=lambda s: (-len(s), s))
            place_re = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, alts)) + r")(?![\w-])")
            alias_to_actor = dict(zip(gaz["alias"], gaz["actor"], strict=True))
    for r in named.itertuples(index=False):
        series = ev[ev["name"] == r.canonical_name]
        base = {"doc_id": r.doc_id, "sent_id": r.sent_id, "mention": r.mention,
                "sentence": r.sentence}  # fmt: skip
        if pd.isna(r.year):
            rows.append(
                {
                    **base,
                    "claim_type": "named_no_year",
                    "claim": f"{r.canonical_name} (no year given)",
                    "status": NOT_CHECKABLE,
                    "deciding_rows": "; ".join(_row_label(x) for _, x in series.iterrows()),
                    "reason": "no year is attached, so there is no date to check.",
                }
            )
            continue
        year = int(r.year)
        hit = series[series["year"] == year]
        claim = f"{r.canonical_name} took place in {year}"
        if len(hit):
            status, reason = SUPPORTED, f"the table lists {r.canonical_name} in {year}."
            deciding = "; ".join(_row_label(x) for _, x in hit.iterrows())
        elif series.empty:
            status = NOT_CHECKABLE
            reason = f"the table has no {r.canonical_name} series."
            deciding = ""
        elif year > max_year:
            status = NOT_CHECKABLE
            reason = (
                f"{year} is after the record up to {until}."
                if until
                else f"{year} is after the table's last year ({max_year})."
            )
            deciding = ""
        else:
            status = NOT_SUPPORTED
            yrs = ", ".join(str(v) for v in sorted(set(series["year"].astype(int))))
            reason = f"the table lists {r.canonical_name} only in {yrs}."
            deciding = "; ".join(_row_label(x) for _, x in series.iterrows())
        rows.append(
            {
                **base,
                "claim_type": "named_year",
                "claim": claim,
                "status": status,
                "deciding_rows": deciding,
                "reason": reason,
            }
        )
        if place_re is None:
            continue
        places = []
        for m in place_re.finditer(str(r.sentence)):
            actor = alias_to_actor[m.group(0)]
            if actor not in places:
                places.append(actor)
        for place in places:
            pclaim = f"{r.canonical_name} {year} took place in/near the {place}"
            if not len(hit):
                st, why = NOT_CHECKABLE, "no table row for this exercise and year."
            else:
                locs = " | ".join(hit["location"].astype(str))
                if not locs.strip():
                    st, why = NOT_CHECKABLE, "the table row gives no location."
                elif place.lower() in locs.lower():
                    st, why = SUPPORTED, f"the table's location: {locs}."
                else:
                    st, why = NOT_SUPPORTED, f"the table's location is {locs}."
            rows.append(
                {
                    **base,
                    "claim_type": "location",
                    "claim": pclaim,
                    "mention": place,
                    "status": st,
                    "deciding_rows": "; ".join(_row_label(x) for _, x in hit.iterrows()),
                    "reason": why,
                }
            )
    for r in claims.itertuples(index=False):
        base = {"doc_id": r.doc_id, "sent_id": r.sent_id, "mention": r.mention,
                "sentence": r.sentence, "claim_type": r.claim_type}  # fmt: skip
        if r.claim_type == "novelty":
            rows.append(
                {
                    **base,
                    "claim": f"'{r.mention}'",
                    "status": NOT_CHECKABLE,
                    "deciding_rows": "",
                    "reason": "a first-time claim concerns a feature of the event, "
                    "which the table does not record.",
                }
            )
            continue
        if r.claim_type == "frequency":
            rows.append({**base, **_frequency_status(r.mention, r.sentence, trend, recent_trend)})
            continue
        n = int(r.ordinal)
        same = named[(named["doc_id"] == r.doc_id) & (named["sent_id"] == r.sent_id)]
        series_name = _series_for(str(r.sentence), same["canonical_name"].tolist())
        if series_name is None:
            rows.append(
                {
                    **base,
                    "claim": f"ordinal {n}",
                    "status": NOT_CHECKABLE,
                    "deciding_rows": "",
                    "reason": "the sentence names no patrol or exercise series to count.",
                }
            )
            continue
        series = ev[ev["name"] == series_name]
        claim = f"the {_ordinal_word(n)} {series_name}"
        if series.empty:
            rows.append(
                {
                    **base,
                    "claim": claim,
                    "status": NOT_CHECKABLE,
                    "deciding_rows": "",
                    "reason": f"the table has no {series_name} series.",
                }
            )
            continue
        upto = series if publication_year is None else series[series["year"] <= publication_year]
        k = len(upto)
        labels = "; ".join(_row_label(x) for _, x in upto.head(max(n, 1)).iterrows())
        if n > k:
            when = "" if publication_year is None else f" up to {publication_year}"
            status = NOT_SUPPORTED
            reason = f"the table has only {k} {series_name} event(s){when}."
        else:
            nth = upto.iloc[n - 1]
            if publication_year is None:
                status = SUPPORTED
                reason = (
                    f"the {_ordinal_word(n)} in the table is {_row_label(nth)} (no "
                    "publication year, so its timing is not checked)."
                )
            elif int(nth["year"]) == int(publication_year):
                status = SUPPORTED
                reason = (
                    f"the {_ordinal_word(n)} in the table is {_row_label(nth)}, in the "
                    f"publication year; {k} in the record up to {until}."
                )
            else:
                status = NOT_SUPPORTED
                reason = (
                    f"the {_ordinal_word(n)} in the table is {_row_label(nth)}, not in "
                    f"{publication_year}; by then there had been {k}."
                )
        late = [_row_label(x) for _, x in upto.head(max(n, 1)).iterrows()]
        late = [lab for lab in late if lab in undated]
        if late:
            reason += (
                f" {len(late)} counted event(s) of {publication_year} have no start date and "
                "may have come after the article."
            )
        rows.append(
            {**base, "claim": claim, "status": status, "deciding_rows": labels, "reason": reason}
        )
    for row in rows:
        row["record_until"] = until
    out = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    if out.empty:
        return out.astype({"sent_id": "int64"})
    out = out.astype({"sent_id": "int64"})
    order = {"named_year": 0, "location": 1, "named_no_year": 2, "ordinal": 3, "novelty": 4,
             "frequency": 5}  # fmt: skip
    out["_o"] = out["claim_type"].map(order)
    out = out.sort_values(["doc_id", "sent_id", "_o"], kind="stable").drop(columns="_o")
    return out.reset_index(drop=True)


def _ordinal_word(n: int) -> str:
    words = {v: k for k, v in _ORDINALS.items()}
    if n in words:
        return words[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_RECENT_RE = re.compile(
    r"\b(?:in\s+recent\s+(?:years|months|times)|recently|lately|of\s+late"
    r"|(?:in\s+)?the\s+(?:past|last)\s+(?:few|several|couple\s+of)\s+years)\b",
    re.IGNORECASE,
)


def _fit_text(f: pd.Series) -> str:
    return (f"yearly counts {f['window']}: rate ratio {f['rate_ratio']:.2f} "
            f"(95% CI {f['ci_low']:.2f}-{f['ci_high']:.2f}; quasi-Poisson "
            f"{f['ci_low_quasi']:.2f}-{f['ci_high_quasi']:.2f})")  # fmt: skip


def _usable(fit: pd.DataFrame | None) -> bool:
    return fit is not None and not fit.empty and not pd.isna(fit["rate_ratio"].iloc[0])


def _frequency_status(
    mention: str, sentence: str, fit: pd.DataFrame | None, recent: pd.DataFrame | None
) -> dict:
    is_recent = bool(_RECENT_RE.search(str(sentence)))
    claim = f"frequency claim: '{mention}'" + (" (in recent years)" if is_recent else "")
    main = recent if is_recent and recent is not None else fit
    if not _usable(main):
        if main is None or main.empty:
            why = "no trend was fitted"
        else:
            why = str(main["note"].iloc[0])
        return {"claim": claim, "status": NOT_CHECKABLE, "deciding_rows": "", "reason": why}
    f = main.iloc[0]
    status = SUPPORTED if bool(f["supports_growth"]) else NOT_SUPPORTED
    deciding = _fit_text(f)
    reason = str(f["sentence"])
    if is_recent and recent is None:
        reason += (
            " The claim is about recent years but no recent-window fit was given, so the "
            "full window decides it."
        )
    elif is_recent and _usable(fit):
        g = fit.iloc[0]
        deciding = f"recent window {deciding} | full window {_fit_text(g)}"
        if bool(g["supports_growth"]) != bool(f["supports_growth"]):
            reason += (
                f" The verdict depends on the window: over {g['window']} the data "
                f"{'do' if bool(g['supports_growth']) else 'do not'} support growth "
                f"(rate ratio {g['rate_ratio']:.2f}, 95% CI {g['ci_low']:.2f}-"
                f"{g['ci_high']:.2f}); the claim says 'recent years', so the recent "
                "window decides."
            )
    return {"claim": claim, "status": status, "deciding_rows": deciding, "reason": reason}


# ---------------------------------------------------------------------------------------
# the chart


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


_HATCHES = {"naval": "", "air": "//", "land": "..", "combined": "xx", "patrol": "\\\\",
            "command_staff": "--"}  # fmt: skip


def plot_frequency(
    per_year: pd.DataFrame,
    *,
    highlights: pd.DataFrame | None = None,
    publication_year: int | None = None,
    record_until: str | None = None,
    ax=None,
):
    """Draw events per year as bars stacked by domain, marking the corpus's exercises.

    Each domain has a colour (Okabe–Ito) and a hatch, so the bars read in greyscale
    print too. Exercises the corpus names are outlined in black within their bar and
    labelled above the bars, each label's leader line ending at the centre of its
    outlined segment; names the table lacks are labelled with "(not in table)" and
    point at the bar top. A grey band marks the publication year. The legend lists the
    domains top to bottom in the order they are stacked and explains the outline. Sized
    for a paper column or a slide (7 in wide, text 9 pt or larger). With no named
    exercise the chart still draws the record and says so in the plot.

    Parameters
    ----------
    per_year
        :func:`events_per_year` output.
    highlights
        :func:`highlights` output (``None`` or empty: nothing highlighted).
    publication_year
        Year to mark, or ``None``.
    record_until
        The date the record was cut at (:func:`events_until`), named in the title.
    ax
        Axes to draw on (default: a new 7 x 5 inch figure).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> ax = plot_frequency(events_per_year(load_events(), 2019, 2024), publication_year=2024)
    >>> [t.get_text() for t in ax.get_legend().get_texts()][:2]
    ['strategic command-staff', 'joint naval patrol']
    >>> plt.close(ax.figure)
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch, Rectangle

    from .plots import PALETTE

    missing = [c for c in PER_YEAR_COLUMNS[:3] if c not in per_year.columns]
    if missing:
        raise ParameterError(
            f"`per_year` lacks the column(s) {missing}; pass the frame made by "
            "events.events_per_year."
        )
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 5))
    wide = per_year.pivot_table(index="year", columns="domain", values="n", aggfunc="sum",
                                fill_value=0, observed=False)  # fmt: skip
    doms = [d for d in DOMAINS if d in wide.columns]
    years = wide.index.to_numpy(dtype=int)
    bottom = np.zeros(len(years))
    seg_bottom: dict[tuple[int, str], float] = {}
    for i, d in enumerate(doms):
        vals = wide[d].to_numpy(dtype=float)
        ax.bar(years, vals, bottom=bottom, width=0.8, color=PALETTE[i % len(PALETTE)],
               edgecolor="white", linewidth=0.6, hatch=_HATCHES.get(d, ""),
               label=DOMAIN_LABELS.get(d, d), zorder=2)  # fmt: skip
        for yr, b0 in zip(years, bottom, strict=True):
            seg_bottom[(int(yr), d)] = float(b0)
        bottom = bottom + vals
    totals = dict(zip(years.tolist(), bottom.tolist(), strict=True))
    top = max(bottom.max() if len(bottom) else 0.0, 1.0)
    hl = highlights if highlights is not None else pd.DataFrame()
    hl = hl[hl["year"].isin(years)] if len(hl) else hl
    step = max(top * 0.11, 0.6)
    placed: list[tuple[int, float]] = []
    highest = top
    last = int(years.max()) if len(years) else 0
    first = int(years.min()) if len(years) else 0
    for r in hl.itertuples(index=False) if len(hl) else []:
        yr = int(r.year)
        target = totals.get(yr, 0.0)
        if r.matched and (yr, r.domain) in seg_bottom and float(wide.loc[yr, r.domain]) > 0:
            h = float(wide.loc[yr, r.domain])
            ax.add_patch(Rectangle((yr - 0.4, seg_bottom[(yr, r.domain)]), 0.8, h, fill=False,
                                   edgecolor="black", linewidth=2.2, zorder=3))  # fmt: skip
            target = seg_bottom[(yr, r.domain)] + h / 2
        ypos = totals.get(yr, 0.0) + step * 0.7
        while any(abs(yr - y2) <= 3 and abs(ypos - p2) < step * 0.95 for y2, p2 in placed):
            ypos += step
        placed.append((yr, ypos))
        if yr >= last - 2:
            ha, xt, rel = "right", yr + 0.4, (0.85, 0.0)
        elif yr <= first + 2:
            ha, xt, rel = "left", yr - 0.4, (0.15, 0.0)
        else:
            ha, xt, rel = "center", yr, (0.5, 0.0)
        text = r.label if r.matched else f"{r.label} (not in table)"
        ax.annotate(text, (yr, target), xytext=(xt, ypos), ha=ha, va="bottom",
                    fontsize=9, fontweight="bold", zorder=5,
                    bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "black", "lw": 0.6},
                    arrowprops={"arrowstyle": "-|>", "mutation_scale": 9, "lw": 1.0,
                                "color": "black", "shrinkA": 0, "shrinkB": 0,
                                "relpos": rel})  # fmt: skip
        highest = max(highest, ypos + step)
    if publication_year is not None and len(years) and first <= publication_year <= last:
        ax.axvspan(publication_year - 0.5, publication_year + 0.5, color="#d9d9d9", zorder=0)
        ax.text(publication_year, 1.0, "article\npublished", transform=ax.get_xaxis_transform(),
                ha="center", va="bottom", fontsize=9, fontweight="bold")  # fmt: skip
    notes = []
    if not len(hl):
        notes.append(
            "The corpus names no exercise with a year: bars show the reference record only."
        )
    if (
        publication_year is not None
        and len(years)
        and not (years.min() <= publication_year <= years.max())
    ):
        notes.append(f"Publication year {publication_year} lies outside the range.")
    if notes:
        highest *= 1.15
        ax.text(
            0.01,
            0.98,
            "\n".join(notes),
            transform=ax.transAxes,
            va="top",
            ha="left",
            fontsize=9,
            bbox={"boxstyle": "round", "fc": "#fff8e0", "ec": "#999999"},
        )
    ax.set_ylim(0, highest * 1.12)
    ax.set_xlim(years.min() - 0.7 if len(years) else 0, years.max() + 0.7 if len(years) else 1)
    ax.set_xticks(years)
    ax.set_xticklabels([str(y) for y in years], rotation=90 if len(years) > 8 else 0,
                       fontsize=9)  # fmt: skip
    for tick, yr in zip(ax.get_xticklabels(), years, strict=True):
        if publication_year is not None and int(yr) == int(publication_year):
            tick.set_fontweight("bold")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.tick_params(axis="y", labelsize=9)
    ax.set_xlabel("Year the event started", fontsize=10)
    ax.set_ylabel("Events per year (count)", fontsize=10)
    a, b = (int(years.min()), int(years.max())) if len(years) else (0, 0)
    title = f"China–Russia joint exercises and patrols per year, {a}–{b}"
    if record_until:
        title += f"\n(record up to the article's date, {record_until})"
    ax.set_title(title, fontsize=11, fontweight="bold", pad=24)
    handles, labels = ax.get_legend_handles_labels()
    handles, labels = handles[::-1], labels[::-1]  # top of the stack first
    handles.append(Patch(facecolor="white", edgecolor="black", linewidth=2.2))
    labels.append("black outline: named in the article")
    ax.legend(handles, labels, title="domain (top of stack first)", loc="upper center",
              bbox_to_anchor=(0.5, -0.2), ncol=2, fontsize=9, title_fontsize=9,
              frameon=False)  # fmt: skip
    ax.grid(axis="x", visible=False)
    return ax
