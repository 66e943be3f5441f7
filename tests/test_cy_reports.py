"""History, progress, reports and export in Welsh, over records answered in both languages.

Two reflections on the same exercise by the same person: one answered in English (no
`language:` key, as records were before), one in Welsh (`language: cy`). Both are
listed, compared on one line, and shown in the language in use, with a note saying
which one was answered in the other language.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coprod_toolkit import i18n
from coprod_toolkit.cli import app
from coprod_toolkit.history import History, read_record
from coprod_toolkit.loader import LoadedExercise, load_exercise
from coprod_toolkit.report import markdown
from coprod_toolkit.report_html import html_report
from coprod_toolkit.session import AssessSession, new_draft
from coprod_toolkit.storage import dump_yaml
from coprod_toolkit.translations import localise
from tests.conftest import ROOT, write

runner = CliRunner()
SIX = load_exercise(ROOT / "exercises" / "six-principles.yaml")
ENGLISH_ID = "2026-03-01-1200-six-principles"
WELSH_ID = "2026-09-01-1200-six-principles"


def save(home: Path, loaded: LoadedExercise, when: datetime, value: int, language: str) -> str:
    """Write a six-principles reflection as YAML into home/reflections, every scale `value`."""
    answers: dict[str, object] = {}
    for _section, q in loaded.exercise.questions():
        if q.type == "scale":
            answers[q.id] = 6 - value if getattr(q, "reverse", False) else value
    run_id = f"{when:%Y-%m-%d-%H%M}-six-principles"
    draft = new_draft(loaded, run_id, "me", "Ana")
    draft.answers = answers  # type: ignore[assignment]
    draft.next_step = "Gofyn i Jo gyd-gadeirio." if language == "cy" else "Ask Jo to co-chair."
    reflection = AssessSession(loaded, draft).reflection(loaded.exercise.subjects["me"])
    data = reflection.model_copy(update={"finished": when, "started": when}).model_dump(mode="json")
    if language != "en":  # an English record is one without the key, as older records are
        data["language"] = language
    folder = home / "reflections"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{run_id}.yaml").write_text(dump_yaml(data), encoding="utf-8")
    return run_id


@pytest.fixture
def mixed(isolated: Path) -> Iterator[Path]:
    """Ana's reflections: in English in March (scores 25), in Welsh in September (75)."""
    save(isolated, SIX, datetime(2026, 3, 1, 12, tzinfo=UTC), 2, "en")
    save(isolated, localise(SIX, "cy"), datetime(2026, 9, 1, 12, tzinfo=UTC), 4, "cy")
    yield isolated
    i18n.set_language("en")


def test_a_welsh_record_is_read_with_its_language(mixed: Path) -> None:
    welsh = read_record(mixed / "reflections" / f"{WELSH_ID}.yaml")
    english = read_record(mixed / "reflections" / f"{ENGLISH_ID}.yaml")
    assert getattr(welsh, "language", None) == "cy"
    assert getattr(english, "language", "en") == "en"
    summaries, broken = History(mixed).read()
    assert broken == []
    assert {s.id: s.language for s in summaries} == {WELSH_ID: "cy", ENGLISH_ID: "en"}


