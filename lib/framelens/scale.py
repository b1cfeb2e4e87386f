"""Run the same analyses in-process (pandas) or on Dask, with the same answers.

``engine="local"`` (the default) works on pandas frames in this process. ``engine="dask"``
reads the corpus lazily into a Dask DataFrame of documents and maps the library's
per-document functions over its partitions (``map_partitions`` with ``meta`` declared by
calling the function on an empty partition); corpus-wide results are *reductions* of the
partial counts each partition returns (:func:`sum_counts`), so the driver never holds the
row-level tables. The scheduler is Dask's own: a ``LocalCluster`` of process workers
sized to the cores, or an existing cluster by address (``tcp://host:8786``; a university
cluster through dask-jobqueue, Kubernetes, Coiled…).

Workers need the framelens environment (the same lock) installed; the offline NLTK data
travels with the ``OfflineResources`` worker plugin (``framelens._workers``), so no worker
downloads anything.

Typical use, identical for both engines::

    client = scale.start(engine, scheduler)          # None for "local"
    documents = scale.load(corpus_path, engine=engine)
    sentences = scale.map_partitions(corpus.segment, documents, abbreviations=abbrevs)
    counts = scale.map_partitions(stats.term_counts, sentences)
    totals = scale.sum_counts(counts, ["n", "term"], ["count"])  # a small pandas frame
"""

from __future__ import annotations

import gc
import glob as globmod
import logging
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from . import corpus, resources
from .analysis import Analysis, Part, registry
from .errors import FramelensWarning, InputError, ParameterError
from .params import check_bool, check_choice, check_int, suggest, text_values

__all__ = [
    "ENGINES",
    "Session",
    "analyse",
    "check_engine",
    "compute",
    "is_dask",
    "load",
    "map_partitions",
    "session",
    "shard_paths",
    "start",
    "sum_counts",
    "to_parquet",
    "worker_profiling",
    "worker_resources",
    "write_rows",
]

Engine = Literal["local", "dask"]
ENGINES = ["local", "dask"]
log = logging.getLogger(__name__)


def check_engine(engine: str, scheduler: str | None = None) -> tuple[str, str | None]:
    """Validate ``engine`` and ``scheduler`` (an address like ``tcp://host:8786`` or empty).

    Parameters
    ----------
    engine
        ``"local"`` or ``"dask"``.
    scheduler
        The address of a running Dask scheduler (it must contain ``:``), only with
        ``"dask"``; None or ``""`` (default): none, :func:`start` makes a local cluster.

    Returns
    -------
    tuple of (str, str or None)
        ``(engine, scheduler)``, an empty scheduler made None.

    Raises
    ------
    ParameterError
        For an unknown engine, a scheduler with ``engine="local"`` or a scheduler that
        is not an address.

    Examples
    --------
    >>> check_engine("dask", "")
    ('dask', None)
    """
    check_choice("engine", engine, ENGINES)
    scheduler = scheduler or None
    if scheduler is not None:
        if engine != "dask":
            raise ParameterError(
                f"`scheduler` {scheduler!r} is only used with engine='dask', but engine="
                f"{engine!r} was passed."
            )
        if not isinstance(scheduler, str) or "://" not in scheduler and ":" not in scheduler:
            raise ParameterError(
                f"`scheduler` must be an address like 'tcp://host:8786', but {scheduler!r} "
                "was passed."
            )
    return engine, scheduler


def is_dask(frame: Any) -> bool:
    """Return True if ``frame`` is a Dask DataFrame.

    Parameters
    ----------
    frame
        Any object: a pandas or a Dask frame, usually.

    Returns
    -------
    bool
        True when its type comes from Dask (a Dask DataFrame or Series), False for a
        pandas frame or anything else.
    """
    return type(frame).__module__.startswith("dask")


# ---------------------------------------------------------------------------------------
# the cluster


def worker_resources() -> list[dict[str, str]]:
    """Return the resource table as records (what ``doctor --scheduler`` asks workers).

    Returns
    -------
    list of dict of str to str
        One record per resource of :func:`framelens.resources.check`, with keys
        ``resource, source_package, version, status, path``; for ``vader_lexicon`` and
        ``cmudict`` the path is where NLTK finds them in this process (``"not found"``,
        status ``missing``, when it does not).
    """
    import nltk

    table = resources.check()
    found = []
    for rel in ("sentiment/vader_lexicon.zip", "corpora/cmudict/cmudict"):
        try:
            found.append(str(nltk.data.find(rel.replace(".zip", ".zip/"))))
        except LookupError:
            found.append("")
    table.loc[table.resource == "vader_lexicon", "path"] = found[0] or "not found"
    table.loc[table.resource == "cmudict", "path"] = found[1] or "not found"
    table.loc[table.resource.isin(["vader_lexicon", "cmudict"]), "status"] = [
        "ok" if f else "missing" for f in found
    ]
    return table[["resource", "source_package", "version", "status", "path"]].to_dict("records")


def worker_profiling(dask_worker) -> bool:
    """Return True if Dask's profiler runs in this worker (``client.run`` passes it).

    Its history (one profile a second, the last 1,000 kept) makes a worker's memory grow
    with the run's duration; :func:`start` turns it off in the clusters it starts.

    Parameters
    ----------
    dask_worker
        The worker (a ``distributed.Worker``); ``client.run`` passes it under this name.

    Returns
    -------
    bool
        True when the worker has the ``profile`` periodic callback.
    """
    return "profile" in dask_worker.periodic_callbacks


