"""Showing results: in the terminal (rich, or plain lines) and as a Markdown report.

Text that came from a file or a person is always printed as a rich Text
object, never parsed as markup, and control characters are made visible.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from coprod_toolkit.i18n import ENGLISH, N_, _, format_date, language, ngettext, pgettext
from coprod_toolkit.i18n import in_language as in_language  # also for cli/history
from coprod_toolkit.models import (
    REVERSE_MARK,
    Exercise,
    Reflection,
    ScaleQuestion,
    Score,
    Scores,
    SectionScore,
    TextQuestion,
    Verdict,
    YesNoQuestion,
)
from coprod_toolkit.scoring import (
    read,
    round_half_up,
    strongest_and_weakest,
    the_rest,
    too_few_sections,
    visible,
    whole,
)
from coprod_toolkit.text import one_line, printable

if TYPE_CHECKING:
    from rich.console import Console

    from coprod_toolkit.group_models import GroupRecord, QuestionSpread

BAR_WIDTH = 20


def _percent(value: float | None) -> str:
    if value is None:
        return _("not scored")
    return _("{score} out of 100").format(score=whole(value))


def figure(value: float, digits: int = 0) -> str:
    """A number as people write it: rounded half up, with no '.0'."""
    rounded = round_half_up(value, digits)
    return str(int(rounded)) if rounded.is_integer() else str(rounded)


def amount(s: Score, scores: Scores) -> str:
    """A score in the instrument's own numbers: '63 out of 100', '12 of 4–20' or '7 of 10';
    with how few answers it rests on, when too few for a reading (a 100 from one answer
    in six is not a strength)."""
    said = _amount(s, scores)
    if s.percent is not None and s.answered < s.needed:
        said += " " + _("(only {answered} of {questions} answered: too few for a reading)").format(
            answered=s.answered, questions=s.questions
        )
    return said


def _amount(s: Score, scores: Scores) -> str:
    if s.percent is None:
        return _("not scored")
    if scores.show == "each":
        return s.band or _("no reading")
    if scores.show == "total":
        # Translators: a total out of a range of scores, such as '12 of 4–20'.
        return _("{total} of {low}–{high}").format(
            total=figure(s.raw), low=figure(s.min), high=figure(s.max)
        )
    if scores.show == "mean" and s.mean is not None and scores.scale_max is not None:
        # Translators: an average answer on a scale, such as '3.5 of 5'.
        return _("{mean} of {top}").format(mean=figure(s.mean, 1), top=scores.scale_max)
    return _percent(s.percent)


def cell(s: Score, scores: Scores) -> str:
    """A score for a table: the bare number out of 100, or the instrument's own numbers."""
    if s.percent is None:
        return "-"
    if scores.show == "each":
        return s.band or "-"
    return str(whole(s.percent)) if scores.show == "percent" else amount(s, scores)


def reading_cell(s: Score, scores: Scores) -> str:
    """A table's Reading: the band; or why there is none when the score rests on too few
    answers (a full bar from one answer in six is not a reading); or, where sections are
    read one by one, that it has no score."""
    if s.band:
        return s.band
    if s.percent is not None and s.answered < s.needed:
        return _("too few answers ({answered} of {questions})").format(
            answered=s.answered, questions=s.questions
        )
    if scores.show == "each":
        return _("not scored")
    return ""


def column(scores: Scores) -> str:
    return str(COLUMNS[scores.show])


COLUMNS = {
    "percent": N_("Out of 100"),
    "total": N_("Total"),
    "mean": N_("Average"),
    "each": N_("Reading"),
}


def overall_text(scores: Scores, who: str | None = None) -> str:
    """'Overall: 63 out of 100 - Support', or 'Total 60 (of 20–100) - Established'.

    `who` is whose result it is ('The group overall'); by default, the one person's.
    """
    o = scores.overall
    band = f" - {o.band}" if o.band else ""
    if scores.show == "total" and o.percent is not None:
        numbers = {"total": figure(o.raw), "low": figure(o.min), "high": figure(o.max)}
        if who is None:
            text = _("Total {total} (of {low}–{high})").format(**numbers)
        else:
            text = _("{who}: total {total} (of {low}–{high})").format(who=who, **numbers)
        return text + band
    return _("{who}: {amount}").format(who=who or _("Overall"), amount=amount(o, scores)) + band


PASSES = {
    "leave_out": N_("a passed question is left out of the total and its range"),
    "pro_rate": N_("the total is scaled up as if passed questions were answered like the rest"),
    "lowest": N_("a passed question counts as its lowest answer"),
}


