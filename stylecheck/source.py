"""Source: one file's bytes, decoded, with the original text, newline style and BOM kept."""
from __future__ import annotations

import os

from .record import Record

BOM = "\ufeff"
_SNIFF_BYTES = 8192
# Editorial copy is kilobytes; a file beyond this is a data dump or a mistake. It is skipped with
# a notice rather than read into memory and held to the per-rule time budget (--max-file-size).
DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024


class SourceError(Exception):
    """A file that cannot be linted. `str()` is a one-line message for users."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class SkippedFile(SourceError):
    """A file left out on purpose for its size: reported as a notice, not a failure. (A binary
    file named for linting is a failure: the run exits 2, as for any file that cannot be read.)"""


class Source(Record):
    """A decoded file. `text` excludes a leading BOM and keeps the newlines exactly as they were.

    Every offset stylecheck reports counts code points into `text`.
    """

    __slots__ = ("path", "text", "bom", "encoding")

    def __init__(self, path: str, text: str, bom: bool = False, encoding: str = "utf-8") -> None:
        self.path = path
        self.text = text
        self.bom = bom
        self.encoding = encoding

    @property
    def newline(self) -> str:
        """The file's dominant newline style ("\\n" when it has none)."""
        crlf = self.text.count("\r\n")
        lf = self.text.count("\n") - crlf
        cr = self.text.count("\r") - crlf
        best = max((crlf, "\r\n"), (lf, "\n"), (cr, "\r"))
        return best[1] if best[0] else "\n"

    @classmethod
    def from_text(cls, text: str, path: str = "<text>") -> "Source":
        bom = text.startswith(BOM)
        return cls(path=path, text=text[1:] if bom else text, bom=bom)


def decode(data: bytes, path: str, encoding: str = "utf-8") -> Source:
    """Decode bytes into a Source, or raise SourceError with a one-line reason."""
    nul = data.find(b"\x00", 0, _SNIFF_BYTES) if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else -1
    if nul >= 0:
        raise SourceError(path, f"binary file (NUL byte at offset {nul}), skipped; for UTF-16 text use --encoding utf-16")
    enc = encoding.lower().replace("_", "-")
    if enc in ("utf-8", "utf8", "utf-8-sig"):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            bad = data[exc.start]
            raise SourceError(
                path, f"not UTF-8 text (byte 0x{bad:02x} at offset {exc.start}); try --encoding latin-1"
            ) from None
        encoding = "utf-8"
    else:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise SourceError(path, f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise SourceError(path, f"not {encoding} text (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    if "\x00" in text:
        raise SourceError(path, f"binary file (NUL character at offset {text.index(chr(0))}), skipped")
    bom = text.startswith(BOM)
    return Source(path=path, text=text[1:] if bom else text, bom=bom, encoding=encoding)


def too_large(path: str, size: int | None, max_bytes: int) -> SkippedFile:
    """`size` is None for a stream (a pipe, a device), whose size is known only to exceed the limit."""
    actual = f" ({_megabytes(size)})" if size is not None else ""
    return SkippedFile(path, f"larger than {_megabytes(max_bytes)}{actual}, skipped; raise the limit with --max-file-size")


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.3g} MB"


def read_source(path: str, encoding: str = "utf-8", max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> Source:
    """Read and decode a file; every OS error becomes a one-line SourceError.

    A file larger than `max_bytes` (0: no limit) is a SkippedFile, found by its size before reading.
    """
    return decode(read_bytes(path, max_bytes), path, encoding)


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> bytes:
    """A file's bytes; every OS error becomes a one-line SourceError, a file over `max_bytes` a
    SkippedFile."""
    return read_file(path, max_bytes)[0]


def read_file(path: str, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> tuple[bytes, os.stat_result]:
    """A file's bytes and its stat as read (what `--fix` checks again before writing); errors as
    `read_bytes`. The one way stylecheck reads a file."""
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if max_bytes and info.st_size > max_bytes:
                raise too_large(path, info.st_size, max_bytes)
            data = handle.read(max_bytes + 1) if max_bytes else handle.read()
    except FileNotFoundError:
        raise SourceError(path, "no such file") from None
    except IsADirectoryError:
        raise SourceError(path, "is a directory") from None
    except PermissionError:
        raise SourceError(path, "permission denied") from None
    except OSError as exc:
        raise SourceError(path, exc.strerror or str(exc)) from None
    except MemoryError:
        raise SourceError(path, "too large to read into memory") from None
    if max_bytes and len(data) > max_bytes:  # a file that grew while it was read, a pipe, a device
        raise too_large(path, None, max_bytes)
    return data, info


def read_stdin(name: str, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> bytes:
    """Standard input's bytes; a closed or unreadable stdin is a one-line SourceError, more than
    `max_bytes` (0: no limit) a SkippedFile."""
    import sys

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # started with stdin closed (`<&-`): Python sets sys.stdin to None
        raise SourceError(name, "cannot read standard input (it is closed)")
    try:
        data = stream.read(max_bytes + 1) if max_bytes else stream.read()
    except (OSError, ValueError) as exc:
        raise SourceError(name, f"cannot read standard input ({getattr(exc, 'strerror', None) or exc})") from None
    if max_bytes and len(data) > max_bytes:
        raise too_large(name, None, max_bytes)
    return data


def display_path(path: str) -> str:
    """The path as users see it: relative to the working directory when it lies below it."""
    if path in ("-", "<stdin>", "<text>") or not os.path.isabs(path):
        return path
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel
