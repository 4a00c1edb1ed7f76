"""Signed, expiring calendar tokens: the link carries the plan's inputs, so the page server stores nothing.

A token is `<payload>.<signature>`, both lower-case base32 without padding: letters and digits only, so no
chat's markdown (underscores, tildes, asterisks) can break the link. The payload is compact JSON with the
path's exam codes, the weekly hours, the study background, the date the plan was made, its first day and
the expiry time (Unix seconds); never the sender id or any other profile fact. The signature is
HMAC-SHA256 over the payload with the calendar secret, so a token cannot be guessed, made or altered
without the secret. The payload is readable (base32), not encrypted: it holds nothing personal.

The secret is `CALENDAR_SECRET` (every replica must share it); without it, a random secret is created on
first use in `.run/calendar-secret` (mode 0600) and reused, so links survive restarts on one machine.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import secrets
from datetime import date
from pathlib import Path
from typing import Any, Dict, Mapping, Optional, Tuple

from advisor.calendar_plan import PlanRequest

SECRET_ENV = "CALENDAR_SECRET"
DEFAULT_SECRET_FILE = Path(__file__).resolve().parent.parent / ".run" / "calendar-secret"
LINK_DAYS = 30
LINK_SECONDS = LINK_DAYS * 24 * 3600
TOKEN_VERSION = 1
MAX_TOKEN_LENGTH = 2000
_CONTEXT = b"advisor-calendar-v1."  # the signature covers this purpose too, so no other HMAC can pass


class TokenError(ValueError):
    """A token that is refused; `status` is the HTTP status to answer with."""

    status = 403


class ForgedToken(TokenError):
    """Malformed, altered, or signed with another secret."""

    status = 403


class ExpiredToken(TokenError):
    """Genuine, but past its expiry."""

    status = 410


def _encode(data: bytes) -> str:
    return base64.b32encode(data).rstrip(b"=").decode("ascii").lower()


def _decode(text: str) -> bytes:
    try:
        return base64.b32decode(text.upper() + "=" * (-len(text) % 8))
    except (binascii.Error, ValueError) as error:
        raise ForgedToken("malformed token") from error


def _read_or_create(file: Path) -> bytes:
    """The secret in `file`, created atomically (a complete file or none) on first use."""
    if not file.exists():
        file.parent.mkdir(parents=True, exist_ok=True)
        temporary = file.with_name(f".{file.name}.{os.getpid()}.{secrets.token_hex(4)}")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(secrets.token_urlsafe(48) + "\n")
        try:
            os.link(temporary, file)  # fails if another process created it first: theirs wins
        except FileExistsError:
            pass
        finally:
            temporary.unlink()
    value = file.read_text(encoding="ascii").strip()
    if not value:
        raise RuntimeError(f"{file} is empty; delete it or set {SECRET_ENV}")
    return value.encode()


def calendar_secret(environ: Optional[Mapping[str, str]] = None, file: Path = DEFAULT_SECRET_FILE) -> bytes:
    """`CALENDAR_SECRET`, else the secret kept in `file` (created on first use)."""
    value = (os.environ if environ is None else environ).get(SECRET_ENV, "").strip()
    return value.encode() if value else _read_or_create(file)


def _signature(payload: str, secret: bytes) -> str:
    return _encode(hmac.new(secret, _CONTEXT + payload.encode("ascii"), hashlib.sha256).digest())


def make_token(request: PlanRequest, secret: bytes, expires_at: int) -> str:
    """A token for `request`, valid until `expires_at` (Unix seconds)."""
    body: Dict[str, Any] = {
        "v": TOKEN_VERSION, "p": list(request.path), "h": request.weekly_hours, "b": request.background,
        "d": request.as_of.isoformat(), "s": request.start.isoformat(), "e": int(expires_at),
    }
    payload = _encode(json.dumps(body, separators=(",", ":"), sort_keys=True).encode())
    return f"{payload}.{_signature(payload, secret)}"


def read_token(token: str, secret: bytes, now: float) -> Tuple[PlanRequest, int]:
    """The request a token carries and its expiry; raises ForgedToken or ExpiredToken."""
    if len(token) > MAX_TOKEN_LENGTH or token.count(".") != 1:
        raise ForgedToken("malformed token")
    payload, signature = token.split(".")
    try:
        expected = _signature(payload, secret)
    except UnicodeEncodeError as error:
        raise ForgedToken("malformed token") from error
    if not hmac.compare_digest(expected, signature):
        raise ForgedToken("bad signature")
    try:
        body = json.loads(_decode(payload))
        if body["v"] != TOKEN_VERSION:
            raise ForgedToken("unknown token version")
        request = PlanRequest(
            path=tuple(str(code) for code in body["p"]), weekly_hours=float(body["h"]), background=str(body["b"]),
            as_of=date.fromisoformat(body["d"]), start=date.fromisoformat(body["s"]),
        )
        expires_at = int(body["e"])
    except (KeyError, TypeError, ValueError) as error:  # json.JSONDecodeError is a ValueError
        raise ForgedToken("malformed token") from error
    if now >= expires_at:
        raise ExpiredToken("expired")
    return request, expires_at
