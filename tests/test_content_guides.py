"""The guides carry the source material's substance, and say where it comes from."""

from __future__ import annotations

import re

import pytest

from coprod_toolkit.catalog import builtin_dir
from coprod_toolkit.guides import load_guide

GUIDES = {p.stem: load_guide(p) for p in sorted((builtin_dir() / "guides").glob("*.md"))}
SOURCES = "## Where these ideas come from"

# Every year a guide may mention: the years the source material itself gives for the
# publications it names. A year outside this list is a year someone made up.
SOURCE_YEARS = {"2006", "2007", "2008", "2009", "2012", "2014", "2016", "2018", "2019", "2022"}


def everything() -> str:
    return " ".join(" ".join(g.body.split()) for g in GUIDES.values())


@pytest.mark.parametrize("topic", sorted(GUIDES))
def test_every_guide_ends_with_where_its_ideas_come_from(topic: str) -> None:
    body = GUIDES[topic].body
    assert SOURCES in body, topic
    tail = body[body.index(SOURCES) + len(SOURCES) :]
    assert "\n## " not in tail, "the sources come last"
    assert len(tail.split()) >= 10
    assert "http" not in tail and "www." not in tail


@pytest.mark.parametrize("topic", sorted(GUIDES))
def test_no_guide_gives_a_year_the_sources_do_not(topic: str) -> None:
    years = set(re.findall(r"\b(?:19|20)\d\d\b", GUIDES[topic].body))
    assert years <= SOURCE_YEARS, (topic, years - SOURCE_YEARS)


@pytest.mark.parametrize(
    ("guide", "substance"),
    [
        # what it is, and is not
        ("what-it-is", "Not peer support on its own"),
        ("networks", "Peer support is not the whole of co-production"),
        ("what-it-is", "leave people worse off"),
        ("what-it-is", "Three ways the word is used"),
        ("what-it-is", "Not a buzzword"),
        ("what-it-is", "better lives, not only better services"),
        ("what-it-is", "About one person, and about a whole service"),
        ("principles", "principles and the sharing of power work together"),
        # evidence, money and limits
        ("benefits-and-limits", "social return on investment"),
        ("benefits-and-limits", "does not cost more"),
        ("benefits-and-limits", "How strong is the evidence?"),
        ("benefits-and-limits", "some studies have found it can leave people worse off"),
        ("benefits-and-limits", "Different work for staff"),
        ("benefits-and-limits", "not only the right thing to do"),
        # law and policy
        ("policy", "The Care Act 2014"),
        ("policy", "Care Quality Commission"),
        ("policy", "Putting People First"),
        ("policy", "nothing about us without us"),
        ("policy", "was that policy itself co-produced"),
        # language
        ("language", "stereotypes in both directions"),
        ("language", "only people who speak can take part"),
        ("language", "refuses to engage"),
        # who takes part
        ("who-takes-part", "communicate without speech"),
        ("who-takes-part", "not eligible"),
        ("who-takes-part", "after a meeting as well as during it"),
        # the principles
        ("reciprocity", "shapes the balance of power"),
        ("blurring-roles", "medical model"),
        ("capabilities", "at school or college, at work"),
        ("facilitating", "a life beyond illness"),
        ("assets", "Staff have assets too"),
        # where it fits
        ("ladder", "Co-design is not yet co-production"),
        ("co-design", "co-creation"),
        ("when-to", "Any one warning sign is enough"),
    ],
)
def test_the_sources_substance_is_in_the_guides(guide: str, substance: str) -> None:
    assert substance in " ".join(GUIDES[guide].body.split())


def test_the_guides_name_the_framework_the_assessment_follows() -> None:
    text = " ".join(GUIDES["principles"].body.split())
    assert "Think Local Act Personal" in text
    assert "National Institute for Health and Care Excellence" in text
