"""The corpus matrix (issue 13): every notebook, solution cells included, on every corpus.

Each corpus of ``tests/data/corpora`` (and the seed, and 2,000 composed documents) goes
through the real runner, as ``framelens run`` does, and must exit 0. Then its tables must
meet these invariants:

1. every notebook of the run is ``ok`` in the manifest, and the index lists its tables,
   each with a one-line description;
2. ``corpus_documents`` has one row per document of the corpus, and its ``sentences``
   add up to the rows of ``corpus_sentences`` and of ``sentiment_sentences``: every
   notebook saw the same documents split into the same sentences;
3. a document's sentences are those it gets alone (segmentation depends on the document
   only, checked on a sample of documents);
4. term tables: ``documents`` is between 1 and the number of documents and at most the
   term's ``count``; at scale it is the number of documents whose counted sentences use
   the term (counted here from the sentences);
5. at-scale sentiment counts the same prose sentences (scored and unscored) as the
   notebook's own table;
6. ``frame_accuracy`` is written only when the labels are this corpus's (the seed);
7. claims are not repeated; counts are integers;
8. grouped runs give keyness for every group (where groups have two documents or more),
   each keyword used by at least two documents of the side where it is frequent;
9. a sentence shown in a table is shown whole (no ``…``), and counts print as integers;
10. no rendered notebook shows the temporary build folder.

The 2,000 documents also run on the Dask engine: every at-scale table equals the local one.
"""

from __future__ import annotations

import html
import json
import math
import re
from pathlib import Path

import pandas as pd
import pytest

from framelens import corpus, pipeline, report, stats

from ..conftest import SEEDS
from .compose import CORPORA, many_documents

pytestmark = [pytest.mark.notebook, pytest.mark.slow]

NOTEBOOKS = sorted(p.stem for p in pipeline.NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))

