"""A reflection as one self-contained HTML page: no network, prints cleanly to PDF.

The "star" is an SVG radar chart of the section scores, with the person's
previous run drawn faintly behind it when there is one.
"""

from __future__ import annotations

import math
from html import escape

from coprod_toolkit.i18n import _, language, ngettext
from coprod_toolkit.models import UNKNOWN, GroupRecord, Reflection
from coprod_toolkit.report import (
    HAPPENED_IN_A_SENTENCE,
    UNKNOWN_LABEL,
    answered_note,
    beside_closing,
    cell,
    column,
    deciding_words,
    fewer_answers,
    long_date,
    overall_text,
    people_and_languages,
    reading_cell,
    unknown_sentence,
)
from coprod_toolkit.scoring import whole
from coprod_toolkit.text import one_line

SIZE = 420
CENTRE = SIZE / 2
RADIUS = 140.0
MARGIN = 180


def radar_points(percents: list[float | None]) -> list[tuple[float, float]]:
    """The corner of the star on each axis: the first axis points straight up."""
    points = []
    count = len(percents)
    for index, percent in enumerate(percents):
        angle = -math.pi / 2 + 2 * math.pi * index / count
        r = RADIUS * (percent or 0.0) / 100
        points.append(
            (round(CENTRE + r * math.cos(angle), 2), round(CENTRE + r * math.sin(angle), 2))
        )
    return points


def _points_attr(points: list[tuple[float, float]]) -> str:
    return " ".join(f"{x},{y}" for x, y in points)


def radar_svg(
    titles: list[str],
    percents: list[float | None],
    previous: list[float | None] | None = None,
    second: list[float | None] | None = None,
) -> str:
    """The star. `previous` is drawn dashed behind; `second` is another person's shape."""
    count = len(titles)
    parts = [
        # room at the sides for long principle names beside the star
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{-MARGIN} 0 {SIZE + 2 * MARGIN} {SIZE}" '  # i18n-ok
        f'width="{SIZE + 2 * MARGIN}" height="{SIZE}" role="img" aria-labelledby="star-title">',
        '<title id="star-title">'  # i18n-ok
        + escape(_("Scores out of 100 for each principle"))
        + "</title>",
    ]
    for ring in (25, 50, 75, 100):
        ring_points = radar_points([ring] * count)
        parts.append(f'<polygon class="ring" points="{_points_attr(ring_points)}"/>')  # i18n-ok
    for (x, y), title in zip(radar_points([100] * count), titles, strict=True):
        parts.append(
            f'<line class="axis" x1="{CENTRE}" y1="{CENTRE}" x2="{x}" y2="{y}"/>'  # i18n-ok
        )
        lx = CENTRE + (x - CENTRE) * 1.18
        ly = CENTRE + (y - CENTRE) * 1.18
        anchor = "middle" if abs(lx - CENTRE) < 20 else ("start" if lx > CENTRE else "end")
        parts.append(
            f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}">{escape(one_line(title))}</text>'  # i18n-ok
        )
    if previous is not None:
        parts.append(
            f'<polygon class="previous" points="{_points_attr(radar_points(previous))}"/>'  # i18n-ok
        )
    parts.append(
        f'<polygon class="latest" points="{_points_attr(radar_points(percents))}"/>'  # i18n-ok
    )
    if second is not None:
        parts.append(
            f'<polygon class="second" points="{_points_attr(radar_points(second))}"/>'  # i18n-ok
        )
    parts.append("</svg>")
    return "\n".join(parts)


STYLE = """/* the page's look, not words for people # i18n-ok */
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
       max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1a1a1a; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
.meta { color: #555; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid #ddd; vertical-align: top; }
td.num { text-align: right; }
.reading { background: #f3f6fb; border-left: 4px solid #2a5ea8; padding: 0.6rem 1rem; }
svg { display: block; margin: 1rem auto; max-width: 100%; height: auto; }
svg .ring { fill: none; stroke: #ccc; stroke-width: 1; }
svg .axis { stroke: #ccc; stroke-width: 1; }
svg .latest { fill: rgba(42, 94, 168, 0.35); stroke: #2a5ea8; stroke-width: 2; }
svg .previous { fill: none; stroke: #999; stroke-width: 1.5; stroke-dasharray: 5 4; }
svg .second { fill: rgba(214, 110, 0, 0.25); stroke: #b35900; stroke-width: 2.5;
              stroke-dasharray: 2 3; }
.swatch { display: inline-block; width: 1.4em; height: 0.8em; margin-right: 0.4em;
          vertical-align: middle; }
.swatch.first { background: rgba(42, 94, 168, 0.35); border: 2px solid #2a5ea8; }
.swatch.second { background: rgba(214, 110, 0, 0.25); border: 2px dotted #b35900; }
svg text { font-size: 12px; fill: #333; }
.key span { display: inline-block; margin-right: 1.5rem; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
"""


