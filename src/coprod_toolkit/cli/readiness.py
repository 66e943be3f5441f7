"""coprod readiness: checklists that end in a verdict."""

from __future__ import annotations

from typing import Annotated

import typer

from coprod_toolkit.cli.app import app
from coprod_toolkit.cli.common import (
    AnswersOpt,
    ExercisesOpt,
    NameOpt,
    NoSaveOpt,
    OutOpt,
    PlainOpt,
)
from coprod_toolkit.i18n import gettext_noop

READINESS_HELP = gettext_noop(
    """Check whether co-production is right for a piece of work now.

    Answer yes, no or not sure to each statement. You get a verdict (ready;
    ready, with care; or not yet), every warning sign with a question to talk
    through and what could change it, and the things you were not sure of.

    Other checklists: senior-leaders (questions for senior leaders) and
    tokenism (signs that co-production has become a box to tick).

    Examples:

      coprod readiness

      coprod readiness tokenism --name "Project group"

      coprod readiness --answers our-answers.yaml
    """
)


@app.command(help=READINESS_HELP)
def readiness(
    checklist: Annotated[
        str,
        typer.Argument(
            help=gettext_noop(
                "The checklist: readiness (the default), senior-leaders or tokenism, "
                "or the path of a checklist file."
            ),
            metavar="CHECKLIST",
        ),
    ] = "readiness",
    name: NameOpt = None,
    about: Annotated[
        str | None,
        typer.Option(
            "--about",
            help=gettext_noop(
                "What the checklist is about, if it offers a choice ('coprod exercise "
                "show NAME' lists the words it takes). The built-in checklists each have "
                "only one, so leave this out."
            ),
            metavar="WORD",
        ),
    ] = None,
    answers: AnswersOpt = None,
    out: OutOpt = None,
    plain: PlainOpt = False,
    no_save: NoSaveOpt = False,
    exercises: ExercisesOpt = None,
) -> None:
    """coprod readiness: its help is READINESS_HELP, translated when shown."""
    from coprod_toolkit.cli.assess import run_assess

    run_assess(checklist, name, about, answers, out, plain, no_save, exercises, command="readiness")
