"""The few pieces every model shares: strict models, ids, and the question types."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Slug = Annotated[
    str,
    Field(
        pattern=SLUG_PATTERN,
        max_length=64,
        description="A short id: lower-case letters, digits and single hyphens, like 'assets-1'.",
    ),
]

QUESTION_TYPES = ("scale", "yes_no", "choice", "multi", "text")


class Strict(BaseModel):
    """Every model refuses keys it does not know, so a typo is caught, not ignored."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, defer_build=True)
