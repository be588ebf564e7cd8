"""Resident memory and CPU time of a process tree, sampled in a background thread (Linux
/proc; psutil is not installed). `Bemonsteraar` records (time, RSS in bytes, CPU seconds)
of the process and all its descendants every `interval` seconds, so the peak RSS and the
CPU time used in any time window can be read afterwards (per pipeline stage). CPU
seconds (user + system, including children that ended) matter on a shared machine:
wall time there depends on what else runs."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

PAGINA = os.sysconf("SC_PAGE_SIZE")


def _kinderen() -> dict[int, list[int]]:
    boom: dict[int, list[int]] = {}
    for p in Path("/proc").iterdir():
        if not p.name.isdigit():
            continue
        try:
            stat = (p / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        boom.setdefault(ppid, []).append(int(p.name))
    return boom


TIK = os.sysconf("SC_CLK_TCK")


def meet_boom(pid: int) -> tuple[int, float]:
    """(RSS in bytes, CPU seconds) of `pid` and all its descendants (now); CPU includes
    the children each process has waited for."""
    boom = _kinderen()
    rss, cpu, open_ = 0, 0, [pid]
    while open_:
        p = open_.pop()
        try:
            rss += int(Path(f"/proc/{p}/statm").read_text().split()[1]) * PAGINA
            velden = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            cpu += sum(int(v) for v in velden[11:15])  # utime stime cutime cstime
        except OSError:
            pass
        open_.extend(boom.get(p, ()))
    return rss, cpu / TIK


def rss_boom(pid: int) -> int:
    """RSS in bytes of `pid` and all its descendants (now)."""
    return meet_boom(pid)[0]


class Bemonsteraar:
    def __init__(self, pid: int | None = None, interval: float = 0.2):
        self.pid, self.interval = pid or os.getpid(), interval
        self.monsters: list[tuple[float, int, float]] = []
        self._stop = threading.Event()
        self._draad = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.monsters.append((time.time(), *meet_boom(self.pid)))
            self._stop.wait(self.interval)

    def __enter__(self) -> "Bemonsteraar":
        self._draad.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._draad.join()
        self.monsters.append((time.time(), *meet_boom(self.pid)))

    def piek(self, van: float = 0.0, tot: float = float("inf")) -> int:
        """Highest sampled RSS in [van, tot] (bytes); 0 when no sample falls in it."""
        return max((r for t, r, _c in self.monsters if van <= t <= tot), default=0)

    def cpu(self, van: float = 0.0, tot: float = float("inf")) -> float:
        """CPU seconds used in [van, tot]: from the last sample at or before van to the
        first at or after tot (so a window shorter than the interval still counts)."""
        voor = [c for t, _r, c in self.monsters if t <= van]
        na = [c for t, _r, c in self.monsters if t >= tot]
        begin = voor[-1] if voor else (self.monsters[0][2] if self.monsters else 0.0)
        eind = na[0] if na else (self.monsters[-1][2] if self.monsters else 0.0)
        return max(0.0, eind - begin)
