"""Support for the notebooks: one set-up call and short error messages.

``framelens.nb.setup(output_dir)`` is the first call of every notebook. It creates the
output folders and makes a :class:`~framelens.errors.FramelensError` show as one short
message that says what to change, instead of a traceback through the library. The cell
still fails (papermill and the runner see the error); only what is shown is shorter.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import FramelensError
from .params import check_path

__all__ = ["Outputs", "setup"]


@dataclass(frozen=True)
class Outputs:
    """Where a notebook writes: ``root``, ``tables`` and ``figures`` folders."""

    root: Path
    tables: Path
    figures: Path


def _short_error(shell, etype, value, tb, tb_offset=None):  # pragma: no cover - in kernel
    name = etype.__name__
    msg = f"{name}: {value}\n(framelens stopped here; change what the message names and run the cell again.)"
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
            shell.set_custom_exc((FramelensError,), _short_error)
    return Outputs(root, tables, figures)
