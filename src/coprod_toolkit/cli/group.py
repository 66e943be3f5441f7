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

    For each question, everyone answers in turn, in private: each turn is wiped,
    scrollback too, before the keyboard is passed on, and who goes first moves
    round. Then all the answers are shown side by side: where they differ, that
    is worth talking about. The group can agree an answer on any question, and
    change anyone's answer with their say. Guided exercises go step by step,
    with a round in which everyone adds ideas, and end with a list of actions
    with names and dates.

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
        default_subject,
        group_minutes,
        load_group_answers,
        new_group_draft,
        subject_label,
    )
    from coprod_toolkit.session import now
    from coprod_toolkit.storage import Store, default_home, new_run_id
    from coprod_toolkit.text import one_line, printable

    if not answers and not sys.stdin.isatty():
        raise NoTerminal(
            "coprod group asks its questions in a terminal, but there is none here.\n"
            "Fix: run it in a terminal window, or give everyone's answers in a file: "
            "coprod group --answers FILE."
        )
    loaded = find(exercise, exercises)
    ex = loaded.exercise
    subject = default_subject(ex.subjects, about) or subject_of(ex, about)
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
            loaded,
            new_run_id(ex.id, now()),
            subject,
            names,
            anonymous,
            open_answers,
            topic=given.topic,
        )
        draft.answers = {
            q: {rename[p]: a for p, a in by.items()} for q, by in given.answers.items()
        }
        draft.agreed = given.agreed
        draft.notes = {
            q: {rename[p]: note for p, note in by.items()} for q, by in given.notes.items()
        }
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
            f"There are {len(ex.steps)} steps; it takes about {_duration(ex.minutes)}. "
            "At each step, talk first, then everyone adds ideas in turn."
        )
    else:
        count = len(list(ex.questions()))
        time = (
            f"with {len(people)} people it takes about {_duration(group_minutes(ex, len(people)))}"
            if people
            else f"allow about {ex.minutes} minutes for each person, and time to talk"
        )
        lines[4] = (
            f"There are {count} questions; {time}: everyone answers each question, "
            "then you look at the answers together and talk."
        )
    show_intro(console, lines, plain)
    stopped = "Stopped before the first question. Nothing was saved."
    try:
        if people is None:
            people = _ask_people(prompter)
            if ex.kind != "guided":
                minutes = _duration(group_minutes(ex, len(people)))
                console.print(Text(f"With {len(people)} people, allow about {minutes}."))
    except Interrupted:
        raise Interrupted(stopped) from None
    if anonymous:
        names = anonymous_names(len(people))
        console.print()
        console.print("Names will not be saved. For this session:")
        for real, alias in zip(people, names, strict=True):
            console.print(Text(one_line(f"  {real} is {alias}")))
        people = names
    topic = None
    console.print()
    try:
        if ex.kind == "guided":
            topic = (
                " ".join(
                    prompter.text(
                        "The piece of work",
                        note="What piece of work is the group talking about? Name it in a few "
                        "words, so the record says what it was about (for example: the new "
                        "carers' group). Press Enter to leave it out.",
                    ).split()
                )[:200]
                or None
            )
        else:
            console.print(
                Text(
                    printable(
                        f"The group is reflecting on {subject_label(ex, subject)}: "
                        "everyone answers about the same thing."
                    )
                )
            )
    except Interrupted:
        raise Interrupted(stopped) from None
    if not open_answers and ex.kind != "guided":
        console.print()
        for line in private_turns_note(plain):
            console.print(Text(line))
    try:
        prompter.pause("Press Enter when everyone is ready to begin: ")
    except Interrupted:
        raise Interrupted(stopped) from None
    run_id = new_run_id(ex.id, now())
    if store is not None:
        run_id = store.reserve_id(run_id)
    draft = new_group_draft(
        loaded, run_id, subject, people, anonymous, open_answers, topic=topic, plain=plain
    )
    if store is not None:
        store.save_draft(draft)
    _finish_group(loaded, draft, store, prompter, console, plain, out)


def _duration(minutes: int) -> str:
    if minutes < 90:
        return f"{minutes} minutes"
    hours, rest = divmod(minutes, 60)
    return f"{hours} hours" + (f" {rest} minutes" if rest else "")


def private_turns_note(plain: bool) -> list[str]:
    """What privacy a private turn gives, said honestly for the mode in use."""
    if not plain:
        return [
            "Everyone answers in turn, in private: when it is your turn, take the keyboard. "
            "Your answer is made on a screen of its own that is wiped when you finish, "
            "with nothing left to scroll back to. Then all the answers are shown together."
        ]
    return [
        "Everyone answers in turn, in private: when it is your turn, take the keyboard.",
        "In plain mode the screen cannot be wiped. So what you type for an answer is hidden "
        "as you type it, your answer is never shown back, and blank lines push each turn "
        "out of sight. But anyone who scrolls back up can see which questions were asked "
        "and whose turn it was.",
        "If the group would rather see what it types, answer openly with --open.",
    ]


def continue_group(
    loaded: LoadedExercise,
    draft: GroupDraft,
    store: Store,
    console: Console,
    plain: bool,
    out: Path | None,
) -> None:
    """Carry on a stopped group session: the same person, at the same question."""
    from rich.text import Text

    from coprod_toolkit.errors import Interrupted
    from coprod_toolkit.text import one_line, printable

    if draft.plain and not plain:
        plain = True  # started plain (a screen reader, a simple terminal): it stays plain
        console = console_for(plain)
    prompter = prompter_for(plain)
    console.print()
    where = (
        f"Step {draft.position + 1} of {len(loaded.exercise.steps)}"
        if loaded.exercise.kind == "guided"
        else f"Question {draft.position + 1}"
    )
    from coprod_toolkit.group import rotation

    order = rotation(draft.people, draft.position)
    if draft.stage == "questions" and draft.turn < len(order):
        where += f", {one_line(order[draft.turn])}'s turn"
    console.print(Text(printable(f"The group stopped at: {where}.")))
    if draft.topic:
        console.print(Text(printable(f"The piece of work: {one_line(draft.topic)}.")))
    if draft.anonymous:
        console.print(
            Text(
                f"Names were not saved. Before you carry on, remind each other who is who: "
                f"{', '.join(draft.people)}, in the order your names were first typed in "
                "(Person 1 was named first). Say it out loud; it is not saved."
            )
        )
    if not draft.open and loaded.exercise.kind != "guided" and draft.stage == "questions":
        for line in private_turns_note(plain):
            console.print(Text(line))
    try:
        prompter.pause("Press Enter when everyone is ready to carry on: ")
    except Interrupted:
        raise Interrupted("Stopped. The group's draft was not changed.") from None
    _finish_group(loaded, draft, store, prompter, console, plain, out)


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
    from coprod_toolkit.group import GroupSession, subject_label
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
    record = session.record(subject_label(ex, draft.about))
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
