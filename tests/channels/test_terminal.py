"""The terminal: `scripts/run_assistant.sh shell` (what `make shell` runs) driven through a pseudo-terminal as a
person would: read the question, pick "Type out your own message..." in the button menu or type at the prompt,
through to a recommendation, a button choice ("Why?") and `/stop`."""

from __future__ import annotations

import io
import os
import re
import signal
from pathlib import Path
from typing import Iterator

import pexpect
import pytest

from scripts.servers import ROOT, find_model, free_port

pytestmark = pytest.mark.e2e

UP = "\x1b[A"  # the arrow key: from the first choice of a menu to its last, "Type out your own message..."
FREE_TEXT = "Type out your own message"
PROMPT = "Your input ->"
WAIT = 300  # seconds to wait for an expected output (start-up loads the model)
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")


@pytest.fixture()
def shell(tmp_path: Path) -> Iterator[pexpect.spawn]:
    env = {**os.environ, "MODEL": str(find_model()), "RASA_PORT": str(free_port()), "ACTIONS_PORT": str(free_port()),
           "RUN_DIR": str(tmp_path), "TRACKER_DATABASE_URL": f"sqlite:///{tmp_path / 'tracker.db'}",
           "ADVISOR_TODAY": "2026-11-22", "TERM": "xterm", "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
           "TF_CPP_MIN_LOG_LEVEL": "2", "RASA_TELEMETRY_ENABLED": "false", "PYTHONWARNINGS": "ignore"}
    child = pexpect.spawn(str(ROOT / "scripts" / "run_assistant.sh"), ["shell"], cwd=str(ROOT), env=env,
                          encoding="utf-8", codec_errors="replace", timeout=WAIT, dimensions=(50, 220))
    child.logfile_read = io.StringIO()
    try:
        yield child
    finally:
        (tmp_path / "terminal.txt").write_text(ANSI.sub("", child.logfile_read.getvalue()))
        if child.isalive():
            os.killpg(child.pid, signal.SIGTERM)  # the script, the action server and rasa share its group
            child.close(force=True)


def answer(child: pexpect.spawn, text: str) -> None:
    """Wait for the assistant to ask; answer in free text, through the menu when the question has buttons."""
    if child.expect([FREE_TEXT, PROMPT]) == 0:
        child.send(UP)
        child.send("\r")
        child.expect(PROMPT)
    child.sendline(text)


def transcript(child: pexpect.spawn) -> str:
    return ANSI.sub("", child.logfile_read.getvalue())


def test_a_terminal_conversation_to_a_recommendation(shell: pexpect.spawn) -> None:
    shell.expect("Bot loaded")
    for text, next_question in (("hi", "What do you do"), ("I've been a Windows sysadmin for 6 years", "code"),
                                ("not really, I can tweak PowerShell scripts", "become"),
                                ("a cloud architect, within two years", "experience"), ("some", "certifications"),
                                ("none yet", "hours")):
        answer(shell, text)
        shell.expect(next_question)
    answer(shell, "5 hours a week")
    shell.expect("Your path")
    shell.expect("AZ-305")
    shell.expect("Why\\?")  # the follow-up buttons, as a menu: "Why?" is the first choice
    shell.expect(FREE_TEXT)
    shell.send("\r")
    shell.expect("source: https://")
    answer(shell, "/stop")
    shell.expect(pexpect.EOF)

    said = transcript(shell)
    assert said.index("1. AZ-104") < said.index("2. AZ-305")
    assert "at 5 h/week" in said
