"""The person's language: which one is in use, and the words of the interface in it.

Every word a person reads goes through the message catalogue here (GNU gettext,
domain ``coprod``; the catalogues live in ``coprod_toolkit/locale``):

    from coprod_toolkit.i18n import _, ngettext, N_, gettext_noop

    print(_("Your answers are saved."))
    print(ngettext("{count} question", "{count} questions", n).format(count=n))
    TITLE = N_("Results")  # at import time: translated each time it is shown
    @app.command(help=gettext_noop("..."))  # must be a str: translated when help is shown

The language comes from ``--lang``, then ``COPROD_LANG``, then the system locale
(LC_ALL, LC_MESSAGES, LANG), and falls back to English: for a language coprod does
not have, and for any single string not translated yet. Nothing here ever fails:
a missing or damaged catalogue gives English.

This is part of the core: it imports no typer, rich or questionary.
"""

from __future__ import annotations

import gettext as _gettext
import io
import os
import re
from collections import UserString
from contextlib import contextmanager
from pathlib import Path

from coprod_toolkit.frozen import Frozen

# Only the type checker reads these: every command imports this module, and
# `coprod language` starts faster without them (inspect is imported where it is used).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from datetime import date

DOMAIN = "coprod"
ENGLISH = "en"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

# Each language's name in that language, for lists and the choice of language.
NAMES = {"en": "English", "cy": "Cymraeg"}  # i18n-ok: each in its own words
# A language asked for by its name, in English or in itself: --lang welsh, --lang Cymraeg.
_BY_NAME = {"english": "en", "saesneg": "en", "welsh": "cy", "cymraeg": "cy"}  # i18n-ok

# Where the language can come from, in the order they are tried.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def normalise(code: str | None) -> str | None:
    """The language part of a locale or language code: 'cy_GB.UTF-8' -> 'cy', 'C' -> None."""
    if not code:
        return None
    base = code.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0]
    base = base.casefold()
    if not base or base in ("c", "posix") or not base.isalpha():
        return None
    return _BY_NAME.get(base, base)


def available() -> list[str]:
    """The languages coprod speaks: English, then each one with a catalogue, by code."""
    found: set[str] = set()
    try:
        for folder in LOCALE_DIR.iterdir():
            messages = folder / "LC_MESSAGES"
            if (messages / f"{DOMAIN}.mo").is_file() or (messages / f"{DOMAIN}.po").is_file():
                found.add(folder.name)
    except OSError:
        pass
    found.discard(ENGLISH)
    return [ENGLISH, *sorted(found)]


def name_of(code: str) -> str:
    """A language's name in its own words, or its code when coprod does not know it."""
    return NAMES.get(code, code)


def listed(codes: list[str]) -> str:
    """Languages for a message, code and own name: 'en (English), cy (Cymraeg)'."""
    return ", ".join(f"{code} ({name_of(code)})" for code in codes)


def name_in_sentence(code: str) -> str:
    """A language's name inside a sentence in the language in use: 'Welsh' ('Cymraeg')."""
    if code == "cy":
        return _("Welsh")
    if code == ENGLISH:
        return _("English")
    return name_of(code)


def in_language(code: str) -> str:
    """'in Welsh', inside a sentence in the language in use ('yn Gymraeg')."""
    if code == "cy":
        return _("in Welsh")
    if code == ENGLISH:
        return _("in English")
    return _("in {language}").format(language=name_of(code))


class Choice(Frozen):
    """Which language to use, where the choice came from, and a warning if it could not be met.

    Frozen and compared by value, as a frozen dataclass would be (see frozen.py).
    """

    __match_args__ = ("language", "source", "asked", "warning")
    language: str
    source: str
    asked: str | None
    warning: str | None

    def __init__(
        self, language: str, source: str, asked: str | None = None, warning: str | None = None
    ) -> None:
        self._set(language=language, source=source, asked=asked, warning=warning)


def _from_locale(env: Mapping[str, str], known: list[str]) -> str:
    """The language the computer's own settings name, when coprod speaks it; else English."""
    for variable in LOCALE_VARIABLES:
        value = env.get(variable)
        if value:
            code = normalise(value)
            return code if code in known and code is not None else ENGLISH
    return ENGLISH


