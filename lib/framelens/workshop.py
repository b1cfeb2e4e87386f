"""The workshop edition: a student build and a facilitator build of the notebooks.

``make workshop`` (``framelens workshop``) writes ``outputs/workshop/``:

- ``student/``: the notebooks with the worked answers removed (cells tagged ``solution``
  and the ``*Interpretation*`` under each) and no outputs (nbconvert's
  ``TagRemovePreprocessor`` and ``ClearOutputPreprocessor``), the seed corpus, every file a
  parameter default points to (03's hand labels, at the same relative place), a
  ``wheelhouse/`` with every locked dependency and framelens itself as wheels, the
  ``workshop.py`` that installs them with no network (``python3.11 workshop.py install``)
  and opens JupyterLab on the notebooks (``python3.11 workshop.py lab``), and a README for
  students; ``student.zip`` is the same folder, to hand out on a USB stick;
- ``facilitator/``: the notebooks executed with papermill through the runner, solutions in
  place, rendered to HTML, plus ``schedule.html``, a one-page plan (sections, minutes,
  exercises) read from the notebooks' headers.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat

from . import pipeline
from .errors import InputError

__all__ = [
    "Exercise",
    "Lesson",
    "build",
    "lessons",
    "referenced_files",
    "schedule_html",
    "student_notebook",
]

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
LOCK = ROOT / "requirements.lock"
#: the locked dependencies as wheels, downloaded at set-up (``make workshop``)
WHEELHOUSE = ROOT / ".venv" / "wheelhouse"
WHEELHOUSE_COMMAND = (
    "pip download --no-deps --only-binary=:all: -r requirements.lock -d .venv/wheelhouse"
)
_ZIP_DATE = (2020, 1, 1, 0, 0, 0)
BREAK_MINUTES = 10

STUDENT_README = """# Computational news analysis: workshop notebooks

Everything for the workshop is in this folder: the notebooks, the articles they read, and
every program they need (in `wheelhouse/`). Nothing needs the network.

## Start: two commands
You need Python 3.11 (`python3.11 --version` should print `Python 3.11.x`; on Windows use
`py -3.11` instead of `python3.11`). Open a terminal in this folder and type:

1. `python3.11 workshop.py install`: installs everything into `.venv/` here, from
   `wheelhouse/` only (1–3 minutes), then checks the laptop: the last line must start with
   `ROOM OK`.
2. `python3.11 workshop.py lab`: opens JupyterLab in your browser on this folder. Open
   `notebooks/00_corpus_overview.ipynb` (kernel **Python 3 (ipykernel)**) and run the cells
   from the top with Shift+Enter.

Next time, only the second command. To stop JupyterLab: Ctrl-C in the terminal, then `y`.

## Where things are
- `notebooks/`: the lessons, {lessons}. Work in them; save with Ctrl-S.
- `seeds/`: the article the notebooks read by default.
- `outputs/lab/`: the tables (`tables/*.csv`) and figures (`figures/*.png`, `.svg`) your
  notebooks write. Open them from JupyterLab's file browser on the left.

## The exercises
Each notebook ends with **Your turn** exercises: read the prompt, write your answer in the
empty cell below it, run it. The facilitator has the worked answers.

## When something fails
- `install` says `no Python 3.11`, or `python3.11` is not found: install Python 3.11 (or ask
  the facilitator for the installer on the stick), then run the command again.
