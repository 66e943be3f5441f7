"""A new user's second round in exercise validate / new: each message pinned to its words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from coprod_toolkit import i18n
from coprod_toolkit.errors import FileProblems
from coprod_toolkit.loader import load_exercise
from tests.conftest import write


def problems(path: Path) -> list[str]:
    with pytest.raises(FileProblems) as caught:
        load_exercise(path)
    return [str(p) for p in caught.value.problems]


@pytest.fixture(autouse=True)
def english_after(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """--lang sets the language for the whole process: each test starts and ends in English."""
    monkeypatch.setenv("COPROD_LANG", "en")
    i18n._active = None
    yield
    i18n._active = None


def empty(name: str) -> str:
    return (
        f"this is empty, so people would see no words here. "
        f"Fix: write the words they should see after '{name}:'."
    )


@pytest.mark.parametrize("blank", ['""', '"   "'])
def test_a_question_with_no_words_is_an_error(tmp_path: Path, blank: str) -> None:
    path = write(
        tmp_path,
        "x.yaml",
        "id: x\ntitle: X\nsummary: S.\nsections:\n  - id: a\n    title: A\n    questions:\n"
        f"      - id: q1\n        type: yes_no\n        text: {blank}\n"
        "      - id: q2\n        type: yes_no\n        text: Is it?\n",
    )
    assert problems(path) == [f"{path}:10:15: section 1, question 1, text: {empty('text')}"]


def test_every_empty_wording_is_an_error_at_its_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "x.yaml",
        """
        id: x
        title: "  "
        summary: ""
        subjects:
          me: Me
          service: Service
        sections:
          - id: a
            title: ""
            questions:
              - id: q2
                type: yes_no
                text: {me: "", service: "Does it?"}
              - id: q3
                type: choice
                text: Pick
                options:
                  - {value: a, label: "", points: 0}
                  - {value: b, label: B, points: 1}
        """,
    )
    assert problems(path) == [
        f"{path}:2:8: title: {empty('title')}",
        f"{path}:3:10: summary: {empty('summary')}",
        f"{path}:9:12: section 1, title: {empty('title')}",
        f"{path}:13:20: section 1, question 1, text.me: {empty('me')}",
        f"{path}:18:31: section 1, question 2, option 1, label: {empty('label')}",
    ]


def test_an_empty_step_is_an_error(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "g.yaml",
        "id: g\ntitle: G\nsummary: S.\nkind: guided\nsteps:\n"
        '  - id: a\n    title: ""\n    prompt: " "\n',
    )
    assert problems(path) == [
        f"{path}:7:12: step 1, title: {empty('title')}",
        f"{path}:8:13: step 1, prompt: {empty('prompt')}",
    ]


def test_no_shipped_exercise_or_translation_has_an_empty_wording() -> None:
    from typer.testing import CliRunner

    from coprod_toolkit.cli.app import app
    from tests.conftest import ROOT

    result = CliRunner().invoke(app, ["exercise", "validate", str(ROOT / "exercises")])
    assert result.exit_code == 0, result.output
    assert "no errors" in result.output


REFLECTION = (
    "this looks like a reflection that coprod saved (see 'coprod history'), not an exercise, "
    "so it was not checked as one. Fix: nothing, if that is what it is; check the folder your "
    "exercises are in instead."
)
DRAFT = (
    "this looks like an unfinished run that coprod saved (to carry on with it, use 'coprod "
    "resume'), not an exercise, so it was not checked as one. Fix: nothing, if that is what "
    "it is; check the folder your exercises are in instead."
)
GROUP = (
    "this looks like a group's record that coprod saved (see 'coprod history'), not an "
    "exercise, so it was not checked as one. Fix: nothing, if that is what it is; check the "
    "folder your exercises are in instead."
)


def test_saved_reflections_and_drafts_are_one_warning_each(tmp_path: Path) -> None:
    """A folder coprod wrote is named for what it is, not read as dozens of exercise errors."""
    from typer.testing import CliRunner

    from coprod_toolkit.cli.app import app
    from coprod_toolkit.session import AssessSession, new_draft
    from coprod_toolkit.storage import Store
    from tests.conftest import ROOT

    loaded = load_exercise(ROOT / "exercises" / "six-principles.yaml")
    store = Store(tmp_path / "home")
    draft = new_draft(loaded, "2026-11-23-1545-six-principles", "me", "Sam")
    draft.answers = {"assets-strengths": 4}
    store.save_draft(draft)
    store.save_reflection(AssessSession(loaded, draft).reflection("my own practice"), "report\n")
    runner = CliRunner()
    for folder, message in [("reflections", REFLECTION), ("drafts", DRAFT)]:
        shown = tmp_path / "home" / folder / "2026-11-23-1545-six-principles.yaml"
        result = runner.invoke(app, ["exercise", "validate", str(shown.parent)])
        assert result.exit_code == 0, result.output
        flat = " ".join(result.output.split())
        assert f"{shown}:4:1: {message}" in flat
        assert "Checked 1 file: no errors, 1 warning." in flat


@pytest.mark.parametrize(("name", "message"), [("record.yaml", GROUP), ("draft.yaml", DRAFT)])
def test_a_groups_record_and_draft_are_one_warning_each(name: str, message: str) -> None:
    from coprod_toolkit.loader import check_file
    from tests.conftest import ROOT

    path = ROOT / "tests" / "fixtures" / "group-old" / name
    loaded, found = check_file(path)
    assert loaded is None
    assert [str(p) for p in found] == [f"{path}:4:1: {message}"]
    assert found[0].severity == "warning"


def test_the_new_messages_in_welsh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from coprod_toolkit.loader import check_file
    from tests.conftest import ROOT

    monkeypatch.setenv("COPROD_LANG", "cy")
    i18n._active = None
    record = ROOT / "tests" / "fixtures" / "group-old" / "record.yaml"
    assert [p.message for p in check_file(record)[1]] == [
        "mae hon yn edrych fel cofnod grŵp a gadwodd coprod (gweler 'coprod history'), nid "
        "ymarfer, felly chafodd hi mo'i gwirio fel un. I'w drwsio: dim byd, os mai dyna yw hi; "
        "gwiriwch y ffolder lle mae eich ymarferion yn lle hynny."
    ]
    path = write(
        tmp_path,
        "g.yaml",
        "id: g\ntitle: G\nsummary: S.\nkind: guided\nsteps:\n"
        "  - id: a\n    title: A\n    prompt: ''\n",
    )
    assert [p.message for p in check_file(path)[1]] == [
        "mae hwn yn wag, felly fyddai pobl ddim yn gweld unrhyw eiriau yma. I'w drwsio: "
        "ysgrifennwch y geiriau y dylen nhw eu gweld ar ôl 'prompt:'."
    ]


def check_note(file: str) -> str:
    return (
        "# coprod ignores them. Check your work any time with:\n"
        f"#   coprod exercise validate {file}\n"
    )


@pytest.mark.parametrize("kind", ["assessment", "checklist"])
@pytest.mark.parametrize(
    ("to", "written"),
    [
        ([], "exercises/our-values.yaml"),
        (["--to", "base.yaml"], "base.yaml"),
        (["--to", "sub/base.yaml"], "sub/base.yaml"),
    ],
)
def test_exercise_new_names_the_file_it_wrote_in_its_own_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, to: list[str], written: str
) -> None:
    """The note said 'validate our-values.yaml' (from the title) whatever --to named."""
    from typer.testing import CliRunner

    from coprod_toolkit.cli.app import app

    monkeypatch.chdir(tmp_path)
    Path("sub").mkdir()
    args = ["exercise", "new", "--title", "Our values", "--kind", kind, "--sections", "A"]
    result = CliRunner().invoke(app, [*args, "--scale", "1-5", *to])
    assert result.exit_code == 0, result.output
    shown = str(Path(written))  # as the system writes a path: '\\' on Windows
    assert check_note(shown) in Path(written).read_text(encoding="utf-8")
    assert f"coprod exercise validate {shown}" in result.output


MANY = """\
id: x
title: X
summary: S.
scales:
  agree: {min: 1, max: 5, labels: {1: No, 5: Yes}}
