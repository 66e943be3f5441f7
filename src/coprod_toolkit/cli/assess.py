"""coprod assess and coprod resume."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from coprod_toolkit.cli.app import app
from coprod_toolkit.cli.common import (
    AboutOpt,
    AnswersOpt,
    ExercisesOpt,
    NameOpt,
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
    from coprod_toolkit.models import Draft, Exercise, GroupDraft, PreviousStep
    from coprod_toolkit.prompts import PlainPrompter
    from coprod_toolkit.storage import Store


def _finish(
    loaded: LoadedExercise,
    draft: Draft,
    store: Store | None,
    prompter: PlainPrompter | None,
    console: Console,
    plain: bool,
    out: Path | None,
    extra: list[Path] | None = None,
    why_not_saved: str = "you chose --no-save",
) -> None:
    """Ask what is left, show the results, and save the reflection."""
    from coprod_toolkit.errors import Interrupted, StorageError
    from coprod_toolkit.report import markdown, show_result
    from coprod_toolkit.session import AssessSession

    ex = loaded.exercise
    label = ex.subjects.get(draft.about, draft.about)
    session = AssessSession(loaded, draft, on_change=store.save_draft if store else None)
    try:
        if prompter is not None:
            session.run(prompter)
        show_result(console, ex, session.reflection(label), plain, practice_commands(ex, extra))
        if prompter is not None:
            session.ask_next_step(prompter)
    except (Interrupted, KeyboardInterrupt, EOFError):
        # Ctrl-C can also arrive between prompts, while a question is being drawn.
        if store is None:
            raise Interrupted(f"Stopped. Nothing was saved, because {why_not_saved}.") from None
        raise Interrupted(
            "Stopped. Your answers so far are saved.\n"
            f"To carry on where you left off, run: {resume_hint(out)}",
            draft.id,
        ) from None
    reflection = session.reflection(label)
    if store is None:
        console.print()
        console.print(f"Nothing was saved, because {why_not_saved}.")
        return
    try:
        yaml_path, md_path = store.save_reflection(reflection, markdown(reflection, ex))
    except StorageError as e:
        raise StorageError(f"{e}\n{_where_answers_are(store, draft, prompter, out)}") from None
    store.delete_draft(draft.id)
    from coprod_toolkit.history import History

    History(store.root).remember(
        reflection.model_copy(update={"id": yaml_path.stem}), yaml_path, store.folder_times
    )
    from rich.text import Text

    from coprod_toolkit.text import printable

    console.print()
    console.print("Saved your reflection:")
    console.print(Text(printable(f"  {md_path}")), soft_wrap=True)
    console.print("  (a report to read or print)")
    console.print(Text(printable(f"  {yaml_path}")), soft_wrap=True)
    console.print("  (every answer, for coprod and other tools)")


def _where_answers_are(
    store: Store, draft: Draft, prompter: PlainPrompter | None, out: Path | None
) -> str:
    """After a failed save, say truly where the answers are: never a draft that is not there."""
    import contextlib

    from coprod_toolkit.errors import StorageError

    if not store.has_draft(draft.id):
        with contextlib.suppress(StorageError):
            store.save_draft(draft)
    if store.has_draft(draft.id):
        return (
            "Your answers are still kept as a draft; once the folder can be written to, "
            f"run: {resume_hint(out)}"
        )
    if prompter is None:
        return (
            "Nothing was saved, not even a draft. Your answers are still in your answers "
            "file: once the folder can be written to, run the same command again."
        )
    return (
        "Nothing could be saved, not even a draft, so this run's answers will be lost "
        "when coprod stops. Note your results down, then run coprod again once the folder "
        "can be written to."
    )


def previous_step(
    store: Store | None, exercise_id: str, name: str | None, about: str
) -> PreviousStep | None:
    """Last time's "one thing I will do next", from this person's latest reflection.

    Only a reflection on the same exercise and the same subject counts: a step
    planned about my own practice is not last time's step about my service.
    """
    if store is None:
        return None
    from coprod_toolkit.cli.history import index_progress
    from coprod_toolkit.history import History
    from coprod_toolkit.models import PreviousStep

    latest = History(store.root, index_progress()).latest(exercise_id, about, name)
    if latest is None or not latest.next_step:
        return None
    return PreviousStep(text=latest.next_step, reflection=latest.id, when=latest.when)


def ask_about_previous_step(prompter: PlainPrompter, earlier: PreviousStep) -> None:
    """Close the loop: did last time's next step happen, and what was learned?"""
    when = f"{earlier.when.astimezone():%d %B %Y}"
    prompter.say()
    prompter.say(f"Last time ({when}) you said the one thing you would do next was:")
    prompter.say(f"  {earlier.text}")
    happened = prompter.choose(
        "Did it happen?",
        [("yes", "Yes"), ("partly", "Partly"), ("no", "No, not yet")],
    )
    earlier.happened = "yes" if happened == "yes" else "partly" if happened == "partly" else "no"
    learned = prompter.text("What did you learn from it? (press Enter to skip)")
    earlier.learned = learned or None


