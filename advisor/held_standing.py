"""Where a held certification stands: "is my AI-900 still valid?", "I passed AZ-104 in March 2025",
"so my AZ-204 just dies in 2027? can I renew it?".

The dates come from `advisor/certification_dates.py` (its stated rules); this module only words them,
with the validity and renewal policies as sources. Plain Python (no Rasa).
"""

from __future__ import annotations

from datetime import date
from typing import List, Optional, Sequence

from advisor.certification_dates import (
    HeldDates,
    add_months,
    certification_standing,
    period_bounds,
    standings_for,
)
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
        heading = f"{code} never expires: it is a fundamentals certification{retired}. It stays valid."
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


def _when(first: Optional[date], last: Optional[date]) -> str:
    """A date the rules give as a range: "on 15 June 2027", "in May 2027", "between April and October 2027"."""
    if first is None or last is None:
        return "on an unknown date"
    if first == last:
        return f"on {_day(first)}"
    if (first.year, first.month) == (last.year, last.month):
        return f"in {first.strftime('%B %Y')}"
    return f"between {first.strftime('%B %Y')} and {last.strftime('%B %Y')}"


def _said(held: HeldDates) -> str:
    """What the dates were read from, for the reason line."""
    if held.expires:
        return f"you said it expires {_earned(*held.expires)}"
    if held.renewed:
        earned = f"earned {_earned(*held.earned)}, " if held.earned else ""
        return (f"{earned}renewed {_earned(*held.renewed)}: a renewal adds one year to the expiry date it had then, "
                "not to the renewal day")
    if held.earned:
        again = {0: "", 1: ", plus one year for the renewal"}.get(
            held.renewals, f", plus one year for each of {held.renewals} renewals")
        return f"earned {_earned(*held.earned)}: valid one year from that day{again}"
    return "no date given"


def held_dates_reply(code: str, held: HeldDates, today: date, catalog: Catalog, *, asks_renewal: bool = False,
                     next_exam: Optional[str] = None) -> Answer:
    """One answer about a held certification from the dates the person gave (earned, renewed or expiry),
    answer first: the date or yes/no, then the reason and the policies as sources."""
    exam = catalog.exam(code)
    validity, renewal, retirement = catalog.policy("validity"), catalog.policy("renewal"), catalog.policy("retirement")
    if exam.level == "fundamentals" or not held.known:
        return standing_reply(code, None, "day", today, catalog)
    standings = standings_for(code, held, today, catalog)
    if standings is None:
        return standing_reply(code, None, "day", today, catalog)
    early, late = standings
    expires = _when(early.expires_on, late.expires_on)
    facts: List[Fact] = [Fact(f"How: {_said(held)}.", validity.source)]
    window = Fact("Renewal is a free online assessment on Microsoft Learn, open in the six months before the expiry "
                  "date; passing adds one year to the current expiry date.", renewal.source)
    retired = early.retired_on if early.retired_on and early.retired_on <= today else None
    if not late.active:
        again = late.retake_exam or code
        unless = (" unless you renewed it (your Microsoft Learn profile shows it)"
                  if held.earned and not (held.renewed or held.renewals) else "")
        heading = (f"No: your {code} expired {expires}{unless}. A lapsed certification can't be renewed: pass {again} "
                   "to hold it again; what you learned for it still counts as experience.")
        facts.append(window)
    elif not early.active and early.expires_on and late.expires_on:  # the dates allow both: never a past "renew by"
        heading = (f"It depends on the exact renewal date: your {code} expired {_day(early.expires_on)} if that "
                   f"renewal was its only one, or else it expires {_day(late.expires_on)}. Your Microsoft Learn "
                   "profile (Credentials) shows which.")
        facts.append(window)
    elif early.renewal_open_now and late.renewal_open_now:
        opened = _when(late.renewal_opens_on, early.renewal_opens_on)
        yes = "Yes, your" if asks_renewal else "Your"
        heading = (f"{yes} renewal window opened {opened.removeprefix('on ')}; renew by "
                   f"{_day(early.renewal_closes_on)}. Your {code} expires {expires}.")
        facts.append(window)
        if next_exam and next_exam != code:
            facts.append(Fact(f"Renew first: the assessment is short, free and unproctored, then put your study "
                              f"time into {next_exam}.", None))
    elif late.renewable and early.renewal_opens_on and late.renewal_opens_on and today < early.renewal_opens_on:
        no = "Not yet: your" if asks_renewal else "Your"
        heading = (f"{no} {code} expires {expires}; its renewal opens "
                   f"{_when(early.renewal_opens_on, late.renewal_opens_on).removeprefix('on ')} and you can renew "
                   f"until {_day(early.renewal_closes_on)}.")
        facts.append(window)
        if next_exam and next_exam != code:
            facts.append(Fact(f"Nothing to do now: carry on with {next_exam} and renew when the window opens.", None))
    elif late.renewable:
        heading = (f"Your {code} expires {expires}; its renewal window may already be open: renew by "
                   f"{_day(early.renewal_closes_on)} to be safe.")
        facts.append(window)
    else:
        after = f"; after that, take {late.successor}" if late.successor else ""
        why = f": {code} retired on {_day(retired)}" if retired else ""
        heading = f"Your {code} stays active until it expires {expires}, and can't be renewed again{why}{after}."
        facts.append(Fact(retirement.statement, retirement.source))
    if early.expires_on and late.expires_on and late.active and \
            (early.expires_on.year, early.expires_on.month) != (late.expires_on.year, late.expires_on.month):
        facts.append(Fact("Your Microsoft Learn profile shows the exact expiry date.", None))
    return _answer(heading, facts)


def _answer(heading: str, facts: Sequence[Fact] = ()) -> Answer:
    return Answer(heading, tuple(facts))
