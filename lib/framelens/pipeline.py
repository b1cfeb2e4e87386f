"""The runner: execute the notebooks with papermill into one run folder.

``framelens run`` (what ``make run`` calls) and :func:`run` execute every notebook in
``notebooks/`` (or a subset) with papermill on the environment's own kernel, and write

```
<out>/notebooks/   executed notebooks          <out>/figures/   PNG and SVG
<out>/html/        the same, rendered          <out>/tables/    CSV
<out>/index.html   links to all of them        <out>/manifest.json
```

It closes papermill's known gaps here rather than in a fork:

- parameters are checked against each notebook's ``parameters`` cell before any kernel
  starts: an unknown name is an error suggesting the closest known name, and values are
  coerced to the default's type or rejected with the parameter, value and expected type;
- every cell has a timeout, so a hung kernel cannot hang CI;
- failures raise :class:`~framelens.errors.NotebookError` (a cell raised) or
  :class:`~framelens.errors.NotebookTimeout` (timeout, dead kernel), each with its exit
  code (README, "Exit codes");
- each notebook runs with its own folder as working directory;
- the run is built in a temporary folder and swapped in only when every notebook
  succeeded: a failure leaves the last good outputs untouched and keeps the failed
  build, executed notebooks included, in ``<out>.failed/`` for inspection.

Its own overhead is kept small (``benchmarks/bench_run.py`` measures it against bare
papermill): this process reads the parameters cells without importing papermill and
checksums the resources once; the pool's workers start while the run is checked; each
executed notebook is written once, its kernel stopped at once when it has no process or
connection of its own, and its HTML rendered by its worker while the others still run;
notebooks start in the order that ends the run soonest given the last run's durations.
"""

from __future__ import annotations

import ast
import atexit
import concurrent.futures as cf
import contextlib
import copy
import datetime as dt
import errno
import functools
import gc
import hashlib
import html
import importlib.metadata
import itertools
import json
import multiprocessing
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import resources
from .errors import (
    FramelensWarning,
    InputError,
    Interrupted,
    NotebookError,
    NotebookTimeout,
    ParameterError,
    ResourceError,
)
from .params import suggest

__all__ = [
    "NOTEBOOKS_DIR",
    "NotebookResult",
    "RunResult",
    "coerce_parameters",
    "find_notebooks",
    "notebook_parameters",
    "run",
]

NOTEBOOKS_DIR = Path(__file__).resolve().parents[2] / "notebooks"
COMMON = ("corpus_path", "output_dir")
DEFAULT_TIMEOUT = 300
#: free space (bytes) a run needs before it starts: the seed run writes ~15 MB
MIN_FREE_BYTES = 100 * 2**20
#: the notebook calls the runner evaluates before any kernel starts (see _preflight_checks)
_CHECK_CALLS = {
    "params": ("check_",),
    "events": ("check_", "load_events"),
    "framing": ("load_dictionary", "extend", "load_labels"),
    "gazetteer": ("load_gazetteer",),
    "stats": ("check_",),
}
_LITERAL_NODES = (
    ast.Constant,
    ast.List,
    ast.Tuple,
    ast.Set,
    ast.Dict,
    ast.UnaryOp,
    ast.USub,
    ast.UAdd,
    ast.Load,
    ast.keyword,
)
KEY_PACKAGES = [
    "framelens",
    "pandas",
    "numpy",
    "scipy",
    "matplotlib",
    "nltk",
    "textstat",
    "vaderSentiment",
    "textblob",
    "statsmodels",
    "papermill",
    "nbconvert",
    "nbclient",
    "ipykernel",
    "dask",
    "distributed",
    "pyarrow",
]


@dataclass
class NotebookResult:
    """What happened to one notebook in a run."""

    name: str
    status: str  # ok | error | timeout | dead_kernel
    duration_s: float
    parameters: dict[str, Any] = field(default_factory=dict)
    cell: int | None = None
    error: str = ""
    exec_count: int | None = None


@dataclass
class RunResult:
    """A finished run: its folder and one result per notebook."""

    out_dir: Path
    notebooks: list[NotebookResult]

    @property
    def ok(self) -> bool:
        """True if every notebook succeeded."""
        return all(n.status == "ok" for n in self.notebooks)


# ---------------------------------------------------------------------------------------
# notebooks and their parameters


def find_notebooks(only: list[str] | None = None, notebooks_dir: Path | None = None) -> list[Path]:
    """Return the notebooks to run, sorted by name; ``only`` selects by name or prefix.

    ``only=["01"]``, ``["01_text_stats"]`` and ``["text_stats"]`` all select
    ``01_text_stats.ipynb``. An unknown name is a :class:`ParameterError` suggesting the
    closest one.

    Parameters
    ----------
    only
        Notebook names or prefixes: the full stem (``"01_text_stats"``), its number
        (``"01"``, or any prefix starting with two digits) or its name without the number
        (``"text_stats"``). ``None`` or empty (default): every notebook.
    notebooks_dir
        The folder to look in (default: :data:`NOTEBOOKS_DIR`, the repository's
        ``notebooks/``); files whose name starts with ``.`` are ignored.

    Returns
    -------
    list of pathlib.Path
        The selected ``*.ipynb`` files, each once, sorted by name.

    Raises
    ------
    InputError
        When the folder holds no notebook.
    ParameterError
        When a name in ``only`` selects no notebook.
    """
    folder = Path(notebooks_dir) if notebooks_dir else NOTEBOOKS_DIR
    books = sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))
    if not books:
        raise InputError(f"no notebooks (*.ipynb) in {folder}.")
    if not only:
        return books
    names = [b.stem for b in books]
    chosen = []
    for want in only:
        hits = [
            b
            for b in books
            if b.stem == want
            or b.stem.startswith(want + "_")
            or b.stem.split("_", 1)[-1] == want
            or b.stem.startswith(want)
            and want[:2].isdigit()
        ]
        if not hits:
            raise ParameterError(
                f"`--only` {want!r}: no such notebook{suggest(want, names)}; known: {names}."
            )
        chosen += [h for h in hits if h not in chosen]
    return sorted(chosen)


#: papermill's pattern for one parameter line (``papermill.translators.PythonTranslator``)
_PARAMETER_LINE = re.compile(
    r"^(?P<target>\w[\w_]*)\s*(:\s*[\"']?(?P<annotation>\w[\w_\[\],\s]*)[\"']?\s*)?=\s*"
    r"(?P<value>.*?)(\s*#\s*(type:\s*(?P<type_comment>[^\s]*)\s*)?(?P<help>.*))?$"
)
_PARAMETERS_CACHE: dict[tuple[str, int, int], dict[str, dict[str, Any]]] = {}


def _read_notebook(path: Path) -> dict[str, Any]:
    """Read a notebook's JSON (no nbformat: the runner's process never needs its schema)."""
    try:
        nb = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(nb, dict) or not isinstance(nb["cells"], list):
            raise ValueError("no list of cells")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{Path(path).name}: cannot read its parameters cell ({exc}).") from None
    return nb


def _source(cell: dict[str, Any]) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def _inspect_parameters(source: str) -> list[tuple[str, str, str]]:
    """Return ``(name, default, help)`` of each line of a parameters cell, as papermill does.

    The same grouping and pattern as ``papermill.inspect_notebook`` (a multi-line list or
    dict is one parameter; the help is the comment on its last line), without importing
    papermill and its dependencies in the runner's process (~1.5 s).
    """

    def flatten(lines: list[str]) -> str:
        flat = ""
        for line in lines[:-1]:
            flat += (line[: line.index("#")] if "#" in line else line).strip()
        if lines:
            flat += lines[-1].strip()
        return flat

    groups, lines = [], []
    for line in source.splitlines():
        if not line.strip() or line.strip().startswith("#"):
            continue
        equals = line.count("=")
        if equals > 0:
            groups.append(flatten(lines))
            lines = []
            if equals > 1:
                continue  # papermill cannot parse it either (it warns and skips the line)
        lines.append(line)
    groups.append(flatten(lines))
    found = []
    for definition in groups:
        match = _PARAMETER_LINE.match(definition) if definition else None
        if match is not None and match["target"] is not None:
            found.append(
                (
                    match["target"].strip(),
                    str(match["value"]).strip(),
                    (match["help"] or "").strip(),
                )
            )
    return found


def notebook_parameters(path: Path) -> dict[str, dict[str, Any]]:
    """Return ``{name: {"default": value, "type": name, "help": text}}`` of a notebook.

    Read from the cell tagged ``parameters`` as papermill's inspector reads it; defaults
    are parsed as Python literals. Cached per file version (path, size, modification time).

    Parameters
    ----------
    path
        A notebook file (``.ipynb``).

    Returns
    -------
    dict
        One entry per parameter, in the cell's order: ``default`` is the value (its
        source text when it is not a Python literal), ``type`` the name of its type
        (``"int"``, ``"str"``, ``"NoneType"``…) and ``help`` the comment on its line
        (empty without one). Empty when the notebook has no ``parameters`` cell. A copy:
        changing it does not change the cache.

    Raises
    ------
    InputError
        When the file cannot be read or is not a notebook's JSON.
    """
    path = Path(path)
    try:
        stat = path.stat()
        key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    except OSError as exc:
        raise InputError(f"{path.name}: cannot read its parameters cell ({exc}).") from None
    if key not in _PARAMETERS_CACHE:
        nb = _read_notebook(path)
        cell = next(
            (
                c
                for c in nb["cells"]
                if isinstance(c, dict) and "parameters" in c.get("metadata", {}).get("tags", [])
            ),
            None,
        )
        out = {}
        for name, value, help_text in _inspect_parameters(_source(cell)) if cell else []:
            try:
                default = ast.literal_eval(value)
            except (ValueError, SyntaxError):
                default = value
            out[name] = {"default": default, "type": type(default).__name__, "help": help_text}
        _PARAMETERS_CACHE[key] = out
    return copy.deepcopy(_PARAMETERS_CACHE[key])


