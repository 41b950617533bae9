#!/usr/bin/env python3
"""Every counted message of every catalog, rendered for the counts a reviewer must see, on one page.

    .venv/bin/python scripts/counted_messages.py                 # plain text on stdout
    .venv/bin/python scripts/counted_messages.py --html out.html # one HTML page (a new file)

Russian agreement depends on the count in ways the plural rule does not see (1 and 21 share a
form, yet "дело 1 заявителя, представившего" but "дела 21 заявителя, представивших"), so the words
around each count are read here, for each language, not only the counted noun.
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from babel.messages.pofile import read_po

from complaints.i18n import catalog_path, language, languages

COUNTS = (0, 1, 2, 3, 5, 11, 12, 21, 22, 25, 101, 111, 1000)


def counted_messages() -> list[tuple[str | None, str, str]]:
    """(context, singular, plural) of every plural message, in the source catalog's order."""
    with catalog_path(languages()[0]).open("rb") as handle:
        catalog = read_po(handle, locale=languages()[0])
    return [(m.context, m.id[0], m.id[1]) for m in catalog if isinstance(m.id, tuple)]


def render(code: str, context: str | None, singular: str, plural: str, n: int) -> str:
    lang = language(code)
    text = lang.npgettext(context, singular, plural, n) if context else lang.ngettext(singular, plural, n)
    # Other placeholders stay visible as they are, so that the reviewer sees where they fall.
    return text.replace("%(num)s", lang.number(n))


def as_text(messages) -> str:
    lines = []
    for context, singular, plural in messages:
        lines.append(f"## {singular}" + (f"  [{context}]" if context else ""))
        for code in languages():
            for n in COUNTS:
                lines.append(f"  {code} {n:>5}  {render(code, context, singular, plural, n)}")
        lines.append("")
    return "\n".join(lines)


def as_html(messages) -> str:
    head = "".join(f"<th>{n}</th>" for n in COUNTS)
    rows = []
    for context, singular, plural in messages:
        title = html.escape(singular) + (f" <small>[{html.escape(context)}]</small>" if context else "")
        rows.append(f'<tr><th colspan="{len(COUNTS) + 1}" class="message">{title}</th></tr>')
        for code in languages():
            cells = "".join(f"<td>{html.escape(render(code, context, singular, plural, n))}</td>" for n in COUNTS)
            rows.append(f"<tr><th>{code}</th>{cells}</tr>")
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Counted messages</title>\n'
        "<style>body{font:10pt sans-serif} table{border-collapse:collapse} td,th{border:1px solid #ccc;"
        "padding:2px 4px;vertical-align:top} th.message{text-align:left;background:#eee}</style></head>\n"
        f"<body><h1>Counted messages</h1><table><tr><th></th>{head}</tr>\n" + "\n".join(rows)
        + "\n</table></body></html>\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=Path, help="write one HTML page to this new file")
    args = parser.parse_args(argv)
    messages = counted_messages()
    if args.html is None:
        print(as_text(messages))
        return 0
    try:
        with args.html.open("x", encoding="utf-8") as out:  # never overwrite
            out.write(as_html(messages))
    except FileExistsError:
        print(f"{args.html}: exists; choose another name", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
