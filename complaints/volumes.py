"""Annex volumes: a document that sets out more people than case.toml's annex_volume_size person by
person (a list of complainants, the facts by event, the domestic steps) gives those parts in
numbered volumes, `<document>-annex-01.pdf` ..., each laid out on its own, and refers to them.

A volume is a contiguous run of the list its parts follow (DocumentType.listing_order), so that
the volumes read in turn are the document's one long listing, split. It is its own file with its
own reuse key: memory does not grow with the case, and a corrected row re-renders the volume that
holds it, not the whole listing.
"""

from __future__ import annotations

from .documents import DocumentType
from .i18n import Language

VOLUME_TEMPLATE = "volume.html"


def volume_count(document: DocumentType, people: int, size: int) -> int:
    """How many annex volumes `document` is written with for `people` people: none when they fit."""
    if document.listing is None or document.per_member or people <= size:
        return 0
    return -(-people // size)


def volume_name(document: DocumentType, number: int) -> str:
    """The volume's file name without its extension, as the document refers to it: "wgad-annex-03"."""
    return f"{document.name}-annex-{number:02d}"


def volume_names(document: DocumentType, count: int) -> list[str]:
    return [volume_name(document, number) for number in range(1, count + 1)]


def volume_title(lang: Language, title: str, number: int, count: int) -> str:
    return lang.pgettext("volume", "{title}. Annex volume {volume} of {volumes}").format(
        title=title, volume=lang.number(number), volumes=lang.number(count))


def volume_context(context: dict, document: DocumentType, number: int, size: int, lang: Language) -> dict:
    """The document's context narrowed to the people of volume `number` (from 1), each list in its own order."""
    assert document.listing is not None
    listed = context[document.listing_order]
    start = (number - 1) * size
    ids = {person.complainant_id for person in listed[start:start + size]}
    people_listed = [person for person in context["people_listed"] if person.complainant_id in ids]
    events = [event | {"people": [person for person in event["people"] if person.complainant_id in ids]}
              for event in context["events"]]
    return context | {
        "listing": document.listing,
        "people": [person for person in context["people"] if person.complainant_id in ids],
        "people_listed": people_listed,
        "events": [event for event in events if event["people"]],
        # "Other acts of persecution" only when someone of this volume has one.
        "with_unlinked": any(not episode.event_id for person in people_listed for episode in person.episodes),
        "volume_range": lang.pgettext("volume", "Entries {first} to {last} of {total}").format(
            first=lang.number(start + 1), last=lang.number(start + len(ids)), total=lang.number(len(listed))),
        "volumes": [],
        "annexes": [],
    }
