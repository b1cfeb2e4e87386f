"""Dictionary-based frame analysis with evidence, sourcing, hedging and measured accuracy.

A frame dictionary is a YAML file in the manner of quanteda's dictionaries::

    name: security
    description: Frames of coverage of military exercises and alliances.
    categories:
      threat:
        definition: The activity presented as danger, escalation, provocation.
        sources: ["Entman (1993)"]
        patterns: [escalat*, provocation, tensions, "=US", show of force, live-fire]

Pattern syntax (documented with examples in ``framelens/data/FRAMES.md``):

- a **word** matches a whole token, case-insensitively (``tensions``);
- a **glob**: ``*`` stands for any run of characters and ``?`` for one (``escalat*``);
- a **phrase**: words separated by spaces or hyphens match consecutive tokens, and a
  hyphen and a space are the same thing, so ``live-fire`` and ``live fire`` both match
  the text "live-fire" and the text "live fire". A one-word pattern never matches part of
  a hyphenated token ("fire" does not match "live-fire"; write ``*-fire`` for that);
- a leading ``=`` makes the pattern **case-sensitive** (``=US`` matches "US", not "us");
- straight and curly apostrophes are the same, and a possessive ``'s`` is ignored on both
  sides (``russia`` matches "Russia's").

Within one category overlapping matches count once (the longest, leftmost match wins,
so "united front" is one hit, not two); each category counts independently.

Every per-sentence function works on any subset of sentences (a partition); corpus-wide
results (profiles, co-occurrence, actor × frame) come from ``..._counts`` steps whose
outputs can be concatenated and summed, and a function that finishes from the sums.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import pandas as pd
import yaml

from . import corpus
from .errors import FramelensWarning, InputError, ParameterError
from .params import check_choice, check_columns, check_int, check_str_list, suggest
from .resources import data_path

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "ATTRIBUTION_COLUMNS",
    "FRAME_SENTENCE_COLUMNS",
    "HEDGING_COLUMNS",
    "HEDGING_MARKERS",
    "HIT_COLUMNS",
    "PROFILE_COLUMNS",
    "PROFILE_COUNT_COLUMNS",
    "SHIPPED",
    "SOURCE_TYPES",
    "STATE_MEDIA",
    "Dictionary",
    "actor_frame_counts",
    "agreement",
    "actor_frames",
    "attributions",
    "cooccurrence",
    "cooccurrence_counts",
    "dictionary_overlaps",
    "dictionary_table",
    "disagreements",
    "evaluate",
    "extend",
    "flow",
    "frame_kwic",
    "hedging",
    "hedging_counts",
    "hedging_documents",
    "label_coverage",
    "load_dictionary",
    "load_labels",
    "match",
    "plot_actor_frames",
    "plot_flow",
    "plot_profile",
    "plot_sources",
    "profile",
    "profile_counts",
    "term_hits",
]

#: names of the shipped dictionaries and their data files
SHIPPED = {"generic": "frames_generic.yaml", "security": "frames_security.yaml"}

HIT_COLUMNS = [
    "doc_id", "sent_id", "frame", "dictionary", "pattern", "term", "start", "end",
    "cue_strength", "status", "note",
]  # fmt: skip
FRAME_SENTENCE_COLUMNS = [
    "doc_id", "sent_id", "kind", "text", "frame", "dictionary", "matches", "n_hits",
    "cue_strength",
]  # fmt: skip
PROFILE_COUNT_COLUMNS = [
    "doc_id", "frame", "dictionary", "n_sentences", "n_frame_sentences", "n_strong_sentences",
    "n_hits", "n_words",
]  # fmt: skip
PROFILE_COLUMNS = [
    "frame", "dictionary", "n_sentences", "n_frame_sentences", "share_sentences",
    "n_strong_sentences", "share_strong", "n_hits", "n_words", "hits_per_1000_words",
]  # fmt: skip
ATTRIBUTION_COLUMNS = [
    "doc_id", "sent_id", "source", "source_type", "cue", "descriptor", "sent_ids", "start",
    "end", "text",
]  # fmt: skip
HEDGING_COLUMNS = [
    "doc_id", "sent_id", "kind", "n_words", "n_hedges", "n_certainty", "hedges", "certainty",
    "text",
]  # fmt: skip
SOURCE_TYPES = ["official", "state_media", "social_media", "expert", "unnamed", "other"]

# =======================================================================================
# dictionaries

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_GLOB_CHARS = set("*?")
_BAD_GLOB_CHARS = set("[]{}")
_TOP_KEYS = ("name", "description", "categories")
_CATEGORY_KEYS = ("definition", "sources", "patterns", "weak", "negatable", "answered_by")


@dataclass(frozen=True)
class Pattern:
    """One compiled dictionary pattern (a word, a glob or a phrase)."""

    text: str
    parts: tuple[str, ...]
    case_sensitive: bool
    line: int | None = None
    #: a weak cue counts only beside a second cue of its frame (see :func:`match`)
    weak: bool = False

    @property
    def kind(self) -> str:
        """``"word"``, ``"glob"`` or ``"phrase"``."""
        if len(self.parts) > 1:
            return "phrase"
        return "glob" if _GLOB_CHARS & set(self.parts[0]) else "word"

    @property
    def key(self) -> tuple[bool, tuple[str, ...]]:
        """Identity used to find the same pattern in two categories."""
        return (self.case_sensitive, self.parts)


@dataclass(frozen=True)
class Category:
    """A dictionary category: its name, definition, sources and patterns."""

    name: str
    definition: str
    sources: tuple[str, ...]
    patterns: tuple[Pattern, ...]
    line: int | None = None
    #: False: a negator does not cancel this frame's cues (denials are its evidence)
    negatable: bool = True
    #: words (globs) that make a cue after them the thing the activity answers, not the
    #: frame: "address security threats", "amid tensions"
    answered_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dictionary:
    """A frame dictionary: ``name``, ``description`` and ordered ``categories``.

    Made by :func:`load_dictionary`; immutable and picklable, so it can be sent to the
    worker processes of a distributed run.
    """

    name: str
    description: str
    categories: tuple[Category, ...]
    path: str = ""

    @property
    def frames(self) -> list[str]:
        """The category names in dictionary order."""
        return [c.name for c in self.categories]

    def category(self, name: str) -> Category:
        """Return the category ``name`` (:class:`ParameterError` naming the known ones)."""
        for c in self.categories:
            if c.name == name:
                return c
        raise ParameterError(
            f"frame {name!r} is not in dictionary {self.name!r}; its frames are "
            f"{self.frames}{suggest(name, self.frames)}."
        )


def _where(path: str, line: int | None) -> str:
    return f"{path}, line {line}" if line else path


def _normal(text: str, case_sensitive: bool) -> str:
    text = text.translate(_APOSTROPHES)
    if text.endswith("'s") and len(text) > 2:
        text = text[:-2]
    return text if case_sensitive else text.lower()


def _fill_ok(part: str) -> bool:
    """Return True if some filling of the wildcards makes ``part`` one non-punctuation token."""
    for filler in ("x", "a", "0", ""):
        probe = part.replace("*", filler).replace("?", filler or "x")
        if not probe:
            continue
        toks = list(corpus._TOKEN_RE.finditer(probe))
        if len(toks) == 1 and toks[0].group(0) == probe and toks[0].lastgroup != "punct":
            return True
    return False


def _compile_pattern(
    raw: Any, where: str, line: int | None, category: str, weak: bool = False
) -> Pattern:
    loc = _where(where, line)
    if not isinstance(raw, str):
        raise InputError(
            f"{loc}: pattern {raw!r} in category {category!r} must be a string "
            "(a word, a glob like escalat* or a phrase)."
        )
    text = raw.strip()
    case_sensitive = text.startswith("=")
    body = text[1:].strip() if case_sensitive else text
    if not body:
        raise InputError(f"{loc}: empty pattern {raw!r} in category {category!r}.")
    bad = sorted(_BAD_GLOB_CHARS & set(body))
    if bad:
        raise InputError(
            f"{loc}: invalid glob {raw!r} in category {category!r}: {''.join(bad)!r} is not "
            "supported (only * for any characters and ? for one character)."
        )
    words = body.translate(_APOSTROPHES).split()
    parts: list[str] = []
    for w in words:
        pieces = w.split("-") if w.strip("-") else [w]
        # "*-fire" stays one glob over a hyphenated token; "live-fire" becomes a phrase
        if len(pieces) > 1 and all(set(p) - _GLOB_CHARS for p in pieces):
            parts.extend(pieces)
        else:
            parts.append(w)
    for p in parts:
        if not (set(p) - _GLOB_CHARS):
            raise InputError(
                f"{loc}: invalid glob {raw!r} in category {category!r}: {p!r} is only "
                "wildcards and would match every word. Add letters (e.g. escalat*)."
            )
    parts = [_normal(p, case_sensitive) for p in parts]
    for p in parts:
        if not _fill_ok(p):
            warnings.warn(
                f"{loc}: pattern {raw!r} in category {category!r} can never match: "
                f"{p!r} is not one token for framelens.corpus.tokenize (tokens are words, "
                "numbers, @mentions, #hashtags or dotted abbreviations like U.S.).",
                FramelensWarning,
                stacklevel=4,
            )
            break
    return Pattern(
        raw if isinstance(raw, str) else str(raw), tuple(parts), case_sensitive, line, weak
    )


# ---------------------------------------------------------------------------------------
# reading YAML with line numbers


def _scalar(node: yaml.Node, where: str, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise InputError(
            f"{_where(where, node.start_mark.line + 1)}: {what} must be text, "
            f"got a {'list' if isinstance(node, yaml.SequenceNode) else 'mapping'}."
        )
    return str(node.value)


def _str_list(node: yaml.Node, where: str, what: str) -> list[tuple[str, int]]:
    if isinstance(node, yaml.ScalarNode):
        if node.tag.endswith(":null") or node.value == "":
            return []
        return [(str(node.value), node.start_mark.line + 1)]
    if not isinstance(node, yaml.SequenceNode):
        raise InputError(
            f"{_where(where, node.start_mark.line + 1)}: {what} must be a list, got a mapping."
        )
    out = []
    for item in node.value:
        if not isinstance(item, yaml.ScalarNode) or item.tag.endswith(":null"):
            raise InputError(
                f"{_where(where, item.start_mark.line + 1)}: every item of {what} must be "
                "text (quote it if it starts with a special character)."
            )
        out.append((str(item.value), item.start_mark.line + 1))
    return out


def _parse_yaml(text: str, where: str) -> dict[str, Any]:
    """Parse a dictionary YAML into plain data, keeping line numbers for every pattern."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "not valid YAML"
        raise InputError(f"{_where(where, line)}: not valid YAML ({problem}).") from None
    except yaml.YAMLError as exc:
        raise InputError(f"{where}: not valid YAML ({exc}).") from None
    if root is None:
        raise InputError(f"{where}: the file is empty (expected name, description, categories).")
    if not isinstance(root, yaml.MappingNode):
        raise InputError(
            f"{_where(where, root.start_mark.line + 1)}: a dictionary must be a mapping with "
            "the keys name, description and categories."
        )
    out: dict[str, Any] = {"categories": []}
    for knode, vnode in root.value:
        key = _scalar(knode, where, "a key")
        line = knode.start_mark.line + 1
        if key not in _TOP_KEYS:
            raise InputError(
                f"{_where(where, line)}: unknown key {key!r}; a dictionary has "
                f"{list(_TOP_KEYS)}{suggest(key, _TOP_KEYS)}."
            )
        if key in ("name", "description"):
            out[key] = _scalar(vnode, where, f"`{key}`")
            continue
        if not isinstance(vnode, yaml.MappingNode):
            raise InputError(
                f"{_where(where, vnode.start_mark.line + 1)}: `categories` must be a mapping "
                "of category name to its definition, sources and patterns."
            )
        out["categories_line"] = line
        seen: set[str] = set()
        for cnode, body in vnode.value:
            cname = _scalar(cnode, where, "a category name")
            cline = cnode.start_mark.line + 1
            if cname in seen:
                raise InputError(f"{_where(where, cline)}: category {cname!r} is defined twice.")
            seen.add(cname)
            cat: dict[str, Any] = {
                "name": cname, "line": cline, "definition": "", "sources": [], "patterns": [],
                "weak": [],
            }  # fmt: skip
            if isinstance(body, yaml.SequenceNode) or isinstance(body, yaml.ScalarNode):
                cat["patterns"] = _str_list(body, where, f"the patterns of {cname!r}")
            else:
                for k2, v2 in body.value:
                    key2 = _scalar(k2, where, "a key")
                    if key2 not in _CATEGORY_KEYS:
                        raise InputError(
                            f"{_where(where, k2.start_mark.line + 1)}: unknown key {key2!r} in "
                            f"category {cname!r}; a category has {list(_CATEGORY_KEYS)}"
                            f"{suggest(key2, _CATEGORY_KEYS)}."
                        )
                    if key2 == "definition":
                        cat["definition"] = _scalar(v2, where, f"the definition of {cname!r}")
                    elif key2 == "sources":
                        cat["sources"] = [
                            s for s, _ in _str_list(v2, where, f"the sources of {cname!r}")
                        ]
                    elif key2 == "negatable":
                        value = _scalar(v2, where, f"`negatable` of {cname!r}").lower()
                        if value not in ("true", "false"):
                            raise InputError(
                                f"{_where(where, v2.start_mark.line + 1)}: `negatable` of "
                                f"{cname!r} must be true or false, not {value!r}."
                            )
                        cat["negatable"] = value == "true"
                    elif key2 == "answered_by":
                        cat["answered_by"] = [
                            w for w, _ in _str_list(v2, where, f"`answered_by` of {cname!r}")
                        ]
                    elif key2 == "weak":
                        cat["weak"] = _str_list(v2, where, f"the weak cues of {cname!r}")
                    else:
                        cat["patterns"] = _str_list(v2, where, f"the patterns of {cname!r}")
            out["categories"].append(cat)
    return out


