# framelens: `make run` and `make test` set everything up themselves.
# Set-up is keyed on the hash of requirements.lock and pyproject.toml: a second call skips it.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
HASH   := $(shell cat requirements.lock pyproject.toml | sha256sum | cut -c1-16)
STAMP  := $(VENV)/.setup-$(HASH)
WHEELS := $(VENV)/wheelhouse/.lock-$(shell sha256sum requirements.lock | cut -c1-16)
JOBS   ?=
RUN_ARGS ?=

export MPLBACKEND := Agg
export PYTHONHASHSEED := 0
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: setup wheelhouse run test lab lint format doctor bench workshop clean

setup: $(STAMP)

# the locked dependencies as wheels, for the workshop bundle (it installs with no network)
wheelhouse: $(WHEELS)

$(WHEELS): requirements.lock | $(STAMP)
	@echo "==> downloading the locked wheels into $(VENV)/wheelhouse (workshop bundle)"
	@rm -rf $(VENV)/wheelhouse
	$(BIN)/python -m pip download --quiet --no-deps --only-binary=:all: -r requirements.lock -d $(VENV)/wheelhouse
	@touch $@

$(STAMP): requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found (framelens needs Python 3.11; set PYTHON=/path/to/python3.11)"; exit 1; }
	@echo "==> setting up $(VENV) (lock $(HASH))"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --requirement requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation --editable .
	$(BIN)/framelens provision
	@rm -f $(VENV)/.setup-*
	@touch $@

run: setup
	$(BIN)/framelens run --corpus seeds --out outputs/seeds $(if $(JOBS),--jobs $(JOBS)) $(RUN_ARGS)

test: setup wheelhouse
	$(BIN)/python -m pytest

# rooted at the project: notebooks/, seeds/ and outputs/ are all in the file browser
lab: setup
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)"

workshop: setup wheelhouse
	$(BIN)/framelens workshop

doctor: setup
	$(BIN)/framelens doctor

lint: setup
	$(BIN)/ruff check lib tests benchmarks
	$(BIN)/ruff format --check lib tests benchmarks

format: setup
	$(BIN)/ruff check --fix lib tests benchmarks
	$(BIN)/ruff format lib tests benchmarks

bench: setup
	@for b in benchmarks/bench_*.py; do echo "==> $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) outputs/*/ .pytest_cache .ruff_cache .hypothesis
