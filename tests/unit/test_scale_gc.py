"""The collector's threshold is raised while a partition is analysed and put back after."""

from __future__ import annotations

import gc
import threading

import pandas as pd
import pytest

from framelens import scale


@pytest.fixture
def threshold():
    saved = gc.get_threshold()
    yield saved
    gc.set_threshold(*saved)


def test_raised_inside_and_restored_after(threshold):
    gc.set_threshold(700, 10, 10)
    with scale._fewer_collections():
        assert gc.get_threshold() == (scale.GC_THRESHOLD, 10, 10)
        with scale._fewer_collections():
            assert gc.get_threshold()[0] == scale.GC_THRESHOLD
        assert gc.get_threshold()[0] == scale.GC_THRESHOLD  # the outer block still runs
    assert gc.get_threshold() == (700, 10, 10)


def test_restored_when_the_block_raises(threshold):
    gc.set_threshold(700, 10, 10)
    with pytest.raises(ValueError), scale._fewer_collections():
        raise ValueError("boom")
    assert gc.get_threshold() == (700, 10, 10)


def test_a_higher_or_disabled_threshold_is_left_alone(threshold):
    gc.set_threshold(10 * scale.GC_THRESHOLD, 5, 5)
    with scale._fewer_collections():
        assert gc.get_threshold() == (10 * scale.GC_THRESHOLD, 5, 5)
    gc.set_threshold(0)
    with scale._fewer_collections():
        assert gc.get_threshold()[0] == 0
    assert gc.get_threshold()[0] == 0


def test_threads_share_it_and_the_last_one_restores(threshold):
    gc.set_threshold(700, 10, 10)
    inside = threading.Barrier(3)
    leave = threading.Event()

    def work():
        with scale._fewer_collections():
            inside.wait()
            leave.wait()

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    inside.wait()
    assert gc.get_threshold()[0] == scale.GC_THRESHOLD
    leave.set()
    for t in threads:
        t.join()
    assert gc.get_threshold() == (700, 10, 10)


def test_analyse_leaves_the_threshold_as_it_was(threshold):
    gc.set_threshold(700, 10, 10)
    docs = pd.DataFrame(
        {"doc_id": ["a", "b"], "text": ["Ships sailed. Planes flew.", "Drills began today."]}
    )
    tables = scale.analyse(docs, analyses=["stats"])
    assert set(tables["document_stats"]["doc_id"]) == {"a", "b"}
    assert gc.get_threshold() == (700, 10, 10)