def _unknown_label(r: Reflection) -> str:
    """The words the person saw for 'does not apply / I don't know'."""
    return next((a.shown for a in r.answers if a.answer == UNKNOWN), str(UNKNOWN_LABEL))


def _head(title: str) -> list[str]:
    """The start of a page, in the language in use: <html lang="cy"> for Welsh."""
    return [
        "<!DOCTYPE html>",  # i18n-ok
        f'<html lang="{escape(language())}"><head><meta charset="utf-8">',  # i18n-ok
        '<meta name="viewport" content="width=device-width, initial-scale=1">',  # i18n-ok
        f"<title>{title}</title>",
        f"<style>{STYLE}</style></head><body>",
    ]


def _answered(record: Reflection | GroupRecord) -> str:
    """' · (answered in Welsh)' when the record is in another language than the page."""
    note = answered_note(record)
    return f" · {escape(note)}" if note else ""


def html_report(r: Reflection, previous: Reflection | None = None) -> str:
    """The whole page. Every piece of text from a file or a person is escaped."""

    def t(text: str | None) -> str:
        return escape(one_line(text or ""))

    meta = escape(_("{who} · about {about} · {date} · {id}, version {version}")).format(
        who=t(r.name) if r.name else escape(_("Anonymous")),
        about=t(r.about_label),
        date=escape(long_date(r.finished)),
        id=t(r.exercise.id),
        version=t(r.exercise.version),
    )
    out = [
        *_head(t(r.exercise.title)),
        f"<h1>{t(r.exercise.title)}</h1>",
        f'<p class="meta">{meta}{_answered(r)}</p>',  # i18n-ok
    ]
    if r.kind == "checklist" and r.verdict is not None:
        v = r.verdict
        verdict = t(_("Verdict: {verdict}").format(verdict=v.label))
        out.append(
            f'<div class="reading"><strong>{verdict}</strong><br>{t(v.message)}</div>'  # i18n-ok
        )
        if v.concerns:
            out.append("<h2>" + t(_("To talk through")) + "</h2><ol>")
            for c in v.concerns:
                extra = ""
                if c.talk_about:
                    extra += "<br>" + t(_("Talk about: {text}").format(text=c.talk_about))
                if c.could_change:
                    extra += "<br>" + t(
                        _("What could change it: {text}").format(text=c.could_change)
                    )
                alone = (
                    " <strong>" + t(_("(on its own, this means wait)")) + "</strong>"
                    if c.question in v.blocking
                    else ""
                )
                out.append(f"<li>{t(c.text)}{alone}{extra}</li>")
            out.append("</ol>")
        if v.unsure:
            count = len(v.unsure)
            heading = ngettext(
                "Things to find out ({count} answered ‘not sure’)",
                "Things to find out ({count} answered ‘not sure’)",
                count,
            ).format(count=count)
            out.append(f"<h2>{t(heading)}</h2>")
            together = deciding_words(v)
            if together:
                out.append(f"<p>{t(together)}</p>")
            out.append("<ul>")
            lone = set(v.deciding) if len(v.deciding) == 1 else set()
            out += [
                f"<li>{t(c.text)}"
                + (
                    " <strong>" + t(_("(this one alone could change the verdict)")) + "</strong>"
                    if c.question in lone
                    else ""
                )
                + "</li>"
                for c in v.unsure
            ]
            out.append("</ul>")
    else:
        sections = r.scores.sections
        titles = [s.title for s in sections]
        latest = [s.percent for s in sections]
        before = None
        if previous is not None:
            by_id = {s.id: s.percent for s in previous.scores.sections}
            before = [by_id.get(s.id) for s in sections]
        if len(sections) >= 3:
            out.append(radar_svg(titles, latest, before))
            key = '<p class="key"><span>' + t(_("Filled: this time")) + "</span>"  # i18n-ok
            if previous is not None:
                dashed = _("Dashed: {date}").format(date=long_date(previous.finished))
                key += f"<span>{t(dashed)}</span>"
            out.append(key + "</p>")
        out.append(
            "<table><tr><th>" + t(_("Principle")) + f"</th><th>{t(column(r.scores))}</th>"
            f"<th>" + t(_("Reading")) + "</th>"
        )
        if before is not None:
            out.append("<th>" + t(_("Last time (out of 100)")) + "</th>")
        out.append("</tr>")
        each = r.scores.show == "each"  # sections measure different things: no points shown
        for index, s in enumerate(sections):
            score = "" if each else t(cell(s, r.scores))
            reading = t(reading_cell(s, r.scores))
            row = f"<tr><td>{t(s.title)}</td><td class='num'>{score}</td><td>{reading}</td>"  # i18n-ok
            if before is not None:
                last = before[index]
                row += f"<td class='num'>{'-' if last is None else whole(last)}</td>"  # i18n-ok
            out.append(row + "</tr>")
        out.append("</table>")
        overall = r.scores.overall
        unknown = (
            [unknown_sentence(overall.unknown, _unknown_label(r), overall.answered)]
            if overall.unknown
            else []
        )
        if overall.percent is not None and each:
            remarks = [line.text for line in fewer_answers(r.scores)] + unknown
            if remarks:
                out.append(
                    f'<div class="reading">{"<br>".join(t(x) for x in remarks)}</div>'  # i18n-ok
                )
        elif overall.percent is not None:
            remarks = [line.text for line in fewer_answers(r.scores)] + unknown
            if overall.message:
                remarks.insert(0, overall.message)
            out.append(
                f'<div class="reading"><strong>{t(overall_text(r.scores))}</strong>'  # i18n-ok
                + "".join(f"<br>{t(remark)}" for remark in remarks)
                + "</div>"
            )
        elif unknown:
            out.append(f'<div class="reading">{t(unknown[0])}</div>')  # i18n-ok
    notes = [
        a
        for a in r.answers
        if isinstance(a.answer, str) and a.points is None and a.shown == a.answer
    ]
    if notes:
        out.append("<h2>" + t(_("Notes")) + "</h2><ul>")
        out += [f"<li><em>{t(a.text)}</em><br>{t(a.shown)}</li>" for a in notes]
        out.append("</ul>")
    out.append("<h2>" + t(_("Action plan")) + "</h2>")
    if r.previous_step is not None:
        p = r.previous_step
        happened = str(HAPPENED_IN_A_SENTENCE.get(p.happened or "", HAPPENED_IN_A_SENTENCE[""]))
        said = _("Last time ({date}): {text}. Did it happen? {answer}.").format(
            date=long_date(p.when), text=one_line(p.text), answer=happened
        )
        if p.learned:
            said += " " + _("Learned: {text}").format(text=one_line(p.learned))
        out.append(f"<p>{t(said)}</p>")
    blank = "<em>" + t(_("left blank")) + "</em>"
    out.append(
        "<p><strong>"
        + t(_("One thing I will do next:"))
        + f"</strong> {t(r.next_step) or blank}</p>"
    )
    out.append(
        "<h2>" + t(_("Every answer")) + "</h2><table><tr><th>" + t(_("Question")) + "</th>"
        "<th>" + t(_("Answer")) + "</th></tr>"
    )
    out += [f"<tr><td>{t(a.text)}</td><td>{t(a.shown)}</td></tr>" for a in r.answers]
    out.append("</table></body></html>")
    return "\n".join(out) + "\n"


