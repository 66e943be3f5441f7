"""Group sessions in Welsh, and groups whose people answer in different languages.

Each person can answer in their own language ('Ana:cy'); their private turn is in it,
the shared screens show each question in every language the group uses, and the
spread and the agreed answer do not depend on language (answers are by id).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pexpect
import pytest
import yaml
from typer.testing import CliRunner

from coprod_toolkit import i18n
from coprod_toolkit.cli import app
from coprod_toolkit.cli.group import _ask_people
from coprod_toolkit.group import GroupSession, new_group_draft, shown_answer
from coprod_toolkit.history import read_record
from coprod_toolkit.loader import LoadedExercise, load_exercise
from coprod_toolkit.models import GroupDraft, GroupRecord
from coprod_toolkit.session import Ask
from coprod_toolkit.translations import localise
from tests.conftest import ROOT, write
from tests.test_group_session import Script

runner = CliRunner()

TEAM = """
id: team-check
title: Team check
version: "1"
summary: A small exercise for group tests.
minutes: 5
subjects:
  me: my own practice
  together: our work together
scales:
  truth:
    min: 1
    max: 5
    labels: {1: Never so, 2: Rarely so, 3: Sometimes so, 4: Mostly so, 5: Always so}
sections:
  - id: power
    title: Sharing power
    description: This part is about who decides.
    questions:
      - id: decide
        type: scale
        scale: truth
        text:
          me: I share decisions.
          together: In our work together, we share decisions.
      - id: paid
        type: scale
        scale: truth
        text: People are paid for their time.
"""

# 'paid' is left out on purpose: it stays in English.
TEAM_CY = """
translates: team-check
version: "1"
language: cy
reviewed: false
title: Gwiriad tîm
subjects:
  together: ein gwaith gyda'n gilydd
scales:
  truth:
    labels: {1: Byth felly, 2: Anaml felly, 3: Weithiau felly, 4: Fel arfer felly, 5: Bob amser}
sections:
  power:
    title: Rhannu grym
questions:
  decide:
    text:
      me: Rydw i'n rhannu penderfyniadau.
      together: Yn ein gwaith gyda'n gilydd, rydyn ni'n rhannu penderfyniadau.
