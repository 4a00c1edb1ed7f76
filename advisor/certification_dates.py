"""Dates of a held certification, and whether an exam can still be finished before it retires.

Plain data in, plain data out (no wording, no Rasa): the wording layer turns these values into
sentences. The numbers come from the knowledge base's policies (`validity.role_based_years`,
`renewal.window_months`, `renewal.extends_years`), which follow Microsoft Learn's renewal page
(https://learn.microsoft.com/en-us/certifications/renew-your-microsoft-certification) and the
credential expiration policy: role-based and specialty certifications are valid one year from the day
they are earned, the free online renewal opens six months before the expiry date, passing it adds one
year to the current expiry date, a lapsed certification needs the exam again, a retired certification
stays active until its own expiry but can no longer be renewed, and fundamentals never expire.

Stated rules (each is tested in tests/rules/test_certification_dates.py and tests/rules/test_renewal_dates.py):

1. **The expiry date is the last day a certification counts**; it expires the day after.
2. **An imprecise earned date** ("2021", "March 2025") counts as the *latest* day it can mean: the
   last day of the year or month, but never after today and never after the exam's retirement date
   (the last day it could be earned). That is the most favourable reading, so a certification that may
   still be active is never called lapsed; `certain` says whether the earliest reading gives the same
   answer about being active.
3. **An unknown earned date** (None) for a held certification is read the same way: the latest expiry
   any holder could have. For an exam that is still available that is "active, expiry unknown"; for a
   retired exam it is a renewal passed on the retirement day, as early in its window as possible:
   retirement date + window (6 months) + one renewal (1 year), about a year and a half after the
   retirement date, not one year.
4. **Without a renewal date**, the standing is computed as if the certification was never renewed;
   `renewed_until` (the expiry date the person's Microsoft Learn profile shows) replaces that.
5. **Renewable** means it can still be renewed online: it is active, and some day from today up to its
   expiry lies inside the renewal window while the renewal assessment exists (up to the retirement date).
6. **From what the person said** (`expiry_range`: the earliest and latest expiry date it allows). An expiry
   date said ("expires in February 2027") is used as it is: its first and last day. Otherwise a renewal
   date: a renewal adds one year to the expiry the certification had when it was renewed (never to the
   renewal day); with the earned date that expiry is the first anniversary of earning on or after the
   renewal day, and without it, it lay between the renewal day and six months after it. Otherwise the
   earned date (rule 2) plus one year, plus one year per renewal counted ("renewed once").
7. **Renewal after retirement** follows the knowledge base (`retirement.renewable_after_retirement`).
8. **Pace:** an exam retiring before the person could finish studying for it is not recommended. The
   finish date is today plus the upper end of the study-weeks estimate at the person's weekly hours
   (study as if started today); the exam is too late when that date falls after its retirement date
   (the retirement date itself is the last day it can be taken, so finishing on it is in time).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import List, Optional, Tuple

from knowledge.catalog import Catalog, Exam

PRECISIONS: Tuple[str, ...] = ("day", "month", "year")


def add_months(day: date, months: int) -> date:
    """`day` moved by `months` calendar months; the 31st becomes the month's last day when needed."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def period_bounds(earned_on: date, precision: str) -> Tuple[date, date]:
    """First and last day an earned date of this precision can mean."""
    if precision == "day":
        return earned_on, earned_on
    if precision == "month":
        last = calendar.monthrange(earned_on.year, earned_on.month)[1]
        return earned_on.replace(day=1), earned_on.replace(day=last)
    if precision == "year":
        return date(earned_on.year, 1, 1), date(earned_on.year, 12, 31)
    raise ValueError(f"precision must be one of {', '.join(PRECISIONS)}, not {precision!r}")


@dataclass(frozen=True)
class CertificationStanding:
    """Where a held certification stands on `today` (data only; see the module's rules)."""

    exam_code: str
    active: bool
    expires_on: Optional[date]          # None: never expires (fundamentals), or unknown
    renewal_opens_on: Optional[date]    # first day of the renewal window (None when it has none or unknown)
    renewal_closes_on: Optional[date]   # last day it can be renewed: expiry, or the retirement date if earlier
    renewable: bool                     # can still be renewed online (rule 5)
    renewal_open_now: bool              # today is inside the window and the assessment exists
    must_retake: bool                   # lapsed: the exam again, or its successor if retired
    retake_exam: Optional[str]          # what to sit when must_retake (None when the exam has no successor)
    successor: Optional[str]            # the exam to take today instead of a retired (or retiring) one
    retired_on: Optional[date]          # the exam's retirement date, when it has one
    earned_on_used: Optional[date]      # the earned day the rules used (rule 2); None when unknown
    certain: bool                       # the earliest reading of the earned date gives the same `active`