def fewer_answers(scores: Scores) -> list[Line]:
    """Say when a result rests on fewer answers than were asked, and what a pass did.

    'Not sure' and 'does not apply' answers are counted in lines of their own.
    """
    o = scores.overall
    lines = []
    if o.passed:
        lines.append(
            Line(
                ngettext(
                    "This rests on {answered} of {questions} answers: {passed} question was "
                    "passed, and {rule}.",
                    "This rests on {answered} of {questions} answers: {passed} questions were "
                    "passed, and {rule}.",
                    o.passed,
                ).format(
                    answered=o.answered,
                    questions=o.questions,
                    passed=o.passed,
                    rule=PASSES[scores.passes],
                )
            )
        )
    scored = [s.title for s in scores.sections if s.percent is not None]
    if (
        len(scores.sections) >= 3
        and 0 < len(scored) < len(scores.sections)
        and scores.show != "each"
    ):
        which = _listed(scored)
        # Sections, not principles: six-principles has two sections beyond them. What
        # made an answer not count (passed, 'not sure', 'does not apply') varies.
        rests = _(
            "The overall reading rests on {scored} of {total} sections only ({which}): "
            "the others have no score, as none of their answers count towards one."
        )
        rests = rests.format(scored=len(scored), total=len(scores.sections), which=which)
        if too_few_sections(scores.sections):
            rests += " " + _("That is fewer than half, so no overall band is given.")
        lines.append(Line(rests))
    if o.answered < o.needed:
        lines.append(
            Line(
                _(
                    "Too few answers for a reading: this exercise needs at least {needed} "
                    "of {questions}, so no band is given."
                ).format(needed=o.needed, questions=o.questions)
            )
        )
    return lines


def _listed(names: list[str]) -> str:
    names = [one_line(n).rstrip(".") for n in names]
    if len(names) == 1:
        return names[0]
    # Translators: the end of a list: 'Assets, Networks and Reciprocity'.
    return _("{first} and {last}").format(first=", ".join(names[:-1]), last=names[-1])


def bar(percent: float | None, width: int = BAR_WIDTH) -> str:
    if percent is None:
        return "·" * width
    filled = whole(percent / 100 * width)
    return "█" * filled + "░" * (width - filled)


def _flat(text: str) -> str:
    return " ".join(text.split())


def intro_lines(
    ex: Exercise, questions: int, saving: str | None, why_not_saved: str | None = None
) -> list[str]:
    asked = [q for _s, q in visible(ex, {})]
    if len(asked) != questions:
        asked = [q for _s, q in ex.questions()]
    notes = sum(1 for q in asked if isinstance(q, TextQuestion) and q.optional)
    if not notes < questions:
        notes = 0  # only notes: they are the questions
    statements = min(
        sum(1 for q in asked if isinstance(q, (ScaleQuestion, YesNoQuestion))), questions - notes
    )
    others = questions - notes - statements
    if ex.kind == "checklist":
        count = ngettext(
            "There is {count} statement: answer yes, no or not sure to it",
            "There are {count} statements: answer yes, no or not sure to each",
            questions,
        ).format(count=questions)
    else:
        if statements and others:
            count = (
                ngettext(
                    "There is {count} statement", "There are {count} statements", statements
                ).format(count=statements)
                + " "
                # Translators: follows 'There are 4 statements'.
                + ngettext("and {count} question", "and {count} questions", others).format(
                    count=others
                )
            )
        elif statements:
            count = ngettext(
                "There is {count} statement", "There are {count} statements", statements
            ).format(count=statements)
        else:
            count = ngettext(
                "There is {count} question", "There are {count} questions", others
            ).format(count=others)
        if notes:
            # An optional example after a statement is not a question of its own.
            # ... and the total the counter on each question ("Question 1 of 50") counts up to.
            count = ngettext(
                "{statements}, and {notes} optional note ({total} in all)",
                "{statements}, and {notes} optional notes ({total} in all)",
                notes,
            ).format(statements=count, notes=notes, total=questions)
    lines = [
        ex.title,
        "",
        _flat(ex.summary),
        "",
        ngettext(
            "{count}; it takes about {minutes} minute.",
            "{count}; it takes about {minutes} minutes.",
            ex.minutes,
        ).format(count=count, minutes=ex.minutes),
        _("There are no right answers: the most useful answer is the honest one."),
    ]
    if saving:
        lines.append(
            _(
                "Your answers stay on this computer, in {folder}. They are saved as you go, "
                "so you can stop with Ctrl-C and carry on later with 'coprod resume'."
            ).format(folder=saving)
        )
    else:
        why = why_not_saved if why_not_saved is not None else _("you chose --no-save")
        lines.append(_("Nothing will be saved ({why}).").format(why=why))
    return lines


