"""What every REST conversation test needs: the servers for a module, reply texts, tracker slots."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator, List

from scripts.servers import Servers, running_servers
from tests.conftest import TODAY


def module_servers(workdir: Path) -> Iterator[Servers]:
    """Action server and Rasa server for one test module, with "today" pinned."""
    with running_servers(workdir, env={"ADVISOR_TODAY": TODAY.isoformat()}) as running:
        yield running


def texts(replies: List[dict]) -> str:
    """All reply texts of one turn, one per line."""
    return "\n".join(reply.get("text", "") for reply in replies)


def slots(servers: Servers, sender: str) -> dict:
    """The conversation's slots, read through the HTTP API."""
    return servers.tracker(sender)["slots"]
