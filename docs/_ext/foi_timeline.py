"""A Sphinx directive that draws one request's windows as an SVG timeline.

Every date in the picture is computed by the library when the documentation is
built, so the picture cannot drift from the code::

    ```{foi-timeline}
    ```
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from docutils import nodes
from docutils.parsers.rst import Directive

from foi_deadlines import (
    regulator_deadline,
    response_due,
    review_due,
    review_request_deadline,
    tribunal_deadline,
)

WIDTH = 760
LEFT = 220
ROW = 34
TOP = 30
RIGHT = 60


def _rows() -> list[tuple[str, date, date, str]]:
    """(label, start, end, kind) for one FOIA request, from receipt to appeal."""
    received = date(2024, 12, 19)
    response = response_due(received)
    responded = date(2025, 1, 20)
    asked = date(2025, 2, 3)
    review = review_due(asked)
    outcome = date(2025, 2, 28)
    decision = date(2025, 8, 15)
    return [
        ("Response (s10(1))", received, response.due, "law"),
        (
            "Ask for a review (Code)",
            responded,
            review_request_deadline(responded).due,
            "guidance",
        ),
        ("Review, 20 working days (Code)", asked, review.due, "guidance"),
        (
            "Review, complex: 40 (ICO)",
            asked,
            review_due(asked, complex=True).due,
            "guidance",
        ),
        (
            "Complain to the ICO (6 weeks)",
            outcome,
            regulator_deadline(outcome).due,
            "guidance",
        ),
        (
            "Appeal to the Tribunal (28 days)",
            decision,
            tribunal_deadline(decision).due,
            "law",
        ),
    ]


def timeline_svg() -> str:
    """The SVG markup."""
    rows = _rows()
    first = min(r[1] for r in rows)
    last = max(r[2] for r in rows)
    span = (last - first).days or 1
    scale = (WIDTH - LEFT - RIGHT) / span

    def x(day: date) -> float:
        return LEFT + (day - first).days * scale

    height = TOP + ROW * len(rows) + 20
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-label="Timeline of one request\'s windows" '
        f'style="max-width:100%;font-family:sans-serif;font-size:11px">',
        f'<line x1="{LEFT}" y1="{TOP - 8}" x2="{WIDTH - RIGHT}" y2="{TOP - 8}" '
        'stroke="#888"/>',
    ]
    for month in range(first.month, first.month + 12):
        tick = date(first.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
        if first <= tick <= last:
            label = f"{tick:%b %Y}" if tick.month == 1 else f"{tick:%b}"
            parts.append(
                f'<text x="{x(tick):.1f}" y="{TOP - 12}" text-anchor="middle" '
                f'fill="#555">{label}</text>'
            )
    for index, (label, start, end, kind) in enumerate(rows):
        y = TOP + index * ROW
        colour = "#2b6cb0" if kind == "law" else "#b7791f"
        width = max(x(end) - x(start), 2)
        parts += [
            f'<text x="{LEFT - 8}" y="{y + 14}" text-anchor="end">'
            f"{escape(label)}</text>",
            f'<rect x="{x(start):.1f}" y="{y + 4}" width="{width:.1f}" height="14" '
            f'fill="{colour}" opacity="0.85"><title>{escape(label)}: '
            f"{start:%d %b %Y} to {end:%d %b %Y}</title></rect>",
            f'<text x="{x(end) + 4:.1f}" y="{y + 15}" fill="#333">{end:%d %b}</text>',
        ]
    legend_y = TOP + ROW * len(rows) + 8
    parts += [
        f'<rect x="{LEFT}" y="{legend_y}" width="10" height="10" fill="#2b6cb0"/>',
        f'<text x="{LEFT + 14}" y="{legend_y + 9}">law</text>',
        f'<rect x="{LEFT + 60}" y="{legend_y}" width="10" height="10" fill="#b7791f"/>',
        f'<text x="{LEFT + 74}" y="{legend_y + 9}">guidance</text>',
        "</svg>",
    ]
    return "\n".join(parts)


class FoiTimeline(Directive):
    """Draw the timeline."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        """Build the picture."""
        return [nodes.raw("", timeline_svg(), format="html")]


def setup(app: Any) -> dict[str, Any]:
    """Register the directive."""
    app.add_directive("foi-timeline", FoiTimeline)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