def group_html_report(record: GroupRecord) -> str:
    """A group's session as one page: scores, the spread per question, actions, who spoke."""
    from coprod_toolkit.report import answer_cell, group_lines

    def t(text: object) -> str:
        return escape(one_line("" if text is None else str(text)))

    r = record
    title = t(_("{title} (a group session)").format(title=r.exercise.title))
    meta = escape(_("{who} · about {about} · {date}")).format(
        who=t(people_and_languages(r)),
        about=t(r.about_label),
        date=escape(long_date(r.finished)),
    )
    out = [
        *_head(title),
        f"<h1>{title}</h1>",
        f'<p class="meta">{meta}{_answered(r)}</p>',  # i18n-ok
    ]
    if r.topic:
        out.append(
            '<p class="meta">'  # i18n-ok
            + t(_("The piece of work: {topic}").format(topic=r.topic))
            + "</p>"
        )
    if r.scores is not None and len(r.scores.sections) >= 3:
        out.append(
            radar_svg([s.title for s in r.scores.sections], [s.percent for s in r.scores.sections])
        )
    if r.scores is not None:
        heading = _("Group score out of 100") if r.scores.show == "percent" else _("Group score")
        out.append(
            "<table><tr><th>" + t(_("Principle")) + f"</th><th>{t(heading)}</th>"
            f"<th>" + t(_("Reading")) + "</th></tr>"
        )
        for s in r.scores.sections:
            score = "" if r.scores.show == "each" else t(cell(s, r.scores))
            reading = t(reading_cell(s, r.scores))
            out.append(
                f"<tr><td>{t(s.title)}</td><td class='num'>{score}</td><td>{reading}</td></tr>"  # i18n-ok
            )
        out.append("</table>")
    out.append('<div class="reading">')  # i18n-ok
    out += [f"{t(line.text)}<br>" for line in group_lines(r)]
    out.append("</div>")
    if r.questions:
        out.append(
            "<h2>" + t(_("The spread, question by question")) + "</h2>"
            "<table><tr><th>" + t(_("Question")) + "</th>"
        )
        out += [f"<th>{t(p)}</th>" for p in r.people]
        out.append("<th>" + t(_("Spread")) + "</th><th>" + t(_("Group")) + "</th></tr>")
        for q in r.questions:
            cells = "".join(f"<td>{t(answer_cell(q, p))}</td>" for p in r.people)
            spread = "" if q.spread is None else f"{q.spread:g}"
            if q.worth_talking_about:
                spread = (
                    f"{spread} " + t(_("(worth talking about)")) + ""
                    if spread
                    else t(_("worth talking about"))
                )
            group_text = q.group_shown or ("" if q.group_answer is None else str(q.group_answer))
            group = t(group_text) + " " + t(_("(agreed)")) if q.agreed else t(group_text)
            text = t(q.text) + (" " + t(_("(added by the group)")) if q.added else "")
            out.append(f"<tr><td>{text}</td>{cells}<td>{spread}</td><td>{group}</td></tr>")
        out.append("</table>")
        examples = [q for q in r.questions if q.notes]
        if examples:
            out.append("<h2>" + t(_("Examples given")) + "</h2><ul>")
            for q in examples:
                given = "; ".join(f"<strong>{t(p)}:</strong> {t(n)}" for p, n in q.notes.items())
                out.append(f"<li>{t(q.text)}: {given}</li>")
            out.append("</ul>")
    for step in r.steps:
        out.append(f"<h2>{t(step.title)}</h2><ul>")
        for person, items in step.contributions.items():
            said = "; ".join(t(i) for i in items) if items else "<em>" + t(_("passed")) + "</em>"
            out.append(f"<li><strong>{t(person)}:</strong> {said}</li>")
        out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def side_by_side_html(first: Reflection, second: Reflection) -> str:
    """Two reflections on the same exercise: both shapes on one star, and one table."""
    from coprod_toolkit.report import side_by_side_rows, who_and_when

    def t(text: str | None) -> str:
        return escape(one_line(text or ""))

    title = _("{title}: two reflections side by side").format(title=first.exercise.title)
    version = _("{id}, version {version}").format(
        id=first.exercise.id, version=first.exercise.version
    )
    out = [
        *_head(t(title)),
        f"<h1>{t(title)}</h1>",
        f'<p class="meta">{t(version)}</p>',  # i18n-ok
    ]
    sections = first.scores.sections
    if first.kind != "checklist" and len(sections) >= 3:
        by_id = {s.id: s.percent for s in second.scores.sections}
        out.append(
            radar_svg(
                [s.title for s in sections],
                [s.percent for s in sections],
                second=[by_id.get(s.id) for s in sections],
            )
        )
        first_key = _("Filled blue, solid line: {who}").format(who=who_and_when(first))
        second_key = _("Orange, dotted line: {who}").format(who=who_and_when(second))
        out.append(
            '<p class="key">'  # i18n-ok
            f'<span><i class="swatch first"></i>{t(first_key)}</span>'
            f'<span><i class="swatch second"></i>{t(second_key)}</span>'
            "</p>"
        )
    out.append(
        f"<table><tr><th></th><th>{t(who_and_when(first))}</th>"
        f"<th>{t(who_and_when(second))}</th></tr>"
    )
    for row_title, a, b in side_by_side_rows(first, second):
        out.append(f"<tr><td>{t(row_title)}</td><td>{t(a)}</td><td>{t(b)}</td></tr>")
    out.append("</table>")
    out.append(
        f'<div class="reading">{t(beside_closing(first, second, shapes=True))}</div>'  # i18n-ok
    )
    out.append("</body></html>")
    return "\n".join(out) + "\n"
