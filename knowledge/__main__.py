"""Command line for the knowledge base.

    python -m knowledge validate        check every YAML file; list every problem
    python -m knowledge build           validate, then (re)build the database in one transaction
    python -m knowledge list [--status retired]
    python -m knowledge show AZ-104
    python -m knowledge stale --older-than 90d [--today YYYY-MM-DD]   facts due for re-checking (12w, 6m too)
    python -m knowledge sync --catalog FILE_OR_URL [--since YYYY-MM-DD]  drift from Microsoft Learn's catalogue
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import List, Optional

from knowledge.catalog import Catalog, Exam, Source
from knowledge.catalog_sync import (
    CATALOG_URL,
    CatalogReadError,
    compare,
    listed_exams,
    newest_check,
    read_catalog_json,
    render_drift,
)
from knowledge.loader import KnowledgeValidationError, load_catalog
from knowledge.staleness import Age, BadAgeError, parse_age, render_stale, stale_facts
from knowledge.store import build, database_url, make_engine
from knowledge.today import InvalidTodayError, today


def _source_line(source: Source) -> str:
    weak = " (weak evidence)" if source.weak else ""
    return f"source: {source.url}, checked {source.checked.isoformat()}, grade {source.grade}{weak}"


def _show(catalog: Catalog, exam: Exam) -> str:
    on = today()
    lines = [f"{exam.code}  {exam.title}", f"  certification: {exam.certification} ({exam.level})"]
    status = exam.status_on(on)
    line = f"  status on {on.isoformat()}: {status}"
    if exam.status.retirement_date:
        line += f" (retirement date {exam.status.retirement_date.isoformat()})"
    if exam.status.successor:
        line += f"; successor {exam.status.successor}"
    lines += [line, f"    {_source_line(exam.status.source)}"]
    if exam.status.note:
        lines.append(f"    note: {exam.status.note}")
    lines.append(f"  for: {exam.audience}")
    if exam.format:
        lines += [
            f"  duration: {exam.format.duration_minutes} min ({exam.format.duration_basis})",
            f"    {_source_line(exam.format.source)}",
        ]
    if exam.skills:
        lines.append(f"  skills measured as of {exam.skills.as_of.isoformat()}:")
        lines += [f"    - {d.name}: {d.weight_label}" for d in exam.skills.domains]
        lines.append(f"    {_source_line(exam.skills.source)}")
    if exam.prerequisite_sets:
        options = " or ".join(" + ".join(option) for option in exam.prerequisite_sets)
        lines.append(f"  certification prerequisites (any of): {options}")
    if exam.prerequisites and exam.prerequisites.note:
        lines.append(f"    note: {exam.prerequisites.note}")
    lines += [f"  coding: {exam.coding.level}" + (f" ({exam.coding.note})" if exam.coding.note else ""),
              f"    {_source_line(exam.coding.source)}"]
    if exam.study_hours:
        ranges = ", ".join(f"{name} {low}-{high} h" for name, low, high in exam.study_hours.ranges)
        lines += [f"  study hours: {ranges}", f"    {_source_line(exam.study_hours.source)}"]
    lines.append(f"  roles: {', '.join(exam.roles) or '-'}")
    lines.append(f"  Microsoft Learn: {exam.learn_url}")
    return "\n".join(lines)


def _age(text: str) -> Age:
    try:
        return parse_age(text)
    except BadAgeError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"bad date {text!r}: use YYYY-MM-DD") from None


def main(argv: Optional[List[str]] = None) -> int:
    """Entry point; returns the process exit code."""
    parser = argparse.ArgumentParser(prog="python -m knowledge", description="The exam knowledge base.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("validate", help="check every file and list every problem")
    commands.add_parser("build", help="validate, then rebuild the database")
    listing = commands.add_parser("list", help="list the exams")
    listing.add_argument("--status", choices=["active", "beta", "retiring", "retired"])
    show = commands.add_parser("show", help="show everything about one exam")
    show.add_argument("code")
    stale = commands.add_parser("stale", help="list the facts whose source was checked too long ago")
    stale.add_argument("--older-than", type=_age, default=parse_age("90d"), metavar="AGE",
                       help="90d, 12w, 6m or 1y (default 90d)")
    stale.add_argument("--today", type=_date, default=None, metavar="YYYY-MM-DD",
                       help="the date to measure from (default: ADVISOR_TODAY, else the real date)")
    sync = commands.add_parser("sync", help="list differences from Microsoft Learn's catalogue (never edits)")
    sync.add_argument("--catalog", required=True, metavar="FILE_OR_URL",
                      help=f"a saved Learn Catalog API response, or its URL ({CATALOG_URL})")
    sync.add_argument("--since", type=_date, default=None, metavar="YYYY-MM-DD",
                      help="records changed after this count as new (default: the newest checked date here)")
    sync.add_argument("--today", type=_date, default=None, metavar="YYYY-MM-DD",
                      help="the date to compare on (default: ADVISOR_TODAY, else the real date)")
    args = parser.parse_args(argv)

    try:
        catalog = load_catalog()
        on = getattr(args, "today", None) or today()
    except KnowledgeValidationError as error:
        print(error, file=sys.stderr)
        return 1
    except InvalidTodayError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2

    if args.command == "validate":
        print(f"ok: {len(catalog.exams)} exams, {len(catalog.policies)} policies, {len(catalog.tracks)} role tracks")
        return 0
    if args.command == "build":
        url = database_url()
        build(make_engine(url), catalog)
        shown = url.split("@")[-1] if "@" in url else url
        print(f"built {shown}: {len(catalog.exams)} exams, {len(catalog.policies)} policies, "
              f"{len(catalog.tracks)} role tracks")
        return 0
    if args.command == "sync":
        try:
            listed = listed_exams(read_catalog_json(args.catalog))
        except CatalogReadError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        since = args.since or min(newest_check(catalog), on)
        drifts = compare(catalog, listed, on, since)
        print(render_drift(drifts, len(listed), on, since))
        return 1 if drifts else 0
    if args.command == "stale":
        print(render_stale(stale_facts(catalog, on, args.older_than), on, args.older_than))
        return 0
    if args.command == "list":
        for exam in catalog:
            status = exam.status_on(on)
            if args.status and status != args.status:
                continue
            extra = f" -> {exam.status.successor}" if exam.status.successor and status == "retired" else ""
            print(f"{exam.code:7} {status:8} {exam.level:12} {exam.title}{extra}")
        return 0
    code = args.code.strip().upper().replace(" ", "-")
    if "-" not in code and len(code) > 2:
        code = f"{code[:2]}-{code[2:]}"
    if not catalog.has_exam(code):
        close = [c for c in catalog.exams if c[:2] == code[:2]][:5]
        hint = f" Known {code[:2]} exams: {', '.join(close)}." if close else ""
        print(f"error: no exam {args.code!r} in the knowledge base.{hint}", file=sys.stderr)
        return 1
    print(_show(catalog, catalog.exam(code)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
