"""Run the command line: ``python -m foi_deadlines``."""

import sys

from foi_deadlines.cli import main

sys.exit(main())
