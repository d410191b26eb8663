"""Reading existing plans (.docx, .txt, .md) into the model, with nothing lost."""

from planforge.reading.errors import ReadError
from planforge.reading.read import Reading, read_plan, read_plan_report
from planforge.reading.warnings import ReadWarning

__all__ = ["ReadError", "ReadWarning", "Reading", "read_plan", "read_plan_report"]
