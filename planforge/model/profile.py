"""Derivation profiles (hồ sơ phân cấp): how a higher plan becomes each lower unit's plan."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from planforge.errors import ModelError
from planforge.i18n import _
from planforge.model._checks import lines, not_blank, optional_text, text
from planforge.model._types import typed
from planforge.model.agency import Agency, Level
from planforge.model.date import IssueDate
from planforge.model.nodes import Deadline, Role
from planforge.model.profile_targets import Count as Count
from planforge.model.profile_targets import Restatement as Restatement
from planforge.model.profile_targets import TargetOverride as TargetOverride
from planforge.model.profile_targets import (
    check_share,
    count_tuple,
    restatement_tuple,
    target_override_tuple,
)
from planforge.model.recipients import Recipient
from planforge.model.signature import Signature
from planforge.model.unit_facts import Absence, UnitValue, absence_tuple, unit_value_tuple
from planforge.patterns import PatternError, check_replacement, compile_pattern
from planforge.text.slug import slug_problem, slugify

PLACEHOLDERS = ("unit", "unit_short", "kind", "place", "higher", "higher_short")
"""Names a profile's texts may use in braces: "{unit_short}" → "thành phố Đà Lạt"."""


@attrs.frozen(kw_only=True, field_transformer=typed)
class AgencyRule:
    """How a body of the higher plan maps to the unit's own (ánh xạ cơ quan).

    ``target`` None drops the body (no counterpart); ``target`` "{unit}" makes
    its duties the unit's own.  With ``pattern`` the source is a regular
    expression and the target may use its groups (``\\1``).
    """

    source: str = attrs.field(converter=text, validator=not_blank)
    target: str | None = attrs.field(default=None, converter=optional_text)
    pattern: bool = False
    location: str | None = attrs.field(
        default=None, eq=False, repr=False, metadata={"located": True}
    )
    """Where the rule was written (file:line:column), for a pattern that runs too long."""

    def __attrs_post_init__(self) -> None:
        if self.pattern:
            _check_pattern(self.source, self.target)


@attrs.frozen(kw_only=True, field_transformer=typed)
class PhraseRule:
    """A scope phrase to rewrite ("trên địa bàn tỉnh" → "trên địa bàn {kind}")."""

    source: str = attrs.field(converter=text, validator=not_blank)
    target: str = attrs.field(converter=text)
    pattern: bool = False
    location: str | None = attrs.field(
        default=None, eq=False, repr=False, metadata={"located": True}
    )
    """Where the rule was written (file:line:column), for a pattern that runs too long."""

    def __attrs_post_init__(self) -> None:
        if self.pattern:
            _check_pattern(self.source, self.target)


def _check_pattern(source: str, target: str | None) -> None:
    """A rule's regular expression compiles, and its replacement names only its groups."""
    try:
        compile_pattern(source)
    except PatternError as exc:
        raise ModelError(str(exc), "source") from None
    if target is not None:
        try:
            check_replacement(source, target)
        except PatternError as exc:
            raise ModelError(str(exc), "target") from None


def _agency_rule_tuple(value: Iterable[AgencyRule]) -> tuple[AgencyRule, ...]:
    return tuple(value)


def _phrase_rule_tuple(value: Iterable[PhraseRule]) -> tuple[PhraseRule, ...]:
    return tuple(value)


def _recipient_tuple(value: Iterable[Recipient]) -> tuple[Recipient, ...]:
    return tuple(value)


def _role_tuple(value: Iterable[Role]) -> tuple[Role, ...]:
    return tuple(value)