def choose(option: str | None = None, environ: Mapping[str, str] | None = None) -> Choice:
    """The language from --lang, then COPROD_LANG, then the system locale; English otherwise.

    A language asked for by name (--lang or COPROD_LANG) that coprod does not have gives
    English and a warning to show once. A system locale coprod does not have gives English
    quietly: the person did not ask coprod for it.
    """
    env = os.environ if environ is None else environ
    known = available()
    asked: list[tuple[str, str | None]] = [
        ("--lang", option),
        ("COPROD_LANG", env.get("COPROD_LANG")),
    ]
    for source, value in asked:
        if value is None or not value.strip():
            continue
        code = normalise(value)
        if code in known:
            return Choice(code, source, code)
        spoken = _from_locale(env, known)
        if spoken != ENGLISH:  # the computer's own language, rather than English
            with using(spoken):
                # Translators: {in_language} is "in Welsh" ("yn Gymraeg").
                warning = _(
                    "Warning: coprod has no translation into '{asked}' ({source}), so it "
                    "carries on {in_language}, as this computer is set to. The languages it "
                    "has: {listed}."
                ).format(
                    asked=value.strip(),
                    source=source,
                    in_language=in_language(spoken),
                    listed=listed(known),
                )
            return Choice(spoken, source, code or value.strip(), warning)
        # In English, as that is what coprod falls back to.
        warning = (
            translations(ENGLISH)
            .gettext(
                "Warning: coprod has no translation into '{asked}' ({source}), so it is in "
                "English. The languages it has: {listed}."
            )
            .format(asked=value.strip(), source=source, listed=listed(known))
        )
        return Choice(ENGLISH, source, code or value.strip(), warning)
    for variable in LOCALE_VARIABLES:
        value = env.get(variable)
        if value:
            # The first one set decides, as it does for every program (LC_ALL wins).
            code = normalise(value)
            if code in known:
                return Choice(code, variable, code)
            return Choice(ENGLISH, variable, code)
    return Choice(ENGLISH, "default")


# --------------------------------------------------------------------------- exercise translations

# `<id>.<language>.yaml`: an exercise's words in another language (see translations.py).
FILE_NAME = re.compile(r"^(?P<id>[^.]+)\.(?P<lang>[a-z]{2,3})\.ya?ml$")
_TRANSLATES = re.compile(rb"^translates[ \t]*:", re.MULTILINE)


def is_translation_file(path: Path) -> bool:
    """Whether a file is an exercise translation: named `<id>.<language>.yaml`, with a
    `translates:` line (so an older exercise that happens to be called `team.new.yaml` is
    still read as an exercise)."""
    if FILE_NAME.match(path.name) is None:
        return False
    try:
        with path.open("rb") as f:
            return _TRANSLATES.search(f.read(65536)) is not None
    except OSError:
        return False


def translation_of(path: Path, stems: set[str]) -> str | None:
    """The language a file translates an exercise into, when it is one of the exercise's
    translations (`<id>.<language>.yaml` with a `translates:` line; `stems` are the
    exercise's id and file name); None for any other file. English is a translation too,
    of an exercise written in another language."""
    m = FILE_NAME.match(path.name)
    if m is None or m["id"] not in stems:
        return None
    return m["lang"] if is_translation_file(path) else None


# --------------------------------------------------------------------------- catalogues


def _compile_po(po: Path) -> _gettext.NullTranslations | None:
    """A catalogue read straight from its .po file, when Babel is at hand (a source checkout)."""
    try:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po
    except ImportError:
        return None
    with po.open("rb") as f:
        catalog = read_po(f, locale=po.parent.parent.name, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return _gettext.GNUTranslations(buffer)


def _load(code: str) -> _gettext.NullTranslations:
    """The catalogue for one language; an empty one (so English) if it is missing or damaged."""
    if code == ENGLISH:
        return _gettext.NullTranslations()
    messages = LOCALE_DIR / code / "LC_MESSAGES"
    mo, po = messages / f"{DOMAIN}.mo", messages / f"{DOMAIN}.po"
    try:
        fresh = mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime)
        if not fresh and po.is_file():
            # The .po was edited since it was compiled, or never compiled: read it directly.
            compiled = _compile_po(po)
            if compiled is not None:
                return compiled
        if mo.is_file():
            with mo.open("rb") as f:
                return _gettext.GNUTranslations(f)
    except Exception:  # a damaged catalogue must never stop anyone: English it is
        return _gettext.NullTranslations()
    return _gettext.NullTranslations()


