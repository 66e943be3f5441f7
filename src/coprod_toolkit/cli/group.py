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
from coprod_toolkit.i18n import _, gettext_noop, ngettext

if TYPE_CHECKING:
    from rich.console import Console

    from coprod_toolkit.loader import LoadedExercise
    from coprod_toolkit.models import Exercise, GroupDraft
    from coprod_toolkit.prompts import PlainPrompter
    from coprod_toolkit.storage import Store


@app.command(
    help=gettext_noop(
        "Do an exercise together as a group, everyone as an equal, at one screen.\n\n"
        "For each question, everyone answers in turn, in private: each turn is wiped, "
        "scrollback too, before the keyboard is passed on, and who goes first moves "
        "round. Then all the answers are shown side by side: where they differ, that "
        "is worth talking about. The group can agree an answer on any question, and "
        "change anyone's answer with their say. Guided exercises go step by step, "
        "with a round in which everyone adds ideas, and end with a list of actions "
        "with names and dates.\n\n"
        "When the exercise is in more than one language, each person can answer in "
        'their own: put the language\'s code after their name, like "Ana:cy, Ben:en". '
        "Their turns are then in their language, and the answers shown together give "
        "each question in every language the group uses.\n\n"
        "Examples:\n\n"
        '  coprod group --people "Ana, Ben, Chi"\n\n'
        '  coprod group six-principles --people "Ana, Ben, Chi" --anonymous\n\n'
        '  coprod group readiness --people "Ana:cy, Ben:en, Chi"\n\n'
        "  coprod group --answers our-session.yaml"
    )
)
def group(
    exercise: Annotated[
        str,
        typer.Argument(
            help=gettext_noop(
                "The exercise to do together: four-steps (the default), six-principles, "
                "or any other."
            ),
            metavar="EXERCISE",
        ),
    ] = "four-steps",
    people: Annotated[
        str | None,
        typer.Option(
            "--people",
            help=gettext_noop(
                'Everyone taking part, by name, separated by commas: "Ana, Ben, Chi". '
                "Names only, no roles. Leave out to be asked. To answer in another "
                'language, put its code after the name: "Ana:cy".'
            ),
        ),
    ] = None,
    anonymous: Annotated[
        bool,
        typer.Option(
            "--anonymous", help=gettext_noop("Save people as Person 1, Person 2 ... not names.")
        ),
    ] = False,
    open_answers: Annotated[
        bool,
        typer.Option(
            "--open",
            help=gettext_noop(
                "Everyone answers openly, without the private turns at the keyboard."
            ),
        ),
    ] = False,
    both_languages: Annotated[
        bool | None,
        typer.Option(
            "--both-languages/--one-language",
            help=gettext_noop(
                "Show each question in two languages on the screens everyone shares "
                "(the default when people answer in different languages), or only in "
                "the group's language."
            ),
            show_default=False,
        ),
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help=gettext_noop(
                "Take everyone's answers from this file instead (no terminal needed)."
            ),
            metavar="FILE",
        ),
    ] = None,
    about: AboutOpt = None,
    out: OutOpt = None,
    plain: PlainOpt = False,
    no_save: NoSaveOpt = False,
    exercises: ExercisesOpt = None,
) -> None:
    """Do an exercise together as a group (its help is the help= above, for the catalogue)."""
    _group(
        exercise,
        people,
        anonymous,
        open_answers,
        both_languages,
        answers,
        about,
        out,
        plain,
        no_save,
        exercises,
    )