"""

DECIDE_EN = "In our work together, we share decisions."
DECIDE_CY = "Yn ein gwaith gyda'n gilydd, rydyn ni'n rhannu penderfyniadau."


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


@pytest.fixture
def team(tmp_path: Path) -> Path:
    folder = tmp_path / "exercises"
    write(folder, "team-check.cy.yaml", TEAM_CY)
    return write(folder, "team-check.yaml", TEAM)


def answers_file(tmp_path: Path, people: str) -> Path:
    return write(
        tmp_path,
        "session.yaml",
        f"""
        people: {people}
        answers:
          Ana: {{decide: 2, paid: 4}}
          Ben: {{decide: 5, paid: 4}}
        """,
    )


def saved_record(home: Path) -> dict[str, object]:
    [path] = sorted((home / "reflections").glob("*.yaml"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


# ---------------------------------------------------------------- from an answers file


def test_a_welsh_group_session_from_an_answers_file(
    tmp_path: Path, team: Path, isolated: Path
) -> None:
    path = answers_file(tmp_path, "[Ana, Ben]")
    result = runner.invoke(app, ["--lang", "cy", "group", str(team), "--answers", str(path)])
    assert result.exit_code == 0, result.output
    assert "Wedi cadw cofnod y grŵp:" in result.output
    assert "Saved the group's record" not in result.output
    record = saved_record(isolated)
    assert record["language"] == "cy"
    assert record["languages"] == {}  # everyone in one language: nothing to say
    decide = next(q for q in record["questions"] if q["question"] == "decide")  # type: ignore[union-attr]
    assert decide["text"] == DECIDE_CY
    assert decide["answers"] == {"Ana": 2, "Ben": 5}
    assert "Anaml felly" in decide["shown"]["Ana"]  # the scale's words in Welsh


def test_a_mixed_group_from_an_answers_file_keeps_each_persons_language(
    tmp_path: Path, team: Path, isolated: Path
) -> None:
    path = answers_file(tmp_path, "['Ana:cy', Ben]")
    result = runner.invoke(app, ["group", str(team), "--answers", str(path)])
    assert result.exit_code == 0, result.output
    record = saved_record(isolated)
    assert record["language"] == "en"
    assert record["languages"] == {"Ana": "cy", "Ben": "en"}
    decide = next(q for q in record["questions"] if q["question"] == "decide")  # type: ignore[union-attr]
    assert decide["answers"] == {"Ana": 2, "Ben": 5}
    assert decide["spread"] == 3  # the same answers, whichever language they were given in


def test_each_person_may_write_the_scales_words_in_their_own_language(
    tmp_path: Path, team: Path, isolated: Path
) -> None:
    path = write(
        tmp_path,
        "session.yaml",
        """
        people: ['Ana:cy', Ben]
        answers:
          Ana: {decide: Anaml felly, paid: Fel arfer felly}
          Ben: {decide: Always so, paid: 4}
        """,
    )
    result = runner.invoke(app, ["group", str(team), "--answers", str(path)])
    assert result.exit_code == 0, result.output
    decide = saved_record(isolated)["questions"][0]  # type: ignore[index]
    assert decide["answers"] == {"Ana": 2, "Ben": 5}
    wrong = write(
        tmp_path, "wrong.yaml", "people: [Ana, Ben]\nanswers:\n  Ana: {decide: Anaml felly}\n"
    )
    result = runner.invoke(app, ["group", str(team), "--answers", str(wrong)])
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert "Anaml felly" in result.output  # Ana answers in English here: said what to write


def test_languages_given_with_people_win_over_the_file_and_survive_anonymity(
    tmp_path: Path, team: Path, isolated: Path
) -> None:
    path = answers_file(tmp_path, "[Ana, Ben]")
    result = runner.invoke(
        app,
        ["group", str(team), "--answers", str(path), "--people", "Ana, Ben:cy", "--anonymous"],
    )
    assert result.exit_code == 0, result.output
    assert saved_record(isolated)["languages"] == {"Person 1": "en", "Person 2": "cy"}


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_language_the_exercise_is_not_in_is_explained_with_the_fix(
    tmp_path: Path, team: Path, isolated: Path, lang: str
) -> None:
    path = answers_file(tmp_path, "[Ana, Ben]")
    result = runner.invoke(
        app,
        ["--lang", lang, "group", str(team), "--answers", str(path), "--people", "Ana:fr, Ben"],
    )
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "'fr'" in result.output
    assert "en (English), cy (Cymraeg)" in result.output
    assert "'Ana:cy'" in result.output
    if lang == "cy":
        assert "I'w drwsio:" in result.output
    else:
        assert "Fix: put one of these codes after the name" in result.output
    assert not (isolated / "reflections").exists()


def test_a_language_code_for_an_exercise_in_one_language_says_so(
    tmp_path: Path, isolated: Path
) -> None:
    only = write(tmp_path / "only", "team-check.yaml", TEAM)
    path = answers_file(tmp_path, "[Ana, Ben]")
    result = runner.invoke(
        app, ["group", str(only), "--answers", str(path), "--people", "Ana:cy, Ben"]
    )
    assert result.exit_code == 2
    assert "this exercise is only in en (English)" in result.output
    assert "leave out ':cy'" in result.output


def test_a_bad_language_in_the_answers_file_points_at_people(
    tmp_path: Path, team: Path, isolated: Path
) -> None:
    path = answers_file(tmp_path, "['Ana:xx', Ben]")
    result = runner.invoke(app, ["group", str(team), "--answers", str(path)])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert "people" in result.output and "'xx'" in result.output


# ---------------------------------------------------------------- a mixed group at one screen


class Watching(Script):
    """A scripted group that notes the language in use whenever someone is handed the turn."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.speaking: list[tuple[str, str]] = []

    def hand_over(self, person: str) -> None:
        self.speaking.append((person, i18n.language()))

    def ask(self, ask: Ask) -> object:  # type: ignore[override]
        self.speaking.append((f"{ask.person}:ask", i18n.language()))
        return super().ask(ask)


