"""Errors for users: values with a file, a line and a plain message. Tracebacks are for bugs."""
from __future__ import annotations


class UserError(Exception):
    """Something the user can fix. `str()` is `path:line: message` (or `path: message`)."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line
        self.message = message


def did_you_mean(name: str, known) -> str:
    """' (did you mean 'x'?)' for the nearest known name, or ''."""
    import difflib

    hint = difflib.get_close_matches(str(name), [str(k) for k in known], n=1)
    return f" (did you mean {hint[0]!r}?)" if hint else ""
