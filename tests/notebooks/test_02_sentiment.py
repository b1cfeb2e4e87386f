"""02_sentiment through the real runner: the seed in a grouped, rated corpus; bad input."""

from __future__ import annotations

import csv

import nbformat
import pandas as pd
import pytest

from framelens.errors import ParameterError
from framelens.pipeline import KERNEL_START_TIMEOUT

from ..conftest import ROOT, SEEDS

pytestmark = pytest.mark.notebook

DOC = "china-russia-joint-exercises"
SENTENCE_COLUMNS = [
    "doc_id",
    "sent_id",
    "kind",
    "text",
    "neg",
    "neu",
    "pos",
    "compound",
    "label",
    "drivers",
]
DOCUMENT_COLUMNS = [
    "doc_id",
    "n_sentences",
    "mean_compound",
    "ci_low",
    "ci_high",
    "share_pos",
    "share_neg",
    "share_neu",
    "document_compound",
]


@pytest.fixture(scope="module")
def rated_corpus(tmp_path_factory):
    """The seed article and four short documents, in two sources, with human ratings.

    One document is Russian (not scored) and has no rating.
    """
    seed = (SEEDS / f"{DOC}.txt").read_text(encoding="utf-8")
    rows = [
        (DOC, "Wire", "0.5", seed),
        ("d", "Daily", "3", "The talks were a great success and everyone was happy."),
        ("e", "Daily", "-3", "The attack was a terrible disaster. Many were hurt."),
        ("f", "Wire", "", "Учения прошли успешно. Флот вернулся."),
        ("g", "Daily", "0", "Officials said the drills would continue."),
    ]
    path = tmp_path_factory.mktemp("rated") / "rated.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["doc_id", "source", "rating", "text"])
        writer.writerows(rows)
    return path


