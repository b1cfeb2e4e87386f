"""Check the coverage's claims (ordinals, counts, firsts, frequency, places) against the record.

Claims are read from :func:`mentions` rows: claim cues (``kind="claim"``) and the places
in the sentences of references. Each claim is attached to the **nearest reference** in
its sentence, or else to the last reference of the sentence before ("It was the
seventh." after an air-patrol sentence counts air patrols), so its series, year and
record row are the reference's. Claims are deduplicated per article and judged against
the record **as of the article's own date** (:func:`events_until`); an announced event
(future tense) is judged on its row when the record has it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..errors import ParameterError
from ..params import check_columns
from .dates import is_future, parse_date, resolve, time_expressions
from .mentions import (
    _AIR_WORDS,
    _COAST_GUARD,
    _NAVAL_WORDS,
    _ORDINALS,
    _WARSHIP_WORDS,
    PLACE_WITHIN,
    _check_mentions,
    _ordered,
    _places_in,
    has_builtin_series,
    mentions,  # noqa: F401  (the doctests use it)
    place_key,
    record_locations,
    without_places,
)
from .record import (  # noqa: F401  (the doctests use them)
    CUT_COLUMNS,
    NOT_CHECKABLE,
    NOT_SUPPORTED,
    SUPPORTED,
    _check_events,
    _cut_at,
    _kept,
    _row_labels,
    document_cuts,
    events_until,
    load_events,
    record_label,
)
from .trend import (
    COMPLETE_THROUGH,
    _frequency_status,
    events_per_year,
    recent_window,
    trend,
    trend_window,
)

#: Columns of :func:`check_claims`.
CLAIM_COLUMNS = [
    "doc_id",
    "sent_id",
    "start",
    "end",
    "claim_type",
    "family",
    "claim",
    "claimed",
    "mention",
    "status",
    "deciding_rows",
    "reason",
    "record_until",
    "sentence",
]

#: Claim types :func:`check_claims` returns, in their order within a sentence.
CLAIM_TYPES = ("named_year", "place", "ordinal", "count", "first_time", "frequency")

_PATROL_FAMILIES = {
    "naval_patrol": "Joint Naval Patrol",
    "air_patrol": "Joint Strategic Air Patrol",
}
_FEATURE_RE = re.compile(
    r"(?i)\b(?:weapons?|equipment|uniforms?|vehicles?|aircraft\s+carrier|formed\s+units?|"
    r"command\s+system|hardware|ammunition|used|using|use)\b"
)
#: the event taking place (or, for a patrol, moving): "for the first time" or "the first
#: time" that governs one of these verbs is a first of the event itself
_OCCURS_RE = re.compile(
    r"(?i)\b(?:(?:takes?|took|taken|taking)\s+place|holds?|held|holding|conduct(?:s|ed|ing)?|"
    r"stag(?:e|es|ed|ing)|carr(?:y|ies|ied|ying)\s+out|beg(?:in|ins|an|un|inning)|"
    r"start(?:s|ed|ing)|launch(?:es|ed|ing)?|conven(?:e|es|ed|ing)|met|open(?:s|ed)|"
    r"kick(?:s|ed|ing)?\s+off|host(?:s|ed|ing)|organi[sz](?:e|es|ed|ing)|happen(?:s|ed|ing)?|"
    r"occur(?:s|red|ring)?|fl(?:y|ies|ew|own|ying)|sail(?:s|ed|ing)?|patroll(?:ed|ing)|"
    r"exercis(?:ed|ing)|drill(?:ed|ing)|transit(?:s|ed|ing)?|"
    r"(?:go(?:es|ing|ne)?|went|pass(?:es|ed|ing)?)\s+through)\b"
)
#: another verb (case-sensitive: a capitalised word is a name): an auxiliary with its verb,
#: a past form, an infinitive, or a common verb of what a first can be of
_VERB_RE = re.compile(
    r"\b(?:(?:has|have|had|will|would|could|can|may|might|must|should|shall|did|does|do)\s+"
    r"(?:(?:not|never|also|now|ever|just|already|finally|explicitly|formally)\s+)?"
    r"(?!be\b|been\b)[a-z]+"
    r"|(?:is|are|was|were|be|been|being)\s+(?:[a-z]+ly\s+)?(?!being\b|been\b)[a-z]+(?:ing|ed)"
    r"|(?!(?:combined|armed|united|advanced|unprecedented|called|based|related|unified|"
    r"integrated|detailed|limited|hundred|red|need|speed|feed|seed|shed|bed)\b)[a-z]{2,}ed"
    r"|to\s+(?!(?:the|a|an|its|their|this|that|these|those|his|her|our|be|date|me|us|them|"
    r"him|it)\b)[a-z]+"
    r"|calls?|says?|includ(?:e|es|ing)|mentions?|commits?|requires?|uses?|using|joins?|"
    r"joining|attends?|attending|participat(?:e|es|ing)|tak(?:e|es|ing)\s+part|took\s+part|"
    r"sends?|sending|testing|practi[cs](?:e|es|ing)|tr(?:y|ies|ying)|mix(?:es|ing)?|"
    r"deploy(?:s|ing)?|involv(?:e|es|ing)|enters?|entering|agrees?|urges?|allows?)\b"
)
#: a verb of seeing or reporting: "the first time the command had intercepted … bombers
#: flying together" is a first of what it saw
_PERCEIVE_RE = re.compile(
    r"(?i)\b(?:intercept|spot|saw|seen|see|observ|track|detect|monitor|record|report|confirm|"
    r"witness)\w*"
)
_GROWTH_RE = re.compile(
    r"(?i)growing|increasing|increased|rising|greater|higher|increasingly|more\s+often|"
    r"more\s+frequent|pattern\s+of"
)
_CLAUSE_SPLIT = re.compile(r"[;:]\s+|,\s+(?:but|while|whereas|and\s+the|as)\s+|\s+\u2014\s+")
_SINCE_RE = re.compile(
    r"(?i)\bsince\s+(?P<what>(?:(?:early|mid|late)\s+)?[A-Z]?\w+\.?"
    r"(?:\s+(?:last|this)\s+year|\s+(?:19|20)\d{2})?)"
)


def check_claims_by_document(
    found: pd.DataFrame,
    events: pd.DataFrame,
    cuts: pd.DataFrame,
    *,
    year_start: int | None = None,
    year_end: int | None = None,
    complete_through: int = COMPLETE_THROUGH,
) -> pd.DataFrame:
    """Check each document's claims against the record as of its own publication.

    :func:`check_claims` per document, with that document's cut (:func:`document_cuts`):
    "the second joint naval patrol" in a 2022 article is judged on the patrols up to its
    date, whatever the other articles' dates. Frequency claims are judged by a
    :func:`trend` fitted per document on the complete years before it appeared
    (:func:`trend_window`), and "in recent years" claims on the :func:`recent_window`
    ending there.

    Parameters
    ----------
    found
        :func:`mentions` of the corpus (any documents, in any row order: they are read
        in :func:`mentions`' order).
    events
        The event table.
    cuts
        :func:`document_cuts` of the documents.
    year_start, year_end
        The trend window asked for (both or neither; without them frequency claims about
        growth are not checkable).
    complete_through
        The last year the record is complete for (:data:`COMPLETE_THROUGH`). A claim of
        a document dated later that the record does not support is "not checkable": the
        record may lack the events of the document's own year.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`check_claims` plus ``cut, cut_source, flagged,
        trend_window`` (which cut and trend window each row used): documents by doc_id,
        each in :func:`check_claims`'s order.

    Examples
    --------
    >>> from framelens import corpus
    >>> docs = pd.DataFrame({"doc_id": ["a"], "published": ["2021-10-25"],
    ...                      "text": ["It was the first joint naval patrol."]})
    >>> found = mentions(corpus.segment(docs), documents=docs)
    >>> c = check_claims_by_document(found, load_events(), document_cuts(docs))
    >>> c[["claim_type", "status", "cut"]].values.tolist()
    [['first_time', 'supported', '2021-10-25']]
    """
    _check_mentions(found)
    found = _ordered(found)  # any row order: a claim refers back to the reference before
    _check_events(events, required=("name", "year", "domain", "start_date", "location"))
    check_columns("cuts", cuts, CUT_COLUMNS)
    if (year_start is None) != (year_end is None):
        raise ParameterError("give both `year_start` and `year_end` for the trend, or neither.")
    by_doc: dict[str, list] = {}
    for r in found.itertuples(index=False):  # read once, grouped by document
        by_doc.setdefault(str(r.doc_id), []).append(r)
    record = _Record(events)
    # documents cut at the same date are checked together; trend fits are shared by every
    # cut whose window ends before its year (the record up to then is the same)
    groups: dict[tuple, list] = {}
    for c in cuts.sort_values("doc_id", kind="stable").itertuples(index=False):
        sub = by_doc.get(str(c.doc_id))
        if not sub:
            continue
        year = int(c.publication_year) or None
        date = c.publication_date or None
        groups.setdefault((year, date), []).append((c, sub))
    fits: dict[tuple, tuple] = {}
    rows: list[dict] = []
    first = int(events["year"].min()) if len(events) else None
    for (year, date), docs in groups.items():
        fit = recent = None
        window = ""
        if year_start is not None:
            a, b, window = trend_window(
                year_start, year_end, year, complete_through=complete_through, first_year=first
            )
            key = (a, b) if year is None or b < year else (a, b, year, date)
            if key not in fits:
                fits[key] = _fits(events, a, b, year, date)
            fit, recent = fits[key]
        meta = {str(c.doc_id): c for c, _ in docs}
        found_rows = _claim_rows(
            [(str(c.doc_id), g) for c, g in docs], record, year, date, fit, recent
        )
        for row in found_rows:
            c = meta[row["doc_id"]]
            row.update(cut=c.cut, cut_source=c.cut_source, flagged=bool(c.flagged))
            row["trend_window"] = window
            _beyond_record(row, year, complete_through)
        rows.extend(found_rows)
    if not rows:
        empty = check_claims(found.iloc[0:0], events)
        return empty.assign(cut="", cut_source="", flagged=False, trend_window="").iloc[0:0]
    extra = ("cut", "cut_source", "flagged", "trend_window")
    out = _claims_frame(rows, extra)
    return out.astype({"cut": str, "cut_source": str, "flagged": bool, "trend_window": str})


def _fits(
    events: pd.DataFrame, a: int, b: int, year: int | None, date: str | None
) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """Fit the trend over ``a``–``b`` and over its recent window, on the record at a cut."""
    if b - a < 2:
        return None, None
    record = events_until(events, publication_year=year, publication_date=date)
    fit = trend(events_per_year(record, a, b))
    ra, rb = recent_window(a, b, None)
    return fit, trend(events_per_year(record, ra, rb)) if rb - ra >= 2 else None


#: "the two countries", "both navies": the record's parties named together
_THE_TWO = (
    r"(?i:\b(?:the\s+two|both)\s+(?:countries|nations|sides|states|militaries|navies|"
    r"armies|air\s+forces|powers|neighbou?rs|partners|allies|fleets|forces|governments|"
    r"leaders|defen[cs]e\s+ministries)\b)"
)


def _core_parties(events: pd.DataFrame) -> list[str]:
    """Return the participants of every row of the table, sorted (China and Russia, shipped)."""
    if "participants" not in events.columns or events.empty:
        return []
    sets = [
        {p.strip() for p in str(x).split(";") if p.strip()}
        for x in events["participants"].fillna("")
    ]
    return sorted(set.intersection(*sets)) if sets else []


def _unrelated_reason(events: pd.DataFrame) -> str:
    """Say why a claim tied to no event of the table and none of its parties is not checked.

    Parameters
    ----------
    events
        The event table (:func:`load_events`).

    Returns
    -------
    str
        The reason of such a claim: for the shipped record, that the sentence names no
        exercise of the record nor the record's parties (China and Russia, or "the two
        countries"); for a table of one's own, the same in the table's words: its events
        (:func:`framelens.events.record_label`) and the participants of every row.

    Examples
    --------
    >>> _unrelated_reason(load_events())[:48]
    'the sentence names no exercise of the record, an'
    """
    if has_builtin_series(events):
        return (
            "the sentence names no exercise of the record, and neither it nor its document "
            "names all of the record's parties (or 'the two countries') without naming "
            "another actor: it may be about another exercise."
        )
    label = record_label(events)
    what = label[:1].lower() + label[1:]
    parties = _core_parties(events)
    if len(parties) == 1:
        who = f"the table's participant ({parties[0]})"
    else:
        names = ", ".join(parties[:-1]) + " and " + parties[-1] if parties else ""
        two = ", or 'the two countries'" if len(parties) == 2 else ""
        who = f"all of the table's participants ({names}{two})"
    return (
        f"the sentence names none of the {what}, and neither it nor its document names "
        f"{who} without naming another actor: it may be about other events."
    )


def _subject_pattern(
    events: pd.DataFrame,
) -> tuple[re.Pattern[str], re.Pattern[str] | None] | None:
    """Return the patterns that tell whether a claim is about the record's exercises.

    The record's core parties are the participants of every row (China and Russia for the
    shipped record). The first pattern matches a text naming all of them (an alias of each,
    gazetteer, also inside "China-Russia") or "the two countries"-like words; the second
    any other actor of the gazetteer that is not a place ("NATO", "Japan"). ``None`` when
    the rows share no participant.
    """
    core = _core_parties(events)
    if not core:
        return None
    from ..gazetteer import PLACE_TYPES, load_gazetteer

    g = load_gazetteer()

    def alternatives(aliases) -> str:
        return "|".join(re.escape(a) for a in sorted(set(aliases), key=len, reverse=True))

    each = [
        rf"(?=.*(?<!\w)(?:{alternatives([*g.loc[g['actor'] == a, 'alias'], a])})(?!\w))"
        for a in core
    ]
    about = re.compile(rf"(?s)(?:^{''.join(each)}|.*{_THE_TWO})")
    rest = g[~g["actor"].isin(core) & ~g["type"].isin(PLACE_TYPES)]["alias"]
    others = re.compile(rf"(?<![\w-])(?:{alternatives(rest)})(?![\w-])") if len(rest) else None
    return about, others


class _Record:
    """The event table cut at many dates: one :class:`_Units` per distinct set of rows kept."""

    def __init__(self, events: pd.DataFrame) -> None:
        self.events = events
        self.years = events["year"].astype(int).to_numpy()
        self.starts = events["start_date"].fillna("").astype(str).to_numpy(dtype=object)
        self._units: dict[bytes | None, _Units] = {}
        self.about = _subject_pattern(events)
        #: why a claim about none of the table's events or parties is not checked
        self.unrelated = _unrelated_reason(events) if self.about is not None else ""

    def at(self, year: int | None, date: str | None) -> tuple[_Units, str]:
        """Return the record's units at a cut and the cut's name (``record_until``)."""
        if year is None:
            key, until = None, ""
        else:
            y, d = _cut_at(year, date)
            key, until = _kept(self.years, self.starts, y, d).tobytes(), d or str(y)
        if key not in self._units:
            cut = events_until(self.events, publication_year=year, publication_date=date)
            self._units[key] = _Units(self.events, cut)
        return self._units[key], until


class _Units:
    """The record's rows up to a cut, and the series counting helpers."""

    def __init__(self, events: pd.DataFrame, cut: pd.DataFrame) -> None:
        self._series: dict[tuple[str, bool], pd.DataFrame] = {}
        ev = events.copy()
        ev["_order"] = range(len(ev))
        self.all = ev.sort_values(["year", "start_date", "_order"], kind="stable")
        #: the table's locations: their names are places too (a researcher's own table)
        self.locations = record_locations(events)
        #: a table of other events than the shipped record's: only its own places count
        self.own = not has_builtin_series(events)
        kept = set(zip(cut["name"], cut["year"], cut["start_date"], strict=True))
        in_cut = np.array(
            [
                (n, y, s) in kept
                for n, y, s in zip(
                    self.all["name"], self.all["year"], self.all["start_date"], strict=True
                )
            ],
            dtype=bool,
        )
        # a row of the cut's own year with no start date may have begun after the article:
        # not counted as before it, but named where a verdict depends on it (``undated``)
        until = str(cut.attrs.get("record_until", ""))
        start = self.all["start_date"].fillna("").astype(str)
        unknown = in_cut & (start == "").to_numpy() & (len(until) == 10)
        if len(until) == 10:
            unknown &= (self.all["year"].astype(int) == int(until[:4])).to_numpy()
        self.cut = self.all[in_cut & ~unknown]
        self.undated = self.all[unknown]

    def series(self, family: str, *, upto_cut: bool = True) -> pd.DataFrame:
        # asked for again and again while a corpus's claims are checked: kept (never changed)
        key = (family, upto_cut)
        rows = self._series.get(key)
        if rows is None:
            src = self.cut if upto_cut else self.all
            rows = self._series[key] = src[src["name"] == family]
        return rows

    @staticmethod
    def editions(rows: pd.DataFrame, family_rows: pd.DataFrame) -> bool:
        """Count yearly editions (not rows) for multi-phase exercise series."""
        if rows.empty:
            return False
        dom = set(family_rows["domain"])
        return not dom & {"patrol", "air"} and family_rows["year"].duplicated().any()


