"""Security news read right: names masked and domain words neutral before scoring."""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from functools import cache
from typing import Any

import pandas as pd

from .. import corpus, resources
from ..errors import ParameterError
from ..gazetteer import SHIP_PREFIXES
from ..groups import group_of
from ..params import check_bool, check_choice, check_columns
from .columns import SENSITIVITY_COLUMNS

#: domain lists shipped in ``framelens/data`` (``neutral_<domain>.yaml``): ``security``
#: (names masked, words neutral in security news) and ``names`` (names masked only, for
#: coverage of any topic)
DOMAINS = ("security", "names")


#: what a masked name is replaced by before scoring: a word no lexicon rates
MASK_TOKEN = "Name"


@cache
def load_domain(domain: str) -> dict[str, Any]:
    """Read a domain list: lexicon words neutral in that domain, and phrases to mask.

    Parameters
    ----------
    domain
        One of :data:`DOMAINS` (``"security"``): reads the shipped
        ``framelens/data/neutral_<domain>.yaml``.

    Returns
    -------
    dict
        ``{"words": {word: (vader valence, why)}, "phrases": [phrase, …]}``: the words
        lower-cased, the phrases as written, both in the file's order. Read once, then
        cached: every call returns the same dict, not to be changed.

    Raises
    ------
    ParameterError
        When ``domain`` is not one of :data:`DOMAINS`.

    Examples
    --------
    >>> d = load_domain("security")
    >>> d["words"]["destroyer"][0], "Pacific Fleet" in d["phrases"]
    (-2.0, True)
    """
    check_choice("domain", domain, list(DOMAINS))
    raw = resources.shipped_yaml(f"neutral_{domain}.yaml")
    words = {str(e["word"]).lower(): (float(e["vader"]), str(e["why"])) for e in raw["words"]}
    return {"words": words, "phrases": [str(p) for p in raw["phrases"]]}


def _domain_patterns(domain: str, gazetteer: pd.DataFrame | None) -> tuple[re.Pattern, ...]:
    """Names (case-sensitive: actors, places, exercise names) and phrases (any case)."""
    from .. import events
    from .. import gazetteer as gz

    gaz = gz._as_gazetteer(gazetteer)
    names = set(gaz["alias"]) | set(events.load_events()["name"])
    if domain == "security":  # "Northern/Interaction" is written "Northern" or "Interaction"
        for name in list(names):  # there; on any topic "Northern Ireland" is no exercise
            names.update(part for part in name.split("/") if len(part) > 3)
    phrases = load_domain(domain)["phrases"]

    def units(item: str) -> list[str]:
        return ["['\u2019]" if ch == "'" else re.escape(ch) for ch in item]

    def compile_(items, flags=0):
        items = sorted(set(items), key=lambda a: (-len(a), a))
        if not items:
            return re.compile(r"(?!)")  # nothing to mask (the names domain has no phrases)
        if all("\u2019" not in a and (a.isascii() or not flags) for a in items):
            # a tree of the items (case-blind: of their lower case); the same matches
            if flags:
                body = gz.alternation([a.lower() for a in items], units)
                return re.compile(r"(?<![\w\-])(?:" + body + r")(?![\w\-])", flags)
            # case-sensitive: the item's start is checked after its first character,
            # which the engine then looks for directly (see gazetteer.alternation)
            body = gz.alternation(items, units, lead=r"(?<![\w\-][\s\S])")
            return re.compile("(?:" + body + r")(?![\w\-])")
        # a curly apostrophe, or a case-blind letter whose lower case is longer
        body = "|".join("".join(units(a)) for a in items)
        return re.compile(r"(?<![\w\-])(?:" + body + r")(?![\w\-])", flags)

    return compile_(phrases, re.IGNORECASE), compile_(names)


