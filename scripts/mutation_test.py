"""Sampled mutation testing of the core modules, each against its own tests.

A mutant is a copy of a module with one small change that ought to break it: a
comparison turned (``<`` to ``<=``, ``==`` to ``!=``, ``in`` to ``not in``), ``+``
to ``-``, ``and`` to ``or``, a ``not`` dropped, ``True`` to ``False``, ``min`` to
``max``, a whole number one up or one down, the result of a boolean function
negated. The mutant is *killed* when the module's own tests (listed in
``MODULE_TESTS`` below) or its doctests fail on it, and *survives* when they all
pass. A survivor is behaviour that no test pins down, or an equivalent mutant: a
change that cannot alter behaviour. Equivalent mutants go in ``EQUIVALENT`` below,
by id, each with the reason; they are reported but not run, and not scored. A
mutant that does not even compile or import is killed but reported as invalid,
and not scored either.

Run it from the repository root::

    python scripts/mutation_test.py                      # every module, 20 each
    python scripts/mutation_test.py calendars rules --sample 10
    python scripts/mutation_test.py clocks --sample 0 --jobs 2  # every mutant
    python scripts/mutation_test.py rules --list         # the mutants, not run
    python scripts/mutation_test.py --show-survivors --json mutation.json

Options:

* ``MODULE ...``: the modules to test, by name in ``MODULE_TESTS`` (a module is
  ``foi_deadlines/MODULE.py`` or ``foi_deadlines/MODULE/__init__.py``; a module of
  a sub-package is written ``rules/foia``, and without an entry of its own takes
  the tests of its package); all the modules in ``MODULE_TESTS`` by default.
* ``--sample N``: how many mutants to draw per module (default 20; 0 for all).
* ``--seed S``: the seed of the draw (default 20261129). The same source and seed
  give the same mutants, with the same ids, on every run.
* ``--jobs J``: how many mutants to test at once (default 1).
* ``--timeout-factor F``: a mutant's tests are stopped, and the mutant counted as
  killed, after F times (default 3) the time the same tests take on the unchanged
  code, and never sooner than 5 seconds.
* ``--only ID ...``: of the sample, test only the mutants with these ids (to
  recheck the survivors of an earlier run with the same seed and sample).
* ``--list``: list the mutants that would be tested, and stop.
* ``--json FILE``: write every mutant and its result to FILE.
* ``--show-survivors``: list the surviving mutants after the summary.

The score of a module is killed / (sampled - equivalent - invalid). Progress goes
to standard error, one line per mutant.

Nothing is written to the working tree, except the ``--json`` file if it is put
there. The tree as it is, uncommitted changes included (without ``.git``, virtual
environments, ``docs/_build`` and caches), is copied into a temporary directory
for each job; mutants are written into those copies only, and the copies are
removed at the end, also when the run is interrupted. Each mutant runs::

    python -m pytest -x -q -p no:cacheprovider -p no:randomly --no-header \\
        TESTS... foi_deadlines/MODULE.py

in a copy, with the derandomised Hypothesis profile (``HYPOTHESIS_PROFILE=ci``) and
``PYTHONDONTWRITEBYTECODE=1``.

Left alone: docstrings and other strings, f-strings, code under
``if TYPE_CHECKING:``, ``__all__``, type annotations and the type in ``cast()``,
``assert`` statements, calls to ``warnings`` and ``logging``, and any line with a
``# pragma: no mutate`` comment (on the first line of a statement, the comment
covers the whole statement).
"""

from __future__ import annotations

import argparse
import ast
import bisect
import concurrent.futures
import contextlib
import copy
import dataclasses
import hashlib
import io
import itertools
import json
import os
import queue
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import tokenize
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import FrameType
from typing import Final

ROOT: Final = Path(__file__).resolve().parents[1]
PACKAGE: Final = "foi_deadlines"

#: Each module's own tests, as files or directories relative to the repository
#: root. The module's doctests always run as well.
MODULE_TESTS: Final[dict[str, list[str]]] = {
    "calendars": [
        "tests/test_calendars.py",
        "tests/properties/test_calendar_properties.py",
        "tests/test_snapshots.py",
        "tests/test_calendar_edges.py",
    ],
    "bank_holidays": [
        "tests/test_bank_holidays.py",
        "tests/test_snapshots.py",
        "tests/test_bank_holiday_edges.py",
    ],
    "timeline": [
        "tests/test_timeline.py",
        "tests/test_cases.py",
    ],
    "rules": [
        "tests/test_rules.py",
        "tests/test_rule_sets.py",
        "tests/test_when_events_count.py",
        "tests/test_responses.py",
        "tests/test_reviews.py",
    ],
    "rules/_model": [
        "tests/test_rules.py",
        "tests/test_rule_sets.py",
        "tests/test_when_events_count.py",
        "tests/test_responses.py",
        "tests/test_reviews.py",
    ],
    "rules/_policies": [
        "tests/test_rules.py",
        "tests/test_policies.py",
        "tests/test_responses.py",
    ],
    "clocks/_deadline": [
        "tests/test_deadline.py",
        "tests/test_responses.py",
    ],
    "clocks/_counting": [
        "tests/test_counting.py",
        "tests/test_responses.py",
        "tests/test_reviews.py",
        "tests/properties/test_clock_properties.py",
    ],
    "clocks/_response": [
        "tests/test_responses.py",
        "tests/test_when_events_count.py",
        "tests/properties/test_clock_properties.py",
        "tests/properties/test_engine_properties.py",
        "tests/test_response_walk.py",
    ],
    "clocks/_stages": [
        "tests/test_stage_clocks.py",
        "tests/test_reviews.py",
        "tests/test_cases.py",
        "tests/properties/test_review_properties.py",
    ],
    "clocks/_timeline": [
        "tests/test_timeline_problems.py",
        "tests/test_cases.py",
        "tests/test_when_events_count.py",
    ],
    "responses": [
        "tests/test_responses.py",
        "tests/test_when_events_count.py",
        "tests/properties/test_clock_properties.py",
        "tests/test_keyword_calls.py",
    ],
    "reviews": [
        "tests/test_stage_clocks.py",
        "tests/test_reviews.py",
        "tests/properties/test_review_properties.py",
    ],
    "cases": [
        "tests/test_cases.py",
        "tests/test_case_edges.py",
        "tests/test_when_events_count.py",
        "tests/properties/test_case_properties.py",
    ],
}

