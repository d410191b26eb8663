"""Rendering of plans into Nghị định 30 documents (.docx) from Word templates."""
