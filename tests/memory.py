"""How much memory one request costs: in-process (tests) and in a real server (`make fuzz`).

In-process, `python_peak` uses **tracemalloc's peak**, not RSS. The app runs inside the test
process (TestClient's portal thread and the thread pool), so the process RSS also holds pytest,
OpenFisca and every earlier test, and the allocator keeps memory freed by earlier tests: a
request that allocates 500 MB may reuse freed arenas and hardly move RSS, and a peak between two
RSS samples can be missed. tracemalloc counts every Python allocation of every thread (numpy's
arrays included, numpy reports them) exactly and its peak cannot be missed; it does not see C
libraries that allocate on their own (libyaml, expat), which is why the real-server figure below
uses RSS. Its cost (Python code runs about 2× slower while tracing) does not matter to a test.

For a real server, `ServerMemory` samples the resident memory of the server process **and its
children** (uvicorn `--workers N` or `klaverblad serve --workers N`) with psutil every 2 ms in a
thread, and, on Linux, also resets and reads the kernel's high-water mark (VmHWM, via
/proc/PID/clear_refs) of each process, which catches a peak shorter than the sampling interval.
The growth is the peak over the RSS at the start. Optionally it kills the server when it grows
past a ceiling (a bomb that would exhaust the machine is then reported, not suffered).
"""

from __future__ import annotations

import threading
import time
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psutil

MEGABYTE = 1024 * 1024


@dataclass
class Growth:
    """Peak memory growth in bytes of what ran inside the `with` block."""

    peak_bytes: int = 0
    killed: bool = False  # ServerMemory: the server passed the ceiling and was killed

    @property
    def peak_mb(self) -> float:
        return self.peak_bytes / MEGABYTE


@contextmanager
def python_peak() -> Iterator[Growth]:
    """The peak of Python allocations during the block over those alive at its start.

    >>> with python_peak() as growth:
    ...     block = bytearray(20 * MEGABYTE)
    ...     del block
    >>> 19 < growth.peak_mb < 25
    True
    """
    growth = Growth()
    was_tracing = tracemalloc.is_tracing()
    if not was_tracing:
        tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        start, _ = tracemalloc.get_traced_memory()
        yield growth
        _, peak = tracemalloc.get_traced_memory()
        growth.peak_bytes = max(0, peak - start)
    finally:
        if not was_tracing:
            tracemalloc.stop()


def _processes(pid: int) -> list[psutil.Process]:
    try:
        root = psutil.Process(pid)
        return [root, *root.children(recursive=True)]
    except psutil.Error:
        return []


def _rss(processes: list[psutil.Process]) -> int:
    total = 0
    for process in processes:
        try:
            total += process.memory_info().rss
        except psutil.Error:
            continue
    return total


def _reset_high_water(processes: list[psutil.Process]) -> bool:
    """Reset each process's VmHWM to its current RSS (Linux ≥ 4.0); False where it cannot."""
    done = True
    for process in processes:
        try:
            Path(f"/proc/{process.pid}/clear_refs").write_text("5")
        except OSError:
            done = False
    return done


def _high_water(processes: list[psutil.Process]) -> int:
    total = 0
    for process in processes:
        try:
            for line in Path(f"/proc/{process.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1]) * 1024
        except (OSError, ValueError):
            continue
    return total


class ServerMemory:
    """Peak RSS growth of process `pid` and its children while the `with` block runs.

    `interval`: seconds between samples; `ceiling`: bytes of growth past which the whole
    process tree is killed (SIGKILL), `Growth.killed` then True; None: never."""

    def __init__(self, pid: int, interval: float = 0.002, ceiling: int | None = None) -> None:
        self.pid = pid
        self.interval = interval
        self.ceiling = ceiling
        self.growth = Growth()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._processes: list[psutil.Process] = []
        self._baseline = 0
        self._peak = 0
        self._high_water = False

    def __enter__(self) -> Growth:
        self._processes = _processes(self.pid)
        self._baseline = self._peak = _rss(self._processes)
        self._high_water = _reset_high_water(self._processes)
        self._thread = threading.Thread(target=self._sample, name="rss-sampler", daemon=True)
        self._thread.start()
        return self.growth

    def _sample(self) -> None:
        refreshed = time.monotonic()
        while not self._stop.is_set():
            now = time.monotonic()
            if now - refreshed > 0.1:  # children come and go (workers restart)
                self._processes = _processes(self.pid) or self._processes
                refreshed = now
            rss = _rss(self._processes)
            self._peak = max(self._peak, rss)
            if self.ceiling is not None and rss - self._baseline > self.ceiling:
                self.kill()
                return
            self._stop.wait(self.interval)

    def kill(self) -> None:
        """SIGKILL the server and its children (only processes of this server's tree)."""
        self.growth.killed = True
        for process in reversed(self._processes):
            try:
                process.kill()
            except psutil.Error:
                continue

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
        peak = max(self._peak, _rss(self._processes))
        if self._high_water and not self.growth.killed:
            peak = max(peak, _high_water(self._processes))
        self.growth.peak_bytes = max(0, peak - self._baseline)
