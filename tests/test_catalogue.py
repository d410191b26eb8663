"""The level catalogue: the bundled data loads, answers derivation's questions, and a
broken catalogue file is refused at its line."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from planforge.catalogue import (
    abolished,
    bodies,
    bundled_catalogue,
    counterpart,
    functions_missing,
    kind_of,
    load_catalogue,
    loads_catalogue,
    party_committee,
    subordinates,
)
from planforge.errors import DerivationError, PlanFileError

BEFORE = datetime.date(2021, 11, 4)
AFTER = datetime.date(2025, 9, 1)
BUNDLED = Path(__file__).resolve().parents[1] / "planforge" / "catalogue" / "levels.yaml"


def test_the_bundled_catalogue_has_every_kind_of_both_eras() -> None:
    catalogue = bundled_catalogue()
    assert [k.id for k in catalogue.kinds] == [
        "province",
        "province-2025",
        "department",
        "district",
        "commune",
        "commune-2025",
    ]
    assert load_catalogue(BUNDLED) == catalogue


def test_every_counterpart_names_a_body_one_level_up() -> None:
    """A counterpart the kind above does not list would never be found going up."""
    catalogue = bundled_catalogue()
    for kind in catalogue.kinds:
        if kind.above is None:
            continue
        above = catalogue.kind(kind.above)
        for body in kind.bodies:
            for name in body.counterparts:
                assert counterpart(name, above, kind) is not None, (kind.id, name)


@pytest.mark.parametrize(
    ("noun", "date", "expected"),
    [
        ("huyện", BEFORE, "district"),
        ("thành phố", BEFORE, "district"),
        ("quận", BEFORE, "district"),
        ("thị trấn", BEFORE, "commune"),
        ("xã", AFTER, "commune-2025"),
        ("đặc khu", AFTER, "commune-2025"),
        ("sở", AFTER, "department"),
        ("thành phố", AFTER, "province-2025"),
    ],
)
def test_kind_of_a_unit_depends_on_its_noun_and_date(
    noun: str, date: datetime.date, expected: str
) -> None:
    assert kind_of(noun, date).id == expected


@pytest.mark.parametrize("noun", ["huyện", "thị trấn", "quận"])
def test_no_district_and_no_thi_tran_after_the_reform(noun: str) -> None:
    with pytest.raises(DerivationError, match=noun):
        kind_of(noun, AFTER)


def test_a_commune_of_2025_has_three_offices_and_its_ward_its_own_economy_office() -> None:
    commune = kind_of("xã", AFTER)
    offices = [b.name for b in bodies(commune, "xã") if b.name.startswith(("Phòng", "Văn phòng"))]
    assert offices == [
        "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân {kind}",
        "Phòng Văn hóa - Xã hội",
        "Phòng Kinh tế",
    ]
    ward = [b.name for b in bodies(commune, "phường")]
    assert "Phòng Kinh tế, Hạ tầng và Đô thị" in ward and "Phòng Kinh tế" not in ward
    assert not any("Tòa án" in b.name or "Viện Kiểm sát" in b.name for b in commune.bodies)


def test_several_provincial_departments_come_down_to_one_commune_office() -> None:
    province, commune = kind_of("tỉnh", AFTER), kind_of("xã", AFTER)
    for department in ("Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Dân tộc và Tôn giáo", "Sở Nội vụ"):
        found = counterpart(department, province, commune)
        assert found is not None and found.name == "Phòng Văn hóa - Xã hội"
    district = kind_of("huyện", BEFORE)
    labour = counterpart("Sở LĐTBXH", kind_of("tỉnh", BEFORE), district)
    assert labour is not None and labour.name == "Phòng Lao động - Thương binh và Xã hội"


def test_party_committees_and_the_level_below() -> None:
    district = kind_of("huyện", BEFORE)
    assert [party_committee(district, n) for n in ("huyện", "thị xã", "thành phố", "quận")] == [
        "Huyện ủy",
        "Thị ủy",
        "Thành ủy",
        "Quận ủy",
    ]
    assert subordinates(district, "huyện") == "Ủy ban nhân dân các xã, thị trấn"
    commune = kind_of("đặc khu", AFTER)
    assert party_committee(commune, "đặc khu") == "Đảng ủy đặc khu"
    assert subordinates(commune, "xã") == "các thôn, tổ dân phố"
    assert "bản" in commune.noun("xã").subordinate_units  # type: ignore[union-attr]


def test_names_gone_in_2025_and_their_successors() -> None:
    gone = dict(abolished(kind_of("phường", AFTER), "phường"))
    assert gone["Bộ Lao động - Thương binh và Xã hội"] == "Bộ Y tế"
    assert gone["Sở Lao động - Thương binh và Xã hội"] is None  # the province decides
    assert gone["Huyện ủy"] == "Đảng ủy phường"
    assert {"thị trấn", "cấp huyện"} <= set(gone)
    assert abolished(kind_of("huyện", BEFORE)) == []


def test_functions_small_bodies_lack() -> None:
    district = kind_of("huyện", BEFORE)
    police = {r.id for r in functions_missing("Công an huyện", district)}
    assert "legal-rules" in police and "investigation" not in police
    office = {r.id for r in functions_missing("Phòng Văn hóa và Thông tin", district)}
    assert {"inspection", "investigation", "prosecution"} <= office
    department = {
        r.id
        for r in functions_missing("Sở Lao động - Thương binh và Xã hội", kind_of("sở", BEFORE))
    }
    assert {
        "investigation-department",
        "prosecution-department",
        "department-commands",
        "schools-of-the-department",
        "office-resources",
        "office-programme",
    } == department


GOOD = """\
kinds:
  - id: province
    title: tỉnh
    tier: province
    nouns:
      - {name: tỉnh, party_committee: Tỉnh ủy, subordinates: "các xã"}
  - id: commune
    title: xã
    tier: commune
    above: province
    nouns:
      - {name: xã, party_committee: Đảng ủy xã, subordinates: "các thôn"}
