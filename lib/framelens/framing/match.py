"""Find frame cues in sentences and judge each in its context: negation, names, weak cues."""

from __future__ import annotations

import re
import warnings
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache, lru_cache
from itertools import compress, count
from pathlib import Path

import pandas as pd

from .. import corpus
from ..errors import FramelensWarning
from ..params import check_columns, check_int
from .dictionary import (
    _APOSTROPHES,
    _GLOB_CHARS,
    _NUMBER_RE,
    NUMBER_GAP,
    NUMBER_PART,
    Dictionary,
    _glob_regex,
    _normal,
    load_dictionary,
)

HIT_COLUMNS = [
    "doc_id", "sent_id", "frame", "dictionary", "pattern", "term", "start", "end",
    "cue_strength", "status", "note",
]  # fmt: skip


FRAME_SENTENCE_COLUMNS = [
    "doc_id", "sent_id", "kind", "text", "frame", "dictionary", "matches", "n_hits",
    "cue_strength",
]  # fmt: skip


class _Matcher:
    """Compiled form of a dictionary: element tests cached per distinct token string."""

    def __init__(self, d: Dictionary):
        self.frames = d.frames
        # each element: (case_sensitive, part); patterns refer to element ids
        self.elements: list[tuple[bool, str]] = []
        self.element_re: list[re.Pattern[str] | None] = []
        ids: dict[tuple[bool, str], int] = {}
        self.singles: list[tuple[int, int, str]] = []  # (element, frame index, pattern)
        self.phrases: dict[int, list[tuple[tuple[int, ...], int, str]]] = {}
        for fi, c in enumerate(d.categories):
            for p in c.patterns:
                el = []
                for part in p.parts:
                    k = (p.case_sensitive, part)
                    if k not in ids:
                        ids[k] = len(self.elements)
                        self.elements.append(k)
                        self.element_re.append(
                            _NUMBER_RE
                            if part == NUMBER_PART
                            else _glob_regex(part, p.case_sensitive)
                            if _GLOB_CHARS & set(part)
                            else None
                        )
                    el.append(ids[k])
                if len(el) == 1:
                    self.singles.append((el[0], fi, p.text))
                else:
                    self.phrases.setdefault(el[0], []).append((tuple(el), fi, p.text))
        # the tests indexed: exact words by their text, prefix globs ("escalat*") by their
        # prefix, checked for ASCII tokens by slicing; other globs (and any glob on a
        # non-ASCII token, where case folding may differ from lower()) by their regex
        self._exact: dict[tuple[bool, str], list[int]] = {}
        self._prefix: dict[tuple[bool, str], list[int]] = {}
        self._globs: list[int] = []
        self._other_globs: list[int] = []
        #: elements after which a phrase may skip up to NUMBER_GAP words ({number})
        self.gap_after = frozenset(
            i for i, (_cs, part) in enumerate(self.elements) if part == NUMBER_PART
        )
        for i, (cs, part) in enumerate(self.elements):
            if self.element_re[i] is None:
                self._exact.setdefault((cs, part), []).append(i)
                continue
            self._globs.append(i)
            head = part[:-1]
            prefix = part.endswith("*") and head.isascii() and not _GLOB_CHARS & set(head)
            if prefix and part != NUMBER_PART:
                self._prefix.setdefault((cs, head), []).append(i)
            else:
                self._other_globs.append(i)
        self._lengths = sorted({len(head) for _cs, head in self._prefix})
        self._cache: dict[str, frozenset[int]] = {}

    def elements_of(self, s: str) -> frozenset[int]:
        """Return the ids of the elements (words, globs) that token ``s`` matches."""
        hit = self._cache.get(s)
        if hit is not None:
            return hit
        ci = _normal(s, True)
        lo = ci.lower()
        out = set(self._exact.get((True, ci), ()))
        out.update(self._exact.get((False, lo), ()))
        globs = self._globs
        if ci.isascii():
            prefix = self._prefix
            for n in self._lengths:
                if n > len(ci):
                    break
                out.update(prefix.get((True, ci[:n]), ()))
                out.update(prefix.get((False, lo[:n]), ()))
            globs = self._other_globs
        for i in globs:
            cs = self.elements[i][0]
            if self.element_re[i].match(ci if cs else lo):
                out.add(i)
        res = self._cache[s] = frozenset(out)
        if len(self._cache) > INFO_LIMIT:
            self._cache.clear()
        return res


#: words that negate a cue up to :data:`NEGATION_WINDOW` words after them ("did not pose
#: any threat"); a contraction ending in n't counts too
NEGATORS = frozenset(
    "not no never nor neither without none nothing nobody cannot hardly "
    "deny denies denied denying".split()
)


#: a negator followed by one of these does not negate ("not only", "no doubt"), or negates
#: a denial of the cue, which stands ("did not rule out provocations", "never stops its
#: provocations", "nothing short of a threat")
_NEG_EXEMPT = frozenset(
    "only just merely least less doubt short rule ruled ruling exclude excluded excluding "
    "stop stops stopped cease ceases ceased".split()
)
#: "never been more", "never so": a negator that emphasises ("has never been more dangerous")
_EMPHATIC = frozenset("more so greater higher worse stronger bigger larger".split())


#: prepositions that open a phrase of its own after "no" and its noun ("no winners in a
#: trade war": the war is not denied)
_PREPOSITIONS = frozenset(
    "in among from with on at to by between against about over within during across "
    "around near".split()
)  # not "of" or "for": "no incidents of intimidation", "no plans for retaliation" deny it
#: nouns after "no" that carry the denial into their phrase ("no sign of escalation",
#: "no risk of war", "no intention of provoking")
_LIGHT_NOUNS = frozenset(
    "sign signs risk danger evidence intention intent question hint prospect prospects "
    "chance chances possibility indication indications threat need plan plans reason "
    "room desire interest".split()
)