def _build(data: dict[str, Any], where: str) -> Dictionary:
    if not data.get("name"):
        raise InputError(f"{where}: the dictionary needs a `name` (e.g. name: my_frames).")
    if not data.get("categories"):
        raise InputError(
            f"{_where(where, data.get('categories_line'))}: the dictionary has no categories."
        )
    cats = []
    for c in data["categories"]:
        if not c["patterns"]:
            raise InputError(
                f"{_where(where, c['line'])}: category {c['name']!r} is empty (give it at "
                "least one pattern)."
            )
        pats = tuple(_compile_pattern(p, where, line, c["name"]) for p, line in c["patterns"])
        pats += tuple(
            _compile_pattern(p, where, line, c["name"], weak=True) for p, line in c.get("weak", [])
        )
        cats.append(
            Category(
                c["name"], c["definition"], tuple(c["sources"]), pats, c.get("line"),
                bool(c.get("negatable", True)), tuple(c.get("answered_by", ())),
            )
        )  # fmt: skip
    d = Dictionary(str(data["name"]), str(data.get("description", "")), tuple(cats), where)
    ov = dictionary_overlaps(d)
    if len(ov):
        listing = "; ".join(
            f"{p!r} in {sorted(g['frame'])}" for p, g in ov.groupby("pattern", sort=True)
        )
        warnings.warn(
            f"{where}: the same pattern is in more than one category (allowed; each category "
            f"counts it): {listing}. See framing.dictionary_overlaps().",
            FramelensWarning,
            stacklevel=3,
        )
    return d


def _from_mapping(mapping: Mapping[str, Any], where: str) -> dict[str, Any]:
    unknown = [k for k in mapping if k not in _TOP_KEYS]
    if unknown:
        raise InputError(f"{where}: unknown key(s) {unknown}; a dictionary has {list(_TOP_KEYS)}.")
    cats_in = mapping.get("categories") or {}
    if not isinstance(cats_in, Mapping):
        raise InputError(f"{where}: `categories` must be a mapping of name to patterns.")
    cats = []
    for name, body in cats_in.items():
        if isinstance(body, Mapping):
            bad = [k for k in body if k not in _CATEGORY_KEYS]
            if bad:
                raise InputError(f"{where}: unknown key(s) {bad} in category {name!r}.")
            pats, definition = body.get("patterns") or [], str(body.get("definition", ""))
            sources, weak = body.get("sources") or [], body.get("weak") or []
            negatable = bool(body.get("negatable", True))
            answered = body.get("answered_by") or []
        else:
            pats, definition, sources, weak, negatable = body or [], "", [], [], True
            answered = []
        if isinstance(pats, str):
            pats = [pats]
        if isinstance(weak, str):
            weak = [weak]
        if isinstance(sources, str):
            sources = [sources]
        cats.append(
            {"name": str(name), "line": None, "definition": definition,
             "sources": [str(s) for s in sources], "patterns": [(p, None) for p in pats],
             "weak": [(p, None) for p in weak], "negatable": negatable,
             "answered_by": [str(w) for w in answered]}
        )  # fmt: skip
    return {
        "name": mapping.get("name", "custom"),
        "description": mapping.get("description", ""),
        "categories": cats,
    }


@cache
def _shipped(name: str) -> Dictionary:
    path = data_path(SHIPPED[name])
    where = f"framelens/data/{path.name}"
    return _build(_parse_yaml(path.read_text(encoding="utf-8"), where), where)


def load_dictionary(source: str | Path | Mapping[str, Any] | Dictionary) -> Dictionary:
    """Load a frame dictionary: a shipped one by name, a YAML file, or a mapping.

    Parameters
    ----------
    source
        ``"generic"`` (Semetko & Valkenburg's news frames) or ``"security"``
        (security-coverage frames), a path to a YAML file in the same format, a mapping
        with the same keys, or a :class:`Dictionary` (returned as is).

    Returns
    -------
    Dictionary
        ``name``, ``description``, ``categories`` (each with ``definition``, ``sources``
        and compiled ``patterns``) and ``frames`` (the category names in order).

    Raises
    ------
    InputError
        The file is not valid YAML or not a valid dictionary: the message names the file,
        the line and the problem (unknown key, empty category, invalid glob…).
    ParameterError
        ``source`` is neither a shipped name nor an existing file.

    Warns
    -----
    FramelensWarning
        A pattern can never match a token, or the same pattern is in two categories.

    Examples
    --------
    >>> d = load_dictionary("security")
    >>> d.frames
    ['threat', 'cooperation', 'capability', 'rivalry', 'regional_concern', 'justification']
    >>> load_dictionary({"name": "mini", "categories": {"war": ["war*", "conflict"]}}).frames
    ['war']
    """
    if isinstance(source, Dictionary):
        return source
    if isinstance(source, Mapping):
        return _build(_from_mapping(source, "<dictionary mapping>"), "<dictionary mapping>")
    if not isinstance(source, str | Path) or str(source).strip() == "":
        raise ParameterError(
            f"`dictionary` must be {sorted(SHIPPED)} or a path to a YAML file, but "
            f"{source!r} was passed."
        )
    if isinstance(source, str) and source in SHIPPED:
        return _shipped(source)
    path = Path(source)
    if not path.is_file():
        raise ParameterError(
            f"`dictionary` {str(source)!r}: not a shipped dictionary {sorted(SHIPPED)} "
            f"and no such file{suggest(str(source), SHIPPED)} (relative paths start from "
            f"{Path.cwd()})."
        )
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid UTF-8 at byte offset {exc.start}.") from None
    return _build(_parse_yaml(text, str(path)), str(path))


def extend(
    dictionary: Dictionary | str | Path, cues: Mapping[str, Iterable[str]] | None
) -> Dictionary:
    """Return a copy of ``dictionary`` with extra patterns added to existing frames.

    Parameters
    ----------
    dictionary
        A :class:`Dictionary` or anything :func:`load_dictionary` takes.
    cues
        ``{frame: [pattern, ...]}``; a frame that is not in the dictionary is an error.

    Examples
    --------
    >>> d = extend("security", {"threat": ["menacing"]})
    >>> [p.text for p in d.category("threat").patterns][-1]
    'menacing'
    """
    d = load_dictionary(dictionary)
    if not cues:
        return d
    if not isinstance(cues, Mapping):
        raise ParameterError(
            f"`extra_cues` must be a mapping {{frame: [patterns]}}, but {cues!r} was passed."
        )
    for frame in cues:
        d.category(str(frame))  # raises with the known frames
    cats = []
    for c in d.categories:
        extra = check_str_list(f"extra_cues[{c.name!r}]", cues.get(c.name, []))
        new = tuple(_compile_pattern(p, "`extra_cues`", None, c.name) for p in extra)
        cats.append(
            Category(
                c.name,
                c.definition,
                c.sources,
                c.patterns + new,
                c.line,
                c.negatable,
                c.answered_by,
            )
        )
    return Dictionary(d.name, d.description, tuple(cats), d.path)


def dictionary_table(dictionary: Dictionary | str | Path) -> pd.DataFrame:
    """List every pattern of a dictionary, one row each.

    Returns
    -------
    pandas.DataFrame
        ``frame, pattern, kind`` (word, glob, phrase), ``case_sensitive``, ``line`` (in
        the YAML file; 0 when unknown), ``cue_strength`` (``"strong"``, or ``"weak"`` for
        the category's ``weak:`` cues, which count only beside a second cue).

    Examples
    --------
    >>> t = dictionary_table({"name": "m", "categories": {"a": ["live-fire", "=US"]}})
    >>> t[["pattern", "kind", "case_sensitive"]].values.tolist()
    [['live-fire', 'phrase', False], ['=US', 'word', True]]
    """
    d = load_dictionary(dictionary)
    rows = [
        (c.name, p.text, p.kind, p.case_sensitive, p.line or 0, "weak" if p.weak else "strong")
        for c in d.categories
        for p in c.patterns
    ]
    return pd.DataFrame(
        rows, columns=["frame", "pattern", "kind", "case_sensitive", "line", "cue_strength"]
    )


def dictionary_overlaps(dictionary: Dictionary | str | Path) -> pd.DataFrame:
    """Report patterns that are in more than one category (allowed, but worth knowing).

    Patterns are the same when they match the same tokens: ``live-fire`` and
    ``Live fire`` are one pattern.

    Returns
    -------
    pandas.DataFrame
        ``pattern, frame, line``: one row per (pattern, category) for every pattern found
        in two or more categories; empty when there is none.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     d = load_dictionary({"name": "m", "categories": {"a": ["ally"], "b": ["Ally"]}})
    >>> dictionary_overlaps(d).values.tolist()
    [['ally', 'a', 0], ['ally', 'b', 0]]
    """
    d = dictionary if isinstance(dictionary, Dictionary) else load_dictionary(dictionary)
    where: dict[tuple, list[tuple[str, str, int]]] = {}
    for c in d.categories:
        for p in c.patterns:
            entry = where.setdefault(p.key, [])
            if c.name not in [e[1] for e in entry]:
                entry.append((" ".join(p.parts) if " " in p.text or "-" in p.text else p.text,
                              c.name, p.line or 0))  # fmt: skip
    rows = []
    for entries in where.values():
        if len(entries) > 1:
            shown = entries[0][0].lstrip("=").strip().lower()
            rows.extend((shown, cat, line) for _, cat, line in entries)
    return pd.DataFrame(rows, columns=["pattern", "frame", "line"])


# =======================================================================================
# matching


def _glob_regex(part: str, case_sensitive: bool) -> re.Pattern[str]:
    body = "".join(".*" if ch == "*" else "." if ch == "?" else re.escape(ch) for ch in part)
    return re.compile(body + r"\Z", 0 if case_sensitive else re.IGNORECASE)


class _Matcher:
    """Compiled form of a dictionary: element tests cached per distinct token string."""

    def __init__(self, d: Dictionary):
        self.frames = d.frames
        # each element: (case_sensitive, part); patterns refer to element ids
        self.elements: list[tuple[bool, str]] = []
        self.element_re: list[re.Pattern[str] | None] = []
        ids: dict[tuple[bool, str], int] = {}
        self.singles: list[tuple[int, int, str]] = []  # (element, frame index, pattern)
        self.phrases: dict[int, list[tuple[tuple[int, ...], int, str]]] = {}
        for fi, c in enumerate(d.categories):
            for p in c.patterns:
                el = []
                for part in p.parts:
                    k = (p.case_sensitive, part)
                    if k not in ids:
                        ids[k] = len(self.elements)
                        self.elements.append(k)
                        self.element_re.append(
                            _glob_regex(part, p.case_sensitive) if _GLOB_CHARS & set(part) else None
                        )
                    el.append(ids[k])
                if len(el) == 1:
                    self.singles.append((el[0], fi, p.text))
                else:
                    self.phrases.setdefault(el[0], []).append((tuple(el), fi, p.text))
        self._cache: dict[str, frozenset[int]] = {}

    def elements_of(self, s: str) -> frozenset[int]:
        hit = self._cache.get(s)
        if hit is not None:
            return hit
        ci = _normal(s, True)
        lo = ci.lower()
        out = set()
        for i, (cs, part) in enumerate(self.elements):
            rx = self.element_re[i]
            target = ci if cs else lo
            if rx.match(target) if rx is not None else target == part:
                out.add(i)
        res = frozenset(out)
        self._cache[s] = res
        return res


#: words that negate a cue up to :data:`NEGATION_WINDOW` words after them ("did not pose
#: any threat"); a contraction ending in n't counts too
NEGATORS = frozenset(
    "not no never nor neither without none nothing nobody cannot hardly "
    "deny denies denied denying".split()
)
#: a negator followed by one of these does not negate ("not only", "no doubt")
_NEG_EXEMPT = frozenset("only just merely least less doubt".split())
#: words and marks that end a negation's scope
_SCOPE_BREAK = frozenset("but however although though while whereas yet unless except".split())
_SCOPE_PUNCT = frozenset(',;:()[]"\u201c\u201d\u2014\u2013')
NEGATION_WINDOW = 5
#: words before a cue in which an ``answered_by`` word makes it the thing answered
ANSWER_WINDOW = 3
#: status of a candidate cue (``term_hits``): only ``counted`` cues label a sentence
CUE_STATUS = ("counted", "negated", "in_name", "answered", "weak_alone")


def _negator(tok: str) -> bool:
    lo = tok.lower().translate(_APOSTROPHES)
    return lo in NEGATORS or lo.endswith("n't")


