"""Figures of large, multi-outlet corpora: sizes, labels and notes that stay readable."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from framelens import framing, plots

FRAMES = ["threat", "cooperation", "capability", "rivalry", "regional_concern", "justification"]


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def _profile(n_groups: int, by: str = "source") -> pd.DataFrame:
    """A frame profile of ``n_groups`` groups, every frame of every group a share."""
    rows = [
        {by: f"Outlet {g:02d}", "frame": f, "share_sentences": ((g * 7 + k * 3) % 11) / 20,
         "hits_per_1000_words": float(g + k)}
        for g in range(n_groups)
        for k, f in enumerate(FRAMES)
    ]  # fmt: skip
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------------------
# 1. heat maps grow with their rows, number cells only when a row holds a number


def test_profile_heat_map_of_40_groups_grows_its_figure_and_keeps_every_label():
    with plots.style():
        fig, ax = plt.subplots(figsize=(8, 4.5))  # as notebook 03 makes it
        framing.plot_profile(_profile(40), by="source", ax=ax)
    width, height = fig.get_size_inches()
    assert width == 8 and 4.5 < height <= framing.plot.HEATMAP_MAX_INCHES
    assert len(ax.get_yticklabels()) == 40  # one label a row, none thinned away
    assert len(ax.texts) == 40 * len(FRAMES)  # rows tall enough for their numbers
    assert ax.get_xlabel() == "frame"
    for label in ax.get_xticklabels():  # rotated, each ending under its tick
        assert (label.get_rotation(), label.get_ha(), label.get_rotation_mode()) == (
            45.0, "right", "anchor",
        )  # fmt: skip


def test_a_heat_map_among_other_axes_keeps_the_size_and_drops_numbers_it_cannot_hold():
    with plots.style():
        fig, (ax, _other) = plt.subplots(1, 2, figsize=(8, 4.5))
        framing.plot_profile(_profile(40), by="source", ax=ax)
    assert fig.get_size_inches().tolist() == [8.0, 4.5]  # a notebook's grid is its own
    assert len(ax.texts) == 0  # 40 rows in 4.5 inches: a number would overprint its neighbours
    assert "colour only" in ax.get_xlabel() and "table" in ax.get_xlabel()
    shown = [t.get_text() for t in ax.get_yticklabels()]
    assert 1 < len(shown) < 40 and shown[0] == "Outlet 00"  # thinned to the room there is


def test_actor_frames_heat_map_grows_in_the_notebooks_figure_with_right_aligned_frames():
    actors = [f"Actor {i:02d}" for i in range(30)]
    af = pd.DataFrame(
        [{"actor": a, "frame": f, "n_sentences": 1, "n_actor_sentences": 4, "share": 0.25}
         for a in actors for f in FRAMES]
    )  # fmt: skip
    with plots.style():
        fig, ax = plt.subplots(figsize=(8, 5))  # as notebook 03 makes it
        framing.plot_actor_frames(af, top_n=30, ax=ax)
    assert fig.get_size_inches()[1] > 5
    assert len(ax.get_yticklabels()) == 30 and len(ax.texts) == 30 * len(FRAMES)
    assert {(t.get_ha(), t.get_rotation_mode()) for t in ax.get_xticklabels()} == {
        ("right", "anchor")
    }


# ---------------------------------------------------------------------------------------
# 3. many periods stay a heat map in time; box plots say what a box is, whatever the title


def _months(n: int) -> pd.DataFrame:
    """A profile by month of ``n`` months from January 2013, in time order."""
    month = {f"Outlet {m:02d}": f"{2013 + m // 12}-{m % 12 + 1:02d}" for m in range(n)}
    profile = _profile(n, by="published")
    return profile.assign(published=profile["published"].map(month))


def test_94_months_in_a_figure_of_their_own_are_a_heat_map_in_time_order():
    with plots.style():
        fig, ax = plt.subplots(figsize=(8, 4.5))  # as notebook 03 makes it
        framing.plot_profile(_months(94), by="published", ax=ax)
        ax.set_title("Frame profile, security dictionary: by published")  # the notebook's
    assert len(ax.images) == 1 and fig.get_size_inches()[1] == framing.plot.HEATMAP_MAX_INCHES
    shown = [t.get_text() for t in ax.get_yticklabels()]
    assert shown[0] == "2013-01" and shown == sorted(shown)  # time runs down the rows
    assert len(ax.texts) == 0 and "colour only" in ax.get_xlabel()


def test_box_plots_keep_what_a_box_summarises_when_the_title_is_replaced():
    with plots.style():
        fig, (ax, _other) = plt.subplots(1, 2, figsize=(12, 4.5))
        framing.plot_profile(_months(94), by="published", ax=ax)
        ax.set_title("Frame profile, security dictionary: by published")  # the notebook's
    assert len(ax.images) == 0 and fig.get_size_inches().tolist() == [12.0, 4.5]
    assert "one box a frame: its spread over 94 values of published" in ax.get_xlabel()
    assert "quartiles" in ax.get_xlabel() and "1.5 IQR" in ax.get_xlabel()
    key = [t.get_text() for t in ax.get_legend().get_texts()]
    assert key == ["median of 94", "mean of 94"]


# ---------------------------------------------------------------------------------------
# 2. dispersion: the most named first, a cap on the rows, a figure that grows


def test_actor_dispersion_orders_rows_by_mentions_caps_them_and_grows_its_figure():
    from framelens import stats

    hits = {f"Actor {i:02d}": 1 for i in range(40)} | {"Zeta": 9, "Alpha": 5, "Beta": 5}
    rows = [(a, (k + 0.5) / n) for a, n in hits.items() for k in range(n)]
    positions = pd.DataFrame(rows, columns=["actor", "position"])
    with plots.style():
        ax = stats.plot_dispersion(positions, label="actor")  # as notebook 01 calls it
    shown = [t.get_text() for t in ax.get_yticklabels()][::-1]  # top to bottom
    assert len(shown) == stats.plot.DISPERSION_MAX_ROWS == 30
    assert shown[:5] == ["Zeta", "Alpha", "Beta", "Actor 00", "Actor 01"]  # ties: A to Z
    assert "13 more in the table" in ax.get_xlabel()
    assert 4.5 < ax.figure.get_size_inches()[1] <= 12
    with plots.style():
        few = stats.plot_dispersion(positions, label="actor", max_rows=50)
    assert len(few.get_yticklabels()) == 43 and "more in the table" not in few.get_xlabel()


# ---------------------------------------------------------------------------------------
# 5. keyness panels: no stray term without a log ratio, the tie note clear of the data


def _keyness(target: str, terms: list[str], log_ratio, g2) -> pd.DataFrame:
    n = len(terms)
    return pd.DataFrame(
        {"target": target, "term": terms, "g2": g2, "log_ratio": log_ratio,
         "direction": ["target" if v == v and v > 0 else "reference" for v in log_ratio],
         "p_adjusted": [0.5] * n}
    )  # fmt: skip


def test_a_keyness_panel_without_any_log_ratio_draws_no_bar_and_says_why():
    from framelens import stats

    nan = float("nan")
    kn = _keyness("Комсомольская правда", ["said", "sea", "joint"], [nan] * 3, [0.35, 0.24, 0.2])
    with plots.style():
        ax = stats.plot_keyness(kn)
    assert len(ax.patches) == 0 and [t.get_text() for t in ax.get_yticklabels()] == []
    notes = [t.get_text() for t in ax.texts]
    assert len(notes) == 1 and notes[0].startswith("no term with a log ratio")
    assert all(list(line.get_xdata()) != [0, 0] for line in ax.lines)  # no zero line


def test_the_keyness_tie_note_has_a_row_of_its_own_below_the_bars_and_the_zero_line():
    from framelens import stats

    terms = [f"t{i:02d}" for i in range(14)]
    kn = _keyness("2014", terms, [(-1) ** i * (1 + i / 4) for i in range(14)], [10.3] * 14)
    with plots.style():
        ax = stats.plot_keyness(kn, top_n=10)
    (note,) = [t for t in ax.texts if "tie at G²" in t.get_text()]
    assert note.get_text() == "4 more term(s) tie at G² = 10.3"
    low, high = ax.get_ylim()
    note_y = (note.get_position()[1] - low) / (high - low)  # in axes fraction
    (zero,) = [line for line in ax.lines if list(line.get_xdata()) == [0, 0]]
    assert note_y < min(zero.get_ydata())  # the zero line stops above the note
    assert all(bar.get_y() > note.get_position()[1] + 0.5 for bar in ax.patches)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 10 and labels[-1] == "t08"  # the largest log ratio at the top


# ---------------------------------------------------------------------------------------
# 4. the index captions describe what the figures draw


def test_keyness_bars_have_whiskers_at_the_95_percent_interval_of_the_table():
    from matplotlib.container import ErrorbarContainer

    from framelens import stats

    kn = _keyness("x", ["navy", "army", "air"], [2.0, -1.0, 0.5], [9.0, 5.0, 4.0]).assign(
        log_ratio_ci_low=[1.0, -2.5, float("nan")], log_ratio_ci_high=[3.5, 0.2, float("nan")]
    )
    with plots.style():
        ax = stats.plot_keyness(kn)
    (bars,) = [c for c in ax.containers if isinstance(c, ErrorbarContainer)]
    segments = sorted(tuple(seg[:, 0].round(6)) for seg in bars.lines[2][0].get_segments())
    assert segments == [(-2.5, 0.2), (1.0, 3.5)]  # "air" has no interval: no whisker


def test_the_index_captions_of_the_stats_figures_say_what_is_drawn():
    from framelens.stats.analysis import ANALYSIS

    caption = ANALYSIS.figures
    assert "95% interval" in caption["keyness"]
    for name in ("lexical_dispersion", "actor_dispersion"):
        assert "one tick" in caption[name] and "per 5% of the document" in caption[name]
    assert "sentences" not in caption["actor_mentions"]
    assert "mentions summed" in caption["actor_mentions"]


# ---------------------------------------------------------------------------------------
# 6. document ids under corpus_structure never overprint


def _sentences(ids: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"doc_id": d, "para_id": 0, "kind": "prose"} for k, d in enumerate(ids)
         for _ in range(k + 1)]
    )  # fmt: skip


def test_long_document_ids_are_shortened_rotated_and_clear_of_the_legend():
    long = "an-extremely-long-document-identifier-for-the-article-on-china-russia"
    ids = ["2024910-6c05762d", "AP-2024-01-94807407", f"{long}-3c3aa9b203",
           f"{long}-b4e5e7b385", "doc-a058cdcd", "short1"]  # fmt: skip
    with plots.style():
        ax = plots.corpus_structure(_sentences(ids))
        ax.figure.draw_without_rendering()
    labels = ax.get_xticklabels()
    texts = [t.get_text() for t in labels]
    assert len(set(texts)) == len(ids) and max(map(len, texts)) <= plots.MAX_ID_CHARS
    assert texts[2].startswith("an-extreme") and texts[2].endswith("3c3aa9b203")
    assert "…" in texts[2] and texts[0] == "2024910-6c05762d"
    assert {(t.get_rotation(), t.get_ha(), t.get_rotation_mode()) for t in labels} == {
        (45.0, "right", "anchor")
    }
    legend_top = ax.get_legend().get_window_extent().y1
    assert legend_top < min(t.get_window_extent().y0 for t in labels)


def test_a_few_short_ids_stay_level():
    with plots.style():
        ax = plots.corpus_structure(_sentences(["d1", "d2", "d3"]))
    assert {t.get_rotation() for t in ax.get_xticklabels()} == {0.0}


# ---------------------------------------------------------------------------------------
# 7. labels the font cannot draw: one warning of ours, not one of matplotlib's a glyph


def test_saving_a_figure_with_cjk_labels_warns_once_and_names_them(tmp_path):
    import warnings

    from framelens.errors import FramelensWarning

    with plots.style():
        fig, ax = plt.subplots()
        ax.barh(["人民日报", "조선일보", "Новая газета", "Le Monde"], [1, 2, 3, 4])
        ax.set_title("Outlets")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            paths = plots.save(fig, "outlets", tmp_path)
    assert all(p.exists() for p in paths)
    assert len(caught) == 1 and caught[0].category is FramelensWarning
    message = str(caught[0].message)
    assert "'人民日报', '조선일보'" in message and "Новая" not in message
    assert "empty boxes" in message and "tables" in message and "DejaVu Sans" in message


def test_latin_and_cyrillic_labels_save_without_a_warning(tmp_path):
    import warnings

    with plots.style():
        fig, ax = plt.subplots()
        ax.barh(["Новая газета", "Süddeutsche Zeitung", "El País"], [1, 2, 3])
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            plots.save(fig, "outlets", tmp_path)
    assert plots.missing_glyphs(fig) == []


def test_actor_tone_of_many_actors_grows_and_keeps_the_most_named():
    from framelens import sentiment

    n = 50
    actors = pd.DataFrame(
        {"actor": [f"Actor {k:02d}" for k in range(n)], "n_sentences": [n - k for k in range(n)],
         "mean_compound": np.linspace(-0.5, 0.5, n), "ci_low": np.nan, "ci_high": np.nan}
    )  # fmt: skip
    fig, ax = plt.subplots(figsize=(8, 4.5))
    try:
        sentiment.plot_actor_tone(actors, ax=ax, max_actors=40)
        labels = [t.get_text() for t in ax.get_yticklabels()]
        assert len(labels) == 40 and not any(t.startswith("Actor 4") for t in labels)
        assert "the 40 most named, 10 more in the table" in ax.get_ylabel()
        assert fig.get_size_inches()[1] > 4.5 * 2
    finally:
        plt.close(fig)
    fig, ax = plt.subplots(figsize=(8, 4.5))
    try:
        sentiment.plot_actor_tone(actors.head(5), ax=ax)
        assert ax.get_ylabel() == "actor (sentences)"
        assert tuple(fig.get_size_inches()) == (8, 4.5)
    finally:
        plt.close(fig)


def test_an_arc_title_names_the_article_and_stays_inside_the_figure():
    from framelens import sentiment

    docs = pd.DataFrame({"doc_id": ["AP-2024-01-94807407", "x" * 104],
                         "title": ["China and Russia open joint naval drills in the Sea of Japan "
                                   "after a year of talks", ""],
                         "source": ["AP", ""], "published": ["2024-01-05", ""]})  # fmt: skip
    title = sentiment.arc_title("AP-2024-01-94807407", docs)
    assert title.startswith("Sentiment arc · China and Russia open joint naval drills")
    assert "AP, 2024-01-05" in title
    assert max(len(line) for line in title.splitlines()) <= 60
    long = sentiment.arc_title("x" * 104, docs)
    assert "x" * 40 in long and max(len(line) for line in long.splitlines()) <= 60
    assert sentiment.arc_title("d1") == "Sentiment arc · d1\n(rolling mean: prose only)"


def test_a_profile_of_one_group_names_it():
    frame = _profile(1)
    ax = framing.plot_profile(frame, by="source")
    try:
        group = str(frame["source"].iloc[0])
        assert ax.get_xlabel().endswith(f"\nsource: {group}")
    finally:
        plt.close(ax.figure)