def _neg_exempt(words: list[str], j: int, i: int | None = None) -> bool:
    """Whether the negator at ``j`` leaves the cue (at token ``i``) after it standing.

    ``words``: the texts of the sentence's tokens.
    """
    nxt = [t.lower() for t in words[j + 1 : j + 3]]
    if nxt and nxt[0] in _NEG_EXEMPT:
        return True
    if (
        i is not None
        and words[j].lower() == "no"
        and nxt
        and nxt[0] not in _LIGHT_NOUNS
        and any(t.lower() in _PREPOSITIONS for t in words[j + 2 : i])
    ):
        # "no" denies its own noun: "there are no winners in a trade war", "no
        # disagreement among researchers"; but "no sign of escalation" denies it
        return True
    if words[j].lower() != "never" or not nxt:  # "no more a threat" does negate
        return False
    return nxt[0] in _EMPHATIC or (nxt[0] == "been" and len(nxt) == 2 and nxt[1] in _EMPHATIC)


#: words and marks that end a negation's scope
_SCOPE_BREAK = frozenset("but however although though while whereas yet unless except".split())


_SCOPE_PUNCT = frozenset(',;:()[]"\u201c\u201d\u2014\u2013')


NEGATION_WINDOW = 5

#: quotation marks: they do not end the words an ``answered_by`` word reaches
_QUOTE_MARKS = frozenset("\"\u201c\u201d\u2018\u2019'")


#: words before a cue in which an ``answered_by`` word makes it the thing answered (6, so
#: that "to respond to maritime and air military threats" reaches its cue; 3 before issue
#: 15's revision, 4 until the third gold set)
ANSWER_WINDOW = 6


#: status of a candidate cue (``term_hits``): only ``counted`` cues label a sentence
CUE_STATUS = ("counted", "negated", "in_name", "answered", "weak_alone")


def _negator(tok: str) -> bool:
    lo = tok.lower().translate(_APOSTROPHES)
    return lo in NEGATORS or lo.endswith("n't")


#: what a word is to a negation's scope: it ends it, it may negate, or neither
_BREAK, _NEGATOR, _OTHER = 1, 2, 0


@lru_cache(maxsize=65_536)
def _scope_role(tok: str) -> int:
    """Return :data:`_BREAK` (a word of :data:`_SCOPE_BREAK`), :data:`_NEGATOR` or 0."""
    if tok.lower() in _SCOPE_BREAK:
        return _BREAK
    return _NEGATOR if _negator(tok) else _OTHER


@cache
def _name_patterns(domain: str = "security") -> tuple[re.Pattern[str], ...]:
    """Names a cue inside of does not count: gazetteer aliases, exercise names, phrases.

    The security domain's fixed phrases ("regular press conference", "Security Council")
    are names for the shipped ``security`` dictionary only; any other dictionary reads the
    names alone (``"names"``): a researcher's cue "press conference" counts.
    """
    from ..sentiment.domain import _domain_patterns

    return _domain_patterns(domain, None)


_TITLE_LOWER = frozenset("the and for with from into over amid near but nor".split())


def _headline(words: list[str]) -> bool:
    """Title case: every word of three letters or more (bar a few) starts upper-case."""
    long = [w for w in words if len(w) > 2 and w[:1].isalpha() and w.lower() not in _TITLE_LOWER]
    return len(long) >= 3 and not any(w[0].islower() for w in long)


