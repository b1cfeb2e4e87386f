"""The workshop edition: a student build and a facilitator build of the notebooks.

``make workshop`` (``framelens workshop``) writes ``outputs/workshop/``:

- ``student/``: the notebooks with the cells tagged ``solution`` removed and no outputs
  (nbconvert's ``TagRemovePreprocessor`` and ``ClearOutputPreprocessor``), the seed corpus,
  and a README on how to start; ``student.zip`` is the same folder, to hand out;
- ``facilitator/``: the notebooks executed with papermill through the runner, solutions in
  place, rendered to HTML, plus ``schedule.html``, a one-page plan (sections, minutes,
  exercises) read from the notebooks' headers.
"""

from __future__ import annotations

import html
import re
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

import nbformat

from . import pipeline

__all__ = ["Lesson", "build", "lessons", "student_notebook"]

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
_ZIP_DATE = (2020, 1, 1, 0, 0, 0)

STUDENT_README = """# Computational news analysis: workshop notebooks

## Start
1. Open a terminal in this folder and start JupyterLab: `jupyter lab notebooks/`
   (in the course environment: `make lab` in the framelens folder, or
   `conda activate framelens && jupyter lab notebooks/`).
2. Open `00_corpus_overview.ipynb` and choose the kernel **Python 3 (ipykernel)**.
3. Run the cells from the top (Shift+Enter). The first table lists the offline resources:
   every row should say `ok`. Nothing needs the network.

## The exercises
Each notebook ends with **Your turn** exercises: read the prompt, write your answer in the
empty cell below it, run it. The facilitator has the worked answers.

## When something fails
- A red message that starts with `ParameterError`, `InputError` or `TypeError` says what to
  change (a misspelled name, a path that does not exist, a value out of range): change it and
  run the cell again.
- `ResourceError`: a lexicon is missing; ask the facilitator (the fix is `framelens provision`).
- Anything else: *Kernel → Restart Kernel and Run All Cells*. If it persists, call the facilitator.

## Your own articles
Set `corpus_path` in the first code cell to a folder of `.txt` files, a `.csv` or a `.jsonl`
with a `text` column, and run all cells again.
"""


@dataclass(frozen=True)
class Lesson:
    """One notebook as a lesson: its title, minutes, sections and exercises."""

    name: str
    title: str
    teach_minutes: int
    sections: list[str]
    exercises: list[str]


def lessons(notebooks_dir: Path | None = None) -> list[Lesson]:
    """Read each notebook's header and headings into a :class:`Lesson`."""
    out = []
    for path in pipeline.find_notebooks(None, notebooks_dir):
        nb = nbformat.read(path, as_version=4)
        head = nb.cells[0].source
        title = head.splitlines()[0].lstrip("# ").strip()
        m = re.search(r"teach ~?(\d+)\s*min", head)
        sections, exercises = [], []
        for cell in nb.cells[1:]:
            if cell.cell_type != "markdown":
                continue
            for line in cell.source.splitlines():
                if line.startswith("## "):
                    sections.append(line[3:].strip())
                elif line.startswith("### Your turn"):
                    exercises.append(line[4:].strip())
        out.append(Lesson(path.stem, title, int(m.group(1)) if m else 0, sections, exercises))
    return out


def student_notebook(path: Path) -> nbformat.NotebookNode:
    """Return the student version of a notebook: no solution cells, no outputs."""
    from nbconvert.preprocessors import ClearOutputPreprocessor, TagRemovePreprocessor

    nb = nbformat.read(path, as_version=4)
    remove = TagRemovePreprocessor(remove_cell_tags={"solution"}, enabled=True)
    nb, _ = remove.preprocess(nb, {})
    nb, _ = ClearOutputPreprocessor(enabled=True).preprocess(nb, {})
    return nb


def _schedule_html(items: list[Lesson]) -> str:
    esc = html.escape
    total = sum(lesson.teach_minutes for lesson in items)
    blocks = []
    clock = 0
    for lesson in items:
        ex = "".join(f"<li>{esc(e)}</li>" for e in lesson.exercises) or "<li>none</li>"
        sec = "".join(f"<li>{esc(s)}</li>" for s in lesson.sections if not s.startswith("Your"))
        blocks.append(
            f"<section><h2>{clock:>3}–{clock + lesson.teach_minutes} min · {esc(lesson.title)}"
            f"</h2><p><a href='html/{esc(lesson.name)}.html'>worked notebook</a></p>"
            f"<div class='cols'><div><h3>Sections</h3><ol>{sec}</ol></div>"
            f"<div><h3>Exercises</h3><ol>{ex}</ol></div></div></section>"
        )
        clock += lesson.teach_minutes
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Workshop schedule</title>
<style>body {{ font-family: sans-serif; max-width: 60em; margin: 1.5em auto; font-size: 14px; }}
h2 {{ font-size: 1.1em; margin-bottom: .2em; }} .cols {{ display: flex; gap: 2em; }}
.cols div {{ flex: 1; }} h3 {{ font-size: 1em; margin: .2em 0; }} ol {{ margin-top: 0; }}
</style></head><body>
<h1>Computational news analysis: workshop schedule ({total} min of teaching)</h1>
<p>Before the session: run <code>framelens doctor</code> (or the first cells of notebook 00)
on every laptop; all resources must say <code>ok</code>. Breaks are not included.</p>
{"".join(blocks)}
</body></html>
"""


def _zip_folder(folder: Path, target: Path) -> None:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(str(Path(folder.name) / path.relative_to(folder)), _ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes())


def build(
    out_dir: str | Path = ROOT / "outputs" / "workshop",
    *,
    notebooks_dir: str | Path | None = None,
    corpus_path: str | Path = SEEDS,
    jobs: int | None = None,
    execute: bool = True,
) -> Path:
    """Write the student and facilitator builds (and ``student.zip``) under ``out_dir``."""
    out = Path(out_dir)
    books = pipeline.find_notebooks(None, Path(notebooks_dir) if notebooks_dir else None)
    student = out / "student"
    if student.exists():
        shutil.rmtree(student)
    (student / "notebooks").mkdir(parents=True)
    for book in books:
        nbformat.write(student_notebook(book), student / "notebooks" / book.name)
    shutil.copytree(corpus_path, student / "seeds")
    (student / "README.md").write_text(STUDENT_README, encoding="utf-8")
    _zip_folder(student, out / "student.zip")

    if execute:
        facilitator = out / "facilitator"
        pipeline.run(
            corpus_path, facilitator, notebooks_dir=notebooks_dir, jobs=jobs, progress=False
        )
        items = lessons(Path(notebooks_dir) if notebooks_dir else None)
        (facilitator / "schedule.html").write_text(_schedule_html(items), encoding="utf-8")
    return out
