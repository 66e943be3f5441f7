"""coprod report --beside: two reflections on one exercise, two shapes on one star."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from typer.testing import CliRunner

from coprod_toolkit.cli import app
from tests.conftest import write

STAR = """
id: star
title: Star
summary: Three principles, worded for staff and for people who use the service.
subjects:
  service: the service I work in
  support: the service I use
scales:
  five: {min: 1, max: 5, labels: {1: Never, 5: Always}}
sections:
  - id: assets
    title: Assets
    principle: assets
    questions:
      - {id: a1, type: scale, scale: five, text: {service: We build on strengths., support: They see what I can do.}}
  - id: reciprocity
    title: Reciprocity
    principle: reciprocity
    questions:
      - {id: r1, type: scale, scale: five, text: {service: We share rewards., support: I get something back.}}
  - id: networks
    title: Networks
    principle: networks
    questions:
      - {id: n1, type: scale, scale: five, text: {service: We link people up., support: I meet others.}}
"""


def reflect(tmp_path: Path, name: str, about: str, answers: dict[str, int]) -> Path:
    folder = Path.cwd() / "exercises"
    if not (folder / "star.yaml").exists():
        write(folder, "star.yaml", STAR)
    path = write(tmp_path, f"{name}.yaml", yaml.safe_dump({"answers": answers}))
    result = CliRunner().invoke(
        app, ["assess", "star", "--about", about, "--name", name, "--answers", str(path)]
    )
    assert result.exit_code == 0, result.output
    home = Path.cwd().parent / "home" / "reflections"
    return max(home.glob("*.yaml"), key=lambda p: p.stat().st_mtime_ns)


def test_two_reflections_share_one_star(tmp_path: Path) -> None:
    staff = reflect(tmp_path, "Jo", "service", {"a1": 5, "r1": 4, "n1": 5})
    person = reflect(tmp_path, "Sam", "support", {"a1": 2, "r1": 3, "n1": 1})
    assert staff != person
    result = CliRunner().invoke(
        app, ["report", str(staff), "--beside", str(person), "--to", "both.html"]
    )
    assert result.exit_code == 0, result.output
    # The terminal gets the two-column table: 5 is 100 out of 100, 2 is 25, 1 is 0.
    flat = " ".join(result.output.split())
    assert "Assets 100 25" in flat and "Networks 100 0" in flat
    page = Path("both.html").read_text()
    shapes = re.findall(r'<polygon class="(latest|second)" points="([^"]+)"', page)
    assert [kind for kind, _ in shapes] == ["latest", "second"]
    assert shapes[0][1] != shapes[1][1]
    # Sam's networks point (0 out of 100) sits at the centre of the star.
    assert shapes[1][1].split()[2] == "210.0,210.0"
    assert "Filled blue, solid line: Jo, about the service I work in" in page
    assert "Orange, dotted line: Sam, about the service I use" in page


def test_side_by_side_in_markdown(tmp_path: Path) -> None:
    staff = reflect(tmp_path, "Jo", "service", {"a1": 5, "r1": 4, "n1": 5})
    person = reflect(tmp_path, "Sam", "support", {"a1": 2, "r1": 3, "n1": 1})
    result = CliRunner().invoke(
        app, ["report", str(staff), "--beside", str(person), "--format", "md", "--to", "b.md"]
    )
    assert result.exit_code == 0, result.output
    text = Path("b.md").read_text()
    assert re.search(
        r"\| Principle \| Jo, about the service I work in \(\d\d \w+ \d{4}\) \| "
        r"Sam, about the service I use \(\d\d \w+ \d{4}\) \|",
        text,
    )
    assert "| Reciprocity | 75 | 50 |" in text
    # Overall: Jo 14 of 3-15 = 11/12 = 91.67 -> 92; Sam 6 of 3-15 = 3/12 = 25.
    assert "| Overall | 92 | 25 |" in text


def test_different_exercises_are_refused_with_a_clear_message(tmp_path: Path) -> None:
    staff = reflect(tmp_path, "Jo", "service", {"a1": 5, "r1": 4, "n1": 5})
    check = write(tmp_path, "r.yaml", "answers: {}\n")
    from coprod_toolkit.loader import load_exercise
    from tests.conftest import ROOT

    ex = load_exercise(ROOT / "exercises" / "tokenism.yaml").exercise
    check.write_text(yaml.safe_dump({"answers": {q.id: "no" for _, q in ex.questions()}}))
    result = CliRunner().invoke(app, ["readiness", "tokenism", "--answers", str(check)])
    assert result.exit_code == 0, result.output
    home = Path.cwd().parent / "home" / "reflections"
    other = max(home.glob("*.yaml"), key=lambda p: p.stat().st_mtime_ns)
    result = CliRunner().invoke(app, ["report", str(staff), "--beside", str(other)])
    assert result.exit_code == 1
    assert (
        "These two reflections are on different exercises ('star' and 'tokenism'), so their "
        "results do not line up. Fix: choose two reflections on the same exercise; "
        "'coprod history --exercise ID' lists them."
    ) in " ".join(result.output.split())
    assert not list(Path.cwd().glob("*.html"))


def test_two_checklist_verdicts_side_by_side(tmp_path: Path) -> None:
    from coprod_toolkit.loader import load_exercise
    from tests.conftest import ROOT

    ex = load_exercise(ROOT / "exercises" / "readiness.yaml").exercise
    hopeful = {
        q.id: ("yes" if getattr(q, "counts", "") == "for" else "no") for _, q in ex.questions()
    }
    home = Path.cwd().parent / "home" / "reflections"
    made = []
    for name, changes in (("Team", {}), ("Board", {"to-save-money": "yes"})):
        path = write(tmp_path, f"{name}.yaml", yaml.safe_dump({"answers": {**hopeful, **changes}}))
        result = CliRunner().invoke(app, ["readiness", "--name", name, "--answers", str(path)])
        assert result.exit_code == 0, result.output
        made.append(max(home.glob("*.yaml"), key=lambda p: p.stat().st_mtime_ns))
    result = CliRunner().invoke(
        app, ["report", str(made[0]), "--beside", str(made[1]), "--format", "md", "--to", "c.md"]
    )
    assert result.exit_code == 0, result.output
    text = Path("c.md").read_text()
    assert "| Verdict | Ready | Not yet |" in text
    assert "| Concerns | 0 (and 0 not sure) | 1 (and 0 not sure) |" in text