def _context(
    found: list[tuple[int, str, int, int]],
    toks: tuple[list[int], list[int], list[str], list[str]],
    text: str,
    off: int,
    weak: Mapping[tuple[int, str], str],
    negates: frozenset[tuple[int, str]],
    answers: dict[int, re.Pattern[str]] | None = None,
    names: tuple[re.Pattern[str], ...] | None = None,
    answered_as: Mapping[int, tuple[int, re.Pattern[str] | None]] | None = None,
) -> list[tuple[int, str, int, int, str, str]]:
    """Give each kept hit its status and a note (the negator, the name, the lone cue).

    A cue answered by an ``answered_by`` word (not a ``background_by`` one) of a category
    with ``answered_as`` also counts for that category (note "answered by <word>"),
    unless a cue of it already covers the span. ``toks``: the start, end, text and type
    of each of the sentence's tokens (four lists).
    """
    starts, ends, words, types = toks
    n = len(words)
    headline: list[bool] = []  # whether the sentence is a title-case headline, when asked

    def title() -> bool:
        if not headline:
            said = [w for w, ty in zip(words, types, strict=True) if ty == "word"]
            headline.append(_headline(said))
        return headline[0]

    def at(bounds: list[int], x: int) -> int | None:
        """Return the token that starts (or ends) at offset ``x``, if one does."""
        j = bisect_left(bounds, x)
        return j if j < n and bounds[j] == x else None

    spans = [
        (m.start() + off, m.end() + off, m.group(0))
        for rx in (names if names is not None else _name_patterns())
        for m in rx.finditer(text)
    ]
    first_word = next((i for i, ty in enumerate(types) if ty != "punct"), -1)

    def capital(i: int) -> bool:
        return 0 <= i < n and types[i] in ("word", "abbr") and words[i][:1].isupper()

    out = []
    for fi, pat, a, b in found:
        status, note = "counted", ""
        i, k = at(starts, a), at(ends, b)
        name = next((n for x, y, n in spans if x <= a and b <= y and y - x > b - a), None)
        if name is not None:
            status, note = "in_name", name
        elif (
            not pat.startswith("=")  # a cue written case-sensitive is a name on purpose
            and i is not None
            and k is not None
            and any(w[:1].isupper() for w in words[i : k + 1])
            and (capital(k + 1) or (i - 1 != first_word and capital(i - 1)))
            and not title()
        ):
            lo = i - 1 if i - 1 != first_word and capital(i - 1) else i
            hi = k + 1 if capital(k + 1) else k
            while lo - 1 > first_word and capital(lo - 1):
                lo -= 1
            while capital(hi + 1):
                hi += 1
            status, note = "in_name", text[starts[lo] - off : ends[hi] - off]
        elif i is not None and (fi, pat) not in negates:
            seen = 0
            for j in range(i - 1, -1, -1):
                tok, ty = words[j], types[j]
                if ty == "punct":
                    if tok in _SCOPE_PUNCT or tok in ".!?":
                        break
                    continue
                role = _scope_role(tok)
                if role == _BREAK:
                    break
                if (
                    role == _NEGATOR
                    and not _neg_exempt(words, j, i)
                    # a capitalised negator inside a name: "Doctors Without Borders said";
                    # not in a headline, where every word is capitalised ("Russia Does
                    # Not Pose A Threat") or the line is in capitals ("POSE NO THREAT")
                    and not (
                        tok[:1].isupper()
                        and not tok.isupper()
                        and j != first_word
                        and capital(j - 1)
                        and not title()
                    )
                ):
                    status, note = "negated", tok
                    break
                seen += 1
                if seen >= NEGATION_WINDOW:
                    break
        if status == "counted" and i is not None and answers and fi in answers:
            seen = 0
            for j in range(i - 1, -1, -1):
                tok, ty = words[j], types[j]
                if ty == "punct" and tok in _QUOTE_MARKS:  # dealing with "common threats"
                    continue
                if ty == "punct" or tok.lower() in _SCOPE_BREAK:
                    break
                if answers[fi].match(tok):
                    status, note = "answered", tok
                    break
                seen += 1
                if seen >= ANSWER_WINDOW:
                    break
        out.append((fi, pat, a, b, status, note))
    if answered_as:
        moved = [
            (answered_as[fi][0], pat, a, b, "counted", f"answered by {note}")
            for fi, pat, a, b, status, note in out
            if status == "answered"
            and fi in answered_as
            and not (answered_as[fi][1] is not None and answered_as[fi][1].fullmatch(note))
        ]
        for h in moved:
            if not any(fj == h[0] and x < h[3] and h[2] < y for fj, _p, x, y, _s, _n in out):
                out.append(h)
        out.sort(key=lambda h: (h[0], h[2]))
    # a weak cue needs a second counted cue of its frame in the sentence: another pattern,
    # and for a grouped weak cue one outside its group
    by_frame: dict[int, set[str]] = {}
    for fi, pat, _a, _b, status, _n in out:
        if status == "counted":
            by_frame.setdefault(fi, set()).add(weak.get((fi, pat), pat))
    res = []
    for fi, pat, a, b, status, note in out:
        if status == "counted" and (fi, pat) in weak and len(by_frame[fi]) < 2:
            status, note = "weak_alone", "no second cue of this frame"
            if weak[(fi, pat)] != pat:
                note += f" outside its {weak[(fi, pat)]}"
        res.append((fi, pat, a, b, status, note))
    return res


#: distinct tokens whose matches are kept between calls (about 200 bytes each; a cache of
#: (token, type) and one of token texts, each bounded so)
INFO_LIMIT = 200_000


def _words_regex(words: Iterable[str]) -> re.Pattern[str]:
    """One case-blind regex matching a token that is any of ``words`` (globs)."""
    return re.compile(
        "(?:" + "|".join(_glob_regex(w, False).pattern for w in words) + ")", re.IGNORECASE
    )


@lru_cache(maxsize=16)
def _answered_as(d: Dictionary) -> dict[int, tuple[int, re.Pattern[str] | None]]:
    """Category index -> (the category its answered cues count for, its background words)."""
    frames = [c.name for c in d.categories]
    return {
        fi: (
            frames.index(c.answered_as),
            _words_regex(c.background_by) if c.background_by else None,
        )
        for fi, c in enumerate(d.categories)
        if c.answered_as
    }


@lru_cache(maxsize=16)
def _compiled(d: Dictionary) -> tuple:
    """Compile a dictionary for matching, kept for the process (a worker's partitions too).

    Returns the matcher, the weak cues, the ``answered_by`` patterns, the cues a negator
    does not cancel, the single-word patterns by element, a cache of what each distinct
    (token, type) matches (:func:`_token_info`), the phrases by first and second element,
    and a cache of what each distinct token text needs to give a hit and offers to the
    token before it (:class:`_Leads`).
    """
    m = _Matcher(d)
    weak = {
        (fi, p.text): p.evidence for fi, c in enumerate(d.categories) for p in c.patterns if p.weak
    }
    answers = {
        fi: _words_regex((*c.answered_by, *c.background_by))
        for fi, c in enumerate(d.categories)
        if c.answered_by or c.background_by
    }
    negates = frozenset(
        (fi, p.text)
        for fi, c in enumerate(d.categories)
        for p in c.patterns
        if not c.negatable or _negator(p.parts[0])
    )
    single_by_el: dict[int, list[tuple[int, str]]] = {}
    for el, fi, pat in m.singles:
        single_by_el.setdefault(el, []).append((fi, pat))
    # the phrases by first element, then by second: a phrase is tried at a part only when
    # its second element is among the elements that can follow there (a number starts 26
    # phrases of the security dictionary; trying each at every number was a fifth of the scan)
    by_second: dict[int, dict[int, list[tuple[tuple[int, ...], int, str]]]] = {}
    for first, phrases in m.phrases.items():
        for seq, fi, pat in phrases:
            by_second.setdefault(first, {}).setdefault(seq[1], []).append((seq, fi, pat))
    info: dict[tuple[str, str], tuple[tuple, tuple, frozenset[int]]] = {}
    # one bit for each element that is a phrase's second: what a token offers (_lead)
    second_els = sorted({second for by in by_second.values() for second in by})
    bit_of = {el: 1 << b for b, el in enumerate(second_els)}
    leads = _Leads(m, single_by_el, by_second, bit_of)
    return m, weak, answers, negates, single_by_el, info, by_second, leads


