"""The ``.xlsx`` path of the tracker fill, on workbooks of every shape it meets.

Workbooks are made with openpyxl, then edited as zips where openpyxl cannot make
the shape: shared strings, cached formula results, cells and rows without
references, a namespace prefix, parts under other names, broken or hostile
parts. The reader (:func:`foi_deadlines._xlsx.read_first_sheet`) is checked cell
by cell, and against openpyxl reading the same file; the filled copy is checked
part by part (the XML the fill edits, byte for byte what it must not), in
openpyxl, and in LibreOffice where it is installed.
"""

from __future__ import annotations

import csv
import itertools
import re
import shutil
import struct
import subprocess
import warnings
import zipfile
import zlib
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final
from xml.etree import ElementTree as ET

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.formatting.rule import CellIsRule, FormulaRule, Rule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from foi_deadlines import _xlsx
from foi_deadlines.batch import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_ROWS,
    OUTPUT_COLUMNS,
    FillSummary,
    fill_tracker,
)
from foi_deadlines.errors import TrackerFileError
from foi_deadlines.responses import response_due

AS_OF: Final = date(2025, 1, 6)
MAIN: Final = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
M: Final = f"{{{MAIN}}}"
REL: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
SHEET: Final = "xl/worksheets/sheet1.xml"
STYLES: Final = "xl/styles.xml"
BOOK: Final = "xl/workbook.xml"
BOOK_RELS: Final = "xl/_rels/workbook.xml.rels"
TYPES: Final = "[Content_Types].xml"
EDITED: Final = frozenset({SHEET, STYLES, BOOK})
HEADINGS: Final = ("Ref", "Date received", "Notes")
# Received dates and their status on AS_OF: overdue, due soon, in time.
OVERDUE: Final = date(2024, 11, 1)
DUE_SOON: Final = date(2024, 12, 5)
IN_TIME: Final = date(2024, 12, 19)
ROWS: Final[tuple[tuple[str, date, str], ...]] = (
    ("R1", OVERDUE, "first"),
    ("R2", DUE_SOON, "second"),
    ("R3", IN_TIME, "third"),
)
# The first new column: after Ref, Date received and Notes.
FIRST_NEW: Final = len(HEADINGS) + 1
LAST_NEW: Final = len(HEADINGS) + len(OUTPUT_COLUMNS)
DOCTYPE: Final = '<!DOCTYPE x [<!ENTITY boom "boom">]>'
# ECMA-376's order of a worksheet's, a style sheet's and a workbook's children.
SHEET_ORDER: Final = [
    "sheetPr",
    "dimension",
    "sheetViews",
    "sheetFormatPr",
    "cols",
    "sheetData",
    "sheetCalcPr",
    "sheetProtection",
    "protectedRanges",
    "scenarios",
    "autoFilter",
    "sortState",
    "dataConsolidate",
    "customSheetViews",
    "mergeCells",
    "phoneticPr",
    "conditionalFormatting",
    "dataValidations",
    "hyperlinks",
    "printOptions",
    "pageMargins",
    "pageSetup",
    "headerFooter",
    "rowBreaks",
    "colBreaks",
    "customProperties",
    "cellWatches",
    "ignoredErrors",
    "smartTags",
    "drawing",
    "legacyDrawing",
    "legacyDrawingHF",
    "picture",
    "oleObjects",
    "controls",
    "webPublishItems",
    "tableParts",
    "extLst",
]
STYLE_ORDER: Final = [
    "numFmts",
    "fonts",
    "fills",
    "borders",
    "cellStyleXfs",
    "cellXfs",
    "cellStyles",
    "dxfs",
    "tableStyles",
    "colors",
    "extLst",
]
BOOK_ORDER: Final = [
    "fileVersion",
    "fileSharing",
    "workbookPr",
    "workbookProtection",
    "bookViews",
    "sheets",
    "functionGroups",
    "externalReferences",
    "definedNames",
    "calcPr",
    "oleSize",
    "customWorkbookViews",
    "pivotCaches",
    "smartTagPr",
    "smartTagTypes",
    "webPublishing",
    "fileRecoveryPr",
    "webPublishObjects",
    "extLst",
]


# -- making and editing workbooks ------------------------------------------------------


def tracker(
    path: Path,
    rows: Sequence[Sequence[object]] = ROWS,
    *,
    headings: Sequence[str] = HEADINGS,
    epoch: datetime | None = None,
    style: Callable[[Worksheet], None] | None = None,
) -> Path:
    """A tracker on sheet "Cases": bold headings, dates shown as dd/mm/yyyy."""
    book = openpyxl.Workbook()
    if epoch is not None:
        book.epoch = epoch
    sheet = book.active
    assert sheet is not None
    sheet.title = "Cases"
    sheet.append(list(headings))
    sheet["B1"].font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, date):
                cell.number_format = "dd/mm/yyyy"
    if style is not None:
        style(sheet)
    book.create_sheet("Lookups")["A1"] = "kept"
    book.save(path)
    return path


def rich(plain: str, bold: str) -> CellRichText:
    """Text in two runs, the second bold."""
    runs: list[str | TextBlock] = [plain, TextBlock(InlineFont(b=True), bold)]
    return CellRichText(runs)


def formula_rule(formula: str, colour: str) -> Rule:
    """A conditional format that fills the cells where ``formula`` is true."""
    fill = PatternFill(bgColor=colour)
    rule: Rule = FormulaRule(formula=[formula], fill=fill)  # type: ignore[no-untyped-call]
    return rule


def equal_rule(value: str, colour: str) -> Rule:
    """A conditional format that fills the cells equal to ``value``."""
    fill = PatternFill(bgColor=colour)
    rule: Rule = CellIsRule(  # type: ignore[no-untyped-call]
        operator="equal", formula=[value], fill=fill
    )
    return rule


def members(path: Path) -> dict[str, bytes]:
    """Each member of the zip at ``path``, in order."""
    with zipfile.ZipFile(path) as zipped:
        return {info.filename: zipped.read(info) for info in zipped.infolist()}


def rewrite(path: Path, changes: Mapping[str, bytes | str | None]) -> Path:
    """The zip at ``path`` with members replaced, added, or (``None``) removed."""
    parts = members(path)
    for name, data in changes.items():
        if data is None:
            del parts[name]
        else:
            parts[name] = data.encode() if isinstance(data, str) else data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zipped:
        for name, data in parts.items():
            zipped.writestr(name, data)
    return path


def text_of(path: Path, name: str) -> str:
    return members(path)[name].decode("utf-8")


def edit(path: Path, name: str, change: Callable[[str], str]) -> Path:
    """The zip at ``path`` with the XML part ``name`` changed (it must change)."""
    old = text_of(path, name)
    new = change(old)
    assert new != old, f"the edit left {name} as it was"
    return rewrite(path, {name: new})


def sub(pattern: str, replacement: str, *, count: int = 0) -> Callable[[str], str]:
    return lambda text: re.sub(pattern, replacement, text, count=count, flags=re.DOTALL)


def before_rows_end(insertion: str) -> Callable[[str], str]:
    """Insert ``insertion`` just after the sheet's rows."""
    return lambda text: text.replace("</sheetData>", "</sheetData>" + insertion, 1)


def with_doctype(text: str) -> str:
    """``text`` with a document type declaring an entity, used in the root."""
    declaration = re.match(r"<\?xml[^>]*\?>", text)
    at = declaration.end() if declaration else 0
    return text[:at] + DOCTYPE + text[at:]


def add_override(types: str, part: str, content_type: str) -> str:
    override = f'<Override PartName="/{part}" ContentType="{content_type}"/>'
    return types.replace("</Types>", override + "</Types>")


def add_relationship(rels: str, id_: str, kind: str, target: str) -> str:
    element = f'<Relationship Id="{id_}" Type="{REL}/{kind}" Target="{target}"/>'
    return rels.replace("</Relationships>", element + "</Relationships>")


_INLINE: Final = re.compile(
    r'<c ([^>]*?)t="inlineStr"([^>]*)>\s*<is>(.*?)</is>\s*</c>', re.DOTALL
)