#: name -> (corpus path or "compose:N", parameters for every notebook that declares them)
CASES: dict[str, tuple[str | Path, dict]] = {
    "seed": (SEEDS, {}),
    "news_multi": (CORPORA / "news_multi" / "articles.csv", {"group_by": "outlet_group"}),
    "social": (CORPORA / "social" / "posts.jsonl", {"id_column": "id", "group_by": "user"}),
    "no_actor": (CORPORA / "no_actor", {}),
    "one_sentence": (CORPORA / "one_sentence" / "sentences.csv", {}),
    "single": (CORPORA / "single", {}),
    "non_english": (CORPORA / "non_english" / "mixed.jsonl", {"group_by": "lang"}),
    "no_dates": (CORPORA / "no_dates", {}),
    "many_2000": ("compose:2000", {}),
}
SPEC_KEYS = ("text_column", "id_column", "date_column", "encoding", "delimiter", "on_error")


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Run a case once (lazily); return ``(corpus path, params, out folder)``."""
    base = tmp_path_factory.mktemp("matrix")
    done: dict[str, tuple[Path, dict, Path]] = {}

    def get(name: str, engine: str | None = None):
        key = f"{name}-{engine or 'local'}"
        if key not in done:
            path, params = CASES[name]
            if str(path).startswith("compose:"):
                path = base / f"{name}.csv"
                if not path.exists():
                    many_documents(int(str(CASES[name][0]).split(":")[1])).to_csv(path, index=False)
            params = {**params, **({"engine": engine} if engine else {})}
            out = base / key
            result = pipeline.run(path, out, params=params, jobs=2, progress=False)
            assert result.ok
            done[key] = (Path(path), params, out)
        return done[key]

    return get


def _table(out: Path, name: str, **kw) -> pd.DataFrame:
    return pd.read_csv(out / "tables" / f"{name}.csv", keep_default_na=False, **kw)


def _documents(path: Path, params: dict) -> pd.DataFrame:
    spec = corpus.CorpusSpec(path, **{k: v for k, v in params.items() if k in SPEC_KEYS})
    return corpus.load(spec)


@pytest.mark.parametrize("name", list(CASES))
def test_every_notebook_runs_and_its_tables_add_up(runs, name):
    path, params, out = runs(name)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [n["name"] for n in manifest["notebooks"]] == NOTEBOOKS
    assert {n["status"] for n in manifest["notebooks"]} == {"ok"}
    index = (out / "index.html").read_text(encoding="utf-8")
    for table in (out / "tables").glob("*.csv"):
        assert f"tables/{table.name}" in index, table.name
        assert report.describe_table(table.name), f"{table.name} has no description"

    # 2. same documents, same sentences in every notebook
    docs = _documents(path, params)
    overview = _table(out, "corpus_documents", dtype={"doc_id": str})
    assert sorted(overview["doc_id"]) == sorted(docs["doc_id"].astype(str))
    sentences = corpus.segment(docs)
    assert int(overview["sentences"].sum()) == len(sentences)
    assert len(_table(out, "corpus_sentences")) == len(sentences)
    assert len(_table(out, "sentiment_sentences")) == len(sentences)

    # 3. a document's sentences are the ones it gets alone
    sample = docs.iloc[:: max(1, len(docs) // 25)]
    for row in sample.itertuples():
        alone = corpus.segment(docs[docs["doc_id"] == row.doc_id])
        within = sentences[sentences["doc_id"] == row.doc_id]
        assert alone["text"].tolist() == within["text"].tolist(), row.doc_id

    # 4. documents columns
    prose = sentences[sentences["kind"] == "prose"]
    per_term = stats.term_counts(prose)
    per_term = per_term[per_term["n"] == 1].groupby("term")["doc_id"].nunique()
    for table in ("text_stats_terms", "scale_top_terms"):
        terms = _table(out, table, dtype={"term": str})
        if terms.empty:
            continue
        assert terms["documents"].between(1, len(docs)).all(), table
        assert (terms["documents"] <= terms["count"]).all(), table
    scale_terms = _table(out, "scale_top_terms", dtype={"term": str})
    if len(scale_terms):  # words; the notebook's ngram_n-grams follow them
        scale_terms = scale_terms[scale_terms["n"] == 1]
        expected = per_term.reindex(scale_terms["term"]).to_numpy()
        assert scale_terms["documents"].tolist() == expected.tolist()

    # 5. at-scale sentiment counts the notebook's prose sentences
    scored = _table(out, "sentiment_sentences")
    corpus_row = _table(out, "scale_sentiment_corpus").iloc[0]
    counted = int(corpus_row["n_sentences"]) + int(corpus_row["n_unscored"])
    assert counted == int((scored["kind"] == "prose").sum())

    # 6. labels only where they belong
    assert (out / "tables" / "frame_accuracy.csv").exists() == (name == "seed")

    # 7. claims not repeated; counts are integers
    claims = _table(out, "claims")
    keys = ["doc_id", "sent_id", "claim_type", "claim"]
    assert not claims.duplicated(keys).any()
    for table, columns in {
        "corpus_documents": ["paragraphs", "sentences", "embeds"],
        "scale_exercise_mentions": ["n", "n_docs"],
        "events_per_year": ["year", "n"],
        "frame_documents": ["n_sentences", "n_frame_sentences", "n_hits"],
    }.items():
        frame = _table(out, table)
        for column in columns:
            if len(frame):
                assert pd.api.types.is_integer_dtype(frame[column]), (table, column)

    # 8. keyness for every group
    group_by = params.get("group_by")
    sizes = docs[group_by].value_counts() if group_by else pd.Series(dtype=int)
    if group_by and (sizes >= 2).sum() >= 2:  # keywords need two documents a side
        keyness = _table(out, "keyness", dtype={"target": str})
        assert set(keyness["target"]) <= set(docs[group_by].astype(str))
        assert keyness["target"].nunique() >= 2
        side = keyness["target_documents"].where(
            keyness["direction"] == "target", keyness["reference_documents"]
        )
        assert (side >= 2).all()
        assert keyness["p_adjusted"].ge(keyness["p_value"] - 1e-12).all()
        assert (out / "figures" / "keyness.png").is_file()

    # 9. text the reader is asked to read is never cut: 02 shows the first sentences whole
    executed = json.loads((out / "notebooks" / "02_sentiment.ipynb").read_text(encoding="utf-8"))
    shown = "".join(
        "".join(o.get("data", {}).get("text/html", ""))
        for c in executed["cells"]
        for o in c.get("outputs", [])
    )
    first = _table(out, "sentiment_sentences").iloc[0]["text"]
    assert html.escape(first, quote=False) in shown or html.escape(first) in shown, first
    # ... and counts print as integers (01's count table: "words" then a whole number)
    executed = json.loads((out / "notebooks" / "01_text_stats.ipynb").read_text(encoding="utf-8"))
    shown = "".join(
        "".join(o.get("data", {}).get("text/html", ""))
        for c in executed["cells"]
        for o in c.get("outputs", [])
    )
    assert re.search(r"<td>words</td>\s*<td>\d+</td>", shown), "word counts print as floats"

    # 10. the final path, never the build folder
    for page in [*(out / "notebooks").glob("*.ipynb"), *(out / "html").glob("*.html")]:
        assert ".building" not in page.read_text(encoding="utf-8", errors="replace"), page


def test_local_and_dask_give_the_same_tables_on_2000_documents(runs):
    _, _, local = runs("many_2000")
    _, _, dask = runs("many_2000", engine="dask")
    names = sorted(p.name for p in (dask / "tables").glob("scale_*.csv"))
    assert "scale_top_terms.csv" in names and "scale_sentiment_corpus.csv" in names
    for name in names:
        a = pd.read_csv(local / "tables" / name, keep_default_na=False)
        b = pd.read_csv(dask / "tables" / name, keep_default_na=False)
        pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=1e-9, obj=name)
    assert not math.isnan(_table(dask, "scale_sentiment_corpus")["mean_compound"].iloc[0])
