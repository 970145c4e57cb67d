"""stylecheck: an editorial style and consistency linter for news copy.

The public API is small and stable:

    >>> from stylecheck import check
    >>> [d.rule for d in check("We saw the the dog.")]
    ['House.DoubledWord']

Heavy modules are imported lazily so that `import stylecheck` stays cheap.
"""
from __future__ import annotations

from .version import __version__

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any
    from .diagnostic import Diagnostic

__all__ = ["check", "__version__"]


def check(text: str, path: str | None = None, config: Any = None) -> "list[Diagnostic]":
    """Lint `text` and return its diagnostics, sorted by position.

    `path` names the document (its suffix picks the format, ".md" for Markdown) and is where
    configuration discovery starts when `config` is None. `config` may be a `Config`, a mapping
    with the keys of `.stylecheck.yaml`, or the path of a config file.
    """
    from .api import check as _check

    return _check(text, path=path, config=config)
