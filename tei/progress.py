"""A progress line for long builds on a terminal: counts, rate, time left. Silent when not a terminal."""
from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, enabled: bool, stream=None, min_interval: float = 0.1):
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.start = time.monotonic()
        self.last = 0.0
        self.min_interval = min_interval
        self.shown = False

    def update(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.last < self.min_interval and done < total:
            return
        self.last = now
        elapsed = max(now - self.start, 1e-9)
        rate = done / elapsed
        left = (total - done) / rate if rate > 0 else 0
        width = 30
        filled = int(width * done / total) if total else width
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(f"\r[{bar}] {done}/{total} documents, {rate:.1f}/s, {left:.0f} s left ")
        self.stream.flush()
        self.shown = True

    def echo(self, line: str) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
        self.stream.write(line + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()
            self.shown = False