def _successor(exam: Exam, catalog: Catalog, today: date) -> Optional[str]:
    code = exam.status.successor
    if not code or not catalog.has_exam(code):
        return None
    current = catalog.current_successor(code, today)
    return current.code if current else None


def _role_based_expiry(earned: date, catalog: Catalog) -> date:
    years = int(catalog.policy_value("validity", "role_based_years"))
    return add_months(earned, 12 * years)


def latest_possible_expiry(exam: Exam, catalog: Catalog) -> Optional[date]:
    """The latest expiry any holder of a retired certification can have (rule 3); None if not retired."""
    retired = exam.status.retirement_date
    if retired is None:
        return None
    window = int(catalog.policy_value("renewal", "window_months"))
    extends = int(catalog.policy_value("renewal", "extends_years"))
    return add_months(retired, window + 12 * extends)


def _standing_for_expiry(exam: Exam, expires_on: date, today: date, catalog: Catalog) -> Tuple[
        bool, date, date, bool, bool]:
    """active, renewal opens, renewal closes, renewable, open now, for one expiry date."""
    window = int(catalog.policy_value("renewal", "window_months"))
    opens = add_months(expires_on, -window)
    retired = exam.status.retirement_date
    after_retirement = bool(catalog.policy_value("retirement", "renewable_after_retirement"))
    closes = min(expires_on, retired) if retired is not None and not after_retirement else expires_on
    active = today <= expires_on
    renewable = active and max(today, opens) <= closes
    open_now = active and opens <= today <= closes
    return active, opens, closes, renewable, open_now


def certification_standing(
    exam_code: str,
    earned_on: Optional[date],
    today: date,
    catalog: Catalog,
    *,
    precision: str = "day",
    renewed_until: Optional[date] = None,
) -> CertificationStanding:
    """The standing on `today` of the certification earned with `exam_code` on `earned_on`.

    `precision` says what `earned_on` means: "day", "month" (any day of that month) or "year" (any day
    of that year); see rule 2. `renewed_until` is the expiry date after renewals, when known (rule 4).
    Raises ValueError when the earned date is after today or, for a retired exam, after its retirement.
    """
    exam = catalog.exam(exam_code)
    retired = exam.status.retirement_date
    successor = _successor(exam, catalog, today)

    used: Optional[date] = None
    earliest: Optional[date] = None
    if earned_on is not None:
        first, last = period_bounds(earned_on, precision)
        latest_allowed = min(today, retired) if retired is not None else today
        if first > latest_allowed:
            limit = "its retirement date" if retired is not None and retired < today else "today"
            raise ValueError(f"{exam.code} cannot have been earned on {earned_on.isoformat()}: after {limit}")
        used, earliest = min(last, latest_allowed), first

    if exam.level == "fundamentals":
        return CertificationStanding(
            active=True, expires_on=None, renewal_opens_on=None, renewal_closes_on=None, renewable=False,
            renewal_open_now=False, must_retake=False, retake_exam=None, earned_on_used=used, certain=True,
            exam_code=exam.code, successor=successor, retired_on=retired,
        )

    if renewed_until is not None:
        expires_on: Optional[date] = renewed_until
        certain = True
    elif used is not None and earliest is not None:
        expires_on = _role_based_expiry(used, catalog)
        certain = (today <= expires_on) == (today <= _role_based_expiry(earliest, catalog))
    elif exam.is_retired_on(today):
        expires_on = latest_possible_expiry(exam, catalog)
        certain = False
    else:
        expires_on = None
        certain = False

    if expires_on is None:  # held, still available, earned date unknown: active, dates unknown
        return CertificationStanding(
            active=True, expires_on=None, renewal_opens_on=None, renewal_closes_on=None, renewable=True,
            renewal_open_now=False, must_retake=False, retake_exam=None, earned_on_used=None, certain=False,
            exam_code=exam.code, successor=successor, retired_on=retired,
        )
    active, opens, closes, renewable, open_now = _standing_for_expiry(exam, expires_on, today, catalog)
    retake = None if active else (successor if exam.is_retired_on(today) else exam.code)
    return CertificationStanding(
        active=active, expires_on=expires_on, renewal_opens_on=opens, renewal_closes_on=closes,
        renewable=renewable, renewal_open_now=open_now, must_retake=not active, retake_exam=retake,
        earned_on_used=used, certain=certain, exam_code=exam.code, successor=successor, retired_on=retired,
    )


