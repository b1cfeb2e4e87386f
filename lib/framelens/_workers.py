"""The Dask worker plugin that carries the offline resources (imported with a cluster)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from . import resources

__all__ = ["OfflineResources"]


class OfflineResources(WorkerPlugin):
    """Worker plugin: put the offline NLTK data on every worker, without a network.

    The driver reads its provisioned files (VADER lexicon, CMU dictionary) once; each
    worker writes any it lacks into its own local folder and puts that folder first on
    NLTK's search path. Workers that share the driver's environment already have them.
    """

    name = "framelens-offline-resources"
    idempotent = True

    def __init__(self) -> None:
        base = resources.nltk_data_dir()
        self.files = {
            str(p.relative_to(base)): p.read_bytes() for p in sorted(base.rglob("*")) if p.is_file()
        }

    def setup(self, worker: Any = None) -> None:  # pragma: no cover - runs on workers
        """Install the resources on a worker.

        Parameters
        ----------
        worker
            The Dask worker starting up: files it lacks are written under its
            ``local_directory`` (the current folder when it has none, or for None).
        """
        import nltk

        present = resources.nltk_data_dir()
        missing = [rel for rel in self.files if not (present / rel).is_file()]
        if missing:
            local = Path(getattr(worker, "local_directory", ".")) / "nltk_data"
            for rel, data in self.files.items():
                target = local / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
            nltk.data.path.insert(0, str(local))
        resources.use_offline_nltk()

    def teardown(self, worker: Any = None) -> None:  # pragma: no cover
        """Nothing to undo.

        Parameters
        ----------
        worker
            The Dask worker closing down (not used).
        """
