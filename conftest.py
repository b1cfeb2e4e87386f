"""Doctests of an analysis subpackage see the names its ``__init__`` exports.

A docstring example in ``framelens/events/claims.py`` may call ``mentions`` from
``framelens/events/mentions.py`` as a user of ``framelens.events`` would; the module's
own names come first.
"""

from __future__ import annotations

import importlib

import pytest


@pytest.fixture(autouse=True)
def _package_names(request, doctest_namespace):
    item = request.node
    globs = getattr(getattr(item, "dtest", None), "globs", None)
    doctest_namespace.clear()
    if not globs or "." not in globs.get("__name__", ""):
        return
    package = importlib.import_module(globs["__name__"].rsplit(".", 1)[0])
    for name in getattr(package, "__all__", ()):
        if name not in globs:
            doctest_namespace[name] = getattr(package, name)
