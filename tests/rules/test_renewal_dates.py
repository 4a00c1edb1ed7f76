"""The dates of a held certification from what the person said (advisor/certification_dates.py, rule 6).

Every expected value is worked out by hand from the policies in knowledge/policies.yml (Microsoft Learn's
renewal page and expiration policy): a role-based or specialty certification is valid one year from the day
it is earned; the free online renewal opens six months before the expiry date; passing it adds one year to
the current expiry date (not to the renewal day). DP-100 retired on 2026-06-01 (knowledge/exams/DP-100.yml)
and a retired certification can't be renewed (`retirement.renewable_after_retirement: false`). Today is
2026-11-22.
"""

from __future__ import annotations

from datetime import date

import pytest

from advisor.certification_dates import HeldDates, expiry_range, standings_for
from advisor.held_standing import held_dates_reply
from presentation.compose import reply_to

TODAY = date(2026, 11, 22)
D, M, Y = "day", "month", "year"


@pytest.mark.parametrize("code, held, first, last", [
    # "expires in February 2027": any day of February 2027
    ("SC-200", HeldDates(expires=(date(2027, 2, 1), M)), date(2027, 2, 1), date(2027, 2, 28)),
    # "i passed 15 june 2026": one year later, 15 June 2027
    ("AZ-104", HeldDates(earned=(date(2026, 6, 15), D)), date(2027, 6, 15), date(2027, 6, 15)),
    # "passed it January 2026": any day of January 2027
    ("AZ-104", HeldDates(earned=(date(2026, 1, 1), M)), date(2027, 1, 1), date(2027, 1, 31)),
    # "earned may 2025, renewed once": May 2026 + one year = May 2027
    ("AZ-104", HeldDates(earned=(date(2025, 5, 1), M), renewals=1), date(2027, 5, 1), date(2027, 5, 31)),
    # "renewed DP-100 in april 2026", earned unknown: the old expiry lay 1 Apr–30 Oct 2026 (renewal ≤ 6 months
    # before it), so the new one lies 1 Apr 2027–30 Oct 2027
    ("DP-100", HeldDates(renewed=(date(2026, 4, 1), M)), date(2027, 4, 1), date(2027, 10, 30)),
    # "passed June 2024, renewed June 2025": expiry June 2025, renewed inside its window → June 2026
    ("AZ-104", HeldDates(earned=(date(2024, 6, 1), M), renewed=(date(2025, 6, 1), M)), date(2026, 6, 1),
     date(2026, 6, 30)),
    # "earned 2026-03-10, renewed 2026-11-20": expiry 2027-03-10, window from 2026-09-10 → 2028-03-10
    ("AZ-104", HeldDates(earned=(date(2026, 3, 10), D), renewed=(date(2026, 11, 20), D)), date(2028, 3, 10),
     date(2028, 3, 10)),
    # an expiry said wins over an earned date
    ("AZ-104", HeldDates(earned=(date(2025, 1, 1), M), expires=(date(2027, 3, 10), D)), date(2027, 3, 10),
     date(2027, 3, 10)),
])
def test_expiry_range(code, held, first, last, catalog):
    assert expiry_range(catalog.exam(code), held, TODAY, catalog) == (first, last)


def test_nothing_dates_it(catalog):
    assert expiry_range(catalog.exam("AZ-104"), HeldDates(), TODAY, catalog) is None
    assert standings_for("AZ-900", HeldDates(earned=(date(2020, 1, 1), Y)), TODAY, catalog) is None  # fundamentals


@pytest.mark.parametrize("code, held, opens, open_now, active", [
    # expiry 1–28 Feb 2027: window opens 1–28 Aug 2026, open on 22 Nov 2026
    ("SC-200", HeldDates(expires=(date(2027, 2, 1), M)), (date(2026, 8, 1), date(2026, 8, 28)), (True, True), True),
    # expiry 15 June 2027: window opens 15 Dec 2026, not yet
    ("AZ-104", HeldDates(earned=(date(2026, 6, 15), D)), (date(2026, 12, 15),) * 2, (False, False), True),
    # AZ-204 earned October 2025: expired 1–31 Oct 2026
    ("AZ-204", HeldDates(earned=(date(2025, 10, 1), M)), (date(2026, 4, 1), date(2026, 4, 30)), (False, False),
     False),
])
def test_window(code, held, opens, open_now, active, catalog):
    early, late = standings_for(code, held, TODAY, catalog)
    assert (early.renewal_opens_on, late.renewal_opens_on) == opens
    assert (early.renewal_open_now, late.renewal_open_now) == open_now
    assert late.active is active


def test_a_retired_certification_is_active_but_not_renewable(catalog):
    early, late = standings_for("DP-100", HeldDates(renewed=(date(2026, 4, 1), M)), TODAY, catalog)
    assert early.active and late.active and not late.renewable and late.renewal_closes_on == date(2026, 6, 1)


@pytest.mark.parametrize("code, held, asks, start", [
    ("SC-200", HeldDates(expires=(date(2027, 2, 1), M)), True,
     "Yes, your renewal window opened in August 2026; renew by 1 February 2027"),
    ("AZ-104", HeldDates(earned=(date(2026, 6, 15), D)), False,
     "Your AZ-104 expires on 15 June 2027; its renewal opens 15 December 2026"),
    ("AZ-104", HeldDates(earned=(date(2026, 6, 15), D)), True, "Not yet: your AZ-104 expires on 15 June 2027"),
    ("DP-100", HeldDates(renewed=(date(2026, 4, 1), M)), False,
     "Your DP-100 stays active until it expires between April 2027 and October 2027, and can't be renewed again: "
     "DP-100 retired on 1 June 2026; after that, take AI-300"),
    ("AZ-104", HeldDates(earned=(date(2025, 5, 1), M), renewals=1), False, "Your AZ-104 expires in May 2027"),
    ("AZ-204", HeldDates(earned=(date(2025, 10, 1), M)), False,
     "No: your AZ-204 expired in October 2026 unless you renewed it"),
    ("AZ-204", HeldDates(expires=(date(2026, 10, 1), M)), False,
     "No: your AZ-204 expired in October 2026. A lapsed certification can't be renewed: pass AI-200"),
])
def test_the_answer_comes_first(code, held, asks, start, catalog):
    text = reply_to(held_dates_reply(code, held, TODAY, catalog, asks_renewal=asks)).text
    assert text.startswith(start), text
    assert "learn.microsoft.com" in text  # the policy's source, with its check date, on the Sources line


def test_ordering_against_the_next_exam(catalog):
    text = reply_to(held_dates_reply("SC-200", HeldDates(expires=(date(2027, 2, 1), M)), TODAY, catalog,
                                     asks_renewal=True, next_exam="AZ-104")).text
    assert "Renew first" in text and "AZ-104" in text