@cache
def _name_patterns() -> tuple[re.Pattern[str], ...]:
    """Names a cue inside of does not count: gazetteer aliases, exercise names, phrases."""
    from . import sentiment

    return sentiment._domain_patterns("security", None)


_TITLE_LOWER = frozenset("the and for with from into over amid near but nor".split())


def _headline(words: list[str]) -> bool:
    """Title case: every word of three letters or more (bar a few) starts upper-case."""
    long = [w for w in words if len(w) > 2 and w[:1].isalpha() and w.lower() not in _TITLE_LOWER]
    return len(long) >= 3 and not any(w[0].islower() for w in long)


def _context(
    found: list[tuple[int, str, int, int]],
    toks: list[tuple[int, int, str, str]],
    text: str,
    off: int,
    weak: frozenset[tuple[int, str]],
    negates: frozenset[tuple[int, str]],
    answers: dict[int, re.Pattern[str]] | None = None,
) -> list[tuple[int, str, int, int, str, str]]:
    """Give each kept hit its status and a note (the negator, the name, the lone cue)."""
    index = {t[0]: i for i, t in enumerate(toks)}
    ends = {t[1]: i for i, t in enumerate(toks)}
    words = [t[2] for t in toks if t[3] == "word"]
    title = _headline(words)
    spans = [
        (m.start() + off, m.end() + off, m.group(0))
        for rx in _name_patterns()
        for m in rx.finditer(text)
    ]
    first_word = next((i for i, t in enumerate(toks) if t[3] != "punct"), -1)

    def capital(i: int) -> bool:
        return 0 <= i < len(toks) and toks[i][3] in ("word", "abbr") and toks[i][2][:1].isupper()

    out = []
    for fi, pat, a, b in found:
        status, note = "counted", ""
        i, k = index.get(a), ends.get(b)
        name = next((n for x, y, n in spans if x <= a and b <= y and y - x > b - a), None)
        if name is not None:
            status, note = "in_name", name
        elif (
            not title
            and i is not None
            and k is not None
            and any(toks[j][2][:1].isupper() for j in range(i, k + 1))
            and (capital(k + 1) or (i - 1 != first_word and capital(i - 1)))
        ):
            lo = i - 1 if i - 1 != first_word and capital(i - 1) else i
            hi = k + 1 if capital(k + 1) else k
            while lo - 1 > first_word and capital(lo - 1):
                lo -= 1
            while capital(hi + 1):
                hi += 1
            status, note = "in_name", text[toks[lo][0] - off : toks[hi][1] - off]
        elif i is not None and (fi, pat) not in negates:
            seen = 0
            for j in range(i - 1, -1, -1):
                tok, ty = toks[j][2], toks[j][3]
                if ty == "punct":
                    if tok in _SCOPE_PUNCT or tok in ".!?":
                        break
                    continue
                if tok.lower() in _SCOPE_BREAK:
                    break
                if _negator(tok) and not (
                    j + 1 < len(toks) and toks[j + 1][2].lower() in _NEG_EXEMPT
                ):
                    status, note = "negated", tok
                    break
                seen += 1
                if seen >= NEGATION_WINDOW:
                    break
        if status == "counted" and i is not None and answers and fi in answers:
            seen = 0
            for j in range(i - 1, -1, -1):
                tok, ty = toks[j][2], toks[j][3]
                if ty == "punct" or tok.lower() in _SCOPE_BREAK:
                    break
                if answers[fi].match(tok):
                    status, note = "answered", tok
                    break
                seen += 1
                if seen >= ANSWER_WINDOW:
                    break
        out.append((fi, pat, a, b, status, note))
    # a weak cue needs a second counted cue (another pattern) of its frame in the sentence
    by_frame: dict[int, set[str]] = {}
    for fi, pat, _a, _b, status, _n in out:
        if status == "counted":
            by_frame.setdefault(fi, set()).add(pat)
    res = []
    for fi, pat, a, b, status, note in out:
        if status == "counted" and (fi, pat) in weak and len(by_frame[fi]) < 2:
            status, note = "weak_alone", "no second cue of this frame"
        res.append((fi, pat, a, b, status, note))
    return res


def _scan(sentences: pd.DataFrame, d: Dictionary, context: bool = False) -> list[tuple]:
    """Return hits as tuples (row, frame index, pattern, term, start, end, weak, status, note).

    Without ``context`` every hit is ``counted``; with it, cues in a negation's scope, cues
    inside a name and weak cues without a second cue of their frame get their status.
    """
    if len(sentences) == 0:
        return []
    m = _Matcher(d)
    weak = frozenset(
        (fi, p.text) for fi, c in enumerate(d.categories) for p in c.patterns if p.weak
    )
    answers = {
        fi: re.compile(
            "(?:" + "|".join(_glob_regex(w, False).pattern for w in c.answered_by) + ")",
            re.IGNORECASE,
        )
        for fi, c in enumerate(d.categories)
        if c.answered_by
    }
    negates = frozenset(
        (fi, p.text)
        for fi, c in enumerate(d.categories)
        for p in c.patterns
        if not c.negatable or _negator(p.parts[0])
    )
    single_by_el: dict[int, list[tuple[int, str]]] = {}
    for el, fi, pat in m.singles:
        single_by_el.setdefault(el, []).append((fi, pat))
    toks = corpus.tokenize(sentences[["doc_id", "sent_id", "start", "text"]])
    t_doc = toks["doc_id"].tolist()
    t_sent = toks["sent_id"].tolist()
    t_start = toks["start"].tolist()
    t_end = toks["end"].tolist()
    t_tok = toks["token"].tolist()
    t_type = toks["type"].tolist()
    n_tok = len(t_tok)
    hits: list[tuple] = []
    empty: frozenset[int] = frozenset()
    phrase_firsts = frozenset(m.phrases)
    # per distinct (token, type): single-pattern hits, pieces (length, elements), can start
    info: dict[tuple[str, str], tuple[tuple, tuple, bool]] = {}
    pos = 0
    for row, (doc_id, sent_id, s_start, text) in enumerate(
        zip(sentences["doc_id"], sentences["sent_id"], sentences["start"], sentences["text"],
            strict=True)
    ):  # fmt: skip
        limit = int(s_start) + len(str(text))
        # parts: (elements, start, end, first-of-token, last-of-token); punctuation has none
        parts: list[tuple[frozenset[int], int, int, bool, bool]] = []
        found: list[tuple[int, str, int, int]] = []  # frame, pattern, start, end
        tok0 = pos
        starts_phrase = False
        while (
            pos < n_tok and t_doc[pos] == doc_id and t_sent[pos] == sent_id and t_start[pos] < limit
        ):
            tok, ts, te, ty = t_tok[pos], t_start[pos], t_end[pos], t_type[pos]
            pos += 1
            if ty == "punct":
                parts.append((empty, ts, te, True, True))
                continue
            cached = info.get((tok, ty))
            if cached is None:
                singles = tuple(h for el in m.elements_of(tok) for h in single_by_el.get(el, ()))
                split = tok.split("-") if ty == "word" and "-" in tok else [tok]
                pieces = tuple((len(p), m.elements_of(p)) for p in split)
                can = any(e & phrase_firsts for _, e in pieces)
                cached = info[(tok, ty)] = (singles, pieces, can)
            singles, pieces, can = cached
            for fi, pat in singles:
                found.append((fi, pat, ts, te))
            starts_phrase = starts_phrase or can
            off, last = ts, len(pieces) - 1
            for k, (n, els) in enumerate(pieces):
                parts.append((els, off, off + n, k == 0, k == last))
                off += n + 1
        if starts_phrase:
            for i, part in enumerate(parts):
                if not part[3] or not (part[0] & phrase_firsts):
                    continue
                for first in part[0] & phrase_firsts:
                    for seq, fi, pat in m.phrases[first]:
                        j = i + len(seq) - 1
                        if j >= len(parts) or not parts[j][4]:
                            continue
                        if all(seq[k] in parts[i + k][0] for k in range(1, len(seq))):
                            found.append((fi, pat, part[1], parts[j][2]))
        if not found:
            continue
        # within a frame, overlapping matches count once: longest, then leftmost
        found.sort(key=lambda h: (h[0], -(h[3] - h[2]), h[2], h[1]))
        kept: list[tuple[int, str, int, int]] = []
        taken: dict[int, list[tuple[int, int]]] = {}
        for fi, pat, a, b in found:
            spans = taken.setdefault(fi, [])
            if any(a < y and x < b for x, y in spans):
                continue
            spans.append((a, b))
            kept.append((fi, pat, a, b))
        off = int(s_start)
        kept.sort(key=lambda h: (h[0], h[2]))
        if context:
            toks = list(
                zip(t_start[tok0:pos], t_end[tok0:pos], t_tok[tok0:pos], t_type[tok0:pos],
                    strict=True)
            )  # fmt: skip
            judged = _context(kept, toks, str(text), off, weak, negates, answers)
        else:
            judged = [(fi, pat, a, b, "counted", "") for fi, pat, a, b in kept]
        for fi, pat, a, b, status, note in judged:
            term = str(text)[a - off : b - off]
            hits.append((row, fi, pat, term, a, b, (fi, pat) in weak, status, note))
    return hits


def _check_sentences(sentences: Any, required=("doc_id", "sent_id", "start", "text")) -> None:
    if not isinstance(sentences, pd.DataFrame):
        raise ParameterError(
            f"`sentences` must be a pandas DataFrame (from corpus.segment), but "
            f"{type(sentences).__name__} was passed."
        )
    check_columns("sentences", sentences, required)


def term_hits(
    sentences: pd.DataFrame, dictionary: Dictionary | str | Path, *, context: bool = True
) -> pd.DataFrame:
    """Find every dictionary match in the sentences, one row per matched term.

    Parameters
    ----------
    sentences
        Sentences from :func:`framelens.corpus.segment` (any subset of documents).
    dictionary
        A :class:`Dictionary` or anything :func:`load_dictionary` takes.
    context
        Judge each cue in its sentence (default; see :func:`match`). ``False`` counts
        every match, as a plain dictionary count does.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sent_id, frame, dictionary, pattern, term, start, end, cue_strength,
        status, note``: ``pattern`` is the dictionary entry that matched, ``term`` the
        text as written and ``start``/``end`` its offsets into the document;
        ``cue_strength`` is ``"strong"`` or ``"weak"`` (the category's ``weak:`` list);
        ``status`` is ``counted`` or why the cue does not count: ``negated`` (``note``:
        the negator), ``in_name`` (``note``: the name), ``answered`` (``note``: the
        word, e.g. "address") or ``weak_alone``. Sorted by
        ``doc_id, sent_id``, then frame in dictionary order, then ``start``.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0],
    ...                   "text": ["Live fire drills raised tensions."]})
    >>> term_hits(s, "security")[["frame", "pattern", "term", "start"]].values.tolist()
    [['threat', 'tension*', 'tensions', 24], ['capability', 'live-fire', 'Live fire', 0]]
    >>> s.loc[0, "text"] = "The Joint Staff Office said the drills did not pose any threat."
    >>> term_hits(s, "security")[["term", "status", "note"]].values.tolist()
    [['threat', 'negated', 'not'], ['Joint', 'in_name', 'Joint Staff Office']]
    """
    _check_sentences(sentences)
    d = load_dictionary(dictionary)
    hits = _scan(sentences, d, context)
    if not hits:
        return _empty(HIT_COLUMNS, ["sent_id", "start", "end"])
    rows = [i for i, *_ in hits]
    out = pd.DataFrame(
        {
            "doc_id": sentences["doc_id"].to_numpy()[rows],
            "sent_id": sentences["sent_id"].to_numpy()[rows].astype("int64"),
            "frame": [d.frames[h[1]] for h in hits],
            "dictionary": d.name,
            "pattern": [h[2] for h in hits],
            "term": [h[3] for h in hits],
            "start": [h[4] for h in hits],
            "end": [h[5] for h in hits],
            "cue_strength": ["weak" if h[6] else "strong" for h in hits],
            "status": [h[7] for h in hits],
            "note": [h[8] for h in hits],
        }
    )
    return _sort(out, d, ["doc_id", "sent_id", "frame", "start"])


def _sort(frame: pd.DataFrame, d: Dictionary, keys: list[str]) -> pd.DataFrame:
    order = {f: i for i, f in enumerate(d.frames)}
    return frame.sort_values(
        keys, key=lambda col: col.map(order) if col.name == "frame" else col, kind="stable"
    ).reset_index(drop=True)


