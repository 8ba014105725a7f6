"""Errors raised by the pipeline (inputs, configuration): each names the problem and the fix."""

from __future__ import annotations


class PipelineError(Exception):
    """A run cannot proceed; the message says what is wrong and what to do about it."""

    def __init__(self, problem: str, hint: str) -> None:
        self.problem = problem
        self.hint = hint
        super().__init__(f"{problem}; {hint}")
