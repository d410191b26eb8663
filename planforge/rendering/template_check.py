"""Static check of a Word template: split tags, unknown variables, docxtpl pitfalls, open blocks."""

from __future__ import annotations

import bisect
import difflib
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError, fromstring

import jinja2
from docxtpl import DocxTemplate
from jinja2 import nodes
from jinja2.sandbox import SandboxedEnvironment

from planforge.errors import TemplateError
from planforge.i18n import _
from planforge.model.document_type import DocumentType
from planforge.packages import Package, PackageError
from planforge.rendering.context_schema import SCHEMAS, ContextSchema
from planforge.rendering.docx_template import open_template_package

__all__ = ["Problem", "Report", "check_template"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PARTS = re.compile(r"word/(document|header\d*|footer\d*)\.xml")
OPENER = re.compile(r"\{[{%#]")
CLOSER = {"{": "}}", "%": "%}", "#": "#}"}
STRUCTURAL = re.compile(r"\{([{%#])(tr|tc|p|r) ")
SMART_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
BLOCKS = {"for", "if", "macro", "call", "filter", "with", "autoescape", "block", "raw", "trans"}
MIDDLES = {"elif": {"if"}, "else": {"if", "for"}, "pluralize": {"trans"}}
LOADERS = (nodes.Include, nodes.Extends, nodes.Import, nodes.FromImport)
ONLY_CONTEXT = "a template may use only the variables of its context"
ELEMENT_NAMES = {"p": "paragraph", "tc": "table cell", "tr": "table row"}


@dataclass(frozen=True)
class Problem:
    """One problem of a template, at a paragraph of one part (document, header, footer)."""

    code: str
    part: str
    paragraph: int | None
    text: str
    message: str

    @property
    def location(self) -> str:
        """``paragraph 9 "{{ header.motto }}"``; headers and footers are named first."""
        part = "" if self.part == "word/document.xml" else f"{Path(self.part).stem}, "
        number = f" {self.paragraph}" if self.paragraph else ""
        return f'{part}paragraph{number} "{_short(self.text)}"'

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


@dataclass(frozen=True)
class Report:
    """What ``check_template`` found: the schema used, how many tags, the problems in order."""

    schema: str
    tags: int
    problems: tuple[Problem, ...]


def check_template(path: str | Path, schema: ContextSchema | None = None) -> Report:
    """Check a .docx template against ``schema``; raise ``TemplateError`` if it is unreadable.

    Without ``schema``, the template's title property (which ``template init`` copies
    from the bundled template: "Công văn") chooses it; the default is the plan's.
    """
    package = open_template_package(Path(path))
    parts = _parts(package)
    schema = schema or SCHEMAS[_document_type(package)]
    tags = 0
    problems: list[Problem] = []
    for name, xml in parts.items():
        part = _Part(name, _paragraphs(_parse(xml, Path(path))), schema)
        tags += len(part.tags)
        found = sorted(part.check(), key=lambda problem: problem.paragraph or 0)
        problems += found or _docxtpl_syntax(name, xml, Path(path))
    return Report(schema.template, tags, tuple(problems))


def _document_type(package: Package) -> str:
    """The schema named by the template's title property, else ``ke-hoach``."""
    core = package.read("docProps/core.xml") if "docProps/core.xml" in package.names else b""
    title = re.search(rb"<dc:title>([^<]*)</dc:title>", core)
    names = {DocumentType(name).title: name for name in SCHEMAS}
    return names.get(title.group(1).decode("utf-8", "replace") if title else "", "ke-hoach")


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# --- reading the package ---------------------------------------------------------------


def _parts(package: Package) -> dict[str, str]:
    """The XML of the main document, then of its headers and footers."""
    names = sorted(n for n in package.names if PARTS.fullmatch(n))
    if "word/document.xml" not in names:
        raise TemplateError(_("not a Word document: it has no word/document.xml"), package.path)
    names.sort(key=lambda n: n != "word/document.xml")
    try:
        return {name: package.read(name).decode("utf-8") for name in names}
    except PackageError as exc:
        raise TemplateError(exc.message, package.path) from None
    except UnicodeDecodeError as exc:
        raise TemplateError(
            _("template is not a .docx file: {exc}").format(exc=exc), package.path
        ) from exc


def _parse(xml: str, path: Path) -> Element:
    try:
        return fromstring(xml)
    except ParseError as exc:
        raise TemplateError(
            _("template has malformed XML: {exc}").format(exc=exc), str(path)
        ) from exc


@dataclass(frozen=True)
class _Paragraph:
    """A ``w:p``: its number in the part, the text of each of its runs, its table row and cell."""

    number: int
    runs: tuple[str, ...]
    row: int | None
    cell: int | None

    @property
    def text(self) -> str:
        return "".join(self.runs)


def _paragraphs(root: Element) -> list[_Paragraph]:
    """Every paragraph in document order, nested ones (text boxes) after their container."""
    found: list[_Paragraph] = []
    ids = iter(range(1, 1 << 30))

    def walk(element: Element, row: int | None, cell: int | None) -> None:
        for child in element:
            if child.tag == W + "p":
                found.append(_Paragraph(len(found) + 1, tuple(_runs(child)), row, cell))
            inner_row = next(ids) if child.tag == W + "tr" else row
            inner_cell = next(ids) if child.tag == W + "tc" else cell
            walk(child, inner_row, None if child.tag == W + "tr" else inner_cell)

    walk(root, None, None)
    return found


def _runs(element: Element) -> Iterator[str]:
    """The text of each run of a paragraph, not descending into nested paragraphs."""
    for child in element:
        if child.tag == W + "r":
            yield "".join(t.text or "" for t in child.findall(W + "t"))
        elif child.tag != W + "p":
            yield from _runs(child)


# --- tags ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Tag:
    """A Jinja tag as written, where it sits and how many runs it spans."""

    text: str
    paragraph: _Paragraph
    runs: int

    @property
    def level(self) -> str:
        """``p``, ``tr``, ``tc`` or ``r`` for a docxtpl structural tag, else ``""``."""
        found = STRUCTURAL.match(self.text)
        return found.group(2) if found else ""

    @property
    def jinja(self) -> str:
        """The tag as docxtpl hands it to Jinja: structural prefix and smart quotes undone."""
        text = self.text.translate(SMART_QUOTES).replace("\n", " ")
        found = STRUCTURAL.match(text)
        if found:
            text = "" if found.group(1) == "#" else "{" + found.group(1) + text[found.end() - 1 :]
        special = re.fullmatch(r"\{%-?\s*(colspan|cellbg|vm|hm)\b(.*?)-?%\}", text)
        if special:
            text = f"{{{{ {special.group(2)} }}}}" if special.group(2).strip() else ""
        return text

    @property
    def named(self) -> str:
        """``the tag`` when it is all its paragraph holds, else the tag in quotes."""
        return "the tag" if self.text == self.paragraph.text.strip() else f'"{self.text}"'

    @property
    def keyword(self) -> str:
        """The first word of a ``{% … %}`` tag (``for``, ``endif``), else ``""``."""
        found = re.match(r"\{%[-+]?\s*(\w+)", self.jinja)
        return found.group(1) if found else ""


class _Part:
    """The tags of one part and the problems found in them."""

    def __init__(self, name: str, paragraphs: list[_Paragraph], schema: ContextSchema) -> None:
        self.name = name
        self.schema = schema
        self.paragraphs = paragraphs
        self.problems: list[Problem] = []
        self.tags: list[_Tag] = []
        for paragraph in paragraphs:
            self.tags += self._scan(paragraph)

    def report(self, code: str, paragraph: _Paragraph, message: str) -> None:
        """Add a problem; one unsafe access per paragraph is enough (``''.__class__.__mro__``)."""
        problem = Problem(code, self.name, paragraph.number, paragraph.text, message)
        if code == "unsafe" and any(
            p.code == code and p.paragraph == paragraph.number for p in self.problems
        ):
            return
        self.problems.append(problem)

    def check(self) -> list[Problem]:
        """Run every check; Jinja parses the part only when its blocks are sound."""
        for tag in self.tags:
            self._split(tag)
            self._structural(tag)
        if not self._blocks():
            self._variables()
        return self.problems

    def _scan(self, paragraph: _Paragraph) -> list[_Tag]:
        """The paragraph's tags; a tag left open at the paragraph's end is a problem."""
        text, found, position = paragraph.text, [], 0
        starts = [0, *itertools.accumulate(len(run) for run in paragraph.runs)][:-1]
        while opened := OPENER.search(text, position):
            end = text.find(CLOSER[opened.group()[1]], opened.end())
            if end < 0:
                tail = f'"{_short(text[opened.start() :], 30)}"' if opened.start() else "the tag"
                self.report("unclosed-tag", paragraph, f"{tail} is not closed in this paragraph")
                break
            first = bisect.bisect_right(starts, opened.start()) - 1
            last = bisect.bisect_right(starts, end + 1) - 1
            found.append(_Tag(text[opened.start() : end + 2], paragraph, last - first + 1))
            position = end + 2
        return found

    def _split(self, tag: _Tag) -> None:
        if tag.runs > 1:
            message = (
                f"{tag.named} is split across {tag.runs} runs (formatting or spelling marks "
                "inside it); delete it and type it again in one go"
            )
            self.report("split-tag", tag.paragraph, message)

    def _structural(self, tag: _Tag) -> None:
        """docxtpl replaces the paragraph (cell, row) of a ``{%p`` tag by the bare tag."""
        if not tag.level:
            return
        if any(c in tag.text[len(tag.level) + 3 : -2] for c in "%}"):
            message = (
                f'{tag.named} holds "%" or "}}", which docxtpl cannot read in a {{%{tag.level} tag'
            )
            self.report("structural-percent", tag.paragraph, message)
        if tag.level == "r":  # docxtpl gives {%r tags a run of their own
            return
        element, owner = ELEMENT_NAMES[tag.level], _owner(tag.paragraph, tag.level)
        if owner is None:
            self.report("structural-outside", tag.paragraph, f"{tag.named} is not in a {element}")
            return
        same = [t for t in self.tags if _owner(t.paragraph, tag.level) == owner]
        if next(t for t in same if t.level) is tag:  # once per paragraph, cell or row
            self._alone(tag, element, same, owner)

    def _alone(self, tag: _Tag, element: str, same: list[_Tag], owner: int) -> None:
        """Nothing may share the paragraph (cell, row) of a structural tag: docxtpl drops it."""
        others = [t for t in same if t is not tag]
        structural = [t for t in others if t.level]
        text = "".join(p.text for p in self.paragraphs if _owner(p, tag.level) == owner)
        for other in same:
            text = text.replace(other.text, "", 1)
        if structural:
            message = (
                f'two structural tags in one {element}: "{tag.text}" and "{structural[0].text}"; '
                f"give each a {element} of its own"
            )
            self.report("two-structural", tag.paragraph, message)
        elif others or text.strip():
            lost = f'"{others[0].text}"' if others else f'the text "{_short(text, 30)}"'
            message = (
                f'{lost} is lost: docxtpl replaces the whole {element} of "{tag.text}"; '
                f"give it a {element} of its own"
            )
            self.report("structural-company", tag.paragraph, message)

    def _blocks(self) -> bool:
        """Report block tags that close or continue no block, and blocks never closed."""
        stack: list[_Tag] = []
        before = len(self.problems)
        for tag in self.tags:
            word = tag.keyword
            if word in BLOCKS or (word == "set" and "=" not in tag.jinja):
                stack.append(tag)
            elif word in MIDDLES and not (stack and stack[-1].keyword in MIDDLES[word]):
                blocks = " or ".join(sorted(MIDDLES[word]))
                self.report("stray-tag", tag.paragraph, f'"{tag.text}" is outside {blocks} block')
            elif word.startswith("end"):
                if word[3:] not in [t.keyword for t in stack]:
                    self.report("stray-tag", tag.paragraph, f'"{tag.text}" closes no block')
                    continue
                while stack[-1].keyword != word[3:]:
                    self._never_closed(stack.pop())
                stack.pop()
        for tag in reversed(stack):
            self._never_closed(tag)
        return len(self.problems) > before

    def _never_closed(self, tag: _Tag) -> None:
        end = f"{{%{tag.level} end{tag.keyword} %}}" if tag.level else f"{{% end{tag.keyword} %}}"
        message = f'the {tag.keyword} block opened here is never closed: add "{end}"'
        self.report("open-block", tag.paragraph, message)

    def _variables(self) -> None:
        """Parse the tags, one per line, with Jinja; walk the tree for names and attributes."""
        source = "\n".join(tag.jinja for tag in self.tags)
        env = SandboxedEnvironment()
        try:
            tree = env.parse(source)
        except jinja2.TemplateSyntaxError as exc:
            tag = self.tags[min(max(exc.lineno, 1), len(self.tags)) - 1]
            self.report("syntax", tag.paragraph, f"syntax error in {tag.named}: {exc.message}")
            return
        _Names(self, env).statements(tree.body, {})

    def at(self, node: nodes.Node) -> _Paragraph:
        """The paragraph of the tag a node of the parsed source comes from."""
        return self.tags[min(max(node.lineno, 1), len(self.tags)) - 1].paragraph


# --- names -----------------------------------------------------------------------------

_Scope = dict[str, str | None]
"""Names bound inside the template: loop and set variables, with their context path if known."""


class _Names:
    """Walk a parsed template: every name and attribute path must be in the schema."""

    def __init__(self, part: _Part, env: SandboxedEnvironment) -> None:
        self.part = part
        self.env = env
        self.schema = part.schema

    def statements(self, body: list[nodes.Node], scope: _Scope) -> None:
        for node in body:
            self.statement(node, scope)

    def statement(self, node: nodes.Node, scope: _Scope) -> None:
        if isinstance(node, nodes.For):
            path = self.expr(node.iter, scope)[0]
            inner = {**scope, "loop": None}
            item = f"{path}[]" if path and self.schema.type_of(f"{path}[]") else None
            self.bind(node.target, inner, item)
            if node.test is not None:
                self.expr(node.test, inner)
            self.statements(node.body, inner)
            self.statements(node.else_, scope)
        elif isinstance(node, nodes.Assign):
            self.bind(node.target, scope, self.expr(node.node, scope)[0])
        elif isinstance(node, nodes.With | nodes.Macro | nodes.CallBlock):
            self.scoped(node, scope)
        elif isinstance(node, LOADERS):
            message = "loads another template; a Word template must be self-contained"
            self.part.report("loads-template", self.part.at(node), message)
        else:
            self.children(node, scope)
            if isinstance(node, nodes.AssignBlock):
                self.bind(node.target, scope, None)

    def scoped(self, node: nodes.With | nodes.Macro | nodes.CallBlock, scope: _Scope) -> None:
        """``with``, ``macro`` and ``call`` bind names for their body only."""
        inner = dict(scope)
        if isinstance(node, nodes.With):
            for target, value in zip(node.targets, node.values, strict=True):
                self.bind(target, inner, self.expr(value, scope)[0])
        else:
            for default in node.defaults:
                self.expr(default, scope)
            for arg in node.args:
                self.bind(arg, inner, None)
            inner.update(caller=None, varargs=None, kwargs=None)
            if isinstance(node, nodes.Macro):
                scope[node.name] = inner[node.name] = None
            else:
                self.expr(node.call, scope)
        self.statements(node.body, inner)

    def bind(self, target: nodes.Node, scope: _Scope, path: str | None) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = path
        for name in target.find_all(nodes.Name):
            scope.setdefault(name.name, None)

    def children(self, node: nodes.Node, scope: _Scope) -> None:
        for child in node.iter_child_nodes():
            if isinstance(child, nodes.Expr):
                self.expr(child, scope)
            else:
                self.statement(child, scope)

    def expr(self, node: nodes.Node, scope: _Scope) -> tuple[str | None, str]:
        """The context path of an expression (``None`` if not a context value) and its text."""
        if isinstance(node, nodes.Name):
            return self.name(node, scope), node.name
        if isinstance(node, nodes.Const):
            return None, repr(node.value)
        if isinstance(node, nodes.Getattr):
            return self.member(node, node.node, node.attr, scope)
        if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
            if isinstance(node.arg.value, str):
                return self.member(node, node.node, node.arg.value, scope)
            path, text = self.expr(node.node, scope)
            item = f"{path}[]" if path and self.schema.type_of(f"{path}[]") else None
            return item, f"{text}[{node.arg.value!r}]"
        if isinstance(node, nodes.Filter | nodes.Test):
            self.known(node)
        self.children(node, scope)
        return None, "(…)"

    def name(self, node: nodes.Name, scope: _Scope) -> str | None:
        if node.name in scope:
            return scope[node.name]
        if node.name in self.schema.names:
            return node.name
        if node.name not in self.env.globals:
            known = [n for n in self.schema.names if "." not in n and "[" not in n]
            hint = _hint(node.name, [*known, *scope])
            message = f"{node.name} is not in the template context{hint}"
            self.part.report("unknown-variable", self.part.at(node), message)
        return None

    def member(
        self, node: nodes.Node, base: nodes.Node, attr: str, scope: _Scope
    ) -> tuple[str | None, str]:
        """``base.attr``: a schema path, a method of a str, list or mapping, or a problem."""
        path, text = self.expr(base, scope)
        written = f"{text}.{attr}"
        if attr.startswith("_"):
            message = f"{written} reaches for Python internals; {ONLY_CONTEXT}"
            self.part.report("unsafe", self.part.at(node), message)
            return None, written
        if path is None:
            return None, written
        if f"{path}.{attr}" in self.schema.names:
            return f"{path}.{attr}", written
        kind = self.schema.type_of(path)
        if kind and kind.python_type and hasattr(kind.python_type, attr):
            return None, written
        siblings = [n[len(path) + 1 :] for n in self.schema.names if n.startswith(f"{path}.")]
        hint = _hint(attr, [s for s in siblings if "." not in s and "[" not in s], f"{text}.")
        message = f"{written} is not in the template context{hint}"
        self.part.report("unknown-variable", self.part.at(node), message)
        return None, written

    def known(self, node: nodes.Filter | nodes.Test) -> None:
        """Filters and tests must exist; ``attr("_…")`` reaches for internals too."""
        is_filter = isinstance(node, nodes.Filter)
        if node.name not in (self.env.filters if is_filter else self.env.tests):
            message = f"no {'filter' if is_filter else 'test'} named {node.name}"
            self.part.report("unknown-filter", self.part.at(node), message)
        names = [a.value for a in node.args if isinstance(a, nodes.Const)]
        if node.name == "attr" and any(isinstance(n, str) and n.startswith("_") for n in names):
            message = f"attr({names[0]!r}) reaches for Python internals; {ONLY_CONTEXT}"
            self.part.report("unsafe", self.part.at(node), message)


def _owner(paragraph: _Paragraph, level: str) -> int | None:
    """The paragraph, cell or row that docxtpl replaces for a tag of this level."""
    return {"p": paragraph.number, "tc": paragraph.cell, "tr": paragraph.row}[level]


def _hint(word: str, candidates: list[str], prefix: str = "") -> str:
    close = difflib.get_close_matches(word, candidates, n=1)
    return f" (did you mean {prefix}{close[0]}?)" if close else ""


def _docxtpl_syntax(name: str, xml: str, path: Path) -> list[Problem]:
    """Last guard: the part as docxtpl itself rewrites it must parse as Jinja."""
    patched = DocxTemplate(path).patch_xml(xml)
    lines = re.sub(r"<w:p([ >])", r"\n<w:p\1", patched).splitlines()
    try:
        SandboxedEnvironment().parse("\n".join(lines))
    except jinja2.TemplateSyntaxError as exc:
        line = lines[exc.lineno - 1] if 0 < exc.lineno <= len(lines) else ""
        text = re.sub(r"<[^>]+>", "", line)
        return [Problem("syntax", name, None, text, exc.message or "syntax error")]
    return []
