"""framelens: a small library behind research notebooks that analyse news coverage.

Modules: :mod:`~framelens.corpus` (load, segment, tokenize), :mod:`~framelens.resources`
(offline lexicons and word lists), :mod:`~framelens.gazetteer` (actors and places),
:mod:`~framelens.plots` (house style, saving), :mod:`~framelens.report` (tables),
:mod:`~framelens.params` (parameter checks), :mod:`~framelens.pipeline` (the papermill
runner) and one module per analysis.
"""

import logging

from .errors import (
    FramelensError,
    FramelensWarning,
    InputError,
    NotebookError,
    NotebookTimeout,
    ParameterError,
    ResourceError,
)

__version__ = "0.1.0"

__all__ = [
    "FramelensError",
    "FramelensWarning",
    "InputError",
    "NotebookError",
    "NotebookTimeout",
    "ParameterError",
    "ResourceError",
    "__version__",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