_cache: dict[str, _gettext.NullTranslations] = {}


def translations(code: str | None = None) -> _gettext.NullTranslations:
    """The catalogue of a language (the active one by default), loaded once.

    For text in a language other than the active one: a group member's own language,
    or a report written in the language of its record.
    """
    code = language() if code is None else code
    if code not in _cache:
        _cache[code] = _load(code)
    return _cache[code]


# --------------------------------------------------------------------------- the active language

_active: str | None = None


def language() -> str:
    """The language in use ('en', 'cy'): for records, and lang="..." in HTML."""
    global _active
    if _active is None:
        _active = choose().language
    return _active


def set_language(code: str | None) -> str:
    """Use this language from now on; None chooses again from the environment.

    Returns the language actually in use: English when there is no catalogue for it.
    """
    global _active
    wanted = normalise(code) if code is not None else choose().language
    _active = wanted if wanted in available() else ENGLISH
    return _active


@contextmanager
def using(code: str) -> Iterator[str]:
    """Use a language for a while, such as while writing a report in its record's language."""
    global _active
    before = _active
    try:
        yield set_language(code)
    finally:
        _active = before


def _(message: str) -> str:
    """The message in the active language, or in English if it is not translated yet."""
    return translations().gettext(message)


def gettext(message: str) -> str:
    return _(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for n: English has two, Welsh six (0, 1, 2, 3, 6, and the rest)."""
    return translations().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """A message that needs a context to translate: pgettext('month', 'May')."""
    return translations().pgettext(context, message)


class LazyText(UserString):
    """Text translated each time it is used, for strings defined when a module is imported.

    It behaves like a str (f-strings, str(), +, .format, comparing); `str(text)` gives the
    plain string in the language active at that moment.
    """

    def __init__(self, message: str) -> None:
        self.message = message

    @property
    def data(self) -> str:  # type: ignore[override]
        return _(self.message)

    def __repr__(self) -> str:
        return f"N_({self.message!r})"

    def __hash__(self) -> int:
        return hash(self.message)


def N_(message: str) -> LazyText:
    """Mark a string for the catalogue now and translate it each time it is used."""
    return LazyText(message)


def gettext_noop(message: str) -> str:
    """Mark a string for the catalogue and leave it as it is: for text that must be a plain
    str when defined (typer's help=...), translated where it is shown, by translate_help()."""
    return message


_normalised: dict[str, dict[str, str]] = {}


def translate_help(text: str) -> str:
    """Help text in the active language, found even when its indentation was tidied away.

    Command help is often a triple-quoted string that typer cleans up (inspect.cleandoc)
    before showing it, so it no longer matches its catalogue entry letter for letter.
    """
    import inspect

    found = _(text)
    if found != text:
        return found
    code = language()
    if code == ENGLISH:
        return text
    if code not in _normalised:
        catalogue = getattr(translations(code), "_catalog", {})
        _normalised[code] = {
            inspect.cleandoc(k): v
            for k, v in catalogue.items()
            if isinstance(k, str) and k and isinstance(v, str) and v
        }
    return _normalised[code].get(inspect.cleandoc(text), text)


# --------------------------------------------------------------------------- dates


def month_name(month: int) -> str:
    """The name of a month (1 to 12) in the active language."""
    names = (
        pgettext("month", "January"),
        pgettext("month", "February"),
        pgettext("month", "March"),
        pgettext("month", "April"),
        pgettext("month", "May"),
        pgettext("month", "June"),
        pgettext("month", "July"),
        pgettext("month", "August"),
        pgettext("month", "September"),
        pgettext("month", "October"),
        pgettext("month", "November"),
        pgettext("month", "December"),
    )
    return names[month - 1]


def format_date(day: date) -> str:
    """A date as people write it, in the active language: '3 March 2026', '3 Mawrth 2026'."""
    # Translators: the order of day, month and year in a date, such as '3 March 2026'.
    return _("{day} {month} {year}").format(day=day.day, month=month_name(day.month), year=day.year)