def mixed_session(team: Path, languages: dict[str, str], both: bool | None = None) -> GroupSession:
    loaded: LoadedExercise = localise(load_exercise(team))  # the language in use: English
    draft = new_group_draft(
        loaded,
        "g",
        "together",
        ["Ana", "Ben"],
        False,
        False,
        languages=languages,
        both_languages=both,
    )
    return GroupSession(loaded, draft)


def test_each_persons_private_turn_is_in_their_language(team: Path) -> None:
    s = mixed_session(team, {"Ana": "cy"})
    script = Watching({("Ana", "decide"): 2, ("Ben", "decide"): 5, ("Ana", "paid"): 4})
    s.run(script)
    by_person = {(a.person, a.question.id): a for a in script.asks}
    ana, ben = by_person["Ana", "decide"], by_person["Ben", "decide"]
    assert ana.text == DECIDE_CY
    assert ben.text == DECIDE_EN
    assert ana.exercise.scale_of(ana.question).labels[2] == "Anaml felly"  # type: ignore[arg-type]
    assert ben.exercise.scale_of(ben.question).labels[2] == "Rarely so"  # type: ignore[arg-type]
    assert ana.section.title == "Rhannu grym" and ben.section.title == "Sharing power"
    # Not translated yet: Ana sees the English, safely.
    assert by_person["Ana", "paid"].text == "People are paid for their time."
    # The words around the turn are in the person's language, and back again after.
    assert ("Ana", "cy") in script.speaking and ("Ana:ask", "cy") in script.speaking
    assert ("Ben", "en") in script.speaking and ("Ben:ask", "en") in script.speaking
    assert i18n.language() == "en"
    # The shared screen: the question in both languages; the spread across both.
    reveal = script.reveals[0]
    assert reveal.text == f"{DECIDE_EN} / {DECIDE_CY}"
    assert reveal.spread == 3 and reveal.worth_talking_about
    assert dict(reveal.rows)["Ana"] == shown_answer(s.exercise, reveal.question, 2)
    record = s.record("our work together")
    assert record.language == "en"
    assert record.languages == {"Ana": "cy", "Ben": "en"}
    decide = next(q for q in record.questions if q.question == "decide")
    assert decide.answers == {"Ana": 2, "Ben": 5} and decide.spread == 3
    assert decide.text == f"{DECIDE_EN} / {DECIDE_CY}"  # the record is for everyone to read


def test_the_agreed_answer_is_asked_in_both_languages(team: Path) -> None:
    s = mixed_session(team, {"Ana": "cy"})
    script = Watching(
        {("Ana", "decide"): 2, ("Ben", "decide"): 5, ("The group", "decide"): 4},
        menu=["agree", "next", "next"],
        texts=["We met in the middle"],
    )
    s.run(script)
    group_ask = next(a for a in script.asks if a.for_group)
    assert group_ask.text == f"{DECIDE_EN} / {DECIDE_CY}"
    assert s.record("x").questions[0].agreed is not None


def test_one_language_groups_show_one_language_unless_asked(team: Path) -> None:
    s = mixed_session(team, {})
    script = Watching({})
    s.run(script)
    assert script.reveals[0].text == DECIDE_EN
    assert s.record("x").languages == {}
    both = mixed_session(team, {}, both=True)
    script = Watching({})
    both.run(script)
    assert script.reveals[0].text == f"{DECIDE_EN} / {DECIDE_CY}"
    one = mixed_session(team, {"Ana": "cy"}, both=False)
    script = Watching({})
    one.run(script)
    assert script.reveals[0].text == DECIDE_EN