# -- what the person said (rule 6) ---------------------------------------------------------------

Said = Tuple[date, str]  # (first day of the period, precision)


@dataclass(frozen=True)
class HeldDates:
    """What the person said about one held certification's dates (None: not said)."""

    earned: Optional[Said] = None
    renewed: Optional[Said] = None
    expires: Optional[Said] = None
    renewals: int = 0

    @property
    def known(self) -> bool:
        return bool(self.earned or self.renewed or self.expires)


def _expiry_after_renewal(earned: date, renewed: date, window: int, years: int) -> Optional[date]:
    """The expiry a renewal on `renewed` gave a certification earned on `earned`; None when it can't be."""
    for step in range(1, 20):
        before = add_months(earned, 12 * years * step)
        if before >= renewed:
            return add_months(before, 12) if add_months(before, -window) <= renewed else None
    return None


def _renewals_in_period(earned: Tuple[date, date], period: Tuple[date, date], window: int, years: int,
                        renewal: int) -> List[date]:
    """"Earned Oct 2024, renewed in 2025": the expiry the `renewal`-th renewal gave, when its window (the months
    before the expiry it renewed) overlaps the period said; one date per end of the earned period."""
    found: List[date] = []
    for start in earned:
        expiry = add_months(start, 12 * years * renewal)
        if add_months(expiry, -window) <= period[1] and expiry >= period[0]:
            found.append(add_months(expiry, 12))
    return found


def expiry_range(exam: Exam, held: HeldDates, today: date, catalog: Catalog) -> Optional[Tuple[date, date]]:
    """The earliest and latest expiry date what was said allows (rule 6); None when nothing dates it."""
    years = int(catalog.policy_value("validity", "role_based_years"))
    window = int(catalog.policy_value("renewal", "window_months"))
    extends = int(catalog.policy_value("renewal", "extends_years"))
    retired = exam.status.retirement_date
    latest_allowed = min(today, retired) if retired is not None else today
    if held.expires is not None:
        return period_bounds(*held.expires)
    earned = None
    if held.earned is not None:
        first, last = period_bounds(*held.earned)
        earned = (first, max(first, min(last, latest_allowed)))
    if held.renewed is not None:
        r_first, r_last = period_bounds(*held.renewed)
        r_last = max(r_first, min(r_last, today))
        if earned is not None:
            ends = [_expiry_after_renewal(e, r, window, years) for e in earned for r in (r_first, r_last)]
            found = [end for end in ends if end is not None] or _renewals_in_period(
                earned, (r_first, r_last), window, years, max(1, held.renewals))
            if found:
                return min(found), max(found)
        return add_months(r_first, 12 * extends), add_months(r_last, 12 * extends + window)
    if earned is not None:
        months = 12 * years + 12 * extends * held.renewals
        return add_months(earned[0], months), add_months(earned[1], months)
    return None


def standings_for(exam_code: str, held: HeldDates, today: date, catalog: Catalog) -> Optional[Tuple[
        CertificationStanding, CertificationStanding]]:
    """The standing on `today` at the earliest and at the latest expiry what was said allows; None when it
    says nothing that dates the certification (or it never expires)."""
    exam = catalog.exam(exam_code)
    bounds = expiry_range(exam, held, today, catalog) if exam.level != "fundamentals" else None
    if bounds is None:
        return None
    return (certification_standing(exam_code, None, today, catalog, renewed_until=bounds[0]),
            certification_standing(exam_code, None, today, catalog, renewed_until=bounds[1]))


# -- pace ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PaceCheck:
    """Whether an exam can be finished before it retires, at the person's pace (rule 8)."""

    exam_code: str
    retires_on: date
    weekly_hours: float
    weeks_needed: int           # upper end of the study-weeks estimate
    finish_on: date             # today + weeks_needed
    successor: Optional[str]    # the exam to take instead

    @property
    def too_late(self) -> bool:
        return self.finish_on > self.retires_on


def pace_check(
    exam: Exam, weeks_needed: int, weekly_hours: float, today: date, catalog: Catalog,
) -> Optional[PaceCheck]:
    """The pace check for an exam with an announced retirement still ahead; None when it has none
    (or is already retired: the retirement rule handles that)."""
    retires_on = exam.status.retirement_date
    if retires_on is None or exam.is_retired_on(today):
        return None
    return PaceCheck(
        exam_code=exam.code, retires_on=retires_on, weekly_hours=weekly_hours, weeks_needed=weeks_needed,
        finish_on=today + timedelta(weeks=weeks_needed), successor=_successor(exam, catalog, today),
    )
