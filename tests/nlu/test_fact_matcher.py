"""The spaCy-based profile fact extractor on how people really describe themselves."""

from __future__ import annotations

from typing import Any, List, Optional, Set, Tuple

import pytest

from components.fact_lexicon import Lexicon, lexicon_fingerprint
from components.fact_matcher import FactMatcher
from components.profile_fact_extractor import ProfileFactExtractor
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def matcher() -> FactMatcher:
    return FactMatcher.from_files(ROOT / "components" / "lexicons", ROOT / "knowledge")


def facts(matcher: FactMatcher, text: str) -> Set[Tuple[str, Any, Optional[str]]]:
    return {(e["entity"], e["value"], e.get("role")) for e in matcher.extract(text)}


CASES: List[Tuple[str, Set[Tuple[str, Any, Optional[str]]]]] = [
    ("I've been a Windows sysadmin for 6 years", {("job_role", "administrator", "current")}),
    ("I patch servers and manage AD", {("job_role", "administrator", "current")}),
    ("I write backend services in Java", {("job_role", "developer", "current"), ("coding_comfort", "high", None)}),
    ("not really, I can tweak PowerShell scripts", {("coding_comfort", "low", None)}),
    ("a cloud architect, within two years", {("job_role", "architect", None)}),
    ("SRE at a fintech", {("job_role", "devops_engineer", "current")}),
    ("I have AZ-900 and az104", {("exam_code", "AZ-900", "held"), ("exam_code", "AZ-104", "held")}),
    ("I passed AZ 104 last year but I want to take AZ-305",
     {("exam_code", "AZ-104", "held"), ("exam_code", "AZ-305", None)}),
    ("maybe 10 hrs/wk", {("weekly_hours", 10.0, None)}),
    ("an hour a day", {("weekly_hours", 7.0, None)}),
    ("5", {("number", 5.0, None)}),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0] for c in CASES])
def test_extracts_profile_facts(matcher, text, expected):
    assert expected <= facts(matcher, text)


def test_several_facts_in_one_message(matcher):
    found = facts(matcher, "I'm a sysadmin, I can tweak PowerShell, want to become an architect, about 5 hours a week")
    assert {("job_role", "administrator", "current"), ("job_role", "architect", "target"),
            ("coding_comfort", "low", None), ("weekly_hours", 5.0, None)} <= found


def test_years_of_experience_are_not_study_hours(matcher):
    assert not any(e["entity"] in ("weekly_hours", "number") for e in matcher.extract("for 6 years"))


def test_ai_is_not_lemmatised_to_have(matcher):
    assert ("job_role", "ai_engineer", None) not in facts(matcher, "I have no idea")
    assert not any(e["entity"] == "job_role" for e in matcher.extract("I've got AZ-900"))


def test_offsets_point_at_the_original_text(matcher):
    text = "Ich bin ein SYSADMIN"
    for entity in matcher.extract(text):
        assert text[entity["start"]:entity["end"]] == entity["text"]


def test_lexicon_round_trips_through_json(matcher):
    again = Lexicon.from_json(matcher.lexicon.to_json())
    assert again == matcher.lexicon


def test_fingerprint_changes_when_a_lexicon_changes(tmp_path):
    import shutil

    lexicons = tmp_path / "lexicons"
    shutil.copytree(ROOT / "components" / "lexicons", lexicons)
    knowledge = ROOT / "knowledge"
    before = lexicon_fingerprint(lexicons, knowledge)
    path = lexicons / "cues.yml"
    path.write_text(path.read_text() + "\n# edited\n")
    assert lexicon_fingerprint(lexicons, knowledge) != before
    assert ProfileFactExtractor.fingerprint_addon({}) == lexicon_fingerprint(
        ROOT / "components" / "lexicons", knowledge)


def test_empty_and_hostile_text(matcher):
    assert matcher.extract("") == []
    assert matcher.extract("   ") == []
    matcher.extract("<script>alert(1)</script> ' OR 1=1; -- {{7*7}} \x00\x1b" * 200)