def coerce_parameters(
    notebook: str, declared: dict[str, dict[str, Any]], given: dict[str, Any]
) -> dict[str, Any]:
    """Check ``given`` against a notebook's declared parameters and coerce types.

    A name the notebook does not declare is an error naming the closest declared one. A
    value is coerced to the type of the default (an int for a float parameter becomes a
    float; a scalar for a str parameter becomes its text) or rejected with the parameter,
    the value and the expected type.

    Parameters
    ----------
    notebook
        The notebook's name, as the messages show it.
    declared
        Its parameters, as :func:`notebook_parameters` returns them (only ``default`` is
        read).
    given
        The values to pass, by parameter name.

    Returns
    -------
    dict
        ``given``, each value coerced to the type of its default: an int for a float
        parameter becomes a float; a whole float (``3.0``) for an int parameter, an int;
        ``"true"``/``"false"`` (any case) for a bool, a bool; a number for a str, its
        text; a tuple for a list, a list, and one string for a list, a list of it
        (``-p figure_formats pdf``). A value whose default is ``None`` is passed as given.

    Raises
    ------
    ParameterError
        When a name is not declared (the closest declared name is suggested), or a value
        cannot be coerced to its default's type.

    Examples
    --------
    >>> decl = {"top_n": {"default": 20, "type": "int", "help": ""},
    ...         "alpha": {"default": 0.5, "type": "float", "help": ""}}
    >>> coerce_parameters("nb", decl, {"alpha": 2})
    {'alpha': 2.0}
    """
    out = {}
    for name, value in given.items():
        if name not in declared:
            raise ParameterError(
                f"{notebook}: unknown parameter {name!r}{suggest(name, declared)}; "
                f"its parameters are {sorted(declared)}."
            )
        default = declared[name]["default"]
        out[name] = _coerce(notebook, name, value, default)
    return out


#: mapping parameters that also take the path of a YAML or JSON file of the mapping (their
#: notebooks pass them to a loader that reads either: gazetteer.load_gazetteer)
MAPPING_OR_FILE = frozenset({"extra_actors"})


def _coerce(notebook: str, name: str, value: Any, default: Any) -> Any:
    def bad(expected: str) -> ParameterError:
        return ParameterError(
            f"{notebook}: parameter {name!r} expects {expected} (its default is {default!r}), "
            f"but {value!r} ({type(value).__name__}) was passed."
        )

    if default is None:
        return value
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
        raise bad("True or False")
    if isinstance(default, int):
        if isinstance(value, bool):
            raise bad("a whole number")
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        raise bad("a whole number")
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise bad("a number")
        return float(value)
    if isinstance(default, str):
        if isinstance(value, str):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        raise bad("a string")
    if isinstance(default, list | tuple):
        if isinstance(value, list | tuple):
            return list(value)
        if isinstance(value, str) and value.strip():  # -p figure_formats pdf: a list of one
            return [value]
        raise bad("a list")
    if isinstance(default, dict):
        if isinstance(value, dict):
            return value
        if name in MAPPING_OR_FILE and isinstance(value, str):
            if value.lower().endswith((".yaml", ".yml", ".json")):
                return value  # read by the notebook's loader, which names a bad file
            raise bad("a mapping or the path of a .yaml/.json file holding one")
        raise bad("a mapping")
    return value


def load_config(path: str | Path | None) -> dict[str, Any]:
    """Read a YAML run config.

    ``parameters`` go to every notebook that declares them; ``notebooks: {name: {param:
    value}}`` sets per-notebook ones.

    Parameters
    ----------
    path
        The YAML file; ``None`` or empty: no config.

    Returns
    -------
    dict
        ``{"parameters": {name: value}, "notebooks": {notebook: {name: value}}}``, each
        empty when the file (or ``path``) gives none.

    Raises
    ------
    ParameterError
        When the file does not exist, is not valid YAML or has keys other than
        ``parameters`` and ``notebooks``.
    """
    if not path:
        return {"parameters": {}, "notebooks": {}}
    p = Path(path)
    if not p.is_file():
        raise ParameterError(f"`--config` {str(path)!r}: no such file.")
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ParameterError(f"{p}: not valid YAML ({exc}).") from None
    if not isinstance(data, dict) or set(data) - {"parameters", "notebooks"}:
        raise ParameterError(
            f"{p}: a run config has the keys 'parameters' and 'notebooks' only; got "
            f"{sorted(data) if isinstance(data, dict) else type(data).__name__}."
        )
    parameters = data.get("parameters") or {}
    notebooks = data.get("notebooks") or {}
    # a path in the config is read from the config's folder, wherever the command runs
    return {
        "parameters": _paths_from(parameters, p.parent),
        "notebooks": {
            name: _paths_from(values, p.parent) if isinstance(values, dict) else values
            for name, values in notebooks.items()
        },
    }


def _paths_from(values: dict[str, Any], folder: Path) -> dict[str, Any]:
    """Make the relative paths among ``values`` start from ``folder`` (as _absolute_paths)."""
    out = dict(values)
    for name, value in values.items():
        if name in COMMON or not isinstance(value, str) or not value:
            continue
        if _is_path(name, value) and not os.path.isabs(value):
            out[name] = os.path.normpath(os.path.join(os.path.abspath(folder), value))
    return out


def _is_path(name: str, value: str) -> bool:
    """Whether a parameter value is a file path: a ``*_path`` or a file name (``.yaml``…)."""
    looks_like_file = value.lower().endswith((".yaml", ".yml", ".csv", ".json", ".jsonl"))
    return name.endswith("_path") or looks_like_file


def _plan(
    books: list[Path],
    params: dict[str, Any],
    config: dict[str, Any],
    raw: dict[str, str] | None = None,
) -> dict[str, dict[str, Any]]:
    """Resolve and check the parameters of every notebook before any kernel starts.

    A parameter is known when any notebook of the folder declares it, not only the
    notebooks of this run: one run config (or one command line) serves every ``--only``.
    ``raw`` holds the text typed on the command line (``-p keyness_target 0123``): a
    parameter whose default is text takes it as typed, not as YAML read it (83).
    """
    declared = {b.stem: notebook_parameters(b) for b in books}
    folder = {b.stem: b for b in find_notebooks(None, books[0].parent)} if books else {}
    everyone = {
        stem: declared[stem] if stem in declared else notebook_parameters(book)
        for stem, book in folder.items()
    } or declared
    common = {**config["parameters"], **params}
    all_names = set().union(*(d.keys() for d in everyone.values()))
    for name in common:
        if name not in all_names:
            raise ParameterError(
                f"unknown parameter {name!r}{suggest(name, all_names)}: no notebook "
                f"declares it. Known: {sorted(all_names)}."
            )
    for name, values in config["notebooks"].items():
        if name not in everyone:
            raise ParameterError(
                f"run config names notebook {name!r}{suggest(name, everyone)}, which is not "
                f"one of the notebooks ({sorted(everyone)})."
            )
        if name not in declared:  # a notebook this run leaves out: its values are checked
            coerce_parameters(name, everyone[name], values or {})
    plan = {}
    for stem, decl in declared.items():
        given = {k: v for k, v in common.items() if k in decl}
        for k, text in (raw or {}).items():
            if (
                k in given
                and k in params
                and isinstance(decl[k]["default"], str)
                and given[k] is not None  # "null" stays null
            ):
                given[k] = text
        given.update(config["notebooks"].get(stem) or {})
        plan[stem] = _absolute_paths(coerce_parameters(stem, decl, given))
    return plan


def _absolute_paths(values: dict[str, Any]) -> dict[str, Any]:
    """Resolve the paths a user passes against the user's folder.

    ``*_path`` parameters, and file names (``.yaml``, ``.csv``…), e.g. ``-p dictionary
    my_frames.yaml`` (one that does not exist too, so that its error names the right path).

    Each notebook runs in its own folder, so a relative ``labels_path`` would otherwise
    be read from ``notebooks/``, not from where the user typed it.
    """
    out = dict(values)
    for name, value in values.items():
        if name in COMMON or not isinstance(value, str) or not value:
            continue
        # a file name that does not exist too: the notebook's message then names the path
        # looked for from the user's folder, not from notebooks/
        if _is_path(name, value):
            out[name] = os.path.abspath(value)
    return out


