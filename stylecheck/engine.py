"""The engine: run a set of rules over a Document and turn their matches into Diagnostics.

source -> Document -> rule.check -> Match -> Diagnostic -> filters (selection, accept, quotes,
inline suppression) -> sorted list. Nothing here parses markup or searches for a match again.
"""
from __future__ import annotations

import os
import time

from . import patterns
from .configmodel import Config, ConfigError, RuleSelection, selection_for
from .diagnostic import SEVERITY_RANK, Diagnostic, Edit, FileResult, Fix, Match
from .document import Document
from .loader import load_styles
from .resources import preset_file
from .rulenames import unmatched
from .ruletypes import Rule, RuleContext
from .source import SkippedFile, Source, SourceError, read_source
from .suppression import Suppressions
from .yamlload import load_yaml_file

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any


def preset_settings(preset: str) -> dict[str, Any]:
    """The house settings of a preset, from `rules/presets/<name>.yml`."""
    path = preset_file(preset)
    if not os.path.isfile(path):
        return {}
    return dict(load_yaml_file(path) or {})


def _thaw(value: Any) -> Any:
    if isinstance(value, tuple) and value and all(isinstance(v, tuple) and len(v) == 2 and isinstance(v[0], str) for v in value):
        return {k: _thaw(v) for k, v in value}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


