"""events: the sourced event table, mentions, yearly counts, the trend and the claim check."""

from __future__ import annotations

import csv
import datetime as dt
import math
import re

import numpy as np
import pandas as pd
import pytest
from scipy import optimize

from framelens import corpus, events
from framelens.errors import InputError, ParameterError
from framelens.resources import data_path

DOC = "china-russia-joint-exercises"


@pytest.fixture(scope="module")
def table():
    return events.load_events()


@pytest.fixture(scope="module")
def seed_mentions(seeds_sentences, seeds_documents, table):
    return events.mentions(seeds_sentences, events=table, documents=seeds_documents)


def _sentences(*texts, doc="d", para=None):
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    return pd.DataFrame(
        {
            "doc_id": [doc] * len(texts),
            "para_id": para if para is not None else list(range(len(texts))),
            "sent_id": list(range(len(texts))),
            "start": starts,
            "end": [s + len(t) for s, t in zip(starts, texts, strict=True)],
            "text": list(texts),
            "kind": ["prose"] * len(texts),
        }
    )


def _write(tmp_path, rows, header=None):
    path = tmp_path / "events.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header or events.EVENT_COLUMNS)
        w.writerows(rows)
    return path


GOOD = ["Joint Sea", "2012", "2012-04-22", "2012-04-27", "naval", "Yellow Sea", "China; Russia",
        "https://example.org/a", "A page", ""]  # fmt: skip


# ---------------------------------------------------------------------------------------
# the shipped table


def test_shipped_table_schema_domains_and_sources(table):
    with data_path("exercises.csv").open(encoding="utf-8") as f:
        raw = list(csv.reader(f))
    assert raw[0] == events.EVENT_COLUMNS  # exactly these columns, in this order
    # 56 since the audit of issue 14 (EXERCISES.md): Mosi 2026 ("Will for Peace 2026")
    # and the 11th joint air patrol (June 2026) were added; it was 54 before
    assert len(table) == 56
    assert set(table["domain"]) == set(events.DOMAINS)
    assert table["source"].str.match(r"https?://\S+$").all()
    assert (table["source_title"].str.len() > 3).all()
    for col in ("start_date", "end_date"):
        filled = table.loc[table[col] != "", col]
        assert filled.str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    both = table[(table.start_date != "") & (table.end_date != "")]
    assert (both.end_date >= both.start_date).all()
    starts = table[table.start_date != ""]
    assert (starts.start_date.str[:4].astype(int) == starts.year).all()
    # every empty date says in notes why
    undated = table[table.start_date == ""]
    assert undated["notes"].str.contains("not stated|not found|empty", regex=True).all()


def test_shipped_table_key_rows(table):
    def row(name, year):
        return table[(table.name == name) & (table.year == year)]

    assert row("Peace Mission", 2005)[["start_date", "end_date", "domain"]].values.tolist() == [
        ["2005-08-18", "2005-08-25", "combined"]
    ]
    assert row("Vostok", 2018)["start_date"].item() == "2018-09-11"
    assert row("Ocean", 2024)[["start_date", "end_date"]].values.tolist() == [
        ["2024-09-10", "2024-09-16"]
    ]
    assert row("Northern/Interaction", 2024)["location"].item() == "Sea of Japan; Sea of Okhotsk"
    assert len(row("Joint Sea", 2015)) == len(row("Joint Sea", 2017)) == 2  # two phases
    patrols = table[table.name == "Joint Naval Patrol"]
    assert patrols["year"].tolist() == [2021, 2022, 2023, 2024, 2024, 2025]
    air = table[table.name == "Joint Strategic Air Patrol"]
    # the audit (issue 14) added the 11th air patrol of June 2026
    assert air["year"].tolist() == [2019, 2020, 2021, 2022, 2022, 2023, 2023, 2024, 2024, 2025,
                                    2026]  # fmt: skip
    assert table[table.name == "Mosi"]["year"].tolist() == [2019, 2023, 2026]
    assert table.iloc[0][["name", "year"]].tolist() == ["Peace Mission", 2005]


# ---------------------------------------------------------------------------------------
# loading a user's table: every bad input named


def test_load_user_table_and_domain_normalised(tmp_path):
    row = GOOD[:4] + ["Command-Staff"] + GOOD[5:]
    ev = events.load_events(_write(tmp_path, [GOOD, row]))
    assert ev["domain"].tolist() == ["naval", "command_staff"]
    assert ev["year"].dtype == "int64"


def test_missing_column_names_it_and_lists_present(tmp_path):
    header = [c for c in events.EVENT_COLUMNS if c != "domain"]
    path = _write(tmp_path, [GOOD[:4] + GOOD[5:]], header=header)
    with pytest.raises(
        InputError, match=r"missing column\(s\) \['domain'\]; the file has \['name'"
    ):
        events.load_events(path)


def test_bad_year_names_row_and_line(tmp_path):
    bad = ["Vostok", "20l8"] + GOOD[2:]
    bad[2] = bad[3] = ""
    path = _write(tmp_path, [GOOD, bad])
    with pytest.raises(
        InputError, match=r"row 2 \(line 3, name 'Vostok'\): year '20l8' is not a year"
    ):
        events.load_events(path)


def test_bad_date_and_end_before_start(tmp_path):
    bad_date = GOOD[:2] + ["2012-13-01"] + GOOD[3:]
    backwards = GOOD[:2] + ["2012-04-27", "2012-04-22"] + GOOD[4:]
    path = _write(tmp_path, [bad_date, backwards])
    with pytest.raises(InputError) as err:
        events.load_events(path)
    msg = str(err.value)
    assert "2 problem(s)" in msg
    assert "row 1 (line 2, name 'Joint Sea'): start_date '2012-13-01' is not a date" in msg
    assert "row 2 (line 3, name 'Joint Sea'): end_date 2012-04-22 is before start_date" in msg


