"""Errors a student can cause from a notebook show one short message (issue 8, part 3).

Each mistake is made in a notebook executed the way a student's laptop runs it (the runner,
or papermill alone where the runner would stop it before any kernel starts); the failing
cell's outputs are read back from the executed copy (the runner keeps it under
``<out>.failed/notebooks/``). Every message must name what to change, fit on a line or two,
and never be a traceback through ``lib/framelens``.
"""

from __future__ import annotations

import re
import shutil

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from framelens import pipeline
from framelens.errors import InputError, NotebookError, ParameterError

from ..conftest import ROOT, SEEDS

NOTEBOOKS = ROOT / "notebooks"
LABELS = ROOT / "tests" / "data" / "annotations" / "seed_frames.csv"
SET_UP = """\
from framelens import corpus, framing, nb, stats

out = nb.setup(output_dir)
sentences = corpus.segment(corpus.load(corpus_path))
terms = stats.term_counts(sentences)"""

# name -> the cell a student writes after the set-up
MISTAKES = {
    "20_misspelled_keyword": "stats.top_terms(terms, top_m=5)",
    "21_misspelled_keyword_shared_name": (
        f"labels = framing.load_labels({str(LABELS)!r})\n"
        "frame_sentences = framing.match(sentences, 'security')\n"
        "framing.evaluate(frame_sentences, labels, sentence=sentences)"
    ),
    "22_pattern_matches_nothing": "stats.kwic(sentences, 'escalation')",
    # through a name of the student's own: with the path written in the call, the runner
    # refuses it before any kernel starts (test_run_options), as JupyterLab cannot
    "23_missing_labels": ("mine = '../annotations/seed_frames.csv'\nframing.load_labels(mine)"),
}


def _notebook(cells: list) -> nbformat.NotebookNode:
    book = new_notebook(cells=cells)
    book.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    return book


def _parameters(source: str):
    cell = new_code_cell(source)
    cell.metadata["tags"] = ["parameters"]
    return cell


def _cut_down(name: str, *markers: str) -> nbformat.NotebookNode:
    """A notebook's parameters cell and the code cells holding ``markers``, as they are."""
    source = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    cells = [c for c in source.cells if "parameters" in c.metadata.get("tags", [])]
    for marker in markers:
        cells += [next(c for c in source.cells if c.cell_type == "code" and marker in c.source)]
    return _notebook(cells)


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """Run every mistake once; return ``{name: executed notebook}`` and the run's error."""
    base = tmp_path_factory.mktemp("beginner")
    books = base / "nbs"
    books.mkdir()
    params = _parameters(
        'corpus_path = "../seeds"  # str: the corpus\noutput_dir = "out"  # str: outputs'
    )
    for name, mistake in MISTAKES.items():
        cells = [params, new_code_cell(SET_UP), new_code_cell(mistake)]
        nbformat.write(_notebook(cells), books / f"{name}.ipynb")
    cut = _cut_down("01_text_stats", "nb.setup(", "stats.kwic(sentences, kwic_pattern")
    nbformat.write(cut, books / "01_text_stats_kwic.ipynb")
    config = base / "mistakes.yaml"
    config.write_text(
        "notebooks:\n  01_text_stats_kwic: {kwic_pattern: escalation}\n", encoding="utf-8"
    )
    with pytest.raises(NotebookError) as err:
        pipeline.run(SEEDS, base / "run", notebooks_dir=books, config=config, jobs=2)
    folder = base / "run.failed" / "notebooks"
    out = {p.stem: nbformat.read(p, as_version=4) for p in sorted(folder.glob("*.ipynb"))}

    # mistakes in a parameters cell: the runner refuses them before any kernel starts
    # (tested below), so run those notebooks with papermill alone, as JupyterLab would
    # with the edited cell
    import papermill

    by_hand = {
        "00_corpus_overview": {"corpus_path": "../seedz"},
        "03_framing": {"kwic_frame": "thret", "labels_path": str(LABELS)},
        "04_exercise_frequency": {"year_start": 2024, "year_end": 2005},
    }
    for name, values in by_hand.items():
        copy = base / name / "notebooks"
        copy.mkdir(parents=True)
        shutil.copy(NOTEBOOKS / f"{name}.ipynb", copy)
        target = copy / f"{name}_executed.ipynb"
        defaults = {"corpus_path": str(SEEDS), "output_dir": str(base / name / "out")}
        with pytest.raises(papermill.PapermillExecutionError):
            papermill.execute_notebook(
                str(copy / f"{name}.ipynb"),
                str(target),
                parameters={**defaults, **values},
                kernel_name="python3",
                cwd=str(copy),
                progress_bar=False,
                start_timeout=pipeline.KERNEL_START_TIMEOUT,
            )
        out[name] = nbformat.read(target, as_version=4)
    return out, str(err.value)


