"""A minimal iCalendar reader, written from RFC 5545 for the tests alone.

It shares no code with ``icalendar``: lines are split on CRLF, unfolded (a line that
starts with a space or a tab continues the one before), split into name, parameters
and value, and grouped into components by BEGIN and END. Text values are unescaped
(``\\n``, ``\\,``, ``\\;``, ``\\\\``). That is all the calendar export needs, and
enough to check it independently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

_ESCAPES = {"n": "\n", "N": "\n", ",": ",", ";": ";", "\\": "\\"}


@dataclass
class Property:
    """One content line: ``NAME;PARAM=VALUE:value``."""

    name: str
    params: dict[str, str]
    value: str

    @property
    def text(self) -> str:
        """The value as TEXT, unescaped."""
        return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m[1], m[1]), self.value)

    @property
    def date(self) -> date:
        """The value as a DATE (``YYYYMMDD``)."""
        assert re.fullmatch(r"\d{8}", self.value), self.value
        return date(int(self.value[:4]), int(self.value[4:6]), int(self.value[6:]))

    @property
    def utc(self) -> datetime:
        """The value as a UTC DATE-TIME (``YYYYMMDDTHHMMSSZ``)."""
        assert re.fullmatch(r"\d{8}T\d{6}Z", self.value), self.value
        return datetime.strptime(self.value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)


@dataclass
class Component:
    """A ``BEGIN:NAME`` ... ``END:NAME`` block."""

    name: str
    properties: list[Property] = field(default_factory=list)
    children: list[Component] = field(default_factory=list)

    def get(self, name: str) -> Property:
        """The one property called ``name``."""
        found = [p for p in self.properties if p.name == name]
        assert len(found) == 1, f"{self.name} has {len(found)} {name} properties"
        return found[0]

    def has(self, name: str) -> bool:
        """Whether there is a property called ``name``."""
        return any(p.name == name for p in self.properties)

    def all(self, name: str) -> list[Component]:
        """The child components called ``name``."""
        return [c for c in self.children if c.name == name]


def physical_lines(data: bytes) -> list[bytes]:
    """The lines as written, each checked to end in CRLF."""
    assert data.endswith(b"\r\n"), "the last line must end in CRLF"
    lines = data[:-2].split(b"\r\n")
    assert not any(b"\n" in line or b"\r" in line for line in lines), "bare LF or CR"
    return lines


def unfold(data: bytes) -> list[str]:
    """The logical lines: folded lines joined again, then decoded as UTF-8."""
    logical: list[bytes] = []
    for line in physical_lines(data):
        if line[:1] in (b" ", b"\t"):
            assert logical, "a continuation line cannot come first"
            logical[-1] += line[1:]
        else:
            logical.append(line)
    return [line.decode("utf-8") for line in logical]


def parse_line(line: str) -> Property:
    """Split a content line at the first colon outside quotes."""
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            head, value = line[:index], line[index + 1 :]
            break
    else:
        raise AssertionError(f"no value in {line!r}")
    name, *params = head.split(";")
    return Property(
        name=name.upper(),
        params=dict(param.split("=", 1) for param in params),
        value=value,
    )


def read(data: bytes) -> Component:
    """The VCALENDAR in ``data``."""
    stack: list[Component] = []
    root: Component | None = None
    for line in unfold(data):
        prop = parse_line(line)
        if prop.name == "BEGIN":
            component = Component(prop.value.upper())
            if stack:
                stack[-1].children.append(component)
            stack.append(component)
        elif prop.name == "END":
            done = stack.pop()
            assert done.name == prop.value.upper(), f"END:{prop.value} closes {done}"
            if not stack:
                root = done
        else:
            stack[-1].properties.append(prop)
    assert not stack, "unclosed components"
    assert root is not None
    assert root.name == "VCALENDAR"
    return root