def start(
    engine: str = "local",
    scheduler: str | None = None,
    *,
    n_workers: int | None = None,
    memory_limit: str = "auto",
    profile: bool = False,
):
    """Start (or join) the Dask cluster for ``engine="dask"``; ``None`` for ``"local"``.

    Parameters
    ----------
    engine
        ``"local"`` or ``"dask"``.
    scheduler
        ``None``: a ``LocalCluster`` of ``n_workers`` process workers (default: the
        cores), one thread each. An address (``tcp://host:8786``): join that cluster.
    n_workers, memory_limit
        For the local cluster only.
    profile
        Keep Dask's statistical profiler on in the local cluster's workers (the
        dashboard's Profile page). Off by default: each worker keeps one profile a
        second for its last ``distributed.admin.low-level-log-length`` seconds (1,000),
        0.2-0.5 MB each on these analyses, so with it on a worker's memory grows with
        the run's duration (up to several hundred MB over the first 17 minutes)
        instead of depending on the partition size alone. A joined cluster keeps its
        own setting (``distributed.worker.profile.enabled`` in the workers' config).

    Returns
    -------
    distributed.Client or None
        The client (``client.dashboard_link`` is the dashboard); the offline resources
        are registered on every worker.
    """
    engine, scheduler = check_engine(engine, scheduler)
    check_bool("profile", profile)
    if engine == "local":
        return None
    if scheduler and profile:
        raise ParameterError(
            "`profile` applies to the cluster framelens starts; a joined cluster keeps its "
            "workers' own setting (distributed.worker.profile.enabled in their Dask config)."
        )
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except OSError as exc:
            raise ParameterError(
                f"`scheduler` {scheduler!r}: cannot connect ({exc}). Is the scheduler "
                "running and reachable?"
            ) from None
    else:
        import copy

        import dask

        n = check_int("n_workers", n_workers or os.cpu_count() or 1, min_value=1)
        # a whole copy of the config for the nannies, which hand it to every worker they
        # start (a replacement too); `dask.config.set` would be undone by the time a
        # worker is restarted, and this process's config is left as it was
        config = copy.deepcopy(dask.config.config)
        config["distributed"]["worker"]["profile"]["enabled"] = profile
        cluster = LocalCluster(
            n_workers=n,
            threads_per_worker=1,
            processes=True,
            memory_limit=memory_limit,
            dashboard_address="127.0.0.1:0",
            silence_logs=logging.ERROR,
            config=config,
        )
        client = Client(cluster)
    from ._workers import OfflineResources

    client.register_plugin(OfflineResources())
    return client


# ---------------------------------------------------------------------------------------
# loading


def shard_paths(path: str | Path) -> tuple[str, list[Path]]:
    """Resolve a corpus path into its kind and its shards.

    ``path`` is a folder of .txt, a single .csv/.jsonl/.parquet file, a folder of
    Parquet files, or a glob (``data/2024-*.jsonl``). Returns ``(kind, files)`` with
    kind one of ``txt, csv, jsonl, parquet``.

    Parameters
    ----------
    path
        The corpus path. A folder's Parquet files are its shards if it has any, else its
        ``.txt`` files (its ``metadata.csv`` is not a shard); a glob matches files only.

    Returns
    -------
    tuple of (str, list of pathlib.Path)
        The kind (``.ndjson`` counts as ``jsonl``) and the shard files, sorted by name.

    Raises
    ------
    InputError
        When nothing is there, the glob or folder holds no shards, or the shards are not
        all of one of the four kinds.
    """
    text = str(path)
    if corpus.is_glob(text):
        files = [Path(p) for p in sorted(globmod.glob(text)) if Path(p).is_file()]
        if not files:
            raise InputError(f"corpus_path {text!r}: the glob matches no files.")
    else:
        p = Path(text)
        if not p.exists():
            from .params import looked_in

            raise InputError(
                f"corpus_path {text!r}: no such file or folder{looked_in(text)} "
                "(expected a folder of .txt, a .csv, a .jsonl, Parquet files or a glob)."
            )
        if p.is_dir():
            files = sorted(f for f in p.iterdir() if f.is_file() and f.suffix != ".csv")
            parquet = [f for f in files if f.suffix == ".parquet"]
            files = parquet or [f for f in files if f.suffix.lower() == ".txt"]
            if not files:
                raise InputError(
                    f"corpus_path {text!r}: no .txt or .parquet files in the folder."
                    + corpus.subfolder_hint(p)
                )
        else:
            files = [p]
    kinds = {f.suffix.lower().lstrip(".") for f in files}
    kinds = {"jsonl" if k == "ndjson" else k for k in kinds}
    if len(kinds) != 1 or not kinds <= {"txt", "csv", "jsonl", "parquet"}:
        hints = "".join(corpus.FORMAT_HINTS[k] for k in sorted(kinds) if k in corpus.FORMAT_HINTS)
        raise InputError(
            f"corpus_path {text!r}: shards must all be .txt, .csv, .jsonl or .parquet; "
            f"found {sorted(kinds)}.{hints}"
        )
    return kinds.pop(), files


