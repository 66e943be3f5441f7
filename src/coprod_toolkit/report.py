"""Showing results: in the terminal (rich, or plain lines) and as a Markdown report.

Text that came from a file or a person is always printed as a rich Text
object, never parsed as markup, and control characters are made visible.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_toolkit.models import Exercise, Reflection, Scores, SectionScore
from coprod_toolkit.scoring import strongest_and_weakest
from coprod_toolkit.text import one_line, printable

if TYPE_CHECKING:
    from rich.console import Console

BAR_WIDTH = 20


def _percent(value: float | None) -> str:
    return "not scored" if value is None else f"{round(value)} out of 100"


def bar(percent: float | None, width: int = BAR_WIDTH) -> str:
    if percent is None:
        return "·" * width
    filled = round(percent / 100 * width)
    return "█" * filled + "░" * (width - filled)


def _flat(text: str) -> str:
    return " ".join(text.split())


def intro_lines(ex: Exercise, questions: int, saving: str | None) -> list[str]:
    lines = [
        ex.title,
        "",
        _flat(ex.summary),
        "",
        f"There are {questions} questions; it takes about {ex.minutes} minutes.",
        "There are no right answers: the most useful answer is the honest one.",
    ]
    if saving:
        lines.append(
            f"Your answers stay on this computer, in {saving}. They are saved as you go, "
            "so you can stop with Ctrl-C and carry on later with 'coprod resume'."
        )
    else:
        lines.append("Nothing will be saved (you chose --no-save).")
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


def summary_lines(ex: Exercise, scores: Scores) -> list[str]:
    """The summary in words; the terminal and Markdown add their own decoration."""
    lines = []
    overall = scores.overall
    lines.append(
        f"Overall: {_percent(overall.percent)}" + (f" - {overall.band}" if overall.band else "")
    )
    if overall.message:
        lines.append(_flat(overall.message))
    strongest, weakest = strongest_and_weakest(scores)
    if strongest:
        lines.append("Strongest: " + ", ".join(_name(s) for s in strongest) + ".")
        lines.append("To work on: " + ", ".join(_name(s) for s in weakest) + ".")
    elif len([s for s in scores.sections if s.percent is not None]) > 1:
        lines.append("Every principle scored about the same, so none stands out as strongest.")
    return lines


def _name(s: SectionScore) -> str:
    return f"{s.title} ({_percent(s.percent)})"


def show_summary(console: Console, ex: Exercise, scores: Scores, plain: bool) -> None:
    from rich.text import Text

    console.print()
    groups = [("Your results", scores.sections)] + [
        (f"Your results against {ex.frameworks[fid].title}", rows)
        for fid, rows in scores.frameworks.items()
        if fid in ex.frameworks
    ]
    if plain:
        for title, rows in groups:
            console.print(Text(printable(f"{title}, principle by principle:")))
            for s in rows:
                band = f" - {s.band}" if s.band else ""
                console.print(Text(printable(f"  {s.title}: {_percent(s.percent)}{band}")))
            console.print()
        for line in summary_lines(ex, scores):
            console.print(Text(printable(line)))
        return
    from rich.table import Table

    for title, rows in groups:
        table = Table(title=Text(printable(title)), show_header=True, header_style="bold", box=None)
        table.add_column("Principle")
        table.add_column("", no_wrap=True)
        table.add_column("Out of 100", justify="right", no_wrap=True)
        table.add_column("Reading")
        for s in rows:
            table.add_row(
                Text(printable(s.title)),
                Text(bar(s.percent), style="cyan"),
                Text("-" if s.percent is None else str(round(s.percent))),
                Text(printable(s.band or "")),
            )
        console.print(table)
        console.print()
    lines = summary_lines(ex, scores)
    console.print(Text(printable(lines[0]), style="bold"))
    for line in lines[1:]:
        console.print(Text(printable(line)))


def markdown(reflection: Reflection) -> str:
    """A report a person can read, print or take to a meeting."""
    r = reflection
    out: list[str] = []
    title = _md(r.exercise.title)
    out.append(f"# {title}")
    out.append("")
    who = _md(r.name) if r.name else "Anonymous"
    out.append(f"- **Who:** {who}")
    out.append(f"- **About:** {_md(r.about_label)}")
    out.append(f"- **When:** {r.finished.astimezone():%d %B %Y, %H:%M}")
    out.append(f"- **Exercise:** {_md(r.exercise.id)}, version {_md(r.exercise.version)}")
    out.append("")
    out.append("## Results")
    out.append("")
    out.append("| Principle | Score out of 100 | Reading |")
    out.append("|---|---|---|")
    for s in r.scores.sections:
        score = "-" if s.percent is None else str(round(s.percent))
        out.append(f"| {_md(s.title)} | {score} | {_md(s.band or '')} |")
    out.append("")
    for fid, rows in r.scores.frameworks.items():
        out.append(f"### Against {_md(r.frameworks.get(fid, fid))}")
        out.append("")
        out.append("| Principle | Score out of 100 | Reading |")
        out.append("|---|---|---|")
        for s in rows:
            score = "-" if s.percent is None else str(round(s.percent))
            out.append(f"| {_md(s.title)} | {score} | {_md(s.band or '')} |")
        out.append("")
    for line in _summary_from(r.scores):
        out.append(line)
        out.append("")
    out.append("## One thing I will do next")
    out.append("")
    out.append(_md(r.next_step) if r.next_step else "_Left blank._")
    out.append("")
    out.append("## Answers")
    section = None
    for a in r.answers:
        if a.section != section:
            section = a.section
            title_of = {s.id: s.title for s in r.scores.sections}.get(section, section)
            out.append("")
            out.append(f"### {_md(title_of)}")
            out.append("")
        out.append(f"- {_md(a.text)}  ")
        out.append(f"  **{_md(a.shown)}**")
    out.append("")
    return "\n".join(out)


def _summary_from(scores: Scores) -> list[str]:
    overall = scores.overall
    band = f" - {_md(overall.band)}" if overall.band else ""
    lines = [f"**Overall: {_percent(overall.percent)}{band}**"]
    if overall.message:
        lines.append(_md(overall.message))
    strongest, weakest = strongest_and_weakest(scores)
    if strongest:
        lines.append("**Strongest:** " + ", ".join(_md(_name(s)) for s in strongest) + ".")
        lines.append("**To work on:** " + ", ".join(_md(_name(s)) for s in weakest) + ".")
    elif len([s for s in scores.sections if s.percent is not None]) > 1:
        lines.append("Every principle scored about the same, so none stands out as strongest.")
    return lines


def _md(text: str) -> str:
    """Text from people, made safe to sit inside Markdown without changing its shape."""
    text = one_line(text)
    for ch in "\\`*_[]<>|#":
        text = text.replace(ch, "\\" + ch)
    return text