def _phrase_end(
    seq: tuple[int, ...],
    parts: list[tuple[frozenset[int], int, int, bool, bool, bool]],
    i: int,
    gap_after: frozenset[int],
) -> int:
    """Index of the part where phrase ``seq`` starting at part ``i`` ends, or -1.

    Parts follow each other, except after an element of ``gap_after`` ({number}), where up
    to :data:`NUMBER_GAP` whole words (no punctuation) may come before the next part.
    """
    x, n = i, len(parts)
    for k in range(1, len(seq)):
        y = x + 1
        if seq[k - 1] in gap_after:
            skipped = 0
            while y < n and not (seq[k] in parts[y][0] and parts[y][3]):
                if not parts[y][5]:
                    return -1
                if parts[y][4]:  # a whole word skipped
                    skipped += 1
                    if skipped > NUMBER_GAP:
                        return -1
                y += 1
        if y >= n or seq[k] not in parts[y][0]:
            return -1
        x = y
    return x if parts[x][4] else -1


def _following(
    parts: list[tuple[frozenset[int], int, int, bool, bool, bool]],
    i: int,
    gap: bool,
    n: int,
) -> frozenset[int]:
    """Elements that can be a phrase's second part after part ``i`` (a superset).

    The next part's elements; after an element of ``gap_after``, those of every part up to
    the first that is not a word or the one after :data:`NUMBER_GAP` whole words, as
    :func:`_phrase_end` may skip them.
    """
    if not gap:
        return parts[i + 1][0] if i + 1 < n else frozenset()
    out: set[int] = set()
    words = 0
    for y in range(i + 1, n):
        els, _a, _b, _first, last, word = parts[y]
        out |= els
        if not word:
            break
        if last:
            words += 1
            if words > NUMBER_GAP:
                break
    return frozenset(out)


#: capitalised words before a number that make it a model's or a class's number
#: ("Project 877 submarine", "Type 052D destroyers"), not a count
DESIGNATORS = frozenset("Project Type Class Model No".split())


def _designation(
    tok: Sequence[str], start: Sequence[int], end: Sequence[int], ty: Sequence[str],
    i: int, lo: int, hi: int,
) -> bool:  # fmt: skip
    """Whether number token ``i`` is part of a designation, not a count ({number}).

    It is when glued to letters: after a hyphen that follows a word ("H-6K", "Tu-95",
    "J-16"), right after a word ("Su-30MK2"), or right before one ("6K", bar a thousands
    "k"); or after a capitalised designator word ("Project 877", "Type 052D").
    """
    if i - 1 >= lo and start[i] == end[i - 1]:
        prev = tok[i - 1]
        if ty[i - 1] == "word":
            return True
        if prev in "-\u2010\u2011" and i - 2 >= lo and start[i - 1] == end[i - 2]:
            if ty[i - 2] == "word":
                return True
    if i + 1 < hi and start[i + 1] == end[i] and ty[i + 1] == "word":
        return tok[i + 1].lower() not in ("k", "m", "bn")
    return i - 1 >= lo and ty[i - 1] == "word" and tok[i - 1] in DESIGNATORS


#: no elements: punctuation, and most words
_NONE: frozenset[int] = frozenset()


def _token_info(
    m: _Matcher,
    tok: str,
    ty: str,
    single_by_el: Mapping[int, list[tuple[int, str]]],
    phrase_firsts: frozenset[int],
) -> tuple[tuple[tuple[int, str], ...], tuple[tuple[int, frozenset[int]], ...], frozenset[int]]:
    """Return what token ``tok`` of type ``ty`` matches: single hits, pieces, phrase starts.

    The single-word patterns it matches as (frame index, pattern); its pieces as (length,
    elements), a word's parts between hyphens ("live-fire": "live", "fire") or the
    whole token; the phrases' first elements among those of its first piece.
    Punctuation matches nothing: one piece without elements.
    """
    if ty == "punct":
        return (), ((len(tok), _NONE),), _NONE
    singles = tuple(h for el in m.elements_of(tok) for h in single_by_el.get(el, ()))
    split = tok.split("-") if ty == "word" and "-" in tok else [tok]
    pieces = tuple((len(p), m.elements_of(p)) for p in split)
    return singles, pieces, pieces[0][1] & phrase_firsts


#: what :func:`_lead` gives a token text that may give a hit whatever token follows
ALWAYS = -1


def _lead(
    m: _Matcher,
    tok: str,
    single_by_el: Mapping[int, list[tuple[int, str]]],
    by_second: Mapping[int, Mapping[int, list]],
    bit_of: Mapping[int, int],
) -> tuple[int, int, bool]:
    """Return what token text ``tok`` needs to give a hit, what it offers, and how far.

    What it needs: 0 when it can give no hit (it matches no single-word pattern and
    starts no phrase); :data:`ALWAYS` when it may give one whatever follows (a
    single-word pattern, a phrase within a hyphenated word); else the bits (``bit_of``)
    of the second elements of the phrases it may start, one of which a token after it
    must offer: the next one, or when it may be a {number} (the third value is True) one
    of the next ``1 + NUMBER_GAP`` (the words a phrase may skip after it, then the
    element). What it offers: the bits of the second elements its first piece may be
    (the whole token, or the word before its first hyphen). All are read for any type of
    token (supersets: punctuation matches nothing), so the text alone decides.
    """
    whole = m.elements_of(tok)
    els = whole | m.elements_of(tok.split("-")[0]) if "-" in tok else whole
    offers = 0
    for el in els:
        offers |= bit_of.get(el, 0)
    firsts = [el for el in els if el in by_second]
    if any(el in single_by_el for el in whole) or (firsts and "-" in tok):
        return ALWAYS, offers, False
    needs = 0
    for el in firsts:
        for second in by_second[el]:
            needs |= bit_of[second]
    return needs, offers, any(el in m.gap_after for el in firsts)