- `install` says `a wheel for your computer is missing`: the wheelhouse was built for
  another kind of computer (see the facilitator's page); tell the facilitator.
- `ROOM FAIL …`: the line says what is wrong; show it to the facilitator.
- In a notebook, a red message that starts with `ParameterError`, `InputError` or
  `TypeError` says what to change (a misspelled name, a path that does not exist, a value
  out of range): change it and run the cell again.
- `ResourceError`: a lexicon is missing: run `python3.11 workshop.py install` again.
- Anything else: *Kernel → Restart Kernel and Run All Cells*. If it persists, call the
  facilitator.

## Your own articles
Set `corpus_path` in the first code cell to a folder of `.txt` files, a `.csv` or a `.jsonl`
with a `text` column, and run all cells again.
"""

#: the student's installer: standard library only, so it runs before anything is installed
INSTALL_SCRIPT = r'''"""Install the workshop with no network, or open JupyterLab on it.

    python3.11 workshop.py install   # .venv/ from wheelhouse/ only, then the room check
    python3.11 workshop.py lab       # JupyterLab on this folder (extra arguments go to it)
"""

import os
import subprocess
import sys
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV = HERE / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")


def fail(message):
    print(f"workshop: {message}", file=sys.stderr)
    sys.exit(1)


def install():
    if sys.version_info[:2] != (3, 11):
        fail(f"no Python 3.11: this is Python {sys.version.split()[0]}. Run this file with "
             "Python 3.11 (python3.11 workshop.py install; on Windows py -3.11 workshop.py "
             "install).")
    if not PY.exists():
        print("creating .venv/ ...", flush=True)
        venv.create(VENV, with_pip=True)
    wheels = sorted((HERE / "wheelhouse").glob("framelens-*.whl"))
    if not wheels:
        fail("wheelhouse/ has no framelens wheel: copy the whole folder from the stick again.")
    print("installing from wheelhouse/ (no network) ...", flush=True)
    env = {**os.environ, "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    r = subprocess.run(
        [str(PY), "-m", "pip", "install", "--quiet", "--no-index",
         "--find-links", str(HERE / "wheelhouse"),
         "-r", str(HERE / "requirements.lock"), str(wheels[-1])],
        env=env,
    )
    if r.returncode:
        fail("a wheel for your computer is missing from wheelhouse/ (pip said which, above). "
             "The facilitator's page lists the computers this bundle covers.")
    for step in (["provision"], ["doctor", "--room"]):
        r = subprocess.run([str(BIN / "framelens"), *step], cwd=HERE)
        if r.returncode:
            sys.exit(r.returncode)


def lab(extra):
    if not (BIN / "jupyter").exists() and not (BIN / "jupyter.exe").exists():
        fail("not installed yet: run python3.11 workshop.py install first.")
    (HERE / "outputs").mkdir(exist_ok=True)
    os.execv(str(BIN / "jupyter"), [str(BIN / "jupyter"), "lab",
             f"--ServerApp.root_dir={HERE}", *extra])


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "install":
        install()
    elif command == "lab":
        lab(sys.argv[2:])
    else:
        fail("say what to do: python3.11 workshop.py install, then python3.11 workshop.py lab")
'''


@dataclass(frozen=True)
class Exercise:
    """One **Your turn** exercise: its heading and its prompt (white space collapsed)."""

    title: str
    prompt: str


@dataclass(frozen=True)
class Lesson:
    """One notebook as a lesson: its title, minutes, prerequisites, sections and exercises."""

    name: str
    title: str
    teach_minutes: int
    prerequisites: str
    sections: list[str]
    exercises: list[Exercise]


_SKIP_SECTIONS = ("Set-up", "What exactly", "Outputs", "Your turn")


def _header_field(head: str, name: str) -> str:
    m = re.search(rf"^\|\s*\*\*{re.escape(name)}\*\*\s*\|(.*)\|\s*$", head, flags=re.M)
    return m.group(1).strip() if m else ""


def lessons(notebooks_dir: Path | None = None) -> list[Lesson]:
    """Read each notebook's header and headings into a :class:`Lesson`.

    The minutes come from the header's **Time** field (``teach ~N min``); sections are the
    ``## `` headings other than set-up, method, outputs and exercises; each exercise is a
    ``### Your turn`` heading with its prompt.

    Parameters
    ----------
    notebooks_dir
        The folder of the notebooks (default None: the project's ``notebooks/``).

    Returns
    -------
    list of Lesson
        One lesson per notebook, in the order of their names; ``teach_minutes`` is 0 when
        the header gives no time.

    Raises
    ------
    InputError
        When the folder has no notebooks.

    Examples
    --------
    >>> first = lessons()[0]
    >>> first.name, first.teach_minutes, first.exercises[0].title
    ('00_corpus_overview', 15, 'Your turn 1 · Where does a sentence begin?')
    """
    out = []
    for path in pipeline.find_notebooks(None, notebooks_dir):
        nb = nbformat.read(path, as_version=4)
        head = nb.cells[0].source
        title = head.splitlines()[0].lstrip("# ").strip()
        m = re.search(r"teach ~?(\d+)\s*min", _header_field(head, "Time") or head)
        sections: list[str] = []
        exercises: list[Exercise] = []
        for cell in nb.cells[1:]:
            if cell.cell_type != "markdown":
                continue
            lines = cell.source.splitlines()
            for i, line in enumerate(lines):
                if line.startswith("## ") and not line[3:].startswith(_SKIP_SECTIONS):
                    sections.append(line[3:].strip())
                elif line.startswith("### Your turn"):
                    rest = []
                    for nxt in lines[i + 1 :]:
                        if nxt.startswith("#"):
                            break
                        rest.append(nxt)
                    exercises.append(Exercise(line[4:].strip(), " ".join(" ".join(rest).split())))
        out.append(
            Lesson(
                path.stem,
                title,
                int(m.group(1)) if m else 0,
                _header_field(head, "Prerequisites"),
                sections,
                exercises,
            )
        )
    return out


def _mark_worked_answers(nb: nbformat.NotebookNode) -> None:
    """Tag ``solution`` the ``*Interpretation*`` markdown cell that follows a solution cell.

    A worked answer is its code and the interpretation written under it; the interpretation
    answers the exercise's question, so the student build drops it with the code.
    """
    previous_is_solution = False
    for cell in nb.cells:
        tags = cell.metadata.setdefault("tags", [])
        if (
            previous_is_solution
            and cell.cell_type == "markdown"
            and cell.source.lstrip().startswith("*Interpretation")
            and "solution" not in tags
        ):
            tags.append("solution")
        previous_is_solution = "solution" in tags
        if not tags:
            del cell.metadata["tags"]


def student_notebook(path: Path) -> nbformat.NotebookNode:
    """Return the student version of a notebook: no worked answers, no outputs.

    Cells tagged ``solution`` (and the interpretation markdown right after one) are removed
    with nbconvert's ``TagRemovePreprocessor``; outputs and execution counts are cleared
    with its ``ClearOutputPreprocessor``. Exercise cells stay, empty.

    Parameters
    ----------
    path
        The notebook (``.ipynb``) with its worked answers; the file is not changed.

    Returns
    -------
    nbformat.NotebookNode
        The student version, to write with :func:`nbformat.write`.

    Examples
    --------
    >>> nb = student_notebook(ROOT / "notebooks" / "01_text_stats.ipynb")
    >>> [c for c in nb.cells if "solution" in c.metadata.get("tags", [])]
    []
    >>> {c.source for c in nb.cells if "exercise" in c.metadata.get("tags", [])}
    {''}
    """
    from nbconvert.preprocessors import ClearOutputPreprocessor, TagRemovePreprocessor

    nb = nbformat.read(path, as_version=4)
    _mark_worked_answers(nb)
    remove = TagRemovePreprocessor(remove_cell_tags={"solution"}, enabled=True)
    nb, _ = remove.preprocess(nb, {})
    nb, _ = ClearOutputPreprocessor(enabled=True).preprocess(nb, {})
    return nb


def referenced_files(book: Path) -> list[str]:
    """Relative paths that a notebook's parameter defaults point to (corpus and outputs aside).

    ``03_framing``'s ``labels_path = "../tests/data/annotations/seed_frames.csv"`` is one:
    the student build must carry that file at the same place relative to its notebooks.

    Parameters
    ----------
    book
        The notebook (``.ipynb``); its parameters cell is read.

    Returns
    -------
    list of str
        The string defaults, as written, that are relative paths to an existing file or
        folder beside the notebook, in the order of the parameters cell; the parameters
        every notebook has (``corpus_path``, ``output_dir``) are left out.

    Examples
    --------
    >>> referenced_files(ROOT / "notebooks" / "03_framing.ipynb")
    ['../tests/data/annotations/seed_frames.csv']
    """
    found = []
    for name, info in pipeline.notebook_parameters(book).items():
        value = info["default"]
        if name in pipeline.COMMON or not isinstance(value, str) or not value.strip():
            continue
        if Path(value).is_absolute() or not (book.parent / value).exists():
            continue
        found.append(value)
    return found


def _copy_referenced(books: list[Path], student: Path) -> list[str]:
    """Copy every file a parameter default points to, with the guides (``*.md``) beside it."""
    copied = []
    root = student.resolve()
    for book in books:
        for rel in referenced_files(book):
            source = (book.parent / rel).resolve()
            target = (student / "notebooks" / rel).resolve()
            if not target.is_relative_to(root):
                raise InputError(
                    f"{book.name}: the default {rel!r} points outside the project, so the "
                    "student build cannot carry it; make the default a path inside the project."
                )
            if target.exists():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir():
                shutil.copytree(source, target)
            else:
                shutil.copy2(source, target)
                for guide in sorted(source.parent.glob("*.md")):
                    if not (target.parent / guide.name).exists():
                        shutil.copy2(guide, target.parent / guide.name)
            copied.append(str(target.relative_to(root)))
    return copied


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def _inline(text: str) -> str:
    """Escape text for HTML, turning Markdown ``code`` spans into ``<code>``."""
    parts = re.split(r"`([^`]*)`", text)
    return "".join(
        f"<code>{html.escape(p)}</code>" if i % 2 else html.escape(p) for i, p in enumerate(parts)
    )


def _run_seconds(facilitator: Path | None) -> dict[str, float]:
    path = facilitator / "manifest.json" if facilitator else None
    if path is None or not path.is_file():
        return {}
    return {n["name"]: n["duration_s"] for n in json.loads(path.read_text())["notebooks"]}


def _bundle_facts(out: Path, student: Path) -> dict[str, Any]:
    """Size of ``student.zip`` and the platforms its wheelhouse covers."""
    return {
        "zip_mb": (out / "student.zip").stat().st_size / 2**20,
        "wheels": len(list((student / "wheelhouse").glob("*.whl"))),
        "platforms": platforms(student / "wheelhouse"),
    }


def _bundle_html(bundle: dict[str, Any] | None) -> str:
    if not bundle:
        return ""
    plats = "; ".join(html.escape(p) for p in bundle["platforms"]) or "any platform"
    return (
        f"<p><b>The bundle</b>: <code>student.zip</code> is {bundle['zip_mb']:.0f} MB, with "
        f"{bundle['wheels']} wheels (every locked dependency and framelens). It installs, "
        f"with <code>python3.11 workshop.py install</code> and no network, on: {plats}. "
        "For other laptops, add their "
        "wheels before copying the stick, e.g. for Windows: <code>pip download --no-deps "
        "--only-binary=:all: --platform win_amd64 --python-version 3.11 -r "
        "requirements.lock -d student/wheelhouse</code> (macOS: <code>--platform "
        "macosx_11_0_arm64</code>), then zip <code>student/</code> again.</p>\n"
    )


def schedule_html(
    items: list[Lesson],
    *,
    run_seconds: dict[str, float] | None = None,
    break_minutes: int = BREAK_MINUTES,
    bundle: dict[str, Any] | None = None,
) -> str:
    """Return the one-page workshop plan as HTML.

    One row per notebook with its start and end on a clock from 0:00, its minutes, what it
    needs, its sections and its exercises (each with its prompt), a
    link to the worked notebook, and one break at the lesson boundary nearest the middle.

    Parameters
    ----------
    items
        The lessons in teaching order (:func:`lessons`).
    run_seconds
        How long each worked notebook took to run, by notebook name, shown beside its
        minutes (default None: not shown).
    break_minutes
        Length of the break (default :data:`BREAK_MINUTES`, 10); no break with a single
        lesson.
    bundle
        Facts about ``student.zip`` (``zip_mb``, ``wheels``, ``platforms``) for a
        paragraph on what it installs on (default None: no such paragraph).

    Returns
    -------
    str
        The whole HTML page (``<!DOCTYPE html>`` …), printable on one A4 landscape page.

    Examples
    --------
    >>> ex = Exercise("Your turn 1 · Why?", "Say why.")
    >>> two = [Lesson("01_a", "01 · A", 20, "none", ["1. Counts"], [ex]),
    ...        Lesson("02_b", "02 · B", 30, "01", ["1. Tone"], [])]
    >>> page = schedule_html(two)
    >>> "0:00–0:20" in page, "0:20–0:30</td><td colspan='3'>Break" in page, "0:30–1:00" in page
    (True, True, True)
    """
    teach = sum(lesson.teach_minutes for lesson in items)
    half, clock, after = teach / 2, 0, None
    for i, lesson in enumerate(items[:-1]):
        clock += lesson.teach_minutes
        if after is None or abs(clock - half) < abs(after[1] - half):
            after = (i, clock)
    if after is None:  # one lesson: no break
        break_minutes = 0
    rows, clock = [], 0
    run_seconds = run_seconds or {}
    for i, lesson in enumerate(items):
        end = clock + lesson.teach_minutes
        sections = " · ".join(_inline(s) for s in lesson.sections)
        exercises = "".join(
            f"<li><b>{_inline(e.title)}</b><br><span class='q'>{_inline(e.prompt)}</span></li>"
            for e in lesson.exercises
        )
        run = run_seconds.get(lesson.name)
        ran = f" · ran in {run:.0f} s" if run is not None else ""
        rows.append(
            f"<tr><td class='t'>{_clock(clock)}–{_clock(end)}</td>"
            f"<td><b>{_inline(lesson.title)}</b><br>{lesson.teach_minutes} min{ran}<br>"
            f"<a href='html/{html.escape(lesson.name)}.html'>worked notebook</a>"
            f"<div class='pre'>Needs: {_inline(lesson.prerequisites) or 'nothing'}</div></td>"
            f"<td>{sections}</td><td><ol>{exercises or '<li>none</li>'}</ol></td></tr>"
        )
        clock = end
        if break_minutes and after is not None and i == after[0]:
            rows.append(
                f"<tr class='brk'><td class='t'>{_clock(clock)}–{_clock(clock + break_minutes)}"
                f"</td><td colspan='3'>Break ({break_minutes} min)</td></tr>"
            )
            clock += break_minutes
    n_ex = sum(len(lesson.exercises) for lesson in items)
    pause = f" + {break_minutes} min break" if break_minutes else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Workshop schedule</title>
<style>
body {{ font-family: sans-serif; max-width: 75em; margin: 1em auto; font-size: 12px; }}
h1 {{ font-size: 1.4em; margin: 0 0 .3em; }} p {{ margin: .3em 0; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border-top: 1px solid #bbb; padding: .35em .5em; text-align: left;
  vertical-align: top; }}
th {{ background: #eee; }} td.t {{ white-space: nowrap; font-weight: bold; }}
ol {{ margin: 0; padding-left: 1.3em; }} li {{ margin-bottom: .25em; }}
.q {{ color: #444; }} .pre {{ color: #555; font-size: .9em; margin-top: .3em; }}
tr.brk td {{ background: #f6f6f6; font-style: italic; }}
@media print {{ body {{ margin: 0; font-size: 9.5px; }} a {{ color: inherit; }} }}
@page {{ size: A4 landscape; margin: 1cm; }}
</style></head><body>
<h1>Computational news analysis: workshop plan</h1>
<p><b>{len(items)} notebooks · {teach} min of teaching{pause} =
{_clock(teach + break_minutes)} h · {n_ex} exercises.</b> Times run from the start of the
session; each slot includes its exercises (give one or two in the room, the rest as homework).</p>
<p><b>Before the session</b>: hand out <code>student.zip</code> (USB stick; nothing needs the
network). On every laptop, unzip it and run <code>python3.11 workshop.py install</code> in the
<code>student</code> folder: it ends with the room check, one line a laptop
(<code>framelens doctor --room</code>), which must start with <code>ROOM OK</code>. Then
<code>python3.11 workshop.py lab</code> opens the notebooks. The worked answers are in
<code>html/</code> and <code>notebooks/</code> beside this page.</p>
{_bundle_html(bundle)}
<table><tr><th>time</th><th>notebook</th><th>sections</th><th>your turn (exercises)</th>
</tr>
{chr(10).join(rows)}
</table>
</body></html>
"""


def _zip_folder(folder: Path, target: Path) -> None:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(str(Path(folder.name) / path.relative_to(folder)), _ZIP_DATE)
            # wheels are zip files already: stored as they are (deflating them gains ~1%)
            stored = path.suffix == ".whl"
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            info.external_attr = (0o644 & 0xFFFF) << 16
            with zf.open(info, "w") as dst, path.open("rb") as src:
                shutil.copyfileobj(src, dst, 1 << 20)


def lock_pins(lock: str | Path = LOCK) -> list[tuple[str, str]]:
    r"""Return the ``(name, version)`` pins of a requirements lock, names normalised.

    Parameters
    ----------
    lock
        The lock file (default: the project's ``requirements.lock``); lines other than
        ``name==version`` pins, and comments, are skipped.

    Returns
    -------
    list of tuple of (str, str)
        ``(name, version)`` in the file's order; names lower case, with runs of ``-``,
        ``_`` and ``.`` made one ``-``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "r.txt"
    >>> _ = f.write_text("# comment\nPyYAML==6.0.2\nnest_asyncio==1.6.0\n")
    >>> lock_pins(f)
    [('pyyaml', '6.0.2'), ('nest-asyncio', '1.6.0')]
    """
    pins = []
    for line in Path(lock).read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if "==" in line:
            name, version = line.split("==", 1)
            pins.append((re.sub(r"[-_.]+", "-", name.strip()).lower(), version.strip()))
    return pins


def _wheel_key(path: Path) -> tuple[str, str]:
    name, version = path.name.split("-")[:2]
    return re.sub(r"[-_.]+", "-", name).lower(), version


_LEGACY_MANYLINUX = {"manylinux1": (2, 5), "manylinux2010": (2, 12), "manylinux2014": (2, 17)}


def platforms(wheelhouse: Path) -> list[str]:
    """Say which computers the wheelhouse installs on: OS, architecture, oldest C library.

    A compiled wheel installs where one of its platform tags holds; the bundle installs
    where every wheel does, so on Linux it needs the newest of the wheels' oldest glibc.

    Parameters
    ----------
    wheelhouse
        A folder of wheels (``*.whl``).

    Returns
    -------
    list of str
        One line per Linux architecture (sorted), with the glibc it needs, then every
        other platform tag found (``win_amd64``, ``macosx_11_0_arm64``…), sorted; pure
        Python wheels (``any``) add nothing, so the list is empty when all are pure.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> for n in ["a-1-cp311-cp311-manylinux2014_x86_64.manylinux_2_17_x86_64.whl",
    ...           "b-1-cp311-cp311-manylinux_2_28_x86_64.whl", "c-1-py3-none-any.whl"]:
    ...     _ = (d / n).write_bytes(b"")
    >>> platforms(d)
    ['Linux x86_64 with glibc 2.28 or newer (manylinux_2_28_x86_64), CPython 3.11']
    """
    needs: dict[str, tuple[int, int]] = {}
    others: set[str] = set()
    for wheel in Path(wheelhouse).glob("*.whl"):
        plat = wheel.stem.split("-")[-1]
        if plat == "any":
            continue
        lowest: dict[str, tuple[int, int]] = {}
        for tag in plat.split("."):
            m = re.fullmatch(r"manylinux_(\d+)_(\d+)_(\w+)", tag)
            legacy = re.fullmatch(r"(manylinux1|manylinux2010|manylinux2014)_(\w+)", tag)
            if m:
                glibc, arch = (int(m[1]), int(m[2])), m[3]
            elif legacy:
                glibc, arch = _LEGACY_MANYLINUX[legacy[1]], legacy[2]
            else:
                others.add(tag)
                continue
            lowest[arch] = min(lowest.get(arch, glibc), glibc)
        for arch, glibc in lowest.items():
            needs[arch] = max(needs.get(arch, (0, 0)), glibc)
    out = [
        f"Linux {arch} with glibc {a}.{b} or newer (manylinux_{a}_{b}_{arch}), CPython 3.11"
        for arch, (a, b) in sorted(needs.items())
    ]
    return out + sorted(others)


def build_wheelhouse(target: Path, wheelhouse: Path = WHEELHOUSE, lock: Path = LOCK) -> Path:
    """Copy the locked dependencies' wheels to ``target`` and add a framelens wheel.

    ``wheelhouse`` is filled at set-up (``make workshop`` runs
    :data:`WHEELHOUSE_COMMAND`); this step needs no network. A pin without its wheel is an
    error naming it. framelens is built from a copy of the project's ``pyproject.toml``,
    ``README.md`` and ``lib/``, so the checkout is left as it is.

    Parameters
    ----------
    target
        The folder to fill (made if needed).
    wheelhouse
        The folder of downloaded wheels (default: ``.venv/wheelhouse`` of the project).
    lock
        The requirements lock whose pins are copied (default: the project's
        ``requirements.lock``).

    Returns
    -------
    pathlib.Path
        ``target``.

    Raises
    ------
    InputError
        When a pin has no wheel in ``wheelhouse`` or the framelens wheel fails to build.
    """
    have = {_wheel_key(w): w for w in Path(wheelhouse).glob("*.whl")}
    missing = [f"{n}=={v}" for n, v in lock_pins(lock) if (n, v) not in have]
    if missing:
        raise InputError(
            f"{wheelhouse}: no wheel for {', '.join(missing[:5])}"
            f"{' …' if len(missing) > 5 else ''} ({len(missing)} of the lock's pins). "
            f"`make workshop` downloads them at set-up ({WHEELHOUSE_COMMAND})."
        )
    target.mkdir(parents=True, exist_ok=True)
    for key in (tuple(pin) for pin in lock_pins(lock)):
        shutil.copy2(have[key], target / have[key].name)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "framelens"
        src.mkdir()
        for name in ("pyproject.toml", "README.md"):
            shutil.copy2(ROOT / name, src / name)
        shutil.copytree(
            ROOT / "lib", src / "lib", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
        )
        r = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-index",
             "--no-build-isolation", "--wheel-dir", str(target), str(src)],
            capture_output=True, text=True,
        )  # fmt: skip
        if r.returncode:
            raise InputError(f"building the framelens wheel failed: {r.stderr.strip()[-500:]}")
    return target


