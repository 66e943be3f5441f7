"""Help for people who write exercises: a starter file and the JSON Schema."""

from __future__ import annotations

import json
import re
from typing import Any

from coprod_toolkit.models import Exercise

SCHEMA_NAME = "exercise.schema.json"
SCHEMA_ID = "https://coprod.invalid/schema/exercise.schema.json"

SIX_PRINCIPLES = [
    "Assets",
    "Capabilities",
    "Reciprocity and mutuality",
    "Peer support networks",
    "Blurring roles",
    "Facilitating rather than delivering",
]


def exercise_schema() -> dict[str, Any]:
    """The JSON Schema of an exercise file, made from the models themselves."""
    schema = Exercise.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "coprod exercise"
    return schema


def schema_text() -> str:
    return json.dumps(exercise_schema(), indent=2, ensure_ascii=False) + "\n"


def slugify(text: str) -> str:
    """'Reciprocity & mutuality!' -> 'reciprocity-mutuality'."""
    slug = re.sub(r"[^a-z0-9]+", "-", re.sub(r"['’]", "", text.casefold())).strip("-")
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


def starter_exercise(
    title: str, sections: list[str], scale_min: int = 1, scale_max: int = 5
) -> str:
    """A commented assessment that validates as it stands, for a trainer to fill in."""
    ex_id = slugify(title)
    labels = {
        scale_min: "Not at all",
        scale_max: "Completely",
    }
    if scale_max - scale_min == 4:
        labels = dict(
            zip(
                range(scale_min, scale_max + 1),
                ["Not at all", "A little", "Partly", "Mostly", "Completely"],
                strict=True,
            )
        )
    lines = [
        f"# yaml-language-server: $schema={SCHEMA_NAME}",
        f"# {title}: a coprod exercise. Lines starting with # are notes for you;",
        "# coprod ignores them. Check your work any time with:",
        f"#   coprod exercise validate {ex_id}.yaml",
        "# Every field is explained in docs/authoring.md, in coprod's source folder.",
        "",
        f"# How people ask for it: coprod assess {ex_id}",
        f"id: {ex_id}",
        "# Raise the version whenever you change the questions.",
        "version: 1",
        f"title: {_q(title)}",
        "summary: >-",
        "  One or two sentences that say what this exercise is for and who it helps.",
        "audience: Anyone who works alongside people who draw on care and support.",
        "# Roughly how long it takes, in minutes.",
        "minutes: 15",
        "",
        "# What people can reflect on, chosen with --about. A question can have a",
        "# wording for each, or one text for all.",
        "subjects:",
        "  me: my own practice",
        "",
        "# A scale that questions share. Give every point a label, or at least the ends.",
        "scales:",
        "  agree:",
        f"    min: {scale_min}",
        f"    max: {scale_max}",
        "    labels:",
    ]
    lines += [f"      {point}: {_q(label)}" for point, label in labels.items()]
    lines += [
        "",
        "# Bands turn a score out of 100 into words. They must cover 0 to 100 with",
        "# no gaps and no overlaps, lowest first.",
        "scoring:",
        "  bands_on: percent",
        "  bands:",
        "    - min: 0",
        "      max: 49",
        "      label: Starting out",
        "      message: What this means, and one thing to try next.",
        "    - min: 50",
        "      max: 100",
        "      label: Well on the way",
        "      message: What this means, and one thing to try next.",
        "",
        "sections:",
    ]
    for sid, name in section_ids(sections):
        lines += [
            f"  - id: {sid}",
            f"    title: {_q(name)}",
            f"    principle: {sid}",
            "    description: What this section is about, in a sentence or two.",
            "    questions:",
            f"      - id: {sid}-1",
            "        type: scale",
            "        scale: agree",
            f"        text: {_q(f'A statement about {name.lower()} that people rate.')}",
            "        help: Optional. Shown when someone asks for help with this question.",
            f"      - id: {sid}-example",
            "        type: text",
            "        optional: true",
            f"        text: {_q(f'An example of {name.lower()} from the last month?')}",
        ]
    return "\n".join(lines) + "\n"


def starter_checklist(title: str, sections: list[str]) -> str:
    """A commented checklist that validates as it stands: statements, counts and verdicts."""
    ex_id = slugify(title)
    lines = [
        f"# yaml-language-server: $schema={SCHEMA_NAME}",
        f"# {title}: a coprod checklist. Lines starting with # are notes for you;",
        "# coprod ignores them. Check your work any time with:",
        f"#   coprod exercise validate {ex_id}.yaml",
        "# Every field is explained in docs/authoring.md, in coprod's source folder.",
        "",
        f"# How people ask for it: coprod readiness {ex_id}",
        f"id: {ex_id}",
        "version: 1",
        "kind: checklist",
        f"title: {_q(title)}",
        "summary: >-",
        "  One or two sentences that say what this checklist is for and who it helps.",
        "minutes: 10",
        "",
        "# Each statement is answered yes, no or not sure. A concern is a 'counts: for'",
        "# statement answered no, or a 'counts: against' statement answered yes.",
        "# Verdicts say what each number of concerns means: lowest first, from 0 up to",
        "# the number of statements, with no gaps and no overlaps.",
        "# A statement with 'blocks: true' gives the last verdict on its own, whatever",
        "# the count, and 'not sure' to it gives 'Find out first': use it for 'do not",
        "# go ahead if ...' statements.",
        "verdicts:",
    ]
    count = 2 * len(sections)
    middle = max(1, count // 2)
    lines += [
        "  - min: 0",
        "    max: 0",
        "    label: Ready",
        "    message: What this means, and what to do next.",
        "  - min: 1",
        f"    max: {middle}",
        "    label: Ready, with care",
        "    message: What this means, and what to do next.",
        f"  - min: {middle + 1}",
        f"    max: {count}",
        "    label: Not yet",
        "    message: What this means, and what to settle first.",
        "",
        "sections:",
    ]
    for sid, name in section_ids(sections):
        lines += [
            f"  - id: {sid}",
            f"    title: {_q(name)}",
            "    questions:",
            f"      - id: {sid}-good-sign",
            "        type: yes_no",
            "        counts: for",
            f"        text: {_q(f'A good sign about {name.lower()}: is it true here?')}",
            "        talk_about: A question to talk through when the answer is no.",
            "        could_change: What could change it.",
            f"      - id: {sid}-warning-sign",
            "        type: yes_no",
            "        counts: against",
            f"        text: {_q(f'A warning sign about {name.lower()}: is it true here?')}",
            "        # blocks: true    (remove the # if this sign alone means 'Not yet')",
            "        talk_about: A question to talk through when the answer is yes.",
            "        could_change: What could change it.",
        ]
    return "\n".join(lines) + "\n"
