"""Calendar links (advisor/calendar_token.py, advisor/calendar_link.py): a signed token round-trips, an expired or
forged one is refused with 410 or 403, the secret comes from CALENDAR_SECRET or a file made once, and the page's
answer is the .ics file with its headers, or a short text, never an exception."""

from __future__ import annotations

import base64
import json
import re
import stat
from datetime import date, timedelta

import pytest
from icalendar import Calendar

from advisor.calendar_link import calendar_download, calendar_link, public_web_url
from advisor.calendar_plan import PlanRequest, plan_start
from advisor.calendar_token import ExpiredToken, ForgedToken, calendar_secret, make_token, read_token

SECRET = b"a-test-secret-of-reasonable-length-0123456789"
NOW = 1_800_000_000.0  # a fixed moment (2027-01-15); tokens are checked against the clock passed in
DAY = 24 * 3600


@pytest.fixture()
def request_(today) -> PlanRequest:
    return PlanRequest(("AZ-104", "AZ-305"), 5.0, "new_to_azure", today, plan_start(today))


def payload_of(token: str) -> dict:
    part = token.split(".")[0].upper()
    return json.loads(base64.b32decode(part + "=" * (-len(part) % 8)))


def reencode(body: dict) -> str:
    return base64.b32encode(json.dumps(body, separators=(",", ":")).encode()).rstrip(b"=").decode().lower()


def test_a_token_is_letters_and_digits_so_no_chat_markdown_can_break_it(request_):
    token = make_token(request_, SECRET, int(NOW) + DAY)
    assert re.fullmatch(r"[a-z0-9]+\.[a-z0-9]+", token)


# -- tokens ----------------------------------------------------------------------------------------

def test_a_token_round_trips_the_plans_inputs(request_):
    token = make_token(request_, SECRET, int(NOW) + DAY)
    assert read_token(token, SECRET, NOW) == (request_, int(NOW) + DAY)


def test_a_token_carries_the_plan_and_nothing_about_the_person(request_):
    body = payload_of(make_token(request_, SECRET, int(NOW) + DAY))
    assert set(body) == {"v", "p", "h", "b", "d", "s", "e"}
    assert body["p"] == ["AZ-104", "AZ-305"] and body["h"] == 5.0


def test_an_expired_token_is_refused_with_gone(request_):
    token = make_token(request_, SECRET, int(NOW) - 1)
    with pytest.raises(ExpiredToken) as refused:
        read_token(token, SECRET, NOW)
    assert refused.value.status == 410


def test_a_token_is_valid_until_its_expiry_and_not_at_it(request_):
    token = make_token(request_, SECRET, int(NOW) + 10)
    read_token(token, SECRET, NOW + 9)
    with pytest.raises(ExpiredToken):
        read_token(token, SECRET, NOW + 10)


def test_a_token_signed_with_another_secret_is_forged(request_):
    token = make_token(request_, b"someone-elses-secret", int(NOW) + DAY)
    with pytest.raises(ForgedToken) as refused:
        read_token(token, SECRET, NOW)
    assert refused.value.status == 403


@pytest.mark.parametrize("field, value", [("e", int(NOW) + 365 * DAY), ("h", 40.0), ("p", ["AZ-305"])])
def test_a_token_with_an_altered_payload_is_forged(request_, field, value):
    token = make_token(request_, SECRET, int(NOW) + DAY)
    body = payload_of(token)
    body[field] = value
    forged = f"{reencode(body)}.{token.split('.')[1]}"
    with pytest.raises(ForgedToken):
        read_token(forged, SECRET, NOW)


@pytest.mark.parametrize("token", ["", "abc", "a.b.c", "abc.", ".abc", "é.é", "x" * 5000, "e30.e30",
                                   "!!!.???"])
def test_malformed_tokens_are_forged(token):
    with pytest.raises(ForgedToken):
        read_token(token, SECRET, NOW)


def test_a_signed_but_unreadable_payload_is_still_refused():
    """Only the secret's holder could make one, but a bad payload must not crash the reader either."""
    from advisor.calendar_token import _signature

    payload = reencode({"v": 1, "p": "AZ-104"})  # fields missing
    with pytest.raises(ForgedToken):
        read_token(f"{payload}.{_signature(payload, SECRET)}", SECRET, NOW)


