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
from coprod_toolkit.i18n import _, gettext_noop, ngettext

if TYPE_CHECKING:
    from rich.console import Console

    from coprod_toolkit.i18n import Choice
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
    why_not_saved: str = gettext_noop("you chose --no-save"),
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
            raise Interrupted(
                _("Stopped. Nothing was saved, because {why}.").format(why=_(why_not_saved))
            ) from None
        raise Interrupted(
            _(
                "Stopped. Your answers so far are saved.\n"
                "To carry on where you left off, run: {command}"
            ).format(command=resume_hint(out)),
            draft.id,
        ) from None
    if store is None:
        console.print()
        console.print(_("Nothing was saved, because {why}.").format(why=_(why_not_saved)))
        return
    reflection = session.reflection(label)
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
    console.print(_("Saved your reflection:"))
    console.print(Text(printable(f"  {md_path}")), soft_wrap=True)
    console.print("  " + _("(a report to read or print)"))
    console.print(Text(printable(f"  {yaml_path}")), soft_wrap=True)
    console.print("  " + _("(every answer, for coprod and other tools)"))


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
        return _(
            "Your answers are still kept as a draft; once the folder can be written to, "
            "run: {command}"
        ).format(command=resume_hint(out))
    if prompter is None:
        return _(
            "Nothing was saved, not even a draft. Your answers are still in your answers "
            "file: once the folder can be written to, run the same command again."
        )
    return _(
        "Nothing could be saved, not even a draft, so this run's answers will be lost "
        "when coprod stops. Note your results down, then run coprod again once the folder "
        "can be written to."
    )


def previous_step(
    store: Store | None, exercise_id: str, name: str | None, about: str
) -> PreviousStep | None:
    """Last time's "one thing I will do next", from this person's latest reflection.

    Only a reflection on the same exercise and the same subject counts: a step
    planned about my own practice is not last time's step about my service. And only
    for someone who gives their name: an anonymous reflection could be anyone's, and on
    a shared computer or folder last time's anonymous step may be another person's.
    """
    if store is None or not name:
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
    from coprod_toolkit.i18n import format_date

    when = format_date(earlier.when.astimezone().date())
    prompter.say()
    prompter.say(
        _("Last time ({date}) you said the one thing you would do next was:").format(date=when)
    )
    prompter.say(f"  {earlier.text}")
    from coprod_toolkit.report import happened_answer

    happened = prompter.choose(
        _("Did it happen?"),
        [(value, happened_answer(value)) for value in ("yes", "partly", "no")],
    )
    earlier.happened = "yes" if happened == "yes" else "partly" if happened == "partly" else "no"
    learned = prompter.text(_("What did you learn from it? (press Enter to skip)"))
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
        p: f"coprod {'readiness' if kind == 'checklist' else 'assess'} {p}"  # i18n-ok
        for p, kind in found.items()
    }
    return commands


# --------------------------------------------------------------------------- language


def _language_choice() -> Choice:
    """The language chosen for this run, and where from (--lang, COPROD_LANG, the computer)."""
    import importlib

    from coprod_toolkit.i18n import choose

    app_module = importlib.import_module("coprod_toolkit.cli.app")
    choice: Choice | None = getattr(app_module, "language_choice", None)
    return choice or choose()


def language_was_chosen() -> bool:
    """Whether the person named a language for this run (--lang or COPROD_LANG), rather
    than coprod taking it from the computer's settings."""
    return _language_choice().source in ("--lang", "COPROD_LANG")


def language_from_computer() -> bool:
    """Whether the computer's own language settings named a language coprod speaks."""
    from coprod_toolkit.i18n import LOCALE_VARIABLES

    choice = _language_choice()
    return choice.source in LOCALE_VARIABLES and choice.asked == choice.language


def ask_language(loaded: LoadedExercise, prompter: PlainPrompter) -> LoadedExercise:
    """Which language to do an exercise in, when it has more than one and the person did
    not name one: the exercise and coprod's own words then both use it, for the whole run.

    When the computer's settings name a language coprod speaks, that is taken as the
    person's choice and nothing is asked (so nobody is asked on every run); the other
    languages are offered in one line each, written in that language.
    """
    from coprod_toolkit.i18n import language, name_of, set_language, using
    from coprod_toolkit.loader import languages

    codes = languages(loaded)  # the same for an exercise and its translations
    if len(codes) < 2 or language_was_chosen():
        return loaded
    current = language()
    if language_from_computer() and current in codes:
        _offer_other_languages([c for c in codes if c != current], prompter)
        return loaded
    from coprod_toolkit.translations import localise

    ordered = sorted(codes, key=lambda code: code != current)  # the one in use first
    # Asked in every language on offer: the person may not read the one coprod fell back to.
    asked = []
    for code in ordered:
        with using(code):
            asked.append(_("Which language would you like to use?"))
    prompter.say()
    chosen = prompter.choose(
        " / ".join(dict.fromkeys(asked)),
        [(code, name_of(code)) for code in ordered],
        default=current if current in codes else None,
    )
    set_language(chosen)
    return localise(loaded, chosen)


