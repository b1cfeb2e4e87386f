"""The Dask engine: same answers as pandas, lazy shards, bad shards named, lost workers."""

from __future__ import annotations

import json
import os
import signal
import threading
import time

import numpy as np
import pandas as pd
import pytest

from framelens import corpus, scale, stats
from framelens.analysis import registry
from framelens.errors import FramelensWarning, InputError, ParameterError

from ..conftest import SEEDS

N_DOCS = 2000


def synthetic(n: int, seed: int = 0) -> pd.DataFrame:
    """Documents of 6–20 seed sentences in paragraphs of three, two sources."""
    s = corpus.segment(corpus.load(SEEDS))
    sents = s["text"].tolist()
    rng = np.random.default_rng(seed)
    texts = []
    for _ in range(n):
        idx = rng.integers(0, len(sents), int(rng.integers(6, 20)))
        texts.append(
            "\n\n".join(" ".join(sents[x] for x in idx[j : j + 3]) for j in range(0, len(idx), 3))
        )
    return pd.DataFrame(
        {
            "doc_id": [f"d{i:05d}" for i in range(n)],
            "title": "",
            "source": ["Outlet A" if i % 3 else "Outlet B" for i in range(n)],
            "published": "",
            "url": "",
            "text": texts,
        }
    )


@pytest.fixture(scope="module")
def client():
    c = scale.start("dask", n_workers=2)
    yield c
    c.close()
    c.cluster.close()


@pytest.fixture(scope="module")
def docs():
    return synthetic(N_DOCS)


@pytest.fixture(scope="module")
def abbreviations(docs):
    return corpus.learn_abbreviations(docs.head(200))


@pytest.fixture(scope="module")
def local_result(docs, abbreviations):
    return scale.analyse(docs, abbreviations=abbreviations, group_by="source")


def _assert_same(local: dict, dask: dict) -> None:
    assert sorted(local) == sorted(dask)
    for name in local:
        a, b = local[name], dask[name]
        assert list(a.columns) == list(b.columns), name
        assert len(a) == len(b), name
        pd.testing.assert_frame_equal(
            a.reset_index(drop=True),
            b.reset_index(drop=True),
            check_exact=False,
            rtol=1e-9,
            atol=1e-12,
            obj=name,
        )


def test_dask_gives_the_same_tables_as_pandas(client, docs, abbreviations, local_result, tmp_path):
    import dask.dataframe as dd

    assert len(client.scheduler_info()["workers"]) == 2
    lazy = dd.from_pandas(docs, npartitions=8, sort=False)
    result = scale.analyse(
        lazy, abbreviations=abbreviations, group_by="source", output_dir=tmp_path
    )
    _assert_same(local_result, result)
    # counts are exact, and the tables hold real values
    terms = result["top_terms"].set_index("term")["count"]
    assert terms.loc["china"] == local_result["top_terms"].set_index("term")["count"].loc["china"]
    assert result["document_stats"]["doc_id"].nunique() == N_DOCS
    # row-level tables went to Parquet, one file a partition
    rows = pd.read_parquet(tmp_path / "tables" / "sentences.parquet")
    assert sorted(p.name for p in (tmp_path / "tables" / "sentences.parquet").iterdir())[:1] == [
        "part-00000.parquet"
    ]
    sentences = corpus.segment(docs, abbreviations=abbreviations)
    assert len(rows) == len(sentences)  # every sentence, prose and embeds, with its kind
    assert sorted(rows["kind"].unique()) == ["embed", "prose"]
    # the counts read the prose only (include_embeds=False, the notebooks' default)
    prose = sentences["kind"].eq("prose").groupby(sentences["doc_id"]).sum()
    counted = result["document_stats"].query("measure == 'sentences'").set_index("doc_id")
    assert counted["value"].astype(int).sort_index().tolist() == prose.sort_index().tolist()


@pytest.mark.parametrize("name", list(registry()))
def test_each_analysis_of_the_registry_gives_the_same_tables_on_both_engines(
    client, docs, abbreviations, name
):
    """Every registered analysis alone: Dask (4 partitions, 2 workers) equals pandas."""
    import dask.dataframe as dd

    analysis = registry()[name]
    small = docs.head(240)
    options = {"abbreviations": abbreviations, "group_by": "source"}
    local = scale.analyse(small, analyses=[name], partition_size=50, **options)
    lazy = dd.from_pandas(small, npartitions=4, sort=False)
    on_dask = scale.analyse(lazy, analyses=[name], **options)
    _assert_same(local, on_dask)
    assert set(local) <= set(analysis.tables)  # every table it returns is declared
    assert all(len(frame) for frame in local.values()), "an empty table proves nothing"


