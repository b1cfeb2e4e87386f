"""The ``framelens`` command: ``run``, ``doctor``, ``provision``, ``params``, ``workshop``.

Exit codes (also in the README): 0 success · 1 unexpected error · 2 parameter error ·
3 missing resource · 4 notebook error · 5 timeout or dead kernel · 6 unreadable input or
unwritable output · 130 interrupted (Ctrl-C) · 143 terminated (SIGTERM).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

import yaml

from .errors import FramelensError, Interrupted

__all__ = ["main"]


def _param(values: list[str]) -> tuple[str, object]:
    name, raw = values
    try:
        value = yaml.safe_load(raw)
    except yaml.YAMLError:
        value = raw
    return name, raw if value is None and raw != "null" else value


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="framelens", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)

    r = sub.add_parser("run", help="execute the notebooks with papermill into a run folder")
    r.add_argument("--corpus", default="seeds", help="folder of .txt, .csv or .jsonl")
    r.add_argument("--out", default=None, help="run folder (default outputs/<corpus name>)")
    r.add_argument("--config", default=None, help="YAML run config")
    r.add_argument("--jobs", type=int, default=None, help="notebooks in parallel (default: cores)")
    r.add_argument(
        "--only",
        action="append",
        default=None,
        metavar="NAME",
        help="run only this notebook (name or prefix; repeatable)",
    )
    r.add_argument(
        "-p",
        "--param",
        nargs=2,
        action="append",
        metavar=("NAME", "VALUE"),
        help="a parameter for every notebook that declares it (YAML value)",
    )
    r.add_argument(
        "--engine",
        choices=["local", "dask"],
        default=None,
        help="engine for every analysis notebook (default: each notebook's own, local)",
    )
    r.add_argument(
        "--scheduler",
        default=None,
        help="Dask scheduler address (tcp://host:8786); default: a LocalCluster",
    )
    r.add_argument("--timeout", type=int, default=300, help="seconds per cell (default 300)")
    r.add_argument("--quiet", action="store_true", help="no progress bar")

    d = sub.add_parser("doctor", help="list the offline resources and check them")
    d.add_argument(
        "--scheduler",
        default=None,
        help="also check every worker of this Dask cluster (tcp://host:8786)",
    )
    d.add_argument(
        "--room",
        action="store_true",
        help="one line for this laptop: ROOM OK, or ROOM FAIL and what is wrong",
    )

    v = sub.add_parser("provision", help="write the NLTK resources from their pinned packages")
    v.add_argument("--force", action="store_true", help="rewrite even if present")

    w = sub.add_parser("workshop", help="write the student and facilitator builds")
    w.add_argument("--out", default="outputs/workshop", help="default outputs/workshop")
    w.add_argument("--jobs", type=int, default=None, help="notebooks in parallel")

    pa = sub.add_parser("params", help="list a notebook's parameters")
    pa.add_argument("notebook", nargs="?", default=None)
    return p


def _doctor_workers(scheduler: str) -> int:
    from . import scale

    client = scale.start("dask", scheduler)
    try:
        answers = client.run(scale.worker_resources)
        profiling = client.run(scale.worker_profiling)
    finally:
        client.close()
    bad = 0
    for worker, rows in sorted(answers.items()):
        print(f"worker {worker}")
        for r in rows:
            mark = "ok     " if r["status"] == "ok" else "MISSING"
            bad += r["status"] != "ok"
            print(
                f"  {mark} {r['resource']:<22} {r['source_package']} {r['version']:<8} {r['path']}"
            )
        if profiling.get(worker):
            print(
                "  note    Dask profiler on: the worker keeps up to 1,000 s of profiles, so its "
                "memory grows with run time (set distributed.worker.profile.enabled: false)"
            )
        else:
            print("  ok      Dask profiler off: memory depends on the partition size")
    return 3 if bad else 0


def _room() -> int:
    """One line a laptop: Python, framelens, resources, kernel, JupyterLab, a writable folder."""
    import platform
    import tempfile
    from importlib import metadata

    from . import resources

    problems, facts = [], []
    facts.append(f"python {platform.python_version()}")
    if sys.version_info[:2] != (3, 11):
        problems.append("framelens needs Python 3.11")
    facts.append(f"framelens {metadata.version('framelens')}")
    table = resources.check()
    ok = int((table["status"] == "ok").sum())
    facts.append(f"resources {ok}/{len(table)}")
    if ok < len(table):
        missing = ", ".join(table.loc[table["status"] != "ok", "resource"])
        problems.append(f"missing {missing} (repair: {resources.REPAIR})")
    try:
        from jupyter_client.kernelspec import KernelSpecManager

        KernelSpecManager().get_kernel_spec("python3")
        facts.append("kernel python3")
    except Exception:  # noqa: BLE001 - any failure means no usable kernel
        problems.append("no python3 kernel (reinstall: pip install ipykernel)")
    try:
        metadata.version("jupyterlab")
        facts.append("jupyterlab")
    except metadata.PackageNotFoundError:
        problems.append("JupyterLab is not installed")
    try:
        with tempfile.NamedTemporaryFile(dir=Path.cwd()):
            facts.append("folder writable")
    except OSError:
        problems.append(f"cannot write in {Path.cwd()} (outputs go here)")
    host = platform.node() or "this laptop"
    if problems:
        print(f"ROOM FAIL {host}: " + "; ".join(problems))
        return 3
    print(f"ROOM OK {host}: " + " · ".join(facts))
    return 0


def _doctor(scheduler: str | None = None) -> int:
    from . import resources

    if scheduler:
        code = _doctor_workers(scheduler)
        if code:
            return code
    table = resources.check()
    print(f"framelens resources (nltk_data: {resources.nltk_data_dir()})")
    for r in table.itertuples():
        mark = "ok     " if r.status == "ok" else "MISSING"
        print(
            f"  {mark} {r.resource:<22} {r.source_package} {r.version:<8} {r.sha256}  {r.purpose}"
        )
    missing = table[table.status != "ok"]
    if len(missing):
        print(f"\n{len(missing)} missing. Repair with: {resources.REPAIR}")
        return 3
    print("\nall resources present; nothing will be downloaded.")
    return 0


def _params(name: str | None) -> int:
    from . import pipeline

    for book in pipeline.find_notebooks([name] if name else None):
        print(book.stem)
        for pname, info in pipeline.notebook_parameters(book).items():
            print(f"  {pname} = {info['default']!r}  ({info['type']}) {info['help']}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``framelens`` command; returns the exit code.

    Called as the program (no ``argv``: the console script, ``python -m framelens.cli``),
    it freezes the garbage collector when done: the process ends without the
    interpreter's last collections over every object a run left (~0.5 s).

    Parameters
    ----------
    argv
        The command-line arguments after the program name (``["run", "--corpus",
        "seeds"]``); ``None`` (default) reads ``sys.argv[1:]``, as the console script does.

    Returns
    -------
    int
        The exit code (module docstring and README, "Exit codes"): 0 on success, 3 from
        ``doctor`` or ``provision`` when a resource is missing (or ``doctor --room`` finds
        a problem); the ``exit_code`` of a :class:`~framelens.errors.FramelensError` the
        command raised, its message printed to stderr; 130 when interrupted (Ctrl-C), 143
        when terminated (SIGTERM).
        Any other exception propagates (exit code 1 from the console script); arguments
        argparse cannot parse raise ``SystemExit(2)``, and ``--help`` ``SystemExit(0)``.
    """
    try:
        return _main(argv)
    finally:
        if argv is None:
            gc.freeze()