def test_tables_and_figures(run_notebook, rated_corpus):
    out = run_notebook(
        "02_sentiment", rated_corpus, group_by="source", ratings_column="rating", max_arcs=2
    )
    sents = pd.read_csv(out / "tables" / "sentiment_sentences.csv", keep_default_na=False)
    assert list(sents.columns[:10]) == SENTENCE_COLUMNS
    seed = sents[sents["doc_id"] == DOC].reset_index(drop=True)
    assert len(seed) == 24
    assert seed["label"].value_counts().to_dict() == {"positive": 13, "neutral": 7, "negative": 4}
    assert seed.loc[23, "drivers"] == "united 1.8; alarm -1.4; growing 0.7; challenge 0.3"
    assert sents.loc[sents.doc_id == "f", "label"].tolist() == ["unscored", "unscored"]

    docs = pd.read_csv(out / "tables" / "sentiment_documents.csv").set_index("doc_id")
    assert list(docs.reset_index().columns) == DOCUMENT_COLUMNS
    assert docs.index.tolist() == [DOC, "d", "e", "f", "g"]
    row = docs.loc[DOC]  # the same numbers as on the seed alone: per-document work
    assert (row["n_sentences"], row["document_compound"]) == (19, 0.9817)
    assert row["mean_compound"] == pytest.approx(0.2236421, abs=1e-6)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((0.08631, 0.358523), abs=1e-6)
    assert docs.loc["d", "document_compound"] == 0.91
    assert docs.loc["e", "n_sentences"] == 2 and docs.loc["f", "n_sentences"] == 0

    groups = pd.read_csv(out / "tables" / "sentiment_groups.csv").set_index("group")
    assert groups[["n_sentences", "n_unscored"]].to_dict("index") == {
        "Daily": {"n_sentences": 4, "n_unscored": 0},
        "Wire": {"n_sentences": 19, "n_unscored": 2},
    }
    # the same comparison on the sentences scored with names masked (section 6b)
    masked_groups = pd.read_csv(out / "tables" / "sentiment_groups_domain.csv").set_index("group")
    assert list(masked_groups.columns) == list(groups.columns)
    assert masked_groups["n_sentences"].to_dict() == groups["n_sentences"].to_dict()
    assert masked_groups.loc["Wire", "mean_compound"] < groups.loc["Wire", "mean_compound"]
    validation = pd.read_csv(out / "tables" / "sentiment_validation.csv").set_index("measure")
    assert validation.loc["pearson_r", "n"] == 4 and validation.loc["pearson_r", "n_dropped"] == 1
    assert validation.loc["spearman_rho", "value"] == pytest.approx(0.8)  # seed 0.98 > d 0.91

    actors = pd.read_csv(out / "tables" / "sentiment_actors.csv").set_index("actor")
    assert actors.loc["China", "n_sentences"] == 10
    assert actors.loc["China", "most_negative_sent_id"] == 22
    stance_rows = pd.read_csv(out / "tables" / "sentiment_stance.csv")
    china = stance_rows[stance_rows["actor"] == "China"]
    assert len(china) == 10  # one row per sentence naming China, as for its tone
    assert set(stance_rows["stance"]) <= {"negative", "neutral", "positive"}
    assert stance_rows["evidence"].str.len().gt(0).all()
    # each row carries its sentence's tone, so the two can be read side by side
    tone = sents.set_index(["doc_id", "sent_id"])["compound"]
    keyed = stance_rows.set_index(["doc_id", "sent_id"])["compound"]
    assert (keyed - tone.reindex(keyed.index).astype(float)).abs().max() < 1e-9
    stance_actors = pd.read_csv(out / "tables" / "sentiment_stance_actors.csv").set_index("actor")
    assert stance_actors.loc["China", "n_sentences"] == 10
    assert stance_actors.loc["China", "mean_compound"] == pytest.approx(
        actors.loc["China", "mean_compound"], abs=1e-9
    )
    by_group = pd.read_csv(out / "tables" / "sentiment_stance_groups.csv")
    assert set(by_group["source"]) <= {"Daily", "Wire"}
    assert by_group.groupby("actor")["n_sentences"].sum()["China"] == 10
    domain = pd.read_csv(out / "tables" / "sentiment_domain.csv")
    assert domain["level"].tolist()[0] == "corpus"
    assert set(domain.loc[domain["level"] == "group", "unit"]) == {"Daily", "Wire"}
    seed_shift = domain[(domain["level"] == "document") & (domain["unit"] == DOC)].iloc[0]
    # the seed: "United" of "United States" and "security" lift it; masked it moves down
    assert seed_shift["n_sentences"] == 19 and seed_shift["shift"] < -0.05
    assert seed_shift["mean_compound"] == pytest.approx(row["mean_compound"], abs=1e-6)
    masked = pd.read_csv(out / "tables" / "sentiment_domain_sentences.csv", keep_default_na=False)
    assert masked["masked"].str.contains("United States").any()
    methods = pd.read_csv(out / "tables" / "sentiment_methods.csv")
    assert methods["n"].item() == 28  # 24 + 1 + 2 + 1 scored by both; the Russian left out
    worst = pd.read_csv(out / "tables" / "sentiment_disagreements.csv")
    assert len(worst) == 10 and worst["difference"].abs().is_monotonic_decreasing
    for fig in [
        "sentiment_distribution",
        f"sentiment_arc_{DOC}",
        "sentiment_actor_tone",
        "sentiment_stance",
        "sentiment_methods",
        "sentiment_groups",
        "sentiment_groups_domain",
        "sentiment_stance_groups",
    ]:
        assert (out / "figures" / f"{fig}.svg").stat().st_size > 1000, fig
    arcs = sorted(p.stem for p in (out / "figures").glob("sentiment_arc_*.png"))
    # max_arcs=2: the longest documents (the seed, then "e" with two sentences)
    assert arcs == [f"sentiment_arc_{DOC}", "sentiment_arc_e"]

    # "At scale": the engine's corpus summary equals the prose sentences above
    whole = pd.read_csv(out / "tables" / "scale_sentiment_corpus.csv").iloc[0]
    prose = sents[(sents["kind"] == "prose") & (sents["label"] != "unscored")]
    assert (whole["n_sentences"], whole["n_unscored"]) == (len(prose), 2) == (23, 2)
    mean = prose["compound"].astype(float).mean()
    assert whole["mean_compound"] == pytest.approx(mean, abs=1e-9)  # CSVs keep 10 decimals
    assert whole["share_pos"] == pytest.approx((prose["label"] == "positive").mean())