def _shown(book: nbformat.NotebookNode) -> tuple[str, str]:
    """Return (source, everything shown) of the cell that failed, else of the last cell."""
    cells = [c for c in book.cells if c.cell_type == "code"]
    failed = [c for c in cells if c.metadata.get("papermill", {}).get("exception")]
    cell = failed[0] if failed else cells[-1]
    shown = []
    for o in cell.outputs:
        if o.output_type == "stream":
            shown.append(o.text)
        elif o.output_type == "error":
            shown.append(f"{o.ename}: {o.evalue}\n" + "\n".join(o.traceback))
        else:
            shown.extend(str(v) for v in o.get("data", {}).values())
    return cell.source, "".join(shown)


def _assert_short(shown: str, *expected: str) -> None:
    for text in expected:
        assert text in shown, f"{text!r} not in {shown!r}"
    assert "Traceback" not in shown
    assert not re.search(r"File .*framelens[/\\]", shown), shown
    assert not re.search(r"lib[/\\]framelens[/\\]\w+\.py", shown), shown
    assert len(shown.strip().splitlines()) <= 2, shown


def test_the_run_fails_naming_each_notebook_and_its_message(executed):
    _, message = executed
    for name in ("20_misspelled_keyword", "21_misspelled_keyword_shared_name"):
        assert f"notebook {name} failed at cell" in message
    assert "top_terms() has no parameter 'top_m' (did you mean 'top_n'?)" in message
    assert "notebook 22_pattern_matches_nothing" not in message  # it does not fail


def test_misspelled_keyword_names_the_right_parameter(executed):
    source, shown = _shown(executed[0]["20_misspelled_keyword"])
    assert source == "stats.top_terms(terms, top_m=5)"
    _assert_short(
        shown,
        "TypeError: ",
        "top_terms() has no parameter 'top_m' (did you mean 'top_n'?); its parameters are "
        "['term_counts', 'n', 'top_n', 'keep_stopwords'].",
        "change what the message names",
    )


def test_misspelled_keyword_to_a_name_two_modules_share(executed):
    _, shown = _shown(executed[0]["21_misspelled_keyword_shared_name"])
    _assert_short(shown, "has no parameter 'sentence' (did you mean 'sentences'?)")


def test_corpus_path_that_does_not_exist(executed):
    source, shown = _shown(executed[0]["00_corpus_overview"])
    assert "corpus.CorpusSpec(corpus_path" in source
    _assert_short(shown, "InputError: corpus_path '../seedz': no such file or folder")


def test_the_runner_refuses_a_missing_corpus_in_one_line(tmp_path):
    with pytest.raises(InputError) as err:
        pipeline.run(tmp_path / "seedz", tmp_path / "out", progress=False)
    assert str(err.value) == (
        f"corpus_path '{tmp_path / 'seedz'}': no such file or folder "
        "(expected a folder of .txt, a .csv, a .jsonl, Parquet shards or a glob)."
    )


def test_labels_path_that_does_not_exist(executed):
    _, shown = _shown(executed[0]["23_missing_labels"])
    _assert_short(
        shown, "ParameterError: `labels_path` '../annotations/seed_frames.csv': no such file"
    )


