"""Test-wide set-up: no network, no display, seeded randomness, figures closed."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OFFLINE = Path(__file__).resolve().parent / "offline"
DATA = Path(__file__).resolve().parent / "data"
SEEDS = ROOT / "seeds"

# Every process started from here on (papermill kernels included) blocks the network.
_NETLOG = Path(tempfile.mkdtemp(prefix="framelens-netlog-")) / "attempts.log"
os.environ["FRAMELENS_BLOCK_NETWORK"] = "1"
os.environ["FRAMELENS_NETWORK_LOG"] = str(_NETLOG)
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(OFFLINE)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
)
os.environ.setdefault("MPLBACKEND", "Agg")
os.environ["PYTHONHASHSEED"] = "0"
sys.path.insert(0, str(OFFLINE))
import sitecustomize  # noqa: E402,F401  (installs the guard in this process too)

if getattr(sitecustomize, "_LOG", None) is None:  # another sitecustomize was imported first
    import importlib.util

    _spec = importlib.util.spec_from_file_location(
        "_framelens_offline", OFFLINE / "sitecustomize.py"
    )
    _spec.loader.exec_module(importlib.util.module_from_spec(_spec))


def network_attempts() -> list[str]:
    """Lines logged by the guard: every blocked network attempt so far."""
    return _NETLOG.read_text().splitlines() if _NETLOG.exists() else []


def pytest_sessionfinish(session, exitstatus):
    attempts = network_attempts()
    if attempts:
        print("\nNetwork access was attempted during the tests (must be offline):")
        for line in attempts[:20]:
            print("  " + line)
        session.exitstatus = 1


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


@pytest.fixture(scope="session")
def seeds_documents():
    from framelens import corpus

    return corpus.load(SEEDS)


@pytest.fixture(scope="session")
def seeds_sentences(seeds_documents):
    from framelens import corpus

    return corpus.segment(seeds_documents)


@pytest.fixture(scope="session")
def run_notebook(tmp_path_factory):
    """Run one notebook through the real runner; return the run's output folder.

    ``run_notebook("01_text_stats", corpus_path, top_n=5)`` executes
    ``notebooks/01_text_stats.ipynb`` with those parameters and returns the folder that
    holds ``tables/``, ``figures/``, ``notebooks/`` and ``html/``. Runs are cached per
    (name, corpus, parameters) for the session.
    """
    from framelens import pipeline

    cache: dict = {}

    def _run(name: str, corpus_path, **params):
        key = (name, str(corpus_path), tuple(sorted((k, repr(v)) for k, v in params.items())))
        if key not in cache:
            out = tmp_path_factory.mktemp(f"run-{name}")
            pipeline.run(corpus_path, out, only=[name], params=params, jobs=1, progress=False)
            cache[key] = out
        return cache[key]

    return _run


#: folders whose tests start kernels, clusters or installs: `pytest -m "not slow"` leaves
#: them out (CI runs everything); those that execute notebooks are also `notebook`
SLOW_FOLDERS = {"notebooks", "corpus_matrix", "readme", "workshop_bundle", "scale"}
NOTEBOOK_FOLDERS = {"notebooks", "corpus_matrix", "readme", "scale"}
#: unit-test files of the runner: most of their tests start workers and kernels
RUNNER_FILES = {"test_pipeline.py", "test_runner_safety.py"}


def pytest_collection_modifyitems(config, items):
    tests = Path(__file__).resolve().parent
    for item in items:
        try:
            folder = Path(str(item.fspath)).resolve().relative_to(tests).parts[0]
        except ValueError:
            continue  # a doctest of the library
        runner = Path(str(item.fspath)).name in RUNNER_FILES
        if folder in SLOW_FOLDERS or runner:
            item.add_marker(pytest.mark.slow)
        if folder in NOTEBOOK_FOLDERS or runner:
            item.add_marker(pytest.mark.notebook)


def sents(*texts: str, doc_id: str = "a", kind: str = "prose"):
    """Sentences frame for texts laid out one after another in one document."""
    import pandas as pd

    rows, pos = [], 0
    for i, t in enumerate(texts):
        rows.append((doc_id, i, i, pos, pos + len(t), t, kind))
        pos += len(t) + 1
    return pd.DataFrame(
        rows, columns=["doc_id", "para_id", "sent_id", "start", "end", "text", "kind"]
    )