def _slug_form(_unit: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    """A slug names files inside the output folder, so it must be one plain file name."""
    if value is not None and (problem := slug_problem(value)):
        message = _("the slug {slug!r} {problem}").format(slug=value, problem=_(problem))
        raise ModelError(message, attribute.name)


RESERVED_STEMS = ("cong-van",)
"""File names a derived folder uses for itself (the cover letter)."""


def _check_file_stems(units: tuple[Unit, ...]) -> None:
    """Two units must never write the same file (nor one's plan over another's review).

    Compared without case: the folder may be on a case-insensitive disk or a zip.
    """
    owners: dict[str, int] = {stem: -1 for stem in RESERVED_STEMS}
    for index, unit in enumerate(units):
        field = f"units[{index}].{'slug' if unit.slug else 'short_name'}"
        for name in (unit.file_stem, f"{unit.file_stem}-review"):
            other = owners.setdefault(name.casefold(), index)
            if other == -1:
                message = _("the file name {stem!r} is the cover letter's; set another slug")
                raise ModelError(message.format(stem=name), field)
            if other != index:
                message = _(
                    "units[{other}] and units[{index}] would write the same file {stem}.docx; "
                    "set another slug for one of them"
                )
                raise ModelError(message.format(other=other, index=index, stem=name), field)


def _unit_tuple(value: Iterable[Unit]) -> tuple[Unit, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True, field_transformer=typed)
class Unit:
    """A lower unit (đơn vị cấp dưới) that issues its own plan.

    ``name`` is the issuing agency ("Ủy ban nhân dân thành phố Đà Lạt");
    ``short_name`` the area or body as sentences name it ("thành phố Đà Lạt");
    ``kind`` its common noun ("thành phố", "huyện", "xã", "phường", "sở").
    """

    name: str = attrs.field(converter=text, validator=not_blank)
    short_name: str = attrs.field(converter=text, validator=not_blank)
    kind: str = attrs.field(converter=text, validator=not_blank)
    place: str = attrs.field(converter=text, validator=not_blank)
    signature: Signature
    abbreviation: str = attrs.field(default="UBND", converter=text, validator=not_blank)
    level: Level | None = None
    parent: Agency | None = None
    header_lines: tuple[str, ...] = attrs.field(default=(), converter=lines)
    archive: tuple[str, ...] = attrs.field(default=("VT",), converter=lines)
    recipients: tuple[Recipient, ...] = attrs.field(default=(), converter=_recipient_tuple)
    targets: tuple[TargetOverride, ...] = attrs.field(default=(), converter=target_override_tuple)
    slug: str | None = attrs.field(default=None, converter=optional_text, validator=_slug_form)
    counts: tuple[Count, ...] = attrs.field(default=(), converter=count_tuple)
    """The unit's own subordinate units by kind (6 thôn), to restate targets."""
    share: float | None = None
    """The unit's part of the province's absolute figures (phân bổ), 0 < share ≤ 1."""
    values: tuple[UnitValue, ...] = attrs.field(default=(), converter=unit_value_tuple)
    """The unit's own values for the profile's placeholders ("{tram_y_te}")."""
    absent: tuple[Absence, ...] = attrs.field(default=(), converter=absence_tuple)
    """What the unit does not have: the parts of targets about it do not apply."""
    code: str | None = attrs.field(default=None, converter=optional_text)
    """The official code of the unit (mã đơn vị hành chính, "24848"), when from data."""
    predecessors: tuple[str, ...] = attrs.field(default=(), converter=lines)
    """The units merged into it in 2025 ("xã Đạ Sar"), for the review."""

    def __attrs_post_init__(self) -> None:
        check_share(self.share, "share")
        names = [v.name for v in self.values]
        clash = next((n for n in names if n in PLACEHOLDERS or names.count(n) > 1), None)
        if clash is not None:
            message = _("the placeholder {{{name}}} is given twice or is planforge's own")
            raise ModelError(message.format(name=clash), "values")
        if self.slug is None and (problem := slug_problem(self.file_stem)):
            message = _("the short name, as a file name {stem!r}, {problem}")
            raise ModelError(message.format(stem=self.file_stem, problem=_(problem)), "short_name")

    @property
    def file_stem(self) -> str:
        """The name of the unit's files in a derived folder: its slug, else its short name's."""
        return self.slug or slugify(self.short_name)


@attrs.frozen(kw_only=True, field_transformer=typed)
class Profile:
    """Hồ sơ phân cấp: the lower units of one province and level, and the rules for them.

    ``extends`` names a bundled default profile ("commune", "district",
    "department") whose rules apply after this profile's own.
    """

    name: str = attrs.field(converter=text, validator=not_blank)
    level: Level
    units: tuple[Unit, ...] = attrs.field(converter=_unit_tuple)
    extends: str | None = attrs.field(default=None, converter=optional_text)
    lead_department: str | None = attrs.field(default=None, converter=optional_text)
    agencies: tuple[AgencyRule, ...] = attrs.field(default=(), converter=_agency_rule_tuple)
    phrases: tuple[PhraseRule, ...] = attrs.field(default=(), converter=_phrase_rule_tuple)
    keep: tuple[Role, ...] = attrs.field(default=(), converter=_role_tuple)
    report_days_earlier: int | None = None
    date: IssueDate | None = None
    opening: str | None = attrs.field(default=None, converter=optional_text)
    recipients: tuple[Recipient, ...] = attrs.field(default=(), converter=_recipient_tuple)
    targets: tuple[TargetOverride, ...] = attrs.field(default=(), converter=target_override_tuple)
    """Overrides for every unit (a target no unit of the level has: not_applicable)."""
    restatements: tuple[Restatement, ...] = attrs.field(default=(), converter=restatement_tuple)
    apportion: tuple[str, ...] = attrs.field(default=(), converter=lines)
    """Targets whose absolute figures are shared among the units by their ``share``."""
    reporting: ReportingRule | None = None
    situation: str | None = attrs.field(default=None, converter=optional_text)
    """A bracketed placeholder for the unit's own situation ("[Đánh giá tình hình …]")."""
    catalogue: str | None = attrs.field(default=None, converter=optional_text)
    """A level catalogue (danh mục cấp hành chính) file beside the profile, in place of the
    bundled one; once loaded, its full path."""
    subject_scope: bool | None = None
    """False: the draft's subject (trích yếu) ends before the higher plan's "trên địa bàn …"
    (a department's plan is its sector's, not a territory's); None: the defaults decide."""
    location: str | None = attrs.field(
        default=None, eq=False, repr=False, metadata={"located": True}
    )
    """Where the profile was read from (file:line:column), for error messages."""

    def __attrs_post_init__(self) -> None:
        if not self.units:
            raise ModelError(_("a profile needs at least one unit"), "units")
        names = [u.name for u in self.units]
        if len(set(names)) != len(names):
            raise ModelError(_("two units have the same name"), "units")
        _check_file_stems(self.units)
        if self.report_days_earlier is not None and self.report_days_earlier < 0:
            raise ModelError(_("report_days_earlier cannot be negative"), "report_days_earlier")
        check_apportionment(self)


@attrs.frozen(kw_only=True, field_transformer=typed)
class ProfileDefaults:
    """The bundled rules for one target level, which a profile ``extends``."""

    level: Level
    agencies: tuple[AgencyRule, ...] = attrs.field(default=(), converter=_agency_rule_tuple)
    phrases: tuple[PhraseRule, ...] = attrs.field(default=(), converter=_phrase_rule_tuple)
    keep: tuple[Role, ...] = attrs.field(default=(), converter=_role_tuple)
    report_days_earlier: int = 5
    opening: str | None = attrs.field(default=None, converter=optional_text)
    recipients: tuple[Recipient, ...] = attrs.field(default=(), converter=_recipient_tuple)
    restatements: tuple[Restatement, ...] = attrs.field(default=(), converter=restatement_tuple)
    reporting_text: str | None = attrs.field(default=None, converter=optional_text)
    subject_scope: bool = True

    def apply_to(self, profile: Profile) -> Profile:
        """The profile with these rules after its own; its own settings win."""
        return attrs.evolve(
            profile,
            agencies=profile.agencies + self.agencies,
            phrases=profile.phrases + self.phrases,
            keep=profile.keep or self.keep,
            report_days_earlier=(
                self.report_days_earlier
                if profile.report_days_earlier is None
                else profile.report_days_earlier
            ),
            opening=profile.opening or self.opening,
            recipients=profile.recipients or self.recipients,
            restatements=profile.restatements + self.restatements,
            reporting=_reporting_text(profile.reporting, self.reporting_text),
            subject_scope=(
                self.subject_scope if profile.subject_scope is None else profile.subject_scope
            ),
        )


def _deadline_tuple(value: Iterable[Deadline]) -> tuple[Deadline, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True, field_transformer=typed)
class ReportingRule:
    """The unit's reporting regime (chế độ báo cáo) when the higher plan dates none.

    ``text`` may use ``{dates}`` ("6 tháng trước ngày 10/6, hằng năm trước
    ngày 10/12") and the profile's placeholders; the bundled defaults give it.
    """

    deadlines: tuple[Deadline, ...] = attrs.field(converter=_deadline_tuple)
    text: str | None = attrs.field(default=None, converter=optional_text)

    def __attrs_post_init__(self) -> None:
        if not self.deadlines or any(d.day is None or d.month is None for d in self.deadlines):
            raise ModelError(_("give each report's day and month"), "deadlines")


def _reporting_text(reporting: ReportingRule | None, text: str | None) -> ReportingRule | None:
    if reporting is None or reporting.text is not None or text is None:
        return reporting
    return attrs.evolve(reporting, text=text)


def check_apportionment(profile: Profile) -> None:
    """The shares of one apportioned target add up to at most the whole."""
    paths = set(profile.apportion)
    paths |= {o.target for u in profile.units for o in u.targets if o.share is not None}
    for path in sorted(paths):
        total = 0.0
        for unit in profile.units:
            own = next((o.share for o in unit.targets if o.target == path and o.share), None)
            total += own if own is not None else (unit.share or 0.0) * (path in profile.apportion)
        if total > 1 + 1e-9:
            message = _("the units' shares of target {path} add up to {total:g}, more than 1")
            raise ModelError(message.format(path=path, total=round(total, 6)), "units")