def match(
    sentences: pd.DataFrame, dictionary: Dictionary | str | Path, *, context: bool = True
) -> pd.DataFrame:
    """Label sentences with frames, one row per (sentence, frame) with its evidence.

    Parameters
    ----------
    sentences
        Sentences from :func:`framelens.corpus.segment` (any subset of documents; works
        per partition).
    dictionary
        A :class:`Dictionary` or anything :func:`load_dictionary` takes.
    context
        Judge each cue in its sentence (default). A cue does not count when it is

        - in a negation's scope: one of :data:`NEGATORS` (or a word ending in n't) at
          most :data:`NEGATION_WINDOW` words before it in the same clause ("did not pose
          any threat"; "not only" does not negate, and a pattern that itself begins with
          a negator, such as "not aimed at", is never negated);
        - inside a name: an actor, place or exercise name of the gazetteer and event
          table, a fixed phrase of the security domain list ("Joint Staff Office",
          "regular press conference"), or a run of capitalised words around a capitalised
          cue ("Peace Mission", "Shanghai Cooperation Organisation"; not in title-case
          headlines);
        - answered: an ``answered_by`` word of its category at most
          :data:`ANSWER_WINDOW` words before it ("to address security threats", "amid
          tensions": what the activity answers is not the threat frame);
        - a weak cue (the category's ``weak:`` list, e.g. "joint" or a platform noun)
          with no second counted cue of another pattern of its frame in the sentence.

        ``False`` counts every match (the plain dictionary count). :func:`term_hits`
        lists every cue with its status.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sent_id, kind, text, frame, dictionary, matches, n_hits, cue_strength``:
        one row per sentence carrying the frame; ``matches`` lists the counted terms with
        their document offsets (``"escalation@120-130; tensions@200-208"``), ``n_hits``
        counts them; ``cue_strength`` is ``"strong"`` when a strong cue is among them and
        ``"weak"`` when only weak cues (two or more) carry the frame. Sentences with no
        frame have no row. Sorted by ``doc_id, sent_id``, then frame in dictionary order.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "start": [0, 20],
    ...                   "kind": ["prose", "prose"],
    ...                   "text": ["Tensions escalated.", "Joint patrols began."]})
    >>> match(s, "security")[["sent_id", "frame", "matches"]].values.tolist()
    [[0, 'threat', 'Tensions@0-8; escalated@9-18'], [1, 'capability', 'patrols@26-33']]
    >>> match(s, "security", context=False)[["sent_id", "frame", "matches"]].values.tolist()
    [[0, 'threat', 'Tensions@0-8; escalated@9-18'], [1, 'cooperation', 'Joint@20-25'], \
[1, 'capability', 'patrols@26-33']]
    """
    _check_sentences(sentences)
    d = load_dictionary(dictionary)
    hits = [h for h in _scan(sentences, d, context) if h[7] == "counted"]
    if not hits:
        return _empty(FRAME_SENTENCE_COLUMNS, ["sent_id", "n_hits"])
    # hits come grouped by sentence row, then frame, then start: join each run
    rows: list[int] = []
    frames: list[str] = []
    evidence: list[str] = []
    counts: list[int] = []
    strong: list[bool] = []
    key = None
    for row, fi, _pat, term, a, b, weak, _status, _note in hits:
        if (row, fi) != key:
            key = (row, fi)
            rows.append(row)
            frames.append(d.frames[fi])
            evidence.append(f"{term}@{a}-{b}")
            counts.append(1)
            strong.append(not weak)
        else:
            evidence[-1] += f"; {term}@{a}-{b}"
            counts[-1] += 1
            strong[-1] = strong[-1] or not weak
    kinds = (
        sentences["kind"].to_numpy()[rows] if "kind" in sentences.columns else ["prose"] * len(rows)
    )
    out = pd.DataFrame(
        {
            "doc_id": sentences["doc_id"].to_numpy()[rows],
            "sent_id": sentences["sent_id"].to_numpy()[rows].astype("int64"),
            "kind": kinds,
            "text": sentences["text"].to_numpy()[rows],
            "frame": frames,
            "dictionary": d.name,
            "matches": evidence,
            "n_hits": pd.array(counts, dtype="int64"),
            "cue_strength": ["strong" if x else "weak" for x in strong],
        }
    )
    return _sort(out, d, ["doc_id", "sent_id", "frame"])


def frame_kwic(
    sentences: pd.DataFrame,
    dictionary: Dictionary | str | Path,
    frame: str,
    *,
    window: int = 5,
) -> pd.DataFrame:
    """Keywords in context for every pattern of one frame (via :func:`framelens.stats.kwic`).

    Each dictionary pattern is passed to the text-statistics KWIC as a glob; a phrase
    written with hyphens or spaces is searched in both spellings ("live-fire" and
    "live fire"). KWIC matches whole tokens, so a possessive ("Russia's") is found only by
    a glob (``russia*``).

    Returns
    -------
    pandas.DataFrame
        ``frame, pattern, doc_id, sent_id, left, match, right, start, end, kind``:
        ``pattern`` is the dictionary pattern, the other columns those of
        :func:`framelens.stats.kwic`; sorted by ``doc_id, start``.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "end": [25],
    ...                   "kind": ["prose"], "text": ["Live fire drills escalate."]})
    >>> k = frame_kwic(s, "security", "capability", window=2)
    >>> k[["pattern", "match", "right"]].values.tolist()
    [['live-fire', 'Live fire', 'drills escalate']]
    """
    from .stats import kwic

    d = load_dictionary(dictionary)
    cat = d.category(frame)
    window = check_int("window", window, min_value=0, max_value=50)
    cols = ["frame", "pattern", "doc_id", "sent_id", "left", "match", "right", "start", "end",
            "kind"]  # fmt: skip
    parts = []
    for case_sensitive in (False, True):
        variants: dict[str, str] = {}
        for p in cat.patterns:
            if p.case_sensitive != case_sensitive:
                continue
            for v in {" ".join(p.parts), "-".join(p.parts)}:
                variants.setdefault(v, p.text)
        if not variants or sentences.empty:
            continue
        with warnings.catch_warnings():  # a frame without hits is an empty table here
            warnings.simplefilter("ignore", FramelensWarning)
            k = kwic(sentences, sorted(variants), window=window, mode="glob",
                     case_sensitive=case_sensitive)  # fmt: skip
        if len(k):
            k = k.assign(frame=frame, pattern=k["pattern"].map(variants))
            parts.append(k)
    if not parts:
        return _empty(cols, ["sent_id", "start", "end"])
    out = pd.concat(parts, ignore_index=True)
    if "kind" not in out.columns:
        out["kind"] = ""
    out = out.drop_duplicates(["doc_id", "start", "end", "pattern"])
    return (
        out[cols].sort_values(["doc_id", "start", "pattern"], kind="stable").reset_index(drop=True)
    )


# =======================================================================================
# profiles, co-occurrence, flow, actors (partial counts that sum across partitions)


def _empty(columns: list[str], ints: Iterable[str] = ()) -> pd.DataFrame:
    ints = set(ints)
    return pd.DataFrame({c: pd.Series(dtype="int64" if c in ints else "str") for c in columns})


def _sentence_words(sentences: pd.DataFrame) -> pd.Series:
    return sentences["text"].map(lambda t: len(corpus.words(str(t)))).astype("int64")


def profile_counts(
    sentences: pd.DataFrame,
    frame_sentences: pd.DataFrame,
    dictionary: Dictionary | str | Path,
) -> pd.DataFrame:
    """Count, per document and frame, the partial sums behind a frame profile.

    The output of several partitions can be concatenated and passed to :func:`profile`
    (which sums it), so the profile of a corpus is the same however it was split.

    Parameters
    ----------
    sentences
        The sentences of some documents (from :func:`framelens.corpus.segment`).
    frame_sentences
        :func:`match` on those sentences.
    dictionary
        The dictionary used for ``frame_sentences`` (its frames give the rows).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, frame, dictionary, n_sentences, n_frame_sentences, n_strong_sentences,
        n_hits, n_words``: one row per (document, frame), zeros included;
        ``n_strong_sentences`` counts the frame's sentences carried by a strong cue (the
        others rest on weak cues only); ``n_sentences`` and ``n_words`` are the document's
        totals (words as :func:`framelens.corpus.words` counts them).

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "start": [0, 20],
    ...                   "text": ["Tensions escalated.", "Ships sailed."]})
    >>> c = profile_counts(s, match(s, "security"), "security")
    >>> cols = ["n_sentences", "n_frame_sentences", "n_hits", "n_words"]
    >>> c.loc[c.frame == "threat", cols].values.tolist()
    [[2, 1, 2, 4]]
    """
    _check_sentences(sentences, ("doc_id", "sent_id", "text"))
    check_columns("frame_sentences", frame_sentences, ["doc_id", "sent_id", "frame", "n_hits"])
    d = load_dictionary(dictionary)
    if len(sentences) == 0:
        return _empty(PROFILE_COUNT_COLUMNS, PROFILE_COUNT_COLUMNS[3:])
    per_doc = (
        sentences[["doc_id"]]
        .assign(n_words=_sentence_words(sentences), n_sentences=1)
        .groupby("doc_id", sort=True)[["n_sentences", "n_words"]]
        .sum()
    )
    grid = pd.MultiIndex.from_product([per_doc.index, d.frames], names=["doc_id", "frame"])
    fs = frame_sentences[frame_sentences["doc_id"].isin(per_doc.index)]
    strong = fs["cue_strength"] != "weak" if "cue_strength" in fs.columns else True
    agg = (
        fs.assign(n_frame_sentences=1, n_strong_sentences=strong)
        .groupby(["doc_id", "frame"])[["n_frame_sentences", "n_strong_sentences", "n_hits"]]
        .sum()
        .reindex(grid, fill_value=0)
        .reset_index()
    )
    out = agg.merge(per_doc.reset_index(), on="doc_id", how="left")
    out["dictionary"] = d.name
    out = out[PROFILE_COUNT_COLUMNS].astype({c: "int64" for c in PROFILE_COUNT_COLUMNS[3:]})
    return _sort(out, d, ["doc_id", "frame"])


def _group_keys(
    counts: pd.DataFrame, documents: pd.DataFrame | None, by: str
) -> tuple[pd.DataFrame, str]:
    if by == "doc_id":
        return counts, by
    if documents is None:
        raise ParameterError(
            f"`by` {by!r} needs the documents frame (documents=...) to look the groups up."
        )
    if by not in documents.columns:
        raise ParameterError(
            f"`by` {by!r} is not a column of the documents; they have "
            f"{list(documents.columns)}{suggest(by, [str(c) for c in documents.columns])}."
        )
    groups = documents[["doc_id", by]].drop_duplicates("doc_id").copy()
    groups[by] = groups[by].astype(str).replace("", "(none)")
    counts = counts.merge(groups, on="doc_id", how="left")
    counts[by] = counts[by].fillna("(none)")
    return counts, by


def profile(
    counts: pd.DataFrame,
    *,
    documents: pd.DataFrame | None = None,
    by: str = "doc_id",
) -> pd.DataFrame:
    """Finish a frame profile from summed :func:`profile_counts` (per document or group).

    Parameters
    ----------
    counts
        :func:`profile_counts` of one or more partitions, concatenated.
    documents
        The documents frame; needed when ``by`` is a metadata column (e.g. ``"source"``).
        Documents with no sentences then appear with zero counts and NaN shares.
    by
        ``"doc_id"`` (default) or a column of ``documents`` to group by (an empty value
        becomes ``"(none)"``).

    Returns
    -------
    pandas.DataFrame
        ``<by>, frame, dictionary, n_sentences, n_frame_sentences, share_sentences,
        n_strong_sentences, share_strong, n_hits, n_words, hits_per_1000_words``:
        ``share_sentences`` = ``n_frame_sentences / n_sentences`` (NaN with no sentences);
        ``share_strong`` = ``n_strong_sentences / n_frame_sentences``, the part of the
        frame's sentences resting on strong evidence (NaN when the frame has none);
        ``hits_per_1000_words`` = ``1000 * n_hits / n_words`` (NaN with no words).

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "start": [0, 20],
    ...                   "text": ["Tensions escalated.", "Ships sailed."]})
    >>> p = profile(profile_counts(s, match(s, "security"), "security"))
    >>> p.loc[p.frame == "threat", ["share_sentences", "hits_per_1000_words"]].values.tolist()
    [[0.5, 500.0]]
    """
    check_columns("counts", counts, PROFILE_COUNT_COLUMNS)
    if not isinstance(by, str):
        raise ParameterError(f"`by` must be a column name, but {by!r} was passed.")
    frames_order = list(dict.fromkeys(counts["frame"]))
    c = counts
    if documents is not None and by == "doc_id":
        check_columns("documents", documents, ["doc_id"])
    if documents is not None and len(counts):
        missing = sorted(set(documents["doc_id"]) - set(counts["doc_id"]))
        if missing:
            fill = pd.DataFrame(
                [(doc, f, counts["dictionary"].iloc[0], 0, 0, 0, 0, 0)
                 for doc in missing for f in frames_order],
                columns=PROFILE_COUNT_COLUMNS,
            )  # fmt: skip
            c = pd.concat([c, fill], ignore_index=True)
    c, key = _group_keys(c, documents, by)
    ints = ["n_sentences", "n_frame_sentences", "n_strong_sentences", "n_hits", "n_words"]
    if c.empty:
        return _empty([key] + PROFILE_COLUMNS, ints)
    # n_sentences and n_words are per-document totals repeated on every frame row
    g = c.groupby([key, "frame", "dictionary"], sort=False)[ints].sum().reset_index()
    g["share_sentences"] = g["n_frame_sentences"] / g["n_sentences"].where(g["n_sentences"] > 0)
    g["share_strong"] = g["n_strong_sentences"] / g["n_frame_sentences"].where(
        g["n_frame_sentences"] > 0
    )
    g["hits_per_1000_words"] = 1000 * g["n_hits"] / g["n_words"].where(g["n_words"] > 0)
    g = g.astype({i: "int64" for i in ints})
    order = {f: i for i, f in enumerate(frames_order)}
    g = g.sort_values([key, "frame"], key=lambda s: s.map(order) if s.name == "frame" else s)
    return g[[key] + PROFILE_COLUMNS].reset_index(drop=True)


