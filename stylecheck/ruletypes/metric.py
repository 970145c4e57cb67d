"""metric: a formula over document counts, flagged when a condition holds (Vale's `metric`).

    extends: metric
    message: "Try to keep the Flesch-Kincaid grade level (%s) below 8."
    formula: |
      (0.39 * (words / sentences)) + (11.8 * (syllables / words)) - 15.59
    condition: "> 8"

Variables: words, sentences, characters, syllables, paragraphs, complex_words (three syllables
or more), long_words (more than six letters), polysyllabic_words, and the counts of blocks
`heading_h1`..`heading_h6` (all headings count as h1 here), `list`, `blockquote`, `pre`.
The formula may use + - * / % **, comparisons, `and`/`or`/`not` (also `&&`, `||`, `!`) and
`math.<function>`. It is evaluated by a small arithmetic evaluator, never by `eval`. One finding
per file, at its start; the message gets the formula's value with two decimals.
"""
from __future__ import annotations

import ast
import math
import operator

import regex

from .. import patterns
from ..diagnostic import Match
from ..document import Document
from .base import Field, Rule

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator
    from typing import Any

_WORDS = patterns.compile(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)*")
_VOWEL_GROUPS = patterns.compile(r"[aeiouy]+")
_BINARY = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
    ast.Mod: operator.mod, ast.Pow: operator.pow, ast.FloorDiv: operator.floordiv,
}
_COMPARE = {
    ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Lt: operator.lt, ast.LtE: operator.le,
    ast.Eq: operator.eq, ast.NotEq: operator.ne,
}
_MATH = {name: getattr(math, name) for name in ("sqrt", "log", "log10", "log2", "exp", "floor", "ceil", "pow", "abs") if hasattr(math, name)}
_MATH["abs"] = abs
_MATH["max"] = max
_MATH["min"] = min
VARIABLES = (
    "words", "sentences", "characters", "syllables", "paragraphs", "complex_words", "long_words",
    "polysyllabic_words", "pre", "list", "blockquote",
    "heading_h1", "heading_h2", "heading_h3", "heading_h4", "heading_h5", "heading_h6",
)


class FormulaError(ValueError):
    pass


def syllables(word: str) -> int:
    """An English syllable estimate: vowel groups, less a silent final e; at least one."""
    w = word.lower()
    count = len(_VOWEL_GROUPS.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(1, count)


def document_metrics(doc: Document) -> dict[str, float]:
    prose = doc.prose
    words = _WORDS.findall(prose)
    counts = [syllables(w) for w in words]
    blocks = doc.blocks
    metrics: dict[str, float] = {
        "words": len(words),
        "sentences": max(1, len(doc.sentences)) if words else 0,
        "characters": sum(len(w) for w in words),
        "syllables": sum(counts),
        "paragraphs": sum(1 for b in blocks if b.kind == "paragraph"),
        "complex_words": sum(1 for c in counts if c >= 3),
        "polysyllabic_words": sum(1 for c in counts if c >= 3),
        "long_words": sum(1 for w in words if len(w) > 6),
        "pre": 0,
        "list": sum(1 for b in blocks if b.kind == "list"),
        "blockquote": sum(1 for b in blocks if b.kind == "blockquote"),
    }
    for level in range(1, 7):
        metrics[f"heading_h{level}"] = 0
    metrics["heading_h1"] = sum(1 for b in blocks if b.kind == "heading")
    return metrics


def _normalise(expression: str) -> str:
    text = " ".join(expression.split())
    text = text.replace("&&", " and ").replace("||", " or ")
    return regex.sub(r"!(?!=)", " not ", text)


def parse_formula(expression: str) -> ast.Expression:
    try:
        tree = ast.parse(_normalise(expression), mode="eval")
    except SyntaxError as exc:
        raise FormulaError(f"cannot read {expression!r}: {exc.msg}") from None
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Expression, ast.BinOp, ast.UnaryOp, ast.BoolOp, ast.Compare, ast.Constant,
                                 ast.Name, ast.Attribute, ast.Call, ast.Load, ast.operator, ast.unaryop,
                                 ast.boolop, ast.cmpop)):
            raise FormulaError(f"{type(node).__name__} is not allowed in {expression!r}")
        if isinstance(node, ast.Attribute) and not (isinstance(node.value, ast.Name) and node.value.id == "math" and node.attr in _MATH):
            raise FormulaError(f"unknown function in {expression!r}")
        if isinstance(node, ast.Call) and not isinstance(node.func, ast.Attribute):
            raise FormulaError(f"only math.<function> calls are allowed in {expression!r}")
        if isinstance(node, ast.Name) and node.id != "math" and node.id not in VARIABLES:
            raise FormulaError(f"unknown variable {node.id!r} in {expression!r} (known: {', '.join(VARIABLES)})")
        if isinstance(node, ast.Constant) and not isinstance(node.value, (int, float)):
            raise FormulaError(f"only numbers are allowed in {expression!r}")
    return tree


def evaluate(node: ast.AST, names: dict[str, float]) -> Any:
    if isinstance(node, ast.Expression):
        return evaluate(node.body, names)
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return names[node.id]
    if isinstance(node, ast.BinOp):
        left, right = evaluate(node.left, names), evaluate(node.right, names)
        if isinstance(node.op, (ast.Div, ast.Mod, ast.FloorDiv)) and right == 0:
            return math.inf if left else 0.0
        return _BINARY[type(node.op)](left, right)
    if isinstance(node, ast.UnaryOp):
        value = evaluate(node.operand, names)
        return {ast.USub: operator.neg, ast.UAdd: operator.pos, ast.Not: operator.not_}[type(node.op)](value)
    if isinstance(node, ast.BoolOp):
        values = [evaluate(v, names) for v in node.values]
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.Compare):
        left = evaluate(node.left, names)
        for op, comparator in zip(node.ops, node.comparators):
            right = evaluate(comparator, names)
            if not _COMPARE[type(op)](left, right):
                return False
            left = right
        return True
    if isinstance(node, ast.Call):
        assert isinstance(node.func, ast.Attribute)
        return _MATH[node.func.attr](*(evaluate(a, names) for a in node.args))
    raise FormulaError(f"cannot evaluate {type(node).__name__}")


class Metric(Rule):
    FIELDS = {
        "formula": Field((str,), None),
        "condition": Field((str,), None, doc="e.g. '> 8'"),
    }
    DEFAULT_MESSAGE = "%s"

    def compile(self, options: dict) -> None:
        formula, condition = self.option("formula"), self.option("condition")
        if not formula or not condition:
            raise self.error("formula", f"rule {self.id}: a metric rule needs 'formula' and 'condition'")
        formula = regex.sub(r"heading\.(h[1-6])", r"heading_\1", str(formula))
        try:
            self.formula = parse_formula(formula)
            self.condition = str(condition).strip()
            parse_formula("0 " + self.condition)
        except FormulaError as exc:
            raise self.error("formula", f"rule {self.id}: {exc}") from None

    def check(self, doc: Document) -> Iterator[Match]:
        names = document_metrics(doc)
        if not names["words"]:
            return
        value = float(evaluate(self.formula, names))
        if evaluate(parse_formula(f"{value!r} {self.condition}" if math.isfinite(value) else "0 > 1"), names):
            yield Match(0, 0, self.format_message(f"{value:.2f}"))


RULE = Metric