def practice_commands(ex: Exercise, extra: list[Path] | None) -> dict[str, str]:
    """The command that runs each exercise a section suggests for practice."""
    wanted = {p for section in ex.sections for p in section.practice}
    if not wanted:
        return {}
    from coprod_toolkit.catalog import kinds
    from coprod_toolkit.errors import CoprodError

    try:
        found = kinds(wanted, extra)  # from the cached summaries: no file read in full
    except CoprodError:
        return {}
    commands = {
        p: f"coprod {'readiness' if kind == 'checklist' else 'assess'} {p}"
        for p, kind in found.items()
    }
    return commands


# --------------------------------------------------------------------------- assess


@app.command()
def assess(
    exercise: Annotated[
        str,
        typer.Argument(
            help="The exercise to do: its id, or the path of its file.", metavar="EXERCISE"
        ),
    ] = "six-principles",
    name: NameOpt = None,
    about: AboutOpt = None,
    answers: AnswersOpt = None,
    out: OutOpt = None,
    plain: PlainOpt = False,
    no_save: NoSaveOpt = False,
    exercises: ExercisesOpt = None,
) -> None:
    """Rate your practice against the principles of co-production, and plan a next step.

    Questions come section by section. You can ask for help, go back, and check
    every answer before it is saved. The results show a score for each principle,
    what the overall result means, and where to start.

    Examples:

      coprod assess

      coprod assess --about service --name "Sam"

      coprod assess --answers my-answers.yaml --no-save
    """
    run_assess(exercise, name, about, answers, out, plain, no_save, exercises)


def run_assess(
    exercise: str,
    name: str | None,
    about: str | None,
    answers: Path | None,
    out: Path | None,
    plain: bool,
    no_save: bool,
    exercises: list[Path] | None,
    command: str = "assess",
    why_not_saved: str = "you chose --no-save",
) -> None:
    """Run one exercise from start to saved reflection. `command` is 'assess' or 'readiness'."""
    from coprod_toolkit.catalog import find
    from coprod_toolkit.errors import NoTerminal, UsageProblem
    from coprod_toolkit.report import intro_lines, show_intro
    from coprod_toolkit.scoring import visible
    from coprod_toolkit.session import new_draft, now
    from coprod_toolkit.storage import Store, default_home, new_run_id

    if not answers and not sys.stdin.isatty():
        raise NoTerminal(
            f"coprod {command} asks its questions in a terminal, but there is none here "
            "(its input comes from a file or another program).\n"
            "Fix: run it in a terminal window, or give your answers in a file: "
            f"coprod {command} --answers FILE (the question ids are listed by "
            f"'coprod exercise show {exercise}')."
        )
    loaded = find(exercise, exercises)
    ex = loaded.exercise
    if ex.kind == "guided":
        raise UsageProblem(
            f"'{ex.id}' is a guided exercise for a group. Fix: run it with: coprod group {exercise}"
        )
    if (ex.kind == "checklist") != (command == "readiness"):
        right = "readiness" if ex.kind == "checklist" else "assess"
        raise UsageProblem(
            f"'{ex.id}' is {'a checklist' if ex.kind == 'checklist' else 'an assessment'}. "
            f"Fix: run it with: coprod {right} {exercise}"
        )
    subject = subject_of(ex, about) if about is not None else None
    if name is not None:
        name = " ".join(name.split()) or None
        if name and len(name) > 100:
            raise UsageProblem("--name: please keep the name under 100 characters.")
    store = None if no_save else Store(out.expanduser() if out else default_home())
    if store is not None:
        store.check_writable()
    plain = plain or not interactive() or os.environ.get("TERM") == "dumb"
    console = console_for(plain)
    if answers is not None:
        from coprod_toolkit.answers import load_answers

        given = load_answers(answers, ex)
        if subject is None and given.about:
            subject = subject_of(ex, given.about)
        subject = subject or next(iter(ex.subjects))
        draft = new_draft(loaded, new_run_id(ex.id, now()), subject, name or given.name, command)
        draft.answers = given.answers
        draft.next_step = given.next_step
        draft.previous_step = previous_step(store, ex.id, draft.name, subject)
        if draft.previous_step is not None:
            draft.previous_step.happened = given.last_step_happened
            draft.previous_step.learned = given.last_step_learned
        draft.stage = "next_step"
        _finish(loaded, draft, store, None, console, plain, out, exercises, why_not_saved)
        return
    prompter = prompter_for(plain)
    hangup_is_interrupt()
    from coprod_toolkit.errors import Interrupted

    saving = str(store.root) if store else None
    console.print()
    show_intro(console, intro_lines(ex, len(visible(ex, {})), saving, why_not_saved), plain)
    try:
        if subject is None:
            if len(ex.subjects) > 1:
                subject = prompter.choose(
                    "What are you reflecting on?",
                    [(k, v[:1].upper() + v[1:]) for k, v in ex.subjects.items()],
                )
            else:
                subject = next(iter(ex.subjects))
        if name is None:
            typed = prompter.text(
                "Your name (or press Enter to stay anonymous)",
                note="",
            )
            typed = " ".join(typed.split())
            while len(typed) > 100:
                # Never cut a name silently: say so, and offer the shortened one to change.
                prompter.say(
                    f"Sorry, that name is {len(typed)} characters long; please keep it to 100."
                )
                typed = " ".join(
                    prompter.text("Your name, shortened", default=typed[:100].strip()).split()
                )
            name = typed or None
        earlier = previous_step(store, ex.id, name, subject)
        if earlier is not None:
            ask_about_previous_step(prompter, earlier)
    except Interrupted:
        raise Interrupted("Stopped before the first question. Nothing was saved.") from None
    run_id = new_run_id(ex.id, now())
    if store is not None:
        run_id = store.reserve_id(run_id)
    draft = new_draft(loaded, run_id, subject, name, command)
    draft.previous_step = earlier
    if store is None:
        _finish(loaded, draft, store, prompter, console, plain, out, exercises, why_not_saved)
        return
    with store.claim(run_id):  # held while answering, so `resume` elsewhere cannot save it too
        store.save_draft(draft)
        _finish(loaded, draft, store, prompter, console, plain, out, exercises, why_not_saved)


