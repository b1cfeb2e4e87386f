"""Find the exercises and patrols a text refers to, dated and linked to the record.

:func:`mentions` reads each document's sentences in order and returns one row per
**reference** to a China–Russia joint exercise or patrol:

* ``named_exercise``: a name in any spelling or word order ("Joint Sea-2015 (II)",
  "2025 Maritime Interaction", "Maritime Interaction-2025", "Vostok (East) 2018",
  "Zapad/Interaction2021", "Mosi II", "Will for Peace 2026", "Morskoye Vzaimodeistviye");
* ``naval_patrol`` and ``air_patrol``: joint naval and joint strategic air patrols,
  with their ordinals ("the 6th joint maritime patrol", "their seventh joint air
  patrol", "long-distance joint flights", "jointly flew near Japan");
* ``described_exercise``: an exercise described but not named ("a week-long joint naval
  drill", "a similar drill last year", "the drills that began on Wednesday"), counted
  when it introduces an event or carries its own time, ordinal or superlative (bare
  anaphora such as "the drill" is not a new reference; ``tests/data/gold_exercises/
  GUIDE.md`` section 1 gives the rule).

Each reference is dated against **its own document's** publication date
(:mod:`framelens.events.dates`: "last year", "in September", "on Tuesday", "this week"),
with the rule and its evidence in ``date_rule``, and linked to a row of the record only
when one candidate fits its family, type, date window and place (``record_event``,
``link_confidence``, ``link_evidence``; otherwise the reason it stays unlinked).

Besides references, the rows hold what the notebook counts and the claim check reads:
generic exercise words (``kind="generic"``) and claim cues (``kind="claim"``: ordinals,
counts, first-time and frequency phrases). Everything is per document, so any partition
of documents gives the rows of just those documents.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from functools import cache
from typing import Literal

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import ParameterError
from ..params import (
    check_choice,
    check_columns,
    check_same_documents,
    doc_ids,
    in_order,
    text_values,
)
from .dates import date_text, fold, is_future, parse_date, resolve, time_expressions
from .record import _check_events, load_events, record_label

#: Columns of :func:`mentions`.
MENTION_COLUMNS = [
    "doc_id",
    "sent_id",
    "start",
    "end",
    "mention",
    "kind",
    "type",
    "family",
    "canonical_name",
    "name_year",
    "event_year",
    "event_date",
    "date_rule",
    "ordinal",
    "record_event",
    "link_confidence",
    "link_evidence",
    "matched",
    "cut",
    "para_id",
    "sent_start",
    "sentence_kind",
    "sentence",
]

#: Types of references (``kind="reference"``).
REFERENCE_TYPES = ("named_exercise", "naval_patrol", "air_patrol", "described_exercise")

#: Claim cues (``kind="claim"``), by ``type``.
CLAIM_CUES = ("ordinal", "count", "first_time", "frequency")

_SEP = r"(?:\s*[-\u2010-\u2015]\s*|\s+)"
_SEP_WEAK = r"\s*[-\u2010-\u2015]\s*"
_YEAR4 = r"(?:19|20)\d{2}"
_YEAR = r"(?:(?:19|20)\d{2}|\d{2})"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}
_PHASE = r"(?:\s*\(\s*(?P<ph{i}>I{1,3}|IV|[1-4])\s*\)|\s+(?P<pr{i}>I{1,3}|IV)(?![\w]))?"
_GLOSS = r"(?:\s*\((?:[A-Z][\w.]*[\s-]*){1,3}(?:(?:19|20)\d{2})?\))?"

# (canonical name, alias pattern, strength). "strong" aliases match with or without a
# year ("Vostok drills", "Northern/Interaction drills"); "name" ones too but, without a
# year, only with every word capitalised, as a name is written ("Joint Sea", "Peace
# Mission"; not "a joint sea patrol" or "the UN peace mission"); "cap" ones too but, without
# a year, only when capitalised ("The Maritime Interaction drills", not "maritime
# interaction"); "year" ones need a year (before or after); "weak" ones are ordinary
# words that count only with a hyphenated year ("Ocean-2024", "East-2018").
_ALIASES: list[tuple[str, str, str]] = [
    ("Northern/Interaction", r"North(?:ern)?\s*[/.]\s*Interaction", "strong"),
    ("Northern/Interaction", r"North(?:ern)?\s+Interaction", "name"),
    ("Northern/Interaction", r"Beibu\s*/\s*Interaction", "strong"),
    ("Northern/Interaction", r"Sever(?:noye)?\s*/\s*Vzaimode[iy]?stvi(?:ye|e)", "strong"),
    ("Northern/Interaction", r"North(?:ern)?[\s-](?:Joint|United)", "year"),
    (
        "Zapad/Interaction",
        r"(?:Zapad|West(?:ern)?|Xibu)\s*/\s*(?:Interaction|Vzaimode[iy]?stvi(?:ye|e))",
        "strong",
    ),
    ("Zapad/Interaction", r"Xibu\s+Unity", "strong"),
    ("Joint Sea", r"Joint(?:ly)?[\s-](?:at\s+)?Sea", "name"),
    ("Joint Sea", r"Morsk(?:oye|oe)\s+Vzaimode[iy]?stvi(?:ye|e)", "strong"),
    ("Joint Sea", r"(?:Maritime|Naval|Marine|Sea)\s+(?:Interaction|Cooperation)", "cap"),
    ("Peace Mission", r"Peace(?:ful)?\s+Mission", "name"),
    ("Peace Mission", r"Mirnaya\s+Missiya", "strong"),
    ("Marine Security Belt", r"(?:(?:Marine|Maritime)\s+)?Security\s+(?:Belt|Bond)", "name"),
    ("Vostok", r"Vostok", "strong"),
    ("Vostok", r"East", "weak"),
    ("Tsentr", r"Tsentr", "strong"),
    ("Tsentr", r"Cent(?:er|re)", "weak"),
    ("Kavkaz", r"Kavkaz", "strong"),
    ("Kavkaz", r"Caucasus", "weak"),
    ("Ocean", r"Okean", "strong"),
    ("Ocean", r"(?:Great\s+)?Ocean", "weak"),
    ("Mosi", r"Mosi", "cap"),
    ("Mosi", r"Will\s+for\s+Peace", "cap"),
]


#: the series the built-in spellings above name: a record with one of them is a record of
#: China-Russia exercises, and all the spellings are used to find names (also of series it
#: lacks: "Kavkaz-2020 (not in the table)"); a record of other events uses none of them
BUILTIN_SERIES = frozenset(canon for canon, _, _ in _ALIASES)


def has_builtin_series(events: pd.DataFrame) -> bool:
    """Whether an event table has a series of the shipped record (:data:`BUILTIN_SERIES`).

    Parameters
    ----------
    events
        An event table (:func:`framelens.events.load_events`).

    Returns
    -------
    bool
        True for a record of China-Russia exercises: its names are then found in every
        built-in spelling, and its titles name China and Russia.
    """
    return bool(set(events["name"].astype(str).str.strip()) & BUILTIN_SERIES)


#: what may separate the words of a name: spaces, hyphens and dashes
_NAME_SEP = re.compile(r"[\s\u2010-\u2015-]+")


def _spelling_re(spelling: str) -> str:
    """Return the pattern of one of the table's spellings, its words joined by spaces or hyphens.

    Within a word, letters and digits may be joined or apart ("COP28" also finds "COP 28"
    and "COP-28"); a spelling that ends in a digit does not match inside a longer number.
    """
    words = [w for w in _NAME_SEP.split(spelling) if w]
    parts = [
        r"[\s\u2010-\u2015-]*".join(re.escape(run) for run in re.findall(r"\d+|\D+", w))
        for w in words
    ]
    tail = r"(?!\d)" if spelling[-1:].isdigit() else ""
    return _NAME_SEP.pattern.join(parts) + tail


def _table_aliases(events: pd.DataFrame) -> tuple[tuple, ...]:
    """Return the spellings of the record's own names and of its ``aliases`` column.

    Each name (and each alias, ``;``-separated) matches as written, its words joined by
    spaces or hyphens, with or without a year, as a name must be written: without a year
    beside it, each capital letter of the spelling must be a capital in the text (its
    small letters may be either: "Keen Sword", "KEEN SWORD", "Keen Sword 2024", "keen
    sword-2024", "Conference of the Parties"; not "a keen sword"). A name of a built-in
    series keeps its built-in spellings (and any aliases given).

    An alias given on one row only of its series names that row ("COP28" on COP's 2023
    row is COP 2023, whatever the article's year); an alias on several rows is a spelling
    of the series. Longer spellings come first, so "COP 28" is tried before "COP".

    Returns
    -------
    tuple
        ``(name, pattern, first letters of the first word (lower case), row or None,
        spelling)`` per spelling; ``row`` is ``(name, year, start_date)`` of the row an
        alias names.
    """
    names = [str(n).strip() for n in events["name"].tolist()]
    aliases = events["aliases"].tolist() if "aliases" in events.columns else [""] * len(names)
    years = events["year"].tolist() if "year" in events.columns else [0] * len(names)
    starts = events["start_date"].tolist() if "start_date" in events.columns else [""] * len(names)
    # the patrol series are found as patrols ("the sixth joint naval patrol"), not as names
    found_otherwise = BUILTIN_SERIES | set(_PATROL_FAMILY.values())
    rows_of: dict[tuple[str, str], list[tuple]] = {}
    order: list[tuple[str, str]] = []
    for name, more, year, start in zip(names, aliases, years, starts, strict=True):
        if not name:
            continue
        row = (name, int(year), str(start or ""))
        spellings = [] if name in found_otherwise else [name]
        spellings += [a.strip() for a in str(more or "").split(";") if a.strip()]
        for spelling in spellings:
            if not _NAME_SEP.sub("", spelling):
                continue
            key = (name, spelling)
            if key not in rows_of:
                order.append(key)
            # the name itself is the series' spelling (row None)
            rows_of.setdefault(key, []).append(None if spelling == name else row)
    out = []
    for name, spelling in order:
        rows = rows_of[(name, spelling)]
        row = rows[0] if len(rows) == 1 else None
        first = re.match(r"\d+|\D+", _NAME_SEP.split(spelling.strip())[0]).group(0).lower()
        out.append((name, _spelling_re(spelling), first, row, spelling))
    out.sort(key=lambda a: -len(_NAME_SEP.sub("", a[4])))
    return tuple(out)


def _record_aliases(events: pd.DataFrame):
    """Return the spellings :func:`mentions` looks for with this record, and its filters.

    The built-in spellings when the record has a built-in series (:data:`BUILTIN_SERIES`),
    then the record's own names and aliases (strength ``"own"``, with the row an alias
    names and the spelling as written); the sentence and name pre-filters (the hint,
    the name hint and :data:`_NAME_WORDS`) also look for the first word of each of the
    record's own spellings.
    """
    own = _table_aliases(events)
    builtin = tuple(_ALIASES) if has_builtin_series(events) else ()
    aliases = builtin + tuple(
        (name, alias, "own", row, spelling) for name, alias, _, row, spelling in own
    )
    firsts = sorted({first for _, _, first, _, _ in own})
    if not firsts:
        return aliases, _HINT, _NAME_HINT, _NAME_WORDS
    more = "|".join(re.escape(w) for w in firsts)
    return (
        aliases,
        re.compile(_HINT.pattern + "|" + more),
        re.compile(_NAME_HINT.pattern + "|" + more),
        re.compile(_NAME_WORDS.pattern + "|" + more),
    )


@cache
def _named_re(
    aliases: tuple[tuple, ...] = tuple(_ALIASES),
) -> tuple[re.Pattern[str], dict[str, tuple]]:
    # One case-insensitive alternation behind one shared look-behind (about 7x faster
    # than per-alias inline flags); capitalisation is checked after the match. A table's
    # own spelling ("own": canon, pattern, strength, row, spelling) keeps its core in
    # group n<i>, for that check.
    parts, groups = [], {}
    if not aliases:
        return re.compile(r"(?!)"), groups
    for i, (canon, alias, strength, *own) in enumerate(aliases):
        phase = _PHASE.replace("{i}", str(i))
        if strength == "own":
            alias = rf"(?P<n{i}>{alias})"
        if strength in ("strong", "name", "cap", "own"):
            core = rf"{_GLOSS}(?:{_SEP}|(?<=[a-z]))(?P<y{i}>{_YEAR4})(?![\w]){phase}{_GLOSS}"
            roman = rf"|\s+(?P<r{i}>I{{1,3}}|IV|V)(?![\w])" if strength == "cap" else ""
            tail = rf"(?:{core}{roman})?"
            head = rf"(?:(?P<b{i}>{_YEAR4})\s+)?"
        elif strength == "year":
            tail = rf"(?:{_SEP}(?P<y{i}>{_YEAR4})(?![\w]){phase})?"
            head = rf"(?:(?P<b{i}>{_YEAR4})\s+)?"
        else:
            tail = rf"{_GLOSS}{_SEP_WEAK}(?P<y{i}>{_YEAR})(?![\w]){phase}"
            head = ""
        parts.append(rf"(?P<a{i}>{head}{alias}(?![A-Za-z/]){tail})")
        groups[f"a{i}"] = (canon, strength, *own)
    return re.compile(r"(?<![\w/])(?:" + "|".join(parts) + ")", re.IGNORECASE), groups


#: a number after a name that is not a year ("COP 30", "COP-30", "COP30")
_NUMBER_AFTER = re.compile(r"[\s\u2010-\u2015-]*(\d{1,3})(?![\d\w])")


def _as_written(found: str, spelling: str) -> bool:
    """Whether ``found`` has a capital wherever the table's ``spelling`` has one.

    Separators aside, both hold the same letters (the pattern matched them regardless of
    case): "Conference of the Parties" is found as "Conference of the Parties" or
    "CONFERENCE OF THE PARTIES", not as "conference of the parties"; a spelling written
    in small letters ("Section 301 tariffs") keeps its small letters free.
    """
    a = _NAME_SEP.sub("", found)
    b = _NAME_SEP.sub("", spelling)
    if len(a) != len(b):
        return True
    return all(x.isupper() for x, y in zip(a, b, strict=True) if y.isupper())


# A sentence can hold a reference or a claim only if its lower-cased text has one of these;
# the names are searched only where _NAME_HINT finds one. Most sentences have neither.
# Both are searched for all sentences at once (:func:`_ascii_search`), so each must read
# the same in RE2 as in Python's re: literals, classes, groups, \d, \w, \s and \b.
_HINT = re.compile(
    r"\d\d|interaction|xibu|joint|sea\b|peace|security|vostok|tsentr|kavkaz|okean|mosi"
    r"|vzaimo|drill|exercis|war\s?game|manoeuv|maneuv|patrol|fl(?:ew|y|ight|ying)|second|third"
    r"|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d(?:st|nd|rd|th)\b|annual|regular"
    r"|frequen|twice|once\s+a"
)
_NAME_HINT = re.compile(
    r"interaction|xibu|joint(?:ly)?[\s-]+(?:at\s+)?sea|peace|security|vostok|tsentr|kavkaz"
    r"|okean|mosi|vzaimo|missiya|cooperation|will\s+for|east|cent(?:er|re)|ocean|caucasus"
    r"|north(?:ern)?[\s-](?:joint|united)"
)
#: what every built-in spelling of :data:`_ALIASES` holds, in lower case: the names are
#: searched only where this and _NAME_HINT both match ("security" and "east" are in many
#: sentences, "security belt" and "east-2018" in few); a weak spelling holds its year
#: after a hyphen, perhaps after a gloss in brackets ("East (Vostok)-2018")
_NAME_WORDS = re.compile(
    r"interaction|vzaimo|beibu|sever|xibu|morsk|mirnaya|vostok|tsentr|kavkaz|okean|mosi"
    r"|north(?:ern)?[\s-](?:joint|united)|joint(?:ly)?[\s-](?:at\s+)?sea"
    r"|(?:maritime|naval|marine|sea)\s+cooperation|peace(?:ful)?\s+mission"
    r"|security\s+(?:belt|bond)|will\s+for\s+peace"
    r"|(?:east|cent(?:er|re)|caucasus|ocean)\s*(?:\([^)]*\)\s*)?-\s*\d\d"
)

_WORDS = re.compile(r"[\w\u2019'.-]+")


#: what RE2 reads otherwise than Python's re on ASCII text: \v and \x1c-\x1f are spaces
#: (\s) to re, not to RE2
_NOT_RE2_SPACE = "[\x0b\x1c-\x1f]"


def _ascii_search(
    texts: list[str], *patterns: str, unknown: bool | None = None
) -> list[list[bool | None]]:
    r"""Whether each text, in lower case, has a match of each pattern, where RE2 can tell.

    The ASCII texts are searched all at once by pyarrow's RE2 (about 10x faster than a
    search of each text with ``re``), which reads literals, classes, groups, ``\d``,
    ``\w``, ``\s`` and ``\b`` as ``re`` does on ASCII text, but for the few control
    characters ``re`` counts as spaces (:data:`_NOT_RE2_SPACE`): a text with one of
    them, and a text that is not ASCII, gets ``unknown`` (for the caller to decide).

    Parameters
    ----------
    texts
        The sentences.
    *patterns
        Patterns of only those constructs (no look-around, no flags).
    unknown
        The answer for a text RE2 cannot read as ``re`` does.

    Returns
    -------
    list of list
        Per pattern, per text: whether its lower case has a match (``re.search(pattern,
        text.lower())``), or ``unknown``.

    Examples
    --------
    >>> _ascii_search(["Joint drills.", "No.", "Des exercices \u00e0 venir."], "drill", "no")
    [[True, False, None], [False, True, None]]
    """
    plain = [t.isascii() for t in texts]
    arr = pa.array([t if ok else "" for t, ok in zip(texts, plain, strict=True)], pa.large_string())
    readable = pc.and_not(
        pa.array(plain, pa.bool_()), pc.match_substring_regex(arr, _NOT_RE2_SPACE)
    )
    low = pc.ascii_lower(arr)
    otherwise = pa.scalar(unknown, pa.bool_())
    return [
        pc.if_else(readable, pc.match_substring_regex(low, p), otherwise).to_pylist()
        for p in patterns
    ]


#: the words one of which every match of a pattern holds (in lower case; a match of
#: _CLAIM_ORD holds one of "ordinal" and one of "ordinal_end"): :func:`_gates` tells which
#: sentences may match it, and only these are searched with it. Each must stay in step
#: with its pattern (tests/unit/test_events_gates.py tries every alternative).
_GATE_WORDS: dict[str, tuple[str, ...]] = {}  # filled below, beside each pattern
#: patterns gated by a pattern RE2 reads, not by words: the pattern itself without what
#: RE2 lacks (a superset: filled below, beside each pattern)
_GATE_PATTERNS: dict[str, str] = {}


def _gates(texts: list[str]) -> list[dict[str, bool]]:
    """For each sentence, whether it may match each pattern of :data:`_GATE_WORDS`.

    False only for an ASCII sentence whose lower case holds none of the pattern's words
    (a case-blind match of ASCII text is a match of its lower case), or no match of its
    gate in :data:`_GATE_PATTERNS`; a case-blind search is the slow part of reading most
    sentences, and most have none of them.

    Parameters
    ----------
    texts
        The sentences.

    Returns
    -------
    list of dict
        Per sentence, the pattern's name (a key of :data:`_GATE_WORDS` or
        :data:`_GATE_PATTERNS`) → whether it may match.

    Examples
    --------
    >>> g = _gates(["The first drill.", "Weather."])
    >>> g[0]["first_time"], g[1]["first_time"]
    (True, False)
    """
    gates = {name: "|".join(map(re.escape, words)) for name, words in _GATE_WORDS.items()}
    gates.update(_GATE_PATTERNS)
    names = list(gates)
    found = _ascii_search(texts, *gates.values(), unknown=True)
    return [dict(zip(names, may, strict=True)) for may in zip(*found, strict=True)]


_HEAD_RE = re.compile(
    r"(?<![\w-])(?P<head>drills?|exercises?|war[\s-]?games?|wargames?|manoeuv(?:re|er|rer)s?|"
    r"maneuv(?:er|re)s?|patrols?|flights?|operations?)(?![\w-])",
    re.IGNORECASE,
)
_GATE_WORDS["head"] = (
    "drill", "exercise", "game", "manoeuv", "maneuv", "patrol", "flight", "operation",
)  # fmt: skip

#: "exercise" as a verb: what one exercises ("exercise restraint", "exercises its right")
_EXERCISE_OBJECT = (
    r"(?!\s+(?:restraint|self-restraint|maximum\s+restraint|caution|care|patience|vigilance|"
    r"discretion|judg(?:e)?ment|power|powers|influence|control|leverage|authority|"
    r"sovereignty|jurisdiction|options?|veto|rights?|its|their|his|her|our|my|your)\b)"
)

_GENERIC_RE = re.compile(
    r"(?<![\w-])(?:"
    rf"(?P<exercise>exercises?){_EXERCISE_OBJECT}"
    r"|(?P<drill>drills?)"
    r"|(?P<war_game>war[\s-]?games?)"
    r"|(?P<patrol>patrols?)"
    r"|(?P<live_fire>live[\s-]fire)"
    r"|(?P<manoeuvre>manoeuv(?:re|er)s?|maneuv(?:er|re)s?)"
    r")(?![\w])",
    re.IGNORECASE,
)
_GATE_WORDS["generic"] = ("exercise", "drill", "game", "patrol", "fire", "manoeuv", "maneuv")

#: a verb's auxiliary just before "exercise" ("to exercise", "must exercise")
_EXERCISE_VERB_BEFORE = re.compile(
    r"(?i)\b(?:to|will|would|must|should|can|could|may|might|shall)\s+$"
)

#: "fire" before "drill" that is no "live-fire": an evacuation drill
_FIRE_DRILL_BEFORE = re.compile(r"(?i)(?<!live)(?<!live[\s-])\bfire[\s-]$")

_GENERIC_TERMS = {
    "exercise": "exercise", "drill": "drill", "war_game": "war game", "patrol": "patrol",
    "live_fire": "live-fire", "manoeuvre": "manoeuvre",
}  # fmt: skip

_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
}  # fmt: skip

_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

_ORD = r"(?:" + "|".join(_ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))"

_PAIR = re.compile(
    r"(?i)^(?:sino|china|chinese|russia|russian|russo|beijing|moscow)[-\u2013/]"
    r"(?:sino|china|chinese|russia|russian|russo|beijing|moscow)$"
)
_COUNTRY_ADJ = {"chinese", "russian", "china's", "russia's", "china\u2019s", "russia\u2019s",
                "russian's"}  # fmt: skip
_CHINA = re.compile(r"(?i)\b(?:china|chinese|beijing|pla|sino)\b")
_RUSSIA = re.compile(r"(?i)\b(?:russia|russian|moscow|russo)\b")
_GATE_WORDS["china"] = ("china", "chinese", "beijing", "pla", "sino")
_GATE_WORDS["russia"] = ("russia", "moscow", "russo")
#: words between a pair of countries and its exercise verb: forces, auxiliaries, adverbs
#: and when ("Russia and Belarus on Friday began", "... will jointly hold", "... this week
#: launched")
_BETWEEN = (
    r"(?:forces|militaries|navies|troops|armies|armed\s+forces|will|would|have|has|had|are|"
    r"were|jointly|also|again|together|soon|recently|on|in|this|last|next|early|late|week|"
    r"weekend|month|year|today|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"January|February|March|April|May|June|July|August|September|October|November|"
    r"December|\d{1,4}|,)"
)
_EXERCISE_VERB = (
    r"(?:began|begin|begins|held|hold|holds|holding|launched|launch|launches|staged|stage|"
    r"stages|conducted|conduct|conducts|conducting|kicked\s+off|kick\s+off|started|start|"
    r"starts|wrapped\s+up|concluded|carried\s+out|opened|opens|completed)"
)


@cache
def _pair_pattern() -> tuple[re.Pattern[str], frozenset[str]]:
    """Two countries joined, holding an exercise, and the names of China and Russia.

    The countries are the gazetteer's (countries and blocs, their names, adjectives and
    capitals as it lists them): "the United States and South Korea", "Russian-
    Belarusian", "Russia ... with Belarus"; the pair holds the exercise before an
    exercise verb, just before the exercise's noun, or after "between/by/of".
    """
    from ..gazetteer import load_gazetteer

    gaz = load_gazetteer()
    gaz = gaz[gaz["type"].isin(["country", "bloc"]) & gaz["alias"].str[0].str.isupper()]
    names = sorted(set(gaz["alias"]), key=lambda x: (-len(x), x))
    body = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    # a glance at the first letter before trying every name (4x faster)
    capitals = "".join(sorted({re.escape(n[0]) for n in names}))
    one = rf"(?:the\s+)?(?=[{capitals}])(?:{body})(?:['\u2019]s)?(?![\w\-])"
    pattern = re.compile(
        rf"\b(?P<a>{one})\s*(?:,|and|&|-|\u2013|/)\s*(?P<b>{one})"
        rf"(?:\s+{_BETWEEN})*\s+{_EXERCISE_VERB}\b"
        rf"|\b(?P<c>{one})\s*(?:-|\u2013|/)\s*(?P<d>{one})\s+(?:\w+\s+){{0,3}}"
        r"(?:exercises?|drills?|war\s*games|manoeuvres|maneuvers)\b"
        rf"|\b(?:between|by|of)\s+(?P<e>{one})\s+(?:and|&)\s+(?P<f>{one})"
        rf"|\b(?P<g>{one})\s+(?:\w+\s+){{0,4}}(?:exercises?|drills?)\s+with\s+(?P<h>{one})"
        # "the United States and South Korea will be 'made to pay' for holding their
        # annual Freedom Shield exercise": the pair's own exercise, later in the clause
        rf"|\b(?P<i>{one})\s+(?:and|&)\s+(?P<j>{one})(?:[\s\"'\u201c\u201d]+[\w\-]+){{0,12}}?"
        r"[\s\"'\u201c\u201d]+their\s+(?:[\w\-]+\s+){0,8}?"
        r"(?:exercises?|drills?|war\s*games|manoeuvres|maneuvers)\b"
    )
    china_russia = frozenset(gaz.loc[gaz["actor"].isin(["China", "Russia"]), "alias"])
    return pattern, china_russia


def _others_exercise(text: str) -> str:
    """Name the pair of countries, not China and Russia, that holds the sentence's exercise.

    "The United States and South Korea began their joint exercises" and "Russia and
    Belarus held Zapad-2021" speak of exercises of others; "" when no such pair. Pairs of
    China and Russia, and sentences naming both, are left to the record.
    """
    pattern, china_russia = _pair_pattern()

    def bare(name: str) -> str:
        name = re.sub(r"^the\s+", "", name.strip())
        return re.sub(r"['\u2019]s$", "", " ".join(name.split()))

    for m in pattern.finditer(text):
        a, b = (x for x in m.groups() if x)
        if not (bare(a) in china_russia and bare(b) in china_russia):
            return f"{a.strip()} and {b.strip()}"
    return ""


_TWO = re.compile(
    r"(?i)\b(?:two|both)\s+(?:countries|navies|sides|militaries|nations|armies|air\s+forces)\b"
)
_GATE_WORDS["two"] = ("two", "both")
_PREMODS = {
    "joint", "naval", "navy", "military", "sea", "maritime", "air", "aerial", "strategic",
    "annual", "large-scale", "largest", "biggest", "largest-ever", "ever", "big", "major",
    "bilateral", "trilateral", "combined", "similar", "new", "latest", "recent", "previous",
    "last", "such", "sweeping", "week-long", "weeklong", "first-ever", "regular", "army",
    "land", "counter-terrorism", "anti-terrorism", "command-staff", "strategic-level",
    "long-distance", "bomber", "nuclear-capable", "massive", "international", "multinational",
    "frequent", "planned", "upcoming", "scheduled", "unprecedented", "high-profile",
}  # fmt: skip
_PARTS = {
    "gun", "firing", "fire", "live-fire", "field", "training", "combat", "anti-submarine",
    "rescue", "search", "shooting", "missile", "artillery", "landing", "air-defense",
    "air-defence", "drone", "computer", "command-post", "staff", "escort", "rehearsal",
    "dress", "test", "tactical", "reconnaissance", "scouting", "sniper", "evacuation",
}  # fmt: skip
_DETERMINERS = {"a", "an", "another", "the", "this", "these", "that", "those", "their", "its",
                "our", "his", "her"}  # fmt: skip
_SKIP_DETS = {"any", "no", "every", "each", "all", "many", "some", "several", "more", "other",
              "most", "few"}  # fmt: skip
_AIR_WORDS = re.compile(
    r"(?i)\b(?:air|aerial|bombers?|aircraft|airspace|warplanes?|pilots?|fl(?:ew|y|ying|ights?)|"
    r"jets?|tu-95\w*|h-6\w*|air\s+forces?|kadiz|adiz)\b"
)
_NAVAL_WORDS = re.compile(
    r"(?i)\b(?:naval|navy|navies|maritime|ships?|warships?|vessels?|destroyers?|frigates?|"
    r"fleets?|flotilla|sea|corvettes?|submarines?)\b"
)
#: a name with its year that the record does not hold ("Aerospace Security-2016"), then
#: at most four lower-case modifiers before an exercise's head noun: the exercise is that
#: one, no exercise described (whose year would be taken from the sentence or the article)
_UNLISTED_NAME_BEFORE = re.compile(
    r"\b[A-Z][A-Za-z]*(?:\s+[A-Z][A-Za-z]*)*-(?:19|20)\d{2}\s+(?:[a-z][\w-]*\s+){0,4}$"
)
#: a coast guard, and the words only navies' patrols have (coast guards sail ships too)
_COAST_GUARD = re.compile(r"(?i)\bcoast[\s-]*guards?(?:men)?\b")
_WARSHIP_WORDS = re.compile(
    r"(?i)\b(?:naval|navy|navies|warships?|destroyers?|frigates?|corvettes?|submarines?|"
    r"fleets?)\b"
)
_LAND_WORDS = re.compile(r"(?i)\b(?:troops|army|armies|tanks?|ground\s+forces|range)\b")
_APPOSITION = re.compile(
    r"^\s*,?\s*(?:(?:dubbed|called|codenamed|code-named|named|titled|known\s+as)\b|"
    r"[\"\u201c']?\s*(?:Joint\s+Sea|Maritime|Naval\s+Interaction|Vostok|Tsentr|Peace\s+Mission))",
)
_SERIES_RE = re.compile(
    r"(?i)\b(?:have|has)\s+(?:\w+\s+){0,2}(?:carried|been|become|crossed|disclosed|engaged|run|"
    r"held|conducted|staged|increased|grown)\b|\bseveral\s+years\b|\bconstantly\b|\bregularly\b|"
    r"\bfrequent\b|\bare\s+not\b|\bseries\b|\bsightings\b|\bover\s+the\s+(?:past|last)\b"
)
_AIR_CLAUSE = re.compile(
    r"(?i)\b(?:jointly\s+fl(?:ew|y|ying|own)|fl(?:ew|y|ying|own)\s+(?:jointly|together)|"
    r"conducted\s+joint\s+flights?)(?:\s+(?:near|over|around|to|above)\s+(?:the\s+)?"
    r"(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)?)?"
)
_GATE_WORDS["air_clause"] = ("joint", "together")
_NAVAL_CLAUSE = re.compile(
    r"(?i)\b(?:jointly\s+)?patroll(?:ed|ing)(?:\s+(?:around|near)\s+"
    r"(?:the\s+)?[\w-]+)?(?:\s+(?:together|jointly))?"
)
_GATE_WORDS["naval_clause"] = ("patroll",)
_TIME_POST = re.compile(
    r"(?i)^(?:\s+(?:that|which)\s+(?:began|started|kicked\s+off|opened|ended|took\s+place|"
    r"(?:was|were)\s+held|start|begin|will\s+(?:begin|start))|\s+(?:last|this|next)\s+"
    r"(?:year|week|month)|\s+in\s+(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)|\s*,\s*(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d)"
)
_DATELINE = re.compile(r"^\s*(?:\(|--|\u2014|\u2013\s|/|-\s)")
_POST_IDENT = re.compile(
    r"(?i)^\s+(?:of\s+its\s+kind|since\b|between\s+(?:china|russia|the\s+two)|"
    r"hosted\s+by|in\s+(?:\w+\s+){0,3}(?:years?|decades?|history))"
)

_CLAIM_ORD = re.compile(
    rf"(?i)\b(?:the|their|its|a|this)\s+(?P<ord>{_ORD})(?![\w-])"
    r"(?P<rest>(?:\s+(?!(?:stage|phase|half|day|round\s+of\s+talks|part|step|batch|group|"
    r"ship|vessel|aircraft|time\s+in\s+history)\b)[\w-]+){0,6}?\s+"
    r"(?:time|instance|patrols?|exercises?|drills?|flights?|edition|iteration|occasion|"
    r"war\s?games?|manoeuv\w+|maneuv\w+|mission|of\s+its\s+kind|between|since|such))\b"
)
#: a match of _CLAIM_ORD holds an ordinal (a word of _ORDINALS or a number with its
#: suffix: "6th", "21st") and one of its last words
_GATE_WORDS["ordinal"] = (
    *_ORDINALS, *(d + end for d in "0123456789" for end in ("st", "nd", "rd", "th")),
)  # fmt: skip
_GATE_WORDS["ordinal_end"] = (
    "time", "instance", "patrol", "exercise", "drill", "flight", "edition", "iteration",
    "occasion", "game", "manoeuv", "maneuv", "mission", "kind", "between", "since", "such",
)  # fmt: skip
#: an ordinal that ends just before a name ("the fourth " + "Quad Leaders' Summit")
_ORD_BEFORE_NAME = re.compile(rf"(?i)\b(?:the|their|its|this)\s+(?P<ord>{_ORD})\s+$")
_CLAIM_FIRST = re.compile(
    r"(?i)\b(?:for\s+the\s+first\s+time|(?:the|its|their|a)\s+first[\s-]+ever\b|first[\s-]ever"
    r"|(?:the|their|its)\s+first\s+(?:[\w-]+\s+){0,5}?(?:time|exercises?|drills?|patrols?|"
    r"flights?|operation|war\s?games?|manoeuv\w+|maneuv\w+|of\s+its\s+kind|since)"
    r"|the\s+first\s+since|first\s+time)\b"
)
_GATE_WORDS["first_time"] = ("first",)
_CLAIM_COUNT = re.compile(
    r"(?i)\b(?:(?:the\s+)?(?:previous|past|last|first)\s+(?P<n1>two|three|four|five|six|seven|"
    r"eight|nine|ten|\d{1,2})\s+(?:[\w-]+\s+){0,3}?(?:exercises|drills|patrols|flights|"
    r"editions|rounds|war\s?games)"
    r"|from\s+(?P<n2>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
    r"(?:countries|nations|states)"
    r"|(?P<n3>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
    r"(?:countries|nations|states)\s+(?:will\s+)?(?:take|took|are\s+taking|were)\s+part)\b"
)
_GATE_WORDS["count"] = (
    "exercises", "drills", "patrols", "flights", "editions", "rounds", "games", "countries",
    "nations", "states",
)  # fmt: skip
_CLAIM_FREQ = re.compile(
    r"(?i)\b(?<!semi-)(?<!bi-)(?:annual(?:ly)?|every\s+year|each\s+year|yearly|regular(?:ly)?|on\s+a\s+regular"
    r"\s+basis|(?:more\s+)?frequent(?:ly)?|for\s+(?:several|many)\s+years|routine(?:ly)?|"
    r"(?:once|twice)\s+(?:or\s+(?:once|twice)\s+)?a\s+year|(?:growing|increasing|increased|"
    r"rising|greater|higher)\s+(?:frequency|number|tempo|pace|regularity)|increasingly\s+"
    r"(?:frequent|regular|common)|more\s+often|pattern\s+of\s+(?:increased|increasing|growing))\b"
)
#: its own pattern without the flag (lower case is read) and the look-behinds that RE2 lacks
#: ("semi-annual" is let through, then refused here): most sentences with "year" or
#: "number" hold none of its phrases
_GATE_PATTERNS["frequency"] = _CLAIM_FREQ.pattern.replace("(?i)", "", 1).replace(
    "(?<!semi-)(?<!bi-)", "", 1
)


#: a frequency cue that says how often something is held: it must be about an exercise
_YEARLY_ADJ = re.compile(r"(?i)^(?:annual|regular|routine|yearly)$")
#: the words of a noun phrase after an adjective, up to a preposition or punctuation
_NP_AFTER = re.compile(
    r"^(?:\s+(?!(?:for|of|with|in|on|at|to|that|which|who|by|from|and|or|is|are|was|were|"
    r"will|has|have|had)\b)[\w\u2019'/-]+){1,6}"
)
_EXERCISE_NOUN = re.compile(
    r"(?i)\b(?:exercises?|drills?|war[\s-]?games?|wargames?|manoeuv(?:re|er)s?|"
    r"maneuv(?:er|re)s?|patrols?|flights?|training)\b"
)
#: a verb of holding an exercise (or of its doing: "fly", "patrol"), or an exercise noun
_HOLDING = re.compile(
    r"(?i)\b(?:hold|holds|held|holding|conduct\w*|stag(?:e|es|ed|ing)|"
    r"carr(?:y|ies|ied|ying)\s+out|take[sn]?\s+place|took\s+place|taking\s+place|"
    r"exercis(?:e|es|ed|ing)|drill(?:s|ed|ing)?|patrol\w*|fl(?:y|ies|ew|own|ying)|"
    r"sail(?:s|ed|ing)?|train(?:s|ed|ing)?|practi[cs](?:e|es|ed|ing)|rehears\w*|"
    r"war[\s-]?games?|wargames?|manoeuv\w+|maneuv\w+|flights?)\b"
)
_CLAUSE_EDGE = re.compile(r"[;:]|\s[\u2014\u2013]\s|,\s+(?:but|while|whereas|although)\s+")


def _frequency_of_exercise(text: str, m: re.Match[str], refs: list[dict]) -> bool:
    """Whether an "annual"/"regular" cue is about an exercise being held.

    An adjective ("annual", "regular", "routine", "yearly") must modify an exercise noun
    (exercise, drill, patrol, war games, manoeuvres, flights, training) or an exercise's
    name within its noun phrase: "the annual Joint Sea exercise", not "the annual plan for
    cooperation" or "an annual conference". An adverb ("annually", "regularly", "every
    year", "on a regular basis") must share its clause with an exercise noun, a reference
    or a verb of holding one ("will be held annually"). Other cues (growth, "frequent",
    "twice a year") are kept as they are. Only for the shipped record of exercises: the
    events of a researcher's own table (talks, summits) have nouns of their own.
    """
    cue = m.group(0)
    low = cue.lower()
    if not re.search(r"annual|regular|routine|yearly|every\s+year|each\s+year", low):
        return True
    after = text[m.end() :]
    if _YEARLY_ADJ.match(cue) and not re.match(r"\s+basis\b", after):
        np_ = _NP_AFTER.match(after)
        if np_ is None:
            if not re.match(r"(?i)yearly", cue):
                return False  # "the drills are regular." is read below as a predicate
        else:
            end = m.end() + np_.end()
            if _EXERCISE_NOUN.search(np_.group(0)) or any(m.end() <= r["s"] < end for r in refs):
                return True
            if not re.search(
                r"(?i)\b(?:event|affair|fixture|occurrence|tradition)\b", np_.group(0)
            ):
                return False
    # an adverb, or "an annual event": the clause must hold an exercise
    edges = [e.end() for e in _CLAUSE_EDGE.finditer(text, 0, m.start())]
    a = edges[-1] if edges else 0
    nxt = _CLAUSE_EDGE.search(text, m.end())
    b = nxt.start() if nxt else len(text)
    clause = text[a:b]
    return bool(_HOLDING.search(clause)) or any(a <= r["s"] < b for r in refs)


def _published_by_doc(documents: pd.DataFrame | Mapping | None) -> dict[str, tuple]:
    """doc_id -> (date or None, the date as far as it is written, cut label).

    The second is what relative expressions are resolved against (:func:`resolve`): the
    day, or a month (``"2024-09"``) or a year (``"2024"``) when only that is known; ``""``
    for none.
    """
    if documents is None:
        return {}
    if isinstance(documents, Mapping):
        out = {}
        for k, v in documents.items():
            d = parse_date(v)
            v = date_text(v)
            y = d.year if d else (int(v[:4]) if re.match(r"\d{4}", v) else 0)
            written = d.isoformat() if d else (_partial(v) or (str(y) if y else ""))
            out[str(k)] = (d, written, d.isoformat() if d else (str(y) if y else "whole record"))
        return out
    if not isinstance(documents, pd.DataFrame) or "doc_id" not in documents.columns:
        raise ParameterError(
            "`documents` must be the documents frame (doc_id, published) or a mapping "
            f"doc_id -> published date, but {type(documents).__name__} was passed."
        )
    out: dict[str, tuple] = {}
    pub = text_values(documents["published"]).tolist() if "published" in documents.columns else None
    rest = []
    for i, doc in enumerate(doc_ids(documents).tolist()):
        d = parse_date(pub[i]) if pub is not None else None
        if d is not None:
            out[str(doc)] = (d, d.isoformat(), d.isoformat())
        else:
            rest.append(i)
    if rest and "text" in documents.columns:
        from .record import document_cuts

        cuts = document_cuts(documents.iloc[rest])
        for i, c in zip(rest, cuts.itertuples(index=False), strict=True):
            # a month's cut reads the record to its last day, but gives the article no day
            month = re.fullmatch(r"\d{4}-\d{2}", str(c.cut)) is not None
            d = None if month else parse_date(c.publication_date)
            if d is not None:
                written = d.isoformat()
            else:
                # a month written as such ("2024-09") resolves "last month"; else the year
                own = _partial(pub[i]) if pub is not None else ""
                year = int(c.publication_year)
                written = own if own and int(own[:4]) == year else (str(year) if year else "")
            out[str(c.doc_id)] = (d, written, str(c.cut))
    return out


def _partial(value: str) -> str:
    """``"2024-09"`` or ``"2024"`` when ``value`` is a month or a year as written, else ``""``."""
    m = re.fullmatch(r"\s*((?:19|20)\d{2}(?:-(?:0[1-9]|1[0-2]))?)\s*", str(value))
    return m.group(1) if m else ""


class _Record:
    """The record, indexed once for linking (per call of :func:`mentions`)."""

    def __init__(self, ev: pd.DataFrame) -> None:
        cols = ["name", "year", "start_date", "domain", "location"]
        self.rows = [
            (str(n), int(y), str(s or ""), str(d), str(loc or ""))
            for n, y, s, d, loc in zip(
                *(ev[c].tolist() if c in ev.columns else [""] * len(ev) for c in cols), strict=True
            )
        ]
        self.names = {r[0] for r in self.rows}
        self.known = {(r[0], r[1]) for r in self.rows}
        self.locations = record_locations(ev)  # their names are places too
        self.china_russia = has_builtin_series(ev)
        self.own = not self.china_russia  # a table of other events: its own places only

    @staticmethod
    def key(r: tuple) -> str:
        return f"{r[0]}|{r[1]}|{r[2]}"


_TYPE_DOMAINS = {
    "naval_patrol": ("patrol",),
    "air_patrol": ("air",),
}
_PATROL_FAMILY = {"naval_patrol": "Joint Naval Patrol", "air_patrol": "Joint Strategic Air Patrol"}


def _described_domains(np_text: str, sentence: str) -> tuple[str, ...]:
    low = np_text.lower()
    if re.search(r"war[\s-]?games?|strategic|manoeuv|maneuv", low):
        return ("command_staff", "land")
    if _NAVAL_WORDS.search(low):
        return ("naval", "combined")
    if re.search(r"\b(?:air|aerial)\b", low):
        return ("air", "combined")
    sentence = re.sub(r"(?i)liberation\s+army\s+(?:navy|air\s+force)", "navy", sentence)
    if _NAVAL_WORDS.search(sentence) and not _LAND_WORDS.search(sentence):
        return ("naval", "combined")
    if _LAND_WORDS.search(sentence):
        return ("land", "command_staff")
    return ("naval", "combined", "land", "command_staff")


def _near(row_start: str, target: dt.date, days: int) -> bool:
    d = parse_date(row_start)
    return d is not None and abs((d - target).days) <= days


#: days after an article's date that an event it reports (not announces) may begin: a
#: report on Saturday of drills "starting Monday"
AFTER_PUBLICATION = 7


def _link(
    rec: _Record,
    *,
    family: str,
    domains: tuple[str, ...],
    year: int,
    date: str,
    rule: str,
    published: dt.date | None,
    ordinal: int | None,
    phase: int | None,
    places: list[str],
    future: bool = False,
    plural: bool = False,
) -> tuple[str, str, float, str]:
    """Return (family, record_event, confidence, evidence or reason).

    An event that begins more than :data:`AFTER_PUBLICATION` days after the article's
    date is no candidate unless the sentence speaks of the future: a report of drills
    "this week" in January is not the September edition. Nor is an event of the article's
    year with no start date (the record cannot tell whether it had begun), unless the
    text dates the event on or before the article or the reference's ordinal is that row's
    place in its series. A plural dated only by the
    article (``article_date``) is linked only to an event within 45 days of the article.
    """
    if family:
        cands = [r for r in rec.rows if r[0] == family]
        what = family
    else:
        cands = [r for r in rec.rows if r[3] in domains]
        what = "/".join(domains) + " events"
    if not cands:
        return family, "", math.nan, f"the record has no {what}."
    if not year:
        return family, "", math.nan, "no year: a series or an undated reference, not one event."
    by_year = [r for r in cands if r[1] == year]
    if ordinal and family and not by_year:
        by_year = []
    if not by_year:
        return family, "", math.nan, f"no {what} in {year} in the record."
    in_year = len(by_year)  # the record's events of the year, before any is ruled out
    begun_note = ""
    if published is not None and not future:
        limit = published + dt.timedelta(days=AFTER_PUBLICATION)
        series = [r for r in rec.rows if r[0] == family] if family else []

        def begun_by(r: tuple) -> bool:
            if r[2]:
                return (parse_date(r[2]) or limit) <= limit
            if r[1] != published.year or (date and date <= published.isoformat()[: len(date)]):
                return True  # an earlier year, or the text dates the event before the article
            # undated, of the article's own year: known to be this one only by its number
            return bool(ordinal and r in series and series.index(r) == ordinal - 1)

        begun = [r for r in by_year if begun_by(r)]
        if begun and len(begun) < len(by_year):
            begun_note = f", begun by the article's date ({published.isoformat()})"
        if not begun:
            undated = any(not r[2] for r in by_year)
            why = "have no start date or begin" if undated else "begin"
            end = ": the record cannot tell whether an undated one had begun." if undated else "."
            return (
                family,
                "",
                math.nan,
                f"the record's {what} in {year} {why} after the article's date "
                f"({published.isoformat()}), and the sentence does not speak of the future{end}",
            )
        by_year = begun
    if plural and rule == "article_date" and published is not None:
        # "joint naval drills" dated only by the article names no one event of the year:
        # it is the article's own event only when one is near the article's date
        near = [
            r
            for r in by_year
            if (_near(r[2], published, 45) if r[2] else future and r[1] == published.year)
        ]
        if not near:
            return (
                family,
                "",
                math.nan,
                f"a plural reference dated by the article ({published.isoformat()}), and no "
                f"{what} in {year} began within 45 days of it: not one event.",
            )
        if len(near) < len(by_year):
            begun_note += f", within 45 days of the article ({published.isoformat()})"
        by_year = near
    cand, how, conf = by_year, f"{what} in {year}{begun_note}", 0.7
    if phase and len(cand) >= phase:
        cand, how, conf = [cand[phase - 1]], f"phase {phase} of {what} in {year}", 1.0
    if len(cand) > 1 and len(date) >= 7:
        same = [r for r in cand if r[2][:7] == date[:7]]
        if len(date) == 10:
            target = dt.date.fromisoformat(date)
            same = [r for r in cand if r[2] and _near(r[2], target, 10)] or same
        if same:
            cand, how, conf = same, f"{how}, starting {date}", 0.9 if len(date) == 10 else 0.85
    if len(cand) > 1 and rule == "article_date" and published is not None:
        win = [r for r in cand if r[2] and _near(r[2], published, 45)]
        if win:
            cand, how, conf = win, f"{how}, within 45 days of publication", 0.75
    if len(cand) > 1 and places:
        at = [r for r in cand if any(p.lower() in r[4].lower() for p in places)]
        if at:
            cand, how, conf = at, f"{how}, in {', '.join(places)}", max(conf, 0.8)
    if len(cand) > 1 and ordinal and family:
        series = [r for r in rec.rows if r[0] == family]
        if len(series) >= ordinal and series[ordinal - 1] in cand:
            cand, how, conf = [series[ordinal - 1]], f"{how}, number {ordinal}", 0.9
    if len(cand) == 1:
        r = cand[0]
        if not family and ("naval" in domains or "land" in domains) and r[3] not in domains:
            return family, "", math.nan, f"no {what} in {year}."
        if not family and _other_waters(places, r[4]):
            # "a joint naval exercise in the Sea of Japan" is not the year's one event in
            # the Baltic Sea: both name a sea, and neither lies in the other
            return (
                family,
                "",
                math.nan,
                f"the one {how} ({rec.key(r)}) was in {r[4]}, not in {', '.join(places)}.",
            )
        if len(date) >= 7 and len(r[2]) >= 7 and not _near(r[2], _month_start(date), 45):
            # "a joint naval exercise in July" is not the year's one event in October
            return (
                family,
                "",
                math.nan,
                f"the one {how} ({rec.key(r)}) began in {r[2][:7]}, not in {date[:7]}.",
            )
        if family and not phase and rule == "named_year" and len(by_year) == 1:
            conf = 1.0
        # "the one air patrol in 2022" only when the record has one that year; else which
        # of them and by what ("one of 2 … events in 2022, number 5")
        if in_year == 1:
            one = f"the one {how}"
        else:
            stem = f"{what} in {year}"
            rest = how[len(stem) :] if how.startswith(stem) else f", {how.split(' of ')[0]}"
            noun = what if what.endswith("events") else f"{what} events"
            one = f"one of {in_year} {noun} in {year}{rest}"
        return r[0], rec.key(r), conf, f"{one}: {rec.key(r)}"
    fams = {r[0] for r in cand}
    fam = family or (next(iter(fams)) if len(fams) == 1 else "")
    return (
        fam,
        "",
        math.nan,
        (f"{len(cand)} candidates ({how}): " + "; ".join(rec.key(r) for r in cand[:4])),
    )


def _month_start(date: str) -> dt.date:
    """Return the day a ``YYYY-MM`` or ``YYYY-MM-DD`` date names (a month: its 15th)."""
    return dt.date(int(date[:4]), int(date[5:7]), int(date[8:10]) if len(date) >= 10 else 15)


_WATERS = re.compile(r"\b(?:Sea|Ocean|Gulf|Bay|Strait)\b")


def _other_waters(places: list[str], location: str) -> bool:
    """Whether the sentence puts the event at sea elsewhere than the row's named waters.

    Only when both name a body of water (a sea, ocean, gulf, bay or strait) and none of
    the sentence's waters lies in the row's location (:data:`PLACE_WITHIN`): a row at a
    port or "waters around Japan" is never ruled out this way.
    """
    waters = [p for p in places if _WATERS.search(p)]
    if not waters or not _WATERS.search(location):
        return False
    low = place_key(location)

    def covers(place: str) -> bool:
        inner = (place, *PLACE_WITHIN.get(place, ()))
        outer = [k for k, v in PLACE_WITHIN.items() if place in v]
        return any(place_key(x) in low for x in (*inner, *outer))

    return not any(covers(p) for p in waters)


def _np_back(text: str, head_start: int) -> tuple[int, list[str], str]:
    """Walk back from a head noun over pre-modifiers: (start, premods, determiner)."""
    words = list(_WORDS.finditer(text[:head_start]))
    start = head_start
    mods: list[str] = []
    det = ""
    for w in reversed(words[-9:]):
        gap = text[w.end() : start]
        if gap.strip():
            break
        tok = w.group(0).rstrip(".")
        low = tok.lower()
        if low in ("and", "or") and mods:
            start = w.start()  # "naval and air exercises": coordinated pre-modifiers
            continue
        if low in _DETERMINERS:
            det, start = low, w.start()
            break
        if low in _SKIP_DETS:
            det, start = low, w.start()
            break
        is_time_poss = re.fullmatch(
            r"(?i)(?:(?:this|last|next)\s+)?(?:year|week|month|monday|tuesday|wednesday|"
            r"thursday|friday|saturday|sunday|today)['\u2019]s",
            low,
        )
        if is_time_poss:
            prev = text[max(0, w.start() - 6) : w.start()].lower()
            m = re.search(r"(this|last|next)\s+$", prev)
            det = "time"
            start = w.start() - (len(m.group(0)) if m else 0)
            mods.append(low)
            break
        if (
            low in _PREMODS
            or low in _PARTS
            or low in _COUNTRY_ADJ
            or _PAIR.match(low)
            or re.fullmatch(rf"{_ORD}|first-ever|\d+-day|\w+-day|\w+-week|\w+est|most", low)
            or low in _NUMBERS
            or re.fullmatch(r"[\w-]+['\u2019]s", low)
        ):
            mods.append(low)
            start = w.start()
            if re.fullmatch(r"[\w-]+['\u2019]s", low) and low not in _COUNTRY_ADJ:
                det = "poss"
                break
            continue
        break
    return start, mods[::-1], det


def ident_post(after: str) -> bool:
    """Return True when the words after a head noun date the event ("that began on …").

    Parameters
    ----------
    after
        The text that follows the head noun ("exercise", "patrol") in its sentence.

    Returns
    -------
    bool
        True when it starts with a dating clause (``that began on``, ``held in``…), so
        the noun refers to one event.
    """
    return bool(_TIME_POST.match(after))


def _roman(text: str | None) -> int | None:
    if not text:
        return None
    low = text.lower()
    return _ROMAN.get(low) or (int(low) if low.isdigit() else None)


def mentions(
    sentences: pd.DataFrame,
    *,
    events: pd.DataFrame | None = None,
    documents: pd.DataFrame | Mapping | None = None,
) -> pd.DataFrame:
    """Find references to joint exercises and patrols, date them and link them to the record.

    One row per reference (``kind="reference"``), per generic exercise word
    (``kind="generic"``) and per claim cue (``kind="claim"``). A name in English words is
    a name when capitalised or followed by its year ("Joint Sea", "joint sea-2021"), not
    in lower case ("a joint sea patrol", "the peace mission"). A reference's year and
    date come from, in order: a date written in its sentence ("on August 1-5, 2025",
    ``explicit``, a month or day taking the name's year); the year in its name
    (``named_year``); a relative date resolved against the document's own publication
    date (``relative:"last year" → 2021 (published 2022-05-24)``); else, for a single
    event, the publication year (``article_date``), and for series and plural references
    none (``none``). It is linked to the record row that alone fits its family (or, for
    described exercises, its kind of exercise), year, date window and place.

    Parameters
    ----------
    sentences
        The sentences frame (``doc_id, sent_id, start, text``; ``para_id`` and ``kind``
        are used when present), in any row order: each document's sentences are read in
        the order of ``sent_id``.
    events
        The event table to link to (default: the shipped record).
    documents
        The documents (``doc_id`` and ``published``; embedded posts date a document
        without one, as in :func:`document_cuts`; a missing date is none), or a mapping
        doc_id → date. Without it, relative dates stay unresolved and every ``cut`` is
        ``"whole record"``. Documents of ``sentences`` that are not among them are named
        in a warning; none among them is an error (another corpus's documents).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sent_id, start, end, mention, kind, type, family, canonical_name,
        name_year, event_year, event_date, date_rule, ordinal, record_event,
        link_confidence, link_evidence, matched, cut, para_id, sent_start,
        sentence_kind, sentence``. ``type``: for references one of
        :data:`REFERENCE_TYPES`, for claim cues one of :data:`CLAIM_CUES`, ``"word"`` for
        generic words. ``family`` is the
        record's ``name`` of the series (empty when unknown); ``canonical_name`` is the
        counting key (the family, the word, or the cue type); ``name_year`` the year
        written in a name; ``event_year`` the resolved year (nullable) and
        ``event_date`` ``YYYY-MM-DD`` or ``YYYY-MM`` (``""`` when only a year);
        ``date_rule`` how (``explicit``, ``named_year``, ``relative:…`` with its
        evidence, ``article_date``, ``none``); ``ordinal`` the series number the text
        gives; ``record_event`` ``name|year|start_date`` of the linked row,
        ``link_confidence`` (0-1, NaN unlinked) and ``link_evidence`` (how it was
        linked, or why not); ``matched`` True when linked; ``cut`` the document's
        publication date (or year) its dates were resolved against, ``"whole record"``
        without one. ``start``/``end`` are offsets into the document, ``sent_start`` the
        sentence's. Sorted by doc_id, sent_id, start.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0],
    ...     "text": ["After a similar naval drill last year, China and Russia held "
    ...              "Joint Sea 2013."]})
    >>> m = mentions(s, documents={"a": "2013-07-05"})
    >>> m[m.kind == "reference"][["mention", "type", "family", "event_year"]].values.tolist()
    [['a similar naval drill last year', 'described_exercise', 'Joint Sea', 2012], \
['Joint Sea 2013', 'named_exercise', 'Joint Sea', 2013]]
    >>> m.loc[0, "date_rule"]
    'relative:"last year" → 2012 (published 2013-07-05)'
    >>> m.loc[0, "record_event"], m.loc[0, "link_evidence"][:39]
    ('Joint Sea|2012|2012-04-22', 'the one naval/combined events in 2012: ')
    """
    return _mentions(sentences, events, documents)


def _mentions(
    sentences: pd.DataFrame,
    events: pd.DataFrame | None,
    documents: pd.DataFrame | Mapping | None,
    *,
    same_documents: bool = False,
) -> pd.DataFrame:
    """Do the work of :func:`mentions`.

    ``same_documents``: the sentences are known to be the documents' own (a partition's),
    so their ids are not compared with the documents'.
    """
    check_columns("sentences", sentences, ["doc_id", "sent_id", "start", "text"])
    ev = load_events() if events is None else events
    _check_events(ev)
    rec = _Record(ev)
    pub = _published_by_doc(documents)
    if isinstance(documents, pd.DataFrame) and not same_documents:
        check_same_documents(sentences, documents)
    # a document's sentences in their order: a claim refers back to the reference before
    sentences = in_order(sentences)
    aliases, hint, name_hint, name_words = _record_aliases(ev)
    pattern, groups = _named_re(aliases)
    texts = [str(t) for t in sentences["text"].tolist()]
    # the sentences with a hint (most have none), each read in full below
    hinted = [
        i
        for i, (text, found) in enumerate(
            zip(texts, _ascii_search(texts, hint.pattern)[0], strict=True)
        )
        if found or (found is None and hint.search(text.lower()))
    ]
    texts = [texts[i] for i in hinted]
    # the names' hint, and the words of a name (where RE2 cannot tell, the hint decides)
    names = [
        (found or (found is None and bool(name_hint.search(text.lower())))) and word is not False
        for text, found, word in zip(
            texts, *_ascii_search(texts, name_hint.pattern, name_words.pattern), strict=True
        )
    ]
    gates = _gates(texts)
    doc_col = sentences["doc_id"].tolist()
    sent_col = sentences["sent_id"].tolist()
    start_col = sentences["start"].tolist()
    para_col = sentences["para_id"].tolist() if "para_id" in sentences.columns else None
    kind_col = sentences["kind"].tolist() if "kind" in sentences.columns else None
    rows: list[tuple] = []
    state: dict[str, dict] = {}
    for i, text, named, may in zip(hinted, texts, names, gates, strict=True):
        doc = str(doc_col[i])
        para = para_col[i] if para_col is not None else -1
        skind = kind_col[i] if kind_col is not None else "prose"
        published, written, cut = pub.get(doc, (None, "", "whole record"))
        st = state.setdefault(doc, {"zones": set()})
        base = int(start_col[i])
        ctx = (doc, int(sent_col[i]), base, int(para), str(skind), text, published, cut, written)
        rows.extend(_sentence_rows(ctx, st, rec, pattern if named else None, groups, may))
    # in _ordered's order: document, sentence, start, kind (references first), end
    rows.sort(key=lambda r: (r[0], r[1], r[2], _KIND_ORDER[r[5]], r[3]))
    return _frame(rows)


#: the order of the kinds of mention rows at the same offset (:func:`_ordered`)
_KIND_ORDER = {"reference": 0, "claim": 1, "generic": 2}


def _frame(rows: list[tuple]) -> pd.DataFrame:
    """Return mention rows (tuples of :data:`MENTION_COLUMNS`) as a frame, in their order."""
    frame = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    frame = frame.astype(
        {
            "doc_id": str,
            "sent_id": "int64",
            "start": "int64",
            "end": "int64",
            "mention": str,
            "kind": str,
            "type": str,
            "family": str,
            "canonical_name": str,
            "name_year": "Int64",
            "event_year": "Int64",
            "event_date": str,
            "date_rule": str,
            "ordinal": "Int64",
            "record_event": str,
            "link_confidence": "float64",
            "link_evidence": str,
            "matched": bool,
            "cut": str,
            "para_id": "int64",
            "sent_start": "int64",
            "sentence_kind": str,
            "sentence": str,
        }
    )
    return frame


def _ordered(found: pd.DataFrame) -> pd.DataFrame:
    """Return mention rows in :func:`mentions`' order (a copy; a frame lacking the keys as is).

    By document, sentence and offset, references before claims before generic words:
    the order :func:`framelens.events.check_claims` reads them in, whatever the order
    of the rows it is given.
    """
    if not {"doc_id", "sent_id", "start", "kind"} <= set(found.columns):
        return found
    keys = pd.DataFrame(
        {
            "d": text_values(found["doc_id"]).to_numpy(),
            "s": pd.to_numeric(found["sent_id"], errors="coerce").to_numpy(),
            "a": pd.to_numeric(found["start"], errors="coerce").to_numpy(),
            "o": found["kind"].map(_KIND_ORDER).to_numpy(),
        }
    )
    if "end" in found.columns:
        keys["e"] = pd.to_numeric(found["end"], errors="coerce").to_numpy()
    order = keys.sort_values(list(keys.columns), kind="stable").index.to_numpy()
    return found.iloc[order].reset_index(drop=True)


#: a clause of another event between a reference and a date after it: "the first joint
#: flight since Russia invaded Ukraine three months ago" (the date is the invasion's)
_OTHER_CLAUSE = re.compile(r"\b(?:since|after|before|when|until)\s+(?:the\s+)?[A-Za-z]\w*\s+\w")


def _sentence_rows(ctx, st, rec, pattern, groups, may) -> list[tuple]:
    doc, sent_id, base, para, skind, text, published, cut, written = ctx
    headline = para == 0 and not re.search(r"[.!?\"\u201d]\s*$", text)
    zone = "headline" if headline else "body"
    refs: list[dict] = []
    # 1. names
    for m in pattern.finditer(text) if pattern is not None else ():
        gname = m.lastgroup
        canon, strength, *own = groups[gname]
        i = gname[1:]
        y_after, y_before = m.group("y" + i), m.groupdict().get("b" + i)
        ytxt = y_after or y_before
        row, number = None, None
        if strength == "own":
            if not ytxt and not _as_written(m.group("n" + i), own[1]):
                continue
            row = own[0]
            # "COP 30" where no row has that alias: a number, not a year, after the name
            num = _NUMBER_AFTER.match(text, m.end())
            if not ytxt and row is None and num:
                number = num.group(1)
        if strength in ("weak", "cap") and not ytxt and not m.group(0)[0].isupper():
            continue
        if strength == "weak" and not m.group(0)[0].isupper():
            continue
        if strength in ("cap", "name") and not ytxt:
            word = m.group(0)
            small = ("for", "at")
            if not all(w[0].isupper() for w in re.findall(r"[A-Za-z]+", word) if w not in small):
                continue
        year = None
        if ytxt:
            year = int(ytxt) if len(ytxt) == 4 else 2000 + int(ytxt)
        elif row is not None:
            year = row[1]  # the alias of one row: its year
        if row is not None and year != row[1]:
            row = None  # "COP28 2024": the year written wins
        phase = _roman(m.groupdict().get("ph" + i) or m.groupdict().get("pr" + i))
        edition = _roman(m.groupdict().get("r" + i))
        refs.append(
            {
                "s": m.start(),
                "e": m.end() + (len(num.group(0)) if number else 0),
                "type": "named_exercise",
                "family": canon,
                "name_year": year,
                "phase": phase,
                "edition": edition,
                "ordinal": None,
                "series": False,
                "row": row,
                "number": number,
                "by_alias": bool(row) and not ytxt,
            }
        )
    named_spans = [(r["s"], r["e"]) for r in refs]
    china = may["china"] and bool(_CHINA.search(text))
    russia = may["russia"] and bool(_RUSSIA.search(text))
    both = (china and russia) or (may["two"] and bool(_TWO.search(text)))
    if both or refs:
        st["cr"] = True
    # 2. described exercises and patrols (noun phrases)
    for m in _HEAD_RE.finditer(text) if may["head"] else ():
        hs, he = m.start(), m.end()
        if any(a <= hs < b or a < he <= b for a, b in named_spans):
            continue
        head = m.group("head").lower()
        s0, mods, det = _np_back(text, hs)
        if any(a < he and s0 < b for a, b in named_spans):
            continue  # "the Joint Sea 2017 drills": the name is the reference
        if any(b <= s0 and not text[b:s0].strip(" \"'\u201c\u201d)") for _, b in named_spans):
            continue  # "Tsentr-2019 strategic exercise": the name's head noun
        if _UNLISTED_NAME_BEFORE.search(text, max(0, hs - 80), hs):
            continue  # "the Aerospace Security-2016 … exercise": a name the record does not hold
        prev_refs = [r for r in refs if r["e"] <= s0]
        before = text[max(0, s0 - 12) : s0].lower()
        after = text[he : he + 60]
        if det in _SKIP_DETS or re.search(r"one\s+of\s+(?:the\s+)?$", before):
            continue
        if any(w in _PARTS for w in mods):
            continue
        if _APPOSITION.match(after) and det in ("the", ""):
            continue
        joint = "joint" in mods or any(_PAIR.match(w) for w in mods) or "bilateral" in mods
        countries = sum(w in _COUNTRY_ADJ for w in mods)
        ordinal = None
        for w in mods:
            if w in _ORDINALS:
                ordinal = _ORDINALS[w]
            elif re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)", w):
                ordinal = int(w[:-2])
            elif w == "first-ever":
                ordinal = 1
        is_patrol = head.startswith("patrol")
        is_flight = head.startswith("flight")
        is_op = head.startswith("operation")
        if (is_flight or is_op) and "joint" not in mods:
            continue
        if is_patrol and not (joint or {"air", "aerial", "naval", "maritime"} & set(mods)):
            continue
        # earlier sentences set the two countries, unless this one names only one of them
        both_here = both or (st.get("cr", False) and china == russia)
        if not (joint or countries >= 2 or (both_here and (mods or ident_post(after)))):
            continue
        if not (is_patrol or mods or ident_post(after)):
            continue
        if det == "" and re.search(r"(?i)first\s+time\b.*\bto\s+\w+\s+$", text[:s0]):
            continue  # "the first time ... to stage joint exercises": a class, not an event
        if not (joint or is_patrol) and countries == 0 and not both_here:
            continue
        plural = head.endswith("s") and not head.endswith("ss")
        ident = (
            ordinal is not None
            or det == "time"
            or det == "poss"
            or any(w in ("previous", "last", "latest", "recent", "similar", "new") for w in mods)
            or any(re.fullmatch(r"\w+est|most", w) for w in mods)
            or bool(_TIME_POST.match(after))
            or bool(_POST_IDENT.match(after))
        )
        e0 = he
        tm = _TIME_POST.match(after)
        if tm:
            e0 = he + tm.end()
            tail = re.match(r"[^,.;]*", text[e0:]).group(0)
            if len(tail) < 25:
                e0 += len(tail)
        pred = bool(
            re.match(rf"(?i)^\s+(?:is|was|will\s+be|marks?|marked)\s+the\s+{_ORD}\b", after)
        )
        counts = det in ("a", "an", "another", "their", "its", "our", "") or ident or pred
        if det in ("the", "this", "these", "that", "those") and not (ident or pred):
            counts = zone not in st["zones"]
        if not counts:
            continue
        if not (ident or pred) and prev_refs and re.search(r",\s*$", text[:s0]):
            continue  # an apposition to the reference before it
        own_time = (
            det == "time"
            or bool(_TIME_POST.match(after))
            or any(w in ("previous", "last", "similar") for w in mods)
        )
        if not own_time and any(r["type"] == "named_exercise" for r in refs):
            continue  # the sentence names the event: the description is the name's
        if is_patrol and _COAST_GUARD.search(text) and not _WARSHIP_WORDS.search(text):
            # "Chinese and Russian coast guard ships conducted a joint patrol": the coast
            # guards' patrol, not the navies' Joint Naval Patrol series
            continue
        if is_patrol or is_flight or (is_op and _AIR_WORDS.search(text)):
            if (
                is_patrol
                and {"air", "aerial"} & set(mods)
                and {"naval", "maritime", "sea"} & set(mods)
                and not both
            ):
                # "joint sea and air patrols" of one country's forces or of others
                # (Balikatan, the PLA's Joint Sword): neither China-Russia series
                continue
            air = bool({"air", "aerial", "bomber"} & set(mods)) or is_flight
            if not air and not {"naval", "maritime", "sea"} & set(mods):
                # the words of its own clause decide ("the third joint patrol and, … the
                # 10th joint air patrol": the first is naval)
                a0 = max(text.rfind(",", 0, s0), text.rfind(";", 0, s0)) + 1
                ends = [i for i in (text.find(",", he), text.find(";", he)) if i >= 0]
                clause = text[a0 : min(ends) if ends else len(text)]
                clause = without_places(clause, rec.locations)
                air = bool(_AIR_WORDS.search(clause)) and not _NAVAL_WORDS.search(clause)
                if not _AIR_WORDS.search(clause) and not _NAVAL_WORDS.search(clause):
                    # "It was their sixth joint patrol." after an air patrol: the same kind
                    air = st.get("patrol") == "air_patrol"
            typ = "air_patrol" if air else "naval_patrol"
        else:
            typ = "described_exercise"
        series = plural and (
            (det == "" and bool(_SERIES_RE.search(text)))
            or (bool({"previous", "past", "earlier"} & set(mods)) and not ident_post(after))
        )
        # a plural that nothing identifies and no exercise verb holds ("the scale of joint
        # exercises", "such drills", "the exercises") speaks of exercises in general: it
        # takes no publication year ("China and Russia hold joint naval drills" does)
        general = (
            plural
            and not (ident or pred)
            and ("such" in mods or not (headline or _reports_event(text[:s0], after)))
        )
        refs.append(
            {
                "s": s0,
                "e": e0,
                "type": typ,
                "family": _PATROL_FAMILY.get(typ, ""),
                "name_year": None,
                "phase": None,
                "edition": None,
                "ordinal": ordinal,
                "series": series,
                "general": general,
                "plural": plural,
                "np": text[s0:e0],
            }
        )
    # 3. clauses that state a joint flight or patrol
    for rx, gate, typ in (
        (_AIR_CLAUSE, may["air_clause"], "air_patrol"),
        (_NAVAL_CLAUSE, may["naval_clause"], "naval_patrol"),
    ):
        for m in rx.finditer(text) if gate else ():
            if any(r["s"] < m.end() and m.start() < r["e"] for r in refs):
                continue
            if typ == "naval_patrol" and not (both and _NAVAL_WORDS.search(text)):
                continue
            if typ == "air_patrol" and not (both or "joint" in m.group(0).lower()):
                continue
            refs.append(
                {
                    "s": m.start(),
                    "e": m.end(),
                    "type": typ,
                    "family": _PATROL_FAMILY[typ],
                    "name_year": None,
                    "phase": None,
                    "edition": None,
                    "ordinal": None,
                    "series": False,
                }
            )
    if refs and rec.china_russia and not (china and russia):
        # "The United States and South Korea began their biggest joint exercises" had been
        # linked to a China-Russia event of the year; Russia and Belarus's Zapad-2021 too
        if _others_exercise(text):
            refs = []
    refs.sort(key=lambda r: r["s"])
    for r in refs:
        if r["type"] in ("air_patrol", "naval_patrol"):
            st["patrol"] = r["type"]
    out: list[tuple] = []
    if refs:
        future = is_future(text)
        st["zones"].add(zone)
        times = [
            t
            for t in time_expressions(text)
            if t.kind != "range"
            and not _DATELINE.match(text[t.end :])
            and not any(r["s"] <= t.start < r["e"] and r["type"] == "named_exercise" for r in refs)
        ]
        owner: dict[int, int] = {}
        for ti, t in enumerate(times):
            best, dist = None, 10**9
            for ri, r in enumerate(refs):
                if r["s"] <= t.start and t.end <= r["e"]:
                    d = -1
                elif t.start >= r["e"] and _OTHER_CLAUSE.search(text, r["e"], t.start):
                    continue  # "since Russia invaded Ukraine three months ago": not its date
                elif t.start >= r["e"]:
                    d = t.start - r["e"]
                else:
                    d = (r["s"] - t.end) + 15  # a date before the reference binds less
                if d < dist:
                    best, dist = ri, d
            if best is not None:
                owner.setdefault(best, ti)
        places = _places_in(text, rec.locations, own=rec.own)
        for ri, r in enumerate(refs):
            t = times[owner[ri]] if ri in owner else None
            out.append(_reference_row(ctx, r, t, future, rec, places))
    # 4. claim cues and generic words
    cues: list[tuple[int, int, str, str, int | None]] = []
    for rx, gate, ctype in (
        (_CLAIM_ORD, may["ordinal"] and may["ordinal_end"], "ordinal"),
        (_CLAIM_FIRST, may["first_time"], "first_time"),
        (_CLAIM_COUNT, may["count"], "count"),
        (_CLAIM_FREQ, may["frequency"], "frequency"),
    ):
        for m in rx.finditer(text) if gate else ():
            num = None
            if (
                ctype == "frequency"
                and rec.china_russia
                and not _frequency_of_exercise(text, m, refs)
            ):
                # "an annual conference", "the annual plan for cooperation" (a table of
                # other events, talks or summits, has nouns of its own: kept there)
                continue
            if ctype == "ordinal":
                raw = fold(m.group("ord")).lower()
                num = _ORDINALS.get(raw) or int(re.match(r"\d+", raw).group(0))
                if num == 1:
                    continue  # a first is a first-time claim
            elif ctype == "count":
                raw = fold(m.group("n1") or m.group("n2") or m.group("n3")).lower()
                num = _NUMBERS.get(raw) or int(raw)
            elif ctype == "first_time":
                num = 1
            cues.append((m.start(), m.end(), m.group(0), ctype, num))
    # an ordinal just before a name: "the fourth Quad Leaders' Summit", "its 20th Keen
    # Sword" (whatever the series' head noun, which the pattern above cannot list)
    for r in refs:
        if r["type"] != "named_exercise":
            continue
        m = _ORD_BEFORE_NAME.search(text, max(0, r["s"] - 30), r["s"])
        if m is None or any(
            a < r["e"] and m.start() < b for a, b, _, t, _ in cues if t == "ordinal"
        ):
            continue
        raw = fold(m.group("ord")).lower()
        num = _ORDINALS.get(raw) or int(re.match(r"\d+", raw).group(0))
        if num > 1:
            cues.append((m.start(), r["e"], text[m.start() : r["e"]], "ordinal", num))

    # a described event's own ordinal that no cue above reads ("hold first joint patrol",
    # without "the"): the series number the text gives it
    for r in refs:
        if r["type"] == "named_exercise" or not r["ordinal"]:
            continue
        if any(a < r["e"] and r["s"] < b for a, b, _, _, _ in cues):
            continue
        cues.append((r["s"], r["e"], text[r["s"] : r["e"]], "ordinal", r["ordinal"]))

    def word_row(start: int, end: int, mention: str, kind: str, typ: str, canon: str, num):
        # the columns of MENTION_COLUMNS: no family, year, date, link or match of its own
        return (doc, sent_id, base + start, base + end, mention, kind, typ, "", canon,
                None, None, "", "", num, "", math.nan, "", False, cut, para, base, skind,
                text)  # fmt: skip

    for start, end, mention, ctype, num in cues:
        out.append(word_row(start, end, mention, "claim", ctype, ctype, num))
    for m in _GENERIC_RE.finditer(text) if may["generic"] else ():
        if m.group(0).lower() == "exercise" and _EXERCISE_VERB_BEFORE.search(text[: m.start()]):
            continue  # "willing to exercise", "China will exercise": the verb
        if m.lastgroup == "drill" and _FIRE_DRILL_BEFORE.search(text[: m.start()]):
            continue  # "a fire drill emptied the press centre" (a live-fire drill counts)
        word = _GENERIC_TERMS[m.lastgroup]
        out.append(word_row(m.start(), m.end(), m.group(0), "generic", "word", word, None))
    return out


def _reference_row(ctx, r, t, future, rec: _Record, places) -> tuple:
    doc, sent_id, base, para, skind, text, published, cut, written = ctx
    name_year = r["name_year"]
    year, date, rule = 0, "", ""
    if t is not None:
        ty, tdate, trule = resolve(t, published or written or None, future=future)
        if name_year and t.kind != "absolute" and t.rel in ("month", "monthday"):
            # a month or day whose year the name gives
            mo, dd = t.month, t.day
            year, rule = name_year, "explicit"
            date = f"{year:04d}-{mo:02d}" + (f"-{dd:02d}" if dd else "")
        elif name_year and ty and ty != name_year:
            year, rule = name_year, "named_year"
        elif ty:
            year, date, rule = ty, tdate, trule
        else:
            rule = trule
    if not year and name_year:
        year, rule = name_year, "named_year"
    if r.get("by_alias"):
        # the year is the row's whose alias is written ("COP28"), not written in the text
        rule = rule.replace("named_year", f"alias of its row ({year})")
        name_year = None
    if r["type"] == "named_exercise" and r["edition"] and not year:
        series = [x for x in rec.rows if x[0] == r["family"]]
        if len(series) >= r["edition"]:
            year, rule = series[r["edition"] - 1][1], f"edition {r['edition']} of the series"
    if not year and not rule:
        if (
            r["series"]
            or r.get("general")
            or (r["type"] == "named_exercise" and _series_name(text, r))
        ):
            rule = "none"
        elif published is not None or cut not in ("", "whole record"):
            year = published.year if published else int(cut[:4])
            rule = "article_date"
        else:
            rule = "none (no publication date)"
    if r.get("number"):
        # "COP 30" with no row of that alias: not the series' edition of the article's year
        year, date, rule = 0, "", "none"
    if r["type"] == "named_exercise" and not name_year and rule == "article_date":
        # a name without a year is this year's edition only if one is near publication
        ok = published is not None and any(
            x[0] == r["family"] and x[2] and _near(x[2], published, 60) for x in rec.rows
        )
        if not ok:
            year, rule = 0, "none"
    family = r["family"]
    ordinal = r["ordinal"]
    if r["type"] == "described_exercise":
        domains = _described_domains(r.get("np", ""), text)
    else:
        domains = _TYPE_DOMAINS.get(r["type"], ())
    fam, key, conf, why = _link(
        rec,
        family=family,
        domains=domains,
        year=year,
        date=date,
        rule=rule,
        published=published,
        ordinal=ordinal,
        phase=r["phase"],
        places=places,
        future=future,
        plural=bool(r.get("plural")),
    )
    row = r.get("row")
    if row is not None and year == row[1]:
        fam, key, conf = row[0], rec.key(row), 1.0
        why = f"the row whose alias is written: {key}"
    elif r.get("number"):
        why = (
            f"{text[r['s'] : r['e']]!r}: the number after the name is no year, and no row of "
            f"the table has it as an alias (give it in the row's aliases column)."
        )
    if r["type"] == "named_exercise" and family not in rec.names:
        why = f"the record has no {family} series."
    span = text[r["s"] : r["e"]]
    return (
        doc,
        sent_id,
        base + r["s"],
        base + r["e"],
        span,
        "reference",
        r["type"],
        fam,
        fam or r["type"],
        name_year,
        year or None,
        date,
        rule,
        ordinal,
        key,
        conf,
        why,
        bool(key),
        cut,
        para,
        base,
        skind,
        text,
    )


#: an exercise verb (or "for", "of … round") just before a plural exercise noun phrase: the
#: drills are held ("China and Russia hold joint naval drills", "will include joint patrols",
#: "gathered for joint drills", "this latest round of joint exercises", "opening ceremony of …")
_EVENT_BEFORE = re.compile(
    r"(?i)\b(?:holds?|held|holding|launch(?:es|ed|ing)?|beg[iau]ns?|beginning|start(?:s|ed|ing)?|"
    r"kick(?:s|ed|ing)?\s+off|conduct(?:s|ed|ing)?|stag(?:e|es|ed|ing)|carr(?:y|ies|ied|ying)"
    r"\s+out|includ(?:e|es|ed|ing)|(?:participat\w*|take|takes|took|taking|engag\w*)\s+"
    r"(?:part\s+)?in|join(?:s|ed|ing)?|for|wrap(?:s|ped|ping)?\s+up|conclud\w*|complet\w*|"
    r"(?:round|edition|phase|stage|ceremony|opening|start)\s+of)\s+(?:the\s+|their\s+|its\s+)?$"
)
#: what follows a plural that is being held ("drills that will go on until May 21",
#: "exercises began", "drills will run")
_EVENT_AFTER = re.compile(
    r"(?i)^\s*(?:,\s*)?(?:(?:that|which)\s+)?(?:will\s+|would\s+)?(?:beg[iau]ns?|start(?:s|ed)?|"
    r"kick(?:s|ed)?\s+off|open(?:s|ed)?|end(?:s|ed)?|conclud\w*|run|ran|runs|go\s+on|went\s+on|"
    r"last(?:s|ed)?|took\s+place|take\s+place|takes\s+place|(?:are|were|be)\s+(?:being\s+)?held|"
    r"continu\w*)\b"
)


def _reports_event(before: str, after: str) -> bool:
    """Whether a plural exercise noun phrase is held as an event by its clause's verb."""
    return bool(_EVENT_BEFORE.search(before) or _EVENT_AFTER.match(after))