#: Mutants that cannot change behaviour: mutant id -> why, in one line. An id is a
#: hash of the module, the line and column, the kind of change and the changed
#: line, so it holds while that line and the lines above it stay as they are.
EQUIVALENT: Final[dict[str, str]] = {
    "521f3d6411": (
        "calendars: n == 1 takes the general loop, which gives the same day"
    ),
    "da6dcf1b9f": ("bank_holidays: cache_hash only caches the hash"),
    "0f00cd828a": ("rules: a rule has roll text exactly when it rolls"),
    "03441ff367": ("rules/_model: a cache field of an eq=False class"),
    "d21fe5fecc": ("rules/_model: a cache field of an eq=False class"),
    "17396d2e78": ("rules/_model: a cache field of an eq=False class"),
    "c59f393b64": "rules/_policies: cache_hash only caches the hash",
    "7c9ead32a6": "rules/_policies: cache_hash only caches the hash",
    "9533942a1e": "cases: an internal field; eq on it is never compared",
    "c4b6b4ff80": "cases: the initial value is always set again before it is read",
    "684a03f603": "clocks/_counting: cache_hash only caches the hash",
    "a04d723534": "clocks/_counting: the size of a cache",
    "cbeca7d63e": (
        "clocks/_deadline: rolled_from == due gives an empty span: () either way"
    ),
    "0f7ea27feb": "clocks/_stages: the size of a cache",
    "1ef6a3565b": "clocks/_stages: the size of a cache",
    "4eb58e8fab": ("reviews: only the newest editions have bodies with a review rule"),
    "7d102984d6": ("reviews: only the newest editions have bodies with a review rule"),
    "898221abc0": ("responses: remembers fewer calls; the walk gives the same"),
    "2e3121eacf": "responses: remembers no call; the walk gives the same",
    "d5950c94d1": ("responses: remembers fewer calls; the walk gives the same"),
    "44b2138aeb": "responses: the size of a cache",
    "b0427f58fb": "responses: the size of a cache",
    "d9615b9995": "clocks/_response: the size of a cache",
    "5cc2ebc4bf": "clocks/_response: the size of a cache",
    "e47ed43457": "clocks/_response: the size of a cache",
    "7a4f452b1e": "clocks/_response: the size of a cache",
    "d65e4e1a85": (
        "clocks/_response: a stop takes effect by its period's last day, so 1 remains"
    ),
    "93eafabcbd": (
        "clocks/_response: _NO_DAY is only a cache key, never a date counted from"
    ),
    "4ce887fd40": (
        "clocks/_response: _NO_DAY is only a cache key, never a date counted from"
    ),
    "69c5416664": (
        "clocks/_response: _NO_DAY is only a cache key, never a date counted from"
    ),
    "ad48105e64": (
        "clocks/_response: _NO_DAY is only a cache key, never a date counted from"
    ),
}

DEFAULT_SAMPLE: Final = 20
DEFAULT_SEED: Final = 20261129
DEFAULT_TIMEOUT_FACTOR: Final = 3.0
#: The shortest time limit for one mutant, in seconds, however fast its tests are.
MIN_TIMEOUT: Final = 5.0

PRAGMA: Final = re.compile(r"pragma:\s*no\s+mutate\b")

# What the copies of the tree leave out: folders by name anywhere, and by path.
_SKIP_NAMES: Final = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".venv",
        "venv",
        ".ci-venv",
        ".tox",
        ".nox",
        "__pycache__",
        ".pytest_cache",
        ".mypy_cache",
        ".ruff_cache",
        ".hypothesis",
        "node_modules",
    }
)
_SKIP_PATHS: Final = frozenset({"docs/_build", "build", "dist"})

_COMPARE_TEXT: Final[dict[type[ast.cmpop], str]] = {
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Is: "is",
    ast.IsNot: "is not",
    ast.In: "in",
    ast.NotIn: "not in",
}
_COMPARE_SWAP: Final[dict[type[ast.cmpop], type[ast.cmpop]]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
}
_BINOP_TEXT: Final[dict[type[ast.operator], str]] = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.Pow: "**",
    ast.LShift: "<<",
    ast.RShift: ">>",
    ast.BitOr: "|",
    ast.BitAnd: "&",
    ast.BitXor: "^",
    ast.MatMult: "@",
}
_BINOP_SWAP: Final[dict[type[ast.operator], type[ast.operator]]] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.FloorDiv,
    ast.FloorDiv: ast.Mult,
    ast.Div: ast.Mult,
    ast.Mod: ast.FloorDiv,
    ast.Pow: ast.Mult,
    ast.LShift: ast.RShift,
    ast.RShift: ast.LShift,
    ast.BitOr: ast.BitAnd,
    ast.BitAnd: ast.BitOr,
    ast.BitXor: ast.BitOr,
}
# Names that make ``a | b`` a union of types rather than arithmetic.
_TYPE_NAMES: Final = frozenset(
    {"int", "str", "float", "bytes", "bool", "list", "dict", "tuple", "set", "type"}
)
_LOG_OBJECTS: Final = frozenset({"warnings", "logging", "logger", "log", "_log"})
_LOG_METHODS: Final = frozenset(
    {
        "warn",
        "warn_explicit",
        "debug",
        "info",
        "warning",
        "error",
        "exception",
        "critical",
        "fatal",
        "log",
    }
)
_TYPING_CALLS: Final = frozenset({"TypeVar", "NewType", "ParamSpec", "TypeVarTuple"})
_NOT_CODE: Final = frozenset(
    {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT}
)

# A node's place in a tree: the fields (and list positions, or -1) leading to it.
_Steps = tuple[tuple[str, int], ...]
# Turns a copy of the original node into the node the mutant should parse to.
_Transform = Callable[[ast.AST], ast.AST]


class MutationTestError(Exception):
    """A module cannot be mutation-tested as configured."""