def _main(argv: list[str] | None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "run":
            from .pipeline import main_run

            # the text as typed, for parameters whose default is text ("0123", "no")
            args.raw = {name: raw for name, raw in (args.param or [])}
            args.param = [_param(p) for p in (args.param or [])]
            if args.engine:
                args.param.append(("engine", args.engine))
            if args.scheduler:
                args.param.append(("scheduler", args.scheduler))
            return main_run(args)
        if args.command == "doctor":
            if args.room:
                return _room()
            return _doctor(args.scheduler)
        if args.command == "provision":
            from . import resources

            for path in resources.provision(force=args.force):
                print(f"wrote {path}")
            return _doctor()
        if args.command == "params":
            return _params(args.notebook)
        if args.command == "workshop":
            from . import workshop

            out = workshop.build(args.out, jobs=args.jobs)
            print(
                f"wrote {out}/student/, {out}/student.zip and {out}/facilitator/ "
                f"(open {out}/facilitator/schedule.html)"
            )
            return 0
    except Interrupted as exc:
        print(f"framelens: error: {exc}", file=sys.stderr)
        if argv is None:  # the console script: its kernels and workers are killed and its
            # build removed; the interpreter's exit would still join the process pool's
            # threads, which can wait forever on workers killed under them
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(exc.exit_code)
        return exc.exit_code
    except FramelensError as exc:
        print(f"framelens: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("framelens: interrupted", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
