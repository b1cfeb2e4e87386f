"""The actor and place gazetteer shared by text statistics, sentiment and framing.

The shipped gazetteer (``framelens/data/actors.yaml``) names the actors and places that
coverage of China–Russia military exercises mentions, each with its aliases. Users add
their own with ``extra`` (a mapping ``{actor: [aliases]}`` or a path to a YAML file in the
same format as the shipped one).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterator, Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from .corpus import CREDIT_RE
from .errors import FramelensWarning, InputError, ParameterError
from .resources import shipped_yaml

__all__ = ["GAZETTEER_COLUMNS", "MENTION_COLUMNS", "load_gazetteer", "actor_mentions"]

GAZETTEER_COLUMNS = ["actor", "type", "alias"]
MENTION_COLUMNS = ["doc_id", "sent_id", "actor", "type", "alias", "start", "end", "kind"]


@cache
def _shipped() -> tuple[tuple[str, str, str], ...]:
    return tuple(_parse(shipped_yaml("actors.yaml"), "actors.yaml"))


def _yaml_hint(value: Any) -> str:
    """Say why YAML gave a non-text value where a name was written (yes, 3, 2024-01-01)."""
    if isinstance(value, bool):
        return (
            ", which YAML reads from yes, no, on, off, true or false: put the alias in "
            "quotes ('yes')"
        )
    if isinstance(value, int | float):
        return ", a number: an alias is text; put it in quotes ('3') if it is one"
    if value is None:
        return " (nothing): give the alias, or leave the key out"
    if isinstance(value, Mapping | list | tuple):
        return ", a nested list or mapping: give each alias as a name in one flat list"
    return f" ({type(value).__name__}): put the alias in quotes"


def _parse(entries: Any, where: str) -> list[tuple[str, str, str]]:
    if isinstance(entries, Mapping):  # {actor: [aliases]} or {actor: {aliases:…, type:…}}
        entries = [
            {"actor": k, **v} if isinstance(v, Mapping) else {"actor": k, "aliases": v}
            for k, v in entries.items()
        ]
    if not isinstance(entries, list):
        raise InputError(
            f"{where}: a gazetteer must be a list of entries with 'actor' and 'aliases' "
            f"(or a mapping actor -> aliases), got {type(entries).__name__}."
        )
    rows = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, Mapping) or "actor" not in entry:
            raise InputError(f"{where}: entry {i + 1} needs an 'actor' key, got {entry!r}.")
        if not isinstance(entry["actor"], str) or not entry["actor"].strip():
            raise InputError(
                f"{where}: entry {i + 1}: the actor must be a name (text), got {entry['actor']!r}."
            )
        unknown = set(entry) - {"actor", "aliases", "type"}
        if unknown:
            raise InputError(
                f"{where}: entry {i + 1} ({entry['actor']!r}): unknown key(s) "
                f"{sorted(unknown)}; an entry has 'actor', 'aliases' and 'type'."
            )
        aliases = entry.get("aliases") or [entry["actor"]]
        if isinstance(aliases, str) or not isinstance(aliases, list | tuple):
            aliases = [aliases]
        bad = [a for a in aliases if not (isinstance(a, str) and a.strip())]
        if bad:
            raise InputError(
                f"{where}: entry {i + 1} ({entry['actor']!r}): aliases must be names as "
                f"written in the text, got {bad[0]!r}{_yaml_hint(bad[0])}."
            )
        for alias in aliases:
            rows.append((str(entry["actor"]), str(entry.get("type", "other")), alias.strip()))
    return rows


def _as_gazetteer(gazetteer: Any) -> pd.DataFrame:
    """Return the gazetteer to use: the shipped one, a loaded frame, or shipped plus extras."""
    if gazetteer is None:
        return load_gazetteer()
    if isinstance(gazetteer, pd.DataFrame):
        missing = [c for c in GAZETTEER_COLUMNS if c not in gazetteer.columns]
        if missing:
            raise ParameterError(
                f"`gazetteer` lacks the column(s) {missing}; it needs {GAZETTEER_COLUMNS}, "
                "as load_gazetteer returns it."
            )
        return gazetteer
    return load_gazetteer(gazetteer)  # extra actors: a mapping or a YAML path


def load_gazetteer(extra: Mapping[str, Any] | str | Path | None = None) -> pd.DataFrame:
    """Return the gazetteer as a frame, the shipped entries plus ``extra``.

    Parameters
    ----------
    extra
        More actors: a mapping ``{"NATO": ["NATO", "the alliance"]}``, or a path to a YAML
        file like ``framelens/data/actors.yaml``. An alias given again moves to the new actor.

    Returns
    -------
    pandas.DataFrame
        ``actor, type, alias``, one row per alias.

    Examples
    --------
    >>> g = load_gazetteer({"Brunei": ["Brunei", "Bandar Seri Begawan"]})
    >>> sorted(g.loc[g.actor == "Brunei", "alias"])
    ['Bandar Seri Begawan', 'Brunei']
    """
    rows = list(_shipped())
    if extra is not None:
        if isinstance(extra, str | Path):
            path = Path(extra)
            if not path.is_file():
                raise ParameterError(f"`extra_actors` {str(extra)!r}: no such file.")
            try:
                loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
            except yaml.YAMLError as exc:
                raise InputError(f"{path}: not valid YAML ({exc}).") from None
            new = _parse(loaded, str(path))
        elif isinstance(extra, Mapping):
            new = _parse(dict(extra), "`extra_actors`")
        else:
            raise ParameterError(
                "`extra_actors` must be a mapping {actor: [aliases]} or a YAML path, "
                f"but {extra!r} was passed."
            )
        new_aliases = {a: actor for actor, _, a in new}
        moved = [(a, r[0], new_aliases[a]) for r in rows for a in [r[2]]
                 if a in new_aliases and r[0] != new_aliases[a]]  # fmt: skip
        if moved:
            shown = "; ".join(f"{a!r} from {old} to {to}" for a, old, to in moved[:5])
            warnings.warn(
                f"`extra_actors` moves {len(moved)} alias(es) of the shipped gazetteer to "
                f"another actor: {shown}. Its mentions now count for the new actor.",
                FramelensWarning,
                stacklevel=2,
            )
        rows = [r for r in rows if r[2] not in new_aliases] + new
    return pd.DataFrame(rows, columns=GAZETTEER_COLUMNS)


_APOSTROPHES = "'\u2019"
_JOINER = re.compile(r"(['\u2019]|\s+)")
_HYPHENS = "-\u2011"
#: the capitalised word joined by a hyphen before a name: "Indo-" of "Indo-Pacific"
_HYPHEN_LEFT = re.compile(r"([A-Z][\w.]*)[-\u2011]$")


def _key(text: str) -> str:
    """Return an alias or a match as the lookup knows it: apostrophes straight, one space."""
    return " ".join(text.replace("\u2019", "'").split())


def _alias_units(alias: str) -> list[str]:
    """Return the regexes of an alias, one a character, one an apostrophe or a space."""
    out: list[str] = []
    for piece in _JOINER.split(alias):
        if not piece:
            continue
        if piece in _APOSTROPHES:
            out.append("['\u2019]")
        elif piece.isspace():
            out.append(r"\s+")
        else:
            out.extend(re.escape(ch) for ch in piece)
    return out


def alternation(items: Any, units: Callable[[str], list[str]], *, lead: str = "") -> str:
    r"""Return a regex of the items that, at each place, matches the longest one there.

    The items share their beginnings as a tree ("South China Sea" and "South Korea" one
    path to "South "), so the regex tries at each character only the items that can begin
    there: four times faster than the items one after the other, longest first, and it
    matches the same (tests compare the two). A longer item is tried before a shorter one
    it begins with, and the shorter is taken when what follows the longer does not match
    ("Korean" is not "Korea" + "n" before a word's end).

    Parameters
    ----------
    items
        The strings to match (repeats are ignored).
    units
        Splits an item into regexes of one character each (or one space, or one
        apostrophe), which must not overlap: two units that can match the same character
        must be the same string.
    lead
        A regex put after the first unit of every item (default none): a lookbehind of
        fixed width that reads that unit's character last, such as ``(?<!\w[\s\S])``
        for "no word character before the item". Written there rather than before the
        whole alternation, it leaves the regex beginning with the items' first
        characters, which Python's engine looks for directly instead of trying every
        position (finding actor names twice as fast). The first unit of every item must
        match exactly one character.

    Returns
    -------
    str
        A regex (no group that captures) matching any one item; the items one by one,
        longest first, when hundreds each begin the next (a tree too deep to build).
    """
    tree: dict = {}
    for item in sorted(set(items)):
        node = tree
        for unit in units(item):
            node = node.setdefault(unit, {})
        node[None] = {}  # an item ends here

    def branch(node: dict, first: str = "") -> str:
        alts = []
        for unit, child in node.items():
            if unit is None:
                continue
            run = [unit, first]  # a run of characters no other item leaves: one piece
            while len(child) == 1 and None not in child:
                ((unit, child),) = child.items()
                run.append(unit)
            alts.append("".join(run) + branch(child))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        # an item ends here: the longer ones are tried first (greedy), then none of them
        return f"(?:{body})?" if None in node else body

    try:
        return branch(tree, lead)
    except RecursionError:  # hundreds of items each beginning the next: one by one
        ordered = sorted(set(items), key=lambda a: (-len(a), a))
        return "|".join("".join(u[:1] + [lead] + u[1:]) for u in map(units, ordered))


#: after an item's first character: no word character before that one (``(?<!\w)``)
_NO_WORD_BEFORE = r"(?<!\w[\s\S])"


def _pattern(aliases: Any) -> re.Pattern[str]:
    """Return one regex of the aliases that finds the longest alias at each place."""
    return _pattern_of(tuple(aliases))


@lru_cache(maxsize=16)
def _pattern_of(aliases: tuple[str, ...]) -> re.Pattern[str]:
    # made once per list of aliases: a partition of a corpus, and the next, ask again
    if any(_alias_units(a)[:1] == [r"\s+"] for a in aliases):  # an alias after a space
        return re.compile(r"(?<!\w)(?:" + alternation(aliases, _alias_units) + r")(?!\w)")
    # "no word character before": checked after each alias's first character (see lead)
    return re.compile("(?:" + alternation(aliases, _alias_units, lead=_NO_WORD_BEFORE) + r")(?!\w)")


def _caps_aliases(aliases: Any) -> dict[str, str]:
    """Upper-cased alias -> alias, for sentences written in capitals.

    An acronym that is a function word in capitals ("US": "LET US BE CLEAR") is left
    out; of aliases alike in capitals the first is kept.
    """
    from .resources import stopwords

    words = stopwords() | {"us"}  # NLTK's list lacks "us"
    out: dict[str, str] = {}
    for alias in aliases:
        if alias.isupper() and alias.lower() in words:
            continue
        out.setdefault(_key(alias).upper(), _key(alias))
    return out


_ASCII_LOWER = re.compile("[a-z]")


def _in_capitals(text: str) -> bool:
    """Tell a sentence written in capitals (a headline): three words or more, no lower case."""
    if _ASCII_LOWER.search(text):  # the common case, found at once
        return False
    letters = [ch for ch in text if ch.isalpha()]
    return len(text.split()) >= 3 and bool(letters) and not any(ch.islower() for ch in letters)


def _in_compound_name(text: str, start: int, known: Any) -> bool:
    """Tell a name joined by a hyphen to a capitalised non-actor before it: "Indo-Pacific".

    "China-Russia", "US-Japan", "pro-Russian", "anti-China" and "US-led" name the actor;
    "Indo-Pacific", "Trans-Pacific" and "Asia-Pacific" do not name the Pacific.
    """
    if start == 0 or text[start - 1] not in _HYPHENS:
        return False
    left = _HYPHEN_LEFT.search(text, max(0, start - 40), start)
    return left is not None and _key(left.group(1)) not in known


#: gazetteer types that are places
PLACE_TYPES = frozenset({"sea", "region", "place"})
#: types whose name begins organisations' names ("Pacific Fleet", "Western Military
#: District"): places and blocs; a country's ("Japan Coast Guard") is the country's own
_ORGANISED_TYPES = PLACE_TYPES | {"bloc"}
#: a place name followed by these (after at most two capitalised words) names an
#: organisation: "Pacific Fleet", "South China Sea Institute", "Western Pacific Naval
#: Symposium", not the place
ORGANISATION_HEAD = re.compile(
    r"\s+(?:[A-Z][\w\-]*\s+){0,2}?(?:Fleet|Fleets|Command|Theater|Theatre|Council|Office|"
    r"Ministry|Institute|University|Forum|Commission|Organization|Organisation|Symposium|"
    r"Review|Studies|Center|Centre|Group|Squadron|Flotilla|District|Division|Brigade|"
    r"Partnership)\b"
    # a fleet or command in lower case or capitals: "Russia's Pacific fleet", "PACIFIC FLEET"
    r"|\s+(?i:fleets?|command|squadron|flotilla)\b"
)
#: a name followed by these names a newspaper, whatever the name ("Japan Times", "South
#: China Morning Post", "China Daily", "Pacific Post"): the outlet, not the country
MEDIA_HEAD = re.compile(
    r"\s+(?:[A-Z][\w\-]*\s+){0,2}?(?:Times|Daily|Morning\s+Post|Post|Herald|Tribune|"
    r"Gazette|Journal|News\s+Agency)\b"
)
#: what stands before a name that is not the actor's: a ship's prefix ("USS George
#: Washington"), "Rim of the" (RIMPAC, "Rim of the Pacific Exercise")
#: the prefixes of navies' ship names ("USS", "HMS", "ROKS", "INS")
SHIP_PREFIXES = (
    r"(?:USS|USNS|HMS|HMAS|HMCS|HMNZS|INS|JS|ROKS|RSS|BRP|KRI|KD|TCG|FS|ITS|ESPS|HNLMS|FGS|"
    r"RFS|PLANS|CNS|SLNS|PNS|TNS|ARA|BNS|NRP|HDMS|HNoMS|HSwMS)"
)
_NOT_ACTOR_BEFORE = re.compile(
    rf"(?:\b{SHIP_PREFIXES}\s+(?:[A-Z][\w\-]*\s+){{0,2}}|\bRim\s+of\s+the\s+)$"
)

#: names of other places and things that hold an alias of the built-in gazetteer, by the
#: alias: what stands before it ("Latin American", "George Washington University") or
#: after it ("the West Bank", "Western Australia", "British Columbia"); case-insensitive,
#: for headlines in capitals too
_NOT_ACTOR_WORDS_BEFORE = {
    alias: re.compile(rf"(?i)\b(?:{words})[\s-]+$")
    for alias, words in {
        "American": "Latin|South|Central|North|Native|African|Asian|Pan|Ibero|Meso",
        "Americans": "Latin|South|Central|North|Native|African|Asian",
        "Washington": "George",
    }.items()
}
_WEST_NOT_BLOC = (
    "Bank|Coast|Africa|African|Asia|Asian|Sea|Point|Virginia|Java|Papua|Midlands|End|Indies|Wing"
)
_NOT_ACTOR_WORDS_AFTER = {
    alias: re.compile(rf"(?i)\s+(?:{words})\b")
    for alias, words in {
        "the West": _WEST_NOT_BLOC,
        "The West": _WEST_NOT_BLOC,
        "Western": "Australia|Sahara|Cape|Balkans|Ghats|Hemisphere|Sydney|Province|Front",
        "British": "Columbia|Virgin\\s+Islands|Airways|Museum|Library|Council|Open",
    }.items()
}


def _names_other(alias: str, text: str, start: int, end: int) -> bool:
    """Whether the alias at ``start:end`` is part of another name ("the West Bank")."""
    before = _NOT_ACTOR_WORDS_BEFORE.get(alias)
    if before is not None and before.search(text, max(0, start - 30), start):
        return True
    after = _NOT_ACTOR_WORDS_AFTER.get(alias)
    return after is not None and after.match(text, end) is not None


_MONTHS = frozenset(
    "January February March April May June July August September October November December".split()
)
_DATE_BEFORE = re.compile(
    r"(?i)(?:\b(?:in|since|until|till|by|from|through|last|next|early|late|mid|of|this|each|"
    r"every|on|during|before|after)|\d)[\s-]+$"
)
_DATE_AFTER = re.compile(r"[\s,]+(?:\d{1,4}\b|of\s+\d{4})")


def _is_date(text: str, start: int, end: int) -> bool:
    """Whether the month name at ``start:end`` is a date ("in May", "3 May", "May 2024")."""
    return bool(
        _DATE_BEFORE.search(text[max(0, start - 12) : start]) or _DATE_AFTER.match(text, end)
    )


def _longest_matches(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """Yield the pattern's matches, a longer name overlapping one found first winning.

    "the West Philippine Sea": "the West" matches first, but the sea is the name.
    """
    m = pattern.search(text)
    while m is not None:
        # the leftmost match after this one's start: a longer name overlapping it wins,
        # and one that starts past its end is the next match (no second search for it)
        over = pattern.search(text, m.start() + 1)
        if over is not None and over.start() < m.end() < over.end():
            m = over
            continue
        yield m
        if over is None or over.start() >= m.end():
            m = over
        else:  # inside this match: look again from its end
            m = pattern.search(text, m.end())


def actor_mentions(sentences: pd.DataFrame, gazetteer: pd.DataFrame | None = None) -> pd.DataFrame:
    """Find every mention of a gazetteer actor in the sentences.

    Aliases match case-sensitively on word boundaries, with either apostrophe ("People’s
    Liberation Army") and any whitespace between their words (a line break, a
    non-breaking space); the longest alias wins, so "South China Sea" is a place and not
    a mention of China. A hyphen separates names ("China-Russia drills" names both,
    "US-led", "pro-Russian" and "anti-China" name one) unless it joins the name to a
    capitalised word that is no alias: "Indo-Pacific", "Trans-Pacific" and
    "Asia-Pacific" do not name the Pacific. A sentence written in capitals (a headline)
    is matched in capitals, except for acronyms that are function words ("US"). A place
    name that begins an organisation's name ("Pacific Fleet", "South China Sea Institute",
    :data:`ORGANISATION_HEAD`) is not a mention of the place. The credit line of an
    embedded post ("— China Daily (@ChinaDaily) September 10, 2024") is skipped: it names
    the account, not an actor.

    Parameters
    ----------
    sentences
        The sentences frame (``doc_id, sent_id, start, text``; ``kind`` is copied if
        present, else ``"prose"``). Every row is searched, embeds included.
    gazetteer
        The gazetteer (``actor, type, alias``, as :func:`load_gazetteer` returns it);
        default None: the shipped one.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sent_id, actor, type, alias, start, end, kind``: one row per mention;
        ``alias`` is the text as written, ``start``/``end`` offsets into the document.
        In the order of the sentences' rows, then of the text.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "kind": ["prose"],
    ...                   "text": ["Beijing patrols the South China Sea."]})
    >>> actor_mentions(s)[["actor", "alias"]].values.tolist()
    [['China', 'Beijing'], ['South China Sea', 'South China Sea']]
    >>> s["text"] = ["The Pacific Fleet sailed into the Pacific."]
    >>> actor_mentions(s)[["actor", "start"]].values.tolist()
    [['Pacific', 34]]
    """
    for col in ("doc_id", "sent_id", "start", "text"):
        if col not in sentences.columns:
            raise ParameterError(
                f"`sentences` lacks the column {col!r}; it has {list(sentences.columns)}."
            )
    gaz = _as_gazetteer(gazetteer)
    lookup = {}
    for actor, typ, alias in gaz[GAZETTEER_COLUMNS].itertuples(index=False):
        lookup[_key(alias)] = (actor, typ)
    pattern = _pattern(gaz["alias"])
    caps = _caps_aliases(gaz["alias"])
    caps_pattern = _pattern(caps) if caps else None
    n = len(sentences)
    kinds = sentences["kind"].tolist() if "kind" in sentences.columns else ["prose"] * n
    rows = []
    for doc_id, sent_id, start, text, kind in zip(
        sentences["doc_id"].tolist(),
        sentences["sent_id"].tolist(),
        sentences["start"].tolist(),
        sentences["text"].tolist(),
        kinds,
        strict=True,
    ):
        if CREDIT_RE.match(str(text).strip()):
            continue  # "— China Daily (@ChinaDaily) …" credits an account, it names no actor
        text = str(text)
        capitals = caps_pattern is not None and _in_capitals(text)
        for m in _longest_matches(caps_pattern if capitals else pattern, text):
            key = _key(m.group(0))
            alias = caps[key] if capitals else key
            actor, typ = lookup[alias]
            if _in_compound_name(text, m.start(), caps if capitals else lookup):
                continue  # "Indo-Pacific": a compound name, not the Pacific
            if typ in _ORGANISED_TYPES and ORGANISATION_HEAD.match(text, m.end()):
                continue  # "Pacific Fleet", "Western Theater Command": an organisation
            if MEDIA_HEAD.match(text, m.end()):
                continue  # "Japan Times", "South China Morning Post": a newspaper
            if _NOT_ACTOR_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                continue  # "USS George Washington", "Rim of the Pacific": not the actor
            if _names_other(alias, text, m.start(), m.end()):
                continue  # "the West Bank", "Latin American", "British Columbia"
            if m.group(0) in _MONTHS and _is_date(text, m.start(), m.end()):
                continue  # "emissions rose in May", "on 3 May 2024": a month, not Theresa May
            rows.append(
                (
                    doc_id,
                    int(sent_id),
                    actor,
                    typ,
                    m.group(0),
                    int(start) + m.start(),
                    int(start) + m.end(),
                    kind,
                )
            )
    return pd.DataFrame(rows, columns=MENTION_COLUMNS).astype(
        {"sent_id": "int64", "start": "int64", "end": "int64"}
    )