# -- mutants ---------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Edit:
    """Replace the characters ``start:end`` of a source with ``text``."""

    start: int
    end: int
    text: str


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with the edits made; the edits must not overlap."""
    pieces: list[str] = []
    position = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        pieces += [text[position : edit.start], edit.text]
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)


@dataclasses.dataclass(frozen=True)
class Mutant:
    """One mutant of a module.

    ``original`` and ``mutated`` are the source lines the change touches, before
    and after it, with runs of white space folded.
    """

    id: str
    module: str
    path: str
    line: int
    col: int
    operator: str
    change: str
    original: str
    mutated: str
    edits: tuple[Edit, ...]

    def as_dict(self) -> dict[str, object]:
        """The mutant as JSON."""
        data = dataclasses.asdict(self)
        del data["edits"]
        return data


@dataclasses.dataclass(frozen=True)
class _Candidate:
    operator: str
    change: str
    edits: tuple[Edit, ...]
    statement: _Steps
    target: _Steps  # from the statement to the node the transform is given
    transform: _Transform
    # The spans of the node and of its operands, to parenthesise if need be.
    wrap: tuple[tuple[int, int], ...] = ()
    wrap_operands: tuple[tuple[int, int], ...] = ()


def _line_starts(text: str) -> list[int]:
    return [0, *(match.end() for match in re.finditer("\n", text))]


class _Source:
    """A module's text, its tokens, and conversions between positions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = _line_starts(text)
        self.pragma_lines: set[int] = set()
        self._tokens: list[tuple[int, int, int, str]] = []
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            start = self.offset_of_char(*token.start)
            end = self.offset_of_char(*token.end)
            self._tokens.append((start, end, token.type, token.string))
            if token.type == tokenize.COMMENT and PRAGMA.search(token.string):
                self.pragma_lines.add(token.start[0])
        self._token_starts = [token[0] for token in self._tokens]

    def _line(self, lineno: int) -> str:
        start = self.starts[lineno - 1]
        end = self.starts[lineno] if lineno < len(self.starts) else len(self.text)
        return self.text[start:end]

    def offset_of_char(self, lineno: int, col: int) -> int:
        """The offset of a (line, character column) position, as tokenize gives."""
        if lineno > len(self.starts):
            return len(self.text)
        return self.starts[lineno - 1] + col

    def offset(self, lineno: int, col: int) -> int:
        """The offset of a (line, UTF-8 byte column) position, as ast gives."""
        line = self._line(lineno)
        if not line.isascii():
            col = len(line.encode()[:col].decode("utf-8", "replace"))
        return self.starts[lineno - 1] + col

    def span(self, node: ast.expr | ast.stmt) -> tuple[int, int]:
        """The start and end offsets of a node."""
        end_lineno = node.end_lineno if node.end_lineno is not None else node.lineno
        end_col = node.end_col_offset if node.end_col_offset is not None else 0
        return self.offset(node.lineno, node.col_offset), self.offset(
            end_lineno, end_col
        )

    def line_of(self, offset: int) -> int:
        """The 1-based line of an offset."""
        return bisect.bisect_right(self.starts, offset)

    def code_tokens(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The tokens inside ``start:end``, without brackets and comments."""
        found = []
        index = bisect.bisect_left(self._token_starts, start)
        while index < len(self._tokens) and self._tokens[index][1] <= end:
            token_start, token_end, kind, string = self._tokens[index]
            if kind not in _NOT_CODE and string not in {"(", ")"}:
                found.append((token_start, token_end, string))
            index += 1
        return found


def _child(node: ast.AST, step: tuple[str, int]) -> ast.AST:
    value = getattr(node, step[0])
    child = value[step[1]] if step[1] >= 0 else value
    if not isinstance(child, ast.AST):
        raise TypeError(step)
    return child


def _walk(node: ast.AST, steps: _Steps) -> ast.AST:
    for step in steps:
        node = _child(node, step)
    return node


def _replace_child(parent: ast.AST, step: tuple[str, int], new: ast.AST) -> None:
    if step[1] >= 0:
        getattr(parent, step[0])[step[1]] = new
    else:
        setattr(parent, step[0], new)


def _expected_statement(tree: ast.Module, candidate: _Candidate) -> ast.AST:
    """The candidate's statement as the mutant should parse."""
    statement = copy.deepcopy(_walk(tree, candidate.statement))
    if not candidate.target:
        return candidate.transform(statement)
    parent = _walk(statement, candidate.target[:-1])
    node = _child(parent, candidate.target[-1])
    _replace_child(parent, candidate.target[-1], candidate.transform(node))
    return statement


def _set_op(field: str, new: type[ast.AST], index: int = -1) -> _Transform:
    def transform(node: ast.AST) -> ast.AST:
        _replace_child(node, (field, index), new())
        return node

    return transform


def _becomes(new: ast.AST) -> _Transform:
    def transform(_: ast.AST) -> ast.AST:
        return new

    return transform


def _operand(node: ast.AST) -> ast.AST:
    if not isinstance(node, ast.UnaryOp):
        raise TypeError(node)
    return node.operand


def _negated(node: ast.AST) -> ast.AST:
    if not isinstance(node, ast.expr):
        raise TypeError(node)
    return ast.UnaryOp(op=ast.Not(), operand=node)


def _is_stringy(node: ast.expr) -> bool:
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str | bytes)
    )


def _is_type_like(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return node.value is None
    if isinstance(node, ast.Name):
        return node.id in _TYPE_NAMES
    return isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr)


