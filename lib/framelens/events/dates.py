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
* "today" is the published date; "this week" and "this month" are the published month;
  "the previous month" and "the previous year" are "last month" and "last year";
* "last December" is the latest December before the publication month (published
  2025-01-02: December 2024), "next December" the first after it, "this December" the
  publication year's;
* "N years ago" (and "a year ago") is the published year − N; "N months ago", weeks and
  days likewise from the publication date;
* a season is three months (the northern meteorological seasons, :data:`SEASONS`:
  spring March-May, summer June-August, autumn or fall September-November, winter
  December-February): "last summer" is the latest summer over before the publication
  month, "next summer" the first to begin after it, "this summer" the publication
  year's. A winter spans two years, so a winter stays unresolved and its rule names the
  two years;
* a publication date of a month (``YYYY-MM``) or a year (``YYYY``) resolves what every
  day of it resolves the same way ("last year" from ``2024``, "in September" from
  ``2024-09``); what needs the day ("on Tuesday", "yesterday") stays unresolved and says
  so.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..errors import ParameterError
from ..groups import day_span

__all__ = [
    "TimeExpression",
    "date_text",
    "parse_date",
    "publication_span",
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
_SEASON = r"(?:spring|summer|autumn|fall|winter)"

#: The months of each season (the northern meteorological seasons): a winter runs from
#: December into February of the next year.
SEASONS = {
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2),
}  # fmt: skip

