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

.PHONY: demo test bench serve addin samples clean system-deps

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/budgetbook build $(DEMO_SOURCES) -o out/Budget.xlsx
	$(BIN)/budgetbook validate out/Budget.xlsx
	$(BIN)/budgetbook packs out/Budget.xlsx -o out/packs
	@echo "Done: out/Budget.xlsx and one pack per committee in out/packs/"

test: $(STAMP) system-deps
	$(BIN)/python -m pytest

system-deps:
	bash scripts/install-system-deps

bench: $(STAMP)
	$(BIN)/python -m bench

serve: $(STAMP)
	XLWINGS_ON_SERVER=true $(BIN)/python -m xlpy.server

addin: $(STAMP)
	$(BIN)/python -m xlpy.addin.build_addin out

samples: $(STAMP)
	$(BIN)/python -m samples

clean:
	rm -rf $(VENV) out build *.egg-info