def _name_of(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _is_message_call(node: ast.Call) -> bool:
    """Whether the call writes a warning or a log record."""
    func = node.func
    if isinstance(func, ast.Name):
        return func.id in {"warn", "warn_explicit"}
    if isinstance(func, ast.Attribute) and func.attr in _LOG_METHODS:
        owner = _name_of(func.value)
        return owner in _LOG_OBJECTS or owner.lower().endswith("logger")
    return False


def _targets(node: ast.stmt) -> list[ast.expr]:
    if isinstance(node, ast.Assign):
        return node.targets
    if isinstance(node, ast.AnnAssign | ast.AugAssign):
        return [node.target]
    return []


def _left_alone(node: ast.AST) -> bool:
    """Whether nothing in the node is to be mutated."""
    if isinstance(node, ast.Assert | ast.JoinedStr):
        return True
    if isinstance(node, ast.Expr) and _is_stringy(node.value):
        return True  # a docstring, or a string on its own
    if isinstance(node, ast.stmt) and any(
        _name_of(target) == "__all__" for target in _targets(node)
    ):
        return True
    if isinstance(node, ast.Call):
        return _is_message_call(node) or _name_of(node.func) in _TYPING_CALLS
    return False


def _skipped_fields(node: ast.AST) -> set[str]:
    """The fields of the node that are not code to mutate."""
    skipped = {"annotation", "returns", "type_comment", "type_params"}
    if isinstance(node, ast.If):
        test = node.test
        if _name_of(test) == "TYPE_CHECKING":
            skipped |= {"test", "body"}
        elif isinstance(test, ast.Compare) and _name_of(test.left) == "__name__":
            skipped.add("test")
    return skipped


@dataclasses.dataclass(frozen=True)
class _Scope:
    statement: _Steps = ()
    first_line: int = 0
    boolean_function: bool = False


def _returns_bool(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    returns = node.returns
    return (isinstance(returns, ast.Name) and returns.id == "bool") or (
        isinstance(returns, ast.Constant) and returns.value == "bool"
    )


class _Collector:
    """Finds every candidate mutation of a module."""

    def __init__(self, source: _Source) -> None:
        self.source = source
        self.found: list[_Candidate] = []

    def visit(self, node: ast.AST, steps: _Steps, scope: _Scope) -> None:
        if _left_alone(node):
            return
        if isinstance(node, ast.stmt):
            scope = dataclasses.replace(scope, statement=steps, first_line=node.lineno)
        self._mutate(node, steps, scope)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            scope = dataclasses.replace(scope, boolean_function=_returns_bool(node))
        elif isinstance(node, ast.ClassDef):
            scope = dataclasses.replace(scope, boolean_function=False)
        skipped = _skipped_fields(node)
        cast_type = isinstance(node, ast.Call) and _name_of(node.func) == "cast"
        for field, value in ast.iter_fields(node):
            if field in skipped:
                continue
            if isinstance(value, list):
                for index, item in enumerate(value):
                    if isinstance(item, ast.AST) and not (
                        cast_type and field == "args" and index == 0
                    ):
                        self.visit(item, (*steps, (field, index)), scope)
            elif isinstance(value, ast.AST):
                self.visit(value, (*steps, (field, -1)), scope)

    def _add(
        self,
        scope: _Scope,
        steps: _Steps,
        *,
        operator: str,
        change: str,
        edits: Sequence[Edit],
        transform: _Transform,
        wrap: Sequence[ast.expr] = (),
    ) -> None:
        lines = {self.source.line_of(edit.start) for edit in edits}
        if (lines | {scope.first_line}) & self.source.pragma_lines:
            return
        self.found.append(
            _Candidate(
                operator=operator,
                change=change,
                edits=tuple(edits),
                statement=scope.statement,
                target=steps[len(scope.statement) :],
                transform=transform,
                wrap=tuple(self.source.span(node) for node in wrap[:1]),
                wrap_operands=tuple(self.source.span(node) for node in wrap[1:]),
            )
        )

    def _operator_edit(
        self, left: ast.expr | ast.stmt, right: ast.expr, old: str, new: str
    ) -> Edit | None:
        """Replace the operator ``old`` between two nodes with ``new``."""
        tokens = self.source.code_tokens(
            self.source.span(left)[1], self.source.span(right)[0]
        )
        if not tokens or " ".join(token[2] for token in tokens) != old:
            return None
        return Edit(tokens[0][0], tokens[-1][1], new)

    def _mutate(self, node: ast.AST, steps: _Steps, scope: _Scope) -> None:
        if isinstance(node, ast.Compare):
            self._compare(node, steps, scope)
        elif isinstance(node, ast.BinOp):
            self._binop(node, steps, scope)
        elif isinstance(node, ast.AugAssign):
            self._augassign(node, steps, scope)
        elif isinstance(node, ast.BoolOp):
            self._boolop(node, steps, scope)
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            self._not(node, steps, scope)
        elif isinstance(node, ast.Constant):
            self._constant(node, steps, scope)
        elif isinstance(node, ast.Call):
            self._min_max(node, steps, scope)
        elif isinstance(node, ast.Return) and scope.boolean_function:
            self._return(node, steps, scope)

    def _compare(self, node: ast.Compare, steps: _Steps, scope: _Scope) -> None:
        operands = [node.left, *node.comparators]
        for index, op in enumerate(node.ops):
            new = _COMPARE_SWAP[type(op)]
            old_text, new_text = _COMPARE_TEXT[type(op)], _COMPARE_TEXT[new]
            edit = self._operator_edit(
                operands[index], operands[index + 1], old_text, new_text
            )
            if edit is not None:
                self._add(
                    scope,
                    steps,
                    operator="compare",
                    change=f"{old_text} -> {new_text}",
                    edits=[edit],
                    transform=_set_op("ops", new, index),
                    wrap=[node, *operands],
                )

    def _binop(self, node: ast.BinOp, steps: _Steps, scope: _Scope) -> None:
        new = _BINOP_SWAP.get(type(node.op))
        if new is None or _is_stringy(node.left) or _is_stringy(node.right):
            return
        if isinstance(node.op, ast.BitOr | ast.BitAnd) and (
            _is_type_like(node.left) or _is_type_like(node.right)
        ):
            return
        old_text, new_text = _BINOP_TEXT[type(node.op)], _BINOP_TEXT[new]
        edit = self._operator_edit(node.left, node.right, old_text, new_text)
        if edit is not None:
            self._add(
                scope,
                steps,
                operator="arithmetic",
                change=f"{old_text} -> {new_text}",
                edits=[edit],
                transform=_set_op("op", new),
                wrap=[node, node.left, node.right],
            )

    def _augassign(self, node: ast.AugAssign, steps: _Steps, scope: _Scope) -> None:
        new = _BINOP_SWAP.get(type(node.op))
        if new is None:
            return
        old_text, new_text = _BINOP_TEXT[type(node.op)] + "=", _BINOP_TEXT[new] + "="
        edit = self._operator_edit(node.target, node.value, old_text, new_text)
        if edit is not None:
            self._add(
                scope,
                steps,
                operator="augmented",
                change=f"{old_text} -> {new_text}",
                edits=[edit],
                transform=_set_op("op", new),
            )

    def _boolop(self, node: ast.BoolOp, steps: _Steps, scope: _Scope) -> None:
        old_text, new_text, new = (
            ("and", "or", ast.Or)
            if isinstance(node.op, ast.And)
            else ("or", "and", ast.And)
        )
        edits = []
        for left, right in itertools.pairwise(node.values):
            edit = self._operator_edit(left, right, old_text, new_text)
            if edit is None:
                return
            edits.append(edit)
        self._add(
            scope,
            steps,
            operator="boolean",
            change=f"{old_text} -> {new_text}",
            edits=edits,
            transform=_set_op("op", new),
            wrap=[node, *node.values],
        )

    def _not(self, node: ast.UnaryOp, steps: _Steps, scope: _Scope) -> None:
        start = self.source.span(node)[0]
        text = self.source.text
        if text[start : start + 3] != "not":
            return
        end = start + 3
        while text[end] in " \t":
            end += 1
        self._add(
            scope,
            steps,
            operator="not",
            change="not -> (removed)",
            edits=[Edit(start, end, "")],
            transform=_operand,
        )

    def _constant(self, node: ast.Constant, steps: _Steps, scope: _Scope) -> None:
        start, end = self.source.span(node)
        value = node.value
        if isinstance(value, bool):
            new_text = ast.unparse(ast.Constant(value=not value))
            self._add(
                scope,
                steps,
                operator="constant",
                change=f"{value} -> {new_text}",
                edits=[Edit(start, end, new_text)],
                transform=_becomes(ast.Constant(value=not value)),
            )
        elif type(value) is int:
            for new_value in (value + 1, value - 1):
                new_text = ast.unparse(ast.Constant(value=new_value))
                expected = ast.parse(new_text, mode="eval").body
                self._add(
                    scope,
                    steps,
                    operator="number",
                    change=f"{self.source.text[start:end]} -> {new_text}",
                    edits=[Edit(start, end, new_text)],
                    transform=_becomes(expected),
                )

    def _min_max(self, node: ast.Call, steps: _Steps, scope: _Scope) -> None:
        func = node.func
        if isinstance(func, ast.Name) and func.id in {"min", "max"}:
            new = ast.Name(id="max" if func.id == "min" else "min", ctx=ast.Load())
            start, end = self.source.span(func)
            self._add(
                scope,
                (*steps, ("func", -1)),
                operator="minmax",
                change=f"{func.id} -> {new.id}",
                edits=[Edit(start, end, ast.unparse(new))],
                transform=_becomes(new),
            )

    def _return(self, node: ast.Return, steps: _Steps, scope: _Scope) -> None:
        value = node.value
        if value is None or (
            isinstance(value, ast.Constant) and isinstance(value.value, bool)
        ):
            return
        start, end = self.source.span(value)
        self._add(
            scope,
            (*steps, ("value", -1)),
            operator="return",
            change="return x -> return not (x)",
            edits=[Edit(start, start, "not ("), Edit(end, end, ")")],
            transform=_negated,
        )


def _folded(text: str) -> str:
    return " ".join(text.split())


def _lines(text: str, first: int, last: int) -> str:
    starts = [*_line_starts(text), len(text)]
    return _folded(text[starts[first - 1] : starts[min(last, len(starts) - 1)]])


def _parenthesised(spans: Iterable[tuple[int, int]]) -> list[Edit]:
    return [edit for s, e in spans for edit in (Edit(s, s, "("), Edit(e, e, ")"))]


def _mutated_source(
    source: _Source, tree: ast.Module, candidate: _Candidate
) -> tuple[tuple[Edit, ...], str] | None:
    """The edits and the text of the mutant, if it parses as intended.

    The mutant's statement must parse to the original statement with the one
    change; where the operator's precedence needs it, the changed node is
    parenthesised.
    """
    node = _parenthesised(candidate.wrap)
    operands = _parenthesised(candidate.wrap_operands)
    attempts = [candidate.edits]
    if node:
        attempts += [
            (*candidate.edits, *node),
            (*candidate.edits, *operands),
            (*candidate.edits, *node, *operands),
        ]
    expected = ast.dump(_expected_statement(tree, candidate))
    for edits in attempts:
        text = apply_edits(source.text, edits)
        try:
            statement = _walk(ast.parse(text), candidate.statement)
        except (SyntaxError, LookupError, TypeError, AttributeError):
            continue
        if ast.dump(statement) == expected:
            return edits, text
    return None


def _mutant(
    module: str, path: str, source: _Source, candidate: _Candidate, tree: ast.Module
) -> Mutant | None:
    made = _mutated_source(source, tree, candidate)
    if made is None:
        return None
    edits, text = made
    first = candidate.edits[0].start
    line = source.line_of(first)
    col = first - source.starts[line - 1]
    top = source.line_of(min(edit.start for edit in edits))
    bottom = source.line_of(max(max(edit.start, edit.end - 1) for edit in edits))
    mutated = _lines(text, top, bottom)
    key = f"{module}\0{line}\0{col}\0{candidate.operator}\0{mutated}"
    return Mutant(
        id=hashlib.sha256(key.encode()).hexdigest()[:10],
        module=module,
        path=path,
        line=line,
        col=col,
        operator=candidate.operator,
        change=candidate.change,
        original=_lines(source.text, top, bottom),
        mutated=mutated,
        edits=edits,
    )


def find_candidates(text: str) -> tuple[_Source, ast.Module, list[_Candidate]]:
    """Every candidate mutation of a module's source, in source order."""
    source = _Source(text)
    tree = ast.parse(text)
    collector = _Collector(source)
    collector.visit(tree, (), _Scope())
    collector.found.sort(key=lambda c: (c.edits[0].start, c.operator, c.change))
    return source, tree, collector.found


def draw_mutants(
    module: str, path: str, text: str, sample: int, seed: int
) -> tuple[int, list[Mutant]]:
    """How many candidates the module has, and ``sample`` mutants drawn from them.

    The draw depends only on the source, the module's name and the seed. With
    ``sample`` 0, every mutant.
    """
    source, tree, candidates = find_candidates(text)
    order = list(range(len(candidates)))
    random.Random(f"{seed}:{module}").shuffle(order)
    chosen: dict[str, Mutant] = {}
    for index in order:
        if sample and len(chosen) >= sample:
            break
        mutant = _mutant(module, path, source, candidates[index], tree)
        if mutant is not None and mutant.id not in chosen:
            chosen[mutant.id] = mutant
    return len(candidates), sorted(
        chosen.values(), key=lambda m: (m.line, m.col, m.operator, m.mutated)
    )


# -- modules ---------------------------------------------------------------------


@dataclasses.dataclass
class ModulePlan:
    """A module, its tests, and the mutants drawn from it."""

    name: str
    path: str
    import_name: str
    tests: list[str]
    candidates: int = 0
    mutants: list[Mutant] = dataclasses.field(default_factory=list)
    baseline: float = 0.0
    timeout: float = 0.0
    error: str = ""

    def command(self) -> list[str]:
        """The test command, run from the root of a copy of the tree."""
        return [
            sys.executable,
            "-m",
            "pytest",
            "-x",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:randomly",
            "--no-header",
            *self.tests,
            self.path,
        ]


def module_path(root: Path, name: str) -> Path:
    """The file of module ``name``: ``<package>/name.py`` or its ``__init__.py``."""
    base = root / PACKAGE / name.replace(".", "/")
    for path in (base.with_name(base.name + ".py"), base / "__init__.py"):
        if path.is_file():
            return path
    raise MutationTestError(f"no module {name!r}: neither {base}.py nor a package")


def tests_for(name: str) -> list[str]:
    """The tests of module ``name``: its own entry in ``MODULE_TESTS``, or for a
    module of a sub-package without one, the entry of the nearest package."""
    parts = name.split("/")
    while parts:
        tests = MODULE_TESTS.get("/".join(parts))
        if tests is not None:
            return tests
        parts.pop()
    return []


def plan_module(root: Path, name: str, sample: int, seed: int) -> ModulePlan:
    """The plan for one module, drawn from the source under ``root``."""
    path = module_path(root, name)
    relative = path.relative_to(root).as_posix()
    dotted = relative.removesuffix(".py").removesuffix("/__init__").replace("/", ".")
    tests = tests_for(name)
    missing = [test for test in tests if not (root / test).exists()]
    if missing:
        raise MutationTestError(f"tests of {name} not found: {', '.join(missing)}")
    candidates, mutants = draw_mutants(
        name, relative, path.read_bytes().decode("utf-8"), sample, seed
    )
    return ModulePlan(
        name=name,
        path=relative,
        import_name=dotted,
        tests=list(tests),
        candidates=candidates,
        mutants=mutants,
    )


# -- running ---------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Outcome:
    """What became of a mutant."""

    status: str  # killed, survived, invalid or equivalent
    detail: str = ""
    seconds: float = 0.0


class _StoppedError(Exception):
    """The run is being stopped."""


class Runner:
    """Runs commands in their own process groups, and can stop them all."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: set[subprocess.Popen[bytes]] = set()
        self.stopped = False

    def run(
        self, command: list[str], cwd: Path, env: dict[str, str], timeout: float | None
    ) -> tuple[int | None, float, str]:
        """The exit code (``None`` on timeout), the time taken and the output."""
        with self._lock:
            if self.stopped:
                raise _StoppedError
            process = subprocess.Popen(
                command,
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            self._running.add(process)
        started = time.monotonic()
        try:
            output, _ = process.communicate(timeout=timeout)
            code: int | None = process.returncode
        except subprocess.TimeoutExpired:
            _kill(process)
            output, _ = process.communicate()
            code = None
        except BaseException:  # interrupted: the command must not outlive the run
            _kill(process)
            raise
        finally:
            with self._lock:
                self._running.discard(process)
        return code, time.monotonic() - started, output.decode("utf-8", "replace")

    def stop(self) -> None:
        """Stop every command running now, and refuse new ones."""
        with self._lock:
            self.stopped = True
            for process in self._running:
                _kill(process)


def _kill(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)


def _ignored(root: Path) -> Callable[[str, list[str]], set[str]]:
    def ignore(directory: str, names: list[str]) -> set[str]:
        here = Path(directory)
        relative = here.relative_to(root).as_posix() if here != root else ""
        skipped = set()
        for name in names:
            path = f"{relative}/{name}" if relative else name
            if (
                name in _SKIP_NAMES
                or path in _SKIP_PATHS
                or name.endswith(".egg-info")
                or (here / name / "pyvenv.cfg").exists()
            ):
                skipped.add(name)
        return skipped

    return ignore


def copy_tree(source: Path, destination: Path) -> None:
    """Copy the tree as it is, without version control, environments and caches.

    A file that disappears while it is copied (someone is editing the tree) is
    left out.
    """
    try:
        shutil.copytree(source, destination, symlinks=True, ignore=_ignored(source))
    except shutil.Error as error:
        failures = error.args[0] if isinstance(error.args[0], list) else []
        if not failures or any(Path(item[0]).exists() for item in failures):
            raise


def _last_line(output: str) -> str:
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def _first_failure(output: str) -> str:
    match = re.search(r"^(?:FAILED|ERROR) (.+)$", output, re.MULTILINE)
    return _short(match.group(1) if match else _last_line(output), 160)


class Workspace:
    """The copies of the tree that mutants are tested in, one per job."""

    def __init__(self, runner: Runner) -> None:
        self.runner = runner
        self.base = Path(tempfile.mkdtemp(prefix="foi-mutation-"))
        self.copies: list[Path] = []
        self._free: queue.Queue[Path] = queue.Queue()
        self._originals: dict[str, bytes] = {}

    def grow(self, jobs: int) -> None:
        """Make copies of the tree up to one per job: the first from the working
        tree, the others from the first, so that they are all the same."""
        while len(self.copies) < jobs:
            tree = self.base / f"tree-{len(self.copies) + 1}"
            copy_tree(self.copies[0] if self.copies else ROOT, tree)
            self.copies.append(tree)
            self._free.put(tree)

    def remove(self) -> None:
        """Remove every copy."""
        shutil.rmtree(self.base, ignore_errors=True)

    @staticmethod
    def env(tree: Path) -> dict[str, str]:
        """The environment of the tests in a copy."""
        env = dict(os.environ)
        env.pop("PYTEST_ADDOPTS", None)
        env["HYPOTHESIS_PROFILE"] = "ci"
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env["PYTHONHASHSEED"] = "0"
        env["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(tree), os.environ.get("PYTHONPATH")])
        )
        return env

    def _target(self, tree: Path, path: str) -> Path:
        target = tree / path
        if target.is_symlink() or not target.resolve().is_relative_to(tree.resolve()):
            raise MutationTestError(f"{path} is a link out of the copy; not writing")
        return target

    def original(self, path: str) -> bytes:
        """The module's text as copied."""
        if path not in self._originals:
            self._originals[path] = (self.copies[0] / path).read_bytes()
        return self._originals[path]

    def baseline(self, plan: ModulePlan, factor: float) -> None:
        """Time the module's tests on the unchanged code, and set its time limit."""
        tree = self.copies[0]
        code, _, output = self.runner.run(
            [
                sys.executable,
                "-c",
                f"import {plan.import_name} as m; print(m.__file__)",
            ],
            tree,
            self.env(tree),
            None,
        )
        if code != 0:
            raise MutationTestError(
                f"the unchanged {plan.import_name} does not import: "
                + _last_line(output)
            )
        imported = Path(_last_line(output))
        if not imported.resolve().is_relative_to(tree.resolve()):
            raise MutationTestError(
                f"{plan.import_name} is imported from {imported}, not from the copy"
            )
        code, seconds, output = self.runner.run(
            plan.command(), tree, self.env(tree), None
        )
        if code != 0:
            raise MutationTestError(
                f"the tests fail on the unchanged code: {_first_failure(output)}"
            )
        plan.baseline = seconds
        plan.timeout = max(factor * seconds, MIN_TIMEOUT)

    def test(self, mutant: Mutant, plan: ModulePlan) -> Outcome:
        """Test one mutant in a free copy of the tree."""
        original = self.original(plan.path)
        text = apply_edits(original.decode("utf-8"), mutant.edits)
        try:
            compile(text, plan.path, "exec")
        except (SyntaxError, ValueError) as error:
            return Outcome("invalid", f"does not compile: {error}")
        tree = self._free.get()
        try:
            target = self._target(tree, plan.path)
            target.write_bytes(text.encode("utf-8"))
            try:
                return self._run(plan, tree)
            finally:
                target.write_bytes(original)
        finally:
            self._free.put(tree)

    def _run(self, plan: ModulePlan, tree: Path) -> Outcome:
        env = self.env(tree)
        code, seconds, output = self.runner.run(plan.command(), tree, env, plan.timeout)
        if code == 0:
            return Outcome("survived", "", seconds)
        if code is None:
            return Outcome("killed", f"timeout after {plan.timeout:.1f} s", seconds)
        if not re.search(r"^FAILED ", output, re.MULTILINE):
            # No test failed, something errored (with -x, pytest exits with 1
            # on a collection error too): does the module still import at all?
            check, _, check_output = self.runner.run(
                [sys.executable, "-c", f"import {plan.import_name}"],
                tree,
                env,
                plan.timeout,
            )
            if check != 0:
                detail = _last_line(check_output) if check is not None else "timeout"
                return Outcome("invalid", f"does not import: {detail}", seconds)
        return Outcome("killed", _first_failure(output), seconds)


# -- reporting -------------------------------------------------------------------

_STATUSES: Final = ("killed", "survived", "invalid", "equivalent")


def _short(text: str, width: int = 72) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def _describe(mutant: Mutant) -> str:
    return (
        f"{mutant.module}:{mutant.line}  {_short(mutant.original)} -> "
        f"{_short(mutant.mutated)}  [{mutant.id}]"
    )


def _counts(plan: ModulePlan, outcomes: dict[str, Outcome]) -> dict[str, int]:
    counts = dict.fromkeys(("sampled", *_STATUSES), 0)
    counts["sampled"] = len(plan.mutants)
    for mutant in plan.mutants:
        outcome = outcomes.get(mutant.id)
        if outcome is not None:
            counts[outcome.status] += 1
    return counts


def _score(counts: dict[str, int]) -> float | None:
    """killed / (sampled - equivalent - invalid), over the mutants tested."""
    scored = counts["killed"] + counts["survived"]
    return 100 * counts["killed"] / scored if scored else None


def print_summary(plans: list[ModulePlan], outcomes: dict[str, Outcome]) -> None:
    """The table of results per module, and any module's error."""
    width = max([len("module"), len("total"), *(len(plan.name) for plan in plans)])
    columns = ("sampled", *_STATUSES)
    print(
        f"{'module':<{width}}"
        + "".join(f"  {column:>{len(column)}}" for column in columns)
        + "   score"
    )
    total = dict.fromkeys(columns, 0)
    for plan in plans:
        counts = _counts(plan, outcomes)
        for column in columns:
            total[column] += counts[column]
        _print_row(plan.name, counts, width)
    if len(plans) > 1:
        _print_row("total", total, width)
    for plan in plans:
        if plan.error:
            print(f"{plan.name}: not tested: {plan.error}")
        elif plan.baseline:
            print(
                f"{plan.name}: {plan.candidates} mutants in {plan.path}; tests take "
                f"{plan.baseline:.1f} s unchanged, limit {plan.timeout:.1f} s"
            )
    untested = sum(
        1 for plan in plans for mutant in plan.mutants if mutant.id not in outcomes
    )
    if untested:
        print(f"{untested} sampled mutants were not tested")


def _print_row(name: str, counts: dict[str, int], width: int) -> None:
    score = _score(counts)
    print(
        f"{name:<{width}}"
        + "".join(f"  {counts[column]:>{len(column)}}" for column in counts)
        + f"  {'-' if score is None else f'{score:.1f}%':>6}"
    )


def print_survivors(plans: list[ModulePlan], outcomes: dict[str, Outcome]) -> None:
    """Each surviving mutant, one a line."""
    survivors = [
        mutant
        for plan in plans
        for mutant in plan.mutants
        if (outcome := outcomes.get(mutant.id)) and outcome.status == "survived"
    ]
    print(f"\nSurvivors ({len(survivors)}):" if survivors else "\nNo survivors.")
    for mutant in survivors:
        print(f"  {_describe(mutant)}")


def print_list(plans: list[ModulePlan], seed: int) -> None:
    """The mutants each module would be tested with."""
    for plan in plans:
        if plan.error:
            print(f"{plan.name}: {plan.error}\n")
            continue
        print(
            f"{plan.name} ({plan.path}): {len(plan.mutants)} of {plan.candidates} "
            f"mutants, seed {seed}"
        )
        print(f"  tests: {' '.join(plan.tests)}, and the doctests of {plan.path}")
        for mutant in plan.mutants:
            print(f"  {_describe(mutant)}  {mutant.operator}: {mutant.change}")
            if mutant.id in EQUIVALENT:
                print(f"      equivalent: {EQUIVALENT[mutant.id]}")
        print()


def write_json(
    path: Path,
    plans: list[ModulePlan],
    outcomes: dict[str, Outcome],
    settings: dict[str, object],
) -> None:
    """Every module and mutant, with the results so far."""
    modules = []
    mutants = []
    for plan in plans:
        counts = _counts(plan, outcomes)
        modules.append(
            {
                "module": plan.name,
                "path": plan.path,
                "tests": plan.tests,
                "mutants": plan.candidates,
                "baseline_seconds": round(plan.baseline, 3),
                "timeout_seconds": round(plan.timeout, 3),
                "error": plan.error or None,
                **counts,
                "score": _score(counts),
            }
        )
        for mutant in plan.mutants:
            outcome = outcomes.get(mutant.id)
            mutants.append(
                {
                    **mutant.as_dict(),
                    "status": outcome.status if outcome else None,
                    "detail": outcome.detail if outcome else None,
                    "seconds": round(outcome.seconds, 3) if outcome else None,
                }
            )
    document = {**settings, "modules": modules, "mutants": mutants}
    path.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")


# -- the command -----------------------------------------------------------------


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _plans(
    root: Path,
    names: list[str],
    sample: int,
    seed: int,
    only: frozenset[str] = frozenset(),
) -> list[ModulePlan]:
    plans = []
    for name in names:
        try:
            plan = plan_module(root, name, sample, seed)
        except (MutationTestError, SyntaxError, UnicodeDecodeError) as error:
            plans.append(ModulePlan(name, "", "", tests_for(name), error=str(error)))
            continue
        if only:
            plan.mutants = [mutant for mutant in plan.mutants if mutant.id in only]
        plans.append(plan)
    return plans


def _test_all(
    workspace: Workspace,
    plans: list[ModulePlan],
    outcomes: dict[str, Outcome],
    jobs: int,
) -> None:
    todo = [
        (mutant, plan)
        for plan in plans
        if not plan.error
        for mutant in plan.mutants
        if mutant.id not in outcomes
    ]
    total = len(todo) + len(outcomes)
    done = len(outcomes)
    workspace.grow(min(jobs, max(1, len(todo))))
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=len(workspace.copies))
    try:
        futures = {
            pool.submit(workspace.test, mutant, plan): mutant for mutant, plan in todo
        }
        for future in concurrent.futures.as_completed(futures):
            mutant = futures[future]
            outcome = outcomes[mutant.id] = future.result()
            done += 1
            print(
                f"[{done}/{total}] {mutant.module}:{mutant.line} {mutant.change}: "
                f"{outcome.status} ({outcome.seconds:.1f} s) [{mutant.id}]",
                file=sys.stderr,
            )
    finally:
        workspace.runner.stop()
        pool.shutdown(wait=True, cancel_futures=True)


def run(
    names: list[str], args: argparse.Namespace
) -> tuple[list[ModulePlan], dict[str, Outcome], int]:
    """Test the sampled mutants of the modules: the plans, outcomes, exit code."""
    runner = Runner()
    previous = signal.signal(signal.SIGTERM, _terminate)
    workspace = Workspace(runner)
    plans: list[ModulePlan] = []
    outcomes: dict[str, Outcome] = {}
    code = 0
    try:
        print(f"copying the tree into {workspace.base}", file=sys.stderr)
        workspace.grow(1)
        plans = _plans(
            workspace.copies[0], names, args.sample, args.seed, frozenset(args.only)
        )
        for plan in plans:
            if plan.error:
                continue
            print(
                f"{plan.name}: {len(plan.mutants)} of {plan.candidates} mutants; "
                "timing the tests on the unchanged code",
                file=sys.stderr,
            )
            try:
                workspace.baseline(plan, args.timeout_factor)
            except MutationTestError as error:
                plan.error = str(error)
                print(f"{plan.name}: {error}", file=sys.stderr)
                continue
            print(
                f"{plan.name}: {plan.baseline:.1f} s; limit {plan.timeout:.1f} s",
                file=sys.stderr,
            )
            for mutant in plan.mutants:
                if mutant.id in EQUIVALENT:
                    outcomes[mutant.id] = Outcome("equivalent", EQUIVALENT[mutant.id])
                    print(
                        f"{mutant.module}:{mutant.line} {mutant.change}: equivalent, "
                        f"not run [{mutant.id}]",
                        file=sys.stderr,
                    )
        _test_all(workspace, plans, outcomes, args.jobs)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        code = 130
    except MutationTestError as error:
        print(f"stopped: {error}", file=sys.stderr)
        code = 1
    finally:
        runner.stop()
        workspace.remove()
        signal.signal(signal.SIGTERM, previous)
    if not code and any(plan.error for plan in plans):
        code = 1
    return plans, outcomes, code


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="Sampled mutation testing of the core modules, each against "
        "its own tests (see MODULE_TESTS in this script)."
    )
    parser.add_argument(
        "modules",
        nargs="*",
        metavar="MODULE",
        help=f"modules to test (default: all of {', '.join(MODULE_TESTS)})",
    )
    parser.add_argument(
        "--sample",
        type=int,
        default=DEFAULT_SAMPLE,
        metavar="N",
        help=f"mutants per module (default {DEFAULT_SAMPLE}; 0 for all)",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        metavar="S",
        help=f"seed of the sample (default {DEFAULT_SEED})",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="J",
        help="mutants tested at once (default 1)",
    )
    parser.add_argument(
        "--timeout-factor",
        type=float,
        default=DEFAULT_TIMEOUT_FACTOR,
        metavar="F",
        help="a mutant's time limit, as a multiple of the time the tests take on "
        f"the unchanged code (default {DEFAULT_TIMEOUT_FACTOR:g}; "
        f"at least {MIN_TIMEOUT:g} s)",
    )
    parser.add_argument(
        "--only",
        nargs="+",
        default=[],
        metavar="ID",
        help="of the sample, test only the mutants with these ids (to recheck "
        "survivors)",
    )
    parser.add_argument(
        "--list",
        action="store_true",
        help="list the mutants that would be tested, without testing them",
    )
    parser.add_argument(
        "--json", type=Path, metavar="FILE", help="write every result to FILE"
    )
    parser.add_argument(
        "--show-survivors",
        action="store_true",
        help="list each surviving mutant",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    names = [name.replace(".", "/") for name in args.modules] or list(MODULE_TESTS)
    unknown = [name for name in names if not tests_for(name)]
    if unknown:
        parser.error(
            f"no tests listed in MODULE_TESTS for {', '.join(unknown)} "
            f"(known: {', '.join(MODULE_TESTS)})"
        )
    if args.sample < 0 or args.jobs < 1 or args.timeout_factor <= 0:
        parser.error("--sample must be >= 0, --jobs >= 1, --timeout-factor > 0")
    settings: dict[str, object] = {
        "seed": args.seed,
        "sample": args.sample,
        "timeout_factor": args.timeout_factor,
        "jobs": args.jobs,
    }
    if args.list:
        plans = _plans(ROOT, names, args.sample, args.seed, frozenset(args.only))
        print_list(plans, args.seed)
        if args.json:
            write_json(args.json, plans, {}, {**settings, "listed_only": True})
        return 1 if any(plan.error for plan in plans) else 0
    plans, outcomes, code = run(names, args)
    print()
    print_summary(plans, outcomes)
    if args.show_survivors:
        print_survivors(plans, outcomes)
    if args.json:
        write_json(args.json, plans, outcomes, {**settings, "interrupted": code == 130})
    return code


if __name__ == "__main__":
    sys.exit(main())