def test_analyse_options_are_checked_against_the_registry(seeds_documents):
    with pytest.raises(ParameterError, match=r"`dictonary` is not an option.*'dictionary'"):
        scale.analyse(seeds_documents, dictonary="security")
    with pytest.raises(
        ParameterError, match=r"`events` is not an option of analyse \(an option of 'events'"
    ):
        scale.analyse(seeds_documents, analyses=["stats"], events=None)
    with pytest.raises(ParameterError, match=r"`analyses` must be one of"):
        scale.analyse(seeds_documents, analyses=["stat"])


def test_a_killed_worker_changes_nothing(client, docs, abbreviations, local_result):
    import dask.dataframe as dd

    lazy = dd.from_pandas(docs, npartitions=16, sort=False)
    pids = client.run(os.getpid)
    victim = sorted(pids.values())[0]

    def kill_later():
        time.sleep(3.0)
        os.kill(victim, signal.SIGKILL)

    killer = threading.Thread(target=kill_later)
    killer.start()
    result = scale.analyse(lazy, abbreviations=abbreviations, group_by="source")
    killer.join()
    assert victim not in client.run(os.getpid).values()  # the worker really died
    _assert_same(local_result, result)
    # the replacement worker inherits the cluster's config: its profiler is off too
    assert not any(client.run(scale.worker_profiling).values())


def test_the_profiler_is_off_unless_asked_for(client, capsys):
    """Dask's profiler keeps 1,000 s of profiles a worker: memory would follow run time."""
    import dask

    assert list(client.run(scale.worker_profiling).values()) == [False, False]
    assert dask.config.get("distributed.worker.profile.enabled") is True  # ours untouched
    assert set(client.run(lambda dask_worker: len(dask_worker.profile_history)).values()) == {0}
    on = scale.start("dask", n_workers=1, profile=True)
    try:
        assert list(on.run(scale.worker_profiling).values()) == [True]
        from framelens import cli

        assert cli.main(["doctor", "--scheduler", on.scheduler.address]) == 0
        assert "note    Dask profiler on: the worker keeps up to 1,000 s" in capsys.readouterr().out
    finally:
        on.close()
        on.cluster.close()
    with pytest.raises(ParameterError, match="profile"):
        scale.start("dask", n_workers=1, profile="no")
    with pytest.raises(ParameterError, match="a joined cluster keeps its workers' own setting"):
        scale.start("dask", client.scheduler.address, profile=True)


def test_shards_load_lazily_and_equal_the_local_load(tmp_path, docs):
    small = docs.head(60)
    for i in range(3):
        part = small.iloc[i * 20 : (i + 1) * 20]
        part.to_csv(tmp_path / f"shard-{i}.csv", index=False)
        with open(tmp_path / f"shard-{i}.jsonl", "w", encoding="utf-8") as fh:
            for rec in part.to_dict("records"):
                fh.write(json.dumps(rec) + "\n")
    for pattern in ("shard-*.csv", "shard-*.jsonl"):
        lazy = scale.load(str(tmp_path / pattern), engine="dask")
        assert lazy.npartitions == 3
        local = scale.load(str(tmp_path / pattern), engine="local")
        got = lazy.compute().sort_values("doc_id").reset_index(drop=True)
        pd.testing.assert_frame_equal(
            got.astype(str), local.astype(str), check_dtype=False, obj=pattern
        )
        assert got["doc_id"].tolist() == small["doc_id"].tolist()
    # a folder of .txt, a partition every 25 files
    folder = tmp_path / "txt"
    folder.mkdir()
    for rec in small.itertuples():
        (folder / f"{rec.doc_id}.txt").write_text(rec.text, encoding="utf-8")
    lazy = scale.load(folder, engine="dask", files_per_partition=25)
    assert lazy.npartitions == 3
    assert lazy.compute()["text"].tolist() == small["text"].tolist()
    # any loaded corpus to partitioned Parquet, and back
    target = scale.to_parquet(small, tmp_path / "pq", partition_size=25)
    assert len(list(target.glob("*.parquet"))) == 3
    back = scale.load(target, engine="dask")
    assert back.compute()["doc_id"].tolist() == small["doc_id"].tolist()


