"""Plain text for any reader: typographic punctuation as ASCII.

Holiday names and explanations use typographic apostrophes and dashes, as gov.uk
writes them. A terminal without Unicode, or a mail body that must stay ASCII, gets
their ASCII equivalents instead.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

__all__ = ["ASCII_PUNCTUATION", "normalise_word", "to_ascii"]

#: ASCII for the typographic punctuation of holiday names and explanations.
ASCII_PUNCTUATION: Final[Mapping[str, str]] = MappingProxyType(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "--",
        "\u2026": "...",
        "\u00a0": " ",
    }
)


def to_ascii(text: str) -> str:
    """``text`` in ASCII: ASCII punctuation, accents dropped, anything else ``?``.

    >>> to_ascii("New Year’s Day – Café ☃")
    "New Year's Day - Cafe ?"
    """
    plain = "".join(ASCII_PUNCTUATION.get(char, char) for char in text)
    if plain.isascii():
        return plain
    decomposed = unicodedata.normalize("NFKD", plain)
    kept = "".join(char for char in decomposed if not unicodedata.combining(char))
    return kept.encode("ascii", "replace").decode("ascii")


_NOT_WORD: Final = re.compile(r"[\W_]+")


def normalise_word(text: str) -> str:
    """A word as the library compares it: lower case, letters and digits only.

    For a tracker's headings and the words in its cells ("Date  Received:",
    "FOI(S)A"), whatever their case, spacing or punctuation.

    >>> normalise_word(" FOI(S)A ")
    'foisa'
    """
    return _NOT_WORD.sub("", text.casefold())
