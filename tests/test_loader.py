"""The loader: good files load, bad ones get every problem with its line and column."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coprod_toolkit.errors import FileProblems
from coprod_toolkit.loader import load_exercise
from coprod_toolkit.yamlfile import read_yaml
from tests.conftest import MINIMAL, ROOT, write


def problems(path: Path) -> list[str]:
    with pytest.raises(FileProblems) as caught:
        load_exercise(path)
    return [str(p) for p in caught.value.problems]


def test_minimal_exercise_loads(tmp_path: Path) -> None:
    loaded = load_exercise(write(tmp_path, "tiny.yaml", MINIMAL))
    ex = loaded.exercise
    assert ex.id == "tiny"
    assert [q.id for _, q in ex.questions()] == ["q1", "q2", "q3", "q4", "q5"]
    assert ex.wording(ex.question("q1"), "service") == "We do one thing."  # type: ignore[arg-type]
    assert len(loaded.hash) == 64


def test_the_built_in_exercise_loads_and_is_big_enough() -> None:
    ex = load_exercise(ROOT / "exercises" / "six-principles.yaml").exercise
    assert [s.id for s in ex.sections] == [
        "assets",
        "capabilities",
        "reciprocity",
        "networks",
        "blurring-roles",
        "facilitating",
        "who-takes-part",
        "what-changed",
    ]
    assert set(ex.subjects) == {"me", "service", "organisation", "support", "together"}
    for section in ex.sections:
        scored = [q for q in section.questions if q.type == "scale"]
        texts = [q for q in section.questions if q.type == "text"]
        assert len(scored) >= (4 if section.principle else 3), section.id
        assert len(texts) == 1, section.id
        for q in scored:
            assert isinstance(q.text, dict) and set(q.text) == set(ex.subjects)
    assert [b.label for b in ex.scoring.bands] == ["Early days", "Growing", "Strong"]
    assert all(b.message for b in ex.scoring.bands)


def test_typos_wrong_types_and_bad_ids_are_all_reported_with_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "bad.yaml",
        """
        id: Bad Id
        titel: x
        summary: s
        minutes: ten
        sections:
          - id: a
            title: A
            questions:
              - id: q1
                type: scael
                text: hi
              - id: q2
                type: scale
                scale: {min: 1, max: 5}
                text: t
                revers: true
        """,
    )
    assert problems(path) == [
        f"{path}:1:1: 'title' is missing. Fix: add a line 'title: ...' here.",
        f"{path}:1:5: id: 'Bad Id' is not a usable id. Fix: use only lower-case letters, "
        "digits and single hyphens, like 'assets-1'.",
        f"{path}:2:1: 'titel' is not something coprod knows here. Did you mean 'title'? "
        "Fix: rename it to 'title'.",
        f"{path}:4:10: minutes: this should be a whole number, but it is the text 'ten'. "
        "Fix: write a whole number, like 3.",
        f"{path}:10:15: section 1, question 1: 'scael' is not a question type. "
        "Did you mean 'scale'? Fix: use one of scale, yes_no, choice, multi, text.",
        f"{path}:16:9: section 1, question 2: 'revers' is not something coprod knows here. "
        "Did you mean 'reverse'? Fix: rename it to 'reverse'.",
    ]


def test_cross_field_rules(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "rules.yaml",
        """
        id: rules
        title: Rules
        summary: s
        scoring:
          bands:
            - {min: 0, max: 40, label: A}
            - {min: 40, max: 90, label: B}
        sections:
          - id: a
            title: A
            questions:
              - id: q1
                type: scale
                scale: {min: 5, max: 1}
                text: t
              - id: q2
                type: text
                text: t
                when: {question: q9, equals: 1}
              - id: q2
                type: choice
                text: c
                options: [{value: a, label: A}, {value: b, label: B}]
        """,
    )
    assert problems(path) == [
        f"{path}:7:13: scoring, band 2, min: this band overlaps the one before it (0-40). "
        "Fix: start it at 41, and list bands from lowest to highest.",
        f"{path}:7:22: scoring, band 2, max: scores from 91 to 100 fall in no band. "
        "Fix: end the last band at 100.",
        f"{path}:14:16: section 1, question 1, scale: the scale's max (1) must be above "
        "its min (5). Fix: swap them or correct one.",
        f"{path}:19:26: section 1, question 2, when.question: there is no question 'q9' "
        "before this one. Fix: use the id of an earlier question.",
        f"{path}:20:13: section 1, question 3, id: the question id 'q2' is already used on "
        "line 16. Fix: give each question its own id.",
        f"{path}:23:18: section 1, question 3, options: this choice is in a scored section "
        "but its options have no points. Fix: add 'points:' to each option, or set "
        "'scored: false' on the section.",
    ]


def test_when_pointing_later_and_labels_outside_the_scale(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "later.yaml",
        """
        id: later
        title: Later
        summary: s
        sections:
          - id: a
            title: A
            questions:
              - id: q1
                type: text
                text: t
                when: {question: q2, equals: "yes"}
              - id: q2
                type: scale
                scale: {min: 1, max: 3, labels: {0: Never, 3: Always}}
                text: t
        """,
    )
    assert problems(path) == [
        f"{path}:11:26: section 1, question 1, when.question: 'q2' comes later in the "
        "exercise, so it has no answer yet. Fix: point to a question that comes before this one.",
        f"{path}:14:42: section 1, question 2, scale.labels.0: there is a label for 0, but the "
        "scale runs from 1 to 3. Fix: label only points inside the range.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "{path}: the file is empty. Fix: start from an example exercise file."),
        (
            "- a\n- b\n",
            "{path}:1:1: the file should be made of 'key: value' lines, but it is a list. "
            "Fix: start from an example exercise file.",
        ),
        (
            "id: x\n  title: y\n",
            "{path}:2:8: the YAML cannot be read here: there is a ': ' here that does not "
            "start a new line of 'name: value'. Fix: put the text in quotes, or check the "
            "indentation of this line.",
        ),
        (
            'id: x\ntitle: !!python/object/apply:os.system ["touch pwned"]\n',
            "{path}:2:8: title: the tag '!!python/object/apply:os.system' is not allowed: "
            "coprod files hold only text, numbers, lists and 'key: value' lines, and never run "
            "anything. Fix: remove the tag.",
        ),
        (
            "a: &a [1, 2]\nb: *a\n",
            "{path}:1:4: a: YAML anchors ('&a') are not allowed in coprod files. "
            "Fix: remove the anchor and write the content out in full.",
        ),
        (
            "id: x\nid: y\n",
            "{path}:2:1: id: 'id' appears twice here (first on line 1). "
            "Fix: keep one of them and delete the other.",
        ),
    ],
)
def test_broken_yaml(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path, "broken.yaml", text) if text else tmp_path / "broken.yaml"
    if not text:
        path.write_text("")
    assert problems(path) == [expected.format(path=path)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "id: x\n\ttitle: y\n",
            "2:1: the YAML cannot be read here: a tab is used for indentation here. Fix: indent with spaces, never tabs.",
        ),
        (
            'id: x\ntitle: "open\n',
            "2:8: the YAML cannot be read here: a quote is opened here but never closed. Fix: add the closing quote.",
        ),
        (
            "id: [1, 2\n",
            "2:1: the YAML cannot be read here: a list in square brackets is not closed. Fix: add the closing ']', and separate the items with commas.",
        ),
        (
            "id: x\ntitle y\nz: 1\n",
            "3:1: the YAML cannot be read here: a line here has no ': ' after its name. Fix: write it as 'name: value', or put the text in quotes.",
        ),
    ],
)
def test_yaml_syntax_errors_in_plain_english(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path, "syntax.yaml", "x")
    path.write_text(text)
    assert problems(path) == [f"{path}:{expected}"]


def test_python_tags_never_run(tmp_path: Path) -> None:
    target = tmp_path / "pwned"
    path = write(tmp_path, "evil.yaml", f'id: !!python/object/apply:os.system ["touch {target}"]\n')
    problems(path)
    assert not target.exists()


def test_invalid_utf8_names_the_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("id: x\ntitle: café\n".encode("latin-1"))
    assert problems(path) == [
        f"{path}:2:11: this is not UTF-8 text, so coprod cannot read it. "
        "Fix: save the file again as UTF-8 (most editors offer it under 'Save as')."
    ]


def test_a_folder_and_a_missing_file(tmp_path: Path) -> None:
    assert problems(tmp_path) == [f"{tmp_path}: this is a folder, not a file."]
    missing = tmp_path / "nope.yaml"
    assert problems(missing) == [
        f"{missing}: there is no file here. Fix: check the file's name and folder."
    ]


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    path = write(tmp_path, "bomb.yaml", "\n".join(lines) + "\n")
    start = time.perf_counter()
    found = problems(path)
    assert time.perf_counter() - start < 5  # generous: expanding it would never finish
    assert "anchors" in found[0]


def test_deep_nesting_is_refused_without_crashing(tmp_path: Path) -> None:
    path = write(tmp_path, "deep.yaml", "a: " + "[" * 100_000 + "]" * 100_000 + "\n")
    found = problems(path)
    assert found == [
        f"{path}:1:43: a, item 1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1"
        ".1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1: the file is nested more than "
        "40 levels deep. Fix: an exercise needs only a few levels; check the indentation."
    ]


def test_a_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(50_000_000)
    found = problems(path)
    assert found == [
        f"{path}: the file is 50.0 MB; coprod reads files up to 2 MB. "
        "Fix: check this is the file you meant."
    ]


@pytest.mark.parametrize("tag", ["int", "float"])
def test_a_number_tag_with_no_value_is_a_problem_not_a_crash(tmp_path: Path, tag: str) -> None:
    path = write(tmp_path, "tagged.yaml", f"id: x\ntitle: !!{tag}\n")
    assert problems(path) == [f"{path}:2:8: title: '' cannot be read as {tag}."]


def test_a_number_too_long_for_python_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    digits = "9" * 5000
    path = write(tmp_path, "long.yaml", f"id: x\ntitle: {digits}\n")
    assert problems(path) == [f"{path}:2:8: title: '{digits}' cannot be read as int."]


def test_a_problem_inside_a_repeated_key_names_the_key(tmp_path: Path) -> None:
    path = write(tmp_path, "twice.yaml", "id: x\nsteps: []\nsteps:\n  - a: 1\n    a: 2\n")
    assert problems(path) == [
        f"{path}:3:1: steps: 'steps' appears twice here (first on line 2). "
        "Fix: keep one of them and delete the other.",
        f"{path}:5:5: step 1, a: 'a' appears twice here (first on line 4). "
        "Fix: keep one of them and delete the other.",
    ]


def test_yes_and_no_stay_words(tmp_path: Path) -> None:
    data, _, _ = read_yaml(write(tmp_path, "w.yaml", "a: yes\nb: no\nc: true\nd: 3\n"))
    assert data == {"a": "yes", "b": "no", "c": True, "d": 3}


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=300))
def test_any_text_either_loads_or_raises_the_loaders_own_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "any.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass") if _encodable(text) else None
    if not path.exists():
        return
    with contextlib.suppress(FileProblems):
        load_exercise(path)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=8),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(
                st.sampled_from(["id", "title", "sections", "type", "x"]), inner, max_size=3
            )
        ),
        max_leaves=12,
    )
)
def test_any_yaml_structure_gives_the_loaders_own_error(tmp_path: Path, value: object) -> None:
    import yaml

    path = tmp_path / "structure.yaml"
    path.write_text(yaml.safe_dump({"id": "x", "sections": value}), encoding="utf-8")
    with pytest.raises(FileProblems):
        load_exercise(path)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@settings(max_examples=300, deadline=None)
@given(
    st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.text(max_size=12),
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=4)
        ),
        max_leaves=20,
    )
)
def test_the_quick_reader_agrees_with_the_careful_one(value: object) -> None:
    import yaml

    from coprod_toolkit.yamlfile import _quick_read, _Reader, _Unusual

    text = yaml.safe_dump({"data": value}, allow_unicode=True)
    careful = _Reader("x").read(text)
    try:
        quick = _quick_read(text)
    except _Unusual:
        return  # the careful reader is used instead, as for tags and anchors
    assert quick == careful