def test_unknown_domain_lists_allowed_and_suggests(tmp_path):
    path = _write(tmp_path, [GOOD[:4] + ["navel"] + GOOD[5:]])
    with pytest.raises(
        InputError,
        match=r"domain 'navel' is not a domain: one of \['naval', 'air'.*did you mean 'naval'",
    ):
        events.load_events(path)


def test_missing_source_and_start_in_wrong_year(tmp_path):
    no_source = GOOD[:7] + ["", "t", ""]
    wrong_year = GOOD[:1] + ["2013"] + GOOD[2:]
    path = _write(tmp_path, [no_source, wrong_year])
    with pytest.raises(InputError) as err:
        events.load_events(path)
    assert "row 1 (line 2, name 'Joint Sea'): the source is missing" in str(err.value)
    assert "row 2 (line 3, name 'Joint Sea'): start_date 2012-04-22 is not in the year 2013" in str(
        err.value
    )


def test_no_such_file_empty_file_and_header_only(tmp_path):
    with pytest.raises(InputError, match=r"events_path '.*nope.csv': no such file"):
        events.load_events(tmp_path / "nope.csv")
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="the file is empty"):
        events.load_events(tmp_path / "empty.csv")
    with pytest.raises(InputError, match="header but no event rows"):
        events.load_events(_write(tmp_path, []))


# ---------------------------------------------------------------------------------------
# mentions


def test_seed_mentions_pinned(seed_mentions, seeds_documents):
    m = seed_mentions
    assert m["kind"].value_counts().to_dict() == {"generic": 17, "reference": 9, "claim": 3}
    refs = m[m.kind == "reference"]
    assert refs[["sent_id", "mention", "type", "family", "event_year", "date_rule",
                 "matched"]].astype(object).values.tolist() == [
        [0, "joint naval and air exercises", "described_exercise", "Northern/Interaction", 2024,
         'relative:"this month" → 2024-09 (published 2024-09-10)', True],
        [1, "Northern/Interaction-2024", "named_exercise", "Northern/Interaction", 2024,
         "named_year", True],
        [4, "joint patrols", "naval_patrol", "Joint Naval Patrol", 2024, "article_date", True],
        [5, "the joint military exercise", "described_exercise", "", 2024, "article_date",
         False],
        [8, "previous joint exercises", "described_exercise", "", pd.NA, "none", False],
        [8, "Northern/Interaction-2023", "named_exercise", "Northern/Interaction", 2023,
         "named_year", True],
        [10, "Northern/Interaction", "named_exercise", "Northern/Interaction", 2024,
         "article_date", True],
        [10, "Ocean-2024", "named_exercise", "Ocean", 2024, "named_year", True],
        [19, "joint military exercises", "described_exercise", "", 2024, "article_date", False],
    ]  # fmt: skip
    # the seed's date is the embeds' (2024-09-10); every row says which cut it used
    assert set(m["cut"]) == {"2024-09-10"}
    assert refs.loc[refs.sent_id == 1, "record_event"].item() == (
        "Northern/Interaction|2024|2024-09-10"
    )
    claims = m[m.kind == "claim"]
    assert claims[["sent_id", "mention", "type"]].values.tolist() == [
        [1, "pattern of increased", "frequency"],
        [4, "the fifth such", "ordinal"],
        [9, "growing frequency", "frequency"],
    ]
    assert claims["ordinal"].dropna().tolist() == [5]
    text = seeds_documents.set_index("doc_id").loc[DOC, "text"]
    for r in m.itertuples():
        assert text[r.start : r.end] == r.mention
        assert text[r.sent_start : r.sent_start + len(r.sentence)] == r.sentence
    assert m.loc[m.sentence_kind == "embed", "mention"].tolist() == [
        "the joint military exercise", "exercise",
    ]  # fmt: skip
    assert list(m.columns) == events.MENTION_COLUMNS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Joint Sea-2012 opened.", ("Joint Sea", 2012)),
        ("During Vostok 2018 the PLA", ("Vostok", 2018)),
        ("Peace Mission 2007 ended.", ("Peace Mission", 2007)),
        ("The North/Interaction-2023 drills", ("Northern/Interaction", 2023)),
        ("the Beibu/Interaction - 2024 exercise", ("Northern/Interaction", 2024)),
        ("Center-2019 drew troops", ("Tsentr", 2019)),
        ("Russia's Great Ocean-24 exercise", ("Ocean", 2024)),
        ("East-2022 began", ("Vostok", 2022)),
        ("ZAPAD/INTERACTION-2021 kicked off", ("Zapad/Interaction", 2021)),
        ("the Maritime Security Belt 2024 drill", ("Marine Security Belt", 2024)),
        ("Naval Cooperation 2013 was held", ("Joint Sea", 2013)),
        ("Caucasus-2020 ran", ("Kavkaz", 2020)),
    ],
)
def test_named_forms_normalise(text, expected):
    m = events.mentions(_sentences(text))
    named = m[m.type == "named_exercise"]
    assert [(r.family, int(r.name_year)) for r in named.itertuples()] == [expected]
    assert named["matched"].all()