def show_intro(console: Console, lines: list[str], plain: bool) -> None:
    from rich.text import Text

    if plain:
        for line in lines:
            console.print(Text(printable(line)))
        return
    from rich.panel import Panel

    body = Text(printable("\n".join(lines[1:])))
    console.print(Panel(body, title=Text(printable(lines[0]), style="bold"), expand=False))


@dataclass(frozen=True)
class Line:
    """One line of a result, with how much it should stand out."""

    text: str
    style: str = ""  # "heading", "strong", "item", "detail" or ""


def result_lines(ex: Exercise, r: Reflection, commands: dict[str, str] | None = None) -> list[Line]:
    """The result in words, for both the terminal and the Markdown report.

    `commands` maps ids of exercises suggested for practice to the command that runs them.
    """
    if r.kind == "checklist" and r.verdict is not None:
        return _verdict_lines(r.verdict)
    return _score_lines(ex, r.scores, commands or {})


def _verdict_lines(v: Verdict) -> list[Line]:
    lines = [Line(_("Verdict: {verdict}").format(verdict=v.label), "strong")]
    if v.message:
        lines.append(Line(_flat(v.message)))
    blocking = set(v.blocking)
    if v.concerns:
        count = len(v.concerns)
        lines.append(
            Line(
                ngettext(
                    "{count} thing to talk through:", "{count} things to talk through:", count
                ).format(count=count),
                "heading",
            )
        )
        for number, c in enumerate(v.concerns, 1):
            alone = " " + _("(on its own, this means wait)") if c.question in blocking else ""
            lines.append(Line(f"{number}. {_flat(c.text)}{alone}", "item"))
            if c.talk_about:
                lines.append(
                    Line(_("Talk about: {text}").format(text=_flat(c.talk_about)), "detail")
                )
            if c.could_change:
                lines.append(
                    Line(
                        _("What could change it: {text}").format(text=_flat(c.could_change)),
                        "detail",
                    )
                )
    if v.unsure:
        count = len(v.unsure)
        lines.append(
            Line(
                ngettext(
                    "Things to find out ({count} statement answered 'not sure'):",
                    "Things to find out ({count} statements answered 'not sure'):",
                    count,
                ).format(count=count),
                "heading",
            )
        )
        together = deciding_words(v)
        if together:
            lines.append(Line(together))
        lone = set(v.deciding) if len(v.deciding) == 1 else set()
        for c in v.unsure:
            key = " " + _("(this one alone could change the verdict)") if c.question in lone else ""
            lines.append(Line(f"- {_flat(c.text)}{key}", "item"))
    return lines


def deciding_words(v: Verdict) -> str:
    """One sentence for several 'not sure' answers that could change the verdict.

    Said once, not on each line: no single one of them decides it. The deciding
    statements come first in the list.
    """
    count = len(v.deciding)
    if count < 2:
        return ""
    if count == len(v.unsure):
        return _("These together could change the verdict, so it is worth finding them out first.")
    return ngettext(
        "The first {count} of these together could change the verdict, "
        "so it is worth finding them out first.",
        "The first {count} of these together could change the verdict, "
        "so it is worth finding them out first.",
        count,
    ).format(count=count)


def _score_lines(ex: Exercise, scores: Scores, commands: dict[str, str]) -> list[Line]:
    overall = scores.overall
    lines = []
    each = scores.show == "each"  # sections measure different things: never one total
    if not each and (ex.scoring.bands or len(scores.sections) > 3 or scores.show != "percent"):
        lines.append(Line(overall_text(scores), "strong"))
    if overall.message:
        lines.append(Line(_flat(overall.message)))
    lines += fewer_answers(scores)
    if overall.unknown:
        lines.append(Line(unknown_words(ex, overall.unknown, overall.answered)))
    scored = [s for s in scores.sections if s.percent is not None]
    strongest, weakest = strongest_and_weakest(scores)
    if strongest or weakest:
        lines += _standouts(strongest, weakest, scores)
    elif sum(1 for s in scored if read(s)) > 3:
        lines.append(
            Line(_("Every section scored about the same, so none stands out as strongest."))
        )
    # Few sections (a placement, say): each reading matters. Many: the ones to work on.
    explain = scored if len(scores.sections) <= 3 else weakest
    sections = {s.id: s for s in ex.sections}
    for s in explain:
        section = sections.get(s.id)
        tips = []
        if s.message and len(scores.sections) <= 3:
            tips.append(_flat(s.message).rstrip("."))
        if section is not None and section.guide:
            command = f"coprod guide {section.guide}"  # i18n-ok: a command people type
            tips.append(_("read more with '{command}'").format(command=command))
        if section is not None:
            tries = [f"'{commands[p]}'" for p in section.practice if p in commands]
            if tries:
                tips.append(_("try {commands}").format(commands=_(" or ").join(tries)))
        if tips:
            reading = f" ({s.band})" if s.band else ""
            lines.append(Line(f"{s.title}{reading}: " + "; ".join(tips) + ".", "item"))
    return lines


