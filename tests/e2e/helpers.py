"""What every REST conversation test needs: the servers for a module (with the page server when links must
open), reply texts, tracker slots."""

from __future__ import annotations

from pathlib import Path
from typing import Dict, Iterator, List, Optional

from scripts.servers import Servers, free_port, running_servers, start_web, stop_process
from tests.conftest import TODAY


def module_servers(workdir: Path) -> Iterator[Servers]:
    """Action server and Rasa server for one test module, with "today" pinned."""
    with running_servers(workdir, env={"ADVISOR_TODAY": TODAY.isoformat()}) as running:
        yield running


def servers_with_page(workdir: Path, env: Optional[Dict[str, str]] = None) -> Iterator[Servers]:
    """Action server, Rasa server and the page server on the address the actions put in links (`WEB_URL`),
    with "today" pinned; `env` adds settings (a calendar secret, a tracker database)."""
    web_port = free_port()
    web_url = f"http://127.0.0.1:{web_port}"
    full = {"ADVISOR_TODAY": TODAY.isoformat(), "WEB_URL": web_url, **(env or {})}
    with running_servers(workdir, env=full) as running:
        page = start_web(workdir, web_port, running.rasa_url, running.env)
        running.web_url = web_url
        try:
            yield running
        finally:
            stop_process(page)


def texts(replies: List[dict]) -> str:
    """All reply texts of one turn, one per line."""
    return "\n".join(reply.get("text", "") for reply in replies)


def slots(servers: Servers, sender: str) -> dict:
    """The conversation's slots, read through the HTTP API."""
    return servers.tracker(sender)["slots"]
