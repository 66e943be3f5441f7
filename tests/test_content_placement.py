"""The placement follows the source's picture: about or with people, problem or answer."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from coprod_toolkit.cli import app
from coprod_toolkit.loader import load_exercise
from coprod_toolkit.models import ChoiceQuestion
from coprod_toolkit.scoring import score
from tests.conftest import ROOT

runner = CliRunner()
PLACEMENT = load_exercise(ROOT / "exercises" / "placement.yaml").exercise


def test_the_five_places_are_the_sources_names_in_order() -> None:
    where = PLACEMENT.question("where")
    assert isinstance(where, ChoiceQuestion)
    assert [o.value for o in where.options] == [
        "enquiry",
        "consultation",
        "participation",
        "co-design",
        "co-production",
    ]
    ladder = PLACEMENT.sections[0]
    assert ladder.bands is not None
    assert [b.label.casefold() for b in ladder.bands] == [o.value for o in where.options]
    assert "informing" not in yaml.safe_dump(PLACEMENT.model_dump()).casefold()
    assert PLACEMENT.version == "2"


@pytest.mark.parametrize(
    ("place", "about_or_with", "reading"),
    [
        ("enquiry", "about them", "Enquiry"),
        ("consultation", "about them", "Consultation"),
        ("participation", "with you", "Participation"),
        ("co-design", "put it into practice without them", "Co-design"),
        ("co-production", "share putting it into practice", "Co-production"),
    ],
)
def test_each_place_reads_as_its_own_band(place: str, about_or_with: str, reading: str) -> None:
    section = score(PLACEMENT, {"where": place, "how-deep": "support"}).sections[0]
    assert section.band == reading
    assert about_or_with in " ".join((section.message or "").split())


def test_co_design_is_told_apart_from_co_production() -> None:
    co_design = score(PLACEMENT, {"where": "co-design"}).sections[0]
    assert "That is what makes it co-production" in " ".join((co_design.message or "").split())


def test_the_ladder_guide_uses_the_same_picture() -> None:
    text = (ROOT / "exercises" / "guides" / "ladder.md").read_text()
    for line in [
        "About people, on the problem: **enquiry**.",
        "About people, on the answer: **consultation**.",
        "With people, on the problem: **participation**.",
        "With people, on the answer: **co-production**.",
        "## Co-design is not yet co-production",
        "describe kinds of co-production, not scores",
    ]:
        assert line in text
    assert "Informing" not in text


def test_the_placement_runs_from_an_answers_file(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("answers: {where: co-design, how-deep: transformation}\n")
    result = runner.invoke(app, ["assess", "placement", "--answers", str(path), "--no-save"])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert "Where this work fits (Co-design):" in flat
    assert "How deep it goes (Transformation):" in flat