def unknown_words(ex: Exercise, count: int, answered: int = 1) -> str:
    """'3 statements answered "Does not apply / I don't know"', and what that means."""
    labels = {s.unknown for s in ex.scales.values() if s.unknown}
    label = labels.pop() if len(labels) == 1 else str(UNKNOWN_LABEL)
    return unknown_sentence(count, label, answered)


UNKNOWN_LABEL = N_("does not apply / I don't know")


def unknown_sentence(count: int, label: str, answered: int = 1) -> str:
    if not answered:
        return _("Every statement was answered '{label}', so there is no score.").format(
            label=label
        )
    return ngettext(
        "{count} statement answered '{label}'. It neither raises nor lowers the score.",
        "{count} statements answered '{label}'. "
        "They neither raise nor lower the score, which comes from the other answers only.",
        count,
    ).format(count=count, label=label)


def _name(s: SectionScore, scores: Scores) -> str:
    return f"{s.title} ({amount(s, scores)})"


def _standouts(
    strongest: list[SectionScore], weakest: list[SectionScore], scores: Scores
) -> list[Line]:
    """'Strongest: ...' and 'To work on: ...', and the others' one score when they share it."""
    lines = []
    if strongest:
        names = ", ".join(_name(s, scores) for s in strongest)
        lines.append(Line(_("Strongest: {names}.").format(names=names)))
    if weakest:
        names = ", ".join(_name(s, scores) for s in weakest)
        lines.append(Line(_("To work on: {names}.").format(names=names)))
    # One side unnamed (a tie too big to name): say what all of those scored.
    rest = the_rest(scores, strongest + weakest) if not (strongest and weakest) else None
    if rest is not None:
        lines.append(
            Line(_("The other sections all scored {amount}.").format(amount=amount(rest, scores)))
        )
    return lines


def show_result(
    console: Console,
    ex: Exercise,
    r: Reflection,
    plain: bool,
    commands: dict[str, str] | None = None,
) -> None:

    console.print()
    if r.kind != "checklist":
        _score_tables(console, ex, r.scores, plain)
    print_lines(console, result_lines(ex, r, commands), plain)


def print_lines(console: Console, lines: list[Line], plain: bool) -> None:
    """Lines in the terminal: headings and the key sentence bold, items indented."""
    from rich.padding import Padding
    from rich.text import Text

    styles = {"strong": "bold", "heading": "bold"}
    indent = {"item": 2, "detail": 5}
    for line in lines:
        if line.style == "heading":
            console.print()
        text = Text(printable(line.text), style="" if plain else styles.get(line.style, ""))
        console.print(Padding(text, (0, 0, 0, indent.get(line.style, 0)), expand=False))


def _score_table(rows: list[SectionScore], heading: str, scores: Scores) -> list[str]:
    """A Markdown table of scores in the instrument's own numbers, one row per principle."""
    if scores.show == "each":
        out = ["| " + _("Section") + " | " + _("Reading") + " |", "|---|---|"]
        out += [f"| {_md(s.title)} | {_md(reading_cell(s, scores))} |" for s in rows]
        return [*out, ""]
    out = ["| " + _("Principle") + f" | {heading} | " + _("Reading") + " |", "|---|---|---|"]
    for s in rows:
        out.append(f"| {_md(s.title)} | {cell(s, scores)} | {_md(reading_cell(s, scores))} |")
    return [*out, ""]


def markdown_lines(lines: list[Line]) -> list[str]:
    """The same lines as Markdown: bold, headings, numbered or bulleted items."""
    out: list[str] = []
    for line in lines:
        if line.style == "strong":
            out += [f"**{_md(line.text)}**", ""]
        elif line.style == "heading":
            out += ["", f"### {_md(line.text.rstrip(':'))}", ""]
        elif line.style == "detail":
            out.append(f"   {_md(line.text)}  ")
        elif line.style == "item":
            number, dot, rest = line.text.partition(". ")
            if dot and number.isdigit():
                out.append(f"{number}. {_md(rest)}  ")
            else:
                out.append(f"- {_md(line.text.removeprefix('- '))}  ")
        else:
            out += [_md(line.text), ""]
    return out