def to_shared_strings(path: Path) -> Path:
    """The workbook with its first sheet's inline strings moved to shared strings.

    openpyxl writes inline strings; Excel and LibreOffice write a shared table.
    """
    sheet = text_of(path, SHEET)
    items: list[str] = []

    def move(match: re.Match[str]) -> str:
        items.append(match[3])
        return f'<c {match[1]}t="s"{match[2]}><v>{len(items) - 1}</v></c>'

    sheet = _INLINE.sub(move, sheet)
    table = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{MAIN}" '
        f'count="{len(items)}" uniqueCount="{len(items)}">'
        + "".join(f"<si>{item}</si>" for item in items)
        + "</sst>"
    )
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    return rewrite(
        path,
        {
            SHEET: sheet,
            "xl/sharedStrings.xml": table,
            TYPES: add_override(
                text_of(path, TYPES),
                "xl/sharedStrings.xml",
                f"{kind}.sharedStrings+xml",
            ),
            BOOK_RELS: add_relationship(
                text_of(path, BOOK_RELS),
                "rIdStrings",
                "sharedStrings",
                "sharedStrings.xml",
            ),
        },
    )


def prefixed(text: str) -> str:
    """A part's XML with the main namespace under the prefix ``x:``."""
    text = text.replace(f'xmlns="{MAIN}"', f'xmlns:x="{MAIN}"', 1)
    return re.sub(r"<(/?)(?![?!])([A-Za-z]\w*)(?=[\s/>])", r"<\1x:\2", text)


def read(path: Path, **limits: int) -> _xlsx.Sheet:
    return _xlsx.read_first_sheet(
        path,
        max_bytes=limits.get("max_bytes", DEFAULT_MAX_BYTES),
        max_rows=limits.get("max_rows", DEFAULT_MAX_ROWS),
    )


def cell(sheet: _xlsx.Sheet, ref: str) -> object:
    """The value the reader gave the cell ``ref`` (such as ``B2``), or ``None``."""
    match = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    assert match is not None
    row, column = int(match[2]) - 1, openpyxl.utils.column_index_from_string(match[1])
    values = sheet.rows[row] if row < len(sheet.rows) else []
    return values[column - 1] if column <= len(values) else None


def fill(source: Path, **options: Any) -> tuple[FillSummary, Path]:
    """Fill ``source`` into ``out.xlsx`` beside it, for AS_OF."""
    out = source.with_name("out.xlsx")
    return fill_tracker(source, out, as_of=AS_OF, **options), out


def load(path: Path) -> openpyxl.Workbook:
    with warnings.catch_warnings():
        # openpyxl warns of what it does not keep (extensions, images without
        # Pillow): not what these tests look at.
        warnings.simplefilter("ignore")
        return openpyxl.load_workbook(path)


def outputs(sheet: Worksheet, row: int) -> dict[str, object]:
    """The new columns of ``row``, by heading, as openpyxl reads them."""
    headings = [c.value for c in sheet[1]]
    start = headings.index(OUTPUT_COLUMNS[0])
    return {
        str(headings[start + n]): sheet.cell(row=row, column=start + n + 1).value
        for n in range(len(OUTPUT_COLUMNS))
    }


def day(value: object) -> object:
    """A date cell's day (openpyxl reads date cells as datetimes)."""
    return value.date() if isinstance(value, datetime) else value


def root(path: Path, name: str) -> ET.Element:
    return ET.fromstring(members(path)[name])


def local(tag: str) -> str:
    return tag.rpartition("}")[2]


def assert_in_order(element: ET.Element, order: Sequence[str]) -> None:
    """The element's children come in the order the schema gives."""
    places = [order.index(local(child.tag)) for child in element]
    assert places == sorted(places), [local(child.tag) for child in element]


def assert_well_formed(path: Path) -> None:
    """The three edited parts parse, with their children in the schema's order."""
    assert_in_order(root(path, SHEET), SHEET_ORDER)
    assert_in_order(root(path, STYLES), STYLE_ORDER)
    assert_in_order(root(path, BOOK), BOOK_ORDER)


def new_cells(path: Path, row: int) -> dict[str, ET.Element]:
    """The cells of ``row`` in the new columns, by reference."""
    letters = {_xlsx.column_letters(n) for n in range(FIRST_NEW, LAST_NEW + 1)}
    found = {}
    for element in root(path, SHEET).iter(f"{M}c"):
        ref = element.get("r", "")
        match = re.fullmatch(r"([A-Z]+)(\d+)", ref)
        if match and int(match[2]) == row and match[1] in letters:
            found[ref] = element
    return found


def formatting(path: Path) -> list[tuple[str, list[ET.Element]]]:
    """Each conditional formatting block of the first sheet: (sqref, rules)."""
    return [
        (block.get("sqref", ""), list(block.iter(f"{M}cfRule")))
        for block in root(path, SHEET).findall(f"{M}conditionalFormatting")
    ]


def nothing_written(folder: Path) -> bool:
    return not any(folder.iterdir())


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return tracker(tmp_path / "tracker.xlsx")


# -- reading ---------------------------------------------------------------------------


