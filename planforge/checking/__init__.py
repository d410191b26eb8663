"""Reading finished documents back (effective .docx formatting, PDF layout) and checking them
against Nghị định 30: ``check_document`` in :mod:`planforge.checking.check`, rules in ``rules/``."""
