"""Check the coverage's claims (ordinals, counts, firsts, frequency) against the record."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from ..errors import ParameterError
from ..params import check_columns
from .mentions import _ORDINALS, _check_mentions
from .record import (
    CUT_COLUMNS,
    NOT_CHECKABLE,
    NOT_SUPPORTED,
    SUPPORTED,
    _check_events,
    _row_label,
    check_year_range,
    events_until,
)
from .trend import _frequency_status, events_per_year, recent_window, trend

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
        from ..gazetteer import load_gazetteer

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