class _Leads(dict):
    """What each token text needs to give a hit (:func:`_lead`), found when first asked.

    A dict of text -> needs; :attr:`offers` holds what each text asked for offers the
    token before it, :attr:`far` the texts whose phrase may skip words (a {number}), and
    :attr:`bit_of` the bit of each element that is a phrase's second.
    """

    def __init__(
        self,
        m: _Matcher,
        single_by_el: Mapping[int, list[tuple[int, str]]],
        by_second: Mapping[int, Mapping[int, list]],
        bit_of: dict[int, int],
    ) -> None:
        super().__init__()
        self.offers: dict[str, int] = {}
        self.far: set[str] = set()
        self.bit_of = bit_of
        self._compiled = (m, single_by_el, by_second)

    def __missing__(self, tok: str) -> int:
        m, single_by_el, by_second = self._compiled
        needs, self.offers[tok], far = _lead(m, tok, single_by_el, by_second, self.bit_of)
        if far:
            self.far.add(tok)
        self[tok] = needs
        return needs

    def clear(self) -> None:
        """Forget every text (both dicts)."""
        super().clear()
        self.offers.clear()
        self.far.clear()


def _parts(
    columns: tuple[list[str], list[int], list[int], list[str]],
    info_of: Callable[[int], tuple[tuple, tuple[tuple[int, frozenset[int]], ...], frozenset]],
    lo: int,
    hi: int,
    tok0: int,
    stop: int,
    gap_after: frozenset[int],
) -> list[tuple[frozenset[int], int, int, bool, bool, bool]]:
    """Return the parts of tokens ``lo`` to ``hi - 1`` of the sentence of tokens ``tok0:stop``.

    ``columns``: the tokens' text, start, end and type; ``info_of``: gives the
    :func:`_token_info` of a token by its position. A part is (elements, start, end,
    first-of-token, last-of-token, word): a token, or a piece of a hyphenated word;
    punctuation has no elements, nor has a number in a designation ``{number}``
    (:func:`_designation`).
    """
    t_tok, t_start, t_end, t_type = columns
    parts: list[tuple[frozenset[int], int, int, bool, bool, bool]] = []
    for pos in range(lo, hi):
        ts, ty = t_start[pos], t_type[pos]
        if ty == "punct":
            parts.append((_NONE, ts, t_end[pos], True, True, False))
            continue
        pieces = info_of(pos)[1]
        if ty == "number" and _designation(t_tok, t_start, t_end, t_type, pos, tok0, stop):
            # "H-6K", "Tu-95", "Project 877": a model's number, not a count of forces
            pieces = ((pieces[0][0], pieces[0][1] - gap_after),)
        off, last = ts, len(pieces) - 1
        for j, (n, els) in enumerate(pieces):
            parts.append((els, off, off + n, j == 0, j == last, True))
            off += n + 1
    return parts


def _ahead(
    info_of: Callable[[int], tuple[tuple, tuple[tuple[int, frozenset[int]], ...], frozenset]],
    types: Sequence[str],
    pos: int,
    stop: int,
) -> set[int]:
    """Return the elements a {number} at token ``pos`` may be followed by in a phrase.

    Those of its token's other pieces and of the tokens after it, up to punctuation or
    the word after :data:`NUMBER_GAP` whole words (:func:`_following` on the parts, a
    superset: a number in a designation is no count); ``stop``: the sentence's end.
    """
    pieces = info_of(pos)[1]
    out: set[int] = set()
    for _n, els in pieces[1:]:
        out |= els
    words = 1 if len(pieces) > 1 else 0
    for y in range(pos + 1, stop):
        if types[y] == "punct":
            break
        for _n, els in info_of(y)[1]:
            out |= els
        words += 1
        if words > NUMBER_GAP:
            break
    return out


def _phrases_at(
    parts: list[tuple[frozenset[int], int, int, bool, bool, bool]],
    by_second: Mapping[int, Mapping[int, list[tuple[tuple[int, ...], int, str]]]],
    gap_after: frozenset[int],
    firsts: frozenset[int],
) -> list[tuple[int, str, int, int]]:
    """Return the phrases that start at the first of ``parts`` as (frame, pattern, start, end).

    ``parts`` begin with the first part of a token (:func:`_parts`); a phrase is tried
    only where its second element can follow (:func:`_following`). ``by_second``: the
    phrases by first element, then by second; ``firsts``: the first elements.
    """
    found = []
    for first in parts[0][0] & firsts:
        seconds = by_second[first]
        for second in _following(parts, 0, first in gap_after, len(parts)):
            for seq, fi, pat in seconds.get(second, ()):
                j = _phrase_end(seq, parts, 0, gap_after)
                if j >= 0:
                    found.append((fi, pat, parts[0][1], parts[j][2]))
    return found