def _score_tables(
    console: Console, ex: Exercise, scores: Scores, plain: bool, title: str | None = None
) -> None:
    from rich.text import Text

    title = title or _("Your results")
    groups = [(title, scores.sections)] + [
        (
            _("Your results against {framework}").format(framework=ex.frameworks[fid].title),
            rows,
        )
        for fid, rows in scores.frameworks.items()
        if fid in ex.frameworks
    ]
    by_principle = all(s.principle for s in ex.sections)
    if plain:
        for title, rows in groups:
            heading = (
                _("{title}, principle by principle:").format(title=title)
                if by_principle
                else f"{title}:"
            )
            console.print(Text(printable(heading)))
            for s in rows:
                band = f" - {s.band}" if s.band and scores.show != "each" else ""
                console.print(Text(printable(f"  {s.title}: {amount(s, scores)}{band}")))
            console.print()
        return
    from rich.table import Table

    for title, rows in groups:
        table = Table(title=Text(printable(title)), show_header=True, header_style="bold", box=None)
        table.add_column(_("Principle") if by_principle else _("Section"))
        if scores.show == "each":
            table.add_column(_("Reading"))
            for s in rows:
                table.add_row(Text(printable(s.title)), Text(printable(reading_cell(s, scores))))
            console.print(table)
            console.print()
            continue
        table.add_column("", no_wrap=True)
        table.add_column(column(scores), justify="right", no_wrap=True)
        table.add_column(_("Reading"))
        for s in rows:
            table.add_row(
                Text(printable(s.title)),
                Text(bar(s.percent), style="cyan"),
                Text(cell(s, scores)),
                Text(printable(reading_cell(s, scores))),
            )
        console.print(table)
        console.print()


def markdown(reflection: Reflection, ex: Exercise | None = None) -> str:
    """A report a person can read, print or take to a meeting."""
    r = reflection
    out: list[str] = []
    out.append(f"# {_md(r.exercise.title)}")
    out.append("")
    who = _md(r.name) if r.name else _("Anonymous")
    out.append("- **" + _("Who:") + f"** {who}")
    out.append("- **" + _("About:") + f"** {_md(r.about_label)}")
    out.append("- **" + _("When:") + f"** {date_and_time(r.finished)}")
    out.append(_exercise_line(r))
    out.append("")
    out.append("## " + _("Results"))
    out.append("")
    if r.kind != "checklist":
        groups = [("", r.scores.sections)] + [
            (r.frameworks.get(fid, fid), rows) for fid, rows in r.scores.frameworks.items()
        ]
        for title, rows in groups:
            if title:
                out.append("### " + _("Against {framework}").format(framework=_md(title)))
                out.append("")
            heading = _("Score out of 100") if r.scores.show == "percent" else _("Score")
            out += _score_table(rows, heading, r.scores)
    if ex is not None:
        out += markdown_lines(result_lines(ex, r))
        out.append("")
    if r.previous_step is not None:
        p = r.previous_step
        happened = happened_answer(p.happened)
        out.append("## " + _("Last time's next step"))
        out.append("")
        out.append(_("On {date}: {text}").format(date=long_date(p.when), text=_md(p.text)) + "  ")
        out.append(_("Did it happen?") + f" **{happened}**" + "  ")
        if p.learned:
            out.append(_("What I learned: {text}").format(text=_md(p.learned)))
        out.append("")
    out.append("## " + _("One thing I will do next"))
    out.append("")
    out.append(_md(r.next_step) if r.next_step else "_" + _("Left blank.") + "_")
    out.append("")
    out.append("## " + _("Answers"))
    titles = {s.id: s.title for s in r.scores.sections}
    if ex is not None:
        titles.update({s.id: s.title for s in ex.sections})
    section = None
    for a in r.answers:
        if a.section != section:
            section = a.section
            out.append("")
            out.append(f"### {_md(titles.get(section, section))}")
            out.append("")
        mark = " " + _(REVERSE_MARK) if a.reverse else ""
        out.append(f"- {_md(a.text)}{mark}  ")
        out.append(f"  **{_md(a.shown)}**")
        if a.note:
            out.append("  " + _("Example: {text}").format(text=_md(a.note)))
    out.append("")
    return "\n".join(out)