def test_a_welsh_group_with_one_english_speaker(team: Path) -> None:
    with i18n.using("cy"):
        loaded = localise(load_exercise(team))
        draft = new_group_draft(
            loaded, "g", "together", ["Ana", "Ben"], False, False, languages={"Ben": "en"}
        )
        s = GroupSession(loaded, draft)
        script = Watching({})
        s.run(script)
        asks = {(a.person, a.question.id): a for a in script.asks}
        assert asks["Ana", "decide"].text == DECIDE_CY
        assert asks["Ben", "decide"].text == DECIDE_EN
        assert ("Ben:ask", "en") in script.speaking and ("Ana:ask", "cy") in script.speaking
        assert script.reveals[0].text == f"{DECIDE_CY} / {DECIDE_EN}"
        assert "Siaradwch am yr atebion" not in " ".join(script.said)  # menu, not said
        record = s.record("x")
        assert record.language == "cy" and record.languages == {"Ana": "cy", "Ben": "en"}


# ---------------------------------------------------------------- asked at the screen


class Typing:
    def __init__(self, lines: list[str]) -> None:
        self.lines = list(lines)
        self.said: list[str] = []
        self.defaults: list[str | None] = []

    def say(self, text: str = "") -> None:
        self.said.append(text)

    def text(self, message: str, default: str | None = None, note: str = "") -> str:
        self.defaults.append(default)
        line = self.lines.pop(0)
        return default if not line and default else line


def test_a_wrong_language_typed_at_the_screen_is_asked_again_keeping_the_name() -> None:
    typing = Typing(["Ana:fr", "", "Ben:cy", ""])
    people, languages = _ask_people(typing, ["en", "cy"])  # type: ignore[arg-type]
    assert people == ["Ana", "Ben"]
    assert languages == {"Ben": "cy"}
    said = " ".join(typing.said)
    assert "type its code after the name, like 'Ana:cy'" in said
    assert "'fr' after Ana is not a language this exercise is in" in said
    assert typing.defaults[1] == "Ana"  # the name is offered again, nothing typed lost


def test_the_language_hint_is_only_given_when_there_is_a_choice() -> None:
    typing = Typing(["Ana", "Ben", ""])
    assert _ask_people(typing, ["en"]) == (["Ana", "Ben"], {})  # type: ignore[arg-type]
    assert not any("code after the name" in line for line in typing.said)


def test_the_people_prompts_in_welsh() -> None:
    typing = Typing(["Ana", "", "Ben", ""])
    with i18n.using("cy"):
        _ask_people(typing, ["en", "cy"])  # type: ignore[arg-type]
    said = " ".join(typing.said)
    assert "Pwy sy'n cymryd rhan?" in said
    assert "Mae angen o leiaf 2 o bobl ar grŵp" in said
    assert "{" not in said


# ---------------------------------------------------------------- records and words


def test_old_group_records_without_languages_still_load() -> None:
    data = yaml.safe_load((ROOT / "tests/fixtures/group-old/record.yaml").read_text())
    assert "language" not in data
    record = GroupRecord.model_validate(data)
    assert record.language == "en" and record.languages == {}
    found = read_record(ROOT / "tests/fixtures/group-old/record.yaml")
    assert getattr(found, "language", "en") == "en"
    old_draft = yaml.safe_load((ROOT / "tests/fixtures/group-old/draft.yaml").read_text())
    draft = GroupDraft.model_validate(old_draft)
    assert draft.languages == {} and draft.both_languages is None


