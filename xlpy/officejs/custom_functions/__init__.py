"""The worksheet functions xlwings Server offers the add-in (namespace BUDGET): see xlpy.server_functions."""

from xlpy.server_functions import bb_kilde, bb_similar, bb_tal, bb_total

__all__ = ["bb_kilde", "bb_similar", "bb_tal", "bb_total"]
