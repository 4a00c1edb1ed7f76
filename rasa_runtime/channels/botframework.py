"""Rasa's Bot Framework channel (Microsoft Teams through Azure Bot Service), fixed.

Named in the credentials file as `rasa_runtime.channels.botframework.BotFrameworkInput` (see
scripts/write_credentials.py); its name stays `botframework`, so the webhook is `/webhooks/botframework/webhook`.
Upstream Rasa 3.6.21:

- fetches Microsoft's OpenID metadata and signing keys in the constructor, so `rasa run` exits at start-up
  without internet access; here the keys are fetched on the first request (and again daily, or when a token
  names an unknown key, at most every five minutes), from `openid_metadata_url` (Microsoft's by default);
- checks a token's signature, audience and expiry but not its issuer, and takes the algorithm from the
  token's own header; here the issuer must be `https://api.botframework.com`, the algorithm RS256, `exp`,
  `aud` and `iss` are required, and the token's `serviceurl` claim must match the activity's `serviceUrl`
  (the address the reply, with the bot's own access token, is sent to);
- answers a redelivered activity (same id) again; here once, across replicas when `REDIS_URL` is set;
- uses blocking `requests` inside the event loop to get its token and post replies; here `aiohttp`, with the
  token endpoint configurable (`token_url`), or the bot's own tenant's (`app_tenant_id`): Azure has created only
  single-tenant bots since 2025-07-31, and their tokens come from their tenant, not from `botframework.com`.

Replies are rendered by the project's rendering layer (`presentation/teams_cards.py`): hero cards and Adaptive Cards.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from http import HTTPStatus
from typing import Any, Awaitable, Callable, Dict, List, Optional, Tuple

import aiohttp
import jwt
from jwt import PyJWTError
from rasa.core.channels.botframework import BEARER_REGEX, BotFramework
from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from presentation.teams_cards import hero_card
from rasa_runtime.channels.deliveries import delivery_memory

logger = logging.getLogger(__name__)

OPENID_METADATA_URL = "https://login.botframework.com/v1/.well-known/openidconfiguration"
TOKEN_URL = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token"
TOKEN_SCOPE = "https://api.botframework.com/.default"
ISSUER = "https://api.botframework.com"
ALGORITHMS = ["RS256"]
KEYS_MAX_AGE = 24 * 3600.0
UNKNOWN_KEY_REFETCH = 300.0
CLOCK_SKEW = 300  # seconds, as Microsoft's own SDKs allow
HTTP_TIMEOUT = aiohttp.ClientTimeout(total=20)


def token_url_for(tenant_id: Optional[str]) -> str:
    """Where the bot gets its token: its own tenant for a single-tenant bot, else `botframework.com`."""
    return TOKEN_URL.replace("/botframework.com/", f"/{tenant_id}/") if tenant_id else TOKEN_URL


class AuthenticationError(Exception):
    """A request whose token is missing or not valid for this bot."""


class SigningKeys:
    """Bot Framework's token signing keys, fetched lazily from the OpenID metadata document."""

    def __init__(self, metadata_url: str) -> None:
        self.metadata_url = metadata_url
        self.keys: Dict[str, Dict[str, Any]] = {}
        self.fetched_at: Optional[float] = None
        self._lock = asyncio.Lock()

    async def refresh(self) -> None:
        """Read the metadata, then its `jwks_uri`."""
        async with aiohttp.ClientSession(timeout=HTTP_TIMEOUT) as session:
            async with session.get(self.metadata_url) as answer:
                answer.raise_for_status()
                metadata = await answer.json(content_type=None)
            async with session.get(metadata["jwks_uri"]) as answer:
                answer.raise_for_status()
                jwks = await answer.json(content_type=None)
        self.keys = {key["kid"]: key for key in jwks["keys"] if "kid" in key}
        self.fetched_at = time.monotonic()
        logger.debug("Bot Framework signing keys: %s", sorted(self.keys))

    async def key(self, kid: str) -> Dict[str, Any]:
        """The JWK for `kid`, fetching the keys when they are missing, old or don't know it."""
        async with self._lock:
            age = None if self.fetched_at is None else time.monotonic() - self.fetched_at
            stale = age is None or age > KEYS_MAX_AGE
            unknown = kid not in self.keys and (age is None or age > UNKNOWN_KEY_REFETCH)
            if stale or unknown:
                try:
                    await self.refresh()
                except (aiohttp.ClientError, asyncio.TimeoutError, KeyError, ValueError) as error:
                    if not self.keys:
                        raise AuthenticationError(f"signing keys unavailable: {error}") from error
                    logger.warning("Could not refresh the Bot Framework signing keys (%s); keeping the old ones.",
                                   error)
        if kid not in self.keys:
            raise AuthenticationError(f"unknown signing key {kid!r}")
        return self.keys[kid]