class TestReading:
    def test_shared_strings(self, tmp_path: Path) -> None:
        """Text in the shared table, plain and in runs, reads as its whole text."""
        rows = [("R1", "19/12/2024", "plain"), ("R2", rich("05/12", "/2024"), "x")]
        path = to_shared_strings(tracker(tmp_path / "t.xlsx", rows))
        # A phonetic reading is kept with a string but is not part of its text.
        edit(
            path,
            "xl/sharedStrings.xml",
            sub(r"<t>plain</t>", '<t>plain</t><rPh sb="0" eb="5"><t>PLAIN</t></rPh>'),
        )
        assert 't="s"' in text_of(path, SHEET)
        sheet = read(path)
        assert sheet.rows == [
            list(HEADINGS),
            ["R1", "19/12/2024", "plain"],
            ["R2", "05/12/2024", "x"],
        ]
        summary, out = fill(path)
        assert summary.filled == 2
        cases = load(out)["Cases"]
        assert day(outputs(cases, 3)["Response due"]) == response_due(DUE_SOON).due

    def test_inline_strings(self, tmp_path: Path) -> None:
        """Inline strings, in runs too, read without their phonetic readings."""
        rows = [("R1", rich("19/12", "/2024"))]
        path = tracker(tmp_path / "t.xlsx", rows)
        edit(
            path,
            SHEET,
            sub(r"<t>Ref</t>", '<t>Ref</t><rPh sb="0" eb="3"><t>REFERENCE</t></rPh>'),
        )
        sheet = read(path)
        assert cell(sheet, "A1") == "Ref"
        assert cell(sheet, "B2") == "19/12/2024"

    def test_booleans_and_errors(self, tmp_path: Path) -> None:
        """Booleans read as booleans, and an error cell as its error's text."""
        rows = [("R1", "#N/A", True), ("R2", IN_TIME, False)]
        path = tracker(tmp_path / "t.xlsx", rows)
        xml = text_of(path, SHEET)
        assert 't="e"' in xml
        assert 't="b"' in xml
        sheet = read(path)
        assert (cell(sheet, "B2"), cell(sheet, "C2"), cell(sheet, "C3")) == (
            "#N/A",
            True,
            False,
        )

    def test_error_cell_is_a_row_error(self, tmp_path: Path) -> None:
        """#N/A as a received date fails its row, naming the value; others fill."""
        path = tracker(tmp_path / "t.xlsx", [("R1", "#N/A", "x"), ROWS[2]])
        summary, out = fill(path)
        assert (summary.filled, summary.failed) == (1, 1)
        cases = load(out)["Cases"]
        error = str(outputs(cases, 2)["Error"])
        assert "#N/A" in error
        assert "Date received" in error
        assert outputs(cases, 2)["Response due"] is None
        assert day(outputs(cases, 3)["Response due"]) == response_due(IN_TIME).due

    @pytest.mark.parametrize(
        ("number_format", "is_date"),
        [
            ("mm-dd-yy", True),  # Excel's built-in format 14, the short date
            ("dd/mm/yyyy", True),
            ("d mmm yyyy", True),
            ("[$-809]dd/mm/yyyy;@", True),
            ('dddd", "d mmmm yyyy', True),
            ("yyyy-mm-dd", True),
            ("mmmm", True),  # the month alone
            ("0.00", False),
            ("#,##0", False),
            ("General", False),
            ('0 "days"', False),
            ("[Red]0.00;[Blue]-0.00", False),
            ("h:mm", False),  # times and durations, not days
            ("[h]:mm:ss", False),
        ],
    )
    def test_number_formats(
        self, tmp_path: Path, number_format: str, is_date: bool
    ) -> None:
        """A number reads as a date where its format shows a date, else a number."""

        def formatted(sheet: Worksheet) -> None:
            sheet["B2"].number_format = number_format

        path = tracker(tmp_path / "t.xlsx", [("R1", 45645, "x")], style=formatted)
        if number_format == "mm-dd-yy":
            assert 'numFmtId="14"' in text_of(path, STYLES)
        value = cell(read(path), "B2")
        assert value == (date(2024, 12, 19) if is_date else 45645.0)
        assert type(value) is (date if is_date else float)

    @pytest.mark.parametrize(
        ("epoch", "serial"),
        [
            (None, -1),
            (None, 60),  # 29 February 1900, which Excel counts and no calendar has
            (None, 2958466),  # after 31 December 9999
            (CALENDAR_MAC_1904, 2957004),
        ],
    )
    def test_numbers_no_day_has(
        self, tmp_path: Path, epoch: datetime | None, serial: int
    ) -> None:
        """A date-formatted number with no day reads as the number: a row error."""

        def formatted(sheet: Worksheet) -> None:
            sheet["B2"].number_format = "dd/mm/yyyy"

        rows = [("R1", serial, "x")]
        path = tracker(tmp_path / "t.xlsx", rows, epoch=epoch, style=formatted)
        assert cell(read(path), "B2") == float(serial)
        summary, out = fill(path)
        assert summary.failed == 1
        assert "Date received" in str(outputs(load(out)["Cases"], 2)["Error"])

    def test_1904_workbook(self, tmp_path: Path) -> None:
        """A 1904-system workbook's date cells read as their days, and fill so."""
        rows = [("R1", IN_TIME, "x"), ("R2", 44201, "serial")]  # 2025-01-06 in 1904

        def formatted(sheet: Worksheet) -> None:
            sheet["B3"].number_format = "dd/mm/yyyy"

        path = tracker(
            tmp_path / "t.xlsx", rows, epoch=CALENDAR_MAC_1904, style=formatted
        )
        sheet = read(path)
        assert sheet.date1904
        assert (cell(sheet, "B2"), cell(sheet, "B3")) == (IN_TIME, date(2025, 1, 6))
        summary, out = fill(path)
        assert summary.filled == 2
        cases = load(out)["Cases"]
        assert day(outputs(cases, 2)["Response due"]) == response_due(IN_TIME).due
        assert (
            day(outputs(cases, 3)["Response due"]) == response_due(date(2025, 1, 6)).due
        )
        again = read(out)
        assert cell(again, f"{_xlsx.column_letters(FIRST_NEW)}2") == (
            response_due(IN_TIME).due
        )

    def test_dates_written_out(self, tmp_path: Path) -> None:
        """Cells holding ISO 8601 dates (``t="d"``) read as their days."""
        path = tracker(tmp_path / "t.xlsx")
        edit(
            path,
            SHEET,
            lambda xml: re.sub(
                r'<c r="B2"([^>]*?) t="n"><v>\d+</v>',
                r'<c r="B2"\1 t="d"><v>2024-11-01T00:00:00</v>',
                re.sub(
                    r'<c r="B3"([^>]*?) t="n"><v>\d+</v>',
                    r'<c r="B3"\1 t="d"><v>2024-12-05T16:45:00</v>',
                    xml,
                ),
            ),
        )
        assert 't="d"><v>2024-12-05T16:45:00</v>' in text_of(path, SHEET)
        sheet = read(path)
        assert (cell(sheet, "B2"), cell(sheet, "B3")) == (OVERDUE, DUE_SOON)
        summary, out = fill(path)
        assert summary.filled == 3
        assert day(outputs(load(out)["Cases"], 3)["Response due"]) == (
            response_due(DUE_SOON).due
        )

    def test_formulas_with_saved_results(self, tmp_path: Path) -> None:
        """A formula cell reads as the result saved with it, date or text."""
        path = tracker(tmp_path / "t.xlsx", [("R1", IN_TIME, "x"), ("R2", "x", "y")])
        edit(
            path,
            SHEET,
            lambda xml: re.sub(
                r'(<c r="B2" s="\d+"[^>]*?)( t="n")?>(<v>\d+</v>)',
                r"\1><f>DATE(2024,12,19)</f>\3",
                xml,
            ).replace(
                '<c r="B3" t="inlineStr"><is><t>x</t></is></c>',
                '<c r="B3" t="str"><f>TEXT(DATE(2024,12,5),"dd/mm/yyyy")</f>'
                "<v>05/12/2024</v></c>",
            ),
        )
        assert "<f>DATE(2024,12,19)</f><v>45645</v>" in text_of(path, SHEET)
        sheet = read(path)
        assert (cell(sheet, "B2"), cell(sheet, "B3")) == (IN_TIME, "05/12/2024")
        summary, _ = fill(path)
        assert summary.filled == 2

    @pytest.mark.parametrize("saved", ["<v />", "<v></v>", ""])
    def test_formula_without_result(self, tmp_path: Path, saved: str) -> None:
        """A formula never calculated fails its row, saying how to put it right."""
        path = tracker(tmp_path / "t.xlsx", [("R1", "=DATE(2024,12,19)", "x"), ROWS[2]])
        if saved != "<v />":  # as openpyxl writes it
            edit(path, SHEET, sub(r"(<f>DATE\(2024,12,19\)</f>)<v />", rf"\1{saved}"))
        assert f"<f>DATE(2024,12,19)</f>{saved}</c>" in text_of(path, SHEET)
        assert isinstance(cell(read(path), "B2"), _xlsx.FormulaWithoutValue)
        summary, out = fill(path)
        assert (summary.filled, summary.failed) == (1, 1)
        error = str(outputs(load(out)["Cases"], 2)["Error"])
        assert "formula" in error
        assert "=DATE(2024,12,19)" in error
        assert "save it" in error

    def test_cells_and_rows_without_references(self, tmp_path: Path) -> None:
        """Cells without ``r`` follow the one before; rows without ``r`` likewise."""
        path = tracker(tmp_path / "t.xlsx")
        edit(
            path,
            SHEET,
            lambda xml: re.sub(
                r'<row r="([34])"', "<row", re.sub(r'<c r="[A-Z]+[34]"', "<c", xml)
            ),
        )
        xml = text_of(path, SHEET)
        assert '<c r="B3"' not in xml
        assert '<row r="3"' not in xml
        sheet = read(path)
        assert sheet.rows == [list(HEADINGS), *(list(row) for row in ROWS)]
        summary, out = fill(path)
        assert summary.filled == 3
        cases = load(out)["Cases"]
        for number, (_, received, _) in enumerate(ROWS, start=2):
            assert day(outputs(cases, number)["Response due"]) == (
                response_due(received).due
            )

    def test_entities_in_text(self, tmp_path: Path) -> None:
        """XML's entities and character references read as the characters."""
        path = tracker(tmp_path / "t.xlsx", [("R1", IN_TIME, "NOTE")])
        # &#150; is U+0096 in XML (HTML would read it as a dash); a bare CR is
        # read as a line end, as the parser does.
        escaped = (
            "Smith &amp; Jones&#10;Ltd &lt;b&gt; &#x2019; &#150; &quot;q&quot;\r\n."
        )
        edit(path, SHEET, sub("<t>NOTE</t>", f"<t>{escaped}</t>"))
        expected = 'Smith & Jones\nLtd <b> \u2019 \x96 "q"\n.'
        assert cell(read(path), "C2") == expected
        assert load(path)["Cases"]["C2"].value == expected
        summary, out = fill(path)
        assert summary.filled == 1
        assert load(out)["Cases"]["C2"].value == expected

    def test_single_quoted_attributes(self, tmp_path: Path) -> None:
        """Attributes in single quotes, as XML allows, are read like any others."""

        def requoted(xml: str) -> str:
            return re.sub(r'(\s[\w:]+)="([^"\']*)"', r"\1='\2'", xml)

        def titled(sheet: Worksheet) -> None:
            sheet.print_title_rows = "1:1"
            sheet.column_dimensions["A"].width = 10
            sheet.column_dimensions.group("A", "Z", hidden=False)

        path = tracker(tmp_path / "t.xlsx", style=titled)
        for part in (SHEET, BOOK):
            edit(path, part, requoted)
        assert "<c r='B2' s='" in text_of(path, SHEET)
        sheet = read(path)
        assert sheet.rows == [list(HEADINGS), *(list(row) for row in ROWS)]
        summary, out = fill(path)
        assert summary.filled == 3
        cases = load(out)["Cases"]
        assert day(outputs(cases, 4)["Response due"]) == response_due(IN_TIME).due
        assert len(list(root(out, BOOK).iter(f"{M}definedName"))) == 1
        cols = root(out, SHEET).find(f"{M}cols")
        assert cols is not None
        bounds = [(int(c.get("min", 0)), int(c.get("max", 0))) for c in cols]
        assert all(a[1] < b[0] for a, b in itertools.pairwise(bounds)), bounds
        assert_well_formed(out)
        merged = tracker(
            tmp_path / "merged.xlsx", style=lambda s: s.merge_cells("C3:F3")
        )
        edit(merged, SHEET, requoted)
        refused(merged, "merged cells")

    def test_namespace_prefix(self, tmp_path: Path) -> None:
        """A workbook whose parts write the main namespace as ``x:`` reads and fills.

        Some .NET libraries write ``<x:worksheet xmlns:x=...>``, ``<x:row>`` and
        ``<x:c>``; what the fill adds must use the same prefix.
        """
        path = tracker(
            tmp_path / "t.xlsx",
            style=lambda sheet: sheet.conditional_formatting.add(
                "A2:C50", formula_rule('$C2=""', "FFFF00")
            ),
        )
        for part in (SHEET, STYLES, BOOK):
            edit(path, part, prefixed)
        assert "<x:row " in text_of(path, SHEET)
        sheet = read(path)
        assert sheet.rows == [list(HEADINGS), *(list(row) for row in ROWS)]
        summary, out = fill(path)
        assert summary.filled == 3
        xml = text_of(out, SHEET)
        assert re.search(r"<(?!x:|/x:|\?xml)\w", xml) is None, "an unprefixed element"
        assert f'<x:c r="{_xlsx.column_letters(FIRST_NEW)}2" s="' in xml
        assert_well_formed(out)
        cases = load(out)["Cases"]
        assert day(outputs(cases, 2)["Response due"]) == response_due(OVERDUE).due
        assert cases.cell(row=2, column=FIRST_NEW).number_format == "dd/mm/yyyy"
        sqrefs = [sqref for sqref, _ in formatting(out)]
        assert sqrefs[0] == "A2:C50 D2:I50"
        assert sqrefs[1] == "D2:I4"
        assert "x:definedName" in text_of(out, BOOK)
        assert "<x:dxf>" in text_of(out, STYLES)

    def test_strict_open_xml(self, tmp_path: Path) -> None:
        """A workbook saved as Strict Open XML (other namespaces) reads and fills."""
        path = tracker(tmp_path / "t.xlsx")
        strict = {
            MAIN: "http://purl.oclc.org/ooxml/spreadsheetml/main",
            REL: "http://purl.oclc.org/ooxml/officeDocument/relationships",
        }
        for part in (SHEET, STYLES, BOOK, BOOK_RELS, "_rels/.rels"):
            text = text_of(path, part)
            for transitional, other in strict.items():
                text = text.replace(transitional, other)
            rewrite(path, {part: text})
        sheet = read(path)
        assert sheet.rows[1] == list(ROWS[0])
        summary, out = fill(path)
        assert summary.filled == 3
        assert cell(read(out), f"{_xlsx.column_letters(FIRST_NEW)}4") == (
            response_due(IN_TIME).due
        )


