"""Read a Vale project's `.vale.ini` into a stylecheck Config, and decide per file as Vale does.

    StylesPath = styles
    MinAlertLevel = suggestion
    Vocab = Newsroom

    [*.{md,txt}]
    BasedOnStyles = Vale, proselint
    proselint.Very = NO
    write-good.Passive = error
    TokenIgnores = \\$[^$]+\\$

The `.vale.ini` becomes an ordinary `Config`:

* each style named in a section (or in a `Style.Rule` key) is a `vale:<folder>` entry of
  `Config.styles`, so its rules load through `vale.load_vale_rule` with `vale: true` set (the rule
  types then follow Vale's templates, regex dialect, exceptions and scoring);
* `Config.vale` (a frozen `ValeSettings`) keeps the section globs: which styles and rules run on
  a file is decided by `ValeSettings.selection`, as Vale decides it (the last matching section's
  `BasedOnStyles`; rule switches from every matching section; a file no section matches is
  not linted at all);
* `MinAlertLevel`, `Style.Rule = <level>` and the vocabulary reach the rules through
  `Config.settings` (`vale-min-level`, `vale-levels`, `vale-accept`, `vale-reject`).

Loading Vale's rule files is `vale.py`'s job, a layer up.
"""
from __future__ import annotations

import os
from pathlib import Path

from .configmodel import DEFAULT_INCLUDE, VALE_CONFIG_NAMES, Config, ConfigError, RuleSelection, _freeze, first_file
from .diagnostic import SEVERITY_RANK
from .record import Record
from .valecompat import expand_braces, vale_glob_match

# Keys of `.vale.ini` that are not rule switches.
_CORE_KEYS = {"StylesPath", "MinAlertLevel", "Vocab", "IgnoredScopes", "SkippedScopes", "IgnoredClasses",
              "WordTemplate", "NLPEndpoint", "Packages"}
_SYNTAX_KEYS = {"BasedOnStyles", "BlockIgnores", "TokenIgnores", "IgnorePatterns", "Transform", "Lang"}
BUILTIN = "builtin"


class ValeSection(Record):
    """A `[glob]` section of `.vale.ini`; `styles` is its BasedOnStyles, when the section sets it."""

    __slots__ = ("glob", "styles", "checks", "block_ignores", "token_ignores")

    def __init__(
        self,
        glob: str,
        styles: tuple[str, ...] | None,
        checks: tuple[tuple[str, bool], ...] = (),
        block_ignores: tuple[str, ...] = (),
        token_ignores: tuple[str, ...] = (),
    ) -> None:
        self.glob = glob
        self.styles = styles
        self.checks = checks
        self.block_ignores = block_ignores
        self.token_ignores = token_ignores


class ValeSettings(Record):
    """What `.vale.ini` decides per file (hashable, so a Config holding it can key a cache)."""

    __slots__ = ("path", "styles_path", "min_level", "global_styles", "global_checks", "sections")

    def __init__(
        self,
        path: str,
        styles_path: str,
        min_level: str = "warning",
        global_styles: tuple[str, ...] = (),
        global_checks: tuple[tuple[str, bool], ...] = (),
        sections: tuple[ValeSection, ...] = (),
    ) -> None:
        self.path = path
        self.styles_path = styles_path
        self.min_level = min_level
        self.global_styles = global_styles
        self.global_checks = global_checks
        self.sections = sections

    def selection(self, config: Config, path: str) -> RuleSelection:
        """Which rules run on `path` (the Config holding these settings asks: see `selection_for`)."""
        return vale_selection(config, path)

    def matching(self, path: str, root: str) -> list[ValeSection]:
        candidates = _path_forms(path, root)
        return [s for s in self.sections if any(vale_glob_match(s.glob, c) for c in candidates)]


# -- the ini file ---------------------------------------------------------------------------------


