"""Write tables the same way every time, say what each one is, and show them short."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from .errors import ParameterError

__all__ = [
    "FIGURE_DESCRIPTIONS",
    "TABLE_DESCRIPTIONS",
    "check_output",
    "describe_figure",
    "describe_table",
    "file_name",
    "record_output",
    "save_table",
    "show",
]

#: environment variable the runner sets to the notebook a kernel runs, so the files it
#: writes are listed under that notebook in the run's index
NOTEBOOK_ENV = "FRAMELENS_NOTEBOOK"

#: one line per table the corpus overview writes (the run's index shows it beside the
#: link); an analysis's notebook describes its own tables (the registry's ``outputs``)
TABLE_DESCRIPTIONS = {
    "corpus_documents": "One row per document: characters, paragraphs, sentences by kind, embeds.",
    "corpus_sentences": "Every sentence with its character offsets and kind (prose or embed).",
    "corpus_embeds": "Embedded social-media posts with their credit line, handle and date.",
    "copies": "Documents that copy another (a wire story in several outlets, two versions).",
    "skipped_files": "Files left out with on_error = 'skip', and why.",
}


#: the caption of each figure the corpus overview draws; an analysis's notebook captions
#: its own figures (the registry's ``figures``)
FIGURE_DESCRIPTIONS = {
    "corpus_structure": "Sentences per paragraph (one document) or per document, by kind.",
}


def describe_figure(name: str) -> str:
    """Return the caption of a figure the notebooks draw, as the run's index shows it.

    Parameters
    ----------
    name
        The figure's name, with or without its extension (``"keyness"``,
        ``"frame_flow.png"``); a per-document figure (``sentiment_arc_<doc_id>``) takes
        its prefix's caption.

    Returns
    -------
    str
        The caption; ``""`` for a figure not known.

    Examples
    --------
    >>> describe_figure("sentiment_arc_d001").startswith("One document's tone")
    True
    """
    from .analysis import registry

    known = dict(FIGURE_DESCRIPTIONS)
    for analysis in registry().values():
        known.update(analysis.figures)
    return _described(re.sub(r"\.(?:png|svg|pdf)$", "", name), known)


def _described(name: str, known: dict[str, str]) -> str:
    """Return the line of ``name`` in ``known``, or of its longest prefix (``arc_x``)."""
    if name in known:
        return known[name]
    prefixes = [k for k in known if name.startswith(k + "_")]
    return known[max(prefixes, key=len)] if prefixes else ""


def show(frame: pd.DataFrame, *, mixed: tuple[str, ...] = ("value",)) -> pd.DataFrame:
    """Return a copy of ``frame`` for display, its counts printed as integers.

    A float column whose values are all whole numbers becomes an integer column (missing
    values stay missing); in a long table's ``mixed`` columns (``value``, which holds
    counts beside means and ratios), each whole number is shown as an integer and the
    others as they are. The data is unchanged: this is for the notebook's tables only.

    Parameters
    ----------
    frame
        Any table.
    mixed
        The columns that may hold whole and fractional numbers together (default
        ``("value",)``); their whole numbers are shown as ``int`` in an object column.

    Returns
    -------
    pandas.DataFrame
        A copy of ``frame`` with the same rows and columns: float columns of whole
        numbers (with at least one value) as nullable ``Int64``, ``mixed`` float
        columns as objects; other columns as they are.

    Examples
    --------
    >>> t = pd.DataFrame({"measure": ["words", "mean"], "value": [229.0, 25.4],
    ...                   "n": [3.0, 4.0]})
    >>> show(t).to_dict("list")
    {'measure': ['words', 'mean'], 'value': [229, 25.4], 'n': [3, 4]}
    """
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if not pd.api.types.is_float_dtype(values):
            continue
        whole = values.notna() & (values % 1 == 0) & (values.abs() < 2**53)
        if column in mixed:
            shown = [int(v) if w else v for v, w in zip(values, whole, strict=True)]
            out[column] = pd.Series(shown, index=out.index, dtype=object)
        elif bool((whole | values.isna()).all()) and bool(values.notna().any()):
            out[column] = values.astype("Int64")
    return out


def describe_table(name: str) -> str:
    """Return the one-line description of a table written by the notebooks.

    Tables named ``scale_<x>`` are the at-scale versions (every document, either
    engine), described by the analysis that returns them
    (:func:`framelens.analysis.registry`).

    Parameters
    ----------
    name
        The table's name, with or without ``.csv`` (``"keyness"``,
        ``"scale_top_terms.csv"``); a per-document variant (``sentiment_arc_x``) takes
        the description of its prefix.

    Returns
    -------
    str
        The description; ``""`` for a table not known (a ``scale_`` table not known
        gets the at-scale prefix and its inner name).

    Examples
    --------
    >>> describe_table("scale_top_terms").split(":")[0]
    'At scale (every document, either engine)'
    """
    from .analysis import registry

    name = name.removesuffix(".csv")
    known = dict(TABLE_DESCRIPTIONS)
    for analysis in registry().values():
        known.update(analysis.outputs)
    if name.startswith("scale_"):
        inner = name.removeprefix("scale_")
        tables = {t: spec.description for a in registry().values() for t, spec in a.tables.items()}
        text = tables.get(inner) or known.get(inner, "")
        return "At scale (every document, either engine): " + (text or inner)
    return _described(name, known)  # per-document variants: sentiment_arc_x


def record_output(output_dir: str | Path, relative: str) -> None:
    """Note that the running notebook wrote ``relative`` (under ``output_dir``).

    Only under the runner, which names the notebook in ``FRAMELENS_NOTEBOOK``; the
    run's index lists each notebook's tables and figures from these notes.

    Parameters
    ----------
    output_dir
        The run's output folder; the note is a line appended to
        ``output_dir/.written/<notebook>.txt``.
    relative
        The written file's path relative to ``output_dir`` (``"tables/keyness.csv"``).
    """
    notebook = os.environ.get(NOTEBOOK_ENV)
    if not notebook:
        return
    folder = Path(output_dir) / ".written"
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / f"{notebook}.txt", "a", encoding="utf-8") as fh:
        fh.write(relative + "\n")


def remove_outputs(output_dir: str | Path, relatives: Iterable[str]) -> list[str]:
    """Remove tables and figures a notebook wrote on an earlier run (its noted paths).

    Parameters
    ----------
    output_dir
        The output folder the paths are relative to.
    relatives
        Paths as :func:`record_output` notes them (``"tables/keyness.csv"``,
        ``"figures/tone.png"``). Only files directly under ``tables/`` and ``figures/``
        are removed, a figure's ``.svg`` and ``.pdf`` with its ``.png``; any other path is
        left.

    Returns
    -------
    list of str
        The paths removed, relative to ``output_dir``, in the order given.

    Examples
    --------
    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> _ = save_table(pd.DataFrame({"x": [1]}), "old", root)
    >>> remove_outputs(root, ["tables/old.csv", "../elsewhere.csv", "tables/absent.csv"])
    ['tables/old.csv']
    """
    root = Path(output_dir)
    removed = []
    for relative in dict.fromkeys(relatives):
        parts = Path(relative).parts
        if len(parts) != 2 or parts[0] not in ("tables", "figures") or parts[1] in ("..", "."):
            continue
        paths = [root / relative]
        if relative.endswith(".png"):  # its vector files, from a version that noted none
            paths += [(root / relative).with_suffix(f".{f}") for f in ("svg", "pdf")]
        for path in paths:
            if path.is_file():
                path.unlink()
                removed.append(path.relative_to(root).as_posix())
    return removed


#: what a table's or figure's name may not hold: a folder separator, a NUL, a line break
_NOT_IN_NAME = re.compile(r"[/\\\x00\r\n]")


_UNSAFE_IN_NAME = re.compile(r"[^\w.\-]+")


def file_name(text: str) -> str:
    """Turn a label into a file name :func:`check_output` accepts (a doc_id in a figure's).

    Parameters
    ----------
    text
        Any label, e.g. ``f"sentiment_arc_{doc_id}"`` with a doc_id ``"AP/2024/01"``.

    Returns
    -------
    str
        ``text`` with each run of characters other than letters, digits, ``_``, ``.``
        and ``-`` (a slash, a space, a colon) as one ``_``, and without leading dots.

    Examples
    --------
    >>> file_name("sentiment_arc_AP/2024/01 draft")
    'sentiment_arc_AP_2024_01_draft'
    """
    out = _UNSAFE_IN_NAME.sub("_", str(text)).lstrip(".")
    return out or "_"


def check_output(name: object, output_dir: object) -> tuple[str, Path]:
    """Check the name and folder of a table or figure to write; raise naming the bad one.

    Parameters
    ----------
    name
        The file name without extension (``"keyness"``, ``"sentiment_arc_d001"``): a
        non-empty string with no folder in it (no slash or backslash), not starting with
        ``.`` (no hidden file, no ``..``), so the file lands in ``tables/`` or
        ``figures/``.
    output_dir
        The run's output folder: a non-empty string or :class:`~pathlib.Path`; it is
        made if needed, but must not be a file.

    Returns
    -------
    tuple of (str, pathlib.Path)
        ``name`` and ``Path(output_dir)``.

    Raises
    ------
    ParameterError
        When ``name`` is not such a file name (``""``, ``"../x"``, ``"a/b"``) or
        ``output_dir`` is not a path or is a file.

    Examples
    --------
    >>> check_output("keyness", "out")
    ('keyness', PosixPath('out'))
    >>> check_output("../keyness", "out")
    Traceback (most recent call last):
    ...
    framelens.errors.ParameterError: `name` must be a file name without a folder or an \
extension, not starting with '.' (e.g. 'keyness'), but '../keyness' was passed.
    """
    if (
        not isinstance(name, str)
        or not name.strip()
        or name.startswith(".")
        or _NOT_IN_NAME.search(name)
    ):
        raise ParameterError(
            "`name` must be a file name without a folder or an extension, not starting "
            f"with '.' (e.g. 'keyness'), but {name!r} was passed."
        )
    if not isinstance(output_dir, str | Path) or str(output_dir).strip() == "":
        raise ParameterError(
            "`output_dir` must be a folder (a string or pathlib.Path), but "
            f"{output_dir!r} ({type(output_dir).__name__}) was passed."
        )
    folder = Path(output_dir)
    if folder.exists() and not folder.is_dir():
        raise ParameterError(
            f"`output_dir` {str(output_dir)!r} is a file, not a folder: pass the run's "
            "output folder (tables go to its tables/)."
        )
    return name, folder


def save_table(frame: pd.DataFrame, name: str, output_dir: str | Path) -> Path:
    r"""Write ``frame`` to ``output_dir/tables/<name>.csv`` (UTF-8, ``\n`` line ends).

    Floats are written with 10 significant digits so that the same data gives the same
    bytes on every run. Returns the path written.

    Parameters
    ----------
    frame
        The table (a pandas DataFrame); its index is not written.
    name
        The file name without ``.csv`` (``"keyness"``), with no folder in it and not
        starting with ``.`` (:func:`check_output`).
    output_dir
        The run's output folder; ``tables/`` is made in it if needed, and the file is
        noted for the run's index (:func:`record_output`).

    Returns
    -------
    pathlib.Path
        The path of the file written (``output_dir/tables/<name>.csv``), replaced if it
        existed.

    Raises
    ------
    ParameterError
        When ``frame`` is not a DataFrame, ``name`` not a file name, ``output_dir`` not
        a folder, or the file cannot be written there (the message says why).

    Examples
    --------
    >>> import tempfile
    >>> p = save_table(pd.DataFrame({"x": [1 / 3]}), "t", tempfile.mkdtemp())
    >>> p.read_text()
    'x\n0.3333333333\n'
    """
    if not isinstance(frame, pd.DataFrame):
        raise ParameterError(
            f"`frame` must be a pandas DataFrame, but {type(frame).__name__} was passed."
        )
    name, root = check_output(name, output_dir)
    folder = root / "tables"
    path = folder / f"{name}.csv"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        frame.to_csv(path, index=False, float_format="%.10g", lineterminator="\n", encoding="utf-8")
    except OSError as exc:
        raise ParameterError(
            f"`output_dir` {str(output_dir)!r}: cannot write {path} "
            f"({exc.strerror or exc}). Pass a folder you can write to."
        ) from None
    record_output(output_dir, f"tables/{name}.csv")
    return path
