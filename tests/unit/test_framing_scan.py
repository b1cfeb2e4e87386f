"""Tests for the pieces of the frame-cue scan (what a token matches, parts, phrases) and counts."""

from __future__ import annotations

import importlib

import pandas as pd

from framelens import corpus, framing

# the module, not the function framing.match
M = importlib.import_module("framelens.framing.match")

MINI = framing.load_dictionary(
    {"name": "mini", "categories": {"x": ["threat", "live fire", "{number} warship*"]}}
)
TEXT = "Type 052 and 19 new warships, live-fire."


def compiled():
    m, _weak, _answers, _negates, single_by_el, _info, by_second, _texts = M._compiled(MINI)
    return m, single_by_el, by_second, frozenset(m.phrases)


def element(m, part: str) -> int:
    return m.elements.index((False, part))


def parts_of(text: str):
    """The parts of every token of a one-sentence text, and the tokens."""
    m, single_by_el, _by_second, firsts = compiled()
    s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "text": [text]})
    t = corpus.Tokens(s)
    columns = (t.token, t.start, t.end, t.type)

    def info_of(pos):
        return M._token_info(m, t.token[pos], t.type[pos], single_by_el, firsts)

    n = len(t.token)
    return columns, info_of, n


def test_token_info_gives_single_hits_pieces_and_phrase_starts():
    m, single_by_el, _by_second, firsts = compiled()
    live, fire, number = element(m, "live"), element(m, "fire"), element(m, "{number}")
    assert M._token_info(m, "Threat", "word", single_by_el, firsts) == (
        ((0, "threat"),),
        ((6, frozenset({element(m, "threat")})),),
        frozenset(),
    )
    # a word is split at hyphens; only its first piece can start a phrase
    assert M._token_info(m, "live-fire", "word", single_by_el, firsts) == (
        (),
        ((4, frozenset({live})), (4, frozenset({fire}))),
        frozenset({live}),
    )
    assert M._token_info(m, "19", "number", single_by_el, firsts)[2] == frozenset({number})
    # punctuation matches nothing, whatever its text
    assert M._token_info(m, ",", "punct", single_by_el, firsts) == (
        (),
        ((1, frozenset()),),
        frozenset(),
    )


def test_lead_says_what_a_token_needs_to_give_a_hit_and_offers_the_token_before():
    m, single_by_el, by_second, _firsts = compiled()
    bit_of = M._compiled(MINI)[-1].bit_of
    fire = bit_of[element(m, "fire")]
    warship = bit_of[element(m, "warship*")]
    assert set(bit_of.values()) == {fire, warship}
    texts = ["threat", "Threats", "live", "live-fire", "fire", "fire-live", "19", "new", ","]
    leads = {t: M._lead(m, t, single_by_el, by_second, bit_of) for t in texts}
    assert leads == {
        "threat": (M.ALWAYS, 0, False),  # a single-word cue
        "Threats": (0, 0, False),
        "live": (fire, 0, False),  # "live fire" needs "fire" next
        "live-fire": (M.ALWAYS, 0, False),  # a phrase within the word
        "fire": (0, fire, False),
        "fire-live": (0, fire, False),  # its first piece may be a phrase's second element
        "19": (warship, 0, True),  # {number}: "warship*" may come words later
        "new": (0, 0, False),
        ",": (0, 0, False),
    }
    assert M._lead(m, "warships", single_by_el, by_second, bit_of) == (0, warship, False)


def test_leads_are_found_when_first_asked_and_forgotten_together():
    m, single_by_el, by_second, _firsts = compiled()
    bit_of = M._compiled(MINI)[-1].bit_of
    leads = M._Leads(m, single_by_el, by_second, bit_of)
    assert leads["live"] == M._lead(m, "live", single_by_el, by_second, bit_of)[0]
    assert leads["fire"] == 0 and leads.offers == {"live": 0, "fire": bit_of[element(m, "fire")]}
    assert leads["19"] and leads.far == {"19"}
    leads.clear()
    assert not leads and not leads.offers and not leads.far


def test_parts_split_words_at_hyphens_and_drop_number_in_a_designation():
    m = compiled()[0]
    number = element(m, "{number}")
    columns, info_of, n = parts_of(TEXT)
    parts = M._parts(columns, info_of, 0, n, 0, n, m.gap_after)
    # Type 052 and 19 new warships , live fire .
    assert [(a, b) for _els, a, b, *_ in parts] == [
        (0, 4), (5, 8), (9, 12), (13, 15), (16, 19), (20, 28), (28, 29), (30, 34), (35, 39),
        (39, 40),
    ]  # fmt: skip
    assert number not in parts[1][0]  # "Type 052": a designation, not a count
    assert number in parts[3][0]
    assert [p[3:] for p in parts[6:9]] == [
        (True, True, False), (True, False, True), (False, True, True),
    ]  # fmt: skip
    # a window of the sentence: designations are still judged in the whole sentence
    window = M._parts(columns, info_of, 1, 3, 0, n, m.gap_after)
    assert window == parts[1:3]


