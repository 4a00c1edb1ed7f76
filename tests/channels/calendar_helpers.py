"""What the calendar browser tests share: a page server with calendar links on a free port, and a click on a link
that must end in a download (the widget opens links in a new tab, so the download may happen in that tab)."""

from __future__ import annotations

import os
import signal
import subprocess
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator, List

from playwright.sync_api import Download, Locator, Page

from scripts.servers import start_web

WAIT_MS = 90_000  # how long to wait for the download to start (never asserted as a speed)
POLL_MS = 100


@contextmanager
def page_server(workdir: Path, port: int, rasa_url: str, env: Dict[str, str]) -> Iterator[subprocess.Popen]:
    """scripts/web_page.py on `port`, stopped (its process group only) afterwards."""
    process = start_web(workdir, port, rasa_url, env)
    try:
        yield process
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    """Stop a server started in its own session (scripts/servers.py), and only its process group."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def click_for_download(page: Page, link: Locator) -> Download:
    """Click `link` as a person would and return the file the browser downloads, in this tab or a new one."""
    downloads: List[Download] = []

    def keep(download: Download) -> None:
        downloads.append(download)

    def watch(new_page: Page) -> None:
        new_page.on("download", keep)

    page.context.on("page", watch)
    page.on("download", keep)
    link.click()
    waited = 0
    while not downloads and waited < WAIT_MS:
        page.wait_for_timeout(POLL_MS)
        waited += POLL_MS
    assert downloads, "clicking the link downloaded nothing"
    return downloads[0]
