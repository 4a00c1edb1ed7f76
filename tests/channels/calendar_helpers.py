"""What the calendar browser tests share: a page server with calendar links on a free port, and a click on a link
that must end in a download (the widget opens links in a new tab, so the download may happen in that tab)."""

from __future__ import annotations

import subprocess
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator, List

from playwright.sync_api import Download, Locator, Page

from scripts.servers import start_web
from scripts.servers import stop_process as stop
from tests.channels.browser import WAIT_MS

POLL_MS = 100


@contextmanager
def page_server(workdir: Path, port: int, rasa_url: str, env: Dict[str, str]) -> Iterator[subprocess.Popen]:
    """scripts/web_page.py on `port`, stopped (its process group only) afterwards."""
    process = start_web(workdir, port, rasa_url, env)
    try:
        yield process
    finally:
        stop(process)


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