# -- writing ---------------------------------------------------------------------------


def _png() -> bytes:
    """A one-pixel PNG image."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 1 by 1, 8-bit RGB
    pixels = zlib.compress(b"\x00\x9c\x00\x06")  # no filter, one dark red pixel
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


PNG: Final = _png()
DRAWING: Final = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/'
    'spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/'
    f'main" xmlns:r="{REL}"><xdr:oneCellAnchor><xdr:from><xdr:col>5</xdr:col>'
    "<xdr:colOff>0</xdr:colOff><xdr:row>5</xdr:row><xdr:rowOff>0</xdr:rowOff>"
    '</xdr:from><xdr:ext cx="95250" cy="95250"/><xdr:pic><xdr:nvPicPr>'
    '<xdr:cNvPr id="1" name="Logo"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill>'
    '<a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>'
    '<xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>'
    "<xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>"
)


def with_picture_and_custom_xml(path: Path) -> Path:
    """The workbook with a logo drawn on its first sheet and a custom XML part."""
    relationships = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="{PKG}">'
        "{}</Relationships>"
    )
    kind = "application/vnd.openxmlformats-officedocument"
    types = text_of(path, TYPES).replace(
        "<Override ",
        '<Default Extension="png" ContentType="image/png"/><Override ',
        1,
    )
    types = add_override(types, "xl/drawings/drawing1.xml", f"{kind}.drawing+xml")
    return rewrite(
        path,
        {
            TYPES: types,
            SHEET: text_of(path, SHEET)
            .replace("<worksheet ", f'<worksheet xmlns:r="{REL}" ', 1)
            .replace("</worksheet>", '<drawing r:id="rIdLogo"/></worksheet>'),
            "xl/worksheets/_rels/sheet1.xml.rels": relationships.format(
                f'<Relationship Id="rIdLogo" Type="{REL}/drawing" '
                'Target="../drawings/drawing1.xml"/>'
            ),
            "xl/drawings/drawing1.xml": DRAWING,
            "xl/drawings/_rels/drawing1.xml.rels": relationships.format(
                f'<Relationship Id="rId1" Type="{REL}/image" '
                'Target="../media/image1.png"/>'
            ),
            "xl/media/image1.png": PNG,
            "customXml/item1.xml": '<?xml version="1.0"?><records owner="FOI team"/>',
        },
    )


class TestWriting:
    def test_other_parts_kept_byte_for_byte(self, tmp_path: Path) -> None:
        """Only the sheet, the styles and the workbook change; openpyxl drops parts."""
        path = with_picture_and_custom_xml(tracker(tmp_path / "t.xlsx"))
        before = members(path)
        _, out = fill(path)
        after = members(out)
        assert list(after) == list(before)
        assert {n for n in before if before[n] != after[n]} == EDITED
        assert after["xl/media/image1.png"] == PNG
        assert_well_formed(out)
        # What a fill through openpyxl's object model would have lost.
        resaved = tmp_path / "resaved.xlsx"
        load(path).save(resaved)
        assert "customXml/item1.xml" not in members(resaved)

    def test_values_and_formats(self, source: Path) -> None:
        """The new cells hold the library's due dates as dates, shown dd/mm/yyyy."""
        summary, out = fill(source)
        assert (summary.filled, summary.failed, summary.blank) == (3, 0, 0)
        cases = load(out)["Cases"]
        assert [c.value for c in cases[1]] == [*HEADINGS, *OUTPUT_COLUMNS]
        codes = {}
        for number, (_, received, _) in enumerate(ROWS, start=2):
            assert isinstance(received, date)
            due = cases.cell(row=number, column=FIRST_NEW)
            assert isinstance(due.value, datetime)
            assert due.value.date() == response_due(received).due
            assert due.number_format == "dd/mm/yyyy"
            values = outputs(cases, number)
            codes[received] = values["Status code"]
            assert values["Error"] is None
            left, late = values["Working days left"], values["Working days overdue"]
            assert isinstance(left if late is None else late, int)
        assert codes == {OVERDUE: "overdue", DUE_SOON: "due_soon", IN_TIME: "in_time"}
        assert load(out)["Lookups"]["A1"].value == "kept"
        assert_well_formed(out)

    def test_column_widths(self, source: Path) -> None:
        """Each new column gets a width that fits its heading and its values."""
        _, out = fill(source)
        dimensions = load(out)["Cases"].column_dimensions
        for number, heading in enumerate(OUTPUT_COLUMNS, start=FIRST_NEW):
            width = dimensions[_xlsx.column_letters(number)].width
            assert width >= len(heading)
        assert dimensions[_xlsx.column_letters(FIRST_NEW)].width >= len("dd/mm/yyyy")

    @pytest.mark.parametrize(
        ("existing", "expected"),
        [
            pytest.param(
                '<col min="1" max="16384" width="12.5" customWidth="1"/>',
                [
                    (1, 3, "12.5"),
                    *((n, n, None) for n in range(4, 10)),
                    (10, 16384, "12.5"),
                ],
                id="all-columns",
            ),
            pytest.param(
                '<col min="2" max="5" width="20" customWidth="1"/>'
                '<col min="12" max="12" width="30" customWidth="1"/>',
                [(2, 3, "20"), *((n, n, None) for n in range(4, 10)), (12, 12, "30")],
                id="over-some-and-after",
            ),
            pytest.param(
                '<col min="1" max="1" width="9" customWidth="1"/>'
                '<col min="5" max="7" width="8" customWidth="1"></col>',
                [(1, 1, "9"), *((n, n, None) for n in range(4, 10))],
                id="inside-the-new-columns",
            ),
        ],
    )
    def test_existing_column_ranges_cut(
        self,
        source: Path,
        existing: str,
        expected: list[tuple[int, int, str | None]],
    ) -> None:
        """Ranges over the new columns are cut around them, in order, apart."""
        xml = text_of(source, SHEET)
        xml = re.sub(r"<cols>.*?</cols>", "", xml)
        rewrite(
            source,
            {SHEET: xml.replace("<sheetData>", f"<cols>{existing}</cols><sheetData>")},
        )
        _, out = fill(source)
        cols = root(out, SHEET).find(f"{M}cols")
        assert cols is not None
        found = [
            (int(c.get("min", 0)), int(c.get("max", 0)), c.get("width")) for c in cols
        ]
        assert [(low, high) for low, high, _ in found] == [
            (low, high) for low, high, _ in expected
        ]
        for (_, _, width), (_, _, wanted) in zip(found, expected, strict=True):
            if wanted is not None:
                assert width == wanted
        assert all(a[1] < b[0] for a, b in itertools.pairwise(found))

    def test_heading_style(self, source: Path) -> None:
        """The new headings take the received-date heading's style: bold here."""
        style = re.search(r'<c r="B1" s="(\d+)"', text_of(source, SHEET))
        assert style is not None
        _, out = fill(source)
        headings = new_cells(out, 1)
        assert len(headings) == len(OUTPUT_COLUMNS)
        assert {c.get("s") for c in headings.values()} == {style[1]}
        cases = load(out)["Cases"]
        assert all(
            cases.cell(row=1, column=n).font.b for n in range(FIRST_NEW, LAST_NEW + 1)
        )

    def test_dimension(self, tmp_path: Path) -> None:
        """The sheet's used range takes in the new columns, and its own last row."""
        path = tracker(
            tmp_path / "t.xlsx", [*ROWS, (None, None, None), ("end", None, None)]
        )
        edit(path, SHEET, sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:C40"'))
        _, out = fill(path)
        dimension = root(out, SHEET).find(f"{M}dimension")
        assert dimension is not None
        assert dimension.get("ref") == f"A1:{_xlsx.column_letters(LAST_NEW)}40"

    def test_highlighting(self, tmp_path: Path) -> None:
        """Red for overdue, amber for due soon, by the status code, after the rest."""

        def officer_rules(sheet: Worksheet) -> None:
            # What may stand between the rows and the formatting, and after it.
            sheet.auto_filter.ref = "A1:C4"
            sheet.protection.sheet = True
            sheet.merge_cells("A8:C8")
            validation = DataValidation(type="list", formula1='"open,closed"')
            validation.add("C2:C9")
            sheet.add_data_validation(validation)
            sheet.conditional_formatting.add("C2:C9", equal_rule('"urgent"', "FF0000"))
            sheet.conditional_formatting.add("B2:B9", formula_rule('B2=""', "00FF00"))

        path = tracker(tmp_path / "t.xlsx", style=officer_rules)
        existing = [
            int(p) for p in re.findall(r'priority="(\d+)"', text_of(path, SHEET))
        ]
        dxfs_before = len(re.findall(r"<dxf>", text_of(path, STYLES)))
        _, out = fill(path)
        blocks = dict(formatting(out))
        area = f"D2:{_xlsx.column_letters(LAST_NEW)}4"
        rules = blocks[area]
        assert [r.get("dxfId") for r in rules] == [
            str(dxfs_before),
            str(dxfs_before + 1),
        ]
        assert min(int(r.get("priority", 0)) for r in rules) > max(existing)
        formulas = [r.findtext(f"{M}formula") for r in rules]
        assert formulas == [
            'OR($H2="overdue",$H2="review_overdue")',
            'OR($H2="due_soon")',
        ]
        dxfs = root(out, STYLES).find(f"{M}dxfs")
        assert dxfs is not None
        assert dxfs.get("count") == str(dxfs_before + 2)
        fills = [
            d.find(f"{M}fill/{M}patternFill/{M}bgColor").get("rgb")  # type: ignore[union-attr]
            for d in dxfs
        ][-2:]
        assert fills == ["FFFFC7CE", "FFFFEB9C"]
        # The officer's own rules are left over their own cells.
        assert "C2:C9" in blocks
        assert "B2:B9" in blocks
        cases = load(out)["Cases"]
        assert outputs(cases, 2)["Status code"] == "overdue"
        assert_well_formed(out)

    @pytest.mark.parametrize(
        ("sqref", "rule", "extended"),
        [
            ("A2:C100", '$C2=""', "A2:C100 D2:I100"),
            ("A2:B100", '$C2=""', "A2:B100 D2:I100"),  # all but the last column
            ("A:C", 'AND($B1<>"",$C1="")', "A:C D:I"),
            ("A2:C100", '$C2="A1"', "A2:C100 D2:I100"),  # text, not a reference
            ("A2:C100", "LOG10($A2)>1", "A2:C100 D2:I100"),  # a function, not a cell
            ("A2:XFD100", '$C2=""', "A2:XFD100"),  # already over them
            ("A2:F100", '$C2=""', "A2:F100 G2:I100"),  # over some of them
            ("A2:C100", 'C2=""', "A2:C100"),  # cell by cell
            ("A2:C100", "$C2=B2", "A2:C100"),
            ("B2:C100", '$C2=""', "B2:C100"),  # not from the first column
            ("A2:A100", '$C2=""', "A2:A100"),  # one column only
        ],
    )
    def test_whole_row_rules_extended(
        self, tmp_path: Path, sqref: str, rule: str, extended: str
    ) -> None:
        """A rule that colours whole rows by fixed columns covers the new columns."""
        path = tracker(
            tmp_path / "t.xlsx",
            style=lambda sheet: sheet.conditional_formatting.add(
                "A2:C100", formula_rule(rule, "DDDDDD")
            ),
        )
        if sqref != "A2:C100":  # openpyxl takes no whole columns: write it here
            edit(path, SHEET, sub('sqref="A2:C100"', f'sqref="{sqref}"'))
        _, out = fill(path)
        assert formatting(out)[0][0] == extended

    def test_cell_rule_not_extended(self, tmp_path: Path) -> None:
        """A rule comparing each cell's own value (cellIs) is not extended."""
        path = tracker(
            tmp_path / "t.xlsx",
            style=lambda sheet: sheet.conditional_formatting.add(
                "A2:C100", equal_rule('"x"', "DDDDDD")
            ),
        )
        _, out = fill(path)
        assert formatting(out)[0][0] == "A2:C100"

    def test_data_bar_with_extension(self, source: Path) -> None:
        """The new rules go after a rule with its own ``extLst``, never inside it."""
        x14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
        bar = (
            '<conditionalFormatting sqref="B2:B4"><cfRule type="dataBar" priority="1">'
            '<dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/>'
            f'</dataBar><extLst><ext xmlns:x14="{x14}" '
            'uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}">'
            "<x14:id>{00000000-0000-0000-0000-000000000001}</x14:id></ext></extLst>"
            "</cfRule></conditionalFormatting>"
        )
        edit(source, SHEET, before_rows_end(bar))
        _, out = fill(source)
        assert_well_formed(out)
        blocks = formatting(out)
        assert [sqref for sqref, _ in blocks] == ["B2:B4", "D2:I4"]
        assert [local(child.tag) for child in blocks[0][1][0]] == ["dataBar", "extLst"]
        assert [int(r.get("priority", 0)) for r in blocks[1][1]] == [2, 3]

    @pytest.mark.parametrize(
        ("headings", "columns"),
        [(HEADINGS, "$A:$A"), (("Date received", "Notes", "Ref"), "$A:$C")],
    )
    def test_print_titles(
        self, tmp_path: Path, headings: tuple[str, ...], columns: str
    ) -> None:
        """The first columns to the reference and the headings repeat on each page."""
        rows = [(r[1], r[2], r[0]) if headings != HEADINGS else r for r in ROWS]
        path = tracker(tmp_path / "t.xlsx", rows, headings=headings)
        _, out = fill(path)
        names = root(out, BOOK).findall(f"{M}definedNames/{M}definedName")
        assert [(n.get("name"), n.get("localSheetId"), n.text) for n in names] == [
            ("_xlnm.Print_Titles", "0", f"'Cases'!{columns},'Cases'!$1:$1")
        ]
        cases = load(out)["Cases"]
        assert cases.print_title_rows == "$1:$1"
        assert cases.print_title_cols == columns
        assert_well_formed(out)

    def test_new_columns_start_a_printed_page(self, source: Path) -> None:
        """A column break puts the new columns on a page of their own, with titles."""
        _, out = fill(source)
        cases = load(out)["Cases"]
        first = len(HEADINGS)  # the first new column, counted from 0
        assert [b.id for b in cases.col_breaks.brk] == [first]
        assert_well_formed(out)

    def test_own_column_breaks_kept(self, source: Path) -> None:
        """The tracker's own page breaks stay, beside the new one."""
        breaks = (
            '<colBreaks count="1" manualBreakCount="1">'
            '<brk id="2" max="1048575" man="1"/></colBreaks>'
        )
        edit(
            source,
            SHEET,
            lambda xml: re.sub(r"(<pageMargins\b[^>]*/>)", r"\1" + breaks, xml),
        )
        _, out = fill(source)
        cases = load(out)["Cases"]
        assert [b.id for b in cases.col_breaks.brk] == [2, len(HEADINGS)]
        assert cases.col_breaks.count == 2
        assert_well_formed(out)

    @pytest.mark.parametrize(
        ("attributes", "added"),
        [
            ('name="_xlnm.Print_Titles" localSheetId="0"', False),
            ('localSheetId="0" name="_xlnm.Print_Titles"', False),
            ('name="_xlnm.Print_Titles" hidden="0" localSheetId="0"', False),
            (
                'function="false" localSheetId="0" hidden="false" '
                'name="_xlnm.Print_Titles"',
                False,
            ),
            ('name="_xlnm.Print_Titles" localSheetId="1"', True),
        ],
    )
    def test_existing_print_titles(
        self, source: Path, attributes: str, added: bool
    ) -> None:
        """The officer's own print titles for the sheet are left as they are."""
        names = (
            f"<definedNames><definedName {attributes}>'Cases'!$1:$2</definedName>"
            "</definedNames>"
        )
        edit(source, BOOK, lambda xml: xml.replace("</sheets>", "</sheets>" + names))
        _, out = fill(source)
        found = [n.text for n in root(out, BOOK).iter(f"{M}definedName")]
        assert found == ["'Cases'!$1:$2", *(["'Cases'!$A:$A,'Cases'!$1:$1"] * added)]
        assert_well_formed(out)

    def test_rows_with_spans_and_self_closed(self, tmp_path: Path) -> None:
        """Self-closed rows are kept; a filled row's spans go (they would be wrong)."""
        rows = [ROWS[0], ROWS[1], (None, None, None), ROWS[2]]
        path = tracker(tmp_path / "t.xlsx", rows)

        def shaped(xml: str) -> str:
            xml = re.sub(r'<row r="(\d+)"', r'<row r="\1" spans="1:3"', xml)
            xml = xml.replace(
                '</row><row r="5"', '</row><row r="4" spans="1:3"/><row r="5"'
            )
            return xml.replace('<row r="5" spans="1:3">', '<row spans="1:3">')

        edit(path, SHEET, shaped)
        assert '<row r="4" spans="1:3"/>' in text_of(path, SHEET)
        summary, out = fill(path)
        assert (summary.filled, summary.blank) == (3, 1)
        xml = text_of(out, SHEET)
        assert '<row r="4" spans="1:3"/>' in xml
        for number in (1, 2, 3):
            row = re.search(rf'<row r="{number}"[^>]*>', xml)
            assert row is not None
            assert "spans" not in row[0]
        cases = load(out)["Cases"]
        assert day(outputs(cases, 5)["Response due"]) == response_due(IN_TIME).due
        assert outputs(cases, 4)["Status"] is None
        assert_well_formed(out)

    @pytest.mark.parametrize(
        "removed",
        [
            ("numFmts",),
            ("dxfs",),
            ("numFmts", "dxfs"),
            ("dxfs", "xf-extension"),
            ("cellXfs",),
        ],
    )
    def test_styles_without_lists(
        self, tmp_path: Path, removed: tuple[str, ...]
    ) -> None:
        """A style sheet without number formats or highlight formats gets them."""
        path = tracker(
            tmp_path / "t.xlsx",
            style=lambda sheet: sheet.conditional_formatting.add(
                "A2:C9", formula_rule('$C2=""', "DDDDDD")
            ),
        )
        xml = text_of(path, STYLES)
        for name in removed:
            if name == "xf-extension":
                # Newer Excel writes an extLst inside some cell formats.
                xml = xml.replace(
                    'xfId="0" />',
                    'xfId="0"><extLst>'
                    '<ext uri="{C7286773-470A-42A8-94C5-96B5CB345126}"/>'
                    "</extLst></xf>",
                    1,
                )
            else:
                xml = re.sub(
                    rf"<{name}\b[^>]*?(/>|>.*?</{name}>)", "", xml, flags=re.DOTALL
                )
        if "dxfs" in removed:
            edit(path, SHEET, sub(r'\s*dxfId="\d+"', ""))
        if "cellXfs" in removed:  # so no cell has a style
            edit(path, SHEET, sub(r'\s*\bs="\d+"', ""))
        rewrite(path, {STYLES: xml})
        _, out = fill(path)
        assert_well_formed(out)
        styles = root(out, STYLES)
        dxfs = styles.find(f"{M}dxfs")
        assert dxfs is not None
        assert len(dxfs) == int(dxfs.get("count", "0"))
        assert [r.get("dxfId") for r in formatting(out)[-1][1]] == [
            str(len(dxfs) - 2),
            str(len(dxfs) - 1),
        ]
        cases = load(out)["Cases"]
        assert cases.cell(row=2, column=FIRST_NEW).number_format == "dd/mm/yyyy"
        assert cases.cell(row=2, column=FIRST_NEW + 1).number_format == "General"
        assert cases["A2"].number_format == "General"

    def test_parts_under_other_names(self, tmp_path: Path) -> None:
        """The workbook, first sheet and styles are found by their relationships."""
        path = tracker(tmp_path / "t.xlsx")
        parts = members(path)
        renames = {
            BOOK: "xl/book.xml",
            BOOK_RELS: "xl/_rels/book.xml.rels",
            SHEET: "xl/worksheets/cases.xml",
            STYLES: "xl/look.xml",
        }
        changes: dict[str, bytes | str | None] = dict.fromkeys(renames)
        for old, new in renames.items():
            changes[new] = parts[old]
        changes[TYPES] = (
            parts[TYPES]
            .decode()
            .replace("/xl/workbook.xml", "/xl/book.xml")
            .replace("/xl/worksheets/sheet1.xml", "/xl/worksheets/cases.xml")
            .replace("/xl/styles.xml", "/xl/look.xml")
        )
        changes["_rels/.rels"] = (
            parts["_rels/.rels"].decode().replace("xl/workbook.xml", "xl/book.xml")
        )
        changes["xl/_rels/book.xml.rels"] = (
            parts[BOOK_RELS]
            .decode()
            .replace("worksheets/sheet1.xml", "worksheets/cases.xml")
            .replace('Target="styles.xml"', 'Target="look.xml"')
            .replace('Target="/xl/styles.xml"', 'Target="/xl/look.xml"')
        )
        rewrite(path, changes)
        assert "look.xml" in members(path)["xl/_rels/book.xml.rels"].decode()
        sheet = read(path)
        assert sheet.part == "xl/worksheets/cases.xml"
        assert cell(sheet, "B2") == OVERDUE  # its date style was found
        _, out = fill(path)
        after = members(out)
        assert {
            n for n in parts.keys() - renames.keys() if parts[n] != after.get(n)
        } == {
            TYPES,
            "_rels/.rels",
        }
        assert after[TYPES] == changes[TYPES].encode()  # type: ignore[union-attr]
        filled = read(out)
        assert cell(filled, "D1") == "Response due"
        assert cell(filled, "D2") == response_due(OVERDUE).due
        assert "dd/mm/yyyy" in after["xl/look.xml"].decode()
        assert "Print_Titles" in after["xl/book.xml"].decode()

    @pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "iso-8859-1"])
    def test_parts_in_other_encodings(self, tmp_path: Path, codec: str) -> None:
        """Parts in UTF-16 or Latin-1 are read, and written back in it.

        A character the encoding lacks, in an error message here, is written as a
        character reference.
        """
        rows = [*ROWS, ("R4", "31/02/2025 \u2713", "Caf\u00e9")]
        source = tracker(tmp_path / "t.xlsx", rows)
        changes: dict[str, bytes | str | None] = {}
        for part in (SHEET, STYLES, BOOK):
            text = re.sub(r"^<\?xml[^>]*\?>", "", text_of(source, part))
            if codec == "iso-8859-1":
                text = text.replace("\u2713", "&#x2713;")
            name = "UTF-16" if codec.startswith("utf-16") else codec.upper()
            declared = f'<?xml version="1.0" encoding="{name}"?>{text}'
            changes[part] = declared.encode(codec)
        rewrite(source, changes)
        assert read(source).rows[4] == ["R4", "31/02/2025 \u2713", "Caf\u00e9"]
        summary, out = fill(source)
        assert (summary.filled, summary.failed) == (3, 1)
        for part in (SHEET, STYLES, BOOK):
            assert members(out)[part].decode(codec).startswith("<?xml"), part
        if codec == "iso-8859-1":
            assert b"&#10003;" in members(out)[SHEET]
        filled = read(out)
        assert cell(filled, "D2") == response_due(OVERDUE).due
        assert "31/02/2025 \u2713" in str(
            cell(filled, _xlsx.column_letters(LAST_NEW) + "5")
        )
        cases = load(out)["Cases"]
        assert day(outputs(cases, 2)["Response due"]) == response_due(OVERDUE).due
        assert "\u2713" in str(outputs(cases, 5)["Error"])


