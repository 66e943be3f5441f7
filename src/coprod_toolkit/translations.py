"""Exercises in other languages: a translation file beside the original, applied field by field.

`six-principles.cy.yaml` beside `six-principles.yaml` holds the Welsh words of the exercise,
found by the ids of the original (questions, sections, options, subjects, scale points,
band and verdict ranges). Applying it changes words only: ids, scales, points and rules stay
the original's, so scores in Welsh and in English can be compared. Any text the translation
leaves out stays in English; `validate` lists what is missing, what is extra, and whether the
translation follows the exercise's current version.

Part of the core: no typer, rich or questionary.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, ValidationError, WithJsonSchema

from coprod_toolkit.base import Slug, Strict
from coprod_toolkit.errors import FileProblems, Problem
from coprod_toolkit.i18n import (
    ENGLISH,
    FILE_NAME,
    _,
    in_language,
    language,
    ngettext,
    normalise,
)
from coprod_toolkit.loader import LoadedExercise, load_exercise
from coprod_toolkit.loader import language_of as language_of  # where they were first
from coprod_toolkit.loader import languages as languages
from coprod_toolkit.loader import translation_files as translation_files
from coprod_toolkit.models import Band, Exercise, Reading, Scale, ScaleQuestion
from coprod_toolkit.yamlfile import Marks, Path_, read_yaml, validation_problems, where

SCHEMA_NAME = "translation.schema.json"
SCHEMA_ID = "https://coprod.invalid/schema/translation.schema.json"


Text = Annotated[str, Field(min_length=1)]


def _number_to_text(value: Any) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value


class ScaleWords(Strict):
    """The words of a scale: its point labels and its 'does not apply' answer."""

    labels: dict[int, Text] = Field(default_factory=dict, description="Point: its label.")
    unknown: Text | None = Field(None, description="The words of the scale's 'unknown' answer.")


class Words(Strict):
    """The words of a band or a verdict."""

    label: Text | None = None
    message: Text | None = None


class QuestionWords(Strict):
    text: Text | dict[Slug, Text] | None = Field(
        None, description="The question: one text, or one per subject, as in the original."
    )
    help: Text | None = None
    evidence: Text | None = None
    talk_about: Text | None = None
    could_change: Text | None = None
    options: dict[Slug, Text] = Field(
        default_factory=dict, description="Each option's label, by the option's value."
    )
    scale: ScaleWords | None = Field(None, description="For a scale written inside the question.")


class SectionWords(Strict):
    title: Text | None = None
    description: Text | None = None
    bands: dict[str, Words] = Field(
        default_factory=dict, description="The section's own bands, by range: '0-39'."
    )


class StepWords(Strict):
    title: Text | None = None
    prompt: Text | None = None
    help: Text | None = None
    round: Text | None = None


class PrincipleWords(Strict):
    title: Text | None = None
    description: Text | None = None


class FrameworkWords(Strict):
    title: Text | None = None
    principles: dict[Slug, PrincipleWords] = Field(default_factory=dict)


class ScoringWords(Strict):
    bands: dict[str, Words] = Field(
        default_factory=dict, description="Overall bands, by range: '0-39'."
    )
    section_bands: dict[str, Words] = Field(
        default_factory=dict, description="Bands shared by every section, by range."
    )


class Translation(Strict):
    """The words of an exercise in another language, by the ids of the original."""

    translates: Slug = Field(description="The id of the exercise this translates.")
    version: Annotated[
        str,
        BeforeValidator(_number_to_text),
        WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "number"}]}),
    ] = Field(description="The version of the exercise this translation follows.")
    language: str = Field(
        pattern=r"^[a-z]{2,3}$", description="The language code, such as 'cy' for Welsh."
    )
    reviewed: bool = Field(
        False,
        description="Whether a first-language speaker has checked this translation. "
        "Leave false until one has.",
    )
    note: str = Field("", description="Anything a reviewer or the next translator should know.")
    title: Text | None = None
    summary: Text | None = None
    audience: Text | None = None
    framework: Text | None = None
    actions_prompt: Text | None = None
    subjects: dict[Slug, Text] = Field(
        default_factory=dict, description="What a person reflects on, by subject id."
    )
    scales: dict[Slug, ScaleWords] = Field(
        default_factory=dict, description="The named scales under the exercise's `scales`."
    )
    scoring: ScoringWords = Field(default_factory=ScoringWords)
    verdicts: dict[str, Words] = Field(
        default_factory=dict, description="Checklist verdicts, by range of concerns: '0-0'."
    )
    find_out_first: Words | None = None
    frameworks: dict[Slug, FrameworkWords] = Field(default_factory=dict)
    sections: dict[Slug, SectionWords] = Field(default_factory=dict)
    questions: dict[Slug, QuestionWords] = Field(default_factory=dict)
    steps: dict[Slug, StepWords] = Field(default_factory=dict)


@dataclass
class Coverage:
    """What a translation leaves in English, what it holds that the exercise does not have,
    and whether it follows the exercise's current version."""

    missing: list[Path_] = field(default_factory=list)
    extra: list[Path_] = field(default_factory=list)
    version: str | None = None  # the exercise's version, when the translation follows another


