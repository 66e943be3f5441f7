"""Asking questions in a terminal: arrow-key menus (questionary) or plain typed text.

The plain prompter uses nothing but input() and print(): numbered answers
typed as text, no colour, no boxes. It suits screen readers and simple
terminals, and it is also what runs when `--plain` is given.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from coprod_toolkit.answers import BadAnswer, parse_answer, shown
from coprod_toolkit.errors import Interrupted
from coprod_toolkit.group import Reveal
from coprod_toolkit.models import (
    Action,
    AnswerValue,
    ChoiceQuestion,
    Exercise,
    MultiQuestion,
    QuestionBase,
    ScaleQuestion,
    Step,
    TextQuestion,
    YesNoQuestion,
)
from coprod_toolkit.session import BACK, PASS, Ask, Back, Pass, ReviewRow
from coprod_toolkit.text import one_line, printable

HELP, GO_BACK, SKIP, PASS_CHOICE = "__help__", "__back__", "__skip__", "__pass__"
T = TypeVar("T")


def options_for(ex: Exercise, q: QuestionBase) -> list[tuple[Any, str]]:
    """(value, what the person sees) for every answer a question offers."""
    if isinstance(q, ScaleQuestion):
        scale = ex.scale_of(q)
        return [(v, f"{v}  {scale.label(v)}".rstrip()) for v in scale.points()]
    if isinstance(q, YesNoQuestion):
        items: list[tuple[Any, str]] = [("yes", "Yes"), ("no", "No")]
        if q.not_sure:
            items.append(("not_sure", "Not sure"))
        return items
    if isinstance(q, ChoiceQuestion | MultiQuestion):
        return [(o.value, one_line(o.label)) for o in q.options]
    return []


def _wrap(text: str, indent: str = "") -> str:
    import shutil
    import textwrap

    width = max(40, min(shutil.get_terminal_size().columns, 100) - 2)
    return textwrap.fill(
        text, width=width, initial_indent=indent, subsequent_indent=indent + "    " * bool(indent)
    )


def _answer(question: Any) -> Any:
    """Ask a questionary question; Ctrl-C and a closed input become Interrupted."""
    try:
        return question.unsafe_ask()
    except (KeyboardInterrupt, EOFError):
        raise Interrupted() from None


def _guard(call: Callable[[], T]) -> T:
    """Ctrl-C and a closed input become Interrupted, which the CLI explains."""
    try:
        return call()
    except (KeyboardInterrupt, EOFError):
        raise Interrupted() from None


class PlainPrompter:
    """Numbered answers typed as text, for screen readers and simple terminals."""

    def __init__(
        self,
        read: Callable[[str], str] = input,
        write: Callable[[str], None] = print,
    ) -> None:
        self._read = read
        self._write = write

    def say(self, text: str = "") -> None:
        self._write(printable(text))

    def _input(self, prompt: str) -> str:
        return _guard(lambda: self._read(printable(prompt)))

    def text(self, message: str, default: str | None = None, note: str = "") -> str:
        if note:
            self.say(note)
        shown = f" [{one_line(default)}]" if default else ""
        answer = self._input(f"{message}{shown}: ").strip()
        return answer or (default or "")

    def choose(self, message: str, options: list[tuple[str, str]]) -> str:
        self.say(message)
        for number, (_, label) in enumerate(options, 1):
            self.say(f"  {number}. {label}")
        while True:
            typed = self._input(f"Type a number from 1 to {len(options)}: ").strip()
            if typed.isdigit() and 1 <= int(typed) <= len(options):
                return options[int(typed) - 1][0]
            self.say(f"'{typed}' is not one of the numbers. Please type 1 to {len(options)}.")

    def ask(self, a: Ask) -> AnswerValue | Back | Pass:
        ex, q = a.exercise, a.question
        if a.new_section:
            self.say()
            self.say(f"== {a.section.title} ==")
            if a.section.description:
                self.say(" ".join(a.section.description.split()))
        self.say()
        self.say(f"Question {a.number} of {a.total}")
        if a.person:
            self.say(f"{one_line(a.person)}, your answer:")
        self.say(one_line(a.text))
        options = options_for(ex, q)
        is_scale = isinstance(q, ScaleQuestion)
        for number, (_, label) in enumerate(options, 1):
            self.say(f"  {label}" if is_scale else f"  {number}. {label}")
        if a.answered:
            self.say(f"Your answer so far: {shown(ex, q, a.current)} (press Enter to keep it)")
        commands = []
        if q.help:
            commands.append("'?' for help")
        if a.can_go_back:
            commands.append("'b' to go back")
        if a.can_pass:
            commands.append("'p' to pass" if not isinstance(q, TextQuestion) else "Enter to pass")
        elif q.optional:
            commands.append("Enter to skip")
        while True:
            prompt = self._instruction(ex, q, options)
            if commands:
                prompt += " (" + ", ".join(commands) + ")"
            typed = self._input(prompt + ": ").strip()
            word = typed.casefold()
            if not typed and a.answered:
                return a.current
            if word in ("?", "help") and q.help:
                self.say(" ".join(q.help.split()))
                continue
            if word in ("b", "back") and a.can_go_back:
                return BACK
            if a.can_pass and (
                word in ("p", "pass") or (not typed and isinstance(q, TextQuestion))
            ):
                return PASS
            try:
                return self._parse(ex, q, typed, options)
            except BadAnswer as e:
                self.say(f"Sorry, {e}.")

    def _instruction(self, ex: Exercise, q: QuestionBase, options: list[tuple[Any, str]]) -> str:
        if isinstance(q, ScaleQuestion):
            scale = ex.scale_of(q)
            return f"Type a number from {scale.min} to {scale.max}"
        if isinstance(q, MultiQuestion):
            return "Type the numbers of all that apply, separated by commas"
        if options:
            return f"Type a number from 1 to {len(options)}"
        return "Type your answer"

    def _parse(
        self, ex: Exercise, q: QuestionBase, typed: str, options: list[tuple[Any, str]]
    ) -> AnswerValue:
        if isinstance(q, YesNoQuestion | ChoiceQuestion) and typed.isdigit():
            index = int(typed)
            if not 1 <= index <= len(options):
                raise BadAnswer(f"there is no number {index} here: type 1 to {len(options)}")
            return options[index - 1][0]  # type: ignore[no-any-return]
        if isinstance(q, MultiQuestion):
            if not typed:
                return parse_answer(ex, q, None if q.optional else "")
            chosen = []
            for part in typed.replace(";", ",").split(","):
                part = part.strip()
                if part.isdigit() and 1 <= int(part) <= len(options):
                    chosen.append(options[int(part) - 1][0])
                elif part:
                    chosen.append(part)
            return parse_answer(ex, q, chosen)
        return parse_answer(ex, q, typed)

    def review(self, rows: list[ReviewRow]) -> int | None:
        self.say()
        self.say("== Check your answers ==")
        section = None
        for row in rows:
            if row.section != section:
                section = row.section
                self.say(f"{section}:")
            self.say(_wrap(f"{row.number}. {one_line(row.text)}", indent="  "))
            self.say(_wrap(f"Your answer: {one_line(row.answer)}", indent="      "))
        while True:
            typed = self._input(
                "Type the number of an answer to change it, or press Enter to see your results: "
            ).strip()
            if not typed:
                return None
            if typed.isdigit() and 1 <= int(typed) <= len(rows):
                return int(typed) - 1
            self.say(f"'{typed}' is not one of the numbers 1 to {len(rows)}.")

    def ask_next_step(self, current: str | None) -> str | None:
        self.say()
        answer = self.text(
            "One thing I will do next",
            current,
            note="What is one thing you will do next, because of what you found? "
            "(Press Enter to leave it blank.)",
        )
        return answer or None

    # ------------------------------------------------------------------ groups

    def pause(self, message: str) -> None:
        """Wait for Enter, so people can read before the screen moves on."""
        self._input(message)

    def hand_over(self, person: str) -> None:
        # Blank lines push the last person's answer off the screen without escape codes.
        self.say("\n" * 40)
        self.say(f"--- {one_line(person)}, your turn. Press Enter when you are ready. ---")
        self._input("")

    def show_reveal(self, reveal: Reveal) -> None:
        self.say()
        self.say("Everyone's answers:")
        self.say(_wrap(one_line(reveal.text)))
        width = max(len(person) for person, _ in reveal.rows) if reveal.rows else 0
        for person, answer in reveal.rows:
            self.say(f"  {one_line(person):<{width}}  {one_line(answer)}")
        if reveal.spread is not None:
            points = round(reveal.spread) if float(reveal.spread).is_integer() else reveal.spread
            self.say(f"The answers are {points} point{'s' if points != 1 else ''} apart.")
        if reveal.worth_talking_about:
            self.say("Worth talking about: you see this differently. Take a moment to hear why.")

    def show_step(self, step: Step, number: int, total: int) -> None:
        self.say()
        self.say(f"== {one_line(step.title)} (step {number} of {total}) ==")
        self.say(_wrap(one_line(step.prompt)))
        if step.help:
            self.say(_wrap("To get going: " + one_line(step.help)))

    def countdown(self, minutes: int) -> None:
        self.say()
        self._input(
            f"Suggested time: about {minutes} minutes to talk. "
            "Press Enter when the group is ready to go round and add ideas: "
        )

    def contribute(
        self, person: str, prompt: str, earlier: list[str], add: Callable[[str], None]
    ) -> None:
        self.say()
        self.say(f"{one_line(person)}: {one_line(prompt)}")
        for item in earlier:
            self.say(f"  - {one_line(item)}")
        count = len(earlier)
        while True:
            hint = "or press Enter when you are done" if count else "or press Enter to pass"
            typed = " ".join(self._input(f"Add one ({hint}): ").split())
            if not typed:
                return
            add(typed[:1000])
            count += 1

    def collect_actions(
        self, prompt: str, people: list[str], add: Callable[[Action], None]
    ) -> None:
        self.say()
        self.say("== Actions ==")
        self.say(_wrap(one_line(prompt)))
        by_name = {p.casefold(): p for p in people}
        while True:
            what = " ".join(self._input("An action (or press Enter to finish): ").split())
            if not what:
                return
            while True:
                typed = self._input("Who will do it? Names, separated by commas, or 'everyone': ")
                names = [" ".join(n.split()) for n in typed.split(",") if n.strip()]
                if [n.casefold() for n in names] == ["everyone"]:
                    who = list(people)
                    break
                unknown = [n for n in names if n.casefold() not in by_name]
                if names and not unknown:
                    who = [by_name[n.casefold()] for n in names]
                    break
                listed = ", ".join(people)
                if unknown:
                    self.say(f"Sorry, '{one_line(unknown[0])}' is not in this group ({listed}).")
                else:
                    self.say(f"Sorry, an action needs at least one name: {listed}, or everyone.")
            while True:
                typed = self._input(
                    "By when? A date like 2026-12-31, or press Enter to leave it open: "
                )
                if not typed.strip():
                    when = None
                    break
                try:
                    when = date.fromisoformat(typed.strip())
                    break
                except ValueError:
                    self.say(f"Sorry, '{one_line(typed)}' is not a date. Write it like 2026-12-31.")
            add(Action(what=what, who=who, when=when))


class TerminalPrompter(PlainPrompter):
    """Arrow-key menus with questionary, for people at an ordinary terminal."""

    def __init__(
        self,
        write: Callable[[str], None] = print,
        read: Callable[[str], str] = input,
        **io: Any,
    ) -> None:
        """`io` passes prompt_toolkit's input= and output= through, for tests."""
        super().__init__(read=read, write=write)
        self._io = io

    def hand_over(self, person: str) -> None:
        import sys

        sys.stdout.write("\x1b[2J\x1b[H")  # clear the screen: the last answer is private
        sys.stdout.flush()
        self.say(
            f"{one_line(person)}, your turn. Take the keyboard, and press Enter when you are ready."
        )
        self._input("")
        sys.stdout.write("\x1b[2J\x1b[H")
        sys.stdout.flush()

    def countdown(self, minutes: int) -> None:
        """A countdown that the facilitator can end at any moment with Enter."""
        import select
        import sys
        import time

        if not hasattr(select, "select") or not sys.stdin.isatty():
            super().countdown(minutes)
            return
        end = time.monotonic() + minutes * 60
        self.say()
        try:
            while True:
                left = max(0, int(end - time.monotonic()))
                sys.stdout.write(
                    f"\rTime to talk: {left // 60}:{left % 60:02d} left. "
                    "Press Enter when the group is ready to go round and add ideas. "
                )
                sys.stdout.flush()
                ready, _, _ = select.select([sys.stdin], [], [], 1.0)
                if ready:
                    sys.stdin.readline()
                    break
                if left == 0:
                    sys.stdout.write(
                        "\rTime is up. Press Enter when the group is ready to go on.  "
                    )
                    sys.stdout.flush()
                    sys.stdin.readline()
                    break
        except KeyboardInterrupt:
            raise Interrupted() from None
        sys.stdout.write("\n")

    def text(self, message: str, default: str | None = None, note: str = "") -> str:
        import questionary

        if note:
            self.say(note)
        answer: str = _answer(
            questionary.text(printable(message), default=default or "", qmark="", **self._io)
        )
        return answer.strip()

    def choose(self, message: str, options: list[tuple[str, str]]) -> str:
        import questionary

        choices = [questionary.Choice(label, value=value) for value, label in options]
        result: str = _answer(
            questionary.select(printable(message), choices=choices, qmark="", **self._io)
        )
        return result

    def ask(self, a: Ask) -> AnswerValue | Back | Pass:
        import questionary

        ex, q = a.exercise, a.question
        if a.new_section:
            self.say()
            self.say(f"── {one_line(a.section.title)} ──")
            if a.section.description:
                self.say(_wrap(one_line(a.section.description)))
        message = "Your answer:"
        while True:
            self.say()
            self.say(f"Question {a.number} of {a.total} · {one_line(a.section.title)}")
            if a.person:
                self.say(f"{one_line(a.person)}, your answer:")
            self.say(_wrap(one_line(a.text)))
            if isinstance(q, TextQuestion):
                hint = "Press Enter to skip" if q.optional else "An answer is needed"
                hint = "Press Enter to keep it" if a.answered else hint
                if a.can_pass:
                    hint = "Press Enter to pass"
                if a.can_go_back:
                    hint += "; type 'back' on its own to go back"
                typed: str = _answer(
                    questionary.text(
                        message,
                        default=str(a.current or ""),
                        qmark="",
                        instruction=f"({hint})",
                        **self._io,
                    )
                )
                if typed.strip().casefold() == "back" and a.can_go_back:
                    return BACK
                if a.can_pass and not typed.strip():
                    return PASS
                try:
                    return parse_answer(ex, q, typed)
                except BadAnswer as e:
                    self.say(f"Sorry, {e}.")
                    continue
            extras = []
            if q.help:
                extras.append(questionary.Choice("Explain this question", HELP, shortcut_key="h"))
            if a.can_pass:
                extras.append(questionary.Choice("Pass", PASS_CHOICE, shortcut_key="p"))
            elif q.optional:
                extras.append(questionary.Choice("Skip this question", SKIP, shortcut_key="s"))
            if a.can_go_back:
                extras.append(
                    questionary.Choice(
                        "Go back to the previous question", GO_BACK, shortcut_key="b"
                    )
                )
            options = options_for(ex, q)
            if isinstance(q, MultiQuestion):
                current = a.current if isinstance(a.current, list) else []
                choices = [
                    questionary.Choice(label, value, checked=value in current)
                    for value, label in options
                ]
                picked: list[str] = _answer(
                    questionary.checkbox(
                        message,
                        choices=[*choices, *extras],
                        qmark="",
                        instruction="(Space to tick, Enter when done)",
                        **self._io,
                    )
                )
                if HELP in picked:
                    self.say(_wrap("Help: " + one_line(q.help or "")))
                    continue
                if GO_BACK in picked:
                    return BACK
                if PASS_CHOICE in picked:
                    return PASS
                picked = [p for p in picked if p != SKIP]
                try:
                    return parse_answer(ex, q, picked or (None if q.optional else picked))
                except BadAnswer as e:
                    self.say(f"Sorry, {e}.")
                    continue
            choices = []
            for value, label in options:
                key: str | bool = True
                if isinstance(value, int) and 0 <= value <= 9:
                    key = str(value)  # pressing 4 picks 4, even on a 0-10 scale
                    label = label.removeprefix(key).strip() or key
                choices.append(questionary.Choice(label, value, shortcut_key=key))
            default = a.current if a.answered and isinstance(a.current, str | int) else None
            result = _answer(
                questionary.select(
                    message,
                    choices=[*choices, questionary.Separator(" "), *extras] if extras else choices,
                    default=default,  # type: ignore[arg-type]
                    qmark="",
                    use_shortcuts=len(choices) + len(extras) <= 30,
                    use_jk_keys=False,
                    instruction="(arrow keys or a number, then Enter)",
                    **self._io,
                )
            )
            if result == HELP:
                self.say(_wrap("Help: " + one_line(q.help or "")))
                continue
            if result == GO_BACK:
                return BACK
            if result == SKIP:
                return None
            if result == PASS_CHOICE:
                return PASS
            return result  # type: ignore[no-any-return]

    def ask_next_step(self, current: str | None) -> str | None:
        self.say()
        self.say("What is one thing you will do next, because of what you found?")
        answer = self.text(
            "One thing I will do next:", current, note="(Press Enter to leave it blank.)"
        )
        return answer or None
