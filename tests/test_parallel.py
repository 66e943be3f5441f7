"""parallel_map: the same results, in the same order, as a plain loop, whatever its copies do."""

from __future__ import annotations

import os

import pytest

from coprod_toolkit import parallel
from coprod_toolkit.parallel import parallel_map

PARENT = os.getpid()


def square(n: int) -> int:
    return n * n


def fails_at_150(n: int) -> int:
    if n == 150:
        raise ValueError("one hundred and fifty")
    return n


def copies_crash(n: int) -> int:
    if os.getpid() != PARENT:
        os._exit(3)
    return n


def unpicklable(n: int) -> object:
    return (lambda: n) if os.getpid() != PARENT else n


@pytest.fixture(params=[2, 3, 8])
def cores(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(os, "cpu_count", lambda: request.param)
    return int(request.param)


def no_copies_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_results_keep_their_order(cores: int) -> None:
    items = list(range(203))
    assert parallel_map(square, items, 64) == [n * n for n in items]
    assert no_copies_left()


def test_few_items_stay_in_this_process(cores: int) -> None:
    assert parallel_map(copies_crash, list(range(10)), 64) == list(range(10))


def test_an_error_in_a_copys_share_is_raised_here(cores: int) -> None:
    with pytest.raises(ValueError, match="one hundred and fifty"):
        parallel_map(fails_at_150, list(range(200)), 64)
    assert no_copies_left()


def test_an_error_in_this_process_share_stops_the_copies(cores: int) -> None:
    with pytest.raises(ValueError, match="one hundred and fifty"):
        parallel_map(fails_at_150, list(range(151, -1, -1)) + list(range(500, 1000)), 64)
    assert no_copies_left()


def test_a_copy_that_dies_or_cannot_send_its_results_is_made_up_for(cores: int) -> None:
    assert parallel_map(copies_crash, list(range(100)), 64) == list(range(100))
    assert parallel_map(unpicklable, list(range(100)), 64) == list(range(100))
    assert no_copies_left()


def test_without_fork_a_pool_of_fresh_workers_shares_the_list(
    cores: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    used: list[int] = []

    def pool_map(function: object, items: list[int], workers: int) -> list[int]:
        used.append(workers)
        return [n * n for n in items]

    monkeypatch.delattr(os, "fork")
    monkeypatch.setattr(parallel, "_pool_map", pool_map)
    assert parallel_map(square, list(range(100)), 64) == [n * n for n in range(100)]
    assert used == [cores]


def test_the_pool_of_fresh_workers_keeps_the_order() -> None:
    assert parallel._pool_map(square, list(range(100)), 2) == [n * n for n in range(100)]


def test_when_fork_fails_the_share_is_worked_through_here(
    cores: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_fork() -> int:
        raise OSError("no more processes")

    monkeypatch.setattr(parallel.os, "fork", no_fork)
    assert parallel_map(square, list(range(100)), 64) == [n * n for n in range(100)]
