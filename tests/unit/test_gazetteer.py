"""Actor mentions in text as collected: apostrophes, hyphens, wrapped lines, capitals."""

from __future__ import annotations

import pytest

from framelens import gazetteer as gz

from ..conftest import sents


def _found(text: str, gazetteer=None) -> list[list[str]]:
    return gz.actor_mentions(sents(text), gazetteer)[["actor", "alias"]].values.tolist()


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_aliases_with_an_apostrophe_match_either_one(apostrophe):
    text = f"The People{apostrophe}s Liberation Army sailed."
    assert _found(text) == [["China", f"People{apostrophe}s Liberation Army"]]
    g = gz.load_gazetteer({"Philippines": ["Marcos's government"]})
    assert _found(f"Marcos{apostrophe}s government protested.", g) == [
        ["Philippines", f"Marcos{apostrophe}s government"]
    ]


def test_an_odd_alias_never_breaks_the_pattern():
    # "People']s" used to compile into a broken character class and raise KeyError
    assert _found("The People']s Liberation Army sailed.") == []
    g = gz.load_gazetteer({"Odd": ["A[b]'s (c)"]})
    assert _found("Here A[b]\u2019s (c) is.", g) == [["Odd", "A[b]\u2019s (c)"]]


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("China-Russia joint exercises began.", ["China", "Russia"]),
        ("Russian-Chinese drills and Sino-Russian ties.", ["Russia", "China", "China", "Russia"]),
        ("US-led, U.S.-led and Western-led.", ["United States", "United States", "the West"]),
        ("pro-Russian and anti-China voices", ["Russia", "China"]),
        ("a joint US-Japanese drill", ["United States", "Japan"]),
        ("The Indo-Pacific, Trans-Pacific and Asia-Pacific trade.", ["Indo-Pacific"]),
        ("The China\u2013Russia drills.", ["China", "Russia"]),
    ],
)
def test_a_hyphen_separates_names_unless_it_makes_a_compound_name(text, actors):
    assert [a for a, _ in _found(text)] == actors


@pytest.mark.parametrize("space", ["\n", "\u00a0", "  ", "\r\n"])
def test_multiword_aliases_match_across_any_whitespace(space):
    text = f"Ships sailed through the South China{space}Sea into the Sea of{space}Japan."
    assert [a for a, _ in _found(text)] == ["South China Sea", "Sea of Japan"]


def test_a_sentence_in_capitals_is_matched_in_capitals_but_us_is_not_a_country():
    assert _found("LET US BE CLEAR: CHINA AND RUSSIA ARE DRILLING.") == [
        ["China", "CHINA"],
        ["Russia", "RUSSIA"],
    ]
    assert [a for a, _ in _found("PLA AND RUSSIAN NAVY IN SEA OF JAPAN")] == [
        "China",
        "Russia",
        "Sea of Japan",
    ]
    # mixed case is matched as written: "CHINA" in a normal sentence is no alias
    assert _found("Shares of CHINA rose in Beijing.") == [["China", "Beijing"]]


def test_offsets_point_at_the_text_as_written():
    s = sents("Intro.", "Through the South China\nSea, China-Russia ships.")
    m = gz.actor_mentions(s)
    doc = "Intro. Through the South China\nSea, China-Russia ships."
    assert [doc[a:b] for a, b in zip(m["start"], m["end"], strict=True)] == [
        "South China\nSea",
        "China",
        "Russia",
    ]


def test_extra_actors_in_the_long_form_or_malformed():
    from framelens import FramelensWarning
    from framelens.errors import InputError

    g = gz.load_gazetteer({"Brunei": {"aliases": ["Bandar Seri Begawan"], "type": "country"}})
    assert g[g["actor"] == "Brunei"].values.tolist() == [
        ["Brunei", "country", "Bandar Seri Begawan"]
    ]
    with pytest.warns(FramelensWarning, match=r"moves 1 alias\(es\).*'China' from China to Putin"):
        gz.load_gazetteer({"Putin": ["China"]})
    cases = [
        ({"": ["x"]}, "the actor must be a name"),
        ({5: ["x"]}, "got 5"),
        ({"A": {"aliases": ["x"], "kind": "y"}}, r"unknown key\(s\) \['kind'\]"),
    ]
    for bad, msg in cases:
        with pytest.raises(InputError, match=msg):
            gz.load_gazetteer(bad)


def test_a_month_in_a_date_is_not_an_actor_of_that_name():
    """A researcher's actor 'May' (Theresa May) matched 'emissions rose in May'."""
    g = gz.load_gazetteer({"Theresa May": {"aliases": ["Theresa May", "May"],
                                                  "type": "person"}})  # fmt: skip
    texts = ["Emissions rose again in May.", "May said the deal was done.",
             "On 3 May 2024 the talks ended.", "Prime Minister May resigned.",
             "May 2024 was hot.", "Theresa May spoke in mid-May."]  # fmt: skip
    import pandas as pd

    s = pd.DataFrame({"doc_id": "a", "sent_id": range(len(texts)), "start": 0, "text": texts})
    found = gz.actor_mentions(s, g)
    assert found["sent_id"].tolist() == [1, 3, 5]
    assert found["alias"].tolist() == ["May", "May", "Theresa May"]


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # an organisation, a newspaper or a ship that carries a place's or country's name
        # (a 34-article wire corpus of 22 outlets)
        ("Russia's Pacific fleet said the drills had ended.", ["Russia"]),
        ("RUSSIA'S PACIFIC FLEET BEGINS SNAP DRILLS", ["Russia"]),
        ("China's Western Theater Command held drills.", ["China"]),
        ("Western Military District troops moved.", []),
        ("The Pacific Partnership mission began.", []),
        ("The ships joined the Rim of the Pacific Exercise.", []),
        ("The South China Morning Post reported the drills.", []),
        ("The Japan Times and China Daily reported it.", []),
        ("USS George Washington sailed.", []),
        # a longer name wins over a shorter one that starts first
        ("Water cannon hit a boat in the West Philippine Sea.", ["West Philippine Sea"]),
        ("Chinese vessels are active in the Indian Ocean.", ["China", "Indian Ocean"]),
        # what stays: the places and the countries' own organisations
        ("Russia and the West clashed in the Pacific.", ["Russia", "the West", "Pacific"]),
        ("China Coast Guard ships sailed into the Black Sea.", ["China", "Black Sea"]),
    ],
)
def test_names_that_begin_with_an_actor_are_not_the_actor(text, actors):
    assert [a for a, _ in _found(text)] == actors
    if "Indian Ocean" in text:  # a researcher's "Indian" does not take the ocean
        india = gz.load_gazetteer({"India": ["India", "Indian"]})
        assert [a for a, _ in _found(text, india)] == actors
