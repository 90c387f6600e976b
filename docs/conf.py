"""Sphinx configuration for the foi_deadlines documentation."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "_ext"))
sys.path.insert(0, str(HERE.parent))

project = "foi_deadlines"
author = "The foi_deadlines contributors"
copyright = "2026, The foi_deadlines contributors"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "foi_tables",
    "foi_timeline",
    "foi_month",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build", "conftest.py"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

# No intersphinx: the docs build offline. Names from other packages stay unlinked.
nitpicky = True
nitpick_ignore_regex = [
    (
        "py:class",
        r"(datetime|holidays|attrs?|numpy|np|npt|os|collections|typing|enum|pathlib)\..*",
    ),
    ("py:class", r"(date|datetime|timedelta|tzinfo|Division|HolidayData|Final|Any)"),
    (
        "py:class",
        r"(NDArray|np\.datetime64|np\.int64|PathLike|Iterable|Mapping|ClassVar)",
    ),
    ("py:obj", r"(foi_deadlines|datetime)\..*\.(__init__|__str__)"),
]

html_theme = "furo"
html_title = "foi_deadlines"
