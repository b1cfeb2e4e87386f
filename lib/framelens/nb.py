"""Support for the notebooks: one set-up call and short error messages.

``framelens.nb.setup(output_dir)`` is the first call of every notebook. It creates the
output folders and makes a :class:`~framelens.errors.FramelensError` show as one short
message that says what to change, instead of a traceback through the library. The cell
still fails (papermill and the runner see the error); only what is shown is shorter.

With ``notebook=`` (every shipped notebook passes its name), the tables and figures the
same notebook wrote into the same folder on its last run are removed first: run again in
JupyterLab with other parameters, it leaves no table of the earlier run beside this one's.
"""

from __future__ import annotations

import inspect
import os
import re
import sys
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import FramelensError, FramelensWarning, ParameterError
from .params import check_path, suggest

__all__ = ["Outputs", "setup", "short_message", "warn_not_english"]


@dataclass(frozen=True)
class Outputs:
    """Where a notebook writes: ``root``, ``tables`` and ``figures`` folders."""

    root: Path
    tables: Path
    figures: Path


_KEYWORD = re.compile(r"^(?P<func>[\w.]+)\(\) got an unexpected keyword argument '(?P<arg>\w+)'$")


def short_message(etype: type, value: BaseException, tb=None) -> str | None:
    """Return the one-line message for an error a student can cause, or None.

    Library errors show their own message; a misspelled keyword argument to a framelens
    function names the closest parameter. With the traceback ``tb``, the function is the
    one the failing line called (``framing.evaluate``, not ``sentiment.evaluate``).

    Parameters
    ----------
    etype, value
        The error's class and the error itself (as ``sys.exc_info()`` gives them).
    tb
        Its traceback (optional): used to find the function a misspelled keyword was
        passed to; without it (or when that fails) the first function of that name in
        ``corpus``, ``stats``, ``sentiment``, ``framing``… is taken.

    Returns
    -------
    str or None
        ``"<ErrorClass>: <message>"`` for a :class:`~framelens.errors.FramelensError`;
        for a framelens function called with an unknown keyword, ``"TypeError:
        <module>.<function>() has no parameter '<arg>'"`` with the closest parameter
        suggested and the list of its parameters; ``None`` for any other error, or when
        that function is not found (the error is then shown with the usual traceback).

    Examples
    --------
    >>> from framelens.errors import ParameterError
    >>> short_message(ParameterError, ParameterError("`top_n` must be at least 1"))
    'ParameterError: `top_n` must be at least 1'
    """
    if issubclass(etype, FramelensError):
        return f"{etype.__name__}: {value}"
    m = _KEYWORD.match(str(value)) if issubclass(etype, TypeError) else None
    if m:
        # "CorpusSpec.__init__() got an unexpected keyword argument": the class is called
        name = m["func"].removesuffix(".__init__")
        func = _called_function(tb, name) if tb is not None else None
        func = func or _find_function(name)
        if func is not None:
            known = [p for p in inspect.signature(func).parameters if not p.startswith("_")]
            return (
                f"TypeError: {_dotted(func)}() has no parameter {m['arg']!r}"
                f"{suggest(m['arg'], known)}; its parameters are {known}."
            )
    return None


def _dotted(func) -> str:
    module = getattr(func, "__module__", "") or ""
    return f"{module.removeprefix('framelens.')}.{func.__qualname__}".lstrip(".")


