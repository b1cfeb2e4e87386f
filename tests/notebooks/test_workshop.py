"""The workshop edition (issue 8): student build, facilitator build, zip and schedule.

The builds are made once for the module (``workshop.build(tmp, jobs=2)``), and the student
notebooks are run once through the real runner, as a student's laptop would run them.
"""

from __future__ import annotations

import html
import re
import zipfile

import nbformat
import pandas as pd
import pytest

from framelens import pipeline, workshop

from ..conftest import ROOT

BOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
NAMES = [b.stem for b in BOOKS]


def _tags(cell) -> list[str]:
    return cell.metadata.get("tags", [])


_SOURCES: dict[str, nbformat.NotebookNode] = {}


def _source(name: str):
    """The notebook as it was when the module's build was made (others may edit it since)."""
    return _SOURCES[name]


def _is_interpretation(cell) -> bool:
    return cell.cell_type == "markdown" and cell.source.lstrip().startswith("*Interpretation")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("workshop")
    _SOURCES.update({b.stem: nbformat.read(b, as_version=4) for b in BOOKS})
    workshop.build(out, jobs=2)
    return out


@pytest.fixture(scope="module")
def student_run(built, tmp_path_factory):
    """The student notebooks, exercise cells empty, run top to bottom on the student seeds."""
    student = built / "student"
    out = tmp_path_factory.mktemp("student-run") / "run"
    return pipeline.run(
        student / "seeds", out, notebooks_dir=student / "notebooks", jobs=2, progress=False
    )