# -- refusals --------------------------------------------------------------------------


def refused(source: Path, match: str, **options: Any) -> TrackerFileError:
    """Fill ``source`` into an empty folder: refused, with nothing written there."""
    folder = source.parent / "out"
    folder.mkdir()
    with pytest.raises(TrackerFileError, match=match) as raised:
        fill_tracker(source, folder / "out.xlsx", as_of=AS_OF, **options)
    assert nothing_written(folder)
    return raised.value


def _flag_encrypted(data: bytes, name: str) -> bytes:
    """A zip with member ``name`` marked encrypted in its central directory."""
    encoded = name.encode()
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:
        length = int.from_bytes(data[at + 28 : at + 30], "little")
        if data[at + 46 : at + 46 + length] == encoded:
            flags = int.from_bytes(data[at + 8 : at + 10], "little") | 1
            return data[: at + 8] + flags.to_bytes(2, "little") + data[at + 10 :]
        at += 4
    raise AssertionError(name)


class TestRefusals:
    @pytest.mark.parametrize("part", [SHEET, "xl/sharedStrings.xml", STYLES, BOOK])
    def test_document_type(self, tmp_path: Path, part: str) -> None:
        """A part with a document type (entity expansion's carrier) is refused."""
        path = to_shared_strings(tracker(tmp_path / "t.xlsx"))
        edit(path, part, with_doctype)
        error = refused(path, "document type")
        assert part in error.problem

    @pytest.mark.parametrize("part", [SHEET, STYLES, BOOK, BOOK_RELS])
    @pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
    def test_document_type_in_utf16(
        self, tmp_path: Path, part: str, codec: str
    ) -> None:
        """In UTF-16, with a byte-order mark or without (the parser needs none)."""
        path = tracker(tmp_path / "t.xlsx")
        text = re.sub(r"^<\?xml[^>]*\?>", "", text_of(path, part).lstrip("\ufeff"))
        declared = '<?xml version="1.0" encoding="UTF-16"?>' + DOCTYPE + text
        rewrite(path, {part: declared.encode(codec)})
        error = refused(path, "document type")
        assert part in error.problem

    def test_merged_cells_over_new_columns(self, tmp_path: Path) -> None:
        """Cells merged across where the new columns go are named in the refusal."""
        path = tracker(
            tmp_path / "t.xlsx", style=lambda sheet: sheet.merge_cells("C3:F3")
        )
        error = refused(path, "merged cells")
        assert "C3:F3" in error.problem

    def test_merged_title_above_the_headings_is_fine(self, tmp_path: Path) -> None:
        """A title merged across the top, above the headings, is no obstacle."""

        def title(sheet: Worksheet) -> None:
            sheet.insert_rows(1)
            sheet["A1"] = "FOI requests 2024/25"
            sheet.merge_cells("A1:H1")

        path = tracker(tmp_path / "t.xlsx", style=title)
        summary, out = fill(path)
        assert summary.filled == 3
        assert cell(read(out), "D2") == "Response due"
        assert_well_formed(out)

    def test_no_content_types(self, source: Path) -> None:
        """A zip without a content types part is not a workbook."""
        rewrite(source, {TYPES: None})
        refused(source, r"\[Content_Types\]\.xml")

    def test_over_the_size_limit(self, source: Path) -> None:
        """The limit is on the unpacked size: one byte over is refused."""
        with zipfile.ZipFile(source) as zipped:
            size = sum(info.file_size for info in zipped.infolist())
        refused(source, "too large", max_bytes=size - 1)
        summary, _ = fill(source, max_bytes=size)
        assert summary.filled == 3

    def test_over_the_row_limit(self, source: Path) -> None:
        """More data rows than the limit, or sheet rows than the reader's, refused."""
        refused(source, "3 rows, over the limit of 2", max_rows=2)
        with pytest.raises(TrackerFileError, match=r"more than 2 rows.*--max-rows"):
            read(source, max_rows=2)

    def test_missing_sheet_part(self, source: Path) -> None:
        """The workbook names a first sheet that the zip does not hold."""
        rewrite(source, {SHEET: None})
        refused(source, "first sheet 'Cases' is missing")

    @pytest.mark.parametrize("part", ["xl/media/image1.png", SHEET])
    @pytest.mark.parametrize("damage", ["checksum", "encrypted"])
    def test_damaged_member(self, tmp_path: Path, part: str, damage: str) -> None:
        """A member that cannot be read, by the reader or the copy, is refused."""
        path = with_picture_and_custom_xml(tracker(tmp_path / "t.xlsx"))
        parts = members(path)
        with zipfile.ZipFile(path, "w") as zipped:  # stored, so bytes can be changed
            for name, data in parts.items():
                zipped.writestr(name, data)
        data = path.read_bytes()
        if damage == "encrypted":
            data = _flag_encrypted(data, part)
        else:
            original = parts[part][-40:]
            changed = original[:-1] + bytes([original[-1] ^ 1])
            assert data.count(original) == 1
            data = data.replace(original, changed)
        path.write_bytes(data)
        error = refused(path, "damaged")
        assert part in error.problem


