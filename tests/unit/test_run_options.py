"""Options as a researcher gives them: typed text, one config for every --only, its paths."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from framelens import cli, gazetteer, pipeline
from framelens.errors import InputError, ParameterError


def _cli_params(raw: dict[str, str]) -> dict:
    return dict(cli._param([k, v]) for k, v in raw.items())


def test_text_parameters_keep_what_was_typed():
    # YAML had read "0123" as the octal 83, "2024.10" as 2024.1, "12:30" as 750 minutes,
    # "2023-11-20" as a date and "no" as False
    raw = {"keyness_target": "0123", "kwic_pattern": "no", "top_n": "5",
           "period": "2023-11-20", "group_by": "12:30"}  # fmt: skip
    books = pipeline.find_notebooks(["01"])
    plan = pipeline._plan(books, _cli_params(raw), pipeline.load_config(None), raw)
    got = plan["01_text_stats"]
    assert {k: got[k] for k in raw} == {
        "keyness_target": "0123", "kwic_pattern": "no", "top_n": 5,
        "period": "2023-11-20", "group_by": "12:30",
    }  # fmt: skip


def test_one_config_serves_every_only(tmp_path):
    cfg = tmp_path / "run.yaml"
    cfg.write_text(
        "parameters:\n  group_by: source\n  top_n: 10\n"
        "notebooks:\n  01_text_stats:\n    ngram_n: 3\n"
    )
    plan = pipeline._plan(pipeline.find_notebooks(["04"]), {}, pipeline.load_config(cfg))
    assert list(plan) == ["04_exercise_frequency"]
    assert "group_by" not in plan["04_exercise_frequency"]
    # a parameter no notebook declares is still refused, with the closest name
    with pytest.raises(ParameterError, match=r"unknown parameter 'grup_by' \(did you mean"):
        pipeline._plan(pipeline.find_notebooks(["04"]), {"grup_by": "x"}, {"parameters": {},
                       "notebooks": {}})  # fmt: skip
    # a notebook of the config that this run leaves out is still checked
    bad = tmp_path / "bad.yaml"
    bad.write_text("notebooks:\n  01_text_stats:\n    top_n: many\n")
    with pytest.raises(ParameterError, match="01_text_stats.*top_n"):
        pipeline._plan(pipeline.find_notebooks(["04"]), {}, pipeline.load_config(bad))
    with pytest.raises(ParameterError, match=r"names notebook '09_nothing'"):
        other = tmp_path / "other.yaml"
        other.write_text("notebooks:\n  09_nothing:\n    top_n: 3\n")
        pipeline._plan(pipeline.find_notebooks(["04"]), {}, pipeline.load_config(other))


def test_paths_in_a_config_start_from_its_folder(tmp_path, monkeypatch):
    (tmp_path / "cfg").mkdir()
    (tmp_path / "inputs").mkdir()
    cfg = tmp_path / "cfg" / "run.yaml"
    cfg.write_text(
        "parameters:\n  dictionary: ../inputs/frames.yaml\n  labels_path: ../inputs/l.csv\n"
        "  group_by: source\n"
        "notebooks:\n  04_exercise_frequency:\n    events_path: ../inputs/events.csv\n"
    )
    monkeypatch.chdir(Path("/"))  # the command runs elsewhere
    config = pipeline.load_config(cfg)
    inputs = (tmp_path / "inputs").resolve()
    assert config["parameters"]["dictionary"] == str(inputs / "frames.yaml")
    assert config["parameters"]["labels_path"] == str(inputs / "l.csv")
    assert config["parameters"]["group_by"] == "source"
    assert config["notebooks"]["04_exercise_frequency"]["events_path"] == str(inputs / "events.csv")


def test_period_without_group_by_is_refused_before_any_kernel():
    docs = pd.DataFrame({"doc_id": ["a"], "text": ["A story."], "published": ["2024-01-02"]})
    books = [pipeline.NOTEBOOKS_DIR / "01_text_stats.ipynb"]
    with pytest.raises(ParameterError, match=r"01_text_stats: `period` 'month' .* no `group_by`"):
        pipeline._preflight_checks(books, {books[0].stem: {"period": "month"}}, docs)


@pytest.mark.parametrize(
    ("aliases", "why"),
    [
        (3, r"got 3, a number: an alias is text"),
        (["Tuvalu", True], r"got True, which YAML reads from yes, no"),
        ([["a"]], r"a nested list or mapping"),
    ],
)
def test_extra_actors_that_yaml_read_as_other_things_are_named(aliases, why):
    with pytest.raises(InputError, match=rf"entry 1 \('Tuvalu'\): aliases must be names .*{why}"):
        gazetteer.load_gazetteer({"Tuvalu": aliases})


def test_a_missing_dictionary_names_the_yaml_files_beside_it(tmp_path):
    from framelens import framing

    (tmp_path / "frames_climate.yaml").write_text("name: c\ncategories:\n  a: [b]\n")
    with pytest.raises(ParameterError, match=r"has \['frames_climate.yaml'\] \(did you mean"):
        framing.load_dictionary(tmp_path / "frames_climat.yaml")
    with pytest.raises(ParameterError) as caught:
        framing.load_dictionary(tmp_path / "frames_climat.yaml")
    assert "relative paths start from" not in str(caught.value)  # it was absolute


def test_a_labels_file_that_is_not_a_comma_csv_is_named(tmp_path):
    from framelens import framing

    with pytest.raises(ParameterError, match=r"is a folder: name the CSV file of labels"):
        framing.load_labels(tmp_path)
    semi = tmp_path / "labels.csv"
    semi.write_text("doc_id;sent_id;threat\na;0;1\n")
    with pytest.raises(InputError, match=r"labels\.csv: one column .* ';'-delimited"):
        framing.load_labels(semi)
    ragged = tmp_path / "ragged.csv"
    ragged.write_text("doc_id,sent_id\na,0\nb,1,1,1\n")
    with pytest.raises(InputError, match=r"ragged\.csv: not a readable CSV of labels"):
        framing.load_labels(ragged)


def test_a_bad_kwic_pattern_is_refused_before_any_kernel_by_its_own_name():
    docs = pd.DataFrame({"doc_id": ["a"], "text": ["Drills began."]})
    books = [pipeline.NOTEBOOKS_DIR / "01_text_stats.ipynb"]
    plan = {books[0].stem: {"kwic_mode": "regex", "kwic_pattern": "(drill"}}
    with pytest.raises(ParameterError, match=r"`kwic_pattern` '\(drill' is not a valid regular"):
        pipeline._preflight_checks(books, plan, docs)
    with pytest.raises(ParameterError, match=r"`kwic_pattern` must not be empty"):
        pipeline._preflight_checks(books, {books[0].stem: {"kwic_pattern": " "}}, docs)


def test_a_semicolon_event_table_says_so(tmp_path):
    from framelens import events

    p = tmp_path / "events.csv"
    p.write_text(
        "name;year;start_date;end_date;domain;location;participants;source;source_title;notes\n"
        "COP;2021;2021-10-31;;summit;Glasgow;UN;https://unfccc.int;;\n"
    )
    with pytest.raises(InputError, match=r"It looks ';'-delimited: save it with commas"):
        events.load_events(p)


def test_a_keyness_target_that_is_no_group_is_refused_before_any_kernel():
    docs = pd.DataFrame({"doc_id": list("abc"), "text": ["A story."] * 3,
                         "source": ["TASS", "Xinhua", "TASS"]})  # fmt: skip
    docs.attrs["whole_corpus"] = True
    books = [pipeline.NOTEBOOKS_DIR / "01_text_stats.ipynb"]
    plan = {books[0].stem: {"group_by": "source", "keyness_target": "Tass"}}
    with pytest.raises(ParameterError, match=r"`keyness_target` 'Tass' is not a group .*'TASS'"):
        pipeline._preflight_checks(books, plan, docs)
    plan = {books[0].stem: {"group_by": "source", "keyness_target": "TASS"}}
    pipeline._preflight_checks(books, plan, docs)
    # the first shard of a glob is not the corpus: its groups are not all the groups
    docs.attrs.pop("whole_corpus")
    plan = {books[0].stem: {"group_by": "source", "keyness_target": "Reuters"}}
    pipeline._preflight_checks(books, plan, docs)


def test_a_labels_file_is_checked_before_any_kernel(tmp_path):
    bad = tmp_path / "labels.csv"
    bad.write_text("doc_id,sentence,threat\na,0,1\n")
    docs = pd.DataFrame({"doc_id": ["a"], "text": ["Tensions rose."]})
    books = [pipeline.NOTEBOOKS_DIR / "03_framing.ipynb"]
    with pytest.raises(InputError, match=r"03_framing: .*labels\.csv: needs a 'sent_id' column"):
        pipeline._preflight_checks(books, {books[0].stem: {"labels_path": str(bad)}}, docs)
    typo = tmp_path / "typo.csv"
    typo.write_text("doc_id,sent_id,thraet\na,0,1\n")
    with pytest.raises(InputError, match=r"column 'thraet' is not a frame .*did you mean 'threat'"):
        pipeline._preflight_checks(books, {books[0].stem: {"labels_path": str(typo)}}, docs)