def test_the_build_has_every_part(built):
    assert sorted(p.name for p in built.iterdir()) == ["facilitator", "student", "student.zip"]
    fac = built / "facilitator"
    for sub in ("notebooks", "html"):
        assert sorted(p.stem for p in (fac / sub).iterdir() if p.suffix != ".log") == NAMES
    assert (fac / "schedule.html").is_file()
    student = built / "student"
    assert sorted(p.name for p in (student / "notebooks").iterdir()) == [b.name for b in BOOKS]
    assert sorted(p.name for p in (student / "seeds").iterdir()) == sorted(
        p.name for p in (ROOT / "seeds").iterdir()
    )
    assert "Python 3 (ipykernel)" in (student / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", NAMES)
def test_every_solution_cell_executed_in_the_facilitator_build(built, name):
    executed = nbformat.read(built / "facilitator" / "notebooks" / f"{name}.ipynb", as_version=4)
    solutions = [c for c in executed.cells if "solution" in _tags(c)]
    expected = sum("solution" in _tags(c) for c in _source(name).cells)
    assert len(solutions) == expected >= 2
    for cell in solutions:
        assert isinstance(cell.execution_count, int), cell.source[:60]
        assert cell.outputs, f"{name}: a worked answer shows nothing: {cell.source[:60]}"
        assert not [o for o in cell.outputs if o.output_type == "error"]
        stderr = "".join(o.get("text", "") for o in cell.outputs if o.get("name") == "stderr")
        assert "Error" not in stderr and "Traceback" not in stderr, stderr


def test_a_worked_answer_shows_its_real_value(built):
    # 01, Your turn 2: the seed never says "escalat*" (its danger words are tensions, threats)
    executed = nbformat.read(built / "facilitator" / "notebooks" / "01_text_stats.ipynb", 4)
    cell = next(c for c in executed.cells if "solution" in _tags(c) and "escalat" in c.source)
    printed = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
    assert printed.startswith("escalat*: 0 hit(s)")


@pytest.mark.parametrize("name", NAMES)
def test_student_notebook_has_no_worked_answers_and_no_outputs(built, name):
    student = nbformat.read(built / "student" / "notebooks" / f"{name}.ipynb", as_version=4)
    source = _source(name)
    assert not [c for c in student.cells if "solution" in _tags(c)]
    assert not [c for c in student.cells if _is_interpretation(c)]
    for cell in student.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
    exercises = [c for c in student.cells if "exercise" in _tags(c)]
    assert len(exercises) == sum("exercise" in _tags(c) for c in source.cells) >= 2
    assert all(c.source == "" for c in exercises)
    # nothing else was dropped: every other cell is there, in order
    kept = [
        c.source
        for i, c in enumerate(source.cells)
        if "solution" not in _tags(c)
        and not (_is_interpretation(c) and i and "solution" in _tags(source.cells[i - 1]))
    ]
    assert [c.source for c in student.cells] == kept
    assert student.metadata.kernelspec.name == "python3"


def test_student_build_carries_the_hand_labels_of_03(built):
    labels = "tests/data/annotations/seed_frames.csv"
    assert workshop.referenced_files(ROOT / "notebooks" / "03_framing.ipynb") == [f"../{labels}"]
    copied = built / "student" / labels
    assert copied.read_bytes() == (ROOT / labels).read_bytes()
    assert (copied.parent / "ANNOTATION_GUIDE.md").is_file()


def test_student_notebooks_run_top_to_bottom_with_empty_exercises(student_run):
    assert student_run.ok
    assert [r.name for r in student_run.notebooks] == NAMES
    for name in NAMES:
        executed = nbformat.read(student_run.out_dir / "notebooks" / f"{name}.ipynb", 4)
        exercises = [c for c in executed.cells if "exercise" in _tags(c)]
        # papermill reaches the empty cells (nbclient skips running an empty source)
        assert exercises and all(
            c.source == "" and c.metadata.papermill.status == "completed" for c in exercises
        )
        assert executed.cells[-1].metadata.papermill.status == "completed"
    # 03 measured its accuracy from the hand labels the student build carries
    accuracy = pd.read_csv(student_run.out_dir / "tables" / "frame_accuracy.csv")
    threat = accuracy.set_index("frame").loc["threat"]
    # three threat false positives are threats the drills answer (issue 15: "answered";
    # the third, "in response to growing geopolitical tensions", since the answering
    # window is four words)
    assert (int(threat["tp"]), int(threat["fp"]), int(threat["fn"])) == (4, 0, 1)


def test_zip_holds_the_student_folder(built):
    student = built / "student"
    files = {
        "student/" + p.relative_to(student).as_posix(): p.read_bytes()
        for p in student.rglob("*")
        if p.is_file()
    }
    with zipfile.ZipFile(built / "student.zip") as zf:
        assert sorted(zf.namelist()) == sorted(files)
        for info in zf.infolist():
            assert zf.read(info) == files[info.filename], info.filename
            assert info.date_time == (2020, 1, 1, 0, 0, 0)


def test_schedule_names_every_notebook_its_minutes_and_every_exercise(built):
    page = (built / "facilitator" / "schedule.html").read_text(encoding="utf-8")
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", page, flags=re.S):
        text = html.unescape(re.sub(r"<[^>]+>", " ", row))
        for name in NAMES:
            if f"html/{name}.html" in row:
                rows[name] = " ".join(text.split())
    assert sorted(rows) == NAMES
    total = 0
    for name in NAMES:
        source = _source(name)
        title = source.cells[0].source.splitlines()[0].lstrip("# ")
        minutes = int(re.search(r"teach ~(\d+) min", source.cells[0].source).group(1))
        total += minutes
        assert title in rows[name]
        assert f"{minutes} min" in rows[name]
        headings = [
            line[4:].replace("`", "")
            for c in source.cells
            if c.cell_type == "markdown"
            for line in c.source.splitlines()
            if line.startswith("### Your turn")
        ]
        assert len(headings) >= 2
        for heading in headings:
            assert heading in rows[name], f"{name}: schedule lacks {heading!r}"
    assert total == sum(lesson.teach_minutes for lesson in workshop.lessons())  # 165 today
    assert f"{total} min of teaching + 10 min break" in page
    assert "Break (10 min)" in page


def test_facilitator_html_renders_the_markdown(built):
    page = (built / "facilitator" / "html" / "01_text_stats.html").read_text(encoding="utf-8")
    assert "&lt;h2" not in page and "&lt;p&gt;" not in page