@pytest.mark.parametrize(
    "text",
    [
        "Ships crossed the East China Sea and the Pacific Ocean.",
        "the fifth such instance of naval cooperation in the region",
        "the Center for Strategic Studies said",
        "In 2024 the ocean was calm.",
    ],
)
def test_ordinary_words_are_not_named_exercises(text):
    assert events.mentions(_sentences(text)).query("type == 'named_exercise'").empty


def test_named_without_year_and_unmatched_year():
    m = events.mentions(_sentences("The Joint Sea drills resumed.", "Joint Sea-2018 was big."))
    named = m[m.type == "named_exercise"]
    assert named["name_year"].astype(object).tolist() == [pd.NA, 2018]
    assert named["matched"].tolist() == [False, False]  # no date; no Joint Sea in 2018
    assert named["link_evidence"].tolist() == [
        "no year: a series or an undated reference, not one event.",
        "no Joint Sea in 2018 in the record.",
    ]


def test_generic_terms_and_claims():
    m = events.mentions(
        _sentences(
            "War games, wargames, live-fire manoeuvres and maneuvers.",
            "It was the third joint patrol and, for the first time, the 10th joint air patrol.",
            "Drills grew more frequent.",
        )
    )
    gen = m[m.kind == "generic"]
    assert gen["canonical_name"].tolist() == [
        "war game", "war game", "live-fire", "manoeuvre", "manoeuvre", "patrol", "patrol", "drill",
    ]  # fmt: skip
    refs = m[m.kind == "reference"]
    assert refs[["mention", "type", "ordinal"]].astype(object).values.tolist() == [
        ["the third joint patrol", "naval_patrol", 3],
        ["the 10th joint air patrol", "air_patrol", 10],
    ]
    claims = m[m.kind == "claim"]
    assert claims[["mention", "type"]].values.tolist() == [
        ["the third joint patrol", "ordinal"],
        ["for the first time", "first_time"],
        ["the 10th joint air patrol", "ordinal"],
        ["more frequent", "frequency"],
    ]
    assert claims["ordinal"].astype(object).tolist() == [3, 1, 10, pd.NA]


def test_mentions_on_partitions_equal_the_whole():
    a = _sentences("Vostok 2018 drills.", "The third joint patrol.", doc="a")
    b = _sentences("Peace Mission 2007 and live-fire drills.", doc="b")
    c = _sentences("Nothing here.", doc="c")
    dates = {"a": "2019-01-02", "b": "2020-03-04", "c": ""}
    whole = events.mentions(pd.concat([a, b, c], ignore_index=True), documents=dates)
    parts = pd.concat([events.mentions(x, documents=dates) for x in (a, b, c)],
                      ignore_index=True)  # fmt: skip
    pd.testing.assert_frame_equal(whole, parts)
    counts = pd.concat([events.mention_counts(events.mentions(x, documents=dates))
                        for x in (a, b, c)])  # fmt: skip
    pd.testing.assert_frame_equal(
        events.total_counts(counts.reset_index(drop=True)),
        events.total_counts(events.mention_counts(whole)),
    )


def test_empty_and_no_mention_input():
    empty = _sentences("x").iloc[0:0]
    m = events.mentions(empty)
    assert m.empty and list(m.columns) == events.MENTION_COLUMNS
    assert events.mention_counts(m).empty
    none = events.mentions(_sentences("Trade talks resumed in Beijing."))
    assert none.empty
    assert events.highlights(none, events.load_events()).empty
    assert events.check_claims(none, events.load_events()).empty


def test_bad_sentences_frame_is_a_parameter_error():
    with pytest.raises(ParameterError, match=r"lacks the column\(s\) \['start'\]"):
        events.mentions(pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "text": ["x"]}))


def test_counts_per_paragraph_and_document(seed_mentions):
    per_para = events.mention_counts(seed_mentions)
    drills = per_para[(per_para.kind == "generic") & (per_para.canonical_name == "drill")]
    assert drills[["para_id", "n"]].values.tolist() == [
        [0, 1],
        [1, 2],
        [3, 1],
        [4, 1],
        [7, 1],
        [9, 1],
    ]
    per_doc = events.mention_counts(seed_mentions, by="document")
    gen = per_doc[per_doc.kind == "generic"].set_index("canonical_name")["n"].to_dict()
    assert gen == {"drill": 7, "exercise": 8, "live-fire": 1, "patrol": 1}
    totals = events.total_counts(per_doc)
    assert totals.iloc[0][["kind", "canonical_name", "n", "n_docs"]].tolist() == [
        "claim", "frequency", 2, 1,
    ]  # fmt: skip
    named = totals[(totals.kind == "reference") & (totals.canonical_name == "Northern/Interaction")]
    assert named[["event_year", "n"]].astype(object).values.tolist() == [[2024, 3], [2023, 1]]


# ---------------------------------------------------------------------------------------
# yearly counts and the trend


def test_events_per_year_tidy_with_zeros(table):
    t = events.events_per_year(table, 2005, 2024)
    assert list(t.columns) == events.PER_YEAR_COLUMNS
    assert len(t) == 20 * 6
    totals = t.groupby("year")["n"].sum()
    assert int(totals.sum()) == 50
    assert totals.loc[[2005, 2006, 2019, 2024]].tolist() == [1, 0, 5, 8]
    cell = t[(t.year == 2024) & (t.domain == "patrol")]
    assert cell[["n", "names"]].values.tolist() == [
        [2, "Joint Naval Patrol 2024; Joint Naval Patrol 2024"]
    ]
    naval = events.events_per_year(table, 2012, 2013, domains=["naval"])
    assert naval[["year", "n"]].values.tolist() == [[2012, 1], [2013, 1]]


