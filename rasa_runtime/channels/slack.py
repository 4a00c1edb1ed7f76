"""Rasa's Slack channel, with retries answered once and a configurable Web API address.

Named in the credentials file as `rasa_runtime.channels.slack.SlackInput` (see scripts/write_credentials.py);
its name stays `slack`, so the webhook is `/webhooks/slack/webhook`. Upstream already rejects requests with a
wrong or missing signature or a timestamp more than five minutes off. What it adds:

- Slack retries an event it thinks was not received (`X-Slack-Retry-Num`); upstream ignores only retries for
  `http_timeout` and answers any other retry again. Here every event is answered once: an `event_id` (Events
  API) or an interaction's `trigger_id`/action timestamp already seen is acknowledged and dropped. With
  `REDIS_URL` set, deliveries are remembered in Redis (`rasa_runtime.channels.deliveries`), so a retry that
  reaches another replica is dropped too.
- `api_url` points the Web API client at another address (a local stand-in in tests).
- Messages use the project's rendering layer (`presentation/slack_blocks.py`): Block Kit sections and buttons.
"""

from __future__ import annotations

import json
import logging
from http import HTTPStatus
from typing import Any, Awaitable, Callable, Dict, List, Optional

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.slack import SlackBot as UpstreamSlackBot
from rasa.core.channels.slack import SlackInput as UpstreamSlackInput
from sanic import response
from sanic.request import Request
from slack_sdk.web.async_client import AsyncWebClient

from presentation.slack_blocks import slack_message
from rasa_runtime.channels.deliveries import delivery_memory

logger = logging.getLogger(__name__)


class SlackBot(UpstreamSlackBot):
    """Slack output: Block Kit from the rendering layer, Web API at `api_url` when given."""

    def __init__(self, token: str, slack_channel: Optional[str] = None, thread_id: Optional[str] = None,
                 proxy: Optional[str] = None, api_url: Optional[str] = None) -> None:
        super().__init__(token, slack_channel, thread_id, proxy)
        if api_url:
            base = api_url if api_url.endswith("/") else api_url + "/"
            self.client = AsyncWebClient(token, proxy=proxy, base_url=base)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        """Text as mrkdwn sections in one message (upstream posts one message per paragraph)."""
        await self._post_message(channel=self.slack_channel or recipient_id, **slack_message(text))

    async def send_custom_json(self, recipient_id: str, json_message: Dict[str, Any], **kwargs: Any) -> None:
        """A prepared `chat.postMessage` body (the rendering layer's blocks), without upstream's legacy `as_user`."""
        message = dict(json_message)
        channel = message.pop("channel", None) or self.slack_channel or recipient_id
        await self._post_message(channel=channel, **message)

    async def send_text_with_buttons(self, recipient_id: str, text: str, buttons: List[Dict[str, Any]],
                                     **kwargs: Any) -> None:
        """Text and buttons as blocks (upstream drops every button when there are more than five)."""
        await self._post_message(channel=self.slack_channel or recipient_id, **slack_message(text, buttons))


class SlackInput(UpstreamSlackInput):
    """Slack input that answers every event once."""

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        channel = super().from_credentials(credentials)
        assert isinstance(channel, SlackInput)
        channel.api_url = (credentials or {}).get("api_url")
        return channel

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Retries are judged by whether their delivery was seen, whatever Slack's reason for retrying.
        self.errors_ignore_retry = ()
        self.api_url: Optional[str] = None
        self._deliveries = delivery_memory("slack")

    @staticmethod
    def delivery_id(request: Request) -> Optional[str]:
        """What identifies one delivery across Slack's retries."""
        content_type = request.headers.get("content-type", "")
        try:
            if content_type.startswith("application/json"):
                body = request.json or {}
                event = body.get("event") or {}
                return body.get("event_id") or event.get("client_msg_id")
            if content_type.startswith("application/x-www-form-urlencoded"):
                payload = json.loads(request.form["payload"][0])
                actions = payload.get("actions") or [{}]
                return payload.get("trigger_id") or actions[0].get("action_ts")
        except (ValueError, KeyError, TypeError, IndexError):
            return None
        return None

    async def already_seen(self, request: Request) -> bool:
        """True for a delivery answered before (by any replica when REDIS_URL is set); remembers this one."""
        return await self._deliveries.is_repeat(self.delivery_id(request))

    async def process_message(self, request: Request, on_new_message: Callable[[UserMessage], Awaitable[Any]],
                              text: str, sender_id: Optional[str], metadata: Optional[Dict]) -> Any:
        """Drop a delivery already answered (a retry), else hand it to upstream."""
        if await self.already_seen(request):
            logger.info("Slack retry #%s of a delivery already answered; dropped.",
                        request.headers.get(self.retry_num_header))
            return response.text("", status=HTTPStatus.OK, headers={"X-Slack-No-Retry": "1"})
        return await super().process_message(request, on_new_message, text, sender_id, metadata)

    def get_output_channel(self, channel: Optional[str] = None, thread_id: Optional[str] = None) -> OutputChannel:
        return SlackBot(self.slack_token, channel or self.slack_channel, thread_id, self.proxy, self.api_url)
