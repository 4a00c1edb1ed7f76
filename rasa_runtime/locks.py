"""A conversation whose lock holder died is served again once the holder's ticket expires.

Upstream Rasa 3.6.21 serialises a conversation's messages with ticket locks (`LockStore.lock`): each message
takes the next ticket, waits until it is the one served, and removes it when done. A ticket expires after
`TICKET_LOCK_LIFETIME` seconds (60) counted from when it was *issued*, also while its message is still
waiting. When a Rasa server dies holding a ticket (killed, out of memory), the next message of that
conversation, on another replica, waits for the dead ticket to expire; but its own ticket, issued moments
later, expires at nearly the same time. Checking once a second, the waiter usually finds both gone, and then
`now_serving` (0) is never its ticket again: it waits until its client gives up, and every later message of
the conversation queues behind it. (Seen in `tests/cluster`: requests hanging 120 s after a SIGKILL.)

Here a waiter whose ticket expired while it waited takes a fresh one (at the end of the queue, which is
normally empty by then) and keeps waiting; the ticket it holds at the end is the one removed. Everything else
is upstream's: the same tickets, stores and lifetimes.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import asynccontextmanager
from typing import Any, AsyncGenerator, Dict, List, Optional

logger = logging.getLogger(__name__)

_upstream: Dict[str, Any] = {}


def _ticket_alive(lock: Any, ticket: int) -> bool:
    lock.remove_expired_tickets()
    return any(entry.number == ticket for entry in lock.tickets)


async def acquire(store: Any, conversation_id: str, held: List[int], lifetime: float, wait: float) -> Any:
    """Wait until `held[0]` is served; re-issue it when it expired meanwhile. Returns the lock."""
    while True:
        lock = store.get_lock(conversation_id)
        if lock is not None and not lock.is_locked(held[0]):
            return lock
        if lock is None or not _ticket_alive(lock, held[0]):
            logger.warning("The lock ticket of conversation %s expired while waiting (its holder may have died); "
                           "taking a new one.", conversation_id)
            held[0] = store.issue_ticket(conversation_id, lifetime)
            continue
        await asyncio.sleep(wait)
        store.update_lock(conversation_id)


@asynccontextmanager
async def lock(self: Any, conversation_id: str, lock_lifetime: Optional[float] = None,
               wait_time_in_seconds: float = 1) -> AsyncGenerator[Any, None]:
    """`LockStore.lock` whose waiting survives the expiry of its own ticket."""
    from rasa.core import lock_store

    lifetime = lock_store.LOCK_LIFETIME if lock_lifetime is None else lock_lifetime
    held = [self.issue_ticket(conversation_id, lifetime)]
    try:
        yield await acquire(self, conversation_id, held, lifetime, wait_time_in_seconds)
    finally:
        self.cleanup(conversation_id, held[0])


def apply() -> None:
    """Install the fixed `LockStore.lock` (once)."""
    from rasa.core.lock_store import LockStore

    if _upstream:
        return
    _upstream["lock"] = LockStore.lock
    LockStore.lock = lock  # type: ignore[assignment]