def _scan(
    sentences: pd.DataFrame,
    d: Dictionary,
    context: bool = False,
    tokens: corpus.Tokens | pd.DataFrame | None = None,
) -> list[tuple]:
    """Return hits as tuples (row, frame index, pattern, term, start, end, weak, status, note).

    Without ``context`` every hit is ``counted``; with it, cues in a negation's scope, cues
    inside a name and weak cues without a second cue of their frame get their status.
    """
    if len(sentences) == 0:
        return []
    m, weak, answers, negates, single_by_el, info, by_second, leads = _compiled(d)
    names = _name_patterns("security" if d.name == "security" else "names") if context else None
    answered_as = _answered_as(d)
    if len(info) > INFO_LIMIT or len(leads) > INFO_LIMIT:  # the vocabulary seen so far:
        info.clear()  # bounded, whatever the corpus
        leads.clear()
    toks = corpus.Tokens.of(sentences, tokens)
    same = toks.sentences is sentences
    t_start, t_end, t_tok, t_type, bounds = toks.start, toks.end, toks.token, toks.type, toks.bounds
    columns = (t_tok, t_start, t_end, t_type)
    gap_after = m.gap_after
    phrase_firsts = frozenset(m.phrases)
    seconds = {first: frozenset(by) for first, by in by_second.items()}
    # the most tokens a phrase can span: its parts and the words skipped after {number}
    reach = 1 + max(
        (
            len(seq) + NUMBER_GAP * sum(el in gap_after for el in seq)
            for phrases in m.phrases.values()
            for seq, _fi, _pat in phrases
        ),
        default=0,
    )
    # what each token text needs to give a hit and offers to the token before it, judged
    # once per distinct text: most tokens can give none, and of those that start a
    # phrase ("the", "in") few are followed by a token that can be its second element
    hot = list(compress(count(), map(leads.__getitem__, t_tok)))
    offers, far = leads.offers, leads.far
    last = [hot.pop()] if hot and hot[-1] == len(t_tok) - 1 else []
    hot = [
        p
        for p in hot
        if (x := leads[t_tok[p]]) < 0
        or x & offers[t_tok[p + 1]]
        or (t_tok[p] in far and any(x & offers[t] for t in t_tok[p + 2 : p + 2 + NUMBER_GAP]))
    ] + last
    # the tokens looked at, by the row of their sentence among the tokens' sentences
    cands: dict[int, list[int]] = {}
    for pos in hot:
        cands.setdefault(bisect_right(bounds, pos) - 1, []).append(pos)

    def info_of(pos: int) -> tuple[tuple, tuple[tuple[int, frozenset[int]], ...], frozenset]:
        key = (t_tok[pos], t_type[pos])
        got = info.get(key)
        if got is None:
            got = info[key] = _token_info(m, *key, single_by_el, phrase_firsts)
        return got

    s_starts, s_texts = sentences["start"].tolist(), sentences["text"].tolist()
    if same:
        rows: Iterable[tuple[int, int]] = ((r, r) for r in cands)
    else:
        rows = (
            (row, r)
            for row, r in enumerate(
                map(toks.row_of, sentences["doc_id"].tolist(), sentences["sent_id"].tolist())
            )
            if r in cands
        )
    hits: list[tuple] = []
    for row, r in rows:
        s_start, text = s_starts[row], s_texts[row]
        tok0, stop = bounds[r], bounds[r + 1]
        found: list[tuple[int, str, int, int]] = []  # frame, pattern, start, end
        for pos in cands[r]:
            singles, pieces, firsts = info.get((t_tok[pos], t_type[pos])) or info_of(pos)
            for fi, pat in singles:
                found.append((fi, pat, t_start[pos], t_end[pos]))
            for f in firsts:
                # a phrase is tried only if its second element can follow: the next
                # part's elements (a superset: a number is a count only outside
                # designations); after {number}, up to NUMBER_GAP words may come between
                if f in gap_after:
                    nexts = _ahead(info_of, t_type, pos, stop)
                elif len(pieces) > 1:
                    nexts = pieces[1][1]
                elif pos + 1 < stop:
                    nxt = info.get((t_tok[pos + 1], t_type[pos + 1])) or info_of(pos + 1)
                    nexts = nxt[1][0][1]
                else:
                    nexts = _NONE
                if not seconds[f].isdisjoint(nexts):
                    # the parts a phrase starting here can reach
                    window = _parts(columns, info_of, pos, min(stop, pos + reach), tok0, stop,
                                    gap_after)  # fmt: skip
                    found.extend(_phrases_at(window, by_second, gap_after, phrase_firsts))
                    break
        if not found:
            continue
        # within a frame, overlapping matches count once: longest, then leftmost
        found.sort(key=lambda h: (h[0], -(h[3] - h[2]), h[2], h[1]))
        kept: list[tuple[int, str, int, int]] = []
        taken: dict[int, list[tuple[int, int]]] = {}
        for fi, pat, a, b in found:
            spans = taken.setdefault(fi, [])
            if any(a < y and x < b for x, y in spans):
                continue
            spans.append((a, b))
            kept.append((fi, pat, a, b))
        off = int(s_start)
        kept.sort(key=lambda h: (h[0], h[2]))
        if context:
            sent_tokens = (t_start[tok0:stop], t_end[tok0:stop], t_tok[tok0:stop],
                           t_type[tok0:stop])  # fmt: skip
            judged = _context(
                kept, sent_tokens, str(text), off, weak, negates, answers, names, answered_as
            )
        else:
            judged = [(fi, pat, a, b, "counted", "") for fi, pat, a, b in kept]
        for fi, pat, a, b, status, note in judged:
            term = str(text)[a - off : b - off]
            hits.append((row, fi, pat, term, a, b, (fi, pat) in weak, status, note))
    return hits


