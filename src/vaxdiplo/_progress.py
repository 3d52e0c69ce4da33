"""The command line's progress bar (rich): documents, events, documents per second and
the time left, drawn on standard error only when it is a terminal."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

__all__ = ["Progress"]


def _columns() -> tuple[Any, ...]:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        ProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Speed(ProgressColumn):
        def render(self, task: Any) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f} docs/s" if speed else "- docs/s")

    return (
        TextColumn("documents"),
        MofNCompleteColumn(),
        BarColumn(),
        TextColumn("{task.fields[events]} events"),
        TextColumn("{task.fields[failures]} failures"),
        Speed(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )


class Progress:
    """Counts documents, events and failures; draws them when ``stderr`` is a terminal.

    Args:
        total: How many documents are expected, or a function counting them (called
            only when a bar is drawn); None: unknown, no time left shown.
        enabled: False to draw nothing (``--quiet``).
        start: The counts a resumed run begins with.
    """

    def __init__(
        self,
        total: int | Callable[[], int | None] | None,
        *,
        enabled: bool = True,
        start: tuple[int, int, int] = (0, 0, 0),
    ) -> None:
        from rich.console import Console

        self.documents, self.events, self.failures = start
        self._resumed = start[0]
        self.started = time.perf_counter()
        self.console = Console(stderr=True, highlight=False)
        self._bar: Any = None
        if enabled and self.console.is_terminal:
            from rich.progress import Progress as RichProgress

            if callable(total):
                total = total()
            self._bar = RichProgress(*_columns(), console=self.console, transient=False)
            self._task = self._bar.add_task(
                "extract", total=total, events=self.events, failures=self.failures
            )

    def __enter__(self) -> Progress:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def advance(self, events: int, failed: bool) -> None:
        self.documents += 1
        self.events += events
        self.failures += failed
        if self._bar is not None:
            self._bar.update(self._task, advance=1, events=self.events, failures=self.failures)

    def note(self, line: str) -> None:
        """Print a line on standard error (above the bar when one is drawn)."""
        if self._bar is not None:
            self.console.print(line, markup=False, soft_wrap=True)
        else:
            print(line, file=sys.stderr)

    def summary(self) -> str:
        seconds = time.perf_counter() - self.started
        rate = (self.documents - self._resumed) / seconds if seconds > 0 else 0.0
        return (
            f"{self.documents} documents, {self.events} events, {self.failures} failures "
            f"({seconds:.1f} s, {rate:.1f} documents/s)"
        )