def mask_names(
    texts: Sequence[str], *, domain: str = "security", gazetteer: pd.DataFrame | None = None
) -> tuple[list[str], list[str]]:
    """Replace names and fixed phrases by a word no lexicon rates, before scoring.

    Masked: the domain list's phrases ("third party", "Pacific Fleet"); then, outside
    headlines in title case or capitals, names by their form: ships by prefix or type
    ("USS Ronald Reagan", "the hospital ship Peace Ark"), an exercise's name before its
    noun or after "Operation" ("the Freedom Shield exercise"), and any run of two or more
    capitalised words ("the United Kingdom", "Mischief Reef", "Cape of Good Hope"; a
    capital that starts the sentence counts only in a run of two); then every alias of
    the gazetteer (actors and places: "United States", "South China Sea") and every
    exercise name of the event table ("Peace Mission", "Joint Sea"). Each becomes
    :data:`MASK_TOKEN` (``NAME`` for a name in capitals, so VADER's rule for words in
    capitals reads the sentence as before), so "United" (VADER +1.8) and "Peace" (+2.5)
    in names score 0 while the sentence keeps its shape for VADER's rules.

    Parameters
    ----------
    texts
        The texts to mask (e.g. the ``text`` column of the sentences).
    domain
        The domain list whose phrases are masked (matched in any case), one of
        :data:`DOMAINS` (default ``"security"``).
    gazetteer
        The actors and places whose ``alias`` column is masked (matched case-sensitively,
        as are the exercise names); the shipped gazetteer by default
        (:func:`framelens.gazetteer.load_gazetteer`).

    Returns
    -------
    tuple of two lists
        The masked texts, and per text what was masked (``"United States; Peace
        Mission"``, empty when nothing was), both in the order of ``texts``.

    Raises
    ------
    ParameterError
        When ``domain`` is not one of :data:`DOMAINS`.

    Examples
    --------
    >>> mask_names(["The United States watched the Peace Mission drills."])
    (['The Name watched the Name drills.'], ['United States; Peace Mission'])
    """
    check_choice("domain", domain, list(DOMAINS))
    if isinstance(texts, str):
        raise ParameterError(
            "`texts` must be a list of texts (e.g. the sentences' text column), but one "
            "string was passed: it would be masked character by character."
        )
    phrases, names = _domain_patterns(domain, gazetteer)
    out, found = [], []
    for text in texts:
        hits: list[str] = []
        original = text
        text = _mask(phrases, text, hits)
        if not _title_case(text):  # a headline's capitals say nothing of names
            for rule in _NAME_RULES:
                text = _mask(rule, text, hits, group="n", skip_start=True)
            text = _mask(_NAME_RUN, text, hits, group="n", skip_start=True, min_words=2)
        text = _mask(names, text, hits)
        out.append(text.replace(_HOLD, MASK_TOKEN).replace(_HOLD_CAPS, MASK_TOKEN.upper()))
        hits.sort(key=original.find)  # in the order of the text
        found.append("; ".join(hits))
    return out, found


def _mask(
    pattern: re.Pattern,
    text: str,
    hits: list[str],
    *,
    group: int | str = 0,
    skip_start: bool = False,
    min_words: int = 1,
) -> str:
    """Replace each match's ``group`` by a placeholder (``_HOLD``), noting the span.

    ``skip_start``: a single word at the start of the sentence is left (capitalised
    because it starts the sentence, not because it is a name); ``min_words`` words there.
    """
    first = _LEAD.match(text).end()
    parts, pos = [], 0
    for m in pattern.finditer(text):
        a, b = m.span(group)
        if a < pos:
            continue
        span = text[a:b]
        if skip_start and a == first:
            words = [w for w in span.split() if w[0].isupper()]
            if len(words) < max(2, min_words):
                continue
        parts += [text[pos:a], _HOLD_CAPS if span.isupper() else _HOLD]
        hits.append(span)
        pos = b
    return "".join(parts) + text[pos:] if parts else text


#: what a masked span holds until every rule has run (no rule matches it), then
#: :data:`MASK_TOKEN`, in capitals where the name was ("US" in a headline in capitals, so
#: VADER's rule for words in capitals reads the sentence as before)
_HOLD, _HOLD_CAPS = "\ue000", "\ue001"
_LEAD = re.compile(r"[\s\"'\u201c\u2018(\[]*")
#: words capitalised at the head of a sentence or clause, never the start of a name
_NOT_NAME = (
    r"(?!(?:The|A|An|This|That|These|Those|Its|It|Their|They|Our|We|His|He|Her|She|In|On|"
    r"At|For|With|By|As|After|Before|During|And|But|If|When|While|Since|Last|Next|Some|"
    r"Many|Both|All|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Several|Each)\b)"
)
_CAP = r"[A-Z][\w'\u2019\-]*"
#: a run of capitalised words inside a sentence: "the United Kingdom", "Mischief Reef",
#: "Cape of Good Hope", "Freedom Shield", "Hope Not Hate"; not "China and Russia"
_NAME_RUN = re.compile(
    rf"(?<![\w'\u2019\-]){_NOT_NAME}(?P<n>[A-Z][a-z][\w'\u2019\-]*"
    r"(?:(?:\s+(?:of|the|de|del|da|al|bin)){0,2}\s+[A-Z][a-z][\w'\u2019\-]*)+)"
)
#: ships, by prefix ("USS Ronald Reagan", "ROKS Sejong the Great") or after their type
#: ("the hospital ship Peace Ark", "the destroyer Admiral Vinogradov")
_SHIP_PREFIX = re.compile(rf"\b(?P<n>{SHIP_PREFIXES}(?:\s+(?:the\s+|of\s+)?{_CAP}){{1,5}})")
_SHIP_TYPE = re.compile(
    r"\b(?:ship|destroyer|frigate|corvette|cruiser|carrier|submarine|vessel|tanker|tug|"
    r"icebreaker|boat|flagship|warship)s?\s+"
    rf"(?P<n>{_CAP}(?:\s+(?:the\s+|of\s+)?{_CAP}){{0,3}})"
)
#: an exercise's name before its noun ("the Freedom Shield exercise", "Keen Sword drills")
#: or after "Operation"
_EXERCISE_NAME = re.compile(
    rf"(?<![\w'\u2019\-]){_NOT_NAME}(?P<n>{_CAP}(?:\s+{_CAP}){{0,3}})(?=\s+(?:exercises?|drills?|"
    r"war\s*games|manoeuvres|maneuvers)\b)"
)
_OPERATION = re.compile(rf"\b(?P<n>Operation\s+{_CAP}(?:\s+{_CAP}){{0,2}})")
_NAME_RULES = (_SHIP_PREFIX, _SHIP_TYPE, _EXERCISE_NAME, _OPERATION)


