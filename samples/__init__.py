"""Generators of realistic sample documents (PDF, DOCX, XLSX, text) from the seed texts in ../shared/seeds."""