def cooccurrence_counts(frame_sentences: pd.DataFrame) -> pd.DataFrame:
    """Count sentences that carry each pair of frames (partial, summable counts).

    Returns
    -------
    pandas.DataFrame
        ``frame_a, frame_b, n_sentences``: both orders of every pair and the diagonal
        (``frame_a == frame_b``: sentences carrying that frame), sorted by the frames.

    Examples
    --------
    >>> fs = pd.DataFrame({"doc_id": ["a", "a", "a"], "sent_id": [0, 0, 1],
    ...                    "frame": ["threat", "rivalry", "threat"]})
    >>> cooccurrence_counts(fs).values.tolist()
    [['rivalry', 'rivalry', 1], ['rivalry', 'threat', 1], ['threat', 'rivalry', 1], \
['threat', 'threat', 2]]
    """
    check_columns("frame_sentences", frame_sentences, ["doc_id", "sent_id", "frame"])
    cols = ["frame_a", "frame_b", "n_sentences"]
    if frame_sentences.empty:
        return _empty(cols, ["n_sentences"])
    f = frame_sentences[["doc_id", "sent_id", "frame"]].drop_duplicates()
    pairs = f.merge(f, on=["doc_id", "sent_id"], suffixes=("_a", "_b"))
    out = pairs.groupby(["frame_a", "frame_b"]).size().rename("n_sentences").reset_index()
    return out.astype({"n_sentences": "int64"})[cols]


def cooccurrence(counts: pd.DataFrame) -> pd.DataFrame:
    """Finish frame co-occurrence from summed :func:`cooccurrence_counts`.

    Returns
    -------
    pandas.DataFrame
        ``frame_a, frame_b, n_sentences, n_a, n_b, jaccard``: sentences carrying both,
        each frame's own sentence count, and ``n / (n_a + n_b - n)``; pairs with
        ``frame_a < frame_b`` only.

    Examples
    --------
    >>> fs = pd.DataFrame({"doc_id": ["a", "a", "a"], "sent_id": [0, 0, 1],
    ...                    "frame": ["threat", "rivalry", "threat"]})
    >>> cooccurrence(cooccurrence_counts(fs)).values.tolist()
    [['rivalry', 'threat', 1, 1, 2, 0.5]]
    """
    check_columns("counts", counts, ["frame_a", "frame_b", "n_sentences"])
    cols = ["frame_a", "frame_b", "n_sentences", "n_a", "n_b", "jaccard"]
    s = counts.groupby(["frame_a", "frame_b"], as_index=False)["n_sentences"].sum()
    diag = s[s.frame_a == s.frame_b].set_index("frame_a")["n_sentences"]
    pairs = s[s.frame_a < s.frame_b].copy()
    if pairs.empty:
        return _empty(cols, ["n_sentences", "n_a", "n_b"]).astype({"jaccard": "float64"})
    pairs["n_a"] = pairs["frame_a"].map(diag).astype("int64")
    pairs["n_b"] = pairs["frame_b"].map(diag).astype("int64")
    pairs["jaccard"] = pairs["n_sentences"] / (pairs["n_a"] + pairs["n_b"] - pairs["n_sentences"])
    return pairs[cols].sort_values(["frame_a", "frame_b"]).reset_index(drop=True)


def flow(
    sentences: pd.DataFrame,
    frame_sentences: pd.DataFrame,
    dictionary: Dictionary | str | Path,
) -> pd.DataFrame:
    """Trace frames through each article, paragraph by paragraph (per document).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, para_id, kind, frame, n_sentences, n_frame_sentences,
        share_sentences, sent_ids``: one row per (document, paragraph, frame), zeros
        included; ``kind`` is the paragraph's kind (``prose`` or ``embed``; ``prose``
        when the sentences have no ``kind`` column); ``sent_ids`` lists the sentences
        that carry the frame (the evidence).

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "para_id": [0, 1], "sent_id": [0, 1],
    ...                   "start": [0, 20], "text": ["Tensions escalated.", "Ships sailed."]})
    >>> f = flow(s, match(s, "security"), "security")
    >>> f.loc[f.frame == "threat", ["para_id", "n_frame_sentences", "sent_ids"]].values.tolist()
    [[0, 1, '0'], [1, 0, '']]
    """
    _check_sentences(sentences, ("doc_id", "para_id", "sent_id"))
    check_columns("frame_sentences", frame_sentences, ["doc_id", "sent_id", "frame"])
    d = load_dictionary(dictionary)
    cols = ["doc_id", "para_id", "kind", "frame", "n_sentences", "n_frame_sentences",
            "share_sentences", "sent_ids"]  # fmt: skip
    if sentences.empty:
        return _empty(cols, ["para_id", "n_sentences", "n_frame_sentences"]).astype(
            {"share_sentences": "float64"}
        )
    paras = sentences.groupby(["doc_id", "para_id"]).size().rename("n_sentences")
    if "kind" in sentences.columns:
        kinds = sentences.groupby(["doc_id", "para_id"])["kind"].first().rename("kind")
    else:
        kinds = pd.Series("prose", index=paras.index, name="kind")
    grid = pd.DataFrame(
        [(doc, para, f) for doc, para in paras.index for f in d.frames],
        columns=["doc_id", "para_id", "frame"],
    )
    fs = frame_sentences[["doc_id", "sent_id", "frame"]].merge(
        sentences[["doc_id", "sent_id", "para_id"]], on=["doc_id", "sent_id"]
    )
    agg = (
        fs.sort_values("sent_id")
        .groupby(["doc_id", "para_id", "frame"])
        .agg(
            n_frame_sentences=("sent_id", "size"),
            sent_ids=("sent_id", lambda x: " ".join(str(v) for v in x)),
        )
        .reset_index()
    )
    out = (
        grid.merge(agg, on=["doc_id", "para_id", "frame"], how="left")
        .merge(paras.reset_index(), on=["doc_id", "para_id"])
        .merge(kinds.reset_index(), on=["doc_id", "para_id"])
    )
    out["n_frame_sentences"] = out["n_frame_sentences"].fillna(0).astype("int64")
    out["sent_ids"] = out["sent_ids"].fillna("")
    out["share_sentences"] = out["n_frame_sentences"] / out["n_sentences"]
    out = out.astype({"para_id": "int64", "n_sentences": "int64"})
    return _sort(out[cols], d, ["doc_id", "para_id", "frame"])


def actor_frame_counts(
    frame_sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    dictionary: Dictionary | str | Path,
) -> pd.DataFrame:
    """Count sentences where each actor appears together with each frame (summable).

    Parameters
    ----------
    frame_sentences
        :func:`match` on some sentences.
    mentions
        :func:`framelens.gazetteer.actor_mentions` on the same sentences.
    dictionary
        The dictionary used for ``frame_sentences``.

    Returns
    -------
    pandas.DataFrame
        ``actor, frame, n_sentences, n_actor_sentences``: sentences that mention the
        actor and carry the frame, and all sentences that mention the actor (repeated
        on every frame row, so summing partitions is correct); zeros included.

    Examples
    --------
    >>> fs = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "frame": ["threat"]})
    >>> m = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "actor": ["Japan"] * 2})
    >>> c = actor_frame_counts(fs, m, "security")
    >>> c.loc[c.frame == "threat", ["actor", "n_sentences", "n_actor_sentences"]].values.tolist()
    [['Japan', 1, 2]]
    """
    check_columns("frame_sentences", frame_sentences, ["doc_id", "sent_id", "frame"])
    check_columns("mentions", mentions, ["doc_id", "sent_id", "actor"])
    d = load_dictionary(dictionary)
    cols = ["actor", "frame", "n_sentences", "n_actor_sentences"]
    if mentions.empty:
        return _empty(cols, cols[2:])
    m = mentions[["doc_id", "sent_id", "actor"]].drop_duplicates()
    totals = m.groupby("actor").size().rename("n_actor_sentences")
    both = m.merge(
        frame_sentences[["doc_id", "sent_id", "frame"]].drop_duplicates(), on=["doc_id", "sent_id"]
    )
    n = both.groupby(["actor", "frame"]).size().rename("n_sentences")
    grid = pd.MultiIndex.from_product([totals.index, d.frames], names=["actor", "frame"])
    out = n.reindex(grid, fill_value=0).reset_index()
    out["n_actor_sentences"] = out["actor"].map(totals)
    out = out.astype({"n_sentences": "int64", "n_actor_sentences": "int64"})
    return _sort(out[cols], d, ["actor", "frame"])


def actor_frames(counts: pd.DataFrame) -> pd.DataFrame:
    """Finish actor × frame from summed :func:`actor_frame_counts`.

    Returns
    -------
    pandas.DataFrame
        ``actor, frame, n_sentences, n_actor_sentences, share``: ``share`` is the share
        of the actor's sentences that carry the frame. Sorted by actor (most sentences
        first, then name) and frame.

    Examples
    --------
    >>> c = pd.DataFrame({"actor": ["Japan"], "frame": ["threat"], "n_sentences": [1],
    ...                   "n_actor_sentences": [2]})
    >>> actor_frames(pd.concat([c, c])).values.tolist()
    [['Japan', 'threat', 2, 4, 0.5]]
    """
    cols = ["actor", "frame", "n_sentences", "n_actor_sentences"]
    check_columns("counts", counts, cols)
    if counts.empty:
        return _empty(cols + ["share"], cols[2:]).astype({"share": "float64"})
    frames_order = {f: i for i, f in enumerate(dict.fromkeys(counts["frame"]))}
    g = counts.groupby(["actor", "frame"], sort=False)[cols[2:]].sum().reset_index()
    g["share"] = g["n_sentences"] / g["n_actor_sentences"].where(g["n_actor_sentences"] > 0)
    g["_rank"] = -g.groupby("actor")["n_actor_sentences"].transform("max")
    g["_f"] = g["frame"].map(frames_order)
    g = g.sort_values(["_rank", "actor", "_f"]).drop(columns=["_rank", "_f"])
    return g.astype({"n_sentences": "int64", "n_actor_sentences": "int64"}).reset_index(drop=True)


# =======================================================================================
# sourcing: who is cited, and how

#: state-owned or state-controlled outlets (names and handles, lower case)
STATE_MEDIA = (
    "xinhua", "xhnews", "china daily", "chinadaily", "global times", "globaltimesnews",
    "cgtn", "cgtnofficial", "cctv", "china central television", "people's daily",
    "peoplesdaily", "pla daily", "china military online", "tass", "ria novosti", "sputnik",
    "russia today", "rt_com", "zvezda", "rossiyskaya gazeta", "kcna", "state media",
    "state-run", "state-owned", "state broadcaster", "state television",
)  # fmt: skip
_ANON_HEAD = re.compile(
    r"\b(?:officials?|sources?|experts?|analysts?|observers?|diplomats?|insiders?|people|"
    r"reports?|spokes(?:person|man|woman)|a person|critics|commentators|media)\b",
    re.IGNORECASE,
)
_EXPERT = re.compile(
    r"\b(?:former|retired|analysts?|experts?|professor|researcher|scholar|fellow|lecturer|"
    r"think[- ]tank|institute|university|academy|centre|center|author)\b",
    re.IGNORECASE,
)
_OFFICIAL = re.compile(
    r"\b(?:ministry|ministries|minister|government|defen[cs]e|spokes(?:person|man|woman)|"
    r"president|premier|official|officials|embassy|ambassador|navy|army|military|"
    r"command|commander|general|admiral|colonel|officer|kremlin|pentagon|white house|"
    r"state department|foreign office|council|parliament|congress|secretary|cabinet|"
    r"authorities|PLA)\b",
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"\b(?:colonel|general|admiral|commander|officer|analyst|expert|professor|researcher|"
    r"scholar|fellow|lecturer|director|spokes(?:person|man|woman)|minister|official|"
    r"ambassador|adviser|advisor|editor|correspondent|journalist|chief|head|president|"
    r"chairman|chairwoman|secretary|envoy|diplomat|author|member)\b",
    re.IGNORECASE,
)
_VERBS = (
    r"said|says|say|stated|states|announced|announces|told|tells|added|adds|noted|notes|"
    r"claimed|claims|warned|warns|stressed|stresses|insisted|insists|reported|reports|"
    r"wrote|writes|posted|tweeted|confirmed|confirms|denied|denies|"
    r"declared|declares|argued|argues|explained|explains"
)
_VERB_RE = re.compile(
    rf"(?P<aux>(?:\s+(?:has|have|had|also|previously|earlier|repeatedly|recently|"
    rf"publicly|has also|have also))*)\s+(?P<verb>{_VERBS})\b"
)
_SAID_BY = re.compile(rf"(?:^|,\s*|\"\s*|\u201d\s*)(?:{_VERBS})\s+(?P<src>[A-Z][^,.;:]*)")
_ACCORDING = re.compile(
    r"\b[Aa]ccording to\s+(?P<lead>(?:(?:a|an|the|recent)\s+)?(?:statements?|reports?|"
    r"remarks|comments|data|figures|a statement|an announcement|announcements?|posts?)\s+"
    r"(?:from|by|of|issued by|released by|on)\s+)?(?P<src>[^,;:]+)"
)
_NAMED = re.compile(
    r"(?P<name>\b[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){1,3}),\s+"
    r"(?P<desc>(?:a|an|the)\s+[^,;]+)"
)
_SUBJECT_WORDS = frozenset(
    "the a an of and its their his her our for on state senior local some several many two "
    "three both news agency media allies ally military defense defence foreign top former "
    "retired chief official officials government ministry spokesperson spokesman spokeswoman "
    "sources source analysts analyst experts expert observers diplomats insiders people "
    "critics commentators authorities navy army officers officer".split()
)
_PRONOUN = re.compile(r"^(?:he|she|they|it|we|i|you|this|that|which|who)$", re.IGNORECASE)
_LEAD_STRIP = re.compile(r"^(?:and|but|while|as|when|because|however|meanwhile|also)\s+", re.I)