def test_a_bad_shard_is_named_or_skipped(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"text": "Fine. Text."}\n', encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"body": "no text field"}\n', encoding="utf-8")
    lazy = scale.load(str(tmp_path / "*.jsonl"), engine="dask")
    with pytest.raises(InputError, match=r"b\.jsonl, line 1: no text field 'text'"):
        lazy.compute()
    (tmp_path / "c.jsonl").write_bytes(b'{"text": "caf\xe9"}\n')
    skipped = scale.load(str(tmp_path / "*.jsonl"), engine="dask", on_error="skip").compute()
    assert skipped["doc_id"].tolist() == ["a-doc0001"]


def test_an_empty_shard_adds_no_documents_on_either_engine(tmp_path):
    (tmp_path / "d1.csv").write_text("doc_id,text\na,One. Two.\n", encoding="utf-8")
    (tmp_path / "d2.csv").write_text("doc_id,text\n", encoding="utf-8")
    (tmp_path / "d3.csv").write_text("doc_id,text\nb,Three.\n", encoding="utf-8")
    glob = str(tmp_path / "d*.csv")
    lazy = scale.load(glob, engine="dask").compute().reset_index(drop=True)
    with pytest.warns(match="d2.csv"):
        local = scale.load(glob, engine="local")
    assert lazy["doc_id"].tolist() == local["doc_id"].tolist() == ["a", "b"]


def test_engine_parameters_are_checked():
    with pytest.raises(
        ParameterError, match=r"`engine` must be one of \['local', 'dask'\], but 'dusk'"
    ):
        scale.check_engine("dusk")
    with pytest.raises(
        ParameterError, match=r"`scheduler` 'tcp://x:1' is only used with engine='dask'"
    ):
        scale.check_engine("local", "tcp://x:1")
    assert scale.start("local") is None


def test_doctor_checks_every_worker(client, capsys):
    from framelens import cli

    code = cli.main(["doctor", "--scheduler", client.scheduler.address])
    out = capsys.readouterr().out
    assert code == 0
    assert out.count("worker tcp://") == 2
    assert out.count("ok      Dask profiler off") == 2
    assert out.count("ok      vader_lexicon") >= 2


def test_local_chunks_give_the_same_tables_as_one_pass(docs, abbreviations, tmp_path):
    small = docs.head(300)
    whole = scale.analyse(small, abbreviations=abbreviations, group_by="source", partition_size=300)
    chunked = scale.analyse(
        small, abbreviations=abbreviations, group_by="source", partition_size=70
    )
    _assert_same(whole, chunked)
    # without collect_documents the per-document tables go to Parquet, one file a chunk
    lean = scale.analyse(
        small,
        abbreviations=abbreviations,
        partition_size=70,
        collect_documents=False,
        output_dir=tmp_path,
    )
    per_document = {t for a in registry().values() for t in a.per_document}
    assert not per_document & set(lean)
    assert {"document_stats", "sentiment_documents", "frame_counts"} <= per_document
    folder = tmp_path / "tables" / "document_stats.parquet"
    assert len(list(folder.iterdir())) == 5
    back = pd.read_parquet(folder).sort_values(["doc_id", "family", "measure"], kind="stable")
    assert len(back) == len(whole["document_stats"])
    with pytest.raises(ParameterError, match="partition_size"):
        scale.analyse(small, partition_size=0)


def test_top_terms_count_documents_across_chunks(docs, abbreviations):
    """``documents`` is how many documents use a term, whatever the chunking (issue 13)."""
    small = docs.head(300)
    sentences = corpus.segment(small, abbreviations=abbreviations)
    expected = stats.top_terms(stats.term_counts(sentences), top_n=50)
    for size in (300, 70, 1):
        got = scale.analyse(
            small, abbreviations=abbreviations, partition_size=size, analyses=["stats"]
        )["top_terms"]
        got = got.sort_values("rank").reset_index(drop=True)
        pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    assert expected["documents"].max() > 1
    assert (expected["documents"] <= len(small)).all()


