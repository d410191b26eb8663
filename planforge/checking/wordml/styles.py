"""The style hierarchy of ``styles.xml``: the effective formatting of a paragraph or a run."""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree.ElementTree import Element

from planforge.checking.wordml.formats import ParagraphFormat, RunFormat
from planforge.checking.wordml.ooxml import (
    W,
    child_where,
    children_of,
    descend,
    first_child,
    is_on,
    measure,
    nearest,
    on_off,
    value_of,
)
from planforge.checking.wordml.paragraph_props import (
    first_line_twips,
    has_border_bottom,
    indent_twips,
    line_spacing,
    spacing_pt,
)
from planforge.checking.wordml.shapes import drawn_lines_mm
from planforge.checking.wordml.theme import Theme
from planforge.checking.wordml.walking import text_runs

__all__ = [
    "ALIGNMENTS",
    "FONT_SLOTS",
    "THEME_COLORS",
    "TWIPS_PER_CM",
    "WORD_DEFAULT_FONT",
    "WORD_DEFAULT_SIZE_PT",
    "Styles",
]

TWIPS_PER_CM = 1440 / 2.54
WORD_DEFAULT_FONT = "Times New Roman"
"""The font Word uses when no level of the style hierarchy names one."""
WORD_DEFAULT_SIZE_PT = 10.0
"""The size Word uses when no level of the style hierarchy sets one."""

#: (plain attribute, theme attribute) of each of the four font slots of ``w:rFonts``.
FONT_SLOTS = (
    ("ascii", "asciiTheme"),
    ("hAnsi", "hAnsiTheme"),
    ("cs", "cstheme"),
    ("eastAsia", "eastAsiaTheme"),
)

#: ``w:themeColor`` names -> ``a:clrScheme`` children (default colour-scheme mapping).
THEME_COLORS = {
    "text1": "dk1",
    "dark1": "dk1",
    "background1": "lt1",
    "light1": "lt1",
    "text2": "dk2",
    "dark2": "dk2",
    "background2": "lt2",
    "light2": "lt2",
    "hyperlink": "hlink",
    "followedHyperlink": "folHlink",
}
ALIGNMENTS = {"start": "left", "end": "right"}


