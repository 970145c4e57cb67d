"""Writing files without ever leaving one half-written: a temporary file, then os.replace."""
from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable

# TEST-ONLY: when set to a number of seconds, atomic_write_bytes announces on stderr that the
# temporary file is complete and sleeps that long before the replace, so a test can kill the
# process at exactly that point and show the original file intact. Never set it in real use.
PAUSE_BEFORE_REPLACE_ENV = "STYLECHECK_TEST_PAUSE_BEFORE_REPLACE"


def atomic_write_bytes(
    path: str,
    data: bytes,
    mode: int | None = None,
    before_replace: Callable[[], None] | None = None,
    owner: tuple[int, int] | None = None,
) -> None:
    """Write `data` to a temporary file beside `path`, fsync it, then os.replace it over `path`.

    `before_replace` runs just before the replace; if it raises, the temporary file is removed and
    `path` is left as it was. `owner` (uid, gid) is given to the new file where we may do so.
    """
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".stylecheck-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        if owner is not None and hasattr(os, "chown"):
            try:
                os.chown(tmp, *owner)
            except OSError:
                pass  # only root may give a file away; the mode is kept either way
        pause = _test_pause()
        if pause:
            sys.stderr.write(f"stylecheck: test pause before replacing {path} with {tmp}\n")
            sys.stderr.flush()
            time.sleep(pause)
        if before_replace is not None:
            before_replace()
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_directory(directory)


def _test_pause() -> float:
    try:
        return max(0.0, float(os.environ.get(PAUSE_BEFORE_REPLACE_ENV) or 0))
    except ValueError:
        return 0.0


def _fsync_directory(directory: str) -> None:
    """Make the rename itself durable (best effort: not every platform can open a folder)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write_text(path: str, text: str, encoding: str = "utf-8") -> None:
    """Write text atomically, keeping an existing file's mode; a new file follows the umask
    (mkstemp alone would leave it readable by its owner only)."""
    try:
        mode = os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    atomic_write_bytes(path, text.encode(encoding), mode)
