"""Asking the server for the next page while this console writes the one it has.

A bootstrap or a long pull is a loop of (fetch a page, write it); the server's
time and this console's add up. The next page's place is known as soon as a
page arrives, so one worker thread fetches it during the write. A page fetched
and not needed (a failed write, a cancel) is dropped; the thread is waited
for, so no request outlives the sync that made it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager


@contextmanager
def fetching() -> Iterator[Callable[..., Future]]:
    """`submit(fn, *args)`: call fn on the fetch thread; its result is the future's."""
    fetcher = ThreadPoolExecutor(1, thread_name_prefix="sync-fetch")
    try:
        yield fetcher.submit
    finally:
        fetcher.shutdown(wait=True, cancel_futures=True)
