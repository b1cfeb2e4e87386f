"""The token regex finds the tokens its plain form found, of the same types."""

from __future__ import annotations

import random
import re

from framelens import corpus

#: the token regex as it was written first: what the faster form must find
_PLAIN = re.compile(
    r"(?P<url>https?://\S+|www\.\S+|pic\.twitter\.com/\w+)"
    r"|(?P<mention>@\w+)"
    r"|(?P<hashtag>#\w+)"
    r"|(?P<abbr>(?:[^\W\d_]\.){2,})"
    r"|(?P<word>[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*)"
    r"|(?P<number>\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s)?)"
    r"|(?P<punct>[^\w\s])"
)
#: letters of several scripts, digits (Arabic-Indic, a superscript), "_", a combining
#: mark, the separators of words and numbers, spaces of several kinds, and url beginnings
_PIECES = [
    *"aZst\u00e9\u00df\u4e2d\u03b1", *"09\u0663\u00b2", "_", "\u0301", *".'\u2019-,:@#/!?(",
    *" \n\t\u00a0\u2028", "https://", "http://", "www.", "pic.twitter.com/", "U.S.", "1990s",
]  # fmt: skip


def _tokens(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in pattern.finditer(text)]


def test_same_tokens_as_the_plain_regex():
    rng = random.Random(7)
    for _ in range(30_000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 16)))
        assert _tokens(corpus._TOKEN_RE, text) == _tokens(_PLAIN, text), repr(text)
    text = "The U.S. Navy's live-fire drills, 2024: see https://x.co/a @navy #drills_2 \u4e2d\u56fd"
    assert _tokens(corpus._TOKEN_RE, text) == _tokens(_PLAIN, text)


def test_ascii_tokens_as_the_token_regex_finds_them():
    rng = random.Random(9)
    pieces = [p for p in _PIECES if p.isascii()] + [*"\x1c\x1f\x0b\x0c_~$%^&*+=|\\<>;`{}[]"]
    texts = ["".join(chr(c) for c in range(128))]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 16))) for _ in range(30_000)]
    for text in texts:
        assert _tokens(corpus._ASCII_TOKEN_RE, text) == _tokens(corpus._TOKEN_RE, text), repr(text)
        plain = [
            m.group().lower() for m in _PLAIN.finditer(text) if m.lastgroup in ("word", "abbr")
        ]
        assert corpus.words(text) == plain, repr(text)
    # each class holds the characters its Unicode class holds in ASCII
    for plain, ascii_range in [
        (r"[^\W\d_]", "[A-Za-z]"),
        (r"\d", "[0-9]"),
        (r"\w", "[A-Za-z0-9_]"),
    ]:
        chars = [chr(c) for c in range(128)]
        assert [c for c in chars if re.match(plain, c)] == [
            c for c in chars if re.match(ascii_range, c)
        ]