class _Apply:
    def __init__(self) -> None:
        self.coverage = Coverage()

    def text(self, at: Path_, english: str | None, given: str | None) -> Any:
        if not english:
            if given:
                self.coverage.extra.append(at)
            return english
        if not given:
            self.coverage.missing.append(at)
            return english
        return given

    def unknown_keys(self, at: Path_, given: dict[Any, Any], known: set[Any]) -> None:
        for key in given:
            if key not in known:
                self.coverage.extra.append((*at, key))


def band_key(band: Band) -> str:
    """How a translation names a band or verdict: by its range, '0-39'."""
    return f"{band.min}-{band.max}"


def _bands(work: _Apply, at: Path_, bands: list[Band], given: dict[str, Words]) -> None:
    work.unknown_keys(at, given, {band_key(b) for b in bands})
    for band in bands:
        words = given.get(band_key(band), Words())
        band.label = work.text((*at, band_key(band), "label"), band.label, words.label)
        band.message = work.text((*at, band_key(band), "message"), band.message, words.message)


def _scale(work: _Apply, at: Path_, scale: Scale, given: ScaleWords | None) -> None:
    given = given or ScaleWords()
    work.unknown_keys((*at, "labels"), given.labels, set(scale.labels))
    for point, label in scale.labels.items():
        scale.labels[point] = work.text((*at, "labels", point), label, given.labels.get(point))
    scale.unknown = work.text((*at, "unknown"), scale.unknown, given.unknown)


def _reading(work: _Apply, at: Path_, reading: Reading, given: Words | None) -> None:
    given = given or Words()
    reading.label = work.text((*at, "label"), reading.label, given.label)
    reading.message = work.text((*at, "message"), reading.message, given.message)


def _defaults_in(code: str, exercise: Exercise) -> dict[str, str]:
    """coprod's own words for what the exercise left out (such as 'my own practice'), in
    the translation's language: nothing for a translator to write. Empty when coprod does
    not speak that language."""
    from coprod_toolkit.i18n import using
    from coprod_toolkit.models import ACTIONS_PROMPT, MY_OWN_PRACTICE, SIX_PRINCIPLES

    left_out = {"framework", "subjects", "actions_prompt"} - exercise.model_fields_set
    with using(code) as active:
        if active != code:
            return {}
        words = {
            "framework": _(SIX_PRINCIPLES),
            "subjects": _(MY_OWN_PRACTICE),
            "actions_prompt": _(ACTIONS_PROMPT),
        }
    return {name: text for name, text in words.items() if name in left_out}


