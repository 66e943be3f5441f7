"""The README's promises, the shipped content, and the wheel's contents."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

import coprod_toolkit
from coprod_toolkit.catalog import builtin_dir
from coprod_toolkit.cli import app
from coprod_toolkit.loader import load_exercise
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```console\n(.*?)```", README, flags=re.S)
COMMANDS = [
    line.strip() for block in BLOCKS for line in block.splitlines() if line.startswith("coprod")
]
ASKS_QUESTIONS = (
    "coprod assess",
    "coprod readiness",
    "coprod resume",
    "coprod exercise try",
    "coprod group",
)


def test_readme_starts_with_the_two_set_up_commands() -> None:
    install, tests = BLOCKS[0].strip(), BLOCKS[1].strip()
    assert install.endswith("pip install . && coprod assess")
    assert tests.endswith('pip install ".[test]" && pytest')
    ci = (ROOT / ".ci" / "run").read_text()
    assert tests in ci, ".ci/run must run exactly the README's test command"


def test_every_command_in_the_readme_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In order, in a copy of the project folder, as a new user would."""
    import shutil

    for folder in ("exercises", "docs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    monkeypatch.chdir(tmp_path)
    # someone following the README has done an assessment before they read about history
    saved = CliRunner().invoke(
        app, ["assess", "--answers", "docs/examples/six-principles-answers.yaml"]
    )
    assert saved.exit_code == 0, saved.output
    assert len(COMMANDS) >= 10
    for command in COMMANDS:
        args = shlex.split(command)[1:]
        if command.startswith(ASKS_QUESTIONS) and "--answers" not in args:
            args.append("--help")  # the runs themselves are in test_terminal.py
        result = CliRunner().invoke(app, args)
        # the example strategy is there to be found wanting: language exits 1 on findings
        expected = 1 if args[0] == "language" and "--explain" not in args else 0
        assert result.exit_code == expected, f"{command}\n{result.output}"
        assert "Traceback" not in result.output


def test_every_shipped_exercise_validates() -> None:
    # Translations (readiness.cy.yaml) are checked in tests/test_translations.py.
    from coprod_toolkit.i18n import is_translation_file

    files = sorted(p for p in builtin_dir().glob("*.yaml") if not is_translation_file(p))
    assert files, f"no exercises found in {builtin_dir()}"
    for path in files:
        load_exercise(path)


def test_the_installed_package_carries_its_exercises() -> None:
    package = Path(coprod_toolkit.__file__).resolve().parent
    if package.is_relative_to(ROOT / "src"):
        pytest.skip("running from the source tree (editable install): the wheel is not in use")
    assert (package / "exercises" / "six-principles.yaml").is_file()
    assert builtin_dir() == package / "exercises"


AUTHORING = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")


def _examples() -> list[tuple[str, str, str]]:
    """(kind, yaml, expected text) for every YAML example in the authoring guide."""
    found = []
    pattern = r"```yaml( mistake)?\n(.*?)```(?:\s*```text\n(.*?)```)?"
    for mistake, body, expected in re.findall(pattern, AUTHORING, flags=re.S):
        found.append(("mistake" if mistake else "valid", body, expected))
    return found


def test_the_authoring_guide_has_examples_of_both_kinds() -> None:
    kinds = [kind for kind, _, _ in _examples()]
    assert kinds.count("valid") >= 3 and kinds.count("mistake") >= 4


@pytest.mark.parametrize(("kind", "body", "expected"), _examples())
def test_every_yaml_example_in_the_authoring_guide(
    tmp_path: Path, kind: str, body: str, expected: str
) -> None:
    from coprod_toolkit.loader import check_file

    path = tmp_path / "example.yaml"
    path.write_text(body, encoding="utf-8")
    loaded, problems = check_file(path)
    shown = "".join(str(p).replace(str(path), "FILE") + "\n" for p in problems)
    if kind == "valid":
        assert loaded is not None and problems == [], shown
    else:
        assert shown == expected


def test_the_worked_example_adds_up() -> None:
    from coprod_toolkit.loader import load_exercise
    from coprod_toolkit.scoring import score

    body = next(b for _, b, _ in _examples() if "id: worked-example" in b)
    path = Path("worked.yaml")
    path.write_text(body, encoding="utf-8")
    result = score(load_exercise(path).exercise, {"asked": 4, "decided": 2})
    assert (result.overall.raw, result.overall.min, result.overall.max) == (12, 3, 15)
    assert result.overall.percent == 75
    assert result.overall.band == "Well on the way"


def test_coprods_own_words_pass_coprod_language() -> None:
    """We practise what the language check preaches, in every page and exercise we ship."""
    files = [
        *sorted((ROOT / "exercises").rglob("*.yaml")),
        *sorted((ROOT / "exercises" / "guides").glob("*.md")),
        ROOT / "README.md",
        ROOT / "docs" / "authoring.md",
    ]
    result = CliRunner().invoke(app, ["language", *map(str, files)])
    assert result.exit_code == 0, result.output
