"""Where the templates live, installed or in a checkout, and the Jinja2 environments."""

from __future__ import annotations

import functools
import re
from importlib import resources
from pathlib import Path

from babel.dates import get_month_names
from babel.lists import format_list
from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError, select_autoescape
from markupsafe import Markup, escape

from .errors import BuildError
from .i18n import language, languages
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
    # "a, b and c" as the language joins a list; each item escaped once, the joined list markup.
    environment.filters["and_list"] = lambda items: Markup(format_list([str(escape(i)) for i in items], locale=code))
    environment.globals["to_complete"] = marker_function(lang)
    environment.globals["signature_inline"] = lang.signature_inline
    return environment


# Line breaks the typesetting must not make, in the text of the body (hand-written: the fonts have no
# non-breaking hyphen, U+2011, and CSS has no rule for either case):
# - after the hyphen that attaches a Kazakh ending to an abbreviation or a number ("БҰҰ-ның",
#   "ЕҚЫҰ-ға", "405-бабы", "2-бөлігі"): the pair is kept on one line;
# - before a heading's last word when it is short ("... тыйым салынғаннан бері"): a no-break space
#   keeps it from standing alone on a line.
_TAG = re.compile(r"(<[^>]*>)")
WORD_JOINER = "\u2060"
_ATTACHED_ENDING = re.compile(r"(?<![\w-])([0-9A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{1,10}-[a-zа-яёәғқңөұүһі]{1,12})(?![\w-])")
# The space before a heading's short last word. The pattern opens with the space itself, so that the
# regular expression engine looks for spaces only, and checks the character before it afterwards: the
# same matches as "(\S) (\w{1,4}...)" in a third of the time.
_SHORT_LAST_WORD = re.compile(r" (?<=\S )(\w{1,4}[.:]?\s*</h[1-4]>)")
# "№ 12" as typed in a workbook's text: the sign never ends a line without its number.
_NUMBER_SIGN = re.compile(r"№ (?=\w)")
# A short abbreviation or the word for a provision and its number («ч. 2 ст. 405», "art. 9", "No. 12",
# «пункт 2 a) статьи 5», "paragraph 2 (a)") and a day and its month («11 мая», "2018 жылғы 24 маусым",
# its endings included) are never split across two lines.
# The space before a number is found first (a literal the engine scans for fast), then the word before it.
_BEFORE_NUMBER = re.compile(r" (?<=[.тауемывхяиюйьesh] )(?=\d)")
_NUMBERED_WORD = re.compile(r"(?<!\w)(?:(?:ст|ч|п|пп|подп|art|arts|para|paras|No|Nos)\."
                            r"|(?:[Пп]од)?[Пп]ункт(?:а|у|ом|е|ы|ов|ам|ами|ах)?|[Сс]тать(?:я|и|е|ю|ёй|ей|ям|ями|ях)"
                            r"|[Сс]татей|[Чч]аст(?:ь|и|ью|ей|ям|ями|ях)|[Aa]rticles?|[Pp]aragraphs?)\Z")
_MONTHS = sorted({month for code in languages() for context in ("format", "stand-alone")
                  for month in get_month_names("wide", context, code).values()}, key=len, reverse=True)
# A Kazakh year is bound to its «жылғы» as well: «1995 / жылғы 30 тамыздағы» left a lone year (reader s9).
# «жылғы» is not bound to the day: «2009 жылғы 30 қыркүйекте» as one unit is too long for a justified line,
# which then stretched its spaces (reader s9, N10); «2009 жылғы / 30 қыркүйекте» is ordinary Kazakh setting.
_DAY_MONTH = re.compile(r" (?<=\d )(?=(?:" + "|".join([*_MONTHS, "жылғы"]) + "))")


def _joined(match: re.Match) -> str:
    """A Kazakh ending kept on the line of its abbreviation or number by a word joiner after the
    hyphen, which the DOCX turns into a non-breaking hyphen (blocks.py). Not an inline box: WeasyPrint
    breaks a line that cannot hold one at its first space («Құқық» alone on a line)."""
    return match.group(1).replace("-", "-" + WORD_JOINER)


def _numbered(match: re.Match) -> str:
    start = match.start()
    return "\u00a0" if _NUMBERED_WORD.search(match.string, max(0, start - 12), start) else " "


def _keep_together(html: str) -> str:
    head, body_tag, body = html.partition("<body")
    if not body_tag:
        return html
    parts = _TAG.split(body)
    for index in range(0, len(parts), 2):  # the text between tags
        if "-" in parts[index]:  # most text has no hyphen; scanning it for one costs most of the time
            parts[index] = _ATTACHED_ENDING.sub(_joined, parts[index])
        if "№" in parts[index]:
            parts[index] = _NUMBER_SIGN.sub("№\u00a0", parts[index])
        parts[index] = _BEFORE_NUMBER.sub(_numbered, parts[index])
        parts[index] = _DAY_MONTH.sub("\u00a0", parts[index])
    return head + body_tag + _SHORT_LAST_WORD.sub("\u00a0\\1", "".join(parts))


def render_html(code: str, template: str, context: dict) -> str:
    try:
        return _keep_together(html_environment(code).get_template(template).render(context))
    except TemplateError as error:
        line = getattr(error, "lineno", None)
        raise BuildError(f"templates/html/{template}{f':{line}' if line else ''}: {error}") from None
