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

import glob as globmod
import logging
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from . import corpus, resources
from .errors import FramelensWarning, InputError, ParameterError
from .params import check_bool, check_choice, check_int

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
    """Return True if ``frame`` is a Dask DataFrame."""
    return type(frame).__module__.startswith("dask")


# ---------------------------------------------------------------------------------------
# the cluster


def worker_resources() -> list[dict[str, str]]:
    """Return the resource table as records (what ``doctor --scheduler`` asks workers)."""
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
    """
    text = str(path)
    if any(ch in text for ch in "*?["):
        files = [Path(p) for p in sorted(globmod.glob(text)) if Path(p).is_file()]
        if not files:
            raise InputError(f"corpus_path {text!r}: the glob matches no files.")
    else:
        p = Path(text)
        if not p.exists():
            raise InputError(
                f"corpus_path {text!r}: no such file or folder "
                "(expected a folder of .txt, a .csv, a .jsonl, Parquet files or a glob)."
            )
        if p.is_dir():
            files = sorted(f for f in p.iterdir() if f.is_file() and f.suffix != ".csv")
            parquet = [f for f in files if f.suffix == ".parquet"]
            files = parquet or [f for f in files if f.suffix.lower() == ".txt"]
            if not files:
                raise InputError(f"corpus_path {text!r}: no .txt or .parquet files in the folder.")
        else:
            files = [p]
    kinds = {f.suffix.lower().lstrip(".") for f in files}
    kinds = {"jsonl" if k == "ndjson" else k for k in kinds}
    if len(kinds) != 1 or not kinds <= {"txt", "csv", "jsonl", "parquet"}:
        raise InputError(
            f"corpus_path {text!r}: shards must all be .txt, .csv, .jsonl or .parquet; "
            f"found {sorted(kinds)}."
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
) -> pd.DataFrame:
    """Load one partition: a chunk of .txt files or one CSV/JSONL/Parquet shard.

    Reuses the loaders of :mod:`framelens.corpus`, so a bad shard fails with the same
    message (file, line, byte offset) as with the local engine.
    """
    import warnings

    path = Path(files[0])
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FramelensWarning)
            if kind == "txt":
                frame = corpus._load_folder_files(
                    [Path(f) for f in files], path.parent, encoding, on_error, [], delimiter
                )
            elif kind == "csv":
                frame = corpus._load_csv(path, encoding, text_column, id_column, delimiter)
            elif kind == "jsonl":
                frame = corpus._load_jsonl(path, encoding, text_column, id_column)
            else:
                frame = pd.read_parquet(path)
                if text_column not in frame.columns:
                    raise InputError(
                        f"{path}: no text column {text_column!r}; the columns are "
                        f"{list(frame.columns)}."
                    )
                frame = frame.rename(columns={text_column: "text", id_column: "doc_id"})
        if kind in ("csv", "jsonl") and id_column not in _header(path, kind, encoding, delimiter):
            # ids numbered per shard (doc0001…) must stay unique across shards
            frame["doc_id"] = path.stem + "-" + frame["doc_id"]
        frame = corpus._dates(frame, date_column, str(path))
    except InputError:
        if on_error == "raise":
            raise
        frame = pd.DataFrame({"doc_id": pd.Series(dtype=str), "text": pd.Series(dtype=str)})
    for col in columns:
        if col not in frame.columns:
            frame[col] = ""
    frame = frame[columns].fillna("").astype(str)
    return frame.sort_values("doc_id", kind="stable").reset_index(drop=True)


def _header(path: Path, kind: str, encoding: str, delimiter: str = ",") -> list[str]:
    """Column names of a shard, read from its first line only."""
    import json

    if kind == "parquet":
        import pyarrow.parquet as pq

        return list(pq.read_schema(path).names)
    with open(path, encoding=encoding, errors="replace") as fh:
        first = next((ln for ln in fh if ln.strip()), "")
    if kind == "csv":
        import csv
        import io

        reader = csv.reader(io.StringIO(first), delimiter=corpus._delimiter(delimiter))
        return [c.strip().lstrip("\ufeff") for c in next(reader, [])]
    try:
        return list(json.loads(first))
    except ValueError:
        return []


def _columns(
    kind: str,
    files: list[Path],
    encoding: str,
    text_column: str,
    id_column: str,
    delimiter: str = ",",
):
    """Columns of the documents frame: the standard ones plus the first shard's extras."""
    if kind == "txt":
        meta = files[0].parent / "metadata.csv"
        names = _header(meta, "csv", encoding, delimiter) if meta.is_file() else []
    else:
        names = _header(files[0], kind, encoding, delimiter)
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
    only the first line of the first shard (for the column list); a bad shard fails with
    its path named when its partition is computed, or becomes an empty partition with
    ``on_error="skip"``.
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
    is_glob = any(ch in str(corpus_path) for ch in "*?[")
    columns = _columns(kind, files, encoding, text_column, id_column, delimiter)
    if date_column != "published" and kind != "txt" and date_column not in columns:
        raise InputError(
            f"{files[0]}: no date column {date_column!r}; the columns are {columns}. Pass "
            "the right one with the `date_column` parameter (or leave it at 'published')."
        )
    options = dict(kind=kind, columns=columns, **spec_values)
    if kind == "txt":
        chunks = [
            [str(f) for f in files[i : i + files_per_partition]]
            for i in range(0, len(files), files_per_partition)
        ]
    else:
        chunks = [[str(f)] for f in files]
    if engine == "local":
        if not is_glob and kind != "parquet":
            return corpus.load(corpus_path, **spec_values)
        parts = [_load_shard(chunk, **options) for chunk in chunks]
        return corpus._finish(pd.concat(parts, ignore_index=True), str(corpus_path))

    import dask.dataframe as dd

    meta = pd.DataFrame({c: pd.Series(dtype=str) for c in columns})
    return dd.from_map(_load_shard, chunks, meta=meta, enforce_metadata=False, **options)


