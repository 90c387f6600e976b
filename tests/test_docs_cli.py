"""The command lines shown in docs/cli.md give the output shown there."""

from __future__ import annotations

import contextlib
import doctest
import io
import re
import shlex
from pathlib import Path

import pytest

from foi_deadlines import cli

PAGE = Path(__file__).parents[1] / "docs" / "cli.md"
#: Commands that need files of their own, or that store holiday data, shown but not
#: run here; tests/test_cli_holidays.py runs the holiday ones on files of its own.
NOT_RUN = (
    "batch",
    "holidays update",
    "holidays diff",
    "holidays add",
    "holidays remove",
)
#: Options that name a file of the reader's, which makes a command not run here.
NOT_RUN_OPTIONS = ("--holidays",)


def _run_here(command: str) -> bool:
    words = command.split()
    shown_only = any(
        words[: len(prefix.split())] == prefix.split() for prefix in NOT_RUN
    )
    return not shown_only and not set(words) & set(NOT_RUN_OPTIONS)


def examples() -> list[tuple[str, str]]:
    """Each ``$ foi-deadlines ...`` line of the page's text blocks, with its output."""
    found = []
    for block in re.findall(r"```text\n(.*?)```", PAGE.read_text("utf-8"), re.S):
        for chunk in re.split(r"^(?=\$ )", block, flags=re.M):
            if not chunk.startswith("$ foi-deadlines "):
                continue
            command, _, output = chunk.partition("\n")
            command = command.removeprefix("$ foi-deadlines ")
            if _run_here(command):
                found.append((command, output))
    return found


@pytest.mark.parametrize(("command", "expected"), examples())
def test_the_page_shows_what_the_command_prints(command: str, expected: str) -> None:
    args = shlex.split(command)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli.main(args)
    assert code == 0
    checker = doctest.OutputChecker()
    assert checker.check_output(expected, out.getvalue(), doctest.ELLIPSIS), (
        f"$ foi-deadlines {command}\nexpected:\n{expected}\ngot:\n{out.getvalue()}"
    )


def test_the_page_has_examples() -> None:
    assert len(examples()) >= 7


def _options_in(text: str) -> set[str]:
    return set(re.findall(r"(?<![\w-])--[a-z][a-z-]*[a-z]", text))


def test_the_page_names_only_the_options_help_lists() -> None:
    """Each option the page names is one --help lists, the older spellings aside."""
    _, commands = cli._parsers()
    listed = set().union(*(_options_in(p.format_help()) for p in commands.values()))
    page = PAGE.read_text("utf-8")
    older = re.search(r"^Older spellings.*?\n\n", page, re.S | re.M)
    assert older is not None
    assert _options_in(page.replace(older.group(), "")) <= listed
    hidden = {option for option in _options_in(older.group()) if option.endswith("-on")}
    assert len(hidden) == 7
    assert not hidden & listed


def test_the_page_and_the_module_give_the_same_exit_statuses() -> None:
    """The exit-status table of the page and the module docstring agree."""
    page = set(re.findall(r"^\| (\d+) \|", PAGE.read_text("utf-8"), re.M))
    module = set(re.findall(r"^\* (\d+):", cli.__doc__ or "", re.M))
    assert page == module == {"0", "1", "2", "130"}