def test_certification_names_are_not_job_roles(matcher):
    found = facts(matcher, "I hold the Azure Administrator Associate")
    assert ("exam_code", "AZ-104", "held") in found
    assert not any(name == "job_role" for name, _, _ in found)


@pytest.mark.parametrize("text, unwanted", [
    ("I've never built an app", ("job_role", "developer", "current")),
    ("I'm a sysadmin, not a developer", ("job_role", "developer", None)),
    ("my manager wants me to get certified", ("job_role", "manager", None)),
    ("I took AZ-104 but failed", ("exam_code", "AZ-104", "held")),
    ("I have AZ-104 in progress", ("exam_code", "AZ-104", "held")),
    ("I'm not going to become the architect, we have architects", ("job_role", "architect", "target")),
    ("i really don't want to be a dba", ("job_role", "dba", "target")),
])
def test_negated_possessive_and_unfinished_mentions_are_not_facts(matcher, text, unwanted):
    assert unwanted not in facts(matcher, text)


@pytest.mark.parametrize("text, expected", [
    ("no idea yet, maybe architect", ("job_role", "architect", None)),
    ("not a developer, more of an architect", ("job_role", "architect", None)),
])
def test_a_denial_turned_round_keeps_the_role(matcher, text, expected):
    assert any(f[:2] == expected[:2] for f in facts(matcher, text))


def test_unfinished_exam_does_not_cancel_a_held_one(matcher):
    found = facts(matcher, "I passed AZ-900 and I'm studying AZ-104")
    assert ("exam_code", "AZ-900", "held") in found
    assert ("exam_code", "AZ-104", "held") not in found


# Indirect descriptions of work, tools, goals, seniority and study time (issue 4).
F = Tuple[str, Any, Optional[str]]
DEPTH_CASES: List[Tuple[str, Set[F]]] = [
    # tools and technologies
    ("I manage VMware and Intune", {("job_role", "administrator", "current")}),
    ("I run our Cisco switches and firewalls", {("job_role", "network_engineer", "current")}),
    ("BGP and routing all day", {("job_role", "network_engineer", "current")}),
    ("I hunt threats in Sentinel with KQL", {("job_role", "security_engineer", "current"),
                                             ("coding_comfort", "medium", None)}),
    ("data guy, Spark and Databricks", {("job_role", "data_engineer", "current")}),
    ("I build Power BI reports", {("job_role", "data_analyst", "current")}),
    ("we run Kubernetes clusters", {("job_role", "devops_engineer", "current")}),
    ("I look after Jenkins", {("job_role", "devops_engineer", "current")}),
    ("T-SQL stored procedures and index tuning", {("job_role", "database_administrator", "current")}),
    ("I write C# and Java services", {("coding_comfort", "high", None)}),
    # activities
    ("I mostly patch servers and manage AD", {("job_role", "administrator", "current")}),
    ("I answer tickets all day", {("job_role", "support", "current")}),
    ("deploying apps to AKS", {("job_role", "devops_engineer", "current")}),
    ("writing services in python", {("coding_comfort", "high", None)}),
    ("building pipelines", {("coding_comfort", "medium", None)}),
    # seniority and where people work
    ("senior sysadmin", {("job_role", "administrator", "current")}),
    ("lead dev at a bank", {("job_role", "developer", "current")}),
    ("10 years as a DBA", {("job_role", "database_administrator", "current")}),
    ("DBA here", {("job_role", "database_administrator", "current")}),
    # transitions: research maps "cloud engineer" to the administrator track
    ("from helpdesk to cloud engineer", {("job_role", "support", "current"), ("job_role", "administrator", "target")}),
    ("switching from dev to devops", {("job_role", "developer", "current"), ("job_role", "devops_engineer", "target")}),
    ("helpdesk -> azure admin", {("job_role", "support", "current"), ("job_role", "administrator", "target")}),
    ("sysadmin lol, wanna get into devops tbh", {("job_role", "administrator", "current"),
                                                 ("job_role", "devops_engineer", "target")}),
    ("long term I want to design solutions, not just run them", {("job_role", "architect", "target")}),
    # study time
    ("two evenings a week, 2 hours each", {("weekly_hours", 4.0, None)}),
    ("3 nights a week for an hour", {("weekly_hours", 3.0, None)}),
    ("twice a week, 2 hours", {("weekly_hours", 4.0, None)}),
    ("weekends, 3 hours a day", {("weekly_hours", 6.0, None)}),
    ("an hour a day 5 days a week", {("weekly_hours", 5.0, None)}),
    ("half an hour every weekday", {("weekly_hours", 2.5, None)}),
    ("5-6 hrs weekly", {("weekly_hours", 5.5, None)}),
    ("~8h/week", {("weekly_hours", 8.0, None)}),
    # negation of coding and Azure
    ("I don't code", {("coding_comfort", "low", None)}),
    ("i dont code at all lol", {("coding_comfort", "low", None)}),
    ("I don't know any Python", {("coding_comfort", "low", None)}),
    ("never touched Azure", {("azure_experience", "none", None)}),
    ("I've never used Azure", {("azure_experience", "none", None)}),
    ("I can read PowerShell but I'm no dev", {("coding_comfort", "low", None)}),
    ("mostly one-liners in PowerShell", {("coding_comfort", "low", None)}),
    ("I'm no dev but I write Python scripts", {("coding_comfort", "medium", None)}),
    # typos, slang, emoji
    ("sysadmn here 😅 wanna be an architekt", {("job_role", "administrator", "current"),
                                             ("job_role", "architect", "target")}),
    ("im a devloper", {("job_role", "developer", "current")}),
    ("i'm a dev 👨‍💻 and want to do ai stuff 🤖", {("job_role", "developer", "current"),
                                               ("job_role", "ai_engineer", "target")}),
]


