"""The worker pool: a Renderer's groups rendered by forked processes, long documents spread out."""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed

from .pipeline import Job
from .render import Renderer

# Per-author documents go to the workers a few at a time: each costs about a tenth of a
# second, against a millisecond to send and return a chunk.
_CHUNK = 8


def _chunks(groups: list[tuple[Job, ...]]) -> list[list[int]]:
    """The group numbers in the chunks the workers take one after the other.

    A document that is one file for the whole case can take minutes, and WeasyPrint holds all
    its pages in memory until it writes it (about 1 MB a page): those are spread evenly among
    the chunks of per-author documents, language after language, so that the same long document
    in two languages does not run in both workers at once.
    """
    languages = list(dict.fromkeys(group[0].lang for group in groups))
    single = sorted((index for index, group in enumerate(groups) if not group[0].member),
                    key=lambda index: languages.index(groups[index][0].lang))
    per_author = [index for index, group in enumerate(groups) if group[0].member]
    chunks = [per_author[start:start + _CHUNK] for start in range(0, len(per_author), _CHUNK)]
    if not single:
        return chunks
    share = [position * len(chunks) // len(single) for position in range(len(single) + 1)]
    return [chunk for position, index in enumerate(single)
            for chunk in [[index], *chunks[share[position]:share[position + 1]]]]


_WORKER: Renderer | None = None
# The C library the process runs on: prctl and malloc_trim are Linux's and glibc's, looked up where used.
_LIBC = ctypes.CDLL(None, use_errno=True)
# prctl(2): the signal a process receives when the thread that forked it ends.
_PR_SET_PDEATHSIG = 1


def _start_worker(renderer: Renderer, lock: int, parent: int, forked_by_main_thread: bool) -> None:
    global _WORKER
    _WORKER = renderer
    # A forked worker shares the parent's lock on the case; only the parent may hold it, or a
    # build killed with its workers still running would keep the next one out.
    os.close(lock)
    # Ctrl-C reaches the whole process group; the parent stops the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A build killed with its workers still running must leave no process behind, above all none
    # that goes on writing into the staging folder the next build clears. Linux kills the worker
    # with its parent; the request is bound to the thread that forked, so it is made only when that
    # thread lasts as long as the build (the main thread). Elsewhere the worker watches its parent.
    prctl = getattr(_LIBC, "prctl", None) if forked_by_main_thread else None
    if prctl is None or prctl(_PR_SET_PDEATHSIG, signal.SIGKILL) != 0:
        threading.Thread(target=_exit_without, args=(parent,), daemon=True).start()
    elif os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def _exit_without(parent: int) -> None:
    """End the worker once its parent is gone."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _render_chunk(indexes: list[int]) -> list[tuple[int, tuple]]:
    assert _WORKER is not None, "a worker process renders only after _start_worker"
    results = [(index, _WORKER.render(index)) for index in indexes]
    if not _WORKER.groups[indexes[0]][0].member:
        _give_back_memory()
    return results


def _give_back_memory() -> None:
    """After a document of the whole case (a chunk of its own): the tens of megabytes its pages took
    are free again, but the C heap keeps them, scattered among what is still in use, and a worker
    would go on holding them through the thousands of communications that follow; the peak of the
    build is two workers' worth of that. Where the C library is glibc, malloc_trim gives them back."""
    gc.collect()  # the laid-out boxes refer to one another: freed by the cycle collector, not at once
    trim = getattr(_LIBC, "malloc_trim", None)
    if trim is not None:
        trim(0)


@contextlib.contextmanager
def rendered(renderer: Renderer, workers: int, lock: int) -> Iterator[Iterable[tuple[tuple[Job, ...], tuple]]]:
    """Every group of jobs with what Renderer.render returned for it (its open points, pages, each
    file's key and whether it was written, its untranslated texts), in the order they are ready, rendered by `workers`
    processes (forked, so that each starts with the case already loaded)."""
    def files(rendered: Iterable[tuple[int, tuple]]) -> Iterator[tuple[tuple[Job, ...], tuple]]:
        for index, result in rendered:
            yield renderer.groups[index], result

    chunks = _chunks(renderer.groups)
    if workers < 2 or len(chunks) < 2:
        yield files((index, renderer.render(index)) for index in range(len(renderer.groups)))
        return
    executor = ProcessPoolExecutor(min(workers, len(chunks)), mp_context=multiprocessing.get_context("fork"),
                                   initializer=_start_worker, initargs=(renderer, lock, os.getpid(),
                                             threading.current_thread() is threading.main_thread()))
    try:
        # The workers are forked on the first submit. What the parent holds then (the loaded case) is
        # set apart from the cycle collector first: a worker's collections would otherwise write to
        # each of its objects, and so copy every page of it that the workers could have shared.
        gc.freeze()
        try:
            futures = [executor.submit(_render_chunk, chunk) for chunk in chunks]
        finally:
            gc.unfreeze()  # the parent's objects are its own again, to be collected when the build ends
        done = as_completed(futures)
        yield files(item for future in done for item in future.result())
    except BaseException:
        # Rather than waiting for the documents under way (a long one takes minutes). Python
        # 3.14's executor.kill_workers() does this.
        for process in list(executor._processes.values()):
            process.kill()
        executor.shutdown(cancel_futures=True)
        raise
    executor.shutdown()
