"""The few pieces every model shares: strict models, ids, and the question types."""

from __future__ import annotations

import sys
import types
from typing import Annotated, Any


def _without_pydantic_plugins() -> None:
    """Keep pydantic's plugins out of coprod.

    pydantic looks for plugins in every installed package the first time it checks
    data, which costs about a tenth of a quick command's time, and a plugin (logging
    or tracing, say) would see people's answers: coprod keeps those on this computer.
    So pydantic is given a plugin loader that finds none. Any other name pydantic asks
    that loader for comes from its real one.
    """
    name = "pydantic.plugin._loader"
    if name in sys.modules:
        return
    loader = types.ModuleType(name)
    loader.get_plugins = lambda: ()  # type: ignore[attr-defined]

    def real(attribute: str) -> Any:
        if attribute.startswith("__"):  # asked by the import system itself
            raise AttributeError(attribute)
        import importlib.machinery
        import importlib.util

        import pydantic.plugin

        spec = importlib.machinery.PathFinder.find_spec(name, pydantic.plugin.__path__)
        if spec is None or spec.loader is None:  # pragma: no cover - pydantic moved it
            raise AttributeError(attribute)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return getattr(module, attribute)

    loader.__getattr__ = real  # type: ignore[method-assign]
    sys.modules[name] = loader


_without_pydantic_plugins()

from pydantic import BaseModel, ConfigDict, Field  # noqa: E402

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Slug = Annotated[
    str,
    Field(
        pattern=SLUG_PATTERN,
        max_length=64,
        description="A short id: lower-case letters, digits and single hyphens, like 'assets-1'.",
    ),
]


def new_list() -> list[Any]:
    """A new empty list, as a field's default.

    Use it in place of `default_factory=list`: pydantic looks at the signature of each
    default factory when it builds a model, and for the built-in `list` that takes a
    third of a millisecond each time, enough to slow a quick command.
    """
    return []


QUESTION_TYPES = ("scale", "yes_no", "choice", "multi", "text")


class Strict(BaseModel):
    """Every model refuses keys it does not know, so a typo is caught, not ignored."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, defer_build=True)
