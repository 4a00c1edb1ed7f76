"""What a follow-up after a recommendation asks for, when the words make it plain.

Plain Python, used by `components/follow_up_policy.py`. It recognises three kinds whose words are
unmistakable and that the intent classifier, scoring messages out of context, tends to miss:
- `other_vendor`: whether another vendor's certification or another cloud counts ("does my AWS cert count?");
- `career`: whether the path gets a job or a raise ("will this get me a job?");
- `policy`: the certification rules ("is it open book?", "how do I renew?", "when can I retake?").
Anything else returns None, and the intents and rules decide as before.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Optional, Sequence

from advisor.estimate_basis import PUSHBACK_RE
from advisor.path_questions import STEP_REFERENCE_RE
from components.answer_certifications import other_vendors, read_certifications
from components.answer_deadline import read_deadline, read_start
from components.answer_numbers import read_hours
from components.answer_reader import looks_like_question
from components.held_dates import read_held_dates
from components.returning_reader import denied_spans, names_a_day, returning_kind

# The `answer_kind` of a why-not answer that ended by offering to put the exam on the path ("yes" takes it).
OFFER_KIND = "exam_offer"
_COUNTS_RE = re.compile(
    r"\b(?:count|counts|counted|help|helps|matter|matters|transfer\w*|useful|worth|recogni[sz]\w*|credit|skip|"
    r"exempt\w*|replace|instead|equivalent|relevant|carry over|apply|any good|use (?:it|my|that|this|them)|what about)\b", re.IGNORECASE)
_VENDOR_ASK_RE = re.compile(r"^\W*(?:and|so|but|also)?\W*(?:my|the)\b|\b(?:need|required?|prereq\w*|first|before)\b",
                            re.IGNORECASE)
_CAREER_RE = re.compile(
    r"\b(?:jobs?|hired|hire|hiring|salary|salaries|pay rise|raise|paid more|promotion|career|employ\w*|"
    r"job market|recruiters?|interviews?|cv|resume|résumé|linkedin|market value|worth it|worth the (?:money|time)|"
    r"land (?:a|me)|get me (?:a|into)|make more money|in demand|demand for|promoted|switching careers|"
    r"career change|look at (?:this|it|them))\b", re.IGNORECASE)
# "are there labs in the exam?", "is AZ-305 all multiple choice or case studies?"
FORMAT_RE = re.compile(r"\b(?:are there|any|is there an?|with|includes?|including|has|have|got|get) (?:any )?(?:hands[- ]?on |live )?"
                       r"labs?\b|\blabs? (?:in|on|during|as part of) (?:the |an? )?(?:exams?|tests?|\w+-?\d{3})\b|\bcase[- ]stud\w*|\bmultiple[- ]choice\b|"
                       r"\bquestion (?:types?|formats?)\b|\b(?:types?|kinds?|sorts?) of questions\b|\bdrag[- ]and[- ]drop\b|"
                       r"\bexam format\b|\bhands[- ]?on (?:exam|part|section|tasks?|questions?)\b|"
                       r"\b(?:is|are) (?:the |it |they |that )?(?:exams? |(?:[A-Za-z]{2}[\s-]?)?\d{3} )?(?:all |fully |really )?"
                       r"(?:hands[- ]?on|practical)\b(?! or theory)", re.IGNORECASE)
# "can i reschedule if something comes up?", "how do I cancel my exam?", "can I move my exam date?"
RESCHEDULE_RE = re.compile(r"\bre-?schedul\w*|\bpostpon\w*|\bcancel\w*\s+(?:my |the |an? )?(?:\w+\s+)?(?:exam|booking|"
                           r"appointment|test)\b|\bmove (?:my|the) (?:exam|booking|appointment|date|test)\b|"
                           r"\bpush (?:it|my exam|the exam|the date) back\b|\bchange (?:the|my) (?:exam |booking )?date\b",
                           re.IGNORECASE)
# "is Learn enough to pass?", "any good practice tests?", "how should I study for it?"
PREPARATION_RE = re.compile(r"\b(?:ms |microsoft )?learn (?:alone |only )?(?:is )?enough\b|\bis (?:ms |microsoft )?learn\b.{0,25}"
                            r"\benough\b|\bpractice (?:tests?|exams?|questions|assessments?)\b|\bmock (?:tests?|exams?)\b|"
                            r"\bhow (?:should|do|can|would) i (?:best )?(?:study|prepare|learn)\b|\bstudy (?:materials?|"
                            r"resources?)\b|\b(?:best|good|free) (?:resources?|courses?|materials?|way to (?:study|prepare))\b|"
                            r"\bhands[- ]?on or theory\b|\btheory or hands[- ]?on\b", re.IGNORECASE)
# "suppose I had two years of Azure, would it change?", "imagine I aim for architect, what then?" ("if I had to
# guess, 5" is a hedge, no hypothetical)
HYPOTHETICAL_RE = re.compile(r"\bwhat if\b|\bsuppos(?:e|ing)\b|\bimagine\b|\bhypothetical\w*|\blet'?s say\b|"
                             r"\bsay (?:i|my|we)(?:'d| had| was| were| wanted| held)\b|"
                             r"\bin theory\b|\bif i (?:had|were|was|wanted|went|switched|changed|aimed|picked|chose|"
                             r"learn\w*|got|already had|knew|moved)\b"
                             r"(?! to (?:guess|say|pick|choose|be honest))",
                             re.IGNORECASE)
# "what about DP-420?", "and how about AI-103 for me?": why that exam is or is not on the path
_WHAT_ABOUT_RE = re.compile(r"^\W*(?:(?:and|so|but|ok|okay|hmm+|also)\W+){0,2}(?:what|how) about\s+(?:the\s+)?"
                            r"(?:[A-Za-z]{2}[\s-]?)?\d{3}\b", re.IGNORECASE)
_POLICY_RE = re.compile(
    r"\bopen[- ]book\b|\bwaiting (?:period|time)\b|\brenew\w*|\bexpir\w*|\bretake\w*|\bresit\w*|\bre-?sit\b|\bproctor\w*|\bonline exam\b|"
    r"\btest (?:cent(?:er|re))\b|\bpearson\b|\b(?:at|from) home\b|\btake (?:it|the exams?) online\b|\blearn during\b|\bduring the exam\b|\bdiscount\w*|"
    r"\bvouchers?\b|\bvalid(?:ity)?\b|\bstudent (?:price|pricing)\b|\bif i fail\b|\bfail(?:ed)? (?:it|the exam)\b|\bhow many times\b|\bpassing score\b",
    re.IGNORECASE)


_EXAM_RE = re.compile(r"(?<![\w.\-/])(?:[A-Za-z]{2}[\s-]?)?\d{3}(?![\w.%])")
_PATH_STEP_RE = re.compile(
    r"\b(?:skip|skipping|straight|directly|jump|first|before|really need|do i need|need to do|have to do|"
    r"enough|overkill|necessary|mandatory|swap|instead|replace|hard|harder|easier|difficult|tough|next|after|"
    r"realistic|waste of time|right (?:exam|one|choice|cert\w*|fit|path)|(?:still )?ok(?:ay)? for me|"
    r"better (?:fit|choice|option|for me)|better than|(?:good|best) (?:fit|choice|option) for me|"
    r"make (?:more )?sense)\b|^\W*why\b",
    re.IGNORECASE)
# "is it hard?", "is that realistic for someone like me?": a question about the step being discussed
_PRONOUN_STEP_RE = re.compile(r"\b(?:is|isn'?t|would|will) (?:it|that|this)(?: one| exam)?\b.{0,25}\b(?:hard|harder|difficult|"
                              r"tough|easy|doable|realistic|overkill|necessary|enough)\b", re.IGNORECASE)
_EXPLAIN_RE = re.compile(
    r"\bsources?\b|\bwhere (?:does|did|do) (?:this|that|the|these|you) (?:info\w*|data|facts?|numbers?|get)|"
    r"\bbase[ds]? (?:this|that|it) on\b|\bhow did you (?:decide|choose|pick|come up)|\bwhy (?:these|those|this "
    r"path|that path)\b|\breasoning\b", re.IGNORECASE)
# "switch my path to AI-300", "put SC-200 on my path instead", "I'd rather do AZ-802", "let's go with DP-750";
# never an advice question ("should I do AZ-802 instead?"), which gets the why-not answer and an offer.
_CHOOSE_RE = re.compile(
    r"\b(?:switch|swap|change|move|put|add|replace|use|pick|choose|go with|going with|make it|sign me up for)\b.{0,40}"
    r"(?:\bpath\b|\bplan\b|\binstead\b|\bthen\b|\b(?:to|for|with)\s+(?:[A-Za-z]{2}[\s-]?)?\d{3}\b)|"
    r"\b(?:i'?d|i would) rather\b|\bi(?:'ll| will) (?:do|take|go for|go with)\b|\blet'?s (?:do|go with|go for|take)\b|"
    r"\bi (?:want|wanna|prefer) (?:to (?:do|take) )?(?:[A-Za-z]{2}[\s-]?)?\d{3}\b|"
    r"\badd (?:the )?(?:[A-Za-z]{2}[\s-]?)?\d{3}\b", re.IGNORECASE)
# "remove az-104 from my path", "i'd rather skip 104 and just do 700" (a question, "can I skip 104?", is answered
# first and ends with the offer)
_SKIP_RE = re.compile(r"\b(?:skip|skipping|drop|remove|take (?:off|out)|leave out|cut|get rid of|scrap|ditch)\s+"
                      r"(?:the\s+)?(?:[A-Za-z]{2}[\s-]?)?\d{3}\b|\b(?:take|leave|drop)\s+(?:[A-Za-z]{2}[\s-]?)?\d{3}\s+"
                      r"(?:off|out)\b", re.IGNORECASE)
# The offer an answer ends with ('Say yes, or "switch to DP-750".'): "yes" to it means that command.
_OFFER_RE = re.compile(r'Say yes, or "((?:switch to|skip) [A-Z]{2}-\d{3}|put [A-Z]{2}-\d{3} first)"')
# "802 first then 104", "add az-104 as step 1", "swap the order", "put az-140 first please, az-104 after"
_ORDER_RE = re.compile(r"\b(?:first|before|step (?:1|one)|start with|swap (?:the )?order|reorder|re-order|order should be|"
                       r"in that order|then)\b", re.IGNORECASE)
_ORDER_ONLY_RE = re.compile(r"\b(?:swap (?:the )?order|reorder|re-order|other way (?:a)?round)\b", re.IGNORECASE)
_REQUEST_RE = re.compile(r"\b(?:can|could|would|will) you\b|\bplease\b|\bpls\b|\bthen\b", re.IGNORECASE)
_ADVICE_RE = re.compile(r"\b(?:should|shouldn'?t|isn'?t|is it|would it|better|worth|or|what if|suppose|supposing|"
                        r"imagine|hypothetically|just curious|in theory)\b", re.IGNORECASE)
# "is PL-300 actually an azure cert?", "is SC-900 a microsoft certification or what?"
_FAMILY_RE = re.compile(r"\b(?:is|are|isn'?t|counts? as)\b.{0,40}\b(?:an?\s+|the\s+)?(?:real\s+|actual\s+|proper\s+|"
                        r"official\s+|true\s+)?(?:azure|microsoft|cloud)\s+(?:cert\w*|exams?|credentials?|one)\b|"
                        r"\b(?:azure|microsoft) (?:or|vs\.?) (?:power|m365|microsoft 365|github|azure)\b", re.IGNORECASE)
# "does my ms-900 count?", "will my AZ-204 still count for the devops expert?"
_MY_EXAM_RE = re.compile(r"\b(?:my|i (?:have|hold|got|passed)|i'?ve got)\s+(?:[A-Za-z]{2}[\s-]?)?\d{3}\b", re.IGNORECASE)
# "too long. faster option?", "whats the quickest security cert i could get"
_FASTER_RE = re.compile(r"\b(?:faster|quicker|quickest|fastest|shorter|shortest|too long|takes forever|"
                        r"speed (?:it|this) up|sooner|that long|so long|seems (?:a lot|long|excessive|like a lot)|"
                        r"in a (?:weekend|week|few days)|too many (?:weeks|hours|months))\b", re.IGNORECASE)
# "is my ai-900 still valid?", "so my 204 just dies in june 2027? can i renew it again", "I passed AZ-104 in March 2025"
_VALIDITY_RE = re.compile(r"\b(?:valid|validity|expir\w*|lapse\w*|renew\w*|still (?:good|count\w*|active|current)|"
                          r"dies?|run out|how long (?:is|does) (?:it|my))\b", re.IGNORECASE)
_EARNED_RE = re.compile(r"\b(?:passed|got|earned|cleared|did)\s+(?:my\s+|the\s+)?(?:[A-Za-z]{2}[\s-]?)?\d{3}\b.{0,30}"
                        r"\b(?:in|on|last|back in|during)\s+(?:\w+\s+)?(?:20\d\d|january|february|march|april|may|june|"
                        r"july|august|september|october|november|december|year)\b", re.IGNORECASE)
# "my az-104 from january - do I need to do anything about it now?": what a held certification needs
_ANYTHING_RE = re.compile(r"\b(?:need to do|have to do|should i do|to do) anything\b|\banything (?:to do|i need|i should)\b|"
                          r"\b(?:active|good|valid) (?:until|till) when\b|\buntil when\b", re.IGNORECASE)
# "does sc-200 count towards sc-100?", "is AZ-104 a prerequisite for AZ-305?"
_TOWARD_RE = re.compile(r"\bcounts?\s+(?:towards?|for|as)\b|\brequires?\b|\b(?:prereq\w*|required|needed|mandatory)\s+(?:for|by|to)\b|"
                        r"\bqualif\w*\s+(?:me\s+)?for\b|\bsatisf\w*\b", re.IGNORECASE)
# "is az-104 linux friendly or all windows stuff?", "is terraform on az-400?", "does sc-500 cover attacking?"
_COVERS_RE = re.compile(r"\b(?:cover|covers|covered|covering|include|includes|included|friendly|heavy on|"
                        r"all (?:windows|linux|theory|about)|(?:windows|linux) stuff)\b|"
                        r"\bis\s+[\w/+#.-]+\s+(?:on|in|part of)\s+(?:the\s+)?(?:[A-Za-z]{2}[\s-]?)?\d{3}\b|"
                       r"\bhow much (?:of )?(?:the\s+)?(?:[A-Za-z]{2}[\s-]?)?\d{3}\b.{0,12}\b(?:is|covers?|about)\b",
                       re.IGNORECASE)
# "is there a cert for SAP?", "there is a certification for playfab?", "any exam about kubernetes?"
_FIND_EXAM_RE = re.compile(r"\b(?:is there|are there|isn.?t there|aren.?t there|there is|there are|any|do you have|does microsoft (?:have|offer)|"
                           r"exists?)\b[^?]{0,40}?\b(?:certs?|certifications?|exams?|credentials?)\b(?:[^?]{0,10}?"
                           r"\b(?:for|on|about|in|covering)\b|\s*(?:\?|$|\bor\b))", re.IGNORECASE)
# "put it in my calendar", "can I get this as an ics?", "add the plan to outlook"
_CALENDAR_RE = re.compile(r"\b(?:calendar|calender|ics file|\.ics|ical|icalendar|google cal\w*)\b|"
                          r"\b(?:add|put|export|send|get|import)\b.{0,25}\b(?:outlook|reminders?)\b", re.IGNORECASE)
# "no, i want only az-900 please", "just ai-901"
_ONLY_FUNDAMENTALS_RE = re.compile(r"\b(?:only|just)\s+(?:do\s+|want\s+)?(?:the\s+)?(?:(?:az|ai|dp|sc|pl|ms|ab|gh)[\s-]?90\d|"
                                   r"fundamentals?|basics|overview)\b|\bfundamentals only\b", re.IGNORECASE)
# "what's the azure equivalent of SA pro?", "so az-305 is basically the SA pro equivalent?"
_EQUIVALENT_RE = re.compile(r"\b(?:equivalen\w*|equivalant\w*|counterpart|same as|comparable|match(?:es)?|"
                            r"version of|corresponds?|maps? to|(?:kinda |kind of |sort of )?like the|similar to|"
                            r"same (?:thing|level) as|vs\.?|versus|compared? (?:to|with)|how do they compare)\b",
                            re.IGNORECASE)
# "is dp-750 still beta or fully live?"
_STATUS_WORDS_RE = re.compile(r"\b(?:beta|fully live|live yet|out yet|released yet|generally available|still in beta|"
                              r"retir\w*|discontinued|going away|being replaced|sunset\w*|still (?:available|offered|"
                              r"around|a thing))\b", re.IGNORECASE)
# "what should i focus on?", "where do I start studying?", "make me a study plan"
_FOCUS_RE = re.compile(r"\bwhat (?:should|do|must) i (?:focus|concentrate|prioriti[sz]e|study|work) on\b|"
                       r"\b(?:where|what) (?:should|do) i (?:focus|start studying)\b|\bwhat to focus on\b|"
                       r"\b(?:make|give|build) me a (?:study )?plan\b|\bstudy plan\b", re.IGNORECASE)
_COMPARE_RE = re.compile(r"\b(?:overlap\w*|difference\w*|differ|compare\w*|comparison|vs\.?|versus|similar|same "
                         r"(?:content|topics|stuff))\b", re.IGNORECASE)
_DEADLINE_RE = re.compile(r"\b(?:deadline|due|needs? (?:it|a cert|to be certified)|has to be done|wants? (?:it|a cert)|"
                          r"doable|feasible|realistic|possible|make it)\b", re.IGNORECASE)
# "I don't hold AZ-104 anymore", "no, not the 900": a certification not held (taken off when it was)
_NOT_HOLD_RE = re.compile(r"\b(?:don'?t|do not|no longer|not|anymore|any more)\b", re.IGNORECASE)
# "changes anything?", "does that change my path?", "does it matter?" after a certification held
_CHANGES_RE = re.compile(r"\bchang\w*\b.{0,20}\?|\b(?:does|would|will) (?:that|it|this) (?:matter|affect|change)\b|"
                         r"\bany (?:difference|change)\b", re.IGNORECASE)
_PATH_COST_RE = re.compile(r"^\W*time and cost\W*$|\bhow long (?:would|will|does|is|might) (?:that|it|this|the (?:whole )?"
                           r"(?:path|plan|thing)|all (?:that|of (?:it|that)))\s+(?:\w+\s+){0,3}?(?:take|last|be)\b|"
                           r"\b(?:whole|entire|total|all|full)\b.{0,25}\b(?:cost|price|pay|spend)|"
                           r"\b(?:cost|price)\b.{0,25}\b(?:whole|entire|total|full)\b|\bcheapest\b", re.IGNORECASE)


_OTHERS_SUBJECT = (r"(?:my|our|the)\s+(?:\w+\s+){0,2}(?:team|teams|guys|staff|people|folks|reports|juniors|"
                   r"engineers|admins|sysadmins|devs|developers|analysts|techs|technicians|colleagues|coworkers|"
                   r"co-workers|interns|employees|scientists|dbas|architects|testers|crew|newbies|hires)")
_OTHERS_RE = re.compile(
    r"\b(?:for|to)\s+(?:" + _OTHERS_SUBJECT + r"|(?:\w+\s+){0,2}(?:staff|guys|folks|team|teams|employees|juniors|"
    r"newbies|new hires|interns|people on my team|guys on my team))\b|\b(?:should|could|would|can|do|must|might)\s+" + _OTHERS_SUBJECT
    + r"\s+(?:\w+\s+){0,2}?(?:do|take|get|start|study|go for|pursue|aim|book|sit)\b|\b" + _OTHERS_SUBJECT
    + r"\s+(?:should|could|would|can|might)\s+(?:\w+\s+){0,2}?(?:do|take|get|start|study|go for|pursue|book)\b",
    re.IGNORECASE)
_CERT_WORD_RE = re.compile(r"\b(?:certs?|certifications?|certificates?|exams?|paths?|tracks?|badges?)\b", re.I)


_OTHERS_ALONE_RE = re.compile(r"^\W*(?:(?:and|so|ok|okay|what about|how about|and what about)\W+)*(?:for\s+)?"
                              + _OTHERS_SUBJECT + r"\s*(?:then|too|as well)?\W*$", re.IGNORECASE)


# "does AZ-305 have coding questions?", "any coding on az-700?", "is there lot of python on it?"
CODING_ASK_RE = re.compile(r"\b(?:coding|code|programming|python|pyspark|scripting|kql|c#|sdks?)\b", re.IGNORECASE)
_EXAM_OR_IT_RE = re.compile(r"(?<![\w.\-/])[A-Za-z]{2}[\s-]?\d{3}\b|\b(?:on|in|for|does) (?:it|that|this)\b|"
                            r"\bthe (?:\w+ ){0,2}exam\b|\b(?:on|in|for) the test\b", re.IGNORECASE)
_CODING_QUESTION_RE = re.compile(r"\b(?:how much|any|is there|are there|does|do|need|lots? of|much)\b", re.I)


def asks_about_coding(text: str) -> bool:
    """A question about how much code an exam asks for (not a statement of the person's own coding)."""
    return bool(CODING_ASK_RE.search(text) and _EXAM_OR_IT_RE.search(text) and _CODING_QUESTION_RE.search(text)
                and (looks_like_question(text) or "?" in text))


_IF_I_PASS_RE = re.compile(r"\b(?:if|when|once|after)\s+i\s+(?:\w+\s+)?(?:pass|get|earn|clear)\w*\b", re.IGNORECASE)
# Pushback read before anything else only when it is about the estimate ("I have 5 years of GCP, does that
# matter?" is about another vendor)
_ESTIMATE_WORDS_RE = re.compile(r"\b(?:hours?|h|weeks?|time|estimates?|long|shorter|quicker|faster|realistic|"
                                r"a lot|too much|overkill|silly|beginner)\b|\d+\s*-\s*\d+\s*(?:h|hrs?|hours|weeks?)\b",
                                re.IGNORECASE)
_FINISH_RE = re.compile(r"\b(?:finish\w*|done|complete\w*|end date|be ready|ready by|wrap up)\b", re.IGNORECASE)


def asks_for_others(text: str) -> bool:
    """"which certs should my helpdesk guys do vs my infra guys?", "what path for my data scientists?", "and for my
    devs?": a path for other people, not a change to the person's own."""
    return bool(_OTHERS_RE.search(text) and _CERT_WORD_RE.search(text)) or bool(_OTHERS_ALONE_RE.search(text))


def follow_up_kind(text: str) -> Optional[str]:
    """The kind of a follow-up after a recommendation, or None when the words do not make it plain.

    Changes to the path: `choose_exam` ("switch my path to AI-300"), `skip_exam` ("remove AZ-104 from my
    path"), `reorder` ("AZ-802 first, then AZ-104"), `fundamentals_only` ("just the fundamentals").
    Questions: `deadline` ("can I have AI-200 done before Feb?"), `exam_family` ("is PL-300 actually an
    Azure cert?"), `held_counts` ("does my MS-900 count?"), `held_validity` ("is my AI-900 still valid?"),
    `counts_toward` ("does SC-200 count towards SC-100?"), `covers` ("is AZ-104 all Windows stuff?"),
    `find_exam` ("is there a cert for SAP?"), `equivalent` ("the Azure equivalent of AWS SA Pro?"),
    `faster` ("too long, faster option?"), `status` ("is DP-750 still in beta?"), `calendar` ("put it in my
    calendar"), `other_vendor`, `policy`, and a returning person's `exam_passed`, `exam_failed`, `on_track`,
    `forget_me` (`components/returning_reader.py`),
    `path_cost`, `what_if` ("suppose I had two years of Azure?"), `why_not` ("what about DP-420?"), `path_step`,
    `explain`, `career`, `others_path` ("which certs for my helpdesk guys?").
    Profile statements: `profile` ("oh I forgot, I have AZ-900", "now I have 20 hours a week").
    """
    text = (text or "")[:2000]
    if not text.strip() or text.startswith("/"):
        return None
    question = looks_like_question(text) or "?" in text
    returning = returning_kind(text)  # "forget me", "i failed az-104", "am I on track?", "I passed AZ-104"
    if returning in ("forget_me", "exam_failed", "on_track"):
        return returning
    if _CALENDAR_RE.search(text):
        return "calendar"
    if asks_for_others(text):
        return "others_path"
    if asks_about_coding(text):
        return "exam_fact"
    if PUSHBACK_RE.search(text) and _ESTIMATE_WORDS_RE.search(text) and not _PATH_COST_RE.search(text):
        return "estimate_basis"  # "80-120h seems a lot tbh, i passed 203 before": which estimate, and what shortens it
    if _IF_I_PASS_RE.search(text) and _DATES_WORDS_RE.search(text):
        return "held_validity"  # "if i pass AZ-700 in feb 2027, when would i need to renew": worked out, not stored
    if _FINISH_RE.search(text) and read_start(text, date.today()) is not None:
        return "calendar"  # "and the finish date? starting monday 7 december": the path's weeks from that start
    if _ONLY_FUNDAMENTALS_RE.search(text) and not (question and not _REQUEST_RE.search(text)):
        return "fundamentals_only"
    request = not question or bool(_REQUEST_RE.search(text) and not _ADVICE_RE.search(text))
    if request and (_ORDER_ONLY_RE.search(text) or (len(_EXAM_RE.findall(text)) >= 1 and _ORDER_RE.search(text)
                                                    and re.search(r"\b(?:first|before|step (?:1|one)|start with)\b",
                                                                  text, re.IGNORECASE))):
        return "reorder"
    if _SKIP_RE.search(text) and (not question or (_REQUEST_RE.search(text) and not _ADVICE_RE.search(text))):
        return "skip_exam"
    if _EXAM_RE.search(text) and _CHOOSE_RE.search(text) and (
            not question or (_REQUEST_RE.search(text) and not _ADVICE_RE.search(text))):
        return "choose_exam"
    if returning == "exam_passed" and (names_a_day(text) or denied_spans(text)):
        return returning  # "I passed 140 on 20 november", "I did NOT pass 104, I passed 140": news, not dates
    if len(set(_EXAM_RE.findall(text))) >= 2 and _COMPARE_RE.search(text) and question:
        return "compare"  # "how much overlap is there between 204 and ai-200?"
    if (_MY_EXAM_RE.search(text) and _VALIDITY_RE.search(text)) or _EARNED_RE.search(text) or \
            _held_dates_question(text):
        return "held_validity"
    if returning == "exam_passed":
        return returning
    if len(set(_EXAM_RE.findall(text))) >= 2 and _TOWARD_RE.search(text) and question:
        return "counts_toward"
    if _EQUIVALENT_RE.search(text) and (other_vendors(text) or re.search(r"\bsa pro|\bsaa\b|sysops", text, re.I)):
        return "equivalent"
    if _MY_EXAM_RE.search(text) and _COUNTS_RE.search(text) and question and not other_vendors(text):
        return "held_counts"
    if _EXAM_RE.search(text) and _FAMILY_RE.search(text) and question:
        return "exam_family"
    if _EXAM_RE.search(text) and _STATUS_WORDS_RE.search(text) and question:
        return "status"
    if _EXAM_RE.search(text) and _COVERS_RE.search(text) and question:
        return "covers"
    if not _EXAM_RE.search(text) and _FIND_EXAM_RE.search(text) and not _POLICY_RE.search(text) and \
            not FORMAT_RE.search(text):
        return "find_exam"
    if _FOCUS_RE.search(text) and (_EXAM_RE.search(text) or read_deadline(text, date.today()) is not None):
        return "study_plan"  # "az-104 booked for dec 20, what should i focus on?": a plan to that date
    if read_deadline(text, date.today()) is not None and (question or _DEADLINE_RE.search(text)):
        return "deadline"
    if re.search(r"\bwhat if\b|\bif i (?:do|did|had|put in|study|could do)\b", text, re.IGNORECASE) and \
            read_hours(text, asked=False) is not None:
        return "path_cost"  # "what if i do 6 hrs a week then": the path's time at those hours
    if HYPOTHETICAL_RE.search(text) and not re.search(r"\bfail|\bdon'?t pass|\bdidn'?t pass", text, re.IGNORECASE):
        return "what_if"  # "suppose I had 2 years of Azure, would it change?": the rules re-run, nothing stored
    held = read_certifications(text, asked=False)
    denied = held is not None and bool(held.not_held) and bool(_NOT_HOLD_RE.search(text))
    if not question and ((held is not None and (held.codes or held.said_none or held.retired)) or denied
                         or read_hours(text, asked=False) is not None):
        return "profile"
    if held is not None and held.codes and _CHANGES_RE.search(text):
        return "profile"  # "oh wait, I do have AZ-900 from 2021. changes anything?": noted, and the path said again
    if other_vendors(text) and (_COUNTS_RE.search(text) or (question and _VENDOR_ASK_RE.search(text))):
        return "other_vendor"  # "and my Google data engineer cert?", "do I need CompTIA A+ before Azure?"
    if _POLICY_RE.search(text) or FORMAT_RE.search(text) or RESCHEDULE_RE.search(text) or PREPARATION_RE.search(text):
        return "policy"
    if _PATH_COST_RE.search(text):
        return "path_cost"
    if _WHAT_ABOUT_RE.search(text) and not _MY_EXAM_RE.search(text):
        return "why_not"
    if (_EXAM_RE.search(text) or STEP_REFERENCE_RE.search(text)) and _PATH_STEP_RE.search(text) and (question or re.search(r"\b(?:which|what|whats)\b",
                                                                                     text, re.IGNORECASE)):
        return "path_step"
    if question and _PRONOUN_STEP_RE.search(text) and not _EXAM_RE.search(text):
        return "path_step"  # "is it hard? my python is not good": about the exam being discussed
    if PUSHBACK_RE.search(text):
        return "estimate_basis"  # "those hours look like beginner numbers, I've done AWS for 7 years"
    if _FASTER_RE.search(text):
        return "faster"
    if _EXPLAIN_RE.search(text):
        return "explain"
    if _CAREER_RE.search(text) and question:
        return "career"
    return None


_DATES_WORDS_RE = re.compile(r"\b(?:renew\w*|expir\w*|lapse\w*|valid(?:ity)?|still (?:good|active|current))\b",
                             re.IGNORECASE)
_GENERAL_RULE_RE = re.compile(r"\bfundamentals?\b|\bin general\b|\b(?:all|any|every) (?:certs?|certifications)\b",
                              re.IGNORECASE)
_CODE_PARTS_RE = re.compile(r"(?<![\w.\-/])([A-Za-z]{2})[\s-]?(\d{3})(?![\w.%])")


def with_held_dates(kind: Optional[str], text: str, dated: Sequence[str], focus: Optional[str]) -> Optional[str]:
    """A rule question about a certification whose dates the person gave ("is the renewal open already?", "when
    does AZ-104 expire?" after "I passed AZ-104 in January 2026"): that certification's renewal answer.
    `dated` are the codes with stored dates, `focus` the exam in focus."""
    if kind != "policy" or not dated or not _DATES_WORDS_RE.search(text or "") or _GENERAL_RULE_RE.search(text):
        return kind
    named = {f"{a}-{b}".upper() for a, b in _CODE_PARTS_RE.findall(text)}
    if named:
        return "held_validity" if named & set(dated) else kind
    return "held_validity" if focus in dated or len(dated) == 1 else kind


def _held_dates_question(text: str) -> bool:
    """A held certification's dates with a question about them ("it expires feb 2027, is renewal open?",
    "I renewed DP-100 in april 2026, active until when?", "i pass 15 june 2026. so when expire?"), or a
    statement that one lapsed ("AZ-104 expired last year"). "How do I renew?" (no date) stays `policy`."""
    said = read_held_dates(text, date.today())
    if said.lapsed and _EXAM_RE.search(text) and not _TOWARD_RE.search(text):
        return True
    return said.any_date and bool(_VALIDITY_RE.search(text) or _ANYTHING_RE.search(text))


_YES_RE = re.compile(r"^\W*(?:yes|yeah|yep|yup|ya|yea|sure|ok(?:ay)?|k|please|pls|do it|go ahead|sounds good|"
                     r"let'?s do (?:it|that)|go for it|switch|swap it|put it (?:on|in)|take it off|skip it)\b",
                     re.IGNORECASE)
_NOT_YES_RE = re.compile(r"\b(?:thanks|thank you|thx|but|no|not|nah|don'?t|keep)\b", re.IGNORECASE)


def offered_change(bot_text: str) -> Optional[str]:
    """The command an answer offered ("switch to DP-750", "skip AZ-104"), or None."""
    match = _OFFER_RE.search(bot_text or "")
    return match.group(1) if match else None


def accepts_offer(text: str, bot_text: str) -> Optional[str]:
    """The offered command when `text` says yes to the offer in `bot_text` ("yes please" → "switch to DP-750");
    with several offers, the one whose exam the yes names ("yes add SC-100")."""
    commands = _OFFER_RE.findall(bot_text or "")
    text = text or ""
    named = {f"{a}-{b}".upper() for a, b in _CODE_PARTS_RE.findall(text)}
    chosen = [c for c in commands if any(code in c for code in named)]
    command = chosen[0] if chosen else (commands[0] if commands and not named else None)
    if command and len(text) < 60 and _YES_RE.search(text) and not _NOT_YES_RE.search(text):
        return command
    return None