async def validate_token(authorization: Optional[str], keys: SigningKeys, app_id: str,
                         service_url: Optional[str], issuer: str = ISSUER) -> Dict[str, Any]:
    """The token's claims, or AuthenticationError: signature, algorithm, audience, issuer, expiry, serviceurl."""
    if not authorization:
        raise AuthenticationError("no Authorization header")
    match = BEARER_REGEX.match(authorization)
    if not match:
        raise AuthenticationError("no Bearer token")
    token = match.group(1).strip()
    try:
        header = jwt.get_unverified_header(token)
    except PyJWTError as error:
        raise AuthenticationError(f"malformed token: {error}") from error
    if header.get("alg") not in ALGORITHMS:
        raise AuthenticationError(f"algorithm {header.get('alg')!r} not accepted")
    jwk = await keys.key(str(header.get("kid")))
    try:
        claims: Dict[str, Any] = jwt.decode(
            token, key=jwt.PyJWK(jwk, algorithm=ALGORITHMS[0]), algorithms=ALGORITHMS, audience=app_id,
            issuer=issuer, leeway=CLOCK_SKEW, options={"require": ["exp", "iss", "aud"]})
    except PyJWTError as error:
        raise AuthenticationError(f"invalid token: {error}") from error
    claimed = claims.get("serviceurl") or claims.get("serviceUrl")
    if not claimed or not service_url or claimed.rstrip("/") != service_url.rstrip("/"):
        raise AuthenticationError("the activity's serviceUrl does not match the token")
    return claims


class BotFrameworkOutput(BotFramework):
    """Replies through the Bot Connector at the activity's serviceUrl, without blocking the event loop."""

    _tokens: Dict[Tuple[str, str], Tuple[str, float]] = {}  # (token_url, app_id) -> (token, expires at)

    def __init__(self, app_id: str, app_password: str, conversation: Dict[str, Any], bot: Any, service_url: str,
                 token_url: str = TOKEN_URL, reply_to_id: Optional[str] = None) -> None:
        super().__init__(app_id, app_password, conversation, bot, service_url)
        self.token_url = token_url
        self.reply_to_id = reply_to_id

    async def _get_headers(self) -> Optional[Dict[str, Any]]:
        """The bot's access token (client credentials), cached until a minute before it expires."""
        cache_key = (self.token_url, self.app_id)
        cached = self._tokens.get(cache_key)
        if cached is None or cached[1] < time.time():
            form = {"grant_type": "client_credentials", "client_id": self.app_id,
                    "client_secret": self.app_password, "scope": TOKEN_SCOPE}
            async with aiohttp.ClientSession(timeout=HTTP_TIMEOUT) as session:
                async with session.post(self.token_url, data=form) as answer:
                    if answer.status != HTTPStatus.OK:
                        logger.error("Could not get a Bot Framework token: HTTP %s", answer.status)
                        return None
                    data = await answer.json(content_type=None)
            cached = (str(data["access_token"]), time.time() + int(data.get("expires_in", 3600)) - 60)
            self._tokens[cache_key] = cached
        return {"content-type": "application/json", "Authorization": f"Bearer {cached[0]}"}

    async def send(self, message_data: Dict[str, Any]) -> None:
        """POST the activity to `{serviceUrl}v3/conversations/{id}/activities`."""
        headers = await self._get_headers()
        if headers is None:
            return
        message_data.setdefault("conversation", {"id": self.conversation["id"]})
        if self.reply_to_id:
            message_data.setdefault("replyToId", self.reply_to_id)
        url = f"{self.global_uri}conversations/{self.conversation['id']}/activities"
        async with aiohttp.ClientSession(timeout=HTTP_TIMEOUT) as session:
            async with session.post(url, headers=headers, data=json.dumps(message_data)) as answer:
                if answer.status >= 300:
                    logger.error("Bot Connector refused a reply: HTTP %s %s", answer.status, await answer.text())

    async def send_text_with_buttons(self, recipient_id: str, text: str, buttons: List[Dict[str, Any]],
                                     **kwargs: Any) -> None:
        """A hero card with `imBack` buttons (upstream passes Rasa's button dicts through unchanged)."""
        await self.send(self.prepare_message(recipient_id, {"attachments": [hero_card(text, buttons)]}))


