"""Where a held certification stands: "is my AI-900 still valid?", "I passed AZ-104 in March 2025",
"so my AZ-204 just dies in 2027? can I renew it?".

The dates come from `advisor/certification_dates.py` (its stated rules); this module only words them,
with the validity and renewal policies as sources. Plain Python (no Rasa).
"""

from __future__ import annotations

from datetime import date
from typing import List, Optional, Sequence

from advisor.certification_dates import add_months, certification_standing, period_bounds
from advisor.recommendation import Answer, Fact
from knowledge.catalog import Catalog


def _day(value: Optional[date]) -> str:
    return value.strftime("%-d %B %Y") if value else "an unknown date"


def _earned(value: date, precision: str) -> str:
    return {"day": _day(value), "month": value.strftime("%B %Y"), "year": str(value.year)}[precision]


def standing_reply(code: str, earned_on: Optional[date], precision: str, today: date, catalog: Catalog) -> Answer:
    """Whether the certification is active, until when, and whether and when it can be renewed."""
    exam = catalog.exam(code)
    standing = certification_standing(code, earned_on, today, catalog, precision=precision)
    validity, renewal = catalog.policy("validity"), catalog.policy("renewal")
    facts: List[Fact] = [Fact(validity.statement, validity.source)]
    retired = f" (the exam retired on {_day(standing.retired_on)})" if standing.retired_on and \
        standing.retired_on <= today else ""
    if exam.level == "fundamentals":
        heading = f"Yes: {code} is a fundamentals certification, so it never expires{retired}."
        return _answer(heading, facts)
    when = f", earned {_earned(earned_on, precision)}," if earned_on else ""
    if earned_on is None and not retired:
        heading = (f"{code} is valid for one year from the day you earned it; renew it free online in the six "
                   "months before it expires. Tell me when you passed it (\"passed it in March 2025\") and I'll "
                   "give you the dates.")
        facts.append(Fact(renewal.statement, renewal.source))
    elif standing.must_retake:
        again = standing.retake_exam or code
        heading = (f"Your {code}{when} expired on {_day(standing.expires_on)} unless you renewed it (a renewal adds "
                   f"a year; your Microsoft Learn profile shows it). A lapsed certification can't be renewed: pass "
                   f"{again} to hold it again.")
    elif standing.renewal_open_now:
        heading = (f"Your {code}{when} is valid until {_day(standing.expires_on)}, and renewal is open now: free and "
                   f"online until {_day(standing.renewal_closes_on)}.")
        facts.append(Fact(renewal.statement, renewal.source))
    elif standing.renewable:
        heading = (f"Your {code}{when} is valid until {_day(standing.expires_on)}; renew it free online between "
                   f"{_day(standing.renewal_opens_on)} and {_day(standing.renewal_closes_on)}.")
        facts.append(Fact(renewal.statement, renewal.source))
    elif standing.active and standing.expires_on and earned_on:
        after = f"; after that, take {standing.successor}" if standing.successor else ""
        heading = (f"Your {code}{when} stays active until {_day(standing.expires_on)} but can't be renewed any "
                   f"more{retired}{after}.")
        facts.append(Fact(catalog.policy("retirement").statement, catalog.policy("retirement").source))
    elif standing.retired_on and standing.retired_on <= today:
        after = f", then take {standing.successor}" if standing.successor else ""
        heading = (f"Your {code} can't be renewed any more{retired}. It stays active until its own expiry date (at "
                   f"the latest {_day(standing.expires_on)}){after}.")
        facts.append(Fact(catalog.policy("retirement").statement, catalog.policy("retirement").source))
    else:
        heading = f"Your {code}{when} is valid until {_day(standing.expires_on)}."
    if earned_on and not standing.certain:
        facts.append(Fact(f"I read \"{_earned(earned_on, precision)}\" as its latest day; your Microsoft Learn "
                          "profile shows the exact expiry date.", None))
    return _answer(heading, facts)


def renewed_reply(code: str, renewed_on: date, precision: str, today: date, catalog: Catalog) -> Answer:
    """"I renewed it in May 2026": a renewal passed inside the six-month window adds a year to the expiry
    the certification had then, so the new expiry lies one year to eighteen months after the renewal."""
    exam = catalog.exam(code)
    renewal = catalog.policy("renewal")
    months = int(renewal.values.get("window_months", 6))
    first, last = period_bounds(renewed_on, precision)
    earliest, latest = add_months(first, 12), add_months(last, 12 + months)
    retired = exam.is_retired_on(today)
    heading = (f"Renewed in {_earned(renewed_on, precision)}, your {code} now expires one year after the expiry it "
               f"had then: between {earliest.strftime('%B %Y')} and {latest.strftime('%B %Y')}. Your Microsoft Learn "
               "profile shows the exact date.")
    if retired:
        heading += f" It can't be renewed again: {code} has retired."
    return _answer(heading, [Fact(renewal.statement, renewal.source)])


def _answer(heading: str, facts: Sequence[Fact] = ()) -> Answer:
    return Answer(heading, tuple(facts))
