"""Plain text for any reader: typographic punctuation as ASCII.

Holiday names and explanations use typographic apostrophes and dashes, as gov.uk
writes them. A terminal without Unicode, or a mail body that must stay ASCII, gets
their ASCII equivalents instead.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

__all__ = ["ASCII_PUNCTUATION", "to_ascii"]

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
