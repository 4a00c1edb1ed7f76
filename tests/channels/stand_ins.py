"""Local stand-ins for the services the Slack and Teams channels talk to, recording what they receive.

One HTTP server on a free loopback port plays:
- Slack's Web API (`/slack/api/chat.postMessage`);
- Microsoft's OpenID metadata and signing keys (`/bf/openid`, `/bf/keys`) and token endpoint (`/bf/token`);
- the Bot Connector service at an activity's serviceUrl (`/connector/v3/conversations/{id}/activities`).
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List, Optional
from urllib.parse import parse_qs

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

ISSUER = "https://api.botframework.com"
TOKEN = "stand-in-bot-token"


@dataclass
class Recorded:
    """One request the stand-in received."""

    method: str
    path: str
    headers: Dict[str, str]
    body: Any


@dataclass
class SigningKey:
    """An RSA key pair with its key id, published as a JWK."""

    kid: str = field(default_factory=lambda: f"test-{uuid.uuid4().hex[:8]}")
    private: rsa.RSAPrivateKey = field(default_factory=lambda: rsa.generate_private_key(65537, 2048))

    def jwk(self) -> Dict[str, Any]:
        key = json.loads(RSAAlgorithm.to_jwk(self.private.public_key()))
        return {**key, "kid": self.kid, "use": "sig", "alg": "RS256"}

    def sign(self, claims: Dict[str, Any], kid: Optional[str] = None) -> str:
        return jwt.encode(claims, self.private, algorithm="RS256", headers={"kid": kid or self.kid})


class StandIn:
    """The stand-in server; `requests` lists what it received, newest last."""

    def __init__(self, app_id: str, app_password: str) -> None:
        self.app_id, self.app_password = app_id, app_password
        self.key = SigningKey()
        self.requests: List[Recorded] = []
        self._changed = threading.Condition()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> StandIn:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _record(self, entry: Recorded) -> None:
        with self._changed:
            self.requests.append(entry)
            self._changed.notify_all()

    def wait_for(self, predicate: Callable[[List[Recorded]], bool], timeout: float = 60) -> List[Recorded]:
        """Block until `predicate(requests)` holds; AssertionError with what arrived when it never does."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not predicate(self.requests):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"the stand-in never saw what was expected; it got: {self.requests}")
                self._changed.wait(remaining)
            return list(self.requests)

    def of(self, prefix: str) -> List[Recorded]:
        return [r for r in list(self.requests) if r.path.startswith(prefix)]

    def _handler(self) -> type:
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def _reply(self, status: int, payload: Any) -> None:
                body = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:  # noqa: N802
                stand_in._record(Recorded("GET", self.path, dict(self.headers), None))
                if self.path == "/bf/openid":
                    self._reply(200, {"issuer": ISSUER, "jwks_uri": f"{stand_in.url}/bf/keys",
                                      "id_token_signing_alg_values_supported": ["RS256"]})
                elif self.path == "/bf/keys":
                    self._reply(200, {"keys": [stand_in.key.jwk()]})
                else:
                    self._reply(404, {"error": "not found"})

            def do_POST(self) -> None:  # noqa: N802
                raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                content_type = self.headers.get("Content-Type", "")
                body: Any = raw.decode()
                if "json" in content_type:
                    body = json.loads(raw or b"null")
                elif "form" in content_type:
                    body = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
                stand_in._record(Recorded("POST", self.path, dict(self.headers), body))
                if self.path.startswith("/slack/api/chat.postMessage"):
                    ok = self.headers.get("Authorization") == "Bearer xoxb-stand-in"
                    self._reply(200, {"ok": ok, "channel": (body or {}).get("channel"), "ts": str(time.time())}
                                if ok else {"ok": False, "error": "invalid_auth"})
                elif self.path == "/bf/token":
                    ok = (body.get("client_id") == stand_in.app_id
                          and body.get("client_secret") == stand_in.app_password)
                    self._reply(200 if ok else 401, {"token_type": "Bearer", "expires_in": 3600,
                                                     "access_token": TOKEN} if ok else {"error": "invalid_client"})
                elif self.path.startswith("/connector/v3/conversations/"):
                    ok = self.headers.get("Authorization") == f"Bearer {TOKEN}"
                    self._reply(200 if ok else 401, {"id": uuid.uuid4().hex} if ok else {"error": "unauthorized"})
                else:
                    self._reply(404, {"error": "not found"})

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        return Handler