@pytest.mark.parametrize("text, expected", DEPTH_CASES, ids=[c[0] for c in DEPTH_CASES])
def test_indirect_descriptions(matcher, text, expected):
    found = facts(matcher, text)
    assert expected <= found
    # one value per slot-like fact: no contradicting coding levels or second current role
    assert len({v for name, v, _ in found if name == "coding_comfort"}) <= 1


@pytest.mark.parametrize("text, unwanted", [
    ("I don't know any Python", ("job_role", "undecided", None)),
    ("I want to become a senior architect", ("job_role", "architect", "current")),
    ("weekends only, maybe 4 hours", ("weekly_hours", 8.0, None)),
    ("5 hours a week over 3 evenings", ("weekly_hours", 15.0, None)),
    ("Python, not C#", ("coding_comfort", "high", None)),
    ("my manager is a senior architect", ("job_role", "architect", "current")),
])
def test_depth_does_not_overreach(matcher, text, unwanted):
    assert unwanted not in facts(matcher, text)


def test_several_facts_with_typos_and_emoji(matcher):
    found = facts(matcher, "helpdesk 2 yrs 🙃 dont code, never touched azure, wanna be a cloud engineer, "
                           "have az900, 2 evenings a week 2h each")
    assert {("job_role", "support", "current"), ("job_role", "administrator", "target"),
            ("coding_comfort", "low", None), ("azure_experience", "none", None),
            ("exam_code", "AZ-900", "held"), ("weekly_hours", 4.0, None)} <= found


@pytest.mark.parametrize("word", ["manages", "managed", "security", "services", "database", "analysis"])
def test_real_words_are_not_typos(matcher, word):
    doc = matcher.nlp(word)
    for entity in ("job_role", "coding_comfort", "azure_experience"):
        assert matcher._typo_spans(doc, entity, []) == []


def test_one_edit_apart():
    from components.fact_matcher import _one_edit_apart

    assert _one_edit_apart("sysadmn", "sysadmin")
    assert _one_edit_apart("devloper", "developer")
    assert _one_edit_apart("archtiect", "architect")  # adjacent swap
    assert not _one_edit_apart("sysadmin", "sysadmin")
    assert not _one_edit_apart("manager", "managers2")
    assert not _one_edit_apart("network", "netwrok2")


