"""Frame dictionaries: YAML categories of words, globs and phrases, checked line by line."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from .. import corpus
from ..errors import FramelensWarning, InputError, ParameterError
from ..params import check_columns, check_str_list, doc_ids, suggest, text_values
from ..resources import data_path, yaml_loader

#: names of the shipped dictionaries and their data files
SHIPPED = {"generic": "frames_generic.yaml", "security": "frames_security.yaml"}


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


_GLOB_CHARS = set("*?")


_BAD_GLOB_CHARS = set("[]{}")


#: a phrase part that matches a cardinal number, and the words it allows before the next
#: part: "{number} warship*" matches "19 warships", "two Russian warships" and "thousands
#: of Chinese troops"-like counts of forces (issue 15)
NUMBER_PART = "{number}"
NUMBER_GAP = 2

#: cardinals written in digits (thousands separators allowed; no ordinals, decades or
#: times) or in words
_NUMBER_RE = re.compile(
    r"(?:\d+(?:[.,]\d{3})*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|dozens?|several|scores)\Z",
    re.IGNORECASE,
)


_TOP_KEYS = ("name", "description", "categories")


_CATEGORY_KEYS = (
    "definition", "sources", "patterns", "weak", "negatable", "answered_by", "answered_as",
    "background_by",
)  # fmt: skip


@dataclass(frozen=True)
class Pattern:
    """One compiled dictionary pattern (a word, a glob or a phrase)."""

    text: str
    parts: tuple[str, ...]
    case_sensitive: bool
    line: int | None = None
    #: a weak cue counts only beside a second cue of its frame (see :func:`match`)
    weak: bool = False
    #: the group of a weak cue (``weak:`` written as a mapping): cues of one group do not
    #: confirm each other; ``""`` for a strong cue or a weak cue of a plain list
    group: str = ""

    @property
    def evidence(self) -> str:
        """What one piece of evidence is: the group of a grouped weak cue, else the cue."""
        return f"group {self.group}" if self.group else self.text

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
    #: the category an answered cue counts for instead: the threats a drill is said to
    #: counter are the official rationale ("capable of countering military threats")
    answered_as: str = ""
    #: words (globs) after which a cue is the background of the activity ("amid
    #: tensions"): not the frame, as an answered cue, but not moved by ``answered_as``
    background_by: tuple[str, ...] = ()


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
        """Return the category ``name`` (:class:`ParameterError` naming the known ones).

        Parameters
        ----------
        name
            A category (frame) name of this dictionary.

        Returns
        -------
        Category
            Its definition, sources, patterns and context options.
        """
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
    raw: Any, where: str, line: int | None, category: str, weak: bool = False, group: str = ""
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
    bad = sorted(_BAD_GLOB_CHARS & set(body.replace(NUMBER_PART, "")))
    if bad:
        raise InputError(
            f"{loc}: invalid glob {raw!r} in category {category!r}: {''.join(bad)!r} is not "
            f"supported (only * for any characters and ? for one character, and {NUMBER_PART} "
            "for a number before a word of a phrase)."
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
    if any(_BAD_GLOB_CHARS & set(p) for p in parts if p != NUMBER_PART):
        raise InputError(
            f"{loc}: invalid glob {raw!r} in category {category!r}: {NUMBER_PART} must be a "
            "word of its own in the phrase (e.g. '{number} troops')."
        )
    if NUMBER_PART in parts and (len(parts) < 2 or parts[-1] == NUMBER_PART):
        raise InputError(
            f"{loc}: pattern {raw!r} in category {category!r}: {NUMBER_PART} matches a "
            f"number and must be followed by a word of the phrase (e.g. '{NUMBER_PART} "
            "troops')."
        )
    for p in parts:
        if p == NUMBER_PART:
            continue
        if not (set(p) - _GLOB_CHARS):
            raise InputError(
                f"{loc}: invalid glob {raw!r} in category {category!r}: {p!r} is only "
                "wildcards and would match every word. Add letters (e.g. escalat*)."
            )
    parts = [p if p == NUMBER_PART else _normal(p, case_sensitive) for p in parts]
    for p in parts:
        if p != NUMBER_PART and not _fill_ok(p):
            toks = [m.group(0) for m in corpus._TOKEN_RE.finditer(p) if m.lastgroup != "punct"]
            hint = ""
            if len(toks) > 1 and "*" not in p and "?" not in p:
                # "CO2" is read as "CO" then "2": the phrase of those tokens matches it
                phrase = " ".join(toks)
                hint = (
                    f" The text {p!r} is read as the tokens {toks}: write the phrase "
                    f"{phrase!r} to match it."
                )
            warnings.warn(
                f"{loc}: pattern {raw!r} in category {category!r} can never match: "
                f"{p!r} is not one token for framelens.corpus.tokenize (tokens are words, "
                f"numbers, @mentions, #hashtags or dotted abbreviations like U.S.).{hint}",
                FramelensWarning,
                stacklevel=4,
            )
            break
    return Pattern(
        raw if isinstance(raw, str) else str(raw), tuple(parts), case_sensitive, line, weak, group
    )


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
    for n, item in enumerate(node.value, start=1):
        if not isinstance(item, yaml.ScalarNode) or item.tag.endswith(":null"):
            got = (
                "an empty value (null)"
                if isinstance(item, yaml.ScalarNode)
                else ("a list" if isinstance(item, yaml.SequenceNode) else "a mapping")
            )
            raise InputError(
                f"{_where(where, item.start_mark.line + 1)}: every item of {what} must be "
                f"text, but item {n} is {got} (quote it if it starts with a special "
                "character)."
            )
        out.append((str(item.value), item.start_mark.line + 1))
    return out


def _weak_list(node: yaml.Node, where: str, cname: str) -> list[tuple[str, int, str]]:
    """Weak cues as ``(pattern, line, group)``: a list (no groups) or a mapping of groups."""
    if not isinstance(node, yaml.MappingNode):
        return [(p, line, "") for p, line in _str_list(node, where, f"the weak cues of {cname!r}")]
    out = []
    for gnode, items in node.value:
        group = _scalar(gnode, where, f"a group of the weak cues of {cname!r}")
        what = f"the weak cues of {cname!r}, group {group!r}"
        out.extend((p, line, group) for p, line in _str_list(items, where, what))
    return out


def _parse_yaml(text: str, where: str, loader: type = yaml.SafeLoader) -> dict[str, Any]:
    """Parse a dictionary YAML into plain data, keeping line numbers for every pattern."""
    try:
        root = yaml.compose(text, Loader=loader)
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
    given: dict[str, int] = {}
    for knode, vnode in root.value:
        key = _scalar(knode, where, "a key")
        line = knode.start_mark.line + 1
        if key in given:  # YAML would keep the last silently
            raise InputError(
                f"{_where(where, line)}: key {key!r} is given twice (lines {given[key]} and "
                f"{line}); give it once (all categories under one `categories:`)."
            )
        given[key] = line
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
                keys2: dict[str, int] = {}
                for k2, v2 in body.value:
                    key2 = _scalar(k2, where, "a key")
                    if key2 in keys2:
                        raise InputError(
                            f"{_where(where, k2.start_mark.line + 1)}: key {key2!r} of category "
                            f"{cname!r} is given twice (lines {keys2[key2]} and "
                            f"{k2.start_mark.line + 1}); give it once."
                        )
                    keys2[key2] = k2.start_mark.line + 1
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
                    elif key2 in ("answered_by", "background_by"):
                        cat[key2] = [w for w, _ in _str_list(v2, where, f"`{key2}` of {cname!r}")]
                    elif key2 == "answered_as":
                        cat["answered_as"] = _scalar(v2, where, f"`answered_as` of {cname!r}")
                        cat["answered_as_line"] = v2.start_mark.line + 1
                    elif key2 == "weak":
                        cat["weak"] = _weak_list(v2, where, cname)
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
    names = [c["name"] for c in data["categories"]]
    for c in data["categories"]:
        target = c.get("answered_as") or ""
        if target and (target not in names or target == c["name"]):
            others = [n for n in names if n != c["name"]]
            raise InputError(
                f"{_where(where, c.get('answered_as_line', c['line']))}: `answered_as` of "
                f"{c['name']!r} must name another category of the dictionary ({others}), "
                f"not {target!r}{suggest(target, others)}."
            )
        if target and not c.get("answered_by"):
            raise InputError(
                f"{_where(where, c.get('answered_as_line', c['line']))}: `answered_as` of "
                f"{c['name']!r} needs `answered_by` words: it says where a cue those words "
                "answer counts instead."
            )
        if not c["patterns"]:
            raise InputError(
                f"{_where(where, c['line'])}: category {c['name']!r} "
                + (
                    "has only weak cues, which count only beside another cue: give it at "
                    "least one pattern of its own (`patterns:`)."
                    if c["weak"]
                    else "is empty (give it at least one pattern)."
                )
            )
        repeated = sorted(
            {p for p, _ in c["patterns"] if [q for q, _ in c["patterns"]].count(p) > 1}
        )
        if repeated:
            warnings.warn(
                f"{_where(where, c['line'])}: category {c['name']!r} lists {repeated} more than "
                "once; each counts once.",
                FramelensWarning,
                stacklevel=4,
            )
        pats = tuple(_compile_pattern(p, where, line, c["name"]) for p, line in c["patterns"])
        pats += tuple(
            _compile_pattern(p, where, line, c["name"], weak=True, group=group)
            for p, line, group in c.get("weak", [])
        )
        cats.append(
            Category(
                c["name"], c["definition"], tuple(c["sources"]), pats, c.get("line"),
                bool(c.get("negatable", True)), tuple(c.get("answered_by", ())),
                str(c.get("answered_as") or ""), tuple(c.get("background_by", ())),
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
            answered_as = str(body.get("answered_as") or "")
            background = body.get("background_by") or []
        else:
            pats, definition, sources, weak, negatable = body or [], "", [], [], True
            answered, answered_as, background = [], "", []
        if isinstance(pats, str):
            pats = [pats]
        if isinstance(weak, str):
            weak = [weak]
        if isinstance(weak, Mapping):
            weak = [
                (p, None, str(g))
                for g, items in weak.items()
                for p in ([items] if isinstance(items, str) else items or [])
            ]
        else:
            weak = [(p, None, "") for p in weak]
        if isinstance(sources, str):
            sources = [sources]
        cats.append(
            {"name": str(name), "line": None, "definition": definition,
             "sources": [str(s) for s in sources], "patterns": [(p, None) for p in pats],
             "weak": weak, "negatable": negatable,
             "answered_by": [str(w) for w in answered], "answered_as": answered_as,
             "background_by": [str(w) for w in background]}
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
    return _build(_parse_yaml(path.read_text(encoding="utf-8"), where, yaml_loader()), where)


def _near_files(path: Path) -> str:
    """Name the YAML files of the folder ``path`` points into, when it exists."""
    folder = path.parent if str(path.parent) not in ("", ".") else Path.cwd()
    if not folder.is_dir():
        return ""
    names = sorted(f.name for f in folder.glob("*.y*ml"))
    if not names:
        return ""
    close = suggest(path.name, names)
    return f" {folder} has {names[:5]}{close}." if close else f" {folder} has {names[:5]}."


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
        where = "" if path.is_absolute() else f" (relative paths start from {Path.cwd()})"
        near = _near_files(path)
        raise ParameterError(
            f"`dictionary` {str(source)!r}: not a shipped dictionary {sorted(SHIPPED)} "
            f"and no such file{suggest(str(source), SHIPPED)}{where}.{near}"
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

    Returns
    -------
    Dictionary
        A new dictionary: the added patterns are strong cues at the end of their frame.

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
                c.answered_as,
                c.background_by,
            )
        )
    return Dictionary(d.name, d.description, tuple(cats), d.path)


#: words of security and defence news (not frame cues: the topic itself); a document
#: with two or more distinct ones is on the topic the shipped ``security`` dictionary and
#: the ``security`` sentiment domain were made for
SECURITY_TOPIC = re.compile(
    r"(?i)\b(militar(?:y|ies)|army|armies|navy|navies|naval|air force|troops|soldiers|"
    r"servicemen|warships?|destroyers?|frigates?|submarines?|bombers?|fighter jets?|missiles?|"
    r"weapons?|drills?|war ?games|manoeuvres|maneuvers|defen[cs]e|security|nato|armed forces|"
    r"fleet|patrols?|deterrence|alliance|pentagon|warfare|combat|strategic|aircraft carriers?)\b"
)

#: below this share of on-topic documents, :func:`topic_fit` advises the generic settings
TOPIC_SHARE = 0.5


def topic_fit(documents: pd.DataFrame) -> pd.DataFrame:
    """Say how many documents are security news, for which the shipped defaults were made.

    The ``security`` frame dictionary and sentiment domain read security words in their
    sense of defence coverage ("special" of special forces, "friendly" of friendly
    relations). On reviews or posts about something else they mislabel ordinary words,
    so the notebooks say when a corpus looks off that topic.

    Parameters
    ----------
    documents
        The documents frame (``doc_id`` and ``text``).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, n_topic_words, topic_words, on_topic``: the distinct words of
        :data:`SECURITY_TOPIC` a document uses and whether it uses two or more.
        ``frame.attrs["note"]`` is a sentence of advice when fewer than
        :data:`TOPIC_SHARE` of the documents are on the topic, else empty.

    Examples
    --------
    >>> d = pd.DataFrame({"doc_id": ["a", "b", "c"],
    ...                   "text": ["The navy held drills.", "Great blender.", "Kind staff."]})
    >>> t = topic_fit(d)
    >>> t["on_topic"].tolist(), t.attrs["note"][:40]
    ([True, False, False], '1 of 3 documents use the words of securi')
    """
    check_columns("documents", documents, ["doc_id", "text"])
    rows = []
    ids, texts = doc_ids(documents).tolist(), text_values(documents["text"]).tolist()
    for doc_id, text in zip(ids, texts, strict=True):
        found = sorted({m.group(0).lower() for m in SECURITY_TOPIC.finditer(text)})
        rows.append((doc_id, len(found), ", ".join(found), len(found) >= 2))
    out = pd.DataFrame(rows, columns=["doc_id", "n_topic_words", "topic_words", "on_topic"])
    out = out.astype({"n_topic_words": "int64", "on_topic": bool})
    n, on = len(out), int(out["on_topic"].sum())
    out.attrs["note"] = (
        f"{on} of {n} documents use the words of security news (two or more of military, "
        "navy, troops, drills, defence…): the shipped `security` dictionary and sentiment "
        "domain were made for such coverage and read ordinary words in their defence sense "
        "elsewhere. For this corpus consider dictionary='generic' and domain=''."
        if n and on < TOPIC_SHARE * n
        else ""
    )
    return out


def dictionary_table(dictionary: Dictionary | str | Path) -> pd.DataFrame:
    """List every pattern of a dictionary, one row each.

    Parameters
    ----------
    dictionary
        A :class:`Dictionary` or anything :func:`load_dictionary` takes.

    Returns
    -------
    pandas.DataFrame
        ``frame, pattern, kind`` (word, glob, phrase), ``case_sensitive``, ``line`` (in
        the YAML file; 0 when unknown), ``cue_strength`` (``"strong"``, or ``"weak"`` for
        the category's ``weak:`` cues, which count only beside a second cue), ``group``
        (the group of a weak cue when ``weak:`` is a mapping of groups; else empty).

    Examples
    --------
    >>> t = dictionary_table({"name": "m", "categories": {"a": ["live-fire", "=US"]}})
    >>> t[["pattern", "kind", "case_sensitive"]].values.tolist()
    [['live-fire', 'phrase', False], ['=US', 'word', True]]
    """
    d = load_dictionary(dictionary)
    rows = [
        (c.name, p.text, p.kind, p.case_sensitive, p.line or 0, "weak" if p.weak else "strong",
         p.group)
        for c in d.categories
        for p in c.patterns
    ]  # fmt: skip
    return pd.DataFrame(
        rows,
        columns=["frame", "pattern", "kind", "case_sensitive", "line", "cue_strength", "group"],
    )


def dictionary_overlaps(dictionary: Dictionary | str | Path) -> pd.DataFrame:
    """Report patterns that are in more than one category (allowed, but worth knowing).

    Patterns are the same when they match the same tokens: ``live-fire`` and
    ``Live fire`` are one pattern.

    Parameters
    ----------
    dictionary
        A :class:`Dictionary` or anything :func:`load_dictionary` takes.

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


def _glob_regex(part: str, case_sensitive: bool) -> re.Pattern[str]:
    body = "".join(".*" if ch == "*" else "." if ch == "?" else re.escape(ch) for ch in part)
    return re.compile(body + r"\Z", 0 if case_sensitive else re.IGNORECASE)
