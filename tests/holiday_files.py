"""gov.uk-shaped holiday files for the tests: the bundled copy, and complete years."""

from __future__ import annotations

import copy
import functools
import json
from datetime import date
from pathlib import Path
from typing import Any

import holidays

from foi_deadlines.bank_holidays import CORRECTIONS, Division, Holiday, OfficialList

BUNDLED_FILE = (
    Path(__file__).parents[1] / "foi_deadlines" / "data" / "govuk-bank-holidays.json"
)
SUBDIVISIONS = {
    Division.ENGLAND_AND_WALES: "ENG",
    Division.SCOTLAND: "SCT",
    Division.NORTHERN_IRELAND: "NIR",
}


@functools.cache
def _bundled_text() -> str:
    return BUNDLED_FILE.read_text(encoding="utf-8")


def bundled_json() -> dict[str, Any]:
    """A fresh copy of the bundled gov.uk file, parsed."""
    data: dict[str, Any] = json.loads(_bundled_text())
    return data


def standing_events(division: Division, year: int) -> list[dict[str, Any]]:
    """gov.uk-shaped events for one division and year, from the standing rules.

    Weekdays only, as gov.uk lists them (a substitute day, not the weekend date).
    """
    table = holidays.country_holidays("GB", subdiv=SUBDIVISIONS[division], years=year)
    wrong = {c.day for c in CORRECTIONS if c.division is division}
    return [
        {"title": name, "date": day.isoformat(), "notes": "", "bunting": True}
        for day, name in sorted(table.items())
        if day.weekday() < 5 and day not in wrong
    ]


def complete_file(*years: int) -> dict[str, Any]:
    """A gov.uk-shaped file that fully covers ``years`` in every division."""
    return {
        division.value: {
            "division": division.value,
            "events": [
                event for year in years for event in standing_events(division, year)
            ],
        }
        for division in Division
    }


def without_year(data: dict[str, Any], division: str, year: int) -> dict[str, Any]:
    """A copy of ``data`` with one division's events of one year removed."""
    result = copy.deepcopy(data)
    result[division]["events"] = [
        event
        for event in result[division]["events"]
        if not event["date"].startswith(f"{year}-")
    ]
    return result


def with_event(
    data: dict[str, Any], division: str, day: str, title: str
) -> dict[str, Any]:
    """A copy of ``data`` with one more event in a division."""
    result = copy.deepcopy(data)
    result[division]["events"].append(
        {"title": title, "date": day, "notes": "", "bunting": True}
    )
    return result


def official_list(
    source: str, division: Division, *events: tuple[str, str]
) -> OfficialList:
    """An official list built directly, unchecked, covering its events' years.

    For tests of how lists are layered, whatever a loader would accept.
    """
    days = [date.fromisoformat(day) for day, _ in events]
    return OfficialList(
        source=source,
        holidays=tuple(
            Holiday(day=day, name=name, division=division, source=source)
            for day, (_, name) in zip(days, events, strict=True)
        ),
        coverage=((division, min(days).year, max(days).year),),
    )
