"""Lighter handling of command-line values, so that pydantic stays off the start-up path.

Recent typer versions build a pydantic TypeAdapter for a parameter the moment it is
parsed, even one that was left out: that imports pydantic and builds a schema per
parameter, which made `coprod COMMAND --help` and `coprod exercise list` about three
times slower than typer itself. Here the everyday cases (nothing given, a word, a
choice from a fixed list) are answered directly, and anything else (a path, a list)
goes to typer's own handling, built only when it is needed.

Help shows no Python types: an argument is described by its name, and a choice by
its choices. Older typer versions (built on click) have neither piece, and are left
as they are.
"""

from __future__ import annotations

import enum
from typing import Any, Literal, NoReturn, get_args, get_origin


class _Light:
    """Stands in for typer's per-parameter coercion until a value needs the real one."""

    def __init__(self, descriptor: Any, build: Any) -> None:
        self.descriptor = descriptor
        self.build = build
        self.real: Any = None

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        multi = param.multiple or param.nargs == -1
        if value is None:
            return () if multi else None
        annotation = self.descriptor.annotation
        info = self.descriptor.parameter_info
        if not multi and getattr(info, "parser", None) is None:
            if annotation is str and isinstance(value, str):
                return value
            if annotation is bool and isinstance(value, bool):
                return value
            if get_origin(annotation) is Literal and isinstance(value, str):
                choices = get_args(annotation)
                if value in choices:
                    return value
                _refuse(value, [str(c) for c in choices], param, ctx)
            if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
                if isinstance(value, annotation):
                    return value
                for member in annotation:
                    if isinstance(value, str) and member.value == value:
                        return member
                _refuse(value, [str(m.value) for m in annotation], param, ctx)
        if self.real is None:
            self.real = self.build(self.descriptor)
        return self.real.coerce(value, param=param, ctx=ctx)


def _refuse(value: str, choices: list[str], param: Any, ctx: Any) -> NoReturn:
    """A value that is not one of the choices: a usage error (exit 2) that lists them."""
    from typer import BadParameter

    listed = ", ".join(choices[:-1]) + f" or {choices[-1]}" if len(choices) > 1 else choices[0]
    raise BadParameter(f"'{value}' is not one of the choices. Fix: use {listed}.", ctx, param)


def install() -> None:
    """Put the lighter handling in place, once, where this typer has the pieces it replaces."""
    try:
        from typer import core
    except ImportError:  # pragma: no cover - typer is a dependency
        return
    build = getattr(core, "build_runtime_param", None)
    base = getattr(core, "_TyperParameter", None)
    if build is None or base is None or getattr(base, "_coprod_light", False):
        return

    def get_runtime_param(self: Any) -> Any:
        if self._runtime_param is None:
            self._runtime_param = _Light(self.type_descriptor, build)
        return self._runtime_param

    original_display = getattr(base, "display_type", None)

    def display_type(self: Any, ctx: Any) -> str:
        if self.type_descriptor.is_choice and original_display is not None:
            return str(original_display(self, ctx))
        return ""

    base.get_runtime_param = get_runtime_param
    if original_display is not None:
        base.display_type = display_type
    base._coprod_light = True
