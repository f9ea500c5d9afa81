"""The scripts xlwings Server offers the add-in (its ribbon buttons): see xlpy.scripts."""

from xlpy.scripts import build_packs, refresh, send_packs, validate

__all__ = ["build_packs", "refresh", "send_packs", "validate"]
