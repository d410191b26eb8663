"""Checking a lower unit's plan against its higher plan (đối chiếu với kế hoạch cấp trên).

``check_against(child, parent)`` reads both plans and says whether the child
implements the parent: citation (PC), targets (PT), duties (PD), deadlines (PR),
level and era (PL, the derivation lint) and, for a Word child, the form rules
of Nghị định 30. It sits above derivation and reading and below the CLI.
"""

from planforge.conformance.check import Judgement, check_against, judge
from planforge.conformance.findings import ParentFinding

__all__ = ["Judgement", "ParentFinding", "check_against", "judge"]
