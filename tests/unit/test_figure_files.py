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