# -- the secret --------------------------------------------------------------------------------------

def test_the_secret_comes_from_the_environment_first(tmp_path):
    file = tmp_path / "calendar-secret"
    assert calendar_secret({"CALENDAR_SECRET": "from-env"}, file) == b"from-env"
    assert not file.exists(), "no file is made when the variable is set"


def test_without_the_variable_a_private_secret_file_is_made_once_and_kept(tmp_path):
    file = tmp_path / "run" / "calendar-secret"
    first = calendar_secret({}, file)
    assert len(first) >= 32
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert calendar_secret({"CALENDAR_SECRET": "  "}, file) == first, "a blank variable counts as unset"
    assert list(file.parent.iterdir()) == [file], "no temporary file is left behind"


# -- the link -----------------------------------------------------------------------------------------

def test_the_public_address_is_web_url_or_the_local_page():
    assert public_web_url({"WEB_URL": "https://advisor.example.org/"}) == "https://advisor.example.org"
    assert public_web_url({"WEB_PORT": "9123"}) == "http://127.0.0.1:9123"
    assert public_web_url({}) == "http://127.0.0.1:8080"


def test_a_link_points_at_the_page_and_lasts_thirty_days(request_):
    env = {"WEB_URL": "https://advisor.example.org", "CALENDAR_SECRET": SECRET.decode()}
    link, expires_at = calendar_link(request_, now=NOW, environ=env)
    assert link.startswith("https://advisor.example.org/calendar/") and link.endswith(".ics")
    assert expires_at == int(NOW) + int(timedelta(days=30).total_seconds())
    token = link.rsplit("/", 1)[1].removesuffix(".ics")
    assert read_token(token, SECRET, NOW)[0] == request_


# -- the page's answer ----------------------------------------------------------------------------------

def download(catalog, path: str, now: float = NOW):
    return calendar_download(path, lambda: catalog, now=now, environ={"CALENDAR_SECRET": SECRET.decode()})


def test_a_valid_link_downloads_the_calendar_file(catalog, request_):
    token = make_token(request_, SECRET, int(NOW) + DAY)
    answer = download(catalog, f"/calendar/{token}.ics")
    assert answer.status == 200 and answer.content_type.startswith("text/calendar")
    disposition = answer.headers["Content-Disposition"]
    assert disposition.startswith("attachment;") and 'filename="' in disposition and ".ics" in disposition
    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(answer.body).walk("VEVENT")]
    assert "Book AZ-104" in summaries and "Book AZ-305" in summaries


def test_expired_forged_and_unknown_links_get_short_texts(catalog, request_):
    expired = make_token(request_, SECRET, int(NOW) - DAY)
    forged = make_token(request_, b"another-secret", int(NOW) + DAY)
    cases = [(f"/calendar/{expired}.ics", 410), (f"/calendar/{forged}.ics", 403), ("/calendar/nothing.ics", 404),
             ("/calendar/a.b", 404)]
    for path, status in cases:
        answer = download(catalog, path)
        assert answer.status == status, path
        assert answer.content_type.startswith("text/plain") and len(answer.body) < 200


def test_a_plan_that_can_no_longer_be_made_is_gone(catalog, today):
    retired = next(e for e in catalog if e.is_retired_on(today))
    request = PlanRequest((retired.code,), 5.0, "new_to_azure", today, plan_start(today))
    answer = download(catalog, f"/calendar/{make_token(request, SECRET, int(NOW) + DAY)}.ics")
    assert answer.status == 410 and retired.code in answer.body.decode()


def test_an_unreadable_knowledge_base_is_unavailable_not_an_error(request_):
    def broken():
        raise RuntimeError("database is down")

    token = make_token(request_, SECRET, int(NOW) + DAY)
    answer = calendar_download(f"/calendar/{token}.ics", broken, now=NOW,
                               environ={"CALENDAR_SECRET": SECRET.decode()})
    assert answer.status == 503


def test_the_plan_start_date_is_a_date(request_):
    assert isinstance(request_.start, date) and request_.start.weekday() == 0
