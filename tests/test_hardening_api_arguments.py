"""The public functions and model classes refuse wrong arguments with planforge's own errors."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import attrs
import pytest

import planforge
from planforge._hints import fits, hints_of

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "lam-dong-2021"
FUNCTIONS = sorted(
    name for name in planforge.__all__ if inspect.isfunction(getattr(planforge, name))
)


@pytest.fixture(scope="module")
def plan() -> planforge.Plan:
    return planforge.load_plan(EXAMPLE / "ke-hoach-7851.yaml")


@pytest.fixture(scope="module")
def profile() -> planforge.Profile:
    return planforge.load_profile(EXAMPLE / "profile-2021-districts.yaml")


def valid_arguments(
    name: str, plan: planforge.Plan, profile: planforge.Profile, folder: Path
) -> dict[str, Any]:
    """Arguments with which ``name`` works, one wrong value is put in turn in their place."""
    results = planforge.skeleton(plan, planforge.ReportPeriod.YEAR, 2022)
    plan_text = (EXAMPLE / "ke-hoach-7851.yaml").read_text(encoding="utf-8")
    by_parameter: dict[str, Any] = {
        "plan": plan,
        "source": plan,
        "profile": profile,
        "unit": profile.units[0],
        "results": results,
        "report": planforge.build_report(plan, results),
        "sentence": "Ít nhất 70% số xã tổ chức được",
        "out": folder / "out.docx",
        "path": EXAMPLE / "ke-hoach-7851.yaml",
        "child": plan,
        "parent": plan,
        "letter": planforge.load_document(EXAMPLE / "cong-van-trien-khai-7851.yaml"),
    }
    if name.startswith("loads_"):
        by_parameter["text"] = plan_text
    if name in ("load_profile",):
        by_parameter["path"] = EXAMPLE / "profile-2021-districts.yaml"
    if name in ("load_results",):
        by_parameter["path"] = EXAMPLE / "results-2022-6m.yaml"
        by_parameter["plan"] = None
    if name.startswith("dump_"):
        by_parameter["path"] = folder / "out.yaml"
    if name.startswith("read_plan") or name == "check_document":
        by_parameter["path"] = by_parameter["source"] = folder / "missing.docx"
    signature = inspect.signature(getattr(planforge, name))
    return {
        parameter: by_parameter[parameter]
        for parameter, spec in signature.parameters.items()
        if spec.default is inspect.Parameter.empty and spec.kind is not spec.VAR_KEYWORD
    }


WRONG = [None, 7, object(), b"\xff\xfe", ("tuple",)]


@pytest.mark.parametrize("name", FUNCTIONS)
def test_every_public_function_refuses_wrong_arguments_with_its_own_error(
    name: str, plan: planforge.Plan, profile: planforge.Profile, tmp_path: Path
) -> None:
    function = getattr(planforge, name)
    signature = inspect.signature(function)
    hints = hints_of(inspect.unwrap(function))
    arguments = valid_arguments(name, plan, profile, tmp_path)
    checked = 0
    for parameter, spec in signature.parameters.items():
        if spec.kind is spec.VAR_KEYWORD:
            continue
        for wrong in [*WRONG, profile if parameter != "profile" else plan]:
            if fits(wrong, hints[parameter]) or (name.startswith("loads_") and wrong == WRONG[3]):
                continue  # a value of the right type: not a wrong argument
            with pytest.raises(planforge.ArgumentError) as raised:
                function(**{**arguments, parameter: wrong})
            assert str(raised.value).startswith(f"{name}: {parameter}")
            assert type(wrong).__name__ in str(raised.value)
            checked += 1
    assert checked >= len(signature.parameters)
    assert not list(tmp_path.iterdir())  # nothing written by a refused call


def test_arguments_in_the_wrong_order_are_named(
    plan: planforge.Plan, profile: planforge.Profile
) -> None:
    with pytest.raises(planforge.ArgumentError) as raised:
        planforge.derive_plan(profile, profile.units[0], plan)  # type: ignore[arg-type]
    assert str(raised.value) == "derive_plan: source must be Plan, not Profile"
    assert isinstance(raised.value, TypeError)  # callers catching TypeError still do


def test_missing_and_unknown_arguments_are_planforge_errors(plan: planforge.Plan) -> None:
    with pytest.raises(planforge.ArgumentError, match="render_plan: wrong arguments"):
        planforge.render_plan()  # type: ignore[call-arg]
    with pytest.raises(planforge.ArgumentError, match="dumps_plan: wrong arguments"):
        planforge.dumps_plan(plan, colour="red")  # type: ignore[call-arg]


def test_loads_functions_decode_utf8_bytes() -> None:
    raw = (EXAMPLE / "ke-hoach-7851.yaml").read_bytes()
    assert planforge.loads_plan(raw) == planforge.loads_plan(raw.decode("utf-8"))
    assert planforge.loads_plan(b"\xef\xbb\xbf" + raw).header.number.line == "Số: 7851/KH-UBND"
    profile = (EXAMPLE / "profile-2021-districts.yaml").read_bytes()
    assert planforge.loads_profile(profile).units


def test_bytes_that_are_not_utf8_name_the_file_and_line() -> None:
    with pytest.raises(planforge.PlanFileError) as raised:
        planforge.loads_plan(b"header:\n  place: L\xe2m \xd0\xf4ng\n", file="plan.yaml")
    assert str(raised.value).startswith("plan.yaml:2: ")
    assert "UTF-8" in str(raised.value)


# The model classes: a wrong type is a ModelError naming the field, never a TypeError.


def instances(value: Any, found: dict[type, Any]) -> dict[type, Any]:
    """One instance of every attrs class reachable from ``value``."""
    if attrs.has(type(value)):
        found.setdefault(type(value), value)
        for field in attrs.fields(type(value)):
            instances(getattr(value, field.name), found)
    elif isinstance(value, tuple | list):
        for item in value:
            instances(item, found)
    return found


def test_model_fields_refuse_wrong_types_naming_the_field(
    plan: planforge.Plan, profile: planforge.Profile
) -> None:
    results = planforge.skeleton(plan, planforge.ReportPeriod.YEAR, 2022)
    letter = planforge.load_document(EXAMPLE / "cong-van-trien-khai-7851.yaml")
    found: dict[type, Any] = {}
    for value in (plan, profile, results, planforge.build_report(plan, results), letter):
        instances(value, found)
    assert {planforge.Plan, planforge.Header, planforge.Unit, planforge.Letter} <= set(found)
    refused = 0
    for cls, instance in found.items():
        if cls.__module__.startswith("planforge.model"):
            for field in attrs.fields(cls):
                if field.metadata.get("located") or not field.init:
                    continue
                for wrong in (7.5j, object()):
                    with pytest.raises(planforge.ModelError) as raised:
                        attrs.evolve(instance, **{field.name: wrong})
                    assert raised.value.field == field.name, (cls, field.name)
                    assert type(wrong).__name__ in raised.value.message
                    refused += 1
    assert refused > 100


def test_plan_with_no_header_is_refused_naming_the_field(plan: planforge.Plan) -> None:
    with pytest.raises(planforge.ModelError) as raised:
        planforge.Plan(header=None, recipients=plan.recipients, signature=plan.signature)  # type: ignore[arg-type]
    assert raised.value.field == "header"
    assert "must be Header, not NoneType" in str(raised.value)


def test_tuple_items_are_named_by_index(plan: planforge.Plan) -> None:
    with pytest.raises(planforge.ModelError) as raised:
        attrs.evolve(plan, sections=[plan.sections[0], "text"])
    assert raised.value.field == "sections[1]"
    with pytest.raises(planforge.ModelError) as raised:
        attrs.evolve(plan, sections=None)
    assert raised.value.field == "sections"


def test_a_text_is_not_split_into_its_letters(plan: planforge.Plan) -> None:
    with pytest.raises(planforge.ModelError) as raised:
        planforge.Letter(
            header=plan.header,
            addressees="UBND các huyện",  # type: ignore[arg-type]
            recipients=plan.recipients,
            signature=plan.signature,
        )
    assert raised.value.field == "addressees"
    # a converter that reads a text on purpose still does
    assert planforge.Recipients((), "Lưu: VT, VX3").archive == ("VT", "VX3")
