"""The VADER engine: NLTK's lexicon and rules, re-implemented to show its evidence."""

from __future__ import annotations

import math
import re
import string
from functools import cache
from typing import Any, NamedTuple

from .. import resources
from .domain import _INVISIBLE, load_domain

#: at most this many drivers are listed per sentence (then "… +N more")
MAX_DRIVERS = 40


@cache
def _analyzer():
    """Return NLTK's SentimentIntensityAnalyzer, loaded once from the offline lexicon."""
    resources.use_offline_nltk()
    resources.require("vader_lexicon")
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@cache
def _engine() -> _Vader:
    return _Vader(_analyzer())


@cache
def _domain_engine(domain: str) -> _Vader:
    engine = _Vader(_analyzer(), neutral=load_domain(domain)["words"])
    # the security reading of "no" ("poses no threat"); the names domain is VADER as
    # published but for the names it masks
    engine.no_negates = domain == "security"
    return engine


_PUNCT = frozenset(string.punctuation)


_HAS_PUNCT = re.compile("[" + re.escape(string.punctuation) + "]")

#: what can hide a lexicon word or a negation from VADER as published: typographic quotes
#: and apostrophes, quotes or markup on both sides of a word, invisible characters
_SUSPECT_CHAR = re.compile("[\u2018\u2019\u201c\u201d\u00ad\u200b-\u200d\u2060\ufeff]")
_WRAPPED = re.compile(r"[\"'*_(\[]\w[\w'-]*\w[\"'*_)\]]")
_WRAPPERS = string.punctuation + "\u2018\u2019\u201c\u201d\u2026"


class Read(NamedTuple):
    """A text's tokens as VADER reads them, before any rule.

    ``words`` split at spaces and stripped of punctuation as NLTK strips it, ``lowers``
    their lower-case forms, ``rated`` the positions of the lexicon words that are no
    degree words, and the text's counts of "!" and "?" (its emphasis).
    """

    words: list[str]
    lowers: list[str]
    rated: list[int]
    n_excl: int
    n_quest: int


def _cap_diff(words: list[str]) -> bool:
    """Return NLTK's ``0 < n - (words in capitals) < n``: some word in capitals, not all."""
    return any(map(str.isupper, words)) and not all(map(str.isupper, words))