@pytest.mark.parametrize(
    ("a", "b", "pattern"),
    [
        (
            2024,
            2005,
            r"`year_start` \(2024\) is after `year_end` \(2005\): the year range is empty",
        ),
        (1800, 2005, r"`year_start` must be between 1900 and 2100, but 1800"),
        ("2005", 2024, r"`year_start` must be a whole number"),
    ],
)
def test_year_range_errors(table, a, b, pattern):
    with pytest.raises(ParameterError, match=pattern):
        events.events_per_year(table, a, b)


def test_unknown_domain_filter(table):
    with pytest.raises(ParameterError, match=r"`domains` must be one of \['naval'"):
        events.events_per_year(table, 2005, 2024, domains=["sea"])
    with pytest.raises(ParameterError, match=r"`domains` must name at least one"):
        events.events_per_year(table, 2005, 2024, domains=[])


def test_claims_need_the_table_columns(seed_mentions, table):
    with pytest.raises(ParameterError, match=r"`events` lacks the column\(s\) \['location'\]"):
        events.check_claims(seed_mentions, table.drop(columns="location"))


def _poisson_reference(years, counts):
    """Independent fit: maximise the Poisson log-likelihood with scipy."""
    x = np.asarray(years, float) - np.mean(years)
    y = np.asarray(counts, float)

    def nll(b):
        eta = b[0] + b[1] * x
        return float(np.sum(np.exp(eta) - y * eta))

    res = optimize.minimize(nll, x0=[np.log(y.mean()), 0.0], method="BFGS", options={"gtol": 1e-10})
    mu = np.exp(res.x[0] + res.x[1] * x)
    info = np.array([[mu.sum(), (mu * x).sum()], [(mu * x).sum(), (mu * x * x).sum()]])
    se = math.sqrt(np.linalg.inv(info)[1, 1])
    return (
        math.exp(res.x[1]),
        math.exp(res.x[1] - 1.959964 * se),
        math.exp(res.x[1] + 1.959964 * se),
    )


def test_trend_full_window_matches_an_independent_fit(table):
    per_year = events.events_per_year(table, 2005, 2024)
    fit = events.trend(per_year).iloc[0]
    totals = per_year.groupby("year")["n"].sum()
    rr, lo, hi = _poisson_reference(totals.index, totals.values)
    assert fit["rate_ratio"] == pytest.approx(rr, rel=1e-5)
    assert (fit["ci_low"], fit["ci_high"]) == pytest.approx((lo, hi), rel=1e-4)
    assert round(fit["rate_ratio"], 3) == 1.161
    assert (round(fit["ci_low"], 3), round(fit["ci_high"], 3)) == (1.095, 1.232)
    assert fit["window"] == "2005-2024" and fit["n_years"] == 20 and fit["n_events"] == 50
    assert bool(fit["supports_growth"]) is True
    assert "support 'growing frequency'" in fit["sentence"]
    assert round(fit["dispersion"], 3) == 0.363  # under-dispersed: quasi CI not widened
    assert "would not widen" in fit["note"]


def test_narrow_window_widens_the_interval(table):
    wide = events.trend(events.events_per_year(table, 2005, 2024)).iloc[0]
    narrow = events.trend(events.events_per_year(table, 2019, 2024)).iloc[0]
    assert (narrow["ci_high"] - narrow["ci_low"]) > 2 * (wide["ci_high"] - wide["ci_low"])
    assert round(narrow["rate_ratio"], 3) == 1.164
    assert bool(narrow["supports_growth"]) is False
    assert "do not establish" in narrow["sentence"]


def test_trend_too_few_years_and_no_events(table):
    two = events.trend(events.events_per_year(table, 2023, 2024)).iloc[0]
    assert math.isnan(two["rate_ratio"]) and "needs at least 3" in two["note"]
    none = events.trend(events.events_per_year(table, 1990, 2000)).iloc[0]
    assert math.isnan(none["rate_ratio"]) and "no events in the window" in none["note"]


@pytest.mark.parametrize("count", [1, 2, 5])
def test_trend_of_the_same_count_every_year_is_flat(count):
    """A perfect fit (issue 13: ``publication_year 2016`` gave 2013-2016 two events a year)."""
    per_year = pd.DataFrame({"year": range(2013, 2017), "domain": "naval", "n": count, "names": ""})
    fit = events.trend(per_year).iloc[0]
    assert fit["rate_ratio"] == pytest.approx(1.0)
    assert fit["ci_low"] < 1 < fit["ci_high"]
    assert fit["ci_low_quasi"] == fit["ci_low"] and fit["ci_high_quasi"] == fit["ci_high"]
    assert fit["supports_growth"] is False or not fit["supports_growth"]
    assert "do not establish 'growing frequency'" in fit["sentence"]


def test_overdispersion_widens_quasi_interval():
    counts = [0, 9, 0, 1, 12, 0, 2, 14, 1, 3]
    per_year = pd.DataFrame({"year": range(2010, 2020), "domain": "naval", "n": counts})
    fit = events.trend(per_year).iloc[0]
    assert fit["dispersion"] > 3
    assert fit["ci_low_quasi"] < fit["ci_low"] and fit["ci_high_quasi"] > fit["ci_high"]
    width = math.log(fit["ci_high_quasi"] / fit["ci_low_quasi"]) / math.log(
        fit["ci_high"] / fit["ci_low"]
    )
    assert width == pytest.approx(math.sqrt(fit["dispersion"]), rel=1e-6)
    assert "negative binomial" in fit["note"]


