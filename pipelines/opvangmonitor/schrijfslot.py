"""One writer at a time: an exclusive file lock next to the warehouse.

DuckDB allows a single writing process. Every step that writes the warehouse holds this
lock; a second load waits for it (with a message) instead of failing on DuckDB's own
lock. The lock is re-entrant within a process, so a whole run may hold it while its
steps take it again.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from opvangmonitor.paden import lock_file

_lokaal = threading.Lock()
_gehouden: dict[Path, tuple[int, int]] = {}  # lock path -> (fd, depth)


@contextmanager
def schrijfslot(warehouse: Path, melding: Callable[[str], None] | None = None) -> Iterator[None]:
    pad = lock_file(Path(warehouse)).resolve()
    with _lokaal:
        if pad in _gehouden:
            fd, diepte = _gehouden[pad]
            _gehouden[pad] = (fd, diepte + 1)
            nieuw = False
        else:
            nieuw = True
    if nieuw:
        pad.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(pad, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if melding:
                melding(f"Wacht op een andere load die het warehouse {warehouse} beschrijft …")
            begin = time.monotonic()
            fcntl.flock(fd, fcntl.LOCK_EX)
            if melding:
                melding(f"Schrijfslot verkregen na {time.monotonic() - begin:.1f} s.")
        with _lokaal:
            _gehouden[pad] = (fd, 1)
    try:
        yield
    finally:
        with _lokaal:
            fd, diepte = _gehouden[pad]
            if diepte > 1:
                _gehouden[pad] = (fd, diepte - 1)
            else:
                del _gehouden[pad]
                fcntl.flock(fd, fcntl.LOCK_UN)
                os.close(fd)