def test_include_embeds_matches_the_notebook_sections(seeds_documents):
    from framelens import events, framing

    sentences = corpus.segment(seeds_documents)
    hits = framing.match(sentences, "security")
    prose = sentences[sentences["kind"] == "prose"]
    for include in (False, True):
        got = scale.analyse(seeds_documents, analyses=["framing", "events"], include_embeds=include)
        scope = sentences if include else prose
        scope_hits = hits if include else hits[hits["kind"] == "prose"]
        want = framing.profile(
            framing.profile_counts(scope, scope_hits, "security")
            .drop(columns=["doc_id"])
            .groupby(["frame", "dictionary"], as_index=False)
            .sum()
            .assign(doc_id="corpus")
        ).drop(columns=["doc_id"])
        pd.testing.assert_frame_equal(
            got["frame_profile"].sort_values("frame").reset_index(drop=True),
            want.sort_values("frame").reset_index(drop=True),
            check_dtype=False,
        )
        found = events.mentions(sentences)
        if not include:
            found = found[found["sentence_kind"] == "prose"]
        assert int(got["exercise_mentions"]["n"].sum()) == len(found)
    # the seed's embeds carry frames and mentions: the two scopes really differ
    assert (hits["kind"] == "embed").any()
    assert (events.mentions(sentences)["sentence_kind"] == "embed").any()


def test_extra_actors_reach_the_engine(seeds_documents):
    """The at-scale actor tone ignored extra_actors: 0 rows for a corpus of reviews."""
    from framelens import gazetteer

    texts = ["The Acme blender is great.", "Acme support never answered."]
    docs = pd.DataFrame({"doc_id": ["r1", "r2"], "text": texts})
    plain = scale.analyse(docs, analyses=["sentiment"])["actor_tone"]
    assert plain.empty
    extra = {"Acme": ["Acme"]}
    for given in (extra, gazetteer.load_gazetteer(extra)):
        tone = scale.analyse(docs, analyses=["sentiment"], gazetteer=given)["actor_tone"]
        assert set(tone["actor"]) == {"Acme"}
    seed = scale.analyse(seeds_documents, analyses=["sentiment"])["actor_tone"]
    again = scale.analyse(seeds_documents, analyses=["sentiment"],
                          gazetteer=gazetteer.load_gazetteer())["actor_tone"]  # fmt: skip
    pd.testing.assert_frame_equal(seed, again)


