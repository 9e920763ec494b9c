"""Run one function in a forked child process and collect its (picklable) result.

Used to render one part of a large SDK on a second core while the parent renders the rest.
Fork copies the finished IR for free (copy on write); the result comes back pickled through
a pipe. Only where fork is safe: POSIX with `os.fork`, and no other thread alive (a thread
holding a lock at the fork would leave the child's copy of the lock held forever).
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from typing import Generic, TypeVar

from generator.errors import SdkgenError

T = TypeVar("T")


def available() -> bool:
    """Whether `Forked` may run here: Linux-like fork, two or more CPUs for this process,
    and this thread the only one."""
    if not hasattr(os, "fork") or sys.platform == "darwin" or threading.active_count() != 1:
        return False
    return _cpus() >= 2


def idle_cpu() -> bool:
    """Whether a CPU is likely free for a child: the 1-minute load average (this process
    included) at least half a CPU below the CPUs this process may use. On a busy machine the
    child only competes with other work: measured slower in wall and CPU (BENCHMARKS.md)."""
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):
        return False
    return load <= _cpus() - 0.5  # 2 CPUs: up to 1.5 (this run about 1 of it)


def _cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class Forked(Generic[T]):
    """`fn()` running in a child process from construction until `result()` (or `cancel()`)."""

    def __init__(self, fn: Callable[[], T]) -> None:
        read, write = os.pipe()
        # The child's garbage collector leaves the parent's objects alone: a collection that
        # visited them would write to (and so copy) every page of the inherited heap.
        gc.freeze()
        pid = os.fork()
        if pid == 0:  # the child: never returns into the caller's code
            os.close(read)
            _child(fn, write)
        gc.unfreeze()
        os.close(write)
        self._pid: int | None = pid
        self._read = read

    def result(self) -> T:
        """Wait for the child; its return value, or its exception raised here."""
        with os.fdopen(self._read, "rb") as pipe:
            try:
                ok, value = pickle.load(pipe)  # from the pipe: no copy of the whole payload
            except (EOFError, pickle.UnpicklingError):  # nothing, or a torn payload
                ok, value = None, None
        assert self._pid is not None
        _, status = os.waitpid(self._pid, 0)
        self._pid = None
        if ok is None:
            raise SdkgenError(f"internal error: the render worker died ({_describe(status)})")
        if not ok:
            raise value
        return value  # type: ignore[no-any-return]

    def cancel(self) -> None:
        """Stop the child if it still runs (the parent failed or was interrupted)."""
        if self._pid is None:
            return
        try:
            os.kill(self._pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self._pid, 0)
        self._pid = None
        os.close(self._read)


def _child(fn: Callable[[], T], write: int) -> None:
    code = 0
    try:
        try:
            payload = pickle.dumps((True, fn()), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as exc:  # handed to the parent, which raises it
            payload = pickle.dumps((False, _portable(exc)), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write, "wb") as pipe:
            pipe.write(payload)
    except BaseException:
        code = 1
    finally:
        # No atexit handlers, no buffered output of the parent flushed twice, no `finally`
        # blocks of the caller run in the child.
        os._exit(code)


def _portable(exc: BaseException) -> BaseException:
    """`exc` if it survives pickling, else an equivalent that does; with the child's traceback."""
    if isinstance(exc, SdkgenError) and type(exc) is not SdkgenError:
        # Subclasses with their own __init__ (SpecError) do not unpickle from their args.
        try:
            pickle.loads(pickle.dumps(exc))
        except Exception:
            return SdkgenError(str(exc))
        return exc
    if isinstance(exc, SdkgenError | KeyboardInterrupt | RecursionError | MemoryError):
        return exc
    text = "".join(traceback.format_exception(exc))
    return RuntimeError(f"in the render worker:\n{text}")


def _describe(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"signal {os.WTERMSIG(status)}"
    return f"exit status {os.waitstatus_to_exitcode(status)}"
