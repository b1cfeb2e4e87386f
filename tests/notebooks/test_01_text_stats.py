"""01_text_stats through the real runner: on the seed, and on a grouped corpus."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from ..conftest import SEEDS

pytestmark = pytest.mark.notebook


def _prose_paragraphs() -> list[str]:
    text = (SEEDS / "china-russia-joint-exercises.txt").read_text("utf-8")
    paras = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return [p for p in paras if "pic.twitter.com" not in p]


@pytest.fixture(scope="module")
def grouped_corpus(tmp_path_factory):
    paras = _prose_paragraphs()
    path = tmp_path_factory.mktemp("grouped") / "corpus.csv"
    pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "source": ["Wire", "Wire", "Daily"],
            "published": ["2024-09-10", "2024-09-11", "2024-10-01"],
            "text": ["\n\n".join(paras[:3]), "\n\n".join(paras[3:6]), "\n\n".join(paras[6:])],
        }
    ).to_csv(path, index=False)
    return path


def test_seed_tables(run_notebook):
    out = run_notebook("01_text_stats", SEEDS)
    tables = out / "tables"
    docs = pd.read_csv(tables / "text_stats_documents.csv", keep_default_na=False)
    value = docs.set_index("measure")["value"].astype(float)
    assert value["words"] == 542
    assert value["sentences"] == 19
    assert value["embeds"] == 2
    # the embeds' hashtags, mentions and links are reported apart, not as 0
    assert (value["hashtags"], value["embed_hashtags"]) == (0, 4)
    assert (value["embed_mentions"], value["embed_links"]) == (2, 2)
    assert value["mtld"] == pytest.approx(110.493674, abs=1e-5)
    smog = docs.set_index("measure").loc["smog_index"]
    assert (smog["reliable"], smog["note"]) == (False, "SMOG needs 30 sentences; has 19")
    terms = pd.read_csv(tables / "text_stats_terms.csv")
    # possessives count as the word: China 11, Russia 9 in the prose (see the unit test)
    top = terms[terms.n == 1].set_index("term")["count"]
    assert top.index.tolist()[:3] == ["china", "military", "russia"]
    assert (top["china"], top["russia"]) == (11, 9)
    scale_top = pd.read_csv(tables / "scale_top_terms.csv").sort_values(["n", "rank"])
    # the whole-corpus table with the notebook's top_n and ngram_n: the same words and pairs
    assert scale_top.loc[scale_top.n == 1, "term"].tolist() == top.index.tolist()
    pairs = terms.loc[terms.n == 2, "term"].tolist()
    assert scale_top.loc[scale_top.n == 2, "term"].tolist() == pairs
    assert terms.loc[terms.n == 2, "term"].tolist()[:1] == ["military cooperation"]
    colloc = pd.read_csv(tables / "collocations.csv")
    assert colloc.loc[0, ["bigram", "count"]].tolist() == ["recent years", 2]
    actors = pd.read_csv(tables / "actors.csv").set_index("actor")
    assert actors.loc["China", "mentions"] == 11
    kwic = pd.read_csv(tables / "kwic.csv")
    assert kwic["match"].tolist() == ["drills"] * 7
    assert not (tables / "keyness.csv").exists()
    assert not (tables / "text_stats_groups.csv").exists()  # no groups: both skipped
    for fig in [
        "top_terms",
        "sentence_lengths",
        "lexical_dispersion",
        "actor_mentions",
        "actor_dispersion",
    ]:
        assert (out / "figures" / f"{fig}.svg").stat().st_size > 1000, fig
    assert not (out / "figures" / "keyness.png").exists()


def test_grouped_corpus_writes_keyness(run_notebook, grouped_corpus):
    out = run_notebook("01_text_stats", grouped_corpus, group_by="source", top_n=5)
    key = pd.read_csv(out / "tables" / "keyness.csv")
    assert sorted(set(key["target"])) == ["Daily", "Wire"]
    wire = key[key.target == "Wire"]
    assert (wire["target_total"] + wire["reference_total"]).nunique() == 1
    assert (wire["target_count"] + wire["reference_count"] >= 2).all()
    groups = pd.read_csv(out / "tables" / "text_stats_groups.csv")
    words = groups[groups.measure == "words"].set_index("group")
    docs = pd.read_csv(out / "tables" / "text_stats_documents.csv")
    per_doc = docs[docs.measure == "words"].set_index("doc_id")["value"]
    assert words.loc["Wire", "total"] == per_doc["a"] + per_doc["b"]
    assert words["total"].sum() == 542  # the seed's prose, split over three documents
    terms = pd.read_csv(out / "tables" / "text_stats_terms.csv")
    assert terms.groupby("n").size().to_dict() == {1: 5, 2: 5}
    assert (out / "figures" / "keyness.png").is_file()
