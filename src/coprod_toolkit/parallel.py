"""Sharing a long list of files between the machine's cores."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def parallel_map(function: Callable[[T], R], items: Sequence[T], threshold: int = 64) -> list[R]:
    """`[function(item) for item in items]`, on several cores once there are many items.

    `function` must be a module-level function (it is sent to other processes).
    Results keep the order of `items`. Where no processes can be had, it simply
    works through the list itself.
    """
    workers = min(os.cpu_count() or 1, 8)
    if len(items) < threshold or workers < 2:
        return [function(item) for item in items]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    chunk = max(1, len(items) // (workers * 4))
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method)) as pool:
            return list(pool.map(function, items, chunksize=chunk))
    except OSError:
        return [function(item) for item in items]
