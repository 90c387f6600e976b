"""Parsing dates written as text, for the adapters (command line, spreadsheets).

The core only takes ``date`` and ``datetime``; text is accepted at the edges, in two
unambiguous forms: ISO ``YYYY-MM-DD`` and UK day-first ``DD/MM/YYYY``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from foi_deadlines.errors import InvalidInputError

__all__ = ["parse_date_text"]

_UK: Final = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_ISO: Final = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_EXPECTED: Final = "a date written as YYYY-MM-DD or DD/MM/YYYY"


def parse_date_text(text: str, param: str = "date") -> date:
    """Parse ``text`` as an ISO or a UK day-first date.

    Args:
        text: Such as ``"2024-12-19"`` or ``"19/12/2024"``.
        param: The parameter name to use in an error message.

    Returns:
        The date.

    Raises:
        InvalidInputError: The text is neither form, or names a day that does not
            exist (``"31/02/2026"``).

    >>> parse_date_text("19/12/2024")
    datetime.date(2024, 12, 19)
    >>> parse_date_text(" 2024-12-19 ")
    datetime.date(2024, 12, 19)
    """
    stripped = text.strip()
    if match := _ISO.fullmatch(stripped):
        year, month, day = match.groups()
    elif match := _UK.fullmatch(stripped):
        day, month, year = match.groups()
    else:
        raise InvalidInputError(param, text, _EXPECTED)
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise InvalidInputError(
            param, text, f"{_EXPECTED}, naming a day that exists"
        ) from None
