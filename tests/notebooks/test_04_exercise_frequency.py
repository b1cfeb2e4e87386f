"""04_exercise_frequency through the real runner: the seed's tables, and a backwards range."""

from __future__ import annotations

import pandas as pd
import pytest

from ..conftest import SEEDS

pytestmark = pytest.mark.notebook


def _read(out, name):
    return pd.read_csv(out / "tables" / f"{name}.csv", keep_default_na=False)


def test_seed_tables_and_figure(run_notebook):
    out = run_notebook("04_exercise_frequency", SEEDS)
    found = _read(out, "exercise_mentions")
    assert found["kind"].value_counts().to_dict() == {"generic": 16, "reference": 8, "claim": 3}
    assert set(found["sentence_kind"]) == {"prose"}  # include_embeds = False by default
    refs = found[found.kind == "reference"]
    assert refs[["mention", "type", "family", "event_year", "record_event"]].values.tolist() == [
        ["joint naval and air exercises", "described_exercise", "Northern/Interaction", "2024",
         "Northern/Interaction|2024|2024-09-10"],
        ["Northern/Interaction-2024", "named_exercise", "Northern/Interaction", "2024",
         "Northern/Interaction|2024|2024-09-10"],
        ["joint patrols", "naval_patrol", "Joint Naval Patrol", "2024", "Joint Naval Patrol|2024|"],
        ["previous joint exercises", "described_exercise", "", "", ""],  # a plural: no year
        ["Northern/Interaction-2023", "named_exercise", "Northern/Interaction", "2023",
         "Northern/Interaction|2023|2023-07-20"],
        ["Northern/Interaction", "named_exercise", "Northern/Interaction", "2024",
         "Northern/Interaction|2024|2024-09-10"],
        ["Ocean-2024", "named_exercise", "Ocean", "2024", "Ocean|2024|2024-09-10"],
        ["joint military exercises", "described_exercise", "", "2024", ""],
    ]  # fmt: skip
    assert refs["date_rule"].iloc[0] == 'relative:"this month" → 2024-09 (published 2024-09-10)'
    # each article's cut, saved with where it came from
    cuts = _read(out, "document_cuts")
    assert cuts[["cut", "cut_source", "flagged"]].values.tolist() == [
        ["2024-09-10", "the latest date of an embedded post", False]
    ]
    assert set(found["cut"]) == {"2024-09-10"}

    # the chart's record is cut at the (latest) article's date: the 29 Nov 2024 air patrol
    # is left out of the 2024 bar; the chart runs to year_end (2026), later years empty
    per_year = _read(out, "events_per_year")
    assert len(per_year) == 22 * 6 and per_year["n"].sum() == 49
    assert per_year.groupby("year")["n"].sum().loc[[2005, 2019, 2024, 2025]].tolist() == [
        1, 5, 7, 0,
    ]  # fmt: skip
    assert "2024-11-29" not in ";".join(per_year["names"])

    # the trend stops at the last complete year before the article (2023), and says so
    fits = _read(out, "exercise_trend")
    assert fits["window"].tolist() == ["2005-2023", "2018-2023"]
    assert set(fits["window_note"]) == {
        "trend window 2005-2023: the article appeared in 2024, a year not yet complete."
    }
    full, recent = fits.iloc[0], fits.iloc[1]
    assert (round(full["rate_ratio"], 3), round(full["ci_low"], 3), round(full["ci_high"], 3)) == (
        1.156, 1.083, 1.234,
    )  # fmt: skip
    assert str(full["supports_growth"]) == "True"
    assert (round(recent["rate_ratio"], 2), round(recent["ci_low"], 2)) == (1.19, 0.94)
    assert str(recent["supports_growth"]) == "False"

    claims = _read(out, "claims")
    assert claims[["claim_type", "claimed", "status"]].values.tolist() == [
        ["place", "Pacific Ocean", "supported"],
        ["named_year", "2024", "supported"],
        ["place", "Sea of Japan; Sea of Okhotsk", "supported"],
        ["frequency", "growing", "not supported"],  # 'in recent years': 2018-2023
        ["place", "Pacific Ocean", "supported"],
        ["ordinal", "5", "supported"],
        ["named_year", "2023", "supported"],
        ["place", "Sea of Japan", "supported"],
        ["frequency", "growing", "supported"],
        ["named_year", "2024", "supported"],
    ]
    assert set(claims["record_until"]) == set(claims["cut"]) == {"2024-09-10"}
    assert set(claims["trend_window"]) == set(fits["window_note"])
    assert "The verdict depends on the window" in claims.loc[3, "reason"]
    # every claim's evidence is a span of the article
    text = (SEEDS / "china-russia-joint-exercises.txt").read_text(encoding="utf-8")
    for r in claims.itertuples():
        assert r.sentence.find(text[r.start : r.end]) >= 0
    scale = _read(out, "scale_exercise_mentions")
    # the engine counts the same scope as the sections (prose only by default)
    assert scale["n"].sum() == len(found) == 27
    counts = _read(out, "exercise_mention_counts")
    assert counts.loc[counts.canonical_name == "drill", "n"].sum() == 7
    assert (out / "figures" / "exercise_frequency.png").stat().st_size > 20_000
    svg = (out / "figures" / "exercise_frequency.svg").read_text(encoding="utf-8")
    assert svg.count("<path") > 100


