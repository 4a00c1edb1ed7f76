"""Write .run/endpoints.yml from endpoints.yml, honouring ACTIONS_PORT and TRACKER_DATABASE_URL.

TRACKER_DATABASE_URL is an SQLAlchemy URL (e.g. postgresql://user:pass@host:5432/rasa); without it the
tracker store is the SQLite file from endpoints.yml.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Dict

import yaml
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent


def tracker_store_endpoint(url: str) -> Dict[str, Any]:
    """Rasa's SQL tracker store settings for an SQLAlchemy URL."""
    parsed = make_url(url)
    store = {
        "type": "SQL",
        "dialect": parsed.drivername,
        "url": parsed.host,
        "port": parsed.port,
        "db": parsed.database,
        "username": parsed.username,
        "password": parsed.password,
    }
    return {k: v for k, v in store.items() if v is not None}


def main() -> int:
    endpoints = yaml.safe_load((ROOT / "endpoints.yml").read_text(encoding="utf-8"))
    port = os.environ.get("ACTIONS_PORT", "5055")
    endpoints["action_endpoint"]["url"] = f"http://127.0.0.1:{port}/webhook"
    url = os.environ.get("TRACKER_DATABASE_URL")
    if url:
        endpoints["tracker_store"] = tracker_store_endpoint(url)
    out = ROOT / ".run" / "endpoints.yml"
    out.parent.mkdir(exist_ok=True)
    out.write_text(yaml.safe_dump(endpoints, sort_keys=False), encoding="utf-8")
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