def term_hits(
    sentences: pd.DataFrame,
    dictionary: Dictionary | str | Path,
    *,
    context: bool = True,
    tokens: corpus.Tokens | pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Find every dictionary match in the sentences, one row per matched term.

    Parameters
    ----------
    sentences
        Sentences from :func:`framelens.corpus.segment` (any subset of documents).
    dictionary
        A :class:`Dictionary` or anything :func:`load_dictionary` takes.
    context
        Judge each cue in its sentence (default; see :func:`match`). ``False`` counts
        every match, as a plain dictionary count does.
    tokens
        The tokens of these sentences if already found (a
        :class:`framelens.corpus.Tokens` of them or of the frame they were taken from,
        or the table of :func:`framelens.corpus.tokenize`); found here otherwise.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sent_id, frame, dictionary, pattern, term, start, end, cue_strength,
        status, note``: ``pattern`` is the dictionary entry that matched, ``term`` the
        text as written and ``start``/``end`` its offsets into the document;
        ``cue_strength`` is ``"strong"`` or ``"weak"`` (the category's ``weak:`` list);
        ``status`` is ``counted`` or why the cue does not count: ``negated`` (``note``:
        the negator), ``in_name`` (``note``: the name), ``answered`` (``note``: the
        word, e.g. "address") or ``weak_alone`` (``note`` says which group, for a
        grouped weak cue). Sorted by
        ``doc_id, sent_id``, then frame in dictionary order, then ``start``.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0],
    ...                   "text": ["Live fire drills raised tensions."]})
    >>> term_hits(s, "security")[["frame", "term", "start"]].values.tolist()
    [['threat', 'raised tensions', 17], ['capability', 'Live fire', 0]]
    >>> s.loc[0, "text"] = "The Joint Staff Office said the drills did not pose any threat."
    >>> term_hits(s, "security")[["term", "status", "note"]].values.tolist()
    [['threat', 'negated', 'not'], ['Joint', 'in_name', 'Joint Staff Office']]
    """
    check_columns("sentences", sentences, ["doc_id", "sent_id", "start", "text"])
    d = load_dictionary(dictionary)
    hits = _scan(sentences, d, context, tokens)
    if not hits:
        return _empty(HIT_COLUMNS, ["sent_id", "start", "end"])
    rows = [i for i, *_ in hits]
    out = pd.DataFrame(
        {
            "doc_id": sentences["doc_id"].to_numpy()[rows],
            "sent_id": sentences["sent_id"].to_numpy()[rows].astype("int64"),
            "frame": [d.frames[h[1]] for h in hits],
            "dictionary": d.name,
            "pattern": [h[2] for h in hits],
            "term": [h[3] for h in hits],
            "start": [h[4] for h in hits],
            "end": [h[5] for h in hits],
            "cue_strength": ["weak" if h[6] else "strong" for h in hits],
            "status": [h[7] for h in hits],
            "note": [h[8] for h in hits],
        }
    )
    return _sort(out, d, ["doc_id", "sent_id", "frame", "start"])


def _sort(frame: pd.DataFrame, d: Dictionary, keys: list[str]) -> pd.DataFrame:
    order = {f: i for i, f in enumerate(d.frames)}
    return frame.sort_values(
        keys, key=lambda col: col.map(order) if col.name == "frame" else col, kind="stable"
    ).reset_index(drop=True)


def match(
    sentences: pd.DataFrame,
    dictionary: Dictionary | str | Path,
    *,
    context: bool = True,
    tokens: corpus.Tokens | pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Label sentences with frames, one row per (sentence, frame) with its evidence.

    Parameters
    ----------
    sentences
        Sentences from :func:`framelens.corpus.segment` (any subset of documents; works
        per partition).
    dictionary
        A :class:`Dictionary` or anything :func:`load_dictionary` takes.
    context
        Judge each cue in its sentence (default). A cue does not count when it is

        - in a negation's scope: one of :data:`NEGATORS` (or a word ending in n't) at
          most :data:`NEGATION_WINDOW` words before it in the same clause ("did not pose
          any threat"; "not only" does not negate, and a pattern that itself begins with
          a negator, such as "not aimed at", is never negated);
        - inside a name: an actor, place or exercise name of the gazetteer and event
          table, a fixed phrase of the security domain list ("Joint Staff Office",
          "regular press conference"; with the shipped ``security`` dictionary only), or
          a run of capitalised words around a capitalised
          cue ("Peace Mission", "Shanghai Cooperation Organisation"; not in title-case
          headlines);
        - answered: an ``answered_by`` or ``background_by`` word of its category at
          most :data:`ANSWER_WINDOW` words before it ("to address security threats",
          "amid tensions": what the activity answers is not the threat frame); with
          ``answered_as``, a cue answered by an ``answered_by`` word counts for that
          category instead (the threats a drill counters are its justification);
        - a weak cue (the category's ``weak:`` list, e.g. "joint" or a platform noun)
          with no second counted cue of another pattern of its frame in the sentence;
          when ``weak:`` is a mapping of groups, the second cue must be a strong cue or
          a weak cue of another group ("four destroyers and two submarines" is one
          platform group: not capability; "four destroyers will take part" is a platform
          and a commitment: capability).

        ``False`` counts every match (the plain dictionary count). :func:`term_hits`
        lists every cue with its status.
    tokens
        The tokens of these sentences if already found (a
        :class:`framelens.corpus.Tokens` of them or of the frame they were taken from,
        or the table of :func:`framelens.corpus.tokenize`); found here otherwise.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sent_id, kind, text, frame, dictionary, matches, n_hits, cue_strength``:
        one row per sentence carrying the frame; ``matches`` lists the counted terms with
        their document offsets (``"escalation@120-130; tensions@200-208"``), ``n_hits``
        counts them; ``cue_strength`` is ``"strong"`` when a strong cue is among them and
        ``"weak"`` when only weak cues (two or more) carry the frame. Sentences with no
        frame have no row. Sorted by ``doc_id, sent_id``, then frame in dictionary order.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "start": [0, 20],
    ...                   "kind": ["prose", "prose"],
    ...                   "text": ["Tensions escalated.", "Joint live-fire drills began."]})
    >>> match(s, "security")[["sent_id", "frame", "matches"]].values.tolist()
    [[0, 'threat', 'Tensions@0-8; escalated@9-18'], [1, 'capability', 'live-fire@26-35']]
    >>> match(s, "security", context=False)[["sent_id", "frame", "matches"]].values.tolist()
    [[0, 'threat', 'Tensions@0-8; escalated@9-18'], [1, 'cooperation', 'Joint@20-25'], \
[1, 'capability', 'live-fire@26-35']]
    """
    check_columns("sentences", sentences, ["doc_id", "sent_id", "start", "text"])
    d = load_dictionary(dictionary)
    hits = [h for h in _scan(sentences, d, context, tokens) if h[7] == "counted"]
    if not hits:
        return _empty(FRAME_SENTENCE_COLUMNS, ["sent_id", "n_hits"])
    # hits come grouped by sentence row, then frame, then start: join each run
    rows: list[int] = []
    frames: list[str] = []
    evidence: list[str] = []
    counts: list[int] = []
    strong: list[bool] = []
    key = None
    for row, fi, _pat, term, a, b, weak, _status, _note in hits:
        if (row, fi) != key:
            key = (row, fi)
            rows.append(row)
            frames.append(d.frames[fi])
            evidence.append(f"{term}@{a}-{b}")
            counts.append(1)
            strong.append(not weak)
        else:
            evidence[-1] += f"; {term}@{a}-{b}"
            counts[-1] += 1
            strong[-1] = strong[-1] or not weak
    kinds = (
        sentences["kind"].to_numpy()[rows] if "kind" in sentences.columns else ["prose"] * len(rows)
    )
    out = pd.DataFrame(
        {
            "doc_id": sentences["doc_id"].to_numpy()[rows],
            "sent_id": sentences["sent_id"].to_numpy()[rows].astype("int64"),
            "kind": kinds,
            "text": sentences["text"].to_numpy()[rows],
            "frame": frames,
            "dictionary": d.name,
            "matches": evidence,
            "n_hits": pd.array(counts, dtype="int64"),
            "cue_strength": ["strong" if x else "weak" for x in strong],
        }
    )
    return _sort(out, d, ["doc_id", "sent_id", "frame"])


