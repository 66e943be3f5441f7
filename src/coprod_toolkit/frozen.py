"""Small value classes that behave as frozen dataclasses, without importing dataclasses.

`coprod language` starts without the dataclasses module (and the inspect module it
loads), which takes longer to import than checking a page does; errors.Problem and
i18n.Choice are written on this instead.
"""

from __future__ import annotations


class Frozen:
    """Fields named in `__match_args__`, set once in `__init__` through `_set`; compared
    and hashed by value (by `_compared`, all fields unless a class says otherwise)."""

    __match_args__: tuple[str, ...] = ()

    def _set(self, **fields: object) -> None:
        self.__dict__.update(fields)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")  # i18n-ok: a bug

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}")  # i18n-ok: a bug

    def _compared(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__match_args__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Frozen)
        return self._compared() == other._compared()

    def __hash__(self) -> int:
        return hash(self._compared())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__match_args__)
        return f"{self.__class__.__qualname__}({fields})"
