"""Property: every plan survives a trip through its plan file unchanged."""

from hypothesis import HealthCheck, given, settings
from strategies import plans

from planforge import Plan, dumps_plan, loads_plan


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans)
def test_load_of_dump_is_the_same_plan(plan: Plan) -> None:
    """Any plan, deep trees and "&<>" included, comes back equal, and its text is stable."""
    text = dumps_plan(plan)
    again = loads_plan(text)
    assert again == plan
    assert dumps_plan(again) == text
