"""coprod group: a small group doing an exercise together at one screen."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from coprod_toolkit.cli.app import app
from coprod_toolkit.cli.common import (
    AboutOpt,
    ExercisesOpt,
    NoSaveOpt,
    OutOpt,
    PlainOpt,
    console_for,
    hangup_is_interrupt,
    interactive,
    prompter_for,
    resume_hint,
    subject_of,
)

if TYPE_CHECKING:
    from rich.console import Console

    from coprod_toolkit.loader import LoadedExercise
    from coprod_toolkit.models import GroupDraft
    from coprod_toolkit.prompts import PlainPrompter
    from coprod_toolkit.storage import Store


@app.command()
def group(
    exercise: Annotated[
        str,
        typer.Argument(
            help="The exercise to do together: four-steps (the default), six-principles, "
            "or any other.",
            metavar="EXERCISE",
        ),
    ] = "four-steps",
    people: Annotated[
        str | None,
        typer.Option(
            "--people",
            help='Everyone taking part, by name, separated by commas: "Ana, Ben, Chi". '
            "Names only, no roles. Leave out to be asked.",
        ),
    ] = None,
    anonymous: Annotated[
        bool, typer.Option("--anonymous", help="Save people as Person 1, Person 2 ... not names.")
    ] = False,
    open_answers: Annotated[
        bool,
        typer.Option(
            "--open", help="Everyone answers openly, without the private turns at the keyboard."
        ),
    ] = False,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="Take everyone's answers from this file instead (no terminal needed).",
            metavar="FILE",
        ),
    ] = None,
    about: AboutOpt = None,
    out: OutOpt = None,
    plain: PlainOpt = False,
    no_save: NoSaveOpt = False,
    exercises: ExercisesOpt = None,
) -> None:
    """Do an exercise together as a group, everyone as an equal, at one screen.

    For each question, everyone answers in turn without seeing the others'
    answers (the screen is cleared and the keyboard passed on), and who goes
    first moves round. Then all the answers are shown side by side: where they
    differ, that is worth talking about, and the group can record an agreed
    answer. Guided exercises go step by step, with a round in which everyone
    adds ideas, and end with a list of actions with names and dates.

    Examples:

      coprod group --people "Ana, Ben, Chi"

      coprod group six-principles --people "Ana, Ben, Chi" --anonymous

      coprod group --answers our-session.yaml
    """
    _group(
        exercise,
        people,
        anonymous,
        open_answers,
        answers,
        about,
        out,
        plain,
        no_save,
        exercises,
    )


def _ask_people(prompter: PlainPrompter) -> list[str]:
    """Names one at a time, until an empty line; a clash gets a friendly request."""
    from coprod_toolkit.group import MAX_NAME, MAX_PEOPLE, MIN_PEOPLE
    from coprod_toolkit.text import one_line

    prompter.say()
    prompter.say(
        "Who is taking part? Type each person's name (names only, no job titles or roles), "
        "pressing Enter after each. Press Enter on an empty line when everyone is in."
    )
    names: list[str] = []
    while True:
        typed = " ".join(prompter.text(f"Person {len(names) + 1}").split())
        if not typed:
            if len(names) >= MIN_PEOPLE:
                return names
            prompter.say(f"A group needs at least {MIN_PEOPLE} people. Please add another name.")
            continue
        if len(typed) > MAX_NAME:
            prompter.say(f"Please keep names to {MAX_NAME} characters.")
            continue
        if typed.casefold() in (n.casefold() for n in names):
            prompter.say(
                f"There is already someone called '{one_line(typed)}'. Please add something to "
                f"tell you apart, like '{one_line(typed)} K'."
            )
            continue
        names.append(typed)
        if len(names) == MAX_PEOPLE:
            prompter.say(f"That makes {MAX_PEOPLE}, the most for one session.")
            return names


def _group(
    exercise: str,
    people_text: str | None,
    anonymous: bool,
    open_answers: bool,
    answers: Path | None,
    about: str | None,
    out: Path | None,
    plain: bool,
    no_save: bool,
    exercises: list[Path] | None,
) -> None:
    from coprod_toolkit.catalog import find
    from coprod_toolkit.errors import Interrupted, NoTerminal
    from coprod_toolkit.group import (
        anonymous_names,
        check_people,
        load_group_answers,
        new_group_draft,
    )
    from coprod_toolkit.session import now
    from coprod_toolkit.storage import Store, default_home, new_run_id
    from coprod_toolkit.text import one_line

    if not answers and not sys.stdin.isatty():
        raise NoTerminal(
            "coprod group asks its questions in a terminal, but there is none here.\n"
            "Fix: run it in a terminal window, or give everyone's answers in a file: "
            "coprod group --answers FILE."
        )
    loaded = find(exercise, exercises)
    ex = loaded.exercise
    subject = subject_of(ex, about)
    people = check_people(people_text.split(",")) if people_text is not None else None
    store = None if no_save else Store(out.expanduser() if out else default_home())
    if store is not None:
        store.check_writable()
    plain = plain or not interactive() or os.environ.get("TERM") == "dumb"
    console = console_for(plain)
    if answers is not None:
        given = load_group_answers(answers, ex, people)
        names = anonymous_names(len(given.people)) if anonymous else given.people
        rename = dict(zip(given.people, names, strict=True))
        draft = new_group_draft(
            loaded, new_run_id(ex.id, now()), subject, names, anonymous, open_answers
        )
        draft.answers = {
            q: {rename[p]: a for p, a in by.items()} for q, by in given.answers.items()
        }
        draft.agreed = given.agreed
        draft.contributions = {
            s: {rename[p]: items for p, items in by.items()}
            for s, by in given.contributions.items()
        }
        draft.actions = [
            a.model_copy(update={"who": [rename[w] for w in a.who]}) for a in given.actions
        ]
        draft.stage = "done"
        _finish_group(loaded, draft, store, None, console, plain, out)
        return
    prompter = prompter_for(plain)
    hangup_is_interrupt()
    from rich.text import Text

    from coprod_toolkit.report import intro_lines, show_intro

    saving = str(store.root) if store else None
    console.print()
    lines = intro_lines(ex, len(ex.steps) or len(list(ex.questions())), saving)
    if ex.kind == "guided":
        lines[4] = (
            f"There are {len(ex.steps)} steps; it takes about {ex.minutes} minutes. "
            "At each step, talk first, then everyone adds ideas in turn."
        )
    show_intro(console, lines, plain)
    try:
        if people is None:
            people = _ask_people(prompter)
    except Interrupted:
        raise Interrupted("Stopped before the first question. Nothing was saved.") from None
    if anonymous:
        names = anonymous_names(len(people))
        console.print()
        console.print("Names will not be saved. For this session:")
        for real, alias in zip(people, names, strict=True):
            console.print(Text(one_line(f"  {real} is {alias}")))
        people = names
    console.print()
    if not open_answers and ex.kind != "guided":
        console.print(
            "Everyone answers in turn, in private: when it is your turn, take the keyboard; "
            "the screen is cleared between people. Then all the answers are shown together."
        )
    try:
        prompter.pause("Press Enter when everyone is ready to begin: ")
    except Interrupted:
        raise Interrupted("Stopped before the first question. Nothing was saved.") from None
    run_id = new_run_id(ex.id, now())
    if store is not None:
        run_id = store.reserve_id(run_id)
    draft = new_group_draft(loaded, run_id, subject, people, anonymous, open_answers)
    if store is not None:
        store.save_draft(draft)
    _finish_group(loaded, draft, store, prompter, console, plain, out)


def continue_group(
    loaded: LoadedExercise,
    draft: GroupDraft,
    store: Store,
    console: Console,
    plain: bool,
    out: Path | None,
) -> None:
    """Carry on a stopped group session: the same person, at the same question."""
    _finish_group(loaded, draft, store, prompter_for(plain), console, plain, out)


def _finish_group(
    loaded: LoadedExercise,
    draft: GroupDraft,
    store: Store | None,
    prompter: PlainPrompter | None,
    console: Console,
    plain: bool,
    out: Path | None,
) -> None:
    from rich.text import Text

    from coprod_toolkit.errors import Interrupted, StorageError
    from coprod_toolkit.group import GroupSession
    from coprod_toolkit.report import group_markdown, show_group_result
    from coprod_toolkit.text import printable

    ex = loaded.exercise
    session = GroupSession(loaded, draft, on_change=store.save_draft if store else None)
    try:
        if prompter is not None:
            session.run(prompter)
    except Interrupted:
        if store is None:
            raise Interrupted("Stopped. Nothing was saved, because you chose --no-save.") from None
        raise Interrupted(
            "Stopped. Everything the group has said so far is saved.\n"
            f"To carry on from the same person and question, run: {resume_hint(out)}",
            draft.id,
        ) from None
    record = session.record(ex.subjects.get(draft.about, draft.about))
    show_group_result(console, ex, record, plain)
    if store is None:
        console.print()
        console.print("Nothing was saved, because you chose --no-save.")
        return
    try:
        yaml_path, md_path = store.save_reflection(record, group_markdown(record))
    except StorageError as e:
        raise StorageError(
            f"{e}\nThe session is still kept as a draft; once the folder can be written to, "
            f"run: {resume_hint(out)}"
        ) from None
    store.delete_draft(draft.id)
    console.print()
    console.print("Saved the group's record:")
    console.print(Text(printable(f"  {md_path}")), soft_wrap=True)
    console.print("  (to read, print or share with everyone who took part)")
    console.print(Text(printable(f"  {yaml_path}")), soft_wrap=True)