def _label(rows: pd.DataFrame) -> str:
    return "; ".join(_row_labels(rows))


def _clause(sentence: str, pos: int) -> tuple[int, int]:
    """Start and end (in the sentence) of the clause holding ``pos``."""
    a, b = 0, len(sentence)
    for m in _CLAUSE_SPLIT.finditer(sentence):
        if m.end() <= pos:
            a = m.end()
        elif m.start() >= pos:
            b = m.start()
            break
    return a, b


def check_claims(
    found: pd.DataFrame,
    events: pd.DataFrame,
    *,
    publication_year: int | None = None,
    publication_date: str | None = None,
    trend: pd.DataFrame | None = None,
    recent_trend: pd.DataFrame | None = None,
    complete_through: int = COMPLETE_THROUGH,
) -> pd.DataFrame:
    """Check the exercise claims of documents against the record cut at one date.

    Each claim takes its series, year and record row from the reference it is attached
    to (the nearest in its sentence, else the last of the sentence before):

    * **named_year** ("Vostok 2018"): supported when the record has that exercise that
      year; not supported when it lists the series but not that year; not checkable
      after the cut, unless the article announces it and the record has it.
    * **place** (a place name after "in", "off", "near"… in the sentence of a reference,
      never an organisation such as "Pacific Fleet"): supported when the row's location
      names every place; not supported when it names none or only some.
    * **ordinal** ("the sixth joint air patrol", "the second … this year", "the eighth …
      near Japan"): the n-th event of the series up to the cut, counting rows (or, for
      multi-phase exercise series, yearly editions; "this year" counts the year's rows,
      "near X" the rows at X), in date order (the record's order agrees with the official
      numbering of every patrol, EXERCISES.md). Supported when the n-th is the referenced
      event; an announced one ("will … for the 6th joint patrol") may be the next row.
    * **count** ("the previous two naval exercises", "from seven countries"): the series'
      events before the referenced one, or the row's participants.
    * **first_time** ("first-ever … in the Baltic Sea", "the first since June", "their
      first joint patrols"): no earlier row at that place, none in the series since that
      time, or the referenced event is the series' first. A first about equipment or
      units is not checkable, nor is one of another verb than the event taking place
      ("for the first time, a decision mentioned …", "X attended for the first time").
    * **frequency**: "annual"/"every year" needs a row every year of the span (since the
      year named, else since the series began); "regular", "frequent", "for several
      years" rows in at least two thirds of the span's years; "once or twice a year" one
      or two every year; growth ("growing frequency") is decided by ``trend`` (or
      ``recent_trend`` for "in recent years").

    Parameters
    ----------
    found
        :func:`mentions` rows (any documents, in any row order; all checked at the same
        cut).
    events
        The event table.
    publication_year, publication_date
        The cut (:func:`events_until`); ``None`` checks against the whole record.
    trend, recent_trend
        :func:`trend` fits deciding claims of growth.
    complete_through
        The last year the record is complete for (:data:`COMPLETE_THROUGH`): with a
        ``publication_year`` after it, a claim the record does not support is "not
        checkable" (the record may lack the events of that year).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sent_id, start, end, claim_type, family, claim, claimed, mention,
        status, deciding_rows, reason, record_until, sentence``: ``start``/``end`` the
        evidence (the clause stating the claim, offsets into the document); ``family`` the
        series it was judged in; ``claimed`` the value in a few words; ``status``
        "supported", "not supported" or "not checkable"; ``deciding_rows`` the record rows
        that decide it; ``record_until`` the cut (``""`` uncut). One row per distinct
        claim of a document (the first clause stating it). Sorted by doc_id, sent_id,
        claim type.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0],
    ...     "text": ["Joint Sea-2012 was held in the Yellow Sea."]})
    >>> c = check_claims(mentions(s), load_events())
    >>> c[["claim_type", "claimed", "status"]].values.tolist()
    [['named_year', '2012', 'supported'], ['place', 'Yellow Sea', 'supported']]
    """
    _check_mentions(found)
    found = _ordered(found)  # any row order: a claim refers back to the reference before
    _check_events(events, required=("name", "year", "domain", "start_date", "location"))
    groups = [
        (str(doc), list(g.itertuples(index=False))) for doc, g in found.groupby("doc_id", sort=True)
    ]
    rows = _claim_rows(
        groups, _Record(events), publication_year, publication_date, trend, recent_trend
    )
    for row in rows:
        _beyond_record(row, publication_year, complete_through)
    return _claims_frame(rows)