def test_ahead_gives_the_elements_a_number_may_be_followed_by():
    m = compiled()[0]
    warship = element(m, "warship*")
    columns, info_of, n = parts_of("19 new warships, 4 big new grey warships and one-warship")
    types = columns[3]
    assert M._ahead(info_of, types, 0, n) == {warship}  # up to the comma
    assert M._ahead(info_of, types, 4, n) == set()  # three words, then a fourth: no further
    # a piece of a hyphenated word: its other pieces come first
    one = len(types) - 1
    assert M._ahead(info_of, types, one, n) == {warship}
    assert M._ahead(info_of, types, one, one + 1) == {warship}


def test_phrases_at_finds_the_phrases_starting_at_the_first_part():
    m, _single_by_el, by_second, firsts = compiled()
    columns, info_of, n = parts_of(TEXT)
    parts = M._parts(columns, info_of, 0, n, 0, n, m.gap_after)
    # "19 new warships": {number} may skip up to NUMBER_GAP words
    assert M._phrases_at(parts[3:], by_second, m.gap_after, firsts) == [
        (0, "{number} warship*", 13, 28)
    ]
    assert M._phrases_at(parts[7:], by_second, m.gap_after, firsts) == [(0, "live fire", 30, 39)]
    # "052" is a designation: no count of warships starts there
    assert M._phrases_at(parts[1:], by_second, m.gap_after, firsts) == []
    assert M._phrases_at(parts[8:], by_second, m.gap_after, firsts) == []


def test_term_hits_find_the_same_cues_in_a_subset_of_the_sentences():
    s = pd.DataFrame(
        {"doc_id": ["a", "a", "a"], "sent_id": [0, 1, 2], "start": [0, 41, 60],
         "text": [TEXT, "No threat was seen.", "Two warships, a threat."]}
    )  # fmt: skip
    tokens = corpus.Tokens(s)
    whole = framing.term_hits(s, MINI, tokens=tokens)
    assert whole[["sent_id", "term", "status"]].values.tolist() == [
        [0, "19 new warships", "counted"], [0, "live-fire", "counted"],
        [1, "threat", "negated"], [2, "Two warships", "counted"], [2, "threat", "counted"],
    ]  # fmt: skip
    part = framing.term_hits(s.iloc[[2, 0]], MINI, tokens=tokens)
    assert part.equals(whole[whole.sent_id != 1].reset_index(drop=True))


def test_sentence_words_from_the_tokens_of_a_larger_frame_match_the_text():
    P = importlib.import_module("framelens.framing.profile")
    s = pd.DataFrame(
        {"doc_id": ["a", "a", "b"], "sent_id": [0, 1, 0], "start": [0, 41, 0],
         "text": [TEXT, "U.S. ships, 3 of them.", "@navy #drill: see https://x.org now"]}
    )  # fmt: skip
    tokens = corpus.Tokens(s)
    assert P._sentence_words(s) == [5, 4, 2]
    assert P._sentence_words(s, tokens) == [5, 4, 2]
    assert P._sentence_words(s.iloc[[2, 0]], tokens) == [2, 5]


def test_profile_counts_read_a_missing_strength_or_count_as_the_sums_did():
    s = pd.DataFrame(
        {"doc_id": ["a", "a", "b"], "sent_id": [0, 1, 0], "start": [0, 20, 0],
         "text": ["Tensions escalated.", "Ships sailed.", "A threat."]}
    )  # fmt: skip
    fs = pd.DataFrame(
        {"doc_id": ["a", "b", "a"], "sent_id": [0, 0, 1], "frame": ["threat", "threat", "rivalry"],
         "n_hits": [2.0, 1.0, None], "cue_strength": ["strong", None, "weak"]}
    )  # fmt: skip
    cols = ["doc_id", "frame", "n_frame_sentences", "n_strong_sentences", "n_hits"]
    for strength in ("string", "str", object):
        c = framing.profile_counts(s, fs.astype({"cue_strength": strength}), "security")
        got = c.loc[c.n_frame_sentences > 0, cols].values.tolist()
        # NA in a "string" column is no strong cue; None elsewhere is not "weak"
        b_strong = 0 if strength == "string" else 1
        assert got == [["a", "threat", 1, 1, 2], ["a", "rivalry", 1, 0, 0],
                       ["b", "threat", 1, b_strong, 1]]  # fmt: skip


def test_scope_role_says_whether_a_word_ends_a_negation_scope_or_may_negate():
    roles = {t: M._scope_role(t) for t in ["But", "however", "not", "Never", "isn't", "won\u2019t"]}
    assert roles == {
        "But": M._BREAK, "however": M._BREAK, "not": M._NEGATOR, "Never": M._NEGATOR,
        "isn't": M._NEGATOR, "won\u2019t": M._NEGATOR,
    }  # fmt: skip
    assert M._scope_role("threat") == M._scope_role("note") == M._OTHER


def test_a_number_phrase_is_found_across_the_words_it_may_skip_and_no_further():
    s = pd.DataFrame(
        {
            "doc_id": ["a", "a", "a"],
            "sent_id": [0, 1, 2],
            "start": [0, 30, 60],
            "text": ["19 new grey warships sailed.", "19 new big grey warships.", "Live fire"],
        }
    )
    hits = framing.term_hits(s, MINI, context=False)
    assert hits[["sent_id", "term"]].values.tolist() == [
        [0, "19 new grey warships"],
        [2, "Live fire"],
    ]