def _source_type(source: str, descriptor: str = "") -> str:
    low = f"{source} {descriptor}".lower()
    if any(s in low for s in STATE_MEDIA):
        return "state_media"
    if "@" in source:
        return "social_media"
    name_like = re.search(r"[A-Z][\w'\u2019-]+\s+[A-Z][\w'\u2019-]+", source)
    if _ANON_HEAD.search(source) and not name_like and not descriptor:
        return "unnamed"
    text = f"{source} {descriptor}"
    if _EXPERT.search(text):
        return "expert"
    if _OFFICIAL.search(text):
        return "official"
    from .gazetteer import actor_mentions

    gaz = _state_actors()
    if len(gaz) and len(
        actor_mentions(
            pd.DataFrame({"doc_id": ["_"], "sent_id": [0], "start": [0], "text": [source]}), gaz
        )
    ):
        return "official"
    return "other"


@cache
def _state_actors() -> pd.DataFrame:
    from .gazetteer import load_gazetteer

    g = load_gazetteer()
    return g[g["type"].isin(["country", "organisation", "bloc"])].reset_index(drop=True)


def _subject_shape(text: str) -> bool:
    """Return True if ``text`` looks like a noun phrase naming a source."""
    words = text.split()
    return all(
        w[0].isupper() or w.lower().strip("'\u2019") in _SUBJECT_WORDS or w.lower() in ("'s",)
        for w in words
    ) and any(w[0].isupper() or w.lower() not in ("the", "a", "an", "of", "and") for w in words)


def _clean_source(raw: str) -> str:
    s = raw.strip().strip("\"'\u201c\u201d").strip()
    s = re.sub(r"\s+(?:in|on|at)\s+(?:a|an|the)\s+(?:statement|interview|post|briefing).*$",
               "", s)  # fmt: skip
    s = re.sub(r"\s+(?:that|who|which|when|on|last|this|earlier)\b.*$", "", s)
    s = _LEAD_STRIP.sub("", s)
    return s.rstrip(" .…").strip()


def attributions(sentences: pd.DataFrame) -> pd.DataFrame:
    """Find who is cited in each sentence, and how.

    Rules, applied to each sentence (see the notebook for their limits):

    1. **embedded posts**: an embedded post (an embed paragraph, ``kind == "embed"``) is
       attributed once to the account in its credit line (``— Name (@handle) Date``), on
       the row of its first sentence, with all its sentences in ``sent_ids`` and their
       text joined in ``text``; the credit line itself is not an attribution;
    2. **according to**: "according to [statements|reports|… from|by] SOURCE";
    3. **reporting verbs**: "SOURCE [has|also…] said|stated|announced|told|noted|warned|
       …" (the subject of the clause), and the inverted "…, said SOURCE"; verbs of
       reaction ("expressed alarm", "voiced concern") report a reaction, not a cited
       statement, and are not cues;
    4. **named individuals with a descriptor**: "Zhou Bo, a former Senior Colonel of…"
       (two to four capitalised words, a comma, and a descriptor naming a role).

    Pronoun subjects ("he said") are not resolved and give no row. The same source found
    twice in one sentence gives one row (the first rule wins).

    ``source_type`` is, in this order: ``state_media`` (a listed state outlet,
    :data:`STATE_MEDIA`), ``social_media`` (an account handle), ``unnamed`` (an
    anonymous head such as "officials", "sources", "analysts" with no name),
    ``expert`` (former or retired officers, analysts, academics, think tanks),
    ``official`` (ministries, governments, officials, armed forces, and states or blocs
    of the gazetteer) and otherwise ``other``.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sent_id, source, source_type, cue, descriptor, sent_ids, start, end,
        text``: one row per attribution (per source and sentence; per embedded post);
        ``cue`` names the rule and its words, ``descriptor`` the description of a named
        individual, ``sent_ids`` the sentences the attribution covers (space-separated:
        the sentence itself, or every sentence of an embedded post), ``start``/``end``
        the document offsets of the source's name (of the credit line for embeds),
        ``text`` the sentence (the post's sentences for embeds).

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "kind": ["prose"],
    ...     "text": ["According to Xinhua, Chinese officials said the drills are routine."]})
    >>> attributions(s)[["source", "source_type", "cue"]].values.tolist()
    [['Xinhua', 'state_media', 'according to'], ['Chinese officials', 'unnamed', 'said']]
    """
    _check_sentences(sentences)
    if sentences.empty:
        return _empty(ATTRIBUTION_COLUMNS, ["sent_id", "start", "end"])
    kinds = (
        sentences["kind"]
        if "kind" in sentences.columns
        else pd.Series("prose", index=sentences.index)
    )
    paras = (
        sentences["para_id"]
        if "para_id" in sentences.columns
        else pd.Series(range(len(sentences)), index=sentences.index)
    )
    credits: dict[tuple, tuple[str, str, int, int]] = {}
    credit_rows = set()
    posts: dict[tuple, list[int]] = {}  # (doc_id, para) -> rows of the post's sentences
    for i, (doc_id, para, text, kind, start) in enumerate(
        zip(sentences["doc_id"], paras, sentences["text"], kinds, sentences["start"],
            strict=True)
    ):  # fmt: skip
        m = corpus.CREDIT_RE.match(str(text).strip())
        if kind == "embed" and m:
            name, handle = m["name"].strip(), m["handle"]
            src = f"{name} (@{handle})" if name else f"@{handle}"
            credits[(doc_id, para)] = (src, name, int(start), int(start) + len(str(text)))
            credit_rows.add(i)
        elif kind == "embed":
            posts.setdefault((doc_id, para), []).append(i)
    first_of_post = {rows_[0]: rows_ for rows_ in posts.values()}
    sent_ids_all = sentences["sent_id"].tolist()
    texts_all = [str(t) for t in sentences["text"]]
    rows: list[tuple] = []
    for i, (doc_id, sent_id, para, text, start) in enumerate(
        zip(sentences["doc_id"], sentences["sent_id"], paras, sentences["text"],
            sentences["start"], strict=True)
    ):  # fmt: skip
        text, off = str(text), int(start)
        found: list[tuple[str, str, str, str, int, int]] = []
        post: list[int] = []
        if i in first_of_post:
            post = first_of_post[i]
            cr = credits.get((doc_id, para))
            if cr:
                src, name, a, b = cr
                typ = _source_type(f"{name} {src}")
                found.append((src, typ, "embedded post (credit line)", "", a, b))
            else:
                found.append(("(unknown account)", "social_media", "embedded post", "", off,
                              off + len(text)))  # fmt: skip
        elif i in credit_rows:
            continue
        for m in _ACCORDING.finditer(text):
            src = _clean_source(m["src"])
            if not src:
                continue
            cue = ("according to " + (m["lead"] or "")).strip().lower()
            cue = re.sub(r"\s+", " ", cue)
            a = off + m.start("src")
            typ = _source_type(src)
            found.append((src, typ, cue, "", a, a + len(src)))
        for m in _NAMED.finditer(text):
            desc = corpus.EMBED_LINK_RE.sub("", m["desc"]).strip().rstrip(".").strip()
            if not _ROLE.search(desc):
                continue
            name = m["name"]
            a = off + m.start("name")
            found.append((name, _source_type(name, desc), "named with descriptor", desc, a,
                          a + len(name)))  # fmt: skip
        for m in _VERB_RE.finditer(text):
            before = text[: m.start()]
            cut = max(before.rfind(ch) for ch in ',;:(\u201c"')
            cut = max(cut, before.rfind(" that "))
            subj = before[cut + 1 :]
            stripped = _clean_source(subj)
            if not stripped or len(stripped.split()) > 8:
                continue
            if _PRONOUN.match(stripped) or stripped.split()[0].lower() in ("it", "this"):
                continue
            if not _subject_shape(stripped):
                continue
            a = off + cut + 1 + subj.find(stripped)
            found.append((stripped, _source_type(stripped), m["verb"].lower(), "", a,
                          a + len(stripped)))  # fmt: skip
        for m in _SAID_BY.finditer(text):
            src = _clean_source(m["src"])
            if src:
                a = off + m.start("src")
                found.append((src, _source_type(src), "said (inverted)", "", a, a + len(src)))
        seen: set[str] = set()
        for src, typ, cue, desc, a, b in found:
            key = re.sub(r"^(?:the|a|an)\s+", "", src.lower())
            if key in seen or any(key in s or s in key for s in seen):
                continue
            seen.add(key)
            if cue.startswith("embedded post"):
                ids = " ".join(str(sent_ids_all[k]) for k in post)
                body = " ".join(texts_all[k] for k in post)
                rows.append((doc_id, int(sent_id), src, typ, cue, desc, ids, a, b, body))
            else:
                rows.append((doc_id, int(sent_id), src, typ, cue, desc, str(sent_id), a, b,
                             text))  # fmt: skip
    if not rows:
        return _empty(ATTRIBUTION_COLUMNS, ["sent_id", "start", "end"])
    out = pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS)
    out = out.astype({"sent_id": "int64", "start": "int64", "end": "int64"})
    return out.sort_values(["doc_id", "sent_id", "start"], kind="stable").reset_index(drop=True)


# =======================================================================================
# hedging and certainty

#: markers of uncertainty and of certainty (a dictionary in the same format as frames)
HEDGING_MARKERS: dict[str, Any] = {
    "name": "hedging",
    "description": (
        "Markers of uncertainty (hedges) and certainty (boosters), a news-oriented subset "
        "of Hyland's (2005) metadiscourse lists, with the attribution hedges of news "
        "(reportedly, allegedly, perceived) added."
    ),
    "categories": {
        "hedge": {
            "definition": "The writer withholds full commitment to the statement.",
            "sources": ["Hyland, K. (2005). Metadiscourse. London: Continuum. Appendix."],
            "patterns": [
                "=may", "might", "could", "would", "likely", "unlikely", "possibl*",
                "perhaps", "maybe", "probabl*", "reportedly", "allegedly", "apparent*",
                "seem", "seems", "seemed", "appear", "appears", "appeared", "suggest*",
                "perceive*", "potential*", "estimat*", "approximately", "believed to",
                "said to", "thought to", "expected to", "uncertain*", "unclear",
                "speculat*", "rumor*", "rumour*",
            ],
        },
        "certainty": {
            "definition": "The writer expresses full commitment to the statement.",
            "sources": ["Hyland, K. (2005). Metadiscourse. London: Continuum. Appendix."],
            "patterns": [
                "=will", "clearly", "certainly", "definitely", "undoubtedly", "no doubt",
                "without doubt", "obviously", "indeed", "surely", "must", "in fact",
                "evident*", "proven", "undeniabl*", "inevitabl*", "always", "confirmed",
            ],
        },
    },
}  # fmt: skip


@cache
def _hedging_dictionary() -> Dictionary:
    return load_dictionary(HEDGING_MARKERS)


def hedging(sentences: pd.DataFrame) -> pd.DataFrame:
    """Mark hedges (may, likely, reportedly, perceived…) and certainty (will, clearly…).

    Markers are matched like dictionary patterns (:data:`HEDGING_MARKERS`): "may" and
    "will" only in lower case, so the month "May" and the name "Will" are not markers
    (a sentence-initial "May…" is missed).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sent_id, kind, n_words, n_hedges, n_certainty, hedges, certainty,
        text``: one row per sentence (zeros included); ``hedges``/``certainty`` list the
        markers with document offsets (``"likely@3286-3292"``).

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "kind": ["prose"],
    ...                   "text": ["In May the drills will likely resume."]})
    >>> hedging(s)[["n_hedges", "n_certainty", "hedges", "certainty"]].values.tolist()
    [[1, 1, 'likely@23-29', 'will@18-22']]
    """
    _check_sentences(sentences)
    if sentences.empty:
        return _empty(HEDGING_COLUMNS, ["sent_id", "n_words", "n_hedges", "n_certainty"])
    hits = term_hits(sentences, _hedging_dictionary(), context=False)
    out = sentences[["doc_id", "sent_id", "text"]].copy()
    out["kind"] = sentences["kind"] if "kind" in sentences.columns else "prose"
    out["n_words"] = _sentence_words(sentences)
    ev = hits.assign(
        ev=hits["term"] + "@" + hits["start"].astype(str) + "-" + hits["end"].astype(str)
    )
    for frame, name in (("hedge", "hedges"), ("certainty", "certainty")):
        sub = ev[ev["frame"] == frame].groupby(["doc_id", "sent_id"])["ev"]
        agg = pd.DataFrame({f"n_{name}": sub.size(), name: sub.agg("; ".join)}).reset_index()
        out = out.merge(agg, on=["doc_id", "sent_id"], how="left")
        out[f"n_{name}"] = out[f"n_{name}"].fillna(0).astype("int64")
        out[name] = out[name].fillna("")
    out = out.astype({"sent_id": "int64"})
    return out[HEDGING_COLUMNS].sort_values(["doc_id", "sent_id"]).reset_index(drop=True)