def _series_name(text: str, r: dict) -> bool:
    after = text[r["e"] : r["e"] + 40].lower()
    return bool(
        re.match(r"\s*(?:drills?|exercises?)?\s*(?:series|have\s+become|has\s+become)", after)
    ) or bool(re.match(r"\s*series", after))


@cache
def _place_re(locations: tuple[str, ...] = ()) -> re.Pattern[str]:
    names = set(_place_names(locations))
    alts = sorted(names, key=lambda s: (-len(s), s))
    return re.compile(
        r"(?<![\w-])(?P<place>" + "|".join(map(re.escape, alts)) + r")(?![\w-])"
        r"(?!\s+(?:Fleet|Command|Theater|Theatre|Military|Naval|Air|Regional|Border|Coast|"
        r"Institute|University|Forum|Times|News|Post|Daily|Division|Group|Flotilla|Squadron|"
        r"Council|Ministry|Department|District|Bureau|Agency|Press))"
        # nor the first word of an organisation's name, whatever comes between: "the
        # Shanghai Cooperation Organization", "the Black Sea Economic Cooperation" (not "the
        # Ningxia Hui Autonomous Region", a place)
        r"(?!(?:\s+[A-Z][\w'-]*){0,3}\s+(?:" + "|".join(_ORGANISATION_NOUNS) + r")\b)"
    )


