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
    import yaml

    check_choice("domain", domain, list(DOMAINS))
    raw = yaml.safe_load(resources.data_path(f"neutral_{domain}.yaml").read_text("utf-8"))
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

    def compile_(items, flags=0):
        items = sorted(set(items), key=lambda a: (-len(a), a))
        if not items:
            return re.compile(r"(?!)")  # nothing to mask (the names domain has no phrases)
        body = "|".join(re.escape(a).replace("'", "['\u2019]") for a in items)
        return re.compile(r"(?<![\w\-])(?:" + body + r")(?![\w\-])", flags)

    return compile_(phrases, re.IGNORECASE), compile_(names)


def mask_names(
    texts: Sequence[str], *, domain: str = "security", gazetteer: pd.DataFrame | None = None
) -> tuple[list[str], list[str]]:
    """Replace names and fixed phrases by a word no lexicon rates, before scoring.

    Masked: the domain list's phrases ("third party", "Pacific Fleet"), then every alias
    of the gazetteer (actors and places: "United States", "South China Sea") and every
    exercise name of the event table ("Peace Mission", "Joint Sea"). Each becomes
    :data:`MASK_TOKEN`, so "United" (VADER +1.8) and "Peace" (+2.5) in names score 0
    while the sentence keeps its shape for VADER's rules.

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
    patterns = _domain_patterns(domain, gazetteer)
    out, found = [], []
    for text in texts:
        hits: list[str] = []
        for pattern in patterns:
            hits.extend(m.group(0) for m in pattern.finditer(text))
            text = pattern.sub(MASK_TOKEN, text)
        out.append(text)
        found.append("; ".join(hits))
    return out, found


_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
#: a curly apostrophe inside a word: "aren’t", "China’s"
_IN_WORD_APOSTROPHE = re.compile(r"(?<=\w)[\u2019\u2018](?=\w)")
#: a word in markup on both sides: **threat**, __threat__
_MARKED = re.compile(r"(?<!\S)(\*\*?|__?)(\w[\w'-]*\w)\1(?=[\s.,;:!?)\"\u201d]|$)")


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
    text = _IN_WORD_APOSTROPHE.sub("'", text.translate(_INVISIBLE))
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


def label_changes(plain: pd.DataFrame, domain: pd.DataFrame) -> pd.DataFrame:
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
    both = plain[keys + ["compound", "label", "text"]].merge(
        domain[keys + ["compound", "label", "masked"]], on=keys, suffixes=("", "_domain")
    )
    both = both[both["label"] != both["label_domain"]].sort_values(keys, kind="stable")
    cols = keys + ["compound", "label", "compound_domain", "label_domain", "masked", "text"]
    return both[cols].reset_index(drop=True)