def test_corpus_without_exercises_still_draws_the_record(run_notebook, tmp_path_factory):
    d = tmp_path_factory.mktemp("no-exercises")
    (d / "talks.txt").write_text(
        "Trade talks resumed in Beijing on Monday.\n\nOfficials discussed grain exports.",
        encoding="utf-8",
    )
    out = run_notebook("04_exercise_frequency", d)
    assert _read(out, "exercise_mentions").empty
    assert _read(out, "claims").empty
    assert list(_read(out, "claims").columns[:5]) == [
        "doc_id",
        "sent_id",
        "start",
        "end",
        "claim_type",
    ]
    # no date: the whole record is charted (2005-2026, 56 events), still counted
    assert _read(out, "events_per_year")["n"].sum() == 56
    assert _read(out, "document_cuts")["flagged"].tolist() == [True]
    svg = (out / "figures" / "exercise_frequency.svg").read_text(encoding="utf-8")
    assert svg.count("<path") > 100


def test_backwards_year_range_is_refused_before_any_kernel(tmp_path):
    from framelens import pipeline
    from framelens.errors import ParameterError

    with pytest.raises(ParameterError) as err:
        pipeline.run(
            SEEDS,
            tmp_path / "run",
            only=["04_exercise_frequency"],
            params={"year_start": 2024, "year_end": 2005},
            jobs=1,
            progress=False,
        )
    assert str(err.value).startswith(
        "04_exercise_frequency: `year_start` (2024) is after `year_end` (2005): "
        "the year range is empty"
    )
    assert not (tmp_path / "run").exists()


def test_a_researchers_own_event_table_of_another_kind(tmp_path, capsys):
    """Quad summits, not China-Russia drills: the table's names are found, its domain
    'summit' is its own (a warning once, before any kernel), the trend starts at its
    first year, and the claims do not speak of China and Russia."""
    from framelens import pipeline

    corpus_dir = tmp_path / "summits"
    corpus_dir.mkdir()
    (corpus_dir / "a.txt").write_text(
        "The Quad Leaders' Summit 2024 opened in Wilmington on Saturday.\n\n"
        "It was the fourth Quad Leaders' Summit held in person.",
        encoding="utf-8",
    )
    (corpus_dir / "metadata.csv").write_text("doc_id,published\na,2024-09-21\n", encoding="utf-8")
    table = tmp_path / "summits.csv"
    # the edition column numbers the summits from the first: "the fourth" can be checked
    # (a table that may start partway through its series leaves an ordinal not checkable)
    rows = ["name,year,start_date,end_date,domain,location,participants,source,source_title,"
            "notes,edition"]  # fmt: skip
    for k, (year, place) in enumerate([(2021, "Washington"), (2022, "Tokyo"),
                                       (2023, "Hiroshima"), (2024, "Wilmington")], 1):  # fmt: skip
        parties = "United States; Japan; India; Australia"
        rows.append(f"Quad Leaders' Summit,{year},{year}-09-21,,summit,{place},{parties},"
                    f"https://example.org/{year},,,{k}")  # fmt: skip
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = pipeline.run(corpus_dir, tmp_path / "out", only=["04_exercise_frequency"], jobs=1,
                          progress=False, params={"events_path": str(table)})  # fmt: skip
    assert [r.status for r in result.notebooks] == ["ok"]
    err = capsys.readouterr().err
    assert err.count("domain(s) ['summit'] are not among the shipped ones") == 1
    out = tmp_path / "out"
    found = _read(out, "exercise_mentions")
    named = found[found["type"] == "named_exercise"]
    assert set(named["family"]) == {"Quad Leaders' Summit"}
    assert "Quad Leaders' Summit|2024|2024-09-21" in set(named["record_event"])
    per_year = _read(out, "events_per_year")
    assert per_year.loc[per_year["domain"] == "summit", "n"].sum() == 4
    claims = _read(out, "claims").set_index("claim_type")
    assert claims.loc["ordinal", "status"] == "supported"  # the fourth: 2021-2024
    assert "China" not in claims.to_string()
    executed = (out / "notebooks" / "04_exercise_frequency.ipynb").read_text(encoding="utf-8")
    # year_start 0: the chart and the trend start at the table's own first year
    assert "trend window 2021-2023" in executed
    assert per_year["year"].min() == 2021 and set(per_year["domain"]) == {"summit"}
    svg = (out / "figures" / "exercise_frequency.svg").read_text(encoding="utf-8")
    assert svg.count("<path") > 50
