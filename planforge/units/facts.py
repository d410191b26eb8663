"""Unit facts (thông tin đơn vị): one row per unit that a province fills once.

The signer, the counts of thôn and tổ dân phố, what the unit has (an industrial
park, school levels, islands, mountains) and free values; ``facts.yaml`` says which
columns there are and what a "không" means for the unit's targets.
"""

from __future__ import annotations

import os
import re

import attrs

from planforge.errors import UnitsError
from planforge.i18n import _
from planforge.model.profile import PLACEHOLDERS
from planforge.model.unit_facts import Absence
from planforge.text.names import closest_names
from planforge.text.normalize import clean
from planforge.text.slug import slugify
from planforge.units.data import AdministrativeUnit, Province, units_of
from planforge.units.facts_schema import Column, FactsSchema, facts_schema
from planforge.units.sheets import Table, read_table

_PLACEHOLDER = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,39}")
RESERVED = (*PLACEHOLDERS, "lead_department", "citation", "party_committee", "subordinates")
"""Placeholder names planforge fills itself: a free column cannot take them."""


@attrs.frozen
class UnitFacts:
    """What the sheet says about one unit; blank cells are None or empty."""

    code: str
    signer: str | None = None
    title: str | None = None
    authority: tuple[str, ...] = ()
    counts: tuple[tuple[str, int], ...] = ()
    absent: tuple[Absence, ...] = ()
    values: tuple[tuple[str, str], ...] = ()
    predecessors: tuple[str, ...] = ()


@attrs.define
class _Reader:
    table: Table
    schema: FactsSchema
    units: dict[str, AdministrativeUnit]
    row: int = 0

    def bad(self, column: int, message: str) -> UnitsError:
        return UnitsError(message, self.table.place(self.row, column))

    def code(self, value: str, column: int) -> AdministrativeUnit:
        code = value.strip().zfill(5) if value.strip().isdigit() else value.strip()
        unit = self.units.get(code)
        if unit is None:
            province = next(iter(self.units.values())).province.name
            message = _("no unit of {province} has the code {code!r}; keep the template's codes")
            raise self.bad(column, message.format(province=province, code=value))
        return unit

    def count(self, value: str, column: int) -> int | None:
        if not value:
            return None
        if not value.isdigit():
            message = _("{value!r} is not a number; write a whole number (0 or more)")
            raise self.bad(column, message.format(value=value))
        return int(value)

    def yes_no(self, value: str, column: int) -> bool | None:
        key = value.casefold()
        if not key:
            return None
        if key in (w.casefold() for w in self.schema.yes_words):
            return True
        if key in (w.casefold() for w in self.schema.no_words):
            return False
        message = _("{value!r} is neither yes nor no; write “có” or “không”, or leave it blank")
        raise self.bad(column, message.format(value=value))

    def title(self, value: str, column: int) -> tuple[str, tuple[str, ...]] | None:
        if not value:
            return None
        for title in self.schema.titles:
            if slugify(title.title) == slugify(value):
                return title.title, title.authority
        titles = ", ".join(t.title for t in self.schema.titles)
        message = _("unknown title {value!r}; write one of: {titles}")
        raise self.bad(column, message.format(value=value, titles=titles))

    def levels(self, value: str, column: int, kind: str) -> tuple[Absence, ...]:
        if not value:
            return ()
        named = [part.strip() for part in re.split(r"[,;]", value) if part.strip()]
        known = {slugify(level.level): level for level in self.schema.levels}
        present = []
        for part in named:
            level = known.get(slugify(part))
            if level is None:
                choices = ", ".join(level.level for level in self.schema.levels)
                message = _("unknown school level {value!r}; write some of: {levels}")
                raise self.bad(column, message.format(value=part, levels=choices))
            present.append(level)
        having = tuple(w for level in present for w in level.words)
        return tuple(
            Absence(
                words=level.words,
                unless=having,
                reason=f"{kind} không có {level.name}",
            )
            for level in self.schema.levels
            if level not in present
        )


