"""Datelines and site furniture are left out of the sentences and listed (issue 15, part 3)."""

from __future__ import annotations

import pandas as pd
import pytest

from framelens import corpus, stats

DATELINES = [
    ("MOSCOW, October 14. /TASS/. The navies began drills.", "MOSCOW, October 14. /TASS/. "),
    ("BEIJING, Aug. 3 (Xinhua) -- Warships set sail.", "BEIJING, Aug. 3 (Xinhua) -- "),
    ("TOKYO (Reuters) - Japan scrambled jets.", "TOKYO (Reuters) - "),
    ("VLADIVOSTOK, Sept 10 (Reuters) - Drills began.", "VLADIVOSTOK, Sept 10 (Reuters) - "),
    ("SEOUL, Dec. 22 (Yonhap) -- The military said.", "SEOUL, Dec. 22 (Yonhap) -- "),
    ("THE HAGUE, Netherlands (AP) \u2014 A court ruled.", "THE HAGUE, Netherlands (AP) \u2014 "),
    ("WASHINGTON \u2014 The Pentagon said.", "WASHINGTON \u2014 "),
    ("SHANGHAI - Xi and Putin attended the launch.", "SHANGHAI - "),
    ("TAIPEI (Taiwan News) \u2014 Ships passed.", "TAIPEI (Taiwan News) \u2014 "),
    # the forms of wire copy a 34-article, 22-outlet corpus kept as prose
    ("SEOUL, South Korea (AP) \u2014 The allies began drills.", "SEOUL, South Korea (AP) \u2014 "),
    ("Beijing (AFP) - China began drills.", "Beijing (AFP) - "),
    ("New Delhi, Apr 10 (PTI) The navy began drills.", "New Delhi, Apr 10 (PTI) "),
    ("MOSCOW, 25 July \u2014 RIA Novosti. Drills began.", "MOSCOW, 25 July \u2014 RIA Novosti. "),
    ("KUANTAN: Malaysia hosted the drills.", "KUANTAN: "),
    (
        "ABOARD THE USS RONALD REAGAN (AP) \u2014 Jets took off.",
        "ABOARD THE USS RONALD REAGAN (AP) \u2014 ",
    ),
]
NOT_DATELINES = [
    "NATO said nothing.",
    "US \u2014 China ties",
    "NATO (North Atlantic Treaty Organization) members met.",
    "China's Defense Ministry said the drills are routine.",
    "The drills began. BEIJING was silent.",
    "China and Russia held drills. Reporting by nobody was done.",
    # an acronym before its gloss or a dash was cut as a dateline
    "RIMPAC (Rim of the Pacific) is the world's largest maritime exercise.",
    "AUKUS \u2014 the pact between Australia, Britain and the US \u2014 shapes the drills.",
    "CHINA, RUSSIA: JOINT DRILLS BEGIN",
    "NAVAL DRILLS BEGIN",
]
FURNITURE = [
    "By Liu Xuanzun Published: Jul 14, 2024 09:09 PM",
    "Copyright 2024 The Associated Press. All rights reserved.",
    "Source: Xinhua| 2024-07-14 21:09:32|Editor: huaxia",
    "(Reporting by A. Writer; Editing by B. Editor)",
    "Follow us on Telegram",
    "Related: China, Russia begin drills",
    "Subscribe to our newsletter",
    "\u00a9 AFP 2024",
    "By Ben Blanchard",
    "By Guo Yuandan and Liu Xuanzun Published: Jul 14, 2024 09:09 PM",
    "Burak Bir |28.06.2021 - Update : 28.06.2021",
    "\u2014 AFP",
    "==Kyodo",
    "-- BERNAMA",
    "(ANI)",
    "(END)",
    "Enditem",
    "burs-lto/dva",
    "hkim@yna.co.kr",
    "Associated Press writer Mari Yamaguchi in Tokyo contributed to this report.",
    "Image source, Getty Images",
    "Credit: U.S. Navy photo by Mass Communication Specialist 2nd Class J. Doe",
    "Enjoying this article? Click here to subscribe for full access.",
    "This story has been published from a wire agency feed without modifications to the text.",
    "Also Read | China, Russia hold drills",
    "Published On 5 Mar 2024",
]
#: prose that starts with a furniture word: the rule matched the word's first letters
#: ("Follow" in "Following") and any "Related"/"Copyright", and these were deleted
NOT_FURNITURE = [
    "Following the start of the drills, Japan lodged a formal protest.",
    "Related exercises were held near Vladivostok in 2022.",
    "Subscribers to the alliance theory see a bloc forming.",
    "Copyright disputes aside, state television aired the drills.",
    "Signed up for the patrol were four destroyers.",
    # a byline rule that ignored case took these for "By <Name>" and dropped them
    "By the end of 2025, the navy wants ten more destroyers.",
    "By mid-2024, China had three carriers at sea.",
    "By Tuesday 14 warships had arrived in Vladivostok.",
    "Images by Maxar Technologies showed the carrier Shandong in port at Sanya.",
    "Photos by the navy showed the ships refuelling at sea.",
    "Credit ratings of the shipbuilders fell.",
    "Credit, however, must go to the navy.",
    "Analysts at the institute contributed to the report.",
]


