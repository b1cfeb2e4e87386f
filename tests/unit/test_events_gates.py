"""The searches that rule sentences out before events.mentions reads them in full.

A sentence is read only when its lower case has a hint (``_HINT``), and each case-blind
pattern is searched only where the sentence holds one of its words (``_GATE_WORDS``).
Both are searched for all sentences at once with pyarrow's RE2 (``_ascii_search``). They
must rule out nothing that the full reading would find: these tests pin that RE2 reads the
patterns as Python's ``re`` does, that each gated pattern's alternatives hold one of its
words, and that mentions are the same with every gate open.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pandas as pd
import pytest

from framelens import corpus, events

M = importlib.import_module("framelens.events.mentions")
SEEDS = Path(__file__).resolve().parents[2] / "seeds"

#: texts where RE2 and re could part: case, spaces re alone counts (\v, \x1c), non-ASCII
TRICKY = [
    "Joint Sea-2015 began.",
    "JOINT SEA 2015",
    "war\vgame",
    "war\x1cgame",
    "war game",
    "war\u00a0game",
    "once\ta year",
    "Once\x1fa year",
    "the 6th patrol",
    "the 6TH patrol",
    "the sea.",
    "the seas",
    "Chelsea",
    "\u0130nteraction",
    "Ru\u017f\u017fia and China",
    "jo\u0131nt drills",
    "Weather was fine.",
    "",
    "12",
    "The 2nd_ round",
    "Vostok\u20132018",
    "Northern / Interaction",
    "joint-\nsea",
    "will   for peace",
]


def test_ascii_search_reads_a_pattern_as_re_does_or_leaves_the_text():
    patterns = (M._HINT.pattern, M._NAME_HINT.pattern, M._NAME_WORDS.pattern, r"drill|first")
    patterns += tuple(M._GATE_PATTERNS.values())
    for pattern, found in zip(patterns, M._ascii_search(TRICKY, *patterns), strict=True):
        for text, f in zip(TRICKY, found, strict=True):
            if not text.isascii() or re.search(M._NOT_RE2_SPACE, text):
                assert f is None, text
            else:
                assert f == bool(re.search(pattern, text.lower())), (pattern, text)


def test_ascii_search_returns_one_answer_per_pattern_and_text():
    texts = ["Joint drills.", "No.", "Des exercices \u00e0 venir."]
    assert M._ascii_search(texts, "drill", "no") == [[True, False, None], [False, True, None]]
    assert M._ascii_search(texts, "drill", unknown=True) == [[True, False, True]]
    assert M._ascii_search([], "drill") == [[]]


def test_gates_open_for_the_words_and_for_any_text_not_ascii():
    g = M._gates(["The first drill.", "Weather.", "The f\u00efrst drill."])
    assert [set(x) for x in g] == [set(M._GATE_WORDS) | set(M._GATE_PATTERNS)] * 3
    assert g[0]["first_time"] and g[0]["head"] and not g[0]["russia"]
    assert not any(g[1].values())
    assert all(g[2].values())


#: each pattern gated, its gates, and a phrase for each of its alternatives
PHRASES = [
    (M._CHINA, ("china",), ["China", "Chinese", "Beijing", "the PLA", "Sino-Russian"]),
    (M._RUSSIA, ("russia",), ["Russia", "Russian", "Moscow", "Russo-Chinese"]),
    (M._TWO, ("two",), ["two countries", "Both navies", "the two air forces", "both sides"]),
    (
        M._HEAD_RE,
        ("head",),
        ["drill", "Drills", "exercise", "war games", "war-game", "Wargames", "manoeuvres",
         "manoeuvrers", "maneuvers", "maneuvre", "patrols", "flights", "operation"],
    ),
    (
        M._GENERIC_RE,
        ("generic",),
        ["exercises", "drill", "war game", "wargames", "patrol", "live-fire", "live fire",
         "manoeuvre", "maneuver"],
    ),
    (
        M._AIR_CLAUSE,
        ("air_clause",),
        ["jointly flew", "jointly flying", "flew together", "flown jointly",
         "conducted joint flights"],
    ),
    (M._NAVAL_CLAUSE, ("naval_clause",), ["patrolled", "jointly patrolling"]),
    (
        M._CLAIM_ORD,
        ("ordinal", "ordinal_end"),
        ["the third time", "their 6th joint patrol", "its 21st edition", "a fifth such",
         "the second of its kind", "this twelfth exercise", "the fifteenth iteration",
         "the 2nd occasion", "the 33rd mission", "the fourth war game", "the sixth drill",
         "the seventh flight", "the eighth manoeuvre", "the ninth maneuver", "the tenth "
         "instance", "the eleventh between", "the thirteenth since", "its 4th patrols"],
    ),
    (
        M._CLAIM_FIRST,
        ("first_time",),
        ["for the first time", "the first-ever", "first ever", "their first joint drills",
         "the first since", "first time"],
    ),
    (
        M._CLAIM_COUNT,
        ("count",),
        ["the previous three exercises", "past 5 drills", "the last two patrols",
         "first four flights", "previous six editions", "last ten rounds",
         "past two war games", "from 12 countries", "from ten nations", "from two states",
         "ten nations took part", "12 countries will take part", "three states were part"],
    ),
    (
        M._CLAIM_FREQ,
        ("frequency",),
        ["annual", "annually", "every year", "each year", "yearly", "regular", "regularly",
         "on a regular basis", "more frequent", "frequently", "for several years",
         "for many years", "routine", "routinely", "once a year", "twice or once a year",
         "growing frequency", "increasing number", "higher tempo", "greater pace",
         "rising regularity", "increased number", "increasingly frequent",
         "increasingly regular", "increasingly common", "more often",
         "pattern of growing", "pattern of increased"],
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("pattern", "names", "phrases"), PHRASES, ids=[n[0] for _, n, _ in PHRASES]
)
def test_every_alternative_of_a_gated_pattern_holds_one_of_its_words(pattern, names, phrases):
    texts = [f"{p}." for p in phrases] + [f"{p.upper()}." for p in phrases]
    for text, gate in zip(texts, M._gates(texts), strict=True):
        assert pattern.search(text), text
        assert all(gate[n] for n in names), text


def _open_gates(texts):
    return [dict.fromkeys([*M._GATE_WORDS, *M._GATE_PATTERNS], True) for _ in texts]


def test_mentions_are_the_same_with_every_gate_open(monkeypatch):
    texts = [f"{p}." for _, _, ps in PHRASES for p in ps] + TRICKY
    docs = pd.DataFrame(
        {
            "doc_id": ["phrases", "upper", "seed"],
            "text": [
                " ".join(texts),
                " ".join(texts).upper(),
                " ".join(corpus.segment(corpus.load(SEEDS))["text"]),
            ],
            "published": ["2024-09-10"] * 3,
        }
    )
    sentences = corpus.segment(docs)
    gated = events.mentions(sentences, documents=docs)
    assert len(gated) > 100
    monkeypatch.setattr(M, "_gates", _open_gates)
    pd.testing.assert_frame_equal(events.mentions(sentences, documents=docs), gated)


#: a spelling of each built-in alias, as a name is written (with a year where it needs one)
NAMES = [
    "Northern/Interaction-2024", "North.Interaction", "Northern Interaction", "Beibu/Interaction",
    "Severnoye/Vzaimodeistviye", "Northern Joint-2019", "North United 2020", "Zapad/Interaction",
    "Western/Vzaimodeistviye", "Xibu/Interaction", "Xibu Unity", "Joint Sea", "Jointly at Sea",
    "Joint-Sea 2015", "Morskoye Vzaimodeistviye", "Morskoe Vzaimodestvie",
    "Morskoye Vzaimodeystviye", "Severnoye/Vzaimodeystviye", "Northern United-2024",
    "Maritime Cooperation", "Sea Interaction", "Naval Cooperation-2012", "Peace Mission",
    "Peaceful Mission 2021", "Mirnaya Missiya", "Maritime Security Belt", "Security Bond",
    "Vostok", "East-2018", "East (Vostok) - 2018", "East (Vostok 2018)-18", "Tsentr",
    "Center-2019", "Centre - 2015", "Kavkaz", "Caucasus-2020", "Okean", "Ocean-2024",
    "Great Ocean-2010", "Mosi", "Will for Peace",
]  # fmt: skip


def test_every_built_in_spelling_holds_the_words_of_a_name():
    pattern, _groups = M._named_re()
    for name in NAMES:
        for text in (f"They held {name} drills.", f"THEY HELD {name.upper()} DRILLS."):
            assert pattern.search(text), text
            assert M._NAME_WORDS.search(text.lower()), text
            # both gates: "Northern Joint-2024" had the name's words but not its hint
            assert M._NAME_HINT.search(text.lower()), text


def test_mentions_are_the_same_with_the_name_words_open(monkeypatch):
    texts = [f"China and Russia held {n} drills." for n in NAMES] + TRICKY
    docs = pd.DataFrame(
        {
            "doc_id": ["names", "upper", "seed"],
            "text": [
                " ".join(texts),
                " ".join(texts).upper(),
                " ".join(corpus.segment(corpus.load(SEEDS))["text"]),
            ],
            "published": ["2024-09-10"] * 3,
        }
    )
    sentences = corpus.segment(docs)
    gated = events.mentions(sentences, documents=docs)
    assert (gated["type"] == "named_exercise").sum() > 50
    monkeypatch.setattr(M, "_NAME_WORDS", re.compile(""))
    pd.testing.assert_frame_equal(events.mentions(sentences, documents=docs), gated)


def test_gate_patterns_are_their_patterns_without_flags_or_look_around():
    assert set(M._GATE_PATTERNS) == {"frequency"}
    gate = M._GATE_PATTERNS["frequency"]
    assert not any(x in gate for x in ("(?i", "(?<", "(?=", "(?!"))
    texts = ["semi-annual drills", "bi-annual", "the annual drills", "each  year", "a YEAR"]
    found = M._ascii_search(texts, gate)[0]
    assert found == [True, True, True, True, False]
    assert [bool(M._CLAIM_FREQ.search(t)) for t in texts] == [False, False, True, True, False]
