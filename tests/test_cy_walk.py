"""A Welsh-speaking person's first walk through coprod, in a real pseudo-terminal and
through the command line: what they saw that was English, broken or lost, and is fixed."""

from __future__ import annotations

import re
from pathlib import Path

import pexpect

from tests.test_terminal import spawn


def _start_welsh_assessment(home: Path) -> pexpect.spawn:
    child = spawn(["--lang", "cy", "assess"], home)
    child.expect("Ar beth ydych chi'n myfyrio?")
    return child


def test_the_first_menu_says_how_to_use_it_in_welsh(tmp_path: Path) -> None:
    child = _start_welsh_assessment(tmp_path)
    child.expect("Fy ymarfer fy hun")
    assert "Use arrow keys" not in child.before
    assert "Defnyddiwch y bysellau saeth" in child.before
    child.sendcontrol("c")
    child.expect(pexpect.EOF)


def test_a_long_welsh_hint_is_folded_between_words_not_cut(tmp_path: Path) -> None:
    child = _start_welsh_assessment(tmp_path)
    child.send("\r")
    child.expect("ddienw")
    child.send("\r")
    for number in range(1, 7):
        child.expect(f"Cwestiwn {number} o 50")
        child.expect("yna Enter")
        child.send("4\r")
    child.expect("Cwestiwn 7 o 50")
    child.expect("Eich ateb:")
    # the hint is too long for one line beside the prompt: it comes first, on lines of its
    # own folded between words, so the terminal does not cut "nod" into "no" and "d"
    assert "hyd at 5000 nod)" in " ".join(child.before.split())
    child.sendcontrol("c")
    child.expect(pexpect.EOF)


def test_resume_says_what_the_run_is_about_in_welsh(tmp_path: Path) -> None:
    child = _start_welsh_assessment(tmp_path)
    child.send("\r")
    child.expect("ddienw")
    child.send("Siân\r")
    child.expect("Cwestiwn 1 o 50")
    child.expect("yna Enter")
    child.send("4\r")
    child.expect("Cwestiwn 2 o 50")
    child.expect("yna Enter")  # the menu is waiting: Ctrl-C now, not while it is drawn
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child = spawn(["--lang", "cy", "resume"], tmp_path)
    child.expect("Yn parhau gyda")
    child.expect(r"\(1 ateb\)")
    said = " ".join(child.before.split())
    assert "am fy ymarfer fy hun" in said
    assert "am me" not in said
    child.sendcontrol("c")
    child.expect(pexpect.EOF)