def _spec_values(plan: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Return the corpus spec of a run: the same in every notebook that declares it."""
    from .corpus import SPEC_DEFAULTS

    values: dict[str, Any] = dict(SPEC_DEFAULTS)
    for name in SPEC_DEFAULTS:
        given = {stem: p[name] for stem, p in plan.items() if name in p}
        if len(set(map(repr, given.values()))) > 1:
            raise ParameterError(
                f"the corpus option {name!r} differs between notebooks ({given}); a run "
                "reads one corpus one way: set it once, for every notebook."
            )
        if given:
            values[name] = next(iter(given.values()))
    return values


def _preflight_corpus(corpus: Path, values: dict[str, Any]):
    """Read the corpus once in this process, so a bad input fails before any kernel.

    A single file or a folder of .txt is read whole; of a glob or Parquet shards, the
    first shard (the others are read by the notebooks, with the same errors). What the
    loading warns of (dates not ISO 8601, HTML markup, empty texts, garbled characters)
    is printed once on stderr, so a command-line run shows it too, not only the
    rendered notebooks.
    """
    import pandas as pd

    from . import corpus as corpus_mod
    from . import scale

    corpus_mod.check_spec(values)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", FramelensWarning)
        is_glob = corpus_mod.is_glob(corpus)
        kind, files = scale.shard_paths(corpus)
        if kind == "txt" and len(files) > 1:
            _check_file_ids(corpus, files)
        if is_glob or kind == "parquet":
            columns = scale._columns(
                kind,
                files,
                values["encoding"],
                values["text_column"],
                values["id_column"],
                values["delimiter"],
            )
            chunk = [str(f) for f in files[:500]] if kind == "txt" else [str(files[0])]
            options = {k: values[k] for k in corpus_mod.SPEC_DEFAULTS}
            docs = scale._load_shard(chunk, kind=kind, columns=columns, **options)
        else:
            docs = corpus_mod.load(corpus, **values)
            docs.attrs["whole_corpus"] = True  # every document: group values are all known
    for message in dict.fromkeys(
        str(w.message) for w in caught if issubclass(w.category, FramelensWarning)
    ):
        print(f"framelens: warning: {message}", file=sys.stderr)
    if isinstance(docs, pd.DataFrame) and docs.empty:
        raise InputError(f"corpus_path {str(corpus)!r}: no documents to analyse.")
    if isinstance(docs, pd.DataFrame) and not (is_glob or kind == "parquet"):
        corpus_mod.check_has_text(docs, f"corpus_path {str(corpus)!r}")
    return docs


def _check_file_ids(corpus: Path, files: list[Path]) -> None:
    """Refuse .txt files whose names give one id (a glob over folders: BBC/1.txt, CNN/1.txt).

    Only the names are read, so this is checked before any kernel starts, for every file
    of a glob (the preflight reads the first chunk of a large one).
    """
    from . import corpus as corpus_mod

    ids = corpus_mod._safe_ids([corpus_mod._file_id(f) for f in files])
    where: dict[str, list[Path]] = {}
    for i, f in zip(ids, files, strict=True):
        where.setdefault(i, []).append(f)
    twice = {i: fs for i, fs in where.items() if len(fs) > 1}
    if twice:
        i, fs = next(iter(twice.items()))
        shown = ", ".join(str(f) for f in fs[:3])
        raise InputError(
            f"corpus_path {str(corpus)!r}: {len(twice)} document id(s) are given by more than "
            f"one file ({i!r}: {shown}): a .txt file's id is its name. Rename the files so "
            "that names differ across the folders (e.g. bbc-1.txt), or run each folder as "
            "its own corpus."
        )


def _is_check(call: Any) -> bool:
    return (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and isinstance(call.func.value, ast.Name)
        and call.func.value.id in _CHECK_CALLS
        and call.func.attr.startswith(_CHECK_CALLS[call.func.value.id])
    )


def _module_env() -> dict[str, Any]:
    from . import events, framing, gazetteer, params, stats

    return {
        "params": params,
        "events": events,
        "framing": framing,
        "gazetteer": gazetteer,
        "stats": stats,
    }


def _validation_calls(book: Path) -> list[tuple[list[ast.expr], ast.Call, str | None]]:
    """Return the ``params.check_*``/``events.check_*`` calls of a notebook.

    Top-level calls, and calls inside a top-level ``if`` (``if labels_path:``), each
    with the conditions it runs under and the name it is assigned to, if any
    (``frames_dict = framing.load_dictionary(dictionary)``), so later checks can use it.
    """
    nb = _read_notebook(book)
    found: list[tuple[list[ast.expr], ast.Call, str | None]] = []

    def visit(body: list[ast.stmt], conditions: list[ast.expr]) -> None:
        for stmt in body:
            if isinstance(stmt, ast.If):
                visit(stmt.body, [*conditions, stmt.test])
                continue
            call = stmt.value if isinstance(stmt, ast.Expr | ast.Assign) else None
            target = None
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
                if isinstance(stmt.targets[0], ast.Name):
                    target = stmt.targets[0].id
            if _is_check(call):
                found.append((conditions, call, target))

    for cell in nb["cells"]:
        tags = cell.get("metadata", {}).get("tags", [])
        if cell.get("cell_type") != "code" or "parameters" in tags:
            continue
        try:
            tree = ast.parse(_source(cell))
        except SyntaxError:
            continue
        visit(tree.body, [])
    return found


def _literal(node: ast.AST, namespace: dict[str, Any]) -> bool:
    """Return True if ``node`` uses only literals and the notebook's parameters."""
    logic = (ast.BoolOp, ast.And, ast.Or, ast.Not, ast.Compare, ast.cmpop, ast.Attribute)
    for n in ast.walk(node):
        if isinstance(n, ast.Call):
            if not _is_check(n):
                return False
        elif isinstance(n, ast.Name):
            if n.id not in namespace and n.id not in _CHECK_CALLS:
                return False
        elif not isinstance(n, _LITERAL_NODES + logic):
            return False
    return True


def _preflight_checks(books: list[Path], plan: dict[str, dict[str, Any]], documents) -> None:
    """Run each notebook's own parameter checks here, before any kernel starts.

    The checks are the notebook's ``params.check_*`` calls whose arguments are literals
    and parameters (``params.check_int("top_n", top_n, min_value=1)``): the notebook
    stays the one place that states a parameter's range, and the runner applies it
    with the values of this run. Column parameters (``group_by``, ``ratings_column``)
    are checked against the corpus's columns.
    """
    columns = [c for c in getattr(documents, "columns", []) if c != "text"]
    seen_before: set[str] = set()  # a check's warning is printed once for all notebooks
    for book in books:
        values = plan[book.stem]
        declared = notebook_parameters(book)
        namespace = {k: v["default"] for k, v in declared.items()}
        namespace.update(values)
        env = {**_module_env(), **namespace}
        for conditions, call, target in _validation_calls(book):
            args = [*call.args, *(k.value for k in call.keywords)]
            if not all(_literal(a, namespace) for a in [*args, *conditions]):
                continue
            code = compile(ast.Expression(call), f"<{book.stem}>", "eval")
            try:
                if not all(
                    eval(compile(ast.Expression(c), f"<{book.stem}>", "eval"), env)  # noqa: S307
                    for c in conditions
                ):
                    continue
                with contextlib.chdir(book.parent), warnings.catch_warnings(record=True) as seen:
                    warnings.simplefilter("always", FramelensWarning)
                    value = eval(code, env)  # noqa: S307 - the notebook's own literal check call
                for w in seen:  # e.g. an event table's own domains: once, as a line
                    if issubclass(w.category, FramelensWarning):
                        said = f"framelens: warning: {w.message}"
                        if said not in seen_before:
                            seen_before.add(said)
                            print(said, file=sys.stderr)
                if target:  # later checks may use it (the dictionary's frames)
                    namespace[target] = env[target] = value
            except (ParameterError, InputError, ResourceError) as exc:
                raise type(exc)(f"{book.stem}: {exc}") from None
        if values.get("group_by"):
            from .groups import check_not_reserved

            try:
                check_not_reserved(values["group_by"])
            except ParameterError as exc:
                raise ParameterError(f"{book.stem}: {exc}") from None
        for name in ("group_by", "ratings_column"):
            value = values.get(name)
            if value and columns and value not in columns:
                raise ParameterError(
                    f"{book.stem}: `{name}` {value!r} is not a column of the documents"
                    f"{suggest(value, columns)}; the columns are {columns}. Add it to "
                    "metadata.csv (or the CSV/JSONL) or pick one of these."
                )
        ratings = values.get("ratings_column")
        if ratings and ratings in columns and len(documents):
            from .sentiment import check_ratings

            try:
                check_ratings(documents, ratings)
            except InputError as exc:
                raise InputError(f"{book.stem}: {exc}") from None
        group_by, period = values.get("group_by"), values.get("period")
        if group_by and group_by in columns and len(documents):
            from .groups import MISSING, is_missing

            empty = is_missing(documents[group_by])
            said = (
                f"framelens: note: {int(empty.sum())} of {len(documents)} document(s) have no "
                f"{group_by!r} (empty, or 'nan', 'None', 'NULL', 'N/A'): they are compared "
                f"as one group of their own, {MISSING!r}. Fill in {group_by!r} to place them "
                "in their groups."
            )
            if empty.any() and said not in seen_before:
                seen_before.add(said)
                print(said, file=sys.stderr)
        if namespace.get("period") and "group_by" in namespace and not namespace["group_by"]:
            period = namespace["period"]
            # the notebooks refuse it in their "At scale" cells, after minutes of work
            raise ParameterError(
                f"{book.stem}: `period` {period!r} groups the dates of the `group_by` column, "
                "but no `group_by` was given: pass group_by published (or another date "
                "column) too, or leave `period` out."
            )
        target = namespace.get("keyness_target")
        if group_by and group_by in columns and len(documents) and (period or target):
            # read the groups once: a period the column cannot give fails in every notebook,
            # and a keyness target must be one of them (the notebook checks it only after
            # loading and counting)
            from .groups import group_labels

            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", FramelensWarning)
                    labels = group_labels(documents, group_by, period=period or None)
            except ParameterError as exc:
                raise ParameterError(f"{book.stem}: {exc}") from None
            found = sorted(set(labels["group"]))
            whole = getattr(documents, "attrs", {}).get("whole_corpus")
            if target and whole and str(target) not in found:
                raise ParameterError(
                    f"{book.stem}: `keyness_target` {target!r} is not a group of `group_by` "
                    f"{group_by!r}{suggest(str(target), found)}; the groups are {found[:20]}"
                    f"{' …' if len(found) > 20 else ''}."
                )


# ---------------------------------------------------------------------------------------
# execution


#: seconds a kernel may take to start before the run reports it (papermill's default: 60)
KERNEL_START_TIMEOUT = 300
#: the papermill engine the workers register (see _register_engine)
ENGINE = "framelens"
#: where the last run in this process spent its time (seconds): the runner's phases and,
#: per notebook, kernel start, kernel stop and HTML; read by benchmarks/bench_run.py
LAST_TIMINGS: dict[str, Any] = {}


def _init_worker() -> None:
    """Start a pool worker: Ctrl-C is the runner's; papermill is imported before any notebook.

    Kernels are processes of their own and import as usual.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # the runner waits for its workers to end: they end without the interpreter's last
    # garbage collections over everything they imported (~0.3 s)
    atexit.register(gc.freeze)
    _skip_unused_imports()
    _register_engine()


def _skip_unused_imports() -> None:
    """Keep jsonschema's optional IRI grammar out of this process (the runner's own only).

    jsonschema, under nbformat, imports ``rfc3987_syntax`` if installed, which builds a
    Lark grammar at import (~1 s) and tears it down at exit (~0.3 s). Nothing the runner
    does validates IRI formats (nbformat checks no formats), so its processes go without:
    jsonschema then leaves those two formats unchecked, as when the package is absent.
    """
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


def _register_engine() -> None:
    """Register papermill's nbclient engine, changed in two ways that save a run time.

    - The executed notebook is written once, when execution ends, rather than after each
      cell (papermill's ``request_save_on_cell_execute``): the runner reads it only then.
      A timeout, a dead kernel or a kernel that never started still writes the cells run
      so far, so the failure names the cell and ``<run>.failed/`` keeps the copy.
    - When every cell has run and the kernel started no process and opened no
      connection of its own, it is stopped at once instead of being asked to shut down
      (~1 s of interpreter teardown a notebook). A kernel with a Dask cluster is shut
      down gracefully, as before, so that it can close it (see _kernel_alone).
    """
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, NotebookExecutionManager, papermill_engines
    from papermill.exceptions import PapermillException
    from papermill.log import logger
    from papermill.utils import merge_kwargs, remove_args

    with contextlib.suppress(PapermillException):
        papermill_engines.get_engine(ENGINE)
        return  # registered already

    class Manager(NotebookExecutionManager):
        write = False

        def save(self, **kwargs: Any) -> None:
            if self.write:
                super().save(**kwargs)
            else:
                self.last_save_time = self.now()

    class Client(PapermillNotebookClient):
        def papermill_execute_cells(self) -> None:
            super().papermill_execute_cells()
            _WORKER_TIMES["cells_done"] = time.perf_counter()
            if _kernel_alone(self.km):
                self.shutdown_kernel = "immediate"

    class Engine(NBClientEngine):
        @classmethod
        def execute_notebook(
            cls,
            nb: Any,
            kernel_name: str,
            output_path: str | None = None,
            progress_bar: bool = True,
            log_output: bool = False,
            autosave_cell_every: int = 30,
            **kwargs: Any,
        ) -> Any:
            nb_man = Manager(
                nb,
                output_path=output_path,
                progress_bar=progress_bar,
                log_output=log_output,
                autosave_cell_every=0,
            )
            nb_man.notebook_start()
            try:
                cls.execute_managed_notebook(nb_man, kernel_name, log_output=log_output, **kwargs)
            except BaseException:
                nb_man.write = True  # papermill writes no copy when execution itself fails
                raise
            finally:
                nb_man.cleanup_pbar()
                nb_man.notebook_complete()
            return nb_man.nb

        @classmethod
        def execute_managed_notebook(
            cls,
            nb_man: Any,
            kernel_name: str,
            log_output: bool = False,
            stdout_file: Any = None,
            stderr_file: Any = None,
            start_timeout: int = 60,
            execution_timeout: int | None = None,
            **kwargs: Any,
        ) -> Any:
            kwargs = remove_args(["input_path"], **kwargs)
            safe_kwargs = remove_args(["timeout", "startup_timeout"], **kwargs)
            final_kwargs = merge_kwargs(
                safe_kwargs,
                timeout=execution_timeout if execution_timeout else kwargs.get("timeout"),
                startup_timeout=start_timeout,
                kernel_name=kernel_name,
                log=logger,
                log_output=log_output,
                stdout_file=stdout_file,
                stderr_file=stderr_file,
                on_notebook_start=_kernel_ready,
            )
            return Client(nb_man, **final_kwargs).execute()

    papermill_engines.register(ENGINE, Engine)


_WORKER_TIMES: dict[str, float] = {}


def _kernel_ready(**_: Any) -> None:
    _WORKER_TIMES["ready"] = time.perf_counter()


def _kernel_alone(km: Any) -> bool:
    """Return True if the kernel started no process and holds no connection of its own.

    Such a kernel can be stopped at once. One that started a Dask ``LocalCluster`` (child
    processes) or joined a running cluster (a connection to its scheduler) is asked to
    shut down, so that it closes them. In doubt, a kernel is not alone.
    """
    import psutil

    process = getattr(getattr(km, "provisioner", None), "process", None)
    if process is None:
        return False
    own = {getattr(km, f"{channel}_port", None) for channel in _KERNEL_CHANNELS}
    try:
        kernel = psutil.Process(process.pid)
        if kernel.children(recursive=True):
            return False
        for conn in kernel.net_connections(kind="inet"):
            # the runner's channels, and the kernel's own threads talking to them
            if conn.raddr and conn.laddr.port not in own and conn.raddr.port not in own:
                return False
    except psutil.Error:
        return False
    return True


_KERNEL_CHANNELS = ("shell", "iopub", "stdin", "control", "hb")

#: times a notebook's kernel is started again when it dies before running any cell
KERNEL_START_RETRIES = 2
#: what jupyter_client raises when a kernel dies while starting
KERNEL_START_DIED = "Kernel died before replying to kernel_info"


def _execute(src: str, dst: str, parameters: dict[str, Any], timeout: int) -> dict[str, Any]:
    """Run one notebook (in a worker process); never raises, returns a status dict."""
    start = time.perf_counter()
    _WORKER_TIMES.clear()
    import papermill
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    _register_engine()
    # kernels show figures inline whatever backend the caller set (make exports Agg)
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    # the kernel notes the files it writes under this notebook's name (the run's index)
    os.environ["FRAMELENS_NOTEBOOK"] = Path(src).stem
    # the kernel inherits this process's stderr: keep its log beside the executed notebook
    log = open(Path(dst).with_suffix(".log"), "ab")  # noqa: SIM115 - closed below
    os.dup2(log.fileno(), 2)
    for attempt in range(KERNEL_START_RETRIES + 1):
        status, cell, error, exec_count = "ok", None, "", None
        try:
            papermill.execute_notebook(
                src,
                dst,
                parameters=parameters,
                engine_name=ENGINE,
                kernel_name="python3",
                cwd=str(Path(src).parent),
                progress_bar=False,
                log_output=False,
                # the engine writes the executed notebook once, when execution ends
                request_save_on_cell_execute=True,
                execution_timeout=timeout,
                # a loaded 2-core machine (CI running a Dask cluster beside) can take longer
                # than papermill's 60 s to start a kernel; that is not the notebook's failure
                start_timeout=KERNEL_START_TIMEOUT,
            )
        except PapermillExecutionError as exc:
            status, cell, exec_count = "error", exc.cell_index, exc.exec_count
            error = (
                f"{exc.ename}: {exc.evalue}"
                if exc.evalue and exc.evalue.strip()
                else _cell_message(dst, exc.cell_index)
            )
        except CellTimeoutError:
            status, error = "timeout", f"a cell ran longer than {timeout} s (the --timeout)"
        except DeadKernelError as exc:
            status, error = "dead_kernel", f"the kernel died ({str(exc).splitlines()[0]})"
        except Exception as exc:  # kernel failed to start, unreadable notebook…
            status, error = "error", f"{type(exc).__name__}: {exc}"
        # a kernel that dies while starting (two kernels of a parallel run picking the
        # same free port) ran no cell: start it again rather than fail the notebook
        died_starting = status == "error" and cell is None and KERNEL_START_DIED in error
        if not died_starting or attempt == KERNEL_START_RETRIES:
            break
        log.write(f"framelens: {error}; starting the kernel again\n".encode())
        log.flush()
    if status == "timeout" or status == "dead_kernel":
        cell = _last_started_cell(dst)
    log.close()
    end = time.perf_counter()
    ready, done = _WORKER_TIMES.get("ready"), _WORKER_TIMES.get("cells_done")
    return {
        "status": status,
        "cell": cell,
        "exec_count": exec_count,
        "error": error,
        "duration_s": round(end - start, 2),
        "timings": {
            "wall": end - start,
            **({"start": ready - start} if ready else {}),
            **({"stop": end - done} if done else {}),
        },
    }


def _execute_and_publish(
    src: str, dst: str, parameters: dict[str, Any], timeout: int, build: str, out: str
) -> dict[str, Any]:
    """Run one notebook, then publish it (final paths, HTML), in the same worker.

    The run's final folder is not known yet: the notebook is published for ``out`` if it
    succeeded (the usual case: the run succeeds), else for ``<out>.failed``; the runner
    publishes it again, from ``raw``, if the run ends otherwise. A disk error is returned
    for the runner to raise.
    """
    info = _execute(src, dst, parameters, timeout)
    executed = Path(dst)
    if executed.is_file():
        final = Path(out) if info["status"] == "ok" else _failed_dir(Path(out))
        try:
            raw, problem, seconds = _publish(executed, Path(build), final)
        except OSError as exc:
            info["os_error"] = (exc.errno, exc.strerror, exc.filename)
        else:
            info["published"] = {"final": str(final), "raw": raw, "problem": problem}
            info["timings"]["html"] = seconds
    return info


def _cell_message(path: str, index: int) -> str:
    """Return the error a cell showed: its error output, else its first stderr line.

    Library errors are shown as one short message (framelens.nb.setup), which papermill
    does not see as an error output; read it back from the executed notebook.
    """
    try:
        cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
        # papermill inserts error-marker cells into the executed copy: skip them
        cells = [
            c
            for c in cells
            if "papermill-error-cell-tag" not in c.get("metadata", {}).get("tags", [])
        ]
        cell = cells[index]
    except (OSError, ValueError, IndexError, KeyError):
        return "the cell raised an error"
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            return f"{out.get('ename')}: {out.get('evalue')}"
    lines = [
        line
        for out in cell.get("outputs", [])
        if out.get("output_type") == "stream" and out.get("name") == "stderr"
        for line in "".join(out.get("text", "")).strip().splitlines()
        if line.strip()
    ]
    # the short message ("InputError: …") rather than a log line before it (a Dask
    # worker's "distributed.worker - ERROR - Compute Failed")
    short = [line for line in lines if _SHORT_ERROR.match(line)]
    if short or lines:
        return (short or lines)[-1 if short else 0]
    return "the cell raised an error"


#: the one-line message of framelens.nb's short errors: "<ErrorClass>: <message>"
_SHORT_ERROR = re.compile(r"^[A-Z]\w*(?:Error|Exception|Timeout): ")


def _last_started_cell(path: str) -> int | None:
    try:
        nb = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    started = None
    for i, cell in enumerate(nb.get("cells", [])):
        if cell.get("metadata", {}).get("papermill", {}).get("start_time"):
            started = i  # the last cell that started is the one that hung
    return started


def _render_html(executed: Path, target: Path, text: str | None = None) -> None:
    """Render an executed notebook (its file, or its ``text``) as sanitized HTML."""
    from ._html import render

    body = render(executed.read_text(encoding="utf-8") if text is None else text)
    target.write_text(body, encoding="utf-8")


def _publish(
    executed: Path, build: Path, final: Path, raw: str | None = None
) -> tuple[str, str, float]:
    """Give an executed notebook its final paths and render its HTML.

    Returns the notebook as executed (``raw``, to publish it again under another final
    folder), the HTML error if rendering failed (the run's own result must not be
    hidden by it; a disk error is raised), and the seconds it took.
    """
    start = time.perf_counter()
    raw = executed.read_text(encoding="utf-8") if raw is None else raw
    text = _final_paths(raw, build, final)
    executed.write_text(text, encoding="utf-8")
    problem = ""
    try:
        _render_html(executed, build / "html" / f"{executed.stem}.html", text)
    except OSError:
        raise
    except Exception as exc:  # rendering must not hide the run's own result
        problem = f"HTML rendering failed: {exc}"
    return raw, problem, time.perf_counter() - start


def run(
    corpus_path: str | Path,
    out_dir: str | Path,
    *,
    only: list[str] | None = None,
    params: dict[str, Any] | None = None,
    config: str | Path | None = None,
    jobs: int | None = None,
    timeout: int = DEFAULT_TIMEOUT,
    notebooks_dir: str | Path | None = None,
    progress: bool = True,
    raw: dict[str, str] | None = None,
) -> RunResult:
    """Execute the notebooks on ``corpus_path`` into ``out_dir``.

    Parameters
    ----------
    corpus_path
        The corpus every notebook reads (folder of .txt, .csv or .jsonl).
    out_dir
        The run folder (e.g. ``outputs/seeds``); replaced only if every notebook succeeds.
    only
        Notebook names or prefixes to run (default: all). The other notebooks' outputs of
        the last good run are kept.
    params, config
        Parameters for every notebook that declares them (``params`` wins over the YAML
        ``config``'s ``parameters``); the config's ``notebooks`` section sets per-notebook ones.
    jobs
        Notebooks run in parallel (default: the number of cores).
    timeout
        Seconds any one cell may run.
    notebooks_dir
        The folder of the notebooks (default: the project's ``notebooks/``).
    progress
        Show a progress bar.
    raw
        The text of each ``params`` value as typed on the command line: a parameter whose
        default is text gets it as typed ("0123", "2024.10", "no"), not as YAML reads it.

    Returns
    -------
    RunResult
        The run folder and one :class:`NotebookResult` per notebook.

    Raises
    ------
    ParameterError, ResourceError, InputError
        Before any kernel starts.
    NotebookError, NotebookTimeout
        When a notebook failed; the message names it, the cell and where its executed
        copy is.
    """
    from . import corpus as corpus_mod

    if corpus_mod.is_glob(corpus_path):
        from .scale import shard_paths

        shard_paths(corpus_path)  # a glob of shards must match files of one kind
        # absolute, the pattern kept: every notebook runs in its own folder
        corpus = Path(os.path.abspath(corpus_path))
    else:
        corpus = Path(corpus_path).resolve()
        if not corpus.exists():
            raise InputError(
                f"corpus_path {str(corpus_path)!r}: no such file or folder "
                "(expected a folder of .txt, a .csv, a .jsonl, Parquet shards or a glob)."
            )
    out = Path(out_dir).resolve()
    if timeout <= 0:
        raise ParameterError(f"`timeout` must be a positive number of seconds, got {timeout!r}.")
    jobs = jobs or os.cpu_count() or 1
    if jobs < 1:
        raise ParameterError(f"`jobs` must be at least 1, got {jobs!r}.")
    LAST_TIMINGS.clear()
    started = time.perf_counter()
    books = find_notebooks(only, Path(notebooks_dir) if notebooks_dir else None)
    plan = _plan(books, dict(params or {}), load_config(config), raw)
    spec = _spec_values(plan)
    # the workers start (and import papermill) while the corpus and the notebooks' own
    # checks are read here; no kernel starts before every check has passed
    with _sigterm_as_interrupt():
        return _run(corpus, out, books, plan, spec, only, jobs, timeout, progress, started)


def _run(corpus, out, books, plan, spec, only, jobs, timeout, progress, started) -> RunResult:
    """Run the checked run: checks, notebooks, manifest (SIGTERM handled by the caller)."""
    pool = _start_pool(min(jobs, len(books)))
    building = False
    try:
        documents = _preflight_corpus(corpus, spec)
        _preflight_checks(books, plan, documents)
        table = resources.check()  # once a run: the manifest lists the same checksums
        missing = table.query("status != 'ok'")
        if len(missing):
            raise ResourceError(
                "missing resources: "
                + ", ".join(f"{r.resource} ({r.path})" for r in missing.itertuples())
                + f". Repair with: {resources.REPAIR}"
            )
        _check_out(out)
        LAST_TIMINGS["checks"] = time.perf_counter() - started
        # the inputs as the notebooks will read them (an unreadable file is named here,
        # before any kernel), hashed again at the end: a change during the run is said
        inputs = _hash_inputs(corpus, out)
        with _RunLock(out):
            if only and (out / "manifest.json").is_file():
                _check_same_corpus(out, corpus, spec, inputs)
            build = out.parent / f".{out.name}.building-{os.getpid()}"
            building = True
            try:
                return _build(
                    books,
                    plan,
                    corpus,
                    spec,
                    out,
                    build,
                    only,
                    jobs,
                    timeout,
                    progress,
                    pool=pool,
                    resources_table=table,
                    inputs=inputs,
                )
            except OSError as exc:
                shutil.rmtree(build, ignore_errors=True)
                raise _disk_error(exc, out) from None
    except KeyboardInterrupt:  # before the notebooks (the checks): nothing was built
        _kill_children(pool)
        raise
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
        if not building:  # a check failed (or Ctrl-C): no kernel ran; the workers go now
            _stop_workers(pool)
        LAST_TIMINGS["run"] = time.perf_counter() - started


class _Terminated(KeyboardInterrupt):
    """SIGTERM (a CI timeout, ``docker stop``), handled as Ctrl-C is."""


def _on_sigterm(signum: int, frame: Any) -> None:
    raise _Terminated()


@contextlib.contextmanager
def _sigterm_as_interrupt():
    """While the run lasts, SIGTERM stops it as Ctrl-C does (kernels, workers, build)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _disk_error(exc: OSError, out: Path) -> InputError:
    what = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EROFS: "the file system is read-only",
        errno.EACCES: "permission denied",
    }.get(exc.errno, exc.strerror or str(exc))
    return InputError(
        f"cannot write the run into {out} ({what}: {exc.filename or out}). The build was "
        "removed and the last good outputs left as they were; free some space or choose "
        "another --out."
    )


def _check_out(out: Path) -> None:
    """Refuse an ``--out`` that is a file, cannot be written or has no room, touching nothing."""
    if out.exists() and not out.is_dir():
        raise ParameterError(
            f"`--out` {str(out)!r} is a file, not a folder; it was left as it is. Pass a "
            "folder for the run, e.g. --out outputs/mycorpus."
        )
    parent = out.parent
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir():
        raise ParameterError(f"`--out` {str(out)!r}: {parent} is a file, not a folder.")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise InputError(
            f"`--out` {str(out)!r}: cannot write in {parent} (read-only or no permission). "
            "Choose a folder you can write to."
        )
    free = shutil.disk_usage(parent).free
    if free < MIN_FREE_BYTES:
        raise InputError(
            f"`--out` {str(out)!r}: only {free / 2**20:.0f} MB free on its disk; a run needs "
            f"at least {MIN_FREE_BYTES / 2**20:.0f} MB. Free some space or choose another --out."
        )
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        probe = out.parent / f".{out.name}.probe-{os.getpid()}"
        probe.write_bytes(b"x")
        probe.unlink()
    except OSError as exc:
        raise _disk_error(exc, out) from None


class _RunLock:
    """Serialise runs into one ``--out``: the second waits for the first to finish.

    The lock is a hidden file beside ``--out`` (``.seeds.lock``), removed when the run
    ends. A waiter that wakes on a file its holder has since removed starts over on the
    new one, so two runs never hold the lock at once.
    """

    def __init__(self, out: Path) -> None:
        self.path = out.parent / f".{out.name}.lock"
        self.out = out
        self.fh = None

    def __enter__(self) -> _RunLock:
        import fcntl

        told = False
        while True:
            fh = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - closed in __exit__
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if not told:
                    fh.seek(0)
                    holder = fh.read().strip() or "?"
                    print(
                        f"framelens: another run (pid {holder}) is writing {self.out}; "
                        "waiting for it to finish",
                        file=sys.stderr,
                        flush=True,
                    )
                    told = True
                fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                same = os.fstat(fh.fileno()).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            fh.close()  # the holder removed the file we waited on: take the new one
        self.fh = fh
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        return self

    def __exit__(self, *exc: object) -> None:
        import fcntl

        if self.fh is not None:
            with contextlib.suppress(OSError):
                self.path.unlink()
            fcntl.flock(self.fh, fcntl.LOCK_UN)
            self.fh.close()
            self.fh = None


def _check_same_corpus(
    out: Path, corpus: Path, spec: dict[str, Any], inputs: dict[str, str] | None = None
) -> None:
    """``--only`` adds to a run folder only if that run read the same corpus the same way."""
    try:
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    before = manifest.get("inputs_sha256") or {}
    now = _hash_inputs(corpus, out) if inputs is None else inputs
    same_files = before == now
    old_spec = manifest.get("corpus_spec", spec)
    same_spec = old_spec == spec
    if not (same_files and same_spec):
        changed = sorted(set(before) ^ set(now) | {k for k in before if now.get(k) != before[k]})
        files = f" (other files: {', '.join(changed[:3])}{' …' if len(changed) > 3 else ''})"
        options = sorted(k for k in set(spec) | set(old_spec) if spec.get(k) != old_spec.get(k))
        how = ", ".join(f"{k} {old_spec.get(k)!r} then, {spec.get(k)!r} now" for k in options)
        raise ParameterError(
            f"`--only` would mix corpora: {out} holds a run on {manifest.get('corpus_path')!r}"
            + ("" if same_files else files)
            + ("" if same_spec else f" read with other options ({how})")
            + ". Run every notebook (drop --only) or choose another --out."
        )


def _start_pool(workers: int) -> cf.ProcessPoolExecutor:
    """Start the pool's workers now, so they import papermill while this process checks.

    A worker starts a kernel only when given a notebook, after every check.
    """
    ctx = multiprocessing.get_context("spawn")
    pool = cf.ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker)
    for _ in range(workers):  # a spawn pool starts one worker a task, up to max_workers
        pool.submit(int)
    return pool


def _stop_workers(pool: cf.ProcessPoolExecutor) -> None:
    """Stop a pool's workers that never ran a notebook, rather than wait for their imports."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.terminate()


def _kill_children(pool: cf.ProcessPoolExecutor | None = None) -> int:
    """Kill every process this one started (pool workers, kernels, clusters); return how many.

    The pool's workers are reaped by multiprocessing (``join``), never by psutil: a worker
    reaped behind its back stays "alive" to the pool, whose shutdown then waits forever
    (a Ctrl-C that hung the run).
    """
    import psutil

    workers = {
        proc.pid: proc for proc in (getattr(pool, "_processes", None) or {}).values() if proc
    }
    children = []
    connection_files = []
    for child in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.Error):
            cmdline = child.cmdline()
            # multiprocessing's resource tracker ends by itself with this process; killed,
            # it prints warnings of its own after the run's one-line message
            if not any("resource_tracker" in part for part in cmdline):
                children.append(child)
            if "-f" in cmdline[:-1] and any("ipykernel" in part for part in cmdline):
                # a killed kernel leaves its connection file (with its key) behind
                connection_files.append(cmdline[cmdline.index("-f") + 1])
    for child in children:
        with contextlib.suppress(psutil.Error):
            child.kill()
    psutil.wait_procs([c for c in children if c.pid not in workers], timeout=5)
    for proc in workers.values():
        with contextlib.suppress(OSError, ValueError, AssertionError):
            proc.join(timeout=5)
    for name in connection_files:
        with contextlib.suppress(OSError):
            Path(name).unlink()
    return len(children)


def _schedule(books: list[Path], out: Path, workers: int) -> list[Path]:
    """Order the notebooks so that the run ends soonest, from the last run's durations.

    The pool gives each notebook, in this order, to the first worker free. With every
    notebook's duration in the last run's manifest (``out/manifest.json``), the order
    whose run would end first is chosen (of every order, up to 7 notebooks; else the
    longest first); without, the notebooks run in name order.
    """
    try:
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        last = {n["name"]: float(n["duration_s"]) for n in manifest["notebooks"]}
        seconds = [last[b.stem] for b in books]
    except (OSError, ValueError, KeyError, TypeError):
        return list(books)
    if workers < 2 or len(books) <= workers:
        return list(books)

    def end(order: tuple[int, ...]) -> float:
        free = [0.0] * workers
        for i in order:
            k = free.index(min(free))
            free[k] += seconds[i]
        return max(free)

    indices = tuple(range(len(books)))
    if len(books) <= 7:
        best = min(itertools.permutations(indices), key=end)  # the first of equals: name order
    else:
        best = tuple(sorted(indices, key=lambda i: -seconds[i]))
    return [books[i] for i in best]


def _build(
    books: list[Path],
    plan: dict[str, dict[str, Any]],
    corpus: Path,
    spec: dict[str, Any],
    out: Path,
    build: Path,
    only: list[str] | None,
    jobs: int,
    timeout: int,
    progress: bool,
    pool: cf.ProcessPoolExecutor | None = None,
    resources_table: Any = None,
    inputs: dict[str, str] | None = None,
) -> RunResult:
    if build.exists():
        shutil.rmtree(build)
    if only and out.is_dir():
        shutil.copytree(out, build)
        _remove_rerun_outputs(build, books)
    for sub in ("notebooks", "html", "figures", "tables"):
        (build / sub).mkdir(parents=True, exist_ok=True)
    for book in books:  # this run's notes replace the last run's for the same notebook
        (build / ".written" / f"{book.stem}.txt").unlink(missing_ok=True)

    results: list[NotebookResult] = []
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(books), desc="notebooks", unit="nb", file=sys.stderr)
    if pool is None:
        pool = _start_pool(min(jobs, len(books)))
    futures: dict[cf.Future, tuple[Path, dict[str, Any]]] = {}
    published: dict[str, dict[str, Any]] = {}
    timings: dict[str, Any] = LAST_TIMINGS.setdefault("notebooks", {})
    try:
        pool_start = time.perf_counter()
        for book in _schedule(books, out, min(jobs, len(books))):
            parameters = {
                "corpus_path": str(corpus),
                "output_dir": str(build),
                **{k: v for k, v in plan[book.stem].items() if k not in COMMON},
            }
            parameters = {
                k: v for k, v in parameters.items() if k in notebook_parameters(book) or k in COMMON
            }
            dst = build / "notebooks" / book.name
            fut = pool.submit(
                _execute_and_publish, str(book), str(dst), parameters, timeout, str(build), str(out)
            )
            futures[fut] = (book, parameters)
        write_error: OSError | None = None
        for fut in cf.as_completed(futures):
            if fut.cancelled():
                continue
            book, parameters = futures[fut]
            info = fut.result()
            if "os_error" in info:  # e.g. the disk filled while writing the HTML
                # no other notebook starts; those running end before the build is removed
                write_error = write_error or OSError(*info["os_error"])
                for other in futures:
                    other.cancel()
                continue
            res = NotebookResult(
                book.stem,
                info["status"],
                info["duration_s"],
                {k: (str(out) if k == "output_dir" else v) for k, v in parameters.items()},
                info["cell"],
                info["error"],
                info["exec_count"],
            )
            results.append(res)
            timings[res.name] = dict(info.get("timings", {}))
            if "published" in info:
                published[res.name] = info["published"]
            if bar is not None:
                bar.set_postfix_str(f"{book.stem}: {res.status} ({res.duration_s:.1f} s)")
                bar.update(1)
    except KeyboardInterrupt as exc:
        # a future queued for a worker counts as running: no more than the workers ran
        running = min(sum(1 for f in futures if f.running()), min(jobs, len(books)))
        _kill_children(pool)
        pool.shutdown(wait=False, cancel_futures=True)
        if bar is not None:
            bar.close()
        shutil.rmtree(build, ignore_errors=True)
        how = "terminated (SIGTERM)" if isinstance(exc, _Terminated) else "interrupted"
        stopped = Interrupted(
            f"{how}: stopped {running or 'the'} running notebook(s) and their "
            f"kernels, removed the build folder; {out} was left as it was."
        )
        if isinstance(exc, _Terminated):
            stopped.exit_code = 143  # 128 + SIGTERM, as a shell reports it
        raise stopped from None
    if write_error is not None:
        raise write_error
    # every result is in: the workers exit while this process finishes the run
    pool.shutdown(wait=False)
    LAST_TIMINGS["pool"] = time.perf_counter() - pool_start
    if bar is not None:
        bar.close()
    results.sort(key=lambda r: r.name)

    start = time.perf_counter()
    final = out if not any(r.status != "ok" for r in results) else _failed_dir(out)
    for res in results:
        if res.name not in published:
            continue
        done = published[res.name]
        problem = done["problem"]
        if Path(done["final"]) != final:  # published for another folder than the run's
            executed = build / "notebooks" / f"{res.name}.ipynb"
            _, problem, seconds = _publish(executed, build, final, done["raw"])
            timings[res.name]["html"] = timings[res.name].get("html", 0.0) + seconds
        if problem:
            res.error = (res.error + f"; {problem}").lstrip("; ")
    LAST_TIMINGS["republish"] = time.perf_counter() - start

    start = time.perf_counter()
    if inputs is None:
        inputs = _hash_inputs(corpus, out)
    after = _hash_inputs(corpus, out, strict=False)
    changed = sorted(k for k in set(inputs) | set(after) if inputs.get(k) != after.get(k))
    if changed:  # the notebooks may have read different versions of these files
        print(
            f"framelens: warning: {len(changed)} corpus file(s) changed during the run "
            f"({', '.join(changed[:3])}{' …' if len(changed) > 3 else ''}): the notebooks "
            "may have read different versions; run again on a corpus nobody edits.",
            file=sys.stderr,
        )
    _write_manifest(
        build,
        corpus,
        results,
        timeout,
        jobs,
        merge=bool(only),
        spec=spec,
        resources_table=resources_table,
        inputs=inputs,
        notebooks={b.stem: hashlib.sha256(b.read_bytes()).hexdigest() for b in books},
        changed=changed,
        defaults={
            b.stem: {k: v["default"] for k, v in notebook_parameters(b).items()} for b in books
        },
    )
    LAST_TIMINGS["manifest"] = time.perf_counter() - start
    start = time.perf_counter()
    _write_index(build)
    LAST_TIMINGS["index"] = time.perf_counter() - start
    shutil.rmtree(build / ".written", ignore_errors=True)  # now in the manifest
    return _finish(build, out, results)


def _fixed(failed: Path, results: list[NotebookResult]) -> bool:
    """Whether every notebook that failed in the ``failed`` copy ran fine in ``results``."""
    try:
        manifest = json.loads((failed / "manifest.json").read_text(encoding="utf-8"))
        broken = {n["name"] for n in manifest["notebooks"] if n.get("status") != "ok"}
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return broken <= {r.name for r in results if r.status == "ok"}


def _failed_dir(out: Path) -> Path:
    return out.parent / f"{out.name}.failed"


def _final_paths(text: str, build: Path, final: Path) -> str:
    """Show the run folder the reader will open, never the temporary build folder."""
    for old, new in ((str(build), str(final)), (json.dumps(str(build))[1:-1], str(final))):
        text = text.replace(old, new)
    return text


def _finish(build: Path, out: Path, results: list[NotebookResult]) -> RunResult:
    failed = [r for r in results if r.status != "ok"]
    if not failed:
        old = out.parent / f".{out.name}.old-{os.getpid()}"
        if out.exists():
            out.rename(old)
        build.rename(out)
        # the run is in place: what is left of the last one cannot fail it any more
        for stale in (old, _failed_dir(out)):
            if stale == _failed_dir(out) and not _fixed(stale, results):
                continue  # a failure of a notebook this run did not run: still news
            if stale.exists():
                try:
                    shutil.rmtree(stale)
                except OSError as exc:
                    print(
                        f"framelens: warning: the run is in {out}, but {stale} could not be "
                        f"removed ({exc.strerror or exc}); remove it by hand.",
                        file=sys.stderr,
                    )
        return RunResult(out, results)
    keep = _failed_dir(out)
    if keep.exists():
        shutil.rmtree(keep)
    build.rename(keep)
    lines = []
    for r in failed:
        where = f"cell {r.cell}" if r.cell is not None else "before any cell"
        if r.exec_count is not None:
            where += f" (In [{r.exec_count}])"
        lines.append(
            f"notebook {r.name} failed at {where}: {r.error}\n"
            f"  executed copy: {keep / 'notebooks' / (r.name + '.ipynb')}\n"
            f"  rendered:      {keep / 'html' / (r.name + '.html')}"
        )
    msg = "\n".join(lines) + (
        f"\nThe last good outputs in {out} were left untouched." if out.exists() else ""
    )
    if all(r.status in ("timeout", "dead_kernel") for r in failed):
        raise NotebookTimeout(msg)
    raise NotebookError(msg)


# ---------------------------------------------------------------------------------------
# manifest and index


def _hash_inputs(corpus: Path, out: Path | None = None, *, strict: bool = True) -> dict[str, str]:
    """SHA-256 of every file of the corpus, by path relative to it.

    A run folder inside the corpus folder (``--out corpus/out``) is not an input: the run
    folder, its build, ``.failed``, lock and old folders are left out. An unreadable file
    is an :class:`InputError` naming it (``strict``), or hashed as ``"unreadable"``.
    """
    if corpus.is_file():
        files = [corpus]
    elif corpus.is_dir():
        files = sorted(p for p in corpus.rglob("*") if p.is_file())
    else:  # a glob of shards
        from .scale import shard_paths

        files = shard_paths(corpus)[1]
    own = None
    if out is not None:
        own = (out.parent.resolve(), out.name)
    hashes = {}
    for f in files:
        if own is not None and _is_run_file(f, *own):
            continue
        if corpus.is_dir():
            name = str(f.relative_to(corpus))
        else:
            name = f.name
        try:
            hashes[name] = hashlib.sha256(f.read_bytes()).hexdigest()
        except OSError as exc:
            if strict:
                raise InputError(
                    f"corpus_path: cannot read {f} ({exc.strerror or exc}); every file of the "
                    "corpus must be readable."
                ) from None
            hashes[name] = "unreadable"
    return hashes


def _is_run_file(path: Path, parent: Path, name: str) -> bool:
    """Whether ``path`` lies in the run folder ``parent/name`` or one of its siblings."""
    try:
        first = path.resolve().relative_to(parent).parts[0]
    except (ValueError, IndexError):
        return False
    return first == name or first == f"{name}.failed" or first.startswith(f".{name}.")


@functools.cache
def _commit(root: Path | None = None) -> str:
    """Return the git commit of the checkout ("" outside one), "+changes" when dirty.

    Dirty: the library or the notebooks differ from the commit, untracked files included.
    """
    root = Path(__file__).resolve().parents[2] if root is None else root
    if not (root / ".git").exists():
        return ""
    try:
        head = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "HEAD"],
            capture_output=True, text=True, timeout=10, check=True,
        ).stdout.strip()  # fmt: skip
        dirty = subprocess.run(
            # untracked files count: a new analysis's subpackage is code the run used
            ["git", "-C", str(root), "status", "--porcelain", "--", "lib", "notebooks"],
            capture_output=True, text=True, timeout=10, check=True,
        ).stdout.strip()  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return ""
    return head + ("+changes" if dirty else "")


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for pkg in KEY_PACKAGES:
        try:
            out[pkg] = importlib.metadata.version(pkg)
        except importlib.metadata.PackageNotFoundError:
            out[pkg] = "not installed"
    return out


def _write_manifest(
    build: Path,
    corpus: Path,
    results: list[NotebookResult],
    timeout: int,
    jobs: int,
    merge: bool,
    spec: dict[str, Any] | None = None,
    resources_table: Any = None,
    inputs: dict[str, str] | None = None,
    notebooks: dict[str, str] | None = None,
    changed: list[str] | None = None,
    defaults: dict[str, dict[str, Any]] | None = None,
) -> None:
    path = build / "manifest.json"
    previous = {}
    previous_hashes: dict[str, str] = {}
    if merge and path.is_file():
        try:
            loaded = json.loads(path.read_text())
            previous = {n["name"]: n for n in loaded["notebooks"]}
            previous_hashes = dict(loaded.get("notebooks_sha256") or {})
        except (ValueError, KeyError, TypeError):
            previous = {}
    entries = dict(previous)
    written = _written(build)
    for r in results:
        entry = asdict(r)
        entry["files"] = written.get(r.name, [])
        entry["parameters"] = {
            k: ("<run folder>" if k == "output_dir" else v) for k, v in r.parameters.items()
        }
        # every value the notebook ran with: its defaults, then the run's own
        if defaults and r.name in defaults:
            used = {**defaults[r.name], **entry["parameters"]}
            entry["parameters_used"] = {
                k: ("<run folder>" if k == "output_dir" else v) for k, v in used.items()
            }
        entries[r.name] = entry
    res = resources.check() if resources_table is None else resources_table
    manifest = {
        "framelens": importlib.metadata.version("framelens"),
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "corpus_path": str(corpus),
        "corpus_spec": spec or {},
        "inputs_sha256": inputs if inputs is not None else _hash_inputs(corpus),
        "inputs_changed_during_run": changed or [],
        "notebooks_sha256": {**previous_hashes, **(notebooks or {})},
        "framelens_commit": _commit(),
        "timeout_s": timeout,
        "jobs": jobs,
        "status": "ok" if all(e["status"] == "ok" for e in entries.values()) else "failed",
        "notebooks": [entries[k] for k in sorted(entries)],
        "outputs_sha256": _hash_outputs(build),
        "packages": _versions(),
        "resources": {
            r.resource: {"package": r.source_package, "version": r.version, "sha256": r.sha256}
            for r in res.itertuples()
        },
    }
    path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _hash_outputs(build: Path) -> dict[str, str]:
    """SHA-256 of every table and figure of the run (``tables/``, ``figures/``), by path.

    Two runs of the same inputs give the same map: compare two manifests to check that
    a run reproduced another byte for byte.
    """
    out = {}
    for folder in ("tables", "figures"):
        for f in sorted((build / folder).rglob("*")):
            if f.is_file():
                out[f.relative_to(build).as_posix()] = hashlib.sha256(f.read_bytes()).hexdigest()
    return out


def _remove_rerun_outputs(build: Path, books: list[Path]) -> None:
    """With ``--only``: remove what the last run's manifest lists for the notebooks run again.

    Then none of their tables and figures is left beside this run's when this run does
    not write it (another ``group_by``, a keyness table no longer made).
    """
    from .report import remove_outputs

    try:
        notebooks = json.loads((build / "manifest.json").read_text(encoding="utf-8"))["notebooks"]
    except (OSError, ValueError, KeyError):
        return
    names = {book.stem for book in books}
    for entry in notebooks:
        if isinstance(entry, dict) and entry.get("name") in names:
            remove_outputs(build, entry.get("files") or [])


def _written(build: Path) -> dict[str, list[str]]:
    """Return the files each notebook noted it wrote (``.written/<notebook>.txt``)."""
    out: dict[str, list[str]] = {}
    for f in sorted((build / ".written").glob("*.txt")):
        lines = f.read_text(encoding="utf-8").split()
        out[f.stem] = sorted({ln for ln in lines if (build / ln).is_file()})
    return out


def _out_name(corpus: str | Path) -> str:
    """Name the default run folder after the corpus: a glob by the folder it searches.

    ``shards/*.jsonl`` had made a folder literally named ``*``.
    """
    path = Path(str(corpus))
    if any(ch in path.name for ch in "*?["):
        parts = [p for p in path.parts if not any(ch in p for ch in "*?[")]
        return Path(*parts).name if parts else "corpus"
    return path.stem or "corpus"


def _write_index(build: Path) -> None:
    """Write ``index.html``: each notebook with its status, tables and figures."""
    from .report import describe_figure, describe_table
    from .scale import SAMPLE_DOCUMENTS

    manifest = json.loads((build / "manifest.json").read_text(encoding="utf-8"))
    esc = html.escape
    written = {
        n["name"]: [f for f in n.get("files", []) if (build / f).is_file()]
        for n in manifest["notebooks"]
    }
    listed = {f for files in written.values() for f in files}
    tables_all = [f"tables/{t.name}" for t in sorted((build / "tables").glob("*.csv"))]
    figures_all = [f"figures/{f.name}" for f in sorted((build / "figures").glob("*.png"))]
    others = [f for f in tables_all + figures_all if f not in listed]

    def table_items(files: list[str], sample: bool = False) -> str:
        local = [f for f in files if f.startswith("tables/") and "/scale_" not in f]
        scale = [f for f in files if f.startswith("tables/scale_")]
        parts = []
        # on Dask the lesson's tables and figures come from the session's pandas sample
        first = (
            f"Tables and figures of a sample (the first {SAMPLE_DOCUMENTS} documents: engine "
            "dask; the at-scale tables cover every document)"
            if sample
            else "Tables"
        )
        for title, group in ((first, local), ("At-scale tables (every document)", scale)):
            if not group:
                continue
            items = "".join(
                f"<li><a href='{esc(f)}'>{esc(Path(f).name)}</a>"
                + (f" — {esc(d)}" if (d := describe_table(Path(f).stem)) else "")
                + "</li>"
                for f in group
            )
            parts.append(f"<h4>{esc(title)}</h4><ul>{items}</ul>")
        return "".join(parts)

    def figure_items(files: list[str]) -> str:
        figs = [f for f in files if f.startswith("figures/") and f.endswith(".png")]

        def vectors(f: str) -> str:
            links = [
                f"<a href='{esc(f[:-4])}.{ext}'>{ext.upper()}</a>"
                for ext in ("svg", "pdf")
                if (build / f"{f[:-4]}.{ext}").is_file()
            ]
            return f" ({' · '.join(links)})" if links else ""

        def item(f: str) -> str:
            stem = Path(f).stem
            text = describe_figure(stem)
            caption = f"<b>{esc(stem)}</b>" + (f": {esc(text)}" if text else "")
            return (
                f"<figure><a href='{esc(f)}'><img src='{esc(f)}' alt='{esc(text or stem)}'></a>"
                f"<figcaption>{caption}{vectors(f)}</figcaption></figure>"
            )

        return "\n".join(item(f) for f in figs)

    rows, sections = [], []
    for n in manifest["notebooks"]:
        name = n["name"]
        mark = "ok" if n["status"] == "ok" else f"{n['status']}: {n['error']}"
        rows.append(
            f"<tr><td><a href='#{esc(name)}'>{esc(name)}</a></td>"
            f"<td class='{esc(n['status'])}'>{esc(mark)}</td>"
            f"<td>{n['duration_s']:.1f} s</td>"
            f"<td><a href='html/{esc(name)}.html'>HTML</a> · "
            f"<a href='notebooks/{esc(name)}.ipynb'>notebook</a></td></tr>"
        )
        files = written.get(name, [])
        sample = n.get("parameters", {}).get("engine") == "dask"
        sections.append(
            f"<section id='{esc(name)}'><h3>{esc(name)}</h3>"
            + (table_items(files, sample) or "<p>No tables.</p>")
            + figure_items(files)
            + "</section>"
        )
    if others:
        sections.append(
            "<section><h3>Other files</h3>"
            + table_items(others)
            + figure_items(others)
            + "</section>"
        )
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>framelens run: {esc(manifest["corpus_path"])}</title>
<style>
body {{ font-family: sans-serif; max-width: 70em; margin: 2em auto; }}
td, th {{ padding: .2em .8em; text-align: left; }} .ok {{ color: #009E73; }}
.error, .timeout, .dead_kernel {{ color: #D55E00; }}
figure {{ display: inline-block; width: 30%; margin: .5em; vertical-align: top; }}
figure img {{ width: 100%; border: 1px solid #ddd; }}
</style></head><body>
<h1>framelens run</h1>
<p>Corpus: <code>{esc(manifest["corpus_path"])}</code> · framelens {esc(manifest["framelens"])}
· status: <b>{esc(manifest["status"])}</b> · <a href="manifest.json">manifest.json</a></p>
<h2>Notebooks</h2>
<table><tr><th>notebook</th><th>status</th><th>time</th><th>open</th></tr>
{"".join(rows)}
</table>
<h2>Outputs by notebook</h2>
{"".join(sections)}
</body></html>
"""
    (build / "index.html").write_text(page, encoding="utf-8")


def main_run(args: Any) -> int:  # pragma: no cover - thin CLI glue, tested through cli
    """Run from parsed CLI arguments; return the exit code.

    Prints one line per notebook (name, status, seconds) and where the run was written.

    Parameters
    ----------
    args
        The ``argparse.Namespace`` of ``framelens run``: ``corpus``, ``out`` (``None``:
        ``outputs/<corpus name>``), ``only``, ``param`` (``(name, value)`` pairs),
        ``config``, ``jobs``, ``timeout`` and ``quiet`` (no progress bar); see :func:`run`.

    Returns
    -------
    int
        0: every notebook succeeded. A failure is raised by :func:`run` (a
        :class:`~framelens.errors.FramelensError`, whose ``exit_code`` the command returns).
    """
    _skip_unused_imports()  # this process is the command's own
    result = run(
        args.corpus,
        args.out or Path("outputs") / _out_name(args.corpus),
        only=args.only,
        params=dict(args.param or []),
        config=args.config,
        jobs=args.jobs,
        timeout=args.timeout,
        progress=not args.quiet,
        raw=dict(getattr(args, "raw", None) or {}),
    )
    for r in result.notebooks:
        print(f"  {r.name:<28} {r.status:<6} {r.duration_s:6.1f} s")
    print(f"wrote {result.out_dir} (open {result.out_dir / 'index.html'})")
    return 0