# -- the reader against openpyxl -------------------------------------------------------

_CHARACTERS: Final = st.characters(
    exclude_categories=["Cs"],
    # What XML 1.0 cannot hold, and openpyxl refuses.
    exclude_characters="".join(map(chr, [*range(9), 11, 12, *range(14, 32)]))
    + "\ufffe\uffff",
)
_SPECIAL: Final = st.sampled_from(
    ["&", "<", ">", '"', "'", "&amp;", "&#10;", "]]>", "\r", "\r\n", "\n", "\t", " "]
)
_TEXT: Final = (
    st.lists(_CHARACTERS | _SPECIAL, max_size=8)
    .map("".join)
    .filter(lambda text: not text.startswith("="))
)
_DATE_FORMATS: Final = ("dd/mm/yyyy", "mm-dd-yy", "d mmm yyyy", "[$-809]dd/mm/yyyy;@")
_NUMBER_FORMATS: Final = ("General", "0.00", "#,##0", '0 "days"')


Value = str | int | float | bool | date | datetime | None


def _cells(earliest: date) -> st.SearchStrategy[tuple[Value, str]]:
    """A cell's value and number format: dates with a date format, and so on."""
    days = st.dates(earliest, date(9999, 12, 30))
    moments = st.builds(
        datetime.combine, days, st.times().map(lambda t: t.replace(microsecond=0))
    )
    numbers = st.sampled_from(_NUMBER_FORMATS)
    dates = st.sampled_from(_DATE_FORMATS)
    general = st.just("General")
    return st.one_of(
        st.tuples(_TEXT, general),
        st.tuples(st.integers(-(10**12), 10**12), numbers),
        st.tuples(
            st.floats(-1e12, 1e12, allow_nan=False, allow_infinity=False), numbers
        ),
        st.tuples(st.booleans(), general),
        st.tuples(st.none(), general),
        st.tuples(days, dates),
        st.tuples(moments, dates),
    )


