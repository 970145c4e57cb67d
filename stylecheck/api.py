"""The Python API behind `stylecheck.check`, shared by the CLI and the language server."""
from __future__ import annotations

import os
from collections.abc import Mapping

from .config import Config, ConfigFinder, config_from_mapping, load_config
from .diagnostic import Diagnostic
from .engine import linter_for
from .source import Source

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any


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
    linter = linter_for(resolve_config(config, path))
    return linter.lint_source(Source.from_text(text, path or "<text>")).diagnostics
