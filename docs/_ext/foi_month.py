"""A Sphinx directive that draws a calendar export in a month view, as SVG.

The tracker is exported by the library when the documentation is built, so the
picture cannot drift from the code::

    ```{foi-month} _static/reminders-tracker.csv
    :as-of: 2025-02-10
    :month: 2025-02
    ```
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import Directive, directives
from month_view import export, month_svg


class FoiMonth(Directive):
    """Draw one month of the export of a tracker."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {
        "as-of": directives.unchanged_required,
        "month": directives.unchanged_required,
    }

    def run(self) -> list[nodes.Node]:
        """Export the tracker and draw the month."""
        env = self.state.document.settings.env
        relative, absolute = env.relfn2path(self.arguments[0])
        env.note_dependency(relative)
        as_of = date.fromisoformat(self.options["as-of"])
        year, month = (int(part) for part in self.options["month"].split("-"))
        svg = month_svg(export(Path(absolute), as_of), year, month, as_of)
        return [nodes.raw("", svg, format="html")]


def setup(app: Any) -> dict[str, Any]:
    """Register the directive."""
    app.add_directive("foi-month", FoiMonth)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
