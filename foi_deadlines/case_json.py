"""Cases as JSON, for case systems: a documented, versioned format.

:func:`case_to_json` and :func:`case_from_json` convert one case;
:func:`cases_to_json` and :func:`cases_from_json` a list of them. The format is
described by the JSON Schema in ``foi_deadlines/data/case.schema.json``
(:func:`json_schema`). Import is all or nothing: the first problem is reported with
the path to the bad field (``cases[2].events[3].date``) and nothing is imported.

>>> from datetime import date
>>> from foi_deadlines import Case
>>> case = Case.received(date(2024, 12, 19), reference="FOI-1")
>>> data = case_to_json(case)
>>> data["events"]
[{'kind': 'received', 'date': '2024-12-19'}]
>>> case_from_json(data) == case
True
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, time
from importlib import resources
from typing import Any, Final

import attrs

from foi_deadlines._dates import to_uk_date
from foi_deadlines.bank_holidays import Division
from foi_deadlines.cases import Case, CaseEvent
from foi_deadlines.errors import CaseDataError, FoiDeadlinesError, TimelineError
from foi_deadlines.rules import AuthorityPolicy, Body, Policies, Regime
from foi_deadlines.timeline import CaseEventKind, Outcome, ReviewOutcome, sort_key

__all__ = [
    "SCHEMA_VERSION",
    "case_from_json",
    "case_to_json",
    "cases_from_json",
    "cases_to_json",
    "json_schema",
]

#: The version of the JSON format this library writes and reads.
SCHEMA_VERSION: Final = 1
_CASE: Final = "foi-deadlines/case"
_CASES: Final = "foi-deadlines/cases"
_EVENT_FIELDS: Final = ("kind", "date", "at", "outcome", "estimate", "note", "actor")
_CASE_FIELDS: Final = (
    "schema",
    "version",
    "reference",
    "regime",
    "body",
    "division",
    "policy",
    "policies",
    "events",
)


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the format.

    Its lists of regimes, bodies, divisions, event kinds, outcomes and policies are
    the library's own, read from the rules when it is called; the file
    ``foi_deadlines/data/case.schema.json`` is a copy, written by
    ``scripts/make_schema.py``.
    """
    text = resources.files("foi_deadlines").joinpath("data", "case.schema.json")
    schema: dict[str, Any] = json.loads(text.read_text(encoding="utf-8"))
    defs = schema["$defs"]
    defs["regime"] = {"enum": [r.value for r in Regime]}
    defs["body"] = {"enum": [*(b.value for b in Body), None]}
    defs["division"] = {"enum": [d.value for d in Division]}
    event = defs["event"]["properties"]
    event["kind"] = {"enum": [k.value for k in CaseEventKind]}
    event["outcome"] = {
        "type": ["string", "null"],
        "enum": [*(o.value for o in Outcome), *(o.value for o in ReviewOutcome), None],
    }
    defs["policies"]["properties"] = {
        field.name: _policy_schema(field) for field in attrs.fields(Policies)
    }
    return schema


def _policy_schema(field: attrs.Attribute[Any]) -> dict[str, Any]:
    """One policy's schema, from its type and the register."""
    description = f"{field.metadata['id']}: {field.metadata['question']}"
    default = field.default
    if isinstance(default, enum.Enum):
        return {
            "type": "string",
            "description": description,
            "enum": [member.value for member in type(default)],
        }
    if field.name == "office_hours_cutoff":
        return {
            "type": ["string", "null"],
            "pattern": _TIME_PATTERN,
            "description": description,
        }
    if field.name == "public_interest_cap":
        return {"type": ["integer", "null"], "minimum": 20, "description": description}
    return {
        "type": ["integer", "null"],
        "minimum": 1,
        "maximum": 24,
        "description": description,
    }


_TIME_PATTERN: Final = r"^[0-2][0-9]:[0-5][0-9](:[0-5][0-9](\.[0-9]{1,6})?)?$"


# -- out ------------------------------------------------------------------------------


