"""Serve the web chat page: `web/` plus the rasa-webchat bundle installed by `npm ci` in `web/node_modules`.

`python scripts/web_page.py` listens on 127.0.0.1:$WEB_PORT (8080) and points the widget at the Rasa
server's socket.io channel, $RASA_URL or http://127.0.0.1:$RASA_PORT (5005). Only the page's own files are
served, with a Content-Security-Policy that allows no inline script, so markup in a message cannot run.
`GET /calendar/<token>.ics` answers a calendar link (advisor/calendar_link.py): the study plan as an
iCalendar file, or a short text with 403/410 for a forged or expired link.
"""

from __future__ import annotations

import json
import os
import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Dict, Optional, Tuple
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
WEB = ROOT / "web"
WIDGET_BUNDLE = WEB / "node_modules" / "rasa-webchat" / "lib" / "index.js"

# path -> (file, content type)
STATIC: Dict[str, Tuple[Path, str]] = {
    "/": (WEB / "index.html", "text/html; charset=utf-8"),
    "/index.html": (WEB / "index.html", "text/html; charset=utf-8"),
    "/page.js": (WEB / "page.js", "text/javascript; charset=utf-8"),
    "/page.css": (WEB / "page.css", "text/css; charset=utf-8"),
    "/webchat.js": (WIDGET_BUNDLE, "text/javascript; charset=utf-8"),
}


def content_security_policy(socket_url: str) -> str:
    """Scripts only from this page; the socket only to the Rasa server; images from here or data: URLs."""
    parts = urlsplit(socket_url)
    ws_scheme = "wss" if parts.scheme == "https" else "ws"
    socket_origins = f"{socket_url.rstrip('/')} {ws_scheme}://{parts.netloc}"
    return (
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        f"connect-src 'self' {socket_origins}; font-src 'self' data:; base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'none'"
    )


def make_handler(socket_url: str) -> type:
    """A request handler class bound to the Rasa server's address."""
    config_js = f"window.ADVISOR_CONFIG = {json.dumps({'socketUrl': socket_url})};\n".encode()
    policy = content_security_policy(socket_url)

    class Handler(BaseHTTPRequestHandler):
        server_version = "advisor-web"

        def _send(self, status: HTTPStatus, body: bytes, content_type: str, head: bool = False,
                  headers: Optional[Dict[str, str]] = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Content-Security-Policy", policy)
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Referrer-Policy", "no-referrer")
            self.send_header("Cache-Control", "no-cache")
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            if not head:
                self.wfile.write(body)

        def _respond(self, head: bool) -> None:
            path = urlsplit(self.path).path
            if path == "/config.js":
                self._send(HTTPStatus.OK, config_js, "text/javascript; charset=utf-8", head)
                return
            if path == "/favicon.ico":
                self._send(HTTPStatus.NO_CONTENT, b"", "image/x-icon", head)
                return
            if path == "/health":
                self._send(HTTPStatus.OK, b"ok\n", "text/plain; charset=utf-8", head)
                return
            if path.startswith("/calendar/"):
                status, body, content_type, headers = calendar_file(path)
                self._send(HTTPStatus(status), body, content_type, head, headers)
                return
            entry = STATIC.get(path)
            if entry is None:
                self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain; charset=utf-8", head)
                return
            file, content_type = entry
            if not file.exists():
                message = f"{file.relative_to(ROOT)} is missing: run `make setup` (npm ci in web/)\n"
                self._send(HTTPStatus.SERVICE_UNAVAILABLE, message.encode(), "text/plain; charset=utf-8", head)
                return
            self._send(HTTPStatus.OK, file.read_bytes(), content_type, head)

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            self._respond(head=False)

        def do_HEAD(self) -> None:  # noqa: N802
            self._respond(head=True)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            if os.environ.get("WEB_ACCESS_LOG"):
                super().log_message(format, *args)

    return Handler


def calendar_file(path: str) -> Tuple[int, bytes, str, Dict[str, str]]:
    """Status, body, content type and extra headers for a calendar link (advisor/calendar_link.py).
    Imported on first use, so the page serves without loading the knowledge base until a plan is fetched."""
    try:
        from advisor.calendar_link import calendar_download
        from knowledge.queries import get_catalog
    except ImportError as error:
        print(f"calendar links unavailable: {error}", file=sys.stderr, flush=True)
        return 503, b"Calendar files are unavailable right now.\n", "text/plain; charset=utf-8", {}
    download = calendar_download(path, get_catalog)
    return download.status, download.body, download.content_type, download.headers


def make_server(port: int, socket_url: str, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    """The page server, not yet serving."""
    return ThreadingHTTPServer((host, port), make_handler(socket_url))


def main() -> int:
    port = int(os.environ.get("WEB_PORT", "8080"))
    socket_url = os.environ.get("RASA_URL") or f"http://127.0.0.1:{os.environ.get('RASA_PORT', '5005')}"
    if not WIDGET_BUNDLE.exists():
        print(f"error: {WIDGET_BUNDLE.relative_to(ROOT)} is missing; run `make setup`", file=sys.stderr)
        return 1
    server = make_server(port, socket_url)
    print(f"Web chat page: http://127.0.0.1:{port}/ (widget connected to {socket_url})", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