# ---------------------------------------------------------------------------------------
# mapping and reducing


def map_partitions(func: Callable[..., pd.DataFrame], frame, *args, **kwargs):
    """Apply a per-document function to a pandas frame, or to every Dask partition.

    ``meta`` is declared by calling ``func`` on an empty partition, so every library
    function used this way must accept empty input (they do, and their tests say so).
    """
    if not is_dask(frame):
        return func(frame, *args, **kwargs)
    meta = func(frame._meta.copy(), *args, **kwargs)
    return frame.map_partitions(func, *args, meta=meta, **kwargs)


def compute(frame):
    """Return a pandas frame: compute a Dask one, pass a pandas one through."""
    return frame.compute() if is_dask(frame) else frame


def sum_counts(counts, keys: list[str], values: list[str]) -> pd.DataFrame:
    """Sum partial counts over ``keys``: the corpus-wide reduction, on either engine.

    Returns a small pandas frame sorted by ``keys``.

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
    """
    import dask.dataframe as dd

    check_int("partition_size", partition_size, min_value=1)
    target = Path(path)
    frame = documents
    if not is_dask(frame):
        nparts = max(1, -(-len(frame) // partition_size))
        frame = dd.from_pandas(frame.reset_index(drop=True), npartitions=nparts, sort=False)
    frame.to_parquet(target, write_index=False, overwrite=True)
    return target


# ---------------------------------------------------------------------------------------
# every analysis, mapped and reduced

#: the corpus-wide tables :func:`analyse` returns, with the keys they are sorted by
SUMMARY_KEYS = {
    "document_stats": ["doc_id", "family", "measure"],
    "top_terms": ["n", "term"],
    "collocations": ["measure", "term"],
    "keyness": ["target", "term"],
    "sentiment_documents": ["doc_id"],
    "sentiment_corpus": ["corpus"],
    "actor_tone": ["actor"],
    "frame_profile": ["frame"],
    "frame_documents": ["doc_id", "frame"],
    "exercise_mentions": ["kind", "canonical_name", "year"],
}
#: per-document partial tables (one row or a few per document)
PER_DOCUMENT = ["document_stats", "sentiment_documents", "frame_counts"]
#: row-level tables written per partition (Parquet) when ``output_dir`` is given
ROW_TABLES = ["sentences", "sentiment_sentences", "frame_sentences", "exercise_mentions_rows"]


ANALYSES = ("stats", "sentiment", "framing", "events")


def _partition(
    docs: pd.DataFrame,
    *,
    abbreviations: frozenset[str],
    group_by: str | None,
    dictionary: Any,
    rows_dir: str | None,
    part: int,
    analyses: tuple[str, ...] = ANALYSES,
    include_embeds: bool = False,
    events_table: pd.DataFrame | None = None,
    collect_documents: bool = True,
    frame_context: bool = True,
) -> dict[str, pd.DataFrame]:
    """All per-document work for one partition: row tables out, partial counts back.

    Row tables hold every sentence (with its ``kind``); the counts read the prose only
    unless ``include_embeds``, as the notebooks' sections do. Without
    ``collect_documents`` the per-document tables are written beside the row tables
    and left out of the result, so nothing of size N travels back.
    """
    from . import events, framing, sentiment, stats
    from .sentiment.aggregate import _counts

    sentences = corpus.segment(docs, abbreviations=abbreviations)
    out: dict[str, pd.DataFrame] = {}
    rows: dict[str, pd.DataFrame] = {"sentences": sentences}
    scope = {"include_embeds": include_embeds}
    if "stats" in analyses:
        tokens = corpus.tokenize(sentences)
        out["document_stats"] = stats.document_stats(sentences, tokens=tokens, **scope)
        tc = stats.term_counts(sentences, n=[1, 2], tokens=tokens, **scope)
        # documents: how many of this partition's documents use the term; partitions hold
        # disjoint documents, so the corpus-wide figure is the sum over partitions
        out["term_counts"] = tc.groupby(["n", "term"], as_index=False).agg(
            count=("count", "sum"), documents=("doc_id", "nunique")
        )
        if group_by:
            labels = stats.group_labels(docs, group_by)
            out["keyness_counts"] = stats.keyness_counts(tc, labels)
    if "sentiment" in analyses:
        scores = sentiment.score(sentences)
        rows["sentiment_sentences"] = scores
        out["sentiment_documents"] = sentiment.documents_table(
            sentiment.aggregate(scores, level="document", documents=docs, **scope)
        )
        out["sentiment_counts"] = sentiment.aggregate_counts(scores, level="corpus", **scope)
        actor_rows = sentiment.actor_sentences(scores, **scope)
        out["actor_counts"] = _counts(actor_rows, ["actor"]).merge(
            actor_rows.groupby("actor", as_index=False).agg(
                type=("type", "first"), n_documents=("doc_id", "nunique")
            ),
            on="actor",
        )
        out["actor_extremes"] = _extremes(actor_rows)
    if "framing" in analyses:
        hits = framing.match(sentences, dictionary, context=frame_context)
        rows["frame_sentences"] = hits
        if include_embeds:
            fc = framing.profile_counts(sentences, hits, dictionary)
        else:
            fc = framing.profile_counts(
                sentences[sentences["kind"] == "prose"], hits[hits["kind"] == "prose"], dictionary
            )
        out["frame_counts"] = fc
        out["frame_totals"] = (
            fc.drop(columns=["doc_id"]).groupby(["frame", "dictionary"], as_index=False).sum()
        )
    if "events" in analyses:
        found = events.mentions(sentences, events=events_table)
        rows["exercise_mentions_rows"] = found
        if not include_embeds:
            found = found[found["sentence_kind"] == "prose"]
        # documents never span partitions, so the per-partition n_docs add up
        out["event_totals"] = events.total_counts(events.mention_counts(found, by="document"))
    if not collect_documents:
        for name in PER_DOCUMENT:
            frame = out.pop(name, None)
            if frame is not None and rows_dir:
                rows[name] = frame
    if rows_dir:
        for name, frame in rows.items():
            folder = Path(rows_dir) / f"{name}.parquet"
            folder.mkdir(parents=True, exist_ok=True)
            frame.to_parquet(folder / f"part-{part:05d}.parquet", index=False)
    return out


def _finish(
    parts: dict[str, pd.DataFrame],
    group_by: str | None,
    dictionary: Any,
    collect_documents: bool = True,
):
    """Corpus-wide tables from the summed partial counts (the same for both engines)."""
    from . import framing, sentiment, stats

    out = {}
    if "term_counts" in parts:
        tc = parts["term_counts"].assign(doc_id="*")
        out["top_terms"] = stats.top_terms(tc, n=1, top_n=50)
        out["collocations"] = stats.collocations(tc, min_freq=2, top_n=50)
    if "sentiment_counts" in parts:
        out["sentiment_corpus"] = sentiment.aggregate_finish(parts["sentiment_counts"])
        out["actor_tone"] = _actor_tone(parts["actor_counts"], parts["actor_extremes"])
    if "event_totals" in parts:
        out["exercise_mentions"] = (
            parts["event_totals"]
            .astype({"n": "int64", "n_docs": "int64"})
            .sort_values(["kind", "n", "canonical_name"], ascending=[True, False, True])
            .reset_index(drop=True)
        )
    if "frame_totals" in parts:
        out["frame_profile"] = framing.profile(parts["frame_totals"].assign(doc_id="corpus")).drop(
            columns=["doc_id"], errors="ignore"
        )
    if "frame_counts" in parts:
        out["frame_documents"] = framing.profile(parts["frame_counts"])
    for name in ("document_stats", "sentiment_documents"):
        if name in parts:
            out[name] = parts[name]
    if group_by and "keyness_counts" in parts:
        out["keyness"] = stats.keyness(parts["keyness_counts"])
    return {k: _sorted(v, SUMMARY_KEYS.get(k, [])) for k, v in out.items()}


def _extreme(rows: pd.DataFrame, *, most_negative: bool) -> pd.DataFrame:
    """Return the most negative (or positive) sentence per actor; ties by document order."""
    scored = rows[rows["compound"].notna()]
    ordered = scored.sort_values(
        ["actor", "compound", "doc_id", "sent_id"],
        ascending=[True, most_negative, True, True],
        kind="stable",
    )
    return ordered.groupby("actor", sort=True).head(1)[
        ["actor", "doc_id", "sent_id", "compound", "text"]
    ]


def _extremes(rows: pd.DataFrame) -> pd.DataFrame:
    """Keep the most negative and most positive sentence per actor (per partition)."""
    return pd.concat(
        [_extreme(rows, most_negative=True), _extreme(rows, most_negative=False)],
        ignore_index=True,
    )


def _actor_tone(counts: pd.DataFrame, extremes: pd.DataFrame) -> pd.DataFrame:
    """Actor tone from summed counts: mean, shares and a normal-approximation interval.

    At scale the bootstrap of :func:`framelens.sentiment.actor_tone` would need every
    sentence in the driver; the interval here comes from the sums alone.
    """
    from . import sentiment

    meta = counts[["actor", "type", "n_documents"]]
    out = sentiment.aggregate_finish(counts.drop(columns=["type", "n_documents"]))
    out = out.merge(meta, on="actor", how="left")
    for which, negative in (("most_negative", True), ("most_positive", False)):
        ext = _extreme(extremes, most_negative=negative).rename(
            columns={c: f"{which}_{c}" for c in ("compound", "doc_id", "sent_id", "text")}
        )
        out = out.merge(ext, on="actor", how="left")
    return out


def _sorted(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    # Dask hands strings back as pyarrow strings: one string dtype for both engines
    strings = [c for c in frame.columns if pd.api.types.is_string_dtype(frame[c])]
    frame = frame.astype({c: str for c in strings})
    keys = [k for k in keys if k in frame.columns]
    if keys:
        frame = frame.sort_values(keys, kind="stable")
    return frame.reset_index(drop=True)


#: how each partial table combines across partitions: keys to sum over, or "concat"
_COMBINE = {
    "document_stats": "concat",
    "term_counts": (["n", "term"], ["count", "documents"]),
    "keyness_counts": (["group", "term"], ["count", "documents", "sum_sq"]),
    "sentiment_documents": "concat",
    "sentiment_counts": "sum",
    "actor_counts": "sum",
    "actor_extremes": "concat",
    "frame_totals": "sum",
    "frame_counts": "concat",
    "event_totals": (["kind", "canonical_name", "year"], ["n", "n_docs"]),
}
#: partitions merged by one task of the reduction tree
FAN_IN = 8


def analyse(
    documents,
    *,
    abbreviations: frozenset[str] | None = None,
    group_by: str | None = None,
    dictionary: str | Path | Any = "security",
    events: pd.DataFrame | str | Path | None = None,
    include_embeds: bool = False,
    frame_context: bool = True,
    output_dir: str | Path | None = None,
    collect_documents: bool = True,
    progress: bool = False,
    analyses: Sequence[str] = ANALYSES,
    partition_size: int = 500,
) -> dict[str, pd.DataFrame]:
    """Run every analysis over a corpus, in-process or on Dask, and return its summaries.

    Per partition: segmentation, tokens, document statistics, term and n-gram counts,
    sentence sentiment, frame hits, exercise mentions (row-level tables are written to
    ``output_dir/tables/<name>.parquet/part-NNNNN.parquet``, one file a partition, when
    ``output_dir`` is given). Across partitions, a tree of merges (:data:`FAN_IN`
    partitions a merge, on the cluster with Dask) *sums* the term, n-gram and keyness
    counts, the sentiment, frame and exercise-mention counts, keeps each actor's most
    negative and most positive sentence, and concatenates the per-document tables (or
    writes them to Parquet with ``collect_documents=False``); the finishers of each
    analysis module then compute the corpus-wide tables. A pandas corpus is processed
    with the same code in chunks of ``partition_size`` documents, one after the other,
    so both engines give the same tables and the local engine's memory depends on the
    chunk, not on the corpus (beyond the documents themselves and the tables returned).

    Parameters
    ----------
    documents
        The documents frame (pandas) or a Dask DataFrame of documents (:func:`load`).
    abbreviations
        More abbreviations for sentence splitting, added to the shipped list on every
        partition (default: none, so a document is split by its own text alone; pass
        :func:`framelens.corpus.learn_abbreviations` of the whole corpus to opt in).
    group_by
        A metadata column for keyness (none by default).
    dictionary
        The frame dictionary: ``"security"``, ``"generic"``, a YAML path or a
        :class:`framelens.framing.Dictionary` (e.g. one extended with
        :func:`framelens.framing.extend`).
    events
        The event table that sets ``matched`` in the exercise-mention rows: a frame from
        :func:`framelens.events.load_events` or a CSV path; default: the shipped, sourced
        table.
    include_embeds
        Count embedded posts (``kind == "embed"``) in the summaries, as the notebooks'
        ``include_embeds`` parameter does; by default the prose only. The row tables
        hold every sentence either way, with its ``kind``.
    frame_context
        Judge each frame cue in its sentence (negation, names, weak cues), as
        :func:`framelens.framing.match` does by default; ``False`` counts every match.
    output_dir
        Where to write the row-level Parquet tables (optional).
    collect_documents
        Return the per-document tables (``document_stats``, ``sentiment_documents``,
        ``frame_documents``). With ``False`` on Dask they are written to Parquet under
        ``output_dir`` instead and never reach the driver, which then holds only
        corpus-wide summaries, whatever the size of the corpus.
    progress
        Show a progress bar while Dask computes.
    analyses
        Which of ``"stats", "sentiment", "framing", "events"`` to run (default: all).
    partition_size
        Documents per chunk on the local engine (a Dask corpus keeps its partitions).

    Returns
    -------
    dict of str to pandas.DataFrame
        ``document_stats, top_terms, collocations, sentiment_documents,
        sentiment_corpus, actor_tone, frame_documents, frame_profile,
        exercise_mentions`` (+ ``keyness`` with ``group_by``), each sorted by its keys
        (:data:`SUMMARY_KEYS`).
    """
    if abbreviations is None:
        abbreviations = frozenset()  # the shipped list alone: sentences of the document only
    rows_dir = str(Path(output_dir) / "tables") if output_dir else None
    analyses = tuple(check_choice("analyses", a, list(ANALYSES)) for a in analyses)
    check_bool("include_embeds", include_embeds)
    check_bool("frame_context", frame_context)
    check_int("partition_size", partition_size, min_value=1)
    options = dict(
        frame_context=frame_context,
        analyses=analyses,
        abbreviations=frozenset(abbreviations),
        group_by=group_by or None,
        rows_dir=rows_dir,
        include_embeds=include_embeds,
    )
    if "framing" in analyses:
        from .framing import load_dictionary

        # loaded once here: a bad dictionary fails before any partition is computed
        options["dictionary"] = load_dictionary(dictionary)
    else:
        options["dictionary"] = dictionary
    if "events" in analyses and events is not None:
        from .events import load_events

        table = events if isinstance(events, pd.DataFrame) else load_events(events)
        options["events_table"] = table
    options["collect_documents"] = collect_documents
    if not is_dask(documents):
        return _analyse_local(documents, options, partition_size, group_by, collect_documents)

    import dask

    # map: one task a partition; reduce: a tree of merges, FAN_IN partials a task, so a
    # partition's partial counts are freed as soon as its merge has run. The options
    # (abbreviations, dictionary, event table) travel once, as one key, not in every task.
    shared = dask.delayed(options, pure=True)
    level = [
        dask.delayed(_partition_task)(p, i, shared) for i, p in enumerate(documents.to_delayed())
    ]
    while True:  # at least one merge, so one partition is combined as many are
        level = [dask.delayed(_merge)(level[i : i + FAN_IN]) for i in range(0, len(level), FAN_IN)]
        if len(level) == 1:
            break
    (parts,) = _compute_with_progress(level, progress)
    return _finish(parts, group_by, options["dictionary"], collect_documents)


def _partition_task(docs: pd.DataFrame, part: int, options: dict[str, Any]):
    return _partition(docs, part=part, **options)


def _merge(parts: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """Combine the partial tables of several partitions (one node of the reduction)."""
    out = {}
    for name in parts[0]:
        merged = _combine_local(name, [p[name] for p in parts])
        if name == "actor_extremes":
            merged = _extremes(merged)  # the extremes of extremes: stays a row per actor
        out[name] = merged
    return out


def _analyse_local(
    documents: pd.DataFrame,
    options: dict[str, Any],
    partition_size: int,
    group_by: str | None,
    collect_documents: bool,
) -> dict[str, pd.DataFrame]:
    """Run :func:`_partition` chunk by chunk in this process, merging as it goes."""
    pending: list[dict[str, pd.DataFrame]] = []
    starts = range(0, max(len(documents), 1), partition_size)
    for part, start in enumerate(starts):
        chunk = documents.iloc[start : start + partition_size]
        pending.append(_partition(chunk, part=part, **options))
        if len(pending) == FAN_IN:
            pending = [_merge(pending)]
    return _finish(_merge(pending), group_by, options["dictionary"], collect_documents)


def _combine_local(name: str, frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Combine partial tables in-process exactly as the Dask reduction does."""
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    how = _COMBINE[name]
    if how == "concat":
        key = [c for c in ("doc_id", "sent_id", "actor", "frame") if c in frame.columns]
        return frame.sort_values(key, kind="stable").reset_index(drop=True) if key else frame
    if how == "sum":
        numeric = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])]
        keys = [c for c in frame.columns if c not in numeric]
        return frame.groupby(keys, as_index=False, dropna=False)[numeric].sum()
    keys, values = how
    return frame.groupby(keys, as_index=False, dropna=False)[values].sum()


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
        else:
            self.documents = self.corpus.head(sample, npartitions=-1).reset_index(drop=True)
            self.documents.attrs["skipped"] = []

    @property
    def is_sample(self) -> bool:
        """Return True if :attr:`documents` is a sample of a larger corpus."""
        return self.engine == "dask"

    def analyse(self, output_dir: str | Path, **options: Any) -> dict[str, pd.DataFrame]:
        """Run :func:`analyse` over the whole corpus; write its summaries as CSV.

        Summaries go to ``output_dir/tables/scale_<name>.csv``; on Dask the row-level
        and per-document tables go to Parquet beside them and stay out of the driver.
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
        for name, frame in result.items():
            save_table(frame, f"scale_{name}", output_dir)
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
    """Open a corpus for a notebook on either engine (see :class:`Session`)."""
    return Session(corpus_path, engine=engine, scheduler=scheduler, **load_options)