def case_to_json(case: Case) -> dict[str, Any]:
    """``case`` as JSON-ready data; :func:`case_from_json` reads it back unchanged.

    Optional fields at their defaults are left out, to keep documents short.
    """
    document: dict[str, Any] = {
        "schema": _CASE,
        "version": SCHEMA_VERSION,
        "regime": str(case.regime),
    }
    if case.reference:
        document["reference"] = case.reference
    if case.body is not None:
        document["body"] = str(case.body)
    if case.division != "england-and-wales":
        document["division"] = str(case.division)
    if case.policy != AuthorityPolicy():
        document["policy"] = attrs.asdict(case.policy)
    changed = {
        field.name: _plain(getattr(case.policies, field.name))
        for field in attrs.fields(Policies)
        if getattr(case.policies, field.name) != field.default
    }
    if changed:
        document["policies"] = changed
    document["events"] = [_event_to_json(event) for event in case.events]
    return document


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, time) else value


def _event_to_json(event: CaseEvent) -> dict[str, Any]:
    record: dict[str, Any] = {"kind": str(event.kind), "date": event.on.isoformat()}
    if event.at is not None:
        record["at"] = event.at.isoformat()
    if event.outcome is not None:
        record["outcome"] = event.outcome
    if event.estimate is not None:
        record["estimate"] = event.estimate.isoformat()
    if event.note:
        record["note"] = event.note
    if event.actor:
        record["actor"] = event.actor
    return record


def cases_to_json(cases: Iterable[Case]) -> dict[str, Any]:
    """A list of cases as one JSON-ready document."""
    return {
        "schema": _CASES,
        "version": SCHEMA_VERSION,
        "cases": [_without_header(case_to_json(case)) for case in cases],
    }


def _without_header(document: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k not in ("schema", "version")}


# -- in -------------------------------------------------------------------------------


def case_from_json(document: object) -> Case:
    """Read one case written by :func:`case_to_json` (or by a case system).

    Raises:
        CaseDataError: The document is malformed, of an unknown version, or
            describes a timeline that cannot be true; the message gives the path.
    """
    _check_header(document, _CASE, "")
    assert isinstance(document, Mapping)
    return _case(document, "")


def cases_from_json(document: object) -> list[Case]:
    """Read a list of cases written by :func:`cases_to_json`; all or nothing.

    Raises:
        CaseDataError: As :func:`case_from_json`, with the case's index in the path.
    """
    _check_header(document, _CASES, "")
    assert isinstance(document, Mapping)
    _only(document, ("schema", "version", "cases"), "")
    items = document.get("cases")
    if not isinstance(items, list):
        raise CaseDataError("cases", items, "expected a list of cases")
    return [_case(item, f"cases[{index}]") for index, item in enumerate(items)]


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def _check_header(document: object, schema: str, prefix: str) -> None:
    if not isinstance(document, Mapping):
        raise CaseDataError(prefix, document, "expected a JSON object")
    if document.get("schema", schema) != schema:
        raise CaseDataError(
            _join(prefix, "schema"), document.get("schema"), f"expected {schema!r}"
        )
    version = document.get("version")
    if version != SCHEMA_VERSION or isinstance(version, bool):
        raise CaseDataError(
            _join(prefix, "version"),
            version,
            f"expected version {SCHEMA_VERSION}, the version this library reads",
        )


def _only(document: Mapping[str, Any], allowed: Iterable[str], prefix: str) -> None:
    unknown = sorted(set(document) - set(allowed))
    if unknown:
        raise CaseDataError(
            _join(prefix, unknown[0]),
            document[unknown[0]],
            "unknown field; expected one of " + ", ".join(allowed),
        )


