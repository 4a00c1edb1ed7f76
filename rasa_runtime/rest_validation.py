"""The REST channel checks its request body (upstream Rasa 3.6.21 does not).

Upstream answers a body without `message` with 200 and an empty list (the message is silently lost), a JSON
array with 500 (`list.get`), and a number as `message` with 500 inside the pipeline. Here every POST to
`/webhooks/rest/webhook` is checked first; a malformed body gets a 400 (413 when the message is
unreasonably long) with a JSON answer that says what is wrong:

    {"status": 400, "error": "Bad Request", "message": "\"sender\" is missing: ..."}

A well-formed message keeps Rasa's behaviour, except that control characters (other than tab and line
breaks) are removed from its text: they are never meant, and NUL cannot be stored by PostgreSQL.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, Awaitable, Callable, Dict, Optional, Union

EXPECTED = 'send a JSON object like {"sender": "some-user-id", "message": "hello"}'
MAX_SENDER_CHARS = 256
MAX_MESSAGE_CHARS = 50_000
_KEEP_CONTROLS = {"\t", "\n", "\r"}
_CONTROLS_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class BodyError:
    """Why a request body is refused, and the HTTP status to answer with."""

    status: int
    message: str

    def payload(self) -> Dict[str, Any]:
        """The JSON answer."""
        return {"status": self.status, "error": HTTPStatus(self.status).phrase, "message": self.message}


def strip_controls(text: str) -> str:
    """Remove control characters except tab, CR and LF."""
    text = _CONTROLS_RE.sub("", text)
    if text.isascii():
        return text
    return "".join(ch for ch in text if ch in _KEEP_CONTROLS or unicodedata.category(ch) != "Cc")


def check_rest_body(raw: Optional[bytes]) -> Union[Dict[str, Any], BodyError]:
    """The body to hand to Rasa (message text cleaned), or why it is refused."""
    if not raw or not raw.strip():
        return BodyError(400, f"The request body is empty: {EXPECTED}.")
    try:
        body = json.loads(raw)
    except (UnicodeDecodeError, ValueError) as error:
        return BodyError(400, f"The request body is not valid JSON ({error}): {EXPECTED}.")
    if not isinstance(body, dict):
        return BodyError(400, f"The request body is a JSON {_json_type(body)}, not an object: {EXPECTED}.")
    for key in ("sender", "message"):
        if key not in body or body[key] is None:
            return BodyError(400, f'"{key}" is missing: {EXPECTED}.')
    sender, message = body["sender"], body["message"]
    if not isinstance(sender, str) or not sender.strip():
        return BodyError(400, f'"sender" must be a non-empty string, not {_describe(sender)}.')
    if len(sender) > MAX_SENDER_CHARS or strip_controls(sender) != sender:
        return BodyError(400, f'"sender" must be at most {MAX_SENDER_CHARS} characters without control characters.')
    if not isinstance(message, str):
        return BodyError(400, f'"message" must be a string, not {_describe(message)}.')
    if len(message) > MAX_MESSAGE_CHARS:
        return BodyError(413, f'"message" has {len(message)} characters; at most {MAX_MESSAGE_CHARS} are accepted.')
    metadata = body.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        return BodyError(400, f'"metadata" must be a JSON object when given, not {_describe(metadata)}.')
    channel = body.get("input_channel")
    if channel is not None and not isinstance(channel, str):
        return BodyError(400, f'"input_channel" must be a string when given, not {_describe(channel)}.')
    return dict(body, message=strip_controls(message))


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "null" if value is None else type(value).__name__


def _describe(value: Any) -> str:
    kind = _json_type(value)
    if kind == "string":
        return "an empty string"
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


async def check_rest_request(request: Any) -> Any:
    """Sanic request middleware for the REST blueprint: refuse malformed bodies, clean good ones."""
    from sanic import response

    if request.method != "POST" or not request.path.rstrip("/").endswith("/webhook"):
        return None
    checked = check_rest_body(request.body)
    if isinstance(checked, BodyError):
        return response.json(checked.payload(), status=checked.status)
    request.parsed_json = checked
    return None


def apply() -> None:
    """Check the body of every request to the REST channel's webhook."""
    from rasa.core.channels.rest import RestInput

    from rasa_runtime.store_faults import unavailable_response

    original: Callable[..., Any] = getattr(RestInput.blueprint, "__wrapped_by_advisor__", RestInput.blueprint)

    def blueprint(self: RestInput, on_new_message: Callable[[Any], Awaitable[Any]]) -> Any:
        webhook = original(self, on_new_message)
        if self.name() == RestInput.name():
            webhook.middleware(check_rest_request, "request")
            # A message no conversation store could take: 503 with the apology (rasa_runtime/store_faults.py).
            webhook.middleware(unavailable_response, "response")
        return webhook

    blueprint.__wrapped_by_advisor__ = original  # type: ignore[attr-defined]
    blueprint.__doc__ = original.__doc__
    RestInput.blueprint = blueprint  # type: ignore[method-assign]