def without_places(text: str, locations: tuple[str, ...] = ()) -> str:
    """Return ``text`` with the place names of the record and gazetteer blanked out.

    A sea's name is no naval word: "bombers … over the East China Sea" or "a joint patrol
    of the Bering Sea" speak of aircraft, not ships. The names are the shipped record's
    locations, ``locations`` and the gazetteer's seas and regions, each as
    :func:`places` reads them (never inside an organisation's name: "Black Sea Fleet"
    stays).

    Parameters
    ----------
    text
        One sentence or clause.
    locations
        An event table's locations (:func:`record_locations`), whose names are places too.

    Returns
    -------
    str
        The text, each place name replaced by one space.

    Examples
    --------
    >>> without_places("bombers flew over the East China Sea and the Sea of Japan")
    'bombers flew over the   and the  '
    >>> without_places("ships of the Black Sea Fleet")
    'ships of the Black Sea Fleet'
    """
    return _place_re(locations).sub(" ", text)


#: nouns that end an organisation's name: a place before them is part of that name
_ORGANISATION_NOUNS = (
    "Cooperation", "Co-operation", "Organi[sz]ations?", "Forum", "Council", "Summit",
    "Treaty", "Pact", "Agreement", "Alliance", "Association", "Union", "Commission",
    "Committee", "Conference", "Dialogue", "Initiative", "Institute", "University",
    "Corporation", "Company", "Bank", "Party", "Club",
)  # fmt: skip


