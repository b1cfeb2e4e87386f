"""Security coverage beyond China-Russia exercises: names, answered threats, negation.

Each case was found on a corpus of NATO, Balikatan, Red Sea, Korean and Taiwan coverage
that the project had never read.
"""

from __future__ import annotations

import pandas as pd
import pytest

from framelens import framing, gazetteer, sentiment


def _sentences(texts: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": "a",
            "sent_id": range(len(texts)),
            "start": 0,
            "end": [len(t) for t in texts],
            "text": texts,
            "kind": "prose",
        }
    )


def _actors(text: str) -> list[tuple[str, str]]:
    m = gazetteer.actor_mentions(_sentences([text]))
    return list(zip(m["alias"], m["actor"], strict=True))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # an official name that holds another country's name
        (
            "The Democratic People's Republic of Korea fired a missile.",
            [("Democratic People's Republic of Korea", "North Korea")],
        ),
        ("The People's Republic of China said so.", [("People's Republic of China", "China")]),
        ("The Republic of China Navy sailed.", [("Republic of China", "Taiwan")]),
        ("Chinese Taipei joined the forum.", [("Chinese Taipei", "Taiwan")]),
        # other places and things that hold an alias
        ("Latin American members met.", []),
        ("NORAD, the North American Aerospace Defense Command, said so.", []),
        ("Israeli troops entered the West Bank.", [("Israeli", "Israel")]),
        ("THE WEST BANK", []),
        ("Ports in British Columbia closed.", []),
        ("George Washington University experts said so.", []),
        ("Western Australia hosted the drill.", [("Australia", "Australia")]),
        # the bloc at a sentence's start
        ("The West imposed sanctions.", [("The West", "the West")]),
        ("The Houthis attacked a ship off Yemen.", [("Houthis", "Houthis"), ("Yemen", "Yemen")]),
        (
            "The European Union and the United Nations condemned it.",
            [("European Union", "European Union"), ("United Nations", "United Nations")],
        ),
        ("Talks in Türkiye", [("Türkiye", "Turkey")]),
    ],
)
def test_actor_names(text: str, want: list[tuple[str, str]]) -> None:
    assert _actors(text) == want


def _statuses(texts: list[str]) -> list[list[tuple[str, str, str]]]:
    hits = framing.term_hits(_sentences(texts), framing.load_dictionary("security"))
    return [
        list(zip(h["frame"], h["term"], h["status"], strict=True))
        for _, h in hits.groupby("sent_id", sort=True)
    ]


def test_a_word_that_only_looks_like_an_answer_leaves_the_threat() -> None:
    """ "counterpart", "fighter", "copper", "the meeting" do not answer a threat."""
    got = _statuses(
        [
            "His South Korean counterpart warned of further provocations.",
            "Chinese fighter jets staged provocative passes.",
            "The meeting discussed the growing threat.",
            "The navy is countering threats.",
            "They must deal with the threat.",
        ]
    )
    assert [g[0][2] for g in got] == ["counted", "counted", "counted", "answered", "answered"]


def test_a_negated_denial_or_an_emphatic_never_leaves_the_cue() -> None:
    got = _statuses(
        [
            "Pyongyang did not rule out provocations.",
            "Pyongyang never stops its provocations.",
            "The situation has never been more dangerous.",
            "The drills pose no more threat than before.",
            "The drills did not pose any threat.",
        ]
    )
    assert [g[0][2] for g in got] == ["counted", "counted", "counted", "negated", "negated"]


def test_exercise_ship_and_policy_names_carry_no_tone_in_the_security_domain() -> None:
    texts = [
        "The war games began on Monday.",
        "The amphibious assault ship sailed.",
        "Talks on outstanding issues resumed.",
        "Japan supports a Free and Open Indo-Pacific.",
    ]
    plain = sentiment.score(_sentences(texts))["compound"].tolist()
    domain = sentiment.score(_sentences(texts), domain="security")["compound"].tolist()
    assert plain[0] < -0.5 and plain[1] < -0.5 and plain[2] > 0.5  # VADER as published
    assert domain[:3] == [0.0, 0.0, 0.0]
    assert domain[3] < plain[3]  # "supports" stays, "free" is gone


def test_fire_exchanged_in_fighting_is_no_cooperation() -> None:
    got = _statuses(
        [
            "Heavy exchanges of fire continued along the border.",
            "An apparent friendly fire incident killed two.",
            "The two navies held exchanges on tactics.",
        ]
    )
    assert got[0] == [("cooperation", "exchanges", "in_name")]
    assert got[1] == [("cooperation", "friendly", "in_name")]
    assert ("cooperation", "exchanges", "counted") in got[2]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # words of when between the pair and its verb
        (
            "Russia and Belarus on Friday began large-scale joint military exercises.",
            "Russia and Belarus",
        ),
        ("Japan and India this week launched their biggest drills.", "Japan and India"),
        # the pair's own exercise later in the clause
        (
            'North Korea warned that the United States and South Korea will be "made to pay '
            'a dear price" for holding their annual Freedom Shield large-scale joint military '
            "exercise.",
            "the United States and South Korea",
        ),
        # China and Russia's own: left to the record
        ("China and Russia on Monday began joint naval drills.", ""),
        ("Russia and China will hold their annual joint exercise in July.", ""),
    ],
)
def test_an_exercise_of_other_countries_is_theirs(text: str, pair: str) -> None:
    from framelens.events.mentions import _others_exercise

    assert _others_exercise(text) == pair


def test_an_exercise_of_other_countries_links_to_no_china_russia_event() -> None:
    from framelens import events

    text = (
        "Russia and Belarus on Friday began large-scale joint military exercises, the "
        "Zapad-2021 drills, that have rattled NATO."
    )
    docs = pd.DataFrame({"doc_id": ["a"], "published": ["2021-09-10"], "text": [text]})
    from framelens import corpus

    found = events.mentions(corpus.segment(docs), documents=docs)
    assert found["record_event"].fillna("").eq("").all()


def test_a_first_of_aircraft_is_not_refuted_by_ships_there_before() -> None:
    from framelens import corpus, events

    text = (
        "Chinese and Russian bombers flew near Alaska on Wednesday, NORAD said. It was the "
        "first time the command had intercepted Chinese and Russian bombers flying together "
        "near Alaska."
    )
    docs = pd.DataFrame({"doc_id": ["a"], "published": ["2024-07-25"], "text": [text]})
    found = events.mentions(corpus.segment(docs), documents=docs)
    claims = events.check_claims(found, events.load_events(), publication_date="2024-07-25")
    first = claims[claims["claim_type"] == "first_time"]
    assert first["claimed"].tolist() == ["first in Alaska (aircraft)"]
    assert first["status"].tolist() == ["supported"]  # the Joint Naval Patrol of 2023: ships


@pytest.mark.parametrize(
    "text",
    [
        "The command's troops will practice joint sea and air patrols, seizing control.",
        "Officials said the joint sea and air patrols that began last month will continue.",
    ],
)
def test_joint_sea_and_air_patrols_of_others_are_no_china_russia_patrol(text: str) -> None:
    from framelens import corpus, events

    docs = pd.DataFrame({"doc_id": ["a"], "published": ["2023-04-08"], "text": [text]})
    found = events.mentions(corpus.segment(docs), documents=docs)
    assert not (found["kind"] == "reference").any()
