"""Rules test themselves: run the `examples:` of every rule (LanguageTool's way).

    examples:
      bad:
        - text: "We saw the the dog."
          match: "the the"          # or a list, one per expected finding, in order
          suggest: ["the"]          # optional: the first finding's suggestions
          preset: ap                # optional: run only under this preset
          settings: {date_order: any}   # optional: house settings over the preset's
          format: markdown          # optional: lint the text as Markdown
      good:
        - "We saw the dog."         # must stay silent
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from .document import Document
from .engine import Linter
from .ruletypes import Rule


@dataclass(frozen=True)
class ExampleFailure:
    rule: str
    kind: str  # "bad" or "good"
    text: str
    problem: str

    def __str__(self) -> str:
        return f"{self.rule} ({self.kind} example) {self.text!r}: {self.problem}"


def run_examples(linter: Linter, rule: Rule) -> Iterator[ExampleFailure]:
    for kind, spec in _specs(linter, rule):
        text = str(spec.get("text", ""))
        found = _run(linter, rule, text, spec)
        problem = _bad_problem(spec, found) if kind == "bad" else _good_problem(found)
        if problem:
            yield ExampleFailure(rule.id, kind, text, problem)


def _specs(linter: Linter, rule: Rule) -> Iterator[tuple[str, dict[str, Any]]]:
    examples = rule.examples or {}
    for kind in ("bad", "good"):
        for item in examples.get(kind) or []:
            spec = item if isinstance(item, dict) else {"text": item}
            if _applies(linter, spec):
                yield kind, spec


def _bad_problem(spec: dict[str, Any], found: list) -> str | None:
    if not found:
        return "expected a finding, got none"
    expected = spec.get("match")
    if expected is not None:
        want = [expected] if isinstance(expected, str) else [str(e) for e in expected]
        got = [d.match for d in found]
        if got != want:
            return f"expected matches {want}, got {got}"
    if "suggest" in spec:
        want_s = [str(s) for s in (spec["suggest"] or [])]
        if list(found[0].suggestions) != want_s:
            return f"expected suggestions {want_s}, got {list(found[0].suggestions)}"
    return None


def _good_problem(found: list) -> str | None:
    if found:
        return "expected no finding, got " + ", ".join(f"{d.match!r} ({d.message})" for d in found)
    return None


def _applies(linter: Linter, spec: dict[str, Any]) -> bool:
    preset = spec.get("preset")
    return preset is None or preset == linter.ctx.preset


def _run(linter: Linter, rule: Rule, text: str, spec: dict[str, Any]):
    fmt = spec.get("format", "text")
    doc = Document.from_text(text, "<example>.md" if fmt == "markdown" else "<example>.txt", fmt=fmt)
    if spec.get("settings"):
        # A house setting the preset does not have ("date_order: any"): the rule built under it.
        linter, rule = _with_settings(linter, rule, dict(spec["settings"]))
    return linter.lint_document(doc, rules=[rule]).diagnostics


def _with_settings(linter: Linter, rule: Rule, settings: dict[str, Any]) -> tuple[Linter, Rule]:
    from .configmodel import _freeze

    merged = dict(linter.config.settings)
    merged.update({str(k): _freeze(v) for k, v in settings.items()})
    other = Linter(linter.config.replace(settings=tuple(sorted(merged.items())), select=(rule.id,)))
    return other, other.rules[rule.id]


def count_examples(rule: Rule) -> int:
    examples = rule.examples or {}
    return len(examples.get("bad") or []) + len(examples.get("good") or [])
