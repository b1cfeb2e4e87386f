"""Support for the notebooks: one set-up call and short error messages.

``framelens.nb.setup(output_dir)`` is the first call of every notebook. It creates the
output folders and makes a :class:`~framelens.errors.FramelensError` show as one short
message that says what to change, instead of a traceback through the library. The cell
still fails (papermill and the runner see the error); only what is shown is shorter.
"""

from __future__ import annotations

import inspect
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import FramelensError
from .params import check_path, suggest

__all__ = ["Outputs", "setup", "short_message"]


@dataclass(frozen=True)
class Outputs:
    """Where a notebook writes: ``root``, ``tables`` and ``figures`` folders."""

    root: Path
    tables: Path
    figures: Path


_KEYWORD = re.compile(r"^(?P<func>[\w.]+)\(\) got an unexpected keyword argument '(?P<arg>\w+)'$")


def short_message(etype: type, value: BaseException) -> str | None:
    """Return the one-line message for an error a student can cause, or None.

    Library errors show their own message; a misspelled keyword argument to a framelens
    function names the closest parameter.

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
        func = _find_function(m["func"])
        if func is not None:
            known = [p for p in inspect.signature(func).parameters if not p.startswith("_")]
            return (
                f"TypeError: {m['func']}() has no parameter {m['arg']!r}"
                f"{suggest(m['arg'], known)}; its parameters are {known}."
            )
    return None


def _find_function(name: str):
    import importlib

    short = name.rsplit(".", 1)[-1]
    for mod in ("corpus", "stats", "sentiment", "framing", "events", "gazetteer", "plots"):
        try:
            module = importlib.import_module(f"framelens.{mod}")
        except ImportError:
            continue
        func = getattr(module, short, None)
        if callable(func):
            return func
    return None


def _short_error(shell, etype, value, tb, tb_offset=None):  # pragma: no cover - in kernel
    msg = short_message(etype, value)
    if msg is None:  # not one of ours: the usual traceback
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
        return None
    msg += "\n(framelens stopped here: change what the message names, then run the cell again.)"
    print(msg, file=sys.stderr)
    return [msg]


def setup(output_dir: str | Path, *, short_errors: bool = True) -> Outputs:
    """Create ``output_dir/tables`` and ``output_dir/figures``; install short errors.

    Examples
    --------
    >>> import tempfile
    >>> out = setup(tempfile.mkdtemp(), short_errors=False)
    >>> out.tables.is_dir(), out.figures.is_dir()
    (True, True)
    """
    root = check_path("output_dir", output_dir, must_exist=False)
    tables, figures = root / "tables", root / "figures"
    for folder in (tables, figures):
        folder.mkdir(parents=True, exist_ok=True)
    if short_errors:
        try:
            from IPython import get_ipython

            shell = get_ipython()
        except ImportError:  # pragma: no cover
            shell = None
        if shell is not None:
            shell.set_custom_exc((FramelensError, TypeError), _short_error)
    return Outputs(root, tables, figures)
