"""Deleting conversations: "forget me" for one person, and the retention limit for everyone.

Upstream Rasa 3.6.21 has no way to delete a conversation from the tracker store: the HTTP API can replace a
tracker's events but never removes its rows, and a custom action cannot delete anything, because Rasa saves the
tracker after the action has run (a deletion done in the action server is written back by that save). Here
(installed by `rasa_runtime.fixes.apply`):

- **forget me**: `MessageProcessor.save_tracker` saves as upstream does; when the turn just saved ran
  `action_forget_me` and it set `answer_kind` to `forgotten` (the person confirmed), every stored event of that
  sender is then deleted: every row of the sender in an SQL tracker store (SQLite or PostgreSQL, all sessions),
  the key in a Redis tracker store, the entry in the in-memory store. The person's next message starts a new,
  empty conversation. Nothing else is kept by sender: the Slack/Teams delivery memory holds delivery ids only,
  the lock store's per-conversation lock expires on its own, calendar links carry no sender.
- **retention**: conversations whose latest event is older than `TRACKER_RETENTION_DAYS` days (default 365;
  `off` keeps them for ever) are deleted from an SQL tracker store when the Rasa server starts and then every
  `TRACKER_RETENTION_INTERVAL_HOURS` hours (default 24). A Redis tracker store expires conversations with its
  own `record_exp`; the in-memory store keeps nothing past a restart.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from typing import Any, Callable, Dict, Mapping, Optional

logger = logging.getLogger(__name__)

FORGET_ACTION = "action_forget_me"
FORGOTTEN = "forgotten"  # the answer_kind actions/returning.py sets when the person confirmed
RETENTION_VARIABLE = "TRACKER_RETENTION_DAYS"
INTERVAL_VARIABLE = "TRACKER_RETENTION_INTERVAL_HOURS"
DEFAULT_RETENTION_DAYS = 365.0
DEFAULT_INTERVAL_HOURS = 24.0
_upstream: Dict[str, Callable[..., Any]] = {}


def primary_store(store: Any) -> Any:
    """The store that holds the rows, behind Rasa's FailSafeTrackerStore and AwaitableTrackerStore wrappers."""
    seen = 0
    while hasattr(store, "_tracker_store") and seen < 5:
        store = store._tracker_store
        seen += 1
    return store


def delete_conversation(store: Any, sender_id: str) -> int:
    """Delete every stored event of `sender_id`; the number of rows (SQL) or keys deleted."""
    from rasa.core.tracker_store import InMemoryTrackerStore, RedisTrackerStore, SQLTrackerStore

    store = primary_store(store)
    if isinstance(store, SQLTrackerStore):
        with store.session_scope() as session:
            deleted = session.query(store.SQLEvent).filter(store.SQLEvent.sender_id == sender_id).delete(
                synchronize_session=False)
            session.commit()
            return int(deleted)
    if isinstance(store, RedisTrackerStore):
        return int(store.red.delete(store.key_prefix + sender_id))
    if isinstance(store, InMemoryTrackerStore):
        return 1 if store.store.pop(sender_id, None) is not None else 0
    raise NotImplementedError(f"deleting a conversation from {type(store).__name__} is not supported")


def confirmed_forget(tracker: Any) -> bool:
    """True when the latest turn ran `action_forget_me` and it reported the deletion as confirmed."""
    from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered

    ran = False
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, SlotSet) and event.key == "answer_kind" and event.value == FORGOTTEN:
            ran = True
        elif isinstance(event, ActionExecuted) and event.action_name == FORGET_ACTION and ran:
            return True
    return False


async def save_tracker(self: Any, tracker: Any) -> None:
    """Upstream's save; then, after a confirmed "forget me", the sender's whole conversation is deleted."""
    await _upstream["save_tracker"](self, tracker)
    if confirmed_forget(tracker):
        loop = asyncio.get_running_loop()
        deleted = await loop.run_in_executor(None, delete_conversation, self.tracker_store, tracker.sender_id)
        logger.info("Forgot conversation %s at the person's request (%d stored rows deleted).", tracker.sender_id,
                    deleted)


