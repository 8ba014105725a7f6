"""Domain errors that carry the source, the problem and the fix."""

from __future__ import annotations


class ExtractionError(Exception):
    """A document could not be processed; the message names the file, the problem and the fix."""

    def __init__(self, source: str, problem: str, hint: str) -> None:
        self.source = source
        self.problem = problem
        self.hint = hint
        super().__init__(f"{source}: {problem}; {hint}")
