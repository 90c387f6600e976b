"""Writing files safely: through a temporary file, renamed into place when complete.

Shared by the adapters that write files (the tracker fill, the calendar export).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from foi_deadlines.errors import TrackerFileError

__all__ = ["exists_error", "new_file_mode", "write_atomically"]


def exists_error(target: Path) -> TrackerFileError:
    """The error for an output file that exists and may not be replaced."""
    return TrackerFileError(
        str(target),
        "already exists, and is left as it is: choose another name, or replace it "
        "with overwrite=True (--force on the command line)",
    )


def write_atomically(
    target: Path, write: Callable[[Path], None], *, overwrite: bool
) -> None:
    """Write ``target`` through a temporary file beside it, renamed when complete.

    An interruption or an error leaves no file behind, and an existing
    ``target`` is replaced only with ``overwrite``.

    Args:
        target: The file to write.
        write: Writes the whole file to the path it is given.
        overwrite: Whether to replace an existing ``target``.

    Raises:
        TrackerFileError: ``target`` exists and ``overwrite`` is false.
    """
    import tempfile  # noqa: PLC0415 - only when a file is written

    handle, name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".part", dir=target.parent or Path()
    )
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        # mkstemp makes a private file; give it the mode a new file gets here.
        temporary.chmod(new_file_mode())
        if overwrite:
            temporary.replace(target)
            return
        try:
            # A link is made only where no file is: nothing can be overwritten.
            target.hardlink_to(temporary)
        except FileExistsError:
            raise exists_error(target) from None
        except (OSError, NotImplementedError):  # no hard links (shares, Pyodide)
            if target.exists():
                raise exists_error(target) from None
            temporary.replace(target)
    finally:
        temporary.unlink(missing_ok=True)


def new_file_mode() -> int:
    """The permissions ``open(..., "w")`` would give a new file (0o666 less umask)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask
