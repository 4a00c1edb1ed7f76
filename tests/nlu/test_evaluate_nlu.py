"""The held-out evaluation's scoring, without a model: known predictions give known numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.evaluate_nlu import (
    ENTITY_THRESHOLD,
    INTENT_THRESHOLD,
    Example,
    Prediction,
    canonical,
    evaluate,
    load_examples,
    normalise,
    render_markdown,
    training_texts,
)
from tests.conftest import ROOT


def example(text: str, intent: str, *facts: tuple) -> Example:
    return Example(text, intent, frozenset(canonical(*f) for f in facts), "test.yml")


def test_canonical_values():
    assert canonical("weekly_hours", None, "5") == ("weekly_hours", None, "5")
    assert canonical("weekly_hours", None, 5.0) == ("weekly_hours", None, "5")
    assert canonical("weekly_hours", None, 2.5) == ("weekly_hours", None, "2.5")
    assert canonical("exam_code", "held", "az-104") == ("exam_code", "held", "AZ-104")
    assert canonical("job_role", "", " Administrator ") == ("job_role", None, "administrator")


def test_perfect_predictions_pass():
    examples = [example("hi", "greet"), example("I'm a sysadmin", "inform", ("job_role", "current", "administrator"))]
    predictions = [Prediction("greet", 0.9), Prediction("inform", 0.9, {("job_role", "current", "administrator")})]
    result = evaluate(examples, predictions)
    assert result["passed"]
    assert result["intent"]["macro_f1"] == 1.0 and result["entity"]["f1"] == 1.0


def test_scores_confusions_and_entity_errors():
    examples = [
        example("hi", "greet"),
        example("hello", "greet"),
        example("I'm a dev", "inform", ("job_role", "current", "developer")),
        example("5 hours", "inform", ("weekly_hours", None, 5)),
    ]
    predictions = [
        Prediction("greet", 0.9),
        Prediction("nlu_fallback", 0.3),
        Prediction("inform", 0.9, {("job_role", None, "developer")}),  # wrong role: a miss and an extra
        Prediction("inform", 0.9, {("weekly_hours", None, "5"), ("exam_aspect", None, "x")}),  # type not scored
    ]
    result = evaluate(examples, predictions, domain_intents=["greet", "inform", "help"],
                      domain_entities=["job_role", "weekly_hours", "exam_aspect"])
    greet = result["intent"]["per_intent"]["greet"]
    assert (greet["precision"], greet["recall"]) == (1.0, 0.5)
    assert result["intent"]["macro_f1"] == pytest.approx((2 / 3 + 1.0) / 2, abs=1e-4)
    assert result["intent"]["confusions"][0]["expected"] == "greet"
    assert result["intent"]["confusions"][0]["predicted"] == "nlu_fallback"
    assert result["intent"]["not_covered"] == ["help"]
    entity = result["entity"]
    assert (entity["precision"], entity["recall"]) == (0.5, 0.5)
    assert entity["per_entity"]["job_role:current"]["fn"] == 1 and entity["per_entity"]["job_role"]["fp"] == 1
    assert entity["unscored_predictions"] == {"exam_aspect": 1}
    assert entity["not_covered"] == ["exam_aspect"]
    assert not result["passed"]
    report = render_markdown(result, "model.tar.gz")
    assert "FAILED" in report and "| greet | nlu_fallback | 1 |" in report and "`help`" in report


def test_leaked_messages_fail_the_gate():
    examples = [example("hi", "greet")]
    result = evaluate(examples, [Prediction("greet", 1.0)], leaked=["hi"])
    assert not result["passed"]
    assert result["thresholds"] == {"intent_macro_f1": INTENT_THRESHOLD, "entity_f1": ENTITY_THRESHOLD}


def test_the_holdout_is_big_enough_covers_the_profile_and_is_not_in_the_training_data():
    examples = load_examples([ROOT / "tests" / "nlu" / "holdout.yml"])
    assert len(examples) >= 200
    intents = {e.intent for e in examples}
    assert {"greet", "goodbye", "thank", "affirm", "deny", "bot_challenge", "help", "inform",
            "request_recommendation", "explain_recommendation", "start_over", "out_of_scope"} <= intents
    facts = {(name, role) for e in examples for name, role, _ in e.entities}
    assert {("job_role", "current"), ("job_role", "target"), ("job_role", None), ("exam_code", "held"),
            ("exam_code", None), ("coding_comfort", None), ("azure_experience", None),
            ("org_cloud_maturity", None), ("amount", None), ("weekly_hours", None), ("number", None)} <= facts
    known = training_texts(ROOT / "data" / "nlu")
    assert [e.text for e in examples if normalise(e.text) in known] == []


def test_normalise_ignores_case_and_punctuation():
    assert normalise("  Hello,  THERE! ") == normalise("hello there")


def test_every_holdout_file_is_rasa_nlu_yaml():
    for path in sorted((ROOT / "tests" / "nlu").glob("holdout*.yml")):
        assert load_examples([Path(path)]), path
