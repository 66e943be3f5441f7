"""Problem and Choice are written out by hand (so that importing them does not load
dataclasses): they must behave as the frozen dataclasses they replace."""

from __future__ import annotations

import copy
import pickle

import pytest

from coprod_toolkit.errors import Problem
from coprod_toolkit.i18n import Choice


def test_a_problem_is_a_frozen_value_whose_kind_is_not_compared() -> None:
    one = Problem("a.yaml", 3, 1, "title", "the title is empty")
    same = Problem("a.yaml", 3, 1, "title", "the title is empty", "error", "yaml")
    assert one == same and hash(one) == hash(same)
    assert one != Problem("a.yaml", 3, 1, "title", "the title is empty", "warning")
    assert one != ("a.yaml", 3, 1, "title", "the title is empty", "error")
    assert len({one, same}) == 1
    assert repr(same) == (
        "Problem(path='a.yaml', line=3, column=1, where='title', "
        "message='the title is empty', severity='error', kind='yaml')"
    )
    with pytest.raises(AttributeError):
        one.line = 4
    with pytest.raises(AttributeError):
        del one.message
    for copied in (pickle.loads(pickle.dumps(same)), copy.deepcopy(same), copy.copy(same)):
        assert copied == same and copied.kind == "yaml"
    match same:
        case Problem(path, line, column):
            assert (path, line, column) == ("a.yaml", 3, 1)


def test_a_choice_is_a_frozen_value() -> None:
    choice = Choice("cy", "--lang", "cy")
    assert choice == Choice("cy", "--lang", "cy", None)
    assert hash(choice) == hash(Choice("cy", "--lang", "cy"))
    assert choice != Choice("cy", "COPROD_LANG", "cy")
    assert repr(choice) == "Choice(language='cy', source='--lang', asked='cy', warning=None)"
    with pytest.raises(AttributeError):
        choice.language = "en"
