"""The bodies the documents are sent to, from complaints/data/bodies.toml: addresses, channel,
working languages and page limits. A change of address is one edit of that file."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources

from .i18n import N_, Language

CHANNELS = {
    "email": N_("channel", "by e-mail"),
    "online-form": N_("channel", "through the online submission form"),
    "post": N_("channel", "by post"),
    "portal": N_("channel", "through the portal"),
}


@dataclass(frozen=True)
class Body:
    key: str
    name: dict[str, str]  # by language
    address: dict[str, tuple[str, ...]]  # postal address lines, by language
    email: str
    channel: str  # a key of CHANNELS
    portal: str
    languages: tuple[str, ...]  # the body's working languages, ours or not
    page_limit: int  # 0: none known
    source: str
    checked: str = ""  # the day the addresses were last found on the body's own page; "": not verified

    def view(self, lang: Language) -> dict:
        """What a template prints of the body, in `lang`."""
        return {"key": self.key, "name": self.name.get(lang.code, ""), "address": self.address.get(lang.code, ()),
                "email": self.email, "portal": self.portal,
                "channel": lang.pgettext("channel", CHANNELS[self.channel])}


@functools.cache
def bodies() -> dict[str, Body]:
    """Every body of bodies.toml. A malformed file is a defect of the package: it fails loudly."""
    data = tomllib.loads((resources.files("complaints") / "data" / "bodies.toml").read_text(encoding="utf-8"))
    found = {}
    for key, entry in data.items():
        body = Body(key, dict(entry["name"]), {code: tuple(lines) for code, lines in entry["address"].items()},
                    entry["email"], entry["channel"], entry.get("portal", ""), tuple(entry["languages"]),
                    int(entry["page_limit"]), entry["source"], entry.get("checked", ""))
        if body.channel not in CHANNELS:
            raise ValueError(f"complaints/data/bodies.toml: [{key}]: unknown channel {body.channel}")
        found[key] = body
    return found