def test_growth_only_a_poisson_fit_shows_is_not_called_supported():
    # the sentence said "the data support 'growing frequency'" beside supports_growth False
    counts = [0, 5, 0, 1, 7, 0, 2, 9, 1, 0, 8, 3, 12, 0, 4, 10]
    fit = events.trend(pd.DataFrame({"year": range(2005, 2021), "n": counts})).iloc[0]
    assert fit["ci_low"] > 1 and fit["ci_low_quasi"] <= 1
    assert not fit["supports_growth"]
    assert "the data support" not in fit["sentence"]
    assert "do not establish growing frequency" in fit["sentence"]
    assert f"{fit['ci_low_quasi']:.2f}-{fit['ci_high_quasi']:.2f}" in fit["sentence"]


# ---------------------------------------------------------------------------------------
# publication year, claims, chart


def test_publication_year_sources(seeds_documents):
    assert events.publication_year(seeds_documents) == (2024, "the latest date of an embedded post")
    assert events.publication_year(seeds_documents, override=2023) == (
        2023,
        "the publication_year parameter",
    )
    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "published": ["2022-01-02", "March 2023", "2023"],
            "text": ["x"] * 3,
        }
    )
    assert events.publication_year(docs) == (2023, "the documents' published column")
    plain = pd.DataFrame({"doc_id": ["a"], "published": [""], "text": ["No embeds."]})
    assert events.publication_year(plain)[0] is None
    with pytest.raises(ParameterError, match="`publication_year` must be 0 \\(auto\\) or a year"):
        events.publication_year(plain, override=24)


def test_publication_date_sources(seeds_documents):
    assert events.publication_date(seeds_documents) == (
        "2024-09-10",
        "the latest date of an embedded post",
    )
    docs = pd.DataFrame(
        {"doc_id": ["a", "b"], "published": ["2023-05-01", "2023-11-30T08:00"], "text": ["", ""]}
    )
    assert events.publication_date(docs) == ("2023-11-30", "the documents' published column")
    assert events.publication_date(docs.assign(published=["2023-13-45", "May 2023"])) == (
        None,
        "no published dates and no embedded posts",
    )
    with pytest.raises(ParameterError, match="`documents` must be a pandas DataFrame"):
        events.publication_date([1])


def test_events_until_cuts_at_the_publication_date(table):
    cut = events.events_until(table, publication_year=2024, publication_date="2024-09-10")
    # the audited record (issue 14): the 2025 naval patrol is dated (7 Aug) and 2026 has
    # two events, so seven rows come after the seed's date (five before the audit)
    assert len(table) - len(cut) == 7
    assert cut.attrs["record_until"] == "2024-09-10"
    assert cut.attrs["left_out"] == [
        "Joint Strategic Air Patrol 2024 (2024-11-29)",
        "Marine Security Belt 2025 (2025-03-09)",
        "Joint Sea 2025 (2025-08-01)",
        "Joint Naval Patrol 2025 (2025-08-07)",
        "Joint Strategic Air Patrol 2025 (2025-12-09)",
        "Mosi 2026 (2026-01-09)",
        "Joint Strategic Air Patrol 2026 (2026-06-27)",
    ]
    assert "Joint Strategic Air Patrol 2024 (2024-11-29)" in cut.attrs["left_out"]
    assert "Joint Strategic Air Patrol 2024 (2024-07-24)" not in cut.attrs["left_out"]
    assert not (cut["year"] > 2024).any()
    # events on the publication date itself are kept (Ocean-2024 and N/I-2024 start that day)
    assert {"Ocean", "Northern/Interaction"} <= set(cut.loc[cut.year == 2024, "name"])
    # the 2024 naval patrols have no start date: kept, and named in the note
    assert cut.attrs["undated_kept"] == ["Joint Naval Patrol 2024", "Joint Naval Patrol 2024"]
    assert "2 event(s) of 2024 with no start date kept" in cut.attrs["note"]
    assert cut.attrs["note"].startswith(
        "Record cut at the publication date (2024-09-10): 7 later event(s) left out"
    )
    # only a year: the whole publication year stays
    by_year = events.events_until(table, publication_year=2024)
    assert by_year.attrs["record_until"] == "2024"
    assert len(by_year) == len(table[table.year <= 2024])
    # a date of another year is ignored; no year keeps everything
    odd = events.events_until(table, publication_year=2024, publication_date="2023-01-01")
    assert odd.attrs["record_until"] == "2024"
    whole = events.events_until(table, publication_year=None)
    assert len(whole) == len(table) and whole.attrs["record_until"] == ""


def test_recent_window():
    assert events.recent_window(2005, 2024, 2024) == (2019, 2024)
    assert events.recent_window(2005, 2030, 2024) == (2019, 2024)
    assert events.recent_window(2021, 2024, 2024) == (2021, 2024)
    assert events.recent_window(2005, 2024, None, years=10) == (2015, 2024)
    with pytest.raises(ParameterError, match="`years`"):
        events.recent_window(2005, 2024, 2024, years=1)