_NOT_PLACES = {
    "China", "Russia", "Iran", "South Africa", "Mongolia", "India", "Pakistan", "Belarus",
    "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Uzbekistan", "Armenia", "Myanmar", "Algeria",
    "United Arab Emirates", "Russian", "Chinese", "Cape", "Arctic",
}  # fmt: skip

# words of a place name that are no place alone ("Black and Caspian Seas")
_NOT_ALONE = {"Black", "Yellow", "Red", "White", "East", "West", "North", "South", "Northern",
              "Southern", "Eastern", "Western", "Central", "Great", "Far", "Sea", "Seas",
              "Ocean", "Gulf", "Strait", "Bay", "Cape"}  # fmt: skip

#: Other names of places in the record ("East Sea" is the Korean name of the Sea of Japan).
PLACE_ALIASES = {
    "East Sea": "Sea of Japan",
    "Peter the Great Bay": "Peter the Great Gulf",
    "Clerk Cape": "Cape Clerk",
    "Mediterranean": "Mediterranean Sea",
    "Baltic": "Baltic Sea",
    "Sea of Okhotsk": "Sea of Okhotsk",
    "Yellow Sea": "Yellow Sea",
}


def record_locations(events: pd.DataFrame | None) -> tuple[str, ...]:
    """Return the distinct ``location`` values of an event table (a key for the caches).

    Parameters
    ----------
    events
        An event table (:func:`framelens.events.load_events`), or None.

    Returns
    -------
    tuple of str
        Its non-empty locations, sorted, each once (empty without a table).
    """
    if events is None or "location" not in events.columns:
        return ()
    return tuple(sorted({str(v) for v in events["location"].tolist() if str(v).strip()}))