def retention_days(env: Optional[Mapping[str, str]] = None) -> Optional[float]:
    """`TRACKER_RETENTION_DAYS` (default 365), None for `off`/`never`; a bad value gives the default, logged."""
    raw = ((os.environ if env is None else env).get(RETENTION_VARIABLE) or "").strip().lower()
    if raw in ("off", "never", "none"):
        return None
    try:
        days = float(raw) if raw else DEFAULT_RETENTION_DAYS
    except ValueError:
        days = -1.0
    if days <= 0:
        logger.warning("%s=%r is not a positive number of days (or off); using %g.", RETENTION_VARIABLE, raw,
                       DEFAULT_RETENTION_DAYS)
        return DEFAULT_RETENTION_DAYS
    return days


def retention_interval(env: Optional[Mapping[str, str]] = None) -> float:
    """Seconds between retention runs (`TRACKER_RETENTION_INTERVAL_HOURS`, default 24)."""
    raw = ((os.environ if env is None else env).get(INTERVAL_VARIABLE) or "").strip()
    try:
        hours = float(raw) if raw else DEFAULT_INTERVAL_HOURS
    except ValueError:
        hours = DEFAULT_INTERVAL_HOURS
    return (hours if hours > 0 else DEFAULT_INTERVAL_HOURS) * 3600


def purge_expired(store: Any, days: float, now: Optional[float] = None) -> int:
    """Delete the conversations of an SQL tracker store whose latest event is older than `days`; how many."""
    from rasa.core.tracker_store import SQLTrackerStore
    from sqlalchemy import func

    store = primary_store(store)
    if not isinstance(store, SQLTrackerStore):
        return 0
    cutoff = (time.time() if now is None else now) - days * 86400
    events = store.SQLEvent
    with store.session_scope() as session:
        expired = [sender for (sender,) in session.query(events.sender_id).group_by(events.sender_id)
                   .having(func.max(events.timestamp) < cutoff).all()]
        for start in range(0, len(expired), 500):
            session.query(events).filter(events.sender_id.in_(expired[start:start + 500])).delete(
                synchronize_session=False)
        session.commit()
    return len(expired)


async def retention_loop(app: Any) -> None:
    """At start (once the model and its stores are loaded) and then every interval: purge expired conversations."""
    days = retention_days()
    if days is None:
        logger.info("%s=off: conversations are kept until deleted.", RETENTION_VARIABLE)
        return
    interval = retention_interval()
    while True:
        agent = getattr(app.ctx, "agent", None)
        if agent is None or agent.tracker_store is None:
            await asyncio.sleep(1)
            continue
        try:
            loop = asyncio.get_running_loop()
            purged = await loop.run_in_executor(None, purge_expired, agent.tracker_store, days)
            logger.info("Retention: deleted %d conversations older than %g days.", purged, days)
        except Exception:  # noqa: BLE001 (a failed run is logged and retried at the next interval)
            logger.exception("Retention: the purge of old conversations failed; retrying in %g h.", interval / 3600)
        await asyncio.sleep(interval)


def configure_app(*args: Any, **kwargs: Any) -> Any:
    """Upstream's `rasa.core.run.configure_app`, plus the retention task started with the server."""
    app = _upstream["configure_app"](*args, **kwargs)

    async def start_retention(running_app: Any, _loop: Any) -> None:
        running_app.add_task(retention_loop(running_app))

    app.register_listener(start_retention, "after_server_start")
    return app


def apply() -> None:
    """Install the deletion after a confirmed "forget me" and the retention task (once)."""
    import rasa.core.run
    from rasa.core.processor import MessageProcessor

    if _upstream:
        return
    _upstream.update(save_tracker=MessageProcessor.save_tracker, configure_app=rasa.core.run.configure_app)
    MessageProcessor.save_tracker = save_tracker  # type: ignore[method-assign]
    rasa.core.run.configure_app = configure_app