def _beyond_record(row: dict, year: int | None, complete_through: int) -> None:
    """Make a claim the record cannot refute "not checkable" when it is dated past it."""
    if year is not None and year > complete_through and row["status"] == "not supported":
        # the record may lack the events of the document's own, later year
        row["status"] = "not checkable"
        row["reason"] = (
            f"the record is complete through {complete_through} and the document is "
            f"dated {year}: events it knew of may be missing ({row['reason']})"
        )


def _claim_rows(
    groups: list[tuple[str, list]],
    record: _Record,
    year: int | None,
    date: str | None,
    trend: pd.DataFrame | None,
    recent_trend: pd.DataFrame | None,
) -> list[dict]:
    """Check the mentions of each ``(doc_id, rows)`` of ``groups`` at one cut: claim rows."""
    units, until = record.at(year, date)
    ctx = {
        "about": record.about,
        "unrelated": record.unrelated,
        "until": until,
        "year": year,
        "pub": parse_date(date) if date else None,
        # what relative expressions resolve against without a day: the year
        "written": str(year) if year else None,
        "trend": trend,
        "recent": recent_trend,
    }
    rows: list[dict] = []
    for doc, g in groups:
        rows.extend(_document_claims(doc, g, units, ctx))
    for row in rows:
        row["record_until"] = until
    return rows


def _claims_frame(rows: list[dict], extra: Sequence[str] = ()) -> pd.DataFrame:
    """Make the claims table of :func:`check_claims` from its rows, sorted."""
    out = pd.DataFrame(rows, columns=[*CLAIM_COLUMNS, *extra])
    out = out.astype({"sent_id": "int64", "start": "int64", "end": "int64"})
    if out.empty:
        return out
    order = {t: i for i, t in enumerate(CLAIM_TYPES)}
    out["_o"] = out["claim_type"].map(order)
    out = out.sort_values(["doc_id", "sent_id", "_o", "start"], kind="stable")
    return out.drop(columns="_o").reset_index(drop=True)


