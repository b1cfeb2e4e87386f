"""A missing text or an integer doc_id reads the same in every function that takes documents."""

from __future__ import annotations

import pandas as pd

from framelens import corpus, framing, sentiment


def _docs(text_dtype: str | None = None) -> pd.DataFrame:
    text = ["The navy held drills. Military ships sailed.", None]
    d = pd.DataFrame({"doc_id": [1, 2], "text": text})
    if text_dtype:
        d["text"] = d["text"].astype(text_dtype)
    return d


def test_a_missing_text_is_an_empty_document_everywhere() -> None:
    for dtype in (None, "string", "string[pyarrow]"):
        docs = _docs(dtype)
        fit = framing.topic_fit(docs)
        assert fit["doc_id"].tolist() == ["1", "2"]
        assert fit["n_topic_words"].tolist()[1] == 0
        scored = sentiment.score_documents(docs)
        assert scored.loc[scored["doc_id"] == "2", "compound"].isna().all()  # no "<NA>" text


def test_profile_of_integer_ids_lists_each_document_once() -> None:
    docs = _docs()
    sentences = corpus.segment(docs)
    d = framing.load_dictionary("security")
    counts = framing.profile_counts(sentences, framing.match(sentences, d), d)
    prof = framing.profile(counts, documents=docs)
    assert sorted(prof["doc_id"].unique()) == ["1", "2"]
