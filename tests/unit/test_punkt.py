"""framelens._punkt gives NLTK's Punkt spans, span for span, without NLTK's token objects."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from framelens import _punkt, corpus, resources
from framelens._punkt import SentenceSplitter

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"

#: tokens that exercise every rule of Punkt's decision: abbreviations (with hyphens),
#: initials, ordinals and numbers, ellipses, stacked marks, quotes and brackets that are
#: realigned, dashes, characters that cannot start a word, and line and paragraph breaks
PIECES = [
    "U.S.", "Gen.", "ex-gen.", "J.", "Z.", "z.", "a.", "I.", "II.", "U.N.", "N.",
    "5.", "1990.", "3.5.", "-2.", "1,000.", "4th.", "1.", "word.", "Word.", "drills.",
    "...", "..", "word..", "?!", "!!!", "?", "!", ".", "e.g.", "i.e.", "No.", "St.",
    "a.m.", "p.m.", "Mr.", "vs.", "Inc.", "Dec.", "Lt.", "Col.",
    '"', "'", "\u201d", "\u201c", "\u2019", "\u2018", "\xbb", "\xab", "(", ")", "[", "]",
    "{", "}", "--", "-", ":", ";", ",", "*", "@", "#", "&", "`",
    "word", "Word", "the", "The", "ISIS", "\xe9.", "\xdcmit", "\u4e2d\u56fd\u3002",
    "\n", "\n\n", " ", "  ", "\t", "\r", "\x0c",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", "", "\n"]


def _nltk(abbrevs: frozenset[str]) -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(abbrevs)
    return PunktSentenceTokenizer(params)


def _generated(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(PIECES) + rng.choice(SEPARATORS) for _ in range(rng.randint(1, 40)))
        for _ in range(n)
    ]


def _validation_texts() -> list[str]:
    """Every text the project ships: VADER's NYT snippets, NewsMTSC, corpora, the seed."""
    texts = [
        line.split("\t")[-1]
        for line in (DATA / "vader" / "nytEditorialSnippets_GroundTruth.txt")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    for name in ("train.jsonl", "devtest_mt.jsonl"):
        for line in (DATA / "newsmtsc" / name).read_text(encoding="utf-8").splitlines():
            texts.append(json.loads(line)["sentence_normalized"])
    files = [*sorted((DATA / "corpora").rglob("*")), *sorted((ROOT / "seeds").glob("*"))]
    for path in files:
        if path.is_file() and path.suffix in {".txt", ".csv", ".jsonl", ".md"}:
            texts.append(path.read_text(encoding="utf-8"))
    return texts


@pytest.mark.parametrize("abbrevs", ["shipped", "none"])
def test_same_spans_as_nltk_on_the_projects_texts(abbrevs: str) -> None:
    """Thousands of real sentences and paragraphs: not one span differs."""
    ab = resources.abbreviations() if abbrevs == "shipped" else frozenset()
    texts = _validation_texts()
    assert len(texts) > 9000
    ours, theirs = SentenceSplitter(ab), _nltk(ab)
    differ = [t[:200] for t in texts if ours.span_tokenize(t) != list(theirs.span_tokenize(t))]
    assert differ == []


def test_same_spans_as_nltk_on_generated_text() -> None:
    """Text made of every kind of token Punkt decides on, in random order."""
    ab = resources.abbreviations()
    ours, theirs = SentenceSplitter(ab), _nltk(ab)
    texts = _generated(6000, seed=20261207)
    multi = sum(len(ours.span_tokenize(t)) > 1 for t in texts)
    assert multi > 3000  # the texts do break into sentences, often
    differ = [t for t in texts if ours.span_tokenize(t) != list(theirs.span_tokenize(t))]
    assert differ == []


@settings(
    max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=30).map("".join))
def test_same_spans_as_nltk_on_any_text(text: str) -> None:
    """Arbitrary Unicode mixed with Punkt's difficult tokens."""
    ab = frozenset({"u.s", "gen", "no"})
    assert SentenceSplitter(ab).span_tokenize(text) == list(_nltk(ab).span_tokenize(text))