def _printed(executed) -> str:
    nb = nbformat.read(executed, as_version=4)
    return "".join(
        o.get("text", "")
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        if o.output_type == "stream" and o.name == "stdout"
    )


def test_seed_numbers_are_printed_not_hard_coded(tmp_path):
    """The numbers the markdown refers to come from the computed frames."""
    import papermill

    papermill.execute_notebook(
        str(ROOT / "notebooks" / "02_sentiment.ipynb"),
        str(tmp_path / "out.ipynb"),
        cwd=str(ROOT / "notebooks"),
        parameters={"output_dir": str(tmp_path / "run")},
        progress_bar=False,
        start_timeout=KERNEL_START_TIMEOUT,
    )
    printed = _printed(tmp_path / "out.ipynb")
    for line in [
        f"{DOC} (prose only, 19 sentences): mean of sentences +0.22 [+0.09, +0.36], "
        "the document as one text +0.98",
        "6 of 13 actors are named in fewer than 2 sentences and left out of the figure",
        "Spearman ρ = 0.19 over 24 sentences; same label for 11 of 24 (Cohen's κ = 0.17)",
        "positive sentences (prose only): 12 of 19 at ±0.05, 8 at ±0.3",
        "United States (n=4): +0.35 -> +0.15",
        f"{DOC}: mean +0.22 (prose only) -> +0.17 (embeds counted), interval [+0.09, +0.36]",
    ]:
        assert line in printed
    markdown = "".join(
        c.source
        for c in nbformat.read(tmp_path / "out.ipynb", as_version=4).cells
        if c.cell_type == "markdown"
    )
    for number in ["0.22", "0.98", "0.19", "11 of 24", "12 of 19", "0.35", "0.17"]:
        assert number not in markdown, number


def test_bad_group_by_is_refused_before_any_kernel_naming_the_columns(tmp_path, rated_corpus):
    from framelens import pipeline

    with pytest.raises(ParameterError) as info:
        pipeline.run(
            rated_corpus,
            tmp_path / "run",
            only=["02_sentiment"],
            params={"group_by": "outlet"},
            progress=False,
        )
    assert str(info.value) == (
        "02_sentiment: `group_by` 'outlet' is not a column of the documents; the columns "
        "are ['doc_id', 'title', 'source', 'published', 'url', 'rating']. Add it to "
        "metadata.csv (or the CSV/JSONL) or pick one of these."
    )
    assert not (tmp_path / "run").exists()


def test_runs_without_solution_cells(tmp_path):
    """The student build: solution cells removed, exercise cells empty."""
    import papermill

    nb = nbformat.read(ROOT / "notebooks" / "02_sentiment.ipynb", as_version=4)
    nb.cells = [c for c in nb.cells if "solution" not in c.metadata.get("tags", [])]
    src = ROOT / "notebooks" / f".student-test-{tmp_path.name}.ipynb"
    nbformat.write(nb, src)
    try:
        papermill.execute_notebook(
            str(src),
            str(tmp_path / "out.ipynb"),
            cwd=str(ROOT / "notebooks"),
            parameters={"output_dir": str(tmp_path / "run")},
            progress_bar=False,
            start_timeout=KERNEL_START_TIMEOUT,
        )
    finally:
        src.unlink()
    assert len(pd.read_csv(tmp_path / "run" / "tables" / "sentiment_sentences.csv")) == 24
