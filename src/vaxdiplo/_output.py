"""Writing an output file safely: never over an input, never half-written.

:func:`check_output` refuses an output path that is an input or lies inside an input
folder (symbolic links resolved) before anything is opened; :func:`atomic_output`
writes to a temporary file in the output's folder and renames it into place only
when everything was written, so an interrupted run leaves any earlier output intact.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from vaxdiplo.errors import Errors, VaxdiploError

__all__ = ["atomic_output", "check_output"]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def check_output(output: str | Path, inputs: Iterable[str | Path]) -> Path:
    """The resolved output path, after checking that writing it destroys no input.

    Args:
        output: The output path as given.
        inputs: The input paths as given (files or folders).

    Returns:
        ``output`` with symbolic links resolved: the file that will be replaced.

    Raises:
        VaxdiploError: ``output`` resolves to an input, lies inside an input folder
            (E009), or is a folder (E010).
    """
    target = Path(output).resolve()
    for raw in inputs:
        source = Path(raw).resolve()
        if target == source or source in target.parents or _same_file(target, source):
            raise VaxdiploError(Errors.E009.format(output=output, input=raw))
    if target.is_dir():
        raise VaxdiploError(Errors.E010.format(output=output, reason="it is a folder"))
    return target


def _file_mode(target: Path) -> int:
    """The mode a newly created file gets (or the mode of the file replaced)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def atomic_output(target: Path) -> Iterator[TextIO]:
    """A text handle on a temporary file beside ``target``, renamed onto it on success.

    Args:
        target: The file to write (see :func:`check_output`).

    Yields:
        The UTF-8 handle to write to. When the block raises, the temporary file is
        removed and ``target`` is left as it was.

    Raises:
        VaxdiploError: The temporary file cannot be created or renamed (E010).
    """
    try:
        handle = tempfile.NamedTemporaryFile(
            "w",
            encoding="utf-8",
            dir=target.parent,
            prefix=f".{target.name}.",
            suffix=".tmp",
            delete=False,
        )
    except OSError as err:
        raise VaxdiploError(Errors.E010.format(output=target, reason=err.strerror or err)) from err
    tmp = Path(handle.name)
    try:
        with handle:
            yield handle
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    try:
        os.chmod(tmp, _file_mode(target))
        os.replace(tmp, target)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise VaxdiploError(Errors.E010.format(output=target, reason=err.strerror or err)) from err