def test_a_dictionary_object_and_an_event_table_reach_the_engine(seeds_documents, tmp_path):
    from framelens import events, framing

    plain = scale.analyse(seeds_documents, analyses=["framing", "events"])
    extended = framing.extend(framing.load_dictionary("security"), {"threat": ["the"]})
    wider = scale.analyse(seeds_documents, analyses=["framing"], dictionary=extended)
    share = {
        name: r.set_index("frame").loc["threat", "share_sentences"]
        for name, r in (("plain", plain["frame_profile"]), ("wider", wider["frame_profile"]))
    }
    assert share["wider"] > share["plain"]
    # the event table sets `matched` in the row table: without Northern/Interaction,
    # its mentions are still found but no longer matched to a recorded event
    table = events.load_events()
    fewer = table[table["name"] != "Northern/Interaction"].reset_index(drop=True)
    matched = {}
    for name, t in (("all", table), ("fewer", fewer)):
        scale.analyse(seeds_documents, analyses=["events"], events=t, output_dir=tmp_path / name)
        rows = pd.read_parquet(tmp_path / name / "tables" / "exercise_mentions_rows.parquet")
        named = rows[rows["canonical_name"] == "Northern/Interaction"]
        matched[name] = int(named["matched"].sum())
    assert matched["all"] >= 1
    assert matched["fewer"] == 0
    # a broken dictionary stops before any document is read, naming the file
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nframes: [\n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.yaml"):
        scale.analyse(seeds_documents, analyses=["framing"], dictionary=bad)


def test_map_partitions_and_sum_counts_give_the_same_counts_on_both_engines(
    client, docs, abbreviations, tmp_path
):
    import dask.dataframe as dd

    from framelens import stats

    small = docs.head(400)
    totals, written = {}, {}
    for name, frame in (("local", small), ("dask", dd.from_pandas(small, npartitions=4))):
        sentences = scale.map_partitions(corpus.segment, frame, abbreviations=abbreviations)
        counts = scale.map_partitions(stats.term_counts, sentences, n=[1, 2])
        if name == "dask":  # meta declared from an empty partition, nothing computed yet
            assert scale.is_dask(counts) and counts.npartitions == 4
            assert list(counts._meta.columns) == stats.TERM_COUNT_COLUMNS
        totals[name] = scale.sum_counts(counts, ["n", "term"], ["count"])
        written[name] = scale.write_rows(sentences, "sentences", tmp_path / name)
    pd.testing.assert_frame_equal(totals["local"], totals["dask"], check_dtype=False)
    assert totals["dask"].query("n == 1 and term == 'china'")["count"].item() > 0
    assert written["local"].suffix == ".csv" and written["dask"].name == "sentences.parquet"
    assert len(pd.read_parquet(written["dask"])) == len(pd.read_csv(written["local"]))


def test_the_notebooks_run_on_a_running_cluster_with_the_same_tables(client, docs, tmp_path):
    """Notebooks 01–04 joined to a cluster by address give the local engine's tables."""
    from framelens import pipeline

    small = docs.head(60)
    for i in range(3):
        with open(tmp_path / f"shard-{i}.jsonl", "w", encoding="utf-8") as fh:
            for rec in small.iloc[i * 20 : (i + 1) * 20].to_dict("records"):
                fh.write(json.dumps(rec) + "\n")
    shards = str(tmp_path / "shard-*.jsonl")
    notebooks = ["01_text_stats", "02_sentiment", "03_framing", "04_exercise_frequency"]
    runs = {}
    for engine, extra in (("local", {}), ("dask", {"scheduler": client.scheduler.address})):
        out = tmp_path / engine
        pipeline.run(shards, out, only=notebooks, params={"engine": engine, **extra},
                     jobs=2, progress=False)  # fmt: skip
        runs[engine] = out
    # the index says which tables come from the session's sample on Dask
    index = (runs["dask"] / "index.html").read_text(encoding="utf-8")
    assert index.count("Tables and figures of a sample (the first 200 documents") == 4
    assert "Tables and figures of a sample" not in (runs["local"] / "index.html").read_text()
    names = sorted(p.name for p in (runs["dask"] / "tables").glob("scale_*.csv"))
    assert names == [
        f"scale_{n}.csv"
        for n in ("actor_tone", "collocations", "exercise_mentions", "frame_profile",
                  "sentiment_corpus", "top_terms")
    ]  # fmt: skip
    local_names = {p.name for p in (runs["local"] / "tables").glob("scale_*.csv")}
    # on Dask the per-document tables stay out of the driver: Parquet, not CSV
    per_document = {"document_stats", "sentiment_documents", "frame_documents"}
    assert local_names - set(names) == {f"scale_{n}.csv" for n in per_document}
    for name in ("document_stats", "sentiment_documents", "frame_counts"):
        rows = pd.read_parquet(runs["dask"] / "tables" / f"{name}.parquet")
        assert rows["doc_id"].nunique() == 60, name
    stats_rows = pd.read_parquet(runs["dask"] / "tables" / "document_stats.parquet")
    assert len(stats_rows) == len(
        pd.read_csv(runs["local"] / "tables" / "scale_document_stats.csv")
    )
    for name in names:
        a, b = (pd.read_csv(runs[e] / "tables" / name) for e in ("local", "dask"))
        pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=1e-6, obj=name)
    # on Dask the notebook prints the dashboard and wrote the row tables as Parquet
    printed = (runs["dask"] / "notebooks" / "03_framing.ipynb").read_text(encoding="utf-8")
    assert "Dask dashboard: http" in printed
    rows = pd.read_parquet(runs["dask"] / "tables" / "frame_sentences.parquet")
    assert rows["doc_id"].nunique() > 40


def test_parquet_shards_are_read_as_csv_shards_are_on_both_engines(tmp_path):
    """Parquet without doc_id became three documents with an empty id on Dask; nullable
    integers crashed; ids were not made safe; BOM, CRLF and list texts were left as they
    were; a single CSV without ids got other ids on Dask."""
    import dask

    folder = tmp_path / "pq"
    folder.mkdir()
    texts = [["\ufeffDrills began.\r\n\r\nShips sailed.", "Talks ended."],
             [["Talks ended.", "Ties grew."], ["One."]]]  # fmt: skip
    for k in range(2):
        pd.DataFrame(
            {"text": texts[k], "published": pd.to_datetime(["2024-01-02", "2024-03-04"]),
             "n": pd.array([1, None], dtype="Int64")}
        ).to_parquet(folder / f"p{k}.parquet")  # fmt: skip
    bad = tmp_path / "bad.parquet"
    ids = {"doc_id": ["../../escape", "reuters/2024/a"], "text": ["A.", "B."]}
    pd.DataFrame(ids).to_parquet(bad)
    one = tmp_path / "one.csv"
    one.write_text("text\nDrills began.\nShips sailed.\n")
    cases = [(folder, ["p0-doc0001", "p0-doc0002", "p1-doc0001", "p1-doc0002"]),
             (bad, ["escape", "reuters-2024-a"]), (one, ["doc0001", "doc0002"])]  # fmt: skip
    for path, ids in cases:
        local = scale.load(path, engine="local")
        with dask.config.set(scheduler="sync"):
            on_dask = scale.load(path, engine="dask").compute()
        assert local["doc_id"].tolist() == ids
        pd.testing.assert_frame_equal(local, on_dask.reset_index(drop=True), check_dtype=False)
    docs = scale.load(folder)
    assert docs.loc[0, ["text", "published", "n"]].tolist() == [
        "Drills began.\n\nShips sailed.", "2024-01-02", "1",
    ]  # fmt: skip
    assert docs.loc[1, "n"] == ""
    assert docs.loc[2, "text"] == "Talks ended.\n\nTies grew."


def test_ids_repeated_across_shards_or_missing_are_errors_on_dask_too(tmp_path):
    import dask

    for k in range(2):
        pd.DataFrame({"doc_id": ["a", f"b{k}"], "text": ["X.", "Y."]}).to_parquet(
            tmp_path / f"s{k}.parquet"
        )
    with dask.config.set(scheduler="sync"), pytest.raises(
        InputError, match=r"1 doc_id value\(s\) in more than one document .*\['a'\]"
    ):  # fmt: skip
        scale.analyse(scale.load(tmp_path, engine="dask"), analyses=["sentiment"])
    with pytest.raises(InputError, match=r"duplicate doc_id values \['a'\] \(repeated across"):
        scale.load(tmp_path, engine="local")
    blank = tmp_path / "blank"
    blank.mkdir()
    pd.DataFrame({"doc_id": ["a", None], "text": ["X.", "Y."]}).to_parquet(blank / "b.parquet")
    with pytest.raises(InputError, match=r"1 row\(s\) have no id in column 'doc_id'"):
        scale.load(blank)
    with pytest.raises(ParameterError, match=r"load the corpus first"):
        scale.analyse(str(blank))


def test_to_parquet_never_empties_a_folder_of_other_files(tmp_path):
    # to_parquet(load("articles"), "articles") deleted the articles and metadata.csv
    src = tmp_path / "articles"
    src.mkdir()
    (src / "a.txt").write_text("The navies drilled.", encoding="utf-8")
    (src / "metadata.csv").write_text("doc_id,source\na,X\n", encoding="utf-8")
    docs = scale.load(src)
    with pytest.raises(ParameterError, match=r"holds files that are not Parquet shards"):
        scale.to_parquet(docs, src)
    assert sorted(p.name for p in src.iterdir()) == ["a.txt", "metadata.csv"]
    with pytest.raises(ParameterError, match=r"is a file"):
        scale.to_parquet(docs, src / "a.txt")
    # an earlier write is replaced
    shards = scale.to_parquet(docs, tmp_path / "pq")
    scale.to_parquet(docs.assign(source="Y"), shards)
    assert scale.load(shards)["source"].tolist() == ["Y"]


