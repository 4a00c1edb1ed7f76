# The Azure certification path advisor. Quick start: `make run` (assistant), `make test` (every test).
# Every target sets up what it needs and is idempotent: a second run neither reinstalls nor retrains.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV      := .venv
BIN       := $(VENV)/bin
STAMP     := $(VENV)/.installed
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export TF_CPP_MIN_LOG_LEVEL := 2
export RASA_TELEMETRY_ENABLED := false
export PYTHONWARNINGS := ignore

# Python 3.10 (Rasa 3.6 does not install on 3.11+): from pyenv (.python-version) or the PATH.
PYTHON310 := $(shell for p in "$$(pyenv which python3.10 2>/dev/null)" "$$(command -v python3.10 2>/dev/null)"; do \
	[ -n "$$p" ] && "$$p" -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null && { echo "$$p"; break; }; done)

# The model is named by the fingerprint of everything training reads.
# (The extractor reads exam names through knowledge/exam_names.py: the exam files and knowledge/exam_nicknames.yml.)
TRAINING_INPUTS := config.yml domain.yml knowledge/exam_nicknames.yml knowledge/exam_names.py \
	$(shell find data components knowledge/exams -type f \( -name '*.yml' -o -name '*.py' \) 2>/dev/null | sort)
FINGERPRINT = $(shell cat $(TRAINING_INPUTS) | sha256sum | cut -c1-16)
MODEL = models/advisor-$(FINGERPRINT).tar.gz
KB_INPUTS := $(wildcard knowledge/exams/*.yml) knowledge/policies.yml knowledge/role_tracks.yml
KB_STAMP := .run/knowledge-built
# The web chat page's widget (npm) and the browser its tests drive (Debian packages; root, or sudo).
WEB_STAMP := web/node_modules/.installed
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_INSTALL = $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq
# One training at a time on this machine (two checkouts training at once starve each other of the 2 cores).
TRAIN_LOCK := $(shell command -v flock >/dev/null && echo "flock $${TMPDIR:-/tmp}/advisor-training.lock")

.PHONY: help setup web browser haproxy kb model run shell cluster test lint validate stories unit nlu-gate bench bench-cluster simulate replies clean

help:
	@echo "make run    set up, build the knowledge base, train if needed, start the assistant"
	@echo "make shell  chat in the terminal (rasa shell) with the action server running"
	@echo "make cluster  two Rasa servers, two action servers, PostgreSQL, Redis, HAProxy on CLUSTER_PORT (8000)"
	@echo "make test   set up and run every test (what CI runs)"
	@echo "make bench  measure latency, throughput and memory into reports/benchmark.md"
	@echo "make replies  30 representative replies in every channel's form into reports/replies.md (no Rasa)"
	@echo "make bench-cluster  the cluster beside make run's server into reports/benchmark-cluster.md"

$(STAMP): pyproject.toml
	@if [ -z "$(PYTHON310)" ]; then \
		echo "error: Python 3.10 was not found. Rasa 3.6 needs Python 3.10: install it (e.g. 'pyenv install 3.10')" >&2; \
		echo "       and make sure 'python3.10' or 'pyenv which python3.10' finds it, then run make again." >&2; \
		exit 1; fi
	@echo "Setting up $(VENV) with $(PYTHON310) (takes a few minutes the first time)..."
	@[ -x $(BIN)/python ] || $(PYTHON310) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --upgrade pip
	@$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@

$(WEB_STAMP): web/package.json web/package-lock.json
	@command -v npm >/dev/null || { echo "Installing Node.js and npm (Debian packages)..."; $(APT_INSTALL) nodejs npm; }
	@echo "Installing the web chat widget (npm ci in web/)..."
	@cd web && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

web: $(WEB_STAMP)

# Debian's chromium and chromedriver for the browser tests (never a browser download).
browser:
	@[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || { \
		echo "Installing Debian's chromium and chromium-driver (browser tests)..."; $(APT_INSTALL) chromium chromium-driver; }

# Debian's HAProxy, the load balancer of `make cluster` and its tests (installed like chromium: only if missing).
haproxy:
	@command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || { \
		echo "Installing Debian's haproxy (load balancer for make cluster)..."; $(APT_INSTALL) haproxy; }

setup: $(STAMP) $(WEB_STAMP)

$(KB_STAMP): $(STAMP) $(KB_INPUTS)
	@mkdir -p .run
	@$(BIN)/python -m knowledge build
	@touch $@

kb: $(KB_STAMP)

$(MODEL): | $(STAMP)
	@mkdir -p models
	@echo "Training the model $(MODEL) (its inputs changed; a few minutes)..."
	@$(TRAIN_LOCK) $(BIN)/rasa train --quiet --fixed-model-name advisor-$(FINGERPRINT) --out models

model: $(STAMP) $(MODEL)
	@echo "Model: $(MODEL)"

run: kb model web
	@MODEL=$(MODEL) scripts/run_assistant.sh run

shell: kb model
	@MODEL=$(MODEL) scripts/run_assistant.sh shell

# Two Rasa servers and two action servers on PostgreSQL (TRACKER_DATABASE_URL) and Redis (REDIS_URL) behind
# HAProxy on 127.0.0.1, port CLUSTER_PORT (default 8000) (scripts/cluster.py). Ctrl-C stops everything.
cluster: kb model web haproxy
	@$(BIN)/python -m scripts.cluster --model $(MODEL)

lint: $(STAMP)
	@$(BIN)/ruff check .
	@$(BIN)/mypy

validate: $(STAMP)
	@$(BIN)/rasa data validate --quiet

stories: model
	@$(BIN)/rasa test core --model $(MODEL) --stories tests/stories --fail-on-prediction-errors --out results/core

unit: kb model web browser haproxy
	@RASA_MODEL=$(MODEL) $(BIN)/python -m pytest

# Held-out NLU accuracy (tests/nlu/holdout*.yml, never trained on): report in reports/nlu_holdout.md, fails
# below intent macro-F1 0.95 or entity F1 0.92.
nlu-gate: model
	@$(BIN)/python scripts/evaluate_nlu.py --model $(MODEL)

test: kb model lint validate stories unit nlu-gate

# 150 generated people answer from tests/conversation/people_pool.yml (never trained on): reports/simulation.md.
# The review set: 30 replies rendered for every channel, without Rasa (today pinned to 2026-11-22).
replies: $(STAMP)
	@$(BIN)/python -m scripts.render_replies

simulate: kb model
	@$(BIN)/python scripts/simulate.py --model $(MODEL)

bench: kb model
	@RASA_MODEL=$(MODEL) $(BIN)/python scripts/benchmark.py --model $(MODEL)

# make run's server, the cluster with one and with two Rasa servers, side by side: reports/benchmark-cluster.md.
bench-cluster: kb model haproxy
	@$(BIN)/python -m scripts.bench_cluster --model $(MODEL)

clean:
	rm -rf models .rasa .run results tracker.db knowledge/knowledge.db
