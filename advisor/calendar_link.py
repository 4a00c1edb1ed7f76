"""The calendar link: made by the action server, answered by the page server (`scripts/web_page.py`).

- `calendar_link(request)` signs a token and returns `<WEB_URL>/calendar/<token>.ics` with its expiry.
  `WEB_URL` is the page server's public address as people's browsers reach it (behind a proxy, the
  HTTPS address); without it, `http://127.0.0.1:$WEB_PORT` (8080), where `make run` serves the page.
- `calendar_download(path, catalog_loader, now)` answers `GET /calendar/<token>.ics`: the file, or a
  short text with 403 (forged or malformed), 410 (expired, or a plan that can no longer be built) or 503
  (the knowledge base cannot be read). Never an exception.
"""

from __future__ import annotations

import logging
import os
import re
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable, Dict, Mapping, Optional, Tuple

from advisor.calendar_ics import build_ics, ics_filename
from advisor.calendar_plan import CalendarPlanError, PlanRequest, build_calendar_plan
from advisor.calendar_token import LINK_SECONDS, TokenError, calendar_secret, make_token, read_token
from knowledge.catalog import Catalog

LOG = logging.getLogger(__name__)
WEB_URL_ENV = "WEB_URL"
ROUTE_PREFIX = "/calendar/"
ROUTE = re.compile(r"^/calendar/([A-Za-z0-9]+\.[A-Za-z0-9]+)\.ics$")  # a token's shape; read_token judges it
TEXT = "text/plain; charset=utf-8"
ICS = "text/calendar; charset=utf-8"


@dataclass(frozen=True)
class Download:
    """What the page server sends back."""

    status: int
    body: bytes
    content_type: str
    headers: Dict[str, str] = field(default_factory=dict)


def public_web_url(environ: Optional[Mapping[str, str]] = None) -> str:
    """`WEB_URL`, else `http://127.0.0.1:$WEB_PORT` (8080); without a trailing slash."""
    env = os.environ if environ is None else environ
    explicit = env.get(WEB_URL_ENV, "").strip()
    if explicit:
        return explicit.rstrip("/")
    return f"http://127.0.0.1:{env.get('WEB_PORT') or '8080'}"


def calendar_link(request: PlanRequest, now: Optional[float] = None,
                  environ: Optional[Mapping[str, str]] = None) -> Tuple[str, int]:
    """The download link for `request` and its expiry (Unix seconds)."""
    issued = time.time() if now is None else now
    expires_at = int(issued) + LINK_SECONDS
    token = make_token(request, calendar_secret(environ), expires_at)
    return f"{public_web_url(environ)}{ROUTE_PREFIX}{token}.ics", expires_at


def _text(status: int, message: str) -> Download:
    return Download(status, (message + "\n").encode(), TEXT)


def calendar_download(path: str, catalog_loader: Callable[[], Catalog], now: Optional[float] = None,
                      environ: Optional[Mapping[str, str]] = None) -> Download:
    """The answer to `GET <path>` for a path under /calendar/."""
    match = ROUTE.match(path)
    if match is None:
        return _text(404, "not found")
    moment = time.time() if now is None else now
    try:
        request, _ = read_token(match.group(1), calendar_secret(environ), moment)
    except TokenError as error:
        if error.status == 410:
            return _text(410, "This calendar link has expired. Ask the advisor for a new one.")
        return _text(403, "This calendar link is not valid.")
    except (OSError, RuntimeError):
        LOG.exception("the calendar secret cannot be read")
        return _text(503, "Calendar files are unavailable right now.")
    try:
        plan = build_calendar_plan(request, catalog_loader())
    except CalendarPlanError as error:
        return _text(410, f"This plan can no longer be made: {error} Ask the advisor for a new one.")
    except Exception:  # the knowledge base cannot be read: a short answer, never a 500
        LOG.exception("the calendar plan could not be built")
        return _text(503, "Calendar files are unavailable right now.")
    body = build_ics(plan, datetime.fromtimestamp(moment, timezone.utc))
    headers = {"Content-Disposition": f'attachment; filename="{ics_filename(plan)}"'}
    return Download(200, body, ICS, headers)