def build(
    out_dir: str | Path = ROOT / "outputs" / "workshop",
    *,
    notebooks_dir: str | Path | None = None,
    corpus_path: str | Path = SEEDS,
    jobs: int | None = None,
    execute: bool = True,
    wheelhouse: str | Path | None = WHEELHOUSE,
) -> Path:
    """Write the student and facilitator builds (and ``student.zip``) under ``out_dir``.

    Parameters
    ----------
    out_dir
        Where ``student/``, ``student.zip`` and ``facilitator/`` are written.
    notebooks_dir
        The notebooks (default: the project's ``notebooks/``).
    corpus_path
        The corpus copied to ``student/seeds`` and run in the facilitator build.
    jobs
        Notebooks executed in parallel for the facilitator build (default: the cores).
    execute
        False writes the student build only.
    wheelhouse
        Folder of the locked dependencies as wheels (filled at set-up); copied into the
        student build with a framelens wheel, so the bundle installs with no network.
        ``None`` leaves the wheels out (a bundle for a room with the course environment).

    Returns
    -------
    pathlib.Path
        ``out_dir``.
    """
    out = Path(out_dir)
    nb_dir = Path(notebooks_dir) if notebooks_dir else None
    books = pipeline.find_notebooks(None, nb_dir)
    student = out / "student"
    if student.exists():
        shutil.rmtree(student)
    (student / "notebooks").mkdir(parents=True)
    for book in books:
        nbformat.write(student_notebook(book), student / "notebooks" / book.name)
    shutil.copytree(corpus_path, student / "seeds")
    extras = _copy_referenced(books, student)
    first, last = books[0].name[:2], books[-1].name[:2]
    readme = STUDENT_README.replace("{lessons}", f"{first} to {last}" if first != last else first)
    if extras:
        readme += "\n## Other files\n" + "".join(
            f"- `{e}`: used by a notebook's default parameters (a guide is beside it).\n"
            for e in extras
        )
    (student / "README.md").write_text(readme, encoding="utf-8")
    if wheelhouse is not None:
        build_wheelhouse(student / "wheelhouse", Path(wheelhouse))
        shutil.copy2(LOCK, student / "requirements.lock")
        (student / "workshop.py").write_text(INSTALL_SCRIPT, encoding="utf-8")
    _zip_folder(student, out / "student.zip")

    if execute:
        facilitator = out / "facilitator"
        pipeline.run(corpus_path, facilitator, notebooks_dir=nb_dir, jobs=jobs, progress=False)
        bundle = _bundle_facts(out, student) if wheelhouse is not None else None
        page = schedule_html(lessons(nb_dir), run_seconds=_run_seconds(facilitator), bundle=bundle)
        (facilitator / "schedule.html").write_text(page, encoding="utf-8")
    return out