def test_long_welsh_answers_are_said_in_full_not_cut_at_the_edge(tmp_path: Path) -> None:
    child = spawn(["--lang", "cy", "assess", "placement"], tmp_path)
    child.expect("ddienw")
    child.send("\r")
    child.expect("Cwestiwn 1 o 3")
    child.expect("Eich ateb:")
    child.expect("Egluro'r cwestiwn hwn")  # the line after the answers
    menu = " ".join(re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", child.before).split())
    # each answer whole in the menu itself, folded onto the next line under its own text,
    # with the key that picks it; never cut at the terminal's edge, nor shortened with '…'
    assert (
        "1) Rydyn ni'n dod i wybod am y broblem gan bobl (arolygon, cwynion, ymchwil), "
        "yna'n gweithio arni ein hunain." in menu
    )
    assert "5) Mae pobl yn gweithio gyda ni ar y broblem a'r ateb" in menu
    assert "…" not in menu
    child.send("2")
    child.send("\r")
    child.expect("Cwestiwn 2 o 3")
    child.expect("yna Enter")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    # the key shown picked that answer
    (draft,) = (tmp_path / "drafts").glob("*.yaml")
    assert "consultation" in draft.read_text(encoding="utf-8")


def test_who_answers_in_welsh_is_said_with_the_mutation() -> None:
    from rich.console import Console

    from coprod_toolkit import i18n
    from coprod_toolkit.cli.group import _say_languages

    console = Console(record=True, width=100)
    with i18n.using("cy"):
        _say_languages(console, ["Ana", "Ben"], {"Ana": "cy", "Ben": "en"})
    said = console.export_text()
    assert "Mae Ana yn ateb yn Gymraeg." in said
    assert "Mae Ben yn ateb yn Saesneg." in said
    console = Console(record=True, width=100)
    _say_languages(console, ["Ana", "Ben"], {"Ana": "cy", "Ben": "en"})
    assert "Ana answers in Welsh.\nBen answers in English." in console.export_text()


def test_the_history_table_says_what_a_run_was_about_in_welsh(
    tmp_path: Path, isolated: Path
) -> None:
    from tests.test_cy_assess import readiness_answers, run

    run(["--lang", "cy", "readiness", "--answers", str(readiness_answers(tmp_path))])
    child = spawn(["--lang", "cy", "history"], isolated)  # a terminal: the table
    child.expect("1 myfyrdod.")
    table = child.before
    child.expect(pexpect.EOF)
    assert "Am beth" in table
    assert "y darn hwn o waith" in " ".join(table.split())
    assert " me " not in table
    assert "(v2)" not in table and "fersiwn" in table


def _six_principles_answers(folder: Path) -> Path:
    import yaml

    from coprod_toolkit.loader import load_exercise
    from tests.conftest import ROOT, write

    ex = load_exercise(ROOT / "exercises" / "six-principles.yaml").exercise
    answers = {q.id: 4 for _, q in ex.questions() if q.type == "scale"}
    return write(folder, "six.yaml", yaml.safe_dump({"answers": answers}))


def test_welsh_progress_fits_the_terminal_with_long_titles_folded(
    tmp_path: Path, isolated: Path
) -> None:
    from tests.test_cy_assess import run

    for _time in range(2):  # one reflection shows its scores alone: two make the table
        run(["--lang", "cy", "assess", "--answers", str(_six_principles_answers(tmp_path))])
    child = spawn(["--lang", "cy", "progress"], isolated)
    child.expect(pexpect.EOF)
    lines = re.sub(r"\x1b\[[0-9;]*m", "", child.before).replace("\r", "").split("\n")
    heading = next(line for line in lines if "Dros amser" in line)
    assert heading.rstrip().endswith("Ers y tro diwethaf")  # one line, not two
    assert all(len(line) <= 100 for line in lines), max(lines, key=len)
    assert any(line.startswith("Y tu hwnt i'r chwe") for line in lines)


def test_the_usage_line_is_in_welsh_too() -> None:
    from typer.testing import CliRunner

    from coprod_toolkit.cli.app import app

    said = CliRunner().invoke(app, ["--lang", "cy", "--help"]).output
    assert "Defnydd: coprod [OPSIYNAU] GORCHYMYN [YMRESYMIADAU]..." in said
    wrong = CliRunner().invoke(app, ["--lang", "cy", "report", "--format", "pdf"])
    assert wrong.exit_code == 2
    assert "Defnydd: coprod report [OPSIYNAU] [REF]" in wrong.output
    assert "OPTIONS" not in wrong.output
    english = CliRunner().invoke(app, ["--help"]).output
    assert "Usage: coprod [OPTIONS] COMMAND [ARGS]..." in english


def test_exercise_new_folds_its_welsh_lines_between_words(tmp_path: Path, isolated: Path) -> None:
    child = spawn(
        [
            *("--lang", "cy", "exercise", "new", "--kind", "assessment"),
            *("--title", "Gwerthoedd", "--sections", "Parch, Ymddiriedaeth", "--scale", "1-5"),
        ],
        isolated,
    )
    child.expect(pexpect.EOF)
    lines = child.before.replace("\r", "").split("\n")
    assert any("Wedi ysgrifennu" in line for line in lines)
    assert all(len(line) <= 100 for line in lines), max(lines, key=len)
    assert "wrth i chi deipio" in " ".join(child.before.split())


def test_a_condition_says_its_answer_in_welsh() -> None:
    from typer.testing import CliRunner

    from coprod_toolkit.cli.app import app

    said = CliRunner().invoke(app, ["--lang", "cy", "exercise", "show", "senior-leaders"])
    assert said.exit_code == 0
    flat = " ".join(said.output.split())
    assert "pan fydd has-policy yn ie)" in flat
    assert "yn yes" not in flat


def test_exercise_list_folds_a_long_line_before_its_path(tmp_path: Path, isolated: Path) -> None:
    from tests.conftest import ROOT

    folder = tmp_path / "x"  # a path short enough for a line of its own, too long to share
    folder.mkdir(parents=True)
    text = (ROOT / "exercises" / "senior-leaders.yaml").read_text(encoding="utf-8")
    (folder / "leaders-copy.yaml").write_text(
        text.replace("id: senior-leaders", "id: leaders-copy", 1), encoding="utf-8"
    )
    child = spawn(["--lang", "cy", "exercise", "list", "--exercises", str(folder)], isolated)
    child.expect(pexpect.EOF)
    lines = child.before.replace("\r", "").split("\n")
    assert all(len(line) <= 100 for line in lines), max(lines, key=len)
    path = str(folder / "leaders-copy.yaml")
    assert len(path) < 96, path
    assert any(line.strip() == path for line in lines)


def test_the_welsh_history_table_shows_each_id_whole(tmp_path: Path, isolated: Path) -> None:
    from tests.test_cy_assess import readiness_answers, run

    six = str(_six_principles_answers(tmp_path))
    run(["--lang", "en", "assess", "--answers", six, "--name", "Siân"])
    run(["--lang", "cy", "assess", "--answers", six, "--name", "Siân"])
    run(["--lang", "cy", "readiness", "--answers", str(readiness_answers(tmp_path))])
    ids = sorted(p.stem for p in (isolated / "reflections").glob("*.yaml"))
    child = spawn(["--lang", "cy", "history"], isolated)
    child.expect("3 myfyrdod.")
    table = re.sub(r"\x1b\[[0-9;]*m", "", child.before)
    child.expect(pexpect.EOF)
    for made in ids:
        assert made in table, (made, table)
    assert "six-principles " in table and "…" not in table


def test_a_long_welsh_plain_prompt_is_folded_between_words(tmp_path: Path) -> None:
    child = spawn(["--lang", "cy", "assess", "--plain", "--no-save"], tmp_path)
    child.expect("Teipiwch rif o 1 i 5")
    child.send("1\r")
    child.expect("ddienw")
    child.send("\r")
    child.expect("Cwestiwn 1 o 50")
    child.send("u\r")
    child.expect("Cwestiwn 2 o 50")
    child.expect(r"'b' i\s+fynd\s+yn\s+ôl\):")
    prompt = child.before[child.before.rindex("Teipiwch rif") :] + child.after
    lines = prompt.replace("\r", "").split("\n")
    assert len(lines) == 2 and all(len(line) < 100 for line in lines), lines
    child.send("4\r")
    child.expect("Cwestiwn 3 o 50")  # the answer typed after a folded prompt is taken
    child.expect("Teipiwch rif")  # plain: waiting for the answer
    child.sendcontrol("c")
    child.expect(pexpect.EOF)


def test_a_long_welsh_menu_question_is_folded_between_words(tmp_path: Path) -> None:
    import os
    import sys

    code = (
        "from coprod_toolkit import i18n\n"
        "from coprod_toolkit.prompts import TerminalPrompter\n"
        "i18n.set_language('cy')\n"
        "print('DEWIS', TerminalPrompter().choose(\"Mae'r ymarfer hwn wedi newid ers i chi "
        "ddechrau (fersiwn 1, nawr 2). Mae 3 o'ch 5 ateb yn dal i ffitio. Beth hoffech chi "
        "ei wneud?\", [('keep', 'Cadw'), ('again', 'Dechrau eto')]))\n"
    )
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100", "PROMPT_TOOLKIT_NO_CPR": "1"}
    child = pexpect.spawn(
        sys.executable, ["-c", code], env=env, encoding="utf-8", timeout=20, dimensions=(30, 100)
    )
    child.expect("Dechrau eto")
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "\n", child.before)
    # the question is folded before "ffitio", with the terminal's width to spare
    assert re.search(r"yn dal i\s*\n", shown), shown
    child.send("\r")
    child.expect("DEWIS keep")
    child.expect(pexpect.EOF)


