"""The configuration model: what decides which rules run and how, and the selection per file.

A `Config` is built from a mapping (`config_from_mapping`: the keys of `.stylecheck.yaml`) or from a
`.vale.ini` (valeconfig.py); finding and reading config files is config.py's job, a layer up.
"""
from __future__ import annotations

from .errors import UserError, did_you_mean

import fnmatch
import os

from .defaults import DEFAULT_PRESET, DEFAULT_TIME_BUDGET, PRESETS
from .diagnostic import SEVERITIES
from .record import Record
from .rulenames import names_rule
from .yamlload import line_of

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

CONFIG_NAMES = (".stylecheck.yaml", ".stylecheck.yml")
# Vale's own names, in its search order. Kept here rather than in vale.py so that looking for
# configuration files never imports the Vale reader.
VALE_CONFIG_NAMES = (".vale.ini", "_vale.ini", "vale.ini", ".vale", "_vale")
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown")
DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".bzr", "_darcs", "node_modules", ".venv", "venv", "__pycache__",
    ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".stylecheck_cache",
    "build", "dist", "site-packages", ".pre-commit-cache",
)


class ConfigError(UserError):
    """A configuration that cannot be used."""


class Override(Record):
    """An `overrides:` entry: selection and severities for the files its globs match."""

    __slots__ = ("files", "select", "ignore", "severity")

    def __init__(
        self,
        files: tuple[str, ...],
        select: tuple[str, ...] | None = None,
        ignore: tuple[str, ...] = (),
        severity: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self.files = files
        self.select = select
        self.ignore = ignore
        self.severity = severity


class Config(Record):
    """Everything that decides which rules run and how; hashable, so linters can be cached by it.

    Immutable: every field is a tuple or a scalar, and a changed copy is made with `replace`.
    `time_budget` is the seconds a rule may spend on one file (on each megabyte of a longer one)
    before its scan is stopped; `vale`
    is set when the config is a `.vale.ini`: its per-file sections (a vale.ValeSettings).
    """

    __slots__ = (
        "path", "root", "preset", "styles", "select", "ignore", "severity", "accept", "settings",
        "include", "exclude", "fail_level", "overrides", "time_budget", "vale", "origins",
    )

    def __init__(
        self,
        path: str | None = None,
        root: str = ".",
        preset: str = DEFAULT_PRESET,
        styles: tuple[str, ...] = ("House",),
        select: tuple[str, ...] | None = None,
        ignore: tuple[str, ...] = (),
        severity: tuple[tuple[str, str], ...] = (),
        accept: tuple[str, ...] = (),
        settings: tuple[tuple[str, Any], ...] = (),
        include: tuple[str, ...] = DEFAULT_INCLUDE,
        exclude: tuple[str, ...] = (),
        fail_level: str = "error",
        overrides: tuple[Override, ...] = (),
        time_budget: float = DEFAULT_TIME_BUDGET,
        vale: Any = None,
        origins: tuple[tuple[str, str, int | None], ...] | None = None,
    ) -> None:
        self.path = path
        self.root = root
        self.preset = preset
        self.styles = styles
        self.select = select
        self.ignore = ignore
        self.severity = severity
        self.accept = accept
        self.settings = settings
        self.include = include
        self.exclude = exclude
        self.fail_level = fail_level
        self.overrides = overrides
        self.time_budget = time_budget
        self.vale = vale
        self.origins = origins

    def rule_names(self) -> list[tuple[str, str, int | None]]:
        """Every rule id, style or glob the configuration names, as (key, name, line): the line in
        the config file, when known. The engine checks each against the rules it loads."""
        if self.vale is not None:  # a .vale.ini: Vale's own semantics (an unknown switch is ignored)
            return []
        if self.origins is not None:
            return list(self.origins)
        names = [("select", s, None) for s in self.select or ()]
        names += [("ignore", s, None) for s in self.ignore]
        names += [("severity", s, None) for s, _level in self.severity]
        for override in self.overrides:
            names += [("overrides.select", s, None) for s in override.select or ()]
            names += [("overrides.ignore", s, None) for s in override.ignore]
            names += [("overrides.severity", s, None) for s, _level in override.severity]
        return names

    def with_cli(self, **changes: Any) -> "Config":
        # The rule names the command line adds are checked there (naming the option), not as the
        # config file's: keep the file's own names as they were.
        changes = {k: v for k, v in changes.items() if v is not None}
        if self.origins is None and ("select" in changes or "ignore" in changes):
            changes["origins"] = tuple(self.rule_names())
        return self.replace(**changes)

    def style_paths(self) -> list[str]:
        """The folders to load rules from, in order (later ones override earlier rules)."""
        from .resources import bundled_rules_folder

        bundled = bundled_rules_folder()
        paths = []
        for entry in self.styles:
            if entry.startswith("vale:"):  # a Vale style folder (or Vale's built-ins)
                rest = entry[len("vale:"):]
                if rest != "builtin" and not os.path.isabs(rest):
                    rest = os.path.normpath(os.path.join(self.root, rest))
                paths.append("vale:" + rest)
                continue
            candidate = os.path.join(bundled, entry)
            if "/" not in entry and os.sep not in entry and os.path.isdir(candidate):
                paths.append(candidate)
            else:
                full = entry if os.path.isabs(entry) else os.path.join(self.root, entry)
                paths.append(os.path.normpath(full))
        return paths

    def is_excluded(self, path: str) -> bool:
        if not self.exclude:  # the usual case: no path arithmetic for every file of an archive
            return False
        rel = _relative(path, self.root)
        return any(_glob_match(rel, pattern) for pattern in self.exclude)

    def is_included(self, path: str) -> bool:
        name = os.path.basename(path)
        if any(fnmatch.fnmatch(name, p) for p in self.include):
            return True
        rel = _relative(path, self.root)
        return any(_glob_match(rel, p) for p in self.include)


_KEYS = {
    "preset": str, "styles": list, "select": list, "ignore": list, "severity": dict, "accept": list,
    "settings": dict, "include": list, "exclude": list, "fail-level": str, "overrides": list,
    "time-budget": (int, float),
}
_OVERRIDE_KEYS = {"files": list, "select": list, "ignore": list, "severity": dict}


def _check_keys(data: dict, known: dict, path: str) -> None:
    for key, value in data.items():
        if key not in known:
            raise ConfigError(path, line_of(data, key), f"unknown key {key!r}{did_you_mean(key, known)}")
        expected = known[key]
        if not isinstance(value, expected) or isinstance(value, bool):
            kind = {list: "a list", dict: "a mapping", str: "a string"}.get(expected, "a number")  # type: ignore[call-overload]
            raise ConfigError(path, line_of(data, key), f"{key!r} must be {kind}")


def _severity_map(value: dict, data: dict, path: str) -> tuple[tuple[str, str], ...]:
    for rule, level in value.items():
        if level is False:  # YAML reads a bare `off` as false
            value[rule] = level = "off"
        if level not in (*SEVERITIES, "off"):
            raise ConfigError(
                path, line_of(value, rule) or line_of(data, "severity"),
                f"severity of {rule!r} must be one of {', '.join(SEVERITIES)}, off; not {level!r}",
            )
    return tuple((str(k), str(v)) for k, v in value.items())


def config_from_mapping(data: Any, path: str | None = None, root: str | None = None) -> Config:
    where = path or "<config>"
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(where, None, "configuration must be a mapping of keys to values")
    _check_keys(data, _KEYS, where)
    root = root or (os.path.dirname(os.path.abspath(path)) if path else os.getcwd())
    preset = data.get("preset", DEFAULT_PRESET)
    if preset not in PRESETS:
        raise ConfigError(where, line_of(data, "preset"), f"unknown preset {preset!r} (expected one of: {', '.join(PRESETS)})")
    budget = data.get("time-budget", DEFAULT_TIME_BUDGET)
    if not budget > 0:
        raise ConfigError(where, line_of(data, "time-budget"), f"'time-budget' must be a number of seconds above 0, not {budget!r}")
    fail_level = data.get("fail-level", "error")
    if fail_level not in SEVERITIES:
        raise ConfigError(where, line_of(data, "fail-level"), f"'fail-level' must be one of {', '.join(SEVERITIES)}")
    overrides = []
    for item in data.get("overrides", []):
        if not isinstance(item, dict) or "files" not in item:
            raise ConfigError(where, line_of(data, "overrides"), "each override needs 'files' (a list of globs)")
        _check_keys(item, _OVERRIDE_KEYS, where)
        overrides.append(
            Override(
                files=tuple(map(str, item["files"])),
                select=tuple(map(str, item["select"])) if "select" in item else None,
                ignore=tuple(map(str, item.get("ignore", ()))),
                severity=_severity_map(item.get("severity", {}), item, where),
            )
        )
    origins: list[tuple[str, str, int | None]] = []

    def note(key: str, container: Any, names: Any, prefix: str = "") -> None:
        for name in names:
            line = (line_of(names, name) if isinstance(names, dict) else None) or line_of(container, key)
            origins.append((prefix + key, str(name), line))

    for key in ("select", "ignore", "severity"):
        if key in data:
            note(key, data, data[key])
    for item in data.get("overrides", []):
        for key in ("select", "ignore", "severity"):
            if key in item:
                note(key, item, item[key], "overrides.")
    for term in data.get("accept", []):
        import regex

        try:
            regex.compile(str(term))
        except regex.error as exc:
            raise ConfigError(where, line_of(data, "accept"), f"bad pattern in 'accept': {term!r}: {exc}") from None
    return Config(
        path=path,
        root=root,
        preset=preset,
        styles=tuple(map(str, data.get("styles", ("House",)))),
        select=tuple(map(str, data["select"])) if "select" in data else None,
        ignore=tuple(map(str, data.get("ignore", ()))),
        severity=_severity_map(data.get("severity", {}), data, where),
        accept=tuple(map(str, data.get("accept", ()))),
        settings=tuple(sorted((str(k), _freeze(v)) for k, v in data.get("settings", {}).items())),
        include=tuple(map(str, data.get("include", DEFAULT_INCLUDE))),
        exclude=tuple(map(str, data.get("exclude", ()))),
        fail_level=fail_level,
        overrides=tuple(overrides),
        time_budget=float(budget),
        origins=tuple(origins),
    )


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((str(k), _freeze(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def first_file(directory: str, names: tuple[str, ...]) -> str | None:
    """The first of `names` that is a file in `directory` (a config search, in its order)."""
    for name in names:
        candidate = os.path.join(directory, name)
        if os.path.isfile(candidate):
            return candidate
    return None


def _relative(path: str, root: str) -> str:
    try:
        rel = os.path.relpath(os.path.abspath(path), _absolute_root(root))
    except ValueError:
        return path
    return rel.replace(os.sep, "/")


def _absolute_root(root: str) -> str:
    # A loaded config's root is absolute already: skip abspath's getcwd and normpath.
    return root if os.path.isabs(root) else os.path.abspath(root)


def _glob_match(rel: str, pattern: str) -> bool:
    """gitignore-like globs: `dir/**`, `**/*.md`, a bare name matching any path component."""
    pattern = pattern.rstrip("/")
    if "/" not in pattern:
        return any(fnmatch.fnmatch(part, pattern) for part in rel.split("/"))
    if pattern.startswith("**/"):
        return _glob_match(rel, pattern[3:]) or fnmatch.fnmatch(rel, pattern)
    if pattern.endswith("/**"):
        base = pattern[:-3]
        return rel == base or rel.startswith(base + "/") or fnmatch.fnmatch(rel, pattern)
    return fnmatch.fnmatch(rel, pattern)


def matches_files(path: str, root: str, globs: tuple[str, ...]) -> bool:
    rel = _relative(path, root)
    name = os.path.basename(path)
    return any(_glob_match(rel, g) or fnmatch.fnmatch(name, g) for g in globs)


class RuleSelection(Record):
    """select / ignore / severity, combined; decides per rule id."""

    __slots__ = ("select", "ignore", "severity")
    __hash__ = None  # type: ignore[assignment]  # holds a dict

    def __init__(
        self, select: tuple[str, ...] | None, ignore: tuple[str, ...], severity: dict[str, str] | None = None
    ) -> None:
        self.select = select
        self.ignore = ignore
        self.severity = {} if severity is None else severity

    def enabled(self, rule_id: str) -> bool:
        if self.select is not None and not any(names_rule(s, rule_id) for s in self.select):
            return False
        if any(names_rule(s, rule_id) for s in self.ignore):
            return False
        return self.level(rule_id, "warning") != "off"

    def level(self, rule_id: str, default: str) -> str:
        # The most specific entry wins: a rule id over its style.
        if rule_id in self.severity:
            return self.severity[rule_id]
        style = rule_id.split(".")[0]
        return self.severity.get(style, default)


def selection_for(config: Config, path: str) -> RuleSelection:
    if config.vale is not None:  # a `.vale.ini`: its sections decide, as in Vale (valeconfig.py)
        return config.vale.selection(config, path)
    select = config.select
    ignore = list(config.ignore)
    severity = dict(config.severity)
    for override in config.overrides:
        if matches_files(path, config.root, override.files):
            if override.select is not None:
                select = override.select
            ignore.extend(override.ignore)
            severity.update(override.severity)
    return RuleSelection(select, tuple(ignore), severity)
