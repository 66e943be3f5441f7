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
from coprod_toolkit.group import Reveal, shown_answer
from coprod_toolkit.i18n import _, format_date, gettext_noop, ngettext, pgettext
from coprod_toolkit.models import (
    REVERSE_MARK,
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
from coprod_toolkit.text import fit as _fit  # long lines folded between words
from coprod_toolkit.text import one_line, printable

HELP, GO_BACK, SKIP, PASS_CHOICE = "__help__", "__back__", "__skip__", "__pass__"
CHOOSE = "__choose__"
CHOOSE_LINE = gettext_noop("Choose an answer: arrow keys or a number, then Enter")
NEEDS_ANSWER = gettext_noop(
    "Sorry, an answer is needed: choose one of the answers, then press Enter."
)
REVERSE_NOTE = gettext_noop(
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
        items: list[tuple[Any, str]] = [("yes", _("Yes")), ("no", _("No"))]
        if q.not_sure:
            items.append(("not_sure", _("Not sure")))
        return items
    if isinstance(q, ChoiceQuestion | MultiQuestion):
        return [(o.value, one_line(o.label)) for o in q.options]
    return []


def step_heading(title: str, number: int, total: int) -> str:
    """A step's heading; a title that already starts 'Step 1:' is not told its number twice."""
    import re

    title = one_line(title)
    named = re.match(r"(\w+) +(\d+) *: *(.+)", title)  # i18n-ok: 'Step 1: ...', 'Cam 1: ...'
    if named and int(named.group(2)) == number:
        return _("== {word} {number} of {total}: {title} ==").format(
            word=named.group(1), number=number, total=total, title=named.group(3)
        )
    return _("== {title} (step {number} of {total}) ==").format(
        title=title, number=number, total=total
    )


def step_help(text: str) -> str:
    """A step's help; help that starts with its own label ('Useful questions:') keeps it."""
    import re

    text = one_line(text)
    if re.match(r"[^.?!:]{1,40}: ", text):  # i18n-ok: a label of its own
        return text
    return _("To get going: {help}").format(help=text)


def _wrap(text: str, indent: str = "") -> str:
    import shutil
    import textwrap

    width = max(40, min(shutil.get_terminal_size().columns, 100) - 2)
    return textwrap.fill(
        text, width=width, initial_indent=indent, subsequent_indent=indent + "    " * bool(indent)
    )


def _folded_question(message: str, after: str, columns: int) -> str:
    """A menu's or a text box's question folded between words when it is too long for the
    terminal's line (`columns` wide), leaving room on its last line for what follows it (a
    hint, or the answer already there); the terminal would otherwise cut it mid-word."""
    import textwrap

    if len(f" {message} {after} ") < columns:
        return message
    width = max(20, columns - 2)
    lines = textwrap.wrap(message, width - 1, break_long_words=False) or [""]
    shown = "\n".join(lines)
    if len(lines[-1]) + len(after) + 3 > width:
        shown += "\n"  # what follows on a line of its own
    return shown


def _fit_prompt(prompt: str) -> str:
    """A prompt folded between words like any other text, keeping its space at the end
    (where the answer is typed)."""
    text = prompt.rstrip(" ")
    return _fit(text) + prompt[len(text) :]


def _answer(question: Any) -> Any:
    """Ask a questionary question; Ctrl-C and a closed input become Interrupted."""
    try:
        return question.unsafe_ask()
    except (KeyboardInterrupt, EOFError):
        raise Interrupted() from None


def _typed_words() -> dict[str, str]:
    """The words a person can type as commands, in the language in use."""
    # Translators: each of these is a word a person types on its own, as a command. Keep
    # it one short word, lower case; the English word always works as well.
    return {
        "back": pgettext("typed word", "back"),
        "help": pgettext("typed word", "help"),
        "pass": pgettext("typed word", "pass"),
        "change": pgettext("typed word", "change"),
        "remove": pgettext("typed word", "remove"),
        "everyone": pgettext("typed word", "everyone"),
        "open": pgettext("typed word", "open"),
    }


def _plain(word: str) -> str:
    """A word without its accents, in lower case: 'Nôl' -> 'nol' (not every keyboard has ô)."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", word.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def typed_word(typed: str, english: str) -> bool:
    """Whether a person typed a command word: the English one, or the word in their
    language, with or without its accents."""
    word = _plain(typed)
    return word in (english, _plain(_typed_words().get(english, english)))


def _signals_to_the_main_thread() -> None:
    """Called first in a helper thread: Ctrl-C (and a closed window) always go to the main
    thread. A signal the system hands to a helper thread leaves the main thread asleep in
    its read of the next answer, so the Ctrl-C would seem to do nothing."""
    import signal

    if hasattr(signal, "pthread_sigmask"):  # not on Windows, which has no such signals
        wanted = {signal.SIGINT} | {
            getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name)
        }
        signal.pthread_sigmask(signal.SIG_BLOCK, wanted)


def _guard(call: Callable[[], T]) -> T:
    """Ctrl-C and a closed input become Interrupted, which the CLI explains."""
    try:
        return call()
    except (KeyboardInterrupt, EOFError):
        raise Interrupted() from None


def _turn_over(person: str, following: str | None) -> str:
    """Thanks at the end of a turn, and who is next."""
    if following:
        return _("Thanks, {person}. Your answer is kept. Pass the keyboard to {next}.").format(
            person=one_line(person), next=one_line(following)
        )
    return _(
        "Thanks, {person}. Your answer is kept. Everyone has had their turn: here are the answers."
    ).format(person=one_line(person))


def _moments(seconds: int) -> set[str]:
    """When a plain timer speaks during a talk this long: never twice within a minute.

    Half-time only for 4 minutes or more (sooner, it would come close to "1 minute
    left"); "1 minute left" only for a talk longer than a minute; "time is up" always.
    """
    moments = {"up"}
    if seconds > 60:
        moments.add("minute")
    if seconds >= 240:
        moments.add("half")
    return moments


_DAY_FIRST = r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})"  # 31/12/2026, as in the UK


_IN_WORDS = r"(\d{1,2})\s+(\w+)\s+(\d{4})"  # 31 December 2026, as coprod writes dates


def _month_named(word: str) -> int | None:
    """The month a word names, in the language in use or in English ('Rhagfyr', 'Dec')."""
    from coprod_toolkit.i18n import month_name, using

    wanted = word.casefold()
    with using("en"):
        english = [month_name(month).casefold() for month in range(1, 13)]
    for month, name in enumerate(english, 1):
        if wanted in (month_name(month).casefold(), name, name[:3]):
            return month
    return None


def _looks_like_a_date(typed: str) -> bool:
    """Written as a date, though it may name no real day (31/02/2030)."""
    import re

    in_words = re.fullmatch(_IN_WORDS, typed.strip())
    if in_words is not None and _month_named(in_words.group(2)) is not None:
        return True
    return any(
        re.fullmatch(shape, typed.strip()) for shape in (r"\d{4}-\d{1,2}-\d{1,2}", _DAY_FIRST)
    )


def read_date(typed: str) -> date | None:
    """A date as people write it: 2026-12-31, or day first as in the UK, 31/12/2026
    (or 31.12.2026, 31-12-2026), or in words as coprod writes it, 31 December 2026 (or
    31 Rhagfyr 2026 in Welsh). None when it is no date."""
    import re

    try:
        return date.fromisoformat(typed)
    except ValueError:
        pass
    found = re.fullmatch(_DAY_FIRST, typed.strip())
    in_words = re.fullmatch(_IN_WORDS, typed.strip())
    if found is not None:
        day, month, year = (int(part) for part in found.groups())
    elif in_words is not None and (named := _month_named(in_words.group(2))) is not None:
        day, month, year = int(in_words.group(1)), named, int(in_words.group(3))
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


# The most a terminal keeps of one typed line (Linux: 4,096 bytes with its line end).
TERMINAL_LINE = 4095


def _pasted_lines() -> list[str]:
    """Lines already waiting on the terminal straight after the one just read: the rest of
    something pasted (a person typing is never that quick). Blank lines are left out."""
    import os
    import sys

    data = b""
    try:
        import select

        fd = sys.stdin.fileno()
        while select.select([fd], [], [], 0.05)[0]:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            data += chunk
    except (ImportError, OSError, ValueError):  # Windows cannot wait on a terminal
        return []
    text = data.decode(sys.stdin.encoding or "utf-8", errors="replace")
    return [line.strip() for line in text.splitlines() if line.strip()]


class PlainPrompter:
    """Numbered answers typed as text, for screen readers and simple terminals."""

    # A text's default is not put in the field to edit: Enter takes it, anything typed replaces it.
    prefills = False

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

    def _input(self, prompt: str, whole_paste: bool = False) -> str:
        """A line typed at the prompt. With `whole_paste`, the rest of a paste too: lines
        already waiting straight after it, joined with spaces, so that a note pasted in
        paragraphs stays one note instead of answering the questions after it."""
        shown = printable(prompt)
        if self._read is input:
            shown = _fit_prompt(shown)
        typed = _guard(lambda: self._read(shown))
        if not self._at_terminal():
            return typed
        self._cut_line(typed)
        if whole_paste:
            return " ".join([typed.strip(), *_pasted_lines()]).strip()
        return typed

    def _at_terminal(self) -> bool:
        """Whether a person types at a terminal (not a file, a program or a test's script)."""
        import sys

        return self._read is input and sys.stdin.isatty()

    def _cut_line(self, typed: str) -> None:
        if len(typed) >= TERMINAL_LINE:
            # A terminal reading a line keeps at most 4,095 characters and drops the rest
            # without a word; coprod cannot see what was lost, so it says where it stops.
            self.say(
                _(
                    "A terminal takes at most about 4,000 characters on one line, so the "
                    "end of what you typed may be missing. It ends: '...{end}'. You can "
                    "check it and change it before you save."
                ).format(end=one_line(typed[-40:]).strip())
            )

    def _hidden_input(self, prompt: str, whole_paste: bool = False) -> str:
        """Typed without showing on screen (no escape codes: the terminal's echo is off)."""
        if self._read_hidden is not None:
            hidden = self._read_hidden
            return _guard(lambda: hidden(printable(prompt)))
        if self._at_terminal():
            import getpass

            typed = _guard(lambda: getpass.getpass(_fit_prompt(printable(prompt))))
            if whole_paste:  # the rest of a paste arrived hidden too, and stays so
                typed = " ".join([typed.strip(), *_pasted_lines()]).strip()
            return typed
        return self._input(prompt, whole_paste)

    def text(self, message: str, default: str | None = None, note: str = "") -> str:
        if note:
            self.say(note)
        shown = f" [{one_line(default)}]" if default else ""
        answer = self._input(f"{message}{shown}: ", whole_paste=True).strip()
        return answer or (default or "")

    def choose(
        self, message: str, options: list[tuple[str, str]], default: str | None = None
    ) -> str:
        """One of the options, by number; Enter picks `default` when there is one."""
        self.say(message)
        for number, (_value, label) in enumerate(options, 1):
            self.say(f"  {number}. {label}")
        labels = dict(options)
        while True:
            if default in labels:
                prompt = _("Type a number from 1 to {count}, or press Enter for {default}: ")
            else:
                prompt = _("Type a number from 1 to {count}: ")
            typed = self._input(
                prompt.format(count=len(options), default=labels.get(default or "", ""))
            ).strip()
            if typed.isdigit() and 1 <= int(typed) <= len(options):
                return options[int(typed) - 1][0]
            if not typed and default is not None and default in labels:
                return default
            if typed:
                self.say(
                    _("'{typed}' is not one of the numbers. Please type 1 to {count}.").format(
                        typed=typed, count=len(options)
                    )
                )
            else:
                self.say(
                    _("An answer is needed here: type a number from 1 to {count}.").format(
                        count=len(options)
                    )
                )

    def ask(self, a: Ask) -> AnswerValue | Back | Pass:
        ex, q = a.exercise, a.question
        if a.new_section:
            self.say()
            self.say(f"== {a.section.title} ==")
            if a.section.description:
                self.say(" ".join(a.section.description.split()))
        self.say()
        self.say(_("Question {number} of {total}").format(number=a.number, total=a.total))
        if a.note_for is not None:
            self.say(_("An example, if you have one (you can leave it out):"))
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
            self.say(_("You have answered this already: press Enter to keep that answer."))
        elif a.answered:
            so_far = shown(ex, q, a.current)
            if a.can_pass and a.current is None:  # a pass, not a question skipped
                so_far = _("no agreed answer") if a.for_group else shown_answer(ex, q, None)
            self.say(
                _("Your answer so far: {answer} (press Enter to keep it)").format(answer=so_far)
            )
        if a.private:
            self.say(_("What you type is hidden, so no one can scroll back to read it."))
        commands = []
        if q.help:
            commands.append(_("'h' for help"))
        if a.can_go_back:
            commands.append(
                _("'b' to go back") if not a.from_review else _("'b' to keep it as it is")
            )
        if a.can_pass:
            if a.for_group:
                commands.append(_("'p' for no agreed answer"))
            else:
                commands.append(
                    _("'p' to pass") if not isinstance(q, TextQuestion) else _("Enter to pass")
                )
        elif q.optional and not a.answered:  # answered: Enter keeps the answer (said above)
            commands.append(_("Enter to skip"))
        if a.note_for is not None:
            commands = [_("Enter to leave it out"), _("'b' to go back to your answer")]
        while True:
            prompt = self._instruction(ex, q, options)
            if commands:
                prompt += " (" + ", ".join(commands) + ")"
            read = self._hidden_input if a.private else self._input
            typed = read(prompt + ": ", isinstance(q, TextQuestion)).strip()
            word = typed.casefold()
            if not typed and a.answered:
                return a.current
            if (word in ("?", "h") or typed_word(word, "help")) and q.help:
                self.say(" ".join(q.help.split()))
                continue
            if (word == "b" or typed_word(word, "back")) and a.can_go_back:
                return BACK
            if a.can_pass and (
                word == "p"
                or typed_word(word, "pass")
                or (not typed and isinstance(q, TextQuestion))
            ):
                return PASS
            try:
                return self._parse(ex, q, typed, options)
            except BadAnswer as e:
                if (isinstance(q, ScaleQuestion) or options) and not typed:
                    # As the prompt says it ("u", a number): never the words of answers
                    # files ("unknown", an option's value), which the screen does not show.
                    how = self._instruction(ex, q, options)
                    self.say(_("Sorry, an answer is needed. {how}.").format(how=how))
                elif options and not isinstance(q, ScaleQuestion):
                    how = self._instruction(ex, q, options)
                    if a.private:
                        self.say(_("Sorry, that is not one of the answers. {how}.").format(how=how))
                    else:
                        self.say(
                            _("Sorry, '{typed}' is not one of the answers. {how}.").format(
                                typed=one_line(typed), how=how
                            )
                        )
                elif isinstance(q, ScaleQuestion) and typed:
                    # The same words as the prompt above ("u", not "unknown").
                    how = self._instruction(ex, q, options)
                    if a.private:
                        self.say(_("Sorry, that is not on the scale. {how}.").format(how=how))
                    else:
                        self.say(
                            _("Sorry, '{typed}' is not on the scale. {how}.").format(
                                typed=one_line(typed), how=how
                            )
                        )
                elif a.private and typed:  # never say back what was typed, not even in an error
                    self.say(
                        _("Sorry, that is not one of the answers here: {allowed}.").format(
                            allowed=allowed(ex, q)
                        )
                    )
                else:
                    self.say(_("Sorry, {problem}.").format(problem=e))

    def _instruction(self, ex: Exercise, q: QuestionBase, options: list[tuple[Any, str]]) -> str:
        if isinstance(q, ScaleQuestion):
            scale = ex.scale_of(q)
            if scale.unknown:
                return _("Type a number from {min} to {max}, or u for '{unknown}'").format(
                    min=scale.min, max=scale.max, unknown=scale.unknown
                )
            return _("Type a number from {min} to {max}").format(min=scale.min, max=scale.max)
        if isinstance(q, MultiQuestion):
            return _("Type the numbers of all that apply, separated by commas")
        if options:
            return _("Type a number from 1 to {count}").format(count=len(options))
        return _("Type your answer")

    def _parse(
        self, ex: Exercise, q: QuestionBase, typed: str, options: list[tuple[Any, str]]
    ) -> AnswerValue:
        if isinstance(q, ScaleQuestion) and typed.casefold() == "u" and ex.scale_of(q).unknown:
            return UNKNOWN
        if isinstance(q, YesNoQuestion | ChoiceQuestion) and typed.isdigit():
            index = int(typed)
            if not 1 <= index <= len(options):
                raise BadAnswer(
                    _("there is no number {number} here: type 1 to {count}").format(
                        number=index, count=len(options)
                    )
                )
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
        heading = _("Check your answers")
        self.say(f"== {heading} ==")
        if any(row.reverse for row in rows):
            self.say(_wrap(_(REVERSE_NOTE)))
        section = None
        for row in rows:
            if row.section != section:
                section = row.section
                self.say(f"{section}:")
            mark = f" {_(REVERSE_MARK)}" if row.reverse else ""
            self.say(_wrap(f"{row.number}. {one_line(row.text)}{mark}", indent="  "))
            self.say(
                _wrap(
                    _("Your answer: {answer}").format(answer=one_line(row.answer)),
                    indent="      ",
                )
            )
        while True:
            typed = self._input(
                _("Type the number of an answer to change it, or press Enter to see your results: ")
            ).strip()
            if not typed:
                return None
            if typed.isdigit() and 1 <= int(typed) <= len(rows):
                return int(typed) - 1
            if len(rows) == 1:
                self.say(
                    _(
                        "'{typed}' is not the number here. Type 1, or press Enter to see "
                        "your results."
                    ).format(typed=one_line(typed))
                )
                continue
            self.say(
                _("'{typed}' is not one of the numbers 1 to {count}.").format(
                    typed=typed, count=len(rows)
                )
            )

    def ask_next_step(self, current: str | None) -> str | None:
        self.say()
        answer = self.text(
            _("One thing I will do next"),
            current,
            note=_(
                "What is one thing you will do next, because of what you found? "
                "(Press Enter to leave it blank.)"
            ),
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
            _(
                "--- {person}, your turn. Take the keyboard, "
                "and press Enter when you are ready. ---"
            ).format(person=one_line(person))
        )
        self._input("")

    def check_turn(self, person: str) -> bool:
        self.say()
        typed = self._input(
            _("Your answer is kept. Press Enter to finish your turn, or type 'b' to change it: ")
        )
        return typed.strip().casefold() != "b" and not typed_word(typed, "back")

    def end_turn(self, person: str, following: str | None, kept: bool = True) -> None:
        self._push_out_of_sight()
        if not kept:
            return
        self.say(_turn_over(person, following))

    def show_reveal(self, reveal: Reveal) -> None:
        self.say()
        self.say(_("Everyone's answers:"))
        self.say(_wrap(one_line(reveal.text)))
        width = max(len(person) for person, _answer in reveal.rows) if reveal.rows else 0
        for person, answer in reveal.rows:
            self.say(f"  {one_line(person):<{width}}  {one_line(answer)}")
        if reveal.spread == 0:
            self.say(_("Everyone who answered gave the same answer."))
        elif reveal.spread is not None:
            points = round(reveal.spread) if float(reveal.spread).is_integer() else reveal.spread
            count = points if isinstance(points, int) else 5  # a fraction takes the plural
            self.say(
                ngettext(
                    "The answers are {points} point apart.",
                    "The answers are {points} points apart.",
                    count,
                ).format(points=points)
            )
        if reveal.worth_talking_about:
            self.say(_("Worth talking about: you see this differently. Take a moment to hear why."))
        if reveal.notes:
            self.say(_("Examples given:"))
            for person, note in reveal.notes:
                self.say(_wrap(f"{one_line(person)}: {one_line(note)}", indent="  "))
        if reveal.agreed is not None:
            self.say(
                _("The group's agreed answer: {answer}").format(answer=one_line(reveal.agreed))
            )

    def show_step(self, step: Step, number: int, total: int) -> None:
        self.say()
        self.say(step_heading(step.title, number, total))
        self.say(_wrap(one_line(step.prompt)))
        if step.help:
            self.say(_wrap(step_help(step.help)))

    # The timer counts down in this thread while another waits for Enter: select() on
    # standard input does not work on Windows, a thread does.
    _live_timer = False

    def _read_line(self) -> None:
        """Wait for Enter, from a thread. A raw read holds no lock that exit would wait on."""
        import os
        import sys

        if self._at_terminal():
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
            _signals_to_the_main_thread()
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
        self._drop_typed_ahead()

    def _drop_typed_ahead(self) -> None:
        """Forget keys pressed before the next question is on the screen.

        An Enter pressed twice to end the talking time would otherwise be read as the
        first person's answer in the round, and pass their turn before they saw it.
        """
        import sys

        if not self._at_terminal():
            return
        try:
            import termios

            termios.tcflush(sys.stdin.fileno(), termios.TCIFLUSH)
        except (ImportError, OSError):  # Windows has no termios: nothing to forget
            pass

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
        minutes = max(1, (seconds + 30) // 60)
        if not self._live_timer:
            # Promise only the moments _timer_moment will say for a talk this long.
            moments = _moments(seconds)
            if "half" in moments:
                announced = ngettext(
                    "About {minutes} minute to talk. You will hear when half the time has gone, "
                    "when 1 minute is left and when time is up.",
                    "About {minutes} minutes to talk. You will hear when half the time has gone, "
                    "when 1 minute is left and when time is up.",
                    minutes,
                )
            elif "minute" in moments:
                announced = ngettext(
                    "About {minutes} minute to talk. You will hear when 1 minute is left "
                    "and when time is up.",
                    "About {minutes} minutes to talk. You will hear when 1 minute is left "
                    "and when time is up.",
                    minutes,
                )
            else:
                announced = ngettext(
                    "About {minutes} minute to talk. You will hear when time is up.",
                    "About {minutes} minutes to talk. You will hear when time is up.",
                    minutes,
                )
            self.say(announced.format(minutes=minutes))
            self.say(_("Press Enter when the group is ready to go round and add ideas."))
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
        moments = _moments(seconds)
        if left == 0 and "up" not in said:
            said.add("up")
            self.say(
                _("Time is up. Press Enter when the group is ready to go round and add ideas.")
            )
        elif left <= 60 and "minute" in moments and "minute" not in said and left > 0:
            said.add("minute")
            self.say(_("1 minute left."))
        elif left <= seconds // 2 and "half" in moments and "half" not in said and left > 60:
            said.add("half")
            self.say(
                _("Half the time has gone: about {minutes} minutes left.").format(
                    minutes=(left + 30) // 60  # rounded half up, as everywhere
                )
            )

    def contribute(
        self, person: str, prompt: str, earlier: list[str], save: Callable[[list[str]], None]
    ) -> None:
        items = list(earlier)
        self.say()
        self.say(f"{one_line(person)}: {one_line(prompt)}")
        for item in items:
            self.say(f"  - {one_line(item)}")
        while True:
            if items:
                hint = _(
                    "Add one (or press Enter when you are done; "
                    "type 'change' to change or remove one): "
                )
            else:
                hint = _("Add one (or press Enter to pass): ")
            typed = " ".join(self._input(hint).split())
            if not typed:
                return
            if typed_word(typed, "change") and not items:
                # the word for changing one, with nothing to change: not an idea called 'change'
                self.say(_("There is nothing to change yet. Type an idea, or press Enter to pass."))
                continue
            if typed_word(typed, "change"):
                self._change_item(items, "idea")
            else:
                items.append(typed[:1000])
            save(items)

    def _change_item(self, items: list[str], what: str) -> int | None:
        """Pick one of a numbered list; returns its index, or None to leave them."""
        for number, item in enumerate(items, 1):
            self.say(f"  {number}. {one_line(item)}")
        while True:
            which = (
                _("Which idea? Type its number, or press Enter to leave them as they are: ")
                if what == "idea"
                else _("Which action? Type its number, or press Enter to leave them as they are: ")
            )
            typed = self._input(which).strip()
            if not typed:
                return None
            if typed.isdigit() and 1 <= int(typed) <= len(items):
                break
            if len(items) == 1:
                self.say(
                    _(
                        "'{typed}' is not the number here. Type 1, or press Enter to leave "
                        "it as it is."
                    ).format(typed=one_line(typed))
                )
                continue
            self.say(
                _("'{typed}' is not one of the numbers 1 to {count}.").format(
                    typed=one_line(typed), count=len(items)
                )
            )
        index = int(typed) - 1
        if what != "idea":
            return index
        new = " ".join(
            self.text(_("Change it (or type 'remove' to take it out)"), items[index]).split()
        )
        if not new or typed_word(new, "remove"):
            del items[index]
            self.say(_("Taken out."))
        else:
            items[index] = new[:1000]
        return index

    def _who(self, people: list[str], current: list[str] | None = None) -> list[str]:
        by_name = {p.casefold(): p for p in people}
        while True:
            typed = self.text(
                _("Who will do it? Names, separated by commas, or 'everyone'"),
                ", ".join(current) if current else None,
            )
            names = [" ".join(n.split()) for n in typed.split(",") if n.strip()]
            if len(names) == 1 and typed_word(names[0], "everyone"):
                return list(people)
            unknown = [n for n in names if n.casefold() not in by_name]
            if names and not unknown:
                return [by_name[n.casefold()] for n in names]
            listed = ", ".join(people)
            if unknown:
                self.say(
                    _("Sorry, '{name}' is not in this group ({listed}).").format(
                        name=one_line(unknown[0]), listed=listed
                    )
                )
            else:
                self.say(
                    _("Sorry, an action needs at least one name: {listed}, or everyone.").format(
                        listed=listed
                    )
                )

    def _when(self, current: date | None = None) -> date | None:
        while True:
            typed = self.text(
                _(
                    "By when? A date like 2026-12-31, or press Enter to leave it open; "
                    "type 'open' for no date"
                )
                if current
                else _("By when? A date like 2026-12-31, or press Enter to leave it open"),
                current.isoformat() if current else None,
            ).strip()
            if not typed or typed_word(typed, "open"):
                return None
            when = read_date(typed)
            if when is None and _looks_like_a_date(typed):
                self.say(
                    _(
                        "Sorry, '{typed}' is not a day on the calendar: check the day and "
                        "the month."
                    ).format(typed=one_line(typed))
                )
            elif when is None:
                self.say(
                    _(
                        "Sorry, '{typed}' is not a date. Write it like 2026-12-31 or 31/12/2026."
                    ).format(typed=one_line(typed))
                )
            elif when < date.today() and when != current:
                self.say(
                    _(
                        "Sorry, {date} has already passed. Give a date from today on, "
                        "or press Enter to leave it open."
                    ).format(date=format_date(when))
                )
            else:
                return when

    def collect_actions(
        self,
        prompt: str,
        people: list[str],
        actions: list[Action],
        save: Callable[[list[Action]], None],
    ) -> None:
        actions = list(actions)
        self.say()
        heading = _("Actions")
        self.say(f"== {heading} ==")
        self.say(_wrap(one_line(prompt)))
        self._list_actions(actions)
        while True:
            what = " ".join(
                self._input(_("An action (or press Enter to finish): "), whole_paste=True).split()
            )
            if not what:
                options = [("finish", _("Yes: finish and save the group's record"))]
                options.append(("add", _("No: add another action")))
                if actions:
                    options.append(("change", _("Change or remove an action")))
                choice = self.choose(_("Finish and save?"), options)
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
            self.say(_("The actions so far:"))
        for number, action in enumerate(actions, 1):
            who = one_line(", ".join(action.who))
            if action.when:
                # Translators: who will do an action, and the date it is due by.
                who = _("{who}, by {date}").format(who=who, date=action.when.isoformat())
            self.say(_wrap(f"{number}. {one_line(action.what)} ({who})", "  "))

    def _change_action(self, actions: list[Action], people: list[str]) -> None:
        index = self._change_item([a.what for a in actions], "action")
        if index is None:
            return
        old = actions[index]
        choice = self.choose(
            _("What would you like to do with it?"),
            [
                ("change", _("Change it")),
                ("remove", _("Remove it")),
                ("keep", _("Leave it as it is")),
            ],
        )
        if choice == "remove":
            del actions[index]
            self.say(_("Removed."))
        elif choice == "change":
            what = " ".join(self.text(_("The action"), old.what).split()) or old.what
            actions[index] = Action(
                what=what[:1000], who=self._who(people, old.who), when=self._when(old.when)
            )


STRAY = "__typed__"


def _refuse_typing(question: Any, typed: list[str]) -> None:
    """Letters typed at a menu are kept in `typed` (Backspace takes them off again), and
    Enter after them ends the menu with STRAY instead of the answer it is on."""
    from prompt_toolkit.filters import Condition
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
    from prompt_toolkit.keys import Keys

    keys = KeyBindings()

    @keys.add(Keys.Any)
    def _letter(event: Any) -> None:
        if event.data.isprintable():
            typed.append(event.data)

    @keys.add(Keys.Backspace)
    def _rub_out(event: Any) -> None:
        if typed:
            typed.pop()

    @keys.add(Keys.ControlM, eager=True, filter=Condition(lambda: bool(typed)))
    def _refuse(event: Any) -> None:
        event.app.exit(result=STRAY)

    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings, keys])


class _MenuTitle(str):
    """A menu choice's words, folded two ways: for the line that shows the answer picked
    (the string itself), and under its own text in the menu (questionary puts a title
    in the menu with str.format, which calls __format__)."""

    menu: str

    def __new__(cls, words: str, menu: str) -> _MenuTitle:
        title = super().__new__(cls, words)
        title.menu = menu
        return title

    def __format__(self, spec: str) -> str:
        return self.menu


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

    prefills = True  # a text's default is in the field, to edit

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
            _("{person}, your turn. Take the keyboard, and press Enter when you are ready.").format(
                person=one_line(person)
            )
        )
        self._input("")

    def check_turn(self, person: str) -> bool:
        choice = self.choose(
            _("Your answer is kept. Is it the one you want?"),
            [("done", _("Yes: finish my turn")), ("change", _("No: change my answer"))],
        )
        return choice == "done"

    def end_turn(self, person: str, following: str | None, kept: bool = True) -> None:
        self._control(self.LEAVE_PRIVATE)
        if kept:
            self.say(_turn_over(person, following))

    def _timer_moment(self, seconds: int, left: int, said: set[str]) -> None:
        """One line, rewritten in place (a carriage return, never a new line), at any width."""
        import shutil

        width = max(20, shutil.get_terminal_size().columns) - 1
        if left == 0:
            line = _("Time is up. Press Enter to go round and add ideas.")
        else:
            line = _("Time to talk: {time} left. Press Enter to go round.").format(
                time=f"{left // 60}:{left % 60:02d}"
            )
        bell = ""
        if left == 0 and "up" not in said:
            said.add("up")
            bell = "\a"
        self._control("\r" + line[:width].ljust(width) + bell)

    def _columns(self) -> int:
        """The terminal's width: the one prompt_toolkit draws on, when a test gives one."""
        import shutil

        output = self._io.get("output")
        if output is not None:
            return int(output.get_size().columns)
        return shutil.get_terminal_size().columns

    def _fold(self, label: str, indent: int, room: int = 0) -> str:
        """A menu choice folded between words to the terminal's width, each further line
        starting under the first one's text, so no choice is ever cut off at the edge.
        `room`: the width kept free before each line, when more than the indent."""
        import textwrap

        width = max(20, self._columns() - max(indent, room) - 1)
        lines = textwrap.wrap(label, width=width, break_on_hyphens=False)
        return ("\n" + " " * indent).join(lines) or label

    def _fold_titles(self, choices: list[Any], message: str, indent: int, room: int = 0) -> None:
        """Every choice folded for the menu, and for the line " {message} {answer}" that
        stays on screen once one is picked (folded under the answer, when there is room)."""
        after = len(message.rsplit("\n", 1)[-1]) + 2  # the question's last line
        for choice in choices:
            if isinstance(choice.title, str):
                words = choice.title
                if after + 20 <= self._columns():
                    words = self._fold(words, after)
                choice.title = _MenuTitle(words, self._fold(choice.title, indent, room))

    def text(self, message: str, default: str | None = None, note: str = "") -> str:
        import questionary

        if note:
            self.say(note)
        shown = _folded_question(printable(message), default or "", self._columns())
        answer: str = _answer(questionary.text(shown, default=default or "", qmark="", **self._io))
        return answer.strip()

    def choose(
        self, message: str, options: list[tuple[str, str]], default: str | None = None
    ) -> str:
        import questionary

        choices = [questionary.Choice(label, value=value) for value, label in options]
        start = next((c for c in choices if c.value == default), None)
        instruction = _("(Use arrow keys)")
        shown = _folded_question(printable(message), instruction, self._columns())
        # " » " before each choice (this menu has no shortcut keys)
        self._fold_titles(choices, shown, 3)
        while True:
            typed: list[str] = []
            question = questionary.select(
                shown,
                choices=choices,
                default=start,
                qmark="",
                instruction=instruction,
                use_jk_keys=False,
                **self._io,
            )
            _refuse_typing(question, typed)
            result: str = _answer(question)
            if result != STRAY:
                return result
            # Words typed at a menu ('perhaps', then Enter) never pick the answer it is on.
            self.say(
                _(
                    "Sorry, '{typed}' is not one of the answers. Use the arrow keys to "
                    "choose one, then press Enter."
                ).format(typed=one_line("".join(typed)))
            )

    def ask(self, a: Ask) -> AnswerValue | Back | Pass:
        import questionary

        ex, q = a.exercise, a.question
        if a.new_section:
            self.say()
            self.say(f"── {one_line(a.section.title)} ──")
            if a.section.description:
                self.say(_wrap(one_line(a.section.description)))
        # the group's agreed answer is no one person's
        message = _("The group's answer:") if a.for_group else _("Your answer:")
        draft = str(a.current or "")  # what was typed stays, even when it is refused
        while True:
            self.say()
            self.say(
                _("Question {number} of {total} · {section}").format(
                    number=a.number, total=a.total, section=one_line(a.section.title)
                )
            )
            if a.note_for is not None:
                self.say(_("An example, if you have one (you can leave it out):"))
            elif a.heading:
                self.say(one_line(a.heading))
            self.say(_wrap(one_line(a.text)))
            if isinstance(q, TextQuestion):
                hint = _("Press Enter to skip") if q.optional else _("An answer is needed")
                hint = _("Press Enter to keep it") if a.answered else hint
                if a.can_pass:
                    hint = _("Press Enter for none") if a.for_group else _("Press Enter to pass")
                if a.can_go_back:
                    back = pgettext("typed word", "back")
                    hint += (
                        _("; type '{back}' on its own to go back to the list")
                        if a.from_review
                        else _("; type '{back}' on its own to go back")
                    ).format(back=back)
                hint += _("; up to {count} characters").format(count=MAX_TEXT)
                instruction: str | None = f"({hint})"
                if len(f" {message}  {instruction} ") >= self._columns():
                    # on its own lines, folded between words, rather than cut mid-word
                    self.say(_wrap(f"({hint})"))
                    instruction = None
                typed: str = _answer(
                    questionary.text(
                        message,
                        default=draft,
                        qmark="",
                        instruction=instruction,
                        **self._io,
                    )
                )
                if typed_word(typed, "back") and a.can_go_back:
                    return BACK
                if a.can_pass and not typed.strip():
                    return PASS
                try:
                    return parse_answer(ex, q, typed)
                except BadAnswer as e:
                    draft = typed
                    self.say(
                        _("Sorry, {problem}. Your text is still there to change.").format(problem=e)
                    )
                    continue
            extras = []
            if q.help:
                extras.append(
                    questionary.Choice(_("Explain this question"), HELP, shortcut_key="h")
                )
            if a.can_pass:
                extras.append(questionary.Choice(a.pass_words, PASS_CHOICE, shortcut_key="p"))
            elif q.optional:
                extras.append(questionary.Choice(_("Skip this question"), SKIP, shortcut_key="s"))
            if a.can_go_back:
                extras.append(questionary.Choice(a.back_words, GO_BACK, shortcut_key="b"))
            options = options_for(ex, q)
            if isinstance(q, MultiQuestion):
                current = a.current if isinstance(a.current, list) else []
                choices = [
                    questionary.Choice(label, value, checked=value in current)
                    for value, label in options
                ]
                # " » ○ " before each one; a single one ticked is shown after "Your answer: ["
                self._fold_titles([*choices, *extras], message, 5, len(message) + 3)
                picked: list[str] = _answer(
                    questionary.checkbox(
                        message,
                        choices=[*choices, *extras],
                        qmark="",
                        instruction=_("(Space to tick, Enter when done)"),
                        **self._io,
                    )
                )
                if HELP in picked:
                    self.say(_wrap(_("Help: {help}").format(help=one_line(q.help or ""))))
                    continue
                if GO_BACK in picked:
                    return BACK
                if PASS_CHOICE in picked:
                    return PASS
                picked = [p for p in picked if p != SKIP]
                try:
                    return parse_answer(ex, q, picked or (None if q.optional else picked))
                except BadAnswer as e:
                    self.say(_("Sorry, {problem}.").format(problem=e))
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
                choices.insert(0, questionary.Choice(_(CHOOSE_LINE), CHOOSE, shortcut_key=False))
            shortcuts = len(choices) + len(extras) <= 30
            # " » 4) " before each choice, or " » " without shortcut keys
            self._fold_titles([*choices, *extras], message, 6 if shortcuts else 3)
            result = _answer(
                questionary.select(
                    message,
                    choices=[*choices, questionary.Separator(" "), *extras] if extras else choices,
                    default=default,  # type: ignore[arg-type]
                    qmark="",
                    use_shortcuts=shortcuts,
                    use_jk_keys=False,
                    instruction=_("(arrow keys or a number, then Enter)"),
                    **self._io,
                )
            )
            if result == HELP:
                self.say(_wrap(_("Help: {help}").format(help=one_line(q.help or ""))))
                continue
            if result == CHOOSE:
                self.say(_(NEEDS_ANSWER))
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
        self.say(_("What is one thing you will do next, because of what you found?"))
        answer = self.text(
            _("One thing I will do next:"), current, note=_("(Press Enter to leave it blank.)")
        )
        return answer or None