functions:
  - id: inspection
    kinds: [commune]
    pattern: "thanh tra"
    action: rewrite
    replacement: "kiểm tra"
    reason: "không thanh tra"
"""


def test_a_province_may_bring_a_catalogue_of_its_own() -> None:
    catalogue = loads_catalogue(GOOD, "levels-lai-chau.yaml")
    commune = kind_of("xã", AFTER, catalogue=catalogue)
    assert commune.id == "commune" and subordinates(commune) == "các thôn"
    assert [
        r.id for r in functions_missing("Phòng Văn hóa - Xã hội", commune, catalogue=catalogue)
    ] == ["inspection"]


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        (
            "    above: province\n",
            "    above: provinc\n",
            "levels-lai-chau.yaml:10:12: kinds[1].above: no kind has the id 'provinc'",
        ),
        (
            "    tier: commune\n",
            "    tier: commune\n    colour: red\n",
            "levels-lai-chau.yaml:10:13: kinds[1].colour: unknown field",
        ),
        (
            'pattern: "thanh tra"',
            'pattern: "thanh (tra"',
            "levels-lai-chau.yaml:16:14: functions[0].pattern: invalid regular",
        ),
        (
            '    replacement: "kiểm tra"\n',
            "",
            "levels-lai-chau.yaml:14:5: functions[0].replacement",
        ),
        (
            "action: rewrite",
            "action: delete",
            "levels-lai-chau.yaml:17:13: functions[0].action: unknown action",
        ),
        (
            "      - {name: xã,",
            "      - {name: xã\n",
            "levels-lai-chau.yaml:13:17: YAML syntax error",
        ),
    ],
)
def test_a_broken_catalogue_is_refused_at_its_line(old: str, new: str, where: str) -> None:
    broken = GOOD.replace(old, new, 1)
    assert broken != GOOD
    with pytest.raises(PlanFileError) as caught:
        loads_catalogue(broken, "levels-lai-chau.yaml")
    assert str(caught.value).startswith(where), str(caught.value)
