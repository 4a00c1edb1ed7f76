"""What `make cluster` writes before it starts anything: the ports, Rasa's endpoints file, HAProxy's config.

Ports, all on 127.0.0.1 and counted from the public port P (`CLUSTER_PORT`, 8000):

| port | what |
|---|---|
| P | HAProxy, the only public address: the web page, REST, socket.io (sticky), the HTTP API, `/health` |
| P+1, P+2 | the Rasa servers |
| P+10 | HAProxy in front of the action servers (the Rasa servers' `action_endpoint`) |
| P+11, P+12 | the action servers |
| P+20 | the web chat page |
| P+30 | HAProxy's statistics (`/stats`, `/stats;csv`): requests and state per back end |
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List

from sqlalchemy.engine import make_url

LOCK_KEY_PREFIX = "advisor"
# Pages the web chat server answers; everything else goes to the Rasa servers.
WEB_PATHS = ("/", "/index.html", "/page.js", "/page.css", "/webchat.js", "/config.js", "/favicon.ico")
UNAVAILABLE_JSON = ('{"status": 503, "error": "Service Unavailable", "message": "No advisor server can take this '
                    'message right now (they are starting, or cannot reach their database or Redis). Your '
                    'conversation is kept; try again in a minute."}')


@dataclass(frozen=True)
class ClusterPorts:
    public: int
    rasa: List[int]
    actions_balancer: int
    actions: List[int]
    web: int
    stats: int

    @classmethod
    def from_public(cls, public: int, rasa_servers: int = 2, action_servers: int = 2) -> ClusterPorts:
        return cls(public, [public + 1 + i for i in range(rasa_servers)], public + 10,
                   [public + 11 + i for i in range(action_servers)], public + 20, public + 30)


def endpoints(tracker_database_url: str, redis_url: str, actions_url: str,
              lock_key_prefix: str = LOCK_KEY_PREFIX) -> Dict[str, Any]:
    """Rasa's endpoints: actions through the balancer, the SQL tracker store, the Redis lock store."""
    from redis.connection import parse_url

    database = make_url(tracker_database_url)
    tracker_store = {"type": "SQL", "dialect": "postgresql", "url": database.host or "127.0.0.1",
                     "port": database.port or 5432, "db": database.database, "username": database.username,
                     "password": database.password}
    redis = parse_url(redis_url)
    lock_store = {"type": "redis", "url": redis.get("host", "127.0.0.1"), "port": redis.get("port", 6379),
                  "db": redis.get("db", 0), "username": redis.get("username"), "password": redis.get("password"),
                  "key_prefix": lock_key_prefix}
    return {
        "action_endpoint": {"url": actions_url},
        "tracker_store": {k: v for k, v in tracker_store.items() if v is not None},
        "lock_store": {k: v for k, v in lock_store.items() if v is not None},
    }


def _servers(name: str, ports: List[int], extra: str = "") -> List[str]:
    return [f"    server {name}{i + 1} 127.0.0.1:{port} check{extra.format(n=f'{name}{i + 1}')}"
            for i, port in enumerate(ports)]


def haproxy_config(ports: ClusterPorts, error_page: Path, action_timeout: float, web: bool = True) -> str:
    """HAProxy 2.6: one public frontend, the Rasa servers (sticky for socket.io), the action servers."""
    action_server_timeout = max(int(action_timeout) // 2, 2)
    lines = [
        "# Written by scripts/cluster_config.py for `make cluster`; regenerated at every start.",
        "global",
        "    maxconn 4096",
        "    log stdout format raw local0 info  # one line per request in haproxy.log",
        "    tune.bufsize 65536  # action calls carry the tracker; L7 retries need the whole request buffered",
        "",
        "defaults",
        "    mode http",
        "    log global",
        "    option httplog",
        "    option dontlognull",
        "    option forwardfor",
        "    timeout connect 3s",
        "    timeout client 300s",
        "    timeout server 300s",
        "    timeout http-request 30s",
        "    timeout queue 30s",
        "    timeout tunnel 1h  # socket.io over websocket",
        "    timeout check 10s  # a busy server answers its health check late, it is not down",
        "    retries 2",
        "    option redispatch 1",
        "    default-server inter 2s fall 3 rise 2",
        f"    errorfile 503 {error_page}",
        "",
        "frontend advisor",
        f"    bind 127.0.0.1:{ports.public}",
        "    acl socketio path_beg /socket.io/",
    ]
    if web:
        lines += [f"    acl web_page path {' '.join(WEB_PATHS)}", "    acl calendar path_beg /calendar/",
                  "    use_backend web if web_page || calendar"]
    lines += [
        "    use_backend rasa_socketio if socketio",
        "    default_backend rasa",
        "",
        "# REST, the HTTP API, Slack, Teams: any server (conversations are serialised by the Redis lock store).",
        "# Only a connection that failed is retried elsewhere: a message a server received may have been handled.",
        "backend rasa",
        "    balance roundrobin",
        "    http-reuse never  # no race with the server closing an idle keep-alive connection (a 502)",
        "    option httpchk GET /health",
        "    http-check expect status 200",
        *_servers("rasa", ports.rasa),
        "",
        "# socket.io: a session's polling requests must reach the server that holds it (cookie set by HAProxy).",
        "backend rasa_socketio",
        "    balance roundrobin",
        "    cookie ADVISOR_SERVER insert indirect nocache httponly",
        "    option httpchk GET /health",
        "    http-check expect status 200",
        *_servers("rasa", ports.rasa, " cookie {n}"),
        "",
    ]
    if web:
        lines += ["backend web", "    option httpchk GET /health", f"    server web1 127.0.0.1:{ports.web} check", ""]
    lines += [
        "frontend stats",
        f"    bind 127.0.0.1:{ports.stats}",
        "    stats enable",
        "    stats uri /stats",
        "",
        "frontend actions",
        f"    bind 127.0.0.1:{ports.actions_balancer}",
        "    default_backend actions",
        "",
        "# Actions only read the knowledge base, so a call that failed or hangs is retried on the other server.",
        "backend actions",
        "    balance leastconn",
        f"    timeout server {action_server_timeout}s",
        "    retry-on conn-failure empty-response response-timeout 502 503",
        "    option httpchk GET /health",
        "    http-check expect status 200",
        *_servers("actions", ports.actions),
        "",
    ]
    return "\n".join(lines)


def error_page_text() -> str:
    """HAProxy's raw HTTP answer when no Rasa server is up: JSON that says what to do."""
    body = UNAVAILABLE_JSON + "\n"
    return ("HTTP/1.0 503 Service Unavailable\r\nCache-Control: no-cache\r\nConnection: close\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body.encode())}\r\n\r\n{body}")