def happened_answer(value: str | None) -> str:
    """The answer to "Did it happen?" as it was offered. Its yes has a context of its own:
    Welsh answers a question in the past with "Do", not the "Ie" of other yes/no buttons."""
    if value == "yes":
        # Translators: the answer "yes" to "Did it happen?" (Welsh: "Do").
        return pgettext("did it happen", "Yes")
    if value == "partly":
        return _("Partly")
    if value == "no":
        return _("No, not yet")
    return _("Not said")


# Did last time's next step happen, said inside a sentence.
HAPPENED_IN_A_SENTENCE = {
    "yes": N_("yes"),
    "partly": N_("partly"),
    "no": N_("not yet"),
    "": N_("not said"),
}


def _exercise_line(r: Reflection | GroupRecord) -> str:
    """'- **Exercise:** six-principles, version 2', and the language it was answered in."""
    line = (
        "- **"
        + _("Exercise:")
        + "** "
        + _("{id}, version {version}").format(
            id=_md(r.exercise.id), version=_md(r.exercise.version)
        )
    )
    note = answered_note(r)
    return f"{line} {note}" if note else line


def people_and_languages(record: GroupRecord) -> str:
    """'Ana (answered in Welsh), Ben': a group's people, with the language of anyone who
    answered in another language than the one in use."""
    languages = getattr(record, "languages", None) or {}
    shown = []
    for person in record.people:
        code = languages.get(person) if isinstance(languages, dict) else None
        note = answered_in(code) if isinstance(code, str) and code else ""
        shown.append(f"{person} {note}" if note else person)
    return ", ".join(shown)


def answered_note(record: Reflection | GroupRecord) -> str:
    """'(answered in Welsh)' for a record answered in another language than the one in use;
    '' for a group whose people used different languages (each is named with theirs)."""
    if isinstance(record, Reflection) or not record.languages:
        return answered_in(record.language)
    return ""


def answered_in(code: str) -> str:
    """'(answered in Welsh)' for a record in another language than the one in use; else ''."""
    if code == language():
        return ""
    # Translators: {language} is "in Welsh", "in English" ("yn Gymraeg").
    return _("(answered {language})").format(language=in_language(code))


def long_date(when: datetime | date) -> str:
    """'3 March 2026', in the language in use and this computer's time zone."""
    day = when.astimezone().date() if isinstance(when, datetime) else when
    return format_date(day)


def date_and_time(when: datetime) -> str:
    """'3 March 2026, 15:45'."""
    # Translators: a date and a time of day, such as '3 March 2026, 15:45'.
    return _("{date}, {time}").format(date=long_date(when), time=f"{when.astimezone():%H:%M}")


def short_date(when: datetime) -> str:
    """'03 Mar 2026' in English (as coprod always wrote it); the long form in other languages."""
    if language() == ENGLISH:
        return f"{when.astimezone():%d %b %Y}"  # i18n-ok: English's short form
    return long_date(when)


def _md(text: str) -> str:
    """Text from people, made safe to sit inside Markdown without changing its shape."""
    text = one_line(text)
    for ch in "\\`*_[]<>|#":
        text = text.replace(ch, "\\" + ch)
    return text


# --------------------------------------------------------------------------- groups


