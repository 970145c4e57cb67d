"""Configuration: `.stylecheck.yaml` (or `[tool.stylecheck]` in pyproject.toml), found by walking up.

    preset: ap                    # or british
    styles: [House, ./newsroom]   # bundled style names or folders (default: [House])
    select: [House]               # only these rules or styles
    ignore: [House.SoCalled]
    severity: {House.Abbreviations: error, House.Numbers: off}
    accept: [Zelenskyy, WhatsApp] # names and terms never flagged (regular expressions)
    settings: {percent: "%"}      # house settings over the preset's
    include: ["*.md", "*.txt"]
    exclude: ["drafts/**"]
    fail-level: warning
    overrides:
      - files: ["opinion/**"]
        ignore: [House.Numbers]
        severity: {House.SoCalled: suggestion}

This module finds and reads configuration files (a Vale project's `.vale.ini` through
valeconfig.py); the model itself (`Config`, `RuleSelection`) is in configmodel.py, and is
importable from here too.
"""
from __future__ import annotations

import os

from .configmodel import (  # noqa: F401 - the model, importable from here
    CONFIG_NAMES,
    DEFAULT_EXCLUDE,
    DEFAULT_INCLUDE,
    VALE_CONFIG_NAMES,
    Config,
    ConfigError,
    Override,
    RuleSelection,
    config_from_mapping,
    first_file,
    matches_files,
    selection_for,
)
from .defaults import PRESETS  # noqa: F401
from .yamlload import MAX_RULE_BYTES, YamlError, load_yaml_file


def load_config(path: str) -> Config:
    """Load a config file: `.stylecheck.yaml`, a pyproject.toml, or (see vale.py) a `.vale.ini`."""
    name = os.path.basename(path)
    if name.endswith(".ini") or name in VALE_CONFIG_NAMES:  # Vale also reads `.vale` and `_vale`
        from .valeconfig import load_vale_ini

        return load_vale_ini(path)
    if name.endswith(".toml"):
        data = _pyproject_table(path)
        if data is None:
            raise ConfigError(path, None, "no [tool.stylecheck] table")
        return config_from_mapping(data, path)
    if not os.path.isfile(path):
        raise ConfigError(path, None, "no such config file")
    try:
        data = load_yaml_file(path, MAX_RULE_BYTES)
    except YamlError as exc:
        raise ConfigError(exc.path, exc.line, exc.message) from None
    return config_from_mapping(data, path)


def _pyproject_table(path: str) -> dict | None:
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_RULE_BYTES + 1)
    except OSError as exc:
        raise ConfigError(path, None, exc.strerror or str(exc)) from None
    if b"stylecheck" not in raw:
        # Most projects' pyproject.toml is not ours: skip parsing it (tomllib's import, with
        # typing and datetime, costs more than linting an article).
        return None
    import re
    import tomllib

    from .yamlload import MarkedDict

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(path, None, f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})") from None
    except RecursionError:
        raise ConfigError(path, None, "invalid TOML: nested too deeply") from None
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column \d+\)$", str(exc))
        message = str(exc)[: where.start()].rstrip() if where else str(exc)
        raise ConfigError(path, int(where.group(1)) if where else None, f"invalid TOML: {message}") from None
    tool = data.get("tool", {})
    if "stylecheck" not in tool:
        return None
    table = tool["stylecheck"]
    if not isinstance(table, dict):
        raise ConfigError(path, None, "'tool.stylecheck' must be a table ([tool.stylecheck])")
    # Remember the line of each key, so that errors point at it as they do for YAML.
    marked = MarkedDict(table)
    marked.lines, marked.line = _toml_key_lines(raw.decode("utf-8"))
    return marked


def _toml_key_lines(text: str) -> tuple[dict[str, int], int]:
    """The 1-based line of each key of [tool.stylecheck], and of its header (0 when inline)."""
    import re

    lines: dict[str, int] = {}
    header = 0
    inside = False
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("["):
            inside = bool(re.match(r"\[\s*tool\s*\.\s*stylecheck\s*\]", stripped))
            header = number if inside else header
            continue
        key = re.match(r"""["']?([A-Za-z0-9_-]+)["']?\s*=""", stripped)
        if inside and key:
            lines.setdefault(key.group(1), number)
    return lines, header


class ConfigFinder:
    """Finds the config that governs a file by walking up from its folder; caches per folder."""

    def __init__(self, default: Config | None = None) -> None:
        self.default = default or Config()
        self._by_dir: dict[str, Config] = {}
        self._loaded: dict[str, Config] = {}

    def for_path(self, path: str) -> Config:
        directory = os.path.dirname(os.path.abspath(path)) if path not in ("-", "<stdin>") else os.getcwd()
        return self.for_dir(directory)

    def for_dir(self, directory: str) -> Config:
        if directory in self._by_dir:
            return self._by_dir[directory]
        found = first_file(directory, CONFIG_NAMES)
        if found is None:
            pyproject = os.path.join(directory, "pyproject.toml")
            if os.path.isfile(pyproject) and _pyproject_table(pyproject) is not None:
                found = pyproject
        if found is None:
            # A Vale project: its `.vale.ini` governs the folder when no stylecheck config does.
            found = first_file(directory, VALE_CONFIG_NAMES)
        if found is not None:
            if found not in self._loaded:
                self._loaded[found] = load_config(found)
            config = self._loaded[found]
        else:
            parent = os.path.dirname(directory)
            config = self.default if parent == directory else self.for_dir(parent)
        self._by_dir[directory] = config
        return config
