"""The statistics' words are made with the collector paused, and its state comes back."""

from __future__ import annotations

import gc

import pandas as pd
import pytest

from framelens import corpus


def _tokens() -> corpus.Tokens:
    s = pd.DataFrame(
        {
            "doc_id": ["a", "a"],
            "sent_id": [0, 1],
            "start": [0, 13],
            "text": ["Ships sailed.", "U.S. planes flew, then left."],
        }
    )
    return corpus.Tokens(s)


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_state_is_restored(enabled):
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        words, runs, other = _tokens().words(1)
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
    assert words == ["u.s.", "planes", "flew", "then", "left"]
    assert runs == [["u.s.", "planes", "flew"], ["then", "left"], []]  # the stop ends a run
    assert other == {"punct": 2}