@cache
def _place_names(locations: tuple[str, ...] = ()) -> tuple[str, ...]:
    from ..gazetteer import load_gazetteer

    gaz = load_gazetteer()
    names = set(gaz.loc[gaz["type"].isin(["sea", "region"]), "alias"])
    for loc in [*load_events()["location"].tolist(), *locations]:
        for m in re.finditer(
            r"[A-Z][\w'-]+(?:\s+(?:of\s+(?:the\s+)?|the\s+)?[A-Z][\w'-]+)*", str(loc)
        ):
            name = m.group(0)
            if re.search(r"Military|District|Command|Fleet|Theat", name):
                continue
            if name in _NOT_PLACES or len(name) <= 3 or name in _NOT_ALONE:
                continue
            if name not in _NOT_PLACES and len(name) > 3:
                names.add(name)
    names |= set(PLACE_ALIASES)
    return tuple(sorted(names))


#: Places within a sea the record names by its ports or coasts ("near Zhanjiang" is in the
#: South China Sea): a claim of the sea is supported by a row naming one of them.
PLACE_WITHIN = {
    "South China Sea": ("Zhanjiang", "Guangdong", "Hainan", "Sanya"),
    "Yellow Sea": ("Qingdao", "Shandong"),
    "East China Sea": ("Shanghai", "Zhoushan", "Taizhou", "Zhejiang"),
    "Sea of Japan": ("Vladivostok", "Peter the Great Gulf"),
    # Vladivostok stands on Peter the Great Gulf: a drill there is "near Vladivostok"
    "Vladivostok": ("Peter the Great Gulf",),
    "Gulf of Oman": ("Chabahar",),
    "Baltic Sea": ("Baltiysk", "Kaliningrad"),
    "Black Sea": ("Novorossiysk",),
    "Pacific Ocean": (
        "Sea of Japan",
        "Sea of Okhotsk",
        "East China Sea",
        "South China Sea",
        "Yellow Sea",
        "Bering Sea",
        "Pacific",
        "Philippine Sea",
    ),
    "Pacific": (
        "Sea of Japan",
        "Sea of Okhotsk",
        "East China Sea",
        "South China Sea",
        "Yellow Sea",
        "Bering Sea",
        "Philippine Sea",
    ),
}