class Styles:
    """The style hierarchy of ``styles.xml``: defaults, styles by id, basedOn chains."""

    def __init__(self, root: Element | None, theme: Theme, numbering: Element | None) -> None:
        self.theme = theme
        self.numbering = numbering
        self.by_id: dict[str, Element] = {}
        self.defaults: dict[str, str] = {}
        for style in root.findall(W + "style") if root is not None else ():
            style_id = style.get(W + "styleId")
            if style_id is None:
                continue
            self.by_id.setdefault(style_id, style)
            if on_off(style.get(W + "default")):
                self.defaults.setdefault(style.get(W + "type", "paragraph"), style_id)
        defaults = first_child(root, "docDefaults")
        self.run_defaults = descend(defaults, "rPrDefault", "rPr")
        self.paragraph_defaults = descend(defaults, "pPrDefault", "pPr")

    def chain(self, style_id: str | None, kind: str) -> list[Element]:
        """The style and its basedOn ancestors, root first; the default style of its kind when
        ``style_id`` is missing or unknown."""
        if style_id not in self.by_id:
            style_id = self.defaults.get(kind)
        chain: list[Element] = []
        while style_id in self.by_id and all(s.get(W + "styleId") != style_id for s in chain):
            style = self.by_id[style_id]
            chain.append(style)
            style_id = value_of(first_child(style, "basedOn"))
        return chain[::-1]

    def paragraph_format(self, p: Element, table: Sequence[Element] = ()) -> ParagraphFormat:
        """Direct → numbering → paragraph style chain → table style → docDefaults."""
        direct = first_child(p, "pPr")
        chain = self.chain(value_of(first_child(direct, "pStyle")), "paragraph")
        styled = [*children_of(table, "pPr"), *children_of(chain, "pPr")]
        levels = [self.paragraph_defaults, *styled, self._numbering([*styled, direct]), direct]
        style = chain[-1] if chain else None
        runs = tuple(self.run_format(r, text, table, chain) for r, text in text_runs(p))
        line, rule = line_spacing(levels)
        jc = value_of(nearest(levels, "jc")) or "left"
        return ParagraphFormat(
            text="".join(run.text for run in runs),
            style_id=style.get(W + "styleId") if style is not None else None,
            style_name=value_of(first_child(style, "name")),
            alignment=ALIGNMENTS.get(jc, jc),
            first_line_cm=first_line_twips(levels) / TWIPS_PER_CM,
            left_cm=indent_twips(levels, "left", "start") / TWIPS_PER_CM,
            right_cm=indent_twips(levels, "right", "end") / TWIPS_PER_CM,
            space_before_pt=spacing_pt(levels, "before"),
            space_after_pt=spacing_pt(levels, "after"),
            line=line,
            line_rule=rule,
            keep_next=is_on(nearest(levels, "keepNext")),
            runs=runs,
            contextual_spacing=is_on(nearest(levels, "contextualSpacing")),
            border_bottom=has_border_bottom(levels),
            drawn_lines_mm=drawn_lines_mm(p),
        )

    def run_format(
        self, run: Element, text: str, table: Sequence[Element], paragraph: Sequence[Element]
    ) -> RunFormat:
        """Direct → character style chain → paragraph style chain → table style → docDefaults.

        Toggle properties (bold, italic, caps) follow ECMA-376 §17.7.3: each style level
        that turns one on flips it; direct formatting sets it outright.
        """
        direct = first_child(run, "rPr")
        character = self.chain(value_of(first_child(direct, "rStyle")), "character")
        groups = [
            children_of(table, "rPr"),
            children_of(paragraph, "rPr"),
            children_of(character, "rPr"),
        ]
        levels = [self.run_defaults, *groups[0], *groups[1], *groups[2], direct]
        ascii_, hansi, cs, east_asia = (self._font(levels, *slot) for slot in FONT_SLOTS)
        size = measure(value_of(nearest(levels, "sz")), per_pt=2)
        return RunFormat(
            text=text,
            font_ascii=ascii_,
            font_hansi=hansi,
            font_cs=cs,
            font_east_asia=east_asia,
            size_pt=WORD_DEFAULT_SIZE_PT if size is None else size / 2,
            bold=self._toggle("b", groups, direct),
            italic=self._toggle("i", groups, direct),
            color=self._color(nearest(levels, "color")),
            underline=value_of(nearest(levels, "u")) or "none",
            caps=self._toggle("caps", groups, direct),
            vertical=value_of(nearest(levels, "vertAlign")) or "baseline",
            hint=self._hint(levels),
            complex_script=is_on(nearest(levels, "cs")) or is_on(nearest(levels, "rtl")),
        )

    def _hint(self, levels: Sequence[Element | None]) -> str:
        for rpr in reversed(levels):
            fonts = first_child(rpr, "rFonts")
            hint = fonts.get(W + "hint") if fonts is not None else None
            if hint is not None:
                return hint
        return ""

    def _toggle(
        self, tag: str, groups: Sequence[Sequence[Element | None]], direct: Element | None
    ) -> bool:
        given = first_child(direct, tag)
        if given is not None:
            return is_on(given)
        state = is_on(first_child(self.run_defaults, tag))
        for group in groups:
            if is_on(nearest(group, tag)):
                state = not state
        return state

    def _font(self, levels: Sequence[Element | None], plain: str, themed: str) -> str:
        """The nearest level naming the slot wins; its theme attribute beats its plain one."""
        for rpr in reversed(levels):
            fonts = first_child(rpr, "rFonts")
            if fonts is None:
                continue
            token = fonts.get(W + themed)
            if token is not None:
                return self.theme.fonts.get(token) or fonts.get(W + plain) or token
            name = fonts.get(W + plain)
            if name is not None:
                return name
        return WORD_DEFAULT_FONT

    def _color(self, color: Element | None) -> str:
        if color is None:
            return "auto"
        token = color.get(W + "themeColor")
        shaded = color.get(W + "themeTint") or color.get(W + "themeShade")
        if token and not shaded:
            resolved = self.theme.colors.get(THEME_COLORS.get(token, token))
            if resolved:
                return resolved
        value = color.get(W + "val", "auto")
        return "auto" if value.lower() == "auto" else value.upper()

    def _numbering(self, levels: Sequence[Element | None]) -> Element | None:
        """The paragraph properties of the numbering level a paragraph uses, if any."""
        num_pr = [first_child(ppr, "numPr") for ppr in levels]
        num_id = value_of(nearest(num_pr, "numId"))
        ilvl = value_of(nearest(num_pr, "ilvl")) or "0"
        if self.numbering is None or num_id in (None, "0"):
            return None
        num = child_where(self.numbering, "num", "numId", num_id)
        override = child_where(num, "lvlOverride", "ilvl", ilvl)
        level = first_child(override, "lvl")
        if level is None:
            abstract_id = value_of(first_child(num, "abstractNumId"))
            abstract = child_where(self.numbering, "abstractNum", "abstractNumId", abstract_id)
            level = child_where(abstract, "lvl", "ilvl", ilvl)
        return first_child(level, "pPr")
