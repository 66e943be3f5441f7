"""Help for people who write exercises: a starter file and the JSON Schema."""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

from coprod_toolkit.i18n import N_, _
from coprod_toolkit.models import Exercise

SCHEMA_NAME = "exercise.schema.json"
SCHEMA_ID = "https://coprod.invalid/schema/exercise.schema.json"

SIX_PRINCIPLES = [
    N_("Assets"),
    N_("Capabilities"),
    N_("Reciprocity and mutuality"),
    N_("Peer support networks"),
    N_("Blurring roles"),
    N_("Facilitating rather than delivering"),
]


def six_principles() -> list[str]:
    """The six principles' names in the language in use: the sections a new exercise has."""
    return [str(name) for name in SIX_PRINCIPLES]


def exercise_schema() -> dict[str, Any]:
    """The JSON Schema of an exercise file, made from the models themselves."""
    schema = Exercise.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "coprod exercise"  # i18n-ok: the schema's own name
    return schema


def schema_text() -> str:
    return json.dumps(exercise_schema(), indent=2, ensure_ascii=False) + "\n"


def slugify(text: str) -> str:
    """'Reciprocity & mutuality!' -> 'reciprocity-mutuality'; 'Pŵer' -> 'pwer'."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", re.sub(r"['’]", "", plain)).strip("-")
    return slug[:64].strip("-") or "exercise"


def section_ids(sections: list[str]) -> list[tuple[str, str]]:
    """(id, name) for each section name, the ids made unique: 'Trust', 'Trust' -> trust, trust-2."""
    used: set[str] = set()
    out = []
    for index, name in enumerate(sections, 1):
        sid = slugify(name)
        while sid in used:
            sid = f"{sid}-{index}"
        used.add(sid)
        out.append((sid, name))
    return out


def _q(text: str) -> str:
    """A YAML scalar that reads back as exactly this text."""
    return json.dumps(text, ensure_ascii=False)


def _v(text: str) -> str:
    """A YAML value for words: as they are when YAML reads them back unchanged, else quoted
    (a translation may hold a colon, a quote or a word YAML reads as true or false)."""
    import yaml

    if "\n" not in text and text == text.strip():
        try:
            if yaml.safe_load(text) == text:
                return text
        except yaml.YAMLError:
            pass
    return _q(text)


def _comment(text: str, indent: str = "") -> list[str]:
    """A note for the person writing the file: one '# ' line for each line of the text."""
    return [f"{indent}# {line}".rstrip() for line in text.splitlines()]


def starter_exercise(
    title: str,
    sections: list[str],
    scale_min: int = 1,
    scale_max: int = 5,
    file: str | None = None,
    ask: str | None = None,
) -> str:
    """A commented assessment that validates as it stands, for a trainer to fill in.

    The notes and the example words are in the language in use; the keys stay as they are
    (they are the file's format). `file` is where it is written, as typed, for the note
    that says how to check it (the title's name is only a guess: --to may name another);
    `ask` is how to ask for it, its id or, outside the folders coprod searches, its path.
    """
    ex_id = slugify(title)
    labels = {
        scale_min: _("Not at all"),
        scale_max: _("Completely"),
    }
    if scale_max - scale_min == 4:
        labels = dict(
            zip(
                range(scale_min, scale_max + 1),
                [_("Not at all"), _("A little"), _("Partly"), _("Mostly"), _("Completely")],
                strict=True,
            )
        )
    lines = [
        f"# yaml-language-server: $schema={SCHEMA_NAME}",  # i18n-ok: the file format
        *_comment(
            _(
                "{title}: a coprod exercise. Lines starting with # are notes for you;\n"
                "coprod ignores them. Check your work any time with:\n"
                "  coprod exercise validate {file}\n"
                "Every field is explained in docs/authoring.md, in coprod's source folder."
            ).format(title=title, file=file or f"{ex_id}.yaml")
        ),
        "",
        *_comment(_("How people ask for it: coprod assess {id}").format(id=ask or ex_id)),
        f"id: {ex_id}",
        *_comment(_("Raise the version whenever you change the questions.")),
        "version: 1",  # i18n-ok: the file format
        f"title: {_q(title)}",
        "summary: >-",  # i18n-ok: the file format
        "  " + _("One or two sentences that say what this exercise is for and who it helps."),
        "audience: " + _v(_("Anyone who works alongside people who draw on care and support.")),
        *_comment(_("Roughly how long it takes, in minutes.")),
        "minutes: 15",  # i18n-ok: the file format
        "",
        *_comment(
            _(
                "What people can reflect on, chosen with --about. A question can have a\n"
                "wording for each, or one text for all."
            )
        ),
        "subjects:",
        "  me: " + _v(_("my own practice")),
        "",
        *_comment(
            _("A scale that questions share. Give every point a label, or at least the ends.")
        ),
        "scales:",
        "  agree:",
        f"    min: {scale_min}",
        f"    max: {scale_max}",
        "    labels:",
    ]
    lines += [f"      {point}: {_q(label)}" for point, label in labels.items()]
    lines += [
        "",
        *_comment(
            _(
                "Bands turn a score out of 100 into words. They must cover 0 to 100 with\n"
                "no gaps and no overlaps, lowest first."
            )
        ),
        "scoring:",
        "  bands_on: percent",  # i18n-ok: the file format
        "  bands:",
        "    - min: 0",  # i18n-ok
        "      max: 49",  # i18n-ok
        "      label: " + _v(_("Starting out")),
        "      message: " + _v(_("What this means, and one thing to try next.")),
        "    - min: 50",  # i18n-ok
        "      max: 100",  # i18n-ok
        "      label: " + _v(_("Well on the way")),
        "      message: " + _v(_("What this means, and one thing to try next.")),
        "",
        "sections:",
    ]
    for sid, name in section_ids(sections):
        lines += [
            f"  - id: {sid}",
            f"    title: {_q(name)}",
            f"    principle: {sid}",
            "    description: " + _v(_("What this section is about, in a sentence or two.")),
            "    questions:",
            f"      - id: {sid}-1",
            "        type: scale",  # i18n-ok
            "        scale: agree",  # i18n-ok
            "        text: "
            + _q(_("A statement about {name} that people rate.").format(name=name.lower())),
            "        help: "
            + _v(_("Optional. Shown when someone asks for help with this question.")),
            f"      - id: {sid}-example",
            "        type: text",  # i18n-ok
            "        optional: true",  # i18n-ok
            "        text: "
            + _q(_("An example of {name} from the last month?").format(name=name.lower())),
        ]
    return "\n".join(lines) + "\n"


def starter_checklist(
    title: str, sections: list[str], file: str | None = None, ask: str | None = None
) -> str:
    """A commented checklist that validates as it stands: statements, counts and verdicts.

    `file` and `ask` are as for starter_exercise.
    """
    ex_id = slugify(title)
    not_yet = _("Not yet")
    lines = [
        f"# yaml-language-server: $schema={SCHEMA_NAME}",  # i18n-ok: the file format
        *_comment(
            _(
                "{title}: a coprod checklist. Lines starting with # are notes for you;\n"
                "coprod ignores them. Check your work any time with:\n"
                "  coprod exercise validate {file}\n"
                "Every field is explained in docs/authoring.md, in coprod's source folder."
            ).format(title=title, file=file or f"{ex_id}.yaml")
        ),
        "",
        *_comment(_("How people ask for it: coprod readiness {id}").format(id=ask or ex_id)),
        f"id: {ex_id}",
        "version: 1",  # i18n-ok: the file format
        "kind: checklist",  # i18n-ok: the file format
        f"title: {_q(title)}",
        "summary: >-",  # i18n-ok: the file format
        "  " + _("One or two sentences that say what this checklist is for and who it helps."),
        "minutes: 10",  # i18n-ok: the file format
        "",
        *_comment(
            # Translators: keep 'counts: for', 'counts: against' and 'blocks: true' in
            # English: they are written in the file as they are.
            _(
                "Each statement is answered yes, no or not sure. A concern is a 'counts: for'\n"
                "statement answered no, or a 'counts: against' statement answered yes.\n"
                "Verdicts say what each number of concerns means: lowest first, from 0 up to\n"
                "the number of statements, with no gaps and no overlaps.\n"
                "A statement with 'blocks: true' gives the last verdict on its own, whatever\n"
                "the count, and 'not sure' to it gives '{find_out}': use it for 'do not\n"
                "go ahead if ...' statements."
            ).format(find_out=_("Find out first"))
        ),
        "verdicts:",
    ]
    count = 2 * len(sections)
    middle = max(1, count // 2)
    lines += [
        "  - min: 0",  # i18n-ok: the file format
        "    max: 0",  # i18n-ok
        "    label: " + _v(_("Ready")),
        "    message: " + _v(_("What this means, and what to do next.")),
        "  - min: 1",  # i18n-ok
        f"    max: {middle}",
        "    label: " + _v(_("Ready, with care")),
        "    message: " + _v(_("What this means, and what to do next.")),
        f"  - min: {middle + 1}",  # i18n-ok: the file format
        f"    max: {count}",
        "    label: " + _v(not_yet),
        "    message: " + _v(_("What this means, and what to settle first.")),
        "",
        "sections:",
    ]
    for sid, name in section_ids(sections):
        lines += [
            f"  - id: {sid}",
            f"    title: {_q(name)}",
            "    questions:",
            f"      - id: {sid}-good-sign",
            "        type: yes_no",  # i18n-ok: the file format
            "        counts: for",  # i18n-ok
            "        text: "
            + _q(_("A good sign about {name}: is it true here?").format(name=name.lower())),
            "        talk_about: " + _v(_("A question to talk through when the answer is no.")),
            "        could_change: " + _v(_("What could change it.")),
            f"      - id: {sid}-warning-sign",
            "        type: yes_no",  # i18n-ok
            "        counts: against",  # i18n-ok
            "        text: "
            + _q(_("A warning sign about {name}: is it true here?").format(name=name.lower())),
            "        # blocks: true    "  # i18n-ok: the key, commented out
            + _("(remove the # if this sign alone means '{verdict}')").format(verdict=not_yet),
            "        talk_about: " + _v(_("A question to talk through when the answer is yes.")),
            "        could_change: " + _v(_("What could change it.")),
        ]
    return "\n".join(lines) + "\n"
