"""Roles typed with typos and clippings, jobs outside IT, and roles that are someone else's
(components/answer_roles.py); each expected role is the domain.yml value a person means."""

from __future__ import annotations

import pytest

from components.answer_reader import answers_question
from components.answer_roles import read_role, someone_elses_spans


@pytest.mark.parametrize("text, role", [
    ("sys admn", "administrator"),
    ("sysadm mostly", "administrator"),
    ("sytem adminstrator at a school", "administrator"),
    ("windws admin", "administrator"),
    ("data eng", "data_engineer"),
    ("data enginer at a bank", "data_engineer"),
    ("jr data engg", "data_engineer"),
    ("cybersec", "security_engineer"),
    ("secops analyst", "security_engineer"),
    ("infosec", "security_engineer"),
    ("securty engineer", "security_engineer"),
    ("devsecops guy", "devops_engineer"),
    ("dev ops", "devops_engineer"),
    ("netwrk engineer", "network_engineer"),
    ("net eng", "network_engineer"),
    ("databse admin", "database_administrator"),
    ("im a developr", "developer"),
    ("backend dev", "developer"),
    ("helpdsk", "support"),
    ("data analyts", "data_analyst"),
    ("cloud archtect", "architect"),
    ("solution archtiect", "architect"),
    ("dta engineer", "data_engineer"),
    ("sr. sofware enginer", "developer"),
    ("im a studnet", "student"),
    ("project mngr", "manager"),
])
def test_typos_and_clippings_name_the_role(text, role):
    assert read_role(text, current=True) == role


@pytest.mark.parametrize("text", [
    "I do marketing for a software company",
    "sales rep for a Microsoft reseller",
    "retired electrician, just curious",
    "nurse",
    "I'm an accountant",
    "primary school teacher",
    "chef, want to change careers",
    "work in HR",
    "pharmacy tech",
])
def test_work_outside_it_is_other(text):
    assert read_role(text, current=True) == "other"


def test_work_outside_it_is_no_goal():
    assert read_role("nurse", current=False) is None


@pytest.mark.parametrize("text, role", [
    ("my boss is an architect but I'm just a junior dev", "developer"),
    ("my wife is a DBA, I do helpdesk", "support"),
    ("my brother is a network engineer; me, I'm a sysadmin", "administrator"),
    ("my manager is a cloud architect and I'm a data analyst", "data_analyst"),
    ("my dad's a nurse, I'm in IT support", "support"),
    ("a nurse, but my husband is a dev", "other"),
])
def test_someone_elses_role_is_not_the_persons(text, role):
    assert read_role(text, current=True) == role


def test_a_clause_about_someone_else_is_found():
    text = "my wife is a DBA, I do helpdesk"
    (start, end), = someone_elses_spans(text)
    assert text[start:end] == "my wife is a DBA"


@pytest.mark.parametrize("text", [
    "i managed the servers", "nothing yet", "i answer tickets all day", "dunno", "whatever pays",
])
def test_activities_and_non_answers_name_no_role_here(text):
    assert read_role(text, current=True) is None


@pytest.mark.parametrize("slot, text, answers", [
    ("current_role", "sys admn", True),
    ("current_role", "retired plumber doing this for fun", True),
    ("target_role", "cloud archtect", True),
    ("target_role", "nurse", False),
    ("current_role", "what does a cloud archtect earn?", False),
])
def test_a_typed_role_keeps_the_form_going(slot, text, answers):
    assert answers_question(slot, text) is answers


@pytest.mark.parametrize("text, current, role", [
    ("I'd like to run Azure environments", False, "administrator"), ("design cloud solutions", False, "architect"),
    ("I build LLM apps", True, "ai_engineer"), ("I study informatics", True, "student"),
    ("build web apps for a living", True, "developer"), ("I analyse sales data", True, "data_analyst"),
    ("I handle security incidents and alerts", True, "security_engineer"),
])
def test_what_the_job_does_names_the_role(text, current, role):
    assert read_role(text, current=current) == role
