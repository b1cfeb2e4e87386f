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
    assert found["kind"].value_counts().to_dict() == {"generic": 16, "named": 4, "claim": 3}
    assert set(found["sentence_kind"]) == {"prose"}  # include_embeds = False by default
    named = found[found.kind == "named"]
    assert named[["mention", "canonical_name", "year", "matched"]].values.tolist() == [
        ["Northern/Interaction-2024", "Northern/Interaction", "2024", True],
        ["Northern/Interaction-2023", "Northern/Interaction", "2023", True],
        ["Northern/Interaction", "Northern/Interaction", "", False],  # no year: empty
        ["Ocean-2024", "Ocean", "2024", True],
    ]

    # the record is cut at the publication date (2024-09-10, the embeds' date): the
    # 29 Nov 2024 air patrol is left out of the 2024 bar and of the fits
    per_year = _read(out, "events_per_year")
    assert len(per_year) == 20 * 6 and per_year["n"].sum() == 49
    assert per_year.groupby("year")["n"].sum().loc[[2005, 2019, 2024]].tolist() == [1, 5, 7]
    assert "2024-11-29" not in ";".join(per_year["names"])

    fits = _read(out, "exercise_trend")
    assert fits["window"].tolist() == ["2005-2024", "2019-2024"]
    full, recent = fits.iloc[0], fits.iloc[1]
    assert (round(full["rate_ratio"], 3), round(full["ci_low"], 3), round(full["ci_high"], 3)) == (
        1.156,
        1.09,
        1.226,
    )
    assert str(full["supports_growth"]) == "True"
    assert (round(recent["rate_ratio"], 2), round(recent["ci_low"], 2)) == (1.14, 0.92)
    assert str(recent["supports_growth"]) == "False"

    claims = _read(out, "claims")
    assert claims[["claim_type", "mention", "status"]].values.tolist() == [
        ["named_year", "Northern/Interaction-2024", "supported"],
        ["location", "Sea of Japan", "supported"],
        ["location", "Sea of Okhotsk", "supported"],
        ["frequency", "pattern of increased", "not supported"],  # 'in recent years': 2019-2024
        ["ordinal", "fifth such instance", "supported"],
        ["named_year", "Northern/Interaction-2023", "supported"],
        ["location", "Sea of Japan", "supported"],
        ["frequency", "growing frequency", "supported"],
        ["named_year", "Ocean-2024", "supported"],
        ["named_no_year", "Northern/Interaction", "not checkable"],
    ]
    assert set(claims["record_until"]) == {"2024-09-10"}
    assert "The verdict depends on the window" in claims.loc[3, "reason"]
    scale = _read(out, "scale_exercise_mentions")
    # the engine counts the same scope as the sections (prose only by default)
    assert scale["n"].sum() == len(found) == 23
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
    assert list(_read(out, "claims").columns[:3]) == ["doc_id", "sent_id", "claim_type"]
    assert _read(out, "events_per_year")["n"].sum() == 50  # the record is still counted
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