@st.composite
def _tables(draw: st.DrawFn) -> tuple[bool, list[list[tuple[Value, str]]]]:
    date1904 = draw(st.booleans())
    earliest = date(1904, 1, 2) if date1904 else date(1900, 1, 1)
    rows = draw(
        st.lists(st.lists(_cells(earliest), max_size=5), min_size=1, max_size=5)
    )
    return date1904, rows


def _as_read(value: object) -> object:
    """What the reader gives for a value openpyxl read."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return value


class TestAgainstOpenpyxl:
    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.function_scoped_fixture,
        ],
    )
    @given(table=_tables())
    def test_same_values(
        self, tmp_path: Path, table: tuple[bool, list[list[tuple[Value, str]]]]
    ) -> None:
        """Every cell reads as openpyxl reads it: dates as dates, text exactly."""
        date1904, rows = table
        book = openpyxl.Workbook()
        if date1904:
            book.epoch = CALENDAR_MAC_1904
        sheet = book.active
        assert sheet is not None
        for r, row in enumerate(rows, start=1):
            for c, (value, number_format) in enumerate(row, start=1):
                if value is None:
                    continue
                written = sheet.cell(row=r, column=c, value=value)
                written.number_format = number_format
        path = tmp_path / "table.xlsx"
        book.save(path)
        expected = {
            (c.row, c.column): _as_read(c.value)
            for row in load(path).active.iter_rows()  # type: ignore[union-attr]
            for c in row
            if c.value is not None
        }
        got = read(path)
        assert got.date1904 is date1904
        found = {
            (r, c): value
            for r, row in enumerate(got.rows, start=1)
            for c, value in enumerate(row, start=1)
            if value is not None
        }
        assert found == expected


# -- LibreOffice -----------------------------------------------------------------------

SOFFICE: Final = shutil.which("soffice")
PDFTOTEXT: Final = shutil.which("pdftotext")
# LibreOffice's CSV filter: comma, double quotes, UTF-8, from line 1, cells "as shown".
CSV_AS_SHOWN: Final = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true"
_libreoffice = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed"
)


def _convert(workbook: Path, target: str, work: Path) -> subprocess.Popen[str]:
    """Start LibreOffice converting ``workbook`` to ``target``, with its own profile."""
    assert SOFFICE is not None
    name = target.partition(":")[0]
    profile = work / f"profile-{name}"
    return subprocess.Popen(
        [
            SOFFICE,
            "--headless",
            "--norestore",
            "--nolockcheck",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            target,
            "--outdir",
            str(work / name),
            str(workbook),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _styled(sheet: Worksheet) -> None:
    """A tracker as an officer formats it: widths, a fill, a whole-row rule."""
    sheet.column_dimensions["A"].width = 8
    sheet.column_dimensions["B"].width = 14
    sheet.column_dimensions["C"].width = 12
    for c in sheet[1]:
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="DDEBF7")
    sheet.conditional_formatting.add("A2:C20", formula_rule('$C2="closed"', "EEEEEE"))


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A filled, styled tracker as LibreOffice prints it (PDF) and shows it (CSV)."""
    work = tmp_path_factory.mktemp("libreoffice")
    source = tracker(work / "tracker.xlsx", style=_styled)
    out = work / "filled.xlsx"
    fill_tracker(source, out, as_of=AS_OF)
    jobs = [_convert(out, target, work) for target in ("pdf", CSV_AS_SHOWN)]
    try:
        for job in jobs:
            _, stderr = job.communicate(timeout=180)
            assert job.returncode == 0, stderr
    finally:
        for job in jobs:
            if job.poll() is None:
                job.kill()
                job.wait()
    pdf, shown = work / "pdf" / "filled.pdf", work / "csv" / "filled.csv"
    assert pdf.is_file()
    assert shown.is_file()
    return pdf, shown