def _load_shard(
    files: list[str],
    kind: str,
    encoding: str,
    text_column: str,
    id_column: str,
    on_error: str,
    columns: list[str],
    date_column: str = "published",
    delimiter: str = ",",
    numbered_per_shard: bool = True,
    quiet: bool = True,
    renamed: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Load one partition: a chunk of .txt files or one CSV/JSONL/Parquet shard.

    ``renamed`` maps the file names whose id is not the name itself ("a b" → "a-b-…"),
    computed over the whole folder so that every partition gives the ids the local
    engine gives.

    Reuses the loaders of :mod:`framelens.corpus`, so a bad shard fails with the same
    message (file, line, byte offset) as with the local engine, and its ids and text
    are made as there (a Parquet shard's too). With ``numbered_per_shard`` (several
    shards) a shard without an id column numbers its documents after its file name, and
    a shard with no rows (a day without articles) adds no documents instead of failing.
    The files skipped with ``on_error="skip"`` are listed in ``attrs["skipped"]`` and
    the empty shards in ``attrs["empty"]``; ``quiet=False`` (the local engine) also
    warns of both and lets the loaders' warnings through.
    """
    import warnings

    path = Path(files[0])
    skipped: list[dict[str, str]] = []
    empty: list[str] = []
    try:
        with warnings.catch_warnings():
            if quiet:
                warnings.simplefilter("ignore", FramelensWarning)
            if kind == "txt":
                frame = corpus._load_folder_files(
                    [Path(f) for f in files],
                    path.parent,
                    encoding,
                    on_error,
                    skipped,
                    delimiter,
                    renamed=renamed,
                )
            elif kind == "csv":
                frame = corpus._load_csv(path, encoding, text_column, id_column, delimiter)
            elif kind == "jsonl":
                frame = corpus._load_jsonl(path, encoding, text_column, id_column)
            else:
                frame = _parquet_strings(_read_parquet(path), text_column)
                if text_column not in frame.columns:
                    raise InputError(
                        f"{path}: no text column {text_column!r}; the columns are "
                        f"{list(frame.columns)}."
                    )
                frame = corpus._text_column(frame, text_column, path)
                # ids as in a CSV: safe for file names, numbered when there is no column
                frame = corpus._with_ids(frame, id_column, path, list(range(1, len(frame) + 1)))
        if (
            kind != "txt"
            and numbered_per_shard
            and id_column not in _header(path, kind, encoding, delimiter)
        ):
            # ids numbered per shard (doc0001…) must stay unique across shards
            frame["doc_id"] = path.stem + "-" + frame["doc_id"]
        frame = corpus._dates(frame, date_column, str(path))
    except corpus.EmptyFileError as exc:
        if not numbered_per_shard:
            raise
        empty.append(str(path))
        if not quiet:
            warnings.warn(f"{exc} It adds no documents.", FramelensWarning, stacklevel=2)
        frame = pd.DataFrame({"doc_id": pd.Series(dtype=str), "text": pd.Series(dtype=str)})
    except InputError as exc:
        if on_error == "raise":
            raise
        if kind != "txt":  # a chunk of .txt files lists its own skipped files
            skipped.append({"path": str(path), "reason": str(exc)})
            if not quiet:
                warnings.warn(f"skipped {exc}", FramelensWarning, stacklevel=2)
        frame = pd.DataFrame({"doc_id": pd.Series(dtype=str), "text": pd.Series(dtype=str)})
    if kind == "txt" and FOLDER_COLUMN in columns and FOLDER_COLUMN not in frame.columns:
        frame[FOLDER_COLUMN] = frame["doc_id"].map(_folders(files, renamed)).fillna("")
    for col in columns:
        if col not in frame.columns:
            frame[col] = ""
    frame = frame[columns].fillna("").astype(str)
    frame = frame.sort_values("doc_id", kind="stable").reset_index(drop=True)
    frame.attrs["skipped"] = skipped
    frame.attrs["empty"] = empty
    return frame


#: the column that names each .txt file's folder, for a glob over several folders
FOLDER_COLUMN = "folder"


def _folders(files: list[str], renamed: dict[str, str] | None) -> dict[str, str]:
    """Map each file's document id (as the loader makes it) to its folder's name."""
    paths = [Path(f) for f in files]
    stems = [corpus._file_id(f) for f in paths]
    ids = corpus._safe_ids(stems) if renamed is None else [renamed.get(s, s) for s in stems]
    return {i: f.parent.name for i, f in zip(ids, paths, strict=True)}


def _parquet_strings(frame: pd.DataFrame, text_column: str) -> pd.DataFrame:
    """Every column of a Parquet shard as text, as a CSV or JSONL shard reads.

    Nulls (also in nullable integer columns) are empty; a list in the text column is its
    paragraphs, other lists are joined with "; "; a date-time is ISO (the day alone at
    midnight).
    """
    out = {}
    for name in frame.columns:
        col = frame[name]
        if pd.api.types.is_datetime64_any_dtype(col):
            fmt = "%Y-%m-%d" if (col.dropna().dt.normalize() == col.dropna()).all() else None
            text = col.dt.strftime(fmt) if fmt else col.map(lambda v: v.isoformat())
            out[name] = text.where(col.notna(), "").astype(object)
            continue
        is_text = name == text_column
        out[name] = [
            ""
            if v is None or (not hasattr(v, "__len__") and pd.isna(v))
            else corpus._json_value(v.tolist() if hasattr(v, "tolist") else v, is_text)
            if isinstance(v, list | tuple | dict) or hasattr(v, "tolist")
            else str(v)
            for v in col.tolist()
        ]
    return pd.DataFrame({k: pd.Series(v, index=frame.index, dtype=object) for k, v in out.items()})


def _parquet_error(path: Path, exc: Exception) -> InputError:
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return InputError(
        f"{path}: not a readable Parquet file ({first}); was it cut short while copying? "
        "Write it again, or pass on_error='skip' to leave it out."
    )


def _read_parquet(path: Path) -> pd.DataFrame:
    """Read one Parquet shard; a corrupt or truncated file is an :class:`InputError`."""
    import pyarrow as pa

    try:
        return pd.read_parquet(path)
    except (pa.ArrowException, OSError) as exc:
        raise _parquet_error(path, exc) from None


def _header(path: Path, kind: str, encoding: str, delimiter: str = ",") -> list[str]:
    """Column names of a shard, read from its first line only."""
    import json

    if kind == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            return list(pq.read_schema(path).names)
        except (pa.ArrowException, OSError) as exc:
            raise _parquet_error(path, exc) from None
    with open(path, encoding=encoding, errors="replace") as fh:
        # a byte order mark (as R and Excel write) is no part of the first name
        first = next((ln for ln in fh if ln.strip()), "").lstrip("\ufeff")
    if kind == "csv":
        import csv
        import io

        reader = csv.reader(io.StringIO(first), delimiter=corpus._delimiter(delimiter))
        return [c.strip().lstrip("\ufeff") for c in next(reader, [])]
    try:
        return list(json.loads(first))
    except ValueError:
        return []


def _safe_header(path: Path, kind: str, encoding: str, delimiter: str) -> list[str]:
    """Return :func:`_header`, or no names for an unreadable shard (its loading names it)."""
    try:
        return _header(path, kind, encoding, delimiter)
    except InputError:
        return []


def _jsonl_keys(path: Path, encoding: str) -> list[str]:
    """Return the keys of every JSON object of a JSONL shard, in the order first seen."""
    import json

    keys: dict[str, None] = {}
    with open(path, encoding=encoding, errors="replace") as fh:
        for line in fh:
            line = line.strip().lstrip("\ufeff")
            if not line:
                continue
            try:
                obj = json.loads(line)
            except ValueError:
                continue  # the loader names the line
            if isinstance(obj, dict):
                keys.update(dict.fromkeys(obj))
    return list(keys)


def _columns(
    kind: str,
    files: list[Path],
    encoding: str,
    text_column: str,
    id_column: str,
    delimiter: str = ",",
):
    """Columns of the documents frame: the standard ones plus every shard's extras.

    Every shard's header (a CSV's first line, a Parquet schema) and, for JSONL, the keys
    of every line: a column that only a later shard or line has is kept, in the order
    first seen (the other documents get "" there).
    """
    if kind == "txt":
        # every metadata.csv of the files' folders (and of their common folder)
        metas = corpus.metadata_files([Path(f) for f in files], Path(files[0]).parent)
        names = list(
            dict.fromkeys(c for m, _ in metas for c in _header(m, "csv", encoding, delimiter))
        )
        if len({Path(f).parent for f in files}) > 1 and FOLDER_COLUMN not in names:
            # a glob over subfolders (one an outlet, say): each file's folder is kept
            names = [*names, FOLDER_COLUMN]
    elif kind == "jsonl":
        names = list(dict.fromkeys(k for f in files for k in _jsonl_keys(f, encoding)))
    else:
        names = list(
            dict.fromkeys(c for f in files for c in _safe_header(f, kind, encoding, delimiter))
        )
    # a column called text (doc_id) beside the text (id) column is kept renamed, as the
    # loaders of framelens.corpus do
    taken = {"text": text_column, "doc_id": id_column}
    names = [corpus.aside(c) if taken.get(c, c) != c else c for c in names]
    skip = set(corpus.DOCUMENT_COLUMNS) | {text_column, id_column}
    return list(corpus.DOCUMENT_COLUMNS) + [c for c in names if c not in skip]


def load(
    corpus_path: str | Path | corpus.CorpusSpec,
    *,
    engine: str = "local",
    encoding: str = "utf-8",
    text_column: str = "text",
    id_column: str = "doc_id",
    on_error: str = "raise",
    date_column: str = "published",
    delimiter: str = ",",
    files_per_partition: int = 500,
):
    """Load a corpus with either engine.

    ``corpus_path`` may be a :class:`framelens.corpus.CorpusSpec`, whose reading
    options then replace the keyword arguments (the same on both engines).

    ``"local"`` returns :func:`framelens.corpus.load`'s pandas frame (a glob of shards
    or a folder of Parquet files is read shard by shard and concatenated). ``"dask"``
    returns a lazy Dask DataFrame with the same columns: one partition per
    CSV/JSONL/Parquet shard, or per ``files_per_partition`` .txt files. The driver reads
    the column list first: every shard's header (and every JSONL line's keys); a bad
    shard fails with its path named when its partition is computed, or becomes an empty
    partition with ``on_error="skip"`` (listed in the local frame's ``attrs["skipped"]``). A CSV,
    JSONL or Parquet shard with no rows among several (a day without articles) adds no
    documents, with a warning on the local engine; alone it is an error.

    Parameters
    ----------
    corpus_path
        A folder of ``.txt`` (with an optional ``metadata.csv``), a ``.csv``, ``.jsonl``
        or ``.parquet`` file, a folder of Parquet files, a glob of shards, or a
        :class:`~framelens.corpus.CorpusSpec`.
    engine
        ``"local"`` (default) or ``"dask"``.
    encoding, text_column, id_column, on_error, date_column, delimiter
        How to read the files, as for :func:`framelens.corpus.load`. Read shard by
        shard (on Dask, or a glob or Parquet on the local engine), a CSV or JSONL shard
        without an id column numbers its documents after the shard's file name
        (``<shard>-doc0001``) so that ids stay unique.
    files_per_partition
        ``.txt`` files per partition on Dask (default 500); ignored for other kinds and
        by the local engine.

    Returns
    -------
    pandas.DataFrame or dask.dataframe.DataFrame
        The documents frame: ``doc_id, title, source, published, url, text`` and the
        extra metadata columns of every shard (of every line of a JSONL shard), all
        strings, "" where a shard lacks one; sorted by ``doc_id`` (on Dask, within each
        partition).

    Raises
    ------
    ParameterError
        For a bad engine or reading option.
    InputError
        When the path holds no readable shards or lacks ``date_column``; the local
        engine also raises on a bad file unless ``on_error="skip"``.
    """
    if isinstance(corpus_path, corpus.CorpusSpec):
        spec = corpus_path
        return load(
            spec.path, engine=engine, files_per_partition=files_per_partition, **spec.options()
        )
    check_choice("engine", engine, ENGINES)
    spec_values = dict(
        encoding=encoding,
        text_column=text_column,
        id_column=id_column,
        on_error=on_error,
        date_column=date_column,
        delimiter=delimiter,
    )
    corpus.check_spec(spec_values)
    check_int("files_per_partition", files_per_partition, min_value=1)
    kind, files = shard_paths(corpus_path)
    is_glob = corpus.is_glob(corpus_path)
    columns = _columns(kind, files, encoding, text_column, id_column, delimiter)
    if date_column != "published" and kind != "txt" and date_column not in columns:
        raise InputError(
            f"{files[0]}: no date column {date_column!r}; the columns are {columns}. Pass "
            "the right one with the `date_column` parameter (or leave it at 'published')."
        )
    options = dict(kind=kind, columns=columns, **spec_values)
    # a single file gets the ids corpus.load gives it (doc0001), on either engine
    options["numbered_per_shard"] = len(files) > 1
    if kind == "txt":
        # the local engine reads the files in one go: a metadata.csv row is checked
        # against every file, not against one partition's
        step = len(files) if engine == "local" else files_per_partition
        chunks = [[str(f) for f in files[i : i + step]] for i in range(0, len(files), step)]
        # ids over the whole folder: "a b" and "a-b" in two partitions would both be "a-b"
        stems = [corpus._file_id(f) for f in files]
        options["renamed"] = {
            r: s for r, s in zip(stems, corpus._safe_ids(stems), strict=True) if r != s
        }
    else:
        chunks = [[str(f)] for f in files]
    if engine == "local":
        if not is_glob and kind != "parquet":
            return corpus.load(corpus_path, **spec_values)
        parts = [_load_shard(chunk, quiet=False, **options) for chunk in chunks]
        docs = corpus._finish(pd.concat(parts, ignore_index=True), str(corpus_path))
        docs.attrs.pop("lines", None)
        docs.attrs["skipped"] = corpus.Shared(
            row for part in parts for row in part.attrs["skipped"]
        )
        return docs

    import dask.dataframe as dd

    meta = pd.DataFrame({c: pd.Series(dtype=str) for c in columns})
    return dd.from_map(_load_shard, chunks, meta=meta, enforce_metadata=False, **options)


# ---------------------------------------------------------------------------------------
# mapping and reducing


def map_partitions(func: Callable[..., pd.DataFrame], frame, *args, **kwargs):
    """Apply a per-document function to a pandas frame, or to every Dask partition.

    ``meta`` is declared by calling ``func`` on an empty partition, so every library
    function used this way must accept empty input (they do, and their tests say so).

    Parameters
    ----------
    func
        A per-document function: ``func(frame, *args, **kwargs)`` returns a pandas
        frame for any subset of documents.
    frame
        A pandas frame or a Dask DataFrame (documents, sentences…).
    *args, **kwargs
        Passed on to ``func`` (for every partition).

    Returns
    -------
    pandas.DataFrame or dask.dataframe.DataFrame
        ``func(frame, *args, **kwargs)`` for a pandas frame; for a Dask one, the lazy
        Dask DataFrame of ``func`` applied to each partition.
    """
    if not is_dask(frame):
        return func(frame, *args, **kwargs)
    meta = func(frame._meta.copy(), *args, **kwargs)
    return frame.map_partitions(func, *args, meta=meta, **kwargs)


def compute(frame):
    """Return a pandas frame: compute a Dask one, pass a pandas one through.

    Parameters
    ----------
    frame
        A pandas or Dask frame.

    Returns
    -------
    pandas.DataFrame
        The computed frame, or ``frame`` itself when it is not a Dask one.
    """
    return frame.compute() if is_dask(frame) else frame


def sum_counts(counts, keys: list[str], values: list[str]) -> pd.DataFrame:
    """Sum partial counts over ``keys``: the corpus-wide reduction, on either engine.

    Returns a small pandas frame sorted by ``keys``.

    Parameters
    ----------
    counts
        The partial counts, a pandas or Dask frame (the concatenated partial tables).
    keys
        The columns to group by; rows with a missing key are left out.
    values
        The columns to sum.

    Returns
    -------
    pandas.DataFrame
        ``keys`` then ``values``: one row per distinct ``keys`` with the sums, sorted by
        ``keys``.

    Examples
    --------
    >>> c = pd.DataFrame({"term": ["b", "a", "b"], "count": [1, 2, 3]})
    >>> sum_counts(c, ["term"], ["count"]).values.tolist()
    [['a', 2], ['b', 4]]
    """
    summed = counts.groupby(keys)[values].sum()
    summed = summed.compute() if is_dask(summed) else summed
    return summed.reset_index().sort_values(keys, kind="stable").reset_index(drop=True)


def write_rows(frame, name: str, output_dir: str | Path) -> Path:
    """Write a row-level table: CSV for pandas, partitioned Parquet for Dask.

    Returns the CSV path, or the Parquet folder ``tables/<name>.parquet/``.

    Parameters
    ----------
    frame
        The table: a pandas frame (written with :func:`framelens.report.save_table`) or a
        Dask DataFrame (one Parquet file a partition, without the index).
    name
        The table's name (``"sentences"``).
    output_dir
        The run's output folder; files go to its ``tables/`` folder.

    Returns
    -------
    pathlib.Path
        ``output_dir/tables/<name>.csv``, or the folder ``output_dir/tables/<name>.parquet``
        (replaced if it existed).
    """
    from .report import save_table

    if not is_dask(frame):
        return save_table(frame, name, output_dir)
    target = Path(output_dir) / "tables" / f"{name}.parquet"
    frame.to_parquet(target, write_index=False, overwrite=True)
    return target


def to_parquet(documents, path: str | Path, *, partition_size: int = 10_000) -> Path:
    """Write a loaded corpus (pandas or Dask) as partitioned Parquet, one file a partition.

    The folder it writes is a corpus path for :func:`load` with either engine.

    Parameters
    ----------
    documents
        The documents frame, pandas or Dask (:func:`load`).
    path
        The folder to write; replaced if it exists and holds only Parquet files (an
        earlier write). A folder that holds anything else (the articles themselves) is
        refused, never emptied.
    partition_size
        Documents per file for a pandas frame (default 10,000); a Dask frame keeps its
        partitions.

    Returns
    -------
    pathlib.Path
        ``path``, the folder written.
    """
    import dask.dataframe as dd

    check_int("partition_size", partition_size, min_value=1)
    target = Path(path)
    if target.exists() and not target.is_dir():
        raise ParameterError(f"`path` {str(path)!r} is a file: name a folder for the shards.")
    if target.is_dir():
        other = sorted(
            p.name
            for p in target.iterdir()
            if not (p.suffix == ".parquet" or p.name in ("_metadata", "_common_metadata"))
        )
        if other:
            raise ParameterError(
                f"`path` {str(path)!r} holds files that are not Parquet shards "
                f"({other[:3]}{' …' if len(other) > 3 else ''}): writing there would delete "
                "them. Name a new or empty folder."
            )
    frame = documents
    if not is_dask(frame):
        nparts = max(1, -(-len(frame) // partition_size))
        frame = dd.from_pandas(frame.reset_index(drop=True), npartitions=nparts, sort=False)
    frame.to_parquet(target, write_index=False, overwrite=True)
    return target


# ---------------------------------------------------------------------------------------
# every analysis, mapped and reduced (the analyses are framelens.analysis.registry())

#: partitions merged by one task of the reduction tree
FAN_IN = 8
#: options every analysis reads (the others belong to one analysis: its ``options``)
COMMON_OPTIONS = {
    "abbreviations": None,
    "group_by": None,
    "include_embeds": False,
    "period": None,
}


#: the notebooks' parameters that reach analyse under another name, or loaded first
NOTEBOOK_NAMES = {
    "extra_actors": "gazetteer=gazetteer.load_gazetteer(extra_actors)",
    "extra_cues": "dictionary=framing.extend(dictionary, extra_cues)",
    "cue_context": "frame_context=cue_context",
    "keyness_min_documents": "min_documents=keyness_min_documents",
    "events_path": "events=events_path (a CSV path or a frame)",
}


def _options(names: Sequence[str] | None, given: dict[str, Any]) -> tuple[list[Analysis], dict]:
    """Return the analyses asked for and the run's options, checked and prepared once."""
    known = registry()
    names = list(known) if names is None else list(names)
    selected = [known[check_choice("analyses", n, list(known))] for n in names]
    options: dict[str, Any] = dict(COMMON_OPTIONS)
    for a in selected:
        options.update(a.options)
    allowed = set(options)
    for name in given:
        if name not in allowed:
            everything = sorted(set(COMMON_OPTIONS).union(*(a.options for a in known.values())))
            owner = [a.name for a in known.values() if name in a.options]
            why = f" (an option of {owner[0]!r}, which is not among {names})" if owner else ""
            if name in NOTEBOOK_NAMES:
                why = f" (a notebook parameter: here, pass {NOTEBOOK_NAMES[name]})"
            hint = suggest(name, everything) if not (owner or name in NOTEBOOK_NAMES) else ""
            raise ParameterError(
                f"`{name}` is not an option of analyse{why}; the options are {everything}{hint}."
            )
    options.update(given)
    check_bool("include_embeds", options["include_embeds"])
    options["abbreviations"] = frozenset(options["abbreviations"] or ())
    options["group_by"] = options["group_by"] or None
    options["period"] = options["period"] or None
    if options["period"] is not None:
        check_choice("period", options["period"], ["year", "month", "day"])
        if options["group_by"] is None:
            raise ParameterError(
                f"`period` {options['period']!r} groups the dates of the `group_by` column, "
                "but no `group_by` was given: pass group_by='published' (or another date "
                "column) too, or leave `period` out."
            )
    for a in selected:
        if a.prepare is not None:
            options = a.prepare(options)
    return selected, options


#: the garbage collector's first threshold while a partition is analysed (Python's is 700)
GC_THRESHOLD = 50_000
_gc_lock = threading.Lock()
_gc_state: dict[str, Any] = {"users": 0, "saved": None}


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Run the block with the collector's young generation collected less often.

    A partition's analysis makes millions of small objects (tokens, tuples, lists) that
    all live until its tables are built; the collector's passes over the young
    generation, every 700 allocations, free none of them and took about 8% of the full
    analysis. The first threshold is raised to :data:`GC_THRESHOLD` for the block (never
    lowered, and left alone when collection is off) and put back when the last block
    running in the process ends, so threads of one worker share it safely.
    """
    with _gc_lock:
        if _gc_state["users"] == 0:
            saved = gc.get_threshold()
            _gc_state["saved"] = saved
            if 0 < saved[0] < GC_THRESHOLD:
                gc.set_threshold(GC_THRESHOLD, *saved[1:])
        _gc_state["users"] += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_state["users"] -= 1
            if _gc_state["users"] == 0:
                gc.set_threshold(*_gc_state["saved"])


def _partition(
    docs: pd.DataFrame,
    index: int,
    names: tuple[str, ...],
    options: dict[str, Any],
    rows_dir: str | None,
    collect_documents: bool,
) -> dict[str, pd.DataFrame]:
    """All per-document work for one partition: row tables out, partial tables back.

    Row tables hold every sentence (with its ``kind``); the partial tables count what
    is in scope. Without ``collect_documents`` the per-document tables are written
    beside the row tables and left out of the result, so nothing of size N travels back.
    """
    with _fewer_collections():
        part = Part(docs, options, index)
        # the ids travel with the partials, so ids repeated across shards are caught
        out: dict[str, pd.DataFrame] = {_IDS: pd.DataFrame({"doc_id": text_values(docs["doc_id"])})}
        for name in names:
            analysis = registry()[name]
            partial = analysis.partial(part)
            if not collect_documents:
                for table in analysis.per_document:
                    part.rows[table] = partial.pop(table)
            out.update(partial)
    if rows_dir:
        for name, frame in part.rows.items():
            folder = Path(rows_dir) / f"{name}.parquet"
            folder.mkdir(parents=True, exist_ok=True)
            frame.to_parquet(folder / f"part-{index:05d}.parquet", index=False)
    return out


def _merge(parts: list[dict[str, pd.DataFrame]], names: tuple[str, ...]) -> dict[str, pd.DataFrame]:
    """Combine the partial tables of several partitions (one node of the reduction)."""
    how = {t: c for n in names for t, c in registry()[n].combine.items()}
    how[_IDS] = lambda frames: pd.concat(frames, ignore_index=True)
    return {table: how[table]([p[table] for p in parts]) for table in parts[0]}


#: the partial table of every partition's document ids
_IDS = "_doc_ids"


def _finish(
    parts: dict[str, pd.DataFrame], names: tuple[str, ...], options: dict[str, Any]
) -> dict[str, pd.DataFrame]:
    """Return the corpus-wide tables of each analysis, each sorted by its keys."""
    ids = parts.get(_IDS)
    if ids is not None:
        dup = ids["doc_id"][ids["doc_id"].duplicated()]
        if len(dup):
            shown = sorted(set(dup))
            raise InputError(
                f"the corpus has {len(shown)} doc_id value(s) in more than one document "
                f"(across its shards?): {shown[:5]}{' …' if len(shown) > 5 else ''}. Each "
                "doc_id must be unique: its rows would be merged in every per-document table."
            )
    out: dict[str, pd.DataFrame] = {}
    for name in names:
        analysis = registry()[name]
        for table, frame in analysis.finish(parts, options).items():
            out[table] = _sorted(frame, list(analysis.tables[table].keys))
    return out


def _sorted(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    # Dask hands strings back as pyarrow strings: one string dtype for both engines
    strings = [c for c in frame.columns if pd.api.types.is_string_dtype(frame[c])]
    frame = frame.astype({c: str for c in strings})
    keys = [k for k in keys if k in frame.columns]
    if keys:
        frame = frame.sort_values(keys, kind="stable")
    return frame.reset_index(drop=True)


def analyse(
    documents,
    *,
    analyses: Sequence[str] | None = None,
    output_dir: str | Path | None = None,
    collect_documents: bool = True,
    progress: bool = False,
    partition_size: int = 500,
    **options: Any,
) -> dict[str, pd.DataFrame]:
    """Run the analyses over a corpus, in-process or on Dask, and return their summaries.

    Each partition is segmented and tokenized once (:class:`framelens.analysis.Part`),
    then every analysis of :func:`framelens.analysis.registry` asked for computes its
    partial tables from it; row-level tables are written to
    ``output_dir/tables/<name>.parquet/part-NNNNN.parquet``, one file a partition, when
    ``output_dir`` is given. Across partitions, a tree of merges (:data:`FAN_IN`
    partitions a merge, on the cluster with Dask) combines the partial tables as each
    analysis says (sums of counts, extremes, stacked per-document rows); each analysis's
    finisher then computes its corpus-wide tables. A pandas corpus is processed with the
    same code in chunks of ``partition_size`` documents, one after the other, so both
    engines give the same tables and the local engine's memory depends on the chunk, not
    on the corpus (beyond the documents themselves and the tables returned).

    Parameters
    ----------
    documents
        The documents frame (pandas) or a Dask DataFrame of documents (:func:`load`).
    analyses
        Names of analyses to run (default: every one in the registry: ``"stats",
        "sentiment", "framing", "events"``).
    output_dir
        Where to write the row-level Parquet tables (optional).
    collect_documents
        Return the per-document tables (``document_stats``, ``sentiment_documents``,
        ``frame_documents``). With ``False`` they are written to Parquet under
        ``output_dir`` instead and never reach the driver, which then holds only
        corpus-wide summaries, whatever the size of the corpus.
    progress
        Show a progress bar while Dask computes.
    partition_size
        Documents per chunk on the local engine (a Dask corpus keeps its partitions).
    **options
        Options of the run. For every analysis: ``abbreviations`` (more abbreviations
        for sentence splitting, added to the shipped list on every partition; default
        none, so a document is split by its own text alone), ``group_by`` (a metadata
        column: keyness, tone and frame shares by group), ``period`` (with ``group_by``
        a date column: group by ``"year"``, ``"month"`` or ``"day"``, as the notebooks
        do) and ``include_embeds`` (count embedded posts in the
        summaries, as the notebooks' parameter does; the row tables hold every sentence
        with its ``kind`` either way). Those of one analysis, as its
        :class:`~framelens.analysis.Analysis` lists them: ``dictionary`` and
        ``frame_context`` (framing: the frame dictionary, a name, YAML path or
        :class:`framelens.framing.Dictionary`, and whether cues are judged in context),
        ``min_documents`` (stats: the documents a term needs in the group it is key for,
        default 2, as :func:`framelens.stats.keyness`),
        ``events`` (events: the event table, a frame or CSV path; default the shipped
        record). An unknown option is an error naming the known ones.

    Returns
    -------
    dict of str to pandas.DataFrame
        The corpus-wide tables of the analyses run (``document_stats, top_terms,
        collocations, sentiment_documents, sentiment_corpus, actor_tone,
        frame_documents, frame_profile, exercise_mentions``; ``keyness``,
        ``sentiment_groups`` and ``frame_groups`` with ``group_by``), each sorted by
        its keys (the analysis's ``tables``).
    """
    check_bool("collect_documents", collect_documents)
    check_int("partition_size", partition_size, min_value=1)
    if not (isinstance(documents, pd.DataFrame) or is_dask(documents)):
        raise ParameterError(
            f"`documents` must be a documents frame, but {documents!r} was passed: load the "
            "corpus first, scale.analyse(scale.load(path, engine=...))."
        )
    selected, opts = _options(analyses, options)
    if opts["group_by"] and isinstance(documents, pd.DataFrame):
        # the labels of the whole corpus, once: an error or a warning (labels alike,
        # unreadable dates) whatever the chunks, which then say nothing of their own
        from .groups import group_labels

        group_labels(documents, opts["group_by"], period=opts["period"])
        opts = {**opts, "groups_checked": True}
    names = tuple(a.name for a in selected)
    rows_dir = str(Path(output_dir) / "tables") if output_dir else None
    task = (names, opts, rows_dir, collect_documents)
    if not is_dask(documents):
        pending: list[dict[str, pd.DataFrame]] = []
        for index, start in enumerate(range(0, max(len(documents), 1), partition_size)):
            chunk = documents.iloc[start : start + partition_size]
            pending.append(_partition(chunk, index, *task))
            if len(pending) == FAN_IN:
                pending = [_merge(pending, names)]
        return _finish(_merge(pending, names), names, opts)

    import dask

    # map: one task a partition; reduce: a tree of merges, FAN_IN partials a task, so a
    # partition's partial tables are freed as soon as its merge has run. The options
    # (abbreviations, dictionary, event table) travel once, as one key, not in every task.
    shared = dask.delayed(task, pure=True)
    level = [
        dask.delayed(_partition_task)(p, i, shared) for i, p in enumerate(documents.to_delayed())
    ]
    while True:  # at least one merge, so one partition is combined as many are
        level = [
            dask.delayed(_merge)(level[i : i + FAN_IN], names) for i in range(0, len(level), FAN_IN)
        ]
        if len(level) == 1:
            break
    (parts,) = _compute_with_progress(level, progress)
    return _finish(parts, names, opts)


def _partition_task(docs: pd.DataFrame, index: int, task: tuple) -> dict[str, pd.DataFrame]:
    return _partition(docs, index, *task)


def _compute_with_progress(collections: list, progress: bool) -> list:
    import dask

    if not progress:
        return list(dask.compute(*collections))
    from distributed import get_client
    from distributed import progress as show

    client = get_client()
    futures = client.compute(collections)
    show(futures, notebook=False, interval="2s")
    return client.gather(futures)


SAMPLE_DOCUMENTS = 200


class Session:
    """A notebook's corpus on either engine: the lesson's documents and the whole corpus.

    With ``engine="local"`` both are the same pandas frame. With ``engine="dask"``
    :attr:`corpus` is the lazy Dask DataFrame of every document and :attr:`documents`
    a pandas sample of its first :data:`SAMPLE_DOCUMENTS` documents, on which the
    notebook's step-by-step sections run; :meth:`analyse` runs every analysis over the
    whole corpus on the cluster.
    """

    def __init__(
        self,
        corpus_path,
        *,
        engine: str = "local",
        scheduler: str | None = None,
        sample: int = SAMPLE_DOCUMENTS,
        **load_options: Any,
    ) -> None:
        self.engine, scheduler = check_engine(engine, scheduler)
        self.client = start(self.engine, scheduler)
        if self.client is not None:
            print(f"Dask dashboard: {self.client.dashboard_link}")
        self.corpus = load(corpus_path, engine=self.engine, **load_options)
        if self.engine == "local":
            self.documents = self.corpus
            path = corpus_path.path if isinstance(corpus_path, corpus.CorpusSpec) else corpus_path
            corpus.check_has_text(self.documents, f"corpus_path {str(path)!r}")
        else:
            self.documents = self.corpus.head(sample, npartitions=-1).reset_index(drop=True)
            self.documents.attrs["skipped"] = []

    @property
    def is_sample(self) -> bool:
        """Return True if :attr:`documents` is a sample of a larger corpus."""
        return self.engine == "dask"

    def analyse(self, output_dir: str | Path, **options: Any) -> dict[str, pd.DataFrame]:
        """Run :func:`analyse` over the whole corpus; write its summaries as CSV.

        Summaries go to ``output_dir/tables/scale_<name>.csv``, each listed with its rows
        and what it holds (from the analysis's ``tables``); on Dask the row-level and
        per-document tables go to Parquet beside them and stay out of the driver.

        Parameters
        ----------
        output_dir
            The run's output folder; tables go to its ``tables/`` folder.
        **options
            More keywords of :func:`analyse`: ``analyses``, ``partition_size`` and the
            run's options (``abbreviations``, ``group_by``, ``include_embeds``,
            ``dictionary``…); the session sets ``output_dir``, ``collect_documents`` and
            ``progress`` itself.

        Returns
        -------
        dict of str to pandas.DataFrame
            The corpus-wide tables of :func:`analyse` (on Dask without the per-document
            ones), as written.
        """
        from .report import save_table

        result = analyse(
            self.corpus,
            # row-level Parquet only on Dask: locally the notebook's own CSVs hold the rows
            output_dir=output_dir if self.engine == "dask" else None,
            collect_documents=self.engine == "local",
            progress=self.engine == "dask",
            **options,
        )
        tables = {t: spec for a in registry().values() for t, spec in a.tables.items()}
        for name, frame in result.items():
            save_table(frame, f"scale_{name}", output_dir)
            print(f"scale_{name}.csv ({len(frame)} rows): {tables[name].description}")
        return result

    def close(self) -> None:
        """Shut down a cluster this session started."""
        if self.client is not None:
            cluster = getattr(self.client, "cluster", None)
            self.client.close()
            if cluster is not None:
                cluster.close()


def session(
    corpus_path, *, engine: str = "local", scheduler: str | None = None, **load_options: Any
) -> Session:
    """Open a corpus for a notebook on either engine (see :class:`Session`).

    Parameters
    ----------
    corpus_path
        The corpus, as :func:`load` takes it.
    engine, scheduler
        As for :func:`start`: ``"dask"`` starts a local cluster, or joins the one at
        ``scheduler``, and prints its dashboard link.
    **load_options
        ``sample`` (documents of the Dask sample, default :data:`SAMPLE_DOCUMENTS`) and
        the reading options of :func:`load` (``encoding``, ``text_column``…).

    Returns
    -------
    Session
        The open session; call :meth:`Session.close` to shut down a cluster it started.
    """
    return Session(corpus_path, engine=engine, scheduler=scheduler, **load_options)
