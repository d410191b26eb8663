"""The plan model: frozen values with no file, XML or template code."""

from planforge.model.agency import Agency, Level
from planforge.model.appendix import Appendix, TaskRow, task_rows
from planforge.model.date import IssueDate
from planforge.model.document_type import DocumentType
from planforge.model.header import Header, Secrecy, Urgency
from planforge.model.letter import AS_ABOVE, Letter
from planforge.model.nodes import (
    AgencyRole,
    Assignment,
    Deadline,
    Marker,
    Node,
    Paragraph,
    Period,
    Reporting,
    Role,
    RoleAssignment,
    Section,
    Target,
)
from planforge.model.number import DocumentNumber
from planforge.model.numbering import Entry, walk
from planforge.model.plan import Plan
from planforge.model.recipients import Recipient, Recipients
from planforge.model.reference import DocumentReference, LegalBasis
from planforge.model.signature import Authority, AuthorityLine, Signature
from planforge.model.target import Comparison, Direction, Measure, extract_measures

__all__ = [
    "AS_ABOVE",
    "Agency",
    "AgencyRole",
    "Appendix",
    "Assignment",
    "Authority",
    "AuthorityLine",
    "Comparison",
    "Deadline",
    "Direction",
    "DocumentNumber",
    "DocumentReference",
    "DocumentType",
    "Entry",
    "Header",
    "IssueDate",
    "LegalBasis",
    "Letter",
    "Level",
    "Marker",
    "Measure",
    "Node",
    "Paragraph",
    "Period",
    "Plan",
    "Recipient",
    "Recipients",
    "Reporting",
    "Role",
    "RoleAssignment",
    "Secrecy",
    "Section",
    "Signature",
    "Target",
    "TaskRow",
    "Urgency",
    "extract_measures",
    "task_rows",
    "walk",
]