def _document_claims(doc: str, every: list, units: _Units, ctx: dict) -> list[dict]:
    refs = sorted(
        (r for r in every if r.kind == "reference"), key=lambda r: (int(r.sent_id), int(r.start))
    )
    by_sent: dict[int, list] = {}
    for r in refs:
        by_sent.setdefault(int(r.sent_id), []).append(r)
    sentences = {int(r.sent_id): (int(r.sent_start), str(r.sentence)) for r in every}

    def attach(sent_id: int, pos: int):
        same = by_sent.get(sent_id, [])
        typed = [r for r in same if r.family] or same
        prev = by_sent.get(sent_id - 1, [])
        if typed and not any(r.family for r in same) and any(r.family for r in prev):
            # only general references here ("such joint drills are held every year"):
            # the claim is about the series of the sentence before
            if all(r.date_rule == "none" and not r.matched for r in same):
                typed = []
        if typed:
            return min(typed, key=lambda r: abs((r.start + r.end) / 2 - pos))
        typed = [r for r in prev if r.family] or prev
        return typed[-1] if typed else None

    out: list[dict] = []
    seen: set = set()

    def add(row: dict, key: tuple) -> None:
        if key in seen:
            return
        seen.add(key)
        out.append(row)

    # named exercises with a year, and the places of each reference's sentence
    place_done: set[int] = set()
    for r in refs:
        base, sentence = sentences[int(r.sent_id)]
        if r.type == "named_exercise" and not pd.isna(r.name_year):
            row = {**_named_year(r, units, ctx), "claim_type": "named_year"}
            add(
                {**_base(doc, r, base, sentence, r.start - base, r.end - base), **row},
                ("named_year", r.family, int(r.name_year)),
            )
        if int(r.sent_id) in place_done:
            continue
        place_done.add(int(r.sent_id))
        for ref, found_places, (a, b) in _sentence_places(
            sentence, by_sent[int(r.sent_id)], base, units.locations, own=units.own
        ):
            row = {**_place(ref, found_places, units, 0, sentence), "claim_type": "place"}
            key = ("place", ref.family, _year(ref), tuple(found_places))
            add({**_base(doc, ref, base, sentence, a, b), **row}, key)
    # places in sentences with only an exercise word, after a reference in the sentence before
    for sid, (base, sentence) in sorted(sentences.items()):
        if sid in place_done or sid - 1 not in by_sent:
            continue
        words = [r for r in every if int(r.sent_id) == sid and r.kind == "generic"]
        if not words:
            continue
        ps = _places_in(sentence, units.locations, own=units.own)
        if not ps:
            continue
        ref = attach(sid, int(words[0].start) - base)
        a, b = _clause(sentence, int(words[0].start) - base)
        # "Last year, the drill was held in …": the year of this sentence, not the reference's
        year = _sentence_year(sentence, ctx)
        row = {**_place(ref, ps, units, year, sentence), "claim_type": "place"}
        add(
            {**_base(doc, ref, base, sentence, a, b, sid=sid), **row},
            ("place", ref.family, year or _year(ref), tuple(ps)),
        )
    # claim cues; a claim tied to no reference is the record's when its text or its
    # document names the record's parties
    about = ctx["about"]
    doc_about = about is not None and any(about[0].match(t) for _b, t in sentences.values())
    taken: list[tuple[int, int]] = []
    for c in (r for r in every if r.kind == "claim"):
        base, sentence = sentences[int(c.sent_id)]
        pos = int(c.start) - base
        if any(s <= c.start < e for s, e in taken) and c.type in ("first_time", "ordinal"):
            continue  # "the first such joint flight" inside an already-read cue
        ref = attach(int(c.sent_id), pos)
        a, b = _clause(sentence, pos)
        clause = sentence[a:b]
        before = sentences.get(int(c.sent_id) - 1, (0, ""))[1]
        own = int(c.sent_id) in by_sent  # a reference in the claim's own sentence
        if not own and not _about_record(sentence, before, doc_about, ctx["about"], ref):
            # "NATO began its annual BALTOPS exercise": no exercise of the record, and
            # nothing says the claim is about the record's exercises
            row = {
                "family": "",
                "claim": f"'{c.mention}'",
                "claimed": str(c.mention).lower(),
                "status": NOT_CHECKABLE,
                "deciding_rows": "",
                "reason": ctx["unrelated"],
            }
        elif c.type == "ordinal":
            row = _ordinal(int(c.ordinal), ref, clause, units, ctx)
        elif c.type == "count":
            row = _count(int(c.ordinal), c.mention, ref, clause, units, ctx)
        elif c.type == "first_time":
            cue = (pos - a, pos - a + len(str(c.mention)))
            row = _first(ref, clause, c.mention, units, ctx, before, cue)
        else:
            row = _frequency(c.mention, ref, clause, sentence, units, ctx)
        taken.append((int(c.start), int(c.end)))
        family = row.get("family", ref.family if ref is not None else "")
        key = (c.type, family, _year(ref), row["claimed"])
        add(
            {
                **_base(doc, ref, base, sentence, a, b, sid=int(c.sent_id), mention=c.mention),
                **row,
                "claim_type": c.type,
            },
            key,
        )
    return out


def _about_record(sentence: str, before: str, doc_about: bool, about, ref) -> bool:
    """Whether a claim with no reference in its sentence is about the record's exercises.

    Yes when the record's rows share no party (nothing to tell by) or when the sentence
    names all of the parties ("China and Russia", "the two countries"). Otherwise not when
    the sentence names another actor ("NATO holds its drills every year" after a sentence
    on Joint Sea is NATO's). Else, for a claim tied to the reference of the sentence
    before, yes; for one tied to none, when the sentence before or the document names the
    parties.
    """
    if about is None:
        return True
    names_all, others = about
    if names_all.match(sentence):
        return True
    if others is not None and others.search(sentence):
        return False
    return ref is not None or doc_about or bool(names_all.match(before))


def _sentence_year(sentence: str, ctx: dict) -> int:
    for t in time_expressions(sentence):
        if t.kind == "range":
            continue
        y, _, _ = resolve(t, ctx["pub"] or ctx.get("written"), future=is_future(sentence))
        if y:
            return y
    return 0


def _year(ref) -> int:
    return 0 if ref is None or pd.isna(ref.event_year) else int(ref.event_year)


def _base(doc, ref, base, sentence, a, b, *, sid=None, mention=None) -> dict:
    return {
        "doc_id": doc,
        "sent_id": int(ref.sent_id) if sid is None else sid,
        "start": base + a,
        "end": base + b,
        "family": "" if ref is None else ref.family,
        "mention": (ref.mention if ref is not None else "") if mention is None else mention,
        "sentence": sentence,
    }


def _sentence_places(
    sentence: str, refs: list, base: int, locations: tuple[str, ...] = (), *, own: bool = False
):
    """Each reference of a sentence with the places of its clause (nearest reference)."""
    found = []
    for ps in _places_in(sentence, locations, own=own):
        pos = sentence.find(ps) if ps in sentence else -1
        if pos < 0:
            from .mentions import PLACE_ALIASES

            alias = next((k for k, v in PLACE_ALIASES.items() if v == ps and k in sentence), "")
            pos = sentence.find(alias) if alias else 0
        found.append((ps, pos))
    if not found:
        return []
    groups: dict[int, list] = {}
    for ps, pos in found:
        i = min(range(len(refs)), key=lambda k: abs((refs[k].start + refs[k].end) / 2 - base - pos))
        groups.setdefault(i, []).append((ps, pos))
    out = []
    for i, items in sorted(groups.items()):
        ref = refs[i]
        lo = min([ref.start - base] + [p for _, p in items])
        hi = max([ref.end - base] + [p + len(n) for n, p in items])
        a, _ = _clause(sentence, lo)
        _, b = _clause(sentence, min(hi, len(sentence) - 1))
        out.append((ref, [n for n, _ in items], (min(a, lo), max(b, hi))))
    return out


def _rows_of(ref, units: _Units, *, upto_cut: bool = False) -> pd.DataFrame:
    """Return the record rows a reference stands for: its linked row, else its family's year."""
    src = units.cut if upto_cut else units.all
    if ref is None:
        return src.iloc[0:0]
    if ref.record_event:
        name, year, start = ref.record_event.split("|")
        hit = src[(src["name"] == name) & (src["year"] == int(year)) & (src["start_date"] == start)]
        return hit
    if ref.family and not pd.isna(ref.event_year):
        return src[(src["name"] == ref.family) & (src["year"] == int(ref.event_year))]
    return src.iloc[0:0]


def _named_year(r, units: _Units, ctx: dict) -> dict:
    year = int(r.name_year)
    series = units.series(r.family)
    hit = series[series["year"] == year]
    if hit.empty:  # a row of the article's year with no start date is still in that year
        hit = units.undated[(units.undated["name"] == r.family) & (units.undated["year"] == year)]
    later = units.series(r.family, upto_cut=False)
    later = later[later["year"] == year]
    claim = f"{r.family} took place in {year}"
    base = {"claim": claim, "claimed": str(year)}
    if len(hit):
        return {
            **base,
            "status": SUPPORTED,
            "deciding_rows": _label(hit),
            "reason": f"the record lists {r.family} in {year}.",
        }
    if len(later) and is_future(r.sentence):
        return {
            **base,
            "claim": f"{r.family} will take place in {year}",
            "status": SUPPORTED,
            "deciding_rows": _label(later),
            "reason": f"announced before the cut ({ctx['until']}); the record lists it.",
        }
    if len(later):
        # the event is in the record, after the article: named ahead ("preparations for
        # the 2024 drills"), which the sentence's tense alone does not show
        return {
            **base,
            "status": NOT_CHECKABLE,
            "deciding_rows": _label(later),
            "reason": f"the record's {r.family} {year} begins after the article's cut "
            f"({ctx['until']}): the article may name it ahead of time.",
        }
    full = units.series(r.family, upto_cut=False)
    if full.empty:
        return {
            **base,
            "status": NOT_CHECKABLE,
            "deciding_rows": "",
            "reason": f"the record has no {r.family} series.",
        }
    last = int(series["year"].max()) if len(series) else 0
    if ctx["until"] and year > (int(str(ctx["until"])[:4]) if ctx["until"] else last):
        return {
            **base,
            "status": NOT_CHECKABLE,
            "deciding_rows": "",
            "reason": f"{year} is after the record up to {ctx['until']}.",
        }
    yrs = ", ".join(str(v) for v in sorted(set(full["year"].astype(int))))
    return {
        **base,
        "status": NOT_SUPPORTED,
        "deciding_rows": _label(series),
        "reason": f"the record lists {r.family} only in {yrs}.",
    }