# --------------------------------------------------------------------------- resume


@app.command()
def resume(
    draft_id: Annotated[
        str | None,
        typer.Argument(
            help="Which unfinished run to continue (as listed). Leave out to choose.",
            metavar="DRAFT",
        ),
    ] = None,
    out: OutOpt = None,
    plain: PlainOpt = False,
    exercises: ExercisesOpt = None,
) -> None:
    """Carry on with a run that was stopped part-way (Ctrl-C, a crash, a closed laptop).

    Examples:

      coprod resume

      coprod resume 2026-11-23-1545-six-principles
    """
    _resume(draft_id, out, plain, exercises)


def _resume(
    draft_id: str | None, out: Path | None, plain: bool, exercises: list[Path] | None
) -> None:

    from coprod_toolkit.errors import Interrupted, NoTerminal, NotFound
    from coprod_toolkit.storage import Store, default_home
    from coprod_toolkit.text import printable

    store = Store(out.expanduser() if out else default_home())
    drafts, broken = store.list_drafts()
    for error in broken:
        sys.stderr.write(printable(f"Skipped a draft that cannot be read:\n{error}\n"))
    if not drafts and draft_id is None:
        typer.echo(f"There is nothing to resume: no unfinished runs in {store.drafts}.")
        return
    matches = []
    if draft_id is not None:
        matches = [d for d in drafts if d.id == draft_id] or [
            d for d in drafts if d.id.startswith(draft_id)
        ]
        if len(matches) != 1:
            listing = "\n".join(f"  {d.id}" for d in drafts) or "  (none)"
            raise NotFound(
                f"There is no single unfinished run called '{draft_id}'. The unfinished runs are:\n"
                f"{listing}"
            )
    if not interactive():
        raise NoTerminal(
            "coprod resume asks questions in a terminal, but there is none here. "
            "Fix: run it in a terminal window."
        )
    plain = plain or os.environ.get("TERM") == "dumb"
    console = console_for(plain)
    prompter = prompter_for(plain)
    if draft_id is not None:
        draft = matches[0]
    elif len(drafts) == 1:
        draft = drafts[0]
    else:
        try:
            chosen = prompter.choose(
                "Which run do you want to carry on with?",
                [(d.id, _draft_label(d)) for d in drafts],
            )
        except Interrupted:
            raise Interrupted("Stopped. Nothing was changed.") from None
        draft = next(d for d in drafts if d.id == chosen)
    with store.claim(draft.id):  # a second window on the same run stops here
        _carry_on(_reloaded(store, draft), store, console, prompter, plain, out, exercises)