def docs(*texts: str) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": list(texts)})


@pytest.mark.parametrize(("text", "dateline"), DATELINES)
def test_a_dateline_is_listed_and_left_out_of_the_sentence(text, dateline):
    d = docs(text)
    b = corpus.boilerplate(d)
    assert b[["text", "kind", "rule"]].values.tolist() == [[dateline, "boilerplate", "dateline"]]
    s = corpus.segment(d)
    assert s["text"].tolist() == [text[len(dateline) :]]
    assert (s["start"] == len(dateline)).all()
    kept = corpus.segment(d, keep_boilerplate=True)
    assert kept["text"].str.cat(sep=" ").startswith(dateline.split(" ")[0])


@pytest.mark.parametrize("text", NOT_DATELINES)
def test_text_is_not_taken_for_a_dateline(text):
    assert corpus.boilerplate(docs(text)).empty
    assert corpus.segment(docs(text))["text"].str.cat(sep=" ") == text


@pytest.mark.parametrize("text", FURNITURE)
def test_a_furniture_paragraph_is_left_out(text):
    d = docs("China and Russia held drills.\n\n" + text + "\n\nThey ended on Sunday.")
    b = corpus.boilerplate(d)
    assert b[["para_id", "text", "rule"]].values.tolist() == [[1, text, "furniture"]]
    s = corpus.segment(d)
    assert s["text"].tolist() == ["China and Russia held drills.", "They ended on Sunday."]
    # paragraph numbers keep their place in the document; offsets still index the text
    assert s["para_id"].tolist() == [0, 2]
    for row in s.itertuples():
        assert d["text"].iloc[0][row.start : row.end] == row.text


@pytest.mark.parametrize(
    "credit",
    [
        "[Photo by Wu Zhiyi/Asianewsphoto]",
        "(Photo: Xinhua/Zha Chunming)",
        "(mod.gov.cn/Photo by Li Xiaowei)",
        "(Japan Ministry of Defense image)",
        "(AP: Russian Defence Ministry Press Service)",
        "Photo: Li Tang",
        "15:55, July 05, 2013",
        "(Xinhua) Updated: 2014-05-20 21:12",
        "[Anchor]",
        "* * *",
        "(ANI)",
        "\u2014 AFP",
        "Enditem",
        "Photo by John Smith/Reuters",
        "KYODO NEWS - Nov 10, 2022 - 19:55 | World, All",
    ],
)
def test_a_furniture_sentence_inside_a_paragraph_is_left_out(credit):
    text = f"Xi and Putin attend the launch in Shanghai. {credit}\n\nThe drills began."
    d = docs(text)
    assert corpus.segment(d)["text"].tolist() == [
        "Xi and Putin attend the launch in Shanghai.", "The drills began.",
    ]  # fmt: skip
    b = corpus.boilerplate(d)
    assert b[["text", "rule"]].values.tolist() == [[credit, "furniture"]]
    assert text[b["start"].iloc[0] : b["end"].iloc[0]] == credit
    assert len(corpus.segment(d, keep_boilerplate=True)) == 3


@pytest.mark.parametrize("text", NOT_FURNITURE)
def test_prose_that_starts_with_a_furniture_word_is_kept(text):
    d = docs("China and Russia held drills.\n\n" + text + "\n\nThey ended on Sunday.")
    assert corpus.boilerplate(d).empty
    assert corpus.segment(d)["text"].tolist()[1] == text


def test_a_long_paragraph_that_starts_like_furniture_is_kept():
    text = "Related: " + "the drills grew in scope and the navies trained together. " * 8
    assert corpus.boilerplate(docs(text)).empty


def test_datelines_no_longer_make_keywords():
    """ "october" was the Russian outlet's top keyword because every TASS story opens with one."""
    tass = [f"MOSCOW, October {d}. /TASS/. Russian ships sailed with Chinese ships." for d in
            range(10, 16)]  # fmt: skip
    other = [f"TOKYO (Kyodo) -- Japan watched Chinese ships number {d}." for d in range(6)]
    d = docs(*tass, *other).assign(outlet=["tass"] * 6 + ["kyodo"] * 6)
    s = corpus.segment(d)
    labels = d[["doc_id"]].assign(group=d["outlet"])
    counts = stats.keyness_counts(stats.term_counts(s), labels)
    assert "october" not in set(counts["term"]) and "tass" not in set(counts["term"])
    assert len(corpus.boilerplate(d)) == 12


def test_boilerplate_of_an_empty_corpus_and_bad_input():
    assert list(corpus.boilerplate(docs())) == corpus.BOILERPLATE_COLUMNS
    with pytest.raises(Exception, match="text"):
        corpus.boilerplate(pd.DataFrame({"doc_id": ["a"]}))


def test_a_dateline_after_a_title_line_is_left_out_and_the_title_kept():
    text = (
        "Russia begins drills\nLONDON, April 14 (Reuters) - Russia began drills.\n\nThey end soon."
    )
    d = docs(text)
    assert corpus.segment(d)["text"].tolist() == [
        "Russia begins drills", "Russia began drills.", "They end soon.",
    ]  # fmt: skip
    b = corpus.boilerplate(d)
    assert b[["text", "rule"]].values.tolist() == [["LONDON, April 14 (Reuters) - ", "dateline"]]
    assert text[b["start"].iloc[0] : b["end"].iloc[0]] == b["text"].iloc[0]
    kept = corpus.segment(d, keep_boilerplate=True)["text"].str.cat(sep=" ")
    assert "LONDON, April 14 (Reuters)" in kept


def test_a_dateline_alone_in_its_paragraph_leaves_nothing():
    for alone in ("MOSCOW, October 14. /TASS/.", "ANKARA"):
        d = docs(alone + "\n\nThe navies began drills.")
        assert corpus.segment(d)["text"].tolist() == ["The navies began drills."]
        assert corpus.boilerplate(d)["rule"].tolist() == ["dateline"]


@pytest.mark.parametrize(
    ("para", "prose"),
    [
        # datelines of other coverage: a region of three words, two places, the agency alone
        (
            "DUBAI, United Arab Emirates (AP) - Yemen's Houthi rebels attacked a ship.",
            "Yemen's Houthi rebels attacked a ship.",
        ),
        (
            "BEIJING/TAIPEI, Aug 4 (Reuters) - China's military began drills.",
            "China's military began drills.",
        ),
        (
            "(CNN) - North Korea fired a missile on Thursday.",
            "North Korea fired a missile on Thursday.",
        ),
        # furniture paragraphs
        ("Updated - March 12, 2024 09:15 pm IST - NEW DELHI", ""),
        ("Published - March 12, 2024 09:15 pm IST", ""),
        ("This material may not be published, broadcast, rewritten or redistributed.", ""),
        ("Associated Press writer Jon Gambrell contributed from Dubai.", ""),
        ("Tags: PLA, Taiwan, drills", ""),
        (
            "Reporting by Ju-min Park in Seoul and Kiyoshi Takenaka in Tokyo; Editing by Raju "
            "Gopalakrishnan",
            "",
        ),
        # prose that begins like a credit or a call to act
        (
            "Reporting by Reuters in 2019 showed the drills had grown.",
            "Reporting by Reuters in 2019 showed the drills had grown.",
        ),
        (
            "Sign up for the coalition was slow, officials said.",
            "Sign up for the coalition was slow, officials said.",
        ),
        (
            "Editing by the censors removed the passage, the paper said.",
            "Editing by the censors removed the passage, the paper said.",
        ),
    ],
)
def test_furniture_of_other_coverage_and_the_prose_beside_it(para: str, prose: str) -> None:
    text = para + "\n\nThe navy said the drills went well."
    s = corpus.segment(pd.DataFrame({"doc_id": ["a"], "text": [text]}))
    kept = " ".join(s["text"].tolist()[:-1])
    assert kept == prose
