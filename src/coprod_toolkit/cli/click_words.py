"""Typer's and click's own words, in the person's language: "Usage:", "Options", errors.

The click inside typer writes its words as plain English (f-strings, not gettext), and
typer's own words call the standard gettext on no domain of ours. So the few places
that put those words on the screen are pointed at coprod's catalogue here, once, at
start-up: the section titles and notes typer writes ("Options", "default: ..."), the
"Error: ..." and "Try ... for help." lines of a usage error, and the messages click
builds ("No such option: --x", "Missing argument 'X'."), which are recognised by their
English shape and said again in the language in use. In English nothing changes: each
message is the English, letter for letter. A message not recognised stays in English.
"""

from __future__ import annotations

import re
from typing import IO, Any

from coprod_toolkit.i18n import _, gettext_noop

# Help texts typer and click give their own options; the commands' format_options shows
# them through translate_help, like every other option's help.
OWN_HELP = (
    gettext_noop("Show this message and exit."),
    gettext_noop("Install completion for the current shell."),
    gettext_noop(
        "Show completion for the current shell, to copy it or customize the installation."
    ),
)

# Words typer passes to gettext itself (typer/core.py), so that the catalogue holds them.
TYPER_WORDS = (
    gettext_noop("Arguments"),
    gettext_noop("Options"),
    gettext_noop("Commands"),
    gettext_noop("default: {default}"),
    gettext_noop("required"),
    gettext_noop("env var: {var}"),
    gettext_noop("(dynamic)"),
    gettext_noop("Aborted!"),
    gettext_noop("Missing command."),
    gettext_noop("No such command {name!r}."),
)

# Messages click builds with the values in them: their English shape, and the catalogue
# entry that says the same in any language (its placeholders are the shape's groups).
_SHAPES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        # typer adds its suggestion to a message already said: "No such command 'asses'."
        re.compile(r"(?P<message>.+)\. Did you mean (?P<suggestions>'.+')\?", re.S),
        gettext_noop("{message}. Did you mean {suggestions}?"),
    ),
    (
        re.compile(r"Got unexpected extra argument\(s\) \((?P<args>.*)\)", re.S),
        gettext_noop("Got unexpected extra argument(s) ({args})"),
    ),
    (
        re.compile(r"No such option: (?P<name>.+)", re.S),
        gettext_noop("No such option: {name}"),
    ),
    (
        re.compile(r"Option (?P<name>'.+') requires an argument\."),
        gettext_noop("Option {name} requires an argument."),
    ),
    (
        re.compile(r"Option (?P<name>'.+') requires (?P<count>\d+) arguments\."),
        gettext_noop("Option {name} requires {count} arguments."),
    ),
    (
        re.compile(r"Option (?P<name>'.+') does not take a value\."),
        gettext_noop("Option {name} does not take a value."),
    ),
    (
        re.compile(r"Argument (?P<name>'.+') takes (?P<count>\d+) values\."),
        gettext_noop("Argument {name} takes {count} values."),
    ),
    (
        re.compile(r"(?P<value>'.*') is not one of (?P<choices>.+)\.", re.S),
        gettext_noop("{value} is not one of {choices}."),
    ),
)


def say(message: str) -> str:
    """A message click or typer made, in the language in use when its shape is known."""
    if not message:
        return message
    found = _(message)
    if found != message:
        return found
    for shape, msgid in _SHAPES:
        match = shape.fullmatch(message)
        if match is not None:
            return _(msgid).format(**match.groupdict())
    return message


def _missing(param_type: str | None, hint: str) -> str:
    if param_type == "argument":
        return _("Missing argument {name}.").format(name=hint)
    if param_type == "option":
        return _("Missing option {name}.").format(name=hint)
    return _("Missing parameter {name}.").format(name=hint)


def install() -> None:
    """Point typer's and click's words at coprod's catalogue (once; harmless if repeated)."""
    try:
        from typer import core
        from typer._click import exceptions
    except ImportError:  # pragma: no cover - a typer without its own click: English it is
        return
    if getattr(exceptions.ClickException, "_coprod_words", False):
        return
    core._ = _  # type: ignore[attr-defined]
    from typer._click.utils import echo

    click_error = exceptions.ClickException
    usage_error = exceptions.UsageError
    bad_parameter = exceptions.BadParameter
    missing_parameter = exceptions.MissingParameter
    no_such_option = exceptions.NoSuchOption

    def error_message(self: Any) -> str:
        return say(str(self.message))

    def show_error(self: Any, file: IO[Any] | None = None) -> None:
        if file is None:
            from typer._click._compat import get_text_stderr

            file = get_text_stderr()
        message = _("Error: {message}").format(message=self.format_message())
        echo(message, file=file, color=self.show_color)

    def show_usage_error(self: Any, file: IO[Any] | None = None) -> None:
        if file is None:
            from typer._click._compat import get_text_stderr

            file = get_text_stderr()
        color = None
        hint = ""
        ctx = self.ctx
        if ctx is not None and ctx.command.get_help_option(ctx) is not None:
            hint = (
                _("Try '{command} {option}' for help.").format(
                    command=ctx.command_path, option=ctx.help_option_names[0]
                )
                + "\n"
            )
        if ctx is not None:
            color = ctx.color
            echo(f"{ctx.get_usage()}\n{hint}", file=file, color=color)
        message = _("Error: {message}").format(message=self.format_message())
        echo(message, file=file, color=color)

    def bad_parameter_message(self: Any) -> str:
        if self.param_hint is not None:
            param_hint = self.param_hint
        elif self.param is not None:
            param_hint = self.param.get_error_hint()
        else:
            return _("Invalid value: {message}").format(message=say(self.message))
        hint = exceptions._join_param_hints(param_hint)
        return _("Invalid value for {hint}: {message}").format(hint=hint, message=say(self.message))

    english_missing = missing_parameter.format_message

    def missing_parameter_message(self: Any) -> str:
        if self.param_hint is not None:
            param_hint = self.param_hint
        elif self.param is not None:
            param_hint = self.param.get_error_hint()
        else:
            param_hint = None
        hint = exceptions._join_param_hints(param_hint)
        param_type = self.param_type
        if param_type is None and self.param is not None:
            param_type = self.param.param_type_name
        if not hint:
            return str(english_missing(self))
        message = say(self.message) if self.message else ""
        extra = self.param.get_missing_message(ctx=self.ctx) if self.param is not None else ""
        if extra:
            message = f"{message}. {extra}" if message else str(extra)
        missing = _missing(param_type, hint)
        return f"{missing} {message}" if message else missing

    def no_such_option_message(self: Any) -> str:
        message = say(self.message)
        if not self.possibilities:
            return message
        listed = ", ".join(sorted(self.possibilities))
        return message + " " + _("(Possible options: {options})").format(options=listed)

    click_error.format_message = error_message  # type: ignore[method-assign]
    click_error.show = show_error  # type: ignore[method-assign]
    usage_error.show = show_usage_error  # type: ignore[method-assign]
    bad_parameter.format_message = bad_parameter_message  # type: ignore[method-assign]
    missing_parameter.format_message = missing_parameter_message  # type: ignore[method-assign]
    no_such_option.format_message = no_such_option_message  # type: ignore[method-assign]
    click_error._coprod_words = True  # type: ignore[attr-defined]