def test_a_stopped_mixed_group_carries_on_with_everyones_language(team: Path) -> None:
    s = mixed_session(team, {"Ana": "cy"}, both=True)
    again = GroupDraft.model_validate(
        yaml.safe_load(yaml.safe_dump(s.draft.model_dump(mode="json")))
    )
    assert again.languages == {"Ana": "cy"} and again.both_languages is True


def test_group_words_in_welsh_and_english() -> None:
    from coprod_toolkit.cli.group import _duration, private_turns_note
    from coprod_toolkit.group import balance

    with i18n.using("cy"):
        assert _duration(2) == "2 funud"
        assert _duration(125) == "2 awr 5 munud"
        assert private_turns_note(False)[0].startswith("Mae pawb yn ateb yn eu tro")
        assert balance({"Ana": 1}, {"Ana": 3})[1].startswith("Nifer y troeon y pasiodd rhywun: 3.")
    assert _duration(1) == "1 minute"
    assert _duration(150) == "2 hours 30 minutes"


def test_a_message_missing_from_the_welsh_catalogue_falls_back_to_english(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from coprod_toolkit.cli.group import private_turns_note

    catalogue = i18n.translations("cy")._catalog  # type: ignore[attr-defined]
    english = "If the group would rather see what it types, answer openly with --open."
    monkeypatch.delitem(catalogue, english)
    with i18n.using("cy"):
        lines = private_turns_note(True)
    assert lines[2] == english
    assert lines[0].startswith("Mae pawb")


def test_the_group_help_has_its_welsh_in_the_catalogue() -> None:
    import typer.main

    top = typer.main.get_command(app)
    command = top.get_command(None, "group")  # type: ignore[attr-defined]
    assert command is not None and command.help is not None
    assert "Ana:cy" in command.help  # how to give a person their language is in the help
    helps = [command.help] + [p.help for p in command.params if getattr(p, "help", None)]
    assert len(helps) > 5
    with i18n.using("cy"):
        welsh = [i18n.translate_help(text) for text in helps]
    assert welsh[0].startswith("Gwneud ymarfer gyda'ch gilydd fel grŵp")
    assert all(w != e for w, e in zip(welsh[1:], helps[1:], strict=True) if "group" in e.lower())
    assert any("--both-languages" in p.opts for p in command.params)


# ---------------------------------------------------------------- in a real terminal


def private_turn(child: pexpect.spawn, person: str, key: str, text: str, label: str) -> None:
    """One plain private turn, found by what does not depend on the language of the words
    around it (those are in the person's language): the '--- name ---' hand-over, the
    question and its scale, and the prompts' ends."""
    child.expect(f"--- [^\n]*{person}[^\n]*---")
    child.send("\r")
    child.expect_exact(text)
    child.expect_exact(label)
    child.expect("1[^\n]*5[^\n]*: ")
    child.send(key + "\r")
    child.expect("'b'[^\n]*: ")
    child.send("\r")


def test_a_two_person_mixed_language_session_in_a_terminal(tmp_path: Path, team: Path) -> None:
    from tests.test_group_terminal import spawn

    home = tmp_path / "home"
    child, seen = spawn(["group", str(team), "--plain"], home)
    child.expect("type its code after the name")
    child.expect("Person 1")
    child.send("Ana:fr\r")
    child.expect("'fr' after Ana is not a language this exercise is in")
    child.expect(r"Person 1 \[Ana\]")  # asked again, the name kept
    child.send("Ana:cy\r")
    child.expect("Person 2")
    child.send("Ben\r")
    child.expect("Person 3")
    child.send("\r")
    child.expect("Ana answers in Welsh.")
    child.expect("Press Enter when everyone is ready to begin")
    child.send("\r")
    turns = {"Ana": ("2", DECIDE_CY, "Anaml felly"), "Ben": ("5", DECIDE_EN, "Rarely so")}
    for person in ("Ana", "Ben"):
        key, text, label = turns[person]
        private_turn(child, person, key, text.split(",")[0], label)
    child.expect("Everyone's answers:")
    child.expect("The answers are 3 points apart")
    reveal = seen.getvalue().rpartition("Everyone's answers:")[2]
    flat = " ".join(reveal.split())
    assert DECIDE_EN in flat and DECIDE_CY in flat  # the shared screen: both languages
    child.expect("Type a number from 1 to")
    child.send("1\r")  # go on
    for person in ("Ben", "Ana"):  # who goes first moves round
        # No Welsh for this question yet: English for both.
        label = "Fel arfer felly" if person == "Ana" else "Mostly so"  # the scale is in Welsh
        private_turn(child, person, "4", "People are paid for their time.", label)
    child.expect("Everyone's answers:")
    child.expect("Type a number from 1 to")
    child.send("1\r")
    child.expect("An action")
    child.send("\r")
    child.expect("Finish and save\\?")
    child.expect("Type a number from 1 to 2")
    child.send("1\r")
    child.expect("Saved the group's record")
    child.expect(pexpect.EOF)
    record = yaml.safe_load(next((home / "reflections").glob("*.yaml")).read_text())
    assert record["language"] == "en"
    assert record["languages"] == {"Ana": "cy", "Ben": "en"}
    assert record["questions"][0]["answers"] == {"Ana": 2, "Ben": 5}
    assert record["questions"][0]["spread"] == 3


def test_a_stopped_mixed_group_resumes_with_each_persons_language(
    tmp_path: Path, team: Path
) -> None:
    from tests.test_group_terminal import spawn

    home = tmp_path / "home"
    child, _ = spawn(["group", str(team), "--people", "Ana, Ben:cy", "--plain"], home)
    child.expect("Ben answers in Welsh.")
    child.expect("Press Enter when everyone is ready to begin")
    child.send("\r")
    child.expect("Ana, your turn")
    child.send("\r")
    child.expect(DECIDE_EN)
    child.expect("Type a number from 1 to 5")
    child.send("3\r")
    child.expect("Press Enter to finish your turn")
    child.send("\r")
    child.expect("--- [^\\n]*Ben[^\\n]*---")
    child.sendintr()
    child.expect("Everything the group has said so far is saved")
    child.expect(pexpect.EOF)
    child, _ = spawn(["resume", "--exercises", str(team.parent)], home)
    child.expect("Ben's turn")
    child.expect("Ben answers in Welsh.")
    child.expect("Press Enter when everyone is ready to carry on")
    child.send("\r")
    child.expect("--- [^\n]*Ben[^\n]*---")
    child.send("\r")
    child.expect("Yn ein gwaith")
    child.expect("Bob amser")
    child.sendintr()
    child.expect(pexpect.EOF)


def test_a_group_started_in_welsh_resumes_in_welsh(
    tmp_path: Path, team: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Resumed on a computer not set to Welsh, a group started with --lang cy came back
    in English: its shared screens and every turn."""
    from tests.test_group_terminal import spawn

    home = tmp_path / "home"
    child, _ = spawn(["--lang", "cy", "group", str(team), "--people", "Ana, Ben", "--plain"], home)
    child.expect("Pwyswch Enter")
    child.send("\r")
    child.expect("Ana")
    child.sendintr()
    child.expect(pexpect.EOF)
    draft = yaml.safe_load(next((home / "drafts").glob("*.yaml")).read_text())
    assert draft["language"] == "cy"
    monkeypatch.delenv("COPROD_LANG")
    monkeypatch.setenv("LANG", "C.UTF-8")
    child, _ = spawn(["resume", "--exercises", str(team.parent)], home)
    child.expect("Yn parhau gyda")
    child.expect("Pwyswch Enter")
    child.sendintr()
    child.expect(pexpect.EOF)
    # a language named for the resume still wins
    child, _ = spawn(["--lang", "en", "resume", "--exercises", str(team.parent)], home)
    child.expect("Carrying on with")
    child.sendintr()
    child.expect(pexpect.EOF)