def _reloaded(store: Store, draft: Draft | GroupDraft) -> Draft | GroupDraft:
    """The draft as it is on disk now that it is held: it may have been finished meanwhile."""
    from coprod_toolkit.errors import CoprodError

    if not store.has_draft(draft.id):
        raise CoprodError(
            f"The run {draft.id} was finished a moment ago in another window, so there is "
            "nothing left to carry on with. See it with: coprod history"
        )
    return store.load_draft(store.drafts / f"{draft.id}.yaml")


def _draft_problems(ex: Exercise, draft: Draft) -> list[str]:
    """What in a draft does not fit its exercise (a draft edited by hand), in plain words."""
    from coprod_toolkit.answers import BadAnswer, parse_answer
    from coprod_toolkit.scoring import visible

    problems = []
    for key, value in draft.answers.items():
        q = ex.question(key)
        if q is None:
            problems.append(f"'{key}' is not a question of this exercise")
            continue
        if value is None:
            continue  # a question passed over
        try:
            draft.answers[key] = parse_answer(ex, q, value)
        except BadAnswer as e:
            problems.append(f"the answer to '{key}': {e}")
    total = len(visible(ex, draft.answers))
    if not 0 <= draft.position <= total:
        problems.append(
            f"position: {draft.position} is not a place in this run "
            f"(it has {total} questions, so 0 to {total})"
        )
    return problems


def _carry_on(
    draft: Draft | GroupDraft,
    store: Store,
    console: Console,
    prompter: PlainPrompter,
    plain: bool,
    out: Path | None,
    exercises: list[Path] | None,
) -> None:
    from rich.text import Text

    from coprod_toolkit.catalog import find
    from coprod_toolkit.errors import CoprodError, Interrupted
    from coprod_toolkit.loader import load_exercise
    from coprod_toolkit.models import GroupDraft
    from coprod_toolkit.session import answers_that_fit, restart_on
    from coprod_toolkit.text import one_line, printable

    try:
        loaded = find(draft.exercise.id, exercises)
    except CoprodError:
        if draft.exercise_path and Path(draft.exercise_path).is_file():
            loaded = load_exercise(Path(draft.exercise_path))
        else:
            raise
    ex = loaded.exercise
    console.print(Text(printable(f"Carrying on with {one_line(_draft_label(draft))}.")))
    if isinstance(draft, GroupDraft):
        from coprod_toolkit.cli.group import continue_group

        if loaded.hash != draft.exercise.hash:
            console.print(
                "This exercise has changed since the group started; the group's answers "
                "so far are kept where the questions are the same."
            )
        hangup_is_interrupt()
        continue_group(loaded, draft, store, console, plain, out)
        return
    if loaded.hash == draft.exercise.hash:
        problems = _draft_problems(ex, draft)
        if problems:
            listed = "".join(f"\n  - {p}" for p in problems)
            raise CoprodError(
                f"The unfinished run {draft.id} has been changed by hand, and coprod cannot "
                f"carry on with it as it is:{listed}\n"
                f"Fix: correct those lines in {store.drafts / (draft.id + '.yaml')}, "
                "or move that file away to start the exercise again."
            )
    if loaded.hash != draft.exercise.hash:
        kept = answers_that_fit(ex, draft.answers)
        question = (
            "This exercise has changed since you started "
            f"(version {draft.exercise.version}, now {ex.version}). "
            f"{len(kept)} of your {len(draft.answers)} answers still fit it. "
            "What would you like to do?"
        )
        try:
            choice = prompter.choose(
                question,
                [
                    ("keep", "Keep the answers that still fit, and answer the rest"),
                    ("restart", "Start again from the first question"),
                ],
            )
        except Interrupted:
            raise Interrupted("Stopped. Your draft was not changed.") from None
        restart_on(draft, loaded, {} if choice == "restart" else kept)
    hangup_is_interrupt()
    _finish(loaded, draft, store, prompter, console, plain, out, exercises)


def _draft_label(draft: Draft | GroupDraft) -> str:
    from coprod_toolkit.models import GroupDraft

    when = draft.updated.astimezone()
    if isinstance(draft, GroupDraft):
        return (
            f"{draft.exercise.title}, a group session with {', '.join(draft.people)}, "
            f"last saved {when:%d %b %Y %H:%M}"
        )
    who = f", {draft.name}" if draft.name else ""
    count = len(draft.answers)
    return (
        f"{draft.exercise.title}{who}, about {draft.about}, "
        f"last answered {when:%d %b %Y %H:%M} ({count} answer{'s' if count != 1 else ''})"
    )


# --------------------------------------------------------------------------- exercise