def _title_case(text: str) -> bool:
    """Tell a headline in title case or capitals.

    None of its words of four letters or more is in lower case, short prepositions apart
    ("Russia Sails with China").
    """
    words = [w for w in re.findall(r"[A-Za-z][\w'\-]*", text) if len(w) > 3]
    return len(words) >= 3 and not any(w[0].islower() and w not in _SMALL_WORDS for w in words)


_SMALL_WORDS = frozenset(
    "with from into over than that upon onto near amid past after below under".split()
)


_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
#: a curly apostrophe inside a word: "aren’t", "China’s"
_IN_WORD_APOSTROPHE = re.compile(r"(?<=[^\W\d_])[\u2019\u2018\u02bc`](?=[^\W\d_])")
#: a dash written without spaces between two words ("drills—a clear threat—near")
_GLUED_DASH = re.compile(r"(?<=\w)[\u2013\u2014\u2015]+|[\u2013\u2014\u2015]+(?=\w)")
#: a word in markup on both sides: **threat**, __threat__
_MARKED = re.compile(r"(?<!\S)(\*\*?|__?)(\w[\w'-]*\w)\1(?=[\s.,;:!?)\"\u201d]|$)")


def straighten(text: str) -> str:
    """Return the text with its words as VADER's rules read them: apostrophes and dashes.

    VADER splits a sentence at spaces and knows its negations with a straight apostrophe
    ("isn't"): a curly one ("isn’t", "isnʼt", "isn`t") negated nothing, so the same
    sentence took the opposite sign in an outlet with curly quotes; a word joined to a
    dash ("threat—near") was no word of the lexicon. Apostrophes between letters are
    made straight and dashes between words get a space each side; nothing else changes
    (quotes and markup stay as written).

    Parameters
    ----------
    text
        A sentence.

    Returns
    -------
    str
        The sentence with those marks changed (the same object when there are none).

    Examples
    --------
    >>> straighten("Beijing isn’t happy—and says so.")
    "Beijing isn't happy — and says so."
    """
    if text.isascii() and "`" not in text:
        return text
    text = _IN_WORD_APOSTROPHE.sub("'", text)
    return _GLUED_DASH.sub(lambda m: f" {m.group()} ", text)


def typography(text: str) -> str:
    """Return the text as VADER's rules expect it: straight apostrophes, no markup.

    A curly apostrophe inside a word becomes a straight one ("aren’t" negates as
    "aren't" does), invisible characters (zero-width spaces, soft hyphens) go, and a
    word in markup on both sides loses it ("**threat**" scores as "threat"): VADER as
    published reads none of these. Quotes are kept: a word in quotes ("“significant”")
    is the source's word, and VADER as published leaves it unread; on the gold sets of
    real coverage, reading quoted words made sentence tone less accurate, as coders
    judge the outlet's tone, not the source's.

    Parameters
    ----------
    text
        A sentence.

    Returns
    -------
    str
        The sentence with those marks changed; nothing else is.

    Examples
    --------
    >>> typography("A serious “threat”; they aren’t **helpful**.")
    "A serious “threat”; they aren't helpful."
    """
    text = straighten(text.translate(_INVISIBLE))
    return _MARKED.sub(r"\2", text)


def _neutral_found(text: str, domain: str) -> str:
    neutral = load_domain(domain)["words"]
    seen: list[str] = []
    for token in text.split():
        w = token.strip(string.punctuation + "\u2019\u201c\u201d").lower()
        if w in neutral and w not in seen:
            seen.append(w)
    return "; ".join(f"{w} {neutral[w][0]:g}" for w in seen)


