"""A time limit on one piece of work in the current thread: past it, the work is interrupted.

The runner gives each document's parse and each of its stages ``Settings.time_limit`` seconds. A
stage is plain Python run in the worker's own thread (the main thread of a local worker process,
a thread of a Dask worker, a Ray actor's thread, or the ingesting process itself with ``jobs=1``),
so it cannot be killed from outside without losing the worker and every document of its batch.
Instead a watchdog thread raises :class:`TimeLimitExceeded` *inside* the overrunning thread
(CPython's ``PyThreadState_SetAsyncExc``, which works in any thread, where ``SIGALRM`` works only in
the main one). The exception unwinds the stage like any other: ``finally`` blocks and ``with``
statements run, nothing the stage was building is kept, and the next document starts clean. What
stages share between documents (lexicons, the model) is read-only once loaded, and a loader
interrupted half-way has cached nothing.

The exception is raised when the thread next runs Python code: a single C call that never returns
(a regular expression backtracking without end) cannot be interrupted this way. The fuzz suite
(``tests/test_fuzz.py``, ``bench/fuzz.py``) is what keeps such calls out of the stages.
"""

from __future__ import annotations

import ctypes
import os
import threading
import time


class TimeLimitExceeded(BaseException):
    """Raised inside work that ran past its time limit.

    A ``BaseException``, as ``KeyboardInterrupt`` is, so that a stage's own ``except Exception``
    cannot swallow it and carry on."""


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    """Raise ``exc`` in thread ``thread_id`` when it next runs Python code (``None``: cancel one
    that is still pending)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None)


# How often the watchdog looks at the clock: limits are seconds to minutes, so a tenth of a second
# late is nothing, and an idle process pays five wake-ups a second.
_TICK = 0.1
_IDLE_TICK = 0.2


class _Watchdog:
    """One thread per process that interrupts the threads whose deadline has passed.

    The exception may arrive anywhere in the interrupted thread's Python code, including this
    class's: so that it can never leave a lock held, the threads share only a C lock (whose
    ``with`` cannot be interrupted half-way) and single dictionary and set operations; the watchdog
    polls rather than being woken (waking it would take a ``Condition``, written in Python)."""

    def __init__(self) -> None:
        self.pid = os.getpid()
        self._lock = threading.Lock()
        self._deadlines: dict[int, float] = {}  # thread id → time.monotonic() deadline
        self._fired: set[int] = set()
        threading.Thread(target=self._watch, name="dateline-time-limit", daemon=True).start()

    def arm(self, thread_id: int, deadline: float) -> None:
        with self._lock:
            if thread_id in self._deadlines:
                raise RuntimeError("time limits do not nest")
            # Left over when the last limit's exception arrived before that limit was disarmed.
            self._fired.discard(thread_id)
            self._deadlines[thread_id] = deadline

    def disarm(self, thread_id: int) -> bool:
        """Stop watching ``thread_id``; True if its limit was reached."""
        with self._lock:
            self._deadlines.pop(thread_id, None)
            if thread_id not in self._fired:
                return False
            self._fired.discard(thread_id)
            # The work may have ended between the watchdog's call and the exception being raised:
            # cancel it, or it would surface later, in code that has no limit.
            _raise_in(thread_id, None)
            return True

    def _watch(self) -> None:
        while True:
            with self._lock:
                now = time.monotonic()
                for thread_id in [t for t, deadline in self._deadlines.items() if deadline <= now]:
                    del self._deadlines[thread_id]
                    self._fired.add(thread_id)
                    _raise_in(thread_id, TimeLimitExceeded)
                busy = bool(self._deadlines)
            time.sleep(_TICK if busy else _IDLE_TICK)


_watchdog: _Watchdog | None = None
_lock = threading.Lock()


def _current() -> _Watchdog:
    global _watchdog
    with _lock:
        # A forked child inherits the object but not its thread: it needs a watchdog of its own.
        if _watchdog is None or _watchdog.pid != os.getpid():
            _watchdog = _Watchdog()
        return _watchdog


class time_limit:  # lower case: it reads as a statement, ``with time_limit(seconds):``
    """Interrupt the body of the ``with`` statement with :class:`TimeLimitExceeded` once it has run
    ``seconds`` (``None`` or 0: no limit). Catch the exception around the ``with`` statement, not
    inside it. Limits do not nest within one thread."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self._watchdog: _Watchdog | None = None
        self._thread_id = 0

    def __enter__(self) -> None:
        if self.seconds and self.seconds > 0:
            self._watchdog = _current()
            self._thread_id = threading.get_ident()
            self._watchdog.arm(self._thread_id, time.monotonic() + self.seconds)

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        if self._watchdog is not None and self._watchdog.disarm(self._thread_id) and kind is None:
            # Reached, and the body returned before the exception arrived: the limit still holds.
            raise TimeLimitExceeded
