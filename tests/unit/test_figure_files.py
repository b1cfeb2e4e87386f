"""Figure files for a journal: formats, resolution, embedded fonts, the same bytes twice.

The figures were PNG at 150 dpi and SVG with text as outlines, whatever a researcher
needed: no PDF, no way to ask for 300 or 600 dpi from a notebook or a run.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys

import matplotlib.pyplot as plt
import pytest
from PIL import Image

from framelens import nb, plots, report
from framelens.errors import ParameterError


@pytest.fixture(autouse=True)
def _default_settings():
    before = plots.configure()
    yield
    plots.configure(before["formats"], before["dpi"])


def _figure():
    with plots.style():
        fig, ax = plt.subplots(figsize=(4, 3))
        ax.bar(["Navy", "Coast guard"], [3, 5])
        ax.imshow([[0, 1], [1, 0]], extent=(0, 1, 0, 1))  # a raster inside vector files
        ax.set_title("Ships (é)")
    return fig


def _png(path):
    """(dots per inch, width in pixels) of a PNG."""
    with Image.open(path) as im:
        return round(im.info["dpi"][0]), im.size[0]


def _digests(paths):
    return [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]


def test_default_is_png_and_svg_at_150_dpi(tmp_path):
    fig = _figure()
    paths = plots.save(fig, "ships", tmp_path)
    plt.close(fig)
    assert [p.name for p in paths] == ["ships.png", "ships.svg"]
    assert _png(paths[0])[0] == plots.SAVE_DPI


def test_pdf_and_dpi_on_request_with_fonts_embedded_and_no_date(tmp_path):
    fig = _figure()
    low = plots.save(fig, "low", tmp_path)
    paths = plots.save(fig, "ships", tmp_path, formats=["svg", "pdf"], dpi=600)
    plt.close(fig)
    assert [p.name for p in paths] == ["ships.png", "ships.svg", "ships.pdf"]
    dpi, width = _png(paths[0])
    assert dpi == 600 and width == pytest.approx(4 * _png(low[0])[1], rel=0.02)
    pdf = paths[2].read_bytes()
    assert b"/FontFile2" in pdf  # TrueType embedded: the text stays text
    assert b"/CreationDate" not in pdf and b"/Producer" not in pdf
    # one figure's settings do not change the session's
    assert plots.configure() == {"formats": ("svg",), "dpi": plots.SAVE_DPI}


def test_the_same_figure_gives_the_same_bytes_in_another_process(tmp_path):
    code = (
        "import sys, matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt\n"
        "from framelens import plots\n"
        "with plots.style():\n"
        "    fig, ax = plt.subplots(); ax.bar(['Navy'], [3]); ax.set_title('Ships (é)')\n"
        "plots.save(fig, 'ships', sys.argv[1], formats=['svg', 'pdf'], dpi=300)\n"
    )
    runs = []
    for k in range(2):
        out = tmp_path / f"run{k}"
        subprocess.run([sys.executable, "-c", code, str(out)], check=True)
        runs.append(_digests(sorted((out / "figures").iterdir())))
    assert runs[0] == runs[1] and len(runs[0]) == 3


def test_the_notebook_parameters_set_every_save_of_the_session(tmp_path):
    out = nb.setup(tmp_path, short_errors=False, figure_formats=["pdf"], figure_dpi=300)
    fig = _figure()
    paths = plots.save(fig, "ships", out.root)
    plt.close(fig)
    assert [p.suffix for p in paths] == [".png", ".pdf"]
    assert _png(paths[0])[0] == 300
    # an earlier run's vector files go with their PNG when a notebook runs again
    (out.figures / "ships.svg").write_text("<svg/>", encoding="utf-8")
    removed = report.remove_outputs(out.root, ["figures/ships.png"])
    assert removed == ["figures/ships.png", "figures/ships.svg", "figures/ships.pdf"]


@pytest.mark.parametrize(
    ("formats", "dpi", "message"),
    [
        (["tiff"], None, r"`figure_formats` must be one of \['svg', 'pdf'\], but 'tiff'"),
        ([3], None, "figure_formats"),
        (None, 30, "`figure_dpi` must be between 50 and 1200, but 30"),
        (None, "300", "figure_dpi"),
    ],
)
def test_bad_settings_are_named_and_change_nothing(tmp_path, formats, dpi, message):
    with pytest.raises(ParameterError, match=message):
        nb.setup(tmp_path / "out", short_errors=False, figure_formats=formats, figure_dpi=dpi)
    assert not (tmp_path / "out").exists()  # checked before anything is made
    with pytest.raises(ParameterError):
        plots.configure(["pdf"], 10)  # a good format with a bad dpi: neither is taken
    assert plots.configure() == {"formats": ("svg",), "dpi": plots.SAVE_DPI}


def test_png_is_always_written_and_named_formats_are_case_blind():
    assert plots.configure(["PNG", "PDF", "pdf"])["formats"] == ("pdf",)
    assert plots.configure([])["formats"] == ()


def test_every_figure_a_notebook_saves_has_a_caption_in_the_index(tmp_path):
    """index.html captioned each figure with its file name only ("keyness (SVG)")."""
    import json
    import re

    from framelens import pipeline
    from framelens.report import describe_figure

    from ..conftest import ROOT

    names = set()
    for book in sorted((ROOT / "notebooks").glob("0*.ipynb")):
        for cell in json.loads(book.read_text(encoding="utf-8"))["cells"]:
            text = "".join(cell["source"])
            names |= set(
                re.findall(r'plots\.save\(\w+, (?:report\.file_name\()?f?"(\w+?)(?:_\{|")', text)
            )
            if "figures = {" in text:  # 03 saves a dict of figures
                names |= set(re.findall(r'"(\w+)": fig_\w+', text))
    assert {"keyness", "frame_flow", "sentiment_arc", "corpus_structure"} <= names
    assert [n for n in sorted(names) if not describe_figure(n)] == []
    build = tmp_path / "run"
    (build / "figures").mkdir(parents=True)
    (build / "tables").mkdir()
    for stem in ("keyness", "sentiment_arc_d001"):
        (build / "figures" / f"{stem}.png").write_bytes(b"png")
        (build / "figures" / f"{stem}.pdf").write_bytes(b"pdf")
    manifest = {
        "corpus_path": "c",
        "framelens": "0",
        "status": "ok",
        "notebooks": [
            {
                "name": "01_text_stats",
                "status": "ok",
                "duration_s": 1.0,
                "parameters": {},
                "error": "",
                "files": ["figures/keyness.png", "figures/sentiment_arc_d001.png"],
            }
        ],
    }
    (build / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    pipeline._write_index(build)
    page = (build / "index.html").read_text(encoding="utf-8")
    assert f"<b>keyness</b>: {describe_figure('keyness')}" in page.replace("&#x27;", "'")
    assert "One document&#x27;s tone sentence by sentence" in page
    assert "figures/keyness.pdf'>PDF</a>" in page and "keyness.svg" not in page


def test_legends_name_only_what_is_drawn_and_years_after_the_record_are_no_data():
    """A legend entry 'mean, 95% interval' with no such mark, 'embedded post' with no
    embedded post, and zero bars for 2025-2026 after a record cut in 2024 (figure review)."""
    import pandas as pd

    from framelens import events, sentiment

    groups = pd.DataFrame({"group": ["2015", "2017"], "n_sentences": [11, 24],
                           "mean_compound": [-0.29, -0.04], "ci_low": [float("nan")] * 2,
                           "ci_high": [float("nan")] * 2, "n_documents": [2, 3]})  # fmt: skip
    ax = sentiment.plot_groups(groups)
    labels = ax.get_legend_handles_labels()[1]
    assert labels == ["2-4 documents: no interval"]
    plt.close(ax.figure)
    scores = pd.DataFrame({"compound": [0.2, -0.5, 0.0], "kind": ["prose"] * 3})
    ax = sentiment.plot_distribution(scores)
    assert ax.get_legend_handles_labels()[1] == ["prose"]
    plt.close(ax.figure)
    per_year = events.events_per_year(events.load_events(), 2020, 2026)
    ax = events.plot_frequency(per_year, record_until="2024-09-10")
    assert "after the record's end: no data" in [t.get_text() for t in ax.texts]
    plt.close(ax.figure)


def test_sentences_with_the_same_two_scores_are_one_marker_sized_by_their_number():
    """69 sentences at (0, 0) were drawn as one dot in the two-lexicon figure."""
    import pandas as pd

    from framelens import sentiment

    texts = ["Ships sailed.", "Planes flew.", "Boats moved.", "A good plan."]
    s = pd.DataFrame({"doc_id": ["a"] * 4, "sent_id": range(4), "text": texts})
    ax = sentiment.plot_agreement(sentiment.score(s), sentiment.pattern_scores(s))
    (points,) = ax.collections
    assert sorted(points.get_sizes().tolist()) == [20.0, 60.0]
    assert "sentences (area: how many)" in ax.get_legend_handles_labels()[1]
    plt.close(ax.figure)


def test_a_notebook_kernel_draws_each_figure_once_at_the_cells_end():
    # an IPython shell on the inline backend, as in a kernel: pyplot's redraw of the
    # changed figures at a cell's end is left out (the inline backend draws them to show
    # them, then closes them); its own display hook stays, and an Agg script is untouched
    code = (
        "import matplotlib, sys\n"
        "matplotlib.use('module://matplotlib_inline.backend_inline')\n"
        "from IPython.core.interactiveshell import InteractiveShell\n"
        "shell = InteractiveShell.instance()\n"
        "import matplotlib.pyplot as plt\n"
        "from framelens import plots\n"
        "def hooks():\n"
        "    names = {f.__name__ for f in shell.events.callbacks['post_execute']}\n"
        "    return sorted(names & {'_draw_all_if_interactive', 'flush_figures'})\n"
        "plt.close(plt.figure())\n"
        "before = hooks()\n"
        "with plots.style():\n"
        "    fig, ax = plt.subplots()\n"
        "print(before, hooks())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert done.stdout.strip() == (
        "['_draw_all_if_interactive', 'flush_figures'] ['flush_figures']"
    )
