"""What keeps `coprod` quick to start: commands built when used, values read lightly.

Typer turns every command's signature into a click command before it runs any of
them: for `coprod assess --help` it read all seventeen signatures (about a third of
the time past importing typer). Here each command is built the first time it is
used; `coprod --help` lists them from their docstrings alone.

Recent typer versions also build a pydantic TypeAdapter for a parameter the moment
it is parsed, even one that was left out: that imports pydantic and builds a schema
per parameter, which made `coprod COMMAND --help` and `coprod exercise list` about
three times slower than typer itself. Here the everyday cases (nothing given, a
word, a choice from a fixed list, a path coprod checks itself) are answered
directly, and anything else goes to typer's own handling, built only when needed.

Help shows no Python types: an argument is described by its name, and a choice by
its choices. Typer versions without these pieces are left as they are.
"""

from __future__ import annotations

import enum
import inspect
from pathlib import Path
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
        if _plain_path(annotation, info):
            if isinstance(value, str):
                return Path(value)
            if (
                multi
                and isinstance(value, (list, tuple))
                and all(isinstance(v, str) for v in value)
            ):
                return [Path(v) for v in value]
        if self.real is None:
            self.real = self.build(self.descriptor)
        return self.real.coerce(value, param=param, ctx=ctx)


def _plain_path(annotation: Any, info: Any) -> bool:
    """A path (or list of paths) with none of typer's checks asked for: coprod checks it."""
    if get_origin(annotation) is list:
        annotation = get_args(annotation)[0]
    if annotation is not Path:
        return False
    checks = ("exists", "resolve_path", "writable", "allow_dash", "path_type")
    if any(getattr(info, name, None) for name in checks):
        return False
    return (
        getattr(info, "file_okay", True) is not False
        and getattr(info, "dir_okay", True) is not False
    )


def _refuse(value: str, choices: list[str], param: Any, ctx: Any) -> NoReturn:
    """A value that is not one of the choices: a usage error (exit 2) that lists them."""
    from typer import BadParameter

    from coprod_toolkit.i18n import _

    listed = (
        _("{choices} or {last}").format(choices=", ".join(choices[:-1]), last=choices[-1])
        if len(choices) > 1
        else choices[0]
    )
    message = _("'{value}' is not one of the choices. Fix: use {listed}.")
    raise BadParameter(message.format(value=value, listed=listed), ctx, param)


class _LazyCommand:
    """A command whose click form is made from its function the first time it is needed."""

    def __init__(self, build: Any, info: Any, kwargs: dict[str, Any]) -> None:
        self._build = build
        self._info = info
        self._kwargs = kwargs
        self._real: Any = None
        callback = info.callback
        self.name = info.name or callback.__name__.replace("_", "-").lower()
        self.hidden = bool(info.hidden)
        self.short_help = info.short_help
        self.help = inspect.cleandoc(info.help) if info.help else inspect.getdoc(callback)

    def real(self) -> Any:
        if self._real is None:
            self._real = self._build(command_info=self._info, **self._kwargs)
        return self._real

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real(), name)


def _lazy_commands(command_class: type | None) -> None:
    try:
        from typer import main
    except ImportError:  # pragma: no cover - typer is a dependency
        return
    build = getattr(main, "get_command_from_info", None)
    if build is None or getattr(build, "_coprod_lazy", False):
        return
    default_class = getattr(main, "TyperCommand", None)

    def get_command_from_info(*, command_info: Any, **kwargs: Any) -> Any:
        if command_class is not None and command_info.cls in (None, default_class):
            command_info.cls = command_class
        if command_info.callback is None:
            return build(command_info=command_info, **kwargs)
        return _LazyCommand(build, command_info, kwargs)

    get_command_from_info._coprod_lazy = True  # type: ignore[attr-defined]
    main.get_command_from_info = get_command_from_info  # type: ignore[assignment]


def install(command_class: type | None = None) -> None:
    """Put the lighter handling in place, once, where this typer has the pieces it replaces.

    `command_class` is what each command is built as (when the command does not say).
    """
    _lazy_commands(command_class)
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
