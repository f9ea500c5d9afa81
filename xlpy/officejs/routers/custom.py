"""The task pane's routes (documents, findings, send confirmation): see xlpy.server_routes."""

from xlpy.server_routes import router

__all__ = ["router"]