_COMPASS = {"western": "west", "eastern": "east", "northern": "north", "southern": "south"}
_COMPASS_WORD = r"(?:north|south)?(?:-?(?:west|east))?"
_COMPASS_PAIR = re.compile(
    rf"\b(?P<a>{_COMPASS_WORD})\s+and\s+(?P<b>{_COMPASS_WORD})\s+(?P<c>[a-z][\w'-]*)"
)


def place_key(text: str) -> str:
    """Return a place's words in one form, to tell whether two texts name the same place.

    Lower case; a compass adjective as its noun ("western" → "west", "north-western" →
    "north-west"); and two compass words sharing a noun each with it ("west and north
    pacific" → "west pacific and north pacific"), so "the West and North Pacific" and
    the record's "western and northern Pacific" name the same waters.

    Parameters
    ----------
    text
        A place, or a record's location.

    Returns
    -------
    str
        The text in that form.

    Examples
    --------
    >>> place_key("western and northern Pacific")
    'west pacific and north pacific'
    >>> place_key("North Pacific") in place_key("western and northern Pacific")
    True
    """
    low = " ".join(str(text).lower().split())
    low = re.sub(
        r"\b(?:(north|south)-?)?(western|eastern|northern|southern)\b",
        lambda m: (m.group(1) + "-" if m.group(1) else "") + _COMPASS[m.group(2)],
        low,
    )

    def pair(m: re.Match[str]) -> str:
        if not m.group("a") or not m.group("b"):
            return m.group(0)
        return f"{m.group('a')} {m.group('c')} and {m.group('b')} {m.group('c')}"

    return _COMPASS_PAIR.sub(pair, low)


