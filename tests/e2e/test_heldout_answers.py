"""Answers in context, held out: the 480 cases of `tests/conversation/heldout_answers.yml` through the
real servers (trained model, action server), scored per slot asked; writes reports/conversation_heldout.md.

The cases were written apart from the training data by someone who had not read it. Issue 9's target is
0.95 for every slot; FLOOR is the regression gate this suite enforces today (see the report for the
measured scores and every miss).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
import yaml

from scripts.evaluate_conversation import CASES, evaluate, write_report
from scripts.servers import Servers
from tests.e2e.helpers import module_servers

FLOOR = 0.90


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    yield from module_servers(Path(tmp_path_factory.mktemp("heldout_answers")))


def test_the_held_out_set_is_never_trained_on() -> None:
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))["cases"]
    trained = "\n".join(p.read_text(encoding="utf-8").lower() for p in Path("data/nlu").rglob("*.yml"))
    # one- and two-word answers ("no", "none yet") are bound to coincide; anything longer must not
    copied = [c["answer"] for c in cases
              if len(c["answer"].split()) >= 3 and f"- {c['answer'].lower()}\n" in trained]
    assert len(cases) >= 400
    assert not copied, f"held-out answers found in data/nlu: {copied[:5]}"


def test_answers_in_context_are_understood(servers: Servers) -> None:
    result = evaluate(servers.rasa_url, workers=3)
    write_report(result, FLOOR)
    low = {slot: score for slot, score in result["scores"].items() if score < FLOOR}
    assert not low, f"slots below {FLOOR}: {low}; see reports/conversation_heldout.md"