def _ask_people(prompter: PlainPrompter, known: list[str]) -> tuple[list[str], dict[str, str]]:
    """Names one at a time, until an empty line; a clash gets a friendly request.

    When the exercise is in more than one language, a name may end in a language code
    ('Ana:cy'); a code it is not in is explained, and that person is asked for again.
    """
    from coprod_toolkit.errors import UsageProblem
    from coprod_toolkit.group import (
        MAX_NAME,
        MAX_PEOPLE,
        MIN_PEOPLE,
        person_language,
    )
    from coprod_toolkit.i18n import listed
    from coprod_toolkit.text import one_line

    prompter.say()
    prompter.say(
        _(
            "Who is taking part? Type each person's name (names only, no job titles or roles), "
            "pressing Enter after each. Press Enter on an empty line when everyone is in."
        )
    )
    if len(known) > 1:
        prompter.say(
            _(
                "This exercise is in {languages}. To answer in a language other than the "
                "group's, type its code after the name, like 'Ana:{code}'."
            ).format(languages=listed(known), code=known[-1])
        )
    names: list[str] = []
    languages: dict[str, str] = {}
    # What was typed, kept when its language code needs fixing: in a menu terminal the field
    # is filled with all of it, to correct; plain offers the name for Enter to take as it is.
    again: str | None = None
    while True:
        asked = _("Person {number}").format(number=len(names) + 1)
        typed = " ".join(prompter.text(asked, again).split())
        again = None
        try:
            typed, code = person_language(typed, known)
        except UsageProblem as e:
            prompter.say(str(e))
            again = typed if getattr(prompter, "prefills", False) else None
            again = again or typed.rpartition(":")[0].strip() or None
            continue
        if not typed:
            if code is None and len(names) >= MIN_PEOPLE:
                return names, languages
            if code is not None:
                prompter.say(_("Please type the person's name before the language code."))
                continue
            prompter.say(
                _("A group needs at least {count} people. Please add another name.").format(
                    count=MIN_PEOPLE
                )
            )
            continue
        if len(typed) > MAX_NAME:
            prompter.say(_("Please keep names to {most} characters.").format(most=MAX_NAME))
            continue
        if typed.casefold() in (n.casefold() for n in names):
            prompter.say(
                _(
                    "There is already someone called '{name}'. Please add something to "
                    "tell you apart, like '{name} K'."
                ).format(name=one_line(typed))
            )
            continue
        names.append(typed)
        if code is not None:
            languages[typed] = code
        if len(names) == MAX_PEOPLE:
            prompter.say(
                _("That makes {count}, the most for one session.").format(count=MAX_PEOPLE)
            )
            return names, languages


