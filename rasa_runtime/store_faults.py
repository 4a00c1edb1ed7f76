"""A conversation store that cannot be reached gives a clear answer and corrupts no conversation.

Upstream Rasa 3.6.21 wraps the tracker store in `FailSafeTrackerStore`: when PostgreSQL does not answer, a
conversation is *retrieved as new* (the person suddenly talks to an assistant that has forgotten them) and
*saved in this process's memory* (lost at the next restart, invisible to the other replicas, and mixed back
with the database copy once it returns). The REST channel then answers 200 with an empty list, whatever
failed, also when the Redis lock store is down.

Here (installed by `rasa_runtime.fixes.apply`):

- the tracker store's errors are raised as `ConversationStoreUnavailable`, never answered from memory;
- a message that meets an unreachable tracker store or lock store is not handled at all: the person gets
  `STORE_APOLOGY` (every channel), the REST channel answers 503 with it as a JSON `message`, and nothing of
  the conversation changes; the message can simply be sent again;
- PostgreSQL connections are checked before use (`pool_pre_ping`), so the first messages after the database
  comes back do not fail on connections it closed.
"""

from __future__ import annotations

import logging
from typing import Any, Callable, Dict, Optional

logger = logging.getLogger(__name__)

STORE_APOLOGY = ("I can't save our conversation right now, so I could not take in that message; please send it "
                 "again in a minute. Your earlier answers are kept.")
UNAVAILABLE_MARKER = "advisor_unavailable"
_upstream: Dict[str, Callable[..., Any]] = {}


class ConversationStoreUnavailable(Exception):
    """The tracker store did not answer; nothing was read from or written to another place instead."""


async def retrieve(self: Any, sender_id: str) -> Any:
    try:
        return await self._tracker_store.retrieve(sender_id)
    except Exception as error:
        raise ConversationStoreUnavailable(f"could not read conversation {sender_id}: {error}") from error


async def retrieve_full_tracker(self: Any, sender_id: str) -> Any:
    try:
        return await self._tracker_store.retrieve_full_tracker(sender_id)
    except Exception as error:
        raise ConversationStoreUnavailable(f"could not read conversation {sender_id}: {error}") from error


async def save(self: Any, tracker: Any) -> None:
    try:
        await self._tracker_store.save(tracker)
    except Exception as error:
        raise ConversationStoreUnavailable(f"could not save conversation {tracker.sender_id}: {error}") from error


def _store_errors() -> tuple:
    from rasa.core.lock_store import LockError
    from redis.exceptions import RedisError

    return ConversationStoreUnavailable, RedisError, LockError


async def handle_message(self: Any, message: Any) -> Optional[Any]:
    """`Agent.handle_message`; when a store is unreachable, the apology instead of a silent failure."""
    try:
        return await _upstream["handle_message"](self, message)
    except _store_errors() as error:
        logger.error("Conversation %s: a conversation store did not answer (%s); the message was not handled.",
                     message.sender_id, error)
        await tell_unavailable(message)
        return None


async def tell_unavailable(message: Any) -> None:
    from rasa.core.channels.channel import CollectingOutputChannel

    channel = message.output_channel
    if isinstance(channel, CollectingOutputChannel):  # REST: turned into a 503 by `unavailable_response`
        channel.messages.append({"recipient_id": message.sender_id, "text": STORE_APOLOGY, UNAVAILABLE_MARKER: True})
        return
    try:
        await channel.send_response(message.sender_id, {"text": STORE_APOLOGY})
    except Exception:  # noqa: BLE001 (the channel's own failure is logged, never raised over the store's)
        logger.exception("Could not tell conversation %s that the store is unavailable.", message.sender_id)


async def unavailable_response(request: Any, response: Any) -> Any:
    """REST response middleware: a reply list carrying the marker becomes a 503 with the apology."""
    from sanic import response as responses

    body = getattr(response, "body", None) or b""
    if response.status != 200 or UNAVAILABLE_MARKER.encode() not in body:
        return None
    return responses.json({"status": 503, "error": "Service Unavailable", "message": STORE_APOLOGY}, status=503)


def create_engine_kwargs(url: Any) -> Dict[str, Any]:
    """Upstream's engine options, plus `pool_pre_ping` for PostgreSQL."""
    from rasa.core.tracker_store import is_postgresql_url

    kwargs: Dict[str, Any] = _upstream["create_engine_kwargs"](url)
    if is_postgresql_url(url):
        kwargs["pool_pre_ping"] = True
    return kwargs


def apply() -> None:
    """Install the strict tracker store, the apology and the pre-ping (once)."""
    import rasa.core.tracker_store as tracker_store
    from rasa.core.agent import Agent

    if _upstream:
        return
    _upstream.update(handle_message=Agent.handle_message, create_engine_kwargs=tracker_store.create_engine_kwargs)
    failsafe = tracker_store.FailSafeTrackerStore
    failsafe.retrieve = retrieve  # type: ignore[method-assign]
    failsafe.retrieve_full_tracker = retrieve_full_tracker  # type: ignore[method-assign]
    failsafe.save = save  # type: ignore[method-assign]
    Agent.handle_message = handle_message  # type: ignore[method-assign]
    tracker_store.create_engine_kwargs = create_engine_kwargs
