"""Coding comfort, Azure experience and cloud maturity answers with contrasts, qualifiers and typos
(components/answer_coding.py, answer_azure.py, answer_maturity.py), read as answers to the question asked.
Each value follows the stated rule in the comment above its group, not the code."""

from __future__ import annotations

from datetime import date

import pytest

from components.answer_reader import read_answer

TODAY = date(2026, 12, 1)


def _read(slot: str, text: str) -> object:
    reading = read_answer(slot, text, asked=True, today=TODAY)
    return reading.value if reading is not None else None


@pytest.mark.parametrize("text, level", [
    # spreadsheets, copying code from elsewhere, "not my thing", a course: low
    ("only excel formulas", "low"),
    ("spreadsheets, vlookups, that kind of thing", "low"),
    ("not really my thing tbh", "low"),
    ("not my cup of tea", "low"),
    ("i google stack overflow and paste stuff", "low"),
    ("mostly copy paste from chatgpt", "low"),
    ("excel macros at most", "low"),
    ("did a free python course on codecademy, so beginner", "low"),
    ("started a udemy javascript course last month, still a noob", "low"),
    # a strong and a weak language together: medium
    ("sql yes very good, python only a little bit", "medium"),
    ("java is my strength, but my python is weak", "medium"),
    ("C# pro, powershell barely", "medium"),
    ("i can write bash, python not so much", "medium"),
    # code most of the day: high
    ("python heavy, all day", "high"),
    # scripts and queries stay scripts and queries, however often
    ("bash and powershell scripts every day at work", "medium"),
    ("I write KQL queries all day long", "medium"),
    ("I live in python, all day every day", "high"),
    ("typescript daily at work", "high"),
    # a course in the past does not lower what the person does now
    ("took a course in C# years ago, now I build apps at work", "high"),
    ("I teach python courses", "medium"),
])
def test_coding_comfort(text, level):
    assert _read("coding_comfort", text) == level


@pytest.mark.parametrize("text, level", [
    # learning about Azure without using it: none
    ("no hands-on, only theory/videos", "none"),
    ("zero practical, read the docs though", "none"),
    ("just theory so far, from a book", "none"),
    ("none on azure, tons on aws", "none"),
    ("nothing with azure, 4 years of GCP", "none"),
    ("we don't use azure", "none"),
    ("i dont really touch it", "none"),
    # a little, or some beside another cloud: some
    ("a lil", "some"),
    ("a tiny bit", "some"),
    ("barely", "some"),
    ("a smidge", "some"),
    ("some, but mostly AWS", "some"),
    ("a bit, mainly gcp tho", "some"),
    # the clause about Azure resources decides over identity and SaaS use
    ("Entra daily, but Azure resources like VMs: very little", "some"),
    ("m365 admin all day, azure vms hardly ever", "some"),
    # using Azure services without running them: some
    ("we use azure sql and power bi, I only use them, don't manage", "some"),
    ("i log into the portal to check stuff, that's it", "some"),
    # durations: under two years some, two or more extensive
    ("about 8 months", "some"),
    ("roughly a year and change", "some"),
    ("3 yrs", "extensive"),
    ("been on it since 2020", "extensive"),
])
def test_azure_experience(text, level):
    assert _read("azure_experience", text) == level


@pytest.mark.parametrize("text, level", [
    # SaaS only with the rest on-premises, or a cloud not chosen yet: early
    ("we only use office 365, everything else on prem", "early"),
    ("just m365 really, servers in our own datacenter", "early"),
    ("email is in the cloud, the rest sits in our server room", "early"),
    ("still picking between aws and azure", "early"),
    ("deciding which cloud to go with", "early"),
    # hybrid, half and half: early (the contract has early and mature only; most systems are not in the cloud)
    ("hybrid, half and half", "early"),
    ("50/50 cloud and on-prem", "early"),
    # in the cloud for two years or more, or platform services: mature
    ("been on the cloud since 2017", "mature"),
    ("in azure since 2025", "early"),
    ("mostly PaaS and AKS now", "mature"),
    ("we run kubernetes and serverless in production", "mature"),
    ("we moved everything to azure years ago", "mature"),
    ("no kubernetes or paas yet, a few VMs", "early"),
])
def test_org_cloud_maturity(text, level):
    assert _read("org_cloud_maturity", text) == level


@pytest.mark.parametrize("text", [
    "hey, I need some help with azure certs", "looking for some advice on Azure exams", "I want a few azure certs",
])
def test_asking_for_help_with_azure_says_nothing_about_experience(text):
    assert read_answer("azure_experience", text, asked=False) is None


@pytest.mark.parametrize("text", [
    "I don't want to change role, I just need a cert by the end of March", "no career change, my boss wants one cert",
])
def test_no_change_of_role_is_staying(text):
    from components.answer_reader import read_goal

    goal = read_goal(text, True)
    assert goal is not None and goal.stay


@pytest.mark.parametrize("text", ["hey, could use some help with microsoft certs", "need a roadmap for cloud exams",
                                  "any tips on azure certifications?"])
def test_a_request_for_help_with_certifications_asks_for_a_path(text):
    from components.answer_reader import asks_for_advice

    assert asks_for_advice(text)
