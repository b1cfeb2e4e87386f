"""00_corpus_overview through the real runner, on the seed and on a messy folder."""

from __future__ import annotations

import pandas as pd

from ..conftest import SEEDS


def test_seed_tables(run_notebook):
    out = run_notebook("00_corpus_overview", SEEDS)
    docs = pd.read_csv(out / "tables" / "corpus_documents.csv", keep_default_na=False)
    assert docs[
        ["doc_id", "paragraphs", "sentences", "prose_sentences", "embeds"]
    ].values.tolist() == [["china-russia-joint-exercises", 11, 24, 19, 2]]
    embeds = pd.read_csv(out / "tables" / "corpus_embeds.csv", keep_default_na=False)
    assert embeds["handle"].tolist() == ["pearlleigh", "ChinaDaily"]
    assert (out / "figures" / "corpus_structure.svg").stat().st_size > 1000
    assert (out / "html" / "00_corpus_overview.html").is_file()


def test_skip_mode_lists_the_unreadable_file(run_notebook, tmp_path_factory):
    d = tmp_path_factory.mktemp("messy")
    (d / "good.txt").write_text("A story. With two sentences.", encoding="utf-8")
    (d / "latin.txt").write_bytes(b"Caf\xe9.")
    out = run_notebook("00_corpus_overview", d, on_error="skip")
    skipped = pd.read_csv(out / "tables" / "skipped_files.csv")
    assert skipped["path"].str.endswith("latin.txt").tolist() == [True]
    assert "byte offset 3" in skipped.loc[0, "reason"]
    docs = pd.read_csv(out / "tables" / "corpus_documents.csv")
    assert docs["doc_id"].tolist() == ["good"]
