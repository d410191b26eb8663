"""planforge: Vietnamese administrative plans (kế hoạch) as data, rendered per Nghị định 30."""

from planforge._arguments import checked as _checked
from planforge.checking.check import check_document
from planforge.checking.findings import Finding, Severity
from planforge.conformance.check import check_against
from planforge.derivation.cover_letter import cover_letter
from planforge.derivation.derive import derive_plan, derive_with_review
from planforge.derivation.review import Review, ReviewRow
from planforge.errors import (
    ArgumentError,
    ConversionError,
    DerivationError,
    ModelError,
    OutputExistsError,
    PlanFileError,
    PlanforgeError,
    RenderError,
    TemplateError,
)
from planforge.loading.plan_file import (
    dump_plan,
    dumps_plan,
    load_document,
    load_plan,
    loads_document,
    loads_plan,
)
from planforge.loading.profile_file import load_profile, loads_profile
from planforge.loading.results_file import dump_results, dumps_results, load_results, loads_results
from planforge.model import (
    Agency,
    AgencyRole,
    Assignment,
    Authority,
    AuthorityLine,
    Comparison,
    Deadline,
    Direction,
    DocumentNumber,
    DocumentReference,
    DocumentType,
    Header,
    IssueDate,
    LegalBasis,
    Letter,
    Level,
    Marker,
    Measure,
    Paragraph,
    Period,
    Plan,
    Recipient,
    Recipients,
    Reporting,
    Role,
    RoleAssignment,
    Secrecy,
    Section,
    Signature,
    Target,
    Urgency,
    extract_measures,
)
from planforge.model.profile import AgencyRule, PhraseRule, Profile, TargetOverride, Unit
from planforge.model.report import (
    Assessment,
    DutyResult,
    DutyStatus,
    Report,
    ReportPeriod,
    Results,
    TargetResult,
)
from planforge.reading.read import read_plan, read_plan_report
from planforge.rendering.render import render_letter, render_plan
from planforge.rendering.report_docx import render_report
from planforge.reporting.build import build_report
from planforge.reporting.skeleton import skeleton

__version__ = "0.1.0"

__all__ = [
    "Agency",
    "AgencyRole",
    "AgencyRule",
    "ArgumentError",
    "Assessment",
    "Assignment",
    "Authority",
    "AuthorityLine",
    "Comparison",
    "ConversionError",
    "Deadline",
    "DerivationError",
    "Direction",
    "DocumentNumber",
    "DocumentReference",
    "DocumentType",
    "DutyResult",
    "DutyStatus",
    "Finding",
    "Header",
    "IssueDate",
    "LegalBasis",
    "Letter",
    "Level",
    "Marker",
    "Measure",
    "ModelError",
    "OutputExistsError",
    "Paragraph",
    "Period",
    "PhraseRule",
    "Plan",
    "PlanFileError",
    "PlanforgeError",
    "Profile",
    "Recipient",
    "Recipients",
    "RenderError",
    "Report",
    "ReportPeriod",
    "Reporting",
    "Results",
    "Review",
    "ReviewRow",
    "Role",
    "RoleAssignment",
    "Secrecy",
    "Section",
    "Severity",
    "Signature",
    "Target",
    "TargetOverride",
    "TargetResult",
    "TemplateError",
    "Unit",
    "Urgency",
    "build_report",
    "check_against",
    "check_document",
    "cover_letter",
    "derive_plan",
    "derive_with_review",
    "dump_plan",
    "dump_results",
    "dumps_plan",
    "dumps_results",
    "extract_measures",
    "load_document",
    "load_plan",
    "load_profile",
    "load_results",
    "loads_document",
    "loads_plan",
    "loads_profile",
    "loads_results",
    "read_plan",
    "read_plan_report",
    "render_letter",
    "render_plan",
    "render_report",
    "skeleton",
]

# The public functions check their arguments and name the wrong one (ArgumentError);
# the loads_* functions also take bytes, decoded as UTF-8.
build_report = _checked(build_report)
check_against = _checked(check_against)
check_document = _checked(check_document)
cover_letter = _checked(cover_letter)
derive_plan = _checked(derive_plan)
derive_with_review = _checked(derive_with_review)
dump_plan = _checked(dump_plan)
dump_results = _checked(dump_results)
dumps_plan = _checked(dumps_plan)
dumps_results = _checked(dumps_results)
extract_measures = _checked(extract_measures)
load_document = _checked(load_document)
load_plan = _checked(load_plan)
load_profile = _checked(load_profile)
load_results = _checked(load_results)
loads_document = _checked(loads_document, text="text")
loads_plan = _checked(loads_plan, text="text")
loads_profile = _checked(loads_profile, text="text")
loads_results = _checked(loads_results, text="text")
read_plan = _checked(read_plan)
read_plan_report = _checked(read_plan_report)
render_letter = _checked(render_letter)
render_plan = _checked(render_plan)
render_report = _checked(render_report)
skeleton = _checked(skeleton)