def test_history_lists_both_in_english_and_names_the_welsh_one(mixed: Path) -> None:
    result = runner.invoke(app, ["history"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == (
        f"{WELSH_ID}: 01 Sep 2026 12:00, The six principles of co-production (version 2), "
        "about my own practice, Ana: 75 - Strong (answered in Welsh)"
    )
    assert lines[1] == (
        f"{ENGLISH_ID}: 01 Mar 2026 12:00, The six principles of co-production (version 2), "
        "about my own practice, Ana: 25 - Early days"
    )
    assert lines[2] == "2 reflections."
    rows = json.loads(runner.invoke(app, ["history", "--format", "json"]).output)
    assert [r["language"] for r in rows] == ["cy", "en"]


def test_history_in_welsh(mixed: Path) -> None:
    result = runner.invoke(app, ["--lang", "cy", "history"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == (
        f"{WELSH_ID}: 1 Medi 2026 12:00, Chwe egwyddor cydgynhyrchu (fersiwn 2), "
        "am fy ymarfer fy hun, Ana: 75 - Cryf"
    )
    assert lines[1].startswith(f"{ENGLISH_ID}: 1 Mawrth 2026 12:00, Chwe egwyddor")
    assert lines[1].endswith("Ana: 25 - Dyddiau cynnar (atebwyd yn Saesneg)")
    assert lines[2] == "2 fyfyrdod."


def test_progress_compares_both_on_one_line(mixed: Path) -> None:
    result = runner.invoke(app, ["progress", "six-principles", "--plain"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith(
        "Progress for Ana: The six principles of co-production "
        "(2 reflections, 01 Mar 2026 to 01 Sep 2026)"
    )
    assert "1 of these reflections was answered in Welsh" in out
    assert "Assets: first 25, last time 25, now 75 (change since first +50" in out
    assert "Assets rose from 25 to 75 since March 2026." in out
    welsh = runner.invoke(app, ["--lang", "cy", "progress", "six-principles", "--plain"])
    assert welsh.exit_code == 0, welsh.output
    assert welsh.output.startswith(
        "Cynnydd Ana: Chwe egwyddor cydgynhyrchu (2 fyfyrdod, 1 Mawrth 2026 i 1 Medi 2026)"
    )
    assert "Atebwyd 1 o'r myfyrdodau hyn yn Saesneg" in welsh.output
    assert "Asedau: y cyntaf 25, y tro diwethaf 25, nawr 75" in welsh.output
    assert "Cododd Asedau o 25 i 75 ers Mawrth 2026." in welsh.output


def test_the_html_report_in_welsh(mixed: Path) -> None:
    result = runner.invoke(app, ["--lang", "cy", "report", WELSH_ID, "--to", "-"])
    assert result.exit_code == 0, result.output
    page = result.output
    assert '<html lang="cy">' in page and '<html lang="en">' not in page
    assert "<h1>Chwe egwyddor cydgynhyrchu</h1>" in page
    assert "1 Medi 2026" in page  # the date, with its Welsh month
    assert "Llinell doredig: 1 Mawrth 2026" in page  # last time, answered in English
    assert "Asedau" in page and "Assets" not in page
    assert "answered" not in page and "atebwyd yn" not in page  # Welsh, shown in Welsh


def test_an_english_record_in_a_welsh_html_report_says_so(mixed: Path) -> None:
    result = runner.invoke(app, ["--lang", "cy", "report", ENGLISH_ID, "--to", "-"])
    assert result.exit_code == 0, result.output
    assert '<html lang="cy">' in result.output
    assert "(atebwyd yn Saesneg)" in result.output
    assert "1 Mawrth 2026" in result.output
    assert "Asedau" in result.output  # the exercise's words in the language in use


def test_the_markdown_report_in_welsh(mixed: Path) -> None:
    result = runner.invoke(app, ["--lang", "cy", "report", WELSH_ID, "--format", "md", "--to", "-"])
    assert result.exit_code == 0, result.output
    text = result.output
    assert text.startswith("# Chwe egwyddor cydgynhyrchu\n")
    assert "- **Pryd:** 1 Medi 2026, 12:00" in text
    assert "- **Ymarfer:** six-principles, fersiwn 2\n" in text
    assert "## Canlyniadau" in text and "| Egwyddor | Sgôr allan o 100 | Darlleniad |" in text
    assert "## Un peth y byddaf yn ei wneud nesaf" in text and "Gofyn i Jo gyd-gadeirio." in text
    assert "**At ei gilydd: 75 allan o 100 - Cryf**" in text


def test_in_english_the_welsh_record_says_it_was_answered_in_welsh(mixed: Path) -> None:
    md = runner.invoke(app, ["report", WELSH_ID, "--format", "md", "--to", "-"])
    assert md.exit_code == 0, md.output
    text = md.output
    assert text.startswith("# The six principles of co-production\n")
    assert "- **When:** 1 September 2026, 12:00" in text
    assert "- **Exercise:** six-principles, version 2 (answered in Welsh)" in text
    assert "| Assets | 75 | Strong |" in text  # the exercise's own words, in English
    assert "**4 (Mostly true)**" in text
    assert "Gofyn i Jo gyd-gadeirio." in text  # the person's own words stay as written
    page = runner.invoke(app, ["report", WELSH_ID, "--to", "-"]).output
    assert '<html lang="en">' in page and "(answered in Welsh)" in page


def test_side_by_side_across_languages(mixed: Path) -> None:
    result = runner.invoke(
        app, ["report", ENGLISH_ID, "--beside", WELSH_ID, "--format", "md", "--to", "-"]
    )
    assert result.exit_code == 0, result.output
    assert "| Assets | 25 (Early days) | 75 (Strong) |" in result.output
    assert "(answered in Welsh)" in result.output


def test_export_has_a_language_column(mixed: Path) -> None:
    result = runner.invoke(app, ["export"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output)))
    header = rows[0]
    assert header[-1] == "language" and header[:-1] == [
        "reflection",
        "finished",
        "exercise",
        "version",
        "about",
        "person",
        "section",
        "question",
        "text",
        "answer",
        "score",
    ]
    by_reflection = {row[0]: row for row in rows[1:]}
    assert by_reflection[ENGLISH_ID][-1] == "en"
    assert by_reflection[WELSH_ID][-1] == "cy"
    # the same question on one line of analysis, its words in the language in use
    first = {(row[0], row[7]): row[8] for row in rows[1:]}
    assert first[(WELSH_ID, "assets-strengths")] == first[(ENGLISH_ID, "assets-strengths")]
    jsonl = runner.invoke(app, ["export", "--format", "jsonl"]).output.splitlines()
    assert {json.loads(line)["language"] for line in jsonl} == {"en", "cy"}


def test_reports_in_welsh_from_the_library(mixed: Path) -> None:
    welsh = read_record(mixed / "reflections" / f"{WELSH_ID}.yaml")
    with i18n.using("cy"):
        page = html_report(welsh)  # type: ignore[arg-type]
        text = markdown(welsh, localise(SIX, "cy").exercise)  # type: ignore[arg-type]
    assert '<html lang="cy">' in page
    assert "- **Pryd:** 1 Medi 2026, 12:00" in text
    assert "{" not in text.replace("\\{", "")  # every placeholder filled


def test_a_string_with_no_welsh_yet_falls_back_to_english(
    mixed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalogue = i18n.translations("cy")._catalog  # type: ignore[attr-defined]
    monkeypatch.delitem(catalogue, "Results")
    result = runner.invoke(app, ["--lang", "cy", "report", WELSH_ID, "--format", "md", "--to", "-"])
    assert result.exit_code == 0, result.output
    assert "## Results" in result.output  # no Welsh for this one: English
    assert "## Un peth y byddaf yn ei wneud nesaf" in result.output  # the rest stays Welsh


def test_bad_input_in_welsh_is_a_message_not_a_traceback(mixed: Path) -> None:
    result = runner.invoke(app, ["--lang", "cy", "report", "no-such-reflection", "--to", "-"])
    assert result.exit_code != 0
    assert "Does dim myfyrdod o'r enw 'no-such-reflection'" in result.output
    assert "Traceback" not in result.output
    broken = mixed / "reflections" / "2026-10-01-1200-six-principles.yaml"
    broken.write_text("language: cy\nid: [\n", encoding="utf-8")
    listed = runner.invoke(app, ["--lang", "cy", "history"])
    assert listed.exit_code == 0
    assert "Wedi hepgor" in listed.output and "Traceback" not in listed.output
    dated = runner.invoke(app, ["--lang", "cy", "history", "--since", "Mawrth"])
    assert dated.exit_code == 2
    assert "ysgrifennwch y dyddiad fel blwyddyn-mis-diwrnod" in dated.output


def test_a_broken_file_is_named_in_the_language_in_use_each_time(mixed: Path) -> None:
    (mixed / "reflections" / "2026-10-01-1200-six-principles.yaml").write_text(
        "id: [\n", encoding="utf-8"
    )
    welsh = runner.invoke(app, ["--lang", "cy", "history"])
    assert "Wedi hepgor" in welsh.output and "dydy hi ddim yn YAML dilys" in welsh.output
    english = runner.invoke(app, ["history"])  # the index now knows the file is broken
    assert "Skipped" in english.output and "it is not valid YAML" in english.output
    assert "dydy hi ddim" not in english.output


TEAM = """
id: team-check
title: Team check
version: "1"
summary: A small exercise for group reports.
minutes: 5
subjects:
  together: our work together
scales:
  truth:
    min: 1
    max: 5
    labels: {1: Never so, 2: Rarely so, 3: Sometimes so, 4: Mostly so, 5: Always so}
sections:
  - id: power
    title: Sharing power
    questions:
      - id: decide
        type: scale
        scale: truth
        text: We share decisions.
"""

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
    text: Rydyn ni'n rhannu penderfyniadau.
"""


def test_a_mixed_language_group_report_names_each_persons_language(
    tmp_path: Path, isolated: Path
) -> None:
    folder = tmp_path / "exercises"
    write(folder, "team-check.yaml", TEAM)
    write(folder, "team-check.cy.yaml", TEAM_CY)
    answers = write(
        tmp_path,
        "session.yaml",
        """
        people: ['Ana:cy', Ben]
        answers:
          Ana: {decide: 2}
          Ben: {decide: 5}
        """,
    )
    made = runner.invoke(app, ["group", str(folder / "team-check.yaml"), "--answers", str(answers)])
    assert made.exit_code == 0, made.output
    report = ["report", "latest", "--format", "md", "--to", "-", "--exercises", str(folder)]
    english = runner.invoke(app, report)
    assert english.exit_code == 0, english.output
    assert "- **Who:** Ana (answered in Welsh), Ben\n" in english.output
    # a mixed group's record may keep each question in both languages, as the group saw it
    assert "We share decisions." in english.output
    assert "(worth talking about) | 2 (Rarely so) | 5 (Always so) |" in english.output
    welsh = runner.invoke(app, ["--lang", "cy", *report])
    assert welsh.exit_code == 0, welsh.output
    assert welsh.output.startswith("# Gwiriad tîm (sesiwn grŵp)\n")
    assert "- **Pwy:** Ana, Ben (atebwyd yn Saesneg)\n" in welsh.output
    assert "Rydyn ni'n rhannu penderfyniadau." in welsh.output
    assert "(mae'n werth siarad amdano) | 2 (Anaml felly) | 5 (Bob amser) |" in welsh.output
    page = runner.invoke(app, ["--lang", "cy", *report[:2], "--to", "-", *report[-2:]]).output
    assert '<html lang="cy">' in page and "Ana, Ben (atebwyd yn Saesneg)" in page


def test_did_it_happen_is_answered_with_do_and_naddo() -> None:
    """Welsh answers a question in the past with 'Do'/'Naddo', not the buttons' 'Ie'/'Na'."""
    from coprod_toolkit import i18n
    from coprod_toolkit.report import happened_answer

    assert [happened_answer(v) for v in ("yes", "partly", "no")] == [
        "Yes",
        "Partly",
        "No, not yet",
    ]
    with i18n.using("cy"):
        assert [happened_answer(v) for v in ("yes", "partly", "no")] == [
            "Do",
            "Yn rhannol",
            "Naddo, ddim eto",
        ]