_MOVEMENT = re.compile(
    r"(?i)\b(?:left|leave|leaving|arriv\w*|sail\w*|sets?\s+out|depart\w*|head(?:s|ed|ing)?|"
    r"return\w*|bound|visit\w*|port\s+call)\b[^.;]{0,40}$"
)

_LOCATIVE = re.compile(
    r"(?i)\b(?:in|at|off|near|over|into|around|across|through|between|from|to|above|of|"
    r"within|along|waters|sea|coast)\s+(?:[\w,'-]+\s+){0,5}$"
)


#: where troops or ships come from, not where the exercise is: a place after "from"
#: ("troops from Trans-Baikal"), or after a unit's home in a "from" phrase ("servicemen
#: from a formation deployed in the Trans-Baikal Territory")
_ORIGIN = re.compile(
    r"(?i)\bfrom\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,4}$"
    r"|\bfrom\s[^.;:]{0,80}?\b(?:deployed|stationed|based|garrisoned|located|quartered)\s+"
    r"(?:in|at|near)\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,3}$"
)
#: "from X to Y" is a route, and X one of the event's places ("a patrol from the Sea of
#: Japan to the Bering Sea")
_ROUTE_TO = re.compile(r"(?i)^[^.;:]{0,40}?\b(?:to|into|towards?)\s+(?:the\s+)?[A-Z]")


