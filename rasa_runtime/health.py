"""`GET /health` on the Rasa server: ready (model loaded) and its conversation stores reachable.

Upstream Rasa 3.6.21 has `/` (always "Hello", even while the stores are down) and `/status` (behind the auth
token when one is set, and it does not look at the stores). Load balancers and Kubernetes probes need an
unauthenticated check that fails when this server cannot serve a conversation:

- 200 `{"status": "ok", ...}`: the model is loaded, and the tracker store (an SQL `SELECT 1`) and the lock
  store (a Redis `PING`) answer;
- 503 `{"status": "starting"}` before the model is loaded, 503 `{"status": "unavailable", "failing": {...}}`
  naming the store that does not answer and why.

The checks run in worker threads with a short timeout, so a hanging database never blocks the event loop.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Callable, Dict, Optional

logger = logging.getLogger(__name__)

CHECK_TIMEOUT = 3.0  # seconds per store
_upstream: Dict[str, Callable[..., Any]] = {}


def _unwrap(store: Any) -> Any:
    """The primary store behind Rasa's FailSafeTrackerStore."""
    return getattr(store, "_tracker_store", store)


def _check_tracker_store(store: Any) -> Optional[str]:
    engine = getattr(_unwrap(store), "engine", None)
    if engine is None:
        return None
    from sqlalchemy import text

    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    return f"{engine.dialect.name} ok"


def _check_lock_store(store: Any) -> Optional[str]:
    client = getattr(store, "red", None)
    if client is None:
        return None
    client.ping()
    return "redis ok"


async def _run_check(check: Callable[[Any], Optional[str]], store: Any) -> Optional[str]:
    loop = asyncio.get_running_loop()
    return await asyncio.wait_for(loop.run_in_executor(None, check, store), CHECK_TIMEOUT)


async def health_report(agent: Any) -> Dict[str, Any]:
    """What `/health` answers, with `status` ok, starting or unavailable."""
    if agent is None or not agent.is_ready():
        return {"status": "starting"}
    checks = {"tracker_store": (_check_tracker_store, agent.tracker_store),
              "lock_store": (_check_lock_store, agent.lock_store)}
    passing: Dict[str, str] = {}
    failing: Dict[str, str] = {}
    for name, (check, store) in checks.items():
        try:
            result = await _run_check(check, store)
        except asyncio.TimeoutError:
            failing[name] = f"no answer within {CHECK_TIMEOUT:g} s"
            continue
        except Exception as error:  # noqa: BLE001 (any driver error means "not reachable")
            failing[name] = f"{type(error).__name__}: {str(error).strip().splitlines()[0] if str(error) else ''}"
            continue
        passing[name] = result or type(_unwrap(store)).__name__
    if failing:
        return {"status": "unavailable", "failing": failing, "passing": passing}
    return {"status": "ok", **passing}


def add_health_route(app: Any) -> None:
    """Register `GET /health` on a Rasa server app."""
    from sanic import response

    async def health(request: Any) -> Any:
        report = await health_report(getattr(request.app.ctx, "agent", None))
        return response.json(report, status=200 if report["status"] == "ok" else 503)

    app.add_route(health, "/health", methods=["GET"], name="advisor_health")


def configure_app(*args: Any, **kwargs: Any) -> Any:
    """Upstream's `rasa.core.run.configure_app`, plus `/health`."""
    app = _upstream["configure_app"](*args, **kwargs)
    add_health_route(app)
    return app


def apply() -> None:
    """Add `/health` to every app `rasa run` configures (once)."""
    import rasa.core.run

    if _upstream:
        return
    _upstream["configure_app"] = rasa.core.run.configure_app
    rasa.core.run.configure_app = configure_app