def test_seed_claims_cut_at_publication_and_recent_window(seed_mentions, table, seeds_documents):
    date, _ = events.publication_date(seeds_documents)
    record = events.events_until(table, publication_year=2024, publication_date=date)
    a, b, note = events.trend_window(2005, 2026, 2024)
    assert (a, b) == (2005, 2023)  # 2024 was not over when the article appeared
    fit = events.trend(events.events_per_year(record, a, b))
    recent = events.trend(events.events_per_year(record, *events.recent_window(a, b, None)))
    claims = events.check_claims(
        seed_mentions, table, publication_year=2024, publication_date=date, trend=fit,
        recent_trend=recent,
    )  # fmt: skip
    assert set(claims["record_until"]) == {"2024-09-10"}
    inc = claims[claims.mention == "pattern of increased"].iloc[0]
    assert inc["status"] == "not supported"
    assert inc["claim"] == "frequency claim: 'pattern of increased' (in recent years)"
    assert inc["deciding_rows"].startswith("recent window yearly counts 2018-2023: rate ratio 1.19")
    assert "| full window yearly counts 2005-2023: rate ratio 1.16" in inc["deciding_rows"]
    assert "The verdict depends on the window: over 2005-2023 the data do support" in inc["reason"]
    assert claims[claims.mention == "growing frequency"]["status"].item() == "supported"
    assert int(fit["n_events"].item()) == 42
    fifth = claims[claims.claim_type == "ordinal"].iloc[0]
    assert fifth["status"] == "supported"
    assert fifth["reason"] == (
        "the fifth in the record is Joint Naval Patrol 2024, the event referred to."
    )
    # the ninth air patrol (29 Nov 2024) came after the article
    m = events.mentions(_sentences("It was the ninth joint strategic air patrol by bombers."),
                        documents={"d": date})  # fmt: skip
    c = events.check_claims(m, table, publication_year=2024, publication_date=date)
    assert c["status"].tolist() == ["not supported"]
    assert c["reason"].item() == (
        "the record has only 8 Joint Strategic Air Patrol event(s) up to 2024-09-10."
    )


def test_seed_claims_pinned(seed_mentions, table):
    fit = events.trend(events.events_per_year(table, 2005, 2023))
    claims = events.check_claims(seed_mentions, table, publication_year=2024, trend=fit)
    assert claims[["sent_id", "claim_type", "mention", "claimed", "status"]].values.tolist() == [
        [0, "place", "joint naval and air exercises", "Pacific Ocean", "supported"],
        [1, "named_year", "Northern/Interaction-2024", "2024", "supported"],
        [1, "place", "Northern/Interaction-2024", "Sea of Japan; Sea of Okhotsk", "supported"],
        [1, "frequency", "pattern of increased", "growing", "supported"],
        [4, "place", "joint patrols", "Pacific Ocean", "supported"],
        [4, "ordinal", "the fifth such", "5", "supported"],
        [5, "place", "the joint military exercise", "North Pacific", "not checkable"],
        [8, "named_year", "Northern/Interaction-2023", "2023", "supported"],
        [8, "place", "Northern/Interaction-2023", "Sea of Japan", "supported"],
        [9, "frequency", "growing frequency", "growing", "supported"],
        [10, "named_year", "Ocean-2024", "2024", "supported"],
    ]  # fmt: skip
    fifth = claims[claims.claim_type == "ordinal"].iloc[0]
    assert fifth["claim"] == "the fifth Joint Naval Patrol"
    assert fifth["deciding_rows"].startswith(
        "Joint Naval Patrol 2021 (2021-10-17); Joint Naval Patrol 2022"
    )
    assert fifth["deciding_rows"].count("Joint Naval Patrol") == 5
    # a place claim of the Pacific is supported by a row in a sea of the Pacific
    assert claims.loc[0, "reason"] == "the record's location: Sea of Japan; Sea of Okhotsk."
    # the evidence is the clause in the document
    text = claims.loc[5, "sentence"]
    assert "fifth such instance" in text


def test_claims_not_supported_and_not_checkable(table):
    m = events.mentions(
        _sentences(
            "Joint Sea-2018 was held.",
            "Joint Sea-2016 took place in the Sea of Japan.",
            "It was the third joint patrol.",
            "It was the ninth joint strategic air patrol by bombers.",
            "It was the fifth such exercise.",
            "Ocean-2031 is planned.",
        ),
        documents={"d": "2024-12-31"},
    )
    fit = events.trend(events.events_per_year(table, 2019, 2024))
    c = events.check_claims(m, table, publication_year=2024, trend=fit)
    got = c[["sent_id", "claim_type", "status"]].values.tolist()
    assert got == [
        [0, "named_year", "not supported"],
        [1, "named_year", "supported"],
        [1, "place", "not supported"],
        [2, "ordinal", "not supported"],
        [3, "ordinal", "supported"],
        [4, "ordinal", "not checkable"],
        [5, "named_year", "not checkable"],
    ]
    assert c.loc[0, "reason"] == (
        "the record lists Joint Sea only in 2012, 2013, 2014, 2015, 2016, 2017, 2019, 2021, "
        "2022, 2024, 2025."
    )
    assert c.loc[6, "reason"] == "2031 is after the record up to 2024."
    assert "South China Sea" in c.loc[2, "reason"]
    assert "Joint Naval Patrol 2023" in c.loc[3, "reason"]


def test_frequency_claim_follows_the_trend(table):
    m = events.mentions(_sentences("The growing frequency of China-Russia drills."))
    narrow = events.trend(events.events_per_year(table, 2019, 2024))
    c = events.check_claims(m, table, trend=narrow)
    assert c["status"].tolist() == ["not supported"]
    assert (
        c["deciding_rows"]
        .item()
        .startswith("yearly counts 2019-2024: rate ratio 1.16 (95% CI 0.95-1.43")
    )
    assert events.check_claims(m, table)["status"].tolist() == ["not checkable"]