def parse_ini(path: str) -> list[tuple[str, str, str, int]]:
    """(section, key, value, line) for every key of a Vale ini file ("" is the core section).

    Vale's ini dialect: `#` and `;` start comments (also after a space, mid-line); a key may be
    repeated ("shadows"), each value counting.
    """
    try:
        with open(path, encoding="utf-8-sig") as handle:
            lines = handle.read().splitlines()
    except FileNotFoundError:
        raise ConfigError(path, None, "no such config file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(path, None, f"cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    entries: list[tuple[str, str, str, int]] = []
    section = ""
    for number, line in enumerate(lines, 1):
        text = line.strip()
        if not text or text[0] in "#;":
            continue
        if text.startswith("["):
            if not text.endswith("]"):
                raise ConfigError(path, number, f"unclosed section header {text!r}")
            section = text[1:-1].strip()
            continue
        if "=" not in text:
            raise ConfigError(path, number, f"expected 'Key = value' or '[section]', not {text!r}")
        key, value = (part.strip() for part in text.split("=", 1))
        for marker in (" #", " ;"):
            cut = value.find(marker)
            if cut >= 0:
                value = value[:cut].rstrip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        if not key:
            raise ConfigError(path, number, "a key is missing before '='")
        entries.append((section, key, value, number))
    return entries


def _split_list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _merge(values: list[str]) -> tuple[str, ...]:
    seen: list[str] = []
    for v in values:
        if v not in seen:
            seen.append(v)
    return tuple(seen)


def load_vale_ini(path: str) -> Config:
    """Read a `.vale.ini` into a Config (see the module's docstring)."""
    path = os.path.abspath(path)
    root = os.path.dirname(path)
    entries = parse_ini(path)
    core: dict[str, list[tuple[str, int]]] = {}
    sections: dict[str, list[tuple[str, str, int]]] = {}
    for section, key, value, line in entries:
        if section == "":
            if key in _SYNTAX_KEYS:
                raise ConfigError(path, line, f"'{key}' is a syntax-specific option; put it in a section such as [*.md]")
            core.setdefault(key, []).append((value, line))
        else:
            if key in _CORE_KEYS:
                raise ConfigError(path, line, f"'{key}' is a core option; it should be defined above any section")
            sections.setdefault(section, []).append((key, value, line))

    styles_path = root
    if "StylesPath" in core:
        value, line = core["StylesPath"][-1]
        candidate = os.path.normpath(os.path.join(root, os.path.expanduser(value)))
        if not os.path.isdir(candidate):
            raise ConfigError(path, line, f"StylesPath {value!r} does not exist ({candidate})")
        styles_path = candidate
    min_level = "warning"  # Vale's default: suggestions are not shown unless asked for
    if "MinAlertLevel" in core:
        value, line = core["MinAlertLevel"][-1]
        if value not in SEVERITY_RANK:
            raise ConfigError(path, line, "MinAlertLevel must be 'suggestion', 'warning', or 'error'")
        min_level = value

    accept: list[str] = []
    reject: list[str] = []
    for value, line in core.get("Vocab", []):
        for name in _split_list(value):
            folder = _vocab_folder(styles_path, name)
            if folder is None:
                raise ConfigError(path, line, f"vocabulary {name!r} not found (expected {os.path.join(styles_path, 'config', 'vocabularies', name)})")
            accept.extend(_word_list(folder / "accept.txt"))
            reject.extend(_word_list(folder / "reject.txt"))

    levels: dict[str, str] = {}
    global_styles: tuple[str, ...] = ()
    global_checks: list[tuple[str, bool]] = []
    vale_sections: list[ValeSection] = []
    for name, keys in sections.items():
        styles: list[str] | None = None
        checks: list[tuple[str, bool]] = []
        blocks: list[str] = []
        tokens: list[str] = []
        for key, value, line in keys:
            if key == "BasedOnStyles":
                styles = (styles or []) + _split_list(value)
            elif key in ("BlockIgnores", "IgnorePatterns"):
                blocks.extend(_split_list(value))
            elif key == "TokenIgnores":
                tokens.extend(_split_list(value))
            elif key in _SYNTAX_KEYS:
                continue
            else:
                if "." not in key:
                    raise ConfigError(path, line, f"unknown key {key!r} (a rule switch is 'Style.Rule = YES|NO|<level>')")
                on = value in ("YES", "suggestion", "warning", "error")
                if value in SEVERITY_RANK:
                    levels[key] = value
                checks.append((key, on))
        for pattern in blocks + tokens:
            _check_pattern(path, name, pattern)
        if name == "*":
            global_styles = _merge(styles or [])
            global_checks.extend(checks)
            vale_sections.append(ValeSection("*", None, (), tuple(blocks), tuple(tokens)))
        else:
            vale_sections.append(ValeSection(name, _merge(styles) if styles is not None else None, tuple(checks), tuple(blocks), tuple(tokens)))

    needed: list[str] = list(global_styles)
    for section in vale_sections:
        needed.extend(section.styles or ())
        needed.extend(k.split(".")[0] for k, _on in section.checks)
    needed.extend(k.split(".")[0] for k, _on in global_checks)
    style_entries: list[str] = []
    for style in _merge(needed):
        if style == "Vale":
            style_entries.append(f"vale:{BUILTIN}")
            continue
        folder = os.path.join(styles_path, style)
        if not os.path.isdir(folder):
            raise ConfigError(path, None, f"style {style!r} does not exist on StylesPath ({styles_path})")
        style_entries.append(f"vale:{folder}")

    settings = {
        "vale-min-level": min_level,
        "vale-levels": levels,
        "vale-accept": accept,
        "vale-reject": reject,
        "vale-ignores": [[s.glob, list(s.block_ignores), list(s.token_ignores)] for s in vale_sections if s.block_ignores or s.token_ignores],
    }
    include = _include_globs([s.glob for s in vale_sections if s.glob != "*"]) or DEFAULT_INCLUDE
    return Config(
        path=path,
        root=root,
        styles=tuple(style_entries),
        settings=tuple(sorted((k, _freeze(v)) for k, v in settings.items())),
        include=include,
        fail_level="error",
        vale=ValeSettings(path, styles_path, min_level, global_styles, tuple(global_checks), tuple(vale_sections)),
    )


def _check_pattern(path: str, section: str, pattern: str) -> None:
    from .valecompat import ValeRegexError, compile_vale

    try:
        compile_vale(pattern)
    except (ValeRegexError, ValueError) as exc:
        raise ConfigError(path, None, f"[{section}]: bad ignore pattern {pattern!r}: {exc}") from None


def _vocab_folder(styles_path: str, name: str) -> Path | None:
    for base in (Path(styles_path) / "config" / "vocabularies", Path(styles_path) / "Vocab"):
        if (base / name).is_dir():
            return base / name
    return None


def _word_list(path: Path) -> list[str]:
    if not path.is_file():
        return []
    words = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        word = line.strip()
        if not word or word.startswith("# "):
            continue
        words.append(word)
    return words


def _include_globs(globs: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for pattern in globs:
        for expanded in expand_braces(pattern):
            name = expanded.rsplit("/", 1)[-1]
            out.append(name.replace("**", "*"))
    return _merge(out)


# -- globs ----------------------------------------------------------------------------------------


def _path_forms(path: str, root: str) -> list[str]:
    forms = [path.replace(os.sep, "/")]
    try:
        forms.append(os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/"))
    except ValueError:
        pass
    forms.append(os.path.abspath(path).replace(os.sep, "/"))
    return forms


def vale_selection(config: Config, path: str) -> RuleSelection:
    """Which rules run on `path`, as Vale decides (internal/core/file.go, internal/lint/lint.go)."""
    settings = config.vale
    assert isinstance(settings, ValeSettings)
    styles: tuple[str, ...] = settings.global_styles
    checks: dict[str, bool] = dict(settings.global_checks)
    matched = settings.matching(path, config.root)
    for section in matched:
        if section.glob != "*" and section.styles is not None:
            styles = section.styles
    for section in matched:
        checks.update(section.checks)
    if not matched and not settings.global_styles and not settings.global_checks:
        return RuleSelection(select=(), ignore=())
    select = styles + tuple(rule for rule, on in checks.items() if on)
    ignore = tuple(rule for rule, on in checks.items() if not on)
    return RuleSelection(select=select, ignore=ignore)


def find_vale_config(directory: str) -> str | None:
    """The Vale configuration file in `directory`, if any (Vale's names, in its order)."""
    return first_file(directory, VALE_CONFIG_NAMES)