def apply(exercise: Exercise, tr: Translation) -> tuple[Exercise, Coverage]:
    """The exercise with the translation's words, field by field, and what it did not cover.

    The original is left as it was; ids, scales, points and rules are never changed.
    """
    ex = exercise.model_copy(deep=True)
    work = _Apply()
    cov = work.coverage
    if tr.version != ex.version:
        cov.version = ex.version
    ex.title = work.text(("title",), ex.title, tr.title)
    ex.summary = work.text(("summary",), ex.summary, tr.summary)
    ex.audience = work.text(("audience",), ex.audience, tr.audience)
    unwritten = _defaults_in(tr.language, exercise)
    ex.framework = work.text(
        ("framework",), ex.framework, tr.framework or unwritten.get("framework")
    )
    if ex.kind == "guided":
        ex.actions_prompt = work.text(
            ("actions_prompt",),
            ex.actions_prompt,
            tr.actions_prompt or unwritten.get("actions_prompt"),
        )
    elif tr.actions_prompt:
        cov.extra.append(("actions_prompt",))
    work.unknown_keys(("subjects",), tr.subjects, set(ex.subjects))
    for sid, words in ex.subjects.items():
        given = tr.subjects.get(sid) or (unwritten.get("subjects") if sid == "me" else None)
        ex.subjects[sid] = work.text(("subjects", sid), words, given)
    work.unknown_keys(("scales",), tr.scales, set(ex.scales))
    for name, scale in ex.scales.items():
        _scale(work, ("scales", name), scale, tr.scales.get(name))
    _bands(work, ("scoring", "bands"), ex.scoring.bands, tr.scoring.bands)
    _bands(work, ("scoring", "section_bands"), ex.scoring.section_bands, tr.scoring.section_bands)
    _bands(work, ("verdicts",), ex.verdicts, tr.verdicts)
    if ex.find_out_first is not None:
        _reading(work, ("find_out_first",), ex.find_out_first, tr.find_out_first)
    elif tr.find_out_first is not None:
        cov.extra.append(("find_out_first",))
    work.unknown_keys(("frameworks",), tr.frameworks, set(ex.frameworks))
    for fid, framework in ex.frameworks.items():
        fw = tr.frameworks.get(fid, FrameworkWords())
        framework.title = work.text(("frameworks", fid, "title"), framework.title, fw.title)
        work.unknown_keys(
            ("frameworks", fid, "principles"), fw.principles, {p.id for p in framework.principles}
        )
        for principle in framework.principles:
            pw = fw.principles.get(principle.id, PrincipleWords())
            p_at: Path_ = ("frameworks", fid, "principles", principle.id)
            principle.title = work.text((*p_at, "title"), principle.title, pw.title)
            principle.description = work.text(
                (*p_at, "description"), principle.description, pw.description
            )
    work.unknown_keys(("sections",), tr.sections, {s.id for s in ex.sections})
    question_ids: set[str] = set()
    for section in ex.sections:
        sw = tr.sections.get(section.id, SectionWords())
        s_at: Path_ = ("sections", section.id)
        section.title = work.text((*s_at, "title"), section.title, sw.title)
        section.description = work.text((*s_at, "description"), section.description, sw.description)
        if section.bands is not None:
            _bands(work, (*s_at, "bands"), section.bands, sw.bands)
        else:
            work.unknown_keys((*s_at, "bands"), sw.bands, set())
        for q in section.questions:
            question_ids.add(q.id)
            _question(work, ex, q, tr.questions.get(q.id, QuestionWords()))
    work.unknown_keys(("questions",), tr.questions, question_ids)
    work.unknown_keys(("steps",), tr.steps, {s.id for s in ex.steps})
    for step in ex.steps:
        stw = tr.steps.get(step.id, StepWords())
        st_at: Path_ = ("steps", step.id)
        step.title = work.text((*st_at, "title"), step.title, stw.title)
        step.prompt = work.text((*st_at, "prompt"), step.prompt, stw.prompt)
        step.help = work.text((*st_at, "help"), step.help, stw.help)
        step.round = work.text((*st_at, "round"), step.round, stw.round)
    return ex, cov