#: the words a candidate's context is made of: plain words with stops and hyphens inside,
#: abbreviations, initials, numbers, and what ends a plain context or makes it not plain
_WORDS = [
    "drills", "Drills", "U.S", "u.s", "Gen", "ex-gen", "J", "z", "I", "II", "1990", "3.5",
    "1-2", "e.g", "a.m", "Mr", "St", "No", "\xe9t\xe9", "Amato", "s", "", "-", "..", "--",
]  # fmt: skip
_ENDS = [".", "?", "!", ". ", "? ", ".\n", ".  ", ".'", '."', ".)", ".]", ".\u2019", ".\u201d",
         "?'", '!"', ".(", ".;", ".!", "?!"]  # fmt: skip
_AFTER = ["", ",", "'s", "'Amato", ".", "'", ",,", ".,", "'s.", ")", '"', "\u2019s"]


def test_plain_contexts_decide_as_the_tokens_do() -> None:
    """A context of plain words is decided without NLTK's word tokenizer, the same way."""
    rng = random.Random(11)
    contexts = [
        rng.choice(_WORDS) + rng.choice(_ENDS) + rng.choice(_WORDS) + rng.choice(_AFTER)
        for _ in range(20_000)
    ]
    words = _WORDS[:20]  # plain words only
    contexts += [
        rng.choice(words) + rng.choice(".?!") + rng.choice([" " + rng.choice(words), '"', ")"])
        + rng.choice(["", ",", "'s", "'Amato", "."])
        for _ in range(10_000)
    ]  # fmt: skip
    plain = 0
    for ab in (resources.abbreviations(), frozenset(), frozenset({"drills", "j", "1990"})):
        splitter = SentenceSplitter(ab)
        for context in contexts:
            assert splitter._contains_break(context) == splitter._tokens_break(context), context
        plain += sum(_punkt._PLAIN_CONTEXT.fullmatch(c) is not None for c in contexts)
    assert plain > 10_000  # the plain forms are tried often
    splitter = SentenceSplitter(resources.abbreviations())
    assert splitter._contains_break("drills. The") and not splitter._contains_break("U.S. Navy")


def test_white_space_is_what_regex_reads_as_white_space() -> None:
    every = "".join(map(chr, range(0x110000)))
    spelt = re.findall(f"[{_punkt._WHITE_SPACE}]", every)
    assert spelt == regex.findall(r"\s", every, regex.UNICODE) and "\x1c" not in spelt


def test_closers_are_what_a_realigned_boundary_begins_with() -> None:
    begins = {chr(c) for c in range(0x3000) if _punkt._BOUNDARY_REALIGNMENT.match(chr(c) + " ")}
    assert begins == set(_punkt._CLOSERS)


def test_decisions_that_matter_in_news() -> None:
    """The cases the rules exist for, spelt out."""
    split = SentenceSplitter(resources.abbreviations()).span_tokenize

    def sentences(text: str) -> list[str]:
        return [text[a:b] for a, b in split(text)]

    # an abbreviation does not end a sentence, even before a capital
    assert sentences("The U.S. Navy sailed. Gen. Smith said so.") == [
        "The U.S. Navy sailed.",
        "Gen. Smith said so.",
    ]
    # an initial before a name, a number before a lower-case word: no break
    assert sentences("Adm. J. Paparo spoke. It was 5. then six.") == [
        "Adm. J. Paparo spoke.",
        "It was 5. then six.",
    ]
    # a closing quote or bracket goes with the sentence it closes
    assert sentences('He said "we will win." (It ended.) Then it rained.') == [
        'He said "we will win."',
        "(It ended.)",
        "Then it rained.",
    ]
    assert split("") == [] and split("   ") == []


def test_segment_does_not_import_nltk() -> None:
    """Segmenting a corpus never imports NLTK (about 0.7 s in every kernel)."""
    import subprocess
    import sys

    code = (
        "import sys, pandas as pd; from framelens import corpus; "
        "corpus.segment(pd.DataFrame({'doc_id': ['a'], 'text': ['The U.S. Navy sailed. "
        "It returned.']})); print('nltk' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    assert corpus.segment  # the module under test imported here too