def _covers(location: str, place: str) -> bool:
    """Whether a record's location names a place, or a place within it (compass words as one)."""
    low = place_key(location)
    return any(place_key(p) in low for p in (place, *PLACE_WITHIN.get(place, ())))


def _place(ref, found_places: list[str], units: _Units, year: int = 0, sentence: str = "") -> dict:
    claimed = "; ".join(found_places)
    what = ref.family if ref is not None and ref.family else "the event"
    yr = year or _year(ref)
    claim = f"{what}{f' {yr}' if yr else ''} took place in/near {claimed}"
    if year and ref is not None and ref.family and year != _year(ref):
        rows = units.all[(units.all["name"] == ref.family) & (units.all["year"] == year)]
    else:
        rows = _rows_of(ref, units)
    if rows.empty:
        why = "the reference is not linked to a record row" + (
            f" ({ref.link_evidence})" if ref is not None and ref.link_evidence else ""
        )
        return {
            "claim": claim,
            "claimed": claimed,
            "status": NOT_CHECKABLE,
            "deciding_rows": "",
            "reason": why + ".",
        }
    known = rows[rows.index.isin(units.cut.index) | rows.index.isin(units.undated.index)]
    if known.empty and not is_future(sentence):
        # judged at the article's cut, as its year is ("Joint Sea-2019 opens in Qingdao"
        # in 2014): an event after it cannot support or refute where the article puts it
        return {
            "claim": claim,
            "claimed": claimed,
            "status": NOT_CHECKABLE,
            "deciding_rows": _label(rows),
            "reason": f"the record's {_label(rows)} begins after the article's cut: the "
            "article may name it ahead of time.",
        }
    locs = " | ".join(rows["location"].astype(str))
    missing = [p for p in found_places if not _covers(locs, p)]
    if not locs.strip():
        st, why = NOT_CHECKABLE, "the record row gives no location."
    elif not missing:
        st, why = SUPPORTED, f"the record's location: {locs}."
    elif units.own and len(missing) < len(found_places):
        # "At COP29 in Baku, … the deal reached in Paris": the record's place is named, and
        # another of the table's places may be another event's, not this one's venue
        st, why = (
            NOT_CHECKABLE,
            f"the record's location ({locs}) is named, and {', '.join(missing)} too, a place "
            "of the table's other events: the sentence may speak of another event there.",
        )
    else:
        st, why = (
            NOT_SUPPORTED,
            f"the record's location ({locs}) does not name {', '.join(missing)}.",
        )
    return {
        "claim": claim,
        "claimed": claimed,
        "status": st,
        "deciding_rows": _label(rows),
        "reason": why,
    }


def _family_of(ref) -> str:
    if ref is None:
        return ""
    return ref.family or _PATROL_FAMILIES.get(ref.type, "")


def _event_key(ref, ctx: dict) -> tuple[int, str]:
    """(year, record_event) of the referenced event; the publication year without one."""
    year = _year(ref) or (ctx["year"] or 0)
    return year, ("" if ref is None else ref.record_event)


