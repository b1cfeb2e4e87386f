"""Write tables the same way every time, and show them short."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

__all__ = ["save_table"]


def save_table(frame: pd.DataFrame, name: str, output_dir: str | Path) -> Path:
    r"""Write ``frame`` to ``output_dir/tables/<name>.csv`` (UTF-8, ``\n`` line ends).

    Floats are written with 10 significant digits so that the same data gives the same
    bytes on every run. Returns the path written.

    Examples
    --------
    >>> import tempfile
    >>> p = save_table(pd.DataFrame({"x": [1 / 3]}), "t", tempfile.mkdtemp())
    >>> p.read_text()
    'x\n0.3333333333\n'
    """
    folder = Path(output_dir) / "tables"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.csv"
    frame.to_csv(path, index=False, float_format="%.10g", lineterminator="\n", encoding="utf-8")
    return path