class BotFrameworkInput(InputChannel):
    """Bot Framework input that starts offline and checks every token fully."""

    @classmethod
    def name(cls) -> str:
        return "botframework"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        credentials = credentials or {}
        return cls(credentials["app_id"], credentials["app_password"],
                   credentials.get("openid_metadata_url") or OPENID_METADATA_URL,
                   credentials.get("token_url") or token_url_for(credentials.get("app_tenant_id")))

    def __init__(self, app_id: str, app_password: str, openid_metadata_url: str = OPENID_METADATA_URL,
                 token_url: str = TOKEN_URL) -> None:
        self.app_id = str(app_id)
        self.app_password = str(app_password)
        self.keys = SigningKeys(openid_metadata_url)
        self.token_url = token_url
        self._deliveries = delivery_memory("botframework")

    async def already_seen(self, activity: Dict[str, Any]) -> bool:
        """True for an activity answered before, by any replica when REDIS_URL is set (the Bot Connector
        redelivers when a reply is slow)."""
        if not activity.get("id"):
            return False
        conversation = (activity.get("conversation") or {}).get("id")
        return await self._deliveries.is_repeat(f"{conversation}|{activity.get('id')}")

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """`GET /webhooks/botframework/` (health) and `POST /webhooks/botframework/webhook`."""
        webhook_blueprint = Blueprint("botframework_webhook", __name__)

        @webhook_blueprint.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook_blueprint.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            try:
                activity = request.json
            except Exception:  # noqa: BLE001 (sanic raises its own error for a bad body)
                activity = None
            if not isinstance(activity, dict):
                return response.text("A JSON activity is expected.", status=HTTPStatus.BAD_REQUEST)
            try:
                await validate_token(request.headers.get("Authorization"), self.keys, self.app_id,
                                     activity.get("serviceUrl"))
            except AuthenticationError as error:
                logger.warning("Bot Framework request refused: %s", error)
                return response.text("Unauthorized.", status=HTTPStatus.UNAUTHORIZED)
            if activity.get("type") != "message" or await self.already_seen(activity):
                return response.text("", status=HTTPStatus.OK)
            try:
                output = BotFrameworkOutput(self.app_id, self.app_password, activity["conversation"],
                                            activity["recipient"], activity["serviceUrl"], self.token_url,
                                            activity.get("id"))
                metadata = merged_metadata(activity, self.get_metadata(request))
                await on_new_message(UserMessage(
                    text=activity.get("text") or "", output_channel=output, sender_id=activity["from"]["id"],
                    input_channel=self.name(), metadata=metadata))
            except KeyError as error:
                return response.text(f"Activity without {error}.", status=HTTPStatus.BAD_REQUEST)
            return response.text("success")

        return webhook_blueprint


def merged_metadata(activity: Dict[str, Any], metadata: Optional[Dict[str, Any]]) -> Optional[Dict[str, Any]]:
    """Attachments of the activity merged into the metadata, as upstream does."""
    if activity.get("attachments"):
        return {**(metadata or {}), "attachments": activity["attachments"]}
    return metadata