def _ordinal_word(n: int) -> str:
    words = {v: k for k, v in _ORDINALS.items()}
    if n in words:
        return words[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _restrict(rows: pd.DataFrame, clause: str, year: int) -> tuple[pd.DataFrame, str]:
    if re.search(r"(?i)\bthis\s+year\b", clause) and year:
        return rows[rows["year"] == year], f" in {year}"
    since = re.search(r"(?i)\bsince\s+(?:the\s+start\s+of\s+)?((?:19|20)\d{2})\b", clause)
    if since:
        # "the fifth COP since 2019": counted from that year's events on
        return rows[rows["year"] >= int(since.group(1))], f" since {since.group(1)}"
    m = re.search(
        r"(?i)\b(?:near|around|off|over)\s+(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)", clause
    )
    if m and m.group(1) not in ("China", "Russia"):
        place = m.group(1)
        at = rows[rows["location"].astype(str).str.contains(place, case=False, regex=False)]
        if len(at) < len(rows):
            return at, f" at or near {place}"
    return rows, ""


def _units_list(rows: pd.DataFrame, family_rows: pd.DataFrame, editions: bool) -> list:
    """Ordered units: one per row, or one per year for editions; each a frame of rows."""
    if editions:
        return [g for _, g in rows.groupby("year", sort=True)]
    return [rows.iloc[[i]] for i in range(len(rows))]


def _ordinal(n: int, ref, clause: str, units: _Units, ctx: dict) -> dict:
    family = _family_of(ref)
    claimed = str(n)
    if not family:
        return {
            "family": "",
            "claim": f"ordinal {n}",
            "claimed": claimed,
            "status": NOT_CHECKABLE,
            "deciding_rows": "",
            "reason": "no series to count: no reference in the sentence or the one before.",
        }
    if re.search(r"(?i)\b(?:in\s+a\s+row|in\s+succession|consecutive)\b", clause):
        # "the third COP in a row held in an oil state": a run, not the series' number
        return {
            "family": family,
            "claim": f"ordinal {n}",
            "claimed": claimed,
            "status": NOT_CHECKABLE,
            "deciding_rows": "",
            "reason": "a run of events ('in a row'), not the event's number in its series.",
        }
    year, key = _event_key(ref, ctx)
    series_all = units.series(family, upto_cut=False)
    if series_all.empty:  # "the fifteenth joint naval patrol" read against a record without it
        return {
            "family": family,
            "claim": f"the {_ordinal_word(n)} {family}",
            "claimed": claimed,
            "status": NOT_CHECKABLE,
            "deciding_rows": "",
            "reason": f"the record has no {family} series to count: add its events to the "
            "table (under that name) to check the claim.",
        }
    upto = units.series(family)
    editions = _Units.editions(upto, series_all) and not re.search(r"(?i)this\s+year", clause)
    rows, restr = _restrict(upto, clause, year)
    if units.own:
        own = _own_ordinal(n, family, key, year, rows, restr, series_all, units, ctx)
        if own is not None:
            return own
    claim = f"the {_ordinal_word(n)} {family}{' edition' if editions else ''}{restr}"
    base = {"family": family, "claim": claim, "claimed": claimed + restr}
    lst = _units_list(rows, series_all, editions)
    # rows of the article's year with no start date: not known to be before it
    undated, _ = _restrict(units.undated[units.undated["name"] == family], clause, year)
    if editions:
        undated = undated[~undated["year"].isin(rows["year"])]
    unknown = _units_list(undated, series_all, editions)
    announced = ""
    if n == len(lst) + 1 and is_future(clause):
        later_all, _ = _restrict(series_all, clause, year)
        later = later_all[~later_all.index.isin(rows.index)]
        lst2 = _units_list(later, series_all, editions)
        if lst2:
            lst = lst + lst2[:1]
            announced = " (announced; the record's next event)"
    elif len(lst) < n <= len(lst) + len(unknown):
        lst = lst + unknown  # the n-th may be one of them: the record cannot tell
    if not lst or n > len(lst):
        more = (
            f", and {_label(undated)} with no start date, which may be later"
            if len(undated)
            else ""
        )
        return {
            **base,
            "status": NOT_SUPPORTED,
            "deciding_rows": _label(rows),
            "reason": f"the record has only {len(lst)} {family} "
            f"{'edition' if editions else 'event'}(s){restr} up to {ctx['until'] or 'its end'}"
            f"{more}.",
        }
    nth = lst[n - 1]
    pub = ctx.get("pub")
    if (
        pub is not None
        and not is_future(clause)
        and (nth["start_date"].fillna("").astype(str) == "").all()
        and int(nth["year"].iloc[0]) == pub.year
    ):
        # an undated event of the article's own year may be later than the article; a
        # sentence that announces it ("will include…") is checked
        return {
            **base,
            "status": NOT_CHECKABLE,
            "deciding_rows": _label(pd.concat(lst[:n])),
            "reason": f"the {_ordinal_word(n)}{restr} in the record is {_label(nth)}, which has "
            f"no start date: the record cannot tell whether it came before the article "
            f"({pub.isoformat()}).",
        }
    if not key and not year:
        return {
            **base,
            "status": SUPPORTED,
            "deciding_rows": _label(pd.concat(lst[:n])),
            "reason": f"the {_ordinal_word(n)}{restr} in the record is {_label(nth)} (no "
            "publication date, so its timing is not checked).",
        }
    keys = {f"{x['name']}|{int(x['year'])}|{x['start_date']}" for _, x in nth.iterrows()}
    is_it = (key in keys) if key else (year and int(nth["year"].iloc[0]) == year)
    label = _label(nth)
    if is_it:
        return {
            **base,
            "status": SUPPORTED,
            "deciding_rows": _label(pd.concat(lst[:n])),
            "reason": f"the {_ordinal_word(n)}{restr} in the record is {label}{announced}, "
            f"the event referred to.",
        }
    return {
        **base,
        "status": NOT_SUPPORTED,
        "deciding_rows": _label(pd.concat(lst[:n])),
        "reason": f"the {_ordinal_word(n)}{restr} in the record is {label}, not the event "
        f"referred to ({year or 'undated'}); {len(lst)} up to {ctx['until'] or 'the end'}.",
    }


def _own_ordinal(n, family, key, year, rows, restr, series_all, units, ctx) -> dict | None:
    """Judge an ordinal against a table of one's own that may start partway through.

    A row's ``edition`` (an optional column: its number in its series, "28" for COP28)
    decides. Else the table's order decides only when counting starts within the table
    ("since 2019" from a year it covers) or the series' first row has edition 1; otherwise
    an event that is already later than the n-th row of the table is not the n-th, and
    any other verdict is not checkable (the editions before the table are not in it).
    Returns None when the table's order decides (the shipped rule).
    """
    claim = f"the {_ordinal_word(n)} {family}{restr}"
    base = {"family": family, "claim": claim, "claimed": f"{n}{restr}"}
    editions = (
        pd.to_numeric(series_all["edition"], errors="coerce")
        if "edition" in series_all.columns
        else pd.Series(np.nan, index=series_all.index)
    )
    keys = [f"{r['name']}|{int(r['year'])}|{r['start_date']}" for _, r in series_all.iterrows()]
    mine = [i for i, k in zip(series_all.index, keys, strict=True) if k == key]
    if mine and not restr and not pd.isna(editions[mine[0]]):
        number = int(editions[mine[0]])
        row = series_all.loc[[mine[0]]]
        return {
            **base,
            "status": SUPPORTED if number == n else NOT_SUPPORTED,
            "deciding_rows": _label(row),
            "reason": f"the table numbers {_label(row)} edition {number} (its edition column).",
        }
    first_year = int(series_all["year"].min())
    since = re.search(r"since ((?:19|20)\d{2})", restr)
    starts_in_table = (since and int(since.group(1)) >= first_year) or (
        not pd.isna(editions.iloc[0]) and int(editions.iloc[0]) == 1
    )
    if starts_in_table:
        return None
    order = [f"{r['name']}|{int(r['year'])}|{r['start_date']}" for _, r in rows.iterrows()]
    if key in order and order.index(key) + 1 > n:
        m = order.index(key) + 1
        return {
            **base,
            "status": NOT_SUPPORTED,
            "deciding_rows": _label(rows.iloc[:m]),
            "reason": f"the event referred to is already the {_ordinal_word(m)} {family} of the "
            f"table{restr}, which starts in {first_year}: it cannot be the {_ordinal_word(n)}.",
        }
    return {
        **base,
        "status": NOT_CHECKABLE,
        "deciding_rows": _label(rows),
        "reason": f"the table's {family} events start in {first_year} and may not start with "
        f"the series' first (give the first row edition 1, or each row its edition, to count "
        f"them); it has {len(rows)}{restr} up to {ctx['until'] or 'its end'}.",
    }


def _count(n: int, mention: str, ref, clause: str, units: _Units, ctx: dict) -> dict:
    family = _family_of(ref)
    if re.search(r"(?i)countries|nations|states", mention):
        rows = _rows_of(ref, units)
        claim = f"{n} countries took part"
        if rows.empty:
            return {
                "family": family,
                "claim": claim,
                "claimed": f"{n} countries",
                "status": NOT_CHECKABLE,
                "deciding_rows": "",
                "reason": "no linked record row to count participants in.",
            }
        parts = sorted(
            {p.strip() for x in rows["participants"].astype(str) for p in x.split(";") if p.strip()}
        )
        st = SUPPORTED if len(parts) == n else NOT_SUPPORTED
        return {
            "family": family,
            "claim": claim,
            "claimed": f"{n} countries",
            "status": st,
            "deciding_rows": _label(rows),
            "reason": f"the record lists {len(parts)} participants: {', '.join(parts)}.",
        }
    if not family:
        return {
            "family": "",
            "claim": f"{n} earlier events",
            "claimed": str(n),
            "status": NOT_CHECKABLE,
            "deciding_rows": "",
            "reason": "no series to count.",
        }
    year = _year(ref) or (ctx["year"] or 0)
    upto = units.series(family)
    series_all = units.series(family, upto_cut=False)
    editions = _Units.editions(upto, series_all)
    before = upto[upto["year"] < (ctx["year"] or year + 1)] if ctx["year"] else upto
    k = before["year"].nunique() if editions else len(before)
    what = "edition" if editions else "event"
    st = SUPPORTED if k == n else NOT_SUPPORTED
    return {
        "family": family,
        "claim": f"{n} earlier {family} {what}s",
        "claimed": str(n),
        "status": st,
        "deciding_rows": _label(before),
        "reason": f"the record has {k} {family} {what}(s) before {ctx['year'] or year}.",
    }


def _event_date(ref, ctx: dict) -> dt.date | None:
    rows = []
    if ref is not None and ref.record_event:
        start = ref.record_event.split("|")[2]
        rows.append(parse_date(start))
    if ref is not None and ref.event_date and len(str(ref.event_date)) == 10:
        rows.append(parse_date(ref.event_date))
    rows = [r for r in rows if r]
    if rows:
        return rows[0]
    year = _year(ref)
    if year:
        return dt.date(year, 12, 31) if not ctx["pub"] or ctx["pub"].year != year else ctx["pub"]
    return ctx["pub"]


def _first_of_other(clause: str, start: int, end: int) -> str:
    """Return what a "first time" is of when that is no event taking place, else "".

    "For the first time" modifies the verb right after it ("a deal that for the first
    time calls on countries", "For the first time, a COP decision mentioned fossil
    fuels"), else the one before it ("the drill was held … for the first time"); "the
    first time (that) …" and "the first time for X to …" the first verb after it, past
    a verb of seeing or reporting ("the first time the command had intercepted … bombers
    flying together"). When that verb is no verb of the event taking place (held, took
    place, conducted, staged, began, met, flew, sailed…), the first is of something else
    ("mentioned", "calls on", "attended", "included"), which an event table does not
    record. Any other first ("their first joint drills", "first-ever", "the first time,
    the 10th joint air patrol", with no verb) is the event's.

    Parameters
    ----------
    clause
        The clause stating the first.
    start, end
        The first-time cue's offsets in ``clause``.

    Returns
    -------
    str
        The verb and the two words after it ("mentioned fossil fuels"), or ``""`` when
        the first is the event's own (or there is no verb to tell by).

    Examples
    --------
    >>> s = "For the first time, a COP decision explicitly mentioned fossil fuels."
    >>> _first_of_other(s, 0, 18)
    'mentioned fossil fuels'
    >>> s = "The drill was held off Vladivostok for the first time."
    >>> _first_of_other(s, 35, 53)
    ''
    """
    cue = clause[start:end]
    if not re.search(r"(?i)\btime\b", cue):
        return ""
    occurs = [(m.start(), m.end(), True) for m in _OCCURS_RE.finditer(clause)]
    verbs = sorted(
        occurs
        + [
            (m.start(), m.end(), False)
            for m in _VERB_RE.finditer(clause)
            if not any(a < m.end() and m.start() < b for a, b, _ in occurs)
        ]
    )
    after = [v for v in verbs if v[0] >= end]
    before = [v for v in verbs if v[1] <= start][::-1]
    if re.match(r"(?i)for\b", cue):
        gap = clause[end : after[0][0]] if after else ""
        follows = bool(after) and (
            not before
            or len(re.findall(r"\w+", gap)) <= 1
            or bool(re.match(r"(?i)\W*(?:ever\W+)?that\b", gap))
        )
        pick = after if follows else before
    else:
        pick = after
    seen = [v for v in pick if not v[2] and _PERCEIVE_RE.search(clause[v[0] : v[1]])]
    verb = next((v for v in pick if v not in seen), None) or (seen[0] if seen else None)
    if verb is None or verb[2]:
        return ""
    words = re.findall(r"[\w'-]+", clause[verb[0] :])
    own = len(re.findall(r"[\w'-]+", clause[verb[0] : verb[1]]))
    return " ".join(words[: own + 2])


#: an undated reference's event is taken to be a row of its series this many days before
#: the article at most ("For the first time, Russian and Chinese bombers have carried out
#: joint air patrols", published 8 days after the first one)
REPORTED_DAYS = 31


def _without_reported(
    before: pd.DataFrame, ref, family: str, when: dt.date | None, ctx: dict
) -> tuple[pd.DataFrame, str]:
    """Leave out of ``before`` the event an undated reference reports, and say so.

    A reference with no date of its own ("joint air patrols", dated by the article) is
    linked to no row, so the very event it reports, held days before the article, was
    among the rows that refuted its "first". The rows of its series (of any series when
    it has none) that began up to :data:`REPORTED_DAYS` before the article are taken as
    that event; the reason names them.
    """
    pub = ctx.get("pub")
    if ref is None or ref.record_event or _year(ref) or pub is None or when != pub:
        return before, ""
    dates = [parse_date(str(d)) for d in before["start_date"]]
    recent = np.asarray(
        [d is not None and 0 <= (pub - d).days <= REPORTED_DAYS for d in dates], dtype=bool
    )
    if family:
        recent &= (before["name"] == family).to_numpy()
    if not recent.any():
        return before, ""
    shown = _label(before[recent])
    return before[~recent], f" ({shown}, just before the article, taken as the event it reports.)"


def _first(
    ref,
    clause: str,
    mention: str,
    units: _Units,
    ctx: dict,
    before_text: str,
    cue: tuple[int, int] | None = None,
) -> dict:
    family = _family_of(ref)
    when = _event_date(ref, ctx)
    ps = _places_in(clause, units.locations, own=units.own)
    if (
        not ps
        and re.search(
            r"(?i)\b(?:in|to)\s+(?:the|this|that|these)\s+(?:region|area|waters)\b", clause
        )
        and ref is not None
    ):
        # "in the region": the places of the reference's sentence, else of the one before
        ps = _places_in(str(ref.sentence), units.locations, own=units.own) or _places_in(
            before_text, units.locations, own=units.own
        )
    since = _SINCE_RE.search(clause)
    base = {"family": family}
    if _COAST_GUARD.search(clause) and not _WARSHIP_WORDS.search(clause):
        return {
            **base,
            "claim": f"a first: '{mention}'",
            "claimed": "first (coast guards)",
            "status": NOT_CHECKABLE,
            "deciding_rows": "",
            "reason": "a first of the coast guards, whose patrols and drills the record does "
            "not hold (it holds the armed forces' exercises and patrols).",
        }
    if _FEATURE_RE.search(clause) and not ps:
        return {
            **base,
            "claim": f"a first: '{mention}'",
            "claimed": "first (feature)",
            "status": NOT_CHECKABLE,
            "deciding_rows": "",
            "reason": "a first about equipment or units, which the record does not hold.",
        }
    other = _first_of_other(clause, *cue) if cue is not None else ""
    if other:
        # "for the first time, a decision mentioned …": a first of something else
        what = f"{family} taking place" if family else "event taking place"
        return {
            **base,
            "claim": f"a first: '{mention}'",
            "claimed": "first (of something else)",
            "status": NOT_CHECKABLE,
            "deciding_rows": "",
            "reason": f"the first is of what the clause says ('{other}'), not of the {what}: "
            "the table does not record it.",
        }
    if when is None:
        return {
            **base,
            "claim": f"a first: '{mention}'",
            "claimed": "first",
            "status": NOT_CHECKABLE,
            "deciding_rows": "",
            "reason": "the referenced event has no date to compare with.",
        }
    src = units.all
    before = src[
        [
            (parse_date(s) or dt.date(int(y), 12, 31)) < when
            for s, y in zip(src["start_date"], src["year"], strict=True)
        ]
    ]
    if ref is not None and ref.record_event:
        before = before[
            before["name"] + "|" + before["year"].astype(str) + "|" + before["start_date"]
            != ref.record_event
        ]
    before, reported = _without_reported(before, ref, family, when, ctx)
    if ps:
        # a mask, never a list: an empty list would select columns (none), not rows
        covered = [all(_covers(loc, p) for p in ps) for loc in before["location"].astype(str)]
        at = before[np.asarray(covered, dtype=bool)]
        claimed = f"first in {'; '.join(ps)}"
        # "the first time … bombers flying together near Alaska": a first of aircraft is
        # not refuted by ships there before, nor one of ships by aircraft
        # … and the place names are no naval words ("bombers … over the East China Sea")
        bare = without_places(clause, units.locations)
        air, sea = _AIR_WORDS.search(bare), _NAVAL_WORDS.search(bare)
        patrol = ref is not None and ref.type in ("air_patrol", "naval_patrol") and family
        what = "record row"
        if patrol and str(ref.mention) in clause:
            what = family
            # "bombers conducted joint air patrols over the Sea of Japan for the first
            # time": a first of the patrols there, not refuted by an exercise before them
            air = ref.type == "air_patrol"
            at, claimed = at[at["name"] == family], f"{claimed} ({'aircraft' if air else 'ships'})"
        elif air and not sea:
            at, claimed = at[at["domain"].isin(["air", "combined"])], f"{claimed} (aircraft)"
        elif sea and not air:
            at = at[at["domain"].isin(["naval", "patrol", "combined"])]
            claimed = f"{claimed} (ships)"
        if at.empty:
            return {
                **base,
                "claim": claimed,
                "claimed": claimed,
                "status": SUPPORTED,
                "deciding_rows": "",
                "reason": f"no earlier {what} in {'; '.join(ps)}.{reported}",
            }
        return {
            **base,
            "claim": claimed,
            "claimed": claimed,
            "status": NOT_SUPPORTED,
            "deciding_rows": _label(at),
            "reason": f"earlier {'rows' if what == 'record row' else what} in "
            f"{'; '.join(ps)}.{reported}",
        }
    if not family:
        return {
            **base,
            "claim": f"a first: '{mention}'",
            "claimed": "first",
            "status": NOT_CHECKABLE,
            "deciding_rows": "",
            "reason": "no series or place to check the first against.",
        }
    fam = before[before["name"] == family]
    if since:
        exprs = time_expressions(since.group(0))
        start = None
        if exprs:
            y, d, _ = resolve(exprs[0], ctx["pub"] or when, future=False)
            if d:
                start = parse_date(d if len(d) == 10 else d + "-01")
            elif y:
                start = dt.date(y, 1, 1)
        if start is None:
            return {
                **base,
                "claim": f"the first {family} since {since.group('what')}",
                "claimed": f"first since {since.group('what')}",
                "status": NOT_CHECKABLE,
                "deciding_rows": "",
                "reason": "the time after 'since' was not resolved.",
            }
        # events in the month named count as the last one ("since June": June's was the last)
        after = fam[
            [
                (parse_date(s) or dt.date(int(y), 1, 1)) > start.replace(day=28)
                for s, y in zip(fam["start_date"], fam["year"], strict=True)
            ]
        ]
        last = fam[
            [
                (parse_date(s) or dt.date(int(y), 1, 1)) >= start
                for s, y in zip(fam["start_date"], fam["year"], strict=True)
            ]
        ]
        restr_rows, restr = _restrict(after, clause, 0)
        claimed = f"first since {since.group('what')}"
        ok = restr_rows.empty and not last.empty
        return {
            **base,
            "claim": f"the first {family}{restr} since {start.isoformat()[:7]}",
            "claimed": claimed,
            "status": SUPPORTED if ok else NOT_SUPPORTED,
            "deciding_rows": _label(restr_rows if len(restr_rows) else last),
            "reason": (
                "no other row of the series in between, and one at the start."
                if ok
                else "the record has rows in between (or none at the start)."
            ),
        }
    claimed = f"first {family}"
    if fam.empty:
        return {
            **base,
            "claim": f"the first {family}",
            "claimed": claimed,
            "status": SUPPORTED,
            "deciding_rows": "",
            "reason": f"no earlier {family} in the record.{reported}",
        }
    return {
        **base,
        "claim": f"the first {family}",
        "claimed": claimed,
        "status": NOT_SUPPORTED,
        "deciding_rows": _label(fam.head(3)),
        "reason": f"the record has {len(fam)} earlier {family} event(s).{reported}",
    }


#: "every year the footprint gets larger", "each year our interaction becomes more
#: complex": a change from year to year, not a claim that the exercise is yearly
_EVERY_YEAR_CHANGE = re.compile(
    r"(?i)\b(?:every|each)\s+year,?\s+(?:\S+\s+){0,8}?(?:gets?|becomes?|grows?|"
    r"(?:is|are)\s+(?:getting|becoming|growing))\s+(?:more|less|larger|bigger|greater|"
    r"stronger|deeper|closer|wider|better|\w+er)\b"
)


#: a frequency stated for the future ("will be held annually from now on", "would be
#: held regularly"): a promise, which the record of what was held cannot judge
_PROMISE_RE = re.compile(
    r"(?i)\b(?:will|shall|would|(?:is|are)\s+going\s+to|plans?\s+to|intends?\s+to|"
    r"from\s+now\s+on|henceforth|in\s+(?:the\s+)?future|going\s+forward)\b|['\u2019]ll\b"
)


def _all_events(units: _Units) -> str:
    """Name every event of the record, as a claim with no series is judged on them all."""
    from .mentions import has_builtin_series

    if has_builtin_series(units.all):
        return "China-Russia exercises and patrols"
    return "events of the record"


def _unjudged(family: str, mention: str, reason: str) -> dict:
    """Return a frequency claim the record cannot judge, with why."""
    return {"family": family, "claim": f"'{mention}'", "claimed": mention.lower(),
            "status": NOT_CHECKABLE, "deciding_rows": "", "reason": reason}  # fmt: skip


def _frequency(mention: str, ref, clause: str, sentence: str, units: _Units, ctx: dict) -> dict:
    low = mention.lower()
    family = _family_of(ref)
    if _GROWTH_RE.search(low):
        res = _frequency_status(mention, sentence, ctx["trend"], ctx["recent"])
        return {"family": family, "claimed": "growing", **res}
    rows = units.series(family) if family else units.cut
    what = family or _all_events(units)
    promise = _PROMISE_RE.search(clause)
    if promise:
        why = (f"a promise about the future ('{promise.group(0)}'): the record holds only "
               "what was held up to the article's date.")  # fmt: skip
        return _unjudged(family, mention, why)
    if _EVERY_YEAR_CHANGE.search(clause):
        why = ("it says how something changes every year ('every year … gets larger'), "
               "not that an exercise is held every year.")  # fmt: skip
        return _unjudged(family, mention, why)
    end_year = ctx["year"] or _year(ref) or (int(rows["year"].max()) if len(rows) else 0)
    pub = ctx.get("pub")
    # the year the article appeared in is not over (unless dated 31 December); with only
    # a year known, how much of it had passed is unknown: not over either
    if pub is not None:
        unfinished = pub.year if (pub.month, pub.day) != (12, 31) else None
    else:
        unfinished = ctx["year"] or None
    if unfinished == end_year and not (rows["year"] == end_year).any():
        end_year -= 1  # the publication year is not over and has no event yet
    m = re.search(r"(?i)\bsince\s+((?:19|20)\d{2})", clause)
    if re.search(r"(?i)several|many\s+years", low):
        start_year = end_year - 4
    elif re.search(r"(?i)past\s+year|last\s+year", clause) and re.search(r"(?i)frequent", low):
        pub = ctx["pub"] or dt.date(end_year, 12, 31)
        recent = units.cut[
            [
                (parse_date(s) or dt.date(int(y), 6, 30)) > pub - dt.timedelta(days=366)
                for s, y in zip(units.cut["start_date"], units.cut["year"], strict=True)
            ]
        ]
        st = SUPPORTED if len(recent) >= 2 else NOT_SUPPORTED
        return {
            "family": family,
            "claim": f"frequent {what} over the past year",
            "claimed": "frequent (past year)",
            "status": st,
            "deciding_rows": _label(recent),
            "reason": f"{len(recent)} record event(s) in the year before {pub.isoformat()}.",
        }
    elif m:
        start_year = int(m.group(1))
    else:
        start_year = int(rows["year"].min()) if len(rows) else end_year
    years = list(range(start_year, end_year + 1))
    per = rows[(rows["year"] >= start_year) & (rows["year"] <= end_year)].groupby("year").size()
    counts = [int(per.get(y, 0)) for y in years]
    have = sum(c > 0 for c in counts)
    missing = [y for y, c in zip(years, counts, strict=True) if c == 0]
    span = f"{start_year}-{end_year}"
    deciding = _label(rows[(rows["year"] >= start_year) & (rows["year"] <= end_year)])
    if not years or rows.empty:
        return _unjudged(family, mention, f"no {what} in the record to judge it on.")
    if re.search(r"(?i)once|twice", low):
        if re.search(r"(?i)once\s+or\s+twice|twice\s+or\s+once", low):
            lo, hi = 1, 2
        else:
            lo = hi = 2 if re.search(r"(?i)twice", low) else 1
        more = re.search(r"(?i)\b(at\s+least|more\s+than)\s+(once|twice)\b", clause)
        if more:  # "at least twice a year": 2 or more; "more than once": 2 or more
            n = 2 if more.group(2).lower() == "twice" else 1
            lo, hi = (n, math.inf) if more.group(1).lower().startswith("at") else (n + 1, math.inf)
            low = f"{more.group(1).lower()} {more.group(2).lower()} a year"
        # the publication year is not over: its events so far may not exceed the claim,
        # but may still fall short of it ("twice a year" in April, one drill so far)
        partial = unfinished == end_year
        whole = counts[:-1] if partial else counts
        ok = all(lo <= c <= hi for c in whole) and (not partial or counts[-1] <= hi)
        if partial:
            so_far = f" ({end_year} to {pub.isoformat()})" if pub else f" ({end_year} so far)"
        else:
            so_far = ""
        return {
            "family": family,
            "claim": f"{what} {low} ({span})",
            "claimed": low,
            "status": SUPPORTED if ok else NOT_SUPPORTED,
            "deciding_rows": deciding,
            "reason": f"per year {span}: {', '.join(map(str, counts))}{so_far}.",
        }
    if re.search(r"(?i)annual|every\s+year|each\s+year|yearly", low):
        if len(years) < 2:
            return {
                "family": family,
                "claim": f"{what} is annual ({span})",
                "claimed": "annual",
                "status": NOT_CHECKABLE,
                "deciding_rows": deciding,
                "reason": f"one year ({span}) cannot show a yearly pattern.",
            }
        ok = not missing
        why = (
            f"a {what} row every year {span}."
            if ok
            else f"no {what} in {', '.join(map(str, missing))} ({span})."
        )
        return {
            "family": family,
            "claim": f"{what} is annual ({span})",
            "claimed": "annual",
            "status": SUPPORTED if ok else NOT_SUPPORTED,
            "deciding_rows": deciding,
            "reason": why,
        }
    if len(years) < 2:
        # one year holds one or no event: no pattern to call regular or not
        return {
            "family": family,
            "claim": f"{what} {low} ({span})",
            "claimed": low,
            "status": NOT_CHECKABLE,
            "deciding_rows": deciding,
            "reason": f"one year ({span}) cannot show how often {what} is held.",
        }
    ok = have * 3 >= 2 * len(years) and have >= 2
    return {
        "family": family,
        "claim": f"{what} {low} ({span})",
        "claimed": low,
        "status": SUPPORTED if ok else NOT_SUPPORTED,
        "deciding_rows": deciding,
        "reason": f"{what} in {have} of the {len(years)} years {span}"
        + (f" (none in {', '.join(map(str, missing))})." if missing else "."),
    }
