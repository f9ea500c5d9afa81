# budgetbook: `make demo` builds out/Budget.xlsx from the bundled samples, `make test` runs the suite.
# Each target installs what it needs: a virtual environment in .venv and, for the tests,
# LibreOffice headless (Debian package) as the second real spreadsheet engine.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# The demo reads one document of every kind, in the formats they arrive in.
DEMO_SOURCES := samples/reduction_list/lejre-2023.pdf \
	samples/proposal_forms/proposal_forms_lejre_2024-2027.docx \
	samples/budget_remarks/budget_remarks_kalundborg_oeu_2024.docx \
	samples/minutes/minutes_lejre_bu_2024-08-13.pdf \
	samples/initiative_catalogue/initiative_catalogue_part1.pdf

.PHONY: demo test bench serve addin samples clean system-deps picture

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/budgetbook build $(DEMO_SOURCES) -o out/Budget.xlsx --committees committees.toml
	$(BIN)/budgetbook validate out/Budget.xlsx
	$(BIN)/budgetbook packs out/Budget.xlsx -o out/packs
	@echo "Done: out/Budget.xlsx and one pack per committee in out/packs/"

test: $(STAMP) system-deps node_modules/.installed
	$(BIN)/python -m pytest

# Node tools the tests use (Microsoft's manifest converter), pinned by package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

system-deps:
	bash scripts/install-system-deps

bench: $(STAMP)
	$(BIN)/python -m bench

# The Office.js add-in's server (xlwings Server) on https://127.0.0.1:8443 with a local CA; the folders and the
# users file default to out/server/ (set BUDGETBOOK_* to use others, see xlpy/server_settings.py).
SERVER_HOME := $(CURDIR)/out/server
serve: export BUDGETBOOK_DATA_ROOT ?= $(SERVER_HOME)/data
serve: export BUDGETBOOK_OUTPUT_ROOT ?= $(SERVER_HOME)/output
serve: export BUDGETBOOK_USERS ?= $(SERVER_HOME)/users.toml
serve: export BUDGETBOOK_ADDRESS_BOOK ?= $(CURDIR)/committees.toml
serve: $(STAMP)
	@test -n "$$XLWINGS_LICENSE_KEY" || { echo "Set XLWINGS_LICENSE_KEY=noncommercial (PolyForm Noncommercial, see the README's licence section) or an xlwings PRO key." >&2; exit 2; }
	@test -f "$$BUDGETBOOK_USERS" || $(BIN)/python -m xlpy.server adduser "$${USER:-budget}" --users "$$BUDGETBOOK_USERS"
	$(BIN)/python -m xlpy.server serve --certs $(SERVER_HOME)/certs

addin: $(STAMP)
	$(BIN)/python -m xlpy.addin.build_addin out

samples: $(STAMP)
	$(BIN)/python -m samples

# docs/print-page.png, the README's picture of a printed page: the demo's ØU pack printed by LibreOffice.
picture: demo system-deps
	bash scripts/render-print-page

clean:
	rm -rf $(VENV) out build *.egg-info node_modules
