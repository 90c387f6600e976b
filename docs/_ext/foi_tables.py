"""A Sphinx directive that renders tables from the library's own data.

``foi-table`` takes the name of one of the tables below, each built from the
library's data at build time, so that the documentation cannot drift from the code::

    ```{foi-table} known-differences
    ```
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from docutils import nodes
from docutils.parsers.rst import Directive

from foi_deadlines import bank_holidays, calendars, clocks, rules

Table = tuple[Sequence[str], Sequence[Sequence[str]]]


def _day(day: Any) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def known_differences() -> Table:
    """The bundled gov.uk copy against the standing rules."""
    header = (
        "Date",
        "Division",
        "gov.uk copy",
        "Standing rules",
        "Bank holiday?",
        "Why",
    )
    rows = [
        (
            _day(k.day),
            k.division.label,
            "listed" if k.in_official else "not listed",
            "listed" if k.in_standing_rules else "not listed",
            "yes" if k.is_bank_holiday else "no",
            k.explanation,
        )
        for k in bank_holidays.KNOWN_DIFFERENCES
    ]
    return header, rows


def corrections() -> Table:
    """Days removed from the standing rules."""
    header = ("Date", "Division", "Why it is a working day")
    rows = [
        (_day(c.day), c.division.label, c.reason) for c in bank_holidays.CORRECTIONS
    ]
    return header, rows


def proclaimed() -> Table:
    """Proclaimed days bundled on top of the gov.uk copy."""
    header = ("Date", "Divisions", "Name", "Source")
    rows = [
        (_day(p.day), ", ".join(d.label for d in p.divisions), p.name, p.source)
        for p in bank_holidays.BUNDLED_PROCLAIMED
    ]
    return header, rows


def calendar_definitions() -> Table:
    """The calendars and the law behind each."""
    header = ("Name", "Used for", "Bank holidays of", "Legal source")
    rows = [
        (
            f"``{d.name}``",
            d.title,
            ", ".join(div.label for div in d.divisions),
            d.citation,
        )
        for d in calendars.DEFINITIONS.values()
    ]
    return header, rows


def clock_rules(regime: str = "") -> Table:
    """Every clock in the registry, or one regime's."""
    header = (
        "Id",
        "Clock",
        "Length",
        "Counted on",
        "Day 0",
        "Source",
        "Law?",
        "In force",
    )
    rows = []
    for rule in rules.RULES.values():
        if regime and rule.regime != regime:
            continue
        window = "always"
        if rule.in_force_from is not None:
            window = f"from {rule.in_force_from}"
        if rule.in_force_to is not None:
            window = f"to {rule.in_force_to}"
        rows.append(
            (
                rule.id,
                rule.title,
                rule.length_text,
                {
                    None: "calendar",
                    "division": "calendar; rolled on the controller's calendar",
                }.get(rule.calendar, f"calendar '{rule.calendar}'"),
                rule.day_zero,
                rule.citation,
                "statute" if rule.statutory else "guidance",
                window,
            )
        )
    return header, rows


def windows() -> Table:
    """Every review, complaint and appeal window."""
    header = ("Window", "Regime", "Length", "Counted", "From", "Source", "Law?")
    rows = []
    for rule in rules.RULES.values():
        if rule.stage == "response":
            continue
        if rule.unit == "working days":
            counted = f"working days, calendar '{rule.calendar}'"
        elif rule.roll:
            counted = f"calendar days; {rule.roll}"
        else:
            counted = "calendar time; the last day does not move"
        rows.append(
            (
                f"{rule.title} ({rule.id})",
                rule.regime.label,
                rule.length_text,
                counted,
                rule.day_zero,
                rule.citation,
                "statute" if rule.statutory else "guidance",
            )
        )
    return header, rows


def clock_modifiers(regime: str = "") -> Table:
    """How each clock can move."""
    header = ("Id", "Modifier", "What the law allows")
    rows = [
        (rule.id, str(kind), text)
        for rule in rules.RULES.values()
        if not regime or rule.regime == regime
        for kind, text in rule.modifiers
    ]
    return header, rows


_WINDOW_TEXT: dict[str, str] = {
    "any": "whenever it happens",
    "base": "by the end of the time for complying (before any extension)",
    "current": "by the end of the period in force (extended, if extended in time)",
    "notice": "by the last day to give notice of an extension",
}


def steps(regime: str = "") -> Table:
    """The events that move each regime's response clock, and when they count."""
    header = ("Regime", "Event", "Effect", "Ends with", "Counts if given", "Law")
    rows = []
    for editions in rules.RULE_SETS.values():
        for edition in editions:
            if regime and edition.regime != regime:
                continue
            label = edition.label
            if edition.in_force_to is not None:
                label = f"{label}, received to {edition.in_force_to}"
            elif edition.in_force_from is not None:
                label = f"{label}, received from {edition.in_force_from}"
            for step in edition.steps:
                law = step.citation
                if step.window_law != step.citation:
                    law = f"{law}; window: {step.window_law}"
                rows.append(
                    (
                        label,
                        str(step.kind).replace("_", " "),
                        f"{step.effect}: {step.summary}",
                        ""
                        if step.closed_by is None
                        else str(step.closed_by).replace("_", " "),
                        _WINDOW_TEXT[str(step.window)],
                        law,
                    )
                )
    return header, rows


def _default(value: object) -> str:
    """A policy's default as a user passes it: an option's value, else its repr."""
    return str(value) if isinstance(value, rules.Option) else repr(value)


def policies(ids: str = "") -> Table:
    """The policy register, or the entries named (``P1,P3``)."""
    wanted = set(ids.split(",")) if ids else None
    header = ("Id", "Question", "Default", "Options", "Why the default")
    rows = [
        (p.id, p.question, _default(p.default), p.options, p.reason)
        for p in clocks.policy_register()
        if wanted is None or p.id in wanted
    ]
    return header, rows


TABLES: dict[str, Callable[..., Table]] = {
    "rules": clock_rules,
    "windows": windows,
    "modifiers": clock_modifiers,
    "steps": steps,
    "policies": policies,
    "known-differences": known_differences,
    "corrections": corrections,
    "proclaimed": proclaimed,
    "calendars": calendar_definitions,
}


def _row(cells: Sequence[str]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        entry += nodes.paragraph(text=cell.replace("``", ""))
        row += entry
    return row


class FoiTable(Directive):
    """Render one of :data:`TABLES`."""

    required_arguments = 1
    optional_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        """Build the table."""
        name, *filters = self.arguments
        if name not in TABLES:
            raise self.error(
                f"unknown foi-table {name!r}; expected one of {sorted(TABLES)}"
            )
        header, rows = TABLES[name](*filters)
        table = nodes.table()
        group = nodes.tgroup(cols=len(header))
        table += group
        for _ in header:
            group += nodes.colspec(colwidth=1)
        head = nodes.thead()
        head += _row(header)
        group += head
        body = nodes.tbody()
        for cells in rows:
            body += _row(cells)
        group += body
        return [table]


def setup(app: Any) -> dict[str, Any]:
    """Register the directive."""
    app.add_directive("foi-table", FoiTable)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
