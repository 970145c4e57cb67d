"""Safe YAML loading that remembers where each key was written, and refuses YAML bombs."""
from __future__ import annotations

from .errors import UserError

import re
from functools import lru_cache

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

    import yaml

# A rule file is a few kilobytes; a style's vocabulary list can be larger. Anything beyond these
# bounds is a mistake or an attack (billion-laughs aliases), refused before it is expanded.
MAX_YAML_BYTES = 5 * 1024 * 1024
# A rule or config file is a few kilobytes; PyYAML reads about 100 kB a second, so a larger one
# would stall every run before it started.
MAX_RULE_BYTES = 512 * 1024
MAX_ALIASES = 100
# What aliases may add beyond the nodes written in the file: a few reused lists are fine; nine
# aliases nested eight deep (billion laughs) would expand to 43 million values.
MAX_ALIAS_EXPANSION = 100_000


class YamlError(UserError):
    """A YAML file that cannot be used."""


class MarkedDict(dict):
    """A dict that also knows the 1-based line of each key (`.lines`) and of itself (`.line`)."""

    lines: dict[Any, int]
    line: int


@lru_cache(maxsize=1)
def _loader_class() -> type:
    """The safe loader, built on first use: importing PyYAML costs more than linting an article,
    and a run whose compiled rules come from the cache never needs it."""
    import yaml

    class _Loader(yaml.SafeLoader):
        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self._aliases = 0

        def compose_node(self, parent, index):  # type: ignore[override]
            if self.check_event(yaml.AliasEvent):
                self._aliases += 1
                if self._aliases > MAX_ALIASES:
                    event = self.peek_event()
                    raise yaml.constructor.ConstructorError(
                        None, None, f"more than {MAX_ALIASES} aliases (a YAML bomb?)", event.start_mark
                    )
            return super().compose_node(parent, index)

        def construct_mapping(self, node, deep=False):  # type: ignore[override]
            mapping = MarkedDict(super().construct_mapping(node, deep=True))
            mapping.lines = {}
            for key_node, _value in node.value:
                try:
                    key = self.construct_object(key_node, deep=True)
                    mapping.lines[key] = key_node.start_mark.line + 1
                except Exception:  # unhashable keys were already refused by construct_mapping
                    pass
            mapping.line = node.start_mark.line + 1
            return mapping

    # YAML 1.2 booleans only: `no`, `on`, `off`, `yes` stay strings, so a word list may hold "no"
    # (and Vale's `Rule = NO` reads as text). Copy the resolvers before changing them.
    _Loader.yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    _Loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )

    _Loader.add_constructor(
        yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
        lambda loader, node: loader.construct_mapping(node),
    )
    return _Loader


def _size_limit(max_bytes: int) -> str:
    return f"{max_bytes // (1024 * 1024)} MB" if max_bytes >= 1024 * 1024 else f"{max_bytes // 1024} kB"


def _expanded_size(root: "yaml.Node", path: str) -> tuple[int, int]:
    """(nodes written, nodes after expanding every alias) of a composed document; refuses cycles."""
    sizes: dict[int, int] = {}
    active: set[int] = set()
    # An explicit stack, not recursion: the document may be nested thousands deep.
    stack: list[tuple["yaml.Node", bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            active.discard(key)
            children = _children(node)
            sizes[key] = 1 + sum(sizes[id(c)] for c in children)
            continue
        if key in sizes:
            continue
        if key in active:
            raise YamlError(path, node.start_mark.line + 1, "invalid YAML: an alias refers to itself (a YAML bomb?)")
        active.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)
    return len(sizes), sizes[id(root)]


def _children(node: "yaml.Node") -> "list[yaml.Node]":
    import yaml

    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def load_yaml_text(text: str, path: str, max_bytes: int = MAX_YAML_BYTES) -> Any:
    if len(text) > max_bytes:
        raise YamlError(path, None, f"file is larger than {_size_limit(max_bytes)}; refused")
    import yaml

    try:
        loader = _loader_class()(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None
            written, expanded = _expanded_size(node, path)
            if expanded - written > MAX_ALIAS_EXPANSION:
                raise YamlError(
                    path, None, f"invalid YAML: its aliases expand to {expanded:,} values (a YAML bomb?); refused"
                )
            return loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlError(path, line, f"invalid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise YamlError(path, None, f"invalid YAML: {exc}") from None
    except RecursionError:
        raise YamlError(path, None, "invalid YAML: nested too deeply") from None


def load_yaml_file(path: str, max_bytes: int = MAX_YAML_BYTES) -> Any:
    """Load a YAML file of at most `max_bytes` (MAX_RULE_BYTES for rule and config files)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise YamlError(path, None, exc.strerror or str(exc)) from None
    if len(data) > max_bytes:
        raise YamlError(path, None, f"file is larger than {_size_limit(max_bytes)}; refused")
    key = _cache_key(data)
    if key is not None:
        from .store import load_entry

        cached = load_entry("yaml", key)
        if cached is not None:
            return cached[0]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise YamlError(path, None, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    value = load_yaml_text(text, path, max_bytes)
    if key is not None:
        from .store import store_entry

        store_entry("yaml", key, (value,))
    return value


def _cache_key(data: bytes) -> str | None:
    """The parsed-YAML cache key of a file's bytes (None when caching is off): parsing a word
    list costs more than linting an article, and PyYAML's import about as much again."""
    import os

    if os.environ.get("STYLECHECK_NO_CACHE"):
        return None
    import hashlib

    from .fingerprint import code_fingerprint

    return hashlib.sha256(b"yaml\0" + code_fingerprint().encode() + b"\0" + data).hexdigest()


def line_of(mapping: Any, key: Any) -> int | None:
    """The line `key` was written on in a MarkedDict, else the mapping's own line, else None."""
    lines = getattr(mapping, "lines", None)
    if lines and key in lines:
        return lines[key]
    return getattr(mapping, "line", None)
