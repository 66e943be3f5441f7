"""Asking questions in a terminal: arrow-key menus (questionary) or plain typed text.

The plain prompter uses nothing but input() and print(): numbered answers
typed as text, no colour, no boxes. It suits screen readers and simple
terminals, and it is also what runs when `--plain` is given.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from coprod_toolkit.answers import MAX_TEXT, BadAnswer, allowed, parse_answer, shown
from coprod_toolkit.errors import Interrupted
from coprod_toolkit.group import Reveal
from coprod_toolkit.models import (
    UNKNOWN,
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
CHOOSE = "__choose__"
CHOOSE_LINE = "Choose an answer: arrow keys or a number, then Enter"
NEEDS_ANSWER = "Sorry, an answer is needed: choose one of the answers, then press Enter."
REVERSE_MARK = "(counts the other way)"
REVERSE_NOTE = (
    "Statements marked (counts the other way) describe habits that work against "
    "co-production, so agreeing with them lowers the score and disagreeing raises it. "
    "They are there so that giving the same answer to everything cannot make a "
    "score look better or worse than it is."
)
T = TypeVar("T")


def options_for(ex: Exercise, q: QuestionBase) -> list[tuple[Any, str]]:
    """(value, what the person sees) for every answer a question offers."""
    if isinstance(q, ScaleQuestion):
        scale = ex.scale_of(q)
        points: list[tuple[Any, str]] = [
            (v, f"{v}  {scale.label(v)}".rstrip()) for v in scale.points()
        ]
        return [*points, (UNKNOWN, scale.unknown)] if scale.unknown else points
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


def _fit(text: str) -> str:
    """Long lines folded between words at the terminal's width, so no word is split.

    Only on a terminal: text piped to another program keeps its lines whole.
    Each line keeps its own indent; lines that fit are left exactly as they are.
    """
    import shutil
    import sys
    import textwrap

    if not sys.stdout.isatty():
        return text
    width = max(40, shutil.get_terminal_size().columns - 1)
    lines = []
    for line in text.split("\n"):
        if len(line) <= width:
            lines.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip())]
        lines.append(
            textwrap.fill(
                line.strip(),
                width=width,
                initial_indent=indent,
                subsequent_indent=indent,
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
    return "\n".join(lines)


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
        read_hidden: Callable[[str], str] | None = None,
    ) -> None:
        self._read = read
        self._write = write
        self._read_hidden = read_hidden

    def say(self, text: str = "") -> None:
        shown = printable(text)
        if self._write is print:
            shown = _fit(shown)
        self._write(shown)

    def _input(self, prompt: str) -> str:
        return _guard(lambda: self._read(printable(prompt)))

    def _hidden_input(self, prompt: str) -> str:
        """Typed without showing on screen (no escape codes: the terminal's echo is off)."""
        if self._read_hidden is not None:
            hidden = self._read_hidden
            return _guard(lambda: hidden(printable(prompt)))
        import sys

        if self._read is input and sys.stdin.isatty():
            import getpass

            return _guard(lambda: getpass.getpass(printable(prompt)))
        return self._input(prompt)

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
            if typed:
                self.say(f"'{typed}' is not one of the numbers. Please type 1 to {len(options)}.")
            else:
                self.say(f"An answer is needed here: type a number from 1 to {len(options)}.")

    def ask(self, a: Ask) -> AnswerValue | Back | Pass:
        ex, q = a.exercise, a.question
        if a.new_section:
            self.say()
            self.say(f"== {a.section.title} ==")
            if a.section.description:
                self.say(" ".join(a.section.description.split()))
        self.say()
        self.say(f"Question {a.number} of {a.total}")
        if a.note_for is not None:
            self.say("An example, if you have one (you can leave it out):")
        elif a.heading:
            self.say(one_line(a.heading))
        self.say(one_line(a.text))
        options = options_for(ex, q)
        is_scale = isinstance(q, ScaleQuestion)
        for number, (value, label) in enumerate(options, 1):
            if value == UNKNOWN and is_scale:
                label = f"u  {label}"  # typed as u, like the numbers above it
            self.say(f"  {label}" if is_scale else f"  {number}. {label}")
        if a.answered and a.private:
            # Plain text cannot be wiped later, so a private answer is never printed back.
            self.say("You have answered this already: press Enter to keep that answer.")
        elif a.answered:
            self.say(f"Your answer so far: {shown(ex, q, a.current)} (press Enter to keep it)")
        if a.private:
            self.say("What you type is hidden, so no one can scroll back to read it.")
        commands = []
        if q.help:
            commands.append("'h' for help")
        if a.can_go_back:
            commands.append("'b' to go back" if not a.from_review else "'b' to keep it as it is")
        if a.can_pass:
            if a.for_group:
                commands.append("'p' for no agreed answer")
            else:
                commands.append(
                    "'p' to pass" if not isinstance(q, TextQuestion) else "Enter to pass"
                )
        elif q.optional:
            commands.append("Enter to skip")
        if a.note_for is not None:
            commands = ["Enter to leave it out", "'b' to go back to your answer"]
        while True:
            prompt = self._instruction(ex, q, options)
            if commands:
                prompt += " (" + ", ".join(commands) + ")"
            read = self._hidden_input if a.private else self._input
            typed = read(prompt + ": ").strip()
            word = typed.casefold()
            if not typed and a.answered:
                return a.current
            if word in ("?", "h", "help") and q.help:
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
                if isinstance(q, ScaleQuestion) and typed:
                    # The same words as the prompt above ("u", not "unknown").
                    what = "that" if a.private else f"'{one_line(typed)}'"
                    self.say(
                        f"Sorry, {what} is not on the scale. {self._instruction(ex, q, options)}."
                    )
                elif a.private and typed:  # never say back what was typed, not even in an error
                    self.say(f"Sorry, that is not one of the answers here: {allowed(ex, q)}.")
                else:
                    self.say(f"Sorry, {e}.")

    def _instruction(self, ex: Exercise, q: QuestionBase, options: list[tuple[Any, str]]) -> str:
        if isinstance(q, ScaleQuestion):
            scale = ex.scale_of(q)
            numbers = f"Type a number from {scale.min} to {scale.max}"
            return f"{numbers}, or u for '{scale.unknown}'" if scale.unknown else numbers
        if isinstance(q, MultiQuestion):
            return "Type the numbers of all that apply, separated by commas"
        if options:
            return f"Type a number from 1 to {len(options)}"
        return "Type your answer"

    def _parse(
        self, ex: Exercise, q: QuestionBase, typed: str, options: list[tuple[Any, str]]
    ) -> AnswerValue:
        if isinstance(q, ScaleQuestion) and typed.casefold() == "u" and ex.scale_of(q).unknown:
            return UNKNOWN
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
        if any(row.reverse for row in rows):
            self.say(_wrap(REVERSE_NOTE))
        section = None
        for row in rows:
            if row.section != section:
                section = row.section
                self.say(f"{section}:")
            mark = f" {REVERSE_MARK}" if row.reverse else ""
            self.say(_wrap(f"{row.number}. {one_line(row.text)}{mark}", indent="  "))
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

    def _push_out_of_sight(self) -> None:
        """Without escape codes the screen cannot be wiped: blank lines push it up instead."""
        import shutil

        self.say("\n" * (shutil.get_terminal_size().lines + 2))

    def hand_over(self, person: str) -> None:
        self._push_out_of_sight()
        self.say(
            f"--- {one_line(person)}, your turn. Take the keyboard, "
            "and press Enter when you are ready. ---"
        )
        self._input("")

    def check_turn(self, person: str) -> bool:
        self.say()
        typed = self._input(
            "Your answer is kept. Press Enter to finish your turn, or type 'b' to change it: "
        )
        return typed.strip().casefold() not in ("b", "back")

    def end_turn(self, person: str, following: str | None, kept: bool = True) -> None:
        self._push_out_of_sight()
        if not kept:
            return
        then = (
            f"Pass the keyboard to {one_line(following)}."
            if following
            else "Everyone has had their turn: here are the answers."
        )
        self.say(f"Thanks, {one_line(person)}. Your answer is kept. {then}")

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
        if reveal.notes:
            self.say("Examples given:")
            for person, note in reveal.notes:
                self.say(_wrap(f"{one_line(person)}: {one_line(note)}", indent="  "))
        if reveal.agreed is not None:
            self.say(f"The group's agreed answer: {one_line(reveal.agreed)}")

    def show_step(self, step: Step, number: int, total: int) -> None:
        self.say()
        self.say(f"== {one_line(step.title)} (step {number} of {total}) ==")
        self.say(_wrap(one_line(step.prompt)))
        if step.help:
            self.say(_wrap("To get going: " + one_line(step.help)))

    # The timer counts down in this thread while another waits for Enter: select() on
    # standard input does not work on Windows, a thread does.
    _live_timer = False

    def _read_line(self) -> None:
        """Wait for Enter, from a thread. A raw read holds no lock that exit would wait on."""
        import os
        import sys

        if self._read is input and sys.stdin.isatty():
            fd = sys.stdin.fileno()
            while True:
                chunk = os.read(fd, 1024)
                if not chunk:
                    raise EOFError
                if b"\n" in chunk or b"\r" in chunk:
                    return
        self._read("")

    def countdown(self, seconds: int, tick: Callable[[int], None]) -> None:
        """Talking time: Enter ends it at any moment; the time left is saved as it goes."""
        import threading

        done = threading.Event()
        failed: list[BaseException] = []

        def wait() -> None:
            try:
                self._read_line()
            except (EOFError, KeyboardInterrupt, OSError) as e:
                failed.append(e)
            done.set()

        try:
            tick(seconds)  # from now on, a stop keeps the time that was left
            self._count(seconds, tick, wait, done, failed)
        except KeyboardInterrupt:
            raise Interrupted() from None

    def _count(
        self,
        seconds: int,
        tick: Callable[[int], None],
        wait: Callable[[], None],
        done: Any,
        failed: list[BaseException],
    ) -> None:
        import math
        import threading
        import time

        self.say()
        minutes = max(1, round(seconds / 60))
        if not self._live_timer:
            self.say(
                f"About {minutes} minute{'s' if minutes != 1 else ''} to talk. You will hear "
                "when half the time has gone, when 1 minute is left and when time is up."
            )
            self.say("Press Enter when the group is ready to go round and add ideas.")
        threading.Thread(target=wait, daemon=True).start()
        end = time.monotonic() + seconds
        said: set[str] = set()
        saved = left = seconds
        try:
            while not done.wait(0.25):
                left = max(0, math.ceil(end - time.monotonic()))
                self._timer_moment(seconds, left, said)
                if saved - left >= 10:
                    saved = left
                    tick(left)
        except KeyboardInterrupt:
            tick(left)
            raise Interrupted() from None
        if failed:
            tick(left)
            raise Interrupted()

    def _timer_moment(self, seconds: int, left: int, said: set[str]) -> None:
        """Plain: say the time at a few moments, each on its own line, once."""
        if left == 0 and "up" not in said:
            said.add("up")
            self.say("Time is up. Press Enter when the group is ready to go round and add ideas.")
        elif left <= 60 < seconds and "minute" not in said and left > 0:
            said.add("minute")
            self.say("1 minute left.")
        elif left <= seconds // 2 and seconds >= 240 and "half" not in said and left > 60:
            said.add("half")
            self.say(f"Half the time has gone: about {round(left / 60)} minutes left.")

    def contribute(
        self, person: str, prompt: str, earlier: list[str], save: Callable[[list[str]], None]
    ) -> None:
        items = list(earlier)
        self.say()
        self.say(f"{one_line(person)}: {one_line(prompt)}")
        for item in items:
            self.say(f"  - {one_line(item)}")
        while True:
            hint = "or press Enter when you are done" if items else "or press Enter to pass"
            if items:
                hint += "; type 'change' to change or remove one"
            typed = " ".join(self._input(f"Add one ({hint}): ").split())
            if not typed:
                return
            if typed.casefold() == "change" and items:
                self._change_item(items, "idea")
            else:
                items.append(typed[:1000])
            save(items)

    def _change_item(self, items: list[str], what: str) -> int | None:
        """Pick one of a numbered list; returns its index, or None to leave them."""
        for number, item in enumerate(items, 1):
            self.say(f"  {number}. {one_line(item)}")
        while True:
            typed = self._input(
                f"Which {what}? Type its number, or press Enter to leave them as they are: "
            ).strip()
            if not typed:
                return None
            if typed.isdigit() and 1 <= int(typed) <= len(items):
                break
            self.say(f"'{one_line(typed)}' is not one of the numbers 1 to {len(items)}.")
        index = int(typed) - 1
        if what != "idea":
            return index
        new = " ".join(
            self.text("Change it (or type 'remove' to take it out)", items[index]).split()
        )
        if not new or new.casefold() == "remove":
            del items[index]
            self.say("Taken out.")
        else:
            items[index] = new[:1000]
        return index

    def _who(self, people: list[str], current: list[str] | None = None) -> list[str]:
        by_name = {p.casefold(): p for p in people}
        while True:
            typed = self.text(
                "Who will do it? Names, separated by commas, or 'everyone'",
                ", ".join(current) if current else None,
            )
            names = [" ".join(n.split()) for n in typed.split(",") if n.strip()]
            if [n.casefold() for n in names] == ["everyone"]:
                return list(people)
            unknown = [n for n in names if n.casefold() not in by_name]
            if names and not unknown:
                return [by_name[n.casefold()] for n in names]
            listed = ", ".join(people)
            if unknown:
                self.say(f"Sorry, '{one_line(unknown[0])}' is not in this group ({listed}).")
            else:
                self.say(f"Sorry, an action needs at least one name: {listed}, or everyone.")

    def _when(self, current: date | None = None) -> date | None:
        while True:
            typed = self.text(
                "By when? A date like 2026-12-31, or press Enter to leave it open"
                + ("; type 'open' for no date" if current else ""),
                current.isoformat() if current else None,
            ).strip()
            if not typed or typed.casefold() == "open":
                return None
            try:
                return date.fromisoformat(typed)
            except ValueError:
                self.say(f"Sorry, '{one_line(typed)}' is not a date. Write it like 2026-12-31.")

    def collect_actions(
        self,
        prompt: str,
        people: list[str],
        actions: list[Action],
        save: Callable[[list[Action]], None],
    ) -> None:
        actions = list(actions)
        self.say()
        self.say("== Actions ==")
        self.say(_wrap(one_line(prompt)))
        self._list_actions(actions)
        while True:
            what = " ".join(self._input("An action (or press Enter to finish): ").split())
            if not what:
                options = [("finish", "Yes: finish and save the group's record")]
                options.append(("add", "No: add another action"))
                if actions:
                    options.append(("change", "Change or remove an action"))
                choice = self.choose("Finish and save?", options)
                if choice == "finish":
                    return
                if choice == "change":
                    self._change_action(actions, people)
                    save(actions)
                    self._list_actions(actions)
                continue
            actions.append(Action(what=what[:1000], who=self._who(people), when=self._when()))
            save(actions)

    def _list_actions(self, actions: list[Action]) -> None:
        if actions:
            self.say("The actions so far:")
        for number, action in enumerate(actions, 1):
            when = f", by {action.when.isoformat()}" if action.when else ""
            who = ", ".join(action.who)
            self.say(_wrap(f"{number}. {one_line(action.what)} ({one_line(who)}{when})", "  "))

    def _change_action(self, actions: list[Action], people: list[str]) -> None:
        index = self._change_item([a.what for a in actions], "action")
        if index is None:
            return
        old = actions[index]
        choice = self.choose(
            "What would you like to do with it?",
            [("change", "Change it"), ("remove", "Remove it"), ("keep", "Leave it as it is")],
        )
        if choice == "remove":
            del actions[index]
            self.say("Removed.")
        elif choice == "change":
            what = " ".join(self.text("The action", old.what).split()) or old.what
            actions[index] = Action(
                what=what[:1000], who=self._who(people, old.who), when=self._when(old.when)
            )


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

    # A private turn happens in the terminal's second screen (the one full-screen programs
    # use), which keeps no scrollback; on leaving it, the screen and its scrollback are
    # erased as well, for terminals that keep more than they should.
    ENTER_PRIVATE = "\x1b[?1049h\x1b[2J\x1b[3J\x1b[H"
    LEAVE_PRIVATE = "\x1b[2J\x1b[3J\x1b[H\x1b[?1049l\x1b[2J\x1b[3J\x1b[H"
    _live_timer = True

    def _control(self, codes: str) -> None:
        import sys

        sys.stdout.write(codes)
        sys.stdout.flush()

    def hand_over(self, person: str) -> None:
        self._control(self.ENTER_PRIVATE)
        self.say(
            f"{one_line(person)}, your turn. Take the keyboard, and press Enter when you are ready."
        )
        self._input("")

    def check_turn(self, person: str) -> bool:
        choice = self.choose(
            "Your answer is kept. Is it the one you want?",
            [("done", "Yes: finish my turn"), ("change", "No: change my answer")],
        )
        return choice == "done"

    def end_turn(self, person: str, following: str | None, kept: bool = True) -> None:
        self._control(self.LEAVE_PRIVATE)
        if kept:
            then = (
                f"Pass the keyboard to {one_line(following)}."
                if following
                else "Everyone has had their turn: here are the answers."
            )
            self.say(f"Thanks, {one_line(person)}. Your answer is kept. {then}")

    def _timer_moment(self, seconds: int, left: int, said: set[str]) -> None:
        """One line, rewritten in place (a carriage return, never a new line), at any width."""
        import shutil

        width = max(20, shutil.get_terminal_size().columns) - 1
        if left == 0:
            line = "Time is up. Press Enter to go round and add ideas."
        else:
            line = f"Time to talk: {left // 60}:{left % 60:02d} left. Press Enter to go round."
        bell = ""
        if left == 0 and "up" not in said:
            said.add("up")
            bell = "\a"
        self._control("\r" + line[:width].ljust(width) + bell)

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
        draft = str(a.current or "")  # what was typed stays, even when it is refused
        while True:
            self.say()
            self.say(f"Question {a.number} of {a.total} · {one_line(a.section.title)}")
            if a.note_for is not None:
                self.say("An example, if you have one (you can leave it out):")
            elif a.heading:
                self.say(one_line(a.heading))
            self.say(_wrap(one_line(a.text)))
            if isinstance(q, TextQuestion):
                hint = "Press Enter to skip" if q.optional else "An answer is needed"
                hint = "Press Enter to keep it" if a.answered else hint
                if a.can_pass:
                    hint = "Press Enter for none" if a.for_group else "Press Enter to pass"
                if a.can_go_back:
                    hint += "; type 'back' on its own to go back"
                    if a.from_review:
                        hint += " to the list"
                hint += f"; up to {MAX_TEXT} characters"
                typed: str = _answer(
                    questionary.text(
                        message,
                        default=draft,
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
                    draft = typed
                    self.say(f"Sorry, {e}. Your text is still there to change.")
                    continue
            extras = []
            if q.help:
                extras.append(questionary.Choice("Explain this question", HELP, shortcut_key="h"))
            if a.can_pass:
                extras.append(questionary.Choice(a.pass_words, PASS_CHOICE, shortcut_key="p"))
            elif q.optional:
                extras.append(questionary.Choice("Skip this question", SKIP, shortcut_key="s"))
            if a.can_go_back:
                extras.append(questionary.Choice(a.back_words, GO_BACK, shortcut_key="b"))
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
                    label = label.removeprefix(key).strip()  # "2) ", never "2) 2"
                elif value == UNKNOWN and isinstance(q, ScaleQuestion):
                    key = "u"
                choices.append(questionary.Choice(label, value, shortcut_key=key))
            default = a.current if a.answered and isinstance(a.current, str | int) else None
            if default is None:
                # The menu starts on a line that is not an answer, so Enter never picks one.
                choices.insert(0, questionary.Choice(CHOOSE_LINE, CHOOSE, shortcut_key=False))
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
            if result == CHOOSE:
                self.say(NEEDS_ANSWER)
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
