"""The HTML pages of executed notebooks: nbconvert's page, sanitized, rendered faster."""

from __future__ import annotations

import base64
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from nbconvert import HTMLExporter
from nbformat.v4 import (
    new_code_cell,
    new_markdown_cell,
    new_notebook,
    new_output,
    new_raw_cell,
)

from framelens import _html

NOTEBOOKS = sorted((Path(__file__).parents[2] / "notebooks").glob("0*.ipynb"))
PNG = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
    )
).decode()
HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)><b>bold</b> & 'q' \"d\""


def _stock(text: str) -> str:
    """The page as nbconvert's HTMLExporter writes it, with the same sanitizer."""
    exporter = HTMLExporter(filters={"clean_html": _html.clean_html})
    exporter.sanitize_html = True
    body, _ = exporter.from_notebook_node(nbformat.reads(text, as_version=4))
    return body


def _crafted() -> str:
    nb = new_notebook(
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python", "pygments_lexer": "ipython3"},
        }
    )
    nb.cells = [
        new_markdown_cell(f"# A heading\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n{HOSTILE}"),
        new_code_cell(
            f"text = {HOSTILE!r}  # <b>not markup</b>\nprint(text)\n%matplotlib inline",
            execution_count=1,
            outputs=[
                new_output("stream", name="stdout", text=HOSTILE + "\n"),
                new_output(
                    "display_data",
                    data={
                        "text/html": (
                            '<div class="jp-OutputArea-output">inner</div>'
                            "<style scoped>td {color: red}</style>"
                            f"<table><tr><th>x</th></tr><tr><td>{HOSTILE}</td></tr></table>"
                            '<img src="data:image/png;base64,AAAA">'
                            '<img title="a>b" alt="a real text" src="x.png"/>'
                            '<div id="d" title="x>y" class="note jp-OutputArea-output">d</div>'
                        ),
                        "text/plain": "frame",
                    },
                ),
                new_output("display_data", data={"image/png": PNG, "text/plain": "fig"}),
                new_output(
                    "display_data",
                    data={
                        "image/svg+xml": '<svg xmlns="http://www.w3.org/2000/svg">'
                        "<script>alert(2)</script><circle r='1'/></svg>"
                    },
                ),
                new_output(
                    "execute_result",
                    data={"text/plain": HOSTILE},
                    execution_count=1,
                ),
            ],
        ),
        new_code_cell("", execution_count=None),
        new_raw_cell(HOSTILE),
    ]
    return nbformat.writes(nb)


@pytest.mark.parametrize(
    "text",
    [_crafted(), *(p.read_text(encoding="utf-8") for p in NOTEBOOKS)],
    ids=["crafted", *(p.stem for p in NOTEBOOKS)],
)
def test_the_page_is_nbconverts_page(text):
    page = _html.render(text)
    assert str(BeautifulSoup(page, features="html.parser")) == _stock(text)


def test_scripts_and_handlers_show_as_text():
    page = _html.render(_crafted())
    soup = BeautifulSoup(page, features="html.parser")
    assert not [s for s in soup.find_all("script") if "alert" in s.get_text()]
    assert not soup.find_all(attrs={"onerror": True})
    assert "&lt;script&gt;alert" in page
    assert "<b>bold</b>" in page  # allowed markup is kept (Markdown, outputs)
    assert "<style scoped>" not in page
    assert all(img.get("alt") for img in soup.find_all("img"))
    for area in soup.select(".jp-Notebook div.jp-Cell-inputWrapper, div.jp-OutputArea-output"):
        assert area.get("tabindex") == "0"
    assert soup.find("img", title="a>b")["alt"] == "a real text"
    assert soup.find("div", id="d")["tabindex"] == "0"


def test_attributes_are_added_to_the_tags_only():
    page = (
        '<img src="a.png"><img alt="kept" src="b.png"/><IMG SRC="c.png">'
        '<div class="jp-Cell-inputWrapper">x</div><div class="jp-OutputArea-output" '
        'tabindex="-1">y</div><div class="other" title="jp-OutputArea-output">z</div>'
        "&lt;img src=x&gt;"
    )
    soup = BeautifulSoup(_html._accessible(page), features="html.parser")
    alts = [img.get("alt") for img in soup.find_all("img")]
    assert alts == [_html.MISSING_ALT, "kept", _html.MISSING_ALT]
    assert [d.get("tabindex") for d in soup.find_all("div")] == ["0", "0", None]
    assert "&lt;img src=x&gt;" in _html._accessible(page)


def test_only_highlighted_source_skips_the_sanitizer():
    assert _html.clean_html(HOSTILE).startswith("&lt;script&gt;")
    assert _html.clean_html(HOSTILE.encode()).startswith("&lt;script&gt;")
    assert _html.clean_html(_html._Highlighted("<span>x</span>")) == "<span>x</span>"
