"""Time expressions in a sentence, resolved against the document's own publication date.

A news article dates events mostly relative to the day it appeared: "last year", "this
week", "in September", "on Tuesday", "Today". :func:`time_expressions` finds them (and
absolute dates and years) in one sentence; :func:`resolve` turns one into a year and a
date given the publication date and the tense, and says how, so every resolved date can
be shown with its rule ("relative:"last year" → 2021 (published 2022-05-24)").

Rules (the gold set's guide, ``tests/data/gold_exercises/GUIDE.md`` section 4):

* "last year" is the published year − 1, "this year" the published year, "next year" + 1;
  "in July last year" is July of the year before;
* a month without a year is the nearest such month on or before publication in the past
  tense, on or after it in the future tense;
* a month and day without a year fall in the year the tense indicates: the published
  year, unless that puts a past event after publication (then the year before) or a
  future one before it (then the year after);
* a weekday is the nearest such day on or before publication (past or present tense),
  on or after it (future tense);
* "today" is the published date; "this week" and "this month" are the published month.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = [
    "TimeExpression",
    "date_text",
    "parse_date",
    "resolve",
    "time_expressions",
    "is_future",
]

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip

_M = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|"
    r"Nov\.?|Dec\.?)"
)
_D = r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_Y = r"(?:19|20)\d{2}"
_DASH = r"\s*(?:-|\u2013|\u2014|to|through|and)\s*"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_REL_YEAR = r"(?:last|this|next|previous|the\s+previous|the\s+past)\s+year"

# One alternation, longest forms first; every branch names what it found.
_TIME_RE = re.compile(
    r"(?<![\w-])(?:"
    rf"(?P<iso>{_Y}-\d{{2}}-\d{{2}})"
    rf"|(?P<mdy>(?P<mdy_m>{_M})\s+(?P<mdy_d>{_D})(?:{_DASH}(?:{_M}\s+)?{_D})?,?\s+(?P<mdy_y>{_Y}))"
    rf"|(?P<dmy>(?P<dmy_d>{_D})(?:{_DASH}{_D})?\s+(?P<dmy_m>{_M})\s*,?\s+(?P<dmy_y>{_Y}))"
    rf"|(?P<my>(?:(?:early|mid|late|mid-)\s*)?(?P<my_m>{_M})\s+(?:of\s+)?(?P<my_y>{_Y}))"
    rf"|(?P<mrel>(?:in\s+)?(?:(?:early|mid|late|mid-)\s*)?(?P<mrel_m>{_M})"
    rf"(?:\s+and\s+(?P<mrel_m2>{_M}))?\s+(?:of\s+)?(?P<mrel_y>{_REL_YEAR}))"
    rf"|(?P<md>(?:(?:on|from|between|since|until|till|by)\s+)?(?P<md_m>{_M})\s+(?P<md_d>{_D})"
    rf"(?:{_DASH}(?:{_M}\s+)?{_D})?)(?![\w,]*\s*,?\s*{_Y})"
    rf"|(?P<dm>(?P<dm_d>{_D})(?:{_DASH}{_D})?\s+(?P<dm_m>{_M}))(?!\s*,?\s*{_Y})"
    rf"|(?P<wd>(?:(?:on|from|starting\s+on|starting|since|last|next|this)\s+)?"
    rf"(?P<wd_w>{_WD})(?:'s|\u2019s)?(?:\s*\((?P<wd_m>{_M})\s+(?P<wd_d>{_D})\))?)"
    rf"|(?P<mon>(?:in|since|until|by|during)\s+(?:(?:early|mid|late|mid-)\s*)?(?P<mon_m>{_M}))"
    rf"(?!\s+{_D})(?!\s*,?\s*{_Y})"
    rf"|(?P<ry>(?:in\s+|since\s+|until\s+)?(?:earlier\s+|later\s+)?{_REL_YEAR}(?:'s|\u2019s)?)"
    r"|(?P<rw>(?:earlier\s+|later\s+)?(?:this|last|next)\s+(?:week|month)(?:'s|\u2019s)?)"
    r"|(?P<today>today(?:'s|\u2019s)?|yesterday|tomorrow)"
    rf"|(?P<yr>(?:(?:in|since|until|by|of|from|during)\s+)?(?P<yr_y>{_Y}))"
    r")(?![\w])",
    re.IGNORECASE,
)

_FUTURE_RE = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:to|set\s+to|scheduled|expected|planned|going\s+to)|"
    r"plans?\s+to|planned|to\s+(?:hold|launch|conduct|stage|begin|start|take\s+place|run)|"
    r"scheduled|upcoming|next)\b|['\u2019]ll\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TimeExpression:
    """One time expression in a sentence, as written and as the calendar reads it.

    Attributes
    ----------
    start, end
        Character offsets in the sentence.
    phrase
        The text as written ("in July last year").
    kind
        ``"absolute"`` (the year is written: "August 1-5, 2025", "in 2012"),
        ``"relative"`` (resolved from the publication date: "last year", "on Tuesday",
        "in September") or ``"range"`` ("since 2012", "until May 26": not the date of
        an event).
    year, month, day
        What the text fixes: a written year, a month, a day; 0 where not written.
    rel
        For relative expressions: ``"year"`` (with ``offset``), ``"month"``,
        ``"monthday"``, ``"weekday"`` (``weekday`` 0-6), ``"week"``, ``"calmonth"`` ("this
        month"), ``"monthrel"``
        (month of a relative year), ``"today"``.
    offset
        Years (or weeks, months, days) relative to publication: -1 for "last year".
    weekday
        0 (Monday) to 6 for weekday expressions, else -1.
    """

    start: int
    end: int
    phrase: str
    kind: str
    year: int = 0
    month: int = 0
    day: int = 0
    rel: str = ""
    offset: int = 0
    weekday: int = -1


def _month(text: str) -> int:
    return _MONTHS[text.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))


def _rel_year_offset(text: str) -> int:
    low = text.lower()
    if "last" in low or "previous" in low or "past" in low:
        return -1
    if "next" in low:
        return 1
    return 0


def time_expressions(sentence: str) -> list[TimeExpression]:
    """Find the time expressions of one sentence, in order.

    Parameters
    ----------
    sentence
        The sentence text.

    Returns
    -------
    list of TimeExpression
        Absolute dates and years, relative expressions and ranges ("since 2012"), with
        their offsets in the sentence.

    Examples
    --------
    >>> [(t.phrase, t.kind) for t in time_expressions("In 2012 they held a drill last year.")]
    [('In 2012', 'absolute'), ('last year', 'relative')]
    >>> t = time_expressions("It was held in July last year.")[0]
    >>> t.phrase, t.rel, t.month, t.offset
    ('in July last year', 'monthrel', 7, -1)
    """
    out: list[TimeExpression] = []
    for m in _TIME_RE.finditer(sentence):
        g = m.lastgroup
        phrase = m.group(0)
        low = phrase.lower()
        s, e = m.start(), m.end()
        ranged = bool(re.match(r"(?:since|until|by)\b", low))
        kind = "range" if ranged else "absolute"
        if g == "iso":
            y, mo, d = (int(x) for x in phrase.split("-"))
            out.append(TimeExpression(s, e, phrase, kind, y, mo, d))
        elif g == "mdy":
            out.append(
                TimeExpression(
                    s, e, phrase, kind, int(m["mdy_y"]), _month(m["mdy_m"]), _day(m["mdy_d"])
                )
            )
        elif g == "dmy":
            out.append(
                TimeExpression(
                    s, e, phrase, kind, int(m["dmy_y"]), _month(m["dmy_m"]), _day(m["dmy_d"])
                )
            )
        elif g == "my":
            out.append(TimeExpression(s, e, phrase, kind, int(m["my_y"]), _month(m["my_m"])))
        elif g == "mrel":
            out.append(
                TimeExpression(
                    s,
                    e,
                    phrase,
                    "relative",
                    month=_month(m["mrel_m"]),
                    rel="monthrel",
                    offset=_rel_year_offset(m["mrel_y"]),
                )  # fmt: skip
            )
        elif g == "md":
            out.append(
                TimeExpression(
                    s,
                    e,
                    phrase,
                    "range" if ranged else "relative",
                    month=_month(m["md_m"]),
                    day=_day(m["md_d"]),
                    rel="monthday",
                )  # fmt: skip
            )
        elif g == "dm":
            out.append(
                TimeExpression(
                    s,
                    e,
                    phrase,
                    "relative",
                    month=_month(m["dm_m"]),
                    day=_day(m["dm_d"]),
                    rel="monthday",
                )  # fmt: skip
            )
        elif g == "wd":
            w = _WEEKDAYS[m["wd_w"].lower()]
            if m["wd_m"]:
                out.append(
                    TimeExpression(
                        s,
                        e,
                        phrase,
                        "relative",
                        month=_month(m["wd_m"]),
                        day=_day(m["wd_d"]),
                        rel="monthday",
                        weekday=w,
                    )  # fmt: skip
                )
            else:
                off = -1 if low.startswith("last ") else (1 if low.startswith("next ") else 0)
                out.append(
                    TimeExpression(
                        s,
                        e,
                        phrase,
                        "range" if low.startswith("since") else "relative",
                        rel="weekday",
                        weekday=w,
                        offset=off,
                    )  # fmt: skip
                )
        elif g == "mon":
            mo_txt = m["mon_m"]
            if mo_txt.lower() == "may" and mo_txt[0] != "M":
                continue  # the verb "may"
            if mo_txt.lower().rstrip(".") in ("mar", "jan", "jun", "jul", "oct", "dec", "sep"):
                if not mo_txt.endswith(".") and mo_txt[0].islower():
                    continue
            out.append(
                TimeExpression(
                    s, e, phrase, kind if ranged else "relative", month=_month(mo_txt), rel="month"
                )  # fmt: skip
            )
        elif g == "ry":
            if re.search(r"the\s+past\s+year|over\s+the", low):
                kind_ry = "range"
            else:
                kind_ry = "range" if ranged else "relative"
            out.append(
                TimeExpression(s, e, phrase, kind_ry, rel="year", offset=_rel_year_offset(low))
            )
        elif g == "rw":
            off = -1 if "last" in low else (1 if "next" in low else 0)
            unit = "week" if "week" in low else "calmonth"
            out.append(TimeExpression(s, e, phrase, "relative", rel=unit, offset=off))
        elif g == "today":
            off = {"yesterday": -1, "tomorrow": 1}.get(low, 0)
            out.append(TimeExpression(s, e, phrase, "relative", rel="today", offset=off))
        elif g == "yr":
            out.append(TimeExpression(s, e, phrase, kind, int(m["yr_y"])))
    return out


def is_future(sentence: str) -> bool:
    """Return True when the sentence speaks of the future ("will hold", "to hold", "plans to").

    Parameters
    ----------
    sentence
        The sentence (or clause) text.

    Returns
    -------
    bool

    Examples
    --------
    >>> is_future("The navies will hold drills on Monday."), is_future("They held drills.")
    (True, False)
    """
    return bool(_FUTURE_RE.search(sentence))


def date_text(value: object) -> str:
    """Return a publication date as text: ``""`` when it is missing.

    Missing is None, NaN, NaT or ``pd.NA`` (what pandas gives for an empty cell of any
    dtype): the document is undated, as an empty ``published`` is.

    Parameters
    ----------
    value
        A value of the ``published`` column: a string, a date, a number, or missing.

    Returns
    -------
    str
        ``str(value)`` (a date as ``YYYY-MM-DD``), or ``""`` when missing.

    Examples
    --------
    >>> date_text(float("nan")), date_text(dt.date(2024, 9, 10)), date_text(2024)
    ('', '2024-09-10', '2024')
    """
    if value is None:
        return ""
    try:
        if value != value:  # NaN, NaT
            return ""
    except (TypeError, ValueError):  # pd.NA: its comparisons are missing too
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    return str(value)


def parse_date(value: object) -> dt.date | None:
    """Read a publication date: ISO ``YYYY-MM-DD`` (a time after it is ignored), else None.

    Parameters
    ----------
    value
        A string such as ``"2022-05-24"`` or ``"2022-05-24T08:00"``, a date, or a
        missing value (None, NaN, NaT, ``pd.NA``: None, :func:`date_text`).

    Returns
    -------
    datetime.date or None

    Examples
    --------
    >>> parse_date("2022-05-24T08:00"), parse_date("May 2022"), parse_date(None)
    (datetime.date(2022, 5, 24), None, None)
    """
    m = re.match(r"\s*((?:19|20)\d{2})-(\d{2})-(\d{2})", date_text(value))
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _safe(y: int, mo: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def resolve(
    expr: TimeExpression, published: dt.date | None, *, future: bool = False
) -> tuple[int, str, str]:
    """Resolve one time expression to ``(year, date, rule)``.

    Parameters
    ----------
    expr
        From :func:`time_expressions`.
    published
        The document's publication date (``None``: relative expressions stay unresolved).
    future
        The sentence speaks of the future (:func:`is_future`): months and weekdays are
        read forward from publication.

    Returns
    -------
    tuple
        ``year`` (0 when not resolved), ``date`` (``YYYY-MM-DD``, ``YYYY-MM`` or ``""``)
        and ``rule``: ``"explicit"`` or ``"relative:<phrase>"``, with the evidence
        appended for relative ones (``relative:"last year" → 2021 (published
        2022-05-24)``); unresolved relative expressions say why.

    Examples
    --------
    >>> d = dt.date(2022, 5, 24)
    >>> resolve(time_expressions("a drill last year")[0], d)
    (2021, '', 'relative:"last year" → 2021 (published 2022-05-24)')
    >>> resolve(time_expressions("held on Friday")[0], dt.date(2021, 11, 20))[:2]
    (2021, '2021-11-19')
    >>> resolve(time_expressions("to be held in September")[0], d, future=True)[:2]
    (2022, '2022-09')
    """
    if expr.kind == "absolute":
        date = ""
        if expr.month and expr.day:
            got = _safe(expr.year, expr.month, expr.day)
            date = got.isoformat() if got else ""
        elif expr.month:
            date = f"{expr.year:04d}-{expr.month:02d}"
        return expr.year, date, "explicit"
    phrase = re.sub(r"\s+", " ", expr.phrase.strip())
    if published is None:
        return 0, "", f'relative:"{phrase}" unresolved (no publication date)'
    p = published
    year, date = 0, ""
    if expr.rel == "year":
        year = p.year + expr.offset
    elif expr.rel == "monthrel":
        year = p.year + expr.offset
        date = f"{year:04d}-{expr.month:02d}"
    elif expr.rel == "month":
        year = p.year
        if future and expr.month < p.month:
            year += 1
        elif not future and expr.month > p.month:
            year -= 1
        date = f"{year:04d}-{expr.month:02d}"
    elif expr.rel == "monthday":
        year = p.year
        got = _safe(year, expr.month, expr.day)
        if got is not None and not future and got > p + dt.timedelta(days=1):
            # a past event on a later day: the year before (allowing a day for time zones)
            if (got - p).days > 60:
                year -= 1
        elif got is not None and future and got < p - dt.timedelta(days=60):
            year += 1
        got = _safe(year, expr.month, expr.day)
        date = got.isoformat() if got else f"{year:04d}-{expr.month:02d}"
    elif expr.rel == "weekday":
        if future or expr.offset > 0:
            delta = (expr.weekday - p.weekday()) % 7
            day = p + dt.timedelta(days=delta + (7 if expr.offset > 0 and delta == 0 else 0))
        else:
            delta = (p.weekday() - expr.weekday) % 7
            day = p - dt.timedelta(days=delta + (7 if expr.offset < 0 and delta == 0 else 0))
        year, date = day.year, day.isoformat()
    elif expr.rel == "week":
        day = p + dt.timedelta(weeks=expr.offset)
        year, date = day.year, f"{day.year:04d}-{day.month:02d}"
    elif expr.rel == "calmonth":
        mo = p.month + expr.offset
        year, mo = p.year + (mo - 1) // 12, (mo - 1) % 12 + 1
        date = f"{year:04d}-{mo:02d}"
    elif expr.rel == "today":
        day = p + dt.timedelta(days=expr.offset)
        year, date = day.year, day.isoformat()
    shown = date or str(year)
    return year, date, f'relative:"{phrase}" → {shown} (published {p.isoformat()})'
