"""Sharing a long list of files between the machine's cores."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def parallel_map(function: Callable[[T], R], items: Sequence[T], threshold: int = 64) -> list[R]:
    """`[function(item) for item in items]`, on several cores once there are many items.

    The list is cut into one share per core. This process works through the first
    share itself while a forked copy of it works through each of the others and
    sends back its results, pickled, through a pipe. That costs far less than a
    pool of worker processes (no multiprocessing to import, no process idle while
    the others work, no items pickled on the way out), which matters when the
    whole job takes under a second (exercise validate on 1,000 files, issue 15).

    Results keep the order of `items`. A share whose copy fails (an error, a
    crash, no more processes) is worked through here instead, so an error is
    raised here, just as it would be without the copies. Where there is no fork
    (Windows), a pool of fresh worker processes shares the list.
    """
    workers = min(os.cpu_count() or 1, 8)
    if len(items) < threshold or workers < 2:
        return [function(item) for item in items]
    if not hasattr(os, "fork"):
        return _pool_map(function, items, workers)
    size = -(-len(items) // workers)  # rounded up: at most one share per core
    shares = [items[start : start + size] for start in range(0, len(items), size)]
    # The first item is done before forking: whatever it loads on first use (modules,
    # pydantic's validators) is then loaded once, not again in every copy.
    results = [function(shares[0][0])]
    waiting = [(_start(function, share), share) for share in shares[1:]]
    try:
        results.extend(function(item) for item in shares[0][1:])
        while waiting:
            copy, share = waiting.pop(0)
            done = _collect(copy, len(share)) if copy is not None else None
            results.extend(done if done is not None else [function(item) for item in share])
        return results
    finally:
        for copy, _share in waiting:  # left only when this process met an error
            if copy is not None:
                _stop(*copy)


def _start(function: Callable[[T], R], share: Sequence[T]) -> tuple[int, int] | None:
    """Fork a copy of this process to work through `share`: (its process id, the end of
    the pipe its results come through), or None if there can be no copy."""
    import pickle

    try:
        read, write = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return None
    if pid:
        os.close(write)
        return pid, read
    # The copy. Whatever happens, it leaves by os._exit: it never returns into the
    # caller, runs this process's clean-up or flushes its output a second time.
    code = 1
    try:
        os.close(read)
        data = pickle.dumps([function(item) for item in share], pickle.HIGHEST_PROTOCOL)
        with open(write, "wb") as pipe:
            pipe.write(data)
        code = 0
    finally:
        os._exit(code)


def _collect(copy: tuple[int, int], count: int) -> list[Any] | None:
    """A copy's results, once it has finished; None if it failed."""
    import pickle

    pid, read = copy
    try:
        with open(read, "rb") as pipe:
            data = pipe.read()
    except BaseException:
        _stop(pid, None)
        raise
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return None
    try:
        results = pickle.loads(data)
    except Exception:  # damaged on the way: work the share out here instead
        return None
    return results if isinstance(results, list) and len(results) == count else None


def _stop(pid: int, read: int | None) -> None:
    """End a copy whose results are no longer wanted (this process met an error)."""
    import signal

    try:
        if read is not None:
            os.close(read)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except OSError:
        pass


def _pool_map(function: Callable[[T], R], items: Sequence[T], workers: int) -> list[R]:
    """parallel_map where processes cannot be forked: each worker starts afresh."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, len(items) // (workers * 4))
    try:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            return list(pool.map(function, items, chunksize=chunk))
    except OSError:
        return [function(item) for item in items]
