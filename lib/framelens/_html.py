"""Executed notebooks as sanitized HTML: nbconvert's lab template, with two passes spared.

nbconvert's ``HTMLExporter`` with ``sanitize_html`` runs bleach over every code cell's
highlighted source, then parses the whole page again with BeautifulSoup only to give images
without one an ``alt`` text and the cells' input and output areas a ``tabindex``. Both
passes were about two thirds of the time of rendering a notebook. Here:

- a code cell's source, highlighted by Pygments (which escapes every character of the
  source it writes), is taken as it is; every other HTML of the page (Markdown, outputs
  in ``text/html``, SVG) is still sanitized by :func:`clean_html`;
- the ``alt`` texts and ``tabindex`` attributes are added to the template's own tags.

The page is the one nbconvert writes, parsed: ``tests/unit/test_html.py`` checks that
BeautifulSoup reads the same document from both.
"""

from __future__ import annotations

import re
import threading
from typing import Any

# nbconvert's own sanitizer (filters.clean_html) allows too few tags: headings, paragraphs
# and table headers come out escaped, as visible markup (jupyter/nbconvert#2016). This one
# keeps what Markdown and pandas tables produce and still escapes scripts, styles, forms.
HTML_TAGS = [
    *"a abbr acronym b blockquote br caption code col colgroup dd del details div dl dt em".split(),
    *"h1 h2 h3 h4 h5 h6 hr i img kbd li ol p pre s span strong sub summary sup table".split(),
    *"tbody td tfoot th thead tr ul".split(),
]
HTML_ATTRIBUTES = {
    "*": ["class", "id", "title"],
    "a": ["href", "title", "class"],
    "img": ["src", "alt", "title", "width", "height"],
    "td": ["colspan", "rowspan"],
    "th": ["colspan", "rowspan"],
}
_PANDAS_STYLE = re.compile(r"<style scoped>.*?</style>", flags=re.S)

#: nbconvert's text for an image without one
MISSING_ALT = "No description has been provided for this image"
#: a start tag of an image or a division (attribute values quoted or not, ">" inside quotes)
_START_TAG = re.compile(r"""<(img|div)\b((?:[^>"']|"[^"]*"|'[^']*')*)>""", flags=re.I)
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
#: the template's input and output areas (nbconvert's ``.jp-Notebook
#: div.jp-Cell-inputWrapper`` and ``div.jp-OutputArea-output``)
_FOCUSABLE = frozenset({"jp-Cell-inputWrapper", "jp-OutputArea-output"})

_CLEANERS = threading.local()  # one bleach Cleaner a thread (bleach.clean makes one a call)


class _Highlighted(str):
    """Pygments' HTML for a code cell's source: every character of the source escaped."""

    __slots__ = ()


def clean_html(element: Any) -> str:
    """Return ``element`` (HTML, as text or bytes) with only the tags of a report left.

    Pandas' scoped styles are dropped and every tag or attribute outside
    :data:`HTML_TAGS` and :data:`HTML_ATTRIBUTES` is escaped, so it shows as text. A code
    cell's highlighted source is returned as it is: Pygments wrote it, escaping the source.

    Parameters
    ----------
    element
        HTML from the notebook (Markdown rendered, an output's ``text/html`` or SVG).

    Returns
    -------
    str
        The sanitized HTML.
    """
    if isinstance(element, _Highlighted):
        return str(element)
    cleaner = getattr(_CLEANERS, "cleaner", None)
    if cleaner is None:
        from bleach.sanitizer import Cleaner

        cleaner = _CLEANERS.cleaner = Cleaner(tags=HTML_TAGS, attributes=HTML_ATTRIBUTES)
    text = element.decode() if isinstance(element, bytes) else str(element)
    return cleaner.clean(_PANDAS_STYLE.sub("", text))


def _accessible(page: str) -> str:
    """Return ``page`` with nbconvert's ``alt`` texts and ``tabindex`` attributes added.

    An image without an ``alt`` attribute gets :data:`MISSING_ALT`; a division of the
    classes in :data:`_FOCUSABLE` gets ``tabindex="0"`` (its value replaced if it had one).
    """

    def tag(m: re.Match[str]) -> str:
        name, attributes = m.group(1), m.group(2)
        found = {a.lower(): v for a, v in _ATTRIBUTE.findall(attributes)}
        if name.lower() == "img":
            return m.group(0) if "alt" in found else f'<{name} alt="{MISSING_ALT}"{attributes}>'
        if _FOCUSABLE.isdisjoint(found.get("class", "").strip("\"'").split()):
            return m.group(0)
        if "tabindex" in found:
            attributes = _ATTRIBUTE.sub(
                lambda a: 'tabindex="0"' if a.group(1).lower() == "tabindex" else a.group(0),
                attributes,
            )
            return f"<{name}{attributes}>"
        body = attributes.rstrip()
        end = "/" if body.endswith("/") else ""
        return f'<{name}{body[: len(body) - len(end)]} tabindex="0"{end}>'

    return _START_TAG.sub(tag, page)


def _exporter_class() -> type:
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    class SafeHighlight(Highlight2HTML):
        def __call__(self, source: str, language: Any = None, metadata: Any = None) -> str:
            return _Highlighted(super().__call__(source, language, metadata))

    class Exporter(HTMLExporter):
        """``HTMLExporter.from_notebook_node`` without its BeautifulSoup pass."""

        def from_notebook_node(self, nb, resources=None, **kw):  # type: ignore[override]
            info = nb.metadata.get("language_info", {})
            lexer = info.get("pygments_lexer", info.get("name", None))
            self.register_filter("highlight_code", SafeHighlight(pygments_lexer=lexer, parent=self))
            resources = self._init_resources(resources)
            self.register_filter(
                "filter_data_type",
                WidgetsDataTypeFilter(
                    notebook_metadata=self._nb_metadata, parent=self, resources=resources
                ),
            )
            page, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
            return _accessible(page), resources

    return Exporter


_EXPORTER: list[Any] = []  # one HTML exporter a process: its templates compile once
_EXPORTER_LOCK = threading.Lock()


def render(text: str) -> str:
    """Return an executed notebook (its JSON text) as a sanitized HTML page.

    Parameters
    ----------
    text
        The notebook file's text (nbformat 4).

    Returns
    -------
    str
        The page: nbconvert's lab template, outputs and Markdown through
        :func:`clean_html`.
    """
    import nbformat

    nb = nbformat.reads(text, as_version=4)
    with _EXPORTER_LOCK:
        if not _EXPORTER:
            exporter = _exporter_class()(filters={"clean_html": clean_html})
            exporter.sanitize_html = True  # corpus text in outputs shows as text, never markup
            _EXPORTER.append(exporter)
        body, _ = _EXPORTER[0].from_notebook_node(nb)
    return body