def test_a_long_welsh_text_question_is_folded_between_words(tmp_path: Path) -> None:
    import os
    import sys

    code = (
        "from coprod_toolkit.prompts import TerminalPrompter\n"
        "print('TESTUN', TerminalPrompter().text(\"Am ba ddarn o waith mae'r grŵp yn siarad? "
        'Rhowch enw iddo mewn ychydig eiriau, fel bod y cofnod yn dweud am beth oedd e"))\n'
    )
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100", "PROMPT_TOOLKIT_NO_CPR": "1"}
    child = pexpect.spawn(
        sys.executable, ["-c", code], env=env, encoding="utf-8", timeout=20, dimensions=(30, 100)
    )
    child.expect("oedd e")
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "\n", child.before)
    assert re.search(r"y cofnod\s*\n\s*yn dweud", shown), shown
    child.send("Grŵp gofalwyr\r")
    child.expect("TESTUN Grŵp gofalwyr")
    child.expect(pexpect.EOF)


def test_a_mixed_groups_step_screen_is_in_both_languages() -> None:
    from coprod_toolkit import i18n
    from coprod_toolkit.group import GroupSession, new_group_draft
    from coprod_toolkit.loader import load_exercise
    from coprod_toolkit.models import Step
    from coprod_toolkit.translations import localise
    from tests.conftest import ROOT
    from tests.test_group_session import Script

    class Steps(Script):
        def __init__(self) -> None:
            super().__init__({})
            self.steps: list[Step] = []

        def show_step(self, step: Step, number: int, total: int) -> None:
            self.steps.append(step)

    def first_step(languages: dict[str, str]) -> Step:
        with i18n.using("cy"):
            loaded = localise(load_exercise(ROOT / "exercises" / "four-steps.yaml"))
            draft = new_group_draft(
                loaded, "g", "me", ["Ana", "Ben"], False, True, languages=languages
            )
            script = Steps()
            GroupSession(loaded, draft).run(script)  # type: ignore[arg-type]
        return script.steps[0]

    english = load_exercise(ROOT / "exercises" / "four-steps.yaml").exercise.steps[0]
    mixed = first_step({"Ana": "cy", "Ben": "en"})
    assert mixed.title.endswith(" / " + english.title)  # Ben can read it too
    assert english.prompt in mixed.prompt
    welsh_only = first_step({})
    assert english.title not in welsh_only.title and " / " not in welsh_only.title