def _group(
    exercise: str,
    people_text: str | None,
    anonymous: bool,
    open_answers: bool,
    both_languages: bool | None,
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
        default_subject,
        group_minutes,
        load_group_answers,
        new_group_draft,
        people_and_languages,
        subject_label,
    )
    from coprod_toolkit.loader import languages as languages_of
    from coprod_toolkit.session import now
    from coprod_toolkit.storage import Store, default_home, new_run_id
    from coprod_toolkit.text import one_line, printable

    if not answers and not sys.stdin.isatty():
        raise NoTerminal(
            _(
                "coprod group asks its questions in a terminal, but there is none here.\n"
                "Fix: run it in a terminal window, or give everyone's answers in a file: "
                "coprod group --answers FILE."
            )
        )
    loaded = find(exercise, exercises)
    ex = loaded.exercise
    known = languages_of(loaded)
    subject = default_subject(ex.subjects, about) or subject_of(ex, about)
    people: list[str] | None = None
    chosen: dict[str, str] = {}
    if people_text is not None:
        people, chosen = people_and_languages(people_text.split(","), known)
    store = None if no_save else Store(out.expanduser() if out else default_home())
    if store is not None:
        store.check_writable()
    plain = plain or not interactive() or os.environ.get("TERM") == "dumb"
    console = console_for(plain)
    if answers is not None:
        given = load_group_answers(
            answers,
            ex,
            people,
            known,
            languages=chosen,
            exercise_in=lambda code: _in_language(loaded, code),
        )
        names = anonymous_names(len(given.people)) if anonymous else given.people
        rename = dict(zip(given.people, names, strict=True))
        chosen = given.languages  # the file's, with those given on the command line
        draft = new_group_draft(
            loaded,
            new_run_id(ex.id, now()),
            subject,
            names,
            anonymous,
            open_answers,
            topic=given.topic,
            languages={rename[p]: code for p, code in chosen.items() if p in rename},
            both_languages=both_languages,
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
        lines[4] = ngettext(
            "There is {count} step; it takes about {time}. "
            "At each step, talk first, then everyone adds ideas in turn.",
            "There are {count} steps; it takes about {time}. "
            "At each step, talk first, then everyone adds ideas in turn.",
            len(ex.steps),
        ).format(count=len(ex.steps), time=_duration(ex.minutes))
    else:
        count = len(list(ex.questions()))
        time = (
            _("with {count} people it takes about {time}").format(
                count=len(people), time=_duration(group_minutes(ex, len(people)))
            )
            if people
            else _("allow about {minutes} minutes for each person, and time to talk").format(
                minutes=ex.minutes
            )
        )
        lines[4] = ngettext(
            "There is {count} question; {time}: everyone answers each question, "
            "then you look at the answers together and talk.",
            "There are {count} questions; {time}: everyone answers each question, "
            "then you look at the answers together and talk.",
            count,
        ).format(count=count, time=time)
    show_intro(console, lines, plain)
    stopped = _("Stopped before the first question. Nothing was saved.")
    try:
        if people is None:
            people, chosen = _ask_people(prompter, known)
            if ex.kind != "guided":
                minutes = _duration(group_minutes(ex, len(people)))
                console.print(
                    Text(
                        _("With {count} people, allow about {time}.").format(
                            count=len(people), time=minutes
                        )
                    )
                )
    except Interrupted:
        raise Interrupted(stopped) from None
    if chosen:
        console.print()
        _say_languages(console, people, chosen)
    if anonymous:
        names = anonymous_names(len(people))
        console.print()
        console.print(_("Names will not be saved. For this session:"))
        for real, alias in zip(people, names, strict=True):
            console.print(
                Text(one_line("  " + _("{name} is {alias}").format(name=real, alias=alias)))
            )
        chosen = {
            alias: chosen[real] for real, alias in zip(people, names, strict=True) if real in chosen
        }
        people = names
    topic = None
    console.print()
    try:
        if ex.kind == "guided":
            topic = (
                " ".join(
                    prompter.text(
                        _("The piece of work"),
                        note=_(
                            "What piece of work is the group talking about? Name it in a few "
                            "words, so the record says what it was about (for example: the new "
                            "carers' group). Press Enter to leave it out."
                        ),
                    ).split()
                )[:200]
                or None
            )
        else:
            console.print(
                Text(
                    printable(
                        _(
                            "The group is reflecting on {subject}: "
                            "everyone answers about the same thing."
                        ).format(subject=subject_label(ex, subject))
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
        prompter.pause(_("Press Enter when everyone is ready to begin: "))
    except Interrupted:
        raise Interrupted(stopped) from None
    run_id = new_run_id(ex.id, now())
    if store is not None:
        run_id = store.reserve_id(run_id)
    draft = new_group_draft(
        loaded,
        run_id,
        subject,
        people,
        anonymous,
        open_answers,
        topic=topic,
        plain=plain,
        languages=chosen,
        both_languages=both_languages,
    )
    if store is not None:
        store.save_draft(draft)
    _finish_group(loaded, draft, store, prompter, console, plain, out)


def _say_languages(console: Console, people: list[str], chosen: dict[str, str]) -> None:
    """Who answers in which language, for everyone to check before they begin."""
    from rich.text import Text

    from coprod_toolkit.i18n import in_language
    from coprod_toolkit.text import one_line

    for person in people:
        code = chosen.get(person)
        if code is not None:
            # Translators: {language} is "in Welsh", "in English" ("yn Gymraeg").
            said = _("{person} answers {language}.").format(
                person=person, language=in_language(code)
            )
            console.print(Text(one_line(said)))


def _in_language(loaded: LoadedExercise, code: str) -> Exercise:
    """The exercise's words in a language (English where it has no translation)."""
    from coprod_toolkit.translations import localise

    return localise(loaded, code).exercise


def _duration(minutes: int) -> str:
    if minutes < 90:
        return ngettext("{count} minute", "{count} minutes", minutes).format(count=minutes)
    hours, rest = divmod(minutes, 60)
    if not rest:
        return ngettext("{count} hour", "{count} hours", hours).format(count=hours)
    # Translators: a time such as '2 hours 5 minutes'.
    return _("{hours} {minutes}").format(
        hours=ngettext("{count} hour", "{count} hours", hours).format(count=hours),
        minutes=ngettext("{count} minute", "{count} minutes", rest).format(count=rest),
    )


def private_turns_note(plain: bool) -> list[str]:
    """What privacy a private turn gives, said honestly for the mode in use."""
    if not plain:
        return [
            _(
                "Everyone answers in turn, in private: when it is your turn, take the keyboard. "
                "Your answer is made on a screen of its own that is wiped when you finish, "
                "with nothing left to scroll back to. Then all the answers are shown together."
            )
        ]
    return [
        _("Everyone answers in turn, in private: when it is your turn, take the keyboard."),
        _(
            "In plain mode the screen cannot be wiped. So what you type for an answer is hidden "
            "as you type it, your answer is never shown back, and blank lines push each turn "
            "out of sight. But anyone who scrolls back up can see which questions were asked "
            "and whose turn it was."
        ),
        _("If the group would rather see what it types, answer openly with --open."),
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
        _("Step {number} of {total}").format(
            number=draft.position + 1, total=len(loaded.exercise.steps)
        )
        if loaded.exercise.kind == "guided"
        else _("Question {number}").format(number=draft.position + 1)
    )
    from coprod_toolkit.group import rotation

    order = rotation(draft.people, draft.position)
    if draft.stage == "questions" and draft.turn < len(order):
        where = _("{where}, {person}'s turn").format(
            where=where, person=one_line(order[draft.turn])
        )
    console.print(Text(printable(_("The group stopped at: {where}.").format(where=where))))
    if draft.topic:
        console.print(
            Text(printable(_("The piece of work: {topic}.").format(topic=one_line(draft.topic))))
        )
    if draft.languages:
        _say_languages(console, draft.people, draft.languages)
    if draft.anonymous:
        console.print(
            Text(
                _(
                    "Names were not saved. Before you carry on, remind each other who is who: "
                    "{people}, in the order your names were first typed in "
                    "(Person 1 was named first). Say it out loud; it is not saved."
                ).format(people=", ".join(draft.people))
            )
        )
    if not draft.open and loaded.exercise.kind != "guided" and draft.stage == "questions":
        for line in private_turns_note(plain):
            console.print(Text(line))
    try:
        prompter.pause(_("Press Enter when everyone is ready to carry on: "))
    except Interrupted:
        raise Interrupted(_("Stopped. The group's draft was not changed.")) from None
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
            raise Interrupted(
                _("Stopped. Nothing was saved, because you chose --no-save.")
            ) from None
        raise Interrupted(
            _(
                "Stopped. Everything the group has said so far is saved.\n"
                "To carry on from the same person and question, run: {command}"
            ).format(command=resume_hint(out)),
            draft.id,
        ) from None
    record = session.record(subject_label(ex, draft.about))
    show_group_result(console, ex, record, plain)
    if store is None:
        console.print()
        console.print(_("Nothing was saved, because you chose --no-save."))
        return
    try:
        yaml_path, md_path = store.save_reflection(record, group_markdown(record))
    except StorageError as e:
        raise StorageError(
            "{error}\n{fix}".format(
                error=e,
                fix=_(
                    "The session is still kept as a draft; once the folder can be written to, "
                    "run: {command}"
                ).format(command=resume_hint(out)),
            )
        ) from None
    store.delete_draft(draft.id)
    console.print()
    console.print(_("Saved the group's record:"))
    console.print(Text(printable(f"  {md_path}")), soft_wrap=True)
    console.print("  " + _("(to read, print or share with everyone who took part)"))
    console.print(Text(printable(f"  {yaml_path}")), soft_wrap=True)