def domain_sensitivity(
    plain: pd.DataFrame,
    domain: pd.DataFrame,
    *,
    documents: pd.DataFrame | None = None,
    group_by: str | None = None,
    include_embeds: bool = False,
) -> pd.DataFrame:
    """How much each mean moves when names are masked and domain words are neutral.

    Parameters
    ----------
    plain, domain
        :func:`score` of the same sentences without and with ``domain``.
    documents, group_by
        With both, one row per group too.
    include_embeds
        Count embedded posts (``kind == "embed"``), as in :func:`aggregate`.

    Returns
    -------
    pandas.DataFrame
        :data:`SENSITIVITY_COLUMNS`, a row for ``level = "corpus"`` (unit ``"all"``), each
        ``"document"`` and each ``"group"``: the sentences scored both ways, the mean
        compound of each, ``shift = domain − plain`` and how many sentence labels changed.

    Examples
    --------
    >>> d = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1],
    ...                   "text": ["A destroyer sailed.", "The talks went well."]})
    >>> t = domain_sensitivity(score(d), score(d, domain="security"))
    >>> cols = ["level", "unit", "mean_compound", "mean_compound_domain", "n_label_changes"]
    >>> t[cols].values.tolist()[0]
    ['corpus', 'all', -0.0928, 0.1366, 1]
    """
    keys = ["doc_id", "sent_id"]
    check_columns("plain", plain, keys + ["compound", "label"])
    check_columns("domain", domain, keys + ["compound", "label"])
    check_bool("include_embeds", include_embeds)
    both = plain[keys + ["compound", "label"] + (["kind"] if "kind" in plain else [])].merge(
        domain[keys + ["compound", "label"]], on=keys, suffixes=("", "_domain")
    )
    both = corpus.in_scope(both, include_embeds)
    both = both[both["compound"].notna() & both["compound_domain"].notna()]
    both = both.assign(changed=both["label"] != both["label_domain"])
    units = [("corpus", both.assign(unit="all"))]
    units.append(("document", both.assign(unit=both["doc_id"].astype(str))))
    if group_by is not None:
        if documents is None:
            raise ParameterError("`group_by` needs `documents` (the corpus's documents table).")
        units.append(("group", both.assign(unit=group_of(both, documents, group_by))))
    rows = []
    for level, frame in units:
        for unit, grp in frame.groupby("unit", sort=True):
            n = len(grp)
            plain_mean = float(grp["compound"].mean())
            domain_mean = float(grp["compound_domain"].mean())
            rows.append(
                (level, str(unit), n, round(plain_mean, 6), round(domain_mean, 6),
                 round(domain_mean - plain_mean, 6), int(grp["changed"].sum()),
                 float(grp["changed"].mean()))
            )  # fmt: skip
    return pd.DataFrame(rows, columns=SENSITIVITY_COLUMNS).astype(
        {"n_sentences": "int64", "n_label_changes": "int64"}
    )


def label_changes(
    plain: pd.DataFrame, domain: pd.DataFrame, *, include_embeds: bool = True
) -> pd.DataFrame:
    """Return the sentences whose label differs between :func:`score` with and without domain.

    Parameters
    ----------
    plain
        :func:`score` of the sentences without ``domain`` (``doc_id, sent_id, compound,
        label, text`` are used).
    domain
        :func:`score` of the same sentences with ``domain`` (``doc_id, sent_id,
        compound, label, masked`` are used); sentences are paired by ``doc_id,
        sent_id``.
    include_embeds
        Keep the sentences of embedded posts (default). ``False``: the article's prose
        only (``plain``'s ``kind``), as :func:`domain_sensitivity` counts them with the
        same setting.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sent_id, compound, label, compound_domain, label_domain, masked, text``,
        sorted by ``doc_id, sent_id``.

    Examples
    --------
    >>> d = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "text": ["A destroyer sailed."]})
    >>> moved = label_changes(score(d), score(d, domain="security"))
    >>> moved[["label", "label_domain"]].values.tolist()
    [['negative', 'neutral']]
    """
    keys = ["doc_id", "sent_id"]
    check_columns("plain", plain, keys + ["compound", "label", "text"])
    check_columns("domain", domain, keys + ["compound", "label", "masked"])
    check_bool("include_embeds", include_embeds)
    kind = ["kind"] if "kind" in plain.columns else []
    both = plain[keys + ["compound", "label", "text", *kind]].merge(
        domain[keys + ["compound", "label", "masked"]], on=keys, suffixes=("", "_domain")
    )
    both = corpus.in_scope(both, include_embeds)
    both = both[both["label"] != both["label_domain"]].sort_values(keys, kind="stable")
    cols = keys + ["compound", "label", "compound_domain", "label_domain", "masked", "text"]
    return both[cols].reset_index(drop=True)