def group_lines(record: GroupRecord) -> list[Line]:
    """What a group's session came to, in words: for the terminal and the Markdown report."""
    from coprod_toolkit.group import balance, widest

    lines: list[Line] = []
    if record.verdict is not None:
        lines += _verdict_lines(record.verdict)
    elif record.scores is not None:
        overall = record.scores.overall
        shown = record.scores.show not in ("percent", "each")
        each = record.scores.show == "each"
        if not each and (overall.band or len(record.scores.sections) > 3 or shown):
            lines.append(Line(overall_text(record.scores, _("The group overall")), "strong"))
        if overall.message:
            lines.append(Line(_flat(overall.message)))
        if overall.percent is None and not each:
            lines.append(
                Line(
                    _(
                        "No group answer counts towards a score: every question was passed, "
                        "answered 'does not apply / I don't know', or tied, with no answer "
                        "agreed."
                    )
                )
            )
        lines.append(
            Line(
                _(
                    "(Where the group agreed an answer it counts; otherwise the middle answer "
                    "on a scale, or the answer most people gave to any other question: none, "
                    "if that is a tie.)"
                )
            )
        )
        strongest, weakest = strongest_and_weakest(record.scores)
        lines += _standouts(strongest, weakest, record.scores)
    added = [q for q in record.questions if q.added]
    if added:
        lines.append(Line(_("The group's own statements:"), "heading"))
        for q in added:
            mark = f": {q.group_shown}" if q.group_shown else ""
            lines.append(Line(f"- {_flat(q.text)}{mark}", "item"))
    spread, tied = widest(record)
    if tied:
        widest_apart = max(q.spread or 0 for q in record.questions if q.spread is not None)
        lines.append(
            Line(
                ngettext(
                    "Where you saw things most differently: {count} question, {points} points "
                    "apart.",
                    "Where you saw things most differently: {count} questions, each {points} "
                    "points apart.",
                    tied,
                ).format(count=tied, points=figure(widest_apart, 1))
            )
        )
    if spread:
        lines.append(Line(_("Where you saw things most differently:"), "heading"))
        for q in spread:
            points = figure(q.spread or 0, 1)
            if q.agreed:
                apart = _("({points} points apart; an answer was agreed)").format(points=points)
            else:
                apart = _("({points} points apart)").format(points=points)
            lines.append(Line(f"- {_flat(q.text)} {apart}", "item"))
    for step in record.steps:
        total = sum(len(items) for items in step.contributions.values())
        lines.append(
            Line(
                ngettext(
                    "{step} ({count} contribution)", "{step} ({count} contributions)", total
                ).format(step=step.title, count=total),
                "item",
            )
        )
    if record.actions:
        lines.append(Line(_("Actions:"), "heading"))
        for number, action in enumerate(record.actions, 1):
            who = ", ".join(action.who)
            if action.when:
                said = _("{what} ({who}, by {date})").format(
                    what=_flat(action.what), who=who, date=long_date(action.when)
                )
            else:
                said = _("{what} ({who})").format(what=_flat(action.what), who=who)
            lines.append(Line(f"{number}. {said}", "item"))
    lines.append(Line(_("Taking part:"), "heading"))
    lines += [Line(text, "item") for text in balance(record.shares, record.passes)]
    return lines


def show_group_result(console: Console, ex: Exercise, record: GroupRecord, plain: bool) -> None:
    console.print()
    if record.scores is not None:
        _score_tables(console, ex, record.scores, plain, _("The group's results"))
    print_lines(console, group_lines(record), plain)


def group_markdown(record: GroupRecord) -> str:
    """The group's record for people: everyone's answers side by side, and what was agreed."""
    r = record
    if r.kind != "guided":
        given = _("openly") if r.open else _("in private, then shown together")
        how = "- **" + _("Answers given:") + f"** {given}"
    else:
        how = (
            "- **" + _("Contributions:") + "** " + _("in turn, each person adding what they wanted")
        )
    out = [
        "# " + _("{title} (a group session)").format(title=_md(r.exercise.title)),
        "",
        "- **" + _("Who:") + f"** {_md(people_and_languages(r))}",
        "- **" + _("About:") + f"** {_md(r.about_label)}",
        *(["- **" + _("The piece of work:") + f"** {_md(r.topic)}"] if r.topic else []),
        "- **" + _("When:") + f"** {date_and_time(r.finished)}",
        _exercise_line(r),
        how,
        "",
        "## " + _("What the group found"),
        "",
    ]
    if r.scores is not None:
        heading = _("Group score out of 100") if r.scores.show == "percent" else _("Group score")
        out += _score_table(r.scores.sections, heading, r.scores)
    out += markdown_lines(group_lines(r))
    if r.questions:
        out += ["", "## " + _("Every question"), ""]
        people = " | ".join(_md(p) for p in r.people)
        header = "| " + _("Question") + f" | {people} | " + _("Group") + " |"
        out += [header, "|---|" + "---|" * (len(r.people) + 1)]
        for q in r.questions:
            cells = [_md(answer_cell(q, p)) for p in r.people]
            group = (
                _md(q.group_shown or _answer_text(q.group_answer))
                if q.group_answer is not None
                else "-"
            )
            if q.agreed is not None:
                agreed = _md(q.group_shown or _answer_text(q.agreed.answer))
                group = f"**{agreed}** " + _("(agreed)")
            flag = " " + _("(worth talking about)") if q.worth_talking_about else ""
            if q.added:
                flag = " " + _("(added by the group)")
            if q.reverse:
                flag = " " + _(REVERSE_MARK) + flag
            out.append(f"| {_md(q.text)}{flag} | " + " | ".join(cells) + f" | {group} |")
        notes = [q for q in r.questions if q.agreed is not None and q.agreed.note]
        if notes:
            out += ["", "### " + _("Why the group agreed"), ""]
            out += [f"- {_md(q.text)}  \n  {_md(q.agreed.note or '')}" for q in notes if q.agreed]
        examples = [q for q in r.questions if q.notes]
        if examples:
            out += ["", "### " + _("Examples given"), ""]
            for q in examples:
                out.append(f"- {_md(q.text)}")
                out += [f"  - **{_md(p)}:** {_md(n)}" for p, n in q.notes.items()]
    for step in r.steps:
        out += ["", f"## {_md(step.title)}", ""]
        for person, items in step.contributions.items():
            if items:
                out += [f"- **{_md(person)}:** " + "; ".join(_md(i) for i in items)]
            else:
                out += [f"- **{_md(person)}:** " + _("passed")]
    out.append("")
    return "\n".join(out)