def _due_texts() -> list[str]:
    return [f"{response_due(received).due:%d/%m/%Y}" for _, received, _ in ROWS]


@_libreoffice
class TestLibreOffice:
    def test_printed_dates(self, converted: tuple[Path, Path]) -> None:
        """Printed, the due dates read dd/mm/yyyy, and no value shows as ###."""
        if PDFTOTEXT is None:
            pytest.skip("pdftotext (poppler-utils) is not installed")
        pdf, _ = converted
        text = subprocess.run(
            [PDFTOTEXT, "-layout", str(pdf), "-"],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout
        lines = text.splitlines()
        for due in _due_texts():
            holding = [line for line in lines if due in line]
            assert holding, f"{due} not printed:\n{text}"
        for line in lines:
            if any(ref in line for ref, _, _ in ROWS):
                assert "###" not in line, text
        assert "Overdue by" in text
        # The reference column and the headings are printed on every page of the
        # tracker (the last page is the other sheet's).
        pages = [page for page in text.split("\f") if page.strip()]
        assert pages[-1].strip() == "kept"
        assert len(pages) > 2
        assert all("Ref" in page and "R3" in page for page in pages[:-1]), text

    def test_dates_as_shown(self, converted: tuple[Path, Path]) -> None:
        """Saved as shown on screen, the due dates read dd/mm/yyyy."""
        _, shown = converted
        with shown.open(newline="", encoding="utf-8") as stream:
            rows = list(csv.DictReader(stream))
        assert [row["Response due"] for row in rows] == _due_texts()
        assert [row["Status code"] for row in rows] == [
            "overdue",
            "due_soon",
            "in_time",
        ]
        assert [row["Date received"] for row in rows] == [
            f"{received:%d/%m/%Y}" for _, received, _ in ROWS
        ]
