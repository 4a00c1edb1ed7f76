"""`python -m scripts.privacy`: delete conversations by hand (a deletion request that came by e-mail, a clean-up).

    python -m scripts.privacy forget SENDER [SENDER ...]   every stored row of these senders
    python -m scripts.privacy purge [--days N]              conversations whose latest event is older than N days
                                                            (default TRACKER_RETENTION_DAYS, else 365)

The store is `--url`, else `TRACKER_DATABASE_URL`, else `make run`'s `tracker.db`. The deletions are the ones the
Rasa server runs (`rasa_runtime/privacy.py`).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any, List, Optional

from scripts.write_endpoints import tracker_store_endpoint

ROOT = Path(__file__).resolve().parent.parent


def default_url() -> str:
    return os.environ.get("TRACKER_DATABASE_URL") or f"sqlite:///{ROOT / 'tracker.db'}"


def open_store(url: str) -> Any:
    """Rasa's SQL tracker store on `url` (SQLite or PostgreSQL)."""
    from rasa.core.tracker_store import SQLTrackerStore

    settings = tracker_store_endpoint(url)
    return SQLTrackerStore(None, dialect=settings["dialect"], host=settings.get("url"), port=settings.get("port"),
                           db=settings.get("db", "rasa.db"), username=settings.get("username"),
                           password=settings.get("password"))


def main(argv: Optional[List[str]] = None) -> int:
    from rasa_runtime.privacy import delete_conversation, purge_expired, retention_days

    parser = argparse.ArgumentParser(prog="python -m scripts.privacy", description=__doc__.split("\n")[0])
    parser.add_argument("--url", default=None, help="the tracker store (SQLAlchemy URL)")
    commands = parser.add_subparsers(dest="command", required=True)
    forget = commands.add_parser("forget", help="delete every stored row of these senders")
    forget.add_argument("senders", nargs="+")
    purge = commands.add_parser("purge", help="delete conversations older than the retention limit")
    purge.add_argument("--days", type=float, default=None)
    args = parser.parse_args(argv)
    store = open_store(args.url or default_url())
    try:
        if args.command == "forget":
            for sender in args.senders:
                print(f"{sender}: {delete_conversation(store, sender)} rows deleted")
            return 0
        days = args.days if args.days is not None else retention_days()
        if days is None or days <= 0:
            print("no retention limit (TRACKER_RETENTION_DAYS=off); pass --days N", file=sys.stderr)
            return 2
        print(f"{purge_expired(store, days)} conversations older than {days:g} days deleted")
        return 0
    finally:
        store.engine.dispose()


if __name__ == "__main__":
    sys.exit(main())