def hedging_counts(hedge_sentences: pd.DataFrame) -> pd.DataFrame:
    """Sum :func:`hedging` per document (partial counts that sum across partitions).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, n_sentences, n_words, n_hedges, n_certainty, n_hedged_sentences,
        n_certain_sentences``.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "start": [0, 30],
    ...     "text": ["The drills may resume.", "They will."]})
    >>> hedging_counts(hedging(s)).iloc[0, 1:].tolist()
    [2, 6, 1, 1, 1, 1]
    """
    check_columns(
        "hedge_sentences", hedge_sentences, ["doc_id", "n_words", "n_hedges", "n_certainty"]
    )
    cols = ["doc_id", "n_sentences", "n_words", "n_hedges", "n_certainty",
            "n_hedged_sentences", "n_certain_sentences"]  # fmt: skip
    if hedge_sentences.empty:
        return _empty(cols, cols[1:])
    h = hedge_sentences.assign(
        n_sentences=1,
        n_hedged_sentences=(hedge_sentences["n_hedges"] > 0).astype("int64"),
        n_certain_sentences=(hedge_sentences["n_certainty"] > 0).astype("int64"),
    )
    out = h.groupby("doc_id", sort=True)[cols[1:]].sum().reset_index()
    return out.astype({c: "int64" for c in cols[1:]})


def hedging_documents(
    counts: pd.DataFrame, *, documents: pd.DataFrame | None = None, by: str = "doc_id"
) -> pd.DataFrame:
    """Finish hedging per document or group from summed :func:`hedging_counts`.

    Returns
    -------
    pandas.DataFrame
        ``<by>, n_sentences, n_words, n_hedges, n_certainty, n_hedged_sentences,
        n_certain_sentences, hedges_per_1000_words, certainty_per_1000_words,
        share_hedged, share_certain`` (NaN where there are no words or sentences).

    Examples
    --------
    >>> c = pd.DataFrame({"doc_id": ["a"], "n_sentences": [2], "n_words": [6],
    ...     "n_hedges": [1], "n_certainty": [1], "n_hedged_sentences": [1],
    ...     "n_certain_sentences": [1]})
    >>> hedging_documents(c)["hedges_per_1000_words"].round(1).tolist()
    [166.7]
    """
    ints = ["n_sentences", "n_words", "n_hedges", "n_certainty", "n_hedged_sentences",
            "n_certain_sentences"]  # fmt: skip
    check_columns("counts", counts, ["doc_id"] + ints)
    c, key = _group_keys(counts, documents, by)
    g = c.groupby(key, sort=True)[ints].sum().reset_index().astype({i: "int64" for i in ints})
    words = g["n_words"].where(g["n_words"] > 0)
    sents = g["n_sentences"].where(g["n_sentences"] > 0)
    g["hedges_per_1000_words"] = 1000 * g["n_hedges"] / words
    g["certainty_per_1000_words"] = 1000 * g["n_certainty"] / words
    g["share_hedged"] = g["n_hedged_sentences"] / sents
    g["share_certain"] = g["n_certain_sentences"] / sents
    return g


# =======================================================================================
# accuracy against hand labels

_LABEL_KEYS = ("doc_id", "sent_id", "text")


def load_labels(path: str | Path) -> pd.DataFrame:
    """Read hand labels: ``doc_id, sent_id, text`` and one 0/1 column per frame.

    Returns
    -------
    pandas.DataFrame
        The labels, ``sent_id`` and frame columns as integers.

    Raises
    ------
    InputError
        The file is missing a key column or a frame column holds something other than
        0 or 1 (the message names the line).
    """
    p = Path(path)
    if not p.is_file():
        raise ParameterError(f"`labels_path` {str(path)!r}: no such file.")
    labels = pd.read_csv(p, dtype=str, keep_default_na=False)
    for col in ("doc_id", "sent_id"):
        if col not in labels.columns:
            raise InputError(f"{p}: needs a {col!r} column; it has {list(labels.columns)}.")
    for col in [c for c in labels.columns if c not in _LABEL_KEYS]:
        bad = labels.index[~labels[col].isin(["0", "1"])]
        if len(bad):
            i = int(bad[0])
            raise InputError(
                f"{p}, line {i + 2}: column {col!r} must be 0 or 1, got {labels[col][i]!r}."
            )
    bad = labels.index[~labels["sent_id"].str.fullmatch(r"\d+")]
    if len(bad):
        raise InputError(f"{p}, line {int(bad[0]) + 2}: sent_id must be a whole number.")
    ints = {c: "int64" for c in labels.columns if c not in ("doc_id", "text")}
    return labels.astype(ints)


def _truth_pred(frame_sentences: pd.DataFrame, labels: pd.DataFrame) -> pd.DataFrame:
    check_columns("frame_sentences", frame_sentences, ["doc_id", "sent_id", "frame"])
    check_columns("labels", labels, ["doc_id", "sent_id"])
    frames = [c for c in labels.columns if c not in _LABEL_KEYS]
    if not frames:
        raise ParameterError("`labels` has no frame columns (one 0/1 column per frame).")
    long = labels.melt(id_vars=["doc_id", "sent_id"], value_vars=frames, var_name="frame",
                       value_name="label")  # fmt: skip
    pred = frame_sentences[["doc_id", "sent_id", "frame"]].drop_duplicates().assign(predicted=1)
    out = long.merge(pred, on=["doc_id", "sent_id", "frame"], how="left")
    out["predicted"] = out["predicted"].fillna(0).astype("int64")
    out["label"] = out["label"].astype("int64")
    out["frame"] = pd.Categorical(out["frame"], categories=frames, ordered=True)
    return out


def _restrict(labels: pd.DataFrame, sentences: pd.DataFrame | None) -> pd.DataFrame:
    """Keep the labels of analysed sentences whose text still matches."""
    if sentences is None:
        return labels
    _check_sentences(sentences, ("doc_id", "sent_id", "text"))
    keep = labels.merge(
        sentences[["doc_id", "sent_id", "text"]].rename(columns={"text": "_text"}),
        on=["doc_id", "sent_id"],
    )
    if "text" in keep.columns:
        differ = keep["text"] != keep["_text"]
        if differ.any():
            first = keep[differ].iloc[0]
            warnings.warn(
                f"{int(differ.sum())} labelled sentence(s) have a different text in the "
                f"corpus (first: {first['doc_id']} sentence {first['sent_id']}); they are "
                "left out. Was the segmentation changed since the labels were made?",
                FramelensWarning,
                stacklevel=3,
            )
            keep = keep[~differ]
    return keep.drop(columns="_text").reset_index(drop=True)


def label_coverage(labels: pd.DataFrame, sentences: pd.DataFrame) -> tuple[int, str]:
    """Say how many hand labels belong to these sentences, and if none, why.

    A label belongs to the corpus when its ``doc_id`` and ``sent_id`` name one of the
    sentences and, if the labels carry the sentence's ``text``, the text is the same.
    Accuracy is worth computing only when this number is above zero: labels made for
    another corpus would score every frame against nothing.

    Returns
    -------
    tuple[int, str]
        The number of labels that match, and a one-line description: how many of the
        labels match, or why none does (other documents, or the same documents with
        other sentences).

    Examples
    --------
    >>> labels = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "text": ["Hi."], "threat": [1]})
    >>> label_coverage(labels, pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "text": ["Hi."]}))
    (1, '1 of 1 labelled sentence(s) are sentences of this corpus.')
    >>> label_coverage(labels, pd.DataFrame({"doc_id": ["b"], "sent_id": [0], "text": ["Hi."]}))[1]
    "none of the 1 labelled sentence(s) is in this corpus: the labels are for document(s) ['a']."
    """
    check_columns("labels", labels, ["doc_id", "sent_id"])
    _check_sentences(sentences, ("doc_id", "sent_id", "text"))
    keys = sentences[["doc_id", "sent_id", "text"]].rename(columns={"text": "_text"})
    keep = labels.merge(keys, on=["doc_id", "sent_id"])
    if "text" in keep.columns:
        keep = keep[keep["text"] == keep["_text"]]
    n, total = len(keep), len(labels)
    if n:
        return n, f"{n} of {total} labelled sentence(s) are sentences of this corpus."
    docs = sorted(set(labels["doc_id"].astype(str)))
    shared = sorted(set(docs) & set(sentences["doc_id"].astype(str)))
    if shared:
        return 0, (
            f"none of the {total} labelled sentence(s) matches a sentence of this corpus: "
            f"document(s) {shared[:3]} are here with other sentences (was the text or "
            "its segmentation changed since the labels were made?)."
        )
    return 0, (
        f"none of the {total} labelled sentence(s) is in this corpus: the labels are for "
        f"document(s) {docs[:3]}{' …' if len(docs) > 3 else ''}."
    )


def agreement(
    first: pd.DataFrame, second: pd.DataFrame, columns: Sequence[str] | None = None
) -> pd.DataFrame:
    """Agreement of two annotation passes over the same sentences: Cohen's kappa per column.

    Parameters
    ----------
    first, second
        Labels keyed by ``doc_id, sent_id`` (e.g. two :func:`load_labels` files), one
        column per frame (0/1) or any categorical column (a tone label).
    columns
        The columns to compare (default: every column both share but the keys and
        ``text``).

    Returns
    -------
    pandas.DataFrame
        ``column, n, agreement, kappa, n_first, n_second``: the sentences both passes
        labelled, the share on which they agree, Cohen's kappa (chance-corrected; NaN
        when both passes use one value throughout) and, for 0/1 columns, how many 1s
        each pass gave (else NaN).

    Examples
    --------
    >>> a = pd.DataFrame({"doc_id": "d", "sent_id": [0, 1, 2, 3], "threat": [1, 1, 0, 0]})
    >>> b = a.assign(threat=[1, 0, 0, 0])
    >>> agreement(a, b).round(3).values.tolist()
    [['threat', 4, 0.75, 0.5, 2.0, 1.0]]
    """
    keys = ["doc_id", "sent_id"]
    check_columns("first", first, keys)
    check_columns("second", second, keys)
    if columns is None:
        columns = [c for c in first.columns if c in second.columns and c not in (*keys, "text")]
    both = first.merge(second, on=keys, suffixes=("_1", "_2"))
    rows = []
    for col in columns:
        if col not in first.columns or col not in second.columns:
            raise ParameterError(f"column {col!r} is not in both annotation passes.")
        x, y = both[f"{col}_1"].astype(str), both[f"{col}_2"].astype(str)
        n = len(both)
        po = float((x == y).mean()) if n else float("nan")
        cats = sorted(set(x) | set(y))
        pe = sum(float((x == c).mean()) * float((y == c).mean()) for c in cats) if n else 1.0
        kappa = (po - pe) / (1 - pe) if pe < 1 else float("nan")
        binary = set(cats) <= {"0", "1"}
        rows.append(
            (col, n, po, kappa, float((x == "1").sum()) if binary else float("nan"),
             float((y == "1").sum()) if binary else float("nan"))
        )  # fmt: skip
    out = pd.DataFrame(rows, columns=["column", "n", "agreement", "kappa", "n_first", "n_second"])
    return out.astype({"n": "int64"})


