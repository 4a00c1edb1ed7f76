"""`action_send_calendar`: "put it in my calendar" after a recommendation gives a link to the plan as a .ics file.

The link (advisor/calendar_link.py) is signed and expires; it carries the path, the weekly hours and the
study background, never who asked. Every channel gets the same text with the link on its own line.
"""

from __future__ import annotations

from typing import List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.channel_output import send
from actions.context import advisor_today, catalog, profile_from
from actions.exam_mentions import path_codes, question_part
from advisor.calendar_link import calendar_link
from advisor.calendar_plan import CalendarPlan, CalendarPlanError, build_calendar_plan, plan_request
from advisor.calendar_token import LINK_DAYS
from components.answer_deadline import read_start
from presentation.reply import Button, Reply

NO_PATH = ("I can put your study plan in a calendar once I've recommended a path. Tell me about your role and "
           "goal first, for example \"I'm a sysadmin and want to become a cloud architect\".")
NO_HOURS = ("To lay your plan out week by week I need your study time: about how many hours a week can you give "
            "(for example \"5 hours a week\")?")
EMPTY_PATH = "Your path has no exam left to study for, so there is nothing to put in a calendar."


def calendar_text(link: str, plan: CalendarPlan) -> str:
    """The reply: the link on its own line (every channel makes it clickable), then what the file holds."""
    targets = ", ".join(f"{s.exam.code} the week of {s.exam_week.isoformat()}" for s in plan.exams)
    first = plan.request.start.isoformat()
    renewals = [s.exam.code for s in plan.exams if s.renewal_opens is not None]
    renewal = f", and when renewal opens for {', '.join(renewals)}" if renewals else ""
    return (f"Here's your plan as a calendar file (Outlook, Google Calendar):\n{link}\n"
            f"The link works for {LINK_DAYS} days. From Monday {first}: weekly study sessions at "
            f"{plan.request.weekly_hours:g} h a week by skill area, practice-assessment checkpoints, a reminder "
            f"to book each exam and its target week ({targets}){renewal}.")


class ActionSendCalendar(Action):
    """Sends the calendar link for the recommended path at the person's weekly hours."""

    def name(self) -> str:
        return "action_send_calendar"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        if tracker.get_slot("recommended_path") is None:
            send(dispatcher, tracker, [Reply(text=NO_PATH, buttons=(Button("Recommend a path",
                                                                          "/request_recommendation"),))])
            return []
        kb = catalog()
        path = tuple(path_codes(tracker, kb))
        if not path:
            send(dispatcher, tracker, [Reply(text=EMPTY_PATH)])
            return []
        profile = profile_from(tracker)
        if profile.weekly_hours is None:
            send(dispatcher, tracker, [Reply(text=NO_HOURS)])
            return []
        try:
            today = advisor_today()
            request = plan_request(path, profile, today, read_start(question_part(tracker)[1], today))
            plan = build_calendar_plan(request, kb)
        except CalendarPlanError as error:
            send(dispatcher, tracker, [Reply(text=f"I can't make a calendar for this path: {error}")])
            return []
        link, _ = calendar_link(request)
        send(dispatcher, tracker, [Reply(text=calendar_text(link, plan))])
        return [SlotSet("answer_kind", "calendar")]