def test_highlights_and_chart(seed_mentions, table):
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    hl = events.highlights(seed_mentions, table)
    # the seed's "joint patrols" are now a dated, linked reference (issue 14)
    assert hl[["label", "domain", "matched"]].values.tolist() == [
        ["Northern/Interaction-2023", "combined", True],
        ["Joint Naval Patrol-2024", "patrol", True],
        ["Northern/Interaction-2024", "combined", True],
        ["Ocean-2024", "command_staff", True],
    ]
    per_year = events.events_per_year(table, 2005, 2024)
    ax = events.plot_frequency(per_year, highlights=hl, publication_year=2024)
    texts = [t.get_text() for t in ax.texts]
    assert "article\npublished" in texts
    assert sorted(t for t in texts if "-20" in t) == [
        "Joint Naval Patrol-2024", "Northern/Interaction-2023", "Northern/Interaction-2024",
        "Ocean-2024",
    ]  # fmt: skip
    outlines = [p for p in ax.patches if isinstance(p, Rectangle) and not p.get_fill()]
    assert len(outlines) == 4
    # every label's arrow ends at the centre of its own outlined segment
    centres = {
        (round(p.get_x() + p.get_width() / 2), p.get_y() + p.get_height() / 2) for p in outlines
    }
    arrows = {a.get_text(): a.xy for a in ax.texts if "-20" in a.get_text()}
    assert {k: (round(v[0]), v[1]) for k, v in arrows.items()} == {
        "Northern/Interaction-2023": (2023, 4.5),
        "Northern/Interaction-2024": (2024, 4.5),  # uncut record: 2 naval, 2 air below
        "Joint Naval Patrol-2024": (2024, 6.0),  # the two 2024 patrols above it
        "Ocean-2024": (2024, 7.5),
    }
    assert {(round(x), y) for x, y in arrows.values()} == centres
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [
        "strategic command-staff", "joint naval patrol", "combined naval-air",
        "land / counter-terrorism", "joint strategic air patrol", "naval exercise",
        "black outline: named in the corpus",
    ]  # fmt: skip
    assert min(t.get_fontsize() for t in ax.get_legend().get_texts()) >= 9
    assert min(t.get_fontsize() for t in ax.get_xticklabels()) >= 9
    assert tuple(ax.figure.get_size_inches()) == (7.0, 5.0)
    assert ax.get_xlabel() == "Year the event started"
    assert ax.get_ylabel() == "Events per year (count)"
    heights = {}
    for bar in ax.containers:
        for rect in bar:
            x = round(rect.get_x() + rect.get_width() / 2)
            heights[x] = heights.get(x, 0) + rect.get_height()
    assert heights[2024] == 8 and heights[2006] == 0
    plt.close(ax.figure)