def _offer_other_languages(codes: list[str], prompter: PlainPrompter) -> None:
    """One line per other language, in that language, with the command that uses it."""
    import shlex

    from coprod_toolkit.i18n import using
    from coprod_toolkit.text import typed_command

    rest = " ".join(shlex.quote(arg) for arg in typed_command() or ["assess"])
    for code in codes:
        command = f"coprod --lang {code} {rest}".rstrip()  # i18n-ok: a command
        with using(code):
            # Translators: shown in the language it offers, so name YOUR language here
            # ("...in Welsh too" becomes "...yn Gymraeg hefyd"). {command} is a command.
            prompter.say(
                _("You can do this exercise in English too: {command}").format(command=command)
            )


# --------------------------------------------------------------------------- assess


ASSESS_HELP = gettext_noop(
    """Rate your practice against the principles of co-production, and plan a next step.

    Questions come section by section. You can ask for help, go back, and check
    every answer before it is saved. The results show a score for each principle,
    what the overall result means, and where to start.

    Examples:

      coprod assess

      coprod assess --about service --name "Sam"

      coprod assess --answers my-answers.yaml --no-save
    """
)


@app.command(help=ASSESS_HELP)
def assess(
    exercise: Annotated[
        str,
        typer.Argument(
            help=gettext_noop("The exercise to do: its id, or the path of its file."),
            metavar="EXERCISE",
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
    """coprod assess: its help is ASSESS_HELP, translated when shown."""
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
    why_not_saved: str = gettext_noop("you chose --no-save"),
    typed: str = "",
) -> None:
    """Run one exercise from start to saved reflection. `command` is 'assess' or 'readiness';
    `typed` is the command as the person typed it, when that was another ('exercise try')."""
    from coprod_toolkit.catalog import find
    from coprod_toolkit.errors import NoTerminal, UsageProblem
    from coprod_toolkit.report import intro_lines, show_intro
    from coprod_toolkit.scoring import visible
    from coprod_toolkit.session import new_draft, now
    from coprod_toolkit.storage import Store, default_home, new_run_id

    if not answers and not sys.stdin.isatty():
        find(exercise, exercises)  # an exercise that is not there is said to be so first
        raise NoTerminal(
            _(
                "coprod {command} asks its questions in a terminal, but there is none here "
                "(its input comes from a file or another program).\n"
                "Fix: run it in a terminal window, or give your answers in a file: "
                "coprod {command} {exercise} --answers FILE (the question ids are listed by "
                "'coprod exercise show {exercise}')."
            ).format(command=typed or command, exercise=exercise)
        )
    loaded = find(exercise, exercises)
    ex = loaded.exercise
    if ex.kind == "guided":
        raise UsageProblem(
            _(
                "'{id}' is a guided exercise for a group. Fix: run it with: coprod group {exercise}"
            ).format(id=ex.id, exercise=exercise)
        )
    if (ex.kind == "checklist") != (command == "readiness"):
        if ex.kind == "checklist":
            wrong = _("'{id}' is a checklist. Fix: run it with: coprod readiness {exercise}")
        else:
            wrong = _("'{id}' is an assessment. Fix: run it with: coprod assess {exercise}")
        raise UsageProblem(wrong.format(id=ex.id, exercise=exercise))
    subject = subject_of(ex, about) if about is not None else None
    if name is not None:
        name = " ".join(name.split()) or None
        if name and len(name) > 100:
            raise UsageProblem(_("--name: please keep the name under 100 characters."))
    store = None if no_save else Store(out.expanduser() if out else default_home())
    if store is not None:
        store.check_writable()
    plain = plain or not interactive() or os.environ.get("TERM") == "dumb"
    console = console_for(plain)
    if answers is not None:
        from coprod_toolkit.answers import load_answers

        given = load_answers(answers, ex, exercise)
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
    try:
        loaded = ask_language(loaded, prompter)
    except Interrupted:
        raise Interrupted(_("Stopped before the first question. Nothing was saved.")) from None
    ex = loaded.exercise
    console.print()
    show_intro(console, intro_lines(ex, len(visible(ex, {})), saving, _(why_not_saved)), plain)
    try:
        if subject is None:
            if len(ex.subjects) > 1:
                subject = prompter.choose(
                    _("What are you reflecting on?"),
                    [(k, v[:1].upper() + v[1:]) for k, v in ex.subjects.items()],
                )
            else:
                subject = next(iter(ex.subjects))
        if name is None:
            typed = prompter.text(
                _("Your name (or press Enter to stay anonymous)"),
                note="",
            )
            typed = " ".join(typed.split())
            while len(typed) > 100:
                # Never cut a name silently: say so, and offer the shortened one to change.
                prompter.say(
                    _("Sorry, that name is {count} characters long; please keep it to 100.").format(
                        count=len(typed)
                    )
                )
                typed = " ".join(
                    prompter.text(_("Your name, shortened"), default=typed[:100].strip()).split()
                )
            name = typed or None
        earlier = previous_step(store, ex.id, name, subject)
        if earlier is not None:
            ask_about_previous_step(prompter, earlier)
    except Interrupted:
        raise Interrupted(_("Stopped before the first question. Nothing was saved.")) from None
    run_id = new_run_id(ex.id, now())
    if store is not None:
        run_id = store.reserve_id(run_id)
    draft = new_draft(loaded, run_id, subject, name, command)
    draft.previous_step = earlier
    draft.plain = plain  # a run started plain (a screen reader) carries on plain after resume
    if store is None:
        _finish(loaded, draft, store, prompter, console, plain, out, exercises, why_not_saved)
        return
    with store.claim(run_id):  # held while answering, so `resume` elsewhere cannot save it too
        store.save_draft(draft)
        _finish(loaded, draft, store, prompter, console, plain, out, exercises, why_not_saved)


# --------------------------------------------------------------------------- resume


RESUME_HELP = gettext_noop(
    """Carry on with a run that was stopped part-way (Ctrl-C, a crash, a closed laptop).

    Examples:

      coprod resume

      coprod resume 2026-11-23-1545-six-principles
    """
)


@app.command(help=RESUME_HELP)
def resume(
    draft_id: Annotated[
        str | None,
        typer.Argument(
            help=gettext_noop("Which unfinished run to continue (as listed). Leave out to choose."),
            metavar="DRAFT",
        ),
    ] = None,
    out: OutOpt = None,
    plain: PlainOpt = False,
    menus: Annotated[
        bool,
        typer.Option(
            "--menus",
            help=gettext_noop(
                "Arrow-key menus again, for a run that was started with --plain "
                "(without this, it carries on plain)."
            ),
        ),
    ] = False,
    exercises: ExercisesOpt = None,
) -> None:
    """coprod resume: its help is RESUME_HELP, translated when shown."""
    _resume(draft_id, out, plain, exercises, menus)


def _resume_folder(out: Path) -> Path:
    """--out for resume: a mistyped folder is said to be wrong (as history says it), not
    taken for one with nothing to resume; the drafts folder itself is taken for its own."""
    from coprod_toolkit.cli.history import _root
    from coprod_toolkit.errors import UsageProblem

    root = out.expanduser()
    if root.name == "drafts" and root.is_dir() and not (root / "drafts").is_dir():
        raise UsageProblem(
            _(
                "--out {folder}: this is the drafts folder itself. Fix: give the folder it "
                "is in: --out {parent}"
            ).format(folder=out, parent=root.parent)
        )
    return _root(out)


def _resume(
    draft_id: str | None,
    out: Path | None,
    plain: bool,
    exercises: list[Path] | None,
    menus: bool = False,
) -> None:

    from coprod_toolkit.errors import Interrupted, NoTerminal, NotFound
    from coprod_toolkit.storage import Store, default_home
    from coprod_toolkit.text import printable

    store = Store(_resume_folder(out) if out else default_home())
    drafts, broken = store.list_drafts()
    for error in broken:
        sys.stderr.write(
            printable(_("Skipped a draft that cannot be read:\n{error}").format(error=error) + "\n")
        )
    if not drafts and draft_id is None:
        typer.echo(
            _("There is nothing to resume: no unfinished runs in {folder}.").format(
                folder=store.drafts
            )
        )
        return
    matches = []
    if draft_id is not None:
        matches = [d for d in drafts if d.id == draft_id] or [
            d for d in drafts if d.id.startswith(draft_id)
        ]
        if len(matches) != 1:
            raise NotFound(_no_such_run(draft_id, matches or drafts, bool(matches), exercises))
    if not interactive():
        raise NoTerminal(
            _(
                "coprod resume asks questions in a terminal, but there is none here. "
                "Fix: run it in a terminal window."
            )
        )
    plain = plain or os.environ.get("TERM") == "dumb"
    # A run started with --plain (a screen reader, a simple terminal) carries on plain, and
    # so does the list to choose from when any run on it was started plain.
    listed = plain or (not menus and any(d.plain for d in drafts))
    console = console_for(listed)
    prompter = prompter_for(listed)
    if draft_id is not None:
        draft = matches[0]
    elif len(drafts) == 1:
        draft = drafts[0]
    else:
        seen: dict[str, dict[str, str]] = {}
        try:
            chosen = prompter.choose(
                _("Which run do you want to carry on with?"),
                [(d.id, _draft_label(d, _subjects_of(d, exercises, seen))) for d in drafts],
            )
        except Interrupted:
            raise Interrupted(_("Stopped. Nothing was changed.")) from None
        draft = next(d for d in drafts if d.id == chosen)
    plain = plain or (draft.plain and not menus)
    if plain != listed:
        console = console_for(plain)
        prompter = prompter_for(plain)
    with store.claim(draft.id):  # a second window on the same run stops here
        held = _reloaded(store, draft)
        held.plain = held.plain and not menus  # --menus: menus from now on
        _carry_on(held, store, console, prompter, plain, out, exercises)


def _reloaded(store: Store, draft: Draft | GroupDraft) -> Draft | GroupDraft:
    """The draft as it is on disk now that it is held: it may have been finished meanwhile."""
    from coprod_toolkit.errors import CoprodError

    if not store.has_draft(draft.id):
        raise CoprodError(
            _(
                "The run {id} was finished a moment ago in another window, so there is "
                "nothing left to carry on with. See it with: coprod history"
            ).format(id=draft.id)
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
            problems.append(_("'{id}' is not a question of this exercise").format(id=key))
            continue
        if value is None:
            continue  # a question passed over
        try:
            draft.answers[key] = parse_answer(ex, q, value)
        except BadAnswer as e:
            problems.append(_("the answer to '{id}': {problem}").format(id=key, problem=e))
    total = len(visible(ex, draft.answers))
    if not 0 <= draft.position <= total:
        problems.append(
            _(
                "position: {position} is not a place in this run "
                "(it has {total} questions, so 0 to {total})"
            ).format(position=draft.position, total=total)
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
    loaded = _in_language_of(draft, loaded)
    ex = loaded.exercise
    console.print(
        Text(
            printable(
                _("Carrying on with {run}.").format(run=one_line(_draft_label(draft, ex.subjects)))
            )
        )
    )
    if isinstance(draft, GroupDraft):
        from coprod_toolkit.cli.group import continue_group

        if loaded.hash != draft.exercise.hash:
            console.print(
                _(
                    "This exercise has changed since the group started; the group's answers "
                    "so far are kept where the questions are the same."
                )
            )
        hangup_is_interrupt()
        continue_group(loaded, draft, store, console, plain, out)
        return
    if loaded.hash == draft.exercise.hash:
        problems = _draft_problems(ex, draft)
        if problems:
            listed = "".join(f"\n  - {p}" for p in problems)
            raise CoprodError(
                _(
                    "The unfinished run {id} has been changed by hand, and coprod cannot "
                    "carry on with it as it is:{listed}\n"
                    "Fix: correct those lines in {file}, "
                    "or move that file away to start the exercise again."
                ).format(id=draft.id, listed=listed, file=store.drafts / (draft.id + ".yaml"))
            )
    if loaded.hash != draft.exercise.hash:
        kept = answers_that_fit(ex, draft.answers)
        question = _(
            "This exercise has changed since you started (version {old}, now {new}). "
            "{kept} of your {count} answers still fit it. What would you like to do?"
        ).format(
            old=draft.exercise.version, new=ex.version, kept=len(kept), count=len(draft.answers)
        )
        try:
            choice = prompter.choose(
                question,
                [
                    ("keep", _("Keep the answers that still fit, and answer the rest")),
                    ("restart", _("Start again from the first question")),
                ],
            )
        except Interrupted:
            raise Interrupted(_("Stopped. Your draft was not changed.")) from None
        restart_on(draft, loaded, {} if choice == "restart" else kept)
    hangup_is_interrupt()
    _finish(loaded, draft, store, prompter, console, plain, out, exercises)


def _in_language_of(draft: Draft | GroupDraft, loaded: LoadedExercise) -> LoadedExercise:
    """A run carries on in the language it was started in, unless the person names one.
    A group carries on in the language coprod spoke to it in (each person's own turns
    are the group session's business)."""
    from coprod_toolkit.i18n import set_language
    from coprod_toolkit.loader import language_of, languages
    from coprod_toolkit.models import GroupDraft

    wanted = draft.language
    if isinstance(draft, GroupDraft) and wanted and not language_was_chosen():
        set_language(wanted)  # its own words, even when the exercise is not in it
    if not wanted or wanted == language_of(loaded) or language_was_chosen():
        return loaded
    if wanted not in languages(loaded):
        return loaded
    from coprod_toolkit.translations import localise

    set_language(wanted)
    return localise(loaded, wanted)


def _subjects_of(
    draft: Draft | GroupDraft, exercises: list[Path] | None, seen: dict[str, dict[str, str]]
) -> dict[str, str]:
    """The words for what a run reflects on, from its exercise when coprod can find it
    (each exercise looked for once in a listing, kept in `seen`)."""
    from coprod_toolkit.catalog import find
    from coprod_toolkit.errors import CoprodError
    from coprod_toolkit.models import GroupDraft

    if isinstance(draft, GroupDraft):
        return {}  # a group's line names its people, not what it is about
    key = draft.exercise.id
    if key not in seen:
        try:
            seen[key] = dict(find(key, exercises).exercise.subjects)
        except CoprodError:
            seen[key] = {}
    return seen[key]


def _about_words(about: str, subjects: dict[str, str] | None) -> str:
    """What a run is about, in the exercise's words ('my own practice'), not its id ('me')."""
    label = (subjects or {}).get(about, "")
    if not label:
        return about
    if len(label) > 1 and label[1].islower():
        label = label[0].lower() + label[1:]  # inside a sentence: "about my own practice"
    return label


def _no_such_run(
    draft_id: str, listed: list[Draft | GroupDraft], several: bool, exercises: list[Path] | None
) -> str:
    """Why `coprod resume NAME` found no run to carry on, and the runs there are."""
    from coprod_toolkit.text import one_line

    if not listed:
        return _(
            "There is no unfinished run called '{id}'. There are no unfinished runs at all."
        ).format(id=draft_id)
    seen: dict[str, dict[str, str]] = {}
    listing = "\n".join(
        f"  {d.id}: {one_line(_draft_label(d, _subjects_of(d, exercises, seen)))}" for d in listed
    )
    if several:
        return _(
            "More than one unfinished run starts with '{id}'. Give more of its name. "
            "They are:\n{listing}"
        ).format(id=draft_id, listing=listing)
    return ngettext(
        "There is no unfinished run called '{id}'. The unfinished run is:\n{listing}",
        "There is no unfinished run called '{id}'. The unfinished runs are:\n{listing}",
        len(listed),
    ).format(id=draft_id, listing=listing)


def _draft_label(draft: Draft | GroupDraft, subjects: dict[str, str] | None = None) -> str:
    from coprod_toolkit.i18n import format_date
    from coprod_toolkit.models import GroupDraft

    moment = draft.updated.astimezone()
    when = f"{format_date(moment.date())} {moment:%H:%M}"
    if isinstance(draft, GroupDraft):
        return _("'{title}', a group session with {people}, last saved {when}").format(
            title=draft.exercise.title, people=", ".join(draft.people), when=when
        )
    count = len(draft.answers)
    answers = ngettext("{count} answer", "{count} answers", count).format(count=count)
    if draft.name:
        return _("'{title}' ({name}, about {about}), last answered {when} ({answers})").format(
            title=draft.exercise.title,
            name=draft.name,
            about=_about_words(draft.about, subjects),
            when=when,
            answers=answers,
        )
    return _("'{title}' (about {about}), last answered {when} ({answers})").format(
        title=draft.exercise.title,
        about=_about_words(draft.about, subjects),
        when=when,
        answers=answers,
    )


# --------------------------------------------------------------------------- exercise