def answer_cell(q: QuestionSpread, person: str) -> str:
    """One person's answer to one question, as they saw it, for the side-by-side table."""
    if person not in q.answers:
        return ""
    if q.answers[person] is None:
        return _("passed")
    return q.shown.get(person) or _answer_text(q.answers[person])


def _answer_text(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --------------------------------------------------------------------------- side by side


def who_and_when(r: Reflection) -> str:
    """A reflection's heading in a comparison: who, what about, and when."""
    who = r.name or _("Anonymous")
    said = _("{who}, about {about} ({date})").format(
        who=one_line(who), about=one_line(r.about_label), date=short_date(r.finished)
    )
    note = answered_note(r)
    return f"{said} {note}" if note else said


def side_by_side_rows(first: Reflection, second: Reflection) -> list[tuple[str, str, str]]:
    """One row per section (matched by id), then the overall reading: title, first, second."""
    if first.kind == "checklist" or second.kind == "checklist":
        rows = []
        for label, pick in ((_("Verdict"), "label"), (_("Concerns"), "count")):
            cells = []
            for r in (first, second):
                v = r.verdict
                if v is None:
                    cells.append("-")
                elif pick == "label":
                    cells.append(v.label)
                else:
                    cells.append(
                        _("{concerns} (and {unsure} not sure)").format(
                            concerns=len(v.concerns), unsure=len(v.unsure)
                        )
                    )
            rows.append((label, cells[0], cells[1]))
        return rows
    by_id = {s.id: s for s in second.scores.sections}
    rows = []
    for s in first.scores.sections:
        other = by_id.pop(s.id, None)
        rows.append(
            (
                s.title,
                _with_band(s, first.scores),
                _with_band(other, second.scores) if other else "-",
            )
        )
    for other in by_id.values():
        rows.append((other.title, "-", _with_band(other, second.scores)))
    rows.append(
        (
            _("Overall"),
            _with_band(first.scores.overall, first.scores),
            _with_band(second.scores.overall, second.scores),
        )
    )
    return rows


def _with_band(s: Score, scores: Scores) -> str:
    return cell(s, scores) + (f" ({s.band})" if s.band else "")


def side_by_side_markdown(first: Reflection, second: Reflection) -> str:
    """Two reflections on the same exercise in one table, for a meeting."""
    out = [
        "# " + _("{title}: two reflections side by side").format(title=_md(first.exercise.title)),
        "",
        "- **" + _("First:") + f"** {_md(who_and_when(first))}",
        "- **" + _("Second:") + f"** {_md(who_and_when(second))}",
        "",
    ]
    heading = _("Principle") if first.kind != "checklist" else ""
    names = f"{_md(who_and_when(first))} | {_md(who_and_when(second))}"
    out += [f"| {heading} | {names} |", "|---|---|---|"]
    for title, a, b in side_by_side_rows(first, second):
        out.append(f"| {_md(title)} | {_md(a)} | {_md(b)} |")
    out += ["", _md(beside_closing(first, second)), ""]
    return "\n".join(out)


def beside_closing(first: Reflection, second: Reflection, shapes: bool = False) -> str:
    """Where to start talking; honest when the two looked at different things."""
    if first.about == second.about:
        if shapes:
            return _(
                "Where the two shapes differ most is often the best place to start talking: "
                "each saw the same work from where they stand."
            )
        return _(
            "Where the two differ most is often the best place to start talking: each saw "
            "the same work from where they stand."
        )
    if shapes:
        text = _(
            "Where the two shapes differ most is often a good place to start talking. These "
            "two looked at different things ({first}; {second}), so a difference may come "
            "from what each looked at, not only from how each sees it."
        )
    else:
        text = _(
            "Where the two differ most is often a good place to start talking. These two "
            "looked at different things ({first}; {second}), so a difference may come from "
            "what each looked at, not only from how each sees it."
        )
    return text.format(first=one_line(first.about_label), second=one_line(second.about_label))
