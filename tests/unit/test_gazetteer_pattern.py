"""The actors' regex: one tree of the aliases, the same matches as the aliases longest first."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from framelens import corpus, gazetteer
from framelens.gazetteer import _alias_units, _caps_aliases, _longest_matches, _pattern

ROOT = Path(__file__).resolve().parents[2]


def _one_by_one(aliases) -> re.Pattern[str]:
    """The regex as it was: every alias in turn, the longest first."""
    ordered = sorted(set(aliases), key=lambda a: (-len(a), a))
    body = "|".join("".join(_alias_units(a)) for a in ordered)
    return re.compile(r"(?<!\w)(?:" + body + r")(?!\w)")


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _longest_matches(pattern, text)]


def _texts(aliases: list[str], n: int, seed: int) -> list[str]:
    """Aliases cut short, run on ("Koreans", "China-led"), respaced, curly, joined."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 4)):
            a = rng.choice(aliases)
            r = rng.random()
            if r < 0.2:
                a = a[: rng.randint(1, len(a))]
            elif r < 0.35:
                a += rng.choice(["s", "'s", "\u2019s", "-led", " Sea", "x", ".", " Fleet"])
            elif r < 0.45:
                a = a.replace(" ", rng.choice(["  ", "\n", "\u00a0"])).replace("'", "\u2019")
            parts.append(a)
        out.append(rng.choice([" ", "", "-", " the ", ", "]).join(parts))
    return out


def test_shipped_aliases_match_as_one_by_one():
    aliases = sorted(set(gazetteer.load_gazetteer()["alias"]))
    caps = _caps_aliases(aliases)
    texts = _texts(aliases, 4000, seed=7)
    seed = corpus.segment(corpus.load(ROOT / "seeds"))["text"].tolist()
    texts += seed + [t.upper() for t in seed]
    for tree, flat in (
        (_pattern(aliases), _one_by_one(aliases)),
        (_pattern(caps), _one_by_one(caps)),
    ):
        assert tree.pattern != flat.pattern
        for text in texts:
            assert _spans(tree, text) == _spans(flat, text), text
            assert _spans(tree, text.upper()) == _spans(flat, text.upper()), text


@pytest.mark.parametrize(
    "aliases, text, expected",
    [
        # the longer alias when it ends a word, else the shorter one it begins with
        (["Korea", "Korean"], "Koreans and Korea", [(12, 17)]),
        (["South China Sea", "South China", "China"], "the South China Seas", [(4, 15)]),
        (["South China Sea", "China"], "the South  China\nSea", [(4, 20)]),
        (["People's Liberation Army"], "People\u2019s Liberation Army", [(0, 24)]),
        # a chain of aliases each beginning the next is too deep for a tree: one by one
        (["x" * k for k in range(1, 1050)], "x" * 40 + " y", [(0, 40)]),
        (["Alpha Beta " * 80 + "Gamma"], "Alpha Beta " * 80 + "Gamma!", [(0, 885)]),
    ],
)
def test_cases(aliases, text, expected):
    assert _spans(_pattern(aliases), text) == expected
    assert _spans(_pattern(aliases), text) == _spans(_one_by_one(aliases), text)


def test_domain_names_and_phrases_match_as_one_by_one():
    """The masks of sentence tone and frames: names (case-sensitive), phrases (any case)."""
    from framelens import events
    from framelens.sentiment.domain import _domain_patterns, load_domain

    phrases, names = _domain_patterns("security", None)
    listed = sorted(set(gazetteer.load_gazetteer()["alias"]) | set(events.load_events()["name"]))
    listed += [part for name in listed for part in name.split("/") if len(part) > 3]
    for tree, words, flags in (
        (names, listed, 0),
        (phrases, sorted(load_domain("security")["phrases"]), re.IGNORECASE),
    ):
        ordered = sorted(set(words), key=lambda a: (-len(a), a))
        body = "|".join(re.escape(a).replace("'", "['\u2019]") for a in ordered)
        flat = re.compile(r"(?<![\w\-])(?:" + body + r")(?![\w\-])", flags)
        texts = _texts(sorted(set(words)), 3000, seed=11)
        texts += [t.lower() for t in texts] + [t.upper() for t in texts]
        for text in texts:
            expected = [m.span() for m in flat.finditer(text)]
            assert [m.span() for m in tree.finditer(text)] == expected, text


def _longest_as_before(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """``_longest_matches`` as it was: a second search from each match's end."""
    out, pos = [], 0
    while (m := pattern.search(text, pos)) is not None:
        over = pattern.search(text, m.start() + 1)
        if over is not None and over.start() < m.end() < over.end():
            pos = over.start()
            continue
        out.append(m.span())
        pos = m.end()
    return out


def test_longest_matches_reuse_the_next_match():
    aliases = sorted(set(gazetteer.load_gazetteer()["alias"]))
    pattern = _pattern(aliases)
    for text in _texts(aliases, 3000, seed=11):
        assert _spans(pattern, text) == _longest_as_before(pattern, text), text
    # a match inside the one found ("Sea" in "South China Sea") is no next match
    nested = re.compile(r"(?<!\w)(?:South China Sea|China Sea|Sea|China)(?!\w)")
    for text in ["South China Sea, China Sea and Sea", "China Seas China Sea", "Sea South"]:
        assert _spans(nested, text) == _longest_as_before(nested, text), text


def test_the_start_checked_after_the_first_character_matches_the_same():
    aliases = sorted(set(gazetteer.load_gazetteer()["alias"]))
    tree = _pattern(aliases)
    assert tree.pattern.startswith("(?:") and gazetteer._NO_WORD_BEFORE in tree.pattern
    before = re.compile(r"(?<!\w)(?:" + gazetteer.alternation(aliases, _alias_units) + r")(?!\w)")
    rng = random.Random(5)
    glue = ["", " ", "-", "x", "9", "_", "\n", "\u00e9", "\u2019", ".", "\u00a0", "\u4e2d"]
    for text in _texts(aliases, 2000, seed=13):
        text = rng.choice(glue) + text.replace(" ", rng.choice(glue), 1)
        assert [m.span() for m in tree.finditer(text)] == [
            m.span() for m in before.finditer(text)
        ], text


def test_lead_in_the_flat_fallback_and_an_alias_after_a_space():
    # hundreds of items each beginning the next: too deep a tree, one by one instead
    items = ["a" * k for k in range(1, 1500)]
    flat = gazetteer.alternation(items, _alias_units, lead="(?<!b.)")
    assert flat.startswith("a(?<!b.)" + "a" * 1498 + "|")
    pattern = re.compile(f"(?:{flat})")
    assert pattern.search("baaa").span() == (2, 4) and pattern.match("aaa").span() == (0, 3)
    # an alias that begins with a space: the check stays before the alias
    spaced = _pattern([" China", "Japan"])
    assert spaced.pattern.startswith(r"(?<!\w)")
    assert [m.group(0) for m in spaced.finditer("Japan and  China")] == ["Japan", " China"]