def _called_function(tb, name: str):
    """Return the framelens function the innermost frame of ``tb`` was calling, or None.

    Python 3.11 gives each instruction its source span: the span of the failing call is
    parsed, and its callee (``framing.evaluate``) is looked up in the frame's namespace.
    """
    import ast
    import linecache

    while tb.tb_next is not None:
        tb = tb.tb_next
    frame, code = tb.tb_frame, tb.tb_frame.f_code
    try:
        lineno, end_lineno, col, end_col = list(code.co_positions())[tb.tb_lasti // 2]
    except (AttributeError, IndexError, ValueError):
        return None
    lines = [line.encode() for line in linecache.getlines(code.co_filename)]
    if None in (lineno, end_lineno, col, end_col) or end_lineno > len(lines):
        return None
    span = lines[lineno - 1 : end_lineno]
    span[-1] = span[-1][:end_col]
    span[0] = span[0][col:]
    try:
        call = ast.parse(b"".join(span).decode(errors="replace").strip(), mode="eval").body
    except SyntaxError:
        return None
    if not isinstance(call, ast.Call):
        return None
    node, attrs = call.func, []
    while isinstance(node, ast.Attribute):
        attrs.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    obj = frame.f_locals.get(node.id, frame.f_globals.get(node.id))
    for attr in reversed(attrs):
        obj = getattr(obj, attr, None)
    module = getattr(obj, "__module__", "") or ""
    if callable(obj) and module.startswith("framelens") and obj.__name__ == name.split(".")[-1]:
        return obj
    return None


def _find_function(name: str):
    import importlib

    short = name.rsplit(".", 1)[-1]
    if short.startswith("__"):
        return None  # a module's own dunder, not a framelens function
    from .analysis import registry

    modules = ["corpus", *registry(), "gazetteer", "plots", "groups", "report", "stance"]
    for mod in dict.fromkeys(modules):
        try:
            module = importlib.import_module(f"framelens.{mod}")
        except ImportError:
            continue
        func = getattr(module, short, None)
        if callable(func):
            return func
    return None


def _short_error(shell, etype, value, tb, tb_offset=None):  # pragma: no cover - in kernel
    msg = short_message(etype, value, tb)
    if msg is None:  # not one of ours: the usual traceback
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
        return None
    msg += "\n(framelens stopped here: change what the message names, then run the cell again.)"
    print(msg, file=sys.stderr)
    return [msg]


def setup(
    output_dir: str | Path,
    *,
    short_errors: bool = True,
    notebook: str | None = None,
    figure_formats: Sequence[str] | None = None,
    figure_dpi: int | None = None,
) -> Outputs:
    """Create ``output_dir/tables`` and ``output_dir/figures``; install short errors.

    Also sets pandas to print text columns whole in the notebook: a sentence the lesson
    asks the reader to read is never cut to ``…``.

    Parameters
    ----------
    output_dir
        The notebook's output folder (a relative path starts from the current folder,
        the notebook's own when the runner executes it); created with its parents if
        missing.
    short_errors
        ``True`` (default): in an IPython kernel, show framelens errors, and a misspelled
        keyword argument to a framelens function, as one line (:func:`short_message`),
        and a :class:`~framelens.errors.FramelensWarning` as its message alone. Outside
        IPython, or ``False``: errors and warnings are shown as usual.
    notebook
        The notebook's name (``"02_sentiment"``). Given, the files this notebook noted
        writing into ``output_dir`` on its last run (``output_dir/.written/<notebook>.txt``,
        see :func:`framelens.report.record_output`) are removed and the note is started
        again, so the folder holds this run's tables and figures only; a line says how
        many were removed. Under the runner (a fresh folder) there are none. Default
        None: nothing is removed or noted outside the runner.
    figure_formats, figure_dpi
        The notebook's parameters of the same names: the vector formats written beside
        each PNG (``"svg"``, ``"pdf"``) and the PNG's dots per inch, for every
        :func:`framelens.plots.save` of the session (:func:`framelens.plots.configure`;
        default None: unchanged, SVG at 150 dpi). Checked before anything is made.

    Returns
    -------
    Outputs
        ``root`` (``output_dir`` as a :class:`~pathlib.Path`, not resolved), and its
        ``tables`` and ``figures`` folders, both existing.

    Raises
    ------
    ParameterError
        When ``output_dir`` is not a path (an empty string, a number…), or its folders
        cannot be made there (a file in the way, no permission).

    Examples
    --------
    >>> import tempfile
    >>> out = setup(tempfile.mkdtemp(), short_errors=False)
    >>> out.tables.is_dir(), out.figures.is_dir()
    (True, True)
    """
    root = check_path("output_dir", output_dir, must_exist=False)
    from . import plots

    plots.configure(figure_formats, figure_dpi)
    # a label the font cannot draw (a Chinese outlet's name) is named once per figure by
    # plots.save; matplotlib's own warning came once per missing glyph of every drawing
    warnings.filterwarnings(
        "ignore", message=r"Glyph \d+ .*missing from font", category=UserWarning
    )
    tables, figures = root / "tables", root / "figures"
    for folder in (tables, figures):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            raise ParameterError(
                f"`output_dir` {str(output_dir)!r}: {folder} cannot be a folder, since "
                f"{next(p for p in (root, *root.parents) if p.exists())} is a file. "
                "Name a folder for the outputs."
            ) from None
        except PermissionError:
            raise ParameterError(
                f"`output_dir` {str(output_dir)!r}: no permission to create {folder}. "
                "Name a folder you can write to."
            ) from None
        except FileNotFoundError:
            raise ParameterError(
                f"`output_dir` {str(output_dir)!r}: {folder} cannot be created there. "
                "Name a folder you can write to."
            ) from None
    import pandas as pd

    pd.set_option("display.max_colwidth", None)  # never cut a sentence the reader must read
    if notebook is not None:
        _forget_last_run(root, notebook)
    if short_errors:
        try:
            from IPython import get_ipython

            shell = get_ipython()
        except ImportError:  # pragma: no cover
            shell = None
        if shell is not None:
            shell.set_custom_exc((FramelensError, TypeError), _short_error)
            _install_short_warnings()
    return Outputs(root, tables, figures)


def _forget_last_run(root: Path, notebook: str) -> list[str]:
    """Remove what ``notebook`` noted writing under ``root`` last time; note this run's.

    Only files under ``tables/`` and ``figures/`` (a figure's SVG with its PNG) are
    removed, never anything the note does not list. Returns the removed paths, relative.
    """
    from .report import NOTEBOOK_ENV, remove_outputs

    if not isinstance(notebook, str) or not re.fullmatch(r"[\w.-]+", notebook):
        raise ParameterError(
            f"`notebook` must be a notebook's name such as '02_sentiment', but {notebook!r} "
            "was passed."
        )
    if os.environ.get(NOTEBOOK_ENV, notebook) != notebook:
        return []  # the runner's copy under another name: its build is fresh, its notes its own
    os.environ[NOTEBOOK_ENV] = notebook  # record_output notes this run's files
    note = root / ".written" / f"{notebook}.txt"
    if not note.is_file():
        return []
    removed = remove_outputs(root, note.read_text(encoding="utf-8").split())
    note.unlink()
    if removed:
        print(
            f"framelens: removed {len(removed)} file(s) that {notebook} wrote into {root} on "
            "its last run (tables and figures of this run replace them)."
        )
    return removed


def warn_not_english(documents, methods: str) -> list[str]:
    """Warn when documents are not English text, naming the methods that assume it.

    Every method of the notebooks reads English: readability formulas and syllables,
    stopwords and word lists, VADER, the frame dictionaries, the exercise names. A
    document in another language gets numbers that look like any other's (a Russian
    text scored grade 1 and "reliable"; German "die" read as the English verb), so the
    notebook says which documents :func:`framelens.sentiment.language_check` flags.

    Parameters
    ----------
    documents
        The documents frame (``doc_id, text``).
    methods
        What this notebook measures, for the message ("readability, word lists and
        keyness").

    Returns
    -------
    list of str
        The flagged doc_ids (empty: nothing to say, no warning).
    """
    import warnings

    from .sentiment import language_check

    checked = language_check(documents)
    flagged = checked[checked["mostly_non_latin"] | checked["probably_not_english"]]
    ids = flagged["doc_id"].tolist()
    if ids:
        shown = ", ".join(repr(i) for i in ids[:5]) + (" …" if len(ids) > 5 else "")
        warnings.warn(
            f"{len(ids)} of {len(checked)} document(s) are probably not English ({shown}): "
            f"{methods} assume English, so their numbers for these documents mean little. "
            "Leave them out, or analyse them with tools for their language.",
            FramelensWarning,
            stacklevel=2,
        )
    return ids


def _install_short_warnings() -> None:
    """Show the library's own warnings as one line: their message, not a file path."""
    import warnings

    shown = warnings.showwarning
    if getattr(shown, "_framelens", False):
        return

    def show(message, category, filename, lineno, file=None, line=None):
        if issubclass(category, FramelensWarning):
            print(f"{category.__name__}: {message}", file=file or sys.stderr)
        else:
            shown(message, category, filename, lineno, file, line)

    show._framelens = True  # type: ignore[attr-defined]
    warnings.showwarning = show
