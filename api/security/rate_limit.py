"""A fixed-window counter of requests made without a valid API key, per client address and in all.

Such requests cannot be attributed to anyone, yet each would add an audit row: past the limit they
are refused with 429 before any work, and only the first refusal of each window is logged.
"""

from __future__ import annotations

import threading
import time

__all__ = ["KeylessLimiter"]


class KeylessLimiter:
    """``check(address)`` -> ``"ok"``, ``"first-refusal"`` or ``"refused"`` for this minute's window."""

    def __init__(self, per_address: int = 30, in_all: int = 300, window_s: float = 60.0) -> None:
        self.per_address, self.in_all, self.window_s = per_address, in_all, window_s
        self._lock = threading.Lock()
        self._window = 0
        self._counts: dict[str, int] = {}
        self._total = 0
        self._refused: set[str] = set()

    def check(self, address: str) -> str:
        with self._lock:
            window = int(time.monotonic() // self.window_s)
            if window != self._window:
                self._window, self._counts, self._total, self._refused = window, {}, 0, set()
            count = self._counts.get(address, 0)
            if count >= self.per_address or self._total >= self.in_all:
                if address in self._refused:
                    return "refused"
                self._refused.add(address)
                return "first-refusal"
            self._counts[address] = count + 1
            self._total += 1
            return "ok"
