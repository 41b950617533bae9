"""A pause of Python's cycle collector while the pipeline builds many small objects."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Reading a case and building a document's context make a few objects per cell and no
    reference cycles. The collector would walk them, and every object already alive, again and
    again: a fifth of the time of reading 10,000 complainants, and most of the time of a context
    built in a worker that has laid out long documents."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()