class Linter:
    """Compiled rules for one configuration. Build once, lint many files."""

    def __init__(self, config: Config) -> None:
        self.config = config
        settings = preset_settings(config.preset)
        settings.update({k: _thaw(v) for k, v in config.settings})
        self.ctx = RuleContext(preset=config.preset, settings=settings, accept=config.accept)
        # Every rule id the styles define, under any preset: what a configuration may name.
        self.rule_ids: frozenset[str] = frozenset()
        known: set[str] = set()
        self.rules: dict[str, Rule] = load_styles(config.style_paths(), self.ctx, known)
        self.rule_ids = frozenset(known)
        self._check_rule_names()
        self.accept = patterns.compile(r"\b(?:" + "|".join(config.accept) + r")\b") if config.accept else None
        self._selections: dict[Any, tuple[RuleSelection, list[Rule]]] = {}

    def _check_rule_names(self) -> None:
        """A rule id, style or glob in the configuration that names no rule is a mistake (a typo
        would otherwise select nothing, or ignore nothing, and CI would pass on it)."""
        for key, name, line in self.config.rule_names():
            problem = unmatched(name, self.rule_ids)
            if problem is not None:
                raise ConfigError(self.config.path or "<config>", line, f"{key}: {problem}")

    def unknown_in_suppressions(self, suppressions: Suppressions) -> list[str]:
        """Warnings for the rule names of inline suppression comments that name no rule."""
        found = []
        for directive in suppressions.items:
            for name in directive.rules:
                problem = unmatched(name, self.rule_ids)
                if problem is not None:
                    found.append(f"{directive.line}: suppression comment: {problem}")
        return found

    def active_rules(self, path: str) -> tuple[RuleSelection, list[Rule]]:
        selection = selection_for(self.config, path)
        key = (selection.select, selection.ignore, tuple(sorted(selection.severity.items())))
        if key not in self._selections:
            rules = [r for r in self.rules.values() if selection.enabled(r.id)]
            self._selections[key] = (selection, rules)
        return self._selections[key]

    def lint_path(self, path: str, encoding: str = "utf-8", fmt: str | None = None) -> FileResult:
        try:
            source = read_source(path, encoding)
        except SkippedFile as exc:
            return FileResult(path, warnings=[str(exc)])
        except SourceError as exc:
            return FileResult(path, error=exc.message)
        return self.lint_source(source, fmt)

    def lint_source(self, source: Source, fmt: str | None = None) -> FileResult:
        doc = Document.from_source(source, fmt)
        return self.lint_document(doc)

    def lint_document(self, doc: Document, rules: list[Rule] | None = None) -> FileResult:
        path = doc.source.path
        selection, active = self.active_rules(path)
        if rules is not None:
            active = rules
        result = FileResult(path)
        diagnostics: list[Diagnostic] = []
        suppressions = Suppressions(doc)
        # The budget stops a user pattern that backtracks without end, not honest work: a rule
        # gets it per megabyte of text, so a long file is read to its end (at least the budget).
        budget = round(self.config.time_budget * max(1.0, len(doc.text) / 1_000_000), 1)
        for rule in active:
            level = selection.level(rule.id, rule.level)
            doc.rule_deadline = time.monotonic() + budget
            try:
                matches = list(rule.check(doc))
            except TimeoutError:
                # All or nothing: findings cut off at a moment in time would differ run to run.
                result.warnings.append(
                    f"{path}: rule {rule.id} stopped after {budget:g}s (its pattern is too slow on this file); "
                    "its findings for this file are left out"
                )
                continue
            if rule.limit:
                matches = matches[: rule.limit]
            for match in matches:
                if rule.skip_quotes and doc.in_quote(match.start, match.end):
                    continue
                # A rule may set a finding's own severity; a config override of the rule wins over it.
                severity = match.severity if match.severity is not None and level == rule.level else level
                diagnostics.append(self._diagnostic(doc, rule, match, severity))
        doc.rule_deadline = None
        if diagnostics and self.accept is not None:
            try:  # `accept` holds user patterns: the same budget as a rule
                accepted = [m.span() for m in self.accept.finditer(doc.text, timeout=budget)]
            except TimeoutError:
                accepted = []
                result.warnings.append(
                    f"{path}: the 'accept' patterns of {self.config.path or 'the configuration'} stopped after {budget:g}s; "
                    "accepted terms were not applied to this file"
                )
            diagnostics = [d for d in diagnostics if not _within_any(d.offset, d.offset + d.length, accepted)]
        if suppressions and self.config.vale is None:  # under a .vale.ini, Vale's semantics: no check
            result.warnings.extend(f"{path}:{problem}" for problem in self.unknown_in_suppressions(suppressions))
        if diagnostics and suppressions:
            diagnostics = [d for d in diagnostics if not suppressions.suppressed(d.rule, d.offset, d.line)]
        if diagnostics:
            diagnostics = one_finding_per_span(diagnostics, self._superseders(active))
        unique = {(d.offset, d.length, d.rule, d.message): d for d in diagnostics}
        result.diagnostics = sorted(unique.values(), key=lambda d: (d.offset, d.length, d.rule, d.message))
        return result

    def _superseders(self, active: list[Rule]) -> dict[str, frozenset[str]]:
        """Rule id -> the ids of the running rules that supersede it (their `supersedes:`)."""
        key = tuple(r.id for r in active)
        memo = self.__dict__.setdefault("_superseder_memo", {})  # (a Linter pickled before it had one)
        found = memo.get(key)
        if found is None:
            by: dict[str, set[str]] = {}
            for rule in active:
                for name in rule.supersedes:
                    by.setdefault(name, set()).add(rule.id)
            found = memo[key] = {k: frozenset(v) for k, v in by.items()}
        return found

    def _diagnostic(self, doc: Document, rule: Rule, match: Match, severity: str) -> Diagnostic:
        line, column = doc.lines.position(match.start)
        end_line, end_column = doc.lines.position(match.end)
        fix = match.fix
        if fix is None and match.suggestions:
            applicability = match.applicability
            if applicability is None:
                # One suggestion from a rule that says `fix: safe` is safe; a choice is the writer's.
                applicability = "safe" if rule.fix_safe and len(match.suggestions) == 1 else "unsafe"
            fix = Fix((Edit(match.start, match.end, match.suggestions[0]),), applicability)
        return Diagnostic(
            path=doc.source.path,
            rule=rule.id,
            category=rule.category,
            severity=severity,
            message=match.message,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            offset=match.start,
            length=match.end - match.start,
            match=doc.text[match.start : match.end],
            suggestions=match.suggestions,
            link=rule.link,
            fix=fix,
        )


def one_finding_per_span(diagnostics: list[Diagnostic], superseders: dict[str, frozenset[str]]) -> list[Diagnostic]:
    """Where two rules report overlapping spans and one supersedes the other (its YAML's
    `supersedes:`), keep only the superseding rule's finding: the more specific rule says it.

    Applied after accepted terms and inline suppressions, so a finding that is suppressed or not
    selected supersedes nothing; a superseding rule that is itself superseded still supersedes."""
    if not superseders:
        return diagnostics
    spans: dict[str, list[tuple[int, int]]] = {}
    for d in diagnostics:
        spans.setdefault(d.rule, []).append((d.offset, d.offset + max(d.length, 1)))
    kept = []
    for d in diagnostics:
        over = superseders.get(d.rule)
        if over:
            start, end = d.offset, d.offset + max(d.length, 1)
            if any(s < end and start < e for rule in over for s, e in spans.get(rule, ())):
                continue
        kept.append(d)
    return kept


def _within_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def at_or_above(severity: str, level: str) -> bool:
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[level]