def _number_phrase_regex(parts: tuple[str, ...]) -> str:
    """Return a regex over sentence text for a phrase with {number} parts (frame_kwic)."""
    word = r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*"
    out = []
    for k, part in enumerate(parts):
        if part == NUMBER_PART:
            body = _NUMBER_RE.pattern.removesuffix(r"\Z")
            out.append(body + rf"(?:\s+{word}){{0,{NUMBER_GAP}}}?" if k < len(parts) - 1 else body)
        else:
            out.append(_glob_regex(part, False).pattern.removesuffix(r"\Z").replace(".*", r"\w*"))
    return r"(?<![\w.,])" + r"\s+".join(out) + r"(?!\w)"


def frame_kwic(
    sentences: pd.DataFrame,
    dictionary: Dictionary | str | Path,
    frame: str,
    *,
    window: int = 5,
    tokens: corpus.Tokens | pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Keywords in context for every pattern of one frame (via :func:`framelens.stats.kwic`).

    Each dictionary pattern is passed to the text-statistics KWIC as a glob; a phrase
    written with hyphens or spaces is searched in both spellings ("live-fire" and
    "live fire"). KWIC matches whole tokens, so a possessive ("Russia's") is found only by
    a glob (``russia*``).

    Parameters
    ----------
    sentences
        Sentences from :func:`framelens.corpus.segment` (``doc_id, sent_id, start, end,
        text`` are needed; ``kind`` is optional, as for :func:`framelens.stats.kwic`).
    dictionary
        A :class:`Dictionary` or anything :func:`load_dictionary` takes.
    frame
        The frame (category) of ``dictionary`` whose patterns are searched.
    window
        Words of context on each side, 0 to 50 (default 5).
    tokens
        The tokens of these sentences (or of a frame they were selected from) if already
        computed: a :class:`framelens.corpus.Tokens` or the table of
        :func:`framelens.corpus.tokenize`; read by both searches (with and without case).

    Returns
    -------
    pandas.DataFrame
        ``frame, pattern, doc_id, sent_id, left, match, right, start, end, kind``:
        one row per matched span; ``pattern`` is the dictionary pattern (the patterns,
        joined by ``"; "``, when several match the same words), the other columns those
        of :func:`framelens.stats.kwic`; sorted by ``doc_id, start``.

    Raises
    ------
    ParameterError
        When ``frame`` is not a frame of the dictionary (the message names them) or
        ``window`` is not a whole number from 0 to 50.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "end": [25],
    ...                   "kind": ["prose"], "text": ["Live fire drills escalate."]})
    >>> k = frame_kwic(s, "security", "capability", window=2)
    >>> k[["pattern", "match", "right"]].values.tolist()
    [['live-fire', 'Live fire', 'drills escalate']]
    """
    from ..stats import kwic

    d = load_dictionary(dictionary)
    cat = d.category(frame)
    window = check_int("window", window, min_value=0, max_value=50)
    cols = ["frame", "pattern", "doc_id", "sent_id", "left", "match", "right", "start", "end",
            "kind"]  # fmt: skip
    parts = []
    for case_sensitive in (False, True):
        variants: dict[str, str] = {}
        counted: dict[str, str] = {}  # {number} phrases, as a regex over the sentence text
        for p in cat.patterns:
            if p.case_sensitive != case_sensitive:
                continue
            if NUMBER_PART in p.parts:
                counted.setdefault(_number_phrase_regex(p.parts), p.text)
                continue
            for v in {" ".join(p.parts), "-".join(p.parts)}:
                variants.setdefault(v, p.text)
        for found, mode in ((variants, "glob"), (counted, "regex")):
            if not found or sentences.empty:
                continue
            with warnings.catch_warnings():  # a frame without hits is an empty table here
                warnings.simplefilter("ignore", FramelensWarning)
                k = kwic(sentences, sorted(found), window=window, mode=mode,
                         case_sensitive=case_sensitive, tokens=tokens)  # fmt: skip
            if len(k):
                parts.append(k.assign(frame=frame, pattern=k["pattern"].map(found)))
    if not parts:
        return _empty(cols, ["sent_id", "start", "end"])
    out = pd.concat(parts, ignore_index=True)
    if "kind" not in out.columns:
        out["kind"] = ""
    # one row per matched span: two patterns of the frame matching the same words
    # ("provoc*", "provocat*") are one hit, listing both
    out = out.sort_values(["doc_id", "start", "end", "pattern"], kind="stable")
    out["pattern"] = out.groupby(["doc_id", "start", "end"], sort=False)["pattern"].transform(
        lambda p: "; ".join(dict.fromkeys(p))
    )
    out = out.drop_duplicates(["doc_id", "start", "end"])
    return out[cols].sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)


def _empty(columns: list[str], ints: Iterable[str] = ()) -> pd.DataFrame:
    ints = set(ints)
    return pd.DataFrame({c: pd.Series(dtype="int64" if c in ints else "str") for c in columns})