def test_a_corrupt_parquet_shard_is_named_and_skipped_on_request(tmp_path):
    # a shard cut short while copying failed with pyarrow's ArrowInvalid, and
    # on_error="skip" did not skip it
    folder = tmp_path / "shards"
    folder.mkdir()
    pd.DataFrame({"doc_id": ["a"], "text": ["The navies drilled."]}).to_parquet(
        folder / "p1.parquet"
    )
    good = (folder / "p1.parquet").read_bytes()
    (folder / "p2.parquet").write_bytes(good[: len(good) // 2])
    with pytest.raises(InputError, match=r"p2\.parquet: not a readable Parquet file"):
        corpus.load(folder)
    with pytest.warns(FramelensWarning, match=r"skipped .*p2\.parquet: not a readable"):
        docs = corpus.load(folder, on_error="skip")
    assert docs["doc_id"].tolist() == ["a"]
    assert [s["path"] for s in docs.attrs["skipped"]] == [str(folder / "p2.parquet")]


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_metadata_columns_of_any_shard_or_line_are_kept(tmp_path, engine):
    # the column list came from the first shard's header (a JSONL's first line) only:
    # `outlet` and `region`, present later, vanished and group_by refused them
    jl = tmp_path / "jl"
    jl.mkdir()
    (jl / "day1.jsonl").write_text(
        '{"id": "a", "text": "Drills began."}\n'
        '{"id": "b", "text": "Ships sailed.", "outlet": "TASS"}\n', encoding="utf-8"
    )  # fmt: skip
    (jl / "day2.jsonl").write_text(
        '{"id": "c", "text": "Jets flew.", "lang": "en"}\n', encoding="utf-8"
    )
    csvs = tmp_path / "csv"
    csvs.mkdir()
    (csvs / "a.csv").write_text("doc_id,text\na,Drills began.\n", encoding="utf-8")
    (csvs / "b.csv").write_text("doc_id,text,region\nb,Ships sailed.,Asia\n", encoding="utf-8")
    for pattern, want in ((jl / "*.jsonl", {"outlet": ["", "TASS", ""], "lang": ["", "", "en"]}),
                          (csvs / "*.csv", {"region": ["", "Asia"]})):  # fmt: skip
        docs = scale.compute(scale.load(str(pattern), engine=engine, id_column="id"
                                        if "jsonl" in str(pattern) else "doc_id"))  # fmt: skip
        docs = docs.sort_values("doc_id").reset_index(drop=True)
        for column, values in want.items():
            assert docs[column].tolist() == values, (pattern, column)


def test_shards_with_a_byte_order_mark_keep_their_ids(tmp_path):
    # a BOM (R, Excel) hid the header's first name: ids were renumbered "s0-x00" and a
    # bogus empty doc_id column appeared
    for name, doc in (("s0.jsonl", "x00"), ("s1.jsonl", "x10")):
        body = "\ufeff" + json.dumps({"doc_id": doc, "text": "Drills began."}) + "\n"
        (tmp_path / name).write_text(body, encoding="utf-8")
    (tmp_path / "c0.csv").write_text('\ufeff"doc_id","text"\n"id1","Jets flew."\n', "utf-8")
    (tmp_path / "c1.csv").write_text('\ufeff"doc_id","text"\n"id2","Jets left."\n', "utf-8")
    for engine in ("local", "dask"):
        docs = scale.compute(scale.load(str(tmp_path / "*.jsonl"), engine=engine))
        assert sorted(docs["doc_id"]) == ["x00", "x10"]
        docs = scale.compute(scale.load(str(tmp_path / "*.csv"), engine=engine))
        assert sorted(docs["doc_id"]) == ["id1", "id2"]
        assert list(docs.columns) == ["doc_id", "title", "source", "published", "url", "text"]


def test_txt_ids_made_safe_are_the_same_on_both_engines(tmp_path):
    # "a b.txt" and "a-b.txt" in two partitions were both "a-b" on Dask (the check of
    # duplicate ids then failed notebook 02); the local engine keeps them apart
    for name in ("a b", "a-b", "c"):
        (tmp_path / f"{name}.txt").write_text(f"Text of {name}.", encoding="utf-8")
    local = scale.load(tmp_path)
    lazy = scale.load(tmp_path, engine="dask", files_per_partition=1)
    assert lazy.npartitions == 3
    on_dask = scale.compute(lazy).sort_values("doc_id").reset_index(drop=True)
    assert on_dask["doc_id"].tolist() == local["doc_id"].tolist()
    assert len(set(local["doc_id"])) == 3
