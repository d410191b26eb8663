"""Reading finished documents back: effective .docx formatting and PDF layout for checks."""