def test_misspelled_frame_name_in_03(executed):
    source, shown = _shown(executed[0]["03_framing"])
    assert 'params.check_choice("kwic_frame"' in source
    _assert_short(shown, "ParameterError: `kwic_frame` must be one of", "'thret'", "'threat'")


@pytest.mark.parametrize(
    ("notebook", "values", "expected"),
    [
        (
            "03_framing",
            {"kwic_frame": "thret"},
            "03_framing: `kwic_frame` must be one of",
        ),
        (
            "04_exercise_frequency",
            {"year_start": 2024, "year_end": 2005},
            "04_exercise_frequency: `year_start` (2024) is after `year_end` (2005)",
        ),
    ],
)
def test_the_runner_refuses_a_bad_parameter_before_any_kernel(tmp_path, notebook, values, expected):
    with pytest.raises(ParameterError) as err:
        pipeline.run(SEEDS, tmp_path / "out", only=[notebook], params=values, progress=False)
    assert str(err.value).startswith(expected), err.value
    assert "\n" not in str(err.value)
    assert not (tmp_path / "out").exists()
    assert not list(tmp_path.glob("*.building*"))


def test_period_on_a_column_without_dates_is_refused_before_any_kernel(tmp_path):
    # it failed in cell 4 of 01, 02 and 03 alike, the run's other notebooks lost
    posts = tmp_path / "posts.csv"
    posts.write_text("doc_id,user,text\na,PekingObserver,Drills began.\nb,Navy,Ok.\n")
    with pytest.raises(ParameterError) as err:
        pipeline.run(posts, tmp_path / "out", params={"group_by": "user", "period": "month"},
                     progress=False)  # fmt: skip
    assert str(err.value).startswith(
        "01_text_stats: `period` 'month' groups dates, but `group_by` 'user' holds no ISO"
    ), err.value
    assert not (tmp_path / "out").exists()


def test_year_range_backwards_in_04(executed):
    source, shown = _shown(executed[0]["04_exercise_frequency"])
    assert "events.check_year_range(year_start, year_end, table=table)" in source
    _assert_short(
        shown,
        "ParameterError: `year_start` (2024) is after `year_end` (2005)",
        "Set year_start to a year before or equal to year_end",
    )


def test_pattern_that_matches_nothing_in_01_says_what_to_try(executed):
    source, shown = _shown(executed[0]["01_text_stats_kwic"])
    assert "stats.kwic(sentences, kwic_pattern" in source
    printed = "".join(
        o.text
        for c in executed[0]["01_text_stats_kwic"].cells
        for o in c.get("outputs", [])
        if o.output_type == "stream"
    )
    assert (
        "FramelensWarning: kwic: no hits for 'escalation' (glob) in 24 sentence(s); "
        "try a wildcard, e.g. 'escalat*'.\n"
    ) in printed
    assert "stats.py" not in printed


def test_pattern_that_matches_nothing_in_a_students_call(executed):
    cell = [c for c in executed[0]["22_pattern_matches_nothing"].cells if c.cell_type == "code"][-1]
    warned = "".join(o.text for o in cell.outputs if o.get("name") == "stderr")
    assert warned == (
        "FramelensWarning: kwic: no hits for 'escalation' (glob) in 24 sentence(s); "
        "try a wildcard, e.g. 'escalat*'.\n"
    )


def test_ratings_that_are_not_numbers_are_refused_before_any_kernel(tmp_path):
    # "5 stars" failed notebook 02 at its last section, after every other table
    reviews = tmp_path / "reviews.csv"
    reviews.write_text("doc_id,rating,text\na,4,Great ship.\nb,5 stars,Good crew.\n")
    with pytest.raises(InputError) as err:
        pipeline.run(reviews, tmp_path / "out", params={"ratings_column": "rating"},
                     progress=False)  # fmt: skip
    assert str(err.value).startswith(
        "02_sentiment: `ratings_column` 'rating' must hold numbers; 1 value(s) do not read as "
        "one, e.g. b: '5 stars'"
    ), err.value
    assert not (tmp_path / "out").exists()