def _question(work: _Apply, ex: Exercise, q: Any, qw: QuestionWords) -> None:
    at: Path_ = ("questions", q.id)
    if isinstance(q.text, str):
        if isinstance(qw.text, dict):
            work.coverage.extra.append((*at, "text"))
        one = qw.text if isinstance(qw.text, str) else None
        q.text = work.text((*at, "text"), q.text, one)
    else:
        given = qw.text if isinstance(qw.text, dict) else {}
        work.unknown_keys((*at, "text"), given, set(q.text))
        for subject, words in q.text.items():
            # One text given for every subject stands for each of them.
            one = qw.text if isinstance(qw.text, str) else given.get(subject)
            q.text[subject] = work.text((*at, "text", subject), words, one)
    q.help = work.text((*at, "help"), q.help, qw.help)
    q.evidence = work.text((*at, "evidence"), q.evidence, qw.evidence)
    for name in ("talk_about", "could_change"):
        if hasattr(q, name):
            setattr(q, name, work.text((*at, name), getattr(q, name), getattr(qw, name)))
        elif getattr(qw, name):
            work.coverage.extra.append((*at, name))
    options = getattr(q, "options", None) or []
    work.unknown_keys((*at, "options"), qw.options, {o.value for o in options})
    for option in options:
        option.label = work.text(
            (*at, "options", option.value), option.label, qw.options.get(option.value)
        )
    if isinstance(q, ScaleQuestion) and isinstance(q.scale, Scale):
        _scale(work, (*at, "scale"), q.scale, qw.scale)
    elif qw.scale is not None:
        work.coverage.extra.append((*at, "scale"))


# --------------------------------------------------------------------------- files


def read_translation(path: Path) -> tuple[Translation, Marks]:
    """Read and check one translation file's format. Raises FileProblems."""
    data, marks, _raw = read_yaml(path, "translation")
    try:
        return Translation.model_validate(data), marks
    except ValidationError as e:
        raise FileProblems(
            str(path), validation_problems(str(path), data, marks, e, Translation), "translation"
        ) from None


@dataclass(frozen=True)
class TranslatedExercise(LoadedExercise):
    """An exercise shown in another language. `hash` stays the original's."""

    language: str
    translation: Path


def localise(loaded: LoadedExercise, code: str | None = None) -> LoadedExercise:
    """The exercise in a language (the active one by default), when a translation is beside it.

    An exercise already in another language is put into this one from its original.
    Never fails: with no translation, or one that cannot be read, the exercise stays in
    English (`coprod exercise validate` says what is wrong with the file).
    """
    code = normalise(code) if code is not None else language()
    if not code or code == language_of(loaded):
        return loaded
    if isinstance(loaded, TranslatedExercise):
        from coprod_toolkit.catalog import load

        loaded = load(loaded.path)  # the exercise as written
    if code == loaded.exercise.language:
        return loaded
    path = translation_files(loaded).get(code)
    if path is None:
        return loaded
    try:
        tr, _marks = read_translation(path)
    except FileProblems:
        return loaded
    if tr.translates != loaded.exercise.id or tr.language != code:
        return loaded
    exercise, _coverage = apply(loaded.exercise, tr)
    return TranslatedExercise(exercise, loaded.path, loaded.hash, code, path)


def translate_titles(found: Iterable[Any], code: str) -> None:
    """Put the titles of a list of exercises (catalog.Found) into a language, where a
    translation beside the exercise gives one; the rest keep their English titles."""
    for entry in found:
        for stem in dict.fromkeys((entry.id, entry.path.stem)):
            path = entry.path.parent / f"{stem}.{code}{entry.path.suffix}"
            if not path.is_file():
                continue
            try:
                tr, _marks = read_translation(path)
            except FileProblems:
                continue
            if tr.translates == entry.id and tr.language == code and tr.title:
                entry.title = tr.title
            break


