"""Draw the filled council tracker for the docs, as LibreOffice prints it.

Builds the council-style tracker of the tests (title row, styled headings, the
wordings and date forms officers use), fills it with no options, prints the
filled copy to PDF with headless LibreOffice, and turns the page that holds the
new columns into ``docs/_static/filled-tracker.png`` with ``pdftoppm``
(poppler-utils). It also writes the fill's report to
``docs/_static/filled-tracker.txt``. Run it again whenever the fill's output
changes:

    python scripts/make_tracker_picture.py
"""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from foi_deadlines import cli  # noqa: E402
from tests.trackers import council_tracker  # noqa: E402

STATIC = ROOT / "docs" / "_static"
AS_OF = date(2025, 1, 6)


def main() -> int:
    for tool in ("soffice", "pdftoppm", "pdftotext"):
        if shutil.which(tool) is None:
            print(f"{tool} is needed: install libreoffice-calc-nogui and poppler-utils")
            return 1
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        source = folder / "foi-log.xlsx"
        council_tracker(source)
        filled = folder / "foi-log-filled.xlsx"
        report = io.StringIO()
        with contextlib.redirect_stdout(report):
            status = cli.main(
                ["batch", str(source), "-o", str(filled), "--as-of", AS_OF.isoformat()]
            )
        if status:
            print(report.getvalue())
            return status
        text = report.getvalue().replace(str(filled), filled.name)
        (STATIC / "filled-tracker.txt").write_text(text, encoding="utf-8")
        profile = (folder / "profile").as_uri()
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder),
                str(filled),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        pdf = filled.with_suffix(".pdf")
        page = _page_with(pdf, "Response due")
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "80",
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                "-W",
                "900",
                "-H",
                "420",
                str(pdf),
                str(STATIC / "filled-tracker"),
            ],
            check=True,
            timeout=60,
        )
    print(f"wrote {STATIC / 'filled-tracker.png'} (page {page}) and the report")
    return 0


def _page_with(pdf: Path, text: str) -> int:
    page = 1
    while True:
        found = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        )
        if text in found.stdout:
            return page
        if not found.stdout.strip():
            message = f"no page of {pdf.name} shows {text!r}"
            raise SystemExit(message)
        page += 1


if __name__ == "__main__":
    raise SystemExit(main())