def evaluate(
    frame_sentences: pd.DataFrame,
    labels: pd.DataFrame,
    *,
    sentences: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Precision, recall and F1 of the dictionary against hand labels, per frame.

    Only labelled sentences count: a hit in a sentence without labels is ignored.

    Parameters
    ----------
    frame_sentences
        :func:`match` output (``doc_id, sent_id, frame`` are used).
    labels
        ``doc_id, sent_id`` (``text`` optional) and one 0/1 column per frame
        (:func:`load_labels`).
    sentences
        The analysed sentences. When given, only labels of these sentences count, and a
        label whose ``text`` differs from the sentence's is left out with a warning (the
        corpus or its segmentation changed). No labelled sentence left gives zero
        support and NaN scores.

    Returns
    -------
    pandas.DataFrame
        ``frame, support, n_predicted, tp, fp, fn, precision, recall, f1``: one row per
        label column, then ``"all (micro)"`` pooling every frame. ``precision`` is NaN
        when nothing was predicted, ``recall`` when nothing is labelled, ``f1`` when
        either is NaN.

    Examples
    --------
    >>> labels = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "threat": [1, 1]})
    >>> hits = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "frame": ["threat"]})
    >>> e = evaluate(hits, labels)
    >>> e[["frame", "support", "tp", "fp", "fn"]].values.tolist()[0]
    ['threat', 2, 1, 0, 1]
    >>> e[["precision", "recall", "f1"]].round(3).values.tolist()[0]
    [1.0, 0.5, 0.667]
    """
    tp = _truth_pred(frame_sentences, _restrict(labels, sentences))
    tp["tp"] = (tp["label"] == 1) & (tp["predicted"] == 1)
    tp["fp"] = (tp["label"] == 0) & (tp["predicted"] == 1)
    tp["fn"] = (tp["label"] == 1) & (tp["predicted"] == 0)
    g = tp.groupby("frame", observed=False)[["label", "predicted", "tp", "fp", "fn"]].sum()
    g = g.rename(columns={"label": "support", "predicted": "n_predicted"})
    g.loc["all (micro)"] = g.sum()
    g = g.astype("int64")
    g["precision"] = g["tp"] / g["n_predicted"].where(g["n_predicted"] > 0)
    g["recall"] = g["tp"] / g["support"].where(g["support"] > 0)
    denom = g["precision"] + g["recall"]
    g["f1"] = (
        (2 * g["precision"] * g["recall"] / denom.where(denom > 0))
        .where(denom > 0, 0.0)
        .where(g["precision"].notna() & g["recall"].notna())
    )
    g.index = g.index.astype(str)
    return g.reset_index(names="frame")


def disagreements(
    frame_sentences: pd.DataFrame, labels: pd.DataFrame, sentences: pd.DataFrame | None = None
) -> pd.DataFrame:
    """List where the dictionary and the hand labels disagree, with the evidence.

    With ``sentences``, only labels of those sentences count (as in :func:`evaluate`) and
    the text is taken from them.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sent_id, frame, error`` (``"false positive"`` or ``"false
        negative"``), ``matches`` (what the dictionary matched; empty for a miss) and
        ``text`` (from ``sentences`` or the labels), sorted by sentence and frame.

    Examples
    --------
    >>> labels = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "threat": [0]})
    >>> hits = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "frame": ["threat"],
    ...                      "matches": ["threat@0-6"]})
    >>> disagreements(hits, labels)[["frame", "error", "matches"]].values.tolist()
    [['threat', 'false positive', 'threat@0-6']]
    """
    tp = _truth_pred(frame_sentences, _restrict(labels, sentences))
    bad = tp[tp["label"] != tp["predicted"]].copy()
    bad["error"] = bad["predicted"].map({1: "false positive", 0: "false negative"})
    ev = frame_sentences[["doc_id", "sent_id", "frame"]].copy()
    ev["matches"] = frame_sentences["matches"] if "matches" in frame_sentences.columns else ""
    bad["frame"] = bad["frame"].astype(str)
    bad = bad.merge(ev.drop_duplicates(["doc_id", "sent_id", "frame"]),
                    on=["doc_id", "sent_id", "frame"], how="left")  # fmt: skip
    bad["matches"] = bad["matches"].fillna("")
    src = sentences if sentences is not None else labels
    if "text" in src.columns:
        bad = bad.merge(src[["doc_id", "sent_id", "text"]].drop_duplicates(["doc_id", "sent_id"]),
                        on=["doc_id", "sent_id"], how="left")  # fmt: skip
    else:
        bad["text"] = ""
    cols = ["doc_id", "sent_id", "frame", "error", "matches", "text"]
    order = {f: i for i, f in enumerate(c for c in labels.columns if c not in _LABEL_KEYS)}
    return (
        bad[cols]
        .sort_values(
            ["doc_id", "sent_id", "frame"],
            key=lambda s: s.map(order) if s.name == "frame" else s,
        )
        .reset_index(drop=True)
    )


# =======================================================================================
# figures (never save; return the Axes)


def _ax(ax, size=(8, 4.5)):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=size)
    return ax


def _text_colour(rgba) -> str:
    """Black on light cells, white on dark ones (luma of the sRGB colour above 0.4).

    Examples
    --------
    >>> _text_colour((0.49, 0.49, 0.47, 1.0)), _text_colour((0.0, 0.13, 0.3, 1.0))
    ('black', 'white')
    """
    r, g, b = (float(c) for c in rgba[:3])
    return "black" if 0.299 * r + 0.587 * g + 0.114 * b > 0.4 else "white"


def _heatmap(ax, matrix: pd.DataFrame, *, fmt: str, cbar_label: str, annot=None) -> None:
    import numpy as np

    data = matrix.to_numpy(dtype=float)
    im = ax.imshow(np.ma.masked_invalid(data), aspect="auto", cmap="cividis", vmin=0,
                   vmax=max(np.nanmax(data) if np.isfinite(data).any() else 1, 1e-9))  # fmt: skip
    ax.set_xticks(range(matrix.shape[1]), [str(c) for c in matrix.columns])
    ax.set_yticks(range(matrix.shape[0]), [str(r) for r in matrix.index])
    ax.grid(False)
    vals = annot.to_numpy() if annot is not None else data
    for i in range(matrix.shape[0]):
        for j in range(matrix.shape[1]):
            v = vals[i, j]
            if v == v:  # not NaN
                ax.text(j, i, format(v, fmt), ha="center", va="center", fontsize=9,
                        color=_text_colour(im.cmap(im.norm(data[i, j]))))  # fmt: skip
    ax.figure.colorbar(im, ax=ax, label=cbar_label)


def plot_profile(
    profile_frame: pd.DataFrame,
    *,
    by: str = "doc_id",
    value: Literal["share_sentences", "hits_per_1000_words"] = "share_sentences",
    ax=None,
):
    """Draw the frame profile: bars per frame for up to 6 documents/groups, else a heat map.

    Above 40 documents or groups a heat map has more rows than a page can show, so the
    figure becomes the distribution of ``value`` over them, one box a frame (median,
    quartiles, whiskers at 1.5 IQR, the mean as a dot).

    Returns the matplotlib Axes.

    Examples
    --------
    >>> p = pd.DataFrame({"doc_id": ["a", "a"], "frame": ["threat", "rivalry"],
    ...                   "share_sentences": [0.5, 0.25], "hits_per_1000_words": [10.0, 5.0]})
    >>> plot_profile(p).get_xlabel()
    'share of sentences carrying the frame (0–1)'
    """
    import numpy as np

    check_choice("value", value, ["share_sentences", "hits_per_1000_words"])
    check_columns("profile_frame", profile_frame, [by, "frame", value])
    label = {"share_sentences": "share of sentences carrying the frame (0–1)",
             "hits_per_1000_words": "frame hits per 1,000 words"}[value]  # fmt: skip
    frames = list(dict.fromkeys(profile_frame["frame"]))
    groups = list(dict.fromkeys(profile_frame[by]))
    wide = profile_frame.pivot_table(index="frame", columns=by, values=value, aggfunc="sum",
                                     sort=False).reindex(index=frames, columns=groups)  # fmt: skip
    ax = _ax(ax)
    if len(groups) <= 6:
        from .plots import PALETTE

        height = 0.8 / max(len(groups), 1)
        y = np.arange(len(frames))
        for k, g in enumerate(groups):
            ax.barh(y + k * height, wide[g].fillna(0), height=height, label=str(g),
                    color=PALETTE[k % len(PALETTE)])  # fmt: skip
        ax.set_yticks(y + height * (len(groups) - 1) / 2, frames)
        ax.invert_yaxis()
        ax.set_xlabel(label)
        ax.set_ylabel("frame")
        if len(groups) > 1:
            ax.legend(title=by, fontsize=9, title_fontsize=9)
    elif len(groups) > 40:
        from .plots import PALETTE

        data = [wide.loc[f].dropna().to_numpy() for f in frames]
        ax.boxplot(data, orientation="horizontal", showmeans=True, widths=0.6,
                   medianprops={"color": PALETTE[1]},
                   meanprops={"marker": "o", "markerfacecolor": "black",
                              "markeredgecolor": "black", "markersize": 4})  # fmt: skip
        ax.set_yticks(np.arange(1, len(frames) + 1), frames)
        ax.invert_yaxis()
        ax.set_xlabel(label)
        ax.set_ylabel("frame")
        over = f"{len(groups)} documents" if by == "doc_id" else f"{len(groups)} values of {by}"
        ax.set_title(f"Frame profile: distribution over {over}")
        return ax
    else:
        _heatmap(ax, wide.T, fmt=".2f", cbar_label=label)
        ax.set_xlabel("frame")
        ax.set_ylabel(by)
        ax.tick_params(axis="x", rotation=45)
    ax.set_title("Frame profile")
    return ax


def plot_flow(flow_frame: pd.DataFrame, *, doc_id: str | None = None, ax=None):
    """Heat map of frames (rows) by paragraph (columns) for one document.

    Cells show how many of the paragraph's sentences carry the frame; colour is the share.
    Embedded posts are labelled "N (embed)" on the x axis (with a ``kind`` column).
    Returns the matplotlib Axes.

    Examples
    --------
    >>> f = pd.DataFrame({"doc_id": ["a"] * 2, "para_id": [0, 1], "frame": ["threat"] * 2,
    ...                   "n_frame_sentences": [1, 0], "share_sentences": [0.5, 0.0]})
    >>> plot_flow(f).get_xlabel()
    'paragraph (0 = first)'
    """
    check_columns("flow_frame", flow_frame, ["doc_id", "para_id", "frame", "share_sentences",
                                             "n_frame_sentences"])  # fmt: skip
    docs = list(dict.fromkeys(flow_frame["doc_id"]))
    if not docs:
        raise ParameterError("`flow_frame` is empty: there is nothing to draw.")
    doc_id = docs[0] if doc_id is None else doc_id
    check_choice("doc_id", doc_id, docs)
    f = flow_frame[flow_frame["doc_id"] == doc_id]
    frames = list(dict.fromkeys(f["frame"]))
    share = f.pivot(index="frame", columns="para_id", values="share_sentences").reindex(frames)
    n = f.pivot(index="frame", columns="para_id", values="n_frame_sentences").reindex(frames)
    if "kind" in f.columns:
        kind = f.groupby("para_id")["kind"].first()
        labels = [f"{p} (embed)" if kind.get(p) == "embed" else str(p) for p in share.columns]
        share.columns = n.columns = labels
    ax = _ax(ax)
    _heatmap(ax, share, fmt="d", cbar_label="share of the paragraph's sentences", annot=n)
    if any(str(c).endswith("(embed)") for c in share.columns):
        for label in ax.get_xticklabels():
            label.set(rotation=40, ha="right", rotation_mode="anchor")
    ax.set_xlabel("paragraph (0 = first)")
    ax.set_ylabel("frame")
    ax.set_title(f"Frames through the article: {doc_id}")
    return ax


def plot_actor_frames(actor_frame: pd.DataFrame, *, top_n: int = 10, ax=None):
    """Heat map of actors (rows, most mentioned first) by frame (columns).

    Cells show the number of sentences with both; colour is the share of the actor's
    sentences. Returns the matplotlib Axes.

    Examples
    --------
    >>> a = pd.DataFrame({"actor": ["Japan"], "frame": ["threat"], "n_sentences": [1],
    ...                   "n_actor_sentences": [2], "share": [0.5]})
    >>> plot_actor_frames(a).get_ylabel()
    'actor (sentences mentioning it)'
    """
    check_columns("actor_frame", actor_frame, ["actor", "frame", "n_sentences",
                                               "n_actor_sentences", "share"])  # fmt: skip
    top_n = check_int("top_n", top_n, min_value=1)
    if actor_frame.empty:
        raise ParameterError("`actor_frame` is empty: no actor of the gazetteer was mentioned.")
    actors = list(dict.fromkeys(actor_frame["actor"]))[:top_n]
    frames = list(dict.fromkeys(actor_frame["frame"]))
    a = actor_frame[actor_frame["actor"].isin(actors)]
    totals = a.groupby("actor")["n_actor_sentences"].max()
    share = a.pivot(index="actor", columns="frame", values="share").reindex(
        index=actors, columns=frames
    )
    n = a.pivot(index="actor", columns="frame", values="n_sentences").reindex(
        index=actors, columns=frames
    )
    share.index = [f"{x} ({totals[x]})" for x in actors]
    ax = _ax(ax, (8, max(3.0, 0.4 * len(actors) + 1.5)))
    _heatmap(ax, share, fmt="d", cbar_label="share of the actor's sentences", annot=n)
    ax.set_xlabel("frame")
    ax.set_ylabel("actor (sentences mentioning it)")
    ax.tick_params(axis="x", rotation=30)
    ax.set_title("Which actors share sentences with which frames")
    return ax


def plot_sources(attribution_frame: pd.DataFrame, *, ax=None):
    """Bar chart of attributions by source type (every type shown, zeros included).

    Returns the matplotlib Axes.

    Examples
    --------
    >>> a = pd.DataFrame({"source_type": ["official", "official", "expert"]})
    >>> [float(b.get_width()) for b in plot_sources(a).patches][:2]
    [2.0, 0.0]
    """
    from matplotlib.ticker import MaxNLocator

    from .plots import PALETTE

    check_columns("attribution_frame", attribution_frame, ["source_type"])
    counts = attribution_frame["source_type"].value_counts().reindex(SOURCE_TYPES, fill_value=0)
    ax = _ax(ax)
    ax.barh(counts.index, counts.to_numpy(dtype=float),
            color=[PALETTE[i % len(PALETTE)] for i in range(len(counts))])  # fmt: skip
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("attributions (one per source and sentence; a post counts once)")
    ax.set_ylabel("source type")
    ax.set_title("Who is cited: sources by type")
    return ax
