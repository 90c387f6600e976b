"""Reading an ``.xlsx`` tracker, and writing it back with columns added.

A tracker is the officer's own workbook: the fill must keep everything in it,
charts, images, macros' companions, pivot tables and all, and must be quick. So
the workbook is not loaded into an object model and saved again (which loses what
the model does not know); the first sheet's cells are read straight from its XML,
and the filled copy is the same zip with four parts edited as text: the sheet
(the new cells, column widths, conditional formatting), the styles (a date
format, two highlight formats), the workbook (print titles) and nothing else.

Only the standard library is needed. A part with a document type declaration is
refused before it is parsed (no spreadsheet writes one, and it is what entity
expansion and external entities need), so the fast C parser of the standard
library only ever sees XML that declares no entities.
"""

from __future__ import annotations

import codecs
import io
import math
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Final
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape

import attrs

from foi_deadlines._coerce import EXCEL_1900_EPOCH, EXCEL_1904_EPOCH, to_serial
from foi_deadlines.errors import TrackerFileError

__all__ = [
    "MAX_COLUMNS",
    "FormulaWithoutValue",
    "NewColumns",
    "Sheet",
    "column_letters",
    "patch_workbook",
    "read_first_sheet",
]

_MAIN: Final = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
# Excel's "Strict Open XML" workbooks name the same parts with other namespaces.
_STRICT: Final = (
    (b"http://purl.oclc.org/ooxml/spreadsheetml/main", _MAIN.encode()),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships", _REL.encode()),
)
_OLE: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DECLARED: Final = re.compile(
    rb"""^(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding=["']([^"']+)["']"""
)
_DOCTYPE: Final = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_DOCTYPE_TEXT: Final = re.compile(r"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_CELL_REF: Final = re.compile(r"([A-Z]{1,3})(\d+)")
# The parts of a sheet the fill reads and writes. The sheet's XML is read with
# these patterns rather than a parser: they are several times faster, and the
# same patterns find the rows that the filled copy adds cells to. A prefix
# (``x:row``), which some writers give the main namespace, is allowed.
_ROW: Final = re.compile(r"<(\w+:)?row\b([^>]*?)(/>|>(.*?)</\1?row>)", re.DOTALL)
# XML allows either quote around an attribute's value; writers use double ones.
_ROW_NUMBER: Final = re.compile(r"""\br=["'](\d+)["']""")
_CELL: Final = re.compile(r"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.DOTALL)
_ATTRIBUTE: Final = re.compile(r'\b([rst])="([^"]*)"')
_ATTRIBUTE_QUOTED: Final = re.compile(r"""\b([rst])=(?:"([^"]*)"|'([^']*)')""")
_VALUE: Final = re.compile(r"<(?:\w+:)?v\b[^>]*>([^<]*)</(?:\w+:)?v>")
_FORMULA: Final = re.compile(r"<(?:\w+:)?f\b[^>]*?(?:/>|>([^<]*)</(?:\w+:)?f>)")
_TEXT: Final = re.compile(r"<(?:\w+:)?t\b[^>]*?(?:/>|>([^<]*)</(?:\w+:)?t>)")
_PHONETIC: Final = re.compile(r"<(\w+:)?rPh\b.*?</\1?rPh>", re.DOTALL)
_MERGE: Final = re.compile(r"""<(?:\w+:)?mergeCell\b[^>]*?\bref=["']([^"']+)""")
_STYLED_ROWS: Final = 64  # the rows a heading row may be in, and then some
# Excel's built-in number formats that show a date.
_DATE_FORMAT_IDS: Final = frozenset(
    {14, 15, 16, 17, 22, *range(27, 37), *range(50, 59)}
)
_QUOTED: Final = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')
_ELAPSED: Final = re.compile(r"\[(?:h+|m+|s+)\]", re.IGNORECASE)
MAX_COLUMNS: Final = 16_384
_ILLEGAL_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_REFERENCE: Final = re.compile(
    r"&(?:#[xX]([0-9A-Fa-f]+)|#(\d+)|(amp|lt|gt|quot|apos));"
)
_NAMED: Final = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
# What reading a member of a damaged zip can raise: a bad CRC or header, a cut
# stream, a corrupt deflate stream, a compression method or encryption that the
# zipfile module cannot read (NotImplementedError and RuntimeError).
_DAMAGED: Final = (zipfile.BadZipFile, EOFError, OSError, zlib.error, RuntimeError)


@attrs.frozen
class FormulaWithoutValue:
    """A formula cell with no saved result: the file was never calculated."""

    formula: str

    def __str__(self) -> str:
        return f"={self.formula}"


@attrs.frozen(kw_only=True)
class Sheet:
    """The first sheet of a workbook, as far as a fill needs it.

    Attributes:
        name: The sheet's name.
        part: The sheet's part in the zip, such as ``xl/worksheets/sheet1.xml``.
        rows: Cell values by row (from row 1), as lists from column A; dates are
            dates, numbers floats, and formulas their saved results.
        last_column: The last column with a cell of any kind, counted from 1.
        styles: The style index of each cell in the first rows, by (row, column)
            counted from 1.
        merged: The merged ranges, as (first row, first column, last row, last
            column), counted from 1.
        date1904: Whether the workbook uses Excel's 1904 date system.
    """

    name: str
    part: str
    rows: list[list[object]]
    last_column: int
    styles: Mapping[tuple[int, int], str]
    merged: tuple[tuple[int, int, int, int], ...]
    date1904: bool


def _bad(path: Path, problem: str) -> TrackerFileError:
    return TrackerFileError(str(path), problem)


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def column_letters(number: int) -> str:
    """The letters of column ``number`` (from 1): 1 is A, 27 is AA."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _reference(match: re.Match[str]) -> str:
    if match[3]:
        return _NAMED[match[3]]
    code = int(match[1], 16) if match[1] else int(match[2])
    return chr(code) if 0 < code < 0x110000 else "\ufffd"


def _unescape(text: str) -> str:
    """XML text as a parser reads it: line ends as one newline, references replaced."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _REFERENCE.sub(_reference, text) if "&" in text else text


def _utf16(data: bytes) -> str | None:
    """The codec of a UTF-16 part, as the XML parser detects it, or ``None``.

    The parser takes a byte-order mark, or a zero byte among the first two
    (``<`` in UTF-16 without a mark), for UTF-16.
    """
    head = data[:2]
    if head in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    if len(head) == 2 and head[0] == 0:
        return "utf-16-be"
    if len(head) == 2 and head[1] == 0:
        return "utf-16-le"
    return None


def _as_text(data: bytes) -> str:
    """A UTF-16 part as text, to look inside it; other parts are searched as bytes."""
    codec = _utf16(data)
    return "" if codec is None else data.decode(codec, errors="replace")


def _codec(data: bytes) -> str:
    """The text encoding of an XML part: UTF-16, the one it declares, or UTF-8.

    Raises:
        LookupError: It declares an encoding Python does not know.
    """
    codec = _utf16(data)
    if codec is not None:
        return codec
    declared = _DECLARED.match(data)
    if declared is None:
        return "utf-8"
    # UTF-8 keeps a byte-order mark as a character, so that it is written back.
    name = codecs.lookup(declared[1].decode("ascii", "replace")).name
    return "utf-8" if name == "utf-8-sig" else name


class _Package:
    """The zip of a workbook, its parts read safely."""

    def __init__(self, path: Path, zipped: zipfile.ZipFile, max_bytes: int) -> None:
        self.path = path
        self.zip = zipped
        self.names = set(zipped.namelist())
        if "[Content_Types].xml" not in self.names:
            raise _bad(
                path,
                "not an .xlsx workbook: the zip has no [Content_Types].xml; save "
                "it from Excel or LibreOffice as an Excel workbook (.xlsx)",
            )
        size = sum(info.file_size for info in zipped.infolist())
        if size > max_bytes:
            raise _bad(
                path,
                f"too large: {size:,} bytes unpacked, over the limit of "
                f"{max_bytes:,}; raise it with --max-size if the file is right",
            )

    def raw(self, name: str) -> bytes:
        """The bytes of the member ``name``, as they are."""
        try:
            return self.zip.read(name)
        except KeyError:
            raise _bad(
                self.path, f"not a complete workbook: {name} is missing"
            ) from None
        except _DAMAGED as error:
            raise _bad(
                self.path,
                f"is damaged: its part {name} cannot be read ({error}); open it in "
                "Excel or LibreOffice and save it again",
            ) from None

    def read(self, name: str) -> bytes:
        """The bytes of the XML part ``name``, refused if it declares a type."""
        data = self.raw(name)
        if _DOCTYPE.search(data) or _DOCTYPE_TEXT.search(_as_text(data)):
            raise _bad(
                self.path,
                f"{name} declares a document type, which no spreadsheet writes "
                "(it can hide an entity-expansion attack): refused",
            )
        return data

    def text(self, name: str) -> tuple[str, str]:
        """The XML part ``name`` as text, and the codec to write it back with."""
        data = self.read(name)
        try:
            codec = _codec(data)
            return data.decode(codec), codec
        except LookupError as error:
            raise _bad(
                self.path, f"{name} is in a text encoding that is not known ({error})"
            ) from None
        except UnicodeDecodeError as error:
            raise _bad(
                self.path,
                f"{name} is not valid text in its encoding ({error}); open it in "
                "Excel or LibreOffice and save it again",
            ) from None

    def parse(self, name: str) -> Iterator[Any]:
        """Each element of the part ``name``, as it ends."""
        data = self.read(name)
        for strict, transitional in _STRICT:
            if strict in data:  # the same elements, for the lookups below
                data = data.replace(strict, transitional)
        try:
            # No part with a document type declaration reaches the parser (see
            # read), so no entity can be declared, let alone expanded.
            for _, element in ET.iterparse(io.BytesIO(data), ("end",)):
                yield element
        except ET.ParseError as error:
            raise _bad(self.path, f"{name} is not well-formed XML ({error})") from None

    def links(self, owner: str) -> list[tuple[str, str, str]]:
        """The relationships of the part ``owner`` as (id, type, target part)."""
        folder, base = posixpath.split(owner)
        name = posixpath.join(folder, "_rels", base + ".rels")
        if name not in self.names:
            return []
        found = []
        for element in self.parse(name):
            if element.tag == f"{{{_PKG_REL}}}Relationship":
                target = element.get("Target", "")
                if target.startswith("/"):
                    target = target[1:]
                else:
                    target = posixpath.normpath(posixpath.join(folder, target))
                found.append((element.get("Id", ""), element.get("Type", ""), target))
        return found

    def relationships(self, owner: str) -> dict[str, str]:
        """The targets of the part ``owner``'s relationships, by id."""
        return {id_: target for id_, _, target in self.links(owner)}

    def related(self, owner: str, kind: str, suffix: str) -> str | None:
        """The part related to ``owner`` as ``kind`` (the type's last word).

        A relationship without a known type is matched by its target's ending.
        """
        links = self.links(owner)
        for _, type_, target in links:
            if type_.rpartition("/")[2] == kind:
                return target
        return next((t for _, _, t in links if t.endswith(suffix)), None)


def open_package(path: Path, max_bytes: int) -> tuple[zipfile.ZipFile, _Package]:
    """Open ``path`` as a workbook zip, or say clearly why it is not one."""
    try:
        with path.open("rb") as stream:
            head = stream.read(8)
    except IsADirectoryError:
        raise _bad(path, "is a folder, not a file") from None
    if head == _OLE:
        raise _bad(
            path,
            "is encrypted (password-protected) or an old .xls file: save it from "
            "Excel without a password, as an Excel workbook (.xlsx)",
        )
    if not head:
        raise _bad(path, "is empty")
    try:
        zipped = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise _bad(
            path,
            f"is not an .xlsx workbook, or is damaged or cut short ({error}); "
            "open it in Excel or LibreOffice and save it again",
        ) from None
    try:
        return zipped, _Package(path, zipped, max_bytes)
    except BaseException:
        zipped.close()
        raise


def read_first_sheet(path: Path, *, max_bytes: int, max_rows: int) -> Sheet:
    """The first sheet of the workbook at ``path``.

    Raises:
        TrackerFileError: Not a readable workbook, encrypted, damaged, over a
            limit, or with XML that is refused.
    """
    zipped, package = open_package(path, max_bytes)
    with zipped:
        try:
            return _read(package, max_rows)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError) as error:
            if isinstance(error, TrackerFileError):
                raise
            raise _bad(
                path,
                f"is damaged or cut short ({error}); open it in Excel or LibreOffice "
                "and save it again",
            ) from None


def _workbook_part(package: _Package) -> str:
    """The workbook part, as the package's own relationships name it."""
    found = package.related("", "officeDocument", "workbook.xml")
    return "xl/workbook.xml" if found is None else found


def _read(package: _Package, max_rows: int) -> Sheet:
    book = _workbook_part(package)
    first: tuple[str, str] | None = None
    date1904 = False
    for element in package.parse(book):
        if element.tag == f"{{{_MAIN}}}sheet" and first is None:
            first = (element.get("name", ""), element.get(f"{{{_REL}}}id", ""))
        elif element.tag == f"{{{_MAIN}}}workbookPr":
            date1904 = element.get("date1904", "0").lower() in ("1", "true")
    if first is None:
        raise _bad(package.path, "has no sheets")
    part = package.relationships(book).get(first[1], "")
    if part not in package.names:
        raise _bad(package.path, f"its first sheet {first[0]!r} is missing")
    strings = _shared_strings(package, package.related(book, *_SHARED_STRINGS))
    dates = _date_styles(package, package.related(book, *_STYLES))
    reader = _SheetReader(package, strings, dates, date1904, max_rows)
    reader.read(part)
    return Sheet(
        name=first[0],
        part=part,
        rows=reader.rows,
        last_column=reader.last_column,
        styles=reader.styles,
        merged=tuple(reader.merged),
        date1904=date1904,
    )


_SHARED_STRINGS: Final = ("sharedStrings", "sharedStrings.xml")
_STYLES: Final = ("styles", "styles.xml")


def _shared_strings(package: _Package, part: str | None) -> list[str]:
    if part is None or part not in package.names:
        return []
    strings: list[str] = []
    si, t, r = f"{{{_MAIN}}}si", f"{{{_MAIN}}}t", f"{{{_MAIN}}}r"
    for element in package.parse(part):
        if element.tag == si:
            text = []
            for child in element:
                if child.tag == t:
                    text.append(child.text or "")
                elif child.tag == r:
                    text += [node.text or "" for node in child.iter(t)]
            strings.append("".join(text))
            element.clear()
    return strings


def _is_date_format(code: str) -> bool:
    """Whether a number format shows a date: a day, a year, or a month alone.

    An ``m`` with hours or seconds is minutes, in a time; ``[h]:mm`` is a
    duration. Text in quotes, escaped characters and ``[...]`` codes show no date.
    """
    if _ELAPSED.search(code):
        return False
    bare = _QUOTED.sub("", code).lower()
    return (
        "d" in bare or "y" in bare or ("m" in bare and not ("h" in bare or "s" in bare))
    )


def _date_styles(package: _Package, part: str | None) -> list[bool]:
    """Whether each cell style (by index) shows a number as a date."""
    if part is None or part not in package.names:
        return []
    custom: dict[int, bool] = {}
    styles: list[bool] = []
    for element in package.parse(part):
        tag = element.tag
        if tag == f"{{{_MAIN}}}numFmt":
            custom[int(element.get("numFmtId", "0"))] = _is_date_format(
                element.get("formatCode", "")
            )
        elif tag == f"{{{_MAIN}}}cellXfs":
            for xf in element.iter(f"{{{_MAIN}}}xf"):
                number = int(xf.get("numFmtId", "0"))
                styles.append(custom.get(number, number in _DATE_FORMAT_IDS))
    return styles


class _SheetReader:
    """Reads a sheet's cells, keeping what the fill needs."""

    def __init__(
        self,
        package: _Package,
        strings: list[str],
        dates: list[bool],
        date1904: bool,  # noqa: FBT001
        max_rows: int,
    ) -> None:
        self.package = package
        self.strings = strings
        self.dates = dates
        self.epoch = EXCEL_1904_EPOCH if date1904 else EXCEL_1900_EPOCH
        self.date1904 = date1904
        self.max_rows = max_rows
        self.rows: list[list[object]] = []
        self.last_column = 0
        self.styles: dict[tuple[int, int], str] = {}
        self.merged: list[tuple[int, int, int, int]] = []

    def read(self, part: str) -> None:
        text, _ = self.package.text(part)
        row_number = 0
        for row in _ROW.finditer(text):
            given = _ROW_NUMBER.search(row[2])
            row_number = int(given[1]) if given else row_number + 1
            if row_number > self.max_rows + 1:
                raise _bad(
                    self.package.path,
                    f"has more than {self.max_rows:,} rows; raise the limit with "
                    "--max-rows if the file is right",
                )
            column = 0
            for cell in _CELL.finditer(row[4] or ""):
                column = self._cell(cell[1], cell[2], row_number, column)
        for merged in _MERGE.finditer(text):
            self._merge(merged[1])

    def _merge(self, ref: str) -> None:
        first, _, last = ref.partition(":")
        a, b = _CELL_REF.fullmatch(first), _CELL_REF.fullmatch(last or first)
        if a and b:
            self.merged.append(
                (int(a[2]), _column_number(a[1]), int(b[2]), _column_number(b[1]))
            )

    def _cell(
        self, attributes: str, content: str | None, row_number: int, previous: int
    ) -> int:
        found = (
            dict(_ATTRIBUTE.findall(attributes))
            if "'" not in attributes
            else {k: a or b for k, a, b in _ATTRIBUTE_QUOTED.findall(attributes)}
        )
        match = _CELL_REF.fullmatch(found.get("r", ""))
        column = _column_number(match[1]) if match else previous + 1
        self.last_column = max(self.last_column, column)
        style = found.get("s", "0")
        if row_number <= _STYLED_ROWS:
            self.styles[row_number, column] = style
        if content:
            value = self._value(found.get("t", "n"), content, style)
            if value is not None:
                rows = self.rows
                while len(rows) < row_number:
                    rows.append([])
                row = rows[row_number - 1]
                if len(row) < column:
                    row.extend([None] * (column - len(row)))
                row[column - 1] = value
        return column

    def _value(self, kind: str, content: str, style: str) -> object:  # noqa: PLR0911
        found = _VALUE.search(content)
        if found is None:
            if kind == "inlineStr":
                runs = _PHONETIC.sub("", content)  # a reading, not the text
                return "".join(_unescape(t or "") for t in _TEXT.findall(runs))
            formula = _FORMULA.search(content)
            if formula is not None:
                return FormulaWithoutValue(_unescape(formula[1] or ""))
            return None
        text = found[1]
        if kind == "s":
            index = int(text)
            return self.strings[index] if 0 <= index < len(self.strings) else None
        if kind in ("str", "inlineStr", "e"):
            return _unescape(text)
        if kind == "b":
            return text.strip() in ("1", "true")
        if kind == "d":  # a date written out (ISO 8601), as dates are elsewhere
            try:
                moment = datetime.fromisoformat(text.strip())
            except ValueError:
                return text
            return moment if moment.tzinfo is not None else moment.date()
        try:
            number = float(text)
        except ValueError:
            if text.strip():
                return _unescape(text)
            # An empty saved value: a formula's result was never saved.
            formula = _FORMULA.search(content)
            return (
                None
                if formula is None
                else FormulaWithoutValue(_unescape(formula[1] or ""))
            )
        index = int(style) if style.isdigit() else 0
        if index < len(self.dates) and self.dates[index] and math.isfinite(number):
            return self._date(number) or number
        return number

    def _date(self, number: float) -> date | None:
        """The day of serial ``number``, or ``None`` where no day has it."""
        serial = math.floor(number)
        # 9999-12-31 is the last day in either system: 2958465, or 2957003 in 1904.
        last = (date.max - self.epoch).days
        if not 0 < serial <= last or (serial == 60 and not self.date1904):
            return None
        if serial < 60 and not self.date1904:
            serial += 1
        return self.epoch + timedelta(days=serial)


# -- writing --------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class NewColumns:
    """The columns a fill adds to the first sheet.

    Attributes:
        first: The first new column, counted from 1.
        headings: The new columns' headings, in order.
        widths: Their widths, in characters.
        header_row: The heading row.
        heading_style: The style index to give the new headings.
        values: For each row number, the new cells' values (dates, numbers, text
            or ``None``).
        dates: Which of the new columns hold dates.
        highlight: The column (index into ``headings``) whose code marks a row
            overdue or due soon, with the codes for each highlight.
        print_columns: The last column to repeat on every printed page.
    """

    first: int
    headings: tuple[str, ...]
    widths: tuple[float, ...]
    header_row: int
    heading_style: str
    values: Mapping[int, Sequence[object]]
    dates: frozenset[int]
    highlight: tuple[int, tuple[str, ...], tuple[str, ...]] | None
    print_columns: int
    last_row: int


def patch_workbook(
    source: Path, target: Path, sheet: Sheet, new: NewColumns, *, max_bytes: int
) -> None:
    """Write ``target``: ``source`` with the new columns added to its first sheet.

    Every other part of the zip is copied as it is.
    """
    zipped, package = open_package(source, max_bytes)
    with zipped, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        book = _workbook_part(package)
        styles_part = package.related(book, *_STYLES)
        date_style = "0"
        dxf: tuple[str | None, str | None] = (None, None)
        # Each changed part is written back in the encoding it was read in.
        changed: dict[str, bytes] = {}
        if styles_part is not None and styles_part in package.names:
            styles_text, codec = package.text(styles_part)
            styles_text, date_style, dxf = _patch_styles(styles_text)
            changed[styles_part] = _encode(styles_text, codec)
        sheet_text, codec = package.text(sheet.part)
        sheet_text = _patch_sheet(sheet_text, sheet, new, date_style, dxf)
        changed[sheet.part] = _encode(sheet_text, codec)
        book_text, codec = package.text(book)
        changed[book] = _encode(_patch_book(book_text, sheet, new), codec)
        for info in zipped.infolist():
            data = changed.get(info.filename)
            if data is None:
                data = package.raw(info.filename)
            copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copy.compress_type = zipfile.ZIP_DEFLATED
            copy.external_attr = info.external_attr
            out.writestr(copy, data)


def _encode(text: str, codec: str) -> bytes:
    # A character the part's encoding lacks (in a cell's error message, say) is
    # written as a character reference, which means the same in XML.
    return text.encode(codec, errors="xmlcharrefreplace")


def _prefix(text: str, root: str) -> str:
    """The namespace prefix the part uses for the main namespace (usually none)."""
    match = re.search(rf"<(\w+:)?{root}\b", text)
    return match[1] or "" if match else ""


def _insert_before(text: str, candidates: Sequence[str], insertion: str) -> str:
    """``insertion`` before the first of ``candidates`` found (tags), else the end."""
    places = [
        match.start()
        for tag in candidates
        if (match := re.search(rf"<{re.escape(tag)}\b", text))
    ]
    at = min(places)
    return text[:at] + insertion + text[at:]


def _insert_after(
    text: str, p: str, preceding: Sequence[str], insertion: str, *, start: int
) -> str:
    """``insertion`` after the last of the ``preceding`` elements, else at ``start``.

    The elements are looked for from ``start`` on. An element's own children can
    share a name with a later element (a data bar's ``extLst``, a cell style's),
    so the place is found from what comes before, by the order of ECMA-376.
    """
    at = start
    for name in preceding:
        for match in re.finditer(rf"</{p}{name}>|<{p}{name}\b[^>]*/>", text[start:]):
            at = max(at, start + match.end())
    return text[:at] + insertion + text[at:]


def _opening_end(text: str, p: str, root: str) -> int:
    """Where the content of the part's root element ``root`` starts."""
    match = re.search(rf"<{p}{root}\b[^>]*>", text)
    if match is None:
        raise ValueError(f"the part has no {root} element")
    return match.end()


# The children of a style sheet, in the order ECMA-376 gives them.
_STYLE_ORDER: Final = (
    "numFmts",
    "fonts",
    "fills",
    "borders",
    "cellStyleXfs",
    "cellXfs",
    "cellStyles",
    "dxfs",
)


def _patch_styles(text: str) -> tuple[str, str, tuple[str | None, str | None]]:
    """Add a dd/mm/yyyy cell style and two highlight formats."""
    p = _prefix(text, "styleSheet")
    ids = [int(n) for n in re.findall(r'numFmtId="(\d+)"', text)]
    number = max([163, *ids]) + 1
    fmt = f'<{p}numFmt numFmtId="{number}" formatCode="dd/mm/yyyy"/>'
    text = _append_counted(text, p, "numFmts", fmt)
    xf = (
        f'<{p}xf numFmtId="{number}" fontId="0" fillId="0" borderId="0" xfId="0" '
        'applyNumberFormat="1"/>'
    )
    before = len(re.findall(rf"<{p}xf\b", _section(text, p, "cellXfs")))
    if not before:
        # Without cell formats, every cell has the default one, index 0: keep it.
        xf = f'<{p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>' + xf
        before = 1
    text = _append_counted(text, p, "cellXfs", xf, added=xf.count(f"<{p}xf "))
    # Excel's own "light red fill with dark red text", and its yellow one.
    red, amber = (
        f'<{p}dxf><{p}font><{p}color rgb="{font}"/></{p}font><{p}fill>'
        f'<{p}patternFill><{p}bgColor rgb="{fill}"/></{p}patternFill></{p}fill>'
        f"</{p}dxf>"
        for font, fill in (("FF9C0006", "FFFFC7CE"), ("FF9C5700", "FFFFEB9C"))
    )
    dxfs = len(re.findall(rf"<{p}dxf\b", _section(text, p, "dxfs")))
    text = _append_counted(text, p, "dxfs", red + amber, added=2)
    return text, str(before), (str(dxfs), str(dxfs + 1))


def _section(text: str, p: str, name: str) -> str:
    match = re.search(rf"<{p}{name}\b[^>]*?(?:/>|>.*?</{p}{name}>)", text, re.DOTALL)
    return match[0] if match else ""


def _append_counted(text: str, p: str, name: str, items: str, *, added: int = 1) -> str:
    """Add ``items`` at the end of the style sheet's list ``name``, with its count."""
    section = _section(text, p, name)
    if not section:
        block = f'<{p}{name} count="{added}">{items}</{p}{name}>'
        preceding = _before(_STYLE_ORDER, name)
        start = _opening_end(text, p, "styleSheet")
        return _insert_after(text, p, preceding, block, start=start)
    item = "xf" if name == "cellXfs" else name[:-1]
    count = len(re.findall(rf"<{p}{item}\b", section)) + added
    opening = re.match(rf"<{p}{name}\b([^>]*?)(/?)>", section)
    assert opening is not None
    attributes = re.sub(r'\s*count="\d*"', "", opening[1])
    head = f'<{p}{name}{attributes} count="{count}">'
    body = "" if opening[2] else section[opening.end() : -len(f"</{p}{name}>")]
    return text.replace(section, f"{head}{body}{items}</{p}{name}>", 1)


def _xml_text(value: str) -> str:
    return escape(_ILLEGAL_XML.sub("", value)[:32_767])


def _cells(
    p: str,
    row: int,
    values: Sequence[object],
    *,
    new: NewColumns,
    date_style: str,
    date1904: bool,
) -> str:
    parts = []
    for offset, value in enumerate(values):
        if value is None:
            continue
        ref = f"{column_letters(new.first + offset)}{row}"
        if isinstance(value, date):
            serial = to_serial(value, date1904=date1904)
            parts.append(
                f'<{p}c r="{ref}" s="{date_style}"><{p}v>{serial}</{p}v></{p}c>'
            )
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            parts.append(f'<{p}c r="{ref}"><{p}v>{value}</{p}v></{p}c>')
        else:
            text = _xml_text(str(value))
            space = ' xml:space="preserve"' if text != text.strip() else ""
            parts.append(
                f'<{p}c r="{ref}" t="inlineStr"><{p}is><{p}t{space}>{text}</{p}t>'
                f"</{p}is></{p}c>"
            )
    return "".join(parts)


_SPANS: Final = re.compile(r"""\s*\bspans=(?:"[^"]*"|'[^']*')""")


def _patch_sheet(
    text: str,
    sheet: Sheet,
    new: NewColumns,
    date_style: str,
    dxf: tuple[str | None, str | None],
) -> str:
    p = _prefix(text, "worksheet")
    last_column = new.first + len(new.headings) - 1
    last = column_letters(last_column)
    rows = {new.header_row: list(new.headings), **new.values}
    counter = [0]

    def row(match: re.Match[str]) -> str:
        attributes = match[2]
        found = _ROW_NUMBER.search(attributes)
        number = int(found[1]) if found else counter[0] + 1
        counter[0] = number
        values = rows.get(number)
        if values is None:
            return match[0]
        if number == new.header_row:
            cells = "".join(
                f'<{p}c r="{column_letters(new.first + n)}{number}" '
                f'{_style(new.heading_style)}t="inlineStr"><{p}is><{p}t>'
                f"{_xml_text(h)}</{p}t></{p}is></{p}c>"
                for n, h in enumerate(new.headings)
            )
        else:
            cells = _cells(
                p,
                number,
                values,
                new=new,
                date_style=date_style,
                date1904=sheet.date1904,
            )
        attributes = _SPANS.sub("", attributes)
        return f"<{p}row{attributes}>{match[4] or ''}{cells}</{p}row>"

    head, sep, rest = text.partition(f"<{p}sheetData")
    if not sep:
        raise ValueError("the sheet has no sheetData")
    data_end = rest.find(f"</{p}sheetData>")
    if data_end < 0:  # an empty, self-closed sheetData
        raise ValueError("the sheet has no rows")
    body = _ROW.sub(row, rest[:data_end])
    # What comes before the rows and after them is small: edit each on its own.
    head = re.sub(
        rf'(<{p}dimension\b[^>]*\bref=")[A-Z]*(\d*)(?::[A-Z]+(\d+))?"',
        lambda m: f'{m[1]}A1:{last}{max(int(m[3] or m[2] or 1), new.last_row)}"',
        head,
        count=1,
    )
    head = _patch_cols(head + sep, p, new)[: -len(sep)]
    tail = _add_formatting(rest[data_end:], p, sheet=sheet, new=new, last=last, dxf=dxf)
    return head + sep + body + _break_before(tail, p, new.first)


def _style(index: str) -> str:
    return f's="{index}" ' if index and index != "0" else ""


_COL: Final = re.compile(r"""\b(min|max)=["'](\d+)["']""")


def _patch_cols(text: str, p: str, new: NewColumns) -> str:
    """Set the new columns' widths, taking them out of any range that held them.

    Excel wants the ranges in order and apart: a range over the new columns is
    cut around them, keeping what it says for the columns on either side.
    """
    first, last = new.first, new.first + len(new.widths) - 1
    ranges = [
        (
            new.first + n,
            f'<{p}col min="{new.first + n}" max="{new.first + n}" '
            f'width="{width:.1f}" customWidth="1"/>',
        )
        for n, width in enumerate(new.widths)
    ]
    section = _section(text, p, "cols")
    if not section:
        ours = "".join(element for _, element in ranges)
        return _insert_before(text, (f"{p}sheetData",), f"<{p}cols>{ours}</{p}cols>")

    def part(element: str, low: int, high: int) -> tuple[int, str]:
        bounds = {"min": low, "max": high}
        return low, _COL.sub(lambda m: f'{m[1]}="{bounds[m[1]]}"', element)

    for element in re.findall(rf"<{p}col\b[^>]*?(?:/>|>\s*</{p}col>)", section):
        bounds = dict(_COL.findall(element))
        low, high = int(bounds.get("min", 0)), int(bounds.get("max", 0))
        if high < first or low > last:
            ranges.append((low, element))
            continue
        if low < first:
            ranges.append(part(element, low, first - 1))
        if high > last:
            ranges.append(part(element, last + 1, high))
    ranges.sort(key=lambda item: item[0])
    opening = re.match(rf"<{p}cols\b[^>]*?(?=/?>)", section)
    assert opening is not None
    body = "".join(element for _, element in ranges)
    return text.replace(section, f"{opening[0]}>{body}</{p}cols>", 1)


# The children of a worksheet after its rows, as far as the fill adds any, in the
# order ECMA-376 gives them.
_SHEET_ORDER: Final = (
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
)


def _before(order: tuple[str, ...], name: str) -> tuple[str, ...]:
    """The elements that come before ``name`` in ``order``."""
    return order[: order.index(name)]


# A cell reference with a relative column (J2, J$2), not part of a name or a
# function (LOG10), in a formula whose text and sheet names are taken out.
_RELATIVE_COLUMN: Final = re.compile(r"(?<![$A-Za-z_.\d])[A-Z]{1,3}\$?\d+(?![\w(.])")
_FORMULA_TEXT: Final = re.compile(r'"[^"]*"|\'[^\']*\'')
_SQREF_RANGE: Final = re.compile(r"([A-Z]+)(\d*)(?::([A-Z]+)(\d*))?")


def _by_row(formula: str) -> bool:
    """Whether a rule's formula reads each row's cells by fixed columns only."""
    bare = _FORMULA_TEXT.sub("", _unescape(formula))
    return _RELATIVE_COLUMN.search(bare) is None


def _add_formatting(
    text: str,
    p: str,
    *,
    sheet: Sheet,
    new: NewColumns,
    last: str,
    dxf: tuple[str | None, str | None],
) -> str:
    """Extend whole-row highlighting over the new columns, and add our own.

    ``text`` is the sheet from the end of its rows on.
    """
    priorities = [int(n) for n in re.findall(r'\bpriority="(\d+)"', text)]
    last_number = _column_number(last)

    def extend(match: re.Match[str]) -> str:
        block = match[0]
        rules = re.findall(rf"<{p}formula>(.*?)</{p}formula>", block, re.DOTALL)
        if not rules or re.search(r'type="(?!expression)', block):
            return block
        if not all(_by_row(rule) for rule in rules):
            return block  # a rule with relative columns means cell by cell
        ranges = match[1].split()
        extra = []
        for item in ranges:
            found = _SQREF_RANGE.fullmatch(item)
            if not found:
                return block
            # Cells (A2:L100, A2) or whole columns (A:L); nothing else.
            top, bottom = found[2], found[4] if found[3] else found[2]
            if bool(top) != bool(bottom) or not (top or found[3]):
                return block
            low, high = _column_number(found[1]), _column_number(found[3] or found[1])
            start = max(new.first, high + 1)  # a range may hold some already
            if low == 1 and high >= sheet.last_column - 1 and start <= last_number:
                extra.append(f"{column_letters(start)}{top}:{last}{bottom}")
        if not extra:
            return block
        return block.replace(match[1], " ".join([*ranges, *extra]), 1)

    text = re.sub(
        rf'<{p}conditionalFormatting\b[^>]*?sqref="([^"]+)"[^>]*>.*?</{p}conditionalFormatting>',
        extend,
        text,
        flags=re.DOTALL,
    )
    if new.highlight is None or dxf[0] is None:
        return text
    index, overdue, soon = new.highlight
    code = f"${column_letters(new.first + index)}{new.header_row + 1}"
    bottom = max(new.last_row, new.header_row + 1)
    area = f"{column_letters(new.first)}{new.header_row + 1}:{last}{bottom}"
    top = max([0, *priorities])

    def rule(dxf_id: str, codes: Sequence[str], priority: int) -> str:
        test = ",".join(f'{code}="{c}"' for c in codes)
        return (
            f'<{p}cfRule type="expression" dxfId="{dxf_id}" priority="{priority}">'
            f"<{p}formula>{escape(f'OR({test})')}</{p}formula></{p}cfRule>"
        )

    assert dxf[1] is not None
    block = (
        f'<{p}conditionalFormatting sqref="{area}">'
        + rule(dxf[0], overdue, top + 1)
        + rule(dxf[1], soon, top + 2)
        + f"</{p}conditionalFormatting>"
    )
    # ``text`` starts with the end of the rows, </sheetData>.
    start = len(f"</{p}sheetData>")
    # After the tracker's own conditional formatting too: ours comes last.
    preceding = (
        *_before(_SHEET_ORDER, "conditionalFormatting"),
        "conditionalFormatting",
    )
    return _insert_after(text, p, preceding, block, start=start)


def _break_before(text: str, p: str, column: int) -> str:
    """Start a printed page at ``column`` (from 1), so the new columns print together.

    ``text`` is the sheet from the end of its rows on. The tracker's own page
    breaks are kept.
    """
    brk = f'<{p}brk id="{column - 1}" max="1048575" man="1"/>'
    section = _section(text, p, "colBreaks")
    if not section:
        block = f'<{p}colBreaks count="1" manualBreakCount="1">{brk}</{p}colBreaks>'
        start = len(f"</{p}sheetData>")
        return _insert_after(
            text, p, _before(_SHEET_ORDER, "colBreaks"), block, start=start
        )
    if re.search(rf'<{p}brk\b[^>]*\bid=["\']{column - 1}["\']', section):
        return text
    count = len(re.findall(rf"<{p}brk\b", section)) + 1
    manual = len(re.findall(rf"<{p}brk\b[^>]*\bman=[\"']1", section)) + 1
    opening = re.match(rf"<{p}colBreaks\b[^>]*?(/?)>", section)
    assert opening is not None
    body = "" if opening[1] else section[opening.end() : -len(f"</{p}colBreaks>")]
    patched = (
        f'<{p}colBreaks count="{count}" manualBreakCount="{manual}">{body}{brk}'
        f"</{p}colBreaks>"
    )
    return text.replace(section, patched, 1)


# What may come before the defined names in a workbook (ECMA-376 order).
_BEFORE_NAMES: Final = (
    "fileVersion",
    "fileSharing",
    "workbookPr",
    "workbookProtection",
    "bookViews",
    "sheets",
    "functionGroups",
    "externalReferences",
)
_DEFINED_NAME: Final = re.compile(r"<(?:\w+:)?definedName\b([^>]*)>")


def _has_print_titles(text: str) -> bool:
    """Whether the workbook already names print titles for its first sheet."""
    for match in _DEFINED_NAME.finditer(text):
        attributes = dict(
            re.findall(r"""\b(name|localSheetId)=["']([^"']*)""", match[1])
        )
        if attributes.get("name", "").lower() == "_xlnm.print_titles" and (
            attributes.get("localSheetId") == "0"
        ):
            return True
    return False


def _patch_book(text: str, sheet: Sheet, new: NewColumns) -> str:
    """Repeat the first columns and the heading row on every printed page."""
    p = _prefix(text, "workbook")
    if _has_print_titles(text):
        return text
    name = "'" + sheet.name.replace("'", "''") + "'"
    titles = (
        f"{name}!$A:${column_letters(new.print_columns)},"
        f"{name}!${new.header_row}:${new.header_row}"
    )
    element = (
        f'<{p}definedName name="_xlnm.Print_Titles" localSheetId="0">'
        f"{escape(titles)}</{p}definedName>"
    )
    if re.search(rf"<{p}definedNames\b[^>]*/>", text):
        return re.sub(
            rf"<{p}definedNames\b[^>]*/>",
            f"<{p}definedNames>{element}</{p}definedNames>",
            text,
            count=1,
        )
    if f"</{p}definedNames>" in text:
        return text.replace(f"</{p}definedNames>", element + f"</{p}definedNames>", 1)
    block = f"<{p}definedNames>{element}</{p}definedNames>"
    start = _opening_end(text, p, "workbook")
    return _insert_after(text, p, _BEFORE_NAMES, block, start=start)