def _case(item: object, prefix: str) -> Case:
    if not isinstance(item, Mapping):
        raise CaseDataError(prefix, item, "expected a JSON object")
    _only(item, _CASE_FIELDS, prefix)
    if "regime" not in item:
        raise CaseDataError(
            _join(prefix, "regime"), None, "a required field is missing"
        )
    raw_events = item.get("events")
    if not isinstance(raw_events, list) or not raw_events:
        raise CaseDataError(
            _join(prefix, "events"), raw_events, "expected a non-empty list of events"
        )
    events = [
        _event(raw, f"{_join(prefix, 'events')}[{index}]")
        for index, raw in enumerate(raw_events)
    ]
    options: dict[str, Any] = {"regime": item["regime"]}
    for name in ("reference", "body", "division"):
        if name in item:
            options[name] = item[name]
    if "policy" in item:
        options["policy"] = _build(
            AuthorityPolicy, item["policy"], _join(prefix, "policy")
        )
    if "policies" in item:
        options["policies"] = _build(
            Policies, item["policies"], _join(prefix, "policies"), _policy_value
        )
    try:
        return Case(events=events, **options)
    except TimelineError as exc:
        raise _timeline_path(exc, events, prefix) from None
    except FoiDeadlinesError as exc:
        raise _data_error(exc, prefix) from None


def _timeline_path(
    exc: TimelineError, events: list[CaseEvent], prefix: str
) -> CaseDataError:
    """The error with the event's index in the document, not in the sorted case."""
    order = sorted(range(len(events)), key=lambda i: sort_key(events[i]))
    sorted_index = int(exc.param.removeprefix("events[").removesuffix("]"))
    original = order[sorted_index]
    return CaseDataError(
        f"{_join(prefix, 'events')}[{original}]", exc.value, exc.problem
    )


def _event(raw: object, path: str) -> CaseEvent:
    if not isinstance(raw, Mapping):
        raise CaseDataError(path, raw, "expected an event object")
    _only(raw, _EVENT_FIELDS, path)
    for name in ("kind", "date"):
        if name not in raw:
            raise CaseDataError(f"{path}.{name}", None, "a required field is missing")
    fields: dict[str, Any] = {
        "kind": raw["kind"],
        "on": _iso_date(raw["date"], f"{path}.date"),
    }
    if raw.get("at") is not None:
        at = _iso_datetime(raw["at"], f"{path}.at")
        if to_uk_date(at) != fields["on"]:
            raise CaseDataError(
                f"{path}.at", raw["at"], "a timestamp whose UK date is the event's date"
            )
        fields["at"] = at
    if raw.get("estimate") is not None:
        fields["estimate"] = _iso_date(raw["estimate"], f"{path}.estimate")
    for name in ("outcome", "note", "actor"):
        if raw.get(name) is not None:
            fields[name] = raw[name]
    try:
        return CaseEvent(**fields)
    except FoiDeadlinesError as exc:
        raise _data_error(exc, path, rename={"on": "date"}) from None


def _data_error(
    exc: FoiDeadlinesError,
    prefix: str,
    *,
    rename: Mapping[str, str] | None = None,
    strip: str = "",
) -> CaseDataError:
    """A library error, as a data error at the path of the field it names."""
    param = str(getattr(exc, "param", "")).removeprefix(strip)
    param = (rename or {}).get(param, param)
    expected = getattr(exc, "expected", None)
    problem = f"expected {expected}" if expected else str(exc)
    return CaseDataError(_join(prefix, param), getattr(exc, "value", None), problem)


def _iso_date(value: object, path: str) -> date:
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise CaseDataError(path, value, "expected a date as YYYY-MM-DD")


def _iso_datetime(value: object, path: str) -> datetime:
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            pass
    raise CaseDataError(path, value, "expected an ISO 8601 timestamp")


def _policy_value(name: str, value: object, path: str) -> object:
    if name == "office_hours_cutoff" and isinstance(value, str):
        try:
            return time.fromisoformat(value)
        except ValueError:
            raise CaseDataError(path, value, "expected a time as HH:MM") from None
    return value


def _build(
    cls: type[AuthorityPolicy] | type[Policies],
    raw: object,
    path: str,
    convert: Callable[[str, object, str], object] | None = None,
) -> Any:
    if not isinstance(raw, Mapping):
        raise CaseDataError(path, raw, "expected a JSON object")
    names = list(attrs.fields_dict(cls))
    _only(raw, names, path)
    values: dict[str, Any] = {
        name: convert(name, value, f"{path}.{name}") if convert else value
        for name, value in raw.items()
    }
    try:
        return cls(**values)
    except FoiDeadlinesError as exc:
        raise _data_error(exc, path, strip="policies.") from None
