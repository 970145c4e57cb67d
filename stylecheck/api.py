"""The one lint path, and the Python API on top of it.

`lint_source` is what every front end calls to lint one text: the CLI (for each file, in
`parallel`), `--fix` (for each round), the language server (for each editor buffer) and
`stylecheck.check()`. It takes the compiled rules for the configuration from the cache
(`rulecache.linter_for`) and runs the engine.
"""
from __future__ import annotations

import os
from collections.abc import Mapping

from .config import Config, ConfigFinder, config_from_mapping, load_config
from .diagnostic import Diagnostic, FileResult
from .rulecache import linter_for
from .source import Source

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any


def lint_source(source: Source, config: Config, fmt: str | None = None) -> FileResult:
    """Lint one decoded text under `config` (`fmt` "markdown" or "text"; default: by its path)."""
    return linter_for(config).lint_source(source, fmt)


def resolve_config(config: Any, path: str | None) -> Config:
    if isinstance(config, Config):
        return config
    if isinstance(config, Mapping):
        return config_from_mapping(dict(config))
    if isinstance(config, (str, os.PathLike)):
        return load_config(os.fspath(config))
    if config is None:
        if path:
            return ConfigFinder().for_path(path)
        return Config()
    raise TypeError(f"config must be a Config, a mapping or a path, not {type(config).__name__}")


def check(text: str, path: str | None = None, config: Any = None) -> list[Diagnostic]:
    """Lint `text` and return its diagnostics, sorted by position (see `stylecheck.check`)."""
    return lint_source(Source.from_text(text, path or "<text>"), resolve_config(config, path)).diagnostics