sections:
  - id: a
    title: A
    questions:
      - id: q1
        type: TYPE
        text: One
      - id: q1
        type: scale
        scale: agre
        text: Two
  - id: a
    title: B
    questions:
      - id: q3
        type: scale
        scale: agree
        text: Three
"""


def test_a_wrong_type_does_not_hide_repeated_ids_or_a_misspelt_scale(tmp_path: Path) -> None:
    """STYLE: every error in a file at once, though the model cannot be built."""
    broken = write(tmp_path, "broken.yaml", MANY.replace("TYPE", "txt"))
    assert problems(broken) == [
        f"{broken}:11:15: section 1, question 1: 'txt' is not a question type. Did you mean "
        "'text'? Fix: use one of scale, yes_no, choice, multi, text.",
        f"{broken}:13:13: section 1, question 2, id: the question id 'q1' is already used on "
        "line 10. Fix: give each question its own id.",
        f"{broken}:15:16: section 1, question 2, scale: there is no scale called 'agre' under "
        "'scales' (known: agree). Fix: add it there, or write the scale here.",
        f"{broken}:17:9: section 2, id: the section id 'a' is used twice. Fix: give each "
        "section its own id.",
    ]
    # Once the type is right, the same three are found by the checks on the model: no more.
    fixed = write(tmp_path, "fixed.yaml", MANY.replace("TYPE", "text"))
    assert [p.split(":", 3)[3] for p in problems(fixed)] == [
        p.split(":", 3)[3] for p in problems(broken)[1:]
    ]


def test_an_id_or_scale_the_model_refuses_is_reported_once(tmp_path: Path) -> None:
    """An id or a scale's name that is not a valid id is the model's to report, alone."""
    path = write(
        tmp_path,
        "x.yaml",
        MANY.replace("TYPE", "text").replace("id: q1", "id: Q1").replace("agre", "Agre!"),
    )
    found = problems(path)
    assert not any("already used" in p or "no scale called" in p for p in found), found
    assert any("section id 'a' is used twice" in p for p in found), found


def test_empty_names_of_subjects_frameworks_bands_and_verdicts_are_errors(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "x.yaml",
        """
        id: x
        title: X
        summary: S.
        subjects:
          me: ""
        frameworks:
          f:
            title: ""
            principles:
              - {id: p, title: " "}
        scoring:
          bands:
            - {min: 0, max: 49, label: ""}
            - {min: 50, max: 100, label: Good}
        sections:
          - id: a
            title: A
            bands:
              - {min: 0, max: 100, label: ""}
            questions:
              - id: q1
                type: scale
                scale: {min: 1, max: 5, labels: {1: No, 5: Yes}}
                text: One
                principles: {f: p}
        """,
    )
    assert problems(path) == [
        f"{path}:5:7: subjects.me: {empty('me')}",
        f"{path}:8:12: frameworks.f.title: {empty('title')}",
        f"{path}:10:24: frameworks.f, principle 1, title: {empty('title')}",
        f"{path}:13:32: scoring, band 1, label: {empty('label')}",
        f"{path}:19:35: section 1, band 1, label: {empty('label')}",
    ]
    checklist = write(
        tmp_path,
        "c.yaml",
        """
        id: x
        title: X
        summary: S.
        kind: checklist
        find_out_first: {label: ""}
        verdicts:
          - {min: 0, max: 0, label: ""}
          - {min: 1, max: 1, label: No}
        sections:
          - id: a
            title: A
            questions:
              - {id: q1, type: yes_no, counts: for, text: One}
        """,
    )
    assert problems(checklist) == [
        f"{checklist}:5:25: find_out_first.label: {empty('label')}",
        f"{checklist}:7:29: verdict 1, label: {empty('label')}",
    ]


def test_an_empty_text_in_a_translation_is_one_plain_error(tmp_path: Path) -> None:
    """It said 'at least 1 characters', then that the text should be 'key: value' lines."""
    import shutil

    from typer.testing import CliRunner

    from coprod_toolkit.cli.app import app
    from tests.conftest import ROOT

    for name in ("tokenism.yaml", "tokenism.cy.yaml"):
        shutil.copy(ROOT / "exercises" / name, tmp_path / name)
    welsh = tmp_path / "tokenism.cy.yaml"
    lines = welsh.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("    text: "))
    lines[number] = '    text: ""'
    welsh.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["exercise", "validate", str(tmp_path)])
    assert result.exit_code == 1
    flat = " ".join(result.output.split())
    assert f"{welsh}:{number + 1}:11: questions.jargon.text: {empty('text')}" in flat
    assert "Checked 2 files: 1 error in 1 file, 0 warnings." in flat


def test_an_empty_unknown_answer_says_so(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "x.yaml",
        "id: x\ntitle: X\nsummary: S.\nsections:\n  - id: a\n    title: A\n    questions:\n"
        "      - id: q1\n        type: scale\n        text: One\n"
        '        scale: {min: 1, max: 5, labels: {1: No, 5: Yes}, unknown: ""}\n',
    )
    assert problems(path) == [
        f"{path}:11:67: section 1, question 1, scale.unknown: {empty('unknown')}"
    ]


@pytest.mark.parametrize(
    ("to", "asked"),
    [
        ([], "our-values"),
        (["--to", "exercises/mine.yaml"], "our-values"),
        (["--to", "base.yaml"], "base.yaml"),
    ],
)
def test_exercise_new_says_how_to_ask_for_it_from_where_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, to: list[str], asked: str
) -> None:
    """Outside the folders coprod searches, 'coprod assess our-values' found nothing."""
    from typer.testing import CliRunner

    from coprod_toolkit.cli.app import app

    monkeypatch.chdir(tmp_path)
    Path("exercises").mkdir()
    args = ["exercise", "new", "--title", "Our values", "--kind", "assessment"]
    result = CliRunner().invoke(app, [*args, "--sections", "A", "--scale", "1-5", *to])
    assert result.exit_code == 0, result.output
    written = to[1] if to else "exercises/our-values.yaml"
    note = f"# How people ask for it: coprod assess {Path(asked) if to else asked}\n"
    assert note in Path(written).read_text(encoding="utf-8")


def test_a_repeated_step_id_is_found_beside_a_wrong_number(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "g.yaml",
        "id: g\ntitle: G\nsummary: S.\nkind: guided\nsteps:\n"
        "  - {id: a, title: A, prompt: P, minutes: lots}\n  - {id: a, title: B, prompt: Q}\n",
    )
    assert problems(path) == [
        f"{path}:6:43: step 1, minutes: this should be a whole number, but it is the text "
        "'lots'. Fix: write a whole number, like 3.",
        f"{path}:7:10: step 2, id: the step id 'a' is used twice. Fix: give each step its own id.",
    ]
