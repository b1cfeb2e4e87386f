"""Attributes of a package that import their module only when first used."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterable
from typing import Any


def attributes(package: str, module: str, names: Iterable[str]) -> Callable[[str], Any]:
    """Return a package's ``__getattr__`` that takes ``names`` from one of its modules.

    The analyses' plotting modules import matplotlib, about a second in a fresh process;
    their package gives their functions only when one is first used, so that code that
    needs none of them (the runner's checks before any kernel starts) does not pay for it.
    ``from framelens.framing import plot_profile`` and ``framing.plot_profile`` work as
    before.

    Parameters
    ----------
    package
        The package's ``__name__`` (``"framelens.framing"``).
    module
        The module of the package that holds the names (``"plot"``).
    names
        The attributes to take from it.

    Returns
    -------
    callable
        The package's module-level ``__getattr__`` (PEP 562): a name of ``names`` is
        imported, kept on the package and returned; any other is an AttributeError.
    """
    wanted = frozenset(names)

    def __getattr__(name: str) -> Any:
        if name not in wanted:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