def _original_of(path: Path, tr: Translation) -> LoadedExercise | None:
    for suffix in (".yaml", ".yml"):
        beside = path.parent / f"{tr.translates}{suffix}"
        if beside.is_file():
            return load_exercise(beside)
    from coprod_toolkit.catalog import catalog, load

    found = catalog().exercises.get(tr.translates)
    return load(found.path) if found else None


def check_translation_file(path: Path) -> list[Problem]:
    """Every problem with a translation file: errors in its format, and warnings for text
    left in English, text for things the exercise does not have, and an old version."""
    shown = str(path)
    try:
        tr, marks = read_translation(path)
    except FileProblems as e:
        return e.problems
    problems: list[Problem] = []

    def add(at: Path_, message: str, severity: str = "warning", key: bool = False) -> None:
        line, column = marks.at(at, key=key)
        problems.append(Problem(shown, line, column, where(at), message, severity))  # type: ignore[arg-type]

    m = FILE_NAME.match(path.name)
    if m is None or m["id"] != tr.translates or m["lang"] != tr.language:
        add(
            ("translates",),
            _(
                "coprod finds a translation by its file name, so this file should be called "
                "'{name}'. Fix: rename the file."
            ).format(name=f"{tr.translates}.{tr.language}.yaml"),
        )
    try:
        original = _original_of(path, tr)
    except FileProblems as e:
        add(
            ("translates",),
            _(
                "the exercise '{id}' has errors, so this translation cannot be checked against "
                "it. Fix: run 'coprod exercise validate' on {file} first."
            ).format(id=tr.translates, file=e.path),
            "error",
        )
        return problems
    if original is None:
        add(
            ("translates",),
            _(
                "there is no exercise '{id}' beside this file or anywhere coprod looks. "
                "Fix: put the translation in the same folder as '{id}.yaml', or correct the id."
            ).format(id=tr.translates),
            "error",
        )
        return problems
    _exercise, cov = apply(original.exercise, tr)
    if cov.version is not None:
        add(
            ("version",),
            _(
                "this translation follows version {old} of '{id}', but the exercise is now "
                "version {new}, so some of its English may have changed. Fix: compare the two, "
                "update the translation, then set 'version: \"{new}\"'."
            ).format(old=tr.version, new=cov.version, id=tr.translates),
        )
    if cov.missing and original.exercise.language != ENGLISH:
        count = len(cov.missing)
        listed = ", ".join(where(at) for at in cov.missing)
        add(
            (),
            ngettext(
                # Translators: {in_language} is "in Welsh", "in English" ("yn Gymraeg").
                "{count} text is not translated yet, so it is shown as the exercise has it, "
                "{in_language}: {listed}. Fix: add it to this file.",
                "{count} texts are not translated yet, so they are shown as the exercise has "
                "them, {in_language}: {listed}. Fix: add them to this file.",
                count,
            ).format(
                count=count, listed=listed, in_language=in_language(original.exercise.language)
            ),
        )
    elif cov.missing:
        count = len(cov.missing)
        listed = ", ".join(where(at) for at in cov.missing)
        add(
            (),
            ngettext(
                "{count} text is not translated yet, so it is shown in English: {listed}. "
                "Fix: add it to this file.",
                "{count} texts are not translated yet, so they are shown in English: {listed}. "
                "Fix: add them to this file.",
                count,
            ).format(count=count, listed=listed),
        )
    for at in cov.extra:
        add(
            at,
            _(
                "the exercise has nothing here to translate, so this is never shown. "
                "Fix: check the id against '{id}' (it may have been renamed), or remove it."
            ).format(id=tr.translates),
            key=True,
        )
    return sorted(problems, key=lambda p: (p.line, p.column))


def translation_schema() -> dict[str, Any]:
    """The JSON Schema of a translation file, made from the model."""
    schema = Translation.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "coprod exercise translation"  # i18n-ok: the schema's own name
    return schema


def schema_text() -> str:
    import json

    return json.dumps(translation_schema(), indent=2, ensure_ascii=False) + "\n"