def test_chart_of_many_named_exercises_labels_the_most_mentioned(table):
    """A corpus naming many exercises: the most mentioned are labelled, all are outlined."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    named = table[(table["start_date"] != "") & table["start_date"].str[:4].between("2012", "2024")]
    named = named.drop_duplicates("name").head(12)
    assert len(named) == 12
    pairs = zip(named["name"], named["start_date"], strict=True)
    lines = [f"{n} {d[:4]} was held." for n, d in pairs]
    lines[0] += f" {lines[0]} {lines[0]}"  # the first is mentioned three times
    hl = events.highlights(events.mentions(_sentences(*lines)), table)
    assert len(hl) >= 10 and hl["matched"].all()
    per_year = events.events_per_year(table, 2005, 2024)
    ax = events.plot_frequency(per_year, highlights=hl, publication_year=2024, max_labels=3)
    labels = [a.get_text() for a in ax.texts if getattr(a, "arrow_patch", None) is not None]
    assert len(labels) == 3
    top = hl.sort_values("n_mentions", ascending=False, kind="stable")["label"].iloc[0]
    assert top in labels
    outlines = [p for p in ax.patches if isinstance(p, Rectangle) and not p.get_fill()]
    assert len(outlines) == hl.groupby(["year", "domain"]).ngroups
    note = [t.get_text() for t in ax.texts if "most mentioned" in t.get_text()]
    assert note == [
        f"{len(hl)} exercise-years named: the 3 most mentioned are labelled,\n"
        "every one in the record is outlined (the mentions table lists all)."
    ]
    plt.close(ax.figure)
    with pytest.raises(ParameterError, match="max_labels"):
        events.plot_frequency(per_year, highlights=hl, max_labels=-1)


def test_chart_without_mentions_says_so(table):
    import matplotlib.pyplot as plt

    none = events.mentions(_sentences("Trade talks resumed."))
    ax = events.plot_frequency(
        events.events_per_year(table, 2005, 2024),
        highlights=events.highlights(none, table),
        publication_year=2030,
    )
    note = [t.get_text() for t in ax.texts if "reference record only" in t.get_text()]
    assert note == [
        "The corpus names no exercise with a year: bars show the reference record only.\n"
        "Publication year 2030 lies outside the range."
    ]
    assert len(ax.containers) == 6  # the record is still drawn, one bar set per domain
    plt.close(ax.figure)


def test_dates_in_table_parse(table):
    for v in table.loc[table.start_date != "", "start_date"]:
        dt.date.fromisoformat(v)
    assert not table["name"].str.contains(r"\d{4}").any()
    assert set(table["participants"].str.split("; ").explode()) >= {"China", "Russia", "Iran"}
    assert all(re.search(r"China", p) for p in table["participants"])


def test_an_event_row_given_twice_is_refused(tmp_path):
    from framelens.resources import data_path

    lines = data_path("exercises.csv").read_text(encoding="utf-8").splitlines()
    p = tmp_path / "events.csv"
    p.write_text("\n".join([*lines, lines[5]]) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"line 58, name 'Peace Mission'\): repeats line 6"):
        events.load_events(p)


def test_nb_setup_names_an_output_folder_that_cannot_be_made(tmp_path):
    from framelens import nb

    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ParameterError, match=r"cannot be a folder, since .*a-file is a file"):
        nb.setup(blocker, short_errors=False)


def test_nb_setup_with_a_notebook_name_removes_that_notebooks_last_outputs(
    tmp_path, monkeypatch, capsys
):
    # JupyterLab: the same notebook run again into the same folder with other parameters
    # left the tables of the earlier run beside this one's
    import matplotlib.pyplot as plt

    from framelens import nb, plots, report

    monkeypatch.delenv(report.NOTEBOOK_ENV, raising=False)
    out = nb.setup(tmp_path, short_errors=False, notebook="02_sentiment")
    report.save_table(pd.DataFrame({"x": [1]}), "sentiment_groups", out.root)
    fig, _ = plt.subplots()
    plots.save(fig, "tone_groups", out.root)
    plt.close(fig)
    mine = report.save_table(pd.DataFrame({"x": [1]}), "my_own", out.root)
    # another notebook's note and a file it wrote are not touched
    monkeypatch.setenv(report.NOTEBOOK_ENV, "03_framing")
    other = report.save_table(pd.DataFrame({"x": [1]}), "frame_groups", out.root)
    monkeypatch.delenv(report.NOTEBOOK_ENV)
    mine_note = out.root / ".written" / "02_sentiment.txt"
    mine_note.write_text(mine_note.read_text() + "../outside.csv\n", encoding="utf-8")
    (tmp_path.parent / "outside.csv").write_text("x\n", encoding="utf-8")
    capsys.readouterr()

    nb.setup(tmp_path, short_errors=False, notebook="02_sentiment")
    assert "removed 4 file(s) that 02_sentiment wrote" in capsys.readouterr().out
    assert sorted(p.name for p in (tmp_path / "figures").iterdir()) == []
    assert not (tmp_path / "tables" / "sentiment_groups.csv").exists()
    assert other.is_file() and (tmp_path.parent / "outside.csv").is_file()
    assert not mine.exists()  # written under 02_sentiment's name: it was that run's
    assert not mine_note.exists()  # this run's note starts again
    with pytest.raises(ParameterError, match=r"`notebook` must be a notebook's name"):
        nb.setup(tmp_path, short_errors=False, notebook="../x")


def test_a_trend_window_without_three_complete_years_names_its_cause():
    assert events.trend_window(2024, 2024, 2024)[:2] == (2024, 2023)  # short, not strict
    with pytest.raises(ParameterError, match=r"window ends in 2023: the article appeared in 2024"):
        events.trend_window(2024, 2024, 2024, strict=True)
    with pytest.raises(ParameterError, match=r"; or set `complete_through` to 1992 or later"):
        events.trend_window(1990, 2030, complete_through=1991, strict=True)


@pytest.mark.parametrize(
    "text",
    [
        "The United States and South Korea began their biggest joint military exercises in "
        "years on Monday.",
        "Russia and Belarus held the Zapad-2021 exercise in September.",
        "The Russian-Belarusian Zapad-2021 drills alarmed NATO.",
        "The joint exercises of Russia and Belarus worried Poland.",
        "Russia held joint drills with Belarus last week.",
    ],
)
def test_exercises_of_other_countries_are_no_china_russia_reference(text):
    """A US-South Korea exercise was linked to a China-Russia event of the year (0.90)."""
    docs = pd.DataFrame({"doc_id": ["a"], "published": [pd.Timestamp("2021-10-13")],
                         "text": [text]})  # fmt: skip
    found = events.mentions(corpus.segment(docs), documents=docs)
    assert found[found["kind"] == "reference"].empty


@pytest.mark.parametrize(
    ("text", "linked"),
    [
        ("China and Russia began their joint naval exercise on Monday.", True),
        ("Vostok-2018, in which China took part alongside Russia and Mongolia, was the "
         "largest.", True),
        ("Japan and the United States condemned the joint exercises by China and Russia.", None),
    ],
)  # fmt: skip
def test_china_and_russia_named_beside_others_stay_references(text, linked):
    docs = pd.DataFrame({"doc_id": ["a"], "published": [pd.Timestamp("2021-10-13")],
                         "text": [text]})  # fmt: skip
    refs = events.mentions(corpus.segment(docs), documents=docs)
    refs = refs[refs["kind"] == "reference"]
    assert len(refs) == 1
    if linked:
        assert refs["matched"].iloc[0]


def test_the_years_one_event_in_another_month_is_not_linked():
    """ "a joint naval exercise in July" was linked to the year's one naval event, in October."""
    text = "China and Russia held a joint naval exercise in July."
    docs = pd.DataFrame({"doc_id": ["a"], "published": [pd.Timestamp("2021-10-20")],
                         "text": [text]})  # fmt: skip
    refs = events.mentions(corpus.segment(docs), documents=docs)
    ref = refs[refs["kind"] == "reference"].iloc[0]
    assert not ref["matched"]
    assert "began in 2021-10, not in 2021-07" in ref["link_evidence"]
    docs.loc[0, "text"] = "China and Russia held a joint naval exercise in October."
    refs = events.mentions(corpus.segment(docs), documents=docs)
    assert refs[refs["kind"] == "reference"]["matched"].iloc[0]
