"""Where the templates live, installed or in a checkout, and the Jinja2 environments."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError, select_autoescape

from .errors import BuildError
from .i18n import language
from .open_points import marker_function


def template_root() -> Path:
    return Path(str(resources.files("complaints.templates")))


def html_dir() -> Path:
    return template_root() / "html"


def docx_dir() -> Path:
    return template_root() / "docx"


def _capfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


@functools.cache
def html_environment(code: str) -> Environment:
    """One environment per language: gettext is bound to its catalog at install time."""
    lang = language(code)
    environment = Environment(
        loader=FileSystemLoader(html_dir()),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # The language's own callables: a count of exactly one may read its own message (i18n.EXACTLY_ONE).
    environment.install_gettext_callables(  # type: ignore[attr-defined]  # added by the i18n extension
        lang.gettext, lang.ngettext, newstyle=True,
        pgettext=lang.pgettext, npgettext=lang.npgettext)
    environment.filters["number"] = lang.number
    environment.filters["capfirst"] = _capfirst
    environment.globals["to_complete"] = marker_function(lang)
    return environment


def render_html(code: str, template: str, context: dict) -> str:
    try:
        return html_environment(code).get_template(template).render(context)
    except TemplateError as error:
        line = getattr(error, "lineno", None)
        raise BuildError(f"templates/html/{template}{f':{line}' if line else ''}: {error}") from None
