"""Guides: plain-English pages about co-production, kept as Markdown content files.

A guide is a `.md` file in a `guides` folder beside the exercises (built in, or
any folder coprod searches for exercises). It starts with a few lines of YAML
between '---' lines, then Markdown:

    ---
    title: The four steps
    summary: One line that says what the guide is about.
    ---
    The words of the guide, in Markdown.

A guide in another language has the same file name in a subfolder named for the
language's code: `guides/cy/assets.md` is the Welsh for `guides/assets.md`.
When coprod is in that language it shows that guide, and the English one for any
topic with no translation yet.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import Field, ValidationError

from coprod_toolkit.base import Slug, Strict, new_list
from coprod_toolkit.errors import CoprodError, FileProblems, NotFound, Problem
from coprod_toolkit.i18n import _
from coprod_toolkit.yamlfile import _Reader, read_text, validation_problems


class GuideInfo(Strict):
    """The lines between the '---' lines at the top of a guide."""

    title: str = Field(description="The guide's title.")
    summary: str = Field("", description="One line: what the guide is about.")
    order: int = Field(100, description="Where it comes in the list of guides (lowest first).")
    aliases: list[Slug] = Field(
        default_factory=new_list, description="Other names people may use for it."
    )
    see_also: list[Slug] = Field(default_factory=new_list, description="Related guides.")


@dataclass(frozen=True)
class Guide:
    topic: str
    info: GuideInfo
    body: str
    path: Path


def load_guide(path: Path) -> Guide:
    """Read one guide, or raise FileProblems saying where and how to fix it."""
    text, _raw = read_text(path, "guide")
    shown = str(path)
    topic = path.stem
    problems: list[Problem] = []
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", topic):
        problems.append(
            Problem(
                shown,
                0,
                0,
                "",
                _(
                    "'{topic}' is not a usable topic name. Fix: name the file with lower-case "
                    "letters, digits and hyphens, like four-steps.md."
                ).format(topic=topic),
            )
        )
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---" or "---" not in (s.strip() for s in lines[1:]):
        problems.append(
            Problem(
                shown,
                1,
                1,
                "",
                _(
                    "a guide starts with a line '---', then 'title: ...', then another '---'. "
                    "Fix: add those three lines at the top."
                ),
            )
        )
        raise FileProblems(shown, problems, "guide")
    end = next(i for i, s in enumerate(lines[1:], 1) if s.strip() == "---")
    reader = _Reader(shown)
    try:
        # the leading newline keeps line numbers the same as the file's
        data = reader.read("\n" + "\n".join(lines[1:end]) + "\n")
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problems.append(
            Problem(shown, line, 1, "", _("the lines between the '---' lines cannot be read."))
        )
        raise FileProblems(shown, problems, "guide") from None
    problems += reader.problems
    if not isinstance(data, dict):
        problems.append(
            Problem(
                shown,
                1,
                1,
                "",
                _(
                    "the guide has no title. Fix: add 'title: ...' between the '---' lines "
                    "at the top."
                ),
            )
        )
        raise FileProblems(shown, problems, "guide")
    try:
        info = GuideInfo.model_validate(data)
    except ValidationError as e:
        problems += validation_problems(shown, data, reader.marks, e, GuideInfo)
        raise FileProblems(shown, problems, "guide") from None
    if problems:
        raise FileProblems(shown, problems, "guide")
    # HTML comments are notes for whoever edits the file (such as "awaits review")
    body = re.sub(r"<!--.*?-->[ \t]*\n?", "", "\n".join(lines[end + 1 :]), flags=re.S)
    body = body.strip("\n") + "\n"
    return Guide(topic, info, body, path)


@dataclass
class Guides:
    topics: dict[str, Guide]
    broken: list[CoprodError]

    def find(self, name: str) -> Guide:
        wanted = name.strip().casefold().replace(" ", "-")
        if wanted in self.topics:
            return self.topics[wanted]
        for guide in self.topics.values():
            if wanted in guide.info.aliases:
                return guide
        names = list(self.topics) + [a for g in self.topics.values() for a in g.info.aliases]
        guess = difflib.get_close_matches(wanted, names, n=1, cutoff=0.5)
        message = _("There is no guide called '{name}'.").format(name=name)
        if guess:
            message += " " + _("Did you mean '{topic}'?").format(topic=self._topic_of(guess[0]))
        listing = "\n".join(f"  {t}" for t in self.topics)
        raise NotFound(
            message
            + "\n"
            + _("The guides:")
            + f"\n{listing}\n"
            + _("Run 'coprod guide' to see what each one covers.")
        )

    def _topic_of(self, name: str) -> str:
        if name in self.topics:
            return name
        return next(t for t, g in self.topics.items() if name in g.info.aliases)

    def ordered(self) -> list[Guide]:
        return sorted(self.topics.values(), key=lambda g: (g.info.order, g.topic))


def guide_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.md")) if folder.is_dir() else []


def all_guides(exercise_dirs: list[Path], lang: str | None = None) -> Guides:
    """Every guide in the `guides` folder of each place exercises are found.

    A later folder's guide with the same topic replaces an earlier one, so a
    trainer can rewrite a built-in guide for their own service. In a language
    other than English (the one in use, unless `lang` says), a guide in
    `guides/<lang>/` comes first, from whichever folder; English fills the gaps.
    """
    from coprod_toolkit.i18n import ENGLISH, language

    code = lang or language()
    broken: list[CoprodError] = []

    def read(subfolder: str | None) -> dict[str, Guide]:
        found: dict[str, Guide] = {}
        for folder in exercise_dirs:
            where = folder / "guides"
            for path in guide_files(where / subfolder if subfolder else where):
                try:
                    guide = load_guide(path)
                except CoprodError as e:
                    broken.append(e)
                    continue
                found[guide.topic] = guide
        return found

    topics = read(None)
    if code != ENGLISH:
        topics.update(read(code))
    return Guides(topics, broken)


_LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")


def plain_text(markdown: str) -> str:
    """Markdown as plain text, for screen readers and simple terminals."""
    out: list[str] = []
    for line in markdown.splitlines():
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            title = heading.group(2).strip()
            out += ["", title, ""]
            continue
        line = _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", line)
        line = _EMPHASIS.sub(lambda m: m.group(2), line)
        line = re.sub(r"^(\s*)[*+] ", r"\1- ", line)
        out.append(line.rstrip())
    text = "\n".join(out).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text) + "\n"