#: with a table of other events, a place of the event: governed by "in", "at", "near",
#: "off", "on" ("held in", "hosted in"), with at most two words between, none of them a
#: preposition or conjunction ("in the Egyptian resort of Sharm el-Sheikh", "in nearby
#: Le Bourget"; not "met activists from the Pacific", "in Baku after Egypt")
_OWN_LOCATIVE = re.compile(
    r"\b(?i:in|at|near|off|on|inside|outside)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:(?!(?i:after|before|from|to|and|or|as|with|for|by|while|when|where|since|than|but|"
    r"of|in|at|the|a|an)\b)(?:[a-z][\w'-]*|[A-Z][a-z]+(?:an|ese|ish|i))\s+){0,2}"
    r"(?:of\s+(?:the\s+)?)?$"
)


def _own_place_names(locations: tuple[str, ...]) -> tuple[str, ...]:
    """Return the places a table of other events names in its locations.

    Each ``;``- or ``,``-separated part, and what it puts in brackets ("Sharm el-Sheikh
    (Egypt)" gives "Sharm el-Sheikh" and "Egypt").
    """
    names: set[str] = set()
    for loc in locations:
        for part in str(loc).split(";"):
            outer = re.sub(r"\([^)]*\)", " ", part)
            for name in [*outer.split(","), *re.findall(r"\(([^)]*)\)", part)]:
                name = " ".join(name.split())
                if len(name) > 2 and name[0].isupper():
                    names.add(name)
    return tuple(sorted(names))


@cache
def _own_place_re(locations: tuple[str, ...]) -> re.Pattern[str]:
    names = set(_own_place_names(locations))
    if any(_WATERS.search(str(loc)) for loc in locations):
        # a table of events at sea: the gazetteer's seas and regions are places too ("a
        # naval exercise in the Sea of Japan" is not the table's one in the Baltic Sea)
        from ..gazetteer import load_gazetteer

        gaz = load_gazetteer()
        names |= set(gaz.loc[gaz["type"].isin(["sea", "region"]), "alias"])
    alts = sorted(names, key=lambda x: (-len(x), x))
    if not alts:
        return re.compile(r"(?!)")
    # not part of a longer name ("the Paris Agreement", "Glasgow Climate Pact")
    return re.compile(
        r"(?<![\w-])(?P<place>"
        + "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alts)
        + r")(?![\w-])(?!\s+(?:[A-Z]|of\s+[A-Z]))"
    )


def _places_in(text: str, locations: tuple[str, ...] = (), *, own: bool = False) -> list[str]:
    """Place names of the record and gazetteer in a sentence, after a preposition.

    With ``own`` (a table of other events than the shipped record's), only the places of
    ``locations`` count (and the gazetteer's seas and regions when a location names a sea,
    ocean, gulf, bay or strait), each where a preposition of place governs it
    (:data:`_OWN_LOCATIVE`) and not as part of a longer name: the shipped record's places
    say nothing of where another table's events were held.
    """
    out: list[str] = []
    if own:
        for m in _own_place_re(locations).finditer(text):
            before = text[max(0, m.start() - 60) : m.start()]
            if not _OWN_LOCATIVE.search(before) or _MOVEMENT.search(before):
                continue
            name = " ".join(m.group("place").split())
            if name not in out:
                out.append(name)
        return out
    for m in _place_re(locations).finditer(text):
        before = text[max(0, m.start() - 50) : m.start()]
        if not _LOCATIVE.search(before) or _MOVEMENT.search(before):
            continue
        if _ORIGIN.search(text[max(0, m.start() - 120) : m.start()]) and not _ROUTE_TO.match(
            text[m.end() :]
        ):
            continue  # "servicemen from units deployed in Trans-Baikal": where they came from
        name = PLACE_ALIASES.get(m.group("place"), m.group("place"))
        if name not in out:
            out.append(name)
    return out


def places(text: str, *, events: pd.DataFrame | None = None) -> list[str]:
    """Return the places (seas, regions, ranges, ports) a sentence puts something in.

    Names come from the shipped record's ``location`` column (and ``events``'s, when
    given: a researcher's own table) and the gazetteer's seas and regions; a name counts
    only after a preposition of place ("in", "off", "near", "over"…), not after a verb of
    movement ("left Qingdao for", "arrived in"), and never inside an organisation's name
    ("Pacific Fleet", "Northern Theater Command"). Other names are normalised
    (:data:`PLACE_ALIASES`: "East Sea" → "Sea of Japan").

    Parameters
    ----------
    text
        One sentence or clause.
    events
        An event table whose locations name places too (default: the shipped one only).

    Returns
    -------
    list of str
        The places, in order, each once.

    Examples
    --------
    >>> places("Ships of the Pacific Fleet drilled in the East Sea.")
    ['Sea of Japan']
    """
    own = events is not None and not has_builtin_series(events)
    return _places_in(str(text), record_locations(events), own=own)


def _check_mentions(found: pd.DataFrame) -> None:
    if not isinstance(found, pd.DataFrame) or any(
        c not in found.columns for c in ("doc_id", "kind", "canonical_name", "event_year")
    ):
        cols = list(getattr(found, "columns", []))
        raise ParameterError(
            f"`mentions` must be the frame made by events.mentions; it has columns {cols}."
        )


def mention_counts(
    found: pd.DataFrame, *, by: Literal["paragraph", "document"] = "paragraph"
) -> pd.DataFrame:
    """Count mentions per paragraph (or document), by kind, name and year.

    Per-document, so the counts of disjoint partitions concatenate; :func:`total_counts`
    sums them for the corpus.

    Parameters
    ----------
    found
        :func:`mentions` output.
    by
        ``"paragraph"`` or ``"document"``.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, para_id, kind, canonical_name, event_year, n`` (``para_id`` only with
        ``by="paragraph"``); ``canonical_name`` is the family (or type) of references, the
        word of generic words and the cue type of claims; ``event_year`` is empty where
        none was resolved. Sorted by keys.

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
    cols = keys + ["kind", "canonical_name", "event_year"]
    if found.empty:
        out = pd.DataFrame({c: pd.Series(dtype=found[c].dtype) for c in cols})
        out["n"] = pd.Series(dtype="int64")
        return out
    out = found.groupby(cols, dropna=False, sort=True).size().reset_index(name="n")
    return out.astype({"n": "int64"}).reset_index(drop=True)


def corpus_note(
    found: pd.DataFrame, *, n_documents: int, events: pd.DataFrame | None = None
) -> str:
    """Say in one sentence what the corpus refers to, and what the record's trend is not.

    Parameters
    ----------
    found
        :func:`mentions` output (of the documents the notebook reads).
    n_documents
        How many documents were read.
    events
        The event table the references were found with (default: the shipped record). A
        table of one's own names its events as :func:`framelens.events.record_label`
        does ("events of cops.csv"), not joint exercises or patrols.

    Returns
    -------
    str
        How many references, in how many of the documents, and how many were linked to
        the record; with none, that the trend and chart are the record's alone.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0],
    ...                   "text": ["Great blender."]})
    >>> corpus_note(mentions(s), n_documents=1)[:44]
    'The document refers to no joint exercise or '
    """
    _check_mentions(found)
    one, many = "joint exercise or patrol of the record", "joint exercises or patrols"
    if events is not None and not has_builtin_series(events):
        label = record_label(events)
        many = label[:1].lower() + label[1:]  # "events of cops.csv"
        one = re.sub(r"^events\b", "event", many)
    refs = found[found["kind"] == "reference"]
    if refs.empty:
        docs = (
            "The document refers to no"
            if n_documents == 1
            else f"None of the {n_documents} documents refers to any"
        )
        return (
            f"{docs} {one}: the chart and the trend below "
            "are the record's, not the corpus's, and there is no claim to check."
        )
    n_docs = refs["doc_id"].nunique()
    where = "the document" if n_documents == 1 else f"{n_docs} of the {n_documents} documents"
    return (
        f"{len(refs)} reference(s) to {many} in {where}, "
        f"{int(refs['matched'].sum())} linked to a record row; the trend below is the "
        "record's, whatever the corpus says."
    )


def total_counts(counts: pd.DataFrame) -> pd.DataFrame:
    """Sum per-paragraph or per-document counts (from any partitions) for the corpus.

    Parameters
    ----------
    counts
        :func:`mention_counts` of one or more partitions, concatenated.

    Returns
    -------
    pandas.DataFrame
        ``kind, canonical_name, event_year, n, n_docs``: mentions in the corpus and the
        number of documents with at least one. Sorted by kind, then descending ``n``.

    Examples
    --------
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "kind": ["generic"] * 2,
    ...     "canonical_name": ["drill"] * 2, "event_year": pd.array([None, None], "Int64"),
    ...     "n": [2, 1]})
    >>> total_counts(c)[["canonical_name", "n", "n_docs"]].values.tolist()
    [['drill', 3, 2]]
    """
    need = ["doc_id", "kind", "canonical_name", "event_year", "n"]
    missing = [c for c in need if c not in counts.columns]
    if missing:
        raise ParameterError(
            f"`counts` lacks the column(s) {missing}; pass the frame(s) made by "
            "events.mention_counts (concatenated)."
        )
    keys = ["kind", "canonical_name", "event_year"]
    if counts.empty:
        return pd.DataFrame(
            {
                "kind": pd.Series(dtype=str),
                "canonical_name": pd.Series(dtype=str),
                "event_year": pd.array([], "Int64"),
                "n": pd.array([], "int64"),
                "n_docs": pd.array([], "int64"),
            }
        )
    g = counts.groupby(keys, dropna=False, sort=True)
    # two plain aggregations: about twice as fast as one named .agg on a partition's counts
    out = pd.DataFrame({"n": g["n"].sum(), "n_docs": g["doc_id"].nunique()}).reset_index()
    out = out.astype({"n": "int64", "n_docs": "int64"})
    out = out.sort_values(
        ["kind", "n", "canonical_name"], ascending=[True, False, True], kind="stable"
    )
    return out.reset_index(drop=True)


def highlights(found: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Return the record events the corpus refers to, for the chart.

    References linked to a record row, and named exercises with a year the record lacks.

    Parameters
    ----------
    found
        :func:`mentions` output.
    events
        The event table (its ``domain`` colours the chart).

    Returns
    -------
    pandas.DataFrame
        ``canonical_name, year, domain, label, matched, n_mentions``: one row per
        family and year of the references with a year (linked or not); ``domain`` from
        the record ("" when no row of that family and year); ``label`` such as
        "Northern/Interaction-2024"; ``matched`` True when the record has that family and
        year. Sorted by year, name.

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
    refs = found[
        (found["kind"] == "reference")
        & found["event_year"].notna()
        & (found["family"] != "")
        & (found["matched"] | (found["type"] == "named_exercise"))
    ]
    if refs.empty:
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
    g = refs.groupby(["family", "event_year"], sort=True).size().reset_index(name="n_mentions")
    dom = events.drop_duplicates(["name", "year"]).set_index(["name", "year"])["domain"]
    out = []
    for r in g.itertuples(index=False):
        key = (r.family, int(r.event_year))
        d = str(dom.get(key, ""))
        out.append(
            (
                r.family,
                int(r.event_year),
                d,
                f"{r.family}-{int(r.event_year)}",
                key in dom.index,
                int(r.n_mentions),
            )
        )
    frame = pd.DataFrame(out, columns=cols).astype({"year": "int64", "n_mentions": "int64"})
    return frame.sort_values(["year", "canonical_name"], kind="stable").reset_index(drop=True)
