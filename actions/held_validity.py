"""The one renewal answer: "my SC-200 expires in February 2027, should I renew now?", "when does my AZ-104
expire?", "I renewed DP-100 in april 2026, active until when?", "AZ-104 expired last year".

Which certification: the one the message names, else `exam_in_focus`, else the only one with stored dates.
Which dates: the ones in the message (`components/held_dates.py`), else the ones stored in the
`certification_dates` slot, else the answer asks for them (once). Dates said are stored, so a later question
uses them. A certification said to have lapsed leaves `certifications_held` (it is experience now). The
dates are computed by `advisor/certification_dates.py` and worded by `advisor/held_standing.py`.

Slot format of `certification_dates`: {code: value}; a value is an ISO date (the earned day, as
`action_record_exam_result` stores it) or {"earned"|"renewed"|"expires": ISO date of its precision
("2026-06-15", "2026-06", "2026"), "renewals": count}.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any, Dict, List, Optional, Tuple

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

from actions.context import catalog, previous_bot_text
from advisor.certification_dates import HeldDates, Said, certification_standing, standings_for
from advisor.held_standing import held_dates_reply
from advisor.recommendation import Answer, Fact, Recommendation
from advisor.rules import recommend
from components.held_dates import HeldDatesSaid, read_held_dates
from presentation.compose import reply_to
from presentation.reply import Reply

_HOLDS_RE = re.compile(r"\b(?:my|i (?:have|hold|got|passed|earned)|passed|earned)\b", re.IGNORECASE)
_RENEW_QUESTION_RE = re.compile(r"\brenew\w*\b.*\?|\b(?:should|can|could|do) i renew|"
                                r"\brenewal\b.*\b(?:open|yet|already)\b", re.IGNORECASE)
ASKED = "Tell me when you passed it"


def said_to_slot(said: Optional[Said]) -> Optional[str]:
    """A date said, as ISO text of its precision ("2026-06-15", "2026-06", "2026")."""
    if said is None:
        return None
    day, precision = said
    return {"day": day.isoformat(), "month": day.strftime("%Y-%m"), "year": str(day.year)}[precision]


def slot_to_said(value: Any) -> Optional[Said]:
    """The inverse of `said_to_slot`; None for anything else."""
    if not isinstance(value, str):
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value), "day"
        if len(value) == 7:
            return date(int(value[:4]), int(value[5:7]), 1), "month"
        if len(value) == 4:
            return date(int(value), 1, 1), "year"
    except ValueError:
        return None
    return None


def stored_dates(value: Any) -> HeldDates:
    """What `certification_dates` holds for one certification."""
    if isinstance(value, str):
        return HeldDates(earned=slot_to_said(value))
    if isinstance(value, dict):
        renewals = value.get("renewals")
        return HeldDates(earned=slot_to_said(value.get("earned")), renewed=slot_to_said(value.get("renewed")),
                         expires=slot_to_said(value.get("expires")),
                         renewals=renewals if isinstance(renewals, int) else 0)
    return HeldDates()


def merged(old: HeldDates, said: HeldDatesSaid) -> HeldDates:
    """The stored dates updated by the message: what it says replaces what it contradicts."""
    if not said.any_date:
        return old
    if said.expires is not None:
        return HeldDates(earned=said.earned or old.earned, expires=said.expires)
    return HeldDates(earned=said.earned or old.earned, renewed=said.renewed or old.renewed,
                     renewals=said.renewals or old.renewals)


def dates_to_slot(held: HeldDates) -> Dict[str, Any]:
    value: Dict[str, Any] = {key: said_to_slot(getattr(held, key)) for key in ("earned", "renewed", "expires")}
    if held.renewals:
        value["renewals"] = held.renewals
    return {key: item for key, item in value.items() if item}


def dates_with_held(text: str, held: Any, stored: Any, today: date) -> Optional[Dict[str, Any]]:
    """`certification_dates` with the dates a profile answer gives ("AZ-104, passed it in January 2026"), when
    it names exactly one of the certifications held; None when it gives none."""
    named = [code for code in (held if isinstance(held, list) else [])
             if re.search(rf"\b{code[:2]}[\s-]?{code[3:]}\b", text, re.IGNORECASE)]
    said = read_held_dates(text, today)
    if len(named) != 1 or not said.any_date or said.lapsed:
        return None
    dates: Dict[str, Any] = dict(stored) if isinstance(stored, dict) else {}
    dates[named[0]] = dates_to_slot(merged(stored_dates(dates.get(named[0])), said))
    return dates


_IF_I_PASS_RE = re.compile(r"\b(?:if|when|once|after)\s+i\s+(?:\w+\s+)?(?:pass|get|earn|clear)\w*\b", re.IGNORECASE)
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")


_MONTH_SAID_RE = re.compile(r"\b(jan|feb|mar|apr|may(?!\s+(?:i|be|have|we|you)\b)|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
                            r"(?:\s+(\d{4}))?\b",
                            re.IGNORECASE)


def _if_passed(code: str, said: HeldDatesSaid, today: date, text: str) -> Reply:
    """The dates a certification would have if passed in the month said (the next such month), from the
    validity and renewal rules; nothing is stored until the person says they passed."""
    kb = catalog()
    exam, validity, renewal = kb.exam(code), kb.policy("validity"), kb.policy("renewal")
    if exam.level == "fundamentals":
        return reply_to(Answer(f"{code} would never expire: fundamentals certifications don't.",
                               (Fact(validity.statement, validity.source),)))
    month_said = _MONTH_SAID_RE.search(text)
    if said.earned is None and month_said:
        abbreviation = month_said.group(1).lower()[:3]
        first = next(i for i, name in enumerate(_MONTH_NAMES) if name.lower().startswith(abbreviation))
        said = replace(said, earned=(date(int(month_said.group(2) or today.year), first + 1, 1), "month"))
    if said.earned is None:
        return reply_to(Answer(f"{code} would be valid for one year from the day you pass; you can renew it free "
                               "online in the six months before it expires. Tell me the month and I'll give the dates.",
                               (Fact(renewal.statement, renewal.source),)))
    month, year = said.earned[0].month, said.earned[0].year
    while (year, month) < (today.year, today.month):
        year += 1
    opens_month, opens_year = (month + 6, year) if month <= 6 else (month - 6, year + 1)
    text = (f"If you pass {code} in {_MONTH_NAMES[month - 1]} {year}, it is valid until {_MONTH_NAMES[month - 1]} "
            f"{year + 1}; you can renew it free online from {_MONTH_NAMES[opens_month - 1]} {opens_year} until it "
            "expires. I'll note the pass once you tell me you've passed.")
    return reply_to(Answer(text, (Fact(validity.statement, validity.source), Fact(renewal.statement, renewal.source))))


def _which(codes: List[str], tracker: Tracker, stored: Dict[str, Any], rec: Recommendation) -> Optional[str]:
    """The certification asked about: named, else in focus, else the only one with dates, else the only one
    held that expires."""
    if codes:
        return codes[0]
    focus = tracker.get_slot("exam_in_focus")
    if isinstance(focus, str) and focus:
        return focus
    if len(stored) == 1:
        return next(iter(stored))
    kb = catalog()
    expiring = [code for code in rec.profile.certifications_held
                if kb.has_exam(code) and kb.exam(code).level != "fundamentals"]
    return expiring[0] if len(expiring) == 1 else None


def _next_exam(code: str, codes: List[str], rec: Recommendation) -> Optional[str]:
    others = [other for other in codes if other != code]
    return others[0] if others else next((step for step in rec.path if step != code), None)


def held_validity(tracker: Tracker, text: str, codes: List[str], rec: Recommendation) -> Tuple[
        List[Reply], List[EventType]]:
    """The renewal answer for the certification the message is about, and the slots it changes."""
    kb, today = catalog(), rec.today
    stored: Dict[str, Any] = dict(tracker.get_slot("certification_dates") or {})
    code = _which(codes, tracker, stored, rec) or (rec.path[0] if _IF_I_PASS_RE.search(text) and rec.path else None)
    if code is None or not kb.has_exam(code):
        return [Reply(text="Which certification is it? Tell me its code and when you passed it or when it expires "
                           "(\"my AZ-104 expires in March 2027\").")], []
    said = read_held_dates(text, today)
    events: List[EventType] = [SlotSet("exam_in_focus", code)]
    if _IF_I_PASS_RE.search(text):  # "if i pass in feb when do i renew": worked out, nothing stored
        return [_if_passed(code, said, today, text)], events
    has_path = tracker.get_slot("recommended_path") is not None  # in the profile questions no path is said yet
    if said.lapsed:
        return _lapsed(code, rec, events, has_path)
    held = merged(stored_dates(stored.get(code)), said)
    if said.any_date:
        stored[code] = dates_to_slot(held)
        events.append(SlotSet("certification_dates", stored))
    if not held.known and ASKED in previous_bot_text(tracker):
        held_dates = "I don't know when you earned it, so I can't give the exact dates. "
        return [Reply(text=held_dates + "Your Microsoft Learn profile (Credentials) shows its expiry date; renewal "
                                        "opens six months before it.")], events
    reply = reply_to(held_dates_reply(code, held, today, kb, asks_renewal=bool(_RENEW_QUESTION_RE.search(text)),
                                      next_exam=_next_exam(code, codes, rec)))
    standings = standings_for(code, held, today, kb) if held.known else None
    if standings is not None and not standings[1].active and rec.profile.holds(code):
        # "No: your PL-300 expired …" and then "you already hold PL-300" never both: it leaves the list
        held_codes = [c for c in rec.profile.certifications_held if c != code]
        events.append(SlotSet("certifications_held", held_codes))
        note = f"So I no longer count {code} as a certification you hold."
        if has_path:
            new = recommend(replace(rec.profile, certifications_held=tuple(held_codes)), kb, today)
            events.append(SlotSet("recommended_path", new.path))
            if new.path != rec.path:
                note += f" Your path is now {' → '.join(new.path) or 'complete'}."
        return [reply, Reply(text=note)], events
    if held.known and not rec.profile.holds(code) and _HOLDS_RE.search(text) and _active(code, held, today):
        held_codes = list(rec.profile.certifications_held) + [code]
        new = recommend(replace(rec.profile, certifications_held=tuple(held_codes)), kb, today)
        if not has_path:
            events.append(SlotSet("certifications_held", held_codes))
            return [reply, Reply(text=f"Noted: you hold {code}.")], events
        events += [SlotSet("certifications_held", held_codes), SlotSet("recommended_path", new.path)]
        return [reply, Reply(text=f"Noted: you hold {code}. Your path is now {' → '.join(new.path) or 'complete'}.")], \
            events
    return [reply], events


def _active(code: str, held: HeldDates, today: date) -> bool:
    standings = standings_for(code, held, today, catalog())
    return standings is None or standings[1].active


def _lapsed(code: str, rec: Recommendation, events: List[EventType],
            has_path: bool = True) -> Tuple[List[Reply], List[EventType]]:
    """"AZ-104 expired last year": no longer held, said out loud, with what it changes."""
    kb = catalog()
    standing = certification_standing(code, None, rec.today, kb)
    again = standing.successor if kb.exam(code).is_retired_on(rec.today) and standing.successor else code
    text = (f"Noted: your {code} has lapsed, so I no longer count it as a certification you hold; what you learned "
            f"for it still counts as experience. A lapsed certification can't be renewed: pass {again} again to "
            "hold it.")
    if rec.profile.holds(code):
        held_codes = [c for c in rec.profile.certifications_held if c != code]
        new = recommend(replace(rec.profile, certifications_held=tuple(held_codes)), kb, rec.today)
        if new.path != rec.path and has_path:
            text += f" Your path is now {' → '.join(new.path) or 'complete'}."
        events += [SlotSet("certifications_held", held_codes)] + (
            [SlotSet("recommended_path", new.path)] if has_path else [])
    renewal = kb.policy("renewal")
    return [reply_to(Answer(text, (Fact(renewal.statement, renewal.source),)))], events
