"""Faults say something: a turn in which the action server is down, too slow or failing gets an apology.

Upstream Rasa 3.6.21, when a custom action cannot be run (connection refused, no answer, HTTP 5xx, a malformed
answer), logs "the actions events are lost", predicts the next action and usually listens: the person gets
an empty reply, which every channel shows as silence. It also waits up to five minutes for the action server
(`DEFAULT_REQUEST_TIMEOUT`), and a form whose validation action failed keeps the slot values it extracted
without validating them.

Here (installed by `rasa_runtime.fixes.apply`):

- a call to the action server that gets no answer within `ACTION_SERVER_TIMEOUT` seconds (default 20) fails;
- a turn in which any call to the action server failed (other than an action rejecting its execution, HTTP
  400, which is a form's normal way of saying "not this slot") stops predicting at once, sends `APOLOGY`,
  drops the turn's partial events and ends with Rasa's own `UserUtteranceReverted` (then `action_listen`, as
  after Rasa's fallback): the user message and the apology stay in the tracker (nothing that was said is
  lost), but the conversation's state is the one before that message, so no unvalidated slot value is kept,
  the form resumes where it was, and the person's next message is handled as if the failed turn had not
  happened. (A reply an action had already sent in that turn has been seen but is not in the tracker.)

Turns are told apart with a context variable: `handle_message` (and a prediction loop started on its own, as
`trigger_intent` does) opens one, `RemoteAction.run` records a fault in it.
"""

from __future__ import annotations

import asyncio
import logging
import os
from contextvars import ContextVar
from typing import Any, Callable, Dict, List, Optional

logger = logging.getLogger(__name__)

APOLOGY = "I can't reach my knowledge base right now; try again in a minute; your answers are kept."
FAULT_METADATA = {"advisor_fault": "action_server"}
TIMEOUT_VARIABLE = "ACTION_SERVER_TIMEOUT"
DEFAULT_TIMEOUT = 20.0

_turn_faults: ContextVar[Optional[List[str]]] = ContextVar("advisor_turn_faults", default=None)
_upstream: Dict[str, Callable[..., Any]] = {}


def action_timeout() -> float:
    """Seconds to wait for the action server (`ACTION_SERVER_TIMEOUT`, default 20)."""
    raw = os.environ.get(TIMEOUT_VARIABLE, "")
    try:
        value = float(raw) if raw.strip() else DEFAULT_TIMEOUT
    except ValueError:
        logger.warning("%s=%r is not a number of seconds; using %s.", TIMEOUT_VARIABLE, raw, DEFAULT_TIMEOUT)
        return DEFAULT_TIMEOUT
    return value if value > 0 else DEFAULT_TIMEOUT


def _record(fault: str) -> None:
    faults = _turn_faults.get()
    if faults is not None:
        faults.append(fault)


async def remote_run(self: Any, output_channel: Any, nlg: Any, tracker: Any, domain: Any) -> List[Any]:
    """`RemoteAction.run` with a timeout; a failure is recorded for the turn, then raised as upstream does."""
    from rasa.core.actions.action import ActionExecutionRejection
    from rasa.shared.exceptions import RasaException

    timeout = action_timeout()
    try:
        events: List[Any] = await asyncio.wait_for(
            _upstream["remote_run"](self, output_channel, nlg, tracker, domain), timeout)
        return events
    except ActionExecutionRejection:
        raise
    except asyncio.TimeoutError as error:
        _record(f"{self.name()}: no answer within {timeout:g} s")
        raise RasaException(f"The action server did not answer '{self.name()}' within {timeout:g} s.") from error
    except Exception as error:
        _record(f"{self.name()}: {error}")
        raise


async def handle_message(self: Any, message: Any) -> Any:
    """`MessageProcessor.handle_message` inside a turn that collects action-server faults."""
    token = _turn_faults.set([])
    try:
        return await _upstream["handle_message"](self, message)
    finally:
        _turn_faults.reset(token)


async def run_prediction_loop(self: Any, output_channel: Any, tracker: Any) -> None:
    """Upstream's loop, unless the turn already failed; then the apology and the revert when it did."""
    faults = _turn_faults.get()
    token = None
    if faults is None:  # a loop started without a user message being handled (trigger_intent)
        faults = []
        token = _turn_faults.set(faults)
    try:
        if not faults:
            await _upstream["run_prediction_loop"](self, output_channel, tracker)
        if faults:
            await apologise(output_channel, tracker, faults)
    finally:
        if token is not None:
            _turn_faults.reset(token)


async def run_action(self: Any, action: Any, tracker: Any, output_channel: Any, nlg: Any, prediction: Any) -> bool:
    """Upstream's `_run_action`; predicts nothing more once the action server failed in this turn."""
    faults = _turn_faults.get()
    before = len(faults) if faults is not None else 0
    predict_more: bool = await _upstream["run_action"](self, action, tracker, output_channel, nlg, prediction)
    if faults is not None and len(faults) > before:
        return False
    return predict_more


async def apologise(output_channel: Any, tracker: Any, faults: List[str]) -> None:
    """Send the apology and undo the turn: the user message and the apology stay, nothing else of the turn."""
    from rasa.shared.core.constants import ACTION_LISTEN_NAME
    from rasa.shared.core.events import ActionExecuted, BotUttered, UserUtteranceReverted, UserUttered

    logger.error("The action server failed for conversation %s (%s); the person was told, and the turn is undone.",
                 tracker.sender_id, "; ".join(faults))
    try:
        await output_channel.send_response(tracker.sender_id, {"text": APOLOGY})
    except Exception:  # noqa: BLE001 (the channel's own failure must not lose the turn)
        logger.exception("Could not send the apology to conversation %s.", tracker.sender_id)
    events = tracker.events
    user_index = next((len(events) - 1 - i for i, event in enumerate(reversed(events))
                       if isinstance(event, UserUttered)), None)
    if user_index is not None:
        # The turn's partial events (slot candidates never validated, a form's half-run) are dropped before the
        # revert: Rasa hides a form's earlier executions when it replays events, and a revert after them would
        # undo more than this turn.
        while len(events) > user_index + 1:
            events.pop()
    tracker.update(BotUttered(text=APOLOGY, metadata=dict(FAULT_METADATA)))
    if user_index is not None:
        # As after Rasa's own fallback: the revert also undoes the listen before the message, so listen again.
        tracker.update(UserUtteranceReverted())
        tracker.update(ActionExecuted(ACTION_LISTEN_NAME))


def is_apology(event: Dict[str, Any]) -> bool:
    """True for a serialised tracker event that is this module's apology."""
    return event.get("event") == "bot" and (event.get("metadata") or {}).get("advisor_fault") == "action_server"


def apply() -> None:
    """Install the timeout, the fault recording and the apology (once)."""
    from rasa.core.actions.action import RemoteAction
    from rasa.core.processor import MessageProcessor

    if _upstream:
        return
    _upstream.update(remote_run=RemoteAction.run, handle_message=MessageProcessor.handle_message,
                     run_prediction_loop=MessageProcessor._run_prediction_loop,
                     run_action=MessageProcessor._run_action)
    RemoteAction.run = remote_run  # type: ignore[method-assign]
    MessageProcessor.handle_message = handle_message  # type: ignore[method-assign]
    MessageProcessor._run_prediction_loop = run_prediction_loop  # type: ignore[method-assign]
    MessageProcessor._run_action = run_action  # type: ignore[method-assign]
