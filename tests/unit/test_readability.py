"""framelens.stats.formulas gives textstat 0.7.13's five readability values, exactly.

Every value is compared with ``getattr(textstat, name)(text)`` (what stats.py calls) to
1e-9, and the counts with textstat's own counting functions, on: the 5,190 NYT editorial
snippets, the seed article (whole, and its prose sentences joined as stats.py joins them),
200 of 500 seeded documents of 15–35 joined snippets, edge cases and seeded random strings
of awkward characters. No input is known where the values differ; they agree bit for bit.
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from framelens import corpus, resources, stats
from framelens.stats import formulas as rd

ROOT = Path(__file__).resolve().parents[2]
SNIPPETS = ROOT / "tests" / "data" / "vader" / "nytEditorialSnippets_GroundTruth.txt"
SEED = ROOT / "seeds" / "china-russia-joint-exercises.txt"
TOL = 1e-9


@pytest.fixture(scope="module")
def textstat():
    resources.use_offline_nltk()  # textstat reads the CMU dictionary through NLTK
    resources.require("cmudict")
    import textstat as ts

    assert ts.__version__ == (0, 7, 13)
    return ts


@pytest.fixture(scope="module")
def snippets() -> list[str]:
    lines = SNIPPETS.read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[2] for line in lines if line.strip()]


@pytest.fixture(scope="module")
def joined(snippets) -> list[str]:
    """500 documents of 15–35 random snippets (seeded); the tests use 200 of them."""
    rng = np.random.default_rng(20240910)
    docs = [
        " ".join(snippets[i] for i in rng.integers(0, len(snippets), size=int(k)))
        for k in rng.integers(15, 36, size=500)
    ]
    keep = sorted(rng.choice(len(docs), size=200, replace=False))
    return [docs[i] for i in keep]


def _theirs(textstat, text: str) -> dict[str, float]:
    return {name: getattr(textstat, name)(text) for name in rd.FORMULAS}


def _mismatches(textstat, texts: list[str]) -> list[tuple]:
    """(index, formula, textstat's value, ours, text) wherever they differ by more than TOL."""
    bad = []
    for i, text in enumerate(texts):
        ours, theirs = rd.readability(text), _theirs(textstat, text)
        assert list(ours) == list(rd.FORMULAS)
        for name in rd.FORMULAS:
            if not abs(theirs[name] - ours[name]) <= TOL:  # NaN would fail too
                bad.append((i, name, theirs[name], ours[name], text[:80]))
    return bad


def _largest_difference(textstat, texts: list[str]) -> float:
    return max(
        abs(_theirs(textstat, t)[n] - rd.readability(t)[n]) for t in texts for n in rd.FORMULAS
    )


def _count_mismatches(textstat, texts: list[str]) -> list[tuple]:
    """Each count of :func:`counts` against the textstat function computing it."""
    c = textstat.backend.counts
    bad = []
    for i, text in enumerate(texts):
        ours = rd.counts(text)
        theirs = {
            "words": c.count_words(text),
            "sentences": c.count_sentences(text),
            "syllables": c.count_syllables(text, "en_US"),
            "polysyllables": c.count_polysyllable_words(text, "en_US"),
            "difficult_words": c.count_difficult_words(text, "en_US", 3),
            "letters": c.count_letters(text),
        }
        for name, value in theirs.items():
            if ours[name] != value:
                bad.append((i, name, value, ours[name], text[:80]))
    return bad


def test_nyt_snippets_equal_textstat(textstat, snippets):
    assert len(snippets) == 5190
    assert _mismatches(textstat, snippets) == []
    assert _count_mismatches(textstat, snippets) == []
    first = rd.readability(snippets[0])  # "On Dec. 19, around noon, New York City's ..."
    assert first["flesch_reading_ease"] == textstat.flesch_reading_ease(snippets[0])
    assert rd.counts(snippets[0])["sentences"] == 1  # "On Dec" is a dropped 2-word segment


def test_seed_article_equals_textstat(textstat):
    docs = corpus.load(ROOT / "seeds")
    sentences = corpus.segment(docs)
    prose = stats.prose_text(sentences)  # the string stats.readability gives textstat
    texts = [SEED.read_text(encoding="utf-8"), *docs["text"], *prose]
    assert len(texts) == 3
    assert rd.counts(texts[2])["words"] > 500
    assert _mismatches(textstat, texts) == []
    assert _count_mismatches(textstat, texts) == []
    assert _largest_difference(textstat, texts) == 0.0


def test_joined_documents_equal_textstat(textstat, joined):
    assert len(joined) == 200
    assert _mismatches(textstat, joined) == []
    assert _count_mismatches(textstat, joined[:50]) == []
    assert _largest_difference(textstat, joined) == 0.0  # bit for bit, not merely close
    sizes = [rd.counts(t)["sentences"] for t in joined]
    assert 10 <= min(sizes) and max(sizes) <= 45


EDGE = {
    "empty": "",
    "whitespace": " \n\t ",
    "one word": "Navy",
    "one word, stop": "Exercises.",
    "only punctuation": "!?... -- ;: “” ’",
    "numbers": "In 2024, 10,000 troops and 3.5 ships took part.",
    "hyphen and apostrophes": "China's live-fire drills don't stop.",
    "all caps": "CHINA'S NAVY DON'T STOP THE LIVE-FIRE EXERCISES.",
    "unicode, curly quotes": "“China’s navy,” said Müller — the Ωmega café’s owner. Ça va.",
    "very long words": "Pneumonoultramicroscopicsilicovolcanoconiosis " * 3 + "x" * 500,
    "abbreviations": "The U.S. and the U.K. held talks in Washington, D.C. on Monday.",
    "url": "See https://www.example.com/news/2024/09/10/china-russia.html?ref=rss for it.",
    "no final stop": "The ships sailed north and the planes flew over them",
    "spaces and newlines": "  The   ships\n\n sailed\t\tnorth.\n\n\nPlanes   flew over.  ",
    "turkish dotted I": "İstanbul and GAZİANTEP hosted the international conference.",
    "greek final sigma": "ΟΔΟΣ ΣΟΦΟΣ ΟΔΟΣ. ΟΔΟΣ.ΣΟΦΟΣ ς",
    "underscores, digits": "snake_case_identifier 3rd 1990s is here!",
    "contractions": "'Tis the rock'n'roll we'd've sung; they'll say it's o'clock.",
    "nbsp, line separator": "The\u00a0ships\u2028sailed north\u2029today. Then\u3000more came.",
    "exclamations": "Wow!!! What a day?! Truly, it was a day to remember...",
}


@pytest.mark.parametrize("text", list(EDGE.values()), ids=list(EDGE))
def test_edge_cases_equal_textstat(textstat, text):
    assert _mismatches(textstat, [text]) == []
    assert _count_mismatches(textstat, [text]) == []


def test_edge_case_values():
    zero = dict.fromkeys(rd.FORMULAS, 0.0)
    assert rd.readability("") == zero
    assert rd.counts("") == dict.fromkeys(rd.counts(""), 0)
    # a non-empty text without words: 1 sentence, 0 words; only SMOG's constant remains
    assert rd.readability("!?... -- ;:") == {**zero, "smog_index": 3.1291}
    assert rd.counts(" \n")["sentences"] == 1
    one = rd.readability("Navy")  # 1 word, 2 syllables, 4 letters, 1 sentence
    assert one["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 - 84.6 * 2, abs=TOL)
    assert one["coleman_liau_index"] == pytest.approx(0.058 * 400 - 0.296 * 100 - 15.8)
    # "U.S." is one word "US" but a sentence break; "The U" is a dropped 2-word segment
    c = rd.counts("The U.S. and the U.K. held talks in Washington, D.C. on Monday.")
    assert (c["words"], c["sentences"], c["letters"]) == (12, 2, 44)
    # hyphens vanish, straight contraction apostrophes stay (not letters), curly ones vanish
    assert rd.counts("live-fire China's")["letters"] == len("livefireChinas")
    assert rd.counts("China's China’s don't DON'T")["words"] == 4
    assert rd.counts("No stop here at all")["sentences"] == 1


def test_difficult_words_use_textstat_count_of_the_lowercased_word(textstat):
    # "gazi̇antep" (lower-cased İ = i + U+0307) has 3 syllables; textstat cleans the
    # lower-cased word again for the difficult-word test, and "gaziantep" has 1
    c = rd.counts("GAZİANTEP")
    assert (c["syllables"], c["polysyllables"], c["difficult_words"]) == (3, 1, 0)
    assert textstat.backend.counts.count_polysyllable_words("GAZİANTEP", "en_US") == 1
    assert textstat.backend.counts.count_difficult_words("GAZİANTEP", "en_US", 3) == 0


def test_random_awkward_strings_equal_textstat(textstat):
    pieces = list("aAbeIiolrSsTtdvxyz09 _\n\t\u00a0.!?'’‘\"“”-—,;:()/@#&ΣσςÉéßİı\u0307")
    pieces += ["don't", "DON'T", "China's", "U.S.", "e.g.", "...", "'tis", "we'd've", " the "]
    pieces += ["exercises", "international", "Pneumonoultramicroscopic", "https://x.org/a?b"]
    rng = random.Random(7)
    texts = ["".join(rng.choices(pieces, k=rng.randint(0, 60))) for _ in range(1500)]
    assert _mismatches(textstat, texts) == []
    assert _count_mismatches(textstat, texts[:300]) == []


def test_a_cleaned_word_has_the_syllables_of_its_lower_case(textstat):
    """Cleaning a cleaned token changes nothing: _count_syllables(word) is word.lower()'s.

    _analyse's polysyllable test relies on it.
    """
    pieces = list("aZeIst_0'’-.!?,;:Σςßİı\u0307\u00a0é") + ["'t", "'s", "'ve", "'ll", "'re"]
    rng = random.Random(3)
    checked = 0
    for _ in range(20_000):
        token = "".join("".join(rng.choices(pieces, k=rng.randint(1, 8))).split())
        word = rd._clean(token)
        if word:
            assert rd._clean(word) == word, token
            assert rd._count_syllables(word) == rd._word_syllables(word.lower()), token
            checked += 1
    assert checked > 10_000


def test_combine_equals_counts_of_joined_text(snippets):
    parts = [s for s in snippets[:40] if s.rstrip()[-1:] in {".", "!", "?"}]
    assert len(parts) >= 30
    assert rd.combine(rd.counts(p) for p in parts) == rd.counts(" ".join(parts))
    # without a final stop a segment can straddle the join: words add up, segments need not
    a, b = rd.counts("One two. Ships sailed"), rd.counts("north. Three four five.")
    whole = rd.counts("One two. Ships sailed north. Three four five.")
    assert (a["sentence_segments"], b["sentence_segments"]) == (0, 1)
    assert whole["sentence_segments"] == 2  # "Ships sailed north." has 3 words
    assert rd.combine([a, b])["sentence_segments"] == 1
    assert rd.combine([a, b])["words"] == whole["words"] == 8
    assert rd.combine([]) == rd.counts("")


def test_scores_from_counts_and_cache(textstat, snippets):
    text = " ".join(snippets[:25])
    rd.clear_cache()
    assert rd.cache_info() == {"tokens": 0, "syllables": 0, "difficult": 0}
    cold = rd.readability(text)
    info = rd.cache_info()
    assert info["tokens"] > 100 and info["syllables"] > 100
    warm = rd.readability(text)
    assert rd.cache_info() == info  # nothing new to analyse
    assert cold == warm == rd.scores(rd.counts(text)) == _theirs(textstat, text)


def test_rejects_non_text():
    with pytest.raises(TypeError, match="text must be str, not float"):
        rd.counts(float("nan"))


def test_cmu_syllables_equal_the_first_pronunciation_textstat_reads():
    """The one-pass reader gives every word the count of NLTK's ``cmudict.dict()[w][0]``."""
    import nltk

    resources.use_offline_nltk()
    path = resources.nltk_data_dir() / "corpora" / "cmudict" / "cmudict"
    ours = rd._cmu_syllables(path)
    theirs = nltk.corpus.cmudict.dict()
    assert ours.keys() == theirs.keys()
    assert len(ours) > 100_000
    differ = [w for w, prons in theirs.items() if ours[w] != sum(p[-1].isdigit() for p in prons[0])]
    assert differ == []
    # words with several pronunciations take the first: "the" is DH AH0 before DH AH1 …
    assert ours["the"] == 1 and ours["readability"] == 5
