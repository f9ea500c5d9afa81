"""The record types of each document kind, one module per kind; all frozen dataclasses with provenance."""