_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

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
    rf"|(?P<lmon>(?:(?:in|during)\s+)?(?P<lmon_w>last|this\s+past|(?:the\s+)?previous|next|this|"
    rf"(?:the\s+)?coming)\s+(?P<lmon_m>{_M}))(?!\s+{_D})(?!\s*,?\s*{_Y})"
    rf"|(?P<season>(?:(?:in|during)\s+)?(?P<season_w>last|this\s+past|(?:the\s+)?previous|next|"
    rf"this|(?:the\s+)?coming)\s+(?P<season_s>{_SEASON}))(?!\s*,?\s*{_Y})(?!\s+of\b)"
    rf"|(?P<ago>(?P<ago_n>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"\d{1,2})\s+(?P<ago_u>year|month|week|day)s?\s+ago)"
    rf"|(?P<ry>(?:in\s+|since\s+|until\s+)?(?:earlier\s+|later\s+)?{_REL_YEAR}(?:'s|\u2019s)?)"
    r"|(?P<rw>(?:earlier\s+|later\s+)?(?:this|last|next|(?:the\s+)?previous)\s+(?:week|month)"
    r"(?:'s|\u2019s)?)"
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
        month", "two months ago"), ``"monthrel"`` (month of a relative year),
        ``"namedmonth"`` ("last December", with ``offset``), ``"season"`` ("last
        summer": ``month`` is the season's first month, with ``offset``), ``"today"``.
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


#: the letters Python's case-blind matching takes for ASCII ones ("fırst", "thurſday", a
#: Kelvin sign for K): made ASCII one for one, so a match's words are found in the tables
_FOLD = str.maketrans({"\u0131": "i", "\u0130": "I", "\u017f": "s", "\u212a": "K"})


def fold(text: str) -> str:
    """Return ``text`` with the letters case-blind regexes equate with ASCII ones made ASCII.

    Python's ``re`` with IGNORECASE matches "first" in "fırst" (a dotless i), "Thursday"
    in "Thurſday" (a long s) and "k" in the Kelvin sign; the words it found are then
    looked up in tables of ASCII words. Each such letter becomes its ASCII one, so the
    length, the offsets and upper or lower case stay as they were.

    Parameters
    ----------
    text
        Any text.

    Returns
    -------
    str
        The text with ı, İ, ſ and K (U+212A) as i, I, s and K.

    Examples
    --------
    >>> fold("the fırst drill on Thurſday")
    'the first drill on Thursday'
    """
    return text.translate(_FOLD)


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


#: month names that are also words when written in lower case ("may", "mar", "dec")
_VERBLIKE = ("may", "mar", "jan", "jun", "jul", "oct", "dec", "sep")


def _word_offset(word: str) -> int:
    """-1 for "last", "previous", "this past"; +1 for "next", "coming"; 0 for "this"."""
    low = word.lower()
    if "last" in low or "previous" in low or "past" in low:
        return -1
    if "next" in low or "coming" in low:
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
    for m in _TIME_RE.finditer(fold(sentence)):  # the words found are in the tables
        g = m.lastgroup
        phrase = sentence[m.start() : m.end()]  # as written
        low = m.group(0).lower()
        s, e = m.start(), m.end()
        ranged = bool(re.match(r"(?:since|until|by)\b", low))
        kind = "range" if ranged else "absolute"
        if g == "iso":
            y, mo, d = (int(x) for x in m.group(0).split("-"))
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
            if mo_txt.lower().rstrip(".") in _VERBLIKE[1:]:
                if not mo_txt.endswith(".") and mo_txt[0].islower():
                    continue
            out.append(
                TimeExpression(
                    s, e, phrase, kind if ranged else "relative", month=_month(mo_txt), rel="month"
                )  # fmt: skip
            )
        elif g == "lmon":
            mo_txt = m["lmon_m"]
            if mo_txt[0].islower() and mo_txt.lower().rstrip(".") in _VERBLIKE:
                continue  # "this may ...", "next mar...": words, not months
            out.append(
                TimeExpression(
                    s,
                    e,
                    phrase,
                    "relative",
                    month=_month(mo_txt),
                    rel="namedmonth",
                    offset=_word_offset(m["lmon_w"]),
                )  # fmt: skip
            )
        elif g == "season":
            season = m["season_s"].lower()
            out.append(
                TimeExpression(
                    s,
                    e,
                    phrase,
                    "relative",
                    month=SEASONS[season][0],
                    rel="season",
                    offset=_word_offset(m["season_w"]),
                )  # fmt: skip
            )
        elif g == "ago":
            raw = m["ago_n"].lower()
            n = _NUMBERS[raw] if raw in _NUMBERS else int(raw)
            unit = m["ago_u"].lower()
            rel = {"year": "year", "month": "calmonth", "week": "week", "day": "today"}[unit]
            out.append(TimeExpression(s, e, phrase, "relative", rel=rel, offset=-n))
        elif g == "ry":
            if re.search(r"the\s+past\s+year|over\s+the", low):
                kind_ry = "range"
            else:
                kind_ry = "range" if ranged else "relative"
            out.append(
                TimeExpression(s, e, phrase, kind_ry, rel="year", offset=_rel_year_offset(low))
            )
        elif g == "rw":
            off = -1 if "last" in low or "previous" in low else (1 if "next" in low else 0)
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


def publication_span(published: object) -> tuple[dt.date, dt.date, str] | None:
    """Read a publication date of any precision as the days it may be.

    Parameters
    ----------
    published
        A date, or its text: ``YYYY-MM-DD`` (a time after it is ignored), ``YYYY-MM`` or
        ``YYYY``; missing (None, NaN, NaT, ``pd.NA``) or ``""`` is no date.

    Returns
    -------
    tuple or None
        ``(first, last, shown)``: the first and last day the date may be (the same day
        for a full date; the month's or the year's first and last for ``YYYY-MM`` and
        ``YYYY``) and the date as written (``"2024-09"``); None when missing.

    Raises
    ------
    ParameterError
        When ``published`` is text that is none of these forms.

    Examples
    --------
    >>> publication_span("2024-09")
    (datetime.date(2024, 9, 1), datetime.date(2024, 9, 30), '2024-09')
    >>> publication_span("2024")[1], publication_span(None)
    (datetime.date(2024, 12, 31), None)
    """
    if isinstance(published, dt.datetime):
        published = published.date()
    if isinstance(published, dt.date):
        return published, published, published.isoformat()
    text = date_text(published).strip()
    if not text:
        return None
    day = parse_date(text)
    if day is not None:
        return day, day, day.isoformat()
    m = re.fullmatch(r"((?:19|20)\d{2})(?:-(0[1-9]|1[0-2]))?", text)
    if not m:
        raise ParameterError(
            f"`published` must be a date, YYYY-MM-DD, YYYY-MM or YYYY, but {text!r} was passed."
        )
    return (*day_span(text), text)


#: relative expressions that need the publication day ("on Tuesday", "yesterday", "this
#: week"): a publication date of a month or a year leaves them unresolved
NEEDS_DAY = ("weekday", "today", "week")


def resolve(
    expr: TimeExpression, published: object, *, future: bool = False
) -> tuple[int, str, str]:
    """Resolve one time expression to ``(year, date, rule)``.

    Parameters
    ----------
    expr
        From :func:`time_expressions`.
    published
        The document's publication date: a ``datetime.date`` or its text, of a day
        (``YYYY-MM-DD``), a month (``YYYY-MM``) or a year (``YYYY``)
        (:func:`publication_span`); ``None``: relative expressions stay unresolved. With a
        month or a year, an expression is resolved when every day of that month or year
        gives the same answer ("last year" from ``2024``; "last month" or "in September"
        from ``2024-09``); those that need the day ("on Tuesday", "yesterday", "this
        week") stay unresolved, and the rule says the date gives no day.
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

    Raises
    ------
    ParameterError
        When ``published`` is text that is not a date, a month or a year.

    Examples
    --------
    >>> d = dt.date(2022, 5, 24)
    >>> resolve(time_expressions("a drill last year")[0], d)
    (2021, '', 'relative:"last year" → 2021 (published 2022-05-24)')
    >>> resolve(time_expressions("held on Friday")[0], dt.date(2021, 11, 20))[:2]
    (2021, '2021-11-19')
    >>> resolve(time_expressions("to be held in September")[0], d, future=True)[:2]
    (2022, '2022-09')
    >>> resolve(time_expressions("a patrol last December")[0], dt.date(2025, 1, 2))[:2]
    (2024, '2024-12')
    >>> resolve(time_expressions("a drill last year")[0], "2024")
    (2023, '', 'relative:"last year" → 2023 (published 2024)')
    >>> resolve(time_expressions("held on Tuesday")[0], "2024-09")[2]
    'relative:"on Tuesday" unresolved (published 2024-09: the publication date gives no day)'
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
    span = publication_span(published)
    if span is None:
        return 0, "", f'relative:"{phrase}" unresolved (no publication date)'
    first, last, shown_pub = span
    missing = "no day" if first.month == last.month else "no month"
    if first != last and expr.rel in NEEDS_DAY:
        return (
            0,
            "",
            (
                f'relative:"{phrase}" unresolved (published {shown_pub}: the publication date '
                "gives no day)"
            ),
        )
    year, date, why = _resolve_on(expr, first, future)
    if not why and first != last:
        other = _resolve_on(expr, last, future)
        if other != (year, date, why):
            if other[0] != year:
                return (
                    0,
                    "",
                    (
                        f'relative:"{phrase}" unresolved (published {shown_pub}: the publication '
                        f"date gives {missing})"
                    ),
                )
            date = ""  # the year is certain, the month is not
    if why:
        return 0, "", f'relative:"{phrase}" unresolved ({why})'
    shown = date or str(year)
    return year, date, f'relative:"{phrase}" → {shown} (published {shown_pub})'


def _season_start(expr: TimeExpression, p: dt.date) -> int:
    """Return the year the season of ``expr`` begins in, published on day ``p``.

    The last one over before the month of ``p`` (offset -1), the first one to begin after
    it (+1), or the one of its year (0).
    """
    first = expr.month
    length = 2  # every season is three months: its last month is two after the first
    here = p.year * 12 + p.month - 1
    if expr.offset < 0:
        y = p.year
        while y * 12 + first - 1 + length >= here:
            y -= 1
        return y
    if expr.offset > 0:
        y = p.year - 1
        while y * 12 + first - 1 <= here:
            y += 1
        return y
    return p.year


def _resolve_on(expr: TimeExpression, p: dt.date, future: bool) -> tuple[int, str, str]:
    """``(year, date, why unresolved)`` of a relative expression published on day ``p``."""
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
    elif expr.rel == "namedmonth":
        # "last December": the latest December before the publication month; "next
        # December" the first after it; "this December" the publication year's
        year = p.year
        if expr.offset < 0 and expr.month >= p.month:
            year -= 1
        elif expr.offset > 0 and expr.month <= p.month:
            year += 1
        date = f"{year:04d}-{expr.month:02d}"
    elif expr.rel == "season":
        y = _season_start(expr, p)
        if expr.month == 12:  # a winter runs from December into the next year
            return (
                0,
                "",
                (
                    f"a winter spans two years: December {y} to February {y + 1} "
                    f"(published {p.isoformat()})"
                ),
            )
        year = y
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
    return year, date, ""
