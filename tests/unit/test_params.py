"""Parameter checks name the parameter, the value and what is allowed."""

from __future__ import annotations

import pytest

from framelens import params
from framelens.errors import ParameterError


def test_choice_suggests():
    with pytest.raises(
        ParameterError,
        match=r"`method` must be one of \['vader', 'pattern'\], but 'vadr' was passed "
        r"\(did you mean 'vader'\?\)",
    ):
        params.check_choice("method", "vadr", ["vader", "pattern"])


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (0, r"`top_n` must be at least 1, but 0 was passed"),
        (-3, r"`top_n` must be at least 1, but -3 was passed"),
        ("ten", r"`top_n` must be a whole number, but 'ten' \(str\) was passed"),
        (True, r"`top_n` must be a whole number, but True \(bool\)"),
        (2.5, r"`top_n` must be a whole number, but 2\.5 \(float\)"),
    ],
)
def test_int_bounds_and_types(value, message):
    with pytest.raises(ParameterError, match=message):
        params.check_int("top_n", value, min_value=1)


def test_int_accepts_whole_floats_and_numbers_accept_ints():
    assert params.check_int("top_n", 5.0, min_value=1) == 5
    assert params.check_number("ratio", 1, min_value=0) == 1.0
    with pytest.raises(ParameterError, match=r"`ratio` must be a finite number, but nan"):
        params.check_number("ratio", float("nan"))


def test_path_missing_says_where_it_looked(tmp_path):
    with pytest.raises(
        ParameterError, match=r"`corpus_path` 'nope': no such file or folder \(looked in"
    ):
        params.check_path("corpus_path", "nope")
