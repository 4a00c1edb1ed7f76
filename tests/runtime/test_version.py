"""`python -m rasa_runtime` runs only on the Rasa version its fixes were written for."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import rasa.version

from rasa_runtime import __main__ as runtime_main
from rasa_runtime import fixes
from rasa_runtime.version import EXPECTED_RASA_VERSION, RasaVersionError, check_rasa_version, installed_rasa_version

ROOT = Path(__file__).resolve().parents[2]


def test_the_installed_rasa_is_the_expected_one():
    assert installed_rasa_version() == EXPECTED_RASA_VERSION
    check_rasa_version()  # no error


def test_pyproject_pins_the_version_the_fixes_expect():
    pin = re.search(r'"rasa==([^"]+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pin and pin.group(1) == EXPECTED_RASA_VERSION


def test_another_version_gets_a_clear_error():
    with pytest.raises(RasaVersionError) as info:
        check_rasa_version("3.7.0")
    message = str(info.value)
    assert "Rasa 3.7.0 is installed" in message  # the version found
    assert f"patch Rasa {EXPECTED_RASA_VERSION}" in message  # the one expected
    assert f"pip install rasa=={EXPECTED_RASA_VERSION}" in message and "make setup" in message  # what to do


def test_apply_refuses_another_version_and_changes_nothing(monkeypatch):
    from rasa.core.actions.action import RemoteAction

    before = RemoteAction._validate_action_result
    monkeypatch.setattr(rasa.version, "__version__", "3.6.20")
    with pytest.raises(RasaVersionError, match="Rasa 3.6.20 is installed"):
        fixes.apply()
    assert RemoteAction._validate_action_result is before


def test_the_command_stops_with_the_message_and_not_a_traceback(monkeypatch, capsys):
    monkeypatch.setattr(rasa.version, "__version__", "3.7.0")
    started = []
    monkeypatch.setattr("rasa.__main__.main", lambda: started.append(True))
    assert runtime_main.main() == 2
    err = capsys.readouterr().err
    assert err.startswith("error: Rasa 3.7.0 is installed") and "Traceback" not in err
    assert not started


def test_the_command_runs_on_the_expected_version():
    done = subprocess.run([sys.executable, "-m", "rasa_runtime", "--version"], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert EXPECTED_RASA_VERSION in done.stdout
