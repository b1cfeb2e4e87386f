"""Errors that speak to the user.

Every error the library raises on purpose is a :class:`FramelensError`. Each names what was
given, what was expected and the next step, so a notebook shows one clear message instead
of a traceback from deep inside pandas or NLTK. The runner maps each class to an exit code
(see the README, "Exit codes").
"""

from __future__ import annotations

__all__ = [
    "FramelensError",
    "FramelensWarning",
    "InputError",
    "Interrupted",
    "NotebookError",
    "NotebookTimeout",
    "ParameterError",
    "ResourceError",
]


class FramelensError(Exception):
    """Base class of every error raised on purpose by framelens."""

    exit_code = 1


class ParameterError(FramelensError, ValueError):
    """A parameter has the wrong name, type or range."""

    exit_code = 2


class ResourceError(FramelensError):
    """An offline resource (lexicon, dictionary, NLTK data) is missing or damaged."""

    exit_code = 3


class NotebookError(FramelensError):
    """A notebook failed while it ran (names the notebook and the cell)."""

    exit_code = 4


class NotebookTimeout(FramelensError):
    """A notebook cell ran past its timeout, or its kernel died."""

    exit_code = 5


class InputError(FramelensError, ValueError):
    """An input file or folder cannot be read as a corpus."""

    exit_code = 6


class FramelensWarning(UserWarning):
    """Something was skipped or is unreliable; the message says what and why."""


class Interrupted(FramelensError):
    """The run was interrupted (Ctrl-C): its kernels were stopped, its build removed."""

    exit_code = 130
