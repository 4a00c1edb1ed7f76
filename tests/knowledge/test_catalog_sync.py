"""`python -m knowledge sync`: drift between the knowledge base and Microsoft Learn's catalogue.

`fixtures/learn_catalog_sample.json` is a small hand-written response in the Learn Catalog API's
documented schema (`exams` and `certifications` lists), with one case of each kind of drift. AI-990 and
AZ-990 are invented codes, so the test never depends on what Microsoft lists today.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import threading
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from knowledge.__main__ import main
from knowledge.catalog_sync import (
    CatalogReadError,
    compare,
    exam_code,
    listed_exams,
    newest_check,
    normalise_title,
    read_catalog_json,
)
from knowledge.loader import KNOWLEDGE_DIR

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "learn_catalog_sample.json"
TODAY = date(2026, 11, 22)
SINCE = date(2026, 11, 22)
SUBSET = ("AZ-104", "AZ-305", "AZ-204", "AZ-900", "AI-200", "PL-300")


@pytest.fixture()
def small(catalog):
    """The knowledge base restricted to a few exams, so every expected difference is listed here."""
    return dataclasses.replace(catalog, exams={code: catalog.exam(code) for code in SUBSET})


def test_each_kind_of_drift_on_the_recorded_file(small):
    listed = listed_exams(read_catalog_json(str(FIXTURE)))
    found = {(d.kind, d.code) for d in compare(small, listed, TODAY, SINCE)}
    assert found == {
        ("new", "AI-990"),          # changed after SINCE, "(beta)"
        ("missing", "AZ-990"),      # listed since 2025, not here
        ("title", "AZ-305"),        # "... Infrastructure and AI Solutions"
        ("unlisted", "AZ-900"),     # active here, absent there
        ("still_listed", "AZ-204"),  # retired here 2026-07-31, still listed
    }


def test_no_drift_for_same_titles_written_differently(small):
    listed = listed_exams(read_catalog_json(str(FIXTURE)))
    codes = {d.code for d in compare(small, listed, TODAY, SINCE)}
    assert not codes & {"AZ-104", "AI-200", "PL-300"}   # same; "Exam AI-200:" prefix; case and spaces
    assert not codes & {"MB-820", "77-881"}             # outside the knowledge base's exam families


def test_since_decides_between_new_and_missing(small):
    listed = listed_exams(read_catalog_json(str(FIXTURE)))
    kinds = {d.code: d.kind for d in compare(small, listed, TODAY, date(2025, 1, 1))}
    assert kinds["AZ-990"] == "new" and kinds["AI-990"] == "new"


@pytest.mark.parametrize("record, code", [
    ({"uid": "exam.az-104", "display_name": "AZ-104"}, "AZ-104"),
    ({"uid": "exam.ai-200"}, "AI-200"),
    ({"uid": "exam.gh-900", "display_name": "gh 900"}, "GH-900"),
    ({"uid": "exam.77-881", "display_name": "77-881"}, None),
    ({"title": "no code"}, None),
])
def test_exam_code(record, code):
    assert exam_code(record) == code


def test_normalise_title():
    assert normalise_title("Exam AZ-104: Microsoft  Azure Administrator ") == "microsoft azure administrator"


@pytest.mark.parametrize("payload", [[], {"modules": []}, {"exams": {"uid": "exam.az-104"}}])
def test_other_json_is_refused(payload):
    with pytest.raises(CatalogReadError, match="exams"):
        listed_exams(payload)


def _digest() -> str:
    files = sorted(p for p in KNOWLEDGE_DIR.rglob("*.yml"))
    return hashlib.sha256(b"".join(p.read_bytes() for p in files)).hexdigest()


def test_command_lists_the_drift_and_never_edits_the_yaml(catalog, capsys):
    before = _digest()
    code = main(["sync", "--catalog", str(FIXTURE), "--today", TODAY.isoformat(), "--since", SINCE.isoformat()])
    out = capsys.readouterr().out
    assert code == 1 and _digest() == before
    for heading in ("New exams", "lacks", "Titles changed", "no longer listed", "still listed"):
        assert heading in out
    assert "AI-990" in out and "AZ-990" in out and "AZ-305" in out and "AZ-204" in out
    # every exam available here and absent from the small file is reported as no longer listed
    absent = [e.code for e in catalog if not e.is_retired_on(TODAY) and e.code not in
              {"AZ-104", "AZ-305", "AI-200", "PL-300"}]
    assert all(f"  {code}  " in out for code in absent)


@pytest.mark.parametrize("today", [date(2026, 11, 22), date(2027, 6, 1)])
def test_command_default_since_is_the_newest_check_but_never_after_today(catalog, capsys, today):
    main(["sync", "--catalog", str(FIXTURE), "--today", today.isoformat()])
    assert f"changed after {min(newest_check(catalog), today).isoformat()}" in capsys.readouterr().out


def test_command_without_differences_exits_0(catalog, tmp_path, capsys):
    exams = [{"uid": f"exam.{e.code.lower()}", "display_name": e.code, "title": e.title, "url": e.learn_url}
             for e in catalog if not e.is_retired_on(TODAY)]
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps({"exams": exams, "certifications": []}), encoding="utf-8")
    assert main(["sync", "--catalog", str(path), "--today", TODAY.isoformat()]) == 0
    assert "No differences." in capsys.readouterr().out


@pytest.mark.parametrize("content", [None, "not json", '{"modules": []}'])
def test_command_reports_an_unreadable_catalogue(tmp_path, capsys, content):
    path = tmp_path / "catalog.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main(["sync", "--catalog", str(path), "--today", TODAY.isoformat()]) == 2
    assert "error:" in capsys.readouterr().err


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base class's name)
        pass


def test_command_reads_the_catalogue_from_a_url(capsys):
    handler = functools.partial(_QuietHandler, directory=str(FIXTURE.parent))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/{FIXTURE.name}"
        assert main(["sync", "--catalog", url, "--today", TODAY.isoformat(), "--since", SINCE.isoformat()]) == 1
        assert "AI-990" in capsys.readouterr().out
        assert main(["sync", "--catalog", url + ".missing", "--today", TODAY.isoformat()]) == 2
    finally:
        server.shutdown()
        server.server_close()