def _columns(table: Table, schema: FactsSchema) -> list[tuple[int, Column | str]]:
    """Each titled column: its schema column, or the placeholder name of a free column."""
    by_title = {slugify(c.header): c for c in schema.columns}
    by_title.update({slugify(c.key): c for c in schema.columns})
    found: list[tuple[int, Column | str]] = []
    for index, title in enumerate(table.header):
        if not title:
            continue
        column = by_title.get(slugify(title))
        if column is not None:
            found.append((index, column))
        elif _PLACEHOLDER.fullmatch(title) and title not in RESERVED:
            found.append((index, title))
        else:
            close = closest_names(title, [c.header for c in schema.columns])
            hint = _("did you mean {close!r}?").format(close=close[0]) if close else ""
            message = _(
                "the column title {title!r} is not one of the template's, nor a placeholder "
                "name for a free column (letters, digits and _) {hint}"
            ).format(title=title, hint=hint)
            raise UnitsError(message.strip(), table.place(1, index))
    keys = [c.key if isinstance(c, Column) else c for _i, c in found]
    twice = next(
        (i for i, k in zip([i for i, _c in found], keys, strict=True) if keys.count(k) > 1), None
    )
    if twice is not None:
        raise UnitsError(_("this column is in the sheet twice"), table.place(1, twice))
    if not any(isinstance(c, Column) and c.type == "code" for _i, c in found):
        header = schema.columns[0].header
        raise UnitsError(_("the sheet has no column {title!r}").format(title=header), table.file)
    return found


def read_facts(path: str | os.PathLike[str], province: Province) -> dict[str, UnitFacts]:
    """The facts of ``province``'s units in the sheet at ``path``, by unit code.

    A bad cell (an unknown code, a count that is not a number, a unit given twice,
    an unknown yes/no value) is a :class:`UnitsError` naming its file, sheet, row and
    column.
    """
    table = read_table(path)
    schema = facts_schema()
    columns = _columns(table, schema)
    reader = _Reader(table, schema, {u.code: u for u in units_of(province)})
    found: dict[str, UnitFacts] = {}
    seen_rows: dict[str, int] = {}
    for number, cells in table.rows:
        reader.row = number
        code_index = next(i for i, c in columns if isinstance(c, Column) and c.type == "code")
        unit = reader.code(cells[code_index], code_index)
        if unit.code in seen_rows:
            message = _("the unit {code} {name} is already in row {row}")
            raise reader.bad(
                code_index,
                message.format(code=unit.code, name=unit.name, row=seen_rows[unit.code]),
            )
        seen_rows[unit.code] = number
        found[unit.code] = _facts(reader, unit, columns, cells)
    return found


def _facts(
    reader: _Reader,
    unit: AdministrativeUnit,
    columns: list[tuple[int, Column | str]],
    cells: tuple[str, ...],
) -> UnitFacts:
    facts = UnitFacts(unit.code)
    counts: list[tuple[str, int]] = []
    absent: list[Absence | None] = []
    values: list[tuple[str, str]] = []
    for index, column in columns:
        value = clean(cells[index])
        if isinstance(column, str):
            if value:
                values.append((column, value))
            continue
        if column.type == "signer" and value:
            facts = attrs.evolve(facts, signer=value)
        elif column.type == "title":
            title = reader.title(value, index)
            if title is not None:
                facts = attrs.evolve(facts, title=title[0], authority=title[1])
        elif column.type == "count":
            number = reader.count(value, index)
            if number is not None:
                values.append((column.key, str(number)))
                if number and column.count:
                    counts.append((column.count, number))
        elif column.type == "yes-no":
            if reader.yes_no(value, index) is False:
                absent += [_absence(reader.schema, column.key, unit.kind)]
        elif column.type == "levels":
            absent += reader.levels(value, index, unit.kind)
        elif column.type == "names" and value:
            names = tuple(n.strip() for n in re.split(r"[,;]", value) if n.strip())
            facts = attrs.evolve(facts, predecessors=names)
    return attrs.evolve(
        facts,
        counts=tuple(counts),
        absent=tuple(a for a in absent if a is not None),
        values=tuple(values),
    )


def _absence(schema: FactsSchema, key: str, kind: str) -> Absence | None:
    rule = next((r for r in schema.absences if r.key == key), None)
    if rule is None:
        return None
    return Absence(words=rule.words, reason=rule.reason.format(kind=kind))
