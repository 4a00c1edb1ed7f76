"""Words about the person's work that pick a track's alternative, from the cues in knowledge/role_tracks.yml."""

from __future__ import annotations

import pytest

from components.work_cues import cued_alternative


@pytest.mark.parametrize("role, texts, expected", [
    ("security_engineer", ["SOC analyst, splunk and sentinel mostly"], ("SC-200", "soc")),
    ("data_engineer", ["we're moving everything to Databricks"], ("DP-750", "databricks")),
    ("ai_engineer", ["data scientist", "mlops probably"], ("AI-300", "mlops")),
    ("security_engineer", ["my colleague does all the SOC work; I do cloud security"], None),
    ("data_engineer", ["we don't use databricks, it's all fabric"], None),
    ("data_engineer", ["I build ETL pipelines in ADF"], None),
    ("administrator", ["/inform{\"current_role\": \"administrator\"}"], None),
    ("data_engineer", ["I have a Databricks data engineer associate cert, new job will be azure + fabric"], None),
    ("data_engineer", ["at my old job we used databricks, now it's all fabric"], None),
    ("security_engineer", ["tier 2 analyst, I really want out of the SOC and into cloud security"], None),
    ("data_engineer", ["moving away from databricks to fabric this year"], None),
])
def test_cues(role, texts, expected, catalog):
    assert cued_alternative(texts, catalog.track(role)) == expected