@pytest.mark.parametrize("text, expected", [
    ("helpdesk guy, never used azure, don't code", ("job_role", "support", "current")),
    ("infra engineer, bits of Azure", ("job_role", "administrator", "current")),
    ("sysadmin now, architect one day", ("job_role", "administrator", "current")),
    ("sysadmin now, architect one day", ("job_role", "architect", "target")),
    ("professional developer, 10 years of Python", ("job_role", "developer", "current")),
    ("moving from development into devops", ("job_role", "developer", "current")),
    ("I've only played with the Azure portal a few times", ("azure_experience", "some", None)),
    ("my company is early in its cloud journey", ("org_cloud_maturity", "early", None)),
    ("I know SQL", ("coding_comfort", "medium", None)),
    ("project manager, no Azure", ("azure_experience", "none", None)),
    ("not at all", ("amount", "none", None)),
    ("nah", ("amount", "none", None)),
])
def test_list_style_and_short_answers(matcher, text, expected):
    assert expected in facts(matcher, text)


@pytest.mark.parametrize("text, unwanted", [
    ("honestly zero Azure experience so far", "amount"),  # part of the Azure fact
    ("lots of Azure experience", "amount"),
    ("thx a ton", "amount"),
    ("SQL queries mostly, nothing fancy", "amount"),
    ("nah, that's not right", "amount"),  # a "no", not an answer to "how much?"
    ("how do I fix my printer", "job_role"),  # a question about a task, not a job
    ("I have AZ-900 since 2024", "number"),  # a year
    ("2 evenings a week 2h each", "number"),
    ("security I think", "job_role:current"),  # a bare title keeps no role
])
def test_idle_mentions_are_not_facts(matcher, text, unwanted):
    found = {(name if role is None else f"{name}:{role}") for name, _, role in facts(matcher, text)}
    names = {f.split(":")[0] for f in found} if ":" not in unwanted else found
    assert unwanted not in names


def test_long_messages_are_read_only_up_to_a_bound(matcher):
    from components.fact_matcher import _CONTEXT_CHARS, _MAX_CHARS

    filler = "x " * (_MAX_CHARS // 2)
    assert ("job_role", "developer", "current") in facts(matcher, "I'm a developer " + filler)
    assert not facts(matcher, filler + "I'm a developer"), "facts past the bound are not read"
    # a cue further away than the context window does not reach the mention
    assert ("job_role", "architect", "target") not in facts(matcher, "I want to become " + "y " * _CONTEXT_CHARS
                                                           + "architect")
    # runs of non-space characters are blanked, offsets stay valid
    text = "😅" * 500 + " I'm a sysadmin"
    found = matcher.extract(text)
    assert [(e["entity"], e["value"]) for e in found] == [("job_role", "administrator")]
    assert all(text[e["start"]:e["end"]] == e["text"] for e in found)


@pytest.mark.parametrize("text, expected, unwanted", [
    ("anyone have the AZ-305 dump?", ("exam_code", "AZ-305", None), ("exam_code", "AZ-305", "held")),
    ("no azure certs but I have a CCNA", ("amount", "none", None), ("azure_experience", "none", None)),
    ("I'd like to end up doing architecture", ("job_role", "architect", "target"),
     ("job_role", "architect", "current")),
    ("90% of my time goes into ServiceNow tickets", ("job_role", "support", "current"),
     ("job_role", "support", "target")),
    ("I can modify a script someone else wrote", ("coding_comfort", "low", None), ("coding_comfort", "medium", None)),
])
def test_cue_precedence_and_others_holding_exams(matcher, text, expected, unwanted):
    found = facts(matcher, text)
    assert expected in found and unwanted not in found


def test_a_goal_after_my_is_not_someone_elses_job(matcher):
    assert ("job_role", "devops_engineer", "target") in facts(matcher, "actually make my goal devops")
    assert ("job_role", "devops_engineer", "current") not in facts(matcher, "my manager is a devops engineer")
