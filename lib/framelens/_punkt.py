r"""Punkt sentence boundaries as NLTK finds them, without NLTK's per-token objects.

``corpus.segment`` splits paragraphs with Punkt (Kiss & Strunk 2006) as NLTK implements
it, given only a list of abbreviations (no learned collocations, sentence starters or
orthographic statistics). With those parameters Punkt's decision at a candidate full stop
reduces to a few rules on the token before and the token after, which this module applies
directly. The result is NLTK's ``PunktSentenceTokenizer(params).span_tokenize(text)``,
span for span (``tests/test_punkt.py`` compares the two on every validation text of the
project and on generated text full of abbreviations, initials, numbers, ellipses, quotes
and brackets), in about a fifth of the time, and without importing NLTK, whose package
import takes about 0.7 s in every kernel.

The regular expressions are NLTK's own (``nltk.tokenize.punkt.PunktLanguageVars`` and
``PunktToken``, NLTK 3.10, Apache License 2.0), compiled, as NLTK compiles them, with the
``regex`` engine so that character classes such as ``\s`` and ``[^\W\d]`` mean the same
(the candidates' pattern, whose one class escape, the white space, is spelt out, with ``re``).
The module is private: its one user is :func:`framelens.corpus.segment`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

__all__ = ["SentenceSplitter"]

#: NLTK's ``PunktLanguageVars.sent_end_chars``
_SENT_END_CHARS = (".", "?", "!")
#: NLTK's ``PunktSentenceTokenizer.PUNCTUATION``: a next token that cannot start a sentence
_PUNCTUATION = frozenset(";:,.!?")
#: ``string.whitespace``, the only characters NLTK looks back for before a candidate
_ASCII_SPACE = " \t\n\r\x0b\x0c"

_NON_WORD = r"(?:[)\";}\]\*:@\'\({\[\u2018\u2019\u201c\u201d\xab\xbb" + re.escape("?!") + "])"
_MULTI_CHAR = r"(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)"
_WORD_START = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,]"

#: NLTK's ``PunktLanguageVars._word_tokenize_fmt``, filled in
_WORD_TOKENIZER = regex.compile(
    "("
    + _MULTI_CHAR
    + "|(?="
    + _WORD_START
    + r")\S+?(?=\s|$|"  # word characters until white space, the end, or punctuation
    + _NON_WORD
    + "|"
    + _MULTI_CHAR
    + r"|,(?=$|\s|"  # or a comma at the end of the word
    + _NON_WORD
    + "|"
    + _MULTI_CHAR
    + r"))|\S)",
    regex.UNICODE | regex.VERBOSE,
)

#: the characters ``regex`` reads as ``\s`` (Unicode's White_Space), spelt out for ``re``,
#: whose ``\s`` also takes \x1c-\x1f (``str.isspace`` counts them)
_WHITE_SPACE = r"\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"

#: NLTK's ``PunktLanguageVars._period_context_fmt``, filled in. Its only class escapes are
#: the white space's, spelt as ``regex`` reads them, so ``re`` finds the same candidates
#: (in two thirds of the time, and its matches are read in a quarter of it)
_PERIOD_CONTEXT = re.compile(
    "["
    + re.escape(".?!")
    + "](?=(?P<after_tok>"
    + _NON_WORD
    + rf"|[{_WHITE_SPACE}]+(?P<next_tok>[^{_WHITE_SPACE}]+)))"
)

_BOUNDARY_REALIGNMENT = regex.compile(
    r'["\')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)', regex.MULTILINE
)

#: a candidate's context of plain words: the word before the mark (letters and digits, with
#: single stops or hyphens inside: "drills", "U.S", "ex-gen"), the mark, then one space
#: and a plain word, whole or before a comma, "'s" or "'Amato" ("U.S. Navy", "Oct. 15,",
#: "Mr. Bush's"), or a closing quote or bracket ('it.\'', 'what?"'). NLTK's word tokenizer
#: gives the first word and its stop as one token (a "?" or "!" as a token of its own) and
#: the next word's first token from its first character on; no token after that can break
_PLAIN_CONTEXT = re.compile(
    r"((?:[A-Za-z0-9]+[.\-])*[A-Za-z0-9]+)([.?!])"
    r"(?: ((?:[A-Za-z0-9]+[.\-])*[A-Za-z0-9]+)(?:[.,]|'[A-Za-z]+)?|([\"')\]\u2019\u201d]))"
)

#: the characters a realigned boundary begins with (``_BOUNDARY_REALIGNMENT``)
_CLOSERS = "\"')]}\u2018\u2019\u201c\u201d\xab\xbb"

_NUMERIC = regex.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
_INITIAL = regex.compile(r"[^\W\d]\.$", regex.UNICODE)


class SentenceSplitter:
    """Punkt's sentence spans for a set of abbreviations, as NLTK computes them.

    Parameters
    ----------
    abbreviations
        Abbreviation types, lower case without the final stop (``"u.s"``, ``"gen"``), as
        NLTK's ``PunktParameters.abbrev_types``.
    """

    def __init__(self, abbreviations: frozenset[str] | set[str]) -> None:
        self._abbrevs = frozenset(abbreviations)

    def _is_break(self, tok: str, nxt: str | None) -> bool:
        """Whether Punkt ends a sentence at ``tok`` (after both annotation passes).

        ``nxt`` is the token after it in the context, None when ``tok`` is the last.
        """
        if tok in _SENT_END_CHARS:
            return True
        if not tok.endswith(".") or tok.endswith(".."):
            return False  # an ellipsis, a word, or a word ending in "..": no break
        stem = tok[:-1].lower()
        if stem in self._abbrevs or stem.split("-")[-1] in self._abbrevs:
            return False  # an abbreviation: with no orthographic data it never breaks
        if nxt is None:
            return True
        initial = _INITIAL.match(tok) is not None
        if not (initial or _NUMERIC.match(tok.lower())):
            return True
        # the orthographic heuristic with no orthographic data: False for punctuation or
        # a lower-case start, "unknown" otherwise; an initial before a capital is a name
        if nxt in _PUNCTUATION or nxt[0].islower():
            return False
        return not (initial and nxt[0].isupper())

    def _contains_break(self, context: str) -> bool:
        """NLTK's ``text_contains_sentbreak``: a break at any token but the last."""
        plain = _PLAIN_CONTEXT.fullmatch(context)
        if plain is not None:  # tokens "word.", next (and more), or "word", "?", next
            word, mark, nxt, closing = plain.groups()
            return mark != "." or self._is_break(word + mark, nxt or closing)
        return self._tokens_break(context)

    def _tokens_break(self, context: str) -> bool:
        """Decide as :meth:`_contains_break` does, for any context, by NLTK's word tokens."""
        toks: list[str] = []
        for line in context.split("\n"):
            if line.strip():
                toks.extend(_WORD_TOKENIZER.findall(line))
        last = len(toks) - 1
        for i in range(last):
            if self._is_break(toks[i], toks[i + 1]):
                return True
        return False

    def _end_contexts(self, text: str) -> Iterator[tuple[re.Match[str], str]]:
        """NLTK's ``_match_potential_end_contexts``: candidates and their contexts."""
        prev_start = prev_stop = 0
        prev_match = None
        spaces = [c for c in _ASCII_SPACE if c in text]  # NLTK's string.whitespace
        space = spaces[0] if len(spaces) == 1 else None  # most paragraphs: " " alone
        for match in _PERIOD_CONTEXT.finditer(text):
            start = match.start()
            # NLTK's _get_last_whitespace_index on text[prev_stop:start]: a space at its
            # first position counts as none
            if space is not None:
                last = text.rfind(space, prev_stop, start)
            else:
                last = max([text.rfind(c, prev_stop, start) for c in spaces], default=-1)
            index = last + 1 if last > prev_stop else prev_start
            if prev_match is not None and prev_stop <= index:
                # the word before the mark, the mark, and what follows it (NLTK's
                # after_tok, which begins right after the mark)
                yield prev_match, text[prev_start : prev_match.end("after_tok")]
            prev_match = match
            prev_start, prev_stop = index, start
        if prev_match is not None:
            yield prev_match, text[prev_start : prev_match.end("after_tok")]

    def _slices(self, text: str) -> Iterator[tuple[int, int]]:
        """NLTK's ``_slices_from_text``."""
        last_break = 0
        for match, context in self._end_contexts(text):
            if self._contains_break(context):
                yield (last_break, match.end())
                nxt = match.start("next_tok")  # -1: no next token (a quote or bracket)
                last_break = nxt if nxt >= 0 else match.end()
        yield (last_break, len(text.rstrip()))

    def span_tokenize(self, text: str) -> list[tuple[int, int]]:
        """Return the ``(start, end)`` spans of the sentences of ``text``.

        Parameters
        ----------
        text
            A paragraph (or any text).

        Returns
        -------
        list of tuple of int
            NLTK's ``PunktSentenceTokenizer.span_tokenize(text)`` with these
            abbreviations, boundaries realigned (closing quotes and brackets after the
            stop go with the sentence they close).
        """
        out: list[tuple[int, int]] = []
        slices = list(self._slices(text))
        realign = 0
        for i, (start, stop) in enumerate(slices):
            start += realign
            if i + 1 == len(slices):
                if start < stop and text[start:stop]:
                    out.append((start, stop))
                continue
            nxt_start, nxt_stop = slices[i + 1]
            m = (
                _BOUNDARY_REALIGNMENT.match(text[nxt_start:nxt_stop])
                if text[nxt_start : nxt_start + 1] in _CLOSERS  # what the realignment needs
                else None
            )
            if m:
                out.append((start, nxt_start + len(m.group(0).rstrip())))
                realign = m.end()
            else:
                realign = 0
                if text[start:stop]:
                    out.append((start, stop))
        return out
