"""Record: the small value classes on the lint path, written without `dataclasses`.

Why not dataclasses: `import dataclasses` costs about 12 ms (it pulls in `inspect`, `ast`,
`dis`, ...), and each `@dataclass` costs another 0.7 to 1 ms at import, because the decorator
generates its methods as source text and exec()s it. The plain `stylecheck FILE` path creates
some twenty such classes; with dataclasses that alone was a third of the 0.08 s start-up budget
of a pre-commit hook linting one article.

A record class lists its fields in `__slots__` and writes a plain `__init__` that takes them in
that order (plain attribute assignment: Block, Match and Diagnostic are created by the thousand,
and an `__init__` that stores through `object.__setattr__`, as a frozen dataclass does, is
three times slower). `Record` supplies the rest from `__slots__`: `repr`, `==`, `hash`,
`replace(**changes)`, `fields()` and pickling.

Records that were frozen dataclasses are immutable by convention, not enforced: nothing assigns
to their fields after `__init__`, and a changed copy is made with `replace`. Records that hold
growing state (lists, dicts) set `__hash__ = None`, as a mutable dataclass does.
"""
from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any, ClassVar, Self


class Record:
    """Base of a value class whose fields are its `__slots__` (see the module doc for why)."""

    __slots__ = ()
    # Every field, base classes' first: filled in for each subclass when it is defined.
    _fields: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        names: list[str] = []
        for klass in reversed(cls.__mro__):
            slots = klass.__dict__.get("__slots__", ())
            names.extend((slots,) if isinstance(slots, str) else slots)
        cls._fields = tuple(names)

    @classmethod
    def fields(cls) -> tuple[str, ...]:
        """The field names, in the order `__init__` takes them."""
        return cls._fields

    def _values(self) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in self._fields])

    def __repr__(self) -> str:
        # The same text a dataclass prints: deterministic, and covering every field (fingerprint.py
        # hashes the repr of a Config).
        body = ", ".join([f"{name}={getattr(self, name)!r}" for name in self._fields])
        return f"{type(self).__qualname__}({body})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def replace(self, **changes: Any) -> Self:
        """A copy with some fields changed (what `dataclasses.replace` did)."""
        unknown = changes.keys() - set(self._fields)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {sorted(unknown)[0]!r}")
        values = {name: getattr(self, name) for name in self._fields}
        values.update(changes)
        return type(self)(**values)

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt through __init__ from the values in field order: compact, and needs no __dict__.
        return (type(self), self._values())
