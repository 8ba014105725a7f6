"""The HTML pages' template environment: Jinja2 with autoescape on, templates in templates/."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jinja2 import Environment

TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def environment() -> Environment:
    """The shared environment: every value is HTML-escaped unless a template says otherwise."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def render_page(template: str, **context: Any) -> str:
    """Render one template of templates/ with the given values (escaped)."""
    return environment().get_template(template).render(**context)
