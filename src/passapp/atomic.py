"""Files written whole or not at all: requests, packages, trust lists, PDFs and bundles.

A temporary file next to the target is written, flushed to disk, renamed over the target
and the rename itself made durable. A failure, a crash or a pulled USB stick leaves the old
file or none, never half a file that could later be taken for a whole one.

Only a regular file (or nothing) is ever replaced: renaming over ``/dev/null``, a FIFO or a
folder would destroy it or fail half-way, so such targets are refused before anything is
written.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from passapp.domain.errors import InputError


def check_output_path(path: Path | str) -> Path:
    """The absolute path to write, or :class:`InputError` if it cannot be a file of ours."""
    if not str(path).strip():
        raise InputError("no output file given", "Keine Ausgabedatei angegeben.")
    target = Path(path).expanduser().absolute()
    try:
        mode = target.stat().st_mode
    except OSError:
        # Nothing there yet; or a path below a regular file, which fails as an OSError when
        # written, as a full or removed stick does, and callers report both alike.
        return target
    if stat.S_ISDIR(mode):
        raise InputError(
            f"{target} is a folder; give a file name",
            f"{target} ist ein Ordner; bitte einen Dateinamen angeben.",
        )
    if not stat.S_ISREG(mode):
        raise InputError(
            f"{target} is not a regular file (device, pipe or socket)",
            f"{target} ist keine gewöhnliche Datei und wird nicht überschrieben.",
        )
    return target


@contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    """A binary stream whose content becomes ``path`` when the block ends without error."""
    path = check_output_path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


def fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open folders this way.
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
