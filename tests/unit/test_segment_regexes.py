"""Segmentation's faster regexes find what the plainer ones they replace found."""

from __future__ import annotations

import random
import re

from framelens import corpus

#: as they were written first: what the faster forms must match
_STACKED_PLAIN = re.compile(r"[!?][!?.]|[.!?][\"'\u201d\u2019)\]]+[.!?]")
_PARA_PLAIN = re.compile(rf"{corpus._NEWLINE}{corpus._BLANK}{corpus._NEWLINE}+")


def _fuzz(alphabet: str, n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14))) for _ in range(n)]


def test_stacked_marks_match_the_same_span():
    for text in _fuzz(".!?\"'\u201d\u2019)]aZ ", 30_000, seed=1):
        a, b = _STACKED_PLAIN.search(text), corpus._STACKED.search(text)
        assert (a and a.span()) == (b and b.span()), text


def test_glued_stop_is_found_alike():
    for text in _fuzz(".!?aZzbQ\u00e9 ", 30_000, seed=2):
        assert bool(corpus._GLUED.search(text)) == bool(corpus._HAS_GLUED.search(text)), text


def test_blank_lines_split_alike():
    for text in _fuzz("a \n\r\t\x0b\x85\u2028\u00a0\u200b\x0c", 30_000, seed=3):
        plain = [m.span() for m in _PARA_PLAIN.finditer(text)]
        assert [m.span() for m in corpus._BLANK_LINE.finditer(text)] == plain, repr(text)


def test_embed_links_need_their_lower_case_beginnings():
    for para in ["See pic.twitter.com/abc", "https://t.co/xyz", "HTTPS://T.CO/XYZ", "no link"]:
        expected = bool(corpus.EMBED_LINK_RE.search(para))
        assert corpus._is_embed(para, alone=False) == expected, para


def test_furniture_sentences_are_found_alike():
    forms = [
        "Associated Press writer Mari Yamaguchi in Tokyo contributed to this report.",
        "Jane Doe contributed to this story",
        "Analysts at the institute contributed to the report.",
        "They contributed to this report. And more.",
        "[Photo by Wu Zhiyi/Asianewsphoto]",
        "Photo by John Smith/Reuters",
        "[Anchor]",
        "Enditem",
        "* * *",
        "Reuters - May 3, 2024",
        "2024-05-03 10:15",
        "The drills began on Monday.",
    ]
    rng = random.Random(4)
    words = ["contributed", "to", "this", "report", "story", ".", "Photo", "by", "X", "\n", " "]
    forms += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 8))) for _ in range(5_000)]
    for text in forms:
        assert corpus._is_furniture(text) == bool(corpus.FURNITURE_SENTENCE_RE.match(text)), text
    assert corpus._is_furniture(forms[0]) and not corpus._is_furniture(forms[2])


def test_line_breaks_are_found_alike():
    for text in _fuzz("a \n\r\t\x0b\x0c\x85\u2028\u2029\x1c\u00e9", 30_000, seed=5):
        assert corpus._has_line_break(text) == bool(corpus._LINE_BREAK.search(text)), repr(text)
    assert corpus._has_line_break("TITLE\u2028LONDON") and not corpus._has_line_break("a\x0cb")


def test_a_mend_is_hinted_wherever_one_is_needed():
    guards = (corpus._HAS_GLUED, corpus._QUOTED_END, corpus._STACKED)
    texts = _fuzz(".!?\"'\u201d\u2019)]aZzbQ \n", 60_000, seed=6) + _fuzz("!.azbZQ", 20_000, seed=7)
    for text in texts:
        needed = any(g.search(text) for g in guards)
        assert bool(corpus._MAY_MEND.search(text)) == needed, repr(text)
    assert corpus._MAY_MEND.search('"Why?" he asked.') and not corpus._MAY_MEND.search("Yes. No.")


def test_furniture_paragraphs_are_found_alike():
    paras = [
        "Copyright 2024 Reuters. All rights reserved.",
        "\u00a9 2024 The Paper. ALL RIGHTS RESERVED",
        "All r\u0131ghts reserved.",  # a dotless i: case-blind matching takes it for "i"
        "Associated Press writer Mari Yamaguchi in Tokyo contributed to this report.",
        "Jon Gambrell contributed reporting from Dubai.",
        "JON GAMBRELL CONTRIBUTED REPORTING.",
        "Reporting by Yimou Lee in Taipei; Editing by Lincoln Feast.",
        "The reporters contributed to the rights of the reserved seats.",
        "The drills began on Monday.",
    ]
    rng = random.Random(8)
    words = ["All", "rights", "RIGHTS", "reserved", "contributed", "to", "this", "report",
             "reporting", "The", ".", "\u00a9", "Copyright", "2024"]  # fmt: skip
    paras += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 9))) for _ in range(5_000)]
    for para in paras:
        furniture = corpus._boilerplate(para)[1] == "furniture"
        assert furniture == bool(corpus.BOILERPLATE_RE.match(para)), para
    assert corpus._boilerplate(paras[2]) == (len(paras[2]), "furniture")