class _Vader:
    """NLTK's VADER ``polarity_scores``, re-implemented to also return its evidence.

    Same lexicon, constants and rules as ``nltk.sentiment.vader`` (including its quirks:
    a repeated word takes the context of its first occurrence, idioms and "never so"
    compare case-sensitively); only the word splitting is rewritten. NLTK builds a
    dictionary of every word × 20 punctuation marks per sentence; a token maps to the
    word inside it exactly when it is one PUNC_LIST item followed or preceded by a word
    of two or more characters with no ASCII punctuation, which is checked directly.
    """

    def __init__(self, sia: Any, neutral: frozenset[str] | set[str] = frozenset()) -> None:
        c = sia.constants
        # the lexicon without the words of a domain's neutral list (lower case), if any
        self.lex: dict[str, float] = (
            {k: v for k, v in sia.lexicon.items() if k.lower() not in neutral}
            if neutral
            else sia.lexicon
        )
        self.booster: dict[str, float] = c.BOOSTER_DICT
        self.negate = frozenset(c.NEGATE)
        self.idioms: dict[str, float] = c.SPECIAL_CASE_IDIOMS
        self.punc = frozenset(c.PUNC_LIST)
        # the words rated in their own right: in the lexicon and no degree words
        self.rates = frozenset(k for k in self.lex if k not in self.booster)
        # the first words of the idioms and of the two-word degree phrases ("kind of"):
        # where none is in reach of a rated word, _idioms has nothing to find
        phrases = [*self.idioms, *(b for b in self.booster if " " in b)]
        self.heads = frozenset(p.split(" ")[0] for p in phrases)
        self.c_incr = c.C_INCR
        self.n_scalar = c.N_SCALAR
        self.b_decr = c.B_DECR
        # "no threat": NLTK reads "no" as a word of its own (-1.2) that negates nothing;
        # vaderSentiment 3.3 reads it as a negation of the rated word after it
        self.no_negates = False

    def tokens(self, text: str) -> list[str]:
        punct, strip = _PUNCT, self._strip
        # most tokens have no punctuation at either end: only the others are looked at
        return [
            strip(t) if t[0] in punct or t[-1] in punct else t for t in text.split() if len(t) > 1
        ]

    def _strip(self, t: str) -> str:
        """Return token ``t`` (two or more characters) as NLTK's VADER reads it."""
        punct, punc, has_punct = _PUNCT, self.punc, _HAS_PUNCT.search
        if t[0] in punct:
            k = 1
            while k < len(t) and t[k] in punct:
                k += 1
            w = t[k:]
            if len(w) > 1 and t[:k] in punc and not has_punct(w):
                t = w
        elif t[-1] in punct:
            k = len(t) - 1
            while k > 0 and t[k - 1] in punct:
                k -= 1
            w = t[:k]
            if len(w) > 1 and t[k:] in punc and not has_punct(w):
                t = w
        return t

    def unread(self, text: str) -> list[str]:
        """Return the lexicon words VADER as published does not read.

        A word in quotes or markup on both sides ("“threat”", "**threat**"), or broken
        by an invisible character, is no lexicon word to VADER. Each comes back as
        written, once. (Curly apostrophes are straightened before scoring:
        :func:`framelens.sentiment.straighten`.)
        """
        chars, wrapped = _SUSPECT_CHAR.search, _WRAPPED.search
        # the suspect characters are none of them ASCII
        if not ((not text.isascii() and chars(text)) or wrapped(text)):
            return []
        out: list[str] = []
        for t in text.split():
            if t.isalnum() or t in out or not (chars(t) or wrapped(t)):
                continue
            plain = t.translate(_INVISIBLE).strip(_WRAPPERS)
            low = plain.lower()
            read = self.tokens(t)
            if low in self.lex and not (read and read[0].lower() == low):
                out.append(t)
        return out

    def read(self, text: str) -> Read:
        """Return the tokens of ``text`` as VADER reads them (see :class:`Read`)."""
        words = self.tokens(text)
        rates = self.rates
        lowers = [w.lower() for w in words]
        rated = [j for j, low in enumerate(lowers) if low in rates]
        return Read(words, lowers, rated, text.count("!"), text.count("?"))

    def score(
        self, text: str, evidence: bool = True
    ) -> tuple[float, float, float, float, str, int]:
        """Return ``(neg, neu, pos, compound, drivers, n_tokens)`` as VADER computes them."""
        return self.rate(self.read(text), evidence)

    def compound(self, reads: list[Read]) -> tuple[float, int]:
        """Return the compound and token count of texts read one by one, joined by spaces.

        The same as ``score(" ".join(texts))[3::2]`` (tokens split at spaces never cross
        the join; every rule then reads the joined tokens), without reading them again.
        """
        words: list[str] = []
        lowers: list[str] = []
        rated: list[int] = []
        for r in reads:
            rated.extend([j + len(words) for j in r.rated])
            words.extend(r.words)
            lowers.extend(r.lowers)
        joined = Read(words, lowers, rated, sum(r.n_excl for r in reads),
                      sum(r.n_quest for r in reads))  # fmt: skip
        return self.rate(joined, evidence=False)[3::2]

    def rate(
        self, read: Read, evidence: bool = True
    ) -> tuple[float, float, float, float, str, int]:
        """Return ``(neg, neu, pos, compound, drivers, n_tokens)`` of a text's tokens."""
        words, lowers = read.words, read.lowers
        n = len(words)
        if n == 0:
            return (0.0, 0.0, 0.0, 0.0, "", 0)
        if not read.rated:
            # no lexicon word: every token neutral, whatever the emphasis (the sums below
            # give exactly these)
            return (0.0, 1.0, 0.0, 0.0, "", n)
        lex = self.lex
        cap_diff = _cap_diff(words)
        # the valences of the lexicon words, by position; every other word's is 0
        sentiments: dict[int, float] = {}
        found: list[tuple[int, str, float, list[str]]] = []
        first: dict[str, int] = {}
        # only lexicon words score; a repeated word is read in the context of its first
        # occurrence (NLTK's quirk), whose lower-case form is its own
        for j in read.rated:
            item = words[j]
            i = first.setdefault(item, j)  # words.index(item): it is a lexicon word too
            il = lowers[i]
            if il == "kind" and i < n - 1 and lowers[i + 1] == "of":
                continue
            if (
                self.no_negates
                and il == "no"
                and i < n - 1
                and (lowers[i + 1] in lex or lowers[i + 1] == "name")
            ):
                # negates the next word, rates nothing itself (vaderSentiment 3.3); before a
                # masked name ("no third party") it determines the name and rates nothing
                continue
            valence, notes = self._valence(words, lowers, i, item, cap_diff, evidence)
            sentiments[j] = valence
            if evidence:
                found.append((j, il, lex[il], notes))
        if "but" in lowers:
            bi = lowers.index("but")
            for k, v in sentiments.items():
                if k < bi:
                    sentiments[k] = v * 0.5
                elif k > bi:
                    sentiments[k] = v * 1.5
        # score_valence, as in NLTK (the words of valence 0 add nothing to its sums)
        valences = sentiments.values()
        sum_s = float(sum(valences))
        ep = min(read.n_excl, 4) * 0.292
        qm_count = read.n_quest
        qm = 0
        if qm_count > 1:
            qm = qm_count * 0.18 if qm_count <= 3 else 0.96
        amp = ep + qm
        if sum_s > 0:
            sum_s += amp
        elif sum_s < 0:
            sum_s -= amp
        compound = sum_s / math.sqrt((sum_s * sum_s) + 15)
        pos_sum = 0.0
        neg_sum = 0.0
        neu_count = n - len(sentiments)
        for s in valences:
            if s > 0:
                pos_sum += float(s) + 1
            if s < 0:
                neg_sum += float(s) - 1
            if s == 0:
                neu_count += 1
        if pos_sum > math.fabs(neg_sum):
            pos_sum += amp
        elif pos_sum < math.fabs(neg_sum):
            neg_sum -= amp
        total = pos_sum + math.fabs(neg_sum) + neu_count
        drivers = ""
        if evidence and found:
            parts = []
            bi = lowers.index("but") if "but" in lowers else -1
            for j, word, base, notes in found:
                final = sentiments[j]
                if bi >= 0 and j != bi:
                    notes = [*notes, "before 'but' ×0.5" if j < bi else "after 'but' ×1.5"]
                if notes:
                    parts.append(f"{word} {base:g}→{final:.2f} ({', '.join(notes)})")
                else:
                    parts.append(f"{word} {base:g}")
            if amp and sum_s != 0:
                parts.append(f"[!/? emphasis {'+' if sum_s > 0 else '-'}{amp:.2f}]")
            if len(parts) > MAX_DRIVERS:
                parts = [*parts[:MAX_DRIVERS], f"… +{len(parts) - MAX_DRIVERS} more"]
            drivers = "; ".join(parts)
        return (
            round(math.fabs(neg_sum / total), 3),
            round(math.fabs(neu_count / total), 3),
            round(math.fabs(pos_sum / total), 3),
            round(compound, 4),
            drivers,
            n,
        )

    def _valence(
        self, words: list[str], lowers: list[str], i: int, item: str, cap_diff: bool, ev: bool
    ) -> tuple[float, list[str]]:
        lex, booster, negate, n_scalar = self.lex, self.booster, self.negate, self.n_scalar
        notes: list[str] = []
        valence = lex[lowers[i]]
        if self.no_negates and (
            (i > 0 and lowers[i - 1] == "no")
            or (i > 1 and lowers[i - 2] == "no")
            or (i > 2 and lowers[i - 3] == "no" and lowers[i - 1] in ("or", "nor"))
        ):
            valence = valence * n_scalar
            if ev:
                notes.append("negated by 'no'")
        if cap_diff and item.isupper():
            valence = valence + self.c_incr if valence > 0 else valence - self.c_incr
            if ev:
                notes.append("CAPS")
        # NLTK's loop over the three words before (its start_i 0, 1, 2), one after the
        # other: each that is no lexicon word adds its degree (0 unless a degree word),
        # then the negation (or "never so", idioms) of its reach applies
        if i > 0 and lowers[i - 1] not in lex:
            pl = lowers[i - 1]
            s = (
                self._degree(valence, words[i - 1], pl, cap_diff, 1, notes, ev)
                if pl in booster
                else 0.0
            )
            valence = valence + s
            # _never_check
            if pl in negate or "n't" in pl:
                valence = valence * n_scalar
                if ev:
                    notes.append(f"negated by '{pl}'")
        if i > 1 and lowers[i - 2] not in lex:
            pl = lowers[i - 2]
            s = (
                self._degree(valence, words[i - 2], pl, cap_diff, 2, notes, ev)
                if pl in booster
                else 0.0
            )
            valence = valence + s
            if words[i - 2] == "never" and words[i - 1] in ("so", "this"):
                valence = valence * 1.5
                if ev:
                    notes.append(f"'never {words[i - 1]}' ×1.5")
            elif pl in negate or "n't" in pl:
                valence = valence * n_scalar
                if ev:
                    notes.append(f"negated by '{pl}'")
        if i > 2 and lowers[i - 3] not in lex:
            pl = lowers[i - 3]
            s = (
                self._degree(valence, words[i - 3], pl, cap_diff, 3, notes, ev)
                if pl in booster
                else 0.0
            )
            valence = valence + s
            if (
                words[i - 3] == "never"
                and (words[i - 2] == "so" or words[i - 2] == "this")
                or (words[i - 1] == "so" or words[i - 1] == "this")
            ):
                valence = valence * 1.25
                if ev:
                    notes.append("'so/this' ×1.25")
            elif pl in negate or "n't" in pl:
                valence = valence * n_scalar
                if ev:
                    notes.append(f"negated by '{pl}'")
            # only where an idiom or a two-word degree phrase can begin in reach
            heads, w = self.heads, words
            if w[i] in heads or w[i - 1] in heads or w[i - 2] in heads or w[i - 3] in heads:
                valence = self._idioms(valence, words, i, notes, ev)
        # _least_check
        if i > 1 and lowers[i - 1] not in lex and lowers[i - 1] == "least":
            if lowers[i - 2] != "at" and lowers[i - 2] != "very":
                valence = valence * n_scalar
                if ev:
                    notes.append("negated by 'least'")
        elif i > 0 and lowers[i - 1] not in lex and lowers[i - 1] == "least":
            valence = valence * n_scalar
            if ev:
                notes.append("negated by 'least'")
        return valence, notes

    def _degree(
        self, valence: float, prev: str, pl: str, cap_diff: bool, back: int, notes: list, ev: bool
    ) -> float:
        """Return what the degree word ``back`` before adds to a valence.

        NLTK's ``scalar_inc_dec`` of a degree word (``prev`` as written, ``pl`` its
        lower-case form): its value, turned against a negative valence, raised for capitals
        (``cap_diff``: :func:`_cap_diff` of the text), and 0.95 of it two words back, 0.9
        three back.
        """
        s = self.booster[pl]
        if valence < 0:
            s *= -1
        if prev.isupper() and cap_diff:
            s = s + self.c_incr if valence > 0 else s - self.c_incr
        if back == 2:
            s = s * 0.95
        if back == 3:
            s = s * 0.9
        if ev and s != 0:
            notes.append(f"'{pl}' {s:+.2f}")
        return s

    def _idioms(self, valence: float, w: list[str], i: int, notes: list[str], ev: bool) -> float:
        """Return the valence after NLTK's ``_special_idioms_check`` (``i`` 3 or more)."""
        idioms = self.idioms
        onezero = f"{w[i - 1]} {w[i]}"
        twoonezero = f"{w[i - 2]} {w[i - 1]} {w[i]}"
        twoone = f"{w[i - 2]} {w[i - 1]}"
        threetwoone = f"{w[i - 3]} {w[i - 2]} {w[i - 1]}"
        threetwo = f"{w[i - 3]} {w[i - 2]}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in idioms:
                valence = idioms[seq]
                if ev:
                    notes.append(f"idiom '{seq}' {valence:g}")
                break
        if len(w) - 1 > i:
            zeroone = f"{w[i]} {w[i + 1]}"
            if zeroone in idioms:
                valence = idioms[zeroone]
                if ev:
                    notes.append(f"idiom '{zeroone}' {valence:g}")
        if len(w) - 1 > i + 1:
            zeroonetwo = f"{w[i]} {w[i + 1]} {w[i + 2]}"
            if zeroonetwo in idioms:
                valence = idioms[zeroonetwo]
                if ev:
                    notes.append(f"idiom '{zeroonetwo}' {valence:g}")
        if threetwo in self.booster or twoone in self.booster:
            valence = valence + self.b_decr
            if ev:
                notes.append(f"'{twoone if twoone in self.booster else threetwo}' -0.29")
        return valence
